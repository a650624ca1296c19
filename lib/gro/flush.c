// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Context reset, completion of a held flow and the flush of a poll
 * (net/core/gro.c gro_complete, __gro_flush_chain, gro_flush_oldest;
 * net/ipv4/af_inet.c inet_gro_complete; net/ipv6/ip6_offload.c
 * ipv6_gro_complete; net/ipv4/tcp_offload.c tcp4_gro_complete,
 * tcp_gro_complete; net/ipv6/tcpv6_offload.c tcp6_gro_complete).
 */
#include "internal.h"
#include "../common/opts.h"

OFL_API int ofl_gro_init(struct ofl_gro_ctx *ctx, size_t ctx_size,
			 const struct ofl_gro_opts *opts)
{
	const struct ofl_gro_opts *o = opts;
	uint32_t profile, m6, m4, flags, pool;
	unsigned int i, j;

	if (!OFL__OPTS_VALID(o, struct ofl_gro_opts, reserved) ||
	    OFL__OPTS_GET(o, struct ofl_gro_opts, reserved, 0))
		return OFL_EINVAL;
	pool = OFL__OPTS_GET(o, struct ofl_gro_opts, pool_segs, 0);
#if defined(OFL_BPF)
	if (pool)
		return OFL_ERANGE;
#endif
	if (pool > OFL_GRO_MAX_POOL)
		return OFL_ERANGE;
	/* a caller built with other capacities has another struct layout */
	if (!ctx || ctx_size != OFL_GRO_CTX_BYTES(pool))
		return OFL_EINVAL;
	profile = OFL__OPTS_GET(o, struct ofl_gro_opts, profile,
				OFL_GRO_PROFILE_6_18);
	m6 = OFL__OPTS_GET(o, struct ofl_gro_opts, gro_max_size, 0);
	m4 = OFL__OPTS_GET(o, struct ofl_gro_opts, gro_ipv4_max_size, 0);
	flags = OFL__OPTS_GET(o, struct ofl_gro_opts, flags, 0);
	if (!m6)
		m6 = OFL_GRO_LEGACY_MAX_SIZE;
	if (!m4)
		m4 = OFL_GRO_LEGACY_MAX_SIZE;
	if (profile > OFL_GRO_PROFILE_6_1 || m6 > OFL_GRO_MAX_SIZE ||
	    m4 > OFL_GRO_MAX_SIZE || (flags &
			~(OFL_GRO_F_UDP_FWD | OFL_GRO_F_VXLAN |
			  OFL_GRO_F_GENEVE | OFL_GRO_F_NO_IPTUN |
			  OFL_GRO_F_FRAGLIST)))
		return OFL_ERANGE;
	/* 6.1 has UDP fraglist GRO only (TCP's came with 6.10) and its
	 * rules are not modelled: refused rather than answered wrongly */
	if ((flags & OFL_GRO_F_FRAGLIST) && profile == OFL_GRO_PROFILE_6_1)
		return OFL_EOPNOTSUPP;
	ctx->profile = profile;
	ctx->flags = flags;
	ctx->max_v6 = m6;
	ctx->max_v4 = m4;
	ctx->held = 0;
	ctx->now = 0;
	ctx->pool = pool;
	ctx->pool_free = pool;
	ctx->free_head = pool ? 0 : OFL__GRO_NONE;
	ctx->pend_head = ctx->pend_tail = OFL__GRO_NONE;
#if !defined(OFL_BPF)
	for (i = 0; i < pool; i++)
		ofl__gro_pool(ctx)[i].next = i + 1 < pool ? i + 1 :
					     OFL__GRO_NONE;
#endif
	for (i = 0; i < OFL_GRO_BUCKETS; i++) {
		for (j = 0; j < OFL_GRO_BUCKET_FLOWS; j++) {
			ctx->b[i].flow[j].ext_head = OFL__GRO_NONE;
			ctx->b[i].flow[j].count = 0;
		}
		ctx->b[i].n = 0;
		ctx->b[i].hint_pos = 0;
		ctx->b[i].hint_off = 0;
		ctx->b[i].hint_hash = 0;
		ofl_zero_bytes(ctx->b[i].used, OFL_GRO_BUCKET_FLOWS,
			       OFL_GRO_BUCKET_FLOWS);
	}
	return 0;
}

