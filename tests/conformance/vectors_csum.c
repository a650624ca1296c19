// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Conformance vectors of lib/csum (included by conf_run.c).
 *
 * Known answers (expected outputs checked on every target):
 *   RFC 1071 section 3 example (00 01 f2 03 f4 f5 f6 f7: sum ddf2,
 *   checksum 220d); the IPv4 header 4500 0073 0000 4000 4011 ....
 *   c0a8 0001 c0a8 00c7 (checksum b861); RFC 1624 section 4
 *   (HC dd2f, m 5555 -> m' 3285: HC' 0000).
 * Generated (outputs folded into the digest): partial sums of every length
 * 0..300 at every alignment 0..7 and longer ones up to 1950 bytes, runs of
 * 0xff (worst-case carries), fold/add/sub/block_add of edge and random sums,
 * RFC 1624 updates, IPv4 header checksums for ihl 0..20 at 8 alignments
 * (ihl outside 5..15 tests the clamping), IPv4 and IPv6 pseudo headers.
 */

static const uint8_t ofl_conf_csum_rfc1071[8] = {
	0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
static const uint8_t ofl_conf_csum_iph[20] = {
	0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
	0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };
static const uint32_t ofl_conf_csum_edges[] = {
	0, 1, 0xfffe, 0xffff, 0x10000, 0x1fffe, 0xfffeffff, 0xffff0000,
	0xffff0001, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff };

static void ofl_conf_csum_kat(struct ofl_conf *c)
{
	static const uint8_t want_rfc[4] = { 0x22, 0x0d, 0x22, 0x0d };
	static const uint8_t want_ip[2] = { 0xb8, 0x61 };
	static const uint8_t rfc1624[6] = { 0xdd, 0x2f, 0x55, 0x55,
					    0x32, 0x85 };
	static const uint8_t want_1624[4] = { 0x00, 0x00, 0x22, 0xd0 };
	static const uint8_t want_zero[2] = { 0x00, 0x00 };
	uint8_t *in = c->in;
	unsigned int i;

	/* SPAN, skew 0, seed 0 */
	for (i = 0; i < 5; i++)
		in[i] = 0;
	for (i = 0; i < 8; i++)
		in[5 + i] = ofl_conf_csum_rfc1071[i];
	ofl_conf_expect(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN, 13, want_rfc, 4);

	in[0] = 5;
	in[1] = 0;
	for (i = 0; i < 60; i++)
		in[2 + i] = i < 20 ? ofl_conf_csum_iph[i] : 0xee;
	ofl_conf_expect(c, OFL_CONF_CSUM, OFL_CONF_CSUM_IPHDR, 62, want_ip, 2);
	/* the same header with its checksum in place sums to 0 */
	in[12] = 0xb8;
	in[13] = 0x61;
	in[1] = 3;
	ofl_conf_expect(c, OFL_CONF_CSUM, OFL_CONF_CSUM_IPHDR, 62,
			want_zero, 2);

	for (i = 0; i < 6; i++)
		in[i] = rfc1624[i];
	ofl_conf_expect(c, OFL_CONF_CSUM, OFL_CONF_CSUM_UPDATE16, 6,
			want_1624, 4);
}

static void ofl_conf_csum_spans(struct ofl_conf *c)
{
	uint8_t *in = c->in;
	unsigned int len, skew;

	/* every length 0..300 at every alignment */
	for (len = 0; len <= 300; len++) {
		skew = len & 7u;
		in[0] = (uint8_t)(skew | (ofl_conf_rand32(c) & 0xf8u));
		ofl_conf_fill(c, in + 1, 4 + skew + len);
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN,
			      5 + skew + len);
	}
	for (skew = 0; skew < 8; skew++) {
		for (len = 1; len <= 67; len += 11) {
			in[0] = (uint8_t)skew;
			ofl_conf_fill(c, in + 1, 4 + skew + len);
			ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN,
				      5 + skew + len);
		}
	}
	/* longer ones */
	for (len = 301; len <= 1950; len += 37) {
		skew = ofl_conf_rand32(c) & 7u;
		in[0] = (uint8_t)skew;
		ofl_conf_fill(c, in + 1, 4 + skew + len);
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN,
			      5 + skew + len);
	}
	/* all ones: every addition carries */
	for (len = 1; len <= 1950; len = len * 3 + 1) {
		unsigned int i;

		skew = len & 7u;
		in[0] = (uint8_t)skew;
		for (i = 1; i < 5 + skew + len; i++)
			in[i] = 0xff;
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN,
			      5 + skew + len);
		in[1] = in[2] = in[3] = in[4] = 0;	/* seed 0 */
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_SPAN,
			      5 + skew + len);
	}
}

