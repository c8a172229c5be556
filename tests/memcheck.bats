#!/usr/bin/env bats
# memcheck.bats: our wc under a memory checker, on runs that reach every strategy,
# kernel level and kind of locale, threads, pipes, name lists and the error paths.
# In an ordinary build the checker is valgrind's memcheck, which also sees reads of
# uninitialised memory (no sanitizer of GCC does); in a sanitizer build, where valgrind
# cannot run, it is LeakSanitizer, which CI turns off for the other suites (each check
# at exit costs several times the run: see README-hacking).  A run must leak nothing,
# draw no error, and print exactly what the system wc prints.

load test_helper
load fixtures

setup_file() {
  fixtures_setup_file
  local fx=$BATS_FILE_TMPDIR/fx i
  # Words in several scripts, wide and zero-width characters, no-break spaces,
  # invalid and cut sequences, tabs and controls.
  for i in $(seq 1 40); do
    printf 'line %d: h\303\251llo w\342\200\203rld \346\227\245\346\234\254 ' "$i"
    printf '\360\237\230\200 e\314\201 a\302\240b \377 \303\t x\001\n'
  done > "$fx/utf8"
  # Large enough to be cut into parts, and read in more than one block.
  for i in $(seq 1 12); do cat "$fx/utf8" "$fx/k1"; done > "$fx/part"
  for i in 1 2 3 4 5 6; do cat "$fx/part"; done > "$fx/big"
  printf 'utf8\0nosuch\0d\0f1\0big\0' > "$fx/list"
  BIN_DIR=$BATS_FILE_TMPDIR/bin
  mkdir -p "$BIN_DIR"
  ln -s "$WC_BUILT" "$BIN_DIR/wc"
  # Whether our wc was built with AddressSanitizer.
  SANITIZED=0
  grep -q -a __asan_init "$WC_BUILT" && SANITIZED=1
  export BIN_DIR SANITIZED
}

sanitized() {
  [ "$SANITIZED" = 1 ]
}

# checked_wc ARGS...: our wc as "wc", under the checker.  Valgrind's findings go to
# $CAP/memcheck.PID, and make the status 99 when they are errors or leaks.
checked_wc() {
  if sanitized; then
    (ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1" exec -a wc "$WC_BUILT" "$@")
  else
    PATH="$BIN_DIR:$PATH" valgrind -q --log-file="$CAP/memcheck.%p" --error-exitcode=99 \
      --leak-check=full --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect wc "$@"
  fi
}

# fixtures.bash's WC, with our wc under the checker, given the options of the
# snippet's OURS array too (those the system wc does not have).
WC() {
  local -a ours=("${OURS[@]}")
  [ "$WC_STRATEGY" = default ] || ours+=(--strategy="$WC_STRATEGY")
  if [ "$WC_IMPL" = sys ]; then
    sys_wc "$@"
  else
    checked_wc "${ours[@]}" "$@"
  fi
}

setup() {
  fixtures_setup
  if ! sanitized; then
    command -v valgrind > /dev/null || skip "valgrind is missing"
  fi
}

# Every finding the checker wrote; status 1 if any.
teardown() {
  local f found=0
  for f in "$CAP"/memcheck.*; do
    [ -s "$f" ] || continue
    found=1
    cat "$f"
  done
  [ "$found" = 0 ]
}

@test "memcheck: every strategy, every count, UTF-8 and C, files and a missing one" {
  same_as_sys 'LC_ALL=C.UTF-8 WC -lwmcL utf8 nosuch f2; WC -lwc utf8 d'
}

@test "memcheck: every strategy, from a pipe and from a redirected file" {
  same_as_sys 'cat utf8 | LC_ALL=C.UTF-8 WC; LC_ALL=C.UTF-8 WC -mL < big'
}

@test "memcheck: every kernel level" {
  local level bad=0
  for level in off sse2 avx2 avx512; do
    same_as_sys "export WC_SIMD=$level; LC_ALL=C.UTF-8 WC big; WC -l big" default || bad=1
  done
  return "$bad"
}

@test "memcheck: a file cut into parts, and many files, on threads" {
  same_as_sys 'export WC_THREADS_MIN_PART=1000; OURS=(--threads=3); LC_ALL=C.UTF-8 WC big;
    WC -lwcL big f1 f2 part; OURS=(--threads=2); WC -l - big < utf8' default mmap
}

@test "memcheck: names from a list file and from standard input" {
  same_as_sys 'WC --files0-from=list; LC_ALL=C.UTF-8 WC -m --files0-from=- < list' default
}

@test "memcheck: option errors, --help and --version" {
  same_as_sys 'WC -x; WC --files0-from=nosuch; WC --files0-from=list f1; WC --nosuch' default
  run checked_wc --help
  assert_success
  run checked_wc --version
  assert_success
}

@test "memcheck: the legacy multibyte locales" {
  [ -d "${WC_FUZZ_LOCPATH-}" ] || skip "make built no legacy locale"
  # (bash itself cannot load these locales, and would say so on stderr)
  same_as_sys "export LOCPATH='$WC_FUZZ_LOCPATH'; { export LC_ALL=ja_JP.SJIS; } 2> /dev/null
    WC -lwmcL utf8 big; { export LC_ALL=zh_CN.GB18030; } 2> /dev/null; WC -wL utf8" default
}

@test "memcheck: --stats and --debug, which the system wc cannot show" {
  run checked_wc --stats -p mmap big
  assert_success
  run checked_wc --debug -w big f1
  assert_success
}
