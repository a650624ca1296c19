// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* XDP that does nothing: what BPF_PROG_TEST_RUN itself costs per repeat,
 * the floor under every BPF figure of bpf_bench.c. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_empty(struct xdp_md *ctx)
{
	(void)ctx;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";

/* The first step of tests/gro/gro_rx.bpf.c alone: the frame copied into a
 * map value (bpf_xdp_load_bytes), what bpf_bench's "gro frame copy" row
 * times against a memcpy. */
struct copy_buf {
	unsigned char b[9728];	/* OFL_GRO_BPF_BUF */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct copy_buf);
} copy_state SEC(".maps");

SEC("xdp")
int xdp_gro_copy(struct xdp_md *xdp)
{
	__u32 key = 0;
	__u64 len = xdp->data_end - xdp->data;
	struct copy_buf *st = bpf_map_lookup_elem(&copy_state, &key);

	if (!st || len > 2047)
		return XDP_ABORTED;
	asm volatile("%[l] &= 2047" : [l] "+r"(len));
	if (len < 1)
		return XDP_ABORTED;
	if (bpf_xdp_load_bytes(xdp, 0, st->b, len))
		return XDP_ABORTED;
	return XDP_PASS;
}
