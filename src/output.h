/* output.h: the only place counts become text: GNU wc's field width, the
   fixed column order, name quoting and the total line.  */
#ifndef WC_OUTPUT_H
#define WC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "counts.h"

/* What an up-front stat of one operand found, for the width rule.  */
struct operand_status
{
  bool ok;                      /* ST is valid */
  struct stat st;
};

/* GNU wc's field width: the digits of the summed sizes of the regular
   files among the N operands (at least 7 if any other kind is there).
   The sum wraps around (GNU 9.1) or with SATURATE stops at its largest
   value (9.3 and later).  */
int field_width (struct operand_status const *status, size_t n,
                 bool saturate) _GL_ATTRIBUTE_PURE;

/* Print one line: the WANTED counts of C in fixed order, each right-aligned
   in WIDTH columns, then NAME unless it is NULL.  */
void print_counts (struct counts const *c, unsigned wanted, int width,
                   char const *name);

#endif
