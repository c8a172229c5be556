/* kernel-utf8-avx512.c: the UTF-8 word count (lines, words, characters;
   no widths) under 9.1's rules with AVX-512 (F, BW, VBMI), 64 bytes at a
   time.  The AVX2 kernel (kernel-utf8-avx2.c) looks up one by one each
   character whose lead byte does not tell its class; here every character
   of a block is classed at once by byte permutations over tables held in
   registers, whether it needs them or not, which costs less than listing
   the few that do and gathering their classes:
     - the lead table: the class of each lead byte's whole range, or how to
       look further (one VPERMB);
     - the 2-byte forms: a bitmap of constituents and one of separators
       over their 2,048 code points (VPERMI2B, by lead and second byte);
     - the 3-byte forms of up to 8 leads whose range is mixed, and the
       4-byte forms F0 9F xx xx (most emoji): the class of each page of 64
       code points, or for up to 16 mixed pages a slot in two more bitmaps.
   The tables are derived from the rules' code point cache (utf8-class.h)
   at the start of each call; a character they cannot class (its cache
   page not yet filled, or no slot left) is classed alone, as the AVX2
   kernel does, which fills the page for the next call.  So the tables
   need no state of their own, and each call sees the cache as it is.
   Spans under 16 KiB, for which building the tables costs more than they
   save, and 9.7's rules (strays as constituents) are the AVX2 kernel's.
   This file alone is compiled with -mavx512f -mavx512bw -mavx512vbmi; it
   runs only after a run-time CPU check.  */
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

