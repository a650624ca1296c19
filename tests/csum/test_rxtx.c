// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Receive and transmit helpers on a VXLAN frame: outer IPv4/UDP, inner
 * IPv6 (optionally with an SRv6 routing header)/TCP, odd and even offsets,
 * Ethernet padding. Expected checksums come from the RFC 1071 byte model
 * over explicit pseudo-header bytes. */
#include "ofl_test.h"
#include <offload/csum.h>
#include "model.h"

static uint8_t fr[2048];
static size_t flen;

struct geo {
	size_t pre, ip4, udp, ip6, srh, tcp, end, l4end;
	size_t srh_len, daddr;
};

static void put16(size_t off, uint16_t v)
{
	fr[off] = (uint8_t)(v >> 8);
	fr[off + 1] = (uint8_t)v;
}

static uint16_t get16(size_t off)
{
	return (uint16_t)(fr[off] << 8 | fr[off + 1]);
}

/* Model checksum of an L4 segment with the pseudo header given as bytes. */
static uint16_t model_l4(const uint8_t *ps, size_t pslen, size_t off,
			 size_t len)
{
	uint32_t acc = model_sum_at(ps, pslen, 0, 0);

	return (uint16_t)~model_sum_at(fr + off, len, 0, acc);
}

static void v4_pseudo(uint8_t ps[12], size_t ip, uint8_t proto, size_t len)
{
	memcpy(ps, fr + ip + 12, 8);
	ps[8] = 0;
	ps[9] = proto;
	ps[10] = (uint8_t)(len >> 8);
	ps[11] = (uint8_t)len;
}

static void v6_pseudo(uint8_t ps[40], size_t saddr, size_t daddr,
		      uint8_t proto, size_t len)
{
	memcpy(ps, fr + saddr, 16);
	memcpy(ps + 16, fr + daddr, 16);
	memset(ps + 32, 0, 8);
	ps[34] = (uint8_t)(len >> 8);
	ps[35] = (uint8_t)len;
	ps[39] = proto;
}

static void fix_outer_udp(struct geo *g)
{
	uint8_t ps[12];

	put16(g->udp + 6, 0);
	v4_pseudo(ps, g->ip4, 17, g->l4end - g->udp);
	put16(g->udp + 6, model_l4(ps, 12, g->udp, g->l4end - g->udp));
}

static void build(struct geo *g, size_t pre, int srh, size_t plen,
		  size_t pad, uint64_t seed)
{
	uint8_t ps[40];
	size_t i;

	for (i = 0; i < sizeof(fr); i++)
		fr[i] = (uint8_t)(ofl_test_rand(&seed) >> 56);
	g->pre = pre;
	g->ip4 = pre + 14;
	g->udp = g->ip4 + 20;
	g->ip6 = g->udp + 8 + 8 + 14;
	g->srh_len = srh ? 8 + 16 * 3 : 0;
	g->srh = g->ip6 + 40;
	g->tcp = g->srh + g->srh_len;
	g->l4end = g->tcp + 20 + plen;
	g->end = g->l4end + pad;
	flen = g->end;
	/* outer IPv4 */
	fr[g->ip4] = 0x45;
	put16(g->ip4 + 2, (uint16_t)(g->l4end - g->ip4));
	put16(g->ip4 + 6, 0x4000);
	fr[g->ip4 + 9] = 17;
	put16(g->ip4 + 10, 0);
	put16(g->ip4 + 10, (uint16_t)~model_sum(fr + g->ip4, 20));
	/* outer UDP */
	put16(g->udp + 2, 4789);
	put16(g->udp + 4, (uint16_t)(g->l4end - g->udp));
	/* inner IPv6 */
	fr[g->ip6] = 0x60;
	put16(g->ip6 + 4, (uint16_t)(g->l4end - g->srh));
	fr[g->ip6 + 6] = srh ? 43 : 6;
	g->daddr = g->ip6 + 24;
	if (srh) {
		fr[g->srh] = 6;
		fr[g->srh + 1] = 6; /* 3 segments */
		fr[g->srh + 2] = 4;
		fr[g->srh + 3] = 2; /* segments left */
		fr[g->srh + 4] = 2; /* last entry */
		g->daddr = g->srh + 8; /* Segment List[0] */
	}
	/* inner TCP */
	fr[g->tcp + 12] = 0x50;
	put16(g->tcp + 16, 0);
	v6_pseudo(ps, g->ip6 + 8, g->daddr, 6, g->l4end - g->tcp);
	put16(g->tcp + 16, model_l4(ps, 40, g->tcp, g->l4end - g->tcp));
	fix_outer_udp(g);
}

