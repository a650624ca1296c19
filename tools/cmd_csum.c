// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl csum [--json] FILE: verify every checksum of every frame of a capture
 * with lib/csum. The headers are found by lib/parser (ofl_parse()); what
 * each checksum covers is decided here. docs/TOOL.md describes the output.
 * Exit 0 when the file was read to the end, bad checksums or not; 1 on a
 * read error; 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/parser.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"
#include "csum_view.h"
#include "common/proto.h"	/* lib/'s protocol constants */

static const char *const sum_name[] = {
	[SUM_IPV4] = "ipv4", [SUM_TCP] = "tcp", [SUM_UDP] = "udp",
	[SUM_ICMP] = "icmp", [SUM_ICMPV6] = "icmpv6", [SUM_IGMP] = "igmp",
	[SUM_GRE] = "gre", [SUM_SCTP] = "sctp",
};

/*
 * The headers come from lib/parser (ofl_parse(): layers with offsets and
 * lengths); what a checksum covers is decided here, layer by layer, from
 * the length fields of the headers around it: the data a header claims must
 * fit in the data of the header around it (Linux drops the frame otherwise:
 * pppoe_rcv, ip_rcv_core, ipv6_rcv, __udp4_lib_rcv), the pseudo header
 * takes the final destination (RFC 8200 8.1) and the Mobile IPv6 home
 * address (RFC 6275 6.3), and a fragment ends the walk.
 */
struct vstate {
	const uint8_t *p;
	size_t cap;		/* captured bytes */
	size_t off;		/* current header */
	size_t end;		/* end of the current region as the headers
				 * claim it; may exceed cap (truncated) */
	int ipv6;
	int plen0;		/* IPv6 payload length 0: jumbo applies */
	int hdr_end;		/* end comes from a header, not the capture */
	int done;
	const char *bad;	/* non-NULL: later L4 sums are not checkable */
	const char *cut;	/* the header the parser stopped at, if known */
	const uint8_t *src, *dst;
	struct view *r;
};

/* "short <header>" for the header after an IP protocol / ethertype. */
static const char *short_ip(unsigned int nh)
{
	switch (nh) {
	case OFL_IPPROTO_IPIP: return "short ipv4";
	case OFL_IPPROTO_IPV6: return "short ipv6";
	case OFL_IPPROTO_GRE: return "short gre";
	case OFL_IPPROTO_HOPOPTS: case OFL_IPPROTO_ROUTING:
	case OFL_IPPROTO_FRAGMENT: case OFL_IPPROTO_DSTOPTS:
	case OFL_IPPROTO_AH:
		return "short extension header";
	default: return NULL;
	}
}

static const char *short_eth(unsigned int type)
{
	switch (type) {
	case OFL_ETH_P_IP: return "short ipv4";
	case OFL_ETH_P_IPV6: return "short ipv6";
	case OFL_ETH_P_8021Q: case OFL_ETH_P_8021AD: case OFL_ETH_P_QINQ1:
		return "short vlan";
	case OFL_ETH_P_MPLS_UC: case OFL_ETH_P_MPLS_MC: return "short mpls";
	case OFL_ETH_P_PPP_SES: return "short pppoe";
	case OFL_ETH_P_TEB: return "short ethernet";
	default: return NULL;
	}
}

