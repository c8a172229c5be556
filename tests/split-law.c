/* split-law.c: unit test of the counter's one law, that feeding any split of
   the same bytes gives the same counts, in the C and C.UTF-8 locales and for
   every counting pass, with the kernels of the SIMD level WC_SIMD selects;
   of the newline kernels against each other, at every alignment and up to
   a page end; and of a few exact answers from GNU wc 9.1,
   so that a counter that is consistent but wrong still fails.

   Usage: split-law [splits|kernels|known]...  (no argument: all three)
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
#include "simd-levels.h"
#include "split-check.h"
#include "test-support.h"

/* A fixed seed: a failure is reproducible.  */
#define RANDOM_SEED 0x5b1171a3c0de5eedULL

static unsigned long long comparisons;

/* What is being checked, for the failure message.  */
static char const *cur_locale = "";
static bool cur_posixly;
static struct gnu_rules const *cur_rules;
static char const *cur_pass = "";

/* --- the split law ------------------------------------------------------- */

struct pass
{
  char const *name;
  unsigned wanted;
};

static struct pass const passes[] = {
  { "lines", WANT_LINES },
  { "bytes", WANT_BYTES },
  { "lines+bytes", WANT_LINES | WANT_BYTES },
  { "words", WANT_WORDS },
  { "max-width", WANT_MAX_WIDTH },
  { "chars", WANT_CHARS },
  { "all", WANT_LINES | WANT_WORDS | WANT_CHARS | WANT_BYTES
           | WANT_MAX_WIDTH },
};

static struct counts
count_whole (struct char_rules const *rules, unsigned wanted,
             unsigned char const *p, size_t n)
{
  return count_split (rules, wanted, p, n, NULL, 0);
}

static struct counts
count_bytewise (struct char_rules const *rules, unsigned wanted,
                unsigned char const *p, size_t n)
{
  struct counter c;
  counter_init (&c, rules, wanted);
  counter_feed (&c, p, 0);
  for (size_t i = 0; i < n; i++)
    {
      counter_feed (&c, p + i, 1);
      if (i % 5 == 0)
        counter_feed (&c, p + i + 1, 0);
    }
  return counter_finish (&c);
}

_Noreturn static void
law_broken (char const *how, unsigned char const *p, size_t n,
            size_t const *cuts, size_t ncuts, struct counts const *whole,
            struct counts const *split)
{
  fprintf (stderr,
           "split-law: FAIL: %s differs from one feed\n"
           "  locale %s%s, GNU %s rules, pass %s, input ",
           how, cur_locale, cur_posixly ? " (POSIXLY_CORRECT)" : "",
           cur_rules ? cur_rules->version : "?", cur_pass);
  print_bytes (p, n);
  print_cuts (cuts, ncuts);
  print_counts ("one feed", whole);
  print_counts (how, split);
  exit (EXIT_FAILURE);
}

static void
check_cuts (struct char_rules const *rules, unsigned wanted,
            unsigned char const *p, size_t n, struct counts const *whole,
            size_t const *cuts, size_t ncuts, char const *how)
{
  struct counts k = count_split (rules, wanted, p, n, cuts, ncuts);
  comparisons++;
  if (!counts_equal (wanted, whole, &k))
    law_broken (how, p, n, cuts, ncuts, whole, &k);
}

/* Every way the law can be tested on one input.  */
static void
check_input (struct char_rules const *rules, unsigned wanted,
             unsigned char const *p, size_t n)
{
  struct counts whole = count_whole (rules, wanted, p, n);

  struct counts k = count_bytewise (rules, wanted, p, n);
  comparisons++;
  if (!counts_equal (wanted, &whole, &k))
    law_broken ("one byte at a time", p, n, NULL, 0, &whole, &k);

  size_t cuts[16];
  for (int round = 0; round < 6; round++)
    {
      size_t ncuts = 1 + below (COUNTOF (cuts));
      for (size_t i = 0; i < ncuts; i++)
        cuts[i] = below (n + 1);
      /* Sometimes cut next to the previous cut: spans of 0 and 1 byte.  */
      for (size_t i = 1; i < ncuts; i++)
        if (below (4) == 0)
          cuts[i] = cuts[i - 1] + (cuts[i - 1] < n && below (2));
      sort_cuts (cuts, ncuts);
      check_cuts (rules, wanted, p, n, &whole, cuts, ncuts, "random split");
    }

  if (n <= 40)
    for (size_t i = 0; i <= n; i++)
      {
        cuts[0] = i;
        check_cuts (rules, wanted, p, n, &whole, cuts, 1, "one cut");
        for (size_t j = i; j <= n && n <= 16; j++)
          {
            cuts[1] = j;
            check_cuts (rules, wanted, p, n, &whole, cuts, 2, "two cuts");
          }
      }
}

