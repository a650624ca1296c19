// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * tc (SCHED_CLS): return the kernel's own flow hash of the frame,
 * bpf_get_hash_recalc() -> skb_get_hash() -> __skb_flow_dissect() with
 * flow_keys_dissector (addresses, ports, VLAN, flow label, GRE key). Run
 * by kernel_ports.c through BPF_PROG_TEST_RUN; nothing of ofl is in here.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int khash(struct __sk_buff *skb)
{
	return (int)bpf_get_hash_recalc(skb);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
