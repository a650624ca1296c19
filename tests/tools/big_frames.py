#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""The two wrong answers of issue 19, as tests (captures written by hand:
scapy's rdpcap cuts frames at 65535 bytes, libpcap at the file's snaplen).

 1. A BIG TCP frame larger than the file header's snaplen (200000 bytes
    behind snaplen 65535, pcap and pcapng) is read whole: its checksums are
    checked over all of it (ok), as tshark does.
 2. The same frame captured with a short snaplen (caplen < wire length;
    IPv4 total length 0) gets `unchecked (truncated)`, never a checksum
    computed over the captured prefix; `ofl gso` passes it unchanged and
    keeps its original length.
 3. `ofl gso` cuts an IPv6 BIG TCP frame with the Jumbo Payload
    hop-by-hop header as Linux does (ipv6_hopopt_jumbo_remove first; issue
    15): the 139 segments are those of the same 200000-byte frame without
    the header, all good.
 4. The shared corpus's bigtcp-ipv6-hbh.pcap is cut too (SKIP when
    absent).

usage: big_frames.py OFL WORKDIR CORPUS
"""
import json
import os
import struct
import subprocess
import sys

ofl, work, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
errors = []
PAY = 200000
MSS = 1448


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


def tcp(src, dst, payload, v6):
    h = bytearray(struct.pack("!HHIIBBHHH", 40000, 5001, 1000, 1, 0x50, 0x18,
                              512, 0, 0))
    l4len = len(h) + len(payload)
    if v6:
        pseudo = src + dst + struct.pack("!IxxxB", l4len, 6)
    else:
        # zero, protocol, then the length as 32 bits (the sum of its two
        # halves: what csum_tcpudp_magic adds for a length over 65535)
        pseudo = src + dst + struct.pack("!BBHI", 0, 6, 0, l4len)
    c = 0xffff - csum(pseudo + bytes(h) + payload)
    struct.pack_into("!H", h, 16, c)
    return bytes(h) + payload


ETH4 = bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + b"\x08\x00"
ETH6 = bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + b"\x86\xdd"
S4, D4 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
S6 = bytes.fromhex("20010db8000000000000000000000001")
D6 = bytes.fromhex("20010db8000000000000000000000002")
payload = bytes((i * 7 + 1) & 0xff for i in range(PAY))


def ipv4_big():
    ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 0, 1, 0x4000, 64, 6,
                               0, S4, D4))
    struct.pack_into("!H", ip, 10, 0xffff - csum(bytes(ip)))
    return ETH4 + bytes(ip) + tcp(S4, D4, payload, False)


def ipv6_big(hbh):
    seg = tcp(S6, D6, payload, True)
    if hbh:
        ext = struct.pack("!BBBBI", 6, 0, 0xc2, 4, 8 + len(seg))
        return ETH6 + struct.pack("!IHBB", 0x60000000, 0, 0, 64) + S6 + D6 \
            + ext + seg
    return ETH6 + struct.pack("!IHBB", 0x60000000, 0, 6, 64) + S6 + D6 + seg


def write_pcap(path, frames, snaplen=65535, caplen=None):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, snaplen, 1))
        for i, fr in enumerate(frames):
            cl = len(fr) if caplen is None else min(caplen, len(fr))
            f.write(struct.pack("<IIII", 1, i, cl, len(fr)))
            f.write(fr[:cl])


def write_pcapng(path, frames):
    def block(t, body):
        body += bytes(-len(body) % 4)
        return struct.pack("<II", t, len(body) + 12) + body + \
            struct.pack("<I", len(body) + 12)
    with open(path, "wb") as f:
        f.write(block(0x0a0d0d0a, struct.pack("<IHHq", 0x1a2b3c4d, 1, 0, -1)))
        f.write(block(1, struct.pack("<HHI", 1, 0, 65535)))
        for fr in frames:
            f.write(block(6, struct.pack("<IIIII", 0, 0, 1, len(fr), len(fr))
                          + fr))


def run(args):
    return subprocess.run([ofl] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False, text=True)


def csum_checks(path):
    r = run(["csum", "--json", path])
    if r.returncode != 0:
        errors.append(f"ofl csum {path}: exit {r.returncode} {r.stderr!r}")
        return [], {}
    lines = [json.loads(l) for l in r.stdout.splitlines()]
    return [o for o in lines if "frame" in o], lines[-1].get("summary", {})


def read_pcap(path):
    if not os.path.exists(path):
        errors.append(f"{path} not written")
        return []
    with open(path, "rb") as f:
        d = f.read()
    out, o = [], 24
    while o < len(d):
        _, _, cl, wl = struct.unpack_from("<IIII", d, o)
        out.append(d[o + 16:o + 16 + cl])
        o += 16 + cl
    return out


def verdicts(frame):
    return {c["what"]: (c["status"], c.get("note")) for c in frame["checks"]}


# 1. whole frames beyond the header's snaplen, pcap and pcapng
big4 = ipv4_big()
for name, writer in (("pcap", write_pcap), ("pcapng", write_pcapng)):
    p = os.path.join(work, f"big4.{name}")
    writer(p, [big4])
    fr, summ = csum_checks(p)
    v = verdicts(fr[0]) if fr else {}
    if v.get("tcp", (None,))[0] != "ok" or v.get("ipv4", (None,))[0] != "ok":
        errors.append(f"{len(big4)}-byte frame in {name}: {v}, want ipv4 and "
                      "tcp ok (read whole)")

# 2. snapped: caplen < wire length, IPv4 total length 0
p = os.path.join(work, "big4-snapped.pcap")
write_pcap(p, [big4], snaplen=1514, caplen=1514)
fr, summ = csum_checks(p)
v = verdicts(fr[0]) if fr else {}
if v.get("tcp") != ("unchecked", "truncated") or v.get("ipv4", ("",))[0] != "ok":
    errors.append(f"snapped BIG TCP frame: {v}, want tcp unchecked "
                  "(truncated), ipv4 ok")
r = run(["csum", p])
if "tcp unchecked" not in r.stdout or "BAD" in r.stdout:
    errors.append(f"snapped BIG TCP frame, text: {r.stdout!r}")
if summ.get("unchecked") != 1 or summ.get("frames_unchecked") != 0 or \
        summ.get("frames_ok") != 1:
    errors.append(f"snapped BIG TCP frame summary: {summ}")


def gso(path, out):
    r = run(["gso", "--mss", str(MSS), "--json", path, out])
    lines = [json.loads(l) for l in r.stdout.splitlines()] if r.stdout else []
    return r, (lines[-1].get("summary", {}) if lines else {})


# ... and ofl gso passes it unchanged, still snapped (original length kept)
o = os.path.join(work, "out-snapped.pcap")
r, s = gso(p, o)
fr, _ = csum_checks(o)
v = verdicts(fr[0]) if fr else {}
if r.returncode != 0 or s.get("truncated") != 1 or \
        v.get("tcp") != ("unchecked", "truncated"):
    errors.append(f"gso on the snapped frame: exit {r.returncode}, {s}, "
                  f"then csum {v}")


# 3. gso: jumbo hop-by-hop removed, then the same cut as without it
p, o = os.path.join(work, "big6-hbh.pcap"), os.path.join(work, "out-hbh.pcap")
write_pcap(p, [ipv6_big(True)])
r, s = gso(p, o)
hbh_segs = read_pcap(o)
p, o = os.path.join(work, "big6.pcap"), os.path.join(work, "out6.pcap")
write_pcap(p, [ipv6_big(False)])
r, s = gso(p, o)
want = -(-PAY // MSS)
segs = read_pcap(o)
fr, summ = csum_checks(o)
if r.returncode != 0 or s.get("segments") != want or len(segs) != want or \
        summ.get("bad") != 0 or summ.get("checked") != want or \
        sum(len(x) - 14 - 40 - 20 for x in segs) != PAY:
    errors.append(f"gso IPv6 BIG TCP: exit {r.returncode}, summary {s}, "
                  f"{len(segs)} segments (want {want}), csum {summ}")
if hbh_segs != segs:
    errors.append(f"gso jumbo hbh: {len(hbh_segs)} segments, not those of "
                  "the frame without the jumbo header")

# 4. the corpus capture of the issue
hbh = os.path.join(corpus, "tcpdump", "bigtcp-ipv6-hbh.pcap")
if os.path.exists(hbh):
    r, s = gso(hbh, os.path.join(work, "out-corpus.pcap"))
    if r.returncode != 0 or s.get("refused") != 0 or s.get("segmented") != 1:
        errors.append(f"gso {hbh}: exit {r.returncode}, summary {s}")
else:
    print(f"SKIP part 4: {hbh} absent (the shared corpus is not here)")

for e in errors:
    print("FAIL:", e)
print(f"big frames: {len(errors)} failures")
sys.exit(1 if errors else 0)
