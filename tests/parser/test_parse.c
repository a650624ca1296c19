// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/parser unit tests: every protocol of the graph and every error path,
 * on frames built in memory (frames.h). Layer lists are compared as text
 * "proto@offset ...".
 */
#include "ofl_test.h"
#include <offload/parser.h>
#include <offload/rss.h>
#include "frames.h"
#include "parser/internal.h"

static struct ofl_parse_result r;
static struct fb f;

static const char *layers(const struct ofl_parse_result *res)
{
	static char s[512];
	size_t n = 0;
	unsigned int i;

	s[0] = 0;
	for (i = 0; i < res->nlayers; i++)
		n += (size_t)snprintf(s + n, sizeof(s) - n, "%s%s@%u",
				      i ? " " : "",
				      ofl_parse_proto_name(res->layers[i].proto),
				      res->layers[i].offset);
	return s;
}

static int parse_frame(unsigned int i)
{
	assert_true(fb_frame(i, &f));
	return ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r, sizeof(r));
}

static int parse_buf(size_t len)
{
	return ofl_parse(f.b, f.b + len, OFL_PROTO_ETH, &r, sizeof(r));
}

static uint16_t be16(const void *p)
{
	const uint8_t *b = p;

	return (uint16_t)(b[0] << 8 | b[1]);
}

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

/*
 * The Toeplitz input of a parsed flow, the one way lib/ builds it
 * (ofl_rss_flow_from_parse(), ofl_rss_tuple()): KEY_OUTER or KEY_INNER,
 * with KEY_PORTS the TCP/UDP types. Returns its length, or -1.
 */
#define KEY_INNER 0u
#define KEY_OUTER 1u
#define KEY_PORTS 2u

static int rss_key(unsigned int flags, uint8_t *key)
{
	struct ofl_rss_flow fl;
	uint32_t types = OFL_RSS_HASH(OFL_RSS_TYPE_IPV4) |
			 OFL_RSS_HASH(OFL_RSS_TYPE_IPV6);
	size_t n;

	if (flags & KEY_PORTS)
		types = OFL_RSS_HASH_DEFAULT;
	if (ofl_rss_flow_from_parse(&r, sizeof(r), NULL, NULL,
				    (flags & KEY_OUTER) ? OFL_RSS_LEVEL_OUTER :
							  OFL_RSS_LEVEL_INNER,
				    &fl))
		return -1;
	if (ofl_rss_tuple(&fl, types, OFL_RSS_XFRM_NONE, key, &n) <= 0)
		return -1;
	return (int)n;
}

static void test_eth_ipv4_tcp(void **state)
{
	uint8_t key[OFL_RSS_TUPLE_MAX];
	static const uint8_t want[12] = { 198, 18, 0, 1, 198, 18, 0, 2,
					  0x04, 0xd2, 0, 80 };
	(void)state;
	assert_int_equal(parse_frame(0), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 tcp@34");
	assert_int_equal(r.error, 0);
	assert_int_equal(r.stop_off, 54);
	assert_int_equal(r.outer.family, 4);
	assert_int_equal(r.outer.ip_proto, 6);
	assert_int_equal(r.outer.l3_off, 14);
	assert_int_equal(r.outer.l4_off, 34);
	assert_int_equal(r.payload_off, 54);
	assert_int_equal(r.payload_len, 16);
	assert_int_equal(r.tcp_flags, 0x12);
	assert_int_equal(r.encap, 0);
	assert_ptr_equal(ofl_parse_inner(&r), &r.outer);
	assert_int_equal(rss_key(KEY_PORTS, key), 12);
	assert_memory_equal(key, want, 12);
	assert_int_equal(rss_key(KEY_OUTER, key), 8);
	assert_memory_equal(key, want, 8);
}

static void test_options(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(1), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 tcp@42");
	assert_int_equal(r.layers[1].len, 28);
	assert_int_equal(r.layers[2].len, 40);
	assert_int_equal(r.tcp_opts, OFL_PARSE_TCPOPT_MSS |
			 OFL_PARSE_TCPOPT_WSCALE | OFL_PARSE_TCPOPT_SACKOK |
			 OFL_PARSE_TCPOPT_TS);
	assert_int_equal(be16(&r.tcp_mss), 1460);
	assert_int_equal(r.tcp_wscale, 7);
	assert_int_equal(be32(&r.tcp_ts[0]), 1);
	assert_int_equal(be32(&r.tcp_ts[1]), 2);
}

static void test_sack(void **state)
{
	static const uint8_t opt[20] = { 1, 1, 5, 18, 0, 0, 0, 10, 0, 0, 0,
					 20, 0, 0, 0, 30, 0, 0, 0, 40 };
	size_t ip;

	(void)state;
	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 6, 0, 0);
	fb_tcp(&f, 1, 2, opt, 20);
	fb_ipv4_done(&f, ip);
	assert_int_equal(parse_buf(f.n), 0);
	assert_int_equal(r.tcp_opts, OFL_PARSE_TCPOPT_SACK);
	assert_int_equal(r.tcp_nsack, 2);
	assert_int_equal(be32(&r.tcp_sack[0]), 10);
	assert_int_equal(be32(&r.tcp_sack[3]), 40);
}

static void test_vlan_mpls_pppoe_arp(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(2), 0);
	assert_string_equal(layers(&r), "eth@0 vlan@14 ipv6@18 tcp@58");
	assert_int_equal(r.nvlan, 1);
	assert_int_equal(be16(&r.vlan_tci[0]), 0x2005);
	assert_int_equal(r.outer.family, 6);
	assert_int_equal(parse_frame(3), 0);
	assert_string_equal(layers(&r),
			    "eth@0 vlan@14 vlan@18 ipv4@22 udp@42");
	assert_int_equal(r.nvlan, 2);
	assert_int_equal(be16(&r.vlan_tci[1]), 8);
	assert_int_equal(parse_frame(4), 0);
	assert_string_equal(layers(&r),
			    "eth@0 mpls@14 mpls@18 ipv4@22 udp@42");
	assert_int_equal(r.nmpls, 2);
	assert_int_equal(be32(&r.mpls[1]) >> 12, 17);
	assert_int_equal(parse_frame(5), 0);
	assert_string_equal(layers(&r), "eth@0 mpls@14 ipv6@18 icmpv6@58");
	assert_int_equal(parse_frame(6), 0);
	assert_string_equal(layers(&r), "eth@0 pppoe@14 ipv4@22 tcp@42");
	assert_int_equal(parse_frame(7), 0);
	assert_string_equal(layers(&r), "eth@0 arp@14");
	assert_int_equal(r.outer.family, 0);
}

static void test_mpls_unknown_payload(void **state)
{
	(void)state;
	f.n = 0;
	fb_eth(&f, 0x8847);
	fb_mpls(&f, 5, 1);
	fb_u32(&f, 0);		/* PW control word: nibble 0 */
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 mpls@14");
	assert_int_equal(r.stop_off, 18);
}

