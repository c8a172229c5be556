/* utf8-check.c: unit test of the UTF-8 kernels against the C library.  The
   decoder must say what mbrtowc says; the code point cache what
   wide_char_action says, even with threads filling it at once; the UTF-8
   passes must give the counts of the mbrtowc pass (scan_multibyte) for any
   split of the input; the character kernels must count exactly and never
   read past their span.

   Usage: utf8-check PART...   in a UTF-8 locale (taken from the environment)
     decoder      every sequence of up to 3 bytes, every lead and second
                  byte with chosen later bytes, random longer sequences
     decoder-all  every 4-byte sequence (2^32 mbrtowc calls: minutes)
     classes      every code point through the cache, from several threads
     passes       the UTF-8 passes against the mbrtowc pass, whole and split,
                  with the kernels of every level the CPU runs
     chars        the character kernels at every alignment and length
     pass         print which pass -w and -m get in this locale
     gen SIZE     write SIZE bytes of text that is mostly not ASCII
   Prints one summary line per part; on the first failure, describes it on
   stderr and exits with status 1.  */
#include <config.h>

#include <locale.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "counter.h"
#include "simd-levels.h"
#include "utf8-class.h"
#include "utf8-decode.h"
#include "split-check.h"
#include "test-support.h"

/* A fixed seed: a failure is reproducible.  */
#define RANDOM_SEED 0x7f8e5a1c0ffee123ULL

static void *
xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p)
    {
      fputs ("utf8-check: out of memory\n", stderr);
      exit (EXIT_FAILURE);
    }
  return p;
}

static char const *locale_name = "";
/* The GNU rule set of the rules being checked, for the messages.  */
static char const *rules_name = "";

/* --- the decoder --------------------------------------------------------- */

static unsigned long long decodes;

/* mbrtowc's verdict on P[0..N) in utf8_decode's terms.  */
static int
libc_decode (uint32_t *cp, unsigned char const *p, size_t n)
{
  mbstate_t st;
  memset (&st, 0, sizeof st);
  wchar_t wc = 0;
  size_t r = mbrtowc (&wc, (char const *) p, n, &st);
  *cp = (uint32_t) wc;
  return (r == (size_t) -1 ? UTF8_INVALID : r == (size_t) -2 ? UTF8_INCOMPLETE
          : r == 0 ? 1 : (int) r);
}

_Noreturn static void
decoders_differ (char const *decoder, unsigned char const *p, size_t n,
                 int want, uint32_t want_cp, int got, uint32_t got_cp)
{
  fprintf (stderr, "utf8-check: FAIL: decoder, locale %s, input ",
           locale_name);
  print_bytes (p, n);
  fprintf (stderr, "  mbrtowc: %d (U+%04X), %s: %d (U+%04X)\n",
           want, (unsigned) want_cp, decoder, got, (unsigned) got_cp);
  exit (EXIT_FAILURE);
}

/* Both decoders on P[0..N).  utf8_decode_short reads four bytes: it gets
   P's first four, or P padded with one of three bytes, and must decode
   every character of up to four bytes as mbrtowc does, and nothing
   else.  */
static void
check_decode (unsigned char const *p, size_t n)
{
  uint32_t want_cp = 0, got_cp = 0;
  int want = libc_decode (&want_cp, p, n);
  int got = utf8_decode (&got_cp, p, n);
  decodes++;
  if (want != got || (0 < got && want_cp != got_cp))
    decoders_differ ("utf8_decode", p, n, want, want_cp, got, got_cp);

  static unsigned char const pads[] = { 0x00, 0x80, 0xBF };
  unsigned char four[4];
  for (size_t pad = 0; pad < (n < 4 ? sizeof pads : 1); pad++)
    {
      for (size_t i = 0; i < 4; i++)
        four[i] = i < n ? p[i] : pads[pad];
      want = libc_decode (&want_cp, four, 4);
      got = utf8_decode_short (&got_cp, four);
      bool fast = 0 < want && want <= 4;
      if (fast ? got != want || got_cp != want_cp : got != 0)
        decoders_differ ("utf8_decode_short", four, 4, want, want_cp, got,
                         got_cp);
    }
}

/* Bytes that differ in every way a byte after the lead can matter: not a
   continuation (ASCII, lead, never valid) or a continuation at each edge
   of the ranges the second byte is held to.  */
static unsigned char const later[] = {
  0x00, 0x41, 0x7F, 0x80, 0x81, 0x83, 0x84, 0x87, 0x88, 0x8F, 0x90, 0x9F,
  0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xF8, 0xFE, 0xFF,
};
static unsigned char const later_short[] = { 0x00, 0x7F, 0x80, 0xBF, 0xC2,
                                             0xFF };

