// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro: no payload byte lost or duplicated across any sequence of frames
 * and flushes. The input drives a frame generator (mostly mergeable TCP
 * segments with fuzzed fields, plain or in VXLAN/GENEVE/GRE/IP-in-IP over
 * IPv4/IPv6, some corrupted at fuzzed bytes) and flushes;
 * every frame must come out exactly once, whole or as its payload slice
 * reaching to its end, and every delivery must linearize (also under
 * OFL_GRO_F_FRAGLIST, where a slice is a frame's whole payload). The same frames
 * handed to a second context as bursts (one per flush interval) must give
 * the same deliveries as the frame-by-frame calls (the burst path keeps
 * per-bucket state of its own). Frames come as CHECKSUM_NONE,
 * UNNECESSARY or COMPLETE (the sum from a fuzzed start, right or off),
 * some with a stripped VLAN tag: every delivery carries the tag of each
 * frame it holds (flows never mix tags).
 */
#include <stdint.h>
#include <stdlib.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include "../tests/gro/gro_frames.h"

#define NF 64
static uint8_t fb[NF][2048];
static const uint8_t *fp[NF];
static uint32_t fl[NF];
static uint8_t seen[NF];
static uint32_t ftag[NF];	/* stripped tag of each frame */
static struct ofl_gro_ctx ctx;
static struct ofl_gro_pkt pk[2 * NF];
static uint8_t lin[NF * 2048];
static struct ofl_gro_ctx bctx;
static struct ofl_gro_frame bf[NF];
static struct ofl_gro_pkt bpk[2 * NF + OFL_GRO_MAX_FLOWS];
static unsigned int nbf;
static uint64_t dig_one, dig_burst;

/* A digest of deliveries: every field a consumer reads. */
static void digest(uint64_t *h, const struct ofl_gro_pkt *p, unsigned int n)
{
	unsigned int i, j;

	for (i = 0; i < n; i++, p++) {
		uint32_t v[12] = { p->frame, p->len, p->gso_type, p->kind,
				   p->hdr_len, p->nslices, p->gso_size,
				   p->gso_segs, p->csum_start, p->csum_offset,
				   p->ocsum_start,
				   (uint32_t)p->vlan_proto << 16 | p->vlan_tci };

		for (j = 0; j < 12; j++)
			*h = (*h ^ v[j]) * 0x100000001b3ull;
		for (j = 0; j < p->hdr_len && j < OFL_GRO_MAX_HDR; j++)
			*h = (*h ^ p->hdr[j]) * 0x100000001b3ull;
		for (j = 0; j < p->nslices && j < OFL_GRO_MAX_SEGS; j++)
			*h = (*h ^ p->slice[j].frame ^
			      (uint64_t)p->slice[j].off << 32 ^
			      (uint64_t)p->slice[j].len << 48) *
			     0x100000001b3ull;
	}
}

/* The frames since the last flush as one burst, then the flush. */
static void burst_flush(void)
{
	int k = ofl_gro_receive_burst(&bctx, bf, nbf, bpk, 2 * NF);

	if (k < 0)
		abort();
	digest(&dig_burst, bpk, (unsigned int)k);
	k = ofl_gro_flush(&bctx, bpk, OFL_GRO_MAX_FLOWS);
	if (k < 0)
		abort();
	digest(&dig_burst, bpk, (unsigned int)k);
	nbf = 0;
}

static void check(unsigned int n)
{
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		const struct ofl_gro_pkt *p = &pk[i];

		if (ofl_gro_pkt_linearize(p, fp, fl, NF, lin, sizeof(lin),
					  1) != (int)p->len)
			abort();
		for (j = 0; j < p->nslices; j++) {
			const struct ofl_gro_slice *s = &p->slice[j];

			if (seen[s->frame]++ ||
			    (uint32_t)s->off + s->len != fl[s->frame] ||
			    ftag[s->frame] != ((uint32_t)p->vlan_proto << 16 |
					       p->vlan_tci))
				abort();
		}
	}
}

