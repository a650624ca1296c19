// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * CRC-32C (Castagnoli) for SCTP, with Linux crc32c() semantics (the caller
 * seeds ~0 and inverts at the end), and the SCTP checksum field (RFC 9260
 * section 6.8 and appendix B; Linux sctp_compute_cksum).
 *
 * The portable function (the reference) is slicing-by-8: eight bytes per
 * step through eight 256-entry const tables of the reflected polynomial
 * 0x82f63b78 (lib/csum/crc32c_tables.h; tests/csum/test_crc32c.c
 * recomputes every entry bitwise). OFL_CSUM_CRC32C_SMALL keeps only the
 * first table (1 KiB instead of 8 KiB) and goes one byte per step.
 *
 * Userspace x86-64 and arm64 builds also have a hardware version (the
 * CPU's CRC32C instruction: SSE4.2 crc32q, ARMv8 crc32cx), three
 * interleaved chains per block joined with const shift tables, as Linux's
 * crc32c-intel interleaves three; ofl_csum_crc32c picks it at load time
 * through an ELF ifunc like ofl_csum_partial. The one per-ISA kernel in
 * lib/ (docs/CSUM.md says why); fuzz/fuzz_crc32c.c holds it equal to the
 * portable one.
 */
#include "internal.h"
#include "crc32c_tables.h"

/* One byte per step through the first table. */
OFL_INLINE uint32_t ofl__crc32c_bytes(uint32_t crc, const uint8_t *p,
				      size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		crc = ofl__crc32c_t8[0][(crc ^ p[i]) & 0xffu] ^ (crc >> 8);
	return crc;
}

/* Little-endian 32-bit load: the byte order the reflected CRC consumes. */
OFL_INLINE uint32_t ofl__crc32c_ld32(const uint8_t *p)
{
	uint32_t v = ofl_load_ne32(p);

#if OFL_BIG_ENDIAN
	v = ofl_bswap32(v);
#endif
	return v;
}

/* The portable reference: slicing-by-8, then the tail byte by byte. */
OFL_INLINE uint32_t ofl__crc32c_sw_body(uint32_t crc, const void *buf,
					size_t len)
{
	const uint8_t *p = (const uint8_t *)buf;
#if !defined(OFL_CSUM_CRC32C_SMALL)
	const uint32_t(*t)[256] = ofl__crc32c_t8;

	while (len >= 8) {
		uint32_t lo = crc ^ ofl__crc32c_ld32(p);
		uint32_t hi = ofl__crc32c_ld32(p + 4);

		crc = t[7][lo & 0xffu] ^ t[6][(lo >> 8) & 0xffu] ^
		      t[5][(lo >> 16) & 0xffu] ^ t[4][lo >> 24] ^
		      t[3][hi & 0xffu] ^ t[2][(hi >> 8) & 0xffu] ^
		      t[1][(hi >> 16) & 0xffu] ^ t[0][hi >> 24];
		p += 8;
		len -= 8;
	}
#endif
	return ofl__crc32c_bytes(crc, p, len);
}

#if defined(OFL__CRC32C_HW)
/* The instruction, through inline asm: no <immintrin.h>/<arm_acle.h> (the
 * core includes only freestanding headers), and gcc and clang agree on
 * the asm where their builtins differ. Only reached after the CPU check. */
#if defined(__x86_64__)
OFL_INLINE uint64_t ofl__crc32c_insn64(uint64_t c, uint64_t v)
{
	__asm__("crc32q %1, %0" : "+r"(c) : "rm"(v));
	return c;
}

OFL_INLINE uint32_t ofl__crc32c_insn8(uint32_t c, uint8_t v)
{
	__asm__("crc32b %1, %0" : "+r"(c) : "rm"(v));
	return c;
}
#else
OFL_INLINE uint64_t ofl__crc32c_insn64(uint64_t c, uint64_t v)
{
	uint32_t r = (uint32_t)c;

	__asm__(".arch_extension crc\n\tcrc32cx %w0, %w0, %x1"
		: "+r"(r) : "r"(v));
	return r;
}

OFL_INLINE uint32_t ofl__crc32c_insn8(uint32_t c, uint8_t v)
{
	__asm__(".arch_extension crc\n\tcrc32cb %w0, %w0, %w1"
		: "+r"(c) : "r"((uint32_t)v));
	return c;
}
#endif

/* Little-endian 64-bit load (the instruction takes the low byte first). */
OFL_INLINE uint64_t ofl__crc32c_ld64(const uint8_t *p)
{
	uint64_t v = ofl_load_ne64(p);

#if OFL_BIG_ENDIAN
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* crc(v, N zero bytes) for the N of table @t (linear in v). */
OFL_INLINE uint32_t ofl__crc32c_shift(const uint32_t (*t)[256], uint32_t v)
{
	return t[0][v & 0xffu] ^ t[1][(v >> 8) & 0xffu] ^
	       t[2][(v >> 16) & 0xffu] ^ t[3][v >> 24];
}

/*
 * Three blocks A, B, C of @k bytes as three independent chains (the
 * instruction's latency is 3 cycles, its throughput 1 per cycle), joined
 * by linearity: crc(s, ABC) = shift(shift(crc(s, A)) ^ crc(0, B)) ^
 * crc(0, C), shift being "k zero bytes" (@t).
 */
OFL_INLINE uint32_t ofl__crc32c_hw3(uint32_t crc, const uint8_t *p, size_t k,
				    const uint32_t (*t)[256])
{
	uint64_t a = crc, b = 0, c = 0;
	size_t i;

	for (i = 0; i < k; i += 8) {
		a = ofl__crc32c_insn64(a, ofl__crc32c_ld64(p + i));
		b = ofl__crc32c_insn64(b, ofl__crc32c_ld64(p + k + i));
		c = ofl__crc32c_insn64(c, ofl__crc32c_ld64(p + 2 * k + i));
	}
	return ofl__crc32c_shift(t, ofl__crc32c_shift(t, (uint32_t)a) ^
					    (uint32_t)b) ^
	       (uint32_t)c;
}

uint32_t ofl__csum_crc32c_hw(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t c;

	while (len >= 3 * 512) {
		crc = ofl__crc32c_hw3(crc, p, 512, ofl__crc32c_shift512);
		p += 3 * 512;
		len -= 3 * 512;
	}
	while (len >= 3 * 128) {
		crc = ofl__crc32c_hw3(crc, p, 128, ofl__crc32c_shift128);
		p += 3 * 128;
		len -= 3 * 128;
	}
	c = crc;
	while (len >= 8) {
		c = ofl__crc32c_insn64(c, ofl__crc32c_ld64(p));
		p += 8;
		len -= 8;
	}
	crc = (uint32_t)c;
	while (len) {
		crc = ofl__crc32c_insn8(crc, *p++);
		len--;
	}
	return crc;
}
#endif /* OFL__CRC32C_HW */

#if defined(OFL__CRC32C_VARIANTS)
uint32_t ofl__csum_crc32c_sw(uint32_t crc, const void *buf, size_t len)
{
	return ofl__crc32c_sw_body(crc, buf, len);
}
#endif

#if defined(OFL__CRC32C_IFUNC)
typedef uint32_t ofl__crc32c_fn(uint32_t, const void *, size_t);

#if defined(__x86_64__)
/* Runs once, when the loader resolves the ifunc: SSE4.2 (CPUID.1:ECX.20)
 * has crc32. */
__attribute__((used)) static ofl__crc32c_fn *ofl__csum_crc32c_resolve(void)
{
	uint32_t a, b, c, d;

	__asm__ volatile("cpuid"
			 : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			 : "a"(1u), "c"(0u));
	(void)a;
	(void)b;
	(void)d;
	return (c & (1u << 20)) ? ofl__csum_crc32c_hw : ofl__csum_crc32c_sw;
}
#else
/* glibc passes AT_HWCAP to arm64 resolvers; HWCAP_CRC32 is bit 7. */
__attribute__((used)) static ofl__crc32c_fn *
ofl__csum_crc32c_resolve(uint64_t hwcap)
{
	return (hwcap & (1u << 7)) ? ofl__csum_crc32c_hw : ofl__csum_crc32c_sw;
}
#endif

OFL_API uint32_t ofl_csum_crc32c(uint32_t crc, const void *buf, size_t len)
	__attribute__((ifunc("ofl__csum_crc32c_resolve")));
#else
OFL_API uint32_t ofl_csum_crc32c(uint32_t crc, const void *buf, size_t len)
{
	return ofl__crc32c_sw_body(crc, buf, len);
}
#endif

/* Native value whose in-memory bytes are the little-endian CRC (__le32). */
OFL_INLINE uint32_t ofl__crc32c_le(uint32_t v)
{
#if OFL_BIG_ENDIAN
	return ofl_bswap32(v);
#else
	return v;
#endif
}

OFL_API uint32_t ofl_csum_sctp(const void *begin, const void *end)
{
	static const uint8_t zero[4] = { 0, 0, 0, 0 };
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;
	uint32_t crc;

	if (e < b || (size_t)(e - b) < 12)
		return 0;
	crc = ofl_csum_crc32c(0xffffffffu, b, 8);
	crc = ofl_csum_crc32c(crc, zero, 4);
	crc = ofl_csum_crc32c(crc, b + 12, (size_t)(e - b) - 12);
	return ofl__crc32c_le(~crc);
}

OFL_API int ofl_csum_sctp_set(void *begin, const void *end)
{
	uint8_t *b = (uint8_t *)begin;
	const uint8_t *e = (const uint8_t *)end;

	if (e < b || (size_t)(e - b) < 12)
		return OFL_ENODATA;
	ofl_store_ne32(b + 8, ofl_csum_sctp(b, e));
	return 0;
}

OFL_API int ofl_csum_sctp_verify(const void *begin, const void *end)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;

	if (e < b || (size_t)(e - b) < 12)
		return OFL_ENODATA;
	return ofl_load_ne32(b + 8) == ofl_csum_sctp(b, e) ? 0 : OFL_ECSUM;
}
