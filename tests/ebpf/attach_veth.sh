#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# attach_veth.sh OFL_XDP_CSUM: the example loader attaches xdp_csum_verify
# (generic XDP) to a veth in a private network namespace; the peer sends
# UDP and TCP over IPv4 and IPv6 with right checksums and UDP with wrong
# ones (raw socket); the counters must say so. The peer's transmit checksum
# offload is off: with it, veth hands over CHECKSUM_PARTIAL frames whose
# checksum field holds only the pseudo-header sum (see bindings/ebpf/README).
set -eu
prog=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
a=ofl-infra-a-$$ b=ofl-infra-b-$$
out=$(mktemp)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	ip netns del "$a" 2>/dev/null || true
	ip netns del "$b" 2>/dev/null || true
	rm -f "$out"
}
trap cleanup EXIT INT TERM
ip netns add "$a" || { echo "SKIP: cannot create network namespaces"; exit 77; }
ip netns add "$b"
ip link add vA netns "$a" type veth peer name vB netns "$b"
ip -n "$a" addr add 198.18.0.1/30 dev vA
ip -n "$b" addr add 198.18.0.2/30 dev vB
ip -n "$a" addr add 2001:db8::1/64 dev vA nodad
ip -n "$b" addr add 2001:db8::2/64 dev vB nodad
ip -n "$a" link set vA up
ip -n "$b" link set vB up
ip netns exec "$a" ethtool -K vA tx off >/dev/null

ip netns exec "$b" "$prog" --skb --seconds 30 vB >"$out" 2>&1 &
pid=$!
i=0
until grep -q 'xdp_csum_verify on' "$out"; do
	i=$((i + 1))
	if [ $i -gt 50 ] || ! kill -0 "$pid" 2>/dev/null; then
		cat "$out"
		if grep -q 'Operation not permitted' "$out"; then
			echo "SKIP: the kernel refuses BPF here"; exit 77
		fi
		echo "FAIL: the loader did not attach"; exit 1
	fi
	sleep 0.1
done

ip netns exec "$a" /usr/bin/python3 - <<'PY'
import socket, struct
def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff
for fam, dst in ((socket.AF_INET, '198.18.0.2'), (socket.AF_INET6, '2001:db8::2')):
    u = socket.socket(fam, socket.SOCK_DGRAM)
    for i in range(5):
        u.sendto(b'ofl good %d' % i + b'x' * (i * 301), (dst, 9))
    t = socket.socket(fam, socket.SOCK_STREAM)
    t.settimeout(1)
    try: t.connect((dst, 9))
    except OSError: pass
# UDP over IPv4 with a wrong checksum: the kernel leaves a raw socket's
# UDP header alone.
r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)
for i in range(3):
    data = b'ofl bad %d' % i
    ln = 8 + len(data)
    hdr = struct.pack('!HHHH', 4242, 9, ln, 0)
    ph = socket.inet_aton('198.18.0.1') + socket.inet_aton('198.18.0.2') + struct.pack('!BBH', 0, 17, ln)
    c = csum(ph + hdr + data) or 0xffff
    c ^= 0x0100
    r.sendto(struct.pack('!HHHH', 4242, 9, ln, c) + data, ('198.18.0.2', 0))
PY
# The frames are through the receive path once the softirq has run; then
# Ctrl-C makes the loader print its counters, detach and exit.
sleep 0.5
kill -INT "$pid"
wait "$pid" || { cat "$out"; echo "FAIL: loader failed"; exit 1; }
pid=
tail -7 "$out"
last() { tail -7 "$out" | awk -v s="$1" -v f="$2" '$1 == s {
	for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }'; }
ok=1
[ "$(last udp4 good)" -ge 5 ] || ok=0
[ "$(last udp4 bad)" -eq 3 ] || ok=0
[ "$(last udp6 good)" -ge 5 ] || ok=0
[ "$(last tcp4 good)" -ge 1 ] || ok=0
[ "$(last tcp6 good)" -ge 1 ] || ok=0
[ "$(last ipv4-header good)" -ge 9 ] || ok=0
[ "$ok" = 1 ] || { echo "FAIL: counters are not as sent"; exit 1; }
echo "ok: attached to a veth, counted what was sent"
