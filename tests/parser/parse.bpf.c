// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * XDP: parse the frame with lib/parser and store the result struct in map
 * "result" (key 0), for bpf_parse.c to compare with the native build.
 *
 * No tail calls. One header per call of parse_one(), a global function
 * that the verifier checks once, whatever the caller's loop: the whole
 * walk inlined into one function (ofl_parse()) is more than the verifier
 * takes (docs/PARSER.md, "eBPF"). The graph tables are .rodata.
 * Default bounds (OFL_PARSE_MAX_*), as its native twin in bpf_parse.c;
 * the UDP tunnel port table from map "cfg" when set (ofl_parse_with()).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_parse_result);
} result SEC(".maps");

/* The UDP tunnel port table: used when its size field is set (by
 * ofl_parse_cfg_init() in userspace), else the built-in one. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_parse_cfg);
} cfg SEC(".maps");

__attribute__((noinline)) int parse_one(struct xdp_md *ctx,
					struct ofl_parse_result *r)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;

	if (!r)
		return OFL_EINVAL;
	return ofl_parse_step(data, end, r, sizeof(*r));
}

SEC("xdp")
int parse(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__u32 key = 0, i;
	struct ofl_parse_result *r = bpf_map_lookup_elem(&result, &key);
	struct ofl_parse_cfg *c = bpf_map_lookup_elem(&cfg, &key);
	int ret;

	if (!r || !c)
		return XDP_ABORTED;
	if (c->size)
		ret = ofl_parse_begin_with(data, end, OFL_PROTO_ETH, c, r,
					   sizeof(*r));
	else
		ret = ofl_parse_begin(data, end, OFL_PROTO_ETH, r, sizeof(*r));
	if (!ret) {
		ret = OFL_ELOOP;
		for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
			ret = parse_one(ctx, r);
			if (ret <= 0)
				break;
		}
	}
	ofl_parse_finish(r, ret, sizeof(*r));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
