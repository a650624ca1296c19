// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl-gen: writes the project's own sample capture (classic pcap, Ethernet).
 *
 *   ofl-gen OUT.pcap [EXPECT.jsonl]
 *
 * The capture is deterministic (same bytes on every run and host) and shows
 * what ofl does: plain and tunnelled frames with right checksums, a few with
 * deliberately wrong ones, IPv6 extension headers incl. an SRv6 routing
 * header, a short in-order TCP flow (GRO demo) and TCP super-frames over
 * IPv4 and IPv6 holding a CHECKSUM_PARTIAL pseudo-header sum (GSO demo).
 * Addresses come only from 198.18.0.0/15 and 2001:db8::/32.
 *
 * EXPECT.jsonl gets one line per frame naming every checksum in walk order
 * (outer to inner) and whether it is right:
 *   {"frame":1,"checks":[["ipv4","ok"],["tcp","bad"]]}
 * with "ok", "bad" or "none" (an IPv4 UDP checksum of 0: not present), and
 * a third element "partial" where the field holds the CHECKSUM_PARTIAL
 * pseudo-header sum.
 *
 * The checksums are computed here with small independent code (RFC 1071 sum
 * over big-endian words, bitwise CRC32c), never with libofl: this is test
 * data for libofl.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind {
	K_ETH, K_VLAN, K_MPLS, K_PPPOE, K_IPV4, K_IPV6, K_EXT, K_TCP, K_UDP,
	K_ICMP, K_ICMP6, K_SCTP, K_GRE, K_TUN, K_ARP,
};

/* One header of the frame being built. */
struct layer {
	enum kind kind;
	size_t off;
	int bad;	/* store a wrong checksum (after computing it) */
	int zero;	/* UDP: leave the checksum 0 */
	int partial;	/* TCP: store the pseudo-header sum only (GSO) */
	int hdr_dst;	/* L4: use the IPv6 header's dst, not the final one */
	size_t fdst;	/* IPv6: offset of the final destination address */
	int gre_csum;	/* GRE: C bit set */
};

#define MAX_LAYERS 16
#define MAX_FRAME 65536

static uint8_t fr[MAX_FRAME];
static size_t flen;
static struct layer ly[MAX_LAYERS];
static int nly;
static unsigned int nframes;
static uint16_t ipid = 0x1000;
static FILE *out, *exp_out;

static void put8(uint8_t v)
{
	if (flen >= MAX_FRAME) {
		fprintf(stderr, "ofl-gen: frame too big\n");
		exit(1);
	}
	fr[flen++] = v;
}

static void put16(uint16_t v)
{
	put8((uint8_t)(v >> 8));
	put8((uint8_t)v);
}

static void put32(uint32_t v)
{
	put16((uint16_t)(v >> 16));
	put16((uint16_t)v);
}

static void putn(const uint8_t *p, size_t n)
{
	while (n--)
		put8(*p++);
}

static void set16(size_t off, uint16_t v)
{
	fr[off] = (uint8_t)(v >> 8);
	fr[off + 1] = (uint8_t)v;
}

static struct layer *push(enum kind k)
{
	struct layer *l;

	if (nly >= MAX_LAYERS)
		abort();
	l = &ly[nly++];
	memset(l, 0, sizeof(*l));
	l->kind = k;
	l->off = flen;
	return l;
}

/* ---- RFC 1071 sum over big-endian 16-bit words, and CRC32c ---- */

static uint32_t sum_be(const uint8_t *p, size_t n, uint32_t s)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

static uint16_t fold_not(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static uint32_t crc32c(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0x82f63b78u & (0u - (c & 1u)));
	}
	return ~c;
}

/* ---- header builders: each writes its header; lengths and checksums are
 * filled by finish() ---- */

static const uint8_t mac_a[6] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
static const uint8_t mac_b[6] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x02 };

static void begin(void)
{
	flen = 0;
	nly = 0;
}

