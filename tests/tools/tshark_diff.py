#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Differential test: `ofl csum --json` against tshark on captures.

usage: tshark_diff.py [--gen OFL_GEN] OFL CAPTURE_OR_DIR...

--gen: also compare on the sample capture that OFL_GEN writes. A directory
that does not exist (the shared corpus on a fresh clone) prints SKIP for it.

Every checksum that both tools check (matched by frame number and the
offset of the checksum field in the frame) must get the same verdict.
Prints the frames where they disagree and exits 1 if there is any; prints
SKIP and exits 77 when nothing could be compared (no tshark, no captures).
Reassembly is off in tshark so that every field offset is a frame offset.
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

TSHARK_PREFS = [
    "-o", "ip.check_checksum:TRUE",
    "-o", "tcp.check_checksum:TRUE",
    "-o", "udp.check_checksum:TRUE",
    "-o", "sctp.checksum:CRC-32C",
    "-o", "ip.defragment:FALSE",
    "-o", "ipv6.defragment:FALSE",
    "-o", "tcp.desegment_tcp_streams:FALSE",
]
# tshark protocol prefix -> ofl "what"
PROTOS = {"ip": "ipv4", "tcp": "tcp", "udp": "udp", "icmp": "icmp",
          "icmpv6": "icmpv6", "igmp": "igmp", "gre": "gre", "sctp": "sctp"}
# tshark checksum status: 0 bad, 1 good, 2 unverified, 3 not present,
# 4 illegal (a zero UDP checksum over IPv6)
TSTATUS = {"0": "bad", "1": "ok", "3": "none", "4": "bad"}


def tshark_verdicts(path):
    """{(frame, what, field_offset): verdict} from tshark's PDML."""
    out = subprocess.run(["tshark", "-n", "-r", path, "-T", "pdml"] +
                         TSHARK_PREFS, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=True)
    res = {}
    frame = 0
    for _, el in ET.iterparse(io.BytesIO(out.stdout)):
        if el.tag == "packet":
            el.clear()
            continue
        if el.tag != "field":
            continue
        name = el.get("name", "")
        if name == "frame.number":
            frame = int(el.get("show"))
        if not name.endswith(".checksum.status"):
            continue
        what = PROTOS.get(name[:-len(".checksum.status")])
        v = TSTATUS.get(el.get("show"))
        if what and v and el.get("pos") is not None:
            res[(frame, what, int(el.get("pos")))] = v
    return res


def ofl_verdicts(ofl, path):
    p = subprocess.run([ofl, "csum", "--json", path], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return None, p.stderr.strip()
    res = {}
    nframes = 0
    for line in p.stdout.splitlines():
        o = json.loads(line)
        if "frame" not in o:
            nframes = o["summary"]["frames"]
            continue
        for c in o["checks"]:
            if c["status"] in ("ok", "bad", "none"):
                res[(o["frame"], c["what"], c["field"])] = c["status"]
    return (res, nframes), None


def captures(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, files in sorted(os.walk(a)):
                for f in sorted(files):
                    if f.endswith((".pcap", ".pcapng", ".cap")):
                        yield os.path.join(root, f)
        elif os.path.exists(a):
            yield a


def main():
    args = sys.argv[1:]
    gen = None
    if args[:1] == ["--gen"]:
        gen, args = args[1], args[2:]
    if len(args) < 1:
        print(__doc__)
        return 2
    for tool in ("tshark", "mergecap"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} not installed")
            return 77
    ofl = args[0]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        if gen:
            inputs.append(os.path.join(tmp, "sample.pcap"))
            subprocess.run([gen, inputs[0]], check=True)
        for a in args[1:]:
            if os.path.exists(a):
                inputs.append(a)
            else:
                print(f"SKIP: {a} absent")
        return compare(ofl, inputs, tmp)


# what `ofl` says of a file it cannot read at all (tools/pcapio.c,
# tools/cmd_csum.c): the only reasons to skip one; any other failure (a
# crash, a refused capture) is a disagreement
NOT_READ = re.compile(r"empty file, not a capture|too short for a capture "
                      r"file|not a pcap or pcapng file|link type -?\d+ not "
                      r"handled")


def compare(ofl, inputs, tmp):
    files = []      # (path, ofl verdicts, frame count)
    failed = []
    for path in captures(inputs):
        mine, err = ofl_verdicts(ofl, path)
        if mine is None:
            if NOT_READ.search(err):
                print(f"skip {path}: {err}")
            else:
                failed.append(f"{path}: ofl csum failed: {err}")
            continue
        files.append((path,) + mine)
    for f in failed:
        print("DISAGREE", f)
    if not files:
        if failed:
            return 1
        print("SKIP: no capture to compare")
        return 77
    # one tshark run over all captures back to back (tshark's start-up
    # dominates otherwise); frame numbers are mapped back per capture
    merged = os.path.join(tmp, "all.pcapng")
    subprocess.run(["mergecap", "-a", "-F", "pcapng", "-w", merged] +
                   [f[0] for f in files], check=True)
    theirs = tshark_verdicts(merged)
    compared = 0
    bad = []
    base = 0
    for path, mine, nframes in files:
        n = 0
        for (frame, what, pos), v in sorted(mine.items()):
            t = theirs.get((base + frame, what, pos))
            if t is None:
                continue
            n += 1
            if v != t:
                bad.append(f"{path} frame {frame} {what} at {pos}: "
                           f"ofl {v}, tshark {t}")
        base += nframes
        compared += n
        print(f"{path}: {n} checksums compared")
        if path.endswith("/sample.pcap") and not n:
            bad.append("the generated sample: nothing compared")
    for b in bad:
        print("DISAGREE", b)
    if not compared and not failed:
        print("SKIP: nothing to compare")
        return 77
    print(f"{len(files)} captures, {compared} checksums compared, "
          f"{len(bad) + len(failed)} disagreements")
    return 1 if bad or failed else 0


if __name__ == "__main__":
    sys.exit(main())