static void layers(const struct geo *g, struct ofl_csum_layers *ly)
{
	memset(ly, 0, sizeof(*ly));
	ly->n = 2;
	ly->l[0].l4_off = (uint16_t)g->udp;
	ly->l[0].l4_len = (uint16_t)(g->l4end - g->udp);
	ly->l[0].saddr_off = (uint16_t)(g->ip4 + 12);
	ly->l[0].daddr_off = (uint16_t)(g->ip4 + 16);
	ly->l[0].family = 4;
	ly->l[0].proto = 17;
	ly->l[1].l4_off = (uint16_t)g->tcp;
	ly->l[1].l4_len = (uint16_t)(g->l4end - g->tcp);
	ly->l[1].saddr_off = (uint16_t)(g->ip6 + 8);
	ly->l[1].daddr_off = (uint16_t)g->daddr;
	ly->l[1].family = 6;
	ly->l[1].proto = 6;
}

static void complete_state(struct ofl_csum_state *st, size_t start)
{
	memset(st, 0, sizeof(*st));
	st->ip_summed = OFL_CHECKSUM_COMPLETE;
	st->csum_start = (uint16_t)start;
	st->csum = ofl_csum_partial(fr + start, flen - start, 0);
}

static void verify_complete(void **state)
{
	uint64_t s = 21;
	int n;

	(void)state;
	for (n = 0; n < 400; n++) {
		struct ofl_csum_layers ly;
		struct ofl_csum_state st;
		struct geo g;
		uint8_t res[OFL_CSUM_MAX_LAYERS];
		size_t pre = ofl_test_rand(&s) & 1;
		size_t start = (n & 2) ? 0 : pre + 14;

		build(&g, pre, n & 4, ofl_test_rand(&s) % 1400,
		      (n & 8) ? ofl_test_rand(&s) % 5 : 0, ofl_test_rand(&s));
		layers(&g, &ly);
		complete_state(&st, start);
		assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st,
							  &ly, res),
				 0);
		assert_int_equal(res[0], OFL_CSUM_GOOD);
		assert_int_equal(res[1], OFL_CSUM_GOOD);
		/* break the inner checksum only, keep the outer right */
		put16(g.tcp + 16, (uint16_t)(get16(g.tcp + 16) ^ 0x0100));
		fix_outer_udp(&g);
		complete_state(&st, start);
		assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st,
							  &ly, res),
				 OFL_ECSUM);
		assert_int_equal(res[0], OFL_CSUM_GOOD);
		assert_int_equal(res[1], OFL_CSUM_BAD);
		/* a wrong device sum breaks both */
		st.csum = ofl_csum_add(st.csum, 1);
		assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st,
							  &ly, res),
				 OFL_ECSUM);
		assert_int_equal(res[0], OFL_CSUM_BAD);
	}
}

static void outer_udp_zero(void **state)
{
	struct ofl_csum_layers ly;
	struct ofl_csum_state st;
	struct geo g;
	uint8_t res[OFL_CSUM_MAX_LAYERS];

	(void)state;
	build(&g, 1, 1, 333, 3, 5);
	put16(g.udp + 6, 0);
	layers(&g, &ly);
	complete_state(&st, 15);
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 0);
	assert_int_equal(res[0], OFL_CSUM_NONE);
	assert_int_equal(res[1], OFL_CSUM_GOOD);
	/* the same zero over IPv6 is forbidden unless the socket opted in */
	ly.l[0].family = 6;
	ly.l[0].saddr_off = (uint16_t)g.ip6; /* any 16 bytes in the frame */
	ly.l[0].daddr_off = (uint16_t)g.ip6;
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 OFL_ECSUM);
	assert_int_equal(res[0], OFL_CSUM_BAD);
	ly.l[0].flags = OFL_CSUM_L_UDP6_ZERO_OK;
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 0);
	assert_int_equal(res[0], OFL_CSUM_NONE);
}

static void verify_errors(void **state)
{
	struct ofl_csum_layers ly;
	struct ofl_csum_state st;
	struct geo g;
	uint8_t res[OFL_CSUM_MAX_LAYERS];

	(void)state;
	build(&g, 0, 0, 100, 0, 6);
	layers(&g, &ly);
	complete_state(&st, 14);
	st.ip_summed = OFL_CHECKSUM_NONE;
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 OFL_EINVAL);
	complete_state(&st, 14);
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen - 1, &st, &ly,
						  res),
			 OFL_ENODATA);
	ly.l[1].proto = 132;
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 OFL_EPROTONOSUPPORT);
	layers(&g, &ly);
	ly.l[1].l4_off = 10; /* before the outer layer */
	assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st, &ly,
						  res),
			 OFL_EINVAL);
}