static void test_l4_kinds(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(8), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 icmp@34");
	assert_int_equal(r.outer.has_ports, 0);
	assert_int_equal(parse_frame(9), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 igmp@34");
	assert_int_equal(parse_frame(10), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 sctp@34");
	assert_int_equal(r.outer.has_ports, 1);
	assert_int_equal(be16(r.outer.ports + 2), 6);
	assert_int_equal(parse_frame(28), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 icmpv6@54");
	assert_int_equal(parse_frame(29), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34");
	assert_int_equal(r.payload_len, 0);	/* padding is not payload */
}

static void test_ipv6_ext(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(11), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-hopopts@54 "
			    "ipv6-dstopts@62 ipv6-route@78 udp@86");
	assert_int_equal(r.nexthdr, 3);
	assert_int_equal(r.outer.ip_proto, 17);
	assert_int_equal(r.srh_present, 0);
	assert_int_equal(parse_frame(16), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-route@54 tcp@94");
	assert_int_equal(r.srh_present, 1);
	assert_int_equal(r.srh_segleft, 1);
	assert_int_equal(be32(r.srh_final + 12), 0x100);
	assert_int_equal(parse_frame(17), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 ah@34 tcp@58");
	assert_int_equal(parse_frame(18), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 esp@54");
	assert_int_equal(be32(&r.esp_spi), 0x12345678);
}

/* Eth / IPv6 / [hop-by-hop] / dstopts (HAO, or in hop-by-hop) / routing
 * type 2 of 8 * (rt8 + 1) bytes / TCP. */
static void fb_mip6(struct fb *f, int hao_in_hbh, unsigned int rt8)
{
	static const uint8_t home[16] = { 0x20, 0x01, 0x0d, 0xb8, 0xaa };
	static const uint8_t coa[16] = { 0x20, 0x01, 0x0d, 0xb8, 0xbb };
	size_t ip, i;

	f->n = 0;
	fb_eth(f, 0x86dd);
	ip = fb_ipv6(f, hao_in_hbh ? 0 : 60);
	fb_u8(f, 43);		/* dstopts or hop-by-hop: 24 bytes */
	fb_u8(f, 2);
	fb_u8(f, 1);		/* PadN, 2 bytes of data */
	fb_u8(f, 2);
	fb_u16(f, 0);
	fb_u8(f, 201);		/* Home Address, 16 bytes */
	fb_u8(f, 16);
	fb_put(f, home, 16);
	fb_u8(f, 6);		/* routing type 2 */
	fb_u8(f, rt8);
	fb_u8(f, 2);
	fb_u8(f, 1);
	fb_u32(f, 0);
	for (i = 0; i < rt8; i++)
		fb_put(f, coa + 8 * (i & 1), 8);
	fb_tcp(f, 1000, 80, NULL, 0);
	fb_ipv6_done(f, ip);
}

/* The IPV6_EX inputs: the Home Address option of a destination options
 * header and the address of a 24-byte type 2 routing header, per flow. */
static void test_ipv6_ex_addresses(void **state)
{
	struct fb f;

	(void)state;
	fb_mip6(&f, 0, 2);
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r,
				   sizeof(r)), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-dstopts@54 "
			    "ipv6-route@78 tcp@102");
	assert_int_equal(r.outer.has_hao, 1);
	assert_int_equal(r.outer.hao[4], 0xaa);
	assert_int_equal(r.outer.has_rtdst, 1);
	assert_int_equal(r.outer.rtdst[4], 0xbb);
	assert_int_equal(r.outer.has_ports, 1);
	/* an option 201 in a hop-by-hop header is not a Home Address */
	fb_mip6(&f, 1, 2);
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r,
				   sizeof(r)), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-hopopts@54 "
			    "ipv6-route@78 tcp@102");
	assert_int_equal(r.outer.has_hao, 0);
	assert_int_equal(r.outer.hao[4], 0);
	assert_int_equal(r.outer.has_rtdst, 1);
	/* a type 2 routing header too short for its address: not used */
	fb_mip6(&f, 0, 0);
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r,
				   sizeof(r)), 0);
	assert_int_equal(r.outer.has_hao, 1);
	assert_int_equal(r.outer.has_rtdst, 0);
	assert_int_equal(r.outer.rtdst[4], 0);
}

/* Eth / IPv4 / UDP to @dport / VXLAN-GPE (next protocol @np) / inner */
static void fb_gpe(unsigned int dport, unsigned int np, unsigned int ver)
{
	size_t ip, ip2;

	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 17, 0, 0);
	fb_udp(&f, 40000, dport);
	fb_u8(&f, 0x0c | ver << 4);	/* I and P flags */
	fb_u16(&f, 0);
	fb_u8(&f, np);
	fb_u32(&f, 77u << 8);
	if (np == 3)
		fb_eth(&f, 0x0800);
	ip2 = fb_ipv4(&f, 6, 0, 0);
	fb_tcp(&f, 1, 2, NULL, 0);
	fb_ipv4_done(&f, ip2);
	fb_ipv4_done(&f, ip);
}

static void test_vxlan_gpe(void **state)
{
	(void)state;
	fb_gpe(4790, 1, 0);
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan-gpe@42 "
			    "ipv4@50 tcp@70");
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_VXLAN_GPE);
	assert_int_equal(be32(&r.tun_id), 77);
	assert_int_equal(r.encap, 1);
	assert_int_equal(r.inner.family, 4);
	fb_gpe(4790, 3, 0);
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan-gpe@42 "
			    "eth@50 ipv4@64 tcp@84");
	fb_gpe(4790, 4, 0);	/* NSH: not parsed, the walk ends */
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan-gpe@42");
	fb_gpe(4790, 1, 1);	/* version 1 */
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
	assert_int_equal(r.stop_off, 42);
}

/* The parse of f with @cfg through ofl_parse_with() and through the step
 * API (ofl_parse_begin_with()): the same bytes; returns the code. */
static int parse_cfg(const struct ofl_parse_cfg *cfg)
{
	static struct ofl_parse_result a;
	int ret, i;

	ret = ofl_parse_with(f.b, f.b + f.n, OFL_PROTO_ETH, cfg, &r,
			     sizeof(r));
	assert_int_equal(ofl_parse_begin_with(f.b, f.b + f.n, OFL_PROTO_ETH,
					      cfg, &a, sizeof(a)), 0);
	i = 0;
	do
		ret = ofl_parse_step(f.b, f.b + f.n, &a, sizeof(a));
	while (ret > 0 && ++i < OFL_PARSE_MAX_DEPTH);
	assert_int_equal(ofl_parse_finish(&a, ret, sizeof(a)), r.error);
	if (!r.encap)
		memcpy(&a.inner, &r.inner, sizeof(r.inner));
	assert_memory_equal(&a, &r, offsetof(struct ofl_parse_result,
					     layers) +
			    r.nlayers * sizeof(r.layers[0]));
	assert_memory_equal(&a.outer, &r.outer,
			    offsetof(struct ofl_parse_result, walk_) -
			    offsetof(struct ofl_parse_result, outer));
	return r.error;
}

static void test_udp_port_table(void **state)
{
	struct ofl_parse_cfg cfg;
	unsigned int p;

	(void)state;
	assert_int_equal(ofl_parse_cfg_init(&cfg, sizeof(cfg)), 0);
	/* the defaults are the built-in table */
	assert_true(fb_frame(22, &f));	/* VXLAN on 4789 */
	assert_int_equal(parse_cfg(&cfg), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan@42 "
			    "eth@50 ipv4@64 tcp@84");
	assert_int_equal(parse_cfg(NULL), 0);
	assert_int_equal(r.nlayers, 7);
	/* VXLAN on 8472 (Linux's old default): only with the port added */
	fb_set16(&f, 36, 8472);
	assert_int_equal(parse_cfg(&cfg), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34");
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 8472,
					       OFL_PARSE_UDP_VXLAN), 0);
	assert_int_equal(parse_cfg(&cfg), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan@42 "
			    "eth@50 ipv4@64 tcp@84");
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_VXLAN);
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r,
				   sizeof(r)), 0);
	assert_int_equal(r.nlayers, 3);	/* ofl_parse(): built-in table */
	/* 4789 removed: no longer a tunnel */
	fb_set16(&f, 36, 4789);
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 4789,
					       OFL_PARSE_UDP_NONE), 0);
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 4789,
					       OFL_PARSE_UDP_NONE), OFL_ENOENT);
	assert_int_equal(parse_cfg(&cfg), 0);
	assert_int_equal(r.nlayers, 3);
	/* a port re-typed: the last kind given wins */
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 4789,
					       OFL_PARSE_UDP_GENEVE), 0);
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 4789,
					       OFL_PARSE_UDP_VXLAN_GPE), 0);
	fb_gpe(4789, 1, 0);
	assert_int_equal(parse_cfg(&cfg), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan-gpe@42 "
			    "ipv4@50 tcp@70");
	/* full table */
	for (p = 10000; ; p++) {
		int ret = ofl_parse_cfg_udp_add(&cfg, p, OFL_PARSE_UDP_VXLAN);

		if (ret == OFL_ENOSPC)
			break;
		assert_int_equal(ret, 0);
		assert_true(p < 10000 + OFL_PARSE_CFG_UDP_MAX);
	}
	/* bad arguments */
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 0, 1), OFL_EINVAL);
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 65536, 1), OFL_EINVAL);
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 1, 6), OFL_EINVAL);
	assert_int_equal(ofl_parse_cfg_init(&cfg, sizeof(cfg) + 4),
			 OFL_EINVAL);
	cfg.size = 16;
	memset(&r, 0x5a, sizeof(r));
	assert_int_equal(ofl_parse_with(f.b, f.b + f.n, OFL_PROTO_ETH, &cfg,
					&r, sizeof(r)), OFL_EINVAL);
	assert_int_equal(r.nlayers, 0x5a);	/* untouched */
	assert_int_equal(ofl_parse_cfg_udp_add(&cfg, 1, 1), OFL_EINVAL);
}

