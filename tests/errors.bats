#!/usr/bin/env bats
# errors.bats: failures that wc must report and survive: missing and unreadable files,
# directories, empty names, write errors, closed standard streams, read errors, socket
# files, SIGPIPE, and whole-line output when several wc processes share one pipe.
# Expected results come from the system wc run the same way (SPEC §4).

load test_helper
load fixtures

teardown() {
  # The unprivileged tests work in a world-readable directory outside bats' private tree.
  if [ -n "${PUBLIC_DIR:-}" ]; then
    rm -rf "$PUBLIC_DIR"
  fi
}

@test "missing files are reported; other operands are still counted" {
  local args bad=0
  for args in nosuch 'nosuch f1' 'f1 nosuch f2' 'nosuch nosuch2' '-c nosuch f1' \
    '-l f1 nosuch' 'nosuch/x f1' 'f1/x'; do
    same_as_sys "WC $args" || bad=1
  done
  return "$bad"
}

# Run the unprivileged cases from a directory that uid 65534 can enter.
enter_public_dir() {
  command -v setpriv > /dev/null || skip "setpriv is missing"
  [ "$(id -u)" = 0 ] || skip "needs root to switch to uid 65534"
  PUBLIC_DIR=$(mktemp -d /tmp/wc-errors.XXXXXX)
  chmod 755 "$PUBLIC_DIR"
  cp -a "$FX"/. "$PUBLIC_DIR"
  chmod 000 "$PUBLIC_DIR/unread"
  cd "$PUBLIC_DIR"
  # The build tree may sit where uid 65534 cannot reach: use a copy.
  cp "$WC_BUILT" "$PUBLIC_DIR/.wc-built"
  WC_BUILT=$PUBLIC_DIR/.wc-built
  setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$WC_BUILT" ||
    skip "uid 65534 cannot run $WC_BUILT"
  # The `wc` links used by wc_dir must be reachable by uid 65534 too.
  WC_DIR_BASE=$PUBLIC_DIR/.bin
}

@test "an unreadable file (as uid 65534) is reported; other operands are still counted" {
  enter_public_dir
  local args bad=0 drop='setpriv --reuid=65534 --regid=65534 --clear-groups'
  for args in 'unread f1' 'f1 unread f2' '-c unread' '-l unread' 'unread' \
    '--files0-from=unread' "-c --files0-from=- < <(printf 'unread\\0f1\\0')"; do
    same_as_sys "PATH=\"\$(wc_dir):\$PATH\" $drop wc \$(wc_opts) $args" || bad=1
  done
  return "$bad"
}

@test "directories: a diagnostic and a zero count line, exit 1" {
  local snippet bad=0
  for snippet in 'WC .' 'WC -c .' 'WC -l .' 'WC -w .' 'WC -L .' 'WC -m .' 'WC -cm .' \
    'LC_ALL=C.UTF-8 WC -m .' 'LC_ALL=C.UTF-8 WC -w .' 'WC d f1' 'WC -c d f1' 'WC f1 d' \
    'WC < .' 'WC - < .' 'WC -c < .' 'WC -l - < .' 'WC -c - f1 < .'; do
    same_as_sys "$snippet" || bad=1
  done
  return "$bad"
}

@test "the same directory twice gives exactly two diagnostics" {
  local bad=0
  same_as_sys 'WC . .' || bad=1
  same_as_sys 'WC -c . .' || bad=1
  same_as_sys 'WC -l . .' || bad=1
  local s
  for s in $STRATEGIES; do
    [ "$(grep -c 'Is a directory' "$CAP/$s.err")" -eq 2 ] || bad=1
  done
  return "$bad"
}

@test "an empty operand is an invalid zero-length file name" {
  local args bad=0
  for args in "''" "'' f1" "-c ''" "'' ''" "f1 '' f2"; do
    same_as_sys "WC $args" || bad=1
    same_as_sys "LC_ALL=C.UTF-8 WC $args" || bad=1
  done
  return "$bad"
}

@test "write errors on /dev/full: reported once at the end, exit 1" {
  local snippet bad=0
  for snippet in 'WC f1 > /dev/full' 'WC f1 f2 > /dev/full' 'WC nosuch f1 > /dev/full' \
    'echo hi | WC > /dev/full' 'WC -c f1 > /dev/full' 'WC --files0-from=names > /dev/full'; do
    same_as_sys "$snippet" || bad=1
  done
  # --help and --version text is ours, but the failure to write it must be reported alike.
  same_as_sys 'WC --version > /dev/full' || bad=1
  same_as_sys 'WC --help > /dev/full' || bad=1
  return "$bad"
}

@test "closed standard output: write error: Bad file descriptor" {
  local snippet bad=0
  for snippet in 'WC f1 >&-' 'WC f1 f2 >&-' 'WC nosuch >&-' 'WC --version >&-' 'WC --help >&-' \
    'echo hi | WC -l >&-'; do
    same_as_sys "$snippet" || bad=1
  done
  return "$bad"
}