static void convert_unnecessary(void **state)
{
	uint64_t s = 22;
	int n;

	(void)state;
	for (n = 0; n < 200; n++) {
		struct ofl_csum_layers ly;
		struct ofl_csum_state st;
		struct geo g;
		uint8_t res[OFL_CSUM_MAX_LAYERS];
		size_t pre = ofl_test_rand(&s) & 1;
		size_t start = (n & 2) ? 0 : pre + 14;

		build(&g, pre, n & 4, ofl_test_rand(&s) % 1400,
		      (n & 8) ? 3 : 0, ofl_test_rand(&s));
		if (n & 16) {
			put16(g.udp + 6, 0); /* device validated TCP only */
		}
		layers(&g, &ly);
		memset(&st, 0, sizeof(st));
		st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
		st.csum_level = 1;
		st.csum_start = (uint16_t)start;
		assert_int_equal(ofl_csum_convert_unnecessary(fr, fr + flen,
							      &st, &ly),
				 0);
		assert_int_equal(st.ip_summed, OFL_CHECKSUM_COMPLETE);
		assert_int_equal(st.csum_level, 0);
		assert_true(same16(ofl_csum_fold(st.csum),
				   ofl_csum_fold(ofl_csum_partial(
					   fr + start, flen - start, 0))));
		assert_int_equal(ofl_csum_verify_complete(fr, fr + flen, &st,
							  &ly, res),
				 0);
		/* only the zero outer UDP checksum was verified: no proof */
		if (n & 16) {
			memset(&st, 0, sizeof(st));
			st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
			st.csum_level = 0;
			assert_int_equal(ofl_csum_convert_unnecessary(
						 fr, fr + flen, &st, &ly),
					 OFL_ENOENT);
			assert_int_equal(st.ip_summed,
					 OFL_CHECKSUM_UNNECESSARY);
		}
	}
}

static void ipv6_find_l4(void **state)
{
	struct ofl_csum_ipv6_l4 o;
	struct geo g;
	const uint8_t *h;

	(void)state;
	build(&g, 0, 1, 40, 0, 7);
	h = fr + g.ip6;
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o), 0);
	assert_int_equal(o.proto, 6);
	assert_int_equal(o.l4_off, 40 + 56);
	assert_int_equal(o.daddr_off, 40 + 8); /* Segment List[0] */
	fr[g.srh + 3] = 0; /* segments left 0: the header's own field */
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o), 0);
	assert_int_equal(o.daddr_off, 24);
	fr[g.srh + 3] = 2;
	fr[g.srh + 2] = 0; /* type 0: last address */
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o), 0);
	assert_int_equal(o.daddr_off, 40 + 8 + 32);
	fr[g.srh + 2] = 3; /* RPL or unknown with segments left */
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o),
			 OFL_EPROTONOSUPPORT);
	fr[g.srh + 2] = 4;
	fr[g.srh + 3] = 9; /* more left than listed */
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o),
			 OFL_EBADMSG);
	fr[g.srh + 3] = 2;
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + g.ip6 + 60, &o),
			 OFL_ENODATA);
	fr[g.ip6] = 0x40;
	assert_int_equal(ofl_csum_ipv6_find_l4(h, fr + flen, &o), OFL_EPROTO);
	fr[g.ip6] = 0x60;
	/* a chain of destination options longer than the bound */
	{
		static uint8_t p[40 + 8 * (OFL_MAX_EXTHDRS + 1) + 20];
		size_t i;

		memset(p, 0, sizeof(p));
		p[0] = 0x60;
		p[6] = 60;
		for (i = 0; i <= OFL_MAX_EXTHDRS; i++)
			p[40 + 8 * i] = 60;
		assert_int_equal(ofl_csum_ipv6_find_l4(p, p + sizeof(p), &o),
				 OFL_ELOOP);
		p[40 + 8 * (OFL_MAX_EXTHDRS - 1)] = 17;
		assert_int_equal(ofl_csum_ipv6_find_l4(p, p + sizeof(p), &o),
				 0);
		assert_int_equal(o.proto, 17);
	}
}

