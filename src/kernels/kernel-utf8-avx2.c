/* kernel-utf8-avx2.c: UTF-8 bulk kernels with AVX2, 32 bytes at a time.
   As kernel-utf8.c explains, each byte that is not a continuation byte
   starts a character or not on its own; here the 32 bytes of a block are
   all decided at once against glibc's rules (utf8-decode.h).  Characters
   are counted as the bytes that start one; for words and widths, the
   cache entries of the 2- and 3-byte characters are looked up for the
   whole block, and words are counted with carry arithmetic over the
   block's bits.  This file alone is compiled with -mavx2; it runs only
   after a run-time CPU check.  */
#include <config.h>

#include <immintrin.h>

#include "avx2-util.h"
#include "kernels.h"
#include "utf8-class.h"
#include "utf8-decode.h"

/* Signed bytes: X > C and X < C.  */
static inline __m256i
above (__m256i x, signed char c)
{
  return _mm256_cmpgt_epi8 (x, _mm256_set1_epi8 (c));
}

static inline __m256i
below (__m256i x, signed char c)
{
  return _mm256_cmpgt_epi8 (_mm256_set1_epi8 (c), x);
}

static inline __m256i
equal (__m256i v, unsigned char c)
{
  return _mm256_cmpeq_epi8 (v, _mm256_set1_epi8 (c));
}

/* Unsigned V <= C, per byte.  */
static inline __m256i
at_most (__m256i v, unsigned char c)
{
  return _mm256_cmpeq_epi8 (_mm256_min_epu8 (v, _mm256_set1_epi8 (c)), v);
}

static inline uint32_t
bits (__m256i m)
{
  return _mm256_movemask_epi8 (m);
}

static inline __m256i
load (unsigned char const *p)
{
  return _mm256_loadu_si256 ((void const *) p);
}

/* The 32 bytes at B, each taken as the first byte of a character: those
   that start one glibc decodes (ASCII, or a lead byte followed by the
   continuation bytes it announces, not overlong, not a surrogate).  V0,
   V1, V2 are the bytes at B, B + 1, B + 2; up to B + 37 is readable.
   Continuation bytes start nothing.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline uint32_t
valid_starts (unsigned char const *b, __m256i v0, __m256i v1, __m256i v2)
{
  __m256i v3 = load (b + 3);
  __m256i cont1 = below (v1, -64), cont2 = below (v2, -64);
  __m256i cont12 = _mm256_and_si256 (cont1, cont2);
  __m256i cont123 = _mm256_and_si256 (cont12, below (v3, -64));
  __m256i low1 = at_most (v1, 0x9F);
  /* C2..DF and one continuation byte.  */
  __m256i ok = _mm256_and_si256 (_mm256_and_si256 (above (v0, -63),
                                                   below (v0, -32)), cont1);
  /* E0..EF and two, not E0 80..9F (overlong), not ED A0..BF.  */
  __m256i three = _mm256_and_si256 (_mm256_cmpeq_epi8
                                    (_mm256_and_si256
                                     (v0, _mm256_set1_epi8 ((char) 0xF0)),
                                     _mm256_set1_epi8 ((char) 0xE0)),
                                    cont12);
  __m256i bad = _mm256_or_si256 (_mm256_and_si256 (equal (v0, 0xE0), low1),
                                 _mm256_andnot_si256 (low1, equal (v0, 0xED)));
  ok = _mm256_or_si256 (ok, _mm256_andnot_si256 (bad, three));
  /* F0..F7 and three, not F0 80..8F.  */
  __m256i four = _mm256_and_si256 (_mm256_and_si256 (above (v0, -17),
                                                     below (v0, -8)),
                                   cont123);
  four = _mm256_andnot_si256 (_mm256_and_si256 (equal (v0, 0xF0),
                                                at_most (v1, 0x8F)), four);
  ok = _mm256_or_si256 (ok, four);
  ok = _mm256_or_si256 (ok, above (v0, -1));    /* ASCII */
  uint32_t starts = bits (ok);
  /* F8..FD: rare, so checked only when there.  */
  if (bits (above (v0, -9)) & bits (v0))
    {
      __m256i v4 = load (b + 4), v5 = load (b + 5);
      __m256i c4 = _mm256_and_si256 (cont123, below (v4, -64));
      __m256i c5 = _mm256_and_si256 (c4, below (v5, -64));
      /* F8..FB with four (not F8 80..87), FC FD with five (not FC
         80..83).  */
      __m256i five = _mm256_and_si256 (_mm256_and_si256 (above (v0, -9),
                                                         below (v0, -4)), c4);
      five = _mm256_andnot_si256 (_mm256_and_si256 (equal (v0, 0xF8),
                                                    at_most (v1, 0x87)),
                                  five);
      __m256i six = _mm256_and_si256 (_mm256_and_si256 (above (v0, -5),
                                                        below (v0, -2)), c5);
      six = _mm256_andnot_si256 (_mm256_and_si256 (equal (v0, 0xFC),
                                                   at_most (v1, 0x83)),
                                 six);
      starts |= bits (_mm256_or_si256 (five, six));
    }
  return starts;
}

