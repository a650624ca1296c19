// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro against DPDK rte_gro_reassemble_burst (TCP/IPv4, lightweight
 * mode) on bursts of 32 frames with 1448-byte payloads: one flow in order,
 * 8 interleaved flows, 32 distinct flows. Both flush at the end of each
 * burst. Frames carry the device's checksum verdict (CHECKSUM_UNNECESSARY)
 * as on a real NIC, since DPDK never looks at checksums; BM_ofl_swcsum
 * shows the cost of software checksum validation (CHECKSUM_NONE).
 *
 * Same memory conditions on both sides: both read the SAME frame bytes, the
 * data of a ring of R bursts of mbufs (lib/gro gets rte_pktmbuf_mtod of the
 * very mbufs DPDK gets). DPDK modifies its mbufs (chains them, trims the
 * merged segments' headers, rewrites tot_len), so every R bursts, outside
 * the timed region, the ring is restored: each mbuf's metadata is reset and
 * its 64 header bytes are copied back from the template. The restore runs
 * for lib/gro too although it changes nothing, so that both sides read
 * frames last written at the same distance in the past. It also writes
 * what a driver writes just before GRO runs, for each side alike: the
 * burst's array of mbuf pointers and the mbuf fields for DPDK, the
 * burst's struct ofl_gro_frame entries for lib/gro (until 2026-12 these
 * were written once at setup, so that in the cold case lib/gro read
 * metadata that had not been written for a whole pass while DPDK's had
 * been). The mbufs lie packed as on hugepages (pool_create). Second
 * argument: R = 64 (the lines the two touch, about 450 KB, stay in the
 * 1 MB L2: the "warm" case, as right after a driver's rx_burst) or R =
 * 1024 (about 7 MB, beyond L2, within L3: "cold"). BM_restore_only times
 * an empty region with the same pauses: the timer overhead included in
 * every figure (the same for both sides, so it pulls the ratio towards 1).
 */
#include <benchmark/benchmark.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_gro.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_mbuf_pool_ops.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif
#include <offload/gro.h>
#include "../tests/gro/gro_frames.h"
#include "eal_lcore.h"

namespace {

constexpr int kBurst = 32;
constexpr int kWarmRing = 64;
constexpr int kMaxRing = 1024;
constexpr int kPay = 1448;
constexpr int kHdrCopy = 64;

struct Workload {
	alignas(64) uint8_t data[kBurst][1536];
	uint32_t len[kBurst];
	uint32_t hash[kBurst];
	int nflows;
};

Workload wl[3];
rte_mempool *pool;

/* the ring: mbufs as allocated, the array handed to DPDK (it compacts it
 * in place), and lib/gro's view of the same frames */
rte_mbuf *ring[kMaxRing][kBurst];
rte_mbuf *io[kMaxRing][kBurst];
ofl_gro_frame fr[kMaxRing][kBurst];
/* what lib/gro's frames carry (BM_ofl_swcsum: CHECKSUM_NONE) */
uint8_t fr_summed = OFL_CHECKSUM_UNNECESSARY;

/* 0: one flow; 1: 8 flows interleaved; 2: 32 flows */
void build(int w)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	int nflows = w == 0 ? 1 : w == 1 ? 8 : 32;

	wl[w].nflows = nflows;
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

/* Metadata as a driver's rx_burst plus rte_net_get_ptype leave it, and the
 * frame's headers (only they differ after DPDK ran; payload is never
 * written by either side). */
void restore(int nring, int w)
{
	for (int b = 0; b < nring; b++)
		for (int i = 0; i < kBurst; i++) {
			rte_mbuf *m = ring[b][i];

			m->next = NULL;
			m->nb_segs = 1;
			m->data_off = RTE_PKTMBUF_HEADROOM;
			m->data_len = (uint16_t)wl[w].len[i];
			m->pkt_len = wl[w].len[i];
			m->packet_type = RTE_PTYPE_L2_ETHER |
					 RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP;
			m->l2_len = 14;
			m->l3_len = 20;
			m->l4_len = 20;
			memcpy(rte_pktmbuf_mtod(m, uint8_t *), wl[w].data[i],
			       kHdrCopy);
			io[b][i] = m;
			fr[b][i].data = rte_pktmbuf_mtod(m, uint8_t *);
			fr[b][i].len = wl[w].len[i];
			fr[b][i].hash = wl[w].hash[i];
			fr[b][i].id = (uint32_t)i;
			fr[b][i].ip_summed = fr_summed;
		}
}

/* Allocate and fill the ring (whole frames once), point lib/gro at it. */
bool fill(int nring, int w)
{
	for (int b = 0; b < nring; b++) {
		if (rte_pktmbuf_alloc_bulk(pool, ring[b], kBurst))
			return false;
		for (int i = 0; i < kBurst; i++) {
			uint8_t *p = (uint8_t *)rte_pktmbuf_append(
				ring[b][i], (uint16_t)wl[w].len[i]);

			memcpy(p, wl[w].data[i], wl[w].len[i]);
			fr[b][i].data = p;
			fr[b][i].len = wl[w].len[i];
			fr[b][i].hash = wl[w].hash[i];
			fr[b][i].id = (uint32_t)i;
			fr[b][i].ip_summed = OFL_CHECKSUM_UNNECESSARY;
		}
	}
	return true;
}

/* fill() and the first restore, for a Google Benchmark run. */
bool setup(benchmark::State &st, int nring, int w)
{
	if (!fill(nring, w)) {
		st.SkipWithError("mbuf pool empty");
		return false;
	}
	restore(nring, w);
	return true;
}

void teardown(int nring, int w)
{
	restore(nring, w);	/* unchain */
	for (int b = 0; b < nring; b++)
		rte_pktmbuf_free_bulk(ring[b], kBurst);
}

rte_gro_param dpdk_param()
{
	rte_gro_param param = {};

	param.gro_types = RTE_GRO_TCP_IPV4;
	param.max_flow_num = kBurst;
	param.max_item_per_flow = kBurst;
	return param;
}

void BM_dpdk(benchmark::State &st)
{
	int w = (int)st.range(0), nring = (int)st.range(1), b;
	rte_gro_param param = dpdk_param();

	if (!setup(st, nring, w))
		return;
	/* one untimed burst: DPDK must merge each flow into one packet */
	if (rte_gro_reassemble_burst(io[0], kBurst, &param) != wl[w].nflows) {
		st.SkipWithError("DPDK did not merge as expected");
		teardown(nring, w);
		return;
	}
	restore(nring, w);
	b = 0;
	for (auto _ : st) {
		if (b == nring) {
			st.PauseTiming();
			restore(nring, w);
			b = 0;
			st.ResumeTiming();
		}
		uint16_t n = rte_gro_reassemble_burst(io[b], kBurst, &param);
		benchmark::DoNotOptimize(n);
		b++;
	}
	teardown(nring, w);
	st.SetItemsProcessed(st.iterations() * kBurst);
}

void run_ofl(benchmark::State &st, uint32_t csum)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt out[2 * kBurst + OFL_GRO_MAX_FLOWS];
	int w = (int)st.range(0), nring = (int)st.range(1), b;

	if (!setup(st, nring, w))
		return;
	fr_summed = (uint8_t)csum;
	for (int j = 0; j < nring; j++)
		for (int i = 0; i < kBurst; i++)
			fr[j][i].ip_summed = csum;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	{
		int k = ofl_gro_receive_burst(&ctx, fr[0], kBurst, out,
					      2 * kBurst);

		k += ofl_gro_flush(&ctx, out + k, OFL_GRO_MAX_FLOWS);
		if (k != wl[w].nflows) {
			st.SkipWithError("lib/gro did not merge as expected");
			teardown(nring, w);
			return;
		}
	}
	b = 0;
	for (auto _ : st) {
		if (b == nring) {
			st.PauseTiming();
			restore(nring, w);
			b = 0;
			st.ResumeTiming();
		}
		int k = ofl_gro_receive_burst(&ctx, fr[b], kBurst, out,
					      2 * kBurst);

		k += ofl_gro_flush(&ctx, out + k, OFL_GRO_MAX_FLOWS);
		benchmark::DoNotOptimize(k);
		benchmark::ClobberMemory();
		b++;
	}
	teardown(nring, w);
	st.SetItemsProcessed(st.iterations() * kBurst);
}

void BM_ofl(benchmark::State &st)
{
	run_ofl(st, OFL_CHECKSUM_UNNECESSARY);
}

void BM_ofl_swcsum(benchmark::State &st)
{
	run_ofl(st, OFL_CHECKSUM_NONE);
}

/* The same loop with nothing in the timed region. */
void BM_restore_only(benchmark::State &st)
{
	int w = (int)st.range(0), nring = (int)st.range(1), b = 0;

	if (!setup(st, nring, w))
		return;
	for (auto _ : st) {
		if (b == nring) {
			st.PauseTiming();
			restore(nring, w);
			b = 0;
			st.ResumeTiming();
		}
		benchmark::DoNotOptimize(b);
		b++;
	}
	teardown(nring, w);
}

void args(benchmark::internal::Benchmark *bm)
{
	for (int r : { kWarmRing, kMaxRing })
		for (int w = 0; w < 3; w++)
			bm->Args({ w, r });
}

/*
 * Instruction counts: `bench_gro --count SIDE W N [R]` runs N bursts of
 * workload W through one side (0 DPDK, 1 lib/gro) without Google
 * Benchmark, on a ring of R bursts (default 64, the warm ring), for
 *   valgrind --tool=callgrind --toggle-collect=rte_gro_reassemble_burst
 *   --toggle-collect=ofl_gro_receive_burst --toggle-collect=ofl_gro_flush
 * (Ir of the run / (N * 32) = instructions per frame); with R = 1024 and
 * --cache-sim=yes (LL set to the L2's size) the misses per frame of the
 * cold ring.
 */
int count(int side, int w, long n, int nring)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt out[2 * kBurst + OFL_GRO_MAX_FLOWS];
	rte_gro_param param = dpdk_param();

	long total = 0;

	if (!fill(nring, w))
		return 1;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	for (long j = 0; j < n; j++) {
		int b = (int)(j % nring);

		if (!b)
			restore(nring, w);
		if (side == 0) {
			total += rte_gro_reassemble_burst(io[b], kBurst,
							  &param);
		} else {
			int k = ofl_gro_receive_burst(&ctx, fr[b], kBurst,
						      out, 2 * kBurst);

			total += k + ofl_gro_flush(&ctx, out + k,
						   OFL_GRO_MAX_FLOWS);
		}
	}
	teardown(nring, w);
	printf("%s workload %d: %ld bursts, %ld deliveries\n",
	       side ? "lib/gro" : "DPDK", w, n, total);
	return total != n * wl[w].nflows;
}

