// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Issue 15: big frames and long flows. A TCP super-frame whose size, mss,
 * IP version, sequence and profile come from the input (up to 250000
 * payload bytes: past 64 KiB a BIG TCP frame, IPv4 tot_len 0 or IPv6 with
 * the jumbo hop-by-hop header; or up to 4000 segments under 64 KiB) is cut
 * by lib/gso, merged back by lib/gro with gro_max_size above it and a
 * slice pool, and must come back byte for byte (profile 7.0: IPv6 without
 * the jumbo header, then cut again into the same segments). Every segment
 * is delivered exactly once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/csum.h>

#define MAXP 250000u
#define MAXS 4096u
#define POOL 8192u

static uint8_t sup[MAXP + 128], lin[MAXP + 256];
static uint8_t segs[MAXP + MAXS * 128], back[MAXP + MAXS * 128];
static uint32_t lens[MAXS];
static const uint8_t *fp[MAXS];
static struct ofl_gro_frame f[MAXS];
static struct ofl_gro_pkt pk[2 * MAXS + OFL_GRO_MAX_FLOWS];
static uint64_t cbuf[(OFL_GRO_CTX_BYTES(POOL) + 7) / 8];

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v & 0xffff);
}

/* The super-frame as a BIG TCP sender (or 6.18 GRO) writes it, with a
 * complete TCP checksum; @hbh: the IPv6 jumbo header past 64 KiB. */
static size_t build(int v6, int hbh, uint32_t pl, uint32_t seq)
{
	uint8_t *ip = sup + 14, *th;
	uint32_t t, tl = 20 + pl, i, ipl;
	uint16_t c;

	memcpy(sup, "\x02\0\0\0\0\x09\x02\0\0\0\0\x01", 12);
	put16(sup + 12, v6 ? 0x86dd : 0x0800);
	if (!v6) {
		ipl = 20 + tl;
		memset(ip, 0, 20);
		ip[0] = 0x45;
		put16(ip + 2, ipl > 0xffff ? 0 : ipl);
		put16(ip + 4, 100);
		put16(ip + 6, 0x4000);
		ip[8] = 64;
		ip[9] = 6;
		memcpy(ip + 12, "\xc6\x12\0\x01\xc6\x12\0\x02", 8);
		c = (uint16_t)ofl_csum_fold(ofl_csum_partial(ip, 20, 0));
		memcpy(ip + 10, &c, 2);
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
		if (tl > 0xffff && hbh) {
			ip[6] = 0;
			memcpy(sup + 54, "\x06\x00\xc2\x04", 4);
			put32(sup + 58, 8 + tl);
			t = 62;
		} else if (tl <= 0xffff) {
			put16(ip + 4, tl);
		}
	}
	th = sup + t;
	memset(th, 0, 20);
	put16(th, 40000);
	put16(th + 2, 8000);
	put32(th + 4, seq);
	put32(th + 8, 5000);
	th[12] = 0x50;
	th[13] = 0x10;
	put16(th + 14, 512);
	for (i = 0; i < pl; i++)
		th[20 + i] = (uint8_t)((seq + i) * 7 + 3);
	if (!v6) {
		uint32_t sa, da;

		memcpy(&sa, ip + 12, 4);
		memcpy(&da, ip + 16, 4);
		c = (uint16_t)ofl_csum_tcpudp_magic(sa, da, tl, 6,
			ofl_csum_partial(th, tl, 0));
	} else {
		c = (uint16_t)ofl_csum_ipv6_magic(ip + 8, ip + 24, tl, 6,
			ofl_csum_partial(th, tl, 0));
	}
	if (!c)
		c = 0xffff;	/* CSUM_MANGLED_0, as both sides complete */
	memcpy(th + 16, &c, 2);
	return t + tl;
}

/* lib/gso cut of @p (@len bytes) at @mss into segs/lens; the count. */
static int cut(const uint8_t *p, size_t len, uint16_t mss)
{
	struct ofl_gso_frag fr = { p, (uint32_t)len, 0 };
	struct ofl_gso_meta m;

	if (ofl_gso_meta_from_frame(p, len, mss, &m))
		abort();
	return ofl_gso_segment(&fr, 1, &m, 0, segs, sizeof(segs), lens, MAXS);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct ofl_gro_ctx *ctx = (struct ofl_gro_ctx *)(void *)cbuf;
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, 0, POOL, 0 };
	int v6, hbh, ns, k, i, len2;
	uint32_t pl, seq, ipl;
	uint16_t mss;
	size_t len, off = 0;

	if (n < 8)
		return 0;
	v6 = d[0] & 1;
	o.profile = (d[0] & 2) ? OFL_GRO_PROFILE_7_0 : OFL_GRO_PROFILE_6_18;
	hbh = o.profile != OFL_GRO_PROFILE_7_0;
	pl = 1 + (uint32_t)(d[1] | d[2] << 8 | (d[3] & 3) << 16) % MAXP;
	mss = (uint16_t)(d[0] & 4 ? 8 + (d[4] | d[5] << 8) % 9000
				  : 8 + d[4] % 200);
	if (pl > (MAXS - 1) * mss)
		pl = (MAXS - 1) * mss;
	if (pl <= mss)
		return 0;
	seq = (uint32_t)d[6] << 24 | (uint32_t)d[7] << 8;
	len = build(v6, hbh, pl, seq);
	ipl = (uint32_t)(len - 14);
	ns = cut(sup, len, mss);
	if (ns < 2)
		abort();
	for (i = 0; i < ns; i++) {
		fp[i] = segs + off;
		f[i] = (struct ofl_gro_frame){ .data = segs + off,
					       .len = lens[i], .hash = 5,
					       .id = (uint32_t)i };
		off += lens[i];
	}
	/* gro_max_size above the packet: one merged frame */
	o.gro_max_size = o.gro_ipv4_max_size =
		ipl + 1 > 65536 ? ipl + 1 : 65536;
	if (o.gro_max_size > OFL_GRO_MAX_SIZE ||
	    ofl_gro_init(ctx, OFL_GRO_CTX_BYTES(POOL), &o))
		return 0;
	/* delivered in the burst when the last segment is short (it ends
	 * the flow), else by the flush; read before the next call */
	k = ofl_gro_receive_burst(ctx, f, (unsigned int)ns, pk, 2 * MAXS);
	if (k == 0)
		k = ofl_gro_flush(ctx, pk, OFL_GRO_MAX_FLOWS);
	if (k != 1 || pk[0].gso_segs != ns || pk[0].gso_size != mss)
		abort();
	len2 = ofl_gro_pkt_linearize_ctx(ctx, OFL_GRO_CTX_BYTES(POOL), pk, fp,
					 lens, (uint32_t)ns, lin, sizeof(lin),
					 1);
	if (len2 != (int)len || memcmp(lin, sup, len))
		abort();
	/* every segment exactly once, in order */
	{
		static struct ofl_gro_slice sl[MAXS];

		if (ofl_gro_pkt_slices(ctx, OFL_GRO_CTX_BYTES(POOL), pk, sl,
				       MAXS) != ns)
			abort();
		for (i = 0; i < ns; i++)
			if (sl[i].frame != (uint32_t)i ||
			    (uint32_t)sl[i].off + sl[i].len != lens[i])
				abort();
	}
	/* the merged frame cut again: the same segments */
	memcpy(back, segs, off);
	if (cut(lin, (size_t)len2, mss) != ns || memcmp(back, segs, off))
		abort();
	return 0;
}
