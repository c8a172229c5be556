/* line-feed.c: the getline loop shared by scanner and mmap2.  A line's
   length is getline's return value, so NUL bytes are data.  */
#include <config.h>

#include "line-feed.h"

#include <errno.h>

int
feed_lines (FILE *stream, char **line, size_t *size, struct counter *c)
{
  for (;;)
    {
      /* Decoding may leave errno set; getline's own failure must show.  */
      errno = 0;
      ssize_t n = getline (line, size, stream);
      /* At a clean end of file errno may still hold the EINTR of a read
         that was retried: only a stream error is a failure.  */
      if (n <= 0)
        return !ferror (stream) && feof (stream) ? 0 : errno ? errno : EIO;
      counter_feed (c, *line, n);
    }
}
