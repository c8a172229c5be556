#!/usr/bin/env bats
# cli.bats: the command line.  Options, long forms and their prefixes, bundling,
# permutation, usage errors, argv[0] in messages, --help/--version, --total, -p/--strategy
# and translated messages.  Expected results come from the system wc run the same way,
# or (for what 9.1 lacks: --total, -p/--strategy, --stats, our --help and --version text)
# from SPEC §6 and the documented command line of this wc.

load test_helper
load fixtures

# The environment in which coreutils' catalogue speaks German, in GERMAN (empty when
# none can be had).  LANGUAGE=de selects it in C.UTF-8 where the C library honours
# LANGUAGE there (Debian 12's); newer ones ignore LANGUAGE in C.UTF-8 as in C
# (Debian 13's), so then a German UTF-8 locale is compiled for the suite and
# LOCPATH, exported to every test (the shell itself must find the locale, or it
# warns on stderr), names a directory holding it and the C.UTF-8 locale.
german_setup() {
  GERMAN=
  export GERMAN
  [ -e /usr/share/locale/de/LC_MESSAGES/coreutils.mo ] || return 0
  if [ "$(german_total 'LANGUAGE=de LC_ALL=C.UTF-8')" = insgesamt ]; then
    GERMAN='LANGUAGE=de LC_ALL=C.UTF-8'
    return 0
  fi
  command -v localedef > /dev/null && [ -e /usr/share/i18n/locales/de_DE ] || return 0
  local dir=$BATS_FILE_TMPDIR/locales c
  mkdir -p "$dir"
  # localedef exits 1 on mere warnings; whether the locale works is checked below.
  localedef -i de_DE -f UTF-8 "$dir/de_DE.UTF-8" 2> /dev/null || :
  for c in /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8; do
    [ ! -d "$c" ] || ln -s "$c" "$dir/"
  done
  if [ "$(german_total "LOCPATH=$dir LANGUAGE=de LC_ALL=de_DE.UTF-8")" = insgesamt ] &&
    [ "$(LOCPATH=$dir LC_ALL=C.UTF-8 "$SYS_WC" -m <<< 'é')" = 2 ]; then
    export LOCPATH=$dir
    GERMAN='LANGUAGE=de LC_ALL=de_DE.UTF-8'
  fi
}

# german_total ENV: the label of the system wc's total line under ENV.
german_total() {
  env $1 "$SYS_WC" /dev/null /dev/null 2> /dev/null | sed -n '3s/.* //p'
}

setup_file() {
  fixtures_setup_file
  german_setup
}

@test "each counting option alone, short and long" {
  local opt bad=0
  for opt in -c -m -l -w -L --bytes --chars --lines --words --max-line-length; do
    same_as_sys "WC $opt f1" || bad=1
    same_as_sys "WC $opt f1 f2 k1" || bad=1
    same_as_sys "printf 'a b\n\tc' | WC $opt" || bad=1
  done
  return "$bad"
}

@test "default counts, fixed column order whatever the option order" {
  local args bad=0
  for args in '' '-l -w -c' '-c -w -l' '-L -m -c -w -l' '-c -m' '-m -c' '-l -l -l' \
    '--bytes --chars --lines --words --max-line-length' '-w -L' '-L -l'; do
    same_as_sys "WC $args f1 f2" || bad=1
    same_as_sys "LC_ALL=C.UTF-8 WC $args f1 f2" || bad=1
  done
  return "$bad"
}

@test "short options bundle" {
  local args bad=0
  for args in -cwl -lwc -Lmcwl -wL -lc -cm -mL -ll; do
    same_as_sys "WC $args f1" || bad=1
    same_as_sys "WC $args f1 k1" || bad=1
  done
  return "$bad"
}

@test "long options accept unambiguous prefixes, down to one letter" {
  local args bad=0
  # --c is --chars and --m is --max-line-length (SPEC §1.1).
  for args in --c --m --b --l --w --ch --by --li --max --wor '--ch --by --li --w' \
    --bytes --chars; do
    same_as_sys "WC $args f1" || bad=1
  done
  same_as_sys 'WC --b --f=names' || bad=1
  same_as_sys 'WC --files0=names' || bad=1
  same_as_sys 'WC --f names' || bad=1
  same_as_sys 'WC --d -l f1' || bad=1
  same_as_sys 'WC --deb f1' || bad=1
  return "$bad"
}