static void eth(uint16_t type)
{
	push(K_ETH);
	putn(mac_b, 6);
	putn(mac_a, 6);
	put16(type);
}

/* An 802.1Q/802.1ad tag after the Ethernet header or another tag: the
 * caller wrote this tag's TPID as the previous type; @type is the next. */
static void vlan(uint16_t vid, uint16_t type)
{
	push(K_VLAN);
	put16(vid & 0x0fff);
	put16(type);
}

static void mpls(uint32_t label, int bottom)
{
	push(K_MPLS);
	put32(label << 12 | (bottom ? 0x100u : 0) | 64);
}

static void pppoe(uint16_t ppp_proto)
{
	push(K_PPPOE);
	put8(0x11);	/* version 1, type 1 */
	put8(0);	/* code: session data */
	put16(0x2a2a);	/* session id */
	put16(0);	/* length, by finish() */
	put16(ppp_proto);
}

/* 198.18.@a.@b style addresses: @s and @d are the low 16 bits. */
static void ipv4(uint8_t proto, uint16_t s, uint16_t d)
{
	push(K_IPV4);
	put8(0x45);
	put8(0);
	put16(0);		/* total length */
	put16(ipid++);
	put16(0x4000);		/* DF */
	put8(64);
	put8(proto);
	put16(0);		/* checksum */
	put16(0xc612);		/* 198.18 */
	put16(s);
	put16(0xc612);
	put16(d);
}

static void ip6addr(uint16_t last)
{
	put32(0x20010db8);
	put32(0);
	put32(0);
	put32(last);
}

static struct layer *ipv6(uint8_t nh, uint16_t s, uint16_t d)
{
	struct layer *l = push(K_IPV6);

	put32(0x60000000);
	put16(0);		/* payload length */
	put8(nh);
	put8(64);
	ip6addr(s);
	l->fdst = flen;
	ip6addr(d);
	return l;
}

/* Hop-by-hop or destination options: 8 bytes, one PadN option. */
static void ip6opts(uint8_t nh)
{
	push(K_EXT);
	put8(nh);
	put8(0);
	put8(1);		/* PadN */
	put8(4);
	put32(0);
}

/* SRv6 routing header (RFC 8754) with @n segments, @left still to visit.
 * Segment list[0] is the final destination; the IPv6 dst field is the
 * active segment, list[@left]. */
static void srh(struct layer *ip6, uint8_t nh, int n, int left)
{
	int i;

	push(K_EXT);
	put8(nh);
	put8((uint8_t)(2 * n));
	put8(4);		/* routing type 4: segment routing */
	put8((uint8_t)left);
	put8((uint8_t)(n - 1));	/* last entry */
	put8(0);
	put16(0);		/* tag */
	for (i = 0; i < n; i++) {
		if (i == 0) {
			/* the final destination is the pseudo-header's */
			ip6->fdst = flen;
		}
		ip6addr((uint16_t)(0x100 + i));
		if (i == left)
			memcpy(&fr[ip6->off + 24], &fr[flen - 16], 16);
	}
}

static struct layer *tcp(uint16_t sp, uint16_t dp, uint32_t seq, uint32_t ack,
			 uint8_t flags)
{
	struct layer *l = push(K_TCP);

	put16(sp);
	put16(dp);
	put32(seq);
	put32(ack);
	put8(0x50);
	put8(flags);
	put16(64240);
	put16(0);
	put16(0);
	return l;
}

static struct layer *udp(uint16_t sp, uint16_t dp)
{
	struct layer *l = push(K_UDP);

	put16(sp);
	put16(dp);
	put16(0);
	put16(0);
	return l;
}

static struct layer *icmp_echo(enum kind k, uint16_t id, uint16_t seq)
{
	struct layer *l = push(k);

	put8(k == K_ICMP ? 8 : 128);	/* echo request */
	put8(0);
	put16(0);
	put16(id);
	put16(seq);
	return l;
}

static void payload(size_t n, uint8_t seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		put8((uint8_t)(seed + i * 7 + (i >> 8)));
}

