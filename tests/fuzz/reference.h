/* reference.h: a slow, independent counter that states GNU wc's counting
   rules (9.1's, and 9.7's word rule) once, plainly, for the tests to hold
   the real counter against.  It shares no code with src/: no kernels, no
   byte tables.  */
#ifndef WC_TESTS_REFERENCE_H
#define WC_TESTS_REFERENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct reference_counts
{
  uintmax_t lines;
  uintmax_t words;
  uintmax_t chars;
  uintmax_t bytes;
  uintmax_t max_width;
};

/* The counts an invocation asks for: they decide how GNU wc reads the
   input, which shows in one corner (see reference.c).  */
enum
{
  REFERENCE_LINES = 1,          /* -l */
  REFERENCE_WORDS = 2,          /* -w */
  REFERENCE_CHARS = 4,          /* -m */
  REFERENCE_BYTES = 8,          /* -c */
  REFERENCE_MAX_WIDTH = 16      /* -L */
};

/* The counts of the N bytes at P, as GNU wc 9.1 (or with GNU97, 9.7)
   gives them in the current locale (LC_CTYPE, as set by setlocale), with
   or without POSIXLY_CORRECT in the environment, when the counts WANTED
   (REFERENCE_* bits) are asked for.  All five counts are filled in; those
   not wanted are what GNU wc would have computed on the way.  */
struct reference_counts reference_count (unsigned char const *p, size_t n,
                                         bool posixly_correct, bool gnu97,
                                         unsigned wanted);

#endif
