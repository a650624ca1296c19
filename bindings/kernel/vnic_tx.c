// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_vnic transmit: the "device" reads the frame (a copy into a fresh skb,
 * as DMA would), completes CHECKSUM_PARTIAL with lib/csum and cuts GSO skbs
 * with lib/gso, then puts every wire frame on the peer's receive side.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/version.h>
#include "vnic.h"

/* One vocabulary: OFL_GSO_* are 6.18's SKB_GSO_*; this kernel's bits are
 * the same but for the FIXEDID ones (bit 3 before 6.18, ACCECN since). */
static const struct {
	u32 skb, ofl;
} vnic_gso_map[] = {
	{ SKB_GSO_TCPV4, OFL_GSO_TCPV4 },
	{ SKB_GSO_DODGY, OFL_GSO_DODGY },
	{ SKB_GSO_TCP_ECN, OFL_GSO_TCP_ECN },
	{ SKB_GSO_TCP_FIXEDID, OFL_GSO_TCP_FIXEDID },
	{ SKB_GSO_TCPV6, OFL_GSO_TCPV6 },
	{ SKB_GSO_GRE, OFL_GSO_GRE },
	{ SKB_GSO_GRE_CSUM, OFL_GSO_GRE_CSUM },
	{ SKB_GSO_IPXIP4, OFL_GSO_IPXIP4 },
	{ SKB_GSO_IPXIP6, OFL_GSO_IPXIP6 },
	{ SKB_GSO_UDP_TUNNEL, OFL_GSO_UDP_TUNNEL },
	{ SKB_GSO_UDP_TUNNEL_CSUM, OFL_GSO_UDP_TUNNEL_CSUM },
	{ SKB_GSO_PARTIAL, OFL_GSO_PARTIAL },
	{ SKB_GSO_UDP_L4, OFL_GSO_UDP_L4 },
	{ SKB_GSO_FRAGLIST, OFL_GSO_FRAGLIST },
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 18, 0)
	{ SKB_GSO_TCP_ACCECN, OFL_GSO_TCP_ACCECN },
	{ SKB_GSO_TCP_FIXEDID_INNER, OFL_GSO_TCP_FIXEDID_INNER },
#endif
};

/* bits without an equivalent are kept as an impossible value so lib/gso
 * refuses them (OFL_EOPNOTSUPP) instead of ignoring them */
u32 vnic_gso_to_ofl(u32 t)
{
	u32 o = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vnic_gso_map); i++)
		if (t & vnic_gso_map[i].skb) {
			o |= vnic_gso_map[i].ofl;
			t &= ~vnic_gso_map[i].skb;
		}
	return t ? o | OFL_GSO_SCTP : o;
}

u32 vnic_gso_from_ofl(u32 o)
{
	u32 t = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vnic_gso_map); i++)
		if (o & vnic_gso_map[i].ofl)
			t |= vnic_gso_map[i].skb;
	return t;
}

static void vnic_csum_state(const struct sk_buff *skb,
			    struct ofl_csum_state *st)
{
	memset(st, 0, sizeof(*st));
	st->ip_summed = OFL_CHECKSUM_PARTIAL;
	st->csum_start = (u16)skb_checksum_start_offset(skb);
	st->csum_offset = skb->csum_offset;
	st->encapsulation = skb->encapsulation;
}

/*
 * Legacy device (module parameter legacy=1): it claims NETIF_F_IP_CSUM |
 * NETIF_F_IPV6_CSUM only, and asks ofl per packet whether a protocol
 * engine would get the frame right; if not, the stack completes it in
 * software (validate_xmit_skb -> skb_csum_hwoffload_help) before xmit.
 */
netdev_features_t vnic_features_check(struct sk_buff *skb,
				      struct net_device *dev,
				      netdev_features_t features)
{
	struct vnic_priv *p = netdev_priv(dev);
	struct ofl_csum_state st;

	features = vlan_features_check(skb, features);
	if (!p->legacy || skb->ip_summed != CHECKSUM_PARTIAL)
		return features;
	vnic_csum_state(skb, &st);
	if (ofl_csum_hwoffload_legacy_check(skb->data,
					    skb->data + skb_headlen(skb),
					    (u16)skb_network_offset(skb), &st,
					    OFL_CSUM_DEV_IPV4 |
						    OFL_CSUM_DEV_IPV6) == 0)
		return features;
	vnic_count(p, VNIC_TX_CSUM_FALLBACK, 1);
	return features & ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
}

static struct sk_buff *vnic_alloc(struct net_device *peer, unsigned int len)
{
	struct sk_buff *n = netdev_alloc_skb(peer, len + NET_IP_ALIGN);

	if (n)
		skb_reserve(n, NET_IP_ALIGN);
	return n;
}

/* a frame that is not GSO: copy it, complete its checksum */
static int vnic_tx_one(struct vnic_priv *p, struct sk_buff *skb,
		       struct vnic_priv *rx)
{
	struct ofl_csum_state st;
	struct sk_buff *n = vnic_alloc(rx->dev, skb->len);

	if (!n)
		return -ENOMEM;
	skb_put(n, skb->len);
	if (skb_copy_bits(skb, 0, n->data, (int)skb->len)) {
		kfree_skb(n);
		return -EFAULT;
	}
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		vnic_csum_state(skb, &st);
		if (ofl_csum_help(n->data, n->data + n->len, &st)) {
			kfree_skb(n);
			return -EINVAL;
		}
		vnic_count(p, VNIC_TX_CSUM, 1);
	}
	vnic_rx_enqueue(rx, n, p->dev);
	return 0;
}

