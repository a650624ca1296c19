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
# the machine forms of one finding: --json parses and carries the rule,
# --ktap has the kernel selftests' shape
set -- gro "$dir/lro_across_psh.sent.pcap" "$dir/lro_across_psh.recv.pcap"
if ! "$ofl" conform --json "$@" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["conforms"] is False and r["failed"] == 1, r
assert r["findings"][0]["rule"] == "tcp_gro_receive: PSH ends the flow", r
'; then
	fail=$((fail + 1))
	echo "FAIL: ofl conform --json"
fi
k=$("$ofl" conform --ktap "$@")
if ! printf '%s\n' "$k" | head -2 | grep -qx '1..1' ||
	! printf '%s\n' "$k" | grep -q '^not ok 1 gro ' ||
	! printf '%s\n' "$k" | grep -qx '# Totals: pass:0 fail:1 xfail:0 xpass:0 skip:0 error:0'; then
	fail=$((fail + 1))
	echo "FAIL: ofl conform --ktap:"
	printf '%s\n' "$k"
fi
"$ofl" conform gro "$dir/no-such.pcap" "$dir/no-such.pcap" 2>/dev/null
[ $? = 2 ] || { fail=$((fail + 1)); echo "FAIL: a missing file must exit 2"; }
echo "zoo: $found/$bugs device bugs found with the right rule;" \
	"$quiet/$clean unspoiled outputs conform"
[ $fail = 0 ] && [ $bugs -ge 30 ]
