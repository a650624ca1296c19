#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# make demo: the ofl tool on sample traffic the project generates itself.
#
#   sh scripts/demo.sh BUILD_DIR
#
# One block per subcommand; a block runs only when its subcommand is
# implemented (the stubs say "not implemented yet" and exit 2). Modules
# append their block at the end, in the same shape.
set -eu
build=${1:-build}
ofl=$build/tools/ofl
gen=$build/tools/gen/ofl-gen
sample=$build/sample.pcap

for f in "$ofl" "$gen"; do
	[ -x "$f" ] || { echo "demo: $f missing: build first (make build)" >&2; exit 1; }
done

# implemented CMD: does `ofl CMD` exist beyond its stub?
implemented() {
	! "$ofl" "$1" --help 2>&1 | grep -q "not implemented yet"
}

section() {
	printf '\n=== %s\n' "$*"
}

# Reads big-endian field bytes of a capture with od (coreutils): u FILE
# OFFSET LEN; ule32 FILE OFFSET: a pcap record field (the tool and ofl-gen
# write pcaps in the host's byte order).
u() {
	od -An -tu1 -j "$2" -N "$3" "$1" |
		awk '{ for (i = 1; i <= NF; i++) v = v * 256 + $i } END { print v + 0 }'
}
ule32() {
	od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '
}

# hdr_view FILE N WHAT: the IPv4/TCP header fields GRO and GSO rewrite, for
# frame N of a pcap (Ethernet, IPv4 without options: the sample's TCP flow).
hdr_view() {
	f=$1 n=$2 off=24 i=1
	while [ "$i" -lt "$n" ]; do
		off=$((off + 16 + $(ule32 "$f" $((off + 8)))))
		i=$((i + 1))
	done
	p=$((off + 16))
	fl=$(u "$f" $((p + 47)) 1)
	flags=
	[ $((fl & 16)) -ne 0 ] && flags="${flags}A"
	[ $((fl & 8)) -ne 0 ] && flags="${flags}P"
	[ $((fl & 1)) -ne 0 ] && flags="${flags}F"
	tot=$(u "$f" $((p + 16)) 2)
	[ "$tot" -eq 0 ] && tot=$(($(ule32 "$f" $((off + 8))) - 14))
	printf '  %-8s frame %2s: %5s bytes, ip len %5s, ip id %4s, tcp seq %6s, flags %-2s, payload %5s\n' \
		"$3" "$n" "$(ule32 "$f" $((off + 8)))" "$(u "$f" $((p + 16)) 2)" \
		"$(u "$f" $((p + 18)) 2)" "$(u "$f" $((p + 38)) 4)" "$flags" \
		$((tot - 20 - ($(u "$f" $((p + 46)) 1) >> 4) * 4))
}

"$gen" "$sample"
section "sample traffic"
cat <<EOF
ofl-gen wrote $sample: 40 Ethernet frames (IPv4; IPv6 with extension
headers and SRv6; VLAN, QinQ, MPLS, PPPoE; VXLAN, GENEVE, GRE, IP-in-IP;
SCTP, ARP; a TCP flow; TCP super-frames). It computes the checksums with its
own code, not libofl, and spoils a few on purpose.
EOF

if implemented csum; then
	section "ofl csum: is every checksum in every frame right?"
	cat <<'EOF'
Each line: frame number, the headers found, and every checksum in the frame
(outer and inner), recomputed with libofl (lib/csum) and compared with the
stored one: ok, BAD (stored, and what it should be), none (IPv4 UDP may omit
it), unchecked (not all captured, or a length that does not fit). SCTP
frames get their CRC32c checked the same way.
EOF
	"$ofl" csum "$sample"
	cat <<'EOF'

What to look at:
  3 4 5 8 13   spoiled on purpose: IPv4 header, TCP, UDP, ICMP, ICMPv6.
  6 21 vs 11   UDP checksum 0 means "none" over IPv4, but is invalid over
               IPv6 (frame 11).
  15 vs 16     SRv6: the checksum covers the *final* segment (RFC 8200 8.1);
               16 was computed from the header's current destination, as
               some NICs do, and is wrong.
  23           VXLAN: outer UDP right, inner TCP wrong; ofl checks both.
  39 40        20000-byte TCP super-frames as a TSO/GSO device receives them:
               the field holds only the pseudo-header sum (CHECKSUM_PARTIAL);
               segmentation completes it.
EOF
	echo "Try: $ofl csum --json FILE.pcap  (one JSON object per frame; docs/TOOL.md)"
fi

# --- later modules: one block each -----------------------------------------

if implemented parse; then
	section "ofl parse: the layers of every frame (lib/parser)"
	"$ofl" parse "$sample"
	if implemented graph && command -v dot >/dev/null 2>&1; then
		"$ofl" graph --dot | dot -Tsvg -o "$build/parse-graph.svg"
		"$ofl" parse --dot 23 "$sample" | dot -Tsvg -o "$build/frame-23.svg"
		cat <<EOF

Those layers come from one parse graph: const tables in lib/parser/graph.c.
Open the pictures in a browser:
  $build/parse-graph.svg   the whole graph (ofl graph --dot): edges say
                           what selects them (ethertype IPv4, ip proto TCP,
                           udp dport 4789), headers grouped by layer, legend
  $build/frame-23.svg      the path frame 23 (TCP in VXLAN) took through it
                           (ofl parse --dot 23)
