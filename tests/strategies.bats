#!/usr/bin/env bats
# strategies.bats: what is particular to each way of reading (--strategy):
# inputs a strategy cannot map or size (empty files, /proc, /sys, pipes),
# inputs that start at a non-zero offset, sizes past 32 bits, a line far
# larger than any buffer, a file truncated while mapped, address-space limits,
# the parsing of strategy names, and the portable kernels.  The system wc is
# the oracle wherever it can be; elsewhere the expected result is the one the
# project's CLI contract states, and each such test says so.

load test_helper
load fixtures
load truncate-helper

# The address-space limit (KiB) under which the whole-input strategies must
# fail cleanly: well below the size of the long-line file.
VM_LIMIT_KIB=200000

setup_file() {
  fixtures_setup_file
  local fx=$BATS_FILE_TMPDIR/fx big=$BATS_FILE_TMPDIR/big
  # A text file whose size is not a page multiple, and one that is (16 KiB),
  # both several pages long so that offsets can land inside any page.
  seq -f 'line %g: a few words to count' 1 1000 > "$fx/text"
  printf 'an unfinished last line' >> "$fx/text"
  yes 'the quick brown fox jumps' | head -c 16384 > "$fx/page"
  # Files for the portable-kernel test: newlines dense, sparse and absent, at
  # lengths around the vector widths.
  local n
  for n in 0 1 31 32 33 63 64 65 127 128 129 1000 4095 4096 4097 65537; do
    yes '' | head -c "$n" > "$fx/nl-$n"
    yes 'abcdefghijklmnopqrstuvwxyz0123456789' | head -c "$n" > "$fx/words-$n"
    head -c "$n" /dev/zero | tr '\0' x > "$fx/none-$n"
  done

  mkdir -p "$big"
  printf 'a b\nc d e\n\nf\n' > "$big/small"
  # One line of 300 MiB, no newline.
  head -c 300M /dev/zero | tr '\0' a > "$big/line"
  # Past 4 GiB, holes except for one newline every 512 MiB (so the longest
  # line stays bounded), and a size that is not a page multiple.
  truncate -s $((4200 * 1048576 + 123)) "$big/sparse"
  put_newlines "$big/sparse" 0 512 4200
  # The same size class, a page multiple: the -c shortcut reads its tail.
  truncate -s 4200M "$big/sparse-page"
}

teardown_file() {
  rm -rf "$BATS_FILE_TMPDIR/big"
}

setup() {
  fixtures_setup
  BIG=$BATS_FILE_TMPDIR/big
}

# same_as_sys_cached KEY SNIPPET STRATEGY: like same_as_sys for one strategy,
# but the system wc's result is kept for the other tests of this file (for
# snippets that read gigabytes).
same_as_sys_cached() {
  local key=$1 snippet=$2 strategy=$3 cache=$BATS_FILE_TMPDIR/cache s
  mkdir -p "$cache"
  if [ ! -e "$cache/$key.rc" ]; then
    run_case sys default "$snippet" "$key"
    for s in out err rc; do cp "$CAP/$key.$s" "$cache/$key.$s"; done
  fi
  for s in out err rc; do cp "$cache/$key.$s" "$CAP/sys.$s"; done
  run_case ours "$strategy" "$snippet" "$strategy"
  compare_capture sys "$strategy" "strategy $strategy: $snippet"
}

# ---------------------------------------------------------------------------
# Inputs that cannot be mapped or sized

@test "empty file: 0 0 0 under every strategy, as operand and as stdin" {
  : > empty
  expect_result 'WC empty' $'0 0 0 empty\n' "" 0
  same_as_sys ': > e; WC e; WC -c e; WC -l e; WC -L e; WC -lwmcL e; WC < e;
    WC -c < e; WC - e < e'
}

@test "/proc/version as operand and as stdin, every strategy" {
  [ -r /proc/version ] || skip "no /proc/version"
  same_as_sys 'WC /proc/version; WC -c /proc/version; WC -l /proc/version;
    WC -L /proc/version; WC -lwcL /proc/version f1'
  same_as_sys 'WC < /proc/version; WC -c < /proc/version; WC -l < /proc/version;
    WC -c - < /proc/version'
}

