/* part.h: one part of a regular file, counted by its own counter, and the
   readers that hand it the file's bytes.

   Where a part starts and ends is decided by the bytes alone, so that
   neighbours agree without talking to each other: a part with nominal
   range [BEGIN, UNTIL) counts from just after the first '\n' at or after
   BEGIN (the first part: from BEGIN itself) up to and including the first
   '\n' at or after UNTIL (the last part: to the end of the file).  So the
   parts cover the file exactly once; every part but the first starts right
   after a '\n', where the counter carries nothing over (not in a word,
   column 0, no character pending: '\n' is a whole character in every
   encoding glibc's locales use), and their counts add; and a nominal range
   that holds no '\n' gives an empty part, its bytes being counted by the
   part before it.  */
#ifndef WC_PART_H
#define WC_PART_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "counter.h"
#include "intprops.h"

struct part
{
  off_t pos;            /* offset of the next byte a reader hands over */
  off_t until;          /* PART_UNBOUNDED for the last part */
  bool counting;        /* past the '\n' that starts the part */
  bool finished;        /* the ending '\n' was counted, or the part is
                           empty: no more bytes wanted */
  bool at_end;          /* the reader met the end of the file */
  struct counter counter;
  uintmax_t reads;      /* read calls that returned data or end of file */
  uintmax_t maps;       /* mmap calls */
  bool reread;          /* a mapping reader fell back to reading */
  int err;              /* the reader's result */
  unsigned thread;      /* pool_thread_number () of the thread that ran it */
};

#define PART_UNBOUNDED TYPE_MAXIMUM (off_t)

/* Start P on the nominal range [BEGIN, UNTIL) with a copy of the unused
   counter FRESH; FIRST: the part that starts at BEGIN.  */
void part_init (struct part *p, struct counter const *fresh, off_t begin,
                off_t until, bool first);

/* Hand P the N bytes of SPAN, which sit at offset P->pos; P->pos moves past
   the bytes P took.  Returns whether P wants the bytes that follow.  */
bool part_take (struct part *p, unsigned char const *span, size_t n);

/* Readers: hand P the bytes of FD from P->pos until P has all it wants or
   the file ends (at EOF; for the mapping reader, at SIZE, the size fstat
   reported).  They return 0, an errno value, or, for the mapping reader,
   INPUT_TRUNCATED if the file shrank under the mapping (P is then as it
   was before the piece that faulted) or STRATEGY_NOT_APPLICABLE if a
   window could not be mapped (P->pos is then the first byte not handed
   over, for read_part_stream to go on from).  */
int read_part_stream (int fd, struct part *p);
int read_part_mmap (int fd, off_t size, struct part *p);

#endif