static void
decoder (void)
{
  unsigned char s[8];
  /* Every sequence of 1, 2 and 3 bytes, whole: shorter N are the shorter
     sequences.  */
  for (unsigned a = 0; a < 256; a++)
    {
      s[0] = a;
      check_decode (s, 1);
      for (unsigned b = 0; b < 256; b++)
        {
          s[1] = b;
          check_decode (s, 2);
          for (unsigned c = 0; c < 256; c++)
            {
              s[2] = c;
              check_decode (s, 3);
            }
        }
    }
  /* Four bytes: every first and second byte (they hold the overlong and
     range limits), the third and fourth from LATER.  */
  for (unsigned a = 0; a < 256; a++)
    for (unsigned b = 0; b < 256; b++)
      for (size_t c = 0; c < COUNTOF (later); c++)
        for (size_t d = 0; d < COUNTOF (later); d++)
          {
            s[0] = a, s[1] = b, s[2] = later[c], s[3] = later[d];
            check_decode (s, 4);
          }
  /* Five and six bytes: the leads F8..FF, every second byte, the rest
     from LATER_SHORT, whole and with one byte more.  */
  size_t const m = COUNTOF (later_short);
  for (unsigned a = 0xF8; a < 256; a++)
    for (unsigned b = 0; b < 256; b++)
      for (size_t rest = 0; rest < m * m * m * m; rest++)
        {
          s[0] = a, s[1] = b;
          s[2] = later_short[rest % m];
          s[3] = later_short[rest / m % m];
          s[4] = later_short[rest / m / m % m];
          s[5] = later_short[rest / m / m / m];
          s[6] = next64 () & 0xFF;
          check_decode (s, 5);
          check_decode (s, 6);
          check_decode (s, 7);
        }
  /* Random: continuation-heavy sequences of 1..8 bytes after any lead.  */
  for (int i = 0; i < 2000000; i++)
    {
      s[0] = below (4) ? 0xC0 + below (0x40) : next64 () & 0xFF;
      for (int j = 1; j < 8; j++)
        s[j] = below (8) ? 0x80 + below (0x40) : next64 () & 0xFF;
      check_decode (s, 1 + below (8));
    }
  printf ("utf8-check: decoder: %llu sequences decoded as mbrtowc does\n",
          decodes);
}

static void
decoder_all (void)
{
  unsigned char s[4];
  for (uint64_t x = 0; x < (uint64_t) 1 << 32; x++)
    {
      s[0] = x >> 24, s[1] = x >> 16, s[2] = x >> 8, s[3] = x;
      check_decode (s, 4);
    }
  printf ("utf8-check: decoder-all: %llu sequences decoded as mbrtowc does\n",
          decodes);
}

/* --- the code point cache ------------------------------------------------ */

struct walker
{
  struct char_rules const *rules;
  uint32_t start, stride;
  unsigned long long checked;
  uint32_t failed_cp;
  bool failed;
};

/* Classify every code point below 0x110100 through the cache, in an order
   of the walker's own, comparing with wide_char_action.  */
static void *
walk_code_points (void *arg)
{
  struct walker *w = arg;
  uint32_t const limit = UTF8_CACHE_LIMIT + 0x100;
  for (uint32_t i = 0; i < limit; i++)
    {
      uint32_t cp = (w->start + (uint64_t) i * w->stride) % limit;
      int want_width;
      enum char_action want = wide_char_action (w->rules, cp, &want_width);
      struct char_class got = utf8_char_class (w->rules, cp);
      w->checked++;
      if (want != got.action || want_width != got.width)
        {
          w->failed = true;
          w->failed_cp = cp;
          break;
        }
    }
  return NULL;
}

/* The lead table entries that RULES must reach once every code point has
   been through the cache: per lead byte C2..EF, the entry (action and
   width) all the characters it starts share, or 0; and the action they
   share, or 0; from wide_char_action alone.  */
static void
expected_lead_entries (struct char_rules const *rules, int lead,
                       unsigned char *entry, unsigned char *action)
{
  uint32_t first = lead < 0xE0 ? (uint32_t) (lead & 0x1F) << 6
                   : (uint32_t) (lead & 0x0F) << 12;
  uint32_t end = first + (lead < 0xE0 ? 0x40 : 0x1000);
  if (lead == 0xE0)
    first = 0x800;              /* below: overlong */
  if (lead == 0xED)
    end = 0xD800;               /* above: surrogates */
  int width0;
  enum char_action act0 = wide_char_action (rules, first, &width0);
  bool same = width0 <= UTF8_ENTRY_WIDTH_MAX, same_act = true;
  for (uint32_t cp = first + 1; cp < end; cp++)
    {
      int width;
      enum char_action act = wide_char_action (rules, cp, &width);
      same &= act == act0 && width == width0;
      same_act &= act == act0;
    }
  *entry = same ? (UTF8_ENTRY_KNOWN | width0 << UTF8_ENTRY_WIDTH_SHIFT
                   | act0) : 0;
  *action = same_act ? UTF8_ENTRY_KNOWN | act0 : 0;
}

/* Compare the lead tables of RULES with what wide_char_action says:
   every entry must be the expected one, or with MAY_LAG 0 (the tables
   may lag behind the cache when threads fill it at once).  Returns the
   entries set.  */
static int
check_lead_tables (struct char_rules const *rules, bool posixly,
                   bool may_lag)
{
  int set = 0;
  for (int lead = 0xC2; lead <= 0xEF; lead++)
    {
      unsigned char want_entry, want_action;
      expected_lead_entries (rules, lead, &want_entry, &want_action);
      unsigned char got_entry = rules->utf8_lead_entry[lead - 0xC0];
      unsigned char got_action = rules->utf8_lead_action[lead - 0xC0];
      set += (got_entry != 0) + (got_action != 0);
      if ((got_entry != want_entry && !(may_lag && !got_entry))
          || (got_action != want_action && !(may_lag && !got_action)))
        {
          fprintf (stderr, "utf8-check: FAIL: lead tables, locale %s%s,"
                   " lead %02X: entry %02X action %02X, expected %02X"
                   " and %02X\n", locale_name,
                   posixly ? " (POSIXLY_CORRECT)" : "", (unsigned) lead,
                   got_entry, got_action, want_entry, want_action);
          exit (EXIT_FAILURE);
        }
    }
  return set;
}

