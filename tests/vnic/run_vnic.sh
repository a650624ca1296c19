#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# run_vnic.sh DIR RELEASE: the checks of make check-vnic, inside the guest
# (scripts/check-vnic.sh builds DIR: ofl.ko, ofl_vnic.ko, vnic_tool, the
# kernel's selftests toeplitz, csum, udpgso, gro, and expect_gro). One line
# per check: vnic RELEASE CHECK PASS|FAIL|SKIP details. Namespace A holds
# vnic0a (198.18.0.1, 2001:db8::1), B holds vnic0b (198.18.0.2,
# 2001:db8::2); the pair is one wire.
D=$1 REL=$2
A=vnA B=vnB
T=$D/vnic_tool
EXPECT=$(cat "$D/expect_gro")
MIB=$(cat "$D/bulk_mib" 2>/dev/null || echo 256)

res() { # check status details...
	_c=$1 _s=$2
	shift 2
	echo "vnic $REL $_c $_s $*"
}
inA() { ip netns exec $A "$@"; }
inB() { ip netns exec $B "$@"; }
# ethtool -S counter: ns dev name
st() { ip netns exec "$1" ethtool -S "$2" | awk -v n="$3:" '$1 == n { print $2 }'; }
# nstat counter (absolute): ns name
ns_ctr() { ip netns exec "$1" nstat -az "$2" 2>/dev/null | awk -v n="$2" '$1 == n { print $2 }'; }
# which linux-source the selftest was built from (check-vnic.sh)
src_of() { awk -v t="$1" '$1 == t { print "linux-source-" $2 }' "$D/selftest_src"; }
# why this release's linux-source gives no such selftest (check-vnic.sh)
lacks() { awk -v t="$1" '$1 == t && $2 == "none" { $1 = $2 = ""; sub(/^ +/, ""); print }' "$D/selftest_src"; }
csum_errs() { # ns: every *CsumErrors counter added up
	ip netns exec "$1" nstat -az 2>/dev/null |
		awk '$1 ~ /CsumErrors$/ { n += $2 } END { print n + 0 }'
}

insmod "$D/ofl.ko" || { res load FAIL "insmod ofl.ko"; exit 0; }
insmod "$D/ofl_vnic.ko" queues=4 expect_gro="$EXPECT" ||
	{ res load FAIL "insmod ofl_vnic.ko"; exit 0; }

# ---------------------------------------------------------------- identity
info=$(devlink dev info platform/ofl_vnic.0 2>&1)
dl_gro=$(echo "$info" | awk '$1 == "fw.app.ofl.gro" { print $2 }')
n_ids=$(echo "$info" | grep -c 'fw\.app\.ofl\.')
fw=$(ethtool -i vnic0a | sed -n 's/^firmware-version: //p')
short=$(echo "$info" | awk '$1 ~ /^fw\.app\.ofl\./ { printf "%s%s", s, substr($2, 1, 4); s = "." }')
if [ "$dl_gro" = "$EXPECT" ] && [ "$n_ids" -ge 5 ] && [ "$fw" = "$short" ]; then
	res identity PASS "devlink running: $n_ids fw.app.ofl.* entries, gro $dl_gro = modinfo ofl_id_gro; ethtool -i firmware-version $fw"
else
	res identity FAIL "devlink gro '$dl_gro' expected '$EXPECT', $n_ids entries, ethtool '$fw' vs '$short'"
	echo "$info"
fi

# ----------------------------------------- ofl id --device (the host side)
# the host's question "does the device run the code of this image?", asked
# with the ofl tool over devlink: equal to the ofl.ko loaded here (exit 0),
# DIFFERENT from a copy of it whose .ofl_id claims another lib/gro (exit 1),
# and no answer from a device that is not an ofl device (lo: exit 2)
idd() { # args...: the exit status; output in /tmp/idd.out, /tmp/idd.err
	ofl id --device "$@" > /tmp/idd.out 2> /tmp/idd.err
	echo $?
}
r_eq=$(idd vnic0a "$D/ofl.ko")
n_eq=$(grep -c ' equal$' /tmp/idd.out)
s_eq=$(tail -n 1 /tmp/idd.out)
r_lib=$(idd platform/ofl_vnic.0)
r_diff=$(idd vnic0b "$D/ofl_other_gro.ko")
l_diff=$(grep DIFFERENT /tmp/idd.out | tr '\n' ' ')
n_diff=$(grep -c ' equal$' /tmp/idd.out)
r_lo=$(idd lo)
e_lo=$(cat /tmp/idd.err)
d="vnic0a vs ofl.ko: exit $r_eq, $n_eq modules equal ($s_eq); platform/ofl_vnic.0 vs the tool's library: exit $r_lib; vnic0b vs ofl.ko with another gro identity: exit $r_diff, '${l_diff% }', $n_diff equal; lo: exit $r_lo ($e_lo)"
if [ "$r_eq" = 0 ] && [ "$n_eq" = "$n_ids" ] && [ "$r_lib" = 0 ] &&
	[ "$r_diff" = 1 ] && [ "$l_diff" = "gro DIFFERENT $D/ofl_other_gro.ko " ] &&
	[ "$n_diff" = $((n_ids - 1)) ] && [ "$r_lo" = 2 ]; then
	res id-device PASS "$d"
