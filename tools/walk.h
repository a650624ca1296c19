/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A minimal, bounded header walk for `ofl csum` until lib/parser lands
 * (issue 3); it will be replaced by lib/parser. It only finds the layers of a
 * frame and, for every checksum, what it covers; cmd_csum.c verifies them
 * with lib/csum.
 */
#ifndef OFL_TOOLS_WALK_H
#define OFL_TOOLS_WALK_H

#include <stddef.h>
#include <stdint.h>

#define WALK_MAX_LAYERS 24
#define WALK_MAX_CHECKS 12

enum walk_sum {
	WALK_IPV4,	/* IPv4 header checksum */
	WALK_TCP,
	WALK_UDP,
	WALK_ICMP,
	WALK_ICMPV6,
	WALK_IGMP,
	WALK_GRE,	/* GRE with the C bit */
	WALK_SCTP,	/* CRC32c */
};

/* One checksum found in a frame. */
struct walk_check {
	enum walk_sum what;
	size_t off;		/* header start, from the frame start */
	size_t field;		/* checksum field, from the frame start */
	size_t len;		/* bytes covered from off (L4: the L4 length) */
	int ipv6;		/* pseudo header is IPv6 (else IPv4 if any) */
	const uint8_t *src;	/* pseudo-header source (4 or 16 bytes) */
	const uint8_t *dst;	/* pseudo-header destination: the final one */
	const char *trunc;	/* non-NULL: cannot be checked, and why */
};

struct walk_result {
	const char *layers[WALK_MAX_LAYERS];
	int nlayers;
	struct walk_check checks[WALK_MAX_CHECKS];
	int nchecks;
	const char *stop;	/* non-NULL: why the walk stopped early */
};

/* Walks the @caplen captured bytes of an Ethernet frame. */
void walk_frame(const uint8_t *p, size_t caplen, struct walk_result *r);

const char *walk_sum_name(enum walk_sum what);

#endif
