/* kernel-utf8.c: lines, words, characters and line widths in UTF-8 locales,
   without mbrtowc: characters are decoded by glibc's rules (utf8-decode.h)
   and classified through the rules' code point cache (utf8-class.h); ASCII
   is classified eight bytes at a time.  Every count equals what
   scan_multibyte gets, for any split of the input: an invalid byte is
   skipped alone, and a character cut by the end of a span waits in the
   state for the rest.  Also: characters alone, counted in bulk.  */
#include <config.h>

#include <string.h>

#include "kernels.h"
#include "scan-step.h"
#include "utf8-class.h"
#include "utf8-decode.h"

/* --- eight bytes at a time ------------------------------------------------ */

static uint64_t const ONES = 0x0101010101010101ULL;
static uint64_t const HIGH = 0x8080808080808080ULL;

/* Eight bytes, the first in the low byte whatever the machine's order.  */
static inline uint64_t
load8 (unsigned char const *p)
{
  uint64_t x;
  memcpy (&x, p, sizeof x);
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64 (x);
#endif
  return x;
}

/* For X whose bytes are all below 0x80: the high bit of each byte that is
   at least C (1 <= C <= 0x80).  Adding 0x80 - C cannot carry out of a byte.  */
static inline uint64_t
at_least (uint64_t x, unsigned c)
{
  return (x + ONES * (0x80 - c)) & HIGH;
}

static inline uint64_t
equal_to (uint64_t x, unsigned c)
{
  return at_least (x, c) & ~at_least (x, c + 1);
}

/* How many bytes have their high bit set in M, a mask of high bits only.  */
static inline unsigned
count_high (uint64_t m)
{
  return ((m >> 7) * ONES) >> 56;
}

/* How many leading bytes of X are ASCII.  */
static inline int
ascii_prefix (uint64_t x)
{
  uint64_t high = x & HIGH;
  return high ? __builtin_ctzll (high) >> 3 : 8;
}

/* --- one character at a time ---------------------------------------------- */

/* The action and width of the character CP, ASCII included (its byte table
   entry, unless the table sends it to the wide classifier).  */
static inline enum char_action
char_action (struct char_rules const *rules, uint32_t cp, int *width)
{
  if (cp < 0x80)
    {
      enum char_action act = rules->byte_action[cp];
      if (act != ACT_DECODE)
        {
          *width = act == ACT_WORD || act == ACT_SPACE;
          return act;
        }
    }
  return utf8_char_action (rules, cp, width);
}

/* scan_step, or without WIDTHS its lines-and-words part only.  */
static inline void
step (struct scan_regs *r, enum char_action act, int width, bool widths)
{
  if (widths)
    {
      scan_step (r, act, width);
      return;
    }
  switch (act)
    {
    case ACT_WORD:
      r->in_word = true;
      return;
    case ACT_NEUTRAL:
    case ACT_DECODE:
      return;
    case ACT_NEWLINE:
      r->lines++;
      break;
    case ACT_SPACE:
    case ACT_VSPACE:
    case ACT_TAB:
    case ACT_LINE_END:
      break;
    }
  r->words += r->in_word;
  r->in_word = false;
}

/* Decode the character at P (N >= 1 bytes there), as utf8_decode does; the
   two- and three-byte forms that most text uses are done inline.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline int
decode (uint32_t *cp, unsigned char const *p, size_t n)
{
  unsigned char b = p[0];
  if (0xC2 <= b && b < 0xE0 && 2 <= n && utf8_is_continuation (p[1]))
    {
      *cp = (b & 0x1Fu) << 6 | (p[1] & 0x3Fu);
      return 2;
    }
  if ((b & 0xF0) == 0xE0 && 3 <= n && utf8_is_continuation (p[1])
      && utf8_is_continuation (p[2]))
    {
      uint32_t v = (b & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
      if (v < 0x800 || (0xD800 <= v && v <= 0xDFFF))
        return UTF8_INVALID;
      *cp = v;
      return 3;
    }
  return utf8_decode (cp, p, n);
}

/* Finish the character whose first bytes wait in S->pending, taking what
   it needs from the span *P of *N bytes; step R with what it decodes unless
   R is null (characters only).  Returns the characters decoded.  The rules
   are scan_multibyte's, so the state means the same to both.  */