static void text(const char *s)
{
	putn((const uint8_t *)s, strlen(s));
}

static struct layer *gre(uint16_t flags, uint16_t proto, uint32_t key,
			 uint32_t seq)
{
	struct layer *l = push(K_GRE);

	l->gre_csum = !!(flags & 0x8000);
	put16(flags);
	put16(proto);
	if (flags & 0x8000)
		put32(0);
	if (flags & 0x2000)
		put32(key);
	if (flags & 0x1000)
		put32(seq);
	return l;
}

static void vxlan(uint32_t vni)
{
	push(K_TUN);
	put32(0x08000000);
	put32(vni << 8);
}

/* GENEVE (RFC 8926) with one 4-byte option of the experimental class. */
static void geneve(uint32_t vni, uint16_t proto)
{
	push(K_TUN);
	put8(2);		/* version 0, option length 2 words */
	put8(0);
	put16(proto);
	put32(vni << 8);
	put16(0xffff);		/* option class: experimental */
	put8(0x01);		/* type */
	put8(1);		/* 1 word of data */
	put32(0xdeadbeef);
}

static void sctp_data(uint16_t sp, uint16_t dp, const char *msg)
{
	size_t n = strlen(msg);
	struct layer *l = push(K_SCTP);

	put16(sp);
	put16(dp);
	put32(0x0a0b0c0d);	/* verification tag */
	put32(0);		/* CRC32c */
	put8(0);		/* DATA */
	put8(3);		/* B+E */
	put16((uint16_t)(16 + n));
	put32(1);		/* TSN */
	put16(0);
	put16(0);
	put32(0);		/* PPID */
	text(msg);
	while ((flen - l->off) & 3)
		put8(0);	/* chunk padding */
}

static void arp_request(void)
{
	push(K_ARP);
	put16(1);
	put16(0x0800);
	put8(6);
	put8(4);
	put16(1);
	putn(mac_a, 6);
	put32(0xc6120001);
	putn((const uint8_t[6]){ 0 }, 6);
	put32(0xc6120002);
}

/* ---- finishing: lengths outer to inner, checksums inner to outer ---- */

static struct layer *ip_of(int i)
{
	while (--i >= 0)
		if (ly[i].kind == K_IPV4 || ly[i].kind == K_IPV6)
			return &ly[i];
	return NULL;
}

static uint32_t pseudo(const struct layer *l, int i, uint8_t proto, size_t n)
{
	const struct layer *ip = ip_of(i);
	uint32_t s = proto + (uint32_t)n;

	if (ip->kind == K_IPV4)
		return sum_be(&fr[ip->off + 12], 8, s);
	s += (uint32_t)(n >> 16);
	s = sum_be(&fr[ip->off + 8], 16, s);
	return sum_be(&fr[l->hdr_dst ? ip->off + 24 : ip->fdst], 16, s);
}

/* Computes the checksum at @field over [l->off, flen), stores it, and
 * spoils it if asked. */
static void l4sum(struct layer *l, int i, size_t field, uint8_t proto,
		  int ph)
{
	size_t n = flen - l->off;
	uint32_t s = ph ? pseudo(l, i, proto, n) : 0;
	uint16_t c;

	set16(field, 0);
	if (l->partial) {
		/* CHECKSUM_PARTIAL: ~csum_fold(pseudo), i.e. the pseudo
		 * header's folded sum, not complemented */
		set16(field, (uint16_t)~fold_not(s));
		return;
	}
	c = fold_not(sum_be(&fr[l->off], n, s));
	if (l->kind == K_UDP && c == 0)
		c = 0xffff;
	if (l->kind == K_UDP && l->zero)
		c = 0;
	if (l->bad)
		c ^= 0x5a5a;
	set16(field, c);
}

