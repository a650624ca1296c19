// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Seed corpus of fuzz/fuzz_capture.c, written at build time (no binary
 * seeds in git) into the directory argv[1], their paths into the list
 * argv[2]: small valid captures in every form tools/pcapio.c reads (pcap
 * with microsecond and nanosecond timestamps in both byte orders; pcapng
 * in both byte orders with SHB, IDB, EPB, SPB, the obsolete PB and a block
 * it skips; the link types of tools/link.h), each behind a spread of
 * command selector bytes, and pairs for the two-capture commands. Frames:
 * mergeable IPv4 TCP segments, IPv6 TCP, a TCP super-frame for gso, UDP,
 * TCP in VXLAN and in GENEVE, from the lib/gro test frame builder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../tests/gro/gro_frames.h"
#include "seeds.h"

#define NFR 9
#define FRMAX 4096

static uint8_t fr[NFR][FRMAX];
static size_t frl[NFR];
static uint8_t cap[1 << 16];
static size_t capn;

static void b8(uint8_t v)
{
	if (capn >= sizeof(cap))
		abort();
	cap[capn++] = v;
}

static void b16(uint16_t v, int be)
{
	b8((uint8_t)(be ? v >> 8 : v));
	b8((uint8_t)(be ? v : v >> 8));
}

static void b32(uint32_t v, int be)
{
	b16((uint16_t)(be ? v >> 16 : v), be);
	b16((uint16_t)(be ? v : v >> 16), be);
}

static void bytes(const uint8_t *d, size_t n)
{
	while (n--)
		b8(*d++);
}

static void frames(void)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 2 };
	struct tseg s;
	int i;

	for (i = 0; i < 4; i++) {	/* one IPv4 flow, mergeable */
		tseg_init(&s, 0);
		s.seq = 1000 + (uint32_t)i * 100;
		s.ipid = (uint16_t)(100 + i);
		s.paylen = 100;
		s.flags = i == 3 ? 0x18 : 0x10;
		frl[i] = (size_t)tseg_build(&s, fr[i], dm);
	}
	tseg_init(&s, 1);		/* IPv6 */
	s.paylen = 200;
	frl[4] = (size_t)tseg_build(&s, fr[4], dm);
	tseg_init(&s, 0);		/* a super-frame for gso */
	s.paylen = 3000;
	s.sport = 40001;
	frl[5] = (size_t)tseg_build(&s, fr[5], dm);
	tseg_init(&s, 0);		/* UDP */
	s.udp = 1;
	s.paylen = 64;
	frl[6] = (size_t)tseg_build(&s, fr[6], dm);
	tseg_init(&s, 0);		/* TCP in VXLAN over IPv4 */
	s.vx = 1;
	s.ocsum = 1;
	s.paylen = 80;
	frl[7] = (size_t)tseg_build(&s, fr[7], dm);
	tseg_init(&s, 1);		/* TCP in GENEVE over IPv6 */
	s.vx = 2;
	s.gnv = 1;
	s.gnvopt = 1;
	s.paylen = 80;
	frl[8] = (size_t)tseg_build(&s, fr[8], dm);
	for (i = 0; i < NFR; i++)
		if (frl[i] > FRMAX)
			abort();
}

/* The link header for link type @lt before an Ethernet frame's network
 * header (@eth: the Ethernet frame); returns the bytes to skip of it. */
static size_t linkhdr(int lt, const uint8_t *eth)
{
	uint16_t et = (uint16_t)(eth[12] << 8 | eth[13]);
	int i;

	switch (lt) {
	case 9:			/* PPP: address, control, protocol */
		b8(0xff);
		b8(0x03);
		b16(et == 0x0800 ? 0x0021 : 0x0057, 1);
		return 14;
	case 113:		/* SLL: type, ARPHRD, addr len, addr, proto */
		b16(0, 1);
		b16(1, 1);
		b16(6, 1);
		for (i = 0; i < 8; i++)
			b8(i < 6 ? eth[6 + i] : 0);
		b16(et, 1);
		return 14;
	case 276:		/* SLL2: proto, reserved, ifindex, ARPHRD, ... */
		b16(et, 1);
		b16(0, 1);
		b32(2, 1);
		b16(1, 1);
		b8(0);
		b8(6);
		for (i = 0; i < 8; i++)
			b8(i < 6 ? eth[6 + i] : 0);
		return 14;
	case 1:
		return 0;
	default:		/* raw IP, IPv4, IPv6 */
		return 14;
	}
}

static int frame_fits(int lt, int i)
{
	uint16_t et = (uint16_t)(fr[i][12] << 8 | fr[i][13]);

	return !((lt == 228 && et != 0x0800) || (lt == 229 && et != 0x86dd));
}

static size_t linklen(int lt)
{
	return lt == 9 ? 4 : lt == 113 ? 16 : lt == 276 ? 20 : 0;
}

