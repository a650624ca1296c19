#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# make check-vnic: ofl inside a driver. Builds ofl.ko and ofl_vnic.ko
# (bindings/kernel, OFL_DRIVERS=1) against the guest kernel's headers,
# the kernel's own selftests (toeplitz.c, lib/csum.c, udpgso.c, gro.c from
# Debian's linux-source-<line> of the guest's own line, only those files
# extracted; a test the release lacks is a SKIP line saying so) and
# tests/vnic/vnic_tool.c statically, boots the kernel under
# qemu-system-x86_64 (TCG) with an initramfs holding them, and runs
# tests/vnic/run_vnic.sh there, which prints one line per check:
#
#   vnic <kernel> <check> PASS|FAIL|SKIP <details>
#
# Exit status non-zero on any FAIL or if nothing ran. Logs, modules and
# the initramfs: BUILD/vnic/<release>/. docs/DRIVER.md says what each
# check proves.
#
# usage: sh scripts/check-vnic.sh [BUILD]   (BUILD configured: BUILD/gen)
#   OFL_VNIC_KERNELS="6.12.118+deb12-amd64"  the releases to boot
#                         (default: the 6.12 one, then the 6.1 one; each
#                         with its own linux-source's selftests)
#   OFL_VNIC_BULK_MIB=N   size of each TCP bulk transfer (default 256)
#   OFL_VNIC_RUN=FILE     run FILE in the guest instead of run_vnic.sh
#                         (to debug one check; same arguments)
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
. "$SRC/scripts/initramfs.sh"
BUILD=$(cd "${1:-build}" && pwd) || { echo "no build dir"; exit 2; }
OUT=$BUILD/vnic
mkdir -p "$OUT"
RESULTS=$OUT/results.txt
: > "$RESULTS"
start_all=$(date +%s)

fail_line() { # release check reason...
	_r=$1 _c=$2
	shift 2
	echo "vnic $_r $_c FAIL $*" | tee -a "$RESULTS"
}

for tool in qemu-system-x86_64 dash busybox cpio gzip xz ip ethtool devlink nstat gcc make; do
	command -v $tool >/dev/null || {
		fail_line - setup "$tool not installed (scripts/packages.txt [vnic])"
		exit 1
	}
done
if readelf -l "$(command -v busybox)" 2>/dev/null | grep -q INTERP; then
	fail_line - setup "busybox is not static (install busybox-static)"
	exit 1
fi
[ -f "$BUILD/gen/ofl_identity_gen.h" ] && [ -f "$BUILD/libofl.a" ] &&
	[ -x "$BUILD/tools/ofl" ] || {
	fail_line - setup "$BUILD/gen, $BUILD/libofl.a or $BUILD/tools/ofl missing: build first"
	exit 1
}

# other_identity IN OUT: a copy of the kernel module IN whose .ofl_id gro
# record has its first SHA-256 byte inverted (objcopy --update-section):
# an image that claims another lib/gro, for id-device's DIFFERENT case
other_identity() {
	_t=$2.ofl_id
	objcopy --dump-section .ofl_id="$_t" "$1" || return 1
	_n=$(( $(stat -c %s "$_t") / 48 )) _i=0
	while [ $_i -lt $_n ]; do
		_m=$(dd if="$_t" bs=1 skip=$((_i * 48)) count=16 2>/dev/null | tr -d '\0')
		[ "$_m" = gro ] && break
		_i=$((_i + 1))
	done
	[ $_i -lt $_n ] || { echo "no gro record in $1"; return 1; }
	_o=$((_i * 48 + 16))
	_b=$(od -An -tu1 -j $_o -N 1 "$_t" | tr -d ' ')
	# shellcheck disable=SC2059
	printf "\\$(printf %o $((_b ^ 255)))" |
		dd of="$_t" bs=1 seek=$_o conv=notrunc 2>/dev/null
	objcopy --update-section .ofl_id="$_t" "$1" "$2" && rm -f "$_t"
}

# the 6.12 guest, then the 6.1 one (Debian 12's two kernel lines)
kernels=${OFL_VNIC_KERNELS:-}
if [ -z "$kernels" ]; then
	for l in 6.12 6.1; do
		k=
		for k in /boot/vmlinuz-"$l".*; do
			[ -r "$k" ] && kernels="$kernels ${k#/boot/vmlinuz-}"
		done
		[ -r "$k" ] || case $l in
		6.12) fail_line - setup "no 6.12 kernel in /boot (linux-image-6.12-amd64)" ;;
		*) fail_line - setup "no $l kernel in /boot (linux-image-amd64)" ;;
		esac
	done
fi
[ -n "$kernels" ] || exit 1