static void fill_lengths(void)
{
	int i;

	for (i = 0; i < nly; i++) {
		struct layer *l = &ly[i];
		size_t n = flen - l->off;

		switch (l->kind) {
		case K_PPPOE:
			set16(l->off + 4, (uint16_t)(n - 6));
			break;
		case K_IPV4:
			set16(l->off + 2, (uint16_t)n);
			break;
		case K_IPV6:
			set16(l->off + 4, (uint16_t)(n - 40));
			break;
		case K_UDP:
			set16(l->off + 4, (uint16_t)n);
			break;
		default:
			break;
		}
	}
}

static void fill_sums(void)
{
	int i;

	for (i = nly - 1; i >= 0; i--) {
		struct layer *l = &ly[i];
		size_t o = l->off;
		uint32_t c;

		switch (l->kind) {
		case K_IPV4:
			set16(o + 10, 0);
			c = fold_not(sum_be(&fr[o], 20, 0)) ^
			    (l->bad ? 0x1111u : 0u);
			set16(o + 10, (uint16_t)c);
			break;
		case K_TCP:
			l4sum(l, i, o + 16, 6, 1);
			break;
		case K_UDP:
			l4sum(l, i, o + 6, 17, 1);
			break;
		case K_ICMP:
			l4sum(l, i, o + 2, 1, 0);
			break;
		case K_ICMP6:
			l4sum(l, i, o + 2, 58, 1);
			break;
		case K_GRE:
			if (l->gre_csum)
				l4sum(l, i, o + 4, 47, 0);
			break;
		case K_SCTP:
			memset(&fr[o + 8], 0, 4);
			c = crc32c(&fr[o], flen - o) ^ (l->bad ? 1u : 0u);
			fr[o + 8] = (uint8_t)c;	/* stored little-endian */
			fr[o + 9] = (uint8_t)(c >> 8);
			fr[o + 10] = (uint8_t)(c >> 16);
			fr[o + 11] = (uint8_t)(c >> 24);
			break;
		default:
			break;
		}
	}
}

static void expect_line(void)
{
	const char *sep = "";
	int i;

	if (!exp_out)
		return;
	fprintf(exp_out, "{\"frame\":%u,\"checks\":[", nframes);
	for (i = 0; i < nly; i++) {
		const struct layer *l = &ly[i];
		const char *what = NULL, *v = l->bad || l->partial ||
					      l->hdr_dst ? "bad" : "ok";
		const struct layer *ip = ip_of(i);

		switch (l->kind) {
		case K_IPV4: what = "ipv4"; break;
		case K_TCP: what = "tcp"; break;
		case K_UDP:
			what = "udp";
			if (l->zero)
				v = ip->kind == K_IPV4 ? "none" : "bad";
			break;
		case K_ICMP: what = "icmp"; break;
		case K_ICMP6: what = "icmpv6"; break;
		case K_SCTP: what = "sctp"; break;
		case K_GRE: what = l->gre_csum ? "gre" : NULL; break;
		default: break;
		}
		if (!what)
			continue;
		fprintf(exp_out, "%s[\"%s\",\"%s\"%s]", sep, what, v,
			l->partial ? ",\"partial\"" : "");
		sep = ",";
	}
	fprintf(exp_out, "]}\n");
}

/* Pads to the Ethernet minimum after lengths are fixed, like a NIC does. */
static void finish_pad(size_t min, uint8_t pad)
{
	uint8_t rec[16];
	uint32_t ts_s, ts_us, n;
	int i;

	nframes++;
	fill_lengths();
	fill_sums();
	expect_line();
	while (flen < min)
		put8(pad);
	n = (uint32_t)flen;
	ts_s = 1767225600u + nframes / 1000u;	/* 2026-01-01 */
	ts_us = (nframes % 1000u) * 1000u;
	for (i = 0; i < 4; i++) {
		rec[i] = (uint8_t)(ts_s >> (8 * i));
		rec[4 + i] = (uint8_t)(ts_us >> (8 * i));
		rec[8 + i] = (uint8_t)(n >> (8 * i));
		rec[12 + i] = (uint8_t)(n >> (8 * i));
	}
	if (fwrite(rec, 16, 1, out) != 1 || fwrite(fr, flen, 1, out) != 1) {
		perror("ofl-gen: write");
		exit(1);
	}
}

