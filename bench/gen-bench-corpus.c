/* gen-bench-corpus.c: write one of the benchmark's corpora, SIZE bytes, to
   standard output.  A fixed-seed generator gives the same bytes on every
   machine, so a corpus is made where it is needed instead of being shipped,
   and timings taken on different machines count the same text.

   Usage: gen-bench-corpus english|utf8 SIZE [SEED]

   english: ASCII text laid out like a play script, see english_text below.

   utf8: what a wc meets outside ASCII: paragraphs of prose in accented
   Latin, Cyrillic, Greek and Chinese/Japanese, chat lines with emoji (skin
   tones, ZWJ families, flags), numbers grouped with the no-break spaces
   U+00A0, U+2007 and U+202F (which GNU wc counts as word separators),
   typographic quotes and dashes, now and then a byte sequence that is not
   UTF-8, tabs, and a few CRLF paragraphs.  Lines are wrapped at prose
   widths; one paragraph in ten is a single long line.

   Either output has exactly SIZE bytes and ends with a newline (SIZE > 0).
   A summary (bytes, lines, share of non-ASCII bytes, invalid sequences)
   goes to standard error; the benchmark checks the UTF-8 corpus's share
   against the 30 % it promises, and the English one's against 0.  */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_OF(a) (sizeof (a) / sizeof (a)[0])

static char const program_name[] = "gen-bench-corpus";

_Noreturn static void
die (char const *what, int err)
{
  fprintf (stderr, "%s: %s: %s\n", program_name, what, strerror (err));
  exit (EXIT_FAILURE);
}

/* ---- randomness: splitmix64, fully determined by the seed ---------- */

struct rng
{
  uint64_t state;
};

