/* wc.c: main(): parse the command line, count each named input, print its
   line and the total, and decide the exit status.  With threads, workers
   count the files and the main thread prints every line and message, in
   the order of the names, exactly as one thread would.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <locale.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "closeout.h"
#include "counter.h"
#include "error.h"
#include "gettext.h"
#include "input.h"
#include "operands.h"
#include "output.h"
#include "pool.h"
#include "progname.h"
#include "quoting.h"
#include "split.h"
#include "stats.h"
#include "xalloc.h"

#define _(msgid) gettext (msgid)

/* What stays the same for every input of one run.  */
struct run
{
  struct options opts;
  struct char_rules rules;
  int width;                    /* field width of every count */
  struct counts total;
  bool read_stdin;              /* stdin must be closed, and checked, at exit */
  unsigned threads;             /* at most this many count at once */
  struct pool *pool;            /* NULL with one thread */
  struct splitter split;        /* how a large file is cut into parts */
  bool sized_names;             /* the operands were stat'ed: ... */
  uintmax_t named_bytes;        /* ... their regular files hold this much */
};

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

/* One name and what counting it gave, kept until its turn to be reported.
   A worker fills it; only the main thread prints.  */
struct outcome
{
  struct run const *run;
  enum
    {
      NAME_INPUT,               /* a file, or stdin (NAME NULL or "-") */
      NAME_STDIN_LISTED,        /* "-" in a list read from stdin */
      NAME_EMPTY                /* a zero-length name */
    } kind;
  bool is_stdin;
  char *name;
  bool owns_name;               /* NAME was copied: the iterator reuses it */
  size_t position;              /* its number in the --files0-from list */
  bool opened;
  int open_err;
  struct input in;
  int err;
  enum counter_pass pass;
  struct counts counts;
  int close_err;
};

static void
outcome_init (struct outcome *o, struct run const *run,
              struct operands const *ops, char *name, bool copy)
{
  memset (o, 0, sizeof *o);
  o->run = run;
  o->is_stdin = !name || strcmp (name, "-") == 0;
  o->name = name && copy ? xstrdup (name) : name;
  o->owns_name = name && copy;
  o->position = operands_seen (ops);
  char const *list = run->opts.files0_from;
  if (list && strcmp (list, "-") == 0 && o->is_stdin)
    o->kind = NAME_STDIN_LISTED;
  else if (name && !name[0])
    o->kind = NAME_EMPTY;
  else
    o->kind = NAME_INPUT;
}

static void
outcome_free (struct outcome *o)
{
  if (o->owns_name)
    free (o->name);
}

/* Open and count the input of O, and close it; messages wait for the
   report.  Runs on any thread, but a --stats run has only one.  */
static void
count_outcome (struct outcome *o)
{
  struct run const *run = o->run;
  struct input *in = &o->in;
  in->fd = STDIN_FILENO;
  in->is_stdin = o->is_stdin;
  if (!in->is_stdin)
    {
      in->fd = open (o->name, O_RDONLY);
      if (in->fd < 0)
        {
          o->open_err = errno;
          return;
        }
    }
  o->opened = true;
  in->st_ok = fstat (in->fd, &in->st) == 0;

  struct counter c;
  counter_init (&c, &run->rules, run->opts.wanted);
  o->pass = c.pass;
  struct stats_probe probe;
  if (run->opts.stats)
    stats_start (&probe);
  o->err = count_input (in, run->opts.strategy, &c,
                        run->pool ? &run->split : NULL);
  o->counts = counter_finish (&c);
  if (run->opts.stats)
    stats_finish (&probe, in->is_stdin ? "-" : o->name, run->opts.strategy,
                  &in->tally, o->counts.bytes);
  if (!in->is_stdin && close (in->fd) != 0)
    o->close_err = errno;
}

/* Print what O gave: its messages and count line, in the order one
   thread prints them; add it to the total.  Returns whether it went well.  */