/* The per-kind UDP edges are the built-in UDP table's edges. */
static void test_udp_kind_edges(void **state)
{
	struct ofl_parse_cfg cfg;
	const struct ofl_parse_graph *g = ofl__parse_graph();
	const struct ofl_parse_table *t = &g->tables[OFL__PT_UDP];
	unsigned int j, k, n = 0;

	(void)state;
	assert_int_equal(ofl_parse_cfg_init(&cfg, sizeof(cfg)), 0);
	for (j = 0; j < OFL_PARSE_CFG_UDP_MAX; j++) {
		if (!cfg.udp_kind[j])
			continue;
		n++;
		for (k = 0; k < t->count; k++)
			if (g->edges[t->first + k].key == cfg.udp_port[j])
				break;
		assert_true(k < t->count);
	}
	assert_int_equal(n, t->count);
}

/* A datagram longer than the frame is reported (res->cut), not an error;
 * ICMP and ICMPv6 headers are 8 bytes. */
static void test_datagram_cut(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(0), 0);	/* Eth/IPv4/TCP + 16 bytes */
	assert_int_equal(r.cut, 0);
	assert_int_equal(parse_buf(f.n - 1), 0);
	assert_int_equal(r.cut, 1);
	assert_int_equal(r.payload_len, 15);
	assert_int_equal(parse_buf(40), OFL_ENODATA);
	assert_int_equal(r.cut, 1);
	assert_int_equal(parse_frame(29), 0);	/* Ethernet padding */
	assert_int_equal(r.cut, 0);
	assert_int_equal(parse_frame(22), 0);	/* VXLAN: the inner cut */
	assert_int_equal(r.cut, 0);
	assert_int_equal(parse_buf(f.n - 1), 0);
	assert_int_equal(r.cut, 1);
	assert_int_equal(parse_frame(28), 0);	/* ICMPv6: 8 bytes */
	assert_int_equal(r.layers[2].len, 8);
	assert_int_equal(r.payload_len, 16);
	assert_int_equal(parse_buf(54 + 7), OFL_ENODATA);
	assert_int_equal(parse_frame(8), 0);	/* ICMP: 8 bytes too */
	assert_int_equal(r.layers[2].len, 8);
}

static void test_fragments(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(12), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-frag@54 tcp@62");
	assert_int_equal(r.outer.frag,
			 OFL_PARSE_FRAG_IS | OFL_PARSE_FRAG_FIRST);
	assert_int_equal(r.outer.has_ports, 1);
	assert_int_equal(parse_frame(13), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-frag@54");
	assert_int_equal(r.outer.frag, OFL_PARSE_FRAG_IS);
	assert_int_equal(r.outer.ip_proto, 6);
	assert_int_equal(r.outer.has_ports, 0);
	assert_int_equal(parse_frame(14), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34");
	assert_int_equal(r.outer.frag,
			 OFL_PARSE_FRAG_IS | OFL_PARSE_FRAG_FIRST);
	assert_int_equal(parse_frame(15), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
	assert_int_equal(r.outer.frag, OFL_PARSE_FRAG_IS);
	assert_int_equal(r.outer.ip_proto, 17);
}

static void test_gre(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(19), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 ipv4@38 tcp@58");
	assert_int_equal(r.encap, 1);
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_GRE);
	assert_int_equal(r.outer.ip_proto, 47);
	assert_int_equal(r.inner.ip_proto, 6);
	assert_int_equal(r.inner.l3_off, 38);
	assert_int_equal(r.layers[3].encap, 1);
	assert_int_equal(parse_frame(20), 0);
	assert_string_equal(layers(&r),
			    "eth@0 ipv4@14 gre@34 ipv6@50 udp@90");
	assert_int_equal(r.layers[2].len, 16);
	assert_int_equal(r.gre_flags, OFL_PARSE_GRE_CSUM | OFL_PARSE_GRE_KEY |
			 OFL_PARSE_GRE_SEQ);
	assert_int_equal(be32(&r.tun_id), 0x1234);
	assert_int_equal(be32(&r.gre_seq), 99);
	assert_int_equal(parse_frame(21), 0);
	assert_string_equal(layers(&r),
			    "eth@0 ipv4@14 gre@34 eth@42 ipv4@56 udp@76");
	assert_int_equal(be32(&r.tun_id) >> 8, 0xabcd);	/* NVGRE VSID */
}

/* ERSPAN over GRE: type I (bare GRE), II, III (+ platform subheader) */
static void test_erspan(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(30), 0);	/* type I: no header */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 eth@38 "
			    "ipv4@52 tcp@72");
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_GRE);
	assert_int_equal(r.encap, 1);
	assert_int_equal(parse_frame(31), 0);	/* type II: 8 bytes */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 erspan@42 "
			    "eth@50 ipv4@64 udp@84");
	assert_int_equal(r.layers[3].len, 8);
	assert_int_equal(r.layers[3].encap, 0);
	assert_int_equal(r.layers[4].encap, 1);
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_ERSPAN);
	assert_int_equal(r.gre_flags, OFL_PARSE_GRE_SEQ);
	assert_int_equal(r.inner.family, 4);
	assert_int_equal(r.inner.ip_proto, 17);
	assert_int_equal(parse_frame(32), 0);	/* type III: 12 bytes */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 erspan@42 "
			    "eth@54 ipv6@68 tcp@108");
	assert_int_equal(r.layers[3].len, 12);
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_ERSPAN);
	assert_int_equal(parse_frame(33), 0);	/* O bit: 20 bytes */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 erspan@42 "
			    "eth@62 vlan@76 ipv4@80 tcp@100");
	assert_int_equal(r.layers[3].len, 20);
	/* type II with only a key (no sequence number): still type II */
	assert_true(fb_frame(31, &f));
	f.b[34] = 0x20;
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 erspan@42 "
			    "eth@50 ipv4@64 udp@84");
	assert_int_equal(r.gre_flags, OFL_PARSE_GRE_KEY);
	/* a version the protocol does not carry: type III's in 0x88be,
	 * type II's in 0x22eb, version 0 */
	assert_true(fb_frame(31, &f));
	f.b[42] = 0x20;
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34");
	assert_int_equal(r.stop_off, 42);
	assert_true(fb_frame(32, &f));
	f.b[42] = 0x10;
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
	f.b[42] = 0x00;
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
	/* cut inside the headers */
	assert_true(fb_frame(31, &f));
	assert_int_equal(parse_buf(49), OFL_ENODATA);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34");
	assert_true(fb_frame(33, &f));
	assert_int_equal(parse_buf(61), OFL_ENODATA);
	assert_int_equal(r.stop_off, 42);
	assert_int_equal(parse_buf(62), OFL_ENODATA);	/* no Ethernet */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34 erspan@42");
}

