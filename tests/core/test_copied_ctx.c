// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Every incremental API at every split point with a copied context
 * (docs/CONVENTIONS.md, after BearSSL's TEST_HASH; issue 18, robustness):
 * run part of the work, byte-copy the context to other memory, spoil the
 * original, finish on the copy, and get exactly the output of the run
 * that was never interrupted. This is what a context in a BPF map value,
 * in static RAM or handed between cores must allow: no interior pointer,
 * nothing owned elsewhere.
 *   - lib/gro: struct ofl_gro_ctx between any two frames of every case of
 *     tests/gro/gro_cases.h (IPv4 and IPv6), then the flush;
 *   - lib/gso: struct ofl_gso_iter between any two segments, plain and
 *     tunnelled super-frames, PARTIAL and complete checksums;
 *   - lib/parser: struct ofl_parse_result between any two steps of the
 *     step API (the form BPF runs), against ofl_parse();
 *   - lib/csum: struct ofl_csum_state between any two of a series of NAT
 *     rewrites (ofl_csum_proto_replace4/2/16), each ip_summed;
 *   - lib/rss: struct ofl_rss, ofl_rss_nibble and ofl_rss_reta copied
 *     after init (the tables are read-only state): every hash and queue
 *     from the copy, with the original spoilt.
 */
#include "ofl_test.h"
#include <offload/csum.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include "../gro/gro_cases.h"
#include "../gso/gso_frames.h"

#define SPOIL 0x5a

/* ---- lib/gro ---------------------------------------------------------- */

#define MAXPK (2 * GRO_CASE_MAX_SEGS + OFL_GRO_MAX_FLOWS)

static struct ofl_gro_ctx ctx_a, ctx_b;
static struct ofl_gro_pkt ref[MAXPK], got[MAXPK];
static uint8_t fb[GRO_CASE_MAX_SEGS][2048];
static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 2 };

/* frames 0..n through ctx, switching to a byte copy of it before frame
 * @split (n + 1: never); returns the deliveries written to out */
static int gro_run(const struct ofl_gro_frame *f, int n, int split,
		   struct ofl_gro_pkt *out)
{
	struct ofl_gro_ctx *c = &ctx_a;
	unsigned int m;
	int i, k = 0, r;

	memset(out, 0, MAXPK * sizeof(*out));
	assert_int_equal(ofl_gro_init(&ctx_a, sizeof(ctx_a), NULL), 0);
	for (i = 0; i < n; i++) {
		if (i == split) {
			memcpy(&ctx_b, &ctx_a, sizeof(ctx_b));
			memset(&ctx_a, SPOIL, sizeof(ctx_a));
			c = &ctx_b;
		}
		r = ofl_gro_receive(c, &f[i], out + k, &m);
		assert_true(r >= 0);
		k += (int)m;
	}
	if (split == n) {	/* copied after the last frame */
		memcpy(&ctx_b, &ctx_a, sizeof(ctx_b));
		memset(&ctx_a, SPOIL, sizeof(ctx_a));
		c = &ctx_b;
	}
	r = ofl_gro_flush(c, out + k, OFL_GRO_MAX_FLOWS);
	assert_true(r >= 0);
	return k + r;
}

/* the meaningful part of two delivery lists (hdr past hdr_len and slices
 * past nslices are unspecified) */
static int pk_equal(const struct ofl_gro_pkt *a, const struct ofl_gro_pkt *b,
		    int n)
{
	int i;

	for (i = 0; i < n; i++, a++, b++)
		if (a->frame != b->frame || a->len != b->len ||
		    a->gso_type != b->gso_type || a->kind != b->kind ||
		    a->hdr_len != b->hdr_len || a->nslices != b->nslices ||
		    a->gso_size != b->gso_size || a->gso_segs != b->gso_segs ||
		    a->csum_start != b->csum_start ||
		    a->csum_offset != b->csum_offset ||
		    a->ocsum_start != b->ocsum_start ||
		    a->hdr_len > OFL_GRO_MAX_HDR ||
		    a->nslices > OFL_GRO_MAX_SEGS ||
		    memcmp(a->hdr, b->hdr, a->hdr_len) ||
		    memcmp(a->slice, b->slice,
			   a->nslices * sizeof(a->slice[0])))
			return 0;
	return 1;
}

