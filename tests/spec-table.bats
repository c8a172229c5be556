#!/usr/bin/env bats
# spec-table.bats: every row of SPEC §9's case table, one test per row.  Expected stdout,
# stderr and exit status are the 9.1 column of the table (the oracle's behaviour written
# down), except where this wc deliberately differs: row 75 (--total exists: 9.2+ result)
# and row 78 (true byte count at a non-zero offset).  A wc that follows GNU 9.7 rules is
# held to GNU 9.7's result instead in the rows where it differs (under_9_7).  Each row
# runs under every strategy, and once more with the portable kernels (WC_SIMD=off).

load test_helper
load fixtures

setup_file() {
  fixtures_setup_file
  OUR_RULES=$(our_rules)
  export OUR_RULES
  # Rows 50-52 need a Latin-1 locale; it can only be built into a private LOCPATH.
  LATIN1_DIR=$BATS_FILE_TMPDIR/loc
  export LATIN1_DIR
  if command -v localedef > /dev/null && [ -e /usr/share/i18n/locales/en_US ]; then
    mkdir -p "$LATIN1_DIR"
    # localedef exits 1 on mere warnings; whether the locale works is checked per row.
    localedef -i en_US -f ISO-8859-1 "$LATIN1_DIR/en_US.ISO-8859-1" 2> /dev/null || :
  fi
}

setup() {
  fixtures_setup
}

# under_9_7 STDOUT STDERR STATUS: the row's result under GNU 9.7 rules, given before
# `row` where it differs from 9.1's (written down from GNU coreutils 9.7, Debian 13's
# wc, run on the same snippet; SPEC §6 says why: the word rule, `wc -c` leaving the
# offset at the end).  A wc following 9.7 rules is held to it.
under_9_7() {
  ROW_9_7=("$@")
}

# row LOCALE STDOUT STDERR STATUS <<< SNIPPET
# STDOUT and STDERR are in the table's C-string notation (printf %b decodes them).
row() {
  local snippet env out err bad=0
  snippet=$(cat)
  if [ "$OUR_RULES" = 9.7 ] && [ -n "${ROW_9_7+set}" ]; then
    set -- "$1" "${ROW_9_7[@]}"
  fi
  case $1 in
    en_US.ISO-8859-1)
      [ "$(LOCPATH=$LATIN1_DIR LC_ALL=$1 locale charmap 2> /dev/null)" = ISO-8859-1 ] ||
        skip "cannot build the en_US.ISO-8859-1 locale"
      # (bash itself cannot load it and would warn on stderr)
      env="{ export LOCPATH='$LATIN1_DIR' LC_ALL=$1; } 2> /dev/null" ;;
    *)
      env="export LC_ALL=$1" ;;
  esac
  out=$(printf '%bx' "$2") && out=${out%x}
  err=$(printf '%bx' "$3") && err=${err%x}
  expect_result "$env; $snippet" "$out" "$err" "$4" || bad=1
  # The --debug row names the kernel, so it cannot be the same without SIMD.
  case $snippet in
    *--debug*) ;;
    *) expect_result "$env; export WC_SIMD=off; $snippet" "$out" "$err" "$4" default || bad=1 ;;
  esac
  return "$bad"
}

@test "row 1: printf '' | wc" {
  row C "      0       0       0\n" "" 0 <<'EOF'
printf '' | WC
EOF
}

@test "row 2: printf 'hello world\n' | wc" {
  row C "      1       2      12\n" "" 0 <<'EOF'
printf 'hello world\n' | WC
EOF
}

@test "row 3: printf 'x y\nz' | wc -l" {
  row C "1\n" "" 0 <<'EOF'
printf 'x y\nz' | WC -l
EOF
}

@test "row 4: printf 'x y\nz' | wc -w" {
  row C "3\n" "" 0 <<'EOF'
printf 'x y\nz' | WC -w
EOF
}

@test "row 5: printf 'a\x01b' | wc -w" {
  row C "1\n" "" 0 <<'EOF'
printf 'a\x01b' | WC -w
EOF
}

@test "row 6: printf '\x01' | wc -w" {
  under_9_7 "1\n" "" 0
  row C "0\n" "" 0 <<'EOF'
printf '\x01' | WC -w
EOF
}

