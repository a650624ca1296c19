/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Private: the one place where the core touches wire bytes.
 *
 * Loads and stores go byte by byte (compilers fuse them into one load and a
 * byte swap, with no alignment requirement) or through __builtin_memcpy with a
 * constant size, which every compiler here emits as plain loads: no libc call.
 * Callers check bounds before calling; these helpers do not.
 */
#ifndef OFL_LIB_COMMON_BYTES_H
#define OFL_LIB_COMMON_BYTES_H

#include <offload/config.h>
#include <offload/types.h>

OFL_INLINE uint16_t ofl_load_be16(const uint8_t *p)
{
	return (uint16_t)((unsigned int)p[0] << 8 | p[1]);
}

OFL_INLINE uint32_t ofl_load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

OFL_INLINE void ofl_store_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

OFL_INLINE void ofl_store_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/*
 * Targets without unaligned word access (Cortex-M0/M0+, ARMv6-M): there a
 * constant-size __builtin_memcpy from a pointer of unknown alignment
 * becomes a call of memcpy, which firmware does not have. On them the
 * native-order helpers below compose bytes; everywhere else they are one
 * plain load or store, exactly as before.
 */
#ifndef OFL_STRICT_ALIGN
#if defined(__arm__) && !defined(__ARM_FEATURE_UNALIGNED)
#define OFL_STRICT_ALIGN 1
#else
#define OFL_STRICT_ALIGN 0
#endif
#endif

#if OFL_STRICT_ALIGN
OFL_INLINE uint32_t ofl__load_host32(const uint8_t *b)
{
#if OFL_BIG_ENDIAN
	return ofl_load_be32(b);
#else
	return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[1] << 8 | b[0];
#endif
}

OFL_INLINE void ofl__store_host32(uint8_t *b, uint32_t v)
{
#if OFL_BIG_ENDIAN
	ofl_store_be32(b, v);
#else
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
#endif
}
#endif

/*
 * BPF: clang assumes the BPF target has no unaligned access, so a
 * constant-size __builtin_memcpy from a uint8_t pointer becomes one byte
 * load (and shift and or) per byte: 22 instructions for 8 bytes. The
 * verifier accepts unaligned loads and stores of packet and map memory
 * unless alignment is strict (BPF_F_STRICT_ALIGNMENT, or a host without
 * efficient unaligned access), so the 8-byte load and the 4/8-byte copies
 * are plain typed accesses there, one instruction each, as ofl_csum_span's
 * loop is (lib/csum/partial.c); OFL_BPF_STRICT_ALIGN keeps the byte form.
 * The 2- and 4-byte loads and stores stay byte-wise: typed, they may land
 * on a misaligned stack slot (a stripped tag word of a struct on the
 * stack), which the verifier refuses always, and lib/gro's IPv6 extension
 * header walk no longer verified; where the memory is a frame or a map
 * value and the offset is one the verifier bounds, ofl_load_ne32_mem and
 * ofl_load_be16/32_mem are the typed forms. Native builds are not
 * affected.
 */
#if defined(OFL_BPF) && !defined(OFL_BPF_STRICT_ALIGN)
#define OFL__BPF_WORDS 1
typedef uint16_t __attribute__((__may_alias__)) ofl__bpf_u16;
typedef uint32_t __attribute__((__may_alias__)) ofl__bpf_u32;
typedef uint64_t __attribute__((__may_alias__)) ofl__bpf_u64;
#else
#define OFL__BPF_WORDS 0
#endif

/*
 * OFL__BPF_BOUNDED(x, max): @x, where a test before keeps it <= @max, with
 * that bound on the very register the verifier then sees used (in BPF;
 * natively plain @x, the same code). clang tests a sum (x + 40 > 192
 * becomes a compare of x - 153) or a zero-extended copy of @x, and the
 * verifiers of 6.1 and 6.12 carry no bound from it back to @x ("max
 * value is outside of the allowed memory range", or a loop on @x walked
 * past its memory); 6.18's do. The empty asm keeps clang from folding
 * this test into the one before; the clamp never changes the value.
 */
#if defined(OFL_BPF)
OFL_INLINE uint64_t ofl__bpf_bounded(uint64_t v, uint64_t max)
{
	__asm__ volatile("" : "+r"(v));
	return v <= max ? v : max;
}
#define OFL__BPF_BOUNDED(x, max) ofl__bpf_bounded((x), (max))
/*
 * OFL__BPF_OPAQUE(x): in BPF, @x as clang must take it, unknown, from here
 * on (natively nothing). In a loop on a count it keeps the count itself the
 * loop's variable: clang otherwise counts a negated copy up to 0, and the
 * verifiers of 6.1 and 6.12 know nothing of a negated value, so the loop
 * had no end for them.
 */
#define OFL__BPF_OPAQUE(x) __asm__ volatile("" : "+r"(x))
#else
#define OFL__BPF_BOUNDED(x, max) (x)
#define OFL__BPF_OPAQUE(x) ((void)0)
#endif

/* Native-order loads/stores of unaligned memory (for sums, where the
 * __wsum convention wants host order). */
OFL_INLINE uint16_t ofl_load_ne16(const void *p)
{
#if OFL_STRICT_ALIGN
	const uint8_t *b = (const uint8_t *)p;

	return OFL_BIG_ENDIAN ? (uint16_t)(b[0] << 8 | b[1]) :
				(uint16_t)(b[1] << 8 | b[0]);
#else
	uint16_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
#endif
}

OFL_INLINE uint32_t ofl_load_ne32(const void *p)
{
#if OFL_STRICT_ALIGN
	return ofl__load_host32((const uint8_t *)p);
#else
	uint32_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
#endif
}

