/* kernels.h: the counting kernels.  Each is a pure function over memory: it
   reads a span, updates the counts and the state carried to the next span,
   and does no I/O, allocation or global access (beyond the C library's
   locale tables that mbrtowc and the isw* functions consult).  The UTF-8
   kernels also fill the code point cache that the rules they are given
   carry (utf8-class.h), which changes no result.  */
#ifndef WC_KERNELS_H
#define WC_KERNELS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "charclass.h"
#include "counts.h"

/* What a line-and-word scan carries from one span to the next.  */
struct scan_state
{
  uintmax_t column;     /* display column in the current line */
  bool in_word;         /* the last character that mattered was a constituent */
  unsigned char npending;                 /* multibyte only: bytes of an */
  unsigned char pending[MB_LEN_MAX];      /* unfinished character */
  /* UTF-8 only: the bytes at the current position that continue a
     character a bulk kernel counted before stopping inside it (which
     under 9.7's rules are no strays).  Never carried across spans: a bulk
     kernel stops well before a span's end.  */
  unsigned char continued;
};

/* The instruction sets a kernel may use, weakest first.  The counter picks
   one level per process and, for each kind of kernel, the one of that
   level, or of the best level below it that has one: the UTF-8 kernels,
   for instance, exist only portable and with AVX2, and AVX-512 adds only
   the UTF-8 word kernel.  */
enum simd_level
{
  SIMD_PORTABLE,        /* plain C, 64-bit words */
  SIMD_SSE2,            /* x86: 16-byte vectors */
  SIMD_AVX2,            /* x86: 32-byte vectors, POPCNT and BMI1 */
  SIMD_AVX512           /* x86: AVX2, and 64-byte vectors with VBMI */
};

/* Count '\n' bytes.  */
typedef uintmax_t (*newline_kernel) (unsigned char const *p, size_t n);
uintmax_t count_newlines_portable (unsigned char const *p, size_t n)
  _GL_ATTRIBUTE_PURE;
#if HAVE_SSE2_KERNELS
uintmax_t count_newlines_sse2 (unsigned char const *p, size_t n)
  _GL_ATTRIBUTE_PURE;
#endif
#if HAVE_AVX2_KERNELS
uintmax_t count_newlines_avx2 (unsigned char const *p, size_t n)
  _GL_ATTRIBUTE_PURE;
#endif

/* Lines, words and line widths, one byte one character: the reference
   kernel, and the fallback for whatever the block kernels refuse.  */
void scan_single_byte (unsigned char const action[256], struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);

/* Block kernels: lines, words and (when wanted) line widths, 64 bytes at a
   time, for bytes whose class is the same in every locale (ASCII) and for
   bytes >= 0x80 when they all share one class.  */
enum { SCAN_BLOCK = 64 };

/* How a block kernel treats the bytes >= 0x80.  */
enum high_bytes
{
  HIGH_NEUTRAL,         /* all neutral (the C locale) */
  HIGH_WORD,            /* all one-column word constituents */
  HIGH_SPACE,           /* all one-column separators */
  HIGH_VWORD,           /* all constituents of no width (C, 9.7's rules) */
  HIGH_REFUSE           /* mixed classes or multibyte: stop before them */
};

struct block_kernel;
typedef size_t (*block_scanner) (struct block_kernel const *k,
                                 struct scan_state *s,
                                 unsigned char const *p, size_t n,
                                 struct counts *c);

/* One level's block kernel, set for one locale and one set of counts.  */
struct block_kernel
{
  block_scanner scan;   /* the level's block loop */
  block_scanner tail;   /* the level's tail, scan_ascii_tail */
  enum high_bytes high;
  bool want_width;      /* also compute line widths (-L) */
  /* 9.7's rules: every ASCII byte that is not white space is a
     constituent, the controls included; 9.1's: the controls are neutral.  */
  bool nonspace_words;
};

/* Set K up for LEVEL, the byte classes of RULES and whether widths are
   wanted.  Returns false, leaving K unusable, when the locale gives some
   ASCII byte a class other than the standard one (!RULES->ascii_plain).
   Single-byte locales, and UTF-8 locales for whole blocks of ASCII (their
   bytes >= 0x80 are refused): other multibyte locales decode, and never
   use these.  */
bool block_kernel_init (struct block_kernel *k, enum simd_level level,
                        struct char_rules const *rules, bool want_width);

/* Scan whole 64-byte blocks from P while a block holds only bytes that K
   classifies, stopping before the first one that holds another, or when
   fewer than 64 bytes remain.  Returns the bytes consumed (a multiple of
   64).  Updates C's lines and words and S's in_word, and when K wants
   widths C's max_width and S's column, exactly as scan_single_byte would;
   leaves C's chars and bytes alone.  */
