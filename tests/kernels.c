/* kernels.c: unit test of the block kernels against the byte loop
   (scan_single_byte), the reference:
   - steps: the shared word and width steps on every short string of byte
     classes at every bit position, across a block boundary, from either
     state (masks are fed directly, through a stand-in classifier);
   - bytes: each level's classifier gives the masks the locale's table
     gives, for every byte value at every position and on random blocks;
   - blocks: each level on random and adversarial data at every length
     0..1024 and every alignment 0..63, with and without widths, in every
     byte table (C, C.UTF-8, extra locales, and synthetic ones whose bytes
     >= 0x80 are all words or all spaces);
   - counter: the counter with each level against the counter with none,
     for every set of wanted counts, cut into random spans;
   - guard: spans that end right before an unreadable page.

   Usage: kernels [steps|bytes|blocks|counter|guard|levels|locale=NAME]...
   (no part: all but levels; levels names the levels this build runs on
   this CPU; locale=NAME adds a locale to the tables).
   Prints one summary line per part; on the first failure, describes it on
   stderr and exits with status 1.  */
#include <config.h>

#include <locale.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter.h"
#include "kernel-blocks.h"
#include "simd-levels.h"
#include "split-check.h"
#include "test-support.h"

/* A fixed seed: a failure is reproducible.  */
#define RANDOM_SEED 0x6b3e1d0c5a9f2e47ULL

static unsigned long long comparisons;

_Noreturn static void
die (char const *message)
{
  fprintf (stderr, "kernels: %s\n", message);
  exit (EXIT_FAILURE);
}

/* A block or span, on a line of its own: up to a whole 64-byte block and
   then some.  */
static void
print_span (unsigned char const *p, size_t n)
{
  fputs ("  bytes ", stderr);
  print_bytes_upto (p, n, 160);
}

/* --- the levels --------------------------------------------------------- */

struct level
{
  char const *name;
  enum simd_level id;
  block_scanner scan, tail;
  void (*classify) (unsigned char const *p, struct block_masks *m);
  newline_kernel newlines;
};

static struct level levels[SIMD_AVX512 + 1];
static size_t nlevels;
/* Every level the CPU runs, those tested with another's kernels too, and
   the others with the reason.  */
static char runnable[64], missing[64];

/* Each level's block kernels (the other kernels are in the shared table of
   simd-levels.h).  */
struct block_functions
{
  block_scanner scan, tail;
  void (*classify) (unsigned char const *p, struct block_masks *m);
};

static struct block_functions const block_functions[] = {
  [SIMD_PORTABLE] = { scan_blocks_portable, scan_tail_portable,
                      classify_block_portable },
#if HAVE_SSE2_KERNELS
  [SIMD_SSE2] = { scan_blocks_sse2, scan_tail_sse2, classify_block_sse2 },
#endif
#if HAVE_AVX2_KERNELS
  [SIMD_AVX2] = { scan_blocks_avx2, scan_tail_avx2, classify_block_avx2 },
  [SIMD_AVX512] = { scan_blocks_avx2, scan_tail_avx2, classify_block_avx2 },
#endif
};

/* The levels this CPU runs, and what is missing, for the summary.  */
static void
find_levels (void)
{
  size_t nknown;
  struct test_level const *known = simd_levels_known (&nknown);
  size_t used = 0, named = 0;
  for (size_t i = 0; i < nknown; i++)
    if (!known[i].absent)
      named += snprintf (runnable + named, sizeof runnable - named, "%s%s",
                         named ? " " : "", known[i].name);
  for (size_t i = 0; i < nknown; i++)
    if (known[i].absent)
      used += snprintf (missing + used, sizeof missing - used, " (%s %s)",
                        known[i].name, known[i].absent);
    else
      {
        struct block_functions const *f = &block_functions[known[i].level];
        /* A level with the block kernels of the one before (AVX-512 has
           AVX2's) is tested once.  */
        if (nlevels && levels[nlevels - 1].scan == f->scan)
          continue;
        levels[nlevels++] = (struct level) {
          known[i].name, known[i].level, f->scan, f->tail, f->classify,
          known[i].count_newlines };
      }
}

