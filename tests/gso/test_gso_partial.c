// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * GSO_PARTIAL (a device with NETIF_F_GSO_PARTIAL and checksum offload),
 * tunnels with and without outer checksums, against expectations derived
 * by hand from the 6.18 rules (skb_segment partial_segs, inet_gso_segment /
 * ipv6_gso_segment lengths and IDs with gso_partial, tcp_gso_segment and
 * __udp_gso_segment with mss *= gso_segs, __skb_udp_tunnel_segment,
 * gre_gso_segment partial_adj), not from lib/gso's own code:
 *
 *  1. "all headers excluding the inner transport header are updated such
 *     that they will contain the correct values for if the header was
 *     simply duplicated" (Documentation/networking/segmentation-offloads.rst):
 *     each GSO_PARTIAL segment is cut here the way a device does (headers
 *     copied, inner L4 sequence, length and checksum per piece) and every
 *     full gso_size piece must pass the independent reference check of
 *     gso_frames.h, outer UDP and GRE checksums included.
 *  2. A GSO_PARTIAL segment's headers equal those of the plain cut's
 *     segment at the same offset (same IDs, lengths for one gso_size,
 *     and the outer checksums: the inner pseudo-header length and, for UDP,
 *     the outer one differ by the same amount with opposite signs), except
 *     the innermost L4 length/checksum fields, which hold the folded
 *     pseudo-header sum for the whole segment. The remainder equals the
 *     plain cut's last segment byte for byte.
 *  3. Sizes: partial_segs = min(len, 65534) / gso_size, the last segment
 *     DIV_ROUND_UP(len, gso_size) when longer than gso_size; no GSO_PARTIAL
 *     without checksum offload or with partial_segs < 2.
 */
#include "ofl_test.h"
#include "gso_frames.h"

#define MAXF 140000
static uint8_t in[MAXF];
static uint8_t out[8 * 256 + 2 * MAXF], plain[300 * 256 + 2 * MAXF];
static uint8_t piece[MAXF];
static uint32_t lens[OFL_GSO_MAX_SEGS], plens[OFL_GSO_MAX_SEGS];

static struct gf_params base(int v6, int udp, uint32_t pl)
{
	struct gf_params g;

	memset(&g, 0, sizeof(g));
	g.v6 = v6;
	g.udp = udp;
	g.payload_len = pl;
	g.df = 1;
	g.tcp_flags = 0x99; /* CWR ACK PSH FIN */
	g.seq = 0xfffff000u;
	g.ip_id = 0xfff0;
	g.seed = 11;
	g.tcp_opt_words = 3;
	g.outer_id = 0x1234;
	g.outer_df = 1;
	return g;
}

static int cut(const struct ofl_gso_meta *m, size_t len, uint32_t flags,
	       uint8_t *o, size_t cap, uint32_t *l)
{
	struct ofl_gso_frag f = { in, (uint32_t)len, 0 };

	return ofl_gso_segment(&f, 1, m, flags, o, cap, l, OFL_GSO_MAX_SEGS);
}

/*
 * What a TSO engine does with a GSO_PARTIAL segment @s (@len bytes, headers
 * @m->hdr_len): for each full gso_size piece, the headers copied as they
 * are, the inner TCP sequence advanced (or the inner UDP length set) and
 * the inner L4 checksum computed; every piece must pass gf_verify().
 */
static void device_cut(const uint8_t *s, size_t len,
		       const struct ofl_gso_meta *m, uint32_t gso_segs)
{
	uint32_t hl = m->hdr_len, mss = m->gso_size, i;

	for (i = 0; i < gso_segs; i++) {
		const char *why;

		if ((uint32_t)len - hl - i * mss < mss)
			break; /* the device sets the short piece's lengths */
		why = gf_device_piece(piece, s, m, i, mss);
		if (why)
			fail_msg("device piece %u of %u: %s", i, gso_segs, why);
	}
}

/* The innermost L4 fields a GSO_PARTIAL segment holds for its whole length
 * (rule 2's exception): TCP checksum; UDP length and checksum. */
