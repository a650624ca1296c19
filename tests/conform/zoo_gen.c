// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The zoo of device bugs for `ofl conform` (tests/conform/zoo.sh).
 *
 * zoo_gen OUTDIR writes, for each scenario, the input a device gets and the
 * output a conforming device gives (lib/gro, lib/gso, the checksums, lib/rss
 * queue placement), then the same output spoiled the way a real device or
 * driver has spoiled it (docs/CONFORM.md lists where each bug comes from).
 * OUTDIR/zoo.txt has one line per case:
 *   NAME|ofl conform arguments (files relative to OUTDIR)|expected rule
 * An empty rule means the case must conform (the unspoiled outputs).
 * Frames are built and their checksums computed here, with code of its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/rss.h>

#define FMAX 70000
#define NF 64

static const char *outdir;
static FILE *manifest;

/* ---- frames ---- */

struct fp {
	int v6, udp, vxlan, srv6;
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;		/* TCP flags */
	uint16_t id, win, urg;
	uint8_t ttl, tos;	/* tos: IPv4 TOS or IPv6 traffic class */
	uint32_t flow;		/* IPv6 flow label */
	int df, ts, sack;
	uint32_t tsval;
	uint32_t plen;
	uint32_t pbase;		/* payload byte i is (pbase + i) * 7 */
	uint8_t host;		/* last address byte of the source */
};

struct frame {
	uint8_t d[FMAX];
	uint32_t len;
};

static uint32_t sum16(const uint8_t *p, uint32_t n, uint32_t s)
{
	uint32_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	return s;
}

static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static uint32_t get16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

/* Offsets of a built frame. */
struct lay {
	uint32_t ol3, ol4;	/* outer IP, outer UDP (VXLAN) or 0 */
	uint32_t l3, l4, pay;
	int v6, udp;
	const uint8_t *pdst;	/* pseudo-header destination */
};

/* Fixes the checksums of the frame at @f laid out as @y (IPv4 headers,
 * L4, outer UDP); @skip names one not to touch: 1 IPv4, 2 L4, 3 outer. */
static void fix(struct frame *f, const struct lay *y, int skip)
{
	uint8_t *d = f->d;
	uint32_t l4len = f->len - y->l4, s;

	if (!y->v6 && skip != 1) {
		d[y->l3 + 10] = d[y->l3 + 11] = 0;
		put16(d + y->l3 + 10, fold(sum16(d + y->l3, 20, 0)));
	}
	if (y->ol3 && skip != 1) {
		d[y->ol3 + 10] = d[y->ol3 + 11] = 0;
		put16(d + y->ol3 + 10, fold(sum16(d + y->ol3, 20, 0)));
	}
	if (skip != 2) {
		uint32_t c = y->l4 + (y->udp ? 6 : 16);

		d[c] = d[c + 1] = 0;
		if (y->v6)
			s = sum16(d + y->l3 + 8, 16, 0) +
			    sum16(y->pdst, 16, 0);
		else
			s = sum16(d + y->l3 + 12, 8, 0);
		s += l4len + (y->udp ? 17 : 6);
		s = sum16(d + y->l4, l4len, s);
		s = fold(s);
		if (y->udp && !s)
			s = 0xffff;
		put16(d + c, s);
	}
	if (y->ol4 && skip != 3) {
		uint32_t ul = f->len - y->ol4;

		d[y->ol4 + 6] = d[y->ol4 + 7] = 0;
		s = sum16(d + y->ol3 + 12, 8, 0) + ul + 17;
		s = fold(sum16(d + y->ol4, ul, s));
		put16(d + y->ol4 + 6, s ? s : 0xffff);
	}
}

static uint32_t eth(uint8_t *d, int v6)
{
	static const uint8_t mac[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };

	memcpy(d, mac, 12);
	put16(d + 12, v6 ? 0x86dd : 0x0800);
	return 14;
}

static uint32_t ip4(uint8_t *d, const struct fp *p, uint32_t len,
		    uint8_t proto, uint8_t a, uint8_t b)
{
	d[0] = 0x45;
	d[1] = p->tos;
	put16(d + 2, len);
	put16(d + 4, p->id);
	put16(d + 6, p->df ? 0x4000 : 0);
	d[8] = p->ttl ? p->ttl : 64;
	d[9] = proto;
	d[10] = d[11] = 0;
	d[12] = 198; d[13] = 18; d[14] = a; d[15] = p->host ? p->host : 1;
	d[16] = 198; d[17] = 18; d[18] = b; d[19] = 2;
	return 20;
}

/* Builds the frame @p into @f; returns the layout. */
static struct lay build(struct frame *f, const struct fp *p)
{
	static uint8_t dst6[16];
	uint8_t *d = f->d;
	struct lay y;
	uint32_t o = eth(d, p->v6 && !p->vxlan), thl, i, l4len;

