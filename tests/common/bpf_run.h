/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Test harness for BPF objects built from the core with offload/bpf.h:
 * load (the verifier runs), run a program with BPF_PROG_TEST_RUN on given
 * bytes, read maps back, and report the verifier's figures.
 *
 * Every call returns 0 or a negative errno. A test that gets -EPERM,
 * -ENOSYS or -EOPNOTSUPP from ofl_bpf_load() should print "SKIP: <why>"
 * and exit with OFL_TEST_SKIP (ctest SKIP_RETURN_CODE).
 */
#ifndef OFL_TEST_BPF_RUN_H
#define OFL_TEST_BPF_RUN_H

#include <stddef.h>
#include <stdint.h>

#define OFL_TEST_SKIP 77

struct bpf_object;
struct bpf_program;

/* programs of one object with a verifier log of their own (more: their
 * count is -1) */
#define OFL_BPF_MAX_PROGS 16

struct ofl_bpf {
	struct bpf_object *obj;
	/* each program's own verifier log (stats level), in the object's
	 * order: the kernel's log of a load is per program, and one buffer
	 * for the object held only the last program's log */
	char plog[OFL_BPF_MAX_PROGS][1 << 16];
};

/* Open and load @path; on failure the verifier log is printed to stderr. */
int ofl_bpf_load(struct ofl_bpf *b, const char *path);
/*
 * ofl_bpf_load() for a test program: on success print the verifier's
 * processed-instruction count of each program of the object
 * ("verifier: NAME: N insns processed") and return 0; if the machine
 * refuses BPF
 * print "SKIP: <why>" and return OFL_TEST_SKIP; on any other failure (a
 * verifier rejection: its log is on stderr) return 1. So a test's main()
 * does `if ((rc = ofl_bpf_load_test(&b, path))) return rc;`.
 */
int ofl_bpf_load_test(struct ofl_bpf *b, const char *path);

/* fd of program @name (its C function name), or negative errno. */
int ofl_bpf_prog_fd(struct ofl_bpf *b, const char *name);
/* fd of map @name, or negative errno. */
int ofl_bpf_map_fd(struct ofl_bpf *b, const char *name);

/*
 * Run program @fd once on @in (@in_len bytes, as the packet; XDP needs
 * >= 14 bytes). If @out is non-NULL, up to *@out_len bytes of the packet
 * after the run are copied there and *@out_len is set. *@retval gets the
 * program's return value.
 */
int ofl_bpf_run(int fd, const void *in, size_t in_len, void *out,
		size_t *out_len, uint32_t *retval);

/* The verifier's "processed N insns" for program @name (its C function
 * name) of the loaded object, or -1. */
long ofl_bpf_prog_insns(const struct ofl_bpf *b, const char *name);

void ofl_bpf_close(struct ofl_bpf *b);

/* 1 if @err from ofl_bpf_load() means "this machine refuses BPF". */
int ofl_bpf_refused(int err);

#endif
