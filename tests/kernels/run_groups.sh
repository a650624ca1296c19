#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Every GRO, GSO and checksum group of the kernel differentials against the
# kernel this runs on (a qemu guest's init, or the host from
# scripts/check-kernels.sh), one line per module and group:
#
#   kernel <release> <module> <group> <n> cases <m> mismatches PASS|FAIL|SKIP <reason>
#
# usage: run_groups.sh DIR RELEASE
#   DIR holds gro_kdiff, gso_kernel, csum_rx, kdiff.sh, kernel_gso.sh.
#   OFL_KCONFIG: the kernel's config file (for SKIP reasons); else
#   /proc/config.gz or /boot/config-RELEASE.
# The GRO profile of lib/gro follows the release (OFL_GRO_PROFILE).
D=$1
REL=$2
L=${TMPDIR:-/tmp}/ofl-kernels-$$
mkdir -p "$L"
trap 'rm -rf "$L"' EXIT INT TERM
# (ofl's --profile, tools/cli.c, maps a release the same way)
case $REL in
6.9|6.9.*|6.1[0-7]|6.1[0-7].*) prof=6.10 ;;
6.6.3[1-9]*|6.6.[4-9][0-9]*|6.6.[1-9][0-9][0-9]*) prof=6.10 ;;
6.8.[1-9][0-9]*) prof=6.10 ;;
6.[1-9].*|6.[1-9]) prof=6.1 ;;
6.18.*|6.19.*) prof=6.18 ;;
*) prof=7.0 ;;
esac
export OFL_GRO_PROFILE=$prof
# gro_kdiff's skb tap: full SKB_GSO_* type, gso_segs, the kernel's hash
[ -r "$D/gro_skbtap.bpf.o" ] && export OFL_GRO_SKBTAP="$D/gro_skbtap.bpf.o"
# IP-in-IP GSO through a tc BPF encap as well as the devices, where
# iproute2's tc is (the host; the guests' initramfs has only busybox's tc,
# which loads no BPF, and has the devices)
[ -r "$D/ipxip_encap.bpf.o" ] && tc -V 2>&1 | grep -q iproute2 &&
	export OFL_GSO_ENCAP_OBJ="$D/ipxip_encap.bpf.o"
[ -n "${OFL_KCONFIG:-}" ] || OFL_KCONFIG=/boot/config-$REL
export OFL_KCONFIG

# ---------------------------------------------------------------- GRO
sh "$D/kdiff.sh" "$D/gro_kdiff" > "$L/gro.log" 2>&1
echo "gro: kdiff.sh exit $?" >> "$L/gro.log"
# ---------------------------------------------------------------- GSO
sh "$D/kernel_gso.sh" "$D/gso_kernel" > "$L/gso.log" 2>&1
echo "gso: kernel_gso.sh exit $?" >> "$L/gso.log"
# ---------------------------------------------------------------- csum
# a veth pair of our own: frames go in on oflcka, the kernel receives them
# on oflckb (software checksum validation: rx offload off)
{
	ip link add oflcka type veth peer name oflckb &&
	ip addr add 198.18.1.2/24 dev oflckb &&
	ip -6 addr add 2001:db8:1::2/64 dev oflckb nodad &&
	ip link set oflcka up && ip link set oflckb up &&
	{ ethtool -K oflckb rx off >/dev/null 2>&1 || true; } &&
	"$D/csum_rx" oflcka oflckb
	echo "csum: csum_rx exit $?"
	ip link del oflcka
} > "$L/csum.log" 2>&1
for f in gro gso csum; do
	sed "s/^/[$f] /" "$L/$f.log"
done

# Shared by the GRO and GSO summaries below: the exit status of the
# script: a failure outside the eight named groups (an extra mode or group
# of the script) must not leave every line PASS.
OTHERS='
$1 ~ /^(gro|gso):$/ && $3 == "exit" { ex = $4 + 0 }
function others(mod, script,   g, k, nf) {
	nf = 0
	for (g in bad) {
		k = 0
		for (i = 1; i <= 8; i++)
			if (G[i] == g)
				k = 1
		if (!k) {
			printf "kernel %s %s %s 0 cases 1 mismatches FAIL %s\n", rel, mod, g, bad[g]
			nf++
		}
	}
	if (ex && !nf && !named_fail)
		printf "kernel %s %s script 0 cases 1 mismatches FAIL %s exited %d outside the named groups (see the log)\n", rel, mod, script, ex
}
'