/* Pieces of text that meet every rule: ASCII words and white space, control
   characters, valid characters of every length and width, no-break and
   other Unicode spaces, invalid and truncated sequences.  */
static char const *const pieces[] = {
  "a", "word", " ", "\t", "\n", "\r", "\v", "\f", "\r\n", "  ", "\x01",
  "\x7f", "\x1b", "\xc3\xa9", "\xc2\xa0", "\xe2\x80\x87", "\xe2\x80\xaf",
  "\xe2\x81\xa0", "\xe3\x80\x80", "\xe2\x80\x83", "\xe2\x80\xa8",
  "\xc2\x85", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xc2\xad", "\xe4\xb8\xad",
  "\xf0\x9f\x98\x80", "e\xcc\x81", "\xcc\x81", "\xe2\x82\xac",
  "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
  "\xff", "\x80", "\xc0\xaf", "\xe0\x80\x80", "\xed\xa0\x80", "\xe2\x82",
  "\xf0\x9f\x98", "\xc3", "\xee\x80\x80", "\xcd\xb8", "\xa0",
};

/* What random_input fills with.  */
enum input_kind
{
  RANDOM_PIECES,
  RANDOM_BYTES,
  /* Printable ASCII and white space with a piece now and then: whole blocks
     of ASCII between characters to decode.  */
  MOSTLY_ASCII
};

/* Fill P with N bytes of KIND.  */
static void
random_input (unsigned char *p, size_t n, enum input_kind kind)
{
  size_t i = 0;
  while (i < n)
    {
      if (kind == RANDOM_BYTES)
        {
          p[i++] = next64 () & 0xff;
          continue;
        }
      if (kind == MOSTLY_ASCII && below (100))
        {
          p[i++] = below (6) ? 0x21 + below (0x5e) : " \n\t\r\v\f"[below (6)];
          continue;
        }
      char const *s;
      if (below (3) == 0)
        {
          p[i++] = (below (2) ? 0x80 + below (0x80) : 0x20 + below (0x5f))
                   & 0xff;
          continue;
        }
      if (below (6) == 0)
        {
          /* A NUL byte, which strlen cannot carry in a piece.  */
          p[i++] = 0;
          continue;
        }
      s = pieces[below (COUNTOF (pieces))];
      for (; *s && i < n; s++)
        p[i++] = (unsigned char) *s;
    }
}

static void
split_law (void)
{
  enum { BIG_INPUT = 70000 };
  unsigned char *buf = malloc (BIG_INPUT);
  if (!buf)
    {
      fputs ("split-law: out of memory\n", stderr);
      exit (EXIT_FAILURE);
    }
  static char const *const locales[] = { "C", "C.UTF-8" };
  for (size_t l = 0; l < COUNTOF (locales); l++)
    {
      cur_locale = locales[l];
      if (!setlocale (LC_ALL, cur_locale))
        {
          fprintf (stderr, "split-law: locale %s is not available\n",
                   cur_locale);
          exit (EXIT_FAILURE);
        }
      /* Both settings of POSIXLY_CORRECT, under each rule set.  */
      for (int variant = 0; variant < 4; variant++)
        {
          int posixly = variant & 1;
          cur_posixly = posixly;
          cur_rules = gnu_rules_by_name[variant >> 1];
          struct char_rules rules;
          char_rules_init (&rules, cur_rules, posixly);
          for (size_t ps = 0; ps < COUNTOF (passes); ps++)
            {
              cur_pass = passes[ps].name;
              for (int i = 0; i < 400; i++)
                {
                  size_t n = (i < 100 ? below (17) : i < 300 ? below (41)
                              : i < 396 ? below (600) : BIG_INPUT - below (99));
                  random_input (buf, n, (i % 4 == 0 ? RANDOM_BYTES
                                         : i % 4 == 1 ? MOSTLY_ASCII
                                         : RANDOM_PIECES));
                  check_input (&rules, passes[ps].wanted, buf, n);
                }
            }
        }
    }
  free (buf);
  setlocale (LC_ALL, "C");
  printf ("split-law: splits: %llu comparisons, all equal, %s kernels\n",
          comparisons, simd_level_name (counter_simd_level (NULL)));
}

