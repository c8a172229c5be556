#!/usr/bin/env bats
# threads.bats: --threads.  A file cut into parts counted by several threads,
# and many files counted at once, must give exactly what one thread gives,
# which is what the system wc gives: counts, widths, totals, messages and
# their order among the count lines, exit status, and the offset left in
# standard input.  WC_THREADS_MIN_PART (see README-hacking) lets small files
# be cut, so that the cuts land on every kind of byte: inside words and
# multibyte characters, on newlines, in invalid sequences.  Where the system
# wc cannot show a behaviour (option errors, which threads run), the
# expected result is the one the man page states, and the test says so.

load test_helper
load truncate-helper
bats_require_minimum_version 1.5.0

# The thread counts compared with one thread and with the system wc.
THREADS="2 3 4 7"
OPTION_SETS=("-l" "-w" "-m" "-L" "" "-lwmcL")

# gen_tokens SEED COUNT TOKEN...: COUNT tokens drawn at random (a fixed seed,
# so a failure can be reproduced) from the TOKENs, which may hold octal
# escapes, written to stdout.
gen_tokens() {
  local seed=$1 count=$2 IFS=@
  shift 2
  LC_ALL=C awk -v seed="$seed" -v n="$count" -v toks="$*" 'BEGIN {
    srand(seed); k = split(toks, t, "@")
    for (i = 0; i < n; i++) printf "%s", t[int(rand() * k) + 1]
  }'
}

setup_file() {
  local d=$BATS_FILE_TMPDIR/data i
  mkdir -p "$d"
  cd "$d" || return 1
  # ASCII text: words, blanks of every kind, lines of all lengths.
  gen_tokens 1 40000 the quick brown fox ' ' ' ' '  ' '\t' '\n' '\n' '\n\n' \
    '\r' '\f' '\v' x 'jumps over' > text
  # UTF-8 with two-, three- and four-byte characters, wide and zero-width
  # ones, no-break spaces, and invalid or cut sequences.
  gen_tokens 2 40000 a b ' ' '\n' '\n' '\303\251' '\346\227\245\346\234\254' \
    '\360\237\230\200' 'e\314\201' '\302\240' '\342\200\257' '\343\200\200' \
    '\377' '\303' '\346\227' '\360\237\230' '\355\240\200' '\300\257' '\t' \
    '\001' 'word' > utf8
  # Random bytes, every value but 2 as likely (awk cannot print a NUL:
  # 2 stands for it).
  LC_ALL=C awk 'BEGIN { srand(3)
    for (i = 0; i < 60000; i++) printf "%c", int(rand() * 255) + 1 }' \
    | tr '\002' '\000' > bytes
  # No newline at all; one line as long as the file; newlines only.
  gen_tokens 4 30000 ab ' ' cd '\303\251' > no-newline
  { gen_tokens 5 30000 lorem ' ' ipsum '\t' '\346\227\245'; printf '\n'; } > one-line
  head -c 20000 /dev/zero | tr '\0' '\n' > newlines
  : > empty
  printf 'x' > one-byte
  printf '\n' > one-newline
  # A short text with a bit of everything, and each of its prefixes: cut
  # into 2 to 7 parts, their cut points fall on every byte of it.
  printf 'ab \303\251\n\346\227\245 x\360\237\230\200\t\n\n\303 \377y\r\342\200\257z\n w' > mix
  mkdir prefixes
  for i in $(seq 1 "$(stat -c %s mix)"); do
    head -c "$i" mix > "prefixes/p$(printf %02d "$i")"
  done
}

setup() {
  cd "$BATS_TEST_TMPDIR" || return 1
  D=$BATS_FILE_TMPDIR/data
  CAP=$BATS_TEST_TMPDIR/cap
  mkdir -p "$CAP"
  export LC_ALL=C
  unset POSIXLY_CORRECT
}

# capture TAG IMPL [OPTIONS...] -- SNIPPET: run the shell SNIPPET in $D (it
# says WC where it wants the wc under test, given the OPTIONS); stdout,
# stderr and status go to $CAP/TAG.out, .err and .rc; with CHECK_ORDER set,
# the snippet is run again with both streams on one descriptor, which
# shows the order of messages among count lines, into $CAP/TAG.all.  The
# snippet runs in this shell, not a subshell: on a machine where a fork
# costs milliseconds, the suite's hundreds of captures would pay for it.
capture() {
  local tag=$1 impl=$2 opts=() rc=0
  shift 2
  while [ "$1" != -- ]; do opts+=("$1"); shift; done
  local snippet=$2 here=$PWD
  WC() {
    if [ "$impl" = sys ]; then sys_wc "$@"; else our_wc "${opts[@]}" "$@"; fi
  }
  cd "$D" || return 1
  { eval "$snippet"; } < /dev/null > "$CAP/$tag.out" 2> "$CAP/$tag.err" || rc=$?
  echo "$rc" > "$CAP/$tag.rc"
  if [ -n "${CHECK_ORDER-}" ]; then
    { eval "$snippet"; } < /dev/null > "$CAP/$tag.all" 2>&1 || true
  else
    : > "$CAP/$tag.all"
  fi
  cd "$here" || return 1
}

