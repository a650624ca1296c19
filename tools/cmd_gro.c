// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl gro [--flush-every N] [--vxlan] [--geneve] IN.pcap OUT.pcap
 *
 * Every frame of IN arrives in one receive burst and goes through lib/gro
 * with the default profile (the running kernel's, 6.18); at the end (and,
 * with --flush-every N, after every N frames) everything held is flushed.
 * OUT holds what a Linux receiver would deliver, in Linux's order: merged
 * frames with headers fixed up and complete TCP checksums, and frames
 * passed up alone. Frames count as CHECKSUM_NONE: TCP checksums are
 * validated in software, as for a device without receive offload. The RSS
 * hash is 0 for every frame (one bucket: a single-queue device without a
 * hash, as veth). With --vxlan, a VXLAN socket is taken to listen on
 * UDP 4789 (as with a vxlan device up): VXLAN-encapsulated TCP is merged
 * (OFL_GRO_F_VXLAN), and a merged frame's outer UDP checksum, if not
 * zero, is completed too; --geneve likewise for GENEVE on UDP 6081.
 * GRE and IP-in-IP (IPIP, SIT, 4in6, 6in6) tunnels are merged by default,
 * as by Linux, whose GRE and IP-in-IP GRO handlers are always registered;
 * --no-iptun passes them up alone (OFL_GRO_F_NO_IPTUN). A merged GRE
 * frame keeps the first segment's GRE checksum, as in Linux.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include "cmds.h"
#include "pcapio.h"

struct gro_tool {
	uint8_t **frames;
	uint32_t *lens;
	uint64_t *ts;
	uint32_t n;
	struct pcapio_out *out;
	uint8_t *buf;
};

static int gro_emit(struct gro_tool *t, const struct ofl_gro_pkt *pk,
		    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		int len = ofl_gro_pkt_linearize(&pk[i],
			(const uint8_t *const *)t->frames, t->lens, t->n,
			t->buf, 262144, 1);

		if (len < 0) {
			fprintf(stderr, "ofl gro: %s\n", ofl_strerror(len));
			return -1;
		}
		pcapio_write(t->out, t->buf, (size_t)len, t->ts[pk[i].frame]);
	}
	return 0;
}

static int gro_load(struct gro_tool *t, const char *path)
{
	struct pcapio_in *in = pcapio_open(path);
	const uint8_t *d;
	size_t len, cap = 0;
	uint64_t ts;
	int r;

	if (!in)
		return -1;
	while ((r = pcapio_next(in, &d, &len, NULL, &ts)) == 1) {
		if (t->n == cap) {
			cap = cap ? cap * 2 : 1024;
			t->frames = realloc(t->frames, cap * sizeof(*t->frames));
			t->lens = realloc(t->lens, cap * sizeof(*t->lens));
			t->ts = realloc(t->ts, cap * sizeof(*t->ts));
			if (!t->frames || !t->lens || !t->ts)
				return -1;
		}
		t->frames[t->n] = malloc(len ? len : 1);
		if (!t->frames[t->n])
			return -1;
		memcpy(t->frames[t->n], d, len);
		t->lens[t->n] = (uint32_t)len;
		t->ts[t->n] = ts;
		t->n++;
	}
	pcapio_close(in);
	return r < 0 ? -1 : 0;
}

static int gro_run(struct gro_tool *t, unsigned long every, uint32_t flags)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt pk[OFL_GRO_MAX_FLOWS];
	struct ofl_gro_opts o = { .sz = sizeof(o), .flags = flags };
	uint32_t i;
	unsigned int m;

	ofl_gro_init(&ctx, &o);
	for (i = 0; i < t->n; i++) {
		struct ofl_gro_frame f = {
			.data = t->frames[i], .len = t->lens[i], .hash = 0,
			.id = i, .ip_summed = OFL_CHECKSUM_NONE,
		};

		ofl_gro_receive(&ctx, &f, pk, &m);
		if (gro_emit(t, pk, m))
			return -1;
		if (every && (i + 1) % every == 0) {
			int k = ofl_gro_flush(&ctx, pk, OFL_GRO_MAX_FLOWS);

			if (gro_emit(t, pk, (unsigned int)k))
				return -1;
		}
	}
	return gro_emit(t, pk,
			(unsigned int)ofl_gro_flush(&ctx, pk, OFL_GRO_MAX_FLOWS));
}

int cmd_gro(int argc, char **argv)
{
	struct gro_tool t = { 0 };
	unsigned long every = 0;
	uint32_t flags = 0;
	int a = 1, rc;
	char *e;

	while (a < argc && argv[a][0] == '-' && argv[a][1] == '-') {
		if (!strcmp(argv[a], "--no-iptun")) {
			flags |= OFL_GRO_F_NO_IPTUN;
			a++;
			continue;
		}
		if (!strcmp(argv[a], "--vxlan") ||
		    !strcmp(argv[a], "--geneve")) {
			flags |= argv[a][2] == 'v' ? OFL_GRO_F_VXLAN :
						     OFL_GRO_F_GENEVE;
			a++;
			continue;
		}
		if (strcmp(argv[a], "--flush-every") || a + 1 >= argc)
			goto usage;
		errno = 0;
		every = strtoul(argv[a + 1], &e, 10);
		if (errno || *e || !every)
			goto usage;
		a += 2;
	}
	if (argc - a != 2)
		goto usage;
	if (gro_load(&t, argv[a]))
		return 1;
	t.out = pcapio_create(argv[a + 1]);
	t.buf = malloc(262144);
	if (!t.out || !t.buf)
		return 1;
	rc = gro_run(&t, every, flags) ? 1 : 0;
	pcapio_finish(t.out);
	for (uint32_t i = 0; i < t.n; i++)
		free(t.frames[i]);
	free(t.frames);
	free(t.lens);
	free(t.ts);
	free(t.buf);
	return rc;
usage:
	fprintf(stderr,
		"usage: ofl gro [--flush-every N] [--vxlan] [--geneve] "
		"[--no-iptun] IN.pcap OUT.pcap\n");
	return 2;
}
