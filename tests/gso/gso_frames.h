/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Test helpers for lib/gso: build super-frames (Ethernet, optional VLAN,
 * IPv4 with options or IPv6 with extension headers, TCP with options or
 * UDP, optionally inside VXLAN/GENEVE/GRE/IPIP/SIT/6in6) with the
 * pseudo-header sum in the L4 checksum field (as virtio NEEDS_CSUM wants),
 * and check segments with a reference checksum written independently of
 * lib/csum (big-endian words, plain loops).
 * Addresses: 198.18.0.0/15 and 2001:db8::/32 only.
 */
#ifndef OFL_TESTS_GSO_FRAMES_H
#define OFL_TESTS_GSO_FRAMES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <offload/gso.h>

enum gf_tunnel {
	GF_NONE, GF_VXLAN, GF_VXLAN_CSUM, GF_GENEVE, GF_GRE, GF_GRE_CSUM,
	GF_IPIP, GF_NTUNNELS
};

struct gf_params {
	int v6;			/* inner (or only) IP version 6 */
	int udp;		/* UDP instead of TCP */
	int n_ext;		/* IPv6 extension headers, 0..3 */
	int ip_opt_words;	/* IPv4 option words, 0..10 */
	int tcp_opt_words;	/* TCP option words, 0..10 */
	int df;
	int vlan;
	uint8_t tcp_flags;
	uint32_t payload_len;
	uint32_t seq;
	uint16_t ip_id;
	uint64_t seed;
	int tunnel;		/* enum gf_tunnel */
	int outer_v6;
	uint16_t outer_id;
	int outer_df;
};

static inline uint32_t gf_sum(const uint8_t *p, size_t len, uint32_t s)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	return s;
}

static inline uint16_t gf_fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static inline void gf_be16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline uint32_t gf_rd16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

/* Pseudo-header sum (unfolded) for an IP header at @ip, L4 length @len. */
static inline uint32_t gf_pseudo(const uint8_t *ip, uint32_t len,
				 uint8_t proto)
{
	uint32_t s = proto + (len & 0xffff) + (len >> 16);

	if ((ip[0] >> 4) == 4)
		return gf_sum(ip + 12, 8, s);
	return gf_sum(ip + 8, 32, s);
}

static inline uint8_t *gf_eth(uint8_t *p, int vlan, uint16_t type)
{
	static const uint8_t mac[12] = { 0x02, 0, 0, 0, 0, 0x02,
					 0x02, 0, 0, 0, 0, 0x01 };

	memcpy(p, mac, 12);
	p += 12;
	if (vlan) {
		gf_be16(p, 0x8100);
		gf_be16(p + 2, 100);
		p += 4;
	}
	gf_be16(p, type);
	return p + 2;
}

/* IP header without lengths (filled by gf_build); returns its end. */
static inline uint8_t *gf_ip(uint8_t *p, int v6, int words, int n_ext, int df,
		      uint16_t id, uint8_t proto, int inner)
{
	int i;

	if (!v6) {
		p[0] = (uint8_t)(0x45 + words);
		p[1] = 0;
		gf_be16(p + 4, id);
		p[6] = df ? 0x40 : 0;
		p[7] = 0;
		p[8] = 64;
		p[9] = proto;
		p[10] = p[11] = 0;
		p[12] = 198; p[13] = 18; p[14] = inner ? 1 : 0; p[15] = 1;
		p[16] = 198; p[17] = 19; p[18] = inner ? 1 : 0; p[19] = 2;
		for (i = 0; i < words * 4; i++)
			p[20 + i] = (uint8_t)(i == words * 4 - 1 ? 0 : 1);
		return p + 20 + words * 4;
	}
	p[0] = 0x60;
	p[1] = 0;
	p[2] = 0x12;
	p[3] = 0x34;
	p[7] = 64;
	memset(p + 8, 0, 32);
	p[8] = 0x20; p[9] = 0x01; p[10] = 0x0d; p[11] = 0xb8;
	p[23] = inner ? 0x11 : 1;
	p[24] = 0x20; p[25] = 0x01; p[26] = 0x0d; p[27] = 0xb8;
	p[39] = inner ? 0x12 : 2;
	{
		static const uint8_t kinds[3] = { 0, 60, 43 };
		uint8_t *nh = p + 6;

		p += 40;
		for (i = 0; i < n_ext; i++) {
			*nh = kinds[i];
			memset(p, 0, 8);
			if (kinds[i] == 43) {	/* routing type 0, segleft 0 */
				p[2] = 0;
				p[3] = 0;
			} else {		/* PadN */
				p[2] = 1;
				p[3] = 4;
			}
			nh = p;
			p += 8;
		}
		*nh = proto;
	}
	return p;
}

