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
# again with UDP GRO for forwarding (rx-udp-gro-forwarding, no socket)
$X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null ||
	{ echo "SKIP: rx-udp-gro-forwarding"; exit 0; }
OFL_UDP_FWD=1 $X "$BIN" ofltx oflrx
