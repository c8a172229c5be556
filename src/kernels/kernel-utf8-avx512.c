/* kernel-utf8-avx512.c: the UTF-8 word count (lines, words, characters;
   no widths) with AVX-512 (F, BW, VBMI), 64 bytes at a time.  The AVX2
   kernel (kernel-utf8-avx2.c) looks up one by one each character whose
   lead byte does not tell its class; here every character of a block is
   classed at once by byte permutations over tables held in registers,
   whether it needs them or not, which costs less than listing the few
   that do and gathering their classes:
     - the lead table: the class of each lead byte's whole range, or how to
       look further (one VPERMB);
     - page tables, by the second byte (or for F0 9F xx xx, most emoji, by
       the third): the class of each page of 64 code points, for F0 9F and
       the 3-byte leads of mixed ranges that the input has used most;
     - for up to 15 pages whose characters differ (a 2-byte lead's range
       is one page), a slot in a bitmap of constituents and one of
       separators.
   The tables are derived from the rules' code point cache (utf8-class.h)
   at the start of each call; a character they cannot class (its cache
   page not yet filled, or no slot left) is classed alone, as the AVX2
   kernel does, which fills the page for the next call.  So the tables
   need no state of their own, and each call sees the cache as it is.
   Spans under 16 KiB, for which building the tables costs more than they
   save, are the AVX2 kernel's.  Under 9.7's rules, strays are
   constituents: the bytes each character covers are worked out as in the
   AVX2 kernel.  This file alone is compiled with -mavx512f -mavx512bw
   -mavx512vbmi; it runs only after a run-time CPU check.  */
#include <config.h>

/* GCC 12's own intrinsics (VPERMB, VBROADCASTI32X4) pass an undefined
   vector where no element of it is used, which its flow analysis takes
   for a use.  */
#if 12 <= __GNUC__ && !defined __clang__
# pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <immintrin.h>
#include <stdalign.h>
#include <string.h>

#include "kernels.h"
#include "utf8-class.h"
#include "utf8-decode.h"
#include "utf8-starts.h"

typedef __m512i vec;

static inline vec
load (unsigned char const *p)
{
  return _mm512_loadu_si512 ((void const *) p);
}

/* A vector of C in every byte.  The empty asm hides the value from the
   compiler: GCC 12 built each constant again from an immediate, in every
   block (two instructions each, a fifth of the loop); now it is built once
   and stays in a register.  */
static inline vec
bytes (unsigned char c)
{
  vec v = _mm512_set1_epi8 ((char) c);
  __asm__ ("" : "+v" (v));
  return v;
}

/* --- which bytes start a character -------------------------------------- */

/* A table of utf8-starts.h in each 16-byte lane.  */
static inline vec
nibble_table (signed char const t[16])
{
  return _mm512_broadcast_i32x4 (_mm_loadu_si128 ((void const *) t));
}

static inline vec
high_nibbles (vec v)
{
  return _mm512_and_si512 (_mm512_srli_epi16 (v, 4), bytes (0x0F));
}

static inline __mmask64
continuation (vec v)
{
  return _mm512_cmpeq_epi8_mask (_mm512_and_si512 (v, bytes (0xC0)),
                                 bytes (0x80));
}

/* NEED where a byte of V continues a character, else 0: TABLE (of
   continuation_table) looked up by the byte's top six bits (VPERMB reads
   the low six bits of each index byte; what the 16-bit shift brings in
   from the next byte lands above them).  */
static inline vec
continuation_bits (vec v, vec table)
{
  return _mm512_permutexvar_epi8 (_mm512_srli_epi16 (v, 2), table);
}

/* The table for continuation_bits: NEED for the top six bits 10xxxx.  */
static inline vec
continuation_table (unsigned char need)
{
  return _mm512_maskz_mov_epi8 (0xFFFFull << 32, bytes (need));
}