static void
print_levels (void)
{
  printf ("%s%s", runnable, missing);
}

/* --- byte tables -------------------------------------------------------- */

struct table
{
  char name[80];
  char locale[40];              /* "": a synthetic table, in C */
  struct gnu_rules const *gnu;  /* the rule set it was built under */
  bool multibyte;
  unsigned char action[256];
};

static struct table tables[12];
static size_t ntables;

static void
add_locale_table (char const *locale, struct gnu_rules const *gnu)
{
  if (!setlocale (LC_ALL, locale))
    {
      fprintf (stderr, "kernels: locale %s is not available\n", locale);
      exit (EXIT_FAILURE);
    }
  struct char_rules rules;
  char_rules_init (&rules, gnu, false);
  struct table *t = &tables[ntables++];
  snprintf (t->name, sizeof t->name, "locale %s, GNU %s rules", locale,
            gnu->version);
  snprintf (t->locale, sizeof t->locale, "%s", locale);
  t->gnu = gnu;
  t->multibyte = rules.multibyte;
  memcpy (t->action, rules.byte_action, sizeof t->action);
  char_rules_release (&rules);
  setlocale (LC_ALL, "C");
}

/* The C locale's table with every byte >= 0x80 given ACT.  */
static void
add_synthetic_table (char const *name, enum char_action act)
{
  struct table *t = &tables[ntables];
  *t = tables[0];
  snprintf (t->name, sizeof t->name, "%s", name);
  t->locale[0] = '\0';
  memset (t->action + 0x80, act, 0x80);
  ntables++;
}

/* block_kernel_init for the byte table of T, summarised as
   char_rules_init summarises a locale's.  */
static bool
table_block_kernel (struct block_kernel *k, enum simd_level level,
                    struct table const *t, bool widths)
{
  struct char_rules rules;
  memset (&rules, 0, sizeof rules);
  rules.nonspace_words = t->gnu->nonspace_words;
  memcpy (rules.byte_action, t->action, sizeof rules.byte_action);
  char_rules_summarize (&rules);
  return block_kernel_init (k, level, &rules, widths);
}

/* What the byte loop makes of TABLE, as masks: the reference classifier.  */
static void
masks_from_table (unsigned char const action[256], unsigned char const *p,
                  size_t n, struct block_masks *m)
{
  *m = (struct block_masks) { 0 };
  for (size_t i = 0; i < n; i++)
    {
      uint64_t bit = (uint64_t) 1 << i;
      if (0x80 <= p[i])
        {
          m->high |= bit;
          continue;
        }
      switch (action[p[i]])
        {
        case ACT_NEWLINE:
          m->newline |= bit;
          m->event |= bit;
          m->separator |= bit;
          break;
        case ACT_LINE_END:
          m->event |= bit;
          m->separator |= bit;
          break;
        case ACT_TAB:
          m->tab |= bit;
          m->event |= bit;
          m->separator |= bit;
          break;
        case ACT_VSPACE:
          m->separator |= bit;
          break;
        case ACT_SPACE:
          m->separator |= bit;
          m->width1 |= bit;
          break;
        case ACT_WORD:
          m->word |= bit;
          m->width1 |= bit;
          break;
        default:
          break;
        }
    }
}

/* --- steps: the shared word and width steps ------------------------------ */

/* A stand-in classifier: each 64-byte "block" holds the masks themselves,
   so the real block loop and steps run on masks chosen by the test.  */
union recorded_block
{
  struct block_masks m;
  unsigned char bytes[SCAN_BLOCK];
};

static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
classify_recorded (unsigned char const *p, struct block_masks *m)
{
  memcpy (m, p, sizeof *m);
}

static size_t
scan_recorded (struct block_kernel const *k, struct scan_state *s,
               unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_recorded, NULL, k, s, p, n, c);
}

static uint64_t
shift_into (uint64_t bits, int offset, int block)
{
  if (block == 0)
    return bits << offset;
  return offset ? bits >> (64 - offset) : 0;
}