static uintmax_t
drain_pending (struct scan_regs *r, struct char_rules const *rules,
               bool widths, struct scan_state *s, unsigned char const **p,
               size_t *n)
{
  uintmax_t chars = 0;
  while (s->npending)
    {
      unsigned char tmp[2 * MB_LEN_MAX];
      size_t k = s->npending;
      size_t m = *n < MB_LEN_MAX ? *n : MB_LEN_MAX;
      memcpy (tmp, s->pending, k);
      memcpy (tmp + k, *p, m);
      uint32_t cp;
      int len = utf8_decode (&cp, tmp, k + m);
      if (len == UTF8_INCOMPLETE && m == *n && k + m <= sizeof s->pending)
        {
          /* Still unfinished: the whole span joins the pending bytes.  */
          memcpy (s->pending + k, *p, m);
          s->npending = k + m;
          *p += m;
          *n = 0;
          return chars;
        }
      size_t used = 1;       /* an invalid first byte is skipped alone */
      if (0 < len)
        {
          used = len;
          chars++;
          if (r)
            {
              int width;
              enum char_action act = char_action (rules, cp, &width);
              step (r, act, width, widths);
            }
        }
      if (used <= k)
        {
          memmove (s->pending, s->pending + used, k - used);
          s->npending = k - used;
        }
      else
        {
          *p += used - k;
          *n -= used - k;
          s->npending = 0;
        }
    }
  return chars;
}

/* Keep the REST bytes at P, a character cut by the end of the span.  */
static inline void
keep_pending (struct scan_state *s, unsigned char const *p, size_t rest)
{
  memcpy (s->pending, p, rest);
  s->npending = rest;
}

/* --- lines, words, characters and widths ---------------------------------- */

/* Apply to R the K (1..8) ASCII bytes held in the low bytes of X, under
   the plain ASCII rules (rules->ascii_plain).  Returns false, having done
   nothing, if one of them is neutral (a control character): the caller
   then steps them one by one.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline bool
ascii_chunk (struct scan_regs *r, uint64_t x, int k, bool widths)
{
  uint64_t in = HIGH >> (8 * (8 - k));
  uint64_t ge21 = at_least (x, 0x21), ge7f = at_least (x, 0x7F);
  uint64_t ge20 = at_least (x, 0x20);
  uint64_t word = ge21 & ~ge7f & in;
  uint64_t sep = ((ge20 & ~ge21) | (at_least (x, 0x09)
                                    & ~at_least (x, 0x0E))) & in;
  if ((word | sep) != in)
    return false;
  uint64_t nl = equal_to (x, '\n') & in;
  r->lines += count_high (nl);
  /* A separator ends a word when the byte before it (or, for the first,
     the state) is a constituent.  */
  uint64_t after_word = word << 8 | (uint64_t) r->in_word << 7;
  r->words += count_high (sep & after_word);
  r->in_word = word >> (8 * k - 1) & 1;
  if (widths)
    {
      uint64_t printable = ge20 & ~ge7f & in;
      uint64_t special = (nl | equal_to (x, '\t') | equal_to (x, '\r')
                          | equal_to (x, '\f')) & in;
      uint64_t done = 0;
      for (; special; special &= special - 1)
        {
          int bit = __builtin_ctzll (special);
          uint64_t before = (1ULL << (bit - 7)) - 1;
          r->column += count_high (printable & before & ~done);
          if ((x >> (bit - 7) & 0xFF) == '\t')
            r->column += 8 - r->column % 8;
          else
            {
              if (r->max_width < r->column)
                r->max_width = r->column;
              r->column = 0;
            }
          done = before | 0xFFULL << (bit - 7);
        }
      r->column += count_high (printable & ~done);
    }
  return true;
}

static inline void
step_bytes (struct scan_regs *r, struct char_rules const *rules,
            unsigned char const *p, int k, bool widths)
{
  for (int i = 0; i < k; i++)
    {
      enum char_action act = rules->byte_action[p[i]];
      step (r, act, act == ACT_WORD || act == ACT_SPACE, widths);
    }
}

