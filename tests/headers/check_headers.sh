#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# check_headers.sh c|c++ COMPILER INCLUDE_DIR [EXTRA_FLAGS...]
# Every public header in INCLUDE_DIR/offload compiles alone (and twice, for
# its include guard; a typedef keeps macro-only headers from being an
# empty unit) as C11 with -pedantic, or as C++, warnings as errors.
# offload/bpf.h is for BPF C programs only and is checked as C only.
set -eu
lang=$1 cc=$2 inc=$3
shift 3
extra="$*"	# e.g. -I<build>/gen: headers the build generates for the core
command -v "$cc" >/dev/null 2>&1 || { echo "FAIL: no $cc"; exit 1; }
case $lang in
c)   flags="-x c -std=c11 -pedantic -Wall -Wextra -Wstrict-prototypes -Werror" ;;
c++) flags="-x c++ -std=c++11 -pedantic -Wall -Wextra -Werror" ;;
*)   echo "usage: $0 c|c++ COMPILER INCLUDE_DIR"; exit 2 ;;
esac
n=0 bad=0
for h in "$inc"/offload/*.h; do
	name=offload/$(basename "$h")
	[ "$lang" = c++ ] && [ "$name" = offload/bpf.h ] && continue
	# shellcheck disable=SC2086
	if ! printf '#include <%s>\n#include <%s>\ntypedef int ofl__tu;\n' \
		"$name" "$name" |
		"$cc" $flags $extra -fsyntax-only -I"$inc" - ; then
		echo "FAIL: $name as $lang with $cc"
		bad=$((bad + 1))
	fi
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "FAIL: no headers in $inc/offload"; exit 1; }
[ "$bad" -eq 0 ] || exit 1
echo "ok: $n headers compile alone as $lang with $cc"