/* --- the newline kernels ------------------------------------------------ */

_Noreturn static void
kernel_wrong (char const *kernel, char const *where, size_t align, size_t n,
              uintmax_t expected, uintmax_t got)
{
  fprintf (stderr,
           "split-law: FAIL: %s newline kernel %s, alignment %zu, length %zu:"
           " %ju newlines, kernel says %ju\n",
           kernel, where, align, n, expected, got);
  exit (EXIT_FAILURE);
}

/* Every newline kernel the CPU runs on P[0..N), against a byte loop.  */
static void
check_kernels (unsigned char const *p, size_t n, size_t align,
               char const *where)
{
  uintmax_t expected = newlines_by_hand (p, n);
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  for (size_t l = 0; l < nlevels; l++)
    {
      uintmax_t got = levels[l].count_newlines (p, n);
      comparisons++;
      if (got != expected)
        kernel_wrong (levels[l].name, where, align, n, expected, got);
    }
}

static void
kernels (void)
{
  comparisons = 0;

  /* Every length 0..1024 at every alignment 0..63, in bytes that are often
     newlines.  */
  enum { KERNEL_SPAN = 64 + 1024 };
  alignas (64) static unsigned char buf[KERNEL_SPAN + 64];
  for (size_t i = 0; i < sizeof buf; i++)
    buf[i] = below (3) ? '\n' : next64 () & 0xff;
  for (size_t align = 0; align < 64; align++)
    for (size_t n = 0; n <= 1024; n++)
      check_kernels (buf + align, n, align, "in the middle of a buffer");

  /* Long runs of newlines only: the vector kernels sum byte-wide lanes,
     which must not overflow however many newlines come.  */
  enum { NEWLINE_RUN = 300000 };
  unsigned char *all = malloc (NEWLINE_RUN + 64);
  if (!all)
    {
      fputs ("split-law: out of memory\n", stderr);
      exit (EXIT_FAILURE);
    }
  memset (all, '\n', NEWLINE_RUN + 64);
  static size_t const lengths[] = {
    255 * 32 - 1, 255 * 32, 255 * 32 + 1, 255 * 32 + 31, 255 * 32 + 32,
    2 * 255 * 32, 255 * 64 - 1, 255 * 64, 255 * 64 + 1, 255 * 64 + 63,
    255 * 64 + 64, 2 * 255 * 64 + 17, 8192, 16320, 16384, 65536,
    NEWLINE_RUN,
  };
  for (size_t i = 0; i < COUNTOF (lengths); i++)
    for (size_t align = 0; align < 64; align += 7)
      check_kernels (all + align, lengths[i], align, "over a run of newlines");
  free (all);

  /* Spans that end exactly at the end of a page followed by an inaccessible
     page: a kernel that reads one byte too far gets SIGSEGV.  */
  size_t page;
  unsigned char *map = guard_map (&page, "split-law");
  for (size_t i = 0; i < page; i++)
    map[i] = below (3) ? '\n' : next64 () & 0xff;
  size_t maxn = page < 1024 + 64 ? page : 1024 + 64;
  for (size_t n = 0; n <= maxn; n++)
    check_kernels (map + page - n, n, (page - n) % 64,
                   "ending at a page end");

  /* The whole counter, every pass, on spans ending at the page end, some
     with a multibyte character cut short by the end: the decoder must stop
     at the span's end too, and count what the same bytes count anywhere
     else.  */
  static char const *const tails[] = {
    "", "\xe2\x82", "\xf0\x9f\x98", "\xc3", "\xe2\x82\xac", "\xf8\x88\x80",
  };
  static char const *const locales[] = { "C", "C.UTF-8" };
  for (size_t l = 0; l < COUNTOF (locales); l++)
    {
      if (!setlocale (LC_ALL, locales[l]))
        {
          fprintf (stderr, "split-law: locale %s is not available\n",
                   locales[l]);
          exit (EXIT_FAILURE);
        }
      struct char_rules rules;
      char_rules_init (&rules, gnu_rules_default, false);
      for (size_t t = 0; t < COUNTOF (tails); t++)
        {
          size_t tl = strlen (tails[t]);
          random_input (map, page - tl, RANDOM_PIECES);
          memcpy (map + page - tl, tails[t], tl);
          for (size_t ps = 0; ps < COUNTOF (passes); ps++)
            for (size_t n = 0; n <= 80 && n <= page; n++)
              {
                unsigned char const *at_end = map + page - n;
                unsigned char elsewhere[80];
                memcpy (elsewhere, at_end, n);
                unsigned wanted = passes[ps].wanted;
                struct counts want = count_whole (&rules, wanted, elsewhere,
                                                  n);
                struct counts got = count_whole (&rules, wanted, at_end, n);
                comparisons++;
                if (!counts_equal (wanted, &want, &got))
                  {
                    fprintf (stderr, "split-law: FAIL: locale %s, pass %s:"
                             " a span ending at a page end counts"
                             " differently, input ", locales[l],
                             passes[ps].name);
                    print_bytes (at_end, n);
                    print_counts ("in a buffer", &want);
                    print_counts ("at a page end", &got);
                    exit (EXIT_FAILURE);
                  }
              }
        }
    }
  setlocale (LC_ALL, "C");
  guard_release (map, page);
  printf ("split-law: kernels: %llu comparisons, all equal, levels:",
          comparisons);
  size_t nknown;
  struct test_level const *known = simd_levels_known (&nknown);
  for (size_t l = 0; l < nknown; l++)
    if (known[l].absent)
      printf (" (%s %s)", known[l].name, known[l].absent);
    else
      printf (" %s", known[l].name);
  printf ("\n");
}

