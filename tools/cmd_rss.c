// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl rss FILE.pcap [--key HEX] [--queues N] [--symmetric] [--json]
 *        [--symmetric-key] [--reta SIZE] [--inner] [--ex]
 *
 * Per frame: the hash type, the Toeplitz hash and the queue the indirection
 * table gives; then the distribution over queues and its imbalance
 * (max/mean). Default key: Microsoft's verification key.
 *
 * The headers are found by lib/parser (ofl_parse()); its outer and inner
 * flows become the struct ofl_rss_flow that lib/rss hashes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include "cmds.h"
#include "pcapio.h"
#include "conform.h"

static const char ofl__rss_usage[] =
"usage: ofl rss FILE.pcap [--key HEX] [--queues N] [--symmetric] [--json]\n"
"               [--symmetric-key] [--reta SIZE] [--inner] [--ex]\n"
"  --key HEX        key bytes (4..256): 6d5a56da... or 6d:5a:...\n"
"                   (default: Microsoft's 40-byte verification key)\n"
"  --queues N       queues behind the indirection table (default 8)\n"
"  --reta SIZE      indirection table entries, 64..512 (default 128)\n"
"  --symmetric      symmetric-xor input transform (ethtool, DPDK)\n"
"  --symmetric-key  the key 6d5a repeated (40 bytes unless --key)\n"
"  --inner          hash the inner IP layer of tunnels\n"
"  --ex             enable the IPV6_EX hash types\n"
"  --json           one JSON object per frame, then a summary object\n"
"FILE may be - (standard input). Details: docs/RSS.md\n";

static void usage(FILE *out)
{
	fputs(ofl__rss_usage, out);
}

static int parse_key(const char *s, uint8_t *key, size_t *len)
{
	size_t n = 0;

	while (*s) {
		int hi, lo;

		if (*s == ':' || *s == '-' || *s == ' ') {
			s++;
			continue;
		}
		if (n == OFL_RSS_KEY_MAX || !isxdigit((unsigned char)s[0]) ||
		    !isxdigit((unsigned char)s[1]))
			return -1;
		hi = isdigit((unsigned char)s[0]) ? s[0] - '0' :
						    tolower(s[0]) - 'a' + 10;
		lo = isdigit((unsigned char)s[1]) ? s[1] - '0' :
						    tolower(s[1]) - 'a' + 10;
		key[n++] = (uint8_t)(hi << 4 | lo);
		s += 2;
	}
	*len = n;
	return n >= 4 ? 0 : -1;
}

struct opts {
	const char *file;
	uint8_t key[OFL_RSS_KEY_MAX];
	size_t key_len;
	unsigned long queues, reta;
	int json, xfrm, symkey, inner, ex, have_key;
};

static int parse_args(int argc, char **argv, struct opts *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--symmetric")) {
			o->xfrm = OFL_RSS_XFRM_SYM_XOR;
		} else if (!strcmp(a, "--symmetric-key")) {
			o->symkey = 1;
		} else if (!strcmp(a, "--inner")) {
			o->inner = 1;
		} else if (!strcmp(a, "--ex")) {
			o->ex = 1;
		} else if (!strcmp(a, "--key") && i + 1 < argc) {
			if (parse_key(argv[++i], o->key, &o->key_len)) {
				fputs("ofl rss: bad key (hex, 4..256 bytes)\n",
				      stderr);
				return -1;
			}
			o->have_key = 1;
		} else if (!strcmp(a, "--queues") && i + 1 < argc) {
			o->queues = strtoul(argv[++i], NULL, 0);
		} else if (!strcmp(a, "--reta") && i + 1 < argc) {
			o->reta = strtoul(argv[++i], NULL, 0);
		} else if ((a[0] == '-' && a[1]) || o->file) {
			fprintf(stderr, "ofl rss: unexpected '%s'\n", a);
			return -1;
		} else {
			o->file = a;
		}
	}
	if (!o->file) {
		usage(stderr);
		return -1;
	}
	if (o->symkey)
		ofl_rss_key_symmetric(o->key, o->have_key ? o->key_len :
				      (o->key_len = OFL_RSS_MS_KEY_LEN));
	else if (!o->have_key) {
		ofl_rss_key_microsoft(o->key);
		o->key_len = OFL_RSS_MS_KEY_LEN;
	}
	return 0;
}

