// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Writes a pcap of frames built from Microsoft's RSS verification vectors
 * (plain, UDP, fragments, VLAN, IPv6 extension headers, VXLAN, non-IP) and
 * prints, one line per frame, the hashes `ofl rss` must report with the
 * default options, with --inner and with --ex (Microsoft key).
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <offload/rss.h>

static FILE *out;
static uint8_t fr[256];
static size_t n;
/* where length fields go, fixed up by frame(): IP headers, a UDP header */
static size_t ipat[2], nip, udpat;
static int ipv[2];

static void put(const void *p, size_t len)
{
	memcpy(fr + n, p, len);
	n += len;
}

static void put16(unsigned int v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(b, 2);
}

static void eth_hdr(unsigned int type, int vlan)
{
	static const uint8_t mac[12] = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2 };

	put(mac, 12);
	if (vlan) {
		put16(0x8100);
		put16(42);
	}
	put16(type);
}

static void eth(unsigned int type, int vlan)
{
	n = 0;
	eth_hdr(type, vlan);
}

/* the reference hash of a hand-built input: addresses and ports */
static uint32_t ref(const uint8_t *s, const uint8_t *d, size_t alen,
		    unsigned int sp, unsigned int dp)
{
	uint8_t key[40], in[36];

	ofl_rss_key_microsoft(key);
	memcpy(in, s, alen);
	memcpy(in + alen, d, alen);
	in[2 * alen] = (uint8_t)(sp >> 8);
	in[2 * alen + 1] = (uint8_t)sp;
	in[2 * alen + 2] = (uint8_t)(dp >> 8);
	in[2 * alen + 3] = (uint8_t)dp;
	return ofl_rss_toeplitz(key, 40, in, 2 * alen + 4);
}

static void ip4(const uint8_t *s, const uint8_t *d, int proto, int fragoff)
{
	uint8_t h[20] = { 0x45, 0, 0, 40, 0, 1 };

	ipat[nip] = n;
	ipv[nip++] = 4;

	h[6] = (uint8_t)(fragoff >> 8);
	h[7] = (uint8_t)fragoff;
	h[8] = 64;
	h[9] = (uint8_t)proto;
	memcpy(h + 12, s, 4);
	memcpy(h + 16, d, 4);
	put(h, 20);
}

static void ip6(const uint8_t *s, const uint8_t *d, int nh)
{
	uint8_t h[40] = { 0x60 };

	ipat[nip] = n;
	ipv[nip++] = 6;

	h[5] = 20;
	h[6] = (uint8_t)nh;
	h[7] = 64;
	memcpy(h + 8, s, 16);
	memcpy(h + 24, d, 16);
	put(h, 40);
}

static void ports(unsigned int sp, unsigned int dp)
{
	if (fr[n - 1] == 17 || (nip && ipv[nip - 1] == 4 &&
				fr[ipat[nip - 1] + 9] == 17))
		udpat = n;
	put16(sp);
	put16(dp);
	put16(0);
	put16(0);
	put16(0);
	put16(0);
	put16(0x5000);
	put16(0);
	put16(0);
	put16(0);
}

static void frame(uint32_t h, uint32_t hinner, uint32_t hex)
{
	uint32_t rec[4] = { 0, 0, (uint32_t)n, (uint32_t)n };
	size_t i;

	for (i = 0; i < nip; i++) {
		size_t l = n - ipat[i] - (ipv[i] == 6 ? 40 : 0);

		fr[ipat[i] + (ipv[i] == 6 ? 4 : 2)] = (uint8_t)(l >> 8);
		fr[ipat[i] + (ipv[i] == 6 ? 5 : 3)] = (uint8_t)l;
	}
	if (udpat) {
		fr[udpat + 4] = (uint8_t)((n - udpat) >> 8);
		fr[udpat + 5] = (uint8_t)(n - udpat);
	}
	nip = 0;
	udpat = 0;

	fwrite(rec, 4, 4, out);
	fwrite(fr, 1, n, out);
	printf("0x%08x 0x%08x 0x%08x\n", h, hinner, hex);
}

static const uint8_t v4s[5][4] = { { 66, 9, 149, 187 }, { 199, 92, 111, 2 },
	{ 24, 19, 198, 95 }, { 38, 27, 205, 30 }, { 153, 39, 163, 191 } };
static const uint8_t v4d[5][4] = { { 161, 142, 100, 80 }, { 65, 69, 140, 83 },
	{ 12, 22, 207, 184 }, { 209, 142, 163, 6 }, { 202, 188, 127, 2 } };
static const unsigned int v4sp[5] = { 2794, 14230, 12898, 48228, 44251 };
static const unsigned int v4dp[5] = { 1766, 4739, 38024, 2217, 1303 };
static const uint32_t v4l3[5] = { 0x323e8fc2, 0xd718262a, 0xd2d0a5de,
				  0x82989176, 0x5d1809c5 };
static const uint32_t v4l4[5] = { 0x51ccc178, 0xc626b0ea, 0x5c2b394a,
				  0xafc7327f, 0x10e828a2 };
