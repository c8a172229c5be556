#!/usr/bin/env bats
# fuzz.bats: the fuzz targets' properties, checked without libFuzzer over
# the committed corpora (seeds and regression inputs, tests/fuzz/corpus-*),
# so that every past finding stays fixed on any machine; the reference
# counter that those properties rest on, held against the system wc; and a
# check that a wrong count really fails the replay.  `make fuzz` does the
# fuzzing itself (see doc/reliability.md).

load test_helper

setup_file() {
  local p
  for p in REFERENCE_WC REPLAY_COUNTER REPLAY_CLI; do
    if [ ! -x "${!p-}" ]; then
      echo "$p must name the built program (run through make check)" >&2
      return 1
    fi
  done
  [ -d "${FUZZ_SRCDIR-}/corpus-counter" ] || {
    echo "FUZZ_SRCDIR must name tests/fuzz in the source tree" >&2
    return 1
  }
}

# The legacy multibyte locales that tests/fuzz/make-locales could build.
legacy_locales() {
  local l
  for l in ja_JP.SJIS zh_CN.GB18030; do
    [ -f "${WC_FUZZ_LOCPATH-}/$l/LC_CTYPE" ] && printf '%s\n' "$l"
  done
}

# The reference counter states GNU 9.1's rules and 9.7's (tests/fuzz/reference.c):
# it is held against the system wc under the rules that wc follows, REF_RULES.
need_reference_rules() {
  REF_RULES=$(system_rules) || skip "the system wc is not GNU wc"
}

# The text of every committed counter input (without its 4-byte header),
# one file each in ./texts.
extract_texts() {
  mkdir texts
  local f
  for f in "$FUZZ_SRCDIR"/corpus-counter/*; do
    tail -c +5 "$f" > "texts/${f##*/}"
  done
}

