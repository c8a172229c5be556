/* kernel-blocks.h: the part of the block kernels that every SIMD level
   shares.  A level only turns 64 bytes into bit masks (its classifier); the
   one portable step here turns masks into lines, words and line widths and
   carries the state from block to block.  Each level's file instantiates
   scan_blocks_with with its classifier, so the counting logic exists once
   in the source and is compiled inline for each instruction set.  */
#ifndef WC_KERNEL_BLOCKS_H
#define WC_KERNEL_BLOCKS_H

#include "kernels.h"

/* What a classifier reports about one block: bit I of each mask describes
   byte I.  The ASCII classes are the ones ascii_action (kernel-blocks.c)
   states; bytes >= 0x80 appear in HIGH only.  */
struct block_masks
{
  uint64_t newline;     /* '\n' */
  uint64_t separator;   /* '\t' '\n' '\v' '\f' '\r' ' ' */
  uint64_t word;        /* '!' .. '~' */
  uint64_t high;        /* 0x80 .. 0xff */
  /* For line widths only; the instances that do not want widths never
     read these, so the compiler drops their computation.  */
  uint64_t width1;      /* ' ' .. '~': one column each */
  uint64_t event;       /* '\t' '\n' '\f' '\r': change the column */
  uint64_t tab;         /* '\t' */
};

typedef void block_classifier (unsigned char const *p, struct block_masks *m);

/* Each level's classifier as a function, for tests that compare masks.  */
void classify_block_portable (unsigned char const *p, struct block_masks *m);
#if HAVE_SSE2_KERNELS
void classify_block_sse2 (unsigned char const *p, struct block_masks *m);
#endif
#if HAVE_AVX2_KERNELS
void classify_block_avx2 (unsigned char const *p, struct block_masks *m);
#endif

/* The running values of a block scan.  */
struct block_regs
{
  uintmax_t lines, starts, max_width, column;
  /* 1 when the last byte that was not neutral was a separator, or there was
     none and no word was open: a constituent here starts a word.  */
  uint64_t after_separator;
};

/* The bits set in M.  On x86 without POPCNT (SSE2 and portable levels)
   GCC would call a library function for this; the same sum of ever wider
   bit fields inline is several times cheaper.  */
static inline int
bits64 (uint64_t m)
{
#if (defined __i386__ || defined __x86_64__) && !defined __POPCNT__
  m -= (m >> 1) & UINT64_C (0x5555555555555555);
  m = (m & UINT64_C (0x3333333333333333))
      + ((m >> 2) & UINT64_C (0x3333333333333333));
  m = (m + (m >> 4)) & UINT64_C (0x0f0f0f0f0f0f0f0f);
  return (m * UINT64_C (0x0101010101010101)) >> 56;
#else
  return __builtin_popcountll (m);
#endif
}

/* Give the bytes >= 0x80 the class they all share, or tell that the block
   must be refused.  */
static inline bool
block_fold_high (struct block_masks *m, enum high_bytes high)
{
  if (!m->high)
    return true;
  switch (high)
    {
    case HIGH_NEUTRAL:
      return true;
    case HIGH_WORD:
      m->word |= m->high;
      m->width1 |= m->high;
      return true;
    case HIGH_SPACE:
      m->separator |= m->high;
      m->width1 |= m->high;
      return true;
    case HIGH_VWORD:
      m->word |= m->high;
      return true;
    case HIGH_REFUSE:
    default:
      return false;
    }
}

/* Words (GNU wc 9.1: neutral bytes neither start nor end one; 9.7 has no
   neutral bytes, so there every mark lands where it is).  A byte
   after a separator is marked (the mark of byte 0 comes from the previous
   block); adding the marks to the neutral mask carries each mark through
   the run of neutral bytes that follows it, so it lands on the next byte
   that matters: where that is a constituent, a word starts.  A mark can
   never meet a carry, because a mark sits right after a separator, which
   ends any run.  The carry out of bit 63 means the block ended in neutral
   bytes that follow a separator.  */
