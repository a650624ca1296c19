/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The plain RFC 1071 byte model the csum tests compare against: big-endian
 * 16-bit words, an odd last byte padded with zero, end-around carry. */
#ifndef OFL_TESTS_CSUM_MODEL_H
#define OFL_TESTS_CSUM_MODEL_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>

/* Ones'-complement sum of @len bytes placed at byte offset @off of a
 * stream (odd @off: the first byte is a low-order byte), folded to 16 bits;
 * 0 only when every byte is 0. */
static inline uint32_t model_sum_at(const uint8_t *p, size_t len, size_t off,
				    uint32_t acc)
{
	size_t i;

	for (i = 0; i < len; i++) {
		acc += ((off + i) & 1) ? p[i] : (uint32_t)p[i] << 8;
		if (acc >> 31)
			acc = (acc & 0xffff) + (acc >> 16);
	}
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return acc;
}

static inline uint16_t model_sum(const uint8_t *p, size_t len)
{
	return (uint16_t)model_sum_at(p, len, 0, 0);
}

/* Wire bytes of a value stored with a plain 16-bit store, as big-endian. */
static inline uint16_t wire16(uint16_t v)
{
	uint8_t b[2];

	memcpy(b, &v, 2);
	return (uint16_t)(b[0] << 8 | b[1]);
}

/* A plain 16-bit store of the big-endian value @v. */
static inline uint16_t stored16(uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };
	uint16_t r;

	memcpy(&r, b, 2);
	return r;
}

/* The 32-bit seed @sum (a host-order ofl_wsum) as a big-endian 16-bit
 * ones'-complement value. */
static inline uint16_t model_seed(uint32_t sum)
{
	uint32_t s = (sum & 0xffff) + (sum >> 16);

	s = (s & 0xffff) + (s >> 16);
	return wire16((uint16_t)s);
}

/* The checksum (complemented) as a big-endian value. */
static inline uint16_t model_csum(const uint8_t *p, size_t len)
{
	return (uint16_t)~model_sum(p, len);
}

/* Equal as ones'-complement values (0x0000 and 0xffff are both zero):
 * what subtraction can give (csum_sub(a, a) is ~0, not 0). */
static inline int same16(uint16_t a, uint16_t b)
{
	return a == b || (a == 0 && b == 0xffff) || (a == 0xffff && b == 0);
}

#endif
