// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Conformance vectors of lib/gro (included by conf_run.c): sequences of
 * frames and flushes through one context (exec_gro.h), each output folded
 * into the digest: every decision, held count and delivery (kind, merged
 * headers, gso_size/segs/type, checksum offsets, slice lists). The rules
 * against the running kernel are proven by tests/gro (kdiff); here the
 * point is that every target runs them identically. Covered:
 * - a 4-segment TCP flow over IPv4 and IPv6 with one of 37 changes in its
 *   third segment (flags PSH/FIN/SYN/RST/URG/CWR, ack, window, TTL,
 *   TOS/ECN/traffic class, DF, TCP option bytes and length, sequence gap,
 *   short/long/empty payloads, bad L4 and IPv4 header checksums, IPv4
 *   options, fragments, trailing bytes, IP ID fixed/mixed/gaps with and
 *   without DF, IPv6 flow label, extension headers same/different and a
 *   fragment header, 1 and 2 VLAN tags, VLAN/MAC changes), under both
 *   kernel profiles and both checksum states;
 * - UDP GRO (OFL_GRO_F_UDP_FWD on/off, equal/shorter/longer datagrams,
 *   zero checksum), VXLAN over IPv4/IPv6 with and without outer checksum,
 *   GENEVE with options, inner IPv6, VNI changes;
 * - GRE over IPv4/IPv6 (key, checksum, Ethernet inside, key change) and
 *   IP-in-IP over IPv4/IPv6, inner IPv4/IPv6, inner UDP, outer IP ID
 *   modes, software checksums, and both turned off (OFL_GRO_F_NO_IPTUN);
 * - gro_max_size, OFL_GRO_MAX_SEGS and UDP_GRO_CNT_MAX, eviction of the
 *   oldest flow of a full bucket, a flush without room (OFL_ENOSPC);
 * - a generated mix: 12 flows, random changes, interleaving and flushes;
 * - BIG TCP (gro_max_size 185000, 60 x 1448) under profiles 6.18, 7.0 and
 *   6.1, IPv4/IPv6/IPv6 with an extension header, UDP and VXLAN.
 * - fraglist (OFL_GRO_F_FRAGLIST): the changes above over TCP and UDP,
 *   the ip_summed rule, the 64 KiB limit of whole packets, tunnels.
 * - CHECKSUM_COMPLETE (sum starts, trusted, wrong sums, tunnels) and
 *   stripped VLAN tags (compared with the flow, carried in deliveries).
 * Known answer: one 4-segment merge, its flush and delivery (below).
 * Frames: Ethernet, addresses 198.18.0.0/15 and 2001:db8::/32.
 */

struct ofl_conf_gv_seg {
	uint8_t v6, nvlan, next, exttype, udp, tun, ocsum, gnvopt;
	uint8_t flags, ttl, tos, df, optlen, optb, ipopt, badcsum;
	uint8_t badip, trailer, extfill, smac, frag6, oidfix, gre;
	uint16_t sport, dport, win, ipid, paylen, vid, frag;
	uint32_t seq, ack, vni, flowlabel;
};

static void ofl_conf_gv_base(struct ofl_conf_gv_seg *s, unsigned int v6)
{
	uint8_t *p = (uint8_t *)s;
	unsigned int i;

	for (i = 0; i < sizeof(*s); i++)
		p[i] = 0;
	s->v6 = (uint8_t)v6;
	s->flags = 0x10;
	s->ttl = 64;
	s->df = 1;
	s->smac = 1;
	s->sport = 40000;
	s->dport = 8000;
	s->win = 512;
	s->ipid = 100;
	s->paylen = 100;
	s->seq = 1000;
	s->ack = 5000;
	s->vni = 42;
}

