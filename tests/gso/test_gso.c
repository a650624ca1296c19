// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gso rule by rule, in memory (also run big-endian under qemu). The
 * kernel comparison itself is kernel_gso.c; here each rule of the kernel's
 * GSO callbacks is checked on its own, with a reference checksum written
 * independently of lib/csum (gso_frames.h).
 */
#include "ofl_test.h"
#include "gso_frames.h"

#define MAXF 70000
static uint8_t in[MAXF];
static uint8_t out[OFL_GSO_MAX_SEGS * 64 + 2 * MAXF];
static uint8_t out2[OFL_GSO_MAX_SEGS * 64 + 2 * MAXF];
static uint32_t lens[OFL_GSO_MAX_SEGS], lens2[OFL_GSO_MAX_SEGS];

static struct gf_params base(int v6, int udp, uint32_t pl)
{
	struct gf_params g;

	memset(&g, 0, sizeof(g));
	g.v6 = v6;
	g.udp = udp;
	g.payload_len = pl;
	g.df = 1;
	g.tcp_flags = 0x99; /* CWR ACK PSH FIN */
	g.seq = 0xfffff000u; /* wraps */
	g.ip_id = 0xfffe;    /* wraps */
	g.seed = 7;
	g.tcp_opt_words = 3;
	return g;
}

static int seg1(const struct gf_params *g, uint16_t mss, uint32_t type_or,
		uint32_t flags, struct ofl_gso_meta *m, size_t *len)
{
	struct ofl_gso_frag f;

	*len = gf_build(in, g, m);
	m->gso_size = mss;
	m->gso_type |= type_or;
	f.data = in;
	f.len = (uint32_t)*len;
	f.reserved = 0;
	return ofl_gso_segment(&f, 1, m, flags, out, sizeof(out), lens,
			       OFL_GSO_MAX_SEGS);
}

/* Every segment passes the reference check; payloads concatenate back. */
static void check_all(const struct ofl_gso_meta *m, size_t len, int n)
{
	size_t pos = 0, pl = 0;
	int i;

	for (i = 0; i < n; i++) {
		const char *why = gf_verify(out + pos, lens[i], m);

		if (why)
			fail_msg("segment %d: %s", i, why);
		assert_memory_equal(out + pos + m->hdr_len, in + m->hdr_len + pl,
				    lens[i] - m->hdr_len);
		pl += lens[i] - m->hdr_len;
		pos += lens[i];
	}
	assert_int_equal(pl, len - m->hdr_len);
}

static void test_tso4_rules(void **state)
{
	struct gf_params g = base(0, 0, 5000);
	struct ofl_gso_meta m;
	size_t len, pos = 0;
	int n, i;

	(void)state;
	n = seg1(&g, 1448, 0, 0, &m, &len);
	assert_int_equal(n, 4);
	check_all(&m, len, n);
	for (i = 0; i < n; i++) {
		const uint8_t *ip = out + pos + 14, *th = ip + 20;

		/* tcp_gso_segment: seq advances by mss */
		assert_int_equal((uint32_t)(gf_rd16(th + 4) << 16 | gf_rd16(th + 6)),
				 (uint32_t)(0xfffff000u + 1448u * (uint32_t)i));
		/* FIN/PSH only on the last, CWR only on the first */
		assert_int_equal(th[13] & 0x09, i == n - 1 ? 0x09 : 0);
		assert_int_equal(th[13] & 0x80, i == 0 ? 0x80 : 0);
		assert_int_equal(th[13] & 0x10, 0x10);
		/* inet_gso_segment: incrementing ID */
		assert_int_equal(gf_rd16(ip + 4), (0xfffe + i) & 0xffff);
		assert_int_equal(lens[i], 14 + 20 + 32 + (i < 3 ? 1448 : 5000 - 3 * 1448));
		pos += lens[i];
	}
}