static bool
report (struct run *run, struct outcome const *o)
{
  char const *list = run->opts.files0_from;
  switch (o->kind)
    {
    case NAME_STDIN_LISTED:
      /* The list itself is standard input.  */
      error (0, 0, _("when reading file names from stdin, "
                     "no file name of %s allowed"), quoteaf (o->name));
      return false;
    case NAME_EMPTY:
      if (list)
        error (0, 0, "%s:%zu: %s", quotef (list), o->position,
               _("invalid zero-length file name"));
      else
        error (0, 0, "%s", _("invalid zero-length file name"));
      return false;
    case NAME_INPUT: default:
      break;
    }
  if (o->is_stdin)
    run->read_stdin = true;
  if (!o->opened)
    {
      error (0, o->open_err, "%s", quotef (o->name));
      return false;
    }

  char const *shown = o->name ? o->name : _("standard input");
  if (run->opts.debug && o->pass == PASS_LINES)
    {
      char const *kernel;
      counter_newline_kernel (&kernel);
      error (0, 0, "%s", kernel);
    }
  if (run->opts.debug && 1 < o->in.threads)
    error (0, 0, "%s: split across %u threads", quotef (shown),
           o->in.threads);

  bool ok = o->err == 0;
  if (!ok)
    {
      if (o->in.error_context)
        error (0, o->err < 0 ? 0 : o->err, "%s: %s", quotef (shown),
               o->in.error_context);
      else
        error (0, o->err, "%s", quotef (shown));
    }
  if (run->opts.total != TOTAL_ONLY)
    print_counts (&o->counts, run->opts.wanted, run->width, o->name);
  counts_add (&run->total, &o->counts);
  if (o->close_err)
    {
      error (0, o->close_err, "%s", quotef (o->name));
      ok = false;
    }
  return ok;
}

/* Count NAME (NULL: stdin without an operand) on this thread and report.  */
static bool
count_one (struct run *run, struct operands const *ops, char *name)
{
  struct outcome o;
  outcome_init (&o, run, ops, name, false);
  if (o.kind == NAME_INPUT)
    count_outcome (&o);
  return report (run, &o);
}

/* GNU wc's width rule needs every operand's status before the first line
   is printed.  With one input and one count, no stat is needed: width 1.
   What the statuses say of the operands' sizes is kept for auto threads.  */
static int
compute_width (struct run *run, struct operands const *ops)
{
  unsigned w = run->opts.wanted;
  bool one_count = (w & (w - 1)) == 0;
  if (run->opts.total == TOTAL_ONLY)
    return 1;
  if (ops->files0_from && !ops->tokenized)
    return 1;
  size_t n = ops->n_names ? ops->n_names : (ops->files0_from ? 0 : 1);
  if (n == 0 || (n == 1 && one_count))
    return 1;
  struct operand_status *status = xnmalloc (n, sizeof *status);
  for (size_t i = 0; i < n; i++)
    {
      char const *name = ops->n_names ? ops->names[i] : NULL;
      status[i].ok = (!name || strcmp (name, "-") == 0
                      ? fstat (STDIN_FILENO, &status[i].st)
                      : stat (name, &status[i].st)) == 0;
    }
  int width = field_width (status, n);
  run->sized_names = true;
  for (size_t i = 0; i < n; i++)
    if (status[i].ok && S_ISREG (status[i].st.st_mode)
        && 0 < status[i].st.st_size)
      run->named_bytes += status[i].st.st_size;
  free (status);
  return width;
}

/* The end of the names: report why, if it was not the end of the list
   (a read error, ERRNO_VALUE saying which).  */
static bool
names_ended (struct run const *run, enum argv_iter_err ai_err,
             int errno_value)
{
  if (ai_err == AI_ERR_READ)
    {
      error (0, errno_value, _("%s: read error"),
             quotef (run->opts.files0_from));
      return false;
    }
  if (ai_err == AI_ERR_MEM)
    xalloc_die ();
  return true;
}

/* Count every name OPS yields, one after the other; returns false if any
   failed.  */
static bool
count_names (struct run *run, struct operands *ops)
{
  bool ok = true;
  for (;;)
    {
      enum argv_iter_err ai_err;
      char *name = operands_next (ops, &ai_err);
      if (!name)
        return names_ended (run, ai_err, errno) && ok;
      ok &= count_one (run, ops, name);
    }
}

/* Names are handed to the pool in batches of consecutive ones: a file of a
   few kilobytes is counted in microseconds, and a task for each would cost
   more in locking and waking than it saves.  */
