// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The UDP tunnel port table (struct ofl_parse_cfg): the configuration
 * Linux gives a NIC through udp_tunnel_nic / ndo_udp_tunnel_add, here
 * given to the parse graph's walker.
 */
#include <offload/parser.h>
#include "../common/proto.h"

OFL_API int ofl_parse_cfg_init(struct ofl_parse_cfg *cfg, size_t size)
{
	static const uint16_t port[] = {
		OFL_UDP_PORT_VXLAN, OFL_UDP_PORT_GENEVE, OFL_UDP_PORT_VXLAN_GPE,
		OFL_UDP_PORT_GRE, OFL_UDP_PORT_MPLS,
	};
	static const uint8_t kind[] = {
		OFL_PARSE_UDP_VXLAN, OFL_PARSE_UDP_GENEVE,
		OFL_PARSE_UDP_VXLAN_GPE, OFL_PARSE_UDP_GRE, OFL_PARSE_UDP_MPLS,
	};
	unsigned int j;

	if (!cfg || size != sizeof(*cfg))
		return OFL_EINVAL;
	cfg->size = (uint32_t)sizeof(*cfg);
	cfg->reserved = 0;
	for (j = 0; j < OFL_PARSE_CFG_UDP_MAX; j++) {
		cfg->udp_port[j] = j < OFL_ARRAY_SIZE(port) ? port[j] : 0;
		cfg->udp_kind[j] = j < OFL_ARRAY_SIZE(kind) ? kind[j] :
			OFL_PARSE_UDP_NONE;
	}
	return 0;
}

OFL_API int ofl_parse_cfg_udp_add(struct ofl_parse_cfg *cfg,
				  unsigned int port, unsigned int kind)
{
	unsigned int j, free_slot = OFL_PARSE_CFG_UDP_MAX;

	if (!cfg || cfg->size != sizeof(*cfg) || !port || port > 0xffffu ||
	    kind > OFL_PARSE_UDP_KIND_MAX)
		return OFL_EINVAL;
	for (j = 0; j < OFL_PARSE_CFG_UDP_MAX; j++) {
		if (cfg->udp_kind[j] == OFL_PARSE_UDP_NONE) {
			if (free_slot == OFL_PARSE_CFG_UDP_MAX)
				free_slot = j;
			continue;
		}
		if (cfg->udp_port[j] == port) {
			cfg->udp_kind[j] = (uint8_t)kind;
			if (kind == OFL_PARSE_UDP_NONE)
				cfg->udp_port[j] = 0;
			return 0;
		}
	}
	if (kind == OFL_PARSE_UDP_NONE)
		return OFL_ENOENT;
	if (free_slot == OFL_PARSE_CFG_UDP_MAX)
		return OFL_ENOSPC;
	cfg->udp_port[free_slot] = (uint16_t)port;
	cfg->udp_kind[free_slot] = (uint8_t)kind;
	return 0;
}
