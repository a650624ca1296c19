/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Test frame builder for lib/gro tests (unit, kernel differential, fuzz
 * seeds): Ethernet [VLAN] IPv4/IPv6 [ext headers] TCP with a payload that
 * depends on the sequence number. Addresses from 198.18.0.0/15 and
 * 2001:db8::/32 only.
 */
#ifndef OFL_TESTS_GRO_FRAMES_H
#define OFL_TESTS_GRO_FRAMES_H

#include <stdint.h>
#include <string.h>
#include <offload/csum.h>

struct tseg {
	int v6;
	uint16_t vlan;		/* 0: none, else TCI of one 802.1Q tag */
	uint16_t vlan_tpid;	/* its TPID if not 0x8100; set with vlan 0:
				 * a tag with TCI 0 */
	uint8_t smac_last;	/* last byte of the source MAC (default 1) */
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;		/* default set by tseg_init: ACK */
	uint16_t win;
	int paylen;
	uint8_t ttl, tos;	/* tos: IPv6 traffic class */
	uint32_t flowlabel;
	uint16_t ipid;
	int df;
	uint16_t frag;		/* extra frag_off bits (MF 0x2000, 0x8000) */
	int optlen;		/* TCP options bytes (multiple of 4) */
	uint8_t opt[40];
	int ipoptlen;		/* IPv4 options bytes (multiple of 4) */
	uint8_t ext;		/* IPv6 ext header type (0 none; 0/43/60/44) */
	int has_ext;
	uint8_t extfill;
	int badcsum, badipcsum;
	int trailer;		/* bytes after the IP datagram */
	int udp;		/* UDP instead of TCP */
	int udpzero;		/* UDP checksum 0 (none) */
	/* VXLAN encapsulation (all zero: none). The frame above becomes the
	 * inner frame (inner MACs 02:00:00:00:01:02 <- 02:00:00:00:00:xx)
	 * behind outer Ethernet, IPv4 (vx 1) or IPv6 (vx 2), UDP, VXLAN. */
	int vx;
	uint32_t vni;		/* 24-bit VNI */
	uint8_t vxflags;	/* XORed into the flags byte 0x08 */
	int ocsum;		/* outer UDP checksum computed (else 0) */
	int obadcsum;		/* outer UDP checksum wrong */
	uint16_t osport;	/* outer UDP source port; 0: 50000 */
	uint16_t odport;	/* outer UDP dest port; 0: 4789 */
	int oidfix;		/* outer IPv4 ID fixed (7), else ipid + 1000 */
	int odf;		/* outer DF */
	uint8_t ottl, otos;	/* 0: 64; outer TOS / traffic class */
	uint8_t odst_last;	/* last byte of the outer dst address; 0: 2 */
	int otrailer;		/* bytes after the outer datagram */
	/* GENEVE instead of VXLAN (with vx 1/2): port 6081, proto 0x6558 */
	int gnv;
	uint8_t gnvopt;		/* option length in 4-byte words */
	uint8_t gnvfill;	/* option bytes */
	uint8_t gnvbits;	/* XORed into the first two header bytes'
				 * ver/OAM bits: 0x40 version 1, 0x80 OAM */
	/* GRE (gre) or IP-in-IP (ipip) instead of VXLAN, with vx 1/2 for an
	 * outer IPv4/IPv6 header (protocol 47, or 4/41 by the inner IP). GRE:
	 * protocol 0x0800/0x86dd by the inner IP, or 0x6558 with teb (then
	 * the inner frame keeps its Ethernet header). */
	int gre;
	int ipip;
	int teb;
	int grekey;		/* K bit, key = vni */
	int grecsum;		/* C bit, checksum over GRE header + rest */
	int grebadcsum;		/* GRE checksum wrong */
	uint16_t grebits;	/* XORed into the GRE flags/version word */
	uint16_t greproto;	/* protocol type if not 0 */
	int nest;		/* the GRE/IP-in-IP frame inside one more
				 * outer IPv4 (IPIP or SIT) */
};

