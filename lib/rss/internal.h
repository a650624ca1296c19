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
 * @i (the Toeplitz "leftmost 32 bits of K" after 8 * @i + @b shifts), from
 * a zero-padded copy @k of the key, readable up to byte @i + 4: no bound to
 * test, which keeps table construction short and keeps the BPF verifier from
 * splitting its state on the key length at every key byte.
 */
OFL_INLINE uint32_t ofl__rss_window_pad(const uint8_t *k, size_t i,
					unsigned int b)
{
	uint64_t w = (uint64_t)k[i] << 32 | (uint32_t)k[i + 1] << 24 |
		     (uint32_t)k[i + 2] << 16 | (uint32_t)k[i + 3] << 8 |
		     k[i + 4];

	return (uint32_t)(w >> (8 - b));
}

/* Bytes of the key the tables use: rows 0..OFL_RSS_INPUT_MAX - 1 read key
 * bytes up to OFL_RSS_INPUT_MAX + 3; the rest of the key never matters. */
#define OFL__RSS_PAD (OFL_RSS_INPUT_MAX + 8)

/* @k = the first OFL__RSS_PAD bytes of the key, zero past its end */
OFL_INLINE void ofl__rss_pad_key(uint8_t *k, const uint8_t *key,
				 size_t key_len)
{
	size_t i;

	for (i = 0; i < OFL__RSS_PAD; i++)
		k[i] = i < key_len ? key[i] : 0;
}

#endif /* OFL_LIB_RSS_INTERNAL_H */
