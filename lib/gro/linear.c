// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A delivery as one contiguous frame, with the TCP checksum optionally
 * completed as net/core/dev.c skb_checksum_help does for CHECKSUM_PARTIAL.
 */
#include "internal.h"

OFL_PRIVATE int ofl__gro_lin_csum(const struct ofl_gro_pkt *pkt, uint8_t *buf,
				  size_t pos, int complete);

OFL_PRIVATE int ofl__gro_slice_ok(const struct ofl_gro_slice *s,
				  const uint8_t *const *frames,
				  const uint32_t *lens, uint32_t nframes)
{
	return s->frame < nframes && frames[s->frame] &&
	       (uint32_t)s->off + s->len <= lens[s->frame];
}

#if !defined(OFL_BPF)
/* Slice @i of @pkt into *@s; *@x walks the pool chain (start it at
 * pkt->ext, call with i = 0, 1, ... in order). 0, or OFL_EINVAL. */
OFL_PRIVATE int ofl__gro_slice_at(const struct ofl_gro_ext *pool,
				  uint32_t npool, const struct ofl_gro_pkt *pkt,
				  unsigned int i, uint32_t *x,
				  struct ofl_gro_slice *s)
{
	if (i < OFL_GRO_MAX_SEGS) {
		*s = pkt->slice[i];
		return 0;
	}
	if (*x >= npool)
		return OFL_EINVAL;
	*s = pool[*x].s;
	*x = pool[*x].next;
	return 0;
}

OFL_API int ofl_gro_pkt_slices(const struct ofl_gro_ctx *ctx, size_t ctx_size,
			       const struct ofl_gro_pkt *pkt,
			       struct ofl_gro_slice *out, unsigned int max)
{
	uint32_t x;
	unsigned int i;

	if (!ctx || !pkt || !out || ctx_size != OFL_GRO_CTX_BYTES(ctx->pool))
		return OFL_EINVAL;
	if (max < pkt->nslices)
		return OFL_ENOSPC;
	x = pkt->ext;
	for (i = 0; i < 0xffffu; i++) {
		if (i >= pkt->nslices)
			break;
		if (ofl__gro_slice_at(ofl__gro_pool_c(ctx), ctx->pool, pkt, i,
				      &x, &out[i]))
			return OFL_EINVAL;
	}
	return (int)pkt->nslices;
}

/* Both linearize calls; @pool NULL (@npool 0) for OFL_GRO_MAX_SEGS
 * slices at most. */
OFL_PRIVATE int ofl__gro_linearize(const struct ofl_gro_ext *pool,
				   uint32_t npool,
				   const struct ofl_gro_pkt *pkt,
				   const uint8_t *const *frames,
				   const uint32_t *lens, uint32_t nframes,
				   uint8_t *buf, size_t cap, int complete)
{
	struct ofl_gro_slice s;
	unsigned int i;
	uint32_t x;
	size_t pos;

	if (!pkt || !frames || !lens || !buf || pkt->nslices < 1 ||
	    (!pool && pkt->nslices > OFL_GRO_MAX_SEGS) ||
	    pkt->hdr_len > OFL_GRO_MAX_HDR)
		return OFL_EINVAL;
	if (pkt->kind == OFL_GRO_PKT_FRAME)
		return ofl_gro_pkt_linearize(pkt, frames, lens, nframes, buf,
					     cap, complete);
	pos = pkt->hdr_len;
	x = pkt->ext;
	for (i = 0; i < 0xffffu; i++) {
		if (i >= pkt->nslices)
			break;
		if (ofl__gro_slice_at(pool, npool, pkt, i, &x, &s) ||
		    !ofl__gro_slice_ok(&s, frames, lens, nframes))
			return OFL_EINVAL;
		pos += s.len;
	}
	if (pos != pkt->len)
		return OFL_EINVAL;
	if (cap < pos)
		return OFL_ENOSPC;
	ofl_copy_bytes(buf, pkt->hdr, pkt->hdr_len, OFL_GRO_MAX_HDR);
	pos = pkt->hdr_len;
	x = pkt->ext;
	for (i = 0; i < 0xffffu; i++) {
		if (i >= pkt->nslices)
			break;
		(void)ofl__gro_slice_at(pool, npool, pkt, i, &x, &s);
		ofl_copy_bytes(buf + pos, frames[s.frame] + s.off, s.len,
			       65535);
		pos += s.len;
	}
	return ofl__gro_lin_csum(pkt, buf, pos, complete);
}

