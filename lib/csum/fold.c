// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Fold, add/sub, block add, incremental update: include/net/checksum.h. */
#include <offload/csum.h>
#include "../common/bytes.h"

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
