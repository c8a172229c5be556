/* kernel-blocks-avx2.c: the block kernels' AVX2 classifiers: the exact
   one, two 32-byte compares per mask, and the group classifier for
   two-class text, one look-up for the separators.  This file alone is
   compiled with -mavx2 -mpopcnt -mbmi; it runs only after a run-time check
   for all three.  */
#include <config.h>

#include <immintrin.h>

#include "avx2-util.h"
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

/* The separators by one look-up: the table holds, at the index of each
   separator's low nibble, the separator itself, and elsewhere a byte whose
   low nibble differs from its index, so a byte is a separator exactly when
   it finds itself (bytes >= 0x80 find 0).  */
static inline __m256i
separators_avx2 (__m256i v)
{
  __m256i const table = _mm256_setr_epi8 (' ', 0, 0, 0, 0, 0, 0, 0, 0,
                                          '\t', '\n', '\v', '\f', '\r', 0, 0,
                                          ' ', 0, 0, 0, 0, 0, 0, 0, 0,
                                          '\t', '\n', '\v', '\f', '\r', 0, 0);
  return _mm256_cmpeq_epi8 (_mm256_shuffle_epi8 (table, v), v);
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE bool
group_avx2 (unsigned char const *p, enum two_classes when,
            uint64_t separator[GROUP_BLOCKS], uint64_t *newlines)
{
  /* The least byte that is not a separator, and the greatest byte:
     two-class bytes under 9.1's rules lie between ' ' and '~'; under 9.7's
     the greatest alone tells whether there were bytes >= 0x80.  */
  __m256i least = _mm256_set1_epi8 (-1);
  __m256i greatest = _mm256_setzero_si256 ();
  /* Each lane counts at most 2 * GROUP_BLOCKS newlines.  */
  __m256i lines = _mm256_setzero_si256 ();
#pragma GCC unroll 8
  for (int b = 0; b < GROUP_BLOCKS; b++)
    {
      uint64_t sep = 0;
#pragma GCC unroll 2
      for (int i = 0; i < SCAN_BLOCK / 32; i++)
        {
          __m256i v = _mm256_loadu_si256 ((void const *) (p + SCAN_BLOCK * b
                                                          + 32 * i));
          __m256i s = separators_avx2 (v);
          if (when == TWO_CLASSES_PRINTABLE)
            least = _mm256_min_epu8 (least, _mm256_or_si256 (v, s));
          if (when != TWO_CLASSES_ALWAYS)
            greatest = _mm256_max_epu8 (greatest, v);
          lines = _mm256_sub_epi8 (lines,
                                   _mm256_cmpeq_epi8 (v,
                                                      _mm256_set1_epi8 ('\n')));
          sep |= mask32 (s, 32 * i);
        }
      separator[b] = sep;
    }
  /* Saturating differences, nonzero in a lane that left the range.  */
  __m256i out = _mm256_subs_epu8 (greatest,
                                  _mm256_set1_epi8 (when == TWO_CLASSES_ASCII
                                                    ? 0x7f : '~'));
  if (when == TWO_CLASSES_PRINTABLE)
    out = _mm256_or_si256 (out, _mm256_subs_epu8 (_mm256_set1_epi8 (' '),
                                                  least));
  if (when != TWO_CLASSES_ALWAYS && !_mm256_testz_si256 (out, out))
    return false;
  *newlines = sum_u64_lanes (_mm256_sad_epu8 (lines,
                                              _mm256_setzero_si256 ()));
  return true;
}

size_t
scan_blocks_avx2 (struct block_kernel const *k, struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_avx2, group_avx2, k, s, p, n, c);
}

size_t
scan_tail_avx2 (struct block_kernel const *k, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c)
{
  return scan_tail_level (classify_avx2, k, s, p, n, c);
}

void
classify_block_avx2 (unsigned char const *p, struct block_masks *m)
{
  classify_avx2 (p, m);
}
