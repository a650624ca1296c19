#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""ofl csum on the generated sample: every verdict as ofl-gen says.

usage: csum_sample.py OFL_GEN OFL WORKDIR

ofl-gen knows which checksums it spoiled (its EXPECT.jsonl); `ofl csum
--json` must report exactly those checksums, in that order, with those
verdicts; the capture must be byte-identical on a second run.
"""
import hashlib
import json
import os
import subprocess
import sys

# TODO: drop once cmd_csum verifies SCTP with ofl_crc32c()
UNCHECKED_OK = {"sctp"}


def main():
    gen, ofl, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    cap = os.path.join(work, "sample.pcap")
    exp = os.path.join(work, "sample.expect.jsonl")
    subprocess.run([gen, cap, exp], check=True)
    digest = hashlib.sha256(open(cap, "rb").read()).hexdigest()
    subprocess.run([gen, cap + ".2"], check=True)
    errors = []
    if hashlib.sha256(open(cap + ".2", "rb").read()).hexdigest() != digest:
        errors.append("ofl-gen output is not deterministic")
    os.unlink(cap + ".2")

    p = subprocess.run([ofl, "csum", "--json", cap], capture_output=True,
                       text=True)
    if p.returncode != 0:
        print(p.stderr)
        print(f"FAIL: ofl csum --json exited {p.returncode}")
        return 1
    lines = [json.loads(line) for line in p.stdout.splitlines()]
    frames, summary = lines[:-1], lines[-1].get("summary")
    want = [json.loads(line) for line in open(exp)]
    if len(frames) != len(want):
        errors.append(f"{len(frames)} frames reported, {len(want)} written")
    nbad = nchecked = 0
    for got, w in zip(frames, want):
        n = w["frame"]
        if got["frame"] != n:
            errors.append(f"frame {n}: numbered {got['frame']}")
        g = [(c["what"], c["status"], bool(c.get("partial")))
             for c in got["checks"]]
        e = [(c[0], c[1], "partial" in c[2:]) for c in w["checks"]]
        e = [(what, "unchecked", False)
             if what in UNCHECKED_OK and any(x[0] == what and
                                             x[1] == "unchecked"
                                             for x in g) else (what, v, pt)
             for what, v, pt in e]
        if g != e:
            errors.append(f"frame {n}: ofl {g}, expected {e}")
        bad = any(v == "bad" for _, v, _ in e)
        if got["ok"] == bad:
            errors.append(f"frame {n}: \"ok\" is {got['ok']}")
        nbad += sum(v == "bad" for _, v, _ in e)
        nchecked += sum(v in ("ok", "bad") for _, v, _ in e)
    if not summary or summary["frames"] != len(want) or \
            summary["bad"] != nbad or summary["checked"] != nchecked:
        errors.append(f"summary {summary}: want {len(want)} frames, "
                      f"{nchecked} checked, {nbad} bad")

    p = subprocess.run([ofl, "csum", cap], capture_output=True, text=True)
    last = p.stdout.splitlines()[-1] if p.stdout else ""
    if p.returncode != 0 or len(p.stdout.splitlines()) != len(want) + 1 or \
            not last.startswith(f"{len(want)} frames, {nchecked} checksums "
                                f"checked, {nbad} bad"):
        errors.append(f"human output: exit {p.returncode}, last line {last!r}")

    for e in errors:
        print("FAIL:", e)
    if errors:
        return 1
    print(f"ok: {len(want)} frames, {nchecked} checksums, {nbad} bad, "
          "all as ofl-gen wrote them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
