// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_csum_layers_from_parse(): frames built here (plain IPv4/IPv6 TCP,
 * UDP, ICMP, ICMPv6; VLAN; IPv6 extension and routing headers; VXLAN,
 * GENEVE, GRE and IP-in-IP tunnels; Ethernet padding; fragments;
 * truncation and contradicting lengths) give the expected layer list, and
 * for every frame whose checksums are all right the list makes
 * ofl_csum_verify_complete() say GOOD for every layer from one whole-frame
 * sum, while flipping a covered byte makes exactly the layers covering it
 * BAD. Checksums are computed with the RFC 1071 byte model (model.h).
 */
#include "ofl_test.h"
#include <offload/csum.h>
#include <offload/gso.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include "model.h"

enum kind {
	K_ETH, K_VLAN, K_IP4, K_IP6, K_OPT, K_RT, K_FRAG, K_UDP, K_TCP,
	K_ICMP, K_ICMP6, K_VXLAN, K_GENEVE, K_GRE,
};

struct rec {
	enum kind kind;
	size_t off;
	size_t final;		/* K_RT: offset of the final destination */
};

static uint8_t fr[4096];
static size_t fl, dend;		/* frame length, end of the data */
static struct rec rc[32];
static int nrc;
static uint8_t addr_seq;

static void put16(size_t off, unsigned int v)
{
	fr[off] = (uint8_t)(v >> 8);
	fr[off + 1] = (uint8_t)v;
}

static size_t push(enum kind k, size_t len)
{
	size_t off = fl;

	rc[nrc].kind = k;
	rc[nrc].off = off;
	rc[nrc].final = 0;
	nrc++;
	memset(fr + off, 0, len);
	fl += len;
	return off;
}

static void reset(void)
{
	fl = 0;
	nrc = 0;
	addr_seq = 1;
	memset(fr, 0, sizeof(fr));
}

static void eth(unsigned int type)
{
	size_t o = push(K_ETH, 14);

	memcpy(fr + o, "\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01", 12);
	put16(o + 12, type);
}

static void vlan(unsigned int type)
{
	size_t o = push(K_VLAN, 4);

	put16(o, 100);
	put16(o + 2, type);
}

static void ip4(uint8_t proto)
{
	size_t o = push(K_IP4, 20);

	fr[o] = 0x45;
	fr[o + 8] = 64;
	fr[o + 9] = proto;
	memcpy(fr + o + 12, "\xc6\x12\x00", 3);	/* 198.18.0.x */
	fr[o + 15] = addr_seq++;
	memcpy(fr + o + 16, "\xc6\x13\x00", 3);	/* 198.19.0.x */
	fr[o + 19] = addr_seq++;
}

static void v6addr(size_t o)
{
	memcpy(fr + o, "\x20\x01\x0d\xb8", 4);	/* 2001:db8::x */
	fr[o + 15] = addr_seq++;
}

static void ip6(uint8_t nh)
{
	size_t o = push(K_IP6, 40);

	fr[o] = 0x60;
	fr[o + 6] = nh;
	fr[o + 7] = 64;
	v6addr(o + 8);
	v6addr(o + 24);
}

/* hop-by-hop or destination options: 8 bytes, one PadN */
static void opts(uint8_t nh)
{
	size_t o = push(K_OPT, 8);

	fr[o] = nh;
	fr[o + 2] = 1;
	fr[o + 3] = 4;
}

/* routing header of @type with @naddr addresses and Segments Left @left */
static void rt(uint8_t nh, uint8_t type, int naddr, uint8_t left)
{
	size_t o = push(K_RT, 8 + 16 * (size_t)naddr);
	int i;

	fr[o] = nh;
	fr[o + 1] = (uint8_t)(2 * naddr);
	fr[o + 2] = type;
	fr[o + 3] = left;
	if (type == 4)
		fr[o + 4] = (uint8_t)(naddr - 1);	/* Last Entry */
	for (i = 0; i < naddr; i++)
		v6addr(o + 8 + 16 * (size_t)i);
	/* type 0: the last address; 2 and 4: the first (SRH list[0]) */
	if (left)
		rc[nrc - 1].final = type == 0 ? o + 8 + 16 * (size_t)(naddr - 1)
					      : o + 8;
}

