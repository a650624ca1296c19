#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Install the missing Debian packages of the named groups of
# scripts/packages.txt ([demo], [check], [bench]; no group: all of them).
#
#   sh scripts/deps.sh demo          what `make demo` needs
#   sh scripts/deps.sh demo check    what `make check` needs
#
# Idempotent and quiet when everything is present. Needs root (or sudo).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
list=$here/packages.txt
groups=$(sed -n 's/^\[\([a-z]*\)\].*/\1/p' "$list")
for g in "$@"; do
	printf '%s\n' "$groups" | grep -qx "$g" || {
		echo "deps: unknown group '$g' (groups: $(echo $groups))" >&2
		exit 2
	}
done
want_groups=${*:-$groups}
# The packages of the wanted groups: lines after a [group] header.
pkgs=$(awk -v want=" $(echo $want_groups) " '
	/^\[[a-z]+\]/ { g = substr($1, 2, length($1) - 2); next }
	{ sub(/#.*/, "") }
	NF && index(want, " " g " ") { print $1 }' "$list")
# One dpkg-query for all: "name:arch status" per installed package.
native=$(dpkg --print-architecture)
have=$(dpkg-query -W -f='${Package}:${Architecture} ${Status}\n' 2>/dev/null |
	sed -n 's/^\([^ ]*\) .* installed$/\1/p')
missing=
for p in $pkgs; do
	case $p in *:*) want=$p ;; *) want="$p:$native $p:all" ;; esac
	found=
	for w in $want; do
		printf '%s\n' "$have" | grep -qxF "$w" && found=1 && break
	done
	[ -n "$found" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps ($(echo $want_groups)): installing:$missing"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# Multiarch packages (pkg:arch, e.g. libcmocka-dev:s390x for the big-endian
# tests) need their architecture known to dpkg before apt-get update: only
# when such a package is missing.
for a in $(printf '%s\n' $missing | sed -n 's/.*:\([a-z0-9]*\)$/\1/p' |
	sort -u); do
	dpkg --print-foreign-architectures | grep -qx "$a" ||
		$SUDO dpkg --add-architecture "$a"
done
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
