// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/rss: Microsoft's verification vectors, fast == nibble == reference,
 * hash types, symmetric hashing, RETA/RPS mapping, the field finder.
 */
#include "ofl_test.h"
#include <offload/rss.h>

/*
 * Microsoft, "Verifying the RSS Hash Calculation" (learn.microsoft.com/
 * windows-hardware/drivers/network/verifying-the-rss-hash-calculation),
 * with the 40-byte key of that page; the same table is in the Intel 82599
 * datasheet 7.1.2.8.3 "RSS Verification Suite". Columns as published:
 * destination address:port, source address:port, IPv4 (or IPv6) only,
 * with TCP. The input is src addr, dst addr, src port, dst port.
 */
static const uint8_t ms_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static const struct {
	uint8_t dst[4];
	uint16_t dport;
	uint8_t src[4];
	uint16_t sport;
	uint32_t l3, l4;
} ms_v4[] = {
	{ { 161, 142, 100, 80 }, 1766, { 66, 9, 149, 187 }, 2794,
	  0x323e8fc2, 0x51ccc178 },
	{ { 65, 69, 140, 83 }, 4739, { 199, 92, 111, 2 }, 14230,
	  0xd718262a, 0xc626b0ea },
	{ { 12, 22, 207, 184 }, 38024, { 24, 19, 198, 95 }, 12898,
	  0xd2d0a5de, 0x5c2b394a },
	{ { 209, 142, 163, 6 }, 2217, { 38, 27, 205, 30 }, 48228,
	  0x82989176, 0xafc7327f },
	{ { 202, 188, 127, 2 }, 1303, { 153, 39, 163, 191 }, 44251,
	  0x5d1809c5, 0x10e828a2 },
};

static const struct {
	uint8_t dst[16];
	uint16_t dport;
	uint8_t src[16];
	uint16_t sport;
	uint32_t l3, l4;
} ms_v6[] = {
	{ /* 3ffe:2501:200:3::1 */
	  { 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0,
	    0, 0x01 },
	  1766,
	  /* 3ffe:2501:200:1fff::7 */
	  { 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0, 0, 0,
	    0, 0x07 },
	  2794, 0x2cc18cd5, 0x40207d3d },
	{ /* ff02::1 */
	  { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01 },
	  4739,
	  /* 3ffe:501:8::260:97ff:fe40:efab */
	  { 0x3f, 0xfe, 0x05, 0x01, 0x00, 0x08, 0x00, 0x00, 0x02, 0x60, 0x97,
	    0xff, 0xfe, 0x40, 0xef, 0xab },
	  14230, 0x0f0c461c, 0xdde51bbf },
	{ /* fe80::200:f8ff:fe21:67cf */
	  { 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0xf8, 0xff, 0xfe, 0x21,
	    0x67, 0xcf },
	  38024,
	  /* 3ffe:1900:4545:3:200:f8ff:fe21:67cf */
	  { 0x3f, 0xfe, 0x19, 0x00, 0x45, 0x45, 0x00, 0x03, 0x02, 0x00, 0xf8,
	    0xff, 0xfe, 0x21, 0x67, 0xcf },
	  44251, 0x4b61e985, 0x02d1feef },
};

static struct ofl_rss ctx;
static struct ofl_rss_nibble nctx;

#define DEF OFL_RSS_HASH_DEFAULT
#define ALL OFL_RSS_HASH_ALL

/* the Microsoft-key hash of flow @f, no transform */
static uint32_t hf(const struct ofl_rss_flow *f, uint32_t types, int *t)
{
	return ofl_rss_hash_flow(&ctx, f, types, 0, t);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* every implementation gives @want for @in */
static void check3(const uint8_t *in, size_t len, uint32_t want)
{
	assert_int_equal(ofl_rss_toeplitz(ms_key, 40, in, len), want);
	assert_int_equal(ofl_rss_hash(&ctx, in, len), want);
	assert_int_equal(ofl_rss_nibble_hash(&nctx, in, len), want);
}

static void microsoft_ipv4(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < OFL_ARRAY_SIZE(ms_v4); i++) {
		uint8_t in[12];

		memcpy(in, ms_v4[i].src, 4);
		memcpy(in + 4, ms_v4[i].dst, 4);
		put16(in + 8, ms_v4[i].sport);
		put16(in + 10, ms_v4[i].dport);
		check3(in, 8, ms_v4[i].l3);
		check3(in, 12, ms_v4[i].l4);
	}
}

