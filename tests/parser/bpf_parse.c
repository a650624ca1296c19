// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/parser in XDP (parse.bpf.c) under BPF_PROG_TEST_RUN equals the native
 * build byte for byte: every catalogue frame (frames.h), every truncation
 * of it down to 14 bytes (TCP/UDP/SCTP cut short: ports without the
 * layer), random byte flips of it, and TCP data offsets < 5 / past the
 * end. The native twin is
 * built here from the same source (lib/all.c) with the same bounds.
 */
#define OFL_STATIC_ONLY 1
#include "../../lib/all.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include "bpf_run.h"
#include "frames.h"

/* Only the first nlayers layer slots are defined, and the inner flow only
 * after a tunnel: clear the rest. */
static void normalise(struct ofl_parse_result *r)
{
	unsigned int i;

	for (i = r->nlayers; i < OFL_PARSE_MAX_LAYERS; i++)
		memset(&r->layers[i], 0, sizeof(r->layers[i]));
	if (!r->encap)
		memset(&r->inner, 0, sizeof(r->inner));
}

/* the port table the native twin uses (NULL: ofl_parse()) */
static const struct ofl_parse_cfg *native_cfg;

static int one(int prog, int map, const uint8_t *in, size_t len,
	       unsigned long *bad)
{
	static uint8_t out[700];
	struct ofl_parse_result nat, bpf;
	size_t olen = sizeof(out);
	uint32_t ret, key = 0;
	int err;

	ofl_parse_with(in, in + len, OFL_PROTO_ETH, native_cfg, &nat,
		       sizeof(nat));
	err = ofl_bpf_run(prog, in, len, out, &olen, &ret);
	if (err || ret != 2) {
		fprintf(stderr, "run failed: %d ret %u\n", err, ret);
		return -1;
	}
	if (bpf_map_lookup_elem(map, &key, &bpf)) {
		perror("lookup");
		return -1;
	}
	normalise(&nat);
	normalise(&bpf);
	if (memcmp(&nat, &bpf, sizeof(nat))) {
		if (*bad < 5) {
			size_t i;

			fprintf(stderr, "len %zu differs:", len);
			for (i = 0; i < sizeof(nat); i++)
				if (((uint8_t *)&nat)[i] != ((uint8_t *)&bpf)[i])
					fprintf(stderr, " @%zu %02x/%02x", i,
						((uint8_t *)&nat)[i],
						((uint8_t *)&bpf)[i]);
			fprintf(stderr, "\n");
		}
		(*bad)++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	static struct fb f;
	unsigned long runs = 0, bad = 0;
	uint64_t seed = 0x9a55e5ULL;
	unsigned int i;
	int err, prog, map;

	if (argc < 2)
		return 2;
	err = ofl_bpf_load_test(&b, argv[1]);
	if (err)
		return err;
	prog = ofl_bpf_prog_fd(&b, "parse");
	map = ofl_bpf_map_fd(&b, "result");
	if (prog < 0 || map < 0)
		return 1;
	for (i = 0; fb_frame(i, &f); i++) {
		size_t len, k;

		for (len = f.n; len >= 14; len--) {
			if (one(prog, map, f.b, len, &bad))
				return 1;
			runs++;
		}
		for (k = 0; k < 100; k++) {
			uint8_t m[sizeof(f.b)];
			size_t pos;

			memcpy(m, f.b, f.n);
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			pos = (size_t)(seed >> 33) % f.n;
			m[pos] ^= (uint8_t)(1u << ((seed >> 20) & 7));
			if (one(prog, map, m, f.n, &bad))
				return 1;
			runs++;
		}
	}
	/* TCP data offsets < 5 and past the end (ports of a header that is
	 * not parsed whole), plain and inside VXLAN */
	for (i = 0; i < 4; i++) {
		static const uint8_t doff[2] = { 0x40, 0xf0 };
		size_t at = i < 2 ? 46 : 96;

		fb_frame(i < 2 ? 0 : 22, &f);
		f.b[at] = doff[i & 1];
		if (one(prog, map, f.b, f.n, &bad))
			return 1;
		runs++;
	}
	/* with a UDP port table in the "cfg" map: VXLAN also on 8472,
	 * GENEVE moved to 4789, VXLAN-GPE on 6081; the catalogue's tunnel
	 * frames with their ports as built and moved */
	{
		static struct ofl_parse_cfg c;
		int cmap = ofl_bpf_map_fd(&b, "cfg");
		uint32_t key = 0;
		unsigned int port;

		ofl_parse_cfg_init(&c, sizeof(c));
		ofl_parse_cfg_udp_add(&c, 8472, OFL_PARSE_UDP_VXLAN);
		ofl_parse_cfg_udp_add(&c, 4789, OFL_PARSE_UDP_GENEVE);
		ofl_parse_cfg_udp_add(&c, 6081, OFL_PARSE_UDP_VXLAN_GPE);
		if (cmap < 0 || bpf_map_update_elem(cmap, &key, &c, 0))
			return 1;
		native_cfg = &c;
		for (i = 0; fb_frame(i, &f); i++) {
			for (port = 0; port < 3; port++) {
				static const unsigned int ports[3] = {
					0, 8472, 4790 };
				size_t len;

				/* frames 22, 23: the outer UDP at 34 / 54 */
				if (port && (i == 22 || i == 23))
					fb_set16(&f, i == 22 ? 36 : 56,
						 ports[port]);
				else if (port)
					continue;
				for (len = f.n; len >= 14; len--) {
					if (one(prog, map, f.b, len, &bad))
						return 1;
					runs++;
				}
			}
		}
	}
	ofl_bpf_close(&b);
	printf("%lu runs, %lu differ\n", runs, bad);
	return bad ? 1 : 0;
}
