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
};

/* Count '\n' bytes.  */
typedef uintmax_t (*newline_kernel) (unsigned char const *p, size_t n);
uintmax_t count_newlines_portable (unsigned char const *p, size_t n)
  _GL_ATTRIBUTE_PURE;
#if HAVE_AVX2_KERNELS
uintmax_t count_newlines_avx2 (unsigned char const *p, size_t n)
  _GL_ATTRIBUTE_PURE;
#endif

/* Lines, words and line widths, one byte one character.  */
void scan_single_byte (unsigned char const action[256], struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);

/* Lines, words, characters and line widths, decoding with mbrtowc.  */
void scan_multibyte (struct char_rules const *rules, struct scan_state *s,
                     unsigned char const *p, size_t n, struct counts *c);

/* UTF-8 locales (RULES->utf8): the counts scan_multibyte gives, decoding
   without mbrtowc; scan_utf8_words without line widths.  A bulk kernel
   takes the first K bytes of P[0..N) in the way a character one does
   (below), counting what starts in them into S and C.  BULK may be null.  */
typedef size_t (*utf8_scan_kernel) (struct char_rules const *rules,
                                    struct scan_state *s,
                                    unsigned char const *p, size_t n,
                                    struct counts *c);
void scan_utf8 (utf8_scan_kernel bulk, struct char_rules const *rules,
                struct scan_state *s, unsigned char const *p, size_t n,
                struct counts *c);
#if HAVE_AVX2_KERNELS
size_t scan_utf8_avx2 (struct char_rules const *rules, struct scan_state *s,
                       unsigned char const *p, size_t n, struct counts *c);
size_t scan_utf8_words_avx2 (struct char_rules const *rules,
                             struct scan_state *s, unsigned char const *p,
                             size_t n, struct counts *c);
#endif
void scan_utf8_words (utf8_scan_kernel bulk,
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

/* Apply the end of input to S and C: the last line's width and word.  */
void scan_finish (struct scan_state *s, struct counts *c);

#endif