	memset(&y, 0, sizeof(y));
	y.udp = p->udp;
	thl = p->udp ? 8 : 20 + (p->ts ? 12 : 0) + (p->sack ? 12 : 0);
	l4len = thl + p->plen;
	if (p->vxlan) {
		/* outer IPv4/UDP/VXLAN, inner Ethernet */
		y.ol3 = o;
		o += ip4(d + o, p, 20 + 8 + 8 + 14 + 20 + l4len, 17, 10, 10);
		y.ol4 = o;
		put16(d + o, 49152u + p->sport % 1000);
		put16(d + o + 2, 4789);
		put16(d + o + 4, 8 + 8 + 14 + 20 + l4len);
		o += 8;
		memset(d + o, 0, 8);
		d[o] = 0x08;
		d[o + 6] = 42;
		o += 8;
		o += eth(d + o, 0);
	}
	y.l3 = o;
	y.v6 = p->v6 && !p->vxlan;
	if (y.v6) {
		uint32_t ext = p->srv6 ? 40 : 0;

		put32(d + o, 6u << 28 | (uint32_t)p->tos << 20 |
			     (p->flow & 0xfffff));
		put16(d + o + 4, ext + l4len);
		d[o + 6] = p->srv6 ? 43 : p->udp ? 17 : 6;
		d[o + 7] = p->ttl ? p->ttl : 64;
		memset(d + o + 8, 0, 32);
		d[o + 8] = 0x20; d[o + 9] = 0x01; d[o + 10] = 0x0d;
		d[o + 11] = 0xb8;
		memcpy(d + o + 24, d + o + 8, 4);
		d[o + 23] = p->host ? p->host : 1;
		d[o + 39] = 2;
		y.pdst = d + o + 24;
		o += 40;
		if (p->srv6) {
			/* SRH: segments left 1, list[0] = final 2001:db8::99,
			 * list[1] = the current destination (2001:db8::2) */
			d[o] = p->udp ? 17 : 6;
			d[o + 1] = 4;
			d[o + 2] = 4;
			d[o + 3] = 1;
			d[o + 4] = 1;
			d[o + 5] = d[o + 6] = d[o + 7] = 0;
			memcpy(d + o + 8, d + y.l3 + 24, 16);
			d[o + 8 + 15] = 0x99;
			memcpy(d + o + 24, d + y.l3 + 24, 16);
			memcpy(dst6, d + o + 8, 16);
			y.pdst = dst6;
			o += 40;
		}
	} else {
		o += ip4(d + o, p, 20 + l4len, p->udp ? 17 : 6, 0, 0);
	}
	y.l4 = o;
	put16(d + o, p->sport);
	put16(d + o + 2, p->dport);
	if (p->udp) {
		put16(d + o + 4, l4len);
	} else {
		uint32_t k = o + 20;

		put32(d + o + 4, p->seq);
		put32(d + o + 8, p->ack);
		d[o + 12] = (uint8_t)((thl / 4) << 4);
		d[o + 13] = p->flags;
		put16(d + o + 14, p->win ? p->win : 502);
		put16(d + o + 18, p->urg);
		if (p->ts) {
			d[k] = 1; d[k + 1] = 1; d[k + 2] = 8; d[k + 3] = 10;
			put32(d + k + 4, p->tsval);
			put32(d + k + 8, 12345);
			k += 12;
		}
		if (p->sack) {
			d[k] = 1; d[k + 1] = 1; d[k + 2] = 5; d[k + 3] = 10;
			put32(d + k + 4, p->ack + 5000);
			put32(d + k + 8, p->ack + 6000);
		}
	}
	o += thl;
	y.pay = o;
	for (i = 0; i < p->plen; i++)
		d[o + i] = (uint8_t)((p->pbase + i) * 7 + (p->pbase >> 11));
	f->len = o + p->plen;
	fix(f, &y, 0);
	return y;
}

/* The layout of a frame built by build() with the same @p. */
static struct lay layout(struct frame *f, const struct fp *p)
{
	static struct frame tmp;
	struct lay y = build(&tmp, p);

	(void)f;
	if (y.pdst && y.v6 && !p->srv6)
		y.pdst = f->d + y.l3 + 24;
	return y;
}

/* ---- files ---- */

static FILE *pcap_open(const char *name)
{
	static const uint8_t hdr[24] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0,
					 0, 0, 0, 0, 0, 0, 0, 0,
					 0, 0, 4, 0, 1, 0, 0, 0 };
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", outdir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(hdr, 1, 24, f) != 24) {
		perror(path);
		exit(1);
	}
	return f;
}

static void pcap_put(FILE *f, const struct frame *fr)
{
	static uint32_t t;
	uint32_t h[4] = { 1, t++, fr->len, fr->len };

	if (fwrite(h, 4, 4, f) != 4 || fwrite(fr->d, 1, fr->len, f) != fr->len)
		exit(1);
}

static void pcap_close(FILE *f)
{
	if (fclose(f))
		exit(1);
}

static void write_set(const char *file, struct frame *fr, int n)
{
	FILE *f = pcap_open(file);
	int i;

	for (i = 0; i < n; i++)
		pcap_put(f, &fr[i]);
	pcap_close(f);
}

static void zoo(const char *name, const char *args, const char *rule)
{
	fprintf(manifest, "%s|%s|%s\n", name, args, rule ? rule : "");
}

/* ---- GRO ---- */