/* pcap of the frames @mask selects; @nsec: nanosecond magic. */
static void pcap(int lt, int be, int nsec, unsigned int mask)
{
	int i;

	b32(nsec ? 0xa1b23c4d : 0xa1b2c3d4, be);
	b16(2, be);
	b16(4, be);
	b32(0, be);
	b32(0, be);
	b32(65535, be);
	b32((uint32_t)lt, be);
	for (i = 0; i < NFR; i++) {
		size_t skip, n;

		if (!(mask >> i & 1) || !frame_fits(lt, i))
			continue;
		b32(1700000000u + (uint32_t)i, be);
		b32((uint32_t)i * 1000, be);
		n = frl[i] - (lt == 1 ? 0 : 14) + linklen(lt);
		b32((uint32_t)n, be);
		b32((uint32_t)n, be);
		skip = linkhdr(lt, fr[i]);
		bytes(fr[i] + skip, frl[i] - skip);
	}
}

static void ng_pad(size_t n)
{
	while (n++ & 3)
		b8(0);
}

/* pcapng: SHB, an Ethernet IDB (with if_tsresol), then per frame an EPB,
 * SPB or PB in turn, a block type it skips, a raw-IP IDB and one EPB on
 * it. */
static void pcapng(int be, unsigned int mask)
{
	uint32_t n, pad;
	int i, k = 0;

	b32(0x0a0d0d0a, be);	/* SHB */
	b32(28, be);
	b32(0x1a2b3c4d, be);
	b16(1, be);
	b16(0, be);
	b32(0xffffffff, be);
	b32(0xffffffff, be);
	b32(28, be);
	b32(1, be);		/* IDB, Ethernet, if_tsresol 9 */
	b32(32, be);
	b16(1, be);
	b16(0, be);
	b32(0, be);
	b16(9, be);
	b16(1, be);
	b8(9);
	b8(0);
	b8(0);
	b8(0);
	b32(0, be);		/* opt_endofopt */
	b32(32, be);
	for (i = 0; i < NFR; i++) {
		if (!(mask >> i & 1))
			continue;
		n = (uint32_t)frl[i];
		pad = (4 - (n & 3)) & 3;
		switch (k++ % 3) {
		case 0:		/* EPB */
			b32(6, be);
			b32(32 + n + pad, be);
			b32(0, be);
			b32(0, be);
			b32((uint32_t)i, be);
			b32(n, be);
			b32(n, be);
			bytes(fr[i], n);
			ng_pad(n);
			b32(32 + n + pad, be);
			break;
		case 1:		/* SPB */
			b32(3, be);
			b32(16 + n + pad, be);
			b32(n, be);
			bytes(fr[i], n);
			ng_pad(n);
			b32(16 + n + pad, be);
			break;
		default:	/* PB (obsolete) */
			b32(2, be);
			b32(32 + n + pad, be);
			b16(0, be);
			b16(0, be);
			b32(0, be);
			b32((uint32_t)i, be);
			b32(n, be);
			b32(n, be);
			bytes(fr[i], n);
			ng_pad(n);
			b32(32 + n + pad, be);
			break;
		}
	}
	b32(0x0bad, be);	/* a custom block: skipped */
	b32(16, be);
	b32(0xdeadbeef, be);
	b32(16, be);
	b32(1, be);		/* IDB, raw IP */
	b32(20, be);
	b16(101, be);
	b16(0, be);
	b32(0, be);
	b32(20, be);
	n = (uint32_t)frl[0] - 14;
	pad = (4 - (n & 3)) & 3;
	b32(6, be);		/* EPB on interface 1 */
	b32(32 + n + pad, be);
	b32(1, be);
	b32(0, be);
	b32(0, be);
	b32(n, be);
	b32(n, be);
	bytes(fr[0] + 14, n);
	ng_pad(n);
	b32(32 + n + pad, be);
}

/* the seed @name-@sel: the selector byte @sel, then the capture */
static void out(const char *name, int sel)
{
	char file[96];

	snprintf(file, sizeof(file), "%s-%d", name, sel);
	seeds_write(file, sel, cap, capn);
}

int main(int argc, char **argv)
{
	static const int lts[] = { 1, 9, 101, 113, 228, 229, 276 };
	char name[64];
	unsigned int i, sel;

	seeds_open(argc, argv);
	frames();
	for (sel = 0; sel < 256; sel += 19) {
		/* every command and a spread of option variants */
		for (i = 0; i < sizeof(lts) / sizeof(lts[0]); i++) {
			capn = 0;
			pcap(lts[i], (i + sel) & 1, (i + sel) & 2, 0x1ff);
			snprintf(name, sizeof(name), "pcap-lt%d", lts[i]);
			out(name, (int)sel);
		}
		capn = 0;
		pcapng(sel & 1, 0x1ff);
		out("pcapng", (int)sel);
		/* pairs: all frames against the four segments merged away
		 * (the second capture after "OFL2") */
		capn = 0;
		pcap(1, 0, 0, 0x1ff);
		bytes((const uint8_t *)"OFL2", 4);
		pcap(1, 0, 0, 0x1f0);
		out("pair", (int)sel);
	}
	return seeds_close();
}
