#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# The fuzz campaign of docs/FUZZING.md: every libFuzzer target of a fuzz
# build (make fuzz's build: clang, ASan+UBSan) for SECONDS of wall time
# each, JOBS at a time, at nice 19 (idle CPU only), each on its own
# corpus directory that persists between runs (OUT/corpus/NAME; seeds a
# build writes, fuzz/corpus_seeds_NAME.list, are read too). Per fuzzer a
# log (OUT/logs/NAME.log, -print_final_stats=1) and one summary line:
#
#   NAME cpu_s=U+S execs=N cov=C ft=F corpus=FILES/BYTES new=ARTIFACT|none slow=N
#
# cpu_s is the fuzzer's user+system CPU time (/usr/bin/time): on a shared
# machine a nice 19 run gets far less CPU than wall time. Crash, leak,
# timeout and OOM inputs land in OUT/artifacts/NAME-*; new= names the first
# one this run wrote (artifacts of earlier runs in OUT are not counted
# again). slow= counts this run's slow-unit inputs (libFuzzer's
# -report_slow_units, wall time: a stopped or starved process makes them
# too), which are kept but are not failures. Exit status 1 if any fuzzer
# found a crash, leak, timeout or OOM input in this run.
#
# usage: sh scripts/fuzz-hours.sh BUILD_FUZZ SECONDS [JOBS] [NAME...]
#   BUILD_FUZZ  a built fuzz tree (make fuzz FUZZ_SECONDS=0, or
#               CC=clang cmake -DOFL_BUILD_FUZZ=ON ...; cmake --build)
#   OUT         directory for corpora, logs, artifacts (default
#               BUILD_FUZZ/fuzz-hours)
#   TIMEOUT     seconds one input may take before it counts as a hang
#               (libFuzzer -timeout; default 120, generous for nice 19)
set -u
BUILD=$(cd "${1:?usage: fuzz-hours.sh BUILD_FUZZ SECONDS [JOBS] [NAME...]}" \
	&& pwd) || exit 2
SECS=${2:?seconds per fuzzer}
JOBS=${3:-1}
[ $# -ge 3 ] && shift 3 || shift $#
OUT=${OUT:-$BUILD/fuzz-hours}
TIMEOUT=${TIMEOUT:-120}
mkdir -p "$OUT/corpus" "$OUT/logs" "$OUT/artifacts"
if [ $# -gt 0 ]; then
	NAMES="$*"
else
	NAMES=$(cd "$BUILD/fuzz" && for f in fuzz_*; do
		[ -x "$f" ] && [ -f "$f" ] && echo "$f"; done)
fi

one() {
	n=$1
	mkdir -p "$OUT/corpus/$n"
	ls "$OUT/artifacts" | grep "^$n-" >"$OUT/logs/$n.before"
	seeds=
	[ -f "$BUILD/fuzz/corpus_seeds_${n#fuzz_}.list" ] &&
		seeds=-seed_inputs=@$BUILD/fuzz/corpus_seeds_${n#fuzz_}.list
	# shellcheck disable=SC2086
	nice -n 19 /usr/bin/time -f '%U %S' -o "$OUT/logs/$n.time" \
		"$BUILD/fuzz/$n" -max_total_time="$SECS" -print_final_stats=1 \
		-timeout="$TIMEOUT" -artifact_prefix="$OUT/artifacts/$n-" $seeds \
		"$OUT/corpus/$n" >"$OUT/logs/$n.log" 2>&1
	set -- $(tail -n 1 "$OUT/logs/$n.time")
	cpu=$1+$2
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$OUT/logs/$n.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$OUT/logs/$n.log" | tail -n 1)
	files=$(find "$OUT/corpus/$n" -type f | wc -l)
	bytes=$(du -sb "$OUT/corpus/$n" | cut -f1)
	ls "$OUT/artifacts" | grep "^$n-" | grep -vxF -f "$OUT/logs/$n.before" \
		>"$OUT/logs/$n.new"
	art=$(grep -v -- "^$n-slow-unit-" "$OUT/logs/$n.new" | head -n 1)
	slow=$(grep -c -- "^$n-slow-unit-" "$OUT/logs/$n.new")
	echo "$n cpu_s=$cpu execs=${execs:-?} cov=$(echo "$cov" |
		sed 's/cov: \([0-9]*\) ft: \([0-9]*\)/\1 ft=\2/') \
corpus=$files/$bytes new=${art:-none} slow=$slow"
}

# JOBS at a time: each slot takes every JOBS-th name
for slot in $(seq 1 "$JOBS"); do
	(k=0
	 for n in $NAMES; do
		k=$((k + 1))
		[ $(((k - 1) % JOBS + 1)) -eq "$slot" ] && one "$n"
	 done) &
done
wait
for n in $NAMES; do
	grep -v -- "^$n-slow-unit-" "$OUT/logs/$n.new"
done | grep -q . && exit 1
exit 0
