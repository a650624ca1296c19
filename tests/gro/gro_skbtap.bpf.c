// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * What AF_PACKET does not show of a GRO delivery, for gro_kdiff.c: the
 * full skb_shinfo(skb)->gso_type (SKB_GSO_* bits: virtio_net_hdr_from_skb
 * keeps only TCPV4/TCPV6/UDP_L4 and ECN), gso_segs (not in
 * virtio_net_hdr at all) and skb->hash, the value dev_gro_receive takes
 * its bucket from (skb_get_hash_raw(skb) & (GRO_HASH_BUCKETS - 1)).
 *
 * Two BTF tracepoints: napi_gro_receive_entry (every frame GRO is given,
 * in order: its hash) and netif_receive_skb (every skb GRO delivers, in
 * __netif_receive_skb_core before the packet taps: len, gso_size,
 * gso_segs, gso_type, hash, and csum_start/csum_offset for a kernel whose
 * virtio_net_hdr cannot carry the frame: gro_kdiff.c, plain_rx). One record per skb into a ring buffer; the
 * reader keeps those of its rx device (network namespace inode and
 * ifindex: other namespaces may run the same test) and source MAC. Structures are read
 * through CO-RE (preserve_access_index), so one object serves 6.1, 6.12
 * and 6.18 (their BTF in /sys/kernel/btf/vmlinux).
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "gro_skbtap.h"

struct ns_common {
	unsigned int inum;
} __attribute__((preserve_access_index));

struct net {
	struct ns_common ns;
} __attribute__((preserve_access_index));

typedef struct {
	struct net *net;
} possible_net_t;

struct net_device {
	int ifindex;
	possible_net_t nd_net;
} __attribute__((preserve_access_index));

struct sk_buff {
	unsigned int len;
	__u32 hash;
	__u16 mac_header;
	__u16 csum_start;	/* in the csum union: CO-RE finds it by name */
	__u16 csum_offset;
	unsigned char *head;
	unsigned int end;	/* sk_buff_data_t: an offset on 64-bit */
	struct net_device *dev;
} __attribute__((preserve_access_index));

struct skb_shared_info {
	unsigned short gso_size;
	unsigned short gso_segs;
	unsigned int gso_type;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} skbtap_rb SEC(".maps");

static __always_inline int tap(struct sk_buff *skb, __u32 kind)
{
	struct skb_shared_info *si;
	struct skbtap_rec *r;
	unsigned char *head;
	struct net_device *dev;
	unsigned int end;
	__u16 mac;

	r = bpf_ringbuf_reserve(&skbtap_rb, sizeof(*r), 0);
	if (!r)
		return 0;
	__builtin_memset(r, 0, sizeof(*r));
	r->kind = kind;
	dev = BPF_CORE_READ(skb, dev);
	if (dev) {
		r->ifindex = (__u32)BPF_CORE_READ(dev, ifindex);
		r->netns = BPF_CORE_READ(dev, nd_net.net, ns.inum);
	}
	r->len = BPF_CORE_READ(skb, len);
	r->hash = BPF_CORE_READ(skb, hash);
	head = BPF_CORE_READ(skb, head);
	end = BPF_CORE_READ(skb, end);
	mac = BPF_CORE_READ(skb, mac_header);
	r->mac_header = mac;
	r->csum_start = BPF_CORE_READ(skb, csum_start);
	r->csum_offset = BPF_CORE_READ(skb, csum_offset);
	bpf_probe_read_kernel(r->mac, sizeof(r->mac), head + mac);
	si = (struct skb_shared_info *)(head + end);
	r->gso_size = BPF_CORE_READ(si, gso_size);
	r->gso_segs = BPF_CORE_READ(si, gso_segs);
	r->gso_type = BPF_CORE_READ(si, gso_type);
	r->jiffies = bpf_jiffies64();
	bpf_ringbuf_submit(r, 0);
	return 0;
}

SEC("tp_btf/napi_gro_receive_entry")
int skbtap_gro_in(__u64 *ctx)
{
	return tap((struct sk_buff *)ctx[0], SKBTAP_GRO_IN);
}

SEC("tp_btf/netif_receive_skb")
int skbtap_rcv(__u64 *ctx)
{
	return tap((struct sk_buff *)ctx[0], SKBTAP_RCV);
}

struct napi_struct {
	struct net_device *dev;
} __attribute__((preserve_access_index));

/* __napi_poll: trace_napi_poll(n, work, weight) after n->poll() returned,
 * before the flush of a poll that used its whole budget; a poll that did
 * not has flushed in napi_complete_done already. gro_kdiff.c replays the
 * flushes at these points (BIG TCP and long-flow cases). */
SEC("tp_btf/napi_poll")
int skbtap_poll(__u64 *ctx)
{
	struct napi_struct *n = (struct napi_struct *)ctx[0];
	struct net_device *dev = BPF_CORE_READ(n, dev);
	struct skbtap_rec *r;

	if (!dev)
		return 0;
	r = bpf_ringbuf_reserve(&skbtap_rb, sizeof(*r), 0);
	if (!r)
		return 0;
	__builtin_memset(r, 0, sizeof(*r));
	r->kind = SKBTAP_POLL;
	r->ifindex = (__u32)BPF_CORE_READ(dev, ifindex);
	r->netns = BPF_CORE_READ(dev, nd_net.net, ns.inum);
	r->work = (__u32)ctx[1];
	r->budget = (__u32)ctx[2];
	r->jiffies = bpf_jiffies64();
	bpf_ringbuf_submit(r, 0);
	return 0;
}

/* Pass-through XDP for the rx veth of the BIG TCP cases (attached by
 * gro_kdiff.c, not by the tracepoint loop): veth then copies each frame
 * into a buffer with XDP_PACKET_HEADROOM, as a NIC driver's frames have,
 * so 6.18's skb_gro_receive finds the 8 bytes of headroom the IPv6 jumbo
 * header needs; nothing else changes. Multi-buffer ("xdp.frags"): the
 * veth MTU of 9000 is above a single-buffer program's limit. */
SEC("xdp.frags")
int skbtap_xdp_pass(struct xdp_md *x)
{
	(void)x;
	return XDP_PASS;
}

char _license[] SEC("license") = "Dual BSD/GPL";
