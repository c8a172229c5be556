/* progress.c: the progress line that SIGUSR1 (or SIGINFO) asks for, and
   the --progress status line: the handlers, the flags they set, and the
   lines written, from the counting loop, when the counter polls them.

   The line a signal asks for, one per signal, ends with a newline:

     wc: NAME: 12 lines, 40 words, 2048 bytes so far
     wc: NAME: 3 lines, 9 words, 512 bytes so far; total: 15 lines, ...
     wc: NAME: part 2 of 4: 3 lines, 9 words, 512 bytes so far; all parts: 4096 bytes

   NAME is quoted as in wc's messages ("-" or 'standard input' for
   standard input), the counts are those wc prints, in its order, and
   "so far" counts a word that the bytes so far end in.  The total is
   shown from the second operand on, when operands are counted one at a
   time; when several files are counted at once, each line is about the
   file whose counter saw the request, and no total can be shown.  A file
   split across threads is reported by the part that saw the request:
   that part's counts, and the bytes of all the parts together.

   The status line is redrawn in place ("\r", the text, and an erase to
   the end of the line) at each tick of a 250 ms timer that comes with a
   span, and erased when the operand is counted:

     wc: NAME: 120.5 MiB of 500.0 MiB (24%), 1.1 GiB/s, 0:00:03 left
     wc: -: 120.5 MiB, 35.2 MiB/s  */
#include <config.h>

#include "progress.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>

#include "counter.h"
#include "input.h"
#include "progname.h"
#include "quoting.h"

volatile sig_atomic_t progress_pending;
/* What is pending: a line (a signal), a redraw (the timer).  */
static volatile sig_atomic_t line_wanted;
static volatile sig_atomic_t redraw_due;

/* --progress, with standard error a terminal.  */
static bool status_enabled;

/* Held while anything is written, so that lines never interleave and the
   status line is not drawn between progress_pause and progress_resume.  */
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;
static bool status_shown;       /* the terminal shows a status line */

static void
on_line_signal (int sig)
{
  (void) sig;
  line_wanted = 1;
  progress_pending = 1;
}

static void
on_tick (int sig)
{
  (void) sig;
  redraw_due = 1;
  progress_pending = 1;
}

/* SA_RESTART: a read interrupted by the signal goes on rather than
   failing with EINTR (the strategies retry one that fails anyway).  */
static void
install (int sig, void (*handler) (int), bool unless_ignored)
{
  struct sigaction sa;
  if (unless_ignored && sigaction (sig, NULL, &sa) == 0
      && sa.sa_handler == SIG_IGN)
    return;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sigemptyset (&sa.sa_mask);
  sigaction (sig, &sa, NULL);
}

enum { TICK_MICROSECONDS = 250 * 1000 };

void
progress_setup (bool status_line)
{
  install (SIGUSR1, on_line_signal, true);
#ifdef SIGINFO
  install (SIGINFO, on_line_signal, true);
#endif
  if (status_line && isatty (STDERR_FILENO))
    {
      status_enabled = true;
      install (SIGALRM, on_tick, false);
      struct itimerval every = { { 0, TICK_MICROSECONDS },
                                 { 0, TICK_MICROSECONDS } };
      setitimer (ITIMER_REAL, &every, NULL);
    }
}

void
progress_begin (struct progress_subject *s, char const *name,
                struct input const *in, unsigned wanted,
                struct counts const *before)
{
  memset (s, 0, sizeof *s);
  s->name = name;
  s->wanted = wanted;
  s->has_total = before != NULL;
  if (before)
    s->before = *before;
  /* Only the status line needs the size and the time: a run without it
     makes no system call more.  */
  if (status_enabled)
    {
      clock_gettime (CLOCK_MONOTONIC, &s->start);
      off_t offset = (in->st_ok && S_ISREG (in->st.st_mode)
                      ? lseek (in->fd, 0, SEEK_CUR) : -1);
      if (0 <= offset && offset < in->st.st_size)
        s->size = in->st.st_size - offset;
    }
}

struct progress_subject *
progress_part (struct progress_subject *part, struct progress_subject *whole,
               unsigned i, unsigned n)
{
  if (!whole)
    return NULL;
  *part = *whole;
  part->whole = whole;
  part->part = i + 1;
  part->parts = n;
  return part;
}

/* A line being built, cut short (never overflowing) if it is too long.  */
struct line
{
  char text[1024];
  size_t len;
};

static void
add (struct line *l, char const *format, ...)
  _GL_ATTRIBUTE_FORMAT_PRINTF_STANDARD (2, 3);

static void
add (struct line *l, char const *format, ...)
{
  size_t room = sizeof l->text - l->len;
  va_list args;
  va_start (args, format);
  int n = vsnprintf (l->text + l->len, room, format, args);
  va_end (args);
  if (0 < n)
    l->len += (size_t) n < room ? (size_t) n : room - 1;
}

/* Write LEN bytes of TEXT to standard error, whole; a failure is not
   reported (wc's own messages will tell of a broken standard error).  */