/* As valid_starts in kernel-utf8-avx2.c, with the tables of
   utf8-starts.h: the 64 bytes at B, each taken as the first byte of a
   character, that start one glibc decodes.  V0..V3 are the bytes at B..B
   + 3; up to B + 69 is readable.  What each byte needs and has is worked
   out in vectors, and one comparison makes the mask (see class_bytes).  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline uint64_t
valid_starts (unsigned char const *b, vec v0, vec v1, vec v2, vec v3)
{
  vec high0 = high_nibbles (v0);
  vec odd = _mm512_and_si512
    (_mm512_and_si512 (_mm512_shuffle_epi8 (nibble_table (odd_by_lead_high),
                                            high0),
                       _mm512_shuffle_epi8 (nibble_table (odd_by_lead_low),
                                            _mm512_and_si512 (v0,
                                                              bytes (0x0F)))),
     _mm512_shuffle_epi8 (nibble_table (odd_by_next_high), high_nibbles (v1)));
  vec has = _mm512_ternarylogic_epi32
    (continuation_bits (v1, continuation_table (NEEDS_1)),
     continuation_bits (v2, continuation_table (NEEDS_2)),
     continuation_bits (v3, continuation_table (NEEDS_3)), 0xFE);
  vec missing = _mm512_andnot_si512
    (has, _mm512_shuffle_epi8 (nibble_table (starts_needs), high0));
  /* A start: STARTS and no continuation missing, and nothing odd, so
     (MISSING ^ STARTS) | ODD is 0.  */
  vec wrong = _mm512_ternarylogic_epi32 (missing, bytes (STARTS), odd, 0xBE);
  uint64_t starts = _mm512_testn_epi8_mask (wrong, wrong);
  /* F8..FD: rare, so checked only when there.  */
  __mmask64 long_forms = _mm512_test_epi8_mask (odd, bytes (F8_UP));
  if (long_forms)
    {
      __mmask64 cont123 = _mm512_cmpeq_epi8_mask
        (has, bytes (NEEDS_1 | NEEDS_2 | NEEDS_3));
      __mmask64 c4 = cont123 & continuation (load (b + 4));
      __mmask64 c5 = c4 & continuation (load (b + 5));
      /* F8..FB with four (not F8 80..87), FC FD with five (not FC
         80..83).  */
      __mmask64 five = (_mm512_cmpge_epu8_mask (v0, bytes (0xF8))
                        & _mm512_cmple_epu8_mask (v0, bytes (0xFB)) & c4
                        & ~(_mm512_cmpeq_epi8_mask (v0, bytes (0xF8))
                            & _mm512_cmple_epu8_mask (v1, bytes (0x87))));
      __mmask64 six = (_mm512_cmpge_epu8_mask (v0, bytes (0xFC))
                       & _mm512_cmple_epu8_mask (v0, bytes (0xFD)) & c5
                       & ~(_mm512_cmpeq_epi8_mask (v0, bytes (0xFC))
                           & _mm512_cmple_epu8_mask (v1, bytes (0x83))));
      starts |= five | six;
    }
  return starts;
}

/* --- the tables ---------------------------------------------------------- */

/* What an entry of the lead table or of a page table says of the
   characters it covers: their class, or where to look further.  */
enum
{
  CLASS_NEUTRAL = 0,
  CLASS_WORD = 1,       /* a constituent */
  CLASS_SEPARATOR = 2,
  CLASS_ALONE = 4,      /* classed alone, one by one */
  /* A page of 64 code points whose classes differ: the slot of its
     bitmaps << 3, 1..15 (the other entries find slot 0, empty).  */
  CLASS_SLOT_SHIFT = 3,
  /* Lead table: the page is in page table K (the low two bits), by the
     second byte.  */
  CLASS_PAGED = 0x80,
  /* Lead table, F0 alone: F0 9F's pages are in the last page table, by
     the third byte.  */
  CLASS_PAGED_F0 = CLASS_PAGED | 0x20 | 3
};

enum
{
  PAGE_TABLES = 4,      /* 3-byte leads, and F0 9F: 64 pages each */
  /* Mixed pages with bitmaps.  Slot 0's are empty: every entry that is
     not a slot finds no bit there.  */
  SLOTS = 16
};