OFL_API unsigned int ofl_gro_held(const struct ofl_gro_ctx *ctx)
{
	return ctx ? ctx->held : 0;
}

#if !defined(OFL_BPF)
/*
 * Start of a call on the context: pool entries of flows delivered before
 * it are free again (those that went to the pending chain when their slot
 * was reused, and those still named by a slot no flow holds). Nothing to do
 * (one compare) while no flow has used the pool.
 */
OFL_PRIVATE void ofl__gro_pool_begin(struct ofl_gro_ctx *ctx)
{
	unsigned int i, j;
	uint32_t n;

	if (ctx->pool_free == ctx->pool)
		return;
	ofl__gro_chain_put(ctx, &ctx->free_head, 0, ctx->pend_head,
			   ctx->pend_tail);
	ctx->pend_head = ctx->pend_tail = OFL__GRO_NONE;
	for (i = 0; i < OFL_GRO_BUCKETS; i++) {
		for (j = 0; j < OFL_GRO_BUCKET_FLOWS; j++) {
			struct ofl_gro_flow *p = &ctx->b[i].flow[j];

			if (ctx->b[i].used[j] || p->ext_head == OFL__GRO_NONE)
				continue;
			ofl__gro_chain_put(ctx, &ctx->free_head, 0,
					   p->ext_head, p->ext_tail);
			p->ext_head = OFL__GRO_NONE;
		}
	}
	/* what is not free now belongs to held flows: count it again */
	n = ctx->pool;
	for (i = 0; i < OFL_GRO_BUCKETS; i++)
		for (j = 0; j < OFL_GRO_BUCKET_FLOWS; j++)
			if (ctx->b[i].used[j] &&
			    ctx->b[i].flow[j].count > OFL_GRO_MAX_SEGS)
				n -= (uint32_t)ctx->b[i].flow[j].count -
				     OFL_GRO_MAX_SEGS;
	ctx->pool_free = n;
}
#else
#define ofl__gro_pool_begin(ctx) ((void)(ctx))
#endif

#if OFL_GRO_TUNNEL
/*
 * The outer layers of a merged tunnel flow: inet_gro_complete or
 * ipv6_gro_complete on the outer header; for GRE gre_gro_complete, for
 * IP-in-IP ipip_gro_complete, sit_gro_complete, ip4ip6_gro_complete or
 * ip6ip6_gro_complete (gso_type only); for VXLAN and GENEVE
 * udp4/6_gro_complete (a non-zero
 * checksum becomes the pseudo-header sum) and udp_gro_complete (length;
 * gso_type SKB_GSO_UDP_TUNNEL_CSUM or SKB_GSO_UDP_TUNNEL; the inner
 * complete then adds SKB_GSO_TCPV4 and the fixed-ID bits: 6.18 names the
 * outer one SKB_GSO_TCP_FIXEDID and the inner one ..._FIXEDID_INNER).
 */
OFL_PRIVATE void ofl__gro_fixup_tun(const struct ofl_gro_ctx *ctx,
				    const struct ofl_gro_flow *p,
				    struct ofl_gro_pkt *o)
{
	uint8_t *ip = o->hdr + OFL__GRO_OFF(p->ol3);
	uint8_t *uh = o->hdr + OFL__GRO_OFF(p->ol4);
	const uint8_t *nh = ip;
	uint32_t ulen = o->len - p->ol4;
	uint16_t check;

