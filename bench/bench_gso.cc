// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gso against DPDK rte_gso_segment (TCP/IPv4, the only TCP type DPDK
 * 22.11 segments), one process, one run: a 64000-byte payload TCP/IPv4
 * super-frame (timestamps option, 66 header bytes) cut at mss 1448 into
 * 45 segments. Counters: segments per second.
 *
 *   DPDK/rte_gso           header mbuf + indirect payload mbuf per segment,
 *                          no checksums written (freed each iteration)
 *   ofl/zerocopy_partial   ofl_gso_next: headers into a caller buffer,
 *                          payload named by offset, L4 left CHECKSUM_PARTIAL
 *                          (the like-for-like comparison)
 *   ofl/zerocopy_complete  the same with complete TCP checksums
 *   ofl/copy_partial       ofl_gso_segment: whole segments copied out
 *   ofl/copy_complete      the same with complete TCP checksums
 *   ofl/payload_sums       what complete adds to partial, alone: the 45
 *                          segments' payload sums, one ofl_csum_partial
 *                          each (the frame from L2, as above)
 *   ofl/payload_sum_once   one ofl_csum_partial over the whole payload: the
 *                          same bytes without the 44 more calls
 */
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <vector>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_gso.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eal_lcore.h"

extern "C" {
#include <offload/csum.h>
#include <offload/gso.h>
}

