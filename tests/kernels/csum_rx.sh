#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# csum_rx.sh CSUM_RX: per-frame receive checksum verdicts of the running
# kernel against ofl (see csum_rx.c) in a private network namespace,
# deleted on exit. make check-kernels runs the same binary in guests.
set -u
bin=$1
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
ns=ofl-csumrx1-$$
ip netns add "$ns" 2>/dev/null || { echo "SKIP: cannot create a network namespace"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT INT TERM
x() { ip netns exec "$ns" "$@"; }
x ip link set lo up
x ip link add oflcka type veth peer name oflckb || { echo "FAIL: veth"; exit 1; }
x ip addr add 198.18.1.2/24 dev oflckb
x ip -6 addr add 2001:db8:1::2/64 dev oflckb nodad
x ip link set oflcka up
x ip link set oflckb up
x ethtool -K oflckb rx off >/dev/null 2>&1 || true
x "$bin" oflcka oflckb