/*
 * Build a super-frame into @buf: returns its length, fills @m (metadata,
 * ip_summed PARTIAL, pseudo sums in place). The caller sets m->gso_size.
 */
static inline size_t gf_build(uint8_t *buf, const struct gf_params *g,
		       struct ofl_gso_meta *m)
{
	uint8_t *p = buf, *oip = NULL, *tun = NULL, *ip, *l4;
	uint32_t i, len, type;
	uint64_t x = g->seed | 1;

	memset(m, 0, sizeof(*m));
	if (g->tunnel) {
		uint8_t op;

		p = gf_eth(p, g->vlan, g->outer_v6 ? 0x86dd : 0x0800);
		oip = p;
		op = g->tunnel <= GF_GENEVE ? 17 : g->tunnel == GF_IPIP
				       ? (g->v6 ? 41 : 4) : 47;
		p = gf_ip(p, g->outer_v6, 0, 0, g->outer_df, g->outer_id, op,
			  0);
		tun = p;
		m->network_off = (uint16_t)(oip - buf);
		m->transport_off = (uint16_t)(tun - buf);
		switch (g->tunnel) {
		case GF_VXLAN:
		case GF_VXLAN_CSUM:
		case GF_GENEVE:
			gf_be16(p, 40000);
			gf_be16(p + 2, g->tunnel == GF_GENEVE ? 6081 : 4789);
			p[6] = p[7] = 0;
			p += 8;
			memset(p, 0, 8);
			if (g->tunnel == GF_GENEVE) {
				gf_be16(p + 2, 0x6558);
			} else {
				p[0] = 0x08;
			}
			p[6] = 0x42;
			p += 8;
			p = gf_eth(p, 0, g->v6 ? 0x86dd : 0x0800);
			break;
		case GF_GRE:
		case GF_GRE_CSUM:
			memset(p, 0, 8);
			p[0] = g->tunnel == GF_GRE_CSUM ? 0x80 : 0;
			gf_be16(p + 2, g->v6 ? 0x86dd : 0x0800);
			p += g->tunnel == GF_GRE_CSUM ? 8 : 4;
			break;
		default:
			break;
		}
		m->inner_network_off = (uint16_t)(p - buf);
	} else {
		p = gf_eth(p, g->vlan, g->v6 ? 0x86dd : 0x0800);
		m->network_off = (uint16_t)(p - buf);
	}
	ip = p;
	p = gf_ip(p, g->v6, g->ip_opt_words, g->n_ext, g->df, g->ip_id,
		  g->udp ? 17 : 6, g->tunnel != 0);
	l4 = p;
	if (g->udp) {
		gf_be16(p, 50000);
		gf_be16(p + 2, 9);
		p += 8;
	} else {
		uint32_t s = g->seq;

		gf_be16(p, 50000);
		gf_be16(p + 2, 9);
		p[4] = (uint8_t)(s >> 24); p[5] = (uint8_t)(s >> 16);
		p[6] = (uint8_t)(s >> 8); p[7] = (uint8_t)s;
		memset(p + 8, 0, 12);
		p[8] = 0x11; p[11] = 0x22;
		p[12] = (uint8_t)((5 + g->tcp_opt_words) << 4);
		p[13] = g->tcp_flags;
		gf_be16(p + 14, 29200);
		if (g->tcp_flags & 0x20)
			gf_be16(p + 18, 7);
		for (i = 0; i < (uint32_t)g->tcp_opt_words * 4; i++)
			p[20 + i] = 1;	/* NOP */
		if (g->tcp_opt_words >= 3) {	/* timestamps */
			p[22] = 8; p[23] = 10;
			p[24] = 1; p[25] = 2; p[26] = 3; p[27] = 4;
			p[28] = 5; p[29] = 6; p[30] = 7; p[31] = 8;
		}
		p += 20 + g->tcp_opt_words * 4;
	}
	m->hdr_len = (uint16_t)(p - buf);
	for (i = 0; i < g->payload_len; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		p[i] = (uint8_t)x;
	}
	len = (uint32_t)(p - buf) + g->payload_len;
	/* lengths, checksums */
	if (!g->v6) {
		gf_be16(ip + 2, len - (uint32_t)(ip - buf));
		gf_be16(ip + 10, (uint16_t)~gf_fold(gf_sum(ip, (size_t)(ip[0] & 15) * 4, 0)));
	} else {
		gf_be16(ip + 4, len - (uint32_t)(ip - buf) - 40);
	}
	if (g->udp) {
		gf_be16(l4 + 4, len - (uint32_t)(l4 - buf));
		gf_be16(l4 + 6, gf_fold(gf_pseudo(ip, len - (uint32_t)(l4 - buf), 17)));
	} else {
		gf_be16(l4 + 16, gf_fold(gf_pseudo(ip, len - (uint32_t)(l4 - buf), 6)));
	}
	if (oip) {
		if (!g->outer_v6) {
			gf_be16(oip + 2, len - (uint32_t)(oip - buf));
			gf_be16(oip + 10, (uint16_t)~gf_fold(gf_sum(oip, 20, 0)));
		} else {
			gf_be16(oip + 4, len - (uint32_t)(oip - buf) - 40);
		}
		if (g->tunnel <= GF_GENEVE) {
			gf_be16(tun + 4, len - (uint32_t)(tun - buf));
			if (g->tunnel == GF_VXLAN_CSUM)
				gf_be16(tun + 6, gf_fold(gf_pseudo(oip, len - (uint32_t)(tun - buf), 17)));
		}
		m->inner_transport_off = (uint16_t)(l4 - buf);
	} else {
		m->transport_off = (uint16_t)(l4 - buf);
	}
	type = g->udp ? OFL_GSO_UDP_L4 : g->v6 ? OFL_GSO_TCPV6 : OFL_GSO_TCPV4;
	switch (g->tunnel) {
	case GF_VXLAN: case GF_GENEVE: type |= OFL_GSO_UDP_TUNNEL; break;
	case GF_VXLAN_CSUM: type |= OFL_GSO_UDP_TUNNEL_CSUM; break;
	case GF_GRE: type |= OFL_GSO_GRE; break;
	case GF_GRE_CSUM: type |= OFL_GSO_GRE_CSUM; break;
	case GF_IPIP: type |= g->outer_v6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
		break;
	default: break;
	}
	m->gso_type = type;
	m->csum_start = (uint16_t)(l4 - buf);
	m->csum_offset = g->udp ? 6 : 16;
	m->ip_summed = OFL_CHECKSUM_PARTIAL;
	return len;
}