static void test_accecn_fixedid(void **state)
{
	struct gf_params g = base(0, 0, 3000);
	struct ofl_gso_meta m;
	size_t len, pos = 0;
	int n, i;

	(void)state;
	n = seg1(&g, 1000, OFL_GSO_TCP_ACCECN | OFL_GSO_TCP_FIXEDID, 0, &m,
		 &len);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_int_equal(out[pos + 14 + 20 + 13] & 0x80, 0x80);
		assert_int_equal(gf_rd16(out + pos + 18), 0xfffe);
		pos += lens[i];
	}
	check_all(&m, len, n);
	/* FIXEDID with DF clear: segmented with the fixed ID (6.18
	 * inet_gso_segment, "net: gro: remove unnecessary df checks") */
	g.df = 0;
	n = seg1(&g, 1000, OFL_GSO_TCP_FIXEDID, 0, &m, &len);
	assert_int_equal(n, 3);
	for (i = 0, pos = 0; i < n; i++) {
		assert_int_equal(out[pos + 14 + 6] & 0x40, 0);
		assert_int_equal(gf_rd16(out + pos + 18), 0xfffe);
		pos += lens[i];
	}
	check_all(&m, len, n);
}

static void test_tso6_ext(void **state)
{
	struct ofl_gso_meta m;
	size_t len;
	int n, e;

	(void)state;
	for (e = 0; e <= 3; e++) {
		struct gf_params g = base(1, 0, 20000);

		g.n_ext = e;
		n = seg1(&g, 1220, 0, 0, &m, &len);
		assert_int_equal(n, 17);
		assert_int_equal(m.transport_off, 14 + 40 + 8 * e);
		check_all(&m, len, n);
	}
}

static void test_uso(void **state)
{
	struct ofl_gso_meta m;
	size_t len;
	int n, v6;

	(void)state;
	for (v6 = 0; v6 <= 1; v6++) {
		struct gf_params g = base(v6, 1, 128 * 100);

		n = seg1(&g, 100, 0, 0, &m, &len);
		assert_int_equal(n, 128);
		check_all(&m, len, n);
		g.payload_len = 128 * 100 + 1; /* UDP_MAX_SEGMENTS */
		assert_int_equal(seg1(&g, 100, 0, 0, &m, &len), OFL_E2BIG);
	}
}

/* __udp_gso_segment: a computed checksum of 0 is sent as 0xffff. */
static void test_udp_zero_csum(void **state)
{
	struct gf_params g = base(0, 1, 600);
	struct ofl_gso_meta m;
	size_t len;
	uint32_t c, w;
	uint8_t *p;

	(void)state;
	assert_int_equal(seg1(&g, 300, 0, 0, &m, &len), 2);
	c = gf_rd16(out + m.transport_off + 6);
	/* add c to the first payload word of segment 0: its sum becomes
	 * all ones, its checksum 0 */
	p = in + m.hdr_len;
	w = gf_rd16(p) + c;
	w = (w & 0xffff) + (w >> 16);
	gf_be16(p, w);
	{
		struct ofl_gso_frag f = { in, (uint32_t)len, 0 };

		assert_int_equal(ofl_gso_segment(&f, 1, &m, 0, out, sizeof(out),
						 lens, OFL_GSO_MAX_SEGS), 2);
	}
	assert_int_equal(gf_rd16(out + m.transport_off + 6), 0xffff);
	assert_null(gf_verify(out, lens[0], &m));
}

/* Fragmented input (odd splits, empty fragments) = linear input, and the
 * zero-copy iterator's slices give back the payload. */
