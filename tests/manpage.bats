#!/usr/bin/env bats
# manpage.bats: man/wc.1 is written by hand, so check that it is clean roff
# for both formatters and that it has not drifted from the program: every
# option of --help, every strategy and every --stats key must be in it.
load test_helper
bats_require_minimum_version 1.5.0

# Diagnostics and --help in plain ASCII, whatever the caller's locale.
export LC_ALL=C

# Set by `make check`; the fallbacks serve a suite run by hand.
: "${MAN_PAGE:=$BATS_TEST_DIRNAME/../man/wc.1}"
: "${MANDOC=$(command -v mandoc || true)}"
: "${GROFF=$(command -v groff || true)}"

# configure sets a tool it did not find to ':' (or leaves it empty).
have_tool() {
  [ -n "$1" ] && [ "$1" != : ] && command -v "$1" > /dev/null
}

# The lines of one section (.SH NAME up to the next .SH) of the page.
page_section() {
  awk -v want=".SH $1" '
    /^\.SH / { inside = ($0 == want || $0 == want "\"") ; next }
    inside' "$MAN_PAGE"
}

# How roff spells a text: every hyphen-minus escaped.
roff_escape() {
  printf '%s\n' "$1" | sed 's/-/\\-/g'
}

@test "the page exists and is a man(7) page for wc" {
  [ -s "$MAN_PAGE" ]
  run grep -c '^\.TH WC 1 ' "$MAN_PAGE"
  assert_output 1
}

@test "mandoc -Tlint -W all finds nothing" {
  have_tool "$MANDOC" || skip "mandoc not available"
  run "$MANDOC" -Tlint -W all "$MAN_PAGE"
  assert_success
  assert_output ''
}

@test "groff -man -ww -z prints no warning" {
  have_tool "$GROFF" || skip "groff not available"
  # groff exits 0 even when it warns: the test is the empty stderr.
  run "$GROFF" -man -ww -z "$MAN_PAGE"
  assert_success
  assert_output ''
}

@test "every long option of wc --help is in the page" {
  run our_wc --help
  assert_success
  local -a opts
  mapfile -t opts < <(printf '%s\n' "$output" \
                        | grep -o -- '--[a-z0-9][a-z0-9-]*' | sort -u)
  # help, version, the five counts, files0-from, total, strategy, stats
  [ "${#opts[@]}" -ge 11 ]
  local o missing=
  for o in "${opts[@]}"; do
    grep -qF -- "$(roff_escape "$o")" "$MAN_PAGE" || missing+=" $o"
  done
  [ -z "$missing" ] || fail "not in $MAN_PAGE:$missing"
}

@test "every short option of wc --help is in the page" {
  run our_wc --help
  assert_success
  local -a opts
  mapfile -t opts < <(printf '%s\n' "$output" \
                        | sed -n 's/^  \(-[A-Za-z]\),.*/\1/p' | sort -u)
  [ "${#opts[@]}" -ge 6 ]
  local o missing=
  for o in "${opts[@]}"; do
    grep -qF -- "$(roff_escape "$o")" "$MAN_PAGE" || missing+=" $o"
  done
  [ -z "$missing" ] || fail "not in $MAN_PAGE:$missing"
}

@test "every strategy has its entry under -p and under STRATEGIES" {
  # The program lists its strategies when given a name that matches all.
  run our_wc --strategy=
  assert_failure
  local -a names
  mapfile -t names < <(printf '%s\n' "$output" \
                         | sed -n "s/^  - '\\(.*\\)'\$/\\1/p")
  [ "${#names[@]}" -ge 5 ]
  local options strategies n missing=
  options=$(page_section OPTIONS)
  strategies=$(page_section STRATEGIES)
  for n in "${names[@]}"; do
    grep -qx "\.B $n" <<< "$options" || missing+=" $n(OPTIONS)"
  done
  for n in stream "${names[@]}"; do
    grep -qx "\.B $n" <<< "$strategies" || missing+=" $n(STRATEGIES)"
  done
  [ -z "$missing" ] || fail "missing:$missing"
}

@test "every key of the --stats lines is in the page, in order" {
  printf 'one two\n' > f
  run --separate-stderr our_wc --stats f
  assert_success
  local stats
  stats=$(page_section STATISTICS)
  local scope line keys page_keys
  for scope in file total; do
    line=$(printf '%s\n' "$stderr" | grep "^stats scope=$scope ")
    [ -n "$line" ]
    # The keys, in order, as the page's format lines show them.
    keys=$(printf '%s\n' "$line" | grep -o '[a-z_]*=' | tr -d '\n')
    page_keys=$(printf '%s\n' "$stats" | sed -n '/^\.EX/,/^\.EE/p' \
      | sed 's/\\f[A-Z]//g; s/\\-/-/g' \
      | awk -v s="stats scope=$scope " '
          index($0, s) == 1 { on = 1 }
          on { print }
          on && /name=|mb_per_s=[^ ]*$/ { exit }' \
      | grep -o '[a-z_]*=' | tr -d '\n')
    assert_equal "$page_keys" "$keys"
  done
}

@test "the page's version is the program's" {
  run our_wc --version
  assert_success
  local version=${lines[0]##* }
  run grep -c "^\.TH WC 1 [^ ]* \"wc-strategies $version\"" "$MAN_PAGE"
  assert_output 1
}
