// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * GSO_PARTIAL against a live kernel. Linux cuts GSO_PARTIAL segments only
 * for a device with NETIF_F_GSO_PARTIAL and the type in
 * dev->gso_partial_features, which no virtual device has; so this module
 * makes such a device (never registered: only its feature fields are read)
 * and calls skb_gso_segment() the way validate_xmit_skb() does for it:
 * features = dev->features without gso_partial_features
 * (gso_features_check: the skb carries no SKB_GSO_PARTIAL), masked with
 * hw_enc_features for a tunnel (netif_skb_features). The super-frames come
 * from tests/gso/gso_frames.h (CHECKSUM_PARTIAL, pseudo sums in place);
 * lib/gso, compiled into this module, cuts the same frames with
 * OFL_GSO_PARTIAL and OFL_GSO_F_CSUM_PARTIAL. Every segment is compared
 * byte for byte, with its gso_size, gso_segs and SKB_GSO_PARTIAL bit.
 * The same frames without GSO_PARTIAL (a plain cut) are compared too, to
 * show the harness builds the skb the kernel expects. Prints
 *   kgso <group> <n> cases <segs> segments <bad> mismatches
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>
#endif

#include "all.c"
#include "gso_frames.h"

#define KG_MAXF 140000
#define KG_OUT (KG_MAXF * 2 + 256 * 200)

static uint8_t *kg_in, *kg_out, *kg_seg;
static uint32_t kg_lens[512];
static struct net_device *kg_dev;
static unsigned int kg_cases, kg_segs, kg_bad;

static const char *const kg_tname[] = { "none", "vxlan", "vxlan-csum",
					"geneve", "gre", "gre-csum" };

static u32 kg_skb_gso_type(const struct ofl_gso_meta *m)
{
	u32 t = 0;

	if (m->gso_type & OFL_GSO_TCPV4)
		t |= SKB_GSO_TCPV4;
	if (m->gso_type & OFL_GSO_TCPV6)
		t |= SKB_GSO_TCPV6;
	if (m->gso_type & OFL_GSO_UDP_L4)
		t |= SKB_GSO_UDP_L4;
	if (m->gso_type & OFL_GSO_UDP_TUNNEL)
		t |= SKB_GSO_UDP_TUNNEL;
	if (m->gso_type & OFL_GSO_UDP_TUNNEL_CSUM)
		t |= SKB_GSO_UDP_TUNNEL_CSUM;
	if (m->gso_type & OFL_GSO_GRE)
		t |= SKB_GSO_GRE;
	if (m->gso_type & OFL_GSO_GRE_CSUM)
		t |= SKB_GSO_GRE_CSUM;
	return t;
}

/* The super-frame as the stack hands it to the device. */
static struct sk_buff *kg_skb(const struct gf_params *g,
			      const struct ofl_gso_meta *m, size_t len)
{
	struct sk_buff *skb = alloc_skb(len + 256, GFP_KERNEL);
	int tun = g->tunnel != GF_NONE;

	if (!skb)
		return NULL;
	skb_reserve(skb, 128);
	skb_put_data(skb, kg_in, len);
	skb->dev = kg_dev;
	skb_reset_mac_header(skb);
	skb->protocol = htons((tun ? g->outer_v6 : g->v6) ? ETH_P_IPV6
							  : ETH_P_IP);
	skb_set_network_header(skb, m->network_off);
	skb_set_transport_header(skb, m->transport_off);
	skb->mac_len = m->network_off;
	if (tun) {
		skb->encapsulation = 1;
		if (g->tunnel <= GF_GENEVE) {
			skb_set_inner_protocol(skb, htons(ETH_P_TEB));
			skb_set_inner_mac_header(skb,
						 m->inner_network_off - 14);
		} else {
			skb_set_inner_protocol(skb, htons(g->v6 ? ETH_P_IPV6
							       : ETH_P_IP));
			skb_set_inner_mac_header(skb, m->inner_network_off);
		}
		skb_set_inner_network_header(skb, m->inner_network_off);
		skb_set_inner_transport_header(skb, m->inner_transport_off);
	}
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_headroom(skb) + m->csum_start;
	skb->csum_offset = m->csum_offset;
	skb_shinfo(skb)->gso_size = m->gso_size;
	skb_shinfo(skb)->gso_type = kg_skb_gso_type(m);
	skb_shinfo(skb)->gso_segs = 0;
	return skb;
}

