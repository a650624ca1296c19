// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The ofl tool's own capture reader and writer (no libpcap): libpcap cuts
 * every frame at the file header's snaplen (and at 262144 bytes), while a
 * BIG TCP capture may hold frames of 200000 bytes behind a header saying
 * 65535; tshark shows them whole, and so does this reader. Formats:
 * pcap (tcpdump.org "PCAP Capture File Format"), pcapng (RFC draft
 * "PCAP Next Generation Dump File Format": SHB, IDB, EPB, SPB, PB).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "pcapio.h"

#define PCAPIO_MAX_IFACES 256

struct pcapio_iface {
	int linktype;
	uint32_t snaplen;
	int tsdec;		/* 1: 10^-tsexp seconds, 0: 2^-tsexp */
	unsigned int tsexp;
};

struct pcapio_in {
	FILE *f;
	char *path;
	int ng;			/* pcapng */
	int swap;		/* the file's byte order is not ours */
	int nsec;		/* pcap with nanosecond timestamps */
	int linktype;		/* pcap: the file's; pcapng: first IDB's */
	uint32_t snaplen;
	struct pcapio_iface ifs[PCAPIO_MAX_IFACES];
	unsigned int nifs;
	uint8_t *buf;
	size_t cap;
	unsigned long frame;	/* frames returned so far */
	uint8_t first[4];	/* pcapng: the SHB type, read as the magic */
	int have_first;
	uint64_t pos, size;
};

struct pcapio_out {
	FILE *f;
	char *path;
	int failed;
	int ng;		/* pcapng (a path ending in .pcapng) */
};

static uint32_t sw32(const struct pcapio_in *in, uint32_t v)
{
	if (!in->swap)
		return v;
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) |
	       (v << 24);
}

static uint32_t get32(const struct pcapio_in *in, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return sw32(in, v);
}

static uint16_t get16(const struct pcapio_in *in, const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return in->swap ? (uint16_t)(v >> 8 | v << 8) : v;
}

/* Reads @n bytes; 1, 0 at a clean end of file (nothing read), -1 when
 * the file ends inside them. */
static int rd(struct pcapio_in *in, void *p, size_t n)
{
	size_t got = fread(p, 1, n, in->f);

	in->pos += got;
	if (got == n)
		return 1;
	return got == 0 && feof(in->f) ? 0 : -1;
}

static int grow(struct pcapio_in *in, size_t n)
{
	uint8_t *b;

	if (n <= in->cap)
		return 0;
	b = realloc(in->buf, n);
	if (!b) {
		fprintf(stderr, "ofl: %s: out of memory for a %zu-byte frame\n",
			in->path, n);
		return -1;
	}
	in->buf = b;
	in->cap = n;
	return 0;
}

static int bad(struct pcapio_in *in, const char *what)
{
	if (ferror(in->f))
		fprintf(stderr, "ofl: %s: read error: %s\n", in->path,
			strerror(errno));
	else
		fprintf(stderr, "ofl: %s: %s (after frame %lu, byte %llu)\n",
			in->path, what, in->frame,
			(unsigned long long)in->pos);
	return -1;
}

static int open_pcap(struct pcapio_in *in, const uint8_t *m)
{
	uint8_t h[20];

	if (rd(in, h, 20) != 1)
		return bad(in, "truncated pcap file header");
	in->snaplen = get32(in, h + 12);
	/* the upper bits carry FCS information (LINKTYPE_ and FCS) */
	in->linktype = (int)(get32(in, h + 16) & 0x0fffffffu);
	(void)m;
	return 0;
}

/* Reads one pcapng block's body into in->buf; type and body length out.
 * 1, 0 at the end, -1 on error. */