@test "row 7: printf 'a \x01 b' | wc -w" {
  under_9_7 "3\n" "" 0
  row C "2\n" "" 0 <<'EOF'
printf 'a \x01 b' | WC -w
EOF
}

@test "row 8: printf '\x00' | wc -wc" {
  under_9_7 "      1       1\n" "" 0
  row C "      0       1\n" "" 0 <<'EOF'
printf '\x00' | WC -wc
EOF
}

@test "row 9: printf '\xff' | wc -wmc" {
  under_9_7 "      1       1       1\n" "" 0
  row C "      0       1       1\n" "" 0 <<'EOF'
printf '\xff' | WC -wmc
EOF
}

@test "row 10: printf 'x \x80' | wc -w" {
  under_9_7 "2\n" "" 0
  row C "1\n" "" 0 <<'EOF'
printf 'x \x80' | WC -w
EOF
}

@test "row 11: printf '\xc3\xa9' | wc -wmcL" {
  under_9_7 "      1       2       2       0\n" "" 0
  row C "      0       2       2       0\n" "" 0 <<'EOF'
printf '\xc3\xa9' | WC -wmcL
EOF
}

@test "row 12: printf 'a\xa0b' | wc -w" {
  under_9_7 "2\n" "" 0
  row C "1\n" "" 0 <<'EOF'
printf 'a\xa0b' | WC -w
EOF
}

@test "row 13: printf '\t' | wc -L" {
  row C "8\n" "" 0 <<'EOF'
printf '\t' | WC -L
EOF
}

@test "row 14: printf '1234567\tb' | wc -L" {
  row C "9\n" "" 0 <<'EOF'
printf '1234567\tb' | WC -L
EOF
}

@test "row 15: printf '12345678\tb' | wc -L" {
  row C "17\n" "" 0 <<'EOF'
printf '12345678\tb' | WC -L
EOF
}

@test "row 16: printf 'abcdef\rxy' | wc -lL" {
  row C "      0       6\n" "" 0 <<'EOF'
printf 'abcdef\rxy' | WC -lL
EOF
}

@test "row 17: printf 'abc\fdefgh' | wc -lL" {
  row C "      0       5\n" "" 0 <<'EOF'
printf 'abc\fdefgh' | WC -lL
EOF
}

@test "row 18: printf 'abc\vdefgh' | wc -wL" {
  row C "      2       8\n" "" 0 <<'EOF'
printf 'abc\vdefgh' | WC -wL
EOF
}

@test "row 19: printf 'a\x01\x02b' | wc -wL" {
  row C "      1       2\n" "" 0 <<'EOF'
printf 'a\x01\x02b' | WC -wL
EOF
}

@test "row 20: printf '\x1b[31mred\x1b[0m' | wc -L" {
  row C "10\n" "" 0 <<'EOF'
printf '\x1b[31mred\x1b[0m' | WC -L
EOF
}

@test "row 21: printf 'abc\n\n' | wc -L" {
  row C "3\n" "" 0 <<'EOF'
printf 'abc\n\n' | WC -L
EOF
}

@test "row 22: printf '\xc3\xa9' | wc -wmcL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       1       2       1\n" "" 0 <<'EOF'
printf '\xc3\xa9' | WC -wmcL
EOF
}

@test "row 23: printf '\xe2\x82' | wc -wmcL (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       0       2       0\n" "" 0
  row C.UTF-8 "      0       0       2       0\n" "" 0 <<'EOF'
printf '\xe2\x82' | WC -wmcL
EOF
}

@test "row 24: printf 'a\xe2\x82' | wc -wmc (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       1       3\n" "" 0 <<'EOF'
printf 'a\xe2\x82' | WC -wmc
EOF
}

@test "row 25: printf '\xe2\x82a' | wc -wmc (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       1       3\n" "" 0 <<'EOF'
printf '\xe2\x82a' | WC -wmc
EOF
}

@test "row 26: printf '\xff' | wc -wmcL (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       0       1       0\n" "" 0
  row C.UTF-8 "      0       0       1       0\n" "" 0 <<'EOF'
printf '\xff' | WC -wmcL
EOF
}

@test "row 27: printf 'a\xffb' | wc -wmc (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       2       3\n" "" 0 <<'EOF'
printf 'a\xffb' | WC -wmc
EOF
}

