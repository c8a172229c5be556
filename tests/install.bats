#!/usr/bin/env bats
# install.bats: `make install` and `make uninstall` as a distribution runs
# them: into a staging directory (DESTDIR), under another prefix, and under
# a renamed program (configure's --program-prefix and
# --program-transform-name, given here as the Makefile variable they set, so
# that the build tree needs no second configure; `make distcheck` installs
# through a real configure with a transformed name, see Makefile.am).
load test_helper

setup_file() {
  if [ ! -f "${TOP_BUILDDIR:-}/Makefile" ]; then
    echo "TOP_BUILDDIR must name a configured build tree: run with make check" >&2
    return 1
  fi
}

# build_make ARG...: make in the build tree as a packager calls it.  The
# make that runs this suite is not its parent, so its job server and
# settings must not leak in.
build_make() {
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "${MAKE:-make}" -s \
    -C "$TOP_BUILDDIR" "$@"
}

# files_under DIR: every file and link below DIR (not the directories,
# which automake's uninstall leaves in place), one a line, sorted.
files_under() {
  (cd "$1" && find . ! -type d | LC_ALL=C sort)
}

# The text every installed wc counts, with a multibyte character so that
# -m differs from -c in a UTF-8 locale.
sample() {
  printf 'one two\nthr\xc3\xa9e\n  four\n' > sample.txt
}

# expect_runs WC: the installed WC prints what the system wc prints.
expect_runs() {
  sample
  local want got
  want=$(LC_ALL=C.UTF-8 sys_wc -lwmcL sample.txt)
  got=$(LC_ALL=C.UTF-8 "$1" -lwmcL sample.txt)
  [ "$got" = "$want" ] || {
    echo "installed $1 printed '$got', the system wc '$want'"
    return 1
  }
}

@test "make install puts wc and its man page under DESTDIR and prefix" {
  # The name as configure leaves it by default, whatever this build tree
  # was configured with (distcheck renames it).
  build_make install DESTDIR="$PWD/stage" prefix=/opt/wc-test \
    program_transform_name='s,x,x,'
  run files_under stage
  assert_success
  assert_output "./opt/wc-test/bin/wc
./opt/wc-test/share/man/man1/wc.1"
  [ -x stage/opt/wc-test/bin/wc ]
  cmp stage/opt/wc-test/share/man/man1/wc.1 "$MAN_PAGE"
  expect_runs "$PWD/stage/opt/wc-test/bin/wc"
}

@test "a transformed name (wcs) renames the program and its man page, and uninstall removes only them" {
  # coreutils' wc is already installed where ours goes beside it.
  mkdir -p stage/usr/bin stage/usr/share/man/man1
  printf 'coreutils wc\n' > stage/usr/bin/wc
  printf 'coreutils wc.1\n' > stage/usr/share/man/man1/wc.1
  local before
  before=$(files_under stage)
  # What configure writes for --program-transform-name='s/^wc$/wcs/'.
  local -a how=(DESTDIR="$PWD/stage" prefix=/usr
    program_transform_name='s/^wc$$/wcs/')

  build_make install "${how[@]}"
  run files_under stage
  assert_output "./usr/bin/wc
./usr/bin/wcs
./usr/share/man/man1/wc.1
./usr/share/man/man1/wcs.1"
  cmp stage/usr/share/man/man1/wcs.1 "$MAN_PAGE"
  expect_runs "$PWD/stage/usr/bin/wcs"
  [ "$(cat stage/usr/bin/wc)" = "coreutils wc" ]
  [ "$(cat stage/usr/share/man/man1/wc.1)" = "coreutils wc.1" ]

  build_make uninstall "${how[@]}"
  run files_under stage
  assert_output "$before"
  [ "$(cat stage/usr/bin/wc)" = "coreutils wc" ]
  [ "$(cat stage/usr/share/man/man1/wc.1)" = "coreutils wc.1" ]
}

@test "a program prefix (gwc) renames both, and uninstall leaves nothing" {
  # What configure writes for --program-prefix=g.
  local -a how=(DESTDIR="$PWD/stage" prefix=/usr/local
    program_transform_name='s&^&g&;s,x,x,')
  build_make install "${how[@]}"
  run files_under stage
  assert_output "./usr/local/bin/gwc
./usr/local/share/man/man1/gwc.1"
  expect_runs "$PWD/stage/usr/local/bin/gwc"
  build_make uninstall "${how[@]}"
  run files_under stage
  assert_success
  assert_output ""
}