#define TSEG_VX_PORT 4789

static inline void tseg_init(struct tseg *s, int v6)
{
	memset(s, 0, sizeof(*s));
	s->v6 = v6;
	s->smac_last = 1;
	s->sport = 40000;
	s->dport = 8000;
	s->seq = 1000;
	s->ack = 5000;
	s->flags = 0x10;
	s->win = 512;
	s->ttl = 64;
	s->df = 1;
	s->ipid = 100;
}

static inline void tput16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void tput32(uint8_t *p, uint32_t v)
{
	tput16(p, (uint16_t)(v >> 16));
	tput16(p + 2, (uint16_t)v);
}

/* Build the (inner) frame into buf; returns its length. */
static inline int tseg_build_plain(const struct tseg *s, uint8_t *buf,
			     const uint8_t dmac[6])
{
	static const uint8_t a4s[4] = { 198, 18, 0, 1 };
	static const uint8_t a4d[4] = { 198, 18, 0, 2 };
	static const uint8_t a6s[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
					 0, 0, 0, 0, 0, 0, 0, 1 };
	static const uint8_t a6d[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
					 0, 0, 0, 0, 0, 0, 0, 2 };
	int off = 14, l3, l4, thlen, l4len, iplen, i;
	uint8_t *ip, *th;
	uint16_t c;

	memcpy(buf, dmac, 6);
	memcpy(buf + 6, "\x02\x00\x00\x00\x00", 5);
	buf[11] = s->smac_last;
	if (s->vlan || s->vlan_tpid) {
		tput16(buf + 12, s->vlan_tpid ? s->vlan_tpid : 0x8100);
		tput16(buf + 14, s->vlan);
		off = 18;
	}
	tput16(buf + off - 2, s->v6 ? 0x86dd : 0x0800);
	l3 = off;
	ip = buf + l3;
	if (!s->v6) {
		l4 = l3 + 20 + s->ipoptlen;
	} else {
		l4 = l3 + 40 + (s->has_ext ? 8 : 0);
	}
	thlen = s->udp ? 8 : 20 + s->optlen;
	l4len = thlen + s->paylen;
	th = buf + l4;
	for (i = 0; i < s->paylen; i++)
		th[thlen + i] = (uint8_t)((s->seq + (uint32_t)i) * 7 + 3);
	if (s->udp) {
		tput16(th, s->sport);
		tput16(th + 2, s->dport);
		tput16(th + 4, (uint16_t)l4len);
		tput16(th + 6, 0);
	} else {
		tput16(th, s->sport);
		tput16(th + 2, s->dport);
		tput32(th + 4, s->seq);
		tput32(th + 8, s->ack);
		th[12] = (uint8_t)((thlen / 4) << 4);
		th[13] = s->flags;
		tput16(th + 14, s->win);
		tput16(th + 16, 0);
		tput16(th + 18, 0);
		memcpy(th + 20, s->opt, (size_t)s->optlen);
	}
	iplen = (l4 - l3) + l4len;
	if (!s->v6) {
		ip[0] = (uint8_t)(0x40 | ((20 + s->ipoptlen) / 4));
		ip[1] = s->tos;
		tput16(ip + 2, (uint16_t)iplen);
		tput16(ip + 4, s->ipid);
		tput16(ip + 6, (uint16_t)((s->df ? 0x4000 : 0) | s->frag));
		ip[8] = s->ttl;
		ip[9] = s->udp ? 17 : 6;
		tput16(ip + 10, 0);
		memcpy(ip + 12, a4s, 4);
		memcpy(ip + 16, a4d, 4);
		for (i = 0; i < s->ipoptlen; i++)	/* NOPs, then EOL */
			ip[20 + i] = (uint8_t)(i + 1 < s->ipoptlen ? 1 : 0);
		c = ofl_csum_ip_fast(ip, (unsigned int)(20 + s->ipoptlen) / 4);
		if (s->badipcsum)
			c ^= 0x0101;
		memcpy(ip + 10, &c, 2);
		{
			uint32_t sa, da;

			memcpy(&sa, a4s, 4);
			memcpy(&da, a4d, 4);
			c = ofl_csum_tcpudp_magic(sa, da, (uint32_t)l4len,
				s->udp ? 17 : 6,
				ofl_csum_partial(th, (size_t)l4len, 0));
		}
	} else {
		uint32_t w = 0x60000000u | ((uint32_t)s->tos << 20) |
			     (s->flowlabel & 0xfffff);

		tput32(ip, w);
		tput16(ip + 4, (uint16_t)(iplen - 40));
		ip[6] = s->has_ext ? s->ext : (s->udp ? 17 : 6);
		ip[7] = s->ttl;
		memcpy(ip + 8, a6s, 16);
		memcpy(ip + 24, a6d, 16);
		if (s->has_ext) {
			uint8_t *e = ip + 40;

			memset(e, 0, 8);
			e[0] = s->udp ? 17 : 6;
			if (s->ext == 44) {	/* fragment header */
				e[1] = 0;
			} else if (s->ext == 43) { /* routing, segleft 0 */
				e[1] = 0;
				e[2] = 4;
				e[3] = 0;
			} else {		/* HBH/DST: PadN + fill */
				e[2] = 1;
				e[3] = 4;
				memset(e + 4, s->extfill, 4);
			}
		}
		c = ofl_csum_ipv6_magic(a6s, a6d, (uint32_t)l4len,
					s->udp ? 17 : 6,
					ofl_csum_partial(th, (size_t)l4len, 0));
	}
	if (s->badcsum)
		c ^= 0x0101;
	if (s->udp && !c)
		c = 0xffff;
	if (s->udp && s->udpzero)
		c = 0;
	memcpy(th + (s->udp ? 6 : 16), &c, 2);
	for (i = 0; i < s->trailer; i++)
		buf[l3 + iplen + i] = 0;
	return l3 + iplen + s->trailer;
}

