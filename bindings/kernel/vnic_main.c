// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_vnic: pairs of virtual Ethernet devices vnic<N>a <-> vnic<N>b whose
 * offloads are ofl's (see vnic.h). Each pair hangs off a platform device
 * with a devlink instance, so `devlink dev info platform/ofl_vnic.<N>`
 * reports the ofl modules the device runs.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rtnetlink.h>
#include <linux/vmalloc.h>
#include <linux/version.h>
#include "vnic.h"

static unsigned int pairs = 1;
module_param(pairs, uint, 0444);
MODULE_PARM_DESC(pairs, "number of device pairs (vnic<N>a, vnic<N>b)");
static unsigned int queues = 4;
module_param(queues, uint, 0444);
MODULE_PARM_DESC(queues, "RX queues per device (1..8)");
bool vnic_legacy;
module_param_named(legacy, vnic_legacy, bool, 0444);
MODULE_PARM_DESC(legacy, "legacy device: protocol-specific IPv4/IPv6 TCP/UDP checksum only, the rest in software (ofl_csum_hwoffload_legacy_check)");
char *vnic_expect_gro;
module_param_named(expect_gro, vnic_expect_gro, charp, 0644);
MODULE_PARM_DESC(expect_gro, "SHA-256 (hex) of lib/gro the host expects; rx-gro-hw is refused unless it is the device's");

static struct vnic_pair *vnic_pairs;

static int vnic_open(struct net_device *dev)
{
	struct vnic_priv *p = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(p->peer);
	unsigned int i;

	for (i = 0; i < p->nq; i++)
		napi_enable(&p->rxq[i].napi);
	if (peer && netif_running(peer)) {
		netif_carrier_on(dev);
		netif_carrier_on(peer);
	}
	return 0;
}

static int vnic_stop(struct net_device *dev)
{
	struct vnic_priv *p = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(p->peer);
	unsigned int i;

	netif_carrier_off(dev);
	if (peer) {
		netif_carrier_off(peer);
		/* its TX queue may wait for our polls to drain our ring */
		netif_wake_queue(peer);
	}
	for (i = 0; i < p->nq; i++) {
		hrtimer_cancel(&p->rxq[i].timer);
		napi_disable(&p->rxq[i].napi);
		skb_queue_purge(&p->rxq[i].q);
	}
	return 0;
}

static int vnic_set_features(struct net_device *dev,
			     netdev_features_t features)
{
	netdev_features_t changed = dev->features ^ features;

	/* lib/gro's context is empty between polls (every poll flushes):
	 * nothing to reset when rx-gro-hw changes */
	if ((changed & NETIF_F_GRO_HW) && (features & NETIF_F_GRO_HW))
		return vnic_gro_hw_allowed(dev);
	return 0;
}

static void vnic_get_stats64(struct net_device *dev,
			     struct rtnl_link_stats64 *s)
{
	struct vnic_priv *p = netdev_priv(dev);

	s->tx_packets = (u64)atomic64_read(&p->tx_packets);
	s->tx_bytes = (u64)atomic64_read(&p->tx_bytes);
	s->tx_dropped = (u64)atomic64_read(&p->tx_drops);
	s->rx_packets = (u64)atomic64_read(&p->rx_packets);
	s->rx_bytes = (u64)atomic64_read(&p->rx_bytes);
	s->rx_dropped = (u64)atomic64_read(&p->stat[VNIC_RX_DROP]);
}

static const struct net_device_ops vnic_netdev_ops = {
	.ndo_open = vnic_open,
	.ndo_stop = vnic_stop,
	.ndo_start_xmit = vnic_xmit,
	.ndo_features_check = vnic_features_check,
	.ndo_set_features = vnic_set_features,
	.ndo_get_stats64 = vnic_get_stats64,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

/* lib/gro's rules for the kernel it runs in (docs/GRO.md, profiles) */
static const struct ofl_gro_opts vnic_gro_opts = {
	.sz = sizeof(struct ofl_gro_opts),
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 18, 0)
	.profile = OFL_GRO_PROFILE_6_18,
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
	.profile = OFL_GRO_PROFILE_6_10,
#else
	.profile = OFL_GRO_PROFILE_6_1,
#endif
	/* no tunnel sockets are known to the device: tunnelled frames
	 * are passed up alone (docs/DRIVER.md) */
	.flags = OFL_GRO_F_NO_IPTUN,
};