static uint32_t ofl_conf_csum_word(struct ofl_conf *c, unsigned int i)
{
	unsigned int n = OFL_ARRAY_SIZE(ofl_conf_csum_edges);

	return i < n * 2 ? ofl_conf_csum_edges[i % n] : ofl_conf_rand32(c);
}

static void ofl_conf_csum_arith(struct ofl_conf *c)
{
	uint8_t *in = c->in;
	unsigned int i, j, n = OFL_ARRAY_SIZE(ofl_conf_csum_edges);

	for (i = 0; i < 64; i++) {
		for (j = 0; j < 4; j++)
			ofl_conf_put_le32(in + 4 * j,
					  ofl_conf_csum_word(c, 4 * i + j));
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_FOLD, 16);
	}
	/* every pair of edge values, then random pairs */
	for (i = 0; i < n * n + 64; i++) {
		ofl_conf_put_le32(in, i < n * n ? ofl_conf_csum_edges[i / n] :
				  ofl_conf_rand32(c));
		ofl_conf_put_le32(in + 4, i < n * n ?
				  ofl_conf_csum_edges[i % n] :
				  ofl_conf_rand32(c));
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_ADDSUB, 8);
	}
	for (i = 0; i < 96; i++) {
		ofl_conf_put_le32(in, ofl_conf_csum_word(c, i));
		ofl_conf_put_le32(in + 4, ofl_conf_rand32(c));
		ofl_conf_put_le16(in + 8, (uint16_t)(i < 16 ? i :
				  ofl_conf_rand32(c)));
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_BLOCKADD, 10);
	}
	for (i = 0; i < 128; i++) {
		ofl_conf_fill(c, in, 6);
		if (i < 8) {	/* stored 0x0000 / 0xffff and equal words */
			in[0] = in[1] = (uint8_t)(i & 1 ? 0xff : 0);
			if (i & 2) {
				in[4] = in[2];
				in[5] = in[3];
			}
			if (i & 4)
				in[2] = in[3] = 0xff;
		}
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_UPDATE16, 6);
	}
}

static void ofl_conf_csum_headers(struct ofl_conf *c)
{
	uint8_t *in = c->in;
	unsigned int ihl, skew, i;

	for (ihl = 0; ihl <= 20; ihl++) {
		for (skew = 0; skew < 8; skew++) {
			in[0] = (uint8_t)(ihl | (ihl == 20 ? 0xf0 : 0));
			in[1] = (uint8_t)skew;
			ofl_conf_fill(c, in + 2, 60);
			ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_IPHDR,
				      62);
		}
	}
	for (i = 0; i < 96; i++) {
		ofl_conf_fill(c, in, 17);
		if (i < 32)	/* short lengths, common protocols */
			ofl_conf_put_le32(in + 8, i < 16 ? i * 97 : 0xffffffffu
					  - i);
		if (i & 1)
			in[12] = i & 2 ? 6 : 17;
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_PSEUDO4, 17);
	}
	for (i = 0; i < 96; i++) {
		ofl_conf_fill(c, in, 41);
		if (i < 16)
			ofl_conf_put_le32(in + 32, i * 1021);
		if (i & 1)
			in[36] = i & 2 ? 6 : 58;
		ofl_conf_case(c, OFL_CONF_CSUM, OFL_CONF_CSUM_PSEUDO6, 41);
	}
}

static void ofl_conf_vectors_csum(struct ofl_conf *c)
{
	ofl_conf_csum_kat(c);
	ofl_conf_csum_spans(c);
	ofl_conf_csum_arith(c);
	ofl_conf_csum_headers(c);
}
