#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# `ofl gro [--flush-every N] IN OUT`: 4 contiguous 1000-byte segments of one
# flow + 2 of another come out as two merged frames with complete, valid
# checksums (checked by scapy); with --flush-every 2 as three pairs.
import os, subprocess, sys, tempfile
try:
    from scapy.all import Ether, IP, IPv6, TCP, Raw, wrpcap, rdpcap
except ImportError:
    print("SKIP: scapy missing"); sys.exit(77)

ofl = sys.argv[1]
d = tempfile.mkdtemp()
fr = []
for i in range(4):
    fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IP(src="198.18.0.1", dst="198.18.0.2", id=7 + i, flags="DF") /
              TCP(sport=40000, dport=80, seq=1000 + 1000 * i, flags="A") /
              Raw(bytes([i]) * 1000))
for i in range(2):
    fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IPv6(src="2001:db8::1", dst="2001:db8::2") /
              TCP(sport=40001, dport=80, seq=5 + 500 * i, flags="A") /
              Raw(bytes([9]) * 500))
wrpcap(os.path.join(d, "in.pcap"), fr)

def run(*args):
    out = os.path.join(d, "out.pcap")
    subprocess.run([ofl, "gro", *args, os.path.join(d, "in.pcap"), out],
                   check=True)
    return rdpcap(out)

def valid(p):
    q = p.copy()
    l4 = q[TCP]
    got = l4.chksum
    del l4.chksum
    if IP in q:
        del q[IP].chksum
    return Ether(bytes(q))[TCP].chksum == got

out = run()
assert [len(p) for p in out] == [4054, 1074], [len(p) for p in out]
assert all(valid(p) for p in out)
assert out[0][IP].len == 4040 and bytes(out[0][Raw])[1500] == 1
out = run("--flush-every", "2")
assert [len(p) for p in out] == [2054, 2054, 1074], [len(p) for p in out]
assert all(valid(p) for p in out)
r = subprocess.run([ofl, "gro", "--flush-every"], capture_output=True)
assert r.returncode == 2
print("ok: ofl gro merged and completed checksums")