static struct frame sent[NF], recv_[NF];
static int nsent, nrecv;

/* A TCP flow of @n segments of 1000 bytes, PSH on the last. */
static void flow(struct fp *b, int n)
{
	int i;

	nsent = n;
	for (i = 0; i < n; i++) {
		struct fp p = *b;

		p.seq = b->seq + (uint32_t)i * b->plen;
		p.id = (uint16_t)(b->id + i);
		p.pbase = p.seq;
		if (i == n - 1)
			p.flags |= 0x08;
		build(&sent[i], &p);
	}
}

static void gro_lib(uint32_t max_size)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt pk[2 * NF + OFL_GRO_MAX_FLOWS];
	struct ofl_gro_opts o = { .sz = sizeof(o), .gro_max_size = max_size,
				  .gro_ipv4_max_size = max_size };
	struct ofl_gro_frame f[NF];
	const uint8_t *fr[NF];
	uint32_t lens[NF];
	int i, k, m;

	ofl_gro_init(&ctx, sizeof(ctx), &o);
	for (i = 0; i < nsent; i++) {
		f[i].data = sent[i].d;
		f[i].len = sent[i].len;
		f[i].hash = 0;
		f[i].id = (uint32_t)i;
		f[i].ip_summed = OFL_CHECKSUM_NONE;
		f[i].csum = 0;
		f[i].csum_start = 0;
		f[i].vlan_proto = 0;
		f[i].vlan_tci = 0;
		f[i].reserved = 0;
		fr[i] = sent[i].d;
		lens[i] = sent[i].len;
	}
	k = ofl_gro_receive_burst(&ctx, f, (unsigned int)nsent, pk,
				  2 * NF + OFL_GRO_MAX_FLOWS);
	m = ofl_gro_flush(&ctx, pk + k, OFL_GRO_MAX_FLOWS);
	nrecv = 0;
	for (i = 0; i < k + m; i++) {
		int len = ofl_gro_pkt_linearize(&pk[i], fr, lens,
						(uint32_t)nsent,
						recv_[nrecv].d, FMAX, 1);

		if (len < 0)
			exit(1);
		recv_[nrecv++].len = (uint32_t)len;
	}
}

/* What a device that merges sent[a..b] into one packet delivers. */
static void merge(struct frame *o, const struct lay *y, int a, int b)
{
	int i;
	uint8_t fl = 0;

	o->len = y->pay;
	memcpy(o->d, sent[a].d, y->pay);
	for (i = a; i <= b; i++) {
		uint32_t pay = y->l4 + (uint32_t)(sent[i].d[y->l4 + 12] >> 4) * 4;

		memcpy(o->d + o->len, sent[i].d + pay, sent[i].len - pay);
		o->len += sent[i].len - pay;
		fl = sent[i].d[y->l4 + 13];
	}
	o->d[y->l4 + 13] |= fl & 0x09;
	if (y->v6)
		put16(o->d + y->l3 + 4, o->len - y->l3 - 40);
	else
		put16(o->d + y->l3 + 2, o->len - y->l3);
	fix(o, y, 0);
}

static void gro_case(const char *name, const char *opts, const char *rule)
{
	char a[128], b[128], args[512];

	snprintf(a, sizeof(a), "%s.sent.pcap", name);
	snprintf(b, sizeof(b), "%s.recv.pcap", name);
	write_set(a, sent, nsent);
	write_set(b, recv_, nrecv);
	snprintf(args, sizeof(args), "gro %s%s%s %s", opts, *opts ? " " : "",
		 a, b);
	zoo(name, args, rule);
}

static struct fp base4(void)
{
	struct fp p;

	memset(&p, 0, sizeof(p));
	p.sport = 40000;
	p.dport = 80;
	p.seq = 1000000;
	p.ack = 7000;
	p.flags = 0x10;
	p.id = 100;
	p.df = 1;
	p.ts = 1;
	p.tsval = 555;
	p.plen = 1000;
	return p;
}

/* Field mutations of the one merged packet (recv_[0]). */
enum fmut { M_TOTLEN, M_IPCSUM, M_PSH, M_FIN, M_IPID, M_TCPCSUM, M_PAYLOAD,
	    M_WINDOW, M_TTL, M_ECN };

