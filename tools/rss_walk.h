/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A minimal, bounded header walk that fills the flows ofl_rss_tuple() wants
 * (tools only). Stand-in until lib/parser's flow keys replace it: keep it
 * isolated here.
 */
#ifndef OFL_TOOLS_RSS_WALK_H
#define OFL_TOOLS_RSS_WALK_H

#include <stddef.h>
#include <stdint.h>
#include <offload/rss.h>

/*
 * Walk Ethernet, up to 4 VLAN tags, IPv4, IPv6 with its extension headers
 * (hop-by-hop, routing type 2, fragment, destination options with the home
 * address option, AH), TCP/UDP, and one tunnel level (IPv4/IPv6 in IP,
 * GRE, VXLAN on UDP 4789). @outer gets the first IP layer, @inner the
 * tunnelled one (family 0 if none). Returns 0, or -1 if the frame has no
 * IP layer (both flows then have family 0).
 */
int rss_walk(const uint8_t *frame, size_t len, struct ofl_rss_flow *outer,
	     struct ofl_rss_flow *inner);

#endif
