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

/*
 * The sum of the 32-bit halves of n 64-bit words, from @all, the words'
 * sum mod 2^64, and @hi, their high halves' sum: the low halves sum to
 * all - hi * 2^32 exactly, because that sum (below n * 2^32) is known
 * from its value mod 2^64 for n < 2^32. So a loop adds each whole word
 * beside its high half, with no mask per word: three operations per
 * vector (add, shift, add) where the mask took four. Exact for n < 2^31
 * (the result then stays below 2^64); the callers' runs are far shorter.
 * (BPF's ofl_csum_span sums 32-bit words instead: partial.c.)
 */
OFL_INLINE uint64_t ofl__csum_halves(uint64_t all, uint64_t hi)
{
	return (all - (hi << 32)) + hi;
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
		OFL__BPF_OPAQUE(len);
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

/*
 * Sanitizer builds (ASan/MSan): no ifunc, because a resolver runs before
 * the sanitizer runtime is up (partial.c defines the same, identically).
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define OFL__CSUM_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define OFL__CSUM_SANITIZED 1
#endif

/*
 * The loops of ofl_csum_partial (partial.c) by name, for the unit tests
 * and fuzz/fuzz_csum.c, sanitizer builds included: the vector loop (what
 * the AVX2/AVX-512 clones and arm64 run), the 64-bit carry loop (s390x,
 * kernel; the vector loop where there is none) and, on x86-64 userspace
 * (OFL__CSUM_SSE2), the SSE2 hybrid loop (the x86-64 baseline: the
 * ifunc's choice without AVX2 and -DOFL_NO_MULTIVERSION builds).
 * Userspace builds only; not exported from libofl.so.
 */
#if !defined(OFL_BPF) && !defined(__KERNEL__) && !defined(OFL_FIRMWARE)
#define OFL__CSUM_VARIANTS 1
OFL_BEGIN_DECLS
ofl_wsum ofl__csum_partial_vec(const void *buf, size_t len, ofl_wsum sum);
ofl_wsum ofl__csum_partial_carry(const void *buf, size_t len, ofl_wsum sum);
OFL_END_DECLS
#endif

/*
 * x86-64 userspace, gcc or clang: SSE2 is in the ABI's baseline, so the
 * baseline loop may use 16-byte generic vectors (no intrinsics, no target
 * attribute). Kernel builds (-mno-sse: no __SSE2__), BPF and firmware
 * never define it, with or without OFL_NO_MULTIVERSION.
 */
#if defined(__x86_64__) && defined(__SSE2__) && defined(__GNUC__) &&      \
	defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8 &&         \
	defined(OFL__CSUM_VARIANTS)
#define OFL__CSUM_SSE2 1
OFL_BEGIN_DECLS
ofl_wsum ofl__csum_partial_sse2(const void *buf, size_t len, ofl_wsum sum);
OFL_END_DECLS
#endif

/*
 * x86-64 userspace (ELF, gcc or clang): the AVX2 and AVX-512 versions of
 * the vector loop and of the copy loop (partial.c), compiled in every such
 * build, sanitizer builds included, where only the ifunc over them is left
 * out. Call one only where the CPU (and the OS, XCR0) has the extension:
 * __builtin_cpu_supports("avx2"), ("avx512bw") and ("avx512f").
 * OFL_NO_MULTIVERSION builds (the SSE2 baseline alone) have none of them.
 */
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) &&       \
	!defined(OFL_BPF) && !defined(__KERNEL__) &&                      \
	!defined(OFL_FIRMWARE) && !defined(OFL_NO_MULTIVERSION)
#define OFL__CSUM_X86 1
OFL_BEGIN_DECLS
ofl_wsum ofl__csum_partial_avx2(const void *buf, size_t len, ofl_wsum sum);
ofl_wsum ofl__csum_copy_avx2(const void *src, void *dst, size_t len,
			     ofl_wsum sum);
#if !defined(OFL_CSUM_NO_AVX512)
#define OFL__CSUM_AVX512 1
ofl_wsum ofl__csum_partial_avx512(const void *buf, size_t len, ofl_wsum sum);
ofl_wsum ofl__csum_copy_avx512(const void *src, void *dst, size_t len,
			       ofl_wsum sum);
#endif
OFL_END_DECLS
#endif

/*
 * CRC32c variants (lib/csum/crc32c.c). Userspace builds name the portable
 * and (x86-64, arm64) the hardware version as hidden functions, so the unit
 * tests and fuzz/fuzz_crc32c.c can run each one directly, sanitizer builds
 * included (ofl_csum_crc32c is the portable one there). Call the hardware
 * one only where the CPU has the instruction (x86-64: SSE4.2; arm64:
 * HWCAP_CRC32). Not exported from libofl.so; BPF, kernel and firmware
 * builds have neither name.
 */
#if !defined(OFL_BPF) && !defined(__KERNEL__) && !defined(OFL_FIRMWARE)
#define OFL__CRC32C_VARIANTS 1
OFL_BEGIN_DECLS
uint32_t ofl__csum_crc32c_sw(uint32_t crc, const void *buf, size_t len);
#if (defined(__x86_64__) || defined(__aarch64__)) && defined(__GNUC__)
#define OFL__CRC32C_HW 1
uint32_t ofl__csum_crc32c_hw(uint32_t crc, const void *buf, size_t len);
#if defined(__ELF__) && !defined(OFL_NO_MULTIVERSION) &&                  \
	!defined(OFL__CSUM_SANITIZED)
#define OFL__CRC32C_IFUNC 1
#endif
#endif
OFL_END_DECLS
#endif

#endif /* OFL_LIB_CSUM_INTERNAL_H */