@test "closed standard input: the count line, then the close error" {
  local snippet bad=0
  for snippet in 'WC 0<&-' 'WC - 0<&-' 'WC -c 0<&-' 'WC -l 0<&-' 'WC -c - 0<&-' \
    'WC f1 - 0<&-' 'WC f1 0<&-' 'WC --files0-from=- 0<&-' 'WC -m - 0<&-' \
    'LC_ALL=C.UTF-8 WC -w 0<&-'; do
    same_as_sys "$snippet" || bad=1
  done
  return "$bad"
}

@test "an injected read error (EIO) is reported, and the partial count line printed" {
  need_strace
  # The mmap strategies do not read(2) a regular file, so these cases do not reach them.
  local reading='default scanner upfront buffering' bad=0
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f1 -e trace=read -e inject=read:error=EIO wc $(wc_opts) f1 f2' \
    $reading || bad=1
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f1 -e trace=read -e inject=read:error=EIO:when=2 wc $(wc_opts) -w f1' \
    $reading || bad=1
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f2 -e trace=read -e inject=read:error=EIO wc $(wc_opts) -l f1 f2 k1' \
    $reading || bad=1
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f1 -e trace=read -e inject=read:error=EIO:when=2 wc $(wc_opts) -L - < f1' \
    $reading || bad=1
  # The -c shortcut does not read, so nothing fails, under every strategy.
  same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f1 -e trace=read -e inject=read:error=EIO wc $(wc_opts) -c f1' ||
    bad=1
  return "$bad"
}

# GNU 9.1 reports a read error before that file's count line, 9.5 and later
# after it (SPEC §6); wc flushes its output before each diagnostic, so the
# order shows on one stream even through a pipe or a file.
@test "on one stream, a read error's message and the count lines come in the system wc's order" {
  local snippet bad=0
  for snippet in 'WC d f1 2>&1' 'WC f1 d f2 2>&1' 'WC -c d 2>&1' 'WC -l f1 d 2>&1' \
    'WC - f1 < . 2>&1' 'WC --files0-from=names d 2>&1 | cat'; do
    same_as_sys "$snippet" || bad=1
  done
  if command -v strace > /dev/null && strace -o /dev/null -e trace=none true 2> /dev/null; then
    same_as_sys 'PATH="$(wc_dir):$PATH" strace -o /dev/null -P f1 -e trace=read -e inject=read:error=EIO wc $(wc_opts) f1 f2 2>&1' \
      default scanner upfront buffering || bad=1
  fi
  # Not vacuous: the system wc's message and d's count line share the stream.
  run_case sys default 'WC d f1 2>&1' one-stream
  grep -qx 'wc: d: Is a directory' "$CAP/one-stream.out" || bad=1
  grep -Eqx ' +0 +0 +0 d' "$CAP/one-stream.out" || bad=1
  return "$bad"
}

@test "a bound AF_UNIX socket file cannot be opened (ENXIO)" {
  # perl-base is in every Debian system, Socket module included.
  perl -MSocket -e 'socket (my $s, PF_UNIX, SOCK_STREAM, 0) or die "socket: $!";
    bind ($s, pack_sockaddr_un ("sock")) or die "bind: $!"'
  [ -S sock ]
  local bad=0
  same_as_sys 'WC sock f1' || bad=1
  same_as_sys 'WC -c sock' || bad=1
  same_as_sys "printf 'sock\\0f1\\0' | WC -l --files0-from=-" || bad=1
  return "$bad"
}

@test "a closed pipe: death by SIGPIPE is silent; with SIGPIPE ignored, EPIPE is reported" {
  # 6000 output lines (over 120 KiB) overflow a pipe buffer, so wc must write after the
  # reader has left.
  local i
  for ((i = 0; i < 6000; i++)); do printf 'f1\0'; done > many
  local bad=0
  same_as_sys 'WC --files0-from=many | :; echo "status ${PIPESTATUS[0]}"' || bad=1
  same_as_sys '(trap "" PIPE; WC --files0-from=many | :; echo "status ${PIPESTATUS[0]}")' || bad=1
  # A short output may or may not be written before the reader exits: never a message.
  local s
  for s in $STRATEGIES; do
    run_case ours "$s" 'WC f1 | :' "$s"
    [ ! -s "$CAP/$s.err" ] || { cat "$CAP/$s.err"; bad=1; }
  done
  return "$bad"
}

@test "parallel runs into one pipe write whole lines only" {
  mkdir tmp
  local i s lines
  for ((i = 0; i < 2000; i++)); do : > "tmp/$i"; done
  for s in $STRATEGIES; do
    run_case ours "$s" \
      'find tmp tmp tmp -type f | PATH="$(wc_dir):$PATH" xargs -n2000 -P2 wc $(wc_opts) | cat' "$s"
    [ ! -s "$CAP/$s.err" ] || { cat "$CAP/$s.err"; false; }
    [ "$(cat "$CAP/$s.rc")" = 0 ]
    # 6000 file lines and 3 totals, each one whole.
    lines=$(grep -c '' "$CAP/$s.out")
    [ "$lines" -eq 6003 ] || { echo "$s: $lines lines"; false; }
    if grep -Evn '^0 0 0 (tmp/[0-9]+|total)$' "$CAP/$s.out" | head -n 5 | grep .; then
      echo "$s: broken lines"
      false
    fi
    [ "$(grep -c ' total$' "$CAP/$s.out")" -eq 3 ]
  done
}
