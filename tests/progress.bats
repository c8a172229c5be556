#!/usr/bin/env bats
# progress.bats: what wc says while it counts.  SIGUSR1 makes a running wc
# print one line on stderr with the counts so far and changes nothing of the
# final output, which must still be the system wc's for the same bytes;
# --progress draws a status line only where stderr is a terminal (a
# pseudo-terminal from script(1) here), and erases it before the counts.
#
# No test depends on how fast anything runs: wc is signalled once
# /proc/PID/status shows that it catches the signal, and its input is held
# back on a fifo until the test lets it go.

load test_helper

SIGUSR1_BIT=$((1 << (10 - 1)))
SIGALRM_BIT=$((1 << (14 - 1)))

# until COMMAND...: retry COMMAND for up to about 20 s.
until_true() {
  local i
  for ((i = 0; i < 2000; i++)); do
    "$@" && return 0
    sleep 0.01
  done
  echo "timed out waiting for: $*" >&2
  return 1
}

# catches PID BIT: whether process PID runs our wc and has a handler for
# the signal of BIT.  (Until it has run exec, PID is a copy of the shell,
# with the shell's handlers.)
catches() {
  local mask
  [ "$(readlink "/proc/$1/exe")" = "$(readlink -f "$WC_BUILT")" ] &&
    mask=$(awk '$1 == "SigCgt:" { print $2 }' "/proc/$1/status") &&
    [ -n "$mask" ] && (((16#$mask & $2) != 0))
}

# to_fifo FIFO TEXT: write TEXT (printf escapes) to FIFO, failing rather
# than waiting forever when no reader comes.
to_fifo() {
  timeout 20 sh -c 'printf "$1" > "$2"' sh "$2" "$1"
}

setup() {
  cd "$BATS_TEST_TMPDIR" || return 1
  # Two batches of text: the first is in the pipe when the signal comes,
  # the second only after it.
  seq -f 'line %g of the first batch' 20000 > first
  seq -f 'and %g more' 300 > second
  printf 'one two\nthree\n' > small
  cat first second > all
  mkfifo go
}

# slow_writer: the first batch, then, once the test writes to the fifo
# "go", the second.
slow_writer() {
  cat first
  read -r _ < go
  cat second
}

# signalled_run ARGS...: run our wc with ARGS on a pipe from slow_writer,
# send it SIGUSR1 once it catches it, then let the writer finish.  Leaves
# stdout in "out", stderr in "err" and the exit status in "rc".
signalled_run() {
  slow_writer | exec -a wc "$WC_BUILT" "$@" > out 2> err &
  local pid=$!
  until_true catches "$pid" "$SIGUSR1_BIT"
  kill -USR1 "$pid"
  to_fifo go '\n'
  rc=0
  wait "$pid" || rc=$?
}

@test "SIGUSR1: one line with the counts so far, the final counts unchanged, every strategy" {
  local s bad=0 re="^wc: 'standard input': [0-9]+ lines, [0-9]+ words, ([0-9]+) bytes so far\$"
  # A pipe, as ours reads: the system wc's widths depend on it.
  cat all | sys_wc > expected
  for s in $STRATEGIES threads; do
    local opts=($(strategy_opts "$s"))
    [ "$s" = threads ] && opts=(--threads=2)
    signalled_run "${opts[@]}"
    if [ "$rc" != 0 ] || ! cmp -s out expected; then
      echo "$s: exit $rc, stdout $(cat out), the system wc's $(cat expected)"
      bad=1
    fi
    # One line, and its byte count is at most what the pipe carried.
    if [ "$(wc -l < err)" != 1 ] || ! [[ $(cat err) =~ $re ]] \
         || ((BASH_REMATCH[1] > $(wc -c < all))); then
      echo "$s: stderr: $(cat err)"
      bad=1
    fi
  done
  [ "$bad" = 0 ]
}

@test "SIGUSR1: the line shows the counts wc prints, in wc's order" {
  signalled_run -Lcml
  [ "$rc" = 0 ]
  cat all | sys_wc -Lcml > expected
  cmp out expected
  [[ $(cat err) =~ ^"wc: 'standard input': "[0-9]+" lines, "[0-9]+" characters, "[0-9]+" bytes, maximum line length "[0-9]+" so far"$ ]]
}

@test "SIGUSR1 during the second operand: the running total too" {
  signalled_run small -
  [ "$rc" = 0 ]
  cat all | sys_wc small - > expected
  cmp out expected
  local re="^wc: -: ([0-9]+) lines, ([0-9]+) words, ([0-9]+) bytes so far; total: ([0-9]+) lines, ([0-9]+) words, ([0-9]+) bytes\$"
  [[ $(cat err) =~ $re ]]
  # The total is the first operand's counts (2 3 14) plus those so far.
  [ "${BASH_REMATCH[4]}" = $((BASH_REMATCH[1] + 2)) ]
  [ "${BASH_REMATCH[5]}" = $((BASH_REMATCH[2] + 3)) ]
  [ "${BASH_REMATCH[6]}" = $((BASH_REMATCH[3] + 14)) ]
}

@test "SIGUSR1 before the first operand, then a file split across threads: a part answers" {
  mkfifo names
  WC_THREADS_MIN_PART=4096 exec -a wc "$WC_BUILT" --threads=2 \
    --files0-from=names > out 2> err &
  local pid=$!
  # wc waits for the names: nothing is being counted yet.
  until_true catches "$pid" "$SIGUSR1_BIT"
  kill -USR1 "$pid"
  to_fifo names 'all\0'
  wait "$pid"
  list_all | sys_wc --files0-from=- > expected
  cmp out expected
  local re="^wc: all: part [12] of 2: [0-9]+ lines, [0-9]+ words, [0-9]+ bytes so far; all parts: ([0-9]+) bytes\$"
  [[ $(cat err) =~ $re ]]
  ((BASH_REMATCH[1] <= $(wc -c < all)))
}

# The name "all" as --files0-from reads it; from a pipe, as ours gets it,
# since the system wc's widths depend on it.
list_all() {
  printf 'all\0'
}

# on_tty COMMAND: run the shell COMMAND with a pseudo-terminal for its
# stdin, stdout and stderr, in the background (the terminal's input at its
# end); what the terminal shows goes to "tty".
on_tty() {
  command -v script > /dev/null || skip "script (util-linux) is missing"
  script -qfc "exec $1" /dev/null < /dev/null > tty &
  tty_job=$!
}

# feed_until PATTERN COMMAND...: run COMMAND, which gives wc more input,
# until the terminal shows PATTERN (an ERE), for up to about 20 s.  A
# status line is drawn at the first span after a tick of wc's timer.
feed_until() {
  local pattern=$1 i
  shift
  for ((i = 0; i < 400; i++)); do
    "$@"
    grep -aqE "$pattern" tty && return 0
    sleep 0.05
  done
  echo "the terminal never showed: $pattern" >&2
  return 1
}

# send_lines: a few lines more to wc's input on fd 4, kept in "sent".
send_lines() {
  cat second >&4
  cat second >> sent
}

# send_name: the name "all" once more to wc's list of names on fd 4, kept
# in "sent".
send_name() {
  printf 'all\0' >&4
  printf 'all\0' >> sent
}

# without_status: what the terminal shows once every status line and
# erase ("\r", text, "\e[K") is taken out, and CR LF made LF.
without_status() {
  LC_ALL=C sed 's/\r[^\r\n]*\x1b\[K//g' tty | tr -d '\r'
}

@test "--progress on a terminal, reading a pipe: bytes and rate, then erased" {
  mkfifo data
  on_tty "$WC_BUILT --progress < data > out"
  exec 4> data
  feed_until "wc: 'standard input': [0-9.]+ (B|KiB|MiB), [0-9.]+ (B|KiB|MiB|GiB)/s"$'\e' \
    send_lines
  exec 4>&-
  wait "$tty_job"
  cat sent | sys_wc > expected
  cmp out expected
  # Nothing after the erase that ends the last status line.
  [ "$(tail -c 4 tty | od -An -c | tr -d ' ')" = '\r033[K' ]
  [ -z "$(without_status)" ]
}

@test "--progress on a terminal, regular files: percent and time left, then the counts alone" {
  mkfifo names
  on_tty "$WC_BUILT --progress --files0-from=names"
  exec 4> names
  feed_until "wc: all: [0-9.]+ (B|KiB|MiB) of [0-9.]+ KiB \([0-9]+%\), [0-9.]+ [KMG]?i?B/s(, [0-9]+:[0-9]{2}:[0-9]{2} left)?"$'\e' \
    send_name
  exec 4>&-
  wait "$tty_job"
  # The counts, as the system wc prints them, and nothing else.
  [ "$(without_status)" = "$(cat sent | sys_wc --files0-from=-)" ]
}

@test "--progress with stderr not a terminal: nothing at all" {
  mkfifo names
  exec -a wc "$WC_BUILT" --progress --files0-from=names > out 2> err &
  local pid=$!
  # Long enough for a tick, had there been a timer.
  until_true catches "$pid" "$SIGUSR1_BIT"
  sleep 0.3
  # No timer either.
  local ticks=0
  catches "$pid" "$SIGALRM_BIT" && ticks=1
  to_fifo names 'all\0'
  wait "$pid"
  [ "$ticks" = 0 ]
  list_all | sys_wc --files0-from=- > expected
  cmp out expected
  [ ! -s err ]
}

# The handlers are installed with SA_RESTART, so a read they interrupt goes
# on; one that fails with EINTR anyway (strace makes every other read fail
# so) must be retried by every way of reading, not reported.
@test "a read that fails with EINTR is retried: every strategy, a pipe, a split file" {
  need_strace
  local s bad=0
  cat all | sys_wc > expected
  sys_wc all > expected-file
  mkfifo data
  for s in $STRATEGIES; do
    cat all > data &
    strace -o /dev/null -P "$PWD/data" -e trace=read -e inject=read:error=EINTR:when=1+2 \
      "$WC_BUILT" $(strategy_opts "$s") < data > out 2> err || bad=1
    wait
    cmp -s out expected && [ ! -s err ] || { echo "$s, a pipe: $(cat out err)"; bad=1; }
    strace -f -o /dev/null -P "$PWD/all" -e trace=read,pread64 \
      -e inject=read,pread64:error=EINTR:when=1+2 \
      env WC_THREADS_MIN_PART=4096 "$WC_BUILT" --threads=2 $(strategy_opts "$s") \
      all > out 2> err || bad=1
    cmp -s out expected-file && [ ! -s err ] || { echo "$s, a file: $(cat out err)"; bad=1; }
  done
  [ "$bad" = 0 ]
}