/* The two passes are this one loop, specialised on WIDTHS.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline void
scan_utf8_body (struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c,
                bool widths)
{
  struct scan_regs r;
  scan_regs_load (&r, s, c);
  uintmax_t chars = drain_pending (&r, rules, widths, s, &p, &n);
  unsigned char const *end = p + n;
  bool plain = rules->ascii_plain;
  while (p < end)
    {
      /* At a character boundary, nothing pending.  */
      if (plain && 8 <= end - p)
        {
          uint64_t x = load8 (p);
          int k = ascii_prefix (x);
          if (k == 8)
            {
              /* A run of ASCII: here whole 64-byte ASCII blocks could go
                 to a block kernel (R stored before, loaded after).  */
              do
                {
                  if (!ascii_chunk (&r, x, 8, widths))
                    step_bytes (&r, rules, p, 8, widths);
                  p += 8;
                  chars += 8;
                }
              while (8 <= end - p && (k = ascii_prefix (x = load8 (p))) == 8);
              if (end - p < 8)
                continue;
            }
          if (k)
            {
              if (!ascii_chunk (&r, x, k, widths))
                step_bytes (&r, rules, p, k, widths);
              p += k;
              chars += k;
            }
          /* P is at a byte >= 0x80.  */
        }
      else if (*p < 0x80)
        {
          int width;
          enum char_action act = char_action (rules, *p, &width);
          step (&r, act, width, widths);
          p++;
          chars++;
          continue;
        }

      uint32_t cp;
      int len = decode (&cp, p, end - p);
      if (len < 0)
        {
          if (len == UTF8_INCOMPLETE)
            {
              keep_pending (s, p, end - p);
              break;
            }
          p++;          /* an invalid byte: neutral, and not a character */
          continue;
        }
      int width;
      enum char_action act = utf8_char_action (rules, cp, &width);
      if (act == ACT_WORD)
        {
          r.in_word = true;
          if (widths)
            r.column += width;
        }
      else
        step (&r, act, width, widths);
      chars++;
      p += len;
    }
  c->chars += chars;
  scan_regs_store (&r, s, c);
}

void
scan_utf8 (struct char_rules const *rules, struct scan_state *s,
           unsigned char const *p, size_t n, struct counts *c)
{
  scan_utf8_body (rules, s, p, n, c, true);
}

void
scan_utf8_words (struct char_rules const *rules, struct scan_state *s,
                 unsigned char const *p, size_t n, struct counts *c)
{
  scan_utf8_body (rules, s, p, n, c, false);
}

/* --- characters alone ----------------------------------------------------- */

size_t
count_utf8_chars_portable (unsigned char const *p, size_t n,
                           uintmax_t *chars)
{
  size_t i = 0;
  uintmax_t k = 0;
  while (i < n)
    {
      /* Thirty-two ASCII bytes at a time while they last.  */
      while (32 <= n - i
             && !((load8 (p + i) | load8 (p + i + 8) | load8 (p + i + 16)
                   | load8 (p + i + 24)) & HIGH))
        i += 32, k += 32;
      if (n - i < 8)
        {
          if (i == n)
            break;
          if (p[i] < 0x80)
            {
              i++;
              k++;
              continue;
            }
        }
      else
        {
          int a = ascii_prefix (load8 (p + i));
          i += a;
          k += a;
          if (a == 8)
            continue;
        }
      uint32_t cp;
      int len = decode (&cp, p + i, n - i);
      if (len < 0)
        break;
      i += len;
      k++;
    }
  *chars += k;
  return i;
}

void
scan_utf8_chars (utf8_chars_kernel bulk, struct scan_state *s,
                 unsigned char const *p, size_t n, struct counts *c)
{
  uintmax_t chars = drain_pending (NULL, NULL, false, s, &p, &n);
  unsigned char const *end = p + n;
  while (p < end)
    {
      p += bulk (p, end - p, &chars);
      if (p == end)
        break;
      /* The bulk kernel stopped at a character it does not take: one that
         is invalid or cut by the end of the span (or, at its choice, a
         valid one).  */
      uint32_t cp;
      int len = utf8_decode (&cp, p, end - p);
      if (len == UTF8_INCOMPLETE)
        {
          keep_pending (s, p, end - p);
          break;
        }
      if (len == UTF8_INVALID)
        p++;
      else
        {
          p += len;
          chars++;
        }
    }
  c->chars += chars;
}
