/* operands.h: the names to count: the command-line operands, or a list of
   NUL-terminated names read from a file (--files0-from), streamed when it
   is not a small regular file.  */
#ifndef WC_OPERANDS_H
#define WC_OPERANDS_H

#include <stdbool.h>
#include <stdio.h>

#include "argv-iter.h"
#include "readtokens0.h"

struct operands
{
  char const *files0_from;      /* NULL: names come from argv */
  FILE *list;                   /* the --files0-from stream */
  bool list_regular;            /* ... is a regular file */
  bool tokenized;               /* the whole list was read into TOKENS */
  struct Tokens tokens;
  struct argv_iterator *iter;
  char **names;                 /* names known before counting, or NULL */
  size_t n_names;               /* how many; 0 when streaming */
};

/* Start iterating over OPERANDS (N of them) or over FILES0_FROM's list.
   Exits with a diagnostic when the list cannot be opened or read.  */
void operands_open (struct operands *ops, char const *files0_from,
                    char **operands, int n);

/* The next name, or NULL at the end (*ERR says why).  */
char *operands_next (struct operands *ops, enum argv_iter_err *err);

/* How many names are known before counting: the operands, or a list read
   whole; with neither operands nor a list, 1, for standard input.  */
size_t operands_known (struct operands const *ops) _GL_ATTRIBUTE_PURE;

struct operand_status;

/* What stat says of each of the operands_known (OPS) names, in a new
   array: of standard input for "-", or when there is no operand.  */
struct operand_status *operands_stat (struct operands const *ops)
  _GL_ATTRIBUTE_RETURNS_NONNULL;

/* How many names have been returned so far.  */
size_t operands_seen (struct operands const *ops) _GL_ATTRIBUTE_PURE;

void operands_close (struct operands *ops);

#endif
