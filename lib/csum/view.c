// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The checksum view of a frame (ofl_csum_view_from_parse(), offload/csum.h;
 * moved here from tools/cmd_csum.c, issue 12 item 4). The headers come
 * from lib/parser; what each checksum covers is decided here, layer by
 * layer, from the length fields of the headers around it: the data a
 * header claims must fit in the data of the header around it (Linux drops
 * the frame otherwise: pppoe_rcv, ip_rcv_core, ipv6_rcv, __udp4_lib_rcv),
 * the pseudo header takes the final destination (RFC 8200 8.1, RFC 1122
 * 4.1.3.4) and the Mobile IPv6 home address (RFC 6275 6.3), and a fragment
 * ends the walk.
 */
#include <offload/parser.h>
#include "internal.h"

/* v->w_flags */
#define OFL__CSUM_V_IPV6 0x01u	 /* the last IP header is IPv6 */
#define OFL__CSUM_V_PLEN0 0x02u	 /* IPv6 payload length 0: jumbo */
#define OFL__CSUM_V_HDREND 0x04u /* w_end comes from a header */
#define OFL__CSUM_V_DONE 0x08u

/* Longest IPv6 option header ((255 + 1) * 8) and IPv4 header. */
#define OFL__CSUM_V_OPTS_MAX 2048u
#define OFL__CSUM_V_IPV4_MAX 60u

/* The bytes of a header before its checksum field, and the fewest bytes
 * a header must have for it (type, code, checksum for ICMP and IGMP). */
#define OFL__CSUM_V_F_IPV4 10u
#define OFL__CSUM_V_F_TCP 16u
#define OFL__CSUM_V_F_UDP 6u
#define OFL__CSUM_V_F_ICMP 2u	/* ICMP, ICMPv6, IGMP */
#define OFL__CSUM_V_F_GRE 4u
#define OFL__CSUM_V_F_SCTP 8u
#define OFL__CSUM_V_MIN_ICMP 4u

struct ofl__csum_vw {
	struct ofl_csum_view *v;
	const uint8_t *p;	/* the frame */
	uint64_t cap;		/* captured bytes */
	uint64_t off;		/* current header */
	uint8_t cut;		/* the header the parse stopped at */
};

OFL_INLINE bool ofl__csum_v_done(const struct ofl__csum_vw *w)
{
	return (w->v->w_flags & OFL__CSUM_V_DONE) != 0;
}

OFL_INLINE void ofl__csum_v_stop(struct ofl__csum_vw *w, uint8_t why)
{
	if (!w->v->stop)
		w->v->stop = why;
	w->v->w_flags |= OFL__CSUM_V_DONE;
}

OFL_INLINE void ofl__csum_v_stop_err(struct ofl__csum_vw *w, int err)
{
	if (!w->v->stop) {
		w->v->stop = OFL_CSUM_WHY_PARSE;
		w->v->stop_err = (int16_t)err;
	}
	w->v->w_flags |= OFL__CSUM_V_DONE;
}

OFL_INLINE void ofl__csum_v_layer(struct ofl__csum_vw *w, uint8_t name)
{
	if (w->v->nlayers < OFL_CSUM_VIEW_MAX_LAYERS)
		w->v->layers[w->v->nlayers++] = name;
}

OFL_INLINE uint32_t ofl__csum_v_u32(uint64_t x)
{
	return x > 0xffffffffu ? 0xffffffffu : (uint32_t)x;
}

/* Records a checksum at @field (from the header) covering @len bytes. */
OFL_PRIVATE void ofl__csum_v_check(struct ofl__csum_vw *w, uint8_t kind,
				   uint32_t field, uint64_t len, uint32_t min)
{
	struct ofl_csum_view *v = w->v;
	struct ofl_csum_check *c;

	if (v->nchecks >= OFL_CSUM_VIEW_MAX_CHECKS)
		return;
	c = &v->checks[v->nchecks++];
	c->off = ofl__csum_v_u32(w->off);
	c->field = ofl__csum_v_u32(w->off + field);
	c->len = ofl__csum_v_u32(len);
	c->saddr_off = v->w_src;
	c->daddr_off = v->w_dst;
	c->kind = kind;
	c->family = (v->w_flags & OFL__CSUM_V_IPV6) ? 6 : v->w_src ? 4 : 0;
	c->why = OFL_CSUM_WHY_NONE;
	c->reserved = 0;
	if (len < min)
		c->why = OFL_CSUM_WHY_MALFORMED;
	else if (v->w_bad && kind != OFL_CSUM_KIND_IPV4)
		c->why = v->w_bad;
	else if (w->off + len > w->cap)
		c->why = OFL_CSUM_WHY_TRUNCATED;
}

