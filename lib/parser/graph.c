// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The built-in parse graph: const data only. ofl_parse() (walk.c) interprets
 * it; `ofl graph` dumps it. Adding a protocol means adding rows here, not
 * code. Protocol numbers and header length rules come from
 * lib/common/proto.h, the header every walker of the core shares: IEEE
 * EtherTypes, IANA protocol numbers, RFC 7348 (VXLAN, UDP 4789), RFC 8926
 * (GENEVE, UDP 6081), draft-ietf-nvo3-vxlan-gpe (VXLAN-GPE, UDP 4790),
 * RFC 2784/2890 (GRE), RFC 2637 (GRE version 1), RFC 8754 (SRH), RFC 3032
 * (MPLS), RFC 2516 (PPPoE), draft-foschiano-erspan-03 (ERSPAN). A field
 * rule's shift or multiplier that turns a length field into bytes is
 * written from those names too (a shift of OFL_IPV6_EXT_LEN_SHIFT is a
 * multiplier of 1 << it).
 */
#include <offload/parser.h>
#include "../common/proto.h"
#include "internal.h"

#define OFL__F(o, s, m, sh, mu, a)                                       \
	{ .off = (o), .size = (s), .shift = (sh), .mult = (mu), .mask = (m), \
	  .add = (a) }
#define OFL__RO(f) ((uint16_t)offsetof(struct ofl_parse_result, f))
#define OFL__FO(f) ((uint16_t)offsetof(struct ofl_parse_flow, f))
#define OFL__NONE 0xffffu