static void test_frags_and_iter(void **state)
{
	struct gf_params g = base(0, 0, 40001);
	struct ofl_gso_meta m;
	struct ofl_gso_frag f[9];
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	uint8_t hdr[OFL_GSO_MAX_HDR];
	uint64_t r = 99;
	size_t len, pos;
	uint32_t cut[8], prev, k;
	int n, round, i;

	(void)state;
	len = gf_build(in, &g, &m);
	m.gso_size = 1337;
	f[0].data = in;
	f[0].len = (uint32_t)len;
	f[0].reserved = 0;
	for (i = 0; i < 2; i++) {
		uint32_t fl = i ? OFL_GSO_F_CSUM_PARTIAL : 0;

		n = ofl_gso_segment(f, 1, &m, fl, out, sizeof(out), lens,
				    OFL_GSO_MAX_SEGS);
		assert_int_equal(n, 30);
		for (round = 0; round < 20; round++) {
			prev = m.hdr_len;
			for (k = 0; k < 8; k++) {
				cut[k] = prev + (uint32_t)(ofl_test_rand(&r) %
					 ((len - prev) / 3 + 1));
				if (k == 3)
					cut[k] = prev; /* empty fragment */
				f[k].data = in + (k ? cut[k - 1] : 0);
				f[k].len = cut[k] - (k ? cut[k - 1] : 0);
				f[k].reserved = 0;
				prev = cut[k];
			}
			f[8].data = in + prev;
			f[8].len = (uint32_t)len - prev;
			f[8].reserved = 0;
			assert_int_equal(ofl_gso_segment(f, 9, &m, fl, out2,
							 sizeof(out2), lens2,
							 OFL_GSO_MAX_SEGS), n);
			assert_memory_equal(out, out2, len + (size_t)(n - 1) * m.hdr_len);
			/* iterator */
			assert_int_equal(ofl_gso_init(&it, f, 9, &m, fl), 0);
			assert_int_equal(ofl_gso_count(&it), (uint32_t)n);
			pos = 0;
			prev = m.hdr_len;
			while (ofl_gso_next(&it, hdr, sizeof(hdr), &s) == 1) {
				assert_int_equal(s.payload_off, prev);
				assert_memory_equal(hdr, out + pos, s.hdr_len);
				assert_true(s.frag < 9);
				assert_ptr_equal(f[s.frag].data + s.frag_off,
						 in + s.payload_off);
				prev += s.payload_len;
				pos += s.hdr_len + s.payload_len;
			}
			assert_int_equal(prev, len);
			f[0].data = in;
			f[0].len = (uint32_t)len;
		}
		f[0].data = in;
		f[0].len = (uint32_t)len;
	}
}

/* With OFL_GSO_F_CSUM_PARTIAL the L4 field holds the segment's folded
 * pseudo-header sum; CSUM_NONE input gives the same as PARTIAL input. */
static void test_partial_and_none(void **state)
{
	struct ofl_gso_meta m;
	size_t len, pos;
	int n, i, v6, udp;

	(void)state;
	for (v6 = 0; v6 <= 1; v6++)
		for (udp = 0; udp <= 1; udp++) {
			struct gf_params g = base(v6, udp, 9000);
			struct ofl_gso_frag f;
			uint32_t l4, co;

			n = seg1(&g, 1400, 0, OFL_GSO_F_CSUM_PARTIAL, &m, &len);
			assert_int_equal(n, 7);
			l4 = m.csum_start;
			co = m.csum_offset;
			for (i = 0, pos = 0; i < n; i++) {
				const uint8_t *sg = out + pos;

				assert_int_equal(gf_rd16(sg + l4 + co),
					gf_fold(gf_pseudo(sg + m.network_off,
							  lens[i] - l4,
							  udp ? 17 : 6)));
				pos += lens[i];
			}
			seg1(&g, 1400, 0, 0, &m, &len);
			memcpy(out2, out, sizeof(out2) / 2);
			memcpy(lens2, lens, sizeof(lens));
			/* garbage in the checksum field, CSUM_NONE */
			in[l4 + co] ^= 0x5a;
			m.ip_summed = OFL_CHECKSUM_NONE;
			f.data = in;
			f.len = (uint32_t)len;
			f.reserved = 0;
			assert_int_equal(ofl_gso_segment(&f, 1, &m, 0, out,
					 sizeof(out), lens, OFL_GSO_MAX_SEGS), n);
			assert_memory_equal(out, out2, len + (size_t)(n - 1) * m.hdr_len);
		}
}

