#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# lib/gro against the running kernel: a private netns with a veth pair,
# GRO on rx, TSO off on tx, deferred hard irqs and a long gro_flush_timeout
# so each burst is held and flushed together. The netns is deleted on exit.
#
# Every case group runs or is accounted for: a group the kernel cannot run
# prints "GROUP-SKIP <group> <reason>" only when the kernel's configuration
# (OFL_KCONFIG, /proc/config.gz or /boot/config-$(uname -r)) lacks the
# option; a device or feature that should be there but cannot be set up is
# "GROUP-FAIL <group> <reason>" and the exit status is 1. So is a group
# with no kernel differential cases.
BIN=$1
NS=ofl-gro-$$
rc=0
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
command -v ip >/dev/null && command -v ethtool >/dev/null ||
	{ echo "SKIP: ip or ethtool missing"; exit 77; }
trap 'ip netns del "$NS" 2>/dev/null' EXIT INT TERM
ip netns add "$NS" 2>/dev/null || { echo "SKIP: cannot create netns"; exit 77; }
X="ip netns exec $NS"

# kcfg OPTION: prints y, m, n, or ? (no configuration file found)
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
# missing GROUP OPTION WHAT: WHAT could not be set up for GROUP
missing() {
	case $(kcfg "$2") in
	n) echo "GROUP-SKIP $1 $2 is not set: the kernel has no $3" ;;
	\?) echo "GROUP-FAIL $1 $3 failed and no kernel configuration says why"
	    rc=1 ;;
	*) echo "GROUP-FAIL $1 $2=$(kcfg "$2") but $3 failed"
	   rc=1 ;;
	esac
}
run() { # the driver; a failing run makes the exit status 1
	$X "$BIN" ofltx oflrx || rc=1
}

$X sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$NS" link add ofltx type veth peer name oflrx || { echo "SKIP: veth"; exit 77; }
ip -n "$NS" link set ofltx mtu 9000
ip -n "$NS" link set oflrx mtu 9000
ip -n "$NS" link set ofltx up
ip -n "$NS" link set oflrx up
$X ethtool -K oflrx gro on >/dev/null || { echo "FAIL: gro on veth"; exit 1; }
$X ethtool -K ofltx tso off >/dev/null
# software checksum validation on rx, so a bad TCP checksum is seen by GRO
$X ethtool -K oflrx rx off >/dev/null 2>&1
$X sh -c 'echo 1 > /sys/class/net/oflrx/napi_defer_hard_irqs &&
	echo 20000000 > /sys/class/net/oflrx/gro_flush_timeout' ||
	{ echo "FAIL: napi_defer_hard_irqs/gro_flush_timeout"; exit 1; }
# VLAN GRO exists only in kernels built with CONFIG_VLAN_8021Q
if ip -n "$NS" link add link oflrx name oflvl type vlan id 5 2>/dev/null; then
	ip -n "$NS" link del oflvl
	export OFL_KERNEL_VLAN=1
else
	missing vlan CONFIG_VLAN_8021Q "vlan device type (VLAN GRO)"
fi
run
# BIG TCP and long flows (issue 15): a second veth pair with gro_max_size
# and gro_ipv4_max_size 185000 (set by gro_kdiff over rtnetlink: iproute2
# 6.1 has no gro_ipv4_max_size) and a pass-through XDP program on its rx
# side (IPv6 GRO grows past 64 KiB only with 8 bytes of headroom, which
# veth gives XDP buffers); lib/gro is flushed where the kernel's polls
# ended (skb tap napi_poll records)
ip -n "$NS" link add oflbtx type veth peer name oflbrx &&
	ip -n "$NS" link set oflbtx mtu 9000 && ip -n "$NS" link set oflbrx mtu 9000 &&
	ip -n "$NS" link set oflbtx up && ip -n "$NS" link set oflbrx up ||
	{ echo "GROUP-FAIL bigtcp second veth pair"; rc=1; }
