// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_segment(): whole segments into one caller buffer, back to back
 * (what skb_segment() builds when the device takes no fragments).
 */
#include "internal.h"

/* Copy @n payload bytes from the fragments at (@fi, @fo) to @dst. */
OFL_PRIVATE void ofl__gso_copy_payload(uint8_t *dst,
				       const struct ofl_gso_frag *frags,
				       uint32_t nr, uint32_t fi, uint32_t fo,
				       uint32_t n)
{
	uint32_t k, i, take, avail;
	const uint8_t *src;

	for (k = 0; k <= OFL_GSO_MAX_FRAGS; k++) {
		if (!n || fi >= nr)
			break;
		avail = frags[fi].len - fo;
		take = avail < n ? avail : n;
		src = frags[fi].data + fo;
		for (i = 0; i < (1u << 24); i += 8) {
			if (i + 8 > take)
				break;
			ofl_copy8(dst + i, src + i);
		}
		ofl_copy_bytes(dst + i, src + i, take - i, 8);
		dst += take;
		n -= take;
		fi++;
		fo = 0;
	}
}

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
		err = ofl_gso_next(&it, out + pos, cap - pos, &seg);
		if (err <= 0)
			break;
		ofl__gso_copy_payload(out + pos + seg.hdr_len, frags, nr_frags,
				      seg.frag, seg.frag_off, seg.payload_len);
		lens[k] = seg.hdr_len + seg.payload_len;
		pos += lens[k];
	}
	return err < 0 ? err : (int)it.count;
}
