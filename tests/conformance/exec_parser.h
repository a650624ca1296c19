/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Conformance entry points of lib/parser. Input record (after the
 * operation number): root:u8 mask:u8 pad[2] frame... (the frame runs to
 * the end of the record; mask 0 is OFL_PARSE_MASK_ALL). Both operations
 * parse it the same way: ofl_parse_begin_mask() with the request mask,
 * for an explicit mask ofl_parse_fast() (lib/parser's fast path), then
 * ofl_parse_step() until it returns <= 0 (at most OFL_PARSE_MAX_DEPTH
 * times), ofl_parse_finish(), which natively is exactly ofl_parse_mask()
 * (ofl_parse() for OFL_PARSE_MASK_ALL). Fields a mask does not fill are
 * encoded too (they must be 0 on every target). The
 * outputs encode only documented fields of struct ofl_parse_result (never
 * the walker state), numbers little-endian, wire-order fields as their
 * bytes:
 *
 *   PARSE  ret:le16 error:le16 stop_off:le16 frame_len:le16 nlayers:u8
 *          encap:u8, layers x16 (proto:u8 encap:u8 offset:le16 len:le16;
 *          entries past nlayers are zeros), outer and innermost flow
 *          (ofl_parse_inner(); src[16]
 *          dst[16] ports[4] family ip_proto has_ports frag:u8
 *          l3_off:le16 l4_off:le16 l3_end:le16), payload_off:le16
 *          payload_len:le16 cut:u8                            (203 bytes)
 *   META   ret:le16 nvlan nmpls tun_kind gre_flags:u8 vlan_tci[4]:wire2
 *          mpls[4]:wire4 tun_id gre_seq esp_spi:wire4 srh_segleft
 *          srh_present tcp_flags tcp_opts:u8 srh_final[16] tcp_mss:wire2
 *          tcp_wscale tcp_nsack:u8 tcp_ts[2]:wire4 tcp_sack[8]:wire4
 *          geneve_nopts nexthdr:u8, then the RSS input of the parse
 *          (ofl_rss_flow_from_parse(), ofl_rss_tuple()) for 0 (inner,
 *          default types), 1 (outer, default), 2 (inner, all types: the
 *          IPV6_EX addresses), 3 (outer, all): type:u8 (int8)
 *          input[36] (bytes past its length are 0)           (256 bytes)
 *
 * BPF: the step is a global (separately verified) function called in a
 * bounded loop with the result in the scratch map value, the form of
 * tests/parser/parse.bpf.c; one inlined walk is more than the verifier
 * takes (docs/PARSER.md).
 */
#ifndef OFL_CONF_EXEC_PARSER_H
#define OFL_CONF_EXEC_PARSER_H

#include "exec_common.h"

#define OFL_CONF_PARSER_REC 4	/* bytes before the frame */

enum ofl_conf_parser_op {
	OFL_CONF_PARSER_PARSE = 1,
	OFL_CONF_PARSER_META = 2,
	OFL_CONF_PARSER_NOPS = 3,
};

#define OFL_CONF_PARSER_ENTRIES(X)			\
	X(parser, PARSER, parse, PARSE)			\
	X(parser, PARSER, meta, META)

#if defined(__bpf__)
__attribute__((noinline)) int
ofl_conf_parser_step_bpf(struct xdp_md *ctx, struct ofl_parse_result *r)
{
	const uint8_t *data = (const uint8_t *)(long)ctx->data;
	const uint8_t *end = (const uint8_t *)(long)ctx->data_end;

	if (!r)
		return OFL_EINVAL;
	return ofl_parse_step(data + OFL_CONF_OUT_OFF + OFL_CONF_PARSER_REC,
			      end, r, sizeof(*r));
}
#endif

static inline __attribute__((always_inline)) int
ofl_conf_parser_run(const uint8_t *in, const uint8_t *end,
		    struct ofl_parse_result *r, void *ctx)
{
	const uint8_t *f = in + OFL_CONF_PARSER_REC;
	unsigned int i;
	int ret;

	ret = ofl_parse_begin_mask(f, end, in[0], NULL,
				   in[1] ? in[1] : OFL_PARSE_MASK_ALL, r,
				   sizeof(*r));
	/* records with an explicit level try lib/parser's fast path first
	 * (a covered frame then needs no step), mask 0 (ALL) takes the steps
	 * alone: the one digest holds both on every target */
	if (!ret)
		ret = in[1] ? ofl_parse_fast(f, end, r, sizeof(*r)) : 1;
	(void)ctx;
	for (i = 0; ret > 0 && i < OFL_PARSE_MAX_DEPTH; i++) {
#if defined(__bpf__)
		ret = ofl_conf_parser_step_bpf((struct xdp_md *)ctx, r);
#else
		ret = ofl_parse_step(f, end, r, sizeof(*r));
#endif
	}
	return ofl_parse_finish(r, ret, sizeof(*r));
}

static inline __attribute__((always_inline)) void
ofl_conf_parser_flow(uint8_t *o, const struct ofl_parse_flow *fl)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		o[i] = fl->src[i];
		o[16 + i] = fl->dst[i];
	}
	for (i = 0; i < 4; i++)
		o[32 + i] = fl->ports[i];
	o[36] = fl->family;
	o[37] = fl->ip_proto;
	o[38] = fl->has_ports;
	o[39] = fl->frag;
	ofl_conf_put_le16(o + 40, fl->l3_off);
	ofl_conf_put_le16(o + 42, fl->l4_off);
	ofl_conf_put_le16(o + 44, fl->l3_end);
}

