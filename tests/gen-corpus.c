/* gen-corpus.c: write the conformance corpus, a set of files that stress
   wc's counting rules, into a directory.  A fixed-seed generator makes every
   run produce the same bytes, so a failure can always be reproduced.

   Usage: gen-corpus DIR

   Each file name starts with the group it belongs to (tiny-, bytes-, ...);
   the conformance suites check one group per test.  */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-support.h"

static char const *program_name = "gen-corpus";
static char const *out_dir;

_Noreturn static void
die (char const *what, char const *name, int err)
{
  fprintf (stderr, "%s: %s %s: %s\n", program_name, what, name,
           strerror (err));
  exit (EXIT_FAILURE);
}

/* A growable byte buffer: each corpus file is built in memory, then written
   in one go.  */
struct buf
{
  unsigned char *p;
  size_t n;
  size_t cap;
};

static void
reserve (struct buf *b, size_t more)
{
  if (b->cap - b->n >= more)
    return;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap - b->n < more)
    {
      if (cap > SIZE_MAX / 2)
        die ("cannot grow", "buffer", ENOMEM);
      cap *= 2;
    }
  unsigned char *p = realloc (b->p, cap);
  if (!p)
    die ("cannot grow", "buffer", ENOMEM);
  b->p = p;
  b->cap = cap;
}

static void
put (struct buf *b, void const *data, size_t n)
{
  if (n == 0)
    return;
  reserve (b, n);
  memcpy (b->p + b->n, data, n);
  b->n += n;
}

static void
put1 (struct buf *b, size_t byte)
{
  unsigned char c = byte & 0xff;
  put (b, &c, 1);
}

static void
puts0 (struct buf *b, char const *s)
{
  put (b, s, strlen (s));
}

static void
repeat (struct buf *b, char const *s, size_t times)
{
  for (size_t i = 0; i < times; i++)
    puts0 (b, s);
}

/* Encode CP the way UTF-8 was first defined: up to six bytes and 2^31 code
   points, surrogates included.  Valid text and several kinds of invalid
   input come out of the same function.  */
static void
put_utf8 (struct buf *b, uint32_t cp)
{
  unsigned char s[6];
  size_t len;
  if (cp < 0x80)
    {
      s[0] = cp & 0xff;
      len = 1;
    }
  else
    {
      unsigned int lead;
      if (cp < 0x800)
        len = 2, lead = 0xc0;
      else if (cp < 0x10000)
        len = 3, lead = 0xe0;
      else if (cp < 0x200000)
        len = 4, lead = 0xf0;
      else if (cp < 0x4000000)
        len = 5, lead = 0xf8;
      else
        len = 6, lead = 0xfc;
      for (size_t i = len - 1; i > 0; i--)
        {
          s[i] = (0x80 | (cp & 0x3f)) & 0xff;
          cp >>= 6;
        }
      s[0] = (lead | cp) & 0xff;
    }
  put (b, s, len);
}

/* Write B as DIR/NAME and empty B for the next file.  */
static void
emit (struct buf *b, char const *name)
{
  size_t dl = strlen (out_dir);
  size_t nl = strlen (name);
  char *path = malloc (dl + nl + 2);
  if (!path)
    die ("cannot name", name, ENOMEM);
  memcpy (path, out_dir, dl);
  path[dl] = '/';
  memcpy (path + dl + 1, name, nl + 1);
  FILE *f = fopen (path, "wb");
  if (!f)
    die ("cannot create", path, errno);
  if (b->n && fwrite (b->p, 1, b->n, f) != b->n)
    die ("cannot write", path, errno);
  if (fclose (f) != 0)
    die ("cannot write", path, errno);
  free (path);
  b->n = 0;
}

static char const *
pick (char const *const *list, size_t n)
{
  return list[below (n)];
}

/* Random ASCII words of 1..9 lower-case letters, single spaces, a newline
   now and then, until B holds at least LEN more bytes; then cut to LEN.  */
static void
ascii_filler (struct buf *b, size_t len)
{
  size_t end = b->n + len;
  while (b->n < end)
    {
      size_t w = 1 + below (9);
      for (size_t i = 0; i < w; i++)
        put1 (b, 'a' + below (26));
      put1 (b, below (10) == 0 ? '\n' : ' ');
    }
  b->n = end;
}