OFL_API int ofl_gro_pkt_linearize_ctx(const struct ofl_gro_ctx *ctx,
				      size_t ctx_size,
				      const struct ofl_gro_pkt *pkt,
				      const uint8_t *const *frames,
				      const uint32_t *lens, uint32_t nframes,
				      uint8_t *buf, size_t cap, int complete)
{
	if (!ctx || ctx_size != OFL_GRO_CTX_BYTES(ctx->pool))
		return OFL_EINVAL;
	return ofl__gro_linearize(ofl__gro_pool_c(ctx), ctx->pool, pkt,
				  frames, lens, nframes, buf, cap, complete);
}
#endif

OFL_API int ofl_gro_pkt_linearize(const struct ofl_gro_pkt *pkt,
				  const uint8_t *const *frames,
				  const uint32_t *lens, uint32_t nframes,
				  uint8_t *buf, size_t cap, int complete)
{
	unsigned int i;
	size_t pos;

	if (!pkt || !frames || !lens || !buf || pkt->nslices < 1 ||
	    pkt->nslices > OFL_GRO_MAX_SEGS || pkt->hdr_len > OFL_GRO_MAX_HDR)
		return OFL_EINVAL;
	if (pkt->kind == OFL_GRO_PKT_FRAME) {
		/* the frame as it came (it may be longer than a slice) */
		if (pkt->frame >= nframes || !frames[pkt->frame] ||
		    lens[pkt->frame] != pkt->len)
			return OFL_EINVAL;
		if (cap < pkt->len)
			return OFL_ENOSPC;
		ofl_copy_bytes(buf, frames[pkt->frame], pkt->len, 0xffffffffu);
		return (int)pkt->len;
	}
	pos = pkt->hdr_len;
	for (i = 0; i < OFL_GRO_MAX_SEGS; i++) {
		if (i >= pkt->nslices)
			break;
		if (!ofl__gro_slice_ok(&pkt->slice[i], frames, lens, nframes))
			return OFL_EINVAL;
		pos += pkt->slice[i].len;
	}
	if (pos != pkt->len)
		return OFL_EINVAL;
	if (cap < pos)
		return OFL_ENOSPC;
	ofl_copy_bytes(buf, pkt->hdr, pkt->hdr_len, OFL_GRO_MAX_HDR);
	pos = pkt->hdr_len;
	for (i = 0; i < OFL_GRO_MAX_SEGS; i++) {
		const struct ofl_gro_slice *s = &pkt->slice[i];

		if (i >= pkt->nslices)
			break;
		ofl_copy_bytes(buf + pos, frames[s->frame] + s->off, s->len,
			       65535);
		pos += s->len;
	}
	return ofl__gro_lin_csum(pkt, buf, pos, complete);
}

/* The checksums of a linearized merged frame (@pos bytes), as asked. */
OFL_PRIVATE int ofl__gro_lin_csum(const struct ofl_gro_pkt *pkt, uint8_t *buf,
				  size_t pos, int complete)
{
	/* a fraglist frame (OFL_GSO_FRAGLIST) is CHECKSUM_UNNECESSARY:
	 * every frame kept its own L4 checksum, nothing to complete */
	if (pkt->gso_type & OFL_GSO_FRAGLIST)
		complete = 0;
	if (complete && pkt->kind == OFL_GRO_PKT_MERGED &&
	    (size_t)pkt->csum_start + pkt->csum_offset + 2 <= pos) {
		uint16_t c = (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_partial(
			buf + pkt->csum_start, pos - pkt->csum_start, 0));

		ofl_store_ne16(buf + pkt->csum_start + pkt->csum_offset,
			       c ? c : 0xffff);
	}
	/* then the outer UDP checksum of a tunnel frame, over the inner */
	if (complete && pkt->kind == OFL_GRO_PKT_MERGED && pkt->ocsum_start &&
	    (size_t)pkt->ocsum_start + 8 <= pos) {
		uint16_t c = (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_partial(
			buf + pkt->ocsum_start, pos - pkt->ocsum_start, 0));

		ofl_store_ne16(buf + pkt->ocsum_start + 6, c ? c : 0xffff);
	}
	return (int)pos;
}
