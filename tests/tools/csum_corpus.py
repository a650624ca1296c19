#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""ofl csum on real captures whose verdict is known from their names.

usage: csum_corpus.py OFL CORPUS_DIR

zeek chksums/*-good-*: every checksum right; *-bad-*: at least one wrong.
tcpdump gso-*, bigtcp-*: super-frames captured before segmentation, every
TCP/UDP checksum holds the CHECKSUM_PARTIAL pseudo-header sum.
*erspan* (ERSPAN type II/III over GRE, all with good checksums): the
erspan layer, then the mirrored frame's checks, all ok.
SKIP (77) where the corpus is absent.
"""
import glob
import json
import os
import subprocess
import sys


def run(ofl, path):
    p = subprocess.run([ofl, "csum", "--json", path], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return None
    return [json.loads(x) for x in p.stdout.splitlines()][:-1]


def main():
    ofl, corpus = sys.argv[1:3]
    if not os.path.isdir(corpus):
        print(f"SKIP: corpus absent ({corpus})")
        return 77
    errors = []
    n = 0
    for path in sorted(glob.glob(os.path.join(corpus, "zeek", "*chksums*"))):
        name = os.path.basename(path)
        if "-good-" not in name and "-bad-" not in name:
            continue
        frames = run(ofl, path)
        if frames is None:
            continue    # empty placeholder file
        n += 1
        st = [c["status"] for f in frames for c in f["checks"]]
        if "-good-" in name and (not st or any(s != "ok" for s in st)):
            errors.append(f"{name}: {st}, all ok expected")
        if "-bad-" in name and "bad" not in st:
            errors.append(f"{name}: {st}, one bad expected")
    for path in sorted(glob.glob(os.path.join(corpus, "tcpdump", "gso-*")) +
                       glob.glob(os.path.join(corpus, "tcpdump", "bigtcp-*"))):
        frames = run(ofl, path)
        if frames is None:
            continue
        n += 1
        for f in frames:
            for c in f["checks"]:
                if c["what"] in ("tcp", "udp") and not c.get("partial"):
                    errors.append(f"{os.path.basename(path)} frame "
                                  f"{f['frame']}: {c}, partial expected")
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*erspan*"))):
        frames = run(ofl, path)
        if frames is None:
            continue
        n += 1
        for f in frames:
            ly, st = f["layers"], [c["status"] for c in f["checks"]]
            inner = ly[ly.index("erspan") + 1:] if "erspan" in ly else []
            want = 1 + ("ipv4" in inner)    # outer IPv4, inner IPv4
            if inner[:1] != ["eth"] or len(st) < want or \
                    any(s != "ok" for s in st):
                errors.append(f"{os.path.basename(path)} frame "
                              f"{f['frame']}: {ly} {st}, the mirrored "
                              f"frame checked ok expected")
    for e in errors:
        print("FAIL:", e)
    if not n:
        print("SKIP: no named capture in the corpus")
        return 77
    print(f"{n} captures with known verdicts, {len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
