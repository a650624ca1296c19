#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Every lib/<module>/*.c is included by lib/<module>/<module>.inc, and every
# module's .inc by lib/all.c: the unity unit is the only way the core is
# built, so a file missing from it would silently not exist.
set -eu
lib=$1 bad=0
for d in "$lib"/*/; do
	m=$(basename "$d")
	inc="$d$m.inc"
	for c in "$d"*.c; do
		[ -e "$c" ] || continue
		f=$(basename "$c")
		grep -q "^#include \"$f\"" "$inc" 2>/dev/null ||
			{ echo "FAIL: $m/$f is not in $m/$m.inc"; bad=1; }
	done
	[ -e "$inc" ] || continue
	grep -q "^#include \"$m/$m.inc\"" "$lib/all.c" ||
		{ echo "FAIL: $m/$m.inc is not in all.c"; bad=1; }
done
[ $bad = 0 ] && echo "ok: every core source is in the unity build"
exit $bad