static int inner_l4_field(const struct ofl_gso_meta *m, uint32_t at)
{
	int tun = (m->gso_type & OFL_GSO_TUNNEL_MASK) != 0;
	uint32_t l4 = tun ? m->inner_transport_off : m->transport_off;

	if (m->gso_type & OFL_GSO_UDP_L4)
		return at >= l4 + 4 && at < l4 + 8;
	return at >= l4 + 16 && at < l4 + 18;
}

/*
 * One super-frame both ways: GSO_PARTIAL and the plain cut (both with
 * CHECKSUM_PARTIAL output), compared by rules 1-3. Returns the number of
 * GSO_PARTIAL segments.
 */
static int check_partial(const struct gf_params *g, uint16_t mss)
{
	struct ofl_gso_meta m, mp;
	uint32_t total, step, k, off = 0, po = 0, pi, plain_i;
	size_t len, pos = 0;
	int n, np, i;
	uint32_t b;

	len = gf_build(in, g, &m);
	m.gso_size = mss;
	total = (uint32_t)len - m.hdr_len;
	np = cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, plain, sizeof(plain), plens);
	mp = m;
	mp.gso_type |= OFL_GSO_PARTIAL;
	n = cut(&mp, len, OFL_GSO_F_CSUM_PARTIAL, out, sizeof(out), lens);
	if (n < 1 || np < 2)
		fail_msg("tunnel %d: n %d np %d", g->tunnel, n, np);
	k = (total < 65534 ? total : 65534) / mss;
	step = k > 1 ? k * mss : mss;
	assert_int_equal(n, (int)((total + step - 1) / step));
	for (i = 0; i < n; i++) {
		uint32_t plen = lens[i] - m.hdr_len;
		uint32_t segs = plen > mss ? (plen + mss - 1) / mss : 1;
		const uint8_t *s = out + pos, *ps;

		assert_int_equal(plen, total - off < step ? total - off : step);
		/* the plain segment at the same payload offset */
		plain_i = off / mss;
		for (pi = 0, po = 0; pi < plain_i; pi++)
			po += plens[pi];
		ps = plain + po;
		if (segs == 1) {
			/* the remainder: exactly the plain cut's segment */
			assert_int_equal(lens[i], plens[plain_i]);
			assert_memory_equal(s, ps, lens[i]);
		} else {
			const uint8_t *ip;
			uint32_t l4len, want;
			int tun = (m.gso_type & OFL_GSO_TUNNEL_MASK) != 0;
			uint32_t l4 = tun ? m.inner_transport_off
					  : m.transport_off;

			/* the last keeps FIN/PSH (tcp_gso_segment), which
			 * the plain cut has only on its last segment */
			if (!g->udp && i == n - 1)
				assert_int_equal(s[l4 + 13],
						 ps[l4 + 13] | (in[l4 + 13] & 0x09));
			for (b = 0; b < m.hdr_len; b++)
				if (!inner_l4_field(&m, b) &&
				    !(!g->udp && i == n - 1 && b == l4 + 13) &&
				    s[b] != ps[b])
					fail_msg("tunnel %d ov6 %d v6 %d udp %d "
						 "seg %d: header byte %u is "
						 "%02x, plain cut %02x",
						 g->tunnel, g->outer_v6, g->v6,
						 g->udp, i, b, s[b], ps[b]);
			/* innermost L4: the folded pseudo-header sum for the
			 * whole segment (left PARTIAL for the device), UDP
			 * length for the whole segment */
			ip = s + (tun ? m.inner_network_off : m.network_off);
			l4len = lens[i] - l4;
			want = gf_fold(gf_pseudo(ip, l4len,
						 g->udp ? 17 : 6));
			assert_int_equal(gf_rd16(s + l4 + (g->udp ? 6 : 16)),
					 want);
			if (g->udp)
				assert_int_equal(gf_rd16(s + l4 + 4), l4len);
			assert_memory_equal(s + m.hdr_len, in + m.hdr_len + off,
					    plen);
			device_cut(s, lens[i], &m, segs);
		}
		off += plen;
		pos += lens[i];
	}
	assert_int_equal(off, total);
	return n;
}