/* Outer Ethernet + IPv4/IPv6 (protocol @proto, payload @plen) for the
 * GRE and IP-in-IP frames; returns the outer header length. */
static inline int tseg_outer_ip(const struct tseg *s, uint8_t *buf,
				const uint8_t dmac[6], uint8_t proto, int plen)
{
	static const uint8_t o4s[4] = { 198, 19, 0, 1 };
	static const uint8_t o6s[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1,
					 0, 0, 0, 0, 0, 0, 0, 1 };
	uint8_t *ip = buf + 14;
	uint16_t c;

	memcpy(buf, dmac, 6);
	memcpy(buf + 6, "\x02\x00\x00\x00\x00\x01", 6);
	tput16(buf + 12, s->vx == 2 ? 0x86dd : 0x0800);
	if (s->vx == 2) {
		tput32(ip, 0x60000000u | ((uint32_t)s->otos << 20));
		tput16(ip + 4, (uint16_t)plen);
		ip[6] = proto;
		ip[7] = s->ottl ? s->ottl : 64;
		memcpy(ip + 8, o6s, 16);
		memcpy(ip + 24, o6s, 16);
		ip[39] = s->odst_last ? s->odst_last : 2;
		return 54;
	}
	ip[0] = 0x45;
	ip[1] = s->otos;
	tput16(ip + 2, (uint16_t)(20 + plen));
	tput16(ip + 4, (uint16_t)(s->oidfix ? 7 : s->ipid + 1000));
	tput16(ip + 6, s->odf ? 0x4000 : 0);
	ip[8] = s->ottl ? s->ottl : 64;
	ip[9] = proto;
	tput16(ip + 10, 0);
	memcpy(ip + 12, o4s, 4);
	memcpy(ip + 16, o4s, 4);
	ip[19] = s->odst_last ? s->odst_last : 2;
	c = ofl_csum_ip_fast(ip, 5);
	memcpy(ip + 10, &c, 2);
	return 34;
}

