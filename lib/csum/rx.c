// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Receive: verify every L4 checksum from one CHECKSUM_COMPLETE frame sum,
 * convert CHECKSUM_UNNECESSARY into CHECKSUM_COMPLETE, and the UDP zero
 * checksum rules.
 *
 * Linux verifies under CHECKSUM_COMPLETE by adding the pseudo header to
 * skb->csum after pulling the headers before L4 out of it
 * (skb_postpull_rcsum, __skb_checksum_validate_complete); a tunnel's inner
 * checksum is checked the same way after the outer headers are pulled.
 * Here the pulls are subtractions of header sums, in one pass from the
 * outermost layer in: each header byte is summed once, payload never.
 */
#include "internal.h"

enum {
	OFL__CSUM_RX_ICMP = 1,
	OFL__CSUM_RX_TCP = 6,
	OFL__CSUM_RX_UDP = 17,
	OFL__CSUM_RX_ICMPV6 = 58,
};

/* Offset of the checksum field in the L4 header; 0 if unsupported. */
OFL_INLINE unsigned int ofl__csum_rx_field(const struct ofl_csum_layer *l)
{
	switch (l->proto) {
	case OFL__CSUM_RX_TCP:
		return 16;
	case OFL__CSUM_RX_UDP:
		return 6;
	case OFL__CSUM_RX_ICMP:
		return l->family == 4 ? 2 : 0;
	case OFL__CSUM_RX_ICMPV6:
		return l->family == 6 ? 2 : 0;
	default:
		return 0;
	}
}

/* Sum of frame bytes [from, to) of the frame at @b (short: headers). */
OFL_INLINE ofl_wsum ofl__csum_rx_range(const uint8_t *b, size_t from,
				       size_t to)
{
	if (to <= from)
		return 0;
	return ofl_csum_span(b + from, b + to, 0);
}

/* Checks one layer's geometry and computes its pseudo-header sum. */
OFL_PRIVATE int ofl__csum_rx_pseudo(const uint8_t *b, size_t flen,
				    const struct ofl_csum_layer *l,
				    ofl_wsum *pseudo)
{
	unsigned int field = ofl__csum_rx_field(l);
	size_t alen = l->family == 4 ? 4 : 16;

	if ((l->family != 4 && l->family != 6) || !field)
		return OFL_EPROTONOSUPPORT;
	if ((size_t)l->l4_off + l->l4_len > flen)
		return OFL_ENODATA;
	if (l->l4_len < field + 2)
		return OFL_EBADMSG;
	*pseudo = 0;
	if (l->proto == OFL__CSUM_RX_ICMP)
		return 0; /* ICMP over IPv4: no pseudo header */
	if ((size_t)l->saddr_off + alen > flen ||
	    (size_t)l->daddr_off + alen > flen)
		return OFL_ENODATA;
	if (l->family == 4)
		*pseudo = ofl_csum_tcpudp_nofold(
			(OFL_FORCE ofl_be32)ofl_load_ne32(b + l->saddr_off),
			(OFL_FORCE ofl_be32)ofl_load_ne32(b + l->daddr_off),
			l->l4_len, l->proto, 0);
	else
		*pseudo = ofl_csum_ipv6_nofold(b + l->saddr_off,
					       b + l->daddr_off, l->l4_len,
					       l->proto, 0);
	return 0;
}

/* 1 if the layer carries no checksum (UDP zero), 0 if it does, <0 if the
 * zero is forbidden. */
OFL_INLINE int ofl__csum_rx_zero(const uint8_t *b,
				 const struct ofl_csum_layer *l)
{
	if (l->proto != OFL__CSUM_RX_UDP)
		return 0;
	return ofl_csum_udp_zero_rx(
		l->family,
		(OFL_FORCE ofl_sum16)ofl_load_ne16(b + l->l4_off + 6),
		(l->flags & OFL_CSUM_L_UDP6_ZERO_OK) != 0);
}

/* Inverse of placing a block's sum at an odd offset (ror32 by 8). */
OFL_INLINE ofl_wsum ofl__csum_unplace(ofl_wsum s, size_t offset)
{
	uint32_t v = ofl__csum_u(s);

	if (offset & 1)
		v = (v << 8) | (v >> 24);
	return ofl__csum_w(v);
}

