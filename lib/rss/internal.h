/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Private helpers of lib/rss. */
#ifndef OFL_LIB_RSS_INTERNAL_H
#define OFL_LIB_RSS_INTERNAL_H

#include <offload/rss.h>
#include "../common/bytes.h"

/* Key byte @i, zero past the end of the key (or past OFL_RSS_KEY_MAX). */
OFL_INLINE uint32_t ofl__rss_kb(const uint8_t *key, size_t key_len, size_t i)
{
	return i < key_len && i < OFL_RSS_KEY_MAX ? key[i] : 0;
}

/*
 * The 32 key bits that start at bit @b (0 = most significant) of key byte
 * @i: the Toeplitz "leftmost 32 bits of K" after 8 * @i + @b shifts.
 */
OFL_INLINE uint32_t ofl__rss_window(const uint8_t *key, size_t key_len,
				    size_t i, unsigned int b)
{
	uint64_t w = (uint64_t)ofl__rss_kb(key, key_len, i) << 32 |
		     ofl__rss_kb(key, key_len, i + 1) << 24 |
		     ofl__rss_kb(key, key_len, i + 2) << 16 |
		     ofl__rss_kb(key, key_len, i + 3) << 8 |
		     ofl__rss_kb(key, key_len, i + 4);

	return (uint32_t)(w >> (8 - b));
}

#endif /* OFL_LIB_RSS_INTERNAL_H */
