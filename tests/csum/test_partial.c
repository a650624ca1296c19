// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ofl_csum_partial/span/block_add/fold against the RFC 1071 byte model:
 * every length, alignment and split offset; runs of 0xff; buffers of many
 * megabytes (where a 32-bit accumulator such as DPDK's loses carries). */
#include "ofl_test.h"
#include <offload/csum.h>
#include "model.h"
#include "csum/internal.h"

#define N 600

static uint8_t buf[N + 16];

static void fill(uint64_t seed)
{
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(ofl_test_rand(&seed) >> 56);
}

static uint16_t ofl_wire(const void *p, size_t len, uint32_t sum)
{
	return wire16(ofl_csum_fold(ofl_csum_partial(p, len, sum)));
}

static void rfc1071_vector(void **state)
{
	/* RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2 */
	const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };

	(void)state;
	assert_int_equal(ofl_wire(b, 8, 0), 0x220d);
	assert_int_equal(model_sum(b, 8), 0xddf2);
	assert_int_equal(ofl_wire(b, 0, 0), 0xffff);
	assert_int_equal(ofl_csum_partial(b, 0, 1234), 1234);
}

static void every_length_and_alignment(void **state)
{
	size_t len, al;

	(void)state;
	fill(1);
	for (al = 0; al < 16; al++)
		for (len = 0; len <= N; len++)
			assert_int_equal(ofl_wire(buf + al, len, 0),
					 (uint16_t)~model_sum(buf + al, len));
}

static void seeds(void **state)
{
	uint64_t s = 7;
	int i;

	(void)state;
	fill(2);
	for (i = 0; i < 2000; i++) {
		uint32_t seed = (uint32_t)ofl_test_rand(&s);
		size_t len = ofl_test_rand(&s) % N, al = ofl_test_rand(&s) % 16;
		uint32_t m = model_sum_at(buf + al, len, 0, model_seed(seed));

		assert_int_equal(ofl_wire(buf + al, len, seed), (uint16_t)~m);
	}
}

static void every_split(void **state)
{
	size_t len, k;

	(void)state;
	fill(3);
	for (len = 0; len <= 300; len += 37)
		for (k = 0; k <= len; k++) {
			uint32_t a = ofl_csum_partial(buf + 1, k, 0);
			uint32_t b = ofl_csum_partial(buf + 1 + k, len - k, 0);
			uint32_t s = ofl_csum_block_add(a, b, k);

			assert_int_equal(wire16(ofl_csum_fold(s)),
					 (uint16_t)~model_sum(buf + 1, len));
			/* and back out again (subtraction may give -0) */
			assert_true(same16(
				wire16(ofl_csum_fold(ofl_csum_block_sub(s, b, k))),
				(uint16_t)~model_sum(buf + 1, k)));
		}
}

static void span_equals_partial(void **state)
{
	size_t len;

	(void)state;
	fill(4);
	for (len = 0; len <= N; len++)
		assert_int_equal(ofl_csum_fold(ofl_csum_span(buf + 3,
							     buf + 3 + len, 9)),
				 ofl_csum_fold(ofl_csum_partial(buf + 3, len, 9)));
	/* end before begin: empty */
	assert_int_equal(ofl_csum_span(buf + 8, buf + 2, 77), 77);
}

static void runs_of_ff(void **state)
{
	size_t len, al;

	(void)state;
	memset(buf, 0xff, sizeof(buf));
	for (al = 0; al < 8; al++)
		for (len = 0; len <= N; len++)
			assert_int_equal(ofl_wire(buf + al, len, 0xffffffffu),
					 (uint16_t)~model_sum_at(buf + al, len,
								 0, 0xffff));
}

static void fold_add_sub(void **state)
{
	(void)state;
	assert_int_equal(ofl_csum_fold(0), 0xffff);
	assert_int_equal(ofl_csum_fold(0xffff), 0);
	assert_int_equal(ofl_csum_fold(0xffffffffu), 0);
	assert_int_equal(ofl_csum_fold(0x0001ffffu), 0xfffe);
	assert_int_equal(ofl_csum_add(0xffffffffu, 1), 1);
	assert_int_equal(ofl_csum_add(0, 0), 0);
	assert_int_equal(ofl_csum_sub(5, 5), 0xffffffffu);
	assert_int_equal(ofl_csum_unfold(0xabcd), 0xabcd);
	assert_int_equal(ofl_csum_block_add(0, 0x11223344u, 1), 0x44112233u);
	assert_int_equal(ofl_csum_block_add(0, 0x11223344u, 2), 0x11223344u);
}

/* Many megabytes of 0xff plus one odd byte: every 32-bit accumulator of
 * 16-bit words overflows long before (DPDK rte_raw_cksum at 64 MiB). */
static void megabytes_of_ff(void **state)
{
	static const size_t sizes[] = { 128 << 10, (4 << 20) + 3, 64 << 20 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t len = sizes[i] + 1;
		uint8_t *p = malloc(len + 1);

		assert_non_null(p);
		memset(p, 0xff, len);
		p[len - 1] = 0x12; /* so the answer is not just 0 */
		assert_int_equal(ofl_wire(p + 1, len - 1, 0),
				 (uint16_t)~model_sum(p + 1, len - 1));
		assert_int_equal(ofl_wire(p, len, 0),
				 (uint16_t)~model_sum(p, len));
#if defined(OFL__CSUM_SSE2)
		/* the x86-64 baseline loop, whatever the ifunc chose here */
		assert_int_equal((OFL_FORCE uint32_t)ofl__csum_partial_sse2(
					 p + 1, len - 1, 0),
				 (OFL_FORCE uint32_t)ofl_csum_partial(p + 1,
								      len - 1, 0));
#endif
		free(p);
	}
}

/*
 * The loops of ofl_csum_partial (the vector loop of the AVX2/AVX-512
 * clones and arm64, the 64-bit carry loop of s390x and kernel builds, and
 * on x86-64 the SSE2 hybrid loop of the baseline) and the dispatched one,
 * against a byte-at-a-time model at every length to 2048 and 8
 * alignments, each with a seed: identical 32-bit partial sums (not only
 * congruent ones), and the model's folded value.
 */
#define NL 2048
static uint8_t lbuf[NL + 8];

/*
 * The AVX2 and AVX-512 clones by name, whichever the ifunc chose (their
 * tail vector and cache hint, partial.c): the one 32-bit partial sum both
 * give where the CPU has them, or the reference loop's where it has
 * neither (returns it so the caller's one assertion covers every case).
 */
static uint32_t vclones(const uint8_t *p, size_t len, uint32_t s)
{
	uint32_t v = (OFL_FORCE uint32_t)ofl__csum_partial_vec(p, len,
			(OFL_FORCE ofl_wsum)s);
#if defined(OFL__CSUM_X86)
	if (__builtin_cpu_supports("avx2"))
		assert_int_equal((OFL_FORCE uint32_t)ofl__csum_partial_avx2(
					 p, len, (OFL_FORCE ofl_wsum)s), v);
#if defined(OFL__CSUM_AVX512)
	if (__builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("avx512bw"))
		assert_int_equal((OFL_FORCE uint32_t)ofl__csum_partial_avx512(
					 p, len, (OFL_FORCE ofl_wsum)s), v);
#endif
#endif
	return v;
}

static void loops_against_bytes(void **state)
{
	uint64_t seed = 7;
	size_t i, len, al;

	(void)state;
	for (i = 0; i < sizeof(lbuf); i++)
		lbuf[i] = (uint8_t)(ofl_test_rand(&seed) >> 56);
	for (al = 0; al < 8; al++)
		for (len = 0; len <= NL; len++) {
			const uint8_t *p = lbuf + al;
			uint32_t s = (uint32_t)(ofl_test_rand(&seed) >> 32);
			uint32_t v, c, d;

			if (len % 3 == 0)
				s = 0;
			v = (OFL_FORCE uint32_t)ofl__csum_partial_vec(p, len,
					(OFL_FORCE ofl_wsum)s);
			c = (OFL_FORCE uint32_t)ofl__csum_partial_carry(p, len,
					(OFL_FORCE ofl_wsum)s);
			d = (OFL_FORCE uint32_t)ofl_csum_partial(p, len,
					(OFL_FORCE ofl_wsum)s);
			assert_int_equal(c, v);
			assert_int_equal(d, v);
#if defined(OFL__CSUM_SSE2)
			assert_int_equal((OFL_FORCE uint32_t)ofl__csum_partial_sse2(
						 p, len, (OFL_FORCE ofl_wsum)s),
					 v);
#endif
			assert_int_equal(vclones(p, len, s), v);
			assert_int_equal(wire16(ofl_csum_fold(
						 (OFL_FORCE ofl_wsum)c)),
					 (uint16_t)~model_sum_at(p, len, 0,
							model_seed(s)));
		}
	/* all 0xff: the largest words, carries out of every add */
	memset(lbuf, 0xff, sizeof(lbuf));
	for (al = 0; al < 8; al++)
		for (len = 0; len <= NL; len++) {
			uint32_t v = (OFL_FORCE uint32_t)ofl__csum_partial_vec(
				lbuf + al, len, (OFL_FORCE ofl_wsum)0xffffffffu);
			uint32_t c = (OFL_FORCE uint32_t)ofl__csum_partial_carry(
				lbuf + al, len, (OFL_FORCE ofl_wsum)0xffffffffu);

			assert_int_equal(c, v);
#if defined(OFL__CSUM_SSE2)
			assert_int_equal((OFL_FORCE uint32_t)ofl__csum_partial_sse2(
						 lbuf + al, len,
						 (OFL_FORCE ofl_wsum)0xffffffffu),
					 v);
#endif
			assert_int_equal(vclones(lbuf + al, len, 0xffffffffu), v);
		}
}

/* ofl_csum_partial_copy(): every length and source and destination
 * alignment, the same 32-bit sum as ofl_csum_partial(), the bytes copied
 * and nothing written past them (a guard byte pattern after the end). */
static uint8_t cdst[NL + 16 + 8];

static void copy_equals_partial(void **state)
{
	uint64_t seed = 11;
	size_t i, len, as, ad;

	(void)state;
	for (i = 0; i < sizeof(lbuf); i++)
		lbuf[i] = (uint8_t)(ofl_test_rand(&seed) >> 56);
	for (as = 0; as < 8; as += 3)
		for (ad = 0; ad < 8; ad++)
			for (len = 0; len <= NL; len += 1 + len / 64) {
				uint32_t s = (uint32_t)(ofl_test_rand(&seed) >>
							32);
				uint32_t want, got;

				memset(cdst, 0xa5, sizeof(cdst));
				want = (OFL_FORCE uint32_t)ofl_csum_partial(
					lbuf + as, len, (OFL_FORCE ofl_wsum)s);
				got = (OFL_FORCE uint32_t)ofl_csum_partial_copy(
					lbuf + as, cdst + ad, len,
					(OFL_FORCE ofl_wsum)s);
				assert_int_equal(got, want);
				assert_memory_equal(cdst + ad, lbuf + as,
						    len);
				for (i = 0; i < ad; i++)
					assert_int_equal(cdst[i], 0xa5);
				for (i = ad + len; i < sizeof(cdst); i++)
					assert_int_equal(cdst[i], 0xa5);
			}
	/* all 0xff with a seed of all ones: carries out of every add */
	memset(lbuf, 0xff, sizeof(lbuf));
	for (len = 0; len <= NL; len++)
		assert_int_equal((OFL_FORCE uint32_t)ofl_csum_partial_copy(
					 lbuf, cdst, len,
					 (OFL_FORCE ofl_wsum)0xffffffffu),
				 (OFL_FORCE uint32_t)ofl_csum_partial(
					 lbuf, len,
					 (OFL_FORCE ofl_wsum)0xffffffffu));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc1071_vector),
		cmocka_unit_test(every_length_and_alignment),
		cmocka_unit_test(seeds),
		cmocka_unit_test(every_split),
		cmocka_unit_test(span_equals_partial),
		cmocka_unit_test(runs_of_ff),
		cmocka_unit_test(fold_add_sub),
		cmocka_unit_test(megabytes_of_ff),
		cmocka_unit_test(loops_against_bytes),
		cmocka_unit_test(copy_equals_partial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
