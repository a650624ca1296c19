// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Differential fuzzer of lib/gro's native fast path (ofl__gro_fast: a frame
 * of the bucket's newest held plain-IPv4 TCP flow skips the parse and the
 * lookup) against the full path it shortcuts (ofl__gro_receive_generic,
 * lib/gro/internal.h: the same call with the fast path bypassed). The
 * same frames go to three contexts: ofl_gro_receive() (fast path),
 * ofl__gro_receive_generic() (none) and, one burst per flush interval,
 * ofl_gro_receive_burst() (fast path and its per-bucket hint). After
 * every frame the first two must agree on the result, the deliveries
 * (every field, header bytes, slices, the linearized frame) and the whole
 * context (held flows, counts, ages, pool); at every flush the burst
 * context too. Frames: mostly segments of four plain IPv4 TCP flows,
 * where the fast path applies, with fuzzed sequence, flags, ID, TTL, TOS,
 * DF, timestamps, trailer, stripped tag, hash and checksum state, and one
 * fuzzed byte anywhere (checksums fixed after it or not); some IPv6 or
 * VXLAN frames in between. Silent; traps on a difference. Seeds:
 * fuzz/seeds_gro_fast.c writes them at build time (docs/FUZZING.md).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include "gro/internal.h"
#include "../tests/gro/gro_frames.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)
#define NF 64
#define POOL 48
#define CTXB OFL_GRO_CTX_BYTES(POOL)

static uint8_t fb[NF][2048];
static const uint8_t *fp[NF];
static uint32_t fl[NF];
static _Alignas(64) uint8_t cbuf[3][CTXB];
static struct ofl_gro_frame bf[NF];
static unsigned int nbf;
static struct ofl_gro_pkt pa[OFL_GRO_MAX_FLOWS + 2 * NF];
static struct ofl_gro_pkt pg[OFL_GRO_MAX_FLOWS + 2 * NF];
static struct ofl_gro_pkt pb[OFL_GRO_MAX_FLOWS + 2 * NF];
/* deliveries since the last flush: the first context's, the burst's */
static struct ofl_gro_pkt qa[4 * NF + 2 * OFL_GRO_MAX_FLOWS];
static struct ofl_gro_pkt bq[4 * NF + 2 * OFL_GRO_MAX_FLOWS];
static unsigned int nqa, nbq;
static uint8_t la[NF * 2048], lg[NF * 2048];

#define CA ((struct ofl_gro_ctx *)(void *)cbuf[0])
#define CG ((struct ofl_gro_ctx *)(void *)cbuf[1])
#define CB ((struct ofl_gro_ctx *)(void *)cbuf[2])

static size_t csize;

/* Two deliveries equal in every field a consumer reads, bytes included:
 * each linearized from its own context's pool (@ca, @cb: made by the
 * last call on them), or NULL for deliveries of earlier calls, whose pool
 * entries may be reused: then without a pool. */
static void same_pkt(const struct ofl_gro_pkt *a, const struct ofl_gro_ctx *ca,
		     const struct ofl_gro_pkt *b, const struct ofl_gro_ctx *cb)
{
	unsigned int j;
	int na, nb;

	CHECK(a->frame == b->frame && a->len == b->len &&
	      a->gso_type == b->gso_type && a->kind == b->kind &&
	      a->hdr_len == b->hdr_len && a->nslices == b->nslices &&
	      a->gso_size == b->gso_size && a->gso_segs == b->gso_segs &&
	      a->csum_start == b->csum_start &&
	      a->csum_offset == b->csum_offset &&
	      a->ocsum_start == b->ocsum_start &&
	      a->vlan_proto == b->vlan_proto && a->vlan_tci == b->vlan_tci);
	CHECK(a->hdr_len <= OFL_GRO_MAX_HDR &&
	      !memcmp(a->hdr, b->hdr, a->hdr_len));
	for (j = 0; j < a->nslices && j < OFL_GRO_MAX_SEGS; j++)
		CHECK(a->slice[j].frame == b->slice[j].frame &&
		      a->slice[j].off == b->slice[j].off &&
		      a->slice[j].len == b->slice[j].len);
	if (!ca || !cb) {
		if (a->nslices > OFL_GRO_MAX_SEGS)
			return;
		na = ofl_gro_pkt_linearize(a, fp, fl, NF, la, sizeof(la), 1);
		nb = ofl_gro_pkt_linearize(b, fp, fl, NF, lg, sizeof(lg), 1);
	} else {
		na = ofl_gro_pkt_linearize_ctx(ca, csize, a, fp, fl, NF, la,
					       sizeof(la), 1);
		nb = ofl_gro_pkt_linearize_ctx(cb, csize, b, fp, fl, NF, lg,
					       sizeof(lg), 1);
	}
	/* every delivery linearizes (its frames are ours), the same way */
	CHECK(na >= 0 && na == nb && !memcmp(la, lg, (size_t)na));
}

