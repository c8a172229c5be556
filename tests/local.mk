## tests/local.mk: the test suites, included by the top Makefile.am.
CONFORMANCE_TESTS = \
  tests/conformance-default.bats \
  tests/conformance-scanner.bats \
  tests/conformance-upfront.bats \
  tests/conformance-buffering.bats \
  tests/conformance-mmap.bats \
  tests/conformance-mmap2.bats \
  tests/conformance-simd-off.bats \
  tests/conformance-simd-sse2.bats \
  tests/conformance-simd-avx2.bats \
  tests/conformance-threads.bats \
  tests/conformance-gnu-9.1.bats \
  tests/conformance-gnu-9.7.bats
# The longest suites first, so that make -j has short ones left to fill the
# cores at the end (see README-hacking for what each costs).
TESTS = \
  tests/strategies.bats \
  tests/threads.bats \
  tests/memcheck.bats \
  tests/faults.bats \
  tests/fuzz.bats \
  tests/fuzz-diff.bats \
  $(CONFORMANCE_TESTS) \
  tests/operands.bats \
  tests/stats.bats \
  tests/progress.bats \
  tests/cli.bats \
  tests/errors.bats \
  tests/rules.bats \
  tests/spec-table.bats \
  tests/split-law.bats \
  tests/kernels.bats \
  tests/utf8.bats \
  tests/manpage.bats \
  tests/install.bats \
  tests/build.bats
EXTRA_DIST += tests/test_helper.bash tests/local.mk
EXTRA_DIST += tests/truncate-helper.bash
EXTRA_DIST += tests/fixtures.bash
EXTRA_DIST += tests/conformance.bash
EXTRA_DIST += tests/gnu-wc/fetch tests/gnu-wc/rule-set

# The conformance driver runs a wc over the generated corpus, every case
# without a shell (see the comment at the top of tests/conform.c).
check_PROGRAMS += tests/conform
tests_conform_SOURCES = tests/conform.c tests/spawn-run.c tests/spawn-run.h
tests_conform_CFLAGS = $(WC_CFLAGS)
tests_conform_LDADD = $(WC_GNULIB_LIBS)

# The conformance suites compare our wc with the system wc's results on the
# corpus.  Those results (the oracle) are recorded once per build tree, by
# make, before any conformance suite starts: the suites run in parallel and
# only read them.  The corpus and the oracle live together in
# tests/conformance-data, built in a scratch directory and renamed into
# place, so an interrupted build leaves nothing half made.
CONFORMANCE_DIR = tests/conformance-data
CONFORMANCE_ORACLE = $(CONFORMANCE_DIR)/oracle
$(CONFORMANCE_ORACLE): tests/sys-wc.id tests/gen-corpus$(EXEEXT) \
  tests/conform$(EXEEXT)
	$(AM_V_GEN)rm -rf $(CONFORMANCE_DIR) $(CONFORMANCE_DIR).tmp && \
	$(MKDIR_P) $(CONFORMANCE_DIR).tmp/corpus && \
	tests/gen-corpus$(EXEEXT) $(CONFORMANCE_DIR).tmp/corpus && \
	tests/conform$(EXEEXT) record $(CONFORMANCE_DIR).tmp/corpus \
	  $(CONFORMANCE_DIR).tmp/oracle "$$(sed 1q tests/sys-wc.id)" \
	  > /dev/null && \
	mv $(CONFORMANCE_DIR).tmp $(CONFORMANCE_DIR)
$(CONFORMANCE_TESTS:.bats=.log): $(CONFORMANCE_ORACLE)