# GRO: "ok   ipv4/name" / "FAIL ipv4/name" per case; kdiff.sh says
# "GROUP-SKIP group reason" / "GROUP-FAIL group reason" for whole groups
awk -v rel="$REL" -v prof="$prof" "$OTHERS"'
# precise(module, group, reason): the precise reason for a SKIP whose reason
# names the missing config option (what exactly the kernel then lacks)
function precise(mod, g, r) {
	if (mod "/" g == "gro/vlan" && r ~ /^CONFIG_VLAN_8021Q is not set/)
		return "CONFIG_VLAN_8021Q is not set: no VLAN GRO at all (vlan_gro_receive and the 802.1Q/802.1ad packet_offload are in net/8021q/vlan_core.c, built only with it)"
	if (mod "/" g == "gro/geneve" && r ~ /^CONFIG_GENEVE is not set/)
		return "CONFIG_GENEVE is not set: no geneve device, so no UDP 6081 socket whose gro_receive is geneve_gro_receive"
	if (mod "/" g == "gso/geneve" && r ~ /^CONFIG_GENEVE is not set/)
		return "CONFIG_GENEVE is not set: no geneve device to add the header (its segmentation, __skb_udp_tunnel_segment, is that of the vxlan group)"
	if (mod "/" g == "gso/gre" && r ~ /^CONFIG_NET_IPGRE is not set/)
		return "CONFIG_NET_IPGRE is not set (nor CONFIG_NET_IPGRE_DEMUX): no gretap device makes SKB_GSO_GRE(_CSUM) skbs (gre_gso_segment itself is built in)"
	if (mod "/" g == "gso/vlan" && r ~ /^CONFIG_VLAN_8021Q is not set/)
		return "CONFIG_VLAN_8021Q is not set: no VLAN device for the UDP_SEGMENT socket cases"
	return r
}
function grp(s,   p, n) {
	p = s; sub(/\/.*/, "", p); n = s; sub(/^[^\/]*\//, "", n)
	if (p ~ /^vxlan/) return "vxlan"
	if (p ~ /^geneve/) return "geneve"
	if (p ~ /^hwvlan/) return "hwvlan"
	if (p ~ /^outer/) return n ~ /^gre/ ? "gre" : "ipip"
	if (n == "vlan") return "vlan"
	if (n ~ /^udp/) return "udp"
	return p == "ipv6" ? "tcp6" : "tcp4"
}
$1 == "ok" || $1 == "FAIL" { g = grp($2); n[g]++; if ($1 == "FAIL") m[g]++ }
$1 == "GROUP-SKIP" { g = $2; $1 = $2 = ""; sub(/^ */, ""); skip[g] = $0 }
$1 == "GROUP-FAIL" { g = $2; $1 = $2 = ""; sub(/^ */, ""); bad[g] = $0 }
END {
	split("tcp4 tcp6 udp vlan vxlan geneve gre ipip", G, " ")
	for (i = 1; i <= 8; i++) {
		g = G[i]; c = n[g] + 0; x = m[g] + 0
		if (g in bad)
			r = "FAIL " bad[g]
		else if (x)
			r = "FAIL lib/gro profile " prof ": see the log"
		else if (c == 0 && (g in skip))
			r = "SKIP " precise("gro", g, skip[g])
		else if (c == 0)
			r = "FAIL no case ran"
		else
			r = "PASS lib/gro profile " prof
		if (r ~ /^FAIL/)
			named_fail = 1
		printf "kernel %s gro %s %d cases %d mismatches %s\n", rel, g, c, x, r
	}
	others("gro", "kdiff.sh")
}' "$L/gro.log"

# GSO: kernel_gso prints "group G N cases M mismatches [reason]" per run
awk -v rel="$REL" "$OTHERS"'
# precise(module, group, reason): the precise reason for a SKIP whose reason
# names the missing config option (what exactly the kernel then lacks)
function precise(mod, g, r) {
	if (mod "/" g == "gro/vlan" && r ~ /^CONFIG_VLAN_8021Q is not set/)
		return "CONFIG_VLAN_8021Q is not set: no VLAN GRO at all (vlan_gro_receive and the 802.1Q/802.1ad packet_offload are in net/8021q/vlan_core.c, built only with it)"
	if (mod "/" g == "gro/geneve" && r ~ /^CONFIG_GENEVE is not set/)
		return "CONFIG_GENEVE is not set: no geneve device, so no UDP 6081 socket whose gro_receive is geneve_gro_receive"
	if (mod "/" g == "gso/geneve" && r ~ /^CONFIG_GENEVE is not set/)
		return "CONFIG_GENEVE is not set: no geneve device to add the header (its segmentation, __skb_udp_tunnel_segment, is that of the vxlan group)"
	if (mod "/" g == "gso/gre" && r ~ /^CONFIG_NET_IPGRE is not set/)
		return "CONFIG_NET_IPGRE is not set (nor CONFIG_NET_IPGRE_DEMUX): no gretap device makes SKB_GSO_GRE(_CSUM) skbs (gre_gso_segment itself is built in)"
	if (mod "/" g == "gso/vlan" && r ~ /^CONFIG_VLAN_8021Q is not set/)
		return "CONFIG_VLAN_8021Q is not set: no VLAN device for the UDP_SEGMENT socket cases"
	return r
}
$1 == "group" { g = $2; n[g] += $3; m[g] += $5; if ($5 + 0) why[g] = why[g] " " $0 }
# "GROUP-PARTIAL g N what": N added up over the runs of the group
$1 == "GROUP-PARTIAL" { g = $2; pn[g] += $3; $1 = $2 = $3 = ""; sub(/^ */, ""); part[g] = $0 }
# "GROUP-VIA g N what": N cases of the group ran through UDP_SEGMENT sockets
$1 == "GROUP-VIA" { vn[$2] += $3 }
# a group made of several devices (ipip: ipip, sit, ip6tnl) may lack some
$1 == "GROUP-SKIP" { g = $2; $1 = $2 = ""; sub(/^ */, ""); s = (g in skip) ? (index(skip[g], $0) ? skip[g] : skip[g] "; " $0) : $0; skip[g] = s }
$1 == "GROUP-FAIL" { g = $2; $1 = $2 = ""; sub(/^ */, ""); bad[g] = $0 }
END {
	split("tcp4 tcp6 udp vlan vxlan geneve gre ipip", G, " ")
	for (i = 1; i <= 8; i++) {
		g = G[i]; c = n[g] + 0; x = m[g] + 0
		if (g in bad)
			r = "FAIL " bad[g]
		else if (x)
			r = "FAIL see the log"
		else if (c == 0 && (g in skip))
			r = "SKIP " precise("gso", g, skip[g])
		else if (c == 0)
			r = "FAIL no case ran"
		else
			r = "PASS" ((g in vn) ? " (" vn[g] " of them through UDP_SEGMENT sockets)" : "") \
			    ((g in part) ? " but " pn[g] " " part[g] : "") \
			    ((g in skip) ? " (not run: " skip[g] ")" : "")
		if (r ~ /^FAIL/)
			named_fail = 1
		printf "kernel %s gso %s %d cases %d mismatches %s\n", rel, g, c, x, r
	}
	others("gso", "kernel_gso.sh")
}' "$L/gso.log"

# csum: csum_rx prints "group G N cases M mismatches" (per-frame verdicts)
awk -v rel="$REL" '
$1 == "group" { n[$2] = $3; m[$2] = $5; seen[$2] = 1 }
END {
	split("udp4 udp6 tcp4 tcp6", G, " ")
	for (i = 1; i <= 4; i++) {
		g = G[i]
		if (!(g in seen))
			r = "FAIL no result (see the log)"
		else if (m[g] + 0)
			r = "FAIL per-frame verdicts differ"
		else if (n[g] + 0 == 0)
			r = "FAIL no case ran"
		else
			r = "PASS per-frame verdicts"
		printf "kernel %s csum rx_%s %d cases %d mismatches %s\n", rel, g, n[g], m[g], r
	}
}' "$L/csum.log"