@test "row 28: printf 'x \x80' | wc -w (LC_ALL=C.UTF-8)" {
  under_9_7 "2\n" "" 0
  row C.UTF-8 "1\n" "" 0 <<'EOF'
printf 'x \x80' | WC -w
EOF
}

@test "row 29: printf '\xc0\xaf' | wc -wmc (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       0       2\n" "" 0
  row C.UTF-8 "      0       0       2\n" "" 0 <<'EOF'
printf '\xc0\xaf' | WC -wmc
EOF
}

@test "row 30: printf '\xed\xa0\x80' | wc -wmc (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       0       3\n" "" 0
  row C.UTF-8 "      0       0       3\n" "" 0 <<'EOF'
printf '\xed\xa0\x80' | WC -wmc
EOF
}

@test "row 31: printf '\xf4\x90\x80\x80' | wc -wmc (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       1       4\n" "" 0
  row C.UTF-8 "      0       1       4\n" "" 0 <<'EOF'
printf '\xf4\x90\x80\x80' | WC -wmc
EOF
}

@test "row 32: printf '\xf8\x88\x80\x80\x80' | wc -wmc (LC_ALL=C.UTF-8)" {
  under_9_7 "      1       1       5\n" "" 0
  row C.UTF-8 "      0       1       5\n" "" 0 <<'EOF'
printf '\xf8\x88\x80\x80\x80' | WC -wmc
EOF
}

@test "row 33: printf 'a\x00b' | wc -wmcL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       3       3       2\n" "" 0 <<'EOF'
printf 'a\x00b' | WC -wmcL
EOF
}

@test "row 34: printf 'a\xc2\xa0b' | wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "2\n" "" 0 <<'EOF'
printf 'a\xc2\xa0b' | WC -w
EOF
}

@test "row 35: printf 'a\xc2\xa0b' | POSIXLY_CORRECT=1 wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "1\n" "" 0 <<'EOF'
printf 'a\xc2\xa0b' | POSIXLY_CORRECT=1 WC -w
EOF
}

@test "row 36: printf 'a\xe2\x80\x87b' | wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "2\n" "" 0 <<'EOF'
printf 'a\xe2\x80\x87b' | WC -w
EOF
}

@test "row 37: printf 'a\xe2\x80\xafb' | wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "2\n" "" 0 <<'EOF'
printf 'a\xe2\x80\xafb' | WC -w
EOF
}

@test "row 38: printf 'a\xe2\x81\xa0b' | wc -wL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      2       2\n" "" 0 <<'EOF'
printf 'a\xe2\x81\xa0b' | WC -wL
EOF
}

@test "row 39: printf 'a\xe2\x81\xa0b' | POSIXLY_CORRECT=1 wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "1\n" "" 0 <<'EOF'
printf 'a\xe2\x81\xa0b' | POSIXLY_CORRECT=1 WC -w
EOF
}

@test "row 40: printf 'a\xe2\x80\x83b' | wc -w (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "2\n" "" 0 <<'EOF'
printf 'a\xe2\x80\x83b' | WC -w
EOF
}

@test "row 41: printf 'a\xe3\x80\x80b' | wc -wL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      2       4\n" "" 0 <<'EOF'
printf 'a\xe3\x80\x80b' | WC -wL
EOF
}

@test "row 42: printf 'a\xe2\x80\xa8b' | wc -w (LC_ALL=C.UTF-8)" {
  under_9_7 "2\n" "" 0
  row C.UTF-8 "1\n" "" 0 <<'EOF'
printf 'a\xe2\x80\xa8b' | WC -w
EOF
}

@test "row 43: printf 'a\xc2\x85b' | wc -wm (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       3\n" "" 0 <<'EOF'
printf 'a\xc2\x85b' | WC -wm
EOF
}

@test "row 44: printf '\xe2\x80\x8b' | wc -wmL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       1       0\n" "" 0 <<'EOF'
printf '\xe2\x80\x8b' | WC -wmL
EOF
}

@test "row 45: printf '\xe4\xb8\x80\xe4\xb8\x80' | wc -mL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      2       4\n" "" 0 <<'EOF'
printf '\xe4\xb8\x80\xe4\xb8\x80' | WC -mL
EOF
}

