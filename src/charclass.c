/* charclass.c: build the byte table and classify wide characters for the
   counting kernels, following GNU wc 9.1's rules in the current locale.  */
#include <config.h>

#include "charclass.h"
#include "utf8-class.h"

#include <ctype.h>
#include <stdlib.h>
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

/* The action of ASCII byte B in the usual locales (glibc's all agree):
   the six above, the printable bytes '!'..'~' constituents, the rest
   neutral.  The word-at-a-time classifiers compute exactly this.  */
static enum char_action
plain_ascii_action (int b)
{
  int act = control_action (b);
  return 0 <= act ? act : '!' <= b && b <= '~' ? ACT_WORD : ACT_NEUTRAL;
}

enum char_action
wide_char_action (struct char_rules const *rules, wint_t wc, int *width)
{
  int act = control_action (wc);
  *width = act == ACT_SPACE;
  if (0 <= act)
    return act;
  if (!iswprint (wc))
    return ACT_NEUTRAL;
  int w = wcwidth (wc);
  *width = 0 < w ? w : 0;
  return (iswspace (wc) || (rules->nbsp_separates && is_nbsp (wc))
          ? ACT_SPACE : ACT_WORD);
}

/* In a single-byte locale every byte is a character, classified with
   isprint and isspace; the locale's no-break space (0xA0 in Latin-1) is
   found through btowc.  Printable bytes are one column wide.  */
static enum char_action
single_byte_action (struct char_rules const *rules, int b)
{
  int act = control_action (b);
  if (0 <= act)
    return act;
  if (!isprint (b))
    return ACT_NEUTRAL;
  return (isspace (b) || (rules->nbsp_separates && is_nbsp (btowc (b)))
          ? ACT_SPACE : ACT_WORD);
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

/* In a multibyte locale GNU wc 9.1 decodes no basic character: it takes
   the byte for the character of the same code, printable and one column
   wide as isprint says, a separator as isspace says (never a no-break
   space); so does the table, which also spares start-up the wide
   functions' calls for most of ASCII.  Any other byte that btowc maps is
   a whole character at a character boundary; the table keeps it when it
   is one column wide (or a zero-width control), so the kernel decodes
   only what needs decoding.  */
static enum char_action
multibyte_byte_action (struct char_rules const *rules, int b)
{
  if (is_basic_char (b))
    {
      int act = control_action (b);
      return (0 <= act ? act : !isprint (b) ? ACT_NEUTRAL
              : isspace (b) ? ACT_SPACE : ACT_WORD);
    }
  wint_t wc = btowc (b);
  if (wc == WEOF)
    return ACT_DECODE;
  int width;
  enum char_action act = wide_char_action (rules, wc, &width);
  bool table_width = (act == ACT_WORD || act == ACT_SPACE ? width == 1
                      : width == 0);
  return table_width ? act : ACT_DECODE;
}

void
char_rules_init (struct char_rules *rules, bool posixly_correct)
{
  rules->multibyte = 1 < MB_CUR_MAX;
  rules->nbsp_separates = !posixly_correct;
  for (int b = 0; b < 256; b++)
    rules->byte_action[b] = (rules->multibyte
                             ? multibyte_byte_action (rules, b)
                             : single_byte_action (rules, b));
  char_rules_summarize (rules);
  utf8_rules_init (rules);
}

void
char_rules_summarize (struct char_rules *rules)
{
  rules->ascii_plain = true;
  for (int b = 0; b < 0x80; b++)
    if (rules->byte_action[b] != plain_ascii_action (b))
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