static void finish(void)
{
	finish_pad(0, 0);
}

static void write_header(void)
{
	/* classic pcap, little-endian, microseconds, v2.4, snaplen 262144 */
	static const uint8_t h[24] = {
		0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0,
	};

	if (fwrite(h, sizeof(h), 1, out) != 1) {
		perror("ofl-gen: write");
		exit(1);
	}
}

/* ---- the sample traffic ---- */

static const char http_get[] =
	"GET / HTTP/1.1\r\nHost: example.test\r\n\r\n";

static void plain_frames(void)
{
	/* 1-2: right checksums; the UDP frame is padded to 60 bytes with
	 * non-zero bytes that no checksum covers */
	begin(); eth(0x0800); ipv4(6, 0x0001, 0x0002);
	tcp(40000, 80, 1000, 2000, 0x18); text(http_get); finish();
	begin(); eth(0x0800); ipv4(17, 0x0001, 0x0002);
	udp(40001, 5000); payload(4, 0x11); finish_pad(60, 0xee);

	/* 3-6: wrong IPv4 header, wrong TCP, wrong UDP, UDP without one */
	begin(); eth(0x0800); ipv4(6, 0x0001, 0x0002); ly[1].bad = 1;
	tcp(40000, 80, 1000, 2000, 0x18); text(http_get); finish();
	begin(); eth(0x0800); ipv4(6, 0x0001, 0x0002);
	tcp(40000, 80, 1000, 2000, 0x18)->bad = 1; text(http_get); finish();
	begin(); eth(0x0800); ipv4(17, 0x0001, 0x0002);
	udp(40001, 5000)->bad = 1; text("query"); finish();
	begin(); eth(0x0800); ipv4(17, 0x0001, 0x0002);
	udp(40001, 5000)->zero = 1; text("query"); finish();

	/* 7-8: ICMP echo, right and wrong */
	begin(); eth(0x0800); ipv4(1, 0x0001, 0x0002);
	icmp_echo(K_ICMP, 7, 1); payload(56, 0x20); finish();
	begin(); eth(0x0800); ipv4(1, 0x0001, 0x0002);
	icmp_echo(K_ICMP, 7, 2)->bad = 1; payload(56, 0x20); finish();

	/* 9-13: IPv6 TCP, UDP, UDP with 0 (invalid on IPv6), ICMPv6 */
	begin(); eth(0x86dd); ipv6(6, 1, 2);
	tcp(40002, 443, 5000, 6000, 0x18); payload(100, 0x30); finish();
	begin(); eth(0x86dd); ipv6(17, 1, 2);
	udp(40003, 5000); text("query"); finish();
	begin(); eth(0x86dd); ipv6(17, 1, 2);
	udp(40003, 5000)->zero = 1; text("query"); finish();
	begin(); eth(0x86dd); ipv6(58, 1, 2);
	icmp_echo(K_ICMP6, 9, 1); payload(56, 0x40); finish();
	begin(); eth(0x86dd); ipv6(58, 1, 2);
	icmp_echo(K_ICMP6, 9, 2)->bad = 1; payload(56, 0x40); finish();
}

static void ext_frames(void)
{
	struct layer *ip6;

	/* 14: hop-by-hop and destination options before TCP */
	begin(); eth(0x86dd); ipv6(0, 1, 2); ip6opts(60); ip6opts(6);
	tcp(40004, 80, 1, 1, 0x18); text(http_get); finish();
	/* 15: SRv6, 3 segments, 2 left: the pseudo header takes the final
	 * segment, not the dst field */
	begin(); eth(0x86dd); ip6 = ipv6(43, 1, 0); srh(ip6, 17, 3, 2);
	udp(40005, 5000); payload(32, 0x50); finish();
	/* 16: the same with the checksum a careless NIC computes from the
	 * dst field: wrong */
	begin(); eth(0x86dd); ip6 = ipv6(43, 1, 0); srh(ip6, 6, 3, 2);
	tcp(40006, 80, 1, 1, 0x18)->hdr_dst = 1; text(http_get); finish();
}

