#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# csum_span_big.sh TEST OBJ: a veth pair with a 9216-byte MTU in a private
# network namespace, then TEST OBJ vA vB (see test_csum_span_big.c).
set -u
test=$1 obj=$2
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root for network namespaces"; exit 77; }
ns=ofl-span-$$
trap 'ip netns del "$ns" 2>/dev/null' EXIT INT TERM
ip netns add "$ns" || { echo "SKIP: cannot create a network namespace"; exit 77; }
ip -n "$ns" link add vA mtu 9216 type veth peer name vB mtu 9216 || exit 1
ip -n "$ns" link set vA up && ip -n "$ns" link set vB up || exit 1
ip netns exec "$ns" "$test" "$obj" vA vB