enum { BATCH_MAX = 8 };

struct batch
{
  struct task task;             /* first: the task is its batch */
  struct task_group counted;
  size_t n;
  struct outcome outcome[BATCH_MAX];
};

static void
count_batch (struct task *t)
{
  struct batch *b = (struct batch *) t;
  for (size_t i = 0; i < b->n; i++)
    if (b->outcome[i].kind == NAME_INPUT && !b->outcome[i].is_stdin)
      count_outcome (&b->outcome[i]);
}

/* How many names the next batch takes: up to BATCH_MAX, but no more than
   a quarter of what each thread has left, so that the threads finish
   together when few names remain.  */
static size_t
batch_size (struct run const *run, struct operands const *ops)
{
  if (!ops->n_names)
    return BATCH_MAX;
  size_t share = (ops->n_names - operands_seen (ops)) / (4 * run->threads);
  return share < 1 ? 1 : share < BATCH_MAX ? share : BATCH_MAX;
}

/* Count the names OPS yields on the pool, in batches, at most four batches
   per thread ahead of the name being reported, so that memory stays
   bounded however many names there are; report each name in order.
   Standard input is counted by this thread when its turn comes, so that
   it is read in order too.  */
static bool
count_names_in_parallel (struct run *run, struct operands *ops)
{
  size_t ahead = 4 * (size_t) run->threads;
  struct batch *ring = xnmalloc (ahead, sizeof *ring);
  /* A streamed list reuses its buffer for the next name.  */
  bool copy = ops->files0_from && !ops->tokenized;
  size_t first = 0, waiting = 0;
  bool more = true, ok = true;
  enum argv_iter_err ai_err = AI_ERR_EOF;
  int list_errno = 0;
  while (more || waiting)
    {
      for (; more && waiting < ahead; waiting++)
        {
          struct batch *b = &ring[(first + waiting) % ahead];
          size_t size = batch_size (run, ops);
          for (b->n = 0; b->n < size; b->n++)
            {
              char *name = operands_next (ops, &ai_err);
              if (!name)
                {
                  list_errno = errno;
                  more = false;
                  break;
                }
              outcome_init (&b->outcome[b->n], run, ops, name, copy);
            }
          if (!b->n)
            break;
          b->counted = (struct task_group) { 0 };
          b->task = (struct task) { .run = count_batch, .group = &b->counted };
          pool_submit (run->pool, &b->task, false);
        }
      if (!waiting)
        break;
      struct batch *b = &ring[first];
      pool_wait_working (run->pool, &b->counted);
      for (size_t i = 0; i < b->n; i++)
        {
          struct outcome *o = &b->outcome[i];
          if (o->kind == NAME_INPUT && o->is_stdin)
            count_outcome (o);
          ok &= report (run, o);
          outcome_free (o);
        }
      first = (first + 1) % ahead;
      waiting--;
    }
  free (ring);
  return names_ended (run, ai_err, list_errno) && ok;
}

static bool
total_wanted (struct run const *run, size_t names)
{
  switch (run->opts.total)
    {
    case TOTAL_AUTO: return 1 < names;
    case TOTAL_NEVER: return false;
    case TOTAL_ALWAYS: case TOTAL_ONLY: default: return true;
    }
}

/* The smallest part a file is cut into when counting with RULES and
   WANTED.  WC_THREADS_MIN_PART=BYTES, for tests only, sets it, so that
   small test files are cut at every kind of place.  */
static uintmax_t
min_part_size (struct char_rules const *rules, unsigned wanted)
{
  char const *env = getenv ("WC_THREADS_MIN_PART");
  if (env && '1' <= env[0] && env[0] <= '9')
    {
      char *end;
      errno = 0;
      uintmax_t n = strtoumax (env, &end, 10);
      if (!*end && errno == 0)
        return n;
    }
  return (counter_pass_for (rules, wanted) == PASS_LINES
          ? MIN_PART_LINES : MIN_PART_SIZE);
}

/* How many threads may count at once.  Strategies other than the default
   and mmap measure how one reader behaves, and --stats measures one
   reader at a time: they always run on one thread.  */
