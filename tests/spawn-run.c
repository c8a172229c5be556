/* spawn-run.c: running a program for the test drivers (see spawn-run.h). */
#include <config.h>

#include "spawn-run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

_Noreturn void
die (char const *what, char const *name, int err)
{
  if (err)
    fprintf (stderr, "%s: %s %s: %s\n", program_name, what, name,
             strerror (err));
  else
    fprintf (stderr, "%s: %s %s\n", program_name, what, name);
  exit (EXIT_TROUBLE);
}

void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    die ("out of", "memory", ENOMEM);
  return p;
}

void *
xnmalloc (size_t n, size_t size)
{
  if (size && n > SIZE_MAX / size)
    die ("out of", "memory", ENOMEM);
  return xmalloc (n * size);
}

void *
xnrealloc (void *p, size_t n, size_t size)
{
  if (size && n > SIZE_MAX / size)
    die ("out of", "memory", ENOMEM);
  void *q = realloc (p, n && size ? n * size : 1);
  if (!q)
    die ("out of", "memory", ENOMEM);
  return q;
}

char *
xstrdup (char const *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xmalloc (n), s, n);
}

void
str_add (struct str *s, void const *data, size_t n)
{
  if (!s->p || s->cap - s->n <= n)
    {
      size_t cap = s->cap ? s->cap : 256;
      while (cap - s->n <= n)
        {
          if (cap > SIZE_MAX / 2)
            die ("out of", "memory", ENOMEM);
          cap *= 2;
        }
      s->p = xnrealloc (s->p, cap, 1);
      s->cap = cap;
    }
  if (n)
    memcpy (s->p + s->n, data, n);
  s->n += n;
  s->p[s->n] = '\0';
}

void
str_adds (struct str *s, char const *text)
{
  str_add (s, text, strlen (text));
}

/* Print the N bytes at S so that bash reads them back as one word: bare if
   harmless, in single quotes if printable, else in $'...' with escapes.  */
void
put_quoted (FILE *o, char const *s, size_t n)
{
  bool bare = n > 0, printable = true;
  for (size_t i = 0; i < n; i++)
    {
      unsigned char b = (unsigned char) s[i];
      if (!strchr ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                   "0123456789_./=+,:@%-", b) || b == 0)
        bare = false;
      if (b < 0x20 || b >= 0x7f || b == '\'')
        printable = false;
    }
  if (bare)
    fwrite (s, 1, n, o);
  else if (printable)
    {
      putc ('\'', o);
      fwrite (s, 1, n, o);
      putc ('\'', o);
    }
  else
    {
      fputs ("$'", o);
      for (size_t i = 0; i < n; i++)
        {
          unsigned char b = (unsigned char) s[i];
          switch (b)
            {
            case '\n': fputs ("\\n", o); break;
            case '\t': fputs ("\\t", o); break;
            case '\r': fputs ("\\r", o); break;
            case '\\': fputs ("\\\\", o); break;
            case '\'': fputs ("\\'", o); break;
            default:
              if (b < 0x20 || b >= 0x7f)
                fprintf (o, "\\x%02x", (unsigned int) b);
              else
                putc (b, o);
            }
        }
      putc ('\'', o);
    }
}

void
put_word (FILE *o, char const *s)
{
  put_quoted (o, s, strlen (s));
}

/* Set when the current run has taken its time limit.  */
static volatile sig_atomic_t run_timed_out;

/* The alarm fires again every second until the run is over, so that a
   wait that began just after it still gets interrupted.  */
static void
on_alarm (int sig _GL_UNUSED)
{
  run_timed_out = 1;
  alarm (1);
}

static int
open_capture (void)
{
  char const *tmpdir = getenv ("TMPDIR");
  struct str t = { NULL, 0, 0 };
  str_adds (&t, tmpdir && *tmpdir ? tmpdir : "/tmp");
  str_adds (&t, "/spawn-run-XXXXXX");
  int fd = mkostemp (t.p, O_CLOEXEC);
  if (fd < 0)
    die ("cannot create a file like", t.p, errno);
  unlink (t.p);
  free (t.p);
  return fd;
}

