// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/parser + lib/rss in XDP under BPF_PROG_TEST_RUN: the context computed
 * here by ofl_rss_init() is written into an array map; the program parses
 * each frame with lib/parser and its hash, type and queue equal the native
 * library's for the flow the frame was built from on Microsoft's vectors and on random
 * IPv4/IPv6 TCP/UDP/other frames, fragments included, with and without the
 * symmetric-xor transform.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <offload/rss.h>
#include "bpf_run.h"

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

static struct ofl_rss ctx;
static struct ofl_rss_reta reta;
static struct ofl_bpf b;

static uint64_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

/* frame for flow @f: Ethernet, IP, 20 bytes of L4 (a TCP header, a UDP
 * datagram, or GRE with protocol 0 where the parser stops) */
static size_t build(const struct ofl_rss_flow *f, int frag, uint8_t *p)
{
	size_t n = 14;

	memset(p, 0, 128);
	p[12] = f->family == 4 ? 0x08 : 0x86;
	p[13] = f->family == 4 ? 0x00 : 0xdd;
	if (f->family == 4) {
		p[n] = 0x45;
		p[n + 9] = f->proto;
		if (frag)
			p[n + 7] = 0x10;
		memcpy(p + n + 12, f->src, 4);
		memcpy(p + n + 16, f->dst, 4);
		n += 20;
	} else {
		p[n] = 0x60;
		p[n + 6] = f->proto;
		memcpy(p + n + 8, f->src, 16);
		memcpy(p + n + 24, f->dst, 16);
		n += 40;
	}
	/* lengths as lib/parser checks them: IP total / payload length, the
	 * TCP data offset (5 words), the UDP length */
	if (f->family == 4)
		p[17] = 40;
	else
		p[19] = 20;
	memcpy(p + n, f->sport, 2);
	memcpy(p + n + 2, f->dport, 2);
	if (f->proto == 6)
		p[n + 12] = 0x50;
	else if (f->proto == 17)
		p[n + 5] = 20;
	return n + 20;
}

static int run(int prog, int out_fd, const uint8_t *frame, size_t len,
	       struct rss_out *o)
{
	uint32_t k = 0, ret;
	int err = ofl_bpf_run(prog, frame, len, NULL, NULL, &ret);

	if (err || ret != 2)
		return -1;
	return bpf_map_lookup_elem(out_fd, &k, o);
}

