#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Differential test of `ofl parse --json` against tshark (PDML).

usage: tshark_diff.py OFL_BIN CORPUS_DIR [WORKDIR]

For every frame of every capture in CORPUS_DIR (recursively) and of a
capture generated here with scapy, the layer names and offsets ofl reports
must equal the protocols tshark dissects at the same positions, frame by
frame, over the prefix both dissected (see docs/PARSER.md, "Differential
test"). Where tshark goes on past the last layer ofl lists, the pair (ofl's
last layer, tshark's next one) must be in DEEPER below, each a reason ofl
stops there by design, documented in docs/PARSER.md; an unexplained pair is
a difference and fails the test (before, every such frame was counted as
"tshark deeper" and passed). Layers ofl lists past tshark's (ports tshark
does not assign) are counted. Captures of every link type `ofl parse` reads
(Ethernet, raw IP, IPv4, IPv6, Linux cooked, PPP) are compared: tshark's
link-layer protocols (sll, raw, ppp) have no ofl name and are left out,
and ofl reports offsets from the start of the captured frame as tshark
does (IP after a Linux cooked header at 16). Exit 77 with SKIP when tshark is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

# tshark protocol name -> ofl layer name (names not here, such as the link
# layers sll, raw and ppp, are not compared)
TSHARK = {
    "eth": "eth", "vlan": "vlan", "ieee8021ad": "vlan", "mpls": "mpls",
    "pppoes": "pppoe", "arp": "arp", "ip": "ipv4", "ipv6": "ipv6",
    "ipv6.hopopts": "ipv6-hopopts", "ipv6.routing": "ipv6-route",
    "ipv6.fragment": "ipv6-frag",
    "ipv6.fraghdr": "ipv6-frag", "ipv6.dstopts": "ipv6-dstopts",
    "ah": "ah", "esp": "esp", "tcp": "tcp", "udp": "udp", "sctp": "sctp",
    "icmp": "icmp", "icmpv6": "icmpv6", "igmp": "igmp", "gre": "gre",
    "vxlan": "vxlan", "geneve": "geneve", "erspan": "erspan",
}
# protocols after which tshark's and ofl's views legitimately part:
# ofl never parses into these payloads (documented in docs/PARSER.md).
# what `ofl` says of a file it cannot read at all (tools/pcapio.c,
# tools/cmd_parse.c, tools/cmd_csum.c): the only reasons to skip one
NOT_READ = re.compile(r"empty file, not a capture|too short for a capture "
                      r"file|not a pcap or pcapng file|link type -?\d+ not "
                      r"handled")

STOP_AFTER = {"icmp", "icmpv6", "esp", "arp", "igmp", "sctp"}

# (ofl's last layer, tshark's next layer, ofl's error or None): why ofl
# stops there (docs/PARSER.md, "Differential test"); "" = no layer
DEEPER = {
    ("gre", "ipv4", None):
        "GRE protocols not in the parse graph: 0x8909 (Cisco MetaData), "
        "0x883e (WCCP), PPP (PPTP)",
    ("udp", "esp", None):
        "ESP in UDP (NAT traversal, port 4500): not in the port table",
    ("udp", "ipv6", None): "Teredo (UDP 3544): not in the port table",
    ("ipv4", "tcp", "truncated"):
        "a TCP header cut short: ofl lists no header it cannot read whole "
        "(OFL_ENODATA), tshark shows the part",
    ("ipv6-route", "eth", None):
        "IPv6 next header 143 (Ethernet, RFC 8986 SRv6 End.DX2): not in "
        "the parse graph",
    ("ipv6-dstopts", "udp", "bad length"):
        "a malformed destination option: ofl stops (OFL_EBADMSG), tshark "
        "reads on",
    ("ipv6", "ipv4", "protocol error"):
        "an inner header whose version contradicts the outer next header: "
        "ofl refuses it",
    ("vlan", "vlan", None):
        "VN-Tag (EtherType 0x8926) between two tags: not in the parse graph",
    ("", "mpls", "unsupported protocol"):
        "MPLS over PPP: ofl parse starts after a PPP header only at "
        "IPv4/IPv6",
}