/* GSO then GRO gives back the super-frame (sizes from the input). */
static void roundtrip(const uint8_t *d)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	static uint8_t sup[40000], segs[80000];
	struct ofl_gso_frag fr;
	struct ofl_gso_meta m;
	struct ofl_gro_frame f[NF];
	uint32_t lens[NF];
	struct tseg s;
	int len, k, i, ns;
	size_t off = 0;
	uint16_t mss = (uint16_t)(600 + (d[1] | (d[2] & 7) << 8));

	tseg_init(&s, d[0] & 1);
	s.paylen = 1 + (d[3] | d[4] << 8) % 32000;
	s.seq = (uint32_t)d[5] << 24;
	len = tseg_build(&s, sup, dm);
	/* a TCP checksum that folds to 0 is completed as 0xffff
	 * (skb_checksum_help's CSUM_MANGLED_0): the same sum */
	{
		uint8_t *ck = sup + 14 + (s.v6 ? 40 : 20) + 16;

		if (!ck[0] && !ck[1])
			ck[0] = ck[1] = 0xff;
	}
	fr.data = sup;
	fr.len = (uint32_t)len;
	fr.reserved = 0;
	if (s.paylen <= mss || ofl_gso_meta_from_frame(sup, (size_t)len, mss,
						       &m))
		return;
	ns = ofl_gso_segment(&fr, 1, &m, 0, segs, sizeof(segs), lens, NF);
	if (ns < 2)
		return;
	for (i = 0; i < ns; i++) {
		fp[i] = segs + off;
		fl[i] = lens[i];
		/* the device's sum (COMPLETE) and a stripped tag */
		f[i] = (struct ofl_gro_frame){ segs + off, lens[i], 1,
			(uint32_t)i,
			ofl_csum_partial(segs + off + 14, lens[i] - 14, 0),
			14, 0x8100, d[6], OFL_CHECKSUM_COMPLETE, 0 };
		off += lens[i];
	}
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	k = ofl_gro_receive_burst(&ctx, f, (unsigned int)ns, pk, 2 * NF);
	if (k < 0)
		abort();
	k += ofl_gro_flush(&ctx, pk + k, NF);
	if (k != 1 || pk[0].vlan_tci != d[6] ||
	    ofl_gro_pkt_linearize(pk, fp, fl, (uint32_t)ns, lin, sizeof(lin),
				  1) != len || memcmp(lin, sup, (size_t)len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	uint32_t seq[4] = { 1000, 1000, 1000, 1000 };
	unsigned int nf = 0, m, i;
	size_t pos = 0;

	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, 0, 0, 0 };

	if (n >= 8 && d[0] == 0x5a) {
		roundtrip(d + 1);
		return 0;
	}
	o.flags = n && (d[0] & 0x80) ? OFL_GRO_F_UDP_FWD : 0;
	o.flags |= n && (d[0] & 0x40) ? OFL_GRO_F_VXLAN : 0;
	o.flags |= n && (d[0] & 0x20) ? OFL_GRO_F_GENEVE : 0;
	o.flags |= n && (d[0] & 0x10) ? OFL_GRO_F_NO_IPTUN : 0;
	o.flags |= n && (d[0] & 0x0c) == 0x0c ? OFL_GRO_F_FRAGLIST : 0;
	/* every profile: 6.18, 6.10, 7.0, 6.1 */
	o.profile = n ? (uint32_t)(d[0] & 3) : OFL_GRO_PROFILE_6_18;
	/* fraglist is not modelled for 6.1: refused, then run without */
	if ((o.flags & OFL_GRO_F_FRAGLIST) &&
	    o.profile == OFL_GRO_PROFILE_6_1) {
		if (ofl_gro_init(&ctx, sizeof(ctx), &o) != OFL_EOPNOTSUPP)
			__builtin_trap();
		o.flags &= ~OFL_GRO_F_FRAGLIST;
	}
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	ofl_gro_init(&bctx, sizeof(bctx), &o);
	nbf = 0;
	dig_one = dig_burst = 0;
	memset(seen, 0, sizeof(seen));
	while (pos + 6 <= n && nf < NF) {
		const uint8_t *r = d + pos;
		struct ofl_gro_frame f;
		struct tseg s;

		pos += 6;
		if (r[0] == 0xff) {
			int k = ofl_gro_flush(&ctx, pk, NF);

			check((unsigned int)k);
			digest(&dig_one, pk, (unsigned int)k);
			burst_flush();
			continue;
		}
		tseg_init(&s, r[0] & 1);
		s.sport = (uint16_t)(40000 + ((r[0] >> 1) & 3));
		s.seq = seq[(r[0] >> 1) & 3] + (r[1] & 0x80 ? r[1] & 3 : 0);
		s.paylen = (r[1] & 0x7f) * 8;
		s.flags = (uint8_t)(0x10 | (r[2] & 0xe9 & -(r[2] >> 7)));
		s.ipid = (uint16_t)(100 + (r[3] & 7));
		s.ttl = (uint8_t)(64 + (r[3] >> 6));
		s.badcsum = (r[0] >> 3) == 1;
		s.has_ext = s.v6 && (r[0] & 0x20);
		s.udp = (r[5] & 0x81) == 0x81;
		s.ext = 60;
		/* VXLAN over outer IPv4 / IPv6 (merged with OFL_GRO_F_VXLAN) */
		s.vx = ((r[3] >> 3) & 3) % 3;
		s.ocsum = r[5] & 2;
		s.oidfix = r[5] & 4;
		s.gnv = r[5] & 8;	/* GENEVE with 0..3 option words */
		s.gnvopt = r[4] & 3;
		s.gnvbits = r[5] & 0xc0 & -(r[3] & 1);
		/* GRE (key, checksum, Ethernet inside) or IP-in-IP instead,
		 * possibly inside one more IPv4 header (merged by default) */
		s.gre = r[5] & 0x10;
		s.ipip = r[5] & 0x20;
		s.grekey = r[4] & 4;
		s.grecsum = r[4] & 8;
		s.teb = r[4] & 16;
		s.nest = (r[4] & 0xe0) == 0xe0;
		s.vni = (uint32_t)(r[4] >> 5);
		fl[nf] = (uint32_t)tseg_build(&s, fb[nf], dm);
		if (r[0] & 0x40)	/* corrupt one byte */
			fb[nf][r[4] % fl[nf]] ^= r[5];
		seq[(r[0] >> 1) & 3] = s.seq + (uint32_t)s.paylen;
		fp[nf] = fb[nf];
		f.data = fb[nf];
		f.len = fl[nf];
		f.hash = r[3] & 0x20 ? r[4] : 0;
		f.id = nf;
		f.ip_summed = (uint8_t)(r[2] & 2 ? OFL_CHECKSUM_COMPLETE :
					r[2] & 1);
		f.csum_start = (uint16_t)(r[4] < fl[nf] ? r[4] : fl[nf]);
		f.csum = ofl_csum_partial(fb[nf] + f.csum_start,
					  fl[nf] - f.csum_start, 0);
		if (r[2] & 0x10)	/* a wrong sum: the software check */
			f.csum = ofl_csum_add(f.csum, 0x100);
		f.vlan_proto = r[2] & 4 ? 0x8100 : 0;
		f.vlan_tci = r[2] & 4 ? r[3] & 3 : 0;
		f.reserved = 0;
		ftag[nf++] = (uint32_t)f.vlan_proto << 16 | f.vlan_tci;
		if (ofl_gro_receive(&ctx, &f, pk, &m) < 0)
			abort();
		check(m);
		digest(&dig_one, pk, m);
		bf[nbf++] = f;
	}
	{
		int k = ofl_gro_flush(&ctx, pk, NF);

		check((unsigned int)k);
		digest(&dig_one, pk, (unsigned int)k);
	}
	burst_flush();
	if (dig_one != dig_burst)
		abort();
	for (i = 0; i < nf; i++)
		if (seen[i] != 1)
			abort();
	return 0;
}
