#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# `ofl gro --hw-vlan` and `--rx-csum`: the device's receive offloads fed to
# lib/gro from a capture.
# - --hw-vlan: frames of two flows that differ only in their outer tag (VID,
#   PCP, or 802.1Q against 802.1ad) stay two flows; every output frame has
#   its tag back in its bytes, so the output equals that of the same frames
#   with the tags left in band (vlan_gro_receive), and a frame alone is
#   written as it came; --json names the tag.
# - --rx-csum complete: one payload byte corrupted in the third of four
#   segments: merged 4 -> [3 alone, 1+2, 4] (the tool's sum covers the
#   corrupted bytes, so TCP's check fails there as on a device), and the
#   frames alone say "complete", the merged ones "partial".
# - the device's sum is really used: a VXLAN frame with a trailer (outer
#   IP flushes) and a non-zero outer UDP checksum goes up alone leaving
#   the held flow with NONE (udp_gro_receive: uh->check && csum_cnt == 0
#   && !csum_valid), and flushes it first with COMPLETE (csum_valid set by
#   dev_gro_receive) or UNNECESSARY (csum_cnt).
import json, os, subprocess, sys, tempfile
try:
    from scapy.all import Ether, Dot1Q, Dot1AD, IP, TCP, UDP, Raw, \
        wrpcap, rdpcap
    from scapy.layers.vxlan import VXLAN
except ImportError:
    print("SKIP: scapy missing"); sys.exit(77)

ofl = sys.argv[1]
d = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
os.makedirs(d, exist_ok=True)
inp, outp = os.path.join(d, "in.pcap"), os.path.join(d, "out.pcap")


def seg(i, tag=None, pay=1000, flow=0):
    l3 = (IP(src="198.18.0.1", dst="198.18.0.2", id=7 + i, flags="DF") /
          TCP(sport=40000 + flow, dport=80, seq=1000 + pay * i, flags="A") /
          Raw(bytes([i + 1]) * pay))
    e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
    return Ether(bytes(e / tag / l3 if tag is not None else e / l3))


def run(fr, *args):
    wrpcap(inp, fr)
    r = subprocess.run([ofl, "gro", "--json", *args, inp, outp],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    js = [json.loads(l) for l in r.stdout.splitlines()]
    assert js[-1]["summary"]["frames"] == len(fr)
    return [bytes(p) for p in rdpcap(outp)], js[:-1]


def tcp_ok(b):
    q = Ether(b)
    got = q[TCP].chksum
    del q[TCP].chksum
    return Ether(bytes(q))[TCP].chksum == got


checks = 0
# --hw-vlan: pairs of tags that must keep flows apart
pairs = [(Dot1Q(vlan=5), Dot1Q(vlan=6)),
         (Dot1Q(vlan=5, prio=0), Dot1Q(vlan=5, prio=3)),
         (Dot1Q(vlan=5), Dot1AD(vlan=5))]
for a, b in pairs:
    fr = [seg(i // 2, a if i % 2 == 0 else b) for i in range(8)]
    hw, js = run(fr, "--hw-vlan")
    inband, _ = run(fr)
    assert len(hw) == 2 and [j["segments"] for j in js] == [4, 4], js
    assert hw == inband, "tag re-inserted = the in-band merge"
    for o, t in zip(hw, (a, b)):
        e = Ether(o)
        assert e.type == (0x88a8 if isinstance(t, Dot1AD) else 0x8100)
        assert (o[14] << 8 | o[15]) == (t.prio << 13 | t.vlan)
        assert len(o) == len(fr[0]) + 3000 and tcp_ok(o)
    assert js[0]["vlan_tpid"] in ("0x8100", "0x88a8") and \
        js[0]["vlan_tci"] == (a.prio << 13 | a.vlan), js[0]
    checks += 1
# the same tag on every frame: one flow, as without the flag
fr = [seg(i, Dot1Q(vlan=5)) for i in range(4)]
hw, js = run(fr, "--hw-vlan")
assert len(hw) == 1 and js[0]["segments"] == 4 and hw == run(fr)[0]
# a tagged frame with an untagged one of the same flow: two flows
fr = [seg(0, Dot1Q(vlan=5)), seg(1)]
hw, js = run(fr, "--hw-vlan")
assert hw == [bytes(p) for p in fr] and "vlan_tci" not in js[1], js
# frames alone come out as they went in (tag back at byte 12)
fr = [seg(0, Dot1AD(vlan=7) / Dot1Q(vlan=9)), seg(3, Dot1Q(vlan=9))]
hw, js = run(fr, "--hw-vlan")
assert hw == [bytes(p) for p in fr] and js[0]["vlan_tpid"] == "0x88a8"
checks += 3

# --rx-csum complete: corrupt one payload byte of segment 3
fr = [seg(i) for i in range(4)]
good, js = run(fr, "--rx-csum", "complete")
assert [j["segments"] for j in js] == [4] and js[0]["ip_summed"] == \
    "partial" and tcp_ok(good[0])
bad = [bytes(p) for p in fr]
bad[2] = bad[2][:500] + bytes([bad[2][500] ^ 0x40]) + bad[2][501:]
out, js = run([Ether(b) for b in bad], "--rx-csum", "complete")
assert [(j["first_frame"], j["segments"], j["ip_summed"]) for j in js] == \
    [(3, 1, "complete"), (1, 2, "partial"), (4, 1, "complete")], js
assert out[0] == bad[2] and tcp_ok(out[1]) and out[2] == bad[3]
out2, js2 = run([Ether(b) for b in bad])
assert out2 == out and [j["ip_summed"] for j in js2] == \
    ["none", "partial", "none"]
checks += 2


# the sum is used: VXLAN, outer UDP checksum set, frame 3 with a trailer
def vx(i, trailer=False):
    inner = (Ether(src="02:00:00:00:00:03", dst="02:00:00:00:00:04") /
             IP(src="198.18.1.1", dst="198.18.1.2", id=3 + i) /
             TCP(sport=40000, dport=80, seq=1 + 800 * i, flags="A") /
             Raw(bytes([i]) * 800))
    p = bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
              IP(src="198.19.0.1", dst="198.19.0.2", id=50 + i) /
              UDP(sport=50000, dport=4789) / VXLAN(vni=42) / inner)
    return Ether(p + (b"\0" * 4 if trailer else b""))


fr = [vx(0), vx(1), vx(2, True), vx(3)]
assert Ether(bytes(fr[0]))[UDP].chksum
want = {"none": [(3, 1, "none"), (1, 2, "partial"), (4, 1, "none")],
        "unnecessary": [(1, 2, "partial"), (3, 1, "unnecessary"),
                        (4, 1, "unnecessary")],
        "complete": [(1, 2, "partial"), (3, 1, "complete"),
                     (4, 1, "complete")]}
for m, w in want.items():
    out, js = run(fr, "--vxlan", "--rx-csum", m)
    got = [(j["first_frame"], j["segments"], j["ip_summed"]) for j in js]
    assert got == w, (m, got)
    checks += 1
r = subprocess.run([ofl, "gro", "--rx-csum", "partial", inp, outp],
                   capture_output=True, text=True)
assert r.returncode == 2 and "none, unnecessary or complete" in r.stderr
print("ok: ofl gro --hw-vlan/--rx-csum, %d groups of checks" % checks)