/* A header says its data ends at @end: a first length narrows the frame;
 * a later one past it contradicts it (@bad marks the later checksums). */
OFL_INLINE void ofl__csum_v_end(struct ofl__csum_vw *w, uint64_t end,
				uint8_t bad)
{
	struct ofl_csum_view *v = w->v;

	if ((v->w_flags & OFL__CSUM_V_HDREND) && end > v->w_end)
		v->w_bad = bad;
	else
		v->w_end = end;
	v->w_flags |= OFL__CSUM_V_HDREND;
}

/* Options of hop-by-hop / destination options headers that matter to the
 * checksum and that lib/parser walks but does not keep: the jumbo payload
 * length (RFC 2675) and the Mobile IPv6 home address, which replaces the
 * source in the pseudo header (RFC 6275 6.3). @h holds @hl bytes. */
OFL_PRIVATE void ofl__csum_v_opts(struct ofl__csum_vw *w, const uint8_t *h,
				  uint32_t hl, bool hbh)
{
	uint32_t i = 2, n;

	for (n = 0; n < OFL__CSUM_V_OPTS_MAX && i < hl; n++) {
		uint32_t jumbo;

		if (h[i] == OFL_IPV6_TLV_PAD1) {
			i++;
			continue;
		}
		if (i + 2 > hl || i + 2 + h[i + 1] > hl)
			return;
		/* the jumbo length counts from the end of the IPv6
		 * header, that is from this header */
		if (h[i] == OFL_IPV6_TLV_JUMBO && h[i + 1] == 4 && hbh &&
		    (w->v->w_flags & OFL__CSUM_V_PLEN0)) {
			jumbo = ofl_load_be32(h + i + 2);
			if (jumbo >= hl)
				ofl__csum_v_end(w, w->off + jumbo,
						OFL_CSUM_WHY_JUMBO_LEN_OUTER);
		}
		if (h[i] == OFL_IPV6_TLV_HAO && h[i + 1] == 16)
			w->v->w_src = ofl__csum_v_u32(w->off + i + 2);
		else if (h[i] == OFL_IPV6_TLV_HAO) /* ipv6_dest_hao drops it */
			w->v->w_bad = OFL_CSUM_WHY_BAD_HAO;
		i += 2u + h[i + 1];
	}
}

/* An L4 header with a checksum over everything to the region's end. */
OFL_PRIVATE void ofl__csum_v_l4(struct ofl__csum_vw *w, uint8_t name,
				uint8_t kind, uint32_t field, uint32_t min)
{
	/* a length shorter than the headers */
	if (w->off > w->v->w_end) {
		ofl__csum_v_stop(w, OFL_CSUM_WHY_MALFORMED_LENGTH);
		return;
	}
	ofl__csum_v_layer(w, name);
	ofl__csum_v_check(w, kind, field, w->v->w_end - w->off, min);
	w->v->w_flags |= OFL__CSUM_V_DONE;
}

/* UDP at w->off (8 bytes at @h, inside the region). */
OFL_PRIVATE void ofl__csum_v_udp(struct ofl__csum_vw *w, const uint8_t *h)
{
	uint64_t ulen = ofl_load_be16(h + 4), rest = w->v->w_end - w->off;

	ofl__csum_v_layer(w, OFL_CSUM_VL_UDP);
	if (ulen == 0 && rest > 0xffff)
		ulen = rest;	/* jumbogram (RFC 2675) */
	if (ulen < OFL_UDP_HLEN || ulen > rest) {
		ofl__csum_v_check(w, OFL_CSUM_KIND_UDP, OFL__CSUM_V_F_UDP, 0,
				  OFL_UDP_HLEN);
		ofl__csum_v_stop(w, OFL_CSUM_WHY_BAD_UDP_LEN);
		return;
	}
	ofl__csum_v_end(w, w->off + ulen, OFL_CSUM_WHY_NONE);
	ofl__csum_v_check(w, OFL_CSUM_KIND_UDP, OFL__CSUM_V_F_UDP, ulen,
			  OFL_UDP_HLEN);
}

