// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* IPv4 header checksum and pseudo headers (Linux ip_fast_csum,
 * csum_tcpudp_nofold, csum_ipv6_magic in their generic forms). */
#include "internal.h"

OFL_API ofl_sum16 ofl_csum_ip_fast(const void *iph, unsigned int ihl)
{
	if (ihl < 5)
		ihl = 5;
	if (ihl > 15)
		ihl = 15;
	return ofl_csum_fold(ofl__csum_w(ofl__csum_fold64(
		ofl__csum_small((const uint8_t *)iph,
				(size_t)OFL__BPF_BOUNDED(ihl, 15) * 4, 0))));
}

OFL_API ofl_wsum ofl_csum_tcpudp_nofold(ofl_be32 saddr, ofl_be32 daddr,
					uint32_t len, uint8_t proto,
					ofl_wsum sum)
{
	uint64_t s = (OFL_FORCE uint32_t)sum;

	s += (OFL_FORCE uint32_t)saddr;
	s += (OFL_FORCE uint32_t)daddr;
	/* proto and length as the 16-bit words of the pseudo header, in
	 * network order, read as host-order words like everything else. */
	s += ofl_htonl(len);
	s += ofl_htonl((uint32_t)proto);
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffffffu) + (s >> 32);
	return (OFL_FORCE ofl_wsum)(uint32_t)s;
}

OFL_API ofl_sum16 ofl_csum_tcpudp_magic(ofl_be32 saddr, ofl_be32 daddr,
					uint32_t len, uint8_t proto,
					ofl_wsum sum)
{
	return ofl_csum_fold(
		ofl_csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

/* Linux csum_ipv6_magic (net/ipv6/ip6_checksum.c) without its fold. */
OFL_API ofl_wsum ofl_csum_ipv6_nofold(const uint8_t saddr[16],
				      const uint8_t daddr[16], uint32_t len,
				      uint8_t proto, ofl_wsum sum)
{
	uint64_t s = ofl__csum_u(sum);

	s = ofl__csum_small(saddr, 16, s);
	s = ofl__csum_small(daddr, 16, s);
	s += ofl_htonl(len);
	s += ofl_htonl((uint32_t)proto);
	return ofl__csum_w(ofl__csum_fold64(s));
}

OFL_API ofl_sum16 ofl_csum_ipv6_magic(const uint8_t saddr[16],
				      const uint8_t daddr[16], uint32_t len,
				      uint8_t proto, ofl_wsum sum)
{
	return ofl_csum_fold(ofl_csum_ipv6_nofold(saddr, daddr, len, proto,
						  sum));
}