/*
 * `bench_gro --tsc ROUNDS`: a load-robust cross-check. For each workload
 * and ring size, ROUNDS rounds each restore the ring and time one pass over
 * it (R bursts) with the TSC, DPDK then lib/gro or the reverse (alternating),
 * so that both sides see the same machine load in the same instants. The
 * minimum and median ns/burst of each side and the ratio of medians are
 * printed. A third set of rows, ring "1024 dram", is the cold ring with
 * the frames' first two lines flushed from every cache after each restore
 * (x86 only): the frame bytes come from memory, as a NIC's DMA leaves them
 * on a host without DDIO (AMD), while what the driver wrote (metadata,
 * ofl_gro_frame entries) stays as the restore left it; printed with one
 * more field than the other rows.
 */
int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

uint64_t pass(int side, int nring, rte_gro_param *param,
	      struct ofl_gro_ctx *ctx, struct ofl_gro_pkt *out, long *total)
{
	uint64_t t0 = rte_rdtsc_precise(), t1;

	for (int b = 0; b < nring; b++) {
		if (side == 0) {
			*total += rte_gro_reassemble_burst(io[b], kBurst,
							   param);
		} else {
			int k = ofl_gro_receive_burst(ctx, fr[b], kBurst, out,
						      2 * kBurst);

			*total += k + ofl_gro_flush(ctx, out + k,
						    OFL_GRO_MAX_FLOWS);
		}
	}
	t1 = rte_rdtsc_precise();
	return t1 - t0;
}