static void gro_field(const char *name, struct fp b, enum fmut m,
		      const char *rule)
{
	struct frame *o = &recv_[0];
	struct lay y;

	flow(&b, 8);
	if (m == M_FIN) {
		struct fp p = b;

		p.seq = b.seq + 7 * b.plen;
		p.id = (uint16_t)(b.id + 7);
		p.pbase = p.seq;
		p.flags |= 0x09;
		build(&sent[7], &p);
	}
	gro_lib(0);
	y = layout(o, &b);
	switch (m) {
	case M_TOTLEN:
		if (y.v6)
			put16(o->d + y.l3 + 4, get16(o->d + y.l3 + 4) - 1000);
		else
			put16(o->d + y.l3 + 2, get16(o->d + y.l3 + 2) - 1000);
		fix(o, &y, 2);
		break;
	case M_IPCSUM:
		o->d[y.l3 + 11] ^= 0x5a;
		break;
	case M_PSH:
	case M_FIN:
		o->d[y.l4 + 13] &= (uint8_t)~(m == M_PSH ? 0x08 : 0x01);
		fix(o, &y, 0);
		break;
	case M_IPID:
		put16(o->d + y.l3 + 4, b.id + 7);
		fix(o, &y, 0);
		break;
	case M_TCPCSUM:
		o->d[y.l4 + 17] ^= 0x33;
		break;
	case M_PAYLOAD: {
		uint8_t t[1000];

		memcpy(t, o->d + y.pay + 1000, 1000);
		memcpy(o->d + y.pay + 1000, o->d + y.pay + 2000, 1000);
		memcpy(o->d + y.pay + 2000, t, 1000);
		fix(o, &y, 0);
		break;
	}
	case M_WINDOW:
		put16(o->d + y.l4 + 14, 509);
		fix(o, &y, 0);
		break;
	case M_TTL:
		o->d[y.l3 + (y.v6 ? 7 : 8)]--;
		fix(o, &y, 0);
		break;
	case M_ECN:
		if (y.v6)
			o->d[y.l3 + 1] |= 0x30;
		else
			o->d[y.l3 + 1] |= 3;
		fix(o, &y, 0);
		break;
	}
	gro_case(name, "", rule);
}

/* Segment @k of the flow changed by @m; the device merges all 8 anyway. */
enum xmut { X_PSH, X_URG, X_CWR, X_TS, X_OPT, X_TOS, X_ECN, X_TTL, X_DF,
	    X_IPID, X_GAP, X_ACK, X_FLAGS, X_SHORT, X_LONG, X_FLOWLBL,
	    X_HOPLIM, X_MAXSIZE, X_WINDOW, X_NONE };

static void gro_across(const char *name, struct fp b, enum xmut m,
		       const char *rule)
{
	struct fp p;
	struct lay y;
	int i, k = 4, n = 8;
	uint32_t seq = b.seq;

	nsent = 0;
	for (i = 0; i < n; i++) {
		p = b;
		p.seq = seq;
		p.id = (uint16_t)(b.id + i);
		if (i == n - 1)
			p.flags |= 0x08;
		if (i == k - 1) {
			if (m == X_PSH) p.flags |= 0x08;
			if (m == X_URG) { p.flags |= 0x20; p.urg = 10; }
			if (m == X_SHORT) p.plen = 500;
		}
		if (i == k) {
			switch (m) {
			case X_CWR: p.flags |= 0x80; break;
			case X_TS: p.tsval++; break;
			case X_OPT: p.sack = 1; break;
			case X_TOS: p.tos = 0x28; break;
			case X_ECN: p.tos = 0x03; break;
			case X_TTL: p.ttl = 63; break;
			case X_DF: p.df = 0; break;
			case X_IPID: p.id = (uint16_t)(p.id + 100); break;
			case X_ACK: p.ack += 1000; break;
			case X_FLAGS: p.flags |= 0x40; break;
			case X_LONG: p.plen = 1200; break;
			case X_FLOWLBL: p.flow = 0x12345; break;
			case X_HOPLIM: p.ttl = 63; break;
			case X_WINDOW: p.win = 600; break;
			default: break;
			}
		}
		if (m == X_GAP && i == k) {
			seq += p.plen;	/* this segment never reaches the
					 * device: the next one follows */
			continue;
		}
		p.pbase = p.seq;
		build(&sent[nsent++], &p);
		seq += p.plen;
	}
	y = layout(&recv_[0], &b);
	merge(&recv_[0], &y, 0, nsent - 1);
	nrecv = 1;
	gro_case(name, m == X_MAXSIZE ? "--gro-max-size 4000" : "", rule);
}