@test "options may follow operands (permutation)" {
  local bad=0
  same_as_sys 'WC f1 --lines' || bad=1
  same_as_sys 'WC f1 -l f2' || bad=1
  same_as_sys 'WC f1 f2 -cw' || bad=1
  same_as_sys 'WC f1 --files0-from=names' || bad=1
  return "$bad"
}

@test "POSIXLY_CORRECT stops option parsing at the first operand" {
  local bad=0
  same_as_sys 'POSIXLY_CORRECT=1 WC f1 --lines' || bad=1
  same_as_sys 'POSIXLY_CORRECT=1 WC -l f1 -w f2' || bad=1
  same_as_sys 'POSIXLY_CORRECT= WC f1 -c' || bad=1
  return "$bad"
}

@test "-- ends the options" {
  local bad=0
  same_as_sys 'WC -- -l' || bad=1
  same_as_sys 'WC -l -- f1' || bad=1
  same_as_sys 'WC -- f1 --lines' || bad=1
  same_as_sys 'WC -- - < f1' || bad=1
  same_as_sys 'WC -c -- -- f1' || bad=1
  return "$bad"
}

@test "usage errors: messages, Try line, status 1, empty stdout" {
  local args bad=0
  for args in --lines=3 '--bytes=1 f1' -x '-y f1' -lx --foo '--foo f1' --files0-from \
    '-l --files0-from' --debug=1 --help=x --version=1 '-x --help' '--foo --version' \
    '-x --foo' --- '--lin=2'; do
    same_as_sys "WC $args" || bad=1
  done
  return "$bad"
}

@test "usage errors in the C.UTF-8 locale keep ASCII quotes" {
  local args bad=0
  for args in -x --foo --lines=3 --files0-from '--files0-from=names f1' \
    '--files0-from=- f1 f2'; do
    same_as_sys "LC_ALL=C.UTF-8 WC $args" || bad=1
    same_as_sys "LC_ALL=C WC $args" || bad=1
  done
  return "$bad"
}

@test "file diagnostics in the C and C.UTF-8 locales" {
  local args bad=0
  for args in 'nosuch f1' "'no such' f1" "\"no'such\"" '. f1' "''" \
    '--files0-from=nosuch' '--files0-from=.' "\"\$(printf 'caf\\303\\251 x')\""; do
    same_as_sys "LC_ALL=C.UTF-8 WC $args" || bad=1
    same_as_sys "LC_ALL=C WC $args" || bad=1
  done
  return "$bad"
}

@test "--help starts with the usage line, exits 0, prints to stdout only" {
  ours_run 'WC --help'
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  [ "${output%%$'\n'*}" = "Usage: wc [OPTION]... [FILE]..." ]
  [[ $output == *$'\n''  or:  wc [OPTION]... --files0-from=F'$'\n'* ]]
}

@test "--help mentions every documented option" {
  ours_run 'WC --help'
  [ "$status" -eq 0 ]
  local opt missing=
  for opt in '-c,' --bytes '-m,' --chars '-l,' --lines '-w,' --words '-L,' --max-line-length \
    --files0-from=F --total '-p,' --strategy --stats --progress --help --version; do
    [[ $output == *"$opt"* ]] || missing+=" $opt"
  done
  [ -z "$missing" ] || { echo "not in --help:$missing"; false; }
}

@test "--version follows GNU's format" {
  ours_run 'WC --version'
  [ "$status" -eq 0 ]
  [ -z "$stderr" ]
  local -a line
  mapfile -t line < "$CAP/one.out"
  [ "${line[0]}" = "wc (wc-strategies) 0.1" ]
  [[ ${line[1]} =~ ^Copyright\ \(C\)\ [0-9]{4}(-[0-9]{4})?\ .+ ]]
  [ "${line[2]}" = "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>." ]
  [ "${line[3]}" = "This is free software: you are free to change and redistribute it." ]
  [ "${line[4]}" = "There is NO WARRANTY, to the extent permitted by law." ]
}

# first_line SNIPPET STRATEGY LINE: our wc exits 0 and stdout starts with LINE.
first_line() {
  ours_run "$1" "$2"
  [ "$status" -eq 0 ] || { echo "$1: status $status"; return 1; }
  [ "${output%%$'\n'*}" = "$3" ] || { echo "$1: first line '${output%%$'\n'*}'"; return 1; }
}

