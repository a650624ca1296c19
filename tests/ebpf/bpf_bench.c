// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Each module in BPF against the same native code, per frame, in one run
 * (issue 18, docs/PERFORMANCE.md "BPF against native"). Not a test: it
 * times, and times are never asserted. It checks first that the BPF
 * program and the native code give the same result on each frame (exit 1
 * if not), then prints, per program and frame:
 *
 *   name  bytes  bpf_ns  native_ns  ratio  verifier_insns
 *
 * bpf_ns: BPF_PROG_TEST_RUN with repeat R (JIT as the machine has it,
 * /proc/sys/net/core/bpf_jit_enable), the kernel's average per repeat;
 * native_ns: the same calls in a loop of R, per call, in thread CPU time
 * (CLOCK_THREAD_CPUTIME_ID: the kernel times its repeats with preemption
 * off, so wall time here would count other processes on a shared core).
 * Each the median of 3 runs, BPF and native runs interleaved. The BPF
 * figure includes the test-run harness itself: the "empty" row (an XDP
 * program that returns at once) is that floor.
 *
 * net: the module's own share, (bpf_ns - floor) / (native_ns - floor'),
 * where the floor is what both sides spend outside the module: the empty
 * program's bpf_ns on the BPF side (nothing natively), and for "gro
 * receive" the "gro frame copy only" row on each side (both copy the frame
 * into the state before ofl_gro_receive: the kernel's memcpy behind
 * bpf_xdp_load_bytes against glibc's, neither of them ofl's code).
 *
 * usage: bpf_bench BUILD_DIR [repeat [only]]   (objects from the tests
 * build; only: csum, parser, rss, gso or gro, that module's rows alone,
 * e.g. under perf record)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <offload/csum.h>
#include <offload/parser.h>
#include <offload/rss.h>
#include <offload/gso.h>
#include <offload/gro.h>
#include "bpf_run.h"
#include "csum/internal.h"	/* ofl__csum_partial_carry */

static unsigned int R = 100000;
static const char *g_build;
static const char *g_only;

static int want(const char *what)
{
	return !g_only || !strcmp(g_only, what);
}

/* ---- frames: Ethernet + IPv4 + TCP (timestamps), @pay payload bytes ---- */
#define HDR (14 + 20 + 32)

static size_t tcp4(uint8_t *p, size_t pay, uint32_t seq)
{
	static const uint8_t mac[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
	static const uint8_t addr[8] = { 198, 18, 0, 1, 198, 19, 0, 2 };
	uint8_t *ip = p + 14, *th = ip + 20;
	uint32_t tot = (uint32_t)(20 + 32 + pay);
	size_t i;

	memset(p, 0, HDR);
	memcpy(p, mac, 12);
	p[12] = 0x08;
	ip[0] = 0x45;
	ip[2] = (uint8_t)(tot >> 8);
	ip[3] = (uint8_t)tot;
	ip[4] = 0x12;
	ip[6] = 0x40;
	ip[8] = 64;
	ip[9] = 6;
	memcpy(ip + 12, addr, 8);
	ip[10] = 0;
	ip[11] = 0;
	{
		ofl_sum16 c = ofl_csum_fold(ofl_csum_partial(ip, 20, 0));

		memcpy(ip + 10, &c, 2);
	}
	th[0] = 0x9c; th[1] = 0x40; th[2] = 0; th[3] = 80;
	th[4] = (uint8_t)(seq >> 24); th[5] = (uint8_t)(seq >> 16);
	th[6] = (uint8_t)(seq >> 8); th[7] = (uint8_t)seq;
	th[12] = 8 << 4; th[13] = 0x10; th[14] = 0xff;
	th[20] = 1; th[21] = 1; th[22] = 8; th[23] = 10;
	for (i = 0; i < pay; i++)
		p[HDR + i] = (uint8_t)(i * 31 + 7);
	return HDR + pay;
}

/* ---- timing ---- */
static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static double med3(double a, double b, double c)
{
	if (a > b) { double t = a; a = b; b = t; }
	if (b > c) { double t = b; b = c; c = t; }
	if (a > b) { double t = a; a = b; b = t; }
	return b;
}

/* average ns per repeat of program @fd on @in */
static double bpf_ns(int fd, const void *in, size_t len)
{
	static uint8_t out[4096];
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = in,
		    .data_size_in = (__u32)len, .data_out = out,
		    .data_size_out = sizeof(out), .repeat = R);

	if (bpf_prog_test_run_opts(fd, &o)) {
		perror("BPF_PROG_TEST_RUN");
		exit(1);
	}
	return (double)o.duration;
}

