// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The flow dissector's keys (bindings/ebpf/ofl_flow_keys.h over lib/parser)
 * on arbitrary frames, natively, the two ways the tree runs them:
 *   A  tests/flowdiss/fk_native.h's: ofl_parse_mask_with() in one call;
 *   B  flow_dissector.bpf.c's: ofl_parse_begin_mask(), ofl_parse_fast(),
 *      the steps, ofl_parse_finish();
 * each on a parse result first filled with different garbage, then
 * the replay, ofl_fk_keys(). A and B
 * must give the same parse result (byte for byte but the layer slots
 * past nlayers, which neither writes: parser.h),
 * keys, replay state and return value (BPF_OK or BPF_DROP); addresses
 * must be the bytes of an IP header inside the frame, ports the 4 bytes
 * at the transport offset (+4 for AH) and 0 where the rules give none.
 * Input: byte 0 bits 0-2 the BPF_FLOW_DISSECTOR_F_* flags, bit 3 a UDP
 * port table of one more entry, bytes 1-2 its port, byte 3 its kind; the
 * rest is the frame, set up as the kernel hands it to the program with
 * nhoff 14 (fk_native.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/bpf.h>
#include <offload/parser.h>
#include "ofl_flow_keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct run {
	struct bpf_flow_keys k;
	struct ofl_fk_state st;
	int ret;
};

static struct ofl_parse_result res_a, res_b;

static void fail(void)
{
	__builtin_trap();
}

static void keys(const uint8_t *f, size_t n, unsigned int start,
		 unsigned int root, unsigned int nproto, uint32_t flags,
		 const struct ofl_parse_cfg *cfg, int steps, struct run *r)
{
	struct ofl_parse_result *res = steps ? &res_b : &res_a;
	const uint8_t *b = f + start, *e = f + n;
	unsigned int i;
	int ret;

	memset(res, steps ? 0x5a : 0xa5, sizeof(*res));
	memset(r, 0, sizeof(*r));
	r->k.nhoff = 14;
	r->k.thoff = 14;
	r->k.flags = flags;
	r->k.n_proto = (uint16_t)__builtin_bswap16((uint16_t)nproto);
	ofl_fk_init(&r->st, flags, start, nproto);
	if (steps) {
		ret = ofl_parse_begin_mask(b, e, root, cfg,
					   OFL_PARSE_MASK_LAYERS, res,
					   sizeof(*res));
		if (!ret)
			ret = ofl_parse_fast(b, e, res, sizeof(*res));
		for (i = 0; ret > 0 && i < OFL_PARSE_MAX_DEPTH; i++)
			ret = ofl_parse_step(b, e, res, sizeof(*res));
		ofl_parse_finish(res, ret, sizeof(*res));
	} else {
		ofl_parse_mask_with(b, e, root, cfg, OFL_PARSE_MASK_LAYERS,
				    res, sizeof(*res));
	}
	r->ret = ofl_fk_keys(b, e, res, &r->st, &r->k);
	/* the slots past nlayers are never written (parser.h): keep out
	 * their garbage, which the replay above must not have read */
	if (res->nlayers > OFL_PARSE_MAX_LAYERS)
		fail();
	memset(&res->layers[res->nlayers], 0,
	       sizeof(res->layers[0]) *
		       (OFL_PARSE_MAX_LAYERS - res->nlayers));
}

/* What the keys must say of the frame's own bytes. */
static void check(const uint8_t *f, size_t n, unsigned int start,
		  const struct run *r)
{
	const struct bpf_flow_keys *k = &r->k;
	size_t a = start + (r->st.addr_off & OFL_FK_OFF_MASK);
	int poff = ofl_fk_poff(r->st.ip_proto);
	size_t t = start + ((r->st.thoff + (unsigned int)poff) &
			    OFL_FK_OFF_MASK);
	static const uint8_t zero[32];

	if (r->ret != BPF_OK && r->ret != BPF_DROP)
		fail();
	if (k->addr_proto == OFL_FK_ETH_P_IP) {
		if (r->st.addr_fam != 4 || a + 20 > n ||
		    memcmp(&k->ipv4_src, f + a + 12, 8))
			fail();
	} else if (k->addr_proto == OFL_FK_ETH_P_IPV6) {
		if (r->st.addr_fam != 6 || a + 40 > n ||
		    memcmp(k->ipv6_src, f + a + 8, 32))
			fail();
	} else if (k->addr_proto || memcmp(k->ipv6_src, zero, 32)) {
		fail();
	}
	if (r->st.l4phase && poff >= 0 &&
	    (!r->st.is_frag ||
	     (r->st.flags & BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG)) &&
	    t + 4 <= n) {
		if (memcmp(&k->sport, f + t, 4))
			fail();
	} else if (k->sport || k->dport) {
		fail();
	}
	if (k->ip_proto != r->st.ip_proto || k->is_frag != r->st.is_frag ||
	    (k->is_first_frag && !k->is_frag))
		fail();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofl_parse_cfg cfg;
	const struct ofl_parse_cfg *c = NULL;
	unsigned int nproto, root, start;
	struct run a, b;
	uint32_t flags;
	const uint8_t *f;
	size_t n;

	if (size < 4 + 14)
		return 0;
	flags = data[0] & (BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG |
			   BPF_FLOW_DISSECTOR_F_STOP_AT_FLOW_LABEL |
			   BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP);
	if (data[0] & 8) {
		if (ofl_parse_cfg_init(&cfg, sizeof(cfg)))
			fail();
		/* a bad port or kind is refused and leaves the defaults */
		(void)ofl_parse_cfg_udp_add(&cfg, (unsigned int)data[1] << 8 |
					    data[2], data[3] % 7);
		c = &cfg;
	}
	f = data + 4;
	n = size - 4;
	nproto = (unsigned int)f[12] << 8 | f[13];
	root = ofl_fk_root(nproto);
	start = root == OFL_PROTO_ETH ? 0 : 14;
	keys(f, n, start, root, nproto, flags, c, 0, &a);
	keys(f, n, start, root, nproto, flags, c, 1, &b);
	if (a.ret != b.ret || memcmp(&a.k, &b.k, sizeof(a.k)) ||
	    memcmp(&a.st, &b.st, sizeof(a.st)) ||
	    memcmp(&res_a, &res_b, sizeof(res_a)))
		fail();
	check(f, n, start, &a);
	return 0;
}
