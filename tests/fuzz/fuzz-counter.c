/* fuzz-counter.c: fuzz target over the counting engine.  Each input is a
   4-byte header and the text to count:

     byte 0: bits 0-1 the locale (C, C.UTF-8, ja_JP.SJIS, zh_CN.GB18030),
             bit 2 POSIXLY_CORRECT, bits 3-7 mixed into the split seed
     byte 1: bits 0-4 the wanted counts (WANT_*; 0 means wc's default -lwc),
             bit 5 GNU wc 9.7's rules instead of 9.1's
     bytes 2-3: the split seed

   The text is counted at every kernel level (simd-levels.h) in one span,
   in spans cut at seeded random points, and (when short) one byte at a
   time.  Each span is copied into an allocation of exactly its size, so
   AddressSanitizer sees any read past a span's end or any pointer kept to
   a span after it was fed.  Every result must equal the reference
   counter's (reference.h) on the wanted counts, and all must be equal to
   each other on every count.

   The legacy multibyte locales are compiled by tests/fuzz/make-locales into
   the directory named by WC_FUZZ_LOCPATH; without them, their inputs are
   counted in C.UTF-8 instead (the failure report names the locale used).

   WC_FUZZ_PLANT_BUG=1 makes the reference count one byte too many, so that
   a test can check that a wrong count is caught.  */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "counter.h"
#include "fuzz-target.h"
#include "reference.h"
#include "simd-levels.h"

enum { HEADER_SIZE = 4, MAX_CUTS = 16, BYTEWISE_MAX = 256 };

struct fuzz_locale
{
  char const *name;
  bool legacy;                  /* needs WC_FUZZ_LOCPATH */
  bool available;
  /* Without, with POSIXLY_CORRECT; under GNU 9.1's rules, then 9.7's.  */
  struct char_rules rules[4];
};

static struct fuzz_locale locales[] =
{
  { "C", false, false, {{0}} },
  { "C.UTF-8", false, false, {{0}} },
  { "ja_JP.SJIS", true, false, {{0}} },
  { "zh_CN.GB18030", true, false, {{0}} },
};
enum { N_LOCALES = sizeof locales / sizeof *locales, FALLBACK_LOCALE = 1 };

static char const *legacy_locpath;
static bool plant_bug;
static struct fuzz_locale *current_locale;

/* Make L the locale of the process.  LOCPATH is set only for the legacy
   locales, so that C.UTF-8 is found wherever the system keeps it.  */
static bool
enter_locale (struct fuzz_locale *l)
{
  if (current_locale == l)
    return true;
  if (l->legacy)
    {
      if (!legacy_locpath || setenv ("LOCPATH", legacy_locpath, 1) != 0)
        return false;
    }
  else
    unsetenv ("LOCPATH");
  if (!setlocale (LC_ALL, l->name))
    return false;
  current_locale = l;
  return true;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  plant_bug = getenv ("WC_FUZZ_PLANT_BUG") != NULL;
  legacy_locpath = getenv ("WC_FUZZ_LOCPATH");
  if (legacy_locpath && !*legacy_locpath)
    legacy_locpath = NULL;
  for (size_t i = 0; i < N_LOCALES; i++)
    {
      struct fuzz_locale *l = &locales[i];
      l->available = enter_locale (l);
      if (l->available)
        {
          for (int r = 0; r < 4; r++)
            char_rules_init (&l->rules[r], gnu_rules_by_name[r >> 1],
                             r & 1);
        }
      else if (!l->legacy)
        {
          fprintf (stderr, "fuzz-counter: locale %s is not available\n",
                   l->name);
          abort ();
        }
    }
  /* Say what is compared, since a missing locale or level is not an error.  */
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  fputs ("fuzz-counter: kernel levels:", stderr);
  for (size_t i = 0; i < nlevels; i++)
    fprintf (stderr, " %s", levels[i].name);
  fputs ("; locales:", stderr);
  for (size_t i = 0; i < N_LOCALES; i++)
    if (locales[i].available)
      fprintf (stderr, " %s", locales[i].name);
  fputs ("\n", stderr);
  return 0;
}

/* What is being compared, for the report of a failure.  */
struct trial
{
  struct fuzz_locale const *locale;
  bool posixly_correct;
  bool gnu97;                   /* GNU wc 9.7's rules, not 9.1's */
  unsigned wanted;
  unsigned char const *text;
  size_t n;
};

