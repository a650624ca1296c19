/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The GRO <-> GSO round trips with no mapping code, shared by
 * tests/core/test_roundtrip.c (cmocka) and fuzz/fuzz_roundtrip.c:
 *
 * rt_gro_gso(): a flow of segments (tests/gro/gro_frames.h) through
 * lib/gro; every OFL_GRO_PKT_MERGED delivery is handed to lib/gso as it
 * is: gso_type, gso_size, csum_start/csum_offset and hdr[0..hdr_len) taken
 * unchanged, ip_summed = OFL_CHECKSUM_PARTIAL, the other offsets read from
 * the delivery's header by ofl_gso_meta_from_frame() (its own gso_type is
 * discarded), hdr[] and the slices as the fragment list. The segments must
 * equal the frames GRO merged, byte for byte, checksums included, twice:
 * complete checksums, and OFL_GSO_F_CSUM_PARTIAL completed here (as a
 * device does), each header also rebuilt by ofl_gso_fixup() alone.
 *
 * rt_gso_gro(): the same flow as one super-frame cut by lib/gso (metadata
 * from ofl_gso_meta_from_frame() plus the FIXEDID/ECN bits the flow asks
 * for), the segments through lib/gro; the deliveries must be the ones
 * Linux gives (one merged frame, or for a CWR segment under the 6.18 rule
 * the first segment alone and the rest merged), gso_size and gso_type
 * equal to the metadata's and the linearized frame equal to the
 * super-frame.
 *
 * Fields that legitimately differ, each with the kernel function that
 * makes it so (6.18; the same in 6.12's source):
 * - GRE checksum (C bit): gre_gro_complete() sets SKB_GSO_GRE, never
 *   SKB_GSO_GRE_CSUM, and leaves the GRE checksum field as the first
 *   segment had it; gre_gso_segment() rewrites it only with
 *   SKB_GSO_GRE_CSUM. So GRO then GSO gives every segment the first
 *   segment's GRE checksum (stale from the second on), and GSO then GRO
 *   gives the merged frame the first segment's GRE checksum, and
 *   gso_type GRE for GRE_CSUM.
 * - gso_type FIXEDID bits: tcp6_gro_complete() sets none (an outer IPv4
 *   ID fixed around inner IPv6 loses its SKB_GSO_TCP_FIXEDID), and
 *   udp_gro_complete() none for UDP_L4.
 * - IPv4 IDs: where gso_type cannot say an ID was fixed, inet_gso_segment()
 *   increments it: tcp6_gro_complete() and udp_gro_complete() set no
 *   FIXEDID bit, and the 6.10 profile's inet_gro_flush() does not look at
 *   an outer ID with DF set (so a fixed or jumping outer ID comes back
 *   incrementing); the IPv4 header checksum and a checksummed outer UDP
 *   header follow.
 * - GRE with C and K: gre_gro_receive() compares the checksum word, so a
 *   last segment whose GRE checksum differs goes up alone.
 * - CWR: 6.18's tcp_gro_receive() never merges a CWR segment, so GSO's
 *   first segment (CWR kept by tcp_gso_segment() only there with
 *   SKB_GSO_TCP_ECN) goes up alone and the rest is merged without it.
 * - a TCP checksum that folds to 0 is 0xffff in the merged frame once
 *   completed as skb_checksum_help() does (CSUM_MANGLED_0).
 * No other byte and no other gso_type bit may differ.
 */
#ifndef OFL_TESTS_ROUNDTRIP_H
#define OFL_TESTS_ROUNDTRIP_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/csum.h>
#include "../gro/gro_frames.h"

/* Most segments of a flow (one merged delivery holds OFL_GRO_MAX_SEGS). */
#define RT_NSEG 80
/* Largest segment: MSS up to 1400 behind the longest tunnel headers. */
#define RT_FRAME 2048
#define RT_SUPER 70000

/*
 * A flow: segment i is @t with seq + i * mss, payload mss (the last:
 * @last), IPv4 ID + i (or fixed), outer IPv4 ID 1000 + ID + i (or @t.oidfix:
 * 7), the first segment's flags | @first_flags, the last's | @last_flags.
 */
struct rt_flow {
	struct tseg t;
	int nseg;
	int mss;
	int last;
	int idfix;		/* inner (or only) IPv4 ID fixed */
	uint8_t first_flags;	/* e.g. CWR (TCP_ECN) */
	uint8_t last_flags;	/* e.g. PSH, FIN */
	int cwr_all;		/* CWR on every segment (AccECN, 7.0) */
	uint32_t profile;	/* enum ofl_gro_profile */
	uint32_t gro_flags;	/* OFL_GRO_F_*, beside those @t needs */
};

struct rt_state {
	uint8_t fb[RT_NSEG][RT_FRAME];
	const uint8_t *fp[RT_NSEG];
	uint32_t fl[RT_NSEG];
	uint8_t seen[RT_NSEG];
	struct ofl_gro_frame f[RT_NSEG];
	struct ofl_gro_pkt pk[2 * RT_NSEG + OFL_GRO_MAX_FLOWS];
	struct ofl_gro_ctx ctx;
	struct ofl_gso_frag fr[1 + OFL_GRO_MAX_SEGS];
	uint8_t hdr[OFL_GSO_MAX_HDR], fix[OFL_GSO_MAX_HDR];
	uint8_t seg[RT_FRAME], want[RT_SUPER];
	uint8_t super[RT_SUPER], segs[2 * RT_SUPER], back[RT_SUPER];
	uint32_t lens[RT_NSEG];
	char msg[256];
	/* counts, for the tests' "asserts something" checks */
	unsigned int merged, frames, segments;
};

static struct rt_state rt;

#define RT_FAIL(...)                                                        \
	do {                                                                 \
		snprintf(rt.msg, sizeof(rt.msg), __VA_ARGS__);               \
		return -1;                                                   \
	} while (0)

static const uint8_t rt_dmac[6] = { 2, 0, 0, 0, 0, 9 };

static inline uint32_t rt_gro_flags(const struct rt_flow *w)
{
	uint32_t fl = w->gro_flags;

	if (w->t.vx && !w->t.gre && !w->t.ipip)
		fl |= w->t.gnv ? OFL_GRO_F_GENEVE : OFL_GRO_F_VXLAN;
	if (w->t.udp)
		fl |= OFL_GRO_F_UDP_FWD;
	return fl;
}

/* The flow's @n segments from @i as one frame (one segment, or a
 * super-frame with the flags of the first and the last of them). */
static inline int rt_build(const struct rt_flow *w, int i, int n,
			   uint8_t *buf)
{
	struct tseg s = w->t;
	int lastseg = i + n - 1 == w->nseg - 1;
	uint16_t oid;

	s.seq = w->t.seq + (uint32_t)(i * w->mss);
	s.paylen = (n - 1) * w->mss + (lastseg ? w->last : w->mss);
	s.ipid = (uint16_t)(w->t.ipid + (w->idfix ? 0 : i));
	s.oidfix = 0;
	if (i == 0 || w->cwr_all)
		s.flags |= w->first_flags;
	if (lastseg)
		s.flags |= w->last_flags;
	{
		int len = tseg_build(&s, buf, rt_dmac);

		/* outer IPv4 ID of its own (tseg ties it to the inner one) */
		if (w->t.vx == 1) {
			uint16_t c;

			oid = (uint16_t)(w->t.oidfix ? 7 : 1000 + w->t.ipid + i);
			tput16(buf + 18, oid);
			tput16(buf + 24, 0);
			c = ofl_csum_ip_fast(buf + 14, 5);
			memcpy(buf + 24, &c, 2);
		}
		return len;
	}
}

/* Offset of the GRE checksum field the round trip leaves as the first
 * segment had it (gre_gro_complete, gre_gso_segment), or 0. */
static inline uint32_t rt_gre_csum_off(const uint8_t *h, const struct
				       ofl_gso_meta *m)
{
	if ((m->gso_type & (OFL_GSO_GRE | OFL_GSO_GRE_CSUM)) &&
	    (h[m->transport_off] & 0x80))
		return m->transport_off + 4u;
	return 0;
}

/*
 * IPv4 IDs of segment @k as Linux writes them when gso_type has no FIXEDID
 * bit because GRO could not say so: tcp6_gro_complete() (inner TCPv6 under
 * an outer IPv4 header) and udp_gro_complete() (UDP_L4) set no
 * SKB_GSO_TCP_FIXEDID[_INNER], so inet_gso_segment() gives a fixed ID
 * + k. @w: the expected segment (the original frame); @first: the first
 * merged frame. The header checksum and a checksummed outer UDP header
 * (it covers the inner IP header) follow.
 */
static inline void rt_linux_ids(uint8_t *w, uint32_t len, const uint8_t *first,
				const struct ofl_gso_meta *m, uint32_t k,
				uint32_t profile)
{
	uint32_t ip[2] = { m->network_off, 0 }, i;
	int tun = (m->gso_type & OFL_GSO_TUNNEL_MASK) != 0, changed = 0;

	if (tun)
		ip[1] = m->inner_network_off;
	for (i = 0; i < 2; i++) {
		uint8_t *h = w + ip[i];
		uint16_t id, c;

		if (!ip[i] || (h[0] >> 4) != 4)
			continue;
		/* 6.10 profile: inet_gro_flush() does not check an outer ID
		 * with DF (its "outer && df" return), so no FIXEDID says how
		 * it was, and 6.10's inet_gso_segment() increments it */
		if ((m->gso_type & OFL_GSO_TCPV4) &&
		    !(tun && i == 0 && profile == OFL_GRO_PROFILE_6_10))
			continue;
		id = (uint16_t)(((uint32_t)first[ip[i] + 4] << 8 |
				 first[ip[i] + 5]) + k);
		if (((uint32_t)h[4] << 8 | h[5]) == id)
			continue;
		tput16(h + 4, id);
		tput16(h + 10, 0);
		c = ofl_csum_ip_fast(h, (unsigned int)(h[0] & 15));
		memcpy(h + 10, &c, 2);
		changed = 1;
	}
	if (changed && (m->gso_type & OFL_GSO_UDP_TUNNEL_CSUM)) {
		uint32_t t = m->transport_off;
		ofl_sum16 c;

		tput16(w + t + 6, 0);
		if ((w[m->network_off] >> 4) == 4) {
			uint32_t sa, da;

			memcpy(&sa, w + m->network_off + 12, 4);
			memcpy(&da, w + m->network_off + 16, 4);
			c = ofl_csum_tcpudp_magic(sa, da, len - t, 17,
				ofl_csum_partial(w + t, len - t, 0));
		} else {
			c = ofl_csum_ipv6_magic(w + m->network_off + 8,
				w + m->network_off + 24, len - t, 17,
				ofl_csum_partial(w + t, len - t, 0));
		}
		if (!c)
			c = (ofl_sum16)0xffff;
		memcpy(w + t + 6, &c, 2);
	}
}

/* Complete the innermost L4 checksum of a CHECKSUM_PARTIAL segment as a
 * device does: the sum from csum_start to the end (the field holds the
 * pseudo-header sum), complemented; UDP's 0 sent as 0xffff (RFC 768). */
static inline void rt_complete(uint8_t *s, uint32_t len, uint16_t start,
			       uint16_t off)
{
	ofl_sum16 c = ofl_csum_fold(ofl_csum_partial(s + start, len - start,
						     0));

	if (off == 6 && !c)
		c = (ofl_sum16)0xffff;
	memcpy(s + start + off, &c, 2);
}

/* Segment a merged delivery with lib/gso, as it is; compare with the
 * frames it was merged from. */
static inline int rt_resegment(const struct ofl_gro_pkt *p, int partial,
			       uint32_t profile)
{
	struct ofl_gso_meta m;
	struct ofl_gso_iter it;
	struct ofl_gso_seg sg;
	uint32_t nfr = 1u + p->nslices, gre, j;
	int err, r, k = 0;

	err = ofl_gso_meta_from_frame(p->hdr, p->hdr_len, p->gso_size, &m);
	if (err)
		RT_FAIL("meta_from_frame on the delivery's header: %d", err);
	if (m.hdr_len != p->hdr_len)
		RT_FAIL("hdr_len %u, delivery says %u", m.hdr_len, p->hdr_len);
	/* the delivery as it is: no gso_type translation */
	m.gso_type = p->gso_type;
	m.gso_size = p->gso_size;
	m.csum_start = p->csum_start;
	m.csum_offset = p->csum_offset;
	m.ip_summed = OFL_CHECKSUM_PARTIAL;
	rt.fr[0].data = p->hdr;
	rt.fr[0].len = p->hdr_len;
	rt.fr[0].reserved = 0;
	for (j = 0; j < p->nslices; j++) {
		const struct ofl_gro_slice *s = &p->slice[j];

		rt.fr[1 + j].data = rt.fp[s->frame] + s->off;
		rt.fr[1 + j].len = s->len;
		rt.fr[1 + j].reserved = 0;
	}
	err = ofl_gso_init(&it, rt.fr, nfr, &m,
			   partial ? OFL_GSO_F_CSUM_PARTIAL : 0);
	if (err)
		RT_FAIL("gso_init(gso_type %#x gso_size %u, %u frags): %d",
			(unsigned int)m.gso_type, m.gso_size, nfr, err);
	if (ofl_gso_count(&it) != p->gso_segs)
		RT_FAIL("gso count %u, gro gso_segs %u", ofl_gso_count(&it),
			p->gso_segs);
	gre = rt_gre_csum_off(p->hdr, &m);
	while ((r = ofl_gso_next(&it, rt.hdr, sizeof(rt.hdr), &sg)) == 1) {
		uint32_t id = k < p->nslices ? p->slice[k].frame : 0, len, fi = sg.frag, fo;
		uint32_t left = sg.payload_len;
		struct ofl_gso_fix fx;

		if (k >= p->nslices)
			RT_FAIL("more segments than slices");
		len = sg.hdr_len + sg.payload_len;
		if (len != rt.fl[id] || sg.payload_len != p->slice[k].len)
			RT_FAIL("segment %d: %u bytes, frame %u has %u", k, len,
				id, rt.fl[id]);
		memcpy(rt.seg, rt.hdr, sg.hdr_len);
		fo = sg.frag_off;
		while (left) {		/* the slice, through the fragments */
			uint32_t c = rt.fr[fi].len - fo;

			if (c > left)
				c = left;
			memcpy(rt.seg + len - left, rt.fr[fi].data + fo, c);
			left -= c;
			fi++;
			fo = 0;
		}
		/* the expected segment: the frame GRO merged; the GRE
		 * checksum as the first segment had it (gre_gro_complete
		 * keeps it, gre_gso_segment without GRE_CSUM too) */
		memcpy(rt.want, rt.fp[id], len);
		rt_linux_ids(rt.want, len, rt.fp[p->slice[0].frame], &m,
			     (uint32_t)k, profile);
		if (gre)
			memcpy(rt.want + gre, rt.fp[p->slice[0].frame] + gre,
			       2);
		if (partial) {
			/* ofl_gso_fixup() alone gives the same header */
			memset(&fx, 0, sizeof(fx));
			fx.payload_off = (uint32_t)k * p->gso_size;
			fx.payload_len = sg.payload_len;
			fx.total_len = p->len - p->hdr_len;
			fx.id_delta = (uint32_t)k;
			fx.gso_segs = 1;
			fx.first = k == 0;
			fx.last = k + 1 == p->gso_segs;
			fx.flags = OFL_GSO_F_CSUM_PARTIAL;
			memcpy(rt.fix, p->hdr, p->hdr_len);
			err = ofl_gso_fixup(rt.fix, rt.fix + p->hdr_len, &m,
					    &fx);
			if (err || memcmp(rt.fix, rt.hdr, p->hdr_len))
				RT_FAIL("segment %d: ofl_gso_fixup %d or its "
					"header differs from ofl_gso_next's",
					k, err);
			if (sg.csum_start != m.csum_start ||
			    sg.csum_offset != m.csum_offset)
				RT_FAIL("segment %d: csum_start/offset", k);
			rt_complete(rt.seg, len, sg.csum_start,
				    sg.csum_offset);
		}
		if (memcmp(rt.seg, rt.want, len)) {
			for (j = 0; j < len && rt.seg[j] == rt.want[j]; j++)
				;
			RT_FAIL("%s segment %d (frame %u, gso_type %#x): "
				"byte %u is %#x, the original has %#x",
				partial ? "partial" : "complete", k, id,
				(unsigned int)m.gso_type, j, rt.seg[j],
				rt.want[j]);
		}
		k++;
	}
	if (r != 0 || k != p->nslices)
		RT_FAIL("gso_next %d after %d of %u segments", r, k,
			p->nslices);
	rt.segments += (unsigned int)k;
	return 0;
}

/* GRO then GSO. Returns the number of merged deliveries checked, -1 with
 * rt.msg on a mismatch. */
static inline int rt_gro_gso(const struct rt_flow *w)
{
	struct ofl_gro_opts o;
	int n = w->nseg, i, k, c;
	unsigned int j;

	if (n < 1 || n > RT_NSEG)
		RT_FAIL("bad flow");
	memset(&o, 0, sizeof(o));
	o.sz = sizeof(o);
	o.profile = w->profile;
	o.flags = rt_gro_flags(w);
	if (ofl_gro_init(&rt.ctx, sizeof(rt.ctx), &o))
		RT_FAIL("gro_init");
	for (i = 0; i < n; i++) {
		rt.fl[i] = (uint32_t)rt_build(w, i, 1, rt.fb[i]);
		rt.fp[i] = rt.fb[i];
		rt.seen[i] = 0;
		rt.f[i].data = rt.fb[i];
		rt.f[i].len = rt.fl[i];
		rt.f[i].hash = 3;
		rt.f[i].id = (uint32_t)i;
		rt.f[i].ip_summed = OFL_CHECKSUM_NONE;
		rt.f[i].csum = 0;
		rt.f[i].csum_start = 0;
		rt.f[i].vlan_proto = 0;
		rt.f[i].vlan_tci = 0;
		rt.f[i].reserved = 0;
	}
	k = ofl_gro_receive_burst(&rt.ctx, rt.f, (unsigned int)n, rt.pk,
				  2 * RT_NSEG);
	if (k < 0)
		RT_FAIL("receive_burst %d", k);
	c = ofl_gro_flush(&rt.ctx, rt.pk + k, OFL_GRO_MAX_FLOWS);
	if (c < 0)
		RT_FAIL("flush %d", c);
	k += c;
	c = 0;
	for (i = 0; i < k; i++) {
		const struct ofl_gro_pkt *p = &rt.pk[i];

		for (j = 0; j < p->nslices; j++)
			if (p->slice[j].frame >= (uint32_t)n ||
			    rt.seen[p->slice[j].frame]++)
				RT_FAIL("frame delivered twice");
		if (p->kind == OFL_GRO_PKT_FRAME) {
			rt.frames++;
			continue;
		}
		if (p->csum_offset != ((p->gso_type & OFL_GSO_UDP_L4) ? 6 : 16))
			RT_FAIL("csum_offset %u", p->csum_offset);
		if (rt_resegment(p, 0, w->profile) ||
		    rt_resegment(p, 1, w->profile))
			return -1;
		rt.merged++;
		c++;
	}
	for (i = 0; i < n; i++)
		if (rt.seen[i] != 1)
			RT_FAIL("frame %d delivered %u times", i, rt.seen[i]);
	return c;
}

/* gso_type lib/gro gives for a GSO super-frame of type @t (the functions
 * named at the top of this file). */
static inline uint32_t rt_gro_type(uint32_t t, uint32_t profile)
{
	/* 6.10: the outer ID with DF is not looked at (inet_gro_flush) */
	if (profile == OFL_GRO_PROFILE_6_10 && (t & OFL_GSO_TUNNEL_MASK))
		t &= ~OFL_GSO_TCP_FIXEDID;
	if (t & OFL_GSO_GRE_CSUM)
		t = (t & ~OFL_GSO_GRE_CSUM) | OFL_GSO_GRE; /* gre_gro_complete */
	if (!(t & OFL_GSO_TCPV4))	/* tcp6_gro_complete, udp */
		t &= ~(OFL_GSO_TCP_FIXEDID | OFL_GSO_TCP_FIXEDID_INNER);
	return t;
}

/* The flow's @n segments from @i as one super-frame in rt.super and its
 * GSO metadata: ofl_gso_meta_from_frame() and the bits the flow asks for. */
static inline int rt_meta(const struct rt_flow *w, int i, int n,
			  struct ofl_gso_meta *m)
{
	int len = rt_build(w, i, n, rt.super), err;

	err = ofl_gso_meta_from_frame(rt.super, (size_t)len,
				      (uint16_t)w->mss, m);
	if (err)
		RT_FAIL("meta_from_frame: %d", err);
	if ((m->gso_type & OFL_GSO_TUNNEL_MASK) && w->t.vx == 1 &&
	    w->t.oidfix)
		m->gso_type |= OFL_GSO_TCP_FIXEDID;
	if (w->idfix && !w->t.v6)
		m->gso_type |= (m->gso_type & OFL_GSO_TUNNEL_MASK) ?
			OFL_GSO_TCP_FIXEDID_INNER : OFL_GSO_TCP_FIXEDID;
	if (m->gso_type & OFL_GSO_UDP_L4)
		m->gso_type &= ~(OFL_GSO_TCP_FIXEDID |
				 OFL_GSO_TCP_FIXEDID_INNER);
	if ((i == 0 || w->cwr_all) && (w->first_flags & 0x80))
		m->gso_type |= w->cwr_all ? OFL_GSO_TCP_ACCECN
					  : OFL_GSO_TCP_ECN;
	return len;
}

/* GSO then GRO. Returns the number of merged deliveries checked (1 or
 * 0), -1 with rt.msg on a mismatch, -2 if lib/gso refuses the flow (the
 * caller decides whether that is expected). */
static inline int rt_gso_gro(const struct rt_flow *w)
{
	struct ofl_gro_opts o;
	struct ofl_gso_meta m;
	struct ofl_gso_frag fr;
	int len, n, i, k, c, split, tail, mid, wl;
	const struct ofl_gro_pkt *merged;
	size_t off = 0;
	uint32_t gre, want_type;

	len = rt_meta(w, 0, w->nseg, &m);
	if (len < 0)
		return -1;
	fr.data = rt.super;
	fr.len = (uint32_t)len;
	fr.reserved = 0;
	n = ofl_gso_segment(&fr, 1, &m, 0, rt.segs, sizeof(rt.segs), rt.lens,
			    RT_NSEG);
	if (n < 0) {
		snprintf(rt.msg, sizeof(rt.msg), "gso_segment %d", n);
		return -2;
	}
	if (n != w->nseg)
		RT_FAIL("gso made %d segments, the flow has %d", n, w->nseg);
	/* the segments are the flow's frames (GSO alone, both ways) */
	for (i = 0; i < n; i++) {
		rt.fp[i] = rt.segs + off;
		rt.fl[i] = rt.lens[i];
		rt.f[i].data = rt.segs + off;
		rt.f[i].len = rt.lens[i];
		rt.f[i].hash = 3;
		rt.f[i].id = (uint32_t)i;
		rt.f[i].ip_summed = OFL_CHECKSUM_NONE;
		rt.f[i].csum = 0;
		rt.f[i].csum_start = 0;
		rt.f[i].vlan_proto = 0;
		rt.f[i].vlan_tci = 0;
		rt.f[i].reserved = 0;
		off += rt.lens[i];
	}
	memset(&o, 0, sizeof(o));
	o.sz = sizeof(o);
	o.profile = w->profile;
	o.flags = rt_gro_flags(w);
	if (ofl_gro_init(&rt.ctx, sizeof(rt.ctx), &o))
		RT_FAIL("gro_init");
	k = ofl_gro_receive_burst(&rt.ctx, rt.f, (unsigned int)n, rt.pk,
				  2 * RT_NSEG);
	if (k < 0)
		RT_FAIL("receive_burst %d", k);
	c = ofl_gro_flush(&rt.ctx, rt.pk + k, OFL_GRO_MAX_FLOWS);
	if (c < 0)
		RT_FAIL("flush %d", c);
	k += c;
	/*
	 * Segments Linux passes up alone: 6.18's tcp_gro_receive() never
	 * merges the CWR segment (the first, SKB_GSO_TCP_ECN); with GRE C
	 * and K, gre_gro_receive() compares the word after the base header,
	 * the checksum, which equal-length segments share (and, inner IPv6
	 * lengths cancelling, all segments) and a shorter last one may not.
	 * The rest is one merged frame (in any order
	 * with them: a lone segment may be held as a flow of its own).
	 */
	split = (m.gso_type & OFL_GSO_TCP_ECN) &&
		w->profile == OFL_GRO_PROFILE_6_18;
	gre = rt_gre_csum_off(rt.super, &m);
	tail = gre && w->t.grekey && n - split > 1 &&
	       memcmp(rt.fp[n - 1] + gre, rt.fp[split] + gre, 2);
	mid = n - split - tail;
	merged = NULL;
	for (i = 0; i < k; i++) {
		const struct ofl_gro_pkt *p = &rt.pk[i];

		if (p->kind == OFL_GRO_PKT_MERGED && !merged &&
		    p->frame == (uint32_t)split && mid > 1) {
			merged = p;
		} else if (p->kind == OFL_GRO_PKT_FRAME &&
			   ((split && p->frame == 0) ||
			    (tail && p->frame == (uint32_t)n - 1) ||
			    (mid == 1 && p->frame == (uint32_t)split))) {
			rt.frames++;
		} else {
			RT_FAIL("delivery %d: kind %u frame %u unexpected "
				"(%d segments, %d+%d+%d)", i, p->kind,
				p->frame, n, split, mid, tail);
		}
	}
	if (k != split + tail + (mid > 0))
		RT_FAIL("%d deliveries, want %d", k, split + tail + (mid > 0));
	if (mid < 2)
		return 0;
	if (split || tail) {
		len = rt_meta(w, split, mid, &m);
		if (len < 0)
			return -1;
		n = mid;
	}
	{
		const struct ofl_gro_pkt *p = merged;

		want_type = rt_gro_type(m.gso_type, w->profile);
		if (p->kind != OFL_GRO_PKT_MERGED || p->gso_segs != n ||
		    p->gso_size != w->mss || p->gso_type != want_type)
			RT_FAIL("merged: kind %u segs %u/%d size %u/%d type "
				"%#x want %#x", p->kind, p->gso_segs, n,
				p->gso_size, w->mss,
				(unsigned int)p->gso_type,
				(unsigned int)want_type);
		if (p->csum_start != m.csum_start ||
		    p->csum_offset != m.csum_offset)
			RT_FAIL("csum_start/offset %u/%u, meta %u/%u",
				p->csum_start, p->csum_offset, m.csum_start,
				m.csum_offset);
		wl = ofl_gro_pkt_linearize(p, rt.fp, rt.fl, (uint32_t)w->nseg,
					   rt.back, sizeof(rt.back), 1);
		if (wl != len)
			RT_FAIL("linearize %d, super-frame %d", wl, len);
		memcpy(rt.want, rt.super, (size_t)len);
		/* linearize completes as skb_checksum_help(): a TCP sum
		 * folding to 0 is stored as 0xffff (CSUM_MANGLED_0) */
		i = m.csum_start + m.csum_offset;
		if (!rt.want[i] && !rt.want[i + 1])
			rt.want[i] = rt.want[i + 1] = 0xff;
		gre = rt_gre_csum_off(rt.super, &m);
		if (gre)	/* gre_gro_complete: the first segment's */
			memcpy(rt.want + gre, rt.fp[p->frame] + gre, 2);
		if (memcmp(rt.back, rt.want, (size_t)len)) {
			for (i = 0; i < len && rt.back[i] == rt.want[i]; i++)
				;
			RT_FAIL("merged frame byte %d is %#x, super-frame %#x",
				i, rt.back[i], rt.want[i]);
		}
	}
	rt.merged++;
	return 1;
}

#endif
