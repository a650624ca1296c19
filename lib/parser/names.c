// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Protocol names and the innermost flow of a parse result. */
#include <offload/parser.h>
#include "../common/bytes.h"

static const char ofl__parse_proto_names[OFL_PROTO_COUNT][14] = {
	"none", "eth", "vlan", "mpls", "pppoe", "arp", "ipv4", "ipv6",
	"ipv6-hopopts", "ipv6-route", "ipv6-frag", "ipv6-dstopts", "ah",
	"esp", "tcp", "udp", "sctp", "icmp", "icmpv6", "igmp", "gre",
	"vxlan", "geneve", "vxlan-gpe", "erspan",
};

OFL_API const char *ofl_parse_proto_name(unsigned int proto)
{
	if (proto >= OFL_PROTO_COUNT)
		return "?";
	return ofl__parse_proto_names[proto];
}

OFL_API const struct ofl_parse_flow *
ofl_parse_inner(const struct ofl_parse_result *res)
{
	return res->encap ? &res->inner : &res->outer;
}
