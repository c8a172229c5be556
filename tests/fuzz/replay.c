/* replay.c: run a fuzz target's input function over saved inputs, without
   libFuzzer, so that `make check` replays the committed corpus and every
   past crash with the ordinary compiler, on any machine.

   Usage: replay-TARGET FILE-OR-DIRECTORY...
   A directory stands for the regular files directly in it, in name order.
   Prints one summary line; a target that finds a broken property aborts,
   and the input is named on stderr before the process dies of it.  */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz-target.h"

static size_t replayed;

/* What to say if the input being replayed crashes the target: built
   before the target runs, since the signal handler may not use stdio.  */
static char crash_message[4096];
static size_t crash_message_len;

/* A target that aborts (or crashes) is stopped here long enough to name
   its input; then the signal does what it would have done.  */
static void
name_the_input (int sig)
{
  ssize_t written = write (STDERR_FILENO, crash_message, crash_message_len);
  (void) written;       /* a dying process has no better use for a failure */
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
fail (char const *what, char const *name, int err)
{
  fprintf (stderr, "replay: %s %s: %s\n", what, name, strerror (err));
  exit (EXIT_FAILURE);
}

/* Hand the bytes of file NAME, in an allocation of exactly their size, to
   the target.  */
static void
replay_file (char const *name)
{
  FILE *f = fopen (name, "rb");
  if (!f)
    fail ("cannot open", name, errno);
  struct stat st;
  if (fstat (fileno (f), &st) != 0)
    fail ("cannot stat", name, errno);
  size_t n = st.st_size;
  unsigned char *data = malloc (n ? n : 1);
  if (!data)
    fail ("cannot hold", name, ENOMEM);
  if (fread (data, 1, n, f) != n || ferror (f))
    fail ("cannot read", name, ferror (f) ? errno : EIO);
  fclose (f);
  int len = snprintf (crash_message, sizeof crash_message,
                      "replay: the failing input is %s\n", name);
  crash_message_len = (len < 0 ? 0 : (size_t) len < sizeof crash_message
                       ? (size_t) len : sizeof crash_message - 1);
  LLVMFuzzerTestOneInput (data, n);
  crash_message_len = 0;
  free (data);
  replayed++;
}

static int
by_name (void const *a, void const *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
replay_directory (char const *dir)
{
  DIR *d = opendir (dir);
  if (!d)
    fail ("cannot open", dir, errno);
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  /* readdir_r, which cppcheck suggests, is deprecated by glibc; this
     program has one thread.  */
  // cppcheck-suppress readdirCalled
  while ((e = readdir (d)))
    {
      if (e->d_name[0] == '.')
        continue;
      if (n == cap)
        {
          cap = cap ? 2 * cap : 64;
          char **bigger = realloc (names, cap * sizeof *names);
          if (!bigger)
            fail ("cannot list", dir, ENOMEM);
          names = bigger;
        }
      size_t dlen = strlen (dir), elen = strlen (e->d_name);
      names[n] = malloc (dlen + 1 + elen + 1);
      if (!names[n])
        fail ("cannot list", dir, ENOMEM);
      memcpy (names[n], dir, dlen);
      names[n][dlen] = '/';
      memcpy (names[n] + dlen + 1, e->d_name, elen + 1);
      n++;
    }
  closedir (d);
  if (n)
    qsort (names, n, sizeof *names, by_name);
  for (size_t i = 0; i < n; i++)
    {
      struct stat st;
      if (stat (names[i], &st) == 0 && S_ISREG (st.st_mode))
        replay_file (names[i]);
      free (names[i]);
    }
  free (names);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fputs ("Usage: replay-TARGET FILE-OR-DIRECTORY...\n", stderr);
      return EXIT_FAILURE;
    }
  static int const fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
  for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
    signal (fatal[i], name_the_input);
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      struct stat st;
      if (stat (argv[i], &st) != 0)
        fail ("cannot stat", argv[i], errno);
      if (S_ISDIR (st.st_mode))
        replay_directory (argv[i]);
      else
        replay_file (argv[i]);
    }
  printf ("replay: %zu inputs, every property held\n", replayed);
  return EXIT_SUCCESS;
}
