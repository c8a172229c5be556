/* kernel-lines.c: count '\n' bytes eight at a time in portable C.  */
#include <config.h>

#include <string.h>

#include "kernels.h"

uintmax_t
count_newlines_portable (unsigned char const *p, size_t n)
{
  /* A byte of X = WORD ^ 0x0a...0a is zero exactly where WORD holds '\n';
     ~(((X & 0x7f..) + 0x7f..) | X | 0x7f..) has the high bit set in exactly
     those bytes, with no carry between bytes.  */
  uint64_t const low7 = 0x7f7f7f7f7f7f7f7fULL;
  uint64_t const nl = 0x0a0a0a0a0a0a0a0aULL;
  uintmax_t lines = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    {
      uint64_t word;
      memcpy (&word, p + i, sizeof word);
      uint64_t x = word ^ nl;
      uint64_t zero_bytes = ~(((x & low7) + low7) | x | low7);
      lines += __builtin_popcountll (zero_bytes);
    }
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