static void test_gre_versions(void **state)
{
	size_t ip;

	(void)state;
	/* version 1 (PPTP) with K, S, A: parsed, PPP payload stops */
	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 47, 0, 0);
	fb_gre(&f, 0x3081, 0x880b, 0x10, 1);
	fb_ipv4_done(&f, ip);
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 gre@34");
	assert_int_equal(r.layers[2].len, 16);
	assert_int_equal(r.gre_flags & OFL_PARSE_GRE_ACK, OFL_PARSE_GRE_ACK);
	/* version 2: unknown */
	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 47, 0, 0);
	fb_gre(&f, 0x0002, 0x0800, 0, 0);
	fb_ipv4_done(&f, ip);
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
	assert_int_equal(r.stop_off, 34);
	assert_int_equal(r.error, OFL_EPROTONOSUPPORT);
	/* routing present */
	f.b[34] = 0x40;
	f.b[35] = 0;
	assert_int_equal(parse_buf(f.n), OFL_EPROTONOSUPPORT);
}

static void test_udp_tunnels(void **state)
{
	uint8_t key[OFL_RSS_TUPLE_MAX];

	(void)state;
	assert_int_equal(parse_frame(22), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 udp@34 vxlan@42 "
			    "eth@50 ipv4@64 tcp@84");
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_VXLAN);
	assert_int_equal(be32(&r.tun_id), 42);
	assert_int_equal(be16(r.outer.ports + 2), 4789);
	assert_int_equal(be16(r.inner.ports + 2), 2222);
	assert_int_equal(r.payload_off, 104);
	assert_int_equal(r.payload_len, 16);
	assert_int_equal(rss_key(KEY_INNER |
					    KEY_PORTS, key), 12);
	assert_int_equal(be16(key + 8), 1111);
	assert_int_equal(rss_key(KEY_OUTER |
					    KEY_PORTS, key), 12);
	assert_int_equal(be16(key + 10), 4789);
	assert_int_equal(parse_frame(23), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 udp@54 geneve@62 "
			    "eth@86 ipv6@100 tcp@140");
	assert_int_equal(r.layers[3].len, 24);
	assert_int_equal(r.geneve_nopts, 2);
	assert_int_equal(be32(&r.tun_id), 7);
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_GENEVE);
	assert_int_equal(rss_key(KEY_PORTS, key), 36);
	assert_int_equal(key[15], 1);
	assert_int_equal(key[31], 2);
}

