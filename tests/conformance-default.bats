#!/usr/bin/env bats
# conformance-default.bats: the generated corpus counted with the default strategy (reading in blocks),
# compared with the system wc (the body is in conformance.bash).

STRATEGY=default
load conformance

@test "default: tiny, empty and blank files" { check_group tiny; }
@test "default: every byte value" { check_group bytes; }
@test "default: binary data, NULs and control characters" { check_group binary; }
@test "default: ASCII text, CRLF, many lines and words" { check_group text; }
@test "default: lines longer than any buffer" { check_group long; }
@test "default: UTF-8 text in many scripts, CJK, emoji, combining marks" { check_group utf8; }
@test "default: Unicode spaces and every word separator" { check_group spaces; }
@test "default: invalid and truncated UTF-8, Latin-1" { check_group invalid; }
@test "default: random mixes of valid and invalid UTF-8" { check_group mix; }
@test "default: every code point class and width" { check_group codepoints; }
@test "default: characters and words across read boundaries" { check_group straddle; }
@test "default: tabs, backspaces and line ends for -L" { check_group width; }
@test "default: sizes around pages and read buffers" { check_group size; }

@test "default: the corpus is the same on every run" {
  mkdir again
  "$GEN_CORPUS" again
  run diff -r "$CORPUS" again
  assert_success
  assert_output ""
}

@test "default: the corpus is large enough and every file is checked" {
  local f name group n=0 bytes=0 unchecked=""
  for f in "$CORPUS"/*; do
    name=${f##*/}
    group=${name%%-*}
    [[ " $CORPUS_GROUPS " == *[[:space:]]"$group"[[:space:]]* ]] ||
      unchecked+=" $name"
    n=$((n + 1))
    bytes=$((bytes + $(stat -c %s "$f")))
  done
  echo "files: $n, bytes: $bytes, outside every group:${unchecked:- none}"
  [ -z "$unchecked" ]
  [ "$n" -ge 30 ]
  [ "$bytes" -lt $((25 * 1024 * 1024)) ]
}
