/* strategy-mmap.c: map the file and count the mapping in place, no copy.
   The counter is fed a megabyte at a time and saved before each piece, so
   that when the file is truncated under the mapping (SIGBUS) the counts
   stay exactly those of the bytes before the piece that faulted.  */
#include <config.h>

#include "input.h"
#include "mapping.h"
#include "sigbus.h"

enum { PIECE_SIZE = 1 << 20 };

struct mmap_feed
{
  struct counter *counter;
  struct counter saved;         /* the counter before the current piece */
  unsigned char const *data;
  size_t n;
};

static void
feed_pieces (void *arg)
{
  struct mmap_feed *f = arg;
  for (size_t done = 0; done < f->n; )
    {
      size_t piece = f->n - done < PIECE_SIZE ? f->n - done : PIECE_SIZE;
      f->saved = *f->counter;
      counter_feed (f->counter, f->data + done, piece);
      done += piece;
    }
}

static int
count_window (struct mapped_window const *w, void *arg)
{
  struct mmap_feed *f = arg;
  f->data = (unsigned char const *) w->base + w->skip;
  f->n = w->len - w->skip;
  if (sigbus_guard (w->base, w->len, feed_pieces, f))
    return 0;
  *f->counter = f->saved;
  return INPUT_TRUNCATED;
}

int
read_mmap (struct input *in, struct counter *c)
{
  struct mmap_feed feed = { .counter = c };
  int result = map_windows (in, count_window, &feed);
  if (result != STRATEGY_NOT_APPLICABLE)
    in->tally.method = "mmap";
  return result;
}
