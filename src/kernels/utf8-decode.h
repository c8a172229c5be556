/* utf8-decode.h: decode one UTF-8 character exactly as glibc's mbrtowc does
   in a UTF-8 locale, so that the UTF-8 kernels count what GNU wc counts.

   glibc is looser than the Unicode standard in two ways and strict in the
   usual ones:
   - lead bytes F5..F7 and the old 5- and 6-byte forms (F8..FD) decode, up to
     the value 0x7FFFFFFF; only C0, C1, FE and FF never start a character;
   - overlong forms and the surrogates D800..DFFF are invalid, but only once
     the whole sequence is there: a proper prefix made of a lead byte and
     continuation bytes is "incomplete" (mbrtowc's -2) even when no ending
     could make it valid (E0 80, ED A0, F8 80).
   utf8_decode_short is the same for the forms of up to four bytes, without
   a branch on the length.  tests/utf8-check.c compares both with mbrtowc
   over every sequence of up to three bytes and systematically beyond.  */
#ifndef WC_UTF8_DECODE_H
#define WC_UTF8_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Results besides a length, with mbrtowc's meanings.  */
enum
{
  UTF8_INVALID = -1,      /* mbrtowc's (size_t) -1: skip the first byte */
  UTF8_INCOMPLETE = -2    /* (size_t) -2: every byte so far could go on */
};

/* The length of the character a byte starts: 1 for ASCII, 2..6 for a lead
   byte, 0 for a continuation byte or a byte that never starts one.  */
static inline int
utf8_lead_length (unsigned char b)
{
  return (b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3
          : b < 0xF8 ? 4 : b < 0xFC ? 5 : b < 0xFE ? 6 : 0);
}

static inline bool
utf8_is_continuation (unsigned char b)
{
  return (b & 0xC0) == 0x80;
}

/* The smallest value each length may encode: below it, the form is
   overlong.  (Two bytes need no check: C0 and C1 are refused as leads.)  */
static inline uint32_t
utf8_min_value (int len)
{
  return (len <= 2 ? 0 : len == 3 ? 0x800 : len == 4 ? 0x10000
          : len == 5 ? 0x200000 : 0x4000000);
}

/* Decode the character at P, of which N >= 1 bytes are available.  Return
   its length and store its value in *CP, or return UTF8_INVALID or
   UTF8_INCOMPLETE.  NUL is a character of length 1 (mbrtowc says 0).  */
static inline int
utf8_decode (uint32_t *cp, unsigned char const *p, size_t n)
{
  unsigned char b = p[0];
  int len = utf8_lead_length (b);
  if (len <= 1)
    {
      *cp = b;
      return len ? 1 : UTF8_INVALID;
    }
  uint32_t v = b & (0x7F >> len);
  size_t have = n < (size_t) len ? n : (size_t) len;
  for (size_t i = 1; i < have; i++)
    {
      if (!utf8_is_continuation (p[i]))
        return UTF8_INVALID;
      v = v << 6 | (p[i] & 0x3F);
    }
  if (have < (size_t) len)
    return UTF8_INCOMPLETE;
  if (v < utf8_min_value (len) || (0xD800 <= v && v <= 0xDFFF))
    return UTF8_INVALID;
  *cp = v;
  return len;
}

/* The length of the character each byte starts, for the forms decoded
   without a loop: 1 for ASCII, 2, 3 or 4 for a lead byte C2..F7, else 0
   (continuation bytes, C0 C1, the 5- and 6-byte leads, FE FF).  */
static unsigned char const utf8_short_form_length[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Four bytes, the first in the high byte whatever the machine's order.  */
static inline uint32_t
utf8_load4_high_first (unsigned char const *p)
{
  uint32_t x;
  memcpy (&x, p, sizeof x);
#if !(defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
  x = __builtin_bswap32 (x);
#endif
  return x;
}

/* Decode the character at P, where at least four bytes are readable, as
   utf8_decode does; return 0 to leave it to utf8_decode (an error, or a 5-
   or 6-byte form).  The bytes are read once, as one word, and no branch
   depends on the length, so text that mixes scripts costs no more than
   text in one.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline int
utf8_decode_short (uint32_t *cp, unsigned char const *p)
{
  /* Per length: where the continuation bytes must say 10xxxxxx, which
     bits carry the value, and the least value that is not overlong.  */
  static uint32_t const cont_mask[5] = { 0, 0, 0xC00000, 0xC0C000,
                                         0xC0C0C0 };
  static uint32_t const cont_bits[5] = { 0, 0, 0x800000, 0x808000,
                                         0x808080 };
  static uint32_t const value_bits[5] = { 0, 0x7F3F3F3F, 0x1F3F3F3F,
                                          0x0F3F3F3F, 0x073F3F3F };
  static uint32_t const min_value[5] = { 0, 0, 0x80, 0x800, 0x10000 };
  int len = utf8_short_form_length[p[0]];
  uint32_t w = utf8_load4_high_first (p);
  if ((w & cont_mask[len]) != cont_bits[len] || !len)
    return 0;
  /* Close up the four 6-bit (or lead) fields, then drop the bytes that
     come after the character.  */
  uint32_t t = w & value_bits[len];
  t = (t & 0x00FF00FF) | (t & 0xFF00FF00) >> 2;
  uint32_t v = ((t & 0xFFF) | (t >> 4 & 0x1FFF000)) >> (6 * (4 - len));
  if (v < min_value[len] || v - 0xD800 < 0x800)
    return 0;
  *cp = v;
  return len;
}

#endif
