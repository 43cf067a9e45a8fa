# x1060: ITU-T X.1060 as a SQLite extension.
#
#   make            build x1060.so here, for .load ./x1060
#   make demo       install what is missing, build, show the framework
#   make test       install what is missing, build, run the Tcl suite
#   make static     libx1060.a, to link into a program (-DSQLITE_CORE)
#   make install    PREFIX=/usr/local DESTDIR= : library, static library, header
#   make uninstall  the same PREFIX and DESTDIR: removes them
#   make dist       dist/x1060.c and dist/x1060.h, one file that compiles alone
#   make test-dist  the suite on an extension built from dist/x1060.c
#   make test-versions  the suite on Debian's SQLite and two newer ones (npm)
#   make test-asan       the suite with the extension built with ASan and UBSan
#   make test-valgrind   the suite under valgrind (definite leaks, bad accesses)
#   make test-oom        out-of-memory injection at every allocation
#   make fuzz            libFuzzer on SQL, the functions, damaged shadow tables
#   make check-layers    the layers of ext/LAYERS hold (nm of the objects)
#   make check           check-layers, test, test-asan, test-valgrind, test-oom, a short fuzz
#   make bench           x1060 against plain SQLite doing the same work (quick)
#   make bench-full      the same, the full runs whose figures the docs give
#   make bench-callgrind the same, as instruction counts (stable on a busy machine)
#   make bench-scale     many organisations in one file, against plain SQLite
#   make bench-scale-50k the same at 1,000, 10,000 and 50,000 (the BI views)
#   make bench-cluster   through a 3-node dqlite cluster, against a local file
#   make node            build/x1060-node (a dqlite node with x1060),
#                        build/dqlite (the dqlite shell) and x1060.so; installs
#                        libdqlite-dev, golang-go, golang-github-canonical-go-dqlite-dev
#   make new-sqlite      fetch a newer SQLite from npm, build x1060 into it
#                        (the suite then also tests what needs SQLite 3.44+)
#   make deb             build/packages/x1060_<version>-1_<arch>.deb
#   make wheel           build/packages/x1060-<version>-py3-none-<platform>.whl
#   make npm             build/packages/x1060-<version>.tgz, x1060-linux-x64-...
#   make release         all of them, the source and one-file tarballs and
#                        SHA256SUMS in build/release/x1060-<version>/
#   make clean