#define VNIC_TX_FEATURES (NETIF_F_SG | NETIF_F_HIGHDMA | NETIF_F_TSO | \
	NETIF_F_TSO6 | NETIF_F_TSO_ECN | NETIF_F_TSO_MANGLEID | \
	NETIF_F_GSO_UDP_L4 | NETIF_F_GSO_UDP_TUNNEL | \
	NETIF_F_GSO_UDP_TUNNEL_CSUM | NETIF_F_GSO_GRE | \
	NETIF_F_GSO_GRE_CSUM | NETIF_F_GSO_IPXIP4 | NETIF_F_GSO_IPXIP6)

static void vnic_setup(struct net_device *dev)
{
	netdev_features_t csum = vnic_legacy ?
		(NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM) : NETIF_F_HW_CSUM;

	ether_setup(dev);
	dev->netdev_ops = &vnic_netdev_ops;
	dev->ethtool_ops = &vnic_ethtool_ops;
	dev->needs_free_netdev = false;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	dev->hw_features = VNIC_TX_FEATURES | csum | NETIF_F_RXCSUM |
			   NETIF_F_RXHASH | NETIF_F_GRO_HW;
	dev->features = (dev->hw_features & ~NETIF_F_GRO_HW) | NETIF_F_GRO;
	dev->hw_enc_features = VNIC_TX_FEATURES | csum;
	dev->vlan_features = VNIC_TX_FEATURES | csum;
	eth_hw_addr_random(dev);
}

static void vnic_free_queues(struct vnic_priv *p)
{
	unsigned int i;

	for (i = 0; i < p->nq; i++) {
		if (!p->rxq[i].priv)	/* vnic_init_priv() stopped before */
			continue;
		hrtimer_cancel(&p->rxq[i].timer);
		skb_queue_purge(&p->rxq[i].q);
		vfree(p->rxq[i].gro);
		vfree(p->rxq[i].out);
	}
	kvfree(rcu_dereference_protected(p->rss, true));
	vnic_rec_free(p);
}

