// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * From a lib/parser result to the checksum layer list of
 * ofl_csum_verify_complete() (issue 12 item 4). The headers come from the
 * parse; the frame is read only for the length fields the checksums
 * depend on, the fragment bits and the routing header (ofl__csum_rh_final()
 * of ipv6.c). Which length a checksum covers, as Linux trims the skb
 * before each one (pskb_trim_rcsum): ip_rcv_core() to the IPv4 tot_len,
 * ip6_rcv_core() to 40 + payload length, pppoe_rcv() to its length,
 * __udp4_lib_rcv()/__udp6_lib_rcv() to the UDP length; a length longer
 * than the data around it is a drop there and OFL_EBADMSG here.
 */
#include <offload/parser.h>
#include "internal.h"

/* No length field has bounded the data yet (only the frame does). */
#define OFL__CSUM_LP_NOEND 0xffffffffu

/* The walk: where the current datagram ends and whose L4 it is. */
struct ofl__csum_lp {
	const uint8_t *f;
	uint32_t flen;		/* frame length */
	uint32_t end;		/* data end as the length fields say */
	uint16_t saddr;		/* pseudo-header addresses of ... */
	uint16_t daddr;
	uint8_t family;		/* ... the current IP header (0: none) */
	uint8_t encap;		/* its tunnel level */
};

/* A length field says the data ends at @end: it may only shrink. */
OFL_INLINE int ofl__csum_lp_bound(struct ofl__csum_lp *w, uint32_t end)
{
	if (end > w->end)
		return OFL_EBADMSG;
	w->end = end;
	return 0;
}

/* Every field of entry @e (@w NULL: all zero). Field by field: a byte
 * loop over the 52-byte list took most of the call's time. */
OFL_INLINE void ofl__csum_lp_set(struct ofl_csum_layer *e, uint32_t off,
				 uint32_t len, const struct ofl__csum_lp *w,
				 uint8_t proto)
{
	e->l4_off = (uint16_t)off;
	e->l4_len = (uint16_t)len;
	e->saddr_off = w ? w->saddr : 0;
	e->daddr_off = w ? w->daddr : 0;
	e->family = w ? w->family : 0;
	e->proto = proto;
	e->flags = 0;
	e->reserved = 0;
}

/* An IP header (at least 20 or 40 bytes listed, in the frame). 1 if it
 * is a fragment: the list ends there. */
OFL_PRIVATE int ofl__csum_lp_ip(struct ofl__csum_lp *w,
				const struct ofl_parse_layer *l,
				const uint8_t *h)
{
	uint32_t off = l->offset;
	int err;

	if (l->proto == OFL_PROTO_IPV6) {
		if (l->len < OFL_IPV6_HLEN)
			return OFL_EINVAL;
		err = ofl__csum_lp_bound(w, off + OFL_IPV6_HLEN +
					 ofl_load_be16(h + 4));
		w->family = 6;
		w->saddr = (uint16_t)(off + 8);
		w->daddr = (uint16_t)(off + 24);
		w->encap = l->encap;
		return err;
	}
	if (l->len < OFL_IPV4_MIN_HLEN)
		return OFL_EINVAL;
	/* tot_len below the header: ip_rcv_core() drops it */
	if (ofl_load_be16(h + 2) < l->len)
		return OFL_EBADMSG;
	err = ofl__csum_lp_bound(w, off + ofl_load_be16(h + 2));
	if (err)
		return err;
	w->family = 4;
	w->saddr = (uint16_t)(off + 12);
	w->daddr = (uint16_t)(off + 16);
	w->encap = l->encap;
	/* ip_is_fragment(): MF or an offset */
	return (ofl_load_be16(h + 6) & 0x3fffu) ? 1 : 0;
}

/* A TCP, UDP, ICMP or ICMPv6 header: one entry (UDP also bounds what it
 * carries). 0, or an error with nothing listed for it. */
OFL_PRIVATE int ofl__csum_lp_l4(struct ofl__csum_lp *w,
				const struct ofl_parse_layer *l,
				const uint8_t *h, struct ofl_csum_layers *ly)
{
	uint32_t off = l->offset, len = w->end - off;
	uint8_t proto = l->proto == OFL_PROTO_TCP ? OFL_IPPROTO_TCP :
			l->proto == OFL_PROTO_UDP ? OFL_IPPROTO_UDP :
			l->proto == OFL_PROTO_ICMP ? OFL_IPPROTO_ICMP :
						     OFL_IPPROTO_ICMPV6;

	/* ICMP is an IPv4 protocol, ICMPv6 an IPv6 one: Linux has no
	 * handler for the other pairing (no checksum to list) */
	if ((proto == OFL_IPPROTO_ICMP && w->family != 4) ||
	    (proto == OFL_IPPROTO_ICMPV6 && w->family != 6))
		return 0;
	if (proto == OFL_IPPROTO_UDP) {
		uint32_t ulen = ofl_load_be16(h + 4);

		if (ulen == 0 && w->family == 6)
			ulen = len;	/* the jumbo rule, __udp6_lib_rcv() */
		if (ulen < OFL_UDP_HLEN || ulen > len)
			return OFL_EBADMSG;
		len = ulen;
		w->end = off + ulen;
	}
	if (off + len > w->flen)
		return OFL_ENODATA;
	if (ly->n >= OFL_CSUM_MAX_LAYERS)
		return OFL_E2BIG;
	ofl__csum_lp_set(&ly->l[ly->n], off, len, w, proto);
	ly->n++;
	return 0;
}