static void microsoft_ipv6(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < OFL_ARRAY_SIZE(ms_v6); i++) {
		uint8_t in[36];

		memcpy(in, ms_v6[i].src, 16);
		memcpy(in + 16, ms_v6[i].dst, 16);
		put16(in + 32, ms_v6[i].sport);
		put16(in + 34, ms_v6[i].dport);
		check3(in, 32, ms_v6[i].l3);
		check3(in, 36, ms_v6[i].l4);
	}
}

/* the same vectors through the tuple builder */
static void microsoft_flows(void **state)
{
	struct ofl_rss_flow f;
	size_t i;
	int t;

	(void)state;
	for (i = 0; i < OFL_ARRAY_SIZE(ms_v4); i++) {
		memset(&f, 0, sizeof(f));
		f.family = 4;
		f.proto = 6;
		f.flags = OFL_RSS_FLOW_PORTS;
		memcpy(f.src, ms_v4[i].src, 4);
		memcpy(f.dst, ms_v4[i].dst, 4);
		put16(f.sport, ms_v4[i].sport);
		put16(f.dport, ms_v4[i].dport);
		assert_int_equal(hf(&f, DEF, &t), ms_v4[i].l4);
		assert_int_equal(t, OFL_RSS_TYPE_IPV4_TCP);
		/* UDP hashes the same input */
		f.proto = 17;
		assert_int_equal(hf(&f, DEF, &t), ms_v4[i].l4);
		assert_int_equal(t, OFL_RSS_TYPE_IPV4_UDP);
		/* a non-first fragment falls back to L3 */
		f.flags |= OFL_RSS_FLOW_FRAG;
		assert_int_equal(hf(&f, DEF, &t), ms_v4[i].l3);
		assert_int_equal(t, OFL_RSS_TYPE_IPV4);
		/* other protocol: L3 */
		f.flags = OFL_RSS_FLOW_PORTS;
		f.proto = 132;
		assert_int_equal(hf(&f, DEF, &t), ms_v4[i].l3);
		/* L4 type disabled: L3 */
		f.proto = 6;
		assert_int_equal(hf(&f, OFL_RSS_HASH(OFL_RSS_TYPE_IPV4), &t),
				 ms_v4[i].l3);
		/* nothing enabled: none */
		assert_int_equal(hf(&f, OFL_RSS_HASH(OFL_RSS_TYPE_IPV6), &t),
				 0);
		assert_int_equal(t, OFL_RSS_TYPE_NONE);
	}
	for (i = 0; i < OFL_ARRAY_SIZE(ms_v6); i++) {
		memset(&f, 0, sizeof(f));
		f.family = 6;
		f.proto = 6;
		f.flags = OFL_RSS_FLOW_PORTS;
		memcpy(f.src, ms_v6[i].src, 16);
		memcpy(f.dst, ms_v6[i].dst, 16);
		put16(f.sport, ms_v6[i].sport);
		put16(f.dport, ms_v6[i].dport);
		assert_int_equal(hf(&f, DEF, &t), ms_v6[i].l4);
		assert_int_equal(t, OFL_RSS_TYPE_IPV6_TCP);
		f.flags |= OFL_RSS_FLOW_FRAG;
		assert_int_equal(hf(&f, DEF, &t), ms_v6[i].l3);
		assert_int_equal(t, OFL_RSS_TYPE_IPV6);
	}
}

/* IPV6_EX: the home address replaces the source, the type 2 routing
 * header's address the destination; absent, _EX equals the plain type. */