static void summary(const struct opts *o, const unsigned long *per,
		    unsigned long frames)
{
	unsigned long q, max = 0;
	double mean = (double)frames / (double)o->queues;

	for (q = 0; q < o->queues; q++)
		if (per[q] > max)
			max = per[q];
	if (o->json) {
		/* the summary object of docs/TOOL.md, as ofl csum prints */
		printf("{\"summary\":{\"frames\":%lu,\"queues\":%lu,"
		       "\"distribution\":[", frames, o->queues);
		for (q = 0; q < o->queues; q++)
			printf("%s%lu", q ? "," : "", per[q]);
		printf("],\"imbalance\":%.3f}}\n", frames ? max / mean : 0.0);
		return;
	}
	printf("\nqueue  frames  share\n");
	for (q = 0; q < o->queues; q++)
		printf("%5lu  %6lu  %5.1f%%\n", q, per[q],
		       frames ? 100.0 * (double)per[q] / (double)frames : 0.0);
	printf("frames %lu, queues %lu, imbalance (max/mean) %.3f\n", frames,
	       o->queues, frames ? max / mean : 0.0);
}

/* Destination options: the Home Address option (type 201, RFC 6275 6.3),
 * the source address of the IPV6_EX types. lib/parser walks these options
 * but does not keep this one: read it at the layer the parser found. */
static void rss_hao(const uint8_t *h, size_t hl, struct ofl_rss_flow *f)
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

/*
 * lib/parser stops at a malformed option list, but a NIC (and
 * __skb_flow_dissect(), which skips IPv6 option headers by their length
 * and reads just the 4 port bytes) still hashes the ports behind an IPv6
 * options header whose option TLVs are malformed. When the parse stopped
 * right after this flow's last IP / extension header, take the protocol
 * from that header and the ports from the 4 bytes behind it. (A TCP/UDP
 * header cut short by the snap length needs nothing here: the parser
 * gives its ports, has_ports, itself.)
 */
static void rss_ports_after_error(const uint8_t *p, size_t len,
				  const struct ofl_parse_result *res,
				  const struct ofl_parse_flow *pf,
				  struct ofl_rss_flow *f)
{
	const struct ofl_parse_layer *l = &res->layers[res->nlayers - 1];
	const uint8_t *h = p + l->offset;
	size_t l4 = (size_t)l->offset + l->len;
	unsigned int nh;
	int i;

	for (i = 0; i < res->nlayers && res->layers[i].offset != pf->l3_off;
	     i++)
		;
	/* only the flow whose headers were being parsed when it stopped */
	if (i == res->nlayers || res->layers[i].encap != l->encap ||
	    pf->l4_off)
		return;
	switch (l->proto) {
	case OFL_PROTO_IPV4:
		nh = h[9];
		break;
	case OFL_PROTO_IPV6:
		nh = h[6];
		break;
	case OFL_PROTO_IPV6_HOPOPTS:
	case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS:
	case OFL_PROTO_IPV6_FRAG:
		nh = h[0];
		break;
	default:
		return;
	}
	if ((nh != 6 && nh != 17) || l4 + 4 > len)
		return;
	f->proto = (uint8_t)nh;
	memcpy(f->sport, p + l4, 2);
	memcpy(f->dport, p + l4 + 2, 2);
	f->flags |= OFL_RSS_FLOW_PORTS;
}

/*
 * The flow lib/rss hashes from one flow of a parse: addresses, the protocol
 * after the extension headers, TCP/UDP ports unless a non-first fragment
 * (the L3-only fallback), and for IPv6 the IPV6_EX addresses from the
 * extension headers of that IP layer (the parser lists them as layers).
 */
