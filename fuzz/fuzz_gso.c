// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gso on arbitrary frames, cut into up to three separately allocated
 * fragments, headers into a buffer of exactly hdr_len bytes (ASan sees any
 * overrun). Properties: the payload slices, concatenated, are the input's
 * payload; with metadata from ofl_gso_meta_from_frame() every segment's IP
 * lengths and checksums are right (reference check of tests/gso).
 * Input: gso_size (2 bytes), two cut points, flags, then the frame; with
 * flag bit 1 the frame is built from the next bytes instead (structured:
 * every tunnel, IPv4 options, IPv6 extension headers, TCP options), then
 * up to 4 of its header bytes are overwritten from the input; flag bit 2
 * adds GSO_PARTIAL. With CSUM_PARTIAL output every segment is cut into
 * gso_size pieces as a device does (headers copied) and each piece must
 * verify: the GSO_PARTIAL rule that the copied headers are right.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gso.h>
#include "../tests/gso/gso_frames.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(why)                                                              \
	do {                                                                   \
		fprintf(stderr, "fuzz_gso: %s (line %d)\n", why, __LINE__);   \
		abort();                                                       \
	} while (0)

/*
 * GSO_PARTIAL: what the device does with segment @sg (@len bytes): each
 * piece of gso_size gets the headers as they are (inner TCP sequence
 * advanced, inner UDP length set) and its inner L4 checksum computed; every
 * piece must verify (outer UDP and GRE checksums, IP lengths). A short last
 * piece of a GSO segment is left out (its lengths are the device's job).
 */
static void partial_pieces(const uint8_t *sg, size_t len,
			   const struct ofl_gso_meta *m, uint32_t gso_segs)
{
	static uint8_t pc[OFL_GSO_MAX_HDR + 65536u];
	uint32_t hl = m->hdr_len, mss = m->gso_size, i, n;
	const char *why;

	for (i = 0; i < gso_segs; i++) {
		n = (uint32_t)len - hl - i * mss;
		if (n > mss)
			n = mss;
		if (gso_segs > 1 && n < mss)
			break;
		why = gf_device_piece(pc, sg, m, i, n);
		if (why)
			FAIL(why);
	}
}

static void run(const uint8_t *fr, size_t len, struct ofl_gso_meta *m,
		uint32_t flags, size_t a, size_t b, int check)
{
	struct ofl_gso_frag f[3];
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	static uint8_t seg[OFL_GSO_MAX_HDR + 65536u * 4];
	uint8_t *p[3], *hdr;
	size_t cut[4] = { 0, a, b, len }, pos, k, cap, wpos;
	uint8_t *want;
	int i, r;

	for (i = 0; i < 3; i++) {
		p[i] = malloc(cut[i + 1] - cut[i] + 1);
		memcpy(p[i], fr + cut[i], cut[i + 1] - cut[i]);
		f[i].data = p[i];
		f[i].len = (uint32_t)(cut[i + 1] - cut[i]);
		f[i].reserved = 0;
	}
	if (ofl_gso_init(&it, f, 3, m, flags))
		goto out;
	hdr = malloc(m->hdr_len);
	pos = m->hdr_len;
	/* the iterator's segments back to back: what ofl_gso_segment() must
	 * write (it copies while it sums: ofl_csum_partial_copy) */
	cap = (size_t)ofl_gso_count(&it) * m->hdr_len + (len - m->hdr_len);
	want = cap <= (1u << 20) ? malloc(cap) : NULL;
	wpos = 0;
	while ((r = ofl_gso_next(&it, hdr, m->hdr_len, &s)) == 1) {
		if (s.payload_off != pos || s.hdr_len != m->hdr_len ||
		    s.payload_len == 0 || s.payload_len > 65536u * 4)
			FAIL("slice not contiguous");
		memcpy(seg, hdr, m->hdr_len);
		for (k = 0; k < s.payload_len; k++) {
			size_t o = pos + k;
			int fi = o < a ? 0 : o < b ? 1 : 2;

			/* the slice is the input's payload */
			if (fi < (int)s.frag ||
			    (fi == (int)s.frag && k == 0 &&
			     o - cut[fi] != s.frag_off))
				FAIL("fragment cursor");
			seg[m->hdr_len + k] = fr[o];
		}
		if (check && !(flags & OFL_GSO_F_CSUM_PARTIAL) &&
		    gf_verify(seg, m->hdr_len + s.payload_len, m))
			FAIL(gf_verify(seg, m->hdr_len + s.payload_len, m));
		if (check && (flags & OFL_GSO_F_CSUM_PARTIAL))
			partial_pieces(seg, m->hdr_len + s.payload_len, m,
				       s.gso_segs);
		if (want) {
			memcpy(want + wpos, seg, m->hdr_len + s.payload_len);
			wpos += m->hdr_len + s.payload_len;
		}
		pos += s.payload_len;
	}
	if (r < 0 || pos != len)
		FAIL("payload not given back");
	if (want) {
		uint32_t n = ofl_gso_count(&it);
		uint8_t *got = malloc(cap);
		uint32_t *lens = malloc(n * sizeof(*lens));

		if (wpos != cap ||
		    ofl_gso_segment(f, 3, m, flags, got, cap, lens, n) !=
			    (int)n ||
		    memcmp(got, want, cap))
			FAIL("ofl_gso_segment differs from ofl_gso_next");
		free(got);
		free(lens);
		free(want);
	}
	free(hdr);
out:
	for (i = 0; i < 3; i++)
		free(p[i]);
}