/* metadata rules, grouped by node (first index noted) */
static const struct ofl_parse_md ofl__parse_md[] = {
	/* 0 vlan: TCI of the n-th tag */
	{ 0, 2, OFL__RO(vlan_tci), OFL_PARSE_MD_INDEX, 0, 0, 0 },
	/* 1 mpls: the n-th label stack entry */
	{ 0, 4, OFL__RO(mpls), OFL_PARSE_MD_INDEX, 0, 0, 0 },
	/* 2 ipv4: addresses */
	{ 12, 4, OFL__FO(src), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	{ 16, 4, OFL__FO(dst), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	/* 4 ipv6: addresses */
	{ 8, 16, OFL__FO(src), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	{ 24, 16, OFL__FO(dst), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	/* 6 ipv6-route, routing type 4 (SRH): segments left, segment [0] */
	{ 3, 1, OFL__RO(srh_segleft), OFL_PARSE_MD_COND, 2,
	  OFL_IPV6_SRCRT_TYPE_4, 0 },
	{ 0, 1, OFL__RO(srh_present), OFL_PARSE_MD_COND | OFL_PARSE_MD_SET,
	  2, OFL_IPV6_SRCRT_TYPE_4, 0 },
	{ 8, 16, OFL__RO(srh_final), OFL_PARSE_MD_COND, 2,
	  OFL_IPV6_SRCRT_TYPE_4, 0 },
	/* 9 ipv6-route, routing type 2 (RFC 6275 6.4, 24 bytes): the home
	 * address, for the RSS IPV6_EX types (flagged only if all there) */
	{ 8, 16, OFL__FO(rtdst), OFL_PARSE_MD_COND | OFL_PARSE_MD_FLOW,
	  2, OFL_IPV6_SRCRT_TYPE_2, 0 },
	{ 24, 1, OFL__FO(has_rtdst),
	  OFL_PARSE_MD_COND | OFL_PARSE_MD_FLOW | OFL_PARSE_MD_SET, 2,
	  OFL_IPV6_SRCRT_TYPE_2, 0 },
	/* 11 esp: SPI */
	{ 0, 4, OFL__RO(esp_spi), 0, 0, 0, 0 },
	/* 12 tcp: ports, flags */
	{ 0, 4, OFL__FO(ports), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	{ 13, 1, OFL__RO(tcp_flags), 0, 0, 0, 0 },
	/* 14 udp, 15 sctp: ports */
	{ 0, 4, OFL__FO(ports), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	{ 0, 4, OFL__FO(ports), OFL_PARSE_MD_FLOW, 0, 0, 0 },
	/* 16 gre: forget the flags of an outer GRE */
	{ 0, 0, OFL__RO(gre_flags), OFL_PARSE_MD_SET, 0, 0, 0 },
	/* 17 vxlan, 19 geneve: 24-bit VNI at byte 4 into tun_id[1..3] */
	{ 0, 0, OFL__RO(tun_id), OFL_PARSE_MD_SET, 0, 0, 0 },
	{ 4, 3, OFL__RO(tun_id) + 1, 0, 0, 0, 0 },
	{ 0, 0, OFL__RO(tun_id), OFL_PARSE_MD_SET, 0, 0, 0 },
	{ 4, 3, OFL__RO(tun_id) + 1, 0, 0, 0, 0 },
	/* 21 vxlan-gpe: the VNI as VXLAN's */
	{ 0, 0, OFL__RO(tun_id), OFL_PARSE_MD_SET, 0, 0, 0 },
	{ 4, 3, OFL__RO(tun_id) + 1, 0, 0, 0, 0 },
};

/* checks: the field's value v must have bit v set in allowed */
static const struct ofl_parse_check ofl__parse_chk[] = {
	/* 0 ipv4 version 4, 1 ipv6 version 6 */
	{ OFL__F(0, 1, 0xf0, 4, 1, 0), 1u << 4, OFL_EPROTO, 0 },
	{ OFL__F(0, 1, 0xf0, 4, 1, 0), 1u << 6, OFL_EPROTO, 0 },
	/* 2 pppoe: version/type 0x11, code 0 (session data) */
	{ OFL__F(0, 1, 0xff, 0, 1, 0), 1u << OFL_PPPOE_VER_TYPE, OFL_EPROTO,
	  0 },
	{ OFL__F(1, 1, 0xff, 0, 1, 0), 1u << 0, OFL_EPROTO, 0 },
	/* 4 gre: version 0 or 1 (PPTP), no routing (like the flow dissector) */
	{ OFL__F(0, 2, OFL_GRE_VERSION, 0, 1, 0),
	  1u << OFL_GRE_VERSION_0 | 1u << OFL_GRE_VERSION_1,
	  OFL_EPROTONOSUPPORT, 0 },
	{ OFL__F(0, 2, OFL_GRE_ROUTING, 14, 1, 0), 0x1, OFL_EPROTONOSUPPORT,
	  0 },
	/* 6 geneve: version 0 */
	{ OFL__F(0, 1, 0xc0, 6, 1, 0), 0x1, OFL_EPROTONOSUPPORT, 0 },
	/* 7 vxlan-gpe: version 0 (Linux drivers/net/vxlan drops a GPE header
	 * of another version) */
	{ OFL__F(0, 1, 0x30, 4, 1, 0), 0x1, OFL_EPROTONOSUPPORT, 0 },
	/* 8 erspan type II: version 1, 9 type III: version 2 (the version
	 * nibble Linux erspan_rcv() and tshark read the length from) */
	{ OFL__F(0, 1, 0xf0, 4, 1, 0), 1u << OFL_ERSPAN_VER_II,
	  OFL_EPROTONOSUPPORT, 0 },
	{ OFL__F(0, 1, 0xf0, 4, 1, 0), 1u << OFL_ERSPAN_VER_III,
	  OFL_EPROTONOSUPPORT, 0 },
};

/* known TCP options (Linux tcp_parse_options(): wrong lengths skipped) */
#define OFL__SACK_LEN(n) \
	(OFL_TCPOLEN_SACK_BASE + (n) * OFL_TCPOLEN_SACK_PERBLOCK)
static const struct ofl_parse_opt ofl__parse_opts[] = {
	{ OFL_TCPOPT_MSS, OFL_TCPOLEN_MSS, OFL_TCPOLEN_MSS, 2, 2,
	  OFL_PARSE_TCPOPT_MSS, 0, 0, OFL__RO(tcp_mss),
	  OFL__RO(tcp_opts), OFL__NONE, 0 },
	{ OFL_TCPOPT_WINDOW, OFL_TCPOLEN_WINDOW, OFL_TCPOLEN_WINDOW, 2, 1,
	  OFL_PARSE_TCPOPT_WSCALE, 0, 0, OFL__RO(tcp_wscale),
	  OFL__RO(tcp_opts), OFL__NONE, 0 },
	{ OFL_TCPOPT_SACK_PERM, OFL_TCPOLEN_SACK_PERM, OFL_TCPOLEN_SACK_PERM,
	  2, 0, OFL_PARSE_TCPOPT_SACKOK, 0, 0, OFL__NONE,
	  OFL__RO(tcp_opts), OFL__NONE, 0 },
	{ OFL_TCPOPT_SACK, OFL__SACK_LEN(1), OFL__SACK_LEN(4), 2,
	  4 * OFL_TCPOLEN_SACK_PERBLOCK, OFL_PARSE_TCPOPT_SACK,
	  OFL_TCPOLEN_SACK_PERBLOCK, 0, OFL__RO(tcp_sack),
	  OFL__RO(tcp_opts), OFL__RO(tcp_nsack), 0 },
	{ OFL_TCPOPT_TIMESTAMP, OFL_TCPOLEN_TIMESTAMP, OFL_TCPOLEN_TIMESTAMP, 2,
	  8, OFL_PARSE_TCPOPT_TS, 0, 0, OFL__RO(tcp_ts),
	  OFL__RO(tcp_opts), OFL__NONE, 0 },
	/* 5: IPv6 destination options: Home Address (RFC 6275 6.3, type
	 * 201, 16 bytes) into the current flow, for the RSS IPV6_EX types */
	{ OFL_IPV6_TLV_HAO, 18, 18, 2, 16, 1, 0, OFL_PARSE_OPT_FLOW,
	  OFL__FO(hao), OFL__FO(has_hao), OFL__NONE, 0 },
};

/* TLV lists: 0 TCP options, 1 IPv6 hop-by-hop options, 2 GENEVE options,
 * 3 IPv6 destination options (1 + the Home Address option) */
static const struct ofl_parse_tlv ofl__parse_tlv[] = {
	{ .start = OFL_TCP_MIN_HLEN, .type_off = 0, .min_opt = 2,
	  .pad1 = OFL_TCPOPT_NOP, .eol = OFL_TCPOPT_EOL,
	  .opt_first = 0, .opt_count = 5, .len = OFL__F(1, 1, 0xff, 0, 1, 0),
	  .count_dst = OFL__NONE },
	{ .start = 2, .type_off = 0, .min_opt = 2, .pad1 = OFL_IPV6_TLV_PAD1,
	  .eol = OFL__NONE,
	  .len = OFL__F(1, 1, 0xff, 0, 1, 2), .count_dst = OFL__NONE },
	{ .start = OFL_GENEVE_MIN_HLEN, .type_off = 2, .min_opt = 4,
	  .pad1 = OFL__NONE,
	  .eol = OFL__NONE, .len = OFL__F(3, 1, 0x1f, 0, 4, 4),
	  .count_dst = OFL__RO(geneve_nopts) },
	{ .start = 2, .type_off = 0, .min_opt = 2, .pad1 = OFL_IPV6_TLV_PAD1,
	  .eol = OFL__NONE, .opt_first = 5, .opt_count = 1,
	  .len = OFL__F(1, 1, 0xff, 0, 1, 2), .count_dst = OFL__NONE },
};

/* GRE flag fields, in wire order (RFC 2784, 2890; RFC 2637 ack) */
static const struct ofl_parse_flagfield ofl__parse_ff[] = {
	{ OFL_GRE_CSUM, OFL_GRE_FIELD_LEN, OFL_PARSE_GRE_CSUM, OFL__NONE,
	  OFL__RO(gre_flags) },
	{ OFL_GRE_KEY, OFL_GRE_FIELD_LEN, OFL_PARSE_GRE_KEY, OFL__RO(tun_id),
	  OFL__RO(gre_flags) },
	{ OFL_GRE_SEQ, OFL_GRE_FIELD_LEN, OFL_PARSE_GRE_SEQ, OFL__RO(gre_seq),
	  OFL__RO(gre_flags) },
	{ OFL_GRE_ACK, OFL_GRE_FIELD_LEN, OFL_PARSE_GRE_ACK, OFL__NONE,
	  OFL__RO(gre_flags) },
};

static const struct ofl_parse_flags ofl__parse_flags[] = {
	{ OFL__F(0, 2, 0xffff, 0, 1, 0), 0, 4, 0 },
};

#define OFL__E(k, n, f) { (k), OFL__PN_##n, (f) }
#define OFL__ENC OFL_PARSE_EF_ENCAP
static const struct ofl_parse_edge ofl__parse_edges[] = {
	/* 0 ETHER (9) */
	OFL__E(OFL_ETH_P_IP, IPV4, 0), OFL__E(OFL_ETH_P_IPV6, IPV6, 0),
	OFL__E(OFL_ETH_P_8021Q, VLAN, 0), OFL__E(OFL_ETH_P_8021AD, VLAN, 0),
	OFL__E(OFL_ETH_P_QINQ1, VLAN, 0), OFL__E(OFL_ETH_P_ARP, ARP, 0),
	OFL__E(OFL_ETH_P_MPLS_UC, MPLS, 0), OFL__E(OFL_ETH_P_MPLS_MC, MPLS, 0),
	OFL__E(OFL_ETH_P_PPP_SES, PPPOE, 0),
	/* 9 MPLS (2) */
	OFL__E(0, MPLS, 0), OFL__E(1, MPLS_PAYLOAD, 0),
	/* 11 NIBBLE (2) */
	OFL__E(4, IPV4, 0), OFL__E(6, IPV6, 0),
	/* 13 PPP (2) */
	OFL__E(OFL_PPP_IP, IPV4, 0), OFL__E(OFL_PPP_IPV6, IPV6, 0),
	/* 15 IP4 (11) */
	OFL__E(OFL_IPPROTO_TCP, TCP, 0), OFL__E(OFL_IPPROTO_UDP, UDP, 0),
	OFL__E(OFL_IPPROTO_ICMP, ICMP, 0), OFL__E(OFL_IPPROTO_GRE, GRE, 0),
	OFL__E(OFL_IPPROTO_IPIP, IPV4, OFL__ENC),
	OFL__E(OFL_IPPROTO_IPV6, IPV6, OFL__ENC),
	OFL__E(OFL_IPPROTO_ESP, ESP, 0), OFL__E(OFL_IPPROTO_AH, AH, 0),
	OFL__E(OFL_IPPROTO_SCTP, SCTP, 0), OFL__E(OFL_IPPROTO_IGMP, IGMP, 0),
	OFL__E(OFL_IPPROTO_ICMPV6, ICMPV6, 0),
	/* 26 IP6 (15) */
	OFL__E(OFL_IPPROTO_TCP, TCP, 0), OFL__E(OFL_IPPROTO_UDP, UDP, 0),
	OFL__E(OFL_IPPROTO_ICMPV6, ICMPV6, 0),
	OFL__E(OFL_IPPROTO_HOPOPTS, HOPOPTS, 0),
	OFL__E(OFL_IPPROTO_ROUTING, ROUTE, 0),
	OFL__E(OFL_IPPROTO_FRAGMENT, FRAG, 0),
	OFL__E(OFL_IPPROTO_DSTOPTS, DSTOPTS, 0), OFL__E(OFL_IPPROTO_AH, AH, 0),
	OFL__E(OFL_IPPROTO_ESP, ESP, 0), OFL__E(OFL_IPPROTO_GRE, GRE, 0),
	OFL__E(OFL_IPPROTO_IPIP, IPV4, OFL__ENC),
	OFL__E(OFL_IPPROTO_IPV6, IPV6, OFL__ENC),
	OFL__E(OFL_IPPROTO_SCTP, SCTP, 0), OFL__E(OFL_IPPROTO_ICMP, ICMP, 0),
	OFL__E(OFL_IPPROTO_IGMP, IGMP, 0),
	/* 41 UDP (5): VXLAN, GENEVE, GRE-in-UDP (RFC 8086), MPLS-in-UDP
	 * (RFC 7510), VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe, 4790). The
	 * default port table: struct ofl_parse_cfg replaces it. */
	OFL__E(OFL_UDP_PORT_VXLAN, VXLAN, 0),
	OFL__E(OFL_UDP_PORT_GENEVE, GENEVE, 0),
	OFL__E(OFL_UDP_PORT_GRE, GRE, 0),
	OFL__E(OFL_UDP_PORT_MPLS, MPLS, OFL__ENC),
	OFL__E(OFL_UDP_PORT_VXLAN_GPE, VXLAN_GPE, 0),
	/* 46 GRE (7). ERSPAN: 0x88be after a bare 4-byte GRE header is
	 * type I, the mirrored frame right away; with any optional field
	 * (in practice the sequence number) a type II header comes first
	 * (Linux ip_gre.c is_erspan_type1(): gre_hdr_len == 4; tshark
	 * agrees). 0x22eb is type III. */
	OFL__E(OFL_ETH_P_IP, IPV4, OFL__ENC),
	OFL__E(OFL_ETH_P_IPV6, IPV6, OFL__ENC),
	OFL__E(OFL_ETH_P_TEB, ETH, OFL__ENC),
	OFL__E(OFL_ETH_P_MPLS_UC, MPLS, OFL__ENC),
	OFL__E(OFL_ETH_P_ERSPAN, ETH, OFL__ENC | OFL_PARSE_EF_BARE),
	OFL__E(OFL_ETH_P_ERSPAN, ERSPAN2, 0),
	OFL__E(OFL_ETH_P_ERSPAN2, ERSPAN3, 0),
	/* 53 VXLAN (1) */
	OFL__E(0, ETH, OFL__ENC),
	/* 54 GENEVE (3) */
	OFL__E(OFL_ETH_P_TEB, ETH, OFL__ENC),
	OFL__E(OFL_ETH_P_IP, IPV4, OFL__ENC),
	OFL__E(OFL_ETH_P_IPV6, IPV6, OFL__ENC),
	/* 57 VXLAN-GPE next protocol (4): IPv4, IPv6, Ethernet, MPLS (NSH,
	 * 4, is not parsed) */
	OFL__E(OFL_VXLAN_GPE_NP_IPV4, IPV4, OFL__ENC),
	OFL__E(OFL_VXLAN_GPE_NP_IPV6, IPV6, OFL__ENC),
	OFL__E(OFL_VXLAN_GPE_NP_ETHERNET, ETH, OFL__ENC),
	OFL__E(OFL_VXLAN_GPE_NP_MPLS, MPLS, OFL__ENC),
	/* 61 ERSPAN (1): the mirrored Ethernet frame */
	OFL__E(0, ETH, OFL__ENC),
	/* 62 */
};

/* The edge a UDP port of each OFL_PARSE_UDP_* kind takes when a struct
 * ofl_parse_cfg replaces the UDP table: the same nodes and flags as the
 * built-in table's edges above (checked by the graph tests). */
static const struct ofl_parse_edge
ofl__parse_udp_edges[OFL_PARSE_UDP_KIND_MAX + 1] = {
	[OFL_PARSE_UDP_NONE] = OFL__E(0, STOP, 0),
	[OFL_PARSE_UDP_VXLAN] = OFL__E(OFL_UDP_PORT_VXLAN, VXLAN, 0),
	[OFL_PARSE_UDP_GENEVE] = OFL__E(OFL_UDP_PORT_GENEVE, GENEVE, 0),
	[OFL_PARSE_UDP_VXLAN_GPE] = OFL__E(OFL_UDP_PORT_VXLAN_GPE, VXLAN_GPE,
					   0),
	[OFL_PARSE_UDP_GRE] = OFL__E(OFL_UDP_PORT_GRE, GRE, 0),
	[OFL_PARSE_UDP_MPLS] = OFL__E(OFL_UDP_PORT_MPLS, MPLS, OFL__ENC),
};

static const struct ofl_parse_table ofl__parse_tables[OFL__PT_COUNT] = {
	[OFL__PT_NONE] = { 0, 0 },
	[OFL__PT_ETHER] = { 0, 9 },
	[OFL__PT_MPLS] = { 9, 2 },
	[OFL__PT_NIBBLE] = { 11, 2 },
	[OFL__PT_PPP] = { 13, 2 },
	[OFL__PT_IP4] = { 15, 11 },
	[OFL__PT_IP6] = { 26, 15 },
	[OFL__PT_UDP] = { 41, 5 },
	[OFL__PT_GRE] = { 46, 7 },
	[OFL__PT_VXLAN] = { 53, 1 },
	[OFL__PT_GENEVE] = { 54, 3 },
	[OFL__PT_GPE] = { 57, 4 },
	[OFL__PT_ERSPAN] = { 61, 1 },
};

#define OFL__NF_IP4 (OFL_PARSE_NF_L3 | OFL_PARSE_NF_IPPROTO)
#define OFL__NF_IP6 (OFL__NF_IP4 | OFL_PARSE_NF_IPV6)
#define OFL__NF_L4P (OFL_PARSE_NF_L4 | OFL_PARSE_NF_PORTS)
/* (len + 1) * 8 */
#define OFL__EXT_LEN OFL__F(1, 1, 0xff, 0, 1u << OFL_IPV6_EXT_LEN_SHIFT, \
			    1u << OFL_IPV6_EXT_LEN_SHIFT)

static const struct ofl_parse_node ofl__parse_nodes[OFL__PN_COUNT] = {
	[OFL__PN_STOP] = { .proto = OFL_PROTO_NONE },
	[OFL__PN_ETH] = { .proto = OFL_PROTO_ETH, .min_len = OFL_ETH_HLEN,
		.next = OFL__F(12, 2, 0xffff, 0, 1, 0),
		.table = OFL__PT_ETHER },
	[OFL__PN_VLAN] = { .proto = OFL_PROTO_VLAN, .min_len = OFL_VLAN_HLEN,
		.next = OFL__F(2, 2, 0xffff, 0, 1, 0),
		.table = OFL__PT_ETHER, .counter = OFL_PARSE_CNT_VLAN,
		.md_first = 0, .md_count = 1 },
	[OFL__PN_MPLS] = { .proto = OFL_PROTO_MPLS, .min_len = OFL_MPLS_HLEN,
		.next = OFL__F(2, 1, 0x01, 0, 1, 0),
		.table = OFL__PT_MPLS, .counter = OFL_PARSE_CNT_MPLS,
		.md_first = 1, .md_count = 1 },
	[OFL__PN_MPLS_PAYLOAD] = { .proto = OFL_PROTO_NONE, .min_len = 1,
		.next = OFL__F(0, 1, 0xf0, 4, 1, 0),
		.table = OFL__PT_NIBBLE },
	[OFL__PN_PPPOE] = { .proto = OFL_PROTO_PPPOE,
		.min_len = OFL_PPPOE_SES_HLEN,
		.next = OFL__F(6, 2, 0xffff, 0, 1, 0),
		.table = OFL__PT_PPP, .chk_first = 2, .chk_count = 2 },
	[OFL__PN_ARP] = { .proto = OFL_PROTO_ARP,
		.min_len = OFL_ARP_ETH_IP_LEN },
	[OFL__PN_IPV4] = { .proto = OFL_PROTO_IPV4,
		.min_len = OFL_IPV4_MIN_HLEN,
		.flags = OFL__NF_IP4,
		.hlen = OFL__F(0, 1, 0x0f, 0, 4, 0),
		.next = OFL__F(9, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP4,
		.md_first = 2, .md_count = 2, .chk_first = 0, .chk_count = 1,
		.frag_off = 6, .frag_mask = OFL_IP_OFFSET, .frag_mf = OFL_IP_MF,
		.tot_off = 2, .tot_add = 0, .tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_IPV6] = { .proto = OFL_PROTO_IPV6, .min_len = OFL_IPV6_HLEN,
		.flags = OFL__NF_IP6,
		.next = OFL__F(6, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.md_first = 4, .md_count = 2, .chk_first = 1, .chk_count = 1,
		.tot_off = 4, .tot_add = OFL_IPV6_HLEN,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_HOPOPTS] = { .proto = OFL_PROTO_IPV6_HOPOPTS,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.kind = OFL_PARSE_KIND_TLV, .aux = 1,
		.flags = OFL_PARSE_NF_IPPROTO, .hlen = OFL__EXT_LEN,
		.next = OFL__F(0, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.counter = OFL_PARSE_CNT_EXTHDR,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_ROUTE] = { .proto = OFL_PROTO_IPV6_ROUTE,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.flags = OFL_PARSE_NF_IPPROTO, .hlen = OFL__EXT_LEN,
		.next = OFL__F(0, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.counter = OFL_PARSE_CNT_EXTHDR, .md_first = 6, .md_count = 5,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_FRAG] = { .proto = OFL_PROTO_IPV6_FRAG,
		.min_len = OFL_IPV6_FRAG_HLEN,
		.flags = OFL_PARSE_NF_IPPROTO,
		.next = OFL__F(0, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.counter = OFL_PARSE_CNT_EXTHDR,
		.frag_off = 2, .frag_mask = OFL_IP6_OFFSET,
		.frag_mf = OFL_IP6_MF,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_DSTOPTS] = { .proto = OFL_PROTO_IPV6_DSTOPTS,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.kind = OFL_PARSE_KIND_TLV, .aux = 3,
		.flags = OFL_PARSE_NF_IPPROTO, .hlen = OFL__EXT_LEN,
		.next = OFL__F(0, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.counter = OFL_PARSE_CNT_EXTHDR,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_AH] = { .proto = OFL_PROTO_AH, .min_len = OFL_AH_MIN_HLEN,
		.flags = OFL_PARSE_NF_IPPROTO,
		/* (len + 2) * 4 */
		.hlen = OFL__F(1, 1, 0xff, 0, 1u << OFL_IPV6_AH_LEN_SHIFT,
			       2u << OFL_IPV6_AH_LEN_SHIFT),
		.next = OFL__F(0, 1, 0xff, 0, 1, 0), .table = OFL__PT_IP6,
		.counter = OFL_PARSE_CNT_EXTHDR,
		.tun_kind = OFL_PARSE_TUN_IPIP },
	[OFL__PN_ESP] = { .proto = OFL_PROTO_ESP, .min_len = OFL_ESP_HLEN,
		.md_first = 11, .md_count = 1 },
	[OFL__PN_TCP] = { .proto = OFL_PROTO_TCP, .min_len = OFL_TCP_MIN_HLEN,
		.kind = OFL_PARSE_KIND_TLV, .aux = 0, .flags = OFL__NF_L4P,
		.hlen = OFL__F(12, 1, 0xf0, 4, 4, 0),
		.md_first = 12, .md_count = 2 },
	[OFL__PN_UDP] = { .proto = OFL_PROTO_UDP, .min_len = OFL_UDP_HLEN,
		.flags = OFL__NF_L4P,
		.next = OFL__F(2, 2, 0xffff, 0, 1, 0), .table = OFL__PT_UDP,
		.md_first = 14, .md_count = 1 },
	[OFL__PN_SCTP] = { .proto = OFL_PROTO_SCTP, .min_len = OFL_SCTP_HLEN,
		.flags = OFL__NF_L4P, .md_first = 15, .md_count = 1 },
	[OFL__PN_ICMP] = { .proto = OFL_PROTO_ICMP, .min_len = OFL_ICMP_HLEN,
		.flags = OFL_PARSE_NF_L4 },
	[OFL__PN_ICMPV6] = { .proto = OFL_PROTO_ICMPV6,
		.min_len = OFL_ICMP_HLEN,
		.flags = OFL_PARSE_NF_L4 },
	[OFL__PN_IGMP] = { .proto = OFL_PROTO_IGMP, .min_len = OFL_IGMP_HLEN,
		.flags = OFL_PARSE_NF_L4 },
	[OFL__PN_GRE] = { .proto = OFL_PROTO_GRE, .min_len = OFL_GRE_MIN_HLEN,
		.kind = OFL_PARSE_KIND_FLAGS, .aux = 0,
		.next = OFL__F(2, 2, 0xffff, 0, 1, 0), .table = OFL__PT_GRE,
		.md_first = 16, .md_count = 1, .chk_first = 4, .chk_count = 2,
		.tun_kind = OFL_PARSE_TUN_GRE },
	[OFL__PN_VXLAN] = { .proto = OFL_PROTO_VXLAN, .min_len = OFL_VXLAN_HLEN,
		.next = OFL__F(0, 0, 0, 0, 1, 0), .table = OFL__PT_VXLAN,
		.md_first = 17, .md_count = 2,
		.tun_kind = OFL_PARSE_TUN_VXLAN },
	[OFL__PN_GENEVE] = { .proto = OFL_PROTO_GENEVE,
		.min_len = OFL_GENEVE_MIN_HLEN,
		.kind = OFL_PARSE_KIND_TLV, .aux = 2,
		.hlen = OFL__F(0, 1, OFL_GENEVE_OPTLEN_MASK, 0, 4,
			       OFL_GENEVE_MIN_HLEN),
		.next = OFL__F(2, 2, 0xffff, 0, 1, 0), .table = OFL__PT_GENEVE,
		.md_first = 19, .md_count = 2, .chk_first = 6, .chk_count = 1,
		.tun_kind = OFL_PARSE_TUN_GENEVE },
	[OFL__PN_VXLAN_GPE] = { .proto = OFL_PROTO_VXLAN_GPE,
		.min_len = OFL_VXLAN_GPE_HLEN,
		.next = OFL__F(3, 1, 0xff, 0, 1, 0), .table = OFL__PT_GPE,
		.md_first = 21, .md_count = 2, .chk_first = 7, .chk_count = 1,
		.tun_kind = OFL_PARSE_TUN_VXLAN_GPE },
	[OFL__PN_ERSPAN2] = { .proto = OFL_PROTO_ERSPAN,
		.min_len = OFL_ERSPAN2_HLEN,
		.next = OFL__F(0, 0, 0, 0, 1, 0), .table = OFL__PT_ERSPAN,
		.chk_first = 8, .chk_count = 1,
		.tun_kind = OFL_PARSE_TUN_ERSPAN },
	/* 12 bytes, 20 with the platform-specific subheader (O bit; Linux
	 * erspan_rcv() does not look at it, tshark and the draft do) */
	[OFL__PN_ERSPAN3] = { .proto = OFL_PROTO_ERSPAN,
		.min_len = OFL_ERSPAN3_HLEN,
		.hlen = OFL__F(OFL_ERSPAN3_O_OFF, 1, OFL_ERSPAN3_O, 0,
			       OFL_ERSPAN3_PLAT_LEN, OFL_ERSPAN3_HLEN),
		.next = OFL__F(0, 0, 0, 0, 1, 0), .table = OFL__PT_ERSPAN,
		.chk_first = 9, .chk_count = 1,
		.tun_kind = OFL_PARSE_TUN_ERSPAN },
};

/*
 * The compiled nodes ofl_parse() runs (struct ofl_parse_op): the rows above
 * restated as shifts, masks, inlined tables and fixed-size moves. The unit
 * test test_graph_ops_match_nodes checks every field against the node rows,
 * so the rows above stay the one description of the graph.
 */
#define OFL__OPC OFL_PARSE_OP_CHK
#define OFL__OPH OFL_PARSE_OP_HLEN
#define OFL__OP_IP4 (OFL_PARSE_OP_L3 | OFL_PARSE_OP_IPPROTO)
#define OFL__OP_IP6 (OFL__OP_IP4 | OFL_PARSE_OP_IPV6)
#define OFL__OP_L4P (OFL_PARSE_OP_L4 | OFL_PARSE_OP_PORTS)
#define OFL__NX(o, s, m, sh) .nx_off = (o), .nx_size = (s), .nx_mask = (m), \
	.nx_shr = (sh)
#define OFL__HL(o, m, shr, shl, a) .hl_off = (o), .hl_mask = (m), \
	.hl_shr = (shr), .hl_shl = (shl), .hl_add = (a)
#define OFL__CK(o, m, v, e) .chk_off = (o), .chk_mask = (m), .chk_val = (v), \
	.chk_err = (e)
#define OFL__MV(s, sz, d) { (s), (sz), (uint16_t)(d) }
#define OFL__MVF OFL_PARSE_MV_FLOW
#define OFL__MVI OFL_PARSE_MV_INDEX
/* (len + 1) * 8 */
#define OFL__EXT_HL OFL__HL(1, 0xff, 0, OFL_IPV6_EXT_LEN_SHIFT, \
			    1u << OFL_IPV6_EXT_LEN_SHIFT)
#define OFL__IP6T .e_first = 26, .e_count = 15

static const struct ofl_parse_op ofl__parse_ops[OFL__PN_COUNT] = {
	[OFL__PN_STOP] = { .proto = OFL_PROTO_NONE },
	[OFL__PN_ETH] = { .proto = OFL_PROTO_ETH, .min_len = OFL_ETH_HLEN,
		OFL__NX(12, 2, 0xffff, 0), .e_first = 0, .e_count = 9 },
	[OFL__PN_VLAN] = { .proto = OFL_PROTO_VLAN, .min_len = OFL_VLAN_HLEN,
		OFL__NX(2, 2, 0xffff, 0), .e_first = 0, .e_count = 9,
		.counter = OFL_PARSE_CNT_VLAN, .mv = { OFL__MV(0, 2 | OFL__MVI, OFL__RO(vlan_tci)) } },
	[OFL__PN_MPLS] = { .proto = OFL_PROTO_MPLS, .min_len = OFL_MPLS_HLEN,
		OFL__NX(2, 1, 0x01, 0), .e_first = 9, .e_count = 2,
		.counter = OFL_PARSE_CNT_MPLS, .mv = { OFL__MV(0, 4 | OFL__MVI, OFL__RO(mpls)) } },
	[OFL__PN_MPLS_PAYLOAD] = { .proto = OFL_PROTO_NONE, .min_len = 1,
		OFL__NX(0, 1, 0xf0, 4), .e_first = 11, .e_count = 2 },
	[OFL__PN_PPPOE] = { .proto = OFL_PROTO_PPPOE,
		.min_len = OFL_PPPOE_SES_HLEN,
		.flags = OFL__OPC,
		/* version/type, code 0 (session data) */
		OFL__CK(0, 0xffff, OFL_PPPOE_VER_TYPE << 8, OFL_EPROTO),
		OFL__NX(6, 2, 0xffff, 0), .e_first = 13, .e_count = 2 },
	[OFL__PN_ARP] = { .proto = OFL_PROTO_ARP,
		.min_len = OFL_ARP_ETH_IP_LEN },
	[OFL__PN_IPV4] = { .proto = OFL_PROTO_IPV4,
		.min_len = OFL_IPV4_MIN_HLEN,
		.flags = OFL__OPC | OFL__OPH | OFL__OP_IP4,
		.ext = OFL_PARSE_OPX_FRAG | OFL_PARSE_OPX_TOT,
		OFL__CK(0, 0xf000, 0x4000, OFL_EPROTO),
		OFL__HL(0, 0x0f, 0, 2, 0),
		OFL__NX(9, 1, 0xff, 0), .e_first = 15, .e_count = 11,
		.mv = { OFL__MV(12, 4 | OFL__MVF, OFL__FO(src)),
				  OFL__MV(16, 4 | OFL__MVF, OFL__FO(dst)) } },
	[OFL__PN_IPV6] = { .proto = OFL_PROTO_IPV6, .min_len = OFL_IPV6_HLEN,
		.flags = OFL__OPC | OFL__OP_IP6, .ext = OFL_PARSE_OPX_TOT,
		OFL__CK(0, 0xf000, 0x6000, OFL_EPROTO),
		OFL__NX(6, 1, 0xff, 0), OFL__IP6T,
		.mv = { OFL__MV(8, 32 | OFL__MVF, OFL__FO(src)) } },
	[OFL__PN_HOPOPTS] = { .proto = OFL_PROTO_IPV6_HOPOPTS,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.flags = OFL__OPH | OFL_PARSE_OP_IPPROTO,
		.ext = OFL_PARSE_OPX_TLV, OFL__EXT_HL,
		OFL__NX(0, 1, 0xff, 0), OFL__IP6T,
		.counter = OFL_PARSE_CNT_EXTHDR },
	[OFL__PN_ROUTE] = { .proto = OFL_PROTO_IPV6_ROUTE,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.flags = OFL__OPH | OFL_PARSE_OP_IPPROTO,
		.ext = OFL_PARSE_OPX_MD, OFL__EXT_HL,
		OFL__NX(0, 1, 0xff, 0), OFL__IP6T,
		.counter = OFL_PARSE_CNT_EXTHDR },
	[OFL__PN_FRAG] = { .proto = OFL_PROTO_IPV6_FRAG,
		.min_len = OFL_IPV6_FRAG_HLEN,
		.flags = OFL_PARSE_OP_IPPROTO, .ext = OFL_PARSE_OPX_FRAG,
		OFL__NX(0, 1, 0xff, 0), OFL__IP6T,
		.counter = OFL_PARSE_CNT_EXTHDR },
	[OFL__PN_DSTOPTS] = { .proto = OFL_PROTO_IPV6_DSTOPTS,
		.min_len = OFL_IPV6_OPT_MIN_HLEN,
		.flags = OFL__OPH | OFL_PARSE_OP_IPPROTO,
		.ext = OFL_PARSE_OPX_TLV, OFL__EXT_HL,
		OFL__NX(0, 1, 0xff, 0), OFL__IP6T,
		.counter = OFL_PARSE_CNT_EXTHDR },
	[OFL__PN_AH] = { .proto = OFL_PROTO_AH, .min_len = OFL_AH_MIN_HLEN,
		.flags = OFL__OPH | OFL_PARSE_OP_IPPROTO,
		/* (len + 2) * 4 */
		OFL__HL(1, 0xff, 0, OFL_IPV6_AH_LEN_SHIFT,
			2u << OFL_IPV6_AH_LEN_SHIFT),
		OFL__NX(0, 1, 0xff, 0), OFL__IP6T,
		.counter = OFL_PARSE_CNT_EXTHDR },
	[OFL__PN_ESP] = { .proto = OFL_PROTO_ESP, .min_len = OFL_ESP_HLEN,
		.mv = { OFL__MV(0, 4, OFL__RO(esp_spi)) } },
	[OFL__PN_TCP] = { .proto = OFL_PROTO_TCP, .min_len = OFL_TCP_MIN_HLEN,
		.flags = OFL__OPH | OFL__OP_L4P, .ext = OFL_PARSE_OPX_TLV,
		OFL__HL(12, 0xf0, 4, 2, 0),
		.mv = { OFL__MV(0, 4 | OFL__MVF, OFL__FO(ports)),
				  OFL__MV(13, 1, OFL__RO(tcp_flags)) } },
	[OFL__PN_UDP] = { .proto = OFL_PROTO_UDP, .min_len = OFL_UDP_HLEN,
		.flags = OFL__OP_L4P, OFL__NX(2, 2, 0xffff, 0),
		.e_first = 41, .e_count = 5,
		.mv = { OFL__MV(0, 4 | OFL__MVF, OFL__FO(ports)) } },
	[OFL__PN_SCTP] = { .proto = OFL_PROTO_SCTP, .min_len = OFL_SCTP_HLEN,
		.flags = OFL__OP_L4P,
		.mv = { OFL__MV(0, 4 | OFL__MVF, OFL__FO(ports)) } },
	[OFL__PN_ICMP] = { .proto = OFL_PROTO_ICMP, .min_len = OFL_ICMP_HLEN,
		.flags = OFL_PARSE_OP_L4 },
	[OFL__PN_ICMPV6] = { .proto = OFL_PROTO_ICMPV6,
		.min_len = OFL_ICMP_HLEN,
		.flags = OFL_PARSE_OP_L4 },
	[OFL__PN_IGMP] = { .proto = OFL_PROTO_IGMP, .min_len = OFL_IGMP_HLEN,
		.flags = OFL_PARSE_OP_L4 },
	[OFL__PN_GRE] = { .proto = OFL_PROTO_GRE, .min_len = OFL_GRE_MIN_HLEN,
		.flags = OFL__OPC, .ext = OFL_PARSE_OPX_MD | OFL_PARSE_OPX_FLAGS,
		/* version 0 or 1, no routing bit: both node checks at once */
		OFL__CK(0, OFL_GRE_ROUTING |
			(OFL_GRE_VERSION & ~OFL_GRE_VERSION_1), 0,
			OFL_EPROTONOSUPPORT),
		OFL__NX(2, 2, 0xffff, 0), .e_first = 46, .e_count = 7 },
	[OFL__PN_VXLAN] = { .proto = OFL_PROTO_VXLAN, .min_len = OFL_VXLAN_HLEN,
		.ext = OFL_PARSE_OPX_MD, OFL__NX(0, 0, 0, 0),
		.e_first = 53, .e_count = 1 },
	[OFL__PN_GENEVE] = { .proto = OFL_PROTO_GENEVE,
		.min_len = OFL_GENEVE_MIN_HLEN,
		.flags = OFL__OPC | OFL__OPH,
		.ext = OFL_PARSE_OPX_MD | OFL_PARSE_OPX_TLV,
		OFL__CK(0, 0xc000, 0, OFL_EPROTONOSUPPORT),
		OFL__HL(0, OFL_GENEVE_OPTLEN_MASK, 0, 2, OFL_GENEVE_MIN_HLEN),
		OFL__NX(2, 2, 0xffff, 0), .e_first = 54, .e_count = 3 },
	[OFL__PN_VXLAN_GPE] = { .proto = OFL_PROTO_VXLAN_GPE,
		.min_len = OFL_VXLAN_GPE_HLEN,
		.flags = OFL__OPC, .ext = OFL_PARSE_OPX_MD,
		OFL__CK(0, 0x3000, 0, OFL_EPROTONOSUPPORT),
		OFL__NX(3, 1, 0xff, 0), .e_first = 57, .e_count = 4 },
	[OFL__PN_ERSPAN2] = { .proto = OFL_PROTO_ERSPAN,
		.min_len = OFL_ERSPAN2_HLEN, .flags = OFL__OPC,
		OFL__CK(0, 0xf000, OFL_ERSPAN_VER_II << 12,
			OFL_EPROTONOSUPPORT),
		OFL__NX(0, 0, 0, 0), .e_first = 61, .e_count = 1 },
	[OFL__PN_ERSPAN3] = { .proto = OFL_PROTO_ERSPAN,
		.min_len = OFL_ERSPAN3_HLEN, .flags = OFL__OPC | OFL__OPH,
		OFL__CK(0, 0xf000, OFL_ERSPAN_VER_III << 12,
			OFL_EPROTONOSUPPORT),
		OFL__HL(OFL_ERSPAN3_O_OFF, OFL_ERSPAN3_O, 0, 3,
			OFL_ERSPAN3_HLEN),
		OFL__NX(0, 0, 0, 0), .e_first = 61, .e_count = 1 },
};

static const char ofl__parse_node_names[OFL__PN_COUNT][16] = {
	"stop", "eth", "vlan", "mpls", "mpls-payload", "pppoe", "arp", "ipv4",
	"ipv6", "ipv6-hopopts", "ipv6-route", "ipv6-frag", "ipv6-dstopts",
	"ah", "esp", "tcp", "udp", "sctp", "icmp", "icmpv6", "igmp", "gre",
	"vxlan", "geneve", "vxlan-gpe", "erspan-ii", "erspan-iii",
};

static const char ofl__parse_table_names[OFL__PT_COUNT][16] = {
	"none", "ethertype", "mpls-bos", "mpls-nibble", "ppp", "ip4-proto",
	"ip6-nexthdr", "udp-port", "gre-proto", "vxlan", "geneve-proto",
	"gpe-proto", "erspan",
};

#if !defined(OFL_BPF)
const struct ofl_parse_graph *ofl__parse_graph(void)
{
	static const struct ofl_parse_graph g = {
		.nodes = ofl__parse_nodes,
		.node_names = ofl__parse_node_names,
		.tables = ofl__parse_tables,
		.table_names = ofl__parse_table_names,
		.edges = ofl__parse_edges,
		.md = ofl__parse_md,
		.chk = ofl__parse_chk,
		.tlv = ofl__parse_tlv,
		.opts = ofl__parse_opts,
		.flags = ofl__parse_flags,
		.ff = ofl__parse_ff,
		.ops = ofl__parse_ops,
		.nnodes = OFL__PN_COUNT,
		.ntables = OFL__PT_COUNT,
		.nedges = OFL_ARRAY_SIZE(ofl__parse_edges),
		.nmd = OFL_ARRAY_SIZE(ofl__parse_md),
		.nchk = OFL_ARRAY_SIZE(ofl__parse_chk),
		.ntlv = OFL_ARRAY_SIZE(ofl__parse_tlv),
		.nopts = OFL_ARRAY_SIZE(ofl__parse_opts),
		.nflags = OFL_ARRAY_SIZE(ofl__parse_flags),
		.nff = OFL_ARRAY_SIZE(ofl__parse_ff),
		.root_eth = OFL__PN_ETH,
		.root_ipv4 = OFL__PN_IPV4,
		.root_ipv6 = OFL__PN_IPV6,
		.counter_max = { 0, OFL_MAX_VLANS, OFL_MAX_MPLS,
				 OFL_MAX_EXTHDRS },
	};

	return &g;
}
#endif
