// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Loads tests/gro/gro_fns.bpf.c: each global function of lib/gro's BPF
 * form verified as the only callee of a program of its own, so a function
 * the verifier refuses is named, and prints each program's processed
 * instructions (the function's and its global callees'; docs/GRO.md,
 * "eBPF", subtracts the callees); and fn_parse_gro, the parser's step
 * loop and ofl_gro_receive() in one program: the room two modules leave.
 */
#include <stdio.h>
#include "bpf_run.h"

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: %s gro_fns_bpf.o\n", argv[0]);
		return 2;
	}
	rc = ofl_bpf_load_test(&b, argv[1]);
	ofl_bpf_close(&b);
	return rc;
}