static void
print_counts (char const *label, uintmax_t lines, uintmax_t words,
              uintmax_t chars, uintmax_t bytes, uintmax_t max_width)
{
  fprintf (stderr,
           "  %s: lines=%ju words=%ju chars=%ju bytes=%ju max_width=%ju\n",
           label, lines, words, chars, bytes, max_width);
}

/* The counter's rules for trial T.  */
static struct char_rules const *
trial_rules (struct trial const *t)
{
  return &t->locale->rules[2 * t->gnu97 + t->posixly_correct];
}

_Noreturn static void
report (struct trial const *t, char const *what, char const *how,
        struct counts const *got, struct reference_counts const *want,
        struct counts const *other, size_t const *cuts, size_t ncuts)
{
  fprintf (stderr, "fuzz-counter: FAIL: %s\n  locale %s%s, GNU %s rules,"
           " wanted 0x%x, counted %s\n  text (%zu bytes): '", what,
           t->locale->name, t->posixly_correct ? " (POSIXLY_CORRECT)" : "",
           t->gnu97 ? "9.7" : "9.1", t->wanted, how, t->n);
  for (size_t i = 0; i < t->n && i < 256; i++)
    fprintf (stderr, "\\x%02x", t->text[i]);
  fprintf (stderr, "'%s\n", t->n > 256 ? "..." : "");
  if (ncuts)
    {
      fputs ("  cut at:", stderr);
      for (size_t i = 0; i < ncuts; i++)
        fprintf (stderr, " %zu", cuts[i]);
      fputs ("\n", stderr);
    }
  print_counts ("got", got->lines, got->words, got->chars, got->bytes,
                got->max_width);
  if (want)
    print_counts ("reference", want->lines, want->words, want->chars,
                  want->bytes, want->max_width);
  if (other)
    print_counts ("one span", other->lines, other->words, other->chars,
                  other->bytes, other->max_width);
  abort ();
}

/* Feed T's text cut at CUTS (NCUTS sorted positions; a repeat is an empty
   span), each span in its own exactly sized copy.  */
static struct counts
count_cut (struct test_level const *level, struct trial const *t,
           size_t const *cuts, size_t ncuts)
{
  struct counter c;
  counter_init_at (&c, trial_rules (t), t->wanted,
                   level->level);
  size_t at = 0;
  for (size_t i = 0; i <= ncuts; i++)
    {
      size_t end = i < ncuts ? cuts[i] : t->n;
      size_t len = end - at;
      unsigned char *span = malloc (len ? len : 1);
      if (!span)
        abort ();
      memcpy (span, t->text + at, len);
      counter_feed (&c, span, len);
      free (span);
      at = end;
    }
  return counter_finish (&c);
}

static struct counts
count_whole (struct test_level const *level, struct trial const *t)
{
  struct counter c;
  counter_init_at (&c, trial_rules (t), t->wanted,
                   level->level);
  counter_feed (&c, t->text, t->n);
  return counter_finish (&c);
}

/* A and B agree on every count of the WANTED set (and on bytes): those
   are what wc prints.  A count not wanted may be left uncomputed, and
   differ between kernels that compute it and kernels that skip it.  */
static bool
counts_equal (unsigned wanted, struct counts const *a, struct counts const *b)
{
  return (a->bytes == b->bytes
          && (!(wanted & WANT_LINES) || a->lines == b->lines)
          && (!(wanted & WANT_WORDS) || a->words == b->words)
          && (!(wanted & WANT_CHARS) || a->chars == b->chars)
          && (!(wanted & WANT_MAX_WIDTH) || a->max_width == b->max_width));
}

/* The counts wc prints for T's wanted set agree with the reference; bytes
   are always counted.  */
static bool
agrees_with_reference (struct trial const *t, struct counts const *c,
                       struct reference_counts const *r)
{
  unsigned w = t->wanted;
  return (c->bytes == r->bytes
          && (!(w & WANT_LINES) || c->lines == r->lines)
          && (!(w & WANT_WORDS) || c->words == r->words)
          && (!(w & WANT_CHARS) || c->chars == r->chars)
          && (!(w & WANT_MAX_WIDTH) || c->max_width == r->max_width));
}

