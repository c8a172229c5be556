# conformance.bash: the body of the conformance-*.bats suites.  Each test
# checks one group of the generated corpus with tests/conform: our wc runs
# every case (option sets, two locales, each file as an operand, on
# redirected standard input, through a pipe, twice, and all files of the
# group at once) and must print exactly what the system wc printed for it,
# as recorded in the oracle that make built before the suites started.
#
# A suite sets, before loading this file:
#   OUR_ARGS        arguments for our wc, before each option set
#                   (e.g. --strategy=mmap)
#   OUR_ENV         NAME=VALUE settings for our wc (e.g. WC_SIMD=off)
#   LINES_ONLY_ENV  if set, a second pass over the lines-only option sets
#                   (-l -lc -lm) runs with these settings added
#   OUR_ORACLE      an oracle file other than the system wc's, for a wc run
#                   that must print what another wc prints (see conform.c)
# Any of them may be left unset.

load test_helper

# The corpus groups: gen-corpus names every file GROUP-KIND.
CORPUS_GROUPS="tiny bytes binary text long utf8 spaces invalid mix codepoints
 straddle width size"

setup_file() {
  if [ -z "${CONFORM-}" ] || [ ! -x "$CONFORM" ]; then
    echo "CONFORM must name the built tests/conform program" >&2
    return 1
  fi
  export CORPUS="${CONFORMANCE_DATA:?}/corpus"
  export ORACLE="${OUR_ORACLE:-$CONFORMANCE_DATA/oracle}"
  if [ ! -f "$ORACLE" ]; then
    echo "no oracle $ORACLE: run these suites with make check" >&2
    return 1
  fi
}

# Check every case of corpus group $1 in one run of the driver; on failure
# its report (each mismatch with a command that repeats it) is the output.
check_group() {
  local -a pass=("${OUR_ENV[@]}" "$WC_BUILT" "${OUR_ARGS[@]}")
  local -a cmd=("$CONFORM" check --group="$1" "$CORPUS" "$ORACLE" "${pass[@]}")
  if [ -n "${LINES_ONLY_ENV+set}" ]; then
    cmd+=(--and --only=lines "${OUR_ENV[@]}" "${LINES_ONLY_ENV[@]}" "$WC_BUILT"
      "${OUR_ARGS[@]}")
  fi
  run "${cmd[@]}"
  if [ "$status" -eq 0 ]; then
    # The log of a passing test still says how many runs it made.
    printf '# %s\n' "${lines[${#lines[@]} - 1]}" >&3
  else
    printf '%s\n' "$output"
    return 1
  fi
}
