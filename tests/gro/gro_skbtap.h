/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* One ring buffer record of gro_skbtap.bpf.c (shared with gro_kdiff.c). */
#ifndef OFL_GRO_SKBTAP_H
#define OFL_GRO_SKBTAP_H

#define SKBTAP_GRO_IN 1	/* napi_gro_receive_entry: a frame GRO is given */
#define SKBTAP_RCV 2	/* netif_receive_skb: what GRO delivered */
#define SKBTAP_POLL 3	/* napi_poll: a poll of the device ended (work,
			 * budget); its flush comes with it (gro_kdiff.c) */

struct skbtap_rec {
	__u32 kind;
	__u32 ifindex;
	__u32 netns;		/* the device's network namespace inode */
	__u32 len;
	__u32 hash;
	__u32 gso_type;		/* skb_shinfo(skb)->gso_type, SKB_GSO_* */
	__u16 gso_size;
	__u16 gso_segs;
	__u16 csum_start;	/* from skb->head (CHECKSUM_PARTIAL) */
	__u16 csum_offset;
	__u16 mac_header;	/* from skb->head */
	__u16 pad;
	__u8 mac[12];		/* destination and source MAC */
	__u32 work;		/* SKBTAP_POLL: frames the poll handled */
	__u32 budget;		/* SKBTAP_POLL: its budget (weight) */
	__u64 jiffies;		/* bpf_jiffies64() at the event */
};

#endif
