// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Conformance vectors of lib/parser (included by conf_run.c). A catalogue
 * of frames, one per protocol path of the graph (Ethernet, VLAN/QinQ,
 * MPLS, PPPoE, ARP, IPv4 with options and fragments, IPv6 with every
 * extension header, SRv6, AH, ESP, TCP options, UDP, SCTP, ICMP, ICMPv6,
 * IGMP, GRE with every flag, NVGRE, ERSPAN types I, II and III (with
 * and without the platform subheader), VXLAN, GENEVE with options, IP-in-IP
 * in all four combinations, raw IPv4/IPv6 roots), plus one frame per error
 * path (bad versions and lengths, bad TLV options, GRE version/routing, too
 * many VLAN/MPLS/extension headers/tunnels, bad root); each parsed whole
 * (PARSE and META), cut at every length (the ENODATA paths) and with random
 * bytes changed; each at the four request levels of ofl_parse_mask()
 * (whole frames at every level, cut and changed ones at one level each,
 * in turn). Outputs are folded into the digest (the comparison with
 * the kernel's flow dissector and tshark is tests/parser's).
 */

/* A frame being written at c->in + OFL_CONF_PARSER_REC, wire order. */
struct ofl_conf_fb {
	uint8_t *b;
	unsigned int n;
};

static void ofl_conf_fb_u8(struct ofl_conf_fb *f, unsigned int v)
{
	if (f->n < OFL_CONF_IN_MAX - OFL_CONF_PARSER_REC)
		f->b[f->n++] = (uint8_t)v;
}

static void ofl_conf_fb_u16(struct ofl_conf_fb *f, unsigned int v)
{
	ofl_conf_fb_u8(f, v >> 8);
	ofl_conf_fb_u8(f, v & 0xff);
}

static void ofl_conf_fb_u32(struct ofl_conf_fb *f, uint32_t v)
{
	ofl_conf_fb_u16(f, v >> 16);
	ofl_conf_fb_u16(f, v & 0xffff);
}

static void ofl_conf_fb_zero(struct ofl_conf_fb *f, unsigned int n)
{
	while (n--)
		ofl_conf_fb_u8(f, 0);
}

static void ofl_conf_fb_set16(struct ofl_conf_fb *f, unsigned int at,
			      unsigned int v)
{
	f->b[at] = (uint8_t)(v >> 8);
	f->b[at + 1] = (uint8_t)v;
}

static void ofl_conf_fb_eth(struct ofl_conf_fb *f, unsigned int type)
{
	ofl_conf_fb_u32(f, 0x02000000);
	ofl_conf_fb_u16(f, 0x0002);
	ofl_conf_fb_u32(f, 0x02000000);
	ofl_conf_fb_u16(f, 0x0001);
	ofl_conf_fb_u16(f, type);
}

/* IPv4 198.18.0.1 -> 198.18.0.2, optlen bytes of NOP options then EOL;
 * the total length is set by ofl_conf_fb_ip_done() */
static unsigned int ofl_conf_fb_ipv4(struct ofl_conf_fb *f, unsigned int proto,
				     unsigned int optlen, unsigned int frag)
{
	unsigned int o = f->n, i;

	ofl_conf_fb_u8(f, 0x40 | (20 + optlen) / 4);
	ofl_conf_fb_u8(f, 0);
	ofl_conf_fb_u16(f, 0);
	ofl_conf_fb_u16(f, 0x1234);
	ofl_conf_fb_u16(f, frag);
	ofl_conf_fb_u8(f, 64);
	ofl_conf_fb_u8(f, proto);
	ofl_conf_fb_u16(f, 0);
	ofl_conf_fb_u32(f, 0xc6120001);
	ofl_conf_fb_u32(f, 0xc6120002);
	for (i = 0; i < optlen; i++)
		ofl_conf_fb_u8(f, i + 1 < optlen ? 1 : 0);
	return o;
}

/* IPv6 2001:db8::1 -> 2001:db8::2 */
static unsigned int ofl_conf_fb_ipv6(struct ofl_conf_fb *f, unsigned int nh)
{
	unsigned int o = f->n, a;

	ofl_conf_fb_u32(f, 0x60012345);
	ofl_conf_fb_u16(f, 0);
	ofl_conf_fb_u8(f, nh);
	ofl_conf_fb_u8(f, 64);
	for (a = 1; a <= 2; a++) {
		ofl_conf_fb_u32(f, 0x20010db8);
		ofl_conf_fb_u32(f, 0);
		ofl_conf_fb_u32(f, 0);
		ofl_conf_fb_u32(f, a);
	}
	return o;
}