static char const *const english[] = {
  "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and",
  "counts", "every", "line", "word", "byte", "of", "a", "file", "while",
  "reading", "it", "once", "from", "start", "to", "end", "Lorem", "ipsum",
  "dolor", "sit", "amet,", "consectetur", "adipiscing", "elit.", "(see",
  "below)", "42", "3.14159", "--option", "x=y", "\"quoted\"", "it's",
  "e-mail", "#hash", "[bracket]", "{brace}", "<angle>", "semi;", "colon:",
};

/* Lines of English-like words; LINES lines of up to MAXW words, each line
   ending in END ("\n" or "\r\n").  */
static void
prose (struct buf *b, size_t lines, size_t maxw, char const *end)
{
  for (size_t l = 0; l < lines; l++)
    {
      size_t w = below (maxw + 1);
      for (size_t i = 0; i < w; i++)
        {
          if (i)
            put1 (b, below (20) == 0 ? '\t' : ' ');
          puts0 (b, pick (english, COUNTOF (english)));
        }
      puts0 (b, end);
    }
}

/* --- group tiny: edge cases of size and shape -------------------------- */

static void
gen_tiny (struct buf *b)
{
  emit (b, "tiny-empty");

  puts0 (b, "a");
  emit (b, "tiny-one-byte");

  puts0 (b, "\n");
  emit (b, "tiny-one-newline");

  puts0 (b, " ");
  emit (b, "tiny-one-space");

  puts0 (b, "hello world\nthe last line has no newline");
  emit (b, "tiny-no-final-newline");

  repeat (b, "\n", 1000);
  emit (b, "tiny-only-newlines");

  for (size_t i = 0; i < 5000; i++)
    put1 (b, below (3) ? ' ' : '\t');
  emit (b, "tiny-only-blanks");

  for (size_t i = 0; i < 5000; i++)
    put1 (b, " \t\n\n\v\f\r"[below (7)]);
  emit (b, "tiny-only-white-space");

  puts0 (b, "x");
  repeat (b, "\n", 3);
  puts0 (b, "    y   ");
  emit (b, "tiny-padded-word");
}

/* --- group bytes: every byte value, in several orders ---------------- */

static void
gen_bytes (struct buf *b)
{
  for (unsigned int i = 0; i < 256; i++)
    put1 (b, i);
  emit (b, "bytes-ascending");

  for (unsigned int i = 256; i-- > 0;)
    put1 (b, i);
  emit (b, "bytes-descending");

  /* Four Fisher-Yates shuffles, each a permutation of all 256 values.  */
  for (int round = 0; round < 4; round++)
    {
      unsigned char perm[256];
      for (unsigned int i = 0; i < 256; i++)
        perm[i] = i & 0xff;
      for (size_t i = 255; i > 0; i--)
        {
          size_t j = below (i + 1);
          unsigned char t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
        }
      put (b, perm, sizeof perm);
    }
  emit (b, "bytes-shuffled");

  /* Each byte between letters, so its word class decides the word count.  */
  for (unsigned int i = 0; i < 256; i++)
    {
      put1 (b, 'w');
      put1 (b, i);
      put1 (b, 'w');
      put1 (b, i % 16 == 15 ? '\n' : ' ');
    }
  emit (b, "bytes-between-letters");

  /* Each byte alone between spaces.  */
  for (unsigned int i = 0; i < 256; i++)
    {
      put1 (b, i);
      put1 (b, ' ');
    }
  emit (b, "bytes-between-spaces");

  /* Every ordered pair of bytes: every two-byte prefix a decoder can see.  */
  for (unsigned int i = 0; i < 256; i++)
    for (unsigned int j = 0; j < 256; j++)
      {
        put1 (b, i);
        put1 (b, j);
      }
  emit (b, "bytes-pairs");
}

/* --- group binary ------------------------------------------------------- */

