// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Toeplitz on 12-byte (IPv4 4-tuple) and 36-byte (IPv6 4-tuple) inputs:
 * ofl byte tables, ofl nibble tables, ofl bitwise reference, and DPDK's
 * rte_softrss()/rte_softrss_be() in the same binary. DPDK's rte_thash_gfni()
 * is a stub returning 0 unless the application is built with GFNI and
 * AVX-512 enabled (-march=native on such a CPU), so it is not measured in
 * this portable build.
 */
#include <benchmark/benchmark.h>
#include <cstring>
#include <rte_thash.h>
#include <offload/rss.h>

namespace {

constexpr int kTuples = 256;

struct Inputs {
	alignas(16) uint8_t key[52];
	alignas(16) uint32_t keyc[13];
	uint8_t bytes[kTuples][36];
	uint32_t words[kTuples][9]; /* host-order words, as rte_softrss wants */
	struct ofl_rss ctx;
	struct ofl_rss_nibble nctx;

	Inputs()
	{
		uint64_t s = 0x1234567;

		ofl_rss_key_microsoft(key);
		for (int i = 40; i < 52; i++)
			key[i] = (uint8_t)(i * 7);
		for (int t = 0; t < kTuples; t++)
			for (int i = 0; i < 36; i++) {
				s = s * 6364136223846793005ULL + 1;
				bytes[t][i] = (uint8_t)(s >> 56);
			}
		for (int t = 0; t < kTuples; t++)
			for (int w = 0; w < 9; w++) {
				const uint8_t *p = bytes[t] + 4 * w;
				words[t][w] = (uint32_t)p[0] << 24 |
					      (uint32_t)p[1] << 16 |
					      (uint32_t)p[2] << 8 | p[3];
			}
		ofl_rss_init(&ctx, sizeof(ctx), key, 52);
		ofl_rss_nibble_init(&nctx, sizeof(nctx), key, 52);
		rte_convert_rss_key((const uint32_t *)key, keyc, 52);
	}
};

Inputs &in()
{
	static Inputs *i = new Inputs();
	return *i;
}

void BM_ofl_rss_hash(benchmark::State &st)
{
	Inputs &I = in();
	size_t len = (size_t)st.range(0);
	unsigned t = 0;

	for (auto _ : st) {
		uint32_t h = ofl_rss_hash(&I.ctx, I.bytes[t++ & (kTuples - 1)],
					  len);
		benchmark::DoNotOptimize(h);
	}
}

void BM_ofl_rss_nibble(benchmark::State &st)
{
	Inputs &I = in();
	size_t len = (size_t)st.range(0);
	unsigned t = 0;

	for (auto _ : st) {
		uint32_t h = ofl_rss_nibble_hash(&I.nctx,
						 I.bytes[t++ & (kTuples - 1)],
						 len);
		benchmark::DoNotOptimize(h);
	}
}

void BM_ofl_toeplitz_ref(benchmark::State &st)
{
	Inputs &I = in();
	size_t len = (size_t)st.range(0);
	unsigned t = 0;

	for (auto _ : st) {
		uint32_t h = ofl_rss_toeplitz(I.key, 52,
					  I.bytes[t++ & (kTuples - 1)], len);
		benchmark::DoNotOptimize(h);
	}
}

void BM_dpdk_rte_softrss(benchmark::State &st)
{
	Inputs &I = in();
	uint32_t words = (uint32_t)st.range(0) / 4;
	unsigned t = 0;

	for (auto _ : st) {
		uint32_t h = rte_softrss(I.words[t++ & (kTuples - 1)], words,
					 I.key);
		benchmark::DoNotOptimize(h);
	}
}

void BM_dpdk_rte_softrss_be(benchmark::State &st)
{
	Inputs &I = in();
	uint32_t words = (uint32_t)st.range(0) / 4;
	unsigned t = 0;

	for (auto _ : st) {
		uint32_t h = rte_softrss_be(I.words[t++ & (kTuples - 1)], words,
					    (const uint8_t *)I.keyc);
		benchmark::DoNotOptimize(h);
	}
}

/* the once-per-key cost: filling the tables */
void BM_ofl_rss_init(benchmark::State &st)
{
	Inputs &I = in();
	static struct ofl_rss c;

	for (auto _ : st) {
		int r = ofl_rss_init(&c, sizeof(c), I.key, 52);
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
}

void BM_ofl_rss_nibble_init(benchmark::State &st)
{
	Inputs &I = in();
	static struct ofl_rss_nibble c;

	for (auto _ : st) {
		int r = ofl_rss_nibble_init(&c, sizeof(c), I.key, 52);
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
}

} // namespace

BENCHMARK(BM_ofl_rss_hash)->Arg(12)->Arg(36);
BENCHMARK(BM_ofl_rss_nibble)->Arg(12)->Arg(36);
BENCHMARK(BM_ofl_toeplitz_ref)->Arg(12)->Arg(36);
BENCHMARK(BM_dpdk_rte_softrss)->Arg(12)->Arg(36);
BENCHMARK(BM_dpdk_rte_softrss_be)->Arg(12)->Arg(36);
BENCHMARK(BM_ofl_rss_init);
BENCHMARK(BM_ofl_rss_nibble_init);

BENCHMARK_MAIN();
