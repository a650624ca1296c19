# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Shell functions shared by scripts/check-kernels.sh and
# scripts/check-vnic.sh to fill a guest's initramfs tree (sourced, not run).

# initramfs_libs ROOT PATH: the shared libraries PATH needs, at their paths
initramfs_libs() {
	for l in $(ldd "$2" | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) .*/\1/p'); do
		mkdir -p "$1$(dirname "$l")"
		cp -L "$l" "$1$l"
	done
}

# initramfs_prog ROOT PROG: the host's PROG as ROOT/sbin/PROG, with its
# libraries
initramfs_prog() {
	p=$(command -v "$2") || return 1
	cp "$p" "$1/sbin/$2"
	initramfs_libs "$1" "$p"
}

# initramfs_modules ROOT RELEASE MODULE...: the modules and their
# dependencies (modprobe --show-depends, in load order, each once), .xz
# ones decompressed, under ROOT/lib/modules/RELEASE; their paths listed
# in load order in ROOT/ofl/modules for the guest's init to insmod
initramfs_modules() {
	_root=$1 _rel=$2
	shift 2
	: > "$_root/ofl/modules"
	for m in "$@"; do
		modprobe -S "$_rel" --show-depends "$m" 2>/dev/null |
			sed -n 's/^insmod \([^ ]*\).*/\1/p'
	done | awk '!seen[$0]++' | while read -r ko; do
		rel_ko=${ko#/lib/modules/$_rel/}
		dst=$_root/lib/modules/$_rel/${rel_ko%.xz}
		mkdir -p "$(dirname "$dst")"
		case $ko in
		*.xz) xz -dc "$ko" > "$dst" ;;
		*) cp "$ko" "$dst" ;;
		esac
		echo "/lib/modules/$_rel/${rel_ko%.xz}" >> "$_root/ofl/modules"
	done
}

# initramfs_init ROOT: start ROOT/init with what every guest does first
# (busybox's applets, /proc /sys /dev /run, the modules listed by
# initramfs_modules, lo up); the caller appends its own tail (cat >>)
# and makes it executable
initramfs_init() {
	cat > "$1/init" <<'INIT'
#!/bin/sh
/bin/busybox --install -s /bin
export PATH=/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs run /run
mkdir -p /var && ln -s /run /var/run
while read -r m; do insmod "$m" 2>/dev/null; done < /ofl/modules
ip link set lo up
INIT
}