static void
put (char const *text, size_t len)
{
  while (len)
    {
      ssize_t n = write (STDERR_FILENO, text, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      text += n;
      len -= n;
    }
}

static char const erase[] = "\r\033[K";

static void
erase_status (void)
{
  if (status_shown)
    put (erase, sizeof erase - 1);
  status_shown = false;
}

static void
add_count (struct line *l, bool *first, uintmax_t n, char const *one,
           char const *many)
{
  add (l, "%s%ju %s", *first ? "" : ", ", n, n == 1 ? one : many);
  *first = false;
}

/* The counts of C that WANTED selects, in wc's order.  */
static void
add_counts (struct line *l, struct counts const *c, unsigned wanted)
{
  bool first = true;
  if (wanted & WANT_LINES)
    add_count (l, &first, c->lines, "line", "lines");
  if (wanted & WANT_WORDS)
    add_count (l, &first, c->words, "word", "words");
  if (wanted & WANT_CHARS)
    add_count (l, &first, c->chars, "character", "characters");
  if (wanted & WANT_BYTES)
    add_count (l, &first, c->bytes, "byte", "bytes");
  if (wanted & WANT_MAX_WIDTH)
    add (l, "%smaximum line length %ju", first ? "" : ", ", c->max_width);
}

static char const *
shown_name (struct progress_subject const *s)
{
  return quotef (s->name ? s->name : "standard input");
}

static void
write_line (struct progress_subject const *s, struct counts const *now)
{
  struct line l = { .len = 0 };
  add (&l, "%s: %s: ", program_name, shown_name (s));
  if (s->parts)
    add (&l, "part %u of %u: ", s->part, s->parts);
  add_counts (&l, now, s->wanted);
  add (&l, " so far");
  if (s->parts)
    add (&l, "; all parts: %ju bytes",
         (uintmax_t) __atomic_load_n (&s->whole->parts_bytes,
                                      __ATOMIC_RELAXED));
  else if (s->has_total)
    {
      struct counts total = s->before;
      counts_add (&total, now);
      add (&l, "; total: ");
      add_counts (&l, &total, s->wanted);
    }
  add (&l, "\n");
  erase_status ();
  put (l.text, l.len);
}

/* N bytes in binary units, e.g. "120.5 MiB".  */
static void
add_size (struct line *l, double n)
{
  static char const *const units[] = { "B", "KiB", "MiB", "GiB", "TiB",
                                       "PiB", "EiB" };
  int u = 0;
  while (1024 <= n && u + 1 < (int) (sizeof units / sizeof *units))
    {
      n /= 1024;
      u++;
    }
  add (l, u ? "%.1f %s" : "%.0f %s", n, units[u]);
}

static void
draw_status (struct progress_subject const *s, uintmax_t bytes)
{
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  double seconds = (now.tv_sec - s->start.tv_sec
                    + (now.tv_nsec - s->start.tv_nsec) / 1e9);
  double rate = 0 < seconds ? bytes / seconds : 0;

  struct line l = { .len = 0 };
  add (&l, "\r%s: %s: ", program_name, shown_name (s));
  add_size (&l, bytes);
  if (s->size)
    {
      add (&l, " of ");
      add_size (&l, s->size);
      add (&l, " (%.0f%%)", bytes < s->size ? 100.0 * bytes / s->size : 100);
    }
  add (&l, ", ");
  add_size (&l, rate);
  add (&l, "/s");
  if (s->size && bytes < s->size && 0 < rate)
    {
      uintmax_t left = (s->size - bytes) / rate + 0.5;
      add (&l, ", %ju:%02ju:%02ju left", left / 3600, left / 60 % 60,
           left % 60);
    }
  /* Never wider than the terminal: a wrapped line could not be redrawn
     in place.  */
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && 1 < ws.ws_col
         && ws.ws_col <= l.len)
    l.len = ws.ws_col;
  put (l.text, l.len);
  put (erase + 1, sizeof erase - 2);
  status_shown = true;
}

/* The bytes of the operand of S counted so far, C's bytes for a whole
   operand.  */
static uintmax_t
operand_bytes (struct progress_subject const *s, struct counts const *c)
{
  return (s->whole ? __atomic_load_n (&s->whole->parts_bytes,
                                      __ATOMIC_RELAXED)
          : c->bytes);
}

void
progress_report (struct counter *c)
{
  struct progress_subject *s = c->progress;
  /* One thread takes the request: the one whose exchange finds it.  */
  if (!s || !__atomic_exchange_n (&progress_pending, 0, __ATOMIC_ACQ_REL))
    return;
  bool line = __atomic_exchange_n (&line_wanted, 0, __ATOMIC_ACQ_REL);
  bool redraw = __atomic_exchange_n (&redraw_due, 0, __ATOMIC_ACQ_REL);
  /* The counts as if the input ended here: a word being read counts.  */
  struct counts now = counter_finish (c);
  if (line)
    pthread_mutex_lock (&output_lock);
  else if (!redraw || pthread_mutex_trylock (&output_lock) != 0)
    return;                     /* paused, or drawing: the next tick */
  if (line)
    write_line (s, &now);
  if (status_enabled)
    draw_status (s, operand_bytes (s, &now));
  pthread_mutex_unlock (&output_lock);
}

void
progress_end (struct progress_subject *s, struct counter *c)
{
  if (line_wanted && __atomic_exchange_n (&line_wanted, 0, __ATOMIC_ACQ_REL))
    {
      struct counts now = counter_finish (c);
      pthread_mutex_lock (&output_lock);
      write_line (s, &now);
      pthread_mutex_unlock (&output_lock);
    }
  if (status_enabled)
    {
      pthread_mutex_lock (&output_lock);
      erase_status ();
      pthread_mutex_unlock (&output_lock);
    }
}

void
progress_pause (void)
{
  if (status_enabled)
    {
      pthread_mutex_lock (&output_lock);
      erase_status ();
    }
}

void
progress_resume (void)
{
  if (status_enabled)
    pthread_mutex_unlock (&output_lock);
}
