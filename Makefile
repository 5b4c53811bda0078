# SPDX-License-Identifier: MIT
# A thin wrapper over CMake, so that README's two commands stay short.
#   make nightly   bootstrap, build, run the nightly suite on the virtual farm
#   make test      bootstrap, build (also with ASan/UBSan), run every test
BUILD      ?= build
ASAN_BUILD ?= build-asan
REPORTS    ?= reports/runs
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
RIG         = $(BUILD)/harness/rig

.PHONY: all bootstrap build build-asan test nightly exp bench clean help

all: build

help:
	@echo "make nightly   run the nightly suite on the virtual farm; report in $(REPORTS)/latest"
	@echo "make test      build (Release and ASan/UBSan) and run every test with ctest"
	@echo "make exp       regenerate conformance expected outputs with CPython"
	@echo "make bench     time bench/*.py on vboard against python3 (ratios, geometric mean)"
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

test: build build-asan
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) -L unit --output-on-failure -j $(JOBS)

nightly: build
	$(RIG) nightly --farm fixtures/farm-virtual.json --report-dir $(REPORTS)

exp:
	tools/make_exp.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

bench: build
	tools/bench.sh $(BUILD)/port_esp8266/vboard