static void gro_zoo(void)
{
	struct fp b4 = base4(), b6 = base4();

	b6.v6 = 1;
	/* the unspoiled outputs conform */
	flow(&b4, 8);
	gro_lib(0);
	gro_case("gro_ok_v4", "", NULL);
	flow(&b6, 8);
	gro_lib(0);
	gro_case("gro_ok_v6", "", NULL);
	flow(&b4, 8);
	gro_lib(4000);
	gro_case("gro_ok_max_size", "--gro-max-size 4000", NULL);

	gro_field("gro_tot_len", b4, M_TOTLEN, "inet_gro_complete: tot_len");
	gro_field("gro_v6_payload_len", b6, M_TOTLEN,
		  "ipv6_gro_complete: payload_len");
	gro_field("gro_ip_csum", b4, M_IPCSUM,
		  "inet_gro_complete: IPv4 header checksum");
	gro_field("gro_psh_lost", b4, M_PSH,
		  "tcp_gro_receive: PSH and FIN of the last segment");
	gro_field("gro_fin_lost", b4, M_FIN,
		  "tcp_gro_receive: PSH and FIN of the last segment");
	gro_field("gro_ipid_last", b4, M_IPID,
		  "inet_gro_receive: IPv4 ID of the first segment");
	gro_field("gro_tcp_csum", b4, M_TCPCSUM,
		  "tcp4_gro_complete: TCP checksum");
	gro_field("gro_v6_tcp_csum", b6, M_TCPCSUM,
		  "tcp6_gro_complete: TCP checksum");
	gro_field("gro_payload_order", b4, M_PAYLOAD,
		  "skb_gro_receive: payload in sequence order");
	gro_field("gro_window_rewritten", b4, M_WINDOW,
		  "skb_gro_receive: headers of the first segment");
	gro_field("gro_ttl_rewritten", b4, M_TTL,
		  "skb_gro_receive: headers of the first segment");
	gro_field("gro_ecn_rewritten", b6, M_ECN,
		  "skb_gro_receive: headers of the first segment");

	gro_across("lro_across_psh", b4, X_PSH,
		   "tcp_gro_receive: PSH ends the flow");
	gro_across("lro_across_urg", b4, X_URG,
		   "tcp_gro_receive: URG is never merged");
	gro_across("lro_across_cwr", b4, X_CWR,
		   "tcp_gro_receive: CWR is never merged");
	gro_across("lro_across_tsval", b4, X_TS,
		   "tcp_gro_receive: TCP options must match");
	gro_across("lro_across_option", b4, X_OPT,
		   "tcp_gro_receive: TCP options must match");
	gro_across("lro_across_dscp", b4, X_TOS,
		   "inet_gro_flush: TOS (DSCP and ECN) must match");
	gro_across("lro_across_ecn", b4, X_ECN,
		   "inet_gro_flush: TOS (DSCP and ECN) must match");
	gro_across("lro_across_ttl", b4, X_TTL,
		   "inet_gro_flush: TTL must match");
	gro_across("lro_across_df", b4, X_DF, "inet_gro_flush: DF must match");
	gro_across("lro_across_ipid_jump", b4, X_IPID,
		   "inet_gro_flush: IPv4 ID must increment by 1 (or stay fixed "
		   "with DF)");
	gro_across("lro_across_seq_gap", b4, X_GAP,
		   "tcp_gro_receive: sequence numbers must be contiguous");
	gro_across("lro_across_ack", b4, X_ACK,
		   "tcp_gro_receive: ack_seq must match");
	gro_across("lro_across_ece", b4, X_FLAGS,
		   "tcp_gro_receive: TCP flags must match");
	gro_across("lro_across_short", b4, X_SHORT,
		   "tcp_gro_receive: a segment shorter than gso_size ends the "
		   "flow");
	gro_across("lro_across_long", b4, X_LONG,
		   "tcp_gro_receive: a segment longer than gso_size ends the "
		   "flow");
	gro_across("lro_across_flowlabel", b6, X_FLOWLBL,
		   "ipv6_gro_receive: traffic class and flow label must match");
	gro_across("lro_across_hoplimit", b6, X_HOPLIM,
		   "ipv6_gro_receive: hop limit must match");
	gro_across("lro_across_window", b4, X_WINDOW,
		   "tcp_gro_receive: window must match (tcp_flag_word)");
	gro_across("lro_over_gro_max_size", b4, X_MAXSIZE,
		   "skb_gro_receive: gro_max_size");
}

/* ---- GSO ---- */

static struct frame wire[NF];
static int nwire;

static void gso_lib(const struct frame *s, uint16_t mss)
{
	static uint8_t out[NF * FMAX / 8];
	uint32_t lens[NF];
	struct ofl_gso_meta m;
	struct ofl_gso_frag fr = { .data = s->d, .len = s->len };
	uint32_t pos = 0;
	int n, i;

	if (ofl_gso_meta_from_frame(s->d, s->len, mss, &m))
		exit(1);
	n = ofl_gso_segment(&fr, 1, &m, 0, out, sizeof(out), lens, NF);
	if (n < 0)
		exit(1);
	for (i = 0; i < n; i++) {
		memcpy(wire[i].d, out + pos, lens[i]);
		wire[i].len = lens[i];
		pos += lens[i];
	}
	nwire = n;
}

enum gmut { G_NONE, G_IPID_FIXED, G_CWR_ALL, G_PSH_ALL, G_FIN_ALL, G_TOTLEN,
	    G_IPCSUM, G_TCPCSUM, G_SEQ, G_PAYLOAD, G_MSS, G_INNER_CSUM,
	    G_OUTER_LEN, G_INNER_IPID, G_UDP_LEN, G_OUTER_CSUM };

