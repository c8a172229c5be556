# test_helper.bash: loaded by every suite: assertion libraries, the two wc
# programs under comparison, and a per-test scratch directory.

bats_load_library bats-support
bats_load_library bats-assert

# Set by `make check`; the fallbacks serve a suite run by hand.
: "${SYS_WC:=/usr/bin/wc}"
: "${WC_BUILT:=$(command -v wc)}"

# Sanitizer builds (README-hacking): AddressSanitizer would refuse to start
# behind the fault shim that faults.bats preloads (its runtime must come
# first), and LeakSanitizer cannot run under ptrace, so wc runs under strace
# without leak checks.  Other programs ignore these settings.
export ASAN_OPTIONS="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
strace() {
  ASAN_OPTIONS="detect_leaks=0:$ASAN_OPTIONS" command strace "$@"
}

# Skip the test unless strace is installed and may trace here (ptrace is
# often refused in containers).
need_strace() {
  command -v strace > /dev/null || skip "strace is missing"
  strace -o /dev/null -e trace=none true 2> /dev/null || skip "strace cannot trace here"
}

# Every way of reading that must give the system wc's output.
STRATEGIES="default scanner upfront buffering mmap mmap2"

# Both programs run as "wc", so that diagnostics carry the same prefix.
sys_wc() { (exec -a wc "$SYS_WC" "$@"); }
our_wc() { (exec -a wc "$WC_BUILT" "$@"); }

# The options that select STRATEGY (nothing for the default).
strategy_opts() {
  [ "$1" = default ] || printf '%s\n' "--strategy=$1"
}

setup() {
  cd "$BATS_TEST_TMPDIR" || return 1
}
