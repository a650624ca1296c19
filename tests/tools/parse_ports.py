#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""`ofl parse --vxlan-port N --geneve-port N --vxlan-gpe-port N` (issue 14).

usage: parse_ports.py OFL_BIN WORKDIR

Writes a raw-IP pcap by hand: VXLAN on 4789 and on 8472, GENEVE on 6081
and on 7000, VXLAN-GPE on 4790 and on 4791. Without options only the IANA
ports are tunnels; with the options the others are too (repeatable), and
bad values are refused with exit status 2.
"""
import json
import os
import struct
import subprocess
import sys


def ip4(proto, payload):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0,
                       64, proto, 0, bytes([198, 18, 0, 1]),
                       bytes([198, 18, 0, 2])) + payload


def udp(dport, payload):
    return struct.pack("!HHHH", 40000, dport, 8 + len(payload), 0) + payload


TCP = struct.pack("!HHIIBBHHH", 1, 2, 0, 0, 0x50, 0x02, 1000, 0, 0)
INNER = ip4(6, TCP)
ETH = b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00"
VXLAN = struct.pack("!II", 0x08000000, 42 << 8) + ETH + INNER
GENEVE = struct.pack("!BBHI", 0, 0, 0x0800, 7 << 8) + INNER
GPE = struct.pack("!BBBBI", 0x0c, 0, 0, 1, 9 << 8) + INNER
FRAMES = [
    (ip4(17, udp(4789, VXLAN)), "vxlan", True),
    (ip4(17, udp(8472, VXLAN)), "vxlan", False),
    (ip4(17, udp(6081, GENEVE)), "geneve", True),
    (ip4(17, udp(7000, GENEVE)), "geneve", False),
    (ip4(17, udp(4790, GPE)), "vxlan-gpe", True),
    (ip4(17, udp(4791, GPE)), "vxlan-gpe", False),
]
OPTS = ["--vxlan-port", "8472", "--geneve-port", "7000",
        "--vxlan-gpe-port", "4791", "--vxlan-port", "9999"]


def write(path):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))
        for i, (fr, _, _) in enumerate(FRAMES):
            f.write(struct.pack("<IIII", 1, i, len(fr), len(fr)))
            f.write(fr)


def protos(ofl, path, opts):
    r = subprocess.run([ofl, "parse", "--json"] + opts + [path],
                       stdout=subprocess.PIPE, check=True)
    objs = [json.loads(x) for x in r.stdout.decode().splitlines()]
    # one object per frame, then the summary object
    assert "summary" in objs[-1], objs[-1]
    return [[l["proto"] for l in o["layers"]] for o in objs[:-1]]


def main():
    ofl, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "ports.pcap")
    write(path)
    bad = 0
    for opts in ([], OPTS):
        got = protos(ofl, path, opts)
        for i, (fr, tun, iana) in enumerate(FRAMES):
            want = ["ipv4", "udp"]
            if iana or opts:
                want += [tun] + (["eth"] if tun == "vxlan" else []) + \
                        ["ipv4", "tcp"]
            if got[i] != want:
                print(f"frame {i + 1} {opts}: {got[i]}, expected {want}")
                bad += 1
    for opts in (["--vxlan-port", "0"], ["--geneve-port", "65536"],
                 ["--vxlan-port", "x"], ["--vxlan-port"],
                 ["--vxlan-port", "1", "--vxlan-port", "2", "--vxlan-port",
                  "3", "--vxlan-port", "4", "--vxlan-port", "5", "--vxlan-port", "6",
                  "--vxlan-port", "7", "--vxlan-port", "8", "--vxlan-port", "9",
                  "--vxlan-port", "10", "--vxlan-port", "11", "--vxlan-port", "12"]):
        r = subprocess.run([ofl, "parse"] + opts + [path],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        if r.returncode != 2:
            print(f"{opts}: exit {r.returncode}, expected 2")
            bad += 1
    print(f"{len(FRAMES)} frames with and without port options, "
          f"{bad} wrong")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