@test "/proc/cpuinfo (lines and words), every strategy" {
  [ -r /proc/cpuinfo ] || skip "no /proc/cpuinfo"
  # Only counts that cannot change between two reads: the MHz figures may.
  same_as_sys 'WC -l /proc/cpuinfo; WC -lw /proc/cpuinfo; WC -w < /proc/cpuinfo'
}

@test "a /sys file (size 4096, shorter content), every strategy" {
  local f=/sys/kernel/mm/transparent_hugepage/enabled
  [ -r "$f" ] || skip "no $f"
  same_as_sys "WC $f; WC -c $f; WC -l $f; WC -L $f; WC < $f; WC -c < $f"
}

@test "a pipe into mmap and mmap2 is read instead (same output, used=stream)" {
  same_as_sys 'cat text | WC; cat text | WC -c; cat text | WC -lwcL - f1;
    printf "a\nb c" | WC -l; cat page | WC -L'
  local s
  for s in mmap mmap2; do
    run_case ours "$s" 'cat text | WC --stats -l' "$s"
    grep -q '^stats scope=file strategy='"$s"' used=stream ' "$CAP/$s.err" || {
      echo "strategy $s on a pipe: no used=stream in:"; cat "$CAP/$s.err"; false
    }
  done
}

@test "a FIFO operand under every strategy" {
  same_as_sys 'mkfifo ff; (cat text > ff &); WC ff f1; rm ff'
}

# ---------------------------------------------------------------------------
# Standard input that does not start at offset 0

# Each command prints its exit status too, so a snippet checks all of them.
@test "stdin at a non-page-aligned offset, every strategy" {
  local n
  for n in 1 100 4095 4097 5000 12345; do
    same_as_sys "for o in '' -l -w -c -L -lwcL; do
        (dd bs=1 skip=$n count=0 status=none; WC \$o) < text; echo \"rc=\$?\"
      done
      for o in '' -l -w -L -lwcL; do
        (dd bs=1 skip=$n count=0 status=none; WC \$o) < page; echo \"rc=\$?\"
      done"
  done
}

@test "stdin at a page-aligned offset, every strategy" {
  local n
  for n in 4096 8192 12288; do
    same_as_sys "for o in '' -l -w -c -L -lwcL; do
        (dd bs=1 skip=$n count=0 status=none; WC \$o) < text; echo \"rc=\$?\"
      done
      for o in '' -l -w -L -lwcL; do
        (dd bs=1 skip=$n count=0 status=none; WC \$o) < page; echo \"rc=\$?\"
      done"
  done
}

@test "stdin past the end of the file, every strategy" {
  same_as_sys 'for o in "" -l -c -L; do
      (dd bs=1 skip=100000 count=0 status=none; WC $o) < text; echo "rc=$?"
      (dd bs=1 skip=100000 count=0 status=none; WC $o) < page; echo "rc=$?"
    done'
}

# GNU 9.1 gets this one wrong (st_size - 2*offset, SPEC 5.5); the contract asks
# for the bytes really left, page file of 16384 bytes.
@test "-c from a nonzero offset in a page-multiple file: the true remaining size" {
  local n
  for n in 1 100 4096 4097 8192 16383; do
    expect_result "(dd bs=1 skip=$n count=0 status=none; WC -c) < page" \
      "$((16384 - n))"$'\n' "" 0
    expect_result "(dd bs=1 skip=$n count=0 status=none; WC -c -) < page" \
      "$((16384 - n)) -"$'\n' "" 0
  done
  expect_result "(dd bs=1 skip=20000 count=0 status=none; WC -c) < page" $'0\n' "" 0
}

@test "two counts of one stdin: the first leaves the offset at the end" {
  same_as_sys '{ WC -l; WC -l; } < text; { WC; WC; } < page; { WC -L; WC -w; } < text'
  same_as_sys 'WC - - < text; WC -l - - < page; WC -lwcL - - < text'
  # Under GNU 9.1 rules -c alone leaves the offset alone when the size is not
  # a page multiple, and reads the tail of a page-multiple file; from 9.3 on
  # it leaves the offset at the end (SPEC §6).  The system wc says which.
  same_as_sys '{ WC -c; WC -c; } < text; { WC -c; WC -l; } < text;
    { WC -l; WC -c; } < text; { WC -c; WC -c; } < page; { WC -c; WC -l; } < page;
    WC -c - - < text; WC -c - - < page'
  same_as_sys '(dd bs=1 skip=5000 count=0 status=none; WC -l; WC -l) < text;
    (dd bs=1 skip=4096 count=0 status=none; WC - -) < page'
}