/* STR's masks M placed at bit OFFSET of two recorded blocks.  */
static void
record_at (struct block_masks const *m, int offset, union recorded_block r[2])
{
  for (int b = 0; b < 2; b++)
    {
      memset (&r[b], 0, sizeof r[b]);
      r[b].m.newline = shift_into (m->newline, offset, b);
      r[b].m.separator = shift_into (m->separator, offset, b);
      r[b].m.word = shift_into (m->word, offset, b);
      r[b].m.width1 = shift_into (m->width1, offset, b);
      r[b].m.event = shift_into (m->event, offset, b);
      r[b].m.tab = shift_into (m->tab, offset, b);
    }
}

/* Where a step test starts: the state, and the widest line so far.  */
struct start
{
  struct scan_state s;
  uintmax_t max_width;
};

_Noreturn static void
step_wrong (char const *what, unsigned char const *str, size_t len,
            int offset, struct start const *start,
            struct scan_state const *want_s, struct counts const *want,
            struct scan_state const *got_s, struct counts const *got)
{
  fprintf (stderr,
           "kernels: FAIL: %s step, string at bit %d, starting in_word=%d"
           " column=%ju max_width=%ju\n", what, offset, start->s.in_word,
           start->s.column, start->max_width);
  print_span (str, len);
  fprintf (stderr,
           "  byte loop: lines=%ju words=%ju max_width=%ju column=%ju"
           " in_word=%d\n"
           "  step:      lines=%ju words=%ju max_width=%ju column=%ju"
           " in_word=%d\n",
           want->lines, want->words, want->max_width, want_s->column,
           want_s->in_word, got->lines, got->words, got->max_width,
           got_s->column, got_s->in_word);
  exit (EXIT_FAILURE);
}

/* Every string over ALPHABET up to MAXLEN bytes, at every bit offset of a
   block (so also across the boundary into the next), from each start
   state, through the steps; with widths when WIDTHS.  */
static void
exhaust_strings (char const *what, unsigned char const *alphabet,
                 size_t nsym, size_t maxlen, bool widths,
                 struct start const *starts, size_t nstarts)
{
  unsigned char const *action = tables[0].action;
  struct block_kernel k = {
    .scan = scan_recorded, .high = HIGH_NEUTRAL, .want_width = widths };
  for (size_t len = 0; len <= maxlen; len++)
    {
      size_t digits[16] = { 0 };
      for (;;)
        {
          unsigned char str[16];
          for (size_t i = 0; i < len; i++)
            str[i] = alphabet[digits[i]];
          struct block_masks m;
          masks_from_table (action, str, len, &m);
          for (size_t st = 0; st < nstarts; st++)
            {
              struct scan_state want_s = starts[st].s;
              struct counts want = { .max_width = starts[st].max_width };
              scan_single_byte (action, &want_s, str, len, &want);
              for (int offset = 0; offset < SCAN_BLOCK; offset++)
                {
                  union recorded_block r[2];
                  record_at (&m, offset, r);
                  struct scan_state got_s = starts[st].s;
                  struct counts got = { .max_width = starts[st].max_width };
                  size_t done = scan_recorded (&k, &got_s, r[0].bytes,
                                               sizeof r, &got);
                  comparisons++;
                  if (done != sizeof r || got.lines != want.lines
                      || got.words != want.words
                      || got_s.in_word != want_s.in_word
                      || (widths && (got.max_width != want.max_width
                                     || got_s.column != want_s.column)))
                    step_wrong (what, str, len, offset, &starts[st], &want_s,
                                &want, &got_s, &got);
                }
            }
          /* The next string of this length, or the next length.  */
          size_t i = 0;
          while (i < len && ++digits[i] == nsym)
            digits[i++] = 0;
          if (i == len)
            break;
        }
    }
}

