// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The conformance entry points as XDP programs, one per operation
 * (conf_<module>_<op>). The packet is OFL_CONF_OUT_OFF output bytes
 * followed by the input record; the program writes the output over the
 * first bytes and returns 0x10000 + its length (XDP_ABORTED: bad input).
 * Working memory (scratch) is the one value of the array map
 * ofl_conf_scratch.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#define OFL_BPF_GRO 1	/* the suite runs lib/gro too */
#include <offload/bpf.h>
#include "conf.h"
#include "conf_entries.h"

/* working memory of the exec functions (conf.h OFL_CONF_SCRATCH_MAX) */
struct ofl_conf_scratch {
	uint64_t b[OFL_CONF_SCRATCH_MAX / 8];
};
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, uint32_t);
	__type(value, struct ofl_conf_scratch);
} ofl_conf_scratch SEC(".maps");

#define OFL_CONF_BPF_PROG(m, M, o, O)					\
SEC("xdp") int conf_##m##_##o(struct xdp_md *ctx)			\
{									\
	uint8_t *data = (uint8_t *)(long)ctx->data;			\
	uint8_t *end = (uint8_t *)(long)ctx->data_end;			\
	uint32_t key = 0;						\
	void *scratch;							\
	int n;								\
									\
	scratch = bpf_map_lookup_elem(&ofl_conf_scratch, &key);		\
	if (!scratch || data + OFL_CONF_OUT_OFF > end)			\
		return XDP_ABORTED;					\
	n = ofl_conf_##m##_exec(OFL_CONF_##M##_##O,			\
				data + OFL_CONF_OUT_OFF, end, data,	\
				scratch, ctx);				\
	if (n < 0 || n > OFL_CONF_OUT_MAX)				\
		return XDP_ABORTED;					\
	return 0x10000 + n;						\
}

OFL_CONF_ENTRIES(OFL_CONF_BPF_PROG)

char LICENSE[] SEC("license") = "Dual BSD/GPL";
