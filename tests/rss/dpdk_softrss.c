// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Differential test against DPDK's software Toeplitz (rte_thash.h, header
 * only): rte_softrss() and rte_softrss_be() on random keys and inputs, and
 * DPDK's own tuple structs (rte_ipv4_tuple, rte_thash_load_v6_addrs())
 * against ofl_rss_tuple() on random flows, with and without DPDK's
 * SYMMETRIC_TOEPLITZ-style XOR of src/dst.
 */
#include <stdio.h>
#include <string.h>
#include <rte_ip.h>
#include <rte_thash.h>
#include <offload/rss.h>

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static struct ofl_rss ctx;

int main(void)
{
	static const size_t klens[] = { 40, 52, 16, 64, 128 };
	uint32_t keyw[64 + 1], keyc[64 + 1], in[16];
	uint8_t *key = (uint8_t *)keyw, bytes[64];
	uint64_t s = 0xd9d4c0ffee;
	long bad = 0, runs = 0;
	int n, j;

	for (n = 0; n < 2000; n++) {
		size_t klen = klens[n % 5], words, k;

		for (k = 0; k < klen; k++)
			key[k] = (uint8_t)rnd(&s);
		if (ofl_rss_init(&ctx, sizeof(ctx), key, klen))
			return 1;
		rte_convert_rss_key(keyw, keyc, (int)klen);
		for (j = 0; j < 10; j++) {
			uint32_t a, b, c, r;

			/* rte_softrss reads key word j + 1 */
			words = 1 + rnd(&s) % (klen / 4 - 1);
			if (words * 4 > OFL_RSS_INPUT_MAX)
				words = OFL_RSS_INPUT_MAX / 4;
			for (k = 0; k < words * 4; k++)
				bytes[k] = (uint8_t)rnd(&s);
			for (k = 0; k < words; k++)
				in[k] = be32(bytes + 4 * k);
			a = rte_softrss(in, (uint32_t)words, key);
			b = rte_softrss_be(in, (uint32_t)words,
					   (const uint8_t *)keyc);
			c = ofl_rss_hash(&ctx, bytes, words * 4);
			r = ofl_rss_toeplitz(key, klen, bytes, words * 4);
			runs++;
			if (a != c || b != c || r != c) {
				if (bad++ < 5)
					fprintf(stderr, "klen %zu len %zu: "
						"dpdk %08x/%08x ofl %08x "
						"ref %08x\n", klen, words * 4,
						a, b, c, r);
			}
		}
	}
	/* DPDK's tuple structs vs ofl_rss_tuple(), Microsoft key */
	ofl_rss_key_microsoft(key);
	ofl_rss_init(&ctx, sizeof(ctx), key, 40);
	for (n = 0; n < 4000; n++) {
		union rte_thash_tuple t;
		struct rte_ipv6_hdr ip6;
		struct ofl_rss_flow f;
		int v6 = n & 1, xor = (n >> 1) & 1, k;
		uint32_t a, c;

		memset(&f, 0, sizeof(f));
		memset(&t, 0, sizeof(t));
		f.family = v6 ? 6 : 4;
		f.proto = 6;
		f.flags = OFL_RSS_FLOW_PORTS;
		for (k = 0; k < 16; k++) {
			f.src[k] = (uint8_t)rnd(&s);
			f.dst[k] = (uint8_t)rnd(&s);
		}
		for (k = 0; k < 2; k++) {
			f.sport[k] = (uint8_t)rnd(&s);
			f.dport[k] = (uint8_t)rnd(&s);
		}
		if (!v6) {
			t.v4.src_addr = be32(f.src);
			t.v4.dst_addr = be32(f.dst);
			if (xor)
				t.v4.src_addr = t.v4.dst_addr =
					t.v4.src_addr ^ t.v4.dst_addr;
		} else {
			uint8_t x[16];

			memcpy(ip6.src_addr, f.src, 16);
			memcpy(ip6.dst_addr, f.dst, 16);
			if (xor) {
				for (k = 0; k < 16; k++)
					x[k] = f.src[k] ^ f.dst[k];
				memcpy(ip6.src_addr, x, 16);
				memcpy(ip6.dst_addr, x, 16);
			}
			rte_thash_load_v6_addrs(&ip6, &t);
		}
		{
			uint16_t sp = (uint16_t)(f.sport[0] << 8 | f.sport[1]);
			uint16_t dp = (uint16_t)(f.dport[0] << 8 | f.dport[1]);

			if (xor)
				sp = dp = sp ^ dp;
			if (v6) {
				t.v6.sport = sp;
				t.v6.dport = dp;
			} else {
				t.v4.sport = sp;
				t.v4.dport = dp;
			}
		}
		a = rte_softrss((uint32_t *)&t,
				v6 ? RTE_THASH_V6_L4_LEN : RTE_THASH_V4_L4_LEN,
				key);
		c = ofl_rss_hash_flow(&ctx, &f, OFL_RSS_HASH_DEFAULT,
				      xor ? OFL_RSS_XFRM_SYM_XOR : 0, NULL);
		runs++;
		if (a != c && bad++ < 10)
			fprintf(stderr,
				"flow %d v6 %d xor %d: dpdk %08x ofl %08x\n",
				n, v6, xor, a, c);
	}
	printf("%ld of %ld comparisons with DPDK rte_softrss differ\n", bad,
	       runs);
	return bad ? 1 : 0;
}
