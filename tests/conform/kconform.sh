#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# No false alarm: the running kernel's own GRO and GSO outputs, as the
# differential tests capture them (tests/gro/kdiff.sh, tests/gso/
# kernel_gso.sh with OFL_CONFORM_DIR), held against Linux by `ofl conform`
# (kjudge.sh, which scripts/check-kernels.sh also runs on the 6.1 and
# 6.12 guests' outputs): every one must conform and be matched.
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
out=$(sh "$src/tests/conform/kjudge.sh" "$ofl" "$dir" \
	"${OFL_GRO_PROFILE:-6.18}" "$(uname -r)")
rc=$?
printf '%s\n' "$out"
[ $rc = 0 ] || cat "$dir"/conform-*.log
outputs=$(printf '%s\n' "$out" |
	sed -n 's/.* \(PASS\|FAIL\) \([0-9]*\) kernel outputs.*/\2/p' |
	awk '{ s += $1 } END { print s + 0 }')
echo "kconform: $outputs kernel outputs held against Linux," \
	"$([ $rc = 0 ] && echo "none" || echo "some") with findings or unmatched frames"
exit $rc