/* Check one complete segment: IP lengths and header checksums, tunnel and
 * L4 checksums. Returns 0 or a short reason. */
static inline const char *gf_verify(const uint8_t *s, size_t len,
				    const struct ofl_gso_meta *m)
{
	int tun = (m->gso_type & OFL_GSO_TUNNEL_MASK) != 0;
	uint32_t ipo = tun ? m->inner_network_off : m->network_off;
	uint32_t l4 = tun ? m->inner_transport_off : m->transport_off;
	uint32_t t = m->transport_off;
	const uint8_t *ip = s + ipo;
	uint32_t l4len = (uint32_t)len - l4;
	int udp = (m->gso_type & OFL_GSO_UDP_L4) != 0;
	const uint8_t *iph[2] = { s + m->network_off, tun ? ip : NULL };
	int i;

	for (i = 0; i < 2; i++) {
		const uint8_t *h = iph[i];

		if (!h)
			continue;
		if ((h[0] >> 4) == 4) {
			if (gf_rd16(h + 2) != len - (size_t)(h - s))
				return "ipv4 tot_len";
			if (gf_fold(gf_sum(h, (size_t)(h[0] & 15) * 4, 0)) != 0xffff)
				return "ipv4 header checksum";
		} else if (gf_rd16(h + 4) != len - (size_t)(h - s) - 40) {
			return "ipv6 payload_len";
		}
	}
	if (gf_fold(gf_sum(s + l4, l4len, gf_pseudo(ip, l4len, udp ? 17 : 6))) != 0xffff)
		return "l4 checksum";
	if (udp && gf_rd16(s + l4 + 4) != l4len)
		return "udp length";
	if (udp && gf_rd16(s + l4 + 6) == 0)
		return "udp checksum 0";
	if (m->gso_type & (OFL_GSO_UDP_TUNNEL | OFL_GSO_UDP_TUNNEL_CSUM)) {
		if (gf_rd16(s + t + 4) != len - t)
			return "outer udp length";
		if ((m->gso_type & OFL_GSO_UDP_TUNNEL_CSUM) &&
		    gf_fold(gf_sum(s + t, len - t, gf_pseudo(s + m->network_off, (uint32_t)len - t, 17))) != 0xffff)
			return "outer udp checksum";
	}
	if ((m->gso_type & OFL_GSO_GRE_CSUM) &&
	    gf_fold(gf_sum(s + t, len - t, 0)) != 0xffff)
		return "gre checksum";
	return NULL;
}