namespace {

constexpr uint32_t kPayload = 64000;
constexpr uint16_t kMss = 1448;
constexpr uint32_t kHdr = 14 + 20 + 32;
constexpr uint32_t kSegs = (kPayload + kMss - 1) / kMss;

uint8_t g_frame[kHdr + kPayload];
ofl_gso_meta g_meta;

void build_frame()
{
	uint8_t *p = g_frame;

	std::memset(p, 0, kHdr);
	const uint8_t mac[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
	std::memcpy(p, mac, 12);
	p[12] = 0x08;
	uint8_t *ip = p + 14;
	ip[0] = 0x45;
	uint32_t tot = 20 + 32 + kPayload; /* > 65535 is fine: rewritten */
	ip[2] = (uint8_t)(tot >> 8);
	ip[3] = (uint8_t)tot;
	ip[4] = 0x12;
	ip[6] = 0x40;
	ip[8] = 64;
	ip[9] = 6;
	const uint8_t a[8] = { 198, 18, 0, 1, 198, 19, 0, 2 };
	std::memcpy(ip + 12, a, 8);
	uint8_t *th = ip + 20;
	th[0] = 0x9c; th[1] = 0x40; th[2] = 0; th[3] = 80;
	th[4] = 1; th[12] = 8 << 4; th[13] = 0x18; th[14] = 0xff;
	th[20] = 1; th[21] = 1; th[22] = 8; th[23] = 10;
	for (uint32_t i = 0; i < kPayload; i++)
		g_frame[kHdr + i] = (uint8_t)(i * 31 + 7);
	ofl_gso_meta_from_frame(g_frame, sizeof(g_frame), kMss, &g_meta);
	/* as a stack hands it over: CHECKSUM_PARTIAL, pseudo sum in place */
	uint32_t l4len = 32 + kPayload;
	ofl_sum16 ps = ofl_csum_tcpudp_magic(
		(ofl_be32)(ip[12] | ip[13] << 8 | ip[14] << 16 | (uint32_t)ip[15] << 24),
		(ofl_be32)(ip[16] | ip[17] << 8 | ip[18] << 16 | (uint32_t)ip[19] << 24),
		l4len, 6, 0);
	uint16_t v = (uint16_t)~ps;
	std::memcpy(th + 16, &v, 2);
	g_meta.ip_summed = OFL_CHECKSUM_PARTIAL;
}

bool g_eal_ok;
rte_mempool *g_direct, *g_indirect, *g_big;

void eal_init()
{
	static char a0[] = "bench_gso", a1[] = "--no-huge", a2[] = "--no-pci",
		    a3[] = "-m", a4[] = "512", a5[] = "--no-shconf",
		    a6[] = "--no-telemetry", a7[] = "-l", a9[] = "--log-level=error";
	static char a8[16];
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 };

	ofl_bench_lcore(a8, sizeof(a8));

	if (rte_eal_init(10, argv) < 0) {
		std::fprintf(stderr, "DPDK EAL init failed\n");
		return;
	}
	g_direct = rte_pktmbuf_pool_create("gso_direct", 1023, 0, 0,
					   RTE_MBUF_DEFAULT_BUF_SIZE, 0);
	g_indirect = rte_pktmbuf_pool_create("gso_indirect", 1023, 0, 0, 0, 0);
	g_big = rte_pktmbuf_pool_create("gso_big", 7, 0, 0,
					kHdr + kPayload + RTE_PKTMBUF_HEADROOM,
					0);
	g_eal_ok = g_direct && g_indirect && g_big;
}

void BM_dpdk(benchmark::State &state)
{
	if (!g_eal_ok) {
		state.SkipWithError("DPDK EAL not available");
		return;
	}
	rte_mbuf *pkt = rte_pktmbuf_alloc(g_big);
	char *d = rte_pktmbuf_append(pkt, sizeof(g_frame));
	std::memcpy(d, g_frame, sizeof(g_frame));
	pkt->l2_len = 14;
	pkt->l3_len = 20;
	pkt->l4_len = 32;
	rte_gso_ctx ctx{};
	ctx.direct_pool = g_direct;
	ctx.indirect_pool = g_indirect;
	ctx.gso_types = RTE_ETH_TX_OFFLOAD_TCP_TSO;
	ctx.gso_size = kHdr + kMss;
	ctx.flag = 0;
	rte_mbuf *out[128];
	uint64_t segs = 0;

	for (auto _ : state) {
		pkt->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
		int n = rte_gso_segment(pkt, &ctx, out, 128);
		if (n <= 0) {
			state.SkipWithError("rte_gso_segment failed");
			break;
		}
		benchmark::DoNotOptimize(out[n - 1]);
		segs += (uint64_t)n;
		rte_pktmbuf_free_bulk(out, (unsigned int)n);
	}
	rte_pktmbuf_free(pkt);
	state.counters["segments/s"] =
		benchmark::Counter((double)segs, benchmark::Counter::kIsRate);
}

void zerocopy(benchmark::State &state, uint32_t flags)
{
	ofl_gso_frag f{ g_frame, (uint32_t)sizeof(g_frame), 0 };
	static uint8_t hdrs[kSegs][128];
	ofl_gso_iter it;
	ofl_gso_seg s;
	uint64_t segs = 0;

	for (auto _ : state) {
		if (ofl_gso_init(&it, &f, 1, &g_meta, flags)) {
			state.SkipWithError("ofl_gso_init failed");
			break;
		}
		uint32_t k = 0;
		while (ofl_gso_next(&it, hdrs[k], sizeof(hdrs[k]), &s) == 1)
			k++;
		benchmark::DoNotOptimize(hdrs[k - 1][0]);
		benchmark::ClobberMemory();
		segs += k;
	}
	state.counters["segments/s"] =
		benchmark::Counter((double)segs, benchmark::Counter::kIsRate);
}

void copy(benchmark::State &state, uint32_t flags)
{
	ofl_gso_frag f{ g_frame, (uint32_t)sizeof(g_frame), 0 };
	static std::vector<uint8_t> out(kSegs * kHdr + kPayload);
	static uint32_t lens[kSegs];
	uint64_t segs = 0;

	for (auto _ : state) {
		int n = ofl_gso_segment(&f, 1, &g_meta, flags, out.data(),
					out.size(), lens, kSegs);
		if (n <= 0) {
			state.SkipWithError("ofl_gso_segment failed");
			break;
		}
		benchmark::ClobberMemory();
		segs += (uint64_t)n;
	}
	state.counters["segments/s"] =
		benchmark::Counter((double)segs, benchmark::Counter::kIsRate);
}

void BM_ofl_payload_sums(benchmark::State &state)
{
	const uint8_t *pay = g_frame + kHdr;
	uint64_t segs = 0;

	for (auto _ : state) {
		uint32_t acc = 0;
		for (uint32_t off = 0; off < kPayload; off += kMss) {
			uint32_t n = kPayload - off < kMss ? kPayload - off : kMss;
			acc += (uint32_t)ofl_csum_partial(pay + off, n, 0);
		}
		benchmark::DoNotOptimize(acc);
		segs += kSegs;
	}
	state.counters["segments/s"] =
		benchmark::Counter((double)segs, benchmark::Counter::kIsRate);
}

void BM_ofl_payload_sum_once(benchmark::State &state)
{
	uint64_t segs = 0;

	for (auto _ : state) {
		ofl_wsum s = ofl_csum_partial(g_frame + kHdr, kPayload, 0);
		benchmark::DoNotOptimize(s);
		segs += kSegs;
	}
	state.counters["segments/s"] =
		benchmark::Counter((double)segs, benchmark::Counter::kIsRate);
}

void BM_ofl_zerocopy_partial(benchmark::State &s)
{
	zerocopy(s, OFL_GSO_F_CSUM_PARTIAL);
}
void BM_ofl_zerocopy_complete(benchmark::State &s) { zerocopy(s, 0); }
void BM_ofl_copy_partial(benchmark::State &s)
{
	copy(s, OFL_GSO_F_CSUM_PARTIAL);
}
void BM_ofl_copy_complete(benchmark::State &s) { copy(s, 0); }

} // namespace

BENCHMARK(BM_dpdk)->Name("gso_tcp4_64000_mss1448/DPDK/rte_gso");
BENCHMARK(BM_ofl_zerocopy_partial)
	->Name("gso_tcp4_64000_mss1448/ofl/zerocopy_partial");
BENCHMARK(BM_ofl_zerocopy_complete)
	->Name("gso_tcp4_64000_mss1448/ofl/zerocopy_complete");
BENCHMARK(BM_ofl_copy_partial)->Name("gso_tcp4_64000_mss1448/ofl/copy_partial");
BENCHMARK(BM_ofl_copy_complete)
	->Name("gso_tcp4_64000_mss1448/ofl/copy_complete");
BENCHMARK(BM_ofl_payload_sums)->Name("gso_tcp4_64000_mss1448/ofl/payload_sums");
BENCHMARK(BM_ofl_payload_sum_once)
	->Name("gso_tcp4_64000_mss1448/ofl/payload_sum_once");

int main(int argc, char **argv)
{
	build_frame();
	eal_init();
	benchmark::Initialize(&argc, argv);
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	if (g_eal_ok)
		rte_eal_cleanup();
	return 0;
}
