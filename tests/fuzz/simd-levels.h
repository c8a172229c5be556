/* simd-levels.h: every kernel level a test can set a counter to, so that
   one input is counted at each level and the results compared.  A level
   the CPU lacks is skipped.  Adding a level is one line in simd-levels.c.  */
#ifndef WC_FUZZ_SIMD_LEVELS_H
#define WC_FUZZ_SIMD_LEVELS_H

#include <stdbool.h>
#include <stddef.h>

#include "counter.h"

struct fuzz_level
{
  char const *name;
  /* Whether this CPU can run the level.  */
  bool (*available) (void);
  enum simd_level level;
};

/* The levels this CPU can run, in a table of *N entries (at least one).  */
struct fuzz_level const *simd_levels (size_t *n);

/* Like counter_init, but at LEVEL.  */
void simd_level_init (struct fuzz_level const *level, struct counter *c,
                      struct char_rules const *rules, unsigned wanted);

#endif
