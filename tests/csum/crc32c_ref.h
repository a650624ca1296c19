/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * CRC32c by its definition, one bit at a time: the reflected Castagnoli
 * polynomial 0x82f63b78 (RFC 3720 B.4), no pre- or post-inversion (the
 * caller's, as with Linux crc32c()). The reference the CRC32c unit and
 * cross tests, the checksum view test and the fuzzers hold lib/csum to.
 */
#ifndef OFL_TESTS_CRC32C_REF_H
#define OFL_TESTS_CRC32C_REF_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t crc32c_ref(uint32_t crc, const uint8_t *p, size_t len)
{
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0x82f63b78u & (0u - (crc & 1u)));
	}
	return crc;
}

#endif
