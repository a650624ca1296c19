/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Conformance entry point of lib/gso: the per-segment header fix-up
 * (ofl_gso_fixup), the part a device or a BPF program runs per segment.
 * Input record (numbers little-endian):
 *
 *   FIXUP  gso_type:le32 gso_size:le16 network_off:le16 transport_off:le16
 *          inner_network_off:le16 inner_transport_off:le16 hdr_len:le16
 *          csum_start:le16 csum_offset:le16 ip_summed:u8
 *          payload_off:le32 payload_len:le32 total_len:le32 id_delta:le32
 *          gso_segs:le32 first:u8 last:u8 flags:le16
 *          payload_sum:wire2 (the payload's ones'-complement sum, folded,
 *          as the two bytes a plain store of it writes)
 *          headers[hdr_len]                               (hdr_len <= 200)
 *       -> rc:le32, the rewritten headers[hdr_len]
 */
#ifndef OFL_CONF_EXEC_GSO_H
#define OFL_CONF_EXEC_GSO_H

#include "exec_common.h"

#define OFL_CONF_GSO_REC 49	/* bytes before the headers */
#define OFL_CONF_GSO_HDR_MAX 200

enum ofl_conf_gso_op {
	OFL_CONF_GSO_FIXUP = 1,
	OFL_CONF_GSO_NOPS = 2,
};

#define OFL_CONF_GSO_ENTRIES(X) X(gso, GSO, fixup, FIXUP)

/* the decoded record, in the scratch area */
struct ofl_conf_gso_args {
	struct ofl_gso_meta m;
	struct ofl_gso_fix f;
};

#if defined(__bpf__)
/*
 * BPF: a global (not inlined) function, verified once on its own, whatever
 * path the caller took: the headers are fixed in place in the packet (the
 * input record is the packet's tail, so the headers end where the packet
 * ends, as natively they end at @end), with the packet end as bound, the
 * form the verifier follows; then they are copied to the output area.
 * Inlined into the entry point, the copy loop after the fix-up was walked
 * once per path through the fix-up (over 1M instructions), and a fix-up of
 * a copy in the output area bounded by a pointer that is not the packet end
 * gives "R1 offset is outside of the packet". Writes rc to data[0..4),
 * returns the number of header bytes copied (-1: more than the maximum).
 */
__attribute__((noinline)) int
ofl_conf_gso_fix_bpf(struct xdp_md *ctx, struct ofl_conf_gso_args *a)
{
	uint8_t *data = (uint8_t *)(long)ctx->data;
	uint8_t *end = (uint8_t *)(long)ctx->data_end;
	uint8_t *h = data + OFL_CONF_OUT_OFF + OFL_CONF_GSO_REC;
	unsigned int i;
	int rc;

	if (!a || h > end || h + OFL_CONF_GSO_HDR_MAX + 1 <= end)
		return -1;
	rc = ofl_gso_fixup(h, end, &a->m, &a->f);
	ofl_conf_put_le32(data, (uint32_t)rc);
	for (i = 0; i < OFL_CONF_GSO_HDR_MAX; i++) {
		if (h + i + 1 > end)
			break;
		data[4 + i] = h[i];
	}
	return (int)i;
}
#endif

/*
 * The headers are the record's bytes after the first OFL_CONF_GSO_REC
 * (at most OFL_CONF_GSO_HDR_MAX); @m.hdr_len may claim more or fewer (the
 * fix-up refuses the first: OFL_ENODATA).
 */
static inline __attribute__((always_inline)) int
ofl_conf_gso_fixup(const uint8_t *in, const uint8_t *end, uint8_t *out,
		   struct ofl_conf_gso_args *a, void *ctx)
{
	struct ofl_gso_meta *m = &a->m;
	struct ofl_gso_fix *f = &a->f;
	const uint8_t *h = in + OFL_CONF_GSO_REC;
	int n;

	if (h > end)
		return -1;
	m->gso_type = ofl_conf_le32(in);
	m->gso_size = ofl_conf_le16(in + 4);
	m->network_off = ofl_conf_le16(in + 6);
	m->transport_off = ofl_conf_le16(in + 8);
	m->inner_network_off = ofl_conf_le16(in + 10);
	m->inner_transport_off = ofl_conf_le16(in + 12);
	m->hdr_len = ofl_conf_le16(in + 14);
	m->csum_start = ofl_conf_le16(in + 16);
	m->csum_offset = ofl_conf_le16(in + 18);
	m->ip_summed = in[20];
	m->reserved[0] = m->reserved[1] = m->reserved[2] = 0;
	f->payload_off = ofl_conf_le32(in + 21);
	f->payload_len = ofl_conf_le32(in + 25);
	f->total_len = ofl_conf_le32(in + 29);
	f->id_delta = ofl_conf_le32(in + 33);
	f->gso_segs = ofl_conf_le32(in + 37);
	f->first = in[41];
	f->last = in[42];
	f->flags = ofl_conf_le16(in + 43);
	f->payload_sum = (OFL_FORCE ofl_wsum)(uint32_t)ofl_conf_ne16(in + 45);
#if defined(__bpf__)
	(void)out;
	n = ofl_conf_gso_fix_bpf((struct xdp_md *)ctx, a);
	if (n < 0 || n > OFL_CONF_GSO_HDR_MAX)
		return -1;
#else
	{
		int rc, i;

		(void)ctx;
		n = (int)(end - h);
		if (n > OFL_CONF_GSO_HDR_MAX)
			return -1;
		for (i = 0; i < n; i++)
			out[4 + i] = h[i];
		rc = ofl_gso_fixup(out + 4, out + 4 + n, m, f);
		ofl_conf_put_le32(out, (uint32_t)rc);
	}
#endif
	return 4 + n;
}

static inline __attribute__((always_inline)) int
ofl_conf_gso_exec(unsigned int op, const uint8_t *in, const uint8_t *end,
		  uint8_t *out, void *scratch, void *ctx)
{
	struct ofl_conf_gso_args *a = (struct ofl_conf_gso_args *)scratch;

	switch (op) {
	case OFL_CONF_GSO_FIXUP:
		return ofl_conf_gso_fixup(in, end, out, a, ctx);
	default:
		return -1;
	}
}

#endif /* OFL_CONF_EXEC_GSO_H */