static void encap_frames(void)
{
	/* 17: 802.1Q; 18: QinQ (802.1ad outer) */
	begin(); eth(0x8100); vlan(100, 0x0800); ipv4(6, 0x0101, 0x0102);
	tcp(40010, 80, 1, 1, 0x18); text(http_get); finish();
	begin(); eth(0x88a8); vlan(200, 0x8100); vlan(100, 0x0800);
	ipv4(17, 0x0101, 0x0102); udp(40011, 5001); payload(40, 1);
	finish();
	/* 19: MPLS, two labels; 20: PPPoE session */
	begin(); eth(0x8847); mpls(1000, 0); mpls(2000, 1);
	ipv4(6, 0x0201, 0x0202); tcp(40012, 80, 1, 1, 0x18);
	text(http_get); finish();
	begin(); eth(0x8864); pppoe(0x0021); ipv4(6, 0x0301, 0x0302);
	tcp(40013, 80, 1, 1, 0x18); text(http_get); finish();

	/* 21: VXLAN over IPv4, outer UDP checksum 0 (as Linux sends) */
	begin(); eth(0x0800); ipv4(17, 0x0401, 0x0402);
	udp(50000, 4789)->zero = 1; vxlan(42); eth(0x0800);
	ipv4(6, 0x0a01, 0x0a02); tcp(40014, 80, 1, 1, 0x18);
	text(http_get); finish();
	/* 22: VXLAN over IPv6 with inner IPv6 (outer UDP checksum needed) */
	begin(); eth(0x86dd); ipv6(17, 0x401, 0x402); udp(50001, 4789);
	vxlan(43); eth(0x86dd); ipv6(6, 0xa01, 0xa02);
	tcp(40015, 80, 1, 1, 0x18); text(http_get); finish();
	/* 23: the inner TCP checksum is wrong, the outer UDP one right */
	begin(); eth(0x0800); ipv4(17, 0x0401, 0x0402); udp(50002, 4789);
	vxlan(42); eth(0x0800); ipv4(6, 0x0a01, 0x0a02);
	tcp(40016, 80, 1, 1, 0x18)->bad = 1; text(http_get); finish();
	/* 24: GENEVE with an option, outer UDP checksum present */
	begin(); eth(0x0800); ipv4(17, 0x0501, 0x0502); udp(50003, 6081);
	geneve(44, 0x6558); eth(0x0800); ipv4(6, 0x0a01, 0x0a02);
	tcp(40017, 80, 1, 1, 0x18); text(http_get); finish();
	/* 25: GRE with key and sequence; 26: GRE with checksum */
	begin(); eth(0x0800); ipv4(47, 0x0601, 0x0602);
	gre(0x3000, 0x0800, 0x1234, 1); ipv4(6, 0x0a01, 0x0a02);
	tcp(40018, 80, 1, 1, 0x18); text(http_get); finish();
	begin(); eth(0x0800); ipv4(47, 0x0601, 0x0602);
	gre(0x8000, 0x0800, 0, 0); ipv4(6, 0x0a01, 0x0a02);
	tcp(40019, 80, 1, 1, 0x18); text(http_get); finish();
	/* 27: IP-in-IP; 28: IPv6-in-IPv4 (6in4) */
	begin(); eth(0x0800); ipv4(4, 0x0701, 0x0702);
	ipv4(6, 0x0a01, 0x0a02); tcp(40020, 80, 1, 1, 0x18);
	text(http_get); finish();
	begin(); eth(0x0800); ipv4(41, 0x0701, 0x0702); ipv6(6, 0xa01, 0xa02);
	tcp(40021, 80, 1, 1, 0x18); text(http_get); finish();
	/* 29: SCTP DATA (CRC32c); 30: ARP (nothing to check) */
	begin(); eth(0x0800); ipv4(132, 0x0801, 0x0802);
	sctp_data(5000, 5001, "hello, sctp"); finish();
	begin(); eth(0x0806); arp_request(); finish_pad(60, 0);
}