static void gso_case(const char *name, struct fp p, enum gmut m,
		     const char *rule)
{
	struct frame *s = &sent[0];
	char a[128], b[128], args[512];
	struct lay y;
	int i;

	p.pbase = p.seq;
	p.plen = 8000;
	if (m == G_CWR_ALL)
		p.flags |= 0x80;
	if (m == G_PSH_ALL)
		p.flags |= 0x08;
	if (m == G_FIN_ALL)
		p.flags |= 0x01;
	build(s, &p);
	gso_lib(s, 1000);
	if (m == G_MSS)
		gso_lib(s, 1400);
	for (i = 0; i < nwire; i++) {
		struct frame *w = &wire[i];

		y = layout(w, &p);
		switch (m) {
		case G_IPID_FIXED:
			put16(w->d + y.l3 + 4, p.id);
			fix(w, &y, 0);
			break;
		case G_CWR_ALL:
			w->d[y.l4 + 13] |= 0x80;
			fix(w, &y, 0);
			break;
		case G_PSH_ALL:
		case G_FIN_ALL:
			w->d[y.l4 + 13] |= m == G_PSH_ALL ? 0x08 : 0x01;
			fix(w, &y, 0);
			break;
		case G_TOTLEN:
			if (i == 1) {
				if (y.v6)
					put16(w->d + y.l3 + 4, 8000 + 32);
				else
					put16(w->d + y.l3 + 2, 8000 + 52);
				fix(w, &y, 2);
			}
			break;
		case G_IPCSUM:
			if (i == 2)
				w->d[y.l3 + 10] ^= 0x11;
			break;
		case G_TCPCSUM:
		case G_INNER_CSUM:
			if (i == 3)
				w->d[y.l4 + (y.udp ? 6 : 16)] ^= 0x11;
			if (i == 3 && m == G_INNER_CSUM)
				fix(w, &y, 2);
			break;
		case G_SEQ:
			if (i == 2) {
				put32(w->d + y.l4 + 4, p.seq + 1000);
				fix(w, &y, 0);
			}
			break;
		case G_PAYLOAD:
			if (i == 4) {
				w->d[y.pay + 17] ^= 0xff;
				fix(w, &y, 0);
			}
			break;
		case G_OUTER_LEN:
			put16(w->d + y.ol4 + 4, get16(w->d + y.ol4 + 4) + 7000);
			fix(w, &y, 0);
			break;
		case G_OUTER_CSUM:
			if (i == 1)
				w->d[y.ol4 + 7] ^= 0x10;
			break;
		case G_INNER_IPID:
			put16(w->d + y.l3 + 4, p.id);
			fix(w, &y, 0);
			break;
		case G_UDP_LEN:
			if (i == 0) {
				put16(w->d + y.l4 + 4, 8008);
				fix(w, &y, 0);
			}
			break;
		default:
			break;
		}
	}
	snprintf(a, sizeof(a), "%s.super.pcap", name);
	snprintf(b, sizeof(b), "%s.wire.pcap", name);
	write_set(a, sent, 1);
	write_set(b, wire, nwire);
	snprintf(args, sizeof(args), "gso --mss 1000 %s %s", a, b);
	zoo(name, args, rule);
}

static void gso_zoo(void)
{
	struct fp b4 = base4(), b6 = base4(), bu = base4(), bv = base4();

	b6.v6 = 1;
	bu.udp = 1;
	bu.dport = 4433;
	bv.vxlan = 1;
	b4.ts = b6.ts = bv.ts = 0;
	gso_case("gso_ok_v4", b4, G_NONE, NULL);
	gso_case("gso_ok_v6", b6, G_NONE, NULL);
	gso_case("gso_ok_udp", bu, G_NONE, NULL);
	gso_case("gso_ok_vxlan", bv, G_NONE, NULL);
	gso_case("tso_ipid_not_incremented", b4, G_IPID_FIXED,
		 "inet_gso_segment: IPv4 ID increments per segment");
	gso_case("tso_cwr_every_segment", b4, G_CWR_ALL,
		 "tcp_gso_segment: CWR only on the first segment");
	gso_case("tso_psh_every_segment", b4, G_PSH_ALL,
		 "tcp_gso_segment: PSH and FIN only on the last segment");
	gso_case("tso_fin_every_segment", b6, G_FIN_ALL,
		 "tcp_gso_segment: PSH and FIN only on the last segment");
	gso_case("tso_tot_len_of_super", b4, G_TOTLEN,
		 "inet_gso_segment: tot_len");
	gso_case("tso6_payload_len_of_super", b6, G_TOTLEN,
		 "ipv6_gso_segment: payload_len");
	gso_case("tso_ip_csum", b4, G_IPCSUM,
		 "inet_gso_segment: IPv4 header checksum");
	gso_case("tso_tcp_csum", b4, G_TCPCSUM,
		 "tcp_gso_segment: TCP checksum");
	gso_case("tso_seq_not_advanced", b4, G_SEQ,
		 "tcp_gso_segment: seq advances by gso_size");
	gso_case("tso_payload_corrupt", b6, G_PAYLOAD,
		 "skb_segment: payload in order");
	gso_case("tso_wrong_mss", b4, G_MSS,
		 "tcp_gso_segment: every segment but the last carries "
		 "gso_size bytes");
	gso_case("tso_vxlan_inner_csum", bv, G_INNER_CSUM,
		 "tcp_gso_segment: inner TCP checksum (tunnel)");
	gso_case("tso_vxlan_outer_udp_len", bv, G_OUTER_LEN,
		 "__skb_udp_tunnel_segment: outer UDP length");
	gso_case("tso_vxlan_outer_udp_csum", bv, G_OUTER_CSUM,
		 "__skb_udp_tunnel_segment: outer UDP checksum");
	gso_case("tso_vxlan_inner_ipid", bv, G_INNER_IPID,
		 "inet_gso_segment: inner IPv4 ID increments per segment");
	gso_case("uso_udp_len_of_super", bu, G_UDP_LEN,
		 "__udp_gso_segment: UDP length");
	gso_case("uso_udp_csum", bu, G_TCPCSUM,
		 "__udp_gso_segment: UDP checksum");
}

