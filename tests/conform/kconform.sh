#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# No false alarm: the running kernel's own GRO and GSO outputs, as the
# differential tests capture them (tests/gro/kdiff.sh, tests/gso/
# kernel_gso.sh with OFL_CONFORM_DIR), held against Linux by `ofl conform`:
# every one must conform, and every output must be matched.
#   kconform.sh OFL GRO_KDIFF GSO_KERNEL SRCDIR DIR
set -u
ofl=$1 kdiff=$2 kgso=$3 src=$4 dir=$5
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
rm -rf "$dir" && mkdir -p "$dir" || exit 1
OFL_CONFORM_DIR=$dir sh "$src/tests/gro/kdiff.sh" "$kdiff" >"$dir/gro.log" 2>&1
rc=$?
[ $rc = 77 ] && { echo "SKIP: the GRO differential test skipped:"; cat "$dir/gro.log"; exit 77; }
[ $rc = 0 ] || { echo "FAIL: the GRO differential test failed:"; cat "$dir/gro.log"; exit 1; }
OFL_CONFORM_DIR=$dir sh "$src/tests/gso/kernel_gso.sh" "$kgso" >"$dir/gso.log" 2>&1
rc=$?
[ $rc = 77 ] && { echo "SKIP: the GSO differential test skipped:"; cat "$dir/gso.log"; exit 77; }
[ $rc = 0 ] || { echo "FAIL: the GSO differential test failed:"; cat "$dir/gso.log"; exit 1; }
outputs=0 runs=0 bad=0
# judge FIELD ARGS...: FIELD names the output count in the summary
judge() {
	field=$1
	shift
	out=$("$ofl" conform "$@" 2>&1)
	rc=$?
	runs=$((runs + 1))
	n=$(printf '%s\n' "$out" | sed -n "s/.*, \([0-9]*\) $field frames.*/\1/p")
	outputs=$((outputs + ${n:-0}))
	if [ $rc != 0 ] || printf '%s\n' "$out" | grep -q '^unmatched'; then
		bad=$((bad + 1))
		echo "FAIL: ofl conform $*"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}
for s in "$dir"/gro-*.sent.pcap; do
	[ -e "$s" ] || { echo "FAIL: no GRO captures written"; exit 1; }
	opt=
	case $s in *gro-vxlan-*) opt=--vxlan ;; esac
	case $s in *udpfwd-*) opt="$opt --udp-fwd" ;; esac
	judge received gro $opt "$s" "${s%.sent.pcap}.recv.pcap"
done
for s in "$dir"/gso-*.super.pcap; do
	[ -e "$s" ] || { echo "FAIL: no GSO captures written"; exit 1; }
	mss=${s##*/gso-}
	mss=${mss%.super.pcap}
	judge wire gso --mss "$mss" "$s" "${s%.super.pcap}.wire.pcap"
done
echo "kconform: $outputs kernel outputs in $runs captures," \
	"$bad with findings or unmatched frames"
[ $bad = 0 ]
