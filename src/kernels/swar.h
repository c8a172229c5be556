/* swar.h: arithmetic on the eight bytes of a 64-bit word at once, for the
   portable kernels.  A mask has the high bit of each byte that passes a
   test and no other bit; no helper lets a carry cross from one byte into
   the next.  */
#ifndef WC_SWAR_H
#define WC_SWAR_H

#include <stdint.h>
#include <string.h>

#define SWAR_ONES UINT64_C (0x0101010101010101)   /* 0x01 in every byte */
#define SWAR_HIGH UINT64_C (0x8080808080808080)   /* 0x80 in every byte */

/* The eight bytes at P, the first in the low byte whatever the machine's
   order, so that shifts and the lowest set bit follow the bytes' order.  */
static inline uint64_t
load_le64 (unsigned char const *p)
{
  uint64_t x;
  memcpy (&x, p, sizeof x);
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64 (x);
#endif
  return x;
}

/* For X whose bytes are all below 0x80: the bytes that are at least C
   (1 <= C <= 0x80).  Adding 0x80 - C to a byte below 0x80 sets its high
   bit exactly when it is at least C, and cannot carry out of it.  */
static inline uint64_t
swar_at_least (uint64_t x, unsigned c)
{
  return (x + SWAR_ONES * (0x80 - c)) & SWAR_HIGH;
}

/* For X whose bytes are all below 0x80: the bytes equal to C (C < 0x80).  */
static inline uint64_t
swar_equal_ascii (uint64_t x, unsigned c)
{
  return swar_at_least (x, c) & ~swar_at_least (x, c + 1);
}

/* The bytes of X, of any value, equal to C.  A byte of Y = X ^ C..C is
   zero exactly where ((Y & 0x7f) + 0x7f) | Y has its high bit clear.  */
static inline uint64_t
swar_equal (uint64_t x, unsigned char c)
{
  uint64_t const low7 = ~SWAR_HIGH;
  uint64_t y = x ^ (SWAR_ONES * c);
  return ~(((y & low7) + low7) | y | low7);
}

#endif
