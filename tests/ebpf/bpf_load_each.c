// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Loads every program of each BPF object on its own (the others not
 * loaded), so that one program the verifier refuses does not hide the
 * next, and prints one line each:
 *
 *   bpf <release> <object> <program> OK <n> insns processed
 *   bpf <release> <object> <program> FAIL <errno name>: <the verifier's last lines>
 *
 * For scripts/check-bpf-kernels.sh, which runs it in guests of other
 * kernels (statically linked). Exit 0 if every program loaded, 1 if not,
 * 2 on bad usage or an unreadable object.
 *
 * usage: bpf_load_each RELEASE OBJECT...
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>

#define LOG_SIZE (16u << 20)

/* the last @n lines of @log, newlines as " | " */
static void tail(const char *log, int n)
{
	size_t len = strlen(log), s = len;
	int nl = 0;

	while (s > 0 && log[s - 1] == '\n')
		len = --s;
	while (s > 0 && nl < n) {
		s--;
		if (log[s] == '\n')
			nl++;
	}
	for (; s < len; s++) {
		if (log[s] == '\n')
			fputs(" | ", stdout);
		else
			putchar(log[s]);
	}
}

static int count(const char *path)
{
	struct bpf_object *o = bpf_object__open_file(path, NULL);
	struct bpf_program *p;
	int n = 0;

	if (!o)
		return -1;
	bpf_object__for_each_program(p, o)
		n++;
	bpf_object__close(o);
	return n;
}

/* Load program @k of @path alone at @level; 0 or the error. */
static int load_one(const char *path, int k, int level, char *log,
		    const char **name)
{
	struct bpf_object *o = bpf_object__open_file(path, NULL);
	struct bpf_program *p;
	int i = 0, err;

	if (!o)
		return -ENOENT;
	bpf_object__for_each_program(p, o) {
		int me = i++ == k;

		bpf_program__set_autoload(p, me);
		if (!me)
			continue;
		*name = strdup(bpf_program__name(p));
		/* a section libbpf does not name (iproute2's tc loads
		 * gso_ipxip_encap's "tc4"/"tc6"): a tc program */
		if (bpf_program__type(p) == BPF_PROG_TYPE_UNSPEC)
			bpf_program__set_type(p, BPF_PROG_TYPE_SCHED_CLS);
		log[0] = 0;
		bpf_program__set_log_buf(p, log, LOG_SIZE);
		bpf_program__set_log_level(p, level);
	}
	err = bpf_object__load(o);
	bpf_object__close(o);
	return err;
}

int main(int argc, char **argv)
{
	char *log = malloc(LOG_SIZE);
	int a, bad = 0;

	if (argc < 3 || !log) {
		fprintf(stderr, "usage: %s RELEASE OBJECT...\n", argv[0]);
		return 2;
	}
	libbpf_set_print(NULL);
	for (a = 2; a < argc; a++) {
		const char *obj = strrchr(argv[a], '/');
		int k, n = count(argv[a]);

		obj = obj ? obj + 1 : argv[a];
		if (n < 0) {
			printf("bpf %s %s - FAIL cannot open\n", argv[1], obj);
			bad = 1;
			continue;
		}
		for (k = 0; k < n; k++) {
			const char *name = "?", *q;
			/* statistics only (cheap under qemu); the full log
			 * again for a refusal, for its message */
			int err = load_one(argv[a], k, 4, log, &name);

			if (!err) {
				q = strstr(log, "processed ");
				printf("bpf %s %s %s OK %ld insns processed\n",
				       argv[1], obj, name,
				       q ? strtol(q + 10, NULL, 10) : -1L);
				continue;
			}
			bad = 1;
			load_one(argv[a], k, 1, log, &name);
			printf("bpf %s %s %s FAIL %s: ", argv[1], obj, name,
			       strerror(-err));
			tail(log, 3);
			putchar('\n');
		}
	}
	return bad;
}
