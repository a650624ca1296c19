#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# lib/gso against the running kernel's software GSO (see kernel_gso.c):
# a private network namespace with a veth pair, deleted on exit.
set -u
bin=$1
shift
ns=ofl-gso-$$
ip netns add "$ns" 2>/dev/null ||
	{ echo "SKIP: cannot create a network namespace (need root)"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT INT TERM
x() { ip netns exec "$ns" "$@"; }
x sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$ns" link add gt0 type veth peer name gr0 ||
	{ echo "SKIP: cannot create veth"; exit 77; }
ip -n "$ns" link set gt0 mtu 9500 up
ip -n "$ns" link set gr0 mtu 9500 up
x ethtool -K gt0 tso off gso off tx off >/dev/null 2>&1 ||
	{ echo "SKIP: ethtool -K gt0 tso off gso off tx off failed"; exit 77; }
x ethtool -K gr0 gro off >/dev/null 2>&1 || true
# keep VLAN tags in the frame data (no rx-vlan-hw-parse on the peer)
x ethtool -K gr0 rxvlan off >/dev/null 2>&1 || true
x ethtool -K gt0 txvlan off >/dev/null 2>&1 || true
rc=0
x "$bin" gt0 gr0 complete "$@" || rc=1
# the same corpus with tx-checksumming on: segments keep CHECKSUM_PARTIAL
if x ethtool -K gt0 tx on >/dev/null 2>&1 &&
	x ethtool -K gt0 tso off gso off tx-udp-segmentation off >/dev/null 2>&1
then
	x "$bin" gt0 gr0 partial "$@" || rc=1
else
	echo "FAIL: ethtool -K gt0 tx on, tso/gso/tx-udp-segmentation off failed"
	rc=1
fi
# Tunnels: the kernel adds the outer headers (vxlan, geneve, gretap over
# TX) and segments with SKB_GSO_UDP_TUNNEL(_CSUM) / SKB_GSO_GRE(_CSUM).
x ethtool -K gt0 tx off >/dev/null 2>&1
ip -n "$ns" link set gt0 address 02:00:00:00:00:01
ip -n "$ns" addr add 198.18.0.1/24 dev gt0
ip -n "$ns" neigh add 198.18.0.2 lladdr 02:00:00:00:00:02 dev gt0 nud permanent
# kcfg OPTION: y, m, n, or ? (no configuration: OFL_KCONFIG,
# /proc/config.gz or /boot/config-$(uname -r))
kcfg() {
	if [ -n "${OFL_KCONFIG:-}" ] && [ -r "$OFL_KCONFIG" ]; then
		c="cat $OFL_KCONFIG"
	elif [ -r /proc/config.gz ]; then
		c="zcat /proc/config.gz"
	elif [ -r "/boot/config-$(uname -r)" ]; then
		c="cat /boot/config-$(uname -r)"
	else
		echo "?"; return
	fi
	v=$($c | sed -n "s/^$1=\(.*\)/\1/p")
	echo "${v:-n}"
}
tun() { # group config name olen ip-link-args...
	grp=$1 cfg=$2 d=$3 ol=$4
	shift 4
	if ! ip -n "$ns" link add "$d" address 02:00:00:00:00:01 "$@"; then
		case $(kcfg "$cfg") in
		n) echo "GROUP-SKIP $grp $cfg is not set: no $d ($*)" ;;
		*) echo "GROUP-FAIL $grp cannot create $d ($*)," \
			"$cfg=$(kcfg "$cfg")"
		   rc=1 ;;
		esac
		return 0
	fi
	ip -n "$ns" link set "$d" mtu 9000 up
	OFL_GSO_GROUP=$grp x "$bin" "$d" gr0 "tunnel:$ol" 60 || rc=1
	ip -n "$ns" link del "$d"
}
loc="local 198.18.0.1 remote 198.18.0.2"
tun vxlan CONFIG_VXLAN vx0 50 type vxlan id 42 $loc dev gt0 dstport 4789 udpcsum
tun vxlan CONFIG_VXLAN vx1 50 type vxlan id 43 $loc dev gt0 dstport 4789 noudpcsum
tun geneve CONFIG_GENEVE gn0 50 type geneve id 44 remote 198.18.0.2 udpcsum
tun geneve CONFIG_GENEVE gn1 50 type geneve id 45 remote 198.18.0.2 noudpcsum
tun gre CONFIG_NET_IPGRE oflgt0 38 type gretap $loc
tun gre CONFIG_NET_IPGRE oflgt1 42 type gretap $loc csum
exit $rc