/* ofl_csum_help: a UDP datagram whose checksum comes out 0 is sent 0xffff */
static void help_mangles_zero(void **state)
{
	uint8_t ps[12];
	struct ofl_csum_state st;
	size_t ip = 14, udp = 34, len = 8 + 10;
	uint32_t acc;

	(void)state;
	memset(fr, 0, 64);
	fr[ip] = 0x45;
	fr[ip + 9] = 17;
	fr[ip + 12] = 198;
	fr[ip + 13] = 18;
	fr[ip + 15] = 1;
	fr[ip + 16] = 198;
	fr[ip + 17] = 18;
	fr[ip + 19] = 2;
	put16(udp + 4, (uint16_t)len);
	put16(udp + 8, 0x1234);
	/* choose the last payload word so that the sum is 0xffff */
	v4_pseudo(ps, ip, 17, len);
	acc = model_sum_at(ps, 12, 0, 0);
	acc = model_sum_at(fr + udp, len, 0, acc);
	put16(udp + len - 2, (uint16_t)(0xffff - acc));
	assert_int_equal(model_l4(ps, 12, udp, len), 0);
	/* PARTIAL: the field holds the folded pseudo-header sum */
	acc = model_sum_at(ps, 12, 0, 0);
	put16(udp + 6, (uint16_t)acc);
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	st.csum_start = (uint16_t)udp;
	st.csum_offset = 6;
	assert_int_equal(ofl_csum_help(fr, fr + udp + len, &st), 0);
	assert_int_equal(get16(udp + 6), 0xffff);
	assert_int_equal(st.ip_summed, OFL_CHECKSUM_NONE);
	/* errors: field outside, wrong state */
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	st.csum_offset = (uint16_t)len;
	assert_int_equal(ofl_csum_help(fr, fr + udp + len, &st), OFL_EINVAL);
	st.ip_summed = OFL_CHECKSUM_NONE;
	assert_int_equal(ofl_csum_help(fr, fr + udp + len, &st), OFL_EINVAL);
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	assert_int_equal(ofl_csum_help(fr, fr + udp + len, &st), 0);
	assert_int_equal(st.ip_summed, OFL_CHECKSUM_NONE);
	/* the rules themselves */
	assert_int_equal(ofl_csum_udp_mangle0(0), 0xffff);
	assert_int_equal(ofl_csum_udp_mangle0(0x1234), 0x1234);
	assert_int_equal(ofl_csum_udp_zero_rx(4, 0, false), 1);
	assert_int_equal(ofl_csum_udp_zero_rx(6, 0, false), OFL_EPROTO);
	assert_int_equal(ofl_csum_udp_zero_rx(6, 0, true), 1);
	assert_int_equal(ofl_csum_udp_zero_rx(6, 5, false), 0);
	assert_int_equal(ofl_csum_udp_zero_rx(5, 0, false), OFL_EINVAL);
}

static void legacy_check(void **state)
{
	struct ofl_csum_state st;
	struct geo g;
	const uint32_t both = OFL_CSUM_DEV_IPV4 | OFL_CSUM_DEV_IPV6;

	(void)state;
	build(&g, 0, 0, 100, 0, 8);
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	/* the outer IPv4/UDP */
	st.csum_start = (uint16_t)g.udp;
	st.csum_offset = 6;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, both), 0);
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, OFL_CSUM_DEV_IPV6),
			 OFL_EOPNOTSUPP);
	st.encapsulation = 1;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, both), OFL_EOPNOTSUPP);
	st.encapsulation = 0;
	st.csum_offset = 16;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, both), OFL_EOPNOTSUPP);
	/* IPv4 options */
	st.csum_offset = 6;
	fr[g.ip4] = 0x46;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, both), OFL_EOPNOTSUPP);
	fr[g.ip4] = 0x45;
	/* a fragment */
	put16(g.ip4 + 6, 0x2000);
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip4, &st, both), OFL_EOPNOTSUPP);
	/* the inner IPv6/TCP, plain, then behind an SRv6 header */
	st.csum_start = (uint16_t)g.tcp;
	st.csum_offset = 16;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip6, &st, both), 0);
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip6, &st, OFL_CSUM_DEV_IPV4),
			 OFL_EOPNOTSUPP);
	build(&g, 0, 1, 100, 0, 8);
	st.csum_start = (uint16_t)g.tcp;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip6, &st, both), OFL_EOPNOTSUPP);
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + g.ip6 + 10,
				(uint16_t)g.ip6, &st, both), OFL_ENODATA);
	st.ip_summed = OFL_CHECKSUM_NONE;
	assert_int_equal(ofl_csum_hwoffload_legacy_check(fr, fr + flen,
				(uint16_t)g.ip6, &st, both), OFL_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verify_complete),
		cmocka_unit_test(outer_udp_zero),
		cmocka_unit_test(verify_errors),
		cmocka_unit_test(convert_unnecessary),
		cmocka_unit_test(ipv6_find_l4),
		cmocka_unit_test(help_mangles_zero),
		cmocka_unit_test(legacy_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
