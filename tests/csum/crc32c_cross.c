// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * CRC32c on another ISA (run by crc32c_arm64.sh under qemu-user): every
 * variant this build has (dispatched, portable, the CPU instruction)
 * against a bitwise model at lengths 0-400 and up to 4.9 KiB (the block
 * edges of the instruction path), at 8 alignments, plus the RFC 3720 B.4
 * check value. Plain libc, no cmocka (no cmocka for these architectures
 * here). Prints one line; exit 0 only if all are equal.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include "csum/internal.h"
#include "crc32c_ref.h"
#if defined(__aarch64__)
#include <sys/auxv.h>
#include <asm/hwcap.h>
#endif

typedef uint32_t crc_fn(uint32_t, const void *, size_t);

static uint8_t b[5000];

int main(void)
{
	crc_fn *fn[3];
	const char *name[3];
	size_t n = 0, i, al, len;
	uint64_t s = 1;
	long checks = 0, bad = 0;

	fn[n] = ofl_csum_crc32c;
	name[n++] = "dispatched";
#if defined(OFL__CRC32C_VARIANTS)
	fn[n] = ofl__csum_crc32c_sw;
	name[n++] = "portable";
#endif
#if defined(OFL__CRC32C_HW) && defined(__aarch64__)
	if (getauxval(AT_HWCAP) & HWCAP_CRC32) {
		fn[n] = ofl__csum_crc32c_hw;
		name[n++] = "hardware";
	} else {
		printf("SKIP: this CPU has no CRC32 instructions: hardware "
		       "variant not run\n");
	}
#endif
	for (i = 0; i < sizeof(b); i++) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		b[i] = (uint8_t)(s >> 56);
	}
	for (i = 0; i < n; i++) {
		checks++;
		if (~fn[i](~0u, "123456789", 9) != 0xe3069283u) {
			printf("FAIL: %s: RFC 3720 check value\n", name[i]);
			bad++;
		}
	}
	for (al = 0; al < 8; al++)
		for (len = 0; len < 4900; len += len < 400 ? 1 : 37) {
			uint32_t want = crc32c_ref(~0u, b + al, len);

			for (i = 0; i < n; i++) {
				checks++;
				if (fn[i](~0u, b + al, len) != want) {
					printf("FAIL: %s: length %zu alignment "
					       "%zu\n", name[i], len, al);
					bad++;
				}
			}
		}
	printf("crc32c:");
	for (i = 0; i < n; i++)
		printf(" %s", name[i]);
	printf(": %ld checks, %ld failures\n", checks, bad);
	return bad != 0;
}