/* set the length field of the IP header at @o to reach the frame end */
static void ofl_conf_fb_ip_done(struct ofl_conf_fb *f, unsigned int o)
{
	if ((f->b[o] >> 4) == 4)
		ofl_conf_fb_set16(f, o + 2, f->n - o);
	else
		ofl_conf_fb_set16(f, o + 4, f->n - o - 40);
}

/* hop-by-hop / destination options, (len8 + 1) * 8 bytes, PadN */
static void ofl_conf_fb_opts6(struct ofl_conf_fb *f, unsigned int nh,
			      unsigned int len8)
{
	unsigned int tot = (len8 + 1) * 8;

	ofl_conf_fb_u8(f, nh);
	ofl_conf_fb_u8(f, len8);
	ofl_conf_fb_u8(f, 1);
	ofl_conf_fb_u8(f, tot - 4);
	ofl_conf_fb_zero(f, tot - 4);
}

static void ofl_conf_fb_tcp(struct ofl_conf_fb *f, unsigned int sport,
			    unsigned int dport, const uint8_t *opt,
			    unsigned int optlen, unsigned int flags)
{
	unsigned int i;

	ofl_conf_fb_u16(f, sport);
	ofl_conf_fb_u16(f, dport);
	ofl_conf_fb_u32(f, 1000);
	ofl_conf_fb_u32(f, 2000);
	ofl_conf_fb_u8(f, ((20 + optlen) / 4) << 4);
	ofl_conf_fb_u8(f, flags);
	ofl_conf_fb_u16(f, 65535);
	ofl_conf_fb_u32(f, 0);
	for (i = 0; i < optlen; i++)
		ofl_conf_fb_u8(f, opt[i]);
}

static void ofl_conf_fb_udp(struct ofl_conf_fb *f, unsigned int sport,
			    unsigned int dport)
{
	ofl_conf_fb_u16(f, sport);
	ofl_conf_fb_u16(f, dport);
	ofl_conf_fb_u32(f, 0);
}

static void ofl_conf_fb_gre(struct ofl_conf_fb *f, unsigned int flags,
			    unsigned int proto)
{
	ofl_conf_fb_u16(f, flags);
	ofl_conf_fb_u16(f, proto);
	if (flags & 0x8000)
		ofl_conf_fb_u32(f, 0x12340000);
	if (flags & 0x2000)
		ofl_conf_fb_u32(f, 0x00abcd00);
	if (flags & 0x1000)
		ofl_conf_fb_u32(f, 99);
	if (flags & 0x0080)
		ofl_conf_fb_u32(f, 7);
}

static void ofl_conf_fb_geneve(struct ofl_conf_fb *f, unsigned int proto,
			       unsigned int nopt)
{
	unsigned int i;

	ofl_conf_fb_u8(f, nopt * 2);
	ofl_conf_fb_u8(f, 0);
	ofl_conf_fb_u16(f, proto);
	ofl_conf_fb_u32(f, 7u << 8);
	for (i = 0; i < nopt; i++) {
		ofl_conf_fb_u16(f, 0x0102);
		ofl_conf_fb_u8(f, 0x80 + i);
		ofl_conf_fb_u8(f, 1);
		ofl_conf_fb_u32(f, 0xdeadbeef);
	}
}

static const uint8_t ofl_conf_tcpopt_syn[20] = {
	2, 4, 0x05, 0xb4,		/* MSS 1460 */
	1, 3, 3, 7,			/* NOP, WS 7 */
	4, 2,				/* SACK permitted */
	8, 10, 0, 0, 0, 1, 0, 0, 0, 2,	/* TS 1, 2 */
};

static const uint8_t ofl_conf_tcpopt_sack[40] = {
	1, 1, 5, 34,			/* NOP NOP SACK x4 */
	0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4,
	0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0, 0, 0, 8,
	1, 1, 1, 0,			/* NOP x3 EOL */
};

/* options the parser must skip or refuse */
static const uint8_t ofl_conf_tcpopt_odd[12] = {
	2, 3, 5, 1,			/* MSS with length 3: skipped */
	3, 4, 9, 9,			/* WS with length 4: skipped */
	30, 4, 1, 2,			/* unknown kind */
};
static const uint8_t ofl_conf_tcpopt_len0[4] = { 1, 2, 0, 0 };
static const uint8_t ofl_conf_tcpopt_past[4] = { 1, 8, 10, 0 };

