// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* See rss_walk.h: flows for RSS from a frame, until lib/parser lands. */
#include <string.h>
#include "rss_walk.h"

#define ETH_IP4 0x0800
#define ETH_IP6 0x86dd
#define ETH_TEB 0x6558
#define MAX_VLANS 4
#define MAX_EXT 8

enum next { NEXT_NONE, NEXT_ETH, NEXT_IP4, NEXT_IP6 };

struct cur {
	const uint8_t *p, *end;
};

static int need(const struct cur *c, size_t n)
{
	return (size_t)(c->end - c->p) >= n;
}

static unsigned int be16(const uint8_t *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

/* Ethernet and VLAN tags: returns the ethertype, 0 if truncated. */
static unsigned int walk_eth(struct cur *c)
{
	unsigned int type;
	int i;

	if (!need(c, 14))
		return 0;
	type = be16(c->p + 12);
	c->p += 14;
	for (i = 0; i < MAX_VLANS; i++) {
		if (type != 0x8100 && type != 0x88a8 && type != 0x9100)
			break;
		if (!need(c, 4))
			return 0;
		type = be16(c->p + 2);
		c->p += 4;
	}
	return type;
}

/* ports of TCP/UDP at c->p; returns the next layer of a tunnel on UDP */
static enum next walk_l4(struct cur *c, struct ofl_rss_flow *f)
{
	if (f->proto != 6 && f->proto != 17)
		return NEXT_NONE;
	if ((f->flags & OFL_RSS_FLOW_FRAG) || !need(c, 4))
		return NEXT_NONE;
	memcpy(f->sport, c->p, 2);
	memcpy(f->dport, c->p + 2, 2);
	f->flags |= OFL_RSS_FLOW_PORTS;
	if (f->proto == 17 && be16(c->p + 2) == 4789 && need(c, 16)) {
		c->p += 16; /* UDP + VXLAN */
		return NEXT_ETH;
	}
	return NEXT_NONE;
}

static enum next walk_gre(struct cur *c)
{
	unsigned int flags, proto;
	size_t hl = 4;

	if (!need(c, 4))
		return NEXT_NONE;
	flags = be16(c->p);
	proto = be16(c->p + 2);
	if (flags & 0x8000)
		hl += 4; /* checksum */
	if (flags & 0x2000)
		hl += 4; /* key */
	if (flags & 0x1000)
		hl += 4; /* sequence */
	if ((flags & 0x0007) || !need(c, hl))
		return NEXT_NONE; /* version 0 only */
	c->p += hl;
	if (proto == ETH_IP4)
		return NEXT_IP4;
	if (proto == ETH_IP6)
		return NEXT_IP6;
	return proto == ETH_TEB ? NEXT_ETH : NEXT_NONE;
}

static enum next walk_proto(struct cur *c, struct ofl_rss_flow *f)
{
	if (f->flags & OFL_RSS_FLOW_FRAG)
		return NEXT_NONE;
	switch (f->proto) {
	case 4:
		return NEXT_IP4;
	case 41:
		return NEXT_IP6;
	case 47:
		return walk_gre(c);
	default:
		return walk_l4(c, f);
	}
}

static enum next walk_ip4(struct cur *c, struct ofl_rss_flow *f)
{
	size_t ihl;

	if (!need(c, 20) || (c->p[0] >> 4) != 4)
		return NEXT_NONE;
	ihl = (size_t)(c->p[0] & 15) * 4;
	if (ihl < 20 || !need(c, ihl))
		return NEXT_NONE;
	f->family = 4;
	f->proto = c->p[9];
	memcpy(f->src, c->p + 12, 4);
	memcpy(f->dst, c->p + 16, 4);
	if (be16(c->p + 6) & 0x1fff)
		f->flags |= OFL_RSS_FLOW_FRAG; /* non-first fragment */
	c->p += ihl;
	return walk_proto(c, f);
}

/* destination options: the Home Address option (type 201, RFC 6275 6.3) */
static void walk_dstopts(const uint8_t *h, size_t hl, struct ofl_rss_flow *f)
{
	size_t o = 2;
	int i;

	for (i = 0; i < 64 && o < hl; i++) {
		if (h[o] == 0) { /* Pad1 */
			o++;
			continue;
		}
		if (o + 2 > hl || o + 2 + h[o + 1] > hl)
			return;
		if (h[o] == 201 && h[o + 1] == 16) {
			memcpy(f->hao, h + o + 2, 16);
			f->flags |= OFL_RSS_FLOW_HAO;
		}
		o += 2 + (size_t)h[o + 1];
	}
}

static enum next walk_ip6(struct cur *c, struct ofl_rss_flow *f)
{
	unsigned int nh;
	int i;

	if (!need(c, 40) || (c->p[0] >> 4) != 6)
		return NEXT_NONE;
	f->family = 6;
	nh = c->p[6];
	memcpy(f->src, c->p + 8, 16);
	memcpy(f->dst, c->p + 24, 16);
	c->p += 40;
	for (i = 0; i < MAX_EXT; i++) {
		size_t hl;

		if (nh != 0 && nh != 43 && nh != 44 && nh != 60 && nh != 51)
			break;
		if (!need(c, 8))
			break;
		if (nh == 44) {
			hl = 8;
			if (be16(c->p + 2) & 0xfff8)
				f->flags |= OFL_RSS_FLOW_FRAG;
		} else if (nh == 51) {
			hl = ((size_t)c->p[1] + 2) * 4;
		} else {
			hl = ((size_t)c->p[1] + 1) * 8;
		}
		if (!need(c, hl))
			break;
		if (nh == 60)
			walk_dstopts(c->p, hl, f);
		/* type 2 routing header: one address, RFC 6275 6.4 */
		if (nh == 43 && c->p[2] == 2 && hl >= 24) {
			memcpy(f->rtdst, c->p + 8, 16);
			f->flags |= OFL_RSS_FLOW_RTDST;
		}
		nh = c->p[0];
		c->p += hl;
	}
	f->proto = (uint8_t)nh;
	return walk_proto(c, f);
}

int rss_walk(const uint8_t *frame, size_t len, struct ofl_rss_flow *outer,
	     struct ofl_rss_flow *inner)
{
	struct cur c = { frame, frame + len };
	enum next n = NEXT_ETH;
	int depth;

	memset(outer, 0, sizeof(*outer));
	memset(inner, 0, sizeof(*inner));
	for (depth = 0; depth < 2; depth++) {
		struct ofl_rss_flow *f = depth ? inner : outer;

		if (n == NEXT_ETH) {
			unsigned int t = walk_eth(&c);

			n = t == ETH_IP4 ? NEXT_IP4 :
			    t == ETH_IP6 ? NEXT_IP6 : NEXT_NONE;
		}
		if (n == NEXT_IP4)
			n = walk_ip4(&c, f);
		else if (n == NEXT_IP6)
			n = walk_ip6(&c, f);
		else
			break;
	}
	return outer->family ? 0 : -1;
}
