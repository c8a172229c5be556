/* mapping.h: map a regular file read-only, window by window, from its
   current offset to the size fstat reported, for the mmap strategies; or
   any range of it, for a part counted on its own thread.  */
#ifndef WC_MAPPING_H
#define WC_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "input.h"

struct mapped_window
{
  void *base;                   /* the whole mapping, as mmap returned it */
  size_t len;
  size_t skip;                  /* bytes before the offset: not counted */
};

/* A visitor's result that stops the windows without being an error; none
   of the values of input.h.  */
enum { MAPPING_STOP = -3 };

/* Returns 0 to go on to the next window, else the strategy's result.  */
typedef int window_visitor (struct mapped_window const *w, void *arg);

/* Call VISIT on each window of IN in order, then leave IN's offset at the
   end of what was mapped, as reading it would.  Returns 0, an errno value,
   VISIT's nonzero result, or STRATEGY_NOT_APPLICABLE for what cannot be
   mapped: non-regular files, files that report no size (/proc, /sys and
   other pseudo file systems), and a window that mmap refuses; the offset
   is then at the first byte not counted, for the caller to read the rest.  */
int map_windows (struct input *in, window_visitor *visit, void *arg);

/* Call VISIT on windows that cover [FROM, TO) of the regular file FD in
   order, each of about WINDOW bytes (0: the largest size), counting the
   mmap calls in *MAPS; FD's offset is not used.  Returns 0 once TO is
   reached, VISIT's first nonzero result, or STRATEGY_NOT_APPLICABLE when
   mmap refuses a window, *RESUME being the first offset not visited.  */
int map_range (int fd, off_t from, off_t to, size_t window,
               window_visitor *visit, void *arg, uintmax_t *maps,
               off_t *resume);

/* Whether FD's size, as fstat reports it, is the number of bytes it holds:
   false on /proc, /sys and the kernel's other pseudo file systems.  */
bool size_is_content (int fd);

#endif
