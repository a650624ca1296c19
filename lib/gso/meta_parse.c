// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_meta_from_parse(): the metadata of ofl_gso_meta_from_frame(),
 * taken from a lib/parser result instead of a second header walk. It
 * accepts exactly the frame shapes ofl_gso_meta_from_frame() accepts (one
 * tunnel level: VXLAN, GENEVE with an Ethernet payload, GRE version 0,
 * IP-in-IP; up to OFL_MAX_VLANS VLAN tags per frame; IPv6 hop-by-hop,
 * routing and destination options; no fragment, no AH) and fills the same
 * fields.
 */
#include "internal.h"
#include <offload/parser.h>

/* What the layers of one tunnel level hold. */
struct ofl__gso_lvl {
	uint16_t ip;		/* IP header offset, 0: none yet */
	uint16_t l4;		/* TCP/UDP/GRE header offset, 0: none */
	uint16_t l4_len;	/* its header length */
	uint8_t l4_proto;	/* OFL_PROTO_TCP, _UDP or _GRE */
	uint8_t tun;		/* OFL_PROTO_VXLAN/_GENEVE after the UDP */
	uint8_t v6;		/* the IP header is IPv6 */
	uint8_t vlans;		/* VLAN tags since the last Ethernet header */
	uint8_t first;		/* proto of the level's first layer */
	uint8_t reserved[3];
};

/* Record layer @l in the state of its level; 0 or an error. */
OFL_PRIVATE int ofl__gso_mp_layer(const struct ofl_parse_layer *l,
				  struct ofl__gso_lvl *v)
{
	if (!v->first)
		v->first = l->proto;
	switch (l->proto) {
	case OFL_PROTO_ETH:
		v->vlans = 0;
		return v->ip ? OFL_EPROTONOSUPPORT : 0;
	case OFL_PROTO_VLAN:
		/* lib/parser already refused more than OFL_MAX_VLANS per
		 * frame with OFL_ELOOP, as ofl__gso_eth() does */
		v->vlans++;
		return 0;
	case OFL_PROTO_IPV4:
	case OFL_PROTO_IPV6:
		if (v->ip)
			return OFL_EPROTONOSUPPORT;
		v->ip = l->offset;
		v->v6 = l->proto == OFL_PROTO_IPV6;
		return 0;
	case OFL_PROTO_IPV6_HOPOPTS:
	case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS:
		return v->ip && v->v6 && !v->l4 ? 0 : OFL_EPROTONOSUPPORT;
	case OFL_PROTO_TCP:
	case OFL_PROTO_UDP:
	case OFL_PROTO_GRE:
		if (!v->ip || v->l4)
			return OFL_EPROTONOSUPPORT;
		v->l4 = l->offset;
		v->l4_len = l->len;
		v->l4_proto = l->proto;
		return 0;
	case OFL_PROTO_VXLAN:
	case OFL_PROTO_GENEVE:
		if (v->l4_proto != OFL_PROTO_UDP || v->tun)
			return OFL_EPROTONOSUPPORT;
		v->tun = l->proto;
		return 0;
	default:	/* MPLS, PPPoE, fragments, AH, ESP, ICMP ... */
		return OFL_EPROTONOSUPPORT;
	}
}

OFL_API int ofl_gso_meta_from_parse(const struct ofl_parse_result *res,
				    size_t res_size, const uint8_t *frame,
				    size_t len, uint16_t gso_size,
				    struct ofl_gso_meta *m)
{
	struct ofl__gso_lvl lv[2];
	const struct ofl__gso_lvl *o = &lv[0], *in;
	uint32_t i, n, encap;
	int err;