	/* 6.1 udp4/6_gro_complete take the addresses from ip_hdr(skb) /
	 * ipv6_hdr(skb): the inner IP header, where the inner
	 * inet/ipv6_gro_receive left the network header, read at the outer
	 * family's offsets and as held (the inner complete runs after). The
	 * held copy keeps 12 bytes past the headers (receive.c) for IPv6
	 * offsets over an inner IPv4 + UDP header. */
	if (ctx->profile == OFL_GRO_PROFILE_6_1 &&
	    OFL__GRO_OFF(p->l3) + 40u <= OFL_GRO_MAX_HDR)
		nh = p->hdr + OFL__GRO_OFF(p->l3);
	if ((p->tun & 3u) == 1) {
		ofl__gro_set_tot_len(ip, o->len - p->ol3);
		check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_tcpudp_magic(
			(OFL_FORCE ofl_be32)ofl_load_ne32(nh + 12),
			(OFL_FORCE ofl_be32)ofl_load_ne32(nh + 16), ulen, 17,
			0);
	} else {
		ofl_store_be16(ip + 4, (uint16_t)(o->len - p->ol3 - 40));
		check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_ipv6_magic(
			nh + 8, nh + 24, ulen, 17, 0);
	}
	/* tcp4_gro_complete: ip_fixedid * SKB_GSO_TCP_FIXEDID, bit 0 the
	 * outer layer, bit 1 the inner; tcp6_gro_complete and the UDP
	 * completes (inner UDP of GRE/IP-in-IP) add neither */
	o->gso_type &= ~OFL_GSO_TCP_FIXEDID;
	if (p->fixedid && !p->udp)
		o->gso_type |= OFL_GSO_TCP_FIXEDID_INNER;
	if ((p->tun & OFL__GRO_TUN_OIDFIX) && !p->v6 && !p->udp)
		o->gso_type |= OFL_GSO_TCP_FIXEDID;
	/* gre_gro_complete: SKB_GSO_GRE, the GRE checksum (if any) left as
	 * the first segment had it; ipip/sit_gro_complete: SKB_GSO_IPXIP4,
	 * ip4ip6/ip6ip6_gro_complete: SKB_GSO_IPXIP6 */
	if (p->tun & OFL__GRO_TUN_GRE) {
		o->gso_type |= OFL_GSO_GRE;
		return;
	}
	if (p->tun & OFL__GRO_TUN_IPIP) {
		o->gso_type |= (p->tun & 3u) == OFL__GRO_TUN_V4 ?
			       OFL_GSO_IPXIP4 : OFL_GSO_IPXIP6;
		return;
	}
	if (ofl_load_ne16(uh + 6)) {
		ofl_store_ne16(uh + 6, check);
		o->gso_type |= OFL_GSO_UDP_TUNNEL_CSUM;
		o->ocsum_start = p->ol4;
	} else {
		o->gso_type |= OFL_GSO_UDP_TUNNEL;
	}
	ofl_store_be16(uh + 4, (uint16_t)ulen);
}
#endif

#if defined(OFL_BPF)
/*
 * eBPF: ofl__gro_jumbo's move of hdr[@lo, @hi) 8 bytes on, as a global
 * function (OFL__GRO_BPF_FN) whose loop starts at the top byte and stops
 * after the bottom one: the verifier walks one path, a few thousand
 * instructions once. The native loop tests both bounds at every byte of
 * hdr[], and each test narrowed another bound, so the verifier walked
 * what followed once per combination: 532 000 of the completion's 535 000
 * instructions, in every program that completes a flow (docs/GRO.md,
 * "eBPF"). The bytes moved are the same: @hi <= OFL_GRO_MAX_HDR - 8.
 */
OFL__GRO_BPF_FN(jumbo_move, (struct ofl_gro_pkt *o, uint32_t lo,
			     uint32_t hi))
{
	uint32_t k, j;
	uint8_t *q;

	if (!o)
		return 0;
	for (k = 0; k < OFL_GRO_MAX_HDR - OFL_GRO_JUMBO_HLEN; k++) {
		if (lo + k >= hi)
			break;
		j = hi - 1 - k;
		if (j >= OFL_GRO_MAX_HDR - OFL_GRO_JUMBO_HLEN)
			break;
		/* both places from the bounded j (j + 8 apart, clang
		 * extended it from an unbounded 64-bit value) */
		q = o->hdr + j;
		q[OFL_GRO_JUMBO_HLEN] = q[0];
	}
	return 0;
}
#endif

