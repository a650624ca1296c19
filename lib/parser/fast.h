/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The parser's fast path: the stacks datacenter NICs see most, read in
 * straight code beside the table walk of walk.c (included by walk.c, whose
 * helpers it uses; private to lib/parser).
 *
 * Why it exists (issue 14 section 4): a driver comparing ofl_parse_mask()
 * at the offsets level with DPDK's rte_net_get_ptype() (the speed
 * reference of bench/bench_parser.cc; no code is taken from it) paid
 * 1.67x / 1.50x its instructions on Eth/IPv4/TCP and Eth/VLAN/IPv6/TCP,
 * and the walk's fixed part alone (call frame, dispatch, per-header
 * bookkeeping) was more than the 1.2x the issue allows
 * (docs/PERFORMANCE.md, "Parser offsets level"). In BPF each step of the
 * walk costs the flow dissector 20-25 ns.
 *
 * What it covers: [Ethernet [802.1Q tag]] IPv4 without options, or IPv6
 * without extension headers, then TCP without options or UDP to a port
 * that is not a tunnel port (the built-in table or the caller's
 * ofl_parse_cfg, as the walk would look it up), from the Ethernet, IPv4
 * or IPv6 root. Anything else, and any such frame with something unusual
 * (a fragment, a wrong version, a header cut by the frame's end, a TCP
 * data offset other than 5), is declined before a byte of the result is
 * written, and the table walk runs from the start.
 *
 * Contract: when it takes a frame, the result (every byte, at every
 * request level) and the return value are the table walk's: the same
 * stores under the same level tests as ofl__parse_hdr_n() makes for these
 * nodes, then the walk's own ofl__parse_finish(). Protocol numbers and
 * lengths come from lib/common/proto.h, the UDP tunnel ports from the
 * graph's UDP table. fuzz/fuzz_parse_fast.c compares the two (forced on
 * and off, every level, memcmp of the whole result); the conformance
 * digest of docs/TARGETS.md is unchanged on every target.
 */
#ifndef OFL_LIB_PARSER_FAST_H
#define OFL_LIB_PARSER_FAST_H

#include "../common/proto.h"

/* What the scan found: header offsets and kinds. */
struct ofl__parse_fast {
	unsigned int l3;	/* IP header offset */
	unsigned int l4;	/* TCP/UDP header offset */
	unsigned int l4len;	/* its length: 20 (TCP) or 8 (UDP) */
	unsigned int proto;	/* OFL_IPPROTO_TCP or _UDP */
	unsigned int eth;	/* 1: an Ethernet header at 0 */
	unsigned int vlan;	/* 1: an 802.1Q tag at 14 */
	unsigned int v6;	/* 1: IPv6, 0: IPv4 */
};

/* Is UDP destination port @port a tunnel the walk would enter? The walk's
 * own lookup (ofl__parse_hdr_n(), UDP node): the caller's table when one
 * was loaded, else the graph's. */
OFL_INLINE int ofl__parse_fast_udp_tun(const struct ofl_parse_result *res,
				       uint32_t port)
{
	const struct ofl__parse_walker *w =
		(const struct ofl__parse_walker *)(const void *)res->walk_;

	if (w->ncfg)
		return ofl__parse_udp_cfg(res, port) != NULL;
	return ofl__parse_lookup(OFL__PIDX(ofl__parse_ops, OFL__PN_UDP),
				 port, 1) != NULL;
}

/*
 * Read-only: 1 if the frame at @p is one of the covered stacks starting
 * at node @nid (f filled), else 0. Every read is checked against @end
 * first.
 */
OFL_INLINE int ofl__parse_fast_scan(const uint8_t *p, const uint8_t *end,
				    unsigned int nid,
				    const struct ofl_parse_result *res,
				    struct ofl__parse_fast *f)
{
	const uint8_t *h;
	unsigned int et, off = 0;

	f->eth = 0;
	f->vlan = 0;
	if (nid == OFL__PN_ETH) {
		if (p + OFL_ETH_HLEN > end)
			return 0;
		et = ofl_load_be16(p + 12);
		off = OFL_ETH_HLEN;
		f->eth = 1;
		if (et == OFL_ETH_P_8021Q) {
			if (p + OFL_ETH_HLEN + OFL_VLAN_HLEN > end)
				return 0;
			et = ofl_load_be16(p + OFL_ETH_HLEN + 2);
			off += OFL_VLAN_HLEN;
			f->vlan = 1;
		}
		if (et == OFL_ETH_P_IP)
			nid = OFL__PN_IPV4;
		else if (et == OFL_ETH_P_IPV6)
			nid = OFL__PN_IPV6;
		else
			return 0;
	}
	h = p + off;
	f->l3 = off;
	if (nid == OFL__PN_IPV4) {
		if (h + OFL_IPV4_MIN_HLEN > end ||
		    h[0] != OFL_IPV4_VIHL_NOOPT ||
		    (ofl_load_be16(h + 6) & (OFL_IP_MF | OFL_IP_OFFSET)))
			return 0;
		f->proto = h[9];
		f->v6 = 0;
		off += OFL_IPV4_MIN_HLEN;
	} else if (nid == OFL__PN_IPV6) {
		if (h + OFL_IPV6_HLEN > end || (h[0] >> 4) != 6)
			return 0;
		f->proto = h[6];
		f->v6 = 1;
		off += OFL_IPV6_HLEN;
	} else {
		return 0;
	}
	h = p + off;
	f->l4 = off;
	if (f->proto == OFL_IPPROTO_TCP) {
		/* data offset 5: no options */
		if (h + OFL_TCP_MIN_HLEN > end ||
		    (unsigned int)(h[12] >> 4) << 2 != OFL_TCP_MIN_HLEN)
			return 0;
		f->l4len = OFL_TCP_MIN_HLEN;
	} else if (f->proto == OFL_IPPROTO_UDP) {
		if (h + OFL_UDP_HLEN > end ||
		    ofl__parse_fast_udp_tun(res, ofl_load_be16(h + 2)))
			return 0;
		f->l4len = OFL_UDP_HLEN;
	} else {
		return 0;
	}
	return 1;
}

