/* wc.c: main(): parse the command line, count each named input, print its
   line and the total, and decide the exit status.  With threads, workers
   count the files and the main thread prints every line and message, in
   the order of the names, exactly as one thread would.  */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
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
#include "parallel.h"
#include "progname.h"
#include "progress.h"
#include "quoting.h"
#include "split.h"
#include "stats.h"
#include "xalloc.h"

#define _(msgid) gettext (msgid)
#define N_(msgid) msgid

/* What stays the same for every input of one run.  */
struct run
{
  struct options opts;
  struct char_rules rules;
  enum counter_pass pass;       /* how the counter reads for OPTS.wanted */
  int width;                    /* field width of every count */
  struct counts total;
  struct counts_overflow total_overflow;  /* which sums of TOTAL wrapped */
  bool debug_said;              /* --debug named the line kernel once */
  bool read_stdin;              /* stdin must be closed, and checked, at exit */
  unsigned threads;             /* at most this many count at once */
  bool threads_chosen;          /* THREADS and POOL are set (choose_threads) */
  struct pool *pool;            /* NULL with one thread */
  struct splitter split;        /* how a large file is cut into parts */
  bool in_order;                /* one name at a time: TOTAL is the running
                                   total while a name is counted */
};

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
  char *name;
  bool owns_name;               /* NAME was copied: the iterator reuses it */
  size_t position;              /* its number in the --files0-from list */
  int open_err;                 /* 0: opened */
  struct input in;
  int err;
  struct counts counts;
  int close_err;
};

static void
outcome_init (struct outcome *o, struct run const *run,
              struct operands const *ops, char *name, bool copy)
{
  memset (o, 0, sizeof *o);
  o->run = run;
  o->in.is_stdin = !name || strcmp (name, "-") == 0;
  o->in.seek_to_end = run->opts.gnu->bytes_seek_to_end;
  o->name = name && copy ? xstrdup (name) : name;
  o->owns_name = name && copy;
  o->position = operands_seen (ops);
  char const *list = run->opts.files0_from;
  if (list && strcmp (list, "-") == 0 && o->in.is_stdin)
    o->kind = NAME_STDIN_LISTED;
  else if (name && !name[0])
    o->kind = NAME_EMPTY;
  else
    o->kind = NAME_INPUT;
}

/* Whether O names an input to count, rather than a name only reported
   as invalid.  */
static bool
outcome_counts_input (struct outcome const *o)
{
  return o->kind == NAME_INPUT;
}

static void
outcome_free (struct outcome *o)
{
  if (o->owns_name)
    free (o->name);
}

/* Open the input of O and take its status.  Returns false if it cannot
   be opened; the message waits for the report.  */
static bool
open_outcome (struct outcome *o)
{
  struct input *in = &o->in;
  in->fd = STDIN_FILENO;
  if (!in->is_stdin)
    {
      in->fd = open (o->name, O_RDONLY);
      if (in->fd < 0)
        {
          o->open_err = errno;
          return false;
        }
    }
  in->st_ok = fstat (in->fd, &in->st) == 0;
  return true;
}

/* Count the opened input of O, and close it; messages wait for the
   report.  Runs on any thread, but a --stats run has only one.  */
static void
count_opened (struct outcome *o)
{
  struct run const *run = o->run;
  struct input *in = &o->in;
  struct counter c;
  counter_init (&c, &run->rules, run->opts.wanted);
  struct progress_subject subject;
  progress_begin (&subject, o->name, in, run->opts.wanted,
                  run->in_order && 1 < o->position ? &run->total : NULL);
  c.progress = &subject;
  struct stats_probe probe;
  if (run->opts.stats)
    stats_start (&probe);
  o->err = count_input (in, run->opts.strategy, &c,
                        run->pool ? &run->split : NULL);
  if (o->err)
    counter_drop_cut (&c);
  progress_end (&subject, &c);
  o->counts = counter_finish (&c);
  if (run->opts.stats)
    stats_finish (&probe, in->is_stdin ? "-" : o->name, run->opts.strategy,
                  &in->tally, o->counts.bytes);
  if (!in->is_stdin && close (in->fd) != 0)
    o->close_err = errno;
}