/* IPv4 loose/strict source route (RFC 791) not yet at its end: the
 * pseudo header takes the final destination, the route's last address
 * (RFC 1122 4.1.3.4 / 4.2.3.2, as tshark and the destination host). */
OFL_PRIVATE void ofl__csum_v_srr(struct ofl__csum_vw *w, const uint8_t *h,
				 uint32_t ihl)
{
	uint32_t i = OFL_IPV4_MIN_HLEN, n, len;

	for (n = 0; n < OFL__CSUM_V_IPV4_MAX && i < ihl &&
		    h[i] != OFL_IPOPT_END; n++) {
		if (h[i] == OFL_IPOPT_NOOP) {
			i++;
			continue;
		}
		if (i + 2 > ihl || h[i + 1] < 2 || i + h[i + 1] > ihl)
			return;
		len = h[i + 1];
		if ((h[i] == OFL_IPOPT_LSRR || h[i] == OFL_IPOPT_SSRR) &&
		    len >= 7 && h[i + 2] <= len)
			w->v->w_dst = ofl__csum_v_u32(w->off + i + len - 4);
		i += len;
	}
}

OFL_PRIVATE void ofl__csum_v_ipv4(struct ofl__csum_vw *w, const uint8_t *h,
				  uint32_t ihl)
{
	uint32_t tot = ofl_load_be16(h + 2);

	ofl__csum_v_layer(w, OFL_CSUM_VL_IPV4);
	ofl__csum_v_check(w, OFL_CSUM_KIND_IPV4, OFL__CSUM_V_F_IPV4, ihl,
			  OFL_IPV4_MIN_HLEN);
	/* total length 0: a TSO/BIG TCP super-frame, length from the frame */
	if (tot && tot < ihl) {
		ofl__csum_v_stop(w, OFL_CSUM_WHY_BAD_IPV4_LEN);
		return;
	}
	if (tot)
		ofl__csum_v_end(w, w->off + tot, OFL_CSUM_WHY_IPV4_LEN_OUTER);
	if (ofl_load_be16(h + 6) & (OFL_IP_MF | OFL_IP_OFFSET)) {
		ofl__csum_v_stop(w, OFL_CSUM_WHY_IPV4_FRAGMENT);
		return;
	}
	w->v->w_flags &= (uint8_t)~OFL__CSUM_V_IPV6;
	w->v->w_src = ofl__csum_v_u32(w->off + 12);
	w->v->w_dst = ofl__csum_v_u32(w->off + 16);
	ofl__csum_v_srr(w, h, ihl);
}

OFL_PRIVATE void ofl__csum_v_ipv6(struct ofl__csum_vw *w, const uint8_t *h)
{
	uint32_t plen = ofl_load_be16(h + 4);

	ofl__csum_v_layer(w, OFL_CSUM_VL_IPV6);
	if (plen)	/* 0: jumbogram or BIG TCP, length from the frame */
		ofl__csum_v_end(w, w->off + OFL_IPV6_HLEN + plen,
				OFL_CSUM_WHY_IPV6_LEN_OUTER);
	w->v->w_flags |= OFL__CSUM_V_IPV6;
	if (plen)
		w->v->w_flags &= (uint8_t)~OFL__CSUM_V_PLEN0;
	else
		w->v->w_flags |= OFL__CSUM_V_PLEN0;
	w->v->w_src = ofl__csum_v_u32(w->off + 8);
	w->v->w_dst = ofl__csum_v_u32(w->off + 24);
}

/* A routing header of @hl bytes (at least 8). */
OFL_PRIVATE void ofl__csum_v_route(struct ofl__csum_vw *w, const uint8_t *h,
				   uint32_t hl)
{
	uint32_t last = 8u + 16u * (h[1] / 2u);

	ofl__csum_v_layer(w, h[2] == OFL_IPV6_SRCRT_TYPE_4 ? OFL_CSUM_VL_SRH :
							     OFL_CSUM_VL_RH);
	/* RFC 8200 8.1: the pseudo header takes the final destination:
	 * type 0 the last address, type 2 (MIPv6) and 4 (SRv6, list in
	 * reverse: what lib/parser keeps as srh_final) the first */
	if (h[3] && (h[2] == OFL_IPV6_SRCRT_TYPE_2 ||
		     h[2] == OFL_IPV6_SRCRT_TYPE_4) && hl >= 24)
		w->v->w_dst = ofl__csum_v_u32(w->off + 8);
	else if (h[3] && h[2] == OFL_IPV6_SRCRT_TYPE_0 && h[1] >= 2 &&
		 last <= hl)
		w->v->w_dst = ofl__csum_v_u32(w->off + last - 16);
}