static inline vec
bytes (unsigned char c)
{
  return _mm512_set1_epi8 ((char) c);
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

/* As valid_starts in kernel-utf8-avx2.c, with the tables of
   utf8-starts.h: the 64 bytes at B, each taken as the first byte of a
   character, that start one glibc decodes.  V0, V1, V2 are the bytes at
   B, B + 1, B + 2; up to B + 69 is readable.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline uint64_t
valid_starts (unsigned char const *b, vec v0, vec v1, vec v2)
{
  vec high0 = high_nibbles (v0);
  vec odd = _mm512_and_si512
    (_mm512_and_si512 (_mm512_shuffle_epi8 (nibble_table (odd_by_lead_high),
                                            high0),
                       _mm512_shuffle_epi8 (nibble_table (odd_by_lead_low),
                                            _mm512_and_si512 (v0,
                                                              bytes (0x0F)))),
     _mm512_shuffle_epi8 (nibble_table (odd_by_next_high), high_nibbles (v1)));
  vec has = _mm512_or_si512
    (_mm512_maskz_mov_epi8 (continuation (v1), bytes (NEEDS_1)),
     _mm512_or_si512 (_mm512_maskz_mov_epi8 (continuation (v2),
                                             bytes (NEEDS_2)),
                      _mm512_maskz_mov_epi8 (continuation (load (b + 3)),
                                             bytes (NEEDS_3))));
  vec missing = _mm512_andnot_si512
    (has, _mm512_shuffle_epi8 (nibble_table (starts_needs), high0));
  uint64_t starts = (_mm512_cmpeq_epi8_mask (missing, bytes (STARTS))
                     & _mm512_testn_epi8_mask (odd, odd));
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

/* What a lead table or page table entry says of the characters it covers:
   their class, or where to look further.  0: the character is classed
   alone.  */
enum
{
  CLASS_ALONE = 0,
  CLASS_WORD,           /* a constituent */
  CLASS_SEPARATOR,
  CLASS_NEUTRAL,
  CLASS_TWO_BYTES,      /* lead table: in the 2-byte bitmaps */
  CLASS_PAGES,          /* lead table: in a lead's page table */
  CLASS_F0,             /* lead table: F0, whose F0 9F pages have a table */
  /* Page table: CLASS_SLOT + the page's slot, which its low nibble
     tells.  */
  CLASS_SLOT = 16
};

enum
{
  PAGE_LEADS = 8,       /* 3-byte leads with a page table */
  SLOTS = 16            /* mixed pages with bitmaps */
};

struct tables
{
  alignas (64) unsigned char lead[64];          /* by lead - 0xC0 */
  /* Bit CP of the 2-byte forms' constituents and separators.  */
  alignas (64) unsigned char word2[256], sep2[256];
  /* The page table of each 3-byte lead, by its low nibble: 0..7, or
     PAGE_LEADS when it has none.  */
  alignas (16) unsigned char lead_pages[16];
  /* By lead table * 64 + the second byte's low six bits.  */
  alignas (64) unsigned char pages[PAGE_LEADS * 64];
  /* F0 9F's pages (U+1F000..U+1FFFF), by the third byte's low six bits.  */
  alignas (64) unsigned char pages_f09f[64];
  /* Bit C of slot S's page: byte S * 8 + C / 8.  */
  alignas (64) unsigned char word_slots[SLOTS * 8], sep_slots[SLOTS * 8];
  int slots;
};

/* The class of a known cache entry E.  */
static unsigned char
entry_class (unsigned char e)
{
  unsigned act = e & UTF8_ENTRY_ACTION_MASK;
  return (act == ACT_WORD ? CLASS_WORD
          : act == ACT_NEUTRAL ? CLASS_NEUTRAL : CLASS_SEPARATOR);
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
  return CLASS_SLOT + s;
}

/* Derive T from the cache of RULES as it is now.  */
static void
build_tables (struct char_rules const *rules, struct tables *t)
{
  memset (t, 0, sizeof *t);
  memset (t->lead_pages, PAGE_LEADS, sizeof t->lead_pages);
  int page_leads = 0;
  for (int lead = 0; lead < 64; lead++)
    {
      unsigned char e = (lead < UTF8_LEAD_RANGES
                         ? atomic_load_explicit (rules->utf8_lead_action
                                                 + lead, memory_order_relaxed)
                         : 0);
      unsigned char cls = CLASS_ALONE;
      if (e)
        cls = entry_class (e);
      else if (2 <= lead && lead < 32)
        {
          /* A 2-byte lead's range is one page: into the bitmaps.  */
          vec c = load ((unsigned char const *) rules->utf8_cache
                        + (lead << 6));
          if (!~_mm512_test_epi8_mask (c, bytes (UTF8_ENTRY_KNOWN)))
            {
              vec act = _mm512_and_si512 (c, bytes (UTF8_ENTRY_ACTION_MASK));
              uint64_t word = _mm512_cmpeq_epi8_mask (act, bytes (ACT_WORD));
              uint64_t sep = ~(word | _mm512_cmpeq_epi8_mask
                               (act, bytes (ACT_NEUTRAL)));
              memcpy (t->word2 + 8 * lead, &word, 8);
              memcpy (t->sep2 + 8 * lead, &sep, 8);
              cls = CLASS_TWO_BYTES;
            }
        }
      else if (32 <= lead && lead < 48 && page_leads < PAGE_LEADS)
        {
          int k = page_leads++;
          t->lead_pages[lead - 32] = k;
          for (int second = 0; second < 64; second++)
            t->pages[64 * k + second]
              = page_entry (rules, (lead - 32) << 12 | second << 6, t);
          cls = CLASS_PAGES;
        }
      else if (lead == 48)
        {
          for (int third = 0; third < 64; third++)
            t->pages_f09f[third]
              = page_entry (rules, 0x1F000 | third << 6, t);
          cls = CLASS_F0;
        }
      t->lead[lead] = cls;
    }
}

/* The tables in registers.  */
struct table_regs
{
  vec lead, word2[4], sep2[4], lead_pages, pages[PAGE_LEADS], pages_f09f;
  vec word_slots[2], sep_slots[2];
};

static void
load_tables (struct tables const *t, struct table_regs *r)
{
  r->lead = load (t->lead);
  for (int i = 0; i < 4; i++)
    {
      r->word2[i] = load (t->word2 + 64 * i);
      r->sep2[i] = load (t->sep2 + 64 * i);
    }
  r->lead_pages = nibble_table ((signed char const *) t->lead_pages);
  for (int i = 0; i < PAGE_LEADS; i++)
    r->pages[i] = load (t->pages + 64 * i);
  r->pages_f09f = load (t->pages_f09f);
  for (int i = 0; i < 2; i++)
    {
      r->word_slots[i] = load (t->word_slots + 64 * i);
      r->sep_slots[i] = load (t->sep_slots + 64 * i);
    }
}

/* The byte of a 256-byte table (four registers) at each index of IDX.  */
static inline vec
look_up_256 (vec const t[4], vec idx)
{
  return _mm512_mask_blend_epi8 (_mm512_movepi8_mask (idx),
                                 _mm512_permutex2var_epi8 (t[0], idx, t[1]),
                                 _mm512_permutex2var_epi8 (t[2], idx, t[3]));
}

/* The constituents and separators among the characters that start at
   LEADS (the bytes of V that start a valid character past ASCII), as the
   tables R tell; *ALONE gets those they cannot class.  V1, V2, V3 are the
   bytes after each byte of V.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline void
class_leads (struct table_regs const *r, vec v, vec v1, vec v2, vec v3,
             uint64_t leads, uint64_t *word, uint64_t *sep, uint64_t *alone)
{
  /* Each bit of a byte: the byte 1 << (its low three bits).  */
  vec const bit_of = nibble_table ((signed char const[16]) {
      1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128 });
  vec const low3 = bytes (7), low6 = bytes (0x3F);
  vec cls = _mm512_permutexvar_epi8 (v, r->lead);

  /* 2-byte forms: the bitmaps' byte (lead & 0x1F) * 8 + (second >> 3).  */
  vec idx2 = _mm512_or_si512
    (_mm512_and_si512 (_mm512_slli_epi16 (v, 3), bytes (0xF8)),
     _mm512_and_si512 (_mm512_srli_epi16 (v1, 3), low3));
  vec bit2 = _mm512_shuffle_epi8 (bit_of, _mm512_and_si512 (v1, low3));
  uint64_t two = leads & _mm512_cmpeq_epi8_mask (cls, bytes (CLASS_TWO_BYTES));
  uint64_t word2 = _mm512_test_epi8_mask (look_up_256 (r->word2, idx2), bit2);
  uint64_t sep2 = _mm512_test_epi8_mask (look_up_256 (r->sep2, idx2), bit2);

  /* 3-byte forms: the page entry at (the lead's table) * 64 + second byte;
     F0 9F: the entry of the third byte.  */
  vec k = _mm512_shuffle_epi8 (r->lead_pages,
                               _mm512_and_si512 (v, bytes (0x0F)));
  vec lo7 = _mm512_or_si512
    (_mm512_and_si512 (_mm512_slli_epi16 (k, 6), bytes (0x40)),
     _mm512_and_si512 (v1, low6));
  vec a = _mm512_permutex2var_epi8 (r->pages[0], lo7, r->pages[1]);
  vec b = _mm512_permutex2var_epi8 (r->pages[2], lo7, r->pages[3]);
  vec c = _mm512_permutex2var_epi8 (r->pages[4], lo7, r->pages[5]);
  vec d = _mm512_permutex2var_epi8 (r->pages[6], lo7, r->pages[7]);
  __mmask64 k2 = _mm512_test_epi8_mask (k, bytes (2));
  vec page = _mm512_mask_blend_epi8 (_mm512_test_epi8_mask (k, bytes (4)),
                                     _mm512_mask_blend_epi8 (k2, a, b),
                                     _mm512_mask_blend_epi8 (k2, c, d));
  uint64_t f09f = (_mm512_cmpeq_epi8_mask (cls, bytes (CLASS_F0))
                   & _mm512_cmpeq_epi8_mask (v1, bytes (0x9F)));
  page = _mm512_mask_blend_epi8 (f09f, page,
                                 _mm512_permutexvar_epi8 (v2, r->pages_f09f));
  uint64_t paged = leads & (f09f | _mm512_cmpeq_epi8_mask
                            (cls, bytes (CLASS_PAGES)));
  /* The mixed pages: bit (last byte & 0x3F) of the slot's bitmaps.  */
  vec last = _mm512_mask_blend_epi8 (f09f, v2, v3);
  vec idx3 = _mm512_or_si512
    (_mm512_slli_epi16 (_mm512_and_si512 (page, bytes (0x0F)), 3),
     _mm512_and_si512 (_mm512_srli_epi16 (last, 3), low3));
  vec bit3 = _mm512_shuffle_epi8 (bit_of, _mm512_and_si512 (last, low3));
  uint64_t slot = _mm512_cmpge_epu8_mask (page, bytes (CLASS_SLOT));
  uint64_t word3 = _mm512_test_epi8_mask
    (_mm512_permutex2var_epi8 (r->word_slots[0], idx3, r->word_slots[1]),
     bit3);
  uint64_t sep3 = _mm512_test_epi8_mask
    (_mm512_permutex2var_epi8 (r->sep_slots[0], idx3, r->sep_slots[1]),
     bit3);

  uint64_t by_lead = leads & ~(two | paged);
  uint64_t page_word = _mm512_cmpeq_epi8_mask (page, bytes (CLASS_WORD));
  uint64_t page_sep = _mm512_cmpeq_epi8_mask (page, bytes (CLASS_SEPARATOR));
  *word = ((by_lead & _mm512_cmpeq_epi8_mask (cls, bytes (CLASS_WORD)))
           | (two & word2)
           | (paged & (page_word | (slot & word3))));
  *sep = ((by_lead & _mm512_cmpeq_epi8_mask (cls, bytes (CLASS_SEPARATOR)))
          | (two & sep2)
          | (paged & (page_sep | (slot & sep3))));
  /* By lead: those of a lead with no class of its own (F0 but not F0 9F,
     the other 4-byte leads, the 5- and 6-byte forms).  */
  *alone = ((by_lead & _mm512_cmpgt_epu8_mask (cls, bytes (CLASS_NEUTRAL)))
            | (by_lead & _mm512_cmpeq_epi8_mask (cls, bytes (CLASS_ALONE)))
            | (paged & _mm512_cmpeq_epi8_mask (page, bytes (CLASS_ALONE))));
}

