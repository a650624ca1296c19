#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# check_nm.sh undefined LIB.a  : the core needs no symbol from anywhere
# check_nm.sh exports LIB.so   : every exported symbol matches ^ofl_
# check_nm.sh soname LIB.so    : the shared library has a versioned SONAME
set -eu
mode=$1 lib=$2
case $mode in
undefined)
	u=$(nm -u "$lib" | grep -v ':$' | grep -v '^$' || true)
	if [ -n "$u" ]; then
		echo "FAIL: $lib has undefined symbols:"; echo "$u"; exit 1
	fi
	n=$(nm --defined-only "$lib" | grep -c ' T ' || true)
	[ "$n" -gt 0 ] || { echo "FAIL: $lib defines no functions"; exit 1; }
	echo "ok: $lib defines $n functions and needs none" ;;
exports)
	# Version nodes show as absolute symbols (OFL_1); skip them.
	bad=$(nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' |
		sed 's/@.*//' | grep -v '^ofl_' || true)
	if [ -n "$bad" ]; then
		echo "FAIL: exported without the ofl_ prefix:"; echo "$bad"; exit 1
	fi
	n=$(nm -D --defined-only "$lib" | grep -c ' T ofl_' || true)
	[ "$n" -gt 0 ] || { echo "FAIL: $lib exports nothing"; exit 1; }
	echo "ok: $n exports, all ofl_*" ;;
soname)
	s=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
	case $s in
	libofl.so.1) ;;
	*) echo "FAIL: SONAME is '$s', want libofl.so.1"; exit 1 ;;
	esac
	# every ofl_* symbol is in version node OFL_1
	bad=$(objdump -T "$lib" | awk '$NF ~ /^ofl_/ && $(NF-1) != "OFL_1" {print}')
	if [ -n "$bad" ]; then
		echo "FAIL: symbols outside version node OFL_1:"; echo "$bad"; exit 1
	fi
	case $s in
	libofl.so.1) echo "ok: SONAME $s, every ofl_* in OFL_1" ;;
	*) echo "FAIL: SONAME is '$s'"; exit 1 ;;
	esac ;;
*) echo "usage: $0 undefined|exports|soname LIB"; exit 2 ;;
esac
