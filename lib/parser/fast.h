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

/*
 * Each header's function calls the next one with the offsets and kinds
 * found so far as arguments, which are constants in every inlined copy
 * (as the walk is specialised per node): each of the twelve stacks gets
 * its own straight code, its stores folded. @l2: 0 (IP root), 1
 * (Ethernet) or 2 (Ethernet and an 802.1Q tag).
 */

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
 * The stores of a covered frame at level @want: what ofl__parse_hdr_n()
 * stores for these nodes, under the same level tests, then the walk's own
 * finish. Every header was checked against the frame's end by the caller.
 */
OFL_INLINE int ofl__parse_fast_fill(const uint8_t *p,
				    struct ofl_parse_result *res,
				    unsigned int want, unsigned int l2,
				    unsigned int v6, unsigned int l4len)
{
	struct ofl_parse_flow *fl = &res->outer;
	unsigned int l3 = l2 == 2 ? OFL_ETH_HLEN + OFL_VLAN_HLEN :
			  l2 ? OFL_ETH_HLEN : 0;
	unsigned int l4 = l3 + (v6 ? OFL_IPV6_HLEN : OFL_IPV4_MIN_HLEN);
	const uint8_t *ip = p + l3, *h = p + l4;
	unsigned int nl = 0, v;

	/* counted in every mode (ofl__parse_hdr_n(): counters) */
	if (l2 == 2)
		res->nvlan = 1;
	if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_LAYERS)) {
		if (l2)
			ofl__parse_fast_layer(res, nl++, OFL_PROTO_ETH, 0,
					      OFL_ETH_HLEN);
		if (l2 == 2)
			ofl__parse_fast_layer(res, nl++, OFL_PROTO_VLAN,
					      OFL_ETH_HLEN, OFL_VLAN_HLEN);
		ofl__parse_fast_layer(res, nl++, v6 ? OFL_PROTO_IPV6 :
					 OFL_PROTO_IPV4, l3, l4 - l3);
		ofl__parse_fast_layer(res, nl++,
				      l4len == OFL_TCP_MIN_HLEN ?
				      OFL_PROTO_TCP : OFL_PROTO_UDP, l4,
				      l4len);
		res->nlayers = (uint8_t)nl;
	}
	if (l2 == 2 && OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		ofl_store_ne16(res->vlan_tci,
			       ofl_load_ne16(p + OFL_ETH_HLEN));
	fl->family = v6 ? 6 : 4;
	fl->l3_off = (uint16_t)l3;
	fl->ip_proto = l4len == OFL_TCP_MIN_HLEN ? OFL_IPPROTO_TCP :
						   OFL_IPPROTO_UDP;
	fl->l4_off = (uint16_t)l4;
	res->payload_off = (uint16_t)(l4 + l4len);
	res->stop_off = (uint16_t)(l4 + l4len);
	if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW)) {
		/* the datagram's end: IP total length, IPv6 payload length
		 * + 40; 0 when the field is 0 (ofl__parse_hdr_n(), L3) */
		if (v6) {
			v = ofl_load_be16(ip + 4);
			if (v)
				v += l3 + OFL_IPV6_HLEN;
			ofl_copy8(fl->src, ip + 8);
			ofl_copy8(fl->src + 8, ip + 16);
			ofl_copy8(fl->dst, ip + 24);
			ofl_copy8(fl->dst + 8, ip + 32);
		} else {
			v = ofl_load_be16(ip + 2);
			if (v)
				v += l3;
			ofl_copy4(fl->src, ip + 12);
			ofl_copy4(fl->dst, ip + 16);
		}
		fl->l3_end = (uint16_t)(v > 0xffffu ? 0xffffu : v);
		ofl_copy4(fl->ports, h);
		fl->has_ports = 1;
	}
	if (l4len == OFL_TCP_MIN_HLEN &&
	    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		res->tcp_flags = h[13];
	return ofl__parse_finish(res, 0,
				 (unsigned int)offsetof(struct ofl_parse_result,
							outer), want);
}

