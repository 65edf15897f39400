# PolyAgent — build, test, run.
#
#   make test    install what is missing, build everything, run every test
#                (release build, then our code again under ASan + UBSan)
#   make serve   build and start PolyAgent
#   make bench   every benchmark, ours beside native python3.11, Node WASI
#                and Pyodide, in one run: bench/results/summary.md + charts,
#                and the README's table (BENCH_FLAGS=--quick: a smoke run)
#
# Pipeline: guest/build.sh (CPython -> python.wasm + stdlib.zip, cached by
# content hash in $(CACHE)) -> wasm2c -> scripts/split_wasm2c.py (NSPLIT
# units) -> gcc -O3 + PGO via ccache, in parallel (the profile: see PGO
# below, cached in $(CACHE)/pgo) -> link with our host code.
# A change to host code only recompiles host code (seconds).

CACHE    ?= $(or $(POLYAGENT_CACHE),$(HOME)/.cache/polyagent)
BUILD    ?= build
NSPLIT   ?= 16
JOBS     ?= $(shell nproc)
export POLYAGENT_CACHE := $(CACHE)
export CCACHE_DIR ?= $(CACHE)/ccache
export CCACHE_MAXSIZE ?= 5G

CCACHE   := $(shell command -v ccache 2>/dev/null)
CC       := $(CCACHE) gcc
CSTD     := -std=c17 -D_GNU_SOURCE
WARN     := -Wall -Wextra -Werror
INCLUDES := -Isrc -I$(BUILD)/w2c
CFLAGS   ?= -O2 -g
# Probe large frames so no host frame can jump the guard below a stack.
HARDEN   := -fstack-clash-protection
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# Generated code: too big for our warning set; -fno-strict-aliasing because
# wasm2c type-puns through memcpy-free casts in a few helpers.  -O3 (with
# PGO below): compute suite 1.57x -> 1.43x native, where -O2 with PGO gave
# 1.49x (bench/results/flags/).
W2C_CFLAGS := -O3 -g0 -w -fno-strict-aliasing $(HARDEN) -I$(BUILD)/w2c
LIBS     := -ljansson -lzstd -lseccomp -lpthread -lm  # libmicrohttpd, libcurl: dlopen (netlib.h)

