// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_vnic control: ethtool (driver info with the ofl identity's short
 * form, counters, channels, RSS key and indirection table) and devlink
 * (dev info: every ofl module's identity in the "running" group).
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/version.h>
#include "vnic.h"

/* "fw.app.ofl.<module>" as devlink reports it; hex of its SHA-256 */
static void vnic_id_hex(const struct ofl_id_record *r, char *hex)
{
	bin2hex(hex, r->sha256, OFL_ID_DIGEST_LEN);
	hex[2 * OFL_ID_DIGEST_LEN] = '\0';
}

static const struct ofl_id_record *vnic_id_find(const char *module)
{
	unsigned int i, n;
	const struct ofl_id_record *r = ofl_identity(&n);

	for (i = 0; i < n; i++)
		if (!strncmp(r[i].module, module, OFL_ID_NAME_LEN))
			return &r[i];
	return NULL;
}

/* ethtool -i firmware-version: the first 4 hex digits of each module's
 * identity, in ofl_identity() order, dot-separated (six modules do not fit
 * its 31 characters with more; devlink has the full hashes) */
void vnic_fw_short(char *buf, size_t len)
{
	unsigned int i, n;
	const struct ofl_id_record *r = ofl_identity(&n);
	size_t off = 0;

	buf[0] = '\0';
	for (i = 0; i < n && off + 5 < len; i++)
		off += (size_t)scnprintf(buf + off, len - off, "%s%2phN",
					 i ? "." : "", r[i].sha256);
}

int vnic_gro_hw_allowed(struct net_device *dev)
{
	const struct ofl_id_record *r = vnic_id_find("gro");
	char hex[2 * OFL_ID_DIGEST_LEN + 1] = "";

	if (r)
		vnic_id_hex(r, hex);
	if (vnic_expect_gro && r && !strcasecmp(strim(vnic_expect_gro), hex)) {
		netdev_info(dev, "ofl_vnic: rx-gro-hw on: lib/gro %s is the identity the host expects\n",
			    hex);
		return 0;
	}
	netdev_warn(dev, "ofl_vnic: rx-gro-hw refused: the host expects lib/gro %s, the device runs %s\n",
		    vnic_expect_gro && *vnic_expect_gro ? vnic_expect_gro :
		    "(nothing: set module parameter expect_gro)", hex);
	/* not left "requested": a later request after expect_gro is
	 * fixed must reach ndo_set_features again */
	dev->wanted_features &= ~NETIF_F_GRO_HW;
	return -EPERM;
}

/* a new key and/or table: tables computed off-line, swapped under RCU */
int vnic_rss_set(struct vnic_priv *p, const u8 *key, const u32 *indir)
{
	struct vnic_rss *old, *n = kvmalloc(sizeof(*n), GFP_KERNEL);
	unsigned int i;

	if (!n)
		return -ENOMEM;
	spin_lock_bh(&p->rss_lock);
	old = rcu_dereference_protected(p->rss,
					lockdep_is_held(&p->rss_lock));
	memcpy(n->key, key ? key : old->key, VNIC_KEY_LEN);
	if (indir) {
		n->reta.size = VNIC_RETA_SIZE;
		n->reta.reserved = 0;
		for (i = 0; i < VNIC_RETA_SIZE; i++)
			n->reta.queue[i] = (u16)indir[i];
	} else if (old) {
		n->reta = old->reta;
	} else {
		ofl_rss_reta_init(&n->reta, VNIC_RETA_SIZE, p->nq);
	}
	spin_unlock_bh(&p->rss_lock);
	if (ofl_rss_init(&n->ctx, sizeof(n->ctx), n->key, VNIC_KEY_LEN)) {
		kvfree(n);
		return -EINVAL;
	}
	spin_lock_bh(&p->rss_lock);
	old = rcu_replace_pointer(p->rss, n, lockdep_is_held(&p->rss_lock));
	spin_unlock_bh(&p->rss_lock);
	if (old)
		kvfree_rcu(old, rcu);
	return 0;
}

static void vnic_get_drvinfo(struct net_device *dev,
			     struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "ofl_vnic", sizeof(info->driver));
	vnic_fw_short(info->fw_version, sizeof(info->fw_version));
	strscpy(info->bus_info, dev_name(dev->dev.parent),
		sizeof(info->bus_info));
}

static const char vnic_stat_names[VNIC_NSTATS][ETH_GSTRING_LEN] = {
	"tx_csum_ofl", "tx_csum_legacy_fallback", "tx_gso_skbs",
	"tx_gso_segs", "tx_gso_udp_l4", "tx_gso_tunnel", "tx_refused",
	"rx_csum_complete", "rx_hash_l4", "rx_hash_l3", "rx_gro_merged",
	"rx_gro_segs", "rx_gro_err", "rx_gro_verified", "rx_drop",
};

static int vnic_get_sset_count(struct net_device *dev, int sset)
{
	struct vnic_priv *p = netdev_priv(dev);

	return sset == ETH_SS_STATS ? (int)(VNIC_NSTATS + p->nq) : -EOPNOTSUPP;
}

static void vnic_get_strings(struct net_device *dev, u32 sset, u8 *buf)
{
	struct vnic_priv *p = netdev_priv(dev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < VNIC_NSTATS; i++)
		ethtool_sprintf(&buf, "%s", vnic_stat_names[i]);
	for (i = 0; i < p->nq; i++)
		ethtool_sprintf(&buf, "rx_queue_%u_packets", i);
}

