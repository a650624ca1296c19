#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""ofl gso --mss N IN.pcap OUT.pcap, checked with scapy: every super-frame
is cut into segments of N payload bytes with correct checksums, lengths,
sequence numbers and FIN/PSH on the last only; frames not larger pass
through unchanged; the order is kept. Usage: tool_gso.py OFL WORKDIR"""
import os
import subprocess
import sys

from scapy.all import (Ether, IP, IPv6, IPv6ExtHdrDestOpt, TCP, UDP, GRE,
                       Raw, rdpcap, wrpcap, Dot1Q)
from scapy.layers.vxlan import VXLAN

ofl, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
MSS = 1000
E = dict(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
pl = bytes((i * 7 + 3) & 0xff for i in range(20000))
inner = Ether(**E) / IP(src="198.18.1.1", dst="198.19.1.2") / TCP(
    sport=1, dport=2, seq=100, flags="PA") / Raw(pl[:5000])
frames = [
    Ether(**E) / IP(src="198.18.0.1", dst="198.19.0.2", id=7, flags="DF") /
    TCP(sport=1000, dport=80, seq=1, flags="FPA",
        options=[("NOP", None), ("NOP", None), ("Timestamp", (1, 2))]) /
    Raw(pl[:10001]),
    Ether(**E) / IP(src="198.18.0.1", dst="198.19.0.2") / TCP() / Raw(pl[:MSS]),
    Ether(**E) / Dot1Q(vlan=5) / IPv6(src="2001:db8::1", dst="2001:db8::2") /
    IPv6ExtHdrDestOpt() / TCP(sport=5, dport=6, flags="A") / Raw(pl[:4500]),
    Ether(**E) / IP(src="198.18.0.1", dst="198.19.0.2") /
    UDP(sport=7, dport=9) / Raw(pl[:3500]),
    Ether(**E) / IPv6(src="2001:db8::1", dst="2001:db8::2") /
    UDP(sport=7, dport=9) / Raw(pl[:2001]),
    Ether(**E) / IP(src="198.18.0.1", dst="198.19.0.2", id=100) /
    UDP(sport=4000, dport=4789) / VXLAN(vni=42) / inner,
    Ether(**E) / IP(src="198.18.0.1", dst="198.19.0.2") / GRE(proto=0x0800) /
    IP(src="198.18.2.1", dst="198.19.2.2") / TCP(flags="A") / Raw(pl[:3000]),
]
ip_ = os.path.join(work, "in.pcap")
op = os.path.join(work, "out.pcap")
wrpcap(ip_, frames)
subprocess.run([ofl, "gso", "--mss", str(MSS), ip_, op], check=True)
out = rdpcap(op)

def l4payload(p):
    """innermost TCP/UDP payload bytes"""
    q = p
    last = None
    while q:
        if isinstance(q, (TCP, UDP)):
            last = q
        q = q.payload
    return last, bytes(last.payload)

def csum_ok(p):
    """re-dissect and recompute every checksum: scapy recomputes when the
    field is deleted"""
    raw = bytes(p)
    q = Ether(raw)
    for layer in (IP, TCP, UDP, GRE):
        if q.haslayer(layer):
            for l in q.iterpayloads():
                if isinstance(l, layer) and hasattr(l, "chksum") and l.chksum is not None:
                    if isinstance(l, GRE) and not l.chksum_present:
                        continue
                    if isinstance(l, UDP) and l.chksum == 0:
                        continue
                    del l.chksum
    if isinstance(q.getlayer(IP), IP):
        pass
    return bytes(Ether(bytes(q))) == raw

bad = 0
# the checker itself catches a wrong TCP checksum
_r = bytearray(bytes(out[0])); _r[14 + 20 + 16] ^= 1
if csum_ok(Ether(bytes(_r))):
    print("FAIL: checker blind"); bad += 1
i = 0
for f in frames:
    l4, data = l4payload(f)
    if len(data) <= MSS:
        if bytes(out[i]) != bytes(f):
            print("FAIL: pass-through frame changed"); bad += 1
        i += 1
        continue
    n = (len(data) + MSS - 1) // MSS
    got = b""
    for k in range(n):
        s = out[i + k]
        sl4, sdata = l4payload(s)
        if len(sdata) != min(MSS, len(data) - k * MSS):
            print("FAIL: segment size", k, len(sdata)); bad += 1
        if not csum_ok(s):
            print("FAIL: checksum/length in segment", k, "of", f.summary()); bad += 1
        if isinstance(sl4, TCP):
            if sl4.seq != (l4.seq + k * MSS) & 0xffffffff:
                print("FAIL: seq"); bad += 1
            if (sl4.flags & 0x09) and k != n - 1:
                print("FAIL: FIN/PSH before last"); bad += 1
        got += sdata
    if got != data:
        print("FAIL: payload not given back for", f.summary()); bad += 1
    i += n
if i != len(out):
    print("FAIL: %d frames out, expected %d" % (len(out), i)); bad += 1
print("tool_gso: %d input frames, %d output frames, %d failures" % (len(frames), len(out), bad))
sys.exit(1 if bad else 0)