else
	res id-device FAIL "$d"
fi

ip netns add $A && ip netns add $B || { res setup FAIL "ip netns"; exit 0; }
ip link set vnic0a netns $A && ip link set vnic0b netns $B
inA ip link set lo up
inB ip link set lo up
inA ip addr add 198.18.0.1/24 dev vnic0a
inB ip addr add 198.18.0.2/24 dev vnic0b
inA ip addr add 2001:db8::1/64 dev vnic0a nodad
inB ip addr add 2001:db8::2/64 dev vnic0b nodad
inA ip link set vnic0a up
inB ip link set vnic0b up
inA ping -c 1 -W 5 198.18.0.2 > /dev/null 2>&1 ||
	res setup FAIL "no ping over the pair"

# ------------------------------------------------------------ gro identity
echo 0000 > /sys/module/ofl_vnic/parameters/expect_gro
dmesg -c > /dev/null
if inB ethtool -K vnic0b rx-gro-hw on 2> /dev/null &&
	inB ethtool -k vnic0b | grep -q 'rx-gro-hw: on'; then
	res gro-identity FAIL "rx-gro-hw went on with a wrong expected identity"
else
	refused=$(dmesg | grep -c 'rx-gro-hw refused')
	echo "$EXPECT" > /sys/module/ofl_vnic/parameters/expect_gro
	inB ethtool -K vnic0b rx-gro-hw on
	if inB ethtool -k vnic0b | grep -q 'rx-gro-hw: on' && [ "$refused" -ge 1 ]; then
		res gro-identity PASS "rx-gro-hw refused with a wrong expected lib/gro identity (kernel log: $refused line), accepted with the right one"
	else
		res gro-identity FAIL "refused $refused, then: $(inB ethtool -k vnic0b | grep rx-gro-hw)"
	fi
fi
inB ethtool -K vnic0b rx-gro-hw off

# ------------------------------------------------------ TX checksum (UDP)
udp_check() { # check family dst gso count dgram
	dst=$3 gso=$4 cnt=$5 dg=$6
	c0=$(st $A vnic0a tx_csum_ofl) g0=$(st $A vnic0a tx_gso_udp_l4)
	e0=$(csum_errs $B)
	inB "$T" udp-recv 9000 "$cnt" 20 > /tmp/udp.out &
	p=$!
	sleep 1
	inA "$T" udp-send "$dst" 9000 "$dg" "$gso" "$cnt" > /dev/null
	wait $p
	got=$(awk '$1 == "udp" { print $3 }' /tmp/udp.out)
	bad=$(awk '$1 == "udp" { print $7 }' /tmp/udp.out)
	c1=$(st $A vnic0a tx_csum_ofl) g1=$(st $A vnic0a tx_gso_udp_l4)
	e1=$(csum_errs $B)
	d="$got/$cnt datagrams of $dg bytes (UDP_SEGMENT $gso per send), $bad bad, csum errors $((e1 - e0)), tx_csum_ofl +$((c1 - c0)), tx_gso_udp_l4 +$((g1 - g0))"
	ok=0
	[ "$got" = "$cnt" ] && [ "$bad" = 0 ] && [ "$e1" = "$e0" ] && ok=1
	if [ "$gso" = 0 ]; then [ $((c1 - c0)) -ge "$cnt" ] || ok=0
	else [ $((g1 - g0)) -gt 0 ] || ok=0; fi
	if [ $ok = 1 ]; then res "$1" PASS "$d"; else res "$1" FAIL "$d"; fi
}
udp_check tx-csum-udp4 4 198.18.0.2 0 200 1000
udp_check tx-csum-udp6 6 2001:db8::2 0 200 1000
udp_check uso4 4 198.18.0.2 16 480 1200
udp_check uso6 6 2001:db8::2 16 480 1200

