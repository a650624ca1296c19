// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * From a lib/parser result to the flow lib/rss hashes: the glue that
 * tools/cmd_rss.c and the BPF examples each carried (issue 12 item 4).
 * Everything is read from the result; the frame only for the ports behind
 * a malformed IPv6 option list (see rss.h).
 */
#include <offload/parser.h>
#include "internal.h"

#define OFL__RSS_TCP 6
#define OFL__RSS_UDP 17

/* The next-header byte of a layer that ends an IP header chain, or -1. */
OFL_INLINE int ofl__rss_nexthdr(const uint8_t *h, unsigned int proto)
{
	switch (proto) {
	case OFL_PROTO_IPV4:
		return h[9];
	case OFL_PROTO_IPV6:
		return h[6];
	case OFL_PROTO_IPV6_HOPOPTS:
	case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS:
	case OFL_PROTO_IPV6_FRAG:
		return h[0];
	default:
		return -1;
	}
}

/*
 * lib/parser stops at a malformed option list (OFL_EBADMSG, OFL_E2BIG),
 * but a NIC and
 * __skb_flow_dissect() (which skips IPv6 option headers by their length
 * and reads just the 4 port bytes, __skb_flow_get_ports()) still hash the
 * ports behind it. When the parse stopped right after this flow's last IP
 * or extension header, take the protocol from that header and the ports
 * from the 4 bytes behind it. (A TCP/UDP header cut short needs nothing
 * here: the parser gives its ports, has_ports, itself.)
 */
OFL_INLINE void ofl__rss_ports_after_error(const uint8_t *p,
					   const uint8_t *end,
					   const struct ofl_parse_result *res,
					   const struct ofl_parse_flow *pf,
					   struct ofl_rss_flow *f)
{
	const struct ofl_parse_layer *l;
	unsigned int i, n = res->nlayers, l4;
	int nh;

	if (!p || end < p || !n || n > OFL_PARSE_MAX_LAYERS || pf->l4_off)
		return;
	l = &res->layers[n - 1];
	for (i = 0; i < OFL_PARSE_MAX_LAYERS && i < n; i++)
		if (res->layers[i].offset == pf->l3_off)
			break;
	/* only the flow whose headers were being parsed when it stopped */
	if (i == n || i >= OFL_PARSE_MAX_LAYERS ||
	    res->layers[i].encap != l->encap)
		return;
	l4 = (unsigned int)l->offset + l->len;
	/* listed layers lie wholly inside the frame; the ports must too */
	if ((size_t)(end - p) < (size_t)l4 + 4 ||
	    (size_t)(end - p) < (size_t)l->offset + 10)
		return;
	nh = ofl__rss_nexthdr(p + l->offset, l->proto);
	if (nh != OFL__RSS_TCP && nh != OFL__RSS_UDP)
		return;
	f->proto = (uint8_t)nh;
	ofl_copy_bytes(f->sport, p + l4, 2, 2);
	ofl_copy_bytes(f->dport, p + l4 + 2, 2, 2);
	f->flags |= OFL_RSS_FLOW_PORTS;
}

/* 16 bytes (an address) between unaligned places: two 8-byte moves, not
 * a byte loop (the parse itself is about 20 ns) */
OFL_INLINE void ofl__rss_copy16(uint8_t *d, const uint8_t *s)
{
	ofl_copy8(d, s);
	ofl_copy8(d + 8, s + 8);
}

OFL_API int ofl_rss_flow_from_parse(const struct ofl_parse_result *res,
				    size_t res_size, const void *data,
				    const void *end, unsigned int level,
				    struct ofl_rss_flow *f)
{
	static const uint8_t zero[16];
	const struct ofl_parse_flow *pf;

	/* a result of a request level without the flows has none to give */
	if (!res || !f || res_size != sizeof(*res) ||
	    level > OFL_RSS_LEVEL_INNER || !(res->mask & OFL_PARSE_REQ_FLOW))
		return OFL_EINVAL;
	OFL_STATIC_ASSERT(sizeof(*f) == 8 + 4 * 16, "flow: 8 + 4 x 16 bytes");
	ofl_copy8(f, zero);
	ofl__rss_copy16(f->src, zero);
	ofl__rss_copy16(f->dst, zero);
	ofl__rss_copy16(f->hao, zero);
	ofl__rss_copy16(f->rtdst, zero);
	pf = &res->outer;
	if (level == OFL_RSS_LEVEL_INNER && res->encap &&
	    (res->inner.family == 4 || res->inner.family == 6))
		pf = &res->inner;
	if (pf->family != 4 && pf->family != 6)
		return OFL_ENOENT;
	f->family = pf->family;
	f->proto = pf->ip_proto;
	/* an IPv4 flow's address bytes past the 4th are 0 */
	ofl__rss_copy16(f->src, pf->src);
	ofl__rss_copy16(f->dst, pf->dst);
	if ((pf->frag & OFL_PARSE_FRAG_IS) &&
	    !(pf->frag & OFL_PARSE_FRAG_FIRST)) {
		f->flags |= OFL_RSS_FLOW_FRAG;
	} else if (pf->has_ports && (f->proto == OFL__RSS_TCP ||
				     f->proto == OFL__RSS_UDP)) {
		ofl_copy4(f->sport, pf->ports);	/* sport, dport adjacent */
		f->flags |= OFL_RSS_FLOW_PORTS;
	} else if (res->error) {
		ofl__rss_ports_after_error((const uint8_t *)data,
					   (const uint8_t *)end, res, pf, f);
	}
	if (pf->family == 6 && pf->has_hao) {
		ofl__rss_copy16(f->hao, pf->hao);
		f->flags |= OFL_RSS_FLOW_HAO;
	}
	if (pf->family == 6 && pf->has_rtdst) {
		ofl__rss_copy16(f->rtdst, pf->rtdst);
		f->flags |= OFL_RSS_FLOW_RTDST;
	}
	return 0;
}