static int ng_block(struct pcapio_in *in, uint32_t *type, size_t *blen)
{
	uint8_t h[8];
	uint32_t tl, t;
	int r;

	if (in->have_first) {	/* the magic pcapio_open() read already */
		memcpy(h, in->first, 4);
		in->have_first = 0;
		r = rd(in, h + 4, 4) == 1 ? 1 : -1;
	} else {
		r = rd(in, h, 8);
	}
	if (r <= 0)
		return r ? bad(in, "file ends inside a block header") : 0;
	memcpy(&t, h, 4);
	if (t == 0x0a0d0d0au) {	/* SHB: its byte order mark comes next */
		uint8_t bom[4];
		uint32_t b;

		if (rd(in, bom, 4) != 1)
			return bad(in, "file ends inside a section header");
		memcpy(&b, bom, 4);
		if (b == 0x1a2b3c4du)
			in->swap = 0;
		else if (b == 0x4d3c2b1au)
			in->swap = 1;
		else
			return bad(in, "bad pcapng byte-order mark");
		tl = get32(in, h + 4);
		if (tl < 28 || tl % 4 || tl - 16 > PCAPIO_MAX_FRAME)
			return bad(in, "bad pcapng section header length");
		if (grow(in, tl) || rd(in, in->buf, tl - 12) != 1)
			return bad(in, "file ends inside a section header");
		in->nifs = 0;	/* a new section: its own interfaces */
		*type = t;
		*blen = tl - 16;
		return 1;
	}
	t = get32(in, h);
	tl = get32(in, h + 4);
	if (tl < 12 || tl % 4 || tl - 12 > PCAPIO_MAX_FRAME + 64)
		return bad(in, "bad pcapng block length");
	if (grow(in, tl) || rd(in, in->buf, tl - 8) != 1)
		return bad(in, "file ends inside a block");
	*type = t;
	*blen = tl - 12;
	return 1;
}

static void ng_idb(struct pcapio_in *in, size_t blen)
{
	struct pcapio_iface *i;
	size_t o = 8;

	if (in->nifs >= PCAPIO_MAX_IFACES || blen < 8)
		return;
	i = &in->ifs[in->nifs++];
	i->linktype = get16(in, in->buf);
	i->snaplen = get32(in, in->buf + 4);
	i->tsdec = 1;
	i->tsexp = 6;
	while (o + 4 <= blen) {	/* options: code, length, value */
		uint16_t code = get16(in, in->buf + o);
		uint16_t len = get16(in, in->buf + o + 2);

		if (!code || o + 4 + len > blen)
			break;
		if (code == 9 && len >= 1) {	/* if_tsresol */
			uint8_t v = in->buf[o + 4];

			i->tsdec = !(v & 0x80);
			i->tsexp = v & 0x7f;
		}
		o += 4 + ((len + 3u) & ~3u);
	}
	if (in->linktype < 0)
		in->linktype = i->linktype;
}

static uint64_t ng_usec(const struct pcapio_iface *i, uint64_t ts)
{
	unsigned int e = i->tsexp;

	if (!i->tsdec) {	/* 2^-e seconds: whole seconds, then the rest */
		uint64_t frac;

		if (e > 63)
			return 0;
		frac = ts & ((1ull << e) - 1);
		while (e > 40) {	/* keep frac * 10^6 within 64 bits */
			frac >>= 1;
			e--;
		}
		return (ts >> i->tsexp) * 1000000u + ((frac * 1000000u) >> e);
	}
	while (e > 6) {
		ts /= 10;
		e--;
	}
	while (e < 6) {
		ts *= 10;
		e++;
	}
	return ts;
}

struct pcapio_in *pcapio_open(const char *path)
{
	struct pcapio_in *in = calloc(1, sizeof(*in));
	struct stat st;
	uint8_t m[4];
	uint32_t magic;
	int r;

	if (!in)
		return NULL;
	in->linktype = -1;
	in->path = strdup(path);
	in->f = !strcmp(path, "-") ? stdin : fopen(path, "rb");
	if (!in->f) {
		fprintf(stderr, "ofl: %s: %s\n", path, strerror(errno));
		goto fail;
	}
	if (!fstat(fileno(in->f), &st) && S_ISREG(st.st_mode))
		in->size = (uint64_t)st.st_size;
	r = rd(in, m, 4);
	if (r == 0) {
		fprintf(stderr, "ofl: %s: empty file, not a capture\n", path);
		goto fail;
	}
	if (r < 0) {
		fprintf(stderr, "ofl: %s: too short for a capture file\n",
			path);
		goto fail;
	}
	memcpy(&magic, m, 4);
	switch (magic) {
	case 0xa1b2c3d4u: case 0xa1b23c4du:
		in->nsec = magic == 0xa1b23c4du;
		break;
	case 0xd4c3b2a1u: case 0x4d3cb2a1u:
		in->swap = 1;
		in->nsec = magic == 0x4d3cb2a1u;
		break;
	case 0x0a0d0d0au:
		in->ng = 1;
		break;
	default:
		fprintf(stderr, "ofl: %s: not a pcap or pcapng file\n", path);
		goto fail;
	}
	if (in->ng) {
		/* the SHB: ng_block() takes the 4 bytes read as the magic */
		uint32_t type;
		size_t blen;

		memcpy(in->first, m, 4);
		in->have_first = 1;
		if (ng_block(in, &type, &blen) != 1)
			goto fail;
	} else if (open_pcap(in, m)) {
		goto fail;
	}
	return in;
fail:
	pcapio_close(in);
	return NULL;
}

