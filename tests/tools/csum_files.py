#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""ofl csum fails cleanly on bad input and survives garbage frames.

usage: csum_files.py OFL_GEN OFL WORKDIR

Missing, empty, garbage and truncated files: exit 1 with a message on
stderr (no crash, no summary). Usage errors: exit 2. A valid capture of
randomly mutated frames: exit 0 and one line per frame.
"""
import os
import random
import struct
import subprocess
import sys


def csum(ofl, *args):
    return subprocess.run([ofl, "csum"] + list(args), capture_output=True,
                          text=True)


def main():
    gen, ofl, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(work, "files-sample.pcap")
    subprocess.run([gen, sample], check=True)
    data = open(sample, "rb").read()
    errors = []

    def expect_fail(name, content, code=1):
        path = os.path.join(work, name)
        if content is not None:
            open(path, "wb").write(content)
        for args in ([path], ["--json", path]):
            p = csum(ofl, *args)
            if p.returncode != code or not p.stderr or "summary" in p.stdout:
                errors.append(f"{name} {args[0]}: exit {p.returncode}, "
                              f"stderr {p.stderr.strip()!r}")

    rng = random.Random(20260101)
    expect_fail("missing.pcap", None)
    expect_fail("empty.pcap", b"")
    expect_fail("garbage.pcap", bytes(rng.randrange(256) for _ in range(4096)))
    expect_fail("header-only-cut.pcap", data[:10])
    expect_fail("record-cut.pcap", data[:24 + 10])
    expect_fail("frame-cut.pcap", data[:len(data) - 100])
    # a record claiming more than the snap length
    expect_fail("huge-record.pcap",
                data[:24] + struct.pack("<IIII", 0, 0, 0x7fffffff, 60) +
                bytes(60))
    for args in ([], ["--bogus", sample], [sample, sample]):
        p = csum(ofl, *args)
        if p.returncode != 2:
            errors.append(f"usage {args}: exit {p.returncode}")

    # mutated frames: every walk path must stay inside the frame
    frames = []
    off = 24
    while off < len(data):
        n = struct.unpack_from("<I", data, off + 8)[0]
        frames.append(data[off + 16:off + 16 + n])
        off += 16 + n
    out = [data[:24]]
    count = 0
    for i in range(6000):
        f = bytearray(rng.choice(frames)[:rng.choice((64, 128, 200, 2000))])
        for _ in range(rng.randrange(1, 6)):
            # mostly in the headers, where the walk decides
            f[rng.randrange(min(len(f), 140 if rng.random() < .8
                                else len(f)))] = rng.choice(
                (0, 1, 2, 4, 6, 0x11, 0x2b, 0x3c, 0x80, 0xc2, 0xc9, 0xff,
                 rng.randrange(256)))
        f = f[:rng.randrange(1, len(f) + 1)]
        out.append(struct.pack("<IIII", i, 0, len(f), len(f)) + bytes(f))
        count += 1
    mutated = os.path.join(work, "mutated.pcap")
    open(mutated, "wb").write(b"".join(out))
    p = csum(ofl, "--json", mutated)
    if p.returncode != 0 or len(p.stdout.splitlines()) != count + 1:
        errors.append(f"mutated frames: exit {p.returncode}, "
                      f"{len(p.stdout.splitlines())} lines")

    for e in errors:
        print("FAIL:", e)
    if errors:
        return 1
    print(f"ok: bad files rejected, {count} mutated frames survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
