#!/usr/bin/env bats
# rules.bats: the two rule sets (--gnu-compat=9.1 and 9.7), one test per rule that differs.
# Each rule is checked twice: under the system wc's own rules against the system wc run the
# same way, and under both sets against the outputs GNU wc 9.1 and 9.7 are documented to
# print (GNU's NEWS for 9.3 and 9.5, and the man page's RULE SETS, which lists them).
# The conformance suites check the word rules on the whole corpus against each release.

load test_helper
load fixtures

# In a snippet: the option that makes our wc follow the system wc's rules (nothing for
# the system wc itself).
GC() {
  [ "$WC_IMPL" = sys ] || printf -- '--gnu-compat=%s\n' "$(system_rules)"
}

# ours SET SNIPPET: run SNIPPET with our wc under rule set SET into $CAP/one.*.
ours() {
  run_case ours default "WC() { our_wc --gnu-compat=$1 \"\$@\"; }; $2" one
}

# expect SET SNIPPET STDOUT STDERR STATUS
expect() {
  ours "$1" "$2"
  local out err rc bad=0
  out=$(cat "$CAP/one.out"; echo .) err=$(cat "$CAP/one.err"; echo .)
  rc=$(cat "$CAP/one.rc")
  [ "${out%.}" = "$3" ] || { printf 'GNU %s rules, %s: stdout\n%s\nexpected\n%s\n' "$1" "$2" "${out%.}" "$3"; bad=1; }
  [ "${err%.}" = "$4" ] || { printf 'GNU %s rules, %s: stderr\n%s\nexpected\n%s\n' "$1" "$2" "${err%.}" "$4"; bad=1; }
  [ "$rc" = "$5" ] || { printf 'GNU %s rules, %s: status %s, expected %s\n' "$1" "$2" "$rc" "$5"; bad=1; }
  return "$bad"
}

@test "rules: words: controls, NUL, high bytes and encoding errors" {
  local bad=0
  same_as_sys 'printf "a \001 b \000 \377" | WC $(GC) -w' default || bad=1
  same_as_sys 'printf "x \377 \342\202" | LC_ALL=C.UTF-8 WC $(GC) -wm' default || bad=1
  same_as_sys 'printf "\001\n\177 \200" | WC $(GC)' default || bad=1
  expect 9.1 'printf "a \001 b \000 \377" | WC -w' $'2\n' '' 0 || bad=1
  expect 9.7 'printf "a \001 b \000 \377" | WC -w' $'5\n' '' 0 || bad=1
  expect 9.1 'printf "x \377 \342\202" | LC_ALL=C.UTF-8 WC -wm' $'      1       3\n' '' 0 || bad=1
  expect 9.7 'printf "x \377 \342\202" | LC_ALL=C.UTF-8 WC -wm' $'      3       3\n' '' 0 || bad=1
  return "$bad"
}

@test "rules: white space: 0xA0 in C, U+2028 in UTF-8, POSIXLY_CORRECT" {
  local bad=0
  same_as_sys 'printf "a\240b" | WC $(GC) -w' default || bad=1
  same_as_sys 'printf "a\240b" | POSIXLY_CORRECT=1 WC $(GC) -w' default || bad=1
  same_as_sys 'printf "a\342\200\250b" | LC_ALL=C.UTF-8 WC $(GC) -w' default || bad=1
  expect 9.1 'printf "a\240b" | WC -w' $'1\n' '' 0 || bad=1
  expect 9.7 'printf "a\240b" | WC -w' $'2\n' '' 0 || bad=1
  expect 9.7 'printf "a\240b" | POSIXLY_CORRECT=1 WC -w' $'1\n' '' 0 || bad=1
  expect 9.1 'printf "a\342\200\250b" | LC_ALL=C.UTF-8 WC -w' $'1\n' '' 0 || bad=1
  expect 9.7 'printf "a\342\200\250b" | LC_ALL=C.UTF-8 WC -w' $'2\n' '' 0 || bad=1
  return "$bad"
}

@test "rules: a read error's message comes before (9.1) or after (9.7) its count line" {
  local bad=0
  same_as_sys 'WC $(GC) d f1' || bad=1
  same_as_sys 'WC $(GC) -l f1 d' || bad=1
  local d=$'      0       0       0 d\n' msg=$'wc: d: Is a directory\n'
  local rest=$'      1       2      12 f1\n      1       2      12 total\n'
  # Both streams in one file show the order.
  expect 9.1 'WC d f1 2>&1' "$msg$d$rest" '' 1 || bad=1
  expect 9.7 'WC d f1 2>&1' "$d$msg$rest" '' 1 || bad=1
  return "$bad"
}

@test "rules: -c on standard input leaves the offset (9.1) or moves it to the end (9.7)" {
  local bad=0
  same_as_sys '{ WC $(GC) -c; WC $(GC) -c; } < f1' default || bad=1
  same_as_sys 'WC $(GC) -c - - < f2' || bad=1
  expect 9.1 '{ WC -c; WC -c; } < f1' $'12\n12\n' '' 0 || bad=1
  expect 9.7 '{ WC -c; WC -c; } < f1' $'12\n0\n' '' 0 || bad=1
  expect 9.1 'WC -c - - < f2' $' 8 -\n 8 -\n16 total\n' '' 0 || bad=1
  expect 9.7 'WC -c - - < f2' $' 8 -\n 0 -\n 8 total\n' '' 0 || bad=1
  return "$bad"
}