static const uint8_t v6s[3][16] = {
	{ 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0, 0, 0, 0,
	  7 },
	{ 0x3f, 0xfe, 0x05, 0x01, 0x00, 0x08, 0, 0, 0x02, 0x60, 0x97, 0xff,
	  0xfe, 0x40, 0xef, 0xab },
	{ 0x3f, 0xfe, 0x19, 0x00, 0x45, 0x45, 0x00, 0x03, 0x02, 0x00, 0xf8,
	  0xff, 0xfe, 0x21, 0x67, 0xcf } };
static const uint8_t v6d[3][16] = {
	{ 0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0,
	  1 },
	{ 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 },
	{ 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0xf8, 0xff, 0xfe, 0x21,
	  0x67, 0xcf } };
static const unsigned int v6sp[3] = { 2794, 14230, 44251 };
static const unsigned int v6dp[3] = { 1766, 4739, 38024 };
static const uint32_t v6l3[3] = { 0x2cc18cd5, 0x0f0c461c, 0x4b61e985 };
static const uint32_t v6l4[3] = { 0x40207d3d, 0xdde51bbf, 0x02d1feef };

int main(int argc, char **argv)
{
	static const uint32_t gh[6] = { 0xa1b2c3d4, 0x00040002, 0, 0, 65535,
					1 };
	int i;

	if (argc != 2 || !(out = fopen(argv[1], "wb")))
		return 2;
	fwrite(gh, 4, 6, out);
	for (i = 0; i < 5; i++) { /* IPv4 TCP */
		eth(0x0800, 0);
		ip4(v4s[i], v4d[i], 6, 0);
		ports(v4sp[i], v4dp[i]);
		frame(v4l4[i], v4l4[i], v4l4[i]);
	}
	for (i = 0; i < 3; i++) { /* IPv6 TCP */
		eth(0x86dd, 0);
		ip6(v6s[i], v6d[i], 6);
		ports(v6sp[i], v6dp[i]);
		frame(v6l4[i], v6l4[i], v6l4[i]);
	}
	/* IPv4 UDP, VLAN tagged */
	eth(0x0800, 1);
	ip4(v4s[1], v4d[1], 17, 0);
	ports(v4sp[1], v4dp[1]);
	frame(v4l4[1], v4l4[1], v4l4[1]);
	/* IPv4 non-first fragment: L3 only */
	eth(0x0800, 0);
	ip4(v4s[3], v4d[3], 6, 185);
	ports(v4sp[3], v4dp[3]);
	frame(v4l3[3], v4l3[3], v4l3[3]);
	/* IPv4 first fragment (MF set, offset 0): ports are there */
	eth(0x0800, 0);
	ip4(v4s[4], v4d[4], 6, 0x2000);
	ports(v4sp[4], v4dp[4]);
	frame(v4l4[4], v4l4[4], v4l4[4]);
	/* IPv6 non-first fragment */
	eth(0x86dd, 0);
	ip6(v6s[2], v6d[2], 44);
	put16(6 << 8);
	put16(0x0100); /* offset 32 */
	put16(0);
	put16(1);
	ports(v6sp[2], v6dp[2]);
	frame(v6l3[2], v6l3[2], v6l3[2]);
	/* IPv6 v6[0] addresses, hop-by-hop, destination options with a home
	 * address (v6s[1]), routing header type 2 (v6d[1]), TCP: plain types
	 * hash v6[0], the _EX types hash the flow between v6s[1] and v6d[1] */
	eth(0x86dd, 0);
	ip6(v6s[0], v6d[0], 0);
	{
		uint8_t hbh[8] = { 60, 0, 1, 4, 0, 0, 0, 0 };
		uint8_t dst[24] = { 43, 2, 1, 2, 0, 0, 201, 16 };
		uint8_t rh[24] = { 6, 2, 2, 1 };

		memcpy(dst + 8, v6s[1], 16);
		memcpy(rh + 8, v6d[1], 16);
		put(hbh, 8);
		put(dst, 24);
		put(rh, 24);
	}
	ports(v6sp[0], v6dp[0]);
	/* _EX: addresses of vector 1 with the ports of vector 0 */
	frame(v6l4[0], v6l4[0], ref(v6s[1], v6d[1], 16, v6sp[0], v6dp[0]));
	/* VXLAN: outer IPv4 UDP (v4[0] addresses, sport 12345 -> 4789),
	 * inner Ethernet + IPv4 TCP of vector 2 */
	eth(0x0800, 0);
	ip4(v4s[0], v4d[0], 17, 0);
	udpat = n;
	put16(12345);
	put16(4789);
	put16(0);
	put16(0);
	put16(0x0800);
	put16(0);
	put16(0);
	put16(0x0100);
	eth_hdr(0x0800, 0);
	ip4(v4s[2], v4d[2], 6, 0);
	ports(v4sp[2], v4dp[2]);
	frame(ref(v4s[0], v4d[0], 4, 12345, 4789), v4l4[2],
	      ref(v4s[0], v4d[0], 4, 12345, 4789));
	/* ARP: not hashed */
	eth(0x0806, 0);
	memset(fr + n, 0, 28);
	n += 28;
	frame(0, 0, 0);
	fclose(out);
	return 0;
}
