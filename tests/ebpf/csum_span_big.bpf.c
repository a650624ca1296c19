// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* XDP (attached in generic mode to a veth with a 9216-byte MTU): the
 * ones'-complement sum of every test frame (EtherType 0x88b5, the IEEE
 * local experimental one) by ofl_csum_span(), kept per frame length in a
 * map for tests/ebpf/test_csum_span_big.c. BPF_PROG_TEST_RUN carries at
 * most a page; this path carries frames up to and past
 * OFL_CSUM_BPF_MAX_SPAN. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} sums SEC(".maps");

SEC("xdp")
int csum_span_big(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	uint8_t *p = data;
	__u32 len, s;

	if (p + 14 > (uint8_t *)end || p[12] != 0x88 || p[13] != 0xb5)
		return XDP_PASS;
	len = (__u32)((uint8_t *)end - p);
	s = ofl_csum_fold(ofl_csum_span(data, end, 0));
	bpf_map_update_elem(&sums, &len, &s, BPF_ANY);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