static uint64_t
rng_next (struct rng *r)
{
  uint64_t z = (r->state += UINT64_C (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A number in [0, N), N > 0, without the bias of a plain modulo.  */
static uint32_t
rng_below (struct rng *r, uint32_t n)
{
  return (uint32_t) (((rng_next (r) >> 32) * n) >> 32);
}

/* A number in [LO, HI].  */
static uint32_t
rng_range (struct rng *r, uint32_t lo, uint32_t hi)
{
  return lo + rng_below (r, hi - lo + 1);
}

/* True PER_MILLE times in a thousand.  */
static bool
rng_chance (struct rng *r, uint32_t per_mille)
{
  return rng_below (r, 1000) < per_mille;
}

/* ---- tokens: a word or mark, as UTF-8, with its display columns ---- */

/* The longest token is a chat line's nick or a long compound word; the
   cap keeps every append below in bounds.  */
enum { TOKEN_CAP = 256, TOKEN_ROOM = TOKEN_CAP - 8 };

struct token
{
  unsigned char b[TOKEN_CAP];
  size_t n;
  unsigned cols;          /* display columns, roughly: for wrapping only */
  unsigned invalid;       /* invalid sequences inside */
};

/* Wide (two-column) and zero-width characters, as far as wrapping
   prose cares.  */
static unsigned
cp_columns (uint32_t cp)
{
  if (cp == 0x200D || cp == 0xFE0F || (0x1F3FB <= cp && cp <= 0x1F3FF))
    return 0;
  if ((0x1100 <= cp && cp <= 0x115F) || (0x2E80 <= cp && cp <= 0xA4CF)
      || (0xAC00 <= cp && cp <= 0xD7A3) || (0xF900 <= cp && cp <= 0xFAFF)
      || (0xFF00 <= cp && cp <= 0xFF60) || (0x1F300 <= cp && cp <= 0x1F64F)
      || (0x1F900 <= cp && cp <= 0x1F9FF))
    return 2;
  return 1;
}

static void
tok_cp (struct token *t, uint32_t cp)
{
  if (t->n >= TOKEN_ROOM)
    return;
  unsigned char *p = t->b + t->n;
  if (cp < 0x80)
    p[0] = (unsigned char) cp, t->n += 1;
  else if (cp < 0x800)
    {
      p[0] = (unsigned char) (0xC0 | (cp >> 6));
      p[1] = (unsigned char) (0x80 | (cp & 0x3F));
      t->n += 2;
    }
  else if (cp < 0x10000)
    {
      p[0] = (unsigned char) (0xE0 | (cp >> 12));
      p[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
      p[2] = (unsigned char) (0x80 | (cp & 0x3F));
      t->n += 3;
    }
  else
    {
      p[0] = (unsigned char) (0xF0 | (cp >> 18));
      p[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
      p[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
      p[3] = (unsigned char) (0x80 | (cp & 0x3F));
      t->n += 4;
    }
  t->cols += cp_columns (cp);
}

static void
tok_ascii (struct token *t, char const *s)
{
  for (; *s; s++)
    tok_cp (t, (unsigned char) *s);
}

/* Append the decimal digits of V.  */
static void
tok_number (struct token *t, uint32_t v)
{
  char digits[16];
  snprintf (digits, sizeof digits, "%" PRIu32, v);
  tok_ascii (t, digits);
}

/* Byte sequences that are not UTF-8: stray continuation bytes, overlong
   forms, an encoded surrogate, code points past U+10FFFF, bytes that never
   occur, and characters cut short.  Each is followed by whatever the token
   goes on with, often a letter, so decoders must resynchronize.  */
static unsigned char const invalid_seqs[][5] = {
  /* length first */
  { 1, 0x80 }, { 1, 0xBF }, { 2, 0xC0, 0xAF }, { 2, 0xC1, 0xBF },
  { 3, 0xE0, 0x80, 0xAF }, { 3, 0xED, 0xA0, 0x80 },
  { 4, 0xF4, 0x90, 0x80, 0x80 }, { 1, 0xF5 }, { 1, 0xFE }, { 1, 0xFF },
  { 2, 0xE2, 0x82 }, { 3, 0xF0, 0x9F, 0x98 }, { 1, 0xC3 },
};

static void
tok_invalid (struct token *t, struct rng *r)
{
  unsigned char const *seq = invalid_seqs[rng_below (r, COUNT_OF (invalid_seqs))];
  if (t->n + seq[0] > TOKEN_ROOM)
    return;
  memcpy (t->b + t->n, seq + 1, seq[0]);
  t->n += seq[0];
  t->invalid++;
}

/* ---- scripts: letters to build words from ---------------------------- */

static char const *const latin_onsets[] = {
  "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t",
  "v", "w", "z", "ch", "st", "tr", "pr", "br", "gr", "sch", "qu", "sz", "cz",
  "pl", "kr", "dr", "sp",
};
static char const *const ascii_vowels[] = { "a", "e", "i", "o", "u", "y", "ou", "ie" };
static char const *const ascii_codas[] = { "n", "s", "r", "t", "l", "m", "k", "st", "nd" };
static uint32_t const latin_accented_consonants[] = {
  0xE7, 0xF1, 0x142, 0x17C, 0x15B, 0x107, 0x144, 0x159, 0x161, 0x10D, 0x17E,
  0xDF, 0x11F, 0x15F,
};
static uint32_t const latin_accented_vowels[] = {
  0xE9, 0xE8, 0xEA, 0xEB, 0xE0, 0xE2, 0xE1, 0xE4, 0xE3, 0xE5, 0xED, 0xEE,
  0xEF, 0xF3, 0xF4, 0xF6, 0xF5, 0xF8, 0xFA, 0xFB, 0xFC, 0x16F, 0xFD, 0x105,
  0x119, 0x11B, 0x153, 0xE6, 0x151, 0x171,
};
/* а е и о у ы э ю я ё, then б в г д ж з й к л м н п р с т ф х ц ч ш щ.  */
static uint32_t const cyrillic_vowels[] = {
  0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x451,
};
static uint32_t const cyrillic_consonants[] = {
  0x431, 0x432, 0x433, 0x434, 0x436, 0x437, 0x439, 0x43A, 0x43B, 0x43C,
  0x43D, 0x43F, 0x440, 0x441, 0x442, 0x444, 0x445, 0x446, 0x447, 0x448,
  0x449,
};
/* α ε η ι ο υ ω and their tonos forms; β γ δ ζ θ κ λ μ ν ξ π ρ σ τ φ χ ψ.  */
static uint32_t const greek_vowels[] = {
  0x3B1, 0x3B5, 0x3B7, 0x3B9, 0x3BF, 0x3C5, 0x3C9,
  0x3AC, 0x3AD, 0x3AE, 0x3AF, 0x3CC, 0x3CD, 0x3CE,
};
static uint32_t const greek_consonants[] = {
  0x3B2, 0x3B3, 0x3B4, 0x3B6, 0x3B8, 0x3BA, 0x3BB, 0x3BC, 0x3BD, 0x3BE,
  0x3C0, 0x3C1, 0x3C3, 0x3C4, 0x3C6, 0x3C7, 0x3C8,
};
static uint32_t const emoji_singles[] = {
  0x1F600, 0x1F602, 0x1F60D, 0x1F622, 0x1F914, 0x1F44D, 0x1F389, 0x1F525,
  0x1F680, 0x1F64F, 0x1F4A9, 0x1F60E, 0x1F973, 0x1F440, 0x1F4AF, 0x1F308,
};
static char const *const nicks[] = {
  "anna", "Dmitri", "kostas", "li_wei", "Zoë", "mika", "jp", "Søren",
};

/* Upper case of the letters above (ASCII, Latin-1, Cyrillic, Greek); any
   other character is its own capital here.  */
static uint32_t
cp_upper (uint32_t cp)
{
  if (('a' <= cp && cp <= 'z') || (0xE0 <= cp && cp <= 0xFE && cp != 0xF7)
      || (0x3B1 <= cp && cp <= 0x3C9 && cp != 0x3C2)
      || (0x430 <= cp && cp <= 0x44F))
    return cp - 0x20;
  if (cp == 0x451)
    return 0x401;
  return cp;
}

static uint32_t
pick_cp (struct rng *r, uint32_t const *set, size_t n)
{
  return set[rng_below (r, (uint32_t) n)];
}

#define PICK_CP(r, set) pick_cp (r, set, COUNT_OF (set))
#define PICK_STR(r, set) ((set)[rng_below (r, COUNT_OF (set))])

/* Append the first character of a word, capitalized if CAPITAL, then the
   rest; *CAPITAL is cleared after the first character.  */
static void
tok_letter (struct token *t, uint32_t cp, bool *capital)
{
  tok_cp (t, *capital ? cp_upper (cp) : cp);
  *capital = false;
}

static void
tok_letters (struct token *t, char const *s, bool *capital)
{
  for (; *s; s++)
    tok_letter (t, (unsigned char) *s, capital);
}

/* One to four syllables: 1, 2, 3, 4 with weights 30, 40, 20, 10.  */
static unsigned
syllable_count (struct rng *r)
{
  uint32_t x = rng_below (r, 100);
  return x < 30 ? 1 : x < 70 ? 2 : x < 90 ? 3 : 4;
}

/* Accented Latin: mostly ASCII letters, as in French, German, Polish or
   Czech, with a diacritic in about one letter in five.  */
static void
latin_word (struct token *t, struct rng *r, bool capital)
{
  for (unsigned i = syllable_count (r); 0 < i; i--)
    {
      if (rng_chance (r, 800))
        {
          if (rng_chance (r, 150))
            tok_letter (t, PICK_CP (r, latin_accented_consonants), &capital);
          else
            tok_letters (t, PICK_STR (r, latin_onsets), &capital);
        }
      if (rng_chance (r, 330))
        tok_letter (t, PICK_CP (r, latin_accented_vowels), &capital);
      else
        tok_letters (t, PICK_STR (r, ascii_vowels), &capital);
      if (rng_chance (r, 300))
        tok_letters (t, PICK_STR (r, ascii_codas), &capital);
    }
}

static void
cyrillic_word (struct token *t, struct rng *r, bool capital)
{
  for (unsigned i = syllable_count (r); 0 < i; i--)
    {
      if (rng_chance (r, 850))
        tok_letter (t, PICK_CP (r, cyrillic_consonants), &capital);
      tok_letter (t, PICK_CP (r, cyrillic_vowels), &capital);
      if (rng_chance (r, 250))
        tok_letter (t, PICK_CP (r, cyrillic_consonants), &capital);
    }
  if (rng_chance (r, 60))
    tok_cp (t, 0x44C);          /* ь */
}

static void
greek_word (struct token *t, struct rng *r, bool capital)
{
  bool ends_in_sigma = false;
  for (unsigned i = syllable_count (r); 0 < i; i--)
    {
      if (rng_chance (r, 850))
        tok_letter (t, PICK_CP (r, greek_consonants), &capital);
      tok_letter (t, PICK_CP (r, greek_vowels), &capital);
      ends_in_sigma = rng_chance (r, 200);
    }
  if (ends_in_sigma)
    tok_cp (t, 0x3C2);          /* final ς */
}

/* A number as prose writes it: grouped by threes with a no-break space,
   a narrow no-break space, a figure space, a comma or a point; sometimes
   with a currency sign or a percent sign after a no-break space.  */
static void
number_token (struct token *t, struct rng *r)
{
  static uint32_t const group_seps[] = { 0xA0, 0x202F, 0x2007, ',', '.' };
  static uint32_t const currencies[] = { 0x20AC, 0x20BD, 0xA3, 0xA5, '$' };
  uint32_t sep = PICK_CP (r, group_seps);
  tok_number (t, rng_range (r, 1, 999));
  for (unsigned groups = rng_below (r, 3); 0 < groups; groups--)
    {
      char digits[8];
      snprintf (digits, sizeof digits, "%03" PRIu32, rng_below (r, 1000));
      tok_cp (t, sep);
      tok_ascii (t, digits);
    }
  uint32_t x = rng_below (r, 10);
  if (x < 3)
    {
      tok_cp (t, 0xA0);
      tok_cp (t, PICK_CP (r, currencies));
    }
  else if (x < 5)
    {
      tok_cp (t, 0x202F);
      tok_cp (t, '%');
    }
}

/* An emoji as chat writes them: a single one, a thumbs-up with a skin
   tone, a heart with variation selector 16, a ZWJ family, or a flag.  */
static void
emoji_token (struct token *t, struct rng *r)
{
  uint32_t x = rng_below (r, 20);
  if (x < 13)
    tok_cp (t, PICK_CP (r, emoji_singles));
  else if (x < 15)
    {
      tok_cp (t, 0x1F44D);
      tok_cp (t, rng_range (r, 0x1F3FB, 0x1F3FF));
    }
  else if (x < 17)
    {
      tok_cp (t, 0x2764);
      tok_cp (t, 0xFE0F);
    }
  else if (x < 18)
    {
      tok_cp (t, 0x1F468);
      tok_cp (t, 0x200D);
      tok_cp (t, 0x1F469);
      tok_cp (t, 0x200D);
      tok_cp (t, 0x1F467);
    }
  else
    {
      tok_cp (t, rng_range (r, 0x1F1E6, 0x1F1FF));
      tok_cp (t, rng_range (r, 0x1F1E6, 0x1F1FF));
    }
}

/* ---- output: an exact number of bytes, counted --------------------- */

enum { SINK_CAP = 1 << 20 };

struct sink
{
  unsigned char buf[SINK_CAP];
  size_t n;
  uintmax_t written;      /* bytes handed to the sink so far */
  uintmax_t limit;        /* bytes to write in all */
  bool full;              /* the last line has been written */
  uintmax_t lines, non_ascii, invalid;
};

static void
sink_flush (struct sink *s)
{
  if (s->n && fwrite (s->buf, 1, s->n, stdout) != s->n)
    die ("write error", errno);
  s->n = 0;
}

static void
sink_put (struct sink *s, unsigned char const *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    s->non_ascii += p[i] >> 7;
  s->written += n;
  while (n)
    {
      size_t k = SINK_CAP - s->n;
      if (n < k)
        k = n;
      memcpy (s->buf + s->n, p, k);
      s->n += k;
      p += k;
      n -= k;
      if (s->n == SINK_CAP)
        sink_flush (s);
    }
}

/* Fill what is left of the limit with one ASCII line, so that the output
   has exactly the size asked for and still ends with a newline.  */
static void
sink_finish (struct sink *s)
{
  static char const filler[] = "the end ";
  uintmax_t room = s->limit - s->written;
  unsigned char c;
  for (uintmax_t i = 1; i < room; i++)
    {
      c = (unsigned char) filler[i % (sizeof filler - 1)];
      sink_put (s, &c, 1);
    }
  if (room)
    {
      c = '\n';
      sink_put (s, &c, 1);
      s->lines++;
    }
  s->full = true;
}

/* ---- lines and paragraphs -------------------------------------------- */

/* An unwrapped paragraph is cut at this many bytes all the same.  */
enum { LINE_CAP = 8192 };

struct paragraph
{
  struct sink *sink;
  unsigned width;          /* wrap at this many columns; 0: never */
  bool crlf;               /* end lines with "\r\n" */
  unsigned char line[LINE_CAP];
  size_t n;
  unsigned cols;
  unsigned invalid;
};

/* Write the line so far, with its end, if the limit leaves room for it and
   at least one byte more; otherwise end the output here.  */
static void
end_line (struct paragraph *p)
{
  struct sink *s = p->sink;
  size_t eol = p->crlf ? 2 : 1;
  if (s->full)
    ;
  else if (s->limit - s->written <= p->n + eol)
    sink_finish (s);
  else
    {
      sink_put (s, p->line, p->n);
      sink_put (s, (unsigned char const *) "\r\n" + 2 - eol, eol);
      s->lines++;
      s->invalid += p->invalid;
    }
  p->n = 0;
  p->cols = 0;
  p->invalid = 0;
}

static void
line_bytes (struct paragraph *p, void const *b, size_t n)
{
  if (LINE_CAP - p->n < n)
    end_line (p);
  memcpy (p->line + p->n, b, n);
  p->n += n;
}

/* Put token T on the current line, after a space if SPACE and the line is
   not empty, wrapping first if T would pass the paragraph's width.  */
static void
place (struct paragraph *p, struct token const *t, bool space)
{
  bool wrap = p->width && p->n && p->width < p->cols + space + t->cols;
  if (wrap || LINE_CAP - p->n < t->n + 1)
    end_line (p);
  if (space && p->n)
    line_bytes (p, " ", 1), p->cols++;
  line_bytes (p, t->b, t->n);
  p->cols += t->cols;
  p->invalid += t->invalid;
}

static void
place_cp (struct paragraph *p, uint32_t cp, bool space)
{
  struct token t = { .n = 0 };
  tok_cp (&t, cp);
  place (p, &t, space);
}

enum script { LATIN, CYRILLIC, GREEK };

/* Quotation marks per script: French guillemets (with no-break spaces
   inside), German low-high quotes, English curly quotes.  */
static void
open_quote (struct token *t, enum script sc, bool french)
{
  if (french)
    tok_cp (t, 0xAB), tok_cp (t, 0xA0);
  else if (sc == LATIN)
    tok_cp (t, 0x201E);
  else
    tok_cp (t, 0x201C);
}

static void
close_quote (struct token *t, enum script sc, bool french)
{
  if (french)
    tok_cp (t, 0xA0), tok_cp (t, 0xBB);
  else
    tok_cp (t, sc == LATIN ? 0x201C : 0x201D);
}

/* One sentence of 4 to 22 words in script SC.  */
static void
alphabetic_sentence (struct paragraph *p, struct rng *r, enum script sc,
                     bool french)
{
  unsigned words = rng_range (r, 4, 22);
  bool quoting = false;
  for (unsigned i = 0; i < words; i++)
    {
      struct token t = { .n = 0 };
      bool capital = i == 0;
      if (!quoting && i + 3 < words && rng_chance (r, 40))
        {
          open_quote (&t, sc, french);
          quoting = true;
        }
      if (rng_chance (r, 40))
        number_token (&t, r);
      else if (sc == CYRILLIC)
        cyrillic_word (&t, r, capital);
      else if (sc == GREEK)
        greek_word (&t, r, capital);
      else
        latin_word (&t, r, capital);
      if (rng_chance (r, 1))
        {
          /* glued to the word, then more letters after it */
          tok_invalid (&t, r);
          latin_word (&t, r, false);
        }
      if (quoting && (i + 1 == words || rng_chance (r, 150)))
        {
          close_quote (&t, sc, french);
          quoting = false;
        }
      if (i + 1 < words && rng_chance (r, 90))
        tok_cp (&t, ',');
      place (p, &t, true);
      if (i + 1 < words && rng_chance (r, 15))
        place_cp (p, 0x2014, true);           /* an em dash between words */
    }
  static uint32_t const ends[] = { '.', '.', '.', '.', '.', '.', '?', '!', 0x2026, ';' };
  uint32_t end = PICK_CP (r, ends);
  if (sc == GREEK && end == '?')
    end = ';';                  /* the Greek question mark looks like one */
  /* French sets off ? ! ; : with a narrow no-break space.  */
  struct token t = { .n = 0 };
  if (french && (end == '?' || end == '!' || end == ';'))
    tok_cp (&t, 0x202F);
  tok_cp (&t, end);
  /* The mark is glued to the last word (French through its narrow
     no-break space) even past the width, as typesetters do.  */
  if (p->n && LINE_CAP - p->n > t.n)
    {
      line_bytes (p, t.b, t.n);
      p->cols += t.cols;
    }
  else
    place (p, &t, false);
}

static void
alphabetic_paragraph (struct paragraph *p, struct rng *r, enum script sc)
{
  bool french = sc == LATIN && rng_chance (r, 400);
  if (rng_chance (r, 80))
    {
      struct token t = { .n = 0 };
      tok_ascii (&t, rng_chance (r, 500) ? "\t" : "    ");
      t.cols = 4;
      place (p, &t, false);
    }
  for (unsigned n = rng_range (r, 1, 8); 0 < n; n--)
    alphabetic_sentence (p, r, sc, french);
  end_line (p);
}

/* Chinese and Japanese: no spaces between words, so every character is a
   token and a line wraps between any two; ideographic commas and full
   stops, the occasional ideographic space (a separator for wc), and Latin
   words or numbers set off by spaces, as in real text.  */
static void
cjk_paragraph (struct paragraph *p, struct rng *r)
{
  for (unsigned sentences = rng_range (r, 1, 6); 0 < sentences; sentences--)
    {
      unsigned chars = rng_range (r, 6, 60);
      for (unsigned i = 0; i < chars; i++)
        {
          uint32_t x = rng_below (r, 100), cp;
          if (x < 60)
            cp = rng_range (r, 0x4E00, 0x9FA5);         /* Han */
          else if (x < 85)
            cp = rng_range (r, 0x3041, 0x3093);         /* hiragana */
          else
            cp = rng_range (r, 0x30A1, 0x30F3);         /* katakana */
          place_cp (p, cp, false);
          if (i + 1 < chars && rng_chance (r, 90))
            place_cp (p, 0x3001, false);                /* 、 */
          if (rng_chance (r, 10))
            place_cp (p, 0x3000, false);                /* ideographic space */
          if (rng_chance (r, 12))
            {
              struct token t = { .n = 0 };
              if (rng_chance (r, 500))
                number_token (&t, r);
              else
                latin_word (&t, r, true);
              place (p, &t, true);
              place_cp (p, ' ', false);
            }
          if (rng_chance (r, 1))
            {
              struct token t = { .n = 0 };
              tok_invalid (&t, r);
              place (p, &t, false);
            }
        }
      static uint32_t const ends[] = { 0x3002, 0x3002, 0x3002, 0xFF01, 0xFF1F };
      place_cp (p, PICK_CP (r, ends), false);
    }
  end_line (p);
}

/* A chat log: short unwrapped lines with a time, a nick, a few words and
   emoji.  */
static void
chat_paragraph (struct paragraph *p, struct rng *r)
{
  p->width = 0;
  for (unsigned lines = rng_range (r, 3, 15); 0 < lines; lines--)
    {
      struct token t = { .n = 0 };
      char stamp[16];
      snprintf (stamp, sizeof stamp, "[%02" PRIu32 ":%02" PRIu32 "]",
                rng_below (r, 24), rng_below (r, 60));
      tok_ascii (&t, stamp);
      place (p, &t, false);
      t.n = t.cols = 0;
      tok_ascii (&t, PICK_STR (r, nicks));
      tok_cp (&t, ':');
      place (p, &t, true);
      for (unsigned words = rng_range (r, 1, 14); 0 < words; words--)
        {
          t.n = t.cols = 0;
          uint32_t x = rng_below (r, 10);
          if (x < 3)
            emoji_token (&t, r);
          else if (x < 5)
            cyrillic_word (&t, r, false);
          else
            latin_word (&t, r, false);
          place (p, &t, true);
        }
      end_line (p);
    }
}

/* One paragraph of a script drawn by weight (Latin 30 %, Cyrillic 25 %,
   Greek 10 %, CJK 20 %, chat 15 %), followed by a blank line.  */
static void
paragraph (struct paragraph *p, struct rng *r)
{
  p->crlf = rng_chance (r, 30);
  p->width = rng_chance (r, 100) ? 0 : rng_range (r, 50, 100);
  uint32_t x = rng_below (r, 100);
  if (x < 30)
    alphabetic_paragraph (p, r, LATIN);
  else if (x < 55)
    alphabetic_paragraph (p, r, CYRILLIC);
  else if (x < 65)
    alphabetic_paragraph (p, r, GREEK);
  else if (x < 85)
    cjk_paragraph (p, r);
  else
    chat_paragraph (p, r);
  end_line (p);                 /* the blank line */
}

/* ---- english: ASCII text laid out like a play script ------------------ */

/* About three hundred common English words, most frequent first: a word's
   weight is 1 / (rank + ZIPF_SHIFT), the Zipf-Mandelbrot law that word
   counts of real English roughly follow.  The shift keeps "the" from
   crowding out the rest, and the list leans to longer words further down,
   so that a word with its space averages between 5 and 6 bytes, as in
   English prose.  */
static char const *const vocabulary[] = {
  "the", "and", "to", "of", "a", "I", "you", "my", "that", "in",
  "is", "not", "it", "me", "with", "for", "be", "his", "your", "this",
  "but", "he", "have", "as", "thou", "so", "will", "what", "her", "him",
  "all", "by", "do", "no", "shall", "if", "are", "we", "our", "on",
  "good", "now", "lord", "from", "come", "at", "they", "let", "would", "more",
  "was", "well", "here", "there", "then", "than", "when", "how", "which", "must",
  "upon", "love", "should", "make", "know", "like", "say", "may", "man", "sir",
  "king", "them", "their", "some", "one", "these", "such", "where", "why", "yet",
  "never", "heart", "night", "speak", "great", "time", "think", "did", "tell", "again",
  "cannot", "before", "nothing", "father", "hear", "death", "life", "eyes", "world", "take",
  "fair", "give", "much", "away", "every", "other", "brother", "hand", "house", "heaven",
  "friend", "true", "little", "those", "though", "honour", "could", "hath", "being", "better",
  "sweet", "look", "name", "blood", "grace", "nor", "down", "went", "after", "first",
  "while", "without", "against", "stand", "young", "noble", "mother", "master", "gentle", "answer",
  "always", "within", "whose", "himself", "myself", "words", "morning", "tonight", "country", "daughter",
  "husband", "kingdom", "marriage", "something", "remember", "between", "together", "thousand", "neither", "another",
  "madam", "prince", "queen", "duke", "soldier", "captain", "servant", "letter", "purpose", "reason",
  "business", "forgive", "believe", "promise", "patience", "question", "presence", "pleasure", "fortune", "danger",
  "courage", "justice", "mercy", "power", "peace", "war", "battle", "sword", "crown", "throne",
  "castle", "garden", "forest", "river", "city", "street", "window", "chamber", "door", "table",
  "water", "fire", "earth", "sun", "moon", "stars", "winter", "summer", "spring", "evening",
  "comfort", "sorrow", "wonder", "trouble", "counsel", "company", "stranger", "enemy", "neighbour", "gentleman",
  "beautiful", "terrible", "dangerous", "honest", "foolish", "strange", "certain", "private", "present", "ancient",
  "understand", "remembered", "discovered", "considered", "travelled", "returned", "answered", "promised", "followed", "received",
  "quickly", "quietly", "perhaps", "indeed", "therefore", "otherwise", "tomorrow", "yesterday", "already", "forever",
  "o'er", "e'en", "'tis", "don't", "I'll", "you're", "won't", "we'll", "he's", "that's",
  "beyond", "towards", "beneath", "throughout", "although", "because", "whether", "nevertheless", "meanwhile", "everywhere",
  "remain", "dwell", "wander", "whisper", "tremble", "gather", "deliver", "discover", "continue", "prepare",
  "silver", "golden", "bitter", "gracious", "worthy", "humble", "proud", "weary", "merry", "gentlemen",
  "opinion", "occasion", "instrument", "messenger", "conscience", "affection", "obedience", "suspicion", "revenge", "treasure",
};

enum { ZIPF_SHIFT = 6, ZIPF_SLOTS = 1 << 16 };

/* Speakers, as a script names them above their speeches.  */
static char const *const speakers[] = {
  "THE DUKE", "FIRST LORD", "SECOND LORD", "A MESSENGER", "CAPTAIN",
  "THE STEWARD", "OLD WOMAN", "MARIAN", "ROLAND", "BEATRIX", "ALDRIC",
  "CORWIN", "DELPHINE", "OSWIN", "ISOLDE", "FIRST GUARD", "SECOND GUARD",
  "A SERVANT", "THE QUEEN", "GREGORY", "HELENA", "SIR WALTER", "LADY ANNE",
  "BOTH", "ALL",
};

static char const *const roman[] = {
  "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
};

struct english
{
  struct paragraph *p;
  struct rng *r;
  uint16_t zipf[ZIPF_SLOTS];   /* a uniform 16-bit number -> a word */
  unsigned char vlen[COUNT_OF (vocabulary)];
  unsigned sentence_left;      /* words before the current sentence ends */
  bool capital;                /* the next word starts a sentence */
};

/* Give each word as many of the ZIPF_SLOTS as its weight deserves (at
   least one), so that drawing a word costs one table look-up.  */
static void
english_init (struct english *e)
{
  double total = 0;
  for (size_t i = 0; i < COUNT_OF (vocabulary); i++)
    {
      total += 1.0 / (double) (i + 1 + ZIPF_SHIFT);
      e->vlen[i] = (unsigned char) strlen (vocabulary[i]);
    }
  double cumulative = 0;
  size_t slot = 0;
  for (size_t i = 0; i < COUNT_OF (vocabulary); i++)
    {
      cumulative += 1.0 / (double) (i + 1 + ZIPF_SHIFT) / total;
      size_t end = (size_t) (cumulative * ZIPF_SLOTS + 0.5);
      size_t last = ZIPF_SLOTS - (COUNT_OF (vocabulary) - 1 - i);
      if (end <= slot)
        end = slot + 1;
      if (last < end)
        end = last;
      while (slot < end)
        e->zipf[slot++] = (uint16_t) i;
    }
}

/* Append S, with a capital first letter if CAPITAL.  */
static void
english_bytes (struct english *e, char const *s, size_t n, bool capital)
{
  struct paragraph *p = e->p;
  size_t at = p->n;
  line_bytes (p, s, n);
  if (capital && 'a' <= p->line[at] && p->line[at] <= 'z')
    p->line[at] = (unsigned char) (p->line[at] - 'a' + 'A');
}

/* The next word of the running sentence, with the space before it unless
   it opens the line, and its punctuation after it.  */
static void
english_word (struct english *e)
{
  struct rng *r = e->r;
  struct paragraph *p = e->p;
  if (e->sentence_left == 0)
    {
      e->sentence_left = rng_range (r, 3, 18);
      e->capital = true;
    }
  size_t w = e->zipf[rng_below (r, ZIPF_SLOTS)];
  if (p->n && p->line[p->n - 1] != ' ' && p->line[p->n - 1] != '\t')
    line_bytes (p, rng_chance (r, 1) ? "\t" : " ", 1);
  english_bytes (e, vocabulary[w], e->vlen[w], e->capital);
  e->capital = false;
  if (--e->sentence_left == 0)
    {
      static char const ends[] = "......?!?;:";
      line_bytes (p, &ends[rng_below (r, sizeof ends - 1)], 1);
    }
  else if (rng_chance (r, 70))
    line_bytes (p, ",", 1);
}

/* A line of speech: an indent now and then, then words up to a length
   drawn mostly between 30 and 75 bytes.  */
static void
english_line (struct english *e, unsigned indent)
{
  struct rng *r = e->r;
  struct paragraph *p = e->p;
  uint32_t x = rng_below (r, 100);
  size_t target = (x < 6 ? rng_range (r, 8, 29)
                   : x < 97 ? rng_range (r, 30, 75) : rng_range (r, 76, 120));
  for (unsigned i = 0; i < indent; i++)
    line_bytes (p, " ", 1);
  do
    english_word (e);
  while (p->n + 4 < target);
  end_line (p);
}

/* A heading or a stage direction: a few words of vocabulary after FIRST,
   set apart by blank lines or indented.  */
static void
english_direction (struct english *e, char const *first, unsigned words)
{
  struct paragraph *p = e->p;
  english_bytes (e, first, strlen (first), false);
  for (; words; words--)
    {
      size_t w = e->zipf[rng_below (e->r, ZIPF_SLOTS)];
      line_bytes (p, " ", 1);
      english_bytes (e, vocabulary[w], e->vlen[w], false);
    }
  line_bytes (p, ".", 1);
}

/* One speech: the speaker's name in capitals on its own line, a few lines
   of speech, sometimes a stage direction, then a blank line.  Every 150th
   speech or so, and the first, opens a new scene.  */
static void
english_speech (struct english *e)
{
  struct rng *r = e->r;
  struct paragraph *p = e->p;
  if (p->sink->written == 0 || rng_chance (r, 7))
    {
      char heading[64];
      snprintf (heading, sizeof heading, "ACT %s. SCENE %s.",
                PICK_STR (r, roman), PICK_STR (r, roman));
      line_bytes (p, heading, strlen (heading));
      end_line (p);
      english_direction (e, "  A", rng_range (r, 2, 6));
      end_line (p);
      end_line (p);
    }
  char const *name = PICK_STR (r, speakers);
  unsigned indent = rng_chance (r, 150) ? 2 : 0;
  for (unsigned i = 0; i < indent; i++)
    line_bytes (p, " ", 1);
  line_bytes (p, name, strlen (name));
  line_bytes (p, ".", 1);
  end_line (p);
  if (rng_chance (r, 100))
    {
      char const *indent_by = rng_chance (r, 300) ? "\t" : "    ";
      line_bytes (p, indent_by, strlen (indent_by));
      english_direction (e, "Enter", rng_range (r, 1, 4));
      end_line (p);
    }
  for (unsigned lines = rng_range (r, 1, 9); lines; lines--)
    english_line (e, indent + 4 * rng_chance (r, 40));
  if (rng_chance (r, 60))
    {
      line_bytes (p, "    ", 4);
      english_direction (e, "Exit", rng_range (r, 0, 2));
      end_line (p);
    }
  end_line (p);                 /* the blank line */
}

static void
english_text (struct sink *s, struct rng *r)
{
  static struct paragraph para;
  static struct english e;
  para.sink = s;
  e.p = &para;
  e.r = r;
  english_init (&e);
  while (!s->full)
    english_speech (&e);
}

static uintmax_t
parse_number (char const *arg, char const *what)
{
  char *end;
  errno = 0;
  uintmax_t v = strtoumax (arg, &end, 10);
  if (!*arg || *end || errno || *arg == '-')
    {
      fprintf (stderr, "%s: invalid %s '%s'\n", program_name, what, arg);
      exit (EXIT_FAILURE);
    }
  return v;
}

int
main (int argc, char **argv)
{
  bool english = 2 <= argc && strcmp (argv[1], "english") == 0;
  if (argc < 3 || 4 < argc || (!english && strcmp (argv[1], "utf8") != 0))
    {
      fprintf (stderr, "Usage: %s english|utf8 SIZE [SEED]\n", program_name);
      return EXIT_FAILURE;
    }
  static struct sink sink;
  sink.limit = parse_number (argv[2], "size");
  struct rng r = { argc == 4 ? parse_number (argv[3], "seed") : 1 };

  if (english)
    english_text (&sink, &r);
  else
    {
      static struct paragraph para = { .sink = &sink };
      while (!sink.full)
        paragraph (&para, &r);
    }
  sink_flush (&sink);
  if (fclose (stdout) != 0)
    die ("write error", errno);

  fprintf (stderr,
           "%s: %ju bytes, %ju lines, %.1f%% non-ASCII bytes,"
           " %ju invalid sequences\n",
           program_name, sink.written, sink.lines,
           sink.written ? 100.0 * (double) sink.non_ascii / (double) sink.written : 0.0,
           sink.invalid);
  return EXIT_SUCCESS;
}
