/* kernels.h: the counting kernels.  Each is a pure function over memory: it
   reads a span, updates the counts and the state carried to the next span,
   and does no I/O, allocation or global access (beyond the C library's
   locale tables that mbrtowc and the isw* functions consult).  */
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
};

/* The instruction sets a kernel may use, weakest first.  Each level has the
   same kernels; the counter picks one level per process.  */
enum simd_level
{
  SIMD_PORTABLE,        /* plain C, 64-bit words */
  SIMD_SSE2,            /* x86: 16-byte vectors */
  SIMD_AVX2             /* x86: 32-byte vectors, and POPCNT */
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
  enum high_bytes high;
  bool want_width;      /* also compute line widths (-L) */
};

/* Set K up for LEVEL, the byte classes ACTION (a char_rules' byte_action)
   and whether widths are wanted.  Returns false, leaving K unusable, when
   the locale gives some ASCII byte a class other than the standard one.
   In UTF-8 locales ACTION marks every byte >= 0x80 ACT_DECODE, so blocks
   that hold one are refused.  */
bool block_kernel_init (struct block_kernel *k, enum simd_level level,
                        unsigned char const action[256], bool want_width);

/* Scan whole 64-byte blocks from P while a block holds only bytes that K
   classifies, stopping before the first one that holds another, or when
   fewer than 64 bytes remain.  Returns the bytes consumed (a multiple of
   64).  Updates C's lines and words and S's in_word, and when K wants
   widths C's max_width and S's column, exactly as scan_single_byte would;
   leaves C's chars and bytes alone.  */
size_t scan_ascii_blocks (struct block_kernel const *k, struct scan_state *s,
                          unsigned char const *p, size_t n, struct counts *c);

/* Each level's block loop, for tests that compare the levels.  */
size_t scan_blocks_portable (struct block_kernel const *k,
                             struct scan_state *s, unsigned char const *p,
                             size_t n, struct counts *c);
#if HAVE_SSE2_KERNELS
size_t scan_blocks_sse2 (struct block_kernel const *k, struct scan_state *s,
                         unsigned char const *p, size_t n, struct counts *c);
#endif
#if HAVE_AVX2_KERNELS
size_t scan_blocks_avx2 (struct block_kernel const *k, struct scan_state *s,
                         unsigned char const *p, size_t n, struct counts *c);
#endif

/* Lines, words, characters and line widths, decoding with mbrtowc.  */
void scan_multibyte (struct char_rules const *rules, struct scan_state *s,
                     unsigned char const *p, size_t n, struct counts *c);

/* Apply the end of input to S and C: the last line's width and word.  */
void scan_finish (struct scan_state *s, struct counts *c);

#endif
