#!/usr/bin/env bats
# utf8.bats: the UTF-8 kernels.  Runs their unit test (tests/utf8-check.c:
# the decoder against mbrtowc, the code point cache against the classifier,
# the UTF-8 passes against the mbrtowc pass over every kind of split, the
# character kernels against mbrtowc), in C.UTF-8 and in en_US.UTF-8 built
# with localedef; then compares wc with the system wc on generated text
# that is mostly not ASCII, and checks that other multibyte locales keep
# the mbrtowc pass.

load test_helper

setup_file() {
  if [ -z "${UTF8_CHECK-}" ] || [ ! -x "$UTF8_CHECK" ]; then
    echo "UTF8_CHECK must name the built tests/utf8-check program" >&2
    return 1
  fi
  export TEXT="$BATS_FILE_TMPDIR/text"
  LC_ALL=C.UTF-8 "$UTF8_CHECK" gen 2000000 > "$TEXT" || return 1
  # Private locales, so that nothing is installed on the machine.
  export LOCDIR="$BATS_FILE_TMPDIR/locale"
  mkdir -p "$LOCDIR"
  local spec
  for spec in en_US:UTF-8:en_US.UTF-8 ja_JP:SHIFT_JIS:ja_JP.SJIS \
              ja_JP:EUC-JP:ja_JP.EUC-JP zh_TW:BIG5:zh_TW.BIG5; do
    IFS=: read -r src charmap name <<< "$spec"
    localedef --no-warnings=ascii -i "$src" -f "$charmap" \
      "$LOCDIR/$name" > /dev/null 2>&1 || :
  done
}

# Run utf8-check with the locale LOC ($1), taken from LOCDIR when built
# there.
check_in() {
  local loc=$1
  shift
  if [ -d "$LOCDIR/$loc" ]; then
    run env LOCPATH="$LOCDIR" LC_ALL="$loc" "$UTF8_CHECK" "$@"
  else
    run env LC_ALL="$loc" "$UTF8_CHECK" "$@"
  fi
}

need_locale() {
  [ -d "$LOCDIR/$1" ] ||
    skip "localedef could not build $1 (is the locales package there?)"
}

@test "utf8: the decoder decodes as mbrtowc does" {
  check_in C.UTF-8 decoder
  assert_success
  assert_output --partial "decoded as mbrtowc does"
}

@test "utf8: the code point cache says what the classifier says, from 4 threads" {
  check_in C.UTF-8 classes
  assert_success
  assert_output --partial "as wide_char_action does"
}

@test "utf8: the UTF-8 passes give the mbrtowc pass's counts, for any split" {
  check_in C.UTF-8 passes
  assert_success
  assert_output --partial "all equal"
}

@test "utf8: the character kernels count as mbrtowc does, and stay in bounds" {
  check_in C.UTF-8 chars
  assert_success
  assert_output --partial "all equal"
}

@test "utf8: the AVX-512 word kernel counts as the pass without it, any span" {
  check_in C.UTF-8 avx512-words
  assert_success
  # Where the CPU or the build has no AVX-512, it says it skipped.
  assert_output --regexp "all equal|skipped"
}

@test "utf8: en_US.UTF-8: cache and passes agree with the C library" {
  need_locale en_US.UTF-8
  check_in en_US.UTF-8 classes passes
  assert_success
  assert_line --partial "classes:"
  assert_line --partial "passes:"
}

@test "utf8: UTF-8 locales get the UTF-8 passes, others keep theirs" {
  check_in C.UTF-8 pass
  assert_success
  assert_output "-w: utf8-words, -L: utf8, -m: utf8-chars, -lm: utf8-chars-lines"
  check_in C pass
  assert_success
  assert_output "-w: single-byte, -L: single-byte, -m: single-byte, -lm: single-byte"
  local loc checked=0
  for loc in ja_JP.SJIS ja_JP.EUC-JP zh_TW.BIG5; do
    [ -d "$LOCDIR/$loc" ] || continue
    check_in "$loc" pass
    assert_success
    assert_output "-w: multibyte, -L: multibyte, -m: multibyte, -lm: multibyte"
    checked=$((checked + 1))
  done
  [ "$checked" -gt 0 ] || skip "no other multibyte locale could be built"
}

