/* input.h: one opened input, the ways to read it (strategies), and the
   rule that picks among them.  A strategy only produces spans for the
   counter; it never formats output or looks at options.  */
#ifndef WC_INPUT_H
#define WC_INPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "counter.h"

enum strategy
{
  STRATEGY_STREAM,      /* the default: constant-memory read() loop */
  STRATEGY_SCANNER,
  STRATEGY_UPFRONT,
  STRATEGY_BUFFERING,
  STRATEGY_MMAP,
  STRATEGY_MMAP2
};

/* The -p names, for argmatch, in the order of enum strategy from SCANNER.  */
extern char const *const strategy_arg_names[];
extern enum strategy const strategy_arg_values[];
/* The name of any strategy, STREAM included, for --stats.  */
char const *strategy_name (enum strategy s) _GL_ATTRIBUTE_CONST;

/* Whether S may count with several threads: the default way and mmap
   read a part of a file as readily as the whole of it; the others exist
   to measure how one reader behaves.  (--help and the man page say so.)  */
bool strategy_uses_threads (enum strategy s) _GL_ATTRIBUTE_CONST;

/* What reading one input cost, for --stats.  */
struct io_tally
{
  uintmax_t reads;      /* read() calls that returned data or EOF */
  uintmax_t maps;       /* mmap() calls */
  char const *method;   /* how the bytes were obtained, e.g. "mmap" */
};

struct input
{
  int fd;
  bool is_stdin;
  bool st_ok;                   /* ST holds fstat (FD) */
  struct stat st;
  struct io_tally tally;
  /* Set on a failure that errno alone does not explain, e.g. "too large to
     read up front"; printed before the errno text, if there is one.  */
  char const *error_context;
  unsigned threads;             /* how many counted it, if it was split */
  /* When its size answers -c, move the offset of standard input to the
     end, as GNU wc 9.3 and later do (gnu_rules.bytes_seek_to_end).  */
  bool seek_to_end;
};

/* A strategy returns 0 at end of input, an errno value on failure (the
   counter keeps what was fed before it), INPUT_TRUNCATED when a mapped file
   shrank under it, or STRATEGY_NOT_APPLICABLE when it cannot take this
   input (or the rest of it), which is then read the default way from the
   current offset into the same counter.  */
enum
{
  STRATEGY_NOT_APPLICABLE = -1,
  INPUT_TRUNCATED = -2
};
typedef int strategy_fn (struct input *in, struct counter *c);

strategy_fn read_stream, read_scanner, read_upfront, read_buffering,
  read_mmap, read_mmap2;

struct splitter;

/* Count IN with strategy S into C.  With only bytes wanted, a regular
   file's size answers without reading, as GNU wc does.  A large regular
   file is split across threads as SPLIT allows (NULL: never).  Returns 0,
   an errno value, or a negative value that IN->error_context explains.  */
int count_input (struct input *in, enum strategy s, struct counter *c,
                 struct splitter const *split);

#endif