static void
steps (size_t word_len, size_t width_len)
{
  comparisons = 0;
  /* Separator, constituent, neutral.  */
  static unsigned char const word_classes[] = { ' ', 'a', '\1' };
  static struct start const word_starts[] = {
    { .s.in_word = false }, { .s.in_word = true },
  };
  exhaust_strings ("word", word_classes, COUNTOF (word_classes), word_len,
                   false, word_starts, COUNTOF (word_starts));
  /* One column, the three kinds of column event, no width, no width but a
     separator; from columns and widest lines that make the short cut
     (lines inside a block no wider than the widest) apply or not.  */
  static unsigned char const width_classes[] = {
    'a', '\t', '\n', '\r', '\1', '\v',
  };
  static struct start const width_starts[] = {
    { .s.column = 0 }, { .s.column = 5, .s.in_word = true },
    { .s.column = 8, .max_width = 2 }, { .s.column = 3, .max_width = 4 },
    { .s.column = 0, .max_width = 100 }, { .s.column = 99, .max_width = 9 },
  };
  exhaust_strings ("width", width_classes, COUNTOF (width_classes),
                   width_len, true, width_starts, COUNTOF (width_starts));
  printf ("kernels: steps: %llu comparisons (words: strings up to %zu bytes,"
          " widths: up to %zu), all equal\n", comparisons, word_len,
          width_len);
}

/* --- bytes: each level's classifier ------------------------------------- */

static char const *const mask_names[] = {
  "newline", "separator", "word", "high", "width1", "event", "tab",
};

static void
masks_array (struct block_masks const *m, uint64_t out[7])
{
  out[0] = m->newline;
  out[1] = m->separator;
  out[2] = m->word;
  out[3] = m->high;
  out[4] = m->width1;
  out[5] = m->event;
  out[6] = m->tab;
}

static void
check_classifier (struct level const *lv, unsigned char const *block)
{
  struct block_masks want, got;
  masks_from_table (tables[0].action, block, SCAN_BLOCK, &want);
  lv->classify (block, &got);
  uint64_t w[7], g[7];
  masks_array (&want, w);
  masks_array (&got, g);
  comparisons++;
  for (int i = 0; i < 7; i++)
    if (w[i] != g[i])
      {
        fprintf (stderr,
                 "kernels: FAIL: %s classifier, %s mask is %016llx,"
                 " the C locale's table says %016llx\n",
                 lv->name, mask_names[i], (unsigned long long) g[i],
                 (unsigned long long) w[i]);
        print_span (block, SCAN_BLOCK);
        exit (EXIT_FAILURE);
      }
}

static void
bytes (void)
{
  comparisons = 0;
  alignas (64) unsigned char block[SCAN_BLOCK + 64];
  static unsigned char const backgrounds[] = { 0, 'a', ' ', '\n', 0xff };
  for (size_t l = 0; l < nlevels; l++)
    {
      for (size_t bg = 0; bg < COUNTOF (backgrounds); bg++)
        for (int b = 0; b < 256; b++)
          for (int i = 0; i < SCAN_BLOCK; i++)
            {
              unsigned char *p = block + (b + i) % 64;
              memset (p, backgrounds[bg], SCAN_BLOCK);
              p[i] = b;
              check_classifier (&levels[l], p);
            }
      for (int round = 0; round < 20000; round++)
        {
          unsigned char *p = block + below (64);
          for (int i = 0; i < SCAN_BLOCK; i++)
            p[i] = next64 () & 0xff;
          check_classifier (&levels[l], p);
        }
    }
  /* The tables must be what the classifiers assume for ASCII; a table that
     differs in one ASCII byte gets no block kernel.  */
  for (size_t t = 0; t < ntables; t++)
    {
      struct block_kernel k;
      comparisons++;
      if (!table_block_kernel (&k, SIMD_PORTABLE, &tables[t], false))
        {
          fprintf (stderr, "kernels: FAIL: %s: no block kernel\n",
                   tables[t].name);
          exit (EXIT_FAILURE);
        }
    }
  for (int b = 0; b < 0x80; b++)
    {
      struct table changed = tables[0];
      changed.action[b] = changed.action[b] == ACT_WORD ? ACT_NEUTRAL
                          : ACT_WORD;
      struct block_kernel k;
      comparisons++;
      if (table_block_kernel (&k, SIMD_PORTABLE, &changed, false) || k.scan)
        {
          fprintf (stderr, "kernels: FAIL: a table that changes byte 0x%02x"
                   " still gets a block kernel\n", (unsigned) b);
          exit (EXIT_FAILURE);
        }
    }
  printf ("kernels: bytes: %llu comparisons, all equal; levels ",
          comparisons);
  print_levels ();
  printf ("\n");
}

