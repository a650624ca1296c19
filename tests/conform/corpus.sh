#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# ofl conform on the shared corpus's real captures (never copied here).
# - zeek chksums_*-good-* must conform (ofl conform csum --rx: no verdicts,
#   every checksum right), *-bad-* must not (exit 1).
# - the GSO/BIG TCP/TSO super-frame captures hold only the input side: the
#   wire side is missing, said so; lib/gso's own cut of them (ofl gso) must
#   conform, so the super-frames of real hosts are read and matched.
#   corpus.sh OFL CORPUS_DIR WORK_DIR
set -u
ofl=$1 corpus=$2 work=$3
[ -d "$corpus" ] || { echo "SKIP: no corpus at $corpus (a fresh clone)"; exit 77; }
rm -rf "$work" && mkdir -p "$work" || exit 1
fail=0 n=0
for f in "$corpus"/zeek/chksums_*-chksum.pcap; do
	[ -e "$f" ] || continue
	"$ofl" conform csum --rx "$f" >"$work/out" 2>&1
	rc=$?
	case $f in *-good-*) want=0 ;; *) want=1 ;; esac
	n=$((n + 1))
	if [ $rc != $want ]; then
		fail=$((fail + 1))
		echo "FAIL: ofl conform csum --rx ${f##*/}: exit $rc, want $want"
		sed 's/^/    /' "$work/out"
	fi
done
for f in "$corpus"/tcpdump/gso-*.pcap "$corpus"/tcpdump/bigtcp-*.pcap \
	"$corpus"/tcpdump/ipv4_tcp_http_xml_tso.pcap \
	"$corpus"/packetnet/ipv4_tso_frame.pcap; do
	[ -e "$f" ] || continue
	b=${f##*/}
	echo "missing: the wire side of $b (only the super-frames were captured)"
	"$ofl" gso --mss 1448 "$f" "$work/$b.wire" 2>/dev/null ||
		{ echo "FAIL: ofl gso $b"; fail=$((fail + 1)); continue; }
	n=$((n + 1))
	if ! "$ofl" conform gso --mss 1448 "$f" "$work/$b.wire" >"$work/out" 2>&1; then
		fail=$((fail + 1))
		echo "FAIL: ofl conform gso --mss 1448 $b (lib/gso's own cut)"
		sed 's/^/    /' "$work/out"
	else
		tail -1 "$work/out"
	fi
done
echo "corpus: $n captures judged, $fail wrong"
[ $n -gt 0 ] && [ $fail = 0 ]
