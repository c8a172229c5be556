/* utf8-starts.h: the nibble tables with which the vector UTF-8 kernels
   decide, for every byte of a block at once, whether it starts a character
   glibc decodes (ASCII, or a lead byte followed by the continuation bytes
   it announces, not overlong, not a surrogate): each table is indexed by a
   nibble and looked up with a byte shuffle.  Included by the kernels that
   are compiled for a vector level (kernel-utf8-avx2.c,
   kernel-utf8-avx512.c).  */
#ifndef WC_UTF8_STARTS_H
#define WC_UTF8_STARTS_H

/* A byte's high nibble tells what must follow it: NEEDS_1..3 the
   continuation bytes, and STARTS that it may start a character at all.  */
enum
{
  NEEDS_1 = 0x01, NEEDS_2 = 0x02, NEEDS_3 = 0x04, STARTS = 0x80
};

static signed char const starts_needs[16] = {
  STARTS, STARTS, STARTS, STARTS, STARTS, STARTS, STARTS, STARTS,
  0, 0, 0, 0, STARTS | NEEDS_1, STARTS | NEEDS_1,
  STARTS | NEEDS_1 | NEEDS_2, STARTS | NEEDS_1 | NEEDS_2 | NEEDS_3 };

/* The forms that the length alone does not refuse, as bits set in all
   three tables of their lead's high nibble, low nibble, and the next
   byte's high nibble: C0 C1 (overlong), E0 80..9F (overlong), ED A0..BF
   (surrogates), F0 80..8F (overlong), and F8..FF, which are checked
   apart.  */
enum
{
  C0_C1 = 0x01, E0_LOW = 0x02, ED_HIGH = 0x04, F0_LOW = 0x08, F8_UP = 0x10
};

static signed char const odd_by_lead_high[16] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, C0_C1, 0, E0_LOW | ED_HIGH,
  F0_LOW | F8_UP };
static signed char const odd_by_lead_low[16] = {
  C0_C1 | E0_LOW | F0_LOW, C0_C1, 0, 0, 0, 0, 0, 0,
  F8_UP, F8_UP, F8_UP, F8_UP, F8_UP, ED_HIGH | F8_UP, F8_UP, F8_UP };
static signed char const odd_by_next_high[16] = {
  C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP,
  C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP,
  C0_C1 | E0_LOW | F0_LOW | F8_UP, C0_C1 | E0_LOW | F8_UP,
  C0_C1 | ED_HIGH | F8_UP, C0_C1 | ED_HIGH | F8_UP,
  C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP, C0_C1 | F8_UP };

#endif
