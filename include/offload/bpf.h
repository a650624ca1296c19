/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * For BPF C programs: include this after <linux/bpf.h> and
 * <bpf/bpf_helpers.h>, compile with clang -O2 -target bpf -I<prefix>/include,
 * and every core function is a static __always_inline in your object: no
 * calls, no library, the same source as libofl.
 *
 *   #include <linux/bpf.h>
 *   #include <bpf/bpf_helpers.h>
 *   #include <offload/bpf.h>
 *
 *   SEC("xdp") int prog(struct xdp_md *ctx) {
 *           void *data = (void *)(long)ctx->data;
 *           void *end = (void *)(long)ctx->data_end;
 *           ofl_sum16 s = ofl_csum_fold(ofl_csum_span(data, end, 0));
 *           ...
 *   }
 *
 * lib/gro is left out unless the program defines OFL_BPF_GRO before this
 * include (its BPF form brings global functions that would otherwise sit
 * in every object, used or not).
 *
 * The core sources are installed as <prefix>/share/ofl/src/ (make install;
 * from here: ../../share/ofl/src/all.c); in the source tree they are
 * ../../lib/.
 */
#ifndef OFL_BPF_H
#define OFL_BPF_H

#ifndef OFL_BPF
#define OFL_BPF 1
#endif

#include "offload.h"

#if __has_include("../../share/ofl/src/all.c")
#include "../../share/ofl/src/all.c"
#elif __has_include("../../lib/all.c")
#include "../../lib/all.c"
#else
#error "offload/bpf.h: the ofl core sources were not found (<prefix>/share/ofl/src/all.c, or lib/all.c in the source tree)"
#endif

#endif /* OFL_BPF_H */
