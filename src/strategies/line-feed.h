/* line-feed.h: hand a stdio stream to the counter one getline at a time,
   for the strategies that read lines (scanner, mmap2).  */
#ifndef WC_LINE_FEED_H
#define WC_LINE_FEED_H

#include <stdio.h>

#include "counter.h"

/* What a failing line feed is, for the message before errno's text.  */
#define LINE_TOO_LONG "line too long to hold in memory"

/* Feed every line of STREAM to C, in *LINE (of *SIZE bytes, grown by
   getline and left for the caller to free).  Returns 0 at end of stream, or
   the errno value of getline's failure; the stream's error flag tells a
   read error from a line that could not be held.  */
int feed_lines (FILE *stream, char **line, size_t *size, struct counter *c);

#endif
