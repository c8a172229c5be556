/* kernel-utf8.c: lines, words, characters and line widths in UTF-8 locales,
   without mbrtowc: characters are decoded by glibc's rules (utf8-decode.h)
   and classified through the rules' code point cache (utf8-class.h).
   Every count equals what scan_multibyte gets, for any split of the input:
   an invalid byte is skipped alone (a constituent under 9.7's rules), and
   a character cut by the end of a span waits in the state for the rest.

   One fact makes this fast.  mbrtowc, as scan_multibyte drives it, tries
   to decode at every byte that is not a continuation byte (10xxxxxx), and
   skips alone every continuation byte that does not belong to the
   character before it; a continuation byte never starts or ends a
   character, nor changes any count.  So each other byte can be decided on
   its own, whatever came before: the characters are exactly the bytes
   that start one that decodes.  The kernels here look at eight bytes at a
   time (ASCII by word arithmetic, each other lead byte decoded alone), and
   a bulk kernel (kernel-utf8-avx2.c) may take any number of bytes first,
   even stopping inside a character.  Under 9.7's rules a continuation byte
   that no character takes is an encoding error, which is a constituent:
   there the kernels also note where each character ends (a bulk kernel
   that stops inside one says how far it goes).  Also: characters
   alone.  */
#include <config.h>

#include "kernels.h"
#include "pending.h"
#include "scan-step.h"
#include "swar.h"
#include "utf8-class.h"
#include "utf8-decode.h"

/* --- eight bytes at a time ------------------------------------------------ */

/* How many bytes have their high bit set in M, a mask of high bits only.  */
static inline unsigned
count_high (uint64_t m)
{
  return ((m >> 7) * SWAR_ONES) >> 56;
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
  struct char_class k = utf8_char_class (rules, cp);
  *width = k.width;
  return k.action;
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
      uint32_t cp;
      size_t joined = pending_join (s, tmp, *p, *n);
      int len = utf8_decode (&cp, tmp, joined);
      if (len == UTF8_INCOMPLETE && pending_extend (s, p, n))
        return chars;
      size_t used = 1;       /* an invalid first byte is skipped alone */
      if (0 < len)
        {
          used = len;
          chars++;
          if (r)
            {
              int width;
              enum char_action act = char_action (rules, cp, &width);
              scan_step (r, act, width, widths);
            }
        }
      else if (r)
        scan_invalid (r, rules->nonspace_words);
      pending_consume (s, used, p, n);
    }
  return chars;
}

/* --- lines, words, characters and widths ---------------------------------- */

/* The high bit of each of the first K bytes, and of the K-th alone.  */
static uint64_t const first_bytes[9] = {
  0, 0x80, 0x8080, 0x808080, 0x80808080, 0x8080808080, 0x808080808080,
  0x80808080808080, 0x8080808080808080,
};

/* Apply to R the K (1..8) ASCII bytes held in the low bytes of X, under
   the plain ASCII rules (rules->ascii_plain).  Returns false, having done
   nothing, if one of them is neutral (a control character under 9.1's
   rules; NONSPACE: 9.7's, with no neutral byte): the caller then steps
   them one by one.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline bool
ascii_chunk (struct scan_regs *r, uint64_t x, int k, bool widths,
             bool nonspace)
{
  uint64_t in = first_bytes[k];
  uint64_t ge21 = swar_at_least (x, 0x21), ge7f = swar_at_least (x, 0x7F);
  uint64_t ge20 = swar_at_least (x, 0x20);
  uint64_t sep = ((ge20 & ~ge21) | (swar_at_least (x, 0x09)
                                    & ~swar_at_least (x, 0x0E))) & in;
  uint64_t word = (nonspace ? ~sep : ge21 & ~ge7f) & in;
  if ((word | sep) != in)
    return false;
  uint64_t nl = swar_equal_ascii (x, '\n') & in;
  r->lines += count_high (nl);
  /* A separator ends a word when the byte before it (or, for the first,
     the state) is a constituent.  */
  uint64_t after_word = word << 8 | (uint64_t) r->in_word << 7;
  r->words += count_high (sep & after_word);
  r->in_word = (word & (in ^ first_bytes[k - 1])) != 0;
  if (widths)
    {
      uint64_t printable = ge20 & ~ge7f & in;
      uint64_t special = (nl | swar_equal_ascii (x, '\t')
                          | swar_equal_ascii (x, '\r')
                          | swar_equal_ascii (x, '\f')) & in;
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
      scan_step (r, act, act == ACT_WORD || act == ACT_SPACE, widths);
    }
}

/* Apply to R the decoded character CP.  All but the ASCII controls are
   constituents, separators of their width or neutral, which the
   arithmetic below applies without a branch.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline void
step_char (struct scan_regs *r, struct char_rules const *rules,
           uint32_t cp, bool widths)
{
  struct char_class k = utf8_char_class (rules, cp);
  if (ACT_SPACE < k.action)
    {
      scan_step (r, k.action, k.width, widths);
      return;
    }
  bool word = k.action == ACT_WORD, space = k.action == ACT_SPACE;
  /* Bitwise operators on purpose: no branch in the hot loop.  */
  r->words += r->in_word & space;
  /* cppcheck-suppress clarifyCondition */
  r->in_word = word | (r->in_word & !space);
  if (widths)
    r->column += k.width;
}

