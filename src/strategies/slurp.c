/* slurp.c: the growing whole-input buffer of upfront and buffering.  The
   memory check comes first because on Linux a huge malloc usually succeeds
   and the process is killed later, when the pages are touched.  */
#include <config.h>

#include "slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "physmem.h"
#include "safe-read.h"

/* How much more memory a buffer may take: three quarters of the kernel's
   estimate of what can be had without swapping or waking the OOM killer
   (MemAvailable counts reclaimable page cache, unlike free memory), or,
   where that is unknown, physical memory.  */
static double
growth_room (void)
{
  double room = -1;
  FILE *meminfo = fopen ("/proc/meminfo", "r");
  if (meminfo)
    {
      char line[256];
      unsigned long long kib;
      while (fgets (line, sizeof line, meminfo))
        if (sscanf (line, "MemAvailable: %llu kB", &kib) == 1)
          {
            room = kib * 1024.0 * 3 / 4;
            break;
          }
      fclose (meminfo);
    }
  return room < 0 ? physmem_total () : room;
}

/* Advise the kernel to back the 2 MiB-aligned part of DATA's CAP bytes
   with huge pages, where it can (Linux's "madvise" mode); a no-op
   elsewhere, and harmless if refused.  */
static void
advise_huge_pages (unsigned char *data, size_t cap)
{
#ifdef MADV_HUGEPAGE
  uintptr_t const huge = 2 * 1024 * 1024;
  uintptr_t lo = ((uintptr_t) data + huge - 1) & ~(huge - 1);
  uintptr_t hi = ((uintptr_t) data + cap) & ~(huge - 1);
  if (lo < hi)
    madvise ((void *) lo, hi - lo, MADV_HUGEPAGE);
#else
  (void) data;
  (void) cap;
#endif
}

int
slurp_reserve (struct slurp *s, size_t need)
{
  if (need <= s->cap)
    return 0;
  double limit = physmem_total ();
  double room = s->cap + growth_room ();
  if (limit <= 0 || room < limit)
    limit = room;
  if (limit < need)
    return ENOMEM;
  /* Double, but never past the limit: the last step goes straight there.  */
  size_t cap = need / 2 < s->cap ? 2 * s->cap : need;
  if (limit < cap || cap < s->cap)
    cap = limit;
  unsigned char *data = realloc (s->data, cap);
  if (!data)
    return ENOMEM;
  s->data = data;
  s->cap = cap;
  if (s->huge_pages)
    advise_huge_pages (data, cap);
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
