## tests/local.mk: the test suites, included by the top Makefile.am.
TESTS = \
  tests/build.bats \
  tests/cli.bats \
  tests/operands.bats \
  tests/errors.bats \
  tests/spec-table.bats \
  tests/manpage.bats \
  tests/strategies.bats \
  tests/stats.bats \
  tests/threads.bats \
  tests/conformance-default.bats \
  tests/conformance-scanner.bats \
  tests/conformance-upfront.bats \
  tests/conformance-buffering.bats \
  tests/conformance-mmap.bats \
  tests/conformance-mmap2.bats \
  tests/split-law.bats
EXTRA_DIST += tests/test_helper.bash tests/local.mk
EXTRA_DIST += tests/truncate-helper.bash
EXTRA_DIST += tests/fixtures.bash
EXTRA_DIST += tests/conformance.bash