@test "rules: --debug names the line kernel for each input (9.1) or once (9.7)" {
  local bad=0
  same_as_sys 'WC $(GC) -l --debug f1 f2' default || bad=1
  # The kernel's line is whatever it is here; a set other than the build's default is
  # named first.
  local kernel default set named
  kernel=$(our_wc -l --debug f1 2>&1 >/dev/null)
  [ -n "$kernel" ]
  default=$(our_wc --version | sed -n 's/^Follows GNU wc \([0-9.]*\) rules.*/\1/p')
  [ -n "$default" ]
  for set in 9.1 9.7; do
    named=
    [ "$set" = "$default" ] || named="wc: following GNU wc $set rules"$'\n'
    if [ "$set" = 9.1 ]; then
      expect 9.1 'WC -l --debug f1 f2' $' 1 f1\n 2 f2\n 3 total\n' \
        "$named$kernel"$'\n'"$kernel"$'\n' 0 || bad=1
    else
      expect 9.7 'WC -l --debug f1 f2' $' 1 f1\n 2 f2\n 3 total\n' \
        "$named$kernel"$'\n' 0 || bad=1
    fi
  done
  return "$bad"
}

@test "rules: totals past 2^64-1 wrap (9.1) or saturate with a message and status 1 (9.7)" {
  # Five operands of a sparse file of 2^62-1 bytes: -c takes their sizes, so nothing is read.
  local big=/dev/shm/wc-rules-$$
  truncate -s 4611686018427387903 "$big" 2>/dev/null ||
    skip "no file system here takes a sparse file of 2^62-1 bytes"
  local bad=0 args="-c $big $big $big $big $big"
  same_as_sys "WC \$(GC) $args" default || bad=1
  local each=4611686018427387903 i lines91= lines97=
  for i in 1 2 3 4 5; do
    lines91+="$each $big"$'\n'
    lines97+=" $each $big"$'\n'
  done
  expect 9.1 "WC $args" "$lines91"$'4611686018427387899 total\n' '' 0 || bad=1
  expect 9.7 "WC $args" "$lines97"$'18446744073709551615 total\n' \
    $'wc: total bytes: Value too large for defined data type\n' 1 || bad=1
  expect 9.7 "WC --total=only $args" $'18446744073709551615\n' \
    $'wc: total bytes: Value too large for defined data type\n' 1 || bad=1
  rm -f "$big"
  return "$bad"
}

@test "rules: diagnostics name the program by argv[0] (9.1) or its last part (9.7)" {
  local bad=0
  same_as_sys '(exec -a foo/bar "$(wc_bin)" $(GC) nosuch)' default || bad=1
  same_as_sys '(exec -a foo/bar "$(wc_bin)" $(GC) --files0-from=nosuch)' default || bad=1
  expect 9.1 '(exec -a foo/bar "$WC_BUILT" --gnu-compat=9.1 nosuch f1)' \
    $' 1  2 12 f1\n 1  2 12 total\n' \
    $'foo/bar: nosuch: No such file or directory\n' 1 || bad=1
  expect 9.7 '(exec -a foo/bar "$WC_BUILT" --gnu-compat=9.7 nosuch f1)' \
    $' 1  2 12 f1\n 1  2 12 total\n' \
    $'bar: nosuch: No such file or directory\n' 1 || bad=1
  # getopt's messages and the Try line keep the whole of argv[0].
  expect 9.7 '(exec -a foo/bar "$WC_BUILT" --gnu-compat=9.7 --bogus)' '' \
    $'foo/bar: unrecognized option \'--bogus\'\nTry \'foo/bar --help\' for more information.\n' 1 ||
    bad=1
  return "$bad"
}

@test "rules: a character cut by GNU 9.7's 256 KiB reads is counted whole" {
  # GNU wc 9.5 to 9.11 decode the last bytes of a character that one of their reads cuts
  # again, as encoding errors, which makes a word after a cut white-space character (the
  # man page lists this difference).  9.1 does not, and the word rule is the same for
  # this input under both sets: an ideographic space (U+3000) across the cut, then a
  # newline, is one word.
  { head -c 262142 /dev/zero | tr '\0' a; printf '\343\200\200\n'; } > cut
  local bad=0
  expect 9.1 'LC_ALL=C.UTF-8 WC cut' $'     1      1 262146 cut\n' '' 0 || bad=1
  expect 9.7 'LC_ALL=C.UTF-8 WC cut' $'     1      1 262146 cut\n' '' 0 || bad=1
  if [ "$(system_rules)" = 9.1 ]; then
    same_as_sys 'LC_ALL=C.UTF-8 WC $(GC) cut' default || bad=1
  fi
  return "$bad"
}
