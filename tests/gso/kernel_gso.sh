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
# BIG TCP super-frames (100000-180000 bytes; IPv4 tot_len 0, IPv6 jumbo
# hop-by-hop header) with gso_max_size/gso_ipv4_max_size 185000 on gt0
# (77: the kernel's packet socket cannot send such a frame, said loudly)
x "$bin" gt0 gr0 big 30; r=$?
[ $r = 0 ] || [ $r = 77 ] || rc=1
# the same corpus with tx-checksumming on: segments keep CHECKSUM_PARTIAL
if x ethtool -K gt0 tx on >/dev/null 2>&1 &&
	x ethtool -K gt0 tso off gso off tx-udp-segmentation off >/dev/null 2>&1
then
	x "$bin" gt0 gr0 partial "$@" || rc=1
	x "$bin" gt0 gr0 bigpartial 30; r=$?
	[ $r = 0 ] || [ $r = 77 ] || rc=1
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
# UDP GSO as applications ask for it: UDP sockets with UDP_SEGMENT
# (kernel_gso.c sock_main). On 6.1 the only way, since its packet socket
# has no VIRTIO_NET_HDR_GSO_UDP_L4; run on every kernel. "partial": the
# socket in $ns sends out of gt0 with tx-checksumming on (udp_send_skb
# wants CHECKSUM_PARTIAL for GSO); "complete" and "partial" again: the
# socket in a sender namespace, its GSO skb forwarded whole into gt0.
sns=ofl-gsos-$$
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$sns" 2>/dev/null' \
	EXIT INT TERM
fwd=
if ip netns add "$sns" &&
	ip -n "$ns" link add uf0 type veth peer name us0 netns "$sns" &&
	x sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 \
		net.ipv6.conf.uf0.disable_ipv6=0 &&
	ip -n "$ns" addr add 198.18.2.2/24 dev uf0 &&
	ip -n "$ns" -6 addr add 2001:db8:0:2::2/64 dev uf0 nodad &&
	ip -n "$ns" link set uf0 mtu 9500 up &&
	ip -n "$sns" link set lo up &&
	ip -n "$sns" addr add 198.18.2.1/24 dev us0 &&
	ip -n "$sns" -6 addr add 2001:db8:0:2::1/64 dev us0 nodad &&
	ip -n "$sns" link set us0 mtu 9500 up &&
	ip netns exec "$sns" ethtool -K us0 tx on gso on \
		tx-udp-segmentation on >/dev/null &&
	ip -n "$sns" route add 198.18.0.0/16 via 198.18.2.2 &&
	ip -n "$sns" -6 route add 2001:db8::/32 via 2001:db8:0:2::2
then
	fwd=/run/netns/$sns
else
	echo "GROUP-FAIL udp cannot set up the sender namespace $sns"
	rc=1
