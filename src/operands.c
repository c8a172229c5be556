/* operands.c: iterate over the names to count.  A --files0-from list that
   is a regular file of at most 10 MiB (and half the available memory) is
   read whole, so that every name can be stat'ed for the column width
   before counting, as GNU wc does; any other list is streamed one name at
   a time, so that results appear as names arrive and memory stays bounded.  */
#include <config.h>

#include "operands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "gettext.h"
#include "output.h"
#include "physmem.h"
#include "quoting.h"
#include "xalloc.h"

#define _(msgid) gettext (msgid)

/* Whether a regular file of SIZE bytes is small enough to read whole.  */
static bool
small_enough (off_t size)
{
  double limit = physmem_available () / 2;
  if (10 * 1024 * 1024 < limit)
    limit = 10 * 1024 * 1024;
  return size <= limit;
}

void
operands_open (struct operands *ops, char const *files0_from,
               char **operands, int n)
{
  memset (ops, 0, sizeof *ops);
  ops->files0_from = files0_from;
  if (!files0_from)
    {
      ops->names = operands;
      ops->n_names = n;
      ops->iter = argv_iter_init_argv (operands);
    }
  else
    {
      if (strcmp (files0_from, "-") == 0)
        ops->list = stdin;
      else
        {
          ops->list = fopen (files0_from, "r");
          if (!ops->list)
            error (EXIT_FAILURE, errno, _("cannot open %s for reading"),
                   quoteaf (files0_from));
        }
      struct stat st;
      ops->list_regular = (fstat (fileno (ops->list), &st) == 0
                           && S_ISREG (st.st_mode));
      if (ops->list_regular && small_enough (st.st_size))
        {
          readtokens0_init (&ops->tokens);
          ops->tokenized = true;
          if (!readtokens0 (ops->list, &ops->tokens)
              || fclose (ops->list) != 0)
            error (EXIT_FAILURE, 0, _("cannot read file names from %s"),
                   quoteaf (files0_from));
          ops->list = NULL;
          ops->names = ops->tokens.tok;
          ops->n_names = ops->tokens.n_tok;
          ops->iter = argv_iter_init_argv (ops->names);
        }
      else
        ops->iter = argv_iter_init_stream (ops->list);
    }
  if (!ops->iter)
    xalloc_die ();
}

char *
operands_next (struct operands *ops, enum argv_iter_err *err)
{
  return argv_iter (ops->iter, err);
}

size_t
operands_known (struct operands const *ops)
{
  return ops->n_names ? ops->n_names : ops->files0_from ? 0 : 1;
}

struct operand_status *
operands_stat (struct operands const *ops)
{
  size_t n = operands_known (ops);
  struct operand_status *status = xnmalloc (n, sizeof *status);
  for (size_t i = 0; i < n; i++)
    {
      char const *name = ops->n_names ? ops->names[i] : NULL;
      status[i].ok = (!name || strcmp (name, "-") == 0
                      ? fstat (STDIN_FILENO, &status[i].st)
                      : stat (name, &status[i].st)) == 0;
    }
  return status;
}

size_t
operands_seen (struct operands const *ops)
{
  return argv_iter_n_args (ops->iter);
}

void
operands_close (struct operands *ops)
{
  argv_iter_free (ops->iter);
  if (ops->tokenized)
    readtokens0_free (&ops->tokens);
  if (ops->list && ops->list != stdin)
    fclose (ops->list);
}