static void test_ip_in_ip(void **state)
{
	(void)state;
	assert_int_equal(parse_frame(24), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 ipv4@34 udp@54");
	assert_int_equal(r.tun_kind, OFL_PARSE_TUN_IPIP);
	assert_int_equal(r.outer.ip_proto, 4);
	assert_int_equal(parse_frame(25), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14 ipv6@34 tcp@74");
	assert_int_equal(r.inner.family, 6);
	assert_int_equal(parse_frame(26), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv4@54 tcp@74");
	assert_int_equal(parse_frame(27), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6@54 udp@94");
	assert_int_equal(r.encap, 1);
}

static void test_raw_ip_roots(void **state)
{
	(void)state;
	assert_true(fb_frame(0, &f));
	assert_int_equal(ofl_parse(f.b + 14, f.b + f.n, OFL_PROTO_IPV4, &r, sizeof(r)), 0);
	assert_string_equal(layers(&r), "ipv4@0 tcp@20");
	assert_true(fb_frame(2, &f));
	assert_int_equal(ofl_parse(f.b + 18, f.b + f.n, OFL_PROTO_IPV6, &r, sizeof(r)), 0);
	assert_string_equal(layers(&r), "ipv6@0 tcp@40");
	assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_TCP, &r, sizeof(r)),
			 OFL_EINVAL);
	assert_int_equal(ofl_parse(f.b + 4, f.b, OFL_PROTO_ETH, &r, sizeof(r)),
			 OFL_EINVAL);
}

/* The ports of a cut frame's flow: the full frame's, and there as soon as
 * the 4 bytes at its L4 header are (Linux __skb_flow_get_ports()). */
static void cut_ports(const struct ofl_parse_flow *fl,
		      const struct ofl_parse_flow *full, size_t len)
{
	if (fl->has_ports) {
		assert_int_equal(full->has_ports, 1);
		assert_memory_equal(fl->ports, full->ports, 4);
	} else if (full->has_ports) {
		assert_true(len < (size_t)full->l4_off + 4);
	}
}

/* Every truncation of every frame: ENODATA or success, layers a prefix of
 * the full frame's, each listed layer wholly inside, ports as above. */
static void test_truncated_everywhere(void **state)
{
	static struct ofl_parse_result full;
	unsigned int i, k;
	size_t len;

	(void)state;
	for (i = 0; fb_frame(i, &f); i++) {
		assert_int_equal(ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &full, sizeof(full)),
				 0);
		for (len = 0; len < f.n; len++) {
			int ret = parse_buf(len);

			assert_true(ret == 0 || ret == OFL_ENODATA);
			assert_true(r.nlayers <= full.nlayers);
			for (k = 0; k < r.nlayers; k++) {
				assert_int_equal(r.layers[k].proto,
						 full.layers[k].proto);
				assert_int_equal(r.layers[k].offset,
						 full.layers[k].offset);
				assert_true(r.layers[k].offset +
					    r.layers[k].len <= len);
			}
			if (ret)
				assert_true(r.stop_off <= len);
			cut_ports(&r.outer, &full.outer, len);
			if (full.encap)
				cut_ports(&r.inner, &full.inner, len);
		}
	}
}

static void test_truncated_cases(void **state)
{
	(void)state;
	assert_true(fb_frame(0, &f));
	assert_int_equal(parse_buf(10), OFL_ENODATA);
	assert_string_equal(layers(&r), "");
	assert_int_equal(r.stop_off, 0);
	assert_string_equal(ofl_strerror(r.error), "truncated");
	assert_int_equal(parse_buf(33), OFL_ENODATA);
	assert_string_equal(layers(&r), "eth@0");
	assert_int_equal(r.stop_off, 14);
	assert_int_equal(parse_buf(53), OFL_ENODATA);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
	assert_int_equal(r.stop_off, 34);
	assert_int_equal(r.outer.family, 4);	/* what was parsed is kept */
	/* IHL says 60 bytes, the frame has 40 after Ethernet */
	assert_true(fb_frame(0, &f));
	f.b[14] = 0x4f;
	assert_int_equal(parse_buf(54), OFL_ENODATA);
	assert_string_equal(layers(&r), "eth@0");
	/* TCP data offset past the end */
	assert_true(fb_frame(0, &f));
	f.b[46] = 0xf0;
	assert_int_equal(parse_buf(70), OFL_ENODATA);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
}

/*
 * An L4 header cut short (or with a bad TCP data offset): the ports are
 * taken from its first 4 bytes when they are in the frame, as Linux's
 * __skb_flow_get_ports() does; the layer is not listed, the error and
 * stop_off are those of the cut header, l4_off/payload_off stay 0.
 */
static void assert_cut(size_t len, int err, const char *want_layers,
		       unsigned int stop, const struct ofl_parse_flow *fl,
		       unsigned int sport, unsigned int dport,
		       unsigned int proto)
{
	assert_int_equal(parse_buf(len), err);
	assert_string_equal(layers(&r), want_layers);
	assert_int_equal(r.error, err);
	assert_int_equal(r.stop_off, stop);
	assert_int_equal(fl->ip_proto, proto);
	assert_int_equal(fl->l4_off, 0);
	if (sport || dport) {
		assert_int_equal(fl->has_ports, 1);
		assert_int_equal(be16(fl->ports), sport);
		assert_int_equal(be16(fl->ports + 2), dport);
	} else {
		assert_int_equal(fl->has_ports, 0);
		assert_int_equal(be32(fl->ports), 0);
	}
}

static void test_cut_l4_ports(void **state)
{
	uint8_t key[OFL_RSS_TUPLE_MAX];
	size_t k;

	(void)state;
	/* Eth/IPv4/TCP, TCP at 34: 3 bytes, then 4 .. 19 */
	assert_true(fb_frame(0, &f));
	assert_cut(37, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer, 0, 0, 6);
	assert_int_equal(rss_key(KEY_PORTS, key), 8);
	for (k = 4; k < 20; k++)
		assert_cut(34 + k, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer,
			   1234, 80, 6);
	assert_int_equal(r.payload_off, 0);
	assert_int_equal(r.payload_len, 0);
	assert_int_equal(r.tcp_flags, 0);
	assert_int_equal(rss_key(KEY_PORTS, key), 12);
	assert_int_equal(be16(key + 8), 1234);
	assert_int_equal(be16(key + 10), 80);
	/* data offset 15 (60 bytes) past the end of a 70-byte frame */
	f.b[46] = 0xf0;
	assert_cut(70, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer, 1234, 80,
		   6);
	/* data offset < 5: Linux takes the ports without looking at it */
	f.b[46] = 0x40;
	assert_cut(f.n, OFL_EPROTO, "eth@0 ipv4@14", 34, &r.outer, 1234, 80,
		   6);
	f.b[46] = 0x00;
	assert_cut(38, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer, 1234, 80,
		   6);
	/* QinQ/IPv4/UDP, UDP at 42: 3 bytes, then 4 .. 7 */
	assert_true(fb_frame(3, &f));
	assert_cut(45, OFL_ENODATA, "eth@0 vlan@14 vlan@18 ipv4@22", 42,
		   &r.outer, 0, 0, 17);
	for (k = 4; k < 8; k++)
		assert_cut(42 + k, OFL_ENODATA, "eth@0 vlan@14 vlan@18 ipv4@22",
			   42, &r.outer, 53, 53, 17);
	/* SCTP at 34: 4 .. 11 bytes */
	assert_true(fb_frame(10, &f));
	for (k = 4; k < 12; k++)
		assert_cut(34 + k, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer,
			   5, 6, 132);
	/* VLAN/IPv6/TCP, TCP at 58 */
	assert_true(fb_frame(2, &f));
	assert_cut(61, OFL_ENODATA, "eth@0 vlan@14 ipv6@18", 58, &r.outer,
		   0, 0, 6);
	assert_int_equal(rss_key(KEY_PORTS, key), 32);
	assert_cut(62, OFL_ENODATA, "eth@0 vlan@14 ipv6@18", 58, &r.outer,
		   443, 5555, 6);
	assert_int_equal(rss_key(KEY_PORTS, key), 36);
	assert_int_equal(be16(key + 32), 443);
	assert_int_equal(be16(key + 34), 5555);
	/* IPv6 first fragment / TCP at 62 */
	assert_true(fb_frame(12, &f));
	assert_cut(66, OFL_ENODATA, "eth@0 ipv6@14 ipv6-frag@54", 62,
		   &r.outer, 9, 10, 6);
	/* VXLAN: the inner TCP (at 84) cut, the inner flow gets its ports */
	assert_true(fb_frame(22, &f));
	assert_cut(88, OFL_ENODATA, "eth@0 ipv4@14 udp@34 vxlan@42 eth@50 "
		   "ipv4@64", 84, &r.inner, 1111, 2222, 6);
	assert_int_equal(r.encap, 1);
	assert_int_equal(be16(r.outer.ports + 2), 4789);
	assert_int_equal(r.outer.l4_off, 34);
	assert_int_equal(r.payload_off, 42);	/* the outer UDP's, as before */
	assert_int_equal(rss_key(KEY_INNER |
					    KEY_PORTS, key), 12);
	assert_int_equal(be16(key + 8), 1111);
	assert_int_equal(be16(key + 10), 2222);
	assert_cut(87, OFL_ENODATA, "eth@0 ipv4@14 udp@34 vxlan@42 eth@50 "
		   "ipv4@64", 84, &r.inner, 0, 0, 6);
	assert_int_equal(rss_key(KEY_INNER |
					    KEY_PORTS, key), 8);
	/* the outer UDP cut: the outer flow's ports */
	assert_cut(38, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer, 40000,
		   4789, 17);
	/* a later fragment still stops before L4 (no ports) */
	assert_true(fb_frame(15, &f));
	assert_int_equal(parse_buf(38), 0);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
	assert_int_equal(r.outer.has_ports, 0);
	/* ICMP has no ports */
	assert_true(fb_frame(8, &f));
	assert_cut(40, OFL_ENODATA, "eth@0 ipv4@14", 34, &r.outer, 0, 0, 1);
	/* the step API (the generic form BPF runs) agrees */
	assert_true(fb_frame(22, &f));
	{
		static struct ofl_parse_result a;
		int ret;

		assert_int_equal(parse_buf(90), OFL_ENODATA);
		assert_int_equal(ofl_parse_begin(f.b, f.b + 90, OFL_PROTO_ETH,
						 &a, sizeof(a)), 0);
		for (k = 0; k < OFL_PARSE_MAX_DEPTH; k++) {
			ret = ofl_parse_step(f.b, f.b + 90, &a, sizeof(a));
			if (ret <= 0)
				break;
		}
		assert_int_equal(ofl_parse_finish(&a, ret, sizeof(a)), OFL_ENODATA);
		assert_memory_equal(&a.outer, &r.outer, 2 * sizeof(r.outer));
	}
}

static void test_bad_lengths(void **state)
{
	(void)state;
	/* IHL < 5 */
	assert_true(fb_frame(0, &f));
	f.b[14] = 0x44;
	assert_int_equal(parse_buf(f.n), OFL_EPROTO);
	assert_string_equal(layers(&r), "eth@0");
	assert_int_equal(r.stop_off, 14);
	/* version 6 in an IPv4 EtherType */
	assert_true(fb_frame(0, &f));
	f.b[14] = 0x65;
	assert_int_equal(parse_buf(f.n), OFL_EPROTO);
	/* TCP doff < 5 */
	assert_true(fb_frame(0, &f));
	f.b[46] = 0x40;
	assert_int_equal(parse_buf(f.n), OFL_EPROTO);
	assert_string_equal(layers(&r), "eth@0 ipv4@14");
	assert_int_equal(r.stop_off, 34);
	/* PPPoE version/type wrong */
	assert_true(fb_frame(6, &f));
	f.b[14] = 0x12;
	assert_int_equal(parse_buf(f.n), OFL_EPROTO);
}

static void test_bad_options(void **state)
{
	uint8_t opt[8] = { 1, 1, 8, 0, 0, 0, 0, 0 };	/* TS with length 0 */
	size_t ip;

	(void)state;
	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 6, 0, 0);
	fb_tcp(&f, 1, 2, opt, 8);
	fb_ipv4_done(&f, ip);
	assert_int_equal(parse_buf(f.n), OFL_EBADMSG);
	/* the header is inside the frame: listed; stop at the option */
	assert_string_equal(layers(&r), "eth@0 ipv4@14 tcp@34");
	assert_int_equal(r.stop_off, 34 + 22);
	/* option length past the header */
	f.b[34 + 23] = 9;
	assert_int_equal(parse_buf(f.n), OFL_EBADMSG);
	/* length 1 */
	f.b[34 + 23] = 1;
	assert_int_equal(parse_buf(f.n), OFL_EBADMSG);
	/* EOL ends the list: the garbage after it is ignored */
	f.b[34 + 22] = 0;
	assert_int_equal(parse_buf(f.n), 0);
	/* IPv6 option past its header */
	assert_true(fb_frame(11, &f));
	f.b[54 + 3] = 20;
	assert_int_equal(parse_buf(f.n), OFL_EBADMSG);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-hopopts@54");
	/* GENEVE option length past the header */
	assert_true(fb_frame(23, &f));
	f.b[62 + 11] = 0x1f;
	assert_int_equal(parse_buf(f.n), OFL_EBADMSG);
}

