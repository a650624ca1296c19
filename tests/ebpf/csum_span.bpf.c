// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* XDP: fold the ones'-complement sum of the whole frame into its first two
 * bytes, so the test reads it back with the packet. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

SEC("xdp")
int csum_span(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	uint8_t *p = data;
	ofl_sum16 s = ofl_csum_fold(ofl_csum_span(data, end, 0));

	if (p + 2 > (uint8_t *)end)
		return XDP_ABORTED;
	__builtin_memcpy(p, &s, 2);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
