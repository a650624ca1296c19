#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# usage: vector_check.sh FUZZER
# The x86 versions of lib/csum's loops in FUZZER hold vector instructions
# of their width (AVX2: ymm, AVX-512: zmm, the SSE2 hybrid baseline:
# xmm): the fuzzer then fuzzes the
# vector code the library runs, not a scalar rendering of it. Exit 77
# (a loud SKIP) where the build has no x86 versions.
set -u
bin=$1
dis=$(objdump -d --no-show-raw-insn "$bin") || exit 1
found=0
fail=0
for fn in ofl__csum_partial_avx2:ymm ofl__csum_copy_avx2:ymm \
	ofl__csum_partial_avx512:zmm ofl__csum_copy_avx512:zmm \
	ofl__csum_partial_sse2:xmm; do
	name=${fn%:*}
	reg=${fn#*:}
	body=$(printf '%s\n' "$dis" | awk -v f="<$name>:" \
		'index($0, f) { on = 1; next } on && /^$/ { exit } on')
	[ -n "$body" ] || continue
	found=$((found + 1))
	n=$(printf '%s\n' "$body" | grep -c "%$reg")
	echo "$name: $n instructions on %$reg registers"
	[ "$n" -gt 0 ] || fail=1
done
if [ "$found" -eq 0 ]; then
	echo "SKIP: $bin has no x86 versions of lib/csum's loops (not x86-64?)"
	exit 77
fi
exit $fail
