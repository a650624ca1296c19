// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl gso --mss N IN.pcap OUT.pcap
 *
 * Every frame of IN (Ethernet, IPv4 or IPv6, TCP or UDP, optionally inside
 * VXLAN/GENEVE/GRE/IP-in-IP) whose L4 payload is larger than N is cut as
 * Linux GSO cuts it with gso_size = N (TCP: TSO, UDP: UDP_L4), with
 * complete checksums; other frames are copied unchanged. OUT holds the
 * frames and segments in order (pcap, Ethernet), each with its input
 * frame's timestamp. The headers are found by lib/parser (ofl_parse(),
 * then ofl_gso_meta_from_parse()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include "cmds.h"
#include "pcapio.h"

#define GSO_OUT_CAP (OFL_GSO_MAX_SEGS * OFL_GSO_MAX_HDR + (1u << 18))

static int gso_usage(void)
{
	fprintf(stderr, "usage: ofl gso --mss N IN.pcap OUT.pcap\n");
	return 2;
}

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

int cmd_gso(int argc, char **argv)
{
	static uint8_t out[GSO_OUT_CAP];
	static uint32_t lens[OFL_GSO_MAX_SEGS];
	static struct ofl_parse_result pr;
	struct pcapio_in *in;
	struct pcapio_out *o;
	unsigned long frames = 0, cut = 0, segs = 0, refused = 0;
	const char *ip = NULL, *op = NULL;
	long mss = -1;
	int i, r, ret = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--mss") && i + 1 < argc) {
			char *e;

			mss = strtol(argv[++i], &e, 10);
			if (*e || mss < 1 || mss > 65535) {
				fprintf(stderr, "ofl gso: bad --mss %s\n",
					argv[i]);
				return 2;
			}
		} else if (!ip) {
			ip = argv[i];
		} else if (!op) {
			op = argv[i];
		} else {
			return gso_usage();
		}
	}
	if (mss < 0 || !ip || !op)
		return gso_usage();
	in = pcapio_open(ip);
	if (!in)
		return 1;
	o = pcapio_create(op);
	if (!o) {
		pcapio_close(in);
		return 1;
	}
	for (;;) {
		const uint8_t *d;
		size_t len, wire, olen, pos = 0;
		uint64_t ts;
		struct ofl_gso_meta m;
		struct ofl_gso_frag f;
		int n = 0, k;

		r = pcapio_next(in, &d, &len, &wire, &ts);
		if (r <= 0) {
			ret = r < 0;
			break;
		}
		frames++;
		olen = len;
		/* a snapped frame cannot be cut: it has no whole payload */
		if (len == wire)
			ofl_parse(d, d + len, OFL_PROTO_ETH, &pr, sizeof(pr));
		if (len == wire && !ofl_gso_meta_from_parse(&pr, d, len,
							   (uint16_t)mss,
							   &m)) {
			len = gso_trim(d, len, &m);
			if (len > m.hdr_len && len - m.hdr_len > (size_t)mss) {
				f.data = d;
				f.len = (uint32_t)len;
				f.reserved = 0;
				n = ofl_gso_segment(&f, 1, &m, 0, out,
						    sizeof(out), lens,
						    OFL_GSO_MAX_SEGS);
				if (n < 0) {
					refused++;
					fprintf(stderr,
						"ofl gso: frame %lu not "
						"segmented: %s\n",
						frames, ofl_strerror(n));
				}
			}
		}
		if (n <= 0) {
			if (pcapio_write(o, d, olen, ts)) {
				ret = 1;
				break;
			}
			continue;
		}
		cut++;
		segs += (unsigned long)n;
		for (k = 0; k < n; k++) {
			if (pcapio_write(o, out + pos, lens[k], ts)) {
				ret = 1;
				break;
			}
			pos += lens[k];
		}
	}
	pcapio_finish(o);
	pcapio_close(in);
	fprintf(stderr,
		"ofl gso: %lu frames, %lu segmented into %lu segments, "
		"%lu not segmented (refused), mss %ld\n",
		frames, cut, segs, refused, mss);
	return ret;
}
