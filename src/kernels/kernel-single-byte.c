/* kernel-single-byte.c: lines, words and line widths where every byte is a
   character (the C locale and other single-byte locales).  */
#include <config.h>

#include "kernels.h"
#include "scan-step.h"

void
scan_single_byte (unsigned char const action[256], struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  struct scan_regs r;
  scan_regs_load (&r, s, c);
  for (size_t i = 0; i < n; i++)
    scan_step (&r, action[p[i]], 1, true);
  scan_regs_store (&r, s, c);
}

void
scan_finish (struct scan_state *s, struct counts *c)
{
  if (c->max_width < s->column)
    c->max_width = s->column;
  c->words += s->in_word;
  s->column = 0;
  s->in_word = false;
  s->npending = 0;
  s->continued = 0;
}