size_t
count_utf8_chars_avx2 (unsigned char const *p, size_t n, uintmax_t *chars)
{
  size_t i = 0;
  uintmax_t k = 0;
  /* Whole blocks of 32 bytes, the last 32 bytes left to the caller: a
     character that starts in a block may take five more bytes.  */
  while (64 <= n - i)
    {
      __m256i v = load (p + i);
      if (128 <= n - i
          && !bits (_mm256_or_si256 (v, load (p + i + 32))))
        {
          i += 64;
          k += 64;
          continue;
        }
      if (!bits (v))
        k += 32;
      else
        k += __builtin_popcount (valid_starts (p + i, v, load (p + i + 1),
                                               load (p + i + 2)));
      i += 32;
    }
  *chars += k;
  return i;
}

/* --- lines, words, characters and widths --------------------------------- */

/* The values of the 2- and 3-byte characters that would start at each of
   the 32 bytes V (followed by V1, V2), as 16-bit numbers: positions 0..15
   in *FIRST, 16..31 in *LAST.  */
static inline void
short_values (__m256i v, __m256i v1, __m256i v2, __m256i *first,
              __m256i *last)
{
  __m256i is_three = _mm256_cmpeq_epi8 (_mm256_and_si256
                                        (v, _mm256_set1_epi8 ((char) 0xF0)),
                                        _mm256_set1_epi8 ((char) 0xE0));
  __m256i m3f = _mm256_set1_epi8 (0x3F);
  __m256i p1 = _mm256_and_si256 (v1, m3f);
  __m256i p2 = _mm256_and_si256 (v2, m3f);
  /* 110aaabb 10cccccc: high byte 00000aaa, low byte bbcccccc.
     1110aaaa 10bbbbcc 10dddddd: high byte aaaabbbb, low byte ccdddddd.
     The 16-bit shifts carry bits across bytes; the masks drop them.  */
  __m256i hi2 = _mm256_and_si256 (_mm256_srli_epi16 (v, 2),
                                  _mm256_set1_epi8 (0x07));
  __m256i lo2 = _mm256_or_si256 (_mm256_and_si256
                                 (_mm256_slli_epi16 (v, 6),
                                  _mm256_set1_epi8 ((char) 0xC0)), p1);
  __m256i hi3 = _mm256_or_si256 (_mm256_and_si256
                                 (_mm256_slli_epi16 (v, 4),
                                  _mm256_set1_epi8 ((char) 0xF0)),
                                 _mm256_and_si256 (_mm256_srli_epi16 (p1, 2),
                                                   _mm256_set1_epi8 (0x0F)));
  __m256i lo3 = _mm256_or_si256 (_mm256_and_si256
                                 (_mm256_slli_epi16 (v1, 6),
                                  _mm256_set1_epi8 ((char) 0xC0)), p2);
  __m256i hi = _mm256_blendv_epi8 (hi2, hi3, is_three);
  __m256i lo = _mm256_blendv_epi8 (lo2, lo3, is_three);
  __m256i a = _mm256_unpacklo_epi8 (lo, hi);    /* 0..7, 16..23 */
  __m256i z = _mm256_unpackhi_epi8 (lo, hi);    /* 8..15, 24..31 */
  *first = _mm256_permute2x128_si256 (a, z, 0x20);
  *last = _mm256_permute2x128_si256 (a, z, 0x31);
}

