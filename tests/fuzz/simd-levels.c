/* simd-levels.c: the kernel levels of simd-levels.h, through the counter's
   public interface: counter_init picks the process's kernels (WC_SIMD), and
   a level then names its newline kernel in the counter.  */
#include <config.h>

#include "simd-levels.h"

static bool
always (void)
{
  return true;
}

static void
init_portable (struct counter *c, struct char_rules const *rules,
               unsigned wanted)
{
  counter_init (c, rules, wanted);
  c->count_newlines = count_newlines_portable;
}

#if HAVE_AVX2_KERNELS
static bool
cpu_has_avx2 (void)
{
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("avx2");
}

static void
init_avx2 (struct counter *c, struct char_rules const *rules, unsigned wanted)
{
  counter_init (c, rules, wanted);
  c->count_newlines = count_newlines_avx2;
}
#endif

static struct simd_level const all_levels[] =
{
  { "portable", always, init_portable },
#if HAVE_AVX2_KERNELS
  { "avx2", cpu_has_avx2, init_avx2 },
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