void
runner_init (struct runner *r, unsigned int timeout)
{
  /* Keep descriptors 0-2 taken, so that none of ours is one of them.  */
  while (true)
    {
      int fd = open ("/dev/null", O_RDWR);
      if (fd < 0)
        die ("cannot open", "/dev/null", errno);
      if (fd > STDERR_FILENO)
        {
          close (fd);
          break;
        }
    }
  r->null_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  if (r->null_fd < 0)
    die ("cannot open", "/dev/null", errno);
  r->out_fd = open_capture ();
  r->err_fd = open_capture ();
  r->timeout = timeout;
  /* The driver survives a wc that stops reading its pipe; wc itself gets
     the default SIGPIPE action and no blocked signals.  */
  signal (SIGPIPE, SIG_IGN);
  /* Without SA_RESTART, the alarm interrupts a blocked write or wait.  */
  struct sigaction sa = { .sa_handler = on_alarm };
  sigemptyset (&sa.sa_mask);
  if (sigaction (SIGALRM, &sa, NULL) != 0)
    die ("cannot handle", "SIGALRM", errno);
  sigset_t none, pipe_only;
  sigemptyset (&none);
  sigemptyset (&pipe_only);
  sigaddset (&pipe_only, SIGPIPE);
  if (posix_spawnattr_init (&r->attr) != 0
      || posix_spawnattr_setsigmask (&r->attr, &none) != 0
      || posix_spawnattr_setsigdefault (&r->attr, &pipe_only) != 0
      || posix_spawnattr_setflags (&r->attr, POSIX_SPAWN_SETSIGMASK
                                             | POSIX_SPAWN_SETSIGDEF) != 0)
    die ("cannot set up", "posix_spawn", 0);
}

static void
reset_capture (int fd)
{
  if (ftruncate (fd, 0) != 0 || lseek (fd, 0, SEEK_SET) != 0)
    die ("cannot empty", "a capture file", errno);
}

