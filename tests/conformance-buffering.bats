#!/usr/bin/env bats
# conformance-buffering.bats: the generated corpus counted with --strategy=buffering,
# compared with the system wc's recorded results (see conformance.bash).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ARGS=(--strategy=buffering)
OUR_WAYS=both
load conformance

@test "buffering: tiny, empty and blank files" { check_group tiny; }
@test "buffering: every byte value" { check_group bytes; }
@test "buffering: binary data, NULs and control characters" { check_group binary; }
@test "buffering: ASCII text, CRLF, many lines and words" { check_group text; }
@test "buffering: lines longer than any buffer" { check_group long; }
@test "buffering: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "buffering: Unicode spaces and every word separator" { check_group spaces; }
@test "buffering: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "buffering: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "buffering: every code point class and width" { check_group codepoints; }
@test "buffering: characters and words across read boundaries" { check_group straddle; }
@test "buffering: tabs, backspaces and line ends for -L" { check_group width; }
@test "buffering: sizes around pages and read buffers" { check_group size; }