struct tables
{
  alignas (64) unsigned char lead[64];          /* by lead - 0xC0 */
  /* By the table's number * 64 + the next byte's low six bits.  */
  alignas (64) unsigned char pages[PAGE_TABLES * 64];
  /* Bit C of slot S's page: byte S * 8 + C / 8, bit C % 8.  */
  alignas (64) unsigned char word_slots[SLOTS * 8], sep_slots[SLOTS * 8];
  alignas (64) unsigned char ascii[128];        /* the class of each byte */
  int slots;
};

/* The class of a character of action ACT.  */
static unsigned char
action_class (unsigned act)
{
  return (act == ACT_WORD || act == ACT_VWORD ? CLASS_WORD
          : act == ACT_NEUTRAL ? CLASS_NEUTRAL : CLASS_SEPARATOR);
}

/* The class of a known cache entry E.  */
static unsigned char
entry_class (unsigned char e)
{
  return action_class (e & UTF8_ENTRY_ACTION_MASK);
}

/* The entry for the cache page of 64 code points at FIRST: its class if
   all share one, a slot of T if they differ and one is left, else
   CLASS_ALONE (also while the page is unknown).  The page is read whole
   with one vector load, each byte whole, as the cache's relaxed loads
   ask.  */
static unsigned char
page_entry (struct char_rules const *rules, uint32_t first,
            struct tables *t)
{
  vec e = load ((unsigned char const *) rules->utf8_cache + first);
  if (~_mm512_test_epi8_mask (e, bytes (UTF8_ENTRY_KNOWN)))
    return CLASS_ALONE;
  vec act = _mm512_and_si512 (e, bytes (UTF8_ENTRY_ACTION_MASK));
  uint64_t word = _mm512_cmpeq_epi8_mask (act, bytes (ACT_WORD));
  uint64_t neutral = _mm512_cmpeq_epi8_mask (act, bytes (ACT_NEUTRAL));
  uint64_t sep = ~(word | neutral);
  if (!~word)
    return CLASS_WORD;
  if (!~neutral)
    return CLASS_NEUTRAL;
  if (!~sep)
    return CLASS_SEPARATOR;
  if (t->slots == SLOTS)
    return CLASS_ALONE;
  int s = t->slots++;
  memcpy (t->word_slots + 8 * s, &word, 8);
  memcpy (t->sep_slots + 8 * s, &sep, 8);
  return s << CLASS_SLOT_SHIFT;
}

/* Whether the cache knows a page of the 4,096 code points from FIRST: the
   input has used them.  */
static bool
any_page_known (struct char_rules const *rules, uint32_t first)
{
  for (uint32_t page = 0; page < 64; page++)
    if (atomic_load_explicit (rules->utf8_cache + first + (page << 6),
                              memory_order_relaxed))
      return true;
  return false;
}

/* Fill page table K with the pages of the 4,096 code points from FIRST.  */
static void
fill_page_table (struct char_rules const *rules, uint32_t first, int k,
                 struct tables *t)
{
  for (int page = 0; page < 64; page++)
    t->pages[64 * k + page] = page_entry (rules, first | page << 6, t);
}

/* Derive T from the cache of RULES as it is now: a lead whose characters
   share a class has it in the lead table; a 2-byte lead's range is one
   page; F0 9F, if the input has used it, and the 3-byte leads whose pages
   it has needed most get the page tables.  Other characters are classed
   alone, which fills the cache for the next call.  */
