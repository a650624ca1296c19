// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro in XDP under BPF_PROG_TEST_RUN equals the native build: every
 * corpus case of gro_cases.h, frame by frame, with the context in a map
 * value; after each frame the result, the deliveries and the whole context
 * must be byte-identical to the native run. The BPF object is the full
 * lib/gro (gro_rx.bpf.c), so every case runs. The clock advances every
 * second frame, and each case ends with ofl_gro_flush_old (age limit 1,
 * then 0: Linux's napi_gro_flush(n, true), then all), in BPF
 * (gro_flush_old) and natively, compared the same way. Then a random
 * stream (fixed seed): segments of twelve TCP flows, ten of them in one
 * bucket (more than it holds: eviction), in bursts and interleaved, with
 * random lengths, flags, sequence gaps and repeats, ID, TTL, TOS, DF,
 * timestamp and trailer changes and an ageing flush now and then: mostly
 * frames the BPF fast path (ofl__gro_bpf_fast) takes, and the frames it
 * passes on to the full path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <offload/gro.h>
#include "bpf_run.h"
#include "gro_cases.h"

#define GRO_BPF_BUF OFL_GRO_BPF_BUF

struct gro_state {
	struct ofl_gro_ctx ctx;
	struct ofl_gro_pkt out[2];
	uint32_t nout;
	int32_t ret;
	uint32_t hash;
	uint32_t id;
	uint8_t buf[GRO_BPF_BUF];
	/* gro_flush_old: the clock (also for gro_rx), the age limit, the
	 * result and the deliveries */
	uint32_t now;
	uint32_t min_age;
	int32_t fret;
	uint32_t csum_none;	/* 1: frames carry CHECKSUM_NONE */
	struct ofl_gro_pkt fout[OFL_GRO_MAX_FLOWS];
};

static struct gro_state st, got;
static struct ofl_gro_ctx nat;
static struct ofl_gro_pkt nout_pk[2];
static uint8_t fb[GRO_CASE_MAX_SEGS][8192];

static int same_pkt(const struct ofl_gro_pkt *a, const struct ofl_gro_pkt *b)
{
	return a->frame == b->frame && a->len == b->len &&
	       a->kind == b->kind && a->hdr_len == b->hdr_len &&
	       a->nslices == b->nslices && a->gso_size == b->gso_size &&
	       a->gso_segs == b->gso_segs && a->gso_type == b->gso_type &&
	       a->csum_start == b->csum_start &&
	       !memcmp(a->hdr, b->hdr, a->hdr_len) &&
	       !memcmp(a->slice, b->slice, a->nslices * sizeof(a->slice[0]));
}

static struct ofl_bpf b;
static int fd, ffd, mfd, frames, bad, flushes;
/* results by kind (OFL_GRO_MERGED, HELD, NORMAL) and merged deliveries */
static int nres[3], nmerged;

/* st into the map, program @prog on @fr, the map back into got; -1 (and
 * said) if a step failed. */
static int bpf_step(int prog, const uint8_t *fr, size_t len)
{
	uint32_t rv, key = 0;

	if (bpf_map_update_elem(mfd, &key, &st, 0) ||
	    ofl_bpf_run(prog, fr, len, NULL, NULL, &rv) ||
	    bpf_map_lookup_elem(mfd, &key, &got)) {
		fprintf(stderr, "bpf run failed\n");
		return -1;
	}
	return 0;
}

/* One frame through gro_rx and natively; the results, the deliveries and
 * the whole context compared. -1 if the run itself failed. */
static int one_frame(const uint8_t *fr, int len, uint32_t hash, uint32_t id,
		     uint32_t now, const char *what, int i)
{
	struct ofl_gro_frame f = {
		.data = fr,
		.len = (uint32_t)len,
		.hash = hash,
		.id = id,
		.ip_summed = st.csum_none ? OFL_CHECKSUM_NONE :
					    OFL_CHECKSUM_UNNECESSARY,
	};
	unsigned int m;
	int r, k;

	st.hash = hash;
	st.id = id;
	st.now = now;
	ofl_gro_clock(&nat, now);
	if (bpf_step(fd, fr, (size_t)len))
		return -1;
	r = ofl_gro_receive(&nat, &f, nout_pk, &m);
	frames++;
	if (r >= 0 && r < 3)
		nres[r]++;
	for (k = 0; k < (int)m && k < 2; k++)
		nmerged += nout_pk[k].kind == OFL_GRO_PKT_MERGED;
	if (r != got.ret || m != got.nout || memcmp(&nat, &got.ctx, sizeof(nat))) {
		bad++;
		fprintf(stderr, "%s frame %d: differs (%d/%u, bpf %d/%u)\n",
			what, i, r, m, got.ret, got.nout);
	}
	for (k = 0; k < (int)m; k++)
		if (!same_pkt(&nout_pk[k], &got.out[k]))
			bad++;
	memcpy(&st, &got, sizeof(st));
	return 0;
}

/* ofl_gro_flush_old at @now with @min_age, in BPF and natively. */
static int flush_old(uint32_t now, uint32_t min_age, const uint8_t *fr,
		     const char *what, int i)
{
	static struct ofl_gro_pkt fo[OFL_GRO_MAX_FLOWS];
	int r, k;

	st.now = now;
	st.min_age = min_age;
	if (bpf_step(ffd, fr, 64))
		return -1;
	ofl_gro_clock(&nat, now);
	r = ofl_gro_flush_old(&nat, fo, OFL_GRO_MAX_FLOWS, min_age);
	flushes++;
	if (r != got.fret || memcmp(&nat, &got.ctx, sizeof(nat))) {
		bad++;
		fprintf(stderr, "%s flush_old %d: differs (%d, bpf %d)\n",
			what, i, r, got.fret);
	}
	for (k = 0; k < r; k++)
		if (!same_pkt(&fo[k], &got.fout[k]))
			bad++;
	memcpy(&st, &got, sizeof(st));
	return 0;
}

static void ctx_reset(void)
{
	memset(&st, 0, sizeof(st));
	memset(&nat, 0, sizeof(nat));
	ofl_gro_init(&st.ctx, sizeof(st.ctx), NULL);
	ofl_gro_init(&nat, sizeof(nat), NULL);
}

/* xorshift32: the stream is the same in every run */
static uint32_t rnd_state = 0x2545f491u;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state % n;
}