/* --- exact answers ------------------------------------------------------ */

/* GNU wc 9.1's counts for small inputs (SPEC section 2); a value of -1
   means "not checked".  */
struct known
{
  char const *locale;
  bool posixly;
  char const *input;
  size_t len;                   /* 0: strlen (input) */
  long long lines, words, chars, bytes, max_width;
};

static struct known const known[] = {
  /* Words: the neutral class of non-printable bytes.  */
  { "C", 0, "a\x01" "b", 0, 0, 1, 3, 3, 2 },
  { "C", 0, "\x01", 0, 0, 0, 1, 1, 0 },
  { "C", 0, "a \x01 b", 0, 0, 2, 5, 5, 4 },
  { "C", 0, "a\0b", 3, 0, 1, 3, 3, 2 },
  { "C", 0, "\0", 1, 0, 0, 1, 1, 0 },
  { "C", 0, "\x80\xff", 0, 0, 0, 2, 2, 0 },
  { "C", 0, "x\xffy z", 0, 0, 2, 5, 5, 4 },
  { "C", 0, "a\x7f" "b \x7f", 0, 0, 1, 5, 5, 3 },
  { "C", 0, "caf\xc3\xa9 na\xc3\xafve", 0, 0, 2, 12, 12, 8 },
  { "C", 0, "a\xa0" "b", 0, 0, 1, 3, 3, 2 },
  { "C", 0, "a\xc2\xa0" "b", 0, 0, 1, 4, 4, 2 },
  { "C", 0, "one  two\tthree\nfour\vfive\fsix\rseven", 0, 1, 7, 34, 34, 21 },
  { "C", 0, "x y\nz", 0, 1, 3, 5, 5, 3 },
  /* Characters and words in UTF-8.  */
  { "C.UTF-8", 0, "caf\xc3\xa9 na\xc3\xafve", 0, 0, 2, 10, 12, 10 },
  { "C.UTF-8", 0, "x\xffy", 0, 0, 1, 2, 3, 2 },
  { "C.UTF-8", 0, "\xff", 0, 0, 0, 0, 1, 0 },
  { "C.UTF-8", 0, "x \xff \x01 y", 0, 0, 2, 6, 7, 5 },
  { "C.UTF-8", 0, "\xe2\x82", 0, 0, 0, 0, 2, 0 },
  { "C.UTF-8", 0, "\xe2\x82\xac", 0, 0, 1, 1, 3, 1 },
  { "C.UTF-8", 0, "\xe2\x82\xac\xac", 0, 0, 1, 1, 4, 1 },
  { "C.UTF-8", 0, "\xc0\xaf", 0, 0, 0, 0, 2, 0 },
  { "C.UTF-8", 0, "\xe0\x80\x80", 0, 0, 0, 0, 3, 0 },
  { "C.UTF-8", 0, "\xed\xa0\x80", 0, 0, 0, 0, 3, 0 },
  { "C.UTF-8", 0, "\xf4\x90\x80\x80", 0, 0, 0, 1, 4, 0 },
  { "C.UTF-8", 0, "\xf8\x88\x80\x80\x80", 0, 0, 0, 1, 5, 0 },
  { "C.UTF-8", 0, "a\xc2\xa0" "b", 0, 0, 2, 3, 4, 3 },
  { "C.UTF-8", 0, "a\xe2\x80\x87" "b", 0, 0, 2, 3, 5, 3 },
  { "C.UTF-8", 0, "a\xe2\x80\xaf" "b", 0, 0, 2, 3, 5, 3 },
  { "C.UTF-8", 0, "a\xe2\x81\xa0" "b", 0, 0, 2, 3, 5, 2 },
  { "C.UTF-8", 1, "a\xc2\xa0" "b", 0, 0, 1, 3, 4, 3 },
  { "C.UTF-8", 1, "a\xe2\x81\xa0" "b", 0, 0, 1, 3, 5, 2 },
  { "C.UTF-8", 0, "a\xe2\x80\x83" "b a\xe3\x80\x80" "b a\xe1\x9a\x80" "b",
    0, 0, 6, 11, 17, 12 },
  { "C.UTF-8", 0, "a\xe2\x80\xa8" "b a\xe2\x80\xa9" "b", 0, 0, 2, 7, 11,
    5 },
  { "C.UTF-8", 0, "a\xc2\x85" "b", 0, 0, 1, 3, 4, 2 },
  { "C.UTF-8", 0, "\xe2\x80\xa8", 0, 0, 0, 1, 3, 0 },
  { "C.UTF-8", 0, "\xe2\x80\x8b \xef\xbb\xbf \xc2\xad", 0, 0, 3, 5, 10,
    3 },
  { "C.UTF-8", 0, "\xee\x80\x80 \xcd\xb8", 0, 0, 1, 3, 6, 2 },
  /* Line widths.  */
  { "C", 0, "abc\n12345\n", 0, 2, 2, 10, 10, 5 },
  { "C", 0, "\n123456", 0, 1, 1, 7, 7, 6 },
  { "C", 0, "\t", 0, 0, 0, 1, 1, 8 },
  { "C", 0, "a\tb", 0, 0, 2, 3, 3, 9 },
  { "C", 0, "1234567\tb", 0, 0, 2, 9, 9, 9 },
  { "C", 0, "12345678\tb", 0, 0, 2, 10, 10, 17 },
  { "C", 0, " \t ", 0, 0, 0, 3, 3, 9 },
  { "C", 0, "abcdef\rxy", 0, 0, 2, 9, 9, 6 },
  { "C", 0, "abc\fdefgh", 0, 0, 2, 9, 9, 5 },
  { "C", 0, "abc\vdefgh", 0, 0, 2, 9, 9, 8 },
  { "C", 0, "a\x01\x02\x08" "b", 0, 0, 1, 5, 5, 2 },
  { "C", 0, "\x1b[31mred\x1b[0m", 0, 0, 1, 12, 12, 10 },
  { "C", 0, "\xe4\xb8\x80\xe4\xb8\x80", 0, 0, 0, 6, 6, 0 },
  { "C.UTF-8", 0, "\xe4\xb8\x80\xe4\xb8\x80", 0, 0, 1, 2, 6, 4 },
  { "C.UTF-8", 0, "e\xcc\x81", 0, 0, 1, 2, 3, 1 },
  { "C.UTF-8", 0, "a\xe2\x80\x8b" "b", 0, 0, 1, 3, 5, 2 },
  { "C.UTF-8", 0, "\xf0\x9f\x98\x80", 0, 0, 1, 1, 4, 2 },
  { "C.UTF-8", 0, "a\xe3\x80\x80" "b", 0, 0, 2, 3, 5, 4 },
  { "C.UTF-8", 0, "a\xc2\xad" "b", 0, 0, 1, 3, 4, 3 },
  { "C.UTF-8", 0, "a\xff" "b", 0, 0, 1, 2, 3, 2 },
  { "C.UTF-8", 0, "ab\xe4\xb8\x80\t|", 0, 0, 2, 5, 7, 9 },
};

