#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# kmod-boot.sh KVER KO TAG DIR TIMEOUT MEM: boot /boot/vmlinuz-KVER under
# qemu-system-x86_64 (TCG, MEM MiB) with an initramfs of the static
# busybox and KO; its init loads KO, prints the kernel log lines that
# contain TAG (timestamps cut) and powers off. Writes DIR/initrd/,
# DIR/initrd.gz and DIR/serial.log (the console). Exit status: qemu's,
# 124 when TIMEOUT seconds ran out. The caller checks beforehand that
# qemu, cpio, gzip and a static busybox are there (and says SKIP its way).
# Used by scripts/check-targets.sh (kmod) and tests/gso/kmod_gso_partial.sh.
set -u
kver=$1 ko=$2 tag=$3 d=$4 secs=$5 mem=$6
rm -rf "$d/initrd"
mkdir -p "$d/initrd/bin"
cp "$(command -v busybox)" "$d/initrd/bin/busybox"
cp "$ko" "$d/initrd/"
cat > "$d/initrd/init" <<INIT
#!/bin/busybox sh
/bin/busybox mkdir -p /proc
/bin/busybox mount -t proc proc /proc
/bin/busybox insmod /$(basename "$ko")
/bin/busybox dmesg | /bin/busybox grep '$tag' | /bin/busybox sed 's/^\[[^]]*\] *//'
/bin/busybox poweroff -f
INIT
chmod +x "$d/initrd/init"
(cd "$d/initrd" && find . | cpio -o -H newc --quiet | gzip -1) > "$d/initrd.gz"
timeout "$secs" qemu-system-x86_64 -accel tcg -m "$mem" -nographic \
	-no-reboot -kernel "/boot/vmlinuz-$kver" -initrd "$d/initrd.gz" \
	-append "console=ttyS0 panic=-1 quiet" > "$d/serial.log" 2>&1 < /dev/null
