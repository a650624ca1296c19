/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Private helpers of lib/gso. */
#ifndef OFL_LIB_GSO_INTERNAL_H
#define OFL_LIB_GSO_INTERNAL_H

#include <offload/gso.h>
#include <offload/csum.h>
#include "../common/bytes.h"
#include "../common/proto.h"

#define OFL__GSO_L4_MASK (OFL_GSO_TCPV4 | OFL_GSO_TCPV6 | OFL_GSO_UDP_L4)
#define OFL__GSO_UDPT_MASK (OFL_GSO_UDP_TUNNEL | OFL_GSO_UDP_TUNNEL_CSUM)
#define OFL__GSO_GRE_MASK (OFL_GSO_GRE | OFL_GSO_GRE_CSUM)
#define OFL__GSO_IPXIP_MASK (OFL_GSO_IPXIP4 | OFL_GSO_IPXIP6)
/* The gso_type bits lib/gso segments (or, for DODGY, accepts with no
 * effect); any other bit of the SKB_GSO_* numbering: OFL_EOPNOTSUPP. */
#define OFL__GSO_KNOWN                                                       \
	(OFL__GSO_L4_MASK | OFL_GSO_TUNNEL_MASK | OFL_GSO_DODGY |             \
	 OFL_GSO_TCP_ECN | OFL_GSO_TCP_ACCECN | OFL_GSO_PARTIAL |             \
	 OFL_GSO_TCP_FIXEDID | OFL_GSO_TCP_FIXEDID_INNER)

#define OFL__GSO_TCP_FIN 0x01
#define OFL__GSO_TCP_PSH 0x08
#define OFL__GSO_TCP_CWR 0x80

/*
 * BPF only: keep a packet pointer whose range was just checked in one
 * register. Without it clang rebuilds the pointer from hdr + offset after
 * a spill, the rebuilt pointer has no checked range, and the verifier says
 * "R3 offset is outside of the packet" (or "invalid access to packet").
 */
#if defined(OFL_BPF)
#define OFL__GSO_PIN(p) __asm__ volatile("" : "+r"(p))
#else
#define OFL__GSO_PIN(p) ((void)0)
#endif

/* Offset of the innermost L4 header. */
OFL_INLINE uint32_t ofl__gso_l4_off(const struct ofl_gso_meta *m)
{
	return (m->gso_type & OFL_GSO_TUNNEL_MASK) ? m->inner_transport_off
						   : m->transport_off;
}

/* Offset of the innermost IP header. */
OFL_INLINE uint32_t ofl__gso_ip_off(const struct ofl_gso_meta *m)
{
	return (m->gso_type & OFL_GSO_TUNNEL_MASK) ? m->inner_network_off
						   : m->network_off;
}

/* Linux csum16_add / csum16_sub: ones'-complement 16-bit arithmetic on
 * values as stored (byte order does not matter for it). */
OFL_INLINE uint16_t ofl__gso_csum16_add(uint16_t a, uint16_t b)
{
	uint16_t r = (uint16_t)(a + b);

	return (uint16_t)(r + (r < b));
}

OFL_INLINE uint16_t ofl__gso_csum16_sub(uint16_t a, uint16_t b)
{
	return ofl__gso_csum16_add(a, (uint16_t)~b);
}

/*
 * Does the IPv6 hop-by-hop header at @h (@avail bytes of it readable) carry
 * a Jumbo Payload option (RFC 2675, type 0xc2)? Linux takes that option
 * out of a BIG TCP packet before ipv6_gso_segment() cuts it (no segment
 * it sends carries one: a jumbo option with a non-zero payload length is
 * malformed). Both metadata helpers accept the BIG TCP form
 * (ofl__gso_big_tcp), which ofl_gso_init() removes as Linux does, and
 * refuse any other jumbo option with OFL_EOPNOTSUPP instead of emitting
 * segments Linux would not. At most OFL__GSO_HBH_OPTS options are looked
 * at (the option walk has a compile-time bound).
 */
#define OFL__GSO_HBH_OPTS 16
OFL_INLINE int ofl__gso_hbh_jumbo(const uint8_t *h, size_t avail)
{
	uint32_t i = 2, k, hl;

	if (avail < 8)
		return 0;
	hl = ((uint32_t)h[1] + 1u) * 8u;
	if (hl > avail)
		hl = (uint32_t)avail;
	for (k = 0; k < OFL__GSO_HBH_OPTS && i < hl; k++) {
		if (h[i] == 0) {	/* Pad1 */
			i++;
			continue;
		}
		if (h[i] == OFL_IPV6_TLV_JUMBO)
			return 1;
		if (i + 2u > hl)
			break;
		i += 2u + h[i + 1];
	}
	return 0;
}

/*
 * The one jumbo form lib/gso cuts (BIG TCP; ofl__gso_jumbo in gso.c
 * removes it as ipv6_hopopt_jumbo_remove does): the hop-by-hop header
 * right after the IPv6 header at @ip6 (@avail bytes readable from it), 8
 * bytes long, next header TCP, the jumbo option first, in a packet of
 * more than 65536 bytes from the IPv6 header on (@iplen).
 */
OFL_INLINE int ofl__gso_big_tcp(const uint8_t *ip6, size_t avail,
				uint32_t iplen)
{
	return avail >= 48 && ip6[6] == OFL_IPPROTO_HOPOPTS &&
	       ip6[40] == OFL_IPPROTO_TCP && ip6[41] == 0 &&
	       ip6[42] == OFL_IPV6_TLV_JUMBO && iplen > 65536u;
}

#endif /* OFL_LIB_GSO_INTERNAL_H */
