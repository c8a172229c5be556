/* fuzz-target.h: the two entry points every fuzz target defines, called by
   libFuzzer when built with -fsanitize=fuzzer, and by replay.c (a plain
   main) when `make check` runs the committed corpus without libFuzzer.
   A target reports a broken property on stderr and calls abort ().  */
#ifndef WC_FUZZ_TARGET_H
#define WC_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size);

#endif