/*
 * 6.18 ipv6_gro_complete past IPV6_MAXPLEN: an 8-byte hop-by-hop header with
 * the jumbo payload option (struct hop_jumbo_hdr: next header, length 0,
 * IPV6_TLV_JUMBO, 4, the 32-bit length: @plen + 8) goes between the IPv6
 * header and what followed it, which moves 8 bytes on (the kernel moves
 * the headers in front 8 bytes back instead: the same bytes); the IPv6
 * next header becomes NEXTHDR_HOP. ofl__gro_merge left room in hdr[].
 */
OFL_INLINE void ofl__gro_jumbo(const struct ofl_gro_flow *p,
			       struct ofl_gro_pkt *o, uint32_t plen)
{
	uint32_t l3 = OFL__GRO_OFF(p->l3), i;
	uint8_t *ip = o->hdr + l3;

	if (p->hdr_len + OFL_GRO_JUMBO_HLEN > OFL_GRO_MAX_HDR)
		return;
#if defined(OFL_BPF)
	(void)i;
	(void)ofl__gro_bpf_jumbo_move(o, l3 + 40, p->hdr_len);
#else
	for (i = OFL_GRO_MAX_HDR - OFL_GRO_JUMBO_HLEN; i > 0; i--) {
		if (i <= l3 + 40 || i > p->hdr_len)
			continue;
		o->hdr[i - 1 + OFL_GRO_JUMBO_HLEN] = o->hdr[i - 1];
	}
#endif
	ip[40] = ip[6];
	ip[41] = 0;
	ip[42] = OFL_IPV6_TLV_JUMBO;
	ip[43] = 4;
	ofl_store_be32(ip + 44, plen + OFL_GRO_JUMBO_HLEN);
	ip[6] = OFL_IPPROTO_HOPOPTS;
	o->hdr_len = (uint16_t)(o->hdr_len + OFL_GRO_JUMBO_HLEN);
	o->len += OFL_GRO_JUMBO_HLEN;
	o->csum_start = (uint16_t)(o->csum_start + OFL_GRO_JUMBO_HLEN);
}

/*
 * A flow merged under rx-gro-list (OFL_GRO_F_FRAGLIST): inet_gro_complete /
 * ipv6_gro_complete set the IP length, the fraglist branch of
 * udp4/6_gro_complete the UDP length, that of tcp4/6_gro_complete nothing;
 * no L4 checksum changes (every frame keeps its own) and the skb is
 * CHECKSUM_UNNECESSARY (__skb_incr_checksum_unnecessary), not PARTIAL.
 * A tunnel's outer layers are completed first as without the flag
 * (ofl__gro_fixup_tun: udp4/6_gro_complete's outer branch, as encap_mark
 * is set, puts the pseudo-header sum in a non-zero outer UDP checksum,
 * which nothing completes on an UNNECESSARY skb); the inner layer then as
 * above, with no fixed-ID bit (tcp4_gro_complete's is_flist branch
 * returns before them). Inner UDP of GRE/IP-in-IP does not come here:
 * gre/ipip_gro_complete leave encap_mark set, so the inner
 * udp4/6_gro_complete takes its plain branch (ofl__gro_fixup).
 */
OFL_PRIVATE void ofl__gro_fixup_flist(const struct ofl_gro_ctx *ctx,
				      const struct ofl_gro_flow *p,
				      struct ofl_gro_pkt *o)
{
	uint8_t *ip = o->hdr + OFL__GRO_OFF(p->l3);

