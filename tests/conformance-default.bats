#!/usr/bin/env bats
# conformance-default.bats: the generated corpus counted with the default strategy (reading in
# blocks), compared with the system wc's recorded results (see conformance.bash); the lines-only
# option sets run a second time with the portable kernels (WC_SIMD=off).  Also: the corpus itself,
# and the driver's own ability to notice and report a difference.

LINES_ONLY_ENV=(WC_SIMD=off)
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

# Each conformance suite repeats the group tests by hand (bats has no
# public way to make tests in a loop): one missing or misspelt line would
# leave a group unchecked in that dimension without any test failing.
@test "default: every conformance suite checks every corpus group and is run by make check" {
  local suite group rules missing=""
  for rules in $GNU_RULE_SETS; do
    [ -f "$BATS_TEST_DIRNAME/conformance-gnu-$rules.bats" ] ||
      missing+=" conformance-gnu-$rules.bats:(no suite for rule set $rules)"
    grep -qx "OUR_RULES=$rules" "$BATS_TEST_DIRNAME/conformance-gnu-$rules.bats" ||
      missing+=" conformance-gnu-$rules.bats:(does not set OUR_RULES=$rules)"
  done
  for suite in "$BATS_TEST_DIRNAME"/conformance-*.bats; do
    for group in $CORPUS_GROUPS; do
      grep -Eq "\{ check_group $group; \}\$" "$suite" ||
        missing+=" ${suite##*/}:$group"
    done
    grep -q "tests/${suite##*/}" "$BATS_TEST_DIRNAME/local.mk" ||
      missing+=" ${suite##*/}:(not in CONFORMANCE_TESTS)"
  done
  echo "unchecked:${missing:- none}"
  [ -z "$missing" ]
}

# The first mismatch of a report in $lines, its command run by hand, prints what the
# report says was got.
first_mismatch_repeats() {
  local cmd=${lines[0]#MISMATCH: } want=${lines[5]#    stdout: } got
  [ "$cmd" != "${lines[0]}" ] && [ "$want" != "${lines[5]}" ]
  eval "want=$want"
  got=$(bash -c "$cmd"; echo .)
  [ "${got%.}" = "$want" ]
}

@test "default: the driver runs every case, and reports a wrong wc with commands that repeat it" {
  local -a files=("$CORPUS"/tiny-*)
  local n=${#files[@]}
  # -w before every option set changes what most of them print.
  run "$CONFORM" check --group=tiny --max-report=2 "$CORPUS" "$ORACLE" "$WC_BUILT" -w
  assert_failure 1
  # Per file: 14 option sets x 2 locales x 3 ways, and 3 sets x 2 locales on the file
  # twice; per group: 14 sets x 2 locales on all its files, as operands, through pipes,
  # and both in one run.
  assert_line --regexp "^conform: [1-9][0-9]* of $((n * 90 + 84)) runs differ from the oracle \\($((n * 90 + 84)) cases, 1 pass, $n files of group tiny\\)\$"
  assert_line --regexp '^\.\.\. and [0-9]+ more mismatches$'
  [ "$(grep -c '^MISMATCH: ' <<< "$output")" -eq 2 ]
  assert_line --index 1 --regexp '^  expected \(oracle\): exit 0$'
  assert_line --index 4 --regexp '^  got: +exit 0$'
  first_mismatch_repeats
}

# group_way_repeats WAY LINES: the tiny group's 28 runs of WAY with a wrong wc
# all differ, the first one's stdout (as the system wc printed it) is the
# count lines whose names LINES matches, then the total, and its command,
# run by hand, prints what was got; with the right wc all match.
group_way_repeats() {
  local way=$1 names=$2
  run "$CONFORM" check --group=tiny --ways="$way" --max-report=1 "$CORPUS" "$ORACLE" \
    "$WC_BUILT" -w
  assert_failure 1
  assert_line --regexp "^conform: [1-9][0-9]* of 28 runs differ from the oracle \\(28 cases, 1 pass, $n files of group tiny\\)\$"
  assert_line --index 2 --regexp "^    stdout: \\$' +[0-9]+ +[0-9]+ +[0-9]+ $names\\\\n +[0-9]+ +[0-9]+ +[0-9]+ total\\\\n'\$"
  first_mismatch_repeats
  run "$CONFORM" check --group=tiny --ways="$way" "$CORPUS" "$ORACLE" "$WC_BUILT"
  assert_success
}

@test "default: the pipes way feeds every file of a group through a pipe of its own, and its command repeats it" {
  local -a files=("$CORPUS"/tiny-*)
  local n=${#files[@]}
  # Standard input first, then one /dev/fd/N for each of the other files.
  group_way_repeats pipes "-\\\\n.* /dev/fd/$((n + 1))"
}

@test "default: the both way gives a group's files as operands, then each through a pipe, and its command repeats it" {
  local -a files=("$CORPUS"/tiny-*)
  local n=${#files[@]}
  # Every file twice in one run: as operands, then standard input and one
  # /dev/fd/N for each of the others.
  group_way_repeats both "${files[0]##*/}\\\\n.* -\\\\n.* /dev/fd/$((n + 1))"
}

@test "default: the driver refuses an oracle recorded from another corpus" {
  cp -R "$CORPUS" corpus
  printf x >> corpus/tiny-empty
  run "$CONFORM" check --group=tiny corpus "$ORACLE" "$WC_BUILT"
  assert_failure 2
  assert_output --partial "was recorded from another corpus"
  assert_output --partial "tiny-empty"
}
