// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Conformance vectors of lib/rss (included by conf_run.c).
 *
 * Known answers: Microsoft, "Verifying the RSS Hash Calculation" (the
 * 40-byte key 6d 5a 56 da ... and its IPv4/IPv6 table, with and without
 * ports), through HASH, NIBBLE and TUPLE; RETA/RPS queues computed here
 * with plain arithmetic. Generated HASH and NIBBLE cases use the same
 * records, so the nibble tables are compared with the reference on every
 * target (the digest would differ otherwise).
 * Generated (outputs folded into the digest): keys of 40, 52 and 4..256
 * bytes with inputs of 0..48 bytes; flows of every family, protocol, flag,
 * type set and transform; RETA sizes and queue counts legal and not.
 */

static const uint8_t ofl_conf_rss_ms_v4[5][12] = {
	{ 66, 9, 149, 187, 161, 142, 100, 80, 0x0a, 0xea, 0x06, 0xe6 },
	{ 199, 92, 111, 2, 65, 69, 140, 83, 0x37, 0x96, 0x12, 0x83 },
	{ 24, 19, 198, 95, 12, 22, 207, 184, 0x32, 0x62, 0x94, 0x88 },
	{ 38, 27, 205, 30, 209, 142, 163, 6, 0xbc, 0x64, 0x08, 0xa9 },
	{ 153, 39, 163, 191, 202, 188, 127, 2, 0xac, 0xdb, 0x05, 0x17 },
};
static const uint32_t ofl_conf_rss_ms_v4h[5][2] = {
	{ 0x323e8fc2, 0x51ccc178 }, { 0xd718262a, 0xc626b0ea },
	{ 0xd2d0a5de, 0x5c2b394a }, { 0x82989176, 0xafc7327f },
	{ 0x5d1809c5, 0x10e828a2 },
};
static const uint8_t ofl_conf_rss_ms_v6[3][36] = {
	{ 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0,
	  0, 0, 0, 0x07, 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03,
	  0, 0, 0, 0, 0, 0, 0, 0x01, 0x0a, 0xea, 0x06, 0xe6 },
	{ 0x3f, 0xfe, 0x05, 0x01, 0x00, 0x08, 0x00, 0x00, 0x02, 0x60, 0x97,
	  0xff, 0xfe, 0x40, 0xef, 0xab, 0xff, 0x02, 0, 0, 0, 0, 0, 0,
	  0, 0, 0, 0, 0, 0, 0, 0x01, 0x37, 0x96, 0x12, 0x83 },
	{ 0x3f, 0xfe, 0x19, 0x00, 0x45, 0x45, 0x00, 0x03, 0x02, 0x00, 0xf8,
	  0xff, 0xfe, 0x21, 0x67, 0xcf, 0xfe, 0x80, 0, 0, 0, 0, 0, 0,
	  0x02, 0x00, 0xf8, 0xff, 0xfe, 0x21, 0x67, 0xcf, 0xac, 0xdb, 0x94,
	  0x88 },
};
static const uint32_t ofl_conf_rss_ms_v6h[3][2] = {
	{ 0x2cc18cd5, 0x40207d3d }, { 0x0f0c461c, 0xdde51bbf },
	{ 0x4b61e985, 0x02d1feef },
};

#define OFL_CONF_RSS_HASH_LEN (3 + OFL_RSS_KEY_MAX + OFL_RSS_INPUT_MAX)

/* HASH record: key (Microsoft's when @key is NULL), @len bytes of @d */
static void ofl_conf_rss_hash_rec(struct ofl_conf *c, const uint8_t *key,
				  unsigned int klen, const uint8_t *d,
				  unsigned int len)
{
	uint8_t *in = c->in;
	unsigned int i;

	in[0] = (uint8_t)klen;
	in[1] = (uint8_t)(klen >> 8);
	in[2] = (uint8_t)len;
	ofl_conf_fill(c, in + 3, OFL_RSS_KEY_MAX + OFL_RSS_INPUT_MAX);
	if (key)
		for (i = 0; i < klen; i++)
			in[3 + i] = key[i];
	else
		ofl_rss_key_microsoft(in + 3);
	if (d)
		for (i = 0; i < len; i++)
			in[3 + OFL_RSS_KEY_MAX + i] = d[i];
}