	if (!p->v6) {
		ofl__gro_set_tot_len(ip, o->len - p->l3);
		o->gso_type = OFL_GSO_TCPV4;
	} else {
		ofl_store_be16(ip + 4, (uint16_t)(o->len - p->l3 - 40));
		o->gso_type = OFL_GSO_TCPV6;
	}
	if (p->udp) {
		ofl_store_be16(o->hdr + OFL__GRO_OFF(p->l4) + 4,
			       (uint16_t)(o->len - p->l4));
		o->gso_type = OFL_GSO_UDP_L4;
	}
	o->gso_type |= OFL_GSO_FRAGLIST;
	o->csum_start = 0;
	o->csum_offset = 0;
#if OFL_GRO_TUNNEL
	if (p->tun) {
		ofl__gro_fixup_tun(ctx, p, o);
		o->gso_type &= ~(OFL_GSO_TCP_FIXEDID |
				 OFL_GSO_TCP_FIXEDID_INNER);
		o->ocsum_start = 0;
	}
#else
	(void)ctx;
#endif
}

/* The IPv4/IPv6 and TCP header fix-ups of a merged flow. */
OFL_PRIVATE void ofl__gro_fixup(const struct ofl_gro_ctx *ctx,
				const struct ofl_gro_flow *p,
				struct ofl_gro_pkt *o)
{
	uint8_t *ip = o->hdr + OFL__GRO_OFF(p->l3);
	uint8_t *th = o->hdr + OFL__GRO_OFF(p->l4);
	uint32_t tcplen = o->len - p->l4;
	uint8_t proto = p->udp ? 17 : 6;
	uint16_t check;

	if ((ctx->flags & OFL_GRO_F_FRAGLIST) &&
	    !(p->udp && (p->tun & OFL__GRO_TUN_IPT))) {
		ofl__gro_fixup_flist(ctx, p, o);
		return;
	}
	if (!p->v6) {
		ofl__gro_set_tot_len(ip, o->len - p->l3);
		/* tcp4_gro_complete: ~tcp_v4_check(len, saddr, daddr, 0) */
		check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_tcpudp_magic(
			(OFL_FORCE ofl_be32)ofl_load_ne32(ip + 12),
			(OFL_FORCE ofl_be32)ofl_load_ne32(ip + 16), tcplen,
			proto, 0);
		o->gso_type = (uint32_t)(OFL_GSO_TCPV4 |
			(p->fixedid ? OFL_GSO_TCP_FIXEDID : 0));
	} else {
		/* ipv6_gro_complete: payload_len (0 above IPV6_MAXPLEN, with
		 * the jumbo header in front of the rest up to 7.0) */
		uint32_t plen = o->len - p->l3 - 40;

		ofl_store_be16(ip + 4, (uint16_t)(plen > 0xffffu ? 0 : plen));
		if (plen > 0xffffu && ctx->profile != OFL_GRO_PROFILE_7_0)
			ofl__gro_jumbo(p, o, plen);
		check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_ipv6_magic(
			ip + 8, ip + 24, tcplen, proto, 0);
		o->gso_type = OFL_GSO_TCPV6;
	}
	th = o->hdr + OFL__GRO_OFF(o->csum_start);
	if (p->udp) {
		/* udp4/6_gro_complete, udp_gro_complete_segment */
		ofl_store_be16(th + 4, (uint16_t)tcplen);
		if (ofl_load_ne16(th + 6))
			ofl_store_ne16(th + 6, check);
		o->gso_type = OFL_GSO_UDP_L4;
		o->csum_offset = 6;
#if OFL_GRO_TUNNEL
		/* UDP inside GRE or IP-in-IP (OFL_GRO_F_UDP_FWD) */
		if (p->tun)
			ofl__gro_fixup_tun(ctx, p, o);
#endif
		return;
	}
	ofl_store_ne16(th + 16, check);
	/* tcp_gro_complete: CWR in the held header; AccECN kernels (profile
	 * 7.0) name it SKB_GSO_TCP_ACCECN so no
	 * RFC 3168 TSO clears it again. A shift, not a branch: this is
	 * inlined at every completion and a branch here costs the BPF
	 * verifier a second walk of what follows. */
	OFL_STATIC_ASSERT(OFL_GSO_TCP_ECN << 17 == OFL_GSO_TCP_ACCECN &&
			  OFL_GRO_PROFILE_7_0 == 2 &&
			  OFL_GRO_PROFILE_6_10 == 1 &&
			  OFL_GRO_PROFILE_6_1 == 3, "ECN bit by shift");
	if (th[13] & 0x80)
		o->gso_type |= OFL_GSO_TCP_ECN << (17 * OFL__GRO_ACCECN(ctx));
#if OFL_GRO_TUNNEL
	if (p->tun)
		ofl__gro_fixup_tun(ctx, p, o);
#endif
}