/* The bytes of a header of @proto this file reads (ofl_parse() lists no
 * shorter one; a result that does is not ofl_parse()'s). */
OFL_INLINE uint32_t ofl__csum_v_need(uint8_t proto)
{
	switch (proto) {
	case OFL_PROTO_ETH: return OFL_ETH_HLEN;
	case OFL_PROTO_VLAN: return OFL_VLAN_HLEN;
	case OFL_PROTO_MPLS: return OFL_MPLS_HLEN;
	case OFL_PROTO_PPPOE: return 6;	/* the session header */
	case OFL_PROTO_IPV4: return OFL_IPV4_MIN_HLEN;
	case OFL_PROTO_IPV6: return OFL_IPV6_HLEN;
	case OFL_PROTO_IPV6_HOPOPTS: case OFL_PROTO_IPV6_DSTOPTS:
	case OFL_PROTO_IPV6_ROUTE: case OFL_PROTO_IPV6_FRAG:
	case OFL_PROTO_AH:
		return OFL_IPV6_OPT_MIN_HLEN;
	case OFL_PROTO_UDP: return OFL_UDP_HLEN;
	case OFL_PROTO_GRE: return OFL_GRE_MIN_HLEN;
	default: return 0;
	}
}

/* Is @proto reached through an IP protocol number (checked against the
 * region like the walk's L4 step)? */
OFL_INLINE bool ofl__csum_v_after_ip(uint8_t proto)
{
	switch (proto) {
	case OFL_PROTO_ETH: case OFL_PROTO_VLAN: case OFL_PROTO_MPLS:
	case OFL_PROTO_PPPOE: case OFL_PROTO_ARP: case OFL_PROTO_VXLAN:
	case OFL_PROTO_GENEVE: case OFL_PROTO_ERSPAN:
		return false;
	default:
		return true;
	}
}

/* The checksummed L4 headers; false for the others. */
OFL_PRIVATE bool ofl__csum_v_l4proto(struct ofl__csum_vw *w, uint8_t proto)
{
	switch (proto) {
	case OFL_PROTO_TCP:
		ofl__csum_v_l4(w, OFL_CSUM_VL_TCP, OFL_CSUM_KIND_TCP,
			       OFL__CSUM_V_F_TCP, OFL_TCP_MIN_HLEN);
		return true;
	case OFL_PROTO_ICMP:
		ofl__csum_v_l4(w, OFL_CSUM_VL_ICMP, OFL_CSUM_KIND_ICMP,
			       OFL__CSUM_V_F_ICMP, OFL__CSUM_V_MIN_ICMP);
		return true;
	case OFL_PROTO_ICMPV6:
		ofl__csum_v_l4(w, OFL_CSUM_VL_ICMPV6, OFL_CSUM_KIND_ICMPV6,
			       OFL__CSUM_V_F_ICMP, OFL__CSUM_V_MIN_ICMP);
		return true;
	case OFL_PROTO_IGMP:
		ofl__csum_v_l4(w, OFL_CSUM_VL_IGMP, OFL_CSUM_KIND_IGMP,
			       OFL__CSUM_V_F_ICMP, OFL__CSUM_V_MIN_ICMP);
		return true;
	case OFL_PROTO_SCTP:
		ofl__csum_v_l4(w, OFL_CSUM_VL_SCTP, OFL_CSUM_KIND_SCTP,
			       OFL__CSUM_V_F_SCTP, OFL_SCTP_HLEN);
		return true;
	default:
		return false;
	}
}

