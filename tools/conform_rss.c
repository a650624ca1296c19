// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform rss --key HEX --indir Q,Q,... [--hash-fields SPEC] QUEUE0 ...
 *
 * QUEUEn holds what the device delivered on receive queue n. Every frame's
 * queue must be indir[hash % entries] with hash the Toeplitz hash (lib/rss)
 * under the key over the fields the device claims: by default the 4-tuple
 * (addresses, ports) for TCP and UDP and the 2-tuple (addresses) otherwise,
 * as ethtool's rx-flow-hash sdfn / sd. SPEC changes it per type:
 * "tcp4=sd,udp6=sdfn" (types tcp4 udp4 tcp6 udp6; fields sd or sdfn) or one
 * field set for all four ("sd"). With --symmetric the symmetric-xor input
 * transform applies (ethtool RXH_XFRM_SYM_XOR). The outer IP layer is
 * hashed. A wrong queue is explained where one of the usual device bugs
 * reproduces it (2-tuple for 4-tuple, ports hashed for the 2-tuple,
 * symmetric hashing, source and destination swapped, the default
 * indirection table).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/rss.h>
#include "conform.h"

#define RSS_MAX_INDIR 4096

struct rss_cf {
	struct ofl_rss ctx;
	uint8_t key[OFL_RSS_KEY_MAX];
	size_t key_len;
	uint16_t indir[RSS_MAX_INDIR];
	uint32_t nindir, nq;
	uint32_t types;		/* enabled OFL_RSS_HASH() bits */
	unsigned int xfrm;
};

static int rss_key(const char *s, uint8_t *key, size_t *len)
{
	size_t n = 0;

	while (*s) {
		unsigned int v;

		if (*s == ':' || *s == '-') {
			s++;
			continue;
		}
		if (n == OFL_RSS_KEY_MAX || !isxdigit((unsigned char)s[0]) ||
		    !isxdigit((unsigned char)s[1]) || sscanf(s, "%2x", &v) != 1)
			return -1;
		key[n++] = (uint8_t)v;
		s += 2;
	}
	*len = n;
	return n >= 4 ? 0 : -1;
}

static int rss_indir(struct rss_cf *r, const char *s)
{
	char *e;

	r->nindir = 0;
	while (*s) {
		unsigned long q = strtoul(s, &e, 10);

		if (e == s || q > 65535 || r->nindir == RSS_MAX_INDIR)
			return -1;
		r->indir[r->nindir++] = (uint16_t)q;
		s = *e == ',' ? e + 1 : e;
		if (*e && *e != ',')
			return -1;
	}
	return r->nindir ? 0 : -1;
}

/* One "type=fields" item: sdfn enables the L4 type, sd disables it. */
static int rss_field(struct rss_cf *r, const char *t, size_t tl,
		     const char *f)
{
	static const struct { const char *n; int type; } m[] = {
		{ "tcp4", OFL_RSS_TYPE_IPV4_TCP },
		{ "udp4", OFL_RSS_TYPE_IPV4_UDP },
		{ "tcp6", OFL_RSS_TYPE_IPV6_TCP },
		{ "udp6", OFL_RSS_TYPE_IPV6_UDP },
	};
	size_t i;
	int four;

	if (!strncmp(f, "sdfn", 4) && (!f[4] || f[4] == ','))
		four = 1;
	else if (!strncmp(f, "sd", 2) && (!f[2] || f[2] == ','))
		four = 0;
	else
		return -1;
	for (i = 0; i < 4; i++) {
		if (t && (strlen(m[i].n) != tl || strncmp(t, m[i].n, tl)))
			continue;
		if (four)
			r->types |= OFL_RSS_HASH(m[i].type);
		else
			r->types &= ~OFL_RSS_HASH(m[i].type);
		if (t)
			return 0;
	}
	return t ? -1 : 0;
}

static int rss_fields(struct rss_cf *r, const char *s)
{
	if (!strchr(s, '='))
		return rss_field(r, NULL, 0, s);
	while (*s) {
		const char *eq = strchr(s, '='), *c;

		if (!eq || rss_field(r, s, (size_t)(eq - s), eq + 1))
			return -1;
		c = strchr(eq, ',');
		s = c ? c + 1 : eq + strlen(eq);
	}
	return 0;
}

