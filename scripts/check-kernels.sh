#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# make check-kernels: the GRO, GSO and checksum differentials against every
# kernel line we can run. Debian 12's 6.1 (linux-image-amd64) and 6.12
# (linux-image-6.12-amd64) images are booted under qemu-system-x86_64 (TCG)
# with an initramfs holding busybox, iproute2's ip and ethtool (with their
# libraries), the kernel's tunnel/VLAN modules (decompressed, depmod -b),
# static builds of the differential drivers (tests/gro gro_kdiff, tests/gso
# kernel_gso, tests/kernels csum_rx) and tests/kernels/run_groups.sh, which
# runs every group. The running kernel goes through the same run_groups.sh
# in a private network namespace. The drivers also write every case's
# frames and the kernel's outputs as captures (OFL_CONFORM_DIR; a guest
# hands them back on a virtio disk as a tar), which `ofl conform` then
# judges on the host (tests/conform/kjudge.sh): module "conform", groups
# gro and gso, PASS when every kernel output conforms to lib/gro and
# lib/gso under that kernel's profile. One line per kernel, module and
# group:
#
#   kernel <release> <module> <group> <n> cases <m> mismatches PASS|FAIL|SKIP <reason>
#
# Exit status non-zero on any FAIL (or no kernel at all). Logs and the
# initramfs of each guest: BUILD/kernels/<release>/.
#
# usage: sh scripts/check-kernels.sh [BUILD]   (BUILD already built)
#   OFL_KERNELS="6.1.0-57-amd64 ..."  only these releases ("host" = running)
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
. "$SRC/scripts/initramfs.sh"
BUILD=$(cd "${1:-build}" && pwd) || { echo "no build dir"; exit 2; }
OUT=$BUILD/kernels
mkdir -p "$OUT"
RESULTS=$OUT/results.txt
: > "$RESULTS"
start_all=$(date +%s)
trap 'ip netns del "ofl-kernels-$$" 2>/dev/null' EXIT INT TERM

OFL=$BUILD/tools/ofl

# conform RELEASE DIR: ofl conform over the kernel's own outputs in DIR
conform() {
	if [ ! -x "$OFL" ]; then
		fail_line "$1" conform all "$OFL missing (build the tools)"
		return
	fi
	# ofl's --profile takes the release and picks its line's profile
	sh "$SRC/tests/conform/kjudge.sh" "$OFL" "$2" "$1" "$1" |
		tee -a "$RESULTS"
}

fail_line() { # release module group reason...
	_r=$1 _m=$2 _g=$3
	shift 3
	echo "kernel $_r $_m $_g 0 cases 0 mismatches FAIL $*" | tee -a "$RESULTS"
}

# ------------------------------------------------------------- static drivers
BIN=$OUT/bin
mkdir -p "$BIN"
LIB=$BUILD/libofl.a
if [ ! -f "$LIB" ]; then
	fail_line - all all "$LIB missing: build first (make build)"
	exit 1
fi
CFL="-O2 -static -D_GNU_SOURCE -I$SRC/include -I$SRC/lib -Wall -Wextra -Werror"
build_static() { # out src...
	_o=$1
	shift
	gcc $CFL -Wno-unused-function "$@" "$LIB" -o "$BIN/$_o" >> "$OUT/build.log" 2>&1
}
: > "$OUT/build.log"
# gro_kdiff with the skb tap (tests/gro/gro_skbtap.bpf.c, CO-RE: one
# object for every kernel): libbpf, libelf and zlib linked statically
build_static gro_kdiff "$SRC/tests/gro/gro_kdiff.c" -I"$SRC/tests/gro" \
	-DOFL_GRO_SKBTAP -lbpf -lelf -lz &&
clang -O2 -g -target bpf -Wall -Werror -I"$SRC/include" \
	-idirafter "/usr/include/$(gcc -print-multiarch)" \
	-c "$SRC/tests/gro/gro_skbtap.bpf.c" -o "$BIN/gro_skbtap.bpf.o" \
	>> "$OUT/build.log" 2>&1 &&
