/* slurp.c: the growing whole-input buffer of upfront and buffering.  The
   physical-memory check comes first because on Linux a huge malloc usually
   succeeds and the process is killed later, when the pages are touched.  */
#include <config.h>

#include "slurp.h"

#include <errno.h>
#include <stdlib.h>

#include "physmem.h"
#include "safe-read.h"

int
slurp_reserve (struct slurp *s, size_t need)
{
  if (need <= s->cap)
    return 0;
  double limit = physmem_total ();
  if (0 < limit && limit < need)
    return ENOMEM;
  size_t cap = need / 2 < s->cap ? 2 * s->cap : need;
  if ((0 < limit && limit < cap) || cap < s->cap)
    cap = need;
  unsigned char *data = realloc (s->data, cap);
  if (!data)
    return ENOMEM;
  s->data = data;
  s->cap = cap;
  return 0;
}

int
slurp_read_all (struct slurp *s, int fd, size_t chunk, uintmax_t *reads)
{
  for (;;)
    {
      int err = slurp_reserve (s, s->len + (chunk ? chunk : 1));
      if (err)
        return err;
      size_t n = safe_read (fd, s->data + s->len,
                            chunk ? chunk : s->cap - s->len);
      if (n == SAFE_READ_ERROR)
        return errno;
      ++*reads;
      if (n == 0)
        return 0;
      s->len += n;
    }
}

void
slurp_free (struct slurp *s)
{
  free (s->data);
  s->data = NULL;
  s->len = s->cap = 0;
}
