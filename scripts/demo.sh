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
		echo "the parse graph those layers came from (const tables in"
		echo "lib/parser/graph.c), drawn from the tables: $build/parse-graph.svg"
	fi
fi

if implemented rss; then
	section "ofl rss: Toeplitz hash and queue of every frame (lib/rss)"
	echo "Microsoft's key, 4 queues; the last lines show how evenly they fill:"
	"$ofl" rss "$sample" --queues 4
	echo "symmetric (XOR of src/dst, as ethtool symmetric-xor): both"
	echo "directions of a flow land on the same queue:"
	"$ofl" rss "$sample" --queues 4 --symmetric | tail -7
fi

if implemented gso; then
	section "ofl gso: segment the super-frames as Linux GSO does (lib/gso)"
	"$ofl" gso --mss 1448 "$sample" "$build/sample-gso.pcap"
	echo "the super-frames leave as 1448-byte segments, checksums complete:"
	"$ofl" csum "$build/sample-gso.pcap" | tail -1
fi

if implemented gro; then
	section "ofl gro: coalesce the TCP flow as Linux GRO does (lib/gro)"
	"$ofl" gro "$sample" "$build/sample-gro.pcap"
	echo "the 8 segments of the TCP flow (31-38) leave as one frame:"
	"$ofl" csum "$build/sample-gro.pcap" | tail -4
	"$ofl" gro --flush-every 4 "$sample" "$build/sample-gro4.pcap"
	echo "with a flush after every 4 frames (a 4-packet poll budget) the"
	echo "same flow leaves as 3 frames, as Linux would deliver it:"
	"$ofl" csum "$build/sample-gro4.pcap" | sed -n '31,33p'
fi

zoo_gen=$build/tests/conform/zoo_gen
if [ -x "$zoo_gen" ]; then
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
fi
