/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The link layer of a capture, one place for every ofl command: which
 * link types the tool reads, where the network header starts in a frame
 * of each, and the Ethernet view of a frame for the commands that work on
 * Ethernet frames (gso, gro).
 */
#ifndef OFL_TOOLS_LINK_H
#define OFL_TOOLS_LINK_H

#include <stddef.h>
#include <stdint.h>

/* LINKTYPE_* values (tcpdump.org link-layer header types). */
#define LINK_EN10MB 1
#define LINK_PPP 9
#define LINK_RAW 101
#define LINK_LINUX_SLL 113
#define LINK_IPV4 228
#define LINK_IPV6 229
#define LINK_LINUX_SLL2 276

/* The list for messages and docs. */
#define LINK_NAMES "Ethernet (1), PPP (9), raw IP (101), Linux cooked " \
	"SLL (113) and SLL2 (276), IPv4 (228), IPv6 (229)"

int link_supported(int lt);

/*
 * Where lib/parser starts in a frame of link type @lt: returns the root
 * (OFL_PROTO_ETH, _IPV4 or _IPV6) and the link header's length in *off,
 * or 0 when the frame carries nothing the parser starts at (*err:
 * OFL_ENODATA for a frame cut inside the link header, else
 * OFL_EPROTONOSUPPORT).
 */
unsigned int link_root(int lt, const uint8_t *d, size_t len, size_t *off,
		       int *err);

/*
 * The frame as Ethernet: Ethernet frames as they are; others get a 14-byte
 * Ethernet header (zero addresses, the network protocol's ethertype) in
 * place of their link header. Writes to @out (at most @cap bytes) and
 * returns the length, or 0 when the frame carries no IP (or does not fit).
 * *hdr is the original link header's length: link_from_eth() puts it
 * back on a frame made from this one.
 */
size_t link_to_eth(int lt, const uint8_t *d, size_t len, uint8_t *out,
		   size_t cap, size_t *hdr);

/* The reverse for an output frame: @eth (an Ethernet frame) with its
 * Ethernet header replaced by the @hdr_len-byte link header @hdr (for
 * link type @lt), written to @out. Returns the length, 0 if too big. */
size_t link_from_eth(int lt, const uint8_t *hdr, size_t hdr_len,
		     const uint8_t *eth, size_t len, uint8_t *out, size_t cap);

#endif
