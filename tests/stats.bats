#!/usr/bin/env bats
# stats.bats: --stats.  The option must not change stdout or the exit status,
# and must add to stderr, after everything else, one `stats scope=file` line
# per counted operand and one `stats scope=total` line, each with every key of
# the CLI contract in its order.  The values that can be known are checked:
# the strategy asked for, how the bytes were really obtained (used=), the byte
# count (from the system wc), mapping and read counts, and the name.

load test_helper
load fixtures

# A number with a fraction (seconds, MB/s), and a whole number.
F='[0-9]+(\.[0-9]+)?'
N='[0-9]+'
# BASH_REMATCH indexes: strategy 1, used 2, bytes 3, reads 4, maps 5, name 10.
FILE_RE="^stats scope=file strategy=([a-z0-9]+) used=([a-z0-9+]+) bytes=($N) reads=($N) maps=($N) wall_s=$F user_s=$F sys_s=$F peak_rss_kib=$N minor_faults=$N major_faults=$N mb_per_s=$F name=(.*)\$"
# strategy 1, bytes 2, reads 3, maps 4.
TOTAL_RE="^stats scope=total strategy=([a-z0-9]+) bytes=($N) reads=($N) maps=($N) wall_s=$F user_s=$F sys_s=$F peak_rss_kib=$N minor_faults=$N major_faults=$N mb_per_s=$F\$"

setup_file() {
  fixtures_setup_file
  local fx=$BATS_FILE_TMPDIR/fx
  seq -f 'line %g of the text' 1 3000 > "$fx/text"
  : > "$fx/empty"
  printf 'spaced\n' > "$fx/a b"
  printf 'lead\n' > "$fx/ lead"
  printf 'trail\n' > "$fx/trail "
  printf 'keys\n' > "$fx/x  y=z name=q"
  printf 'tab\n' > "$fx/$(printf 'ta\tb')"
}

setup() {
  fixtures_setup
}

# The name --stats reports for strategy S: the default is the stream reader.
requested_name() {
  if [ "$1" = default ]; then echo stream; else echo "$1"; fi
}

# stats_lines TAG: the stats lines of capture TAG's stderr.
stats_lines() {
  grep '^stats ' "$CAP/$1.err" || :
}

# check_layout TAG STRATEGY: stderr of capture TAG is the diagnostics, then
# the file lines, then one total line; every stats line has every key in
# order with values of the right form, and names the strategy asked for.
check_layout() {
  local tag=$1 want line stats_seen=0 total_seen=0
  want=$(requested_name "$2")
  while IFS= read -r line; do
    if [ "$total_seen" = 1 ]; then
      echo "$tag: line after the total: $line"; return 1
    fi
    case $line in
      'stats scope=total '*)
        [[ $line =~ $TOTAL_RE ]] || { echo "$tag: bad total: $line"; return 1; }
        [ "${BASH_REMATCH[1]}" = "$want" ] || { echo "$tag: not $want: $line"; return 1; }
        total_seen=1 ;;
      'stats '*)
        [[ $line =~ $FILE_RE ]] || { echo "$tag: bad file line: $line"; return 1; }
        [ "${BASH_REMATCH[1]}" = "$want" ] || { echo "$tag: not $want: $line"; return 1; }
        stats_seen=1 ;;
      *)
        [ "$stats_seen" = 0 ] || { echo "$tag: after the stats: $line"; return 1; } ;;
    esac
  done < "$CAP/$tag.err"
  [ "$total_seen" = 1 ] || { echo "$tag: no total line"; cat "$CAP/$tag.err"; return 1; }
}

# field TAG INDEX: one field (by FILE_RE index) of each file line of TAG.
field() {
  local line
  stats_lines "$1" | while IFS= read -r line; do
    if [[ $line =~ $FILE_RE ]]; then printf '%s\n' "${BASH_REMATCH[$2]}"; fi
  done
}

# total_field TAG INDEX: one field (by TOTAL_RE index) of TAG's total line.
total_field() {
  local line
  line=$(stats_lines "$1" | tail -n 1)
  [[ $line =~ $TOTAL_RE ]] && printf '%s\n' "${BASH_REMATCH[$2]}"
}

# with_and_without SNIPPET STRATEGY: run SNIPPET (which writes `WC $STATS`)
# without and with --stats; stdout and status must be the same, and stderr
# the same plus the stats lines.
with_and_without() {
  local snippet=$1 s=$2 STATS
  STATS=
  run_case ours "$s" "$snippet" plain
  STATS=--stats
  run_case ours "$s" "$snippet" stats
  local bad=0 stream
  for stream in out rc; do
    cmp -s "$CAP/plain.$stream" "$CAP/stats.$stream" || {
      bad=1; echo "$s: $snippet: std$stream changed by --stats"
      cat -A "$CAP/plain.$stream"; echo ---; cat -A "$CAP/stats.$stream"
    }
  done
  grep -v '^stats ' "$CAP/stats.err" | cmp -s "$CAP/plain.err" - || {
    bad=1; echo "$s: $snippet: diagnostics changed by --stats"; cat -A "$CAP/stats.err"
  }
  check_layout stats "$s" || bad=1
  return "$bad"
}

