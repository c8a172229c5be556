#!/usr/bin/env bats
# conformance-simd-off.bats: the generated corpus counted by the default
# strategy with the kernels forced to WC_SIMD=off, compared with the
# system wc's recorded results (see conformance.bash); the default suite
# runs the best level the CPU has.
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ENV=(WC_SIMD=off)
OUR_WAYS=both
load conformance

@test "WC_SIMD=off: tiny, empty and blank files" { check_group tiny; }
@test "WC_SIMD=off: every byte value" { check_group bytes; }
@test "WC_SIMD=off: binary data, NULs and control characters" { check_group binary; }
@test "WC_SIMD=off: ASCII text, CRLF, many lines and words" { check_group text; }
@test "WC_SIMD=off: lines longer than any buffer" { check_group long; }
@test "WC_SIMD=off: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "WC_SIMD=off: Unicode spaces and every word separator" { check_group spaces; }
@test "WC_SIMD=off: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "WC_SIMD=off: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "WC_SIMD=off: every code point class and width" { check_group codepoints; }
@test "WC_SIMD=off: characters and words across read boundaries" { check_group straddle; }
@test "WC_SIMD=off: tabs, backspaces and line ends for -L" { check_group width; }
@test "WC_SIMD=off: sizes around pages and read buffers" { check_group size; }
