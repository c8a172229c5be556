# truncate-helper.bash: for strategies.bats: build huge sparse files cheaply,
# and shrink a file while a mmap strategy of our wc has it mapped.
#
# The shrink must really happen while the file is mapped, or the test proves
# nothing.  A fixed sleep is a guess that a fast machine wins; instead the
# race waits until /proc/PID/maps shows the file, then truncates.  If wc
# still finishes first, the file is made larger and the race run again.

# put_newlines FILE FIRST_MIB STEP_MIB END_MIB: write one '\n' at FIRST_MIB,
# then every STEP_MIB below END_MIB (plus a little, so that the lines do not
# all start on a page boundary), without changing the file's size.
put_newlines() {
  local file=$1 mib=$2 step=$3 end=$4
  while [ "$mib" -lt "$end" ]; do
    printf '\n' | dd of="$file" bs=1 seek=$((mib * 1048576 + 1000)) \
      conv=notrunc status=none || return 1
    mib=$((mib + step))
  done
}

# wait_until_mapped PID FILE: succeed once process PID has FILE mapped; fail
# if the process ends first (or after 30 s, which would mean a hang).
wait_until_mapped() {
  local pid=$1 file=$2 tries=0
  while [ "$tries" -lt 3000 ]; do
    grep -qF -- "$file" "/proc/$pid/maps" 2> /dev/null && return 0
    kill -0 "$pid" 2> /dev/null || return 1
    sleep 0.01
    tries=$((tries + 1))
  done
  return 1
}

# truncation_race STRATEGY NEW_SIZE [DELAY]: in the current directory, count
# `big small` with our wc and STRATEGY, truncating big to NEW_SIZE DELAY
# seconds (default 0) after it is first mapped: at once, the shrink hits the
# first window; later, a window further on.  Leaves stdout in race.out, stderr in race.err, the exit
# status in RACE_STATUS and big's size when wc started in RACE_BIG_SIZE.
# Fails (with a message) only if no run could be caught while mapped.
truncation_race() {
  local strategy=$1 new_size=$2 delay=${3:-0} gib pid caught
  for gib in 16 64 256; do
    rm -f big
    truncate -s "${gib}G" big || return 1
    # Newlines only in the first GiB, where the shrink normally lands: lines
    # stay short enough for mmap2's getline copies.
    put_newlines big 0 64 1024 || return 1
    RACE_BIG_SIZE=$((gib * 1073741824))
    (exec -a wc "$WC_BUILT" --strategy="$strategy" -l big small) \
      > race.out 2> race.err &
    pid=$!
    caught=0
    if wait_until_mapped "$pid" "$PWD/big"; then
      sleep "$delay"
      truncate -s "$new_size" big
      caught=1
    fi
    RACE_STATUS=0
    wait "$pid" || RACE_STATUS=$?
    rm -f big
    # Caught in time: wc must have noticed (checked by the caller).  A run
    # that ended before the shrink, or that the shrink missed, is retried.
    if [ "$caught" = 1 ] && grep -q 'truncated' race.err; then
      return 0
    fi
    if [ "$caught" = 1 ] && [ "$RACE_STATUS" -ne 0 ]; then
      return 0   # something else went wrong: let the caller show it
    fi
  done
  echo "could not truncate big while wc -p $strategy had it mapped" >&2
  return 1
}
