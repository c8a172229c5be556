# conformance.bash: the body of the conformance-STRATEGY.bats suites.  A suite
# sets STRATEGY, then loads this file; each of its tests runs one group of the
# generated corpus through our wc (with that strategy) and through the system
# wc, under many option sets, in two locales, with each file given three ways
# (operand, redirected standard input, pipe), given twice, and with all files
# of the group as operands at once; it demands identical stdout, stderr and
# exit status, and reports every difference before failing.

load test_helper

# Distinct option sets: every count alone, the default, and combinations that
# select different counting passes (lines only, words, decoding, widths).
OPTION_SETS=("" -c -m -l -w -L -lw -lwc -cm -lwmcL -wL -mL -lc -lm)
# These also run with two operands (the same file twice): the width rule
# over two files and the total line.
TWO_OPERAND_SETS=("" -c -lwmcL)
# Option sets counted by the newline kernel alone (in C at least); the
# default strategy also runs them with WC_SIMD=off, for the portable kernel.
LINES_ONLY_SETS=" -l -lc -lm "
LOCALES=(C C.UTF-8)
# The corpus groups: gen-corpus names every file GROUP-KIND.
CORPUS_GROUPS="tiny bytes binary text long utf8 spaces invalid mix codepoints
 straddle width size"
# A failing test lists this many mismatches, then only counts the rest.
MAX_REPORTED=25

read -ra STRATEGY_ARGS <<< "$(strategy_opts "${STRATEGY:?set STRATEGY before loading conformance}")"

setup_file() {
  if [ -z "${GEN_CORPUS-}" ] || [ ! -x "$GEN_CORPUS" ]; then
    echo "GEN_CORPUS must name the built tests/gen-corpus program" >&2
    return 1
  fi
  export CORPUS="$BATS_FILE_TMPDIR/corpus"
  mkdir -p "$CORPUS" && "$GEN_CORPUS" "$CORPUS" || return 1
  # Each program is reached as "wc" through a directory of its own, so both
  # run with argv[0] = "wc" without a subshell per run (thousands of runs).
  export SYS_BIN="$BATS_FILE_TMPDIR/sys-bin" OUR_BIN="$BATS_FILE_TMPDIR/our-bin"
  mkdir -p "$SYS_BIN" "$OUR_BIN" &&
    ln -s "$SYS_WC" "$SYS_BIN/wc" && ln -s "$WC_BUILT" "$OUR_BIN/wc"
}

# Read file $2 into variable $1 exactly, final newlines included (wc output
# holds no NUL byte).
slurp() {
  IFS= read -r -d '' "$1" < "$2" || :
}

# Run the system wc (WHO=sys) or ours (WHO=our) on corpus file NAME given the
# MODE way: as an operand (file), on standard input (stdin), through a pipe
# (pipe), as two operands (two), or all files of the group as operands (all,
# NAME unused).  Remaining arguments are options.  A temporary PATH selects
# the program; it runs as "wc", so diagnostics match.
run_wc() {
  local who=$1 mode=$2 name=$3 dir=$SYS_BIN
  shift 3
  if [ "$who" = our ]; then
    dir=$OUR_BIN
    set -- "${STRATEGY_ARGS[@]}" "$@"
  fi
  case $mode in
    file) PATH=$dir wc "$@" "$name" ;;
    stdin) PATH=$dir wc "$@" < "$name" ;;
    pipe) cat -- "$name" | PATH=$dir wc "$@" ;;
    two) PATH=$dir wc "$@" "$name" "$name" ;;
    all) PATH=$dir wc "$@" "${names[@]}" ;;
  esac
}

# The shell command that reproduces one of our runs, for the report.
describe_run() {
  local mode=$1 name=$2 opts=$3 simd=$4
  local prefix="LC_ALL=$loc${simd:+ WC_SIMD=$simd}"
  local wc="wc${STRATEGY_ARGS[*]:+ ${STRATEGY_ARGS[*]}}${opts:+ $opts}"
  case $mode in
    file) echo "$prefix $wc $name" ;;
    stdin) echo "$prefix $wc < $name" ;;
    pipe) echo "cat $name | $prefix $wc" ;;
    two) echo "$prefix $wc $name $name" ;;
    all) echo "$prefix $wc ${names[*]}" ;;
  esac
}