static char *
read_capture (int fd, size_t *len)
{
  struct stat st;
  if (fstat (fd, &st) != 0)
    die ("cannot stat", "a capture file", errno);
  size_t n = (size_t) st.st_size;
  char *p = xmalloc (n + 1);
  size_t got = 0;
  while (got < n)
    {
      ssize_t r = pread (fd, p + got, n - got, (off_t) got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        die ("cannot read", "a capture file", r < 0 ? errno : EIO);
      got += (size_t) r;
    }
  p[n] = '\0';
  *len = n;
  return p;
}

/* One file being copied into a pipe.  */
struct feed
{
  int from;           /* the file */
  int to;             /* the pipe's write end; -1 once closed */
  char *buf;
  size_t len, done;   /* bytes in BUF, and how many of them are written */
};

/* Make a pipe that copies file NAME to the program: its read end, placed
   above every descriptor number the program is to receive, goes to *READ;
   the feed writes without blocking, so that one pipe the program does
   not read yet holds up none of the others.  */
static void
open_feed (struct feed *f, char const *name, size_t chunk, int *read_end)
{
  int fds[2];
  if (pipe2 (fds, O_CLOEXEC) != 0)
    die ("cannot make", "a pipe", errno);
  *read_end = fcntl (fds[0], F_DUPFD_CLOEXEC,
                     RUN_FIRST_EXTRA_FD + RUN_MAX_EXTRA_PIPES);
  if (*read_end < 0 || fcntl (fds[1], F_SETFL, O_NONBLOCK) != 0)
    die ("cannot set up", "a pipe", errno);
  close (fds[0]);
  f->from = open (name, O_RDONLY | O_CLOEXEC);
  if (f->from < 0)
    die ("cannot open", name, errno);
  f->to = fds[1];
  f->buf = xmalloc (chunk);
  f->len = f->done = 0;
}

static void
close_feed (struct feed *f)
{
  if (f->to >= 0)
    close (f->to);
  f->to = -1;
}

/* Write what F has room for, reading the next CHUNK bytes of its file
   first if all is written; close the pipe at the file's end, or when the
   program has closed it.  */
static void
feed_some (struct feed *f, size_t chunk)
{
  if (f->done == f->len)
    {
      ssize_t n = read (f->from, f->buf, chunk);
      if (n < 0 && errno == EINTR)
        return;
      if (n < 0)
        die ("cannot read", "a file fed through a pipe", errno);
      if (n == 0)
        {
          close_feed (f);
          return;
        }
      f->len = (size_t) n;
      f->done = 0;
    }
  ssize_t w = write (f->to, f->buf + f->done, f->len - f->done);
  if (w >= 0)
    f->done += (size_t) w;
  else if (errno == EPIPE)
    close_feed (f);
  else if (errno != EAGAIN && errno != EINTR)
    die ("cannot write to", "a pipe", errno);
}

/* Copy every file into its pipe in writes of at most CHUNK bytes (an odd
   size makes the program's reads end at offsets no buffer size would
   choose; up to PIPE_BUF, each write is whole), to whichever pipes have
   room, until every file is written or the time limit is reached.  */
static void
feed_pipes (struct feed *f, size_t n, size_t chunk)
{
  struct pollfd *pfd = xnmalloc (n, sizeof *pfd);
  while (!run_timed_out)
    {
      bool open_any = false;
      for (size_t i = 0; i < n; i++)
        {
          pfd[i] = (struct pollfd) { .fd = f[i].to, .events = POLLOUT };
          open_any |= f[i].to >= 0;
        }
      if (!open_any)
        break;
      if (poll (pfd, n, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          die ("cannot wait for", "the pipes", errno);
        }
      for (size_t i = 0; i < n; i++)
        if (pfd[i].revents)
          feed_some (&f[i], chunk);
    }
  for (size_t i = 0; i < n; i++)
    {
      close_feed (&f[i]);
      close (f[i].from);
      free (f[i].buf);
    }
  free (pfd);
}

void
runner_run (struct runner *r, char const *path, char *const *argv,
            char *const *envp, struct run_input const *in,
            struct result *res)
{
  if (in->n_extra_pipes > RUN_MAX_EXTRA_PIPES)
    die ("too many pipes for", path, 0);
  size_t chunk = in->pipe_chunk ? in->pipe_chunk : 4096;
  size_t n_feeds = (in->pipe_from != NULL) + in->n_extra_pipes;
  struct feed *feeds = xnmalloc (n_feeds, sizeof *feeds);
  int *read_ends = xnmalloc (n_feeds, sizeof *read_ends);
  /* The standard input's pipe, if any, comes first.  */
  size_t first_extra = n_feeds - in->n_extra_pipes;
  if (in->pipe_from)
    open_feed (&feeds[0], in->pipe_from, chunk, &read_ends[0]);
  for (size_t i = 0; i < in->n_extra_pipes; i++)
    open_feed (&feeds[first_extra + i], in->extra_pipes_from[i], chunk,
               &read_ends[first_extra + i]);
  int in_fd = in->pipe_from ? read_ends[0]
              : in->fd >= 0 ? in->fd : r->null_fd;

  reset_capture (r->out_fd);
  reset_capture (r->err_fd);
  /* Standard input, output and error first: the extra pipes' numbers may
     be those of the capture files here.  */
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init (&actions) != 0
      || posix_spawn_file_actions_adddup2 (&actions, in_fd, STDIN_FILENO)
      || posix_spawn_file_actions_adddup2 (&actions, r->out_fd,
                                           STDOUT_FILENO)
      || posix_spawn_file_actions_adddup2 (&actions, r->err_fd,
                                           STDERR_FILENO))
    die ("cannot set up", "posix_spawn", 0);
  for (size_t i = 0; i < in->n_extra_pipes; i++)
    if (posix_spawn_file_actions_adddup2 (&actions, read_ends[first_extra + i],
                                          RUN_FIRST_EXTRA_FD + (int) i))
      die ("cannot set up", "posix_spawn", 0);
  pid_t pid;
  int err = (strchr (path, '/') ? posix_spawn : posix_spawnp)
    (&pid, path, &actions, &r->attr, argv, envp);
  posix_spawn_file_actions_destroy (&actions);
  if (err)
    die ("cannot run", path, err);
  for (size_t i = 0; i < n_feeds; i++)
    close (read_ends[i]);

  run_timed_out = 0;
  alarm (r->timeout);
  feed_pipes (feeds, n_feeds, chunk);
  free (feeds);
  free (read_ends);

  int status;
  bool killed = false;
  while (true)
    {
      if (run_timed_out && !killed)
        killed = kill (pid, SIGKILL) == 0;
      if (waitpid (pid, &status, 0) >= 0)
        break;
      if (errno != EINTR)
        die ("cannot wait for", path, errno);
    }
  alarm (0);
  res->status = WIFEXITED (status) ? WEXITSTATUS (status)
                : 256 + WTERMSIG (status);
  res->timed_out = killed;
  res->out = read_capture (r->out_fd, &res->out_len);
  res->err = read_capture (r->err_fd, &res->err_len);
}

bool
same_result (struct result const *a, struct result const *b)
{
  return (a->status == b->status && a->timed_out == b->timed_out
          && a->out_len == b->out_len
          && a->err_len == b->err_len
          && memcmp (a->out, b->out, a->out_len) == 0
          && memcmp (a->err, b->err, a->err_len) == 0);
}

void
put_status (FILE *o, struct result const *r, unsigned int timeout)
{
  if (r->timed_out)
    fprintf (o, "killed after %u s, the time limit", timeout);
  else if (r->status >= 256)
    fprintf (o, "killed by signal %d", r->status - 256);
  else
    fprintf (o, "exit %d", r->status);
}

/* A driver exits holding its tables; in a sanitizer build LeakSanitizer is
   there to check wc, not the drivers, so it is off in them alone (this
   hook is how LeakSanitizer lets a program say so).  */
int __lsan_is_turned_off (void) _GL_ATTRIBUTE_CONST;
int
__lsan_is_turned_off (void)
{
  return 1;
}

void
put_result (FILE *o, char const *label, struct result const *r,
            unsigned int timeout)
{
  fprintf (o, "  %s: ", label);
  put_status (o, r, timeout);
  fputs ("\n    stdout: ", o);
  put_quoted (o, r->out, r->out_len);
  fputs ("\n    stderr: ", o);
  put_quoted (o, r->err, r->err_len);
  putc ('\n', o);
}
