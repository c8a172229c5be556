/* test-support.h: the scaffolding the C test programs share: a reproducible
   random stream, a span that ends right before an unreadable page, cut
   positions, newlines counted by hand, and a readable dump of the bytes
   behind a failure.  Each program is a single source file that includes
   this once, so the state here is its own.  The helpers that run only once
   or on a failure are plain static functions, marked as possibly unused:
   the compiler need not inline them.  */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define COUNTOF(a) (sizeof (a) / sizeof *(a))

/* splitmix64: small, fast and the same everywhere, so that a program that
   seeds it with a fixed number makes the same data on every run and a
   failure can be reproduced.  */
static uint64_t rng_state;

static inline void
rng_seed (uint64_t seed)
{
  rng_state = seed;
}

static inline uint64_t
next64 (void)
{
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* A number in [0, N), N > 0.  The tiny bias of the modulo does not matter
   for test data.  */
static inline size_t
below (size_t n)
{
  return next64 () % n;
}

/* Two pages whose second cannot be read: a span that ends at the returned
   address + *PAGE makes a kernel that reads one byte too far get SIGSEGV.
   PROGRAM names the caller in the message if the system refuses.  Release
   with guard_release.  */
_GL_UNUSED static unsigned char *
guard_map (size_t *page, char const *program)
{
  long pagesize = sysconf (_SC_PAGESIZE);
  *page = pagesize > 0 ? (size_t) pagesize : 4096;
  unsigned char *map = mmap (NULL, 2 * *page, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED)
    {
      fprintf (stderr, "%s: ", program);
      perror ("mmap");
      exit (EXIT_FAILURE);
    }
  if (mprotect (map + *page, *page, PROT_NONE) != 0)
    {
      fprintf (stderr, "%s: ", program);
      perror ("mprotect");
      exit (EXIT_FAILURE);
    }
  return map;
}

static inline void
guard_release (unsigned char *map, size_t page)
{
  munmap (map, 2 * page);
}

/* The '\n' bytes of P[0..N), one at a time: what every newline kernel is
   held to.  */
_GL_UNUSED static uintmax_t
newlines_by_hand (unsigned char const *p, size_t n)
{
  uintmax_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += p[i] == '\n';
  return k;
}

/* Sort the N cut positions CUTS in place, ascending (insertion sort: there
   are only a few).  */
_GL_UNUSED static void
sort_cuts (size_t *cuts, size_t n)
{
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && cuts[j - 1] > cuts[j]; j--)
      {
        size_t t = cuts[j];
        cuts[j] = cuts[j - 1];
        cuts[j - 1] = t;
      }
}

/* P[0..N) on stderr as a quoted string of \xHH escapes, at most MOST of
   them (a long input would drown the rest of the report), then its
   length.  */
_GL_UNUSED static void
print_bytes_upto (unsigned char const *p, size_t n, size_t most)
{
  size_t shown = n < most ? n : most;
  fputs ("'", stderr);
  for (size_t i = 0; i < shown; i++)
    fprintf (stderr, "\\x%02x", p[i]);
  fprintf (stderr, "'%s (%zu bytes)\n", shown < n ? "..." : "", n);
}

_GL_UNUSED static void
print_bytes (unsigned char const *p, size_t n)
{
  print_bytes_upto (p, n, 96);
}

#endif /* TEST_SUPPORT_H */
