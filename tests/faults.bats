#!/usr/bin/env bats
# faults.bats: faults injected into the system calls under every strategy:
# interrupted and short reads, a read error midway, a non-blocking empty
# stdin, a refused mapping, refused allocations, a file size limit on the
# output, a file truncated while it is read or mapped, a stray SIGBUS, and
# an unreadable --files0-from list.  tests/faultshim.c, preloaded into both
# programs, injects the faults, so the system wc is the oracle wherever it
# meets the same fault; where it cannot (it neither maps nor allocates per
# input), the expected result is the project's contract: a clear message,
# the exact counts of the bytes counted before the fault, the next operand
# counted, exit 1.  Write errors on /dev/full, a closed stdout and a closed
# pipe, EIO through strace, and the truncation races are in errors.bats
# and strategies.bats.

load test_helper
load fixtures
load truncate-helper

setup_file() {
  fixtures_setup_file
  local fx=$BATS_FILE_TMPDIR/fx big=$BATS_FILE_TMPDIR/big i
  # 6000 lines, about 190 KB: more than one 64 KiB chunk and than the
  # 100000-byte allocation limit below.
  seq -f 'line %g: some words to count' 1 6000 > "$fx/text"
  # Characters of 1 to 4 bytes, no-break spaces, a wide character, a tab,
  # and no final newline.
  for ((i = 0; i < 400; i++)); do
    printf 'caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87\xc2\xa0na\xc3\xafve \xf0\x9f\x98\x80\tx\n'
  done > "$fx/utf8"
  printf 'end \xe2\x82\xac' >> "$fx/utf8"
  # One line longer than the allocation limit.
  { head -c 200000 /dev/zero | tr '\0' a; printf '\nshort line\n'; } > "$fx/long"
  mkdir -p "$big"
  seq 1 600000 > "$big/big"          # 3.9 MB
}

teardown_file() {
  rm -rf "$BATS_FILE_TMPDIR/big"
}

setup() {
  fixtures_setup
  BIG=$BATS_FILE_TMPDIR/big
  if [ -z "${FAULTSHIM-}" ] || [ ! -f "$FAULTSHIM" ]; then
    echo "FAULTSHIM must name the built tests/faultshim.so (make check builds it)"
    return 1
  fi
  # A sanitizer build of our wc refuses a preloaded library when its runtime
  # is a shared one, and when it is linked in, its own read and mmap come
  # before the shim's: nothing to test then.
  LD_PRELOAD=$FAULTSHIM "$SYS_WC" -c /dev/null > /dev/null ||
    skip "the system wc does not start with the shim preloaded"
  LD_PRELOAD=$FAULTSHIM "$WC_BUILT" -c /dev/null > /dev/null 2>&1 ||
    skip "our wc does not start with the shim preloaded (sanitizer build?)"
  printf 'a probe\n' > "$T/probe"
  LD_PRELOAD=$FAULTSHIM FAULT_INPUT=$T/probe FAULT_READ=eintr \
    FAULT_LOG=$T/probe.log "$WC_BUILT" -l "$T/probe" > /dev/null 2>&1 || true
  # Elsewhere a shim that misses our wc's calls is a failure, which each
  # test's check of the faults met reports.
  if ! grep -qx 'read EINTR' "$T/probe.log" 2> /dev/null &&
    grep -q -a __asan_init "$WC_BUILT"; then
    skip "the shim's faults do not reach our wc (a sanitizer build)"
  fi
  rm -f "$T/probe" "$T/probe.log"
}