static void vnic_get_stats(struct net_device *dev, struct ethtool_stats *st,
			   u64 *data)
{
	struct vnic_priv *p = netdev_priv(dev);
	unsigned int i;

	for (i = 0; i < VNIC_NSTATS; i++)
		*data++ = (u64)atomic64_read(&p->stat[i]);
	for (i = 0; i < p->nq; i++)
		*data++ = (u64)atomic64_read(&p->rxq[i].packets);
}

static void vnic_get_channels(struct net_device *dev,
			      struct ethtool_channels *ch)
{
	struct vnic_priv *p = netdev_priv(dev);

	ch->max_rx = p->nq;
	ch->rx_count = p->nq;
	ch->max_tx = 1;
	ch->tx_count = 1;
}

static int vnic_get_rxnfc(struct net_device *dev, struct ethtool_rxnfc *c,
			  u32 *rules)
{
	struct vnic_priv *p = netdev_priv(dev);

	if (c->cmd != ETHTOOL_GRXRINGS)
		return -EOPNOTSUPP;
	c->data = p->nq;
	return 0;
}

static u32 vnic_key_size(struct net_device *dev)
{
	return VNIC_KEY_LEN;
}

static u32 vnic_indir_size(struct net_device *dev)
{
	return VNIC_RETA_SIZE;
}

static void vnic_rxfh_read(struct vnic_priv *p, u32 *indir, u8 *key)
{
	struct vnic_rss *rss;
	unsigned int i;

	rcu_read_lock();
	rss = rcu_dereference(p->rss);
	if (key)
		memcpy(key, rss->key, VNIC_KEY_LEN);
	if (indir)
		for (i = 0; i < VNIC_RETA_SIZE; i++)
			indir[i] = rss->reta.queue[i];
	rcu_read_unlock();
}

static int vnic_rxfh_write(struct vnic_priv *p, const u32 *indir,
			   const u8 *key, u8 hfunc)
{
	unsigned int i;

	if (hfunc != ETH_RSS_HASH_NO_CHANGE && hfunc != ETH_RSS_HASH_TOP)
		return -EOPNOTSUPP;
	if (indir)
		for (i = 0; i < VNIC_RETA_SIZE; i++)
			if (indir[i] >= p->nq)
				return -EINVAL;
	if (!key && !indir)
		return 0;
	return vnic_rss_set(p, key, indir);
}

/* the RSS callbacks took their arguments one by one before 6.8 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
static int vnic_get_rxfh(struct net_device *dev, struct ethtool_rxfh_param *r)
{
	r->hfunc = ETH_RSS_HASH_TOP;
	vnic_rxfh_read(netdev_priv(dev), r->indir, r->key);
	return 0;
}

static int vnic_set_rxfh(struct net_device *dev, struct ethtool_rxfh_param *r,
			 struct netlink_ext_ack *extack)
{
	return vnic_rxfh_write(netdev_priv(dev), r->indir, r->key, r->hfunc);
}
#else
static int vnic_get_rxfh(struct net_device *dev, u32 *indir, u8 *key,
			 u8 *hfunc)
{
	if (hfunc)
		*hfunc = ETH_RSS_HASH_TOP;
	vnic_rxfh_read(netdev_priv(dev), indir, key);
	return 0;
}

static int vnic_set_rxfh(struct net_device *dev, const u32 *indir,
			 const u8 *key, const u8 hfunc)
{
	return vnic_rxfh_write(netdev_priv(dev), indir, key, hfunc);
}
#endif

static int vnic_get_coalesce(struct net_device *dev,
			     struct ethtool_coalesce *ec,
			     struct kernel_ethtool_coalesce *kec,
			     struct netlink_ext_ack *extack)
{
	struct vnic_priv *p = netdev_priv(dev);

	ec->rx_coalesce_usecs = READ_ONCE(p->rx_usecs);
	return 0;
}

static int vnic_set_coalesce(struct net_device *dev,
			     struct ethtool_coalesce *ec,
			     struct kernel_ethtool_coalesce *kec,
			     struct netlink_ext_ack *extack)
{
	struct vnic_priv *p = netdev_priv(dev);

	if (ec->rx_coalesce_usecs > 100000)
		return -ERANGE;
	WRITE_ONCE(p->rx_usecs, ec->rx_coalesce_usecs);
	return 0;
}

const struct ethtool_ops vnic_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS,
	.get_coalesce = vnic_get_coalesce,
	.set_coalesce = vnic_set_coalesce,
	.get_drvinfo = vnic_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_sset_count = vnic_get_sset_count,
	.get_strings = vnic_get_strings,
	.get_ethtool_stats = vnic_get_stats,
	.get_channels = vnic_get_channels,
	.get_rxnfc = vnic_get_rxnfc,
	.get_rxfh_key_size = vnic_key_size,
	.get_rxfh_indir_size = vnic_indir_size,
	.get_rxfh = vnic_get_rxfh,
	.set_rxfh = vnic_set_rxfh,
};

/* devlink dev info: the driver, and in "running" one entry per ofl module
 * (as ice reports its loaded DDP package, fw.app.name / fw.app) */
static int vnic_info_get(struct devlink *dl, struct devlink_info_req *req,
			 struct netlink_ext_ack *extack)
{
	char name[32], hex[2 * OFL_ID_DIGEST_LEN + 1];
	unsigned int i, n;
	const struct ofl_id_record *r = ofl_identity(&n);
	int ret;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "fw.app.ofl.%.*s",
			 OFL_ID_NAME_LEN, r[i].module);
		vnic_id_hex(&r[i], hex);
		ret = devlink_info_version_running_put(req, name, hex);
		if (ret)
			return ret;
	}
	return 0;
}

const struct devlink_ops vnic_devlink_ops = {
	.info_get = vnic_info_get,
};
