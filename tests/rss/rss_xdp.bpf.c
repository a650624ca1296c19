// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * XDP RSS steering with lib/rss: the Toeplitz tables (struct ofl_rss,
 * computed by ofl_rss_init() in userspace) and the indirection table live
 * in array map values; the program walks Ethernet/IPv4/IPv6/TCP/UDP (a
 * stand-in for lib/parser), hashes, picks the queue, writes hash, type and
 * queue into the "rss_out" map, and redirects to the cpumap entry of that
 * queue. The test leaves the cpumap empty, so the redirect falls back to
 * XDP_PASS (the low bits of the flags) and the frame comes back.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

struct rss_cfg {
	__u32 types;
	__u32 xfrm;
};

struct rss_out {
	__u32 hash;
	__u32 queue;
	__s32 type;
	__u32 runs;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_rss);
} rss_ctx SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_rss_reta);
} rss_reta SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rss_cfg);
} rss_cfg SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rss_out);
} rss_out SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct bpf_cpumap_val);
} rss_cpus SEC(".maps");

static __always_inline void parse_l4(const __u8 *p, const __u8 *end,
				     struct ofl_rss_flow *f)
{
	if (f->proto != 6 && f->proto != 17)
		return;
	if (f->flags & OFL_RSS_FLOW_FRAG)
		return;
	if (p + 4 > end)
		return;
	__builtin_memcpy(f->sport, p, 2);
	__builtin_memcpy(f->dport, p + 2, 2);
	f->flags |= OFL_RSS_FLOW_PORTS;
}

static __always_inline void parse(const __u8 *p, const __u8 *end,
				  struct ofl_rss_flow *f)
{
	__u16 type;

	if (p + 14 > end)
		return;
	type = (__u16)(p[12] << 8 | p[13]);
	p += 14;
	if (type == 0x0800) {
		__u32 ihl;

		if (p + 20 > end)
			return;
		ihl = (p[0] & 15) * 4u;
		if ((p[0] >> 4) != 4 || ihl < 20)
			return;
		f->family = 4;
		f->proto = p[9];
		__builtin_memcpy(f->src, p + 12, 4);
		__builtin_memcpy(f->dst, p + 16, 4);
		if (((p[6] << 8) | p[7]) & 0x1fff)
			f->flags |= OFL_RSS_FLOW_FRAG;
		p += ihl;
		parse_l4(p, end, f);
	} else if (type == 0x86dd) {
		if (p + 40 > end)
			return;
		if ((p[0] >> 4) != 6)
			return;
		f->family = 6;
		f->proto = p[6];
		__builtin_memcpy(f->src, p + 8, 16);
		__builtin_memcpy(f->dst, p + 24, 16);
		parse_l4(p + 40, end, f);
	}
}

SEC("xdp")
int rss_xdp(struct xdp_md *xdp)
{
	const __u8 *data = (const __u8 *)(long)xdp->data;
	const __u8 *end = (const __u8 *)(long)xdp->data_end;
	struct ofl_rss_flow f = { 0 };
	const struct ofl_rss *ctx;
	const struct ofl_rss_reta *reta;
	const struct rss_cfg *cfg;
	struct rss_out *out;
	__u32 k = 0, h;
	int t;

	ctx = bpf_map_lookup_elem(&rss_ctx, &k);
	reta = bpf_map_lookup_elem(&rss_reta, &k);
	cfg = bpf_map_lookup_elem(&rss_cfg, &k);
	out = bpf_map_lookup_elem(&rss_out, &k);
	if (!ctx || !reta || !cfg || !out)
		return XDP_ABORTED;
	parse(data, end, &f);
	h = ofl_rss_hash_flow(ctx, &f, cfg->types, cfg->xfrm, &t);
	out->hash = h;
	out->type = t;
	out->queue = ofl_rss_reta_queue(reta, h);
	out->runs++;
	return bpf_redirect_map(&rss_cpus, out->queue, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
