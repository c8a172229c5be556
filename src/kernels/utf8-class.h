/* utf8-class.h: the action and display width of a decoded code point in a
   UTF-8 locale, from a cache in the rules that is filled lazily, a page of
   code points at a time, with what wide_char_action says.

   The locale decides every class (iswprint, iswspace, wcwidth), so nothing
   is precomputed for one locale; a page is classified the first time a
   character of it is seen, which keeps start-up as cheap as the text is
   simple: a page costs about 180 instructions a code point, so pages are
   small, and a big input touches few of them anyway.  Each cache entry is
   one byte, 0 while unknown; threads that count at the same time may fill
   the same page at once, but they store the same values, and every entry
   is loaded and stored whole (relaxed atomics), so a reader sees either 0
   (and classifies the page itself) or the final entry.  No ordering
   between entries is needed.  */
#ifndef WC_UTF8_CLASS_H
#define WC_UTF8_CLASS_H

#include <stdatomic.h>
#include <stdint.h>

#include "charclass.h"

enum
{
  /* Every Unicode code point is cached; the larger values glibc decodes
     (up to 0x7FFFFFFF) are classified directly: none of them is printable,
     and they are rare.  */
  UTF8_CACHE_LIMIT = 0x110000,
  UTF8_CACHE_PAGE = 32,
  /* An entry: KNOWN | width << WIDTH_SHIFT | action.  */
  UTF8_ENTRY_KNOWN = 0x80,
  UTF8_ENTRY_WIDTH_SHIFT = 3,
  UTF8_ENTRY_WIDTH_MAX = 15,
  UTF8_ENTRY_ACTION_MASK = 7
};

/* Decide whether RULES (built for the current locale) may use the UTF-8
   kernels, and map their cache.  Called by char_rules_init.  */
void utf8_rules_init (struct char_rules *rules);
void utf8_rules_release (struct char_rules *rules);

/* What wide_char_action says of one character.  */
struct char_class
{
  enum char_action action;
  int width;
};

/* Classify CP, filling its cache page when it has one.  */
struct char_class utf8_char_class_slow (struct char_rules const *rules,
                                        uint32_t cp);

/* The action and width of code point CP, as wide_char_action gives them.  */
static inline struct char_class
utf8_char_class (struct char_rules const *rules, uint32_t cp)
{
  if (cp < rules->utf8_cached_below)
    {
      unsigned e = atomic_load_explicit (rules->utf8_cache + cp,
                                         memory_order_relaxed);
      if (e)
        return (struct char_class) {
          .action = e & UTF8_ENTRY_ACTION_MASK,
          .width = e >> UTF8_ENTRY_WIDTH_SHIFT & UTF8_ENTRY_WIDTH_MAX };
    }
  return utf8_char_class_slow (rules, cp);
}

#endif
