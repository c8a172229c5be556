/* strategy-upfront.c: read the whole input into one buffer, sized once from
   fstat, then count it as a single span.  The read still goes on to EOF:
   files grow, and /proc files report a size of 0.  Memory: the whole input,
   in huge pages where the kernel grants them.  */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include "input.h"
#include "slurp.h"

enum { UNKNOWN_SIZE_START = 64 * 1024 };

/* The bytes a regular file holds past its current offset, or 0.  */
static size_t
size_hint (struct input const *in)
{
  if (!in->st_ok || !S_ISREG (in->st.st_mode))
    return 0;
  off_t offset = lseek (in->fd, 0, SEEK_CUR);
  return 0 <= offset && offset < in->st.st_size ? in->st.st_size - offset : 0;
}

int
read_upfront (struct input *in, struct counter *c)
{
  struct slurp buf = { 0 };
  in->tally.method = "upfront";
  /* One byte more than the hint, so that the read that finds EOF has room
     and a file that has not grown needs no second allocation.  Without a
     hint (pipes, /proc), start where a pipe's reads would fill it.  */
  size_t hint = size_hint (in);
  int err = slurp_reserve (&buf, hint ? hint + 1 : UNKNOWN_SIZE_START);
  if (!err)
    err = slurp_read_all (&buf, in->fd, 0, &in->tally.reads);
  if (err == ENOMEM)
    in->error_context = "too large to read up front";
  counter_feed (c, buf.data, buf.len);
  slurp_free (&buf);
  return err;
}
