#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# kmod_gso_partial.sh SRC BUILD [GEN]: GSO_PARTIAL (checksummed tunnels included)
# against a live kernel. tests/gso/kmod/kgso_partial.c is built against the
# newest kernel with headers and an image (Debian's 6.1 here; the running
# kernel has no headers), booted under qemu-system-x86_64 (TCG) with an
# initramfs of busybox and the module; its init compares the kernel's
# skb_gso_segment() for a GSO_PARTIAL device with lib/gso and prints
# "kgso ..." lines. SKIP (77) only when headers, image, qemu or a static
# busybox are missing.
set -u
SRC=$1 BUILD=$2 GEN=${3:-$2/gen}
d=$BUILD/tests/gso/kmod_gso_partial
rm -rf "$d"
mkdir -p "$d/mod"
kver=
for b in /lib/modules/*/build; do
	v=$(basename "$(dirname "$b")")
	[ -e "$b/Makefile" ] && [ -r "/boot/vmlinuz-$v" ] && kver=$v
done
[ -n "$kver" ] || { echo "SKIP: no kernel with headers and image"; exit 77; }
for t in qemu-system-x86_64 busybox cpio gzip; do
	command -v $t >/dev/null || { echo "SKIP: $t not installed"; exit 77; }
done
bb=$(command -v busybox)
if readelf -l "$bb" 2>/dev/null | grep -q INTERP; then
	echo "SKIP: busybox is not static"; exit 77
fi
cp -r "$SRC/tests/gso/kmod/." "$d/mod/"
if ! make -s -C "/lib/modules/$kver/build" M="$d/mod" OFL_SRC="$SRC" \
	OFL_GEN="$GEN" modules > "$d/build.log" 2>&1; then
	cat "$d/build.log"
	echo "FAIL: module build against $kver"
	exit 1
fi
sh "$SRC/scripts/kmod-boot.sh" "$kver" "$d/mod/ofl_kgso.ko" kgso "$d" 300 512
rc=$?
tr -d '\r' < "$d/serial.log" | grep '^kgso' | sed "s/^/$kver: /"
[ $rc = 124 ] && { echo "FAIL: qemu timed out"; exit 1; }
if tr -d '\r' < "$d/serial.log" | grep -q '^kgso total .* PASS$'; then
	exit 0
fi
echo "FAIL: see $d/serial.log"
exit 1
