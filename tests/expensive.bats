#!/usr/bin/env bats
# expensive.bats: `make check-expensive`, not part of `make check`: counts
# past 2^32 in one input.  The input, 2^32 + 10^6 lines of "a\n" (8.6 GB),
# is generated into a pipe twice, once for our wc (default strategy) and
# once for the system wc, so nothing is stored; the two outputs must be
# equal, and equal to the counts the generator implies.  Each test prints
# how long each wc took (see doc/reliability.md for a run's figures).

load test_helper

# Lines (and words) in the input: past 2^32, so that a 32-bit counter
# anywhere would wrap; bytes are twice as many, past 2^33.
LINES=$(((1 << 32) + 1000000))

generate() {
  yes a | head -c $((2 * LINES))
}

# timed NAME COMMAND...: run COMMAND with the generated input on stdin;
# its output goes to NAME.out, its time to the TAP stream.
timed() {
  local name=$1 start end
  shift
  start=$EPOCHREALTIME
  generate | "$@" > "$name.out"
  end=$EPOCHREALTIME
  awk -v n="$name" -v s="$start" -v e="$end" \
    'BEGIN { printf "# %s: %.1f s\n", n, e - s }' >&3
}

# same_counts OPTION... : our wc and the system wc agree on the input.
same_counts() {
  timed "ours $*" our_wc "$@"
  timed "system $*" sys_wc "$@"
  echo "ours:   $(cat "ours $*.out")"
  echo "system: $(cat "system $*.out")"
  cmp "ours $*.out" "system $*.out"
}

setup() {
  cd "$BATS_TEST_TMPDIR" || return 1
}

@test "more than 2^32 lines, words and bytes in one pipe: wc (-lwc), C locale" {
  export LC_ALL=C
  same_counts
  [ "$(awk '{ print $1, $2, $3 }' 'ours .out')" = "$LINES $LINES $((2 * LINES))" ]
}

@test "more than 2^32 lines in one pipe: -l (the newline kernel)" {
  export LC_ALL=C
  same_counts -l
  [ "$(cat 'ours -l.out')" = "$LINES" ]
}

@test "more than 2^32 characters in one pipe: -mL in C.UTF-8 (decoding)" {
  export LC_ALL=C.UTF-8
  same_counts -mL
  [ "$(awk '{ print $1, $2 }' 'ours -mL.out')" = "$((2 * LINES)) 1" ]
}
