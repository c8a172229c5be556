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
  if (!rules->multibyte || strcmp (nl_langinfo (CODESET), "UTF-8") != 0
      || !libc_decodes_as_glibc ())
    return;
  rules->utf8 = true;
  /* Untouched pages of an anonymous mapping cost nothing: only the pages
     of code points the input uses are ever materialised.  Without the
     mapping, every character is classified afresh: slower, as exact.  */
  void *map = mmap (NULL, UTF8_CACHE_LIMIT, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map != MAP_FAILED)
    {
      rules->utf8_cache = map;
      rules->utf8_cached_below = UTF8_CACHE_LIMIT;
    }
}

void
utf8_rules_release (struct char_rules *rules)
{
  if (rules->utf8_cache)
    munmap ((void *) rules->utf8_cache, UTF8_CACHE_LIMIT);
  rules->utf8_cache = NULL;
  rules->utf8_cached_below = 0;
}

static unsigned char
pack_entry (enum char_action act, int width)
{
  return UTF8_ENTRY_KNOWN | width << UTF8_ENTRY_WIDTH_SHIFT | act;
}

struct char_class
utf8_char_class_slow (struct char_rules const *rules, uint32_t cp)
{
  if (cp < rules->utf8_cached_below)
    {
      uint32_t first = cp - cp % UTF8_CACHE_PAGE;
      for (uint32_t c = first; c < first + UTF8_CACHE_PAGE; c++)
        {
          /* ASCII is in the byte table already, unless the table sends
             it to the classifier.  */
          enum char_action act = c < 0x80 ? rules->byte_action[c] : ACT_DECODE;
          int w = act == ACT_WORD || act == ACT_SPACE;
          if (act == ACT_DECODE)
            act = wide_char_action (rules, c, &w);
          /* A width the entry cannot hold stays uncached (0), and is
             classified again each time: no locale has one.  */
          if (w <= UTF8_ENTRY_WIDTH_MAX)
            atomic_store_explicit (rules->utf8_cache + c,
                                   pack_entry (act, w),
                                   memory_order_relaxed);
        }
    }
  struct char_class k;
  k.action = wide_char_action (rules, cp, &k.width);
  return k;
}
