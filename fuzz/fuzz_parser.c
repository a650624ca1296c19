// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* lib/parser on arbitrary bytes, from each root; the step API (the generic
 * walk BPF runs) must agree with ofl_parse() (the per-node specialised
 * walk); the RSS input built from the result (ofl_rss_flow_from_parse(),
 * both levels, every hash type) never exceeds its bound; ports are the frame's 4
 * bytes at the flow's L4 header, or at stop_off when that header was cut
 * short (l4_off 0, an error). The checksum layer list built from the
 * result (ofl_csum_layers_from_parse()) is ordered, inside the frame and
 * accepted as it is by ofl_csum_verify_complete() and
 * ofl_csum_convert_unnecessary(), whatever the return value. At each
 * request level ofl_parse_mask() and the step API (ofl_parse_begin_mask())
 * give ofl_parse()'s result with the fields the level does not fill at 0
 * (offload/parser.h). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include <offload/csum.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int bad_ports(const struct ofl_parse_result *r,
		     const struct ofl_parse_flow *fl, const uint8_t *data,
		     size_t size)
{
	size_t at = fl->l4_off ? fl->l4_off : r->stop_off;

	if (!fl->has_ports)
		return 0;
	if (!fl->l4_off && !r->error)
		return 1;
	return at + 4 > size || memcmp(fl->ports, data + at, 4);
}

/* the step API's result @s equals ofl_parse()'s @r (the specialised
 * walk): byte for byte but the unused layers and an unused inner flow */
static int differ(struct ofl_parse_result *r, struct ofl_parse_result *s)
{
	if (!r->encap)	/* inner holds nothing then */
		memcpy(&s->inner, &r->inner, sizeof(r->inner));
	return memcmp(r, s, offsetof(struct ofl_parse_result, layers)) ||
	       memcmp(r->layers, s->layers, r->nlayers * sizeof(r->layers[0])) ||
	       memcmp(&r->outer, &s->outer, sizeof(*r) -
		      offsetof(struct ofl_parse_result, outer));
}

/* A UDP port table from bytes 1..3 (port, kind): ofl_parse_with() and the
 * step API with ofl_parse_begin_with() must agree as well. */
static void with_cfg(const uint8_t *data, size_t size, unsigned int root,
		     struct ofl_parse_result *r, struct ofl_parse_result *s)
{
	struct ofl_parse_cfg cfg;
	unsigned int port, i;
	int ret;

	if (size < 4)
		return;
	port = (unsigned int)data[1] << 8 | data[2];
	ofl_parse_cfg_init(&cfg, sizeof(cfg));
	ofl_parse_cfg_udp_add(&cfg, port ? port : 1,
			      data[3] % (OFL_PARSE_UDP_KIND_MAX + 1));
	ret = ofl_parse_with(data, data + size, root, &cfg, r, sizeof(*r));
	if (ret > 0 || r->error != ret)
		__builtin_trap();
	ret = ofl_parse_begin_with(data, data + size, root, &cfg, s,
				   sizeof(*s));
	if (!ret) {
		ret = OFL_ELOOP;
		for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
			ret = ofl_parse_step(data, data + size, s, sizeof(*s));
			if (ret <= 0)
				break;
		}
		ofl_parse_finish(s, ret, sizeof(*s));
	}
	if (differ(r, s))
		__builtin_trap();
}

/* The checksum layers of the parse: whatever is returned, the entries
 * listed are whole, in order, and verifiable from a frame sum. */
static void csum_layers(const struct ofl_parse_result *r, const uint8_t *data,
			size_t size)
{
	struct ofl_csum_layers ly;
	struct ofl_csum_state st;
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	unsigned int i, prev = 0;
	int ret;

	ret = ofl_csum_layers_from_parse(r, sizeof(*r), data, data + size,
					 &ly, sizeof(ly));
	if (ret > 0 || ly.n > OFL_CSUM_MAX_LAYERS ||
	    (ret == OFL_EINVAL && size))
		__builtin_trap();
	for (i = 0; i < ly.n; i++) {
		const struct ofl_csum_layer *l = &ly.l[i];

		if (l->l4_off < prev || (size_t)l->l4_off + l->l4_len > size ||
		    (l->family != 4 && l->family != 6) || l->flags ||
		    l->l4_len < (l->proto == 6 ? 20 : 8))
			__builtin_trap();
		prev = (unsigned int)l->l4_off + 1;
	}
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	st.csum = ofl_csum_partial(data, size, 0);
	ret = ofl_csum_verify_complete(data, data + size, &st, &ly, res);
	if (ret && ret != OFL_ECSUM)
		__builtin_trap();
	for (i = 0; !ret && i < ly.n; i++)
		if (res[i] != OFL_CSUM_GOOD && res[i] != OFL_CSUM_NONE)
			__builtin_trap();
	if (!ly.n)
		return;
	st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
	st.csum_level = (uint8_t)(ly.n - 1);
	ret = ofl_csum_convert_unnecessary(data, data + size, &st, &ly);
	if (ret && ret != OFL_ENOENT && ret != OFL_EPROTONOSUPPORT)
		__builtin_trap();
}