# Profile-guided optimisation of the generated C (PGO=0: none).  The units
# are compiled once more, instrumented (w2c/gen/), and linked with the
# runtime into pgo_train, which runs the compute suite in-process; the real
# objects are compiled with the profile that leaves (-fprofile-use finds
# obj/w2c_X.gcda beside obj/w2c_X.o).  scripts/pgo_profile.sh keeps profiles
# in $(CACHE)/pgo by content, so an unchanged guest is trained once.
# Measured in bench/results/flags/ (compute suite, ratio to native).
# Partial training: code the suite never ran stays optimised for speed.
PGO ?= 1
PGO_TRAIN := $(filter-out bench/compute/run.py,$(wildcard bench/compute/*.py))
ifeq ($(PGO),1)
W2C_PROFILE := $(BUILD)/w2c/profile.stamp
W2C_USE     := -fprofile-use -fprofile-partial-training
endif

MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.DELETE_ON_ERROR:
.PHONY: all deps guest test test-release test-asan serve dev bench fuzz clean distclean FORCE
FUZZ_SECONDS ?= 300

HOST_SRCS := $(wildcard src/runtime/*.c src/wasi/*.c src/session/*.c src/sandbox/*.c src/server/*.c src/agent/*.c src/cli/*.c)
HOST_HDRS := $(wildcard src/*/*.h)
W2C_UNITS := main $(addprefix f,$(shell seq 0 $$(($(NSPLIT)-1))))
W2C_SRCS  := $(W2C_UNITS:%=$(BUILD)/w2c/w2c_%.c)
W2C_OBJS  := $(W2C_UNITS:%=$(BUILD)/w2c/obj/w2c_%.o)

REL_OBJS  := $(HOST_SRCS:%.c=$(BUILD)/rel/%.o) $(BUILD)/rel/stdlib_blob.o
ASAN_OBJS := $(HOST_SRCS:%.c=$(BUILD)/asan/%.o) $(BUILD)/rel/stdlib_blob.o

all: $(BUILD)/polyagent

deps:
	@scripts/setup_deps.sh

# The guest script is cheap when cached; it only touches its outputs when
# their content changes, so everything downstream stays up to date.
guest: | deps
	@guest/build.sh $(BUILD)/guest

$(BUILD)/guest/python.wasm $(BUILD)/guest/stdlib.zip $(BUILD)/guest/tzdata.zip &: guest/build.sh guest/driver.c guest/pack_stdlib.py guest/sources.lock $(wildcard guest/*.h guest/*.c guest/patches/*)
	@guest/build.sh $(BUILD)/guest

$(BUILD)/w2c/python.c $(BUILD)/w2c/python.h &: $(BUILD)/guest/python.wasm
	@mkdir -p $(BUILD)/w2c
	wasm2c $< -n python -o $(BUILD)/w2c/python.c

# The splitter rewrites only units whose content changed (so ccache and make
# see the rest as untouched); the stamp records that it ran.
$(BUILD)/w2c/split.stamp: $(BUILD)/w2c/python.c scripts/split_wasm2c.py
	python3 scripts/split_wasm2c.py $(BUILD)/w2c/python.c $(BUILD)/w2c/python.h $(BUILD)/w2c $(NSPLIT)
	@touch $@

# Order-only: the splitter keeps the mtime of files whose content did not
# change, so these must not count as older than the stamp (that would make
# every host object out of date on every run).
$(W2C_SRCS) $(BUILD)/w2c/w2c_shared.h $(BUILD)/w2c/w2c_module.h $(BUILD)/w2c/w2c_snapshot.h: | $(BUILD)/w2c/split.stamp
	@:

# The stamp as a prerequisite, not only the unit: make may look at a unit's
# time before the splitter has rewritten it.  Unchanged units are ccache hits.
$(BUILD)/w2c/obj/%.o: $(BUILD)/w2c/%.c $(BUILD)/w2c/w2c_shared.h $(BUILD)/w2c/split.stamp $(W2C_PROFILE)
	@mkdir -p $(dir $@)
	@echo "CC (generated$(if $(W2C_PROFILE),, no PGO)) $<"
	@$(CC) $(W2C_CFLAGS) $(W2C_USE) -c $< -o $@

# Instrumented units for the PGO training run (see PGO above).
$(BUILD)/w2c/gen/%.o: $(BUILD)/w2c/%.c $(BUILD)/w2c/w2c_shared.h $(BUILD)/w2c/split.stamp
	@mkdir -p $(dir $@)
	@echo "CC (generated, instrumented) $<"
	@$(CC) $(W2C_CFLAGS) -fprofile-generate -fprofile-update=single -c $< -o $@

$(BUILD)/rel/%.o: %.c $(HOST_HDRS) $(BUILD)/w2c/split.stamp
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(HARDEN) $(INCLUDES) -c $< -o $@

$(BUILD)/asan/%.o: %.c $(HOST_HDRS) $(BUILD)/w2c/split.stamp
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) $(HARDEN) $(INCLUDES) -c $< -o $@

$(BUILD)/rel/stdlib_blob.o: src/runtime/stdlib_blob.S $(BUILD)/guest/stdlib.zip $(BUILD)/guest/tzdata.zip $(BUILD)/guest/python.wasm
	@mkdir -p $(dir $@)
	gcc -c -DPA_STDLIB_ZIP='"$(BUILD)/guest/stdlib.zip"' -DPA_TZDATA_ZIP='"$(BUILD)/guest/tzdata.zip"' \
	    -DPA_GUEST_ID='"'$$(cat $(BUILD)/guest/python.wasm $(BUILD)/guest/stdlib.zip $(BUILD)/guest/tzdata.zip | sha256sum | cut -c1-32)'"' $< -o $@

$(BUILD)/polyagent: $(REL_OBJS) $(W2C_OBJS)
	gcc $(CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/polyagent-asan: $(ASAN_OBJS) $(W2C_OBJS)
	gcc $(SANFLAGS) -o $@ $^ $(LIBS)

# ---- tests -------------------------------------------------------------------

WASI_SRCS := $(wildcard src/wasi/*.c)
UNIT_BINS := $(BUILD)/rel/test_wasi $(BUILD)/asan/test_wasi $(BUILD)/rel/test_runtime $(BUILD)/asan/test_runtime \
             $(BUILD)/rel/test_session $(BUILD)/asan/test_session $(BUILD)/rel/test_sandbox $(BUILD)/asan/test_sandbox \
             $(BUILD)/rel/test_pool $(BUILD)/asan/test_pool

$(BUILD)/rel/test_wasi: tests/unit/test_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) -Isrc tests/unit/test_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) -o $@ -lcmocka

$(BUILD)/asan/test_wasi: tests/unit/test_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) -Isrc tests/unit/test_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) -o $@ -lcmocka

RT_LIB_REL  := $(filter-out $(BUILD)/rel/src/cli/% $(BUILD)/rel/src/server/% $(BUILD)/rel/src/agent/%,$(REL_OBJS))
RT_LIB_ASAN := $(filter-out $(BUILD)/asan/src/cli/% $(BUILD)/asan/src/server/% $(BUILD)/asan/src/agent/%,$(ASAN_OBJS))

# The PGO trainer: our runtime (uninstrumented) with the instrumented units.
$(BUILD)/pgo_train: scripts/pgo_train.c $(RT_LIB_REL) $(W2C_OBJS:$(BUILD)/w2c/obj/%=$(BUILD)/w2c/gen/%)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCLUDES) $^ -o $@ $(LIBS) -lgcov

# The script builds the trainer (a recursive make: `+`) only when no stored
# profile fits; it touches profile.stamp only when a profile file changed,
# so that nothing recompiles when the profile did not.
$(BUILD)/w2c/profile.checked: $(BUILD)/w2c/split.stamp $(PGO_TRAIN) scripts/pgo_profile.sh scripts/pgo_train.c
	+@MAKE="$(MAKE)" W2C_CFLAGS="$(W2C_CFLAGS)" scripts/pgo_profile.sh $(BUILD) $(PGO_TRAIN)
	@touch $@
$(BUILD)/w2c/profile.stamp: $(BUILD)/w2c/profile.checked
	@:

$(BUILD)/rel/test_runtime: tests/unit/test_runtime.c $(RT_LIB_REL) $(W2C_OBJS)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCLUDES) $^ -o $@ -lcmocka $(LIBS)

$(BUILD)/asan/test_runtime: tests/unit/test_runtime.c $(RT_LIB_ASAN) $(W2C_OBJS)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) $(INCLUDES) $^ -o $@ -lcmocka $(LIBS)

# The confinement layer alone: no interpreter, no pool.
SANDBOX_SRCS := src/sandbox/child.c src/sandbox/confine.c src/sandbox/seccomp.c

$(BUILD)/rel/test_sandbox: tests/unit/test_sandbox.c $(SANDBOX_SRCS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) -Isrc tests/unit/test_sandbox.c $(SANDBOX_SRCS) -o $@ -lcmocka -lseccomp

$(BUILD)/asan/test_sandbox: tests/unit/test_sandbox.c $(SANDBOX_SRCS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) -Isrc tests/unit/test_sandbox.c $(SANDBOX_SRCS) -o $@ -lcmocka -lseccomp

# The pool's supervisor links no interpreter: its workers are polyagent.
POOL_SRCS := src/sandbox/pool.c src/sandbox/proto.c src/sandbox/confine.c src/sandbox/seccomp.c src/runtime/result.c \
             src/session/id.c

$(BUILD)/rel/test_pool: tests/unit/test_pool.c $(POOL_SRCS) $(HOST_HDRS) $(BUILD)/w2c/w2c_module.h
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCLUDES) tests/unit/test_pool.c $(POOL_SRCS) -o $@ -lcmocka -lseccomp -lpthread

$(BUILD)/asan/test_pool: tests/unit/test_pool.c $(POOL_SRCS) $(HOST_HDRS) $(BUILD)/w2c/w2c_module.h
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) $(INCLUDES) tests/unit/test_pool.c $(POOL_SRCS) -o $@ -lcmocka -lseccomp -lpthread

$(BUILD)/rel/test_session: tests/unit/test_session.c $(RT_LIB_REL) $(W2C_OBJS)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCLUDES) $^ -o $@ -lcmocka $(LIBS)

$(BUILD)/asan/test_session: tests/unit/test_session.c $(RT_LIB_ASAN) $(W2C_OBJS)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SANFLAGS) $(INCLUDES) $^ -o $@ -lcmocka $(LIBS)

# libFuzzer harness for the WASI layer (clang: gcc has no libFuzzer).
$(BUILD)/fuzz_wasi: tests/fuzz/fuzz_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) $(HOST_HDRS)
	clang $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_wasi.c tests/unit/wasi_stubs.c $(WASI_SRCS) -o $@

# The other fuzz targets: UB is a finding too (-fno-sanitize-recover).
FUZZ_CFLAGS := $(CSTD) -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

# WASI imports of a live instance (real base image, real linear memory):
# our host code compiled here with clang and the sanitizers, the generated
# units linked as gcc built them.
FUZZ_LIVE_SRCS := tests/fuzz/fuzz_live.c $(wildcard src/runtime/*.c src/wasi/*.c src/session/*.c) \
                  src/cli/result_json.c src/cli/utf8.c
$(BUILD)/fuzz_live: $(FUZZ_LIVE_SRCS) $(HOST_HDRS) $(W2C_OBJS) $(BUILD)/rel/stdlib_blob.o $(BUILD)/w2c/split.stamp
	clang $(FUZZ_CFLAGS) $(INCLUDES) $(FUZZ_LIVE_SRCS) $(W2C_OBJS) $(BUILD)/rel/stdlib_blob.o -o $@ $(LIBS)

# The CLI's JSON encoding of results.
$(BUILD)/fuzz_json: tests/fuzz/fuzz_json.c src/cli/result_json.c src/cli/utf8.c $(HOST_HDRS)
	clang $(FUZZ_CFLAGS) -Isrc tests/fuzz/fuzz_json.c src/cli/result_json.c src/cli/utf8.c -o $@ -ljansson -lm

# Each target for FUZZ_SECONDS; corpora in $(CACHE)/fuzz-corpus/<target>
# (seeded from tests/fuzz/seeds/<target>), findings in $(BUILD)/fuzz-findings.
FUZZ_TARGETS := fuzz_wasi fuzz_live fuzz_json
fuzz: $(FUZZ_TARGETS:%=$(BUILD)/%)
	@mkdir -p $(BUILD)/fuzz-findings
	@fail=; for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(CACHE)/fuzz-corpus/$$t || exit 1; \
	    seeds=; [ -d tests/fuzz/seeds/$$t ] && seeds=tests/fuzz/seeds/$$t; \
	    echo "== $$t: $(FUZZ_SECONDS) s, corpus $(CACHE)/fuzz-corpus/$$t"; \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $(BUILD)/$$t -max_total_time=$(FUZZ_SECONDS) \
	        -rss_limit_mb=4096 -artifact_prefix=$(BUILD)/fuzz-findings/$$t- \
	        $(CACHE)/fuzz-corpus/$$t $$seeds || fail="$$fail $$t"; \
	done; \
	if [ -n "$$fail" ]; then echo "fuzz: findings from$$fail (inputs in $(BUILD)/fuzz-findings)"; exit 1; fi

# Sanitizer runtime options: our fault handler turns guest faults into traps,
# so ASan must leave SIGSEGV/SIGBUS to it.
ASAN_ENV := ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:allow_user_segv_handler=1:detect_leaks=1:use_sigaltstack=0 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test: deps
	@$(MAKE) --no-print-directory guest
	@$(MAKE) --no-print-directory -j$(JOBS) $(BUILD)/polyagent $(BUILD)/polyagent-asan $(UNIT_BINS) $(BUILD)/fuzz_wasi $(BUILD)/fuzz_live $(BUILD)/fuzz_json
	@$(MAKE) --no-print-directory test-release test-asan

test-release:
	@echo "== tests: release build"
	BUILD_DIR=$(BUILD)/rel POLYAGENT=$(BUILD)/polyagent prove -j$(JOBS) tests/unit/*.t tests/fuzz/*.t tests/cli/*.t tests/conformance/*.t tests/security/*.t tests/server/*.t
	BUILD_DIR=$(BUILD)/rel POLYAGENT=$(BUILD)/polyagent prove tests/load/*.t

test-asan:
	@echo "== tests: our code under ASan + UBSan"
	BUILD_DIR=$(BUILD)/asan POLYAGENT=$(BUILD)/polyagent-asan $(ASAN_ENV) prove -j$(JOBS) tests/unit/*.t tests/cli/*.t tests/conformance/*.t tests/security/*.t tests/server/*.t
	BUILD_DIR=$(BUILD)/asan POLYAGENT=$(BUILD)/polyagent-asan $(ASAN_ENV) prove tests/load/*.t

serve: deps
	@$(MAKE) --no-print-directory guest
	@$(MAKE) --no-print-directory -j$(JOBS) $(BUILD)/polyagent
	@scripts/serve.sh $(BUILD)/polyagent

dev: serve  # the seed's name for it

$(BUILD)/bench_snapshot: bench/snapshot/bench_snapshot.c $(RT_LIB_REL) $(W2C_OBJS)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCLUDES) $^ -o $@ $(LIBS)

bench: deps
	@scripts/setup_bench_deps.sh
	@$(MAKE) --no-print-directory guest
	@$(MAKE) --no-print-directory -j$(JOBS) $(BUILD)/polyagent $(BUILD)/bench_snapshot
	/usr/bin/python3 bench/run.py --build $(BUILD) $(BENCH_FLAGS)

clean:
	rm -rf $(BUILD)/rel $(BUILD)/asan $(BUILD)/polyagent $(BUILD)/polyagent-asan

distclean:
	rm -rf $(BUILD)