static void
build_tables (struct char_rules const *rules, struct tables *t)
{
  memset (t, 0, sizeof *t);
  memset (t->lead, CLASS_ALONE, sizeof t->lead);
  t->slots = 1;
  for (int c = 0; c < 0x80; c++)
    t->ascii[c] = action_class (rules->byte_action[c]);
  int used[UTF8_LEAD_RANGES] = { 0 };
  for (int lead = 0; lead < UTF8_LEAD_RANGES; lead++)
    {
      unsigned char e = atomic_load_explicit (rules->utf8_lead_action + lead,
                                              memory_order_relaxed);
      if (e)
        t->lead[lead] = entry_class (e);
      else if (2 <= lead && lead < 32)
        t->lead[lead] = page_entry (rules, lead << 6, t);
      else if (32 <= lead)
        used[lead] = utf8_lead_pages_used (rules, lead);
    }
  int tables = PAGE_TABLES;
  if (any_page_known (rules, 0x1F000))
    {
      fill_page_table (rules, 0x1F000, --tables, t);
      t->lead[48] = CLASS_PAGED_F0;
    }
  for (int k = 0; k < tables; k++)
    {
      int most = 32;
      for (int lead = 33; lead < UTF8_LEAD_RANGES; lead++)
        if (used[most] < used[lead])
          most = lead;
      if (!used[most])
        break;
      used[most] = 0;
      fill_page_table (rules, (most - 32) << 12, k, t);
      t->lead[most] = CLASS_PAGED | k;
    }
}

/* The tables in registers.  */
struct table_regs
{
  vec lead, pages[4], word_slots[2], sep_slots[2], ascii[2], bit_of;
};

static void
load_tables (struct tables const *t, struct table_regs *r)
{
  r->lead = load (t->lead);
  for (int i = 0; i < 4; i++)
    r->pages[i] = load (t->pages + 64 * i);
  for (int i = 0; i < 2; i++)
    {
      r->word_slots[i] = load (t->word_slots + 64 * i);
      r->sep_slots[i] = load (t->sep_slots + 64 * i);
      r->ascii[i] = load (t->ascii + 64 * i);
    }
  /* Byte I: bit I & 7, for the bitmaps' bit of a continuation byte.  */
  r->bit_of = _mm512_set1_epi64 (0x8040201008040201);
}

/* The byte of a 256-byte table (four registers) at each index of IDX.  */
static inline vec
look_up_256 (vec const t[4], vec idx)
{
  return _mm512_mask_blend_epi8 (_mm512_movepi8_mask (idx),
                                 _mm512_permutex2var_epi8 (t[0], idx, t[1]),
                                 _mm512_permutex2var_epi8 (t[2], idx, t[3]));
}

/* The class of each byte of a block: by the tables R for those of LEADS
   (the bytes of V that start a valid character past ASCII), by their value
   for ASCII, neutral for the others (continuation bytes and encoding
   errors).  V1, V2, V3 are the bytes after each byte of V, ASCII its
   bytes below 0x80.  *WORD gets the constituents, *SEP the separators,
   *ALONE the characters that the tables cannot class.  The classes are
   worked out in vectors and made masks only at the end: on the AVX-512
   processor measured (AMD Zen 5), a comparison into a mask register
   costs three or four times what a vector operation does, and the
   kernel's time followed the number of them.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline void
class_bytes (struct table_regs const *r, vec v, vec v1, vec v2, vec v3,
             uint64_t ascii, uint64_t leads, uint64_t *word, uint64_t *sep,
             uint64_t *alone)
{
  vec cls = _mm512_permutexvar_epi8 (v, r->lead);
  uint64_t paged = _mm512_mask_test_epi8_mask (leads, cls,
                                               bytes (CLASS_PAGED));
  uint64_t f0 = _mm512_mask_cmpeq_epi8_mask (paged, cls,
                                             bytes (CLASS_PAGED_F0));
  uint64_t f09f = _mm512_mask_cmpeq_epi8_mask (f0, v1, bytes (0x9F));

  /* The page's entry in page table K: at K * 64 + the second byte's low
     six bits, for F0 9F the third's.  */
  vec next = _mm512_mask_blend_epi8 (f0, v1, v2);
  vec at = _mm512_ternarylogic_epi32 (_mm512_slli_epi16 (cls, 6), next,
                                      bytes (0xC0), 0xE4);
  vec entry = _mm512_mask_blend_epi8 (paged, cls,
                                      look_up_256 (r->pages, at));

  /* A mixed page's slot: bit (last byte & 0x3F) of its bitmaps.  The
     slot is bits 3..6 of the entry, the bit's byte bits 3..5 of the last
     byte (the 16-bit shift's spill from the next byte lands above).  */
  vec last = _mm512_mask_blend_epi8 (f09f, _mm512_mask_blend_epi8 (paged,
                                                                   v1, v2),
                                     v3);
  vec in_slot = _mm512_ternarylogic_epi32 (entry, _mm512_srli_epi16 (last, 3),
                                           bytes (0x78), 0xE4);
  vec bit = _mm512_permutexvar_epi8 (last, r->bit_of);
  uint64_t slot_word = _mm512_test_epi8_mask
    (_mm512_permutex2var_epi8 (r->word_slots[0], in_slot, r->word_slots[1]),
     bit);
  uint64_t slot_sep = _mm512_test_epi8_mask
    (_mm512_permutex2var_epi8 (r->sep_slots[0], in_slot, r->sep_slots[1]),
     bit);

  /* ASCII by its table, the leads by their entries.  */
  vec byte_class = _mm512_mask_mov_epi8
    (_mm512_maskz_permutex2var_epi8 (ascii, r->ascii[0], v, r->ascii[1]),
     leads, entry);
  /* F0 but not F0 9F: no table.  */
  uint64_t other_f0 = f0 & ~f09f;
  *word = ((_mm512_test_epi8_mask (byte_class, bytes (CLASS_WORD))
            | (slot_word & leads)) & ~other_f0);
  *sep = ((_mm512_test_epi8_mask (byte_class, bytes (CLASS_SEPARATOR))
           | (slot_sep & leads)) & ~other_f0);
  *alone = (_mm512_test_epi8_mask (byte_class, bytes (CLASS_ALONE))
            | other_f0);
}

