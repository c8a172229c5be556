#!/usr/bin/env bats
# kernels.bats: runs the block kernels' unit test (tests/kernels.c): the
# shared word and width steps, each SIMD level's classifier, and every level
# the CPU runs against the byte loop, through the counter and up to an
# unreadable page, in C, C.UTF-8 and (when one can be generated) Latin-1.

load test_helper

kernels() {
  if [ -z "${KERNELS-}" ] || [ ! -x "$KERNELS" ]; then
    echo "KERNELS must name the built tests/kernels program"
    return 1
  fi
  run "$KERNELS" "$@"
}

@test "kernels: word and width steps match the byte loop on every short string at every bit" {
  kernels steps
  assert_success
  assert_output --partial "words: strings up to 12 bytes"
  assert_output --partial "all equal"
}

@test "kernels: each level's classifier gives the locale's classes for every byte" {
  kernels bytes
  assert_success
  assert_output --partial "all equal"
}

@test "kernels: every level matches the byte loop at every length and alignment, both rule sets" {
  kernels blocks
  assert_success
  assert_output --partial "in 6 tables, all equal"
}

@test "kernels: the counter gives the same counts with each level, every set of counts" {
  kernels counter
  assert_success
  assert_output --partial "all equal"
}

@test "kernels: no kernel reads past a span that ends before an unreadable page" {
  kernels guard
  assert_success
  assert_output --partial "all equal"
}

@test "kernels: a Latin-1 locale (mixed classes above 0x80) matches the byte loop" {
  command -v localedef >/dev/null || skip "localedef is not installed"
  mkdir locales
  localedef -i en_US -f ISO-8859-1 locales/en_US.ISO-8859-1 \
    || skip "cannot generate en_US.ISO-8859-1"
  LOCPATH=$PWD/locales kernels locale=en_US.ISO-8859-1 blocks counter guard
  assert_success
  assert_output --partial "in 7 tables, all equal"
  assert_output --partial "every set of wanted counts, all equal"
}

# The program finds the levels with the compiler's CPU check; /proc/cpuinfo
# is a second opinion, so a level lost by the detection cannot pass unseen.
@test "kernels: every level the CPU has is compared" {
  kernels levels
  assert_success
  assert_output --regexp '^kernels: levels: portable'
  local flags level
  flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null) || skip "no /proc/cpuinfo"
  for level in sse2 avx2; do
    case " $flags " in *" $level "*) ;; *) continue ;; esac
    case $output in
      *"($level not built)"*) echo "# $level is not built" >&3 ;;
      *) [[ $output =~ ^kernels:\ levels:\ [a-z0-9\ ]*\ $level ]] ;;
    esac
  done
}

@test "kernels: an unknown part is a usage error" {
  kernels nosuch
  assert_failure 1
  assert_output --partial "Usage: kernels"
}
