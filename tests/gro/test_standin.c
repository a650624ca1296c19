// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The fast path's stand-ins for the parse (lib/gro/receive.c): in an empty
 * bucket the flow slot 0 held last (ofl__gro_fast_flow), in a bucket with
 * held flows a slot's flow of the frame's hash (ofl__gro_receive_tmpl).
 * Many flows share few buckets, over many polls, with segments that end,
 * flush or are refused now and then: ofl_gro_receive() and
 * ofl_gro_receive_burst() must give what the full path gives
 * (ofl__gro_receive_generic, a test-only entry of userspace builds) frame
 * by frame, delivery by delivery and byte by byte of the context.
 */
#include "ofl_test.h"
#include <offload/gro.h>
#include "gro/internal.h"
#include "gro_frames.h"

#define NFL 32		/* flows: 4 to a bucket */
#define PER 3		/* segments of each flow in a poll */
#define NFR (NFL * PER)
#define NOUT (2 * NFR + OFL_GRO_MAX_FLOWS)

static uint8_t fb[NFR][2048];
static struct ofl_gro_frame fr[NFR];
static struct ofl_gro_ctx ca, cg, cb;
static struct ofl_gro_pkt pa[NOUT], pg[NOUT], pb[NOUT];

static void same_pkt(const struct ofl_gro_pkt *a, const struct ofl_gro_pkt *b)
{
	unsigned int j;

	assert_int_equal(a->frame, b->frame);
	assert_int_equal(a->len, b->len);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->gso_type, b->gso_type);
	assert_int_equal(a->gso_size, b->gso_size);
	assert_int_equal(a->gso_segs, b->gso_segs);
	assert_int_equal(a->csum_start, b->csum_start);
	assert_int_equal(a->csum_offset, b->csum_offset);
	assert_int_equal(a->hdr_len, b->hdr_len);
	assert_int_equal(a->nslices, b->nslices);
	assert_true(a->hdr_len <= OFL_GRO_MAX_HDR);
	assert_memory_equal(a->hdr, b->hdr, a->hdr_len);
	for (j = 0; j < a->nslices && j < OFL_GRO_MAX_SEGS; j++)
		assert_memory_equal(&a->slice[j], &b->slice[j],
				    sizeof(a->slice[j]));
}

/* The segments of one poll, with an event now and then by @rnd */
static void poll_frames(uint32_t *seq, uint16_t *id, uint32_t *rnd)
{
	static const uint8_t dmac[6] = { 2, 0, 0, 0, 0, 2 };
	int i;

	for (i = 0; i < NFR; i++) {
		struct tseg s;
		int f = i % NFL, len;
		uint32_t r;

		*rnd = *rnd * 1103515245u + 12345u;
		r = (*rnd >> 16) % 40;
		tseg_init(&s, 0);
		s.sport = (uint16_t)(40000 + f);
		s.paylen = 1448;
		s.seq = seq[f];
		s.ipid = id[f];
		if (r == 0)
			s.flags |= 0x08;	/* PSH: the flow ends */
		if (r == 1)
			s.ttl = 63;		/* flush */
		if (r == 2)
			s.paylen = 100;		/* short: the flow ends */
		if (r == 3)
			s.badcsum = 1;		/* refused (CHECKSUM_NONE) */
		if (r == 4)
			s.trailer = 4;		/* padded: flush */
		len = tseg_build(&s, fb[i], dmac);
		seq[f] += (uint32_t)s.paylen;
		id[f]++;
		memset(&fr[i], 0, sizeof(fr[i]));
		fr[i].data = fb[i];
		fr[i].len = (uint32_t)len;
		fr[i].id = (uint32_t)i;
		fr[i].hash = (uint32_t)f * 0x9e3779b1u;
		fr[i].ip_summed = (*rnd >> 8) % 3 ? OFL_CHECKSUM_NONE :
				  OFL_CHECKSUM_UNNECESSARY;
	}
}

static void polls(void **state)
{
	uint32_t seq[NFL], rnd = 1;
	uint16_t id[NFL];
	int poll, i, merged = 0;

	(void)state;
	assert_int_equal(ofl_gro_init(&ca, sizeof(ca), NULL), 0);
	assert_int_equal(ofl_gro_init(&cg, sizeof(cg), NULL), 0);
	assert_int_equal(ofl_gro_init(&cb, sizeof(cb), NULL), 0);
	for (i = 0; i < NFL; i++) {
		seq[i] = 1000u + (uint32_t)i * 100000u;
		id[i] = (uint16_t)(i * 7);
	}
	for (poll = 0; poll < 100; poll++) {
		int na = 0, ng = 0, nb;

		poll_frames(seq, id, &rnd);
		for (i = 0; i < NFR; i++) {
			unsigned int a = 0, g = 0, j;
			int ra = ofl_gro_receive(&ca, &fr[i], pa + na, &a);
			int rg = ofl__gro_receive_generic(&cg, &fr[i],
							  pg + ng, &g);

			assert_int_equal(ra, rg);
			assert_int_equal(a, g);
			for (j = 0; j < a; j++)
				same_pkt(&pa[na + (int)j], &pg[ng + (int)j]);
			assert_memory_equal(&ca, &cg, sizeof(ca));
			merged += ra == OFL_GRO_MERGED;
			na += (int)a;
			ng += (int)g;
		}
		nb = ofl_gro_receive_burst(&cb, fr, NFR, pb, NOUT);
		assert_true(nb >= 0);
		na += ofl_gro_flush(&ca, pa + na, (unsigned int)(NOUT - na));
		ng += ofl_gro_flush(&cg, pg + ng, (unsigned int)(NOUT - ng));
		nb += ofl_gro_flush(&cb, pb + nb, (unsigned int)(NOUT - nb));
		assert_int_equal(na, ng);
		assert_int_equal(nb, ng);
		for (i = 0; i < ng; i++) {
			same_pkt(&pa[i], &pg[i]);
			same_pkt(&pb[i], &pg[i]);
		}
		assert_memory_equal(&ca, &cg, sizeof(ca));
		assert_memory_equal(&cb, &cg, sizeof(cb));
	}
	/* most segments merged: the polls are what the stand-ins are for */
	assert_true(merged > 100 * NFR / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(polls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
