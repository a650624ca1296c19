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
