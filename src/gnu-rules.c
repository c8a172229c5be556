/* gnu-rules.c: the two rule sets wc can follow, GNU wc 9.1's and 9.7's
   (which 9.5 introduced), and the build's default among them.  */
#include <config.h>

#include "gnu-rules.h"

#include <stddef.h>

static struct gnu_rules const gnu_rules_9_1 =
{
  .version = "9.1",
  .word_help = "\
A word is a non-zero-length sequence of\n\
printable characters delimited by white space.\n",
};

static struct gnu_rules const gnu_rules_9_7 =
{
  .version = "9.7",
  .nonspace_words = true,
  .c_bytes_are_code_points = true,
  .error_after_counts = true,
  .bytes_seek_to_end = true,
  .saturate_totals = true,
  .debug_once = true,
  .short_program_name = true,
  .word_help = "\
A word is a nonempty sequence of non white\n\
space delimited by white space characters or by start or end of input.\n",
};

char const *const gnu_rules_names[] = { "9.1", "9.7", NULL };
struct gnu_rules const *const gnu_rules_by_name[] =
{
  &gnu_rules_9_1, &gnu_rules_9_7
};

/* configure names the default set's variable.  */
struct gnu_rules const *const gnu_rules_default = &WC_GNU_COMPAT_DEFAULT_SET;