# ------------------------------------------------------------ TCP bulk
# why TCP retransmitted (nstat, docs/DRIVER.md): segments the receiver got
# a second time (it sends a DSACK for each: the original was not lost),
# tail loss probes and RTOs of the sender, the receiver's zero windows
rtx_snap() { # tag
	eval "rtx_$1=\"$(ns_ctr $A TcpExtTCPLossProbes) $(ns_ctr $A TcpExtTCPTimeouts) $(ns_ctr $B TcpExtTCPDSACKOldSent) $(ns_ctr $B TcpExtTCPDSACKOfoSent) $(ns_ctr $B TcpExtTCPToZeroWindowAdv)\""
}
rtx_why() {
	set -- $rtx_0 $rtx_1
	echo "(received twice: $(($8 + $9 - $3 - $4)), TLP probes $(($6 - $1)), RTOs $(($7 - $2)), receiver zero windows $((${10} - $5)))"
}
bulk() { # check dst
	g0=$(st $A vnic0a tx_gso_skbs) m0=$(st $B vnic0b rx_gro_merged)
	r0=$(ns_ctr $A TcpRetransSegs) e0=$(csum_errs $B)
	x0=$(( $(st $B vnic0b rx_drop) + $(st $A vnic0a tx_refused) ))
	k0=$(st $A vnic0a tx_csum_ofl) l0=$(st $A vnic0a tx_csum_legacy_fallback)
	v0=$(st $B vnic0b rx_gro_verified)
	rtx_snap 0
	bytes=$((MIB * 1048576))
	inB "$T" tcp-recv 9001 > /tmp/rx.out &
	p=$!
	sleep 1
	s=$(date +%s)
	inA "$T" tcp-send "$2" 9001 $bytes > /tmp/tx.out
	wait $p
	secs=$(( $(date +%s) - s ))
	g1=$(st $A vnic0a tx_gso_skbs) m1=$(st $B vnic0b rx_gro_merged)
	r1=$(ns_ctr $A TcpRetransSegs) e1=$(csum_errs $B)
	x1=$(( $(st $B vnic0b rx_drop) + $(st $A vnic0a tx_refused) ))
	k1=$(st $A vnic0a tx_csum_ofl) l1=$(st $A vnic0a tx_csum_legacy_fallback)
	v1=$(st $B vnic0b rx_gro_verified)
	rtx_snap 1
	txh=$(awk '{ print $5 }' /tmp/tx.out) rxh=$(awk '{ print $5 }' /tmp/rx.out)
	rxn=$(awk '{ print $3 }' /tmp/rx.out) bad=$(awk '{ print $7 }' /tmp/rx.out)
	d="$rxn/$bytes bytes in ${secs}s, hash $rxh (sent $txh), $bad bad bytes, TSO skbs +$((g1 - g0)), verified for lib/gro +$((v1 - v0)), other frames completed +$((k1 - k0)), legacy fallbacks +$((l1 - l0)), HW-GRO merged +$((m1 - m0)), retrans $((r1 - r0)) $(rtx_why), frames the device dropped or refused $((x1 - x0)), csum errors $((e1 - e0))"
	if [ "$rxn" = "$bytes" ] && [ "$txh" = "$rxh" ] && [ "$bad" = 0 ] &&
		[ "$x1" = "$x0" ] &&
		[ $((g1 - g0)) -gt 0 ] && [ "$e1" = "$e0" ] &&
		{ [ "$3" = sw ] || [ $((m1 - m0)) -gt 0 ]; }; then
		res "$1" PASS "$d"
	else
		res "$1" FAIL "$d"
	fi
}
# ------------------ the bulk transfer's own segments: lib/gro = kernel GRO
# Both devices record the frames they receive from the transfer's start
# (ofl_vnic's debugfs rx_record, bindings/kernel/vnic_record.c): vnic0b
# the data (the SYN, slow start, full polls, PSH, short segments), vnic0a
# the ACK stream (the SYN-ACK, ACKs, window updates), as they came off the
# wire, with their poll boundaries, RSS hash and queue. After the transfer
# each record is replayed three times, one recorded poll per NAPI poll:
# through lib/gro (rx-gro-hw on, GRO off), through the kernel's GRO
# (rx-gro-hw off, GRO on) and through neither (the segments themselves,
# counted by segstat). Each group ends with a full flush in both GROs
# (ofl_gro_flush; napi_complete_done -> napi_gro_flush with
# gro_flush_timeout 0), so both see the same frames in the same groups.
# What a packet socket sees (every TCP frame from or to port 9001, with
# its virtio_net_hdr: gso_type, gso_size, csum_start/offset) must be
# equal byte for byte.
REC_FRAMES=8192
[ -d /sys/kernel/debug/ofl_vnic ] ||
	mount -t debugfs none /sys/kernel/debug 2> /dev/null
