#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# `ofl rss` on frames built from Microsoft's vectors: every hash as expected
# with the default options, --inner and --ex; the summary is there.
set -eu
ofl=$1 gen=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" "$dir/rss.pcap" >"$dir/want"
hashes() {
	"$ofl" rss "$dir/rss.pcap" --json "$@" |
		sed -n 's/.*"hash":"\(0x[0-9a-f]*\)".*/\1/p'
}
hashes >"$dir/def"
hashes --inner >"$dir/inner"
hashes --ex >"$dir/ex"
paste -d ' ' "$dir/def" "$dir/inner" "$dir/ex" >"$dir/got"
if ! diff -u "$dir/want" "$dir/got"; then
	echo "FAIL: ofl rss hashes differ (want, got above)"
	exit 1
fi
"$ofl" rss "$dir/rss.pcap" --queues 4 | grep -q 'imbalance (max/mean)'
"$ofl" rss "$dir/rss.pcap" --json | tail -1 | grep -q '"imbalance"'
"$ofl" rss "$dir/rss.pcap" --symmetric --json | grep -q '"queue"'
"$ofl" rss "$dir/rss.pcap" --symmetric-key >/dev/null
"$ofl" rss "$dir/rss.pcap" --key 6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa --json >"$dir/k"
sed -n 's/.*"hash":"\(0x[0-9a-f]*\)".*/\1/p' "$dir/k" | cmp - "$dir/def"
"$ofl" rss - --json <"$dir/rss.pcap" |
	sed -n 's/.*"hash":"\(0x[0-9a-f]*\)".*/\1/p' | cmp - "$dir/def"
"$ofl" rss --help | grep -q '^usage: ofl rss'
if "$ofl" rss "$dir/missing.pcap" 2>/dev/null; then
	echo "FAIL: a missing file gave status 0"; exit 1
fi
if "$ofl" rss "$dir/rss.pcap" --key 12 2>/dev/null; then
	echo "FAIL: a 1-byte key was accepted"; exit 1
fi
echo "ok: $(wc -l <"$dir/want") frames hash as expected"