typedef void (*native_fn)(const uint8_t *in, size_t len);

static double native_ns(native_fn fn, const uint8_t *in, size_t len)
{
	double t0 = now_ns();
	unsigned int i;

	for (i = 0; i < R; i++)
		fn(in, len);
	return (now_ns() - t0) / R;
}

/* the floors of the net column (above): the harness, the frame copy */
static double g_empty_b, g_copy_b, g_copy_n;

/* one row; @fb, @fn_: the floors of its net column; returns bpf_ns and
 * leaves native_ns in *@nm_out (if not NULL) */
static double row_net(const char *name, long insns, int fd, native_fn fn,
		      const uint8_t *in, size_t len, double fb, double fn_,
		      double *nm_out)
{
	double bt[3], nt[3], bm, nm, net;
	int k;

	for (k = 0; k < 3; k++) {
		bt[k] = bpf_ns(fd, in, len);
		nt[k] = fn ? native_ns(fn, in, len) : 0;
	}
	bm = med3(bt[0], bt[1], bt[2]);
	nm = med3(nt[0], nt[1], nt[2]);
	net = nm - fn_ > 0 && bm - fb > 0 ? (bm - fb) / (nm - fn_) : 0.0;
	printf("%-22s %6zu %9.1f %9.1f %6.2f %6.2f %8ld\n", name, len, bm,
	       nm, nm > 0 ? bm / nm : 0.0, net, insns);
	fflush(stdout);
	if (nm_out)
		*nm_out = nm;
	return bm;
}

static void row(const char *name, long insns, int fd,
		native_fn fn, const uint8_t *in, size_t len)
{
	row_net(name, insns, fd, fn, in, len, g_empty_b, 0, NULL);
}

static void load(struct ofl_bpf *b, const char *rel)
{
	char path[4096];
	int err;

	snprintf(path, sizeof(path), "%s/%s", g_build, rel);
	err = ofl_bpf_load(b, path);
	if (err) {
		fprintf(stderr, "%s: load failed (%d)%s\n", path, err,
			ofl_bpf_refused(err) ? ": BPF refused here" : "");
		exit(ofl_bpf_refused(err) ? OFL_TEST_SKIP : 1);
	}
}

static void same(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "%s: BPF and native differ\n", what);
		exit(1);
	}
}

/* ---- csum: tests/ebpf/csum_span.bpf.c ---- */
static uint8_t scratch[4096];

static void n_csum(const uint8_t *in, size_t len)
{
	ofl_sum16 s = ofl_csum_fold(ofl_csum_span(in, in + len, 0));

	/* the program writes it into the frame */
	memcpy(scratch, &s, 2);
	__asm__ volatile("" : : "r"(scratch) : "memory");
}

/* the same with the scalar 64-bit carry loop (what s390x and the kernel
 * module run; x86-64 without AVX2 runs the SSE2 hybrid since 2026-12-07):
 * a machine without vectors, like BPF */
static void n_csum_scalar(const uint8_t *in, size_t len)
{
	ofl_sum16 s = ofl_csum_fold(ofl__csum_partial_carry(in, len, 0));

	memcpy(scratch, &s, 2);
	__asm__ volatile("" : : "r"(scratch) : "memory");
}

/* ---- parser: tests/parser/parse.bpf.c (built-in port table) ---- */
static struct ofl_parse_result pres;