rec_arm() {
	for dev in vnic0a vnic0b; do
		echo $REC_FRAMES > /sys/kernel/debug/ofl_vnic/$dev/rx_record
	done
}
# one replay in the current mode: capture, replay, counts into globals
replay_once() { # mode ns dev
	dbg=/sys/kernel/debug/ofl_vnic/$3
	ip netns exec $2 "$T" capture $3 3 /tmp/bcap.$1 9001 vnet > /tmp/bcap.out &
	p=$!
	sleep 1
	echo 1 > $dbg/rx_replay || echo "rx_replay failed" >> /tmp/bcap.err
	wait $p
	set -- $1 $(cat $dbg/rx_replay) $(awk '/^capture/ { print $2, $5, $7 }' /tmp/bcap.out)
	# mode frames F polls P merged M  N gso, G drops, D
	eval "rf_$1=$3 rp_$1=$5 rm_$1=$7 n_$1=$8 g_$1=${9%,} dr_$1=${10%,}"
}
gro_same_bulk() { # check family ns dev data|acks
	ns=$3 dev=$4 kind=$5
	set -- "$1" "$2" $(cat /sys/kernel/debug/ofl_vnic/$dev/rx_record)
	# check family state off frames F polls P bytes B live_merged M
	frames=$6 polls=$8 rbytes=${10} live=${12}
	: > /tmp/bcap.err
	replay_once hw $ns $dev
	ip netns exec $ns ethtool -K $dev rx-gro-hw off gro on
	replay_once sw $ns $dev
	ip netns exec $ns ethtool -K $dev gro off
	replay_once raw $ns $dev
	ip netns exec $ns ethtool -K $dev gro off rx-gro-hw on
	segs=$(ip netns exec $ns "$T" segstat /tmp/bcap.raw)
	# the first frame captured must be the SYN (SYN-ACK): TCP flags
	# after the 4-byte length, the 10-byte virtio_net_hdr, Ethernet, IP
	if [ "$2" = 4 ]; then o=61; else o=81; fi
	syn=$(( $(od -A n -t u1 -j $o -N 1 /tmp/bcap.hw 2>/dev/null || echo 0) & 2 ))
	d="$frames frames recorded by $dev from the transfer's SYN on ($rbytes bytes in $polls polls; ${segs#segstat }) replayed per poll: lib/gro $n_hw frames out ($g_hw merged; $rm_hw skbs, $live when the same polls ran live), the kernel's GRO $n_sw frames out ($g_sw merged; lib/gro $rm_sw); replayed $rf_hw/$rf_sw/$rf_raw frames, capture drops $dr_hw/$dr_sw/$dr_raw"
	# the data must merge; pure ACKs never do (in either GRO)
	merged=1
	[ $kind = data ] && [ "$g_hw" = 0 ] && merged=0
	min=1000
	[ $kind = acks ] && min=100
	if [ "${frames:-0}" -ge $min ] && [ "$rf_hw" = "$frames" ] &&
		[ "$rf_sw" = "$frames" ] && [ "$rp_hw" = "$polls" ] &&
		[ "$rp_sw" = "$polls" ] && [ "$rm_hw" = "$live" ] &&
		[ "$rm_sw" = 0 ] && [ $merged = 1 ] && [ "$g_hw" = "$g_sw" ] &&
		[ "$n_hw" = "$n_sw" ] && [ "$dr_hw" = 0 ] && [ "$dr_sw" = 0 ] &&
		[ "$rf_raw" = "$frames" ] && [ "$dr_raw" = 0 ] &&
		[ "$g_raw" = 0 ] && [ "$n_raw" -ge "$n_hw" ] &&
		[ "$(echo "$segs" | awk '{ print $2 }')" = "$n_raw" ] &&
		[ "$syn" = 2 ] && [ ! -s /tmp/bcap.err ] &&
		cmp -s /tmp/bcap.hw /tmp/bcap.sw; then
		res "$1" PASS "$d: equal byte for byte (frames, lengths, order, headers, checksums, virtio_net_hdr)"
	else
		res "$1" FAIL "$d; first frame SYN: $syn; $(cat /tmp/bcap.err) $(cmp /tmp/bcap.hw /tmp/bcap.sw 2>&1 | head -n 1)"
	fi
	rm -f /tmp/bcap.hw /tmp/bcap.sw /tmp/bcap.raw
}
gro_same_bulks() { # check family: the data at vnic0b, the ACKs at vnic0a
	# stop both records first: a replay's answers (RSTs) are traffic too
	for dev in vnic0a vnic0b; do
		echo 0 > /sys/kernel/debug/ofl_vnic/$dev/rx_record
	done
	gro_same_bulk "$1" $2 $B vnic0b data
	gro_same_bulk "$1-acks" $2 $A vnic0a acks
}

# both ends with HW-GRO (lib/gro) during the transfers
inA ethtool -K vnic0a rx-gro-hw on gro off
inB ethtool -K vnic0b rx-gro-hw on gro off
rec_arm
bulk tcp-bulk4 198.18.0.2 hw
gro_same_bulks gro-same-bulk4 4
rec_arm
bulk tcp-bulk6 2001:db8::2 hw
gro_same_bulks gro-same-bulk6 6
inA ethtool -K vnic0a rx-gro-hw off gro on
inB ethtool -K vnic0b rx-gro-hw off gro on

# ---------------------------------------------------------- RX COMPLETE
c=$(st $B vnic0b rx_csum_complete) f=$(dmesg | grep -c 'hw csum failure')
e=$(csum_errs $B)
if [ "${c:-0}" -gt 0 ] && [ "$f" = 0 ] && [ "$e" = 0 ]; then
	res rx-complete PASS "$c frames CHECKSUM_COMPLETE (lib/csum), 0 'hw csum failure', 0 csum errors"