static void
count_outcome (struct outcome *o)
{
  if (open_outcome (o))
    count_opened (o);
}

/* Decide how many threads count, and make their pool if more than one.  */
static void
choose_threads (struct run *run)
{
  run->threads_chosen = true;
  run->threads = thread_count (&run->opts);
  if (1 < run->threads)
    {
      /* The main thread counts too: the first part of a file it splits,
         and any file while it waits for the one to print next.  */
      run->pool = pool_create (run->threads - 1);
      run->split.pool = run->pool;
      run->split.max_parts = run->threads;
    }
}

/* The message for the read error of O, whose name is shown as SHOWN.  */
static void
report_read_error (struct outcome const *o, char const *shown)
{
  if (o->in.error_context)
    error (0, o->err < 0 ? 0 : o->err, "%s: %s", quotef (shown),
           o->in.error_context);
  else
    error (0, o->err, "%s", quotef (shown));
}

/* Add C to the total, noting the sums that wrap.  Characters are only
   counted when printed (the counter otherwise gives the bytes there).  */
static void
add_to_total (struct run *run, struct counts const *c)
{
  struct counts_overflow o = counts_add (&run->total, c);
  struct counts_overflow *t = &run->total_overflow;
  t->lines |= o.lines;
  t->words |= o.words;
  t->chars |= o.chars && (run->opts.wanted & WANT_CHARS);
  t->bytes |= o.bytes;
}

/* Under the rules that saturate, each total that wrapped becomes the
   largest value, with a message.  Returns false if one did.  */
static bool
saturate_total (struct run *run)
{
  struct counts_overflow const *o = &run->total_overflow;
  struct counts *t = &run->total;
  if (!run->opts.gnu->saturate_totals)
    return true;
  struct { bool wrapped; uintmax_t *value; char const *what; } const sums[] =
    {
      { o->lines, &t->lines, N_("total lines") },
      { o->words, &t->words, N_("total words") },
      { o->chars, &t->chars, N_("total characters") },
      { o->bytes, &t->bytes, N_("total bytes") },
    };
  bool ok = true;
  for (size_t i = 0; i < sizeof sums / sizeof *sums; i++)
    if (sums[i].wrapped)
      {
        *sums[i].value = UINTMAX_MAX;
        error (0, EOVERFLOW, "%s", _(sums[i].what));
        ok = false;
      }
  return ok;
}

/* Print what O gave: its messages and count line, in the order one
   thread prints them; add it to the total.  Returns whether it went well.  */
static bool
report_now (struct run *run, struct outcome const *o)
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
  if (o->in.is_stdin)
    run->read_stdin = true;
  if (o->open_err)
    {
      error (0, o->open_err, "%s", quotef (o->name));
      return false;
    }

  char const *shown = o->name ? o->name : _("standard input");
  struct gnu_rules const *gnu = run->opts.gnu;
  if (run->opts.debug && run->pass == PASS_LINES
      && !(gnu->debug_once && run->debug_said))
    {
      char const *kernel;
      counter_newline_kernel (&kernel);
      error (0, 0, "%s", kernel);
      run->debug_said = true;
    }
  if (run->opts.debug && 1 < o->in.threads)
    error (0, 0, "%s: split across %u threads", quotef (shown),
           o->in.threads);

  bool ok = o->err == 0;
  if (!ok && !gnu->error_after_counts)
    report_read_error (o, shown);
  if (run->opts.total != TOTAL_ONLY)
    print_counts (&o->counts, run->opts.wanted, run->width, o->name);
  if (!ok && gnu->error_after_counts)
    report_read_error (o, shown);
  add_to_total (run, &o->counts);
  if (o->close_err)
    {
      error (0, o->close_err, "%s", quotef (o->name));
      ok = false;
    }
  return ok;
}

/* The same, with no progress status line drawn meanwhile: other threads
   may be counting.  */
static bool
report (struct run *run, struct outcome const *o)
{
  progress_pause ();
  bool ok = report_now (run, o);
  progress_resume ();
  return ok;
}