/* A header without a checksum of its own, wholly inside the region. */
OFL_PRIVATE void ofl__csum_v_hdr(struct ofl__csum_vw *w, uint8_t proto,
				 const uint8_t *h, uint32_t hl)
{
	switch (proto) {
	case OFL_PROTO_ETH: ofl__csum_v_layer(w, OFL_CSUM_VL_ETH); break;
	case OFL_PROTO_VLAN: ofl__csum_v_layer(w, OFL_CSUM_VL_VLAN); break;
	case OFL_PROTO_MPLS: ofl__csum_v_layer(w, OFL_CSUM_VL_MPLS); break;
	case OFL_PROTO_ARP: ofl__csum_v_layer(w, OFL_CSUM_VL_ARP); break;
	case OFL_PROTO_VXLAN: ofl__csum_v_layer(w, OFL_CSUM_VL_VXLAN); break;
	case OFL_PROTO_GENEVE:
		ofl__csum_v_layer(w, OFL_CSUM_VL_GENEVE);
		break;
	case OFL_PROTO_ERSPAN: ofl__csum_v_layer(w, OFL_CSUM_VL_ERSPAN); break;
	case OFL_PROTO_AH: ofl__csum_v_layer(w, OFL_CSUM_VL_AH); break;
	case OFL_PROTO_ESP: ofl__csum_v_layer(w, OFL_CSUM_VL_ESP); break;
	case OFL_PROTO_PPPOE:
		ofl__csum_v_layer(w, OFL_CSUM_VL_PPPOE);
		ofl__csum_v_end(w, w->off + 6 + ofl_load_be16(h + 4),
				OFL_CSUM_WHY_BAD_PPPOE_LEN);
		break;
	case OFL_PROTO_IPV4: ofl__csum_v_ipv4(w, h, hl); break;
	case OFL_PROTO_IPV6: ofl__csum_v_ipv6(w, h); break;
	case OFL_PROTO_IPV6_HOPOPTS:
		ofl__csum_v_layer(w, OFL_CSUM_VL_HBH);
		ofl__csum_v_opts(w, h, hl, true);
		break;
	case OFL_PROTO_IPV6_DSTOPTS:
		ofl__csum_v_layer(w, OFL_CSUM_VL_DSTOPT);
		ofl__csum_v_opts(w, h, hl, false);
		break;
	case OFL_PROTO_IPV6_ROUTE: ofl__csum_v_route(w, h, hl); break;
	case OFL_PROTO_IPV6_FRAG:
		ofl__csum_v_layer(w, OFL_CSUM_VL_FRAG);
		if (ofl_load_be16(h + 2) & (OFL_IP6_OFFSET | OFL_IP6_MF))
			ofl__csum_v_stop(w, OFL_CSUM_WHY_IPV6_FRAGMENT);
		break;
	case OFL_PROTO_UDP: ofl__csum_v_udp(w, h); break;
	case OFL_PROTO_GRE:
		ofl__csum_v_layer(w, OFL_CSUM_VL_GRE);
		if (ofl_load_be16(h) & OFL_GRE_VERSION)
			ofl__csum_v_stop(w, OFL_CSUM_WHY_GRE_V1);
		else if (ofl_load_be16(h) & OFL_GRE_CSUM)
			ofl__csum_v_check(w, OFL_CSUM_KIND_GRE,
					  OFL__CSUM_V_F_GRE,
					  w->v->w_end - w->off,
					  OFL_GRE_MIN_HLEN);
		break;
	default:
		ofl__csum_v_stop(w, OFL_CSUM_WHY_UNKNOWN_PROTO);
		break;
	}
}

/* One layer of the parse at frame offset @off (@hl bytes captured). */
OFL_PRIVATE void ofl__csum_v_step(struct ofl__csum_vw *w, uint8_t proto,
				  uint64_t off, uint32_t hl)
{
	w->off = off;
	if (ofl__csum_v_l4proto(w, proto))
		return;
	if (ofl__csum_v_after_ip(proto) && off > w->v->w_end) {
		ofl__csum_v_stop(w, OFL_CSUM_WHY_MALFORMED_LENGTH);
		return;
	}
	/* inside the frame, not the region */
	if (off + hl > w->v->w_end) {
		ofl__csum_v_stop(w, proto >= OFL_PROTO_IPV6_HOPOPTS &&
					    proto <= OFL_PROTO_AH ?
					    OFL_CSUM_WHY_SHORT_EXTHDR :
					    OFL_CSUM_WHY_SHORT_HEADER);
		return;
	}
	ofl__csum_v_hdr(w, proto, w->p + off, hl);
}

