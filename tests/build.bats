#!/usr/bin/env bats
# build.bats: the suites compare the wc just built with the system's.
load test_helper

@test "the wc under test is the one just built" {
  run command -v wc
  assert_success
  assert_output "$WC_BUILT"
  [ "$SYS_WC" != "$WC_BUILT" ]
}

@test "the system wc is GNU coreutils 9.1, the oracle" {
  run sys_wc --version
  assert_success
  assert_line --index 0 "wc (GNU coreutils) 9.1"
}
