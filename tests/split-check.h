/* split-check.h: feeding the counter a split of the same bytes, and
   comparing and reporting the counts, for the test programs that check
   the split law or compare counters (split-law, utf8-check, kernels).  */
#ifndef SPLIT_CHECK_H
#define SPLIT_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "counter.h"

/* Feed P[0..N) to the set-up counter C cut at the CUTS (NCUTS sorted
   positions, repeats allowed: a repeat is an empty span), and finish it.
   The caller chooses how C is set up (its level, its kernels).  */
_GL_UNUSED static struct counts
feed_split (struct counter *c, unsigned char const *p, size_t n,
            size_t const *cuts, size_t ncuts)
{
  size_t at = 0;
  for (size_t i = 0; i < ncuts; i++)
    {
      counter_feed (c, p + at, cuts[i] - at);
      at = cuts[i];
    }
  counter_feed (c, p + at, n - at);
  return counter_finish (c);
}

/* The same with a counter as wc sets it up.  */
_GL_UNUSED static struct counts
count_split (struct char_rules const *rules, unsigned wanted,
             unsigned char const *p, size_t n, size_t const *cuts,
             size_t ncuts)
{
  struct counter c;
  counter_init (&c, rules, wanted);
  return feed_split (&c, p, n, cuts, ncuts);
}

/* The counts of A and B that WANTED asks for, and the bytes (which --stats
   reports), are equal.  A pass may leave the others unfinished: the block
   kernels skip line widths when -L is not given.  */
_GL_UNUSED static bool
counts_equal (unsigned wanted, struct counts const *a, struct counts const *b)
{
  return ((!(wanted & WANT_LINES) || a->lines == b->lines)
          && (!(wanted & WANT_WORDS) || a->words == b->words)
          && (!(wanted & WANT_CHARS) || a->chars == b->chars)
          && a->bytes == b->bytes
          && (!(wanted & WANT_MAX_WIDTH) || a->max_width == b->max_width));
}

_GL_UNUSED static void
print_counts (char const *label, struct counts const *k)
{
  fprintf (stderr,
           "  %s: lines=%ju words=%ju chars=%ju bytes=%ju max_width=%ju\n",
           label, k->lines, k->words, k->chars, k->bytes, k->max_width);
}

/* The NCUTS positions CUTS on a line of their own; nothing when the input
   was fed whole.  */
_GL_UNUSED static void
print_cuts (size_t const *cuts, size_t ncuts)
{
  if (ncuts)
    {
      fputs ("  cut at:", stderr);
      for (size_t i = 0; i < ncuts; i++)
        fprintf (stderr, " %zu", cuts[i]);
      fputs ("\n", stderr);
    }
}

#endif /* SPLIT_CHECK_H */
