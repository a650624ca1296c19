// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_vnic receive: the device hashes each arriving frame with lib/rss
 * (tuple from lib/parser), picks the RX queue through the indirection
 * table, and in NAPI hands it up CHECKSUM_COMPLETE (lib/csum), or with
 * rx-gro-hw through lib/gro first.
 */
#include <linux/etherdevice.h>
#include <linux/vmalloc.h>
#include "vnic.h"

static enum pkt_hash_types vnic_hash_type(int t)
{
	switch (t) {
	case OFL_RSS_TYPE_IPV4_TCP:
	case OFL_RSS_TYPE_IPV4_UDP:
	case OFL_RSS_TYPE_IPV6_TCP:
	case OFL_RSS_TYPE_IPV6_UDP:
	case OFL_RSS_TYPE_IPV6_TCP_EX:
	case OFL_RSS_TYPE_IPV6_UDP_EX:
		return PKT_HASH_TYPE_L4;
	case OFL_RSS_TYPE_IPV4:
	case OFL_RSS_TYPE_IPV6:
	case OFL_RSS_TYPE_IPV6_EX:
		return PKT_HASH_TYPE_L3;
	default:
		return PKT_HASH_TYPE_NONE;
	}
}

/* the device's receive side: hash, pick a queue, queue, kick NAPI; a
 * nearly full ring stops the sender's TX queue (backpressure, as a NIC
 * driver stops its queue when the ring is full) rather than dropping */
void vnic_rx_enqueue(struct vnic_priv *rx, struct sk_buff *skb,
		     struct net_device *tx)
{
	struct ofl_parse_result res;
	struct ofl_rss_flow f;
	struct vnic_rss *rss;
	unsigned int q = 0;
	u32 hash = 0;
	int type = OFL_RSS_TYPE_NONE;
	struct vnic_rxq *rxq;

	rss = rcu_dereference(rx->rss);
	ofl_parse(skb->data, skb->data + skb->len, OFL_PROTO_ETH, &res,
		  sizeof(res));
	if (ofl_rss_flow_from_parse(&res, sizeof(res), skb->data,
				    skb->data + skb->len, OFL_RSS_LEVEL_OUTER,
				    &f) == 0) {
		hash = ofl_rss_hash_flow(&rss->ctx, &f, OFL_RSS_HASH_DEFAULT,
					 OFL_RSS_XFRM_NONE, &type);
		q = ofl_rss_reta_queue(&rss->reta, hash) % rx->nq;
	}
	if (rx->dev->features & NETIF_F_RXHASH) {
		enum pkt_hash_types ht = vnic_hash_type(type);

		skb_set_hash(skb, hash, ht);
		if (ht == PKT_HASH_TYPE_L4)
			vnic_count(rx, VNIC_RX_HASH_L4, 1);
		else if (ht == PKT_HASH_TYPE_L3)
			vnic_count(rx, VNIC_RX_HASH_L3, 1);
	}
	skb_record_rx_queue(skb, (u16)q);
	rxq = &rx->rxq[q];
	if (skb_queue_len(&rxq->q) >= VNIC_RXQ_LIMIT) {
		vnic_count(rx, VNIC_RX_DROP, 1);
		kfree_skb(skb);
		return;
	}
	skb_queue_tail(&rxq->q, skb);
	if (skb_queue_len(&rxq->q) >= VNIC_RXQ_HIGH)
		netif_stop_queue(tx);
	/* interrupt moderation: the first frame on a quiet queue arms a
	 * timer of rx-usecs, a poll's worth of frames fires at once */
	if (!rx->rx_usecs || skb_queue_len(&rxq->q) >= VNIC_BUDGET)
		napi_schedule(&rxq->napi);
	else if (!hrtimer_is_queued(&rxq->timer))
		hrtimer_start(&rxq->timer, ns_to_ktime(rx->rx_usecs * 1000ull),
			      HRTIMER_MODE_REL);
}

enum hrtimer_restart vnic_rx_timer(struct hrtimer *t)
{
	struct vnic_rxq *rxq = container_of(t, struct vnic_rxq, timer);