@test "utf8: the generated text is mostly not ASCII, with invalid bytes" {
  local all high
  all=$(stat -c %s "$TEXT")
  high=$(LC_ALL=C tr -d '\000-\177' < "$TEXT" | LC_ALL=C sys_wc -c)
  echo "bytes: $all, not ASCII: $high"
  [ $((high * 100 / all)) -ge 30 ]
  # Bytes that never start a character, so some are invalid.
  LC_ALL=C grep -q $'\xff' "$TEXT"
}

# Compare our wc with the system wc on $TEXT: every option set, each with
# and without POSIXLY_CORRECT and with the portable kernels, in locale $1
# (from LOCDIR when built there), by the strategies given after it.
compare_text() {
  local loc=$1 strategy opts env_set ours theirs failed=0
  shift
  local -a locenv=(LC_ALL="$loc")
  [ -d "$LOCDIR/$loc" ] && locenv+=(LOCPATH="$LOCDIR")
  for strategy in "$@"; do
    for opts in "" -m -w -L -lm -lwmcL -mL -wL -cm; do
      for env_set in "" POSIXLY_CORRECT=1 WC_SIMD=off; do
        # shellcheck disable=SC2086
        ours=$(env "${locenv[@]}" $env_set "$WC_BUILT" \
                 $(strategy_opts "$strategy") $opts "$TEXT")
        # shellcheck disable=SC2086
        theirs=$(env "${locenv[@]}" $env_set "$SYS_WC" $opts "$TEXT")
        if [ "$ours" != "$theirs" ]; then
          echo "differs: $loc $env_set wc --strategy=$strategy $opts:" \
            "ours '$ours', system '$theirs'"
          failed=1
        fi
      done
    done
  done
  return "$failed"
}

@test "utf8: C.UTF-8: wc counts the generated text as the system wc does" {
  compare_text C.UTF-8 default mmap scanner
}

@test "utf8: en_US.UTF-8: wc counts the generated text as the system wc does" {
  need_locale en_US.UTF-8
  compare_text en_US.UTF-8 default
}

@test "utf8: other multibyte locales: wc counts as the system wc does" {
  local loc checked=0 opts ours theirs rc crashed= text=$TEXT
  # GNU 9.5 and later decode the last bytes of a character that one of their
  # 256 KiB reads cuts a second time, which in these encodings can make other
  # characters (the man page's DIFFERENCES FROM GNU WC): such a system wc
  # gets the text's first 256 KiB, which it reads whole.
  if [ "$(system_rules)" != 9.1 ]; then
    text=$BATS_TEST_TMPDIR/text-256k
    head -c 262144 "$TEXT" > "$text"
  fi
  for loc in ja_JP.SJIS ja_JP.EUC-JP zh_TW.BIG5; do
    [ -d "$LOCDIR/$loc" ] || continue
    for opts in "" -m -L -lwmcL; do
      # shellcheck disable=SC2086
      ours=$(LOCPATH="$LOCDIR" LC_ALL=$loc "$WC_BUILT" $opts "$text")
      rc=0
      # shellcheck disable=SC2086
      theirs=$(LOCPATH="$LOCDIR" LC_ALL=$loc "$SYS_WC" $opts "$text") || rc=$?
      # GNU 9.5 to 9.11 crash in Shift_JIS (bytes A1..DF index past a
      # table): nothing to compare with there.
      if [ "$rc" -gt 128 ]; then
        crashed+=" $loc"
        continue 2
      fi
      [ "$ours" = "$theirs" ] || {
        echo "differs: $loc wc $opts: ours '$ours', system '$theirs'"
        return 1
      }
    done
    checked=$((checked + 1))
  done
  [ -z "$crashed" ] || echo "# the system wc crashed in:$crashed (not compared)" >&3
  [ "$checked" -gt 0 ] ||
    skip "no other multibyte locale could be built${crashed:+, or the system wc crashed in it}"
}

@test "utf8: an unknown part is a usage error" {
  check_in C.UTF-8 nosuch
  assert_failure 1
  assert_output --partial "Usage: utf8-check"
}