@test "stdout, diagnostics and exit status are the same with and without --stats" {
  local s snippet
  for s in $STRATEGIES; do
    for snippet in 'WC $STATS f1 f2 missing d - z8192 k1 < f2' \
      'WC $STATS -c f1 z8192 - < f1' 'WC $STATS -l text' 'cat text | WC $STATS -L' \
      'WC $STATS -lwmcL /proc/version empty' 'WC $STATS --total=only f1 f2' \
      "printf '%s\\0' f1 f2 | WC \$STATS --files0-from=-" 'WC $STATS < k1' \
      'WC $STATS -m "a b" text'; do
      with_and_without "$snippet" "$s"
    done
  done
}

# The system wc has no --stats: it runs the same commands without it.
@test "stdout with --stats is the system wc's output, every strategy" {
  local snippet='WC $STATS f1 f2 missing d - z8192 k1 < f2; echo "rc=$?";
    WC $STATS -lc text < /dev/null; cat text | WC $STATS -L; WC $STATS -c - < f1' s STATS=
  run_case sys default "$snippet" sys
  STATS=--stats
  for s in $STRATEGIES; do
    run_case ours "$s" "$snippet" "$s"
    cmp "$CAP/sys.out" "$CAP/$s.out"
    cmp "$CAP/sys.rc" "$CAP/$s.rc"
  done
}

@test "one file line per counted operand, in order, then the total" {
  local s
  for s in $STRATEGIES; do
    # missing is not counted (no count line); the directory is (a zero line).
    run_case ours "$s" 'WC --stats f1 missing d - f2 f1 < f2' t
    check_layout t "$s"
    [ "$(field t 10 | tr '\n' ' ')" = "f1 d - f2 f1 " ]
    [ "$(stats_lines t | grep -c '^stats scope=file ')" = 5 ]
    [ "$(stats_lines t | grep -c '^stats scope=total ')" = 1 ]
    # As many file lines as count lines (all but the total line).
    [ "$(grep -vc ' total$' "$CAP/t.out")" = 5 ]

    run_case ours "$s" 'WC --stats < f1' t
    check_layout t "$s"
    [ "$(field t 10)" = - ]
    [ "$(stats_lines t | sys_wc -l)" = 2 ]

    # --total=only prints no per-file line, yet each file was counted.
    run_case ours "$s" 'WC --stats --total=only f1 f2 k1' t
    check_layout t "$s"
    [ "$(field t 10 | tr '\n' ' ')" = "f1 f2 k1 " ]

    run_case ours "$s" "printf '%s\\0' f2 z8192 f2 | WC --stats --files0-from=-" t
    check_layout t "$s"
    [ "$(field t 10 | tr '\n' ' ')" = "f2 z8192 f2 " ]
  done
}

