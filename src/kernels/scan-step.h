/* scan-step.h: the effect of one classified character on the counts,
   shared by the single-byte, multibyte and UTF-8 kernels so that all of
   them follow one rule.  */
#ifndef WC_SCAN_STEP_H
#define WC_SCAN_STEP_H

#include "kernels.h"

/* The running values a kernel keeps in registers while it scans.  */
struct scan_regs
{
  uintmax_t lines, words, max_width, column;
  bool in_word;
};

static inline void
scan_regs_load (struct scan_regs *r, struct scan_state const *s,
                struct counts const *c)
{
  r->lines = c->lines;
  r->words = c->words;
  r->max_width = c->max_width;
  r->column = s->column;
  r->in_word = s->in_word;
}

static inline void
scan_regs_store (struct scan_regs const *r, struct scan_state *s,
                 struct counts *c)
{
  c->lines = r->lines;
  c->words = r->words;
  c->max_width = r->max_width;
  s->column = r->column;
  s->in_word = r->in_word;
}

/* Apply to R one character of action ACT and display width WIDTH.
   Without WIDTHS the column and max_width are left alone: for the passes
   that do not print -L.  Every caller passes a constant, so that the
   inlined copy keeps only the code its pass needs.  */
static inline void
scan_step (struct scan_regs *r, enum char_action act, int width, bool widths)
{
  switch (act)
    {
    case ACT_NEWLINE:
      r->lines++;
      _GL_ATTRIBUTE_FALLTHROUGH;
    case ACT_LINE_END:
      if (widths)
        {
          if (r->max_width < r->column)
            r->max_width = r->column;
          r->column = 0;
        }
      break;
    case ACT_TAB:
      if (widths)
        r->column += 8 - r->column % 8;
      break;
    case ACT_SPACE:
    case ACT_WORD:
      if (widths)
        r->column += width;
      break;
    case ACT_VSPACE:
    case ACT_VWORD:
      break;
    case ACT_NEUTRAL:
    case ACT_DECODE:
      return;
    }
  /* A constituent starts or continues a word; everything else that gets
     here is a separator and ends one.  */
  if (act == ACT_WORD || act == ACT_VWORD)
    r->in_word = true;
  else
    {
      r->words += r->in_word;
      r->in_word = false;
    }
}

/* An encoding error: no character, no width; under 9.7's rules
   (NONSPACE_WORDS) a constituent, under 9.1's neutral.  */
static inline void
scan_invalid (struct scan_regs *r, bool nonspace_words)
{
  r->in_word |= nonspace_words;
}

#endif