static int next_pcap(struct pcapio_in *in, struct pcapio_frame *f)
{
	uint8_t h[16];
	uint32_t cl, wl, frac;
	int r = rd(in, h, 16);

	if (r == 0)
		return 0;
	if (r < 0)
		return bad(in, "truncated: the file ends inside a record header");
	cl = get32(in, h + 8);
	wl = get32(in, h + 12);
	if (cl > PCAPIO_MAX_FRAME)
		return bad(in, "corrupt record: captured length too large");
	if (grow(in, cl ? cl : 1))
		return -1;
	if (cl && rd(in, in->buf, cl) != 1)
		return bad(in, "truncated: the file ends inside a frame");
	frac = get32(in, h + 4);
	f->data = in->buf;
	f->caplen = cl;
	f->wirelen = wl > cl ? wl : cl;
	f->ts_usec = (uint64_t)get32(in, h) * 1000000u +
		     (in->nsec ? frac / 1000u : frac);
	f->linktype = in->linktype;
	return 1;
}

static int next_ng(struct pcapio_in *in, struct pcapio_frame *f)
{
	for (;;) {
		const struct pcapio_iface *i;
		uint32_t type, id, cl, wl;
		size_t blen, hl;
		uint64_t ts = 0;
		int r = ng_block(in, &type, &blen);

		if (r <= 0)
			return r;
		if (type == 1) {
			ng_idb(in, blen);
			continue;
		}
		if (type == 6 && blen >= 20) {		/* EPB */
			id = get32(in, in->buf);
			ts = (uint64_t)get32(in, in->buf + 4) << 32 |
			     get32(in, in->buf + 8);
			cl = get32(in, in->buf + 12);
			wl = get32(in, in->buf + 16);
			hl = 20;
		} else if (type == 2 && blen >= 20) {	/* PB (obsolete) */
			id = get16(in, in->buf);
			ts = (uint64_t)get32(in, in->buf + 4) << 32 |
			     get32(in, in->buf + 8);
			cl = get32(in, in->buf + 12);
			wl = get32(in, in->buf + 16);
			hl = 20;
		} else if (type == 3 && blen >= 4) {	/* SPB */
			id = 0;
			wl = get32(in, in->buf);
			hl = 4;
			cl = (uint32_t)(blen - 4) < wl ? (uint32_t)(blen - 4)
						       : wl;
			if (in->nifs && in->ifs[0].snaplen &&
			    cl > in->ifs[0].snaplen)
				cl = in->ifs[0].snaplen;
		} else {
			continue;	/* statistics, names, comments ... */
		}
		if (id >= in->nifs)
			return bad(in, "packet block of an undeclared interface");
		if (hl + cl > blen)
			return bad(in, "corrupt packet block: captured length "
				   "exceeds the block");
		i = &in->ifs[id];
		f->data = in->buf + hl;
		f->caplen = cl;
		f->wirelen = wl > cl ? wl : cl;
		f->ts_usec = ng_usec(i, ts);
		f->linktype = i->linktype;
		return 1;
	}
}

int pcapio_next(struct pcapio_in *in, struct pcapio_frame *f)
{
	int r = in->ng ? next_ng(in, f) : next_pcap(in, f);

	if (r == 1)
		in->frame++;
	return r;
}

int pcapio_linktype(const struct pcapio_in *in)
{
	return in->linktype;
}

uint64_t pcapio_size(const struct pcapio_in *in)
{
	return in->size;
}

uint64_t pcapio_pos(const struct pcapio_in *in)
{
	return in->pos;
}

void pcapio_close(struct pcapio_in *in)
{
	if (!in)
		return;
	if (in->f && in->f != stdin)
		fclose(in->f);
	free(in->buf);
	free(in->path);
	free(in);
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);	/* native order: the magic says which */
}

struct pcapio_out *pcapio_create(const char *path, int linktype)
{
	struct pcapio_out *out = calloc(1, sizeof(*out));
	uint8_t h[24];