static void
gen_binary (struct buf *b)
{
  for (size_t i = 0; i < 300 * 1024; i++)
    put1 (b, next64 () & 0xff);
  emit (b, "binary-random");

  for (size_t l = 0; l < 2000; l++)
    {
      size_t w = below (10);
      for (size_t i = 0; i < w; i++)
        {
          puts0 (b, pick (english, COUNTOF (english)));
          size_t r = below (6);
          if (r == 0)
            put1 (b, 0);
          else if (r == 1)
            puts0 (b, " ");
          else if (r == 2)
            {
              put1 (b, ' ');
              put1 (b, 0);
              put1 (b, ' ');
            }
          else
            put1 (b, ' ');
        }
      put1 (b, '\n');
    }
  emit (b, "binary-nul-in-text");

  /* Letters separated by each non-white control character, plus DEL.  */
  for (int round = 0; round < 50; round++)
    for (unsigned int c = 0; c < 0x20; c++)
      {
        if (c >= '\t' && c <= '\r')
          continue;
        puts0 (b, "ab");
        put1 (b, c);
        puts0 (b, "cd ");
        put1 (b, c);
        puts0 (b, round % 2 ? " \x7f" : "\x7f ");
      }
  emit (b, "binary-controls");

  for (size_t i = 0; i < 8192; i++)
    put1 (b, 0);
  emit (b, "binary-zeros-8192");

  /* Escape sequences as a terminal would see them.  */
  for (int i = 0; i < 300; i++)
    puts0 (b, "\x1b[31mred\x1b[0m \x1b[1;32mbold green\x1b[0m\a\n");
  emit (b, "binary-escapes");
}

/* --- group text: plain ASCII ------------------------------------------ */

static void
gen_text (struct buf *b)
{
  prose (b, 3000, 12, "\r\n");
  emit (b, "text-crlf");

  prose (b, 6000, 16, "\n");
  emit (b, "text-ascii-prose");

  for (size_t l = 0; l < 100000; l++)
    {
      size_t n = below (4);
      for (size_t i = 0; i < n; i++)
        put1 (b, 'a' + below (26));
      put1 (b, '\n');
    }
  emit (b, "text-many-short-lines");

  for (size_t i = 0; i < 200000; i++)
    {
      put1 (b, 'a' + below (26));
      if (below (2))
        put1 (b, 'a' + below (26));
      put1 (b, i % 30 == 29 ? '\n' : ' ');
    }
  emit (b, "text-many-words");

  /* Lines whose widths straddle tab stops.  */
  for (size_t l = 0; l < 2000; l++)
    {
      size_t n = below (40);
      for (size_t i = 0; i < n; i++)
        put1 (b, below (4) == 0 ? '\t' : 'a' + below (26));
      put1 (b, '\n');
    }
  emit (b, "text-tabs");
}

/* --- group long: lines longer than any read buffer -------------------- */

static void
gen_long (struct buf *b)
{
  puts0 (b, "short first line\n");
  ascii_filler (b, 1536 * 1024);
  /* ascii_filler puts newlines in; this line must be one line.  */
  for (size_t i = 17; i < b->n; i++)
    if (b->p[i] == '\n')
      b->p[i] = ' ';
  puts0 (b, "\nshort last line\n");
  emit (b, "long-line-newline");

  /* 2 MiB in one line, no newline at all, some tabs.  */
  ascii_filler (b, 2 * 1024 * 1024);
  for (size_t i = 0; i < b->n; i++)
    if (b->p[i] == '\n')
      b->p[i] = '\t';
  emit (b, "long-line-no-newline");

  /* A long line of multibyte characters (width 2 in UTF-8 locales).  */
  for (size_t i = 0; i < 400000; i++)
    put_utf8 (b, 0x4e00 + (uint32_t) below (0x5000));
  puts0 (b, "\n");
  emit (b, "long-line-cjk");
}

/* --- group utf8: valid text in many scripts ---------------------------- */

