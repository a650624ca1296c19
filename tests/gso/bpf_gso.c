// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_gso_fixup() compiled for BPF, loaded (the verifier runs), and run
 * with BPF_PROG_TEST_RUN on the headers of every segment of generated
 * super-frames (TCP/UDP, IPv4/IPv6 with options and extension headers,
 * every tunnel, both checksum modes, GSO_PARTIAL): the result must equal
 * the native build's byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include "bpf_run.h"
#include "gso_frames.h"

#define PRE (sizeof(struct ofl_gso_meta) + sizeof(struct ofl_gso_fix))

static uint8_t in[70000];

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	uint8_t pkt[PRE + OFL_GSO_MAX_HDR], res[PRE + OFL_GSO_MAX_HDR];
	uint8_t nat[OFL_GSO_MAX_HDR];
	uint64_t seed = 0x6e0ULL;
	int err, fd, c, bad = 0, runs = 0;

	if (argc < 2)
		return 2;
	err = ofl_bpf_load_test(&b, argv[1]);
	if (err)
		return err;
	fd = ofl_bpf_prog_fd(&b, "gso_fixup");
	for (c = 0; c < 300; c++) {
		struct gf_params g;
		struct ofl_gso_meta m;
		struct ofl_gso_fix f;
		uint32_t mss, off, plen, k, step, total;
		size_t len;

		memset(&g, 0, sizeof(g));
		g.seed = rnd(&seed);
		g.v6 = (int)(g.seed & 1);
		g.udp = (int)((g.seed >> 1) & 1);
		g.tunnel = (int)((g.seed >> 2) % GF_NTUNNELS);
		g.outer_v6 = (int)((g.seed >> 6) & 1);
		g.n_ext = g.v6 ? (int)((g.seed >> 7) % 4) : 0;
		g.ip_opt_words = g.v6 || g.tunnel ? 0 : (int)((g.seed >> 9) % 4);
		g.tcp_opt_words = (int)((g.seed >> 11) % 11);
		g.df = g.outer_df = 1;
		g.tcp_flags = 0x99;
		g.seq = (uint32_t)(g.seed >> 16);
		g.ip_id = (uint16_t)(g.seed >> 20);
		g.payload_len = 2000 + (uint32_t)((g.seed >> 24) % 30000);
		len = gf_build(in, &g, &m);
		mss = 500 + (uint32_t)((g.seed >> 40) % 1500);
		m.gso_size = (uint16_t)mss;
		if ((g.seed >> 50) & 1)
			m.ip_summed = OFL_CHECKSUM_PARTIAL;
		if (((g.seed >> 51) & 3) == 0)
			m.gso_type |= OFL_GSO_PARTIAL;
		total = (uint32_t)len - m.hdr_len;
		step = (m.gso_type & OFL_GSO_PARTIAL) ? total / mss * mss : mss;
		for (off = 0, k = 0; off < total; off += plen, k++) {
			size_t olen = sizeof(res);
			uint32_t ret;
			int32_t rc;
			int nrc;

			plen = total - off < step ? total - off : step;
			memset(&f, 0, sizeof(f));
			f.payload_off = off;
			f.payload_len = plen;
			f.total_len = total;
			f.id_delta = off / mss;
			f.gso_segs = plen > mss ? plen / mss : 1;
			f.first = off == 0;
			f.last = off + plen == total;
			f.flags = (uint16_t)((g.seed >> 53) & 1);
			f.payload_sum = ofl_csum_partial(in + m.hdr_len + off,
							 plen, 0);
			memcpy(nat, in, m.hdr_len);
			nrc = ofl_gso_fixup(nat, nat + m.hdr_len, &m, &f);
			memcpy(pkt, &m, sizeof(m));
			memcpy(pkt + sizeof(m), &f, sizeof(f));
			memcpy(pkt + PRE, in, m.hdr_len);
			err = ofl_bpf_run(fd, pkt, PRE + m.hdr_len, res, &olen,
					  &ret);
			runs++;
			if (err || ret != 2) {
				fprintf(stderr, "run failed: %d ret %u\n", err,
					ret);
				return 1;
			}
			memcpy(&rc, res, 4);
			if (rc != nrc || memcmp(res + PRE, nat, m.hdr_len)) {
				if (bad++ < 5)
					fprintf(stderr, "case %d seg %u: bpf rc %d"
						" native rc %d, headers %s\n", c,
						k, rc, nrc,
						memcmp(res + PRE, nat, m.hdr_len)
						? "differ" : "equal");
			}
		}
	}
	ofl_bpf_close(&b);
	printf("%d of %d segment fix-ups differ (BPF vs native)\n", bad, runs);
	return bad ? 1 : 0;
}