static unsigned int rd16(const uint8_t *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

static void vstop(struct vstate *w, const char *why)
{
	if (!w->r->stop)
		w->r->stop = why;
	w->done = 1;
}

static void vlayer(struct vstate *w, const char *name)
{
	if (w->r->nlayers < VIEW_MAX_LAYERS)
		w->r->layers[w->r->nlayers++] = name;
}

/* Records a checksum at @field (relative) covering @len bytes from here. */
static void vcheck(struct vstate *w, enum sum_kind what, size_t field,
		   size_t len, size_t min)
{
	struct view_check *c;

	if (w->r->nchecks >= VIEW_MAX_CHECKS)
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
	else if (w->bad && what != SUM_IPV4)
		c->trunc = w->bad;
	else if (w->off + len > w->cap)
		c->trunc = "truncated";
}

static void set_end(struct vstate *w, size_t end, const char *bad)
{
	if (w->hdr_end && end > w->end)
		w->bad = bad;
	else
		w->end = end;
	w->hdr_end = 1;
}

/* Options of hop-by-hop / destination options headers that matter to the
 * checksum and that lib/parser walks but does not keep: the jumbo payload
 * length (RFC 2675) and the Mobile IPv6 home address, which replaces the
 * source in the pseudo header (RFC 6275 6.3). */
static void ip6opts(struct vstate *w, const uint8_t *h, size_t hl, int hbh)
{
	size_t i = 2;

	while (i < hl) {
		if (h[i] == OFL_IPV6_TLV_PAD1) {
			i++;
			continue;
		}
		if (i + 2 > hl || i + 2 + h[i + 1] > hl)
			return;
		/* the jumbo length counts from the end of the IPv6
		 * header, that is from this header */
		if (h[i] == OFL_IPV6_TLV_JUMBO && h[i + 1] == 4 && hbh &&
		    w->plen0 &&
		    ((size_t)rd16(h + i + 2) << 16 | rd16(h + i + 4)) >= hl)
			set_end(w, w->off + ((size_t)rd16(h + i + 2) << 16 |
					     rd16(h + i + 4)),
				"jumbo length exceeds outer header");
		if (h[i] == OFL_IPV6_TLV_HAO && h[i + 1] == 16)
			w->src = h + i + 2;
		else if (h[i] == OFL_IPV6_TLV_HAO) /* ipv6_dest_hao drops it */
			w->bad = "malformed home address option";
		i += 2u + h[i + 1];
	}
}

/* An L4 header with a checksum over everything to the region's end. */
static void l4sum(struct vstate *w, const char *name, enum sum_kind what,
		  size_t field, size_t min)
{
	if (w->off > w->end) {	/* a length shorter than the headers */
		vstop(w, "malformed length");
		return;
	}
	vlayer(w, name);
	vcheck(w, what, field, w->end - w->off, min);
	w->done = 1;
}

static void v_udp(struct vstate *w, const uint8_t *h)
{
	size_t ulen = rd16(h + 4);

	vlayer(w, "udp");
	if (ulen == 0 && w->end - w->off > 0xffff)
		ulen = w->end - w->off;	/* jumbogram (RFC 2675) */
	if (ulen < 8 || w->off + ulen > w->end) {
		vcheck(w, SUM_UDP, 6, 0, 8);
		vstop(w, "bad udp length");
		return;
	}
	set_end(w, w->off + ulen, NULL);
	vcheck(w, SUM_UDP, 6, ulen, 8);
}

/* IPv4 loose/strict source route (RFC 791) not yet at its end: the
 * pseudo header takes the final destination, the route's last address
 * (RFC 1122 4.1.3.4 / 4.2.3.2, as tshark and the destination host). */
static void v_ipv4_srr(struct vstate *w, const uint8_t *h, size_t ihl)
{
	size_t i = 20;

	while (i < ihl && h[i] != OFL_IPOPT_END) {
		size_t len;

		if (h[i] == OFL_IPOPT_NOOP) {
			i++;
			continue;
		}
		if (i + 2 > ihl || h[i + 1] < 2 || i + h[i + 1] > ihl)
			return;
		len = h[i + 1];
		if ((h[i] == OFL_IPOPT_LSRR || h[i] == OFL_IPOPT_SSRR) &&
		    len >= 7 &&
		    h[i + 2] <= len)
			w->dst = h + i + len - 4;
		i += len;
	}
}

static void v_ipv4(struct vstate *w, const uint8_t *h, size_t ihl)
{
	size_t tot = rd16(h + 2);

	vlayer(w, "ipv4");
	vcheck(w, SUM_IPV4, 10, ihl, 20);
	/* total length 0: a TSO/BIG TCP super-frame, length from the frame */
	if (tot && tot < ihl) {
		vstop(w, "bad ipv4 total length");
		return;
	}
	if (tot)
		set_end(w, w->off + tot, "ipv4 length exceeds outer header");
	if (rd16(h + 6) & (OFL_IP_MF | OFL_IP_OFFSET)) {
		vstop(w, "ipv4 fragment");
		return;
	}
	w->ipv6 = 0;
	w->src = h + 12;
	w->dst = h + 16;
	v_ipv4_srr(w, h, ihl);
}

static void v_ipv6(struct vstate *w, const uint8_t *h)
{
	size_t plen = rd16(h + 4);

	vlayer(w, "ipv6");
	if (plen)	/* 0: jumbogram or BIG TCP, length from the frame */
		set_end(w, w->off + 40 + plen,
			"ipv6 length exceeds outer header");
	w->ipv6 = 1;
	w->plen0 = plen == 0;
	w->src = h + 8;
	w->dst = h + 24;
}

static void v_route(struct vstate *w, const uint8_t *h, size_t hl)
{
	vlayer(w, h[2] == 4 ? "srh" : "rh");
	/* RFC 8200 8.1: the pseudo header takes the final destination:
	 * type 0 the last address, type 2 (MIPv6) and 4 (SRv6, list in
	 * reverse: what lib/parser keeps as srh_final) the first */
	if (h[3] && (h[2] == 2 || h[2] == 4) && hl >= 24)
		w->dst = h + 8;
	else if (h[3] && h[2] == 0 && h[1] >= 2)
		w->dst = h + 8 + 16 * (size_t)(h[1] / 2 - 1);
}

/* Is @proto reached through an IP protocol number (checked against the
 * region like the walk's L4 step)? */
static int after_ip(unsigned int proto)
{
	switch (proto) {
	case OFL_PROTO_ETH: case OFL_PROTO_VLAN: case OFL_PROTO_MPLS:
	case OFL_PROTO_PPPOE: case OFL_PROTO_ARP: case OFL_PROTO_VXLAN:
	case OFL_PROTO_GENEVE: case OFL_PROTO_ERSPAN:
		return 0;
	default:
		return 1;
	}
}

/* One layer of the parse at frame offset @off. */
static void v_layer(struct vstate *w, const struct ofl_parse_layer *l,
		    size_t off)
{
	const uint8_t *h = w->p + off;
	size_t hl = l->len;

	w->off = off;
	switch (l->proto) {
	case OFL_PROTO_TCP:
		l4sum(w, "tcp", SUM_TCP, 16, 20);
		return;
	case OFL_PROTO_ICMP:
		l4sum(w, "icmp", SUM_ICMP, 2, 4);
		return;
	case OFL_PROTO_ICMPV6:
		l4sum(w, "icmpv6", SUM_ICMPV6, 2, 4);
		return;
	case OFL_PROTO_IGMP:
		l4sum(w, "igmp", SUM_IGMP, 2, 4);
		return;
	case OFL_PROTO_SCTP:
		l4sum(w, "sctp", SUM_SCTP, 8, 12);
		return;
	default:
		break;
	}
	if (after_ip(l->proto) && off > w->end) {
		vstop(w, "malformed length");
		return;
	}
	if (off + hl > w->end) {	/* inside the frame, not the region */
		vstop(w, l->proto >= OFL_PROTO_IPV6_HOPOPTS &&
			 l->proto <= OFL_PROTO_AH ? "short extension header" :
			 "short header");
		return;
	}
	switch (l->proto) {
	case OFL_PROTO_ETH: vlayer(w, "eth"); break;
	case OFL_PROTO_VLAN: vlayer(w, "vlan"); break;
	case OFL_PROTO_MPLS: vlayer(w, "mpls"); break;
	case OFL_PROTO_ARP: vlayer(w, "arp"); break;
	case OFL_PROTO_VXLAN: vlayer(w, "vxlan"); break;
	case OFL_PROTO_GENEVE: vlayer(w, "geneve"); break;
	case OFL_PROTO_ERSPAN: vlayer(w, "erspan"); break;
	case OFL_PROTO_AH: vlayer(w, "ah"); break;
	case OFL_PROTO_ESP: vlayer(w, "esp"); break;
	case OFL_PROTO_PPPOE:
		vlayer(w, "pppoe");
		set_end(w, off + 6 + rd16(h + 4), "bad pppoe length");
		break;
	case OFL_PROTO_IPV4: v_ipv4(w, h, hl); break;
	case OFL_PROTO_IPV6: v_ipv6(w, h); break;
	case OFL_PROTO_IPV6_HOPOPTS:
		vlayer(w, "hbh");
		ip6opts(w, h, hl, 1);
		break;
	case OFL_PROTO_IPV6_DSTOPTS:
		vlayer(w, "dstopt");
		ip6opts(w, h, hl, 0);
		break;
	case OFL_PROTO_IPV6_ROUTE: v_route(w, h, hl); break;
	case OFL_PROTO_IPV6_FRAG:
		vlayer(w, "frag");
		if (rd16(h + 2) & (OFL_IP6_OFFSET | OFL_IP6_MF))
			vstop(w, "ipv6 fragment");
		break;
	case OFL_PROTO_UDP: v_udp(w, h); break;
	case OFL_PROTO_GRE:
		vlayer(w, "gre");
		if (rd16(h) & OFL_GRE_VERSION)
			vstop(w, "gre version 1");
		else if (rd16(h) & OFL_GRE_CSUM)
			vcheck(w, SUM_GRE, 4, w->end - off, 4);
		break;
	default:
		vstop(w, "unknown protocol");
		break;
	}
}

/*
 * Where lib/parser stopped without listing the next header: what the
 * layer before it says follows. A checksummed L4 header is still reported
 * (its checksum is then not checkable: truncated or malformed), as is an
 * ERSPAN header lib/parser refused (a version its GRE protocol does not
 * carry: the frame it carries is parsed again, as before the graph had
 * ERSPAN).
 * Returns the offset of an Ethernet frame to parse next, or 0.
 */
static size_t v_after(struct vstate *w, const struct ofl_parse_result *res,
		      size_t base)
{
	const struct ofl_parse_layer *l = &res->layers[res->nlayers - 1];
	const uint8_t *h = w->p + base + l->offset;
	size_t off = base + l->offset + l->len;
	unsigned int nh = 256, type = 0;

	switch (l->proto) {
	case OFL_PROTO_IPV4: nh = h[9]; break;
	case OFL_PROTO_IPV6: nh = h[6]; break;
	case OFL_PROTO_IPV6_HOPOPTS: case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS: case OFL_PROTO_IPV6_FRAG:
	case OFL_PROTO_AH:
		nh = h[0];
		break;
	/* bit 16: an ethertype follows (0 is one too) */
	case OFL_PROTO_GRE: type = 0x10000 | rd16(h + 2); break;
	case OFL_PROTO_ETH: type = 0x10000 | rd16(h + 12); break;
	case OFL_PROTO_VLAN: type = 0x10000 | rd16(h + 2); break;
	default: break;
	}
	if (l->proto == OFL_PROTO_UDP)
		w->cut = rd16(h + 2) == OFL_UDP_PORT_VXLAN ? "short vxlan" :
			 rd16(h + 2) == OFL_UDP_PORT_GENEVE ? "short geneve" :
			 NULL;
	else if (l->proto == OFL_PROTO_MPLS)
		w->cut = (h[2] & 1) ? "short ip" : "short mpls";
	else if (l->proto == OFL_PROTO_VXLAN)
		w->cut = "short ethernet";
	else
		w->cut = type ? short_eth(type & 0xffff) : short_ip(nh);
	w->off = off;
	switch (nh) {
	case OFL_IPPROTO_TCP: l4sum(w, "tcp", SUM_TCP, 16, 20); return 0;
	case OFL_IPPROTO_ICMP: l4sum(w, "icmp", SUM_ICMP, 2, 4); return 0;
	case OFL_IPPROTO_ICMPV6:
		l4sum(w, "icmpv6", SUM_ICMPV6, 2, 4);
		return 0;
	case OFL_IPPROTO_IGMP: l4sum(w, "igmp", SUM_IGMP, 2, 4); return 0;
	case OFL_IPPROTO_SCTP: l4sum(w, "sctp", SUM_SCTP, 8, 12); return 0;
	case OFL_IPPROTO_NONE: w->done = 1; return 0;
	case OFL_IPPROTO_UDP:
		/* behind a header the parser refused (bad options) */
		if (off > w->end)
			vstop(w, "malformed length");
		else if (off + 8 > w->cap || off + 8 > w->end)
			vstop(w, "short udp");
		else
			v_udp(w, w->p + off);
		w->done = 1;
		return 0;
	case 256: break;
	default:
		if (!res->error)
			vstop(w, "unknown protocol");
		return 0;
	}
	type &= 0xffff;
	if (type == OFL_ETH_P_ERSPAN || type == OFL_ETH_P_ERSPAN2) {
		const uint8_t *e = w->p + off;
		size_t el;

		if (off + 12 > w->cap || off + 12 > w->end ||
		    (type == 0x22eb && (e[11] & 1) &&
		     (off + 20 > w->cap || off + 20 > w->end))) {
			vstop(w, "short erspan");
			return 0;
		}
		vlayer(w, "erspan");
		el = type == 0x88be ? 8 : (e[11] & 1) ? 20 : 12;
		return off + el;
	}
	if (l->proto == OFL_PROTO_GRE || l->proto == OFL_PROTO_ETH ||
	    l->proto == OFL_PROTO_VLAN) {
		if (!res->error)
			vstop(w, "unknown ethertype");
	}
	return 0;
}

/*
 * Parses the @caplen captured bytes of a frame of @wirelen bytes into @r,
 * from @root at @base (after the link header). The frame's own length
 * (@wirelen, and then the lengths its headers claim) decides what a
 * checksum covers; a checksum covering more than was captured is
 * "unchecked (truncated)", never computed over the captured prefix.
 */
void view_frame(const uint8_t *p, size_t caplen, size_t wirelen,
		unsigned int root, size_t base, struct view *r)
{
	static struct ofl_parse_result res;
	struct vstate w;
	int seg, i;

	memset(r, 0, sizeof(*r));
	memset(&w, 0, sizeof(w));
	w.p = p;
	w.cap = caplen;
	w.end = wirelen > caplen ? wirelen : caplen;
	w.r = r;
	/* a second parse only for the frame inside ERSPAN */
	for (seg = 0; seg < 2 && !w.done; seg++) {
		size_t next;

		ofl_parse(p + base, p + caplen, seg ? OFL_PROTO_ETH : root,
			  &res, sizeof(res));
		for (i = 0; i < res.nlayers && !w.done; i++)
			v_layer(&w, &res.layers[i], base + res.layers[i].offset);
		if (w.done)
			break;
		if (!res.nlayers) {
			vstop(&w, res.error == OFL_ENODATA ? "short ethernet" :
				  ofl_strerror(res.error));
			break;
		}
		next = v_after(&w, &res, base);
		if (w.done)
			break;
		if (res.error)
			vstop(&w, res.error == OFL_ENODATA && w.cut ? w.cut :
				  ofl_strerror(res.error));
		if (!next)
			break;
		base = next;
	}
	w.done = 1;
}

static const char *const verdict_name[] = { "ok", "bad", "none", "unchecked" };

struct totals {
	unsigned long frames, checked, bad, none, unchecked;
	/* every frame is one of: all checked sums ok, a bad sum, nothing
	 * checkable (no checksum, or none could be checked) */
	unsigned long f_ok, f_bad, f_none;
};

/* A folded checksum in the kernel's __sum16 convention, as wire bytes. */
static uint16_t wire16(ofl_sum16 s)
{
	uint8_t b[2];

	memcpy(b, &s, 2);
	return (uint16_t)rd16(b);
}

static uint8_t l4proto(enum sum_kind what)
{
	switch (what) {
	case SUM_TCP: return 6;
	case SUM_UDP: return 17;
	case SUM_ICMPV6: return 58;
	default: return 0;
	}
}

/* The checksum over the pseudo header (if any) and the data, folded. */
static uint16_t l4fold(const struct view_check *c, ofl_wsum sum)
{
	ofl_be32 s, d;

	if (!l4proto(c->what))
		return wire16(ofl_csum_fold(sum));
	if (c->ipv6)
		return wire16(ofl_csum_ipv6_magic(c->src, c->dst,
						  (uint32_t)c->len,
						  l4proto(c->what), sum));
	memcpy(&s, c->src, 4);
	memcpy(&d, c->dst, 4);
	return wire16(ofl_csum_tcpudp_magic(s, d, (uint32_t)c->len,
					    l4proto(c->what), sum));
}

static void verify_ipv4(const uint8_t *p, const struct view_check *c,
			struct result *r)
{
	uint8_t h[60];

	memcpy(h, p + c->off, c->len);
	h[10] = h[11] = 0;
	r->computed = wire16(ofl_csum_ip_fast(h, (unsigned int)c->len / 4));
	r->has_computed = 1;
	r->v = ofl_csum_ip_fast(p + c->off, (unsigned int)c->len / 4) ?
	       V_BAD : V_OK;
}

static void verify_l4(const uint8_t *p, const struct view_check *c,
		      struct result *r)
{
	const uint8_t *h = p + c->off;
	size_t f = c->field - c->off;	/* even for every protocol here */
	ofl_wsum excl;

	excl = ofl_csum_partial(h, f, 0);
	excl = ofl_csum_partial(h + f + 2, c->len - f - 2, excl);
	r->computed = l4fold(c, excl);
	if (c->what == SUM_UDP && r->computed == 0)
		r->computed = 0xffff;	/* 0 is sent as all ones */
	r->has_computed = 1;
	r->v = l4fold(c, ofl_csum_partial(h, c->len, 0)) ? V_BAD : V_OK;
	if (c->what == SUM_UDP && r->stored == 0) {
		/* RFC 768: no checksum over IPv4; RFC 8200 8.1: not
		 * allowed over IPv6 (Linux drops it, udp6_csum_init) */
		r->v = c->ipv6 ? V_BAD : V_NONE;
		r->note = c->ipv6 ? "zero UDP checksum is invalid over IPv6" :
				    "zero: no UDP checksum";
	}
	/* CHECKSUM_PARTIAL, as before TSO/GSO: ~csum_fold(pseudo header) */
	if (r->v == V_BAD && l4proto(c->what) && r->stored &&
	    r->stored == (uint16_t)~l4fold(c, 0))
		r->partial = 1;
}

/* SCTP: CRC32c (RFC 9260 App. B); the stored value is little-endian on
 * the wire, as lib/csum's native-store value is. */
static void verify_sctp(const uint8_t *p, const struct view_check *c,
			struct result *r)
{
	const uint8_t *h = p + c->off;
	uint32_t v = ofl_csum_sctp(h, h + c->len);
	uint8_t b[4];

	memcpy(b, &v, 4);
	r->computed = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
		      (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	r->has_computed = 1;
	r->v = ofl_csum_sctp_verify(h, h + c->len) ? V_BAD : V_OK;
}

void verify(const uint8_t *p, size_t caplen,
	    const struct view_check *c, struct result *r)
{
	size_t fw = c->what == SUM_SCTP ? 4 : 2;

	memset(r, 0, sizeof(*r));
	r->v = V_UNCHECKED;
	if (c->field + fw > caplen) {
		r->note = "truncated";
		return;
	}
	if (c->what == SUM_SCTP) {
		r->stored = (uint32_t)p[c->field] | (uint32_t)p[c->field + 1]
			    << 8 | (uint32_t)p[c->field + 2] << 16 |
			    (uint32_t)p[c->field + 3] << 24;
		if (c->trunc || c->off + c->len > caplen) {
			r->note = c->trunc ? c->trunc : "truncated";
			return;
		}
		verify_sctp(p, c, r);
		return;
	}
	r->stored = (uint16_t)rd16(p + c->field);
	if (c->trunc || c->off + c->len > caplen) {
		r->note = c->trunc ? c->trunc : "truncated";
		return;
	}
	if (c->what == SUM_IPV4)
		verify_ipv4(p, c, r);
	else
		verify_l4(p, c, r);
}

static void print_human(unsigned long n, const struct view *w,
			const struct result *res)
{
	char lay[160];
	size_t used = 0;
	int i;

	lay[0] = 0;
	for (i = 0; i < w->nlayers && used < sizeof(lay); i++)
		used += (size_t)snprintf(lay + used, sizeof(lay) - used,
					 "%s%s", i ? "/" : "", w->layers[i]);
	printf("%5lu  %-34s", n, lay);
	if (!w->nchecks)
		printf("  (no checksum)");
	for (i = 0; i < w->nchecks; i++) {
		const struct result *r = &res[i];
		const char *what = sum_name[w->checks[i].what];

		switch (r->v) {
		case V_OK:
			printf("  %s ok", what);
			break;
		case V_BAD:
			if (r->partial)
				printf("  %s BAD(partial)", what);
			else
				printf(w->checks[i].what == SUM_SCTP ?
				       "  %s BAD(0x%08x, want 0x%08x)" :
				       "  %s BAD(0x%04x, want 0x%04x)", what,
				       r->stored, r->computed);
			break;
		case V_NONE:
			printf("  %s none", what);
			break;
		case V_UNCHECKED:
			printf("  %s unchecked", what);
			break;
		}
	}
	printf("\n");
}

static void print_json(unsigned long n, const struct view *w,
		       const struct result *res, int ok)
{
	int i;

	printf("{\"frame\":%lu,\"layers\":[", n);
	for (i = 0; i < w->nlayers; i++)
		printf("%s\"%s\"", i ? "," : "", w->layers[i]);
	printf("],\"checks\":[");
	for (i = 0; i < w->nchecks; i++) {
		const struct view_check *c = &w->checks[i];
		const struct result *r = &res[i];

		printf("%s{\"what\":\"%s\",\"offset\":%zu,\"field\":%zu,",
		       i ? "," : "", sum_name[c->what], c->off, c->field);
		printf(c->what == SUM_SCTP ? "\"stored\":\"0x%08x\"" :
		       "\"stored\":\"0x%04x\"", r->stored);
		if (r->has_computed)
			printf(c->what == SUM_SCTP ?
			       ",\"computed\":\"0x%08x\"" :
			       ",\"computed\":\"0x%04x\"", r->computed);
		printf(",\"ok\":%s,\"status\":\"%s\"",
		       r->v == V_OK ? "true" : r->v == V_BAD ? "false" : "null",
		       verdict_name[r->v]);
		if (r->partial)
			printf(",\"partial\":true");
		if (r->note)
			printf(",\"note\":\"%s\"", r->note);
		printf("}");
	}
	printf("],\"ok\":%s", ok ? "true" : "false");
	if (w->stop)
		printf(",\"note\":\"%s\"", w->stop);
	printf("}\n");
}

static void do_frame(const struct pcapio_frame *f, int json,
		     struct totals *t)
{
	const uint8_t *p = f->data;
	size_t len = f->caplen, base;
	struct view w;
	struct result res[VIEW_MAX_CHECKS];
	int i, ok = 1, checked = 0, err;
	unsigned int root = link_root(f->linktype, p, len, &base, &err);

	t->frames++;
	if (root) {
		view_frame(p, len, f->wirelen, root, base, &w);
	} else {
		memset(&w, 0, sizeof(w));
		w.stop = !link_supported(f->linktype) ? "link type not handled" :
			 err == OFL_ENODATA ? "short link header" :
			 "not IP";
	}
	for (i = 0; i < w.nchecks; i++) {
		verify(p, len, &w.checks[i], &res[i]);
		switch (res[i].v) {
		case V_BAD:
			ok = 0;
			t->bad++;
			/* fall through */
		case V_OK:
			t->checked++;
			checked = 1;
			break;
		case V_NONE:
			t->none++;
			break;
		case V_UNCHECKED:
			t->unchecked++;
			break;
		}
	}
	if (!ok)
		t->f_bad++;
	else if (checked)
		t->f_ok++;
	else
		t->f_none++;
	if (json)
		print_json(t->frames, &w, res, ok);
	else
		print_human(t->frames, &w, res);
}

int cmd_csum(int argc, char **argv)
{
	struct totals t = { 0 };
	struct pcapio_in *in;
	struct pcapio_frame f;
	const char *path = NULL;
	int i, json = 0, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("csum", "unknown option %s",
					       argv[i]);
		else if (path)
			return cli_usage_error("csum", "one FILE only");
		else
			path = argv[i];
	}
	if (!path)
		return cli_usage_error("csum", "FILE missing");
	in = pcapio_open(path);
	if (!in)
		return CLI_EREAD;
	if (pcapio_linktype(in) >= 0 && !link_supported(pcapio_linktype(in))) {
		fprintf(stderr, "ofl: %s: link type %d not handled (" LINK_NAMES
			")\n", path, pcapio_linktype(in));
		pcapio_close(in);
		return CLI_EREAD;
	}
	while ((r = pcapio_next(in, &f)) == 1) {
		do_frame(&f, json, &t);
		cli_progress("csum", in, t.frames);
	}
	cli_progress_done();
	pcapio_close(in);
	if (r < 0)
		return CLI_EREAD;
	if (json)
		printf("{\"summary\":{\"frames\":%lu,\"checked\":%lu,"
		       "\"bad\":%lu,\"none\":%lu,\"unchecked\":%lu,"
		       "\"frames_ok\":%lu,\"frames_bad\":%lu,"
		       "\"frames_unchecked\":%lu}}\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked,
		       t.f_ok, t.f_bad, t.f_none);
	else
		printf("%lu frames, %lu checksums checked, %lu bad"
		       " (%lu not present, %lu not checkable); frames: %lu ok,"
		       " %lu with a bad checksum, %lu with none checked\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked,
		       t.f_ok, t.f_bad, t.f_none);
	return CLI_OK;
}