static void test_tunnels(void **state)
{
	struct ofl_gso_meta m, mm;
	size_t len, pos;
	int n, t, ov6, iv6, udp, i;

	(void)state;
	for (t = GF_VXLAN; t < GF_NTUNNELS; t++)
		for (ov6 = 0; ov6 <= 1; ov6++)
			for (iv6 = 0; iv6 <= 1; iv6++)
				for (udp = 0; udp <= 1; udp++) {
					struct gf_params g = base(iv6, udp, 7000);

					g.tunnel = t;
					g.outer_v6 = ov6;
					g.outer_id = 0x1234;
					g.outer_df = 1;
					n = seg1(&g, 1000, 0, 0, &m, &len);
					if (n != 7)
						fail_msg("tunnel %d ov6 %d iv6 %d udp %d: %d",
							 t, ov6, iv6, udp, n);
					check_all(&m, len, n);
					for (i = 0, pos = 0; i < n; i++) {
						if (!ov6)
							assert_int_equal(gf_rd16(out + pos + 18), 0x1234 + i);
						if (!iv6)
							assert_int_equal(gf_rd16(out + pos + m.inner_network_off + 4), 0xfffe + i < 0x10000 ? 0xfffe + i : i - 2);
						pos += lens[i];
					}
					/* the metadata helper finds the same */
					assert_int_equal(ofl_gso_meta_from_frame(in, len, 1000, &mm), 0);
					assert_int_equal(mm.gso_type, m.gso_type);
					assert_int_equal(mm.network_off, m.network_off);
					assert_int_equal(mm.transport_off, m.transport_off);
					assert_int_equal(mm.inner_network_off, m.inner_network_off);
					assert_int_equal(mm.inner_transport_off, m.inner_transport_off);
					assert_int_equal(mm.hdr_len, m.hdr_len);
					/* CHECKSUM_PARTIAL inner: outer checksums
					 * still verify (local checksum offload) */
					n = seg1(&g, 1000, 0, OFL_GSO_F_CSUM_PARTIAL, &m, &len);
					assert_int_equal(n, 7);
				}
}

/* IPv4 and IPv6 in IPv6 behind a destination options header (ip6tnl's
 * Tunnel Encapsulation Limit option, ip6_tnl_xmit): the outer next header
 * is 60, the protocol after it names the inner version
 * (ipv6_gso_segment pulls the option, then ip4ip6/ip6ip6_gso_segment).
 * Found by the live ip6tnl differential (tests/gso/kernel_gso.sh). */
static void test_ipxip6_encap_limit(void **state)
{
	static uint8_t f[70000];
	struct ofl_gso_meta m, mm;
	size_t len, pos;
	int n, iv6, udp, i;

	(void)state;
	for (iv6 = 0; iv6 <= 1; iv6++)
		for (udp = 0; udp <= 1; udp++) {
			struct gf_params g = base(iv6, udp, 7000);
			uint32_t t;

			g.tunnel = GF_IPIP;
			g.outer_v6 = 1;
			len = gf_build(in, &g, &m);
			t = m.transport_off;
			/* insert the 8-byte option header before the inner IP */
			memcpy(f, in, t);
			f[t] = in[20];		/* its next header: 4 or 41 */
			f[t + 1] = 0;
			f[t + 2] = 4;		/* Tunnel Encapsulation Limit */
			f[t + 3] = 1;
			f[t + 4] = 4;
			f[t + 5] = 1;		/* PadN, 1 byte */
			f[t + 6] = 1;
			f[t + 7] = 0;
			memcpy(f + t + 8, in + t, len - t);
			f[20] = 60;
			gf_be16(f + 18, gf_rd16(in + 18) + 8);
			len += 8;
			assert_int_equal(ofl_gso_meta_from_frame(f, len, 1000, &mm), 0);
			assert_int_equal(mm.gso_type & OFL_GSO_TUNNEL_MASK,
					 OFL_GSO_IPXIP6);
			assert_int_equal(mm.transport_off, t + 8);
			memcpy(in, f, len);
			n = ofl_gso_segment(&(struct ofl_gso_frag){ in, (uint32_t)len, 0 },
					    1, &mm, 0, out, sizeof(out), lens,
					    OFL_GSO_MAX_SEGS);
			if (n != 7)
				fail_msg("iv6 %d udp %d: %d", iv6, udp, n);
			check_all(&mm, len, n);
			for (i = 0, pos = 0; i < n; i++) {
				assert_int_equal(out[pos + 20], 60);
				assert_memory_equal(out + pos + t, f + t, 8);
				pos += lens[i];
			}
			/* the option header's next header must match the
			 * inner version */
			in[t] = iv6 ? 4 : 41;
			n = ofl_gso_segment(&(struct ofl_gso_frag){ in, (uint32_t)len, 0 },
					    1, &mm, 0, out, sizeof(out), lens,
					    OFL_GSO_MAX_SEGS);
			assert_int_equal(n, OFL_EINVAL);
		}
}

