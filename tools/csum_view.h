/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The checksums of a frame as `ofl csum` finds and verifies them (tools/
 * cmd_csum.c); `ofl conform` uses the same view. */
#ifndef OFL_TOOLS_CSUM_VIEW_H
#define OFL_TOOLS_CSUM_VIEW_H

#include <stddef.h>
#include <stdint.h>

#define VIEW_MAX_LAYERS 24
#define VIEW_MAX_CHECKS 12

enum sum_kind {
	SUM_IPV4,	/* IPv4 header checksum */
	SUM_TCP,
	SUM_UDP,
	SUM_ICMP,
	SUM_ICMPV6,
	SUM_IGMP,
	SUM_GRE,	/* GRE with the C bit */
	SUM_SCTP,	/* CRC32c */
};

/* One checksum found in a frame. */
struct view_check {
	enum sum_kind what;
	size_t off;		/* header start, from the frame start */
	size_t field;		/* checksum field, from the frame start */
	size_t len;		/* bytes covered from off (L4: the L4 length) */
	int ipv6;		/* pseudo header is IPv6 (else IPv4 if any) */
	const uint8_t *src;	/* pseudo-header source (4 or 16 bytes) */
	const uint8_t *dst;	/* pseudo-header destination: the final one */
	const char *trunc;	/* non-NULL: cannot be checked, and why */
};

/* The frame as `ofl csum` reports it: layer names and checksums. */
struct view {
	const char *layers[VIEW_MAX_LAYERS];
	int nlayers;
	struct view_check checks[VIEW_MAX_CHECKS];
	int nchecks;
	const char *stop;	/* non-NULL: why the walk stopped early */
};

enum verdict { V_OK, V_BAD, V_NONE, V_UNCHECKED };

struct result {
	enum verdict v;
	uint32_t stored;
	uint32_t computed;
	int has_computed;
	int partial;		/* stored value is the pseudo-header sum only */
	const char *note;
};

/* Parses the @caplen captured bytes of a frame of @wirelen bytes into @r,
 * from the parse-graph root @root (OFL_PROTO_ETH for Ethernet) at @base. */
void view_frame(const uint8_t *p, size_t caplen, size_t wirelen,
		unsigned int root, size_t base, struct view *r);
/* Verifies the checksum @c of the frame @p into @r. */
void verify(const uint8_t *p, size_t caplen, const struct view_check *c,
	    struct result *r);

#endif