# selftests LINE DIR: extract and build (statically) the kernel's own
# tests from linux-source-LINE, the guest's own release, and nothing else:
# toeplitz.c, gro.c (with kselftest.h), lib/csum.c and udpgso.c. One tar
# pass extracts the files that exist. DIR/bin/selftest_src says, per test,
# "NAME LINE" (built from that source) or "NAME none REASON" (the release
# has no such test, or none that can drive a device: the guest prints a
# SKIP line with REASON).
selftests() {
	line=$1 d=$2
	tarball=/usr/src/linux-source-$line.tar.xz
	t=linux-source-$line/tools/testing/selftests
	rm -rf "$d/src" && mkdir -p "$d/src" "$d/bin"
	rm -f "$d/bin/toeplitz" "$d/bin/gro" "$d/bin/csum" "$d/bin/udpgso"
	: > "$d/bin/selftest_src"
	[ -r "$tarball" ] || { echo "$tarball missing (linux-source-$line)"; return 1; }
	# a member the release lacks only makes tar complain: checked below
	tar -xJf "$tarball" -C "$d/src" "$t/kselftest.h" "$t/net/toeplitz.c" \
		"$t/net/gro.c" "$t/net/lib/csum.c" "$t/net/udpgso.c" 2>/dev/null
	mv "$d/src/$t" "$d/src/sel" 2>/dev/null
	n=$d/src/sel/net
	for f in kselftest.h net/toeplitz.c net/gro.c; do
		[ -f "$d/src/sel/$f" ] || { echo "$f: not in $tarball"; return 1; }
	done
	echo "toeplitz $line" >> "$d/bin/selftest_src"
	echo "gro $line" >> "$d/bin/selftest_src"
	if [ -f "$n/lib/csum.c" ]; then
		echo "csum $line" >> "$d/bin/selftest_src"
	else
		echo "csum none linux-source-$line has no csum.c (tools/testing/selftests/net/lib/csum.c, the checksum offload test, came after $line)" >> "$d/bin/selftest_src"
	fi
	# udpgso.c drives a device only with -R (send only, into a "sink"
	# device: udpgso.sh's hw/sw-gso cases); without it the test sends
	# over lo and reads its own datagrams back, never through a device
	if [ -f "$n/udpgso.c" ] && grep -q 'getopt([^"]*"[^"]*R' "$n/udpgso.c"; then
		echo "udpgso $line" >> "$d/bin/selftest_src"
	else
		echo "udpgso none udpgso.c of linux-source-$line has no -R (no run into a device sink: its cases go over lo only and never reach a device; USO over the vnic: uso4/uso6)" >> "$d/bin/selftest_src"
		rm -f "$n/udpgso.c"
	fi
	# Addresses: the tests' own 10.0.0.1, fd00::1, 192.168.1.x and fdaa::
	# become 198.18.0.0/15 and 2001:db8::/32 ones (the only ones we use);
	# nothing else of the tests is changed.
	sed -i 's/"fdaa::2"/"2001:db8:aa::2"/; s/"fdaa::1"/"2001:db8:aa::1"/; s/"192\.168\.1\.200"/"198.18.1.200"/; s/"192\.168\.1\.100"/"198.18.1.100"/' "$n/gro.c"
	grep -q 198.18.1.200 "$n/gro.c" && grep -q 2001:db8:aa::1 "$n/gro.c" ||
		{ echo "address substitution failed (gro.c)"; return 1; }
	if [ -f "$n/udpgso.c" ]; then
		sed -i 's/0x0a000001/0xc6120001/; s/{ 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }/{ 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }/' "$n/udpgso.c"
		grep -q 0xc6120001 "$n/udpgso.c" && grep -q 0x0d, "$n/udpgso.c" ||
			{ echo "address substitution failed (udpgso.c)"; return 1; }
	fi
	for f in toeplitz gro lib/csum udpgso; do
		[ -f "$n/$f.c" ] || continue
		gcc -O2 -static -D_GNU_SOURCE -I"$n/.." -I"$n/../.." \
			"$n/$f.c" -o "$d/bin/$(basename $f)" -lpthread || return 1
	done
}