static void kg_case(const struct gf_params *g, uint16_t mss, int partial,
		    unsigned int *n_case, unsigned int *n_seg,
		    unsigned int *n_bad)
{
	struct ofl_gso_meta m;
	struct ofl_gso_frag f;
	struct sk_buff *skb, *segs, *s;
	netdev_features_t feat;
	size_t len, pos = 0;
	int n, i = 0, bad = 0;

	len = gf_build(kg_in, g, &m);
	m.gso_size = mss;
	skb = kg_skb(g, &m, len);
	if (!skb) {
		(*n_bad)++;
		return;
	}
	feat = kg_dev->features;
	if (!partial)
		feat &= ~NETIF_F_GSO_PARTIAL;
	feat &= ~kg_dev->gso_partial_features;
	if (skb->encapsulation)
		feat &= kg_dev->hw_enc_features;
	segs = skb_gso_segment(skb, feat);
	if (partial)
		m.gso_type |= OFL_GSO_PARTIAL;
	f.data = kg_in;
	f.len = (uint32_t)len;
	f.reserved = 0;
	n = ofl_gso_segment(&f, 1, &m, OFL_GSO_F_CSUM_PARTIAL, kg_out, KG_OUT,
			    kg_lens, 512);
	if (IS_ERR_OR_NULL(segs) || n < 1) {
		pr_info("kgso: %s ov6 %d v6 %d udp %d mss %u len %u: kernel %ld"
			" ofl %d\n", kg_tname[g->tunnel], g->outer_v6, g->v6,
			g->udp, mss, g->payload_len,
			IS_ERR(segs) ? PTR_ERR(segs) : 0L, n);
		(*n_bad)++;
		kfree_skb(skb);
		return;
	}
	for (s = segs; s; s = s->next, i++) {
		u32 want_segs, want_size;

		if (i >= n || s->len != kg_lens[i]) {
			bad = 1;
			break;
		}
		if (skb_copy_bits(s, 0, kg_seg, s->len) ||
		    memcmp(kg_seg, kg_out + pos, s->len)) {
			size_t k = 0;

			while (k < s->len && kg_seg[k] == kg_out[pos + k])
				k++;
			pr_info("kgso: %s ov6 %d v6 %d udp %d mss %u len %u "
				"partial %d seg %d: byte %zu kernel %02x ofl "
				"%02x\n", kg_tname[g->tunnel], g->outer_v6,
				g->v6, g->udp, mss, g->payload_len, partial,
				i, k, kg_seg[k], kg_out[pos + k]);
			bad = 1;
			break;
		}
		/* what lib/gso says the device gets: gso_segs pieces of
		 * gso_size (skb_segment: a last piece no longer than gso_size
		 * has gso_size 0) */
		want_segs = s->len - m.hdr_len > mss
				    ? (s->len - m.hdr_len + mss - 1) / mss : 1;
		want_size = want_segs > 1 ? mss : 0;
		if (partial &&
		    (skb_shinfo(s)->gso_size != want_size ||
		     (want_size && (skb_shinfo(s)->gso_segs != want_segs ||
				    !(skb_shinfo(s)->gso_type &
				      SKB_GSO_PARTIAL))))) {
			pr_info("kgso: %s seg %d: gso_size %u gso_segs %u type"
				" %x, ofl gso_segs %u\n", kg_tname[g->tunnel],
				i, skb_shinfo(s)->gso_size,
				skb_shinfo(s)->gso_segs,
				skb_shinfo(s)->gso_type, want_segs);
			bad = 1;
			break;
		}
		pos += s->len;
	}
	if (!bad && i != n) {
		pr_info("kgso: %s: kernel %d segments, ofl %d\n",
			kg_tname[g->tunnel], i, n);
		bad = 1;
	}
	kfree_skb_list(segs);
	kfree_skb(skb);
	(*n_case)++;
	*n_seg += (unsigned int)i;
	*n_bad += (unsigned int)bad;
}

