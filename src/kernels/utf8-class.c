/* utf8-class.c: decide once whether the UTF-8 kernels may run in the
   current locale, and keep their per-code-point classification cache.  */
#include <config.h>

#include "utf8-class.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "utf8-decode.h"

/* Sequences on which C libraries disagree about UTF-8: glibc's 5- and
   6-byte forms and values above 0x10FFFF, overlong forms, surrogates,
   U+FFFE, bytes that never start a character, and cut sequences, some
   that cannot end well but are still "incomplete" to glibc.  */
static char const *const probes[] = {
  "\xf8\x88\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xf4\x90\x80\x80",
  "\xf8\x87\xbf\xbf\xbf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xc1\xbf",
  "\xef\xbf\xbe", "\xfe", "\xe0\x80", "\xfc\x84\x80\x80\x80", "\xc2\x41",
};

/* Whether the C library's mbrtowc agrees with utf8_decode on every probe.
   A C library with other rules keeps the mbrtowc kernel.  (Gnulib's
   replacement differs only in the C locale, and costs a locale query per
   invalid sequence.)  */
#undef mbrtowc
static bool
libc_decodes_as_glibc (void)
{
  for (size_t i = 0; i < sizeof probes / sizeof *probes; i++)
    {
      unsigned char const *p = (unsigned char const *) probes[i];
      size_t n = strlen (probes[i]);
      mbstate_t st;
      memset (&st, 0, sizeof st);
      wchar_t wc;
      size_t r = mbrtowc (&wc, probes[i], n, &st);
      uint32_t cp;
      int d = utf8_decode (&cp, p, n);
      bool same = (r == (size_t) -1 ? d == UTF8_INVALID
                   : r == (size_t) -2 ? d == UTF8_INCOMPLETE
                   : d > 0 && r == (size_t) d && cp == (uint32_t) wc);
      if (!same)
        return false;
    }
  return true;
}

void
utf8_rules_init (struct char_rules *rules)
{
  rules->utf8 = false;
  rules->utf8_cache = NULL;
  rules->utf8_cached_below = 0;
  rules->utf8_lead_entry = NULL;
  rules->utf8_lead_action = NULL;
  if (!rules->multibyte || strcmp (nl_langinfo (CODESET), "UTF-8") != 0
      || !libc_decodes_as_glibc ())
    return;
  rules->utf8 = true;
  /* Untouched pages of an anonymous mapping cost nothing: only the pages
     of code points the input uses are ever materialised.  Without the
     mapping, every character is classified afresh: slower, as exact.  */
  void *map = mmap (NULL, UTF8_MAP_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map != MAP_FAILED)
    {
      rules->utf8_cache = map;
      rules->utf8_cached_below = UTF8_CACHE_LIMIT;
      rules->utf8_lead_entry = rules->utf8_cache + UTF8_CACHE_LIMIT;
      rules->utf8_lead_action = rules->utf8_lead_entry + UTF8_LEAD_RANGES;
    }
}

void
utf8_rules_release (struct char_rules *rules)
{
  if (rules->utf8_cache)
    munmap ((void *) rules->utf8_cache, UTF8_MAP_SIZE);
  rules->utf8_cache = NULL;
  rules->utf8_cached_below = 0;
  rules->utf8_lead_entry = NULL;
  rules->utf8_lead_action = NULL;
}

static unsigned char
pack_entry (enum char_action act, int width)
{
  return UTF8_ENTRY_KNOWN | width << UTF8_ENTRY_WIDTH_SHIFT | act;
}

/* Fill the cache page that starts at FIRST.  */
static void
fill_page (struct char_rules const *rules, uint32_t first)
{
  for (uint32_t c = first; c < first + UTF8_CACHE_PAGE; c++)
    {
      /* ASCII is in the byte table already, unless the table sends it to
         the classifier.  */
      enum char_action act = c < 0x80 ? rules->byte_action[c] : ACT_DECODE;
      int w = act == ACT_WORD || act == ACT_SPACE;
      if (act == ACT_DECODE)
        act = wide_char_action (rules, c, &w);
      /* Entries say a constituent of no width as wide_char_action does.  */
      if (act == ACT_VWORD)
        act = ACT_WORD;
      /* A width the entry cannot hold stays uncached (0), and is
         classified again each time: no locale has one.  */
      if (w <= UTF8_ENTRY_WIDTH_MAX)
        atomic_store_explicit (rules->utf8_cache + c, pack_entry (act, w),
                               memory_order_relaxed);
    }
}