static void
classes (void)
{
  unsigned long long checked = 0;
  int lead_entries = 0;
  for (int variant = 0; variant < 4; variant++)
    {
      /* Both settings of POSIXLY_CORRECT, under each rule set.  */
      int posixly = variant & 1;
      struct gnu_rules const *gnu = gnu_rules_by_name[variant >> 1];
      rules_name = gnu->version;
      struct char_rules rules;
      char_rules_init (&rules, gnu, posixly);
      if (!rules.utf8 || !rules.utf8_cache)
        {
          fprintf (stderr, "utf8-check: FAIL: locale %s gets no UTF-8"
                   " cache\n", locale_name);
          exit (EXIT_FAILURE);
        }
      /* Four threads at once on an empty cache, in orders that collide
         (strides are odd, hence coprime with the even limit), then one
         on the full cache.  */
      enum { THREADS = 4 };
      struct walker w[THREADS + 1];
      pthread_t th[THREADS];
      static uint32_t const strides[THREADS + 1] = { 1, 257, 65537, 3, 1 };
      for (int t = 0; t <= THREADS; t++)
        w[t] = (struct walker) { .rules = &rules, .start = t * 4099,
                                 .stride = strides[t] };
      for (int t = 0; t < THREADS; t++)
        if (pthread_create (&th[t], NULL, walk_code_points, &w[t]) != 0)
          {
            fputs ("utf8-check: cannot start a thread\n", stderr);
            exit (EXIT_FAILURE);
          }
      for (int t = 0; t < THREADS; t++)
        pthread_join (th[t], NULL);
      walk_code_points (&w[THREADS]);
      for (int t = 0; t <= THREADS; t++)
        {
          checked += w[t].checked;
          if (w[t].failed)
            {
              int width;
              enum char_action want = wide_char_action (&rules,
                                                        w[t].failed_cp,
                                                        &width);
              fprintf (stderr, "utf8-check: FAIL: cache, locale %s%s, GNU %s"
                       " rules, U+%04X: wide_char_action says action %d"
                       " width %d, the cache does not\n", locale_name,
                       posixly ? " (POSIXLY_CORRECT)" : "", rules_name,
                       (unsigned) w[t].failed_cp, (int) want, width);
              exit (EXIT_FAILURE);
            }
        }
      check_lead_tables (&rules, posixly, true);
      char_rules_release (&rules);

      /* The lead tables, filled lazily: empty at first (no code point is
         probed at start-up); then, once one thread has classified every
         code point, each what wide_char_action implies.  */
      char_rules_init (&rules, gnu, posixly);
      for (int lead = 0xC2; lead <= 0xEF; lead++)
        if (rules.utf8_lead_entry[lead - 0xC0]
            || rules.utf8_lead_action[lead - 0xC0])
          {
            fprintf (stderr, "utf8-check: FAIL: lead tables, locale %s:"
                     " lead %02X is set before any use\n", locale_name,
                     (unsigned) lead);
            exit (EXIT_FAILURE);
          }
      struct walker one = { .rules = &rules, .start = 0, .stride = 1 };
      walk_code_points (&one);
      lead_entries += check_lead_tables (&rules, posixly, false);
      char_rules_release (&rules);
    }
  printf ("utf8-check: classes: %llu code points classified as"
          " wide_char_action does, %d threads at once; %d lead table"
          " entries set as it implies\n", checked, 4, lead_entries);
}

/* --- the passes ---------------------------------------------------------- */

/* Pieces that meet every UTF-8 rule: ASCII words, white space and controls;
   characters of every length and class (Latin, Cyrillic, CJK, emoji,
   combining marks, the no-break spaces, other Unicode spaces, U+2028/2029,
   C1 controls, zero-width, unassigned, private use, U+FFFE, above U+10FFFF,
   the 5- and 6-byte forms); overlong forms, surrogates, bytes that never
   start a character, stray continuation bytes and cut sequences.  */
static char const *const pieces[] = {
  "a", "word", "Hello", " ", "  ", "\t", "\n", "\r", "\r\n", "\v", "\f",
  "\x01", "\x1b", "\x7f", "\xc3\xa9", "\xc3\xbc", "\xd0\x9f\xd1\x80",
  "\xd1\x8f", "\xe4\xb8\xad", "\xe6\x96\x87", "\xef\xbc\xa1",
  "\xf0\x9f\x98\x80", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "e\xcc\x81",
  "\xcc\x81", "\xe2\x80\x8d", "\xc2\xa0", "\xe2\x80\x87", "\xe2\x80\xaf",
  "\xe2\x81\xa0", "\xe3\x80\x80", "\xe2\x80\x83", "\xe1\x9a\x80",
  "\xe2\x80\xa8", "\xe2\x80\xa9", "\xc2\x85", "\xc2\x80", "\xc2\x9f",
  "\xe2\x80\x8b", "\xef\xbb\xbf", "\xc2\xad", "\xcd\xb8", "\xee\x80\x80",
  "\xef\xbf\xbe", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
  "\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", "\xfb\xbf\xbf\xbf\xbf",
  "\xfc\x84\x80\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf",
  "\xf8\x87\xbf\xbf\xbf", "\xfc\x83\xbf\xbf\xbf\xbf", "\xc0\xaf",
  "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80",
  "\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xed\x9f\xbf",
  "\xee\x80\x80", "\xf5", "\xf8", "\xfe", "\xff", "\x80", "\xbf",
  "\xe2\x82", "\xf0\x9f\x98", "\xc3", "\xf8\x88\x80", "\xfc\x84\x80\x80",
  "\xe2\x82\xac\xac", "\xa0",
};

/* A code point of any value up to 0x7FFFFFFF, encoded by the 1..6 byte
   scheme whatever it is (surrogates too): glibc decides.  */
