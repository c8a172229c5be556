# test_helper.bash: loaded by every suite: assertion libraries, the two wc
# programs under comparison, and a per-test scratch directory.

# bats loads this file once per test, and the libraries' own load.bash runs
# dirname once per file it sources: fifteen processes a test, which cost
# more than most tests where starting a process costs milliseconds.  Their
# files hold only function definitions, so they are sourced here directly;
# a library laid out otherwise is loaded the usual way.
load_bats_library() {
  local IFS=: dir file
  for dir in ${BATS_LIB_PATH:-/usr/lib/bats}; do
    if [ -f "$dir/$1/load.bash" ] && [ -d "$dir/$1/src" ]; then
      for file in "$dir/$1"/src/*.bash; do
        # shellcheck disable=SC1090 # a library's file
        source "$file" || return 1
      done
      return 0
    fi
  done
  bats_load_library "$1"
}
load_bats_library bats-support
load_bats_library bats-assert

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

# Rule sets are named after the GNU release whose observable behaviour they
# follow (SPEC §6): "9.1", and "9.7" for what coreutils 9.5 changed (the word
# rule, 0xA0 and U+2028/U+2029 as separators, a read error's message after its
# count line, `wc -c` leaving the offset at the end, saturating totals,
# --debug once per process).  A test whose expected output differs between
# the sets takes it from the system wc, whose set the build follows by
# default (build.bats checks that); one that writes it down branches on
# our_rules, and one that asserts what the system wc does on system_rules.

# The rule set of the wc under test: its --version names it ("... GNU wc 9.7
# rules ..."); a build that names none follows 9.1.
our_rules() {
  local version
  version=$(our_wc --version 2> /dev/null) || true
  if [[ $version =~ GNU\ wc\ ([0-9]+\.[0-9]+)\ rules ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  else
    printf '9.1\n'
  fi
}

# The rule set of the system wc: 9.1 for GNU coreutils up to 9.4, 9.7 from
# 9.5 on, as configure's --with-gnu-compat=auto chooses (9.3 and 9.4 already
# have 9.7's -c offset and saturating totals, but 9.1's word rule).  Fails
# (prints nothing) when the system wc is not GNU's.
system_rules() {
  local first
  first=$(LC_ALL=C sys_wc --version 2> /dev/null | sed 1q)
  [[ $first =~ ^wc\ \(GNU\ coreutils\)\ ([0-9]+)\.([0-9]+) ]] || return 1
  local major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  if ((major > 9 || (major == 9 && minor >= 5))); then
    printf '9.7\n'
  else
    printf '9.1\n'
  fi
}

# The options that select STRATEGY (nothing for the default).
strategy_opts() {
  [ "$1" = default ] || printf '%s\n' "--strategy=$1"
}

setup() {
  cd "$BATS_TEST_TMPDIR" || return 1
}