/* One layer record, as the walk writes it (no tunnel: level 0). */
OFL_INLINE void ofl__parse_fast_layer(struct ofl_parse_result *res,
				      unsigned int i, unsigned int proto,
				      unsigned int off, unsigned int len)
{
	struct ofl_parse_layer *l = &res->layers[i & 3u];

	l->proto = (uint8_t)proto;
	l->encap = 0;
	l->offset = (uint16_t)off;
	l->len = (uint16_t)len;
	l->reserved = 0;
}

/*
 * The stores of a scanned frame at level @want, then the walk's finish.
 * Returns the walk's value (0), or 1 without a store if (BPF only) the
 * verifier's own bounds check of the headers fails, which the scan rules
 * out.
 */
OFL_INLINE int ofl__parse_fast_fill(const uint8_t *p, const uint8_t *end,
				    const struct ofl__parse_fast *f,
				    struct ofl_parse_result *res,
				    unsigned int want)
{
	struct ofl_parse_flow *fl = &res->outer;
	const uint8_t *ip = p + (f->l3 & 0xffu);
	const uint8_t *l4 = p + (f->l4 & 0xffu);
	unsigned int nl = 0, c, v;

	(void)end;
	/* BPF only (natively 1): the verifier's own check of what the scan
	 * checked, on the pointers read below */
	if (!OFL__PARSE_IN(ip, OFL_IPV4_MIN_HLEN, end) ||
	    (f->v6 && !OFL__PARSE_IN(ip, OFL_IPV6_HLEN, end)) ||
	    !OFL__PARSE_IN(l4, OFL_UDP_HLEN, end) ||
	    (f->proto == OFL_IPPROTO_TCP &&
	     !OFL__PARSE_IN(l4, OFL_TCP_MIN_HLEN, end)) ||
	    (f->vlan && !OFL__PARSE_IN(p, OFL_ETH_HLEN + OFL_VLAN_HLEN, end)))
		return 1;
	/* counted in every mode (ofl__parse_hdr_n(): counters) */
	if (f->vlan)
		res->nvlan = 1;
	if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_LAYERS)) {
		if (f->eth)
			ofl__parse_fast_layer(res, nl++, OFL_PROTO_ETH, 0,
					      OFL_ETH_HLEN);
		if (f->vlan)
			ofl__parse_fast_layer(res, nl++, OFL_PROTO_VLAN,
					      OFL_ETH_HLEN, OFL_VLAN_HLEN);
		ofl__parse_fast_layer(res, nl++, f->v6 ? OFL_PROTO_IPV6 :
					 OFL_PROTO_IPV4, f->l3,
				      f->l4 - f->l3);
		ofl__parse_fast_layer(res, nl++, f->proto == OFL_IPPROTO_TCP ?
					 OFL_PROTO_TCP : OFL_PROTO_UDP,
				      f->l4, f->l4len);
		res->nlayers = (uint8_t)nl;
	}
	if (f->vlan && OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		ofl_store_ne16(res->vlan_tci,
			       ofl_load_ne16(p + OFL_ETH_HLEN));
	fl->family = f->v6 ? 6 : 4;
	fl->l3_off = (uint16_t)f->l3;
	fl->ip_proto = (uint8_t)f->proto;
	fl->l4_off = (uint16_t)f->l4;
	res->payload_off = (uint16_t)(f->l4 + f->l4len);
	res->stop_off = (uint16_t)(f->l4 + f->l4len);
	if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW)) {
		/* the datagram's end: IP total length, IPv6 payload length
		 * + 40; 0 when the field is 0 (ofl__parse_hdr_n(), L3) */
		if (f->v6) {
			v = ofl_load_be16(ip + 4);
			if (v)
				v += f->l3 + OFL_IPV6_HLEN;
			ofl_copy8(fl->src, ip + 8);
			ofl_copy8(fl->src + 8, ip + 16);
			ofl_copy8(fl->dst, ip + 24);
			ofl_copy8(fl->dst + 8, ip + 32);
		} else {
			v = ofl_load_be16(ip + 2);
			if (v)
				v += f->l3;
			ofl_copy4(fl->src, ip + 12);
			ofl_copy4(fl->dst, ip + 16);
		}
		c = v > 0xffffu ? 0xffffu : v;
		fl->l3_end = (uint16_t)c;
		ofl_copy4(fl->ports, l4);
		fl->has_ports = 1;
	}
	if (f->proto == OFL_IPPROTO_TCP &&
	    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		res->tcp_flags = l4[13];
	return ofl__parse_finish(res, 0,
				 (unsigned int)offsetof(struct ofl_parse_result,
							outer), want);
}

/*
 * The fast path of a walk at its start (node @nid at offset 0, @res reset
 * for level @want): 0 (the walk's return value) with the result complete,
 * or 1 when the frame is not covered and nothing was written.
 */
OFL_INLINE int ofl__parse_fast(const uint8_t *p, const uint8_t *end,
			       unsigned int nid, struct ofl_parse_result *res,
			       unsigned int want)
{
	struct ofl__parse_fast f;

	if (!ofl__parse_fast_scan(p, end, nid, res, &f))
		return 1;
	return ofl__parse_fast_fill(p, end, &f, res, want);
}

#endif /* OFL_LIB_PARSER_FAST_H */