static void same_ctx(const struct ofl_gro_ctx *a, const struct ofl_gro_ctx *b)
{
	CHECK(ofl_gro_held(a) == ofl_gro_held(b));
	CHECK(!memcmp(a, b, csize));
}

/* The frames since the last flush as one burst into the third context;
 * its deliveries are queued and held to the first context's at the
 * flush. */
static void burst(void)
{
	int k = ofl_gro_receive_burst(CB, bf, nbf, bq + nbq,
				      (unsigned int)(sizeof(bq) /
						     sizeof(bq[0])) - nbq);

	CHECK(k >= 0);
	nbq += (unsigned int)k;
	nbf = 0;
}

static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static uint32_t sum16(const uint8_t *p, size_t n, uint32_t s)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	return s;
}

/* After a fuzzed byte: the IPv4 header checksum and the TCP checksum of
 * an untagged IPv4 TCP frame made right again, for what the lengths in
 * the (maybe changed) headers say, when they fit the frame. */
static void fix_v4(uint8_t *d, uint32_t len)
{
	uint32_t ihl, tot, s;

	if (len < 34 || d[12] != 8 || d[13] != 0 || (d[14] >> 4) != 4)
		return;
	ihl = (d[14] & 15u) * 4;
	tot = (uint32_t)(d[16] << 8 | d[17]);
	if (ihl < 20 || 14 + ihl > len)
		return;
	d[24] = d[25] = 0;
	s = (uint16_t)~fold(sum16(d + 14, ihl, 0));
	d[24] = (uint8_t)(s >> 8);
	d[25] = (uint8_t)s;
	if (d[23] != 6 || tot < ihl + 20 || 14 + tot > len)
		return;
	d[14 + ihl + 16] = d[14 + ihl + 17] = 0;
	s = sum16(d + 26, 8, 6 + tot - ihl);
	s = (uint16_t)~fold(sum16(d + 14 + ihl, tot - ihl, s));
	d[14 + ihl + 16] = (uint8_t)(s >> 8);
	d[14 + ihl + 17] = (uint8_t)s;
}

/* One record of 8 bytes: a frame to every context. */
static void frame(const uint8_t *r, uint32_t *seq, uint32_t *ts,
		  unsigned int nf)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 2 };
	unsigned int flow = r[0] & 3, m, mg, j;
	struct ofl_gro_frame f;
	struct tseg s;
	int ra, rg;

	tseg_init(&s, (r[0] & 0x1c) == 0x1c);
	s.sport = (uint16_t)(40000 + flow);
	s.seq = seq[flow] + (r[1] & 0x80 ? (uint32_t)(r[1] & 3) - 2 : 0);
	/* (zero bytes: segments of 256 bytes that merge) */
	s.paylen = ((r[1] & 0x7c) ^ 0x40) * 4 + (r[1] & 0x80 ? 0 : r[1] & 3);
	/* PSH (common), else one of FIN SYN RST URG ECE CWR, or none */
	s.flags = (uint8_t)(0x10 | (r[2] & 0x08) |
			    (r[2] & 0x80 ? 1u << (r[2] & 7) & 0xe7 : 0));
	s.ipid = (uint16_t)(100 + nf + (r[3] & 3 ? 0 : r[3] >> 2));
	s.ttl = (uint8_t)(64 + ((r[3] & 0x1c) == 0x1c));
	s.tos = (uint8_t)((r[3] & 0x1c) == 0x18 ? 4 : 0);
	s.df = (r[3] & 0x1c) != 0x14;
	if (r[4] & 1) {		/* timestamps, usually increasing */
		ts[flow] += r[4] & 2 ? 1 : 0;
		tseg_ts(&s, ts[flow], (r[4] >> 2) & 1);
	}
	s.trailer = (r[4] & 0x18) == 0x18 ? 2 : 0;
	s.badcsum = (r[4] & 0xe0) == 0x20;
	s.badipcsum = (r[4] & 0xe0) == 0x40;
	if ((r[0] & 0x1c) == 0x18) {	/* TCP in VXLAN */
		s.vx = 1;
		s.ocsum = 1;
	}
	fl[nf] = (uint32_t)tseg_build(&s, fb[nf], dm);
	seq[flow] = s.seq + (uint32_t)s.paylen;
	if (r[7] & 1) {		/* one byte anywhere */
		fb[nf][r[5] % fl[nf]] ^= r[6];
		if (r[7] & 2)
			fix_v4(fb[nf], fl[nf]);
	}
	fp[nf] = fb[nf];
	f.data = fb[nf];
	f.len = fl[nf];
	/* per flow (one bucket each, or all in one), or any */
	f.hash = r[7] & 4 ? (r[7] & 8 ? 0x100u * flow : flow) : r[6];
	f.id = nf;
	f.ip_summed = (uint8_t)((r[7] >> 4) % 3);
	f.csum_start = (uint16_t)(r[7] & 0x40 ? 14 : r[5] % (fl[nf] + 1));
	f.csum = ofl_csum_partial(fb[nf] + f.csum_start,
				  fl[nf] - f.csum_start, 0);
	if (r[2] & 0x40)	/* a wrong sum: the software check decides */
		f.csum = ofl_csum_add(f.csum, 0x100);
	f.vlan_proto = r[2] & 0x20 ? 0x8100 : 0;
	f.vlan_tci = r[2] & 0x20 ? r[2] & 0x10 : 0;
	f.reserved = 0;
	ra = ofl_gro_receive(CA, &f, pa, &m);
	rg = ofl__gro_receive_generic(CG, &f, pg, &mg);
	CHECK(ra >= 0 && ra == rg && m == mg && m <= 2);
	for (j = 0; j < m; j++) {
		same_pkt(&pa[j], CA, &pg[j], CG);
		qa[nqa++] = pa[j];
	}
	same_ctx(CA, CG);
	bf[nbf++] = f;
}