static size_t
put_code_point (unsigned char *out, uint32_t cp)
{
  if (cp < 0x80)
    {
      out[0] = cp;
      return 1;
    }
  int len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : cp < 0x200000 ? 4
            : cp < 0x4000000 ? 5 : 6;
  static unsigned char const lead[] = { 0, 0, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC };
  for (int i = len - 1; 0 < i; i--, cp >>= 6)
    out[i] = 0x80 | (cp & 0x3F);
  out[0] = lead[len] | cp;
  return len;
}

/* One ASCII byte of any class, weighted to text: letters, spaces, the
   characters that move the column or end a line, controls and DEL.  */
static unsigned char
ascii_text_byte (void)
{
  switch (below (16))
    {
    case 0: case 1: return ' ';
    case 2: return "\n\t\r\f\v"[below (5)];
    case 3: return below (3) ? '\n' : below (2) ? 0x7F : below (0x20);
    default: return 0x21 + below (0x5E);
    }
}

/* Fill P with N bytes weighted to the edges of UTF-8: pieces, random code
   points, random bytes and runs of ASCII text; or mostly ASCII text with
   now and then a piece, so that whole blocks of ASCII meet characters
   that start, end or are cut next to them.  */
static void
random_input (unsigned char *p, size_t n)
{
  size_t i = 0;
  int flavour = below (5);
  /* How rare the pieces are in the mostly ASCII flavour.  */
  unsigned rarity = below (2) ? 30 : 300;
  while (i < n)
    {
      unsigned char tmp[8];
      size_t len;
      char const *s;
      switch (flavour == 0 ? below (8) : flavour == 1 ? 0
              : flavour == 4 ? (below (rarity) ? 8 : 0) : 1 + below (3))
        {
        case 0:
          s = pieces[below (COUNTOF (pieces))];
          len = strlen (s);
          memcpy (tmp, s, len);
          break;
        case 1:
          /* A run of ASCII letters and a space: the eight-byte path.  */
          len = 1 + below (sizeof tmp);
          for (size_t j = 0; j < len; j++)
            tmp[j] = j + 1 < len ? 'a' + below (26) : ' ';
          break;
        case 2:
          len = put_code_point (tmp, (below (4) ? below (0x3100)
                                      : below (8) ? below (0x110000)
                                      : next64 () & 0x7FFFFFFF));
          break;
        case 3:
          len = 1;
          tmp[0] = next64 () & 0xFF;
          break;
        case 8:
          len = 1;
          tmp[0] = ascii_text_byte ();
          break;
        default:
          len = 1;
          tmp[0] = "\n\t \0"[below (4)];
          break;
        }
      for (size_t j = 0; j < len && i < n; j++)
        p[i++] = tmp[j];
    }
}

static unsigned long long comparisons;

struct want
{
  char const *name;
  unsigned wanted;
};

static struct want const wants[] = {
  { "default", WANT_LINES | WANT_WORDS | WANT_BYTES },
  { "words", WANT_WORDS },
  { "max-width", WANT_MAX_WIDTH },
  { "chars", WANT_CHARS },
  { "lines+chars", WANT_LINES | WANT_CHARS },
  { "words+max-width", WANT_WORDS | WANT_MAX_WIDTH },
  { "all", WANT_LINES | WANT_WORDS | WANT_CHARS | WANT_BYTES
           | WANT_MAX_WIDTH },
};

/* The level whose kernels the UTF-8 passes are checked with.  */
static struct test_level const *pass_level;

/* count_split with the counter at that level.  */
static struct counts
count_split_at_level (struct char_rules const *rules, unsigned wanted,
                      unsigned char const *p, size_t n, size_t const *cuts,
                      size_t ncuts)
{
  struct counter c;
  counter_init_at (&c, rules, wanted, pass_level->level);
  return feed_split (&c, p, n, cuts, ncuts);
}

static bool
same_all (struct counts const *a, struct counts const *b)
{
  return counts_equal (~0u, a, b);
}

_Noreturn static void
passes_differ (char const *how, bool posixly, struct want const *w,
               unsigned char const *p, size_t n, size_t const *cuts,
               size_t ncuts, struct counts const *ref,
               struct counts const *got)
{
  fprintf (stderr, "utf8-check: FAIL: %s, level %s, locale %s%s, GNU %s"
           " rules, counts %s, input ", how, pass_level->name, locale_name,
           posixly ? " (POSIXLY_CORRECT)" : "", rules_name, w->name);
  print_bytes (p, n);
  print_cuts (cuts, ncuts);
  print_counts ("expected", ref);
  print_counts ("got", got);
  exit (EXIT_FAILURE);
}

/* The UTF-8 pass for W on P[0..N) against the mbrtowc pass, then the same
   UTF-8 pass split every way the input allows.  */