/* The code points a lead byte (index LEAD of the lead tables) starts that
   the decoder accepts: [*FIRST, *END).  */
static void
lead_range (int lead, uint32_t *first, uint32_t *end)
{
  if (lead < 32)
    {
      *first = lead << 6;
      *end = *first + 0x40;
    }
  else
    {
      *first = (lead - 32) << 12;
      *end = *first + 0x1000;
    }
  /* E0 starts only 0800..0FFF (the rest would be overlong); ED only
     D000..D7FF (the rest are surrogates).  */
  if (*first == 0)
    *first = 0x800;
  if (*first == 0xD000)
    *end = 0xD800;
}

/* Whether the entry of C stays 0 because its width does not fit.  */
static bool
wide_width_too_large (struct char_rules const *rules, uint32_t c)
{
  int w;
  wide_char_action (rules, c, &w);
  return UTF8_ENTRY_WIDTH_MAX < w;
}

/* Set the lead entries of LEAD from the cache: the entry all its
   characters share, or the action they all share, or 0.  While a page of
   the range is still being filled (by another thread), nothing: whoever
   fills it tries again.  */
static void
set_lead_entries (struct char_rules const *rules, int lead)
{
  uint32_t first, end;
  lead_range (lead, &first, &end);
  unsigned char entry = atomic_load_explicit (rules->utf8_cache + first,
                                              memory_order_relaxed);
  unsigned char const action_bits = UTF8_ENTRY_KNOWN | UTF8_ENTRY_ACTION_MASK;
  bool same_entry = entry != 0, same_action = entry != 0;
  for (uint32_t c = first + 1; c < end; c++)
    {
      unsigned char e = atomic_load_explicit (rules->utf8_cache + c,
                                              memory_order_relaxed);
      if (!e && !wide_width_too_large (rules, c))
        return;
      same_entry &= e == entry;
      same_action &= e && (e & action_bits) == (entry & action_bits);
    }
  atomic_store_explicit (&rules->utf8_lead_entry[lead],
                         same_entry ? entry : 0, memory_order_relaxed);
  atomic_store_explicit (&rules->utf8_lead_action[lead],
                         same_action ? entry & action_bits : 0,
                         memory_order_relaxed);
}

/* After the page at FIRST is filled: a 2-byte lead's range is one page,
   so its lead entries follow at once.  A 3-byte lead's range is 64 pages,
   about 180 instructions a code point to fill: it is filled whole only
   once the input has needed an eighth of its pages, which text in a
   script of that range soon does, and other text never.  */
static void
note_page (struct char_rules const *rules, uint32_t first)
{
  if (first < 0x80 || 0x10000 <= first)
    return;
  if (first < 0x800)
    {
      set_lead_entries (rules, first >> 6);
      return;
    }
  int lead = 32 + (first >> 12);
  _Atomic unsigned char *counter = utf8_lead_pages_counter (rules, lead);
  int filled = atomic_load_explicit (counter, memory_order_relaxed);
  if (filled < UTF8_LEAD_PAGES_TO_FILL)
    atomic_store_explicit (counter, filled + 1, memory_order_relaxed);
  if (filled + 1 < UTF8_LEAD_PAGES_TO_FILL)
    return;
  uint32_t start, end;
  lead_range (lead, &start, &end);
  for (uint32_t page = start; page < end; page += UTF8_CACHE_PAGE)
    if (!atomic_load_explicit (rules->utf8_cache + page,
                               memory_order_relaxed))
      fill_page (rules, page);
  set_lead_entries (rules, lead);
}

struct char_class
utf8_char_class_slow (struct char_rules const *rules, uint32_t cp)
{
  if (cp < rules->utf8_cached_below)
    {
      uint32_t first = cp - cp % UTF8_CACHE_PAGE;
      fill_page (rules, first);
      note_page (rules, first);
    }
  struct char_class k;
  k.action = wide_char_action (rules, cp, &k.width);
  return k;
}
