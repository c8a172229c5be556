/* faultshim.c: an LD_PRELOAD library for tests/faults.bats that makes the
   calls a wc makes fail the way an interrupted, failing or exhausted
   system would, in any dynamically linked program: ours and the system
   wc alike, so that both can be held to the same faults.

   Reads and mappings are touched only when they are of the input named by
   FAULT_INPUT: a file (matched by device and inode, whatever descriptor
   or path the program uses) or "stdin" (descriptor 0).

     FAULT_READ      comma-separated, for read() and pread() of the input:
                       eintr            every other call fails with EINTR
                       max=N            no call returns more than N bytes
                       eio-after=N      once N bytes have been returned,
                                        every call fails with EIO
                       truncate-after=N:SIZE
                                        once N bytes have been returned,
                                        the file is truncated to SIZE bytes
     FAULT_MMAP      for mmap() of the input:
                       ENOMEM, ENODEV or EACCES   refused with that errno
                       truncate=SIZE[@K]
                                        the K-th mapping (default: the
                                        first) made, then the file
                                        truncated to SIZE bytes (the next
                                        access past it raises SIGBUS)
     FAULT_ALLOC_OVER=N   any malloc, calloc, realloc or reallocarray of N
                          bytes or more fails with ENOMEM (whoever asks)
     FAULT_MAP_OVER=N     any anonymous mmap of N bytes or more fails with
                          ENOMEM (big buffers are mapped, not allocated)
     FAULT_LOG       a file that gets a line for each kind of fault the
                     process met (once each: "read EINTR", "read short",
                     "read EIO", "truncate", "mmap refused", "alloc
                     refused", "map refused"), so that a test can check it
                     really happened

   Only system calls made through the dynamic linker can be caught: the C
   library's own (stdio's, for instance) are not, which is why --files0-from
   lists are faulted with strace instead.  Built with no gnulib header,
   which could rename the functions defined here.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* glibc's allocator under its own names: calling these instead of dlsym's
   answer avoids the recursion of a dlsym that allocates.  */
extern void *__libc_malloc (size_t);
extern void *__libc_calloc (size_t, size_t);
extern void *__libc_realloc (void *, size_t);

struct settings
{
  bool loaded;
  bool input_is_stdin;
  bool input_known;             /* DEV and INO name the input */
  dev_t dev;
  ino_t ino;
  bool eintr;
  size_t max_read;              /* 0: no limit */
  bool eio;
  uintmax_t eio_after;
  bool truncate_on_read;
  uintmax_t truncate_after;
  off_t truncate_read_size;
  int mmap_errno;               /* 0: mappings allowed */
  bool truncate_on_mmap;
  off_t truncate_mmap_size;
  unsigned long truncate_mmap_index;  /* the K of truncate=SIZE@K */
  size_t alloc_over;            /* 0: no limit */
  size_t map_over;              /* 0: no limit */
  char const *log;
};

static struct settings cfg;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uintmax_t delivered;     /* bytes of the input returned so far */
static unsigned long calls;     /* read calls on the input */
static unsigned long mappings;  /* mmap calls on the input */
static bool truncated;

static uintmax_t
number (char const *s)
{
  return strtoumax (s, NULL, 10);
}