/* --- blocks: every level on random and adversarial data ------------------ */

/* Bytes that exercise every rule: weighted to separators, controls, NUL,
   DEL, bytes >= 0x80, with runs of one class long enough to cross
   blocks.  Profile 0: any bytes; 1: ASCII only; 2: ASCII with a rare high
   byte; 3: runs; 4: uniform; 5: text, separators and '!' .. '~' with a
   rare byte of any other class, so that whole groups of blocks have two
   classes and others do not.  */
static unsigned char
adversarial_byte (int profile)
{
  if (profile == 2 && below (400) == 0)
    return 0x80 + below (0x80);
  switch (below (profile == 0 ? 11 : 9))
    {
    case 0: return ' ';
    case 1: return "\t\n\v\f\r"[below (5)];
    case 2: return 0;
    case 3: return below (2) ? 0x7f : below (0x20);
    case 4: return '\t';
    case 5: return '\n';
    case 6: case 7: case 8: return 0x21 + below (0x5e);
    case 9: return below (2) ? 0x80 + below (0x80) : 0xa0;
    default: return 0xff;
    }
}

/* Two classes only: separators and '!' .. '~'.  */
static void
fill_text (unsigned char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    p[i] = (below (4) == 0 ? " \t\n\v\f\r"[below (below (2) ? 1 : 6)]
            : 0x21 + below (0x5e));
}

static void
fill (unsigned char *p, size_t n, int profile)
{
  if (profile == 4)
    {
      for (size_t i = 0; i < n; i++)
        p[i] = next64 () & 0xff;
      return;
    }
  if (profile == 5)
    {
      fill_text (p, n);
      for (size_t i = 0; i < n; i++)
        if (below (700) == 0)
          p[i] = adversarial_byte (0);
      return;
    }
  size_t i = 0;
  while (i < n)
    {
      if (profile != 3)
        {
          p[i++] = adversarial_byte (profile);
          continue;
        }
      unsigned char b = adversarial_byte (below (4) ? 1 : 0);
      size_t run = 1 + below (below (3) ? 8 : 200);
      for (; run && i < n; run--)
        p[i++] = b;
    }
}

enum { NPROFILES = 6 };

/* The reference: what the block kernel K should consume of P[0..N), and
   the byte loop over that.  */
static size_t
reference_blocks (struct block_kernel const *k, unsigned char const *action,
                  struct scan_state *s, unsigned char const *p, size_t n,
                  struct counts *c)
{
  size_t stop = n / SCAN_BLOCK * SCAN_BLOCK;
  if (k->high == HIGH_REFUSE)
    for (size_t i = 0; i < stop; i++)
      if (0x80 <= p[i])
        {
          stop = i / SCAN_BLOCK * SCAN_BLOCK;
          break;
        }
  scan_single_byte (action, s, p, stop, c);
  return stop;
}

static char const *cur_what = "";

static void
check_blocks (struct level const *lv, struct table const *t, bool widths,
              bool tail, unsigned char const *p, size_t n, size_t align,
              struct scan_state const *start, size_t want_done,
              struct scan_state const *want_s, struct counts const *want)
{
  struct block_kernel k;
  if (!table_block_kernel (&k, lv->id, t, widths))
    die ("FAIL: no block kernel for a standard table");
  if (k.scan != lv->scan || k.tail != lv->tail)
    die ("FAIL: block_kernel_init chose another level");
  struct scan_state got_s = *start;
  struct counts got = { .max_width = 3 };
  size_t done = (tail ? scan_ascii_tail (&k, &got_s, p, n, &got)
                 : scan_ascii_blocks (&k, &got_s, p, n, &got));
  comparisons++;
  if (done == want_done && got.lines == want->lines
      && got.words == want->words && got_s.in_word == want_s->in_word
      && got.chars == 0 && got.bytes == 0
      && (!widths || (got.max_width == want->max_width
                      && got_s.column == want_s->column)))
    return;
  fprintf (stderr,
           "kernels: FAIL: %s level %s%s, %s, widths %s, alignment %zu,"
           " starting in_word=%d column=%ju\n",
           cur_what, lv->name, tail ? " (tail)" : "", t->name,
           widths ? "on" : "off", align,
           start->in_word, start->column);
  print_span (p, n);
  fprintf (stderr,
           "  byte loop: consumed %zu lines=%ju words=%ju max_width=%ju"
           " column=%ju in_word=%d\n"
           "  kernel:    consumed %zu lines=%ju words=%ju max_width=%ju"
           " column=%ju in_word=%d chars=%ju bytes=%ju\n",
           want_done, want->lines, want->words, want->max_width,
           want_s->column, want_s->in_word, done, got.lines, got.words,
           got.max_width, got_s.column, got_s.in_word, got.chars,
           got.bytes);
  exit (EXIT_FAILURE);
}

