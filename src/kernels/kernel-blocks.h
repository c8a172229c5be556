/* kernel-blocks.h: the part of the block kernels that every SIMD level
   shares.  A level only turns 64 bytes into bit masks (its classifier) and,
   if it can, checks groups of blocks for two-class text (its group
   classifier); the one portable step here turns masks into lines, words
   and line widths and carries the state from block to block.  Each level's
   file instantiates scan_blocks_level and scan_tail_level with its
   classifiers, so the counting logic exists once in the source and is
   compiled inline for each instruction set.  */
#ifndef WC_KERNEL_BLOCKS_H
#define WC_KERNEL_BLOCKS_H

#include <string.h>

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

/* Nearly all text holds only separators and constituents, and there the
   words follow from the separators alone: no neutral mask, and none of
   the other masks either when widths are not wanted.  A level may offer a
   group classifier, which checks GROUP_BLOCKS blocks at once for bytes of
   a third class and, when there are none, gives their separator masks and
   newline count.  A group it rejects takes the exact step.  Which bytes
   count as a third class depends on the rules: */
enum two_classes
{
  TWO_CLASSES_NEVER,    /* widths wanted, or bytes >= 0x80 are separators
                           or (9.1) constituents: always the exact step */
  TWO_CLASSES_PRINTABLE,/* 9.1: all but '!' .. '~' and the separators */
  TWO_CLASSES_ASCII,    /* 9.7, bytes >= 0x80 refused: bytes >= 0x80 */
  TWO_CLASSES_ALWAYS    /* 9.7, bytes >= 0x80 constituents: none */
};

enum { GROUP_BLOCKS = 8 };

typedef bool group_classifier (unsigned char const *p, enum two_classes when,
                               uint64_t separator[GROUP_BLOCKS],
                               uint64_t *newlines);

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

/* When K's blocks may take the group classifier.  */
static inline enum two_classes
two_classes_of (struct block_kernel const *k)
{
  if (k->want_width)
    return TWO_CLASSES_NEVER;
  if (!k->nonspace_words)
    return (k->high == HIGH_NEUTRAL || k->high == HIGH_REFUSE
            ? TWO_CLASSES_PRINTABLE : TWO_CLASSES_NEVER);
  switch (k->high)
    {
    case HIGH_WORD: case HIGH_VWORD: return TWO_CLASSES_ALWAYS;
    case HIGH_SPACE: return TWO_CLASSES_NEVER;
    default: return TWO_CLASSES_ASCII;
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
static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
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

/* The exact step: one block's masks M into R.  IN_SPAN marks the bytes
   that belong to the span; the others are in no mask of M, so they are
   neutral: they change no count and no state.  False, with R unchanged,
   when the block holds a refused byte.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE bool
block_step (bool want_width, struct block_kernel const *k,
            struct block_regs *r, struct block_masks *m, uint64_t in_span)
{
  /* Under 9.7's rules the ASCII controls are constituents too.  */
  if (k->nonspace_words)
    m->word = ~(m->separator | m->high) & in_span;
  if (!block_fold_high (m, k->high))
    return false;
  r->lines += bits64 (m->newline);
  block_words (r, m->separator, m->word);
  if (want_width)
    block_widths (r, m->width1, m->event, m->tab);
  return true;
}

/* The exact step over whole blocks of P[0..N) into R, up to the first
   block that holds a refused byte.  CLASSIFY and WANT_WIDTH are constants
   in every instance, so each instance is a specialized loop.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_exact_blocks (block_classifier *classify, bool want_width,
                   struct block_kernel const *k, struct block_regs *r,
                   unsigned char const *p, size_t n)
{
  size_t done = 0;
  for (; SCAN_BLOCK <= n - done; done += SCAN_BLOCK)
    {
      struct block_masks m;
      classify (p + done, &m);
      if (!block_step (want_width, k, r, &m, UINT64_MAX))
        break;
    }
  return done;
}

/* Groups of two-class blocks through GROUP, the others through the exact
   step.  WHEN is a constant in every instance.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_groups (block_classifier *classify, group_classifier *group,
             enum two_classes when, struct block_kernel const *k,
             struct block_regs *r, unsigned char const *p, size_t n)
{
  enum { GROUP_BYTES = GROUP_BLOCKS * SCAN_BLOCK };
  size_t done = 0;
  for (; GROUP_BYTES <= n - done; done += GROUP_BYTES)
    {
      uint64_t separator[GROUP_BLOCKS], newlines;
      if (group (p + done, when, separator, &newlines))
        {
          r->lines += newlines;
          /* Every byte that is no separator is a constituent: the exact
             step, with no neutral bytes.  */
          for (int b = 0; b < GROUP_BLOCKS; b++)
            block_words (r, separator[b], ~separator[b]);
          continue;
        }
      size_t exact = scan_exact_blocks (classify, false, k, r, p + done,
                                        GROUP_BYTES);
      if (exact < GROUP_BYTES)
        return done + exact;
    }
  return done + scan_exact_blocks (classify, false, k, r, p + done,
                                   n - done);
}

