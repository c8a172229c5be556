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
   between entries is needed.

   The lead tables (charclass.h) are filled the same way, from the cache:
   a 2-byte lead's 64 code points are one page, so its entry follows from
   the page; a 3-byte lead's 4096 follow once the input has used an eighth
   of their pages, when the rest are filled too.  Text in one script so
   soon has the tables it needs, and no lead is probed unless text uses
   it.  */
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
  UTF8_CACHE_PAGE = 64,
  /* The lead bytes C0..EF: the 2- and 3-byte forms, which the lead tables
     describe (charclass.h).  */
  UTF8_LEAD_RANGES = 48,
  /* The filled pages of a 3-byte lead's range after which the rest of
     the range is filled (utf8-class.c).  */
  UTF8_LEAD_PAGES_TO_FILL = 8,
  /* The mapping: the cache, the two lead tables, and a count of filled
     pages per 3-byte lead.  Whoever reads an entry four bytes at a time
     reads past the cache into the tables, never past the mapping.  */
  UTF8_MAP_SIZE = UTF8_CACHE_LIMIT + 2 * UTF8_LEAD_RANGES + 16,
  /* An entry: KNOWN | width << WIDTH_SHIFT | action.  */
  UTF8_ENTRY_KNOWN = 0x80,
  UTF8_ENTRY_WIDTH_SHIFT = 3,
  UTF8_ENTRY_WIDTH_MAX = 15,
  UTF8_ENTRY_ACTION_MASK = 7
};

/* The count of the pages of the 3-byte lead at index LEAD of the lead
   tables (32..47) that the input has needed: up to
   UTF8_LEAD_PAGES_TO_FILL, when the lead's whole range is filled.  */
static inline _Atomic unsigned char *
utf8_lead_pages_counter (struct char_rules const *rules, int lead)
{
  return rules->utf8_lead_action + UTF8_LEAD_RANGES + (lead - 32);
}

static inline int
utf8_lead_pages_used (struct char_rules const *rules, int lead)
{
  return atomic_load_explicit (utf8_lead_pages_counter (rules, lead),
                               memory_order_relaxed);
}

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
