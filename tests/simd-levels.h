/* simd-levels.h: every kernel level, for the test programs that compare
   the levels in one process (split-law, kernels, utf8-check and the fuzz
   counter target): which ones this build has and this CPU runs, found in
   one place, and the kernels each level uses.  Adding a level is one line
   in simd-levels.c.  */
#ifndef WC_TEST_SIMD_LEVELS_H
#define WC_TEST_SIMD_LEVELS_H

#include <stddef.h>

#include "kernels.h"

struct test_level
{
  char const *name;
  enum simd_level level;
  /* Why the level cannot run here ("not built", "not on this CPU"), or
     NULL if it can.  */
  char const *absent;
  newline_kernel count_newlines;
  /* The levels without their own character kernel share the portable
     one.  */
  utf8_chars_kernel count_utf8_chars;
};

/* Every level, portable first, in a table of *N entries: the ones that
   cannot run here too, to say so.  */
struct test_level const *simd_levels_known (size_t *n);

/* The levels this CPU runs, portable first, in a table of *N entries (at
   least one).  */
struct test_level const *simd_levels (size_t *n);

/* The name of LEVEL.  */
char const *simd_level_name (enum simd_level level);

#endif