# In a snippet: FW SETTING... -- ARG...: the current wc (WC) with the shim
# preloaded and the FAULT_* SETTINGs; the kinds of fault it met are logged
# in $T/faults.IMPL.STRATEGY.
FW() {
  local settings=() s
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    s=$1
    # GNU wc 9.5 and later report a read that EINTR interrupts as an error;
    # this wc retries it, as 9.1 does: a system wc that gives up is shown
    # the read without the interruption, whose result is what ours must
    # print.
    if [ "$WC_IMPL" = sys ] && ! system_retries_eintr; then
      s=${s//,eintr/}
      [ "$s" != FAULT_READ=eintr ] || s=FAULT_READ=
    fi
    settings+=("$s")
    shift
  done
  shift
  (
    export "${settings[@]}" LD_PRELOAD="$FAULTSHIM" \
      FAULT_LOG="$T/faults.$WC_IMPL.$WC_STRATEGY"
    WC "$@"
  )
}

# Whether the system wc retries a read that EINTR interrupts (GNU 9.1 does).
system_retries_eintr() {
  [ "$(system_rules)" = 9.1 ]
}

# The runs whose fault logs show EINTR: the system wc's where it meets
# them, and ours under the strategies given.
eintr_runs() {
  if system_retries_eintr; then echo sys "$@"; else echo "$@"; fi
}

clear_faults() {
  rm -f "$T"/faults.*
}

fault_log() {
  if [ "$1" = sys ]; then
    printf '%s\n' "$T/faults.sys.default"
  else
    printf '%s\n' "$T/faults.ours.$1"
  fi
}

# injected KIND RUN...: each run (sys, or one of our strategies) met KIND, so
# that no test passes because its fault never happened.
injected() {
  local kind=$1 r
  shift
  for r; do
    grep -qx -- "$kind" "$(fault_log "$r")" 2> /dev/null || {
      echo "the $r run met no '$kind'"
      return 1
    }
  done
}

# not_injected RUN...: the runs met no fault at all.
not_injected() {
  local r
  for r; do
    [ ! -s "$(fault_log "$r")" ] || {
      echo "the $r run met: $(cat "$(fault_log "$r")")"
      return 1
    }
  done
}

# ---------------------------------------------------------------------------
# Interrupted and short reads: the exact counts

# eintr_everywhere STRATEGY...: files, stdin from a file and pipes, every
# read(2) interrupted once before it succeeds.
eintr_everywhere() {
  clear_faults
  same_as_sys 'FW FAULT_INPUT=text FAULT_READ=eintr -- text f1; echo "rc=$?"
    FW FAULT_INPUT=text FAULT_READ=eintr -- -l text
    FW FAULT_INPUT=text FAULT_READ=eintr -- -L - < text; echo "rc=$?"
    cat text | FW FAULT_INPUT=stdin FAULT_READ=eintr -- -lwmcL
    cat utf8 | LC_ALL=C.UTF-8 FW FAULT_INPUT=stdin FAULT_READ=eintr -- -lwmcL
    echo "rc=$?"' "$@"
  # shellcheck disable=SC2046
  injected "read EINTR" $(eintr_runs "$@")
}

@test "EINTR before every read: exact counts, no error: default, upfront, buffering, mmap, mmap2" {
  eintr_everywhere default upfront buffering mmap mmap2
}

# Kept apart: the scanner reports a retried EINTR as an error (getline's
# errno is read after an EOF that a retried read reached).
@test "EINTR before every read: exact counts, no error: scanner" {
  eintr_everywhere scanner
}

@test "reads of 1 to 7 bytes: exact counts, characters cut by every read, every strategy" {
  clear_faults
  same_as_sys 'export LC_ALL=C.UTF-8
    cat utf8 | FW FAULT_INPUT=stdin FAULT_READ=max=1 -- -lwmcL
    cat utf8 | FW FAULT_INPUT=stdin FAULT_READ=max=3,eintr -- -m
    cat text | LC_ALL=C FW FAULT_INPUT=stdin FAULT_READ=max=7 -- -lwcL'
  injected "read short" sys $STRATEGIES
  clear_faults
  same_as_sys 'LC_ALL=C.UTF-8 FW FAULT_INPUT=utf8 FAULT_READ=max=1 -- -lwmcL utf8 f1
    FW FAULT_INPUT=text FAULT_READ=max=2 -- -lc text' default scanner upfront buffering
  injected "read short" sys default scanner upfront buffering
}

# ---------------------------------------------------------------------------
# A read error midway

@test "EIO after N bytes: message, the counts of those bytes, next operand, exit 1" {
  local reading='default scanner upfront buffering' n
  for n in 0 1 5000 70000; do
    clear_faults
    same_as_sys "FW FAULT_INPUT=text FAULT_READ=eio-after=$n,max=4096 -- text f1
      echo \"rc=\$?\"
      FW FAULT_INPUT=text FAULT_READ=eio-after=$n,max=4096 -- -lwmcL text k1" $reading
    injected "read EIO" sys $reading
  done
  # In the middle of a character: the cut character is not counted.
  for n in 4 6 7 13; do
    clear_faults
    same_as_sys "LC_ALL=C.UTF-8 FW FAULT_INPUT=utf8 FAULT_READ=eio-after=$n -- -lwmcL utf8 f1
      echo \"rc=\$?\"" $reading
    injected "read EIO" sys $reading
  done
}

@test "EIO after N bytes of a pipe: the same under every strategy" {
  clear_faults
  same_as_sys 'cat text | FW FAULT_INPUT=stdin FAULT_READ=eio-after=5000,max=1000 -- - f1
    echo "rc=$?"
    cat utf8 | LC_ALL=C.UTF-8 FW FAULT_INPUT=stdin FAULT_READ=eio-after=4 -- -m'
  injected "read EIO" sys $STRATEGIES
}

# mmap and mmap2 count a regular file without read(2): a read fault cannot
# reach them, and they give the full counts (the system wc's without fault).
@test "mmap, mmap2: a read fault does not reach a mapped file" {
  local s
  run_case sys default 'WC -lwmcL text f1' want
  clear_faults
  for s in mmap mmap2; do
    run_case ours "$s" 'FW FAULT_INPUT=text FAULT_READ=eio-after=0 -- -lwmcL text f1' "$s"
    compare_capture want "$s" "strategy $s"
  done
  not_injected mmap mmap2
}

# ---------------------------------------------------------------------------
# A non-blocking standard input with nothing in it yet (RELIABILITY 45)

# nonblocking_stdin: $T/nb.pl PROGRAM ARGV0 ARG...: run PROGRAM on a pipe in
# O_NONBLOCK mode whose write end stays open (so a read gets EAGAIN, not
# EOF), after writing $PREFILL into it.
nonblocking_stdin() {
  cat > "$T/nb.pl" <<'PERL'
use Fcntl;
$^F = 255;    # keep the write end open across exec
pipe (my $r, my $w) or die "pipe: $!";
syswrite ($w, $ENV{PREFILL} // '') // die "write: $!";
my $flags = fcntl ($r, F_GETFL, 0) or die "getfl: $!";
fcntl ($r, F_SETFL, $flags | O_NONBLOCK) or die "setfl: $!";
open (STDIN, '<&', $r) or die "dup: $!";
close $r;
exec { $ARGV[0] } @ARGV[1 .. $#ARGV] or die "exec: $!";
PERL
}

@test "EAGAIN on an empty non-blocking stdin: message, zero counts, next operand, exit 1" {
  nonblocking_stdin
  same_as_sys 'perl "$T/nb.pl" "$(wc_bin)" wc $(wc_opts); echo "rc=$?"
    perl "$T/nb.pl" "$(wc_bin)" wc $(wc_opts) -c - f1; echo "rc=$?"
    perl "$T/nb.pl" "$(wc_bin)" wc $(wc_opts) -lwmcL; echo "rc=$?"'
  # The read really failed with EAGAIN (the message says so).
  grep -q "Resource temporarily unavailable" "$CAP/sys.err"
}

@test "EAGAIN after some bytes of a non-blocking stdin: their counts, then the message" {
  nonblocking_stdin
  same_as_sys 'export PREFILL="one two
three fo"
    perl "$T/nb.pl" "$(wc_bin)" wc $(wc_opts) - f1; echo "rc=$?"
    perl "$T/nb.pl" "$(wc_bin)" wc $(wc_opts) -lwmcL; echo "rc=$?"'
  grep -q "Resource temporarily unavailable" "$CAP/sys.err"
  grep -Eq '^ +1 +4 +16 -$' "$CAP/sys.out"
}

# ---------------------------------------------------------------------------
# A mapping refused

@test "mmap refused (ENOMEM, ENODEV, EACCES): mmap and mmap2 read instead, exact counts" {
  local e s
  for e in ENOMEM ENODEV EACCES; do
    clear_faults
    same_as_sys "FW FAULT_INPUT=text FAULT_MMAP=$e -- -lwmcL text f1
      LC_ALL=C.UTF-8 FW FAULT_INPUT=utf8 FAULT_MMAP=$e -- -lwmcL utf8
      (dd bs=1 skip=5000 count=0 status=none; FW FAULT_INPUT=stdin FAULT_MMAP=$e -- -lc) < text" \
      mmap mmap2
    injected "mmap refused" mmap mmap2
    not_injected sys
  done
  for s in mmap mmap2; do
    run_case ours "$s" 'FW FAULT_INPUT=text FAULT_MMAP=ENOMEM -- --stats -l text' "$s"
    grep -q "^stats scope=file strategy=$s used=stream .* maps=0 " "$CAP/$s.err" || {
      echo "strategy $s: no used=stream maps=0 in:"
      cat "$CAP/$s.err"
      false
    }
  done
}

# ---------------------------------------------------------------------------
# Allocations refused

# Above buffering's least need: its reads want room for a whole 64 KiB
# chunk, so even a 12-byte file makes it grow to 128 KiB to find the end.
LIMIT=150000

@test "a 150000-byte allocation limit: default, scanner, mmap, mmap2 need no more, exact counts" {
  clear_faults
  same_as_sys "FW FAULT_ALLOC_OVER=$LIMIT -- -lwmcL text utf8 f1
    LC_ALL=C.UTF-8 FW FAULT_ALLOC_OVER=$LIMIT -- -lwmcL utf8
    cat text | FW FAULT_ALLOC_OVER=$LIMIT -- -l" default scanner mmap mmap2
  # The system wc allocates nothing that large either.
  not_injected sys default
}

# refused_cleanly STRATEGY MESSAGE FILE [SETTING FAULT]: FILE and f1 counted
# by STRATEGY under the allocation limit (or under SETTING, which must
# cause FAULT).  FILE's line holds the exact counts of a prefix of FILE
# (those read before the refusal), then the message (with the errno text),
# f1's line, the total, exit 1; every line as wide as the system wc's.
refused_cleanly() {
  local s=$1 message=$2 file=$3 setting=${4-FAULT_ALLOC_OVER=$LIMIT}
  local fault=${5-alloc refused} sys_out line l w c
  clear_faults
  run_case ours "$s" "FW $setting -- -lwc $file f1" "$s"
  echo "strategy $s: status $(cat "$CAP/$s.rc"); stdout:"
  cat "$CAP/$s.out"
  echo "stderr:"
  cat "$CAP/$s.err"
  injected "$fault" "$s"
  [ "$(cat "$CAP/$s.rc")" = 1 ]
  [ "$(cat "$CAP/$s.err")" = "wc: $file: $message: Cannot allocate memory" ]
  sys_out=$(sys_wc -lwc "$file" f1)
  [ "$(sys_wc -l < "$CAP/$s.out")" = 3 ]
  line=$(sed -n 1p "$CAP/$s.out")
  [[ $line =~ ^\ *([0-9]+)\ +([0-9]+)\ +([0-9]+)\ $file$ ]]
  l=${BASH_REMATCH[1]} w=${BASH_REMATCH[2]} c=${BASH_REMATCH[3]}
  [ "${#line}" = "$(sed -n 1p <<< "$sys_out" | awk '{ print length }')" ]
  [ "$c" -lt "$(stat -c %s "$file")" ]
  [ "$(head -c "$c" "$file" | sys_wc -lwc | awk '{ print $1, $2, $3 }')" = "$l $w $c" ]
  [ "$(sed -n 2p "$CAP/$s.out")" = "$(sed -n 2p <<< "$sys_out")" ]
  sed -n 3p "$CAP/$s.out" | awk -v l=$((l + 1)) -v w=$((w + 2)) -v c=$((c + 12)) \
    '$1 == l && $2 == w && $3 == c && $4 == "total" { ok = 1 } END { exit !ok }'
}

@test "allocation refused: upfront says the file is too large to read up front" {
  refused_cleanly upfront 'too large to read up front' text
}

@test "allocation refused: buffering says the file is too large to buffer" {
  refused_cleanly buffering 'too large to buffer' text
}

# Buffers of 2 MiB and more are mapped, not allocated.  Under a 3 MB limit
# on mappings, buffering grows by malloc to 1 MiB and is refused its first
# mapping; upfront is refused at once (the file's size is 3.9 MB).
@test "mapping refused: buffering on a 3.9 MB file counts what it had, then the message" {
  cp "$BIG/big" big
  refused_cleanly buffering 'too large to buffer' big FAULT_MAP_OVER=3000000 'map refused'
}

@test "mapping refused: upfront on a 3.9 MB file says it is too large to read up front" {
  cp "$BIG/big" big
  refused_cleanly upfront 'too large to read up front' big FAULT_MAP_OVER=3000000 'map refused'
}

@test "allocation refused: scanner says a line is too long to hold in memory" {
  refused_cleanly scanner 'line too long to hold in memory' long
}

@test "allocation refused: mmap2 says a line is too long to hold in memory" {
  refused_cleanly mmap2 'line too long to hold in memory' long
}

# ---------------------------------------------------------------------------
# The output exceeds the file size limit (EFBIG, SIGXFSZ)

@test "output past ulimit -f: write error and exit 1 with SIGXFSZ ignored, death without" {
  local names
  names=$(printf 'f1 f2 k1 %.0s' {1..40})
  # The shell's report of the death by SIGXFSZ names its own line: hidden.
  same_as_sys "(trap '' XFSZ; ulimit -f 1; WC $names > out); echo \"rc=\$?\"; cat out
    (ulimit -f 1; WC $names > out) 2> /dev/null; echo \"rc=\$?\"; cat out"
  grep -q 'rc=153' "$CAP/sys.out"
  grep -q 'write error' "$CAP/sys.err"
}

# ---------------------------------------------------------------------------
# A file truncated while it is counted

@test "truncated while read (after 1 MB, to 1.5 MB, or to nothing): what was there, like the system wc" {
  cp "$BIG/big" .
  local reading='default scanner upfront buffering'
  clear_faults
  same_as_sys 'cp big bt; FW FAULT_INPUT=bt FAULT_READ=truncate-after=1000000:1500000,max=65536 -- -lwc bt f1
    echo "rc=$?"
    cp big bt; FW FAULT_INPUT=bt FAULT_READ=truncate-after=0:0 -- -lwc bt f1
    echo "rc=$?"
    cp big bt; FW FAULT_INPUT=stdin FAULT_READ=truncate-after=70000:100000,max=4096 -- -lwc < bt
    echo "rc=$?"' $reading
  injected truncate sys $reading
}

# truncated_when_mapped STRATEGY FILE SIZE[@K] OPTIONS: FILE (a copy of
# which is made first) truncated to SIZE once its (K-th) window is mapped:
# the message, the exact counts of a prefix of FILE, f1 counted, exit 1.
truncated_when_mapped() {
  local s=$1 file=$2 at=$3 opts=$4 line b prefix sys_f1
  clear_faults
  run_case ours "$s" "FW FAULT_INPUT=$file FAULT_MMAP=truncate=$at -- $opts $file f1" "$s"
  echo "strategy $s: status $(cat "$CAP/$s.rc"); stdout:"
  cat "$CAP/$s.out"
  echo "stderr:"
  cat "$CAP/$s.err"
  injected truncate "$s"
  [ "$(cat "$CAP/$s.rc")" = 1 ]
  [ "$(cat "$CAP/$s.err")" = "wc: $file: file truncated while being read" ]
  [ "$(sys_wc -l < "$CAP/$s.out")" = 3 ]
  line=$(sed -n 1p "$CAP/$s.out")
  [[ $line =~ ^\ *([0-9 ]+)\ $file$ ]]
  # The last number is the byte count: the counts of that many bytes of the
  # file as it was (a copy kept in $file.orig).
  b=$(awk '{ print $(NF - 1) }' <<< "$line")
  [ "$b" -le "${at%@*}" ]
  prefix=$(head -c "$b" "$file.orig" | sys_wc $opts | awk '{ $1 = $1; print }')
  [ "$(awk '{ NF--; $1 = $1; print }' <<< "$line")" = "$prefix" ]
  sys_f1=$(sys_wc $opts f1 | awk '{ $1 = $1; print }')
  [ "$(sed -n 2p "$CAP/$s.out" | awk '{ $1 = $1; print }')" = "$sys_f1" ]
  grep -q ' total$' <(sed -n 3p "$CAP/$s.out")
}

@test "truncated once mapped (to 1.5 MB of 3.9 MB): mmap, mmap2: message, prefix counts, next operand" {
  local s
  for s in mmap mmap2; do
    cp "$BIG/big" bt
    cp "$BIG/big" bt.orig
    truncated_when_mapped "$s" bt 1500000 -lwc
  done
}

# A file of two 1 GiB windows, truncated once the second is mapped, inside
# it: the first window's counts must survive.
@test "truncated once the second 1 GiB window is mapped: mmap, mmap2" {
  local s
  for s in mmap mmap2; do
    rm -f two two.orig
    truncate -s 1100M two
    put_newlines two 0 256 1100
    printf 'last words\n' >> two
    # Not a copy: the prefix that is checked is never cut off.
    ln two two.orig
    truncated_when_mapped "$s" two 1100000000@2 -lc
    rm -f two two.orig
  done
}

# RELIABILITY 28: the SIGBUS handler takes only faults inside its window; a
# SIGBUS sent by kill(2) must end the process as it would any program.
@test "a SIGBUS sent from outside while mapped is not taken for a truncation" {
  local s pid status
  truncate -s 16G huge
  # Lines of 64 MiB at most: mmap2 copies each one.
  put_newlines huge 0 64 1024
  for s in mmap mmap2; do
    (exec -a wc "$WC_BUILT" -p "$s" -l huge) > out 2> err &
    pid=$!
    if ! wait_until_mapped "$pid" "$PWD/huge"; then
      wait "$pid" || true
      skip "wc -p $s ended before it could be signalled"
    fi
    kill -BUS "$pid"
    status=0
    wait "$pid" || status=$?
    echo "strategy $s: status $status; stderr:"
    cat err
    [ "$status" = $((128 + $(kill -l BUS))) ]
    ! grep -q truncated err
  done
  rm -f huge
}

# ---------------------------------------------------------------------------
# Counts past 2^64 (RELIABILITY 30, SPEC 5.4): GNU wc 9.1 wraps the total
# and the width sum silently; from 9.3 on (our 9.7 rules) the total
# saturates at 2^64 - 1 with a diagnostic and exit status 1 (SPEC §6).  -c
# reads nothing, so 2 EiB sparse files on a tmpfs cost nothing.

@test "totals past 2^64: -c over eight 2 EiB files, as the system wc" {
  local dir
  dir=$(mktemp -d /dev/shm/wc-faults.XXXXXX 2> /dev/null) || skip "no /dev/shm"
  if ! truncate -s 2E "$dir/big2e" 2> /dev/null; then
    rm -rf "$dir"
    skip "/dev/shm cannot hold a 2 EiB sparse file"
  fi
  ln -s "$dir/big2e" big2e
  local b='big2e big2e big2e big2e big2e big2e big2e big2e'
  same_as_sys "WC -c $b; echo \"rc=\$?\"; WC -c $b f1; WC -c big2e big2e big2e big2e"
  rm -rf "$dir"
  # The overflow itself, as the system's release has it, so that this test
  # cannot pass vacuously.
  if [ "$(system_rules)" = 9.1 ]; then
    grep -qx '0 total' "$CAP/sys.out"
    grep -qx 'rc=0' "$CAP/sys.out"
  else
    grep -qx '18446744073709551615 total' "$CAP/sys.out"
    grep -qx 'rc=1' "$CAP/sys.out"
    grep -qx 'wc: total bytes: Value too large for defined data type' "$CAP/sys.err"
  fi
}

# ---------------------------------------------------------------------------
# The --files0-from list cannot be read (strace: stdio's reads are out of
# the shim's reach)

@test "EIO reading the --files0-from list: regular list and FIFO list, like the system wc" {
  need_strace
  printf 'f1\0k1\0' > list
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P list -e trace=read -e inject=read:error=EIO wc $(wc_opts) --files0-from=list
    echo "rc=$?"'
  same_as_sys 'rm -f fifo; mkfifo fifo; (printf "f1\0k1\0f2\0" > fifo &)
    PATH="$(wc_dir):$PATH" strace -o /dev/null -P fifo -e trace=read -e inject=read:error=EIO:when=2 wc $(wc_opts) --files0-from=fifo
    echo "rc=$?"'
  grep -q 'read error: Input/output error' "$CAP/sys.err"
}
