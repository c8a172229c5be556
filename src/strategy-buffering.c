/* strategy-buffering.c: read fixed 64 KiB chunks, appending each to one
   buffer that doubles as it fills, and count the whole buffer at EOF.  It
   knows nothing of the input's size, unlike upfront.  Memory: the whole
   input, up to twice over while the buffer doubles.  */
#include <config.h>

#include <errno.h>

#include "input.h"
#include "safe-read.h"
#include "slurp.h"

enum { CHUNK_SIZE = 64 * 1024 };

int
read_buffering (struct input *in, struct counter *c)
{
  struct slurp buf = { 0 };
  int err = 0;
  in->tally.method = "buffering";
  for (;;)
    {
      err = slurp_reserve (&buf, buf.len + CHUNK_SIZE);
      if (err)
        break;
      size_t n = safe_read (in->fd, buf.data + buf.len, CHUNK_SIZE);
      if (n == SAFE_READ_ERROR)
        {
          err = errno;
          break;
        }
      in->tally.reads++;
      if (n == 0)
        break;
      buf.len += n;
    }
  if (err == ENOMEM)
    in->error_context = "too large to buffer";
  counter_feed (c, buf.data, buf.len);
  slurp_free (&buf);
  return err;
}