static void frag(uint8_t nh, unsigned int off8, int more)
{
	size_t o = push(K_FRAG, 8);

	fr[o] = nh;
	put16(o + 2, off8 << 3 | (more ? 1 : 0));
	fr[o + 7] = 0x42;
}

static void udp(unsigned int dport)
{
	size_t o = push(K_UDP, 8);

	put16(o, 40000 + (unsigned int)nrc);
	put16(o + 2, dport);
}

static void tcp(void)
{
	size_t o = push(K_TCP, 20);

	put16(o, 12345);
	put16(o + 2, 80);
	fr[o + 7] = 1;
	fr[o + 12] = 5 << 4;
	fr[o + 13] = 0x10;
	put16(o + 14, 512);
}

static void icmp(int v6)
{
	size_t o = push(v6 ? K_ICMP6 : K_ICMP, 8);

	fr[o] = v6 ? 128 : 8;
	put16(o + 4, 7);
}

static void vxlan(void)
{
	size_t o = push(K_VXLAN, 8);

	fr[o] = 0x08;
	fr[o + 6] = 5;
}

static void geneve(void)
{
	size_t o = push(K_GENEVE, 16);

	fr[o] = 2;		/* 8 bytes of options */
	put16(o + 2, 0x6558);
	fr[o + 6] = 9;
	put16(o + 8, 0x0101);	/* option class, type 1, length 1 */
	fr[o + 10] = 0x01;
	fr[o + 11] = 1;
}

static void gre(unsigned int type, int csum)
{
	size_t o = push(K_GRE, csum ? 8 : 4);

	fr[o] = csum ? 0x80 : 0;
	put16(o + 2, type);
}

/* The index of the last IP header record before record @i. */
static int ip_of(int i)
{
	while (--i >= 0)
		if (rc[i].kind == K_IP4 || rc[i].kind == K_IP6)
			return i;
	return -1;
}

/* Pseudo-header destination of the L4 at record @i. */
static size_t daddr_of(int i)
{
	int ip = ip_of(i), k;
	size_t d = rc[ip].off + (rc[ip].kind == K_IP4 ? 16 : 24);

	for (k = ip + 1; k < i; k++)
		if (rc[k].kind == K_RT && rc[k].final)
			d = rc[k].final;
	return d;
}

static uint8_t l4proto(enum kind k)
{
	return k == K_TCP ? 6 : k == K_UDP ? 17 : k == K_ICMP ? 1 : 58;
}

static size_t l4field(enum kind k)
{
	return k == K_TCP ? 16 : k == K_UDP ? 6 : 2;
}

static int is_l4(enum kind k)
{
	return k == K_TCP || k == K_UDP || k == K_ICMP || k == K_ICMP6;
}

/* Checksum of the L4 at record @i over [off, dend), stored. */
static void l4sum(int i)
{
	uint8_t ps[40];
	size_t off = rc[i].off, len = dend - off, pl = 0;
	int ip = ip_of(i);
	uint16_t c;

	memset(ps, 0, sizeof(ps));
	if (rc[i].kind == K_ICMP) {
		pl = 0;
	} else if (rc[ip].kind == K_IP4) {
		memcpy(ps, fr + rc[ip].off + 12, 4);
		memcpy(ps + 4, fr + daddr_of(i), 4);
		ps[9] = l4proto(rc[i].kind);
		ps[10] = (uint8_t)(len >> 8);
		ps[11] = (uint8_t)len;
		pl = 12;
	} else {
		memcpy(ps, fr + rc[ip].off + 8, 16);
		memcpy(ps + 16, fr + daddr_of(i), 16);
		ps[34] = (uint8_t)(len >> 8);
		ps[35] = (uint8_t)len;
		ps[39] = l4proto(rc[i].kind);
		pl = 40;
	}
	put16(off + l4field(rc[i].kind), 0);
	c = (uint16_t)~model_sum_at(fr + off, len, 0,
				    model_sum_at(ps, pl, 0, 0));
	if (rc[i].kind == K_UDP && c == 0)
		c = 0xffff;
	put16(off + l4field(rc[i].kind), c);
}

