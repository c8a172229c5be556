/* strategy-stream.c: the default way to read: one read() loop into a fixed
   buffer, each chunk handed to the counter.  Memory is constant whatever
   the input's size.  The same loop with pread() feeds one part of a file
   that several threads count at once.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "input.h"
#include "part.h"
#include "safe-read.h"

/* Large enough that system calls cost little next to counting, small
   enough to stay in the L2 cache while the kernel scans it.  */
enum { STREAM_BUFFER_SIZE = 256 * 1024 };

/* One buffer per thread: threads that count at the same time each read
   into their own, and memory stays one buffer per thread.  */
static _Thread_local unsigned char buffer[STREAM_BUFFER_SIZE]
  __attribute__ ((aligned (64)));

int
read_stream (struct input *in, struct counter *c)
{
  if (!in->tally.method)
    in->tally.method = "stream";
  if (in->st_ok && S_ISREG (in->st.st_mode))
    posix_fadvise (in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  for (;;)
    {
      size_t n = safe_read (in->fd, buffer, sizeof buffer);
      if (n == SAFE_READ_ERROR)
        return errno;
      in->tally.reads++;
      if (n == 0)
        return 0;
      counter_feed (c, buffer, n);
    }
}

int
read_part_stream (int fd, struct part *p)
{
  for (;;)
    {
      ssize_t n = pread (fd, buffer, sizeof buffer, p->pos);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }
      p->reads++;
      if (n == 0)
        {
          p->at_end = true;
          return 0;
        }
      if (!part_take (p, buffer, n))
        return 0;
    }
}
