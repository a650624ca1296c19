// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Protocol names and the RSS flow key of a parse result. */
#include <offload/parser.h>
#include "../common/bytes.h"

static const char ofl__parse_proto_names[OFL_PROTO_COUNT][14] = {
	"none", "eth", "vlan", "mpls", "pppoe", "arp", "ipv4", "ipv6",
	"ipv6-hopopts", "ipv6-route", "ipv6-frag", "ipv6-dstopts", "ah",
	"esp", "tcp", "udp", "sctp", "icmp", "icmpv6", "igmp", "gre",
	"vxlan", "geneve",
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

OFL_API int ofl_parse_flow_key(const struct ofl_parse_result *res,
			       unsigned int flags,
			       uint8_t key[OFL_PARSE_FLOW_KEY_MAX])
{
	const struct ofl_parse_flow *f =
		(flags & OFL_PARSE_KEY_OUTER) ? &res->outer :
						ofl_parse_inner(res);
	unsigned int alen;

	/* word copies, the sizes lib/parser stored them with (a byte loop
	 * costs more than the parse) */
	if (f->family == 4) {
		alen = 4;
		ofl_copy4(key, f->src);
		ofl_copy4(key + 4, f->dst);
	} else if (f->family == 6) {
		alen = 16;
		ofl_copy8(key, f->src);
		ofl_copy8(key + 8, f->src + 8);
		ofl_copy8(key + 16, f->dst);
		ofl_copy8(key + 24, f->dst + 8);
	} else {
		return OFL_ENOENT;
	}
	if ((flags & OFL_PARSE_KEY_PORTS) && f->has_ports) {
		ofl_copy4(key + 2 * alen, f->ports);
		return (int)(2 * alen + 4);
	}
	return (int)(2 * alen);
}