/* ---- checksums ---- */

static void csum_case(const char *name, struct fp p, int how,
		      const char *rule)
{
	char a[128], args[256];
	struct frame *f = &sent[0];
	struct lay y;

	p.plen = 300;
	y = build(f, &p);
	switch (how) {
	case 1:	/* SRv6: the pseudo-header with the SRH's current dest */
		y.pdst = f->d + y.l3 + 24;
		fix(f, &y, 0);
		break;
	case 2:	/* UDP over IPv6: 0 */
		f->d[y.l4 + 6] = f->d[y.l4 + 7] = 0;
		break;
	case 3: {	/* CHECKSUM_PARTIAL left: the pseudo-header sum */
		uint32_t s = sum16(f->d + y.l3 + 12, 8, 0) + f->len - y.l4 + 6;

		s = fold(s);
		put16(f->d + y.l4 + 16, (uint16_t)~s);
		break;
	}
	case 4:
		f->d[y.l3 + 10] ^= 0x01;
		break;
	default:
		break;
	}
	snprintf(a, sizeof(a), "%s.pcap", name);
	write_set(a, sent, 1);
	snprintf(args, sizeof(args), "csum --tx %s", a);
	zoo(name, args, rule);
}

/* A pcapng with a comment per packet: the device's receive verdicts. */
static void csum_rx_case(const char *name, int spoil, const char *rule)
{
	static const uint8_t shb[28] = {
		0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a,
		1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		28, 0, 0, 0 };
	static const uint8_t idb[20] = { 1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0,
					 0, 0, 4, 0, 20, 0, 0, 0 };
	static const char com[] = "TP_STATUS_CSUM_VALID";
	struct fp p = base4();
	char path[512], args[256];
	struct lay y;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%s/%s.pcapng", outdir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(shb, 1, 28, f) != 28 || fwrite(idb, 1, 20, f) != 20)
		exit(1);
	for (i = 0; i < 3; i++) {
		uint32_t h[7], pad, olen, blen, z = 0;
		struct frame *fr = &sent[0];
		uint16_t oc[2] = { 1, sizeof(com) - 1 };

		p.seq += 300;
		p.plen = 300;
		p.pbase = p.seq;
		y = build(fr, &p);
		/* frame 2 is spoiled; the device's verdict: i != 1 or spoil */
		if (i == 1)
			fr->d[y.l4 + 17] ^= 0x40;
		pad = (4 - fr->len % 4) % 4;
		olen = (i != 1 || spoil) ? 4 + 20 + 4 : 4;
		blen = 28 + fr->len + pad + olen + 4;
		h[0] = 6; h[1] = blen; h[2] = 0; h[3] = 0; h[4] = (uint32_t)i;
		h[5] = fr->len; h[6] = fr->len;
		if (fwrite(h, 4, 7, f) != 7 ||
		    fwrite(fr->d, 1, fr->len, f) != fr->len ||
		    fwrite(&z, 1, pad, f) != pad)
			exit(1);
		if (olen > 4 && (fwrite(oc, 2, 2, f) != 2 ||
				 fwrite(com, 1, 20, f) != 20))
			exit(1);
		if (fwrite(&z, 4, 1, f) != 1 || fwrite(&blen, 4, 1, f) != 1)
			exit(1);
	}
	if (fclose(f))
		exit(1);
	snprintf(args, sizeof(args), "csum --rx %s.pcapng", name);
	zoo(name, args, rule);
}

static void csum_zoo(void)
{
	struct fp b4 = base4(), s6 = base4(), u6 = base4();

	s6.v6 = 1;
	s6.srv6 = 1;
	u6.v6 = 1;
	u6.udp = 1;
	csum_case("csum_ok_v4", b4, 0, NULL);
	csum_case("csum_ok_srv6", s6, 0, NULL);
	csum_case("csum_srv6_segment_not_final", s6, 1,
		  "csum_ipv6_magic: the pseudo-header takes the SRv6 final "
		  "destination (segment list[0])");
	csum_case("csum_udp6_zero", u6, 2,
		  "udp6_csum_init: a zero UDP checksum is invalid over IPv6 (a "
		  "computed 0 is sent as 0xffff)");
	csum_case("csum_partial_not_completed", b4, 3,
		  "skb_checksum_help: CHECKSUM_PARTIAL must be completed");
	csum_case("csum_ipv4_header", b4, 4,
		  "ip_send_check: IPv4 header checksum");
	csum_rx_case("csum_rx_ok", 0, NULL);
	csum_rx_case("csum_rx_valid_on_bad", 1,
		     "tcp_checksum_complete: TCP checksum");
}

/* ---- RSS ---- */

static const char rss_key_hex[] =
	"6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c"
	"6a42b73bbeac01fa";

enum rmut { R_NONE, R_2TUPLE, R_SYM, R_SWAP, R_DEFTABLE, R_PORTS };