static inline __attribute__((always_inline)) int
ofl_conf_parser_parse(const struct ofl_parse_result *r, int ret,
		      uint8_t *out)
{
	unsigned int i, n = r->nlayers;

	ofl_conf_put_le16(out, (uint16_t)ret);
	ofl_conf_put_le16(out + 2, (uint16_t)r->error);
	ofl_conf_put_le16(out + 4, r->stop_off);
	ofl_conf_put_le16(out + 6, r->frame_len);
	out[8] = r->nlayers;
	out[9] = r->encap;
	for (i = 0; i < OFL_PARSE_MAX_LAYERS && i < 16; i++) {
		uint8_t *o = out + 10 + 6 * i;

		if (i >= n)
			continue;	/* the output area starts zeroed */
		o[0] = r->layers[i].proto;
		o[1] = r->layers[i].encap;
		ofl_conf_put_le16(o + 2, r->layers[i].offset);
		ofl_conf_put_le16(o + 4, r->layers[i].len);
	}
	ofl_conf_parser_flow(out + 106, &r->outer);
	ofl_conf_parser_flow(out + 152, r->encap ? &r->inner : &r->outer);
	ofl_conf_put_le16(out + 198, r->payload_off);
	ofl_conf_put_le16(out + 200, r->payload_len);
	out[202] = r->cut;
	return 203;
}

static inline __attribute__((always_inline)) int
ofl_conf_parser_meta(const struct ofl_parse_result *r, int ret,
		     uint8_t *out)
{
	uint8_t key[OFL_RSS_TUPLE_MAX];
	const uint8_t *b;
	unsigned int i, k;

	ofl_conf_put_le16(out, (uint16_t)ret);
	out[2] = r->nvlan;
	out[3] = r->nmpls;
	out[4] = r->tun_kind;
	out[5] = r->gre_flags;
	b = (const uint8_t *)r->vlan_tci;
	for (i = 0; i < 8; i++)
		out[6 + i] = b[i];
	b = (const uint8_t *)r->mpls;
	for (i = 0; i < 16; i++)
		out[14 + i] = b[i];
	b = (const uint8_t *)&r->tun_id;
	for (i = 0; i < 4; i++)
		out[30 + i] = b[i];
	b = (const uint8_t *)&r->gre_seq;
	for (i = 0; i < 4; i++)
		out[34 + i] = b[i];
	b = (const uint8_t *)&r->esp_spi;
	for (i = 0; i < 4; i++)
		out[38 + i] = b[i];
	out[42] = r->srh_segleft;
	out[43] = r->srh_present;
	out[44] = r->tcp_flags;
	out[45] = r->tcp_opts;
	for (i = 0; i < 16; i++)
		out[46 + i] = r->srh_final[i];
	b = (const uint8_t *)&r->tcp_mss;
	out[62] = b[0];
	out[63] = b[1];
	out[64] = r->tcp_wscale;
	out[65] = r->tcp_nsack;
	b = (const uint8_t *)r->tcp_ts;
	for (i = 0; i < 8; i++)
		out[66 + i] = b[i];
	b = (const uint8_t *)r->tcp_sack;
	for (i = 0; i < 32; i++)
		out[74 + i] = b[i];
	out[106] = r->geneve_nopts;
	out[107] = r->nexthdr;
	for (k = 0; k < 4; k++) {
		uint8_t *o = out + 108 + 37 * k;
		struct ofl_rss_flow fl;
		size_t len = 0;
		int n;

		for (i = 0; i < OFL_RSS_TUPLE_MAX; i++)
			key[i] = 0;
		n = ofl_rss_flow_from_parse(r, sizeof(*r), NULL, NULL,
					    (k & 1) ? OFL_RSS_LEVEL_OUTER :
						      OFL_RSS_LEVEL_INNER,
					    &fl);
		if (n >= 0 || n == OFL_ENOENT)
			n = ofl_rss_tuple(&fl, (k & 2) ? OFL_RSS_HASH_ALL :
						OFL_RSS_HASH_DEFAULT,
					  OFL_RSS_XFRM_NONE, key, &len);
		o[0] = (uint8_t)n;
		for (i = 0; i < OFL_RSS_TUPLE_MAX; i++)
			o[1 + i] = n > 0 && i < len ? key[i] : 0;
	}
	return 256;
}

static inline __attribute__((always_inline)) int
ofl_conf_parser_exec(unsigned int op, const uint8_t *in, const uint8_t *end,
		     uint8_t *out, void *scratch, void *ctx)
{
	struct ofl_parse_result *r = (struct ofl_parse_result *)scratch;
	int ret;

	if (in + OFL_CONF_PARSER_REC > end)
		return -1;
	ret = ofl_conf_parser_run(in, end, r, ctx);
	switch (op) {
	case OFL_CONF_PARSER_PARSE:
		return ofl_conf_parser_parse(r, ret, out);
	case OFL_CONF_PARSER_META:
		return ofl_conf_parser_meta(r, ret, out);
	default:
		return -1;
	}
}

#endif /* OFL_CONF_EXEC_PARSER_H */