else
	res rx-complete FAIL "$c COMPLETE frames, $f 'hw csum failure', $e csum errors"
fi

# ------------------------------------------------- RSS: toeplitz selftest
toeplitz() { # check family proto dst
	key=$(inB ethtool -x vnic0b | awk '/RSS hash key/ { getline; print }')
	inB "$D/toeplitz" -$2 -$3 -i vnic0b -d 9100 -k "$key" -T 6000 -v \
		> /tmp/tz.out 2>&1 &
	p=$!
	sleep 1
	inA "$T" flows "$([ $3 = t ] && echo tcp || echo udp)" "$4" 9100 32 > /dev/null
	wait $p
	rc=$?
	cnt=$(grep '^count:' /tmp/tz.out)
	pass=$(echo "$cnt" | sed -n 's/.*pass=\([0-9]*\).*/\1/p')
	if [ $rc = 0 ] && [ "${pass:-0}" -gt 0 ]; then
		res "$1" PASS "toeplitz.c ($(src_of toeplitz)) $cnt (key from ethtool -x)"
	else
		res "$1" FAIL "toeplitz.c exit $rc: $cnt $(tail -n 2 /tmp/tz.out | tr '\n' ' ')"
	fi
}
toeplitz rss-toeplitz-tcp4 4 t 198.18.0.2
toeplitz rss-toeplitz-udp6 6 u 2001:db8::2
# a key set through ethtool -X, then the indirection table: all to queue 2
inB ethtool -X vnic0b hkey 6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa
toeplitz rss-toeplitz-key 4 u 198.18.0.2
q0=$(inB ethtool -S vnic0b | awk '/rx_queue_2_packets/ { print $2 }')
inB ethtool -X vnic0b weight 0 0 1 0
inA "$T" flows udp 198.18.0.2 9101 32 > /dev/null
q1=$(inB ethtool -S vnic0b | awk '/rx_queue_2_packets/ { print $2 }')
spread=$(inB ethtool -S vnic0b | awk '/rx_queue_[0-9]_packets/ { printf "%s ", $2 }')
if [ $((q1 - q0)) -ge 32 ] && inB ethtool -x vnic0b | grep -q '^ *0: *2 *2'; then
	res rss-indir PASS "ethtool -X weight 0 0 1 0: 32/32 flows on queue 2 (per-queue packets: $spread)"
else
	res rss-indir FAIL "queue 2 got $((q1 - q0)) of 32 (per-queue: $spread)"
fi
inB ethtool -X vnic0b default

# ------------------------------------------- VXLAN over the vnic (TSO)
vx_ok=1
for ns in $A $B; do
	if [ $ns = $A ]; then l=1 r=2 dev=vnic0a; else l=2 r=1 dev=vnic0b; fi
	ip netns exec $ns ip link add vx0 type vxlan id 42 dstport 4789 \
		local 198.18.0.$l remote 198.18.0.$r dev $dev udpcsum || vx_ok=0
	ip netns exec $ns ip addr add 198.19.0.$l/24 dev vx0
	ip netns exec $ns ip addr add 2001:db8:1::$l/64 dev vx0 nodad
	ip netns exec $ns ip link set vx0 up
done
if [ $vx_ok = 1 ]; then
	t0=$(st $A vnic0a tx_gso_tunnel)
	bulk tcp-bulk4-vxlan 198.19.0.2 sw
	bulk tcp-bulk6-vxlan 2001:db8:1::2 sw
	t1=$(st $A vnic0a tx_gso_tunnel)
	if [ $((t1 - t0)) -gt 0 ]; then
		res tso-vxlan PASS "UDP_TUNNEL_CSUM GSO skbs cut by lib/gso: +$((t1 - t0))"
	else
		res tso-vxlan FAIL "no tunnel GSO skb reached the vnic (tx_gso_tunnel +0)"
	fi
else
	res tcp-bulk-vxlan FAIL "cannot create a vxlan device"
fi
inA ip link del vx0 2>/dev/null
inB ip link del vx0 2>/dev/null

inA ip link set vnic0a mtu 65535
inB ip link set vnic0b mtu 65535
MAC_A=aa:00:00:00:00:01 MAC_B=aa:00:00:00:00:02
inA ip link set vnic0a address $MAC_A
inB ip link set vnic0b address $MAC_B