/* the record in c->in hashes to @h by the reference and the tables */
static void ofl_conf_rss_expect_hash(struct ofl_conf *c, uint32_t h)
{
	uint8_t want[5];

	ofl_conf_put_le32(want, h);
	want[4] = 1;
	ofl_conf_expect(c, OFL_CONF_RSS, OFL_CONF_RSS_HASH,
			OFL_CONF_RSS_HASH_LEN, want, 4);
	ofl_conf_expect(c, OFL_CONF_RSS, OFL_CONF_RSS_NIBBLE,
			OFL_CONF_RSS_HASH_LEN, want, 5);
}

/* TUPLE record of an IPv4/IPv6 TCP flow from a Microsoft input */
static void ofl_conf_rss_flow_rec(struct ofl_conf *c, const uint8_t *t,
				  unsigned int alen, uint32_t types)
{
	uint8_t *in = c->in;
	unsigned int i;

	for (i = 0; i < 77; i++)
		in[i] = 0;
	in[0] = alen == 4 ? 4 : 6;
	in[1] = 6;
	in[2] = OFL_RSS_FLOW_PORTS;
	for (i = 0; i < 2; i++) {
		in[4 + i] = t[2 * alen + i];
		in[6 + i] = t[2 * alen + 2 + i];
	}
	for (i = 0; i < alen; i++) {
		in[8 + i] = t[i];
		in[24 + i] = t[alen + i];
	}
	ofl_conf_put_le32(in + 72, types);
}

static void ofl_conf_rss_kat(struct ofl_conf *c)
{
	uint8_t want[2 + OFL_RSS_TUPLE_MAX + 4];
	unsigned int i, j;

	for (i = 0; i < 5; i++) {
		for (j = 0; j < 2; j++) {
			ofl_conf_rss_hash_rec(c, NULL, 40,
					      ofl_conf_rss_ms_v4[i], 8 + 4 * j);
			ofl_conf_rss_expect_hash(c, ofl_conf_rss_ms_v4h[i][j]);
		}
		ofl_conf_rss_flow_rec(c, ofl_conf_rss_ms_v4[i], 4,
				      OFL_RSS_HASH_DEFAULT);
		want[0] = OFL_RSS_TYPE_IPV4_TCP;
		want[1] = 12;
		for (j = 0; j < 12; j++)
			want[2 + j] = ofl_conf_rss_ms_v4[i][j];
		ofl_conf_put_le32(want + 14, ofl_conf_rss_ms_v4h[i][1]);
		ofl_conf_expect(c, OFL_CONF_RSS, OFL_CONF_RSS_TUPLE, 77, want,
				18);
	}
	for (i = 0; i < 3; i++) {
		for (j = 0; j < 2; j++) {
			ofl_conf_rss_hash_rec(c, NULL, 40,
					      ofl_conf_rss_ms_v6[i],
					      32 + 4 * j);
			ofl_conf_rss_expect_hash(c, ofl_conf_rss_ms_v6h[i][j]);
		}
		/* L4 type disabled: the IPv6-only hash */
		ofl_conf_rss_flow_rec(c, ofl_conf_rss_ms_v6[i], 16,
				      OFL_RSS_HASH(OFL_RSS_TYPE_IPV6));
		want[0] = OFL_RSS_TYPE_IPV6;
		want[1] = 32;
		for (j = 0; j < 32; j++)
			want[2 + j] = ofl_conf_rss_ms_v6[i][j];
		ofl_conf_put_le32(want + 34, ofl_conf_rss_ms_v6h[i][0]);
		ofl_conf_expect(c, OFL_CONF_RSS, OFL_CONF_RSS_TUPLE, 77, want,
				38);
	}
	/* RETA 128 over 6 queues, RPS over 6: plain arithmetic */
	{
		uint8_t *in = c->in;
		uint8_t w[49];

		ofl_conf_put_le16(in, 128);
		ofl_conf_put_le16(in + 2, 6);
		w[0] = 0;
		for (i = 0; i < 8; i++) {
			uint32_t h = i < 5 ? ofl_conf_rss_ms_v4h[i][1] :
					     0xffffffffu - i;

			ofl_conf_put_le32(in + 4 + 4 * i, h);
			ofl_conf_put_le16(w + 1 + 6 * i,
					  (uint16_t)((h & 127u) % 6u));
			ofl_conf_put_le32(w + 3 + 6 * i,
					  (uint32_t)(((uint64_t)h * 6u) >> 32));
		}
		ofl_conf_expect(c, OFL_CONF_RSS, OFL_CONF_RSS_RETA, 36, w, 49);
	}
}