static void
check_passes (struct char_rules const *utf8, struct char_rules const *mb,
              bool posixly, struct want const *w, unsigned char const *p,
              size_t n)
{
  struct counts ref = count_split (mb, w->wanted, p, n, NULL, 0);
  struct counts whole = count_split_at_level (utf8, w->wanted, p, n, NULL,
                                              0);
  comparisons++;
  if (!counts_equal (w->wanted, &ref, &whole))
    passes_differ ("UTF-8 pass differs from the mbrtowc pass", posixly, w,
                   p, n, NULL, 0, &ref, &whole);

  size_t cuts[24];
  if (n <= 24)
    {
      /* One byte at a time, and every single cut.  */
      for (size_t i = 0; i < n; i++)
        cuts[i] = i + 1;
      struct counts k = count_split_at_level (utf8, w->wanted, p, n, cuts,
                                              n);
      comparisons++;
      if (!same_all (&whole, &k))
        passes_differ ("one byte at a time differs from one feed", posixly,
                       w, p, n, cuts, n, &whole, &k);
      for (size_t i = 0; i <= n; i++)
        {
          cuts[0] = i;
          k = count_split_at_level (utf8, w->wanted, p, n, cuts, 1);
          comparisons++;
          if (!same_all (&whole, &k))
            passes_differ ("one cut differs from one feed", posixly, w, p,
                           n, cuts, 1, &whole, &k);
        }
    }
  for (int round = 0; round < 4; round++)
    {
      size_t ncuts = 1 + below (COUNTOF (cuts));
      for (size_t i = 0; i < ncuts; i++)
        cuts[i] = below (n + 1);
      sort_cuts (cuts, ncuts);
      struct counts k = count_split_at_level (utf8, w->wanted, p, n, cuts,
                                              ncuts);
      comparisons++;
      if (!same_all (&whole, &k))
        passes_differ ("random split differs from one feed", posixly, w, p,
                       n, cuts, ncuts, &whole, &k);
    }
}

/* Every piece at every place near the ends of whole 64-byte blocks of
   ASCII text, often with another piece a block later, fed whole and cut at
   each byte in and next to the first: the block kernel, the decoder and
   the state that passes between them must give the mbrtowc pass's counts.
   The text ends in ASCII, or in a piece.  */
static void
pieces_between_blocks (struct char_rules const *utf8,
                       struct char_rules const *mb, bool posixly)
{
  enum { SPAN = 4 * 64 };
  static size_t const places[] = {
    0, 1, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 127, 128, 129,
    SPAN - 7, SPAN - 6, SPAN - 5, SPAN - 4, SPAN - 3, SPAN - 2, SPAN - 1,
  };
  unsigned char buf[SPAN];
  for (size_t k = 0; k < COUNTOF (pieces); k++)
    for (size_t pl = 0; pl < COUNTOF (places); pl++)
      {
        size_t at = places[pl];
        for (size_t i = 0; i < SPAN; i++)
          buf[i] = ascii_text_byte ();
        size_t len = strlen (pieces[k]);
        if (SPAN - at < len)
          len = SPAN - at;
        memcpy (buf + at, pieces[k], len);
        /* Often a second piece one block or so later: a character cut
           before a block of ASCII must not join bytes after it.  */
        size_t at2 = at + len + 64 + below (8);
        if (below (2) && at2 < SPAN)
          {
            char const *second = pieces[below (COUNTOF (pieces))];
            size_t len2 = strlen (second);
            memcpy (buf + at2, second, len2 < SPAN - at2 ? len2 : SPAN - at2);
          }
        for (size_t wi = 0; wi < COUNTOF (wants); wi++)
          {
            struct want const *w = &wants[wi];
            struct counts ref = count_split (mb, w->wanted, buf, SPAN, NULL,
                                             0);
            /* One cut, before, in or after the piece; then the same and
               one at the piece's end.  */
            size_t last = at + len + 1 < SPAN ? at + len + 1 : SPAN;
            for (size_t cut = at ? at - 1 : 0; cut <= last; cut++)
              for (size_t ncuts = 1; ncuts <= 2; ncuts++)
                {
                  size_t cuts[2] = { cut, at + len };
                  if (ncuts == 2 && at + len < cut)
                    continue;
                  struct counts got
                    = count_split_at_level (utf8, w->wanted, buf, SPAN, cuts,
                                            ncuts);
                  comparisons++;
                  if (!counts_equal (w->wanted, &ref, &got))
                    passes_differ ("a piece next to blocks of ASCII",
                                   posixly, w, buf, SPAN, cuts, ncuts, &ref,
                                   &got);
                }
          }
      }
}

static void
passes (void)
{
  enum { BIG = 100000 };
  unsigned char *buf = xmalloc (BIG);
  /* With the kernels of every level the CPU runs.  */
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  for (size_t round = 0; round < 4 * nlevels; round++)
    {
      /* Both settings of POSIXLY_CORRECT under each rule set, at each
         level.  */
      int posixly = round & 1;
      struct gnu_rules const *gnu = gnu_rules_by_name[round >> 1 & 1];
      rules_name = gnu->version;
      pass_level = &levels[round / 4];
      struct char_rules utf8, mb;
      char_rules_init (&utf8, gnu, posixly);
      /* With POSIXLY_CORRECT, the cache and the lead tables full from the
         start, so that the kernels meet every character of every
         uniform lead in the tables; without, filled as the input needs.  */
      if (posixly)
        for (uint32_t cp = 0; cp < UTF8_CACHE_LIMIT; cp++)
          utf8_char_class (&utf8, cp);
      char_rules_init (&mb, gnu, posixly);
      char_rules_release (&mb);
      mb.utf8 = false;          /* decode with mbrtowc */
      if (!utf8.utf8 || counter_pass_for (&mb, WANT_WORDS) != PASS_MULTIBYTE)
        {
          fprintf (stderr, "utf8-check: FAIL: locale %s: no UTF-8 pass\n",
                   locale_name);
          exit (EXIT_FAILURE);
        }
      pieces_between_blocks (&utf8, &mb, posixly);
      for (size_t wi = 0; wi < COUNTOF (wants); wi++)
        for (int i = 0; i < 1500; i++)
          {
            size_t n = (i < 600 ? below (25) : i < 1400 ? below (300)
                        : i < 1495 ? below (5000) : BIG - below (999));
            random_input (buf, n);
            check_passes (&utf8, &mb, posixly, &wants[wi], buf, n);
          }
      char_rules_release (&utf8);
    }
  free (buf);
  printf ("utf8-check: passes: %llu comparisons, all equal, levels:",
          comparisons);
  for (size_t l = 0; l < nlevels; l++)
    printf (" %s", levels[l].name);
  printf ("\n");
}