/* gro_complete(): a flow of one segment goes up unchanged. */
OFL_PRIVATE void ofl__gro_complete(const struct ofl_gro_ctx *ctx,
				   const struct ofl_gro_flow *OFL__GRO_RESTRICT p,
				   struct ofl_gro_pkt *OFL__GRO_RESTRICT o)
{
	unsigned int i;

	if (p->count <= 1) {
		ofl__gro_frame_pkt(o, p->seg[0].frame, p->first_len, p->vlan);
		return;
	}
	o->frame = p->seg[0].frame;
	ofl__gro_put_vlan(o, p->vlan);
	o->len = (uint32_t)p->hdr_len + p->payload;
	o->kind = OFL_GRO_PKT_MERGED;
	o->hdr_len = p->hdr_len;
	o->nslices = p->count;
	o->gso_size = p->mss;
	o->gso_segs = p->count;
	o->csum_start = p->l4;
	o->csum_offset = 16;
	o->ocsum_start = 0;
	if (p->count > OFL_GRO_MAX_SEGS)
		o->ext = p->ext_head;
	/* whole arrays, no data-dependent exit: one path for the verifier */
#if defined(OFL_BPF)
	(void)i;
	__builtin_memcpy(o->hdr, p->hdr, sizeof(o->hdr));
	__builtin_memcpy(o->slice, p->seg, sizeof(o->slice));
#else
	/* only what the delivery defines: hdr_len bytes (in 8-byte words),
	 * count slices (two at a time: with an odd count the one after them
	 * is copied too, which the delivery leaves undefined) */
	OFL_STATIC_ASSERT(OFL_GRO_MAX_HDR % 8 == 0 && OFL_GRO_MAX_HDR >= 64,
			  "hdr[] in 8-byte words, at least 64 bytes");
	for (i = 0; i < 64; i += 8)	/* Ethernet/IPv4/TCP: no loop */
		ofl_copy8(o->hdr + i, p->hdr + i);
	for (; i < OFL_GRO_MAX_HDR; i += 8) {
		if (i >= p->hdr_len)
			break;
		ofl_copy8(o->hdr + i, p->hdr + i);
	}
	for (i = 0; i + 2 <= OFL_GRO_MAX_SEGS; i += 2) {
		if (i >= p->count)
			break;
		o->slice[i] = p->seg[i];
		o->slice[i + 1] = p->seg[i + 1];
	}
	if (i < p->count && i < OFL_GRO_MAX_SEGS)	/* an odd MAX_SEGS */
		o->slice[i] = p->seg[i];
#endif
	ofl__gro_fixup(ctx, p, o);
}

#if defined(OFL_BPF)
/* eBPF: a global function (bpf.h, OFL__GRO_BPF_FN). */
OFL__GRO_BPF_FN(complete, (const struct ofl_gro_ctx *ctx,
			   const struct ofl_gro_flow *p, struct ofl_gro_pkt *o))
{
	if (!ctx || !p || !o)
		return 0;
	ofl__gro_complete(ctx, p, o);
	return 0;
}
/* ofl__gro_complete's first case (a flow of one segment) before the call,
 * which it then spares (a call's return costs, see ofl__gro_bpf_csum_bad_in
 * in receive.c). */
OFL_INLINE void ofl__gro_bpf_complete_in(const struct ofl_gro_ctx *ctx,
					 const struct ofl_gro_flow *p,
					 struct ofl_gro_pkt *o)
{
	if (p->count <= 1)
		ofl__gro_frame_pkt(o, p->seg[0].frame, p->first_len, p->vlan);
	else
		(void)ofl__gro_bpf_complete(ctx, p, o);
}
#define ofl__gro_complete(ctx, p, o) ofl__gro_bpf_complete_in(ctx, p, o)
#endif