/* --- the count ----------------------------------------------------------- */

/* The continuation bytes that the characters starting at LEADS (the bytes
   of V that start a valid character past ASCII) cover, as bits from the
   block's first byte; *NEXT gets those past bit 63, in the next block.
   Lead bytes C0.. take one more byte, E0.. two, F0.. three, and the rare
   F8.. and FC.. four and five: bits 5, 4, 3 and 2 of the lead tell.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline uint64_t
covered_bytes (vec v, uint64_t leads, uint64_t *next)
{
  uint64_t l1 = leads;
  uint64_t l2 = _mm512_mask_test_epi8_mask (l1, v, bytes (0x20));
  uint64_t l3 = _mm512_mask_test_epi8_mask (l2, v, bytes (0x10));
  uint64_t l4 = _mm512_mask_test_epi8_mask (l3, v, bytes (0x08));
  uint64_t l5 = _mm512_mask_test_epi8_mask (l4, v, bytes (0x04));
  *next = l1 >> 63 | l2 >> 62 | l3 >> 61 | l4 >> 60 | l5 >> 59;
  return l1 << 1 | l2 << 2 | l3 << 3 | l4 << 4 | l5 << 5;
}

/* The words that end in a block whose bytes WORD are constituents and
   SEP separators (the others neutral), as in kernel-utf8-avx2.c: a
   separator ends one when the last byte before it that is not neutral is
   a constituent.  *IN_WORD carries that state between blocks; a carry out
   of bit 63 is lost on purpose: the run it would clear ends the block,
   and *IN_WORD carries it.  */
static inline unsigned
block_words (uint64_t word, uint64_t sep, uint64_t *in_word)
{
  uint64_t neutral = ~(word | sep);
  uint64_t start = (word << 1 | *in_word) & neutral;
  uint64_t inside = word | (neutral & ~(neutral + start));
  unsigned words = __builtin_popcountll (sep & (inside << 1 | *in_word));
  *in_word = inside >> 63;
  return words;
}

/* Below this many bytes the tables cost more than they save: the AVX2
   kernel counts.  */
enum { MIN_SPAN = 16384 };

size_t
scan_utf8_words_avx512 (struct char_rules const *rules, struct scan_state *s,
                        unsigned char const *p, size_t n, struct counts *c)
{
  return (n < MIN_SPAN ? scan_utf8_words_avx2 (rules, s, p, n, c)
          : scan_utf8_words_avx512_any (rules, s, p, n, c));
}

