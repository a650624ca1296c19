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

# --vxlan: 3 VXLAN-encapsulated segments (outer UDP checksum set) merge
# into one frame whose outer UDP and inner TCP checksums are both valid
from scapy.layers.vxlan import VXLAN
from scapy.all import UDP
fr = []
for i in range(3):
    inner = (Ether(src="02:00:00:00:00:03", dst="02:00:00:00:00:04") /
             IP(src="198.18.1.1", dst="198.18.1.2", id=3 + i) /
             TCP(sport=40000, dport=80, seq=1 + 800 * i, flags="A") /
             Raw(bytes([i]) * 800))
    fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IP(src="198.19.0.1", dst="198.19.0.2", id=50 + i) /
              UDP(sport=50000, dport=4789) / VXLAN(vni=42) / inner)
wrpcap(os.path.join(d, "in.pcap"), fr)
out = run()
assert [len(p) for p in out] == [len(fr[0])] * 3, [len(p) for p in out]
out = run("--vxlan")
assert [len(p) for p in out] == [len(fr[0]) + 1600], [len(p) for p in out]
q = Ether(bytes(out[0]))
ck, tck = q[UDP].chksum, q[VXLAN][TCP].chksum
del q[UDP].chksum
del q[VXLAN][TCP].chksum
q = Ether(bytes(q))
assert ck and q[UDP].chksum == ck and q[VXLAN][TCP].chksum == tck
assert q[IP].len == len(out[0]) - 14 and q[UDP].len == len(out[0]) - 34
# --geneve: the same segments in GENEVE (UDP 6081, one option word)
from scapy.contrib.geneve import GENEVE
gf = [Ether(bytes(p[Ether])[:14]) /
      IP(src="198.19.0.1", dst="198.19.0.2", id=60 + i) /
      UDP(sport=50000, dport=6081) /
      GENEVE(vni=42, proto=0x6558, optionlen=1, options=b"\x00" * 4) /
      p[VXLAN].payload for i, p in enumerate(fr)]
wrpcap(os.path.join(d, "in.pcap"), gf)
assert [len(p) for p in run("--vxlan")] == [len(gf[0])] * 3
out = run("--geneve")
assert [len(p) for p in out] == [len(gf[0]) + 1600], [len(p) for p in out]
q = Ether(bytes(out[0]))
ck = q[UDP].chksum
del q[UDP].chksum
assert ck and Ether(bytes(q))[UDP].chksum == ck
# GRE (key) and IPIP, merged by default (Linux's gre/ipip offloads are
# always on): inner TCP checksum completed, outer lengths fixed up;
# --no-iptun passes them up alone
from scapy.layers.l2 import GRE
for enc in ("gre", "ipip"):
    tf = []
    for i, p in enumerate(fr):
        inner = p[VXLAN].payload[IP]
        if enc == "gre":
            tf.append(Ether(bytes(p[Ether])[:14]) /
                      IP(src="198.19.0.1", dst="198.19.0.2", id=70 + i) /
                      GRE(key_present=1, key=9, proto=0x0800) / inner)
        else:
            tf.append(Ether(bytes(p[Ether])[:14]) /
                      IP(src="198.19.0.1", dst="198.19.0.2", id=70 + i,
                         proto=4) / inner)
    wrpcap(os.path.join(d, "in.pcap"), tf)
    assert [len(p) for p in run("--no-iptun")] == [len(tf[0])] * 3
    out = run()
    assert [len(p) for p in out] == [len(tf[0]) + 1600], \
        [len(p) for p in out]
    q = Ether(bytes(out[0]))
    assert q[IP].len == len(out[0]) - 14
    iq = IP(bytes(q[IP].payload)[8:] if enc == "gre" else
            bytes(q[IP].payload))
    assert iq.len == len(out[0]) - 14 - 20 - (8 if enc == "gre" else 0)
    tck = iq[TCP].chksum
    del iq[TCP].chksum
    del iq.chksum
    assert IP(bytes(iq))[TCP].chksum == tck

# BIG TCP: --gro-max-size 185000: 23 x 8000 bytes merge into one frame of
# 184054 (IPv4, tot_len 0) / 184082 bytes (IPv6, payload length 0 and the
# 8-byte jumbo hop-by-hop header); `ofl gso --mss 8000 --gso-max-size
# 185000` cuts them back into the 23 frames; 100 small segments merge into
# one frame (no segment cap). The pcap holds frames past 64 KiB (read here
# without scapy, whose reader cuts frames at 65535 bytes).
import struct
def frames(path):
    b = open(path, "rb").read()
    assert struct.unpack("<I", b[:4])[0] in (0xa1b2c3d4, 0xa1b23c4d)
    o, r = 24, []
    while o < len(b):
        n = struct.unpack("<I", b[o + 8:o + 12])[0]
        r.append(b[o + 16:o + 16 + n])
        o += 16 + n
    return r

def runb(*args):
    run(*args)
    return frames(os.path.join(d, "out.pcap"))