/* Remove the flow at age position @pos (0 = oldest) from bucket @b. */
OFL_PRIVATE void ofl__gro_unlink(struct ofl_gro_bucket *b, unsigned int pos)
{
	unsigned int i;

	if (pos >= OFL_GRO_BUCKET_FLOWS || pos >= b->n)
		return;
	b->used[b->order[pos] & (OFL_GRO_BUCKET_FLOWS - 1)] = 0;
	for (i = 0; i + 1 < OFL_GRO_BUCKET_FLOWS; i++) {
		if (i < pos)
			continue;
		if (i + 1 >= b->n)
			break;
		b->order[i] = b->order[i + 1];
	}
	b->n--;
}

/* One bucket of napi_gro_flush, oldest first; returns the count. */
OFL_INLINE unsigned int ofl__gro_flush_bucket(const struct ofl_gro_ctx *ctx,
					      struct ofl_gro_bucket *b,
					      struct ofl_gro_pkt *out)
{
	/* n and each slot read once: the completion's byte stores to @out
	 * would make them loads again after every flow */
	unsigned int j, k = 0, n = b->n;

	for (j = 0; j < OFL_GRO_BUCKET_FLOWS; j++) {
		const struct ofl_gro_flow *p;
		unsigned int s;

		if (j >= n)
			break;
		s = b->order[j] & (OFL_GRO_BUCKET_FLOWS - 1);
		p = &b->flow[s];
#if !defined(OFL_BPF)
		/* a flow of one frame here, as ofl__gro_complete would: that
		 * function saves six registers before its own test (14
		 * instructions a frame with 32 flows, each flushed alone) */
		if (p->count <= 1)
			ofl__gro_frame_pkt(&out[k++], p->seg[0].frame,
					   p->first_len, p->vlan);
		else
#endif
			ofl__gro_complete(ctx, p, &out[k++]);
		b->used[s] = 0;
	}
	b->n = 0;
	return k;
}

#if defined(OFL_BPF)
/* eBPF: a global function (bpf.h, OFL__GRO_BPF_FN); inlined, the
 * walk of every count of every bucket exceeds 1M processed instructions.
 * In BPF the @out of ofl_gro_flush() needs room for OFL_GRO_MAX_FLOWS. */
struct ofl__gro_bpf_out8 {
	struct ofl_gro_pkt p[OFL_GRO_BUCKET_FLOWS];
};
OFL__GRO_BPF_FN(flush_bucket, (const struct ofl_gro_ctx *ctx,
			       struct ofl_gro_bucket *b,
			       struct ofl__gro_bpf_out8 *o))
{
	if (!ctx || !b || !o)
		return 0;
	return (int)ofl__gro_flush_bucket(ctx, b, o->p);
}
#define ofl__gro_flush_bucket(ctx, b, out)				\
	((unsigned int)ofl__gro_bpf_flush_bucket(			\
		(ctx), (b), (struct ofl__gro_bpf_out8 *)(out)))
#endif