# ---------------------------------------------------------------------------
# Big inputs

@test "one line of 300 MiB, -lwcL, every strategy" {
  cd "$BIG"
  same_as_sys 'WC -lwcL line; WC -L line small'
}

# From a pipe, upfront and buffering grow a buffer from malloc's into a
# 2 MiB-aligned mapping of their own, then move it with mremap: 10.9 MB
# takes the step and three moves.
@test "10.9 MB through a pipe, -lwcL, every strategy" {
  cd "$BIG"
  same_as_sys 'seq 1 1500000 | WC -lwcL; head -c 9000000 line | WC -lwcL'
}

@test "sparse file past 4 GiB: -c, every strategy" {
  cd "$BIG"
  same_as_sys 'WC -c sparse; WC -c sparse-page; WC -c < sparse; WC -c sparse small sparse-page;
    (dd bs=1 skip=4294967297 count=0 status=none; WC -c) < sparse'
}

sparse_lines() {
  cd "$BIG"
  same_as_sys_cached sparse-l 'WC -l sparse' "$1"
}

# Holding the whole input needs the memory: if this machine lacks it, the
# clean refusal is also acceptable (checked exactly).
sparse_lines_in_memory() {
  local s=$1 avail_kib
  avail_kib=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
  if [ "${avail_kib:-0}" -gt $((3 * 4400000)) ]; then
    sparse_lines "$s"
  else
    cd "$BIG"
    local what='too large to read up front'
    [ "$s" = upfront ] || what='too large to buffer'
    run_case ours "$s" 'WC -l sparse' "$s"
    if [ "$(cat "$CAP/$s.rc")" = 1 ]; then
      [ "$(cat "$CAP/$s.err")" = "wc: sparse: $what: Cannot allocate memory" ]
      grep -Eq '^[0-9]+ sparse$' "$CAP/$s.out"
    else
      sparse_lines "$s"
    fi
  fi
}

@test "sparse file past 4 GiB: -l, default" { sparse_lines default; }
@test "sparse file past 4 GiB: -l, scanner" { sparse_lines scanner; }
@test "sparse file past 4 GiB: -l, upfront" { sparse_lines_in_memory upfront; }
@test "sparse file past 4 GiB: -l, buffering" { sparse_lines_in_memory buffering; }
@test "sparse file past 4 GiB: -l, mmap" { sparse_lines mmap; }
@test "sparse file past 4 GiB: -l, mmap2" { sparse_lines mmap2; }

# mmap maps 1 GiB windows: starts just before, just after and on a newline
# past a window edge.  The strategies that hold the whole input are left out
# (gigabytes of memory each, and nothing about windows to test).
@test "stdin at offsets around the 1 GiB window edges of a file past 4 GiB" {
  cd "$BIG"
  local n
  for n in 1073741823 1073741825 2147484648; do
    same_as_sys "(dd bs=1 skip=$n count=0 status=none; WC -l) < sparse" default mmap mmap2
  done
  same_as_sys '(dd bs=1 skip=3000000000 count=0 status=none; WC -c) < sparse;
    (dd bs=1 skip=3000000000 count=0 status=none; WC -lc) < sparse' mmap
}

# ---------------------------------------------------------------------------
# A file truncated while mapped: no SIGBUS death; the contract's message, the
# partial count line, the next operand counted, exit 1.