static uint32_t rss_q(const struct rss_cf *r, uint32_t h)
{
	return r->indir[h % r->nindir];
}

static uint32_t rss_hash(const struct rss_cf *r, const struct ofl_rss_flow *f,
			 uint32_t types, unsigned int xfrm)
{
	int t;

	return ofl_rss_hash_flow(&r->ctx, f, types, xfrm, &t);
}

/* Device bugs that move flows to other queues, tried on the whole capture:
 * one that puts every frame where the device put it names the rule. */
enum rss_hyp { H_2TUPLE, H_PORTS, H_SYM, H_SWAP, H_DEFTABLE, H_COUNT };

static const char *const rss_hyp_rule[H_COUNT + 1] = {
	[H_2TUPLE] = "toeplitz: TCP and UDP hash the 4-tuple (device hashed "
		     "the 2-tuple)",
	[H_PORTS] = "toeplitz: the fields claimed (device hashed the ports "
		    "too)",
	[H_SYM] = "ethtool_rxfh_config_is_sym: symmetric hashing only with "
		  "symmetric-xor (device hashed symmetrically)",
	[H_SWAP] = "toeplitz: source fields before destination fields (device "
		   "swapped them)",
	[H_DEFTABLE] = "ethtool_rxfh_indir_default: the indirection table "
		       "given (device used its default)",
	[H_COUNT] = "toeplitz: the key's hash over the claimed fields, then "
		    "the indirection table",
};

/* The queue flow @f lands on under device bug @h. */
static uint32_t rss_hyp_q(const struct rss_cf *r, const struct ofl_rss_flow *f,
			  enum rss_hyp h)
{
	const uint32_t l4 = OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_TCP) |
			    OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_UDP) |
			    OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_TCP) |
			    OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_UDP);
	struct ofl_rss_flow sw = *f;

	switch (h) {
	case H_2TUPLE:
		return rss_q(r, rss_hash(r, f, r->types & ~l4, r->xfrm));
	case H_PORTS:
		return rss_q(r, rss_hash(r, f, r->types | l4, r->xfrm));
	case H_SYM:
		return rss_q(r, rss_hash(r, f, r->types,
					 OFL_RSS_XFRM_SYM_XOR));
	case H_SWAP:
		memcpy(sw.src, f->dst, 16);
		memcpy(sw.dst, f->src, 16);
		memcpy(sw.sport, f->dport, 2);
		memcpy(sw.dport, f->sport, 2);
		return rss_q(r, rss_hash(r, &sw, r->types, r->xfrm));
	case H_DEFTABLE:
	default:
		return rss_hash(r, f, r->types, r->xfrm) % r->nq;
	}
}

struct rss_seen {
	uint8_t key[80];
	char name[112];
};

/* One frame on a wrong queue. */
struct rss_bad {
	uint32_t flow;
	struct ofl_rss_flow f;
	uint32_t q, hash, want;
	struct cf_finding t;
};

static uint32_t rss_flow_id(struct rss_seen **seen, uint32_t *n,
			    uint32_t *cap, const struct cf_pkt *p)
{
	uint32_t k;

	for (k = 0; k < *n; k++)
		if (!memcmp((*seen)[k].key, p->key, sizeof(p->key)))
			return k;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*seen = realloc(*seen, *cap * sizeof(**seen));
		if (!*seen)
			abort();
	}
	memcpy((*seen)[k].key, p->key, sizeof(p->key));
	snprintf((*seen)[k].name, sizeof((*seen)[k].name), "%s", p->name);
	(*n)++;
	return k;
}

