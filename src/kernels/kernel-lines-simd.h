/* kernel-lines-simd.h: count '\n' bytes 64 at a time, in vec.h's terms.
   Included by each x86 level's file (kernels-sse2.c, kernels-avx2.c),
   which defines VEC_BYTES and names the function with VEC_NAME.  */

/* One accumulator per vector of a 64-byte round.  */
enum { LINE_ACCUMULATORS = 64 / VEC_BYTES };

uintmax_t
VEC_NAME (count_newlines) (unsigned char const *p, size_t n)
{
  vec const nl = vec_set1 ('\n');
  vec sums = vec_zero ();
  size_t i = 0;
  while (VEC_BYTES <= n - i)
    {
      /* Each matching byte subtracts one (a compare gives -1) from an
         8-bit lane; each accumulator takes one vector a round, so 255
         rounds cannot overflow a lane.  */
      vec acc[LINE_ACCUMULATORS];
#pragma GCC unroll 4
      for (int a = 0; a < LINE_ACCUMULATORS; a++)
        acc[a] = vec_zero ();
      size_t rounds = (n - i) / 64;
      if (rounds > 255)
        rounds = 255;
      for (size_t r = 0; r < rounds; r++, i += 64)
#pragma GCC unroll 4
        for (int a = 0; a < LINE_ACCUMULATORS; a++)
          acc[a] = vec_sub (acc[a], vec_eq (vec_load (p + i + VEC_BYTES * a),
                                            nl));
      /* Fewer than 64 bytes left: whole vectors into the first
         accumulator, at most three.  */
      if (!rounds)
        for (; VEC_BYTES <= n - i; i += VEC_BYTES)
          acc[0] = vec_sub (acc[0], vec_eq (vec_load (p + i), nl));
#pragma GCC unroll 4
      for (int a = 0; a < LINE_ACCUMULATORS; a++)
        sums = vec_add_byte_sums (sums, acc[a]);
    }
  uintmax_t lines = vec_u64_sum (sums);
  for (; i < n; i++)
    lines += p[i] == '\n';
  return lines;
}
