/* slurp.c: the growing whole-input buffer of upfront and buffering.  The
   memory check comes first because on Linux a huge allocation usually
   succeeds and the process is killed later, when the pages are touched.  */
#include <config.h>

#include "slurp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Where a buffer is big enough for huge pages to matter, it lives in a
   mapping of its own that starts on a 2 MiB boundary and grows by mremap
   to another such boundary.  The kernel then moves whole huge pages by
   their page-table entries instead of copying or splitting them: one
   fault per 2 MiB instead of 512, for a buffer that doubles as much as for
   one sized once.  realloc cannot promise the alignment (its mremap lands
   wherever the kernel likes), so the huge pages it moves are split.
   Smaller buffers stay with malloc, which is cheaper for small files.  */
#if defined MADV_HUGEPAGE && defined MREMAP_MAYMOVE && defined MREMAP_FIXED
# define SLURP_MAPS 1
#else
# define SLURP_MAPS 0
#endif

enum { HUGE_PAGE = 2 * 1024 * 1024 };

#if SLURP_MAPS
/* A fresh read-write mapping of CAP bytes starting on a huge-page
   boundary and advised to use huge pages, or NULL.  */
static unsigned char *
map_aligned (size_t cap)
{
  if (SIZE_MAX - HUGE_PAGE < cap)
    return NULL;
  size_t span = cap + HUGE_PAGE;
  unsigned char *raw = mmap (NULL, span, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED)
    return NULL;
  uintptr_t const align = HUGE_PAGE;
  unsigned char *data = (unsigned char *) (((uintptr_t) raw + align - 1)
                                           & ~(align - 1));
  size_t page = getpagesize ();
  size_t end = (cap + page - 1) / page * page;
  if (raw < data)
    munmap (raw, data - raw);
  if (data + end < raw + span)
    munmap (data + end, raw + span - (data + end));
  madvise (data, end, MADV_HUGEPAGE);
  return data;
}

/* Move S's data into a new aligned mapping of CAP bytes.  */
static int
grow_mapped (struct slurp *s, size_t cap)
{
  unsigned char *data = map_aligned (cap);
  if (!data)
    return ENOMEM;
  if (s->mapped)
    {
      if (mremap (s->data, s->cap, s->cap, MREMAP_MAYMOVE | MREMAP_FIXED,
                  data) == MAP_FAILED)
        {
          munmap (data, cap);
          return ENOMEM;
        }
    }
  else
    {
      if (s->len)
        memcpy (data, s->data, s->len);
      free (s->data);
    }
  s->data = data;
  s->cap = cap;
  s->mapped = true;
  return 0;
}
#endif

/* Move S's data into a buffer of CAP bytes.  */
static int
grow (struct slurp *s, size_t cap)
{
#if SLURP_MAPS
  if (HUGE_PAGE <= cap)
    return grow_mapped (s, cap);
#endif
  unsigned char *data = realloc (s->data, cap);
  if (!data)
    return ENOMEM;
  s->data = data;
  s->cap = cap;
  return 0;
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
  return grow (s, cap);
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
#if SLURP_MAPS
  if (s->mapped)
    munmap (s->data, s->cap);
  else
#endif
    free (s->data);
  s->data = NULL;
  s->len = s->cap = 0;
  s->mapped = false;
}
