// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The kernel's own flow dissector selftest table
 * (tools/testing/selftests/bpf/prog_tests/flow_dissector.c of Debian's
 * linux-source-6.12, extracted by gen_selftest.py) against the ofl flow
 * dissector under BPF_PROG_TEST_RUN, each case with its flags, as the
 * selftest runs bpf_flow.c. Each case is also run through lib/parser
 * natively (fk_native.h): the keys must be the same bytes.
 *
 * One documented difference (docs/PARSER.md, "The flow dissector"):
 * "ipip-encap-dissector-continue" expects BPF_FLOW_DISSECTOR_CONTINUE,
 * which bpf_flow.c returns for the source address FLOW_CONTINUE_SADDR
 * (127.0.0.127) to test the kernel's fall-back path. ofl has no such test
 * hook; it must return BPF_OK with the keys the built-in dissector would
 * then give: those of "ipip-encap" with this case's ports.
 */
#include "selftest_table.h"

#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include "bpf_run.h"
#include "fd_run.h"
#include "fk_native.h"

static void show(const char *what, const struct bpf_flow_keys *k)
{
	fprintf(stderr, "  %s: nhoff=%u thoff=%u addr_proto=0x%x is_frag=%u "
		"is_first_frag=%u is_encap=%u ip_proto=%u n_proto=0x%x "
		"flow_label=0x%x sport=%u dport=%u flags=%u\n", what,
		k->nhoff, k->thoff, k->addr_proto, k->is_frag,
		k->is_first_frag, k->is_encap, k->ip_proto,
		__builtin_bswap16(k->n_proto),
		__builtin_bswap32(k->flow_label), k->sport, k->dport,
		k->flags);
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	static struct ofl_parse_result res;
	struct ofl_fk_state st;
	unsigned int i, pass = 0, diff = 0, bad = 0;
	int prog, rc;

	(void)duration;
	if (argc < 2)
		return 2;
	rc = ofl_bpf_load_test(&b, argv[1]);
	if (rc)
		return rc;
	prog = ofl_bpf_prog_fd(&b, "ofl_flow_dissector");
	if (prog < 0)
		return 1;
	for (i = 0; i < SELFTEST_COUNT; i++) {
		const struct test *t = &tests[i];
		struct bpf_flow_keys got, nat, want = t->keys;
		uint32_t ret, wret = t->retval;
		int nret, documented = 0;

		if (!strcmp(t->name, "ipip-encap-dissector-continue")) {
			unsigned int j;

			for (j = 0; j < SELFTEST_COUNT; j++)
				if (!strcmp(tests[j].name, "ipip-encap"))
					want = tests[j].keys;
			want.sport = t->pkt.ipip.tcp.source;
			want.dport = t->pkt.ipip.tcp.dest;
			wret = BPF_OK;
			documented = 1;
		}
		if (fd_run(prog, &t->pkt, sizeof(t->pkt), t->flags, 1, &got,
			   &ret, NULL)) {
			perror("BPF_PROG_TEST_RUN");
			return 1;
		}
		nret = fk_native((const uint8_t *)&t->pkt, sizeof(t->pkt),
				 t->flags, &nat, &st, &res);
		if (ret != wret || memcmp(&got, &want, sizeof(got))) {
			fprintf(stderr, "FAIL %s: retval %u (want %u)\n",
				t->name, ret, wret);
			show("ofl ", &got);
			show("want", &want);
			bad++;
		} else if (documented) {
			printf("ok   %s (documented difference: BPF_OK with "
			       "the built-in dissector's keys, not bpf_flow.c's "
			       "CONTINUE hook)\n", t->name);
			diff++;
		} else {
			printf("ok   %s\n", t->name);
			pass++;
		}
		if ((uint32_t)nret != ret || memcmp(&got, &nat, sizeof(got))) {
			fprintf(stderr, "FAIL %s: native lib/parser keys differ "
				"(retval %d)\n", t->name, nret);
			show("bpf   ", &got);
			show("native", &nat);
			bad++;
		}
	}
	printf("kernel flow dissector selftest table: %u cases, %u pass, %u "
	       "documented difference, %u fail (native keys compared too)\n",
	       (unsigned int)SELFTEST_COUNT, pass, diff, bad);
	ofl_bpf_close(&b);
	return bad ? 1 : 0;
}
