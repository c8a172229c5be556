/* quoting.h: how file names are quoted in messages, as GNU coreutils does:
   shell-escape quoting, with ':' quoted too in "NAME: message" forms.  */
#ifndef WC_QUOTING_H
#define WC_QUOTING_H

#include "quotearg.h"

/* A name before a colon in a diagnostic: bare when it is safe.  */
static inline char const *
quotef (char const *name)
{
  return quotearg_n_style_colon (0, shell_escape_quoting_style, name);
}

/* A name inside a sentence: always quoted.  */
static inline char const *
quoteaf (char const *name)
{
  return quotearg_style (shell_escape_always_quoting_style, name);
}

#endif