static void test_gso_partial(void **state)
{
	struct gf_params g = base(0, 0, 10 * 1000 + 123);
	struct ofl_gso_meta m;
	size_t len;
	int n;

	(void)state;
	/* GSO_PARTIAL needs checksum offload (skb_segment: sg && csum) */
	n = seg1(&g, 1000, OFL_GSO_PARTIAL, 0, &m, &len);
	assert_int_equal(n, 11);
	n = seg1(&g, 1000, OFL_GSO_PARTIAL, OFL_GSO_F_CSUM_PARTIAL, &m, &len);
	assert_int_equal(n, 2);
	assert_int_equal(lens[0], m.hdr_len + 10000);
	/* IP total length for one gso_size segment; ID advanced by 10 */
	assert_int_equal(gf_rd16(out + 16), m.hdr_len - 14 + 1000);
	assert_int_equal(gf_rd16(out + lens[0] + 18), (0xfffe + 10) & 0xffff);
	assert_int_equal(gf_rd16(out + lens[0] + 16), m.hdr_len - 14 + 123);
	/* the remainder is the plain cut's last segment (more rules in
	 * test_gso_partial.c) */
	memcpy(out2, out + lens[0], lens[1]);
	n = seg1(&g, 1000, 0, OFL_GSO_F_CSUM_PARTIAL, &m, &len);
	assert_int_equal(n, 11);
	assert_memory_equal(out2, out + len + 10 * m.hdr_len - lens[10],
			    lens[10]);
}

static void test_meta_plain(void **state)
{
	struct ofl_gso_meta m, mm;
	int v6, udp, vlan;

	(void)state;
	for (v6 = 0; v6 <= 1; v6++)
		for (udp = 0; udp <= 1; udp++)
			for (vlan = 0; vlan <= 1; vlan++) {
				struct gf_params g = base(v6, udp, 3000);
				size_t len;

				g.vlan = vlan;
				g.n_ext = v6 ? 3 : 0;
				g.ip_opt_words = v6 ? 0 : 2;
				len = gf_build(in, &g, &m);
				assert_int_equal(ofl_gso_meta_from_frame(in, len, 500, &mm), 0);
				assert_int_equal(mm.gso_type, m.gso_type);
				assert_int_equal(mm.transport_off, m.transport_off);
				assert_int_equal(mm.hdr_len, m.hdr_len);
				assert_int_equal(mm.csum_start, m.csum_start);
				assert_int_equal(mm.gso_size, 500);
				assert_int_equal(ofl_gso_meta_from_frame(in, m.hdr_len - 1, 500, &mm), OFL_ENODATA);
			}
}

