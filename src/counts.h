/* counts.h: the five numbers wc reports for one input, and how inputs combine
   into the total line.  */
#ifndef WC_COUNTS_H
#define WC_COUNTS_H

#include <stdbool.h>
#include <stdint.h>

struct counts
{
  uintmax_t lines;      /* '\n' bytes */
  uintmax_t words;      /* maximal runs of word constituents */
  uintmax_t chars;      /* characters decoded (bytes in single-byte locales) */
  uintmax_t bytes;
  uintmax_t max_width;  /* display width of the widest line */
};

/* Which sums of counts_add wrapped around.  */
struct counts_overflow
{
  bool lines, words, chars, bytes;
};

/* Fold C into SUM: the counts add (wrapping modulo 2^64 as GNU wc 9.1 does,
   silently), the line width is a maximum.  Returns which sums wrapped,
   for the rules that saturate instead (GNU wc 9.3 and later).  */
static inline struct counts_overflow
counts_add (struct counts *sum, struct counts const *c)
{
  struct counts_overflow o;
  o.lines = __builtin_add_overflow (sum->lines, c->lines, &sum->lines);
  o.words = __builtin_add_overflow (sum->words, c->words, &sum->words);
  o.chars = __builtin_add_overflow (sum->chars, c->chars, &sum->chars);
  o.bytes = __builtin_add_overflow (sum->bytes, c->bytes, &sum->bytes);
  if (sum->max_width < c->max_width)
    sum->max_width = c->max_width;
  return o;
}

#endif
