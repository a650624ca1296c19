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
#include "../tests/gso/gso_frames.h"

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
	/* as a BIG TCP sender (or 6.18 GRO) writes it: the complete TCP
	 * checksum, the jumbo header past 64 KiB unless profile 7.0 */
	{
		struct gf_big b = { .v6 = v6, .hbh = hbh, .payload_len = pl,
				    .seq = seq, .ip_id = 100, .tcp_flags = 0x10,
				    .dst_mac = 9 };
		uint32_t l4;

		len = gf_big_build(sup, &b, &l4);
	}
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
