/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Private helpers of lib/csum: 64-bit accumulators and their folds. */
#ifndef OFL_LIB_CSUM_INTERNAL_H
#define OFL_LIB_CSUM_INTERNAL_H

#include <offload/csum.h>
#include "../common/bytes.h"
#include "../common/proto.h"

/* Native-order unaligned 64-bit load (constant-size memcpy: a plain load). */
OFL_INLINE uint64_t ofl__csum_load64(const void *p)
{
	return ofl_load_ne64(p);
}

/* 64-bit ones'-complement add (end-around carry): congruent mod 0xffff,
 * because 2^64 - 1 is a multiple of 2^16 - 1. Zero only if both are. */
OFL_INLINE uint64_t ofl__csum_add64(uint64_t a, uint64_t b)
{
	a += b;
	return a + (a < b);
}

/* Fold a 64-bit accumulator to a 32-bit partial sum (ofl_wsum). A nonzero
 * accumulator never folds to 0, as in Linux (0 means "all bytes zero"). */
OFL_INLINE uint32_t ofl__csum_fold64(uint64_t s)
{
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

/* Fold a 32-bit partial sum to 16 bits, no complement. */
OFL_INLINE uint16_t ofl__csum_fold16(uint32_t s)
{
	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
	return (uint16_t)s;
}

/* Sum of a short block of known small length (headers, addresses): no
 * dispatch, fully inlined; 4-byte steps then the 2/1-byte tail. */
OFL_INLINE uint64_t ofl__csum_small(const uint8_t *p, size_t len,
				    uint64_t acc)
{
	while (len >= 4) {
		acc += ofl_load_ne32(p);
		p += 4;
		len -= 4;
	}
	if (len >= 2) {
		acc += ofl_load_ne16(p);
		p += 2;
		len -= 2;
	}
	if (len) {
#if OFL_BIG_ENDIAN
		acc += (uint32_t)p[0] << 8;
#else
		acc += p[0];
#endif
	}
	return acc;
}

OFL_INLINE ofl_wsum ofl__csum_w(uint32_t v)
{
	return (OFL_FORCE ofl_wsum)v;
}

OFL_INLINE uint32_t ofl__csum_u(ofl_wsum v)
{
	return (OFL_FORCE uint32_t)v;
}

#endif /* OFL_LIB_CSUM_INTERNAL_H */
