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

@test "split law: portable and AVX2 newline kernels agree and never over-read" {
  split_law kernels
  assert_success
  assert_output --partial "all equal"
}

@test "split law: an unknown part is a usage error" {
  split_law nosuch
  assert_failure 1
  assert_output --partial "Usage: split-law"
}