static void ipv6_ex(void **state)
{
	struct ofl_rss_flow f, g;
	uint8_t in[36];
	size_t len;
	int t;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.family = 6;
	f.proto = 17;
	f.flags = OFL_RSS_FLOW_PORTS;
	memcpy(f.src, ms_v6[0].src, 16);
	memcpy(f.dst, ms_v6[0].dst, 16);
	put16(f.sport, ms_v6[0].sport);
	put16(f.dport, ms_v6[0].dport);
	assert_int_equal(hf(&f, ALL, &t), ms_v6[0].l4);
	assert_int_equal(t, OFL_RSS_TYPE_IPV6_UDP_EX);
	/* home address and routing header: hashes like the flow between
	 * those two addresses */
	memcpy(f.hao, ms_v6[1].src, 16);
	memcpy(f.rtdst, ms_v6[1].dst, 16);
	f.flags |= OFL_RSS_FLOW_HAO | OFL_RSS_FLOW_RTDST;
	g = f;
	memcpy(g.src, ms_v6[1].src, 16);
	memcpy(g.dst, ms_v6[1].dst, 16);
	g.flags = OFL_RSS_FLOW_PORTS;
	assert_int_equal(hf(&f, ALL, &t), hf(&g, ALL, NULL));
	/* the plain types ignore them */
	assert_int_equal(hf(&f, DEF, &t), ms_v6[0].l4);
	/* a fragment: IPV6_EX over home address and routing destination */
	f.flags |= OFL_RSS_FLOW_FRAG;
	assert_int_equal(ofl_rss_tuple(&f, OFL_RSS_HASH_ALL, 0, in, &len),
			 OFL_RSS_TYPE_IPV6_EX);
	assert_int_equal(len, 32);
	assert_int_equal(ofl_rss_hash(&ctx, in, len), ms_v6[1].l3);
	/* errors */
	f.family = 5;
	assert_int_equal(ofl_rss_tuple(&f, OFL_RSS_HASH_ALL, 0, in, &len),
			 OFL_EINVAL);
	assert_int_equal(ofl_rss_tuple(NULL, 0, 0, in, &len), OFL_EINVAL);
	f.family = 0;
	assert_int_equal(ofl_rss_tuple(&f, OFL_RSS_HASH_ALL, 0, in, &len),
			 OFL_RSS_TYPE_NONE);
	assert_int_equal(len, 0);
	assert_string_equal(ofl_rss_type_name(OFL_RSS_TYPE_IPV6_TCP_EX),
			    "ipv6-tcp-ex");
	assert_string_equal(ofl_rss_type_name(99), "none");
}

static void tunnel_level(void **state)
{
	struct ofl_rss_flow o, in;

	(void)state;
	memset(&o, 0, sizeof(o));
	memset(&in, 0, sizeof(in));
	o.family = 4;
	assert_ptr_equal(ofl_rss_flow_pick(&o, NULL, OFL_RSS_LEVEL_INNER), &o);
	assert_ptr_equal(ofl_rss_flow_pick(&o, &in, OFL_RSS_LEVEL_INNER), &o);
	in.family = 6;
	assert_ptr_equal(ofl_rss_flow_pick(&o, &in, OFL_RSS_LEVEL_INNER), &in);
	assert_ptr_equal(ofl_rss_flow_pick(&o, &in, OFL_RSS_LEVEL_OUTER), &o);
}

/* fast and nibble equal the reference for random keys of 4..256 bytes and
 * random inputs of 0..48 bytes; context copies hash the same */
static void random_equal(void **state)
{
	static struct ofl_rss c2;
	uint64_t s = 0x5eed0001;
	uint8_t key[256], in[64];
	int n, j;

	(void)state;
	for (n = 0; n < 300; n++) {
		size_t klen = 4 + (size_t)(ofl_test_rand(&s) % 253);

		for (j = 0; j < (int)klen; j++)
			key[j] = (uint8_t)ofl_test_rand(&s);
		assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), key, klen), 0);
		assert_int_equal(ofl_rss_nibble_init(&nctx, sizeof(nctx), key,
						     klen), 0);
		memcpy(&c2, &ctx, sizeof(ctx));
		for (j = 0; j < 20; j++) {
			size_t len = (size_t)(ofl_test_rand(&s) % 49), k;
			uint32_t r;

			for (k = 0; k < len; k++)
				in[k] = (uint8_t)ofl_test_rand(&s);
			r = ofl_rss_toeplitz(key, klen, in, len);
			assert_int_equal(ofl_rss_hash(&ctx, in, len), r);
			assert_int_equal(ofl_rss_hash(&c2, in, len), r);
			assert_int_equal(ofl_rss_nibble_hash(&nctx, in, len),
					 r);
		}
	}
	/* 52-byte key, 48-byte input: the longest fast input */
	for (j = 0; j < 52; j++)
		key[j] = (uint8_t)(j * 37 + 11);
	for (j = 0; j < 48; j++)
		in[j] = (uint8_t)(j * 91 + 5);
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), key, 52), 0);
	assert_int_equal(ofl_rss_hash(&ctx, in, 48),
			 ofl_rss_toeplitz(key, 52, in, 48));
	/* bytes past OFL_RSS_INPUT_MAX are not hashed */
	assert_int_equal(ofl_rss_hash(&ctx, in, 60),
			 ofl_rss_hash(&ctx, in, 48));
	/* restore the Microsoft key for the other tests */
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), ms_key, 40), 0);
	assert_int_equal(ofl_rss_nibble_init(&nctx, sizeof(nctx), ms_key, 40),
			 0);
}

