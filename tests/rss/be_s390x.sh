#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Build lib/rss with be_vectors.c for s390x (big-endian) and run it under
# qemu-s390x. SKIP (77) when the cross compiler or qemu is missing.
set -eu
src=$1 out=$2
cc=${OFL_BE_CC:-s390x-linux-gnu-gcc}
qemu=${OFL_BE_QEMU:-qemu-s390x-static}
if ! command -v "$cc" >/dev/null || ! command -v "$qemu" >/dev/null; then
	echo "SKIP: $cc or $qemu not installed"
	exit 77
fi
"$cc" -O2 -static -std=c11 -Wall -Wextra -Werror -I"$src/include" \
	-fno-tree-loop-distribute-patterns \
	"$src/tests/rss/be_vectors.c" "$src/lib/all.c" -o "$out"
"$qemu" "$out"
