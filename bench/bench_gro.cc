// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro against DPDK rte_gro_reassemble_burst (TCP/IPv4, lightweight
 * mode) on bursts of 32 frames with 1448-byte payloads: one flow in order,
 * 8 interleaved flows, 32 distinct flows. Both flush at the end of each
 * burst. Frames carry the device's checksum verdict (CHECKSUM_UNNECESSARY)
 * as on a real NIC, since DPDK never looks at checksums; BM_ofl_swcsum
 * shows the cost of software checksum validation (CHECKSUM_NONE).
 * DPDK modifies its mbufs, so they are refilled from templates outside the
 * timed region every 256 bursts; lib/gro only reads the frames.
 */
#include <benchmark/benchmark.h>
#include <rte_eal.h>
#include <rte_gro.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <cstdio>
#include <cstring>
#include <offload/gro.h>
#include "../tests/gro/gro_frames.h"

namespace {

constexpr int kBurst = 32;
constexpr int kBursts = 256;
constexpr int kPay = 1448;

struct Workload {
	alignas(64) uint8_t data[kBurst][1536];
	uint32_t len[kBurst];
	uint32_t hash[kBurst];
};

Workload wl[3];
rte_mempool *pool;

/* 0: one flow; 1: 8 flows interleaved; 2: 32 flows */
void build(int w)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	int nflows = w == 0 ? 1 : w == 1 ? 8 : 32;

	for (int i = 0; i < kBurst; i++) {
		struct tseg s;
		int fl = i % nflows, n = i / nflows;

		tseg_init(&s, 0);
		s.sport = (uint16_t)(40000 + fl);
		s.seq = 1000u + (uint32_t)(n * kPay);
		s.paylen = kPay;
		s.ipid = (uint16_t)(100 + n);
		wl[w].len[i] = (uint32_t)tseg_build(&s, wl[w].data[i], dm);
		/* the NIC's RSS hash: any per-flow value */
		wl[w].hash[i] = (uint32_t)fl * 0x9e3779b1u;
	}
}

void fill(rte_mbuf **m, int w)
{
	for (int i = 0; i < kBurst; i++) {
		char *p = rte_pktmbuf_append(m[i], (uint16_t)wl[w].len[i]);

		memcpy(p, wl[w].data[i], wl[w].len[i]);
		m[i]->packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 |
				    RTE_PTYPE_L4_TCP;
		m[i]->l2_len = 14;
		m[i]->l3_len = 20;
		m[i]->l4_len = 20;
	}
}

void BM_dpdk(benchmark::State &st)
{
	static rte_mbuf *m[kBursts][kBurst];
	static uint16_t nout[kBursts];
	int w = (int)st.range(0), b = kBursts;
	rte_gro_param param = {};

	/* every run starts and ends with all mbufs back in the pool */
	for (int j = 0; j < kBursts; j++)
		nout[j] = 0;

	param.gro_types = RTE_GRO_TCP_IPV4;
	param.max_flow_num = kBurst;
	param.max_item_per_flow = kBurst;
	for (auto _ : st) {
		if (b == kBursts) {
			st.PauseTiming();
			for (int j = 0; j < kBursts; j++) {
				if (nout[j])
					rte_pktmbuf_free_bulk(m[j], nout[j]);
				if (rte_pktmbuf_alloc_bulk(pool, m[j], kBurst))
					st.SkipWithError("mbuf pool empty");
				fill(m[j], w);
				nout[j] = 0;
			}
			b = 0;
			st.ResumeTiming();
		}
		nout[b] = rte_gro_reassemble_burst(m[b], kBurst, &param);
		benchmark::DoNotOptimize(nout[b]);
		b++;
	}
	for (int j = 0; j < kBursts; j++) {
		if (j < b)
			rte_pktmbuf_free_bulk(m[j], nout[j]);
		else
			rte_pktmbuf_free_bulk(m[j], kBurst);
		nout[j] = 0;
	}
	st.SetItemsProcessed(st.iterations() * kBurst);
}

void run_ofl(benchmark::State &st, uint32_t csum)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt out[2 * kBurst + OFL_GRO_MAX_FLOWS];
	struct ofl_gro_frame f[kBurst];
	int w = (int)st.range(0);

	ofl_gro_init(&ctx, NULL);
	for (int i = 0; i < kBurst; i++) {
		f[i].data = wl[w].data[i];
		f[i].len = wl[w].len[i];
		f[i].hash = wl[w].hash[i];
		f[i].id = (uint32_t)i;
		f[i].csum = csum;
	}
	for (auto _ : st) {
		int k = ofl_gro_receive_burst(&ctx, f, kBurst, out,
					      2 * kBurst);

		k += ofl_gro_flush(&ctx, out + k, OFL_GRO_MAX_FLOWS);
		benchmark::DoNotOptimize(k);
		benchmark::ClobberMemory();
	}
	st.SetItemsProcessed(st.iterations() * kBurst);
}

void BM_ofl(benchmark::State &st)
{
	run_ofl(st, OFL_GRO_CSUM_UNNECESSARY);
}

void BM_ofl_swcsum(benchmark::State &st)
{
	run_ofl(st, OFL_GRO_CSUM_NONE);
}

} // namespace

BENCHMARK(BM_dpdk)->Arg(0)->Arg(1)->Arg(2);
BENCHMARK(BM_ofl)->Arg(0)->Arg(1)->Arg(2);
BENCHMARK(BM_ofl_swcsum)->Arg(0)->Arg(1)->Arg(2);

int main(int argc, char **argv)
{
	char a0[] = "bench_gro", a1[] = "--no-huge", a2[] = "--no-pci",
	     a3[] = "-m", a4[] = "512", a5[] = "--no-shconf",
	     a6[] = "--no-telemetry", a7[] = "-l", a8[] = "0",
	     a9[] = "--log-level=3";
	char *eal[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 };

	if (rte_eal_init(10, eal) < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	pool = rte_pktmbuf_pool_create("gro", kBursts * kBurst + 1024, 256, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE,
				       SOCKET_ID_ANY);
	if (!pool) {
		fprintf(stderr, "mbuf pool failed\n");
		return 1;
	}
	for (int w = 0; w < 3; w++)
		build(w);
	benchmark::Initialize(&argc, argv);
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	rte_eal_cleanup();
	return 0;
}