/* The first two lines of every frame of the ring out of every cache. */
void evict(int nring)
{
#if defined(__x86_64__)
	for (int b = 0; b < nring; b++)
		for (int i = 0; i < kBurst; i++) {
			const uint8_t *p = rte_pktmbuf_mtod(ring[b][i],
							    const uint8_t *);

			_mm_clflush(p);
			_mm_clflush(p + 64);
		}
	_mm_mfence();
#else
	(void)nring;
#endif
}

int tsc(long rounds)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt out[2 * kBurst + OFL_GRO_MAX_FLOWS];
	static uint64_t t[2][4096];
	rte_gro_param param = dpdk_param();
	double ns = 1e9 / (double)rte_get_tsc_hz();
	int bad = 0;

	if (rounds > 4096)
		rounds = 4096;
	printf("workload ring  DPDK min/median  lib/gro min/median  "
	       "ratio of medians (ns/burst)\n");
	for (int nring : { kWarmRing, kMaxRing, -kMaxRing }) {
		bool dram = nring < 0;

		nring = dram ? -nring : nring;
#if !defined(__x86_64__)
		if (dram)
			break;
#endif
		for (int w = 0; w < 3; w++) {
			long total[2] = { 0, 0 };

			if (!fill(nring, w))
				return 1;
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			for (long r = 0; r < rounds; r++) {
				for (int k = 0; k < 2; k++) {
					int side = (int)((r + k) & 1);

					restore(nring, w);
					if (dram)
						evict(nring);
					t[side][r] = pass(side, nring, &param,
							  &ctx, out,
							  &total[side]);
				}
			}
			teardown(nring, w);
			for (int side = 0; side < 2; side++) {
				qsort(t[side], (size_t)rounds, sizeof(t[0][0]),
				      cmp_u64);
				if (total[side] != rounds * nring *
						   wl[w].nflows)
					bad = 1;
			}
			double d0 = (double)t[0][0] * ns / nring,
			       dm = (double)t[0][rounds / 2] * ns / nring,
			       o0 = (double)t[1][0] * ns / nring,
			       om = (double)t[1][rounds / 2] * ns / nring;
			printf("%8d %5d%s %7.0f /%7.0f  %7.0f /%7.0f  %5.2fx\n",
			       w, nring, dram ? " dram" : "", d0, dm, o0, om,
			       dm / om);
		}
	}
	return bad;
}

