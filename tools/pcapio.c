// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include "pcapio.h"

struct pcapio_in {
	pcap_t *p;
};

struct pcapio_out {
	pcap_t *p;
	pcap_dumper_t *d;
};

/* libpcap reads nanosecond pcaps (magic a1b23c4d) itself and scales their
 * timestamps to microseconds (the default precision of pcap_open_offline). */
static struct pcapio_in *pcapio_open_link(const char *path, int any,
					  int *linktype)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcapio_in *in;
	pcap_t *p = pcap_open_offline(path, err);

	if (!p) {
		fprintf(stderr, "ofl: %s: %s\n", path, err);
		return NULL;
	}
	*linktype = pcap_datalink(p);
	if (!any && *linktype != DLT_EN10MB) {
		fprintf(stderr, "ofl: %s: not an Ethernet capture (link type %d)\n",
			path, *linktype);
		pcap_close(p);
		return NULL;
	}
	in = calloc(1, sizeof(*in));
	if (!in) {
		pcap_close(p);
		return NULL;
	}
	in->p = p;
	return in;
}

struct pcapio_in *pcapio_open(const char *path)
{
	int lt;

	return pcapio_open_link(path, 0, &lt);
}

struct pcapio_in *pcapio_open_any(const char *path, int *linktype)
{
	return pcapio_open_link(path, 1, linktype);
}

int pcapio_next(struct pcapio_in *in, const uint8_t **data, size_t *len,
		size_t *wirelen, uint64_t *ts_usec)
{
	struct pcap_pkthdr *h;
	const u_char *d;
	int r = pcap_next_ex(in->p, &h, &d);

	if (r == PCAP_ERROR_BREAK)
		return 0;
	if (r != 1) {
		fprintf(stderr, "ofl: read error: %s\n", pcap_geterr(in->p));
		return -1;
	}
	*data = d;
	*len = h->caplen;
	if (wirelen)
		*wirelen = h->len;
	if (ts_usec)
		*ts_usec = (uint64_t)h->ts.tv_sec * 1000000u +
			   (uint64_t)h->ts.tv_usec;
	return 1;
}

void pcapio_close(struct pcapio_in *in)
{
	if (!in)
		return;
	pcap_close(in->p);
	free(in);
}

struct pcapio_out *pcapio_create(const char *path)
{
	struct pcapio_out *out = calloc(1, sizeof(*out));

	if (!out)
		return NULL;
	out->p = pcap_open_dead(DLT_EN10MB, 262144);
	if (!out->p) {
		free(out);
		return NULL;
	}
	out->d = pcap_dump_open(out->p, path);
	if (!out->d) {
		fprintf(stderr, "ofl: %s: %s\n", path, pcap_geterr(out->p));
		pcap_close(out->p);
		free(out);
		return NULL;
	}
	return out;
}

int pcapio_write(struct pcapio_out *out, const uint8_t *data, size_t len,
		 uint64_t ts_usec)
{
	struct pcap_pkthdr h;

	h.ts.tv_sec = (time_t)(ts_usec / 1000000u);
	h.ts.tv_usec = (suseconds_t)(ts_usec % 1000000u);
	h.caplen = (bpf_u_int32)len;
	h.len = (bpf_u_int32)len;
	pcap_dump((u_char *)out->d, &h, data);
	return 0;
}

void pcapio_finish(struct pcapio_out *out)
{
	if (!out)
		return;
	pcap_dump_close(out->d);
	pcap_close(out->p);
	free(out);
}