static char const *const scripts[] = {
  /* Latin with accents, precomposed.  */
  "Voil\xc3\xa0 l'\xc3\xa9t\xc3\xa9 \xc3\xa0 Z\xc3\xbcrich: na\xc3\xafve "
  "fa\xc3\xa7" "ade, \xc3\x85ngstr\xc3\xb6m, \xc5\x81\xc3\xb3" "d\xc5\xba, "
  "\xc4\x8c" "esk\xc3\xbd Krumlov, stra\xc3\x9f" "e.",
  /* Greek.  */
  "\xce\x9a\xce\xb1\xce\xbb\xce\xb7\xce\xbc\xce\xad\xcf\x81\xce\xb1 "
  "\xce\xba\xcf\x8c\xcf\x83\xce\xbc\xce\xb5, \xce\xb1\xce\xb2\xce\xb3 "
  "\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1.",
  /* Cyrillic.  */
  "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80,"
  " \xd1\x91\xd0\xb6 \xd0\xb8 \xd1\x89\xd1\x83\xd0\xba\xd0\xb0.",
  /* Arabic.  */
  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9"
  "\xd8\xa7\xd9\x84\xd9\x85 \xd9\xa1\xd9\xa2\xd9\xa3\xd8\x8c "
  "\xd8\xa7\xd9\x84\xd9\x84\xd8\xba\xd8\xa9.",
  /* Hebrew, with a niqqud point.  */
  "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d "
  "\xd7\x91\xd6\xb8\xd7\xa8\xd7\x90.",
  /* Devanagari, with vowel signs and a virama.  */
  "\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 "
  "\xe0\xa4\xa6\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xbe "
  "\xe0\xa5\xa7\xe0\xa5\xa8\xe0\xa5\xa9\xe0\xa5\xa4",
  /* Thai: no spaces between words, combining vowels.  */
  "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5"
  "\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a "
  "\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84\xe0\xb8\x97"
  "\xe0\xb8\xa2",
  /* Armenian and Georgian.  */
  "\xd4\xb2\xd5\xa1\xd6\x80\xd6\x87 \xe1\x83\x92\xe1\x83\x90\xe1\x83\x9b"
  "\xe1\x83\x90\xe1\x83\xa0\xe1\x83\xaf\xe1\x83\x9d\xe1\x83\x91\xe1\x83\x90",
  /* Typographic punctuation: dashes, quotes, ellipsis, soft hyphen.  */
  "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 dash\xe2\x80\xa6 "
  "hy\xc2\xadphen \xc2\xabguillemets\xc2\xbb \xe2\x82\xac""5",
};

static char const *const cjk_emoji[] = {
  /* Han, kana, Hangul: width 2.  */
  "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6",
  "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf "
  "\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3\x83\x8a",
  "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xed\x85\x8c\xec\x8a\xa4\xed\x8a\xb8",
  /* Halfwidth katakana, fullwidth Latin.  */
  "\xef\xbd\xb6\xef\xbe\x80\xef\xbd\xb6\xef\xbe\x85 "
  "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3",
  /* CJK Extension B (4 bytes).  */
  "\xf0\xa0\x80\x80\xf0\xa0\x80\x81\xf0\xaa\x9a\xb2",
  /* Emoji, a skin tone modifier, a variation selector.  */
  "\xf0\x9f\x98\x80\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xe2\x9d\xa4\xef\xb8\x8f",
  /* ZWJ family and profession sequences.  */
  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
  "\xe2\x80\x8d\xf0\x9f\x91\xa6 \xf0\x9f\xa7\x91\xe2\x80\x8d\xf0\x9f\x92\xbb",
  /* Flags: regional indicator pairs, and a tag sequence.  */
  "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 "
  "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0"
  "\x81\xa3\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf",
  /* Keycap sequence.  */
  "1\xef\xb8\x8f\xe2\x83\xa3 #\xef\xb8\x8f\xe2\x83\xa3",
};

static char const *const combining[] = {
  "e\xcc\x81", "a\xcc\x8a\xcc\x81", "o\xcc\x88\xcc\xb2", "\xcc\x81",
  "n\xcc\x83", "Z\xcd\x91\xcd\x97\xcd\x9d\xcc\xa4\xcc\xb9",
  "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab",     /* conjoining Hangul jamo */
  "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",     /* Devanagari conjunct */
  "x\xe2\x83\x9d", "\xd8\xa8\xd9\x8e",       /* enclosing mark, harakat */
  "\xef\xb8\xa0", "\xe2\x80\x8c", "\xe2\x80\x8d", /* half mark, ZWNJ, ZWJ */
};

