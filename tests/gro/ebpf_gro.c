// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro in XDP under BPF_PROG_TEST_RUN equals the native build: every
 * corpus case of gro_cases.h, frame by frame, with the context in a map
 * value; after each frame the result, the deliveries and the whole context
 * must be byte-identical to the native run. The BPF object is the full
 * lib/gro (gro_rx.bpf.c), so every case runs. The clock advances every
 * second frame, and each case ends with ofl_gro_flush_old (age limit 1,
 * then 0: Linux's napi_gro_flush(n, true), then all), in BPF
 * (gro_flush_old) and natively, compared the same way.
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
	uint32_t pad;
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

int main(int argc, char **argv)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	static struct ofl_bpf b;
	static struct tseg g[GRO_CASE_MAX_SEGS];
	int err, fd, ffd, mfd, v6, c, i, frames = 0, bad = 0, flushes = 0;
	uint32_t key = 0;

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
			int multi, n = v6 < 2 ?
				gro_case_v(c, v6, g, &nm, &multi) :
				gro_ipt_case(c, v6 & 1, g, &nm, &multi);

			if (n < 0)
				break;
			memset(&st, 0, sizeof(st));
			memset(&nat, 0, sizeof(nat));
			ofl_gro_init(&st.ctx, sizeof(st.ctx), NULL);
			ofl_gro_init(&nat, sizeof(nat), NULL);
			for (i = 0; i < n; i++) {
				struct ofl_gro_frame f;
				unsigned int m;
				uint32_t rv;
				int len = tseg_build(&g[i], fb[i], dm), r, k;

				if (len > 2048)
					continue;
				st.hash = (uint32_t)g[i].sport;
				st.id = (uint32_t)i;
				st.now = (uint32_t)i / 2;
				ofl_gro_clock(&nat, st.now);
				if (bpf_map_update_elem(mfd, &key, &st, 0) ||
				    ofl_bpf_run(fd, fb[i], (size_t)len, NULL,
						NULL, &rv) ||
				    bpf_map_lookup_elem(mfd, &key, &got)) {
					fprintf(stderr, "bpf run failed\n");
					return 1;
				}
				f.data = fb[i];
				f.len = (uint32_t)len;
				f.hash = st.hash;
				f.id = st.id;
				f.ip_summed = OFL_CHECKSUM_UNNECESSARY;
				f.csum = 0;
				f.csum_start = 0;
				f.vlan_proto = 0;
				f.vlan_tci = 0;
				f.reserved = 0;
				r = ofl_gro_receive(&nat, &f, nout_pk, &m);
				frames++;
				if (r != got.ret || m != got.nout ||
				    memcmp(&nat, &got.ctx, sizeof(nat))) {
					bad++;
					fprintf(stderr, "%s/%s frame %d: "
						"differs\n", v6 & 1 ? "v6" : "v4",
						nm, i);
				}
				for (k = 0; k < (int)m; k++)
					if (!same_pkt(&nout_pk[k], &got.out[k]))
						bad++;
				memcpy(&st, &got, sizeof(st));
			}
			for (i = 0; i < 2; i++) {
				static struct ofl_gro_pkt fo[OFL_GRO_MAX_FLOWS];
				uint32_t rv;
				int r, k;

				st.now = (uint32_t)n / 2;
				st.min_age = (uint32_t)(1 - i);
				if (bpf_map_update_elem(mfd, &key, &st, 0) ||
				    ofl_bpf_run(ffd, fb[0], 64, NULL, NULL,
						&rv) ||
				    bpf_map_lookup_elem(mfd, &key, &got)) {
					fprintf(stderr, "bpf run failed\n");
					return 1;
				}
				ofl_gro_clock(&nat, st.now);
				r = ofl_gro_flush_old(&nat, fo,
						      OFL_GRO_MAX_FLOWS,
						      st.min_age);
				flushes++;
				if (r != got.fret ||
				    memcmp(&nat, &got.ctx, sizeof(nat))) {
					bad++;
					fprintf(stderr, "%s/%s flush_old %d: "
						"differs (%d, bpf %d)\n",
						v6 & 1 ? "v6" : "v4", nm, i, r,
						got.fret);
				}
				for (k = 0; k < r; k++)
					if (!same_pkt(&fo[k], &got.fout[k]))
						bad++;
				memcpy(&st, &got, sizeof(st));
			}
		}
	}
	ofl_bpf_close(&b);
	printf("%d frames, %d ofl_gro_flush_old calls, %d differ\n", frames,
	       flushes, bad);
	return bad ? 1 : 0;
}