static void test_gro(void **state)
{
	static struct tseg g[GRO_CASE_MAX_SEGS];
	struct ofl_gro_frame f[GRO_CASE_MAX_SEGS];
	unsigned int cases = 0, splits = 0;
	int c, v6;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		for (c = 0;; c++) {
			const char *nm;
			int multi, n, i, s, kr, kg;

			n = gro_case_v(c, v6, g, &nm, &multi);
			if (n < 0)
				break;
			for (i = 0; i < n; i++) {
				f[i].data = fb[i];
				f[i].len = (uint32_t)tseg_build(&g[i], fb[i],
								 dm);
				f[i].hash = 0;
				f[i].id = (uint32_t)i;
				f[i].ip_summed = OFL_CHECKSUM_NONE;
				f[i].csum = 0;
				f[i].csum_start = 0;
				f[i].vlan_proto = 0;
				f[i].vlan_tci = 0;
				f[i].reserved = 0;
			}
			kr = gro_run(f, n, n + 1, ref);
			for (s = 0; s <= n; s++) {
				kg = gro_run(f, n, s, got);
				if (kg != kr || !pk_equal(got, ref, kr)) {
					fprintf(stderr, "gro %s/%s split %d: "
						"%d deliveries, want %d\n",
						v6 ? "ipv6" : "ipv4", nm, s,
						kg, kr);
					fail();
				}
				splits++;
			}
			cases++;
		}
	}
	printf("gro: %u cases, %u split points, copied context equal\n",
	       cases, splits);
	assert_true(cases > 50);
}

/* ---- lib/gso ---------------------------------------------------------- */

#define GSO_SEGS 16

static struct ofl_gso_iter it_a, it_b;
static uint8_t in[64 * 1024];
static uint8_t hdr_ref[GSO_SEGS][512], hdr_got[GSO_SEGS][512];
static struct ofl_gso_seg seg_ref[GSO_SEGS], seg_got[GSO_SEGS];

/* every segment, switching to a byte copy of the iterator before segment
 * @split; returns the number of segments */
static int gso_run(const struct ofl_gso_frag *fr, const struct ofl_gso_meta *m,
		   uint32_t flags, int split, uint8_t (*hdr)[512],
		   struct ofl_gso_seg *seg)
{
	struct ofl_gso_iter *it = &it_a;
	int n = 0, r;

	memset(hdr, 0, GSO_SEGS * sizeof(*hdr));
	memset(seg, 0, GSO_SEGS * sizeof(*seg));
	assert_int_equal(ofl_gso_init(&it_a, fr, 1, m, flags), 0);
	for (;;) {
		if (n == split) {
			memcpy(&it_b, &it_a, sizeof(it_b));
			memset(&it_a, SPOIL, sizeof(it_a));
			it = &it_b;
		}
		assert_true(n < GSO_SEGS);
		r = ofl_gso_next(it, hdr[n], sizeof(hdr[n]), &seg[n]);
		assert_true(r >= 0);
		if (!r)
			break;
		n++;
	}
	return n;
}

/* one super-frame at every split point; returns the split points */
static unsigned int gso_case(int tunnel, unsigned int v, unsigned int u,
			     unsigned int cs)
{
	uint32_t flags = cs ? OFL_GSO_F_CSUM_PARTIAL : 0;
	struct ofl_gso_meta m;
	struct ofl_gso_frag fr;
	struct gf_params g;
	int n, s, k;

	memset(&g, 0, sizeof(g));
	g.v6 = (int)(v & 1);
	g.outer_v6 = (int)(v >> 1);
	g.udp = (int)u;
	g.tunnel = tunnel;
	g.payload_len = 9000;
	g.seed = 7 + (uint64_t)tunnel * 8 + v * 2 + u;
	g.df = 1;
	fr.data = in;
	fr.len = (uint32_t)gf_build(in, &g, &m);
	fr.reserved = 0;
	m.gso_size = 1000;
	if (cs)
		m.ip_summed = OFL_CHECKSUM_PARTIAL;
	n = gso_run(&fr, &m, flags, -1, hdr_ref, seg_ref);
	assert_true(n >= 9);
	for (s = 0; s <= n; s++) {
		k = gso_run(&fr, &m, flags, s, hdr_got, seg_got);
		if (k != n || memcmp(hdr_got, hdr_ref, sizeof(hdr_ref)) ||
		    memcmp(seg_got, seg_ref, sizeof(seg_ref))) {
			fprintf(stderr, "gso tunnel %d v%u udp %u csum %u "
				"split %d: differs\n", tunnel, v, u, cs, s);
			fail();
		}
	}
	return (unsigned int)n + 1;
}

static void test_gso(void **state)
{
	static const int tun[] = { GF_NONE, GF_VXLAN, GF_VXLAN_CSUM,
				   GF_GENEVE, GF_GRE_CSUM, GF_IPIP };
	unsigned int cases = 0, splits = 0, t, v, u, cs;

	(void)state;
	for (t = 0; t < OFL_ARRAY_SIZE(tun); t++)
		for (v = 0; v < 4; v++)
			for (u = 0; u < 2; u++)
				for (cs = 0; cs < 2; cs++) {
					splits += gso_case(tun[t], v, u, cs);
					cases++;
				}
	printf("gso: %u super-frames, %u split points, copied iterator "
	       "equal\n", cases, splits);
}