# differs WANT GOT LABEL: show what differs between two captures; false if any.
# The shell compares them itself (read up to a NUL, which no output of wc
# holds), so that diff runs only when they differ.
differs() {
  local s bad=0 want got
  for s in out err rc all; do
    IFS= read -r -d '' want < "$CAP/$1.$s" || true
    IFS= read -r -d '' got < "$CAP/$2.$s" || true
    if [ "$want" != "$got" ]; then
      bad=1
      echo "### $3: $s differs (expected, then ours)"
      diff "$CAP/$1.$s" "$CAP/$2.$s" | head -n 20
    fi
  done
  return "$bad"
}

# same_as_sys SNIPPET: the system wc's result is ours with --threads=1 and
# with each count of $THREADS, under the default strategy and mmap, with
# files cut into parts as small as $MIN_PART bytes (default 1).
same_as_sys() {
  local snippet=$1 s t bad=0
  capture sys sys -- "$snippet"
  for s in '' --strategy=mmap; do
    for t in 1 $THREADS; do
      WC_THREADS_MIN_PART=${MIN_PART:-1} \
        capture ours ours --threads="$t" $s -- "$snippet"
      differs sys ours "--threads=$t ${s:---strategy=default}: $snippet" || bad=1
    done
  done
  return "$bad"
}

# ---------------------------------------------------------------------------
# One file cut into parts

# every_option FILE...: every option set, in C and C.UTF-8, one file at a
# time, as an operand; and as standard input, for the default counts and
# for all of them.
every_option() {
  local f o loc bad=0
  for f; do
    for loc in C C.UTF-8; do
      for o in "${OPTION_SETS[@]}"; do
        same_as_sys "LC_ALL=$loc WC $o $f" || bad=1
      done
      same_as_sys "LC_ALL=$loc WC < $f" || bad=1
      same_as_sys "LC_ALL=$loc WC -lwmcL < $f" || bad=1
    done
  done
  return "$bad"
}

@test "ASCII text: every count, any number of parts" {
  every_option text
}

@test "UTF-8 text with multibyte, wide, zero-width and invalid characters" {
  every_option utf8
}

@test "random bytes" {
  every_option bytes
}

@test "no newline at all, one line as long as the file, newlines only" {
  every_option no-newline one-line newlines
}

@test "empty, one byte, one newline: fewer bytes than parts" {
  every_option empty one-byte one-newline
}

@test "parts of realistic sizes: cut at 1000, 4096 and 65537 bytes" {
  local m bad=0
  for m in 1000 4096 65537; do
    MIN_PART=$m same_as_sys 'WC utf8' || bad=1
    MIN_PART=$m same_as_sys 'LC_ALL=C.UTF-8 WC -lwmcL utf8 < utf8' || bad=1
    MIN_PART=$m same_as_sys 'LC_ALL=C.UTF-8 WC -L one-line' || bad=1
  done
  return "$bad"
}

@test "cut points on every byte of a short mixed text (prefixes, many files)" {
  local o loc bad=0
  for loc in C C.UTF-8; do
    for o in "${OPTION_SETS[@]}"; do
      same_as_sys "LC_ALL=$loc WC $o prefixes/*" || bad=1
    done
  done
  return "$bad"
}

@test "POSIXLY_CORRECT: no-break spaces join words in every part" {
  same_as_sys 'POSIXLY_CORRECT=1 LC_ALL=C.UTF-8 WC -w utf8 prefixes/*'
}

# ---------------------------------------------------------------------------
# Where the offset of standard input is left

@test "the offset is left at the end, as reading leaves it: (wc; cat) < file" {
  local o bad=0
  for o in -l -w '' -L; do
    same_as_sys "(WC $o; cat) < text" || bad=1
    same_as_sys "(LC_ALL=C.UTF-8 WC $o; cat) < utf8" || bad=1
  done
  # -c alone takes the size and moves nothing: cat prints the whole file.
  same_as_sys '(WC -c; cat) < text' || bad=1
  return "$bad"
}

