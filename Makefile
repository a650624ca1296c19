# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# For people. The build itself is CMake; this file installs what is missing
# and runs the right CMake builds. See README.md.
#
#   make demo           set-up (the [demo] packages only) + the ofl tool on
#                       generated sample traffic
#   make check          set-up ([demo] and [check] packages) + every test
#                       (unit, peers, eBPF, targets, fuzz)
#   make check-targets  the conformance suite on every target, one digest
#   make check-kernels  GRO/GSO/checksum differentials on the 6.1 and 6.12
#                       guest kernels (qemu, TCG) and the running kernel
#   make check-vnic     ofl.ko + the ofl_vnic driver in the 6.12 and 6.1
#                       guests: real traffic and each release's own
#                       offload selftests
#   make check-bpf-kernels  every BPF program loaded on the 6.1 and 6.12
#                       guests and the running kernel, and the conformance
#                       digest in BPF on each (not in CI yet: 6.1 refuses)
#   make kmod           ofl.ko and ofl_vnic.ko for the running kernel
#   make bench          benchmarks, side by side with DPDK
#   make perf-table     issue 18's speed table, two runs (scripts/perf-table.py)
#   make fuzz           every fuzzer for FUZZ_SECONDS each
#   make install        install to PREFIX (default /usr/local)

BUILD   ?= build
PREFIX  ?= /usr/local
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
CMAKE   ?= cmake
CTEST   ?= ctest

.PHONY: all deps deps-demo build demo check check-unit check-fuzz check-targets \
	check-kernels check-vnic check-bpf-kernels kmod \
	bench perf-table fuzz install clean

all: build

# scripts/packages.txt: [demo] builds the library and the tool, [check]
# runs the tests, [bench] the benchmarks (README.md: what each installs).
deps:
	@sh scripts/deps.sh demo check

deps-demo:
	@sh scripts/deps.sh demo

$(BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

# The demo needs no test: a build without them needs only [demo] packages
# (cmocka, libbpf, clang are [check]'s). A build dir configured by
# `make check` is used as it is. The build's output goes to a log (its
# last lines are shown if it fails): the demo's output is the demo.
demo: deps-demo
	@[ -f $(BUILD)/CMakeCache.txt ] || $(CMAKE) -S . -B $(BUILD) \
		-DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=OFF >/dev/null
	@echo "demo: building in $(BUILD) (log: $(BUILD)/demo-build.log)"
	@$(CMAKE) --build $(BUILD) -j $(JOBS) >$(BUILD)/demo-build.log 2>&1 || \
		{ tail -40 $(BUILD)/demo-build.log; echo "demo: build failed"; exit 1; }
	@sh scripts/demo.sh $(BUILD)

check: deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=ON >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)
	$(MAKE) --no-print-directory check-unit check-fuzz check-targets

check-unit: build
	$(CTEST) --test-dir $(BUILD) --output-on-failure --no-tests=error -j $(JOBS)

# clang build with ASan+UBSan: the fuzzers, briefly; it also proves the
# whole tree builds warning-free with clang.
check-fuzz:
	CC=clang $(CMAKE) -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DOFL_BUILD_FUZZ=ON -DOFL_BUILD_TESTS=OFF -DOFL_BUILD_TOOLS=OFF >/dev/null
	$(CMAKE) --build $(BUILD)-fuzz -j $(JOBS)
	$(CTEST) --test-dir $(BUILD)-fuzz --output-on-failure --no-tests=error -j $(JOBS)

check-targets: build
	@if [ -x scripts/check-targets.sh ]; then sh scripts/check-targets.sh $(BUILD); \
	else echo "check-targets: not yet available"; fi

# Not part of `make check` (it boots two kernels under qemu: about 5
# minutes): .ci/run runs it as its own step; docs/KERNELS.md.
check-kernels: deps
	@sh scripts/deps.sh kernels
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=ON >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)
	@sh scripts/check-kernels.sh $(BUILD)

# Not part of `make check` either (two guests under qemu, 8 to 14 minutes):
# .ci/run runs it after check-kernels; docs/DRIVER.md.
check-vnic: deps
	@sh scripts/deps.sh kernels vnic
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=ON >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS) --target ofl_static ofl
	@sh scripts/check-vnic.sh $(BUILD)

# Not in .ci/run yet (6.1's verifier still refuses programs; about 4
# minutes): every BPF program of the tests build loaded on Debian 12's 6.1
# and 6.12 under qemu and on the host, and the conformance digest in BPF
# on each; docs/TARGETS.md, "eBPF on other kernels".
check-bpf-kernels: deps
	@sh scripts/deps.sh kernels
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=ON >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)
	@sh scripts/check-bpf-kernels.sh $(BUILD)

# ofl.ko and ofl_vnic.ko for the running kernel (or KDIR=...), in
# $(BUILD)/kmod; the identity header comes from the CMake configure.
KDIR ?= /lib/modules/$(shell uname -r)/build
kmod: $(BUILD)/CMakeCache.txt
	rm -rf $(BUILD)/kmod && mkdir -p $(BUILD)/kmod
	cp bindings/kernel/* $(BUILD)/kmod/
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(BUILD)/kmod OFL_SRC=$(CURDIR) \
		OFL_GEN=$(CURDIR)/$(BUILD)/gen OFL_DRIVERS=1 modules

bench:
	@sh scripts/deps.sh demo bench
	$(CMAKE) -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_BENCH=ON \
		-DOFL_BUILD_TESTS=OFF >/dev/null
	$(CMAKE) --build $(BUILD)-bench -j $(JOBS)
	@for b in $(BUILD)-bench/bench/bench_*; do \
		[ -x "$$b" ] || continue; echo "== $$b"; "$$b" || exit 1; done

# The BPF rows need the tests' build (bpf_bench); the rest builds its own.
perf-table: deps
	@sh scripts/deps.sh bench
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=ON >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS) --target bpf_bench
	/usr/bin/python3 scripts/perf-table.py --runs 2 --tests-build $(BUILD)

fuzz: deps
	CC=clang $(CMAKE) -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DOFL_BUILD_FUZZ=ON -DOFL_BUILD_TESTS=OFF -DOFL_BUILD_TOOLS=OFF \
		-DOFL_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	$(CMAKE) --build $(BUILD)-fuzz -j $(JOBS) --target fuzz_long

# ldconfig: the new libofl.so.N is found at once (a program linked to it
# failed with "cannot open shared object file" until ldconfig ran); only
# when installing to this system (not with DESTDIR) and as root.
install: build
	$(CMAKE) --install $(BUILD) --prefix $(PREFIX)
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then \
		ldconfig; echo "install: ldconfig run"; fi

clean:
	rm -rf $(BUILD) $(BUILD)-fuzz $(BUILD)-bench