	/* a caller built with another OFL_PARSE_MAX_LAYERS: another layout */
	if (!res || res_size != sizeof(*res) || !frame || !m ||
	    !(res->mask & OFL_PARSE_REQ_LAYERS))	/* no layer list */
		return OFL_EINVAL;
	ofl_zero_bytes(m, sizeof(*m), sizeof(*m));
	ofl_zero_bytes(lv, sizeof(lv), sizeof(lv));
	m->gso_size = gso_size;
	m->ip_summed = OFL_CHECKSUM_NONE;
	n = res->nlayers < OFL_PARSE_MAX_LAYERS ? res->nlayers
						 : OFL_PARSE_MAX_LAYERS;
	for (i = 0; i < n; i++) {
		const struct ofl_parse_layer *l = &res->layers[i];

		/* UDP to a port other than VXLAN's or GENEVE's (GRE-in-UDP,
		 * MPLS-in-UDP): ofl_gso_meta_from_frame() segments that UDP
		 * datagram, what follows is its payload */
		if (o->l4_proto == OFL_PROTO_UDP && !o->tun &&
		    l->proto != OFL_PROTO_VXLAN &&
		    l->proto != OFL_PROTO_GENEVE)
			break;
		if (l->encap > 1)
			return OFL_EPROTONOSUPPORT;
		/* the tags Linux's GSO walks are 802.1Q and 802.1ad only
		 * (skb_network_protocol() -> eth_type_vlan()), as
		 * ofl__gso_eth(); lib/parser also follows 0x9100 */
		if (l->proto == OFL_PROTO_VLAN &&
		    (l->offset < 2 || l->offset > len ||
		     !ofl_proto_is_vlan(ofl_load_be16(frame + l->offset - 2))))
			return OFL_EPROTONOSUPPORT;
		/* BIG TCP's Jumbo Payload option: see internal.h */
		if (l->proto == OFL_PROTO_IPV6_HOPOPTS && l->offset < len &&
		    ofl__gso_hbh_jumbo(frame + l->offset, len - l->offset) &&
		    !(l->offset >= OFL_IPV6_HLEN &&
		      ofl__gso_big_tcp(frame + l->offset - OFL_IPV6_HLEN,
				       len - l->offset + OFL_IPV6_HLEN,
				       (uint32_t)(len - l->offset +
						  OFL_IPV6_HLEN))))
			return OFL_EOPNOTSUPP;
		err = ofl__gso_mp_layer(l, &lv[l->encap]);
		if (err)
			return err;
	}
	encap = i < n ? 0 : res->encap;
	/* a broken frame (an option error leaves its header listed), unless
	 * it is broken only in what is payload here */
	if (res->error && res->error != OFL_EBADMSG &&
	    res->error != OFL_E2BIG && (i == n || res->stop_off < o->l4 + 8u))
		return res->error;
	if (encap > 1 || res->outer.family == 0 ||
	    (res->outer.frag & OFL_PARSE_FRAG_IS) ||
	    (encap && (res->inner.frag & OFL_PARSE_FRAG_IS)))
		return OFL_EPROTONOSUPPORT;
	in = encap ? &lv[1] : o;
	if (!o->ip || !in->ip || !in->l4 || in->l4_proto == OFL_PROTO_GRE)
		return OFL_EPROTONOSUPPORT;
	m->network_off = o->ip;
	if (encap) {
		if (res->tun_kind == OFL_PARSE_TUN_IPIP && !o->l4) {
			m->gso_type = o->v6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
			m->transport_off = in->ip;
		} else if (res->tun_kind == OFL_PARSE_TUN_GRE &&
			   o->l4_proto == OFL_PROTO_GRE) {
			/* version 0 only (version 1 is PPTP) */
			if (o->l4 + 2u > len || (frame[o->l4 + 1] & 7))
				return OFL_EPROTONOSUPPORT;
			m->gso_type = (res->gre_flags & OFL_PARSE_GRE_CSUM) ?
				      OFL_GSO_GRE_CSUM : OFL_GSO_GRE;
			m->transport_off = o->l4;
		} else if (o->l4_proto == OFL_PROTO_UDP && o->tun &&
			   in->first == OFL_PROTO_ETH) {
			/* VXLAN, or GENEVE carrying Ethernet (0x6558) */
			if (o->l4 + 8u > len)
				return OFL_ENODATA;
			m->gso_type = ofl_load_be16(frame + o->l4 + 6) ?
				      OFL_GSO_UDP_TUNNEL_CSUM :
				      OFL_GSO_UDP_TUNNEL;
			m->transport_off = o->l4;
		} else {
			return OFL_EPROTONOSUPPORT;
		}
		m->inner_network_off = in->ip;
		m->inner_transport_off = in->l4;
	} else {
		if (o->tun)
			return OFL_EPROTONOSUPPORT;
		m->transport_off = o->l4;
	}
	if (in->l4_proto == OFL_PROTO_TCP) {
		m->hdr_len = (uint16_t)(in->l4 + in->l4_len);
		m->gso_type |= in->v6 ? OFL_GSO_TCPV6 : OFL_GSO_TCPV4;
		m->csum_offset = 16;
	} else {
		m->hdr_len = (uint16_t)(in->l4 + 8);
		m->gso_type |= OFL_GSO_UDP_L4;
		m->csum_offset = 6;
	}
	if (m->hdr_len > len)
		return OFL_ENODATA;
	m->csum_start = in->l4;
	return 0;
}
