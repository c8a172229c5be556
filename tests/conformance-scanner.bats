#!/usr/bin/env bats
# conformance-scanner.bats: the generated corpus counted with --strategy=scanner,
# compared with the system wc's recorded results (see conformance.bash).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ARGS=(--strategy=scanner)
OUR_WAYS=both
load conformance

@test "scanner: tiny, empty and blank files" { check_group tiny; }
@test "scanner: every byte value" { check_group bytes; }
@test "scanner: binary data, NULs and control characters" { check_group binary; }
@test "scanner: ASCII text, CRLF, many lines and words" { check_group text; }
@test "scanner: lines longer than any buffer" { check_group long; }
@test "scanner: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "scanner: Unicode spaces and every word separator" { check_group spaces; }
@test "scanner: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "scanner: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "scanner: every code point class and width" { check_group codepoints; }
@test "scanner: characters and words across read boundaries" { check_group straddle; }
@test "scanner: tabs, backspaces and line ends for -L" { check_group width; }
@test "scanner: sizes around pages and read buffers" { check_group size; }