@test "row 46: printf 'e\xcc\x81' | wc -mL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      2       1\n" "" 0 <<'EOF'
printf 'e\xcc\x81' | WC -mL
EOF
}

@test "row 47: printf '\xf0\x9f\x98\x80' | wc -wmcL (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "      1       1       4       2\n" "" 0 <<'EOF'
printf '\xf0\x9f\x98\x80' | WC -wmcL
EOF
}

@test "row 48: printf 'ab\xe4\xb8\x80\t|' | wc -L (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "9\n" "" 0 <<'EOF'
printf 'ab\xe4\xb8\x80\t|' | WC -L
EOF
}

@test "row 49: printf '\x01' | wc -w (LC_ALL=C.UTF-8)" {
  under_9_7 "1\n" "" 0
  row C.UTF-8 "0\n" "" 0 <<'EOF'
printf '\x01' | WC -w
EOF
}

@test "row 50: printf 'a\xa0b' | wc -wL (LC_ALL=en_US.ISO-8859-1)" {
  row en_US.ISO-8859-1 "      2       3\n" "" 0 <<'EOF'
printf 'a\xa0b' | WC -wL
EOF
}

@test "row 51: printf 'a\xa0b' | POSIXLY_CORRECT=1 wc -w (LC_ALL=en_US.ISO-8859-1)" {
  row en_US.ISO-8859-1 "1\n" "" 0 <<'EOF'
printf 'a\xa0b' | POSIXLY_CORRECT=1 WC -w
EOF
}

@test "row 52: printf '\xe9t\xe9' | wc -wmL (LC_ALL=en_US.ISO-8859-1)" {
  row en_US.ISO-8859-1 "      1       3       3\n" "" 0 <<'EOF'
printf '\xe9t\xe9' | WC -wmL
EOF
}

@test "row 53: wc f1" {
  row C " 1  2 12 f1\n" "" 0 <<'EOF'
WC f1
EOF
}

@test "row 54: wc -l f1" {
  row C "1 f1\n" "" 0 <<'EOF'
WC -l f1
EOF
}

@test "row 55: wc f1 f2" {
  row C " 1  2 12 f1\n 2  4  8 f2\n 3  6 20 total\n" "" 0 <<'EOF'
WC f1 f2
EOF
}

@test "row 56: wc -l f1 k1" {
  row C "   1 f1\n   0 k1\n   1 total\n" "" 0 <<'EOF'
WC -l f1 k1
EOF
}

@test "row 57: echo hi | wc" {
  row C "      1       1       3\n" "" 0 <<'EOF'
echo hi | WC
EOF
}

@test "row 58: echo hi | wc -l" {
  row C "1\n" "" 0 <<'EOF'
echo hi | WC -l
EOF
}

@test "row 59: echo hi | wc -l -" {
  row C "1 -\n" "" 0 <<'EOF'
echo hi | WC -l -
EOF
}

@test "row 60: echo hi | wc -l - f1" {
  row C "      1 -\n      1 f1\n      2 total\n" "" 0 <<'EOF'
echo hi | WC -l - f1
EOF
}

@test "row 61: wc < f1" {
  row C " 1  2 12\n" "" 0 <<'EOF'
WC < f1
EOF
}

@test "row 62: wc - < f1" {
  row C " 1  2 12 -\n" "" 0 <<'EOF'
WC - < f1
EOF
}

@test "row 63: wc -c -m f1" {
  row C "12 12 f1\n" "" 0 <<'EOF'
WC -c -m f1
EOF
}

@test "row 64: wc -m -c f1 (LC_ALL=C.UTF-8)" {
  row C.UTF-8 "12 12 f1\n" "" 0 <<'EOF'
WC -m -c f1
EOF
}

@test "row 65: wc -L f1 k1" {
  row C "  11 f1\n1000 k1\n1000 total\n" "" 0 <<'EOF'
WC -L f1 k1
EOF
}

@test "row 66: wc /dev/null" {
  row C "      0       0       0 /dev/null\n" "" 0 <<'EOF'
WC /dev/null
EOF
}

@test "row 67: wc . f1" {
  row C "      0       0       0 .\n      1       2      12 f1\n      1       2      12 total\n" "wc: .: Is a directory\n" 1 <<'EOF'
WC . f1
EOF
}