static void rss_case(const char *name, enum rmut m, const char *rule)
{
	static struct ofl_rss ctx;
	uint8_t key[40];
	FILE *q[4];
	char a[4][64], args[2048], indir[512];
	size_t k = 0;
	int i, j;
	uint32_t l4 = OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_TCP) |
		      OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_UDP) |
		      OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_TCP) |
		      OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_UDP);
	uint32_t types = m == R_PORTS ? OFL_RSS_HASH_DEFAULT & ~l4 :
					OFL_RSS_HASH_DEFAULT;

	for (i = 0; i < 40; i++) {
		unsigned int v;

		sscanf(rss_key_hex + 2 * i, "%2x", &v);
		key[i] = (uint8_t)v;
	}
	ofl_rss_init(&ctx, sizeof(ctx), key, 40);
	for (i = 0; i < 4; i++) {
		snprintf(a[i], sizeof(a[i]), "%s.q%d.pcap", name, i);
		q[i] = pcap_open(a[i]);
	}
	/* indirection table: 0 1 2 3 3 2 1 0 ... (not the default) */
	for (i = 0; i < 8; i++)
		k += (size_t)snprintf(indir + k, sizeof(indir) - k, "%s%d",
				      i ? "," : "", (i & 4) ? 3 - (i & 3) :
							      i & 3);
	for (j = 0; j < 32; j++) {
		struct fp p = base4();
		struct ofl_rss_flow f;
		struct frame *fr = &sent[0];
		uint32_t h, qq;
		int t, sw = m == R_SWAP;
		unsigned int xf = m == R_SYM ? OFL_RSS_XFRM_SYM_XOR : 0;
		uint32_t ty = m == R_2TUPLE ? types & ~l4 :
			      m == R_PORTS ? types | l4 : types;

		p.v6 = j & 1;
		p.udp = (j >> 1) & 1;
		p.sport = (uint16_t)(10000 + 37 * j);
		p.dport = (uint16_t)(80 + j);
		p.host = (uint8_t)(1 + j);
		p.plen = 100;
		build(fr, &p);
		memset(&f, 0, sizeof(f));
		f.family = p.v6 ? 6 : 4;
		f.proto = p.udp ? 17 : 6;
		f.flags = OFL_RSS_FLOW_PORTS;
		if (p.v6) {
			memcpy(sw ? f.dst : f.src, fr->d + 22, 16);
			memcpy(sw ? f.src : f.dst, fr->d + 38, 16);
			memcpy(sw ? f.dport : f.sport, fr->d + 54, 2);
			memcpy(sw ? f.sport : f.dport, fr->d + 56, 2);
		} else {
			memcpy(sw ? f.dst : f.src, fr->d + 26, 4);
			memcpy(sw ? f.src : f.dst, fr->d + 30, 4);
			memcpy(sw ? f.dport : f.sport, fr->d + 34, 2);
			memcpy(sw ? f.sport : f.dport, fr->d + 36, 2);
		}
		h = ofl_rss_hash_flow(&ctx, &f, ty, xf, &t);
		qq = m == R_DEFTABLE ? h % 4 :
		     (uint32_t)(((h % 8) & 4) ? 3 - ((h % 8) & 3) : (h % 8) & 3);
		pcap_put(q[qq], fr);
	}
	for (i = 0; i < 4; i++)
		pcap_close(q[i]);
	snprintf(args, sizeof(args), "rss --key %s --indir %s%s %s %s %s %s",
		 rss_key_hex, indir, m == R_PORTS ? " --hash-fields sd" : "",
		 a[0], a[1], a[2], a[3]);
	zoo(name, args, rule);
}

static void rss_zoo(void)
{
	rss_case("rss_ok", R_NONE, NULL);
	rss_case("rss_2tuple_for_tcp_udp", R_2TUPLE,
		 "toeplitz: TCP and UDP hash the 4-tuple (device hashed the "
		 "2-tuple)");
	rss_case("rss_symmetric_without_xfrm", R_SYM,
		 "ethtool_rxfh_config_is_sym: symmetric hashing only with "
		 "symmetric-xor (device hashed symmetrically)");
	rss_case("rss_src_dst_swapped", R_SWAP,
		 "toeplitz: source fields before destination fields (device "
		 "swapped them)");
	rss_case("rss_default_indir", R_DEFTABLE,
		 "ethtool_rxfh_indir_default: the indirection table given "
		 "(device used its default)");
	rss_case("rss_ports_not_claimed", R_PORTS,
		 "toeplitz: the fields claimed (device hashed the ports too)");
}

int main(int argc, char **argv)
{
	char path[512];

	if (argc != 2) {
		fprintf(stderr, "usage: zoo_gen OUTDIR\n");
		return 2;
	}
	outdir = argv[1];
	snprintf(path, sizeof(path), "%s/zoo.txt", outdir);
	manifest = fopen(path, "w");
	if (!manifest) {
		perror(path);
		return 1;
	}
	gro_zoo();
	gso_zoo();
	csum_zoo();
	rss_zoo();
	return fclose(manifest) ? 1 : 0;
}
