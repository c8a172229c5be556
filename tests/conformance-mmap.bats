#!/usr/bin/env bats
# conformance-mmap.bats: the generated corpus counted with --strategy=mmap,
# compared with the system wc's recorded results (see conformance.bash).
# Each group's files run together, as operands and through pipes in one run (OUR_WAYS).

OUR_ARGS=(--strategy=mmap)
OUR_WAYS=both
load conformance

@test "mmap: tiny, empty and blank files" { check_group tiny; }
@test "mmap: every byte value" { check_group bytes; }
@test "mmap: binary data, NULs and control characters" { check_group binary; }
@test "mmap: ASCII text, CRLF, many lines and words" { check_group text; }
@test "mmap: lines longer than any buffer" { check_group long; }
@test "mmap: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "mmap: Unicode spaces and every word separator" { check_group spaces; }
@test "mmap: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "mmap: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "mmap: every code point class and width" { check_group codepoints; }
@test "mmap: characters and words across read boundaries" { check_group straddle; }
@test "mmap: tabs, backspaces and line ends for -L" { check_group width; }
@test "mmap: sizes around pages and read buffers" { check_group size; }
