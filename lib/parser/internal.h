/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Private to lib/parser: node, table and rule indices of the built-in graph. */
#ifndef OFL_LIB_PARSER_INTERNAL_H
#define OFL_LIB_PARSER_INTERNAL_H

#include <offload/parser.h>

/* Nodes. 0 is the "stop" node: an edge or default to it ends the walk. */
enum {
	OFL__PN_STOP = 0,
	OFL__PN_ETH,
	OFL__PN_VLAN,
	OFL__PN_MPLS,
	OFL__PN_MPLS_PAYLOAD,	/* pseudo: guesses IPv4/IPv6 from a nibble */
	OFL__PN_PPPOE,
	OFL__PN_ARP,
	OFL__PN_IPV4,
	OFL__PN_IPV6,
	OFL__PN_HOPOPTS,
	OFL__PN_ROUTE,
	OFL__PN_FRAG,
	OFL__PN_DSTOPTS,
	OFL__PN_AH,
	OFL__PN_ESP,
	OFL__PN_TCP,
	OFL__PN_UDP,
	OFL__PN_SCTP,
	OFL__PN_ICMP,
	OFL__PN_ICMPV6,
	OFL__PN_IGMP,
	OFL__PN_GRE,
	OFL__PN_VXLAN,
	OFL__PN_GENEVE,
	OFL__PN_COUNT
};

/* Protocol tables. */
enum {
	OFL__PT_NONE = 0,	/* empty: no next header */
	OFL__PT_ETHER,		/* EtherType: Ethernet, VLAN */
	OFL__PT_MPLS,		/* bottom-of-stack bit */
	OFL__PT_NIBBLE,		/* first nibble after MPLS */
	OFL__PT_PPP,		/* PPP protocol */
	OFL__PT_IP4,		/* IP protocol after IPv4 */
	OFL__PT_IP6,		/* next header after IPv6 and its extensions */
	OFL__PT_UDP,		/* UDP destination port */
	OFL__PT_GRE,		/* GRE protocol type */
	OFL__PT_VXLAN,		/* always inner Ethernet */
	OFL__PT_GENEVE,		/* GENEVE protocol type */
	OFL__PT_COUNT
};

/* Largest protocol table (bounds the lookup loop). */
#define OFL__PARSE_MAX_TABLE 16
/* Largest metadata copy. */
#define OFL__PARSE_MAX_COPY 32
/* Most metadata rules / checks / flag fields per node. */
#define OFL__PARSE_MAX_MD 6
#define OFL__PARSE_MAX_CHK 2
#define OFL__PARSE_MAX_FF 4
/* Most option rules per TLV list. */
#define OFL__PARSE_MAX_OPTRULES 6

#endif /* OFL_LIB_PARSER_INTERNAL_H */