# the modules the guest loads (with their dependencies)
MODS="vxlan"
make_initramfs() { # root release moddir bindir
	root=$1 rel=$2
	rm -rf "$root"
	mkdir -p "$root/bin" "$root/sbin" "$root/proc" "$root/sys" \
		"$root/run" "$root/tmp" "$root/dev" "$root/ofl"
	cp "$(command -v busybox)" "$root/bin/busybox"
	cp "$(command -v dash)" "$root/bin/sh"
	for t in dash ip ethtool devlink nstat; do
		initramfs_prog "$root" $t || return 1
	done
	# the ofl tool of this build, for id-device (ofl id --device)
	cp "$BUILD/tools/ofl" "$root/sbin/ofl" &&
		initramfs_libs "$root" "$BUILD/tools/ofl" || return 1
	# shellcheck disable=SC2086
	initramfs_modules "$root" "$rel" $MODS
	cp "$3/ofl.ko" "$3/ofl_vnic.ko" "$4"/* "$root/ofl/"
	cp "${OFL_VNIC_RUN:-$SRC/tests/vnic/run_vnic.sh}" "$root/ofl/run_vnic.sh"
	initramfs_init "$root"
	cat >> "$root/init" <<'INIT'
echo OFLV-BEGIN
sh /ofl/run_vnic.sh /ofl "$(uname -r)" 2>&1
echo OFLV-END
poweroff -f
INIT
	chmod +x "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$root.cpio.gz"
}

: > "$OUT/times.txt"
for rel in $kernels; do
	d=$OUT/$rel
	mkdir -p "$d"
	s=$(date +%s)
	line=$(echo "$rel" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
	kdir=/lib/modules/$rel/build
	if [ ! -e "$kdir/Makefile" ]; then
		fail_line "$rel" build "no headers in $kdir (linux-headers-$rel)"
		continue
	fi
	rm -rf "$d/mod" && mkdir -p "$d/mod"
	cp "$SRC"/bindings/kernel/* "$d/mod/"
	if ! make -C "$kdir" M="$d/mod" OFL_SRC="$SRC" OFL_GEN="$BUILD/gen" \
		OFL_DRIVERS=1 modules > "$d/build.log" 2>&1; then
		fail_line "$rel" build "Kbuild of ofl.ko/ofl_vnic.ko failed (see $d/build.log)"
		continue
	fi
	mkdir -p "$d/bin"
	if ! selftests "$line" "$d" >> "$d/build.log" 2>&1; then
		fail_line "$rel" build "selftests of linux-source-$line did not build (see $d/build.log)"
		continue
	fi
	gcc -O2 -static -Wall -Wextra -Werror -I"$SRC/include" \
		"$SRC/tests/vnic/vnic_tool.c" "$BUILD/libofl.a" \
		-o "$d/bin/vnic_tool" >> "$d/build.log" 2>&1 || {
		fail_line "$rel" build "vnic_tool did not build"; continue; }
	# what the host expects of the device: the identity of lib/gro in
	# the ofl.ko it built (modinfo), handed to the guest
	modinfo -F ofl_id_gro "$d/mod/ofl.ko" > "$d/bin/expect_gro"
	other_identity "$d/mod/ofl.ko" "$d/bin/ofl_other_gro.ko" >> "$d/build.log" 2>&1 || {
		fail_line "$rel" build "no copy of ofl.ko with another identity (see $d/build.log)"; continue; }
	echo "${OFL_VNIC_BULK_MIB:-256}" > "$d/bin/bulk_mib"
	if ! make_initramfs "$d/initrd" "$rel" "$d/mod" "$d/bin" >> "$d/build.log" 2>&1; then
		fail_line "$rel" build "initramfs failed (see $d/build.log)"
		continue
	fi
	b=$(date +%s)
	timeout 900 qemu-system-x86_64 -accel tcg -m 1024 -smp 1 -nographic \
		-no-reboot -kernel "/boot/vmlinuz-$rel" \
		-initrd "$d/initrd.cpio.gz" -net none \
		-append "console=ttyS0 panic=-1 quiet loglevel=3" \
		> "$d/serial.log" 2>&1 < /dev/null
	rc=$?
	e=$(date +%s)
	echo "$rel: build $((b - s)) s, guest $((e - b)) s (qemu exit $rc)" >> "$OUT/times.txt"
	tr -d '\r' < "$d/serial.log" | sed -n '/OFLV-BEGIN/,/^OFLV-END/p' > "$d/run.log"
	grep '^vnic ' "$d/run.log" | tee -a "$RESULTS"
	if [ $rc = 124 ]; then
		fail_line "$rel" guest "qemu timed out after 900 s (see $d/serial.log)"
	elif ! grep -q '^OFLV-END' "$d/run.log"; then
		fail_line "$rel" guest "the guest did not finish (see $d/serial.log)"
	fi
done
echo "check-vnic: $(( $(date +%s) - start_all )) s in all ($(tr '\n' ';' < "$OUT/times.txt"))"
count() { awk -v s="$1" '$4 == s { n++ } END { print n + 0 }' "$RESULTS"; }
if [ "$(count FAIL)" != 0 ] || [ "$(count PASS)" = 0 ]; then
	echo "check-vnic: FAIL ($(count FAIL) FAIL, $(count PASS) PASS, $(count SKIP) SKIP)"
	exit 1
fi
echo "check-vnic: PASS ($(count PASS) PASS, $(count SKIP) SKIP)"