static int vnic_meta(const struct sk_buff *skb, struct ofl_gso_meta *m)
{
	const struct skb_shared_info *si = skb_shinfo(skb);
	int l4;

	memset(m, 0, sizeof(*m));
	m->gso_type = vnic_gso_to_ofl(si->gso_type);
	m->gso_size = si->gso_size;
	m->network_off = (u16)skb_network_offset(skb);
	m->transport_off = (u16)skb_transport_offset(skb);
	l4 = skb_transport_offset(skb);
	if (skb->encapsulation &&
	    (si->gso_type & (SKB_GSO_UDP_TUNNEL | SKB_GSO_UDP_TUNNEL_CSUM |
			     SKB_GSO_GRE | SKB_GSO_GRE_CSUM |
			     SKB_GSO_IPXIP4 | SKB_GSO_IPXIP6))) {
		m->inner_network_off = (u16)skb_inner_network_offset(skb);
		l4 = skb_inner_transport_offset(skb);
		m->inner_transport_off = (u16)l4;
	}
	if (si->gso_type & SKB_GSO_UDP_L4)
		m->hdr_len = (u16)(l4 + sizeof(struct udphdr));
	else if (skb->encapsulation && m->inner_transport_off)
		m->hdr_len = (u16)(l4 + inner_tcp_hdrlen(skb));
	else
		m->hdr_len = (u16)(l4 + tcp_hdrlen(skb));
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		m->ip_summed = OFL_CHECKSUM_PARTIAL;
		m->csum_start = (u16)skb_checksum_start_offset(skb);
		m->csum_offset = skb->csum_offset;
	} else {
		m->ip_summed = OFL_CHECKSUM_NONE;
	}
	return m->hdr_len <= skb_headlen(skb) ? 0 : -EINVAL;
}

/* a GSO skb: lib/gso writes each segment's headers, the payload is copied
 * from the skb's pages; every checksum comes out complete (the wire) */
static int vnic_tx_gso(struct vnic_priv *p, struct sk_buff *skb,
		       struct vnic_priv *rx)
{
	struct ofl_gso_frag fr[MAX_SKB_FRAGS + 1];
	struct ofl_gso_meta m;
	struct ofl_gso_iter it;
	struct ofl_gso_seg seg;
	u8 hdr[OFL_GSO_MAX_HDR];
	unsigned int i, nfr = 0, segs = 0;
	int ret;

	if (skb_has_frag_list(skb) && skb_linearize(skb))
		return -ENOMEM;
	if (vnic_meta(skb, &m))
		return -EINVAL;
	fr[nfr].data = skb->data;
	fr[nfr].len = skb_headlen(skb);
	fr[nfr++].reserved = 0;
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *f = &skb_shinfo(skb)->frags[i];

		fr[nfr].data = skb_frag_address(f);
		fr[nfr].len = skb_frag_size(f);
		fr[nfr++].reserved = 0;
	}
	ret = ofl_gso_init(&it, fr, nfr, &m, 0);
	if (ret == OFL_ERANGE)	/* not longer than gso_size: as it is */
		return vnic_tx_one(p, skb, rx);
	if (ret)
		return ret;
	while ((ret = ofl_gso_next(&it, hdr, sizeof(hdr), &seg)) == 1) {
		struct sk_buff *n = vnic_alloc(rx->dev,
					       seg.hdr_len + seg.payload_len);

		if (!n)
			return -ENOMEM;
		skb_put_data(n, hdr, seg.hdr_len);
		if (skb_copy_bits(skb, (int)seg.payload_off,
				  skb_put(n, seg.payload_len),
				  (int)seg.payload_len)) {
			kfree_skb(n);
			return -EFAULT;
		}
		vnic_rx_enqueue(rx, n, p->dev);
		segs++;
	}
	if (ret)
		return ret;
	vnic_count(p, VNIC_TX_GSO, 1);
	vnic_count(p, VNIC_TX_GSO_SEGS, segs);
	if (m.gso_type & OFL_GSO_UDP_L4)
		vnic_count(p, VNIC_TX_GSO_UDP, 1);
	if (m.gso_type & OFL_GSO_TUNNEL_MASK)
		vnic_count(p, VNIC_TX_GSO_TUNNEL, 1);
	return 0;
}

netdev_tx_t vnic_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct vnic_priv *p = netdev_priv(dev);
	struct net_device *peer;
	unsigned int len = skb->len;
	int ret;

	rcu_read_lock();
	peer = rcu_dereference(p->peer);
	if (!peer || !netif_running(peer)) {
		ret = -ENODEV;
	} else if (skb_is_gso(skb)) {
		ret = vnic_tx_gso(p, skb, netdev_priv(peer));
	} else {
		ret = vnic_tx_one(p, skb, netdev_priv(peer));
	}
	rcu_read_unlock();
	if (ret) {
		if (ret != -ENODEV) {
			vnic_count(p, VNIC_TX_ERR, 1);
			net_ratelimited_function(netdev_warn, dev,
				"ofl_vnic: frame refused by ofl (%d, gso_type %#x)\n",
				ret, skb_shinfo(skb)->gso_type);
		}
		atomic64_inc(&p->tx_drops);
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	atomic64_inc(&p->tx_packets);
	atomic64_add(len, &p->tx_bytes);
	consume_skb(skb);
	return NETDEV_TX_OK;
}