void rss_flow(const uint8_t *p, size_t len, const struct ofl_parse_result *res,
	      const struct ofl_parse_flow *pf, struct ofl_rss_flow *f)
{
	int i;

	memset(f, 0, sizeof(*f));
	if (pf->family != 4 && pf->family != 6)
		return;
	f->family = pf->family;
	f->proto = pf->ip_proto;
	memcpy(f->src, pf->src, pf->family == 4 ? 4 : 16);
	memcpy(f->dst, pf->dst, pf->family == 4 ? 4 : 16);
	if ((pf->frag & OFL_PARSE_FRAG_IS) && !(pf->frag & OFL_PARSE_FRAG_FIRST))
		f->flags |= OFL_RSS_FLOW_FRAG;
	else if (pf->has_ports && (f->proto == 6 || f->proto == 17)) {
		memcpy(f->sport, pf->ports, 2);
		memcpy(f->dport, pf->ports + 2, 2);
		f->flags |= OFL_RSS_FLOW_PORTS;
	}
	else if (res->error && res->nlayers)
		rss_ports_after_error(p, len, res, pf, f);
	if (pf->family != 6)
		return;
	for (i = 0; i < res->nlayers && res->layers[i].offset != pf->l3_off;
	     i++)
		;
	for (i++; i < res->nlayers; i++) {
		const struct ofl_parse_layer *l = &res->layers[i];
		const uint8_t *h = p + l->offset;

		if (l->proto == OFL_PROTO_IPV6_DSTOPTS)
			rss_hao(h, l->len, f);
		else if (l->proto == OFL_PROTO_IPV6_ROUTE && h[2] == 2 &&
			 l->len >= 24) {
			/* type 2 routing header: one address, RFC 6275 6.4 */
			memcpy(f->rtdst, h + 8, 16);
			f->flags |= OFL_RSS_FLOW_RTDST;
		} else if (l->proto != OFL_PROTO_IPV6_HOPOPTS &&
			   l->proto != OFL_PROTO_IPV6_ROUTE &&
			   l->proto != OFL_PROTO_IPV6_FRAG &&
			   l->proto != OFL_PROTO_AH)
			break;
	}
}

int cmd_rss(int argc, char **argv)
{
	static struct ofl_rss ctx;
	static struct ofl_rss_reta reta;
	static struct opts o;
	static struct ofl_parse_result pr;
	struct pcapio_in *in;
	unsigned long *per, frames = 0;
	const uint8_t *data;
	size_t len;
	int r, err;

	o.queues = 8;
	o.reta = 128;
	err = parse_args(argc, argv, &o);
	if (err)
		return err > 0 ? 0 : 2;
	err = ofl_rss_init(&ctx, o.key, o.key_len);
	if (!err)
		err = ofl_rss_reta_init(&reta, (unsigned int)o.reta,
					(unsigned int)o.queues);
	if (err || o.queues > 65535) {
		fprintf(stderr,
			"ofl rss: %s (queues 1..65535, reta 64/128/256/512)\n",
			ofl_strerror(err ? err : OFL_EINVAL));
		return 2;
	}
	in = pcapio_open(o.file);
	if (!in)
		return 1;
	per = calloc(o.queues, sizeof(*per));
	if (!per) {
		pcapio_close(in);
		return 1;
	}
	while ((r = pcapio_next(in, &data, &len, NULL, NULL)) == 1) {
		struct ofl_rss_flow outer, inner;
		const struct ofl_rss_flow *f;
		uint32_t h, types;
		uint16_t q;
		int t;

		types = o.ex ? OFL_RSS_HASH_ALL : OFL_RSS_HASH_DEFAULT;
		ofl_parse(data, data + len, OFL_PROTO_ETH, &pr);
		rss_flow(data, len, &pr, &pr.outer, &outer);
		if (pr.encap)
			rss_flow(data, len, &pr, &pr.inner, &inner);
		else
			memset(&inner, 0, sizeof(inner));
		f = ofl_rss_flow_pick(&outer, &inner,
				      o.inner ? OFL_RSS_LEVEL_INNER :
						OFL_RSS_LEVEL_OUTER);
		h = ofl_rss_hash_flow(&ctx, f, types, (unsigned int)o.xfrm,
				      &t);
		q = ofl_rss_reta_queue(&reta, h);
		per[q]++;
		frames++;
		if (o.json)
			printf("{\"frame\":%lu,\"type\":\"%s\","
			       "\"hash\":\"0x%08x\",\"queue\":%u}\n", frames,
			       ofl_rss_type_name(t), h, q);
		else
			printf("%6lu  %-12s 0x%08x  queue %u\n", frames,
			       ofl_rss_type_name(t), h, q);
	}
	pcapio_close(in);
	if (r < 0) {
		free(per);
		return 1;
	}
	summary(&o, per, frames);
	free(per);
	return 0;
}
