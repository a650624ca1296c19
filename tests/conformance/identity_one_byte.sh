#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Change one byte of one module's source in a scratch copy of the tree,
# rebuild (only libofl.a), and prove that only that module's identity
# changes and that `ofl id` reports the mismatch.
# usage: identity_one_byte.sh SRC OFL LIBOFL_A
set -eu
src=$1 ofl=$2 lib=$3
module=csum
tmp=$(mktemp -d /tmp/ofl-id-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
for d in CMakeLists.txt cmake include lib pkgconfig; do
	cp -R "$src/$d" "$tmp/"
done
cmake -S "$tmp" -B "$tmp/b" -DCMAKE_BUILD_TYPE=Release -DOFL_BUILD_TESTS=OFF \
	-DOFL_BUILD_TOOLS=OFF >/dev/null
cmake --build "$tmp/b" --target ofl_static >/dev/null
cp "$tmp/b/libofl.a" "$tmp/before.a"
# the unchanged copy is the running library, module by module
"$ofl" id "$tmp/before.a" >/dev/null ||
	{ echo "FAIL: the unchanged copy differs from the library"; exit 1; }

# one byte: "SPDX" -> "SPDx" in the first line of the module's first .c
f=$(ls "$tmp/lib/$module/"*.c | LC_ALL=C sort | head -n 1)
sed -i '1s/SPDX/SPDx/' "$f"
cmp -l "$f" "$src/lib/$module/$(basename "$f")" | wc -l | grep -qx 1 ||
	{ echo "FAIL: not exactly one byte changed"; exit 1; }
cmake --build "$tmp/b" --target ofl_static >/dev/null	# reconfigures
set +e
"$ofl" id "$lib" "$tmp/b/libofl.a" > "$tmp/out"
rc=$?
set -e
cat "$tmp/out"
[ $rc = 1 ] || { echo "FAIL: ofl id exit $rc, want 1"; exit 1; }
grep -q "^$module DIFFERENT $tmp/b/libofl.a\$" "$tmp/out" ||
	{ echo "FAIL: $module not reported DIFFERENT"; exit 1; }
others=$(grep -c ' equal$' "$tmp/out")
diffs=$(grep -c ' DIFFERENT ' "$tmp/out")
[ "$diffs" = 1 ] && [ "$others" -ge 1 ] ||
	{ echo "FAIL: $diffs modules differ, want only $module"; exit 1; }
grep -q 'equal each other: no; equal the running library: no' "$tmp/out" ||
	{ echo "FAIL: summary line"; exit 1; }
echo "ok: one byte in lib/$module/$(basename "$f") changed only $module" \
	"($others other modules equal)"