static unsigned
thread_count (struct options const *opts)
{
  if (opts->stats || (opts->strategy != STRATEGY_STREAM
                      && opts->strategy != STRATEGY_MMAP))
    return 1;
  if (opts->threads)
    return opts->threads;
  long cpus = sysconf (_SC_NPROCESSORS_ONLN);
  /* Fewer, if this process may run on only some of them (taskset).  */
  cpu_set_t allowed;
  if (sched_getaffinity (0, sizeof allowed, &allowed) == 0
      && 0 < CPU_COUNT (&allowed) && CPU_COUNT (&allowed) < cpus)
    cpus = CPU_COUNT (&allowed);
  return cpus < 1 ? 1 : cpus < AUTO_THREADS_MAX ? cpus : AUTO_THREADS_MAX;
}

/* Whether regular files among the N NAMES hold at least LIMIT bytes.  */
static bool
names_hold (struct run const *run, char *const *names, size_t n,
            uintmax_t limit)
{
  if (run->sized_names)
    return limit <= run->named_bytes;
  uintmax_t sum = 0;
  for (size_t i = 0; i < n && sum < limit; i++)
    {
      struct stat st;
      if (strcmp (names[i], "-") != 0 && stat (names[i], &st) == 0
          && S_ISREG (st.st_mode) && 0 < st.st_size)
        sum += st.st_size;
    }
  return limit <= sum;
}

/* Whether to count several names at once.  Names are read one at a time,
   each result printed before the next name is read, when they come from
   standard input or another stream that is not a regular file: whoever
   writes the names may be waiting for the results.  */
static bool
parallel_names (struct run const *run, struct operands const *ops)
{
  if (run->threads < 2)
    return false;
  if (ops->files0_from && !ops->tokenized)
    {
      struct stat st;
      return (strcmp (ops->files0_from, "-") != 0
              && fstat (fileno (ops->list), &st) == 0 && S_ISREG (st.st_mode));
    }
  if (ops->n_names < 2)
    return false;
  if (run->opts.threads)
    return true;
  return (AUTO_MIN_OPERANDS <= ops->n_names
          || names_hold (run, ops->names, ops->n_names,
                         2 * run->split.min_part));
}

int
main (int argc, char **argv)
{
  set_program_name (argv[0]);
  setlocale (LC_ALL, "");
#if ENABLE_NLS
  bindtextdomain ("coreutils", CATALOG_DIR);
  textdomain ("coreutils");
#endif
  atexit (close_stdout);
  /* One write per line, so that parallel runs never interleave lines.  */
  setvbuf (stdout, NULL, _IOLBF, 0);

  struct run run = { 0 };
  parse_command_line (argc, argv, &run.opts);
  char_rules_init (&run.rules, getenv ("POSIXLY_CORRECT") != NULL);

  struct operands ops;
  operands_open (&ops, run.opts.files0_from, run.opts.operands,
                 run.opts.n_operands);
  run.width = compute_width (&run, &ops);

  run.threads = thread_count (&run.opts);
  if (1 < run.threads)
    {
      /* The main thread counts too: the first part of a file it splits,
         and any file while it waits for the one to print next.  */
      run.pool = pool_create (run.threads - 1);
      run.split = (struct splitter) { run.pool, run.threads,
                                      min_part_size (&run.rules,
                                                     run.opts.wanted) };
    }

  bool ok;
  if (parallel_names (&run, &ops))
    {
      if (run.opts.debug)
        error (0, 0, "counting files on up to %u threads", run.threads);
      ok = count_names_in_parallel (&run, &ops);
    }
  else
    ok = count_names (&run, &ops);
  size_t names = operands_seen (&ops);
  /* No operand means standard input; an empty list means nothing.  */
  if (!run.opts.files0_from && names == 0)
    ok &= count_one (&run, &ops, NULL);
  if (run.pool)
    pool_destroy (run.pool);

  if (total_wanted (&run, names))
    print_counts (&run.total, run.opts.wanted, run.width,
                  run.opts.total == TOTAL_ONLY ? NULL : _("total"));
  if (run.opts.stats)
    stats_report (run.opts.strategy);
  operands_close (&ops);

  if (run.read_stdin && close (STDIN_FILENO) != 0)
    error (EXIT_FAILURE, errno, "-");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
