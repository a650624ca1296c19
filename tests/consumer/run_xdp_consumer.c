// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * run_xdp_consumer OBJ.o OBJ_FRAGS.o: load the consumer XDP program built
 * from the installed tree (the verifier runs) and compare what it computes
 * under BPF_PROG_TEST_RUN with the native library.
 *
 * BPF_PROG_TEST_RUN puts at most one page minus XDP headroom and
 * skb_shared_info into the linear part that ctx->data..data_end covers
 * (3520 bytes with 4 KiB pages) and the rest, if any, into fragments. The
 * program reports the length of its view with the sum. OBJ runs on frames
 * of 14 bytes up to that limit (the whole frame in view), OBJ_FRAGS
 * (SEC "xdp.frags") on frames up to 9216 bytes, where it must return the sum
 * of exactly its view. The verifier's proof for the whole
 * OFL_CSUM_BPF_MAX_SPAN (9216) bound is the load itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include "bpf_run.h"

static uint64_t seed = 0x0fc0de5eedULL;

static uint32_t rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(seed >> 33);
}

static uint8_t in[9216], out[9216 + 64];

/* Run once on @len random bytes; return 0 when the program's sum over its
 * view equals the native one and the view is the whole frame, or, when
 * @partial, at least @min_view bytes of it. */
static int run_one(int fd, size_t len, int partial, size_t min_view)
{
	size_t olen = sizeof(out), j;
	uint32_t ret;
	uint16_t native, got, view;
	int err;

	for (j = 0; j < len; j++)
		in[j] = (uint8_t)rnd();
	err = ofl_bpf_run(fd, in, len, out, &olen, &ret);
	if (err || ret != 2 /* XDP_PASS */) {
		fprintf(stderr, "len %zu: run failed: %s, ret %u\n", len,
			strerror(-err), ret);
		return 1;
	}
	memcpy(&got, out, 2);
	memcpy(&view, out + 2, 2);
	if (view > len || (!partial && view != len) ||
	    (partial && view < (len < min_view ? len : min_view))) {
		fprintf(stderr, "len %zu: the program saw %u bytes\n", len,
			view);
		return 1;
	}
	native = ofl_csum_fold(ofl_csum_partial(in, view, 0));
	if (got != native) {
		fprintf(stderr, "len %zu (view %u): bpf %04x native %04x\n",
			len, view, got, native);
		return 1;
	}
	return 0;
}

static int load(struct ofl_bpf *b, const char *path, int *fd)
{
	int err = ofl_bpf_load(b, path);

	if (err) {
		if (ofl_bpf_refused(err)) {
			printf("SKIP: the kernel refuses BPF here (%s)\n",
			       strerror(-err));
			exit(OFL_TEST_SKIP);
		}
		fprintf(stderr, "FAIL: %s rejected\n", path);
		exit(1);
	}
	*fd = ofl_bpf_prog_fd(b, "xdp_consumer");
	printf("%s: verifier accepted, %ld insns processed\n", path,
	       ofl_bpf_prog_insns(b, "xdp_consumer"));
	return *fd < 0;
}

int main(int argc, char **argv)
{
	static struct ofl_bpf b, bf;
	size_t limit = 0, len;
	uint32_t ret;
	int fd, ffd, bad = 0, n = 0, i;

	if (argc < 3)
		return 2;
	if (load(&b, argv[1], &fd) || load(&bf, argv[2], &ffd))
		return 1;
	/* The largest frame test_run puts wholly in the linear part. */
	for (len = 4096; len >= 14; len--) {
		size_t olen = sizeof(out);
		uint16_t view;

		memset(in, 0, len);
		if (ofl_bpf_run(fd, in, len, out, &olen, &ret))
			continue;
		memcpy(&view, out + 2, 2);
		if (view == len) {
			limit = len;
			break;
		}
	}
	if (limit < 1500) {
		fprintf(stderr, "FAIL: test_run takes only %zu bytes\n", limit);
		return 1;
	}
	printf("BPF_PROG_TEST_RUN linear limit: %zu bytes\n", limit);
	for (len = 14; len <= 64; len++, n++)
		bad += run_one(fd, len, 0, 0);
	for (i = 0; i < 500; i++, n++) {
		len = 14 + rnd() % (limit - 14 + 1);
		bad += run_one(fd, len, 0, 0);
	}
	for (len = limit - 8; len <= limit; len++, n++)
		bad += run_one(fd, len, 0, 0);
	/* Multi-buffer: frames up to 9216 bytes, the program sees the
	 * linear part. */
	for (i = 0; i < 200; i++, n++) {
		len = i < 4 ? 9216 - (size_t)i : 14 + rnd() % (9216 - 14 + 1);
		bad += run_one(ffd, len, 1, limit);
	}
	ofl_bpf_close(&b);
	ofl_bpf_close(&bf);
	printf("%d frames (14..9216 bytes), %d differ from native\n", n, bad);
	return bad ? 1 : 0;
}