static void test_too_many_options(void **state)
{
	uint8_t opt[40];
	size_t ip;

	(void)state;
	memset(opt, 1, sizeof(opt));	/* 40 NOPs: the bound is 40 */
	f.n = 0;
	fb_eth(&f, 0x0800);
	ip = fb_ipv4(&f, 6, 0, 0);
	fb_tcp(&f, 1, 2, opt, 40);
	fb_ipv4_done(&f, ip);
	assert_int_equal(parse_buf(f.n), OFL_PARSE_MAX_OPTS >= 40 ? 0 :
			 OFL_E2BIG);
	/* IPv6 hop-by-hop of 62 bytes of Pad1, over the bound: the options
	 * past it are skipped by the header's length (as the kernel's flow
	 * dissector, lib/gro and lib/gso do), and the TCP after it is
	 * parsed with its ports */
	f.n = 0;
	fb_eth(&f, 0x86dd);
	ip = fb_ipv6(&f, 0);
	fb_u8(&f, 6);
	fb_u8(&f, 7);
	fb_zero(&f, 62);
	fb_tcp(&f, 1, 2, NULL, 0);
	fb_ipv6_done(&f, ip);
	assert_int_equal(parse_buf(f.n), 0);
	assert_string_equal(layers(&r), "eth@0 ipv6@14 ipv6-hopopts@54 tcp@118");
	assert_int_equal(r.outer.ip_proto, 6);
	assert_int_equal(r.outer.has_ports, 1);
	assert_int_equal(r.outer.ports[3], 2);
}

static void test_chains_over_bounds(void **state)
{
	size_t ip;
	unsigned int i;

	(void)state;
	/* extension headers: one more than the bound */
	f.n = 0;
	fb_eth(&f, 0x86dd);
	ip = fb_ipv6(&f, 60);
	for (i = 0; i < OFL_MAX_EXTHDRS + 1; i++)
		fb_opts6(&f, i < OFL_MAX_EXTHDRS ? 60 : 59, 0);
	fb_ipv6_done(&f, ip);
	assert_int_equal(parse_buf(f.n), OFL_ELOOP);
	assert_int_equal(r.nlayers, 2 + OFL_MAX_EXTHDRS);
	assert_int_equal(r.stop_off, 54 + 8 * OFL_MAX_EXTHDRS);
	/* exactly the bound: fine */
	f.n = 0;
	fb_eth(&f, 0x86dd);
	ip = fb_ipv6(&f, 60);
	for (i = 0; i < OFL_MAX_EXTHDRS; i++)
		fb_opts6(&f, i + 1 < OFL_MAX_EXTHDRS ? 60 : 59, 0);
	fb_ipv6_done(&f, ip);
	assert_int_equal(parse_buf(f.n), 0);
	/* VLAN tags over the bound */
	f.n = 0;
	fb_eth(&f, 0x8100);
	for (i = 0; i < OFL_MAX_VLANS + 1; i++)
		fb_vlan(&f, i, 0x8100);
	assert_int_equal(parse_buf(f.n), OFL_ELOOP);
	assert_int_equal(r.nvlan, OFL_MAX_VLANS);
	/* MPLS labels over the bound */
	f.n = 0;
	fb_eth(&f, 0x8847);
	for (i = 0; i < OFL_MAX_MPLS + 1; i++)
		fb_mpls(&f, i, 0);
	assert_int_equal(parse_buf(f.n), OFL_ELOOP);
	/* tunnels over the bound: IPv4-in-IPv4 x (MAX_ENCAP + 1) */
	f.n = 0;
	fb_eth(&f, 0x0800);
	for (i = 0; i < OFL_MAX_ENCAP + 1; i++)
		fb_ipv4(&f, 4, 0, 0);
	fb_ipv4(&f, 17, 0, 0);
	fb_udp(&f, 1, 2);
	assert_int_equal(parse_buf(f.n), OFL_ELOOP);
	assert_int_equal(r.encap, OFL_MAX_ENCAP);
}

static void test_graph_is_consistent(void **state)
{
	const struct ofl_parse_graph *g = ofl__parse_graph();
	unsigned int i, j;

	(void)state;
	for (i = 0; i < g->ntables; i++) {
		assert_true(g->tables[i].first + g->tables[i].count <=
			    g->nedges);
		assert_true(g->tables[i].count <= 16);
	}
	for (i = 0; i < g->nedges; i++)
		assert_true(g->edges[i].node < g->nnodes);
	for (i = 1; i < g->nnodes; i++) {
		const struct ofl_parse_node *n = &g->nodes[i];

		assert_true(n->proto < OFL_PROTO_COUNT);
		assert_true(n->table < g->ntables);
		assert_true(n->md_first + n->md_count <= g->nmd);
		assert_true(n->md_count <= 6);
		assert_true(n->chk_first + n->chk_count <= g->nchk);
		assert_true(n->chk_count <= 2);
		assert_true(n->counter < OFL_PARSE_CNT_COUNT);
		if (n->kind == OFL_PARSE_KIND_TLV)
			assert_true(n->aux < g->ntlv);
		if (n->kind == OFL_PARSE_KIND_FLAGS)
			assert_true(n->aux < g->nflags);
		/* fields read before the length is known lie in min_len */
		if (n->next.size)
			assert_true(n->next.off + n->next.size <= n->min_len);
		if (n->hlen.size)
			assert_true(n->hlen.off + n->hlen.size <= n->min_len);
		for (j = 0; j < n->md_count; j++) {
			const struct ofl_parse_md *m = &g->md[n->md_first + j];

			assert_true(m->len <= 32);
			assert_true(m->dst + m->len <=
				    sizeof(struct ofl_parse_result));
		}
		/* node names are the layer names but for the MPLS guess
		 * and the two ERSPAN headers (erspan-ii, erspan-iii) */
		if (n->proto == OFL_PROTO_ERSPAN)
			assert_memory_equal(g->node_names[i], "erspan-", 7);
		else
			assert_string_equal(g->node_names[i],
					    i == 4 ? "mpls-payload" :
					    ofl_parse_proto_name(n->proto));
	}
	for (i = 0; i < g->ntlv; i++)
		assert_true(g->tlv[i].opt_first + g->tlv[i].opt_count <=
			    g->nopts);
	assert_string_equal(ofl_parse_proto_name(OFL_PROTO_IPV6_DSTOPTS),
			    "ipv6-dstopts");
	assert_string_equal(ofl_parse_proto_name(999), "?");
}

static void test_step_api_equals_parse(void **state)
{
	static struct ofl_parse_result a;
	unsigned int i, k;
	int ret;

	(void)state;
	for (i = 0; fb_frame(i, &f); i++) {
		ofl_parse(f.b, f.b + f.n, OFL_PROTO_ETH, &r, sizeof(r));
		ret = ofl_parse_begin(f.b, f.b + f.n, OFL_PROTO_ETH, &a, sizeof(a));
		assert_int_equal(ret, 0);
		for (k = 0; k < OFL_PARSE_MAX_DEPTH; k++) {
			ret = ofl_parse_step(f.b, f.b + f.n, &a, sizeof(a));
			if (ret <= 0)
				break;
		}
		assert_int_equal(ofl_parse_finish(&a, ret, sizeof(a)), r.error);
		assert_int_equal(ofl_parse_step(f.b, f.b + f.n, &a, sizeof(a)), 0);
		assert_memory_equal(&a, &r, offsetof(struct ofl_parse_result,
						     layers));
		if (!r.encap)	/* inner holds nothing then */
			memcpy(&a.inner, &r.inner, sizeof(r.inner));
		assert_memory_equal(&a.outer, &r.outer, sizeof(r) -
				    offsetof(struct ofl_parse_result, outer));
	}
}

/*
 * What a request level does not fill, cleared in a full result @e: the
 * field-by-field contract of ofl_parse_mask() (offload/parser.h).
 */
