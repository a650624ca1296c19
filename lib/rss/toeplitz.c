// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bitwise reference: Microsoft "RSS Hashing Functions", ComputeHash():
 *   for each bit b of Input from left to right:
 *     if b == 1: Result ^= (left-most 32 bits of K)
 *     shift K left 1 bit position
 */
#include "internal.h"

OFL_API uint32_t ofl_rss_toeplitz(const uint8_t *key, size_t key_len,
			      const uint8_t *data, size_t len)
{
	uint64_t w;	/* key bytes i .. i + 4: the windows of byte i */
	uint32_t h = 0;
	size_t i;
	unsigned int b;

	if (!key || !data)
		return 0;
	w = (uint64_t)ofl__rss_kb(key, key_len, 0) << 32 |
	    ofl__rss_kb(key, key_len, 1) << 24 |
	    ofl__rss_kb(key, key_len, 2) << 16 |
	    ofl__rss_kb(key, key_len, 3) << 8 | ofl__rss_kb(key, key_len, 4);
	/* Input bytes at or past the key's end meet only zero key bits. */
	for (i = 0; i < OFL_RSS_KEY_MAX; i++) {
		if (i >= len || i >= key_len)
			break;
		for (b = 0; b < 8; b++)
			if (data[i] & (0x80u >> b))
				h ^= (uint32_t)(w >> (8 - b));
		w = (w << 8 & 0xffffffffffULL) |
		    ofl__rss_kb(key, key_len, i + 5);
	}
	return h;
}

static const uint8_t ofl__rss_ms_key[OFL_RSS_MS_KEY_LEN] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

OFL_API void ofl_rss_key_microsoft(uint8_t *key)
{
	if (key)
		ofl_copy_bytes(key, ofl__rss_ms_key, OFL_RSS_MS_KEY_LEN,
			       OFL_RSS_MS_KEY_LEN);
}

OFL_API void ofl_rss_key_symmetric(uint8_t *key, size_t len)
{
	size_t i;

	if (!key)
		return;
	for (i = 0; i < OFL_RSS_KEY_MAX; i++) {
		if (i >= len)
			break;
		key[i] = (i & 1) ? 0x5a : 0x6d;
	}
}