/* "short <header>" for the header after an IP protocol / ethertype. */
OFL_INLINE uint8_t ofl__csum_v_short_ip(uint32_t nh)
{
	switch (nh) {
	case OFL_IPPROTO_IPIP: return OFL_CSUM_WHY_SHORT_IPV4;
	case OFL_IPPROTO_IPV6: return OFL_CSUM_WHY_SHORT_IPV6;
	case OFL_IPPROTO_GRE: return OFL_CSUM_WHY_SHORT_GRE;
	case OFL_IPPROTO_HOPOPTS: case OFL_IPPROTO_ROUTING:
	case OFL_IPPROTO_FRAGMENT: case OFL_IPPROTO_DSTOPTS:
	case OFL_IPPROTO_AH:
		return OFL_CSUM_WHY_SHORT_EXTHDR;
	default: return OFL_CSUM_WHY_NONE;
	}
}

OFL_INLINE uint8_t ofl__csum_v_short_eth(uint32_t type)
{
	switch (type) {
	case OFL_ETH_P_IP: return OFL_CSUM_WHY_SHORT_IPV4;
	case OFL_ETH_P_IPV6: return OFL_CSUM_WHY_SHORT_IPV6;
	case OFL_ETH_P_8021Q: case OFL_ETH_P_8021AD: case OFL_ETH_P_QINQ1:
		return OFL_CSUM_WHY_SHORT_VLAN;
	case OFL_ETH_P_MPLS_UC: case OFL_ETH_P_MPLS_MC:
		return OFL_CSUM_WHY_SHORT_MPLS;
	case OFL_ETH_P_PPP_SES: return OFL_CSUM_WHY_SHORT_PPPOE;
	case OFL_ETH_P_TEB: return OFL_CSUM_WHY_SHORT_ETH;
	default: return OFL_CSUM_WHY_NONE;
	}
}

/* No IP protocol follows the last layer */
#define OFL__CSUM_V_NO_NH 256u
/* bit 16 of @type: an ethertype follows (0 is one too) */
#define OFL__CSUM_V_ETYPE 0x10000u

/* What the parser's last layer @l (at @h, wholly captured) says follows:
 * the next IP protocol, or an ethertype with OFL__CSUM_V_ETYPE; and w->cut,
 * the header it is when the parse ran out of bytes there. */
OFL_PRIVATE uint32_t ofl__csum_v_next(struct ofl__csum_vw *w, uint8_t proto,
				      const uint8_t *h, uint32_t *type)
{
	uint32_t nh = OFL__CSUM_V_NO_NH;

	*type = 0;
	switch (proto) {
	case OFL_PROTO_IPV4: nh = h[9]; break;
	case OFL_PROTO_IPV6: nh = h[6]; break;
	case OFL_PROTO_IPV6_HOPOPTS: case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS: case OFL_PROTO_IPV6_FRAG:
	case OFL_PROTO_AH:
		nh = h[0];
		break;
	case OFL_PROTO_GRE: case OFL_PROTO_VLAN:
		*type = OFL__CSUM_V_ETYPE | ofl_load_be16(h + 2);
		break;
	case OFL_PROTO_ETH:
		*type = OFL__CSUM_V_ETYPE | ofl_load_be16(h + 12);
		break;
	default: break;
	}
	if (proto == OFL_PROTO_UDP)
		w->cut = ofl_load_be16(h + 2) == OFL_UDP_PORT_VXLAN ?
			 OFL_CSUM_WHY_SHORT_VXLAN :
			 ofl_load_be16(h + 2) == OFL_UDP_PORT_GENEVE ?
			 OFL_CSUM_WHY_SHORT_GENEVE : OFL_CSUM_WHY_NONE;
	else if (proto == OFL_PROTO_MPLS)	/* bottom of stack */
		w->cut = (h[2] & 1) ? OFL_CSUM_WHY_SHORT_IP :
				      OFL_CSUM_WHY_SHORT_MPLS;
	else if (proto == OFL_PROTO_VXLAN)
		w->cut = OFL_CSUM_WHY_SHORT_ETH;
	else
		w->cut = *type ? ofl__csum_v_short_eth(*type & 0xffffu) :
				 ofl__csum_v_short_ip(nh);
	return nh;
}

/* ERSPAN II/III after GRE at w->off: the offset of the Ethernet frame it
 * carries, or 0 (stopped). */
