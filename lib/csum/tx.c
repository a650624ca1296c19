// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Transmit: complete a CHECKSUM_PARTIAL frame (Linux net/core/dev.c
 * skb_checksum_help), and decide whether a legacy protocol-specific device
 * could (the proposed skb_csum_hwoffload_legacy_check). Today's
 * skb_csum_hwoffload_help already sends IPv6 with extension headers to
 * software for NETIF_F_IPV6_CSUM devices and accepts only the TCP/UDP
 * csum_offset; the proposal (and this) also refuses tunnels, IPv4 options
 * and fragments, and checks csum_start.
 */
#include "internal.h"

enum {
	OFL__CSUM_P_TCP = OFL_IPPROTO_TCP,
	OFL__CSUM_P_UDP = OFL_IPPROTO_UDP,
};

OFL_API int ofl_csum_help(void *begin, const void *end,
			  struct ofl_csum_state *st)
{
	uint8_t *b = (uint8_t *)begin;
	const uint8_t *e = (const uint8_t *)end;
	size_t len, start, field;
	ofl_sum16 c;

	if (st->ip_summed == OFL_CHECKSUM_COMPLETE)
		goto out_set_summed;
	if (st->ip_summed != OFL_CHECKSUM_PARTIAL || e < b)
		return OFL_EINVAL;
	len = (size_t)(e - b);
	start = st->csum_start;
	field = start + st->csum_offset;
	if (start >= len || field + 2 > len)
		return OFL_EINVAL;
	c = ofl_csum_fold(ofl_csum_span(b + start, e, 0));
	/* 6.18: csum_fold(csum) ?: CSUM_MANGLED_0 */
	ofl_store_ne16(b + field, (OFL_FORCE uint16_t)ofl_csum_udp_mangle0(c));
out_set_summed:
	st->ip_summed = OFL_CHECKSUM_NONE;
	return 0;
}

/* Offset of the TCP/UDP checksum field in its header, or 0 for others. */
OFL_INLINE unsigned int ofl__csum_l4_field(uint8_t proto)
{
	if (proto == OFL__CSUM_P_TCP)
		return 16;
	if (proto == OFL__CSUM_P_UDP)
		return 6;
	return 0;
}

OFL_API int ofl_csum_hwoffload_legacy_check(const void *begin,
					    const void *end, uint16_t l3_off,
					    const struct ofl_csum_state *st,
					    uint32_t dev_features)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;
	const uint8_t *h = b + l3_off;
	size_t l4;
	uint8_t proto;

	if (st->ip_summed != OFL_CHECKSUM_PARTIAL)
		return OFL_EINVAL;
	if (e < b || (size_t)(e - b) < (size_t)l3_off + 1)
		return OFL_ENODATA;
	if (st->encapsulation)
		return OFL_EOPNOTSUPP;
	switch (h[0] >> 4) {
	case 4:
		if (!(dev_features & OFL_CSUM_DEV_IPV4))
			return OFL_EOPNOTSUPP;
		if (h + 20 > e)
			return OFL_ENODATA;
		/* fragments: the device sees only part of the datagram */
		if ((ofl_load_be16(h + 6) & (OFL_IP_MF | OFL_IP_OFFSET)) != 0)
			return OFL_EOPNOTSUPP;
		/* plain IPv4 only: options may carry a source route
		 * (LSRR/SSRR), which moves the pseudo-header destination
		 * to the final hop, like an IPv6 routing header */
		if ((h[0] & 15) != 5)
			return OFL_EOPNOTSUPP;
		l4 = (size_t)l3_off + (size_t)(h[0] & 15) * 4;
		proto = h[9];
		break;
	case 6:
		if (!(dev_features & OFL_CSUM_DEV_IPV6))
			return OFL_EOPNOTSUPP;
		if (h + 40 > e)
			return OFL_ENODATA;
		/* any extension header (routing: SRv6) => wrong pseudo header
		 * or wrong offsets on a legacy engine */
		l4 = (size_t)l3_off + 40;
		proto = h[6];
		break;
	default:
		return OFL_EOPNOTSUPP;
	}
	if (!ofl__csum_l4_field(proto) || st->csum_start != l4 ||
	    st->csum_offset != ofl__csum_l4_field(proto))
		return OFL_EOPNOTSUPP;
	if (l4 + st->csum_offset + 2 > (size_t)(e - b))
		return OFL_ENODATA;
	return 0;
}