/*
 * Piece @i (@n payload bytes) of a GSO_PARTIAL segment @sg, as a TSO
 * device cuts it: the headers (@m->hdr_len bytes) copied as they are, the
 * inner TCP sequence advanced by @i * gso_size (or the inner UDP length
 * set to 8 + @n) and the inner L4 checksum computed (UDP 0 sent as
 * 0xffff). Written to @pc (hdr_len + @n bytes); returns gf_verify()'s
 * verdict on it: NULL if every header is right
 * (Documentation/networking/segmentation-offloads.rst: headers "correct
 * ... if the header was simply duplicated").
 */
static inline const char *gf_device_piece(uint8_t *pc, const uint8_t *sg,
					  const struct ofl_gso_meta *m,
					  uint32_t i, uint32_t n)
{
	int tun = (m->gso_type & OFL_GSO_TUNNEL_MASK) != 0;
	uint32_t l4 = tun ? m->inner_transport_off : m->transport_off;
	uint32_t ipo = tun ? m->inner_network_off : m->network_off;
	uint32_t hl = m->hdr_len, mss = m->gso_size, seq, c;
	int udp = (m->gso_type & OFL_GSO_UDP_L4) != 0;

	memcpy(pc, sg, hl);
	memcpy(pc + hl, sg + hl + i * mss, n);
	if (udp) {
		gf_be16(pc + l4 + 4, 8 + n);
		pc[l4 + 6] = pc[l4 + 7] = 0;
	} else {
		seq = (uint32_t)gf_rd16(pc + l4 + 4) << 16 |
		      gf_rd16(pc + l4 + 6);
		seq += i * mss;
		gf_be16(pc + l4 + 4, seq >> 16);
		gf_be16(pc + l4 + 6, seq & 0xffff);
		pc[l4 + 16] = pc[l4 + 17] = 0;
	}
	c = (uint16_t)~gf_fold(gf_sum(pc + l4, hl - l4 + n,
			       gf_pseudo(pc + ipo, hl - l4 + n,
					 udp ? 17 : 6)));
	if (udp && !c)
		c = 0xffff;
	gf_be16(pc + l4 + (udp ? 6 : 16), c);
	return gf_verify(pc, hl + n, m);
}

