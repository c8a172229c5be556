/* slurp.h: a buffer that grows to hold a whole input, refusing to grow past
   physical memory, for the strategies that read everything before counting.  */
#ifndef WC_SLURP_H
#define WC_SLURP_H

#include <stddef.h>

struct slurp
{
  unsigned char *data;
  size_t len;           /* bytes held */
  size_t cap;           /* bytes allocated */
};

/* Make room for at least NEED bytes in all, at least doubling the capacity
   when it grows.  Returns 0, or ENOMEM when NEED exceeds physical memory or
   the allocation fails; the buffer is then unchanged.  */
int slurp_reserve (struct slurp *s, size_t need);

void slurp_free (struct slurp *s);

#endif
