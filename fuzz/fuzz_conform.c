// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform on arbitrary pairs of captures: no crash, bounded time. The
 * input is records of 4 bytes (side, header offset, value, payload length):
 * each adds to one side a TCP segment of one flow built from a template
 * (the next sequence number on that side) with one header byte replaced,
 * so that matching, lib/gro and lib/gso runs and the rule finder are
 * reached. The first byte picks gro, gso or csum; both captures are
 * written as pcap files and handed to the command as a user would.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../tools/cli.h"
#include "../tools/conform.h"

/* tools/ofl.c holds the command table and its help; the fuzzer links the
 * commands without it, and a usage error here prints no help. */
void cli_help(FILE *f, const char *cmd)
{
	(void)f;
	(void)cmd;
}

#define NREC 48

static const uint8_t tmpl[54] = {
	2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00,
	0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 6, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2,
	0x9c, 0x40, 0, 80, 0, 0, 0, 0, 0, 0, 0x1b, 0x58, 0x50, 0x10, 1, 0xf6,
	0, 0, 0, 0 };

static void put(FILE *f, const uint8_t *d, uint32_t n)
{
	uint32_t h[4] = { 0, 0, n, n };

	fwrite(h, 4, 4, f);
	fwrite(d, 1, n, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char pa[64], pb[64];
	static const uint32_t ph[6] = { 0xa1b2c3d4, 0x00040002, 0, 0, 262144,
					1 };
	static uint8_t fr[54 + 256];
	uint32_t seq[2] = { 1000, 1000 }, id[2] = { 1, 1 };
	char *argv[6];
	FILE *f[2];
	size_t i;
	int cmd;

	if (size < 1 || size > 1 + 4 * NREC)
		return 0;
	if (!pa[0]) {
		snprintf(pa, sizeof(pa), "/tmp/fuzz_conform.%d.a", getpid());
		snprintf(pb, sizeof(pb), "/tmp/fuzz_conform.%d.b", getpid());
		/* the report goes to stdout; stderr keeps sanitizer reports */
		if (!freopen("/dev/null", "w", stdout))
			abort();
	}
	cmd = data[0] % 3;
	f[0] = fopen(pa, "wb");
	f[1] = fopen(pb, "wb");
	if (!f[0] || !f[1])
		abort();
	fwrite(ph, 4, 6, f[0]);
	fwrite(ph, 4, 6, f[1]);
	for (i = 1; i + 4 <= size; i += 4) {
		int s = data[i] & 1;
		uint32_t pl = data[i + 3], n = 54 + pl, k;

		memcpy(fr, tmpl, 54);
		fr[16] = (uint8_t)((n - 14) >> 8);
		fr[17] = (uint8_t)(n - 14);
		fr[18] = (uint8_t)(id[s] >> 8);
		fr[19] = (uint8_t)id[s]++;
		fr[38] = (uint8_t)(seq[s] >> 24);
		fr[39] = (uint8_t)(seq[s] >> 16);
		fr[40] = (uint8_t)(seq[s] >> 8);
		fr[41] = (uint8_t)seq[s];
		for (k = 0; k < pl; k++)
			fr[54 + k] = (uint8_t)(seq[s] + k);
		seq[s] += pl;
		if (data[i] & 2)
			fr[data[i + 1] % 54] = data[i + 2];
		put(f[s], fr, n);
	}
	fclose(f[0]);
	fclose(f[1]);
	argv[1] = cmd == 1 ? "--mss" : pa;
	if (cmd == 0) {
		argv[0] = "gro";
		argv[2] = pb;
		conform_gro(3, argv, CF_TEXT);
	} else if (cmd == 1) {
		argv[0] = "gso";
		argv[2] = "100";
		argv[3] = pa;
		argv[4] = pb;
		conform_gso(5, argv, CF_JSON);
	} else {
		argv[0] = "csum";
		conform_csum(2, argv, CF_KTAP);
	}
	cf_reset();
	/* no files left in /tmp when the run ends (fuzz_capture.c) */
	unlink(pa);
	unlink(pb);
	return 0;
}
