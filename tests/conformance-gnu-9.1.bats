#!/usr/bin/env bats
# conformance-gnu-9.1.bats: the generated corpus counted with --gnu-compat=9.1
# (the rules of GNU coreutils 9.1 to 9.4), compared with what GNU wc 9.1 printed for it
# (see conformance.bash): the system wc's results when it follows those rules, otherwise
# those of Debian 12's coreutils 9.1, which make fetches from Debian's archive
# (tests/gnu-wc/fetch).  When make could not have it, every test skips and says why.  The
# lines-only option sets run a second time with the portable kernels (WC_SIMD=off).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_RULES=9.1
LINES_ONLY_ENV=(WC_SIMD=off)
OUR_WAYS=both
load conformance

@test "gnu-9.1: tiny, empty and blank files" { check_group tiny; }
@test "gnu-9.1: every byte value" { check_group bytes; }
@test "gnu-9.1: binary data, NULs and control characters" { check_group binary; }
@test "gnu-9.1: ASCII text, CRLF, many lines and words" { check_group text; }
@test "gnu-9.1: lines longer than any buffer" { check_group long; }
@test "gnu-9.1: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "gnu-9.1: Unicode spaces and every word separator" { check_group spaces; }
@test "gnu-9.1: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "gnu-9.1: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "gnu-9.1: every code point class and width" { check_group codepoints; }
@test "gnu-9.1: characters and words across read boundaries" { check_group straddle; }
@test "gnu-9.1: tabs, backspaces and line ends for -L" { check_group width; }
@test "gnu-9.1: sizes around pages and read buffers" { check_group size; }