fi
# sockrun group dst4 dst6 [cases [modes]]: the plain udp group runs 120
# datagrams (+ the edge cases) in all three modes; VLAN and the tunnels
# (added headers only, the same UDP GSO under them) 30 in two, which keeps
# the TCG guests' time down
sockrun() {
	_n=${4:-120}
	for m in ${5:--:partial $fwd:complete $fwd:partial}; do
		[ "${m%:*}" = "" ] && continue
		t=off
		[ "${m#*:}" = partial ] && t=on
		if ! { x ethtool -K gt0 tx $t &&
			x ethtool -K gt0 tso off gso off tx-udp-segmentation off
		} >/dev/null 2>&1; then
			echo "GROUP-FAIL $1 ethtool -K gt0 tx $t failed"
			rc=1
			continue
		fi
		f=
		[ "${m%:*}" = - ] || f=uf0
		OFL_GSO_GROUP=$1 OFL_GSO_SOCK_DST4=$2 OFL_GSO_SOCK_DST6=$3 \
			OFL_GSO_SOCK_FWD_IF=$f \
			x "$bin" "${m%:*}" gr0 "sock:${m#*:}" "$_n" || rc=1
	done
	x ethtool -K gt0 tx off >/dev/null 2>&1
}
# socktun group dev l2|l3 fams: the UDP_SEGMENT cases through tunnel device
# dev (after its packet-socket cases): inner UDP GSO that 6.1's packet
# socket cannot carry; the kernel adds the outer headers, TX segments
socktun() {
	_d=$2
	case $4 in *6*) x sysctl -qw net.ipv6.conf.$_d.disable_ipv6=0 ;; esac
	ip -n "$ns" addr add 198.18.6.1/24 dev "$_d" || {
		echo "GROUP-FAIL $1 cannot address $_d for the socket cases"
		rc=1
		return 0
	}
	_d6=-
	case $4 in *6*)
		ip -n "$ns" -6 addr add 2001:db8:0:6::1/64 dev "$_d" nodad &&
			_d6=2001:db8:0:6::2 ;;
	esac
	if [ "$3" = l2 ]; then
		ip -n "$ns" neigh add 198.18.6.2 lladdr 02:00:00:00:00:02 \
			dev "$_d" nud permanent
		[ "$_d6" = - ] || ip -n "$ns" -6 neigh add 2001:db8:0:6::2 \
			lladdr 02:00:00:00:00:02 dev "$_d" nud permanent
	fi
	sockrun "$1" 198.18.6.2 "$_d6" 30 "-:partial $fwd:complete"
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
	socktun "$grp" "$d" l2 46
	ip -n "$ns" link del "$d"
}
loc="local 198.18.0.1 remote 198.18.0.2"
tun vxlan CONFIG_VXLAN vx0 50 type vxlan id 42 $loc dev gt0 dstport 4789 udpcsum
tun vxlan CONFIG_VXLAN vx1 50 type vxlan id 43 $loc dev gt0 dstport 4789 noudpcsum
tun geneve CONFIG_GENEVE gn0 50 type geneve id 44 remote 198.18.0.2 udpcsum
tun geneve CONFIG_GENEVE gn1 50 type geneve id 45 remote 198.18.0.2 noudpcsum
tun gre CONFIG_NET_IPGRE oflgt0 38 type gretap $loc
tun gre CONFIG_NET_IPGRE oflgt1 42 type gretap $loc csum
# IP-in-IP (ipip, sit, ip6tnl: L3 devices over TX; kernel_gso.c "l3"
# mode): the kernel adds the outer IPv4/IPv6 header and segments with
# SKB_GSO_IPXIP4 / SKB_GSO_IPXIP6, with TX's checksum offload off
# (complete) and on (partial). IPv6 on TX for ip6tnl's underlay only.
x sysctl -qw net.ipv6.conf.gt0.disable_ipv6=0 net.ipv6.conf.gt0.accept_ra=0 \
	net.ipv6.conf.gt0.router_solicitations=0
ip -n "$ns" -6 addr add 2001:db8:0:1::1/64 dev gt0 nodad
ip -n "$ns" -6 neigh add 2001:db8:0:1::2 lladdr 02:00:00:00:00:02 dev gt0 \
	nud permanent
l3tun() { # config name olen fams ip-link-args...
	cfg=$1 d=$2 ol=$3 fams=$4
	shift 4
	if ! ip -n "$ns" link add "$d" "$@"; then
		case $(kcfg "$cfg") in
		n) echo "GROUP-SKIP ipip $cfg is not set: no $2 device" ;;
		*) echo "GROUP-FAIL ipip cannot create $d ($*)," \
			"$cfg=$(kcfg "$cfg")"
		   rc=1 ;;
		esac
		return 0
	fi
	ip -n "$ns" link set "$d" mtu 9000 up
	for cs in complete partial; do
		if [ $cs = partial ] && ! { x ethtool -K gt0 tx on &&
			x ethtool -K gt0 tso off gso off tx-udp-segmentation off
		} >/dev/null 2>&1; then
			echo "GROUP-FAIL ipip ethtool -K gt0 tx on failed"
			rc=1
			continue
		fi
		OFL_GSO_GROUP=ipip x "$bin" "$d" gr0 "l3:$ol:$fams:$cs" 60 ||
			rc=1
	done
	x ethtool -K gt0 tx off >/dev/null 2>&1
	socktun ipip "$d" l3 "$fams"
	ip -n "$ns" link del "$d"
}
l6="local 2001:db8:0:1::1 remote 2001:db8:0:1::2"
l3tun CONFIG_NET_IPIP oflip0 34 4 type ipip $loc
l3tun CONFIG_IPV6_SIT oflsit0 34 46 type sit $loc mode any
# ip6tnl writes a Tunnel Encapsulation Limit destination option (8 bytes,
# ip6_tnl_xmit: init_tel_txopt, encaplimit 4) unless told not to
l3tun CONFIG_IPV6_TUNNEL oflip6t0 62 46 type ip6tnl $l6 mode any
l3tun CONFIG_IPV6_TUNNEL oflip6t1 54 46 type ip6tnl $l6 mode any \
	encaplimit none