/* TCP without options or UDP to a port that is not a tunnel's, at @l4. */
OFL_INLINE int ofl__parse_fast_l4(const uint8_t *p, const uint8_t *end,
				  struct ofl_parse_result *res,
				  unsigned int want, unsigned int l2,
				  unsigned int v6, unsigned int l4,
				  unsigned int proto)
{
	const uint8_t *h = p + l4;

	if (proto == OFL_IPPROTO_TCP) {
		/* data offset 5 (the high nibble): no options */
		if (h + OFL_TCP_MIN_HLEN > end ||
		    (h[12] & 0xf0) != (OFL_TCP_MIN_HLEN / 4) << 4)
			return 1;
		return ofl__parse_fast_fill(p, res, want, l2, v6,
					    OFL_TCP_MIN_HLEN);
	}
	if (proto == OFL_IPPROTO_UDP) {
		if (h + OFL_UDP_HLEN > end ||
		    ofl__parse_fast_udp_tun(res, ofl_load_be16(h + 2)))
			return 1;
		return ofl__parse_fast_fill(p, res, want, l2, v6,
					    OFL_UDP_HLEN);
	}
	return 1;
}

/* IPv4 without options, not a fragment, or IPv6 without extension
 * headers, at @l3; then TCP or UDP. */
OFL_INLINE int ofl__parse_fast_ip(const uint8_t *p, const uint8_t *end,
				  struct ofl_parse_result *res,
				  unsigned int want, unsigned int l2,
				  unsigned int v6, unsigned int l3)
{
	const uint8_t *h = p + l3;
	unsigned int proto;

	if (v6) {
		if (h + OFL_IPV6_HLEN > end || (h[0] & 0xf0) != 6 << 4)
			return 1;
		proto = h[6];
	} else {
		if (h + OFL_IPV4_MIN_HLEN > end ||
		    h[0] != OFL_IPV4_VIHL_NOOPT ||
		    (ofl_load_be16(h + 6) & (OFL_IP_MF | OFL_IP_OFFSET)))
			return 1;
		proto = h[9];
	}
	l3 += v6 ? OFL_IPV6_HLEN : OFL_IPV4_MIN_HLEN;
	if (proto == OFL_IPPROTO_TCP)
		return ofl__parse_fast_l4(p, end, res, want, l2, v6, l3,
					  OFL_IPPROTO_TCP);
	if (proto == OFL_IPPROTO_UDP)
		return ofl__parse_fast_l4(p, end, res, want, l2, v6, l3,
					  OFL_IPPROTO_UDP);
	return 1;
}

/* The EtherType @et after @l2 link headers ending at @l3. */
OFL_INLINE int ofl__parse_fast_et(const uint8_t *p, const uint8_t *end,
				  struct ofl_parse_result *res,
				  unsigned int want, unsigned int l2,
				  unsigned int l3, unsigned int et)
{
	if (et == OFL_ETH_P_IP)
		return ofl__parse_fast_ip(p, end, res, want, l2, 0, l3);
	if (et == OFL_ETH_P_IPV6)
		return ofl__parse_fast_ip(p, end, res, want, l2, 1, l3);
	return 1;
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
	unsigned int et;

	if (nid == OFL__PN_IPV4)
		return ofl__parse_fast_ip(p, end, res, want, 0, 0, 0);
	if (nid == OFL__PN_IPV6)
		return ofl__parse_fast_ip(p, end, res, want, 0, 1, 0);
	if (nid != OFL__PN_ETH || p + OFL_ETH_HLEN > end)
		return 1;
	et = ofl_load_be16(p + 12);
	if (et != OFL_ETH_P_8021Q)
		return ofl__parse_fast_et(p, end, res, want, 1, OFL_ETH_HLEN,
					  et);
	if (p + OFL_ETH_HLEN + OFL_VLAN_HLEN > end)
		return 1;
	return ofl__parse_fast_et(p, end, res, want, 2,
				  OFL_ETH_HLEN + OFL_VLAN_HLEN,
				  ofl_load_be16(p + OFL_ETH_HLEN + 2));
}

#endif /* OFL_LIB_PARSER_FAST_H */
