/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Run a flow dissector program under BPF_PROG_TEST_RUN (net/bpf/test_run.c,
 * bpf_prog_test_run_flow_dissector(): n_proto from the Ethernet header,
 * nhoff 14, @flags as struct bpf_flow_keys.flags of ctx_in). */
#ifndef OFL_TESTS_FD_RUN_H
#define OFL_TESTS_FD_RUN_H

#include <stdint.h>
#include <string.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>

static inline int fd_run(int prog, const void *f, size_t n, uint32_t flags,
			 unsigned int repeat, struct bpf_flow_keys *k,
			 uint32_t *retval, uint32_t *ns)
{
	static struct bpf_flow_keys ctx;
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = f,
		    .data_size_in = (uint32_t)n, .data_out = k,
		    .data_size_out = sizeof(*k), .repeat = repeat);
	int err;

	memset(k, 0, sizeof(*k));
	if (flags) {
		memset(&ctx, 0, sizeof(ctx));
		ctx.flags = flags;
		o.ctx_in = &ctx;
		o.ctx_size_in = sizeof(ctx);
	}
	err = bpf_prog_test_run_opts(prog, &o);
	if (err)
		return err;
	*retval = o.retval;
	if (ns)
		*ns = o.duration;
	return 0;
}

#endif
