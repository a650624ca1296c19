#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""`ofl rss` on the real-traffic corpus against tshark plus an independent
Toeplitz written here in Python.

The Ethernet captures of ../shared/corpus are concatenated into one pcap (one
tshark run, one ofl run). For every frame whose layers tshark names as
Ethernet, VLAN tags, then exactly one IPv4 or IPv6 layer, the expected hash
is Toeplitz (Microsoft key) over tshark's addresses and, for TCP/UDP that
tshark decodes (defragmentation off: non-first fragments have no ports), its
ports. Usage: corpus_rss.py OFL CORPUS_DIR. Exit 77 when the corpus or
tshark is missing.
"""
import ipaddress, json, os, re, shutil, struct, subprocess, sys, tempfile

KEY = bytes.fromhex("6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b4"
                    "77cb2da38030f20c6a42b73bbeac01fa")


def toeplitz(key, data):
    k = int.from_bytes(key, "big")
    kbits = len(key) * 8
    h = 0
    for i in range(len(data) * 8):
        if data[i // 8] & (0x80 >> (i % 8)):
            h ^= (k >> (kbits - 32 - i)) & 0xffffffff
    return h


def read_pcap(path):
    """Records of a classic Ethernet pcap, [] for anything else."""
    with open(path, "rb") as f:
        b = f.read()
    if len(b) < 24:
        return []
    magic = b[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        return []
    if struct.unpack(e + "I", b[20:24])[0] != 1:
        return []
    out, o = [], 24
    while o + 16 <= len(b):
        _, _, incl, orig = struct.unpack(e + "IIII", b[o:o + 16])
        if o + 16 + incl > len(b):
            break
        out.append(b[o + 16:o + 16 + incl])
        o += 16 + incl
    return out


fields = []
# the tunnels compared with tshark (layers between the two IP layers); ofl
# rss follows more (GENEVE, GRE-in-UDP) through lib/parser
TUNNELS = {(), ("gre",), ("udp", "vxlan", "eth", "ethertype"),
           ("gre", "eth", "ethertype")}


IPV6_EXT = {"ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts"}


def expect(layers, f, level):
    """Expected hash of the outer (level 0) or inner (1) IP layer, or None
    when this frame is not one the reference judges the same way."""
    i = 2
    if layers[:2] != ["eth", "ethertype"]:
        return None
    while layers[i:i + 2] == ["vlan", "ethertype"]:
        i += 2
    ips = [j for j, x in enumerate(layers) if x in ("ip", "ipv6")]
    if not ips or ips[0] != i or len(ips) > 2:
        return None
    if any(x.startswith("ipv6.") and x not in IPV6_EXT for x in layers):
        return None  # extension headers the walk does not know
    if level == 1:
        if len(ips) != 2 or tuple(layers[ips[0] + 1:ips[1]]) not in TUNNELS:
            return None
    elif len(ips) == 2 and tuple(layers[ips[0] + 1:ips[1]]) not in TUNNELS:
        return None  # a tunnel the walk stops at: its ports may differ
    if "gre" in layers[:ips[-1]] and (not f["gre.proto"] or int(
            f["gre.proto"][0], 0) not in (0x0800, 0x86dd, 0x6558)):
        return None  # GRE payloads the walk does not follow (WCCP ...)
    j = ips[level]
    fam = layers[j]
    key = "ip" if fam == "ip" else "ipv6"
    # the n-th IP layer of a family is the n-th occurrence of its fields
    nth = sum(1 for x in layers[:j] if x == fam)
    try:
        src = f[key + ".src"][nth]
        dst = f[key + ".dst"][nth]
    except IndexError:
        return None  # truncated
    data = ipaddress.ip_address(src).packed + ipaddress.ip_address(dst).packed
    rest = [x for x in layers[j + 1:] if not x.startswith("ipv6.")]
    if not rest and layers[-1] in IPV6_EXT:
        return None  # tshark stops inside the extension headers (it does
        # after a Home Address option): no L4 verdict to compare with
    l4 = rest[0] if rest else ""
    if l4 in ("tcp", "udp"):
        nl4 = sum(1 for x in layers[:j + 1] if x == l4)
        sp, dp = f[l4 + ".srcport"], f[l4 + ".dstport"]
        if len(sp) <= nl4 or len(dp) <= nl4:
            return None  # tshark names TCP/UDP but shows no ports (IPv6
            # BIG TCP with payload length 0): no reference to compare with
        data += struct.pack(">HH", int(sp[nl4]), int(dp[nl4]))
    return "0x%08x" % toeplitz(KEY, data)


def main():
    ofl, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus) or not shutil.which("tshark"):
        print("SKIP: corpus or tshark not available")
        return 77
    frames = []
    for d in sorted(os.listdir(corpus)):
        p = os.path.join(corpus, d)
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                frames += read_pcap(os.path.join(p, f))
    tmp = tempfile.mkdtemp()
    try:
        cap = os.path.join(tmp, "all.pcap")
        with open(cap, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
            for fr in frames:
                f.write(struct.pack("<IIII", 0, 0, len(fr), len(fr)))
                f.write(fr)
        fields[:] = ["frame.protocols", "ip.src", "ip.dst", "ipv6.src",
                  "ipv6.dst", "tcp.srcport", "tcp.dstport", "udp.srcport",
                  "udp.dstport", "gre.proto"]
        cmd = ["tshark", "-n", "-r", cap, "-o", "ip.defragment:FALSE",
               "-o", "ipv6.defragment:FALSE", "-o",
               "tcp.try_heuristic_first:FALSE", "-T", "fields",
               "-E", "separator=\t", "-E", "occurrence=a",
               "-E", "aggregator=,"]
        for x in fields:
            cmd += ["-e", x]
        ts = subprocess.run(cmd, capture_output=True, text=True,
                            check=True).stdout.splitlines()
        runs = []
        for extra in ([], ["--inner"]):
            out = subprocess.run([ofl, "rss", cap, "--json"] + extra,
                                 capture_output=True, text=True,
                                 check=True).stdout.splitlines()
            runs.append([g for g in map(json.loads, out) if "hash" in g])
    finally:
        shutil.rmtree(tmp)
    if len(ts) != len(frames) or any(len(r) != len(frames) for r in runs):
        print("FAIL: frame counts: corpus %d tshark %d ofl %s" %
              (len(frames), len(ts), [len(r) for r in runs]))
        return 1
    checked = [0, 0]
    bad = 0
    for n, line in enumerate(ts, 1):
        v = (line.split("\t") + [""] * len(fields))[:len(fields)]
        f = dict(zip(fields, (x.split(",") if x else [] for x in v)))
        layers = v[0].split(":")
        for level in (0, 1):
            want = expect(layers, f, level)
            if want is None:
                continue
            g = runs[level][n - 1]
            checked[level] += 1
            if g["hash"] != want:
                bad += 1
                if bad <= 10:
                    print("frame %d (%s)%s: ofl %s (%s) want %s" %
                          (n, v[0], " --inner" if level else "",
                           g["hash"], g["type"], want))
    print("%d of %d corpus frames (outer) + %d (inner, --inner) checked "
          "against tshark differ (%d frames in all)" %
          (bad, checked[0], checked[1], len(frames)))
    return 1 if bad or checked[0] < 100 or checked[1] < 10 else 0


sys.exit(main())