static void
gen_utf8 (struct buf *b)
{
  for (size_t l = 0; l < 3000; l++)
    {
      size_t n = 1 + below (4);
      for (size_t i = 0; i < n; i++)
        {
          if (i)
            put1 (b, ' ');
          puts0 (b, pick (scripts, COUNTOF (scripts)));
        }
      put1 (b, '\n');
    }
  emit (b, "utf8-scripts");

  for (size_t l = 0; l < 3000; l++)
    {
      size_t n = 1 + below (5);
      for (size_t i = 0; i < n; i++)
        {
          if (i)
            puts0 (b, below (3) ? " " : below (2) ? "\t" : "");
          puts0 (b, pick (cjk_emoji, COUNTOF (cjk_emoji)));
        }
      put1 (b, '\n');
    }
  emit (b, "utf8-cjk-emoji");

  for (size_t l = 0; l < 3000; l++)
    {
      size_t n = below (12);
      for (size_t i = 0; i < n; i++)
        {
          puts0 (b, pick (combining, COUNTOF (combining)));
          if (below (3) == 0)
            put1 (b, ' ');
        }
      put1 (b, '\n');
    }
  emit (b, "utf8-combining");

  /* A byte order mark first, then ordinary text.  */
  puts0 (b, "\xef\xbb\xbf");
  prose (b, 100, 10, "\n");
  emit (b, "utf8-bom");
}

/* --- group spaces: everything that may or may not separate words ------ */

static uint32_t const unicode_spaces[] = {
  0x0085, 0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f,
  0x205f, 0x2060, 0x3000, 0xfeff, 0x180e, 0x00ad,
};

static void
gen_spaces (struct buf *b)
{
  /* Each space between words, alone, doubled, and at line ends.  */
  for (size_t i = 0; i < COUNTOF (unicode_spaces); i++)
    {
      uint32_t sp = unicode_spaces[i];
      puts0 (b, "word");
      put_utf8 (b, sp);
      puts0 (b, "word ");
      put_utf8 (b, sp);
      puts0 (b, " x");
      put_utf8 (b, sp);
      put_utf8 (b, sp);
      puts0 (b, "y\t");
      put_utf8 (b, sp);
      puts0 (b, "\n");
      put_utf8 (b, sp);
      puts0 (b, "\n");
    }
  emit (b, "spaces-unicode");

  /* Many words, each separated from the next by a random separator: ASCII
     white space, Unicode spaces, no-break spaces, and characters that are
     neutral in 9.1 (controls, line/paragraph separators, invalid bytes).  */
  static char const *const seps[] = {
    " ", "\t", "\n", "\v", "\f", "\r", "\r\n", "  ", " \t ",
    "\x01", "\x7f", "\x00", "\x1b", "\xff", "\x80", "\xc2\xa0",
    "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe3\x80\x80",
    "\xe2\x80\x83", "\xe1\x9a\x80", "\xe2\x80\x87", "\xe2\x80\xaf",
    "\xe2\x81\xa0", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x81\x9f",
    "\xc2\xad", "\xe2\x80\x82", "\xe2\x80\x8a", "\xa0", "\xe2\x82",
  };
  for (size_t i = 0; i < 20000; i++)
    {
      puts0 (b, pick (english, COUNTOF (english)));
      size_t k = below (COUNTOF (seps));
      /* "\x00" has length 0 to strlen; write the NUL itself.  */
      if (seps[k][0] == '\0')
        put1 (b, 0);
      else
        puts0 (b, seps[k]);
    }
  emit (b, "spaces-every-separator");
}

/* --- group invalid: malformed UTF-8, other encodings ----------------- */

static char const *const bad_utf8[] = {
  "\xc0\xaf", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80",
  "\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
  "\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", "\xfb\xbf\xbf\xbf\xbf",
  "\xfc\x84\x80\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xfe", "\xff",
  "\xfe\xff", "\x80", "\xbf", "\x80\x80\x80", "\xc3", "\xe2\x82", "\xe2",
  "\xf0\x9f\x98", "\xf0\x9f", "\xf0", "\xc3\xc3\xa9", "\xe2\x82\xac\xac",
  "\xef\xbf\xbe", "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xc2\x80",
  "\xe2\x28\xa1", "\xf0\x28\x8c\xbc", "\xc3\x28",
};