@test "counting starts at the offset it is given, and leaves it at the end" {
  local k bad=0
  for k in 1 100 4095 4096 40000; do
    same_as_sys "(dd bs=1 skip=$k count=0 status=none; WC -lw; cat) < text" || bad=1
    same_as_sys "(dd bs=1 skip=$k count=0 status=none; LC_ALL=C.UTF-8 WC -m; cat) < utf8" ||
      bad=1
  done
  # An offset past the end: nothing to count, nothing to cut.
  same_as_sys '(dd bs=1 skip=999999 count=0 status=none; WC; cat) < text' || bad=1
  return "$bad"
}

@test "a file read twice through one descriptor: wc - - < file" {
  same_as_sys 'WC -l - - < text' && same_as_sys 'WC - text - < utf8'
}

# ---------------------------------------------------------------------------
# Many files at once

# The 300 small files of many_files, in a fixed order.
make_small_files() {
  local i
  mkdir -p "$D/many"
  if [ ! -e "$D/many/f300" ]; then
    for i in $(seq 1 300); do
      head -c $(((i * 7919) % 3001)) "$D/utf8" > "$D/many/f$i"
    done
  fi
}

@test "300 files with a missing one, a directory and stdin: same lines, same order" {
  make_small_files
  local names=() i bad=0 CHECK_ORDER=1
  for i in $(seq 1 300); do
    names+=("many/f$i")
    case $i in 50) names+=(nosuch) ;; 100) names+=(many) ;; 150) names+=(-) ;;
      200) names+=('') ;; esac
  done
  if [ "$(id -u)" != 0 ]; then
    : > "$D/unreadable"; chmod 000 "$D/unreadable"; names+=(unreadable)
  fi
  # Counted at once, none cut (the largest holds 3000 bytes).
  MIN_PART=1000000 same_as_sys 'WC "${names[@]}" < text' || bad=1
  MIN_PART=1000000 same_as_sys 'LC_ALL=C.UTF-8 WC -lwmcL "${names[@]}" - < utf8' || bad=1
  # Cut into parts as well as counted at once.
  same_as_sys 'WC -w "${names[@]}" < text' || bad=1
  same_as_sys 'WC -c "${names[@]}" < text' || bad=1
  same_as_sys 'LC_ALL=C.UTF-8 WC -L "${names[@]}" < utf8' || bad=1
  return "$bad"
}

@test "auto: many files counted at once give the system wc's output" {
  make_small_files
  local CHECK_ORDER=1
  capture sys sys -- 'WC -lw nosuch many/* many - < text'
  capture ours ours --threads=auto -- 'WC -lw nosuch many/* many - < text'
  differs sys ours 'auto, 300 files'
}

@test "--files0-from: a list file with many names, and a list on stdin" {
  make_small_files
  (cd "$D" && { for i in $(seq 1 300); do printf 'many/f%d\0' "$i"; done
    printf 'nosuch\0many\0-\0\0many/f1\0'; } > list)
  local bad=0 CHECK_ORDER=1
  same_as_sys 'WC --files0-from=list < text' || bad=1
  same_as_sys 'LC_ALL=C.UTF-8 WC -mL --files0-from=list < utf8' || bad=1
  # From stdin: counted one at a time as the names arrive.
  same_as_sys 'WC -l --files0-from=- < list' || bad=1
  same_as_sys 'cat list | WC -w --files0-from=-' || bad=1
  return "$bad"
}

@test "--files0-from: a list too large to read whole is streamed, in parallel" {
  make_small_files
  # 15 nested directories with 250-byte names hold a copy of the files:
  # 3000 names of 3780 bytes make a list of more than 10 MiB, which is
  # streamed rather than read whole.
  local long dir=long i t bad=0
  long=$(printf 'x%.0s' $(seq 1 250))
  for i in $(seq 1 15); do dir+=/$long; done
  mkdir -p "$D/$dir"
  cp "$D"/many/f* "$D/$dir"
  (cd "$D" && for i in $(seq 1 3000); do
     printf '%s/f%d\0' "$dir" $((i % 300 + 1))
   done > biglist)
  [ "$(stat -c %s "$D/biglist")" -gt $((10 * 1048576)) ]
  # The names' tails are enough to compare, and keep the captures small.
  local snippet='WC -lc --files0-from=biglist | sed "s|^\( *[0-9]* *[0-9]*\) .*/|\1 |"'
  capture sys sys -- "$snippet"
  for t in 1 2 4; do
    capture ours ours --threads="$t" -- "$snippet"
    differs sys ours "--threads=$t: $snippet" || bad=1
  done
  return "$bad"
}

