/* parallel.c: the thread policy and the ring of names counted ahead.
   Auto threads use what pays on the measured crossovers below and no
   more; the ring keeps the pool busy with batches of names while this
   thread reports them one by one, in order, as one thread would.  */
#include <config.h>

#include "parallel.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "nproc.h"
#include "output.h"
#include "xalloc.h"

/* Auto: one thread per online processor this process may use, but no
   more than this: each costs a buffer, and a few already saturate a disk
   or the memory bus.  */
enum { AUTO_THREADS_MAX = 8 };

/* A file is split only into parts of at least this many bytes, so only a
   file of twice as many is split at all: one size for counting newlines
   and bytes, fast enough that only large files gain, one for the rest.
   Measured on the 2-core machine this was written on (AMD EPYC virtual
   machine, file in the page cache, medians of 9, each run started on an
   idle machine, as a command typed at a shell is), 2 threads against 1:
     -l   64 MiB 1.01x, 128 MiB 1.57x, 546 MB 1.67x
     -w    8 MiB 1.07x,  16 MiB 1.45x,  32 MiB 1.84x, 64 MiB 1.95x
   A split costs about 0.2 ms of CPU time, but the idle second processor
   takes a few milliseconds to start running the new thread, which only
   counting that takes tens of milliseconds can repay: -l counts 1 GB in
   90 ms, the other counts 1 GB in 2.6 s.  Each size is where its gain
   is clear, which also keeps a file on a disk from being read in two
   places at once for little.  */
enum { MIN_PART_LINES = 64 << 20, MIN_PART_SIZE = 8 << 20 };

/* Auto: names are counted in parallel when there are at least this many,
   or when their regular files hold enough to be split.  Measured as above
   on files of 550 bytes: 2 threads against 1, 64 names 0.91x to 0.97x,
   128 names 0.99x to 1.04x, 512 names 1.04x to 1.10x, 10,000 names 1.5x
   (-l, -w and the default counts).  */
enum { AUTO_MIN_OPERANDS = 256 };

/* The smallest part a file is cut into when the counter reads with PASS.
   WC_THREADS_MIN_PART=BYTES, for tests only, sets it, so that small test
   files are cut at every kind of place.  A part starts after a '\n', where
   nothing is carried over, except in the multibyte encodings other than
   UTF-8 (PASS_MULTIBYTE): there mbrtowc may take a '\n' for a byte of an
   unfinished character (GB18030's "\x81\x30\n"), which then needs the
   bytes after it; such files are never cut.  */
uintmax_t
min_part_size (enum counter_pass pass)
{
  if (pass == PASS_MULTIBYTE)
    return UINTMAX_MAX;
  char const *env = getenv ("WC_THREADS_MIN_PART");
  if (env && '1' <= env[0] && env[0] <= '9')
    {
      char *end;
      errno = 0;
      uintmax_t n = strtoumax (env, &end, 10);
      if (!*end && errno == 0)
        return n;
    }
  return pass == PASS_LINES ? MIN_PART_LINES : MIN_PART_SIZE;
}

/* How many threads may count at once.  --stats measures one reader at a
   time, as do the strategies that use no threads.  */
unsigned
thread_count (struct options const *opts)
{
  if (opts->stats || !strategy_uses_threads (opts->strategy))
    return 1;
  if (opts->threads)
    return opts->threads;
  /* The processors this process may run on (its affinity, as taskset
     sets it), at least 1.  */
  unsigned long cpus = num_processors (NPROC_CURRENT);
  return cpus < AUTO_THREADS_MAX ? cpus : AUTO_THREADS_MAX;
}

/* Whether the regular files among the names OPS holds have at least
   LIMIT bytes.  STATUS: the names' statuses, or NULL if not yet taken.  */
