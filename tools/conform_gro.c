// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform gro [--profile P] [--gro-max-size N] SENT RECEIVED
 *
 * Every frame the device delivered (RECEIVED) is matched to the frames that
 * entered it (SENT) by flow and TCP sequence (UDP: by payload); those sent
 * frames go through lib/gro alone, in their order, in one burst. If Linux
 * merges them into the same one packet, the device's packet must equal it
 * field by field (checksums: complete, or the pseudo-header sum Linux
 * leaves with CHECKSUM_PARTIAL); if Linux would have ended the flow inside,
 * the device merged across a rule, and the first such boundary is named
 * with the kernel function that decides it. A device that merges less than
 * Linux is not faulted: Linux too delivers less when a poll ends early.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include "cli.h"
#include "conform.h"
#include "csum_view.h"

#define GRO_BUF 262144

struct gro_cf {
	struct cf_cap s, r;
	struct cf_pkt *sp, *rp;
	uint32_t *tl;		/* sent frames without Ethernet padding */
	uint8_t *used;		/* sent frame consumed by a match */
	uint32_t profile, max_size, flags;
	struct ofl_gro_ctx ctx;
	struct ofl_gro_pkt *pk;
	struct ofl_gro_frame *fr;
	uint32_t cap;
	uint8_t *buf;
	uint32_t blen;	/* bytes of buf: the last linearized delivery */
	int merged;		/* the expected delivery merged >1 segment */
	int v6;
};

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_URG 0x20
#define TH_CWR 0x80

/* The rule a differing field of a delivered packet breaks. */
static const char *gro_field_rule(void *arg, unsigned int proto, int inner,
				  const char *field, const uint8_t *dv,
				  const uint8_t *lv)
{
	struct gro_cf *g = arg;

	(void)proto;
	(void)inner;
	(void)dv;
	(void)lv;
	if (!g->merged)
		return "napi_gro_complete: a frame not merged is delivered "
		       "unchanged";
	if (!strcmp(field, "ipv4.tot_len"))
		return "inet_gro_complete: tot_len";
	if (!strcmp(field, "ipv6.payload_len"))
		return "ipv6_gro_complete: payload_len";
	if (!strcmp(field, "udp.len"))
		return "udp_gro_complete: UDP length";
	if (!strcmp(field, "tcp.flags"))
		return "tcp_gro_receive: PSH and FIN of the last segment";
	if (!strcmp(field, "ipv4.id"))
		return "inet_gro_receive: IPv4 ID of the first segment";
	if (!strcmp(field, "tcp.seq"))
		return "tcp_gro_receive: seq of the first segment";
	if (!strcmp(field, "payload") || !strcmp(field, "frame.len"))
		return "skb_gro_receive: payload in sequence order";
	return "skb_gro_receive: headers of the first segment";
}

static int same_key(const struct cf_pkt *a, const struct cf_pkt *b)
{
	return a->ok && b->ok && !memcmp(a->key, b->key, sizeof(a->key));
}

/* Runs the sent frames run[0..n) through lib/gro; returns deliveries. */
static int gro_lib(struct gro_cf *g, const uint32_t *run, uint32_t n)
{
	struct ofl_gro_opts o = { .sz = sizeof(o), .profile = g->profile,
				  .gro_max_size = g->max_size,
				  .gro_ipv4_max_size = g->max_size,
				  .flags = g->flags };
	uint32_t i;
	int k, m;

	if (2 * n + OFL_GRO_MAX_FLOWS > g->cap) {
		g->cap = 2 * n + OFL_GRO_MAX_FLOWS;
		g->pk = realloc(g->pk, g->cap * sizeof(*g->pk));
		g->fr = realloc(g->fr, g->cap * sizeof(*g->fr));
		if (!g->pk || !g->fr)
			abort();
	}
	if (ofl_gro_init(&g->ctx, sizeof(g->ctx), &o))
		return -1;
	for (i = 0; i < n; i++) {
		g->fr[i].data = g->s.d[run[i]];
		g->fr[i].len = g->sp[run[i]].end;
		g->fr[i].hash = 0;
		g->fr[i].id = run[i];
		/* the device saw the wire's checksums; a capture on the
		 * sender may hold CHECKSUM_PARTIAL ones */
		g->fr[i].ip_summed = OFL_CHECKSUM_UNNECESSARY;
		g->fr[i].csum = 0;
		g->fr[i].csum_start = 0;
		g->fr[i].vlan_proto = 0;
		g->fr[i].vlan_tci = 0;
		g->fr[i].reserved = 0;
	}
	k = ofl_gro_receive_burst(&g->ctx, g->fr, n, g->pk, g->cap);
	if (k < 0)
		return -1;
	m = ofl_gro_flush(&g->ctx, g->pk + k, g->cap - (uint32_t)k);
	return m < 0 ? -1 : k + m;
}

