// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform gso --mss N [--profile P] SUPER WIRE
 *
 * Every super-frame handed to the device (SUPER) is cut by lib/gso as
 * Linux's software GSO cuts it with gso_size N (as `ofl gso` does: headers
 * from lib/parser, complete checksums); each segment Linux would send is
 * looked up among the frames that left the device (WIRE) by flow and TCP
 * sequence (UDP: in order within the flow) and compared field by field.
 * Every checksum on the wire must be complete and right. Frames of SUPER
 * not larger than N are expected on the wire unchanged but for checksums.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include "conform.h"
#include "csum_view.h"

#define GSO_CAP (OFL_GSO_MAX_SEGS * OFL_GSO_MAX_HDR + (1u << 18))

struct gso_cf {
	struct cf_cap s, w;
	struct cf_pkt *sp, *wp;
	uint8_t *used;
	long mss;
	uint8_t *out;
	uint32_t lens[OFL_GSO_MAX_SEGS];
	uint32_t nseg;		/* segments of the current super-frame */
	int tcp;
};

static const char *gso_field_rule(void *arg, unsigned int proto, int inner,
				  const char *field, const uint8_t *dv,
				  const uint8_t *lv)
{
	struct gso_cf *g = arg;

	(void)proto;
	if (g->nseg < 2)
		return "validate_xmit_skb: a frame not segmented leaves "
		       "unchanged";
	if (!strcmp(field, "ipv4.id"))
		return inner ? "inet_gso_segment: inner IPv4 ID increments "
			       "per segment" :
			       "inet_gso_segment: IPv4 ID increments per "
			       "segment";
	if (!strcmp(field, "ipv4.tot_len"))
		return "inet_gso_segment: tot_len";
	if (!strcmp(field, "ipv6.payload_len"))
		return "ipv6_gso_segment: payload_len";
	if (!strcmp(field, "tcp.seq"))
		return "tcp_gso_segment: seq advances by gso_size";
	if (!strcmp(field, "tcp.flags")) {
		if ((dv[0] ^ lv[0]) & 0x80)
			return "tcp_gso_segment: CWR only on the first segment";
		if ((dv[0] ^ lv[0]) & 0x09)
			return "tcp_gso_segment: PSH and FIN only on the last "
			       "segment";
		return "tcp_gso_segment: flags of the super-frame";
	}
	/* a UDP header in a TCP frame is a tunnel's outer one */
	if (!strcmp(field, "udp.len"))
		return g->tcp ? "__skb_udp_tunnel_segment: outer UDP length" :
				"__udp_gso_segment: UDP length";
	if (!strcmp(field, "payload") || !strcmp(field, "frame.len"))
		return "skb_segment: payload in order";
	return "skb_segment: headers copied from the super-frame";
}

/* Every checksum of wire frame @j must be complete and right. */
static void gso_csums(struct gso_cf *g, uint32_t j, struct cf_finding *t)
{
	static struct ofl_csum_view v;
	const uint8_t *d = g->w.d[j];
	uint32_t len = g->wp[j].end;
	int i;

	csum_view_frame(d, len, len, OFL_PROTO_ETH, 0, &v);
	for (i = 0; i < v.nchecks; i++) {
		const struct ofl_csum_check *c = &v.checks[i];
		int inner = c->off == g->wp[j].l4 || c->off == g->wp[j].l3;
		int tun = g->wp[j].key[79] != 0;
		struct cf_finding f = *t;
		struct ofl_csum_verdict res;
		const char *rule;

		if (cf_len_differs && c->kind != OFL_CSUM_KIND_IPV4)
			continue;
		ofl_csum_check_verify(d, d + len, c, &res);
		if (res.result != OFL_CSUM_BAD)
			continue;
		/* not segmented and unchanged: the device left it as given */
		if (g->nseg < 2 && c->field + 2 <= g->lens[0] &&
		    !memcmp(g->out + c->field, d + c->field, 2))
			continue;
		if (g->nseg < 2)
			rule = "skb_checksum_help: the checksum is completed";
		else if (c->kind == OFL_CSUM_KIND_IPV4)
			rule = "inet_gso_segment: IPv4 header checksum";
		else if (c->kind == OFL_CSUM_KIND_TCP)
			rule = tun ? "tcp_gso_segment: inner TCP checksum "
				     "(tunnel)" :
				     "tcp_gso_segment: TCP checksum";
		else if (c->kind == OFL_CSUM_KIND_UDP && inner && !g->tcp)
			rule = "__udp_gso_segment: UDP checksum";
		else if (c->kind == OFL_CSUM_KIND_UDP)
			rule = "__skb_udp_tunnel_segment: outer UDP checksum";
		else
			rule = "skb_segment: headers copied from the "
			       "super-frame";
		snprintf(f.field, sizeof(f.field), "%s%s.check",
			 tun && inner ? "inner." : "",
			 c->kind == OFL_CSUM_KIND_IPV4 ||
			 c->kind == OFL_CSUM_KIND_TCP ||
			 c->kind == OFL_CSUM_KIND_UDP ?
			 ofl_csum_kind_name(c->kind) : "l4");
		snprintf(f.dev, sizeof(f.dev), "0x%04x", res.stored);
		snprintf(f.lin, sizeof(f.lin), "0x%04x", res.computed);
		snprintf(f.rule, sizeof(f.rule), "%s", rule);
		cf_find(&f);
	}
}

