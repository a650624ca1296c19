// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Differential fuzzer of the CRC32c variants: the CPU-instruction version
 * (x86-64 SSE4.2, arm64 CRC) and ofl_csum_crc32c as dispatched, against the
 * portable slicing-by-8 reference, at every length and alignment the input
 * picks, chained at a split the input picks; the reference against a
 * bitwise model. Each variant is called directly, so this sanitizer build
 * (where ofl_csum_crc32c has no ifunc) runs them all. Silent; traps on a
 * mismatch.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include "csum/internal.h"
#include "../tests/csum/crc32c_ref.h"
#if defined(__aarch64__)
#include <sys/auxv.h>
#include <asm/hwcap.h>
#endif

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int have_hw(void)
{
#if defined(OFL__CRC32C_HW) && defined(__x86_64__)
	return __builtin_cpu_supports("sse4.2");
#elif defined(OFL__CRC32C_HW)
	return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0;
#else
	return 0;
#endif
}

/*
 * Input: seed (4 bytes), alignment (low 6 bits of byte 4) and repeat count
 * (its top 2 bits: the payload 1, 3, 16 or 64 times, so that short inputs
 * reach the 384- and 1536-byte blocks of the hardware path), split (bytes
 * 5-6), payload. The bytes go to a heap block of exactly alignment +
 * length bytes, so ASan flags any read past the end.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t reps[4] = { 1, 3, 16, 64 };
	uint32_t seed, want, sw;
	size_t al, split, len, n, r, i;
	uint8_t *m, *p;

	if (size < 7)
		return 0;
	memcpy(&seed, data, 4);
	al = data[4] & 63;
	r = reps[data[4] >> 6];
	split = (size_t)data[5] << 8 | data[6];
	data += 7;
	n = size - 7;
	if (n * r > 65536)
		return 0;
	len = n * r;
	split = split % (len + 1);
	m = malloc(al + len ? al + len : 1);
	if (!m)
		return 0;
	p = m + al;
	for (i = 0; i < r; i++)
		memcpy(p + i * n, data, n);

	sw = ofl__csum_crc32c_sw(seed, p, len);
	if (len <= 4096)
		CHECK(sw == crc32c_ref(seed, p, len));
	want = ofl__csum_crc32c_sw(ofl__csum_crc32c_sw(seed, p, split),
				   p + split, len - split);
	CHECK(want == sw);
	CHECK(ofl_csum_crc32c(seed, p, len) == sw);
#if defined(OFL__CRC32C_HW)
	if (have_hw()) {
		CHECK(ofl__csum_crc32c_hw(seed, p, len) == sw);
		CHECK(ofl__csum_crc32c_hw(ofl__csum_crc32c_hw(seed, p, split),
					  p + split, len - split) == sw);
	}
#endif
	free(m);
	return 0;
}