static void n_parse(const uint8_t *in, size_t len)
{
	int ret, i;

	ret = ofl_parse_begin(in, in + len, OFL_PROTO_ETH, &pres,
			      sizeof(pres));
	if (!ret) {
		ret = OFL_ELOOP;
		for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
			ret = ofl_parse_step(in, in + len, &pres,
					     sizeof(pres));
			if (ret <= 0)
				break;
		}
	}
	ofl_parse_finish(&pres, ret, sizeof(pres));
	__asm__ volatile("" : : "r"(&pres) : "memory");
}

/* ---- rss: tests/rss/rss_xdp.bpf.c (parse, flow, Toeplitz, queue) ---- */
struct rss_cfg {
	uint32_t types;
	uint32_t xfrm;
};
struct rss_out {
	uint32_t hash;
	uint32_t queue;
	int32_t type;
	uint32_t runs;
};
static struct ofl_rss rctx;
static struct ofl_rss_reta rreta;
static struct rss_out rout;

static void n_rss(const uint8_t *in, size_t len)
{
	struct ofl_rss_flow f;
	int t;

	n_parse(in, len);
	ofl_rss_flow_from_parse(&pres, sizeof(pres), NULL, NULL,
				OFL_RSS_LEVEL_OUTER, &f);
	rout.hash = ofl_rss_hash_flow(&rctx, &f, OFL_RSS_HASH_DEFAULT, 0, &t);
	rout.type = t;
	rout.queue = ofl_rss_reta_queue(&rreta, rout.hash);
	rout.runs++;
	__asm__ volatile("" : : "r"(&rout) : "memory");
}

/* ---- gso: tests/gso/gso_fixup.bpf.c ([meta][fix][headers], in place) ---- */
#define GPRE (sizeof(struct ofl_gso_meta) + sizeof(struct ofl_gso_fix))
static uint8_t gbuf[GPRE + OFL_GSO_MAX_HDR];

static void n_gso(const uint8_t *in, size_t len)
{
	struct ofl_gso_meta m;
	struct ofl_gso_fix f;
	int32_t err;

	(void)in;
	memcpy(&m, gbuf, sizeof(m));
	memcpy(&f, gbuf + sizeof(m), sizeof(f));
	err = ofl_gso_fixup(gbuf + GPRE, gbuf + len, &m, &f);
	memcpy(gbuf, &err, sizeof(err));
	__asm__ volatile("" : : "r"(gbuf) : "memory");
}

/* ---- gro: tests/gro/gro_rx.bpf.c (frame copied into the state first) ---- */
/* the map value of gro_rx.bpf.c, member for member (the map's value size:
 * a shorter struct here would be read and written past its end) */
struct gro_state {
	struct ofl_gro_ctx ctx;
	struct ofl_gro_pkt out[2];
	uint32_t nout;
	int32_t ret;
	uint32_t hash;
	uint32_t id;
	uint8_t buf[OFL_GRO_BPF_BUF];
	uint32_t now;
	uint32_t min_age;
	int32_t fret;
	uint32_t csum_none;	/* 1: frames carry CHECKSUM_NONE */
	struct ofl_gro_pkt fout[OFL_GRO_MAX_FLOWS];
};
static struct gro_state gst, gbpf;

static void n_gro(const uint8_t *in, size_t len)
{
	struct ofl_gro_frame f;
	unsigned int nout = 0;

	memcpy(gst.buf, in, len);
	f.data = gst.buf;
	f.len = (uint32_t)len;
	f.hash = gst.hash;
	f.id = gst.id;
	f.ip_summed = OFL_CHECKSUM_UNNECESSARY;
	f.csum = 0;
	f.csum_start = 0;
	f.vlan_proto = 0;
	f.vlan_tci = 0;
	f.reserved = 0;
	ofl_gro_clock(&gst.ctx, gst.now);
	gst.ret = ofl_gro_receive(&gst.ctx, &f, gst.out, &nout);
	gst.nout = nout;
	__asm__ volatile("" : : "r"(&gst) : "memory");
}