static void test_partial_tunnels(void **state)
{
	static const uint32_t pls[] = { 10 * 1000 + 123, 10 * 1000, 2 * 1000 + 1,
					1000 + 1, 30000 + 999 };
	int t, ov6, iv6, udp, p, n, cases = 0;

	(void)state;
	for (t = GF_NONE; t < GF_NTUNNELS; t++)
		for (ov6 = 0; ov6 <= 1; ov6++)
			for (iv6 = 0; iv6 <= 1; iv6++)
				for (udp = 0; udp <= 1; udp++)
					for (p = 0; p < 5; p++) {
						struct gf_params g =
							base(iv6, udp, pls[p]);

						if (t == GF_NONE && ov6)
							continue;
						g.tunnel = t;
						g.outer_v6 = ov6;
						g.n_ext = iv6 ? p % 3 : 0;
						n = check_partial(&g, 1000);
						assert_int_equal(n, pls[p] == 10000
								 ? 1 : 2);
						cases++;
					}
	assert_int_equal(cases, 6 * 2 * 2 * 2 * 5 + 2 * 2 * 5);
}

/*
 * Hand-derived values for one frame: VXLAN with outer UDP checksum over
 * IPv4, inner TCPv4, 10123 payload bytes at gso_size 1000: two segments.
 * The first: payload 10000, gso_segs 10, outer IPv4 tot_len and inner one
 * for one gso_size segment, outer UDP length likewise, IDs as given; the
 * second: 123 bytes, outer ID +10, inner ID +10, real lengths. GRE with
 * checksum: the checksum field of the first is the GRE checksum of the
 * plain cut's first segment (same headers, inner sum 9000 larger, minus
 * partial_adj = 9000).
 */
static void test_partial_values(void **state)
{
	struct gf_params g = base(0, 0, 10123);
	struct ofl_gso_meta m;
	struct ofl_gso_frag f;
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	uint8_t hdr[OFL_GSO_MAX_HDR];
	size_t len;
	uint32_t t, hl, ino;

	(void)state;
	g.tunnel = GF_VXLAN_CSUM;
	len = gf_build(in, &g, &m);
	m.gso_size = 1000;
	m.gso_type |= OFL_GSO_PARTIAL;
	f.data = in;
	f.len = (uint32_t)len;
	f.reserved = 0;
	t = m.transport_off;
	hl = m.hdr_len;
	ino = m.inner_network_off;
	assert_int_equal(t, 34);
	assert_int_equal(ino, 34 + 8 + 8 + 14);
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, OFL_GSO_F_CSUM_PARTIAL),
			 0);
	assert_int_equal(ofl_gso_count(&it), 2);
	assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 1);
	assert_int_equal(s.payload_len, 10000);
	assert_int_equal(s.gso_segs, 10);
	assert_int_equal(gf_rd16(hdr + 14 + 2), hl - 14 + 1000);
	assert_int_equal(gf_rd16(hdr + 14 + 4), 0x1234);
	assert_int_equal(gf_rd16(hdr + t + 4), hl - t + 1000);
	assert_int_equal(gf_rd16(hdr + ino + 2), hl - ino + 1000);
	assert_int_equal(gf_rd16(hdr + ino + 4), 0xfff0);
	assert_int_not_equal(gf_rd16(hdr + t + 6), 0);
	assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 1);
	assert_int_equal(s.payload_len, 123);
	assert_int_equal(s.gso_segs, 1);
	assert_int_equal(gf_rd16(hdr + 14 + 2), hl - 14 + 123);
	assert_int_equal(gf_rd16(hdr + 14 + 4), 0x1234 + 10);
	assert_int_equal(gf_rd16(hdr + t + 4), hl - t + 123);
	assert_int_equal(gf_rd16(hdr + ino + 4), 0xfff0 + 10);
	assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 0);
	/* the outer UDP checksum equals the plain cut's first segment's */
	assert_int_equal(cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, out, sizeof(out),
			     lens), 2);
	m.gso_type &= ~OFL_GSO_PARTIAL;
	assert_int_equal(cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, plain,
			     sizeof(plain), plens), 11);
	assert_int_equal(gf_rd16(out + t + 6), gf_rd16(plain + t + 6));
	/* GRE: the same for its checksum; partial_adj 9000 */
	g.tunnel = GF_GRE_CSUM;
	len = gf_build(in, &g, &m);
	m.gso_size = 1000;
	assert_int_equal(cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, plain,
			     sizeof(plain), plens), 11);
	m.gso_type |= OFL_GSO_PARTIAL;
	assert_int_equal(cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, out, sizeof(out),
			     lens), 2);
	t = m.transport_off;
	assert_int_equal(gf_rd16(out + t + 4), gf_rd16(plain + t + 4));
	assert_int_not_equal(gf_rd16(out + t + 4), 0);
	assert_int_equal(out[t + 6] | out[t + 7], 0); /* reserved1 */
	/* the checksum over the first segment's GRE region with the
	 * payload's 9000 extra bytes' pseudo-header length taken out:
	 * summing the region as sent (the TCP field holds the pseudo sum, as
	 * local checksum offload counts it) gives ~0 - 9000 + ... : check it
	 * the direct way, the GRE sum over the segment with its TCP checksum
	 * completed is 0xffff - 9000 (ones' complement) */
	{
		uint32_t l4 = m.inner_transport_off, c, ipo = m.inner_network_off;

		memcpy(piece, out, lens[0]);
		piece[l4 + 16] = piece[l4 + 17] = 0;
		c = (uint16_t)~gf_fold(gf_sum(piece + l4, lens[0] - l4,
					      gf_pseudo(piece + ipo,
							lens[0] - l4, 6)));
		gf_be16(piece + l4 + 16, c);
		assert_int_equal(gf_fold(gf_sum(piece + t, lens[0] - t, 9000)),
				 0xffff);
	}
}

