#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# BIG TCP inside VXLAN on the running kernel's TX, against `ofl gso`.
#
# 6.18 lets a vxlan device carry GSO skbs past 64 KiB when its lower device
# has a large tso_max_size (vxlan_config_apply: netif_inherit_tso_max; a
# veth's is 524280): with gso_max_size 185000 on it, TCP over IPv6 builds
# 100-180 KB skbs with the hop-by-hop jumbo header (ip6_xmit). The veth
# underneath (tx-udp_tnl-segmentation off) segments them in software:
# skb_udp_tunnel_segment, then skb_mac_gso_segment and ipv6_gso_segment on
# the inner packet, where ipv6_has_hopopt_jumbo() finds skb->protocol to be
# the tunnel's inner protocol (ETH_P_TEB), not IPv6, so the jumbo header is
# not removed: every segment keeps it, with a non-zero payload length (no
# valid IPv6 packet: RFC 2675 wants payload length 0 with it).
# A packet socket cannot show this path: its frames are SKB_GSO_DODGY,
# which the vxlan device's features lack (NETIF_F_GSO_ROBUST), so the
# vxlan device's validate_xmit_skb runs skb_gso_segment on them. That pass
# does not segment (tcp_gso_segment: skb_gso_ok(skb, features |
# NETIF_F_GSO_ROBUST), gso_segs reset, NULL: the skb goes on whole and the
# veth below runs skb_udp_tunnel_segment, as kernel_gso's tunnel mode
# checks by the vxlan device's tx_packets), but ipv6_gso_segment, called
# first with skb->protocol still IPv6, has removed the jumbo header by then.
#
# Each super-frame the vxlan device sent (AF_PACKET on it sees it whole) is
# given to `ofl gso` with the outer headers of the kernel's first segment;
# its segments must equal the ones the peer veth received, byte for byte.
import os, socket, struct, subprocess, sys, tempfile, threading, time

if os.geteuid() != 0:
    print("SKIP: needs root for network namespaces"); sys.exit(77)
ofl = sys.argv[1]
d = tempfile.mkdtemp()
pid = os.getpid()
A, B = "ofl-bvxa-%d" % pid, "ofl-bvxb-%d" % pid


def sh(*a, ok=False):
    r = subprocess.run(a, capture_output=True, text=True)
    if r.returncode and not ok:
        raise SystemExit("FAIL: %s: %s" % (" ".join(a), r.stderr.strip()))
    return r


def nsx(ns, *a, ok=False):
    return sh("ip", "netns", "exec", ns, *a, ok=ok)


SNIFF = """
import socket, struct, sys, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
try:   # SO_RCVBUFFORCE (root): past rmem_max, so a busy CPU drops nothing
    s.setsockopt(socket.SOL_SOCKET, 33, 1 << 26)
except OSError:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 25)
s.bind((sys.argv[1], 0)); s.settimeout(0.2)
recs, t0 = [], time.time()
while time.time() - t0 < float(sys.argv[3]):
    try:
        b, a = s.recvfrom(1 << 19)
    except socket.timeout:
        continue
    recs.append((a[2], b))
with open(sys.argv[2], "wb") as f:
    for pt, b in recs:
        f.write(struct.pack("<BI", pt, len(b)) + b)
"""


def sniff(ns, ifn, out, secs):
    return subprocess.Popen(["ip", "netns", "exec", ns, "/usr/bin/python3",
                             "-c", SNIFF, ifn, out, str(secs)])


def load(path):
    b, o, r = open(path, "rb").read(), 0, []
    while o < len(b):
        pt, n = struct.unpack("<BI", b[o:o + 5])
        r.append((pt, b[o + 5:o + 5 + n]))
        o += 5 + n
    return r