static void keep_level(struct ofl_parse_result *e, unsigned int lvl)
{
	struct ofl_parse_flow *fls[2] = { &e->outer, &e->inner };
	unsigned int k;

	e->mask = (uint8_t)lvl;
	if (!(lvl & OFL_PARSE_REQ_FLOW)) {
		for (k = 0; k < 2; k++) {
			struct ofl_parse_flow *fl = fls[k];

			memset(fl->src, 0, sizeof(fl->src));
			memset(fl->dst, 0, sizeof(fl->dst));
			memset(fl->ports, 0, sizeof(fl->ports));
			memset(fl->hao, 0, sizeof(fl->hao));
			memset(fl->rtdst, 0, sizeof(fl->rtdst));
			fl->has_ports = 0;
			fl->l3_end = 0;
			fl->has_hao = 0;
			fl->has_rtdst = 0;
		}
		e->payload_len = 0;
		e->cut = 0;
	}
	if (!(lvl & OFL_PARSE_REQ_LAYERS))
		e->nlayers = 0;
	if (!(lvl & OFL_PARSE_REQ_META)) {
		memset(e->vlan_tci, 0, sizeof(e->vlan_tci));
		memset(e->mpls, 0, sizeof(e->mpls));
		e->tun_id = 0;
		e->gre_flags = 0;
		e->gre_seq = 0;
		e->esp_spi = 0;
		e->srh_segleft = 0;
		e->srh_present = 0;
		memset(e->srh_final, 0, sizeof(e->srh_final));
		e->tcp_flags = 0;
		e->tcp_opts = 0;
		e->tcp_mss = 0;
		e->tcp_wscale = 0;
		e->tcp_nsack = 0;
		memset(e->tcp_ts, 0, sizeof(e->tcp_ts));
		memset(e->tcp_sack, 0, sizeof(e->tcp_sack));
		e->geneve_nopts = 0;
	}
}

/* @a equals @e: all but the layer slots past nlayers (undefined). */
static void assert_result_equal(const struct ofl_parse_result *a,
				const struct ofl_parse_result *e)
{
	assert_memory_equal(a, e, offsetof(struct ofl_parse_result, layers));
	assert_memory_equal(a->layers, e->layers,
			    e->nlayers * sizeof(e->layers[0]));
	assert_memory_equal(&a->outer, &e->outer, sizeof(*e) -
			    offsetof(struct ofl_parse_result, outer));
}

/* The step API at a request level, as exec_parser.h drives it. */
static int step_mask(const struct ofl_parse_cfg *cfg, unsigned int mask,
		     size_t len, struct ofl_parse_result *a)
{
	unsigned int k;
	int ret;

	ret = ofl_parse_begin_mask(f.b, f.b + len, OFL_PROTO_ETH, cfg, mask,
				   a, sizeof(*a));
	if (ret)
		return ret;
	ret = OFL_ELOOP;
	for (k = 0; k < OFL_PARSE_MAX_DEPTH; k++) {
		ret = ofl_parse_step(f.b, f.b + len, a, sizeof(*a));
		if (ret <= 0)
			break;
	}
	return ofl_parse_finish(a, ret, sizeof(*a));
}

/*
 * Every request mask on the whole corpus, each frame whole and cut at
 * every length: the fields a level fills equal the full parse's, the
 * others are 0 whatever the result held before (it starts as garbage);
 * ofl_parse_mask(), ofl_parse_mask_with() and the step API agree.
 */
static void test_request_masks(void **state)
{
	static struct ofl_parse_result full, e, a;
	static const unsigned int masks[][2] = {
		{ OFL_PARSE_MASK_OFFSETS, OFL_PARSE_MASK_OFFSETS },
		{ OFL_PARSE_MASK_FLOW, OFL_PARSE_MASK_FLOW },
		{ OFL_PARSE_MASK_LAYERS, OFL_PARSE_MASK_LAYERS },
		{ OFL_PARSE_MASK_ALL, OFL_PARSE_MASK_ALL },
		{ OFL_PARSE_REQ_FLOW, OFL_PARSE_MASK_FLOW },
		{ OFL_PARSE_REQ_LAYERS, OFL_PARSE_MASK_LAYERS },
		{ OFL_PARSE_REQ_LAYERS | OFL_PARSE_REQ_OFFSETS,
		  OFL_PARSE_MASK_LAYERS },
		{ OFL_PARSE_REQ_META, OFL_PARSE_MASK_ALL },
	};
	struct ofl_parse_cfg cfg;
	unsigned int i, m, nframes = 0, ncases = 0;
	size_t len;
	int ret;

	(void)state;
	assert_int_equal(ofl_parse_cfg_init(&cfg, sizeof(cfg)), 0);
	for (i = 0; fb_frame(i, &f); i++, nframes++) {
		for (len = 0; len <= f.n; len++) {
			int rf = ofl_parse(f.b, f.b + len, OFL_PROTO_ETH,
					   &full, sizeof(full));

			assert_int_equal(full.mask, OFL_PARSE_MASK_ALL);
			for (m = 0; m < OFL_ARRAY_SIZE(masks); m++) {
				e = full;
				keep_level(&e, masks[m][1]);
				memset(&a, 0xa5, sizeof(a));
				ret = ofl_parse_mask(f.b, f.b + len,
						     OFL_PROTO_ETH, masks[m][0],
						     &a, sizeof(a));
				assert_int_equal(ret, rf);
				assert_result_equal(&a, &e);
				memset(&a, 0x5a, sizeof(a));
				ret = step_mask(NULL, masks[m][0], len, &a);
				assert_int_equal(ret, rf);
				if (!full.encap)	/* as the test above */
					memcpy(&a.inner, &e.inner,
					       sizeof(e.inner));
				assert_result_equal(&a, &e);
				/* with the default port table: the same
				 * but the table copy in the walker state */
				memset(&a, 0xa5, sizeof(a));
				ret = ofl_parse_mask_with(f.b, f.b + len,
							  OFL_PROTO_ETH, &cfg,
							  masks[m][0], &a,
							  sizeof(a));
				assert_int_equal(ret, rf);
				memcpy(a.walk_, e.walk_, sizeof(a.walk_));
				assert_result_equal(&a, &e);
				ncases++;
			}
		}
	}
	assert_true(nframes >= 30 && ncases > 10000);
	/* bad masks: OFL_EINVAL, all zero but the error */
	assert_true(fb_frame(0, &f));
	for (m = 0; m < 3; m++) {
		static const unsigned int bad[3] = { 0, 0x10, 0x11 };

		memset(&e, 0, sizeof(e));
		e.error = OFL_EINVAL;
		memset(&a, 0xa5, sizeof(a));
		assert_int_equal(ofl_parse_mask(f.b, f.b + f.n, OFL_PROTO_ETH,
						bad[m], &a, sizeof(a)),
				 OFL_EINVAL);
		assert_result_equal(&a, &e);
		memset(&a, 0xa5, sizeof(a));
		assert_int_equal(ofl_parse_begin_mask(f.b, f.b + f.n,
						      OFL_PROTO_ETH, NULL,
						      bad[m], &a, sizeof(a)),
				 OFL_EINVAL);
		assert_result_equal(&a, &e);
	}
	/* a wrong size: untouched */
	memset(&a, 0xa5, sizeof(a));
	e = a;
	assert_int_equal(ofl_parse_mask(f.b, f.b + f.n, OFL_PROTO_ETH,
					OFL_PARSE_MASK_OFFSETS, &a,
					sizeof(a) - 4), OFL_EINVAL);
	assert_memory_equal(&a, &e, sizeof(a));
}

/* A field rule of the node rows, evaluated on a 4-byte header. */
static uint32_t field_value(const struct ofl_parse_field *fd,
			    const uint8_t *h)
{
	uint32_t x = 0;

	if (fd->size == 1)
		x = h[fd->off];
	else if (fd->size == 2)
		x = be16(h + fd->off);
	else if (fd->size == 4)
		x = be32(h + fd->off);
	return ((x & fd->mask) >> fd->shift) * (fd->mult ? fd->mult : 1u) +
	       fd->add;
}

/* Mark which result bytes a node's metadata rules / op moves fill from
 * which header byte (flow bytes as offsets + 1000 + flow offset). */