/*
 * Above 64 KiB (BIG TCP sizes): skb_segment caps a GSO_PARTIAL segment at
 * min(len, GSO_BY_FRAGS - 1) / gso_size segments, so 100000 bytes at 1448
 * are one segment of 45 * 1448 = 65160 bytes and 34840 left, a last
 * segment that is still GSO with gso_segs DIV_ROUND_UP(34840, 1448) = 25.
 */
static void test_partial_big(void **state)
{
	struct gf_params g = base(0, 0, 100000);
	struct ofl_gso_meta m;
	struct ofl_gso_frag f;
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	uint8_t hdr[OFL_GSO_MAX_HDR];
	size_t len;
	int t;

	(void)state;
	for (t = 0; t < 3; t++) {
		g.tunnel = t == 0 ? GF_NONE : t == 1 ? GF_VXLAN_CSUM
						     : GF_GRE_CSUM;
		len = gf_build(in, &g, &m);
		m.gso_size = 1448;
		m.gso_type |= OFL_GSO_PARTIAL;
		f.data = in;
		f.len = (uint32_t)len;
		f.reserved = 0;
		assert_int_equal(ofl_gso_init(&it, &f, 1, &m,
					      OFL_GSO_F_CSUM_PARTIAL), 0);
		assert_int_equal(ofl_gso_count(&it), 2);
		assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 1);
		assert_int_equal(s.payload_len, 65160);
		assert_int_equal(s.gso_segs, 45);
		assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 1);
		assert_int_equal(s.payload_len, 34840);
		assert_int_equal(s.gso_segs, 25);
		/* a GSO segment still: lengths for one gso_size segment, the
		 * outer ID advanced by the first segment's gso_segs */
		assert_int_equal(gf_rd16(hdr + 14 + 2), m.hdr_len - 14 + 1448);
		assert_int_equal(gf_rd16(hdr + 14 + 4),
				 t ? 0x1234 + 45 : 0xfff0 + 45 - 0x10000);
		check_partial(&g, 1448);
	}
	/* 100000 at 1000: 65 * 1000, then 35000 = 35 exactly */
	g.tunnel = GF_VXLAN_CSUM;
	assert_int_equal(check_partial(&g, 1000), 2);
}

