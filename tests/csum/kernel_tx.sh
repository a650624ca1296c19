#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# kernel_tx.sh CHECKER: the running kernel computes UDP checksums in
# software (veth with tx checksum offload off) for random datagrams and for
# datagrams whose checksum comes out zero (sent as 0xffff, CSUM_MANGLED_0),
# over IPv4 and IPv6, in two private network namespaces; CHECKER completes
# the same frames with ofl_csum_help() and compares.
set -eu
checker=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
a=ofl-csum-$$-a b=ofl-csum-$$-b
out=$(mktemp) rx=$(mktemp)
cleanup() {
	ip netns del "$a" 2>/dev/null || true
	ip netns del "$b" 2>/dev/null || true
	rm -f "$out" "$rx"
}
trap cleanup EXIT INT TERM
if ! ip netns add "$a" 2>/dev/null; then
	echo "SKIP: cannot create network namespaces"; exit 77
fi
ip netns add "$b"
ip link add va netns "$a" type veth peer name vb netns "$b"
ip -n "$a" addr add 198.18.0.1/24 dev va
ip -n "$b" addr add 198.18.0.2/24 dev vb
ip -n "$a" -6 addr add 2001:db8::1/64 dev va nodad
ip -n "$b" -6 addr add 2001:db8::2/64 dev vb nodad
ip -n "$a" link set va up
ip -n "$b" link set vb up
# no neighbour discovery: nothing queued or dropped while it runs
mac=$(ip netns exec "$b" cat /sys/class/net/vb/address)
ip -n "$a" neigh add 198.18.0.2 lladdr "$mac" dev va nud permanent
ip -n "$a" -6 neigh add 2001:db8::2 lladdr "$mac" dev va nud permanent
ip netns exec "$a" ethtool -K va tx off >/dev/null 2>&1 ||
	{ echo "SKIP: cannot turn tx checksum offload off"; exit 77; }

# receiver: every frame on vb as a hex line, until 2 s of silence
ip netns exec "$b" /usr/bin/python3 - "$rx" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
s.bind(("vb", 0))
s.settimeout(2.0)
open(sys.argv[1] + ".ready", "w").close()
with open(sys.argv[1], "w") as f:
    while True:
        try:
            d = s.recv(65535)
        except socket.timeout:
            break
        f.write(d.hex() + "\n")
PY
rxpid=$!
i=0
while [ ! -e "$rx.ready" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
rm -f "$rx.ready"

ip netns exec "$a" /usr/bin/python3 - <<'PY'
import random, socket, struct
random.seed(1)

def fold(words):
    s = 0
    for w in words:
        s += w
        s = (s & 0xffff) + (s >> 16)
    return s

def be_words(b):
    if len(b) & 1:
        b += b"\0"
    return [b[i] << 8 | b[i + 1] for i in range(0, len(b), 2)]

def zero_payload(pseudo, sport, dport, n):
    # payload whose UDP checksum computes to 0 (sum 0xffff)
    p = bytearray(random.randbytes(n - 2) + b"\0\0")
    ulen = 8 + n
    hdr = struct.pack("!HHHH", sport, dport, ulen, 0)
    s = fold(be_words(pseudo(ulen) + hdr + bytes(p)))
    x = 0xffff - s
    p[-2:] = struct.pack("!H", x)
    return bytes(p)

for fam, src, dst in ((socket.AF_INET, "198.18.0.1", "198.18.0.2"),
                      (socket.AF_INET6, "2001:db8::1", "2001:db8::2")):
    u = socket.socket(fam, socket.SOCK_DGRAM)
    u.bind((src, 4000))
    if fam == socket.AF_INET:
        ps = lambda l: (socket.inet_pton(fam, src) + socket.inet_pton(fam, dst)
                        + struct.pack("!BBH", 0, 17, l))
    else:
        ps = lambda l: (socket.inet_pton(fam, src) + socket.inet_pton(fam, dst)
                        + struct.pack("!IxxxB", l, 17))
    for i in range(200):
        n = random.randrange(2, 1400) & ~1
        if i % 4 == 0:
            data = zero_payload(ps, 4000, 5000, n)
        else:
            data = random.randbytes(n + (i & 1))
        u.sendto(data, (dst, 5000))
    u.close()
PY
wait $rxpid
"$checker" <"$rx" | tee "$out"
