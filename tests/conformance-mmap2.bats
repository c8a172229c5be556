#!/usr/bin/env bats
# conformance-mmap2.bats: the generated corpus counted with --strategy=mmap2,
# compared with the system wc's recorded results (see conformance.bash).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ARGS=(--strategy=mmap2)
OUR_WAYS=both
load conformance

@test "mmap2: tiny, empty and blank files" { check_group tiny; }
@test "mmap2: every byte value" { check_group bytes; }
@test "mmap2: binary data, NULs and control characters" { check_group binary; }
@test "mmap2: ASCII text, CRLF, many lines and words" { check_group text; }
@test "mmap2: lines longer than any buffer" { check_group long; }
@test "mmap2: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "mmap2: Unicode spaces and every word separator" { check_group spaces; }
@test "mmap2: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "mmap2: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "mmap2: every code point class and width" { check_group codepoints; }
@test "mmap2: characters and words across read boundaries" { check_group straddle; }
@test "mmap2: tabs, backspaces and line ends for -L" { check_group width; }
@test "mmap2: sizes around pages and read buffers" { check_group size; }