@test "row 68: wc nosuch f1" {
  row C " 1  2 12 f1\n 1  2 12 total\n" "wc: nosuch: No such file or directory\n" 1 <<'EOF'
WC nosuch f1
EOF
}

@test "row 69: wc '' f1" {
  row C " 1  2 12 f1\n 1  2 12 total\n" "wc: invalid zero-length file name\n" 1 <<'EOF'
WC '' f1
EOF
}

@test "row 70: wc -c \"\$(printf 'n\nl')\"" {
  row C "0 'n'\$'\\\n''l'\n" "" 0 <<'EOF'
WC -c "$(printf 'n\nl')"
EOF
}

@test "row 71: printf 'f1\0f2\0' | wc --files0-from=-" {
  row C "1 2 12 f1\n2 4 8 f2\n3 6 20 total\n" "" 0 <<'EOF'
printf 'f1\0f2\0' | WC --files0-from=-
EOF
}

@test "row 72: printf 'f1\0\0f2' > \$T/n2; wc --files0-from=\$T/n2" {
  row C " 1  2 12 f1\n 2  4  8 f2\n 3  6 20 total\n" "wc: $T/n2:2: invalid zero-length file name\n" 1 <<'EOF'
printf 'f1\0\0f2' > $T/n2; WC --files0-from=$T/n2
EOF
}

@test "row 73: printf -- '-\0' | wc --files0-from=-" {
  row C "" "wc: when reading file names from stdin, no file name of '-' allowed\n" 1 <<'EOF'
printf -- '-\0' | WC --files0-from=-
EOF
}

@test "row 74: wc --files0-from=- f1 < /dev/null" {
  row C "" "wc: extra operand 'f1'\nfile operands cannot be combined with --files0-from\nTry 'wc --help' for more information.\n" 1 <<'EOF'
WC --files0-from=- f1 < /dev/null
EOF
}

@test "row 75: wc --total=only f1 f2" {
  # --total exists here (SPEC §6), so the 9.2+ result is expected.
  row C "3 6 20\n" "" 0 <<'EOF'
WC --total=only f1 f2
EOF
}

@test "row 76: { wc -c; wc -c; } < f1" {
  under_9_7 "12\n0\n" "" 0
  row C "12\n12\n" "" 0 <<'EOF'
{ WC -c; WC -c; } < f1
EOF
}

@test "row 77: wc -c - - < f2" {
  under_9_7 " 8 -\n 0 -\n 8 total\n" "" 0
  row C " 8 -\n 8 -\n16 total\n" "" 0 <<'EOF'
WC -c - - < f2
EOF
}

@test "row 78: (dd bs=1 skip=100 count=0 status=none; wc -c) < z8192" {
  # Deliberate difference: the true remaining size, not 9.1's st_size - 2*offset.
  row C "8092\n" "" 0 <<'EOF'
(dd bs=1 skip=100 count=0 status=none; WC -c) < z8192
EOF
}

@test "row 79: (dd bs=1 skip=1 count=0 status=none; wc -c) < f1" {
  row C "11\n" "" 0 <<'EOF'
(dd bs=1 skip=1 count=0 status=none; WC -c) < f1
EOF
}

@test "row 80: wc f1 > /dev/full" {
  row C "" "wc: write error\n" 1 <<'EOF'
WC f1 > /dev/full
EOF
}

@test "row 81: wc -l --debug f1" {
  grep -qw avx2 /proc/cpuinfo || skip "no AVX2 on this CPU"
  row C "1 f1\n" "wc: using avx2 hardware support\n" 0 <<'EOF'
WC -l --debug f1
EOF
}

@test "row 82: wc --c f1" {
  row C "12 f1\n" "" 0 <<'EOF'
WC --c f1
EOF
}

@test "row 83: wc --m f1" {
  row C "11 f1\n" "" 0 <<'EOF'
WC --m f1
EOF
}

@test "row 84: wc -x" {
  row C "" "wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n" 1 <<'EOF'
WC -x
EOF
}

@test "row 85: wc < ." {
  row C "      0       0       0\n" "wc: 'standard input': Is a directory\n" 1 <<'EOF'
WC < .
EOF
}