static int vnic_init_priv(struct net_device *dev, struct vnic_pair *pair)
{
	struct vnic_priv *p = netdev_priv(dev);
	u8 key[VNIC_KEY_LEN];
	unsigned int i;

	p->dev = dev;
	p->pair = pair;
	p->nq = clamp_t(unsigned int, queues, 1, VNIC_MAX_QUEUES);
	p->legacy = vnic_legacy;
	spin_lock_init(&p->rss_lock);
	for (i = 0; i < p->nq; i++) {
		struct vnic_rxq *q = &p->rxq[i];

		q->priv = p;
		q->index = i;
		skb_queue_head_init(&q->q);
		hrtimer_init(&q->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
		q->timer.function = vnic_rx_timer;
		netif_napi_add(dev, &q->napi, vnic_poll);
		q->gro = vzalloc(sizeof(*q->gro));
		q->out = vzalloc(sizeof(*q->out) * VNIC_GRO_OUT);
		if (!q->gro || !q->out ||
		    ofl_gro_init(q->gro, sizeof(*q->gro), &vnic_gro_opts))
			return -ENOMEM;
	}
	/* the kernel's RSS key, as drivers take it (the toeplitz selftest
	 * reads the same bytes from /proc/sys/net/core/netdev_rss_key) */
	netdev_rss_key_fill(key, sizeof(key));
	if (vnic_rec_init(p))
		return -ENOMEM;
	return vnic_rss_set(p, key, NULL);
}

static int vnic_pair_create(struct vnic_pair *pair, unsigned int id)
{
	struct net_device *d[2];
	unsigned int i;
	int ret;

	pair->pdev = platform_device_register_simple("ofl_vnic", (int)id,
						     NULL, 0);
	if (IS_ERR(pair->pdev))
		return PTR_ERR(pair->pdev);
	pair->devlink = devlink_alloc(&vnic_devlink_ops, sizeof(pair),
				      &pair->pdev->dev);
	if (!pair->devlink)
		return -ENOMEM;
	*(struct vnic_pair **)devlink_priv(pair->devlink) = pair;
	for (i = 0; i < 2; i++) {
		char name[IFNAMSIZ];

		snprintf(name, sizeof(name), "vnic%u%c", id, 'a' + i);
		d[i] = alloc_netdev_mqs(sizeof(struct vnic_priv), name,
					NET_NAME_USER, vnic_setup, 1,
					clamp_t(unsigned int, queues, 1,
						VNIC_MAX_QUEUES));
		if (!d[i])
			return -ENOMEM;
		pair->dev[i] = d[i];
		SET_NETDEV_DEV(d[i], &pair->pdev->dev);
		ret = vnic_init_priv(d[i], pair);
		if (ret)
			return ret;
	}
	rcu_assign_pointer(((struct vnic_priv *)netdev_priv(d[0]))->peer, d[1]);
	rcu_assign_pointer(((struct vnic_priv *)netdev_priv(d[1]))->peer, d[0]);
	for (i = 0; i < 2; i++) {
		ret = register_netdev(d[i]);
		if (ret) {
			pair->dev[i] = NULL;
			free_netdev(d[i]);
			return ret;
		}
		netif_carrier_off(d[i]);
	}
	devlink_register(pair->devlink);
	return 0;
}

static void vnic_pair_destroy(struct vnic_pair *pair)
{
	unsigned int i;

	if (pair->devlink && pair->dev[1])
		devlink_unregister(pair->devlink);
	for (i = 0; i < 2; i++) {
		struct net_device *d = pair->dev[i];

		if (!d)
			continue;
		if (d->reg_state == NETREG_REGISTERED)
			unregister_netdev(d);
	}
	synchronize_net();
	for (i = 0; i < 2; i++) {
		struct net_device *d = pair->dev[i];

		if (!d)
			continue;
		vnic_free_queues(netdev_priv(d));
		free_netdev(d);
	}
	if (pair->devlink)
		devlink_free(pair->devlink);
	if (!IS_ERR_OR_NULL(pair->pdev))
		platform_device_unregister(pair->pdev);
}

static int __init vnic_init(void)
{
	unsigned int i;
	int ret;

	if (!pairs || pairs > 16)
		return -EINVAL;
	vnic_pairs = kcalloc(pairs, sizeof(*vnic_pairs), GFP_KERNEL);
	if (!vnic_pairs)
		return -ENOMEM;
	vnic_rec_module_init();
	for (i = 0; i < pairs; i++) {
		ret = vnic_pair_create(&vnic_pairs[i], i);
		if (ret) {
			pr_err("ofl_vnic: pair %u: %d\n", i, ret);
			while (1) {
				vnic_pair_destroy(&vnic_pairs[i]);
				if (!i--)
					break;
			}
			kfree(vnic_pairs);
			vnic_rec_module_exit();
			return ret;
		}
	}
	pr_info("ofl_vnic: %u pair(s), %u RX queues, %s checksum\n", pairs,
		clamp_t(unsigned int, queues, 1, VNIC_MAX_QUEUES),
		vnic_legacy ? "legacy (IPv4/IPv6 TCP/UDP)" : "generic (HW_CSUM)");
	return 0;
}

static void __exit vnic_exit(void)
{
	unsigned int i;

	for (i = 0; i < pairs; i++)
		vnic_pair_destroy(&vnic_pairs[i]);
	kfree(vnic_pairs);
	vnic_rec_module_exit();
}

module_init(vnic_init);
module_exit(vnic_exit);
MODULE_SOFTDEP("pre: ofl");
MODULE_DESCRIPTION("ofl_vnic: a virtual Ethernet pair whose offloads are ofl");
MODULE_LICENSE("Dual BSD/GPL");