	napi_schedule(&rxq->napi);
	return HRTIMER_NORESTART;
}

/* a frame or a merged skb to the stack; a replayed one (vnic_record.c) as
 * PACKET_OTHERHOST: every tap (packet socket) sees it, GRO ignores
 * pkt_type, and ip_rcv_core / ipv6_rcv drop it, so the stack does not
 * answer a replay of a connection that is over */
static void vnic_rx_up(struct vnic_rxq *rxq, struct sk_buff *skb)
{
	skb->protocol = eth_type_trans(skb, rxq->priv->dev);
	if (unlikely(rxq->replaying))
		skb->pkt_type = PACKET_OTHERHOST;
	napi_gro_receive(&rxq->napi, skb);
}

/* one frame up as it is: CHECKSUM_COMPLETE over what follows the Ethernet
 * header (eth_type_trans pulls it without skb_pull_rcsum; a VLAN tag stays
 * in the sum, skb_vlan_untag pulls it with skb_pull_rcsum) */
static void vnic_rx_frame(struct vnic_rxq *rxq, struct sk_buff *skb)
{
	struct vnic_priv *p = rxq->priv;

	if (skb->ip_summed == CHECKSUM_COMPLETE) {	/* summed for GRO */
		vnic_count(p, VNIC_RX_COMPLETE, 1);
	} else if ((p->dev->features & NETIF_F_RXCSUM) &&
		   skb->len > ETH_HLEN) {
		skb->ip_summed = CHECKSUM_COMPLETE;
		skb->csum = (__force __wsum)ofl_csum_partial(
			skb->data + ETH_HLEN, skb->len - ETH_HLEN, 0);
		vnic_count(p, VNIC_RX_COMPLETE, 1);
	} else {
		skb->ip_summed = CHECKSUM_NONE;
	}
	atomic64_inc(&p->rx_packets);
	atomic64_add(skb->len, &p->rx_bytes);
	vnic_rx_up(rxq, skb);
}

/* a merged frame: linear copy of headers + slices (lib/gro), then the skb
 * fields a HW-GRO driver sets (tcp_gro_complete's: gso_size, gso_type,
 * gso_segs, CHECKSUM_PARTIAL with the pseudo-header sum in th->check) */
static int vnic_rx_merged(struct vnic_rxq *rxq, const struct ofl_gro_pkt *o,
			  unsigned int n)
{
	struct vnic_priv *p = rxq->priv;
	struct sk_buff *first = rxq->batch[o->frame];
	struct sk_buff *skb;
	int len;

	skb = napi_alloc_skb(&rxq->napi, o->len);
	if (!skb)
		return -ENOMEM;
	len = ofl_gro_pkt_linearize(o, rxq->data, rxq->len, n, skb->data,
				    skb_tailroom(skb), 0);
	if (len < 0) {
		kfree_skb(skb);
		return len;
	}
	skb_put(skb, (unsigned int)len);
	skb_shinfo(skb)->gso_size = o->gso_size;
	skb_shinfo(skb)->gso_segs = o->gso_segs;
	skb_shinfo(skb)->gso_type = vnic_gso_from_ofl(o->gso_type);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = (u16)(skb_headroom(skb) + o->csum_start);
	skb->csum_offset = o->csum_offset;
	if (first->l4_hash || first->sw_hash || first->hash)
		skb_set_hash(skb, first->hash, first->l4_hash ?
			     PKT_HASH_TYPE_L4 : PKT_HASH_TYPE_L3);
	skb_record_rx_queue(skb, (u16)rxq->index);
	vnic_count(p, VNIC_RX_GRO_MERGED, 1);
	vnic_count(p, VNIC_RX_GRO_SEGS, o->gso_segs);
	atomic64_inc(&p->rx_packets);
	atomic64_add(skb->len, &p->rx_bytes);
	vnic_rx_up(rxq, skb);
	return 0;
}