@test "--help and --version: the first one wins, and everything else is ignored" {
  local usage='Usage: wc [OPTION]... [FILE]...' version='wc (wc-strategies) 0.1' s bad=0
  for s in $STRATEGIES; do
    first_line 'WC --help --version' "$s" "$usage" || bad=1
    first_line 'WC --version --help' "$s" "$version" || bad=1
    first_line 'WC -l --version f1' "$s" "$version" || bad=1
    first_line 'WC nosuch --help --foo' "$s" "$usage" || bad=1
    [ -z "$stderr" ] || bad=1
    first_line 'WC --h' "$s" "$usage" || bad=1
    first_line 'WC --v' "$s" "$version" || bad=1
    first_line 'WC --total=only --help' "$s" "$usage" || bad=1
    first_line 'WC --total=x --help' "$s" "$usage" && bad=1
  done
  return "$bad"
}

@test "an invalid option before --help or --version is reported first" {
  local bad=0
  same_as_sys 'WC -x --help' || bad=1
  same_as_sys 'WC --foo --version' || bad=1
  same_as_sys 'WC --lines=1 --help' || bad=1
  return "$bad"
}

@test "argv[0] names the program in diagnostics as the system wc does" {
  local args bad=0
  for args in nosuch -x --foo '--files0-from=nosuch' '--files0-from=names f1' '. f1'; do
    same_as_sys "(exec -a /some/path/wc \"\$(wc_bin)\" \$(wc_opts) $args)" || bad=1
    same_as_sys "(exec -a foo/bar \"\$(wc_bin)\" \$(wc_opts) $args)" || bad=1
  done
  # Through a symlink with another name.
  same_as_sys 'ln -sf "$(wc_bin)" mywc; ./mywc $(wc_opts) nosuch f1' || bad=1
  same_as_sys 'ln -sf "$(wc_bin)" mywc; ./mywc $(wc_opts) -x' || bad=1
  return "$bad"
}

@test "argv[0] in --help's usage lines and Try line" {
  ours_run '(exec -a /some/path/wc "$WC_BUILT" --help)'
  [ "$status" -eq 0 ]
  [ "${output%%$'\n'*}" = "Usage: /some/path/wc [OPTION]... [FILE]..." ]
  [[ $output == *$'\n''  or:  /some/path/wc [OPTION]... --files0-from=F'$'\n'* ]]
  ours_run '(exec -a /some/path/wc "$WC_BUILT" --version)'
  [ "$status" -eq 0 ]
  [ "${output%%$'\n'*}" = "wc (wc-strategies) 0.1" ]
  ours_run '(exec -a /some/path/wc "$WC_BUILT" -p nosuch)'
  [ "$status" -eq 1 ]
  [ -z "$output" ]
  # GNU 9.7 names the program by the last part of argv[0] in this message.
  local name=/some/path/wc
  [ "$(our_rules)" = 9.1 ] || name=wc
  [ "${stderr%%$'\n'*}" = "$name: invalid argument 'nosuch' for '--strategy'" ]
  [ "${stderr##*$'\n'}" = "Try '/some/path/wc --help' for more information." ]
}

@test "--total=only prints the total counts alone, width 1, no label" {
  local bad=0
  expect_result 'WC --total=only f1 f2' $'3 6 20\n' '' 0 || bad=1
  expect_result 'WC --total=only -l f1 f2 k1' $'3\n' '' 0 || bad=1
  expect_result 'WC --total=only -L f1 k1' $'1000\n' '' 0 || bad=1
  expect_result 'echo hi | WC --total=only' $'1 1 3\n' '' 0 || bad=1
  expect_result 'WC --total=only f1' $'1 2 12\n' '' 0 || bad=1
  expect_result 'WC --total=only nosuch f1' $'1 2 12\n' \
    $'wc: nosuch: No such file or directory\n' 1 || bad=1
  expect_result 'WC --total=only --files0-from=names' $'2 3 10\n' '' 0 || bad=1
  return "$bad"
}