/* --- the count ----------------------------------------------------------- */

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

size_t
scan_utf8_words_avx512_any (struct char_rules const *rules,
                            struct scan_state *s, unsigned char const *p,
                            size_t n, struct counts *c)
{
  /* 9.7's rules (constituent strays, no neutral class) are the AVX2
     kernel's.  */
  if (rules->nonspace_words)
    return scan_utf8_words_avx2 (rules, s, p, n, c);
  if (n < 128 || !rules->ascii_plain || !rules->utf8_cached_below)
    return 0;
  struct tables t;
  build_tables (rules, &t);
  struct table_regs r;
  load_tables (&t, &r);
  uintmax_t lines = c->lines, words = c->words, chars = c->chars;
  uint64_t in_word = s->in_word;
  unsigned ascii_blocks = 0;
  size_t i = 0;
  /* A character that starts in a block may take five more bytes; the last
     64 bytes are left to the caller.  */
  while (128 <= n - i && ascii_blocks < UTF8_ASCII_RUN / 64)
    {
      unsigned char const *b = p + i;
      vec v = load (b);
      uint64_t high = _mm512_movepi8_mask (v);
      /* ASCII: 21..7E constituents, 09..0D and 20 separators, the other
         bytes neutral.  */
      uint64_t sep = (_mm512_cmpeq_epi8_mask (v, bytes (' '))
                      | _mm512_cmple_epu8_mask (_mm512_sub_epi8
                                                (v, bytes ('\t')), bytes (4)));
      uint64_t word = _mm512_cmple_epu8_mask (_mm512_sub_epi8
                                              (v, bytes ('!')),
                                              bytes ('~' - '!'));
      lines += __builtin_popcountll (_mm512_cmpeq_epi8_mask
                                     (v, bytes ('\n')));
      if (!high)
        {
          chars += 64;
          ascii_blocks++;
        }
      else
        {
          ascii_blocks = 0;
          vec v1 = load (b + 1), v2 = load (b + 2), v3 = load (b + 3);
          uint64_t leads = valid_starts (b, v, v1, v2) & high;
          chars += __builtin_popcountll (~high) + __builtin_popcountll (leads);
          uint64_t w, sp, alone;
          class_leads (&r, v, v1, v2, v3, leads, &w, &sp, &alone);
          word |= w;
          sep |= sp;
          /* The rest one by one: characters of pages not in the cache
             yet, or with no table, or of 5 or 6 bytes.  */
          for (; alone; alone &= alone - 1)
            {
              int j = __builtin_ctzll (alone);
              uint32_t cp = 0;
              utf8_decode (&cp, b + j, n - i - j);
              struct char_class cl = utf8_char_class (rules, cp);
              word |= (uint64_t) (cl.action == ACT_WORD) << j;
              sep |= (uint64_t) (cl.action != ACT_WORD
                                 && cl.action != ACT_NEUTRAL) << j;
            }
        }
      /* The words, as in kernel-utf8-avx2.c: a separator ends one when
         the last byte before it that is not neutral is a constituent.  A
         carry out of bit 63 is lost on purpose: the run it would clear
         ends the block, and in_word carries it.  */
      uint64_t neutral = ~(word | sep);
      uint64_t start = (word << 1 | in_word) & neutral;
      uint64_t inside = word | (neutral & ~(neutral + start));
      words += __builtin_popcountll (sep & (inside << 1 | in_word));
      in_word = inside >> 63;
      i += 64;
    }
  c->lines = lines;
  c->words = words;
  c->chars = chars;
  s->in_word = in_word;
  s->continued = 0;
  return i;
}
