/* part.c: what a part takes of the bytes a reader hands it: skip to the
   '\n' that starts it, count, and stop after the '\n' that ends it.  */
#include <config.h>

#include "part.h"

#include <string.h>

#include "progress.h"

void
part_init (struct part *p, struct counter const *fresh, off_t begin,
           off_t until, bool first)
{
  memset (p, 0, sizeof *p);
  p->pos = begin;
  p->until = until;
  p->counting = first;
  p->counter = *fresh;
}

/* How many of the N bytes at offset POS lie before offset LIMIT.  */
static size_t
bytes_before (off_t pos, size_t n, off_t limit)
{
  if (limit <= pos)
    return 0;
  return (uintmax_t) (limit - pos) < n ? (size_t) (limit - pos) : n;
}

bool
part_take (struct part *p, unsigned char const *span, size_t n)
{
  if (p->finished)
    return false;
  if (!p->counting)
    {
      /* The starting '\n' must lie before UNTIL, or the part is empty.  */
      size_t look = bytes_before (p->pos, n, p->until);
      unsigned char const *nl = memchr (span, '\n', look);
      if (!nl)
        {
          p->pos += look;
          p->finished = p->pos == p->until;
          return !p->finished;
        }
      size_t skip = nl + 1 - span;
      p->pos += skip;
      span += skip;
      n -= skip;
      p->counting = true;
    }
  /* The ending '\n' is the first one at or after UNTIL.  */
  size_t free_run = bytes_before (p->pos, n, p->until);
  unsigned char const *nl = (free_run < n
                             ? memchr (span + free_run, '\n', n - free_run)
                             : NULL);
  size_t take = nl ? (size_t) (nl + 1 - span) : n;
  if (take)
    {
      progress_part_fed (p->counter.progress, take);
      counter_feed (&p->counter, span, take);
    }
  p->pos += take;
  p->finished = nl != NULL;
  return !p->finished;
}
