// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/rss on a big-endian host (built by be_s390x.sh with the s390x cross
 * compiler, run under qemu-s390x): Microsoft's vectors (see test_rss.c for
 * the source), fast == nibble == reference on random keys, the tuple
 * builder, symmetric-xor and the RETA. Needs only libc's printf.
 */
#include <stdio.h>
#include <string.h>
#include <offload/rss.h>

static struct ofl_rss c;
static struct ofl_rss_nibble nc;

int main(void)
{
	static const uint8_t v4[12] = { 66, 9, 149, 187, 161, 142, 100, 80,
					0x0a, 0xea, 0x06, 0xe6 };
	static const uint8_t v6[36] = {
		0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0,
		0, 0, 0, 0x07, 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03,
		0, 0, 0, 0, 0, 0, 0, 0x01, 0x0a, 0xea, 0x06, 0xe6 };
	static struct ofl_rss_reta reta;
	struct ofl_rss_flow f, r;
	uint8_t key[256], d[48];
	unsigned int s = 1, bad = 0, i, j;

	ofl_rss_key_microsoft(key);
	ofl_rss_init(&c, sizeof(c), key, 40);
	ofl_rss_nibble_init(&nc, sizeof(nc), key, 40);
	bad += ofl_rss_hash(&c, v4, 12) != 0x51ccc178;
	bad += ofl_rss_hash(&c, v4, 8) != 0x323e8fc2;
	bad += ofl_rss_nibble_hash(&nc, v4, 12) != 0x51ccc178;
	bad += ofl_rss_toeplitz(key, 40, v4, 12) != 0x51ccc178;
	bad += ofl_rss_hash(&c, v6, 36) != 0x40207d3d;
	bad += ofl_rss_hash(&c, v6, 32) != 0x2cc18cd5;
	bad += ofl_rss_nibble_hash(&nc, v6, 36) != 0x40207d3d;
	memset(&f, 0, sizeof(f));
	f.family = 4;
	f.proto = 6;
	f.flags = OFL_RSS_FLOW_PORTS;
	memcpy(f.src, v4, 4);
	memcpy(f.dst, v4 + 4, 4);
	memcpy(f.sport, v4 + 8, 2);
	memcpy(f.dport, v4 + 10, 2);
	bad += ofl_rss_hash_flow(&c, &f, OFL_RSS_HASH_DEFAULT, 0, NULL) !=
	       0x51ccc178;
	r = f;
	memcpy(r.src, f.dst, 4);
	memcpy(r.dst, f.src, 4);
	memcpy(r.sport, f.dport, 2);
	memcpy(r.dport, f.sport, 2);
	bad += ofl_rss_hash_flow(&c, &f, OFL_RSS_HASH_DEFAULT,
				 OFL_RSS_XFRM_SYM_XOR, NULL) !=
	       ofl_rss_hash_flow(&c, &r, OFL_RSS_HASH_DEFAULT,
				 OFL_RSS_XFRM_SYM_XOR, NULL);
	ofl_rss_reta_init(&reta, 128, 6);
	bad += ofl_rss_reta_queue(&reta, 0x51ccc178) != (0x78 % 6);
	bad += ofl_rss_rps_index(0x80000000u, 8) != 4;
	for (i = 0; i < 300; i++) {
		size_t kl = 4 + i % 253, l = i % 49;
		uint32_t h;

		for (j = 0; j < 256; j++)
			key[j] = (uint8_t)((s = s * 1103515245u + 12345u) >>
					   16);
		for (j = 0; j < 48; j++)
			d[j] = (uint8_t)((s = s * 1103515245u + 12345u) >> 16);
		ofl_rss_init(&c, sizeof(c), key, kl);
		ofl_rss_nibble_init(&nc, sizeof(nc), key, kl);
		h = ofl_rss_toeplitz(key, kl, d, l);
		bad += h != ofl_rss_hash(&c, d, l) ||
		       h != ofl_rss_nibble_hash(&nc, d, l);
	}
	printf("big-endian: %u failures\n", bad);
	return bad ? 1 : 0;
}
