// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A delivery as one contiguous frame, with the TCP checksum optionally
 * completed as net/core/dev.c skb_checksum_help does for CHECKSUM_PARTIAL.
 */
#include "internal.h"

OFL_PRIVATE int ofl__gro_slice_ok(const struct ofl_gro_slice *s,
				  const uint8_t *const *frames,
				  const uint32_t *lens, uint32_t nframes)
{
	return s->frame < nframes && frames[s->frame] &&
	       (uint32_t)s->off + s->len <= lens[s->frame];
}

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