OFL_API int ofl_csum_verify_complete(const void *begin, const void *end,
				     const struct ofl_csum_state *st,
				     const struct ofl_csum_layers *ly,
				     uint8_t res[OFL_CSUM_MAX_LAYERS])
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;
	uint8_t r[OFL_CSUM_MAX_LAYERS];
	size_t flen, pos;
	ofl_wsum s;
	unsigned int i;
	int bad = 0;

	if (st->ip_summed != OFL_CHECKSUM_COMPLETE || e < b ||
	    ly->n > OFL_CSUM_MAX_LAYERS)
		return OFL_EINVAL;
	flen = (size_t)(e - b);
	pos = st->csum_start;
	if (pos > flen)
		return OFL_EINVAL;
	s = st->csum; /* sum of [pos, flen) */
	for (i = 0; i < OFL_CSUM_MAX_LAYERS; i++) {
		const struct ofl_csum_layer *l = &ly->l[i];
		size_t l4end;
		ofl_wsum pseudo, l4;
		int z, err;

		if (i >= ly->n)
			break;
		if (l->l4_off < pos)
			return OFL_EINVAL;
		err = ofl__csum_rx_pseudo(b, flen, l, &pseudo);
		if (err)
			return err;
		/* pull the headers [pos, l4_off) out of the sum */
		s = ofl_csum_sub(s, ofl__csum_rx_range(b, pos, l->l4_off));
		s = ofl__csum_unplace(s, l->l4_off - pos);
		pos = l->l4_off;
		z = ofl__csum_rx_zero(b, l);
		if (z != 0) {
			r[i] = z > 0 ? OFL_CSUM_NONE : OFL_CSUM_BAD;
			bad |= z < 0;
			continue;
		}
		/* and the padding after this layer's end */
		l4end = (size_t)l->l4_off + l->l4_len;
		l4 = ofl_csum_block_sub(s, ofl__csum_rx_range(b, l4end, flen),
					l->l4_len);
		z = ofl__csum_fold16(ofl__csum_u(ofl_csum_add(l4, pseudo)));
		if (z == 0xffff || z == 0) {
			r[i] = OFL_CSUM_GOOD;
		} else {
			r[i] = OFL_CSUM_BAD;
			bad = 1;
		}
	}
	for (i = 0; i < OFL_CSUM_MAX_LAYERS; i++) {
		if (i >= ly->n)
			break;
		res[i] = r[i];
	}
	return bad ? OFL_ECSUM : 0;
}

OFL_API int ofl_csum_convert_unnecessary(const void *begin, const void *end,
					 struct ofl_csum_state *st,
					 const struct ofl_csum_layers *ly)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;
	const struct ofl_csum_layer *l = 0;
	size_t flen, l4end;
	ofl_wsum pseudo, s;
	unsigned int i;
	int err;

	if (st->ip_summed != OFL_CHECKSUM_UNNECESSARY || e < b ||
	    ly->n > OFL_CSUM_MAX_LAYERS)
		return OFL_EINVAL;
	flen = (size_t)(e - b);
	/* csum_level + 1 checksums were verified, outermost first; a zero
	 * UDP checksum counts among them (skbuff.h: "UDP (possibly zero)")
	 * but says nothing about the bytes: take the first nonzero one. */
	for (i = 0; i < OFL_CSUM_MAX_LAYERS; i++) {
		if (i >= ly->n || i > st->csum_level)
			break;
		err = ofl__csum_rx_pseudo(b, flen, &ly->l[i], &pseudo);
		if (err)
			return err;
		if (ofl__csum_rx_zero(b, &ly->l[i]) == 0) {
			l = &ly->l[i];
			break;
		}
	}
	if (!l)
		return OFL_ENOENT;
	if (l->proto != OFL__CSUM_RX_TCP && l->proto != OFL__CSUM_RX_UDP)
		return OFL_EPROTONOSUPPORT;
	if (st->csum_start > l->l4_off)
		return OFL_EINVAL;
	/* verified: the L4 bytes sum to ~pseudo (__skb_checksum_convert) */
	l4end = (size_t)l->l4_off + l->l4_len;
	s = ofl_csum_block_add(ofl__csum_w(~ofl__csum_u(pseudo)),
			       ofl__csum_rx_range(b, l4end, flen), l->l4_len);
	s = ofl_csum_block_add(ofl__csum_rx_range(b, st->csum_start,
						  l->l4_off),
			       s, (size_t)(l->l4_off - st->csum_start));
	st->csum = s;
	st->ip_summed = OFL_CHECKSUM_COMPLETE;
	st->csum_level = 0;
	return 0;
}

OFL_API ofl_sum16 ofl_csum_udp_mangle0(ofl_sum16 check)
{
	return (OFL_FORCE uint16_t)check ? check : (OFL_FORCE ofl_sum16)0xffff;
}

OFL_API int ofl_csum_udp_zero_rx(uint8_t family, ofl_sum16 check,
				 bool zero_ok6)
{
	if (family != 4 && family != 6)
		return OFL_EINVAL;
	if ((OFL_FORCE uint16_t)check)
		return 0;
	if (family == 4 || zero_ok6)
		return 1;
	return OFL_EPROTO;
}
