/* kernel-lines-sse2.c: count '\n' bytes 64 at a time with SSE2.  SSE2 is
   part of x86-64; on 32-bit x86 this file alone is compiled with -msse2
   and runs only after a run-time CPU check.  */
#include <config.h>

#include <emmintrin.h>

#include "kernels.h"

/* Add the byte lanes of COUNTS, each at most 255, into the two 64-bit
   lanes of SUMS.  */
static inline __m128i
add_lanes (__m128i sums, __m128i counts)
{
  return _mm_add_epi64 (sums, _mm_sad_epu8 (counts, _mm_setzero_si128 ()));
}

uintmax_t
count_newlines_sse2 (unsigned char const *p, size_t n)
{
  __m128i const nl = _mm_set1_epi8 ('\n');
  __m128i sums = _mm_setzero_si128 ();
  size_t i = 0;
  while (16 <= n - i)
    {
      /* Each matching byte subtracts one (cmpeq gives -1) from an 8-bit
         lane; four accumulators take one vector each per round, so 255
         rounds cannot overflow a lane.  */
      __m128i a0 = _mm_setzero_si128 (), a1 = a0, a2 = a0, a3 = a0;
      size_t rounds = (n - i) / 64;
      if (rounds > 255)
        rounds = 255;
      for (size_t r = 0; r < rounds; r++, i += 64)
        {
          __m128i v0 = _mm_loadu_si128 ((void const *) (p + i));
          __m128i v1 = _mm_loadu_si128 ((void const *) (p + i + 16));
          __m128i v2 = _mm_loadu_si128 ((void const *) (p + i + 32));
          __m128i v3 = _mm_loadu_si128 ((void const *) (p + i + 48));
          a0 = _mm_sub_epi8 (a0, _mm_cmpeq_epi8 (v0, nl));
          a1 = _mm_sub_epi8 (a1, _mm_cmpeq_epi8 (v1, nl));
          a2 = _mm_sub_epi8 (a2, _mm_cmpeq_epi8 (v2, nl));
          a3 = _mm_sub_epi8 (a3, _mm_cmpeq_epi8 (v3, nl));
        }
      /* Fewer than 64 bytes left: up to three single vectors, one lane
         each at most.  */
      if (!rounds)
        for (; 16 <= n - i; i += 16)
          a0 = _mm_sub_epi8 (a0, _mm_cmpeq_epi8 (_mm_loadu_si128
                                                 ((void const *) (p + i)),
                                                 nl));
      sums = add_lanes (add_lanes (sums, a0), a1);
      sums = add_lanes (add_lanes (sums, a2), a3);
    }
  /* Through memory: 32-bit x86 has no instruction that moves a 64-bit
     lane to a general register.  */
  uint64_t lane[2];
  _mm_storeu_si128 ((void *) lane, sums);
  uintmax_t lines = lane[0] + lane[1];
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