/* ---- lib/parser ------------------------------------------------------- */

static struct ofl_parse_result res_a, res_b, res_ref;

/* one frame's step walk at every split point; returns the split points */
static unsigned int parser_frame(unsigned int t, unsigned int v)
{
	struct ofl_gso_meta m;
	struct gf_params g;
	size_t len;
	int steps, s, r, i;

	memset(&g, 0, sizeof(g));
	g.v6 = (int)(v & 1);
	g.outer_v6 = (int)(v >> 1);
	g.n_ext = g.v6 ? 2 : 0;
	g.vlan = (int)(t & 1);
	g.tunnel = (int)t;
	g.payload_len = 100;
	g.seed = 3 + t;
	len = gf_build(in, &g, &m);
	memset(&res_ref, 0, sizeof(res_ref));
	r = ofl_parse(in, in + len, OFL_PROTO_ETH, &res_ref, sizeof(res_ref));
	assert_true(r >= 0);
	/* the steps of an uninterrupted walk */
	memset(&res_a, 0, sizeof(res_a));
	r = ofl_parse_begin(in, in + len, OFL_PROTO_ETH, &res_a,
			    sizeof(res_a));
	for (steps = 0; r == 0 && steps < OFL_PARSE_MAX_DEPTH; steps++)
		if (ofl_parse_step(in, in + len, &res_a, sizeof(res_a)) <= 0)
			break;
	for (s = 0; s <= steps + 1; s++) {
		struct ofl_parse_result *p = &res_a;

		memset(&res_a, 0, sizeof(res_a));
		r = ofl_parse_begin(in, in + len, OFL_PROTO_ETH, &res_a,
				    sizeof(res_a));
		if (!r)
			r = 1;
		for (i = 0; r > 0 && i < OFL_PARSE_MAX_DEPTH; i++) {
			if (i == s) {
				memcpy(&res_b, &res_a, sizeof(res_b));
				memset(&res_a, SPOIL, sizeof(res_a));
				p = &res_b;
			}
			r = ofl_parse_step(in, in + len, p, sizeof(*p));
		}
		ofl_parse_finish(p, r, sizeof(*p));
		if (memcmp(p, &res_ref, sizeof(res_ref))) {
			fprintf(stderr, "parser tunnel %u v%u split %d: the "
				"result differs from ofl_parse()\n", t, v, s);
			fail();
		}
	}
	return (unsigned int)steps + 2;
}

static void test_parser(void **state)
{
	unsigned int frames = 0, splits = 0, t, v;

	(void)state;
	for (t = 0; t < GF_NTUNNELS; t++)
		for (v = 0; v < 4; v++) {
			splits += parser_frame(t, v);
			frames++;
		}
	printf("parser: %u frames, %u split points, copied result equal to "
	       "ofl_parse()\n", frames, splits);
}

/* ---- lib/csum --------------------------------------------------------- */

/* a series of NAT rewrites of a TCP checksum: addresses (pseudo header),
 * a port, an IPv6 address; @w: the field's width in bytes (16: a6 -> b6) */
static const struct nat_step {
	unsigned int w;
	uint32_t from, to;
	bool pseudohdr;
} nat[] = {
	{ 4, 0xc6120001u, 0xc6130002u, true },
	{ 2, 80, 8080, false },
	{ 16, 0, 0, true },
	{ 4, 0xc6120102u, 0xc6120203u, false },
	{ 2, 1234, 4321, true },
	{ 4, 0xc6130002u, 0xc6120001u, true },
};
#define NAT_STEPS ((int)OFL_ARRAY_SIZE(nat))

/* steps [from, to) of nat[] on the checksum @check under @st */
static void nat_steps(uint8_t *check, struct ofl_csum_state *st, int from,
		      int to)
{
	static const uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
					0, 0, 0, 0, 0, 0, 0, 1 };
	static const uint8_t b6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
					0, 0, 0, 0, 0, 0, 0x12, 0x34 };
	const struct nat_step *n;
	int i;

	for (i = from; i < to; i++) {
		n = &nat[i];
		if (n->w == 16)
			ofl_csum_proto_replace16(check, st, a6, b6,
						 n->pseudohdr);
		else if (n->w == 4)
			ofl_csum_proto_replace4(check, st, (ofl_be32)n->from,
						(ofl_be32)n->to, n->pseudohdr);
		else
			ofl_csum_proto_replace2(check, st,
						(ofl_be16)n->from,
						(ofl_be16)n->to, n->pseudohdr);
	}
}

