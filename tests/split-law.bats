#!/usr/bin/env bats
# split-law.bats: runs the counter's unit test (tests/split-law.c): any split
# of the same bytes gives the same counts, the newline kernels agree and stay
# inside their span, and small inputs get GNU wc 9.1's exact counts.

load test_helper

split_law() {
  if [ -z "${SPLIT_LAW-}" ] || [ ! -x "$SPLIT_LAW" ]; then
    echo "SPLIT_LAW must name the built tests/split-law program"
    return 1
  fi
  run "$SPLIT_LAW" "$@"
}

@test "split law: known answers from GNU wc 9.1, in one feed and byte by byte" {
  split_law known
  assert_success
  assert_output --partial "split-law: known:"
}

@test "split law: random splits, single bytes and every cut give the same counts" {
  split_law splits
  assert_success
  assert_output --partial "all equal"
}

@test "split law: portable, SSE2 and AVX2 newline kernels agree and never over-read" {
  split_law kernels
  assert_success
  assert_output --partial "all equal"
}

@test "split law: an unknown part is a usage error" {
  split_law nosuch
  assert_failure 1
  assert_output --partial "Usage: split-law"
}

# The split law once more with each SIMD level the counter can be held to;
# a level the CPU or the build lacks falls back, which the summary tells.
split_law_with() {
  WC_SIMD=$1 split_law splits
  assert_success
  assert_output --partial "all equal"
  if [[ $output != *", $2 kernels"* ]]; then
    run "$KERNELS" levels
    [[ $output != *" $2"* ]] || fail "WC_SIMD=$1 did not select $2"
    skip "$2 kernels not available here"
  fi
}

@test "split law: WC_SIMD=off holds the portable kernels to the law" {
  split_law_with off portable
}

@test "split law: WC_SIMD=sse2 holds the SSE2 kernels to the law" {
  split_law_with sse2 sse2
}

@test "split law: WC_SIMD=avx2 holds the AVX2 kernels to the law" {
  split_law_with avx2 avx2
}

@test "split law: WC_SIMD=avx512 holds the AVX-512 kernels to the law" {
  split_law_with avx512 avx512
}

@test "split law: an unknown WC_SIMD value is ignored: the best level runs" {
  run "$KERNELS" levels
  assert_success
  local best
  best=$(printf '%s\n' "$output" | sed 's/ (.*//; s/.* //')
  WC_SIMD=avx1024 split_law splits
  assert_success
  assert_output --partial ", $best kernels"
}