static int flush_one(struct ofl_gro_ctx *c, struct ofl_gro_pkt *out, int old,
		     uint32_t min_age)
{
	return old ? ofl_gro_flush_old(c, out, OFL_GRO_MAX_FLOWS, min_age) :
		     ofl_gro_flush(c, out, OFL_GRO_MAX_FLOWS);
}

/* The end of a poll in all three at clock @now (@old: ofl_gro_flush_old
 * with @min_age), then the burst's deliveries since the last one against
 * the frame-by-frame ones. */
static void flush(int old, uint32_t now, uint32_t min_age)
{
	int ka, kg, kb, i;

	burst();
	ofl_gro_clock(CA, now);
	ofl_gro_clock(CG, now);
	ofl_gro_clock(CB, now);
	ka = flush_one(CA, pa, old, min_age);
	kg = flush_one(CG, pg, old, min_age);
	kb = flush_one(CB, pb, old, min_age);
	CHECK(ka >= 0 && ka == kg && ka == kb);
	for (i = 0; i < ka; i++) {
		same_pkt(&pa[i], CA, &pg[i], CG);
		same_pkt(&pa[i], CA, &pb[i], CB);
		qa[nqa++] = pa[i];
		bq[nbq++] = pb[i];
	}
	same_ctx(CA, CG);
	same_ctx(CA, CB);
	CHECK(nqa == nbq);
	for (i = 0; i < (int)nqa; i++)
		same_pkt(&qa[i], NULL, &bq[i], NULL);
	nqa = nbq = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, 0, 0, 0 };
	uint32_t seq[4] = { 1000, 1000, 1000, 1000 }, ts[4] = { 7, 7, 7, 7 };
	unsigned int nf = 0, c;
	size_t pos = 1;

	if (n < 1)
		return 0;
	o.profile = d[0] & 3;
	o.flags = d[0] & 4 ? OFL_GRO_F_UDP_FWD : 0;
	o.flags |= d[0] & 8 ? OFL_GRO_F_VXLAN : 0;
	/* fraglist contexts take the full path: a few, as a control */
	o.flags |= (d[0] & 0x70) == 0x70 && o.profile != OFL_GRO_PROFILE_6_1 ?
		   OFL_GRO_F_FRAGLIST : 0;
	o.gro_max_size = o.gro_ipv4_max_size = d[0] & 0x80 ? 3000 : 0;
	o.pool_segs = d[0] & 0x10 ? POOL : 0;
	csize = OFL_GRO_CTX_BYTES(o.pool_segs);
	/* the same bytes in all three before init: padding compares too */
	memset(cbuf, 0, sizeof(cbuf));
	for (c = 0; c < 3; c++)
		CHECK(!ofl_gro_init((struct ofl_gro_ctx *)(void *)cbuf[c],
				    csize, &o));
	nbf = nqa = nbq = 0;
	while (pos + 8 <= n && nf < NF) {
		const uint8_t *r = d + pos;

		pos += 8;
		if (r[0] == 0xff || r[0] == 0xfe) {
			/* end of a poll: full, or keep young flows */
			flush(r[0] == 0xfe, r[1], r[2]);
			continue;
		}
		frame(r, seq, ts, nf++);
	}
	flush(0, 0, 0);
	return 0;
}