static void kg_group(int partial)
{
	/* the last two: above 64 KiB, several GSO_PARTIAL segments
	 * (partial_segs capped at GSO_BY_FRAGS - 1), the last one GSO */
	static const uint32_t pls[] = { 10123, 10000, 2001, 1001, 30999,
					7 * 1448 + 5, 100000, 100000 };
	unsigned int c = 0, sg = 0, b = 0;
	int t, ov6, iv6, udp, p;

	/* tunnels only: without one, this device does TSO itself */
	for (t = GF_VXLAN; t <= GF_GRE_CSUM; t++)
		for (ov6 = 0; ov6 <= 1; ov6++)
			for (iv6 = 0; iv6 <= 1; iv6++)
				for (udp = 0; udp <= 1; udp++)
					for (p = 0; p < 8; p++) {
						struct gf_params g;

						memset(&g, 0, sizeof(g));
						g.v6 = iv6;
						g.udp = udp;
						g.payload_len = pls[p];
						g.df = 1;
						g.tcp_flags = 0x19;
						g.seq = 0xfffff000u;
						g.ip_id = 0xfff0;
						g.seed = 7 + (uint64_t)p;
						g.tcp_opt_words = 3;
						g.n_ext = iv6 ? p % 3 : 0;
						g.tunnel = t;
						g.outer_v6 = ov6;
						g.outer_id = 0x1234;
						g.outer_df = 1;
						if (p >= 6 && udp)
							continue; /* > 128 */
						kg_case(&g, p == 5 || p == 7
								    ? 1448 : 1000,
							partial, &c, &sg, &b);
					}
	pr_info("kgso %s %u cases %u segments %u mismatches\n",
		partial ? "gso_partial" : "plain", c, sg, b);
	kg_cases += c;
	kg_segs += sg;
	kg_bad += b;
}

static int __init kg_init(void)
{
	netdev_features_t tunf = NETIF_F_GSO_UDP_TUNNEL |
				 NETIF_F_GSO_UDP_TUNNEL_CSUM |
				 NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM;

	kg_in = vmalloc(KG_MAXF);
	kg_out = vmalloc(KG_OUT);
	kg_seg = vmalloc(KG_MAXF);
	kg_dev = alloc_netdev(0, "oflgp%d", NET_NAME_UNKNOWN, ether_setup);
	if (!kg_in || !kg_out || !kg_seg || !kg_dev) {
		pr_info("kgso: no memory\n");
		return 0;
	}
	/* a NIC as igb/ixgbe/i40e/ice advertise it: TSO and USO with
	 * checksum offload, tunnels only through GSO_PARTIAL */
	kg_dev->features = NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_TSO |
			   NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 |
			   NETIF_F_GSO_PARTIAL | tunf;
	kg_dev->gso_partial_features = tunf;
	kg_dev->hw_enc_features = kg_dev->features;
	kg_group(0);
	kg_group(1);
	pr_info("kgso total %u cases %u segments %u mismatches %s\n",
		kg_cases, kg_segs, kg_bad, kg_bad || !kg_cases ? "FAIL"
							      : "PASS");
	return 0;
}

static void __exit kg_exit(void)
{
	free_netdev(kg_dev);
	vfree(kg_in);
	vfree(kg_out);
	vfree(kg_seg);
}

module_init(kg_init);
module_exit(kg_exit);
MODULE_DESCRIPTION("ofl: GSO_PARTIAL, lib/gso against skb_gso_segment()");
MODULE_LICENSE("Dual BSD/GPL");
