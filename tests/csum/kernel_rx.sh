#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# kernel_rx.sh CHECKER: frames with good, corrupted and zero UDP/TCP
# checksums over IPv4 and IPv6 (some with IPv6 option headers, all padded
# to 60 bytes, some with a trailer) are injected on one end of a veth
# (private network namespaces); the kernel at the other end verifies them
# in software and counts errors (Udp/Udp6/Tcp InCsumErrors). CHECKER
# verifies the same frames with ofl_csum_verify_complete() over the layers
# ofl_csum_layers_from_parse() finds; the counts must match.
set -eu
checker=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
a=ofl-csumrx-$$-a b=ofl-csumrx-$$-b
tx=$(mktemp)
cleanup() {
	ip netns del "$a" 2>/dev/null || true
	ip netns del "$b" 2>/dev/null || true
	rm -f "$tx"
}
trap cleanup EXIT INT TERM
if ! ip netns add "$a" 2>/dev/null; then
	echo "SKIP: cannot create network namespaces"; exit 77
fi
ip netns add "$b"
ip link add va netns "$a" type veth peer name vb netns "$b"
ip -n "$b" addr add 198.18.1.2/24 dev vb
ip -n "$b" -6 addr add 2001:db8:1::2/64 dev vb nodad
ip -n "$a" link set va up
ip -n "$b" link set vb up
mac=$(ip netns exec "$b" cat /sys/class/net/vb/address)

# InCsumErrors of Udp and Tcp (/proc/net/snmp: a header line of names,
# then a line of values) and Udp6InCsumErrors (/proc/net/snmp6); and the
# UDP/IPv4 drops that are not checksum errors (InErrors counts both): a
# UDP length of 0 over IPv4 is a short packet (__udp4_lib_rcv)
counters() {
	ip netns exec "$b" awk '
		$1 == "Udp:" || $1 == "Tcp:" {
			if ($2 !~ /^-?[0-9]+$/) {
				for (i = 2; i <= NF; i++) col[$1, $i] = i
			} else {
				v[$1] = $(col[$1, "InCsumErrors"])
				e[$1] = $(col[$1, "InErrors"])
			}
		}
		$1 == "Udp6InCsumErrors" { u6 = $2 }
		END { print "udp4", v["Udp:"] + 0, "udp6", u6 + 0,
			"tcp", v["Tcp:"] + 0,
			"udp4short", e["Udp:"] - v["Udp:"] }' \
		/proc/net/snmp /proc/net/snmp6
}
before=$(counters)

ip netns exec "$a" /usr/bin/python3 - "$mac" "$tx" <<'PY'
import random, socket, struct, sys
random.seed(2)
dmac = bytes.fromhex(sys.argv[1].replace(":", ""))
smac = bytes.fromhex("020000000001")
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("va", 0))
out = open(sys.argv[2], "w")

def fold(b):
    if len(b) & 1:
        b += b"\0"
    t = 0
    for i in range(0, len(b), 2):
        t += b[i] << 8 | b[i + 1]
        t = (t & 0xffff) + (t >> 16)
    return t

def l4(proto, ps, n, zlen):
    pay = random.randbytes(n)
    if proto == 17:          # UDP length 0: "the rest" over IPv6 (jumbo
        # rule of __udp6_lib_rcv), a short packet over IPv4
        h = struct.pack("!HHHH", random.randrange(1024, 60000), 9,
                        0 if zlen else 8 + n, 0)
        off = 6
    else:
        h = struct.pack("!HHIIBBHHH", random.randrange(1024, 60000), 9,
                        random.getrandbits(32), 0, 0x50, 0x02, 1024, 0, 0)
        off = 16
    seg = bytearray(h + pay)
    c = 0xffff - fold(ps(len(seg)) + bytes(seg))
    if c == 0 and proto == 17:
        c = 0xffff
    seg[off:off + 2] = struct.pack("!H", c)
    kind = random.randrange(6)
    if kind == 0 and n:      # corrupt a payload byte (a header byte
        # could make the kernel drop the packet as malformed before it
        # looks at the checksum: UDP length, TCP data offset)
        j = len(h) + random.randrange(n)
        seg[j] ^= 1 << random.randrange(8)
    elif kind == 1:          # corrupt the checksum
        seg[off] ^= 0x10
    elif kind == 2 and proto == 17:
        seg[off:off + 2] = b"\0\0"   # "no checksum"
    return bytes(seg)

for i in range(600):
    v6 = i & 1
    proto = 17 if i % 3 else 6
    n = random.randrange(0, 1200)
    zlen = i % 10 in (4, 5)
    if v6:
        src = bytes.fromhex("20010db8000100000000000000000001")
        dst = bytes.fromhex("20010db8000100000000000000000002")
        ps = lambda l: src + dst + struct.pack("!IxxxB", l, proto)
        seg = l4(proto, ps, n, zlen)
        ext = b""
        if i % 4 == 1:       # hop-by-hop and destination options (PadN)
            ext = bytes([60, 0, 1, 4, 0, 0, 0, 0, proto, 0, 1, 4, 0, 0, 0, 0])
        ip = struct.pack("!IHBB", 6 << 28, len(ext) + len(seg),
                         0 if ext else proto, 64) + src + dst + ext
        et = 0x86dd
    else:
        src = bytes([198, 18, 1, 1])
        dst = bytes([198, 18, 1, 2])
        ps = lambda l: src + dst + struct.pack("!BBH", 0, proto, l)
        seg = l4(proto, ps, n, zlen)
        ip = bytearray(struct.pack("!BBHHHBBH", 0x45, 0, 20 + len(seg), i,
                                   0, 64, proto, 0) + src + dst)
        ip[10:12] = struct.pack("!H", 0xffff - fold(bytes(ip)))
        ip = bytes(ip)
        et = 0x0800
    frame = dmac + smac + struct.pack("!H", et) + ip + seg
    # Ethernet padding, and now and then a trailer: the kernel trims both
    # (ip_rcv_core, ip6_rcv_core) before it verifies
    frame += bytes(max(0, 60 - len(frame)))
    if i % 5 == 0:
        frame += random.randbytes(random.randrange(1, 8))
    s.send(frame)
    out.write(frame.hex() + "\n")
out.close()
PY
sleep 1
after=$(counters)
want=$("$checker" <"$tx")
got=$(echo "$before $after" | awk '{
	printf "udp4 %d udp6 %d tcp %d udp4short %d\n",
	$10 - $2, $12 - $4, $14 - $6, $16 - $8 }')
echo "kernel counted: $got"
echo "ofl predicted:  $want"
[ "$got" = "$want" ]