OFL_PRIVATE uint64_t ofl__csum_v_erspan(struct ofl__csum_vw *w,
					uint32_t type)
{
	const uint8_t *e = w->p + w->off;
	uint64_t off = w->off, end = w->v->w_end;

	if (off + 12 > w->cap || off + 12 > end ||
	    (type == OFL_ETH_P_ERSPAN2 && (e[11] & 1) &&
	     (off + 20 > w->cap || off + 20 > end))) {
		ofl__csum_v_stop(w, OFL_CSUM_WHY_SHORT_ERSPAN);
		return 0;
	}
	ofl__csum_v_layer(w, OFL_CSUM_VL_ERSPAN);
	return off + (type == OFL_ETH_P_ERSPAN ? 8u : (e[11] & 1) ? 20u : 12u);
}

/*
 * Where lib/parser stopped without listing the next header: what the
 * layer before it says follows. A checksummed L4 header is still reported
 * (its checksum is then not checkable: truncated or malformed), as is an
 * ERSPAN header lib/parser refused (a version its GRE protocol does not
 * carry: the frame it carries is parsed again).
 * Returns the offset of an Ethernet frame to parse next, or 0.
 */
OFL_PRIVATE uint64_t ofl__csum_v_after(struct ofl__csum_vw *w,
				       const struct ofl_parse_layer *l,
				       uint64_t at, int perr)
{
	uint32_t type, nh = ofl__csum_v_next(w, l->proto, w->p + at, &type);
	uint64_t off = at + l->len;

	w->off = off;
	switch (nh) {
	case OFL_IPPROTO_TCP:
		ofl__csum_v_l4proto(w, OFL_PROTO_TCP);
		return 0;
	case OFL_IPPROTO_ICMP:
		ofl__csum_v_l4proto(w, OFL_PROTO_ICMP);
		return 0;
	case OFL_IPPROTO_ICMPV6:
		ofl__csum_v_l4proto(w, OFL_PROTO_ICMPV6);
		return 0;
	case OFL_IPPROTO_IGMP:
		ofl__csum_v_l4proto(w, OFL_PROTO_IGMP);
		return 0;
	case OFL_IPPROTO_SCTP:
		ofl__csum_v_l4proto(w, OFL_PROTO_SCTP);
		return 0;
	case OFL_IPPROTO_NONE:
		w->v->w_flags |= OFL__CSUM_V_DONE;
		return 0;
	case OFL_IPPROTO_UDP:
		/* behind a header the parser refused (bad options) */
		if (off > w->v->w_end)
			ofl__csum_v_stop(w, OFL_CSUM_WHY_MALFORMED_LENGTH);
		else if (off + OFL_UDP_HLEN > w->cap ||
			 off + OFL_UDP_HLEN > w->v->w_end)
			ofl__csum_v_stop(w, OFL_CSUM_WHY_SHORT_UDP);
		else
			ofl__csum_v_udp(w, w->p + off);
		w->v->w_flags |= OFL__CSUM_V_DONE;
		return 0;
	case OFL__CSUM_V_NO_NH:
		break;
	default:
		if (!perr)
			ofl__csum_v_stop(w, OFL_CSUM_WHY_UNKNOWN_PROTO);
		return 0;
	}
	type &= 0xffffu;
	if (type == OFL_ETH_P_ERSPAN || type == OFL_ETH_P_ERSPAN2)
		return ofl__csum_v_erspan(w, type);
	if ((l->proto == OFL_PROTO_GRE || l->proto == OFL_PROTO_ETH ||
	     l->proto == OFL_PROTO_VLAN) && !perr)
		ofl__csum_v_stop(w, OFL_CSUM_WHY_UNKNOWN_ETHERTYPE);
	return 0;
}

OFL_API int ofl_csum_view_init(struct ofl_csum_view *v, size_t v_size,
			       uint32_t wire_len)
{
	if (!v || v_size != sizeof(*v))
		return OFL_EINVAL;
	/* every field 0 (the layer list too: n = 0, entries zero) */
	ofl_zero_bytes(v, sizeof(*v), sizeof(*v));
	v->w_end = wire_len;	/* the first call raises it to the cap */
	return 0;
}

/* The view's step for layer @l of a parse at @base (validated first);
 * a nonzero return stops the walk with that error. */