try:
    sh("ip", "netns", "add", A)
    sh("ip", "netns", "add", B)
    sh("ip", "link", "add", "bva", "netns", A, "type", "veth", "peer",
       "name", "bvb", "netns", B)
    for ns, dev, a, r in ((A, "bva", "198.19.0.1", "198.19.0.2"),
                          (B, "bvb", "198.19.0.2", "198.19.0.1")):
        sh("ip", "-n", ns, "addr", "add", a + "/24", "dev", dev)
        # room for the 8 bytes each segment carries past the MTU TCP
        # planned for (the jumbo header): no outer fragmentation
        sh("ip", "-n", ns, "link", "set", dev, "mtu", "9100", "up")
        sh("ip", "-n", ns, "link", "add", "bvx", "type", "vxlan", "id",
           "42", "local", a, "remote", r, "dev", dev, "dstport", "4789")
        nsx(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=0")
        sh("ip", "-n", ns, "link", "set", "bvx", "mtu", "8950", "up")
    sh("ip", "-n", A, "-6", "addr", "add", "2001:db8:1::1/64", "dev", "bvx",
       "nodad")
    sh("ip", "-n", B, "-6", "addr", "add", "2001:db8:1::2/64", "dev", "bvx",
       "nodad")
    r = sh("ip", "-n", A, "link", "set", "bvx", "gso_max_size", "185000",
           ok=True)
    if r.returncode:
        print("SKIP: gso_max_size 185000 on a vxlan device refused (%s): "
              "this kernel keeps tunnel GSO at 64 KiB" % r.stderr.strip())
        sys.exit(77)
    sh("ip", "-n", A, "link", "set", "bva", "gso_max_size", "185000")
    # software GSO and checksums on the veth (a PARTIAL skb crosses a veth
    # with its checksum fields unfinished)
    nsx(A, "ethtool", "-K", "bva", "tx-udp_tnl-segmentation", "off",
        "tx-udp_tnl-csum-segmentation", "off")
    nsx(A, "ethtool", "-K", "bva", "tx", "off")
    nsx(B, "ethtool", "-K", "bvb", "gro", "off", ok=True)
    fa, fb = os.path.join(d, "vx.rec"), os.path.join(d, "wire.rec")
    p1 = sniff(A, "bvx", fa, 5)
    p2 = sniff(B, "bvb", fb, 5)
    time.sleep(0.5)
    srv = subprocess.Popen(["ip", "netns", "exec", B, "/usr/bin/python3",
                            "-c", """
import socket
s = socket.socket(socket.AF_INET6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("2001:db8:1::2", 5001)); s.listen(1); s.settimeout(10)
c, _ = s.accept(); n = 0
while True:
    b = c.recv(1 << 20)
    if not b: break
    n += len(b)
print(n)"""], stdout=subprocess.PIPE, text=True)
    time.sleep(0.3)
    nsx(A, "/usr/bin/python3", "-c", """
import socket
s = socket.socket(socket.AF_INET6); s.connect(("2001:db8:1::2", 5001))
b = bytes(range(251)) * 4178
for i in range(6): s.sendall(b)
s.close()""")
    srv.wait(timeout=20)
    p1.wait(timeout=20)
    p2.wait(timeout=20)
    sup = [b for pt, b in load(fa) if pt == 4 and len(b) > 65535 + 14]
    wire = [b for pt, b in load(fb) if pt != 4 and len(b) > 50 + 14 + 48
            and b[50 + 12:50 + 14] == b"\x86\xdd"]
    if not sup:
        print("FAIL: TCP over the vxlan device built no skb past 64 KiB")
        sys.exit(1)
    ok = bad = segs = 0
    ih = 50 + 14          # inner IPv6 header in a wire segment

    def seq_of(b, ip6):
        return struct.unpack(">I", b[ip6 + 48 + 4:ip6 + 48 + 8])[0]
    kept = 0
    for s in sup:
        if s[14 + 6] != 0 or s[14 + 42] != 0xc2:
            bad += 1
            print("FAIL: a %d-byte IPv6 super-frame without the jumbo "
                  "header (not 6.18's ip6_xmit: a later kernel?)" % len(s))
            continue
        seq, plen = seq_of(s, 14), len(s) - (14 + 48 + (s[14 + 48 + 12] >> 4) * 4)
        # its first segment: same seq, same jumbo length and TCP options
        # (a retransmission starts at the same seq)
        thl = (s[14 + 48 + 12] >> 4) * 4
        k = next((i for i, w in enumerate(wire) if w[ih + 6] == 0 and
                  seq_of(w, ih) == seq and
                  w[ih + 44:ih + 48] == s[14 + 44:14 + 48] and
                  w[ih + 48 + 20:ih + 48 + thl] ==
                  s[14 + 48 + 20:14 + 48 + thl]), None)
        if k is None:
            bad += 1
            print("FAIL: no wire segment for the super-frame at seq %u" %
                  seq)
            continue
        w0 = wire[k]
        mss = len(w0) - (ih + 48 + (w0[ih + 48 + 12] >> 4) * 4)
        n = (plen + mss - 1) // mss
        # its segments by sequence number, not by position: a packet of
        # the same flow sent from the other CPU (a retransmission, a loss
        # probe) can land between two segments of one GSO run (seen under
        # load: CI, 2026-12-07, "segment 2, byte 17", a shorter frame)
        want, pos = [], k
        for j in range(n):
            sq = (seq + j * mss) & 0xffffffff
            m = next((i for i in range(pos, min(len(wire), pos + 256))
                      if seq_of(wire[i], ih) == sq and wire[i][ih + 6] == 0),
                     None)
            if m is None:
                break
            want.append(wire[m])
            pos = m + 1
        if len(want) < n:
            bad += 1
            print("FAIL: super-frame at seq %u: %d of its %d segments on "
                  "the wire (capture lost some?)" % (seq, len(want), n))
            continue
        between = pos - k - n
        if between:
            print("note: super-frame at seq %u: %d other frame(s) between "
                  "its segments on the wire" % (seq, between))
        # the outer headers as the veth got them (the first segment's,
        # which GSO numbered from them): IPv4 tot_len 0 past 64 KiB
        # (iph_set_totlen), the UDP length cut to 16 bits (no BIG TCP for
        # UDP tunnels in 6.18: "udp: Set length in UDP header to 0 for
        # big GSO packets" came later); GSO rewrites both per segment
        o = bytearray(w0[:50])
        o[16:18] = b"\0\0"
        o[24:26] = b"\0\0"
        c = sum(struct.unpack(">10H", bytes(o[14:34])))
        c = (c & 0xffff) + (c >> 16)
        c = (c & 0xffff) + (c >> 16)
        o[24:26] = struct.pack(">H", ~c & 0xffff)
        o[38:40] = struct.pack(">H", (len(s) - 14 + 16) & 0xffff)
        frame = bytes(o) + s
        pin, pout = os.path.join(d, "in.pcap"), os.path.join(d, "out.pcap")
        with open(pin, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144,
                                1))
            f.write(struct.pack("<IIII", 0, 0, len(frame), len(frame)) +
                    frame)
        r = subprocess.run([ofl, "gso", "--mss", str(mss), "--gso-max-size",
                            "185000", pin, pout], capture_output=True,
                           text=True)
        got, b, o = [], open(pout, "rb").read(), 24
        while o < len(b):
            m = struct.unpack("<I", b[o + 8:o + 12])[0]
            got.append(b[o + 16:o + 16 + m])
            o += 16 + m
        if r.returncode or got != want:
            bad += 1
            i = next((i for i in range(min(len(got), len(want)))
                      if got[i] != want[i]), min(len(got), len(want)))
            x = 0
            if i < min(len(got), len(want)):
                g, w = got[i], want[i]
                while x < min(len(g), len(w)) and g[x] == w[x]:
                    x += 1
            print("FAIL: super-frame of %d bytes, mss %d: kernel %d "
                  "segments, ofl %d; first differing segment %d, byte %d "
                  "%s" % (len(s), mss, len(want), len(got), i, x,
                          r.stderr.strip()))
            continue
        ok += 1
        segs += n
        kept += sum(1 for w in want if w[ih + 6] == 0 and
                    w[ih + 42] == 0xc2 and w[ih + 4:ih + 6] != b"\0\0")
    print("big tunnel TX (vxlan, inner IPv6 jumbo): %d super-frames of "
          "%d-%d bytes equal (%d segments, %d of them with the jumbo header "
          "and a non-zero payload length), %d differ" %
          (ok, min(map(len, sup)), max(map(len, sup)), segs, kept, bad))
    sys.exit(1 if bad or not ok else 0)
finally:
    sh("ip", "netns", "del", A, ok=True)
    sh("ip", "netns", "del", B, ok=True)
