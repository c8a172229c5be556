/* slurp.c: the growing whole-input buffer of upfront and buffering.  The
   physical-memory check comes first because on Linux a huge malloc usually
   succeeds and the process is killed later, when the pages are touched.  */
#include <config.h>

#include "slurp.h"

#include <errno.h>
#include <stdlib.h>

#include "physmem.h"

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

void
slurp_free (struct slurp *s)
{
  free (s->data);
  s->data = NULL;
  s->len = s->cap = 0;
}
