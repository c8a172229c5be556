/* simd-levels.c: the kernel levels of simd-levels.h, each set up through
   the counter's own per-level init.  */
#include <config.h>

#include "simd-levels.h"

static bool
always (void)
{
  return true;
}

#if HAVE_SSE2_KERNELS
static bool
cpu_has_sse2 (void)
{
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("sse2");
}
#endif

#if HAVE_AVX2_KERNELS
static bool
cpu_has_avx2 (void)
{
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("popcnt");
}
#endif

/* One line per level.  */
static struct fuzz_level const all_levels[] =
{
  { "portable", always, SIMD_PORTABLE },
#if HAVE_SSE2_KERNELS
  { "sse2", cpu_has_sse2, SIMD_SSE2 },
#endif
#if HAVE_AVX2_KERNELS
  { "avx2", cpu_has_avx2, SIMD_AVX2 },
#endif
};

struct fuzz_level const *
simd_levels (size_t *n)
{
  static struct fuzz_level usable[sizeof all_levels / sizeof *all_levels];
  static size_t n_usable;
  if (!n_usable)
    for (size_t i = 0; i < sizeof all_levels / sizeof *all_levels; i++)
      if (all_levels[i].available ())
        usable[n_usable++] = all_levels[i];
  *n = n_usable;
  return usable;
}

void
simd_level_init (struct fuzz_level const *level, struct counter *c,
                 struct char_rules const *rules, unsigned wanted)
{
  counter_init_at (c, rules, wanted, level->level);
}
