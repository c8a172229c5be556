/* avx2-util.h: small AVX2 helpers that more than one AVX2 kernel needs.
   Only files compiled with -mavx2 include it.  */
#ifndef WC_AVX2_UTIL_H
#define WC_AVX2_UTIL_H

#include <immintrin.h>
#include <stdint.h>

/* The sum of the four 64-bit lanes of V.  Through memory, because
   _mm256_extract_epi64 does not exist on 32-bit x86; compilers turn the
   store and loads into lane extracts where those exist.  */
static inline uint64_t
sum_u64_lanes (__m256i v)
{
  uint64_t lane[4];
  _mm256_storeu_si256 ((void *) lane, v);
  return lane[0] + lane[1] + lane[2] + lane[3];
}

#endif