/* Decode from P, counting into S and C the characters that start there,
   up to END, or with RUN_STOPS, up to the end of the first run of
   UTF8_ASCII_RUN bytes of ASCII: whoever can count ASCII faster takes it
   from there.  Returns where it stopped.  A character that END cuts waits
   in S.  With STRAYS (9.7's rules) stray continuation bytes are
   constituents: P is at a character boundary, or S->continued bytes
   before one.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline unsigned char const *
decode_stretch (utf8_scan_kernel bulk, bool run_stops,
                struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, unsigned char const *end,
                struct counts *c, bool widths, bool strays)
{
  if (bulk)
    {
      size_t took = bulk (rules, s, p, end - p, c);
      p += took;
      /* The bulk kernel stopped after a run of ASCII (or for a reason of
         its own: it is called again, and the loop below runs if it takes
         nothing).  */
      if (run_stops && took && SCAN_BLOCK <= end - p)
        return p;
    }
  /* A copy whose address no outside call sees, so it stays in registers.  */
  struct scan_regs r;
  scan_regs_load (&r, s, c);
  uintmax_t chars = 0;
  /* With STRAYS: where the last character (or invalid byte) decoded ends.
     The continuation bytes between there and the next byte that is not
     one belong to no character.  */
  unsigned char const *next = p + s->continued;
  s->continued = 0;

  /* Eight bytes at a time while at least 16 are left, so that every
     character that starts in the eight can be read whole without checking
     the end.  Each byte that is not a continuation byte is decoded on its
     own (see the top of the file).  */
  bool plain = rules->ascii_plain;
  size_t ascii_run = 0;
  while (16 <= end - p)
    {
      if (run_stops && UTF8_ASCII_RUN <= ascii_run)
        goto done;
      uint64_t x = load_le64 (p);
      if (plain && !(x & SWAR_HIGH))
        {
          /* Eight ASCII bytes: a character boundary, nothing pending.  */
          if (strays && next < p)
            scan_invalid (&r, true);
          if (!ascii_chunk (&r, x, 8, widths, strays))
            step_bytes (&r, rules, p, 8, widths);
          chars += 8;
          p += 8;
          next = p;
          ascii_run += 8;
          continue;
        }
      ascii_run = 0;
      uint64_t starts = ~(x & ~(x << 1)) & SWAR_HIGH;
      for (; starts; starts &= starts - 1)
        {
          unsigned char const *q = p + (__builtin_ctzll (starts) >> 3);
          if (strays && next < q)
            scan_invalid (&r, true);
          uint32_t cp;
          int len = utf8_decode_short (&cp, q);
          if (!len)
            len = utf8_decode (&cp, q, end - q);
          if (len < 0)
            {
              /* An invalid byte, not a character.  */
              scan_invalid (&r, strays);
              next = q + 1;
              continue;
            }
          step_char (&r, rules, cp, widths);
          chars++;
          next = q + len;
        }
      p += 8;
    }
  if (strays)
    {
      /* Continue after the last character, or note the strays before.  */
      if (next < p)
        scan_invalid (&r, true);
      else
        p = next;
    }

  /* The rest, one character at a time (from a continuation byte, maybe,
     which is skipped, or under 9.7's rules is a stray).  */
  while (p < end)
    {
      if (*p < 0x80)
        {
          int width;
          enum char_action act = char_action (rules, *p, &width);
          scan_step (&r, act, width, widths);
          p++;
          chars++;
          continue;
        }
      uint32_t cp;
      int len = utf8_decode (&cp, p, end - p);
      if (len < 0)
        {
          if (len == UTF8_INCOMPLETE && pending_keep (s, p, end - p))
            {
              p = end;
              break;
            }
          p++;
          scan_invalid (&r, strays);
          continue;
        }
      step_char (&r, rules, cp, widths);
      chars++;
      p += len;
    }
 done:
  c->chars += chars;
  scan_regs_store (&r, s, c);
  return p;
}

/* The two passes are this one function, specialised on WIDTHS.  With
   BLOCKS, whole blocks of ASCII go to the block kernel: an ASCII byte is a
   character by itself wherever it stands (no lead byte takes it), and the
   block kernel classes it as the rules' byte table does (it exists only
   for ascii_plain rules).  The decoder takes what the block kernel leaves,
   until it has seen a long run of ASCII: short runs cost less to decode
   than to hand over.  */
