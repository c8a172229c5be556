/* counts.h: the five numbers wc reports for one input, and how inputs combine
   into the total line.  */
#ifndef WC_COUNTS_H
#define WC_COUNTS_H

#include <stdint.h>

struct counts
{
  uintmax_t lines;      /* '\n' bytes */
  uintmax_t words;      /* maximal runs of word constituents */
  uintmax_t chars;      /* characters decoded (bytes in single-byte locales) */
  uintmax_t bytes;
  uintmax_t max_width;  /* display width of the widest line */
};

/* Fold C into SUM: the counts add (wrapping modulo 2^64 as GNU wc 9.1 does,
   silently), the line width is a maximum.  */
static inline void
counts_add (struct counts *sum, struct counts const *c)
{
  sum->lines += c->lines;
  sum->words += c->words;
  sum->chars += c->chars;
  sum->bytes += c->bytes;
  if (sum->max_width < c->max_width)
    sum->max_width = c->max_width;
}

#endif