static inline struct block_regs
block_regs_load (struct scan_state const *s, struct counts const *c)
{
  return (struct block_regs) {
    .max_width = c->max_width,
    .column = s->column,
    .after_separator = !s->in_word,
  };
}

static inline void
block_regs_store (struct block_regs const *r, struct scan_state *s,
                  struct counts *c)
{
  /* The scalar kernel counts a word when it ends; over the blocks, the
     words that ended are those open at the start plus those started, less
     the one still open.  */
  bool in_word = !r->after_separator;
  c->lines += r->lines;
  c->words += r->starts + s->in_word - in_word;
  c->max_width = r->max_width;
  s->column = r->column;
  s->in_word = in_word;
}

/* A level's exported loop, written once: CLASSIFY gives each block's
   masks; GROUP, when the level has one, takes two-class groups.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_blocks_level (block_classifier *classify, group_classifier *group,
                   struct block_kernel const *k, struct scan_state *s,
                   unsigned char const *p, size_t n, struct counts *c)
{
  struct block_regs r = block_regs_load (s, c);
  size_t done;
  switch (group ? two_classes_of (k) : TWO_CLASSES_NEVER)
    {
    case TWO_CLASSES_PRINTABLE:
      done = scan_groups (classify, group, TWO_CLASSES_PRINTABLE, k, &r, p,
                          n);
      break;
    case TWO_CLASSES_ASCII:
      done = scan_groups (classify, group, TWO_CLASSES_ASCII, k, &r, p, n);
      break;
    case TWO_CLASSES_ALWAYS:
      done = scan_groups (classify, group, TWO_CLASSES_ALWAYS, k, &r, p, n);
      break;
    default:
      done = (k->want_width
              ? scan_exact_blocks (classify, true, k, &r, p, n)
              : scan_exact_blocks (classify, false, k, &r, p, n));
      break;
    }
  block_regs_store (&r, s, c);
  return done;
}

/* A level's exported tail: P[0..N), N < SCAN_BLOCK, classified from a
   copy as one block.  The copy's bytes past N are NUL, which a classifier
   puts in no mask; the one mask made by complement, 9.7's words, is cut
   to the span in block_step.  */
static inline _GL_ATTRIBUTE_ALWAYS_INLINE size_t
scan_tail_level (block_classifier *classify, struct block_kernel const *k,
                 struct scan_state *s, unsigned char const *p, size_t n,
                 struct counts *c)
{
  unsigned char block[SCAN_BLOCK] = { 0 };
  memcpy (block, p, n);
  struct block_masks m;
  classify (block, &m);
  uint64_t in_span = ((uint64_t) 1 << n) - 1;
  struct block_regs r = block_regs_load (s, c);
  if (!(k->want_width
        ? block_step (true, k, &r, &m, in_span)
        : block_step (false, k, &r, &m, in_span)))
    return 0;
  block_regs_store (&r, s, c);
  return n;
}

#endif