static void ofl_conf_rss_gen(struct ofl_conf *c)
{
	static const uint16_t sizes[] = { 64, 128, 256, 512, 32, 100, 1024 };
	static const uint8_t fams[] = { 4, 6, 4, 6, 0, 5 };
	static const uint8_t protos[] = { 6, 17, 6, 17, 47, 132 };
	uint8_t *in = c->in;
	unsigned int n, i;

	for (n = 0; n < 240; n++) {
		unsigned int klen = n % 3 == 0 ? 40 : n % 3 == 1 ? 52 :
				    4 + ofl_conf_rand32(c) % 253;
		unsigned int len = ofl_conf_rand32(c) % (OFL_RSS_INPUT_MAX + 1);

		ofl_conf_fill(c, in + 3, OFL_RSS_KEY_MAX + OFL_RSS_INPUT_MAX);
		in[0] = (uint8_t)klen;
		in[1] = (uint8_t)(klen >> 8);
		in[2] = (uint8_t)len;
		ofl_conf_case(c, OFL_CONF_RSS, OFL_CONF_RSS_HASH,
			      OFL_CONF_RSS_HASH_LEN);
		ofl_conf_case(c, OFL_CONF_RSS, OFL_CONF_RSS_NIBBLE,
			      OFL_CONF_RSS_HASH_LEN);
	}
	for (n = 0; n < 240; n++) {
		uint32_t r = ofl_conf_rand32(c);

		ofl_conf_fill(c, in, 77);
		in[0] = fams[r % 6];
		in[1] = protos[(r >> 3) % 6];
		in[2] = (uint8_t)((r >> 6) & 0x0f);
		if (n & 1)
			ofl_conf_put_le32(in + 72, (r >> 10) & 1 ?
					  OFL_RSS_HASH_ALL :
					  OFL_RSS_HASH_DEFAULT);
		in[76] = (uint8_t)((r >> 12) % 3);
		if (in[0] == 4)
			for (i = 4; i < 16; i++)
				in[8 + i] = in[24 + i] = 0;
		ofl_conf_case(c, OFL_CONF_RSS, OFL_CONF_RSS_TUPLE, 77);
	}
	for (n = 0; n < 60; n++) {
		uint32_t r = ofl_conf_rand32(c);

		ofl_conf_fill(c, in, 36);
		ofl_conf_put_le16(in, sizes[r % 7]);
		ofl_conf_put_le16(in + 2, (uint16_t)((r >> 4) % 20));
		ofl_conf_case(c, OFL_CONF_RSS, OFL_CONF_RSS_RETA, 36);
	}
}

static void ofl_conf_vectors_rss(struct ofl_conf *c)
{
	ofl_conf_rss_kat(c);
	ofl_conf_rss_gen(c);
}