/* One layer of the parse, wholly in the frame. 1 ends the list. */
OFL_PRIVATE int ofl__csum_lp_layer(struct ofl__csum_lp *w,
				   const struct ofl_parse_layer *l,
				   struct ofl_csum_layers *ly)
{
	const uint8_t *h = w->f + l->offset;
	int r;

	/* every header lies inside the data the lengths around it give */
	if ((uint32_t)l->offset + l->len > w->end)
		return OFL_EBADMSG;
	/* a header of another tunnel level before its own IP header */
	if (w->family && l->encap != w->encap)
		w->family = 0;
	switch (l->proto) {
	case OFL_PROTO_PPPOE:
		if (l->len < 6)
			return OFL_EINVAL;
		return ofl__csum_lp_bound(w, (uint32_t)l->offset + 6 +
					  ofl_load_be16(h + 4));
	case OFL_PROTO_IPV4:
	case OFL_PROTO_IPV6:
		return ofl__csum_lp_ip(w, l, h);
	case OFL_PROTO_IPV6_ROUTE:
		/* after IPv4 (AH's next header 43, which lib/parser
		 * follows): Linux has no IPv4 handler for protocol 43, so
		 * nothing after it is verified; the list ends */
		if (w->family == 4)
			return 1;
		if (w->family != 6 || l->len < 8 ||
		    ((uint32_t)h[1] + 1) * 8 > l->len)
			return OFL_EINVAL;
		r = ofl__csum_rh_final(h);
		if (r > 0)
			w->daddr = (uint16_t)(l->offset + r);
		return r < 0 ? r : 0;
	case OFL_PROTO_IPV6_FRAG:
		if (l->len < 8)
			return OFL_EINVAL;
		/* an atomic fragment (offset 0, no M) is none:
		 * ipv6_frag_rcv() just skips its header */
		return (ofl_load_be16(h + 2) & 0xfff9u) ? 1 : 0;
	case OFL_PROTO_UDP:
		if (l->len < OFL_UDP_HLEN)
			return OFL_EINVAL;
		return w->family ? ofl__csum_lp_l4(w, l, h, ly) : 0;
	case OFL_PROTO_TCP:
	case OFL_PROTO_ICMP:
	case OFL_PROTO_ICMPV6:
		return w->family ? ofl__csum_lp_l4(w, l, h, ly) : 0;
	default:
		return 0;
	}
}

/* An empty list, fully written. */
OFL_PRIVATE void ofl__csum_lp_clear(struct ofl_csum_layers *ly)
{
	unsigned int i;

	ly->n = 0;
	ly->reserved[0] = 0;
	ly->reserved[1] = 0;
	ly->reserved[2] = 0;
	for (i = 0; i < OFL_CSUM_MAX_LAYERS; i++)
		ofl__csum_lp_set(&ly->l[i], 0, 0, 0, 0);
}

/* Starts the walk of the frame [@f, @f + @flen). Shared with the checksum
 * view (view.c), which runs this walk in its own loop over the layers. */
OFL_INLINE void ofl__csum_lp_init(struct ofl__csum_lp *w, const uint8_t *f,
				  size_t flen)
{
	w->f = f;
	/* any length above the 16-bit offsets' reach is as good */
	w->flen = flen > 0x20000u ? 0x20000u : (uint32_t)flen;
	w->end = OFL__CSUM_LP_NOEND;
	w->saddr = 0;
	w->daddr = 0;
	w->family = 0;
	w->encap = 0;
}

/* One layer of the parse: 0 go on, 1 the list is complete, or an error. */
OFL_PRIVATE int ofl__csum_lp_step(struct ofl__csum_lp *w,
				  const struct ofl_parse_layer *l,
				  struct ofl_csum_layers *ly)
{
	/* a result of another frame */
	if ((uint32_t)l->offset + l->len > w->flen)
		return OFL_EINVAL;
	return ofl__csum_lp_layer(w, l, ly);
}

OFL_API int ofl_csum_layers_from_parse(const struct ofl_parse_result *res,
				       size_t res_size, const void *frame,
				       const void *end,
				       struct ofl_csum_layers *ly,
				       size_t ly_size)
{
	const uint8_t *f = (const uint8_t *)frame, *e = (const uint8_t *)end;
	struct ofl__csum_lp w;
	unsigned int i;
	int r;

	if (!res || !ly || !f || !e || e < f || res_size != sizeof(*res) ||
	    ly_size != sizeof(*ly) || res->nlayers > OFL_PARSE_MAX_LAYERS ||
	    !(res->mask & OFL_PARSE_REQ_LAYERS))	/* no layer list */
		return OFL_EINVAL;
	ofl__csum_lp_clear(ly);
	ofl__csum_lp_init(&w, f, (size_t)(e - f));
	for (i = 0; i < OFL_PARSE_MAX_LAYERS; i++) {
		if (i >= res->nlayers)
			break;
		r = ofl__csum_lp_step(&w, &res->layers[i], ly);
		if (r)
			return r > 0 ? 0 : r;
	}
	return res->error;
}