_GL_ATTRIBUTE_ALWAYS_INLINE static inline void
scan_utf8_body (utf8_scan_kernel bulk, struct block_kernel const *blocks,
                struct char_rules const *rules, struct scan_state *s,
                unsigned char const *p, size_t n, struct counts *c,
                bool widths, bool strays)
{
  if (s->npending)
    {
      struct scan_regs r;
      scan_regs_load (&r, s, c);
      c->chars += drain_pending (&r, rules, widths, s, &p, &n);
      scan_regs_store (&r, s, c);
    }
  unsigned char const *end = p + n;
  while (p < end)
    {
      if (blocks)
        {
          size_t took = scan_ascii_blocks (blocks, s, p, end - p, c);
          /* The short lines that line-by-line strategies feed, and the
             end of every span, often ASCII.  */
          size_t left = end - p - took;
          if (SHORT_TAIL <= left && left < SCAN_BLOCK)
            took += scan_ascii_tail (blocks, s, p + took, left, c);
          c->chars += took;
          p += took;
          if (p == end)
            break;
        }
      p = decode_stretch (bulk, blocks != NULL, rules, s, p, end, c, widths,
                          strays);
    }
}

void
scan_utf8 (utf8_scan_kernel bulk, struct block_kernel const *blocks,
           struct char_rules const *rules, struct scan_state *s,
           unsigned char const *p, size_t n, struct counts *c)
{
  if (rules->nonspace_words)
    scan_utf8_body (bulk, blocks, rules, s, p, n, c, true, true);
  else
    scan_utf8_body (bulk, blocks, rules, s, p, n, c, true, false);
}

void
scan_utf8_words (utf8_scan_kernel bulk, struct block_kernel const *blocks,
                 struct char_rules const *rules, struct scan_state *s,
                 unsigned char const *p, size_t n, struct counts *c)
{
  if (rules->nonspace_words)
    scan_utf8_body (bulk, blocks, rules, s, p, n, c, false, true);
  else
    scan_utf8_body (bulk, blocks, rules, s, p, n, c, false, false);
}

/* --- characters alone ----------------------------------------------------- */

/* The high bit of each byte of X whose top bits are PREFIX, of LEN bits.  */
static inline uint64_t
bytes_starting (uint64_t x, unsigned prefix, int len)
{
  unsigned char mask = 0xFF << (8 - len);
  return swar_equal (x & (SWAR_ONES * mask), prefix << (8 - len));
}

/* The high bit of each of the eight bytes at P that starts a character
   glibc decodes, or 0 with *SLOW set if one of them is a 5- or 6-byte
   lead.  Up to P + 11 is readable.  */
static inline uint64_t
valid_starts8 (unsigned char const *p, bool *slow)
{
  uint64_t x = load_le64 (p), x1 = load_le64 (p + 1);
  uint64_t x2 = load_le64 (p + 2), x3 = load_le64 (p + 3);
  uint64_t cont1 = bytes_starting (x1, 2, 2), cont2 = bytes_starting (x2, 2, 2),
    cont3 = bytes_starting (x3, 2, 2);
  *slow = bytes_starting (x, 0x1F, 5) != 0;
  /* Bits 5 and 4 of the byte after the lead, for the overlong forms and
     the surrogates: E0 needs A0.. (bit 5), ED ..9F (not bit 5), F0 90..
     (bit 5 or 4).  */
  uint64_t bit5 = x1 << 2 & SWAR_HIGH, bit4 = x1 << 3 & SWAR_HIGH;
  uint64_t two = bytes_starting (x, 6, 3) & cont1
                 & ~swar_equal (x & SWAR_ONES * 0xFE, 0xC0);
  uint64_t three = (bytes_starting (x, 0xE, 4) & cont1 & cont2
                    & ~(swar_equal (x, 0xE0) & ~bit5)
                    & ~(swar_equal (x, 0xED) & bit5));
  uint64_t four = (bytes_starting (x, 0x1E, 5) & cont1 & cont2 & cont3
                   & ~(swar_equal (x, 0xF0) & ~(bit5 | bit4)));
  return (~x & SWAR_HIGH) | two | three | four;
}

size_t
count_utf8_chars_portable (unsigned char const *p, size_t n,
                           uintmax_t *chars)
{
  size_t i = 0;
  uintmax_t k = 0;
  /* Eight bytes at a time, while a character that starts in them can be
     read whole; the last 16 bytes are left to the caller.  */
  while (16 <= n - i)
    {
      /* Thirty-two ASCII bytes at a time while they last.  */
      while (48 <= n - i
             && !((load_le64 (p + i) | load_le64 (p + i + 8)
                   | load_le64 (p + i + 16) | load_le64 (p + i + 24))
                  & SWAR_HIGH))
        i += 32, k += 32;
      bool slow;
      uint64_t starts = valid_starts8 (p + i, &slow);
      if (!slow)
        k += count_high (starts);
      else
        for (int j = 0; j < 8; j++)
          {
            uint32_t cp;
            k += (!utf8_is_continuation (p[i + j])
                  && 0 < utf8_decode (&cp, p + i + j, n - i - j));
          }
      i += 8;
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
  p += bulk (p, n, &chars);
  /* What the bulk kernel left (the end of the span), one character at a
     time, from a continuation byte maybe, which is skipped.  */
  while (p < end)
    {
      uint32_t cp;
      int len = utf8_decode (&cp, p, end - p);
      if (len == UTF8_INCOMPLETE && pending_keep (s, p, end - p))
        break;
      if (len < 0)
        p++;
      else
        {
          p += len;
          chars++;
        }
    }
  c->chars += chars;
}
