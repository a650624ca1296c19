/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Conformance entry points of lib/gro: a GRO context lives across cases
 * (natively in struct ofl_conf's state area, in BPF in the array map
 * ofl_conf_gro_state), so a sequence of cases is a sequence of frames and
 * flushes through one context, as a driver's poll would run it. Input
 * records (numbers little-endian):
 *
 *   INIT   profile:u8 flags:u8 gro_max_size:le32 gro_ipv4_max_size:le32
 *       -> rc:le32 held:u8                      (ofl_gro_init)
 *   RX     hash:le32 id:le32 csum:u8 sum:2 csum_start:le16
 *          vlan_proto:le16 vlan_tci:le16 frame[rest] (frame <= 2031 bytes)
 *       -> rc:le32 nout:u8 held:u8              (ofl_gro_receive)
 *       sum: CHECKSUM_COMPLETE's sum of the frame from csum_start, folded
 *       and not complemented, in wire order as a checksum field holds it
 *       (the same bytes on every host; lib/gro takes it as an ofl_wsum)
 *   FLUSH  max_out:u8                           (<= OFL_GRO_MAX_FLOWS)
 *       -> rc:le32 held:u8                      (ofl_gro_flush)
 *   PKT    index:u8 part:u8                     (a delivery of the last
 *                                                RX or FLUSH)
 *       part 0 -> kind:u8 frame:le32 len:le32 gso_type:le32 hdr_len:le16
 *                 nslices:le16 gso_size:le16 gso_segs:le16
 *                 csum_start:le16 csum_offset:le16 ocsum_start:le16
 *                 vlan_proto:le16 vlan_tci:le16 hdr[hdr_len]
 *       part p in 1..3 -> slices [30(p-1), 30p) below nslices, each
 *                 frame:le32 off:le16 len:le16
 *       an index at or past the deliveries: -> 0xff
 *
 * Same capacities on every target: the library's defaults (8 buckets of 8
 * flows, OFL_GRO_MAX_SEGS 64, OFL_GRO_MAX_HDR 192).
 */
#ifndef OFL_CONF_EXEC_GRO_H
#define OFL_CONF_EXEC_GRO_H

#include "exec_common.h"

enum ofl_conf_gro_op {
	OFL_CONF_GRO_INIT = 1,
	OFL_CONF_GRO_RX = 2,
	OFL_CONF_GRO_FLUSH = 3,
	OFL_CONF_GRO_PKT = 4,
	OFL_CONF_GRO_NOPS = 5,
};

#define OFL_CONF_GRO_ENTRIES(X)						\
	X(gro, GRO, init, INIT) X(gro, GRO, rx, RX)			\
	X(gro, GRO, flush, FLUSH) X(gro, GRO, pkt, PKT)

#define OFL_CONF_GRO_RXREC 17		/* bytes before the frame */
#define OFL_CONF_GRO_SLICES 30		/* slices per PKT part */
#define OFL_CONF_GRO_PKT_FIXED 31	/* PKT part 0 bytes before hdr[] */

/* The context, the deliveries of the last call and a frame buffer (BPF:
 * lib/gro wants OFL_GRO_BPF_BUF bytes under a frame). */
struct ofl_conf_gro_state {
	struct ofl_gro_ctx ctx;
	struct ofl_gro_pkt out[OFL_GRO_MAX_FLOWS];
	uint32_t nout;
	uint32_t pad;
	uint8_t buf[OFL_GRO_BPF_BUF];
};

#if defined(__bpf__)
#define OFL_CONF_GRO_OPAQUE(x) __asm__ volatile("" : "+r"(x))
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, uint32_t);
	__type(value, struct ofl_conf_gro_state);
} ofl_conf_gro_state SEC(".maps");
#else
#define OFL_CONF_GRO_OPAQUE(x) ((void)0)
OFL_STATIC_ASSERT(sizeof(struct ofl_conf_gro_state) <= OFL_CONF_STATE_MAX,
		  "the GRO state fits struct ofl_conf's state area");
#endif

static inline __attribute__((always_inline)) int
ofl_conf_gro_init(struct ofl_conf_gro_state *st, const uint8_t *in,
		  const uint8_t *end, uint8_t *out)
{
	struct ofl_gro_opts o;
	int rc;

	if (in + 10 > end)
		return -1;
	o.sz = sizeof(o);
	o.profile = in[0];
	o.flags = in[1];
	o.gro_max_size = ofl_conf_le32(in + 2);
	o.gro_ipv4_max_size = ofl_conf_le32(in + 6);
	o.pool_segs = 0;
	o.reserved = 0;
	rc = ofl_gro_init(&st->ctx, sizeof(st->ctx), &o);
	st->nout = 0;
	ofl_conf_put_le32(out, (uint32_t)rc);
	out[4] = (uint8_t)ofl_gro_held(&st->ctx);
	return 5;
}