# (tshark's last layer, ofl's next layer): why ofl reads on where tshark
# stops. ofl's parser reads by the frame, as Linux's __skb_flow_dissect()
# does (tests/flowdiss flowdiss_hash: the built-in dissector's hash of the
# same corpus frames equals ofl's); any other pair fails.
OFL_DEEPER = {
    ("ipv6", "tcp"):
        "IPv6 payload length 0 without a jumbo option (BIG TCP as Linux "
        "7.0 sends it): tshark stops, ofl and the kernel's flow dissector "
        "take the length from the frame",
    ("ipv6-dstopts", "udp"):
        "an extension header that runs past the IPv6 payload length into "
        "the frame's trailer: tshark stops (malformed), ofl and the "
        "kernel's flow dissector read the next header from the frame",
}


def tshark_frames(path):
    out = subprocess.run(
        ["tshark", "-n", "-r", path, "-T", "pdml",
         "-o", "tcp.check_checksum:FALSE", "-o", "ip.defragment:FALSE",
         "-o", "ipv6.defragment:FALSE", "-o", "udp.check_checksum:FALSE",
         "-d", "udp.port==6081,geneve", "-d", "udp.port==4789,vxlan"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    root = ET.fromstring(out) if out.strip() else None
    frames = []
    if root is None:
        return frames
    for pkt in root.iter("packet"):
        layers = []

        def walk(el):
            for ch in el:
                if ch.tag == "proto":
                    name = ch.get("name")
                    # ERSPAN type I: tshark shows an "erspan" of 0
                    # bytes (no header), ofl no layer
                    if name in TSHARK and ch.get("pos") is not None and \
                            not (name == "erspan" and ch.get("size") == "0"):
                        layers.append((TSHARK[name], int(ch.get("pos"))))
                    walk(ch)
                elif ch.tag == "field":
                    walk(ch)
        walk(pkt)
        frames.append(layers)
    return frames


def collapse(layers):
    """Consecutive MPLS entries are one stack in tshark: keep the first."""
    out = []
    for name, off in layers:
        if out and name == "mpls" and out[-1][0] == "mpls":
            continue
        out.append((name, off))
    return out


def ofl_frames(ofl, path):
    r = subprocess.run([ofl, "parse", "--json", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    if r.returncode != 0:
        return r.stderr.decode(errors="replace").strip()
    out = r.stdout
    frames = []
    for line in out.decode().splitlines():
        o = json.loads(line)
        if "summary" in o:
            continue
        frames.append(([(l["proto"], l["offset"]) for l in o["layers"]],
                       o["error"]))
    return frames


def compare_frames(name, t, o, stats, verbose):
    bad = 0
    if len(t) != len(o):
        print(f"{name}: tshark {len(t)} frames, ofl {len(o)}")
        return 1
    for i, (tl, (ol, err)) in enumerate(zip(t, o), 1):
        tl = collapse(tl)
        ol = collapse(ol)
        # tshark shows the payload of an ICMP error etc. as inner layers
        cut = len(tl)
        for j, (lname, _) in enumerate(tl):
            if lname in STOP_AFTER:
                cut = j + 1
                break
        tl = tl[:cut]
        n = min(len(tl), len(ol))
        stats["frames"] += 1
        stats["layers"] += n
        if tl[:n] != ol[:n]:
            bad += 1
            print(f"{name} frame {i}: MISMATCH\n"
                  f"  tshark {tl}\n  ofl    {ol} error={err}")
        elif len(tl) > len(ol):
            key = (ol[-1][0] if ol else "", tl[n][0], err)
            if key not in DEEPER:
                bad += 1
                print(f"{name} frame {i}: tshark reads on after "
                      f"{ol[-1:]}: {tl[n:]} (ofl error={err}); not an "
                      "explained stop (DEEPER)")
                continue
            stats["tshark_deeper"] += 1
            stats["why"][key] = stats["why"].get(key, 0) + 1
            if verbose:
                print(f"{name} frame {i}: tshark deeper {tl[n:]} "
                      f"(ofl error={err}): {DEEPER[key]}")
        elif len(ol) > len(tl):
            key = (tl[-1][0] if tl else "", ol[n][0])
            if key not in OFL_DEEPER:
                bad += 1
                print(f"{name} frame {i}: ofl reads on after {tl[-1:]}: "
                      f"{ol[n:]}; not an explained case (OFL_DEEPER)")
                continue
            stats["ofl_deeper"] += 1
            stats["owhy"][key] = stats["owhy"].get(key, 0) + 1
            if verbose:
                print(f"{name} frame {i}: ofl deeper {ol[n:]}: "
                      f"{OFL_DEEPER[key]}")
    return bad


def compare_all(paths, ofl, work, stats, verbose):
    """ofl on each capture; tshark once on all of them concatenated."""
    done = []
    for path in paths:
        o = ofl_frames(ofl, path)
        if isinstance(o, str):
            # only a link type ofl parse does not read, or a file that is
            # no capture (the corpus has some empty files), is skipped;
            # any other failure (a crash, a refused capture) is a FAIL
            if not NOT_READ.search(o):
                print(f"{os.path.basename(path)}: FAIL: ofl parse "
                      f"failed: {o}")
                stats["failed"] += 1
                continue
            print(f"{os.path.basename(path)}: not read by ofl, skipped: "
                  f"{o}")
            stats["skipped"] += 1
            continue
        if o:
            done.append((path, o))
    if not done:
        return stats["failed"]
    merged = os.path.join(work, "parser_tshark_all.pcapng")
    subprocess.run(["mergecap", "-a", "-w", merged] + [p for p, _ in done],
                   check=True, stderr=subprocess.DEVNULL)
    t = tshark_frames(merged)
    bad = 0
    pos = 0
    for path, o in done:
        bad += compare_frames(os.path.basename(path), t[pos:pos + len(o)],
                              o, stats, verbose)
        pos += len(o)
    if pos != len(t):
        print(f"tshark read {len(t)} frames, ofl {pos}")
        bad += 1
    return bad + stats["failed"]


def generate(path):
    """Frames for every protocol of the graph, written with scapy."""
    from scapy.all import (Ether, Dot1Q, Dot1AD, IP, IPv6, TCP, UDP, ICMP,
                           ICMPv6EchoRequest, IPv6ExtHdrHopByHop,
                           IPv6ExtHdrRouting, IPv6ExtHdrFragment,
                           IPv6ExtHdrDestOpt, IPv6ExtHdrSegmentRouting,
                           GRE, SCTP, ARP, PPPoE, Raw, wrpcap)
    from scapy.contrib.mpls import MPLS
    from scapy.contrib.igmp import IGMP
    from scapy.layers.vxlan import VXLAN
    from scapy.contrib.geneve import GENEVE
    from scapy.layers.ipsec import AH, ESP
    from scapy.contrib.erspan import (ERSPAN_II, ERSPAN_III,
                                      ERSPAN_PlatformSpecific)
    e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
    # a mirrored frame whose first nibble would pass as ERSPAN version 1
    m = Ether(src="02:00:00:00:00:03", dst="12:00:00:00:00:04")
    a4 = dict(src="198.18.0.1", dst="198.18.0.2")
    a6 = dict(src="2001:db8::1", dst="2001:db8::2")
    pl = Raw(b"x" * 20)
    f = [
        e / IP(**a4) / TCP(sport=1, dport=2) / pl,
        e / IP(**a4, options=b"\x01\x01\x01\x00") / UDP(sport=3, dport=4) / pl,
        e / IP(**a4) / TCP(options=[("MSS", 1460), ("NOP", None),
                                    ("WScale", 7), ("SAckOK", b""),
                                    ("Timestamp", (1, 2))]) / pl,
        e / Dot1Q(vlan=5) / IPv6(**a6) / TCP() / pl,
        e / Dot1AD(vlan=7) / Dot1Q(vlan=8) / IP(**a4) / UDP() / pl,
        e / MPLS(label=16, s=0) / MPLS(label=17) / IP(**a4) / UDP() / pl,
        e / PPPoE(sessionid=1) / Raw(b"\x00\x21") / IP(**a4) / TCP() / pl,
        e / ARP(),
        e / IP(**a4) / ICMP() / pl,
        e / IP(**a4) / IGMP(),
        e / IP(**a4) / SCTP(sport=5, dport=6) / pl,
        e / IPv6(**a6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() /
        IPv6ExtHdrRouting() / UDP() / pl,
        e / IPv6(**a6) / IPv6ExtHdrFragment(m=1) / TCP() / pl,
        e / IPv6(**a6) / IPv6ExtHdrFragment(offset=100) / Raw(b"y" * 40),
        e / IP(**a4, flags="MF") / UDP() / pl,
        e / IP(**a4, frag=10) / Raw(b"z" * 40),
        e / IPv6(**a6) / IPv6ExtHdrSegmentRouting(
            addresses=["2001:db8::9", "2001:db8::8"], segleft=1) /
        TCP() / pl,
        e / IPv6(**a6) / ICMPv6EchoRequest(),
        e / IP(**a4) / AH(nh=6, payloadlen=4, spi=1, icv=b"\0" * 12) / TCP() / pl,
        e / IP(**a4) / ESP(spi=0x1234, seq=1) / pl,
        e / IP(**a4) / GRE() / IP(**a4) / TCP() / pl,
        e / IP(**a4) / GRE(key_present=1, key=0x1234, seqnum_present=1,
                           seqence_number=9, chksum_present=1) /
        IPv6(**a6) / UDP() / pl,
        e / IP(**a4) / GRE(proto=0x6558, key_present=1, key=0x100) / e /
        IP(**a4) / UDP() / pl,
        e / IP(**a4) / UDP(sport=9, dport=4789) / VXLAN(vni=42) / e /
        IP(**a4) / TCP() / pl,
        e / IPv6(**a6) / UDP(sport=9, dport=6081) /
        GENEVE(vni=7, proto=0x6558, options=b"\x01\x02\x03\x01abcd") / e /
        IPv6(**a6) / TCP() / pl,
        # ERSPAN: type I (bare GRE), type II (with a sequence number, with
        # only a key), type III, type III with the platform subheader
        e / IP(**a4) / GRE(proto=0x88be) / m / IP(**a4) / TCP() / pl,
        e / IP(**a4) / GRE(proto=0x88be, seqnum_present=1,
                           seqence_number=3) /
        ERSPAN_II(ver=1, session_id=7, index=5) / m / IP(**a4) / UDP() / pl,
        e / IPv6(**a6) / GRE(proto=0x88be, key_present=1, key=9) /
        ERSPAN_II(ver=1, session_id=8) / m / IPv6(**a6) / TCP() / pl,
        e / IP(**a4) / GRE(proto=0x22eb, seqnum_present=1) /
        ERSPAN_III(session_id=9) / m / IP(**a4) / TCP() / pl,
        e / IP(**a4) / GRE(proto=0x22eb, seqnum_present=1) /
        ERSPAN_III(session_id=9, o=1) / ERSPAN_PlatformSpecific() / m /
        Dot1Q(vlan=3) / IP(**a4) / TCP() / pl,
        e / IP(**a4) / IP(**a4) / UDP() / pl,
        e / IP(**a4) / IPv6(**a6) / TCP() / pl,
        e / IPv6(**a6) / IP(**a4) / TCP() / pl,
        e / IPv6(**a6) / IPv6(**a6) / UDP() / pl,
        # truncated: only 30 bytes of an Eth/IPv4/TCP frame
        (e / IP(**a4) / TCP() / pl).__class__(
            bytes(e / IP(**a4) / TCP() / pl)[:40]),
    ]
    wrpcap(path, f)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    ofl, corpus = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else "/tmp"
    verbose = os.environ.get("VERBOSE") == "1"
    if not shutil.which("tshark"):
        print("SKIP: tshark not installed")
        return 77
    stats = {"skipped": 0, "failed": 0, "frames": 0, "layers": 0,
             "tshark_deeper": 0,
             "ofl_deeper": 0, "why": {}, "owhy": {}}
    paths = []
    try:
        gen = os.path.join(work, "parser_scapy_frames.pcap")
        generate(gen)
        paths.append(gen)
    except ImportError as ex:
        print(f"SKIP part: scapy unavailable ({ex})")
    if os.path.isdir(corpus):
        for d, _, names in sorted(os.walk(corpus)):
            for n in sorted(names):
                if n.endswith((".pcap", ".pcapng")):
                    paths.append(os.path.join(d, n))
    else:
        print(f"SKIP part: no corpus at {corpus}")
    files = len(paths)
    bad = compare_all(paths, ofl, work, stats, verbose)
    for key, k in sorted(stats["why"].items(), key=str):
        print(f"  tshark reads on after {key[0] or 'nothing'} ({key[1]}) in "
              f"{k} frames: {DEEPER[key]}")
    for key, k in sorted(stats["owhy"].items()):
        print(f"  ofl reads on after {key[0]} ({key[1]}) in {k} frames: "
              f"{OFL_DEEPER[key]}")
    print(f"{files} captures ({stats['skipped']} skipped), "
          f"{stats['frames']} frames, {stats['layers']} layers compared, "
          f"{bad} frames differ; tshark deeper (explained) in "
          f"{stats['tshark_deeper']}, ofl deeper (explained) in "
          f"{stats['ofl_deeper']}")
    if files == 0:
        print("SKIP: nothing to compare")
        return 77
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