/* What a tail should take of P[0..N), N < 64: all of it, unless K
   refuses a byte >= 0x80 in it; and the byte loop over that.  */
static size_t
reference_tail (struct block_kernel const *k, unsigned char const *action,
                struct scan_state *s, unsigned char const *p, size_t n,
                struct counts *c)
{
  size_t stop = n;
  if (k->high == HIGH_REFUSE)
    for (size_t i = 0; i < n; i++)
      if (0x80 <= p[i])
        stop = 0;
  scan_single_byte (action, s, p, stop, c);
  return stop;
}

/* Every level's block loop on P[0..N) against the byte loop, or, when
   TAIL, every level's tail (N < 64), with and without widths.  */
static void
all_levels_on (struct table const *t, bool tail, unsigned char const *p,
               size_t n, size_t align)
{
  for (int widths = 0; widths <= 1; widths++)
    {
      struct block_kernel ref;
      table_block_kernel (&ref, SIMD_PORTABLE, t, widths);
      struct scan_state start = {
        .in_word = below (2),
        .column = below (4) ? below (20) : UINTMAX_MAX - below (100),
      };
      struct scan_state want_s = start;
      struct counts want = { .max_width = 3 };
      size_t want_done = (tail
                          ? reference_tail (&ref, t->action, &want_s, p, n,
                                            &want)
                          : reference_blocks (&ref, t->action, &want_s, p, n,
                                              &want));
      for (size_t l = 0; l < nlevels; l++)
        check_blocks (&levels[l], t, widths, tail, p, n, align, &start,
                      want_done, &want_s, &want);
    }
}

static void
blocks (void)
{
  comparisons = 0;
  cur_what = "random data,";
  enum { MAXLEN = 1024 };
  alignas (64) static unsigned char buf[64 + MAXLEN];
  for (size_t t = 0; t < ntables; t++)
    for (size_t n = 0; n <= MAXLEN; n++)
      {
        fill (buf, sizeof buf, (n + t) % NPROFILES);
        for (size_t align = 0; align < 64; align++)
          all_levels_on (&tables[t], false, buf + align, n, align);
      }
  /* Every byte value once in two-class text, between separators, where
     its class decides whether there is a word: the group classifiers'
     range checks at each edge.  */
  cur_what = "one byte in text,";
  for (size_t t = 0; t < ntables; t++)
    for (unsigned v = 0; v < 256; v++)
      for (int k = 0; k < 4; k++)
        {
          size_t align = below (64);
          size_t n = MAXLEN - below (64);
          unsigned char *p = buf + align;
          fill_text (p, n);
          size_t at = 1 + below (n - 2);
          p[at - 1] = ' ';
          p[at] = v;
          p[at + 1] = "\n "[below (2)];
          all_levels_on (&tables[t], false, p, n, align);
        }
  /* The tails: spans of fewer than 64 bytes, taken whole or refused.  */
  cur_what = "short span,";
  for (size_t t = 0; t < ntables; t++)
    for (size_t n = 0; n < SCAN_BLOCK; n++)
      for (size_t align = 0; align < 64; align++)
        {
          fill (buf, sizeof buf, (n + t + align) % NPROFILES);
          all_levels_on (&tables[t], true, buf + align, n, align);
        }
  printf ("kernels: blocks: %llu comparisons in %zu tables, all equal;"
          " levels ", comparisons, ntables);
  print_levels ();
  printf ("\n");
}

