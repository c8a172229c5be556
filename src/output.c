/* output.c: format count lines: fixed order, GNU's width, quoted names.  */
#include <config.h>

#include "output.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "counter.h"
#include "quoting.h"

int
field_width (struct operand_status const *status, size_t n, bool saturate)
{
  int width = 1;
  int minimum = 1;
  uintmax_t regular_total = 0;
  for (size_t i = 0; i < n; i++)
    if (status[i].ok)
      {
        if (!S_ISREG (status[i].st.st_mode))
          minimum = 7;
        else if (__builtin_add_overflow (regular_total, status[i].st.st_size,
                                         &regular_total) && saturate)
          {
            /* GNU 9.3 and later stop at the first overflow.  */
            regular_total = UINTMAX_MAX;
            break;
          }
      }
  for (; 10 <= regular_total; regular_total /= 10)
    width++;
  return width < minimum ? minimum : width;
}

void
print_counts (struct counts const *c, unsigned wanted, int width,
              char const *name)
{
  struct { unsigned want; uintmax_t value; } const columns[] =
    {
      { WANT_LINES, c->lines },
      { WANT_WORDS, c->words },
      { WANT_CHARS, c->chars },
      { WANT_BYTES, c->bytes },
      { WANT_MAX_WIDTH, c->max_width },
    };
  char const *sep = "";
  for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
    if (wanted & columns[i].want)
      {
        printf ("%s%*ju", sep, width, columns[i].value);
        sep = " ";
      }
  if (name)
    printf (" %s", strchr (name, '\n') ? quotef (name) : name);
  putchar ('\n');
}
