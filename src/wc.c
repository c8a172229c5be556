/* wc.c: main(): parse the command line, count each named input, print its
   line and the total, and decide the exit status.  */
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
#include "progname.h"
#include "quoting.h"
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
};

static void
say_debug (struct run const *run, struct counter const *c)
{
  if (run->opts.debug && c->pass == PASS_LINES)
    {
      char const *report;
      counter_newline_kernel (&report);
      error (0, 0, "%s", report);
    }
}

/* Count one input: NAME is NULL for stdin without an operand, "-" for stdin
   named, else a file to open.  Print its line, add it to the total, and
   return whether it was counted without error.  */
static bool
count_one (struct run *run, char const *name)
{
  struct input in = { .fd = STDIN_FILENO };
  in.is_stdin = !name || strcmp (name, "-") == 0;
  char const *shown = name ? name : _("standard input");
  if (in.is_stdin)
    run->read_stdin = true;
  else
    {
      in.fd = open (name, O_RDONLY);
      if (in.fd < 0)
        {
          error (0, errno, "%s", quotef (name));
          return false;
        }
    }
  in.st_ok = fstat (in.fd, &in.st) == 0;

  struct counter c;
  counter_init (&c, &run->rules, run->opts.wanted);
  say_debug (run, &c);
  struct stats_probe probe;
  if (run->opts.stats)
    stats_start (&probe);

  int err = count_input (&in, run->opts.strategy, &c);
  bool ok = err == 0;
  if (!ok)
    {
      if (in.error_context)
        error (0, err < 0 ? 0 : err, "%s: %s", quotef (shown),
               in.error_context);
      else
        error (0, err, "%s", quotef (shown));
    }

  struct counts counts = counter_finish (&c);
  if (run->opts.total != TOTAL_ONLY)
    print_counts (&counts, run->opts.wanted, run->width, name);
  counts_add (&run->total, &counts);
  if (run->opts.stats)
    stats_finish (&probe, in.is_stdin ? "-" : name, run->opts.strategy,
                  &in.tally, counts.bytes);

  if (!in.is_stdin && close (in.fd) != 0)
    {
      error (0, errno, "%s", quotef (name));
      ok = false;
    }
  return ok;
}

/* GNU wc's width rule needs every operand's status before the first line
   is printed.  With one input and one count, no stat is needed: width 1.  */
static int
compute_width (struct run const *run, struct operands const *ops)
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
  free (status);
  return width;
}

/* Count every name ITER yields; returns false if any failed.  */
static bool
count_names (struct run *run, struct operands *ops)
{
  bool ok = true;
  char const *list = run->opts.files0_from;
  for (;;)
    {
      enum argv_iter_err ai_err;
      char *name = operands_next (ops, &ai_err);
      if (!name)
        {
          if (ai_err == AI_ERR_READ)
            {
              error (0, errno, _("%s: read error"), quotef (list));
              ok = false;
            }
          else if (ai_err == AI_ERR_MEM)
            xalloc_die ();
          return ok;
        }
      if (list && strcmp (list, "-") == 0 && strcmp (name, "-") == 0)
        {
          /* The list itself is standard input.  */
          error (0, 0, _("when reading file names from stdin, "
                         "no file name of %s allowed"), quoteaf (name));
          ok = false;
        }
      else if (!name[0])
        {
          if (list)
            error (0, 0, "%s:%zu: %s", quotef (list), operands_seen (ops),
                   _("invalid zero-length file name"));
          else
            error (0, 0, "%s", _("invalid zero-length file name"));
          ok = false;
        }
      else
        ok &= count_one (run, name);
    }
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
  char_rules_init (&run.rules, getenv ("POSIXLY_CORRECT") != NULL);

  struct operands ops;
  operands_open (&ops, run.opts.files0_from, run.opts.operands,
                 run.opts.n_operands);
  run.width = compute_width (&run, &ops);

  bool ok = count_names (&run, &ops);
  size_t names = operands_seen (&ops);
  /* No operand means standard input; an empty list means nothing.  */
  if (!run.opts.files0_from && names == 0)
    ok &= count_one (&run, NULL);

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