static void init_errors(void **state)
{
	uint8_t key[40];

	(void)state;
	ofl_rss_key_microsoft(key);
	assert_memory_equal(key, ms_key, 40);
	assert_int_equal(ofl_rss_init(NULL, sizeof(ctx), key, 40), OFL_EINVAL);
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), NULL, 40), OFL_EINVAL);
	/* a caller built with another OFL_RSS_INPUT_MAX */
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx) - 1024, key, 40),
			 OFL_EINVAL);
	assert_int_equal(ofl_rss_nibble_init(&nctx, sizeof(nctx) + 128, key,
					     40), OFL_EINVAL);
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), key, 3), OFL_ERANGE);
	assert_int_equal(ofl_rss_init(&ctx, sizeof(ctx), key, 257), OFL_ERANGE);
	assert_int_equal(ofl_rss_nibble_init(&nctx, sizeof(nctx), key, 3),
			 OFL_ERANGE);
	assert_int_equal(ofl_rss_toeplitz(key, 40, NULL, 0), 0);
	assert_int_equal(ofl_rss_hash(&ctx, NULL, 0), 0);
	assert_int_equal(sizeof(struct ofl_rss), OFL_RSS_SIZE);
	assert_int_equal(sizeof(struct ofl_rss_nibble), OFL_RSS_NIBBLE_SIZE);
}

static void random_flow(uint64_t *s, struct ofl_rss_flow *f, int family)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->family = (uint8_t)family;
	f->proto = (ofl_test_rand(s) & 1) ? 6 : 17;
	f->flags = OFL_RSS_FLOW_PORTS;
	for (i = 0; i < 16; i++) {
		f->src[i] = (uint8_t)ofl_test_rand(s);
		f->dst[i] = (uint8_t)ofl_test_rand(s);
	}
	for (i = 0; i < 2; i++) {
		f->sport[i] = (uint8_t)ofl_test_rand(s);
		f->dport[i] = (uint8_t)ofl_test_rand(s);
	}
}

static void reverse_flow(const struct ofl_rss_flow *f, struct ofl_rss_flow *r)
{
	*r = *f;
	memcpy(r->src, f->dst, 16);
	memcpy(r->dst, f->src, 16);
	memcpy(r->sport, f->dport, 2);
	memcpy(r->dport, f->sport, 2);
}

/* hash(a->b) == hash(b->a): the 6d5a key with plain input, and the XOR
 * transform with the Microsoft key; the two give different values */
static void symmetric(void **state)
{
	static struct ofl_rss sym;
	uint8_t key[52];
	uint64_t s = 0x5e77;
	int n, fam, differ = 0, asym = 0;

	(void)state;
	ofl_rss_key_symmetric(key, sizeof(key));
	assert_int_equal(key[0], 0x6d);
	assert_int_equal(key[51], 0x5a);
	assert_int_equal(ofl_rss_init(&sym, sizeof(sym), key, 52), 0);
	for (n = 0; n < 2000; n++) {
		struct ofl_rss_flow f, r;
		uint32_t hk, hx;
		int t;

		fam = (n & 1) ? 6 : 4;
		random_flow(&s, &f, fam);
		reverse_flow(&f, &r);
		hk = ofl_rss_hash_flow(&sym, &f, OFL_RSS_HASH_DEFAULT, 0, &t);
		assert_true(t > 0);
		assert_int_equal(hk, ofl_rss_hash_flow(&sym, &r,
				 OFL_RSS_HASH_DEFAULT, 0, NULL));
		hx = ofl_rss_hash_flow(&ctx, &f, OFL_RSS_HASH_DEFAULT,
				       OFL_RSS_XFRM_SYM_XOR, NULL);
		assert_int_equal(hx, ofl_rss_hash_flow(&ctx, &r,
				 OFL_RSS_HASH_DEFAULT, OFL_RSS_XFRM_SYM_XOR,
				 NULL));
		/* symmetric-xor with the symmetric key is also symmetric but
		 * a different function of the flow */
		differ += hx != ofl_rss_hash_flow(&sym, &f,
						  OFL_RSS_HASH_DEFAULT,
						  OFL_RSS_XFRM_SYM_XOR, NULL);
		differ += hk != hx;
		/* the Microsoft key without transform is not symmetric */
		asym += ofl_rss_hash_flow(&ctx, &f, OFL_RSS_HASH_DEFAULT, 0,
					  NULL) !=
			ofl_rss_hash_flow(&ctx, &r, OFL_RSS_HASH_DEFAULT, 0,
					  NULL);
	}
	assert_true(differ > 3900);
	assert_true(asym > 1990);
}