/*
 * Big frames (issue 15), lib/gro only (DPDK's GRO stops at 64 KiB): one
 * flow in order, CHECKSUM_UNNECESSARY, one burst then a flush per
 * iteration, frames warm in cache. Arg 0: 32 x 8000-byte payloads with
 * gro_max_size 262144 (BIG TCP: one 256054-byte frame, tot_len 0);
 * 1: the same frames with the default 65536 (4 frames of 8); 2: 128 x
 * 1448 with gro_max_size 262144 and a slice pool (one frame of 128
 * segments, 64 of them from the pool).
 */
void BM_ofl_big(benchmark::State &st)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	static uint8_t data[128][8192];
	static ofl_gro_frame f[128];
	static ofl_gro_pkt out[2 * 128 + OFL_GRO_MAX_FLOWS];
	static uint64_t cbuf[(OFL_GRO_CTX_BYTES(4096) + 7) / 8];
	ofl_gro_ctx *ctx = (ofl_gro_ctx *)(void *)cbuf;
	int a = (int)st.range(0), n = a == 2 ? 128 : 32;
	int pay = a == 2 ? 1448 : 8000;
	ofl_gro_opts o = {};
	long outs = 0;

	for (int i = 0; i < n; i++) {
		struct tseg s;

		tseg_init(&s, 0);
		s.seq = 1000u + (uint32_t)(i * pay);
		s.paylen = pay;
		s.ipid = (uint16_t)(100 + i);
		f[i].data = data[i];
		f[i].len = (uint32_t)tseg_build(&s, data[i], dm);
		f[i].hash = 7;
		f[i].id = (uint32_t)i;
		f[i].ip_summed = OFL_CHECKSUM_UNNECESSARY;
	}
	o.sz = sizeof(o);
	o.gro_max_size = o.gro_ipv4_max_size = a == 1 ? 0 : 262144;
	o.pool_segs = 4096;
	if (ofl_gro_init(ctx, OFL_GRO_CTX_BYTES(4096), &o)) {
		st.SkipWithError("ofl_gro_init");
		return;
	}
	for (auto _ : st) {
		int k = ofl_gro_receive_burst(ctx, f, (unsigned)n, out,
					      2 * 128);

		k += ofl_gro_flush(ctx, out + k, OFL_GRO_MAX_FLOWS);
		outs += k;
		benchmark::DoNotOptimize(out[0].len);
	}
	st.counters["frames/burst"] = n;
	st.counters["out/burst"] =
		benchmark::Counter((double)outs / (double)st.iterations());
	st.SetItemsProcessed(st.iterations() * n);
}

} // namespace

