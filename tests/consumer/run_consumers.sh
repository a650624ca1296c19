#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# run_consumers.sh BUILD_DIR SRC_DIR WORK_DIR RUNNER
# Installs the build into WORK_DIR/prefix (cmake --install) and builds
# consumers against that tree only, the way a downstream project would:
#  a) pkg-config --cflags --libs ofl: shared (LD_LIBRARY_PATH) and static;
#  b) a CMake project with find_package(ofl CONFIG REQUIRED) + ofl::ofl;
#  c) an XDP program: clang -O2 -target bpf -I<prefix>/include, loaded
#     through the verifier and run under BPF_PROG_TEST_RUN by RUNNER;
#  d) the installed eBPF example (share/ofl/ebpf) with its own Makefile.
# Prints SKIP and exits 77 only when the kernel refuses BPF (from RUNNER).
set -eu
build=$1 src=$2 work=$3 runner=$4
here=$src/tests/consumer
prefix=$work/prefix
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
echo "installed into $prefix"
# the core sources are data for BPF/kernel/firmware builds, not headers
[ -f "$prefix/share/ofl/src/all.c" ] ||
	{ echo "FAIL: share/ofl/src/all.c not installed"; exit 1; }
for f in share/man/man1/ofl.1 share/bash-completion/completions/ofl; do
	[ -f "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
[ ! -e "$prefix/include/offload/lib" ] ||
	{ echo "FAIL: .c sources installed under include/offload/lib"; exit 1; }

# a) pkg-config
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ -d "$prefix/lib/pkgconfig" ] || PKG_CONFIG_PATH=$(dirname \
	"$(find "$prefix" -name ofl.pc | head -1)")
cflags=$(pkg-config --cflags ofl) libs=$(pkg-config --libs ofl)
echo "pkg-config: $cflags $libs"
# shellcheck disable=SC2086
cc -Wall -Werror $cflags "$here/consumer.c" $libs -o "$work/pc_shared"
readelf -d "$work/pc_shared" | grep -q 'NEEDED.*libofl\.so' ||
	{ echo "FAIL: pc_shared is not linked to libofl.so"; exit 1; }
LD_LIBRARY_PATH=$(pkg-config --variable=libdir ofl) "$work/pc_shared"
# shellcheck disable=SC2086
cc -Wall -Werror -static $cflags "$here/consumer.c" \
	$(pkg-config --libs --static ofl) -o "$work/pc_static"
readelf -d "$work/pc_static" 2>/dev/null | grep -q NEEDED &&
	{ echo "FAIL: pc_static has dynamic dependencies"; exit 1; }
"$work/pc_static"

# b) find_package(ofl CONFIG)
cmake -S "$here/cmake_project" -B "$work/cmake" \
	-DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake.log" ||
	{ cat "$work/cmake.log"; exit 1; }
cmake --build "$work/cmake" >>"$work/cmake.log" 2>&1 ||
	{ cat "$work/cmake.log"; exit 1; }
"$work/cmake/x"
"$work/cmake/x_static"

# c) XDP against the installed headers. Debian's <linux/bpf.h> includes
# <asm/types.h>, which lives in the multiarch directory that clang does not
# search for -target bpf: add it AFTER the system directories (-idirafter),
# so nothing of the host overrides a BPF header. See docs/CONSUMING.md.
ma=$(gcc -print-multiarch 2>/dev/null || true)
extra=
[ -n "$ma" ] && [ -d "/usr/include/$ma" ] && extra="-idirafter /usr/include/$ma"
for v in "" frags; do
	def= obj=$work/xdp_consumer.o
	[ -n "$v" ] && def=-DOFL_XDP_FRAGS obj=$work/xdp_consumer_frags.o
	# shellcheck disable=SC2086
	clang -O2 -target bpf -I"$prefix/include" $extra $def \
		-c "$here/xdp_consumer.bpf.c" -o "$obj"
done
echo "bpf: clang -O2 -target bpf -I$prefix/include $extra"

# d) the installed eBPF example and its loader build with their Makefile
# (share/ofl/ebpf/ofl-bpf.mk) against the prefix.
make -s -C "$prefix/share/ofl/ebpf" O="$work/ebpf" >"$work/ebpf.log" 2>&1 ||
	{ cat "$work/ebpf.log"; echo "FAIL: share/ofl/ebpf does not build"; exit 1; }
echo "ok: share/ofl/ebpf builds: $(cd "$work/ebpf" && echo *)"
exec "$runner" "$work/xdp_consumer.o" "$work/xdp_consumer_frags.o"