/* --- counter: every set of wanted counts -------------------------------- */

/* The counter at each level against one that uses neither block nor
   newline kernels (the byte loop), cut at the NCUTS sorted CUTS.  */
static void
check_counter (struct char_rules const *rules, char const *table,
               unsigned wanted, unsigned char const *p, size_t n,
               size_t const *cuts, size_t ncuts)
{
  struct counter ref;
  counter_init_at (&ref, rules, wanted, SIMD_PORTABLE);
  ref.blocks.scan = NULL;
  ref.count_newlines = newlines_by_hand;
  struct counts want = feed_split (&ref, p, n, cuts, ncuts);
  for (size_t l = 0; l < nlevels; l++)
    {
      struct counter c;
      counter_init_at (&c, rules, wanted, levels[l].id);
      struct counts got = feed_split (&c, p, n, cuts, ncuts);
      comparisons++;
      if (counts_equal (wanted, &want, &got))
        continue;
      fprintf (stderr, "kernels: FAIL: %s, counter with level %s, %s,"
               " wanted counts %#x\n", cur_what, levels[l].name, table,
               wanted);
      print_cuts (cuts, ncuts);
      print_span (p, n);
      print_counts ("without blocks", &want);
      print_counts ("with blocks", &got);
      exit (EXIT_FAILURE);
    }
}

static void
rules_of_table (struct table const *t, struct char_rules *rules)
{
  memset (rules, 0, sizeof *rules);
  rules->multibyte = t->multibyte;
  rules->nbsp_separates = true;
  rules->nonspace_words = t->gnu->nonspace_words;
  memcpy (rules->byte_action, t->action, sizeof rules->byte_action);
  char_rules_summarize (rules);
}

/* The counter's multibyte pass decodes with the locale itself.  */
static bool
enter_table_locale (struct table const *t)
{
  return setlocale (LC_ALL, t->locale[0] ? t->locale : "C") != NULL;
}

/* The rules wc builds in T's locale, entered, when they decode UTF-8
   without mbrtowc: their UTF-8 passes run the block kernel over blocks of
   ASCII and decode the rest, and the reference counter decodes it all.
   False, with nothing to release, for the other tables.  */
static bool
utf8_rules_of_table (struct table const *t, struct char_rules *rules)
{
  if (!t->locale[0])
    return false;
  char_rules_init (rules, t->gnu, false);
  if (rules->utf8)
    return true;
  char_rules_release (rules);
  return false;
}

static void
counter (void)
{
  comparisons = 0;
  cur_what = "random data";
  enum { MAXLEN = 1024 };
  alignas (64) static unsigned char buf[64 + MAXLEN];
  for (size_t t = 0; t < ntables; t++)
    {
      if (!enter_table_locale (&tables[t]))
        die ("cannot enter a table's locale");
      struct char_rules rules, utf8;
      rules_of_table (&tables[t], &rules);
      bool has_utf8 = utf8_rules_of_table (&tables[t], &utf8);
      for (size_t n = 0; n <= MAXLEN; n++)
        {
          fill (buf, sizeof buf, (n + t) % NPROFILES);
          unsigned char *p = buf + (n * 7 + t) % 64;
          for (unsigned wanted = 1; wanted < 32; wanted++)
            {
              size_t cuts[8];
              size_t ncuts = below (COUNTOF (cuts) + 1);
              for (size_t i = 0; i < ncuts; i++)
                cuts[i] = below (n + 1);
              sort_cuts (cuts, ncuts);
              check_counter (&rules, tables[t].name, wanted, p, n, cuts,
                             ncuts);
              if (has_utf8)
                check_counter (&utf8, tables[t].name, wanted, p, n, cuts,
                               ncuts);
            }
        }
      if (has_utf8)
        char_rules_release (&utf8);
    }
  setlocale (LC_ALL, "C");
  printf ("kernels: counter: %llu comparisons, every set of wanted counts,"
          " all equal\n", comparisons);
}