/* Count NAME (NULL: stdin without an operand) on this thread and report.  */
static bool
count_one (struct run *run, struct operands const *ops, char *name)
{
  struct outcome o;
  outcome_init (&o, run, ops, name, false);
  if (outcome_counts_input (&o) && open_outcome (&o))
    {
      if (!run->threads_chosen && may_split (&o.in, run->split.min_part))
        choose_threads (run);
      count_opened (&o);
    }
  return report (run, &o);
}

/* GNU wc's width rule needs every operand's status before the first line
   is printed, but no stat with one input and one count (width 1).
   Returns the statuses (operands_known (OPS) of them), or NULL if the
   rule needs none.  */
static struct operand_status *
stat_for_width (struct run const *run, struct operands const *ops)
{
  unsigned w = run->opts.wanted;
  bool one_count = (w & (w - 1)) == 0;
  if (run->opts.total == TOTAL_ONLY)
    return NULL;
  if (ops->files0_from && !ops->tokenized)
    return NULL;
  size_t n = operands_known (ops);
  if (n == 0 || (n == 1 && one_count))
    return NULL;
  return operands_stat (ops);
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

/* The names' outcomes as the ring of parallel.c handles them.  */

static void
start_outcome (void *item, char *name, struct operands const *ops,
               void *run)
{
  /* A streamed list reuses its buffer for the next name.  */
  outcome_init (item, run, ops, name, ops->files0_from && !ops->tokenized);
}

/* Standard input is left to the main thread, to count when its turn
   comes, so that it is read in order too.  */
static void
count_unless_stdin (void *item)
{
  struct outcome *o = item;
  if (outcome_counts_input (o) && !o->in.is_stdin)
    count_outcome (o);
}

static bool
finish_outcome (void *item, void *run)
{
  struct outcome *o = item;
  if (outcome_counts_input (o) && o->in.is_stdin)
    count_outcome (o);
  bool ok = report (run, o);
  outcome_free (o);
  return ok;
}

/* Count the names OPS yields on the pool, several at once, and report
   each in order; returns false if any failed.  */
static bool
count_names_in_parallel (struct run *run, struct operands *ops)
{
  struct name_work work = { .size = sizeof (struct outcome),
                            .start = start_outcome,
                            .count = count_unless_stdin,
                            .finish = finish_outcome, .context = run };
  enum argv_iter_err ai_err;
  int list_errno;
  bool ok = count_names_ahead (run->pool, run->threads, ops, &work,
                               &ai_err, &list_errno);
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
  progress_setup (run.opts.progress);
  char_rules_init (&run.rules, run.opts.gnu,
                   getenv ("POSIXLY_CORRECT") != NULL);
  /* Only a set other than the build's is named, so that --debug says
     what GNU's does when the rules are the system wc's.  */
  if (run.opts.debug && run.opts.gnu != gnu_rules_default)
    error (0, 0, "following GNU wc %s rules", run.opts.gnu->version);
  run.pass = counter_pass_for (&run.rules, run.opts.wanted);

  struct operands ops;
  operands_open (&ops, run.opts.files0_from, run.opts.operands,
                 run.opts.n_operands);
  struct operand_status *status = stat_for_width (&run, &ops);
  run.width = (status ? field_width (status, operands_known (&ops),
                                     run.opts.gnu->saturate_totals)
               : 1);

  /* Several names may be counted at once: their threads are chosen now.
     One input at most gains from threads only by being split, which most
     inputs are too small for: its threads are chosen once its size is
     known (count_one), which spares a run over one small file counting the
     processors and making a pool, a system call and a dozen functions of
     the C library to bind.  */
  run.threads = 1;
  run.split.min_part = min_part_size (run.pass);
  if (run.opts.files0_from || 1 < ops.n_names)
    choose_threads (&run);

  bool parallel = parallel_names (&run.opts, run.threads, run.split.min_part,
                                 &ops, status);
  free (status);
  run.in_order = !parallel;
  bool ok;
  if (parallel)
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
    {
      ok &= saturate_total (&run);
      print_counts (&run.total, run.opts.wanted, run.width,
                    run.opts.total == TOTAL_ONLY ? NULL : _("total"));
    }
  if (run.opts.stats)
    stats_report (run.opts.strategy);
  operands_close (&ops);

  if (run.read_stdin && close (STDIN_FILENO) != 0)
    error (EXIT_FAILURE, errno, "-");
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