/* the XOR transform's input, byte for byte */
static void sym_xor_input(void **state)
{
	struct ofl_rss_flow f;
	uint8_t in[36];
	size_t len, i;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.family = 4;
	f.proto = 6;
	f.flags = OFL_RSS_FLOW_PORTS;
	memcpy(f.src, ms_v4[0].src, 4);
	memcpy(f.dst, ms_v4[0].dst, 4);
	put16(f.sport, 2794);
	put16(f.dport, 1766);
	assert_int_equal(ofl_rss_tuple(&f, OFL_RSS_HASH_DEFAULT,
				       OFL_RSS_XFRM_SYM_XOR, in, &len),
			 OFL_RSS_TYPE_IPV4_TCP);
	assert_int_equal(len, 12);
	for (i = 0; i < 4; i++) {
		assert_int_equal(in[i], f.src[i] ^ f.dst[i]);
		assert_int_equal(in[4 + i], f.src[i] ^ f.dst[i]);
	}
	assert_int_equal(in[8] << 8 | in[9], 2794 ^ 1766);
	assert_int_equal(in[10] << 8 | in[11], 2794 ^ 1766);
	assert_int_equal(ofl_rss_tuple(&f, 0, 2, in, &len), OFL_EINVAL);
}

static void reta_mapping(void **state)
{
	static struct ofl_rss_reta r;
	unsigned int sizes[] = { 64, 128, 256, 512 }, i, q;
	uint64_t s = 0x7e7a;
	int n;

	(void)state;
	assert_int_equal(ofl_rss_reta_init(&r, 100, 4), OFL_ERANGE);
	assert_int_equal(ofl_rss_reta_init(&r, 32, 4), OFL_ERANGE);
	assert_int_equal(ofl_rss_reta_init(&r, 1024, 4), OFL_ERANGE);
	assert_int_equal(ofl_rss_reta_init(&r, 128, 0), OFL_EINVAL);
	assert_int_equal(ofl_rss_reta_init(NULL, 128, 1), OFL_EINVAL);
	for (i = 0; i < 4; i++) {
		assert_int_equal(ofl_rss_reta_init(&r, sizes[i], 6), 0);
		for (q = 0; q < sizes[i]; q++)
			assert_int_equal(r.queue[q], q % 6);
		for (n = 0; n < 1000; n++) {
			uint32_t h = (uint32_t)ofl_test_rand(&s);

			/* the low bits index the table */
			assert_int_equal(ofl_rss_reta_queue(&r, h),
					 (h & (sizes[i] - 1)) % 6);
			assert_int_equal(ofl_rss_reta_queue(&r, h),
					 ofl_rss_reta_queue(&r, h & (sizes[i] -
								     1)));
		}
	}
	/* a hand-written table, as `ethtool -X dev weight ...` leaves */
	assert_int_equal(ofl_rss_reta_init(&r, 128, 1), 0);
	r.queue[0x78] = 3; /* 0x51ccc178 & 127 == 0x78 */
	assert_int_equal(ofl_rss_reta_queue(&r, 0x51ccc178), 3);
	/* RPS: the high bits, reciprocal_scale() */
	assert_int_equal(ofl_rss_rps_index(0, 8), 0);
	assert_int_equal(ofl_rss_rps_index(0xffffffffu, 8), 7);
	assert_int_equal(ofl_rss_rps_index(0x80000000u, 8), 4);
	assert_int_equal(ofl_rss_rps_index(0x51ccc178, 3),
			 (uint32_t)((0x51ccc178ULL * 3) >> 32));
	assert_int_equal(ofl_rss_rps_index(0x12345678, 0), 0);
	for (n = 0; n < 1000; n++) {
		uint32_t h = (uint32_t)ofl_test_rand(&s);

		assert_true(ofl_rss_rps_index(h, 7) < 7);
	}
}

