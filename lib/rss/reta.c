// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Hash to queue (RETA) or CPU (RPS), and the predictable-RSS field finder. */
#include "internal.h"

OFL_API int ofl_rss_reta_init(struct ofl_rss_reta *reta, unsigned int size,
			      unsigned int nqueues)
{
	unsigned int i;

	if (!reta || nqueues == 0 || nqueues > 65535)
		return OFL_EINVAL;
	if (size < OFL_RSS_RETA_MIN || size > OFL_RSS_RETA_MAX ||
	    (size & (size - 1)))
		return OFL_ERANGE;
	reta->size = (uint16_t)size;
	reta->reserved = 0;
	/* ethtool_rxfh_indir_default(): index % n_rx_rings. Entries past
	 * @size continue the pattern (unused): no test of @size per entry,
	 * which would split the BPF verifier's state at every entry. */
	for (i = 0; i < OFL_RSS_RETA_MAX; i++)
		reta->queue[i] = (uint16_t)(i % nqueues);
	return 0;
}

OFL_API uint16_t ofl_rss_reta_queue(const struct ofl_rss_reta *reta,
				    uint32_t hash)
{
	uint32_t mask = (uint32_t)reta->size - 1;

	return reta->queue[hash & mask & (OFL_RSS_RETA_MAX - 1)];
}

OFL_API uint32_t ofl_rss_rps_index(uint32_t hash, uint32_t n)
{
	/* reciprocal_scale(): (u32)(((u64)val * ep_ro) >> 32) */
	return (uint32_t)(((uint64_t)hash * n) >> 32);
}

OFL_API int ofl_rss_find_field(const struct ofl_rss *ctx, uint8_t *tuple,
			       size_t len, size_t off, uint16_t lo,
			       uint16_t hi, const struct ofl_rss_reta *reta,
			       uint16_t queue, uint16_t *found)
{
	uint32_t base;
	uint32_t v;

	if (!ctx || !tuple || !reta || len > ctx->max_len ||
	    len > OFL_RSS_INPUT_MAX || off >= len || len - off < 2 || lo > hi)
		return OFL_EINVAL;
	/* hash(tuple with field = v) = hash(field = 0) ^ T[off][v>>8] ^
	 * T[off+1][v&255]: Toeplitz is linear over XOR. */
	base = ofl_rss_hash(ctx, tuple, len) ^ ctx->tab[off][tuple[off]] ^
	       ctx->tab[off + 1][tuple[off + 1]];
	for (v = lo; v <= 0xffffu; v++) {
		uint32_t h;

		if (v > hi)
			break;
		h = base ^ ctx->tab[off][v >> 8] ^ ctx->tab[off + 1][v & 255];
		if (ofl_rss_reta_queue(reta, h) == queue) {
			ofl_store_be16(tuple + off, (uint16_t)v);
			if (found)
				*found = (uint16_t)v;
			return 0;
		}
	}
	return OFL_ENOENT;
}
