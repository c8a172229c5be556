/* kernel-utf8-avx2.c: UTF-8 bulk kernels with AVX2, 32 bytes at a time.
   As kernel-utf8.c explains, each byte that is not a continuation byte
   starts a character or not on its own; here the 32 bytes of a block are
   all decided at once against glibc's rules (utf8-decode.h).  Characters
   are counted as the bytes that start one; for words and widths, the
   characters whose lead byte tells their class (the rules' lead tables)
   are classed with byte shuffles, the others looked up in the cache with
   gathers, and words are counted with carry arithmetic over the block's
   bits.  Under 9.7's rules the bytes that no valid character covers are
   encoding errors, constituents: the leads' lengths give the bytes each
   character covers, carried from block to block.  This file alone is compiled with -mavx2; it runs only after a
   run-time CPU check.  */
#include <config.h>

#include <immintrin.h>
#include <stdalign.h>

#define VEC_BYTES 32
#include "vec.h"
#include "kernels.h"
#include "utf8-class.h"
#include "utf8-decode.h"
#include "utf8-starts.h"

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

/* A table of utf8-starts.h in both lanes.  */
static inline __m256i
nibble_table (signed char const t[16])
{
  return _mm256_broadcastsi128_si256 (_mm_loadu_si128 ((void const *) t));
}