# One oracle per GNU rule set, for tests/conformance-gnu-SET.bats: for the
# set that the system wc follows (tests/gnu-wc/rule-set), a link to the
# system wc's oracle; for the other, the results of GNU wc of that release
# taken from Debian's archive (tests/gnu-wc/fetch) into GNU_WC_CACHE/gnu-wc-SET,
# fetched once per build tree (distclean removes it) and kept when the
# oracles are recorded again.  When that wc cannot be had, oracle-SET.missing
# says why, the suite skips with that reason, and the next make check tries
# again.  A GNU_WC_CACHE given on make's command line lets other build trees
# (distcheck's) share one download.
GNU_RULE_SETS = 9.1 9.7
# The fetched wc runs the cases of the ways that those suites give the
# files (their OUR_WAYS) only.
GNU_ORACLE_WAYS = both
GNU_ORACLES = $(GNU_RULE_SETS:%=$(CONFORMANCE_DIR)/oracle-%)
GNU_WC_CACHE = tests
$(GNU_ORACLES): $(CONFORMANCE_ORACLE) $(srcdir)/tests/gnu-wc/rule-set \
  $(srcdir)/tests/gnu-wc/fetch
	$(AM_V_GEN)rules='$@' && rules=$${rules##*-} && \
	rm -f $@ $@.tmp $@.missing && \
	sys=$$($(SHELL) $(srcdir)/tests/gnu-wc/rule-set "$$(sed 1q tests/sys-wc.id)") && \
	if test "$$rules" = "$$sys"; then \
	  ln -s oracle $@; \
	else \
	  gnu='$(GNU_WC_CACHE)'/gnu-wc-$$rules && $(MKDIR_P) '$(GNU_WC_CACHE)' && \
	  if $(SHELL) $(srcdir)/tests/gnu-wc/fetch $$rules "$$gnu" 2> $@.err && \
	    tests/conform$(EXEEXT) record --ways=$(GNU_ORACLE_WAYS) \
	      $(CONFORMANCE_DIR)/corpus $@.tmp "$$gnu/wc" > /dev/null \
	      2>> $@.err; then \
	    mv $@.tmp $@; \
	  else \
	    cat $@.err >&2; \
	    { tail -n 1 $@.err | tr -d '\n'; \
	      echo " (make check tries again)"; } > $@.missing; \
	  fi; \
	  rm -f $@.err $@.tmp; \
	fi
tests/conformance-gnu-9.1.log: $(CONFORMANCE_DIR)/oracle-9.1
tests/conformance-gnu-9.7.log: $(CONFORMANCE_DIR)/oracle-9.7

# What identifies the system wc (the first PATH entry, as the suites find
# it): its path, version and checksum.  The file is rewritten only when that
# changes, so an updated system wc gets a new oracle and nothing else does.
tests/sys-wc.id: FORCE
	@wc=$$(command -v wc) && \
	{ echo "$$wc" && LC_ALL=C "$$wc" --version && cksum < "$$wc"; } \
	  > $@-t && \
	if cmp -s $@-t $@; then rm -f $@-t; else mv -f $@-t $@; fi
FORCE:
.PHONY: FORCE

CLEANFILES += tests/sys-wc.id tests/sys-wc.id-t
clean-local: clean-conformance-data
clean-conformance-data:
	-rm -rf $(CONFORMANCE_DIR) $(CONFORMANCE_DIR).tmp
.PHONY: clean-conformance-data
distclean-local: distclean-gnu-wc
distclean-gnu-wc:
	-rm -rf tests/gnu-wc-*
.PHONY: distclean-gnu-wc

# The differential fuzzer: random cases run by the system wc and ours, the
# same way (see the comment at the top of tests/diff-wc.c).  make check runs
# a fixed slice of it and replays every saved case (tests/fuzz-diff.bats);
# `make fuzz-diff [FUZZ_DIFF_SECONDS=N] [FUZZ_DIFF_SEED=N]` runs it longer
# and saves a difference in tests/fuzz/diff-regressions, where make check
# finds it.
check_PROGRAMS += tests/diff-wc
tests_diff_wc_SOURCES = tests/diff-wc.c tests/spawn-run.c tests/spawn-run.h \
  tests/test-support.h
tests_diff_wc_CFLAGS = $(WC_CFLAGS)
tests_diff_wc_LDADD = $(WC_GNULIB_LIBS)
EXTRA_DIST += tests/fuzz/diff-regressions
# Where make check saves a difference when the source tree is read-only.
clean-local: clean-diff-found
clean-diff-found:
	-rm -rf tests/fuzz/diff-found
.PHONY: clean-diff-found
FUZZ_DIFF_SECONDS = 600
FUZZ_DIFF_SEED =
fuzz-diff: src/wc$(EXEEXT) tests/diff-wc$(EXEEXT) tests/fuzz/locales.stamp
	tests/diff-wc$(EXEEXT) run --seconds='$(FUZZ_DIFF_SECONDS)' \
	  $(FUZZ_DIFF_SEED:%=--seed=%) --locpath=tests/fuzz/locales \
	  --save='$(srcdir)/tests/fuzz/diff-regressions' \
	  "$$(command -v wc)" src/wc$(EXEEXT)
.PHONY: fuzz-diff
