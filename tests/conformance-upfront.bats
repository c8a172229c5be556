#!/usr/bin/env bats
# conformance-upfront.bats: the generated corpus counted with --strategy=upfront,
# compared with the system wc's recorded results (see conformance.bash).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ARGS=(--strategy=upfront)
OUR_WAYS=both
load conformance

@test "upfront: tiny, empty and blank files" { check_group tiny; }
@test "upfront: every byte value" { check_group bytes; }
@test "upfront: binary data, NULs and control characters" { check_group binary; }
@test "upfront: ASCII text, CRLF, many lines and words" { check_group text; }
@test "upfront: lines longer than any buffer" { check_group long; }
@test "upfront: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "upfront: Unicode spaces and every word separator" { check_group spaces; }
@test "upfront: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "upfront: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "upfront: every code point class and width" { check_group codepoints; }
@test "upfront: characters and words across read boundaries" { check_group straddle; }
@test "upfront: tabs, backspaces and line ends for -L" { check_group width; }
@test "upfront: sizes around pages and read buffers" { check_group size; }
