#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# crc32c_arm64.sh SRC OUT: the core and crc32c_cross.c cross-built for
# arm64 (Debian's aarch64-linux-gnu-gcc, static) and run under
# qemu-aarch64-static: the CRC32 instruction path, its ifunc (glibc passes
# AT_HWCAP to the resolver) and the portable path against a bitwise model.
# No arm64 machine here, so this is the only run of that code.
set -eu
src=$1 out=$2
for t in aarch64-linux-gnu-gcc qemu-aarch64-static; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP: $t not installed: the arm64 CRC32c path is NOT tested"
		echo "SKIP: (apt-get install gcc-aarch64-linux-gnu qemu-user-static)"
		exit 77
	fi
done
mkdir -p "$out"
aarch64-linux-gnu-gcc -O2 -static -std=c11 -D_GNU_SOURCE \
	-Wall -Wextra -Wconversion -Werror \
	-I"$src/include" -I"$src/lib" -o "$out/crc32c_arm64" \
	"$src/tests/csum/crc32c_cross.c" "$src/lib/all.c"
# the resolver must be an ifunc and the instruction must be in the image
aarch64-linux-gnu-readelf -s "$out/crc32c_arm64" |
	grep -q 'IFUNC.*ofl_csum_crc32c$' ||
	{ echo "FAIL: ofl_csum_crc32c is not an ifunc on arm64"; exit 1; }
aarch64-linux-gnu-objdump -d "$out/crc32c_arm64" | grep -q 'crc32cx' ||
	{ echo "FAIL: no crc32cx in the arm64 image"; exit 1; }
for cpu in max cortex-a53; do
	echo "qemu-aarch64-static -cpu $cpu:"
	qemu-aarch64-static -cpu $cpu "$out/crc32c_arm64"
done