$X ethtool -K oflbrx gro on >/dev/null
$X ethtool -K oflbtx tso off >/dev/null
$X ethtool -K oflbrx rx off >/dev/null 2>&1
$X sh -c 'echo 1 > /sys/class/net/oflbrx/napi_defer_hard_irqs &&
	echo 20000000 > /sys/class/net/oflbrx/gro_flush_timeout'
if [ -n "${OFL_GRO_SKBTAP:-}" ]; then
	OFL_BIGTCP=185000 $X "$BIN" oflbtx oflbrx || rc=1
	# the same flows inside VXLAN: stopped at 64 KiB (encapsulated)
	if ip -n "$NS" addr add 198.19.0.2/24 dev oflbrx &&
		ip -n "$NS" link add oflbvx type vxlan id 42 dstport 4789 \
			local 198.19.0.2 dev oflbrx 2>/dev/null &&
		ip -n "$NS" link set oflbvx up; then
		OFL_VXLAN=1 OFL_BIG_VX=1 OFL_BIGTCP=185000 $X "$BIN" \
			oflbtx oflbrx || rc=1
		ip -n "$NS" link del oflbvx
	else
		missing bigtcp-vxlan CONFIG_VXLAN "vxlan device type"
	fi
else
	echo "GROUP-FAIL bigtcp needs the skb tap (OFL_GRO_SKBTAP)"
	rc=1
fi
ip -n "$NS" link del oflbtx
# GRE and IP-in-IP: their GRO receivers (gre_offload, ipip_offload,
# sit/ip4ip6/ip6ip6 offloads) are built in and run on any device, no
# tunnel device or module needed
OFL_IPTUN=1 run
# A tag the device stripped (hardware VLAN acceleration): a tc egress
# program (gro_hwvlan.bpf.c) moves each frame's in-band tag out of band,
# veth keeps it so to the peer, whose GRO compares skb->vlan_all
if [ -n "${OFL_GRO_HWVLAN:-}" ]; then
	if $X tc qdisc add dev ofltx clsact &&
		$X tc filter add dev ofltx egress bpf direct-action \
			obj "$OFL_GRO_HWVLAN" sec tc; then
		OFL_HWVLAN=1 run
		$X tc qdisc del dev ofltx clsact
	else
		missing hwvlan CONFIG_NET_CLS_BPF "a tc bpf program"
	fi
else
	# the guests of check-kernels: busybox tc loads no BPF
	echo "GROUP-SKIP hwvlan no tc program given (OFL_GRO_HWVLAN=" \
		"gro_hwvlan.bpf.o, set by ctest gro_kernel_diff)"
fi
# GENEVE needs a geneve device (its UDP socket's gro_receive)
if ! ip -n "$NS" link add oflgnv type geneve id 42 remote 198.19.0.1 \
	2>/dev/null; then
	missing geneve CONFIG_GENEVE "geneve device type"
else
	ip -n "$NS" link del oflgnv
	have_geneve=1
fi
# again with UDP GRO for forwarding (rx-udp-gro-forwarding, no socket;
# Linux 5.12 on)
if $X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null; then
	OFL_UDP_FWD=1 run
	# UDP inside GRE/IP-in-IP is merged with rx-udp-gro-forwarding too
	OFL_UDP_FWD=1 OFL_IPTUN=1 run
	$X ethtool -K oflrx rx-udp-gro-forwarding off >/dev/null
else
	echo "GROUP-FAIL udp ethtool -K rx-udp-gro-forwarding on failed"
	rc=1
fi
# fraglist GRO (rx-gro-list, NETIF_F_GRO_FRAGLIST): no socket in the
# namespace, so UDP (udp_gro_receive) and TCP (tcp4/6_check_fraglist_gro)
# are merged by skb_gro_receive_list; with and without
# rx-udp-gro-forwarding (fraglist takes precedence). Tunnels under
# rx-gro-list: their inner TCP and UDP too (GRE/IP-in-IP here, VXLAN
# below once its device is up).
if [ "${OFL_GRO_PROFILE:-}" = 6.1 ]; then
	# the kernel's outputs differ from the 6.10+ rules (no TCP fraglist
	# GRO before 6.10): lib/gro refuses the flag with profile 6.1
	# (OFL_EOPNOTSUPP, tests/gro/test_fraglist.c), so nothing to compare
	echo "fraglist: not compared on profile 6.1: lib/gro refuses" \
		"OFL_GRO_F_FRAGLIST there (not modelled; TCP fraglist GRO" \
		"came with 6.10)"