/* --- guard: spans that end before an unreadable page -------------------- */

static void
guard (void)
{
  comparisons = 0;
  cur_what = "span ending at a page end";
  size_t page;
  unsigned char *map = guard_map (&page, "kernels");
  size_t maxn = page < 64 + 1024 ? page : 64 + 1024;
  for (size_t t = 0; t < ntables; t++)
    {
      if (!enter_table_locale (&tables[t]))
        die ("cannot enter a table's locale");
      struct char_rules rules, utf8;
      rules_of_table (&tables[t], &rules);
      bool has_utf8 = utf8_rules_of_table (&tables[t], &utf8);
      for (size_t n = 0; n <= maxn; n++)
        {
          unsigned char *p = map + page - n;
          fill (p, n, (n + t) % NPROFILES);
          all_levels_on (&tables[t], false, p, n, (page - n) % 64);
          size_t cut = below (n + 1);
          check_counter (&rules, tables[t].name,
                         WANT_LINES | WANT_WORDS | WANT_MAX_WIDTH, p, n,
                         &cut, 1);
          check_counter (&rules, tables[t].name, WANT_LINES, p, n, &cut, 1);
          if (has_utf8)
            check_counter (&utf8, tables[t].name,
                           WANT_LINES | WANT_WORDS | WANT_MAX_WIDTH, p, n,
                           &cut, 1);
          for (size_t l = 0; l < nlevels; l++)
            {
              comparisons++;
              if (levels[l].newlines (p, n) != newlines_by_hand (p, n))
                {
                  fprintf (stderr, "kernels: FAIL: %s newline kernel,"
                           " span of %zu bytes at a page end\n",
                           levels[l].name, n);
                  exit (EXIT_FAILURE);
                }
            }
        }
      if (has_utf8)
        char_rules_release (&utf8);
    }
  setlocale (LC_ALL, "C");
  guard_release (map, page);
  printf ("kernels: guard: %llu comparisons up to a page end, all equal\n",
          comparisons);
}

int
main (int argc, char **argv)
{
  rng_seed (RANDOM_SEED);
  bool all = true;
  bool do_steps = false, do_bytes = false, do_blocks = false;
  bool do_counter = false, do_guard = false, do_levels = false;
  find_levels ();
  /* Tables 0 and 1 are 9.1's, which the classifier checks use.  */
  for (int set = 0; gnu_rules_names[set]; set++)
    {
      add_locale_table ("C", gnu_rules_by_name[set]);
      add_locale_table ("C.UTF-8", gnu_rules_by_name[set]);
    }
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "steps") == 0)
        do_steps = true;
      else if (strcmp (argv[i], "bytes") == 0)
        do_bytes = true;
      else if (strcmp (argv[i], "blocks") == 0)
        do_blocks = true;
      else if (strcmp (argv[i], "counter") == 0)
        do_counter = true;
      else if (strcmp (argv[i], "guard") == 0)
        do_guard = true;
      else if (strcmp (argv[i], "levels") == 0)
        do_levels = true;
      else if (strncmp (argv[i], "locale=", 7) == 0
               && ntables + 2 < COUNTOF (tables))
        {
          add_locale_table (argv[i] + 7, gnu_rules_by_name[0]);
          continue;
        }
      else
        {
          fprintf (stderr, "Usage: kernels [steps|bytes|blocks|counter|guard"
                   "|levels|locale=NAME]...\n");
          return EXIT_FAILURE;
        }
      all = false;
    }
  if (do_levels)
    {
      printf ("kernels: levels: ");
      print_levels ();
      printf ("\n");
    }
  add_synthetic_table ("C with bytes >= 0x80 words", ACT_WORD);
  add_synthetic_table ("C with bytes >= 0x80 spaces", ACT_SPACE);
  if (all || do_steps)
    steps (12, 6);
  if (all || do_bytes)
    bytes ();
  if (all || do_blocks)
    blocks ();
  if (all || do_counter)
    counter ();
  if (all || do_guard)
    guard ();
  return EXIT_SUCCESS;
}