CC       ?= cc
CFLAGS   ?= -O2
XCFLAGS  := -Wall -Wextra -Werror -fvisibility=hidden -Iext
PREFIX   ?= /usr/local
# the sources, in the order of ext/LAYERS (bottom to top)
SOURCES  := $(addprefix ext/,$(shell awk '!/^\#/ && NF {print $$1}' ext/LAYERS))
HEADERS  := $(wildcard ext/*.h)
TCLSH    ?= tclsh

all: x1060.so

# (a SONAME, as a library in the system's library directory has: the
# Debian package puts it there, where ".load x1060" finds it)
x1060.so: $(SOURCES) $(HEADERS)
	$(CC) $(CFLAGS) $(XCFLAGS) -fPIC -shared -Wl,-soname,x1060.so -o $@ $(SOURCES)

# The static library: the same sources built as part of the program's SQLite.
build/static/%.o: ext/%.c $(HEADERS)
	@mkdir -p build/static
	$(CC) $(CFLAGS) $(XCFLAGS) -DSQLITE_CORE -c -o $@ $<

libx1060.a: $(patsubst ext/%.c,build/static/%.o,$(SOURCES))
	rm -f $@
	ar rcs $@ $^

static: libx1060.a

# Test helpers: a program that embeds the static library, and a build whose
# minimum SQLite version is in the future (to see the refusal to load).
build/embed: tests/embed.c libx1060.a ext/x1060.h
	$(CC) $(CFLAGS) -Wall -Wextra -Werror -Iext -o $@ tests/embed.c libx1060.a -lsqlite3

build/floor/x1060.so: $(SOURCES) $(HEADERS)
	@mkdir -p build/floor
	$(CC) $(CFLAGS) $(XCFLAGS) -DX1060_MIN_SQLITE=3099000 -fPIC -shared -o $@ $(SOURCES)

# The build for an engine that replicates only what it sees as writes (a
# dqlite node): the SELECT form of a writing function refuses to run
# outside a transaction (X1060_CLUSTER; docs/multi-organisation.md, "Every write as an INSERT").
build/cluster/x1060.so: $(SOURCES) $(HEADERS)
	@mkdir -p build/cluster
	$(CC) $(CFLAGS) $(XCFLAGS) -DX1060_CLUSTER -fPIC -shared -o $@ $(SOURCES)

# A build with one finding more (tests/findings.test): one row of the table
# of findings is enough for it to appear in every place made from it.
build/finding/x1060.so: $(SOURCES) $(HEADERS)
	@mkdir -p build/finding
	$(CC) $(CFLAGS) $(XCFLAGS) -DX1060_TEST_EXTRA_FINDING -fPIC -shared -o $@ $(SOURCES)

test-helpers: build/embed build/floor/x1060.so build/cluster/x1060.so build/x1060-gen \
              build/x1060-node build/finding/x1060.so

# A dqlite node with x1060 inside (tools/x1060-node.c; needs libdqlite-dev,
# which make deps installs): x1060's sources built into it, for the
# system's SQLite that dqlite uses.
build/x1060-node: tools/x1060-node.c $(SOURCES) $(HEADERS)
	@mkdir -p build
	$(CC) $(CFLAGS) $(XCFLAGS) -DSQLITE_CORE -DX1060_CLUSTER -o $@ \
	  tools/x1060-node.c $(SOURCES) -ldqlite -lsqlite3

# The dqlite shell (go-dqlite's cmd/dqlite, from Debian's sources: see
# tools/build-dqlite-shell), for the cluster test and for users.
build/dqlite:
	@tools/install-deps golang-go golang-github-canonical-go-dqlite-dev
	tools/build-dqlite-shell

# What docs/cluster.md runs: the node, the dqlite shell, and x1060.so (a
# backup of the cluster is read with sqlite3 and .load ./x1060).
node: deps all build/x1060-node build/dqlite

# x1060 through a 3-node cluster against a local file (tools/bench-cluster).
BENCH_CLUSTER_ARGS ?=
bench-cluster: deps all build/x1060-node
	tools/bench-cluster $(BENCH_CLUSTER_ARGS)

# A newer SQLite (from the npm registry, see tools/fetch-sqlite) with x1060
# built in: the embedding program again, to test what only newer SQLite has
# (xIntegrity, PRAGMA integrity_check).  Optional: the suite skips, saying
# so, when it is missing.
NEWSQLITE := build/vendor/sqlite-new
$(NEWSQLITE)/sqlite3.c:
	tools/fetch-sqlite

build/vendor/sqlite3-new.o: $(NEWSQLITE)/sqlite3.c
	$(CC) -O1 -w -c -o $@ $<

build/embed-new: tests/embed.c $(SOURCES) $(HEADERS) build/vendor/sqlite3-new.o
	$(CC) $(CFLAGS) $(XCFLAGS) -DSQLITE_CORE -I$(NEWSQLITE) -o $@ \
	  tests/embed.c $(SOURCES) build/vendor/sqlite3-new.o -lm -lpthread

new-sqlite: build/embed-new

deps:
	@tools/install-deps

# The synthetic-data generator and the benchmark (tools/synth.c).
TOOLCFLAGS := -Wall -Wextra -Werror -Iext
build/x1060-gen: tools/x1060-gen.c tools/synth.c tools/synth.h
	@mkdir -p build
	$(CC) $(CFLAGS) $(TOOLCFLAGS) -o $@ tools/x1060-gen.c tools/synth.c -lsqlite3

build/x1060-bench: tools/bench.c tools/synth.c tools/synth.h
	@mkdir -p build
	$(CC) $(CFLAGS) $(TOOLCFLAGS) -o $@ tools/bench.c tools/synth.c -lsqlite3

build/x1060-bench-scale: tools/bench-scale.c tools/synth.c tools/synth.h
	@mkdir -p build
	$(CC) $(CFLAGS) $(TOOLCFLAGS) -o $@ tools/bench-scale.c tools/synth.c \
	  -lsqlite3 -lm

build/x1060-bench-cg: tools/bench.c tools/synth.c tools/synth.h
	@mkdir -p build
	$(CC) $(CFLAGS) -g $(TOOLCFLAGS) -DBENCH_CALLGRIND -o $@ tools/bench.c \
	  tools/synth.c -lsqlite3

# make bench is the quick form a developer runs in about a minute (100
# organisations, 3 repetitions, sizes divided by ten; the scale series at
# 100 and 400); make bench-full the full runs (1,000 organisations, 7
# repetitions; 250 .. 10,000), whose figures docs/performance.md gives.  BENCH_ARGS and BENCH_SCALE_ARGS, when given,
# replace the quick form's arguments.
BENCH_ARGS ?=
BENCH_SCALE_ARGS ?=
BENCH_QUICK := --quick --orgs 100 --reps 3
BENCH_SCALE_QUICK := --sizes 100,400
bench: deps all build/x1060-bench build/x1060-gen build/x1060-bench-scale
	@mkdir -p build/bench-data
	build/x1060-bench $(or $(BENCH_ARGS),$(BENCH_QUICK))
	build/x1060-bench-scale $(or $(BENCH_SCALE_ARGS),$(BENCH_SCALE_QUICK))

bench-full: deps all build/x1060-bench build/x1060-gen build/x1060-bench-scale
	@mkdir -p build/bench-data
	build/x1060-bench
	build/x1060-bench-scale

# The scale series alone (250 .. 10,000 organisations; --big adds 50,000).
bench-scale: deps all build/x1060-bench-scale
	@mkdir -p build/bench-data
	build/x1060-bench-scale $(BENCH_SCALE_ARGS)

# The BI views, the benchmark and the overview at 1,000, 10,000 and 50,000
# organisations (CDC tables and plain tables per organisation up to 10,000;
# about 40 minutes here; docs/performance.md gives its figures).
bench-scale-50k: deps all build/x1060-bench-scale
	@mkdir -p build/bench-data
	build/x1060-bench-scale --sizes 1000,10000,50000 $(BENCH_SCALE_ARGS)

bench-callgrind: deps all build/x1060-bench-cg
	@tools/install-deps valgrind
	tools/bench-callgrind $(BENCH_ARGS)

test: deps all test-helpers
	$(TCLSH) tests/all.tcl

# The extension built with AddressSanitizer and UBSan, and the suite run
# in a tclsh that has their runtimes preloaded: any report fails the run.
ASAN_LIBS := $(shell $(CC) -print-file-name=libasan.so) $(shell $(CC) -print-file-name=libubsan.so)
build/asan/x1060.so: $(SOURCES) $(HEADERS)
	@mkdir -p build/asan
	$(CC) -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	  -fno-sanitize-recover=all $(XCFLAGS) -fPIC -shared -o $@ $(SOURCES)

test-asan: deps build/asan/x1060.so test-helpers
	X1060_EXT=$(CURDIR)/build/asan/x1060 X1060_TEST_PRELOAD="$(ASAN_LIBS)" \
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(TCLSH) tests/all.tcl

# Out-of-memory injection: a Tcl module that makes the Nth allocation fail.
build/faultsim.so: tests/fault/faultsim.c
	@tools/install-deps tcl-dev
	@mkdir -p build
	$(CC) -O1 -g -Wall -Wextra -Werror -fPIC -shared -I/usr/include/tcl8.6 \
	  -DUSE_TCL_STUBS -o $@ $< -ltclstub8.6 -lsqlite3

test-oom: deps all build/faultsim.so
	$(TCLSH) tests/fault/oom.test

# Fuzzing with libFuzzer (clang): x1060 linked into the newer SQLite of
# tools/fetch-sqlite, with ASan and UBSan; each target runs FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := sql funcs shadow import manage
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz-deps:
	@tools/install-deps clang libclang-rt-14-dev

build/fuzz/sqlite3.o: $(NEWSQLITE)/sqlite3.c
	@mkdir -p build/fuzz
	clang -g -O1 -fsanitize=address,undefined -w -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(SOURCES) $(HEADERS) build/fuzz/sqlite3.o
	clang $(FUZZ_FLAGS) -DSQLITE_CORE \
	  -I$(NEWSQLITE) -Iext -o $@ $< $(SOURCES) build/fuzz/sqlite3.o -lm -lpthread

fuzz: deps fuzz-deps $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus-$$t; \
	  echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=build/fuzz/ \
	    -print_final_stats=1 build/fuzz/corpus-$$t tests/fuzz/corpus/$$t \
	    > build/fuzz/$$t.log 2>&1 || { tail -40 build/fuzz/$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units' build/fuzz/$$t.log; \
	done

test-valgrind: deps all test-helpers
	@tools/install-deps valgrind
	X1060_TEST_WRAPPER="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99" \
	  $(TCLSH) tests/all.tcl

# Everything CI runs: the suite, the sanitizers, valgrind, out-of-memory
# injection and a short fuzz run.
# The layers of ext/LAYERS, read off the objects of the static library.
check-layers: libx1060.a
	tools/check-layers build/static

# (the suite runs once, last: its last line is the one CI reads)
check: deps all test-helpers check-layers test-asan test-valgrind test-oom
	$(MAKE) fuzz FUZZ_SECONDS=30
	$(TCLSH) tests/all.tcl

demo: deps all
	@tools/install-deps chromium fonts-noto-cjk
	@mkdir -p build
	rm -f build/demo.db
	sqlite3 build/demo.db < sql/demo.sql
	python3 tools/oscal-check build/x1060-oscal-catalog.json build/sakura-oscal-catalog.json \
	  build/sakura-oscal-results.json build/sakura-oscal-poam.json build/x1060-oscal-mapping.json
	tools/report-pdf demo-report.html demo-report.pdf
	tools/report-pdf demo-report-ja.html demo-report-ja.pdf
	tools/report-pdf demo-overview.html demo-overview.pdf
	@echo "demo report: $(CURDIR)/demo-report.html, demo-report-ja.html and their PDFs"
	@echo "demo overview of every CDC: $(CURDIR)/demo-overview.html and its PDF"

# PREFIX=/usr puts x1060.so where the dynamic loader looks, so that
# ".load x1060" finds it without a path; under /usr/local give the path
# (".load /usr/local/lib/x1060") or set LD_LIBRARY_PATH.
install: all static
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 0755 x1060.so $(DESTDIR)$(PREFIX)/lib/x1060.so
	install -m 0644 libx1060.a $(DESTDIR)$(PREFIX)/lib/libx1060.a
	install -m 0644 ext/x1060.h $(DESTDIR)$(PREFIX)/include/x1060.h

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/x1060.so $(DESTDIR)$(PREFIX)/lib/libx1060.a \
	  $(DESTDIR)$(PREFIX)/include/x1060.h

# The one-file distribution: dist/x1060.c and dist/x1060.h (tools/mkdist),
# and the suite run once on an extension built from it alone.
dist: dist/x1060.c

dist/x1060.c dist/x1060.h: $(SOURCES) $(HEADERS) tools/mkdist
	tools/mkdist dist

build/dist/x1060.so: dist/x1060.c
	@mkdir -p build/dist
	$(CC) $(CFLAGS) -Wall -Wextra -Werror -fvisibility=hidden -fPIC -shared \
	  -o $@ dist/x1060.c

build/dist/embed: tests/embed.c dist/x1060.c
	@mkdir -p build/dist
	$(CC) $(CFLAGS) -Wall -Wextra -Werror -DSQLITE_CORE -Idist -o $@ \
	  tests/embed.c dist/x1060.c -lsqlite3

build/dist/x1060.o: dist/x1060.c
	@mkdir -p build/dist
	$(CC) $(CFLAGS) -Wall -Wextra -Werror -DSQLITE_CORE -c -o $@ dist/x1060.c

# Linked into a program, the file defines no global symbol but the two
# entry points; then the whole suite runs on the extension built from it.
test-dist: deps all test-helpers build/dist/x1060.so build/dist/embed build/dist/x1060.o
	@syms=$$(nm -g --defined-only build/dist/x1060.o | awk '{print $$3}' | sort | tr '\n' ' '); \
	  if [ "$$syms" != "sqlite3_x1060_init sqlite3_x_init " ]; then \
	    echo "test-dist: dist/x1060.c defines global symbols: $$syms"; exit 1; fi; \
	  echo "test-dist: dist/x1060.o defines only: $$syms"
	X1060_EXT=$(CURDIR)/build/dist/x1060 X1060_EMBED=$(CURDIR)/build/dist/embed \
	  $(TCLSH) tests/all.tcl

# The whole suite on Debian's SQLite and on newer ones from the npm
# registry (tools/test-versions).
test-versions: deps all test-helpers
	@tools/install-deps tcl-dev
	tools/test-versions

# Packages, built from what make built here, offline (docs/install.md).
PKGDIR := build/packages
deb: all static
	tools/make-deb $(PKGDIR)

wheel: all
	tools/make-wheel x1060.so $(PKGDIR)

npm: all
	tools/make-npm $(PKGDIR)

release: all static dist
	tools/make-release build/release

clean:
	rm -rf x1060.so libx1060.a build dist demo-report.html demo-overview.html demo-overview.pdf

.PHONY: check-layers bench-cluster node all static test-helpers new-sqlite deps test test-asan test-oom test-valgrind fuzz check demo install uninstall dist test-dist test-versions clean bench bench-scale bench-scale-50k bench-full bench-callgrind deb wheel npm release
