// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_meta_from_parse() gives the metadata ofl_gso_meta_from_frame()
 * gives, from a lib/parser result: on every frame shape of gso_frames.h
 * (plain, VLAN, IPv4 options, IPv6 extension headers, every tunnel, inner
 * and outer IPv4/IPv6, TCP/UDP), on truncated copies (both refuse), and on
 * shapes both refuse (a fragment, MPLS, a third VLAN tag).
 */
#include "ofl_test.h"
#include "gso_frames.h"
#include <offload/parser.h>

static uint8_t in[8192];
static struct ofl_parse_result res;

static int from_parse(const uint8_t *p, size_t len, struct ofl_gso_meta *m)
{
	ofl_parse(p, p + len, OFL_PROTO_ETH, &res, sizeof(res));
	return ofl_gso_meta_from_parse(&res, sizeof(res), p, len, 1000, m);
}

static void same(const uint8_t *p, size_t len, int want_ok)
{
	struct ofl_gso_meta a, b;
	int ea = ofl_gso_meta_from_frame(p, len, 1000, &a);
	int eb = from_parse(p, len, &b);

	if (want_ok)
		assert_int_equal(ea, 0);
	assert_int_equal(ea == 0, eb == 0);
	if (ea)
		return;
	assert_memory_equal(&a, &b, sizeof(a));
}

static void test_shapes(void **state)
{
	int t, ov6, iv6, udp, vlan, n = 0;
	struct ofl_gso_meta m;
	size_t len, cut;

	(void)state;
	for (t = GF_NONE; t < GF_NTUNNELS; t++)
		for (ov6 = 0; ov6 <= 1; ov6++)
			for (iv6 = 0; iv6 <= 1; iv6++)
				for (udp = 0; udp <= 1; udp++)
					for (vlan = 0; vlan <= 1; vlan++) {
						struct gf_params g;

						memset(&g, 0, sizeof(g));
						g.v6 = iv6;
						g.udp = udp;
						g.payload_len = 3000;
						g.seed = 7;
						g.tcp_opt_words = 3;
						g.vlan = vlan;
						g.n_ext = iv6 ? 3 : 0;
						g.ip_opt_words = iv6 ? 0 : 2;
						g.tunnel = t;
						g.outer_v6 = ov6;
						len = gf_build(in, &g, &m);
						same(in, len, 1);
						/* headers only, and cut inside */
						same(in, m.hdr_len, 1);
						for (cut = 1; cut < m.hdr_len; cut += 7)
							same(in, cut, 0);
						n++;
					}
	assert_true(n > 100);
}

static void test_refused(void **state)
{
	static struct ofl_parse_result pres;
	struct ofl_gso_meta m, mm;
	struct gf_params g;
	size_t len;

	(void)state;
	memset(&g, 0, sizeof(g));
	g.payload_len = 3000;
	g.seed = 3;
	len = gf_build(in, &g, &m);
	/* IPv4 first fragment (MF) */
	in[14 + 6] |= 0x20;
	assert_int_not_equal(ofl_gso_meta_from_frame(in, len, 1000, &mm), 0);
	assert_int_not_equal(from_parse(in, len, &mm), 0);
	in[14 + 6] &= 0xdf;
	/* MPLS before the IP header */
	memmove(in + 18, in + 14, len - 14);
	in[12] = 0x88;
	in[13] = 0x47;
	in[14] = 0;
	in[15] = 0;
	in[16] = 0x11;	/* bottom of stack */
	in[17] = 64;
	assert_int_not_equal(ofl_gso_meta_from_frame(in, len + 4, 1000, &mm),
			     0);
	assert_int_equal(from_parse(in, len + 4, &mm), OFL_EPROTONOSUPPORT);
	/* OFL_MAX_VLANS tags are walked, one more is a loop */
	for (int n = OFL_MAX_VLANS; n <= OFL_MAX_VLANS + 1; n++) {
		int want = n > OFL_MAX_VLANS ? OFL_ELOOP : 0;

		len = gf_build(in, &g, &m);
		memmove(in + 14 + 4 * n, in + 14, len - 14);
		for (int i = 0; i < n; i++) {
			in[12 + 4 * i] = 0x81;
			in[13 + 4 * i] = 0;
			in[14 + 4 * i] = 0;
			in[15 + 4 * i] = (uint8_t)(i + 1);
		}
		in[12 + 4 * n] = 0x08;
		in[13 + 4 * n] = 0;
		assert_int_equal(ofl_gso_meta_from_frame(in, len + 4 * n, 1000,
							  &mm), want);
		assert_int_equal(from_parse(in, len + 4 * n, &mm), want);
	}
	/* bad arguments */
	assert_int_equal(ofl_gso_meta_from_parse(NULL, 0, in, len, 1000, &mm),
			 OFL_EINVAL);
	/* a caller built with another OFL_PARSE_MAX_LAYERS */
	len = gf_build(in, &g, &m);
	ofl_parse(in, in + len, OFL_PROTO_ETH, &pres, sizeof(pres));
	assert_int_equal(ofl_gso_meta_from_parse(&pres, sizeof(pres), in, len,
						 1000, &mm), 0);
	assert_int_equal(ofl_gso_meta_from_parse(&pres, sizeof(pres) - 8, in,
						 len, 1000, &mm), OFL_EINVAL);
}

/* BIG TCP: an IPv6 frame whose hop-by-hop header carries a Jumbo Payload
 * option (RFC 2675). Linux removes the option before segmenting; ofl does
 * not rewrite headers and refuses the frame (OFL_EOPNOTSUPP) in both
 * helpers. The same hop-by-hop header with a PadN option instead of the
 * jumbo option is segmented as before. */
static void test_jumbo_refused(void **state)
{
	struct ofl_gso_meta m, mm;
	struct gf_params g;
	size_t len, total;
	int pad;

	(void)state;
	for (pad = 0; pad <= 1; pad++) {
		memset(&g, 0, sizeof(g));
		g.v6 = 1;
		g.payload_len = 3000;
		g.seed = 5;
		len = gf_build(in, &g, &m);
		assert_int_equal(in[14 + 6], 6);
		memmove(in + 14 + 48, in + 14 + 40, len - 54);	/* room */
		total = len + 8 - 54;	/* from the hop-by-hop header */
		in[14 + 6] = 0;		/* next header: hop-by-hop */
		in[14 + 40] = 6;	/* then TCP */
		in[14 + 41] = 0;	/* 8 bytes */
		if (!pad) {
			in[14 + 4] = 0;	/* payload length 0: jumbo */
			in[14 + 5] = 0;
			in[14 + 42] = 0xc2;
			in[14 + 43] = 4;
			in[14 + 44] = (uint8_t)(total >> 24);
			in[14 + 45] = (uint8_t)(total >> 16);
			in[14 + 46] = (uint8_t)(total >> 8);
			in[14 + 47] = (uint8_t)total;
			assert_int_equal(ofl_gso_meta_from_frame(in, len + 8,
								 1000, &mm),
					 OFL_EOPNOTSUPP);
			assert_int_equal(from_parse(in, len + 8, &mm),
					 OFL_EOPNOTSUPP);
		} else {
			in[14 + 4] = (uint8_t)(total >> 8);
			in[14 + 5] = (uint8_t)total;
			in[14 + 42] = 1;	/* PadN, 4 bytes of zeros */
			in[14 + 43] = 4;
			memset(in + 14 + 44, 0, 4);
			same(in, len + 8, 1);
			assert_int_equal(from_parse(in, len + 8, &mm), 0);
			assert_int_equal(mm.transport_off, 14 + 48);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_jumbo_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