elif $X ethtool -K oflrx rx-gro-list on >/dev/null; then
	OFL_FRAGLIST=1 run
	OFL_FRAGLIST=1 OFL_IPTUN=1 run
	flist_ok=1
	if $X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null; then
		OFL_FRAGLIST=1 OFL_UDP_FWD=1 OFL_KDIFF_ONLY=udp run
		$X ethtool -K oflrx rx-udp-gro-forwarding off >/dev/null
	fi
	$X ethtool -K oflrx rx-gro-list off >/dev/null
else
	echo "GROUP-FAIL fraglist ethtool -K rx-gro-list on failed"
	rc=1
fi
# VXLAN tunnel GRO: a vxlan device on rx opens the UDP 4789 socket whose
# gro_receive (vxlan_gro_receive) makes the kernel merge inner TCP
ip -n "$NS" addr add 198.19.0.2/24 dev oflrx
if ! ip -n "$NS" link add oflvx type vxlan id 42 dstport 4789 \
	local 198.19.0.2 dev oflrx 2>/dev/null; then
	missing vxlan CONFIG_VXLAN "vxlan device type"
	exit $rc
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
	echo "GROUP-FAIL vxlan no IPv6 vxlan device (outer IPv6)"
	rc=1
fi
OFL_VXLAN=1 run
# VXLAN under rx-gro-list: inner TCP and UDP merged by
# skb_gro_receive_list (SKB_GSO_UDP_TUNNEL[_CSUM] | FRAGLIST | TCPV4/6 or
# UDP_L4), outer UDP checksum left as the pseudo-header sum
if [ -n "${flist_ok:-}" ] && $X ethtool -K oflrx rx-gro-list on >/dev/null
then
	OFL_FRAGLIST=1 OFL_VXLAN=1 run
	$X ethtool -K oflrx rx-gro-list off >/dev/null
fi
# inner UDP of VXLAN with rx-udp-gro-forwarding: only the vx_*udp* cases
if $X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null; then
	OFL_VXLAN=1 OFL_UDP_FWD=1 OFL_KDIFF_ONLY=udp run
else
	echo "GROUP-FAIL vxlan ethtool -K rx-udp-gro-forwarding on failed:" \
		"inner UDP of VXLAN not compared"
	rc=1
fi
# GENEVE tunnel GRO: an external (collect_md) geneve device opens UDP 6081
# sockets for IPv4 and IPv6 whose gro_receive is geneve_gro_receive
if [ -n "${have_geneve:-}" ]; then
	ip -n "$NS" link del oflvx 2>/dev/null
	ip -n "$NS" link del oflvx6 2>/dev/null
	$X ethtool -K oflrx rx-udp-gro-forwarding off >/dev/null
	if ip -n "$NS" link add oflgnv type geneve external &&
		ip -n "$NS" link set oflgnv up; then
		[ -n "${OFL_VXLAN6:-}" ] && export OFL_GENEVE6=1
		OFL_GENEVE=1 run
		# GENEVE under rx-gro-list, as VXLAN above
		if [ -n "${flist_ok:-}" ] &&
			$X ethtool -K oflrx rx-gro-list on >/dev/null; then
			OFL_FRAGLIST=1 OFL_GENEVE=1 run
			$X ethtool -K oflrx rx-gro-list off >/dev/null
		fi
		if $X ethtool -K oflrx rx-udp-gro-forwarding on >/dev/null
		then
			OFL_GENEVE=1 OFL_UDP_FWD=1 OFL_KDIFF_ONLY=udp run
		else
			echo "GROUP-FAIL geneve ethtool -K" \
				"rx-udp-gro-forwarding on failed: inner UDP" \
				"of GENEVE not compared"
			rc=1
		fi
	else
		echo "GROUP-FAIL geneve cannot set up an external geneve device"
		rc=1
	fi
fi
exit $rc
