/* fuzz-cli.c: fuzz target over the command line (src/cli.c) and the names
   to count (src/operands.c).  Byte 0 of an input picks what the rest is:

     0: argv after "wc", its elements separated by NUL bytes; parsed by
        parse_command_line (through cli-seam.c, which turns its exits into
        returns), then the operands are iterated as wc iterates them;
     1: a --files0-from list in a regular file (read whole: readtokens0);
     2: the same list in a pipe (streamed one name at a time: argv_iter).

   Properties: nothing crashes, leaks or hangs (the sanitizers and libFuzzer
   watch that); a parse either returns a consistent struct options or
   exits with status 0 (only for --help and --version) or 1; the operands
   come back in order, unchanged; a list yields exactly its NUL-separated
   names, a last name without a NUL included, whichever way it is read.

   WC_FUZZ_PLANT_BUG=1 makes the expected first name of a nonempty list
   differ from the list's, so that a test can check that it is caught.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli-seam.h"
#include "counter.h"
#include "fuzz-target.h"
#include "operands.h"
#include "progname.h"

enum
{
  MAX_ARGS = 64,
  /* A pipe holds at least this much, so the list is written whole before
     it is read, by one process.  */
  PIPE_LIST_MAX = 60 * 1024
};

static int dev_null = -1;
static bool plant_bug;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  set_program_name ("wc");
  plant_bug = getenv ("WC_FUZZ_PLANT_BUG") != NULL;
  dev_null = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (dev_null < 0)
    {
      perror ("fuzz-cli: /dev/null");
      abort ();
    }
  return 0;
}

_Noreturn static void
broken (char const *what, unsigned char const *data, size_t size)
{
  fprintf (stderr, "fuzz-cli: FAIL: %s\n  input (%zu bytes): '", what, size);
  for (size_t i = 0; i < size && i < 512; i++)
    fprintf (stderr, "\\x%02x", data[i]);
  fprintf (stderr, "'%s\n", size > 512 ? "..." : "");
  abort ();
}

/* ARG is within one of the N strings of ARGS (optarg may point into the
   middle of "--files0-from=F").  */
static bool
points_into (char const *arg, char *const *args, int n)
{
  uintptr_t a = (uintptr_t) arg;
  for (int i = 0; i < n; i++)
    {
      uintptr_t start = (uintptr_t) args[i];
      if (start <= a && a <= start + strlen (args[i]))
        return true;
    }
  return false;
}

/* Some element of ARGV could be --help or --version.  (Not only those
   before "--": that "--" may be an option's argument.)  */
static bool
asks_help_or_version (int argc, char *const *argv)
{
  for (int i = 1; i < argc; i++)
    {
      size_t len = strlen (argv[i]);
      if (3 <= len && (strncmp (argv[i], "--help", len) == 0
                       || strncmp (argv[i], "--version", len) == 0))
        return true;
    }
  return false;
}

/* Mode 0.  ARGV is built from a copy of the text, since getopt permutes
   it, and the parse runs with standard output on /dev/null (--help).  */
