/* mapping.c: the windowed read-only mapping shared by mmap and mmap2.  A
   window is at most 1 GiB, so files of any size work with bounded address
   space, and what is counted is the file as fstat saw it: bytes appended
   during the run are not counted (reading strategies count them).  */
#include <config.h>

#include "mapping.h"

#include <errno.h>
#include <sys/mman.h>
#include <sys/vfs.h>
#include <unistd.h>

enum { WINDOW_SIZE = 1 << 30 };

/* Kernel file systems whose files report a size that is not their content.  */
static bool
pseudo_file_system (int fd)
{
  struct statfs fs;
  if (fstatfs (fd, &fs) != 0)
    return true;
  switch (fs.f_type)
    {
    case 0x9fa0:        /* proc */
    case 0x62656572:    /* sysfs */
    case 0x64626720:    /* debugfs */
    case 0x74726163:    /* tracefs */
    case 0x27e0eb:      /* cgroup */
    case 0x63677270:    /* cgroup2 */
    case 0x73636673:    /* securityfs */
    case 0xf97cff8c:    /* selinuxfs */
    case 0x6e736673:    /* nsfs */
      return true;
    default:
      return false;
    }
}

int
map_windows (struct input *in, window_visitor *visit, void *arg)
{
  if (!in->st_ok || !S_ISREG (in->st.st_mode) || in->st.st_size <= 0
      || pseudo_file_system (in->fd))
    return STRATEGY_NOT_APPLICABLE;
  off_t offset = lseek (in->fd, 0, SEEK_CUR);
  if (offset < 0)
    return STRATEGY_NOT_APPLICABLE;

  off_t end = in->st.st_size;
  off_t pos = offset - offset % sysconf (_SC_PAGESIZE);
  int result = 0;
  while (pos < end && offset < end)
    {
      size_t len = end - pos < WINDOW_SIZE ? end - pos : WINDOW_SIZE;
      void *base = mmap (NULL, len, PROT_READ, MAP_PRIVATE, in->fd, pos);
      if (base == MAP_FAILED)
        {
          /* The rest is read instead, from the first byte not counted.  */
          off_t resume = pos < offset ? offset : pos;
          result = (lseek (in->fd, resume, SEEK_SET) == resume
                    ? STRATEGY_NOT_APPLICABLE : errno);
          break;
        }
      in->tally.maps++;
      posix_madvise (base, len, POSIX_MADV_SEQUENTIAL);
      struct mapped_window w = { base, len, pos < offset ? offset - pos : 0 };
      result = visit (&w, arg);
      munmap (base, len);
      if (result)
        break;
      pos += len;
    }
  if (result == 0 && offset < end)
    lseek (in->fd, end, SEEK_SET);
  return result;
}