/* The reference's name for a WANT_* set.  */
static unsigned
reference_wanted (unsigned wanted)
{
  return ((wanted & WANT_LINES ? REFERENCE_LINES : 0)
          | (wanted & WANT_WORDS ? REFERENCE_WORDS : 0)
          | (wanted & WANT_CHARS ? REFERENCE_CHARS : 0)
          | (wanted & WANT_BYTES ? REFERENCE_BYTES : 0)
          | (wanted & WANT_MAX_WIDTH ? REFERENCE_MAX_WIDTH : 0));
}

/* splitmix64: the cuts depend on the input alone.  */
static uint64_t
next_random (uint64_t *state)
{
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static size_t
random_cuts (uint64_t seed, size_t n, size_t *cuts)
{
  uint64_t state = seed;
  size_t ncuts = 1 + next_random (&state) % MAX_CUTS;
  for (size_t i = 0; i < ncuts; i++)
    {
      uint64_t r = next_random (&state);
      /* Often right after the previous cut: spans of 0, 1 and 2 bytes,
         where a character is most likely to be cut.  */
      if (i && r % 3 == 0)
        {
          size_t next = cuts[i - 1] + (r >> 8) % 3;
          cuts[i] = next < n ? next : n;
        }
      else
        cuts[i] = (r >> 8) % (n + 1);
    }
  for (size_t i = 1; i < ncuts; i++)
    for (size_t j = i; j && cuts[j] < cuts[j - 1]; j--)
      {
        size_t tmp = cuts[j];
        cuts[j] = cuts[j - 1];
        cuts[j - 1] = tmp;
      }
  return ncuts;
}

int
LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  unsigned char header[HEADER_SIZE] = { 0 };
  memcpy (header, data, size < HEADER_SIZE ? size : HEADER_SIZE);
  struct trial t;
  struct fuzz_locale *l = &locales[header[0] & 3];
  if (!l->available)
    l = &locales[FALLBACK_LOCALE];
  if (!enter_locale (l))
    {
      fprintf (stderr, "fuzz-counter: cannot enter locale %s again\n",
               l->name);
      abort ();
    }
  t.locale = l;
  t.posixly_correct = header[0] & 4;
  t.wanted = header[1] & 31;
  t.gnu97 = header[1] & 32;
  if (!t.wanted)
    t.wanted = WANT_LINES | WANT_WORDS | WANT_BYTES;
  t.text = data + (size < HEADER_SIZE ? size : HEADER_SIZE);
  t.n = size - (size < HEADER_SIZE ? size : HEADER_SIZE);
  uint64_t seed = ((uint64_t) (header[0] >> 3) << 16 | header[2] << 8
                   | header[3]);

  struct reference_counts ref = reference_count (t.text, t.n,
                                                 t.posixly_correct, t.gnu97,
                                                 reference_wanted (t.wanted));
  ref.bytes += plant_bug;
  size_t cuts[MAX_CUTS > BYTEWISE_MAX ? MAX_CUTS : BYTEWISE_MAX];
  size_t ncuts = random_cuts (seed, t.n, cuts);
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  struct counts first = { 0 };
  for (size_t i = 0; i < nlevels; i++)
    {
      struct test_level const *level = &levels[i];
      struct counts whole = count_whole (level, &t);
      if (!agrees_with_reference (&t, &whole, &ref))
        report (&t, "one span differs from the reference", level->name,
                &whole, &ref, NULL, NULL, 0);
      if (i == 0)
        first = whole;
      else if (!counts_equal (t.wanted, &whole, &first))
        report (&t, "kernel levels differ", level->name, &whole, NULL,
                &first, NULL, 0);

      struct counts split = count_cut (level, &t, cuts, ncuts);
      if (!counts_equal (t.wanted, &split, &whole))
        report (&t, "a split differs from one span", level->name, &split,
                &ref, &whole, cuts, ncuts);

      if (t.n <= BYTEWISE_MAX)
        {
          for (size_t k = 0; k < t.n; k++)
            cuts[k] = k;
          struct counts bytewise = count_cut (level, &t, cuts, t.n);
          if (!counts_equal (t.wanted, &bytewise, &whole))
            report (&t, "byte by byte differs from one span", level->name,
                    &bytewise, &ref, &whole, NULL, 0);
          ncuts = random_cuts (seed, t.n, cuts);
        }
    }
  return 0;
}