static void ofl_conf_gv_be16(uint8_t *p, unsigned int v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void ofl_conf_gv_be32(uint8_t *p, uint32_t v)
{
	ofl_conf_gv_be16(p, v >> 16);
	ofl_conf_gv_be16(p + 2, v & 0xffffu);
}

static void ofl_conf_gv_csum_at(uint8_t *p, ofl_sum16 s)
{
	ofl_conf_put_sum16(p, s);
}

/* IPv4 header of @ihl bytes at @ip for a datagram of @tot bytes. */
static void ofl_conf_gv_ip4(uint8_t *ip, unsigned int ihl, unsigned int tot,
			     unsigned int id, unsigned int df,
			     unsigned int frag, unsigned int ttl,
			     unsigned int tos, unsigned int proto,
			     unsigned int dst, unsigned int bad)
{
	unsigned int i;

	ip[0] = (uint8_t)(0x40 | (ihl / 4));
	ip[1] = (uint8_t)tos;
	ofl_conf_gv_be16(ip + 2, tot);
	ofl_conf_gv_be16(ip + 4, id);
	ofl_conf_gv_be16(ip + 6, (df ? 0x4000u : 0) | frag);
	ip[8] = (uint8_t)ttl;
	ip[9] = (uint8_t)proto;
	ip[10] = ip[11] = 0;
	ip[12] = 198; ip[13] = 18; ip[14] = 0; ip[15] = 1;
	ip[16] = 198; ip[17] = 18; ip[18] = 0; ip[19] = (uint8_t)dst;
	for (i = 20; i < ihl; i++)
		ip[i] = 1;	/* NOP options */
	ofl_conf_gv_csum_at(ip + 10, ofl_csum_fold(ofl_csum_partial(ip, ihl,
								      0)));
	if (bad)
		ip[11] ^= 0x5a;
}

static void ofl_conf_gv_ip6(uint8_t *ip, unsigned int plen, unsigned int nh,
			     unsigned int hop, unsigned int tc,
			     uint32_t label, unsigned int dst)
{
	unsigned int i;

	ofl_conf_gv_be32(ip, 0x60000000u | (tc << 20) | (label & 0xfffffu));
	ofl_conf_gv_be16(ip + 4, plen);
	ip[6] = (uint8_t)nh;
	ip[7] = (uint8_t)hop;
	for (i = 8; i < 40; i++)
		ip[i] = 0;
	ip[8] = 0x20; ip[9] = 0x01; ip[10] = 0x0d; ip[11] = 0xb8;
	ip[23] = 1;
	ip[24] = 0x20; ip[25] = 0x01; ip[26] = 0x0d; ip[27] = 0xb8;
	ip[39] = (uint8_t)dst;
}

/* L4 checksum over [l4, l4 + len) with the pseudo header of @ip. */
static ofl_sum16 ofl_conf_gv_l4sum(const uint8_t *ip, int v6,
				    const uint8_t *l4, unsigned int len,
				    unsigned int proto)
{
	ofl_wsum s = ofl_csum_partial(l4, len, 0);

	if (!v6)
		return ofl_csum_tcpudp_magic(
			(OFL_FORCE ofl_be32)ofl_conf_ne32(ip + 12),
			(OFL_FORCE ofl_be32)ofl_conf_ne32(ip + 16), len,
			(uint8_t)proto, s);
	return ofl_csum_ipv6_magic(ip + 8, ip + 24, len, (uint8_t)proto, s);
}

/* The inner (or only) IP datagram at @p; returns its length. */
static unsigned int ofl_conf_gv_inner(const struct ofl_conf_gv_seg *s,
				       uint8_t *p)
{
	unsigned int ihl = s->v6 ? 40 : 20u + s->ipopt, at, i, l4, l4len;
	unsigned int proto = s->udp ? 17 : 6;
	unsigned int hlen = s->udp ? 8 : 20u + s->optlen;

	at = ihl;
	if (s->v6) {
		for (i = 0; i < s->next; i++) {
			unsigned int k;

			p[at] = (uint8_t)(i + 1 < s->next ? s->exttype : proto);
			p[at + 1] = 0;
			for (k = 2; k < 8; k++)
				p[at + k] = (uint8_t)(k == 2 ? 1 : 0);
			p[at + 7] = s->extfill;
			at += 8;
		}
		if (s->frag6) {
			p[at] = (uint8_t)proto;
			for (i = 1; i < 8; i++)
				p[at + i] = 0;
			p[at + 3] = 1;	/* offset 0, M = 1 */
			at += 8;
		}
	}
	l4 = at;
	l4len = hlen + s->paylen;
	for (i = 0; i < s->paylen; i++)
		p[l4 + hlen + i] = (uint8_t)(s->seq + i);
	ofl_conf_gv_be16(p + l4, s->sport);
	ofl_conf_gv_be16(p + l4 + 2, s->dport);
	if (s->udp) {
		ofl_conf_gv_be16(p + l4 + 4, l4len);
		p[l4 + 6] = p[l4 + 7] = 0;
	} else {
		ofl_conf_gv_be32(p + l4 + 4, s->seq);
		ofl_conf_gv_be32(p + l4 + 8, s->ack);
		p[l4 + 12] = (uint8_t)((hlen / 4) << 4);
		p[l4 + 13] = s->flags;
		ofl_conf_gv_be16(p + l4 + 14, s->win);
		p[l4 + 16] = p[l4 + 17] = p[l4 + 18] = p[l4 + 19] = 0;
		for (i = 20; i < hlen; i++)	/* NOP NOP TS ... */
			p[l4 + i] = (uint8_t)(i < 22 ? 1 : i == 22 ? 8 :
					      i == 23 ? 10 : s->optb + i);
	}
	if (s->v6) {
		unsigned int nh = s->next ? s->exttype : s->frag6 ? 44 : proto;

		ofl_conf_gv_ip6(p, at - 40 + l4len, nh, s->ttl, s->tos,
				 s->flowlabel, 2);
	} else {
		ofl_conf_gv_ip4(p, ihl, ihl + l4len, s->ipid, s->df, s->frag,
				 s->ttl, s->tos, proto, 2, s->badip);
	}
	if (!s->udp || s->udp == 1) {
		ofl_sum16 c = ofl_conf_gv_l4sum(p, s->v6, p + l4, l4len,
						 proto);

		if (s->udp && !(OFL_FORCE uint16_t)c)
			c = (OFL_FORCE ofl_sum16)0xffff;
		ofl_conf_gv_csum_at(p + l4 + (s->udp ? 6 : 16), c);
	}
	if (s->badcsum)
		p[l4 + (s->udp ? 6 : 16)] ^= 0x33;
	for (i = 0; i < s->trailer; i++)
		p[l4 + l4len + i] = 0;
	return l4 + l4len;
}

/*
 * GRE (tun 4: outer IPv4, 5: outer IPv6; s->gre: 1 key, 2 checksum,
 * 4 Ethernet inside) or IP-in-IP (6: outer IPv4, 7: outer IPv6) from the
 * outer IP header at @oip on; returns the bytes after the Ethernet type.
 */
static unsigned int ofl_conf_gv_iptun(const struct ofl_conf_gv_seg *s,
				       uint8_t *f, unsigned int oip)
{
	unsigned int ov6 = s->tun == 5 || s->tun == 7, iv6 = s->v6;
	unsigned int g = oip + (ov6 ? 40 : 20), gl = 0, in, n, i;
	unsigned int proto = iv6 ? 41 : 4, teb = 0;

	if (s->tun <= 5) {
		teb = (s->gre & 4) ? 14 : 0;
		gl = 4u + ((s->gre & 2) ? 4u : 0) + ((s->gre & 1) ? 4u : 0);
		ofl_conf_gv_be16(f + g, ((s->gre & 2) ? 0x8000u : 0) |
				 ((s->gre & 1) ? 0x2000u : 0));
		ofl_conf_gv_be16(f + g + 2, teb ? 0x6558 : iv6 ? 0x86dd :
				 0x0800);
		for (i = 4; i < gl; i++)
			f[g + i] = 0;
		if (s->gre & 1)
			ofl_conf_gv_be32(f + g + gl - 4, s->vni);
		if (teb) {
			for (i = 0; i < 12; i++)
				f[g + gl + i] = (uint8_t)(i == 0 || i == 6 ?
					2 : i == 11 ? 3 : 0);
			ofl_conf_gv_be16(f + g + gl + 12, iv6 ? 0x86dd :
					 0x0800);
		}
		proto = 47;
	}
	in = ofl_conf_gv_inner(s, f + g + gl + teb);
	n = gl + teb + in;
	if (s->gre & 2)
		ofl_conf_gv_csum_at(f + g + 4, ofl_csum_fold(
			ofl_csum_partial(f + g, n, 0)));
	if (ov6)
		ofl_conf_gv_ip6(f + oip, n, proto, 64, 0, 0, 3);
	else
		ofl_conf_gv_ip4(f + oip, 20, 20 + n,
				 s->oidfix ? 7u : s->ipid + 1000u, 1, 0, 64, 0,
				 proto, 3, 0);
	return (g - oip) + n;
}

/* The whole frame at @f; returns its length (trailer included). */
static unsigned int ofl_conf_gv_frame(const struct ofl_conf_gv_seg *s,
				       uint8_t *f)
{
	unsigned int at = 12, i, n, iv6 = s->v6;

	for (i = 0; i < 6; i++) {
		f[i] = (uint8_t)(i == 0 ? 2 : i == 5 ? 2 : 0);
		f[6 + i] = (uint8_t)(i == 0 ? 2 : i == 5 ? s->smac : 0);
	}
	for (i = 0; i < s->nvlan; i++) {
		ofl_conf_gv_be16(f + at, i ? 0x8100 : s->nvlan > 1 ?
				  0x88a8 : 0x8100);
		ofl_conf_gv_be16(f + at + 2, (unsigned int)s->vid + i);
		at += 4;
	}
	if (s->tun >= 4) {
		ofl_conf_gv_be16(f + at, s->tun == 5 || s->tun == 7 ?
				 0x86dd : 0x0800);
		return at + 2 + ofl_conf_gv_iptun(s, f, at + 2) + s->trailer;
	}
	if (s->tun) {
		unsigned int ov6 = s->tun == 2, oip = at + 2, ou, hl, ilen;
		unsigned int gl = s->tun == 3 ? 8u + 4u * s->gnvopt : 8u;

		ofl_conf_gv_be16(f + at, ov6 ? 0x86dd : 0x0800);
		ou = oip + (ov6 ? 40 : 20);
		hl = ou + 8;
		/* tunnel header and inner Ethernet */
		for (i = 0; i < gl; i++)
			f[hl + i] = 0;
		if (s->tun == 3) {
			f[hl] = s->gnvopt;
			ofl_conf_gv_be16(f + hl + 2, 0x6558);
			for (i = 8; i < gl; i++)
				f[hl + i] = (uint8_t)(s->optb + i);
		} else {
			f[hl] = 0x08;
		}
		f[hl + 4] = (uint8_t)(s->vni >> 16);
		f[hl + 5] = (uint8_t)(s->vni >> 8);
		f[hl + 6] = (uint8_t)s->vni;
		for (i = 0; i < 12; i++)
			f[hl + gl + i] = (uint8_t)(i == 0 || i == 6 ? 2 :
						   i == 11 ? 3 : 0);
		ofl_conf_gv_be16(f + hl + gl + 12, iv6 ? 0x86dd : 0x0800);
		ilen = ofl_conf_gv_inner(s, f + hl + gl + 14);
		n = 8 + gl + 14 + ilen;
		ofl_conf_gv_be16(f + ou, 50000u + (s->sport & 7u));
		ofl_conf_gv_be16(f + ou + 2, s->tun == 3 ? 6081 : 4789);
		ofl_conf_gv_be16(f + ou + 4, n);
		f[ou + 6] = f[ou + 7] = 0;
		if (ov6)
			ofl_conf_gv_ip6(f + oip, n, 17, 64, 0, 0, 3);
		else
			ofl_conf_gv_ip4(f + oip, 20, 20 + n,
					 s->oidfix ? 7u : s->ipid + 1000u, 1, 0,
					 64, 0, 17, 3, 0);
		if (s->ocsum) {
			ofl_sum16 c = ofl_conf_gv_l4sum(f + oip, (int)ov6,
							 f + ou, n, 17);

			if (!(OFL_FORCE uint16_t)c)
				c = (OFL_FORCE ofl_sum16)0xffff;
			ofl_conf_gv_csum_at(f + ou + 6, c);
		}
		return ou + n + s->trailer;
	}
	ofl_conf_gv_be16(f + at, iv6 ? 0x86dd : 0x0800);
	return at + 2 + ofl_conf_gv_inner(s, f + at + 2) + s->trailer;
}

/* Every delivery of the last RX/FLUSH, part by part. */
static void ofl_conf_gv_pkts(struct ofl_conf *c, unsigned int n)
{
	unsigned int i, part, nsl;

	for (i = 0; i < n && i < OFL_GRO_MAX_FLOWS; i++) {
		c->in[0] = (uint8_t)i;
		c->in[1] = 0;
		if (ofl_conf_case(c, OFL_CONF_GRO, OFL_CONF_GRO_PKT, 2) <
		    OFL_CONF_GRO_PKT_FIXED)
			continue;
		nsl = ofl_conf_le16(c->out + 15);
		for (part = 1; (part - 1) * OFL_CONF_GRO_SLICES < nsl &&
			       part <= 3; part++) {
			c->in[0] = (uint8_t)i;
			c->in[1] = (uint8_t)part;
			ofl_conf_case(c, OFL_CONF_GRO, OFL_CONF_GRO_PKT, 2);
		}
	}
}

static void ofl_conf_gv_init(struct ofl_conf *c, unsigned int profile,
			      unsigned int flags, uint32_t m6, uint32_t m4)
{
	c->in[0] = (uint8_t)profile;
	c->in[1] = (uint8_t)flags;
	ofl_conf_put_le32(c->in + 2, m6);
	ofl_conf_put_le32(c->in + 6, m4);
	ofl_conf_case(c, OFL_CONF_GRO, OFL_CONF_GRO_INIT, 10);
}

/*
 * One frame: ip_summed @csum; with CHECKSUM_COMPLETE the sum from @cs on
 * (clamped to the frame), then @mangle: bit 0 flips a payload byte after
 * the sum was taken (a sum that validates, bytes that do not), bit 1 puts
 * the sum off by 0x100; the stripped tag @vlan (proto << 16 | tci).
 */
static void ofl_conf_gv_rxx(struct ofl_conf *c,
			     const struct ofl_conf_gv_seg *s, uint32_t hash,
			     uint32_t id, unsigned int csum, unsigned int cs,
			     uint32_t vlan, unsigned int mangle)
{
	uint8_t *f = c->in + OFL_CONF_GRO_RXREC;
	unsigned int len = ofl_conf_gv_frame(s, f);
	ofl_sum16 sum = 0;

	if (csum == OFL_CHECKSUM_COMPLETE) {
		if (cs > len)
			cs = len;
		sum = (OFL_FORCE ofl_sum16)(uint16_t)~(OFL_FORCE uint16_t)
			ofl_csum_fold(ofl_csum_partial(f + cs, len - cs, 0));
		if (mangle & 1)
			f[len - 3] ^= 0x5a;
		if (mangle & 2)
			sum = (OFL_FORCE ofl_sum16)(uint16_t)
				((OFL_FORCE uint16_t)sum ^ 0x0100);
	}
	ofl_conf_put_le32(c->in, hash);
	ofl_conf_put_le32(c->in + 4, id);
	c->in[8] = (uint8_t)csum;
	ofl_conf_put_sum16(c->in + 9, sum);
	ofl_conf_put_le16(c->in + 11, (uint16_t)cs);
	ofl_conf_put_le16(c->in + 13, (uint16_t)(vlan >> 16));
	ofl_conf_put_le16(c->in + 15, (uint16_t)vlan);
	if (ofl_conf_case(c, OFL_CONF_GRO, OFL_CONF_GRO_RX,
			  OFL_CONF_GRO_RXREC + len) == 6)
		ofl_conf_gv_pkts(c, c->out[4]);
}

static void ofl_conf_gv_rx(struct ofl_conf *c,
			    const struct ofl_conf_gv_seg *s, uint32_t hash,
			    uint32_t id, unsigned int csum)
{
	ofl_conf_gv_rxx(c, s, hash, id, csum, 0, 0, 0);
}

static void ofl_conf_gv_flush(struct ofl_conf *c, unsigned int max)
{
	int32_t rc;

	c->in[0] = (uint8_t)max;
	if (ofl_conf_case(c, OFL_CONF_GRO, OFL_CONF_GRO_FLUSH, 1) != 5)
		return;
	rc = (int32_t)ofl_conf_le32(c->out);
	if (rc > 0)
		ofl_conf_gv_pkts(c, (unsigned int)rc);
}

/* Change @t applied to segment @k of a flow (the third is the one). */
static void ofl_conf_gv_tweak(struct ofl_conf_gv_seg *s, unsigned int t,
			       unsigned int k, unsigned int *csum)
{
	unsigned int at = k == 2;

	switch (t) {
	case 1: if (at) s->flags |= 0x08; break;	/* PSH */
	case 2: if (at) s->flags |= 0x01; break;	/* FIN */
	case 3: if (at) s->flags |= 0x02; break;	/* SYN */
	case 4: if (at) s->flags |= 0x04; break;	/* RST */
	case 5: if (at) s->flags |= 0x20; break;	/* URG */
	case 6: if (at) s->flags |= 0x80; break;	/* CWR */
	case 7: if (at) s->ack++; break;
	case 8: if (at) s->win++; break;
	case 9: if (at) s->ttl--; break;
	case 10: if (at) s->tos = 1; break;		/* ECN bit */
	case 11: if (at) s->df = 0; break;
	case 12: s->optlen = 12; if (at) s->optb = 5; break;
	case 13: if (at) s->optlen = 12; break;
	case 14: if (at) s->seq += 10; break;		/* gap */
	case 15: if (k == 1) s->paylen = 60; break;	/* short: ends flow */
	case 16: if (at) s->paylen = 140; break;	/* larger */
	case 17: if (at) s->paylen = 0; break;		/* pure ACK */
	case 18: if (at) s->badcsum = 1; *csum = 0; break;
	case 19: if (at) s->ipopt = 4; break;
	case 20: if (at) s->frag = 0x2000; break;	/* MF */
	case 21: if (at) s->trailer = 6; break;	/* tot_len < frame */
	case 22: s->ipid = 100; break;			/* fixed, DF */
	case 23: s->ipid = 100; s->df = 0; break;	/* fixed, no DF */
	case 24: if (k >= 2) s->ipid = 101; break;	/* fixed then inc */
	case 25: if (at) s->ipid += 2; break;
	case 26: if (at) s->flowlabel = 7; break;
	case 27: s->next = 1; s->exttype = 60; break;	/* dest options */
	case 28: s->next = 2; s->exttype = 0; if (at) s->extfill = 9; break;
	case 29: if (at) s->frag6 = 1; break;
	case 30: s->nvlan = 1; s->vid = 5; break;
	case 31: s->nvlan = 2; s->vid = 5; break;
	case 32: s->nvlan = 1; s->vid = at ? 6 : 5; break;
	case 33: if (at) s->smac = 9; break;
	case 34: if (at) s->badip = 1; break;
	case 35: *csum = 0; break;			/* all checked */
	case 36: s->next = 3; s->exttype = 43; break;	/* routing */
	default: break;
	}
}

#define OFL_CONF_GV_TWEAKS 37

static void ofl_conf_gv_rules(struct ofl_conf *c)
{
	unsigned int v6, t, k, prof;

	for (prof = 0; prof < 3; prof++) {	/* 6.18, 6.10, 7.0 */
		for (v6 = 0; v6 < 2; v6++) {
			for (t = 0; t < OFL_CONF_GV_TWEAKS; t++) {
				uint32_t seq = 1000;

				ofl_conf_gv_init(c, prof, 0, 0, 0);
				for (k = 0; k < 5; k++) {
					struct ofl_conf_gv_seg s;
					unsigned int csum = 1;

					ofl_conf_gv_base(&s, v6);
					s.ipid = (uint16_t)(100 + k);
					ofl_conf_gv_tweak(&s, t, k, &csum);
					s.seq += seq - 1000;
					seq += s.paylen;
					ofl_conf_gv_rx(c, &s, 0x1234, k, csum);
				}
				ofl_conf_gv_flush(c, 64);
			}
		}
	}
}

/* UDP GRO and tunnels: sequences of 4 datagrams/segments. */
static void ofl_conf_gv_udp_tun(struct ofl_conf *c)
{
	unsigned int v, k;

	for (v = 0; v < 24; v++) {
		unsigned int udp = v < 8;
		unsigned int flags = udp ? ((v & 1) ? OFL_GRO_F_UDP_FWD : 0) :
			OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE |
			((v & 1) ? OFL_GRO_F_UDP_FWD : 0);
		uint32_t seq = 1000;

		ofl_conf_gv_init(c, v & 2 ? 1 : 0, flags, 0, 0);
		for (k = 0; k < 4; k++) {
			struct ofl_conf_gv_seg s;

			ofl_conf_gv_base(&s, (v >> 1) & 1);
			s.ipid = (uint16_t)(200 + k);
			if (udp) {
				s.udp = 1;
				s.paylen = (uint16_t)(v == 2 && k == 2 ? 50 :
						      v == 4 && k == 2 ? 150 :
						      100);
				if (v >= 6)
					s.udp = 2;	/* checksum 0 */
			} else {
				unsigned int w = v - 8;

				s.tun = (uint8_t)(w < 4 ? 1 : w < 8 ? 2 : 3);
				s.ocsum = (uint8_t)(w & 1);
				s.gnvopt = (uint8_t)(w >= 12 ? 2 : 0);
				s.v6 = (uint8_t)((w >> 1) & 1);
				if (w == 5 && k == 2)
					s.vni = 43;
				if (w == 13 && k == 2)
					s.optb = 1;
				if (w == 15)
					s.oidfix = 1;
				if (w == 9 && k == 2)
					s.flags |= 0x08;
			}
			s.seq = seq;
			seq += s.paylen;
			ofl_conf_gv_rx(c, &s, 0x55, 10 + k, v & 4 ? 0 : 1);
		}
		ofl_conf_gv_flush(c, 64);
	}
}

/* GRE and IP-in-IP (on by default, as in the kernel): sequences of 4
 * segments, one change in the third; the last two runs turn them off. */
static void ofl_conf_gv_iptun_seq(struct ofl_conf *c)
{
	unsigned int tun, w, k;

	for (tun = 4; tun <= 7; tun++) {
		for (w = 0; w < 14; w++) {
			unsigned int flags = w == 12 ? OFL_GRO_F_NO_IPTUN :
					     w == 13 ? OFL_GRO_F_UDP_FWD : 0;
			uint32_t seq = 1000;

			ofl_conf_gv_init(c, w == 11 ? 1 : 0, flags, 0, 0);
			for (k = 0; k < 4; k++) {
				struct ofl_conf_gv_seg s;

				ofl_conf_gv_base(&s, w & 1);
				s.tun = (uint8_t)tun;
				s.ipid = (uint16_t)(300 + k);
				s.gre = (uint8_t)(tun <= 5 ? (w >> 1) & 7 : 0);
				if (w == 13)
					s.udp = 1;
				if (k == 2) {
					if (w == 3)
						s.vni = 43;	/* key */
					if (w == 5)
						s.paylen = 50;
					if (w == 8)
						s.flags |= 0x08;
					if (w == 9)
						s.seq += 1;
					if (w == 10)
						s.oidfix = 1;
				}
				if (w == 11)
					s.oidfix = 1;
				s.seq += seq - 1000;
				seq += s.paylen;
				ofl_conf_gv_rx(c, &s, 0x77, 20 + k,
					       w == 7 ? 0 : 1);
			}
			ofl_conf_gv_flush(c, 64);
		}
	}
}

/* gro_max_size, segment limits, eviction, a flush without room. */
static void ofl_conf_gv_limits(struct ofl_conf *c)
{
	struct ofl_conf_gv_seg s;
	unsigned int k, v6, udp;

	for (v6 = 0; v6 < 2; v6++) {
		ofl_conf_gv_init(c, 0, 0, 1000, 1000);
		for (k = 0; k < 4; k++) {
			ofl_conf_gv_base(&s, v6);
			s.paylen = 400;
			s.seq = 1000 + 400 * k;
			s.ipid = (uint16_t)(100 + k);
			ofl_conf_gv_rx(c, &s, 7, k, 1);
		}
		ofl_conf_gv_flush(c, 64);
	}
	for (udp = 0; udp < 2; udp++) {
		ofl_conf_gv_init(c, 0, OFL_GRO_F_UDP_FWD, 0, 0);
		for (k = 0; k < 70; k++) {
			ofl_conf_gv_base(&s, 0);
			s.udp = (uint8_t)udp;
			s.paylen = 8;
			s.seq = 1000 + 8 * k;
			s.ipid = (uint16_t)(100 + k);
			ofl_conf_gv_rx(c, &s, 9, k, 1);
		}
		ofl_conf_gv_flush(c, 64);
	}
	/* ten flows in one bucket: the oldest two are evicted */
	ofl_conf_gv_init(c, 0, 0, 0, 0);
	for (k = 0; k < 12; k++) {
		ofl_conf_gv_base(&s, k & 1);
		s.sport = (uint16_t)(41000 + (k % 10));
		s.seq = k < 10 ? 1000 : 1100;
		ofl_conf_gv_rx(c, &s, 3 + 8 * (k % 10), k, 1);
	}
	ofl_conf_gv_flush(c, 3);	/* OFL_ENOSPC: nothing delivered */
	ofl_conf_gv_flush(c, 64);
}

/*
 * BIG TCP (issue 15): gro_max_size/gro_ipv4_max_size 185000, flows of 60
 * segments of 1448 bytes (86880: past 64 KiB, within OFL_GRO_MAX_SEGS and
 * the 2047-byte frames every target takes): IPv4 tot_len 0, IPv6 payload
 * length 0 with the jumbo header (6.18), without it (7.0), 6.1 (IPv6 only,
 * TCP right after the IPv6 header); a destination options header; UDP and
 * VXLAN stop below 64 KiB; a size past OFL_GRO_MAX_SIZE is refused.
 */
static void ofl_conf_gv_bigtcp(struct ofl_conf *c)
{
	static const uint8_t prof[3] = { 0, 2, 3 };
	struct ofl_conf_gv_seg s;
	unsigned int p, v, k;

	for (p = 0; p < 3; p++) {
		/* v: 0 IPv4, 1 IPv6, 2 IPv6 + dst options, 3 UDP, 4 VXLAN */
		for (v = 0; v < 5; v++) {
			ofl_conf_gv_init(c, prof[p], v == 3 ? OFL_GRO_F_UDP_FWD :
					 v == 4 ? OFL_GRO_F_VXLAN : 0, 185000,
					 185000);
			for (k = 0; k < 60; k++) {
				ofl_conf_gv_base(&s, v == 1 || v == 2);
				s.paylen = 1448;
				s.seq = 1000 + 1448 * k;
				s.ipid = (uint16_t)(100 + k);
				s.udp = (uint8_t)(v == 3);
				s.tun = (uint8_t)(v == 4);
				if (v == 2) {
					s.next = 1;
					s.exttype = 60;
				}
				ofl_conf_gv_rx(c, &s, 5, k, 1);
			}
			ofl_conf_gv_flush(c, 64);
		}
	}
	ofl_conf_gv_init(c, 0, 0, OFL_GRO_MAX_SIZE + 1, 0);
	ofl_conf_gv_init(c, 0, 0, 0, OFL_GRO_MAX_SIZE);
}

/*
 * Fraglist GRO (OFL_GRO_F_FRAGLIST): every change of the rules over TCP
 * and UDP, IPv4 and IPv6, both checksum states; the IPv4 reserved bit on a
 * UDP datagram (ip_summed rule) and 48 datagrams of 1400 bytes (the 64 KiB
 * limit on whole IP packets); a VXLAN flow (its inner TCP merged as a
 * fraglist tunnel frame, as 6.18 does).
 */
static void ofl_conf_gv_flist(struct ofl_conf *c)
{
	struct ofl_conf_gv_seg s;
	unsigned int v6, t, k, udp, cs;

	for (udp = 0; udp < 2; udp++)
		for (v6 = 0; v6 < 2; v6++)
			for (t = 0; t < OFL_CONF_GV_TWEAKS; t++) {
				uint32_t seq = 1000;

				ofl_conf_gv_init(c, 0, OFL_GRO_F_FRAGLIST |
						 (t & 1 ? OFL_GRO_F_UDP_FWD : 0),
						 0, 0);
				for (k = 0; k < 5; k++) {
					unsigned int csum = (t >> 1) & 1;

					ofl_conf_gv_base(&s, v6);
					s.udp = (uint8_t)udp;
					s.ipid = (uint16_t)(100 + k);
					ofl_conf_gv_tweak(&s, t, k, &csum);
					s.seq += seq - 1000;
					seq += s.paylen;
					ofl_conf_gv_rx(c, &s, 0x4321, k, csum);
				}
				ofl_conf_gv_flush(c, 64);
			}
	for (cs = 0; cs < 2; cs++) {
		ofl_conf_gv_init(c, 0, OFL_GRO_F_FRAGLIST, 0, 0);
		for (k = 0; k < 4; k++) {
			ofl_conf_gv_base(&s, 0);
			s.udp = 1;
			s.ipid = (uint16_t)(100 + k);
			if (k == 1)
				s.frag = 0x8000;
			ofl_conf_gv_rx(c, &s, 5, k, cs);
		}
		ofl_conf_gv_flush(c, 64);
	}
	for (udp = 0; udp < 2; udp++) {
		ofl_conf_gv_init(c, 0, OFL_GRO_F_FRAGLIST, 0, 0);
		for (k = 0; k < 48; k++) {
			ofl_conf_gv_base(&s, udp);
			s.udp = (uint8_t)udp;
			s.paylen = 1400;
			s.seq = 1000 + 1400 * k;
			s.ipid = (uint16_t)(100 + k);
			ofl_conf_gv_rx(c, &s, 6, k, 1);
		}
		ofl_conf_gv_flush(c, 64);
	}
	ofl_conf_gv_init(c, 0, OFL_GRO_F_FRAGLIST | OFL_GRO_F_VXLAN, 0, 0);
	for (k = 0; k < 3; k++) {
		ofl_conf_gv_base(&s, 0);
		s.tun = 1;
		s.ipid = (uint16_t)(100 + k);
		s.seq = 1000 + 100 * k;
		ofl_conf_gv_rx(c, &s, 8, k, 1);
	}
	ofl_conf_gv_flush(c, 64);
}

/* Generated: frames of 12 flows in random order with random changes. */
static void ofl_conf_gv_mix(struct ofl_conf *c)
{
	uint32_t seq[12], ipid[12];
	unsigned int i, k, round;

	for (round = 0; round < 6; round++) {
		ofl_conf_gv_init(c, round & 1,
				  round >= 2 ? OFL_GRO_F_UDP_FWD |
				  OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE : 0,
				  round == 5 ? 20000 : 0, 0);
		for (i = 0; i < 12; i++) {
			seq[i] = 1000 + 977 * i;
			ipid[i] = 10 * i;
		}
		for (k = 0; k < 120; k++) {
			struct ofl_conf_gv_seg s;
			uint32_t r = ofl_conf_rand32(c);
			unsigned int fl = (r & 0xffff) % 12, csum = 1;

			ofl_conf_gv_base(&s, fl & 1);
			s.sport = (uint16_t)(42000 + fl);
			s.nvlan = (uint8_t)(fl % 5 == 4);
			s.udp = (uint8_t)(round >= 2 && fl % 6 == 5);
			s.tun = (uint8_t)(round >= 2 && fl % 4 == 2 ?
					  1 + (fl % 3) : 0);
			s.ocsum = (uint8_t)(fl & 2);
			s.paylen = (uint16_t)(100 + 300 * (fl % 4));
			s.seq = seq[fl];
			s.ipid = (uint16_t)ipid[fl];
			if (((r >> 16) & 15) == 0)
				ofl_conf_gv_tweak(&s, (r >> 20) %
						   OFL_CONF_GV_TWEAKS, 2,
						   &csum);
			if (((r >> 24) & 7) == 0)
				csum = 0;
			seq[fl] += s.paylen;
			ipid[fl]++;
			ofl_conf_gv_rx(c, &s, (r >> 28) * 0x01000000u + fl,
					k, csum);
			if (((r >> 8) & 31) == 0)
				ofl_conf_gv_flush(c, 64);
		}
		ofl_conf_gv_flush(c, 64);
	}
}

/*
 * CHECKSUM_COMPLETE: 4-segment flows with the sum of the third from
 * several starts (frame start, odd, 14, past the L4 header, more than
 * OFL_GRO_MAX_HDR past it), right, trusted over corrupted bytes, wrong
 * with right bytes and wrong with wrong bytes, the other segments NONE,
 * COMPLETE and UNNECESSARY; then VXLAN (outer IPv4, IPv6), GENEVE and GRE
 * (outer IPv4, IPv6) with and without the outer checksum, with an outer
 * trailer on the third segment or not.
 */
static void ofl_conf_gv_complete(struct ofl_conf *c)
{
	static const uint8_t st[4] = { OFL_CHECKSUM_NONE,
				       OFL_CHECKSUM_COMPLETE,
				       OFL_CHECKSUM_COMPLETE,
				       OFL_CHECKSUM_UNNECESSARY };
	struct ofl_conf_gv_seg s;
	unsigned int v6, j, m, k, t, oc, tr;

	for (v6 = 0; v6 < 2; v6++) {
		unsigned int l4 = v6 ? 54 : 34;
		const unsigned int starts[5] = { 0, 13, 14, l4 + 1,
						 l4 + 200 };

		for (j = 0; j < 5; j++) {
			for (m = 0; m < 4; m++) {
				ofl_conf_gv_init(c, 0, 0, 0, 0);
				for (k = 0; k < 4; k++) {
					ofl_conf_gv_base(&s, v6);
					s.paylen = 300;
					s.seq = 1000 + 300 * k;
					s.ipid = (uint16_t)(100 + k);
					ofl_conf_gv_rxx(c, &s, 5, k, st[k],
							 starts[j] + k, 0,
							 k == 2 ? m : 0);
				}
				ofl_conf_gv_flush(c, 64);
			}
		}
	}
	/* tun 1 VXLAN/IPv4, 2 VXLAN/IPv6, 3 GENEVE, 4/5 GRE/IPv4, IPv6 */
	for (t = 1; t <= 5; t++)
	for (oc = 0; oc < 2; oc++)
	for (tr = 0; tr < 2; tr++)
	for (m = 0; m < 4; m++) {
		ofl_conf_gv_init(c, 0, OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE,
				  0, 0);
		for (k = 0; k < 4; k++) {
			ofl_conf_gv_base(&s, 0);
			s.tun = (uint8_t)t;
			s.ocsum = (uint8_t)oc;
			s.gre = (uint8_t)(oc ? 2 : 1);
			s.paylen = 300;
			s.seq = 1000 + 300 * k;
			s.ipid = (uint16_t)(100 + k);
			s.trailer = (uint8_t)(tr && k == 2 ? 4 : 0);
			ofl_conf_gv_rxx(c, &s, 5, k,
					 k == 3 ? OFL_CHECKSUM_NONE :
					 OFL_CHECKSUM_COMPLETE, 14 + k, 0,
					 k == 2 ? m : 0);
		}
		ofl_conf_gv_flush(c, 64);
	}
}

/*
 * Stripped VLAN tags: two flows of one 5-tuple interleaved, A with tag
 * a and B with tag b (or B's tag in the frame), 3 segments each: equal
 * tags are one flow, any difference in TPID, PCP, DEI, VID, tag or none
 * makes two; the tag rides in each delivery.
 */
static void ofl_conf_gv_vlan(struct ofl_conf *c)
{
	static const uint32_t pairs[9][2] = {
		{ 0x81000005u, 0x81000005u }, { 0x81000005u, 0x81000006u },
		{ 0x81000005u, 0x81002005u }, { 0x81000005u, 0x81001005u },
		{ 0x81000005u, 0x88a80005u }, { 0, 0x81000000u },
		{ 0, 0x00000005u }, { 0x81000005u, 0 }, { 0x88a8e007u,
							    0x88a8e007u } };
	struct ofl_conf_gv_seg s;
	unsigned int v6, p, k;

	for (v6 = 0; v6 < 2; v6++) {
		for (p = 0; p < 10; p++) {
			ofl_conf_gv_init(c, 0, 0, 0, 0);
			for (k = 0; k < 6; k++) {
				ofl_conf_gv_base(&s, v6);
				s.paylen = 200;
				s.seq = 1000 + 200 * (k / 2);
				s.ipid = (uint16_t)(100 + k / 2);
				/* the last pair: B's tag in the frame */
				if (p == 9 && (k & 1)) {
					s.nvlan = 1;
					s.vid = 5;
				}
				ofl_conf_gv_rxx(c, &s, 9, k, 1, 0,
						 p == 9 ? (k & 1 ? 0 :
							   0x81000005u) :
						 pairs[p][k & 1], 0);
			}
			ofl_conf_gv_flush(c, 64);
		}
	}
}

/* The first @n output bytes of a case must be @want (known answer). */
static void ofl_conf_gv_expect(struct ofl_conf *c, unsigned int op,
			       unsigned int len, const uint8_t *want,
			       unsigned int n)
{
	ofl_conf_expect_n(c, OFL_CONF_GRO, op, len, want, n, 1);
}

/*
 * Known answer, worked out from tcp_gro_receive/tcp_gro_complete by hand:
 * four in-order 100-byte segments of one IPv4 flow (IDs incrementing)
 * are held, merged three times, and the flush delivers one 454-byte
 * frame: TCPV4, gso_size 100, 4 segments, CHECKSUM_PARTIAL at 34 + 16,
 * headers 54 bytes, slices (frame k, 54, 100).
 */
static void ofl_conf_gv_known(struct ofl_conf *c)
{
	static const uint8_t held[6] = { 1, 0, 0, 0, 0, 1 };
	static const uint8_t merged[6] = { 0, 0, 0, 0, 0, 1 };
	static const uint8_t flushed[5] = { 1, 0, 0, 0, 0 };
	static const uint8_t pkt[OFL_CONF_GRO_PKT_FIXED] = {
		2, 0, 0, 0, 0, 0xc6, 1, 0, 0, 1, 0, 0, 0, 54, 0, 4, 0,
		100, 0, 4, 0, 34, 0, 16, 0, 0, 0, 0, 0, 0, 0 };
	uint8_t sl[32];
	struct ofl_conf_gv_seg s;
	unsigned int k, len, len2;

	ofl_conf_gv_init(c, 0, 0, 0, 0);
	for (k = 0; k < 4; k++) {
		ofl_conf_gv_base(&s, 0);
		s.seq = 1000 + 100 * k;
		s.ipid = (uint16_t)(100 + k);
		len = ofl_conf_gv_frame(&s, c->in + OFL_CONF_GRO_RXREC);
		ofl_conf_put_le32(c->in, 0x77);
		ofl_conf_put_le32(c->in + 4, k);
		c->in[8] = OFL_CHECKSUM_UNNECESSARY;
		for (len2 = 9; len2 < OFL_CONF_GRO_RXREC; len2++)
			c->in[len2] = 0;
		ofl_conf_gv_expect(c, OFL_CONF_GRO_RX,
				   OFL_CONF_GRO_RXREC + len,
				   k ? merged : held, 6);
		sl[8 * k] = (uint8_t)k;
		sl[8 * k + 1] = sl[8 * k + 2] = sl[8 * k + 3] = 0;
		sl[8 * k + 4] = 54;
		sl[8 * k + 5] = 0;
		sl[8 * k + 6] = 100;
		sl[8 * k + 7] = 0;
	}
	c->in[0] = 64;
	ofl_conf_gv_expect(c, OFL_CONF_GRO_FLUSH, 1, flushed, 5);
	c->in[0] = 0;
	c->in[1] = 0;
	ofl_conf_gv_expect(c, OFL_CONF_GRO_PKT, 2, pkt, sizeof(pkt));
	c->in[0] = 0;
	c->in[1] = 1;
	ofl_conf_gv_expect(c, OFL_CONF_GRO_PKT, 2, sl, sizeof(sl));
}

static void ofl_conf_vectors_gro(struct ofl_conf *c)
{
	ofl_conf_gv_known(c);
	ofl_conf_gv_rules(c);
	ofl_conf_gv_udp_tun(c);
	ofl_conf_gv_iptun_seq(c);
	ofl_conf_gv_limits(c);
	ofl_conf_gv_mix(c);
	ofl_conf_gv_bigtcp(c);
	ofl_conf_gv_flist(c);
	ofl_conf_gv_complete(c);
	ofl_conf_gv_vlan(c);
}
