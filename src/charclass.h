/* charclass.h: what each byte or character means to wc, as data built once
   from the locale and the GNU rule set (gnu-rules.h): the word classes and
   display-width effects.  */
#ifndef WC_CHARCLASS_H
#define WC_CHARCLASS_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "gnu-rules.h"

/* The effect of one character.  Separators end a word, constituents are
   inside one, neutral characters do neither: under GNU wc 9.1's rules the
   non-printable ones and invalid bytes are neutral ('a\1b' is one word and
   '\1' none); under 9.7's there are no neutral characters ('\1' is a
   word).  In the byte tables WORD and SPACE are one column wide; the code
   point cache (utf8-class.h) keeps a width beside each action.  */
enum char_action
{
  ACT_NEUTRAL,    /* no width, no effect on words */
  ACT_WORD,       /* printable, width 1, word constituent */
  ACT_SPACE,      /* printable, width 1, separator */
  ACT_VSPACE,     /* separator of no width ('\v') */
  ACT_TAB,        /* separator, column to the next multiple of 8 */
  ACT_LINE_END,   /* '\r' '\f': separator, ends a line for -L only */
  ACT_NEWLINE,    /* '\n': separator, ends a line, counts a line */
  ACT_VWORD,      /* constituent of no width (a control character, 9.7) */
  ACT_DECODE      /* multibyte locales: the byte starts a sequence to decode */
};

struct char_rules
{
  /* MB_CUR_MAX > 1: characters are decoded with mbrtowc.  */
  bool multibyte;
  /* The no-break spaces separate words unless POSIXLY_CORRECT is set.  */
  bool nbsp_separates;
  /* The GNU rules' word definition (gnu_rules.nonspace_words): every
     character but white space is a constituent, and so is each invalid
     byte, which the kernels then treat as ACT_VWORD instead of skipping.  */
  bool nonspace_words;
  /* The C locale's bytes >= 0x80 are code points (gnu_rules).  */
  bool c_bytes_are_code_points;
  /* Per byte: its action in single-byte locales; in multibyte locales the
     action of a byte that is a whole character by itself at a character
     boundary, or ACT_DECODE.  */
  unsigned char byte_action[256];
  /* What follows from byte_action for every locale (char_rules_summarize):
     bytes 0..0x7F have the usual ASCII actions and widths under the rule
     set (controls neutral, or constituents of no width with
     nonspace_words), so a kernel may classify eight at a time with
     arithmetic; and the action every byte >= 0x80 shares, or ACT_DECODE
     when they differ.  */
  bool ascii_plain;
  unsigned char high_action;

  /* UTF-8 locales (utf8-class.c): the codeset is UTF-8 and the C library
     decodes it by the rules of utf8-decode.h, so the UTF-8 kernels decode
     by themselves.  False elsewhere, or to make tests use mbrtowc.  */
  bool utf8;
  /* The action and width of each code point below utf8_cached_below, or 0
     while not yet known: filled a page at a time by whichever thread first
     needs one (utf8-class.h).  A mapping of its own, released by
     char_rules_release.  */
  _Atomic unsigned char *utf8_cache;
  uint32_t utf8_cached_below;
  /* The entry that every character a lead byte starts has, when they all
     have the same, else 0 (also while not yet known): per lead byte C0..EF
     (the 2- and 3-byte forms), at LEAD - 0xC0.  utf8_lead_entry holds
     action and width, utf8_lead_action the action alone, for the passes
     without widths.  Filled with the cache, in the same mapping.  */
  _Atomic unsigned char *utf8_lead_entry;
  _Atomic unsigned char *utf8_lead_action;
};

/* Build RULES for the current locale under the GNU rule set GNU.  */
void char_rules_init (struct char_rules *rules, struct gnu_rules const *gnu,
                      bool posixly_correct);
/* Set ascii_plain and high_action from byte_action: char_rules_init does,
   and so must whoever fills byte_action by hand.  */
void char_rules_summarize (struct char_rules *rules);
/* Give back what char_rules_init took (the UTF-8 cache).  */
void char_rules_release (struct char_rules *rules);

/* The action and display width of a decoded wide character.  Never
   ACT_VWORD: a constituent of no width is ACT_WORD of width 0.  */
enum char_action wide_char_action (struct char_rules const *rules, wint_t wc,
                                   int *width);

#endif