# ---------------------------- HW GRO byte for byte = the kernel's GRO
# the same burst (vnic_tool gro-send: two flows, merges and flushes by PSH,
# timestamp and TTL) twice into vnic0b, one poll each (rx-usecs 20000):
# lib/gro (rx-gro-hw on, GRO off), then the kernel's GRO (rx-gro-hw off,
# GRO on); what a packet socket on vnic0b sees must be equal byte for byte
gro_same() { # check family
	for mode in hw sw; do
		if [ $mode = hw ]; then
			inB ethtool -K vnic0b gro off rx-gro-hw on
		else
			inB ethtool -K vnic0b rx-gro-hw off gro on
		fi
		inB ethtool -C vnic0b rx-usecs 20000
		m0=$(st $B vnic0b rx_gro_merged)
		inB "$T" capture vnic0b 2 /tmp/cap.$mode > /tmp/cap.out &
		p=$!
		sleep 1
		segs=$(inA "$T" gro-send vnic0a $MAC_B $2 | awk '{ print $2 }')
		wait $p
		m1=$(st $B vnic0b rx_gro_merged)
		eval "n_$mode=\$(awk '/^capture/ { print \$2 }' /tmp/cap.out)"
		eval "l_$mode=\"\$(sed -n 's/^capture .*lengths //p' /tmp/cap.out)\""
		eval "m_$mode=$((m1 - m0))"
	done
	inB ethtool -C vnic0b rx-usecs 0
	d="$n_hw frames after lib/gro ($m_hw merged by it), $n_sw after the kernel's GRO ($m_sw by lib/gro), from $segs segments"
	if [ "$n_hw" = "$n_sw" ] && [ "$m_hw" -gt 0 ] && [ "$m_sw" = 0 ] &&
		[ "$n_hw" -lt "$segs" ] &&
		cmp -s /tmp/cap.hw /tmp/cap.sw; then
		res "$1" PASS "$d: equal byte for byte"
	else
		res "$1" FAIL "$d: $(cmp /tmp/cap.hw /tmp/cap.sw 2>&1 | head -n 1); lib/gro: $l_hw; kernel: $l_sw"
	fi
}
MAC_A=aa:00:00:00:00:01 MAC_B=aa:00:00:00:00:02
inA ip link set vnic0a address $MAC_A
inB ip link set vnic0b address $MAC_B
gro_same gro-same-as-kernel4 4
gro_same gro-same-as-kernel6 6
inB ethtool -K vnic0b gro on rx-gro-hw off

# ------------------------------------------- the kernel's csum selftest
# the cases of tools/testing/selftests/drivers/net/hw/csum.py (6.12),
# plus the encapsulation-header case -P -e that only a protocol-agnostic
# (HW_CSUM) device passes
csum_case() { # name family rx|tx extra...
	n=$1 f=$2 dir=$3
	shift 3
	if [ $f = 4 ]; then sa=198.18.0.1 da=198.18.0.2; else sa=2001:db8::1 da=2001:db8::2; fi
	if [ $dir = rx ]; then
		inB "$D/csum" -i vnic0b -n 100 -$f -S $sa -D $da -r 1 -R "$@" > /tmp/cs.rx 2>&1 &
		p=$!
		sleep 1
		inA "$D/csum" -i vnic0a -n 100 -$f -S $sa -D $da -r 1 -T "$@" > /tmp/cs.tx 2>&1
	else
		r="-r 1"
		[ "$*" = "-U -Z" ] && r=
		inB "$D/csum" -i vnic0b -L 2 -n 100 -$f -S $sa -D $da -R $r "$@" > /tmp/cs.rx 2>&1 &
		p=$!
		sleep 1
		inA "$D/csum" -i vnic0a -L 2 -n 100 -$f -S $sa -D $da -T $r "$@" > /tmp/cs.tx 2>&1
	fi
	txrc=$?
	wait $p
	rxrc=$?
	got=$(grep -c '^rx: pkt' /tmp/cs.rx)
	if [ $txrc = 0 ] && [ $rxrc = 0 ]; then
		echo "ok ipv${f}_$n ($got packets checked)"
	else
		tail -n 5 /tmp/cs.rx /tmp/cs.tx >&2
		echo "not ok ipv${f}_$n (tx exit $txrc, rx exit $rxrc: $(grep -v '^rx: \|^tx: \|^pkt' /tmp/cs.rx | tail -n 2 | tr '\n' ' '))"
	fi
}
csum_suite() { # check
	: > /tmp/csum.ktap
	for f in 4 6; do
		csum_case rx_tcp $f rx -t
		csum_case rx_tcp_invalid $f rx -t -E
		csum_case rx_udp $f rx
		csum_case rx_udp_invalid $f rx -E
		csum_case tx_udp_csum_offload $f tx -U
		csum_case tx_udp_zero_checksum $f tx -U -Z
		csum_case tx_encap_pfpacket $f tx -P -t -e -s $MAC_A -d $MAC_B
		csum_case tx_tcp_pfpacket $f tx -P -t -s $MAC_A -d $MAC_B
	done >> /tmp/csum.ktap
	ok=$(grep -c '^ok' /tmp/csum.ktap) nok=$(grep -c '^not ok' /tmp/csum.ktap)
	if [ "$nok" = 0 ] && [ "$ok" -gt 0 ]; then
		res "$1" PASS "csum.c ($(src_of csum)): $ok/$((ok + nok)) ok ($(grep -o '[0-9]* packets checked' /tmp/csum.ktap | awk '{ n += $1 } END { print n }') packets checked by the receiver)"
	else
		res "$1" FAIL "csum.c: $ok ok, $nok not ok: $(grep '^not ok' /tmp/csum.ktap | head -n 3 | tr '\n' ' ')"
	fi
}
if [ -x "$D/csum" ]; then
	csum_suite selftest-csum
