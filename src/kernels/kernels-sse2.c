/* kernels-sse2.c: the newline and block kernels for SSE2, 16 bytes a
   vector.  SSE2 is part of x86-64; on 32-bit x86 this file alone is
   compiled with -msse2 and runs only after a run-time CPU check.  */
#include <config.h>

#define VEC_BYTES 16
#define VEC_NAME(name) name##_sse2

#include "kernel-blocks.h"
#include "kernels.h"
#include "vec.h"

#include "kernel-lines-simd.h"
#include "kernel-blocks-simd.h"