/* The cache entries of the 2- and 3-byte characters that start at the
   bytes STARTS of the block, one byte at each such position (the others
   hold anything), from the values FIRST and LAST that short_values gives.

   Two such characters cannot start at bytes 2K and 2K + 1, so the 32
   positions make 16 pairs, each with at most one character to look up.
   The 16 entries are read one by one, as the relaxed atomic loads the
   cache asks for: as fast here as two AVX2 gathers, and plain C.  */
static inline __m256i
lookup_entries (struct char_rules const *rules, uint32_t starts,
                __m256i first, __m256i last)
{
  /* Pair K starts at its even byte when bit 2K of STARTS is set.  */
  __m256i even_bit = _mm256_setr_epi32 (1, 1 << 2, 1 << 4, 1 << 6, 1 << 8,
                                        1 << 10, 1 << 12, 1 << 14);
  __m256i even_first = _mm256_cmpeq_epi32
    (_mm256_and_si256 (_mm256_set1_epi32 (starts), even_bit), even_bit);
  __m256i even_last = _mm256_cmpeq_epi32
    (_mm256_and_si256 (_mm256_set1_epi32 (starts >> 16), even_bit),
     even_bit);
  /* Each 32-bit lane holds a pair's two 16-bit values: keep one.  */
  __m256i low16 = _mm256_set1_epi32 (0xFFFF);
  __m256i index_first = _mm256_blendv_epi8 (_mm256_srli_epi32 (first, 16),
                                            _mm256_and_si256 (first, low16),
                                            even_first);
  __m256i index_last = _mm256_blendv_epi8 (_mm256_srli_epi32 (last, 16),
                                           _mm256_and_si256 (last, low16),
                                           even_last);
  uint32_t index[16];
  _mm256_storeu_si256 ((void *) index, index_first);
  _mm256_storeu_si256 ((void *) (index + 8), index_last);
  uint16_t entry[16];
  for (int k = 0; k < 16; k++)
    entry[k] = atomic_load_explicit (rules->utf8_cache + index[k],
                                     memory_order_relaxed);
  /* One 16-bit lane per pair, the entry in the byte of the position that
     starts.  */
  __m256i pairs = load ((unsigned char const *) entry);
  __m256i even = _mm256_packs_epi32 (even_first, even_last);
  even = _mm256_permute4x64_epi64 (even, 0xD8);
  return _mm256_blendv_epi8 (_mm256_slli_epi16 (pairs, 8), pairs, even);
}

/* A vector of bytes: all ones where bit J of M is set.  */
static inline __m256i
bytes_of_bits (uint32_t m)
{
  __m256i spread = _mm256_shuffle_epi8
    (_mm256_set1_epi32 (m), _mm256_setr_epi8 (0, 0, 0, 0, 0, 0, 0, 0,
                                              1, 1, 1, 1, 1, 1, 1, 1,
                                              2, 2, 2, 2, 2, 2, 2, 2,
                                              3, 3, 3, 3, 3, 3, 3, 3));
  __m256i bit = _mm256_set1_epi64x (0x8040201008040201);
  return _mm256_cmpeq_epi8 (_mm256_and_si256 (spread, bit), bit);
}