static void
gen_invalid (struct buf *b)
{
  for (size_t i = 0; i < COUNTOF (bad_utf8); i++)
    {
      /* Between letters, alone, at a line start and before a newline.  */
      puts0 (b, "ab");
      puts0 (b, bad_utf8[i]);
      puts0 (b, "cd ");
      puts0 (b, bad_utf8[i]);
      puts0 (b, " ");
      puts0 (b, bad_utf8[i]);
      puts0 (b, "\n");
      puts0 (b, bad_utf8[i]);
      puts0 (b, "x\t");
      puts0 (b, bad_utf8[i]);
      puts0 (b, "\n");
    }
  emit (b, "invalid-forms");

  puts0 (b, "truncated at the end \xe2\x82");
  emit (b, "invalid-eof-2of3");
  puts0 (b, "word\xf0\x9f\x98");
  emit (b, "invalid-eof-3of4");
  puts0 (b, "x\n\xc3");
  emit (b, "invalid-eof-1of2");
  puts0 (b, "\xe2\x82");
  emit (b, "invalid-eof-only");
  puts0 (b, "end\xf8\x88\x80\x80");
  emit (b, "invalid-eof-4of5");

  for (size_t i = 0; i < 20000; i++)
    {
      put1 (b, 0x80 + below (0x40));
      if (below (7) == 0)
        put1 (b, below (5) ? ' ' : '\n');
    }
  emit (b, "invalid-continuations");

  /* Latin-1 text: accented letters and a no-break space as single bytes.  */
  for (int l = 0; l < 500; l++)
    puts0 (b, "Caf\xe9 cr\xe8me br\xfbl\xe9\x65, na\xefve\xa0" "fa\xe7" "ade; "
           "\xabguillemets\xbb \xa9 \xbd\xb0 \xdf \xff\xfe\n");
  emit (b, "invalid-latin1");

  /* Other encodings a UTF-8 decoder meets: UTF-16 with a BOM, CESU-8.  */
  {
    static char const u16[] = "\xff\xfeh\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0\n\0";
    for (int i = 0; i < 100; i++)
      put (b, u16, sizeof u16 - 1);
    for (int i = 0; i < 100; i++)
      puts0 (b, "cesu \xed\xa0\xbd\xed\xb8\x80 8\n");
  }
  emit (b, "invalid-utf16-cesu");
}

/* --- group mix: random valid and invalid UTF-8 ---------------------- */

static void
random_token (struct buf *b)
{
  switch (below (16))
    {
    case 0: case 1: case 2: case 3:
      put1 (b, 'a' + below (26));
      break;
    case 4:
      put1 (b, " \t\n\r\v\f"[below (6)]);
      break;
    case 5:
      put1 (b, ' ');
      break;
    case 6:
      put_utf8 (b, 0x80 + (uint32_t) below (0x780));
      break;
    case 7:
      put_utf8 (b, 0x800 + (uint32_t) below (0xf800));
      break;
    case 8:
      put_utf8 (b, 0x10000 + (uint32_t) below (0x100000));
      break;
    case 9:
      put1 (b, 0x80 + below (0x80));
      break;
    case 10:
      puts0 (b, "\xc2\xa0");
      break;
    case 11:
      puts0 (b, pick (bad_utf8, COUNTOF (bad_utf8)));
      break;
    case 12:
      put1 (b, below (0x20));
      break;
    case 13:
      put_utf8 (b, unicode_spaces[below (COUNTOF (unicode_spaces))]);
      break;
    case 14:
      /* A valid sequence cut short.  */
      {
        size_t start = b->n;
        put_utf8 (b, 0x800 + (uint32_t) below (0x10f800));
        b->n = start + 1 + below (b->n - start - 1);
      }
      break;
    default:
      puts0 (b, pick (cjk_emoji, COUNTOF (cjk_emoji)));
      break;
    }
}

