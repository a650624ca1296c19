#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""`ofl parse --json` on the link types besides Ethernet (docs/TOOL.md).

usage: parse_linktypes.py OFL_BIN WORKDIR

Writes small pcaps by hand (no scapy, no tshark): raw IP (101), IPV4 (228),
IPV6 (229), Linux cooked (113, also as a nanosecond pcap; 276, SLL2), PPP (9, with and
without the ff 03 address/control bytes), and checks the layers, their
offsets (from the start of the captured frame) and the "not parsed" frames.
"""
import json
import os
import struct
import subprocess
import sys

IP4 = bytes([0x45, 0, 0, 40, 0, 1, 0, 0, 64, 6, 0, 0,
             198, 18, 0, 1, 198, 18, 0, 2])
TCP = struct.pack("!HHIIBBHHH", 1, 2, 0, 0, 0x50, 0x02, 1000, 0, 0)
IP6 = (struct.pack("!IHBB", 0x60000000, 8, 17, 64) +
       bytes.fromhex("20010db8" + "0" * 23 + "1") +
       bytes.fromhex("20010db8" + "0" * 23 + "2"))
UDP = struct.pack("!HHHH", 3, 4, 8, 0)
V4 = IP4 + TCP
V6 = IP6 + UDP
L4 = [("ipv4", 0), ("tcp", 20)]
L6 = [("ipv6", 0), ("udp", 40)]


def sll(proto):
    return struct.pack("!HHH8sH", 0, 1, 6, b"\x02" * 6 + b"\0\0", proto)


def sll2(proto):
    # protocol, reserved, ifindex, ARPHRD, packet type, address length, addr
    return struct.pack("!HHIHBB8s", proto, 0, 2, 1, 0, 6, b"\x02" * 6 +
                       b"\0\0")


def shift(layers, by):
    return [(n, o + by) for n, o in layers]


# (name, link type, nanosecond magic, [(frame, layers, error)])
CASES = [
    ("raw", 101, False, [(V4, L4, None), (V6, L6, None),
                         (b"\x50" + V4[1:], [], "unsupported protocol"),
                         (b"", [], "truncated")]),
    ("ipv4", 228, False, [(V4, L4, None)]),
    ("ipv6", 229, False, [(V6, L6, None)]),
    ("sll", 113, False, [(sll(0x0800) + V4, shift(L4, 16), None),
                         (sll(0x86dd) + V6, shift(L6, 16), None),
                         (sll(0x0806) + b"\0" * 28, [],
                          "unsupported protocol"),
                         (sll(0x0800)[:10], [], "truncated")]),
    ("sll-nano", 113, True, [(sll(0x0800) + V4, shift(L4, 16), None)]),
    ("sll2", 276, False, [(sll2(0x0800) + V4, shift(L4, 20), None),
                          (sll2(0x86dd) + V6, shift(L6, 20), None),
                          (sll2(0x0806) + b"\0" * 28, [],
                           "unsupported protocol"),
                          (sll2(0x0800)[:12], [], "truncated")]),
    ("ppp", 9, False, [(b"\xff\x03\x00\x21" + V4, shift(L4, 4), None),
                       (b"\x00\x57" + V6, shift(L6, 2), None),
                       (b"\xff\x03\x02\x81" + b"\0" * 8, [],
                        "unsupported protocol")]),
]


def write(path, lt, nano, frames):
    magic = 0xa1b23c4d if nano else 0xa1b2c3d4
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, 65535, lt))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1, i, len(fr), len(fr)))
            f.write(fr)


def main():
    ofl, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    bad = n = 0
    for name, lt, nano, cases in CASES:
        path = os.path.join(work, f"linktype-{name}.pcap")
        write(path, lt, nano, [c[0] for c in cases])
        r = subprocess.run([ofl, "parse", "--json", path],
                           stdout=subprocess.PIPE, check=False)
        if r.returncode != 0:
            print(f"{name}: ofl parse exit {r.returncode}")
            bad += 1
            continue
        out = [json.loads(l) for l in r.stdout.decode().splitlines()]
        summ = [o for o in out if "summary" in o]
        out = [o for o in out if "summary" not in o]
        if len(summ) != 1 or summ[0]["summary"]["frames"] != len(cases):
            print(f"{name}: summary {summ}, expected {len(cases)} frames")
            bad += 1
        if len(out) != len(cases):
            print(f"{name}: {len(out)} frames, expected {len(cases)}")
            bad += 1
            continue
        for i, (o, (fr, layers, err)) in enumerate(zip(out, cases), 1):
            n += 1
            got = [(l["proto"], l["offset"]) for l in o["layers"]]
            ok = got == layers and o["len"] == len(fr)
            if err is None:
                ok = ok and o["error"] is None
            else:
                ok = ok and o["error"] is not None and err in o["error"]
            if not ok:
                bad += 1
                print(f"{name} frame {i}: got {got} error={o['error']} "
                      f"len={o['len']}, expected {layers} error={err}")
    # every command reads the link types ofl parse reads (tools/link.c)
    for name in ("raw", "sll", "sll2", "ppp"):
        r = subprocess.run([ofl, "csum", "--json", os.path.join(
            work, f"linktype-{name}.pcap")], stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, check=False)
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        checked = sum(c["status"] in ("ok", "bad") for o in lines
                      for c in o.get("checks", []))
        if r.returncode != 0 or checked == 0:
            print(f"ofl csum on {name}: exit {r.returncode}, "
                  f"{checked} checksums checked")
            bad += 1
    print(f"{n} frames of {len(CASES)} link-type captures, {bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