/* ofl_load_ne32 of packet or map memory, never of the stack: in BPF one
 * typed load (the stack is what the verifier wants aligned always). */
OFL_INLINE uint32_t ofl_load_ne32_mem(const void *p)
{
#if OFL__BPF_WORDS
	return *(const ofl__bpf_u32 *)p;
#else
	return ofl_load_ne32(p);
#endif
}

/* ofl_load_be16/32 of packet or map memory, never of the stack: in BPF
 * one typed load and a byte swap (BPF_END), where the byte form is two or
 * four loads with their shifts and ors (clang assumes no unaligned access
 * on the BPF target). */
OFL_INLINE uint16_t ofl_load_be16_mem(const uint8_t *p)
{
#if OFL__BPF_WORDS && !OFL_BIG_ENDIAN
	return __builtin_bswap16(*(const ofl__bpf_u16 *)(const void *)p);
#else
	return ofl_load_be16(p);
#endif
}

OFL_INLINE uint32_t ofl_load_be32_mem(const uint8_t *p)
{
#if OFL__BPF_WORDS && !OFL_BIG_ENDIAN
	return __builtin_bswap32(*(const ofl__bpf_u32 *)(const void *)p);
#else
	return ofl_load_be32(p);
#endif
}

OFL_INLINE uint64_t ofl_load_ne64(const void *p)
{
#if OFL__BPF_WORDS
	return *(const ofl__bpf_u64 *)p;
#elif OFL_STRICT_ALIGN
	const uint8_t *b = (const uint8_t *)p;
	uint64_t lo = ofl__load_host32(b), hi = ofl__load_host32(b + 4);

	return OFL_BIG_ENDIAN ? lo << 32 | hi : hi << 32 | lo;
#else
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
#endif
}

OFL_INLINE void ofl_store_ne16(void *p, uint16_t v)
{
#if OFL_STRICT_ALIGN
	uint8_t *b = (uint8_t *)p;

	b[OFL_BIG_ENDIAN ? 0 : 1] = (uint8_t)(v >> 8);
	b[OFL_BIG_ENDIAN ? 1 : 0] = (uint8_t)v;
#else
	__builtin_memcpy(p, &v, sizeof(v));
#endif
}

OFL_INLINE void ofl_store_ne32(void *p, uint32_t v)
{
#if OFL_STRICT_ALIGN
	ofl__store_host32((uint8_t *)p, v);
#else
	__builtin_memcpy(p, &v, sizeof(v));
#endif
}

/* Copy exactly 4 or 8 bytes between unaligned places. */
OFL_INLINE void ofl_copy4(void *dst, const void *src)
{
#if OFL__BPF_WORDS
	*(ofl__bpf_u32 *)dst = *(const ofl__bpf_u32 *)src;
#elif OFL_STRICT_ALIGN
	uint8_t *d = (uint8_t *)dst;
	const uint8_t *s = (const uint8_t *)src;

	d[0] = s[0];
	d[1] = s[1];
	d[2] = s[2];
	d[3] = s[3];
#else
	__builtin_memcpy(dst, src, 4);
#endif
}

OFL_INLINE void ofl_copy8(void *dst, const void *src)
{
#if OFL__BPF_WORDS
	*(ofl__bpf_u64 *)dst = *(const ofl__bpf_u64 *)src;
#elif OFL_STRICT_ALIGN
	ofl_copy4(dst, src);
	ofl_copy4((uint8_t *)dst + 4, (const uint8_t *)src + 4);
#else
	__builtin_memcpy(dst, src, 8);
#endif
}

/* Host <-> network order for 16/32-bit values. */
OFL_INLINE uint16_t ofl_bswap16(uint16_t v)
{
	return (uint16_t)((v >> 8) | (v << 8));
}

OFL_INLINE uint32_t ofl_bswap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) |
	       (v << 24);
}

#if OFL_BIG_ENDIAN
#define ofl_htons(x) ((uint16_t)(x))
#define ofl_htonl(x) ((uint32_t)(x))
#else
#define ofl_htons(x) ofl_bswap16((uint16_t)(x))
#define ofl_htonl(x) ofl_bswap32((uint32_t)(x))
#endif
#define ofl_ntohs(x) ofl_htons(x)
#define ofl_ntohl(x) ofl_htonl(x)

/*
 * Hide a value from the optimiser without costing an instruction: the empty
 * asm emits nothing (in BPF bytecode too), but the compiler can no longer
 * compute a loop's trip count through it.
 */
#if defined(__GNUC__)
#define OFL_OPAQUE(v) __asm__("" : "+r"(v))
#else
#define OFL_OPAQUE(v) ((void)0)
#endif

/*
 * Byte copy and fill with a caller-known upper bound @max on @n (a
 * compile-time constant at every call site, so BPF sees a bounded loop).
 * The index is opaque to the loop-idiom passes: otherwise clang turns a
 * copy of variable length into a memcpy call in every build, which BPF
 * rejects ("A call to built-in function 'memcpy' is not supported") and
 * freestanding firmware cannot link; gcc is also held off by the core's
 * -fno-tree-loop-distribute-patterns.
 */
OFL_INLINE void ofl_copy_bytes(uint8_t *dst, const uint8_t *src, size_t n,
			       size_t max)
{
	size_t i;

	for (i = 0; i < max; i++) {
		if (i >= n)
			break;
		dst[i] = src[i];
		OFL_OPAQUE(i);
	}
}

OFL_INLINE void ofl_zero_bytes(void *dst, size_t n, size_t max)
{
	uint8_t *d = (uint8_t *)dst;
	size_t i;

	for (i = 0; i < max; i++) {
		if (i >= n)
			break;
		d[i] = 0;
		OFL_OPAQUE(i);
	}
}

#endif /* OFL_LIB_COMMON_BYTES_H */
