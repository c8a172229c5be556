/* pending.h: the first bytes of a character cut by the end of a span,
   which wait in struct scan_state for the rest.  Every decoding kernel
   keeps, extends and consumes them with these helpers, so the state means
   the same to all of them and any split of the input gives the same
   counts.  */
#ifndef WC_PENDING_H
#define WC_PENDING_H

#include <string.h>

#include "kernels.h"

/* Keep the REST bytes at P, the start of a character that the end of the
   span cuts.  Returns false, keeping nothing, when they do not fit: the
   caller then skips the first as an invalid byte.  */
static inline bool
pending_keep (struct scan_state *s, unsigned char const *p, size_t rest)
{
  if (sizeof s->pending < rest)
    return false;
  memcpy (s->pending, p, rest);
  s->npending = rest;
  return true;
}

/* Copy to TMP the pending bytes followed by the first bytes of the span P
   of N bytes, as many as a character can take; return how many in all.  */
static inline size_t
pending_join (struct scan_state const *s, unsigned char tmp[2 * MB_LEN_MAX],
              unsigned char const *p, size_t n)
{
  size_t k = s->npending;
  size_t m = n < MB_LEN_MAX ? n : MB_LEN_MAX;
  memcpy (tmp, s->pending, k);
  memcpy (tmp + k, p, m);
  return k + m;
}

/* The joined bytes are still an unfinished character.  When the whole
   span *P of *N bytes fits after the pending bytes, it joins them, all of
   it consumed, and this returns true; otherwise false, and the caller
   skips the first pending byte as an invalid one.  */
static inline bool
pending_extend (struct scan_state *s, unsigned char const **p, size_t *n)
{
  size_t k = s->npending;
  if (sizeof s->pending < k + *n)
    return false;
  memcpy (s->pending + k, *p, *n);
  s->npending = k + *n;
  *p += *n;
  *n = 0;
  return true;
}

/* Consume the first USED bytes of the pending bytes followed by the span
   *P of *N bytes: pending bytes first, then the span's.  */
static inline void
pending_consume (struct scan_state *s, size_t used, unsigned char const **p,
                 size_t *n)
{
  size_t k = s->npending;
  if (used <= k)
    {
      memmove (s->pending, s->pending + used, k - used);
      s->npending = k - used;
    }
  else
    {
      *p += used - k;
      *n -= used - k;
      s->npending = 0;
    }
}

#endif