/* returns the merged skbs delivered */
static unsigned int vnic_deliver(struct vnic_rxq *rxq,
				 const struct ofl_gro_pkt *o, int nout,
				 unsigned int n, bool *used)
{
	unsigned int merged = 0;
	int i;

	for (i = 0; i < nout; i++, o++) {
		if (o->kind == OFL_GRO_PKT_FRAME) {
			used[o->frame] = true;
			vnic_rx_frame(rxq, rxq->batch[o->frame]);
		} else if (vnic_rx_merged(rxq, o, n)) {
			vnic_count(rxq->priv, VNIC_RX_GRO_ERR, 1);
		} else {
			merged++;
		}
	}
	return merged;
}

/*
 * The device's receive verification before GRO: one sum over the frame
 * after the Ethernet header (kept as the skb's CHECKSUM_COMPLETE value in
 * case the frame is passed up alone), every L4 checksum lib/parser lists
 * checked from it (ofl_csum_verify_complete). All good (or a zero UDP
 * checksum): lib/gro gets OFL_CHECKSUM_UNNECESSARY and trusts it, as the
 * kernel's GRO trusts a verifying device; else OFL_CHECKSUM_NONE and
 * lib/gro checks the TCP checksum itself.
 */
static u32 vnic_rx_verify(struct vnic_rxq *rxq, struct sk_buff *skb)
{
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	struct ofl_csum_state st = { 0 };
	const u8 *b = skb->data, *e = skb->data + skb->len;
	unsigned int i;

	if (skb->len <= ETH_HLEN ||
	    !(rxq->priv->dev->features & NETIF_F_RXCSUM))
		return OFL_CHECKSUM_NONE;
	st.csum = ofl_csum_partial(b + ETH_HLEN, skb->len - ETH_HLEN, 0);
	st.csum_start = ETH_HLEN;
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	skb->ip_summed = CHECKSUM_COMPLETE;
	skb->csum = (__force __wsum)st.csum;
	if (ofl_parse_mask(b, e, OFL_PROTO_ETH, OFL_PARSE_MASK_LAYERS,
			   &rxq->pr, sizeof(rxq->pr)) < 0 ||
	    ofl_csum_layers_from_parse(&rxq->pr, sizeof(rxq->pr), b, e,
				       &rxq->ly, sizeof(rxq->ly)) ||
	    !rxq->ly.n ||
	    ofl_csum_verify_complete(b, e, &st, &rxq->ly, res))
		return OFL_CHECKSUM_NONE;
	for (i = 0; i < rxq->ly.n; i++)
		if (res[i] != OFL_CSUM_GOOD && res[i] != OFL_CSUM_NONE)
			return OFL_CHECKSUM_NONE;
	vnic_count(rxq->priv, VNIC_RX_GRO_VERIFIED, 1);
	return OFL_CHECKSUM_UNNECESSARY;
}

/* rx-gro-hw: the poll's frames through lib/gro, everything flushed at the
 * end of the poll (napi_gro_flush does the same for software GRO);
 * returns the merged skbs delivered */
static unsigned int vnic_rx_gro(struct vnic_rxq *rxq, unsigned int n)
{
	bool used[VNIC_BUDGET] = { false };
	unsigned int i, merged;
	int nout;

	for (i = 0; i < n; i++) {
		struct sk_buff *skb = rxq->batch[i];

		rxq->data[i] = skb->data;
		rxq->len[i] = skb->len;
		memset(&rxq->fr[i], 0, sizeof(rxq->fr[i]));
		rxq->fr[i].data = skb->data;
		rxq->fr[i].len = skb->len;
		rxq->fr[i].hash = skb->hash;
		rxq->fr[i].id = i;
		rxq->fr[i].ip_summed = vnic_rx_verify(rxq, skb);
		/* the device's full-frame sum goes to lib/gro as it goes to
		 * the kernel's GRO: each L4 checksum is validated from it
		 * (skb_gro_checksum_validate), not from the verdict above */
		if (skb->ip_summed == CHECKSUM_COMPLETE) {
			rxq->fr[i].ip_summed = OFL_CHECKSUM_COMPLETE;
			rxq->fr[i].csum = (OFL_FORCE ofl_wsum)(__force u32)skb->csum;
			rxq->fr[i].csum_start = ETH_HLEN;
		}
	}
	nout = ofl_gro_receive_burst(rxq->gro, rxq->fr, n, rxq->out,
				     VNIC_GRO_OUT);
	if (nout < 0)
		goto err;
	merged = vnic_deliver(rxq, rxq->out, nout, n, used);
	nout = ofl_gro_flush(rxq->gro, rxq->out, VNIC_GRO_OUT);
	if (nout < 0)
		goto err;
	merged += vnic_deliver(rxq, rxq->out, nout, n, used);
	for (i = 0; i < n; i++)
		if (!used[i])
			consume_skb(rxq->batch[i]);
	return merged;
err:
	vnic_count(rxq->priv, VNIC_RX_GRO_ERR, 1);
	ofl_gro_init(rxq->gro, sizeof(*rxq->gro), NULL);
	for (i = 0; i < n; i++)
		if (!used[i])
			vnic_rx_frame(rxq, rxq->batch[i]);
	return 0;
}

