/* kernel-blocks.c: the block kernels' setup (how they treat the bytes
   >= 0x80 in the current locale, which level's loop runs) and the
   portable level, whose classifier works on 64-bit words so that it runs
   anywhere.  */
#include <config.h>

#include "kernel-blocks.h"
#include "swar.h"

/* How the block loop treats bytes >= 0x80 that all have action HIGH.  */
static enum high_bytes
high_bytes_of (enum char_action high)
{
  switch (high)
    {
    case ACT_NEUTRAL: return HIGH_NEUTRAL;
    case ACT_WORD: return HIGH_WORD;
    case ACT_SPACE: return HIGH_SPACE;
    case ACT_VWORD: return HIGH_VWORD;
    default: return HIGH_REFUSE;
    }
}

bool
block_kernel_init (struct block_kernel *k, enum simd_level level,
                   struct char_rules const *rules, bool want_width)
{
  k->scan = NULL;
  k->tail = NULL;
  k->high = HIGH_REFUSE;
  k->want_width = want_width;
  k->nonspace_words = rules->nonspace_words;
  /* The classifiers compute the plain ASCII classes.  */
  if (!rules->ascii_plain)
    return false;
  k->high = high_bytes_of (rules->high_action);
  switch (level)
    {
#if HAVE_AVX2_KERNELS
    case SIMD_AVX512:
    case SIMD_AVX2:
      k->scan = scan_blocks_avx2;
      k->tail = scan_tail_avx2;
      break;
#endif
#if HAVE_SSE2_KERNELS
    case SIMD_SSE2:
      k->scan = scan_blocks_sse2;
      k->tail = scan_tail_sse2;
      break;
#endif
    default:
      k->scan = scan_blocks_portable;
      k->tail = scan_tail_portable;
      break;
    }
  return true;
}

size_t
scan_ascii_blocks (struct block_kernel const *k, struct scan_state *s,
                   unsigned char const *p, size_t n, struct counts *c)
{
  /* A line from getline is most often shorter than a block: spare it the
     level's set-up.  */
  return n < SCAN_BLOCK ? 0 : k->scan (k, s, p, n, c);
}

size_t
scan_ascii_tail (struct block_kernel const *k, struct scan_state *s,
                 unsigned char const *p, size_t n, struct counts *c)
{
  return k->tail (k, s, p, n, c);
}

/* --- the portable level ------------------------------------------------- */

enum { WORD_BYTES = 8 };

/* Of the bytes of W, those below 0x80 whose value is at least K.  LOW is
   W's low 7 bits, ASCII the mask of its bytes below 0x80.  */
static inline uint64_t
at_least (uint64_t low, uint64_t ascii, unsigned k)
{
  return swar_at_least (low, k) & ascii;
}

/* The high bits of the 8 bytes of X, as 8 bits in byte order: the multiply
   moves byte I's bit to bit 56 + I without any two products meeting.  */
static inline uint64_t
gather_high_bits (uint64_t x)
{
  return ((x >> 7) * UINT64_C (0x0102040810204080)) >> 56;
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
classify_portable (unsigned char const *p, struct block_masks *m)
{
  *m = (struct block_masks) { 0 };
  /* Unrolled, so that every shift is a constant.  */
#pragma GCC unroll 8
  for (int i = 0; i < SCAN_BLOCK / WORD_BYTES; i++)
    {
      uint64_t w = load_le64 (p + WORD_BYTES * i);
      uint64_t high = w & SWAR_HIGH;
      uint64_t ascii = high ^ SWAR_HIGH;
      uint64_t low = w & ~SWAR_HIGH;
      uint64_t ge_tab = at_least (low, ascii, '\t');
      uint64_t ge_nl = at_least (low, ascii, '\n');
      uint64_t ge_vt = at_least (low, ascii, '\v');
      uint64_t ge_ff = at_least (low, ascii, '\f');
      uint64_t ge_ctl_end = at_least (low, ascii, '\r' + 1);
      uint64_t ge_space = at_least (low, ascii, ' ');
      uint64_t ge_graph = at_least (low, ascii, '!');
      uint64_t ge_del = at_least (low, ascii, 0x7f);
      uint64_t control = ge_tab ^ ge_ctl_end;   /* '\t' .. '\r' */
      uint64_t space = ge_space ^ ge_graph;
      int shift = WORD_BYTES * i;
      m->newline |= gather_high_bits (ge_nl ^ ge_vt) << shift;
      m->separator |= gather_high_bits (control | space) << shift;
      m->word |= gather_high_bits (ge_graph ^ ge_del) << shift;
      m->high |= gather_high_bits (high) << shift;
      m->width1 |= gather_high_bits (ge_space ^ ge_del) << shift;
      m->event |= gather_high_bits (control ^ (ge_vt ^ ge_ff)) << shift;
      m->tab |= gather_high_bits (ge_tab ^ ge_nl) << shift;
    }
}

size_t
scan_blocks_portable (struct block_kernel const *k, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify_portable, NULL, k, s, p, n, c);
}

size_t
scan_tail_portable (struct block_kernel const *k, struct scan_state *s,
                    unsigned char const *p, size_t n, struct counts *c)
{
  return scan_tail_level (classify_portable, k, s, p, n, c);
}

void
classify_block_portable (unsigned char const *p, struct block_masks *m)
{
  classify_portable (p, m);
}