/* What request level @lvl does not fill, cleared in a full result. */
static void clear_unfilled(struct ofl_parse_result *e, unsigned int lvl)
{
	struct ofl_parse_flow *fls[2] = { &e->outer, &e->inner };
	unsigned int k;

	e->mask = (uint8_t)lvl;
	if (!(lvl & OFL_PARSE_REQ_FLOW)) {
		for (k = 0; k < 2; k++) {
			memset(fls[k]->src, 0, 36);	/* src, dst, ports */
			memset(fls[k]->hao, 0, 32);	/* hao, rtdst */
			fls[k]->has_ports = 0;
			fls[k]->l3_end = 0;
			fls[k]->has_hao = 0;
			fls[k]->has_rtdst = 0;
		}
		e->payload_len = 0;
		e->cut = 0;
	}
	if (!(lvl & OFL_PARSE_REQ_LAYERS))
		e->nlayers = 0;
	if (!(lvl & OFL_PARSE_REQ_META)) {
		/* vlan_tci .. tcp_sack, then geneve_nopts */
		memset(e->vlan_tci, 0, offsetof(struct ofl_parse_result,
						geneve_nopts) -
				       offsetof(struct ofl_parse_result,
						vlan_tci));
		e->geneve_nopts = 0;
		e->gre_flags = 0;
	}
}

/* ofl_parse_mask() and the step API at each level against @r. */
static void masked(const uint8_t *data, size_t size, unsigned int root,
		   const struct ofl_parse_result *r,
		   struct ofl_parse_result *s)
{
	static const unsigned int lvl[3] = { OFL_PARSE_MASK_OFFSETS,
		OFL_PARSE_MASK_FLOW, OFL_PARSE_MASK_LAYERS };
	static struct ofl_parse_result e;
	unsigned int k, i;
	int ret;

	for (k = 0; k < 3; k++) {
		e = *r;
		clear_unfilled(&e, lvl[k]);
		memset(s, 0xa5, sizeof(*s));
		if (ofl_parse_mask(data, data + size, root, lvl[k], s,
				   sizeof(*s)) != r->error || differ(&e, s))
			__builtin_trap();
		memset(s, 0x5a, sizeof(*s));
		ret = ofl_parse_begin_mask(data, data + size, root, NULL,
					   lvl[k], s, sizeof(*s));
		if (!ret) {
			ret = OFL_ELOOP;
			for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
				ret = ofl_parse_step(data, data + size, s,
						     sizeof(*s));
				if (ret <= 0)
					break;
			}
			ret = ofl_parse_finish(s, ret, sizeof(*s));
		}
		if (ret != r->error || differ(&e, s))
			__builtin_trap();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ofl_parse_result r, s;
	uint8_t key[OFL_RSS_TUPLE_MAX];
	struct ofl_rss_flow fl;
	unsigned int root = OFL_PROTO_ETH, i;
	size_t n;
	int ret;

	if (size && data[0] < 16)
		root = data[0] < 8 ? OFL_PROTO_IPV4 : OFL_PROTO_IPV6;
	ret = ofl_parse(data, data + size, root, &r, sizeof(r));
	if (ret > 0 || r.error != ret || r.nlayers > OFL_PARSE_MAX_LAYERS)
		__builtin_trap();
	for (i = 0; i < r.nlayers; i++)
		if ((size_t)r.layers[i].offset + r.layers[i].len > size)
			__builtin_trap();
	if (bad_ports(&r, &r.outer, data, size) ||
	    (r.encap && bad_ports(&r, &r.inner, data, size)))
		__builtin_trap();
	for (i = OFL_RSS_LEVEL_OUTER; i <= OFL_RSS_LEVEL_INNER; i++) {
		ret = ofl_rss_flow_from_parse(&r, sizeof(r), data, data + size,
					      i, &fl);
		if ((ret && ret != OFL_ENOENT) || (!ret && !fl.family) ||
		    (fl.family != 6 && (fl.flags & (OFL_RSS_FLOW_HAO |
						    OFL_RSS_FLOW_RTDST))) ||
		    ofl_rss_tuple(&fl, OFL_RSS_HASH_ALL, OFL_RSS_XFRM_NONE,
				  key, &n) < 0 ||
		    n > OFL_RSS_TUPLE_MAX)
			__builtin_trap();
	}
	ret = ofl_parse_begin(data, data + size, root, &s, sizeof(s));
	if (!ret) {
		ret = OFL_ELOOP;
		for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
			ret = ofl_parse_step(data, data + size, &s, sizeof(s));
			if (ret <= 0)
				break;
		}
		ofl_parse_finish(&s, ret, sizeof(s));
	}
	/* ofl_parse() runs the per-node specialised walk, the step API the
	 * generic one (as in BPF): they must agree byte for byte */
	if (differ(&r, &s))
		__builtin_trap();
	csum_layers(&r, data, size);
	masked(data, size, root, &r, &s);
	with_cfg(data, size, root, &r, &s);
	return 0;
}
