// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl-xdp-csum: load xdp_csum_verify.bpf.o (through its libbpf skeleton),
 * attach it to an interface, print its counters every second, and detach
 * on Ctrl-C or after --seconds.
 *
 *   ofl-xdp-csum [--count-only] [--skb] [--seconds N] IFNAME
 *
 * --count-only  pass every frame, only count (sets count_only in .rodata)
 * --skb         generic XDP (any interface) instead of the driver's
 */
#include <errno.h>
#include <getopt.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/if_link.h>
#include "xdp_csum_verify.h"
#include "xdp_csum_verify.skel.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static const char *const slot_name[OFL_XDPC_NR] = {
	"ipv4-header", "tcp4", "udp4", "tcp6", "udp6", "other-ip",
};

static int print_counters(int mfd)
{
	int ncpu = libbpf_num_possible_cpus(), i;
	struct ofl_xdpc_count *v = calloc((size_t)ncpu, sizeof(*v));
	__u32 slot;

	if (!v)
		return -ENOMEM;
	for (slot = 0; slot < OFL_XDPC_NR; slot++) {
		unsigned long long g = 0, b = 0, u = 0;

		if (bpf_map_lookup_elem(mfd, &slot, v)) {
			free(v);
			return -errno;
		}
		for (i = 0; i < ncpu; i++) {
			g += v[i].good;
			b += v[i].bad;
			u += v[i].unchecked;
		}
		printf("%-12s good %llu bad %llu unchecked %llu\n",
		       slot_name[slot], g, b, u);
	}
	printf("\n");
	fflush(stdout);
	free(v);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count-only", no_argument, NULL, 'c' },
		{ "skb", no_argument, NULL, 's' },
		{ "seconds", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct xdp_csum_verify *skel;
	__u32 flags = XDP_FLAGS_DRV_MODE;
	int count_only = 0, seconds = -1, ifindex, fd, err, c;

	while ((c = getopt_long(argc, argv, "cst:", opts, NULL)) != -1) {
		switch (c) {
		case 'c': count_only = 1; break;
		case 's': flags = XDP_FLAGS_SKB_MODE; break;
		case 't': seconds = atoi(optarg); break;
		default: goto usage;
		}
	}
	if (optind != argc - 1)
		goto usage;
	ifindex = (int)if_nametoindex(argv[optind]);
	if (!ifindex) {
		fprintf(stderr, "%s: no such interface\n", argv[optind]);
		return 1;
	}
	skel = xdp_csum_verify__open();
	if (!skel) {
		fprintf(stderr, "open: %s\n", strerror(errno));
		return 1;
	}
	skel->rodata->count_only = (__u32)count_only;
	err = xdp_csum_verify__load(skel);
	if (err) {
		fprintf(stderr, "load: %s\n", strerror(-err));
		xdp_csum_verify__destroy(skel);
		return 1;
	}
	fd = bpf_program__fd(skel->progs.xdp_csum_verify);
	err = bpf_xdp_attach(ifindex, fd, flags, NULL);
	if (err) {
		fprintf(stderr, "attach to %s: %s\n", argv[optind],
			strerror(-err));
		xdp_csum_verify__destroy(skel);
		return 1;
	}
	printf("xdp_csum_verify on %s (%s mode%s)\n", argv[optind],
	       flags == XDP_FLAGS_SKB_MODE ? "generic" : "driver",
	       count_only ? ", count only" : "");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	while (!stop && seconds != 0) {
		sleep(1);
		if (seconds > 0)
			seconds--;
		if (!stop && seconds != 0)
			print_counters(bpf_map__fd(skel->maps.ofl_csum_stats));
	}
	print_counters(bpf_map__fd(skel->maps.ofl_csum_stats));
	bpf_xdp_detach(ifindex, flags, NULL);
	xdp_csum_verify__destroy(skel);
	return 0;
usage:
	fprintf(stderr, "usage: %s [--count-only] [--skb] [--seconds N] "
		"IFNAME\n", argv[0]);
	return 2;
}