# Compare one run of both programs; on a difference, add it to the report.
# Uses (and updates) the caller's loc, work, mismatches and report.
check_run() {
  local mode=$1 name=$2 opts=$3 simd=$4
  local -a args=()
  [ -z "$opts" ] || args=("$opts")
  local erc=0 grc=0 eout eerr gout gerr
  LC_ALL=$loc run_wc sys "$mode" "$name" "${args[@]}" \
    >"$work/exp.out" 2>"$work/exp.err" || erc=$?
  if [ -n "$simd" ]; then
    WC_SIMD=$simd LC_ALL=$loc run_wc our "$mode" "$name" "${args[@]}" \
      >"$work/got.out" 2>"$work/got.err" || grc=$?
  else
    LC_ALL=$loc run_wc our "$mode" "$name" "${args[@]}" \
      >"$work/got.out" 2>"$work/got.err" || grc=$?
  fi
  slurp eout "$work/exp.out"
  slurp eerr "$work/exp.err"
  slurp gout "$work/got.out"
  slurp gerr "$work/got.err"
  [[ $eout != "$gout" || $eerr != "$gerr" || $erc != "$grc" ]] || return 0
  mismatches=$((mismatches + 1))
  ((mismatches <= MAX_REPORTED)) || return 0
  report+="MISMATCH: $(describe_run "$mode" "$name" "$opts" "$simd")
  expected (system wc): exit $erc
    stdout: $(printf '%q' "$eout")
    stderr: $(printf '%q' "$eerr")
  got (our wc):         exit $grc
    stdout: $(printf '%q' "$gout")
    stderr: $(printf '%q' "$gerr")
"
  [ "$mode" = all ] && [[ $eout != "$gout" ]] || return 0
  # Many operands: also point at the lines that differ.
  local -a elines glines
  local i
  mapfile -t elines < "$work/exp.out"
  mapfile -t glines < "$work/got.out"
  for ((i = 0; i < ${#elines[@]} || i < ${#glines[@]}; i++)); do
    [[ ${elines[i]-} == "${glines[i]-}" ]] ||
      report+="    line $((i + 1)): expected '${elines[i]-}', got '${glines[i]-}'
"
  done
}

# Check every corpus file of GROUP under every option set, locale and input
# mode; fail once, listing the differences.
check_group() {
  local group=$1
  local work=$BATS_TEST_TMPDIR
  local mismatches=0 runs=0 report=""
  local f name loc opts mode debug_trap
  local -a files=("$CORPUS/$group"-*) names=()
  if [ ! -e "${files[0]}" ]; then
    echo "the corpus has no file in group '$group'"
    return 1
  fi
  for f in "${files[@]}"; do
    names+=("${f##*/}")
  done
  # bats traces every command through a DEBUG trap, which would cost more
  # than the thousands of runs themselves; the loops run without it.
  debug_trap=$(trap -p DEBUG)
  trap - DEBUG
  cd "$CORPUS" || return 1
  for loc in "${LOCALES[@]}"; do
    for opts in "${OPTION_SETS[@]}"; do
      check_run all "" "$opts" ""
      runs=$((runs + 1))
    done
  done
  for name in "${names[@]}"; do
    for loc in "${LOCALES[@]}"; do
      for opts in "${OPTION_SETS[@]}"; do
        for mode in file stdin pipe; do
          check_run "$mode" "$name" "$opts" ""
          runs=$((runs + 1))
          if [ "$STRATEGY" = default ] && [[ $LINES_ONLY_SETS == *" $opts "* ]]
          then
            check_run "$mode" "$name" "$opts" off
            runs=$((runs + 1))
          fi
        done
      done
      for opts in "${TWO_OPERAND_SETS[@]}"; do
        check_run two "$name" "$opts" ""
        runs=$((runs + 1))
      done
    done
  done
  cd "$work" || return 1
  eval "$debug_trap"
  if ((mismatches)); then
    printf '%s' "$report"
    if ((mismatches > MAX_REPORTED)); then
      echo "... and $((mismatches - MAX_REPORTED)) more mismatches"
    fi
    echo "$mismatches of $runs runs over ${#files[@]} files of group '$group' differ"
    return 1
  fi
}
