#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Judge a kernel's own GRO and GSO outputs with `ofl conform`: the captures
# the differential drivers wrote with OFL_CONFORM_DIR (gro_kdiff:
# gro-[vxlan-|geneve-][udpfwd-][flist-]PID-N.{sent,recv}.pcap, gso_kernel:
# gso-MSS.{super,wire}.pcap). Every output must conform and be matched.
#   kjudge.sh OFL DIR PROFILE RELEASE
# PROFILE: that kernel's line or release, as `ofl --profile` takes it.
# Prints, in scripts/check-kernels.sh's format, one line per module:
#   kernel RELEASE conform gro|gso N cases M mismatches PASS|FAIL reason
# (N captures judged, M with findings or unmatched frames); the findings
# go to DIR/conform-gro.log and DIR/conform-gso.log. Exit 1 on any FAIL.
set -u
ofl=$1 dir=$2 prof=$3 rel=$4
rc_all=0
for mod in gro gso; do
	log=$dir/conform-$mod.log
	: > "$log"
	runs=0 bad=0 outputs=0
	if [ $mod = gro ]; then
		set -- "$dir"/gro-*.sent.pcap
	else
		set -- "$dir"/gso-*.super.pcap
	fi
	for s in "$@"; do
		[ -e "$s" ] || break
		if [ $mod = gro ]; then
			opt="--profile $prof"
			case $s in *gro-vxlan-*) opt="$opt --vxlan" ;; esac
			case $s in *gro-geneve-*) opt="$opt --geneve" ;; esac
			case $s in *udpfwd-*) opt="$opt --udp-fwd" ;; esac
			case $s in *flist-*) opt="$opt --fraglist" ;; esac
			field=received
			# shellcheck disable=SC2086
			out=$("$ofl" conform gro $opt "$s" \
				"${s%.sent.pcap}.recv.pcap" 2>&1)
		else
			mss=${s##*/gso-}
			mss=${mss%.super.pcap}
			field=wire
			out=$("$ofl" conform gso --mss "$mss" "$s" \
				"${s%.super.pcap}.wire.pcap" 2>&1)
		fi
		rc=$?
		runs=$((runs + 1))
		n=$(printf '%s\n' "$out" |
			sed -n "s/.*, \([0-9]*\) $field frames.*/\1/p")
		outputs=$((outputs + ${n:-0}))
		if [ $rc != 0 ] || printf '%s\n' "$out" | grep -q '^unmatched'; then
			bad=$((bad + 1))
			{ echo "FAIL: ofl conform $mod ${s##*/}"
			  printf '%s\n' "$out" | sed 's/^/    /'; } >> "$log"
		fi
	done
	if [ $runs = 0 ]; then
		r="FAIL no capture written"
	elif [ $bad != 0 ]; then
		r="FAIL $outputs kernel outputs, findings in $log"
	else
		r="PASS $outputs kernel outputs conform (the GRO profile of $prof)"
	fi
	case $r in FAIL*) rc_all=1 ;; esac
	echo "kernel $rel conform $mod $runs cases $bad mismatches $r"
done
exit $rc_all