static uint32_t pk_last(const struct ofl_gro_pkt *p)
{
	uint32_t last = p->frame;
	uint16_t i;

	if (p->kind == OFL_GRO_PKT_MERGED)
		for (i = 0; i < p->nslices; i++)
			if (p->slice[i].frame > last)
				last = p->slice[i].frame;
	return last;
}

static uint32_t be16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

/* Why Linux ends the flow between sent frames @a (the last one it merged)
 * and @b (the next one of the flow); NULL if no rule explains it. */
static const char *gro_split(struct gro_cf *g, uint32_t f, uint32_t a,
			     uint32_t b, const struct ofl_gro_pkt *e)
{
	static struct ofl_parse_result ra, rb;
	const struct cf_pkt *pa = &g->sp[a], *pb = &g->sp[b], *pf = &g->sp[f];
	const uint8_t *da = g->s.d[a], *db = g->s.d[b];
	int i;

	if (pa->tcp) {
		if (pa->flags & TH_PSH)
			return "tcp_gro_receive: PSH ends the flow";
		if (pa->flags & TH_FIN)
			return "tcp_gro_receive: FIN ends the flow";
		if ((pa->flags | pb->flags) & TH_URG)
			return "tcp_gro_receive: URG is never merged";
		if ((pa->flags | pb->flags) & (TH_RST | TH_SYN))
			return "tcp_gro_receive: RST and SYN are never merged";
		if ((pb->flags & TH_CWR) && g->profile != OFL_GRO_PROFILE_7_0)
			return "tcp_gro_receive: CWR is never merged";
		if (pb->seq != pa->seq + pa->plen)
			return "tcp_gro_receive: sequence numbers must be "
			       "contiguous";
	}
	ofl_parse(da, da + pa->end, OFL_PROTO_ETH, &ra, sizeof(ra));
	ofl_parse(db, db + pb->end, OFL_PROTO_ETH, &rb, sizeof(rb));
	if (ra.nlayers != rb.nlayers)
		return "dev_gro_receive: headers must match";
	for (i = 0; i < ra.nlayers; i++) {
		const struct ofl_parse_layer *x = &ra.layers[i],
					     *y = &rb.layers[i];
		const uint8_t *h = da + x->offset, *k = db + y->offset;

		if (x->proto != y->proto || x->len != y->len)
			return x->proto == OFL_PROTO_TCP ?
			       "tcp_gro_receive: TCP options must match" :
			       "dev_gro_receive: headers must match";
		switch (x->proto) {
		case OFL_PROTO_ETH:
		case OFL_PROTO_VLAN:
			if (memcmp(h, k, x->len))
				return "dev_gro_receive: MAC headers must "
				       "match";
			break;
		case OFL_PROTO_IPV4: {
			uint32_t ia = be16(h + 4), ib = be16(k + 4);

			if (h[8] != k[8])
				return "inet_gro_flush: TTL must match";
			if (h[1] != k[1])
				return "inet_gro_flush: TOS (DSCP and ECN) "
				       "must match";
			if ((h[6] ^ k[6]) & 0x40)
				return "inet_gro_flush: DF must match";
			if (x->len > 20 && memcmp(h + 20, k + 20, x->len - 20u))
				return "inet_gro_receive: IP options must "
				       "match";
			if (((ib - ia) & 0xffff) != 1 &&
			    !(ia == ib && (h[6] & 0x40)))
				return "inet_gro_flush: IPv4 ID must "
				       "increment by 1 (or stay fixed with DF)";
			break;
		}
		case OFL_PROTO_IPV6:
			if (memcmp(h, k, 4))
				return "ipv6_gro_receive: traffic class and "
				       "flow label must match";
			if (h[7] != k[7])
				return "ipv6_gro_receive: hop limit must match";
			break;
		case OFL_PROTO_IPV6_HOPOPTS:
		case OFL_PROTO_IPV6_ROUTE:
		case OFL_PROTO_IPV6_DSTOPTS:
			if (memcmp(h, k, x->len))
				return "ipv6_gro_receive: extension headers "
				       "must match";
			break;
		case OFL_PROTO_TCP:
			if (memcmp(h + 8, k + 8, 4))
				return "tcp_gro_receive: ack_seq must match";
			if ((h[13] ^ k[13]) & ~(TH_CWR | TH_FIN | TH_PSH))
				return "tcp_gro_receive: TCP flags must match";
			if (memcmp(h + 14, k + 14, 2))
				return "tcp_gro_receive: window must match "
				       "(tcp_flag_word)";
			if (x->len > 20 && memcmp(h + 20, k + 20, x->len - 20u))
				return "tcp_gro_receive: TCP options must match";
			break;
		case OFL_PROTO_UDP:
			if (i + 1 < ra.nlayers &&
			    !(h[6] | h[7]) != !(k[6] | k[7]))
				return "udp_gro_receive: outer UDP checksum "
				       "presence must match";
			break;
		default:
			if (x->proto != OFL_PROTO_GRE && memcmp(h, k, x->len))
				return "dev_gro_receive: tunnel headers must "
				       "match";
			break;
		}
	}
	if (pb->plen > pf->plen)
		return pa->tcp ? "tcp_gro_receive: a segment longer than "
				 "gso_size ends the flow" :
				 "udp_gro_receive_segment: a datagram longer "
				 "than the first ends the flow";
	if (a != f && pa->plen < pf->plen)
		return pa->tcp ? "tcp_gro_receive: a segment shorter than "
				 "gso_size ends the flow" :
				 "udp_gro_receive_segment: a shorter datagram "
				 "ends the flow";
	/* skb_gro_receive: p->len (after the MAC header) + len */
	if (e->len - 14 + pb->plen >= (g->max_size ? g->max_size : 65536u))
		return "skb_gro_receive: gro_max_size";
	return NULL;
}

