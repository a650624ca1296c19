#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""`ofl parse --mask LEVEL` (issue 14 section 4): one request level only.

usage: parse_mask.py OFL_BIN CORPUS_DIR

For every capture of the corpus, `ofl parse --json` at each level
(offsets, flow, layers) is held against the full parse (no --mask, and
--mask all, which must be the same bytes): what a level fills is equal,
what it does not fill is absent, "mask" names the level, the summary is
the same. The offsets are also checked against the layer list of the
full parse (l3_offset is an IPv4/IPv6 layer's offset, l4_offset an L4
layer's, payload_offset the end of the last L4 layer), so the offsets level
is right on its own, link headers (cooked, PPP, raw IP) included. Text
output runs at every level; bad levels and --dot without a layer list are
usage errors (exit 2).
"""
import json
import os
import subprocess
import sys

LEVELS = ["offsets", "flow", "layers"]
# keys each level adds (docs/TOOL.md); the rest of `all` is META
TOP = {
    "offsets": {"frame", "mask", "error", "error_offset", "len", "encap",
                "outer", "inner", "payload_offset", "tunnel", "vlan_count",
                "mpls_count"},
    "flow": {"payload_len"},
    "layers": {"layers"},
}
FLOW = {
    "offsets": {"family", "ip_proto", "l3_offset", "l4_offset", "frag"},
    "flow": {"src", "dst", "sport", "dport"},
    "layers": set(),
}
L4 = {"tcp", "udp", "sctp", "icmp", "icmpv6", "igmp"}


def allowed(level, table):
    keys = set()
    for lv in LEVELS:
        keys |= table[lv]
        if lv == level:
            return keys
    return keys


def run(ofl, args, path):
    r = subprocess.run([ofl, "parse"] + args + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    return r.returncode, r.stdout.decode()


def objs(out):
    return [json.loads(x) for x in out.splitlines()]


def check_offsets(full, errs, where):
    """l3/l4/payload offsets against the full parse's layers"""
    lay = full.get("layers", [])
    l3 = {x["offset"] for x in lay if x["proto"] in ("ipv4", "ipv6")}
    l4 = {x["offset"] for x in lay if x["proto"] in L4}
    n = 0
    for k in ("outer", "inner"):
        fl = full.get(k)
        if not fl:
            continue
        # a flow's IP header is listed unless it is cut short
        if fl["l3_offset"] not in l3 and full["error"] is None:
            errs.append(f"{where}: {k} l3_offset {fl['l3_offset']} not an "
                        f"IP layer {sorted(l3)}")
        n += 1
        if "l4_offset" in fl and fl["l4_offset"] not in l4:
            errs.append(f"{where}: {k} l4_offset {fl['l4_offset']} not an "
                        f"L4 layer {sorted(l4)}")
    l4l = [x for x in lay if x["proto"] in L4]
    if "payload_offset" in full and l4l:
        # the first byte after the last L4 header (a tunnel's inner
        # frame without one, ARP say, leaves the outer UDP's)
        end = l4l[-1]["offset"] + l4l[-1]["len"]
        if full["payload_offset"] != end:
            errs.append(f"{where}: payload_offset {full['payload_offset']}"
                        f" != end of the last L4 layer {end}")
    return n


def compare(level, full, got, errs, where):
    if got.get("mask") != level:
        errs.append(f"{where}: mask {got.get('mask')!r}")
    top, fk = allowed(level, TOP), allowed(level, FLOW)
    for k, v in full.items():
        if k in top and k != "mask" and got.get(k, None) != v and \
           k not in ("outer", "inner"):
            errs.append(f"{where}: {k} {got.get(k)!r}, full {v!r}")
    for k in got:
        if k not in top:
            errs.append(f"{where}: {k} printed at level {level}")
    for k in ("outer", "inner"):
        a, b = full.get(k), got.get(k)
        if (a is None) != (b is None):
            errs.append(f"{where}: {k} {b!r}, full {a!r}")
            continue
        if a is None:
            continue
        want = {x: y for x, y in a.items() if x in fk}
        if b != want:
            errs.append(f"{where}: {k} {b}, expected {want}")
    # counts where the full parse lists tags and labels
    if level != "all":
        for key, cnt in (("vlan", "vlan_count"), ("mpls", "mpls_count")):
            if key in full and got.get(cnt, 0) < len(full[key]):
                errs.append(f"{where}: {cnt} {got.get(cnt)}, full {key} "
                            f"{full[key]}")


def main():
    ofl, corpus = sys.argv[1], sys.argv[2]
    caps = []
    for d, _, files in os.walk(corpus):
        caps += [os.path.join(d, f) for f in files
                 if f.endswith((".pcap", ".pcapng", ".cap"))]
    if not caps:
        print(f"SKIP: no captures under {corpus}")
        return 77
    errs, nframes, nflows = [], 0, 0
    for path in sorted(caps):
        rc, out = run(ofl, ["--json"], path)
        rc2, out2 = run(ofl, ["--json", "--mask", "all"], path)
        if rc != 0 or out != out2 or rc2 != 0:
            if rc == 1 and rc2 == 1:
                continue        # unreadable capture: not this test's
            errs.append(f"{path}: --mask all differs from the default "
                        f"(exit {rc}, {rc2})")
            continue
        full = objs(out)
        for level in LEVELS:
            rc, out = run(ofl, ["--json", "--mask", level], path)
            got = objs(out)
            if rc != 0 or len(got) != len(full) or got[-1] != full[-1]:
                errs.append(f"{path} {level}: exit {rc}, {len(got)} "
                            f"objects, summary {got[-1] if got else None}")
                continue
            for f, g in zip(full[:-1], got[:-1]):
                compare(level, f, g, errs, f"{path}#{f['frame']} {level}")
            rc, out = run(ofl, ["--mask", level], path)
            if rc != 0 or len(out.splitlines()) != len(full):
                errs.append(f"{path} {level}: text exit {rc}")
        for f in full[:-1]:
            nflows += check_offsets(f, errs, f"{path}#{f['frame']}")
        nframes += len(full) - 1
    one = sorted(caps)[0]
    for args in (["--mask", "ports"], ["--mask"], ["--mask", ""],
                 ["--dot", "1", "--mask", "offsets"],
                 ["--dot", "1", "--mask", "flow"]):
        rc, _ = run(ofl, args, one)
        if rc != 2:
            errs.append(f"{args}: exit {rc}, expected 2")
    rc, out = run(ofl, ["--dot", "1", "--mask", "layers"], one)
    if rc != 0 or "digraph" not in out:
        errs.append(f"--dot 1 --mask layers: exit {rc}")
    for e in errs[:40]:
        print(e)
    print(f"{len(caps)} captures, {nframes} frames at 3 levels, {nflows} "
          f"flows' offsets checked against the layers: {len(errs)} wrong")
    return 1 if errs or not nframes else 0


if __name__ == "__main__":
    sys.exit(main())