@test "--total=always prints a total even for one input" {
  local bad=0
  expect_result 'WC --total=always f1' $' 1  2 12 f1\n 1  2 12 total\n' '' 0 || bad=1
  expect_result 'WC --total=always -l f1 f2' $' 1 f1\n 2 f2\n 3 total\n' '' 0 || bad=1
  if [ -n "$GERMAN" ]; then
    expect_result "$GERMAN WC --total=always f1" \
      $' 1  2 12 f1\n 1  2 12 insgesamt\n' '' 0 || bad=1
  fi
  return "$bad"
}

@test "--total=never and --total=auto" {
  local bad=0
  expect_result 'WC --total=never f1 f2' $' 1  2 12 f1\n 2  4  8 f2\n' '' 0 || bad=1
  expect_result 'WC --total=never nosuch f1' $' 1  2 12 f1\n' \
    $'wc: nosuch: No such file or directory\n' 1 || bad=1
  expect_result 'WC f1 f2 --total=auto' "$(sys_wc f1 f2)"$'\n' '' 0 || bad=1
  expect_result 'WC --total=auto f1' "$(sys_wc f1)"$'\n' '' 0 || bad=1
  expect_result 'WC --total=auto --files0-from=names' "$(sys_wc --files0-from=names)"$'\n' '' 0 ||
    bad=1
  return "$bad"
}

@test "--total accepts argmatch prefixes; the last --total wins" {
  local bad=0
  expect_result 'WC --total=al f1' $' 1  2 12 f1\n 1  2 12 total\n' '' 0 || bad=1
  expect_result 'WC --total=o f1 f2' $'3 6 20\n' '' 0 || bad=1
  expect_result 'WC --total=n f1 f2' $' 1  2 12 f1\n 2  4  8 f2\n' '' 0 || bad=1
  expect_result 'WC --total=au f1' $' 1  2 12 f1\n' '' 0 || bad=1
  expect_result 'WC --total=never --total=only f1 f2' $'3 6 20\n' '' 0 || bad=1
  expect_result 'WC --tot=only f1 f2' $'3 6 20\n' '' 0 || bad=1
  return "$bad"
}

@test "--total with an invalid, ambiguous or missing argument" {
  local bad=0
  expect_result 'WC --total=x f1' '' \
    "$(argmatch_error invalid x --total auto always only never)"$'\n' 1 || bad=1
  expect_result 'WC --total=a f1' '' \
    "$(argmatch_error ambiguous a --total auto always only never)"$'\n' 1 || bad=1
  # The argument is required, so the next word is taken as WHEN.
  expect_result 'WC --total 2b 2w' '' \
    "$(argmatch_error invalid 2b --total auto always only never)"$'\n' 1 || bad=1
  expect_result 'WC f1 --total' '' \
    $'wc: option \'--total\' requires an argument\nTry \'wc --help\' for more information.\n' 1 ||
    bad=1
  return "$bad"
}

@test "--gnu-compat takes 9.1 and 9.7, rejects other and ambiguous values" {
  local bad=0
  expect_result 'printf "a\\001b \\001" | WC --gnu-compat=9.1 -w' $'1\n' '' 0 || bad=1
  expect_result 'printf "a\\001b \\001" | WC --gnu-compat=9.7 -w' $'2\n' '' 0 || bad=1
  expect_result 'WC --gnu-compat=9.5 f1' '' \
    "$(argmatch_error invalid 9.5 --gnu-compat 9.1 9.7)"$'\n' 1 || bad=1
  expect_result 'WC --gnu-compat=9 f1' '' \
    "$(argmatch_error ambiguous 9 --gnu-compat 9.1 9.7)"$'\n' 1 || bad=1
  return "$bad"
}

@test "--version names the rule set in force, which --gnu-compat changes" {
  local set
  for set in 9.1 9.7; do
    ours_run "WC --gnu-compat=$set --version"
    [ "$status" -eq 0 ]
    [ "${output##*$'\n'}" = "Follows GNU wc $set rules (--gnu-compat=$set)." ]
  done
}

@test "--help defines a word as the system wc does, under the system wc's rules" {
  # The sentence is the two lines from "A word is" on, in GNU's --help.
  local sys_set
  sys_set=$(system_rules) || skip "the system wc is not GNU's"
  local want got
  want=$(sys_wc --help | sed -n '/A word is/{N;s/.*A word is/A word is/;p}')
  [ -n "$want" ]
  ours_run "WC --gnu-compat=$sys_set --help"
  got=$(printf '%s\n' "$output" | sed -n '/A word is/{N;s/.*A word is/A word is/;p}')
  [ "$got" = "$want" ]
}

