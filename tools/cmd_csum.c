// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl csum [--json] FILE: verify every checksum of every frame of a capture
 * with lib/csum. The headers are found by tools/walk.c (until lib/parser);
 * docs/TOOL.md describes the output. Exit 0 when the file was read to the
 * end, bad checksums or not; 1 on a read error; 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include "cmds.h"
#include "pcapio.h"
#include "walk.h"

enum verdict { V_OK, V_BAD, V_NONE, V_UNCHECKED };

static const char *const verdict_name[] = { "ok", "bad", "none", "unchecked" };

struct result {
	enum verdict v;
	uint32_t stored;
	uint32_t computed;
	int has_computed;
	int partial;		/* stored value is the pseudo-header sum only */
	const char *note;
};

struct totals {
	unsigned long frames, checked, bad, none, unchecked;
};

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* A folded checksum in the kernel's __sum16 convention, as wire bytes. */
static uint16_t wire16(ofl_sum16 s)
{
	uint8_t b[2];

	memcpy(b, &s, 2);
	return rd16(b);
}

static uint8_t l4proto(enum walk_sum what)
{
	switch (what) {
	case WALK_TCP: return 6;
	case WALK_UDP: return 17;
	case WALK_ICMPV6: return 58;
	default: return 0;
	}
}

/* The checksum over the pseudo header (if any) and the data, folded. */
static uint16_t l4fold(const struct walk_check *c, ofl_wsum sum)
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

static void verify_ipv4(const uint8_t *p, const struct walk_check *c,
			struct result *r)
{
	uint8_t h[60];

	memcpy(h, p + c->off, c->len);
	h[10] = h[11] = 0;
	r->computed = wire16(ofl_ip_fast_csum(h, (unsigned int)c->len / 4));
	r->has_computed = 1;
	r->v = ofl_ip_fast_csum(p + c->off, (unsigned int)c->len / 4) ?
	       V_BAD : V_OK;
}

static void verify_l4(const uint8_t *p, const struct walk_check *c,
		      struct result *r)
{
	const uint8_t *h = p + c->off;
	size_t f = c->field - c->off;	/* even for every protocol here */
	ofl_wsum excl;

	excl = ofl_csum_partial(h, f, 0);
	excl = ofl_csum_partial(h + f + 2, c->len - f - 2, excl);
	r->computed = l4fold(c, excl);
	if (c->what == WALK_UDP && r->computed == 0)
		r->computed = 0xffff;	/* 0 is sent as all ones */
	r->has_computed = 1;
	r->v = l4fold(c, ofl_csum_partial(h, c->len, 0)) ? V_BAD : V_OK;
	if (c->what == WALK_UDP && r->stored == 0) {
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

static void verify(const uint8_t *p, size_t caplen,
		   const struct walk_check *c, struct result *r)
{
	size_t fw = c->what == WALK_SCTP ? 4 : 2;

	memset(r, 0, sizeof(*r));
	r->v = V_UNCHECKED;
	if (c->field + fw > caplen) {
		r->note = "truncated";
		return;
	}
	if (c->what == WALK_SCTP) {
		r->stored = (uint32_t)p[c->field] | (uint32_t)p[c->field + 1]
			    << 8 | (uint32_t)p[c->field + 2] << 16 |
			    (uint32_t)p[c->field + 3] << 24;
		/* TODO: verify with ofl_crc32c() once lib/csum has it */
		r->note = "CRC32c not verified yet";
		return;
	}
	r->stored = rd16(p + c->field);
	if (c->trunc || c->off + c->len > caplen) {
		r->note = c->trunc ? c->trunc : "truncated";
		return;
	}
	if (c->what == WALK_IPV4)
		verify_ipv4(p, c, r);
	else
		verify_l4(p, c, r);
}

static void print_human(unsigned long n, const struct walk_result *w,
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
		const char *what = walk_sum_name(w->checks[i].what);

		switch (r->v) {
		case V_OK:
			printf("  %s ok", what);
			break;
		case V_BAD:
			if (r->partial)
				printf("  %s BAD(partial)", what);
			else
				printf("  %s BAD(0x%04x, want 0x%04x)", what,
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

static void print_json(unsigned long n, const struct walk_result *w,
		       const struct result *res, int ok)
{
	int i;

	printf("{\"frame\":%lu,\"layers\":[", n);
	for (i = 0; i < w->nlayers; i++)
		printf("%s\"%s\"", i ? "," : "", w->layers[i]);
	printf("],\"checks\":[");
	for (i = 0; i < w->nchecks; i++) {
		const struct walk_check *c = &w->checks[i];
		const struct result *r = &res[i];

		printf("%s{\"what\":\"%s\",\"offset\":%zu,\"field\":%zu,",
		       i ? "," : "", walk_sum_name(c->what), c->off, c->field);
		printf(c->what == WALK_SCTP ? "\"stored\":\"0x%08x\"" :
		       "\"stored\":\"0x%04x\"", r->stored);
		if (r->has_computed)
			printf(",\"computed\":\"0x%04x\"", r->computed);
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

static void do_frame(const uint8_t *p, size_t len, int json,
		     struct totals *t)
{
	struct walk_result w;
	struct result res[WALK_MAX_CHECKS];
	int i, ok = 1;

	t->frames++;
	walk_frame(p, len, &w);
	for (i = 0; i < w.nchecks; i++) {
		verify(p, len, &w.checks[i], &res[i]);
		switch (res[i].v) {
		case V_BAD:
			ok = 0;
			t->bad++;
			/* fall through */
		case V_OK:
			t->checked++;
			break;
		case V_NONE:
			t->none++;
			break;
		case V_UNCHECKED:
			t->unchecked++;
			break;
		}
	}
	if (json)
		print_json(t->frames, &w, res, ok);
	else
		print_human(t->frames, &w, res);
}

static int usage(void)
{
	fprintf(stderr, "usage: ofl csum [--json] FILE.pcap|FILE.pcapng\n");
	return 2;
}

int cmd_csum(int argc, char **argv)
{
	struct totals t = { 0 };
	struct pcapio_in *in;
	const char *path = NULL;
	const uint8_t *data;
	size_t len;
	int i, json = 0, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return usage(), 0;
		else if (argv[i][0] == '-' && argv[i][1])
			return usage();
		else if (path)
			return usage();
		else
			path = argv[i];
	}
	if (!path)
		return usage();
	in = pcapio_open(path);
	if (!in)
		return 1;
	while ((r = pcapio_next(in, &data, &len, NULL, NULL)) == 1)
		do_frame(data, len, json, &t);
	pcapio_close(in);
	if (r < 0)
		return 1;
	if (json)
		printf("{\"summary\":{\"frames\":%lu,\"checked\":%lu,"
		       "\"bad\":%lu,\"none\":%lu,\"unchecked\":%lu}}\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked);
	else
		printf("%lu frames, %lu checksums checked, %lu bad"
		       " (%lu not present, %lu not checkable)\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked);
	return 0;
}
