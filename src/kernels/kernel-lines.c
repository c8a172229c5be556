/* kernel-lines.c: count '\n' bytes eight at a time in portable C.  */
#include <config.h>

#include <string.h>

#include "kernels.h"

uintmax_t
count_newlines_portable (unsigned char const *p, size_t n)
{
  /* A byte of X = WORD ^ 0x0a...0a is zero exactly where WORD holds '\n';
     ~(((X & 0x7f..) + 0x7f..) | X | 0x7f..) has the high bit set in exactly
     those bytes, with no carry between bytes.  Shifted down, those bits
     add up in byte-wide lanes, which 255 rounds cannot overflow; then the
     lanes are folded into 16-bit ones, and a multiply sums those.  */
  uint64_t const ones = 0x0101010101010101ULL;
  uint64_t const low7 = ones * 0x7f;
  uint64_t const nl = ones * '\n';
  uint64_t const even_bytes = 0x00ff00ff00ff00ffULL;
  uintmax_t lines = 0;
  size_t i = 0;
  while (8 <= n - i)
    {
      size_t rounds = (n - i) / 8;
      if (rounds > 255)
        rounds = 255;
      uint64_t lanes = 0;
      for (size_t r = 0; r < rounds; r++, i += 8)
        {
          uint64_t word;
          memcpy (&word, p + i, sizeof word);
          uint64_t x = word ^ nl;
          lanes += ~(((x & low7) + low7) | x | low7) >> 7;
        }
      uint64_t pairs = (lanes & even_bytes) + ((lanes >> 8) & even_bytes);
      lines += (pairs * 0x0001000100010001ULL) >> 48;
    }
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
