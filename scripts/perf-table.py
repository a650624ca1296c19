#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""The speed table of issue 18 (docs/PERFORMANCE.md), measured in one go.

Every row is a ratio taken inside one process, ofl beside its peer on the
same inputs: DPDK time / ofl time (higher is better for ofl), except the
BPF rows, which are BPF time / native time (lower is better) and CRC32c's
portable row, old byte loop time / portable time. Each run runs every
binary once, pinned to one CPU; the table has one column per run and a
last column that says whether the target held in every run.

    scripts/perf-table.py [--runs N] [--cpu C] [--tests-build DIR] [--no-build]

Builds (unless --no-build) build-bench (Release, the default ifunc) and
build-bench-nomv (Release, -DOFL_NO_MULTIVERSION: the x86-64 baseline
without AVX2) with `make bench`'s options. The BPF rows need root and a
build with tests (default `build`, target bpf_bench); without them they
are left out with the reason printed. Nothing here is a test: times are
never asserted.
"""
import argparse
import json
import os
import subprocess
import sys

FAILED = []
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True,
                          stdout=subprocess.PIPE, **kw).stdout


def build(tree, cflags):
    cfg = ["cmake", "-S", ROOT, "-B", tree, "-DCMAKE_BUILD_TYPE=Release",
           "-DOFL_BUILD_BENCH=ON", "-DOFL_BUILD_TESTS=OFF",
           "-DCMAKE_C_FLAGS=" + cflags]
    sh(cfg)
    sh(["cmake", "--build", tree, "-j2"])


def gbench(binary, cpu, flt):
    """Median CPU ns of 3 repetitions, by benchmark name."""
    out = sh(["taskset", "-c", str(cpu), binary,
              "--benchmark_filter=" + flt, "--benchmark_repetitions=3",
              "--benchmark_report_aggregates_only=true",
              "--benchmark_format=json"], stderr=subprocess.DEVNULL)
    res = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            assert b["time_unit"] == "ns", b
            res[b["run_name"]] = b["cpu_time"]
    return res


def gro(binary, cpu):
    """bench_gro --tsc: ratio of medians by (workload, ring)."""
    out = sh(["taskset", "-c", str(cpu), binary, "--tsc", "300"],
             stderr=subprocess.DEVNULL)
    res = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 9 and f[0].isdigit() and f[8].endswith("x"):
            res[(int(f[0]), int(f[1]))] = float(f[8][:-1])
        # the ring whose frames' first lines are flushed from the cache
        # after each restore (a NIC's DMA without DDIO): "1024 dram"
        elif (len(f) == 10 and f[0].isdigit() and f[2] == "dram" and
              f[9].endswith("x")):
            res[(int(f[0]), "dram")] = float(f[9][:-1])
    return res


def bpf(binary, tests_build, cpu):
    """bpf_bench: BPF / native ratio by (program, bytes)."""
    r = subprocess.run(["taskset", "-c", str(cpu), binary, "."],
                       cwd=tests_build, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    res = {}
    if r.returncode:
        # bpf_bench checks BPF against native before it times: a failure
        # is a wrong result, not a missing feature
        print("*** FAILED: bpf_bench exit %d: %s" % (r.returncode,
              r.stderr.strip()), file=sys.stderr)
        FAILED.append("bpf_bench")
    out = r.stdout
    for line in out.splitlines()[1:]:
        # program (may hold spaces), bytes, bpf_ns, native_ns, ratio, net,
        # insns
        f = line.rsplit(None, 6)
        if len(f) == 7 and f[1].isdigit() and float(f[4]) > 0:
            res[(f[0], int(f[1]))] = (float(f[4]), float(f[5]))
    return res


def one_run(a, nomv_ok, bpf_bin):
    bb = os.path.join(a.bench, "bench")
    rows = []

    g = gro(os.path.join(bb, "bench_gro"), a.cpu)
    for ring, name in ((64, "warm ring (64)"), (1024, "cold ring (1024)")):
        for w, flows in ((0, 1), (1, 8), (2, 32)):
            rows.append(("GRO %d flow%s, %s" % (flows, "s" * (flows > 1), name),
                         g.get((w, ring)), ">= 2x", lambda r: r >= 2))
    for w, flows in ((0, 1), (1, 8), (2, 32)):
        rows.append(("GRO %d flow%s, cold ring, headers from memory "
                     "(1024 dram)" % (flows, "s" * (flows > 1)),
                     g.get((w, "dram")), "(report)", None))

    s = gbench(os.path.join(bb, "bench_gso"), a.cpu, ".")
    base = s["gso_tcp4_64000_mss1448/DPDK/rte_gso"]
    for mode, tgt, ok in (("zerocopy_partial", ">= 3x", lambda r: r >= 3),
                          ("zerocopy_complete", ">= 1.5x",
                           lambda r: r >= 1.5),
                          ("copy_partial", "(report)", None),
                          ("copy_complete", "(report)", None)):
        t = s.get("gso_tcp4_64000_mss1448/ofl/" + mode)
        rows.append(("GSO 64000 B mss 1448, " + mode.replace("_", ", "),
                     base / t if t else None, tgt, ok))

    sizes = (1500, 9000, 65535)
    flt = "BM_(ofl|dpdk)/(1500|9000|65535)$"
    c = gbench(os.path.join(bb, "bench_csum"), a.cpu, flt)
    for n in sizes:
        rows.append(("csum %d B, default ifunc" % n,
                     c["BM_dpdk/%d" % n] / c["BM_ofl/%d" % n], "keep", None))
    if nomv_ok:
        c = gbench(os.path.join(a.bench + "-nomv", "bench", "bench_csum"),
                   a.cpu, flt)
        for n in sizes:
            rows.append(("csum %d B, no AVX2 (-DOFL_NO_MULTIVERSION)" % n,
                         c["BM_dpdk/%d" % n] / c["BM_ofl/%d" % n], ">= 1.5x",
                         lambda r: r >= 1.5))

    c = gbench(os.path.join(bb, "bench_csum"), a.cpu,
               "BM_crc_(ofl|dpdk|ofl_portable|bytewise)/(1500|9000|65535)$")
    for n in sizes:
        rows.append(("CRC32c %d B, ofl vs rte_hash_crc" % n,
                     c["BM_crc_dpdk/%d" % n] / c["BM_crc_ofl/%d" % n],
                     ">= 1x", lambda r: r >= 1))
    for n in sizes:
        rows.append(("CRC32c %d B, portable vs old byte loop" % n,
                     c["BM_crc_bytewise/%d" % n] /
                     c["BM_crc_ofl_portable/%d" % n], ">= 4x",
                     lambda r: r >= 4))

    if bpf_bin:
        for (prog, n), r in sorted(bpf(bpf_bin, a.tests_build,
                                       a.cpu).items()):
            if prog == "empty":
                continue
            rows.append(("BPF / native: %s, %d B" % (prog, n), r[0],
                         "<= 2x", lambda r: r <= 2))
            # the module's own share: the harness (and for GRO the frame
            # copy) taken off both sides (tests/ebpf/bpf_bench.c, "net");
            # left out where the floor is most of the BPF figure
            if r[1] > 0 and n > 100:
                rows.append(("BPF / native, net of the harness: %s, %d B"
                             % (prog, n), r[1], "<= 2x",
                             lambda r: r <= 2))
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--cpu", type=int, default=os.cpu_count() - 1)
    p.add_argument("--bench", default=os.path.join(ROOT, "build-bench"))
    p.add_argument("--tests-build", default=os.path.join(ROOT, "build"))
    p.add_argument("--no-build", action="store_true")
    a = p.parse_args()

    nomv_ok = True
    if not a.no_build:
        build(a.bench, "")
        build(a.bench + "-nomv", "-DOFL_NO_MULTIVERSION")
    elif not os.path.exists(os.path.join(a.bench + "-nomv", "bench",
                                         "bench_csum")):
        nomv_ok = False
        print("*** SKIP csum no-AVX2 rows: %s-nomv not built" % a.bench,
              file=sys.stderr)

    bpf_bin = os.path.join(a.tests_build, "tests", "ebpf", "bpf_bench")
    if os.geteuid() != 0:
        print("*** SKIP BPF rows: BPF_PROG_TEST_RUN needs root",
              file=sys.stderr)
        bpf_bin = None
    elif not os.path.exists(bpf_bin):
        print("*** SKIP BPF rows: %s missing (cmake --build %s --target "
              "bpf_bench)" % (bpf_bin, a.tests_build), file=sys.stderr)
        bpf_bin = None

    runs = []
    for i in range(a.runs):
        print("run %d of %d, load average %s" % (
            i + 1, a.runs, " ".join(open("/proc/loadavg").read().split()[:3])),
            file=sys.stderr, flush=True)
        runs.append(one_run(a, nomv_ok, bpf_bin))

    print("| row | " + " | ".join("run %d" % (i + 1)
                                 for i in range(a.runs)) +
          " | target | held in every run |")
    print("|---|" + "---|" * a.runs + "---|---|")
    order, spec = [], {}
    for r in runs:
        for row in r:
            if row[0] not in spec:
                order.append(row[0])
                spec[row[0]] = row
    for name in order:
        vals = [next((x[1] for x in r if x[0] == name), None) for r in runs]
        ok = spec[name][3]
        held = "" if ok is None else (
            "yes" if all(v is not None and ok(v) for v in vals) else "**no**")
        print("| %s | %s | %s | %s |" % (
            name, " | ".join("%.2fx" % v if v is not None else "-"
                             for v in vals), spec[name][2], held))
    if FAILED:
        sys.exit("failed: " + ", ".join(FAILED))


if __name__ == "__main__":
    main()
