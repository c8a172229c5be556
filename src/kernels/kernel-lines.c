/* kernel-lines.c: count '\n' bytes eight at a time in portable C.  */
#include <config.h>

#include <string.h>

#include "kernels.h"
#include "swar.h"

uintmax_t
count_newlines_portable (unsigned char const *p, size_t n)
{
  /* The '\n' bytes' high bits (swar_equal), shifted down, add up in
     byte-wide lanes, which 255 rounds cannot overflow; then the lanes are
     folded into 16-bit ones, and a multiply sums those.  */
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
          lanes += swar_equal (word, '\n') >> 7;
        }
      uint64_t pairs = (lanes & even_bytes) + ((lanes >> 8) & even_bytes);
      lines += (pairs * 0x0001000100010001ULL) >> 48;
    }
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
