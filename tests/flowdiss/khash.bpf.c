// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tc (SCHED_CLS): the kernel's own flow hash of the frame,
 * bpf_get_hash_recalc() -> skb_get_hash() -> __skb_flow_dissect() of the
 * namespace the run happens in: the built-in C dissector, or the flow
 * dissector program attached there (hash.c runs it in both).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int khash(struct __sk_buff *skb)
{
	return (int)bpf_get_hash_recalc(skb);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
