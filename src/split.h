/* split.h: count one large regular file on several threads: cut the bytes
   from its offset to its size into parts (see part.h), count each part on
   a thread of a pool with its own counter and its own buffer or mapping,
   and add the parts' counts up in order.  */
#ifndef WC_SPLIT_H
#define WC_SPLIT_H

#include <stdint.h>

#include "input.h"
#include "pool.h"

/* How files may be split.  */
struct splitter
{
  struct pool *pool;            /* not NULL */
  unsigned max_parts;           /* at most this many parts, one per thread */
  uintmax_t min_part;           /* bytes, at least 1; no part is nominally
                                   smaller */
};

/* If IN is a regular file large enough to make two parts of SP->min_part
   bytes, and S is a strategy that uses threads (the default or mmap),
   count it in parts into C, which nothing has been fed to, and leave the
   offset where reading would have left it (for mmap, at the size fstat reported): at the end, or,
   after a failure, just past the bytes counted.  Returns 0, an errno
   value, or INPUT_TRUNCATED, as a strategy does; when parts fail, the
   counts are those of the bytes before the first failure, as one reader
   would have counted them.  Returns STRATEGY_NOT_APPLICABLE, having done
   nothing, for anything else.  Sets IN->threads.  */
int count_in_parts (struct input *in, enum strategy s, struct counter *c,
                    struct splitter const *sp);

/* Whether IN, opened and its status taken, is large enough to be split
   into parts of MIN_PART bytes: count_in_parts splits no other input.  */
bool may_split (struct input const *in, uintmax_t min_part)
  _GL_ATTRIBUTE_PURE;

#endif
