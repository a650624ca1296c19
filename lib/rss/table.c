// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Table-driven Toeplitz. The hash is linear over XOR in the input bits, so
 * the contribution of input byte i with value v is the XOR of the key
 * windows of its set bits: precomputed once per key, a hash is one lookup
 * and one XOR per input byte (byte tables) or two (nibble tables).
 */
#include "internal.h"

/*
 * Fill the entries of a table of @size (a power of two) whose values have
 * two or more bits set, from the single-bit entries already in place: each
 * v is its lowest set bit plus the rest, both done before v.
 */
OFL_INLINE void ofl__rss_fill_combos(uint32_t *t, unsigned int size)
{
	unsigned int v;

	for (v = 3; v < size; v++)
		if (v & (v - 1))
			t[v] = t[v & (v - 1)] ^ t[v & (~v + 1)];
}

OFL_API int ofl_rss_init(struct ofl_rss *ctx, size_t ctx_size,
			 const uint8_t *key, size_t key_len)
{
	uint8_t k[OFL__RSS_PAD];
	size_t i;
	unsigned int b;

	/* a caller built with another OFL_RSS_INPUT_MAX: another layout */
	if (!ctx || !key || ctx_size != sizeof(*ctx))
		return OFL_EINVAL;
	if (key_len < 4 || key_len > OFL_RSS_KEY_MAX)
		return OFL_ERANGE;
	ofl__rss_pad_key(k, key, key_len);
	for (i = 0; i < OFL_RSS_INPUT_MAX; i++) {
		uint32_t *t = ctx->tab[i];

		t[0] = 0;
		for (b = 0; b < 8; b++)
			t[0x80u >> b] = ofl__rss_window_pad(k, i, b);
		ofl__rss_fill_combos(t, 256);
	}
	ctx->key_len = (uint16_t)key_len;
	ctx->max_len = OFL_RSS_INPUT_MAX;
	ctx->reserved = 0;
	return 0;
}

/*
 * XOR of the contributions of bytes [0, n) in steps of four, two chains so
 * that the loads overlap. With a constant @n (the switch below) compilers
 * unroll it into one byte load and one XOR-from-memory per input byte.
 */
OFL_INLINE uint32_t ofl__rss_hash_n(const struct ofl_rss *ctx,
				    const uint8_t *d, size_t n)
{
	uint32_t h0 = 0, h1 = 0;
	size_t i;

	for (i = 0; i + 4 <= OFL_RSS_INPUT_MAX; i += 4) {
		if (i + 4 > n)
			break;
		h0 ^= ctx->tab[i][d[i]] ^ ctx->tab[i + 2][d[i + 2]];
		h1 ^= ctx->tab[i + 1][d[i + 1]] ^ ctx->tab[i + 3][d[i + 3]];
	}
	/* at most three bytes left */
	if (i < n && i < OFL_RSS_INPUT_MAX)
		h0 ^= ctx->tab[i][d[i]];
	if (i + 1 < n && i + 1 < OFL_RSS_INPUT_MAX)
		h1 ^= ctx->tab[i + 1][d[i + 1]];
	if (i + 2 < n && i + 2 < OFL_RSS_INPUT_MAX)
		h0 ^= ctx->tab[i + 2][d[i + 2]];
	return h0 ^ h1;
}

OFL_API uint32_t ofl_rss_hash(const struct ofl_rss *ctx, const uint8_t *data,
			      size_t len)
{
	/* the lengths of the NDIS hash types, straight-line code */
	switch (len) {
	case 8:
		return ofl__rss_hash_n(ctx, data, 8);
	case 12:
		return ofl__rss_hash_n(ctx, data, 12);
	case 32:
		return ofl__rss_hash_n(ctx, data, 32);
	case 36:
		return ofl__rss_hash_n(ctx, data, 36);
	default:
		return ofl__rss_hash_n(ctx, data, len);
	}
}

OFL_API int ofl_rss_nibble_init(struct ofl_rss_nibble *ctx, size_t ctx_size,
				const uint8_t *key, size_t key_len)
{
	uint8_t k[OFL__RSS_PAD];
	size_t i;
	unsigned int b;

	/* a caller built with another OFL_RSS_INPUT_MAX: another layout */
	if (!ctx || !key || ctx_size != sizeof(*ctx))
		return OFL_EINVAL;
	if (key_len < 4 || key_len > OFL_RSS_KEY_MAX)
		return OFL_ERANGE;
	ofl__rss_pad_key(k, key, key_len);
	for (i = 0; i < OFL_RSS_INPUT_MAX * 2; i++) {
		uint32_t *t = ctx->tab[i];

		t[0] = 0;
		for (b = 0; b < 4; b++)
			t[0x8u >> b] = ofl__rss_window_pad(
				k, i / 2, (unsigned int)(i & 1) * 4 + b);
		ofl__rss_fill_combos(t, 16);
	}
	ctx->key_len = (uint16_t)key_len;
	ctx->max_len = OFL_RSS_INPUT_MAX;
	ctx->reserved = 0;
	return 0;
}

OFL_INLINE uint32_t ofl__rss_nibble_n(const struct ofl_rss_nibble *ctx,
				      const uint8_t *d, size_t n)
{
	uint32_t h0 = 0, h1 = 0, h2 = 0, h3 = 0;
	size_t i;

	for (i = 0; i + 2 <= OFL_RSS_INPUT_MAX; i += 2) {
		if (i + 2 > n)
			break;
		h0 ^= ctx->tab[2 * i][d[i] >> 4];
		h1 ^= ctx->tab[2 * i + 1][d[i] & 15];
		h2 ^= ctx->tab[2 * i + 2][d[i + 1] >> 4];
		h3 ^= ctx->tab[2 * i + 3][d[i + 1] & 15];
	}
	if (i < n && i < OFL_RSS_INPUT_MAX) {
		h0 ^= ctx->tab[2 * i][d[i] >> 4];
		h1 ^= ctx->tab[2 * i + 1][d[i] & 15];
	}
	return h0 ^ h1 ^ h2 ^ h3;
}

OFL_API uint32_t ofl_rss_nibble_hash(const struct ofl_rss_nibble *ctx,
				     const uint8_t *data, size_t len)
{
	switch (len) {
	case 12:
		return ofl__rss_nibble_n(ctx, data, 12);
	case 36:
		return ofl__rss_nibble_n(ctx, data, 36);
	default:
		return ofl__rss_nibble_n(ctx, data, len);
	}
}
