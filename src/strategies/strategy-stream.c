/* strategy-stream.c: the default way to read: one read() loop into a fixed
   buffer, each chunk handed to the counter.  Memory is constant whatever
   the input's size.  The same loop with pread() feeds one part of a file
   that several threads count at once.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "input.h"
#include "part.h"
#include "safe-read.h"

/* Large enough that system calls cost little next to counting, small
   enough to stay in the L2 cache while the kernel scans it.  */
enum { STREAM_BUFFER_SIZE = 256 * 1024, STREAM_BUFFER_ALIGN = 64 };

/* What an input is read into first, on the stack, and what a thread reads
   into when its buffer cannot be allocated: reading only costs more system
   calls, so the default way, which every other strategy falls back to,
   never fails for want of memory.  */
enum { SHORT_BUFFER_SIZE = 16 * 1024 };

/* One buffer per thread, so that threads that count at the same time each
   read into their own.  It is allocated when the thread first reads an
   input larger than the short buffer, not in thread-local storage, which
   every process would set up and zero at start-up, however little it
   reads: a run over small files maps, touches and unmaps no buffer at all.
   A worker's buffer is freed when the thread ends (the key's destructor),
   the main thread's at exit.  */
static _Thread_local unsigned char *buffer;
static pthread_key_t buffer_key;
static bool buffer_key_made;
static pthread_once_t buffer_key_once = PTHREAD_ONCE_INIT;

static void
free_exiting_thread_buffer (void)
{
  free (buffer);
  buffer = NULL;
}

static void
make_buffer_key (void)
{
  buffer_key_made = pthread_key_create (&buffer_key, free) == 0;
  atexit (free_exiting_thread_buffer);
}

/* The calling thread's buffer of STREAM_BUFFER_SIZE bytes, or NULL if it
   cannot have one.  */
static unsigned char *
thread_buffer (void)
{
  if (!buffer)
    {
      pthread_once (&buffer_key_once, make_buffer_key);
      if (!buffer_key_made)
        return NULL;
      unsigned char *b = aligned_alloc (STREAM_BUFFER_ALIGN,
                                        STREAM_BUFFER_SIZE);
      if (!b || pthread_setspecific (buffer_key, b) != 0)
        {
          free (b);
          return NULL;
        }
      buffer = b;
    }
  return buffer;
}

int
read_stream (struct input *in, struct counter *c)
{
  if (!in->tally.method)
    in->tally.method = "stream";
  if (in->st_ok && S_ISREG (in->st.st_mode))
    posix_fadvise (in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  /* A read that fills the short buffer says that more is likely to come:
     only then is the large buffer worth taking.  */
  unsigned char short_buffer[SHORT_BUFFER_SIZE];
  unsigned char *buf = short_buffer;
  size_t size = sizeof short_buffer;
  bool may_grow = true;
  for (;;)
    {
      size_t n = safe_read (in->fd, buf, size);
      if (n == SAFE_READ_ERROR)
        return errno;
      in->tally.reads++;
      if (n == 0)
        return 0;
      counter_feed (c, buf, n);
      if (may_grow && n == size)
        {
          may_grow = false;
          unsigned char *large = thread_buffer ();
          if (large)
            {
              buf = large;
              size = STREAM_BUFFER_SIZE;
            }
        }
    }
}

int
read_part_stream (int fd, struct part *p)
{
  unsigned char short_buffer[SHORT_BUFFER_SIZE];
  unsigned char *buf = thread_buffer ();
  size_t size = buf ? STREAM_BUFFER_SIZE : sizeof short_buffer;
  if (!buf)
    buf = short_buffer;
  for (;;)
    {
      ssize_t n = pread (fd, buf, size, p->pos);
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
      if (!part_take (p, buf, n))
        return 0;
    }
}
