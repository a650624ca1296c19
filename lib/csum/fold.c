// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Fold, add/sub, block add, incremental update: include/net/checksum.h. */
#include "internal.h"

OFL_API ofl_wsum ofl_csum_add(ofl_wsum a, ofl_wsum b)
{
	uint32_t r = (OFL_FORCE uint32_t)a + (OFL_FORCE uint32_t)b;

	return (OFL_FORCE ofl_wsum)(r + (r < (OFL_FORCE uint32_t)b));
}

OFL_API ofl_wsum ofl_csum_sub(ofl_wsum a, ofl_wsum b)
{
	return ofl_csum_add(a, (OFL_FORCE ofl_wsum)~(OFL_FORCE uint32_t)b);
}

OFL_API ofl_wsum ofl_csum_block_add(ofl_wsum sum, ofl_wsum sum2,
				    size_t offset)
{
	uint32_t s2 = (OFL_FORCE uint32_t)sum2;

	if (offset & 1)
		s2 = (s2 >> 8) | (s2 << 24); /* ror32(sum2, 8) */
	return ofl_csum_add(sum, (OFL_FORCE ofl_wsum)s2);
}

/* Linux csum_block_sub: csum_block_add of ~sum2. */
OFL_API ofl_wsum ofl_csum_block_sub(ofl_wsum sum, ofl_wsum sum2,
				    size_t offset)
{
	return ofl_csum_block_add(sum, ofl__csum_w(~ofl__csum_u(sum2)),
				  offset);
}

OFL_API ofl_sum16 ofl_csum_fold(ofl_wsum sum)
{
	uint32_t s = (OFL_FORCE uint32_t)sum;

	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
	return (OFL_FORCE ofl_sum16)(uint16_t)~s;
}

OFL_API ofl_wsum ofl_csum_unfold(ofl_sum16 check)
{
	return (OFL_FORCE ofl_wsum)(uint32_t)(OFL_FORCE uint16_t)check;
}

/* RFC 1624 eqn. 3 (Linux csum_replace2 via csum16_add/csum16_sub). */
OFL_API ofl_sum16 ofl_csum_update16(ofl_sum16 check, uint16_t old_word,
				    uint16_t new_word)
{
	uint32_t s = (uint16_t)~(OFL_FORCE uint16_t)check;

	s += (uint16_t)~old_word;
	s += new_word;
	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
	return (OFL_FORCE ofl_sum16)(uint16_t)~s;
}

/* Linux csum_replace4: fold(~unfold(check) - from + to). */
OFL_API ofl_sum16 ofl_csum_replace4(ofl_sum16 check, ofl_be32 from,
				    ofl_be32 to)
{
	ofl_wsum t = ofl__csum_w(~ofl__csum_u(ofl_csum_unfold(check)));

	t = ofl_csum_sub(t, ofl__csum_w((OFL_FORCE uint32_t)from));
	t = ofl_csum_add(t, ofl__csum_w((OFL_FORCE uint32_t)to));
	return ofl_csum_fold(t);
}

/* Linux csum_replace_by_diff: fold(diff + ~unfold(check)). */
OFL_API ofl_sum16 ofl_csum_replace_by_diff(ofl_sum16 check, ofl_wsum diff)
{
	return ofl_csum_fold(ofl_csum_add(
		diff, ofl__csum_w(~ofl__csum_u(ofl_csum_unfold(check)))));
}