static void
load_settings (void)
{
  if (cfg.loaded)
    return;
  char const *input = getenv ("FAULT_INPUT");
  struct stat st;
  if (input && strcmp (input, "stdin") == 0)
    cfg.input_is_stdin = true;
  else if (input && stat (input, &st) == 0)
    {
      cfg.input_known = true;
      cfg.dev = st.st_dev;
      cfg.ino = st.st_ino;
    }

  char const *r = getenv ("FAULT_READ");
  for (char const *p = r; p && *p; p = strchr (p, ',') ? strchr (p, ',') + 1
                                                       : NULL)
    {
      if (strncmp (p, "eintr", 5) == 0)
        cfg.eintr = true;
      else if (strncmp (p, "max=", 4) == 0)
        cfg.max_read = number (p + 4);
      else if (strncmp (p, "eio-after=", 10) == 0)
        {
          cfg.eio = true;
          cfg.eio_after = number (p + 10);
        }
      else if (strncmp (p, "truncate-after=", 15) == 0)
        {
          cfg.truncate_on_read = true;
          cfg.truncate_after = number (p + 15);
          char const *colon = strchr (p, ':');
          cfg.truncate_read_size = colon ? (off_t) number (colon + 1) : 0;
        }
    }

  char const *m = getenv ("FAULT_MMAP");
  if (m)
    {
      if (strcmp (m, "ENOMEM") == 0)
        cfg.mmap_errno = ENOMEM;
      else if (strcmp (m, "ENODEV") == 0)
        cfg.mmap_errno = ENODEV;
      else if (strcmp (m, "EACCES") == 0)
        cfg.mmap_errno = EACCES;
      else if (strncmp (m, "truncate=", 9) == 0)
        {
          cfg.truncate_on_mmap = true;
          cfg.truncate_mmap_size = number (m + 9);
          char const *at = strchr (m, '@');
          cfg.truncate_mmap_index = at ? number (at + 1) : 1;
        }
    }

  char const *a = getenv ("FAULT_ALLOC_OVER");
  if (a)
    cfg.alloc_over = number (a);
  char const *o = getenv ("FAULT_MAP_OVER");
  if (o)
    cfg.map_over = number (o);
  cfg.log = getenv ("FAULT_LOG");
  cfg.loaded = true;
}

/* Append WHAT, a string literal, to the log the first time it happens.
   Plain system calls: no stdio, no allocation.  */
