/* strategy-buffering.c: read fixed 64 KiB chunks, appending each to one
   buffer that doubles as it fills, and count the whole buffer at EOF.  It
   knows nothing of the input's size, unlike upfront.  Memory: the whole
   input, up to twice over while the buffer doubles.  */
#include <config.h>

#include <errno.h>

#include "input.h"
#include "slurp.h"

enum { CHUNK_SIZE = 64 * 1024 };

int
read_buffering (struct input *in, struct counter *c)
{
  struct slurp buf = { 0 };
  in->tally.method = "buffering";
  int err = slurp_read_all (&buf, in->fd, CHUNK_SIZE, &in->tally.reads);
  if (err == ENOMEM)
    in->error_context = "too large to buffer";
  counter_feed (c, buf.data, buf.len);
  slurp_free (&buf);
  return err;
}