static void
gen_mix (struct buf *b)
{
  while (b->n < 512 * 1024)
    random_token (b);
  emit (b, "mix-utf8-invalid");

  /* Mostly valid text with rare damage, more like a real file.  */
  while (b->n < 256 * 1024)
    {
      if (below (50) == 0)
        random_token (b);
      else
        {
          puts0 (b, pick (scripts, COUNTOF (scripts)));
          put1 (b, below (4) ? ' ' : '\n');
        }
    }
  emit (b, "mix-mostly-valid");
}

/* --- group codepoints: every character class and width -------------- */

/* Each code point twice, around a letter, so that its class shows in the
   word count and its width in the line width.  */
static void
codepoint_cell (struct buf *b, uint32_t cp, uint32_t i)
{
  put_utf8 (b, cp);
  put1 (b, 'a');
  put_utf8 (b, cp);
  put1 (b, i % 16 == 15 ? '\n' : ' ');
}

static void
gen_codepoints (struct buf *b)
{
  /* The whole BMP, surrogates included (invalid when encoded).  */
  for (uint32_t cp = 0; cp < 0x10000; cp++)
    codepoint_cell (b, cp, cp);
  emit (b, "codepoints-bmp");

  /* Plane 1 (emoji, historic scripts) completely, other planes sampled.  */
  uint32_t i = 0;
  for (uint32_t cp = 0x10000; cp < 0x20000; cp++)
    codepoint_cell (b, cp, i++);
  for (uint32_t cp = 0x20000; cp < 0x110000; cp += 61)
    codepoint_cell (b, cp, i++);
  for (uint32_t cp = 0xe0000; cp < 0xe0200; cp++)
    codepoint_cell (b, cp, i++);
  emit (b, "codepoints-supplementary");

  /* Beyond U+10FFFF: 4-byte forms up to 0x1FFFFF, then 5- and 6-byte
     forms; glibc decodes them as single characters.  */
  i = 0;
  for (uint32_t cp = 0x110000; cp < 0x200000; cp += 4099)
    codepoint_cell (b, cp, i++);
  for (uint32_t cp = 0x200000; cp < 0x4000000; cp += 262147)
    codepoint_cell (b, cp, i++);
  for (uint32_t cp = 0x4000000; cp < 0x80000000; cp += 16777259)
    codepoint_cell (b, cp, i++);
  codepoint_cell (b, 0x7fffffff, i);
  emit (b, "codepoints-beyond");
}

/* --- group straddle: characters and words across read boundaries ----- */

/* Offsets at which readers cut: every power of two from 1 KiB to 1 MiB, and
   multiples of 16320 (GNU's AVX2 read size).  */
static size_t const boundaries[] = {
  1 << 10, 1 << 11, 1 << 12, 1 << 13, 16320, 1 << 14, 32640, 1 << 15,
  48960, 65280, 1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20,
};

/* ASCII filler of SIZE bytes with ITEM (LEN bytes) written to start D bytes
   before each boundary below SIZE, plus DELTA.  */
static void
straddle (struct buf *b, char const *name, size_t size, char const *item,
          size_t len, size_t d, long delta)
{
  ascii_filler (b, size);
  for (size_t i = 0; i < COUNTOF (boundaries); i++)
    {
      size_t at = boundaries[i] + (size_t) delta - d;
      if (at + len <= size)
        memcpy (b->p + at, item, len);
    }
  emit (b, name);
}

