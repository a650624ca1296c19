/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * In-memory frame builder for the parser tests (no pcap: the unit tests
 * also run on s390x under qemu). Every field is written byte by byte in
 * wire order, so the frames are the same on any host.
 */
#ifndef OFL_TESTS_PARSER_FRAMES_H
#define OFL_TESTS_PARSER_FRAMES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct fb {
	uint8_t b[600];
	size_t n;
};

static inline void fb_put(struct fb *f, const void *p, size_t n)
{
	memcpy(f->b + f->n, p, n);
	f->n += n;
}

static inline void fb_u8(struct fb *f, unsigned int v)
{
	f->b[f->n++] = (uint8_t)v;
}

static inline void fb_u16(struct fb *f, unsigned int v)
{
	fb_u8(f, v >> 8);
	fb_u8(f, v);
}

static inline void fb_u32(struct fb *f, uint32_t v)
{
	fb_u16(f, v >> 16);
	fb_u16(f, v & 0xffff);
}

static inline void fb_zero(struct fb *f, size_t n)
{
	memset(f->b + f->n, 0, n);
	f->n += n;
}

static inline void fb_set16(struct fb *f, size_t off, unsigned int v)
{
	f->b[off] = (uint8_t)(v >> 8);
	f->b[off + 1] = (uint8_t)v;
}

