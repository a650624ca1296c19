// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_vnic debug mode: record the frames the device receives, as they came
 * off the wire (before lib/gro or the kernel's GRO), with their poll
 * boundaries, RSS hash and queue; replay them later, one recorded poll per
 * NAPI poll on the queue it was received on. make check-vnic records the
 * start of a real TCP transfer and replays it twice, through lib/gro
 * (rx-gro-hw on, GRO off) and through the kernel's GRO (rx-gro-hw off, GRO
 * on): the same frames in the same groups, each group ending with a flush
 * in both (napi_complete_done -> napi_gro_flush(n, false) with
 * gro_flush_timeout 0; lib/gro's ofl_gro_flush at the end of every poll).
 *
 *   /sys/kernel/debug/ofl_vnic/<dev>/rx_record
 *     write N   forget the last record; record the next polls until N
 *               frames (a poll is kept whole or not at all; recording
 *               stops at the first poll that does not fit)
 *     write 0   stop recording
 *     read      "state S frames F polls P bytes B live_merged M": M is the
 *               number of merged skbs lib/gro delivered for those polls
 *               when they ran live (0 with rx-gro-hw off)
 *   /sys/kernel/debug/ofl_vnic/<dev>/rx_replay
 *     write     replay the record through the receive path as it is
 *               configured now; returns when done (-ETIMEDOUT after 120 s).
 *               Replayed frames go up as PACKET_OTHERHOST: taps see them,
 *               the IP layer drops them (the stack answers nothing)
 *     read      "frames F polls P merged M" of the last replay (M: merged
 *               skbs lib/gro delivered, 0 with rx-gro-hw off)
 */
#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/vmalloc.h>
#include "vnic.h"

/* room per recorded frame: its length is a poll's frame, at most 64 KiB */
#define VNIC_REC_FRAME_ROOM 2048u
#define VNIC_REC_MAX_FRAMES 65536u

struct vnic_rec_hdr {
	u32 len;
	u32 hash;
	u16 queue;
	u8 l4_hash;
	u8 poll_start;		/* the first frame of a poll */
};

struct vnic_rec {
	spinlock_t lock;	/* buf and the counters; NAPI and writers */
	struct mutex ctl;	/* one writer of rx_record / rx_replay */
	struct completion done;
	struct dentry *dir;
	u8 *buf;
	size_t cap, used;
	u32 max_frames, frames, polls;
	u64 live_merged;
	size_t rp_off;		/* replay: the next frame's offset */
	u32 rp_frames, rp_polls;
	u64 rp_merged;
};

static struct dentry *vnic_dbg_root;

static size_t vnic_rec_size(u32 len)
{
	return ALIGN(sizeof(struct vnic_rec_hdr) + len, 8);
}

static struct vnic_rec_hdr *vnic_rec_at(struct vnic_rec *r, size_t off)
{
	return (struct vnic_rec_hdr *)(r->buf + off);
}

/* NAPI, live poll: keep the poll's n frames (rxq->batch) as one group */
bool vnic_rec_record(struct vnic_rxq *rxq, unsigned int n)
{
	struct vnic_priv *p = rxq->priv;
	struct vnic_rec *r = p->rec;
	size_t need = 0;
	unsigned int i;
	bool ok = false;

	for (i = 0; i < n; i++)
		need += vnic_rec_size(rxq->batch[i]->len);
	spin_lock(&r->lock);
	if (READ_ONCE(p->rec_mode) != VNIC_REC_ON)
		goto out;
	if (r->frames + n > r->max_frames || r->used + need > r->cap) {
		WRITE_ONCE(p->rec_mode, VNIC_REC_OFF);	/* full */
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct sk_buff *skb = rxq->batch[i];
		struct vnic_rec_hdr *h = vnic_rec_at(r, r->used);

		h->len = skb->len;
		h->hash = skb->hash;
		h->queue = (u16)rxq->index;
		h->l4_hash = skb->l4_hash;
		h->poll_start = i == 0;
		if (skb_copy_bits(skb, 0, h + 1, (int)skb->len))
			h->len = 0;	/* cannot happen: len is the skb's */
		r->used += vnic_rec_size(h->len);
	}
	r->frames += n;
	r->polls++;
	ok = true;
out:
	spin_unlock(&r->lock);
	return ok;
}

/* NAPI: lib/gro's merged skbs of a poll recorded by vnic_rec_record */
void vnic_rec_live_merged(struct vnic_priv *p, unsigned int merged)
{
	spin_lock(&p->rec->lock);
	p->rec->live_merged += merged;
	spin_unlock(&p->rec->lock);
}

/* the queue whose poll replays next, -1 if none */
int vnic_rec_next_queue(struct vnic_priv *p)
{
	struct vnic_rec *r = p->rec;
	int q = -1;

	if (READ_ONCE(p->rec_mode) != VNIC_REC_REPLAY)
		return -1;
	spin_lock(&r->lock);
	if (r->rp_off < r->used)
		q = vnic_rec_at(r, r->rp_off)->queue;
	spin_unlock(&r->lock);
	return q;
}

/*
 * NAPI: if the next recorded poll belongs to this queue, rebuild its frames
 * as the device's DMA does (vnic_tx.c: netdev_alloc_skb + NET_IP_ALIGN),
 * with the recorded hash and queue, and hand them to the receive path of
 * a live poll (vnic_rx_batch). Returns the frames replayed, or -1 when this
 * poll is not a replay poll.
 */
int vnic_rec_replay_poll(struct vnic_rxq *rxq)
{
	struct vnic_priv *p = rxq->priv;
	struct vnic_rec *r = p->rec;
	unsigned int n = 0, merged;
	size_t off;
	bool end, oom = false;

	spin_lock(&r->lock);
	off = r->rp_off;
	if (READ_ONCE(p->rec_mode) != VNIC_REC_REPLAY || off >= r->used ||
	    vnic_rec_at(r, off)->queue != rxq->index) {
		spin_unlock(&r->lock);
		return -1;
	}
	do {
		struct vnic_rec_hdr *h = vnic_rec_at(r, off);
		struct sk_buff *skb = netdev_alloc_skb(p->dev,
						       h->len + NET_IP_ALIGN);

		if (!skb) {
			oom = true;
			break;
		}
		skb_reserve(skb, NET_IP_ALIGN);
		skb_put_data(skb, h + 1, h->len);
		skb_set_hash(skb, h->hash, h->l4_hash ? PKT_HASH_TYPE_L4 :
			     PKT_HASH_TYPE_L3);
		skb_record_rx_queue(skb, h->queue);
		rxq->batch[n++] = skb;
		off += vnic_rec_size(h->len);
	} while (off < r->used && !vnic_rec_at(r, off)->poll_start &&
		 n < VNIC_BUDGET);
	/* out of memory: the replay ends short, and rx_replay's frames
	 * (fewer than the record's) say so */
	end = oom || off >= r->used;
	r->rp_off = end ? r->used : off;
	spin_unlock(&r->lock);
	rxq->replaying = true;
	merged = n ? vnic_rx_batch(rxq, n) : 0;
	rxq->replaying = false;
	spin_lock(&r->lock);
	r->rp_frames += n;
	r->rp_polls++;
	r->rp_merged += merged;
	spin_unlock(&r->lock);
	if (end) {
		WRITE_ONCE(p->rec_mode, VNIC_REC_OFF);
		complete(&r->done);
	}
	return (int)n;
}

/* rx_record's or rx_replay's line, its counters read under the lock */
static ssize_t vnic_rec_show(struct file *f, char __user *ubuf, size_t len,
			     loff_t *pos, bool replay)
{
	static const char *const st[] = { "off", "recording", "replaying" };
	struct vnic_priv *p = f->private_data;
	struct vnic_rec *r = p->rec;
	char b[160];
	int n;

	spin_lock_bh(&r->lock);
	if (replay)
		n = scnprintf(b, sizeof(b), "frames %u polls %u merged %llu\n",
			      r->rp_frames, r->rp_polls, r->rp_merged);
	else
		n = scnprintf(b, sizeof(b),
			      "state %s frames %u polls %u bytes %zu live_merged %llu\n",
			      st[READ_ONCE(p->rec_mode) % 3], r->frames,
			      r->polls, r->used, r->live_merged);
	spin_unlock_bh(&r->lock);
	return simple_read_from_buffer(ubuf, len, pos, b, (size_t)n);
}

static ssize_t vnic_rec_read(struct file *f, char __user *ubuf, size_t len,
			     loff_t *pos)
{
	return vnic_rec_show(f, ubuf, len, pos, false);
}

static ssize_t vnic_rec_write(struct file *f, const char __user *ubuf,
			      size_t len, loff_t *pos)
{
	struct vnic_priv *p = f->private_data;
	struct vnic_rec *r = p->rec;
	u8 *buf = NULL, *old;
	unsigned int n;
	int ret = kstrtouint_from_user(ubuf, len, 0, &n);

	if (ret)
		return ret;
	if (n > VNIC_REC_MAX_FRAMES)
		return -EINVAL;
	if (n) {
		buf = vmalloc((size_t)n * VNIC_REC_FRAME_ROOM);
		if (!buf)
			return -ENOMEM;
	}
	mutex_lock(&r->ctl);
	spin_lock_bh(&r->lock);
	if (READ_ONCE(p->rec_mode) == VNIC_REC_REPLAY) {
		spin_unlock_bh(&r->lock);
		mutex_unlock(&r->ctl);
		vfree(buf);
		return -EBUSY;
	}
	if (!n) {	/* stop; the record stays for rx_replay */
		WRITE_ONCE(p->rec_mode, VNIC_REC_OFF);
		spin_unlock_bh(&r->lock);
		mutex_unlock(&r->ctl);
		return (ssize_t)len;
	}
	old = r->buf;
	r->buf = buf;
	r->cap = (size_t)n * VNIC_REC_FRAME_ROOM;
	r->max_frames = n;
	r->used = 0;
	r->frames = 0;
	r->polls = 0;
	r->live_merged = 0;
	WRITE_ONCE(p->rec_mode, VNIC_REC_ON);
	spin_unlock_bh(&r->lock);
	mutex_unlock(&r->ctl);
	vfree(old);
	return (ssize_t)len;
}

static ssize_t vnic_replay_read(struct file *f, char __user *ubuf,
				size_t len, loff_t *pos)
{
	return vnic_rec_show(f, ubuf, len, pos, true);
}

static ssize_t vnic_replay_write(struct file *f, const char __user *ubuf,
				 size_t len, loff_t *pos)
{
	struct vnic_priv *p = f->private_data;
	struct vnic_rec *r = p->rec;
	ssize_t ret = (ssize_t)len;
	int q;

	mutex_lock(&r->ctl);
	spin_lock_bh(&r->lock);
	if (READ_ONCE(p->rec_mode) != VNIC_REC_OFF || !r->used) {
		spin_unlock_bh(&r->lock);
		mutex_unlock(&r->ctl);
		return r->used ? -EBUSY : -ENODATA;
	}
	reinit_completion(&r->done);
	r->rp_off = 0;
	r->rp_frames = 0;
	r->rp_polls = 0;
	r->rp_merged = 0;
	q = vnic_rec_at(r, 0)->queue;
	WRITE_ONCE(p->rec_mode, VNIC_REC_REPLAY);
	spin_unlock_bh(&r->lock);
	local_bh_disable();
	napi_schedule(&p->rxq[q % p->nq].napi);
	local_bh_enable();
	if (!wait_for_completion_timeout(&r->done, 120 * HZ)) {
		WRITE_ONCE(p->rec_mode, VNIC_REC_OFF);
		ret = -ETIMEDOUT;
	}
	mutex_unlock(&r->ctl);
	return ret;
}

static const struct file_operations vnic_rec_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = vnic_rec_read,
	.write = vnic_rec_write,
	.llseek = default_llseek,
};

static const struct file_operations vnic_replay_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = vnic_replay_read,
	.write = vnic_replay_write,
	.llseek = default_llseek,
};

void vnic_rec_module_init(void)
{
	vnic_dbg_root = debugfs_create_dir("ofl_vnic", NULL);
}

void vnic_rec_module_exit(void)
{
	debugfs_remove_recursive(vnic_dbg_root);
}

/* the device's debugfs directory, named as the device is at creation */
int vnic_rec_init(struct vnic_priv *p)
{
	struct vnic_rec *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	spin_lock_init(&r->lock);
	mutex_init(&r->ctl);
	init_completion(&r->done);
	p->rec = r;
	r->dir = debugfs_create_dir(p->dev->name, vnic_dbg_root);
	debugfs_create_file("rx_record", 0600, r->dir, p, &vnic_rec_fops);
	debugfs_create_file("rx_replay", 0600, r->dir, p, &vnic_replay_fops);
	return 0;
}

/* after unregister_netdev: no poll runs any more */
void vnic_rec_free(struct vnic_priv *p)
{
	if (!p->rec)
		return;
	debugfs_remove_recursive(p->rec->dir);
	vfree(p->rec->buf);
	kfree(p->rec);
	p->rec = NULL;
}
