// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * XDP RSS steering with lib/rss: the Toeplitz tables (struct ofl_rss,
 * computed by ofl_rss_init() in userspace) and the indirection table live
 * in array map values; the program parses the frame with lib/parser
 * (ofl_parse_begin(), ofl_parse_step() in a global function, ofl_parse_
 * finish(); the result in a map value), takes the outer flow as lib/rss
 * wants it (ofl_rss_flow_from_parse()), hashes it with lib/rss,
 * picks the queue, writes hash, type and queue into the "rss_out" map, and
 * redirects to the cpumap entry of that queue. The test leaves the cpumap empty, so the redirect falls back to
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

/* lib/parser's result: too big for the stack, so a map value */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_parse_result);
} rss_parse SEC(".maps");

/*
 * One header per call: a global function, verified once whatever the
 * caller's loop (the whole ofl_parse() inlined is more than the verifier
 * takes; tests/parser/parse.bpf.c, docs/PARSER.md "eBPF").
 */
__attribute__((noinline)) int rss_parse_one(struct xdp_md *xdp,
					    struct ofl_parse_result *r)
{
	void *data = (void *)(long)xdp->data;
	void *end = (void *)(long)xdp->data_end;

	if (!r)
		return OFL_EINVAL;
	return ofl_parse_step(data, end, r, sizeof(*r));
}

/*
 * Hash the parsed outer flow and pick the queue: a global function too, so
 * that its stack (the flow, the hash input) and the parse step's are not
 * added up in one frame (BPF allows 512 bytes for a call chain).
 */
__attribute__((noinline)) int rss_steer(const struct ofl_parse_result *pr,
					struct rss_out *out)
{
	struct ofl_rss_flow f;
	const struct ofl_rss *ctx;
	const struct ofl_rss_reta *reta;
	const struct rss_cfg *cfg;
	__u32 k = 0, h;
	int t;

	if (!pr || !out)
		return -1;
	ctx = bpf_map_lookup_elem(&rss_ctx, &k);
	reta = bpf_map_lookup_elem(&rss_reta, &k);
	cfg = bpf_map_lookup_elem(&rss_cfg, &k);
	if (!ctx || !reta || !cfg)
		return -1;
	/* the frame is not passed: the ports behind a malformed IPv6
	 * option list are a native-only fallback */
	ofl_rss_flow_from_parse(pr, sizeof(*pr), NULL, NULL,
				OFL_RSS_LEVEL_OUTER, &f);
	h = ofl_rss_hash_flow(ctx, &f, cfg->types, cfg->xfrm, &t);
	out->hash = h;
	out->type = t;
	out->queue = ofl_rss_reta_queue(reta, h);
	out->runs++;
	return (int)out->queue;
}

SEC("xdp")
int rss_xdp(struct xdp_md *xdp)
{
	void *data = (void *)(long)xdp->data;
	void *end = (void *)(long)xdp->data_end;
	struct ofl_parse_result *pr;
	struct rss_out *out;
	__u32 k = 0, i;
	int ret, q;

	out = bpf_map_lookup_elem(&rss_out, &k);
	pr = bpf_map_lookup_elem(&rss_parse, &k);
	if (!out || !pr)
		return XDP_ABORTED;
	ret = ofl_parse_begin(data, end, OFL_PROTO_ETH, pr, sizeof(*pr));
	if (!ret) {
		ret = OFL_ELOOP;
		for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
			ret = rss_parse_one(xdp, pr);
			if (ret <= 0)
				break;
		}
	}
	ofl_parse_finish(pr, ret, sizeof(*pr));
	q = rss_steer(pr, out);
	if (q < 0)
		return XDP_ABORTED;
	return bpf_redirect_map(&rss_cpus, (__u32)q, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
