#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# lib/gro against the running kernel: a private netns with a veth pair,
# GRO on rx, TSO off on tx, deferred hard irqs and a long gro_flush_timeout
# so each burst is held and flushed together. The netns is deleted on exit.
BIN=$1
NS=ofl-gro-$$
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
command -v ip >/dev/null && command -v ethtool >/dev/null ||
	{ echo "SKIP: ip or ethtool missing"; exit 77; }
trap 'ip netns del "$NS" 2>/dev/null' EXIT INT TERM
ip netns add "$NS" 2>/dev/null || { echo "SKIP: cannot create netns"; exit 77; }
X="ip netns exec $NS"
$X sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$NS" link add ofltx type veth peer name oflrx || { echo "SKIP: veth"; exit 77; }
ip -n "$NS" link set ofltx mtu 9000
ip -n "$NS" link set oflrx mtu 9000
ip -n "$NS" link set ofltx up
ip -n "$NS" link set oflrx up
$X ethtool -K oflrx gro on >/dev/null || { echo "SKIP: gro on veth"; exit 77; }
$X ethtool -K ofltx tso off >/dev/null
# software checksum validation on rx, so a bad TCP checksum is seen by GRO
$X ethtool -K oflrx rx off >/dev/null 2>&1
$X sh -c 'echo 1 > /sys/class/net/oflrx/napi_defer_hard_irqs &&
	echo 20000000 > /sys/class/net/oflrx/gro_flush_timeout' ||
	{ echo "SKIP: napi_defer_hard_irqs/gro_flush_timeout"; exit 77; }
# VLAN GRO exists only in kernels built with CONFIG_VLAN_8021Q
if ip -n "$NS" link add link oflrx name oflvl type vlan id 5 2>/dev/null; then
	ip -n "$NS" link del oflvl
	export OFL_KERNEL_VLAN=1
fi
$X "$BIN" ofltx oflrx || exit 1
# GRE and IP-in-IP: their GRO receivers (gre_offload, ipip_offload,
# sit/ip4ip6/ip6ip6 offloads) are built in and run on any device, no
# tunnel device or module needed
OFL_IPTUN=1 $X "$BIN" ofltx oflrx || exit 1
# GENEVE needs a geneve device (its UDP socket's gro_receive)
if ! ip -n "$NS" link add oflgnv type geneve id 42 remote 198.19.0.1 \
	2>/dev/null; then
	echo "SKIP geneve (case group): the kernel has no geneve device" \
		"type (CONFIG_GENEVE off): GENEVE GRO covered by unit tests only"
else
	ip -n "$NS" link del oflgnv
	echo "SKIP geneve (case group): no kernel differential cases yet:" \
		"GENEVE GRO covered by unit tests only"
fi
[ -n "$OFL_KERNEL_VLAN" ] || echo "SKIP vlan (case group): the kernel is" \
	"built without CONFIG_VLAN_8021Q (no VLAN GRO): unit tests only"
# again with UDP GRO for forwarding (rx-udp-gro-forwarding, no socket)
$X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null ||
	{ echo "SKIP: rx-udp-gro-forwarding"; exit 0; }
OFL_UDP_FWD=1 $X "$BIN" ofltx oflrx || exit 1
# UDP inside GRE/IP-in-IP is merged with rx-udp-gro-forwarding too
OFL_UDP_FWD=1 OFL_IPTUN=1 $X "$BIN" ofltx oflrx || exit 1
# VXLAN tunnel GRO: a vxlan device on rx opens the UDP 4789 socket whose
# gro_receive (vxlan_gro_receive) makes the kernel merge inner TCP
$X ethtool -K oflrx rx-udp-gro-forwarding off >/dev/null
ip -n "$NS" addr add 198.19.0.2/24 dev oflrx
if ! ip -n "$NS" link add oflvx type vxlan id 42 dstport 4789 \
	local 198.19.0.2 dev oflrx 2>/dev/null; then
	echo "SKIP vxlan: the kernel has no vxlan device type:" \
		"tunnel GRO covered by unit tests only"
	exit 0
fi
ip -n "$NS" link set oflvx up
# outer IPv6: IPv6 on oflrx only, a second vxlan device (AF_INET6 socket)
if $X sysctl -qw net.ipv6.conf.oflrx.disable_ipv6=0 &&
	ip -n "$NS" -6 addr add 2001:db8:0:1::2/64 dev oflrx nodad &&
	ip -n "$NS" link add oflvx6 type vxlan id 42 dstport 4789 \
		local 2001:db8:0:1::2 dev oflrx 2>/dev/null &&
	ip -n "$NS" link set oflvx6 up; then
	export OFL_VXLAN6=1
else
	echo "skip vxlan6: no IPv6 vxlan device: outer IPv6 by unit tests only"
fi
OFL_VXLAN=1 $X "$BIN" ofltx oflrx || exit 1
# inner UDP of VXLAN with rx-udp-gro-forwarding: only the vx_*udp* cases
$X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null &&
	OFL_VXLAN=1 OFL_UDP_FWD=1 OFL_KDIFF_ONLY=udp $X "$BIN" ofltx oflrx
