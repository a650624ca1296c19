// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_meta_from_frame(): a small bounded walk over the headers, for
 * callers without metadata. (It may move onto lib/parser once that exists;
 * the walk here is deliberately minimal.)
 */
#include "internal.h"

#define OFL__GSO_VXLAN_PORT 4789
#define OFL__GSO_GENEVE_PORT 6081

/* Ethernet header at *@pos (with up to two VLAN tags): ethertype out,
 * *@pos moved past it. */
OFL_PRIVATE int ofl__gso_eth(const uint8_t *p, size_t len, uint32_t *pos,
			     uint16_t *type)
{
	uint32_t i, at = *pos + 12;

	for (i = 0; i < 3; i++) {
		if (at + 2 > len)
			return OFL_ENODATA;
		*type = ofl_load_be16(p + at);
		if (*type != 0x8100 && *type != 0x88a8)
			break;
		at += 4;
	}
	if (i == 3)
		return OFL_ELOOP;
	*pos = at + 2;
	return 0;
}

/* IP header at @pos: upper-layer protocol and offset. */
OFL_PRIVATE int ofl__gso_ip(const uint8_t *p, size_t len, uint32_t pos,
			    uint16_t type, uint8_t *proto, uint32_t *l4)
{
	uint32_t i, hl;
	uint8_t nh;

	if (pos + 20 > len)
		return OFL_ENODATA;
	if (type == 0x0800 && (p[pos] >> 4) == 4) {
		hl = (p[pos] & 15u) * 4;
		if (hl < 20)
			return OFL_EBADMSG;
		if (ofl_load_be16(p + pos + 6) & 0x3fff)
			return OFL_EPROTONOSUPPORT; /* a fragment */
		*proto = p[pos + 9];
		*l4 = pos + hl;
		return 0;
	}
	if (type != 0x86dd || (p[pos] >> 4) != 6)
		return OFL_EPROTONOSUPPORT;
	if (pos + 40 > len)
		return OFL_ENODATA;
	nh = p[pos + 6];
	pos += 40;
	for (i = 0; i < OFL_GSO_MAX_EXTHDRS; i++) {
		if (nh != 0 && nh != 43 && nh != 60)
			break;
		if (pos + 8 > len)
			return OFL_ENODATA;
		if (nh == 0 && i == 0 && ofl__gso_hbh_jumbo(p + pos, len - pos))
			return OFL_EOPNOTSUPP;	/* BIG TCP: see internal.h */
		nh = p[pos];
		pos += ((uint32_t)p[pos + 1] + 1) * 8;
	}
	if (i == OFL_GSO_MAX_EXTHDRS)
		return OFL_ELOOP;
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

	if (proto == 4 || proto == 41) {
		*bit = outer_v6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
		*in = t;
		*type = proto == 4 ? 0x0800 : 0x86dd;
		return 0;
	}
	if (proto == 47) {
		if (t + 4 > len)
			return OFL_ENODATA;
		f = p[t];
		if ((f & 0x4fu) || (p[t + 1] & 7))
			return OFL_EPROTONOSUPPORT; /* routing, version */
		hl = 4u + ((f & 0x80) ? 4u : 0u) + ((f & 0x20) ? 4u : 0u) +
		     ((f & 0x10) ? 4u : 0u);
		*bit = (f & 0x80) ? OFL_GSO_GRE_CSUM : OFL_GSO_GRE;
		*in = t + hl;
		*type = ofl_load_be16(p + t + 2);
		if (*type == 0x6558)
			*type = 0;
		return 0;
	}
	if (t + 16 > len)
		return OFL_ENODATA;
	port = ofl_load_be16(p + t + 2);
	*bit = ofl_load_be16(p + t + 6) ? OFL_GSO_UDP_TUNNEL_CSUM
					: OFL_GSO_UDP_TUNNEL;
	*type = 0;
	if (port == OFL__GSO_VXLAN_PORT) {
		*in = t + 16;
		return 0;
	}
	if (ofl_load_be16(p + t + 10) != 0x6558)
		return OFL_EPROTONOSUPPORT;
	*in = t + 16 + (p[t + 8] & 0x3fu) * 4;
	return 0;
}

OFL_INLINE int ofl__gso_is_tunnel_port(const uint8_t *p, size_t len,
				       uint32_t l4)
{
	uint16_t port;

	if (l4 + 8 > len)
		return 0;
	port = ofl_load_be16(p + l4 + 2);
	return port == OFL__GSO_VXLAN_PORT || port == OFL__GSO_GENEVE_PORT;
}

OFL_API int ofl_gso_meta_from_frame(const uint8_t *p, size_t len,
				    uint16_t gso_size, struct ofl_gso_meta *m)
{
	uint32_t pos = 0, l4 = 0, depth, bit = 0, in = 0, ip = 0;
	uint16_t type = 0;
	uint8_t proto = 0;
	int err;

	if (!p || !m)
		return OFL_EINVAL;
	ofl_zero_bytes(m, sizeof(*m), sizeof(*m));
	m->gso_size = gso_size;
	m->csum_state = OFL_GSO_CSUM_NONE;
	for (depth = 0; depth < 2; depth++) {
		if (!type) {
			err = ofl__gso_eth(p, len, &pos, &type);
			if (err)
				return err;
		}
		ip = pos;
		err = ofl__gso_ip(p, len, ip, type, &proto, &l4);
		if (err)
			return err;
		if (depth == 0)
			m->network_off = (uint16_t)ip;
		if (proto == 6 || (proto == 17 && (depth ||
				    !ofl__gso_is_tunnel_port(p, len, l4))))
			break;
		if (depth || (proto != 17 && proto != 47 && proto != 4 &&
			      proto != 41))
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
	if (proto == 6) {
		if (l4 + 20 > len)
			return OFL_ENODATA;
		m->hdr_len = (uint16_t)(l4 + (p[l4 + 12] >> 4) * 4u);
		m->gso_type |= (p[ip] >> 4) == 4 ? OFL_GSO_TCPV4 : OFL_GSO_TCPV6;
		m->csum_offset = 16;
	} else {
		m->hdr_len = (uint16_t)(l4 + 8);
		m->gso_type |= OFL_GSO_UDP_L4;
		m->csum_offset = 6;
	}
	if (m->hdr_len > len || m->hdr_len < l4 + 8)
		return OFL_ENODATA;
	m->csum_start = (uint16_t)l4;
	return 0;
}
