/* kernel-blocks-simd.h: the block kernels' classifiers in vec.h's terms:
   the exact one, a compare or two per mask for each vector of a block, and
   the group classifier for two-class text (kernel-blocks.h).  Included by
   each x86 level's file (kernels-sse2.c, kernels-avx2.c), which defines
   VEC_BYTES and names the functions with VEC_NAME.  */

enum { BLOCK_VECTORS = SCAN_BLOCK / VEC_BYTES };

/* '\t' .. '\r': V - '\t' is at most 4, unsigned.  */
static inline vec
controls (vec v)
{
  vec from_tab = vec_sub (v, vec_set1 ('\t'));
  return vec_eq (vec_min_u8 (from_tab, vec_set1 (4)), from_tab);
}

/* The separators.  With a byte shuffle, one look-up: the table holds, at
   the index of each separator's low nibble, the separator itself, and
   elsewhere a byte whose low nibble differs from its index, so a byte is a
   separator exactly when it finds itself (bytes >= 0x80 find 0).  */
static inline vec
separators (vec v)
{
#if VEC_HAS_SHUFFLE
  static signed char const table[16] = {
    ' ', 0, 0, 0, 0, 0, 0, 0, 0, '\t', '\n', '\v', '\f', '\r', 0, 0 };
  return vec_eq (vec_shuffle (vec_table (table), v), v);
#else
  return vec_or (controls (v), vec_eq (v, vec_set1 (' ')));
#endif
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE void
classify (unsigned char const *p, struct block_masks *m)
{
  *m = (struct block_masks) { 0 };
  /* Unrolled, so that every shift is a constant.  */
#pragma GCC unroll 4
  for (int i = 0; i < BLOCK_VECTORS; i++)
    {
      vec v = vec_load (p + VEC_BYTES * i);
      vec space = vec_eq (v, vec_set1 (' '));
      vec control = controls (v);
      /* '!' .. 0x7f, signed, so bytes >= 0x80 (negative) stay out.  */
      vec word = vec_andnot (vec_eq (v, vec_set1 (0x7f)),
                             vec_gt (v, vec_set1 (' ')));
      vec vt = vec_eq (v, vec_set1 ('\v'));
      m->newline |= vec_mask_at (vec_eq (v, vec_set1 ('\n')), i);
      m->separator |= vec_mask_at (vec_or (control, space), i);
      m->word |= vec_mask_at (word, i);
      m->high |= vec_mask_at (v, i);
      m->width1 |= vec_mask_at (vec_or (word, space), i);
      m->event |= vec_mask_at (vec_andnot (vt, control), i);
      m->tab |= vec_mask_at (vec_eq (v, vec_set1 ('\t')), i);
    }
}

static inline _GL_ATTRIBUTE_ALWAYS_INLINE bool
group (unsigned char const *p, enum two_classes when,
       uint64_t separator[GROUP_BLOCKS], uint64_t *newlines)
{
  /* The least byte that is not a separator, and the greatest byte:
     two-class bytes under 9.1's rules lie between ' ' and '~'; under 9.7's
     the greatest alone tells whether there were bytes >= 0x80.  */
  vec least = vec_set1 (-1);
  vec greatest = vec_zero ();
  /* Each lane counts at most BLOCK_VECTORS * GROUP_BLOCKS newlines.  */
  vec lines = vec_zero ();
#pragma GCC unroll 8
  for (int b = 0; b < GROUP_BLOCKS; b++)
    {
      uint64_t sep = 0;
#pragma GCC unroll 4
      for (int i = 0; i < BLOCK_VECTORS; i++)
        {
          vec v = vec_load (p + SCAN_BLOCK * b + VEC_BYTES * i);
          vec s = separators (v);
          if (when == TWO_CLASSES_PRINTABLE)
            least = vec_min_u8 (least, vec_or (v, s));
          if (when != TWO_CLASSES_ALWAYS)
            greatest = vec_max_u8 (greatest, v);
          lines = vec_sub (lines, vec_eq (v, vec_set1 ('\n')));
          sep |= vec_mask_at (s, i);
        }
      separator[b] = sep;
    }
  /* Saturating differences, nonzero in a lane that left the range.  */
  vec out = vec_subs_u8 (greatest, vec_set1 (when == TWO_CLASSES_ASCII
                                             ? 0x7f : '~'));
  if (when == TWO_CLASSES_PRINTABLE)
    out = vec_or (out, vec_subs_u8 (vec_set1 (' '), least));
  if (when != TWO_CLASSES_ALWAYS && !vec_is_zero (out))
    return false;
  *newlines = vec_u64_sum (vec_add_byte_sums (vec_zero (), lines));
  return true;
}

size_t
VEC_NAME (scan_blocks) (struct block_kernel const *k, struct scan_state *s,
                        unsigned char const *p, size_t n, struct counts *c)
{
  return scan_blocks_level (classify, group, k, s, p, n, c);
}

size_t
VEC_NAME (scan_tail) (struct block_kernel const *k, struct scan_state *s,
                      unsigned char const *p, size_t n, struct counts *c)
{
  return scan_tail_level (classify, k, s, p, n, c);
}

void
VEC_NAME (classify_block) (unsigned char const *p, struct block_masks *m)
{
  classify (p, m);
}