# truncated_while_mapped STRATEGY NEW_SIZE [DELAY]: see truncation_race.
truncated_while_mapped() {
  local strategy=$1 new_size=$2 delay=${3:-0} width expect_small partial
  cd "$BATS_TEST_TMPDIR"
  printf 'a b\nc d e\n\nf\n' > small
  truncation_race "$strategy" "$new_size" "$delay"
  echo "status $RACE_STATUS; stdout:"; cat race.out; echo "stderr:"; cat race.err
  [ "$RACE_STATUS" = 1 ]
  [ "$(cat race.err)" = "wc: big: file truncated while being read" ]
  # Width: the digits of the sizes of both operands at the start (SPEC 3).
  width=$((RACE_BIG_SIZE + $(stat -c %s small)))
  width=${#width}
  expect_small=$(printf '%*s small' "$width" "$(sys_wc -l < small)")
  [ "$(sys_wc -l < race.out)" = 3 ]
  [ "$(sed -n 2p race.out)" = "$expect_small" ]
  # The partial count: newlines seen before the shrink (at most the 16 put
  # in the first GiB), padded like the others.
  partial=$(sed -n 1p race.out)
  [[ $partial =~ ^\ *([0-9]+)\ big$ ]]
  [ "${#partial}" = $((width + 4)) ]
  partial=${BASH_REMATCH[1]}
  [ "$partial" -le 16 ]
  [ "$(sed -n 3p race.out)" = \
    "$(printf '%*s total' "$width" $((partial + $(sys_wc -l < small))))" ]
}

@test "truncated to 1 byte 0.3 s into the count: mmap" { truncated_while_mapped mmap 1 0.3; }
@test "truncated to 1 byte 0.3 s into the count: mmap2" { truncated_while_mapped mmap2 1 0.3; }
@test "truncated to 0 bytes at the first window: mmap" { truncated_while_mapped mmap 0; }
@test "truncated to 0 bytes at the first window: mmap2" { truncated_while_mapped mmap2 0; }

# Bytes appended while a mmap strategy runs are not counted: it counts the
# file as fstat saw it (RELIABILITY 27).  big: 16 newlines in its first GiB
# of 3 GiB; the appended lines must not show.
appended_while_mapped() {
  local strategy=$1 pid alive
  cd "$BATS_TEST_TMPDIR"
  truncate -s 3G big
  put_newlines big 0 64 1024
  (exec -a wc "$WC_BUILT" --strategy="$strategy" -l big) > grow.out 2> grow.err &
  pid=$!
  wait_until_mapped "$pid" "$PWD/big"
  yes | head -n 1000 >> big
  alive=0
  kill -0 "$pid" 2> /dev/null && alive=1
  wait "$pid"
  rm -f big
  [ "$alive" = 1 ] || skip "wc ended before the append"
  [ "$(cat grow.out)" = "16 big" ]
  [ ! -s grow.err ]
}

@test "lines appended while mapped are not counted: mmap" { appended_while_mapped mmap; }
@test "lines appended while mapped are not counted: mmap2" { appended_while_mapped mmap2; }

# ---------------------------------------------------------------------------
# Address-space limits (ulimit -v, about 200 MB) with the 300 MiB line:
# nothing may crash or be killed.

# limited STRATEGY ARGS...: our wc under the limit; sets LIM_STATUS, leaves
# lim.out and lim.err in the current directory.
limited() {
  local s=$1
  shift
  LIM_STATUS=0
  (ulimit -v "$VM_LIMIT_KIB" && exec -a wc "$WC_BUILT" $(strategy_opts "$s") "$@") \
    > lim.out 2> lim.err || LIM_STATUS=$?
  echo "strategy $s, status $LIM_STATUS; stdout:"; cat lim.out; echo "stderr:"; cat lim.err
}

# sys_line_small: sets sys_out to what the system wc prints for `-lwcL line small`
# (in $BIG).  That counts 300 MiB the slow way (-L), so it runs once per suite.
sys_line_small() {
  local cache=$BATS_FILE_TMPDIR/sys-lwcL-line-small
  if [ ! -e "$cache" ]; then
    sys_wc -lwcL line small > "$cache.tmp" && mv "$cache.tmp" "$cache" || return 1
  fi
  sys_out=$(< "$cache")
}

limit_works() {
  (ulimit -v "$VM_LIMIT_KIB" && exec "$WC_BUILT" /dev/null) > /dev/null 2>&1 ||
    skip "our wc cannot start under ulimit -v $VM_LIMIT_KIB"
}

# The outcome when STRATEGY may either manage or refuse with MESSAGE: the
# system wc's exact answer, or MESSAGE, a count line for `line` (partial
# counts, same width), the exact line for small, and a total line.
exact_or_refused() {
  local s=$1 message=$2 sys_out
  cd "$BIG"
  limit_works
  sys_line_small
  limited "$s" -lwcL line small
  if [ "$LIM_STATUS" = 0 ]; then
    [ "$(cat lim.out)" = "$sys_out" ]
    [ ! -s lim.err ]
  else
    [ "$LIM_STATUS" = 1 ]
    [ "$(cat lim.err)" = "wc: line: $message: Cannot allocate memory" ]
    [ "$(sys_wc -l < lim.out)" = 3 ]
    [[ $(sed -n 1p lim.out) =~ ^\ *[0-9]+\ +[0-9]+\ +[0-9]+\ +[0-9]+\ line$ ]]
    [ "$(sed -n 1p lim.out | sys_wc -c)" = "$(sed -n 1p <<< "$sys_out" | sys_wc -c)" ]
    [ "$(sed -n 2p lim.out)" = "$(sed -n 2p <<< "$sys_out")" ]
    [[ $(sed -n 3p lim.out) =~ ^\ *[0-9]+\ +[0-9]+\ +[0-9]+\ +[0-9]+\ total$ ]]
  fi
}

@test "ulimit -v: upfront on a file larger than the limit: exact, or refused cleanly" {
  exact_or_refused upfront 'too large to read up front'
}

@test "ulimit -v: buffering on a file larger than the limit: exact, or refused cleanly" {
  exact_or_refused buffering 'too large to buffer'
}

# A 300 MiB line cannot be held in 200 MB, so getline must fail: the error is
# certain, only the partial counts are free.
@test "ulimit -v: scanner on a line longer than the limit: 'line too long' error" {
  cd "$BIG"
  limit_works
  limited scanner -lwcL line small
  [ "$LIM_STATUS" = 1 ]
  [ "$(cat lim.err)" = "wc: line: line too long to hold in memory: Cannot allocate memory" ]
  local sys_out
  sys_line_small
  [ "$(sys_wc -l < lim.out)" = 3 ]
  [[ $(sed -n 1p lim.out) =~ ^\ *[0-9]+\ +[0-9]+\ +[0-9]+\ +[0-9]+\ line$ ]]
  [ "$(sed -n 2p lim.out)" = "$(sed -n 2p <<< "$sys_out")" ]
  [[ $(sed -n 3p lim.out) =~ ^\ *[0-9]+\ +[0-9]+\ +[0-9]+\ +[0-9]+\ total$ ]]
}

# The first window (the whole 300 MiB file) cannot be mapped under the limit;
# nothing has been mapped yet, so the strategy does not apply and the file is
# read the default way, in constant memory: the exact answer, no error.
@test "ulimit -v: mmap and mmap2 on a file larger than the limit fall back to reading" {
  cd "$BIG"
  limit_works
  local s sys_out
  sys_line_small
  for s in mmap mmap2; do
    limited "$s" -lwcL line small
    [ "$LIM_STATUS" = 0 ]
    [ "$(cat lim.out)" = "$sys_out" ]
    [ ! -s lim.err ]
    limited "$s" --stats -l line
    grep -q '^stats scope=file strategy='"$s"' used=stream .* maps=0 ' lim.err
  done
}

# The default reads in constant memory: the limit changes nothing.
@test "ulimit -v: the default strategy is exact under the limit" {
  cd "$BIG"
  limit_works
  local sys_out
  sys_line_small
  limited default -lwcL line small
  [ "$LIM_STATUS" = 0 ]
  [ "$(cat lim.out)" = "$sys_out" ]
  [ ! -s lim.err ]
}

# ---------------------------------------------------------------------------
# Strategy names

# The whole diagnostic of an unknown (KIND invalid) or ambiguous strategy NAME,
# with its final newline.
strategy_error() {
  argmatch_error "$1" "$2" --strategy scanner upfront buffering mmap mmap2
}

@test "unknown strategy names: argmatch diagnostic, exit 1, nothing on stdout" {
  local a
  for a in bogus MMAP mmap3 stream scanners; do
    expect_result "WC -p $a f1" "" "$(strategy_error invalid "$a")"$'\n' 1 default
    expect_result "WC --strategy=$a f1" "" "$(strategy_error invalid "$a")"$'\n' 1 default
  done
}

@test "ambiguous strategy names: argmatch diagnostic, exit 1, nothing on stdout" {
  local a
  for a in mm m ''; do
    expect_result "WC -p '$a' f1" "" "$(strategy_error ambiguous "$a")"$'\n' 1 default
  done
  expect_result "WC --strategy= f1" "" "$(strategy_error ambiguous '')"$'\n' 1 default
}

@test "a missing strategy argument: getopt diagnostic, exit 1" {
  local try=$'Try \'wc --help\' for more information.\n'
  expect_result "WC f1 -p" "" "wc: option requires an argument -- 'p'"$'\n'"$try" 1 default
  expect_result "WC f1 --strategy" "" \
    "wc: option '--strategy' requires an argument"$'\n'"$try" 1 default
}

# A prefix selects its strategy: the output is the system wc's, and --stats
# names the strategy that was chosen.
@test "unambiguous prefixes select their strategy" {
  local pair arg name
  for pair in "-psc scanner" "-pup upfront" "--strategy=buf buffering" \
    "--strategy=mmap mmap" "--strategy=mmap2 mmap2" "--strat=s scanner" \
    "-p mmap mmap" "--str=b buffering"; do
    arg=${pair% *} name=${pair##* }
    run_case ours default "WC $arg text f1" ours
    run_case sys default "WC text f1" sys
    compare_capture sys ours "$arg"
    run_case ours default "WC $arg --stats text 2>&1 >/dev/null" ours
    grep -q "^stats scope=file strategy=$name " "$CAP/ours.out" || {
      echo "$arg: not $name:"; cat "$CAP/ours.out"; false
    }
  done
}

# ---------------------------------------------------------------------------
# The portable kernels

@test "WC_SIMD=off: the same -l (and -lc) counts, every strategy" {
  same_as_sys 'export WC_SIMD=off; WC -l nl-* words-* none-* text page;
    WC -lc nl-* text; cat text | WC -l; WC -l < page'
}

@test "--debug names the avx2 kernel like the system wc (lines-only path)" {
  grep -qw avx2 /proc/cpuinfo || skip "no AVX2 on this CPU"
  unset WC_SIMD
  same_as_sys 'WC -l --debug f1 text; WC -lc --debug text - < f2; WC --debug -w f1'
}

# The portable kernel's wording is ours; what matters is that it does not
# claim the avx2 kernel, and that it comes as often as the system wc's line
# (once per input under GNU 9.1 rules, once per process from 9.5 on).
@test "WC_SIMD=off --debug does not claim avx2; counts unchanged" {
  local s
  run_case sys default 'WC -l --debug f1 text' sys
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC_SIMD=off WC -l --debug f1 text' "$s"
    cmp "$CAP/sys.out" "$CAP/$s.out"
    [ "$(cat "$CAP/$s.rc")" = 0 ]
    [ "$(grep -c . "$CAP/$s.err")" = "$(grep -c . "$CAP/sys.err")" ]
    ! grep -q 'using avx2' "$CAP/$s.err"
    ! grep -qv '^wc: ' "$CAP/$s.err"
  done
}

# ---------------------------------------------------------------------------
# A window that cannot be mapped midway

# A preloaded shim refuses the second large read-only file mapping, as the
# kernel would when address space runs out; the rest must be read instead.
@test "mmap, mmap2: a later window that cannot be mapped is read instead" {
  command -v cc > /dev/null || skip "no C compiler to build the mmap shim"
  cat > shim.c <<'SHIM'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/mman.h>
static int calls;
void *
mmap (void *a, size_t len, int prot, int flags, int fd, off_t off)
{
  void *(*real) (void *, size_t, int, int, int, off_t) = dlsym (RTLD_NEXT, "mmap");
  if (2 < fd && prot == PROT_READ && (flags & MAP_PRIVATE) && (1 << 20) <= len
      && ++calls == 2)
    {
      errno = ENOMEM;
      return MAP_FAILED;
    }
  return real (a, len, prot, flags, fd, off);
}
SHIM
  cc -shared -fPIC -o shim.so shim.c -ldl || skip "cannot build the mmap shim"
  # Two windows (1 GiB each at most), newlines in both, a last line after.
  truncate -s 1100M two
  put_newlines two 0 256 1100
  printf 'last words\n' >> two
  local want s
  want=$(sys_wc -lc two)
  for s in mmap mmap2; do
    run env LD_PRELOAD="$PWD/shim.so" "$WC_BUILT" -p "$s" -lc --stats two
    assert_success
    assert_line --index 0 "$want"
    assert_line --index 1 --regexp "^stats scope=file strategy=$s used=$s\\+stream .* maps=1 "
  done
}