int conform_rss(int argc, char **argv, enum cf_mode mode)
{
	static struct rss_cf r;
	static struct ofl_parse_result pr;
	struct rss_seen *seen = NULL;
	struct rss_bad *bad = NULL;
	uint32_t nseen = 0, cap = 0, nbad = 0, bcap = 0, frames = 0;
	uint32_t notip = 0, i, k;
	uint8_t hyp_ok[H_COUNT] = { 1, 1, 1, 1, 1 };
	char stats[200];
	int a, have_key = 0, have_indir = 0, err = 0;

	memset(&r, 0, sizeof(r));
	r.types = OFL_RSS_HASH_DEFAULT;
	for (a = 1; a < argc && !strncmp(argv[a], "--", 2); a++) {
		if (!strcmp(argv[a], "--key") && a + 1 < argc) {
			err |= rss_key(argv[++a], r.key, &r.key_len);
			have_key = 1;
		} else if (!strcmp(argv[a], "--indir") && a + 1 < argc) {
			err |= rss_indir(&r, argv[++a]);
			have_indir = 1;
		} else if (!strcmp(argv[a], "--hash-fields") && a + 1 < argc) {
			err |= rss_fields(&r, argv[++a]);
		} else if (!strcmp(argv[a], "--symmetric")) {
			r.xfrm = OFL_RSS_XFRM_SYM_XOR;
		} else {
			err = 1;
		}
	}
	if (err || !have_key || !have_indir || a >= argc ||
	    ofl_rss_init(&r.ctx, sizeof(r.ctx), r.key, r.key_len)) {
		fprintf(stderr, "usage: ofl conform rss --key HEX --indir "
			"Q,Q,... [--hash-fields SPEC] [--symmetric] "
			"[--json|--ktap] QUEUE0.pcap QUEUE1.pcap ...\n");
		return CF_BADINPUT;
	}
	r.nq = (uint32_t)(argc - a);
	for (i = 0; (int)i < argc - a; i++) {
		struct cf_cap c;
		uint32_t j;

		if (cf_load(&c, argv[a + (int)i])) {
			free(seen);
			free(bad);
			return CF_BADINPUT;
		}
		for (j = 0; j < c.n; j++) {
			struct ofl_rss_flow f;
			struct cf_pkt p;
			struct cf_finding *t;
			uint32_t h, q, id;

			frames++;
			cf_pkt(c.d[j], c.len[j], &p);
			ofl_parse(c.d[j], c.d[j] + c.len[j], OFL_PROTO_ETH, &pr,
				  sizeof(pr));
			ofl_rss_flow_from_parse(&pr, sizeof(pr), c.d[j],
						c.d[j] + c.len[j],
						OFL_RSS_LEVEL_OUTER, &f);
			if (!f.family) {
				notip++;
				continue;
			}
			id = rss_flow_id(&seen, &nseen, &cap, &p);
			h = rss_hash(&r, &f, r.types, r.xfrm);
			q = rss_q(&r, h);
			for (k = 0; k < H_COUNT; k++)
				if (rss_hyp_q(&r, &f, (enum rss_hyp)k) != i)
					hyp_ok[k] = 0;
			if (q == i)
				continue;
			if (nbad == bcap) {
				bcap = bcap ? bcap * 2 : 64;
				bad = realloc(bad, bcap * sizeof(*bad));
				if (!bad)
					abort();
			}
			bad[nbad].flow = id;
			bad[nbad].f = f;
			t = &bad[nbad++].t;
			memset(t, 0, sizeof(*t));
			snprintf(t->flow, sizeof(t->flow), "%s", p.name);
			snprintf(t->a, sizeof(t->a), "-");
			snprintf(t->b, sizeof(t->b), "queue%u:%u", i, j + 1);
			snprintf(t->field, sizeof(t->field), "queue");
			snprintf(t->dev, sizeof(t->dev), "%u", i);
			snprintf(t->lin, sizeof(t->lin), "%u (hash 0x%08x)", q,
				 h);
		}
		cf_free(&c);
	}
	for (k = 0; k < H_COUNT && !hyp_ok[k]; k++)
		;
	for (i = 0; i < nbad; i++)
		snprintf(bad[i].t.rule, sizeof(bad[i].t.rule), "%s",
			 rss_hyp_rule[k]);
	for (k = 0; k < nseen; k++) {
		cf_case("%s", seen[k].name);
		for (i = 0; i < nbad; i++)
			if (bad[i].flow == k)
				cf_find(&bad[i].t);
	}
	if (notip)
		cf_note("%u frames without IP (not hashed, not judged)",
			notip);
	snprintf(stats, sizeof(stats), "%u queues, %u frames, %u flows", r.nq,
		 frames, nseen);
	free(seen);
	free(bad);
	return cf_report(mode, "rss", stats);
}
