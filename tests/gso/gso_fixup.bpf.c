// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * XDP: ofl_gso_fixup() on a packet laid out as
 *   [struct ofl_gso_meta][struct ofl_gso_fix][headers of one segment]
 * The headers are rewritten in place; the return code goes into the first
 * four bytes. test_gso_bpf.c compares the result with the native build.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

#define GSO_BPF_PRE (sizeof(struct ofl_gso_meta) + sizeof(struct ofl_gso_fix))

SEC("xdp")
int gso_fixup(struct xdp_md *ctx)
{
	uint8_t *data = (uint8_t *)(long)ctx->data;
	uint8_t *end = (uint8_t *)(long)ctx->data_end;
	struct ofl_gso_meta m;
	struct ofl_gso_fix f;
	int32_t err;

	if (data + GSO_BPF_PRE > end)
		return XDP_ABORTED;
	/* typed copies: clang copies a uint8_t source byte by byte (173
	 * instructions for the 52 bytes), through the struct types by
	 * 4-byte words; the verifier takes unaligned packet access where
	 * alignment is not strict (the packet starts aligned here anyway) */
	m = *(const struct ofl_gso_meta *)(const void *)data;
	f = *(const struct ofl_gso_fix *)(const void *)(data + sizeof(m));
	err = ofl_gso_fixup(data + GSO_BPF_PRE, end, &m, &f);
	*(int32_t *)(void *)data = err;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
