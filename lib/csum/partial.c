// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Partial sums (Linux lib/checksum.c do_csum, arch csum_partial). Placeholder
 * portable form: 32-bit words into a 64-bit accumulator; the sum is taken in
 * host order, so any byte order gives the same folded result.
 */
#include <offload/csum.h>
#include "../common/bytes.h"

OFL_INLINE uint32_t ofl__fold64(uint64_t s)
{
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffffffu) + (s >> 32);
	return (uint32_t)s;
}

OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t acc = (OFL_FORCE uint32_t)sum;

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
	return (OFL_FORCE ofl_wsum)ofl__fold64(acc);
}

OFL_API ofl_wsum ofl_csum_span(const void *begin, const void *end,
			       ofl_wsum sum)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;

#if defined(OFL_BPF)
	/* Every read checked against @end where the verifier sees it. */
	uint64_t acc = (OFL_FORCE uint32_t)sum;
	unsigned int i;

	for (i = 0; i < OFL_CSUM_BPF_MAX_SPAN / 4; i++) {
		if (b + 4 > e)
			break;
		acc += ofl_load_ne32(b);
		b += 4;
	}
	if (b + 2 <= e) {
		acc += ofl_load_ne16(b);
		b += 2;
	}
	if (b + 1 <= e) {
#if OFL_BIG_ENDIAN
		acc += (uint32_t)b[0] << 8;
#else
		acc += b[0];
#endif
	}
	return (OFL_FORCE ofl_wsum)ofl__fold64(acc);
#else
	if (e <= b)
		return sum;
	return ofl_csum_partial(b, (size_t)(e - b), sum);
#endif
}