size_t scan_ascii_blocks (struct block_kernel const *k, struct scan_state *s,
                          unsigned char const *p, size_t n, struct counts *c);

/* The same for the last N < 64 bytes of a span, taken as one block: N
   when K took them all, 0 (with nothing counted) when one is refused.
   Below SHORT_TAIL bytes the byte loop costs less (measured: a copied
   block costs as much as 6 bytes of the byte loop with AVX2, 7 with SSE2,
   15 with the portable classifier).  */
enum { SHORT_TAIL = 8 };
size_t scan_ascii_tail (struct block_kernel const *k, struct scan_state *s,
                        unsigned char const *p, size_t n, struct counts *c);

/* Each level's block loop and tail, for tests that compare the levels.  */
size_t scan_blocks_portable (struct block_kernel const *k,
                             struct scan_state *s, unsigned char const *p,
                             size_t n, struct counts *c);
size_t scan_tail_portable (struct block_kernel const *k,
                           struct scan_state *s, unsigned char const *p,
                           size_t n, struct counts *c);
#if HAVE_SSE2_KERNELS
size_t scan_blocks_sse2 (struct block_kernel const *k, struct scan_state *s,
                         unsigned char const *p, size_t n, struct counts *c);
size_t scan_tail_sse2 (struct block_kernel const *k, struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);
#endif
#if HAVE_AVX2_KERNELS
size_t scan_blocks_avx2 (struct block_kernel const *k, struct scan_state *s,
                         unsigned char const *p, size_t n, struct counts *c);
size_t scan_tail_avx2 (struct block_kernel const *k, struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);
#endif

/* Lines, words, characters and line widths, decoding with mbrtowc.  */
void scan_multibyte (struct char_rules const *rules, struct scan_state *s,
                     unsigned char const *p, size_t n, struct counts *c);

/* UTF-8 locales (RULES->utf8): the counts scan_multibyte gives, decoding
   without mbrtowc; scan_utf8_words without line widths.  A bulk kernel
   takes the first K bytes of P[0..N) in the way a character one does
   (below), counting what starts in them into S and C.  BLOCKS, a block
   kernel set up for RULES with the widths the pass needs, takes the whole
   64-byte blocks of ASCII.  BULK and BLOCKS may be null.  A bulk kernel
   stops after a run of UTF8_ASCII_RUN bytes of ASCII (or more), for the
   block kernel to take the rest of the run.  A bulk kernel that stops
   inside a character says so in S->continued.  */
enum { UTF8_ASCII_RUN = 256 };
typedef size_t (*utf8_scan_kernel) (struct char_rules const *rules,
                                    struct scan_state *s,
                                    unsigned char const *p, size_t n,
                                    struct counts *c);
void scan_utf8 (utf8_scan_kernel bulk, struct block_kernel const *blocks,
                struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c);
#if HAVE_AVX2_KERNELS
size_t scan_utf8_avx2 (struct char_rules const *rules, struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);
size_t scan_utf8_words_avx2 (struct char_rules const *rules,
                             struct scan_state *s, unsigned char const *p,
                             size_t n, struct counts *c);
#endif
#if HAVE_AVX512_KERNELS
/* Spans of 16 KiB or more; the AVX2 kernel takes the others.
   scan_utf8_words_avx512_any takes every span, for tests.  */
size_t scan_utf8_words_avx512 (struct char_rules const *rules,
                               struct scan_state *s, unsigned char const *p,
                               size_t n, struct counts *c);
size_t scan_utf8_words_avx512_any (struct char_rules const *rules,
                                   struct scan_state *s,
                                   unsigned char const *p, size_t n,
                                   struct counts *c);
#endif
void scan_utf8_words (utf8_scan_kernel bulk,
                      struct block_kernel const *blocks,
                      struct char_rules const *rules, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c);

/* UTF-8 characters alone.  A bulk kernel takes the first K bytes of
   P[0..N), for a K of its choice, returns K and counts into *CHARS the
   characters that start in them (it may read past K to see them whole).
   The caller goes on at K: a byte there that continues a character begun
   before is a continuation byte, which changes no count wherever it is.
   scan_utf8_chars takes care of the state and of the end of the span.  */
typedef size_t (*utf8_chars_kernel) (unsigned char const *p, size_t n,
                                     uintmax_t *chars);
size_t count_utf8_chars_portable (unsigned char const *p, size_t n,
                                  uintmax_t *chars);
#if HAVE_AVX2_KERNELS
size_t count_utf8_chars_avx2 (unsigned char const *p, size_t n,
                              uintmax_t *chars);
#endif
void scan_utf8_chars (utf8_chars_kernel bulk, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c);

/* Apply the end of input to S and C: the last line's width and word.  The
   bytes of an unfinished character still pending are dropped: the caller
   applies its rules to them first.  */
void scan_finish (struct scan_state *s, struct counts *c);

#endif
