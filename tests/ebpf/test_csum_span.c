// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ofl_csum_span() in XDP under BPF_PROG_TEST_RUN equals the native build on
 * random frames of 14 to 3400 bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include "bpf_run.h"

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	static uint8_t in[3500], out[3500];
	uint64_t seed = 0x0f1c5eedULL;
	int err, fd, i, bad = 0;

	if (argc < 2)
		return 2;
	err = ofl_bpf_load_test(&b, argv[1]);
	if (err)
		return err;
	fd = ofl_bpf_prog_fd(&b, "csum_span");
	for (i = 0; i < 5000; i++) {
		size_t len, olen = sizeof(out), j;
		uint32_t ret;
		uint16_t native, got;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		len = 14 + (size_t)(seed >> 33) % (3400 - 14 + 1);
		for (j = 0; j < len; j++) {
			seed = seed * 6364136223846793005ULL + 1;
			in[j] = (uint8_t)(seed >> 56);
		}
		native = ofl_csum_fold(ofl_csum_partial(in, len, 0));
		err = ofl_bpf_run(fd, in, len, out, &olen, &ret);
		if (err || ret != 2 /* XDP_PASS */) {
			fprintf(stderr, "run failed: %d ret %u\n", err, ret);
			return 1;
		}
		memcpy(&got, out, 2);
		if (got != native) {
			fprintf(stderr, "len %zu: bpf %04x native %04x\n", len,
				got, native);
			bad++;
		}
	}
	ofl_bpf_close(&b);
	printf("%d of 5000 frames differ\n", bad);
	return bad ? 1 : 0;
}