@test "with nothing counted, only the total line" {
  local s
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC --stats missing' t
    check_layout t "$s"
    [ "$(cat "$CAP/t.err")" = "wc: missing: No such file or directory
$(stats_lines t)" ]
    [ "$(stats_lines t | sys_wc -l)" = 1 ]
    [ "$(total_field t 2) $(total_field t 3) $(total_field t 4)" = "0 0 0" ]
  done
}

@test "the stats come after all normal output on a shared stream" {
  local s
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC f1 missing d f2 2>&1' plain
    run_case ours "$s" 'WC --stats f1 missing d f2 2>&1' both
    head -n "$(sys_wc -l < "$CAP/plain.out")" "$CAP/both.out" | cmp "$CAP/plain.out" -
    [ "$(tail -n +"$(($(sys_wc -l < "$CAP/plain.out") + 1))" "$CAP/both.out" |
      grep -vc '^stats ')" = 0 ]
  done
}

# used_is STRATEGY EXPECTED SNIPPET: the only file line says used=EXPECTED.
used_is() {
  run_case ours "$1" "$3" u
  check_layout u "$1"
  local got
  got=$(field u 2)
  [ "$got" = "$2" ] || { echo "strategy $1: $3: used=$got, want $2"; return 1; }
}

@test "used= names what produced the bytes" {
  local s
  used_is default stream 'WC --stats f1'
  for s in scanner upfront buffering mmap mmap2; do
    used_is "$s" "$s" 'WC --stats text'
    used_is "$s" "$s" 'WC --stats -l z8192'
    used_is "$s" "$s" 'WC --stats < text'
  done
  # What cannot be mapped is read the default way.
  for s in mmap mmap2; do
    used_is "$s" stream 'cat text | WC --stats'
    used_is "$s" stream 'cat text | WC --stats -l -'
    used_is "$s" stream 'WC --stats empty'
    used_is "$s" stream 'WC --stats -L /proc/version'
    used_is "$s" stream 'WC --stats /dev/null'
  done
  # Reading strategies read pipes themselves.
  for s in scanner upfront buffering; do
    used_is "$s" "$s" 'cat text | WC --stats'
  done
  used_is default stream 'cat text | WC --stats -c'
  # -c on a regular file whose size is not a page multiple: fstat, no read.
  for s in $STRATEGIES; do
    used_is "$s" size 'WC --stats -c text'
    used_is "$s" size 'WC --stats -c < f1'
    [ "$(field u 4) $(field u 5)" = "0 0" ]
    # A page-multiple size is trusted up to its last block, which is read.
    used_is "$s" size+stream 'WC --stats -c z8192'
  done
}

@test "bytes= is the byte count, under every option set and strategy" {
  local s o f want=
  local operands=(f1 f2 k1 z8192 text empty /proc/version "a b" -)
  for f in "${operands[@]}"; do
    if [ "$f" = - ]; then f=text; fi
    want+="$(sys_wc -c < "$f") "
  done
  local total=0 n
  for n in $want; do total=$((total + n)); done
  for s in $STRATEGIES; do
    for o in '' -c -l -w -L -m -lc; do
      run_case ours "$s" "WC --stats $o f1 f2 k1 z8192 text empty /proc/version 'a b' - < text" t
      check_layout t "$s"
      [ "$(field t 3 | tr '\n' ' ')" = "$want" ] || {
        echo "$s $o: bytes $(field t 3 | tr '\n' ' '), want $want"; false
      }
      [ "$(total_field t 2)" = "$total" ]
    done
    run_case ours "$s" 'cat k1 | WC --stats -w' t
    [ "$(field t 3)" = "$(sys_wc -c < k1)" ]
  done
}

@test "mmap: maps > 0 and reads = 0 on a non-empty regular file; totals add up" {
  local s n
  for s in mmap mmap2; do
    run_case ours "$s" 'WC --stats f1 text z8192 k1' t
    check_layout t "$s"
    for n in $(field t 5); do [ "$n" -gt 0 ]; done
    [ "$(field t 4 | tr '\n' ' ')" = "0 0 0 0 " ]
    [ "$(total_field t 3)" = 0 ]
    [ "$(total_field t 4)" = $(($(field t 5 | paste -sd+))) ]
    # A file after a pipe: the pipe is read, the file mapped.
    run_case ours "$s" 'cat f1 | WC --stats - text' t
    [ "$(field t 2 | tr '\n' ' ')" = "stream $s " ]
    [ "$(field t 4 | head -n 1)" -gt 0 ]
    [ "$(field t 5 | tr '\n' ' ')" = "0 $(field t 5 | tail -n 1) " ]
    [ "$(field t 5 | tail -n 1)" -gt 0 ]
    [ "$(total_field t 3)" = $(($(field t 4 | paste -sd+))) ]
  done
  for s in default scanner upfront buffering; do
    run_case ours "$s" 'WC --stats f1 text z8192' t
    check_layout t "$s"
    [ "$(field t 5 | tr '\n' ' ')" = "0 0 0 " ]
    for n in $(field t 4); do [ "$n" -gt 0 ]; done
    [ "$(total_field t 3)" = $(($(field t 4 | paste -sd+))) ]
    [ "$(total_field t 4)" = 0 ]
  done
}

@test "names come last and intact: spaces, '=', tabs, stdin" {
  local s
  for s in $STRATEGIES; do
    run_case ours "$s" "WC --stats 'a b' ' lead' 'trail ' 'x  y=z name=q' \"\$(printf 'ta\\tb')\" - < f1" t
    check_layout t "$s"
    [ "$(field t 10)" = "a b
 lead
trail 
x  y=z name=q
$(printf 'ta\tb')
-" ]
  done
}

# A newline would split the line: the name is quoted the way wc quotes it on
# stdout (SPEC 3.3), and the stats line stays one line.
@test "a name holding a newline is quoted as on stdout" {
  local s name
  name=$(printf 'n\nl')
  run_case sys default 'WC -c "$(printf "n\nl")"' sys
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC --stats -c "$(printf "n\nl")" f1' t
    check_layout t "$s"
    [ "$(stats_lines t | sys_wc -l)" = 3 ]
    [ "$(field t 10 | head -n 1)" = "$(sed 's/^0 //' "$CAP/sys.out")" ]
  done
}