/* Payload of @n bytes, then lengths and checksums from the inside out,
 * then zero padding up to @minlen (Ethernet's 60). */
static void finish(size_t n, size_t minlen)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		fr[fl + i] = (uint8_t)(0x30 + i * 7);
	fl += n;
	dend = fl;
	for (k = 0; k < nrc; k++) {
		size_t o = rc[k].off;

		if (rc[k].kind == K_IP4)
			put16(o + 2, (unsigned int)(dend - o));
		else if (rc[k].kind == K_IP6)
			put16(o + 4, (unsigned int)(dend - o - 40));
		else if (rc[k].kind == K_UDP)
			put16(o + 4, (unsigned int)(dend - o));
	}
	for (k = nrc - 1; k >= 0; k--) {
		size_t o = rc[k].off;

		if (is_l4(rc[k].kind)) {
			l4sum(k);
		} else if (rc[k].kind == K_GRE && (fr[o] & 0x80)) {
			put16(o + 4, 0);
			put16(o + 4, (unsigned int)(uint16_t)~model_sum(
					     fr + o, dend - o));
		} else if (rc[k].kind == K_IP4) {
			put16(o + 10, 0);
			put16(o + 10, (unsigned int)(uint16_t)~model_sum(
					      fr + o, 20));
		}
	}
	while (fl < minlen)
		fr[fl++] = 0;
}

static struct ofl_parse_result pres;

static int layers(size_t len, struct ofl_csum_layers *ly)
{
	ofl_parse(fr, fr + len, OFL_PROTO_ETH, &pres, sizeof(pres));
	return ofl_csum_layers_from_parse(&pres, sizeof(pres), fr, fr + len,
					  ly, sizeof(*ly));
}

/* The list must be the L4 records @want[0..n) of the frame, as built. */
static void expect(const struct ofl_csum_layers *ly, const int *want, int n)
{
	int i;

	assert_int_equal(ly->n, n);
	for (i = 0; i < n; i++) {
		const struct ofl_csum_layer *l = &ly->l[i];
		int r = want[i], ip = ip_of(r);
		int v4 = rc[ip].kind == K_IP4;

		assert_true(is_l4(rc[r].kind));
		assert_int_equal(l->l4_off, rc[r].off);
		assert_int_equal(l->l4_len, dend - rc[r].off);
		assert_int_equal(l->family, v4 ? 4 : 6);
		assert_int_equal(l->proto, l4proto(rc[r].kind));
		assert_int_equal(l->saddr_off, rc[ip].off + (v4 ? 12 : 8));
		assert_int_equal(l->daddr_off, daddr_of(r));
		assert_int_equal(l->flags, 0);
		assert_int_equal(l->reserved, 0);
	}
}

/* Every L4 record of the frame, in order. */
static int all_l4(int *want)
{
	int k, n = 0;

	for (k = 0; k < nrc; k++)
		if (is_l4(rc[k].kind))
			want[n++] = k;
	return n;
}

static int verify(const struct ofl_csum_layers *ly, uint8_t *res)
{
	struct ofl_csum_state st;

	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	st.csum_start = 14;
	st.csum = ofl_csum_partial(fr + 14, fl - 14, 0);
	return ofl_csum_verify_complete(fr, fr + fl, &st, ly, res);
}

/* Flip the byte at @pos: exactly the layers covering it go BAD. */
static void flip_check(const struct ofl_csum_layers *ly, size_t pos)
{
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	int i, any = 0, r;

	fr[pos] ^= 0xff;
	r = verify(ly, res);
	for (i = 0; i < ly->n; i++) {
		int cov = pos >= ly->l[i].l4_off &&
			  pos < (size_t)ly->l[i].l4_off + ly->l[i].l4_len;

		any |= cov;
		assert_int_equal(res[i], cov ? OFL_CSUM_BAD : OFL_CSUM_GOOD);
	}
	assert_int_equal(r, any ? OFL_ECSUM : 0);
	fr[pos] ^= 0xff;
}