/* No GSO_PARTIAL without checksum offload (skb_segment needs csum;
 * harmonize_features drops the GSO bits first), nor for partial_segs < 2:
 * the plain cut, byte for byte. */
static void test_partial_falls_back(void **state)
{
	struct gf_params g = base(0, 0, 5000);
	struct ofl_gso_meta m;
	size_t len;
	int n, np, t;

	(void)state;
	for (t = GF_NONE; t < GF_NTUNNELS; t++) {
		g.tunnel = t;
		g.payload_len = 5000;
		len = gf_build(in, &g, &m);
		m.gso_size = 1000;
		np = cut(&m, len, 0, plain, sizeof(plain), plens);
		m.gso_type |= OFL_GSO_PARTIAL;
		n = cut(&m, len, 0, out, sizeof(out), lens);
		assert_int_equal(n, 5);
		assert_int_equal(np, 5);
		assert_memory_equal(out, plain, len + 4 * m.hdr_len);
		/* 1999 bytes at 1000: partial_segs 1, a plain cut */
		g.payload_len = 1999;
		len = gf_build(in, &g, &m);
		m.gso_size = 1000;
		np = cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, plain, sizeof(plain),
			 plens);
		m.gso_type |= OFL_GSO_PARTIAL;
		n = cut(&m, len, OFL_GSO_F_CSUM_PARTIAL, out, sizeof(out),
			lens);
		assert_int_equal(n, 2);
		assert_int_equal(np, 2);
		assert_memory_equal(out, plain, len + m.hdr_len);
	}
}

/* The segment cap is Linux's GSO_MAX_SEGS: 65535 segments are cut, 65536
 * refused; UDP_L4 keeps UDP_MAX_SEGMENTS. */
static void test_segment_cap(void **state)
{
	struct gf_params g = base(0, 0, 65535);
	struct ofl_gso_meta m;
	struct ofl_gso_frag f;
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	uint8_t hdr[OFL_GSO_MAX_HDR];
	uint32_t k, sum = 0;
	size_t len;

	(void)state;
	assert_int_equal(OFL_GSO_MAX_SEGS, 65535);
	len = gf_build(in, &g, &m);
	m.gso_size = 1;
	f.data = in;
	f.len = (uint32_t)len;
	f.reserved = 0;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), 0);
	assert_int_equal(ofl_gso_count(&it), 65535);
	for (k = 0; k < 65535; k++) {
		assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 1);
		sum += s.payload_len;
	}
	assert_int_equal(ofl_gso_next(&it, hdr, sizeof(hdr), &s), 0);
	assert_int_equal(sum, 65535);
	f.len = (uint32_t)len + 1;
	in[len] = 0;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), OFL_E2BIG);
	/* 2000 segments (above the old cap of 1024) as whole frames, each
	 * verified */
	g.payload_len = 2000 * 8;
	len = gf_build(in, &g, &m);
	m.gso_size = 8;
	assert_int_equal(cut(&m, len, 0, plain, sizeof(plain), plens), 2000);
	{
		size_t pos = 0;

		for (k = 0; k < 2000; k++) {
			const char *why = gf_verify(plain + pos, plens[k], &m);

			if (why)
				fail_msg("segment %u: %s", k, why);
			pos += plens[k];
		}
	}
	/* UDP: 128 segments, not 129 */
	g = base(0, 1, 128 * 100);
	len = gf_build(in, &g, &m);
	m.gso_size = 100;
	f.len = (uint32_t)len;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), 0);
	assert_int_equal(ofl_gso_count(&it), 128);
	g.payload_len = 128 * 100 + 1;
	len = gf_build(in, &g, &m);
	m.gso_size = 100;
	f.len = (uint32_t)len;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), OFL_E2BIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partial_tunnels),
		cmocka_unit_test(test_partial_values),
		cmocka_unit_test(test_partial_big),
		cmocka_unit_test(test_partial_falls_back),
		cmocka_unit_test(test_segment_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
