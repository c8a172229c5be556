#!/usr/bin/env bats
# conformance-threads.bats: the generated corpus counted by the default
# strategy with four threads, each file cut into parts of as little as 64
# bytes so that parts meet everywhere, compared with the system wc's
# recorded results (see conformance.bash).
# Each file runs alone (where it is cut) and with its group (files counted in
# parallel), as operands and through pipes in one run.

OUR_ARGS=(--threads=4)
OUR_ENV=(WC_THREADS_MIN_PART=64)
OUR_WAYS=both,file
load conformance

@test "threads: tiny, empty and blank files" { check_group tiny; }
@test "threads: every byte value" { check_group bytes; }
@test "threads: binary data, NULs and control characters" { check_group binary; }
@test "threads: ASCII text, CRLF, many lines and words" { check_group text; }
@test "threads: lines longer than any buffer" { check_group long; }
@test "threads: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "threads: Unicode spaces and every word separator" { check_group spaces; }
@test "threads: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "threads: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "threads: every code point class and width" { check_group codepoints; }
@test "threads: characters and words across read boundaries" { check_group straddle; }
@test "threads: tabs, backspaces and line ends for -L" { check_group width; }
@test "threads: sizes around pages and read buffers" { check_group size; }
