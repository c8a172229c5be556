/* slurp.h: a buffer that grows to hold a whole input, refusing to grow past
   the memory the system can give, for the strategies that read everything
   before counting.  */
#ifndef WC_SLURP_H
#define WC_SLURP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct slurp
{
  unsigned char *data;
  size_t len;           /* bytes held */
  size_t cap;           /* bytes allocated */
  bool mapped;          /* in a mapping of its own, not from malloc */
};

/* Make room for at least NEED bytes in all, at least doubling the capacity
   when it grows.  Returns 0, or ENOMEM when NEED exceeds physical memory or
   the memory the system has available, or the allocation fails; the
   buffer is then unchanged.  */
int slurp_reserve (struct slurp *s, size_t need);

/* Append everything FD has left to S.  Each read asks for CHUNK bytes, or,
   when CHUNK is 0, for all the room left (growing the buffer only when it
   is full).  Counts the read calls in *READS.  Returns 0 at EOF, or an
   errno value (ENOMEM when the input cannot fit); S keeps what was read.  */
int slurp_read_all (struct slurp *s, int fd, size_t chunk, uintmax_t *reads);

void slurp_free (struct slurp *s);

#endif