	if (!out)
		return NULL;
	out->path = strdup(path);
	out->f = fopen(path, "wb");
	if (!out->f) {
		fprintf(stderr, "ofl: %s: %s\n", path, strerror(errno));
		free(out->path);
		free(out);
		return NULL;
	}
	{
		size_t pl = strlen(path);

		out->ng = pl >= 7 && !strcmp(path + pl - 7, ".pcapng");
	}
	if (out->ng) {
		/* SHB (no options, section length unknown) and one IDB with
		 * snaplen 0: no limit, so BIG TCP frames past 262144 bytes
		 * are whole for every reader */
		uint8_t b[28 + 20];

		put32(b, 0x0a0d0d0au);
		put32(b + 4, 28);
		put32(b + 8, 0x1a2b3c4du);
		memcpy(b + 12, (uint16_t[]){ 1, 0 }, 4);
		put32(b + 16, 0xffffffffu);
		put32(b + 20, 0xffffffffu);
		put32(b + 24, 28);
		put32(b + 28, 1);
		put32(b + 32, 20);
		memcpy(b + 36, (uint16_t[]){ (uint16_t)linktype, 0 }, 4);
		put32(b + 40, 0);
		put32(b + 44, 20);
		if (fwrite(b, sizeof(b), 1, out->f) != 1)
			out->failed = 1;
		return out;
	}
	put32(h, 0xa1b2c3d4u);
	memcpy(h + 4, (uint16_t[]){ 2, 4 }, 4);	/* version 2.4 */
	put32(h + 8, 0);
	put32(h + 12, 0);
	put32(h + 16, 262144);	/* snaplen: what tcpdump writes */
	put32(h + 20, (uint32_t)linktype);
	if (fwrite(h, 24, 1, out->f) != 1)
		out->failed = 1;
	return out;
}

int pcapio_write(struct pcapio_out *out, const uint8_t *data, size_t len,
		 uint64_t ts_usec)
{
	return pcapio_write_snapped(out, data, len, len, ts_usec);
}

int pcapio_write_snapped(struct pcapio_out *out, const uint8_t *data,
			 size_t len, size_t wirelen, uint64_t ts_usec)
{
	uint8_t h[16];

	if (out->failed)
		return -1;
	if (out->ng) {
		/* EPB: interface 0, microseconds (the IDB's default) */
		static const uint8_t pad[4];
		uint8_t e[28], t[4];
		uint32_t bl = 28 + (uint32_t)((len + 3) & ~(size_t)3) + 4;

		put32(e, 6);
		put32(e + 4, bl);
		put32(e + 8, 0);
		put32(e + 12, (uint32_t)(ts_usec >> 32));
		put32(e + 16, (uint32_t)ts_usec);
		put32(e + 20, (uint32_t)len);
		put32(e + 24, (uint32_t)(wirelen > len ? wirelen : len));
		put32(t, bl);
		if (fwrite(e, 28, 1, out->f) != 1 ||
		    (len && fwrite(data, len, 1, out->f) != 1) ||
		    ((len & 3) && fwrite(pad, 4 - (len & 3), 1, out->f) != 1) ||
		    fwrite(t, 4, 1, out->f) != 1) {
			fprintf(stderr, "ofl: %s: write error: %s\n",
				out->path, strerror(errno));
			out->failed = 1;
			return -1;
		}
		return 0;
	}
	put32(h, (uint32_t)(ts_usec / 1000000u));
	put32(h + 4, (uint32_t)(ts_usec % 1000000u));
	put32(h + 8, (uint32_t)len);
	put32(h + 12, (uint32_t)(wirelen > len ? wirelen : len));
	if (fwrite(h, 16, 1, out->f) != 1 ||
	    (len && fwrite(data, len, 1, out->f) != 1)) {
		fprintf(stderr, "ofl: %s: write error: %s\n", out->path,
			strerror(errno));
		out->failed = 1;
		return -1;
	}
	return 0;
}

int pcapio_finish(struct pcapio_out *out)
{
	int failed;

	if (!out)
		return 0;
	failed = out->failed;
	if (fclose(out->f) && !failed) {
		fprintf(stderr, "ofl: %s: write error: %s\n", out->path,
			strerror(errno));
		failed = 1;
	}
	free(out->path);
	free(out);
	return failed ? -1 : 0;
}
