#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# make demo: the ofl tool on sample traffic the project generates itself.
set -eu
build=${1:-build}
echo "demo: not yet available (the sample generator lands with the tool)"
"$build/tools/ofl" version
