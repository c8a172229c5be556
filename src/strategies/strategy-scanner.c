/* strategy-scanner.c: the idiomatic way: a stdio stream over the input and
   getline, each line handed to the counter as it comes.  A line's length is
   getline's return value, so NUL bytes are data.  Memory: the longest line.  */
#include <config.h>

#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "input.h"
#include "line-feed.h"
#include "safe-read.h"

/* The stream reads the descriptor through this cookie, which counts the
   read() calls for --stats and leaves the descriptor open when the stream
   is closed (stdin, and files the caller closes itself).  */
struct scanner_cookie
{
  struct input *in;
  int read_errno;
};

static ssize_t
cookie_read (void *cookie, char *buf, size_t size)
{
  struct scanner_cookie *k = cookie;
  size_t n = safe_read (k->in->fd, buf, size);
  if (n == SAFE_READ_ERROR)
    {
      k->read_errno = errno;
      return -1;
    }
  k->in->tally.reads++;
  return n;
}

enum { STREAM_BUFFER_SIZE = 64 * 1024 };

int
read_scanner (struct input *in, struct counter *c)
{
  struct scanner_cookie cookie = { in, 0 };
  cookie_io_functions_t io = { .read = cookie_read };
  in->tally.method = "scanner";
  FILE *stream = fopencookie (&cookie, "r", io);
  if (!stream)
    return errno;
  /* glibc ignores the size unless it is given the buffer too.  */
  char *stream_buffer = malloc (STREAM_BUFFER_SIZE);
  if (stream_buffer)
    setvbuf (stream, stream_buffer, _IOFBF, STREAM_BUFFER_SIZE);

  char *line = NULL;
  size_t line_size = 0;
  int err = feed_lines (stream, &line, &line_size, c);
  if (cookie.read_errno)
    err = cookie.read_errno;
  else if (err)
    in->error_context = LINE_TOO_LONG;   /* not a read: getline's buffer */
  free (line);
  fclose (stream);
  free (stream_buffer);
  return err;
}
