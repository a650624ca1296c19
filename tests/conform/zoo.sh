#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# The zoo (zoo_gen.c): every spoiled output is found by `ofl conform` with
# exit 1 and exactly the expected rule; every unspoiled one conforms.
#   zoo.sh OFL ZOO_GEN DIR
set -u
ofl=$1 gen=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir" || exit 1
"$gen" "$dir" || { echo "FAIL: zoo_gen"; exit 1; }
bugs=0 found=0 clean=0 quiet=0 fail=0
set -f
while IFS='|' read -r name args rule; do
	out=$(cd "$dir" && $ofl conform $args 2>&1)
	rc=$?
	got=$(printf '%s\n' "$out" | sed -n 's/^.*  \[\(.*\)\]$/\1/p' | sort -u)
	if [ -z "$rule" ]; then
		clean=$((clean + 1))
		if [ $rc = 0 ]; then
			quiet=$((quiet + 1))
		else
			fail=$((fail + 1))
			echo "FAIL $name: must conform (exit $rc):"
			printf '%s\n' "$out" | sed 's/^/    /'
		fi
		continue
	fi
	bugs=$((bugs + 1))
	if [ $rc = 1 ] && [ "$got" = "$rule" ]; then
		found=$((found + 1))
		echo "ok   $name: [$rule]"
	else
		fail=$((fail + 1))
		echo "FAIL $name (exit $rc): expected [$rule]"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done < "$dir/zoo.txt"
echo "zoo: $found/$bugs device bugs found with the right rule;" \
	"$quiet/$clean unspoiled outputs conform"
[ $fail = 0 ] && [ $bugs -ge 30 ]