/* The built frame lists every L4 record, all GOOD, flips as covered. */
static void check_all(void)
{
	struct ofl_csum_layers ly;
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	int want[8], n = all_l4(want), i;
	size_t p;

	assert_int_equal(layers(fl, &ly), 0);
	expect(&ly, want, n);
	assert_int_equal(verify(&ly, res), 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(res[i], OFL_CSUM_GOOD);
		flip_check(&ly, rc[want[i]].off);	/* its first byte */
		flip_check(&ly, rc[want[i]].off + 5);
	}
	/* the payload and the padding, every byte */
	for (p = rc[nrc - 1].off + 4; p < fl; p++)
		flip_check(&ly, p);
}

static void plain(void **state)
{
	(void)state;
	reset(); eth(0x0800); ip4(6); tcp(); finish(33, 60); check_all();
	reset(); eth(0x0800); ip4(17); udp(53); finish(20, 60); check_all();
	reset(); eth(0x0800); ip4(1); icmp(0); finish(17, 60); check_all();
	reset(); eth(0x86dd); ip6(6); tcp(); finish(100, 60); check_all();
	reset(); eth(0x86dd); ip6(17); udp(53); finish(1, 60); check_all();
	reset(); eth(0x86dd); ip6(58); icmp(1); finish(31, 60); check_all();
	/* no payload at all */
	reset(); eth(0x86dd); ip6(17); udp(53); finish(0, 60); check_all();
}

static void vlans(void **state)
{
	(void)state;
	reset(); eth(0x8100); vlan(0x0800); ip4(17); udp(53); finish(9, 60);
	check_all();
	reset(); eth(0x88a8); vlan(0x8100); vlan(0x86dd); ip6(6); tcp();
	finish(64, 60);
	check_all();
}

static void ext_headers(void **state)
{
	(void)state;
	/* hop-by-hop, dst opts, routing type 0 (2 addresses, 1 left), dst */
	reset(); eth(0x86dd); ip6(0); opts(60); opts(43); rt(60, 0, 2, 1);
	opts(6); tcp(); finish(40, 60);
	assert_int_not_equal(daddr_of(nrc - 1), rc[1].off + 24);
	check_all();
	/* SRv6: 3 segments, 2 left: segment list[0] is final */
	reset(); eth(0x86dd); ip6(43); rt(17, 4, 3, 2); udp(53);
	finish(25, 60);
	check_all();
	/* Mobile IPv6 type 2 */
	reset(); eth(0x86dd); ip6(43); rt(58, 2, 1, 1); icmp(1);
	finish(8, 60);
	check_all();
	/* segments left 0: the header's own destination */
	reset(); eth(0x86dd); ip6(43); rt(6, 4, 2, 0); tcp(); finish(8, 60);
	assert_int_equal(daddr_of(nrc - 1), rc[1].off + 24);
	check_all();
	/* an atomic fragment (offset 0, no M) is not a fragment */
	reset(); eth(0x86dd); ip6(44); frag(17, 0, 0); udp(53);
	finish(12, 60);
	check_all();
}

static void tunnels(void **state)
{
	(void)state;
	/* VXLAN: outer UDP/IPv4 and inner TCP/IPv6 */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x86dd);
	ip6(6); tcp(); finish(77, 60);
	check_all();
	/* GENEVE with an option: outer UDP/IPv6, inner UDP/IPv4 */
	reset(); eth(0x86dd); ip6(17); udp(6081); geneve(); eth(0x0800);
	ip4(17); udp(53); finish(30, 60);
	check_all();
	/* GRE with a checksum (not listed) around TCP/IPv4 */
	reset(); eth(0x0800); ip4(47); gre(0x0800, 1); ip4(6); tcp();
	finish(10, 60);
	check_all();
	/* GRE without, around ICMPv6 */
	reset(); eth(0x86dd); ip6(47); gre(0x86dd, 0); ip6(58); icmp(1);
	finish(10, 60);
	check_all();
	/* IP in IP, 6 in 4, 4 in 6 */
	reset(); eth(0x0800); ip4(4); ip4(17); udp(53); finish(3, 60);
	check_all();
	reset(); eth(0x0800); ip4(41); ip6(6); tcp(); finish(3, 60);
	check_all();
	reset(); eth(0x86dd); ip6(4); ip4(1); icmp(0); finish(3, 60);
	check_all();
	/* VXLAN in VXLAN with an SRv6 inner: four checksums */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x86dd);
	ip6(17); udp(4789); vxlan(); eth(0x86dd); ip6(43); rt(6, 4, 2, 1);
	tcp(); finish(50, 60);
	check_all();
}

