# fixtures.bash: shared by cli.bats, operands.bats, errors.bats and spec-table.bats:
# SPEC's fixture directory, a way to run one shell snippet with either wc, and exact
# comparisons of stdout, stderr and exit status (every byte, trailing newlines included).
#
# A snippet is ordinary shell text that calls WC where it wants "the wc being tested";
# it runs in a subshell, in a private copy of the fixture directory, with stdin from
# /dev/null unless it redirects it.  Example:  same_as_sys 'printf "a b" | WC -w'

# A stuck wc must not hang `make check` (the variable is honoured by bats >= 1.7).
: "${BATS_TEST_TIMEOUT:=120}"

# SPEC §0: f1 f2 k1 z8192 2b 2w names d, and an empty file whose name holds a newline.
# `unread` (mode 000) is made per test, since only root can copy it.
make_fixtures() (
  set -e
  mkdir -p "$1"
  cd "$1"
  printf 'hello world\n' > f1
  printf 'a b c\nd\n' > f2
  printf '%01000d' 0 > k1
  head -c 8192 /dev/zero > z8192
  printf '2\n' > 2b
  printf '2 words\n' > 2w
  printf '2b\0002w\000' > names
  mkdir d
  : > "$(printf 'n\nl')"
)

# For setup_file: build the master copy once per suite.
fixtures_setup_file() {
  make_fixtures "$BATS_FILE_TMPDIR/fx"
}

# The default hooks of a suite that loads this file; a suite that needs more
# defines its own and calls the functions above and below.
setup_file() {
  fixtures_setup_file
}

setup() {
  fixtures_setup
}

# For setup: a private copy of the fixtures as the working directory; captures go
# beside it (never inside, so that `wc *` style snippets do not see them).
fixtures_setup() {
  export LC_ALL=C
  unset LANGUAGE POSIXLY_CORRECT
  CAP=$BATS_TEST_TMPDIR/cap
  FX=$BATS_TEST_TMPDIR/fx
  T=$BATS_TEST_TMPDIR
  mkdir -p "$CAP"
  cp -a "$BATS_FILE_TMPDIR/fx" "$FX"
  : > "$FX/unread"
  chmod 000 "$FX/unread"
  cd "$FX" || return 1
}

# The wc being exercised by the current snippet: WC_IMPL is sys or ours, WC_STRATEGY
# one of $STRATEGIES.  All of these give argv[0] = "wc" unless the snippet says otherwise.
WC() {
  if [ "$WC_IMPL" = sys ]; then
    sys_wc "$@"
  elif [ "$WC_STRATEGY" = default ]; then
    our_wc "$@"
  else
    our_wc --strategy="$WC_STRATEGY" "$@"
  fi
}
# The binary itself, for snippets that choose argv[0] (`exec -a`).
wc_bin() {
  if [ "$WC_IMPL" = sys ]; then printf '%s\n' "$SYS_WC"; else printf '%s\n' "$WC_BUILT"; fi
}
# The options that select the current strategy (none for the system wc).
wc_opts() {
  [ "$WC_IMPL" = sys ] || strategy_opts "$WC_STRATEGY"
}
# A directory holding a `wc` that is the current binary, for programs that exec wc
# themselves (strace, xargs): PATH="$(wc_dir):$PATH" xargs wc ...
wc_dir() {
  local dir=${WC_DIR_BASE:-$BATS_TEST_TMPDIR}/bin-$WC_IMPL
  if [ ! -e "$dir/wc" ]; then
    mkdir -p "$dir" && ln -s "$(wc_bin)" "$dir/wc"
  fi
  printf '%s\n' "$dir"
}

# The helpers below start with `local -; set +T`: bats runs a DEBUG trap before every
# command of every function (for its failure reports), which would cost more than the
# runs themselves; with functrace off until they return, the functions they call run
# untraced, and the test's own commands are still traced.

# run_case IMPL STRATEGY SNIPPET TAG: run SNIPPET; keep $CAP/TAG.out, .err and .rc.
run_case() {
  local -
  set +T
  local rc=0
  (
    set +eET
    trap - ERR DEBUG
    WC_IMPL=$1 WC_STRATEGY=$2
    eval "$3"
  ) < /dev/null > "$CAP/$4.out" 2> "$CAP/$4.err" || rc=$?
  printf '%s\n' "$rc" > "$CAP/$4.rc"
}

# slurp_exact VAR FILE: the whole of FILE in VAR, trailing newlines included; status 1
# if FILE holds a NUL byte, which no shell variable can.
slurp_exact() {
  ! IFS= read -r -d '' "$1" < "$2"
}

# same_file A B: whether files A and B hold the same bytes.  Compared in the shell, since
# a comparison program per stream would cost more than the runs being compared.
same_file() {
  local a b
  if slurp_exact a "$1" && slurp_exact b "$2"; then
    [[ $a == "$b" ]]
  else
    cmp -s "$1" "$2"
  fi
}

# compare_capture WANT GOT LABEL: report every differing stream; status 1 if any.
compare_capture() {
  local -
  set +T
  local want=$1 got=$2 label=$3 stream bad=0
  for stream in out err rc; do
    if ! same_file "$CAP/$want.$stream" "$CAP/$got.$stream"; then
      bad=1
      printf '### %s: std%s differs\n--- expected\n' "$label" "$stream"
      cat -A "$CAP/$want.$stream" | head -n 40
      printf -- '--- got\n'
      cat -A "$CAP/$got.$stream" | head -n 40
    fi
  done
  return "$bad"
}

# same_as_sys SNIPPET [STRATEGY...]: the system wc gives the expected result; our wc
# must give exactly that under every strategy (or under those given).
same_as_sys() {
  local -
  set +T
  local snippet=$1 s bad=0
  shift
  run_case sys default "$snippet" sys
  # shellcheck disable=SC2048 # strategy names are single words
  for s in ${*:-$STRATEGIES}; do
    run_case ours "$s" "$snippet" "$s"
    compare_capture sys "$s" "strategy $s: $snippet" || bad=1
  done
  return "$bad"
}

# expect_result SNIPPET STDOUT STDERR STATUS [STRATEGY...]: expected values written
# out (from SPEC text, for behaviour that the system wc cannot show).
expect_result() {
  local -
  set +T
  local snippet=$1 s bad=0
  printf '%s' "$2" > "$CAP/want.out"
  printf '%s' "$3" > "$CAP/want.err"
  printf '%s\n' "$4" > "$CAP/want.rc"
  shift 4
  # shellcheck disable=SC2048 # strategy names are single words
  for s in ${*:-$STRATEGIES}; do
    run_case ours "$s" "$snippet" "$s"
    compare_capture want "$s" "strategy $s: $snippet" || bad=1
  done
  return "$bad"
}

# ours_run SNIPPET [STRATEGY]: run our wc once; sets $status, $output (stdout) and
# $stderr like bats' run --separate-stderr, but keeps the files for exact checks.
ours_run() {
  run_case ours "${2:-default}" "$1" one
  output=$(cat "$CAP/one.out")
  stderr=$(cat "$CAP/one.err")
  status=$(cat "$CAP/one.rc")
}

# The argmatch diagnostic for OPTION's argument ARG: KIND is invalid or ambiguous,
# then the valid values in order.
argmatch_error() {
  local kind=$1 arg=$2 option=$3 v
  shift 3
  printf "wc: %s argument '%s' for '%s'\nValid arguments are:\n" "$kind" "$arg" "$option"
  for v; do printf "  - '%s'\n" "$v"; done
  printf "Try 'wc --help' for more information.\n"
}
