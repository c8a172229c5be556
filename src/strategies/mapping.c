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

bool
size_is_content (int fd)
{
  struct statfs fs;
  if (fstatfs (fd, &fs) != 0)
    return false;
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
      return false;
    default:
      return true;
    }
}

int
map_range (int fd, off_t from, off_t to, size_t window,
           window_visitor *visit, void *arg, uintmax_t *maps, off_t *resume)
{
  size_t page = sysconf (_SC_PAGESIZE);
  off_t pos = from - from % page;
  /* Whole pages, the first window's bytes before FROM included.  */
  size_t lead = from - pos;
  if (window == 0 || WINDOW_SIZE - lead < window)
    window = WINDOW_SIZE;
  else
    window = (window + lead + page - 1) / page * page;
  while (pos < to)
    {
      size_t len = to - pos < (off_t) window ? (size_t) (to - pos) : window;
      void *base = mmap (NULL, len, PROT_READ, MAP_PRIVATE, fd, pos);
      if (base == MAP_FAILED)
        {
          *resume = pos < from ? from : pos;
          return STRATEGY_NOT_APPLICABLE;
        }
      ++*maps;
      posix_madvise (base, len, POSIX_MADV_SEQUENTIAL);
      struct mapped_window w = { base, len, pos < from ? from - pos : 0 };
      int result = visit (&w, arg);
      munmap (base, len);
      if (result)
        return result;
      pos += len;
    }
  return 0;
}

int
map_windows (struct input *in, window_visitor *visit, void *arg)
{
  if (!in->st_ok || !S_ISREG (in->st.st_mode) || in->st.st_size <= 0
      || !size_is_content (in->fd))
    return STRATEGY_NOT_APPLICABLE;
  off_t offset = lseek (in->fd, 0, SEEK_CUR);
  if (offset < 0)
    return STRATEGY_NOT_APPLICABLE;

  off_t end = in->st.st_size;
  if (end <= offset)
    return 0;
  off_t resume;
  int result = map_range (in->fd, offset, end, 0, visit, arg,
                          &in->tally.maps, &resume);
  if (result == STRATEGY_NOT_APPLICABLE)
    {
      /* The rest is read instead, from the first byte not counted.  */
      if (lseek (in->fd, resume, SEEK_SET) != resume)
        result = errno;
    }
  else if (result == 0)
    lseek (in->fd, end, SEEK_SET);
  return result;
}