static void
log_fault (char const *what)
{
  static char const *logged[8];
  static size_t n_logged;
  if (!cfg.log)
    return;
  for (size_t i = 0; i < n_logged; i++)
    if (logged[i] == what)
      return;
  if (n_logged < sizeof logged / sizeof *logged)
    logged[n_logged++] = what;
  int fd = open (cfg.log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  size_t n = strlen (what);
  if (write (fd, what, n) == (ssize_t) n)
    {
      ssize_t ignored = write (fd, "\n", 1);
      (void) ignored;
    }
  close (fd);
}

static bool
is_input (int fd)
{
  if (cfg.input_is_stdin)
    return fd == STDIN_FILENO;
  struct stat st;
  return (cfg.input_known && 0 <= fd && fstat (fd, &st) == 0
          && st.st_dev == cfg.dev && st.st_ino == cfg.ino);
}

/* Truncate the file behind FD (open for reading only) to SIZE bytes.  */
static void
truncate_input (int fd, off_t size)
{
  char path[64];
  snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  if (truncate (path, size) == 0)
    log_fault ("truncate");
}

/* The part shared by read and pread: REAL performs the call for at most
   the given number of bytes.  */
static ssize_t
faulty_read (int fd, size_t count, ssize_t (*real) (void *, size_t),
             void *arg)
{
  load_settings ();
  if (!is_input (fd))
    return real (arg, count);
  pthread_mutex_lock (&lock);
  unsigned long call = ++calls;
  uintmax_t sent = delivered;
  pthread_mutex_unlock (&lock);

  if (cfg.eintr && call % 2 == 1)
    {
      log_fault ("read EINTR");
      errno = EINTR;
      return -1;
    }
  if (cfg.eio && cfg.eio_after <= sent)
    {
      log_fault ("read EIO");
      errno = EIO;
      return -1;
    }
  if (cfg.max_read && cfg.max_read < count)
    {
      log_fault ("read short");
      count = cfg.max_read;
    }
  /* Stop exactly at a fault point, so that every program sees the same
     bytes before it, whatever its buffer size.  */
  if (cfg.eio && cfg.eio_after - sent < count)
    count = cfg.eio_after - sent;
  if (cfg.truncate_on_read && !truncated && sent < cfg.truncate_after
      && cfg.truncate_after - sent < count)
    count = cfg.truncate_after - sent;
  if (cfg.truncate_on_read && !truncated && cfg.truncate_after <= sent)
    {
      truncated = true;
      truncate_input (fd, cfg.truncate_read_size);
    }

  ssize_t n = real (arg, count);
  if (0 < n)
    {
      pthread_mutex_lock (&lock);
      delivered += n;
      pthread_mutex_unlock (&lock);
    }
  return n;
}

/* read */

struct read_call
{
  int fd;
  void *buf;
};

static ssize_t
real_read (void *arg, size_t count)
{
  static ssize_t (*next) (int, void *, size_t);
  if (!next)
    next = (ssize_t (*) (int, void *, size_t)) dlsym (RTLD_NEXT, "read");
  struct read_call const *c = arg;
  return next (c->fd, c->buf, count);
}

ssize_t
read (int fd, void *buf, size_t count)
{
  struct read_call c = { fd, buf };
  return faulty_read (fd, count, real_read, &c);
}

/* _FORTIFY_SOURCE builds (the system wc) call this instead of read.  */
ssize_t __read_chk (int fd, void *buf, size_t count, size_t buflen);
ssize_t
__read_chk (int fd, void *buf, size_t count, size_t buflen)
{
  if (buflen < count)
    abort ();
  return read (fd, buf, count);
}

/* pread */

struct pread_call
{
  int fd;
  void *buf;
  off_t offset;
};

static ssize_t
real_pread (void *arg, size_t count)
{
  static ssize_t (*next) (int, void *, size_t, off_t);
  if (!next)
    next = (ssize_t (*) (int, void *, size_t, off_t)) dlsym (RTLD_NEXT,
                                                             "pread64");
  struct pread_call const *c = arg;
  return next (c->fd, c->buf, count, c->offset);
}

ssize_t
pread64 (int fd, void *buf, size_t count, off_t offset)
{
  struct pread_call c = { fd, buf, offset };
  return faulty_read (fd, count, real_pread, &c);
}

ssize_t
pread (int fd, void *buf, size_t count, off_t offset)
{
  return pread64 (fd, buf, count, offset);
}

/* mmap */

void *
mmap64 (void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
  static void *(*next) (void *, size_t, int, int, int, off_t);
  if (!next)
    next = (void *(*) (void *, size_t, int, int, int, off_t))
      dlsym (RTLD_NEXT, "mmap64");
  load_settings ();
  if (!(flags & MAP_ANONYMOUS) && is_input (fd))
    {
      if (cfg.mmap_errno)
        {
          log_fault ("mmap refused");
          errno = cfg.mmap_errno;
          return MAP_FAILED;
        }
      void *p = next (addr, len, prot, flags, fd, offset);
      pthread_mutex_lock (&lock);
      unsigned long mapping = ++mappings;
      pthread_mutex_unlock (&lock);
      if (p != MAP_FAILED && cfg.truncate_on_mmap && !truncated
          && mapping == cfg.truncate_mmap_index)
        {
          truncated = true;
          truncate_input (fd, cfg.truncate_mmap_size);
        }
      return p;
    }
  if ((flags & MAP_ANONYMOUS) && cfg.map_over && cfg.map_over <= len)
    {
      log_fault ("map refused");
      errno = ENOMEM;
      return MAP_FAILED;
    }
  return next (addr, len, prot, flags, fd, offset);
}

void *
mmap (void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
  return mmap64 (addr, len, prot, flags, fd, offset);
}

/* Allocation.  The settings are read with getenv only, which does not
   allocate, so these are safe to call before anything else.  */

static bool
refuse (size_t n)
{
  load_settings ();
  if (cfg.alloc_over && cfg.alloc_over <= n)
    {
      log_fault ("alloc refused");
      errno = ENOMEM;
      return true;
    }
  return false;
}

void *
malloc (size_t n)
{
  return refuse (n) ? NULL : __libc_malloc (n);
}

void *
calloc (size_t n, size_t size)
{
  size_t total;
  if (__builtin_mul_overflow (n, size, &total))
    total = SIZE_MAX;
  return refuse (total) ? NULL : __libc_calloc (n, size);
}

void *
realloc (void *p, size_t n)
{
  return refuse (n) ? NULL : __libc_realloc (p, n);
}

void *
reallocarray (void *p, size_t n, size_t size)
{
  size_t total;
  if (__builtin_mul_overflow (n, size, &total))
    {
      errno = ENOMEM;
      return NULL;
    }
  return realloc (p, total);
}
