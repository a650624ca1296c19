// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_csum_span() in BPF at its verified bound (issue 18): frames of up
 * to OFL_CSUM_BPF_MAX_SPAN (9216) bytes and a few past it go out of one
 * end of a veth pair with a 9216-byte MTU (run by csum_span_big.sh in a
 * private network namespace) and into csum_span_big.bpf.c, attached as
 * generic XDP to the other end. Up to the bound the program's sum must
 * equal the native sum of the whole frame; past it, the native sum of
 * its first OFL_CSUM_BPF_MAX_SPAN to OFL_CSUM_BPF_MAX_SPAN + 31 bytes, as
 * csum.h documents.
 *   test_csum_span_big OBJ TXIF RXIF
 */
#define _GNU_SOURCE	/* usleep */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <offload/csum.h>
#include "bpf_run.h"

static const unsigned int lens[] = {
	60, 1514, 3400, 3500, 4096, 6000, 8000, 9000, 9100, 9200, 9208,
	9214, 9215, 9216,			/* up to the bound */
	9217, 9218, 9223, 9224, 9225, 9229, 9230,	/* past it */
};
#define NLENS (sizeof(lens) / sizeof(lens[0]))

static uint8_t fr[NLENS][9230];

int main(int argc, char **argv)
{
	static struct ofl_bpf b;
	struct sockaddr_ll a;
	unsigned int i, bad = 0, tx, rx;
	uint64_t seed = 0x51ab5eedULL;
	int prog, map, s, rc;

	if (argc < 4)
		return 2;
	rc = ofl_bpf_load_test(&b, argv[1]);
	if (rc)
		return rc;
	prog = ofl_bpf_prog_fd(&b, "csum_span_big");
	map = ofl_bpf_map_fd(&b, "sums");
	tx = if_nametoindex(argv[2]);
	rx = if_nametoindex(argv[3]);
	if (prog < 0 || map < 0 || !tx || !rx)
		return 1;
	if (bpf_xdp_attach((int)rx, prog, XDP_FLAGS_SKB_MODE, NULL)) {
		perror("bpf_xdp_attach (generic)");
		return 1;
	}
	s = socket(AF_PACKET, SOCK_RAW, 0);
	if (s < 0) {
		perror("AF_PACKET");
		return 1;
	}
	memset(&a, 0, sizeof(a));
	a.sll_family = AF_PACKET;
	a.sll_ifindex = (int)tx;
	a.sll_halen = 6;
	memset(a.sll_addr, 0xff, 6);
	for (i = 0; i < NLENS; i++) {
		unsigned int j;

		for (j = 0; j < lens[i]; j++) {
			seed = seed * 6364136223846793005ULL +
			       1442695040888963407ULL;
			fr[i][j] = (uint8_t)(seed >> 56);
		}
		memset(fr[i], 0xff, 6);
		fr[i][12] = 0x88;
		fr[i][13] = 0xb5;
		if (sendto(s, fr[i], lens[i], 0, (struct sockaddr *)&a,
			   sizeof(a)) != (ssize_t)lens[i]) {
			fprintf(stderr, "send %u bytes: ", lens[i]);
			perror("");
			bad++;
		}
	}
	usleep(300 * 1000);
	for (i = 0; i < NLENS; i++) {
		uint32_t key = lens[i], got, want, k;
		int ok = 0;

		if (bpf_map_lookup_elem(map, &key, &got)) {
			printf("FAIL %u bytes: no sum (frame not seen)\n",
			       lens[i]);
			bad++;
			continue;
		}
		if (lens[i] <= OFL_CSUM_BPF_MAX_SPAN) {
			want = ofl_csum_fold(ofl_csum_partial(fr[i], lens[i],
							      0));
			ok = got == want;
		} else {
			want = 0;
			for (k = OFL_CSUM_BPF_MAX_SPAN;
			     k <= OFL_CSUM_BPF_MAX_SPAN + 31 && k <= lens[i];
			     k++)
				if (got == ofl_csum_fold(ofl_csum_partial(
						   fr[i], k, 0)))
					ok = 1;
		}
		printf("%s %u bytes: bpf %04x%s\n", ok ? "ok  " : "FAIL",
		       lens[i], got, lens[i] <= OFL_CSUM_BPF_MAX_SPAN ?
		       " (whole frame, as natively)" :
		       " (a 9216..9247-byte prefix, as documented)");
		if (!ok) {
			printf("     native %04x\n", want);
			bad++;
		}
	}
	bpf_xdp_detach((int)rx, XDP_FLAGS_SKB_MODE, NULL);
	close(s);
	ofl_bpf_close(&b);
	printf("ofl_csum_span in XDP, frames up to %u bytes: %s\n",
	       lens[NLENS - 1], bad ? "FAIL" : "PASS");
	return bad ? 1 : 0;
}