/* a poll's n frames (rxq->batch) up the receive path as configured:
 * lib/gro with rx-gro-hw, else one by one; returns lib/gro's merged skbs */
unsigned int vnic_rx_batch(struct vnic_rxq *rxq, unsigned int n)
{
	unsigned int i;

	if (rxq->priv->dev->features & NETIF_F_GRO_HW)
		return vnic_rx_gro(rxq, n);
	for (i = 0; i < n; i++)
		vnic_rx_frame(rxq, rxq->batch[i]);
	return 0;
}

/* a debug replay poll (vnic_record.c): one recorded poll, then
 * napi_complete_done, whose napi_gro_flush(n, false) (gro_flush_timeout
 * 0) ends the group for the kernel's GRO as ofl_gro_flush ends it for
 * lib/gro. A full group of VNIC_BUDGET frames is reported as one less so
 * that the poll may complete (and flush) whatever HZ is. */
static int vnic_poll_replayed(struct vnic_rxq *rxq, int n, int budget)
{
	int work = min(n, budget - 1), q;
	bool done = napi_complete_done(&rxq->napi, work);

	/* not done: this NAPI is polled again anyway */
	if (done && !skb_queue_empty(&rxq->q))
		napi_schedule(&rxq->napi);
	q = vnic_rec_next_queue(rxq->priv);
	if (q >= 0 && (done || (unsigned int)q != rxq->index))
		napi_schedule(&rxq->priv->rxq[q].napi);
	return work;
}

int vnic_poll(struct napi_struct *napi, int budget)
{
	struct vnic_rxq *rxq = container_of(napi, struct vnic_rxq, napi);
	unsigned int n = 0, max = min_t(unsigned int, budget, VNIC_BUDGET);
	unsigned int merged;
	struct sk_buff *skb;
	bool rec = false;
	int r;

	if (unlikely(READ_ONCE(rxq->priv->rec_mode) == VNIC_REC_REPLAY) &&
	    budget > 0) {
		r = vnic_rec_replay_poll(rxq);
		if (r >= 0)
			return vnic_poll_replayed(rxq, r, budget);
	}
	while (n < max && (skb = skb_dequeue(&rxq->q)))
		rxq->batch[n++] = skb;
	if (skb_queue_len(&rxq->q) < VNIC_RXQ_LIMIT / 2) {
		struct net_device *peer;

		rcu_read_lock();
		peer = rcu_dereference(rxq->priv->peer);
		if (peer && netif_queue_stopped(peer))
			netif_wake_queue(peer);
		rcu_read_unlock();
	}
	atomic64_add(n, &rxq->packets);
	if (unlikely(READ_ONCE(rxq->priv->rec_mode) == VNIC_REC_ON) && n)
		rec = vnic_rec_record(rxq, n);
	merged = n ? vnic_rx_batch(rxq, n) : 0;
	if (unlikely(rec))
		vnic_rec_live_merged(rxq->priv, merged);
	if (n < (unsigned int)budget && napi_complete_done(napi, (int)n) &&
	    !skb_queue_empty(&rxq->q))
		napi_schedule(napi);
	return (int)n;
}