else
	res selftest-csum SKIP "$(lacks csum)"
fi

# ------------------------------------------- the kernel's udpgso selftest
# udpgso.sh's cases over a device ("sink"): the vnic instead of a dummy,
# with its USO on, off, and checksum offload off; the datagrams go to the
# peer, whose UDP checks their checksums
udpgso_suite() {
	inA ip addr flush dev vnic0a
	inB ip addr flush dev vnic0b
	inA ip link set vnic0a mtu 1500
	inB ip link set vnic0b mtu 1500
	inA ip addr add 198.18.0.0/24 dev vnic0a
	inA ip addr add 2001:db8::2/64 dev vnic0a nodad
	inB ip addr add 198.18.0.1/24 dev vnic0b
	inB ip addr add 2001:db8::1/64 dev vnic0b nodad
	e0=$(csum_errs $B) g0=$(st $A vnic0a tx_gso_udp_l4)
	ok=0 nok=0 msg=
	for mode in "hw-gso-hw-csum on on" "sw-gso-hw-csum on off" "sw-gso-sw-csum off off"; do
		set -- $mode
		inA ethtool -K vnic0a tx-checksum-ip-generic $2 tx-udp-segmentation $3 > /dev/null 2>&1
		for f in 4 6; do
			if inA "$D/udpgso" -$f -C -R > /tmp/ug.out 2>&1; then
				ok=$((ok + 1))
			else
				nok=$((nok + 1))
				msg="$msg ipv$f-$1: $(tail -n 1 /tmp/ug.out)"
			fi
		done
	done
	inA ethtool -K vnic0a tx-checksum-ip-generic on tx-udp-segmentation on > /dev/null 2>&1
	e1=$(csum_errs $B) g1=$(st $A vnic0a tx_gso_udp_l4)
	d="udpgso.c ($(src_of udpgso)) -C -R: $ok/$((ok + nok)) runs ok, USO skbs cut by lib/gso +$((g1 - g0)), peer csum errors $((e1 - e0))$msg"
	if [ $nok = 0 ] && [ $((g1 - g0)) -gt 0 ] && [ "$e1" = "$e0" ]; then
		res selftest-udpgso PASS "$d"
	else
		res selftest-udpgso FAIL "$d"
	fi
	inA ip addr flush dev vnic0a
	inB ip addr flush dev vnic0b
	inA ip link set vnic0a mtu 65535
	inB ip link set vnic0b mtu 65535
	inA ip addr add 198.18.0.1/24 dev vnic0a
	inB ip addr add 198.18.0.2/24 dev vnic0b
	inA ip addr add 2001:db8::1/64 dev vnic0a nodad
	inB ip addr add 2001:db8::2/64 dev vnic0b nodad
}
if [ -x "$D/udpgso" ]; then
	udpgso_suite
else
	res selftest-udpgso SKIP "$(lacks udpgso)"
fi

# --------------------------------------------- the kernel's GRO selftest
# gro.sh's runs (6 tests x IPv4/IPv6, up to 3 tries each as gro.sh does),
# the receiver with software GRO off and rx-gro-hw on: every coalescing
# decision the test checks is lib/gro's. rx-usecs 20000 stands in for
# gro.sh's gro_flush_timeout: the device polls once per burst.
gro_suite() {
	inB ethtool -K vnic0b gro off rx-gro-hw on
	inB ethtool -C vnic0b rx-usecs 20000
	inA ethtool -K vnic0a tso off
	m0=$(st $B vnic0b rx_gro_merged)
	ok=0 nok=0 msg=
	for proto in ipv4 ipv6; do
		for t in data ack flags tcp ip large; do
			a="--$proto --dmac $MAC_B --smac $MAC_A --test $t --verbose"
			rc=1 try=0
			while [ $rc != 0 ] && [ $try -lt 3 ]; do
				inB "$D/gro" $a --rx --iface vnic0b > /tmp/gro.rx 2>&1 &
				p=$!
				sleep 1
				inA "$D/gro" $a --iface vnic0a > /tmp/gro.tx 2>&1
				wait $p
				rc=$?
				try=$((try + 1))
			done
			if [ $rc = 0 ]; then
				ok=$((ok + 1))
			else
				nok=$((nok + 1))
				msg="$msg ${proto}_$t: $(grep -i 'fail\|error\|expected' /tmp/gro.rx | head -n 2 | tr '\n' ' ')"
				cp /tmp/gro.rx /tmp/gro.fail.${proto}_$t
			fi
		done
	done
	m1=$(st $B vnic0b rx_gro_merged)
	inB ethtool -C vnic0b rx-usecs 0
	inB ethtool -K vnic0b gro on rx-gro-hw off
	inA ethtool -K vnic0a tso on
	d="gro.c ($(src_of gro)): $ok/$((ok + nok)) tests ok (software GRO off, rx-gro-hw on; lib/gro merged +$((m1 - m0)))$msg"
	if [ $nok = 0 ] && [ $((m1 - m0)) -gt 0 ]; then
		res selftest-gro PASS "$d"
	else
		res selftest-gro FAIL "$d"
		for f in /tmp/gro.fail.*; do [ -f "$f" ] && { echo "== $f"; tail -n 20 "$f"; }; done
	fi
}
gro_suite