/* The 32 bytes at B, each taken as the first byte of a character: those
   that start one glibc decodes (ASCII, or a lead byte followed by the
   continuation bytes it announces, not overlong, not a surrogate).  V0,
   V1, V2 are the bytes at B, B + 1, B + 2; up to B + 37 is readable.
   Continuation bytes start nothing.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline uint32_t
valid_starts (unsigned char const *b, __m256i v0, __m256i v1, __m256i v2)
{
  __m256i low4 = _mm256_set1_epi8 (0x0F);
  __m256i high0 = _mm256_and_si256 (_mm256_srli_epi16 (v0, 4), low4);
  __m256i high1 = _mm256_and_si256 (_mm256_srli_epi16 (v1, 4), low4);
  __m256i odd = _mm256_and_si256
    (_mm256_and_si256 (_mm256_shuffle_epi8 (nibble_table (odd_by_lead_high),
                                            high0),
                       _mm256_shuffle_epi8 (nibble_table (odd_by_lead_low),
                                            _mm256_and_si256 (v0, low4))),
     _mm256_shuffle_epi8 (nibble_table (odd_by_next_high), high1));
  /* What the next three bytes must be and are: NEEDS_K where byte K is a
     continuation byte.  */
  __m256i has = _mm256_or_si256
    (_mm256_and_si256 (below (v1, -64), _mm256_set1_epi8 (NEEDS_1)),
     _mm256_or_si256
     (_mm256_and_si256 (below (v2, -64), _mm256_set1_epi8 (NEEDS_2)),
      _mm256_and_si256 (below (load (b + 3), -64),
                        _mm256_set1_epi8 (NEEDS_3))));
  __m256i missing = _mm256_andnot_si256
    (has, _mm256_shuffle_epi8 (nibble_table (starts_needs), high0));
  __m256i ok = _mm256_andnot_si256 (_mm256_cmpgt_epi8 (odd,
                                                       _mm256_setzero_si256 ()),
                                    equal (missing, STARTS));
  uint32_t starts = bits (ok);
  /* F8..FD: rare, so checked only when there.  */
  if (bits (_mm256_slli_epi16 (odd, 3)))
    {
      __m256i cont123 = _mm256_cmpeq_epi8 (has, _mm256_set1_epi8
                                           (NEEDS_1 | NEEDS_2 | NEEDS_3));
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


/* The lead tables of RULES (charclass.h) as three vectors for byte
   shuffles: the entries of the leads C0..CF, D0..DF and E0..EF, each
   repeated in both lanes.  A copy taken once per call: entries filled
   meanwhile are missed until the next call, which changes no count.  */
struct lead_tables
{
  __m256i c, d, e;
};

static inline struct lead_tables
load_lead_tables (struct char_rules const *rules, bool widths)
{
  _Atomic unsigned char const *table = (widths ? rules->utf8_lead_entry
                                        : rules->utf8_lead_action);
  unsigned char copy[UTF8_LEAD_RANGES];
  for (int k = 0; k < UTF8_LEAD_RANGES; k++)
    copy[k] = atomic_load_explicit (table + k, memory_order_relaxed);
  return (struct lead_tables) {
    _mm256_broadcastsi128_si256 (_mm_loadu_si128 ((void const *) copy)),
    _mm256_broadcastsi128_si256 (_mm_loadu_si128 ((void const *)
                                                  (copy + 16))),
    _mm256_broadcastsi128_si256 (_mm_loadu_si128 ((void const *)
                                                  (copy + 32))) };
}

/* The lead table entry of each byte of V, taken as a lead byte C0..EF
   (the other bytes get anything).  */
static inline __m256i
lead_entries (struct lead_tables const *t, __m256i v)
{
  __m256i low = _mm256_and_si256 (v, _mm256_set1_epi8 (0x0F));
  /* Bit 4 tells C from D, bit 5 C and D from E: moved to bit 7 for the
     blends.  */
  __m256i two = _mm256_blendv_epi8 (_mm256_shuffle_epi8 (t->c, low),
                                    _mm256_shuffle_epi8 (t->d, low),
                                    _mm256_slli_epi16 (v, 3));
  return _mm256_blendv_epi8 (two, _mm256_shuffle_epi8 (t->e, low),
                             _mm256_slli_epi16 (v, 2));
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
  return vec_u64_sum (vec_add_byte_sums (vec_zero (), v));
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

/* Blocks are taken in chunks of up to CHUNK_BLOCKS, in three stages:
   find the characters of each block, and the class of those whose lead
   byte tells it; look the others up in the cache, all the chunk's in one
   loop; then count.  Looked up block by block, the cache loads and the
   branches on how many there are delay every block; in one loop over a
   list, the loads of different blocks overlap, and only the loop's end is
   mispredicted, once a chunk.  */
enum { CHUNK_BLOCKS = 64 };

/* What the first stage finds in one chunk.  */
struct chunk
{
  /* The bytes of each block that start a character that is not ASCII.  */
  uint32_t leads[CHUNK_BLOCKS];
  /* The entry of each such character, once known: the lead table's at
     first; the second stage fills in the ones it left 0, in the cache's
     terms (0 again when the cache cannot tell).  */
  alignas (32) unsigned char entry[CHUNK_BLOCKS * 32];
  /* Where, from the chunk's start, the characters to look up start: 8
     more entries than characters, for the stores that go past.  */
  uint16_t todo[CHUNK_BLOCKS * 32 + 8];
};

/* Find the characters of the blocks from P, and the classes that the
   lead tables T give, into K; stop after CHUNK_BLOCKS blocks, before the
   last 32 bytes of N, or after a block that completes a run of
   UTF8_ASCII_RUN bytes of ASCII (counting *ASCII_BLOCKS, the whole blocks
   of ASCII just before).  Returns the blocks taken, and sets *NTODO to
   the characters listed in K->todo.  */
static int
find_chunk (struct lead_tables const *t, unsigned char const *p, size_t n,
            unsigned *ascii_blocks, struct chunk *k, size_t *ntodo)
{
  size_t listed = 0;
  int blocks = 0;
  while (blocks < CHUNK_BLOCKS && 64 <= n - 32 * blocks)
    {
      unsigned char const *b = p + 32 * blocks;
      __m256i v = load (b);
      uint32_t ascii = ~bits (v);
      uint32_t leads = 0;
      if (~ascii)
        {
          *ascii_blocks = 0;
          leads = valid_starts (b, v, load (b + 1), load (b + 2)) & ~ascii;
          /* The 2- and 3-byte characters whose lead byte tells their
             class.  */
          __m256i e = lead_entries (t, v);
          _mm256_store_si256 ((void *) (k->entry + 32 * blocks), e);
          uint32_t known = leads & bits (e) & ~bits (above (v, -17));
          /* The others, to look up: their places listed eight at a time
             without a branch, the list's length then set right (TZCNT
             of 0 is 32, a place past the block that nothing reads).
             Most blocks have at most eight.  */
          uint32_t rest = leads & ~known;
          unsigned nrest = __builtin_popcount (rest);
          uint16_t *list = k->todo + listed;
#pragma GCC unroll 8
          for (int j = 0; j < 8; j++)
            {
              list[j] = 32 * blocks + _tzcnt_u32 (rest);
              rest = _blsr_u32 (rest);
            }
          for (int j = 8; rest; j++)
            {
              list[j] = 32 * blocks + __builtin_ctz (rest);
              rest &= rest - 1;
            }
          listed += nrest;
        }
      k->leads[blocks++] = leads;
      if (!~ascii && UTF8_ASCII_RUN / 32 <= ++*ascii_blocks)
        break;
    }
  *ntodo = listed;
  return blocks;
}

/* Look up in the cache the characters that K lists, starting in P, eight
   at a time: their bytes and their entries are read with gathers.  Each
   lane reads four bytes, at a character (which the block's bytes after it
   cover) or at an entry (which the mapping's lead tables follow); a
   gather reads each byte whole, as the relaxed loads the cache asks for
   do, so an entry read is 0 or final.  Lanes past the list read
   nothing.  */
static void
look_up_chunk (struct char_rules const *rules, unsigned char const *p,
               struct chunk *k, size_t ntodo)
{
  int const *cache = (int const *) (void const *) rules->utf8_cache;
  __m256i limit = _mm256_set1_epi32 (rules->utf8_cached_below);
  /* Per length: which bits of the four bytes (first in the high byte)
     carry the value, and how far to shift it down once closed up.  */
  __m256i value_bits = _mm256_setr_epi32 (0, 0, 0x1F3F0000, 0x0F3F3F00,
                                          0x073F3F3F, 0, 0, 0);
  __m256i value_shift = _mm256_setr_epi32 (0, 0, 12, 6, 0, 0, 0, 0);
  __m256i byte_swap = _mm256_setr_epi8 (3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9,
                                        8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6,
                                        5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
  __m256i lane = _mm256_setr_epi32 (0, 1, 2, 3, 4, 5, 6, 7);
  for (size_t j = 0; j < ntodo; j += 8)
    {
      __m256i live = _mm256_cmpgt_epi32 (_mm256_set1_epi32 (ntodo - j), lane);
      __m256i at = _mm256_cvtepu16_epi32 (_mm_loadu_si128
                                          ((void const *) (k->todo + j)));
      __m256i w = _mm256_mask_i32gather_epi32 (_mm256_setzero_si256 (),
                                               (int const *) (void const *) p,
                                               at, live, 1);
      w = _mm256_shuffle_epi8 (w, byte_swap);
      __m256i lead = _mm256_srli_epi32 (w, 24);
      /* 2, 3 or 4 bytes for C0..F7; 0 for the longer forms.  */
      __m256i len = _mm256_sub_epi32
        (_mm256_set1_epi32 (2),
         _mm256_add_epi32 (_mm256_cmpgt_epi32 (lead, _mm256_set1_epi32 (0xDF)),
                           _mm256_cmpgt_epi32 (lead,
                                               _mm256_set1_epi32 (0xEF))));
      len = _mm256_andnot_si256 (_mm256_cmpgt_epi32 (lead,
                                                     _mm256_set1_epi32 (0xF7)),
                                 len);
      __m256i t = _mm256_and_si256 (w, _mm256_permutevar8x32_epi32
                                    (value_bits, len));
      t = _mm256_or_si256 (_mm256_and_si256 (t, _mm256_set1_epi32 (0x00FF00FF)),
                           _mm256_srli_epi32 (_mm256_and_si256
                                              (t, _mm256_set1_epi32
                                               ((int) 0xFF00FF00)), 2));
      __m256i cp = _mm256_or_si256 (_mm256_and_si256 (t, _mm256_set1_epi32
                                                      (0xFFF)),
                                    _mm256_and_si256 (_mm256_srli_epi32 (t, 4),
                                                      _mm256_set1_epi32
                                                      (0x1FFF000)));
      cp = _mm256_srlv_epi32 (cp, _mm256_permutevar8x32_epi32 (value_shift,
                                                               len));
      __m256i ok = _mm256_and_si256 (_mm256_cmpgt_epi32 (limit, cp),
                                     _mm256_andnot_si256
                                     (_mm256_cmpeq_epi32
                                      (len, _mm256_setzero_si256 ()), live));
      __m256i e = _mm256_mask_i32gather_epi32 (_mm256_setzero_si256 (), cache,
                                               _mm256_and_si256 (cp, ok), ok,
                                               1);
      uint32_t entry[8];
      _mm256_storeu_si256 ((void *) entry, e);
      for (size_t m = 0; m < 8 && j + m < ntodo; m++)
        k->entry[k->todo[j + m]] = entry[m];
    }
}

/* The continuation bytes that the characters starting at LEADS (the bytes
   of V that start a valid character that is not ASCII) cover, as bits
   from the block's first byte: past bit 31, in the next block.  */
static inline uint64_t
covered_bytes (__m256i v, uint32_t leads)
{
  /* Unsigned lead values: C0.. take one more byte, E0.. two, F0.. three,
     and the rare F8.. and FC.. four and five.  */
  uint64_t l1 = leads;
  uint64_t l2 = l1 & ~bits (at_most (v, 0xDF));
  uint64_t l3 = l2 & ~bits (at_most (v, 0xEF));
  uint64_t covered = l1 << 1 | l2 << 2 | l3 << 3;
  if (l3)
    {
      uint64_t l4 = l3 & ~bits (at_most (v, 0xF7));
      uint64_t l5 = l4 & ~bits (at_most (v, 0xFB));
      covered |= l4 << 4 | l5 << 5;
    }
  return covered;
}

/* Lines, words and characters, and with WIDTHS the line widths, of the
   32-byte blocks from P while at least 64 bytes are left.  NONSPACE:
   under 9.7's rules (see the top of the file).  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline size_t
scan_blocks (struct char_rules const *rules, struct scan_state *s,
             unsigned char const *p, size_t n, struct counts *c, bool widths,
             bool nonspace)
{
  /* The ASCII classes are computed, and the cache is used without a
     mapping check.  A span too short for a block (a line from getline)
     returns before the lead tables are loaded, which costs more than
     such a span's count.  */
  if (n < 64 || !rules->ascii_plain || !rules->utf8_cached_below)
    return 0;
  struct lead_tables tables = load_lead_tables (rules, widths);
  uintmax_t lines = c->lines, words = c->words, chars = c->chars;
  uintmax_t column = s->column, max_width = c->max_width;
  uint64_t in_word = s->in_word;
  /* NONSPACE: the bytes of the next block that a character covers.  */
  uint64_t covered_in = ((uint64_t) 1 << s->continued) - 1;
  size_t i = 0;
  /* The whole blocks of ASCII just counted: after UTF8_ASCII_RUN bytes of
     them, the block kernel counts faster.  */
  unsigned ascii_blocks = 0;
  struct chunk k;
  /* A character that starts in a block may take five more bytes; the last
     32 bytes are left to the caller.  */
  while (64 <= n - i && ascii_blocks < UTF8_ASCII_RUN / 32)
    {
      size_t ntodo;
      int nblocks = find_chunk (&tables, p + i, n - i, &ascii_blocks, &k,
                                &ntodo);
      look_up_chunk (rules, p + i, &k, ntodo);
      for (int blk = 0; blk < nblocks; blk++, i += 32)
        {
          unsigned char const *b = p + i;
          __m256i v = load (b);
          uint32_t ascii = ~bits (v);
          /* ASCII: 21..7E constituents; 09..0D and 20 separators; the
             other bytes neutral (under 9.7's rules, constituents).  Bytes
             >= 80 are negative, in neither class.  */
          __m256i printable = _mm256_and_si256 (above (v, 0x1F),
                                                below (v, 0x7F));
          uint32_t sep = bits (_mm256_or_si256
                               (equal (v, ' '),
                                _mm256_and_si256 (above (v, 0x08),
                                                  below (v, 0x0E))));
          uint32_t word = (nonspace ? ascii & ~sep
                           : bits (_mm256_andnot_si256 (equal (v, ' '),
                                                        printable)));
          uint32_t leads = k.leads[blk];
          uint64_t covered_next = 0;
          if (nonspace)
            {
              /* The bytes past ASCII that no character covers: invalid
                 leads and strays, constituents.  */
              uint64_t covered = covered_bytes (v, leads) | covered_in;
              word |= ~ascii & ~leads & ~(uint32_t) covered;
              covered_next = covered >> 32;
            }
          unsigned block_chars = (__builtin_popcount (ascii)
                                  + __builtin_popcount (leads));
          /* Columns: 1 for printable ASCII, the entry's width past
             ASCII.  */
          __m256i width = _mm256_and_si256 (printable, _mm256_set1_epi8 (1));

          /* Bytes C0..FF start the other characters; 80..BF continue
             them, and never start, end or change anything.  */
          if (leads)
            {
              __m256i e = _mm256_load_si256 ((void const *)
                                             (k.entry + 32 * blk));
              uint32_t known = leads & bits (e);
              __m256i act = _mm256_and_si256
                (e, _mm256_set1_epi8 (UTF8_ENTRY_ACTION_MASK));
              uint32_t w = bits (equal (act, ACT_WORD));
              /* 9.7's rules have no neutral character.  */
              uint32_t none = nonspace ? 0 : bits (equal (act, ACT_NEUTRAL));
              word |= w & known;
              sep |= ~(w | none) & known;
              if (widths)
                width = _mm256_or_si256
                  (width, _mm256_and_si256
                   (_mm256_and_si256 (_mm256_srli_epi16 (e, 3),
                                      _mm256_set1_epi8 (UTF8_ENTRY_WIDTH_MAX)),
                    bytes_of_bits (known)));
              leads &= ~known;

              /* The rest one by one: characters not in the cache yet,
                 past it, or of 5 or 6 bytes.  */
              if (leads)
                {
                  unsigned char w8[32];
                  _mm256_storeu_si256 ((void *) w8, width);
                  for (; leads; leads &= leads - 1)
                    {
                      int j = __builtin_ctz (leads);
                      uint32_t cp = 0;
                      utf8_decode (&cp, b + j, n - i - j);
                      struct char_class cl = utf8_char_class (rules, cp);
                      /* Past ASCII, a character is a constituent, a
                         separator (of some width) or neutral.  */
                      word |= (uint32_t) (cl.action == ACT_WORD) << j;
                      sep |= (uint32_t) (cl.action != ACT_WORD
                                         && cl.action != ACT_NEUTRAL) << j;
                      /* No locale has a width above 2; should one, the
                         caller counts from this block on.  */
                      if (UTF8_ENTRY_WIDTH_MAX < cl.width)
                        goto stop;
                      w8[j] = cl.width;
                    }
                  width = load (w8);
                }
            }

          lines += __builtin_popcount (bits (equal (v, '\n')));
          chars += block_chars;

          /* The words: in a word after byte J when the last byte up to
             J that is not neutral is a constituent.  Adding a carry at
             the start of each run of neutral bytes that follows a
             constituent clears that run: those bytes are in the word
             too.  */
          uint64_t neutral = ~(word | sep) & 0xFFFFFFFFu;
          uint64_t start = ((uint64_t) word << 1 | in_word) & neutral;
          uint64_t inside = word | (neutral & ~(neutral + start));
          words += __builtin_popcount (sep & (inside << 1 | in_word));
          in_word = inside >> 31 & 1;
          covered_in = covered_next;

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
                  _mm256_storeu_si256 ((void *) run,
                                       byte_prefix_sums (width));
                  /* The widths up to the last special.  */
                  unsigned done = 0;
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
    }
 stop:
  c->lines = lines;
  c->words = words;
  c->chars = chars;
  c->max_width = max_width;
  s->column = column;
  s->in_word = in_word;
  s->continued = nonspace ? __builtin_ctzll (~covered_in) : 0;
  return i;
}

size_t
scan_utf8_words_avx2 (struct char_rules const *rules, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c)
{
  return (rules->nonspace_words ? scan_blocks (rules, s, p, n, c, false, true)
          : scan_blocks (rules, s, p, n, c, false, false));
}

size_t
scan_utf8_avx2 (struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c)
{
  return (rules->nonspace_words ? scan_blocks (rules, s, p, n, c, true, true)
          : scan_blocks (rules, s, p, n, c, true, false));
}
