/* reference.c: GNU wc 9.1's counting rules, and 9.7's, written the slow
   and obvious way: the whole input at once, one character at a time, every
   character classified on the spot by the C library.  Speed does not
   matter here; being easy to check against SPEC sections 2 and 6 does.  */
#include <config.h>

#include "reference.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* What one character does, decided before it touches the counts.  */
struct character
{
  wint_t code;          /* the byte, or the decoded wide character */
  bool printable;
  bool space;           /* white space, or a no-break space that counts */
  int width;            /* display columns of a printable character */
};

/* The running state of a count.  */
struct tally
{
  struct reference_counts counts;
  uintmax_t column;
  bool in_word;
  /* GNU 9.7's word rule: every character that is not white space is in a
     word, and so is every encoding error.  */
  bool gnu97;
};

/* U+00A0, U+2007, U+202F and U+2060 separate words unless POSIXLY_CORRECT
   is set.  */
static bool
no_break_space (wint_t wc, bool posixly_correct)
{
  return (!posixly_correct
          && (wc == 0x00A0 || wc == 0x2007 || wc == 0x202F || wc == 0x2060));
}

static void
end_word (struct tally *t)
{
  if (t->in_word)
    t->counts.words++;
  t->in_word = false;
}

static void
end_line_for_width (struct tally *t)
{
  if (t->counts.max_width < t->column)
    t->counts.max_width = t->column;
  t->column = 0;
}

/* The rules of SPEC 2.2, 2.5 and 2.6, in GNU wc 9.1's order: six control
   characters first, then printable characters; anything else (not
   printable) changes nothing at all under 9.1's rules, and under 9.7's
   (SPEC 6) is in a word or separates as white space, of its width.  */
static void
account (struct tally *t, struct character const *c)
{
  switch (c->code)
    {
    case '\n':
      t->counts.lines++;
      end_line_for_width (t);
      end_word (t);
      break;
    case '\r':
    case '\f':
      end_line_for_width (t);
      end_word (t);
      break;
    case '\t':
      t->column += 8 - t->column % 8;
      end_word (t);
      break;
    case ' ':
      t->column++;
      end_word (t);
      break;
    case '\v':
      end_word (t);
      break;
    default:
      if (c->printable || t->gnu97)
        {
          if (0 < c->width)
            t->column += c->width;
          if (c->space)
            end_word (t);
          else
            t->in_word = true;
        }
      break;
    }
}

/* Every byte is a character; isprint and isspace decide, and btowc finds
   the locale's no-break space (0xA0 in Latin-1, none in C).  */
static void
count_single_byte (struct tally *t, unsigned char const *p, size_t n,
                   bool posixly_correct)
{
  for (size_t i = 0; i < n; i++)
    {
      struct character c = { .code = p[i] };
      c.printable = isprint (p[i]) != 0;
      c.width = c.printable;
      /* 9.7 takes a byte of the C locale, where btowc knows only ASCII,
         for the code point of its value.  */
      wint_t wc = btowc (p[i]);
      if (wc == WEOF && t->gnu97)
        wc = p[i];
      c.space = (isspace (p[i]) != 0 || no_break_space (wc, posixly_correct));
      account (t, &c);
    }
  t->counts.chars = n;
}

/* Characters are what mbrtowc decodes from the rest of the input.  An
   invalid byte is skipped alone and is no character; a sequence cut short
   by the end of the input is no character either.  Under 9.7's rules both
   are in a word.  */
static void
count_multibyte (struct tally *t, unsigned char const *p, size_t n,
                 bool posixly_correct)
{
  size_t i = 0;
  while (i < n)
    {
      mbstate_t state;
      memset (&state, 0, sizeof state);
      wchar_t wc;
      size_t len = mbrtowc (&wc, (char const *) p + i, n - i, &state);
      /* Cut by the end: 9.1 stops; 9.7 takes the first byte for an
         encoding error and decodes again from the next.  */
      if (len == (size_t) -2 && !t->gnu97)
        break;
      if (len == (size_t) -1 || len == (size_t) -2)
        {
          t->in_word |= t->gnu97;
          i++;
          continue;
        }
      if (len == 0)
        len = 1;        /* a NUL character */
      struct character c = { .code = wc };
      c.printable = iswprint (wc) != 0;
      c.space = (iswspace (wc) != 0 || no_break_space (wc, posixly_correct));
      c.width = wcwidth (wc);
      account (t, &c);
      t->counts.chars++;
      i += len;
    }
}

/* Lines alone are '\n' bytes, whatever the locale.  */
static void
count_newline_bytes (struct tally *t, unsigned char const *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] == '\n')
      t->counts.lines++;
}

/* GNU wc decodes characters only when it needs them (SPEC 2.1): for words,
   widths, or characters in a multibyte locale.  It shows: a '\n' inside
   what mbrtowc takes for the start of a character cut short by the end of
   the input (GB18030's "\x81\x30\n" at EOF) is a line for `wc -l` but
   not for `wc -lw`.  */
struct reference_counts
reference_count (unsigned char const *p, size_t n, bool posixly_correct,
                 bool gnu97, unsigned wanted)
{
  struct tally t;
  memset (&t, 0, sizeof t);
  t.gnu97 = gnu97;
  bool multibyte = 1 < MB_CUR_MAX;
  bool decode = (wanted & (REFERENCE_WORDS | REFERENCE_MAX_WIDTH)
                 || (multibyte && wanted & REFERENCE_CHARS));
  if (!decode)
    {
      count_newline_bytes (&t, p, n);
      t.counts.chars = multibyte ? 0 : n;
    }
  else if (!multibyte)
    count_single_byte (&t, p, n, posixly_correct);
  else
    count_multibyte (&t, p, n, posixly_correct);
  end_line_for_width (&t);
  end_word (&t);
  t.counts.bytes = n;
  return t.counts;
}