/*
 * BIG TCP super-frames (fuzz_bigtcp, kernel_gso mode big): Ethernet
 * 02:00:00:00:00:<dst_mac> <- 02:00:00:00:00:01, IPv4 198.18.0.1 ->
 * 198.18.0.2 (DF, TTL 64, tot_len 0 past 64 KiB) or IPv6 2001:db8::1 ->
 * 2001:db8::2 (payload length 0 past 64 KiB, with the 8-byte jumbo
 * hop-by-hop header if @hbh: 6.18's form; without it 7.0's), TCP 40000 ->
 * 8000, ack 5000, window 512, no options, payload byte i = (seq + i) * 7 +
 * 3. The TCP checksum field holds the pseudo-header sum (@pseudo: virtio
 * NEEDS_CSUM) or the complete checksum (0 sent as 0xffff). Sums in
 * 64 KiB pieces: gf_sum's 32 bits hold one.
 */
struct gf_big {
	int v6;
	int hbh;
	int pseudo;
	uint32_t payload_len;
	uint32_t seq;
	uint16_t ip_id;
	uint8_t tcp_flags;
	uint8_t dst_mac;
};

static inline void gf_be32(uint8_t *p, uint32_t v)
{
	gf_be16(p, v >> 16);
	gf_be16(p + 2, v & 0xffff);
}

/* Returns the frame's length; *@l4: the TCP header's offset. */
static inline size_t gf_big_build(uint8_t *buf, const struct gf_big *b,
				  uint32_t *l4)
{
	static const uint8_t a4[8] = { 198, 18, 0, 1, 198, 18, 0, 2 };
	uint8_t *ip = buf + 14, *th;
	uint32_t t, tl = 20 + b->payload_len, i, s;

	memcpy(buf, "\x02\0\0\0\0\0\x02\0\0\0\0\x01", 12);
	buf[5] = b->dst_mac;
	gf_be16(buf + 12, b->v6 ? 0x86dd : 0x0800);
	if (!b->v6) {
		memset(ip, 0, 20);
		ip[0] = 0x45;
		gf_be16(ip + 2, 20 + tl > 0xffff ? 0 : 20 + tl);
		gf_be16(ip + 4, b->ip_id);
		gf_be16(ip + 6, 0x4000);
		ip[8] = 64;
		ip[9] = 6;
		memcpy(ip + 12, a4, 8);
		gf_be16(ip + 10, ~gf_fold(gf_sum(ip, 20, 0)) & 0xffff);
		t = 34;
	} else {
		memset(ip, 0, 40);
		ip[0] = 0x60;
		ip[6] = 6;
		ip[7] = 64;
		memcpy(ip + 8, "\x20\x01\x0d\xb8", 4);
		ip[23] = 1;
		memcpy(ip + 24, "\x20\x01\x0d\xb8", 4);
		ip[39] = 2;
		t = 54;
		if (tl > 0xffff && b->hbh) {
			ip[6] = 0;
			memcpy(buf + 54, "\x06\x00\xc2\x04", 4);
			gf_be32(buf + 58, 8 + tl);
			t = 62;
		} else if (tl <= 0xffff) {
			gf_be16(ip + 4, tl);
		}
	}
	th = buf + t;
	memset(th, 0, 20);
	gf_be16(th, 40000);
	gf_be16(th + 2, 8000);
	gf_be32(th + 4, b->seq);
	gf_be32(th + 8, 5000);
	th[12] = 0x50;
	th[13] = b->tcp_flags;
	gf_be16(th + 14, 512);
	for (i = 0; i < b->payload_len; i++)
		th[20 + i] = (uint8_t)((b->seq + i) * 7 + 3);
	s = gf_fold(gf_pseudo(ip, tl, 6));
	if (b->pseudo) {
		gf_be16(th + 16, s);
	} else {
		for (i = 0; i < tl; i += 65536)
			s = gf_fold(gf_sum(th + i, tl - i < 65536 ? tl - i
						       : 65536, s));
		s = ~s & 0xffff;
		gf_be16(th + 16, s ? s : 0xffff);
	}
	*l4 = t;
	return t + tl;
}

#endif
