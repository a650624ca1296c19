// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Speed of the ofl flow dissector against the kernel's own BPF flow
 * dissector, tools/testing/selftests/bpf/progs/bpf_flow.c (built from
 * linux-source with its tail calls), in one run: BPF_PROG_TEST_RUN with
 * `repeat` on the same frames (tests/parser's catalogue: the ones both
 * understand), ns per frame as the kernel times it, and the verifier's
 * processed instructions per program. A tool for docs/PERFORMANCE.md, not
 * a test: it asserts only that both programs give the same keys.
 *
 * usage: flowdiss_speed OFL_OBJ BPF_FLOW_OBJ [REPEAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "fd_run.h"
#include "frames.h"

static char logs[8][1 << 16];

static struct bpf_object *load(const char *path)
{
	struct bpf_object *o = bpf_object__open_file(path, NULL);
	struct bpf_program *p;
	int i = 0;

	if (!o)
		return NULL;
	bpf_object__for_each_program(p, o) {
		if (i < 8) {
			logs[i][0] = 0;
			bpf_program__set_log_buf(p, logs[i], sizeof(logs[i]));
			bpf_program__set_log_level(p, 4);
		}
		i++;
	}
	if (bpf_object__load(o)) {
		fprintf(stderr, "load %s failed\n", path);
		return NULL;
	}
	i = 0;
	bpf_object__for_each_program(p, o) {
		const char *s = i < 8 ? strstr(logs[i], "processed ") : NULL;

		printf("  %-22s %s: %ld insns processed\n", path,
		       bpf_program__name(p), s ? strtol(s + 10, NULL, 10) : -1);
		i++;
	}
	return o;
}

int main(int argc, char **argv)
{
	/* catalogue frames both dissectors understand (bpf_flow.c knows
	 * no SCTP, GRE keys only as lengths ...) */
	static const struct { unsigned int i; const char *name; } fr[] = {
		{ 0, "Eth/IPv4/TCP" }, { 2, "Eth/VLAN/IPv6/TCP" },
		{ 3, "QinQ/IPv4/UDP" },
		{ 12, "Eth/IPv6/frag/TCP" },
	};
	unsigned int repeat = argc > 3 ? (unsigned int)atoi(argv[3]) : 200000;
	struct bpf_object *a, *b;
	struct bpf_program *p;
	struct bpf_map *jmp;
	int pa, pb, jfd, k, bad = 0;
	unsigned int i;
	static struct fb f;

	if (argc < 3)
		return 2;
	libbpf_set_strict_mode(LIBBPF_STRICT_ALL);
	a = load(argv[1]);
	b = load(argv[2]);
	if (!a || !b)
		return 1;
	pa = bpf_program__fd(bpf_object__find_program_by_name(a,
		"ofl_flow_dissector"));
	pb = bpf_program__fd(bpf_object__find_program_by_name(b, "_dissect"));
	jmp = bpf_object__find_map_by_name(b, "jmp_table");
	jfd = bpf_map__fd(jmp);
	for (k = 0; k < 6; k++) {	/* as the selftest's init_prog_array() */
		char n[32];
		int fd;

		snprintf(n, sizeof(n), "flow_dissector_%d", k);
		p = bpf_object__find_program_by_name(b, n);
		fd = p ? bpf_program__fd(p) : -1;
		if (fd < 0 || bpf_map_update_elem(jfd, &k, &fd, BPF_ANY))
			return 1;
	}
	printf("%-20s %10s %10s %7s  (BPF_PROG_TEST_RUN, repeat %u)\n",
	       "frame", "ofl ns", "bpf_flow", "ratio", repeat);
	for (i = 0; i < sizeof(fr) / sizeof(fr[0]); i++) {
		struct bpf_flow_keys ka, kb;
		uint32_t ra, rb, na, nb;

		if (!fb_frame(fr[i].i, &f))
			return 1;
		if (fd_run(pa, f.b, f.n, 0, repeat, &ka, &ra, &na) ||
		    fd_run(pb, f.b, f.n, 0, repeat, &kb, &rb, &nb))
			return 1;
		if (ra != rb || memcmp(&ka, &kb, sizeof(ka))) {
			printf("%-20s keys differ (ret %u/%u): not timed\n",
			       fr[i].name, ra, rb);
			bad++;
			continue;
		}
		printf("%-20s %10u %10u %7.2f\n", fr[i].name, na, nb,
		       nb ? (double)na / nb : 0.0);
	}
	return 0;
}
