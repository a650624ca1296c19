// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* An XDP program compiled against the installed tree exactly as issue 2
 * says (clang -O2 -target bpf -I<prefix>/include): ofl_csum_span() over the
 * whole frame, folded, written into the first two bytes so that the test
 * reads it back; the next two get the length of the view it summed. Built twice: SEC("xdp"), and SEC("xdp.frags") with
 * -DOFL_XDP_FRAGS for multi-buffer frames (jumbo, up to 9216 bytes). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>

#ifdef OFL_XDP_FRAGS
SEC("xdp.frags")
#else
SEC("xdp")
#endif
int xdp_consumer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	ofl_sum16 s = ofl_csum_fold(ofl_csum_span(data, data_end, 0));
	__u16 len = (__u16)((char *)data_end - (char *)data);

	if ((char *)data + 4 > (char *)data_end)
		return XDP_ABORTED;
	__builtin_memcpy(data, &s, 2);
	__builtin_memcpy((char *)data + 2, &len, 2);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
