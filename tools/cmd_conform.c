// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform gro|gso|csum|rss [--json|--ktap] ...: hold a device's offload
 * output against Linux and name the rule it broke. This file: the command,
 * captures in memory, frame summaries, the field-by-field comparison and
 * the report. docs/CONFORM.md is the manual; the rules are named in
 * conform_{gro,gso,csum,rss}.c.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/parser.h>
#include "cmds.h"
#include "conform.h"
#include "pcapio.h"

/* ---- captures ---------------------------------------------------------- */

static int cf_push(struct cf_cap *c, uint32_t *cap, const uint8_t *d,
		   uint32_t len, uint32_t wire, uint64_t ts, uint8_t valid)
{
	if (c->n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		c->d = realloc(c->d, *cap * sizeof(*c->d));
		c->len = realloc(c->len, *cap * sizeof(*c->len));
		c->wire = realloc(c->wire, *cap * sizeof(*c->wire));
		c->ts = realloc(c->ts, *cap * sizeof(*c->ts));
		c->csum_valid = realloc(c->csum_valid, *cap);
		if (!c->d || !c->len || !c->wire || !c->ts || !c->csum_valid)
			return -1;
	}
	c->d[c->n] = malloc(len ? len : 1);
	if (!c->d[c->n])
		return -1;
	memcpy(c->d[c->n], d, len);
	c->len[c->n] = len;
	c->wire[c->n] = wire;
	c->ts[c->n] = ts;
	c->csum_valid[c->n] = valid;
	c->n++;
	return 0;
}