for v6 in (0, 1):
    fr = []
    for i in range(23):
        l3 = (IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else
              IP(src="198.18.0.1", dst="198.18.0.2", id=7 + i, flags="DF"))
        fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
                  l3 / TCP(sport=40000, dport=80, seq=1000 + 8000 * i,
                           flags="A") / Raw(bytes([i]) * 8000))
    wrpcap(os.path.join(d, "in.pcap"), fr)
    out = runb("--gro-max-size", "185000")
    assert [len(p) for p in out] == [184082 if v6 else 184054], \
        [len(p) for p in out]
    raw = out[0]
    if v6:
        assert raw[18:20] == b"\0\0" and raw[20] == 0
        assert raw[54:58] == b"\x06\x00\xc2\x04"
        assert int.from_bytes(raw[58:62], "big") == 184028
    else:
        assert raw[16:18] == b"\0\0"
    back = os.path.join(d, "back.pcap")
    r = subprocess.run([ofl, "gso", "--mss", "8000", "--gso-max-size",
                        "185000", os.path.join(d, "out.pcap"), back],
                       capture_output=True, text=True, check=True)
    assert [bytes(p) for p in rdpcap(back)] == [bytes(p) for p in fr], r
    r = subprocess.run([ofl, "gso", "--mss", "8000", "--gso-max-size",
                        "100000", os.path.join(d, "out.pcap"), back],
                       capture_output=True, text=True)
    assert "above --gso-max-size" in r.stderr and len(rdpcap(back)) == 0
    assert [len(p) for p in run()] == [64054, 64054, 56054] if not v6 \
        else [len(p) for p in run()] == [64074, 64074, 56074]
# past 262144 bytes: 60 x 8000 into one 480054-byte frame, written as
# pcapng (interface snaplen 0: no limit) and read back whole by ofl gso
# (tshark stops at 262144 bytes a frame, its WTAP_MAX_PACKET_SIZE_STANDARD)
fr = [Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
      IP(src="198.18.0.1", dst="198.18.0.2", id=7 + i, flags="DF") /
      TCP(sport=40000, dport=80, seq=1000 + 8000 * i, flags="A") /
      Raw(bytes([i]) * 8000) for i in range(60)]
wrpcap(os.path.join(d, "in.pcap"), fr)
ng = os.path.join(d, "out.pcapng")
subprocess.run([ofl, "gro", "--gro-max-size", "524280",
                os.path.join(d, "in.pcap"), ng], check=True)
back = os.path.join(d, "back.pcap")
subprocess.run([ofl, "gso", "--mss", "8000", ng, back], check=True,
               capture_output=True)
assert [bytes(p) for p in rdpcap(back)] == [bytes(p) for p in fr]
fr = [Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
      IP(src="198.18.0.1", dst="198.18.0.2", id=7 + i, flags="DF") /
      TCP(sport=40000, dport=80, seq=1000 + 100 * i, flags="A") /
      Raw(bytes([i]) * 100) for i in range(100)]
wrpcap(os.path.join(d, "in.pcap"), fr)
assert [len(p) for p in run()] == [10054]
# --fraglist: 4 UDP datagrams (fixed IPv4 ID) and 3 TCP/IPv6 segments kept
# whole: one frame each with the head's checksum as it came and the IP/UDP
# length of the whole; --segment-list gives the input frames back, the
# IPv4 IDs numbered from the first's (inet_gso_segment)
from scapy.all import UDP
fr = []
for i in range(4):
    fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IP(src="198.18.0.1", dst="198.18.0.2", id=7, flags="DF") /
              UDP(sport=40000, dport=8000) / Raw(bytes([i + 1]) * 500))
for i in range(3):
    fr.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IPv6(src="2001:db8::1", dst="2001:db8::2") /
              TCP(sport=40001, dport=80, seq=5 + 700 * i, flags="A") /
              Raw(bytes([9]) * 700))
wrpcap(os.path.join(d, "in.pcap"), fr)
out = run("--fraglist")
assert [len(p) for p in out] == [14 + 20 + 8 + 2000, 14 + 40 + 20 + 2100], \
    [len(p) for p in out]
assert out[0][IP].len == 2028 and out[0][UDP].len == 2008
assert out[0][UDP].chksum == Ether(bytes(fr[0]))[UDP].chksum
assert out[1][IPv6].plen == 2120
assert out[1][TCP].chksum == Ether(bytes(fr[4]))[TCP].chksum
out = run("--fraglist", "--segment-list")
want = [bytes(p) for p in fr]
for i in range(4):
    q = Ether(want[i])
    q[IP].id = 7 + i
    del q[IP].chksum
    want[i] = bytes(Ether(bytes(q)))
assert [bytes(p) for p in out] == want
r = subprocess.run([ofl, "gro", "--segment-list", "a", "b"],
                   capture_output=True)
assert r.returncode == 2
# --fraglist --vxlan: 3 VXLAN segments (outer checksum set) merge into one
# fraglist frame, as 6.18 does with rx-gro-list on: outer/inner lengths of
# the whole, inner TCP checksum frame 0's; --segment-list keeps it whole
from scapy.layers.vxlan import VXLAN
vf = [Ether(bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
      IP(src="198.19.0.1", dst="198.19.0.2", id=50 + i) /
      UDP(sport=50000, dport=4789) / VXLAN(vni=42) /
      Ether(src="02:00:00:00:00:03", dst="02:00:00:00:00:04") /
      IP(src="198.18.1.1", dst="198.18.1.2", id=3 + i) /
      TCP(sport=40000, dport=80, seq=1 + 800 * i, flags="A") /
      Raw(bytes([i]) * 800))) for i in range(3)]
wrpcap(os.path.join(d, "in.pcap"), vf)
for extra in ([], ["--segment-list"]):
    out = run("--fraglist", "--vxlan", *extra)
    assert [len(p) for p in out] == [len(vf[0]) + 1600], [len(p) for p in out]
    q = Ether(bytes(out[0]))
    assert q[IP].len == len(out[0]) - 14
    assert q[VXLAN][TCP].chksum == vf[0][VXLAN][TCP].chksum
print("ok: ofl gro merged and completed checksums (plain, VXLAN, GENEVE, "
      "GRE, IPIP, BIG TCP, 100 segments, fraglist, fraglist VXLAN)")