#define NFLOWS 12
#define NSTREAM 20000

/* The random stream of the header comment. */
static int stream(const uint8_t dm[6], int none)
{
	static struct tseg fl[NFLOWS];
	static uint32_t hash[NFLOWS];
	static uint8_t fr[2048];
	int i, j = 0, len;

	ctx_reset();
	st.csum_none = (uint32_t)none;
	for (i = 0; i < NFLOWS; i++) {
		tseg_init(&fl[i], i == NFLOWS - 1);
		fl[i].sport = (uint16_t)(40000 + i);
		fl[i].seq = 1000u + 100000u * (uint32_t)i;
		if (i % 3)
			tseg_ts(&fl[i], 1000, 0);
		/* ten in bucket 5, two elsewhere */
		hash[i] = i < 10 ? 5u + (uint32_t)i * (uint32_t)OFL_GRO_BUCKETS :
			  (uint32_t)i;
	}
	for (i = 0; i < NSTREAM; i++) {
		struct tseg *s;
		uint32_t r;

		if (rnd(100) >= 70)	/* a burst of one flow, or another */
			j = (int)(rnd(100) < 60 ? rnd(4) : rnd(NFLOWS));
		s = &fl[j];
		r = rnd(100);
		s->paylen = r < 80 ? 1448 : r < 90 ? (int)rnd(1449) :
			    (int)rnd(64);
		r = rnd(100);
		s->flags = r < 90 ? 0x10 : r < 94 ? 0x18 : r < 96 ? 0x11 :
			   r < 97 ? 0x30 : r < 98 ? 0x90 : r < 99 ? 0x14 : 0x12;
		r = rnd(100);
		if (r < 5)
			s->seq -= (uint32_t)s->paylen;	/* a repeat */
		else if (r < 8)
			s->seq += 1 + rnd(3000);	/* a gap */
		else if (r < 10)
			s->seq -= rnd(3000);		/* backwards */
		r = rnd(100);
		s->ipid = (uint16_t)(r < 92 ? s->ipid + 1u : r < 96 ? s->ipid :
				     rnd(65536));
		if (rnd(100) < 2)
			s->ttl = (uint8_t)(s->ttl == 64 ? 63 : 64);
		if (rnd(100) < 2)
			s->tos = (uint8_t)(s->tos ? 0 : 4);
		if (rnd(100) < 2)
			s->df = !s->df;
		if (s->optlen && rnd(100) < 3)
			tseg_ts(s, 1000 + rnd(4), (int)rnd(3));
		s->trailer = rnd(100) < 2 ? (int)rnd(8) + 1 : 0;
		s->badcsum = rnd(100) < 2;
		len = tseg_build(s, fr, dm);
		if (len > 2047)
			return -1;
		if (one_frame(fr, len, hash[j], (uint32_t)i, (uint32_t)i / 8,
			      "stream", i))
			return -1;
		s->seq += (uint32_t)s->paylen;
		if (rnd(100) < 2 &&
		    flush_old((uint32_t)i / 8, rnd(3), fr, "stream", i))
			return -1;
	}
	return flush_old(NSTREAM / 8, 0, fr, "stream", NSTREAM);
}

