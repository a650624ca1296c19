#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# make check-targets: the conformance suite (tests/conformance) built from
# the unchanged sources for every target and run; one line per target:
#
#   <target> <digest> PASS|FAIL|SKIP <reason>
#
# targets: userspace (gcc and clang must agree), ebpf (BPF_PROG_TEST_RUN),
# kmod (Debian kernel under qemu-system-x86_64, TCG), firmware (Cortex-M3,
# qemu-system-arm mps2-an385, semihosting), big-endian (s390x, qemu-user).
# Exit status 0 only if every line is PASS with the same digest.
# Figures for docs/TARGETS.md go to BUILD/targets/report.txt.
#
# usage: sh scripts/check-targets.sh [BUILD]   (BUILD already built)
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd) || { echo "no build dir"; exit 2; }
OUT=$BUILD/targets
GEN=$BUILD/gen
CONF=$SRC/tests/conformance
rm -rf "$OUT"
mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
CFLAGS_CORE="-O2 -std=c11 -ffreestanding -fno-stack-protector -I$SRC/include -I$SRC/lib -I$CONF -I$GEN"
RESULTS=$OUT/results

# result TARGET DIGEST STATUS REASON...
result() {
	_rt=$1 _rd=$2 _rs=$3
	shift 3
	echo "$_rt $_rd $_rs $*" >> "$RESULTS"
}

# digest of an "ofl-conformance digest X cases N failures M" line in $1
digest_of() { sed -n 's/.*ofl-conformance digest \([0-9a-f]\{16\}\) .*/\1/p' "$1" | head -n 1; }
cases_of() { sed -n 's/.*ofl-conformance digest [0-9a-f]* cases \([0-9]*\) failures \([0-9]*\).*/\1 cases, \2 failures/p' "$1" | head -n 1; }
failures_of() { sed -n 's/.*ofl-conformance .* failures \([0-9]*\).*/\1/p' "$1" | head -n 1; }