/* Judges the checksums of the device's packet @j; @e is Linux's. */
static void gro_csums(struct gro_cf *g, uint32_t j, uint32_t first,
		      struct cf_finding *t)
{
	static struct ofl_csum_view v;
	const uint8_t *d = g->r.d[j];
	uint32_t len = g->rp[j].end;
	int i;

	csum_view_frame(d, len, len, OFL_PROTO_ETH, 0, &v);
	for (i = 0; i < v.nchecks; i++) {
		const struct ofl_csum_check *c = &v.checks[i];
		struct ofl_csum_verdict res;
		struct cf_finding f = *t;
		const char *rule;

		if (cf_len_differs && c->kind != OFL_CSUM_KIND_IPV4)
			continue;
		/* a merged GRE frame keeps the first segment's GRE checksum
		 * (gre_gro_complete does not touch it) */
		if (g->merged && c->kind == OFL_CSUM_KIND_GRE)
			continue;
		ofl_csum_check_verify(d, d + len, c, &res);
		if (res.result != OFL_CSUM_BAD || (res.partial && g->merged))
			continue;
		/* 6.1's udp4/6_gro_complete seed a merged tunnel's outer
		 * UDP checksum with the inner IP header's address fields
		 * (ip_hdr(skb) is the inner one there), so once completed
		 * it does not verify: right when it is the 6.1 profile's
		 * bytes (lib/gro reproduces it; cf_compare compared them) */
		if (g->merged && c->kind == OFL_CSUM_KIND_UDP &&
		    c->off != g->rp[j].l4 &&
		    g->profile == OFL_GRO_PROFILE_6_1 &&
		    c->field + 2 <= g->blen &&
		    !memcmp(g->buf + c->field, d + c->field, 2))
			continue;
		/* rx-gro-list: the merged frame is CHECKSUM_UNNECESSARY
		 * and keeps the first frame's L4 checksum (fraglist branch
		 * of tcp4/6_gro_complete and udp4/6_gro_complete), so it
		 * does not verify over the whole: right when it is lib/gro's
		 * bytes (cf_compare compared them) */
		if (g->merged && (g->flags & OFL_GRO_F_FRAGLIST) &&
		    c->off == g->rp[j].l4 && c->field + 2 <= g->blen &&
		    !memcmp(g->buf + c->field, d + c->field, 2))
			continue;
		/* zero outer UDP checksum of a tunnel over IPv6: allowed
		 * (RFC 6935; udp6_csum_zero_error spares tunnel sockets) */
		if (c->kind == OFL_CSUM_KIND_UDP && !res.stored &&
		    c->off != g->rp[j].l4)
			continue;
		/* unchanged from what was sent: not the device's doing */
		if (!g->merged && c->field + 2 <= g->sp[first].end &&
		    !memcmp(g->s.d[first] + c->field, d + c->field, 2))
			continue;
		if (!g->merged)
			rule = "napi_gro_complete: a frame not merged is "
			       "delivered unchanged";
		else if (c->kind == OFL_CSUM_KIND_IPV4)
			rule = "inet_gro_complete: IPv4 header checksum";
		else if (c->kind == OFL_CSUM_KIND_TCP)
			rule = c->family == 6 ?
				       "tcp6_gro_complete: TCP checksum" :
				       "tcp4_gro_complete: TCP checksum";
		else if (c->kind == OFL_CSUM_KIND_UDP)
			rule = "udp_gro_complete: UDP checksum";
		else
			rule = "skb_gro_receive: headers of the first segment";
		snprintf(f.field, sizeof(f.field), "%s.check",
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

/* The sent frame where the device's packet @j starts, or -1. */
static long gro_start(struct gro_cf *g, uint32_t j)
{
	const struct cf_pkt *r = &g->rp[j];
	uint32_t i;

	for (i = 0; i < g->s.n; i++) {
		const struct cf_pkt *s = &g->sp[i];

		if (g->used[i] || !same_key(s, r))
			continue;
		if (r->tcp && s->seq == r->seq && (s->plen > 0) == (r->plen > 0))
			return i;
		if (!r->tcp && s->plen <= r->plen &&
		    !memcmp(g->s.d[i] + s->pay, g->r.d[j] + r->pay, s->plen))
			return i;
	}
	return -1;
}

static void gro_one(struct gro_cf *g, uint32_t j)
{
	const struct cf_pkt *r = &g->rp[j];
	struct cf_finding t;
	uint32_t *run, nrun = 0, cov = 0, i, last;
	const struct ofl_gro_pkt *e = NULL;
	const char *why;
	long s0 = gro_start(g, j);
	int n, k, len;

	if (s0 < 0) {
		cf_note("received #%u (%s): no sent frame of the flow starts "
			"it", j + 1, r->name);
		return;
	}
	run = malloc(g->s.n * sizeof(*run));
	if (!run)
		abort();
	for (i = (uint32_t)s0; i < g->s.n; i++) {
		if (g->used[i] || !same_key(&g->sp[i], r))
			continue;
		if (nrun && cov >= r->plen)
			break;
		run[nrun++] = i;
		cov += g->sp[i].plen;
	}
	if (cov != r->plen) {
		cf_note("received #%u (%s): %u payload bytes, the sent frames "
			"from #%ld give %u", j + 1, r->name, r->plen, s0 + 1,
			cov);
		free(run);
		return;
	}
	last = run[nrun - 1];
	memset(&t, 0, sizeof(t));
	snprintf(t.flow, sizeof(t.flow), "%s", r->name);
	cf_range(t.a, sizeof(t.a), (uint32_t)s0 + 1, last + 1);
	cf_range(t.b, sizeof(t.b), j + 1, j + 1);
	cf_case("received #%u (%s)", j + 1, r->name);
	n = gro_lib(g, run, nrun);
	for (k = 0; k < n; k++)
		if (g->pk[k].frame == (uint32_t)s0)
			e = &g->pk[k];
	for (i = 0; i < nrun; i++)
		g->used[run[i]] = 1;
	if (!e) {
		cf_note("received #%u: lib/gro did not deliver sent #%ld",
			j + 1, s0 + 1);
		free(run);
		return;
	}
	last = pk_last(e);
	if (last != run[nrun - 1]) {
		for (i = 0; i < nrun && run[i] != last; i++)
			;
		why = i + 1 < nrun ? gro_split(g, (uint32_t)s0, last,
					       run[i + 1], e) : NULL;
		if (!why) {
			cf_note("received #%u: Linux delivers sent #%ld-%u "
				"apart from #%u for a reason not named here",
				j + 1, s0 + 1, last + 1, run[i + 1] + 1);
			free(run);
			return;
		}
		snprintf(t.field, sizeof(t.field), "merge");
		snprintf(t.dev, sizeof(t.dev), "one packet of sent #%s",
			 t.a);
		snprintf(t.lin, sizeof(t.lin), "flow ends after sent #%u",
			 last + 1);
		snprintf(t.rule, sizeof(t.rule), "%s", why);
		cf_find(&t);
		free(run);
		return;
	}
	g->merged = e->kind == OFL_GRO_PKT_MERGED && e->gso_segs > 1;
	len = ofl_gro_pkt_linearize(e, (const uint8_t *const *)g->s.d, g->tl,
				    g->s.n, g->buf, GRO_BUF, 1);
	g->blen = len < 0 ? 0 : (uint32_t)len;
	if (len < 0) {
		cf_note("received #%u: %s", j + 1, ofl_strerror(len));
		free(run);
		return;
	}
	if (e->kind == OFL_GRO_PKT_FRAME && (uint32_t)len > g->sp[s0].end)
		len = (int)g->sp[s0].end;
	cf_compare(g->r.d[j], r->end, g->buf, (uint32_t)len, &t,
		   gro_field_rule, g);
	gro_csums(g, j, (uint32_t)s0, &t);
	free(run);
}

/* A frame that is not TCP/UDP over IP: Linux passes it up unchanged, so
 * it must equal a sent frame; 1 if it does not (not judged). */
static int gro_other(struct gro_cf *g, uint32_t j)
{
	uint32_t i;

	for (i = 0; i < g->s.n; i++)
		if (!g->used[i] && !g->sp[i].ok &&
		    g->sp[i].end == g->rp[j].end &&
		    !memcmp(g->s.d[i], g->r.d[j], g->rp[j].end)) {
			g->used[i] = 1;
			cf_case("received #%u (%s) passed up alone", j + 1,
				g->rp[j].name[0] ? g->rp[j].name : "not IP");
			return 0;
		}
	return 1;
}

static int gro_args(struct gro_cf *g, int argc, char **argv, int *a)
{
	int i = 1;
	char *e;

	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--profile")) {
			if (cli_profile("conform", "--profile", i + 1 < argc ?
					argv[i + 1] : NULL, &g->profile))
				return -1;
			i++;
		} else if (!strcmp(argv[i], "--gro-max-size") && i + 1 < argc) {
			unsigned long v = strtoul(argv[++i], &e, 10);

			if (*e || !v || v > OFL_GRO_MAX_SIZE)
				return -1;
			g->max_size = (uint32_t)v;
		} else if (!strcmp(argv[i], "--vxlan")) {
			g->flags |= OFL_GRO_F_VXLAN;
		} else if (!strcmp(argv[i], "--geneve")) {
			g->flags |= OFL_GRO_F_GENEVE;
		} else if (!strcmp(argv[i], "--udp-fwd")) {
			g->flags |= OFL_GRO_F_UDP_FWD;
		} else if (!strcmp(argv[i], "--no-iptun")) {
			g->flags |= OFL_GRO_F_NO_IPTUN;
		} else if (!strcmp(argv[i], "--fraglist")) {
			g->flags |= OFL_GRO_F_FRAGLIST;
		} else {
			return -1;
		}
	}
	*a = i;
	return argc - i == 2 ? 0 : -1;
}

int conform_gro(int argc, char **argv, enum cf_mode mode)
{
	static struct ofl_parse_cfg pc;
	static struct gro_cf g;
	char stats[256];
	uint32_t i, lost = 0, rest = 0;
	int a, ret;

	memset(&g, 0, sizeof(g));
	g.profile = cli_profile_running();
	if (gro_args(&g, argc, argv, &a)) {
		fprintf(stderr, "usage: ofl conform gro [--profile LINE] "
			"[--gro-max-size N] [--vxlan] [--geneve] "
			"[--udp-fwd] [--no-iptun] [--fraglist] [--json|--ktap] "
			"SENT.pcap "
			"RECEIVED.pcap\n");
		return CF_BADINPUT;
	}
	/* the tunnels GRO enters are the ones the flags name (a VXLAN
	 * socket, a GENEVE socket): flows are keyed at that depth */
	ofl_parse_cfg_init(&pc, sizeof(pc));
	memset(pc.udp_kind, OFL_PARSE_UDP_NONE, sizeof(pc.udp_kind));
	if (g.flags & OFL_GRO_F_VXLAN)
		ofl_parse_cfg_udp_add(&pc, 4789, OFL_PARSE_UDP_VXLAN);
	if (g.flags & OFL_GRO_F_GENEVE)
		ofl_parse_cfg_udp_add(&pc, 6081, OFL_PARSE_UDP_GENEVE);
	cf_parse_cfg = &pc;
	if (cf_load(&g.s, argv[a]))
		return CF_BADINPUT;
	if (cf_load(&g.r, argv[a + 1])) {
		cf_free(&g.s);
		return CF_BADINPUT;
	}
	g.sp = calloc(g.s.n + 1, sizeof(*g.sp));
	g.rp = calloc(g.r.n + 1, sizeof(*g.rp));
	g.used = calloc(g.s.n + 1, 1);
	g.tl = calloc(g.s.n + 1, sizeof(*g.tl));
	g.buf = malloc(GRO_BUF);
	if (!g.sp || !g.rp || !g.used || !g.tl || !g.buf)
		return CF_BADINPUT;
	for (i = 0; i < g.s.n; i++) {
		cf_pkt(g.s.d[i], g.s.len[i], &g.sp[i]);
		g.tl[i] = g.sp[i].end;
	}
	for (i = 0; i < g.r.n; i++)
		cf_pkt(g.r.d[i], g.r.len[i], &g.rp[i]);
	for (i = 0; i < g.r.n; i++) {
		if (!g.rp[i].ok) {
			rest += gro_other(&g, i);
			continue;
		}
		gro_one(&g, i);
	}
	for (i = 0; i < g.s.n; i++)
		if (g.sp[i].ok && g.sp[i].plen && !g.used[i])
			lost++;
	if (lost)
		cf_note("%u sent frames with payload are in no received "
			"packet (lost, or not in the capture)", lost);
	if (rest)
		cf_note("%u received frames are not TCP/UDP over IP and "
			"equal no sent frame (not judged)", rest);
	snprintf(stats, sizeof(stats), "%u sent, %u received frames", g.s.n,
		 g.r.n);
	ret = cf_report(mode, "gro", stats);
	cf_free(&g.s);
	cf_free(&g.r);
	free(g.sp);
	free(g.rp);
	free(g.used);
	free(g.tl);
	free(g.buf);
	free(g.pk);
	free(g.fr);
	return ret;
}