/* predictable RSS: the source port that lands a flow on each queue */
static void find_port(void **state)
{
	static struct ofl_rss_reta r;
	struct ofl_rss_flow f;
	uint8_t in[36], save[36];
	uint16_t port = 0;
	size_t len;
	unsigned int q;

	(void)state;
	assert_int_equal(ofl_rss_reta_init(&r, 128, 8), 0);
	memset(&f, 0, sizeof(f));
	f.family = 4;
	f.proto = 6;
	f.flags = OFL_RSS_FLOW_PORTS;
	memcpy(f.src, ms_v4[0].src, 4);
	memcpy(f.dst, ms_v4[0].dst, 4);
	put16(f.dport, 80);
	for (q = 0; q < 8; q++) {
		ofl_rss_tuple(&f, OFL_RSS_HASH_DEFAULT, 0, in, &len);
		assert_int_equal(ofl_rss_find_field(&ctx, in, len, 8, 32768,
						    60999, &r, (uint16_t)q,
						    &port), 0);
		assert_true(port >= 32768 && port <= 60999);
		assert_int_equal(in[8] << 8 | in[9], port);
		assert_int_equal(ofl_rss_reta_queue(&r, ofl_rss_hash(&ctx, in,
								     len)), q);
		assert_int_equal(ofl_rss_reta_queue(&r,
				 ofl_rss_toeplitz(ms_key, 40, in, len)), q);
	}
	/* IPv6: the source port is at 32 */
	f.family = 6;
	memcpy(f.src, ms_v6[0].src, 16);
	memcpy(f.dst, ms_v6[0].dst, 16);
	ofl_rss_tuple(&f, OFL_RSS_HASH_DEFAULT, 0, in, &len);
	assert_int_equal(ofl_rss_find_field(&ctx, in, len, 32, 1024, 65535,
					    &r, 5, &port), 0);
	assert_int_equal(ofl_rss_reta_queue(&r, ofl_rss_hash(&ctx, in, len)),
			 5);
	/* no queue 9 in the table: not found, tuple unchanged */
	memcpy(save, in, len);
	assert_int_equal(ofl_rss_find_field(&ctx, in, len, 32, 0, 65535, &r,
					    9, &port), OFL_ENOENT);
	assert_memory_equal(save, in, len);
	assert_int_equal(ofl_rss_find_field(&ctx, in, len, 35, 0, 1, &r, 0,
					    &port), OFL_EINVAL);
	assert_int_equal(ofl_rss_find_field(&ctx, in, len, 0, 5, 1, &r, 0,
					    &port), OFL_EINVAL);
	assert_int_equal(ofl_rss_find_field(&ctx, in, len, (size_t)-1, 0, 1,
					    &r, 0, &port), OFL_EINVAL);
	assert_int_equal(ofl_rss_find_field(&ctx, in, 49, 8, 0, 1, &r, 0,
					    &port), OFL_EINVAL);
}

static int setup(void **state)
{
	(void)state;
	if (ofl_rss_init(&ctx, sizeof(ctx), ms_key, 40) ||
	    ofl_rss_nibble_init(&nctx, sizeof(nctx), ms_key, 40))
		return -1;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(microsoft_ipv4),
		cmocka_unit_test(microsoft_ipv6),
		cmocka_unit_test(microsoft_flows),
		cmocka_unit_test(ipv6_ex),
		cmocka_unit_test(tunnel_level),
		cmocka_unit_test(random_equal),
		cmocka_unit_test(init_errors),
		cmocka_unit_test(symmetric),
		cmocka_unit_test(sym_xor_input),
		cmocka_unit_test(reta_mapping),
		cmocka_unit_test(find_port),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
