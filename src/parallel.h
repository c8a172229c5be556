/* parallel.h: counting on several threads: how many threads a run may
   use, how large the parts of a split file are, whether the names are
   counted several at once (the measured thresholds behind --threads=auto),
   and counting them so on a pool, ahead of reporting each in order.  */
#ifndef WC_PARALLEL_H
#define WC_PARALLEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "counter.h"
#include "operands.h"
#include "pool.h"

/* How many threads may count at once under OPTS.  */
unsigned thread_count (struct options const *opts);

/* The smallest part a file is cut into when the counter reads with PASS.  */
uintmax_t min_part_size (enum counter_pass pass);

struct operand_status;

/* Whether THREADS threads count several of the names OPS holds at once,
   under OPTS, when a file is cut into parts of at least MIN_PART bytes.
   STATUS: the names' statuses (see operands_stat), or NULL if they were
   not taken.  */
bool parallel_names (struct options const *opts, unsigned threads,
                     uintmax_t min_part, struct operands const *ops,
                     struct operand_status const *status);

/* What is done with each name, kept in an item of SIZE bytes from when
   the name is read until it has been reported.  */
struct name_work
{
  size_t size;
  /* Set ITEM up for NAME, which OPS has just returned, and may overwrite
     with the next name.  */
  void (*start) (void *item, char *name, struct operands const *ops,
                 void *context);
  /* Do the part of ITEM's work that may run on any thread, in any order.  */
  void (*count) (void *item);
  /* On the thread that called count_names_ahead, in the order of the
     names: do the rest, report ITEM and free what START took.  Returns
     whether it went well.  */
  bool (*finish) (void *item, void *context);
  void *context;                /* passed to START and FINISH */
};

/* Do WORK for each name OPS yields, counting on POOL and this thread, at
   most THREADS names at once, a bounded number of names ahead of the one
   being finished, so that memory stays bounded however many there are.
   Returns whether every FINISH went well; *AI_ERR and *LIST_ERRNO say why
   the names ended (see argv_iter).  */
bool count_names_ahead (struct pool *pool, unsigned threads,
                        struct operands *ops, struct name_work const *work,
                        enum argv_iter_err *ai_err, int *list_errno);

#endif
