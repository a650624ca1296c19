/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The ofl flow dissector natively: ofl_parse_mask() at the program's
 * level (OFL_PARSE_MASK_LAYERS) and ofl_flow_keys.h on a
 * frame, exactly as flow_dissector.bpf.c runs them under
 * BPF_PROG_TEST_RUN (n_proto from the Ethernet header, nhoff 14), with
 * the kernel's clamps of bpf_flow_dissect() (net/core/flow_dissector.c).
 */
#ifndef OFL_TESTS_FK_NATIVE_H
#define OFL_TESTS_FK_NATIVE_H

#include <stdint.h>
#include <string.h>
#include <linux/bpf.h>
#include <offload/parser.h>
#include "ofl_flow_keys.h"

/* Returns the program's return value; @st and @res may be inspected. */
static inline int fk_native(const uint8_t *f, size_t n, uint32_t flags,
			    struct bpf_flow_keys *k, struct ofl_fk_state *st,
			    struct ofl_parse_result *res)
{
	unsigned int nhoff = 14, start, root, nproto;
	int ret;

	memset(k, 0, sizeof(*k));
	if (n < 14)
		return -1;
	nproto = (unsigned int)f[12] << 8 | f[13];
	k->n_proto = (uint16_t)__builtin_bswap16((uint16_t)nproto);
	k->nhoff = (uint16_t)nhoff;
	k->thoff = (uint16_t)nhoff;
	k->flags = flags;
	root = ofl_fk_root(nproto);
	start = root == OFL_PROTO_ETH ? 0 : nhoff;
	ofl_fk_init(st, flags, start, nproto);
	ofl_parse_mask(f + start, f + n, root, OFL_PARSE_MASK_LAYERS, res,
		       sizeof(*res));
	ret = ofl_fk_keys(f + start, f + n, res, st, k);
	/* bpf_flow_dissect(): nhoff in [nhoff, hlen], thoff in [nhoff, hlen] */
	if (k->nhoff < nhoff)
		k->nhoff = (uint16_t)nhoff;
	if (k->nhoff > n)
		k->nhoff = (uint16_t)n;
	if (k->thoff < k->nhoff)
		k->thoff = k->nhoff;
	if (k->thoff > n)
		k->thoff = (uint16_t)n;
	return ret;
}

#endif
