/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Private: the protocol knowledge every header walker of the core shares
 * (lib/parser, lib/gro, lib/gso, lib/csum): ethertypes and TPIDs, IP
 * protocol numbers, tunnel ports, header lengths and the length rules of
 * variable headers. Values as in Linux's include/uapi/linux/if_ether.h,
 * in.h, in6.h, ip.h, ipv6.h, tcp.h, ppp_defs.h, include/net/gre.h,
 * include/net/ipv6.h, include/net/tcp.h and include/net/vxlan.h. Callers
 * check bounds before calling; these helpers read only the bytes their
 * comment names. lib/parser's graph (lib/parser/graph.c) states the same
 * rules as table rows built from these names.
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
#define OFL_ETH_P_QINQ1 0x9100 /* deprecated QinQ TPID (ETH_P_QINQ1) */
#define OFL_ETH_P_PPP_SES 0x8864 /* PPPoE session stage */
#define OFL_ETH_P_NSH 0x894f /* Network Service Header (RFC 8300) */
#define OFL_ETH_P_ERSPAN 0x88be /* ERSPAN type II */
#define OFL_ETH_P_ERSPAN2 0x22eb /* ERSPAN type III */

/* PPP protocol field of a PPPoE session (PPP_IP, PPP_IPV6) */
#define OFL_PPP_IP 0x0021
#define OFL_PPP_IPV6 0x0057

/* IP protocols and IPv6 next headers (IPPROTO_*, NEXTHDR_*) */
#define OFL_IPPROTO_HOPOPTS 0
#define OFL_IPPROTO_ICMP 1
#define OFL_IPPROTO_IGMP 2
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
#define OFL_UDP_PORT_GRE 4754	/* GRE-in-UDP, RFC 8086 */
#define OFL_UDP_PORT_MPLS 6635	/* MPLS-in-UDP, RFC 7510 */

/* VXLAN-GPE next protocol (VXLAN_GPE_NP_*; 5, MPLS, from
 * draft-ietf-nvo3-vxlan-gpe) */
#define OFL_VXLAN_GPE_NP_IPV4 1
#define OFL_VXLAN_GPE_NP_IPV6 2
#define OFL_VXLAN_GPE_NP_ETHERNET 3
#define OFL_VXLAN_GPE_NP_NSH 4
#define OFL_VXLAN_GPE_NP_MPLS 5

/* GRE flags and version as the 16-bit word they share (GRE_CSUM,
 * GRE_ROUTING, GRE_KEY, GRE_SEQ, GRE_VERSION; PPTP's acknowledgment bit,
 * GRE version 1, RFC 2637), and the flags as the first byte of it */
#define OFL_GRE_CSUM 0x8000
#define OFL_GRE_ROUTING 0x4000
#define OFL_GRE_KEY 0x2000
#define OFL_GRE_SEQ 0x1000
#define OFL_GRE_ACK 0x0080
#define OFL_GRE_VERSION 0x0007
#define OFL_GRE_VERSION_0 0
#define OFL_GRE_VERSION_1 1	/* PPTP */
#define OFL_GRE_F_CSUM (OFL_GRE_CSUM >> 8)
#define OFL_GRE_F_ROUTING (OFL_GRE_ROUTING >> 8)
#define OFL_GRE_F_KEY (OFL_GRE_KEY >> 8)
#define OFL_GRE_F_SEQ (OFL_GRE_SEQ >> 8)
#define OFL_GRE_VERSION_MASK OFL_GRE_VERSION
/* each optional GRE field (checksum + reserved, key, sequence, ack) */
#define OFL_GRE_FIELD_LEN 4

/* IPv4 options (IPOPT_END, IPOPT_NOOP, IPOPT_LSRR, IPOPT_SSRR) */
#define OFL_IPOPT_END 0
#define OFL_IPOPT_NOOP 1
#define OFL_IPOPT_LSRR 131
#define OFL_IPOPT_SSRR 137

/* IPv4 fragment field (IP_MF, IP_OFFSET) and IPv6 fragment header
 * (IP6_MF, IP6_OFFSET) bits */
#define OFL_IP_CE 0x8000	/* the reserved bit ("congestion", Linux IP_CE) */
#define OFL_IP_DF 0x4000
#define OFL_IP_MF 0x2000
#define OFL_IP_OFFSET 0x1fff
#define OFL_IP6_MF 0x0001
#define OFL_IP6_OFFSET 0xfff8

/* IPv6 extension header lengths: (hdrlen + 1) << 3 (ipv6_optlen), AH
 * (hdrlen + 2) << 2 (ipv6_authlen); options: Pad1, PadN, Jumbo Payload
 * (RFC 2675), Home Address (RFC 6275 6.3); routing types 0, 2 (RFC 6275
 * 6.4), 4 (SRH, RFC 8754) */
