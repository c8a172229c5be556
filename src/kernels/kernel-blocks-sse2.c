/* kernel-blocks-sse2.c: the block kernels' SSE2 classifiers: the exact
   one, four 16-byte compares per mask, and the group classifier for
   two-class text.  SSE2 is part of x86-64; on 32-bit x86 this file alone
   is compiled with -msse2 and runs only after a run-time CPU check.  */
#include <config.h>

#include <emmintrin.h>

#include "kernel-blocks.h"

static inline uint64_t
mask16 (__m128i v, int shift)
{
  return (uint64_t) (unsigned) _mm_movemask_epi8 (v) << shift;
}

/* '\t' .. '\r': V - '\t' is at most 4, unsigned.  */
static inline __m128i
controls_sse2 (__m128i v)
{
  __m128i from_tab = _mm_sub_epi8 (v, _mm_set1_epi8 ('\t'));
  return _mm_cmpeq_epi8 (_mm_min_epu8 (from_tab, _mm_set1_epi8 (4)),
                         from_tab);
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
      __m128i control = controls_sse2 (v);
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

static inline __m128i
separators_sse2 (__m128i v)
{
  return _mm_or_si128 (controls_sse2 (v),
                       _mm_cmpeq_epi8 (v, _mm_set1_epi8 (' ')));
}

/* The group classifier (kernel-blocks.h), as the AVX2 one explains.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE bool
group_sse2 (unsigned char const *p, enum two_classes when,
            uint64_t separator[GROUP_BLOCKS], uint64_t *newlines)
{
  __m128i least = _mm_set1_epi8 (-1);
  __m128i greatest = _mm_setzero_si128 ();
  /* Each lane counts at most 4 * GROUP_BLOCKS newlines.  */
  __m128i lines = _mm_setzero_si128 ();
#pragma GCC unroll 8
  for (int b = 0; b < GROUP_BLOCKS; b++)
    {
      uint64_t sep = 0;
#pragma GCC unroll 4
      for (int i = 0; i < SCAN_BLOCK / 16; i++)
        {
          __m128i v = _mm_loadu_si128 ((void const *) (p + SCAN_BLOCK * b
                                                       + 16 * i));
          __m128i s = separators_sse2 (v);
          if (when == TWO_CLASSES_PRINTABLE)
            least = _mm_min_epu8 (least, _mm_or_si128 (v, s));
          if (when != TWO_CLASSES_ALWAYS)
            greatest = _mm_max_epu8 (greatest, v);
          lines = _mm_sub_epi8 (lines,
                                _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n')));
          sep |= mask16 (s, 16 * i);
        }
      separator[b] = sep;
    }
  __m128i out = _mm_subs_epu8 (greatest,
                               _mm_set1_epi8 (when == TWO_CLASSES_ASCII
                                              ? 0x7f : '~'));
  if (when == TWO_CLASSES_PRINTABLE)
    out = _mm_or_si128 (out, _mm_subs_epu8 (_mm_set1_epi8 (' '), least));
  if (when != TWO_CLASSES_ALWAYS
      && _mm_movemask_epi8 (_mm_cmpeq_epi8 (out, _mm_setzero_si128 ()))
         != 0xffff)
    return false;
  __m128i sums = _mm_sad_epu8 (lines, _mm_setzero_si128 ());
  *newlines = ((uint64_t) _mm_cvtsi128_si32 (sums)
               + (uint64_t) _mm_cvtsi128_si32 (_mm_srli_si128 (sums, 8)));
  return true;
}

size_t
scan_blocks_sse2 (struct block_kernel const *k, struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_sse2, group_sse2, k, s, p, n, c);
}

size_t
scan_tail_sse2 (struct block_kernel const *k, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c)
{
  return scan_tail_level (classify_sse2, k, s, p, n, c);
}

void
classify_block_sse2 (unsigned char const *p, struct block_masks *m)
{
  classify_sse2 (p, m);
}