static bool
names_hold (struct operands const *ops, struct operand_status const *status,
            uintmax_t limit)
{
  struct operand_status *taken = NULL;
  if (!status)
    status = taken = operands_stat (ops);
  uintmax_t sum = 0;
  for (size_t i = 0; i < ops->n_names; i++)
    if (status[i].ok && S_ISREG (status[i].st.st_mode)
        && 0 < status[i].st.st_size)
      sum += status[i].st.st_size;
  free (taken);
  return limit <= sum;
}

/* Whether to count several names at once.  Names are read one at a time,
   each result printed before the next name is read, when they come from
   standard input or another stream that is not a regular file: whoever
   writes the names may be waiting for the results.  */
bool
parallel_names (struct options const *opts, unsigned threads,
                uintmax_t min_part, struct operands const *ops,
                struct operand_status const *status)
{
  if (threads < 2)
    return false;
  if (ops->files0_from && !ops->tokenized)
    return strcmp (ops->files0_from, "-") != 0 && ops->list_regular;
  if (ops->n_names < 2)
    return false;
  if (opts->threads)
    return true;
  return (AUTO_MIN_OPERANDS <= ops->n_names
          || names_hold (ops, status, 2 * min_part));
}

/* Names are handed to the pool in batches of consecutive ones: a file of a
   few kilobytes is counted in microseconds, and a task for each would cost
   more in locking and waking than it saves.  */
enum { BATCH_MAX = 8 };

struct batch
{
  struct task task;             /* first: the task is its batch */
  struct task_group counted;
  struct name_work const *work;
  unsigned char *items;         /* room for BATCH_MAX items */
  size_t n;
};

static void *
batch_item (struct batch const *b, size_t i)
{
  return b->items + i * b->work->size;
}

static void
count_batch (struct task *t)
{
  struct batch *b = (struct batch *) t;
  for (size_t i = 0; i < b->n; i++)
    b->work->count (batch_item (b, i));
}

/* How many names the next batch takes: up to BATCH_MAX, but no more than
   a quarter of what each of the THREADS has left, so that the threads
   finish together when few names remain.  */
static size_t
batch_size (unsigned threads, struct operands const *ops)
{
  if (!ops->n_names)
    return BATCH_MAX;
  size_t share = (ops->n_names - operands_seen (ops)) / (4 * threads);
  return share < 1 ? 1 : share < BATCH_MAX ? share : BATCH_MAX;
}

/* The ring holds at most four batches per thread ahead of the name being
   finished.  */
bool
count_names_ahead (struct pool *pool, unsigned threads,
                   struct operands *ops, struct name_work const *work,
                   enum argv_iter_err *ai_err, int *list_errno)
{
  size_t ahead = 4 * (size_t) threads;
  struct batch *ring = xnmalloc (ahead, sizeof *ring);
  unsigned char *items = xnmalloc (ahead, BATCH_MAX * work->size);
  for (size_t i = 0; i < ahead; i++)
    {
      ring[i].work = work;
      ring[i].items = items + i * BATCH_MAX * work->size;
    }
  size_t first = 0, waiting = 0;
  bool more = true, ok = true;
  *ai_err = AI_ERR_EOF;
  *list_errno = 0;
  while (more || waiting)
    {
      for (; more && waiting < ahead; waiting++)
        {
          struct batch *b = &ring[(first + waiting) % ahead];
          size_t size = batch_size (threads, ops);
          for (b->n = 0; b->n < size; b->n++)
            {
              char *name = operands_next (ops, ai_err);
              if (!name)
                {
                  *list_errno = errno;
                  more = false;
                  break;
                }
              work->start (batch_item (b, b->n), name, ops, work->context);
            }
          if (!b->n)
            break;
          b->counted = (struct task_group) { 0 };
          b->task = (struct task) { .run = count_batch, .group = &b->counted };
          pool_submit (pool, &b->task, false);
        }
      if (!waiting)
        break;
      struct batch *b = &ring[first];
      pool_wait_working (pool, &b->counted);
      for (size_t i = 0; i < b->n; i++)
        ok &= work->finish (batch_item (b, i), work->context);
      first = (first + 1) % ahead;
      waiting--;
    }
  free (items);
  free (ring);
  return ok;
}
