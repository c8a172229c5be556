/* kernel-lines-avx2.c: count '\n' bytes 64 at a time with AVX2.  This file
   alone is compiled with -mavx2; it runs only after a run-time CPU check.  */
#include <config.h>

#include <immintrin.h>

#include "avx2-util.h"
#include "kernels.h"

/* Add the byte lanes of COUNTS, each at most 255, into the four 64-bit
   lanes of SUMS.  */
static inline __m256i
add_lanes (__m256i sums, __m256i counts)
{
  return _mm256_add_epi64 (sums,
                           _mm256_sad_epu8 (counts, _mm256_setzero_si256 ()));
}

uintmax_t
count_newlines_avx2 (unsigned char const *p, size_t n)
{
  __m256i const nl = _mm256_set1_epi8 ('\n');
  __m256i sums = _mm256_setzero_si256 ();
  size_t i = 0;
  while (32 <= n - i)
    {
      /* Each matching byte subtracts one (cmpeq gives -1) from an 8-bit
         lane; two accumulators take one vector each per round, so 255
         rounds cannot overflow a lane.  */
      __m256i a0 = _mm256_setzero_si256 (), a1 = a0;
      size_t rounds = (n - i) / 64;
      if (rounds > 255)
        rounds = 255;
      for (size_t r = 0; r < rounds; r++, i += 64)
        {
          __m256i v0 = _mm256_loadu_si256 ((void const *) (p + i));
          __m256i v1 = _mm256_loadu_si256 ((void const *) (p + i + 32));
          a0 = _mm256_sub_epi8 (a0, _mm256_cmpeq_epi8 (v0, nl));
          a1 = _mm256_sub_epi8 (a1, _mm256_cmpeq_epi8 (v1, nl));
        }
      /* Fewer than 64 bytes left: one more vector at most.  */
      if (!rounds)
        {
          __m256i v = _mm256_loadu_si256 ((void const *) (p + i));
          a0 = _mm256_sub_epi8 (a0, _mm256_cmpeq_epi8 (v, nl));
          i += 32;
        }
      sums = add_lanes (add_lanes (sums, a0), a1);
    }
  uintmax_t lines = sum_u64_lanes (sums);
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
