/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ofl_vnic: a virtual Ethernet pair (veth in spirit, netdevsim in purpose)
 * whose "device" side is ofl. What a frame goes through:
 *   TX (vnic_tx.c): CHECKSUM_PARTIAL completed by lib/csum, GSO skbs cut by
 *     lib/gso, each wire frame copied into a fresh skb (the device's DMA),
 *     hashed by lib/rss (lib/parser for the tuple) and queued on the
 *     peer's RX queue that the indirection table names.
 *   RX (vnic_rx.c): NAPI per queue; CHECKSUM_COMPLETE with skb->csum from
 *     lib/csum over everything after the Ethernet header; the RSS hash
 *     with its PKT_HASH_TYPE; with rx-gro-hw, lib/gro merges the poll's
 *     frames and the merged skbs carry gso_size/gso_type/gso_segs and a
 *     CHECKSUM_PARTIAL TCP checksum, as tcp_gro_complete leaves them.
 *   Identity (vnic_ops.c): devlink dev info "running" fw.app.ofl.<module>,
 *     ethtool -i firmware-version; rx-gro-hw only with the expected id.
 */
#ifndef OFL_VNIC_H
#define OFL_VNIC_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/platform_device.h>
#include <net/devlink.h>

#include <offload/offload.h>

#define VNIC_MAX_QUEUES 8
#define VNIC_KEY_LEN 40
#define VNIC_RETA_SIZE 128
#define VNIC_BUDGET 64
#define VNIC_RXQ_LIMIT 2048
/* the sender's TX queue stops above this (a GSO skb adds at most 64
 * frames before the next check) and wakes below VNIC_RXQ_LIMIT / 2 */
#define VNIC_RXQ_HIGH (VNIC_RXQ_LIMIT - 256)
/* deliveries of one poll: 2 per frame received plus a flush */
#define VNIC_GRO_OUT (2 * VNIC_BUDGET + OFL_GRO_MAX_FLOWS)

/* counters shown by ethtool -S, in this order (vnic_ops.c names them) */
enum vnic_stat {
	VNIC_TX_CSUM,		/* PARTIAL completed by ofl_csum_help */
	VNIC_TX_CSUM_FALLBACK,	/* legacy: refused by the legacy check */
	VNIC_TX_GSO,		/* GSO skbs cut by lib/gso */
	VNIC_TX_GSO_SEGS,	/* segments they gave */
	VNIC_TX_GSO_UDP,	/* of those skbs, UDP_L4 (USO) */
	VNIC_TX_GSO_TUNNEL,	/* of those skbs, with a tunnel bit */
	VNIC_TX_ERR,		/* frames the "device" refused (dropped) */
	VNIC_RX_COMPLETE,	/* frames delivered CHECKSUM_COMPLETE */
	VNIC_RX_HASH_L4,
	VNIC_RX_HASH_L3,
	VNIC_RX_GRO_MERGED,	/* merged skbs delivered */
	VNIC_RX_GRO_SEGS,	/* frames in them */
	VNIC_RX_GRO_ERR,
	VNIC_RX_GRO_VERIFIED,	/* frames handed to lib/gro UNNECESSARY */
	VNIC_RX_DROP,
	VNIC_NSTATS
};

struct vnic_rss {
	struct rcu_head rcu;	/* first: kvfree_rcu wants a small offset */
	struct ofl_rss ctx;
	struct ofl_rss_reta reta;
	u8 key[VNIC_KEY_LEN];
};

struct vnic_priv;

struct vnic_rxq {
	struct napi_struct napi;
	struct hrtimer timer;		/* interrupt moderation (rx-usecs) */
	struct sk_buff_head q;
	struct vnic_priv *priv;
	unsigned int index;
	struct ofl_gro_ctx *gro;	/* vmalloc'ed, only NAPI touches it */
	struct ofl_gro_pkt *out;	/* VNIC_GRO_OUT entries */
	struct ofl_gro_frame fr[VNIC_BUDGET];
	struct sk_buff *batch[VNIC_BUDGET];
	const uint8_t *data[VNIC_BUDGET];
	struct ofl_parse_result pr;	/* NAPI scratch: receive verification */
	struct ofl_csum_layers ly;
	uint32_t len[VNIC_BUDGET];
	bool replaying;			/* a replay poll (vnic_record.c) */
	atomic64_t packets;
};

struct vnic_pair;
struct vnic_rec;

/* vnic_priv.rec_mode: the debug record / replay of received frames */
enum { VNIC_REC_OFF, VNIC_REC_ON, VNIC_REC_REPLAY };

struct vnic_priv {
	struct net_device *dev;
	struct net_device __rcu *peer;
	struct vnic_pair *pair;
	struct vnic_rss __rcu *rss;
	spinlock_t rss_lock;		/* writers of rss */
	unsigned int nq;
	u32 rx_usecs;			/* ethtool -C rx-usecs */
	bool legacy;
	u8 rec_mode;			/* VNIC_REC_*, READ_ONCE in NAPI */
	struct vnic_rec *rec;		/* vnic_record.c */
	struct vnic_rxq rxq[VNIC_MAX_QUEUES];
	atomic64_t stat[VNIC_NSTATS];
	atomic64_t tx_packets, tx_bytes, rx_packets, rx_bytes, tx_drops;
};

struct vnic_pair {
	struct platform_device *pdev;
	struct devlink *devlink;
	struct net_device *dev[2];
};

extern bool vnic_legacy;
extern char *vnic_expect_gro;

static inline void vnic_count(struct vnic_priv *p, enum vnic_stat s, u64 n)
{
	atomic64_add(n, &p->stat[s]);
}

/* vnic_tx.c */
netdev_tx_t vnic_xmit(struct sk_buff *skb, struct net_device *dev);
netdev_features_t vnic_features_check(struct sk_buff *skb,
				      struct net_device *dev,
				      netdev_features_t features);
u32 vnic_gso_to_ofl(u32 skb_gso_type);
u32 vnic_gso_from_ofl(u32 ofl_gso_type);

/* vnic_rx.c */
int vnic_poll(struct napi_struct *napi, int budget);
enum hrtimer_restart vnic_rx_timer(struct hrtimer *t);
void vnic_rx_enqueue(struct vnic_priv *rx, struct sk_buff *skb,
		     struct net_device *tx);
unsigned int vnic_rx_batch(struct vnic_rxq *rxq, unsigned int n);

/* vnic_record.c: debug record and replay of received frames (debugfs) */
void vnic_rec_module_init(void);
void vnic_rec_module_exit(void);
int vnic_rec_init(struct vnic_priv *p);
void vnic_rec_free(struct vnic_priv *p);
bool vnic_rec_record(struct vnic_rxq *rxq, unsigned int n);
void vnic_rec_live_merged(struct vnic_priv *p, unsigned int merged);
int vnic_rec_replay_poll(struct vnic_rxq *rxq);
int vnic_rec_next_queue(struct vnic_priv *p);

/* vnic_ops.c */
extern const struct ethtool_ops vnic_ethtool_ops;
extern const struct devlink_ops vnic_devlink_ops;
int vnic_rss_set(struct vnic_priv *p, const u8 *key, const u32 *indir);
int vnic_gro_hw_allowed(struct net_device *dev);
void vnic_fw_short(char *buf, size_t len);

#endif