OFL_API int ofl_gro_flush(struct ofl_gro_ctx *ctx, struct ofl_gro_pkt *out,
			  unsigned int max_out)
{
	unsigned int i;
	uint32_t held;
	size_t k = 0;	/* 64-bit in BPF: no zero-extension between the
			 * bound check and the use ("R2 unbounded memory
			 * access") */

	if (!ctx || (!out && ctx->held))
		return OFL_EINVAL;
	held = ctx->held;
	if (max_out < held)
		return OFL_ENOSPC;
	ofl__gro_pool_begin(ctx);
	/* napi_gro_flush: buckets in bit order, each oldest first; once
	 * every held flow is delivered (held is the sum of the buckets' n)
	 * the buckets left are empty, and flushing one changes nothing */
#if !defined(OFL_BPF)
	{
		/* pointers, not indexes: fewer values live across the
		 * completions */
		struct ofl_gro_bucket *b = ctx->b;
		struct ofl_gro_pkt *o = out, *oe;

		(void)i;
		if (held) {	/* (out may be NULL then) */
			oe = out + held;
			for (; b < ctx->b + OFL_GRO_BUCKETS && o < oe; b++)
				o += ofl__gro_flush_bucket(ctx, b, o);
			k = (size_t)(o - out);
		}
	}
#else
	for (i = 0; i < OFL_GRO_BUCKETS; i++) {
		unsigned int n;

		if (k >= held)
			break;
		/* never taken (k <= 8 * i); bounds k for the verifier */
		if (k > OFL_GRO_MAX_FLOWS - OFL_GRO_BUCKET_FLOWS)
			break;
		n = ofl__gro_flush_bucket(ctx, &ctx->b[i], &out[k]);
		k += n <= OFL_GRO_BUCKET_FLOWS ? n : OFL_GRO_BUCKET_FLOWS;
	}
#endif
	ctx->held = 0;
	return (int)k;
}

OFL_API void ofl_gro_clock(struct ofl_gro_ctx *ctx, uint32_t now)
{
	if (ctx)
		ctx->now = now;
}

/* One bucket of ofl_gro_flush_old: oldest first, up to the first flow
 * younger than @min_age; returns the count (the caller lowers held). */
OFL_INLINE unsigned int ofl__gro_flush_old_bucket(const struct ofl_gro_ctx *ctx,
						  struct ofl_gro_bucket *b,
						  struct ofl_gro_pkt *out,
						  uint32_t min_age)
{
	unsigned int j, s, k = 0;

	/* __gro_flush_chain: from the oldest, stop at age == jiffies */
	for (j = 0; j < OFL_GRO_BUCKET_FLOWS; j++) {
		if (!b->n)
			break;
		s = b->order[0] & (OFL_GRO_BUCKET_FLOWS - 1);
		if (ctx->now - b->age[s] < min_age)
			break;
		ofl__gro_complete(ctx, &b->flow[s], &out[k++]);
		ofl__gro_unlink(b, 0);
	}
	return k;
}

#if defined(OFL_BPF)
/* eBPF: a global function, as flush_bucket (bpf.h, OFL__GRO_BPF_FN). */
OFL__GRO_BPF_FN(flush_old_bucket, (const struct ofl_gro_ctx *ctx,
				   struct ofl_gro_bucket *b,
				   struct ofl__gro_bpf_out8 *o,
				   uint32_t min_age))
{
	if (!ctx || !b || !o)
		return 0;
	return (int)ofl__gro_flush_old_bucket(ctx, b, o->p, min_age);
}
#define ofl__gro_flush_old_bucket(ctx, b, out, min_age)			\
	((unsigned int)ofl__gro_bpf_flush_old_bucket(			\
		(ctx), (b), (struct ofl__gro_bpf_out8 *)(out), (min_age)))
#endif

OFL_API int ofl_gro_flush_old(struct ofl_gro_ctx *ctx, struct ofl_gro_pkt *out,
			      unsigned int max_out, uint32_t min_age)
{
	unsigned int i, n;
	size_t k = 0;	/* as in ofl_gro_flush (BPF bounds) */

	if (!ctx || (!out && ctx->held))
		return OFL_EINVAL;
	if (max_out < ctx->held)
		return OFL_ENOSPC;
	ofl__gro_pool_begin(ctx);
	for (i = 0; i < OFL_GRO_BUCKETS; i++) {
		/* never taken (k <= 8 * i); bounds k for the verifier */
		if (k > OFL_GRO_MAX_FLOWS - OFL_GRO_BUCKET_FLOWS)
			break;
		n = ofl__gro_flush_old_bucket(ctx, &ctx->b[i], &out[k],
					      min_age);
		n = n <= OFL_GRO_BUCKET_FLOWS ? n : OFL_GRO_BUCKET_FLOWS;
		k += n;
		ctx->held -= n;
	}
	return (int)k;
}