# A list read from a pipe must not be read ahead: whoever writes the names
# may wait for each result before writing the next (man page, THREADS).
@test "names from a pipe: each result comes before the next name is read" {
  local line want
  make_small_files
  want=$(cd "$D" && sys_wc -l many/f7)
  cd "$D"
  coproc LISTED { exec -a wc "$WC_BUILT" --threads=4 -l --files0-from=-; }
  local pid=$LISTED_PID
  printf 'many/f7\0' >&"${LISTED[1]}"
  read -r -t 20 line <&"${LISTED[0]}"
  [ "$line" = "$want" ]
  printf 'many/f7\0' >&"${LISTED[1]}"
  read -r -t 20 line <&"${LISTED[0]}"
  [ "$line" = "$want" ]
  eval "exec ${LISTED[1]}>&-"
  wait "$pid"
}

# ---------------------------------------------------------------------------
# When threads run, and when they must not (the man page's rules)

# thread_starts ARGS...: set STARTS to how many threads our wc starts (clone
# calls), with files cut into parts of 1000 bytes or more.  Fails, showing
# wc's messages, unless wc succeeds (strace exits with wc's status): a wc
# that refused the options would start no thread either.
thread_starts() {
  local status=0
  (cd "$D" && WC_THREADS_MIN_PART=1000 strace -f -qq -o "$CAP/trace" \
     -e trace=clone,clone3 "$WC_BUILT" "$@" > /dev/null 2> "$CAP/starts.err") \
    || status=$?
  if [ "$status" -ne 0 ]; then
    echo "wc $* exited with status $status:"
    cat "$CAP/starts.err"
    return 1
  fi
  STARTS=$(grep -c 'clone' "$CAP/trace") || true
}

@test "threads are started when a file is cut, and never with --threads=1" {
  need_strace
  make_small_files
  thread_starts --threads=2 -w text
  [ "$STARTS" -ge 1 ]
  thread_starts --threads=2 -p mmap -l text
  [ "$STARTS" -ge 1 ]
  thread_starts --threads=3 -l many/f1 many/f2
  [ "$STARTS" -ge 1 ]
  thread_starts --threads=1 -w text
  [ "$STARTS" = 0 ]
  thread_starts --threads=1 -w many/f1 many/f2
  [ "$STARTS" = 0 ]
}

@test "no thread for -c alone, other strategies, --stats, or a small file" {
  need_strace
  make_small_files
  local s
  thread_starts --threads=4 -c text
  [ "$STARTS" = 0 ]
  for s in scanner upfront buffering mmap2; do
    thread_starts --threads=4 -p "$s" -w text many/f1
    [ "$STARTS" = 0 ]
  done
  thread_starts --threads=4 --stats -w text many/f1
  [ "$STARTS" = 0 ]
  # Below two parts of 1000 bytes, nothing is cut.
  thread_starts --threads=4 -w many/f1
  [ "$STARTS" = 0 ]
}

@test "--stats counts on one thread: used=stream, one reader's reads" {
  cd "$D"
  run our_wc --threads=4 --stats -l text
  assert_success
  assert_line --index 0 "$(sys_wc -l text)"
  assert_line --index 1 --regexp '^stats scope=file strategy=stream used=stream .* name=text$'
}

# A read error in the parts: the counts before it, the message, status 1, as
# one reader that fails at once (strace makes every read of the file fail:
# read for the system wc, pread for our parts).
@test "a read error in the parts is reported like one reader's" {
  need_strace
  make_small_files
  mkdir -p "$D/bin-sys" "$D/bin-ours"
  ln -sf "$SYS_WC" "$D/bin-sys/wc"
  ln -sf "$WC_BUILT" "$D/bin-ours/wc"
  capture sys sys -- 'PATH="$D/bin-sys:$PATH" strace -o /dev/null -P text \
    -e trace=read -e inject=read:error=EIO wc -l text many/f1'
  WC_THREADS_MIN_PART=1000 capture ours ours -- 'PATH="$D/bin-ours:$PATH" \
    strace -f -o /dev/null -P text -e trace=pread64 -e inject=pread64:error=EIO \
    wc --threads=3 -l text many/f1'
  grep -q 'Input/output error' "$CAP/sys.err"
  differs sys ours 'EIO in every part'
}

# ---------------------------------------------------------------------------
# --debug

