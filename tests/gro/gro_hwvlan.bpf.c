// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * For gro_kdiff.c (kdiff.sh, group hwvlan): a tc egress program on the
 * sending veth that turns a frame's first in-band 802.1Q/802.1ad tag into
 * an out-of-band one (skb->vlan_proto/vlan_tci), as a NIC with hardware
 * VLAN stripping hands frames to GRO: bpf_skb_vlan_pop() takes the tag out
 * of the data, bpf_skb_vlan_push() on a frame without a tag only sets
 * __vlan_hwaccel_put_tag(), and veth (NETIF_F_HW_VLAN_CTAG_TX/STAG_TX)
 * keeps it out of band to the peer, whose dev_gro_receive then compares
 * vlan_all in gro_list_prepare. Frames without a tag pass unchanged.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int hwvlan(struct __sk_buff *skb)
{
	const __u8 *d = (const __u8 *)(long)skb->data;
	const __u8 *end = (const __u8 *)(long)skb->data_end;
	__u16 tpid, tci;

	if (d + 18 > end)
		return TC_ACT_OK;
	tpid = (__u16)(d[12] << 8 | d[13]);
	tci = (__u16)(d[14] << 8 | d[15]);
	if (tpid != 0x8100 && tpid != 0x88a8)
		return TC_ACT_OK;
	if (bpf_skb_vlan_pop(skb) ||
	    bpf_skb_vlan_push(skb, bpf_htons(tpid), tci))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
