/* kernel-utf8-avx2.c: count UTF-8 characters 32 bytes at a time with AVX2.
   A block that starts at a character boundary and keeps glibc's decoding
   rules (utf8-decode.h) holds as many characters as bytes that are not
   continuation bytes; a block that breaks a rule is left to the portable
   kernel, which stops at the offending byte.  This file alone is compiled
   with -mavx2; it runs only after a run-time CPU check.  */
#include <config.h>

#include <immintrin.h>

#include "kernels.h"
#include "utf8-decode.h"

/* V moved D bytes (1..5) towards the end, zeros coming in at the start:
   byte I of the result is byte I - D of V.  */
#define SHIFTED(v, d) \
  _mm256_alignr_epi8 ((v), _mm256_permute2x128_si256 ((v), (v), 0x08), \
                      16 - (d))

/* Unsigned V <= C, per byte.  */
static inline __m256i
at_most (__m256i v, unsigned char c)
{
  return _mm256_cmpeq_epi8 (_mm256_min_epu8 (v, _mm256_set1_epi8 (c)), v);
}

static inline __m256i
equal (__m256i v, unsigned char c)
{
  return _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 (c));
}

/* The characters in the 32 bytes V at P, which start at a character
   boundary, or -1 if they break a rule.  A character begun in the block
   but finished after it is not counted; *TAIL gets its bytes so far.  */
static inline int
block_chars (__m256i v, unsigned char const *p, int *tail)
{
  /* The length each byte announces: 1 for ASCII, 2..6 for a lead byte, 0
     for a continuation byte (and C0 C1 FE FF, refused below).  The high
     nibble decides, except for F0..FF where the low one does.  */
  __m256i const by_high = _mm256_setr_epi8 (1, 1, 1, 1, 1, 1, 1, 1,
                                            0, 0, 0, 0, 2, 2, 3, 0,
                                            1, 1, 1, 1, 1, 1, 1, 1,
                                            0, 0, 0, 0, 2, 2, 3, 0);
  __m256i const by_low_of_f = _mm256_setr_epi8 (4, 4, 4, 4, 4, 4, 4, 4,
                                                5, 5, 5, 5, 6, 6, 0, 0,
                                                4, 4, 4, 4, 4, 4, 4, 4,
                                                5, 5, 5, 5, 6, 6, 0, 0);
  __m256i const nibble = _mm256_set1_epi8 (0x0F);
  __m256i high = _mm256_and_si256 (_mm256_srli_epi16 (v, 4), nibble);
  __m256i low = _mm256_and_si256 (v, nibble);
  __m256i len = _mm256_or_si256 (_mm256_shuffle_epi8 (by_high, high),
                                 _mm256_and_si256 (_mm256_shuffle_epi8
                                                   (by_low_of_f, low),
                                                   _mm256_cmpeq_epi8 (high,
                                                                      nibble)));

  /* Byte I must continue a character when the lead byte D places before
     it announces more than D bytes.  */
  __m256i need = _mm256_subs_epu8 (SHIFTED (len, 1), _mm256_set1_epi8 (1));
  need = _mm256_or_si256 (need, _mm256_subs_epu8 (SHIFTED (len, 2),
                                                   _mm256_set1_epi8 (2)));
  need = _mm256_or_si256 (need, _mm256_subs_epu8 (SHIFTED (len, 3),
                                                   _mm256_set1_epi8 (3)));
  need = _mm256_or_si256 (need, _mm256_subs_epu8 (SHIFTED (len, 4),
                                                   _mm256_set1_epi8 (4)));
  need = _mm256_or_si256 (need, _mm256_subs_epu8 (SHIFTED (len, 5),
                                                   _mm256_set1_epi8 (5)));
  __m256i free_byte = _mm256_cmpeq_epi8 (need, _mm256_setzero_si256 ());
  /* 80..BF are the signed bytes below -64.  */
  __m256i cont = _mm256_cmpgt_epi8 (_mm256_set1_epi8 (-64), v);
  /* An error: a continuation byte where none may be, or none where one
     must be.  */
  __m256i bad = _mm256_cmpeq_epi8 (free_byte, cont);

  /* Bytes that never start a character: C0 C1 FE FF.  */
  __m256i even = _mm256_and_si256 (v, _mm256_set1_epi8 ((char) 0xFE));
  bad = _mm256_or_si256 (bad, _mm256_or_si256 (equal (even, 0xC0),
                                               equal (even, 0xFE)));

  /* Overlong forms and surrogates show in the byte after the lead: E0
     needs A0.., ED ..9F, F0 90.., F8 88.., FC 84..  */
  __m256i lead = SHIFTED (v, 1);
  __m256i upto9f = at_most (v, 0x9F);
  __m256i form = _mm256_and_si256 (equal (lead, 0xE0), upto9f);
  form = _mm256_or_si256 (form, _mm256_andnot_si256 (upto9f,
                                                      equal (lead, 0xED)));
  form = _mm256_or_si256 (form, _mm256_and_si256 (equal (lead, 0xF0),
                                                   at_most (v, 0x8F)));
  form = _mm256_or_si256 (form, _mm256_and_si256 (equal (lead, 0xF8),
                                                   at_most (v, 0x87)));
  form = _mm256_or_si256 (form, _mm256_and_si256 (equal (lead, 0xFC),
                                                   at_most (v, 0x83)));
  bad = _mm256_or_si256 (bad, form);
  if (!_mm256_testz_si256 (bad, bad))
    return -1;

  /* A lead byte among the last five may announce more than is left.  */
  *tail = 0;
  for (int j = 31; 27 <= j; j--)
    if (!utf8_is_continuation (p[j]))
      {
        if (32 - j < utf8_lead_length (p[j]))
          *tail = 32 - j;
        break;
      }
  unsigned cont_bits = _mm256_movemask_epi8 (cont);
  return 32 - __builtin_popcount (cont_bits) - (*tail != 0);
}

size_t
count_utf8_chars_avx2 (unsigned char const *p, size_t n, uintmax_t *chars)
{
  size_t i = 0;
  uintmax_t k = 0;
  while (32 <= n - i)
    {
      __m256i v = _mm256_loadu_si256 ((void const *) (p + i));
      if (64 <= n - i)
        {
          __m256i w = _mm256_loadu_si256 ((void const *) (p + i + 32));
          if (!_mm256_movemask_epi8 (_mm256_or_si256 (v, w)))
            {
              i += 64;
              k += 64;
              continue;
            }
        }
      if (!_mm256_movemask_epi8 (v))
        {
          i += 32;
          k += 32;
          continue;
        }
      int tail;
      int c = block_chars (v, p + i, &tail);
      if (c < 0)
        break;
      k += c;
      i += 32 - tail;
    }
  *chars += k;
  /* The last bytes, or a block that breaks a rule: the portable kernel
     takes what it can of them, up to the byte the caller must see to.  */
  size_t rest = n - i < 32 ? n - i : 32;
  return i + count_utf8_chars_portable (p + i, rest, chars);
}