static void padding(void **state)
{
	struct ofl_csum_layers ly;

	(void)state;
	/* 14 + 20 + 8 + 2 = 44 bytes of data, 16 of Ethernet padding */
	reset(); eth(0x0800); ip4(17); udp(53); finish(2, 60);
	assert_int_equal(fl, 60);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 1);
	assert_int_equal(ly.l[0].l4_len, 10);
	check_all();
	/* a UDP length below the IP payload: the UDP length counts
	 * (__udp4_lib_rcv trims to it), the rest is not covered */
	reset(); eth(0x0800); ip4(17); udp(53); finish(12, 60);
	put16(rc[2].off + 4, 8 + 4);
	dend = rc[2].off + 12;
	l4sum(2);
	check_all();
	/* padding inside a tunnel: the inner IPv4 is shorter than the
	 * outer UDP */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x0800);
	ip4(6); tcp(); finish(20, 0);
	fl += 6;			/* 6 trailer bytes inside the outer */
	memset(fr + fl - 6, 0xee, 6);
	put16(rc[0 + 1].off + 2, (unsigned int)(fl - rc[1].off));
	put16(rc[2].off + 4, (unsigned int)(fl - rc[2].off));
	put16(rc[1].off + 10, 0);
	put16(rc[1].off + 10, (unsigned int)(uint16_t)~model_sum(
				     fr + rc[1].off, 20));
	{
		size_t keep = dend;

		dend = fl;
		l4sum(2);
		dend = keep;
	}
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 2);
	assert_int_equal(ly.l[0].l4_len, fl - rc[2].off);
	assert_int_equal(ly.l[1].l4_len, dend - rc[6].off);
	{
		uint8_t res[OFL_CSUM_MAX_LAYERS];
		size_t p;

		assert_int_equal(verify(&ly, res), 0);
		for (p = rc[6].off; p < fl; p++)
			flip_check(&ly, p);
	}
}

static void truncated(void **state)
{
	struct ofl_csum_layers ly;

	(void)state;
	/* cut in the payload: the checksum cannot be listed */
	reset(); eth(0x0800); ip4(6); tcp(); finish(100, 60);
	assert_int_equal(layers(fl - 1, &ly), OFL_ENODATA);
	assert_int_equal(ly.n, 0);
	/* cut in the TCP header: the parse stopped there */
	assert_int_equal(layers(14 + 20 + 10, &ly), OFL_ENODATA);
	assert_int_equal(ly.n, 0);
	/* cut right after the IP header */
	assert_int_equal(layers(14 + 20, &ly), OFL_ENODATA);
	assert_int_equal(ly.n, 0);
}

static void contradicting(void **state)
{
	struct ofl_csum_layers ly;

	(void)state;
	/* inner IPv4 longer than the outer UDP around it: outer kept */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x0800);
	ip4(6); tcp(); finish(20, 60);
	put16(rc[5].off + 2, (unsigned int)(dend - rc[5].off + 1));
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	assert_int_equal(ly.n, 1);
	assert_int_equal(ly.l[0].l4_off, rc[2].off);
	/* UDP length past the IP payload, and below 8 */
	reset(); eth(0x0800); ip4(17); udp(53); finish(20, 80);
	put16(rc[2].off + 4, 29);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	put16(rc[2].off + 4, 7);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	/* a zero UDP length is "the rest" over IPv6 only */
	put16(rc[2].off + 4, 0);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	reset(); eth(0x86dd); ip6(17); udp(53); finish(20, 80);
	put16(rc[2].off + 4, 0);
	l4sum(2);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.l[0].l4_len, 28);
	/* IPv4 total length below the header, and below its L4 header */
	reset(); eth(0x0800); ip4(6); tcp(); finish(20, 60);
	put16(rc[1].off + 2, 19);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	put16(rc[1].off + 2, 30);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	/* IPv6 payload length 0 without a jumbo option */
	reset(); eth(0x86dd); ip6(6); tcp(); finish(20, 60);
	put16(rc[1].off + 4, 0);
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	/* an IPv6 datagram longer than the frame: cut short */
	put16(rc[1].off + 4, 1000);
	assert_int_equal(layers(fl, &ly), OFL_ENODATA);
	/* a type 0 routing header with an odd length, segments left */
	reset(); eth(0x86dd); ip6(43); rt(6, 0, 1, 1); tcp(); finish(4, 60);
	fr[rc[2].off + 3] = 2;		/* more left than addresses */
	assert_int_equal(layers(fl, &ly), OFL_EBADMSG);
	fr[rc[2].off + 2] = 7;		/* unknown type, segments left */
	assert_int_equal(layers(fl, &ly), OFL_EPROTONOSUPPORT);
}

