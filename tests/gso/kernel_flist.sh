#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Fraglist GSO against the running kernel (kernel_flist.c): a router
# namespace forwards from oflrx (GRO, rx-gro-list on: the kernel builds
# fraglist skbs) to oflout (tx-gso-list off: validate_xmit_skb cuts them
# with skb_segment_list); oflout's peer sits in a sink namespace that
# only receives. Then again with nft dnat on the router (the head's
# addresses and ports change: __udpv4/6_gso_segment_list_csum and
# __tcpv4/6_gso_segment_list_csum carry them to every segment).
# Both namespaces are deleted on exit.
set -u
bin=$1
R=ofl-flr-$$
S=ofl-fls-$$
SINK=02:00:00:00:00:5e
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
cleanup() { ip netns del "$R" 2>/dev/null; ip netns del "$S" 2>/dev/null; }
trap cleanup EXIT INT TERM
ip netns add "$R" 2>/dev/null && ip netns add "$S" 2>/dev/null ||
	{ echo "SKIP: cannot create network namespaces"; exit 77; }
r() { ip netns exec "$R" "$@"; }
ip -n "$R" link add ofltx type veth peer name oflrx ||
	{ echo "SKIP: cannot create veth"; exit 77; }
ip -n "$R" link add oflout type veth peer name oflsink netns "$S" || exit 1
r sysctl -qw net.ipv6.conf.default.accept_dad=0 \
	net.ipv6.conf.default.accept_ra=0 \
	net.ipv6.conf.default.router_solicitations=0
for d in ofltx oflrx oflout; do
	ip -n "$R" link set "$d" mtu 9000 up
done
ip -n "$S" link set oflsink address $SINK mtu 9000 up
r sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 \
	net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.oflrx.rp_filter=0 \
	net.ipv6.conf.all.forwarding=1 net.ipv6.conf.ofltx.disable_ipv6=1
ip -n "$R" addr add 198.19.0.1/24 dev oflrx
ip -n "$R" addr add 198.19.1.1/24 dev oflout
ip -n "$R" neigh add 198.19.1.2 lladdr $SINK dev oflout nud permanent
ip -n "$R" route add 198.18.0.0/24 via 198.19.1.2 dev oflout
ip -n "$R" -6 addr add 2001:db8:1::1/64 dev oflrx nodad
ip -n "$R" -6 addr add 2001:db8:2::1/64 dev oflout nodad
ip -n "$R" -6 neigh add 2001:db8:2::2 lladdr $SINK dev oflout nud permanent
ip -n "$R" -6 route add 2001:db8::/64 via 2001:db8:2::2 dev oflout
r ethtool -K oflrx gro on rx-gro-list on >/dev/null ||
	{ echo "FAIL: ethtool -K oflrx gro on rx-gro-list on"; exit 1; }
r ethtool -K oflrx rx off >/dev/null 2>&1
r ethtool -K oflout tx-gso-list off >/dev/null ||
	{ echo "FAIL: ethtool -K oflout tx-gso-list off"; exit 1; }
r sh -c 'echo 1 > /sys/class/net/oflrx/napi_defer_hard_irqs &&
	echo 20000000 > /sys/class/net/oflrx/gro_flush_timeout' ||
	{ echo "FAIL: napi_defer_hard_irqs/gro_flush_timeout"; exit 1; }
rc=0
r "$bin" ofltx oflrx oflout $SINK || rc=1
# destination NAT of the head (nft; Debian package nftables)
if ! command -v nft >/dev/null; then
	echo "GROUP-FAIL nat: no nft binary (apt-get install nftables)"
	exit 1
fi
r nft -f - <<'NFT' || { echo "GROUP-FAIL nat: nft dnat rules"; exit 1; }
table ip ofl4 {
	chain pre {
		type nat hook prerouting priority -100;
		udp dport 8000 dnat to 198.18.0.3:4242
		tcp dport 8000 dnat to 198.18.0.3:4242
	}
}
table ip6 ofl6 {
	chain pre {
		type nat hook prerouting priority -100;
		udp dport 8000 dnat to [2001:db8::3]:4242
		tcp dport 8000 dnat to [2001:db8::3]:4242
	}
}
NFT
OFL_FLIST_NAT=1 r "$bin" ofltx oflrx oflout $SINK || rc=1
exit $rc
