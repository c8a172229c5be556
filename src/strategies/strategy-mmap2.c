/* strategy-mmap2.c: map the file, then read the mapping line by line
   through a stdio stream over it (fmemopen + getline), the way a program
   written around getline would use a mapping.  Every line is copied out of
   the mapping before it is counted: measuring that copy is the point.  */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>

#include "input.h"
#include "line-feed.h"
#include "mapping.h"
#include "sigbus.h"

/* What the guarded body leaves for its caller to release or report, even
   when a SIGBUS cuts it short.  */
struct mmap2_read
{
  struct counter *counter;
  void *data;
  size_t n;
  FILE *stream;
  char *line;
  size_t line_size;
  int err;
};

static void
getline_window (void *arg)
{
  struct mmap2_read *r = arg;
  r->stream = fmemopen (r->data, r->n, "r");
  if (!r->stream)
    {
      r->err = errno;
      return;
    }
  /* No stream lock, so none is left held if a SIGBUS jumps out of getline.  */
  __fsetlocking (r->stream, FSETLOCKING_BYCALLER);
  /* Reading memory cannot fail: what fails is growing the line's buffer.  */
  r->err = feed_lines (r->stream, &r->line, &r->line_size, r->counter);
}

static int
count_window (struct mapped_window const *w, void *arg)
{
  struct mmap2_read *r = arg;
  r->data = (char *) w->base + w->skip;
  r->n = w->len - w->skip;
  r->stream = NULL;
  r->err = 0;
  bool whole = sigbus_guard (w->base, w->len, getline_window, r);
  if (r->stream)
    fclose (r->stream);
  return whole ? r->err : INPUT_TRUNCATED;
}

int
read_mmap2 (struct input *in, struct counter *c)
{
  struct mmap2_read r = { .counter = c };
  int result = map_windows (in, count_window, &r);
  if (result != STRATEGY_NOT_APPLICABLE)
    in->tally.method = "mmap2";
  if (result == ENOMEM)
    in->error_context = LINE_TOO_LONG;
  free (r.line);
  return result;
}
