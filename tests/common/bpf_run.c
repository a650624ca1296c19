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

int ofl_bpf_load(struct ofl_bpf *b, const char *path)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .kernel_log_buf = b->log,
		    .kernel_log_size = sizeof(b->log),
		    .kernel_log_level = 4 /* stats only */);
	int err;

	libbpf_set_print(quiet_print);
	b->log[0] = 0;
	b->obj = bpf_object__open_file(path, &oo);
	if (!b->obj)
		return -errno;
	err = bpf_object__load(b->obj);
	if (err) {
		fprintf(stderr, "bpf: loading %s failed: %s\n%s\n", path,
			strerror(-err), b->log);
		bpf_object__close(b->obj);
		b->obj = NULL;
		return err;
	}
	return 0;
}

int ofl_bpf_load_test(struct ofl_bpf *b, const char *path)
{
	int err = ofl_bpf_load(b, path);

	if (err) {
		if (ofl_bpf_refused(err)) {
			printf("SKIP: the kernel refuses BPF here (%s)\n",
			       strerror(-err));
			return OFL_TEST_SKIP;
		}
		return 1;
	}
	printf("verifier: %ld insns processed\n", ofl_bpf_processed_insns(b));
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

long ofl_bpf_processed_insns(const struct ofl_bpf *b)
{
	const char *p = strstr(b->log, "processed ");

	return p ? strtol(p + 10, NULL, 10) : -1;
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
