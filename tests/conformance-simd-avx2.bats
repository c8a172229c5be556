#!/usr/bin/env bats
# conformance-simd-avx2.bats: the generated corpus counted by the default
# strategy with the kernels forced to WC_SIMD=avx2, compared with the
# system wc's recorded results (see conformance.bash); the default suite
# runs the best level the CPU has, which on a CPU with AVX-512 counts the
# words of large UTF-8 spans with another kernel.
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ENV=(WC_SIMD=avx2)
OUR_WAYS=both
load conformance

@test "WC_SIMD=avx2: tiny, empty and blank files" { check_group tiny; }
@test "WC_SIMD=avx2: every byte value" { check_group bytes; }
@test "WC_SIMD=avx2: binary data, NULs and control characters" { check_group binary; }
@test "WC_SIMD=avx2: ASCII text, CRLF, many lines and words" { check_group text; }
@test "WC_SIMD=avx2: lines longer than any buffer" { check_group long; }
@test "WC_SIMD=avx2: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "WC_SIMD=avx2: Unicode spaces and every word separator" { check_group spaces; }
@test "WC_SIMD=avx2: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "WC_SIMD=avx2: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "WC_SIMD=avx2: every code point class and width" { check_group codepoints; }
@test "WC_SIMD=avx2: characters and words across read boundaries" { check_group straddle; }
@test "WC_SIMD=avx2: tabs, backspaces and line ends for -L" { check_group width; }
@test "WC_SIMD=avx2: sizes around pages and read buffers" { check_group size; }
