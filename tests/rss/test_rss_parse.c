// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_rss_flow_from_parse(): the one way from a lib/parser result to RSS
 * input, for every hash type (issue 12 item 4): addresses and ports per
 * level, the fragment fallback, the IPV6_EX addresses, the ports behind
 * a malformed IPv6 option list, and the argument checks.
 */
#include "ofl_test.h"
#include <offload/parser.h>
#include <offload/rss.h>
#include "../parser/frames.h"

static struct ofl_parse_result r;
static struct fb f;

static void parse(unsigned int i)
{
	assert_true(fb_frame(i, &f));
	ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r, sizeof(r));
}

static int from(unsigned int level, struct ofl_rss_flow *fl)
{
	return ofl_rss_flow_from_parse(&r, sizeof(r), f.b, f.b + f.n, level,
				       fl);
}

/* the input ofl_rss_tuple() builds for all types */
static int tuple(const struct ofl_rss_flow *fl, uint8_t *in, size_t *n)
{
	return ofl_rss_tuple(fl, OFL_RSS_HASH_ALL, OFL_RSS_XFRM_NONE, in, n);
}

static void test_plain(void **state)
{
	struct ofl_rss_flow fl;
	uint8_t in[OFL_RSS_TUPLE_MAX];
	size_t n;

	(void)state;
	parse(0);	/* Eth/IPv4/TCP 1234 -> 80 */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.family, 4);
	assert_int_equal(fl.proto, 6);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_PORTS);
	assert_int_equal(tuple(&fl, in, &n), OFL_RSS_TYPE_IPV4_TCP);
	assert_int_equal(n, 12);
	assert_memory_equal(in, r.outer.src, 4);
	assert_memory_equal(in + 4, r.outer.dst, 4);
	assert_memory_equal(in + 8, r.outer.ports, 4);
	parse(2);	/* Eth/VLAN/IPv6/TCP */
	assert_int_equal(from(OFL_RSS_LEVEL_INNER, &fl), 0);
	assert_int_equal(tuple(&fl, in, &n), OFL_RSS_TYPE_IPV6_TCP_EX);
	assert_int_equal(n, 36);
	assert_memory_equal(in, r.outer.src, 32);
	assert_memory_equal(in + 32, r.outer.ports, 4);
	parse(10);	/* SCTP: ports in the parse, not an RSS L4 type */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, 0);
	assert_int_equal(tuple(&fl, in, &n), OFL_RSS_TYPE_IPV4);
	parse(7);	/* ARP: no IP layer */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), OFL_ENOENT);
	assert_int_equal(fl.family, 0);
	assert_int_equal(tuple(&fl, in, &n), OFL_RSS_TYPE_NONE);
}

static void test_fragments(void **state)
{
	struct ofl_rss_flow fl;

	(void)state;
	parse(12);	/* IPv6 first fragment / TCP: ports */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_PORTS);
	parse(13);	/* later fragment: L3 only */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_FRAG);
	parse(15);	/* IPv4 later fragment */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_FRAG);
}

static void test_levels(void **state)
{
	struct ofl_rss_flow o, i;

	(void)state;
	parse(22);	/* VXLAN / Eth / IPv4 / TCP */
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &o), 0);
	assert_int_equal(from(OFL_RSS_LEVEL_INNER, &i), 0);
	assert_int_equal(o.proto, 17);
	assert_int_equal(i.proto, 6);
	assert_memory_equal(i.src, r.inner.src, 4);
	assert_memory_equal(o.src, r.outer.src, 4);
	parse(0);	/* no tunnel: inner is the outer flow */
	assert_int_equal(from(OFL_RSS_LEVEL_INNER, &i), 0);
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &o), 0);
	assert_memory_equal(&i, &o, sizeof(i));
}

