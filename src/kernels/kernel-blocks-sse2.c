/* kernel-blocks-sse2.c: the block kernels' SSE2 classifier, four 16-byte
   compares per mask.  SSE2 is part of x86-64; on 32-bit x86 this file alone
   is compiled with -msse2 and runs only after a run-time CPU check.  */
#include <config.h>

#include <emmintrin.h>

#include "kernel-blocks.h"

static inline uint64_t
mask16 (__m128i v, int shift)
{
  return (uint64_t) (unsigned) _mm_movemask_epi8 (v) << shift;
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
classify_sse2 (unsigned char const *p, struct block_masks *m)
{
  *m = (struct block_masks) { 0 };
  /* Unrolled, so that every shift is a constant.  */
#pragma GCC unroll 4
  for (int i = 0; i < SCAN_BLOCK / 16; i++)
    {
      __m128i v = _mm_loadu_si128 ((void const *) (p + 16 * i));
      __m128i space = _mm_cmpeq_epi8 (v, _mm_set1_epi8 (' '));
      /* '\t' .. '\r': V - '\t' is at most 4, unsigned.  */
      __m128i from_tab = _mm_sub_epi8 (v, _mm_set1_epi8 ('\t'));
      __m128i control = _mm_cmpeq_epi8 (_mm_min_epu8 (from_tab,
                                                      _mm_set1_epi8 (4)),
                                        from_tab);
      /* '!' .. 0x7f, signed, so bytes >= 0x80 (negative) stay out.  */
      __m128i graph_del = _mm_cmpgt_epi8 (v, _mm_set1_epi8 (' '));
      __m128i del = _mm_cmpeq_epi8 (v, _mm_set1_epi8 (0x7f));
      __m128i word = _mm_andnot_si128 (del, graph_del);
      __m128i vt = _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\v'));
      int shift = 16 * i;
      m->newline |= mask16 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n')), shift);
      m->separator |= mask16 (_mm_or_si128 (control, space), shift);
      m->word |= mask16 (word, shift);
      m->high |= mask16 (v, shift);
      m->width1 |= mask16 (_mm_or_si128 (word, space), shift);
      m->event |= mask16 (_mm_andnot_si128 (vt, control), shift);
      m->tab |= mask16 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\t')), shift);
    }
}

size_t
scan_blocks_sse2 (struct block_kernel const *k, struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_sse2, k, s, p, n, c);
}

void
classify_block_sse2 (unsigned char const *p, struct block_masks *m)
{
  classify_sse2 (p, m);
}
