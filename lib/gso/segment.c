// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_segment(): whole segments into one caller buffer, back to back
 * (what skb_segment() builds when the device takes no fragments).
 */
#include "internal.h"

OFL_API int ofl_gso_segment(const struct ofl_gso_frag *frags,
			    uint32_t nr_frags, const struct ofl_gso_meta *m,
			    uint32_t flags, uint8_t *out, size_t cap,
			    uint32_t *lens, uint32_t max_segs)
{
	struct ofl_gso_iter it;
	struct ofl_gso_seg seg;
	uint32_t k;
	size_t pos = 0;
	int err;

	if (!out || !lens)
		return OFL_EINVAL;
	err = ofl_gso_init(&it, frags, nr_frags, m, flags);
	if (err)
		return err;
	if (it.count > max_segs ||
	    (uint64_t)it.count * m->hdr_len + it.total_len > cap)
		return OFL_ENOSPC;
	for (k = 0; k < OFL_GSO_MAX_SEGS; k++) {
		if (k >= it.count)
			break;
		/* the payload is copied while it is summed (complete
		 * checksums: one pass over the source), after the headers
		 * as the iterator writes them (it.m: without a BIG TCP
		 * jumbo header); the room for it was checked above */
		err = ofl__gso_next(&it, out + pos, cap - pos, &seg,
				    out + pos + it.m.hdr_len);
		if (err <= 0)
			break;
		lens[k] = seg.hdr_len + seg.payload_len;
		pos += lens[k];
	}
	return err < 0 ? err : (int)it.count;
}