/* GRE or IP-in-IP frame (see struct tseg); returns its length. */
static inline int tseg_build_ipt(const struct tseg *s, uint8_t *buf,
				 const uint8_t dmac[6])
{
	static const uint8_t idmac[6] = { 2, 0, 0, 0, 1, 2 };
	int l4 = s->vx == 2 ? 54 : 34, gl = 0, ilen, i;
	uint16_t fl = 0;
	uint8_t proto, *gh = buf + l4;

	if (s->nest) {
		struct tseg t = *s;

		/* the frame without its Ethernet header after a new one and
		 * an outer IPv4 header (which overwrite its Ethernet) */
		t.nest = 0;
		ilen = tseg_build_ipt(&t, buf + 20, dmac) - 14;
		t.vx = 1;
		t.otrailer = 0;
		tseg_outer_ip(&t, buf, dmac, s->vx == 2 ? 41 : 4, ilen);
		return 34 + ilen;
	}
	if (s->gre) {
		fl = (uint16_t)((s->grecsum ? 0x8000 : 0) |
				(s->grekey ? 0x2000 : 0));
		gl = 4 + (s->grecsum ? 4 : 0) + (s->grekey ? 4 : 0);
	}
	if (s->teb) {
		ilen = tseg_build_plain(s, buf + l4 + gl, idmac);
	} else {
		/* the inner IP packet: built with its Ethernet header over
		 * the end of the outer headers, which are written next */
		ilen = tseg_build_plain(s, buf + l4 + gl - 14, idmac) - 14;
	}
	proto = s->gre ? 47 : s->v6 ? 41 : 4;
	tseg_outer_ip(s, buf, dmac, proto, gl + ilen);
	if (s->gre) {
		tput16(gh, (uint16_t)(fl ^ s->grebits));
		tput16(gh + 2, s->greproto ? s->greproto :
			       s->teb ? 0x6558 : s->v6 ? 0x86dd : 0x0800);
		i = 4;
		if (s->grecsum) {
			tput32(gh + 4, 0);
			i = 8;
		}
		if (s->grekey)
			tput32(gh + i, s->vni);
		if (s->grecsum) {
			uint16_t c = ofl_csum_fold(
				ofl_csum_partial(gh, (size_t)(gl + ilen), 0));

			if (s->grebadcsum)
				c ^= 0x0101;
			memcpy(gh + 4, &c, 2);
		}
	}
	for (i = 0; i < s->otrailer; i++)
		buf[l4 + gl + ilen + i] = 0;
	return l4 + gl + ilen + s->otrailer;
}

