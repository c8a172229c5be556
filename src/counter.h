/* counter.h: the counting engine.  A counter consumes spans of bytes in
   order and carries its state across span boundaries, so that any split of
   the same bytes gives the same counts.  */
#ifndef WC_COUNTER_H
#define WC_COUNTER_H

#include <stddef.h>

#include "charclass.h"
#include "counts.h"
#include "kernels.h"

struct progress_subject;

/* Which counts an invocation prints.  */
enum
{
  WANT_LINES = 1,
  WANT_WORDS = 2,
  WANT_CHARS = 4,
  WANT_BYTES = 8,
  WANT_MAX_WIDTH = 16
};

/* The cheapest pass that yields every wanted count.  */
enum counter_pass
{
  PASS_BYTES,        /* bytes only (and characters in single-byte locales) */
  PASS_LINES,        /* plus '\n' bytes */
  PASS_SINGLE_BYTE,  /* words or widths, one byte one character */
  PASS_MULTIBYTE,    /* words, widths or characters, decoding */
  PASS_UTF8,         /* UTF-8 locales: words, widths and characters */
  PASS_UTF8_WORDS,   /* UTF-8 locales: words and characters, no widths */
  PASS_UTF8_CHARS,   /* UTF-8 locales: characters only (and bytes) */
  PASS_UTF8_CHARS_LINES  /* the same plus '\n' bytes */
};

struct counter
{
  struct counts counts;
  struct scan_state scan;
  enum counter_pass pass;
  newline_kernel count_newlines;
  /* PASS_SINGLE_BYTE, and PASS_UTF8 and PASS_UTF8_WORDS for blocks of
     ASCII; blocks.scan is NULL in the other passes, or when the locale's
     ASCII classes are not the standard ones.  */
  struct block_kernel blocks;
  utf8_chars_kernel count_utf8_chars;
  utf8_scan_kernel scan_utf8_bulk;
  struct char_rules const *rules;
  /* What progress lines say this counter counts (progress.h); NULL: none.  */
  struct progress_subject *progress;
};

/* The pass a WANTED set needs under RULES.  */
enum counter_pass counter_pass_for (struct char_rules const *rules,
                                    unsigned wanted) _GL_ATTRIBUTE_PURE;

/* The SIMD level this process uses: the best the CPU runs, lowered by
   WC_SIMD=off|sse2|avx2, chosen once (thread-safe).  *REPORT (if REPORT)
   gets what --debug says of it on the lines-only path.  */
enum simd_level counter_simd_level (char const **report);

/* The newline kernel this process uses, and what --debug says of it.  */
newline_kernel counter_newline_kernel (char const **report);

void counter_init (struct counter *c, struct char_rules const *rules,
                   unsigned wanted);
/* The same at a given SIMD LEVEL, which the CPU must run: for tests that
   compare the levels in one process.  */
void counter_init_at (struct counter *c, struct char_rules const *rules,
                      unsigned wanted, enum simd_level level);
void counter_feed (struct counter *c, void const *span, size_t n);
/* Count N bytes known to be there without seeing them (PASS_BYTES only).  */
void counter_credit_bytes (struct counter *c, uintmax_t n);
/* The input ended in a read error: a character that it cut is dropped,
   not decoded (GNU wc does so under both rule sets).  */
static inline void
counter_drop_cut (struct counter *c)
{
  c->scan.npending = 0;
}

/* The counts of everything fed, the end of input applied.  */
struct counts counter_finish (struct counter *c);

/* Take in NEXT, a counter fed the bytes that follow those fed to C, as if
   C had been fed them too.  Exact only where C's state is clean: when C
   was fed nothing, or its bytes end with a '\n'.  */
static inline void
counter_append (struct counter *c, struct counter const *next)
{
  counts_add (&c->counts, &next->counts);
  c->scan = next->scan;
}

#endif