int main(int argc, char **argv)
{
	static const uint8_t ms_src[4] = { 66, 9, 149, 187 };
	static const uint8_t ms_dst[4] = { 161, 142, 100, 80 };
	uint8_t key[40], frame[128];
	uint64_t s = 0xb9f;
	uint32_t k = 0;
	int err, prog, fd_ctx, fd_reta, fd_cfg, fd_out, i, bad = 0;
	struct rss_cfg cfg = { OFL_RSS_HASH_DEFAULT, 0 };
	struct rss_out o;
	struct ofl_rss_flow f;
	size_t len;

	if (argc < 2)
		return 2;
	err = ofl_bpf_load_test(&b, argv[1]);
	if (err)
		return err;
	prog = ofl_bpf_prog_fd(&b, "rss_xdp");
	fd_ctx = ofl_bpf_map_fd(&b, "rss_ctx");
	fd_reta = ofl_bpf_map_fd(&b, "rss_reta");
	fd_cfg = ofl_bpf_map_fd(&b, "rss_cfg");
	fd_out = ofl_bpf_map_fd(&b, "rss_out");
	ofl_rss_key_microsoft(key);
	if (ofl_rss_init(&ctx, sizeof(ctx), key, 40) ||
	    ofl_rss_reta_init(&reta, 128, 6) ||
	    bpf_map_update_elem(fd_ctx, &k, &ctx, BPF_ANY) ||
	    bpf_map_update_elem(fd_reta, &k, &reta, BPF_ANY) ||
	    bpf_map_update_elem(fd_cfg, &k, &cfg, BPF_ANY)) {
		fprintf(stderr, "map setup failed\n");
		return 1;
	}
	/* Microsoft's first IPv4 vector, TCP */
	memset(&f, 0, sizeof(f));
	f.family = 4;
	f.proto = 6;
	memcpy(f.src, ms_src, 4);
	memcpy(f.dst, ms_dst, 4);
	f.sport[0] = 2794 >> 8;
	f.sport[1] = 2794 & 255;
	f.dport[0] = 1766 >> 8;
	f.dport[1] = 1766 & 255;
	len = build(&f, 0, frame);
	if (run(prog, fd_out, frame, len, &o) || o.hash != 0x51ccc178 ||
	    o.type != OFL_RSS_TYPE_IPV4_TCP) {
		fprintf(stderr, "Microsoft vector: got %08x type %d\n", o.hash,
			o.type);
		return 1;
	}
	for (i = 0; i < 4000; i++) {
		uint32_t want, wq;
		int wt, frag = (int)(rnd(&s) % 5 == 0), j;

		if (i == 2000) { /* second half: symmetric-xor, all types */
			cfg.xfrm = OFL_RSS_XFRM_SYM_XOR;
			cfg.types = OFL_RSS_HASH_ALL;
			bpf_map_update_elem(fd_cfg, &k, &cfg, BPF_ANY);
		}
		memset(&f, 0, sizeof(f));
		f.family = (rnd(&s) & 1) ? 6 : 4;
		j = (int)(rnd(&s) % 3);
		f.proto = j == 0 ? 6 : j == 1 ? 17 : 47;
		for (j = 0; j < 16; j++) {
			f.src[j] = (uint8_t)rnd(&s);
			f.dst[j] = (uint8_t)rnd(&s);
		}
		if (f.family == 4) {
			memset(f.src + 4, 0, 12);
			memset(f.dst + 4, 0, 12);
		}
		for (j = 0; j < 2; j++) {
			f.sport[j] = (uint8_t)rnd(&s);
			f.dport[j] = (uint8_t)rnd(&s);
		}
		len = build(&f, frag && f.family == 4, frame);
		/* what the native library says for the flow as parsed */
		if (f.proto != 47 && !(frag && f.family == 4))
			f.flags |= OFL_RSS_FLOW_PORTS;
		want = ofl_rss_hash_flow(&ctx, &f, cfg.types, cfg.xfrm, &wt);
		wq = ofl_rss_reta_queue(&reta, want);
		if (run(prog, fd_out, frame, len, &o)) {
			fprintf(stderr, "run failed\n");
			return 1;
		}
		if (o.hash != want || o.type != wt || o.queue != wq) {
			if (bad++ < 5)
				fprintf(stderr, "frame %d: bpf %08x/%d/%u "
					"native %08x/%d/%u\n", i, o.hash,
					o.type, o.queue, want, wt, wq);
		}
	}
	/* cpumap keys are CPU numbers: fill the possible CPUs; a frame whose
	 * queue is one of them gets XDP_REDIRECT (BPF_PROG_TEST_RUN does not
	 * perform it), the others fall back to XDP_PASS */
	{
		struct bpf_cpumap_val cv = { .qsize = 192 };
		int ncpu = libbpf_num_possible_cpus(), seen = 0, tries;
		int fd_cpus = ofl_bpf_map_fd(&b, "rss_cpus");
		uint32_t c;

		for (c = 0; c < (uint32_t)ncpu && c < 64; c++)
			if (bpf_map_update_elem(fd_cpus, &c, &cv, BPF_ANY))
				break;
		f.proto = 6;
		f.flags = OFL_RSS_FLOW_PORTS;
		for (tries = 0; c && tries < 200 && seen != 3; tries++) {
			uint32_t ret = 0, want;

			f.sport[0] = (uint8_t)tries;
			len = build(&f, 0, frame);
			want = ofl_rss_hash_flow(&ctx, &f, cfg.types,
						 cfg.xfrm, NULL);
			want = ofl_rss_reta_queue(&reta, want) < c ?
				XDP_REDIRECT : XDP_PASS;
			if (ofl_bpf_run(prog, frame, len, NULL, NULL, &ret) ||
			    ret != want) {
				fprintf(stderr, "cpumap: verdict %u want %u\n",
					ret, want);
				bad++;
				break;
			}
			seen |= want == XDP_REDIRECT ? 1 : 2;
		}
		if (!c)
			printf("note: cpumap entries refused here: %s\n",
			       strerror(errno));
		else
			printf("cpumap of %u CPUs: redirect and fallback "
			       "verdicts as expected (%s)\n", c,
			       seen == 3 ? "both seen" : "one seen");
	}
	ofl_bpf_close(&b);
	printf("%d of 4000 frames differ between XDP and native\n", bad);
	return bad ? 1 : 0;
}
