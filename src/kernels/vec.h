/* vec.h: the vector operations the x86 kernels are written in, under one
   set of names for every width, so that a kernel exists once in the source
   (kernel-lines-simd.h, kernel-blocks-simd.h) and each level's file
   compiles it for its instruction set.  The includer defines VEC_BYTES: 16
   for SSE2, 32 for AVX2.  */
#ifndef WC_VEC_H
#define WC_VEC_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if VEC_BYTES == 32

# include <immintrin.h>

typedef __m256i vec;

/* AVX2 has a byte shuffle: a 16-entry table look-up per byte.  */
# define VEC_HAS_SHUFFLE 1

static inline vec vec_load (unsigned char const *p)
{ return _mm256_loadu_si256 ((void const *) p); }
static inline vec vec_set1 (char c) { return _mm256_set1_epi8 (c); }
static inline vec vec_zero (void) { return _mm256_setzero_si256 (); }
static inline vec vec_eq (vec a, vec b) { return _mm256_cmpeq_epi8 (a, b); }
/* Signed bytes.  */
static inline vec vec_gt (vec a, vec b) { return _mm256_cmpgt_epi8 (a, b); }
static inline vec vec_sub (vec a, vec b) { return _mm256_sub_epi8 (a, b); }
static inline vec vec_min_u8 (vec a, vec b) { return _mm256_min_epu8 (a, b); }
static inline vec vec_max_u8 (vec a, vec b) { return _mm256_max_epu8 (a, b); }
static inline vec vec_subs_u8 (vec a, vec b)
{ return _mm256_subs_epu8 (a, b); }
static inline vec vec_or (vec a, vec b) { return _mm256_or_si256 (a, b); }
/* ~A & B.  */
static inline vec vec_andnot (vec a, vec b)
{ return _mm256_andnot_si256 (a, b); }
/* The high bit of each byte.  */
static inline uint32_t vec_mask (vec v)
{ return (uint32_t) _mm256_movemask_epi8 (v); }
static inline bool vec_is_zero (vec v) { return _mm256_testz_si256 (v, v); }
/* SUMS (64-bit lanes) plus the sums of each eight bytes of V.  */
static inline vec vec_add_byte_sums (vec sums, vec v)
{ return _mm256_add_epi64 (sums, _mm256_sad_epu8 (v, vec_zero ())); }
/* The 16 bytes T in each 16-byte lane, for vec_shuffle.  */
static inline vec vec_table (signed char const t[16])
{ return _mm256_broadcastsi128_si256 (_mm_loadu_si128 ((void const *) t)); }
/* Each byte of V looks up its low nibble in TABLE, or finds 0 if its high
   bit is set.  */
static inline vec vec_shuffle (vec table, vec v)
{ return _mm256_shuffle_epi8 (table, v); }

#elif VEC_BYTES == 16

# include <emmintrin.h>

typedef __m128i vec;

# define VEC_HAS_SHUFFLE 0

static inline vec vec_load (unsigned char const *p)
{ return _mm_loadu_si128 ((void const *) p); }
static inline vec vec_set1 (char c) { return _mm_set1_epi8 (c); }
static inline vec vec_zero (void) { return _mm_setzero_si128 (); }
static inline vec vec_eq (vec a, vec b) { return _mm_cmpeq_epi8 (a, b); }
static inline vec vec_gt (vec a, vec b) { return _mm_cmpgt_epi8 (a, b); }
static inline vec vec_sub (vec a, vec b) { return _mm_sub_epi8 (a, b); }
static inline vec vec_min_u8 (vec a, vec b) { return _mm_min_epu8 (a, b); }
static inline vec vec_max_u8 (vec a, vec b) { return _mm_max_epu8 (a, b); }
static inline vec vec_subs_u8 (vec a, vec b) { return _mm_subs_epu8 (a, b); }
static inline vec vec_or (vec a, vec b) { return _mm_or_si128 (a, b); }
static inline vec vec_andnot (vec a, vec b) { return _mm_andnot_si128 (a, b); }
static inline uint32_t vec_mask (vec v)
{ return (uint32_t) _mm_movemask_epi8 (v); }
/* SSE2 has no PTEST.  */
static inline bool vec_is_zero (vec v)
{ return _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, vec_zero ())) == 0xffff; }
static inline vec vec_add_byte_sums (vec sums, vec v)
{ return _mm_add_epi64 (sums, _mm_sad_epu8 (v, vec_zero ())); }

#else
# error "VEC_BYTES must be 16 or 32"
#endif

/* The sum of the 64-bit lanes of V.  Through memory, because 32-bit x86
   has no instruction that moves a 64-bit lane to a general register;
   compilers turn the store and loads into lane extracts where those
   exist.  */
static inline uint64_t
vec_u64_sum (vec v)
{
  uint64_t lane[VEC_BYTES / 8];
  memcpy (lane, &v, sizeof lane);
  uint64_t sum = 0;
  for (int i = 0; i < VEC_BYTES / 8; i++)
    sum += lane[i];
  return sum;
}

/* The high bits of V, the vector I of a 64-byte block, at their place in
   the block's 64-bit mask.  */
static inline uint64_t
vec_mask_at (vec v, int i)
{
  return (uint64_t) vec_mask (v) << (VEC_BYTES * i);
}

#endif
