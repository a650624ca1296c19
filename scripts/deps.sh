#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Install the Debian packages in scripts/packages.txt that are missing.
# Idempotent and quiet when everything is present. Needs root (or sudo).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
missing=
for p in $(sed 's/#.*//' "$here/packages.txt"); do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $st in *" installed") ;; *) missing="$missing $p" ;; esac
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
