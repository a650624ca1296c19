// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The IPv6 upper layer and its pseudo-header destination (RFC 8200 8.1:
 * with a routing header, the final destination; at the originating node it
 * is the routing header's last element). Bounded walk over hop-by-hop (0),
 * routing (43), destination options (60) and AH (51); stops at anything
 * else. Routing types: 0 (RFC 2460, deprecated), 2 (RFC 6275), 4 (SRv6,
 * RFC 8754, Segment List[0] is the last segment).
 */
#include "internal.h"

/* Final destination inside the routing header at @rh (already checked to
 * its whole length in the frame). 0 if Segments Left is 0
 * (the IPv6 Destination Address is final), else the address's offset from
 * @rh, or a negative error. The offsets returned lie inside the header's
 * length, (rh[1] + 1) * 8. */
OFL_PRIVATE int ofl__csum_rh_final(const uint8_t *rh)
{
	uint8_t type = rh[2], left = rh[3];
	size_t n = (size_t)rh[1] / 2; /* 16-byte addresses */

	if (left == 0)
		return 0;
	switch (type) {
	case OFL_IPV6_SRCRT_TYPE_0:
		if ((rh[1] & 1) || left > n)
			return OFL_EBADMSG;
		return (int)(8 + 16 * (n - 1));
	case OFL_IPV6_SRCRT_TYPE_2:
		if (rh[1] != 2 || left != 1)
			return OFL_EBADMSG;
		return 8;
	case OFL_IPV6_SRCRT_TYPE_4:
		/* Last Entry (rh[4]) indexes the list; entry 0 is final */
		if ((rh[1] & 1) || n == 0 || left > n || (size_t)rh[4] >= n)
			return OFL_EBADMSG;
		return 8;
	default:
		return OFL_EPROTONOSUPPORT;
	}
}

OFL_API int ofl_csum_ipv6_find_l4(const void *ip6, const void *end,
				  struct ofl_csum_ipv6_l4 *out)
{
	const uint8_t *h = (const uint8_t *)ip6, *e = (const uint8_t *)end;
	uint16_t daddr = 24;
	size_t off = 40;
	uint8_t nh;
	unsigned int i;

	if (h + 40 > e || e < h)
		return OFL_ENODATA;
	if ((h[0] >> 4) != 6)
		return OFL_EPROTO;
	nh = h[6];
	for (i = 0; i <= OFL_MAX_EXTHDRS; i++) {
		const uint8_t *x = h + off;
		size_t len;

		if (nh != OFL_IPPROTO_HOPOPTS && nh != OFL_IPPROTO_ROUTING &&
		    nh != OFL_IPPROTO_DSTOPTS && nh != OFL_IPPROTO_AH) {
			out->l4_off = (uint16_t)off;
			out->daddr_off = daddr;
			out->proto = nh;
			out->reserved[0] = 0;
			out->reserved[1] = 0;
			out->reserved[2] = 0;
			return 0;
		}
		if (i == OFL_MAX_EXTHDRS)
			break;
		/* hop-by-hop only right after the fixed header */
		if (nh == OFL_IPPROTO_HOPOPTS && off != OFL_IPV6_HLEN)
			return OFL_EBADMSG;
		if (x + 8 > e)
			return OFL_ENODATA;
		len = ofl_proto_ipv6_ext_len(nh, x);
		if (len > (size_t)(e - x))
			return OFL_ENODATA;
		if (nh == OFL_IPPROTO_ROUTING) {
			int r = ofl__csum_rh_final(x);

			if (r < 0)
				return r;
			if (r > 0)
				daddr = (uint16_t)(off + (size_t)r);
		}
		nh = x[0];
		off += len;
		if (off > 0xffff)
			return OFL_EBADMSG;
	}
	return OFL_ELOOP;
}
