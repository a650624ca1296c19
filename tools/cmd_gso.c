// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl gso --mss N [--gso-max-size N] IN.pcap OUT.pcap
 *
 * Every frame of IN (Ethernet, IPv4 or IPv6, TCP or UDP, optionally inside
 * VXLAN/GENEVE/GRE/IP-in-IP) whose L4 payload is larger than N is cut as
 * Linux GSO cuts it with gso_size = N (TCP: TSO, UDP: UDP_L4), with
 * complete checksums; other frames are copied unchanged. OUT holds the
 * frames and segments in order (a pcap of IN's link type: a non-Ethernet
 * frame is cut as an Ethernet frame carrying its IP packet, and each
 * segment gets the frame's own link header back), each with its input
 * frame's timestamp. One summary line accounts for every frame:
 * segmented, passed unchanged (small enough, not TCP/UDP, or truncated in
 * the capture) or refused (lib/gso cannot cut it as Linux would: the
 * reason is printed on stderr; the frame is left out of OUT, as Linux
 * drops an skb that skb_gso_segment() fails on, validate_xmit_skb()).
 * The headers are found by lib/parser (ofl_parse(), then
 * ofl_gso_meta_from_parse()).
 * BIG TCP super-frames (IPv4 tot_len 0, IPv6 payload length 0 with the
 * hop-by-hop jumbo header, which is removed as ipv6_hopopt_jumbo_remove
 * does) are cut like any other. --gso-max-size N refuses a super-frame of
 * more than N bytes from the IP header on, as a sender whose device has
 * gso_max_size / gso_ipv4_max_size N never builds one (Linux's software
 * GSO itself checks no size: without the option there is no limit).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"

#define GSO_OUT_CAP (OFL_GSO_MAX_SEGS * OFL_GSO_MAX_HDR + (1u << 18))

/* The frame without Ethernet padding: cut at the outer IP length. */
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

enum gso_fate { G_SEGMENTED, G_UNCHANGED, G_TRUNCATED, G_REFUSED };

static const char *const fate_name[] = {
	"segmented", "unchanged", "truncated", "refused",
};

/* Why a frame was refused, in words a user can act on. */
static void gso_refused(unsigned long n, int err, size_t payload, long mss,
			const struct ofl_gso_meta *m)
{
	fprintf(stderr, "ofl gso: frame %lu not segmented: ", n);
	if (err == OFL_E2BIG)
		fprintf(stderr, "too many segments: %zu payload bytes at mss "
			"%ld make %zu, the limit is %u (%u for UDP)\n", payload,
			mss, (payload + (size_t)mss - 1) / (size_t)mss,
			OFL_GSO_MAX_SEGS, OFL_GSO_UDP_MAX_SEGS);
	else if (err == OFL_EOPNOTSUPP && !m)
		fprintf(stderr, "IPv6 Jumbo Payload option not in BIG TCP's "
			"form (an 8-byte hop-by-hop header right after the "
			"IPv6 header, TCP next, more than 64 KiB): Linux "
			"would send it as it is (%s)\n", ofl_strerror(err));
	else
		fprintf(stderr, "%s\n", ofl_strerror(err));
}

int cmd_gso(int argc, char **argv)
{
	static uint8_t out[GSO_OUT_CAP];
	static uint8_t seg[GSO_OUT_CAP];
	static uint8_t eth[PCAPIO_MAX_FRAME + 14];
	static uint32_t lens[OFL_GSO_MAX_SEGS];
	static struct ofl_parse_result pr;
	struct pcapio_in *in;
	struct pcapio_out *o = NULL;
	unsigned long frames = 0, cnt[4] = { 0 }, segs = 0;
	const char *ip = NULL, *op = NULL;
	long mss = -1, gmax = 0;
	int i, r, ret = CLI_OK, json = 0, lt = -1;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--mss")) {
			if (cli_number("gso", "--mss", i + 1 < argc ?
				       argv[i + 1] : NULL, 1, 65535, &mss))
				return CLI_EUSAGE;
			i++;
		} else if (!strcmp(argv[i], "--profile")) {
			uint32_t profile;

			/* checked, and without effect: lib/gso's rules are
			 * the same on every kernel line it was proven on
			 * (docs/GSO.md) */
			if (cli_profile("gso", "--profile", i + 1 < argc ?
					argv[i + 1] : NULL, &profile))
				return CLI_EUSAGE;
			i++;
		} else if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--gso-max-size")) {
			if (cli_number("gso", "--gso-max-size", i + 1 < argc ?
				       argv[i + 1] : NULL, 1, 524280, &gmax))
				return CLI_EUSAGE;
			i++;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error("gso", "unknown option %s",
					       argv[i]);
		} else if (!ip) {
			ip = argv[i];
		} else if (!op) {
			op = argv[i];
		} else {
			return cli_usage_error("gso", "IN and OUT only");
		}
	}
	if (mss < 0)
		return cli_usage_error("gso", "--mss missing (1..65535)");
	if (!ip || !op)
		return cli_usage_error("gso", "IN and OUT needed");
	in = pcapio_open(ip);
	if (!in)
		return CLI_EREAD;
	for (;;) {
		struct pcapio_frame f;
		const uint8_t *d;
		size_t len, olen, pos = 0, hdr;
		struct ofl_gso_meta m;
		struct ofl_gso_frag fr;
		enum gso_fate fate = G_UNCHANGED;
		int n = 0, k, err;

		r = pcapio_next(in, &f);
		if (r <= 0) {
			ret = r < 0 ? CLI_EREAD : ret;
			break;
		}
		frames++;
		cli_progress("gso", in, frames);
		if (!o) {	/* OUT has the link type of IN's first frame */
			lt = f.linktype;
			o = pcapio_create(op, lt);
			if (!o) {
				ret = CLI_EREAD;
				break;
			}
		}
		len = link_to_eth(f.linktype, f.data, f.caplen, eth,
				  sizeof(eth), &hdr);
		d = eth;
		if (f.linktype != lt) {
			fate = G_REFUSED;
			fprintf(stderr, "ofl gso: frame %lu not segmented: link "
				"type %d in an output of link type %d\n",
				frames, f.linktype, lt);
		} else if (f.caplen < f.wirelen) {
			/* a snapped frame cannot be cut: no whole payload */
			fate = G_TRUNCATED;
		} else if (len) {
			ofl_parse(d, d + len, OFL_PROTO_ETH, &pr, sizeof(pr));
			err = ofl_gso_meta_from_parse(&pr, sizeof(pr), d, len,
						      (uint16_t)mss, &m);
			if (err == OFL_EOPNOTSUPP) {
				fate = G_REFUSED;
				gso_refused(frames, err, 0, mss, NULL);
			}
			olen = err ? len : gso_trim(d, len, &m);
			if (!err && gmax && olen - m.network_off >
					    (size_t)gmax) {
				fate = G_REFUSED;
				fprintf(stderr, "ofl gso: frame %lu not "
					"segmented: %zu bytes from the IP "
					"header on, above --gso-max-size %ld\n",
					frames, olen - m.network_off, gmax);
			} else if (!err && olen > m.hdr_len &&
			    olen - m.hdr_len > (size_t)mss) {
				fr.data = d;
				fr.len = (uint32_t)olen;
				fr.reserved = 0;
				n = ofl_gso_segment(&fr, 1, &m, 0, out,
						    sizeof(out), lens,
						    OFL_GSO_MAX_SEGS);
				if (n < 0) {
					fate = G_REFUSED;
					gso_refused(frames, n,
						    olen - m.hdr_len, mss, &m);
				} else {
					fate = G_SEGMENTED;
				}
			}
		}
		cnt[fate]++;
		if (json)
			printf("{\"frame\":%lu,\"fate\":\"%s\",\"segments\":%d,"
			       "\"len\":%zu}\n", frames, fate_name[fate],
			       fate == G_SEGMENTED ? n : 1, f.caplen);
		if (fate == G_REFUSED)	/* Linux drops it: validate_xmit_skb() */
			continue;
		if (fate != G_SEGMENTED) {
			if (pcapio_write_snapped(o, f.data, f.caplen,
						 f.wirelen, f.ts_usec)) {
				ret = CLI_EREAD;
				break;
			}
			continue;
		}
		segs += (unsigned long)n;
		for (k = 0; k < n; k++) {
			size_t sl = link_from_eth(lt, f.data, hdr, out + pos,
						  lens[k], seg, sizeof(seg));

			if (!sl || pcapio_write(o, seg, sl, f.ts_usec)) {
				ret = CLI_EREAD;
				break;
			}
			pos += lens[k];
		}
	}
	cli_progress_done();
	if (!o && ret == CLI_OK)	/* an empty capture: an empty OUT */
		o = pcapio_create(op, pcapio_linktype(in) >= 0 ?
				  pcapio_linktype(in) : LINK_EN10MB);
	if (!o || pcapio_finish(o))
		ret = CLI_EREAD;
	pcapio_close(in);
	if (ret == CLI_EREAD)
		return ret;
	if (json)
		printf("{\"summary\":{\"frames\":%lu,\"segmented\":%lu,"
		       "\"segments\":%lu,\"unchanged\":%lu,\"truncated\":%lu,"
		       "\"refused\":%lu,\"mss\":%ld}}\n", frames,
		       cnt[G_SEGMENTED], segs, cnt[G_UNCHANGED],
		       cnt[G_TRUNCATED], cnt[G_REFUSED], mss);
	else
		printf("%lu frames: %lu segmented into %lu segments, %lu "
		       "passed unchanged (%lu of them truncated in the "
		       "capture), %lu refused; mss %ld\n", frames,
		       cnt[G_SEGMENTED], segs, cnt[G_UNCHANGED] +
		       cnt[G_TRUNCATED], cnt[G_TRUNCATED], cnt[G_REFUSED],
		       mss);
	return ret;
}