/* The frame without Ethernet padding (as `ofl gso`). */
static size_t gso_trim(const uint8_t *p, size_t len,
		       const struct ofl_gso_meta *m)
{
	size_t n = m->network_off, ip;

	if (n + 40 > len)
		return len;
	if ((p[n] >> 4) == 4)
		ip = (size_t)(p[n + 2] << 8 | p[n + 3]);
	else
		ip = 40 + (size_t)(p[n + 4] << 8 | p[n + 5]);
	if (ip && n + ip < len && n + ip >= m->hdr_len)
		return n + ip;
	return len;
}

/* Cuts super-frame @i as Linux; returns the segment count (1: as is). */
static int gso_cut(struct gso_cf *g, uint32_t i)
{
	static struct ofl_parse_result pr;
	const uint8_t *d = g->s.d[i];
	size_t len = g->s.len[i];
	struct ofl_gso_meta m;
	struct ofl_gso_frag f;
	int n;

	if (len != g->s.wire[i])
		return -1;
	ofl_parse(d, d + len, OFL_PROTO_ETH, &pr, sizeof(pr));
	if (ofl_gso_meta_from_parse(&pr, sizeof(pr), d, len, (uint16_t)g->mss,
				    &m))
		goto whole;
	len = gso_trim(d, len, &m);
	if (len <= m.hdr_len || len - m.hdr_len <= (size_t)g->mss)
		goto whole;
	f.data = d;
	f.len = (uint32_t)len;
	f.reserved = 0;
	n = ofl_gso_segment(&f, 1, &m, 0, g->out, GSO_CAP, g->lens,
			    OFL_GSO_MAX_SEGS);
	if (n < 0) {
		cf_note("super #%u: lib/gso refuses it: %s", i + 1,
			ofl_strerror(n));
		return -1;
	}
	return n;
whole:
	memcpy(g->out, d, g->sp[i].end);
	g->lens[0] = g->sp[i].end;
	return 1;
}

/* The wire frame of segment @e: same flow and sequence; else (a device
 * that got the sequence wrong) the next unused frame of the flow after
 * the previous segment's. */
static long gso_find(struct gso_cf *g, const struct cf_pkt *e, long after)
{
	uint32_t j;

	for (j = 0; j < g->w.n; j++)
		if (!g->used[j] && g->wp[j].ok &&
		    !memcmp(g->wp[j].key, e->key, sizeof(e->key)) &&
		    (!e->tcp || (g->wp[j].seq == e->seq &&
				 (g->wp[j].plen > 0) == (e->plen > 0))))
			return j;
	if (after < 0)
		return -1;
	for (j = (uint32_t)after + 1; j < g->w.n; j++)
		if (!g->used[j] && g->wp[j].ok &&
		    !memcmp(g->wp[j].key, e->key, sizeof(e->key)))
			return j;
	return -1;
}

