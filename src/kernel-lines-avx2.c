/* kernel-lines-avx2.c: count '\n' bytes 32 at a time with AVX2.  This file
   alone is compiled with -mavx2; it runs only after a run-time CPU check.  */
#include <config.h>

#include <immintrin.h>

#include "kernels.h"

uintmax_t
count_newlines_avx2 (unsigned char const *p, size_t n)
{
  __m256i const nl = _mm256_set1_epi8 ('\n');
  __m256i const zero = _mm256_setzero_si256 ();
  uintmax_t lines = 0;
  size_t i = 0;
  while (i + 32 <= n)
    {
      /* Each matching byte subtracts one (cmpeq gives -1) from an 8-bit
         lane; 255 rounds cannot overflow a lane, then SAD folds the lanes
         into four 64-bit sums.  */
      __m256i acc = zero;
      size_t rounds = (n - i) / 32;
      if (rounds > 255)
        rounds = 255;
      for (size_t r = 0; r < rounds; r++, i += 32)
        {
          __m256i v = _mm256_loadu_si256 ((void const *) (p + i));
          acc = _mm256_sub_epi8 (acc, _mm256_cmpeq_epi8 (v, nl));
        }
      __m256i sums = _mm256_sad_epu8 (acc, zero);
      lines += ((uintmax_t) _mm256_extract_epi64 (sums, 0)
                + (uintmax_t) _mm256_extract_epi64 (sums, 1)
                + (uintmax_t) _mm256_extract_epi64 (sums, 2)
                + (uintmax_t) _mm256_extract_epi64 (sums, 3));
    }
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