#define OFL_CONF_PARSER_NFRAMES 56

/*
 * Frame @i of the catalogue into c->in (root in c->in[0]); returns the
 * record length.
 */
static unsigned int ofl_conf_parser_frame(struct ofl_conf *c, unsigned int i)
{
	struct ofl_conf_fb fb = { c->in + OFL_CONF_PARSER_REC, 0 }, *f = &fb;
	unsigned int ip = 0, ip2 = 0, k, root = OFL_PROTO_ETH;

	switch (i) {
	case 0:	/* Eth/IPv4/TCP + payload */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0x4000);
		ofl_conf_fb_tcp(f, 1234, 80, 0, 0, 0x18);
		ofl_conf_fb_zero(f, 33);
		break;
	case 1:	/* Eth/IPv4 options/TCP SYN options */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 8, 0);
		ofl_conf_fb_tcp(f, 1, 2, ofl_conf_tcpopt_syn, 20, 0x02);
		break;
	case 2:	/* Eth/VLAN/IPv6/TCP SACK */
		ofl_conf_fb_eth(f, 0x8100);
		ofl_conf_fb_u32(f, 0x20050000 | 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 6);
		ofl_conf_fb_tcp(f, 443, 5555, ofl_conf_tcpopt_sack, 40, 0x10);
		ofl_conf_fb_zero(f, 16);
		break;
	case 3:	/* QinQ/IPv4/UDP */
		ofl_conf_fb_eth(f, 0x88a8);
		ofl_conf_fb_u32(f, 0x00078100);
		ofl_conf_fb_u32(f, 0x00080800);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 53, 53);
		break;
	case 4:	/* MPLS x2 / IPv4 / UDP */
		ofl_conf_fb_eth(f, 0x8847);
		ofl_conf_fb_u32(f, 16u << 12 | 64);
		ofl_conf_fb_u32(f, 17u << 12 | 0x100 | 64);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 5:	/* MPLS / IPv6 / ICMPv6 */
		ofl_conf_fb_eth(f, 0x8847);
		ofl_conf_fb_u32(f, 100u << 12 | 0x100 | 64);
		ip = ofl_conf_fb_ipv6(f, 58);
		ofl_conf_fb_u32(f, 0x80000000);
		ofl_conf_fb_u32(f, 0);
		break;
	case 6:	/* PPPoE / IPv4 / TCP */
		ofl_conf_fb_eth(f, 0x8864);
		ofl_conf_fb_u32(f, 0x11000001);
		ofl_conf_fb_u32(f, 0x00000021);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x11);
		break;
	case 7:	/* ARP */
		ofl_conf_fb_eth(f, 0x0806);
		ofl_conf_fb_zero(f, 28);
		break;
	case 8:	/* ICMP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 1, 0, 0);
		ofl_conf_fb_zero(f, 8);
		break;
	case 9:	/* IGMP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 2, 0, 0);
		ofl_conf_fb_zero(f, 8);
		break;
	case 10: /* SCTP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 132, 0, 0);
		ofl_conf_fb_u32(f, 0x00050006);
		ofl_conf_fb_zero(f, 8);
		break;
	case 11: /* IPv6 hop/dst/route type 0/UDP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 0);
		ofl_conf_fb_opts6(f, 60, 0);
		ofl_conf_fb_opts6(f, 43, 1);
		ofl_conf_fb_u32(f, 17u << 24);
		ofl_conf_fb_zero(f, 4);
		ofl_conf_fb_udp(f, 7, 8);
		break;
	case 12: /* IPv6 first fragment / TCP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 44);
		ofl_conf_fb_u32(f, 6u << 24 | 1);
		ofl_conf_fb_u32(f, 0xabcd);
		ofl_conf_fb_tcp(f, 9, 10, 0, 0, 0x10);
		break;
	case 13: /* IPv6 later fragment */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 44);
		ofl_conf_fb_u32(f, 6u << 24 | 100u << 3);
		ofl_conf_fb_u32(f, 0xabcd);
		ofl_conf_fb_zero(f, 16);
		break;
	case 14: /* IPv4 first fragment / UDP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0x2000);
		ofl_conf_fb_udp(f, 11, 12);
		break;
	case 15: /* IPv4 later fragment */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 10);
		ofl_conf_fb_zero(f, 16);
		break;
	case 16: /* SRv6: IPv6/SRH (3 segments, SL 1)/TCP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 43);
		ofl_conf_fb_u32(f, 6u << 24 | 6u << 16 | 4u << 8 | 1);
		ofl_conf_fb_u32(f, 2u << 24);
		for (k = 0; k < 3; k++) {
			ofl_conf_fb_u32(f, 0x20010db8);
			ofl_conf_fb_zero(f, 8);
			ofl_conf_fb_u32(f, 0x100 + k);
		}
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 17: /* IPv4 / AH / TCP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 51, 0, 0);
		ofl_conf_fb_u32(f, 0x06040000);
		ofl_conf_fb_u32(f, 0x100);
		ofl_conf_fb_u32(f, 1);
		ofl_conf_fb_zero(f, 12);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 18: /* IPv6 / ESP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 50);
		ofl_conf_fb_u32(f, 0x12345678);
		ofl_conf_fb_u32(f, 1);
		ofl_conf_fb_zero(f, 16);
		break;
	case 19: /* GRE / IPv4 / TCP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0, 0x0800);
		ip2 = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 3, 4, 0, 0, 0x10);
		break;
	case 20: /* GRE C/K/S / IPv6 / UDP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0xb000, 0x86dd);
		ip2 = ofl_conf_fb_ipv6(f, 17);
		ofl_conf_fb_udp(f, 5, 6);
		break;
	case 21: /* NVGRE: GRE K / TEB / Eth / IPv4 / UDP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0x2000, 0x6558);
		ofl_conf_fb_eth(f, 0x0800);
		ip2 = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 7, 8);
		break;
	case 22: /* VXLAN / Eth / IPv4 / TCP */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 40000, 4789);
		ofl_conf_fb_u32(f, 0x08000000);
		ofl_conf_fb_u32(f, 42u << 8);
		ofl_conf_fb_eth(f, 0x0800);
		ip2 = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1111, 2222, ofl_conf_tcpopt_syn, 20, 0x10);
		ofl_conf_fb_zero(f, 16);
		break;
	case 23: /* GENEVE (2 options) / Eth / IPv6 / TCP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 17);
		ofl_conf_fb_udp(f, 40000, 6081);
		ofl_conf_fb_geneve(f, 0x6558, 2);
		ofl_conf_fb_eth(f, 0x86dd);
		ip2 = ofl_conf_fb_ipv6(f, 6);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 24: /* IPv4-in-IPv4 */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 4, 0, 0);
		ip2 = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 25: /* IPv6-in-IPv4 */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 41, 0, 0);
		ip2 = ofl_conf_fb_ipv6(f, 6);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 26: /* IPv4-in-IPv6 */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 4);
		ip2 = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 27: /* IPv6-in-IPv6 */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 41);
		ip2 = ofl_conf_fb_ipv6(f, 17);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 28: /* ICMPv6 */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 58);
		ofl_conf_fb_u32(f, 0x87000000);
		break;
	case 29: /* IPv4/UDP to an unknown port, Ethernet padding */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 9, 9999);
		ofl_conf_fb_ip_done(f, ip);
		ip = 0;
		ofl_conf_fb_zero(f, 18);
		break;
	case 30: /* raw IPv4 root / TCP odd options */
		root = OFL_PROTO_IPV4;
		ip = ofl_conf_fb_ipv4(f, 6, 4, 0);
		ofl_conf_fb_tcp(f, 7, 8, ofl_conf_tcpopt_odd, 12, 0x29);
		break;
	case 31: /* raw IPv6 root / UDP */
		root = OFL_PROTO_IPV6;
		ip = ofl_conf_fb_ipv6(f, 17);
		ofl_conf_fb_udp(f, 7, 8);
		ofl_conf_fb_zero(f, 7);
		break;
	case 32: /* unknown ethertype: Ethernet only */
		ofl_conf_fb_eth(f, 0x88cc);
		ofl_conf_fb_zero(f, 30);
		break;
	case 33: /* GRE version 1 (PPTP) with ack / unknown payload */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0x3081, 0x880b);
		ofl_conf_fb_zero(f, 8);
		break;
	/* ---- error paths ---- */
	case 34: /* IPv4 IHL 4: EPROTO */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		c->in[OFL_CONF_PARSER_REC + ip] = 0x44;
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		break;
	case 35: /* IPv4 header with version 6 behind 0x0800: EPROTO */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		c->in[OFL_CONF_PARSER_REC + ip] = 0x65;
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		ip = 0;
		break;
	case 36: /* IPv6 version 4 behind 0x86dd: EPROTO */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 17);
		c->in[OFL_CONF_PARSER_REC + ip] = 0x40;
		ofl_conf_fb_udp(f, 1, 2);
		ip = 0;
		break;
	case 37: /* PPPoE version 2: EPROTO */
		ofl_conf_fb_eth(f, 0x8864);
		ofl_conf_fb_u32(f, 0x21000001);
		ofl_conf_fb_u32(f, 0x00000021);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x11);
		break;
	case 38: /* TCP data offset 4: EPROTO */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x10);
		c->in[OFL_CONF_PARSER_REC + f->n - 8] = 0x40;
		break;
	case 39: /* TCP option of length 0: EBADMSG */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, ofl_conf_tcpopt_len0, 4, 0x10);
		break;
	case 40: /* TCP option past its header: EBADMSG */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 6);
		ofl_conf_fb_tcp(f, 1, 2, ofl_conf_tcpopt_past, 4, 0x10);
		break;
	case 41: /* GRE version 2: EPROTONOSUPPORT */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0x0002, 0x0800);
		ofl_conf_fb_zero(f, 20);
		break;
	case 42: /* GRE routing bit: EPROTONOSUPPORT */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, 0x4000, 0x0800);
		ofl_conf_fb_zero(f, 24);
		break;
	case 43: /* 5 VLAN tags: ELOOP */
		ofl_conf_fb_eth(f, 0x8100);
		for (k = 0; k < 5; k++)
			ofl_conf_fb_u32(f, (k + 1) << 16 | 0x8100);
		ofl_conf_fb_zero(f, 20);
		break;
	case 44: /* 9 MPLS entries: ELOOP */
		ofl_conf_fb_eth(f, 0x8847);
		for (k = 0; k < 9; k++)
			ofl_conf_fb_u32(f, (k + 16) << 12 | (k == 8 ? 0x100 : 0));
		ip = ofl_conf_fb_ipv4(f, 17, 0, 0);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 45: /* 9 IPv6 destination options headers: ELOOP */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 60);
		for (k = 0; k < 9; k++)
			ofl_conf_fb_opts6(f, k == 8 ? 17 : 60, 0);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 46: /* 4 nested IP-in-IP tunnels: ELOOP */
		ofl_conf_fb_eth(f, 0x0800);
		for (k = 0; k < 5; k++)
			ofl_conf_fb_ipv4(f, k == 4 ? 17 : 4, 0, 0);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 47: /* 48 Pad1 in destination options: E2BIG */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 60);
		ofl_conf_fb_u8(f, 17);
		ofl_conf_fb_u8(f, 5);
		ofl_conf_fb_zero(f, 46);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 48: /* hop-by-hop option running past its header: EBADMSG */
		ofl_conf_fb_eth(f, 0x86dd);
		ip = ofl_conf_fb_ipv6(f, 0);
		ofl_conf_fb_u32(f, 17u << 24 | 1u << 8 | 9);
		ofl_conf_fb_zero(f, 4);
		ofl_conf_fb_udp(f, 1, 2);
		break;
	case 49: /* bad root: EINVAL */
		root = 99;
		ofl_conf_fb_zero(f, 20);
		break;
	case 50: /* empty frame */
		break;
	case 51: /* IPv4 total length shorter than the headers, TCP FIN */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 6, 0, 0);
		ofl_conf_fb_tcp(f, 1, 2, 0, 0, 0x01);
		ofl_conf_fb_zero(f, 10);
		ofl_conf_fb_set16(f, ip + 2, 30);
		ip = 0;
		break;
	case 52: /* ERSPAN type I: bare GRE 0x88be / Eth / IPv4 / TCP */
	case 53: /* ERSPAN type II: GRE S / ERSPAN / Eth / IPv4 / UDP */
	case 54: /* ERSPAN type III: GRE S 0x22eb / ERSPAN / Eth / IPv6 */
	case 55: /* ERSPAN type III + platform subheader / Eth / IPv4 */
		ofl_conf_fb_eth(f, 0x0800);
		ip = ofl_conf_fb_ipv4(f, 47, 0, 0);
		ofl_conf_fb_gre(f, i == 52 ? 0 : 0x1000,
				i <= 53 ? 0x88be : 0x22eb);
		if (i == 53) {
			ofl_conf_fb_u32(f, 0x10030007);
			ofl_conf_fb_u32(f, 9);
		} else if (i >= 54) {
			ofl_conf_fb_u32(f, 0x20000008);
			ofl_conf_fb_u32(f, 0x01020304);
			ofl_conf_fb_u32(f, i == 55 ? 1 : 0);
			if (i == 55)
				ofl_conf_fb_zero(f, 8);
		}
		ofl_conf_fb_eth(f, i == 54 ? 0x86dd : 0x0800);
		if (i == 54) {
			ip2 = ofl_conf_fb_ipv6(f, 6);
			ofl_conf_fb_tcp(f, 9, 10, 0, 0, 0x10);
		} else {
			ip2 = ofl_conf_fb_ipv4(f, i == 53 ? 17 : 6, 0, 0);
			if (i == 53)
				ofl_conf_fb_udp(f, 9, 10);
			else
				ofl_conf_fb_tcp(f, 9, 10, 0, 0, 0x10);
		}
		break;
	default:
		break;
	}
	if (ip2)
		ofl_conf_fb_ip_done(f, ip2);
	if (ip || (f->n && root != OFL_PROTO_ETH && root != 99))
		ofl_conf_fb_ip_done(f, ip);
	c->in[0] = (uint8_t)root;
	c->in[1] = c->in[2] = c->in[3] = 0;
	return OFL_CONF_PARSER_REC + f->n;
}

