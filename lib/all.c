// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The whole core as one translation unit, for consumers that take source
 * rather than a library: offload/bpf.h (every function static inline in the
 * BPF object) and single-file firmware builds. Each module lists its own .c
 * files in lib/<module>/<module>.inc, so this file never changes when a
 * module gains a file. CMake builds libofl from this file too: one object.
 * File-local names are module-prefixed (ofl__<module>_...) so that they do
 * not collide here.
 */
#include "common/common.inc"
#include "csum/csum.inc"
#include "parser/parser.inc"
#include "rss/rss.inc"
#include "gso/gso.inc"
/* In BPF, lib/gro brings global (separately verified) functions that stay
 * in the object whether the program calls them or not (45 KB of .text in
 * a checksum-only XDP program): a BPF program that uses GRO defines
 * OFL_BPF_GRO before <offload/bpf.h>; every other module is static inline
 * and costs nothing when unused. */
#if !defined(OFL_BPF) || defined(OFL_BPF_GRO)
#include "gro/gro.inc"
#endif
