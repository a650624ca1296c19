// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_csum_partial against DPDK's rte_raw_cksum (rte_ip.h, compiled with
 * DPDK's own pkg-config flags) and a naive 16-bit loop, 64 B to 64 KiB, in
 * one binary so that the ratios come from one process and one run.
 * Every variant folds to the 16-bit uncomplemented sum, like rte_raw_cksum.
 *
 * CRC32c (SCTP): ofl_csum_crc32c as dispatched, its portable
 * (slicing-by-8) and CPU-instruction variants called directly, the
 * one-byte-per-step loop ofl had before (the same byte table), and DPDK's
 * rte_hash_crc (rte_hash_crc.h: crc32q, one chain). All give Linux
 * crc32c() values (no final inversion), checked equal before timing.
 */
#include <benchmark/benchmark.h>
#include <cstdint>
#include <cstring>
#include <vector>
#include <rte_ip.h>
#include <rte_hash_crc.h>
#include <offload/csum.h>
#include "csum/internal.h"
#include "csum/crc32c_tables.h"

namespace {

std::vector<uint8_t> make_buf(size_t len)
{
	/* slack so that the odd-aligned variant has room */
	std::vector<uint8_t> v(len + 64);
	uint64_t s = 0x9e3779b97f4a7c15ULL;

	for (auto &b : v) {
		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		b = static_cast<uint8_t>(s >> 56);
	}
	return v;
}

uint16_t naive(const uint8_t *p, size_t len)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += static_cast<uint32_t>(p[i] << 8 | p[i + 1]);
	if (len & 1)
		s += static_cast<uint32_t>(p[len - 1] << 8);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return static_cast<uint16_t>(s);
}

void BM_ofl(benchmark::State &st)
{
	size_t len = static_cast<size_t>(st.range(0));
	auto buf = make_buf(len);

	for (auto _ : st) {
		uint16_t r = static_cast<uint16_t>(
			~ofl_csum_fold(ofl_csum_partial(buf.data(), len, 0)));
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
	st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * len));
}

/* the same from an odd address: alignment must not matter */
void BM_ofl_odd(benchmark::State &st)
{
	size_t len = static_cast<size_t>(st.range(0));
	auto buf = make_buf(len);

	for (auto _ : st) {
		uint16_t r = static_cast<uint16_t>(~ofl_csum_fold(
			ofl_csum_partial(buf.data() + 1, len, 0)));
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
	st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * len));
}

void BM_dpdk(benchmark::State &st)
{
	size_t len = static_cast<size_t>(st.range(0));
	auto buf = make_buf(len);

	for (auto _ : st) {
		uint16_t r = rte_raw_cksum(buf.data(), len);
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
	st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * len));
}

void BM_naive(benchmark::State &st)
{
	size_t len = static_cast<size_t>(st.range(0));
	auto buf = make_buf(len);

	for (auto _ : st) {
		uint16_t r = naive(buf.data(), len);
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
	st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * len));
}

/* The sizes of the target (1500, 9000, 65535) plus powers of two. */
void sizes(benchmark::internal::Benchmark *b)
{
	for (long n : { 64L, 256L, 1024L, 1500L, 4096L, 9000L, 16384L,
			65535L, 65536L })
		b->Arg(n);
}

/* ---- CRC32c ---- */

/* ofl's CRC32c before slicing-by-8: one table lookup per byte. */
uint32_t crc_bytewise(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = static_cast<const uint8_t *>(buf);

	for (size_t i = 0; i < len; i++)
		crc = ofl__crc32c_t8[0][(crc ^ p[i]) & 0xffu] ^ (crc >> 8);
	return crc;
}

uint32_t crc_dpdk(uint32_t crc, const void *buf, size_t len)
{
	return rte_hash_crc(buf, static_cast<uint32_t>(len), crc);
}

template <uint32_t (*F)(uint32_t, const void *, size_t)>
void BM_crc(benchmark::State &st)
{
	size_t len = static_cast<size_t>(st.range(0));
	auto buf = make_buf(len);

	for (auto _ : st) {
		uint32_t r = F(~0u, buf.data(), len);
		benchmark::DoNotOptimize(r);
		benchmark::ClobberMemory();
	}
	st.SetBytesProcessed(static_cast<int64_t>(st.iterations() * len));
}

void crc_sizes(benchmark::internal::Benchmark *b)
{
	for (long n : { 64L, 1500L, 9000L, 65535L })
		b->Arg(n);
}

} // namespace

BENCHMARK(BM_crc<ofl_csum_crc32c>)->Name("BM_crc_ofl")->Apply(crc_sizes);
BENCHMARK(BM_crc<ofl__csum_crc32c_sw>)->Name("BM_crc_ofl_portable")
	->Apply(crc_sizes);
#if defined(OFL__CRC32C_HW)
BENCHMARK(BM_crc<ofl__csum_crc32c_hw>)->Name("BM_crc_ofl_hw")
	->Apply(crc_sizes);
#endif
BENCHMARK(BM_crc<crc_bytewise>)->Name("BM_crc_bytewise")->Apply(crc_sizes);
BENCHMARK(BM_crc<crc_dpdk>)->Name("BM_crc_dpdk")->Apply(crc_sizes);

BENCHMARK(BM_ofl)->Apply(sizes);
BENCHMARK(BM_ofl_odd)->Apply(sizes);
BENCHMARK(BM_dpdk)->Apply(sizes);
BENCHMARK(BM_naive)->Apply(sizes);

/* Same answer from all three before timing anything. */
int main(int argc, char **argv)
{
	for (size_t len : { 0, 1, 63, 1500, 9000, 65535 }) {
		auto buf = make_buf(len);
		uint16_t a = static_cast<uint16_t>(
			~ofl_csum_fold(ofl_csum_partial(buf.data(), len, 0)));
		uint16_t b = rte_raw_cksum(buf.data(), len);
		uint16_t c = naive(buf.data(), len);
		uint8_t w[2];
		uint16_t wa;
		bool same;

		/* ofl and DPDK sum host-order words; the naive loop sums
		 * big-endian ones: compare as wire bytes, 0 and 0xffff alike */
		std::memcpy(w, &a, 2);
		wa = static_cast<uint16_t>(w[0] << 8 | w[1]);
		same = wa == c || (wa == 0 && c == 0xffff) ||
		       (wa == 0xffff && c == 0);
		if (a != b || !same) {
			std::fprintf(stderr, "mismatch at %zu: %04x %04x %04x\n",
				     len, a, b, c);
			return 1;
		}
	}
	for (size_t len : { 0, 1, 7, 63, 64, 385, 1500, 1537, 9000, 65535 }) {
		auto buf = make_buf(len);
		uint32_t want = crc_bytewise(~0u, buf.data(), len);
		uint32_t got[] = {
			ofl_csum_crc32c(~0u, buf.data(), len),
			ofl__csum_crc32c_sw(~0u, buf.data(), len),
#if defined(OFL__CRC32C_HW)
			ofl__csum_crc32c_hw(~0u, buf.data(), len),
#endif
			crc_dpdk(~0u, buf.data(), len),
		};

		for (uint32_t g : got)
			if (g != want) {
				std::fprintf(stderr, "crc32c mismatch at %zu: "
					     "%08x %08x\n", len, g, want);
				return 1;
			}
	}
	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	return 0;
}