/* Build the frame into buf; returns its length. */
static inline int tseg_build(const struct tseg *s, uint8_t *buf,
			     const uint8_t dmac[6])
{
	static const uint8_t idmac[6] = { 2, 0, 0, 0, 1, 2 };
	static const uint8_t o4s[4] = { 198, 19, 0, 1 };
	static const uint8_t o6s[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1,
					 0, 0, 0, 0, 0, 0, 0, 1 };
	uint8_t o4d[4] = { 198, 19, 0, 2 };
	uint8_t o6d[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1,
			    0, 0, 0, 0, 0, 0, 0, 2 };
	int l3 = 14, l4, ilen, ulen, i, th = s->gnv ? 8 + 4 * s->gnvopt : 8;
	uint8_t *ip, *uh;
	uint16_t c;

	if (!s->vx)
		return tseg_build_plain(s, buf, dmac);
	if (s->gre || s->ipip)
		return tseg_build_ipt(s, buf, dmac);
	o4d[3] = o6d[15] = s->odst_last ? s->odst_last : 2;
	l4 = l3 + (s->vx == 2 ? 40 : 20);
	ilen = tseg_build_plain(s, buf + l4 + 8 + th, idmac);
	ulen = 8 + th + ilen;
	memcpy(buf, dmac, 6);
	memcpy(buf + 6, "\x02\x00\x00\x00\x00\x01", 6);
	tput16(buf + 12, s->vx == 2 ? 0x86dd : 0x0800);
	ip = buf + l3;
	uh = buf + l4;
	tput16(uh, s->osport ? s->osport : 50000);
	tput16(uh + 2, s->odport ? s->odport : s->gnv ? 6081 : TSEG_VX_PORT);
	tput16(uh + 4, (uint16_t)ulen);
	tput16(uh + 6, 0);
	if (s->gnv) {
		uh[8] = (uint8_t)((s->gnvopt & 0x3f) ^ (s->gnvbits & 0x40));
		uh[9] = (uint8_t)(s->gnvbits & 0x80);
		tput16(uh + 10, 0x6558);
		/* one well-formed option TLV (RFC 8926 3.5: class, type,
		 * length in 4-byte words) filling gnvopt words, its data
		 * gnvfill: lib/gro and Linux compare the bytes only, but
		 * lib/parser (and ofl conform, which parses the frames)
		 * checks the TLVs */
		memset(uh + 16, s->gnvfill, (size_t)(4 * s->gnvopt));
		if (s->gnvopt) {
			tput16(uh + 16, 0x0101);
			uh[18] = s->gnvfill & 0x7f;
			uh[19] = (uint8_t)((s->gnvopt - 1) & 0x1f);
		}
	} else {
		uh[8] = (uint8_t)(0x08 ^ s->vxflags);
		uh[9] = uh[10] = uh[11] = 0;
	}
	tput32(uh + 12, (s->vni & 0xffffff) << 8);
	if (s->vx == 2) {
		tput32(ip, 0x60000000u | ((uint32_t)s->otos << 20));
		tput16(ip + 4, (uint16_t)ulen);
		ip[6] = 17;
		ip[7] = s->ottl ? s->ottl : 64;
		memcpy(ip + 8, o6s, 16);
		memcpy(ip + 24, o6d, 16);
		c = ofl_csum_ipv6_magic(o6s, o6d, (uint32_t)ulen, 17,
					ofl_csum_partial(uh, (size_t)ulen, 0));
	} else {
		uint32_t sa, da;

		ip[0] = 0x45;
		ip[1] = s->otos;
		tput16(ip + 2, (uint16_t)(20 + ulen));
		tput16(ip + 4, (uint16_t)(s->oidfix ? 7 : s->ipid + 1000));
		tput16(ip + 6, s->odf ? 0x4000 : 0);
		ip[8] = s->ottl ? s->ottl : 64;
		ip[9] = 17;
		tput16(ip + 10, 0);
		memcpy(ip + 12, o4s, 4);
		memcpy(ip + 16, o4d, 4);
		c = ofl_csum_ip_fast(ip, 5);
		memcpy(ip + 10, &c, 2);
		memcpy(&sa, o4s, 4);
		memcpy(&da, o4d, 4);
		c = ofl_csum_tcpudp_magic(sa, da, (uint32_t)ulen, 17,
			ofl_csum_partial(uh, (size_t)ulen, 0));
	}
	if (!c)
		c = 0xffff;
	if (s->obadcsum)
		c ^= 0x0101;
	if (!s->ocsum)
		c = 0;
	memcpy(uh + 6, &c, 2);
	for (i = 0; i < s->otrailer; i++)
		buf[l4 + ulen + i] = 0;
	return l4 + ulen + s->otrailer;
}

/* TCP timestamp option block: NOP NOP TS (order 0), NOP TS NOP (1),
 * TS NOP NOP (2). */
static inline void tseg_ts(struct tseg *s, uint32_t tsval, int order)
{
	uint8_t ts[10] = { 8, 10 };

	tput32(ts + 2, tsval);
	tput32(ts + 6, 0);
	s->optlen = 12;
	memset(s->opt, 1, 12);
	memcpy(s->opt + (order == 0 ? 2 : order == 1 ? 1 : 0), ts, 10);
}

#endif