static void test_bad_input(void **state)
{
	struct gf_params g = base(0, 0, 3000);
	struct ofl_gso_meta m, b;
	struct ofl_gso_frag f;
	struct ofl_gso_iter it;
	struct ofl_gso_seg s;
	uint8_t hdr[80];
	size_t len;

	(void)state;
	len = gf_build(in, &g, &m);
	f.data = in;
	f.len = (uint32_t)len;
	f.reserved = 0;
	m.gso_size = 1000;
#define BAD(field, val, err)                                                   \
	do {                                                                   \
		b = m;                                                         \
		b.field = val;                                                 \
		assert_int_equal(ofl_gso_init(&it, &f, 1, &b, 0), err);        \
	} while (0)
	BAD(gso_size, 0, OFL_EINVAL);
	BAD(gso_size, 3000, OFL_ERANGE);
	BAD(gso_size, 2, 0);	/* 1500 segments: below GSO_MAX_SEGS */
	BAD(gso_type, OFL_GSO_TCPV4 | OFL_GSO_TCPV6, OFL_EINVAL);
	BAD(gso_type, 0, OFL_EINVAL);
	BAD(gso_type, OFL_GSO_TCPV6, OFL_EINVAL);
	BAD(gso_type, OFL_GSO_UDP_L4, OFL_EINVAL);
	BAD(gso_type, OFL_GSO_TCPV4 | OFL_GSO_GRE | OFL_GSO_IPXIP4, OFL_EINVAL);
	BAD(gso_type, OFL_GSO_TCPV4 | OFL_GSO_GRE, OFL_EINVAL);
	BAD(hdr_len, 300, OFL_EMSGSIZE);
	BAD(hdr_len, (uint16_t)(m.hdr_len + 4), OFL_EINVAL);
	BAD(transport_off, 40, OFL_EINVAL);
	BAD(network_off, 10, OFL_EINVAL);
	BAD(csum_start, 20, OFL_EINVAL);
	BAD(csum_offset, 6, OFL_EINVAL);
	BAD(inner_network_off, 60, OFL_EINVAL);
	b = m;
	b.gso_type |= OFL_GSO_UDP_TUNNEL_CSUM | 0;
	assert_int_not_equal(ofl_gso_init(&it, &f, 1, &b, 0), 0);
	/* headers not in the first fragment */
	f.len = m.hdr_len - 1;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), OFL_ENODATA);
	f.len = (uint32_t)len;
	assert_int_equal(ofl_gso_init(NULL, &f, 1, &m, 0), OFL_EINVAL);
	assert_int_equal(ofl_gso_init(&it, &f, 0, &m, 0), OFL_EINVAL);
	/* too small a buffer: nothing written past it */
	assert_int_equal(ofl_gso_init(&it, &f, 1, &m, 0), 0);
	memset(hdr, 0xa5, sizeof(hdr));
	assert_int_equal(ofl_gso_next(&it, hdr, m.hdr_len - 1, &s), OFL_ENOSPC);
	assert_int_equal(hdr[0], 0xa5);
	assert_int_equal(ofl_gso_next(&it, hdr, m.hdr_len, &s), 1);
	assert_int_equal(hdr[m.hdr_len], 0xa5);
	memset(out, 0xa5, 64);
	assert_int_equal(ofl_gso_segment(&f, 1, &m, 0, out, len + 2 * m.hdr_len - 1,
					 lens, 8), OFL_ENOSPC);
	assert_int_equal(out[0], 0xa5);
	assert_int_equal(ofl_gso_segment(&f, 1, &m, 0, out, sizeof(out), lens, 2),
			 OFL_ENOSPC);
	assert_int_equal(ofl_gso_segment(&f, 1, &m, 0, out, len + 2 * m.hdr_len,
					 lens, 3), 3);
	/* GSO_PARTIAL with checksummed tunnels (tests/gso/test_gso_partial.c) */
	g.tunnel = GF_VXLAN_CSUM;
	len = gf_build(in, &g, &b);
	b.gso_size = 1000;
	b.gso_type |= OFL_GSO_PARTIAL;
	f.len = (uint32_t)len;
	assert_int_equal(ofl_gso_init(&it, &f, 1, &b, OFL_GSO_F_CSUM_PARTIAL),
			 0);
	assert_int_equal(ofl_gso_count(&it), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tso4_rules),
		cmocka_unit_test(test_accecn_fixedid),
		cmocka_unit_test(test_tso6_ext),
		cmocka_unit_test(test_uso),
		cmocka_unit_test(test_udp_zero_csum),
		cmocka_unit_test(test_frags_and_iter),
		cmocka_unit_test(test_partial_and_none),
		cmocka_unit_test(test_tunnels),
		cmocka_unit_test(test_ipxip6_encap_limit),
		cmocka_unit_test(test_gso_partial),
		cmocka_unit_test(test_meta_plain),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
