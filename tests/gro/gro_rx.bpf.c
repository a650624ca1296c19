// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * XDP: the per-frame GRO decision and merge of lib/gro, with the GRO
 * context in a map value. The frame is copied into the map value first
 * (bpf_xdp_load_bytes) so that held flows can reference it by id, as a
 * driver's rx ring would; the deliveries go to the map value too.
 * Frames carry CHECKSUM_UNNECESSARY (the device's verdict), or with
 * csum_none set CHECKSUM_NONE (lib/gro checks the TCP checksum).
 */
#include <linux/bpf.h>
/* The full lib/gro (VLAN tags, IPv6 extension headers, UDP GRO, VXLAN and
 * GENEVE): its steps are global functions in BPF (docs/GRO.md, "eBPF"). */
#include <bpf/bpf_helpers.h>
#define OFL_BPF_GRO 1	/* this program uses lib/gro */
#include <offload/bpf.h>

#define GRO_BPF_BUF OFL_GRO_BPF_BUF	/* frames up to 2047 bytes */

struct gro_state {
	struct ofl_gro_ctx ctx;
	struct ofl_gro_pkt out[2];
	uint32_t nout;
	int32_t ret;
	uint32_t hash;
	uint32_t id;
	uint8_t buf[GRO_BPF_BUF];
	/* gro_flush_old: the clock (also for gro_rx), the age limit, the
	 * result and the deliveries */
	uint32_t now;
	uint32_t min_age;
	int32_t fret;
	uint32_t csum_none;	/* 1: frames carry CHECKSUM_NONE */
	struct ofl_gro_pkt fout[OFL_GRO_MAX_FLOWS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, uint32_t);
	__type(value, struct gro_state);
} state SEC(".maps");

SEC("xdp")
int gro_rx(struct xdp_md *xdp)
{
	uint32_t key = 0;
	uint64_t len = xdp->data_end - xdp->data;
	struct gro_state *st = bpf_map_lookup_elem(&state, &key);
	struct ofl_gro_frame f;
	unsigned int nout = 0;

	if (!st || len > 2047)
		return XDP_ABORTED;
	/* "R4 min value is negative, either use unsigned or 'var &= const'" */
	asm volatile("%[l] &= 2047" : [l] "+r"(len));
	if (len < 1)
		return XDP_ABORTED;
	if (bpf_xdp_load_bytes(xdp, 0, st->buf, len))
		return XDP_ABORTED;
	f.data = st->buf;
	f.len = (uint32_t)len;
	f.hash = st->hash;
	f.id = st->id;
	f.ip_summed = st->csum_none ? OFL_CHECKSUM_NONE :
				       OFL_CHECKSUM_UNNECESSARY;
	f.csum = 0;
	f.csum_start = 0;
	f.vlan_proto = 0;
	f.vlan_tci = 0;
	f.reserved = 0;
	ofl_gro_clock(&st->ctx, st->now);
	st->ret = ofl_gro_receive(&st->ctx, &f, st->out, &nout);
	st->nout = nout;
	return XDP_PASS;
}

/* ofl_gro_flush_old at the clock st->now with st->min_age (the packet is
 * not used) */
SEC("xdp")
int gro_flush_old(struct xdp_md *xdp)
{
	uint32_t key = 0;
	struct gro_state *st = bpf_map_lookup_elem(&state, &key);

	(void)xdp;
	if (!st)
		return XDP_ABORTED;
	ofl_gro_clock(&st->ctx, st->now);
	st->fret = ofl_gro_flush_old(&st->ctx, st->fout, OFL_GRO_MAX_FLOWS,
				     st->min_age);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
