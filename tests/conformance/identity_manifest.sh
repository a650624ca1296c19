#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# The identity rule of docs/IDENTITY.md, recomputed with coreutils from the
# manifests the build wrote: for every module, sha256sum of its files
# (sorted by path, relative to the tree) piped into sha256sum equals what
# `ofl id` reports for the running library.
# usage: identity_manifest.sh SRC GEN_DIR OFL
set -eu
src=$1 gen=$2 ofl=$3
bad=0 n=0
"$ofl" id > "$gen/id.out"
while read -r m id; do
	man="$gen/manifest/$m.txt"
	[ -f "$man" ] || { echo "FAIL: no manifest for $m"; bad=1; continue; }
	files=$(awk '{print $2}' "$man" | LC_ALL=C sort)
	got=$(cd "$src" && sha256sum $files | sha256sum | cut -d' ' -f1)
	if [ "$got" != "$id" ]; then
		echo "FAIL: $m: sha256sum gives $got, ofl id $id"; bad=1
	fi
	n=$((n + 1))
done < "$gen/id.out"
[ "$n" -gt 0 ] || { echo "FAIL: ofl id printed nothing"; exit 1; }
[ $bad = 0 ] && echo "ok: $n module identities match sha256sum of their manifests"
exit $bad
