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
   tests/utf8-check.c compares this decoder with mbrtowc over every sequence
   of up to three bytes and systematically beyond.  */
#ifndef WC_UTF8_DECODE_H
#define WC_UTF8_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif
