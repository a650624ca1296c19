// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Partial sums (Linux lib/checksum.c do_csum, arch csum_partial).
 *
 * Three loops. The split-halves loop, which compilers vectorise: the sum of
 * the 32-bit halves of 64-bit native words, kept as two 64-bit accumulators
 * (the whole words mod 2^64 and the high halves, from which the low halves'
 * sum follows: ofl__csum_halves; two independent chains; a vectoriser turns
 * each into a vector of lanes: gcc -O3 and clang -O2 do, gcc 12 -O2 does
 * not, and keeps two scalar chains). A "several lanes in arrays" form was
 * measured too: better with gcc -O2, several times worse with gcc -O3 and
 * clang (docs/CSUM.md). Summing native 32-bit words is congruent mod 0xffff
 * to summing native 16-bit words, so the folded result is the same on either
 * byte order and for any alignment. Runs are capped so that no accumulator
 * can overflow: there is no length at which carries are lost (DPDK's 32-bit
 * accumulator loses them past ~128 KiB of 0xff).
 *
 * Scalar 64-bit targets other than arm64 (s390x, kernel modules, which build
 * without SSE, and x86-64 userspace built without SSE2) use a second loop
 * instead, the carry loop: whole 64-bit words added with
 * __builtin_add_overflow into four independent accumulators, each with its
 * own carry count, 64 bytes per step (the add-with-carry chains of the
 * kernel's x86-64 csum_partial, arch/x86/lib/csum-partial_64.c, written so
 * that gcc and clang emit add/adc pairs). Summing mod 2^64 - 1 is congruent
 * mod 2^32 - 1 to summing 32-bit words, so both loops fold to the same
 * 32-bit value (docs/CSUM.md). 32-bit targets (Cortex-M) and BPF keep the
 * split halves: there a 64-bit add is already an add/adc pair.
 *
 * The x86-64 baseline (the ifunc's choice without AVX2, and
 * -DOFL_NO_MULTIVERSION builds) runs the third, a hybrid of the two: SSE2 is
 * in that ABI's baseline, so of each 64-byte block 16 bytes go to two
 * add/adc chains on the integer ALUs and 48 to three pairs of 16-byte
 * split-halves lanes (generic vectors, no intrinsics) on the vector units,
 * which the carry loop left idle: it was bound by the integer ALUs (a setc
 * or adc beside each add), the vector lanes alone by the vector ALUs and the
 * front end. AMD EPYC (Zen 4), bench_csum, 1500 / 9000 / 65535 B: the carry
 * loop 1.12-1.18x / 1.23-1.27x / 1.20-1.22x DPDK rte_raw_cksum, the hybrid
 * 1.74-1.78x / 2.11-2.15x / 2.15-2.21x (docs/CSUM.md, docs/PERFORMANCE.md).
 *
 * Userspace x86-64 builds compile the vector loop twice (AVX2, AVX-512) beside
 * the hybrid loop (baseline) and pick one at load time through an ELF ifunc
 * whose resolver reads CPUID itself: gcc's target_clones would call libgcc's
 * __cpu_indicator_init and read __cpu_model, leaving undefined symbols in
 * libofl.a. BPF, kernel and firmware builds never see this.
 */
#include "internal.h"

/* Bytes per run of the vectorised loop: 2^27 words of < 2^64 each; both
 * half sums stay below 2^59. */
#define OFL__CSUM_RUN ((size_t)1 << 30)

/*
 * The split halves of @nwords words (a multiple of 8: whole 64-byte
 * blocks, so that a vectoriser needs no epilogue for 2, 4 or 8 lanes):
 * each whole word into @all beside its high half into @hi, then
 * ofl__csum_halves (internal.h).
 */
OFL_INLINE uint64_t ofl__csum_run(const uint8_t *p, size_t nwords)
{
	uint64_t all = 0, hi = 0;
	size_t i;

	for (i = 0; i < nwords; i++) {
		uint64_t w = ofl__csum_load64(p + 8 * i);

		all += w;
		hi += w >> 32;
	}
	return ofl__csum_halves(all, hi);
}

/* Up to this many bytes take the scalar path (measured: docs/CSUM.md). */
#define OFL__CSUM_SHORT 128

/* Two scalar chains of 64-bit words, then ofl__csum_small: buffers up to
 * OFL__CSUM_SHORT bytes, and the last 0..63 bytes of longer ones. */
OFL_INLINE uint64_t ofl__csum_short(const uint8_t *p, size_t len)
{
	uint64_t a = 0, b = 0;

	while (len >= 16) {
		uint64_t w0 = ofl__csum_load64(p);
		uint64_t w1 = ofl__csum_load64(p + 8);

		a += (w0 & 0xffffffffu) + (w0 >> 32);
		b += (w1 & 0xffffffffu) + (w1 >> 32);
		p += 16;
		len -= 16;
	}
	return ofl__csum_small(p, len, a + b);
}

/*
 * The carry loop: four accumulators of 64-bit words with a carry count each
 * (a count grows by at most 1 per 8 bytes: no length overflows it). The
 * end-around adds at the end give the sum mod 2^64 - 1, nonzero unless
 * every byte and @sum are zero.
 */
#if defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8 &&              \
	!defined(OFL_BPF) && !defined(__aarch64__)
#define OFL__CSUM_CARRY 1
#endif

#if defined(OFL__CSUM_CARRY)
/*
 * A cache hint this many bytes ahead of the carry loop: from L2 (64 KiB
 * against a 48 KiB L1d here) the loop waited on its loads, and the
 * hardware prefetcher alone did not keep up: 65535 bytes 1421-1461 ->
 * 1178-1201 ns, 1500 and 9000 unchanged (docs/PERFORMANCE.md). The
 * address is an integer sum, not pointer arithmetic, since it may lie
 * past the buffer: a prefetch neither reads for the program nor faults.
 * Not in the vector loop, where it stopped gcc vectorising (docs/CSUM.md).
 */
#ifndef OFL__CSUM_AHEAD
#define OFL__CSUM_AHEAD 1024u
#endif
#define OFL__CSUM_PREFETCH(p)                                                  \
	__builtin_prefetch((const void *)((uintptr_t)(p) + OFL__CSUM_AHEAD), 0, 3)

/* Add @w to *@s, return the carry out (0 or 1). */
OFL_INLINE uint64_t ofl__csum_addc(uint64_t *s, uint64_t w)
{
	return (uint64_t)__builtin_add_overflow(*s, w, s);
}

OFL_INLINE ofl_wsum ofl__csum_carry_body(const void *buf, size_t len,
					 ofl_wsum sum)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t s0 = ofl__csum_u(sum), s1 = 0, s2 = 0, s3 = 0;
	uint64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
	size_t n;

	for (n = len / 64; n; n--) {
		OFL__CSUM_PREFETCH(p);
		c0 += ofl__csum_addc(&s0, ofl__csum_load64(p));
		c1 += ofl__csum_addc(&s1, ofl__csum_load64(p + 8));
		c2 += ofl__csum_addc(&s2, ofl__csum_load64(p + 16));
		c3 += ofl__csum_addc(&s3, ofl__csum_load64(p + 24));
		c0 += ofl__csum_addc(&s0, ofl__csum_load64(p + 32));
		c1 += ofl__csum_addc(&s1, ofl__csum_load64(p + 40));
		c2 += ofl__csum_addc(&s2, ofl__csum_load64(p + 48));
		c3 += ofl__csum_addc(&s3, ofl__csum_load64(p + 56));
		p += 64;
	}
	for (n = (len % 64) / 8; n; n--) {
		c0 += ofl__csum_addc(&s0, ofl__csum_load64(p));
		p += 8;
	}
	s0 = ofl__csum_add64(ofl__csum_add64(s0, s1),
			     ofl__csum_add64(s2, s3));
	s0 = ofl__csum_add64(s0, c0 + c1 + c2 + c3);
	s0 = ofl__csum_add64(s0, ofl__csum_small(p, len % 8, 0));
	return ofl__csum_w(ofl__csum_fold64(s0));
}
#endif

#if defined(OFL__CSUM_SSE2)
/*
 * The hybrid loop, the x86-64 baseline (OFL__CSUM_SSE2, internal.h): per
 * 64-byte block, the first 16 bytes go to two scalar add/adc chains (the
 * carry loop's form, one word each: gcc 12 emits add mem + adc $0) and the
 * other 48 to three pairs of SSE2 lanes (the split halves: whole words mod
 * 2^64 beside their high halves, as in the AVX2/AVX-512 clones, with the
 * same empty asm holding each load in a register so that gcc loads it
 * once). So the integer ALUs and the vector units both work: 19
 * instructions a block, where the carry loop took 23, all on the integer
 * ALUs. Stand-alone on an AMD EPYC (Zen 4), gcc 12 -O3, best of 15,
 * 1500 / 9000 / 65535 B: 23.3 / 119 / 842 ns, against 36.0 / 206 / 1510
 * for the carry loop, 24.9 / 126 / 920 for four SSE2 pairs alone, 26.3 /
 * 137 / 986 for 32 bytes each way and 27 / 138 / 980 for this loop
 * unrolled to 128 bytes (docs/CSUM.md). No cache hint: 1 KiB ahead cost
 * 5-9% in bench_csum here, at every size.
 */
typedef uint64_t ofl__csum_v2 __attribute__((vector_size(16)));
typedef uint64_t ofl__csum_v2u
	__attribute__((vector_size(16), aligned(1), may_alias));

/* The 16 bytes at @p into the lane pair (*@all, *@hi). */
OFL_INLINE void ofl__csum_v2_add(ofl__csum_v2 *all, ofl__csum_v2 *hi,
				 const uint8_t *p)
{
	ofl__csum_v2 w = *(const ofl__csum_v2u *)(const void *)p;

	__asm__("" : "+x"(w));
	*all += w;
	*hi += w >> 32;
}

/*
 * @n whole 64-byte blocks (n * 64 <= OFL__CSUM_RUN): a 64-bit value whose
 * end-around fold is the blocks' partial sum, 0 only for zero bytes. The
 * high halves (6n of them, each below 2^32) stay below 2^59, so
 * ofl__csum_halves is exact; a carry count grows by at most 1 a block.
 */
OFL_INLINE uint64_t ofl__csum_sse2_run(const uint8_t *p, size_t n)
{
	ofl__csum_v2 a0 = { 0, 0 }, a1 = { 0, 0 }, a2 = { 0, 0 };
	ofl__csum_v2 h0 = { 0, 0 }, h1 = { 0, 0 }, h2 = { 0, 0 };
	uint64_t s0 = 0, s1 = 0, c0 = 0, c1 = 0;

	for (; n; n--) {
		c0 += ofl__csum_addc(&s0, ofl__csum_load64(p));
		c1 += ofl__csum_addc(&s1, ofl__csum_load64(p + 8));
		ofl__csum_v2_add(&a0, &h0, p + 16);
		ofl__csum_v2_add(&a1, &h1, p + 32);
		ofl__csum_v2_add(&a2, &h2, p + 48);
		p += 64;
	}
	a0 += a1 + a2;
	h0 += h1 + h2;
	return ofl__csum_add64(
		ofl__csum_add64(ofl__csum_add64(s0, s1), c0 + c1),
		ofl__csum_halves(a0[0] + a0[1], h0[0] + h0[1]));
}

#endif

/*
 * ofl_csum_partial's body around a run loop: buffers up to OFL__CSUM_SHORT
 * bytes (headers, small frames) take two scalar chains, which beat a
 * vector loop's set-up and final reduction; longer ones whole 64-byte
 * blocks in runs of at most OFL__CSUM_RUN bytes, then the last 0..63
 * bytes the same scalar way. @hybrid (a constant at every call, so the
 * branch folds away) picks the run: the x86-64 baseline's hybrid loop, or
 * the split halves that compilers vectorise.
 */
OFL_INLINE ofl_wsum ofl__csum_body(const void *buf, size_t len, ofl_wsum sum,
				   int hybrid)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t acc = ofl__csum_u(sum), r;

	(void)hybrid;
	if (len > OFL__CSUM_SHORT) {
		while (len >= 64) {
			size_t n = (len < OFL__CSUM_RUN ? len : OFL__CSUM_RUN) /
				   64;

#if defined(OFL__CSUM_SSE2)
			if (hybrid)
				r = ofl__csum_sse2_run(p, n);
			else
#endif
				r = ofl__csum_run(p, n * 8);
			acc = ofl__csum_add64(acc, r);
			p += n * 64;
			len -= n * 64;
		}
	}
	acc = ofl__csum_add64(acc, ofl__csum_short(p, len));
	return ofl__csum_w(ofl__csum_fold64(acc));
}

OFL_INLINE ofl_wsum ofl__csum_partial_body(const void *buf, size_t len,
					   ofl_wsum sum)
{
	return ofl__csum_body(buf, len, sum, 0);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define OFL__CSUM_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define OFL__CSUM_SANITIZED 1
#endif

/*
 * ofl_csum_partial_copy(): the split-halves loop with a store of each word
 * it loads (Linux csum_partial_copy_nocheck): one pass over the source
 * where a copy and then a sum would read it twice. Every partial sum above
 * is the same 32-bit value for the same bytes, so the copy's sum equals
 * ofl_csum_partial()'s exactly. The 8-byte word loop vectorises like
 * ofl__csum_run (a load, a store, and the same adds); the caller
 * promises that the buffers do not overlap.
 */
OFL_INLINE ofl_wsum ofl__csum_copy_body(const void *src, void *dst,
					size_t len, ofl_wsum sum)
{
	const uint8_t *s = (const uint8_t *)src;
	uint8_t *d = (uint8_t *)dst;
	uint64_t acc = ofl__csum_u(sum);
	size_t i, n, tail;

	while (len >= 8) {
		uint64_t all = 0, hi = 0;

		n = (len < OFL__CSUM_RUN ? len : OFL__CSUM_RUN) / 8;
		for (i = 0; i < n; i++) {
			uint64_t w = ofl__csum_load64(s + 8 * i);

			ofl_copy8(d + 8 * i, &w);
			all += w;
			hi += w >> 32;
		}
		acc = ofl__csum_add64(acc, ofl__csum_halves(all, hi));
		s += n * 8;
		d += n * 8;
		len -= n * 8;
	}
	if (len) {
		acc = ofl__csum_add64(acc, ofl__csum_small(s, len, 0));
		for (tail = 0; tail < 8; tail++) {
			if (tail >= len)
				break;
			d[tail] = s[tail];
		}
	}
	return ofl__csum_w(ofl__csum_fold64(acc));
}

/*
 * Multi-versioning: userspace, x86-64, ELF, gcc or clang only. The AVX2
 * and AVX-512 versions of each loop are compiled (and named, for the unit
 * tests and fuzzers, internal.h) in every such build; sanitizer builds
 * leave out only the ifunc (a resolver runs before the sanitizer runtime
 * is up), so fuzz/fuzz_csum.c calls each version directly where the CPU
 * has it, instrumented. OFL__CSUM_X86: internal.h.
 */
#if defined(OFL__CSUM_X86) && !defined(OFL__CSUM_SANITIZED)
#define OFL__CSUM_MULTIVERSION 1
#endif

#if defined(OFL__CSUM_X86)
/*
 * The x86-64 clones of ofl_csum_partial: ofl__csum_run's split halves with
 * explicit vectors (@vt: 32 bytes for AVX2, 64 for AVX-512) and the load
 * held in a register by an empty asm. Without it gcc 12 makes each step
 * two instructions that both load the same bytes (vpsrlq and vpaddq with a
 * memory operand): two loads per vector, and the loop waited on the load
 * ports (45 sums of 1448 B, the GSO segments of a 64000-byte frame:
 * 697 -> 584 ns with AVX-512; docs/PERFORMANCE.md, "GSO, issue 18 round
 * 3"). One run, no run loop around it, below OFL__CSUM_RUN; longer
 * buffers and short ones take ofl__csum_partial_body. Same integer as
 * ofl__csum_run: the lanes' word sums (mod 2^64) and high-half sums
 * (exact: below 2^59 for a run) added up, then all - hi * 2^32 + hi.
 * The asm sits in the function with the target attribute (clang checks
 * its vector size against the function's features).
 */
typedef uint64_t ofl__csum_v4 __attribute__((vector_size(32)));
typedef uint64_t ofl__csum_v4u
	__attribute__((vector_size(32), aligned(1), may_alias));
typedef uint64_t ofl__csum_v8 __attribute__((vector_size(64)));
typedef uint64_t ofl__csum_v8u
	__attribute__((vector_size(64), aligned(1), may_alias));

/*
 * The tail mask: 64 zero bytes, then 64 of 0xff. The vector at offset
 * 64 - sizeof(vt) + t keeps a vector's last t bytes (t < sizeof(vt)).
 */
static const uint8_t ofl__csum_tailmask[128] = {
	[64] = 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff
};

/*
 * The tail (t = len mod sizeof(vt) bytes) is one more vector: the buffer's
 * last whole vector ending at a multiple of 4, loaded over bytes the loop
 * already summed (len > OFL__CSUM_SHORT, so it lies inside the buffer) and
 * masked to its last t & ~3 bytes. Ending on the 4-byte grid keeps each
 * 32-bit word whole, so the sum is the same integer as with
 * ofl__csum_short's tail, not only a congruent one; the last len & 3 bytes
 * go to ofl__csum_small, as they do there. The lanes then combine each
 * word sum with its high-half sum in the vector (linear mod 2^64), so one
 * reduction across lanes is left, not two. bench_csum at 1500 B with
 * AVX-512 on a Zen 4: 15.8 -> 14.8 ns.
 *
 * OFL__CSUM_VAHEAD: a cache hint this many bytes ahead, one per vector
 * (an integer address, as the carry loop's: it may lie past the buffer).
 * GSO sums a 64 KiB frame's segments one call each, from L2; the hint
 * reaches into the next segment. bench_gso's zero-copy row with complete
 * checksums (45 sums of 1448 B) on a Zen 4: 1565-1584 ns before this
 * change, about 1450 with the tail vector alone, 1394-1424 with the hint
 * 1 KiB ahead too (256 / 512 / 2048 bytes ahead: 1420 / 1410 / 1405).
 * Unrolling by two vectors cost 8% there, and scalar add/adc chains
 * beside the vector lanes (the SSE2 loop's hybrid) gained nothing:
 * docs/PERFORMANCE.md, "round 5".
 */
#define OFL__CSUM_VAHEAD 1024
#define OFL__CSUM_VCLONE(name, tgt, vt, vtu, lanes)                          \
	__attribute__((target(tgt))) ofl_wsum name(const void *buf,          \
						   size_t len, ofl_wsum sum) \
	{                                                                    \
		const uint8_t *p = (const uint8_t *)buf;                     \
		vt all = { 0 }, hi = { 0 }, w, m;                            \
		uint64_t a = 0, acc;                                         \
		size_t i, n, t, e;                                           \
		int k;                                                       \
                                                                             \
		if (len <= OFL__CSUM_SHORT || len >= OFL__CSUM_RUN)          \
			return ofl__csum_partial_body(buf, len, sum);        \
		n = len / sizeof(vt);                                        \
		for (i = 0; i < n; i++) {                                    \
			w = *(const vtu *)(const void *)(p +                 \
							 sizeof(vt) * i);    \
			__builtin_prefetch((const void *)(                   \
				(uintptr_t)p + sizeof(vt) * i +              \
				OFL__CSUM_VAHEAD));                          \
			__asm__("" : "+v"(w));                               \
			all += w;                                            \
			hi += w >> 32;                                       \
		}                                                            \
		t = len - n * sizeof(vt);                                    \
		e = len & ~(size_t)3;                                        \
		w = *(const vtu *)(const void *)(p + e - sizeof(vt));        \
		m = *(const vtu *)(const void *)(ofl__csum_tailmask + 64 -   \
						 sizeof(vt) + (t & ~(size_t)3)); \
		__asm__("" : "+v"(w));                                       \
		w &= m;                                                      \
		all += w;                                                    \
		hi += w >> 32;                                               \
		all = all - (hi << 32) + hi;                                 \
		for (k = 0; k < (lanes); k++)                                \
			a += all[k];                                         \
		a = ofl__csum_small(p + e, len & 3, a);                      \
		acc = ofl__csum_add64(ofl__csum_u(sum), a);                  \
		return ofl__csum_w(ofl__csum_fold64(acc));                   \
	}

OFL__CSUM_VCLONE(ofl__csum_partial_avx2, "avx2", ofl__csum_v4, ofl__csum_v4u,
		 4)

__attribute__((target("avx2"))) ofl_wsum
ofl__csum_copy_avx2(const void *src, void *dst, size_t len, ofl_wsum sum)
{
	return ofl__csum_copy_body(src, dst, len, sum);
}

/* OFL_CSUM_NO_AVX512: stop at AVX2 (to measure it on AVX-512 hosts). */
#if !defined(OFL_CSUM_NO_AVX512)
OFL__CSUM_VCLONE(ofl__csum_partial_avx512, "avx512f,avx512bw", ofl__csum_v8,
		 ofl__csum_v8u, 8)

__attribute__((target("avx512f,avx512bw"))) ofl_wsum
ofl__csum_copy_avx512(const void *src, void *dst, size_t len, ofl_wsum sum)
{
	return ofl__csum_copy_body(src, dst, len, sum);
}
#endif
#endif /* OFL__CSUM_X86 */

#if defined(OFL__CSUM_MULTIVERSION)
typedef ofl_wsum ofl__csum_partial_fn(const void *, size_t, ofl_wsum);
typedef ofl_wsum ofl__csum_copy_fn(const void *, void *, size_t, ofl_wsum);

static ofl_wsum ofl__csum_partial_base(const void *buf, size_t len,
				       ofl_wsum sum)
{
#if defined(OFL__CSUM_SSE2)
	return ofl__csum_body(buf, len, sum, 1);
#else
	return ofl__csum_carry_body(buf, len, sum);
#endif
}

static ofl_wsum ofl__csum_copy_base(const void *src, void *dst, size_t len,
				    ofl_wsum sum)
{
	return ofl__csum_copy_body(src, dst, len, sum);
}

OFL_INLINE void ofl__csum_cpuid(uint32_t leaf, uint32_t r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(0u));
}

/* 2: AVX-512 F+BW, 1: AVX2, 0: neither (or not enabled by the OS: XCR0).
 * Runs in the ifunc resolvers, once each, when the dynamic loader (or the
 * static start-up code) resolves them. */
OFL_INLINE int ofl__csum_x86_level(void)
{
	uint32_t r[4], xlo, xhi, max, b7;

	ofl__csum_cpuid(0, r);
	max = r[0];
	ofl__csum_cpuid(1, r);
	/* OSXSAVE (bit 27) and AVX (bit 28) */
	if (max < 7 || (r[2] & (3u << 27)) != (3u << 27))
		return 0;
	__asm__ volatile("xgetbv" : "=a"(xlo), "=d"(xhi) : "c"(0u));
	(void)xhi;
	ofl__csum_cpuid(7, r);
	b7 = r[1];
	/* XMM|YMM|opmask|ZMM_Hi256|Hi16_ZMM; AVX512F (16), AVX512BW (30) */
#if !defined(OFL_CSUM_NO_AVX512)
	if ((xlo & 0xe6u) == 0xe6u && (b7 & (1u << 16)) && (b7 & (1u << 30)))
		return 2;
#endif
	if ((xlo & 0x6u) == 0x6u && (b7 & (1u << 5)))
		return 1;
	return 0;
}

__attribute__((used)) static ofl__csum_partial_fn *
ofl__csum_partial_resolve(void)
{
	switch (ofl__csum_x86_level()) {
#if !defined(OFL_CSUM_NO_AVX512)
	case 2:
		return ofl__csum_partial_avx512;
#endif
	case 1:
		return ofl__csum_partial_avx2;
	default:
		return ofl__csum_partial_base;
	}
}

__attribute__((used)) static ofl__csum_copy_fn *
ofl__csum_copy_resolve(void)
{
	switch (ofl__csum_x86_level()) {
#if !defined(OFL_CSUM_NO_AVX512)
	case 2:
		return ofl__csum_copy_avx512;
#endif
	case 1:
		return ofl__csum_copy_avx2;
	default:
		return ofl__csum_copy_base;
	}
}

OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum)
	__attribute__((ifunc("ofl__csum_partial_resolve")));
OFL_API ofl_wsum ofl_csum_partial_copy(const void *src, void *dst,
				       size_t len, ofl_wsum sum)
	__attribute__((ifunc("ofl__csum_copy_resolve")));
#else
#if defined(OFL__CSUM_SSE2)
OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum)
{
	return ofl__csum_body(buf, len, sum, 1);
}
#elif defined(OFL__CSUM_CARRY)
OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum)
{
	return ofl__csum_carry_body(buf, len, sum);
}
#else
OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum)
{
	return ofl__csum_partial_body(buf, len, sum);
}
#endif
OFL_API ofl_wsum ofl_csum_partial_copy(const void *src, void *dst,
				       size_t len, ofl_wsum sum)
{
	return ofl__csum_copy_body(src, dst, len, sum);
}
#endif

#if defined(OFL__CSUM_VARIANTS)
/* The loops by name, for tests/csum and fuzz/fuzz_csum.c (internal.h). */
ofl_wsum ofl__csum_partial_vec(const void *buf, size_t len, ofl_wsum sum)
{
	return ofl__csum_partial_body(buf, len, sum);
}

ofl_wsum ofl__csum_partial_carry(const void *buf, size_t len, ofl_wsum sum)
{
#if defined(OFL__CSUM_CARRY)
	return ofl__csum_carry_body(buf, len, sum);
#else
	return ofl__csum_partial_body(buf, len, sum);
#endif
}

#if defined(OFL__CSUM_SSE2)
ofl_wsum ofl__csum_partial_sse2(const void *buf, size_t len, ofl_wsum sum)
{
	return ofl__csum_body(buf, len, sum, 1);
}
#endif
#endif

#if defined(OFL_BPF)
/* Where byte @i of an even-aligned block lands in a native 16-bit word. */
OFL_INLINE unsigned int ofl__csum_byte_shift(uint32_t i)
{
#if OFL_BIG_ENDIAN
	return (i & 1) ? 0 : 8;
#else
	return (i & 1) ? 8 : 0;
#endif
}

/*
 * The BPF form: 4-byte loads, a bounds check per 64 bytes, where the
 * verifier sees it. The verifier walks every exit of the loop into the tail,
 * so the tail is kept short (cost: docs/CSUM.md). Packet loads here may be
 * unaligned: without BPF_F_STRICT_ALIGNMENT the verifier allows that on
 * hosts with efficient unaligned access, and a plain typed load is what
 * makes clang emit one ldxw instead of four byte loads (it assumes no
 * unaligned access). Define OFL_BPF_STRICT_ALIGN for strict-alignment
 * hosts or loaders: byte loads then, accepted everywhere, more verifier work.
 */
#if defined(OFL_BPF_STRICT_ALIGN)
#define OFL__CSUM_BPF_LD32(p) ofl_load_ne32(p)
#define OFL__CSUM_BPF_LD16(p) ofl_load_ne16(p)
#else
#define OFL__CSUM_BPF_LD32(p) (*(const uint32_t *)(p))
#define OFL__CSUM_BPF_LD16(p) (*(const uint16_t *)(p))
#endif
/* the loop below covers the bound exactly in 32 + 64 * n + 32 bytes */
OFL_STATIC_ASSERT(OFL_CSUM_BPF_MAX_SPAN % 64 == 0 &&
		  OFL_CSUM_BPF_MAX_SPAN >= 64,
		  "OFL_CSUM_BPF_MAX_SPAN: a multiple of 64 bytes");

/* Four 64-bit accumulators of 32-bit words: four chains of adds, so that
 * an add does not wait for the one before it. */
struct ofl__csum_bpf_acc {
	uint64_t s[4];
};

/* The eight 32-bit words at @b (a 32-bit load zero-extends: a load and
 * an add a word). */
OFL_INLINE void ofl__csum_bpf_32(struct ofl__csum_bpf_acc *a,
				 const uint8_t *b)
{
	a->s[0] += OFL__CSUM_BPF_LD32(b);
	a->s[1] += OFL__CSUM_BPF_LD32(b + 4);
	a->s[2] += OFL__CSUM_BPF_LD32(b + 8);
	a->s[3] += OFL__CSUM_BPF_LD32(b + 12);
	a->s[0] += OFL__CSUM_BPF_LD32(b + 16);
	a->s[1] += OFL__CSUM_BPF_LD32(b + 20);
	a->s[2] += OFL__CSUM_BPF_LD32(b + 24);
	a->s[3] += OFL__CSUM_BPF_LD32(b + 28);
}

OFL_API ofl_wsum ofl_csum_span(const void *begin, const void *end,
			       ofl_wsum sum)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;
	struct ofl__csum_bpf_acc a = { { 0, 0, 0, 0 } };
	uint64_t acc = ofl__csum_u(sum), i;

	if (b + 1 > e)
		return sum;
#if defined(__clang__)
	{
		/*
		 * Verifier workaround (complexity, not a rejection message):
		 * the verifier walks every exit of the loop below through the
		 * tail and the rest of the caller, once per possible length,
		 * and cannot prune those walks while the bounds checks widen
		 * the range of the caller's own packet pointers (a longer
		 * range never subsumes a shorter one). Adding a scalar the
		 * verifier cannot prove zero (z - z, masked to [0, 1]) gives
		 * @b a packet-pointer id of its own, so the checks leave the
		 * caller's pointers alone and the walks meet in equal states.
		 * At run time z is 0. Cost in tests/ebpf: 324k -> 76k
		 * processed instructions for the 9216-byte bound. Callers
		 * keep their own bounds checks for their own accesses.
		 */
		uint64_t z = b[0];

		__asm__ volatile("%0 -= %0" : "+r"(z));
		b += z & 1;
	}
#endif
	/*
	 * 64 bytes per bounds check (32-bit words, where the halves of a
	 * 64-bit word took a load, two adds, a copy and a shift), between two
	 * 32-byte steps, then a 16/8/4/2/1-byte tail: a view longer than the
	 * bound is summed over its first OFL_CSUM_BPF_MAX_SPAN to
	 * OFL_CSUM_BPF_MAX_SPAN + 31 bytes. The loop is reached only past the
	 * first step: else the verifier walks it once more for views under
	 * 32 bytes (it learns nothing from a failed bounds check), twice the
	 * processed instructions. The counter is 64-bit (a 32-bit one is
	 * zero-extended by a shift pair each trip). Verifier workaround: the
	 * 16 and 8-byte tail steps only when the loop stopped early (to keep
	 * that at + 7) gave "R3 offset is outside of the packet" in the
	 * conformance program; docs/CSUM.md.
	 */
	if (b + 32 <= e) {
		ofl__csum_bpf_32(&a, b);
		b += 32;
		for (i = 0; i < (OFL_CSUM_BPF_MAX_SPAN - 64) / 64; i++) {
			if (b + 64 > e)
				break;
			ofl__csum_bpf_32(&a, b);
			ofl__csum_bpf_32(&a, b + 32);
			b += 64;
		}
		if (b + 32 <= e) {
			ofl__csum_bpf_32(&a, b);
			b += 32;
		}
	}
	/* fewer than 2^32 words of 32 bits: no overflow */
	acc += (a.s[0] + a.s[1]) + (a.s[2] + a.s[3]);
	if (b + 16 <= e) {
		acc += OFL__CSUM_BPF_LD32(b);
		acc += OFL__CSUM_BPF_LD32(b + 4);
		acc += OFL__CSUM_BPF_LD32(b + 8);
		acc += OFL__CSUM_BPF_LD32(b + 12);
		b += 16;
	}
	if (b + 8 <= e) {
		acc += OFL__CSUM_BPF_LD32(b);
		acc += OFL__CSUM_BPF_LD32(b + 4);
		b += 8;
	}
	if (b + 4 <= e) {
		acc += OFL__CSUM_BPF_LD32(b);
		b += 4;
	}
	if (b + 2 <= e) {
		acc += OFL__CSUM_BPF_LD16(b);
		b += 2;
	}
	if (b + 1 <= e)
		acc += (uint64_t)b[0] << ofl__csum_byte_shift(0);
	return ofl__csum_w(ofl__csum_fold64(acc));
}
#else
OFL_API ofl_wsum ofl_csum_span(const void *begin, const void *end,
			       ofl_wsum sum)
{
	const uint8_t *b = (const uint8_t *)begin, *e = (const uint8_t *)end;

	if (e <= b)
		return sum;
	return ofl_csum_partial(b, (size_t)(e - b), sum);
}
#endif