/* --- the AVX-512 word kernel --------------------------------------------- */

#if HAVE_AVX512_KERNELS
/* P[0..N) of text in the scripts whose lead bytes do not tell the class
   (Greek, kana, general punctuation, emoji and the spaces among them),
   with now and then a piece of random input: the kernel's tables all get
   used, and their edges.  */
static void
table_text (unsigned char *p, size_t n)
{
  static uint32_t const ranges[][2] = {
    { 0x0370, 0x03FF }, { 0x0080, 0x00FF }, { 0x2000, 0x206F },
    { 0x3000, 0x30FF }, { 0x1F300, 0x1F6FF }, { 0xFE00, 0xFFFF },
    { 0x0590, 0x05FF }, { 0x0E00, 0x0E7F }, { 0x1F000, 0x1FFFF },
  };
  size_t i = 0;
  while (i < n)
    {
      unsigned char tmp[64];
      size_t len;
      if (below (40) == 0)
        {
          len = 1 + below (sizeof tmp);
          random_input (tmp, len);
        }
      else if (below (4) == 0)
        {
          len = 1;
          tmp[0] = ascii_text_byte ();
        }
      else
        {
          uint32_t const *r = ranges[below (COUNTOF (ranges))];
          len = put_code_point (tmp, r[0] + below (r[1] - r[0] + 1));
        }
      for (size_t j = 0; j < len && i < n; j++)
        p[i++] = tmp[j];
    }
}

/* One span through the UTF-8 word pass with BULK, from the state IN.  */
static struct counts
words_with (utf8_scan_kernel bulk, struct char_rules const *rules,
            unsigned char const *p, size_t n, bool *in_word)
{
  struct scan_state s = { 0 };
  s.in_word = *in_word;
  struct counts c = { 0 };
  scan_utf8_words (bulk, NULL, rules, &s, p, n, &c);
  *in_word = s.in_word;
  return c;
}

/* The AVX-512 word kernel, called for spans of any length, against the
   pass without a bulk kernel (which passes checks against mbrtowc): every
   length up to 1,100 at alignments 0..63, under both rule sets, with the
   cache empty (so the kernel's tables fill from call to call) and full.  */
static void
words_avx512 (void)
{
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  if (levels[nlevels - 1].level != SIMD_AVX512)
    {
      printf ("utf8-check: avx512-words: skipped, the CPU has no AVX-512"
              " VBMI\n");
      return;
    }
  enum { SPAN = 64 + 1100 };
  alignas (64) static unsigned char buf[SPAN];
  unsigned long long compared = 0;
  for (int round = 0; round < 8; round++)
    {
      struct gnu_rules const *gnu = gnu_rules_by_name[round & 1];
      struct char_rules rules;
      char_rules_init (&rules, gnu, false);
      if (round & 2)
        for (uint32_t cp = 0; cp < UTF8_CACHE_LIMIT; cp++)
          utf8_char_class (&rules, cp);
      for (int text = 0; text < 6; text++)
        {
          if (text & 1)
            random_input (buf, SPAN);
          else
            table_text (buf, SPAN);
          for (size_t align = 0; align < 64; align += 1 + below (8))
            for (size_t n = 0; align + n <= SPAN && n <= 1100;
                 n += 1 + below (12))
              for (int start = 0; start < 2; start++)
                {
                  bool in_ref = start, in_got = start;
                  struct counts ref = words_with (NULL, &rules, buf + align,
                                                  n, &in_ref);
                  struct counts got
                    = words_with (scan_utf8_words_avx512_any, &rules,
                                  buf + align, n, &in_got);
                  compared++;
                  if (!same_all (&ref, &got) || in_ref != in_got)
                    {
                      fprintf (stderr, "utf8-check: FAIL: avx512-words, GNU"
                               " %s rules, %s cache, in a word: %d, ",
                               gnu->version, round & 2 ? "full" : "empty",
                               start);
                      print_bytes (buf + align, n);
                      print_counts ("expected", &ref);
                      print_counts ("got", &got);
                      fprintf (stderr, "in a word after: %d, got %d\n",
                               in_ref, in_got);
                      exit (EXIT_FAILURE);
                    }
                }
        }
      char_rules_release (&rules);
    }
  printf ("utf8-check: avx512-words: %llu comparisons, all equal\n",
          compared);
}
#else
static void
words_avx512 (void)
{
  printf ("utf8-check: avx512-words: skipped, not built\n");
}
#endif

/* --- the character kernels ----------------------------------------------- */

struct bulk
{
  char const *name;
  utf8_chars_kernel kernel;
};

/* The characters of P[0..N) that start before AT, one mbrtowc call at a
   time.  */
static uintmax_t
chars_before (unsigned char const *p, size_t n, size_t at)
{
  uintmax_t chars = 0;
  for (size_t i = 0; i < n && i < at; )
    {
      uint32_t cp;
      int len = libc_decode (&cp, p + i, n - i);
      if (len == UTF8_INCOMPLETE)
        break;
      if (len == UTF8_INVALID)
        i++;
      else
        {
          chars++;
          i += len;
        }
    }
  return chars;
}

/* A bulk kernel on P[0..N): it must count the characters that start in
   what it takes, as mbrtowc finds them; then the whole character pass.  */