@test "reference counter: the system wc's counts on every committed counter input, C and C.UTF-8" {
  need_reference_rules
  extract_texts
  local loc posix bad=0 n
  n=$(ls texts | sys_wc -l)
  [ "$n" -gt 100 ]
  for loc in C C.UTF-8; do
    for posix in 0 1; do
      (
        export LC_ALL=$loc
        [ "$posix" = 1 ] && export POSIXLY_CORRECT=1
        sys_wc -lwmcL texts/* | sed '$d' | awk '{ print $1, $2, $3, $4, $5 }' > sys.out
        "$REFERENCE_WC" --gnu-compat="$REF_RULES" -lwmcL texts/* > ref.out
      )
      [ "$(sys_wc -l < ref.out)" = "$n" ]
      if ! cmp -s sys.out ref.out; then
        echo "locale $loc, POSIXLY_CORRECT=$posix: the reference differs"
        diff sys.out ref.out | head -n 20
        bad=1
      fi
    done
  done
  return "$bad"
}

@test "reference counter: the system wc's counts in Shift_JIS and GB18030" {
  local locales loc bad=0
  locales=$(legacy_locales)
  [ -n "$locales" ] || skip "no legacy locale could be built (localedef)"
  need_reference_rules
  extract_texts
  for loc in $locales; do
    # GNU 9.5 to 9.11 crash in Shift_JIS (bytes A1..DF index past a table):
    # nothing to compare with there.
    if ! LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=$loc sys_wc texts/* > /dev/null 2>&1; then
      echo "# the system wc crashed in $loc (not compared)" >&3
      continue
    fi
    (
      export LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=$loc
      sys_wc -lwmcL texts/* | sed '$d' | awk '{ print $1, $2, $3, $4, $5 }' > sys.out
      "$REFERENCE_WC" --gnu-compat="$REF_RULES" -lwmcL texts/* > ref.out
    )
    cmp -s sys.out ref.out || {
      echo "locale $loc: the reference differs"
      diff sys.out ref.out | head -n 20
      bad=1
    }
  done
  return "$bad"
}

# SPEC's Shift_JIS case (RELIABILITY 44): \xa1 is a one-byte katakana there.
@test "reference counter: SPEC's Shift_JIS example" {
  legacy_locales | grep -qx ja_JP.SJIS || skip "ja_JP.SJIS could not be built"
  run env LOCPATH="$WC_FUZZ_LOCPATH" LC_ALL=ja_JP.SJIS "$REFERENCE_WC" -lwmcL \
    < <(printf 'a\xa1b\n')
  assert_success
  assert_output "1 1 4 4 3"
}

# SPEC 2.2 says lines are '\n' bytes in every locale; GNU wc 9.1's decoding
# path (SPEC 2.1) disagrees in one corner, found by the fuzzer: in GB18030,
# mbrtowc takes "\x81\x30\n" at the end of the input for the start of a
# four-byte character, so -lw drops that '\n' while -l, which does not
# decode, counts it.  Our wc must do what the system does, and so must the
# reference, under the rules the system follows.  From GNU 9.5 on, the first
# byte of a character cut short by the end of the input is an encoding error
# (a word) and decoding resumes after it, so that '\n' stays a line for -lw
# too.
@test "GB18030: a '\\n' inside a character cut by the end of input, -l and -lw" {
  legacy_locales | grep -qx zh_CN.GB18030 || skip "zh_CN.GB18030 could not be built"
  printf '0\x81\x00\x81\x30\n' > cut
  local o sys ref ours rules
  rules=$(system_rules)
  for o in -l -lw -lm -lc -lwmcL; do
    sys=$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 sys_wc "$o" < cut)
    ours=$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 our_wc "$o" < cut)
    ref=$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 "$REFERENCE_WC" \
      --gnu-compat="$rules" "$o" < cut)
    echo "$o: system '$sys', ours '$ours', reference '$ref'"
    [ "$ours" = "$sys" ]
    # The reference prints all five counts: keep those asked for.
    [ "$(echo "$sys" | awk '{ $1 = $1; print }')" = \
      "$(echo "$ref" | awk -v o="$o" '{
         n = 0; line = ""
         for (i = 1; i <= 5; i++)
           if (index(o, substr("lwmcL", i, 1))) line = line (n++ ? " " : "") $i
         print line }')" ]
  done
  # The corner itself, so that this test cannot pass vacuously.
  [ "$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 sys_wc -l < cut)" = 1 ]
  if [ "$rules" = 9.1 ]; then
    [ "$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 sys_wc -lw < cut | awk '{ print $1 }')" = 0 ]
  else
    [ "$(LOCPATH=$WC_FUZZ_LOCPATH LC_ALL=zh_CN.GB18030 sys_wc -lw < cut | awk '{ print $1, $2 }')" = "1 1" ]
  fi
}

@test "counter seeds and regressions: every split and kernel level gives the reference's counts" {
  local n
  n=$(ls "$FUZZ_SRCDIR/corpus-counter" | sys_wc -l)
  run "$REPLAY_COUNTER" "$FUZZ_SRCDIR/corpus-counter"
  assert_success
  assert_output --partial "replay: $n inputs, every property held"
  assert_output --regexp "kernel levels: portable"
  local l
  for l in $(legacy_locales); do
    assert_output --regexp "locales: .*$l"
  done
}

@test "command-line seeds and regressions: parsing and name lists keep their properties" {
  local n
  n=$(ls "$FUZZ_SRCDIR/corpus-cli" | sys_wc -l)
  run "$REPLAY_CLI" "$FUZZ_SRCDIR/corpus-cli"
  assert_success
  assert_output --partial "replay: $n inputs, every property held"
}

# A replay that could not fail would prove nothing: plant a wrong answer.
@test "a wrong count fails the counter replay, naming the input" {
  run env WC_FUZZ_PLANT_BUG=1 "$REPLAY_COUNTER" "$FUZZ_SRCDIR/corpus-counter"
  assert_failure
  assert_output --partial "fuzz-counter: FAIL: one span differs from the reference"
  assert_output --regexp "replay: the failing input is .*/corpus-counter/"
}

@test "a wrong name fails the command-line replay, naming the input" {
  run env WC_FUZZ_PLANT_BUG=1 "$REPLAY_CLI" "$FUZZ_SRCDIR/corpus-cli"
  assert_failure
  assert_output --partial "fuzz-cli: FAIL: a name of the list comes back changed"
  assert_output --regexp "replay: the failing input is .*/corpus-cli/"
}

@test "the committed corpora stay small (under 1 MB in all)" {
  local bytes
  bytes=$(cat "$FUZZ_SRCDIR"/corpus-counter/* "$FUZZ_SRCDIR"/corpus-cli/* | sys_wc -c)
  echo "corpora: $bytes bytes"
  [ "$bytes" -lt 1000000 ]
}
