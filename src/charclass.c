/* charclass.c: build the byte table and classify wide characters for the
   counting kernels, following GNU wc's rules (9.1's or 9.7's) in the
   current locale.  */
#include <config.h>

#include "charclass.h"
#include "utf8-class.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* The four no-break spaces that GNU wc treats as separators.  */
static bool
is_nbsp (wint_t wc)
{
  return wc == 0x00A0 || wc == 0x2007 || wc == 0x202F || wc == 0x2060;
}

/* The six characters wc handles before asking the locale anything.  */
static int
control_action (wint_t wc)
{
  switch (wc)
    {
    case '\n': return ACT_NEWLINE;
    case '\r': case '\f': return ACT_LINE_END;
    case '\t': return ACT_TAB;
    case ' ': return ACT_SPACE;
    case '\v': return ACT_VSPACE;
    default: return -1;
    }
}

/* The action of a character that is not one of those six, from whether it
   is white space and printable.  9.1 looks at printable characters only;
   9.7 at all of them, so a non-printable one is a constituent or a
   separator of no width.  */
static enum char_action
class_action (struct char_rules const *rules, bool space, bool printable)
{
  if (printable)
    return space ? ACT_SPACE : ACT_WORD;
  if (!rules->nonspace_words)
    return ACT_NEUTRAL;
  return space ? ACT_VSPACE : ACT_VWORD;
}

/* The action of ASCII byte B in the usual locales (glibc's all agree):
   the six above, the printable bytes '!'..'~' constituents, the controls
   neutral (9.1) or constituents of no width (9.7).  The word-at-a-time
   classifiers compute exactly this.  */
static enum char_action
plain_ascii_action (struct char_rules const *rules, int b)
{
  int act = control_action (b);
  return (0 <= act ? act
          : class_action (rules, false, '!' <= b && b <= '~'));
}

/* The byte table's entry for a character of action ACT and width WIDTH
   (the table's constituents and separators are one column wide, the
   others none), or ACT_DECODE when no entry says it.  */
static enum char_action
table_action (enum char_action act, int width)
{
  switch (act)
    {
    case ACT_WORD:
      return width == 1 ? ACT_WORD : width == 0 ? ACT_VWORD : ACT_DECODE;
    case ACT_SPACE:
      return width == 1 ? ACT_SPACE : width == 0 ? ACT_VSPACE : ACT_DECODE;
    default:
      return width == 0 ? act : ACT_DECODE;
    }
}

enum char_action
wide_char_action (struct char_rules const *rules, wint_t wc, int *width)
{
  int act = control_action (wc);
  *width = act == ACT_SPACE;
  if (0 <= act)
    return act;
  bool printable = iswprint (wc);
  if (!printable && !rules->nonspace_words)
    return ACT_NEUTRAL;
  /* 9.7 takes the width wcwidth gives whatever iswprint says.  */
  int w = wcwidth (wc);
  *width = 0 < w ? w : 0;
  return (iswspace (wc) || (rules->nbsp_separates && is_nbsp (wc))
          ? ACT_SPACE : ACT_WORD);
}

/* The code point of byte B in a single-byte locale, for the no-break
   space test: btowc's, or under 9.7 in the C locale (where btowc knows
   ASCII only) the byte's own value.  */
static wint_t
single_byte_code_point (struct char_rules const *rules, int b)
{
  wint_t wc = btowc (b);
  return wc == WEOF && rules->c_bytes_are_code_points ? (wint_t) b : wc;
}

/* In a single-byte locale every byte is a character, classified with
   isprint and isspace; the locale's no-break space (0xA0 in Latin-1) is
   found through btowc.  Printable bytes are one column wide.  9.1 looks
   no further than isprint; 9.7 classes every byte.  */
static enum char_action
single_byte_action (struct char_rules const *rules, int b)
{
  int act = control_action (b);
  if (0 <= act)
    return act;
  bool printable = isprint (b);
  if (!printable && !rules->nonspace_words)
    return ACT_NEUTRAL;
  bool space = (isspace (b)
                || (rules->nbsp_separates
                    && is_nbsp (single_byte_code_point (rules, b))));
  return class_action (rules, space, printable);
}

/* The characters of the C standard's basic character set that are one
   byte in every encoding: '\t', '\v', '\f' and the printable ASCII
   characters but '$', '@' and '`'.  */
static bool
is_basic_char (int b)
{
  return ((' ' <= b && b <= '~' && b != '$' && b != '@' && b != '`')
          || b == '\t' || b == '\v' || b == '\f');
}

/* In a multibyte locale GNU wc 9.1 decodes no basic character (9.7 no
   ASCII character): it takes the byte for the character of the same code,
   printable and one column wide as isprint says, a separator as isspace
   says (never a no-break space); so does the table, which also spares
   start-up the wide functions' calls for most of ASCII.  Any other byte
   that btowc maps is a whole character at a character boundary; the table
   keeps it when its entry can say it, so the kernel decodes only what
   needs decoding.  In UTF-8 no byte from 0x80 up is a character by
   itself: start-up spares their 128 calls of btowc.  */
static enum char_action
multibyte_byte_action (struct char_rules const *rules, int b, bool utf8)
{
  if (rules->nonspace_words ? b < 0x80 : is_basic_char (b))
    {
      int act = control_action (b);
      return 0 <= act ? act : class_action (rules, isspace (b), isprint (b));
    }
  if (utf8 && 0x80 <= b)
    return ACT_DECODE;
  wint_t wc = btowc (b);
  if (wc == WEOF)
    return ACT_DECODE;
  int width;
  enum char_action act = wide_char_action (rules, wc, &width);
  return table_action (act, width);
}

void
char_rules_init (struct char_rules *rules, struct gnu_rules const *gnu,
                 bool posixly_correct)
{
  rules->multibyte = 1 < MB_CUR_MAX;
  rules->nbsp_separates = !posixly_correct;
  rules->nonspace_words = gnu->nonspace_words;
  rules->c_bytes_are_code_points = gnu->c_bytes_are_code_points;
  bool utf8 = (rules->multibyte
               && strcmp (nl_langinfo (CODESET), "UTF-8") == 0);
  for (int b = 0; b < 256; b++)
    rules->byte_action[b] = (rules->multibyte
                             ? multibyte_byte_action (rules, b, utf8)
                             : single_byte_action (rules, b));
  char_rules_summarize (rules);
  utf8_rules_init (rules);
}

void
char_rules_summarize (struct char_rules *rules)
{
  rules->ascii_plain = true;
  for (int b = 0; b < 0x80; b++)
    if (rules->byte_action[b] != plain_ascii_action (rules, b))
      rules->ascii_plain = false;
  unsigned char high = rules->byte_action[0x80];
  for (int b = 0x81; b < 0x100; b++)
    if (rules->byte_action[b] != rules->byte_action[0x80])
      high = ACT_DECODE;
  rules->high_action = high;
}

void
char_rules_release (struct char_rules *rules)
{
  utf8_rules_release (rules);
}
