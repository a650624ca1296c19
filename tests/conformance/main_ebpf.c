// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The ebpf target: load conf.bpf.o (the verifier checks every entry point),
 * run the suite with each case executed by its BPF program through
 * BPF_PROG_TEST_RUN, and print the digest plus, per entry point, the
 * verifier's processed-instruction count and stack depth.
 *
 *   ofl_conformance_ebpf conf.bpf.o   exit 0 PASS, 1 FAIL, 77 SKIP
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpf_run.h"
#include "conf.h"
#include "conf_entries.h"

struct entry {
	unsigned int module, op;
	const char *name;
	int fd;
	char *log;
	size_t log_size;
};

#define ENTRY(m, M, o, O) { OFL_CONF_##M, OFL_CONF_##M##_##O, \
			    "conf_" #m "_" #o, -1, "" },
static struct entry entries[] = { OFL_CONF_ENTRIES(ENTRY) };
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

static unsigned int mismatches;

static int bpf_exec(void *ctx, unsigned int module, unsigned int op,
		    const uint8_t *in, unsigned int in_len, uint8_t *out)
{
	static uint8_t pkt[OFL_CONF_OUT_OFF + OFL_CONF_IN_MAX];
	static uint8_t res[OFL_CONF_OUT_OFF + OFL_CONF_IN_MAX];
	size_t i, olen = sizeof(res);
	uint32_t ret;
	int n;

	for (i = 0; i < NENTRIES; i++)
		if (entries[i].module == module && entries[i].op == op)
			break;
	if (i == NENTRIES || entries[i].fd < 0)
		return -1;
	memset(pkt, 0, OFL_CONF_OUT_OFF);
	memcpy(pkt + OFL_CONF_OUT_OFF, in, in_len);
	if (ofl_bpf_run(entries[i].fd, pkt, OFL_CONF_OUT_OFF + in_len, res,
			&olen, &ret))
		return -1;
	if (ret < 0x10000 || ret > 0x10000 + OFL_CONF_OUT_MAX ||
	    olen < OFL_CONF_OUT_OFF)
		return -1;
	n = (int)(ret - 0x10000);
	memcpy(out, res, (size_t)n);
	/* the digest catches any difference; this says where it is */
	{
		struct ofl_conf *c = ctx;
		uint8_t nat[OFL_CONF_OUT_MAX] = { 0 };
		int nn = ofl_conf_exec_native(c, module, op, in, in_len, nat);

		if (nn != n || memcmp(nat, out, (size_t)n)) {
			if (mismatches++ < 5)
				fprintf(stderr, "case %u (%s): BPF output "
					"differs from native\n", c->cases,
					entries[i].name);
		}
	}
	return n;
}

static long stat_after(const char *log, const char *key)
{
	const char *p = strstr(log, key);

	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

int main(int argc, char **argv)
{
	static struct ofl_conf c;
	struct bpf_object *obj;
	char line[128], mods[512];
	size_t i;
	int err, log_level = 4;

	if (argc < 2) {
		fprintf(stderr, "usage: %s conf.bpf.o\n", argv[0]);
		return 2;
	}
	if (getenv("OFL_CONF_BPF_LOG"))
		log_level = 4 | (atoi(getenv("OFL_CONF_BPF_LOG")) & 3);
	libbpf_set_print(NULL);
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	for (i = 0; i < NENTRIES; i++) {
		struct bpf_program *p =
			bpf_object__find_program_by_name(obj, entries[i].name);

		if (!p) {
			fprintf(stderr, "no program %s\n", entries[i].name);
			return 1;
		}
		/* stats only (level 4) carry no error message: to see why the
		 * verifier refuses a program, OFL_CONF_BPF_LOG=2 (or 1) */
		entries[i].log_size = log_level & 3 ? 64u << 20 : 4096;
		entries[i].log = calloc(1, entries[i].log_size);
		if (!entries[i].log)
			return 1;
		bpf_program__set_log_buf(p, entries[i].log,
					 entries[i].log_size);
		bpf_program__set_log_level(p, log_level);
	}
	err = bpf_object__load(obj);
	if (err) {
		if (ofl_bpf_refused(err)) {
			printf("SKIP: the kernel refuses BPF here (%s)\n",
			       strerror(-err));
			return OFL_TEST_SKIP;
		}
		for (i = 0; i < NENTRIES; i++)
			if (entries[i].log[0])
				fprintf(stderr, "%s:\n%s\n", entries[i].name,
					entries[i].log);
		fprintf(stderr, "load %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	for (i = 0; i < NENTRIES; i++) {
		struct bpf_program *p =
			bpf_object__find_program_by_name(obj, entries[i].name);
		/* "stack depth 8+40": the entry point's, then each global
		 * (separately verified) function's */
		const char *sd = strstr(entries[i].log, "stack depth ");
		int sdn = 0;

		entries[i].fd = bpf_program__fd(p);
		if (sd) {
			sd += strlen("stack depth ");
			sdn = (int)strcspn(sd, " \n");
		}
		printf("entry %s insns %u processed %ld stack %.*s\n",
		       entries[i].name,
		       (unsigned int)bpf_program__insn_cnt(p),
		       stat_after(entries[i].log, "processed "),
		       sd ? sdn : 2, sd ? sd : "-1");
	}
	ofl_conf_run(&c, bpf_exec, &c);
	ofl_conf_summary(&c, line);
	printf("ofl-conformance %s\n", line);
	ofl_conf_modules(&c, mods, sizeof(mods));
	fputs(mods, stdout);
	bpf_object__close(obj);
	if (mismatches)
		printf("%u cases differ from the native library\n",
		       mismatches);
	return c.failures || mismatches ? 1 : 0;
}