static uint32_t ng32(const uint8_t *p, int swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static uint8_t ng_verdict(const uint8_t *o, const uint8_t *end, int swap)
{
	while (o + 4 <= end) {
		uint16_t code, len;

		memcpy(&code, o, 2);
		memcpy(&len, o + 2, 2);
		if (swap) {
			code = __builtin_bswap16(code);
			len = __builtin_bswap16(len);
		}
		if (!code || o + 4 + len > end)
			break;
		if (code == 1) {
			char s[128];
			size_t n = len < sizeof(s) - 1 ? len : sizeof(s) - 1;

			memcpy(s, o + 4, n);
			s[n] = 0;
			if (strstr(s, "TP_STATUS_CSUM_VALID") ||
			    strstr(s, "csum_valid"))
				return 1;
			if (strstr(s, "csum_not_ready") ||
			    strstr(s, "csum_none"))
				return 2;
		}
		o += 4 + ((len + 3u) & ~3u);
	}
	return 0;
}

/* pcapng by hand: libpcap drops the options that carry device verdicts. */
static int cf_load_ng(struct cf_cap *c, const uint8_t *f, size_t n)
{
	uint32_t cap = 0, nif = 0;
	size_t at = 0;
	int swap = 0;

	while (at + 12 <= n) {
		uint32_t type = ng32(f + at, 0), blen;
		const uint8_t *b;

		if (type == 0x0a0d0d0a) {
			uint32_t bom;

			memcpy(&bom, f + at + 8, 4);
			swap = bom != 0x1a2b3c4d;
			nif = 0;
		}
		blen = ng32(f + at + 4, swap);
		if (blen < 12 || blen % 4 || blen > n - at) {
			fprintf(stderr, "ofl conform: %s: bad pcapng block\n",
				c->path);
			return -1;
		}
		b = f + at + 8;
		if (type == 1) {
			uint16_t lt;

			memcpy(&lt, b, 2);
			if (swap)
				lt = __builtin_bswap16(lt);
			if (lt != 1) {
				fprintf(stderr, "ofl conform: %s: link type "
					"%u, not Ethernet\n", c->path, lt);
				return -1;
			}
			nif++;
		} else if (type == 6 && blen >= 32) {
			uint32_t cl = ng32(b + 12, swap), ol = ng32(b + 16, swap);
			uint64_t ts = (uint64_t)ng32(b + 4, swap) << 32 |
				      ng32(b + 8, swap);

			if (cl > blen - 32 || !nif) {
				fprintf(stderr, "ofl conform: %s: bad pcapng "
					"packet block\n", c->path);
				return -1;
			}
			if (cf_push(c, &cap, b + 20, cl, ol, ts,
				    ng_verdict(b + 20 + ((cl + 3u) & ~3u),
					       f + at + blen - 4, swap)))
				return -1;
		} else if (type == 3 && blen >= 16) {
			uint32_t ol = ng32(b, swap);
			uint32_t cl = ol < blen - 16 ? ol : blen - 16;

			if (cf_push(c, &cap, b + 4, cl, ol, 0, 0))
				return -1;
		}
		at += blen;
	}
	return 0;
}

int cf_load(struct cf_cap *c, const char *path)
{
	struct pcapio_in *in;
	struct pcapio_frame fr;
	size_t len;
	uint32_t cap = 0;
	uint8_t magic[4] = { 0 };
	FILE *f;
	int r;

	memset(c, 0, sizeof(*c));
	c->path = path;
	f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	if (fread(magic, 1, 4, f) == 4 && !memcmp(magic, "\x0a\x0d\x0d\x0a", 4)) {
		uint8_t *buf = NULL;
		size_t n = 0, sz = 0;

		rewind(f);
		for (;;) {
			if (n == sz) {
				sz = sz ? sz * 2 : 1 << 20;
				buf = realloc(buf, sz);
				if (!buf)
					break;
			}
			len = fread(buf + n, 1, sz - n, f);
			if (!len)
				break;
			n += len;
		}
		fclose(f);
		r = buf ? cf_load_ng(c, buf, n) : -1;
		free(buf);
		if (r)
			cf_free(c);
		return r;
	}
	fclose(f);
	in = pcapio_open(path);
	if (!in)
		return -1;
	while ((r = pcapio_next(in, &fr)) == 1) {
		if (fr.linktype != 1) {
			fprintf(stderr, "ofl conform: %s: link type %d, not "
				"Ethernet\n", path, fr.linktype);
			r = -1;
			break;
		}
		if (cf_push(c, &cap, fr.data, (uint32_t)fr.caplen,
			    (uint32_t)fr.wirelen, fr.ts_usec, 0)) {
			r = -1;
			break;
		}
	}
	pcapio_close(in);
	if (r < 0) {
		cf_free(c);
		return -1;
	}
	return 0;
}

void cf_free(struct cf_cap *c)
{
	uint32_t i;

	for (i = 0; i < c->n; i++)
		free(c->d[i]);
	free(c->d);
	free(c->len);
	free(c->wire);
	free(c->ts);
	free(c->csum_valid);
	memset(c, 0, sizeof(*c));
}

/* ---- frames ------------------------------------------------------------ */

static void cf_addr(char *s, size_t n, const struct ofl_parse_flow *f,
		    const uint8_t *a)
{
	inet_ntop(f->family == 4 ? AF_INET : AF_INET6, a, s, (socklen_t)n);
}

void cf_pkt(const uint8_t *d, uint32_t len, struct cf_pkt *p)
{
	static struct ofl_parse_result r;
	const struct ofl_parse_flow *in;
	char s[48], t[48];
	size_t k = 0;

	memset(p, 0, sizeof(*p));
	p->end = len;
	if (cf_parse_cfg)
		ofl_parse_with(d, d + len, OFL_PROTO_ETH, cf_parse_cfg, &r,
			       sizeof(r));
	else
		ofl_parse(d, d + len, OFL_PROTO_ETH, &r, sizeof(r));
	in = ofl_parse_inner(&r);
	if (in->family != 4 && in->family != 6)
		return;
	p->family = in->family;
	p->l3 = in->l3_off;
	p->l4 = in->l4_off;
	/* Ethernet pads short frames: cut them at the IP length; a longer
	 * frame is taken whole, so that a wrong IP length shows */
	p->end = len <= 64 && r.outer.l3_end && r.outer.l3_end <= len ?
		 r.outer.l3_end : len;
	if (r.encap) {
		memcpy(p->key, r.outer.src, 16);
		memcpy(p->key + 16, r.outer.dst, 16);
		k = 32;
	}
	memcpy(p->key + k, in->src, 16);
	memcpy(p->key + k + 16, in->dst, 16);
	memcpy(p->key + k + 32, in->ports, 4);
	p->key[k + 36] = in->ip_proto;
	p->key[79] = (uint8_t)r.encap;
	cf_addr(s, sizeof(s), in, in->src);
	cf_addr(t, sizeof(t), in, in->dst);
	p->tcp = in->ip_proto == 6;
	p->udp = in->ip_proto == 17;
	if (in->has_ports)
		snprintf(p->name, sizeof(p->name), "%s:%u > %s:%u %s%s", s,
			 in->ports[0] << 8 | in->ports[1], t,
			 in->ports[2] << 8 | in->ports[3],
			 p->tcp ? "tcp" : p->udp ? "udp" : "l4",
			 r.encap ? " (tunnelled)" : "");
	else
		snprintf(p->name, sizeof(p->name), "%s > %s proto %u", s, t,
			 in->ip_proto);
	if (!in->l4_off || !(p->tcp || p->udp) || (in->frag & OFL_PARSE_FRAG_IS))
		return;
	if (p->tcp) {
		const uint8_t *h = d + in->l4_off;

		p->seq = (uint32_t)h[4] << 24 | (uint32_t)h[5] << 16 |
			 (uint32_t)h[6] << 8 | h[7];
		p->ack = (uint32_t)h[8] << 24 | (uint32_t)h[9] << 16 |
			 (uint32_t)h[10] << 8 | h[11];
		p->flags = h[13];
		p->pay = in->l4_off + (uint32_t)(h[12] >> 4) * 4;
	} else {
		p->pay = in->l4_off + 8u;
	}
	if (p->pay > p->end)
		return;
	p->plen = p->end - p->pay;
	p->ok = 1;
}

void cf_range(char *buf, size_t sz, uint32_t first, uint32_t last)
{
	if (first == last)
		snprintf(buf, sz, "%u", first);
	else
		snprintf(buf, sz, "%u-%u", first, last);
}

/* ---- field-by-field comparison ---------------------------------------- */

struct cf_field {
	uint8_t off, len;
	const char *name;
	uint8_t csum;	/* a checksum: judged by the caller */
};

static const struct cf_field f_eth[] = {
	{ 0, 6, "eth.dst", 0 }, { 6, 6, "eth.src", 0 },
	{ 12, 2, "eth.type", 0 }, { 0, 0, NULL, 0 } };
static const struct cf_field f_vlan[] = {
	{ 0, 2, "vlan.tci", 0 }, { 2, 2, "vlan.type", 0 }, { 0, 0, NULL, 0 } };
static const struct cf_field f_ipv4[] = {
	{ 0, 1, "ipv4.ihl", 0 }, { 1, 1, "ipv4.tos", 0 },
	{ 2, 2, "ipv4.tot_len", 0 }, { 4, 2, "ipv4.id", 0 },
	{ 6, 2, "ipv4.frag_off", 0 }, { 8, 1, "ipv4.ttl", 0 },
	{ 9, 1, "ipv4.protocol", 0 }, { 10, 2, "ipv4.check", 1 },
	{ 12, 4, "ipv4.saddr", 0 }, { 16, 4, "ipv4.daddr", 0 },
	{ 20, 40, "ipv4.options", 0 }, { 0, 0, NULL, 0 } };
static const struct cf_field f_ipv6[] = {
	{ 0, 4, "ipv6.flow", 0 }, { 4, 2, "ipv6.payload_len", 0 },
	{ 6, 1, "ipv6.nexthdr", 0 }, { 7, 1, "ipv6.hop_limit", 0 },
	{ 8, 16, "ipv6.saddr", 0 }, { 24, 16, "ipv6.daddr", 0 },
	{ 0, 0, NULL, 0 } };
static const struct cf_field f_tcp[] = {
	{ 0, 2, "tcp.source", 0 }, { 2, 2, "tcp.dest", 0 },
	{ 4, 4, "tcp.seq", 0 }, { 8, 4, "tcp.ack_seq", 0 },
	{ 12, 1, "tcp.doff", 0 }, { 13, 1, "tcp.flags", 0 },
	{ 14, 2, "tcp.window", 0 }, { 16, 2, "tcp.check", 1 },
	{ 18, 2, "tcp.urg_ptr", 0 }, { 20, 40, "tcp.options", 0 },
	{ 0, 0, NULL, 0 } };
static const struct cf_field f_udp[] = {
	{ 0, 2, "udp.source", 0 }, { 2, 2, "udp.dest", 0 },
	{ 4, 2, "udp.len", 0 }, { 6, 2, "udp.check", 1 }, { 0, 0, NULL, 0 } };
static const struct cf_field f_gre[] = {
	{ 0, 2, "gre.flags", 0 }, { 2, 2, "gre.protocol", 0 },
	{ 4, 2, "gre.check", 1 }, { 6, 250, "gre.fields", 0 },
	{ 0, 0, NULL, 0 } };
static const struct cf_field f_any[] = {
	{ 0, 255, NULL, 0 }, { 0, 0, NULL, 0 } };

static const struct cf_field *cf_fields(unsigned int proto)
{
	switch (proto) {
	case OFL_PROTO_ETH: return f_eth;
	case OFL_PROTO_VLAN: return f_vlan;
	case OFL_PROTO_IPV4: return f_ipv4;
	case OFL_PROTO_IPV6: return f_ipv6;
	case OFL_PROTO_TCP: return f_tcp;
	case OFL_PROTO_UDP: return f_udp;
	case OFL_PROTO_GRE: return f_gre;
	default: return f_any;
	}
}

static void cf_hex(char *s, size_t n, const uint8_t *p, uint32_t len)
{
	size_t k = 0;
	uint32_t i;

	if (len > 16) {
		snprintf(s, n, "%u bytes", len);
		return;
	}
	k += (size_t)snprintf(s, n, "0x");
	for (i = 0; i < len && k + 3 < n; i++)
		k += (size_t)snprintf(s + k, n - k, "%02x", p[i]);
}

static void cf_value(char *s, size_t n, const char *field, const uint8_t *p,
		     uint32_t len)
{
	static const char *const fl[8] = { "FIN", "SYN", "RST", "PSH", "ACK",
					   "URG", "ECE", "CWR" };

	if (!strcmp(field, "tcp.flags")) {
		size_t k = (size_t)snprintf(s, n, "0x%02x", p[0]);
		int i, first = 1;

		for (i = 7; i >= 0 && k < n; i--)
			if (p[0] >> i & 1) {
				k += (size_t)snprintf(s + k, n - k, "%s%s",
						      first ? " " : "|", fl[i]);
				first = 0;
			}
		return;
	}
	if (len <= 4) {
		uint32_t v = 0, i;

		for (i = 0; i < len; i++)
			v = v << 8 | p[i];
		snprintf(s, n, "%u", v);
		return;
	}
	cf_hex(s, n, p, len);
}

int cf_len_differs;
const struct ofl_parse_cfg *cf_parse_cfg;

static int cf_emit(struct cf_finding *t, cf_rule_fn rule, void *arg,
		   unsigned int proto, int inner, const char *field,
		   const uint8_t *dv, uint32_t dl, const uint8_t *lv,
		   uint32_t ll)
{
	struct cf_finding f = *t;
	const char *r = rule(arg, proto, inner, field, dv, lv);

	if (!r)
		return 0;
	if (strstr(field, "len"))
		cf_len_differs = 1;
	snprintf(f.field, sizeof(f.field), "%s%s", inner ? "inner." : "",
		 field);
	cf_value(f.dev, sizeof(f.dev), field, dv, dl);
	cf_value(f.lin, sizeof(f.lin), field, lv, ll);
	snprintf(f.rule, sizeof(f.rule), "%s", r);
	cf_find(&f);
	return 1;
}

int cf_compare(const uint8_t *dev, uint32_t dlen, const uint8_t *lin,
	       uint32_t llen, struct cf_finding *tmpl, cf_rule_fn rule,
	       void *arg)
{
	static struct ofl_parse_result r;
	uint32_t pay = 0, i;
	int n = 0, l;

	cf_len_differs = 0;
	ofl_parse(lin, lin + llen, OFL_PROTO_ETH, &r, sizeof(r));
	for (l = 0; l < r.nlayers; l++) {
		const struct ofl_parse_layer *y = &r.layers[l];
		const struct cf_field *f = cf_fields(y->proto);
		char nm[32];

		for (; f->len; f++) {
			uint32_t o = y->offset + f->off;
			uint32_t k = f->len;

			if (f->off >= y->len)
				break;
			if (f->off + k > y->len)
				k = y->len - f->off;
			if (f->csum)
				continue;
			if (o + k <= dlen && !memcmp(dev + o, lin + o, k))
				continue;
			snprintf(nm, sizeof(nm), "%s",
				 f->name ? f->name :
					   ofl_parse_proto_name(y->proto));
			if (o + k > dlen)
				n += cf_emit(tmpl, rule, arg, y->proto,
					     y->encap > 0, "frame.len",
					     (const uint8_t *)"", 0, lin, 0);
			else
				n += cf_emit(tmpl, rule, arg, y->proto,
					     y->encap > 0, nm, dev + o, k,
					     lin + o, k);
			if (o + k > dlen)
				return n;
		}
		if ((uint32_t)y->offset + y->len > pay)
			pay = (uint32_t)y->offset + y->len;
	}
	if (dlen != llen) {
		uint8_t a[4], b[4];

		a[0] = (uint8_t)(dlen >> 24); a[1] = (uint8_t)(dlen >> 16);
		a[2] = (uint8_t)(dlen >> 8); a[3] = (uint8_t)dlen;
		b[0] = (uint8_t)(llen >> 24); b[1] = (uint8_t)(llen >> 16);
		b[2] = (uint8_t)(llen >> 8); b[3] = (uint8_t)llen;
		return n + cf_emit(tmpl, rule, arg, OFL_PROTO_NONE, 0,
				   "frame.len", a, 4, b, 4);
	}
	for (i = pay; i < llen; i++)
		if (dev[i] != lin[i]) {
			char at[16];
			struct cf_finding f = *tmpl;
			const char *rr = rule(arg, OFL_PROTO_NONE,
					      r.encap > 0, "payload",
					      dev + i, lin + i);

			if (!rr)
				break;
			snprintf(f.field, sizeof(f.field), "payload");
			snprintf(at, sizeof(at), "@%u", i - pay);
			snprintf(f.dev, sizeof(f.dev), "0x%02x %s", dev[i], at);
			snprintf(f.lin, sizeof(f.lin), "0x%02x %s", lin[i], at);
			snprintf(f.rule, sizeof(f.rule), "%s", rr);
			cf_find(&f);
			n++;
			break;
		}
	return n;
}

/* ---- the report -------------------------------------------------------- */

struct cf_case_rec {
	char name[160];
	uint32_t first, nfind;
};

static struct cf_case_rec *cases;
static struct cf_finding *finds;
static char **notes;
static uint32_t ncases, nfinds, nnotes, capc, capf, capn;

void cf_reset(void)
{
	uint32_t i;

	cf_parse_cfg = NULL;
	for (i = 0; i < nnotes; i++)
		free(notes[i]);
	free(cases);
	free(finds);
	free(notes);
	cases = NULL;
	finds = NULL;
	notes = NULL;
	ncases = nfinds = nnotes = capc = capf = capn = 0;
}

void cf_case(const char *fmt, ...)
{
	va_list ap;

	if (ncases == capc) {
		capc = capc ? capc * 2 : 64;
		cases = realloc(cases, capc * sizeof(*cases));
		if (!cases)
			abort();
	}
	va_start(ap, fmt);
	vsnprintf(cases[ncases].name, sizeof(cases[ncases].name), fmt, ap);
	va_end(ap);
	cases[ncases].first = nfinds;
	cases[ncases].nfind = 0;
	ncases++;
}

void cf_find(const struct cf_finding *f)
{
	if (!ncases)
		cf_case("input");
	if (nfinds == capf) {
		capf = capf ? capf * 2 : 64;
		finds = realloc(finds, capf * sizeof(*finds));
		if (!finds)
			abort();
	}
	finds[nfinds++] = *f;
	cases[ncases - 1].nfind++;
}

void cf_note(const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (nnotes == capn) {
		capn = capn ? capn * 2 : 16;
		notes = realloc(notes, capn * sizeof(*notes));
		if (!notes)
			abort();
	}
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	notes[nnotes++] = s;
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

static void text_finding(const struct cf_finding *f)
{
	printf("%s  ", f->flow);
	if (strcmp(f->a, "-"))
		printf("input #%s  ", f->a);
	printf("device #%s  %s: device %s, Linux %s  [%s]\n", f->b, f->field,
	       f->dev, f->lin, f->rule);
}

int cf_report(enum cf_mode mode, const char *what, const char *stats)
{
	uint32_t i, j, bad = 0;

	for (i = 0; i < ncases; i++)
		bad += cases[i].nfind != 0;
	if (mode == CF_JSON) {
		printf("{\"command\":\"%s\",\"conforms\":%s,\"findings\":[",
		       what, nfinds ? "false" : "true");
		for (i = 0; i < nfinds; i++) {
			const struct cf_finding *f = &finds[i];

			printf("%s{\"flow\":", i ? "," : "");
			json_str(f->flow);
			printf(",\"input_frames\":");
			json_str(f->a);
			printf(",\"device_frames\":");
			json_str(f->b);
			printf(",\"field\":");
			json_str(f->field);
			printf(",\"device\":");
			json_str(f->dev);
			printf(",\"linux\":");
			json_str(f->lin);
			printf(",\"rule\":");
			json_str(f->rule);
			putchar('}');
		}
		printf("],\"unmatched\":[");
		for (i = 0; i < nnotes; i++) {
			printf("%s", i ? "," : "");
			json_str(notes[i]);
		}
		printf("],\"cases\":%u,\"failed\":%u,\"summary\":", ncases,
		       bad);
		json_str(stats);
		printf("}\n");
	} else if (mode == CF_KTAP) {
		printf("KTAP version 1\n1..%u\n", ncases);
		for (i = 0; i < ncases; i++) {
			for (j = 0; j < cases[i].nfind; j++) {
				const struct cf_finding *f =
					&finds[cases[i].first + j];

				printf("# %s: device %s, Linux %s [%s]\n",
				       f->field, f->dev, f->lin, f->rule);
			}
			printf("%s %u %s %s\n", cases[i].nfind ? "not ok" : "ok",
			       i + 1, what, cases[i].name);
		}
		for (i = 0; i < nnotes; i++)
			printf("# unmatched: %s\n", notes[i]);
		printf("# %s\n", stats);
		printf("# Totals: pass:%u fail:%u xfail:0 xpass:0 skip:0 "
		       "error:0\n", ncases - bad, bad);
	} else {
		for (i = 0; i < nfinds; i++)
			text_finding(&finds[i]);
		for (i = 0; i < nnotes; i++)
			printf("unmatched: %s\n", notes[i]);
		printf("ofl conform %s: %s; %u finding%s: %s\n", what, stats,
		       nfinds, nfinds == 1 ? "" : "s",
		       nfinds ? "DOES NOT CONFORM" : "conforms");
	}
	return nfinds ? CF_DIFFERS : CF_CONFORMS;
}

/* ---- the command ------------------------------------------------------- */

static int conform_usage(void)
{
	fprintf(stderr,
		"usage: ofl conform gro  [--profile P] [--gro-max-size N] "
		"SENT.pcap RECEIVED.pcap\n"
		"       ofl conform gso  --mss N [--profile P] SUPER.pcap "
		"WIRE.pcap\n"
		"       ofl conform csum [--tx | --rx] FILE.pcap\n"
		"       ofl conform rss  --key HEX --indir Q,Q,... "
		"[--hash-fields SPEC] QUEUE0.pcap QUEUE1.pcap ...\n"
		"  each also takes --json or --ktap. Exit 0: conforms, "
		"1: does not, 2: bad input. docs/CONFORM.md\n");
	return CF_BADINPUT;
}

int cmd_conform(int argc, char **argv)
{
	enum cf_mode mode = CF_TEXT;
	char **av;
	int i, n = 0, r;

	if (argc < 2)
		return conform_usage();
	av = calloc((size_t)argc + 1, sizeof(*av));
	if (!av)
		return CF_BADINPUT;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			mode = CF_JSON;
		else if (!strcmp(argv[i], "--ktap"))
			mode = CF_KTAP;
		else
			av[n++] = argv[i];
	}
	if (!strcmp(av[0], "gro"))
		r = conform_gro(n, av, mode);
	else if (!strcmp(av[0], "gso"))
		r = conform_gso(n, av, mode);
	else if (!strcmp(av[0], "csum"))
		r = conform_csum(n, av, mode);
	else if (!strcmp(av[0], "rss"))
		r = conform_rss(n, av, mode);
	else
		r = conform_usage();
	free(av);
	cf_reset();
	return r;
}
