/* simd-levels.c: the kernel levels of simd-levels.h.  A level counts as
   runnable on the same test as the counter's (src/counter.c): AVX2 needs
   POPCNT and BMI1 too.  */
#include <config.h>

#include "simd-levels.h"

#include <stdbool.h>

#if HAVE_SSE2_KERNELS
static bool
cpu_has_sse2 (void)
{
  __builtin_cpu_init ();
  return __builtin_cpu_supports ("sse2");
}
# define SSE2_ABSENT (cpu_has_sse2 () ? NULL : "not on this CPU")
# define SSE2_NEWLINES count_newlines_sse2
#else
# define SSE2_ABSENT "not built"
# define SSE2_NEWLINES NULL
#endif

#if HAVE_AVX2_KERNELS
static bool
cpu_has_avx2 (void)
{
  __builtin_cpu_init ();
  return (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("popcnt")
          && __builtin_cpu_supports ("bmi"));
}
# define AVX2_ABSENT (cpu_has_avx2 () ? NULL : "not on this CPU")
# define AVX2_NEWLINES count_newlines_avx2
# define AVX2_UTF8_CHARS count_utf8_chars_avx2
#else
# define AVX2_ABSENT "not built"
# define AVX2_NEWLINES NULL
# define AVX2_UTF8_CHARS NULL
#endif

#if HAVE_AVX512_KERNELS
static bool
cpu_has_avx512 (void)
{
  return (cpu_has_avx2 () && __builtin_cpu_supports ("avx512f")
          && __builtin_cpu_supports ("avx512bw")
          && __builtin_cpu_supports ("avx512vbmi"));
}
# define AVX512_ABSENT (cpu_has_avx512 () ? NULL : "not on this CPU")
#else
# define AVX512_ABSENT "not built"
#endif

static struct test_level known[SIMD_AVX512 + 1];
static struct test_level usable[SIMD_AVX512 + 1];
static size_t n_usable;

static void
find_levels (void)
{
  if (n_usable)
    return;
  /* One line per level.  */
  struct test_level const all[] = {
    { "portable", SIMD_PORTABLE, NULL, count_newlines_portable,
      count_utf8_chars_portable },
    { "sse2", SIMD_SSE2, SSE2_ABSENT, SSE2_NEWLINES,
      count_utf8_chars_portable },
    { "avx2", SIMD_AVX2, AVX2_ABSENT, AVX2_NEWLINES, AVX2_UTF8_CHARS },
    /* The AVX2 kernels, and its own UTF-8 word kernel.  */
    { "avx512", SIMD_AVX512, AVX512_ABSENT, AVX2_NEWLINES, AVX2_UTF8_CHARS },
  };
  _Static_assert (sizeof all == sizeof known, "one entry per level");
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    {
      known[i] = all[i];
      if (!all[i].absent)
        usable[n_usable++] = all[i];
    }
}

struct test_level const *
simd_levels_known (size_t *n)
{
  find_levels ();
  *n = sizeof known / sizeof *known;
  return known;
}

struct test_level const *
simd_levels (size_t *n)
{
  find_levels ();
  *n = n_usable;
  return usable;
}

char const *
simd_level_name (enum simd_level level)
{
  find_levels ();
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (known[i].level == level)
      return known[i].name;
  return "unknown";
}
