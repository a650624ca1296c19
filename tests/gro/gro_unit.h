/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The GRO unit tests' (test_gro.c, test_fraglist.c; cmocka) frames,
 * context and deliveries, and their one way to run segments of
 * gro_cases.h through lib/gro: build, one burst, a flush.
 */
#ifndef OFL_TESTS_GRO_UNIT_H
#define OFL_TESTS_GRO_UNIT_H

#include "ofl_test.h"
#include <offload/gro.h>
#include "gro_cases.h"

static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
static uint8_t fb[GRO_CASE_MAX_SEGS][70000];
static uint32_t fl[GRO_CASE_MAX_SEGS];
static const uint8_t *fp[GRO_CASE_MAX_SEGS];
static struct ofl_gro_ctx ctx;
static struct ofl_gro_pkt pk[2 * GRO_CASE_MAX_SEGS + OFL_GRO_MAX_FLOWS];

/* A golden table row: what the kernel delivered for case @name (frame
 * lengths in delivery order, "m" merged) */
struct golden {
	int v6;
	const char *name;
	const char *out;
};

/* Segments @g[0..n) built into fb/fl/fp and described in @f: id i, hash
 * the source port modulo @hash_mod (0: hash 0), ip_summed @csum. */
static void gu_build(struct ofl_gro_frame *f, const struct tseg *g, int n,
		     uint32_t csum, uint32_t hash_mod)
{
	int i;

	for (i = 0; i < n; i++) {
		fl[i] = (uint32_t)tseg_build(&g[i], fb[i], dm);
		fp[i] = fb[i];
		memset(&f[i], 0, sizeof(f[i]));
		f[i].data = fb[i];
		f[i].len = fl[i];
		f[i].hash = hash_mod ? g[i].sport % hash_mod : 0;
		f[i].id = (uint32_t)i;
		f[i].ip_summed = csum;
		if (csum == OFL_CHECKSUM_COMPLETE) {	/* the device's sum */
			f[i].csum_start = 14;
			f[i].csum = ofl_csum_partial(fb[i] + 14, fl[i] - 14, 0);
		}
	}
}

/* @f[0..n) through ctx: one burst, then a flush; the deliveries in pk,
 * their number returned. */
static int gu_run(struct ofl_gro_frame *f, int n)
{
	int k, m;

	k = ofl_gro_receive_burst(&ctx, f, (unsigned int)n, pk,
				  2 * GRO_CASE_MAX_SEGS);
	assert_true(k >= 0);
	m = ofl_gro_flush(&ctx, pk + k, OFL_GRO_MAX_FLOWS);
	assert_true(m >= 0);
	return k + m;
}

/* The deliveries pk[0..k) as a golden row's "out" */
static void fmt(int k, char *s, size_t cap)
{
	size_t o = 0;
	int i;

	s[0] = 0;
	for (i = 0; i < k && o + 16 < cap; i++)
		o += (size_t)snprintf(s + o, cap - o, "%s%u%s", i ? " " : "",
				      pk[i].len,
				      pk[i].kind == OFL_GRO_PKT_MERGED ? "m" :
				      "");
}

#endif