OFL_PRIVATE int ofl__csum_v_layer_at(struct ofl__csum_vw *w,
				     const struct ofl_parse_layer *l,
				     uint64_t base)
{
	/* a result of another frame, or not of ofl_parse() */
	if (base + l->offset + l->len > w->cap ||
	    l->len < ofl__csum_v_need(l->proto)) {
		ofl__csum_v_stop_err(w, OFL_EINVAL);
		return OFL_EINVAL;
	}
	ofl__csum_v_step(w, l->proto, base + l->offset, l->len);
	return 0;
}

/* After the layers of a parse: what the last one, @l, says follows. */
OFL_PRIVATE void ofl__csum_v_tail(struct ofl__csum_vw *w,
				  const struct ofl_parse_result *res,
				  const struct ofl_parse_layer *l,
				  uint64_t base)
{
	uint64_t next;

	if (!l) {
		if (res->error == OFL_ENODATA)
			ofl__csum_v_stop(w, OFL_CSUM_WHY_SHORT_ETH);
		else
			ofl__csum_v_stop_err(w, res->error);
		return;
	}
	next = ofl__csum_v_after(w, l, base + l->offset, res->error);
	if (ofl__csum_v_done(w))
		return;
	if (res->error) {
		if (res->error == OFL_ENODATA && w->cut)
			ofl__csum_v_stop(w, w->cut);
		else
			ofl__csum_v_stop_err(w, res->error);
	}
	/* one frame inside ERSPAN is parsed again, no more */
	if (ofl__csum_v_done(w) || !next || w->v->nparse > 1) {
		w->v->w_flags |= OFL__CSUM_V_DONE;
		return;
	}
	w->v->next = ofl__csum_v_u32(next);
}

/*
 * The layers of @res (parsed at @base), then what follows the last one.
 * The first parse also feeds each layer to parse.c's walk (the list of
 * ofl_csum_layers_from_parse()) until that one ends: one loop, two rule
 * sets (what the frame claims, what Linux verifies).
 */
OFL_PRIVATE int ofl__csum_v_walk(struct ofl__csum_vw *w,
				 const struct ofl_parse_result *res,
				 uint64_t base)
{
	const struct ofl_parse_layer *l = 0;
	struct ofl_csum_view *v = w->v;
	struct ofl__csum_lp lp;
	bool lp_on = v->nparse == 1;
	unsigned int i;
	int r;

	ofl__csum_lp_init(&lp, w->p + base, (size_t)(w->cap - base));
	for (i = 0; i < OFL_PARSE_MAX_LAYERS && i < res->nlayers; i++) {
		l = &res->layers[i];
		if (!ofl__csum_v_done(w) && ofl__csum_v_layer_at(w, l, base)) {
			if (lp_on)
				v->l4_err = OFL_EINVAL;
			return OFL_EINVAL;
		}
		if (lp_on) {
			r = ofl__csum_lp_step(&lp, l, &v->l4);
			if (r) {
				v->l4_err = (int16_t)(r > 0 ? 0 : r);
				lp_on = false;
			}
		}
		if (ofl__csum_v_done(w) && !lp_on)
			return 0;
	}
	if (lp_on)
		v->l4_err = res->error;
	if (!ofl__csum_v_done(w))
		ofl__csum_v_tail(w, res, l, base);
	return 0;
}

OFL_API int ofl_csum_view_from_parse(struct ofl_csum_view *v, size_t v_size,
				     const struct ofl_parse_result *res,
				     size_t res_size, const void *frame,
				     const void *end, uint32_t base)
{
	const uint8_t *f = (const uint8_t *)frame, *e = (const uint8_t *)end;
	struct ofl__csum_vw w;

	if (!v || !res || !f || !e || e < f || v_size != sizeof(*v) ||
	    res_size != sizeof(*res) || res->nlayers > OFL_PARSE_MAX_LAYERS ||
	    !(res->mask & OFL_PARSE_REQ_LAYERS) ||
	    (size_t)(e - f) < base || (v->nparse && base != v->next))
		return OFL_EINVAL;
	if (v->w_flags & OFL__CSUM_V_DONE)
		return 0;
	w.v = v;
	w.p = f;
	w.cap = (uint64_t)(e - f);
	w.off = base;
	w.cut = OFL_CSUM_WHY_NONE;
	if (!v->nparse && v->w_end < w.cap)
		v->w_end = w.cap;
	v->nparse++;
	v->next = 0;
	return ofl__csum_v_walk(&w, res, base);
}