/* The sum of the bytes of V.  */
static inline unsigned
byte_sum (__m256i v)
{
  return sum_u64_lanes (_mm256_sad_epu8 (v, _mm256_setzero_si256 ()));
}

/* The running sums of the bytes of V, which add up to at most 255.  */
static inline __m256i
byte_prefix_sums (__m256i v)
{
  v = _mm256_add_epi8 (v, _mm256_slli_si256 (v, 1));
  v = _mm256_add_epi8 (v, _mm256_slli_si256 (v, 2));
  v = _mm256_add_epi8 (v, _mm256_slli_si256 (v, 4));
  v = _mm256_add_epi8 (v, _mm256_slli_si256 (v, 8));
  /* Each lane has its own sums: add the first lane's total to the
     second.  */
  __m256i total = _mm256_shuffle_epi8 (v, _mm256_set1_epi8 (15));
  return _mm256_add_epi8 (v, _mm256_permute2x128_si256 (total, total, 0x08));
}

/* Lines, words and characters, and with WIDTHS the line widths, of the
   32-byte blocks from P while at least 64 bytes are left.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline size_t
scan_blocks (struct char_rules const *rules, struct scan_state *s,
             unsigned char const *p, size_t n, struct counts *c, bool widths)
{
  /* The ASCII classes are computed, and every 2- or 3-byte character
     looked up in the cache without a bound check.  */
  if (!rules->ascii_plain || rules->utf8_cached_below < 0x10000)
    return 0;
  uintmax_t lines = c->lines, words = c->words, chars = c->chars;
  uintmax_t column = s->column, max_width = c->max_width;
  uint64_t in_word = s->in_word;
  size_t i = 0;
  /* The whole blocks of ASCII just counted: after UTF8_ASCII_RUN bytes of
     them, the block kernel counts faster.  */
  unsigned ascii_blocks = 0;
  /* A character that starts in a block may take five more bytes; the last
     32 bytes are left to the caller.  */
  for (; 64 <= n - i; i += 32)
    {
      if (UTF8_ASCII_RUN / 32 <= ascii_blocks)
        break;
      unsigned char const *b = p + i;
      __m256i v = load (b);
      uint32_t ascii = ~bits (v);
      ascii_blocks = ascii == UINT32_MAX ? ascii_blocks + 1 : 0;
      /* ASCII: 21..7E constituents; 09..0D and 20 separators; the other
         bytes neutral.  Bytes >= 80 are negative, in neither class.  */
      __m256i printable = _mm256_and_si256 (above (v, 0x1F), below (v, 0x7F));
      uint32_t word = bits (_mm256_andnot_si256 (equal (v, ' '), printable));
      uint32_t sep = bits (_mm256_or_si256 (equal (v, ' '),
                                            _mm256_and_si256 (above (v, 0x08),
                                                              below (v, 0x0E))));
      unsigned block_chars = __builtin_popcount (ascii);
      /* Columns: 1 for printable ASCII, the cache's width past ASCII.  */
      __m256i width = _mm256_and_si256 (printable, _mm256_set1_epi8 (1));

      /* Bytes C0..FF start the other characters; 80..BF continue them,
         and never start, end or change anything.  */
      if (~ascii)
        {
          __m256i v1 = load (b + 1), v2 = load (b + 2);
          uint32_t leads = valid_starts (b, v, v1, v2) & ~ascii;
          /* The two- and three-byte characters, all at once.  */
          uint32_t short_ok = leads & ~bits (above (v, -17));
          block_chars += __builtin_popcount (leads);
          __m256i first, last;
          short_values (v, v1, v2, &first, &last);
          __m256i e = lookup_entries (rules, short_ok, first, last);
          if ((short_ok & bits (e)) == short_ok)
            {
              __m256i act = _mm256_and_si256
                (e, _mm256_set1_epi8 (UTF8_ENTRY_ACTION_MASK));
              uint32_t w = bits (equal (act, ACT_WORD));
              uint32_t none = bits (equal (act, ACT_NEUTRAL));
              word |= w & short_ok;
              sep |= ~(w | none) & short_ok;
              if (widths)
                width = _mm256_or_si256
                  (width, _mm256_and_si256
                   (_mm256_and_si256 (_mm256_srli_epi16 (e, 3),
                                      _mm256_set1_epi8 (UTF8_ENTRY_WIDTH_MAX)),
                    bytes_of_bits (short_ok)));
              leads &= ~short_ok;
            }

          /* The rest one by one: a 4-, 5- or 6-byte form, or a character
             not in the cache yet.  */
          if (leads)
            {
              unsigned char w8[32];
              _mm256_storeu_si256 ((void *) w8, width);
              for (; leads; leads &= leads - 1)
                {
                  int j = __builtin_ctz (leads);
                  uint32_t cp = 0;
                  utf8_decode (&cp, b + j, n - i - j);
                  struct char_class k = utf8_char_class (rules, cp);
                  /* Past ASCII, a character is a constituent, a
                     separator (of some width) or neutral.  */
                  word |= (uint32_t) (k.action == ACT_WORD) << j;
                  sep |= (uint32_t) (k.action != ACT_WORD
                                     && k.action != ACT_NEUTRAL) << j;
                  /* No locale has a width above 2; should one, the
                     caller counts from this block on.  */
                  if (UTF8_ENTRY_WIDTH_MAX < k.width)
                    goto stop;
                  w8[j] = k.width;
                }
              width = load (w8);
            }
        }

      lines += __builtin_popcount (bits (equal (v, '\n')));
      chars += block_chars;

      /* The words: in a word after byte J when the last byte up to J
         that is not neutral is a constituent.  Adding a carry at the
         start of each run of neutral bytes that follows a constituent
         clears that run: those bytes are in the word too.  */
      uint64_t neutral = ~(word | sep) & 0xFFFFFFFFu;
      uint64_t start = ((uint64_t) word << 1 | in_word) & neutral;
      uint64_t inside = word | (neutral & ~(neutral + start));
      words += __builtin_popcount (sep & (inside << 1 | in_word));
      in_word = inside >> 31 & 1;

      if (widths)
        {
          /* Tabs and line ends need the column where they are; the
             widths before them are running sums.  */
          uint32_t special = bits (_mm256_or_si256
                                   (_mm256_or_si256 (equal (v, '\t'),
                                                     equal (v, '\n')),
                                    _mm256_or_si256 (equal (v, '\r'),
                                                     equal (v, '\f'))));
          unsigned total = byte_sum (width);
          if (!special)
            column += total;
          else
            {
              unsigned char w8[32], run[32];
              _mm256_storeu_si256 ((void *) w8, width);
              _mm256_storeu_si256 ((void *) run, byte_prefix_sums (width));
              unsigned done = 0;   /* the widths up to the last special */
              for (; special; special &= special - 1)
                {
                  int j = __builtin_ctz (special);
                  /* Bytes of width sums are exact while the block's
                     total is below 256.  */
                  unsigned upto = total < 256 ? run[j] : 0;
                  if (256 <= total)
                    for (int t = 0; t <= j; t++)
                      upto += w8[t];
                  column += upto - done;
                  done = upto;
                  if (b[j] == '\t')
                    column += 8 - column % 8;
                  else
                    {
                      if (max_width < column)
                        max_width = column;
                      column = 0;
                    }
                }
              column += total - done;
            }
        }
    }
 stop:
  c->lines = lines;
  c->words = words;
  c->chars = chars;
  c->max_width = max_width;
  s->column = column;
  s->in_word = in_word;
  return i;
}

size_t
scan_utf8_words_avx2 (struct char_rules const *rules, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks (rules, s, p, n, c, false);
}

size_t
scan_utf8_avx2 (struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks (rules, s, p, n, c, true);
}
