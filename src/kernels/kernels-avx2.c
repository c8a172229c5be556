/* kernels-avx2.c: the newline and block kernels for AVX2, 32 bytes a
   vector.  This file alone is compiled with -mavx2 -mpopcnt -mbmi; it runs
   only after a run-time check for all three.  */
#include <config.h>

#define VEC_BYTES 32
#define VEC_NAME(name) name##_avx2

#include "kernel-blocks.h"
#include "kernels.h"
#include "vec.h"

#include "kernel-lines-simd.h"
#include "kernel-blocks-simd.h"
