#!/usr/bin/env bats
# build.bats: the suites compare the wc just built with the system's, which
# must be GNU wc following the same rule set (GNU 9.1 or 9.7 rules).
load test_helper

@test "the wc under test is the one just built" {
  run command -v wc
  assert_success
  assert_output "$WC_BUILT"
  [ "$SYS_WC" != "$WC_BUILT" ]
}

@test "the system wc is GNU coreutils, the oracle" {
  run sys_wc --version
  assert_success
  assert_line --index 0 --regexp '^wc \(GNU coreutils\) [0-9]+\.[0-9]+$'
  run system_rules
  assert_success
  assert_output --regexp '^9\.(1|7)$'
}

@test "the wc under test follows a rule set it names" {
  run our_rules
  assert_success
  assert_output --regexp '^9\.(1|7)$'
}

# configure's default (auto) takes the system wc's rule set; an explicit
# --with-gnu-compat=VERSION is the builder's choice, which the conformance
# suites check against that release's own oracle.
@test "by default the wc under test follows the system wc's rule set" {
  local config=
  [ -z "${TOP_BUILDDIR-}" ] || config=$("$TOP_BUILDDIR/config.status" --config 2> /dev/null) || true
  if [[ $config =~ --with-gnu-compat=(9\.[0-9]+) ]]; then
    skip "configured with --with-gnu-compat=${BASH_REMATCH[1]}"
  fi
  local ours theirs
  ours=$(our_rules)
  theirs=$(system_rules)
  [ "$ours" = "$theirs" ] || {
    echo "system wc: $(sys_wc --version | sed 1q) (GNU $theirs rules)"
    echo "this wc: GNU $ours rules"
    return 1
  }
}
