// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * IP-in-IP GSO on a kernel without ipip/sit/ip6tnl devices (the 6.18 host
 * of record: no CONFIG_NET_IPIP, CONFIG_IPV6_SIT, CONFIG_IPV6_TUNNEL; the
 * GSO callbacks ipip_gso_segment, sit_gso_segment, ip4ip6_gso_segment and
 * ip6ip6_gso_segment are built in all the same). A tc egress program on
 * kernel_gso.sh's TX veth puts an outer IPv4 ("tc4") or IPv6 ("tc6")
 * header in front of every GSO super-frame with bpf_skb_adjust_room
 * (BPF_ADJ_ROOM_MAC, BPF_F_ADJ_ROOM_ENCAP_L3_IPV4/6, FIXED_GSO): in
 * bpf_skb_net_grow that sets skb->encapsulation, the inner headers and
 * SKB_GSO_IPXIP4 / SKB_GSO_IPXIP6, and sets skb->protocol to the outer
 * family. The veth (tso/gso off) then segments it in software exactly as
 * after an ipip device. The outer header is this program's (ID 0x1234,
 * DF, TTL 64, 198.18.0.1 > 198.18.0.2 or 2001:db8:0:1::1 > ::2); the
 * per-segment rewrite is the kernel's, compared with lib/gso by
 * kernel_gso.c mode l3e.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static __always_inline int encap(struct __sk_buff *skb, int v6)
{
	__u8 h[40] = { 0 };
	__u32 olen = v6 ? 40 : 20, len, s = 0, i;
	__u16 et = bpf_htons(v6 ? ETH_P_IPV6 : ETH_P_IP);
	__u8 inner;

	if (!skb->gso_size)
		return TC_ACT_OK;
	if (skb->protocol == bpf_htons(ETH_P_IP))
		inner = 4;
	else if (skb->protocol == bpf_htons(ETH_P_IPV6))
		inner = 41;
	else
		return TC_ACT_OK;
	if (bpf_skb_adjust_room(skb, (__s32)olen, BPF_ADJ_ROOM_MAC,
				BPF_F_ADJ_ROOM_FIXED_GSO |
				(v6 ? BPF_F_ADJ_ROOM_ENCAP_L3_IPV6
				    : BPF_F_ADJ_ROOM_ENCAP_L3_IPV4)))
		return TC_ACT_SHOT;
	len = skb->len - ETH_HLEN;
	if (v6) {
		h[0] = 0x60;
		h[4] = (__u8)((len - 40) >> 8);
		h[5] = (__u8)(len - 40);
		h[6] = inner;
		h[7] = 64;
		h[8] = 0x20; h[9] = 0x01; h[10] = 0x0d; h[11] = 0xb8;
		h[13] = 1; h[23] = 1;
		h[24] = 0x20; h[25] = 0x01; h[26] = 0x0d; h[27] = 0xb8;
		h[29] = 1; h[39] = 2;
	} else {
		h[0] = 0x45;
		h[2] = (__u8)(len >> 8);
		h[3] = (__u8)len;
		h[4] = 0x12; h[5] = 0x34;
		h[6] = 0x40;
		h[8] = 64;
		h[9] = inner;
		h[12] = 198; h[13] = 18; h[15] = 1;
		h[16] = 198; h[17] = 18; h[19] = 2;
		for (i = 0; i < 20; i += 2)
			s += (__u32)h[i] << 8 | h[i + 1];
		s = (s & 0xffff) + (s >> 16);
		s = (s & 0xffff) + (s >> 16);
		h[10] = (__u8)(~s >> 8);
		h[11] = (__u8)~s;
	}
	if (bpf_skb_store_bytes(skb, ETH_HLEN, h, olen, 0) ||
	    bpf_skb_store_bytes(skb, 12, &et, 2, 0))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

SEC("tc4")
int ipxip4_encap(struct __sk_buff *skb)
{
	return encap(skb, 0);
}

SEC("tc6")
int ipxip6_encap(struct __sk_buff *skb)
{
	return encap(skb, 1);
}

char _license[] SEC("license") = "Dual BSD/GPL";
