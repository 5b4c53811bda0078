# SPDX-License-Identifier: MIT
# A thin wrapper over CMake, so that README's two commands stay short.
#   make nightly   bootstrap, build, run the nightly suite on the virtual farm
#   make test      bootstrap, build (also with ASan/UBSan), run every test,
#                  fuzz the runtime for FUZZ_TIME seconds
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 60
REPORTS    ?= reports/runs
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
RIG         = $(BUILD)/harness/rig

.PHONY: all bootstrap build build-asan fuzz test nightly exp bench size clean help

all: build

help:
	@echo "make nightly   run the nightly suite on the virtual farm; report in $(REPORTS)/latest"
	@echo "make test      build (Release and ASan/UBSan) and run every test with ctest"
	@echo "make fuzz      fuzz the runtime with libFuzzer for FUZZ_TIME (60) seconds in $(FUZZ_BUILD)/"
	@echo "make exp       regenerate conformance expected outputs with CPython"
	@echo "make bench     time bench/*.py on vboard against python3 (ratios, geometric mean)"
	@echo "make size      ESP8266 image sections, IRAM, flash image, free heap after boot; fails over budget"
	@echo "make build     configure and build into $(BUILD)/"
	@echo "make clean     remove the build trees"

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: bootstrap
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Sanitize >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# libFuzzer over lexer + parser + compiler + VM (runtime/fuzz/). The clang
# tree instruments the whole runtime; the corpus starts from the kept
# inputs and every conformance test and grows in $(FUZZ_BUILD)/corpus. A
# finding stops make with the input in $(FUZZ_BUILD)/crash-*: fix it and
# keep the input in runtime/fuzz/regress/ (replayed by ctest).
fuzz: bootstrap
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Sanitize \
	  -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link >/dev/null
	@cmake --build $(FUZZ_BUILD) --target rt_fuzz -j $(JOBS)
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/seeds
	@for f in $$(find conformance -name '*.py'); do cp $$f $(FUZZ_BUILD)/seeds/$$(echo $$f | tr / _); done
	$(FUZZ_BUILD)/runtime/fuzz/rt_fuzz -max_total_time=$(FUZZ_TIME) -timeout=20 -max_len=4096 \
	  -dict=runtime/fuzz/python.dict -artifact_prefix=$(FUZZ_BUILD)/ -print_final_stats=1 \
	  $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/seeds runtime/fuzz/seeds runtime/fuzz/regress

test: build build-asan fuzz
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) -L unit --output-on-failure -j $(JOBS)

nightly: build
	$(RIG) nightly --farm fixtures/farm-virtual.json --report-dir $(REPORTS)

exp:
	tools/make_exp.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

bench: build
	tools/bench.sh $(BUILD)/port_esp8266/vboard

# The chip image's size and memory report with its budgets (IRAM, flash
# image, free heap after boot); fails when one is exceeded.
size: build
	cmake --build $(BUILD) --target size