# UDP GSO through UDP_SEGMENT sockets (sockrun above) on TX itself
sockrun udp 198.18.0.2 2001:db8:0:1::2
# the same through an 802.1Q device on gt0 (tag in the data on gr0)
if ip -n "$ns" link add link gt0 name gtv0 type vlan id 100; then
	x sysctl -qw net.ipv6.conf.gtv0.disable_ipv6=0 \
		net.ipv6.conf.gtv0.accept_ra=0
	ip -n "$ns" addr add 198.18.4.1/24 dev gtv0
	ip -n "$ns" -6 addr add 2001:db8:0:4::1/64 dev gtv0 nodad
	ip -n "$ns" link set gtv0 up
	ip -n "$ns" neigh add 198.18.4.2 lladdr 02:00:00:00:00:02 dev gtv0 \
		nud permanent
	ip -n "$ns" -6 neigh add 2001:db8:0:4::2 lladdr 02:00:00:00:00:02 \
		dev gtv0 nud permanent
	sockrun vlan 198.18.4.2 2001:db8:0:4::2 30 "-:partial $fwd:complete"
	ip -n "$ns" link del gtv0
else
	case $(kcfg CONFIG_VLAN_8021Q) in
	n) echo "GROUP-SKIP vlan CONFIG_VLAN_8021Q is not set: no VLAN" \
		"device for the UDP_SEGMENT socket cases" ;;
	*) echo "GROUP-FAIL vlan cannot create a VLAN device," \
		"CONFIG_VLAN_8021Q=$(kcfg CONFIG_VLAN_8021Q)"
	   rc=1 ;;
	esac
fi
# The same IPXIP4/IPXIP6 GSO without a tunnel device (the host of record
# has none): tests/gso/ipxip_encap.bpf.c on TX's tc egress puts an outer
# IPv4 (tc4) or IPv6 (tc6) header on each super-frame with
# bpf_skb_adjust_room(ENCAP_L3_IPV4/6), the veth segments it. Run where
# OFL_GSO_ENCAP_OBJ names the object (ctest, check-kernels on the host).
if [ -n "${OFL_GSO_ENCAP_OBJ:-}" ]; then
	if ! command -v tc >/dev/null || ! x tc qdisc add dev gt0 clsact; then
		echo "GROUP-FAIL ipip OFL_GSO_ENCAP_OBJ set but no tc clsact on gt0"
		rc=1
	else
		for sec in tc4:34 tc6:54; do
			for cs in complete partial; do
				t=off
				[ $cs = partial ] && t=on
				x ethtool -K gt0 tx $t >/dev/null 2>&1
				x ethtool -K gt0 tso off gso off \
					tx-udp-segmentation off >/dev/null 2>&1
				if ! x tc filter replace dev gt0 egress pref 1 \
					bpf da obj "$OFL_GSO_ENCAP_OBJ" \
					sec "${sec%:*}"; then
					echo "GROUP-FAIL ipip cannot attach" \
						"$OFL_GSO_ENCAP_OBJ ${sec%:*}"
					rc=1
					continue
				fi
				OFL_GSO_GROUP=ipip x "$bin" gt0 gr0 \
					"l3e:${sec#*:}:46:$cs" 60 || rc=1
			done
		done
		x ethtool -K gt0 tx off >/dev/null 2>&1
		x tc qdisc del dev gt0 clsact
	fi
fi
exit $rc