@test "-p/--strategy: every name, long and short, with prefixes, gives the system's output" {
  local bad=0 sel
  run_case sys default 'WC f1 f2 k1' sys
  for sel in '-p scanner' '-pupfront' '-p buffering' '-p mmap' '-p mmap2' \
    '--strategy=scanner' '--strategy upfront' '--strategy=mmap2' '-p s' '-p up' \
    '-p b' '--strategy=buf' '--strat=mmap' '--str=u' '-p mmap -p scanner'; do
    run_case ours default "WC $sel f1 f2 k1" ours
    compare_capture sys ours "$sel" || bad=1
  done
  return "$bad"
}

@test "-p/--strategy rejects unknown and ambiguous names with the list of valid ones" {
  local bad=0 names='scanner upfront buffering mmap mmap2'
  expect_result 'WC -p x f1' '' \
    "$(argmatch_error invalid x --strategy $names)"$'\n' 1 default || bad=1
  expect_result 'WC --strategy=stream f1' '' \
    "$(argmatch_error invalid stream --strategy $names)"$'\n' 1 default || bad=1
  expect_result 'WC -p mm f1' '' \
    "$(argmatch_error ambiguous mm --strategy $names)"$'\n' 1 default || bad=1
  expect_result 'WC --strategy=m f1' '' \
    "$(argmatch_error ambiguous m --strategy $names)"$'\n' 1 default || bad=1
  expect_result 'WC -p mmap3 f1' '' \
    "$(argmatch_error invalid mmap3 --strategy $names)"$'\n' 1 default || bad=1
  expect_result 'WC -p' '' \
    $'wc: option requires an argument -- \'p\'\nTry \'wc --help\' for more information.\n' 1 \
    default || bad=1
  expect_result 'WC --strategy' '' \
    $'wc: option \'--strategy\' requires an argument\nTry \'wc --help\' for more information.\n' 1 \
    default || bad=1
  return "$bad"
}

@test "--stats adds per-operand and total lines on stderr only" {
  local s line n
  run_case sys default 'WC -c f1 f2' sys
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC --stats -c f1 f2' "$s"
    cmp "$CAP/sys.out" "$CAP/$s.out"
    [ "$(cat "$CAP/$s.rc")" = 0 ]
    n=0
    while IFS= read -r line; do
      n=$((n + 1))
      case $n in
        1|2)
          [[ $line =~ ^stats\ scope=file\ strategy=[a-z0-9]+\ used=size\ bytes=[0-9]+\ .*\ name=f$n$ ]] ||
            { echo "bad line: $line"; false; } ;;
        3)
          [[ $line =~ ^stats\ scope=total\ strategy=[a-z0-9]+\ bytes=[0-9]+\ reads=[0-9]+\ maps=[0-9]+\ wall_s= ]] ||
            { echo "bad line: $line"; false; } ;;
      esac
    done < "$CAP/$s.err"
    [ "$n" -eq 3 ]
  done
  ours_run 'WC --stats -p upfront -l f1' default
  [ "$output" = "1 f1" ]
  [[ ${stderr%%$'\n'*} =~ ^stats\ scope=file\ strategy=upfront\ used=upfront\ bytes=12\ .*\ name=f1$ ]]
}

@test "LANGUAGE=de translates 'total' and the messages, as the system wc does" {
  [ -n "$GERMAN" ] || skip "no German coreutils catalogue, or no German locale to use it"
  local args bad=0
  for args in 'f1 f2' 'nosuch f1' '. f1' "'' f1" -x --foo --lines=3 --files0-from \
    '--files0-from=names f1' '--files0-from=nosuch' '-c - - < f2'; do
    same_as_sys "$GERMAN WC $args" || bad=1
  done
  # With LC_ALL=C the catalogue is not used.
  same_as_sys 'LANGUAGE=de LC_ALL=C WC f1 f2 nosuch' || bad=1
  expect_result "$GERMAN WC f1 f2" \
    $' 1  2 12 f1\n 2  4  8 f2\n 3  6 20 insgesamt\n' '' 0 default || bad=1
  return "$bad"
}