static void
gen_straddle (struct buf *b)
{
  size_t big = (1 << 20) + 64;
  straddle (b, "straddle-2byte-d1", big, "\xc3\xa9", 2, 1, 0);
  straddle (b, "straddle-3byte-d1", big, "\xe2\x82\xac", 3, 1, 0);
  straddle (b, "straddle-3byte-d2", big, "\xe2\x82\xac", 3, 2, 0);
  straddle (b, "straddle-4byte-d1", big, "\xf0\x9f\x98\x80", 4, 1, 0);
  straddle (b, "straddle-4byte-d2", big, "\xf0\x9f\x98\x80", 4, 2, 0);
  straddle (b, "straddle-4byte-d3", big, "\xf0\x9f\x98\x80", 4, 3, 0);
  /* A word across the boundary, between spaces.  */
  straddle (b, "straddle-word", big, " straddling ", 12, 6, 0);
  /* A no-break space (a separator in UTF-8 locales) cut in two.  */
  straddle (b, "straddle-nbsp", big, "ab\xc2\xa0" "cd", 6, 3, 0);
  /* A truncated sequence across the boundary, then ASCII.  */
  straddle (b, "straddle-truncated", big, "ab\xe2\x82" "cd", 6, 3, 0);
  /* A combining mark split from its base letter.  */
  straddle (b, "straddle-combining", big, "e\xcc\x81", 3, 2, 0);
  /* A wide character after a tab, and a CR LF pair, across the boundary.  */
  straddle (b, "straddle-tab-wide", big, "\t\xe4\xb8\xad\r\n", 6, 2, 0);
  /* The same 3-byte character one byte either side of the boundaries,
     over the first 128 KiB: 16383 and 16385 in particular.  */
  straddle (b, "straddle-3byte-minus1", 128 * 1024, "\xe2\x82\xac", 3, 1, -1);
  straddle (b, "straddle-3byte-plus1", 128 * 1024, "\xe2\x82\xac", 3, 1, 1);
  straddle (b, "straddle-4byte-plus1", 128 * 1024, "\xf0\x9f\x98\x80", 4, 2,
            1);
}

/* --- group width: what moves the column for -L ------------------------- */

static void
gen_width (struct buf *b)
{
  static char const *const bits[] = {
    "\t", "a", "abc", " ", "\b", "\r", "\f", "\v", "\x1b", "\x7f",
    "\xe4\xb8\xad", "\xcc\x81", "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\x8b",
    "\xf0\x9f\x98\x80", "\xc2\xad", "\xff", "12345678",
  };
  for (size_t l = 0; l < 3000; l++)
    {
      size_t n = below (30);
      for (size_t i = 0; i < n; i++)
        puts0 (b, pick (bits, COUNTOF (bits)));
      put1 (b, '\n');
    }
  emit (b, "width-controls");

  /* The widest line ends with \r, \f, or nothing, not with \n.  */
  puts0 (b, "short\n");
  repeat (b, "x", 100);
  puts0 (b, "\rshort\n");
  repeat (b, "\t", 30);
  puts0 (b, "\fy\n");
  repeat (b, "b\b", 200);
  emit (b, "width-line-ends");
}

/* --- group size: sizes around pages and read buffers ------------------ */

static void
sized (struct buf *b, char const *name, size_t size)
{
  /* Text with multibyte characters, so that every count is exercised; the
     last bytes are a 3-byte character when the size allows.  */
  while (b->n < size)
    {
      if (below (8) == 0)
        puts0 (b, "\xc3\xa9t\xc3\xa9 ");
      else
        {
          puts0 (b, pick (english, COUNTOF (english)));
          put1 (b, below (8) ? ' ' : '\n');
        }
    }
  b->n = size;
  if (size >= 3)
    memcpy (b->p + size - 3, "\xe2\x82\xac", 3);
  emit (b, name);
}

static void
gen_size (struct buf *b)
{
  sized (b, "size-4095", 4095);
  sized (b, "size-4096", 4096);
  sized (b, "size-4097", 4097);
  sized (b, "size-8192", 8192);
  sized (b, "size-16319", 16319);
  sized (b, "size-16320", 16320);
  sized (b, "size-16383", 16383);
  sized (b, "size-16384", 16384);
  sized (b, "size-16385", 16385);
  sized (b, "size-65536", 65536);

  /* Page-sized files of newlines only and of no newline at all.  */
  repeat (b, "\n", 4096);
  emit (b, "size-4096-newlines");
  repeat (b, "x", 8192);
  emit (b, "size-8192-one-word");
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DIR\n", program_name);
      return EXIT_FAILURE;
    }
  out_dir = argv[1];

  struct buf b = { NULL, 0, 0 };
  rng_seed (0x5eed0f0c0a5c0deULL);

  gen_tiny (&b);
  gen_bytes (&b);
  gen_binary (&b);
  gen_text (&b);
  gen_long (&b);
  gen_utf8 (&b);
  gen_spaces (&b);
  gen_invalid (&b);
  gen_mix (&b);
  gen_codepoints (&b);
  gen_straddle (&b);
  gen_width (&b);
  gen_size (&b);

  free (b.p);
  return EXIT_SUCCESS;
}
