/* mapping.h: map a regular file read-only, window by window, from its
   current offset to the size fstat reported, for the mmap strategies.  */
#ifndef WC_MAPPING_H
#define WC_MAPPING_H

#include <stddef.h>

#include "input.h"

struct mapped_window
{
  void *base;                   /* the whole mapping, as mmap returned it */
  size_t len;
  size_t skip;                  /* bytes before the offset: not counted */
};

/* Returns 0 to go on to the next window, else the strategy's result.  */
typedef int window_visitor (struct mapped_window const *w, void *arg);

/* Call VISIT on each window of IN in order, then leave IN's offset at the
   end of what was mapped, as reading it would.  Returns 0, an errno value,
   VISIT's nonzero result, or STRATEGY_NOT_APPLICABLE for what cannot be
   mapped: non-regular files, files that report no size (/proc, /sys and
   other pseudo file systems), and a window that mmap refuses; the offset
   is then at the first byte not counted, for the caller to read the rest.  */
int map_windows (struct input *in, window_visitor *visit, void *arg);

#endif
