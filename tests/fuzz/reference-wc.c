/* reference-wc.c: the reference counter as a command, so that it can be
   held against the system wc on the same bytes: it prints, for each FILE
   (standard input without one), the line, word, character and byte counts
   and the maximum line width, in that order, one space apart.  OPTIONS
   name the counts asked for, as wc's -l -w -m -c -L would (default -lwc);
   they can change a count in one corner (reference.c), never the order of
   the output.  --gnu-compat=9.7 counts words by GNU wc 9.7's rules instead
   of 9.1's.  The locale comes from the environment, like wc's.

   Usage: reference-wc [--gnu-compat=9.1|9.7] [-OPTIONS] [FILE]...  */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference.h"

/* All of STREAM, in a buffer the caller frees; *N gets its length.  */
static unsigned char *
slurp (FILE *stream, size_t *n)
{
  size_t cap = 1 << 16, len = 0;
  unsigned char *buf = malloc (cap);
  while (buf)
    {
      len += fread (buf + len, 1, cap - len, stream);
      if (len < cap)
        break;
      unsigned char *bigger = cap < SIZE_MAX / 2 ? realloc (buf, 2 * cap) : NULL;
      if (!bigger)
        {
          free (buf);
          return NULL;
        }
      buf = bigger;
      cap *= 2;
    }
  *n = len;
  return buf;
}

/* GNU wc 9.7's rules rather than 9.1's.  */
static bool gnu97;

static int
count_stream (FILE *stream, char const *name, bool posixly_correct,
              unsigned wanted)
{
  size_t n = 0;
  unsigned char *buf = slurp (stream, &n);
  if (!buf || ferror (stream))
    {
      fprintf (stderr, "reference-wc: %s: %s\n", name,
               buf ? "read error" : strerror (ENOMEM));
      free (buf);
      return EXIT_FAILURE;
    }
  struct reference_counts c = reference_count (buf, n, posixly_correct,
                                               gnu97, wanted);
  free (buf);
  printf ("%ju %ju %ju %ju %ju\n", c.lines, c.words, c.chars, c.bytes,
          c.max_width);
  return EXIT_SUCCESS;
}

/* The letters of -lwmcL give the bits of REFERENCE_LINES .. _MAX_WIDTH.  */
_Static_assert (REFERENCE_LINES == 1 && REFERENCE_WORDS == 2
                && REFERENCE_CHARS == 4 && REFERENCE_BYTES == 8
                && REFERENCE_MAX_WIDTH == 16, "option letters in bit order");

int
main (int argc, char **argv)
{
  if (!setlocale (LC_ALL, ""))
    {
      fputs ("reference-wc: the locale named by the environment is not"
             " available\n", stderr);
      return EXIT_FAILURE;
    }
  bool posixly_correct = getenv ("POSIXLY_CORRECT") != NULL;
  unsigned wanted = 0;
  int first = 1;
  if (1 < argc && strncmp (argv[1], "--gnu-compat=", 13) == 0)
    {
      gnu97 = strcmp (argv[1] + 13, "9.7") == 0;
      if (!gnu97 && strcmp (argv[1] + 13, "9.1") != 0)
        {
          fputs ("reference-wc: --gnu-compat takes 9.1 or 9.7\n", stderr);
          return EXIT_FAILURE;
        }
      first = 2;
    }
  if (first < argc && argv[first][0] == '-' && argv[first][1])
    {
      for (char const *o = argv[first] + 1; *o; o++)
        {
          char const *letter = strchr ("lwmcL", *o);
          if (!letter)
            {
              fputs ("Usage: reference-wc [--gnu-compat=9.1|9.7] [-lwmcL]"
                     " [FILE]...\n", stderr);
              return EXIT_FAILURE;
            }
          wanted |= 1u << (letter - "lwmcL");
        }
      first++;
    }
  if (!wanted)
    wanted = REFERENCE_LINES | REFERENCE_WORDS | REFERENCE_BYTES;
  if (argc <= first)
    return count_stream (stdin, "-", posixly_correct, wanted);
  int status = EXIT_SUCCESS;
  for (int i = first; i < argc; i++)
    {
      FILE *f = fopen (argv[i], "rb");
      if (!f)
        {
          fprintf (stderr, "reference-wc: %s: %s\n", argv[i], strerror (errno));
          status = EXIT_FAILURE;
          continue;
        }
      if (count_stream (f, argv[i], posixly_correct, wanted) != EXIT_SUCCESS)
        status = EXIT_FAILURE;
      fclose (f);
    }
  return status;
}
