#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# lib/gso against the running kernel's software GSO (see kernel_gso.c):
# a private network namespace with a veth pair, deleted on exit.
set -u
bin=$1
shift
ns=ofl-gso-$$
ip netns add "$ns" 2>/dev/null ||
	{ echo "SKIP: cannot create a network namespace (need root)"; exit 77; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT INT TERM
x() { ip netns exec "$ns" "$@"; }
x sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$ns" link add gt0 type veth peer name gr0 ||
	{ echo "SKIP: cannot create veth"; exit 77; }
ip -n "$ns" link set gt0 mtu 9500 up
ip -n "$ns" link set gr0 mtu 9500 up
x ethtool -K gt0 tso off gso off tx off >/dev/null 2>&1 ||
	{ echo "SKIP: ethtool -K gt0 tso off gso off tx off failed"; exit 77; }
x ethtool -K gr0 gro off >/dev/null 2>&1 || true
# keep VLAN tags in the frame data (no rx-vlan-hw-parse on the peer)
x ethtool -K gr0 rxvlan off >/dev/null 2>&1 || true
x ethtool -K gt0 txvlan off >/dev/null 2>&1 || true
x "$bin" gt0 gr0 complete "$@" || exit $?
# the same corpus with tx-checksumming on: segments keep CHECKSUM_PARTIAL
x ethtool -K gt0 tx on >/dev/null 2>&1 ||
	{ echo "SKIP: ethtool -K gt0 tx on failed"; exit 77; }
x ethtool -K gt0 tso off gso off tx-udp-segmentation off >/dev/null 2>&1 ||
	{ echo "SKIP: cannot turn tx-udp-segmentation off"; exit 77; }
x "$bin" gt0 gr0 partial "$@"
