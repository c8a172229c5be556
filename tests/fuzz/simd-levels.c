/* simd-levels.c: the kernel levels of simd-levels.h.  counter_init picks
   the process's kernels once (WC_SIMD); a level then puts its own kernels
   in the counter, through struct counter's public members.  When the
   counter offers an init per level, simd_level_init becomes a call to it
   and each table line names that level.  */
#include <config.h>

#include "simd-levels.h"

static bool
always (void)
{
  return true;
}

#if HAVE_AVX2_KERNELS
static bool
cpu_has_avx2 (void)
{
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("avx2");
}
#endif

/* One line per level.  */
static struct simd_level const all_levels[] =
{
  { "portable", always, count_newlines_portable },
#if HAVE_AVX2_KERNELS
  { "avx2", cpu_has_avx2, count_newlines_avx2 },
#endif
};

struct simd_level const *
simd_levels (size_t *n)
{
  static struct simd_level usable[sizeof all_levels / sizeof *all_levels];
  static size_t n_usable;
  if (!n_usable)
    for (size_t i = 0; i < sizeof all_levels / sizeof *all_levels; i++)
      if (all_levels[i].available ())
        usable[n_usable++] = all_levels[i];
  *n = n_usable;
  return usable;
}

void
simd_level_init (struct simd_level const *level, struct counter *c,
                 struct char_rules const *rules, unsigned wanted)
{
  counter_init (c, rules, wanted);
  c->count_newlines = level->count_newlines;
}
