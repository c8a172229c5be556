/* kernel-blocks-avx2.c: the block kernels' AVX2 classifier, two 32-byte
   compares per mask.  This file alone is compiled with -mavx2 -mpopcnt
   -mbmi; it runs only after a run-time check for all three.  */
#include <config.h>

#include <immintrin.h>

#include "kernel-blocks.h"

static inline uint64_t
mask32 (__m256i v, int shift)
{
  return (uint64_t) (uint32_t) _mm256_movemask_epi8 (v) << shift;
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
classify_avx2 (unsigned char const *p, struct block_masks *m)
{
  *m = (struct block_masks) { 0 };
  /* Unrolled, so that every shift is a constant.  */
#pragma GCC unroll 2
  for (int i = 0; i < SCAN_BLOCK / 32; i++)
    {
      __m256i v = _mm256_loadu_si256 ((void const *) (p + 32 * i));
      __m256i space = _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 (' '));
      /* '\t' .. '\r': V - '\t' is at most 4, unsigned.  */
      __m256i from_tab = _mm256_sub_epi8 (v, _mm256_set1_epi8 ('\t'));
      __m256i control
        = _mm256_cmpeq_epi8 (_mm256_min_epu8 (from_tab, _mm256_set1_epi8 (4)),
                             from_tab);
      /* '!' .. 0x7f, signed, so bytes >= 0x80 (negative) stay out.  */
      __m256i graph_del = _mm256_cmpgt_epi8 (v, _mm256_set1_epi8 (' '));
      __m256i del = _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 (0x7f));
      __m256i word = _mm256_andnot_si256 (del, graph_del);
      __m256i vt = _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('\v'));
      int shift = 32 * i;
      m->newline |= mask32 (_mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('\n')),
                            shift);
      m->separator |= mask32 (_mm256_or_si256 (control, space), shift);
      m->word |= mask32 (word, shift);
      m->high |= mask32 (v, shift);
      m->width1 |= mask32 (_mm256_or_si256 (word, space), shift);
      m->event |= mask32 (_mm256_andnot_si256 (vt, control), shift);
      m->tab |= mask32 (_mm256_cmpeq_epi8 (v, _mm256_set1_epi8 ('\t')),
                        shift);
    }
}

size_t
scan_blocks_avx2 (struct block_kernel const *k, struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_avx2, k, s, p, n, c);
}

void
classify_block_avx2 (unsigned char const *p, struct block_masks *m)
{
  classify_avx2 (p, m);
}