EOF
	fi
fi

if implemented rss; then
	section "ofl rss: Toeplitz hash and queue of every frame (lib/rss)"
	echo "Microsoft's key, 4 queues; the last lines show how evenly they fill:"
	"$ofl" rss "$sample" --queues 4
	flows=$build/flows.pcap
	"$gen" --flows "$flows"
	"$ofl" rss "$flows" --queues 4 | head -16 >"$build/rss-plain.txt"
	"$ofl" rss "$flows" --queues 4 --symmetric | head -16 >"$build/rss-sym.txt"
	cat <<EOF

Symmetric RSS (--symmetric: XOR of source and destination, as ethtool's
symmetric-xor) puts both directions of a flow on the same queue. The sample
above has no replies, so ofl-gen --flows wrote $flows: 8 flows, each
request (odd frame) followed by its reply (even frame, addresses and ports
swapped). Plain Toeplitz on the left, symmetric on the right:
EOF
	paste "$build/rss-plain.txt" "$build/rss-sym.txt" |
		awk -F'\t' '{ printf "  %-40s | %s\n", $1, $2 }'
	same() {
		awk 'NR % 2 { q = $NF; next } { n++; if ($NF == q) s++ }
		     END { printf "%d of %d", s, n }' "$1"
	}
	echo "request and reply on the same queue: $(same "$build/rss-plain.txt")" \
		"flows plain, $(same "$build/rss-sym.txt") symmetric"
fi

if implemented gso; then
	section "ofl gso: segment the super-frames as Linux GSO does (lib/gso)"
	out=$build/sample-gso.pcap
	"$ofl" gso --mss 1448 "$sample" "$out"
	cat <<EOF
Frames 39 and 40 are 20000-byte TCP super-frames (IPv4, IPv6) as a stack
hands them to a TSO device: the checksum field holds only the
pseudo-header sum. Before (ofl csum on the input):
EOF
	"$ofl" csum "$sample" | sed -n '39,40p'
	echo "After: $out holds the other 38 frames unchanged, then 14 segments"
	echo "of at most 1448 payload bytes for each super-frame; the first two and"
	echo "the last segment of each, checksums complete:"
	"$ofl" csum "$out" | sed -n '39,40p;52,54p;66p'
	echo "segments with a good TCP checksum: $("$ofl" csum "$out" |
		sed -n '39,66p' | grep -c 'tcp ok') of 28 (the other bad checksums"
	echo "in the file are the sample's, spoiled on purpose, copied unchanged)"
	echo "The IPv4 super-frame's headers, then its first and last segment's:"
	hdr_view "$sample" 39 "before"
	hdr_view "$out" 39 "after"
	hdr_view "$out" 52 "after"
fi

if implemented gro; then
	section "ofl gro: coalesce the TCP flow as Linux GRO does (lib/gro)"
	out=$build/sample-gro.pcap
	"$ofl" gro "$sample" "$out"
	echo "Frames 31-38 are one TCP flow: 8 in-order 1448-byte segments."
	echo "Before, the first, second and last segment:"
	hdr_view "$sample" 31 "segment"
	hdr_view "$sample" 32 "segment"
	hdr_view "$sample" 38 "segment"
	echo "After, they leave as one frame (frame 31 of $out): the first"
	echo "segment's headers, the total length, the last one's PSH flag, and a"
	echo "TCP checksum over all of it:"
	hdr_view "$out" 31 "merged"
	"$ofl" csum "$out" | sed -n '31p'
	out4=$build/sample-gro4.pcap
	"$ofl" gro --flush-every 4 "$sample" "$out4" >/dev/null
	echo "With a flush after every 4 frames (a poll budget of 4: frames 29-32,"
	echo "33-36, 37-40) the same flow leaves as 3 frames, as Linux delivers it:"
	hdr_view "$out4" 31 "merged"
	hdr_view "$out4" 32 "merged"
	hdr_view "$out4" 33 "merged"
fi

zoo_gen=$build/tools/gen/ofl-zoo
if [ ! -x "$zoo_gen" ]; then
	echo "demo: $zoo_gen missing: the ofl conform section cannot run" >&2
	exit 1
fi
section "ofl conform: a device's offload output against Linux"
zoo=$build/demo-zoo
rm -rf "$zoo" && mkdir -p "$zoo" && "$zoo_gen" "$zoo"
cat <<'EOF2'
A NIC's receive offload (LRO) merged these 8 TCP segments into one packet,
but the 4th segment carried PSH: Linux would have ended the flow there.
ofl conform runs what entered the NIC through lib/gro and names the rule:
EOF2
"$ofl" conform gro "$zoo/lro_across_psh.sent.pcap" \
	"$zoo/lro_across_psh.recv.pcap" || true
cat <<'EOF2'

A NIC's TSO that keeps CWR on every segment (Linux: only the first):
EOF2
"$ofl" conform gso --mss 1000 "$zoo/tso_cwr_every_segment.super.pcap" \
	"$zoo/tso_cwr_every_segment.wire.pcap" | sed -n '1p;$p' || true
echo
echo "The same LRO output the way the kernel's selftests print (KTAP):"
"$ofl" conform gro --ktap "$zoo/lro_across_psh.sent.pcap" \
	"$zoo/lro_across_psh.recv.pcap" || true
echo "58 such device bugs: tests/conform/zoo.sh; docs/CONFORM.md"