static inline size_t fb_eth(struct fb *f, unsigned int type)
{
	static const uint8_t mac[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
	size_t o = f->n;

	fb_put(f, mac, 12);
	fb_u16(f, type);
	return o;
}

static inline size_t fb_vlan(struct fb *f, unsigned int tci,
			     unsigned int type)
{
	size_t o = f->n;

	fb_u16(f, tci);
	fb_u16(f, type);
	return o;
}

static inline size_t fb_mpls(struct fb *f, unsigned int label, int bos)
{
	size_t o = f->n;

	fb_u32(f, (uint32_t)label << 12 | (bos ? 0x100u : 0) | 64);
	return o;
}

static inline size_t fb_pppoe(struct fb *f, unsigned int proto)
{
	size_t o = f->n;

	fb_u8(f, 0x11);
	fb_u8(f, 0);
	fb_u16(f, 1);		/* session */
	fb_u16(f, 0);		/* length: not used by the parser */
	fb_u16(f, proto);
	return o;
}

/* IPv4 with optlen bytes of options (NOPs then EOL); total length is
 * fixed up by fb_ipv4_done(). Addresses 198.18.0.1 -> 198.18.0.2. */
static inline size_t fb_ipv4(struct fb *f, unsigned int proto,
			     size_t optlen, unsigned int frag)
{
	size_t o = f->n, i;

	fb_u8(f, 0x40 | (unsigned int)((20 + optlen) / 4));
	fb_u8(f, 0);
	fb_u16(f, 0);
	fb_u16(f, 0x1234);
	fb_u16(f, frag);
	fb_u8(f, 64);
	fb_u8(f, proto);
	fb_u16(f, 0);
	fb_u32(f, 0xc6120001);
	fb_u32(f, 0xc6120002);
	for (i = 0; i < optlen; i++)
		fb_u8(f, i + 1 < optlen ? 1 : 0);
	return o;
}

static inline void fb_ipv4_done(struct fb *f, size_t o)
{
	fb_set16(f, o + 2, (unsigned int)(f->n - o));
}

/* IPv6 2001:db8::1 -> 2001:db8::2; payload length by fb_ipv6_done(). */
static inline size_t fb_ipv6(struct fb *f, unsigned int nh)
{
	static const uint8_t a[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	size_t o = f->n;

	fb_u32(f, 0x60000000);
	fb_u16(f, 0);
	fb_u8(f, nh);
	fb_u8(f, 64);
	fb_put(f, a, 16);
	f->b[f->n - 1] = 1;
	fb_put(f, a, 16);
	f->b[f->n - 1] = 2;
	return o;
}

static inline void fb_ipv6_done(struct fb *f, size_t o)
{
	fb_set16(f, o + 4, (unsigned int)(f->n - o - 40));
}

/* Hop-by-hop / destination options of (len8 + 1) * 8 bytes, PadN-filled */
static inline size_t fb_opts6(struct fb *f, unsigned int nh,
			      unsigned int len8)
{
	size_t o = f->n;
	unsigned int tot = (len8 + 1) * 8;

	fb_u8(f, nh);
	fb_u8(f, len8);
	fb_u8(f, 1);		/* PadN */
	fb_u8(f, tot - 4);
	fb_zero(f, tot - 4);
	return o;
}

static inline size_t fb_frag6(struct fb *f, unsigned int nh,
			      unsigned int off8, int more)
{
	size_t o = f->n;

	fb_u8(f, nh);
	fb_u8(f, 0);
	fb_u16(f, off8 << 3 | (more ? 1u : 0));
	fb_u32(f, 0xabcd);
	return o;
}

/* SRH with nseg segments 2001:db8::100+i, segments left sl */
static inline size_t fb_srh(struct fb *f, unsigned int nh, unsigned int nseg,
			    unsigned int sl)
{
	size_t o = f->n;
	unsigned int i;

	fb_u8(f, nh);
	fb_u8(f, nseg * 2);
	fb_u8(f, 4);
	fb_u8(f, sl);
	fb_u8(f, nseg - 1);
	fb_u8(f, 0);
	fb_u16(f, 0);
	for (i = 0; i < nseg; i++) {
		fb_u32(f, 0x20010db8);
		fb_u32(f, 0);
		fb_u32(f, 0);
		fb_u32(f, 0x100 + i);
	}
	return o;
}

static inline size_t fb_tcp(struct fb *f, unsigned int sport,
			    unsigned int dport, const uint8_t *opt,
			    size_t optlen)
{
	size_t o = f->n;

	fb_u16(f, sport);
	fb_u16(f, dport);
	fb_u32(f, 1000);
	fb_u32(f, 0);
	fb_u8(f, (unsigned int)((20 + optlen) / 4) << 4);
	fb_u8(f, 0x12);		/* SYN|ACK */
	fb_u16(f, 65535);
	fb_u16(f, 0);
	fb_u16(f, 0);
	if (optlen)
		fb_put(f, opt, optlen);
	return o;
}

static inline size_t fb_udp(struct fb *f, unsigned int sport,
			    unsigned int dport)
{
	size_t o = f->n;

	fb_u16(f, sport);
	fb_u16(f, dport);
	fb_u16(f, 0);
	fb_u16(f, 0);
	return o;
}

/* GRE: flags word (C 0x8000, K 0x2000, S 0x1000, version low 3 bits) */
static inline size_t fb_gre(struct fb *f, unsigned int flags,
			    unsigned int proto, uint32_t key, uint32_t seq)
{
	size_t o = f->n;

	fb_u16(f, flags);
	fb_u16(f, proto);
	if (flags & 0x8000)
		fb_u32(f, 0);
	if (flags & 0x2000)
		fb_u32(f, key);
	if (flags & 0x1000)
		fb_u32(f, seq);
	if (flags & 0x0080)
		fb_u32(f, 7);
	return o;
}

static inline size_t fb_vxlan(struct fb *f, uint32_t vni)
{
	size_t o = f->n;

	fb_u32(f, 0x08000000);
	fb_u32(f, vni << 8);
	return o;
}

/* GENEVE with nopt options of 8 bytes (4 header + 4 data) */
static inline size_t fb_geneve(struct fb *f, unsigned int proto,
			       uint32_t vni, unsigned int nopt)
{
	size_t o = f->n;
	unsigned int i;

	fb_u8(f, nopt * 2);
	fb_u8(f, 0);
	fb_u16(f, proto);
	fb_u32(f, vni << 8);
	for (i = 0; i < nopt; i++) {
		fb_u16(f, 0x0102);
		fb_u8(f, 0x80 + i);
		fb_u8(f, 1);
		fb_u32(f, 0xdeadbeef);
	}
	return o;
}

static const uint8_t fb_tcpopts_syn[20] = {
	2, 4, 0x05, 0xb4,		/* MSS 1460 */
	1, 3, 3, 7,			/* NOP, WS 7 */
	4, 2,				/* SACK permitted */
	8, 10, 0, 0, 0, 1, 0, 0, 0, 2,	/* TS 1, 2 */
};

/*
 * The catalogue: frame i of n (i < FB_COUNT) written to *f, each a
 * different protocol path of the graph. Returns 0 past the end.
 */
#define FB_COUNT 34

static inline int fb_frame(unsigned int i, struct fb *f)
{
	size_t ip, ip2;
	static const uint8_t pl[16] = "payload payload";

	f->n = 0;
	switch (i) {
	case 0:	/* Eth/IPv4/TCP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 6, 0, 0);
		fb_tcp(f, 1234, 80, NULL, 0);
		fb_put(f, pl, 16);
		fb_ipv4_done(f, ip);
		break;
	case 1:	/* Eth/IPv4 options/TCP options */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 6, 8, 0);
		fb_tcp(f, 1, 2, fb_tcpopts_syn, 20);
		fb_ipv4_done(f, ip);
		break;
	case 2:	/* Eth/VLAN/IPv6/TCP */
		fb_eth(f, 0x8100);
		fb_vlan(f, 0x2005, 0x86dd);
		ip = fb_ipv6(f, 6);
		fb_tcp(f, 443, 5555, NULL, 0);
		fb_put(f, pl, 16);
		fb_ipv6_done(f, ip);
		break;
	case 3:	/* QinQ/IPv4/UDP */
		fb_eth(f, 0x88a8);
		fb_vlan(f, 7, 0x8100);
		fb_vlan(f, 8, 0x0800);
		ip = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 53, 53);
		fb_ipv4_done(f, ip);
		break;
	case 4:	/* MPLS x2 / IPv4 / UDP */
		fb_eth(f, 0x8847);
		fb_mpls(f, 16, 0);
		fb_mpls(f, 17, 1);
		ip = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 1, 2);
		fb_ipv4_done(f, ip);
		break;
	case 5:	/* MPLS / IPv6 / ICMPv6 */
		fb_eth(f, 0x8847);
		fb_mpls(f, 100, 1);
		ip = fb_ipv6(f, 58);
		fb_u32(f, 0x80000000);
		fb_u32(f, 0);
		fb_ipv6_done(f, ip);
		break;
	case 6:	/* PPPoE / IPv4 / TCP */
		fb_eth(f, 0x8864);
		fb_pppoe(f, 0x0021);
		ip = fb_ipv4(f, 6, 0, 0);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv4_done(f, ip);
		break;
	case 7:	/* ARP */
		fb_eth(f, 0x0806);
		fb_zero(f, 28);
		break;
	case 8:	/* ICMP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 1, 0, 0);
		fb_zero(f, 8);
		fb_ipv4_done(f, ip);
		break;
	case 9:	/* IGMP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 2, 0, 0);
		fb_zero(f, 8);
		fb_ipv4_done(f, ip);
		break;
	case 10: /* SCTP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 132, 0, 0);
		fb_u16(f, 5);
		fb_u16(f, 6);
		fb_zero(f, 8);
		fb_ipv4_done(f, ip);
		break;
	case 11: /* IPv6 hop/dst/route(type 0)/UDP */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 0);
		fb_opts6(f, 60, 0);
		fb_opts6(f, 43, 1);
		fb_u8(f, 17);
		fb_u8(f, 0);
		fb_u8(f, 0);
		fb_u8(f, 0);
		fb_zero(f, 4);
		fb_udp(f, 7, 8);
		fb_ipv6_done(f, ip);
		break;
	case 12: /* IPv6 first fragment / TCP */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 44);
		fb_frag6(f, 6, 0, 1);
		fb_tcp(f, 9, 10, NULL, 0);
		fb_ipv6_done(f, ip);
		break;
	case 13: /* IPv6 later fragment */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 44);
		fb_frag6(f, 6, 100, 0);
		fb_put(f, pl, 16);
		fb_ipv6_done(f, ip);
		break;
	case 14: /* IPv4 first fragment / UDP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 17, 0, 0x2000);
		fb_udp(f, 11, 12);
		fb_ipv4_done(f, ip);
		break;
	case 15: /* IPv4 later fragment */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 17, 0, 10);
		fb_put(f, pl, 16);
		fb_ipv4_done(f, ip);
		break;
	case 16: /* SRv6: IPv6/SRH(2 segs, SL 1)/TCP */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 43);
		fb_srh(f, 6, 2, 1);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv6_done(f, ip);
		break;
	case 17: /* AH / TCP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 51, 0, 0);
		fb_u8(f, 6);
		fb_u8(f, 4);
		fb_u16(f, 0);
		fb_u32(f, 0x100);
		fb_u32(f, 1);
		fb_zero(f, 12);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv4_done(f, ip);
		break;
	case 18: /* ESP */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 50);
		fb_u32(f, 0x12345678);
		fb_u32(f, 1);
		fb_put(f, pl, 16);
		fb_ipv6_done(f, ip);
		break;
	case 19: /* GRE / IPv4 / TCP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 47, 0, 0);
		fb_gre(f, 0, 0x0800, 0, 0);
		ip2 = fb_ipv4(f, 6, 0, 0);
		fb_tcp(f, 3, 4, NULL, 0);
		fb_ipv4_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 20: /* GRE C/K/S / IPv6 / UDP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 47, 0, 0);
		fb_gre(f, 0xb000, 0x86dd, 0x1234, 99);
		ip2 = fb_ipv6(f, 17);
		fb_udp(f, 5, 6);
		fb_ipv6_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 21: /* NVGRE: GRE K / TEB / Eth / IPv4 / UDP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 47, 0, 0);
		fb_gre(f, 0x2000, 0x6558, 0x00abcd00, 0);
		fb_eth(f, 0x0800);
		ip2 = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 7, 8);
		fb_ipv4_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 22: /* VXLAN / Eth / IPv4 / TCP */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 40000, 4789);
		fb_vxlan(f, 42);
		fb_eth(f, 0x0800);
		ip2 = fb_ipv4(f, 6, 0, 0);
		fb_tcp(f, 1111, 2222, NULL, 0);
		fb_put(f, pl, 16);
		fb_ipv4_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 23: /* GENEVE (2 options) / Eth / IPv6 / TCP */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 17);
		fb_udp(f, 40000, 6081);
		fb_geneve(f, 0x6558, 7, 2);
		fb_eth(f, 0x86dd);
		ip2 = fb_ipv6(f, 6);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv6_done(f, ip2);
		fb_ipv6_done(f, ip);
		break;
	case 24: /* IPv4-in-IPv4 */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 4, 0, 0);
		ip2 = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 1, 2);
		fb_ipv4_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 25: /* IPv6-in-IPv4 */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 41, 0, 0);
		ip2 = fb_ipv6(f, 6);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv6_done(f, ip2);
		fb_ipv4_done(f, ip);
		break;
	case 26: /* IPv4-in-IPv6 */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 4);
		ip2 = fb_ipv4(f, 6, 0, 0);
		fb_tcp(f, 1, 2, NULL, 0);
		fb_ipv4_done(f, ip2);
		fb_ipv6_done(f, ip);
		break;
	case 27: /* IPv6-in-IPv6 */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 41);
		ip2 = fb_ipv6(f, 17);
		fb_udp(f, 1, 2);
		fb_ipv6_done(f, ip2);
		fb_ipv6_done(f, ip);
		break;
	case 28: /* ICMPv6 directly: a Neighbor Solicitation (RFC 4861 4.3:
		  * 8-byte header, the 16-byte target) */
		fb_eth(f, 0x86dd);
		ip = fb_ipv6(f, 58);
		fb_u32(f, 0x87000000);
		fb_u32(f, 0);
		fb_u32(f, 0x20010db8);
		fb_zero(f, 11);
		fb_u8(f, 2);
		fb_ipv6_done(f, ip);
		break;
	case 29: /* Eth/IPv4/UDP unknown port, with Ethernet padding */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 17, 0, 0);
		fb_udp(f, 9, 9999);
		fb_ipv4_done(f, ip);
		fb_zero(f, 18);
		break;
	case 30: /* ERSPAN type I: bare GRE 0x88be / Eth / IPv4 / TCP (the
		  * mirrored frame's first nibble is 1, as a type II
		  * version would be) */
	case 31: /* ERSPAN type II: GRE S 0x88be / ERSPAN / Eth / IPv4 / UDP */
	case 32: /* ERSPAN type III: GRE S 0x22eb / ERSPAN / Eth / IPv6 / TCP */
	case 33: /* ERSPAN type III + platform subheader / Eth / VLAN / IPv4 */
		fb_eth(f, 0x0800);
		ip = fb_ipv4(f, 47, 0, 0);
		fb_gre(f, i == 30 ? 0 : 0x1000, i <= 31 ? 0x88be : 0x22eb, 0,
		       5);
		if (i == 31) {		/* ver 1, VLAN 3, session 7, index 9 */
			fb_u32(f, 0x10030007);
			fb_u32(f, 9);
		} else if (i >= 32) {	/* ver 2, session 8, timestamp, O */
			fb_u32(f, 0x20000008);
			fb_u32(f, 0x01020304);
			fb_u16(f, 0);
			fb_u16(f, i == 33 ? 1 : 0);
			if (i == 33)
				fb_zero(f, 8);
		}
		fb_u32(f, 0x12000000);	/* the mirrored frame's MACs */
		fb_u32(f, 0x00040200);
		fb_u32(f, 0x00000003);
		fb_u16(f, i == 32 ? 0x86dd : i == 33 ? 0x8100 : 0x0800);
		if (i == 33)
			fb_vlan(f, 5, 0x0800);
		if (i == 32) {
			ip2 = fb_ipv6(f, 6);
			fb_tcp(f, 7, 8, NULL, 0);
			fb_ipv6_done(f, ip2);
		} else {
			ip2 = fb_ipv4(f, i == 31 ? 17 : 6, 0, 0);
			if (i == 31)
				fb_udp(f, 7, 8);
			else
				fb_tcp(f, 7, 8, NULL, 0);
			fb_ipv4_done(f, ip2);
		}
		fb_ipv4_done(f, ip);
		break;
	default:
		return 0;
	}
	return 1;
}

#endif /* OFL_TESTS_PARSER_FRAMES_H */