static void tcp_flows(void)
{
	uint32_t seq = 100000;
	int i;

	/* 31-38: one TCP flow, 8 in-order full-size segments: what GRO
	 * merges into one */
	for (i = 0; i < 8; i++) {
		begin(); eth(0x0800); ipv4(6, 0x0901, 0x0902);
		tcp(40100, 5201, seq, 1, i == 7 ? 0x18 : 0x10);
		payload(1448, (uint8_t)i); finish();
		seq += 1448;
	}
	/* 39: a TCP super-frame of 20000 payload bytes as the stack hands it
	 * to a TSO device: the checksum field holds only the pseudo-header
	 * sum (CHECKSUM_PARTIAL); GSO turns it into MSS-sized segments */
	begin(); eth(0x0800); ipv4(6, 0x0901, 0x0902);
	tcp(40101, 5201, 1, 1, 0x18)->partial = 1; payload(20000, 0x77);
	finish();
	/* 40: the same over IPv6 */
	begin(); eth(0x86dd); ipv6(6, 0x901, 0x902);
	tcp(40102, 5201, 1, 1, 0x18)->partial = 1; payload(20000, 0x78);
	finish();
}

/* ofl-gen --flows: both directions of a few flows (what symmetric RSS is
 * about): each request is followed by its reply, addresses and ports
 * swapped. IPv4 TCP, IPv4 UDP, IPv6 TCP, IPv6 UDP, two flows each. */
static void both_ways(int v6, int udp_, uint16_t a, uint16_t b, uint16_t pa,
		      uint16_t pb)
{
	int dir;

	for (dir = 0; dir < 2; dir++) {
		uint16_t s = dir ? b : a, d = dir ? a : b;
		uint16_t sp = dir ? pb : pa, dp = dir ? pa : pb;

		begin();
		eth(v6 ? 0x86dd : 0x0800);
		if (v6)
			ipv6(udp_ ? 17 : 6, s, d);
		else
			ipv4(udp_ ? 17 : 6, s, d);
		if (udp_)
			udp(sp, dp);
		else
			tcp(sp, dp, 1000, 2000, 0x18);
		text(dir ? "reply" : "request");
		finish();
	}
}

static void flow_pairs(void)
{
	both_ways(0, 0, 0x0001, 0x0002, 40000, 80);
	both_ways(0, 0, 0x0103, 0x0204, 51515, 443);
	both_ways(0, 1, 0x0001, 0x0002, 40001, 53);
	both_ways(0, 1, 0x0305, 0x0406, 33333, 4500);
	both_ways(1, 0, 1, 2, 40002, 443);
	both_ways(1, 0, 0x11, 0x22, 50505, 22);
	both_ways(1, 1, 1, 2, 40003, 53);
	both_ways(1, 1, 0x33, 0x44, 44444, 5353);
}

int main(int argc, char **argv)
{
	int flows = argc == 3 && !strcmp(argv[1], "--flows");

	if (flows) {
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: ofl-gen OUT.pcap [EXPECT.jsonl]\n"
			"       ofl-gen --flows OUT.pcap   (8 flows, both "
			"directions)\n");
		return 2;
	}
	out = fopen(argv[1], "wb");
	if (!out) {
		perror(argv[1]);
		return 1;
	}
	if (argc == 3) {
		exp_out = fopen(argv[2], "w");
		if (!exp_out) {
			perror(argv[2]);
			return 1;
		}
	}
	write_header();
	if (flows) {
		flow_pairs();
		return fclose(out) ? 1 : 0;
	}
	plain_frames();
	ext_frames();
	encap_frames();
	tcp_flows();
	if (fclose(out) || (exp_out && fclose(exp_out))) {
		perror("ofl-gen: close");
		return 1;
	}
	return 0;
}