/* the frame copy alone (bench_empty.bpf.c xdp_gro_copy) */
static void n_gro_copy(const uint8_t *in, size_t len)
{
	memcpy(gst.buf, in, len);
	__asm__ volatile("" : : "r"(&gst) : "memory");
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	static uint8_t fr[4096], out[4096];
	static const size_t sizes[] = { HDR, 1500, 3400 };
	uint32_t k = 0, ret;
	size_t len, olen, i;
	int fd;

	if (argc < 2) {
		fprintf(stderr, "usage: %s BUILD_DIR [repeat]\n", argv[0]);
		return 2;
	}
	g_build = argv[1];
	if (argc > 2)
		R = (unsigned int)strtoul(argv[2], NULL, 10);
	if (argc > 3)
		g_only = argv[3];
	printf("%-22s %6s %9s %9s %6s %6s %8s\n", "program", "bytes",
	       "bpf_ns", "native_ns", "ratio", "net", "insns");

	load(&b, "tests/ebpf/bench_empty.o");
	fd = ofl_bpf_prog_fd(&b, "xdp_empty");
	len = tcp4(fr, 1500 - HDR, 1);
	g_empty_b = row_net("empty (harness)",
			    ofl_bpf_prog_insns(&b, "xdp_empty"), fd, NULL, fr,
			    len, 0, 0, NULL);
	if (want("gro")) {
		fd = ofl_bpf_prog_fd(&b, "xdp_gro_copy");
		len = tcp4(fr, 1448, 1);
		g_copy_b = row_net("gro frame copy only",
				   ofl_bpf_prog_insns(&b, "xdp_gro_copy"), fd,
				   n_gro_copy, fr, len, g_empty_b, 0,
				   &g_copy_n);
	}
	ofl_bpf_close(&b);

	if (want("csum")) {
		load(&b, "tests/ebpf/csum_span_bpf.o");
		fd = ofl_bpf_prog_fd(&b, "csum_span");
		for (i = 0; i < 3; i++) {
			len = tcp4(fr, sizes[i] - HDR, 1);
			olen = sizeof(out);
			n_csum(fr, len);
			same(!ofl_bpf_run(fd, fr, len, out, &olen, &ret) &&
			     !memcmp(out, scratch, 2), "csum");
			row("csum span", ofl_bpf_prog_insns(&b, "csum_span"), fd,
			    n_csum, fr, len);
			row("csum span vs scalar",
			    ofl_bpf_prog_insns(&b, "csum_span"), fd,
			    n_csum_scalar, fr, len);
		}
		ofl_bpf_close(&b);
	}

	if (want("parser")) {
		struct ofl_parse_result br;

		load(&b, "tests/parser/parse_bpf.o");
		fd = ofl_bpf_prog_fd(&b, "parse");
		len = tcp4(fr, 1500 - HDR, 1);
		n_parse(fr, len);
		same(!ofl_bpf_run(fd, fr, len, NULL, NULL, &ret) &&
		     !bpf_map_lookup_elem(ofl_bpf_map_fd(&b, "result"), &k,
					  &br) &&
		     !memcmp(&br, &pres, sizeof(br)), "parser");
		row("parser (eth/ipv4/tcp)", ofl_bpf_prog_insns(&b, "parse"), fd,
		    n_parse, fr, len);
		ofl_bpf_close(&b);
	}

	if (want("rss")) {
		struct rss_cfg cfg = { OFL_RSS_HASH_DEFAULT, 0 };
		struct rss_out bo;
		uint8_t key[40];

		load(&b, "tests/rss/rss_xdp_bpf.o");
		fd = ofl_bpf_prog_fd(&b, "rss_xdp");
		ofl_rss_key_microsoft(key);
		if (ofl_rss_init(&rctx, sizeof(rctx), key, 40) ||
		    ofl_rss_reta_init(&rreta, 128, 6) ||
		    bpf_map_update_elem(ofl_bpf_map_fd(&b, "rss_ctx"), &k,
					&rctx, BPF_ANY) ||
		    bpf_map_update_elem(ofl_bpf_map_fd(&b, "rss_reta"), &k,
					&rreta, BPF_ANY) ||
		    bpf_map_update_elem(ofl_bpf_map_fd(&b, "rss_cfg"), &k,
					&cfg, BPF_ANY)) {
			fprintf(stderr, "rss map setup failed\n");
			return 1;
		}
		n_rss(fr, len);
		same(!ofl_bpf_run(fd, fr, len, NULL, NULL, &ret) &&
		     !bpf_map_lookup_elem(ofl_bpf_map_fd(&b, "rss_out"), &k,
					  &bo) &&
		     bo.hash == rout.hash && bo.queue == rout.queue, "rss");
		row("parser + rss", ofl_bpf_prog_insns(&b, "rss_xdp"), fd, n_rss,
		    fr, len);
		ofl_bpf_close(&b);
	}

	if (want("gso")) {
		static uint8_t sup[HDR + 64000];
		struct ofl_gso_meta m;
		struct ofl_gso_fix f;
		int fl;

		load(&b, "tests/gso/gso_fixup_bpf.o");
		fd = ofl_bpf_prog_fd(&b, "gso_fixup");
		tcp4(sup, 64000, 1);
		if (ofl_gso_meta_from_frame(sup, sizeof(sup), 1448, &m)) {
			fprintf(stderr, "gso meta failed\n");
			return 1;
		}
		for (fl = 0; fl < 2; fl++) {
			memset(&f, 0, sizeof(f));
			f.payload_off = 1448 * 3;
			f.payload_len = 1448;
			f.total_len = 64000;
			f.id_delta = 3;
			f.gso_segs = 1;
			f.flags = fl ? OFL_GSO_F_CSUM_PARTIAL : 0;
			f.payload_sum = ofl_csum_partial(sup + HDR + 1448 * 3,
							 1448, 0);
			memcpy(fr, &m, sizeof(m));
			memcpy(fr + sizeof(m), &f, sizeof(f));
			memcpy(fr + GPRE, sup, m.hdr_len);
			len = GPRE + m.hdr_len;
			memcpy(gbuf, fr, len);
			n_gso(fr, len);
			olen = sizeof(out);
			same(!ofl_bpf_run(fd, fr, len, out, &olen, &ret) &&
			     !memcmp(out, gbuf, len), "gso fixup");
			memcpy(gbuf, fr, len);
			row(fl ? "gso fixup (partial)" :
				 "gso fixup (complete)",
			    ofl_bpf_prog_insns(&b, "gso_fixup"), fd, n_gso,
			    fr, len);
		}
		ofl_bpf_close(&b);
	}

	if (want("gro")) {
		int mfd;
		struct bpf_map_info mi;
		__u32 mil = sizeof(mi);

		load(&b, "tests/gro/gro_rx_bpf.o");
		fd = ofl_bpf_prog_fd(&b, "gro_rx");
		mfd = ofl_bpf_map_fd(&b, "state");
		memset(&mi, 0, sizeof(mi));
		if (bpf_obj_get_info_by_fd(mfd, &mi, &mil) ||
		    mi.value_size != sizeof(struct gro_state)) {
			fprintf(stderr, "gro: map value %u bytes, struct "
				"gro_state here %zu\n", mi.value_size,
				sizeof(struct gro_state));
			return 1;
		}

		len = tcp4(fr, 1448, 1);
		/* the same segment again and again: the first is held, each
		 * next one flushes the held one and is held itself */
		memset(&gst, 0, sizeof(gst));
		ofl_gro_init(&gst.ctx, sizeof(gst.ctx), NULL);
		memcpy(&gbpf, &gst, sizeof(gst));
		if (bpf_map_update_elem(mfd, &k, &gbpf, BPF_ANY)) {
			fprintf(stderr, "gro map setup failed\n");
			return 1;
		}
		for (i = 0; i < 3; i++) {
			n_gro(fr, len);
			same(!ofl_bpf_run(fd, fr, len, NULL, NULL, &ret) &&
			     !bpf_map_lookup_elem(mfd, &k, &gbpf) &&
			     gbpf.ret == gst.ret && gbpf.nout == gst.nout,
			     "gro");
		}
		row_net("gro receive (tcp4)", ofl_bpf_prog_insns(&b, "gro_rx"),
			fd, n_gro, fr, len, g_copy_b, g_copy_n, NULL);
		ofl_bpf_close(&b);
	}
	return 0;
}