static void gso_one(struct gso_cf *g, uint32_t i)
{
	const struct cf_pkt *s = &g->sp[i];
	struct cf_finding t;
	size_t pos = 0;
	int n = gso_cut(g, i);
	long prev = -1;
	uint32_t k;

	if (n < 0)
		return;
	g->nseg = (uint32_t)n;
	g->tcp = s->tcp;
	cf_case("super #%u (%s) -> %d segment%s", i + 1, s->name, n,
		n == 1 ? "" : "s");
	for (k = 0; k < (uint32_t)n; pos += g->lens[k], k++) {
		struct cf_pkt e;
		long j;

		cf_pkt(g->out + pos, g->lens[k], &e);
		memset(&t, 0, sizeof(t));
		snprintf(t.flow, sizeof(t.flow), "%s", s->name);
		snprintf(t.a, sizeof(t.a), "%u seg %u/%d", i + 1, k + 1, n);
		j = gso_find(g, &e, prev);
		if (j < 0) {
			cf_note("super #%u segment %u/%d (%s seq %u): not on "
				"the wire", i + 1, k + 1, n, s->name, e.seq);
			continue;
		}
		g->used[j] = 1;
		prev = j;
		cf_range(t.b, sizeof(t.b), (uint32_t)j + 1, (uint32_t)j + 1);
		if (g->wp[j].plen != e.plen) {
			snprintf(t.field, sizeof(t.field), "segment.payload");
			snprintf(t.dev, sizeof(t.dev), "%u bytes",
				 g->wp[j].plen);
			snprintf(t.lin, sizeof(t.lin), "%u bytes", e.plen);
			snprintf(t.rule, sizeof(t.rule), "%s",
				 e.tcp ? "tcp_gso_segment: every segment but "
					 "the last carries gso_size bytes" :
					 "__udp_gso_segment: every segment but "
					 "the last carries gso_size bytes");
			cf_find(&t);
			return;
		}
		cf_compare(g->w.d[j], g->wp[j].end, g->out + pos, e.end, &t,
			   gso_field_rule, g);
		gso_csums(g, (uint32_t)j, &t);
	}
}

int conform_gso(int argc, char **argv, enum cf_mode mode)
{
	static struct gso_cf g;
	char stats[256];
	uint32_t i, extra = 0;
	int a, ret;
	char *e;

	memset(&g, 0, sizeof(g));
	g.mss = -1;
	for (a = 1; a < argc && !strncmp(argv[a], "--", 2); a++) {
		if (!strcmp(argv[a], "--mss") && a + 1 < argc) {
			g.mss = strtol(argv[++a], &e, 10);
			if (*e || g.mss < 1 || g.mss > 65535)
				g.mss = -2;
		} else if (!strcmp(argv[a], "--profile") && a + 1 < argc) {
			a++;	/* GSO is the same in every profile */
		} else {
			g.mss = -2;
		}
	}
	if (g.mss < 0 || argc - a != 2) {
		fprintf(stderr, "usage: ofl conform gso --mss N [--profile P] "
			"[--json|--ktap] SUPER.pcap WIRE.pcap\n");
		return CF_BADINPUT;
	}
	if (cf_load(&g.s, argv[a]))
		return CF_BADINPUT;
	if (cf_load(&g.w, argv[a + 1])) {
		cf_free(&g.s);
		return CF_BADINPUT;
	}
	g.sp = calloc(g.s.n + 1, sizeof(*g.sp));
	g.wp = calloc(g.w.n + 1, sizeof(*g.wp));
	g.used = calloc(g.w.n + 1, 1);
	g.out = malloc(GSO_CAP);
	if (!g.sp || !g.wp || !g.used || !g.out)
		return CF_BADINPUT;
	for (i = 0; i < g.s.n; i++)
		cf_pkt(g.s.d[i], g.s.len[i], &g.sp[i]);
	for (i = 0; i < g.w.n; i++)
		cf_pkt(g.w.d[i], g.w.len[i], &g.wp[i]);
	for (i = 0; i < g.s.n; i++)
		if (g.sp[i].ok && g.sp[i].plen)
			gso_one(&g, i);
	for (i = 0; i < g.w.n; i++)
		if (g.wp[i].ok && g.wp[i].plen && !g.used[i])
			extra++;
	if (extra)
		cf_note("%u wire frames with payload come from no super-frame "
			"(other traffic, or not in SUPER)", extra);
	snprintf(stats, sizeof(stats), "%u super-frames, %u wire frames, "
		 "mss %ld", g.s.n, g.w.n, g.mss);
	ret = cf_report(mode, "gso", stats);
	cf_free(&g.s);
	cf_free(&g.w);
	free(g.sp);
	free(g.wp);
	free(g.used);
	free(g.out);
	return ret;
}
