/* kernel-multibyte.c: lines, words, characters and line widths in multibyte
   locales.  Characters are decoded with the C library's mbrtowc, so what
   counts as a character is exactly what GNU wc counts (glibc accepts 5- and
   6-byte forms, rejects overlong forms and surrogates).  An invalid byte is
   skipped on its own (a constituent under 9.7's rules) and decoding
   resumes at the next one; a character cut by the end of a span waits in
   the state for the rest.  */
#include <config.h>

#include <string.h>

#include "kernels.h"
#include "pending.h"
#include "scan-step.h"

/* Decode one character from a fresh state: glibc's locales are stateless.  */
static size_t
decode (wchar_t *wc, unsigned char const *p, size_t n)
{
  mbstate_t st;
  memset (&st, 0, sizeof st);
  return mbrtowc (wc, (char const *) p, n, &st);
}

static void
step_wide (struct scan_regs *r, struct char_rules const *rules, wchar_t wc)
{
  int width;
  enum char_action act = wide_char_action (rules, wc, &width);
  scan_step (r, act, width, true);
}

/* Finish the character whose first bytes wait in S->pending, taking what
   it needs from the span *P of *N bytes.  Returns the characters decoded.  */
static uintmax_t
drain_pending (struct scan_regs *r, struct char_rules const *rules,
               struct scan_state *s, unsigned char const **p, size_t *n)
{
  uintmax_t chars = 0;
  while (s->npending)
    {
      unsigned char tmp[2 * MB_LEN_MAX];
      wchar_t wc;
      size_t joined = pending_join (s, tmp, *p, *n);
      size_t len = decode (&wc, tmp, joined);
      if (len == (size_t) -2 && pending_extend (s, p, n))
        return chars;
      size_t used = 1;       /* an invalid first byte is skipped alone */
      if (len != (size_t) -1 && len != (size_t) -2)
        {
          used = len ? len : 1;   /* len 0 is a NUL character */
          chars++;
          step_wide (r, rules, wc);
        }
      else
        scan_invalid (r, rules->nonspace_words);
      pending_consume (s, used, p, n);
    }
  return chars;
}

void
scan_multibyte (struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c)
{
  struct scan_regs r;
  scan_regs_load (&r, s, c);
  uintmax_t chars = drain_pending (&r, rules, s, &p, &n);
  unsigned char const *end = p + n;
  while (p < end)
    {
      enum char_action act = rules->byte_action[*p];
      if (act != ACT_DECODE)
        {
          scan_step (&r, act, act == ACT_WORD || act == ACT_SPACE, true);
          chars++;
          p++;
          continue;
        }
      wchar_t wc;
      size_t len = decode (&wc, p, end - p);
      if (len == (size_t) -2)
        {
          if (pending_keep (s, p, end - p))
            break;
          len = (size_t) -1;
        }
      if (len == (size_t) -1)
        {
          p++;          /* an invalid byte, not a character */
          scan_invalid (&r, rules->nonspace_words);
          continue;
        }
      if (len == 0)
        len = 1;
      chars++;
      step_wide (&r, rules, wc);
      p += len;
    }
  c->chars += chars;
  scan_regs_store (&r, s, c);
}