/* The request levels of ofl_parse_mask(); 0 in a record is ALL. */
static const uint8_t ofl_conf_parser_masks[4] = {
	0, OFL_PARSE_MASK_OFFSETS, OFL_PARSE_MASK_FLOW, OFL_PARSE_MASK_LAYERS
};

static void ofl_conf_vectors_parser(struct ofl_conf *c)
{
	unsigned int i, len, cut, k, m;

	for (i = 0; i < OFL_CONF_PARSER_NFRAMES; i++) {
		for (m = 0; m < 4; m++) {
			len = ofl_conf_parser_frame(c, i);
			c->in[1] = ofl_conf_parser_masks[m];
			ofl_conf_case(c, OFL_CONF_PARSER,
				      OFL_CONF_PARSER_PARSE, len);
			ofl_conf_case(c, OFL_CONF_PARSER,
				      OFL_CONF_PARSER_META, len);
		}
		/* cut at every length: the truncation paths */
		for (cut = OFL_CONF_PARSER_REC; cut < len; cut++) {
			ofl_conf_parser_frame(c, i);
			c->in[1] = ofl_conf_parser_masks[(cut >> 1) & 3];
			ofl_conf_case(c, OFL_CONF_PARSER,
				      cut & 1 ? OFL_CONF_PARSER_META :
						OFL_CONF_PARSER_PARSE, cut);
		}
		/* random bytes changed in the headers */
		for (k = 0; k < 12 && len > OFL_CONF_PARSER_REC; k++) {
			unsigned int n = 1 + k % 3, j;

			ofl_conf_parser_frame(c, i);
			c->in[1] = ofl_conf_parser_masks[(k >> 1) & 3];
			for (j = 0; j < n; j++) {
				uint32_t r = ofl_conf_rand32(c);
				unsigned int at = OFL_CONF_PARSER_REC +
					(r >> 8) % (len - OFL_CONF_PARSER_REC);

				c->in[at] = (uint8_t)r;
			}
			ofl_conf_case(c, OFL_CONF_PARSER, k & 1 ?
				      OFL_CONF_PARSER_META :
				      OFL_CONF_PARSER_PARSE, len);
		}
	}
	/* one known answer: Eth/IPv4/TCP, its RSS input (type IPV4_TCP,
	 * addresses and ports) with all types */
	len = ofl_conf_parser_frame(c, 0);
	if (ofl_conf_case(c, OFL_CONF_PARSER, OFL_CONF_PARSER_META, len) ==
	    256) {
		static const uint8_t want[13] = {
			OFL_RSS_TYPE_IPV4_TCP, 198, 18, 0, 1, 198, 18, 0, 2,
			0x04, 0xd2, 0, 80 };
		unsigned int j;

		for (j = 0; j < 13; j++)
			if (c->out[108 + 2 * 37 + j] != want[j])
				ofl_conf_fail(c);
	}
}