static void fragments(void **state)
{
	struct ofl_csum_layers ly;

	(void)state;
	/* IPv4 first fragment (MF): no entry, no error */
	reset(); eth(0x0800); ip4(17); udp(53); finish(20, 60);
	put16(rc[1].off + 6, 0x2000);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 0);
	/* a later one */
	put16(rc[1].off + 6, 0x0010);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 0);
	/* IPv6 first and later fragments */
	reset(); eth(0x86dd); ip6(44); frag(6, 0, 1); tcp(); finish(20, 60);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 0);
	reset(); eth(0x86dd); ip6(44); frag(6, 3, 0); tcp(); finish(20, 60);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 0);
	/* a fragment inside a tunnel: the outer checksum only */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x0800);
	ip4(17); udp(53); finish(20, 60);
	put16(rc[5].off + 6, 0x2000);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 1);
	assert_int_equal(ly.l[0].l4_off, rc[2].off);
}

static void other_pairs(void **state)
{
	struct ofl_csum_layers ly;
	uint8_t res[OFL_CSUM_MAX_LAYERS];

	(void)state;
	/* ICMP (1) over IPv6: Linux has no handler, nothing listed */
	reset(); eth(0x86dd); ip6(1); icmp(0); finish(8, 60);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 0);
	/* a zero UDP checksum over IPv6 inside a tunnel: flags stay 0 (a
	 * socket's choice, not the frame's), so it is BAD until the caller
	 * sets OFL_CSUM_L_UDP6_ZERO_OK */
	reset(); eth(0x0800); ip4(17); udp(4789); vxlan(); eth(0x86dd);
	ip6(17); udp(53); finish(20, 60);
	put16(rc[6].off + 6, 0);
	l4sum(2);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ly.n, 2);
	assert_int_equal(ly.l[1].flags, 0);
	assert_int_equal(verify(&ly, res), OFL_ECSUM);
	assert_int_equal(res[0], OFL_CSUM_GOOD);
	assert_int_equal(res[1], OFL_CSUM_BAD);
	ly.l[1].flags = OFL_CSUM_L_UDP6_ZERO_OK;
	assert_int_equal(verify(&ly, res), 0);
	assert_int_equal(res[1], OFL_CSUM_NONE);
}

/* More checksums than OFL_CSUM_MAX_LAYERS cannot come from ofl_parse()
 * with its default bounds (OFL_MAX_ENCAP 3: four IP levels, four L4
 * headers), so the result is written by hand: UDP in IPv4, five times. */
static void too_many(void **state)
{
	struct ofl_csum_layers ly;
	int i;

	(void)state;
	reset(); eth(0x0800);
	for (i = 0; i < OFL_CSUM_MAX_LAYERS + 1; i++) {
		ip4(17);
		udp(9);
	}
	finish(4, 60);
	memset(&pres, 0, sizeof(pres));
	pres.mask = OFL_PARSE_MASK_ALL;	/* as ofl_parse() leaves it */
	pres.nlayers = (uint8_t)nrc;
	for (i = 0; i < nrc; i++) {
		pres.layers[i].proto = rc[i].kind == K_ETH ? OFL_PROTO_ETH :
				       rc[i].kind == K_IP4 ? OFL_PROTO_IPV4 :
							     OFL_PROTO_UDP;
		pres.layers[i].encap = (uint8_t)((i - 1) / 2);
		pres.layers[i].offset = (uint16_t)rc[i].off;
		pres.layers[i].len = (uint16_t)(rc[i].kind == K_ETH ? 14 :
						rc[i].kind == K_IP4 ? 20 : 8);
	}
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres), fr,
						    fr + fl, &ly, sizeof(ly)),
			 OFL_E2BIG);
	assert_int_equal(ly.n, OFL_CSUM_MAX_LAYERS);
	assert_int_equal(ly.l[OFL_CSUM_MAX_LAYERS - 1].l4_off,
			 rc[2 * OFL_CSUM_MAX_LAYERS].off);
}

