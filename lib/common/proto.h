/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Private: the protocol knowledge every header walker of the core shares
 * (lib/parser, lib/gro, lib/gso, lib/csum): ethertypes and TPIDs, IP
 * protocol numbers, tunnel ports, header lengths and the length rules of
 * variable headers. Values as in Linux's include/uapi/linux/if_ether.h,
 * in.h, in6.h and net/gre.h. Callers check bounds before calling; these
 * helpers read only the bytes their comment names.
 */
#ifndef OFL_LIB_COMMON_PROTO_H
#define OFL_LIB_COMMON_PROTO_H

#include <offload/config.h>
#include <offload/types.h>
#include <offload/bounds.h>

/* ethertypes (ETH_P_*) */
#define OFL_ETH_P_IP 0x0800
#define OFL_ETH_P_ARP 0x0806
#define OFL_ETH_P_8021Q 0x8100
#define OFL_ETH_P_IPV6 0x86dd
#define OFL_ETH_P_MPLS_UC 0x8847
#define OFL_ETH_P_MPLS_MC 0x8848
#define OFL_ETH_P_8021AD 0x88a8
#define OFL_ETH_P_TEB 0x6558 /* Transparent Ethernet Bridging */

/* IP protocols and IPv6 next headers (IPPROTO_*, NEXTHDR_*) */
#define OFL_IPPROTO_HOPOPTS 0
#define OFL_IPPROTO_ICMP 1
#define OFL_IPPROTO_IPIP 4
#define OFL_IPPROTO_TCP 6
#define OFL_IPPROTO_UDP 17
#define OFL_IPPROTO_IPV6 41
#define OFL_IPPROTO_ROUTING 43
#define OFL_IPPROTO_FRAGMENT 44
#define OFL_IPPROTO_GRE 47
#define OFL_IPPROTO_ESP 50
#define OFL_IPPROTO_AH 51
#define OFL_IPPROTO_ICMPV6 58
#define OFL_IPPROTO_NONE 59
#define OFL_IPPROTO_DSTOPTS 60
#define OFL_IPPROTO_SCTP 132

/* UDP tunnel ports (IANA), host order */
#define OFL_UDP_PORT_VXLAN 4789
#define OFL_UDP_PORT_VXLAN_GPE 4790
#define OFL_UDP_PORT_GENEVE 6081

/* GRE flags, first byte (GRE_CSUM, GRE_ROUTING, GRE_KEY, GRE_SEQ >> 8),
 * and the version in the low bits of the second */
#define OFL_GRE_F_CSUM 0x80
#define OFL_GRE_F_ROUTING 0x40
#define OFL_GRE_F_KEY 0x20
#define OFL_GRE_F_SEQ 0x10
#define OFL_GRE_VERSION_MASK 0x07

/* fixed lengths */
#define OFL_ETH_HLEN 14
#define OFL_VLAN_HLEN 4
#define OFL_IPV4_MIN_HLEN 20
#define OFL_IPV6_HLEN 40
#define OFL_UDP_HLEN 8
#define OFL_TCP_MIN_HLEN 20
#define OFL_GRE_MIN_HLEN 4
#define OFL_VXLAN_HLEN 8
#define OFL_GENEVE_MIN_HLEN 8

/* 802.1Q or 802.1ad tag (the TPIDs every walker follows) */
OFL_INLINE bool ofl_proto_is_vlan(uint16_t ethertype)
{
	return ethertype == OFL_ETH_P_8021Q || ethertype == OFL_ETH_P_8021AD;
}

/* IPv4 header length from its first byte (IHL * 4; < 20 is bogus) */
OFL_INLINE uint32_t ofl_proto_ipv4_hlen(const uint8_t *ip)
{
	return (uint32_t)(ip[0] & 15u) * 4u;
}

/* An IPv6 extension header that Linux's GRO and GSO skip to reach the
 * upper layer (the INET6_PROTO_GSO_EXTHDR protocols: hop-by-hop, routing,
 * destination options; ipv6_gso_pull_exthdrs). */
OFL_INLINE bool ofl_proto_ipv6_gso_ext(uint8_t nh)
{
	return nh == OFL_IPPROTO_HOPOPTS || nh == OFL_IPPROTO_ROUTING ||
	       nh == OFL_IPPROTO_DSTOPTS;
}

/* Length of the IPv6 extension header at @x (2 bytes readable) of type
 * @nh: AH counts 4-byte units minus 2 (RFC 4302), the fragment header is
 * 8 bytes, the others 8-byte units minus 1 (RFC 8200 4.3) */
OFL_INLINE uint32_t ofl_proto_ipv6_ext_len(uint8_t nh, const uint8_t *x)
{
	if (nh == OFL_IPPROTO_AH)
		return ((uint32_t)x[1] + 2u) * 4u;
	if (nh == OFL_IPPROTO_FRAGMENT)
		return 8u;
	return ((uint32_t)x[1] + 1u) * 8u;
}

/* GRE header length from its first byte (version 0: 4, plus 4 for each of
 * checksum, key and sequence number; gre_parse_header) */
OFL_INLINE uint32_t ofl_proto_gre_hlen(uint8_t flags)
{
	return OFL_GRE_MIN_HLEN + ((flags & OFL_GRE_F_CSUM) ? 4u : 0u) +
	       ((flags & OFL_GRE_F_KEY) ? 4u : 0u) +
	       ((flags & OFL_GRE_F_SEQ) ? 4u : 0u);
}

/* GENEVE header length from its first byte (8 + Opt Len * 4) */
OFL_INLINE uint32_t ofl_proto_geneve_hlen(const uint8_t *g)
{
	return OFL_GENEVE_MIN_HLEN + (uint32_t)(g[0] & 0x3fu) * 4u;
}

/* TCP header length from the data offset byte at @th + 12 */
OFL_INLINE uint32_t ofl_proto_tcp_hlen(const uint8_t *th)
{
	return (uint32_t)(th[12] >> 4) * 4u;
}

#endif /* OFL_LIB_COMMON_PROTO_H */
