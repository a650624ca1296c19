// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A program that links libofl.so after overriding the capacities that
 * change public struct layouts (issue 12 item 5). Built twice by
 * tests/core/CMakeLists.txt against the shared library:
 *   abi_default   no override: every call must succeed;
 *   abi_override  -DOFL_GRO_MAX_SEGS=32 -DOFL_GRO_MAX_HDR=128
 *                 -DOFL_RSS_INPUT_MAX=64 -DOFL_PARSE_MAX_LAYERS=8
 *                 -DOFL_CSUM_MAX_LAYERS=2 -DOFL_CSUM_VIEW_MAX_CHECKS=4:
 *                 every
 *                 call that takes such a struct must refuse it with
 *                 OFL_EINVAL and leave the caller's memory as it was
 *                 (a canary after each struct), instead of corrupting it.
 * Prints one line per call and exits 0 when each answer is the expected
 * one.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include <offload/rss.h>

#ifndef ABI_OVERRIDE
#define ABI_OVERRIDE 0
#endif

#define CANARY 0xa5

/* each struct followed by a canary the library must never touch */
static struct {
	struct ofl_gro_ctx gro;
	unsigned char c0[64];
	struct ofl_rss rss;
	unsigned char c1[64];
	struct ofl_rss_nibble nib;
	unsigned char c2[64];
	struct ofl_parse_result res;
	unsigned char c3[64];
	struct ofl_csum_layers ly;
	unsigned char c4[64];
	struct ofl_csum_view cv;
	unsigned char c5[64];
	struct ofl_csum_verdict cvv[OFL_CSUM_VIEW_MAX_CHECKS];
	unsigned char c6[64];
} m;

static const uint8_t key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* Ethernet / IPv4 / TCP, 100 bytes of payload */
static uint8_t frame[14 + 20 + 20 + 100] = {
	0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00,
	0x45, 0, 0, 140, 0, 1, 0x40, 0, 64, 6, 0, 0,
	198, 18, 0, 1, 198, 18, 0, 2,
	0x30, 0x39, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x18, 0xff, 0xff,
	0, 0, 0, 0,
};

static int bad;

static void expect(const char *what, int got)
{
	int want = ABI_OVERRIDE ? OFL_EINVAL : 0;

	printf("%-28s %s (%d)\n", what, got == want ? "ok" : "WRONG", got);
	if (got != want)
		bad++;
}

static int canaries_intact(void)
{
	static const unsigned char *c[] = { m.c0, m.c1, m.c2, m.c3, m.c4,
					    m.c5, m.c6 };
	unsigned int i, j;

	for (i = 0; i < 7; i++)
		for (j = 0; j < 64; j++)
			if (c[i][j] != CANARY)
				return 0;
	return 1;
}

int main(void)
{
	struct ofl_gso_meta gm;
	int r;

	memset(&m, CANARY, sizeof(m));
	printf("ofl ABI check (%s capacities): gro ctx %zu B, rss %zu B, "
	       "parse result %zu B\n", ABI_OVERRIDE ? "overridden" : "default",
	       sizeof(m.gro), sizeof(m.rss), sizeof(m.res));
	expect("ofl_gro_init", ofl_gro_init(&m.gro, sizeof(m.gro), NULL));
	expect("ofl_rss_init", ofl_rss_init(&m.rss, sizeof(m.rss), key, 40));
	expect("ofl_rss_nibble_init",
	       ofl_rss_nibble_init(&m.nib, sizeof(m.nib), key, 40));
	r = ofl_parse(frame, frame + sizeof(frame), OFL_PROTO_ETH, &m.res,
		      sizeof(m.res));
	expect("ofl_parse", r < 0 ? r : 0);
	/* on the default build feed the real result; on the overridden one
	 * the result was refused, but the size check must refuse it anyway */
	expect("ofl_gso_meta_from_parse",
	       ofl_gso_meta_from_parse(&m.res, sizeof(m.res), frame,
				       sizeof(frame), 40, &gm));
	expect("ofl_csum_layers_from_parse",
	       ofl_csum_layers_from_parse(&m.res, sizeof(m.res), frame,
					  frame + sizeof(frame), &m.ly,
					  sizeof(m.ly)));
	expect("ofl_csum_view_init",
	       ofl_csum_view_init(&m.cv, sizeof(m.cv), 0));
	/* the overridden build's view was refused: start it as the library
	 * would have, so that only the size check can refuse the next calls */
	if (ABI_OVERRIDE)
		memset(&m.cv, 0, sizeof(m.cv));
	expect("ofl_csum_view_from_parse",
	       ofl_csum_view_from_parse(&m.cv, sizeof(m.cv), &m.res,
					sizeof(m.res), frame,
					frame + sizeof(frame), 0));
	/* the frame's checksum fields are zero: BAD, OFL_ECSUM */
	r = ofl_csum_view_verify(&m.cv, sizeof(m.cv), frame,
				 frame + sizeof(frame), m.cvv);
	expect("ofl_csum_view_verify", r == OFL_ECSUM ? 0 : r);
	if (!canaries_intact()) {
		printf("memory past a struct was written\n");
		bad++;
	}
	printf("%s\n", bad ? "FAIL" : "PASS");
	return bad ? 1 : 0;
}