#define OFL_IPV6_EXT_LEN_SHIFT 3
#define OFL_IPV6_AH_LEN_SHIFT 2
#define OFL_IPV6_FRAG_HLEN 8
#define OFL_IPV6_TLV_PAD1 0
#define OFL_IPV6_TLV_PADN 1
#define OFL_IPV6_TLV_JUMBO 0xc2
#define OFL_IPV6_TLV_HAO 0xc9
#define OFL_IPV6_SRCRT_TYPE_0 0
#define OFL_IPV6_SRCRT_TYPE_2 2
#define OFL_IPV6_SRCRT_TYPE_4 4

/* TCP options (TCPOPT_*) and their lengths (TCPOLEN_*; SACK: 2 + 8 per
 * block, at most 4 blocks) */
#define OFL_TCPOPT_EOL 0
#define OFL_TCPOPT_NOP 1
#define OFL_TCPOPT_MSS 2
#define OFL_TCPOPT_WINDOW 3
#define OFL_TCPOPT_SACK_PERM 4
#define OFL_TCPOPT_SACK 5
#define OFL_TCPOPT_TIMESTAMP 8
#define OFL_TCPOLEN_MSS 4
#define OFL_TCPOLEN_WINDOW 3
#define OFL_TCPOLEN_SACK_PERM 2
#define OFL_TCPOLEN_SACK_BASE 2
#define OFL_TCPOLEN_SACK_PERBLOCK 8
#define OFL_TCPOLEN_TIMESTAMP 10

/* fixed lengths */
#define OFL_ETH_HLEN 14
#define OFL_VLAN_HLEN 4
#define OFL_IPV4_MIN_HLEN 20
#define OFL_IPV4_VIHL_NOOPT 0x45	/* version 4, IHL 5: no options */
#define OFL_IPV6_HLEN 40
#define OFL_UDP_HLEN 8
#define OFL_TCP_MIN_HLEN 20
#define OFL_GRE_MIN_HLEN 4
#define OFL_VXLAN_HLEN 8
#define OFL_GENEVE_MIN_HLEN 8
#define OFL_GENEVE_OPTLEN_MASK 0x3f	/* byte 0: options, 4-byte units */
#define OFL_VXLAN_GPE_HLEN 8
/* ERSPAN (draft-foschiano-erspan-03; Linux include/net/erspan.h): the
 * version nibble of the first byte, the header lengths (type II 8, type
 * III 12, + an 8-byte platform-specific subheader when the O bit, the low
 * bit of type III's byte 11, is set) */
#define OFL_ERSPAN_VER_II 1
#define OFL_ERSPAN_VER_III 2
#define OFL_ERSPAN2_HLEN 8
#define OFL_ERSPAN3_HLEN 12
#define OFL_ERSPAN3_O_OFF 11
#define OFL_ERSPAN3_O 0x01
#define OFL_ERSPAN3_PLAT_LEN 8
#define OFL_MPLS_HLEN 4		/* one label stack entry */
#define OFL_PPPOE_SES_HLEN 8	/* PPPoE header + PPP protocol */
#define OFL_PPPOE_VER_TYPE 0x11	/* version 1, type 1 */
#define OFL_ARP_ETH_IP_LEN 28	/* ARP for IPv4 over Ethernet */
#define OFL_ICMP_HLEN 8
#define OFL_IGMP_HLEN 8
#define OFL_SCTP_HLEN 12	/* common header */
#define OFL_ESP_HLEN 8		/* SPI, sequence number */
#define OFL_AH_MIN_HLEN 8	/* hdrlen 0 is malformed; still 8 readable */
#define OFL_IPV6_OPT_MIN_HLEN 8

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
		return ((uint32_t)x[1] + 2u) << OFL_IPV6_AH_LEN_SHIFT;
	if (nh == OFL_IPPROTO_FRAGMENT)
		return OFL_IPV6_FRAG_HLEN;
	return ((uint32_t)x[1] + 1u) << OFL_IPV6_EXT_LEN_SHIFT;
}

/* GRE header length from its first byte (version 0: 4, plus 4 for each of
 * checksum, key and sequence number; gre_parse_header) */
OFL_INLINE uint32_t ofl_proto_gre_hlen(uint8_t flags)
{
	return OFL_GRE_MIN_HLEN +
	       ((flags & OFL_GRE_F_CSUM) ? OFL_GRE_FIELD_LEN : 0u) +
	       ((flags & OFL_GRE_F_KEY) ? OFL_GRE_FIELD_LEN : 0u) +
	       ((flags & OFL_GRE_F_SEQ) ? OFL_GRE_FIELD_LEN : 0u);
}

/* GENEVE header length from its first byte (8 + Opt Len * 4) */
OFL_INLINE uint32_t ofl_proto_geneve_hlen(const uint8_t *g)
{
	return OFL_GENEVE_MIN_HLEN +
	       (uint32_t)(g[0] & OFL_GENEVE_OPTLEN_MASK) * 4u;
}

/* TCP header length from the data offset byte at @th + 12 */
OFL_INLINE uint32_t ofl_proto_tcp_hlen(const uint8_t *th)
{
	return (uint32_t)(th[12] >> 4) * 4u;
}

#endif /* OFL_LIB_COMMON_PROTO_H */