/* Eth / IPv6 / dstopts (Home Address) / routing type 2 / TCP */
static void fb_mip6(void)
{
	size_t ip;
	unsigned int j;

	f.n = 0;
	fb_eth(&f, 0x86dd);
	ip = fb_ipv6(&f, 60);
	fb_u8(&f, 43);
	fb_u8(&f, 2);
	fb_u8(&f, 1);
	fb_u8(&f, 2);
	fb_u16(&f, 0);
	fb_u8(&f, 201);
	fb_u8(&f, 16);
	for (j = 0; j < 16; j++)
		fb_u8(&f, 0xa0 + j);
	fb_u8(&f, 6);
	fb_u8(&f, 2);
	fb_u8(&f, 2);
	fb_u8(&f, 1);
	fb_u32(&f, 0);
	for (j = 0; j < 16; j++)
		fb_u8(&f, 0xb0 + j);
	fb_tcp(&f, 1000, 80, NULL, 0);
	fb_ipv6_done(&f, ip);
	ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r, sizeof(r));
}

static void test_ipv6_ex(void **state)
{
	struct ofl_rss_flow fl;
	uint8_t in[OFL_RSS_TUPLE_MAX];
	size_t n;
	unsigned int j;

	(void)state;
	fb_mip6();
	assert_int_equal(r.error, 0);
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_PORTS | OFL_RSS_FLOW_HAO |
			 OFL_RSS_FLOW_RTDST);
	assert_int_equal(tuple(&fl, in, &n), OFL_RSS_TYPE_IPV6_TCP_EX);
	assert_int_equal(n, 36);
	for (j = 0; j < 16; j++) {
		assert_int_equal(in[j], 0xa0 + j);	/* home address */
		assert_int_equal(in[16 + j], 0xb0 + j);	/* type 2 address */
	}
	/* without the _EX types: the header's addresses */
	assert_int_equal(ofl_rss_tuple(&fl, OFL_RSS_HASH_DEFAULT,
				       OFL_RSS_XFRM_NONE, in, &n),
			 OFL_RSS_TYPE_IPV6_TCP);
	assert_memory_equal(in, r.outer.src, 32);
}

/* A destination options header with a malformed option (length past the
 * header): the parse stops with OFL_EBADMSG, the ports behind it are
 * still hashed (with the frame), not without it. */
static void test_ports_after_bad_options(void **state)
{
	struct ofl_rss_flow fl;
	size_t ip;

	(void)state;
	f.n = 0;
	fb_eth(&f, 0x86dd);
	ip = fb_ipv6(&f, 60);
	fb_u8(&f, 17);
	fb_u8(&f, 0);
	fb_u8(&f, 1);		/* PadN claiming 9 bytes in an 8-byte header */
	fb_u8(&f, 9);
	fb_u32(&f, 0);
	fb_udp(&f, 4321, 53);
	fb_ipv6_done(&f, ip);
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r,
				   sizeof(r)), OFL_EBADMSG);
	assert_int_equal(from(OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.proto, 17);
	assert_int_equal(fl.flags, OFL_RSS_FLOW_PORTS);
	assert_int_equal(fl.sport[0] << 8 | fl.sport[1], 4321);
	assert_int_equal(fl.dport[0] << 8 | fl.dport[1], 53);
	assert_int_equal(ofl_rss_flow_from_parse(&r, sizeof(r), NULL, NULL,
						 OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, 0);
	/* the frame cut inside the ports: none */
	assert_int_equal(ofl_rss_flow_from_parse(&r, sizeof(r), f.b,
						 f.b + f.n - 6,
						 OFL_RSS_LEVEL_OUTER, &fl), 0);
	assert_int_equal(fl.flags, 0);
}

static void test_args(void **state)
{
	struct ofl_rss_flow fl;

	(void)state;
	parse(0);
	memset(&fl, 0x5a, sizeof(fl));
	assert_int_equal(ofl_rss_flow_from_parse(&r, sizeof(r) - 8, NULL,
						 NULL, 0, &fl), OFL_EINVAL);
	assert_int_equal(fl.family, 0x5a);
	assert_int_equal(ofl_rss_flow_from_parse(&r, sizeof(r), NULL, NULL,
						 2, &fl), OFL_EINVAL);
	assert_int_equal(ofl_rss_flow_from_parse(NULL, sizeof(r), NULL, NULL,
						 0, &fl), OFL_EINVAL);
	assert_int_equal(ofl_rss_flow_from_parse(&r, sizeof(r), NULL, NULL,
						 0, NULL), OFL_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_ipv6_ex),
		cmocka_unit_test(test_ports_after_bad_options),
		cmocka_unit_test(test_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
