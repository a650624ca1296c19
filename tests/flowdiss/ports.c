// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The flow dissector's UDP tunnel port table (issue 14 section 2): the map
 * ofl_fd_ports holds a struct ofl_parse_cfg. For VXLAN and GENEVE frames
 * built here, under BPF_PROG_TEST_RUN:
 *   - on the IANA port (4789, 6081) with the map empty: the inner flow's
 *     keys, is_encap set (the reference keys);
 *   - on another port (8472, 7000) with the map empty: the outer UDP flow
 *     (ofl does not know the port carries a tunnel);
 *   - on that port once the map names it: exactly the reference keys;
 *   - the IANA port still gives them with the map set (the table keeps
 *     the IANA defaults);
 * and lib/parser natively (ofl_parse_with() with the same table) finds the
 * same inner transport offset as the program's thoff.
 */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include <bpf/bpf.h>
#include "bpf_run.h"
#include "fd_run.h"

static int bad;

/* Eth / IPv4 / UDP dport / VXLAN or GENEVE / Eth / IPv4 / TCP */
static size_t frame(uint8_t *f, uint16_t dport, int geneve)
{
	static const uint8_t eth[14] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1,
					 0x08, 0x00 };
	uint8_t *p = f;
	size_t n;

	memset(f, 0, 256);
	memcpy(p, eth, 14);
	p += 14;
	/* outer IPv4 198.18.0.1 > 198.18.0.2, UDP */
	p[0] = 0x45; p[8] = 64; p[9] = 17;
	p[12] = 198; p[13] = 18; p[15] = 1;
	p[16] = 198; p[17] = 18; p[19] = 2;
	p += 20;
	p[0] = 0xc0; p[1] = 0x00;		/* sport 49152 */
	p[2] = (uint8_t)(dport >> 8); p[3] = (uint8_t)dport;
	p += 8;
	if (geneve) {			/* no options, Ethernet payload */
		p[2] = 0x65; p[3] = 0x58; p[6] = 0x2a;
	} else {			/* I flag, VNI 42 */
		p[0] = 0x08; p[6] = 0x2a;
	}
	p += 8;
	memcpy(p, eth, 14);
	p += 14;
	/* inner IPv4 198.19.0.1 > 198.19.0.2, TCP 40000 > 80 */
	p[0] = 0x45; p[8] = 64; p[9] = 6;
	p[12] = 198; p[13] = 19; p[15] = 1;
	p[16] = 198; p[17] = 19; p[19] = 2;
	p += 20;
	p[0] = 0x9c; p[1] = 0x40; p[3] = 80; p[12] = 0x50; p[13] = 0x10;
	p += 20;
	n = (size_t)(p - f);
	/* lengths: outer IP, UDP, inner IP */
	f[14 + 2] = (uint8_t)((n - 14) >> 8);
	f[14 + 3] = (uint8_t)(n - 14);
	f[34 + 4] = (uint8_t)((n - 34) >> 8);
	f[34 + 5] = (uint8_t)(n - 34);
	f[64 + 2] = 0;
	f[64 + 3] = 40;
	return n;
}

static void check(const char *what, int cond)
{
	printf("%s %s\n", cond ? "ok  " : "FAIL", what);
	if (!cond)
		bad++;
}

static int run(int prog, uint16_t dport, int geneve, struct bpf_flow_keys *k)
{
	uint8_t f[256];
	uint32_t ret;
	size_t n = frame(f, dport, geneve);

	if (fd_run(prog, f, n, 0, 1, k, &ret, NULL)) {
		perror("BPF_PROG_TEST_RUN");
		return -1;
	}
	return (int)ret;
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	static struct ofl_parse_result res;
	struct ofl_parse_cfg cfg, empty;
	struct bpf_flow_keys ref, k;
	uint32_t zero = 0;
	int prog, map, rc, g;

	if (argc < 2)
		return 2;
	rc = ofl_bpf_load_test(&b, argv[1]);
	if (rc)
		return rc;
	prog = ofl_bpf_prog_fd(&b, "ofl_flow_dissector");
	map = ofl_bpf_map_fd(&b, "ofl_fd_ports");
	if (prog < 0 || map < 0)
		return 1;
	memset(&empty, 0, sizeof(empty));
	ofl_parse_cfg_init(&cfg, sizeof(cfg));
	if (ofl_parse_cfg_udp_add(&cfg, 8472, OFL_PARSE_UDP_VXLAN) ||
	    ofl_parse_cfg_udp_add(&cfg, 7000, OFL_PARSE_UDP_GENEVE))
		return 1;
	for (g = 0; g < 2; g++) {
		uint16_t iana = g ? 6081 : 4789, other = g ? 7000 : 8472;
		const char *t = g ? "geneve" : "vxlan";
		char what[160];
		uint8_t f[256];
		size_t n;
		int i;

		bpf_map_update_elem(map, &zero, &empty, BPF_ANY);
		rc = run(prog, iana, g, &ref);
		snprintf(what, sizeof(what), "%s on %u, no table: inner flow "
			 "(is_encap %u, dport %u, thoff %u)", t, iana,
			 ref.is_encap, __builtin_bswap16(ref.dport), ref.thoff);
		check(what, rc == BPF_OK && ref.is_encap &&
			    __builtin_bswap16(ref.dport) == 80);
		rc = run(prog, other, g, &k);
		snprintf(what, sizeof(what), "%s on %u, no table: outer UDP "
			 "(dport %u)", t, other, __builtin_bswap16(k.dport));
		check(what, rc == BPF_OK && !k.is_encap && k.ip_proto == 17 &&
			    __builtin_bswap16(k.dport) == other);
		bpf_map_update_elem(map, &zero, &cfg, BPF_ANY);
		rc = run(prog, other, g, &k);
		snprintf(what, sizeof(what), "%s on %u, in the table: the keys "
			 "of %u", t, other, iana);
		check(what, rc == BPF_OK && !memcmp(&k, &ref, sizeof(k)));
		rc = run(prog, iana, g, &k);
		snprintf(what, sizeof(what), "%s on %u, table set: unchanged",
			 t, iana);
		check(what, rc == BPF_OK && !memcmp(&k, &ref, sizeof(k)));
		/* natively: the same table, the same inner TCP offset */
		n = frame(f, other, g);
		ofl_parse_with(f, f + n, OFL_PROTO_ETH, &cfg, &res, sizeof(res));
		for (i = 0; i < res.nlayers; i++)
			if (res.layers[i].proto == OFL_PROTO_TCP)
				break;
		snprintf(what, sizeof(what), "%s on %u natively "
			 "(ofl_parse_with): TCP at %u, program's thoff %u", t,
			 other, i < res.nlayers ? res.layers[i].offset : 0,
			 ref.thoff);
		check(what, i < res.nlayers &&
			    res.layers[i].offset == ref.thoff);
	}
	bpf_map_update_elem(map, &zero, &empty, BPF_ANY);
	printf("flow dissector port table: %s\n", bad ? "FAIL" : "PASS");
	ofl_bpf_close(&b);
	return bad ? 1 : 0;
}