@test "--debug names the threads only when more than one counts" {
  make_small_files
  cd "$D"
  run our_wc --threads=1 --debug -w text many/f1 many/f2
  assert_success
  refute_output --partial thread
  run our_wc --threads=3 --debug -w many/f1 many/f2
  assert_line --index 0 'wc: counting files on up to 3 threads'
  # The message names the threads that did count: on a busy machine the
  # worker may wake only after the first thread has counted both parts, and
  # then there is no message.  Some run of a few must see the worker.
  cd "$BATS_TEST_TMPDIR"
  yes 'a few words on a line' | head -c 48M > big
  local expected try split=0
  expected=$(sys_wc -w big)
  for try in 1 2 3 4 5 6 7 8; do
    WC_THREADS_MIN_PART=1000000 run our_wc --threads=2 --debug -w big
    assert_success
    if [ "${#lines[@]}" = 2 ]; then
      assert_line --index 0 'wc: big: split across 2 threads'
      assert_line --index 1 "$expected"
      split=1
      break
    else
      assert_output "$expected"
    fi
  done
  [ "$split" -gt 0 ]
}

# ---------------------------------------------------------------------------
# A file truncated while threads count its mapping

# The first part faults, or a later one (the new end may fall in any part):
# the message once, the counts of the bytes before the first fault (at most
# the 16 newlines of the first GiB), the next operand counted, exit 1.
truncated_in_parts() {
  local new_size=$1 delay=$2 pid caught width partial
  cd "$BATS_TEST_TMPDIR"
  printf 'a b\nc d e\n\nf\n' > small
  rm -f big
  truncate -s 4G big
  put_newlines big 0 64 1024
  (exec -a wc "$WC_BUILT" --threads=2 -p mmap -l big small) > race.out 2> race.err &
  pid=$!
  caught=0
  if wait_until_mapped "$pid" "$PWD/big"; then
    sleep "$delay"
    truncate -s "$new_size" big
    caught=1
  fi
  local status=0
  wait "$pid" || status=$?
  rm -f big
  echo "status $status; stdout:"; cat race.out; echo "stderr:"; cat race.err
  [ "$caught" = 1 ] || skip "wc ended before the file could be truncated"
  grep -q truncated race.err || skip "the truncation came too late to be seen"
  [ "$status" = 1 ]
  [ "$(cat race.err)" = "wc: big: file truncated while being read" ]
  width=$((4 * 1073741824 + $(stat -c %s small)))
  width=${#width}
  [ "$(sed -n 2p race.out)" = "$(printf '%*s small' "$width" 4)" ]
  partial=$(sed -n 1p race.out)
  [[ $partial =~ ^\ *([0-9]+)\ big$ ]]
  [ "${BASH_REMATCH[1]}" -le 16 ]
  [ "$(sed -n 3p race.out)" = \
    "$(printf '%*s total' "$width" $((BASH_REMATCH[1] + 4)))" ]
}

@test "mmap, two parts: truncated to 0 at once" { truncated_in_parts 0 0; }
@test "mmap, two parts: truncated to 3 GiB, past the first part's nominal end" {
  truncated_in_parts 3G 0
}

# ---------------------------------------------------------------------------
# The option

@test "--threads=auto and 1 to 256 are accepted; abbreviations work" {
  make_small_files
  cd "$D"
  local t want
  want=$(sys_wc text many 2>&1) || true
  for t in auto 1 2 256; do
    run our_wc --threads="$t" text many
    [ "$output" = "$want" ]
  done
  run our_wc --thr=2 -l text
  assert_output "$(sys_wc -l text)"
}

# The man page's contract: GNU's form of a bad numeric argument.
@test "bad --threads arguments: message, Try line, status 1, nothing counted" {
  local a try="Try 'wc --help' for more information."
  for a in 0 x -1 '' 2x ' 2' 1.5 AUTO +2; do
    run --separate-stderr our_wc --threads="$a" /dev/null
    [ "$status" = 1 ]
    [ "$output" = '' ]
    [ "$stderr" = "wc: invalid number of threads: '$a'"$'\n'"$try" ]
  done
  for a in 257 99999999999999999999999; do
    run --separate-stderr our_wc --threads="$a" /dev/null
    [ "$status" = 1 ]
    [ "$stderr" = "wc: invalid number of threads: '$a': Numerical result out of range"$'\n'"$try" ]
  done
  run --separate-stderr our_wc /dev/null --threads
  [ "$status" = 1 ]
  [ "$stderr" = "wc: option '--threads' requires an argument"$'\n'"$try" ]
}

@test "--help documents --threads" {
  run our_wc --help
  assert_success
  assert_output --partial '--threads=N'
}