dmesg | grep -q 'ofl_vnic: frame refused' &&
	res tx-refused FAIL "$(dmesg | grep 'frame refused' | head -n 3 | tr '\n' ' ')"

# ---------------------------------------------------- the legacy device
# reloaded with legacy=1: NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM only, and
# ofl_csum_hwoffload_legacy_check per packet (ndo_features_check); the
# encapsulation-header case must take the software fallback
ip netns del $A
ip netns del $B
rmmod ofl_vnic && insmod "$D/ofl_vnic.ko" queues=4 legacy=1 expect_gro="$EXPECT" ||
	{ res legacy FAIL "cannot reload ofl_vnic with legacy=1"; exit 0; }
ip netns add $A && ip netns add $B
ip link set vnic0a netns $A && ip link set vnic0b netns $B
inA ip link set lo up
inB ip link set lo up
inA ip link set vnic0a address $MAC_A mtu 65535 up
inB ip link set vnic0b address $MAC_B mtu 65535 up
inA ip addr add 198.18.0.1/24 dev vnic0a
inB ip addr add 198.18.0.2/24 dev vnic0b
inA ip addr add 2001:db8::1/64 dev vnic0a nodad
inB ip addr add 2001:db8::2/64 dev vnic0b nodad
inA ping -c 1 -W 5 198.18.0.2 > /dev/null 2>&1
feat=$(inA ethtool -k vnic0a | grep -E '^\s*tx-checksum-(ip-generic|ipv4|ipv6):' | tr -s ' \t\n' ' ')
f0=$(st $A vnic0a tx_csum_legacy_fallback) c0=$(st $A vnic0a tx_csum_ofl)
if [ -x "$D/csum" ]; then
	csum_suite legacy-selftest-csum
else
	res legacy-selftest-csum SKIP "$(lacks csum)"
fi
# and on every kernel: 200 plain UDP datagrams (the device completes them)
# and 200 with IPv4 options (the check refuses them: the stack completes
# them), every byte checked by the receiver
legacy_udp() { # extra: "got/count bad"
	inB "$T" udp-recv 9002 200 20 > /tmp/lu.out &
	p=$!
	sleep 1
	inA "$T" udp-send 198.18.0.2 9002 1000 0 200 $1 > /dev/null
	wait $p
	awk '$1 == "udp" { print $3 "/200 " $7 }' /tmp/lu.out
}
e0=$(csum_errs $B) u0=$(st $A vnic0a tx_csum_legacy_fallback)
plain=$(legacy_udp)
u1=$(st $A vnic0a tx_csum_legacy_fallback)
opt=$(legacy_udp ipopt)
u2=$(st $A vnic0a tx_csum_legacy_fallback) e1=$(csum_errs $B)
f1=$(st $A vnic0a tx_csum_legacy_fallback) c1=$(st $A vnic0a tx_csum_ofl)
d="features:$feat; device completed $((c1 - c0)) frames, $((f1 - f0)) went to the software fallback (ofl_csum_hwoffload_legacy_check refused them); UDP plain ${plain% *} (fallback +$((u1 - u0)), ${plain#* } bad), with IPv4 options ${opt% *} (fallback +$((u2 - u1)), ${opt#* } bad), csum errors $((e1 - e0))"
if [ $((f1 - f0)) -gt 0 ] && [ $((c1 - c0)) -ge 200 ] &&
	[ "$plain" = "200/200 0" ] && [ "$opt" = "200/200 0" ] &&
	[ "$u1" = "$u0" ] && [ $((u2 - u1)) -ge 200 ] && [ "$e1" = "$e0" ]; then
	res legacy-fallback PASS "$d"
else
	res legacy-fallback FAIL "$d"
fi
MIB=16
# a 1500-byte MTU, so that TCP needs TSO (at 65535 it sends 64 KiB frames)
inA ip link set vnic0a mtu 1500
inB ip link set vnic0b mtu 1500
bulk legacy-tcp-bulk4 198.18.0.2 sw
bulk legacy-tcp-bulk6 2001:db8::2 sw
dmesg | grep -q 'ofl_vnic: frame refused' &&
	res legacy-tx-refused FAIL "$(dmesg | grep 'frame refused' | head -n 3 | tr '\n' ' ')"
exit 0