static inline void
block_words (struct block_regs *r, uint64_t separator, uint64_t word)
{
  uint64_t neutral = ~(separator | word);
  uint64_t marks = (separator << 1) | r->after_separator;
  uint64_t carried = neutral + marks;
  r->starts += bits64 (carried & word);
  r->after_separator = (separator >> 63) | (carried < neutral);
}

/* Line widths: between two column events every one-column byte adds one;
   a tab moves to the next multiple of 8, the other events end a line.  */
static inline void
block_widths_walk (struct block_regs *r, uint64_t width1, uint64_t event,
                   uint64_t tab)
{
  uintmax_t column = r->column;
  while (event)
    {
      uint64_t first = event & -event;
      uint64_t before = first - 1;
      column += bits64 (width1 & before);
      width1 &= ~before;
      if (tab & first)
        column = (column | 7) + 1;
      else
        {
          if (r->max_width < column)
            r->max_width = column;
          column = 0;
        }
      event ^= first;
    }
  r->column = column + bits64 (width1);
}

/* The same, mostly without walking the events.  In a block without tabs
   every event ends a line, and a line that lies wholly between the first
   and the last event is no wider than all the one-column bytes between
   them; when those are no more than the widest line so far, only the line
   that the first event ends and the one that the last event begins
   matter.  */
static inline void
block_widths (struct block_regs *r, uint64_t width1, uint64_t event,
              uint64_t tab)
{
  uint64_t first = event & -event;
  uint64_t last = (uint64_t) 1 << (63 - __builtin_clzll (event | 1));
  uint64_t up_to_first = first | (first - 1);
  uint64_t up_to_last = last | (last - 1);
  uint64_t inner = width1 & ~up_to_first & (last - 1);
  if (tab || r->max_width < (uintmax_t) bits64 (inner))
    {
      block_widths_walk (r, width1, event, tab);
      return;
    }
  uintmax_t at_first = r->column + bits64 (width1 & (first - 1));
  if (!event)
    r->column = at_first;
  else
    {
      if (r->max_width < at_first)
        r->max_width = at_first;
      r->column = bits64 (width1 & ~up_to_last);
    }
}

/* The block loop, written once.  CLASSIFY and WANT_WIDTH are constants in
   every instance, so each instance is a specialized loop.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_blocks_with (block_classifier *classify, bool want_width,
                  struct block_kernel const *k, struct scan_state *s,
                  unsigned char const *p, size_t n, struct counts *c)
{
  struct block_regs r = {
    .max_width = c->max_width,
    .column = s->column,
    .after_separator = !s->in_word,
  };
  enum high_bytes high = k->high;
  bool nonspace_words = k->nonspace_words;
  size_t done = 0;
  for (; SCAN_BLOCK <= n - done; done += SCAN_BLOCK)
    {
      struct block_masks m;
      classify (p + done, &m);
      /* Under 9.7's rules the ASCII controls are constituents too.  */
      if (nonspace_words)
        m.word = ~(m.separator | m.high);
      if (!block_fold_high (&m, high))
        break;
      r.lines += bits64 (m.newline);
      block_words (&r, m.separator, m.word);
      if (want_width)
        block_widths (&r, m.width1, m.event, m.tab);
    }
  /* The scalar kernel counts a word when it ends; over the blocks, the
     words that ended are those open at the start plus those started, less
     the one still open.  */
  bool in_word = !r.after_separator;
  c->lines += r.lines;
  c->words += r.starts + s->in_word - in_word;
  c->max_width = r.max_width;
  s->column = r.column;
  s->in_word = in_word;
  return done;
}

/* A level's exported loop: one instance with widths, one without.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_blocks_level (block_classifier *classify, struct block_kernel const *k,
                   struct scan_state *s, unsigned char const *p, size_t n,
                   struct counts *c)
{
  return (k->want_width
          ? scan_blocks_with (classify, true, k, s, p, n, c)
          : scan_blocks_with (classify, false, k, s, p, n, c));
}

#endif
