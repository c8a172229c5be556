/* strategy-mmap.c: map the file and count the mapping in place, no copy.
   The bytes go to a part (see part.h): for the strategy, one part that
   takes everything; for a file split across threads, each thread's own.
   The part is fed a megabyte at a time and saved before each piece, so
   that when the file is truncated under the mapping (SIGBUS) the counts
   stay exactly those of the bytes before the piece that faulted.  */
#include <config.h>

#include "input.h"
#include "mapping.h"
#include "part.h"
#include "sigbus.h"

enum { PIECE_SIZE = 1 << 20 };

struct mmap_feed
{
  struct part *part;
  struct part saved;            /* the part before the current piece */
  unsigned char const *data;
  size_t n;
  bool stopped;                 /* the part wants no more */
};

static void
feed_pieces (void *arg)
{
  struct mmap_feed *f = arg;
  for (size_t done = 0; done < f->n; )
    {
      size_t piece = f->n - done < PIECE_SIZE ? f->n - done : PIECE_SIZE;
      f->saved = *f->part;
      f->stopped = !part_take (f->part, f->data + done, piece);
      if (f->stopped)
        return;
      done += piece;
    }
}

static int
count_window (struct mapped_window const *w, void *arg)
{
  struct mmap_feed *f = arg;
  f->data = (unsigned char const *) w->base + w->skip;
  f->n = w->len - w->skip;
  f->stopped = false;
  if (!sigbus_guard (w->base, w->len, feed_pieces, f))
    {
      *f->part = f->saved;
      return INPUT_TRUNCATED;
    }
  return f->stopped ? MAPPING_STOP : 0;
}

int
read_mmap (struct input *in, struct counter *c)
{
  /* A first part with no end takes every byte; offsets do not matter.  */
  struct part whole;
  part_init (&whole, c, 0, PART_UNBOUNDED, true);
  struct mmap_feed feed = { .part = &whole };
  int result = map_windows (in, count_window, &feed);
  *c = whole.counter;
  if (result != STRATEGY_NOT_APPLICABLE)
    in->tally.method = "mmap";
  return result;
}

int
read_part_mmap (int fd, off_t size, struct part *p)
{
  struct mmap_feed feed = { .part = p };
  /* Windows of the part's own length: its pages and little more.  */
  size_t window = (p->until == PART_UNBOUNDED || p->until <= p->pos
                   || (uintmax_t) SIZE_MAX < (uintmax_t) (p->until - p->pos)
                   ? 0 : (size_t) (p->until - p->pos));
  off_t resume;
  int result = map_range (fd, p->pos, size, window, count_window, &feed,
                          &p->maps, &resume);
  if (result == MAPPING_STOP)
    return 0;
  if (result == 0)
    p->at_end = true;
  return result;
}
