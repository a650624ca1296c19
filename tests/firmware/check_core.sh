#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# check_core.sh MODE SRCDIR OUTDIR [FLAGS (-I for generated headers, warnings)...]
# Builds the whole core (lib/all.c, one unit) for a target that has no libc
# and checks that nothing is left for a linker to find:
#   nostdlib-gcc, nostdlib-clang  host compiler, -ffreestanding -nostdlib,
#                                 linked as a shared object with
#                                 -Wl,--no-undefined (no libc, no libgcc)
#   i386-clang                    32-bit x86, freestanding object, nm -u empty
#   cortex-m4                     arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb
#                                 -DOFL_FIRMWARE (32-bit), -Os and -O2
#   cortex-m0plus                 the same for ARMv6-M, which has no
#                                 unaligned access and no divide: nothing
#                                 may be needed but libgcc's arithmetic
#                                 helpers (__aeabi_*, __gnu_thumb1_*), which
#                                 every arm-none-eabi link has (-lgcc)
set -eu
mode=$1 src=$2 out=$3
shift 3
warn="$*"
mkdir -p "$out"
core="-I$src/include -ffreestanding -nostdlib -fno-stack-protector -fno-common"
all=$src/lib/all.c

# nm_empty NM OBJ: fail if OBJ needs any symbol; report what it defines.
nm_empty() {
	u=$("$1" -u "$2" | grep -v ':$' | grep -v '^$' || true)
	if [ -n "$u" ]; then
		echo "FAIL: $2 needs symbols from elsewhere:"; echo "$u"; exit 1
	fi
	n=$("$1" --defined-only "$2" | grep -c ' [Tt] ' || true)
	[ "$n" -gt 0 ] || { echo "FAIL: $2 defines no functions"; exit 1; }
	echo "ok: $(basename "$2"): $n functions, no undefined symbol"
}

# arm_obj OPT: the core for $mode (a Cortex-M CPU) at OPT into $obj.
arm_obj() {
	obj=$out/core-$mode$1.o
	# shellcheck disable=SC2086
	arm-none-eabi-gcc -mcpu=$mode -mthumb -DOFL_FIRMWARE $core \
		-fno-tree-loop-distribute-patterns $warn $1 -c \
		-o "$obj" "$all"
}

need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "FAIL: $1 not installed (scripts/deps.sh installs it)"; exit 1
}

case $mode in
nostdlib-gcc|nostdlib-clang)
	cc=${mode#nostdlib-}
	need "$cc"
	gccflags=
	[ "$cc" = gcc ] && gccflags=-fno-tree-loop-distribute-patterns
	for o in -O0 -O2; do
		so=$out/core-$cc$o.so
		# shellcheck disable=SC2086
		"$cc" $core $gccflags $warn $o -fPIC -shared \
			-Wl,--no-undefined -o "$so" "$all"
		nm_empty nm "$so"
	done ;;
i386-clang)
	need clang
	for o in -O0 -O2; do
		obj=$out/core-i386$o.o
		# shellcheck disable=SC2086
		clang --target=i386-unknown-none-elf $core $warn $o -c \
			-o "$obj" "$all"
		nm_empty nm "$obj"
	done ;;
cortex-m0plus)
	need arm-none-eabi-gcc
	for o in -Os -O2; do
		arm_obj "$o"
		u=$(arm-none-eabi-nm -u "$obj" | awk '{print $2}' |
			grep -v -e '^__aeabi_' -e '^__gnu_thumb1_' || true)
		if [ -n "$u" ]; then
			echo "FAIL: $obj needs more than libgcc:"; echo "$u"
			exit 1
		fi
		echo "ok: $(basename "$obj"): needs only libgcc helpers:" \
			$(arm-none-eabi-nm -u "$obj" | awk '{print $2}')
	done ;;
cortex-m4)
	need arm-none-eabi-gcc
	for o in -Os -O2; do
		arm_obj "$o"
		nm_empty arm-none-eabi-nm "$obj"
		arm-none-eabi-size "$obj" | tail -1 |
			awk '{print "   text " $1 " data " $2 " bss " $3}'
	done ;;
*)	echo "usage: $0 MODE SRCDIR OUTDIR [FLAGS...]"; exit 2 ;;
esac
