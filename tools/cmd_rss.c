// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl rss FILE.pcap [--key HEX] [--queues N] [--symmetric] [--json]
 *        [--symmetric-key] [--reta SIZE] [--inner] [--ex]
 *
 * Per frame: the hash type, the Toeplitz hash and the queue the indirection
 * table gives; then the distribution over queues and its imbalance
 * (max/mean). Default key: Microsoft's verification key.
 *
 * The headers are found by lib/parser (ofl_parse()); lib/rss turns the
 * chosen flow into its input (ofl_rss_flow_from_parse()) and hashes it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"

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

		if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--symmetric")) {
			o->xfrm = OFL_RSS_XFRM_SYM_XOR;
		} else if (!strcmp(a, "--symmetric-key")) {
			o->symkey = 1;
		} else if (!strcmp(a, "--inner")) {
			o->inner = 1;
		} else if (!strcmp(a, "--ex")) {
			o->ex = 1;
		} else if (!strcmp(a, "--key")) {
			if (i + 1 >= argc ||
			    parse_key(argv[++i], o->key, &o->key_len))
				return cli_usage_error("rss", "bad --key %s: "
					"want 4..256 hex bytes",
					i < argc ? argv[i] : "");
			o->have_key = 1;
		} else if (!strcmp(a, "--queues") || !strcmp(a, "--reta")) {
			long v;
			int q = a[2] == 'q';

			if (cli_number("rss", a, i + 1 < argc ? argv[i + 1] :
				       NULL, q ? 1 : 64, q ? 65535 : 512, &v))
				return -1;
			i++;
			if (q)
				o->queues = (unsigned long)v;
			else
				o->reta = (unsigned long)v;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error("rss", "unknown option %s", a);
		} else if (o->file) {
			return cli_usage_error("rss", "one FILE only");
		} else {
			o->file = a;
		}
	}
	if (!o->file)
		return cli_usage_error("rss", "FILE missing");
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

int cmd_rss(int argc, char **argv)
{
	static struct ofl_rss ctx;
	static struct ofl_rss_reta reta;
	static struct opts o;
	static struct ofl_parse_result pr;
	struct pcapio_in *in;
	unsigned long *per, frames = 0;
	static uint8_t eth[PCAPIO_MAX_FRAME + 14];
	struct pcapio_frame fr;
	int r, err;

	/* static for its size; reset as conform_rss resets its own, so a
	 * second call in one process (fuzz_capture) starts clean */
	memset(&o, 0, sizeof(o));
	o.queues = 8;
	o.reta = 128;
	err = parse_args(argc, argv, &o);
	if (err)
		return CLI_EUSAGE;
	err = ofl_rss_init(&ctx, sizeof(ctx), o.key, o.key_len);
	if (!err)
		err = ofl_rss_reta_init(&reta, (unsigned int)o.reta,
					(unsigned int)o.queues);
	if (err || o.queues > 65535) {
		return cli_usage_error("rss", "%s: want --reta 64, 128, 256 "
				       "or 512 and --queues 1..65535, at most "
				       "the table size",
				       ofl_strerror(err ? err : OFL_EINVAL));
	}
	in = pcapio_open(o.file);
	if (!in)
		return 1;
	per = calloc(o.queues, sizeof(*per));
	if (!per) {
		pcapio_close(in);
		return 1;
	}
	while ((r = pcapio_next(in, &fr)) == 1) {
		size_t hdr, len = link_to_eth(fr.linktype, fr.data, fr.caplen,
					      eth, sizeof(eth), &hdr);
		const uint8_t *data = eth;
		struct ofl_rss_flow f;
		uint32_t h, types;
		uint16_t q;
		int t;

		types = o.ex ? OFL_RSS_HASH_ALL : OFL_RSS_HASH_DEFAULT;
		ofl_parse(data, data + len, OFL_PROTO_ETH, &pr, sizeof(pr));
		ofl_rss_flow_from_parse(&pr, sizeof(pr), data, data + len,
					o.inner ? OFL_RSS_LEVEL_INNER :
						  OFL_RSS_LEVEL_OUTER, &f);
		h = ofl_rss_hash_flow(&ctx, &f, types, (unsigned int)o.xfrm,
				      &t);
		q = ofl_rss_reta_queue(&reta, h);
		per[q]++;
		frames++;
		cli_progress("rss", in, frames);
		if (o.json)
			printf("{\"frame\":%lu,\"type\":\"%s\","
			       "\"hash\":\"0x%08x\",\"queue\":%u}\n", frames,
			       ofl_rss_type_name(t), h, q);
		else
			printf("%6lu  %-12s 0x%08x  queue %u\n", frames,
			       ofl_rss_type_name(t), h, q);
	}
	cli_progress_done();
	pcapio_close(in);
	if (r < 0) {
		free(per);
		return 1;
	}
	summary(&o, per, frames);
	free(per);
	return 0;
}