static void
check_field (struct known const *k, char const *field, long long expected,
             uintmax_t got, char const *how)
{
  if (expected < 0 || (uintmax_t) expected == got)
    return;
  fprintf (stderr,
           "split-law: FAIL: known answer, locale %s%s, counted %s, input ",
           k->locale, k->posixly ? " (POSIXLY_CORRECT)" : "", how);
  print_bytes ((unsigned char const *) k->input,
               k->len ? k->len : strlen (k->input));
  fprintf (stderr, "  %s: GNU wc 9.1 says %lld, the counter says %ju\n",
           field, expected, got);
  exit (EXIT_FAILURE);
}

static void
known_answers (void)
{
  unsigned wanted_all = (WANT_LINES | WANT_WORDS | WANT_CHARS | WANT_BYTES
                         | WANT_MAX_WIDTH);
  size_t checked = 0;
  for (size_t i = 0; i < COUNTOF (known); i++)
    {
      struct known const *k = &known[i];
      if (!setlocale (LC_ALL, k->locale))
        {
          fprintf (stderr, "split-law: locale %s is not available\n",
                   k->locale);
          exit (EXIT_FAILURE);
        }
      /* The answers are GNU wc 9.1's.  */
      struct char_rules rules;
      char_rules_init (&rules, gnu_rules_by_name[0], k->posixly);
      unsigned char const *p = (unsigned char const *) k->input;
      size_t n = k->len ? k->len : strlen (k->input);
      for (int way = 0; way < 2; way++)
        {
          char const *how = way ? "one byte at a time" : "in one feed";
          struct counts c = (way ? count_bytewise (&rules, wanted_all, p, n)
                             : count_whole (&rules, wanted_all, p, n));
          check_field (k, "lines", k->lines, c.lines, how);
          check_field (k, "words", k->words, c.words, how);
          check_field (k, "chars", k->chars, c.chars, how);
          check_field (k, "bytes", k->bytes, c.bytes, how);
          check_field (k, "max_width", k->max_width, c.max_width, how);
          /* Each count alone, through its own (cheaper) pass.  */
          static struct { unsigned want; char const *name; } const alone[] = {
            { WANT_LINES, "lines" }, { WANT_WORDS, "words" },
            { WANT_CHARS, "chars" }, { WANT_BYTES, "bytes" },
            { WANT_MAX_WIDTH, "max_width" },
          };
          for (size_t a = 0; a < COUNTOF (alone); a++)
            {
              struct counts s = (way
                                 ? count_bytewise (&rules, alone[a].want, p, n)
                                 : count_whole (&rules, alone[a].want, p, n));
              uintmax_t got = (a == 0 ? s.lines : a == 1 ? s.words
                               : a == 2 ? s.chars : a == 3 ? s.bytes
                               : s.max_width);
              long long want = (a == 0 ? k->lines : a == 1 ? k->words
                                : a == 2 ? k->chars : a == 3 ? k->bytes
                                : k->max_width);
              check_field (k, alone[a].name, want, got,
                           way ? "alone, one byte at a time"
                           : "alone, in one feed");
            }
        }
      checked++;
    }
  setlocale (LC_ALL, "C");
  printf ("split-law: known: %zu inputs give GNU wc 9.1's counts\n", checked);
}

int
main (int argc, char **argv)
{
  rng_seed (RANDOM_SEED);
  bool all = argc < 2;
  bool do_splits = all, do_kernels = all, do_known = all;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "splits") == 0)
        do_splits = true;
      else if (strcmp (argv[i], "kernels") == 0)
        do_kernels = true;
      else if (strcmp (argv[i], "known") == 0)
        do_known = true;
      else
        {
          fprintf (stderr, "Usage: split-law [splits|kernels|known]...\n");
          return EXIT_FAILURE;
        }
    }
  if (do_known)
    known_answers ();
  if (do_splits)
    split_law ();
  if (do_kernels)
    kernels ();
  return EXIT_SUCCESS;
}