static void md_bytes(const struct ofl_parse_md *m, int16_t *map)
{
	unsigned int k, d;

	for (k = 0; k < m->len; k++) {
		d = m->dst + k + ((m->flags & OFL_PARSE_MD_FLOW) ? 1000 : 0) +
		    ((m->flags & OFL_PARSE_MD_INDEX) ? 2000 : 0);
		assert_true(d < 2400);
		map[d] = (int16_t)(m->src_off + k);
	}
}

static void mv_bytes(const struct ofl_parse_move *mv, int16_t *map)
{
	unsigned int k, d, size = mv->size_fl & 0x3fu;

	for (k = 0; k < size; k++) {
		d = mv->dst + k +
		    ((mv->size_fl & OFL_PARSE_MV_FLOW) ? 1000 : 0) +
		    ((mv->size_fl & OFL_PARSE_MV_INDEX) ? 2000 : 0);
		assert_true(d < 2400);
		map[d] = (int16_t)(mv->src + k);
	}
}

/*
 * The compiled op rows (what ofl_parse() runs) say exactly what the node
 * rows say: the node rows stay the one description of the graph.
 */
static void test_graph_ops_match_nodes(void **state)
{
	const struct ofl_parse_graph *g = ofl__parse_graph();
	static int16_t a[2400], b[2400];
	unsigned int i, j, v;

	(void)state;
	assert_non_null(g->ops);
	for (i = 0; i < g->nnodes; i++) {
		const struct ofl_parse_node *n = &g->nodes[i];
		const struct ofl_parse_op *op = &g->ops[i];
		const struct ofl_parse_table *t = &g->tables[n->table];
		unsigned int nf = 0;

		assert_int_equal(op->proto, n->proto);
		assert_int_equal(op->min_len, n->min_len);
		assert_int_equal(op->counter, n->counter);
		assert_int_equal(op->dflt, n->dflt);
		if (n->flags & OFL_PARSE_NF_L3)
			nf |= OFL_PARSE_OP_L3;
		if (n->flags & OFL_PARSE_NF_L4)
			nf |= OFL_PARSE_OP_L4;
		if (n->flags & OFL_PARSE_NF_PORTS)
			nf |= OFL_PARSE_OP_PORTS;
		if (n->flags & OFL_PARSE_NF_IPPROTO)
			nf |= OFL_PARSE_OP_IPPROTO;
		if (n->flags & OFL_PARSE_NF_IPV6)
			nf |= OFL_PARSE_OP_IPV6;
		assert_int_equal(op->flags & ~(OFL_PARSE_OP_CHK |
					       OFL_PARSE_OP_HLEN), nf);
		/* the table, inlined */
		assert_int_equal(op->e_count, n->table ? t->count : 0);
		if (op->e_count)
			assert_int_equal(op->e_first, t->first);
		if (op->e_count) {
			assert_int_equal(op->nx_off, n->next.off);
			assert_int_equal(op->nx_size, n->next.size);
			assert_int_equal(op->nx_mask, n->next.mask);
			assert_int_equal(op->nx_shr, n->next.shift);
			assert_true(n->next.mult <= 1 && n->next.add == 0);
			assert_true(op->nx_size <= 2);
			assert_true(op->nx_off + op->nx_size <= op->min_len);
		}
		/* length: the multiplier as a shift */
		if (n->hlen.size) {
			assert_true(op->flags & OFL_PARSE_OP_HLEN);
			assert_int_equal(n->hlen.size, 1);
			assert_int_equal(op->hl_off, n->hlen.off);
			assert_int_equal(op->hl_mask, n->hlen.mask);
			assert_int_equal(op->hl_shr, n->hlen.shift);
			assert_int_equal(1u << op->hl_shl,
					 n->hlen.mult ? n->hlen.mult : 1u);
			assert_int_equal(op->hl_add, n->hlen.add);
			assert_true(op->hl_off < op->min_len);
		} else {
			assert_false(op->flags & OFL_PARSE_OP_HLEN);
		}
		/* checks: every value of the first two bytes */
		assert_int_equal(!!(op->flags & OFL_PARSE_OP_CHK),
				 n->chk_count > 0);
		if (n->chk_count)
			assert_true(op->chk_off + 2u <= op->min_len);
		for (v = 0; n->chk_count && v < 0x10000; v++) {
			uint8_t h[4] = { (uint8_t)(v >> 8), (uint8_t)v, 0, 0 };
			int want = 0, got = 0;

			assert_int_equal(op->chk_off, 0);
			for (j = 0; j < n->chk_count && !want; j++) {
				const struct ofl_parse_check *c =
					&g->chk[n->chk_first + j];
				uint32_t x;

				assert_true(c->field.off + c->field.size <= 2);
				x = field_value(&c->field, h);
				if (x > 31 || !((c->allowed >> x) & 1u))
					want = c->err;
			}
			if ((v & op->chk_mask) != op->chk_val)
				got = op->chk_err;
			assert_int_equal(got, want);
		}
		/* node-row fields read without their own bounds check */
		if (n->frag_off)
			assert_true(n->frag_off + 2u <= n->min_len);
		if (n->tot_off)
			assert_true(n->tot_off + 2u <= n->min_len);
		/* metadata: the moves fill the bytes the rules fill */
		assert_int_equal(!!(op->ext & OFL_PARSE_OPX_FRAG),
				 n->frag_off != 0);
		assert_int_equal(!!(op->ext & OFL_PARSE_OPX_TOT),
				 n->tot_off != 0);
		assert_int_equal(!!(op->ext & OFL_PARSE_OPX_TLV),
				 n->kind == OFL_PARSE_KIND_TLV);
		assert_int_equal(!!(op->ext & OFL_PARSE_OPX_FLAGS),
				 n->kind == OFL_PARSE_KIND_FLAGS);
		if (op->ext & OFL_PARSE_OPX_MD) {
			assert_int_equal(op->mv[0].size_fl, 0);
			assert_int_equal(op->mv[1].size_fl, 0);
			continue;
		}
		memset(a, 0xff, sizeof(a));
		memset(b, 0xff, sizeof(b));
		for (j = 0; j < n->md_count; j++) {
			const struct ofl_parse_md *m = &g->md[n->md_first + j];

			assert_false(m->flags & (OFL_PARSE_MD_COND |
						 OFL_PARSE_MD_SET));
			md_bytes(m, a);
		}
		for (j = 0; j < 2; j++) {
			unsigned int sz = op->mv[j].size_fl & 0x3fu;

			if (!sz)
				continue;
			assert_true(sz == 1 || sz == 2 || sz == 4 || sz == 16 ||
				    sz == 32);
			assert_true(op->mv[j].src + sz <= op->min_len);
			mv_bytes(&op->mv[j], b);
		}
		assert_memory_equal(a, b, sizeof(a));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eth_ipv4_tcp),
		cmocka_unit_test(test_request_masks),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_sack),
		cmocka_unit_test(test_vlan_mpls_pppoe_arp),
		cmocka_unit_test(test_mpls_unknown_payload),
		cmocka_unit_test(test_l4_kinds),
		cmocka_unit_test(test_ipv6_ext),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_gre),
		cmocka_unit_test(test_gre_versions),
		cmocka_unit_test(test_erspan),
		cmocka_unit_test(test_udp_tunnels),
		cmocka_unit_test(test_ip_in_ip),
		cmocka_unit_test(test_raw_ip_roots),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_truncated_cases),
		cmocka_unit_test(test_cut_l4_ports),
		cmocka_unit_test(test_bad_lengths),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_too_many_options),
		cmocka_unit_test(test_chains_over_bounds),
		cmocka_unit_test(test_graph_is_consistent),
		cmocka_unit_test(test_step_api_equals_parse),
		cmocka_unit_test(test_graph_ops_match_nodes),
		cmocka_unit_test(test_ipv6_ex_addresses),
		cmocka_unit_test(test_vxlan_gpe),
		cmocka_unit_test(test_datagram_cut),
		cmocka_unit_test(test_udp_port_table),
		cmocka_unit_test(test_udp_kind_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
