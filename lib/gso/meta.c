// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_meta_from_frame(): a small bounded walk over the headers, for
 * callers without metadata. (It may move onto lib/parser once that exists;
 * the walk here is deliberately minimal.)
 */
#include "internal.h"

/* Ethernet header at *@pos: ethertype out, *@pos moved past it and its
 * VLAN tags, counted in *@nv (OFL_MAX_VLANS per frame, as lib/parser). */
OFL_PRIVATE int ofl__gso_eth(const uint8_t *p, size_t len, uint32_t *pos,
			     uint16_t *type, uint32_t *nv)
{
	uint32_t i, at = *pos + 12;

	for (i = 0; i <= OFL_MAX_VLANS; i++) {
		if (at + 2 > len)
			return OFL_ENODATA;
		*type = ofl_load_be16(p + at);
		if (!ofl_proto_is_vlan(*type))
			break;
		if (*nv >= OFL_MAX_VLANS)
			return OFL_ELOOP;
		++*nv;
		at += OFL_VLAN_HLEN;
	}
	*pos = at + 2;
	return 0;
}

/* IP header at @pos: upper-layer protocol and offset. */
OFL_PRIVATE int ofl__gso_ip(const uint8_t *p, size_t len, uint32_t pos,
			    uint16_t type, uint8_t *proto, uint32_t *l4)
{
	uint32_t i, hl;
	uint8_t nh;

	if (pos + OFL_IPV4_MIN_HLEN > len)
		return OFL_ENODATA;
	if (type == OFL_ETH_P_IP && (p[pos] >> 4) == 4) {
		hl = ofl_proto_ipv4_hlen(p + pos);
		if (hl < OFL_IPV4_MIN_HLEN)
			return OFL_EBADMSG;
		if (ofl_load_be16(p + pos + 6) & (OFL_IP_MF | OFL_IP_OFFSET))
			return OFL_EPROTONOSUPPORT; /* a fragment */
		*proto = p[pos + 9];
		*l4 = pos + hl;
		return 0;
	}
	if (type != OFL_ETH_P_IPV6 || (p[pos] >> 4) != 6)
		return OFL_EPROTONOSUPPORT;
	if (pos + OFL_IPV6_HLEN > len)
		return OFL_ENODATA;
	nh = p[pos + 6];
	pos += OFL_IPV6_HLEN;
	/* exactly OFL_MAX_EXTHDRS are walked; one more is OFL_ELOOP */
	for (i = 0; i <= OFL_MAX_EXTHDRS; i++) {
		if (!ofl_proto_ipv6_gso_ext(nh))
			break;
		if (i == OFL_MAX_EXTHDRS)
			return OFL_ELOOP;
		if (pos + 8 > len)
			return OFL_ENODATA;
		if (nh == 0 && i == 0 &&
		    ofl__gso_hbh_jumbo(p + pos, len - pos) &&
		    !ofl__gso_big_tcp(p + pos - OFL_IPV6_HLEN,
				      len - pos + OFL_IPV6_HLEN,
				      (uint32_t)(len - pos + OFL_IPV6_HLEN)))
			return OFL_EOPNOTSUPP;	/* jumbo: see internal.h */
		nh = p[pos];
		pos += ofl_proto_ipv6_ext_len(OFL_IPPROTO_HOPOPTS, p + pos);
	}
	*proto = nh;
	*l4 = pos;
	return 0;
}

/* A tunnel header at @t (outer protocol @proto): type bit, the inner
 * header offset and its ethertype (0 when it starts with Ethernet). */