clang -O2 -g -target bpf -Wall -Werror -I"$SRC/include" \
	-idirafter "/usr/include/$(gcc -print-multiarch)" \
	-c "$SRC/tests/gso/ipxip_encap.bpf.c" -o "$BIN/ipxip_encap.bpf.o" \
	>> "$OUT/build.log" 2>&1 &&
build_static gso_kernel "$SRC/tests/gso/kernel_gso.c" -I"$SRC/tests/gso" &&
build_static csum_rx "$SRC/tests/kernels/csum_rx.c" || {
	fail_line - all all "static build of the drivers failed (see $OUT/build.log)"
	exit 1
}
cp "$SRC/tests/gro/kdiff.sh" "$SRC/tests/gso/kernel_gso.sh" \
	"$SRC/tests/kernels/run_groups.sh" "$BIN/"
: > "$OUT/times.txt"

# ------------------------------------------------------------------ modules
MODS="veth 8021q vxlan geneve ip_gre ipip sit ip6_tunnel ip6_gre"
# the disk the guest writes its captures to (tar on /dev/vda)
MODS="$MODS virtio_pci virtio_blk"

# initramfs ROOT RELEASE: busybox, ip, ethtool + libraries, modules, drivers
make_initramfs() {
	root=$1 rel=$2
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/sbin" "$root/lib" "$root/lib64" \
		"$root/proc" "$root/sys" "$root/run" "$root/tmp" "$root/dev" \
		"$root/ofl"
	cp "$(command -v busybox)" "$root/bin/busybox"
	# dash as /bin/sh: busybox's sh runs its own applets before PATH
	# (its ip cannot make veth pairs), dash runs iproute2's
	cp "$(command -v dash)" "$root/bin/sh"
	for t in ip ethtool; do
		initramfs_prog "$root" $t || return 1
	done
	initramfs_libs "$root" "$(command -v dash)"
	# shellcheck disable=SC2086
	initramfs_modules "$root" "$rel" $MODS
	cp "/lib/modules/$rel/modules.order" "/lib/modules/$rel/modules.builtin" \
		"$root/lib/modules/$rel/" 2>/dev/null
	depmod -b "$root" "$rel" 2>> "$OUT/build.log"
	cp "/boot/config-$rel" "$root/ofl/config"
	cp "$BIN"/* "$root/ofl/"
	initramfs_init "$root"
	cat >> "$root/init" <<'INIT'
mkdir -p /run/conform
echo OFLK-BEGIN
OFL_CONFORM_DIR=/run/conform OFL_KCONFIG=/ofl/config \
	sh /ofl/run_groups.sh /ofl "$(uname -r)" 2>&1
if [ -b /dev/vda ]; then
	tar -cf /dev/vda -C /run conform && echo "OFLK-TAR ok"
else
	echo "OFLK-TAR no /dev/vda"
fi
echo OFLK-END
poweroff -f
INIT
	chmod +x "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$root.cpio.gz"
}

kernels=${OFL_KERNELS:-}
if [ -z "$kernels" ]; then
	for k in /boot/vmlinuz-*; do
		[ -r "$k" ] || continue
		v=${k#/boot/vmlinuz-}
		[ "$v" = "$(uname -r)" ] && continue
		[ -d "/lib/modules/$v/kernel" ] && [ -r "/boot/config-$v" ] &&
			kernels="$kernels $v"
	done
	kernels="$kernels host"
fi
for tool in qemu-system-x86_64 dash busybox cpio gzip xz depmod modprobe ip ethtool; do
	command -v $tool >/dev/null || {
		fail_line - all all "$tool not installed (scripts/packages.txt)"
		exit 1
	}
done
if readelf -l "$(command -v busybox)" 2>/dev/null | grep -q INTERP; then
	fail_line - all all "busybox is not static (install busybox-static)"
	exit 1
fi

for rel in $kernels; do
	if [ "$rel" = host ]; then
		r=$(uname -r)
		d=$OUT/host-$r
		mkdir -p "$d"
		s=$(date +%s)
		ip netns add "ofl-kernels-$$" || {
			fail_line "$r" all all "cannot create a network namespace"
			continue
		}
		rm -rf "$d/conform" && mkdir -p "$d/conform"
		OFL_CONFORM_DIR=$d/conform ip netns exec "ofl-kernels-$$" \
			sh "$BIN/run_groups.sh" "$BIN" "$r" > "$d/run.log" 2>&1
		ip netns del "ofl-kernels-$$"
		echo "host $r: $(( $(date +%s) - s )) s" >> "$OUT/times.txt"
		grep '^kernel ' "$d/run.log" | tee -a "$RESULTS"
		grep -q '^kernel ' "$d/run.log" ||
			fail_line "$r" all all "no result lines (see $d/run.log)"
		conform "$r" "$d/conform"
		continue
	fi
	d=$OUT/$rel
	mkdir -p "$d"
	if ! make_initramfs "$d/initrd" "$rel" >> "$OUT/build.log" 2>&1; then
		fail_line "$rel" all all "initramfs failed (see $OUT/build.log)"
		continue
	fi
	rm -rf "$d/conform" "$d/out.img"
	truncate -s 512M "$d/out.img"
	s=$(date +%s)
	# 1 GiB: the captures (about 80 MB) wait in a tmpfs for the tar
	timeout 900 qemu-system-x86_64 -accel tcg -m 1024 -smp 1 -nographic \
		-no-reboot -kernel "/boot/vmlinuz-$rel" \
		-initrd "$d/initrd.cpio.gz" -net none \
		-drive file="$d/out.img",format=raw,if=virtio \
		-append "console=ttyS0 panic=-1 quiet loglevel=1 ipv6.disable=0" \
		> "$d/serial.log" 2>&1 < /dev/null
	rc=$?
	echo "guest $rel: $(( $(date +%s) - s )) s (qemu exit $rc)" >> "$OUT/times.txt"
	tr -d '\r' < "$d/serial.log" | sed -n '/OFLK-BEGIN/,/^OFLK-END/p' > "$d/run.log"
	grep '^kernel ' "$d/run.log" | tee -a "$RESULTS"
	if [ $rc = 124 ]; then
		fail_line "$rel" all all "qemu timed out after 900 s (see $d/serial.log)"
	elif ! grep -q '^OFLK-END' "$d/run.log"; then
		fail_line "$rel" all all "the guest did not finish (see $d/serial.log)"
	elif ! grep -q '^OFLK-TAR ok' "$d/run.log"; then
		fail_line "$rel" conform all "the guest wrote no captures" \
			"($(sed -n 's/^OFLK-TAR //p' "$d/run.log"))"
	elif tar -xf "$d/out.img" -C "$d" 2>> "$OUT/build.log"; then
		conform "$rel" "$d/conform"
	else
		fail_line "$rel" conform all "cannot read the guest's tar"
	fi
	rm -f "$d/out.img"
done
# A group SKIPped on one kernel (its config lacks the feature) must PASS
# on another: say where, and with every kernel booted (no OFL_KERNELS), a
# group that ran nowhere is a FAIL
awk '$9 == "SKIP" { s[$3 " " $4] = s[$3 " " $4] " " $2 }
$9 == "PASS" { p[$3 " " $4] = p[$3 " " $4] " " $2 }
END { for (k in s) print k "|" substr(s[k], 2) "|" substr(p[k], 2) }' \
	"$RESULTS" | sort | while IFS='|' read -r mg skipped passed; do
	if [ -n "$passed" ]; then
		echo "check-kernels: $mg: SKIP on $skipped, PASS on $passed"
	elif [ -z "${OFL_KERNELS:-}" ]; then
		fail_line - $mg "SKIP on $skipped and run on no other kernel"
	else
		echo "check-kernels: $mg: SKIP on $skipped, not run elsewhere" \
			"(OFL_KERNELS)"
	fi
done
echo "check-kernels: $(( $(date +%s) - start_all )) s in all ($(tr '\n' ';' < "$OUT/times.txt"))"
# the status is field 9: kernel REL MODULE GROUP N cases M mismatches STATUS
count() { awk -v s="$1" '$9 == s { n++ } END { print n + 0 }' "$RESULTS"; }
if [ "$(count FAIL)" != 0 ]; then
	echo "check-kernels: FAIL ($(count FAIL) lines; $(count PASS) PASS, $(count SKIP) SKIP)"
	exit 1
fi
echo "check-kernels: PASS ($(count PASS) PASS, $(count SKIP) SKIP)"