/* The glue from a parse (csum layers, GSO metadata, RSS flow) refuses a
 * result of a request level (ofl_parse_mask()) without what it reads,
 * instead of working from zeroed fields. */
static void mask_levels(void **state)
{
	static const unsigned int lvl[] = { OFL_PARSE_MASK_OFFSETS,
		OFL_PARSE_MASK_FLOW, OFL_PARSE_MASK_LAYERS, OFL_PARSE_MASK_ALL };
	struct ofl_csum_layers ly;
	struct ofl_gso_meta m;
	struct ofl_rss_flow f;
	unsigned int i;

	(void)state;
	reset(); eth(0x0800); ip4(6); tcp(); finish(20, 60);
	for (i = 0; i < OFL_ARRAY_SIZE(lvl); i++) {
		int has_flow = (lvl[i] & OFL_PARSE_REQ_FLOW) != 0;
		int has_layers = (lvl[i] & OFL_PARSE_REQ_LAYERS) != 0;

		assert_true(ofl_parse_mask(fr, fr + fl, OFL_PROTO_ETH, lvl[i],
					   &pres, sizeof(pres)) >= 0);
		assert_int_equal(pres.mask, lvl[i]);
		assert_int_equal(ofl_rss_flow_from_parse(&pres, sizeof(pres),
							 fr, fr + fl,
							 OFL_RSS_LEVEL_OUTER,
							 &f),
				 has_flow ? 0 : OFL_EINVAL);
		assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres),
							    fr, fr + fl, &ly,
							    sizeof(ly)),
				 has_layers ? 0 : OFL_EINVAL);
		assert_int_equal(ofl_gso_meta_from_parse(&pres, sizeof(pres),
							 fr, fl, 1000, &m),
				 has_layers ? 0 : OFL_EINVAL);
	}
}

static void bad_args(void **state)
{
	struct ofl_csum_layers ly;

	(void)state;
	reset(); eth(0x0800); ip4(6); tcp(); finish(20, 60);
	assert_int_equal(layers(fl, &ly), 0);
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres) - 8,
						    fr, fr + fl, &ly,
						    sizeof(ly)),
			 OFL_EINVAL);
	assert_int_equal(ofl_csum_layers_from_parse(NULL, sizeof(pres), fr,
						    fr + fl, &ly, sizeof(ly)),
			 OFL_EINVAL);
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres), fr,
						    fr + fl, NULL, sizeof(ly)),
			 OFL_EINVAL);
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres),
						    fr + 1, fr, &ly,
						    sizeof(ly)),
			 OFL_EINVAL);
	/* a caller built with another OFL_CSUM_MAX_LAYERS: untouched */
	memset(&ly, 0x5a, sizeof(ly));
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres), fr,
						    fr + fl, &ly,
						    sizeof(ly) - 12),
			 OFL_EINVAL);
	assert_int_equal(ly.n, 0x5a);
	assert_int_equal(ly.l[OFL_CSUM_MAX_LAYERS - 1].reserved, 0x5a);
	/* a result whose layers lie past this (shorter) frame */
	assert_int_equal(ofl_csum_layers_from_parse(&pres, sizeof(pres), fr,
						    fr + 40, &ly, sizeof(ly)),
			 OFL_EINVAL);
	assert_int_equal(ly.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain),
		cmocka_unit_test(vlans),
		cmocka_unit_test(ext_headers),
		cmocka_unit_test(tunnels),
		cmocka_unit_test(padding),
		cmocka_unit_test(truncated),
		cmocka_unit_test(contradicting),
		cmocka_unit_test(fragments),
		cmocka_unit_test(other_pairs),
		cmocka_unit_test(too_many),
		cmocka_unit_test(mask_levels),
		cmocka_unit_test(bad_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
