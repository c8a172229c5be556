# conformance.bash: the body of the conformance-*.bats suites.  Each test
# checks one group of the generated corpus with tests/conform: our wc runs
# every case (option sets, two locales, each file as an operand, on
# redirected standard input, through a pipe, twice, and all files of the
# group at once, as operands, through pipes, and both ways in one run) and
# must print exactly what the system wc printed for it, as recorded in the
# oracle that make built before the suites started.
#
# A suite sets, before loading this file:
#   OUR_ARGS        arguments for our wc, before each option set
#                   (e.g. --strategy=mmap)
#   OUR_ENV         NAME=VALUE settings for our wc (e.g. WC_SIMD=off)
#   LINES_ONLY_ENV  if set, a second pass over the lines-only option sets
#                   (-l -lc -lm) runs with these settings added
#   OUR_WAYS        the ways of giving the files, as conform's --ways takes
#                   them, when not every way: the suites of other strategies,
#                   kernel levels and rule sets give each group's files all
#                   at once, as operands and again through pipes (both),
#                   which counts every file both ways under every option
#                   set in one run, and leave to the default suite what
#                   only the way a single file is given changes (widths,
#                   standard input): here a process start costs more than
#                   counting a file
#   OUR_ORACLE      an oracle file other than the system wc's, for a wc run
#                   that must print what another wc prints (see conform.c)
#   OUR_RULES       a GNU rule set (9.1 or 9.7): our wc runs with
#                   --gnu-compat=OUR_RULES against that rule set's oracle,
#                   which make provides as oracle-OUR_RULES: the system wc's
#                   when it follows those rules, else one recorded from GNU wc
#                   of that release fetched from Debian (tests/gnu-wc/fetch).
#                   When make could not have it, oracle-OUR_RULES.missing
#                   says why and every group test skips with that reason.
# Any of them may be left unset.  CONFORMANCE_WAYS in the environment gives
# the ways for the suites that set no OUR_WAYS (the default suite): .ci/run's
# sanitizer run, where each wc process starts several times slower, sets it
# to both.  Without OUR_RULES, our wc runs with the
# rule set that the system wc follows (--gnu-compat=9.1 for GNU wc up to
# 9.4, 9.7 from 9.5 on), whatever its build's default, once it has the
# option.

load test_helper

# The corpus groups: gen-corpus names every file GROUP-KIND.
CORPUS_GROUPS="tiny bytes binary text long utf8 spaces invalid mix codepoints
 straddle width size"

# The GNU rule sets that our wc offers; each has its suite, conformance-gnu-SET.bats.
GNU_RULE_SETS="9.1 9.7"

setup_file() {
  if [ -z "${CONFORM-}" ] || [ ! -x "$CONFORM" ]; then
    echo "CONFORM must name the built tests/conform program" >&2
    return 1
  fi
  export CORPUS="${CONFORMANCE_DATA:?}/corpus"
  export ORACLE="${OUR_ORACLE:-$CONFORMANCE_DATA/oracle}"
  # The option that selects the rule set, if any, as one word.
  export RULES_ARG="" ORACLE_MISSING=""
  local rules
  if [ -n "${OUR_RULES-}" ]; then
    ORACLE=$CONFORMANCE_DATA/oracle-$OUR_RULES
    RULES_ARG=--gnu-compat=$OUR_RULES
    if [ ! -f "$ORACLE" ] && [ -f "$ORACLE.missing" ]; then
      ORACLE_MISSING=$(tr '\n' ' ' < "$ORACLE.missing")
      return 0
    fi
  else
    rules=$("${TESTS_SRCDIR:?}/gnu-wc/rule-set" "$SYS_WC") || return 1
    if "$WC_BUILT" "--gnu-compat=$rules" --version > /dev/null 2>&1; then
      RULES_ARG=--gnu-compat=$rules
    fi
  fi
  if [ ! -f "$ORACLE" ]; then
    echo "no oracle $ORACLE: run these suites with make check" >&2
    return 1
  fi
}

# Check every case of corpus group $1 in one run of the driver; on failure
# its report (each mismatch with a command that repeats it) is the output.
check_group() {
  [ -z "$ORACLE_MISSING" ] || skip "$ORACLE_MISSING"
  local ways=${OUR_WAYS:-${CONFORMANCE_WAYS-}}
  local -a args=(${RULES_ARG:+"$RULES_ARG"} "${OUR_ARGS[@]}")
  local -a pass=("${OUR_ENV[@]}" "$WC_BUILT" "${args[@]}")
  local -a cmd=("$CONFORM" check --group="$1" ${ways:+--ways="$ways"}
    "$CORPUS" "$ORACLE" "${pass[@]}")
  if [ -n "${LINES_ONLY_ENV+set}" ]; then
    cmd+=(--and --only=lines "${OUR_ENV[@]}" "${LINES_ONLY_ENV[@]}" "$WC_BUILT"
      "${args[@]}")
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
