#!/usr/bin/env bats
# fuzz-diff.bats: the differential fuzzer (tests/diff-wc.c) in make check:
# a fixed, seeded slice of random cases, each run by the system wc and by
# ours and compared byte for byte; every case saved in
# tests/fuzz/diff-regressions, replayed; and a wc that is wrong on purpose,
# to show that the driver notices, saves and replays a difference.
# `make fuzz-diff` runs the fuzzer for longer (README-hacking).

load test_helper

# The slice: how many cases, from which seed.  About 15 s of CPU.
SLICE_SEED=20261130
SLICE_CASES=2000

setup_file() {
  if [ -z "${DIFF_WC-}" ] || [ ! -x "$DIFF_WC" ]; then
    echo "DIFF_WC must name the built tests/diff-wc program" >&2
    return 1
  fi
  export REGRESSIONS="${TESTS_SRCDIR:?}/fuzz/diff-regressions"
}

# The legacy locales, if make built them.
locpath_opt() {
  [ -d "${WC_FUZZ_LOCPATH-}" ] && printf '%s\n' "--locpath=$WC_FUZZ_LOCPATH"
}

# GNU wc 9.5 and later decode the last bytes of a character that one of their
# reads cuts a second time, and miscount or crash in Shift_JIS (the man page's
# DIFFERENCES FROM GNU WC), which our wc does not imitate: with such a system
# wc, the cases avoid both.
gnu_bugs_opt() {
  [ "$(system_rules)" = 9.1 ] || printf '%s\n' --avoid-gnu-9.5-bugs
}

# Where a difference found here is saved: with the regressions when the
# source tree is writable (so that the next make check replays it), else
# (a read-only tarball tree) in the build tree, made only for a difference.
save_dir() {
  if [ -w "$REGRESSIONS" ]; then
    printf '%s\n' "$REGRESSIONS"
  else
    printf '%s\n' "${WC_BUILT%/src/wc*}/tests/fuzz/diff-found"
  fi
}

@test "diff-wc: a fixed slice of random cases prints what the system wc prints" {
  run "$DIFF_WC" run --seed="$SLICE_SEED" --cases="$SLICE_CASES" \
    --save="$(save_dir)" $(locpath_opt) $(gnu_bugs_opt) "$SYS_WC" "$WC_BUILT"
  printf '%s\n' "$output"
  [ "$status" -eq 0 ]
  # The log of a passing test still says what it ran and how fast.
  printf '# %s\n' "${lines[${#lines[@]} - 1]}" >&3
}

@test "diff-wc: every saved case prints what the system wc prints" {
  local -a cases=("$REGRESSIONS"/*/)
  [ -d "${cases[0]}" ] || skip "no case saved in $REGRESSIONS"
  run "$DIFF_WC" replay $(locpath_opt) "$SYS_WC" "$WC_BUILT" "${cases[@]}"
  printf '%s\n' "$output"
  [ "$status" -eq 0 ]
}

@test "diff-wc: a wrong wc is caught, saved, and the saved case replays" {
  # A wc that always prints one line more than it should.
  printf '#!/bin/sh\n"%s" "$@"\nstatus=$?\necho extra\nexit $status\n' \
    "$WC_BUILT" > wrong-wc
  chmod +x wrong-wc
  mkdir saved
  run "$DIFF_WC" run --seed=1 --cases=5 --save=saved "$SYS_WC" ./wrong-wc
  printf '%s\n' "$output"
  [ "$status" -eq 1 ]
  assert_output --partial 'DIFFERENCE'
  assert_output --partial "replay"
  local -a found=(saved/*/)
  [ "${#found[@]}" -eq 1 ] && [ -f "${found[0]}case" ] && [ -f "${found[0]}in" ]
  # The saved case fails again with the wrong wc and passes with ours.
  run "$DIFF_WC" replay "$SYS_WC" ./wrong-wc "${found[0]}"
  [ "$status" -eq 1 ]
  run "$DIFF_WC" replay "$SYS_WC" "$WC_BUILT" "${found[0]}"
  printf '%s\n' "$output"
  [ "$status" -eq 0 ]
}
