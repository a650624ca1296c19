// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Minimal bounded header walk for `ofl csum` (see walk.h). Temporary: it is
 * replaced by lib/parser when issue 3 lands. Every read is checked against
 * the captured length first; the walk visits at most WALK_MAX_LAYERS layers.
 */
#include <string.h>
#include "walk.h"

enum walk_state { S_ETH, S_ETYPE, S_MPLS, S_IPV4, S_IPV6, S_L4, S_DONE };

struct walk {
	const uint8_t *p;
	size_t cap;		/* captured bytes */
	size_t off;		/* current header */
	size_t end;		/* end of the current region as the headers
				 * claim it; may exceed cap (truncated) */
	unsigned int type;	/* next ethertype */
	unsigned int proto;	/* next IP protocol */
	int ipv6;
	int plen0;		/* IPv6 payload length 0: jumbo applies */
	int hdr_end;		/* end comes from a header, not the capture */
	const char *bad;	/* non-NULL: later L4 sums are not checkable */
	const uint8_t *src, *dst;
	struct walk_result *r;
};

static unsigned int rd16(const uint8_t *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

/* Are @n bytes at the current offset captured and inside the region? */
static int have(const struct walk *w, size_t n)
{
	return w->off + n <= w->cap && w->off + n <= w->end;
}

static int stop(struct walk *w, const char *why)
{
	w->r->stop = why;
	return S_DONE;
}

static void layer(struct walk *w, const char *name)
{
	if (w->r->nlayers < WALK_MAX_LAYERS)
		w->r->layers[w->r->nlayers++] = name;
}

/* Records a checksum at @field (relative) covering @len bytes from here. */
static void check(struct walk *w, enum walk_sum what, size_t field,
		  size_t len, size_t min)
{
	struct walk_check *c;

	if (w->r->nchecks >= WALK_MAX_CHECKS)
		return;
	c = &w->r->checks[w->r->nchecks++];
	c->what = what;
	c->off = w->off;
	c->field = w->off + field;
	c->len = len;
	c->ipv6 = w->ipv6;
	c->src = w->src;
	c->dst = w->dst;
	c->trunc = NULL;
	if (len < min)
		c->trunc = "malformed";
	else if (w->bad && what != WALK_IPV4)
		c->trunc = w->bad;
	else if (w->off + len > w->cap)
		c->trunc = "truncated";
}

/* A header says where its data ends: the data must fit in the data of the
 * header around it (Linux drops the frame otherwise: pppoe_rcv, ip_rcv_core,
 * ipv6_rcv). Only the captured bytes may be fewer (a snapped capture). */
static void set_end(struct walk *w, size_t end, const char *bad)
{
	if (w->hdr_end && end > w->end)
		w->bad = bad;
	else
		w->end = end;
	w->hdr_end = 1;
}

static int walk_etype(struct walk *w)
{
	const uint8_t *h = w->p + w->off;

	switch (w->type) {
	case 0x0800: return S_IPV4;
	case 0x86dd: return S_IPV6;
	case 0x6558: return S_ETH;
	case 0x8847:
	case 0x8848: return S_MPLS;
	case 0x8100:
	case 0x88a8:
	case 0x9100:
		if (!have(w, 4))
			return stop(w, "short vlan");
		layer(w, "vlan");
		w->type = rd16(h + 2);
		w->off += 4;
		return S_ETYPE;
	case 0x8864:
		if (!have(w, 8))
			return stop(w, "short pppoe");
		layer(w, "pppoe");
		set_end(w, w->off + 6 + rd16(h + 4), "bad pppoe length");
		w->off += 8;
		if (rd16(h + 6) == 0x0021)
			return S_IPV4;
		return rd16(h + 6) == 0x0057 ? S_IPV6 : S_DONE;
	case 0x88be:		/* ERSPAN type II */
	case 0x22eb:		/* ERSPAN type III */
		if (!have(w, 12) || (w->type == 0x22eb && (h[11] & 1) &&
				     !have(w, 20)))
			return stop(w, "short erspan");
		layer(w, "erspan");
		w->off += w->type == 0x88be ? 8 : (h[11] & 1) ? 20 : 12;
		return S_ETH;
	case 0x0806:
		layer(w, "arp");
		return S_DONE;
	default:
		return stop(w, "unknown ethertype");
	}
}

static int walk_mpls(struct walk *w)
{
	int i;

	for (i = 0; i < 8; i++) {
		if (!have(w, 4))
			return stop(w, "short mpls");
		layer(w, "mpls");
		w->off += 4;
		if (w->p[w->off - 2] & 1)
			break;
	}
	if (i == 8 || !have(w, 1))
		return stop(w, "mpls");
	/* no label says what follows: guess from the version nibble */
	switch (w->p[w->off] >> 4) {
	case 4: return S_IPV4;
	case 6: return S_IPV6;
	default: return stop(w, "mpls payload");
	}
}

static int walk_ipv4(struct walk *w)
{
	const uint8_t *h = w->p + w->off;
	size_t ihl, tot;

	if (!have(w, 20) || h[0] >> 4 != 4)
		return stop(w, "short ipv4");
	ihl = (size_t)(h[0] & 15) * 4;
	tot = rd16(h + 2);
	if (ihl < 20 || !have(w, ihl))
		return stop(w, "bad ipv4 header length");
	layer(w, "ipv4");
	check(w, WALK_IPV4, 10, ihl, 20);
	/* total length 0: a TSO/BIG TCP super-frame, length from the frame */
	if (tot && tot < ihl)
		return stop(w, "bad ipv4 total length");
	if (tot)
		set_end(w, w->off + tot, "ipv4 length exceeds outer header");
	if (rd16(h + 6) & 0x3fff)
		return stop(w, "ipv4 fragment");
	w->ipv6 = 0;
	w->src = h + 12;
	w->dst = h + 16;
	w->proto = h[9];
	w->off += ihl;
	return S_L4;
}

static int walk_ipv6(struct walk *w)
{
	const uint8_t *h = w->p + w->off;
	size_t plen;

	if (!have(w, 40) || h[0] >> 4 != 6)
		return stop(w, "short ipv6");
	layer(w, "ipv6");
	plen = rd16(h + 4);
	if (plen)	/* 0: jumbogram or BIG TCP, length from the frame */
		set_end(w, w->off + 40 + plen,
			"ipv6 length exceeds outer header");
	w->ipv6 = 1;
	w->plen0 = plen == 0;
	w->src = h + 8;
	w->dst = h + 24;
	w->proto = h[6];
	w->off += 40;
	return S_L4;
}

/* Options of hop-by-hop / destination options headers that matter to the
 * checksum: jumbo payload length and the Mobile IPv6 home address, which
 * replaces the source in the pseudo header (RFC 6275 6.3). */
static void walk_ip6opts(struct walk *w, const uint8_t *h, size_t hl,
			 int hbh)
{
	size_t i = 2;

	while (i < hl) {
		if (h[i] == 0) {	/* Pad1 */
			i++;
			continue;
		}
		if (i + 2 > hl || i + 2 + h[i + 1] > hl)
			return;
		/* the jumbo length counts from the end of the IPv6
		 * header, that is from this header */
		if (h[i] == 0xc2 && h[i + 1] == 4 && hbh && w->plen0 &&
		    ((size_t)rd16(h + i + 2) << 16 | rd16(h + i + 4)) >= hl)
			set_end(w, w->off + ((size_t)rd16(h + i + 2) << 16 |
					     rd16(h + i + 4)),
				"jumbo length exceeds outer header");
		if (h[i] == 0xc9 && h[i + 1] == 16)
			w->src = h + i + 2;
		else if (h[i] == 0xc9)	/* Linux drops it: ipv6_dest_hao */
			w->bad = "malformed home address option";
		i += 2u + h[i + 1];
	}
}

/* IPv6 extension headers (and AH for both IP versions). */
static int walk_ext(struct walk *w)
{
	const uint8_t *h = w->p + w->off;
	size_t hl;

	if (!have(w, 8))
		return stop(w, "short extension header");
	hl = w->proto == 51 ? ((size_t)h[1] + 2) * 4 :
	     w->proto == 44 ? 8 : ((size_t)h[1] + 1) * 8;
	if (!have(w, hl))
		return stop(w, "short extension header");
	switch (w->proto) {
	case 0:
		layer(w, "hbh");
		walk_ip6opts(w, h, hl, 1);
		break;
	case 60:
		layer(w, "dstopt");
		walk_ip6opts(w, h, hl, 0);
		break;
	case 43:
		layer(w, h[2] == 4 ? "srh" : "rh");
		/* RFC 8200 8.1: the pseudo header takes the final
		 * destination: type 0 the last address, type 2 (MIPv6) and
		 * 4 (SRv6, list in reverse) the first */
		if (h[3] && (h[2] == 2 || h[2] == 4) && hl >= 24)
			w->dst = h + 8;
		else if (h[3] && h[2] == 0 && h[1] >= 2)
			w->dst = h + 8 + 16 * (size_t)(h[1] / 2 - 1);
		break;
	case 44:
		layer(w, "frag");
		if (rd16(h + 2) & 0xfff9)
			return stop(w, "ipv6 fragment");
		break;
	default:
		layer(w, "ah");
		break;
	}
	w->proto = h[0];
	w->off += hl;
	return S_L4;
}

static int walk_udp(struct walk *w)
{
	const uint8_t *h = w->p + w->off;
	size_t ulen;
	unsigned int sp, dp, i;

	if (!have(w, 8))
		return stop(w, "short udp");
	layer(w, "udp");
	ulen = rd16(h + 4);
	if (ulen == 0 && w->end - w->off > 0xffff)
		ulen = w->end - w->off;	/* jumbogram (RFC 2675) */
	if (ulen < 8 || w->off + ulen > w->end) {
		check(w, WALK_UDP, 6, 0, 8);
		return stop(w, "bad udp length");
	}
	set_end(w, w->off + ulen, NULL);
	check(w, WALK_UDP, 6, ulen, 8);
	sp = rd16(h);
	dp = rd16(h + 2);
	w->off += 8;
	for (i = 0; i < 2; i++) {
		switch (i ? sp : dp) {
		case 4789:
			if (!have(w, 8))
				return stop(w, "short vxlan");
			layer(w, "vxlan");
			w->off += 8;
			return S_ETH;
		case 6081:
			if (!have(w, 8) ||
			    !have(w, 8 + (size_t)(w->p[w->off] & 0x3f) * 4))
				return stop(w, "short geneve");
			layer(w, "geneve");
			w->type = rd16(w->p + w->off + 2);
			w->off += 8 + (size_t)(w->p[w->off] & 0x3f) * 4;
			return S_ETYPE;
		case 4754:	/* GRE-in-UDP, RFC 8086 */
			w->proto = 47;
			return S_L4;
		case 6635:	/* MPLS-in-UDP, RFC 7510 */
			return S_MPLS;
		default:
			break;
		}
	}
	return S_DONE;
}

static int walk_gre(struct walk *w)
{
	const uint8_t *h = w->p + w->off;
	unsigned int fl;
	size_t hl;

	if (!have(w, 4))
		return stop(w, "short gre");
	layer(w, "gre");
	fl = rd16(h);
	if (fl & 7)
		return stop(w, "gre version 1");
	hl = 4u + (fl & 0xc000 ? 4u : 0u) + (fl & 0x2000 ? 4u : 0u) +
	     (fl & 0x1000 ? 4u : 0u);
	if (!have(w, hl))
		return stop(w, "short gre");
	if (fl & 0x8000)
		check(w, WALK_GRE, 4, w->end - w->off, 4);
	w->type = rd16(h + 2);
	w->off += hl;
	return S_ETYPE;
}

static int walk_l4(struct walk *w)
{
	size_t len;

	if (w->off > w->end)	/* a length shorter than the headers */
		return stop(w, "malformed length");
	len = w->end - w->off;

	switch (w->proto) {
	case 6:
		layer(w, "tcp");
		check(w, WALK_TCP, 16, len, 20);
		return S_DONE;
	case 17:
		return walk_udp(w);
	case 1:
		layer(w, "icmp");
		check(w, WALK_ICMP, 2, len, 4);
		return S_DONE;
	case 58:
		layer(w, "icmpv6");
		check(w, WALK_ICMPV6, 2, len, 4);
		return S_DONE;
	case 2:
		layer(w, "igmp");
		check(w, WALK_IGMP, 2, len, 4);
		return S_DONE;
	case 132:
		layer(w, "sctp");
		check(w, WALK_SCTP, 8, len, 12);
		return S_DONE;
	case 47:
		return walk_gre(w);
	case 4:
		return S_IPV4;
	case 41:
		return S_IPV6;
	case 51:
		return walk_ext(w);
	case 0:
	case 43:
	case 44:
	case 60:
		return w->ipv6 ? walk_ext(w) : stop(w, "unknown protocol");
	case 50:
		layer(w, "esp");
		return S_DONE;
	case 59:
		return S_DONE;
	default:
		return stop(w, "unknown protocol");
	}
}

void walk_frame(const uint8_t *p, size_t caplen, struct walk_result *r)
{
	struct walk w;
	int st = S_ETH, n;

	memset(r, 0, sizeof(*r));
	memset(&w, 0, sizeof(w));
	w.p = p;
	w.cap = caplen;
	w.end = caplen;
	w.r = r;
	for (n = 0; n < WALK_MAX_LAYERS && st != S_DONE; n++) {
		switch (st) {
		case S_ETH:
			if (!have(&w, 14)) {
				st = stop(&w, "short ethernet");
				break;
			}
			layer(&w, "eth");
			w.type = rd16(p + w.off + 12);
			w.off += 14;
			st = S_ETYPE;
			break;
		case S_ETYPE: st = walk_etype(&w); break;
		case S_MPLS: st = walk_mpls(&w); break;
		case S_IPV4: st = walk_ipv4(&w); break;
		case S_IPV6: st = walk_ipv6(&w); break;
		case S_L4: st = walk_l4(&w); break;
		default: st = S_DONE; break;
		}
	}
	if (st != S_DONE && !r->stop)
		r->stop = "too many layers";
}

const char *walk_sum_name(enum walk_sum what)
{
	static const char *const names[] = {
		[WALK_IPV4] = "ipv4", [WALK_TCP] = "tcp", [WALK_UDP] = "udp",
		[WALK_ICMP] = "icmp", [WALK_ICMPV6] = "icmpv6",
		[WALK_IGMP] = "igmp", [WALK_GRE] = "gre", [WALK_SCTP] = "sctp",
	};

	return names[what];
}