/* The count of the blocks from P while at least 128 bytes are left.
   NONSPACE: under 9.7's rules, every character but white space is a
   constituent, and so is every byte past ASCII that no valid character
   covers (an invalid lead, a stray continuation byte); the bytes that a
   character starting in one block covers in the next are carried.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline size_t
scan_blocks (struct char_rules const *rules, struct scan_state *s,
             unsigned char const *p, size_t n, struct counts *c,
             bool nonspace)
{
  if (n < 128 || !rules->ascii_plain || !rules->utf8_cached_below)
    return 0;
  struct tables t;
  build_tables (rules, &t);
  uintmax_t lines = c->lines, words = c->words, chars = c->chars;
  uint64_t in_word = s->in_word;
  /* NONSPACE: the bytes of the next block that a character covers.  */
  uint64_t covered_in = ((uint64_t) 1 << s->continued) - 1;
  unsigned ascii_blocks = 0;
  size_t i = 0;
  uint64_t word, sep, alone;
  do
    {
      /* This loop makes no call, which would cost every vector register
         (none outlives a call): a block with characters to class alone
         leaves it, and it starts again after that block.  */
      struct table_regs r;
      load_tables (&t, &r);
      alone = 0;
      /* A character that starts in a block may take five more bytes; the
         last 64 bytes are left to the caller.  */
      while (128 <= n - i && ascii_blocks < UTF8_ASCII_RUN / 64)
        {
          unsigned char const *b = p + i;
          vec v = load (b);
          uint64_t ascii = _mm512_cmpge_epi8_mask (v, _mm512_setzero_si512 ());
          lines += __builtin_popcountll (_mm512_cmpeq_epi8_mask
                                         (v, bytes ('\n')));
          if (!~ascii)
            {
              vec byte_class = _mm512_permutex2var_epi8 (r.ascii[0], v,
                                                         r.ascii[1]);
              word = _mm512_test_epi8_mask (byte_class, bytes (CLASS_WORD));
              sep = _mm512_test_epi8_mask (byte_class,
                                           bytes (CLASS_SEPARATOR));
              chars += 64;
              ascii_blocks++;
            }
          else
            {
              ascii_blocks = 0;
              vec v1 = load (b + 1), v2 = load (b + 2), v3 = load (b + 3);
              uint64_t leads = valid_starts (b, v, v1, v2, v3) & ~ascii;
              chars += (__builtin_popcountll (ascii)
                        + __builtin_popcountll (leads));
              class_bytes (&r, v, v1, v2, v3, ascii, leads, &word, &sep,
                           &alone);
              if (nonspace)
                {
                  /* An ASCII block continues no character: its
                     COVERED_IN is 0.  */
                  uint64_t covered_next;
                  uint64_t covered = (covered_bytes (v, leads, &covered_next)
                                      | covered_in);
                  word |= ~ascii & ~leads & ~covered;
                  covered_in = covered_next;
                }
              if (alone)
                break;
            }
          words += block_words (word, sep, &in_word);
          i += 64;
        }
      /* The characters of pages not in the cache yet, or with no table,
         or of 5 or 6 bytes.  */
      for (uint64_t rest = alone; rest; rest &= rest - 1)
        {
          int j = __builtin_ctzll (rest);
          uint32_t cp = 0;
          utf8_decode (&cp, p + i + j, n - i - j);
          struct char_class cl = utf8_char_class (rules, cp);
          word |= (uint64_t) (cl.action == ACT_WORD) << j;
          sep |= (uint64_t) (cl.action != ACT_WORD
                             && cl.action != ACT_NEUTRAL) << j;
        }
      if (alone)
        {
          words += block_words (word, sep, &in_word);
          i += 64;
        }
    }
  while (alone);
  c->lines = lines;
  c->words = words;
  c->chars = chars;
  s->in_word = in_word;
  s->continued = nonspace ? __builtin_ctzll (~covered_in) : 0;
  return i;
}

size_t
scan_utf8_words_avx512_any (struct char_rules const *rules,
                            struct scan_state *s, unsigned char const *p,
                            size_t n, struct counts *c)
{
  return (rules->nonspace_words ? scan_blocks (rules, s, p, n, c, true)
          : scan_blocks (rules, s, p, n, c, false));
}