static void
check_bulk (struct bulk const *b, unsigned char const *p, size_t n,
            char const *where)
{
  uintmax_t got = 0;
  size_t took = b->kernel (p, n, &got);
  uintmax_t want = chars_before (p, n, took);
  comparisons++;
  if (took > n || want != got)
    {
      fprintf (stderr, "utf8-check: FAIL: %s character kernel %s, locale %s,"
               " input ", b->name, where, locale_name);
      print_bytes (p, n);
      fprintf (stderr, "  took %zu bytes, counted %ju characters; mbrtowc"
               " finds %ju starting there\n", took, got, want);
      exit (EXIT_FAILURE);
    }
  struct scan_state s = { 0 };
  struct counts c = { 0 };
  scan_utf8_chars (b->kernel, &s, p, n, &c);
  want = chars_before (p, n, n);
  comparisons++;
  if (c.chars != want)
    {
      fprintf (stderr, "utf8-check: FAIL: characters through %s kernel %s,"
               " locale %s, input ", b->name, where, locale_name);
      print_bytes (p, n);
      fprintf (stderr, "  counted %ju, mbrtowc finds %ju\n", c.chars, want);
      exit (EXIT_FAILURE);
    }
}

static void
chars (void)
{
  /* Each character kernel once, under the first level that uses it.  */
  size_t nlevels;
  struct test_level const *levels = simd_levels (&nlevels);
  struct bulk bulks[3];
  size_t nbulks = 0;
  for (size_t l = 0; l < nlevels && nbulks < COUNTOF (bulks); l++)
    {
      size_t b = 0;
      while (b < nbulks && bulks[b].kernel != levels[l].count_utf8_chars)
        b++;
      if (b == nbulks)
        bulks[nbulks++] = (struct bulk) { levels[l].name,
                                          levels[l].count_utf8_chars };
    }

  /* Every length up to 300 at every alignment 0..63: mostly valid text
     with some of every error, so that blocks pass and fail.  */
  enum { SPAN = 64 + 300 };
  alignas (64) static unsigned char buf[SPAN];
  for (int round = 0; round < 12; round++)
    {
      random_input (buf, SPAN);
      for (size_t align = 0; align < 64; align++)
        for (size_t n = 0; n + align <= SPAN && n <= 300; n++)
          for (size_t b = 0; b < nbulks; b++)
            check_bulk (&bulks[b], buf + align, n, "in a buffer");
    }

  /* Long valid runs of one kind of character each, so that whole blocks
     of every lead length pass.  */
  static uint32_t const kinds[][2] = {
    { 0x20, 0x7F }, { 0x80, 0x800 }, { 0x800, 0xD800 }, { 0xE000, 0x10000 },
    { 0x10000, 0x110000 }, { 0x110000, 0x200000 }, { 0x200000, 0x4000000 },
    { 0x4000000, 0x80000000 }, { 0, 0x80000000 },
  };
  enum { RUN = 5000 };
  unsigned char *run = xmalloc (RUN + 8);
  for (size_t kind = 0; kind < COUNTOF (kinds); kind++)
    {
      size_t i = 0;
      while (i < RUN)
        {
          uint32_t cp = kinds[kind][0] + below (kinds[kind][1]
                                                - kinds[kind][0]);
          if (0xD800 <= cp && cp <= 0xDFFF)
            continue;
          i += put_code_point (run + i, cp);
        }
      for (size_t n = RUN - 40; n <= RUN; n++)
        for (size_t b = 0; b < nbulks; b++)
          check_bulk (&bulks[b], run, n, "over valid characters");
      /* One error somewhere in the run.  */
      for (int e = 0; e < 200; e++)
        {
          size_t at = below (RUN);
          unsigned char saved = run[at];
          run[at] = (unsigned char[]) { 0x80, 0xC0, 0xFF, 0x41, 0xED, 0xE0,
                                        0xF8 } [below (7)];
          for (size_t b = 0; b < nbulks; b++)
            check_bulk (&bulks[b], run, RUN, "with one error");
          run[at] = saved;
        }
    }
  free (run);

  /* Spans that end at a page followed by an inaccessible page: a kernel
     that reads one byte too far gets SIGSEGV.  */
  size_t page;
  unsigned char *map = guard_map (&page, "utf8-check");
  for (int round = 0; round < 4; round++)
    {
      random_input (map, page);
      for (size_t n = 0; n <= 200 && n <= page; n++)
        for (size_t b = 0; b < nbulks; b++)
          check_bulk (&bulks[b], map + page - n, n, "ending at a page end");
    }
  /* The whole UTF-8 passes there too, under each rule set.  */
  for (int set = 0; gnu_rules_names[set]; set++)
    {
      struct char_rules rules;
      char_rules_init (&rules, gnu_rules_by_name[set], false);
      for (size_t w = 0; w < COUNTOF (wants); w++)
        for (size_t n = 0; n <= 100; n++)
          {
            struct counter c;
            counter_init (&c, &rules, wants[w].wanted);
            counter_feed (&c, map + page - n, n);
            counter_finish (&c);
          }
      char_rules_release (&rules);
    }
  guard_release (map, page);
  printf ("utf8-check: chars: %llu comparisons, all equal, kernels:",
          comparisons);
  for (size_t b = 0; b < nbulks; b++)
    printf (" %s", bulks[b].name);
  printf ("\n");
}

/* --- helpers for the suite ----------------------------------------------- */

static char const *
pass_name (enum counter_pass pass)
{
  switch (pass)
    {
    case PASS_MULTIBYTE: return "multibyte";
    case PASS_UTF8: return "utf8";
    case PASS_UTF8_WORDS: return "utf8-words";
    case PASS_UTF8_CHARS: return "utf8-chars";
    case PASS_UTF8_CHARS_LINES: return "utf8-chars-lines";
    case PASS_BYTES: case PASS_LINES: case PASS_SINGLE_BYTE: default:
      return "single-byte";
    }
}