# judge TARGET LOG RC EXTRA [IMAGE...]: PASS when the log has a digest and
# 0 failures, and `ofl id IMAGE...` finds the running library's identity
judge() {
	_jt=$1 _jlog=$2 _jrc=$3 _jextra=$4
	shift 4
	_jd=$(digest_of "$_jlog")
	_jid=0
	if [ $# -gt 0 ] && [ ! -x "$BUILD/tools/ofl" ]; then
		result "$_jt" "${_jd:--}" FAIL "the ofl tool is not built (OFL_BUILD_TOOLS=ON): cannot check identity"
		return
	elif [ $# -gt 0 ]; then
		"$BUILD/tools/ofl" id "$@" > "$OUT/$_jt.id" 2>&1 || _jid=$?
		_jextra="$_jextra, ofl id equal"
	fi
	if [ -z "$_jd" ]; then
		result "$_jt" - FAIL "no digest in the output (exit $_jrc, see $_jlog)"
	elif [ "$(failures_of "$_jlog")" != 0 ] || [ "$_jrc" != 0 ]; then
		result "$_jt" "$_jd" FAIL "$(cases_of "$_jlog") (exit $_jrc)"
	elif [ "$_jid" != 0 ]; then
		result "$_jt" "$_jd" FAIL "ofl id: image identity differs (exit $_jid, see $OUT/$_jt.id)"
	else
		result "$_jt" "$_jd" PASS "$(cases_of "$_jlog")$_jextra"
	fi
}

# sizes OBJ LABEL: code size per module from symbol sizes (T/t symbols);
# a symbol belongs to the module named by one of its _-separated words.
sizes() {
	nm -S -t d --defined-only "$1" 2>/dev/null | awk -v label="$2" '
	NF == 4 && ($3 ~ /^[Tt]$/) {
		n = split($4, w, "_"); m = ""
		if ($4 ~ /^ofl_conf/ || $4 ~ /^ofl_kmod/) m = "runner"
		for (i = 1; i <= n && m == ""; i++)
			if (w[i] ~ /^(csum|parser|rss|gso|gro)$/) m = w[i]
		if (m == "" && $4 ~ /^ofl__?parse/) m = "parser"
		if (m == "" && $4 ~ /^ofl__?toeplitz/) m = "rss"
		if (m == "" && $4 ~ /^ofl/) m = "common"
		if (m == "") m = "other"
		sz[m] += $2 + 0
	}
	END {
		printf "size %s:", label
		for (m in sz) printf " %s=%d", m, sz[m]
		printf "\n"
	}' >> "$REPORT"
}

# stack SUFILES LABEL: largest -fstack-usage figure per module
stack() {
	label=$1
	shift
	cat "$@" 2>/dev/null | awk -v label="$label" -F '\t' '
	{
		f = $1; sub(/.*:/, "", f); n = split(f, w, "_"); m = ""
		if (f ~ /^ofl_conf/ || f ~ /^ofl_kmod/ || f ~ /^ofl_fw/) m = "runner"
		for (i = 1; i <= n && m == ""; i++)
			if (w[i] ~ /^(csum|parser|rss|gso|gro)$/) m = w[i]
		if (m == "" && f ~ /^ofl__?parse/) m = "parser"
		if (m == "" && f ~ /^ofl__?toeplitz/) m = "rss"
		if (m == "") m = "common"
		if ($2 + 0 > st[m]) { st[m] = $2 + 0; fn[m] = f }
	}
	END {
		printf "stack %s:", label
		for (m in st) printf " %s=%d(%s)", m, st[m], fn[m]
		printf "\n"
	}' >> "$REPORT"
}

# ---------------------------------------------------------------- userspace
t_userspace() {
	d=$OUT/userspace
	mkdir -p "$d"
	if [ ! -x "$BUILD/tests/conformance/ofl_conformance" ]; then
		result userspace - FAIL "not built (configure with OFL_BUILD_TESTS=ON)"
		return
	fi
	"$BUILD/tests/conformance/ofl_conformance" -v > "$d/gcc.log" 2>&1
	rc=$?
	if ! command -v clang >/dev/null; then
		result userspace "$(digest_of "$d/gcc.log")" SKIP "clang not installed"
		return
	fi
	if ! clang $CFLAGS_CORE -Wall -Wextra -Werror -c "$SRC/lib/all.c" -o "$d/all.o" ||
	   ! clang $CFLAGS_CORE -c "$CONF/conf_run.c" -o "$d/conf_run.o" ||
	   ! clang -O2 -I"$SRC/include" -I"$CONF" "$CONF/main_user.c" \
		"$d/conf_run.o" "$d/all.o" -o "$d/conformance-clang"; then
		result userspace - FAIL "clang build failed"
		return
	fi
	"$d/conformance-clang" -v > "$d/clang.log" 2>&1
	rc2=$?
	g=$(digest_of "$d/gcc.log") c=$(digest_of "$d/clang.log")
	if [ "$g" != "$c" ]; then
		result userspace "${g:--}" FAIL "gcc $g and clang $c differ"
		return
	fi
	[ $rc = 0 ] && rc=$rc2
	judge userspace "$d/gcc.log" $rc ", gcc and clang agree" \
		"$BUILD/libofl.a" "$BUILD/libofl.so" "$d/all.o"
	sizes "$BUILD/CMakeFiles/ofl_objs.dir/lib/all.c.o" "userspace-gcc"
	sizes "$d/all.o" "userspace-clang"
	stack "userspace-gcc" "$BUILD/CMakeFiles/ofl_objs.dir/lib/all.c.su"
}

# -------------------------------------------------------------------- ebpf
t_ebpf() {
	d=$OUT/ebpf
	mkdir -p "$d"
	exe=$BUILD/tests/conformance/ofl_conformance_ebpf
	obj=$BUILD/tests/conformance/conf_bpf.o
	if [ ! -x "$exe" ] || [ ! -f "$obj" ]; then
		result ebpf - FAIL "not built (needs OFL_HOST_TESTS: clang, libbpf)"
		return
	fi
	"$exe" "$obj" > "$d/run.log" 2>&1
	rc=$?
	if [ $rc = 77 ]; then
		result ebpf - SKIP "$(sed -n 's/^SKIP: //p' "$d/run.log" | head -n 1)"
		return
	fi
	n=$(grep -c '^entry ' "$d/run.log")
	judge ebpf "$d/run.log" $rc ", $n BPF programs via BPF_PROG_TEST_RUN" "$obj"
	grep '^entry ' "$d/run.log" | sed 's/^/verifier /' >> "$REPORT"
}

# -------------------------------------------------------------------- kmod
t_kmod() {
	d=$OUT/kmod
	mkdir -p "$d/mod"
	kver=
	for b in /lib/modules/*/build; do
		v=$(basename "$(dirname "$b")")
		[ -e "$b/Makefile" ] && [ -r "/boot/vmlinuz-$v" ] && kver=$v
	done
	if [ -z "$kver" ]; then
		result kmod - SKIP "no kernel with both headers (/lib/modules/*/build) and /boot/vmlinuz-* (install linux-headers-amd64 linux-image-amd64)"
		return
	fi
	for tool in qemu-system-x86_64 busybox cpio gzip; do
		command -v $tool >/dev/null || {
			result kmod - SKIP "$tool not installed"; return; }
	done
	cp "$SRC/bindings/kernel/Kbuild" "$SRC/bindings/kernel/ofl_kmod.c" "$d/mod/"
	if ! make -s -C "/lib/modules/$kver/build" M="$d/mod" OFL_SRC="$SRC" \
		OFL_GEN="$GEN" KCFLAGS=-fstack-usage modules > "$d/build.log" 2>&1; then
		result kmod - FAIL "Kbuild against $kver failed (see $d/build.log)"
		return
	fi
	bb=$(command -v busybox)
	if readelf -l "$bb" 2>/dev/null | grep -q 'INTERP'; then
		result kmod - SKIP "busybox is not static (install busybox-static)"
		return
	fi
	start=$(date +%s)
	sh "$SRC/scripts/kmod-boot.sh" "$kver" "$d/mod/ofl_conformance.ko" \
		ofl-conformance "$d" 240 256
	rc=$?
	secs=$(( $(date +%s) - start ))
	[ $rc = 124 ] && { result kmod "$(digest_of "$d/serial.log")" FAIL "qemu timed out after 240 s"; return; }
	# modinfo ofl_id_<module> must say what ofl id says
	"$BUILD/tools/ofl" id 2>/dev/null | while read -r m id; do
		mi=$(modinfo -F "ofl_id_$m" "$d/mod/ofl_conformance.ko" 2>/dev/null)
		[ "$mi" = "$id" ] || echo "$m"
	done > "$d/modinfo.bad"
	if [ -s "$d/modinfo.bad" ]; then
		result kmod "$(digest_of "$d/serial.log")" FAIL "modinfo ofl_id_* differs for: $(tr '\n' ' ' < "$d/modinfo.bad")"
		return
	fi
	judge kmod "$d/serial.log" $rc ", Debian $kver booted under TCG in ${secs}s, modinfo ids" \
		"$d/mod/ofl_conformance.ko"
	sizes "$d/mod/ofl_kmod.o" "kmod"
	stack "kmod" "$d/mod/ofl_kmod.su"
	echo "kmod boot seconds: $secs" >> "$REPORT"
	modinfo -F ofl_id_csum "$d/mod/ofl_conformance.ko" > /dev/null 2>&1 &&
		modinfo "$d/mod/ofl_conformance.ko" | grep '^ofl_id_' | sed 's/^/modinfo /' >> "$REPORT"
}

# ---------------------------------------------------------------- firmware
t_firmware() {
	d=$OUT/firmware
	mkdir -p "$d"
	for tool in arm-none-eabi-gcc qemu-system-arm; do
		command -v $tool >/dev/null || {
			result firmware - SKIP "$tool not installed"; return; }
	done
	fw=$SRC/bindings/firmware
	ok=1
	for f in "$SRC/lib/all.c" "$CONF/conf_run.c" "$fw/startup.c" "$fw/main.c"; do
		o=$d/$(basename "$f" .c).o
		(cd "$d" && arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb $CFLAGS_CORE \
			-nostdlib -fno-tree-loop-distribute-patterns -fstack-usage \
			-DOFL_FIRMWARE -Wall -Wextra -Werror -c "$f" -o "$o") \
			>> "$d/build.log" 2>&1 || ok=0
	done
	if [ $ok = 0 ] || ! arm-none-eabi-gcc -mcpu=cortex-m3 -mthumb -nostdlib \
		-T "$fw/mps2.ld" "$d/startup.o" "$d/main.o" "$d/conf_run.o" \
		"$d/all.o" -lgcc -o "$d/ofl_conformance.elf" >> "$d/build.log" 2>&1; then
		result firmware - FAIL "arm-none-eabi-gcc build failed (see $d/build.log)"
		return
	fi
	timeout 60 qemu-system-arm -M mps2-an385 -nographic -monitor none \
		-serial none -semihosting-config enable=on,target=native \
		-kernel "$d/ofl_conformance.elf" > "$d/run.log" 2>&1 < /dev/null
	rc=$?
	judge firmware "$d/run.log" $rc ", Cortex-M3 mps2-an385, semihosting" \
		"$d/ofl_conformance.elf"
	sizes "$d/all.o" "firmware"
	stack "firmware" "$d/all.su"
	stack "firmware-runner" "$d/conf_run.su"
	sed -n 's/^stack high-water \([0-9]*\) bytes.*/firmware measured stack high-water (painted): \1 bytes/p' \
		"$d/run.log" >> "$REPORT"
	arm-none-eabi-size "$d/ofl_conformance.elf" | tail -n 1 |
		awk '{print "firmware image: text " $1 " data " $2 " bss " $3}' >> "$REPORT"
}

# -------------------------------------------------------------- big-endian
t_big_endian() {
	d=$OUT/big-endian
	mkdir -p "$d"
	for tool in s390x-linux-gnu-gcc qemu-s390x-static; do
		command -v $tool >/dev/null || {
			result big-endian - SKIP "$tool not installed"; return; }
	done
	if ! (cd "$d" && s390x-linux-gnu-gcc $CFLAGS_CORE -fno-tree-loop-distribute-patterns \
		-fstack-usage -Wall -Wextra -Werror -c "$SRC/lib/all.c" -o "$d/all.o") > "$d/build.log" 2>&1 ||
	   ! s390x-linux-gnu-gcc $CFLAGS_CORE -c "$CONF/conf_run.c" -o "$d/conf_run.o" >> "$d/build.log" 2>&1 ||
	   ! s390x-linux-gnu-gcc -O2 -static -I"$SRC/include" -I"$CONF" \
		"$CONF/main_user.c" "$d/conf_run.o" "$d/all.o" \
		-o "$d/ofl_conformance" >> "$d/build.log" 2>&1; then
		result big-endian - FAIL "s390x build failed (see $d/build.log)"
		return
	fi
	timeout 60 qemu-s390x-static "$d/ofl_conformance" -v > "$d/run.log" 2>&1
	rc=$?
	judge big-endian "$d/run.log" $rc ", s390x under qemu-user" \
		"$d/ofl_conformance"
	sizes "$d/all.o" "big-endian"
	stack "big-endian" "$d/all.su"
}

: > "$RESULTS"
# kmod (the slow one) boots while the others build and run
t_kmod > "$OUT/kmod.out" 2>&1 &
kpid=$!
t_userspace
t_ebpf
t_firmware
t_big_endian
wait $kpid
cat "$OUT/kmod.out"

# print in the documented order; all PASS with one digest, or exit 1
ref=$(awk '$1 == "userspace" {print $2}' "$RESULTS")
status=0
for t in userspace ebpf kmod firmware big-endian; do
	l=$(awk -v t="$t" '$1 == t' "$RESULTS" | head -n 1)
	[ -n "$l" ] || l="$t - FAIL did not run"
	set -- $l
	if [ "$3" = PASS ] && [ "$2" != "$ref" ]; then
		l="$1 $2 FAIL digest differs from userspace $ref"
		set -- $l
	fi
	echo "$l"
	[ "$3" = PASS ] || status=1
done
exit $status
