// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpf_run.h"

static int quiet_print(enum libbpf_print_level level, const char *fmt,
		       va_list ap)
{
	if (level == LIBBPF_WARN)
		return vfprintf(stderr, fmt, ap);
	return 0;
}

/* The count in a verifier log, or -1. */
static long log_insns(const char *log)
{
	const char *p = strstr(log, "processed ");

	return p ? strtol(p + 10, NULL, 10) : -1;
}

int ofl_bpf_load(struct ofl_bpf *b, const char *path)
{
	struct bpf_program *p;
	int err, i = 0;

	libbpf_set_print(quiet_print);
	for (i = 0; i < OFL_BPF_MAX_PROGS; i++)
		b->plog[i][0] = 0;
	i = 0;
	b->obj = bpf_object__open_file(path, NULL);
	if (!b->obj)
		return -errno;
	bpf_object__for_each_program(p, b->obj) {
		if (i == OFL_BPF_MAX_PROGS)
			break;
		if (bpf_program__set_log_buf(p, b->plog[i],
					     sizeof(b->plog[i])) ||
		    bpf_program__set_log_level(p, 4)) {
			bpf_object__close(b->obj);
			b->obj = NULL;
			return -EINVAL;
		}
		i++;
	}
	err = bpf_object__load(b->obj);
	if (err) {
		/* the failed program's log, after those of the programs
		 * loaded before it (their statistics) */
		fprintf(stderr, "bpf: loading %s failed: %s\n", path,
			strerror(-err));
		for (i = 0; i < OFL_BPF_MAX_PROGS; i++)
			if (b->plog[i][0])
				fprintf(stderr, "%s\n", b->plog[i]);
		bpf_object__close(b->obj);
		b->obj = NULL;
		return err;
	}
	return 0;
}

int ofl_bpf_load_test(struct ofl_bpf *b, const char *path)
{
	struct bpf_program *p;
	int err = ofl_bpf_load(b, path);

	if (err) {
		if (ofl_bpf_refused(err)) {
			printf("SKIP: the kernel refuses BPF here (%s)\n",
			       strerror(-err));
			return OFL_TEST_SKIP;
		}
		return 1;
	}
	bpf_object__for_each_program(p, b->obj)
		printf("verifier: %s: %ld insns processed\n",
		       bpf_program__name(p),
		       ofl_bpf_prog_insns(b, bpf_program__name(p)));
	return 0;
}

int ofl_bpf_prog_fd(struct ofl_bpf *b, const char *name)
{
	struct bpf_program *p =
		bpf_object__find_program_by_name(b->obj, name);

	return p ? bpf_program__fd(p) : -ENOENT;
}

int ofl_bpf_map_fd(struct ofl_bpf *b, const char *name)
{
	return bpf_object__find_map_fd_by_name(b->obj, name);
}

int ofl_bpf_run(int fd, const void *in, size_t in_len, void *out,
		size_t *out_len, uint32_t *retval)
{
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = in,
		    .data_size_in = (__u32)in_len, .data_out = out,
		    .data_size_out = out && out_len ? (__u32)*out_len : 0,
		    .repeat = 1);
	int err = bpf_prog_test_run_opts(fd, &o);

	if (err)
		return -errno;
	if (out_len)
		*out_len = o.data_size_out;
	if (retval)
		*retval = o.retval;
	return 0;
}

long ofl_bpf_prog_insns(const struct ofl_bpf *b, const char *name)
{
	struct bpf_program *p;
	int i = 0;

	if (!b->obj)
		return -1;
	bpf_object__for_each_program(p, b->obj) {
		if (i == OFL_BPF_MAX_PROGS)
			break;
		if (!strcmp(bpf_program__name(p), name))
			return log_insns(b->plog[i]);
		i++;
	}
	return -1;
}

void ofl_bpf_close(struct ofl_bpf *b)
{
	if (b->obj)
		bpf_object__close(b->obj);
	b->obj = NULL;
}

int ofl_bpf_refused(int err)
{
	/* EACCES and EINVAL are the verifier's rejections: failures, not
	 * refusals of the machine. */
	return err == -EPERM || err == -ENOSYS || err == -EOPNOTSUPP;
}