static void
print_passes (void)
{
  struct char_rules rules;
  char_rules_init (&rules, gnu_rules_default, false);
  printf ("-w: %s, -L: %s, -m: %s, -lm: %s\n",
          pass_name (counter_pass_for (&rules, WANT_WORDS)),
          pass_name (counter_pass_for (&rules, WANT_MAX_WIDTH)),
          pass_name (counter_pass_for (&rules, WANT_CHARS)),
          pass_name (counter_pass_for (&rules, WANT_LINES | WANT_CHARS)));
  char_rules_release (&rules);
}

/* Text of which most bytes are not ASCII: words of Latin with accents,
   Cyrillic, Greek, CJK and emoji, separated by spaces, tabs, no-break and
   other Unicode spaces, in lines of varied length, with a few invalid
   bytes and control characters.  */
static void
generate (unsigned long long size)
{
  static char const *const words[] = {
    "caf\xc3\xa9", "na\xc3\xafve", "\xc3\xa9t\xc3\xa9", "Stra\xc3\x9f" "e",
    "\xc5\x82\xc3\xb3\xc5\xbc" "ko", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0"
    "\xb5\xd1\x82", "\xd0\xbc\xd0\xb8\xd1\x80", "\xd1\x81\xd0\xbb\xd0\xbe"
    "\xd0\xb2\xd0\xbe", "\xce\xb1\xce\xb2\xce\xb3", "\xce\xbb\xcf\x8c\xce"
    "\xb3\xce\xbf\xcf\x82", "\xe4\xb8\xad\xe6\x96\x87", "\xe6\x97\xa5\xe6"
    "\x9c\xac\xe8\xaa\x9e", "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81"
    "\xa1\xe3\x81\xaf", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
    "\xf0\x9f\x98\x80", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "e\xcc\x81",
    "word", "text", "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8"
    "\xa9", "\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82\xe0\xa4\xa6\xe0\xa5\x80",
  };
  static char const *const gaps[] = {
    " ", " ", " ", " ", " ", " ", "  ", "\t", ", ", "\xc2\xa0",
    "\xe2\x80\xaf", "\xe3\x80\x80", "\xe2\x80\x83", "\xe2\x80\x87",
    "\xe2\x81\xa0", "\xe2\x80\xa8",
  };
  static char const *const oddities[] = {
    "\xff", "\xc3", "\xe2\x82", "\x80", "\xed\xa0\x80", "\xc0\xaf", "\x01",
    "\xf8\x88\x80\x80\x80", "\xf4\x90\x80\x80", "\xc2\x85", "\r",
  };
  char out[1 << 16];
  size_t fill = 0;
  unsigned long long written = 0;
  int column = 0;
  bool after_word = false;
  while (written < size)
    {
      char const *s;
      uint64_t r = below (1000);
      bool word = false;
      if (r < 3)
        s = oddities[below (COUNTOF (oddities))];
      else if (column > 30 + (int) below (60))
        {
          s = "\n";
          column = -1;
        }
      else if (!after_word || r < 150)
        {
          /* Mostly one word between two gaps, sometimes two run
             together.  */
          s = words[below (COUNTOF (words))];
          word = true;
        }
      else
        s = gaps[below (COUNTOF (gaps))];
      after_word = word;
      size_t len = strlen (s);
      if (size - written < len)
        len = size - written;
      if (sizeof out - fill < len)
        {
          fwrite (out, 1, fill, stdout);
          fill = 0;
        }
      memcpy (out + fill, s, len);
      fill += len;
      written += len;
      column += len;
    }
  fwrite (out, 1, fill, stdout);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      perror ("utf8-check: write");
      exit (EXIT_FAILURE);
    }
}

int
main (int argc, char **argv)
{
  rng_seed (RANDOM_SEED);
  if (!setlocale (LC_ALL, ""))
    {
      fputs ("utf8-check: the locale of the environment is unknown\n",
             stderr);
      return EXIT_FAILURE;
    }
  char const *lc = getenv ("LC_ALL");
  locale_name = lc ? lc : "";
  if (argc < 2)
    {
    usage:
      fputs ("Usage: utf8-check {decoder|decoder-all|classes|passes|chars"
             "|avx512-words|pass|gen SIZE}...\n", stderr);
      return EXIT_FAILURE;
    }
  for (int i = 1; i < argc; i++)
    {
      char const *part = argv[i];
      bool needs_utf8 = strcmp (part, "pass") != 0 && strcmp (part, "gen");
      if (needs_utf8 && MB_CUR_MAX != 6)
        {
          fprintf (stderr, "utf8-check: %s needs a UTF-8 locale\n", part);
          return EXIT_FAILURE;
        }
      if (strcmp (part, "decoder") == 0)
        decoder ();
      else if (strcmp (part, "decoder-all") == 0)
        decoder_all ();
      else if (strcmp (part, "classes") == 0)
        classes ();
      else if (strcmp (part, "passes") == 0)
        passes ();
      else if (strcmp (part, "chars") == 0)
        chars ();
      else if (strcmp (part, "avx512-words") == 0)
        words_avx512 ();
      else if (strcmp (part, "pass") == 0)
        print_passes ();
      else if (strcmp (part, "gen") == 0 && i + 1 < argc)
        generate (strtoull (argv[++i], NULL, 10));
      else
        goto usage;
    }
  return EXIT_SUCCESS;
}
