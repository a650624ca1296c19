// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Seed corpus of fuzz/fuzz_flow_keys.c, written at build time (no binary
 * seeds in git) into the directory argv[1], their paths into the list
 * argv[2]: every frame of tests/parser's catalogue (each a different
 * protocol path: VLAN, MPLS, PPPoE, IPv6 extension headers, fragments,
 * GRE, VXLAN, GENEVE ...) behind the fuzzer's 4-byte prefix, with no
 * flag, with all three BPF_FLOW_DISSECTOR_F_* flags, and with a port
 * table that adds VXLAN on 8472. Input format: fuzz_flow_keys.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "frames.h"
#include "seeds.h"

int main(int argc, char **argv)
{
	static const uint8_t pre[3][4] = {
		{ 0, 0, 0, 0 }, { 7, 0, 0, 0 }, { 8, 0x21, 0x18, 1 },
	};
	static uint8_t in[4 + sizeof(((struct fb *)0)->b)];
	struct fb f;
	unsigned int i, k;
	char name[32];

	seeds_open(argc, argv);
	for (i = 0; i < FB_COUNT; i++) {
		if (!fb_frame(i, &f))
			break;
		for (k = 0; k < 3; k++) {
			memcpy(in, pre[k], 4);
			memcpy(in + 4, f.b, f.n);
			snprintf(name, sizeof(name), "cat-%u-%u", i, k);
			seeds_write(name, -1, in, 4 + f.n);
		}
	}
	return seeds_close();
}