BENCHMARK(BM_ofl_big)->Arg(0)->Arg(1)->Arg(2);
BENCHMARK(BM_dpdk)->Apply(args);
BENCHMARK(BM_ofl)->Apply(args);
BENCHMARK(BM_ofl_swcsum)
	->Args({ 0, kWarmRing })
	->Args({ 1, kWarmRing })
	->Args({ 2, kWarmRing });
/* fixed iterations: with nothing timed, an automatic count would restore
 * the ring millions of times */
BENCHMARK(BM_restore_only)
	->Args({ 0, kWarmRing })
	->Args({ 0, kMaxRing })
	->Iterations(1 << 21);

/*
 * The mbuf pool as DPDK lays it out on hugepages: objects packed one after
 * the other (2368 bytes apart) in one virtually contiguous area, asked to
 * be backed by 2 MB pages (transparent huge pages; without them the layout
 * is the same, on 4 KB pages). rte_pktmbuf_pool_create() under --no-huge
 * puts each mbuf on a 4 KB page of its own instead (it keeps objects from
 * crossing pages), so that every field of every mbuf, and the frame data,
 * sits at the same page offset: set-associative caches then hold only a
 * few hundred mbufs' worth of each line, and the "warm" ring did not fit
 * L2 nor the "cold" one L3. The IOVA is left unset (no device here).
 */
static rte_mempool *pool_create(unsigned n)
{
	const unsigned elt = (unsigned)sizeof(rte_mbuf) +
			     RTE_MBUF_DEFAULT_BUF_SIZE;
	const size_t huge = (size_t)2 << 20;
	rte_pktmbuf_pool_private priv = {};
	rte_mempool *mp;
	size_t len;
	uint8_t *m;

	mp = rte_mempool_create_empty("gro", n, elt, 256, sizeof(priv),
				      SOCKET_ID_ANY,
				      RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	if (!mp)
		return NULL;
	if (rte_mempool_set_ops_byname(mp, rte_mbuf_best_mempool_ops(),
				       NULL))
		return NULL;
	priv.mbuf_data_room_size = RTE_MBUF_DEFAULT_BUF_SIZE;
	rte_pktmbuf_pool_init(mp, &priv);
	len = (size_t)rte_mempool_calc_obj_size(
		      elt, RTE_MEMPOOL_F_NO_IOVA_CONTIG, NULL) * n;
	len = (len + huge - 1) & ~(huge - 1);
	m = (uint8_t *)mmap(NULL, len + huge, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	m = (uint8_t *)(((uintptr_t)m + huge - 1) & ~(uintptr_t)(huge - 1));
	(void)madvise(m, len, MADV_HUGEPAGE);
	if (rte_mempool_populate_iova(mp, (char *)m, RTE_BAD_IOVA, len, NULL,
				      NULL) < (int)n)
		return NULL;
	rte_mempool_obj_iter(mp, rte_pktmbuf_init, NULL);
	return mp;
}

int main(int argc, char **argv)
{
	char a0[] = "bench_gro", a1[] = "--no-huge", a2[] = "--no-pci",
	     a3[] = "-m", a4[] = "512", a5[] = "--no-shconf",
	     a6[] = "--no-telemetry", a7[] = "-l", a8[16],
	     a9[] = "--log-level=3";
	char *eal[] = { a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 };

	ofl_bench_lcore(a8, sizeof(a8));

	if (rte_eal_init(10, eal) < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 1;
	}
	pool = pool_create(kMaxRing * kBurst + 1024);
	if (!pool) {
		fprintf(stderr, "mbuf pool failed\n");
		return 1;
	}
	for (int w = 0; w < 3; w++)
		build(w);
	if ((argc == 5 || argc == 6) && !strcmp(argv[1], "--count")) {
		int nring = argc == 6 ? atoi(argv[5]) : kWarmRing;
		int r = nring < 1 || nring > kMaxRing ? 2 :
			count(atoi(argv[2]), atoi(argv[3]), atol(argv[4]),
			      nring);

		rte_eal_cleanup();
		return r;
	}
	if (argc == 3 && !strcmp(argv[1], "--tsc")) {
		int r = tsc(atol(argv[2]));

		rte_eal_cleanup();
		return r;
	}
	benchmark::Initialize(&argc, argv);
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	rte_eal_cleanup();
	return 0;
}
