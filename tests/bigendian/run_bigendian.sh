#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# run_bigendian.sh SRC_DIR SUB_BUILD_DIR [BUILD_TYPE]
# The cmocka unit tests (ctest label "unit"), cross-built for s390x (64-bit
# big-endian) with cmake/toolchain-s390x.cmake and run under
# qemu-s390x-static through CMAKE_CROSSCOMPILING_EMULATOR. Prints how many
# test programs and cmocka cases ran, and proves the binaries are s390x.
# SKIP (77) only when the toolchain cannot be installed.
set -eu
src=$1 sub=$2 type=${3:-Release}

missing() {
	m=
	for t in s390x-linux-gnu-gcc qemu-s390x-static; do
		command -v $t >/dev/null 2>&1 || m="$m $t"
	done
	[ -e /usr/lib/s390x-linux-gnu/libcmocka.so ] || m="$m libcmocka-dev:s390x"
	[ -e /lib/ld64.so.1 ] || m="$m libc6:s390x"
	echo "$m"
}
m=$(missing)
if [ -n "$m" ]; then
	echo "big-endian: missing$m; running scripts/deps.sh"
	sh "$src/scripts/deps.sh" demo check || true
	m=$(missing)
	if [ -n "$m" ]; then
		echo "SKIP: cannot install the s390x toolchain:$m"
		echo "SKIP: (as root: sh scripts/deps.sh demo check)"
		exit 77
	fi
fi

log=$sub.log
mkdir -p "$sub"
if ! { cmake -S "$src" -B "$sub" -DCMAKE_BUILD_TYPE="$type" \
	-DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain-s390x.cmake" \
	-DOFL_BUILD_TOOLS=OFF &&
	cmake --build "$sub" -j2; } >"$log" 2>&1; then
	cat "$log"
	echo "FAIL: the s390x build failed"
	exit 1
fi

# Every unit test program must be a big-endian s390x executable.
progs=$(ctest --test-dir "$sub" -L unit --show-only=json-v1 |
	/usr/bin/python3 -c 'import json,sys
for t in json.load(sys.stdin)["tests"]:
    c = t.get("command") or []
    print(c[1] if len(c) > 1 and "qemu" in c[0] else "NOTQEMU:" + " ".join(c))')
n=0
for p in $progs; do
	case $p in NOTQEMU:*) echo "FAIL: not run under qemu: $p"; exit 1 ;; esac
	h=$(readelf -h "$p")
	echo "$h" | grep -q 'Machine:.*S/390' &&
		echo "$h" | grep -q 'big endian' ||
		{ echo "FAIL: $p is not an s390x big-endian executable"; exit 1; }
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "FAIL: no unit tests in the s390x build"; exit 1; }

rc=0
ctest --test-dir "$sub" -L unit -V >"$sub.ctest.log" 2>&1 || rc=$?
cases=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$sub.ctest.log" |
	awk '{s += $1} END {print s + 0}')
grep -E 'tests passed|FAILED|Failed|\[  FAILED  \]' "$sub.ctest.log" || true
if [ "$rc" -ne 0 ]; then
	cat "$sub.ctest.log"
	echo "FAIL: unit tests failed on s390x"
	exit 1
fi
echo "big-endian: $n unit test programs ($cases cmocka cases) passed on" \
	"s390x under qemu-s390x-static"