static void
fuzz_command_line (unsigned char const *data, size_t size,
                   unsigned char const *text, size_t n)
{
  char *copy = malloc (n + 1);
  if (!copy)
    abort ();
  memcpy (copy, text, n);
  copy[n] = '\0';
  char program[] = "wc";
  char *argv[MAX_ARGS + 2];
  char *original[MAX_ARGS + 2];
  int argc = 0;
  argv[argc++] = program;
  for (size_t at = 0; at < n && argc <= MAX_ARGS; at += strlen (copy + at) + 1)
    argv[argc++] = copy + at;
  argv[argc] = NULL;
  memcpy (original, argv, (argc + 1) * sizeof *argv);

  struct options opts;
  fflush (stdout);
  int saved_stdout = dup (STDOUT_FILENO);
  dup2 (dev_null, STDOUT_FILENO);
  int status = parse_command_line_caught (argc, argv, &opts);
  fflush (stdout);
  if (0 <= saved_stdout)
    {
      dup2 (saved_stdout, STDOUT_FILENO);
      close (saved_stdout);
    }
  else
    close (STDOUT_FILENO);

  if (0 <= status)
    {
      if (status != EXIT_SUCCESS && status != EXIT_FAILURE)
        broken ("parse_command_line exits with a status other than 0 or 1",
                data, size);
      if (status == EXIT_SUCCESS && !asks_help_or_version (argc, original))
        broken ("exit status 0 without --help or --version", data, size);
      free (copy);
      return;
    }

  unsigned all = WANT_LINES | WANT_WORDS | WANT_CHARS | WANT_BYTES
                 | WANT_MAX_WIDTH;
  if (!opts.wanted || (opts.wanted & ~all))
    broken ("the wanted counts are empty or unknown", data, size);
  if ((unsigned) opts.total > TOTAL_NEVER
      || (unsigned) opts.strategy > STRATEGY_MMAP2)
    broken ("--total or --strategy out of range", data, size);
  if (opts.n_operands < 0 || argc < opts.n_operands
      || opts.operands != argv + (argc - opts.n_operands))
    broken ("the operands are not the end of argv", data, size);
  if (opts.files0_from && opts.n_operands)
    broken ("--files0-from accepted with operands", data, size);
  if (opts.files0_from && !points_into (opts.files0_from, original, argc))
    broken ("--files0-from's name is not from argv", data, size);
  for (int i = 0; i < opts.n_operands; i++)
    if (!points_into (opts.operands[i], original, argc))
      broken ("an operand is not from argv", data, size);

  if (!opts.files0_from)
    {
      struct operands ops;
      operands_open (&ops, NULL, opts.operands, opts.n_operands);
      for (int i = 0; ; i++)
        {
          enum argv_iter_err err;
          char *name = operands_next (&ops, &err);
          if (!name)
            {
              if (err != AI_ERR_EOF || i != opts.n_operands)
                broken ("the operands end early or with an error", data,
                        size);
              break;
            }
          if (opts.n_operands <= i || name != opts.operands[i])
            broken ("an operand comes back changed or out of order", data,
                    size);
        }
      if (operands_seen (&ops) != (size_t) opts.n_operands)
        broken ("operands_seen miscounts the operands", data, size);
      operands_close (&ops);
    }
  free (copy);
}

/* The descriptor of a list holding TEXT: a regular file (memfd) or the
   read end of a pipe already closed for writing.  */
static int
list_descriptor (bool in_pipe, unsigned char const *text, size_t n)
{
  int fds[2];
  int rd, wr;
  if (in_pipe)
    {
      if (pipe2 (fds, O_CLOEXEC) != 0)
        return -1;
      rd = fds[0];
      wr = fds[1];
    }
  else
    {
      rd = wr = memfd_create ("files0-list", MFD_CLOEXEC);
      if (rd < 0)
        return -1;
    }
  for (size_t done = 0; done < n; )
    {
      ssize_t k = write (wr, text + done, n - done);
      if (k <= 0)
        {
          close (rd);
          if (wr != rd)
            close (wr);
          return -1;
        }
      done += k;
    }
  if (wr != rd)
    close (wr);
  return rd;
}

/* Modes 1 and 2.  */
static void
fuzz_list (unsigned char const *data, size_t size, unsigned char const *text,
           size_t n, bool in_pipe)
{
  if (in_pipe && PIPE_LIST_MAX < n)
    n = PIPE_LIST_MAX;
  int fd = list_descriptor (in_pipe, text, n);
  if (fd < 0)
    {
      perror ("fuzz-cli: cannot make the list");
      abort ();
    }
  char name[64];
  snprintf (name, sizeof name, "/proc/self/fd/%d", fd);
  struct operands ops;
  operands_open (&ops, name, NULL, 0);
  if (ops.tokenized == in_pipe)
    broken (in_pipe ? "a list in a pipe is read whole"
            : "a small regular list is streamed", data, size);

  size_t at = 0, count = 0;
  for (;;)
    {
      enum argv_iter_err err;
      char *got = operands_next (&ops, &err);
      if (!got)
        {
          if (err != AI_ERR_EOF)
            broken ("reading the list fails", data, size);
          break;
        }
      if (n <= at)
        broken ("the list yields a name past its end", data, size);
      /* The next name: up to the next NUL, or to the end.  */
      unsigned char const *nul = memchr (text + at, '\0', n - at);
      size_t len = nul ? (size_t) (nul - (text + at)) : n - at;
      if (strlen (got) != len + (plant_bug && !count)
          || memcmp (got, text + at, len) != 0)
        broken ("a name of the list comes back changed", data, size);
      at += len + 1;
      count++;
    }
  if (at < n)
    broken ("the list ends early", data, size);
  if (operands_seen (&ops) != count)
    broken ("operands_seen miscounts the list", data, size);
  operands_close (&ops);
  close (fd);
}

int
LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  if (size == 0)
    return 0;
  unsigned char const *text = data + 1;
  size_t n = size - 1;
  switch (data[0] % 3)
    {
    case 0:
      fuzz_command_line (data, size, text, n);
      break;
    case 1:
      fuzz_list (data, size, text, n, false);
      break;
    default:
      fuzz_list (data, size, text, n, true);
      break;
    }
  return 0;
}