int main(int argc, char **argv)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	static struct tseg g[GRO_CASE_MAX_SEGS];
	int err, v6, c, i, sframes;

	if (argc < 2)
		return 2;
	err = ofl_bpf_load_test(&b, argv[1]);
	if (err)
		return err;
	fd = ofl_bpf_prog_fd(&b, "gro_rx");
	ffd = ofl_bpf_prog_fd(&b, "gro_flush_old");
	mfd = ofl_bpf_map_fd(&b, "state");
	/* the plain corpus, then the GRE / IP-in-IP cases (merged by the
	 * default context, as by Linux) */
	for (v6 = 0; v6 < 4; v6++) {
		for (c = 0;; c++) {
			const char *nm;
			char what[96];
			int multi, n = v6 < 2 ?
				gro_case_v(c, v6, g, &nm, &multi) :
				gro_ipt_case(c, v6 & 1, g, &nm, &multi);

			if (n < 0)
				break;
			snprintf(what, sizeof(what), "%s/%s",
				 v6 & 1 ? "v6" : "v4", nm);
			ctx_reset();
			for (i = 0; i < n; i++) {
				int len = tseg_build(&g[i], fb[i], dm);

				if (len > 2048)
					continue;
				if (one_frame(fb[i], len, (uint32_t)g[i].sport,
					      (uint32_t)i, (uint32_t)i / 2,
					      what, i))
					return 1;
			}
			for (i = 0; i < 2; i++)
				if (flush_old((uint32_t)n / 2,
					      (uint32_t)(1 - i), fb[0], what,
					      i))
					return 1;
		}
	}
	printf("corpus: %d frames, %d ofl_gro_flush_old calls, %d differ\n",
	       frames, flushes, bad);
	sframes = frames;
	memset(nres, 0, sizeof(nres));
	nmerged = 0;
	for (i = 0; i < 2; i++) {
		if (stream(dm, i)) {
			fprintf(stderr, "stream: a run failed\n");
			return 1;
		}
		printf("random stream, CHECKSUM_%s: %d frames (%d merged, "
		       "%d held, %d passed up; %d merged flows delivered), "
		       "%d differ in all\n", i ? "NONE" : "UNNECESSARY",
		       frames - sframes, nres[OFL_GRO_MERGED],
		       nres[OFL_GRO_HELD], nres[OFL_GRO_NORMAL], nmerged, bad);
		sframes = frames;
		memset(nres, 0, sizeof(nres));
		nmerged = 0;
	}
	ofl_bpf_close(&b);
	printf("%d frames, %d ofl_gro_flush_old calls, %d differ\n", frames,
	       flushes, bad);
	return bad ? 1 : 0;
}
