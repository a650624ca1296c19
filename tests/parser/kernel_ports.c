// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Ports of an L4 header cut short: lib/parser against the running kernel's
 * flow dissector. The kernel's skb hash (kernel_ports.bpf.c, a tc program
 * under BPF_PROG_TEST_RUN: skb_get_hash() -> __skb_flow_dissect()) is keyed
 * with a secret, so the test compares hashes, not keys: for a frame F cut
 * inside (or with a bad data offset in) its innermost TCP/UDP/SCTP header,
 * the kernel took the ports iff hash(F) == hash(R), R the whole frame, and
 * took none (0) iff hash(F) == hash(Z), Z the whole frame with those 4
 * bytes zeroed (R and Z differ in the ports only). ofl_parse() must say
 * the same through the innermost flow's has_ports (and ports, equal to
 * R's). Frames: Eth/IPv4/TCP, VLAN/IPv6/TCP, QinQ/IPv4/UDP, IPv4/SCTP,
 * GRE/IPv4/TCP (the kernel dissects GRE, not VXLAN), cut at every length
 * from the L4 header's start to its end, and TCP data offsets 4 and 15.
 * IP fragments are left out: Linux takes no ports from any fragment, ofl
 * keeps them for a first fragment (docs/PARSER.md).
 */
#include <offload/parser.h>

#include <stdio.h>
#include <string.h>
#include "bpf_run.h"
#include "frames.h"

static int khash(int prog, const uint8_t *b, size_t n, uint32_t *h)
{
	int err = ofl_bpf_run(prog, b, n, NULL, NULL, h);

	if (err)
		fprintf(stderr, "BPF_PROG_TEST_RUN: %d\n", err);
	return err;
}

/* One cut frame: 0 if ofl and the kernel agree, 1 if not, <0 on error. */
static int one(int prog, const struct fb *full, size_t len, size_t l4,
	       const uint8_t *tweak, size_t tw_at, uint32_t hr, uint32_t hz,
	       unsigned long *nports)
{
	static struct ofl_parse_result r;
	static uint8_t b[sizeof(full->b)];
	const struct ofl_parse_flow *fl;
	uint32_t h;
	int kernel, ours;

	memcpy(b, full->b, full->n);
	if (tweak)
		b[tw_at] = *tweak;
	if (khash(prog, b, len, &h))
		return -1;
	ofl_parse(b, b + len, OFL_PROTO_ETH, &r, sizeof(r));
	fl = ofl_parse_inner(&r);
	ours = fl->has_ports && !memcmp(fl->ports, full->b + l4, 4);
	if (h == hr && h != hz)
		kernel = 1;
	else if (h == hz && h != hr)
		kernel = 0;
	else {
		fprintf(stderr, "len %zu: kernel hash %08x matches neither "
			"%08x (ports) nor %08x (none)\n", len, h, hr, hz);
		return 1;
	}
	if (kernel != ours || (!fl->has_ports && kernel)) {
		fprintf(stderr, "len %zu (L4 at %zu%s): kernel %s ports, ofl "
			"has_ports %u\n", len, l4, tweak ? ", doff changed" : "",
			kernel ? "takes" : "takes no", fl->has_ports);
		return 1;
	}
	*nports += (unsigned long)kernel;
	return 0;
}

int main(int argc, char **argv)
{
	/* catalogue frame, offset of its innermost L4 header, its length */
	static const struct { unsigned int frame, l4, l4len; } cases[] = {
		{ 0, 34, 20 }, { 2, 58, 20 }, { 3, 42, 8 }, { 10, 34, 12 },
		{ 19, 58, 20 },
	};
	static struct ofl_bpf b;
	static struct fb f, z;
	unsigned long runs = 0, bad = 0, nports = 0;
	unsigned int i;
	int prog, rc;

	if (argc < 2)
		return 2;
	rc = ofl_bpf_load_test(&b, argv[1]);
	if (rc)
		return rc;
	prog = ofl_bpf_prog_fd(&b, "khash");
	if (prog < 0)
		return 1;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t l4 = cases[i].l4, k;
		uint32_t hr, hz;

		if (!fb_frame(cases[i].frame, &f))
			return 1;
		z = f;
		memset(z.b + l4, 0, 4);
		if (khash(prog, f.b, f.n, &hr) || khash(prog, z.b, z.n, &hz))
			return 1;
		if (hr == hz) {
			fprintf(stderr, "frame %u: the kernel ignores its ports\n",
				cases[i].frame);
			return 1;
		}
		for (k = 0; k <= cases[i].l4len; k++) {
			rc = one(prog, &f, l4 + k, l4, NULL, 0, hr, hz,
				 &nports);
			if (rc < 0)
				return 1;
			bad += (unsigned long)rc;
			runs++;
		}
		if (cases[i].l4len == 20) {	/* TCP: data offset 4, 15 */
			static const uint8_t doff[2] = { 0x40, 0xf0 };

			for (k = 0; k < 2; k++) {
				rc = one(prog, &f, f.n, l4, &doff[k], l4 + 12,
					 hr, hz, &nports);
				if (rc < 0)
					return 1;
				bad += (unsigned long)rc;
				runs++;
			}
		}
	}
	ofl_bpf_close(&b);
	printf("%lu cut frames against the kernel's flow dissector, %lu with "
	       "ports, %lu differ\n", runs, nports, bad);
	return bad ? 1 : 0;
}
