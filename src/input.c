/* input.c: count one opened input: the size shortcut for byte counts, the
   split of a large file across threads, the strategy table, and its one
   fallback rule (what a strategy cannot take is read the default way).  */
#include <config.h>

#include "input.h"

#include <unistd.h>

#include "argmatch.h"
#include "split.h"
#include "stat-size.h"

char const *const strategy_arg_names[] =
{
  "scanner", "upfront", "buffering", "mmap", "mmap2", NULL
};
enum strategy const strategy_arg_values[] =
{
  STRATEGY_SCANNER, STRATEGY_UPFRONT, STRATEGY_BUFFERING,
  STRATEGY_MMAP, STRATEGY_MMAP2
};
ARGMATCH_VERIFY (strategy_arg_names, strategy_arg_values);

static strategy_fn *const strategy_table[] =
{
  [STRATEGY_STREAM] = read_stream,
  [STRATEGY_SCANNER] = read_scanner,
  [STRATEGY_UPFRONT] = read_upfront,
  [STRATEGY_BUFFERING] = read_buffering,
  [STRATEGY_MMAP] = read_mmap,
  [STRATEGY_MMAP2] = read_mmap2,
};

char const *
strategy_name (enum strategy s)
{
  return s == STRATEGY_STREAM ? "stream" : strategy_arg_names[s - 1];
}

bool
strategy_uses_threads (enum strategy s)
{
  return s == STRATEGY_STREAM || s == STRATEGY_MMAP;
}

/* Files whose st_size is the number of bytes they hold.  */
static bool
usable_st_size (struct stat const *st)
{
  return S_ISREG (st->st_mode) || S_TYPEISSHM (st) || S_TYPEISTMO (st);
}

/* GNU wc's answer to "how many bytes?" for a sized file.  A size that is
   not a multiple of the page size is trusted as it is: no read, and the
   offset is left where it was (as GNU wc 9.1 leaves it), or with
   IN->seek_to_end moved to the end (9.3 and later; when that seek fails,
   the bytes are read instead).  A page-multiple
   size may be approximate (/proc, /sys), so everything up to one block
   before the end is credited, the offset is moved there, and the rest is
   read.  Unlike GNU wc, the seek is absolute, so a start at a nonzero
   offset still gives the true count.  Returns true if no read is needed.  */
static bool
count_by_size (struct input *in, struct counter *c)
{
  off_t size = in->st.st_size;
  off_t offset = in->is_stdin ? lseek (in->fd, 0, SEEK_CUR) : 0;
  long page_size = sysconf (_SC_PAGESIZE);
  if (offset < 0)
    return false;
  if (size % page_size != 0)
    {
      if (in->seek_to_end && offset < size && in->is_stdin
          && lseek (in->fd, size, SEEK_SET) < 0)
        return false;
      counter_credit_bytes (c, offset < size ? size - offset : 0);
      in->tally.method = "size";
      return true;
    }
  off_t hi = size - size % (ST_BLKSIZE (in->st) + 1);
  if (offset < hi && 0 <= lseek (in->fd, hi, SEEK_SET))
    counter_credit_bytes (c, hi - offset);
  return false;
}

int
count_input (struct input *in, enum strategy s, struct counter *c,
             struct splitter const *split)
{
  if (c->pass == PASS_BYTES && in->st_ok && usable_st_size (&in->st)
      && 0 <= in->st.st_size)
    {
      if (count_by_size (in, c))
        return 0;
      /* At most a block is left: read it plainly.  */
      in->tally.method = "size+stream";
      s = STRATEGY_STREAM;
    }
  int err = count_in_parts (in, s, c, split);
  if (err == STRATEGY_NOT_APPLICABLE)
    err = strategy_table[s] (in, c);
  if (err == STRATEGY_NOT_APPLICABLE)
    {
      /* A mapping strategy that mapped part of the input says so.  */
      static char const *const partly[] =
        {
          [STRATEGY_MMAP] = "mmap+stream", [STRATEGY_MMAP2] = "mmap2+stream"
        };
      in->tally.method = in->tally.maps ? partly[s] : NULL;
      err = read_stream (in, c);
    }
  if (err == INPUT_TRUNCATED)
    in->error_context = "file truncated while being read";
  return err;
}
