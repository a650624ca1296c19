#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Install the Debian packages in scripts/packages.txt that are missing.
# Idempotent and quiet when everything is present. Needs root (or sudo).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# One dpkg-query for all: "name:arch status" per installed package.
native=$(dpkg --print-architecture)
have=$(dpkg-query -W -f='${Package}:${Architecture} ${Status}\n' 2>/dev/null |
	sed -n 's/^\([^ ]*\) .* installed$/\1/p')
missing=
for p in $(sed 's/#.*//' "$here/packages.txt"); do
	case $p in *:*) want=$p ;; *) want="$p:$native $p:all" ;; esac
	found=
	for w in $want; do
		printf '%s\n' "$have" | grep -qxF "$w" && found=1 && break
	done
	[ -n "$found" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# Multiarch packages (pkg:arch, e.g. libcmocka-dev:s390x for the big-endian
# tests) need their architecture known to dpkg before apt-get update.
for a in $(sed 's/#.*//' "$here/packages.txt" | sed -n 's/.*:\([a-z0-9]*\)$/\1/p' |
	sort -u); do
	dpkg --print-foreign-architectures | grep -qx "$a" ||
		$SUDO dpkg --add-architecture "$a"
done
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
