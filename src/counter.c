/* counter.c: the counting engine: picks one kernel per input from the
   wanted counts, the locale and the CPU, and feeds it spans.  */
#include <config.h>

#include "counter.h"

#include <stdlib.h>
#include <string.h>

enum counter_pass
counter_pass_for (struct char_rules const *rules, unsigned wanted)
{
  if (rules->utf8 && (wanted & (WANT_WORDS | WANT_MAX_WIDTH | WANT_CHARS)))
    return (wanted & WANT_MAX_WIDTH ? PASS_UTF8
            : wanted & WANT_WORDS ? PASS_UTF8_WORDS
            : wanted & WANT_LINES ? PASS_UTF8_CHARS_LINES : PASS_UTF8_CHARS);
  if (wanted & (WANT_WORDS | WANT_MAX_WIDTH))
    return rules->multibyte ? PASS_MULTIBYTE : PASS_SINGLE_BYTE;
  if (rules->multibyte && (wanted & WANT_CHARS))
    return PASS_MULTIBYTE;
  return wanted & WANT_LINES ? PASS_LINES : PASS_BYTES;
}

/* WC_SIMD=off selects the portable kernels, so that tests can compare both
   on a CPU that has AVX2.  __builtin_cpu_supports also checks that the
   kernel saves the AVX state, so no SIGILL on systems that disable it.
   *REPORT gets the --debug sentence (GNU wc's, where GNU has one).  */
newline_kernel
counter_newline_kernel (char const **report)
{
  static newline_kernel chosen;
  static char const *chosen_report;
  if (!chosen)
    {
      chosen = count_newlines_portable;
      chosen_report = "avx2 support not detected";
#if HAVE_AVX2_KERNELS
      char const *simd = getenv ("WC_SIMD");
      __builtin_cpu_init ();
      if (simd && strcmp (simd, "off") == 0)
        chosen_report = "avx2 support disabled by WC_SIMD=off";
      else if (__builtin_cpu_supports ("avx2"))
        {
          chosen = count_newlines_avx2;
          chosen_report = "using avx2 hardware support";
        }
#endif
    }
  if (report)
    *report = chosen_report;
  return chosen;
}

#if HAVE_AVX2_KERNELS
/* Whether the AVX2 kernels may run: the CPU has them, WC_SIMD=off is not
   set.  */
static bool
avx2_wanted (void)
{
  char const *simd = getenv ("WC_SIMD");
  __builtin_cpu_init ();
  return (!(simd && strcmp (simd, "off") == 0)
          && __builtin_cpu_supports ("avx2"));
}
#endif

static bool
pass_decodes_utf8 (enum counter_pass pass)
{
  return (pass == PASS_UTF8 || pass == PASS_UTF8_WORDS
          || pass == PASS_UTF8_CHARS || pass == PASS_UTF8_CHARS_LINES);
}

/* Whether PASS counts characters; the others leave them equal to bytes.  */
static bool
pass_decodes (enum counter_pass pass)
{
  return pass == PASS_MULTIBYTE || pass_decodes_utf8 (pass);
}

utf8_chars_kernel
counter_utf8_chars_kernel (void)
{
#if HAVE_AVX2_KERNELS
  if (avx2_wanted ())
    return count_utf8_chars_avx2;
#endif
  return count_utf8_chars_portable;
}

utf8_scan_kernel
counter_utf8_scan_kernel (bool widths)
{
#if HAVE_AVX2_KERNELS
  if (avx2_wanted ())
    return widths ? scan_utf8_avx2 : scan_utf8_words_avx2;
#endif
  (void) widths;
  return NULL;
}

void
counter_init (struct counter *c, struct char_rules const *rules,
              unsigned wanted)
{
  memset (c, 0, sizeof *c);
  c->rules = rules;
  c->pass = counter_pass_for (rules, wanted);
  c->count_newlines = counter_newline_kernel (NULL);
  if (pass_decodes_utf8 (c->pass))
    {
      c->count_utf8_chars = counter_utf8_chars_kernel ();
      c->scan_utf8_bulk = counter_utf8_scan_kernel (c->pass == PASS_UTF8);
    }
}

void
counter_feed (struct counter *c, void const *span, size_t n)
{
  unsigned char const *p = span;
  c->counts.bytes += n;
  switch (c->pass)
    {
    case PASS_BYTES:
      break;
    case PASS_LINES:
      c->counts.lines += c->count_newlines (p, n);
      break;
    case PASS_SINGLE_BYTE:
      scan_single_byte (c->rules->byte_action, &c->scan, p, n, &c->counts);
      break;
    case PASS_MULTIBYTE:
      scan_multibyte (c->rules, &c->scan, p, n, &c->counts);
      break;
    case PASS_UTF8:
      scan_utf8 (c->scan_utf8_bulk, c->rules, &c->scan, p, n, &c->counts);
      break;
    case PASS_UTF8_WORDS:
      scan_utf8_words (c->scan_utf8_bulk, c->rules, &c->scan, p, n,
                       &c->counts);
      break;
    case PASS_UTF8_CHARS_LINES:
      c->counts.lines += c->count_newlines (p, n);
      _GL_ATTRIBUTE_FALLTHROUGH;
    case PASS_UTF8_CHARS:
      scan_utf8_chars (c->count_utf8_chars, &c->scan, p, n, &c->counts);
      break;
    }
}

void
counter_credit_bytes (struct counter *c, uintmax_t n)
{
  c->counts.bytes += n;
}

struct counts
counter_finish (struct counter *c)
{
  struct counts result = c->counts;
  struct scan_state end = c->scan;
  scan_finish (&end, &result);
  if (!pass_decodes (c->pass))
    result.chars = result.bytes;
  return result;
}