static void test_csum_state(void **state)
{
	static const uint8_t summed[] = { OFL_CHECKSUM_NONE,
					  OFL_CHECKSUM_UNNECESSARY,
					  OFL_CHECKSUM_COMPLETE,
					  OFL_CHECKSUM_PARTIAL };
	unsigned int k, splits = 0;
	int s;

	(void)state;
	for (k = 0; k < OFL_ARRAY_SIZE(summed); k++) {
		struct ofl_csum_state ref, a, b;
		uint8_t cref[2] = { 0x4c, 0x1d }, c[2];

		memset(&ref, 0, sizeof(ref));
		ref.csum = (ofl_wsum)0x1234abcdu;
		ref.csum_start = 34;
		ref.csum_offset = 16;
		ref.ip_summed = summed[k];
		nat_steps(cref, &ref, 0, NAT_STEPS);
		for (s = 0; s <= NAT_STEPS; s++) {
			memset(&a, 0, sizeof(a));
			a.csum = (ofl_wsum)0x1234abcdu;
			a.csum_start = 34;
			a.csum_offset = 16;
			a.ip_summed = summed[k];
			c[0] = 0x4c;
			c[1] = 0x1d;
			nat_steps(c, &a, 0, s);
			memcpy(&b, &a, sizeof(b));
			memset(&a, SPOIL, sizeof(a));
			nat_steps(c, &b, s, NAT_STEPS);
			if (memcmp(&b, &ref, sizeof(ref)) ||
			    memcmp(c, cref, sizeof(c))) {
				fprintf(stderr, "csum state ip_summed %u split "
					"%d: differs\n", summed[k], s);
				fail();
			}
			splits++;
		}
	}
	printf("csum: %u ip_summed states, %u split points, copied state "
	       "equal\n", (unsigned int)OFL_ARRAY_SIZE(summed), splits);
}

/* ---- lib/rss ---------------------------------------------------------- */

static struct ofl_rss rss_a, rss_b;
static struct ofl_rss_nibble nib_a, nib_b;
static struct ofl_rss_reta reta_a, reta_b;

static void test_rss(void **state)
{
	uint8_t key[OFL_RSS_MS_KEY_LEN], tuple[36];
	uint32_t want[64], wantn[64];
	uint16_t wantq[128];
	unsigned int i, j, len;

	(void)state;
	ofl_rss_key_microsoft(key);
	assert_int_equal(ofl_rss_init(&rss_a, sizeof(rss_a), key,
				      sizeof(key)), 0);
	assert_int_equal(ofl_rss_nibble_init(&nib_a, sizeof(nib_a), key,
					     sizeof(key)), 0);
	assert_int_equal(ofl_rss_reta_init(&reta_a, 128, 7), 0);
	for (i = 0; i < 64; i++) {
		for (j = 0; j < sizeof(tuple); j++)
			tuple[j] = (uint8_t)(i * 37 + j * 11 + 5);
		len = (i & 1) ? 36 : 12;
		want[i] = ofl_rss_hash(&rss_a, tuple, len);
		wantn[i] = ofl_rss_nibble_hash(&nib_a, tuple, len);
		assert_int_equal(want[i], ofl_rss_toeplitz(key, sizeof(key),
							   tuple, len));
		assert_int_equal(wantn[i], want[i]);
	}
	/* every entry of the table: hash i picks entry i */
	for (i = 0; i < 128; i++)
		wantq[i] = ofl_rss_reta_queue(&reta_a, i);
	memcpy(&rss_b, &rss_a, sizeof(rss_b));
	memcpy(&nib_b, &nib_a, sizeof(nib_b));
	memcpy(&reta_b, &reta_a, sizeof(reta_b));
	memset(&rss_a, SPOIL, sizeof(rss_a));
	memset(&nib_a, SPOIL, sizeof(nib_a));
	memset(&reta_a, SPOIL, sizeof(reta_a));
	for (i = 0; i < 64; i++) {
		for (j = 0; j < sizeof(tuple); j++)
			tuple[j] = (uint8_t)(i * 37 + j * 11 + 5);
		len = (i & 1) ? 36 : 12;
		assert_int_equal(ofl_rss_hash(&rss_b, tuple, len), want[i]);
		assert_int_equal(ofl_rss_nibble_hash(&nib_b, tuple, len),
				 wantn[i]);
	}
	for (i = 0; i < 128; i++)
		assert_int_equal(ofl_rss_reta_queue(&reta_b, i), wantq[i]);
	printf("rss: byte and nibble tables and a RETA copied, 64 tuples "
	       "hashed, 128 queues, the same\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gro),
		cmocka_unit_test(test_gso),
		cmocka_unit_test(test_parser),
		cmocka_unit_test(test_csum_state),
		cmocka_unit_test(test_rss),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