static uint8_t built[70000];

static void structured(const uint8_t *d, size_t size)
{
	struct gf_params g;
	struct ofl_gso_meta m;
	size_t len, a, b, i;
	uint16_t mss = (uint16_t)((d[0] << 8 | d[1]) % 9000 + 1);

	memset(&g, 0, sizeof(g));
	g.v6 = d[5] & 1;
	g.udp = (d[5] >> 1) & 1;
	g.tunnel = (d[5] >> 2) % GF_NTUNNELS;
	g.outer_v6 = (d[5] >> 5) & 1;
	g.vlan = (d[5] >> 6) & 1;
	g.df = g.outer_df = d[5] >> 7;
	g.n_ext = g.v6 ? d[6] % 4 : 0;
	g.ip_opt_words = g.v6 || g.tunnel ? 0 : d[6] >> 4 & 7;
	g.tcp_opt_words = d[7] % 11;
	g.tcp_flags = d[8];
	g.seq = (uint32_t)d[9] << 24 | d[10];
	g.ip_id = (uint16_t)(d[11] << 8 | d[12]);
	g.payload_len = ((uint32_t)d[13] << 8 | d[14]) % 60000 + 1;
	/* above the old cap of 1024 segments, but not 60000 tiny ones per
	 * input (the 65535 bound itself is in tests/gso/test_gso_partial.c) */
	if (g.payload_len > 4000u * mss)
		g.payload_len = 4000u * mss;
	g.seed = d[15] + 1u;
	len = gf_build(built, &g, &m);
	for (i = 16; i + 1 < size && i < 24; i += 2)
		built[d[i] % m.hdr_len] = d[i + 1];
	a = (size_t)d[2] * len / 255;
	b = a + (size_t)d[3] * (len - a) / 255;
	if (ofl_gso_meta_from_frame(built, len, mss, &m))
		return;
	/* GSO_PARTIAL (it comes with checksum offload), every tunnel */
	if (d[4] & 4)
		m.gso_type |= OFL_GSO_PARTIAL;
	run(built, len, &m, (d[4] & 1) | (d[4] & 4 ? OFL_GSO_F_CSUM_PARTIAL
						    : 0), a, b, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofl_gso_meta m;
	size_t len, a, b;
	uint16_t mss;

	if (size < 5 + 14)
		return 0;
	if (data[4] & 2) {
		structured(data, size);
		return 0;
	}
	mss = (uint16_t)(data[0] << 8 | data[1]);
	len = size - 5;
	a = (size_t)data[2] * len / 255;
	b = a + (size_t)data[3] * (len - a) / 255;
	if (!ofl_gso_meta_from_frame(data + 5, len, mss, &m))
		run(data + 5, len, &m, data[4] & 1, a, b, 1);
	if (size >= 5 + sizeof(m) + 14) {
		/* raw metadata: the validation itself */
		memcpy(&m, data + 5, sizeof(m));
		len -= sizeof(m);
		a = (size_t)data[2] * len / 255;
		b = a + (size_t)data[3] * (len - a) / 255;
		run(data + 5 + sizeof(m), len, &m, data[4] & 1, a, b, 0);
	}
	return 0;
}
