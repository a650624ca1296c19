// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Seed corpus of fuzz/fuzz_gro_fast.c, written at build time (no binary
 * seeds in git) into the directory argv[1], their paths into the list
 * argv[2]. Each seed is two flows of one hash, so of one bucket, A held
 * before B; A ends mid-poll (PSH, or a short last segment) and its next
 * segment arrives while B is still held: the bucket's newest flow (B)
 * does not admit it, the same-hash stand-in (A's old slot) does, the
 * lookup finds no flow and the segment is held as a new one: the hold at
 * the end of ofl__gro_receive_tmpl (lib/gro/receive.c), which
 * tests/gro/test_standin.c covers and which random inputs reach rarely.
 * Then a second poll of the same. Every profile, with and without the
 * pool, each ip_summed state. Records: fuzz_gro_fast.c, frame().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "seeds.h"

#define HASH 0x5a	/* r[6]: the hash of every frame (r[7] & 4 clear) */

static uint8_t in[256];
static size_t inn;

/* One record: @r0 a flow (0: A, 1: B) or 0xff (the end of a poll at
 * clock @r1); a segment is in order, of 256 bytes unless @r1 says
 * otherwise, with @r2's flags (8: PSH) and @r7's options (ip_summed in
 * bits 4-5; 0x40: csum_start 14). */
static void rec(uint8_t r0, uint8_t r1, uint8_t r2, uint8_t r7)
{
	const uint8_t r[8] = { r0, r1, r2, 0, 0, 0, HASH, r7 };

	if (inn + sizeof(r) > sizeof(in))
		abort();
	memcpy(in + inn, r, sizeof(r));
	inn += sizeof(r);
}

/* One poll: A, B, A's last, A again (the stand-in hold), B, A. @end1,
 * @end2: the r[1], r[2] of A's last segment. */
static void poll(uint8_t end1, uint8_t end2, uint8_t r7)
{
	rec(0, 0, 0, r7);
	rec(1, 0, 0, r7);
	rec(0, end1, end2, r7);
	rec(0, 0, 0, r7);
	rec(1, 0, 0, r7);
	rec(0, 0, 0, r7);
}

int main(int argc, char **argv)
{
	/* A's last: PSH; or 32 bytes (((0x48 & 0x7c) ^ 0x40) * 4) */
	static const uint8_t ends[2][2] = { { 0, 0x08 }, { 0x48, 0 } };
	unsigned int prof, pool, sum, k = 0;
	char name[32];

	seeds_open(argc, argv);
	for (prof = 0; prof < 4; prof++)
		for (pool = 0; pool < 2; pool++)
			for (sum = 0; sum < 3; sum++) {
				const uint8_t *e = ends[(prof + sum) & 1];
				uint8_t r7 = (uint8_t)(sum << 4 | 0x40);

				inn = 0;
				in[inn++] = (uint8_t)(prof | pool << 4);
				poll(e[0], e[1], r7);
				/* end of the poll at clock 1, then another */
				rec(0xff, 1, 0, 0);
				poll(e[0], e[1], r7);
				snprintf(name, sizeof(name), "standin-%u", k++);
				seeds_write(name, -1, in, inn);
			}
	return seeds_close();
}