static inline __attribute__((always_inline)) int
ofl_conf_gro_rx(struct ofl_conf_gro_state *st, const uint8_t *in,
		const uint8_t *end, uint8_t *out, void *ctx)
{
	struct ofl_gro_frame f;
	unsigned int nout = 0;
	uint64_t len;
	int rc;

	if (in + OFL_CONF_GRO_RXREC > end)
		return -1;
	len = (uint64_t)(end - (in + OFL_CONF_GRO_RXREC));
	if (len > OFL_CONF_IN_MAX)
		return -1;
	f.hash = ofl_conf_le32(in);
	f.id = ofl_conf_le32(in + 4);
	f.ip_summed = in[8];
	f.csum = (OFL_FORCE ofl_wsum)ofl_conf_ne16(in + 9);
	f.csum_start = ofl_conf_le16(in + 11);
	f.vlan_proto = (uint16_t)ofl_conf_le16(in + 13);
	f.vlan_tci = (uint16_t)ofl_conf_le16(in + 15);
	f.reserved = 0;
	f.len = (uint32_t)len;
#if defined(__bpf__)
	/* the frame into the map value (lib/gro's frames lie in memory of
	 * OFL_GRO_BPF_BUF bytes in BPF) */
	/* "R4 min value is negative": an explicit mask */
	__asm__ volatile("%[l] &= 2047" : [l] "+r"(len));
	if (len && bpf_xdp_load_bytes(ctx, OFL_CONF_OUT_OFF +
				      OFL_CONF_GRO_RXREC, st->buf, len))
		return -1;
	f.data = st->buf;
#else
	(void)ctx;
	f.data = in + OFL_CONF_GRO_RXREC;
#endif
	rc = ofl_gro_receive(&st->ctx, &f, st->out, &nout);
	st->nout = nout;
	ofl_conf_put_le32(out, (uint32_t)rc);
	out[4] = (uint8_t)nout;
	out[5] = (uint8_t)ofl_gro_held(&st->ctx);
	return 6;
}

static inline __attribute__((always_inline)) int
ofl_conf_gro_flush(struct ofl_conf_gro_state *st, const uint8_t *in,
		   const uint8_t *end, uint8_t *out)
{
	unsigned int max;
	int rc;

	if (in + 1 > end)
		return -1;
	max = in[0] <= OFL_GRO_MAX_FLOWS ? in[0] : OFL_GRO_MAX_FLOWS;
	rc = ofl_gro_flush(&st->ctx, st->out, max);
	st->nout = rc > 0 ? (uint32_t)rc : 0;
	ofl_conf_put_le32(out, (uint32_t)rc);
	out[4] = (uint8_t)ofl_gro_held(&st->ctx);
	return 5;
}

static inline __attribute__((always_inline)) int
ofl_conf_gro_pkt(const struct ofl_conf_gro_state *st, const uint8_t *in,
		 const uint8_t *end, uint8_t *out)
{
	const struct ofl_gro_pkt *p;
	unsigned int i, n = 0, idx, part, first;

	if (in + 2 > end)
		return -1;
	idx = in[0];
	part = in[1] & 3;	/* 3 parts hold OFL_GRO_MAX_SEGS slices */
	if (idx >= st->nout || idx >= OFL_GRO_MAX_FLOWS) {
		out[0] = 0xff;
		return 1;
	}
	/* BPF: clang folds the index arithmetic past the checks above
	 * ("R8 unbounded memory access"); masks it cannot see through */
	OFL_CONF_GRO_OPAQUE(idx);
	p = &st->out[idx & (OFL_GRO_MAX_FLOWS - 1)];
	if (part == 0) {
		out[0] = (uint8_t)p->kind;
		ofl_conf_put_le32(out + 1, p->frame);
		ofl_conf_put_le32(out + 5, p->len);
		ofl_conf_put_le32(out + 9, p->gso_type);
		ofl_conf_put_le16(out + 13, p->hdr_len);
		ofl_conf_put_le16(out + 15, p->nslices);
		ofl_conf_put_le16(out + 17, p->gso_size);
		ofl_conf_put_le16(out + 19, p->gso_segs);
		ofl_conf_put_le16(out + 21, p->csum_start);
		ofl_conf_put_le16(out + 23, p->csum_offset);
		ofl_conf_put_le16(out + 25, p->ocsum_start);
		ofl_conf_put_le16(out + 27, p->vlan_proto);
		ofl_conf_put_le16(out + 29, p->vlan_tci);
		for (i = 0; i < OFL_GRO_MAX_HDR; i++) {
			if (i >= p->hdr_len)
				break;
			out[OFL_CONF_GRO_PKT_FIXED + i] = p->hdr[i];
		}
		return OFL_CONF_GRO_PKT_FIXED + (int)i;
	}
	first = (part - 1) * OFL_CONF_GRO_SLICES;
	for (i = 0; i < OFL_CONF_GRO_SLICES; i++) {
		const struct ofl_gro_slice *s;
		unsigned int si = first + i;

		if (si >= p->nslices || si >= OFL_GRO_MAX_SEGS)
			break;
		OFL_CONF_GRO_OPAQUE(si);
		s = &p->slice[si & (OFL_GRO_MAX_SEGS - 1)];
		ofl_conf_put_le32(out + 8 * i, s->frame);
		ofl_conf_put_le16(out + 8 * i + 4, s->off);
		ofl_conf_put_le16(out + 8 * i + 6, s->len);
		n += 8;
	}
	return (int)n;
}

/*
 * @scratch is not used: the state is @state natively (NULL in BPF, where
 * it is the one value of ofl_conf_gro_state).
 */
static inline __attribute__((always_inline)) int
ofl_conf_gro_exec(unsigned int op, const uint8_t *in, const uint8_t *end,
		  uint8_t *out, void *state, void *ctx)
{
	struct ofl_conf_gro_state *st;
#if defined(__bpf__)
	uint32_t key = 0;

	(void)state;
	st = bpf_map_lookup_elem(&ofl_conf_gro_state, &key);
	if (!st)
		return -1;
#else
	st = (struct ofl_conf_gro_state *)state;
#endif
	switch (op) {
	case OFL_CONF_GRO_INIT:
		return ofl_conf_gro_init(st, in, end, out);
	case OFL_CONF_GRO_RX:
		return ofl_conf_gro_rx(st, in, end, out, ctx);
	case OFL_CONF_GRO_FLUSH:
		return ofl_conf_gro_flush(st, in, end, out);
	case OFL_CONF_GRO_PKT:
		return ofl_conf_gro_pkt(st, in, end, out);
	default:
		return -1;
	}
}

#endif /* OFL_CONF_EXEC_GRO_H */