OFL_PRIVATE int ofl__gso_tunnel(const uint8_t *p, size_t len, uint32_t t,
				uint8_t proto, uint32_t outer_v6,
				uint32_t *bit, uint32_t *in, uint16_t *type)
{
	uint32_t f, hl;
	uint16_t port;

	if (proto == OFL_IPPROTO_IPIP || proto == OFL_IPPROTO_IPV6) {
		*bit = outer_v6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
		*in = t;
		*type = proto == OFL_IPPROTO_IPIP ? OFL_ETH_P_IP
						  : OFL_ETH_P_IPV6;
		return 0;
	}
	if (proto == OFL_IPPROTO_GRE) {
		if (t + OFL_GRE_MIN_HLEN > len)
			return OFL_ENODATA;
		f = p[t];
		/* routing, strict source route, recursion; version */
		if ((f & 0x4fu) || (p[t + 1] & OFL_GRE_VERSION_MASK))
			return OFL_EPROTONOSUPPORT;
		hl = ofl_proto_gre_hlen((uint8_t)f);
		*bit = (f & OFL_GRE_F_CSUM) ? OFL_GSO_GRE_CSUM : OFL_GSO_GRE;
		*in = t + hl;
		*type = ofl_load_be16(p + t + 2);
		if (*type == OFL_ETH_P_TEB)
			*type = 0;
		return 0;
	}
	if (t + OFL_UDP_HLEN + OFL_VXLAN_HLEN > len)
		return OFL_ENODATA;
	port = ofl_load_be16(p + t + 2);
	*bit = ofl_load_be16(p + t + 6) ? OFL_GSO_UDP_TUNNEL_CSUM
					: OFL_GSO_UDP_TUNNEL;
	*type = 0;
	if (port == OFL_UDP_PORT_VXLAN) {
		*in = t + OFL_UDP_HLEN + OFL_VXLAN_HLEN;
		return 0;
	}
	if (ofl_load_be16(p + t + 10) != OFL_ETH_P_TEB)
		return OFL_EPROTONOSUPPORT;
	*in = t + OFL_UDP_HLEN + ofl_proto_geneve_hlen(p + t + OFL_UDP_HLEN);
	return 0;
}

OFL_INLINE int ofl__gso_is_tunnel_port(const uint8_t *p, size_t len,
				       uint32_t l4)
{
	uint16_t port;

	if (l4 + 8 > len)
		return 0;
	port = ofl_load_be16(p + l4 + 2);
	return port == OFL_UDP_PORT_VXLAN || port == OFL_UDP_PORT_GENEVE;
}

OFL_API int ofl_gso_meta_from_frame(const uint8_t *p, size_t len,
				    uint16_t gso_size, struct ofl_gso_meta *m)
{
	uint32_t pos = 0, l4 = 0, depth, bit = 0, in = 0, ip = 0, nv = 0;
	uint16_t type = 0;
	uint8_t proto = 0;
	int err;

	if (!p || !m)
		return OFL_EINVAL;
	ofl_zero_bytes(m, sizeof(*m), sizeof(*m));
	m->gso_size = gso_size;
	m->ip_summed = OFL_CHECKSUM_NONE;
	for (depth = 0; depth < 2; depth++) {
		if (!type) {
			err = ofl__gso_eth(p, len, &pos, &type, &nv);
			if (err)
				return err;
		}
		ip = pos;
		err = ofl__gso_ip(p, len, ip, type, &proto, &l4);
		if (err)
			return err;
		if (depth == 0)
			m->network_off = (uint16_t)ip;
		/* a UDP tunnel port inside the tunnel is a second tunnel
		 * level, which Linux's GSO (one set of inner headers) and
		 * ofl_gso_meta_from_parse() do not segment: refused below,
		 * not taken for a plain UDP datagram */
		if (proto == OFL_IPPROTO_TCP ||
		    (proto == OFL_IPPROTO_UDP &&
		     !ofl__gso_is_tunnel_port(p, len, l4)))
			break;
		if (depth || (proto != OFL_IPPROTO_UDP &&
			      proto != OFL_IPPROTO_GRE &&
			      proto != OFL_IPPROTO_IPIP &&
			      proto != OFL_IPPROTO_IPV6))
			return OFL_EPROTONOSUPPORT;
		err = ofl__gso_tunnel(p, len, l4, proto, (p[ip] >> 4) == 6,
				      &bit, &in, &type);
		if (err)
			return err;
		m->transport_off = (uint16_t)l4;
		m->gso_type = bit;
		pos = in;
	}
	if (depth == 2)
		return OFL_EPROTONOSUPPORT;
	if (bit) {
		m->inner_network_off = (uint16_t)ip;
		m->inner_transport_off = (uint16_t)l4;
	} else {
		m->transport_off = (uint16_t)l4;
	}
	if (proto == OFL_IPPROTO_TCP) {
		if (l4 + OFL_TCP_MIN_HLEN > len)
			return OFL_ENODATA;
		m->hdr_len = (uint16_t)(l4 + ofl_proto_tcp_hlen(p + l4));
		m->gso_type |= (p[ip] >> 4) == 4 ? OFL_GSO_TCPV4 :
						     OFL_GSO_TCPV6;
		m->csum_offset = 16;
	} else {
		m->hdr_len = (uint16_t)(l4 + OFL_UDP_HLEN);
		m->gso_type |= OFL_GSO_UDP_L4;
		m->csum_offset = 6;
	}
	if (m->hdr_len > len || m->hdr_len < l4 + 8)
		return OFL_ENODATA;
	m->csum_start = (uint16_t)l4;
	return 0;
}
