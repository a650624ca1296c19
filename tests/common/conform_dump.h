/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Captures for tests/conform/kconform.sh: the differential tests against
 * the running kernel (tests/gro/gro_kdiff.c, tests/gso/kernel_gso.c) write
 * what they sent and what the kernel produced as pcap files into
 * $OFL_CONFORM_DIR when it is set, and `ofl conform` must find nothing
 * wrong with the kernel's outputs.
 */
#ifndef OFL_TESTS_CONFORM_DUMP_H
#define OFL_TESTS_CONFORM_DUMP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Appends one Ethernet frame to the pcap $OFL_CONFORM_DIR/@name (created
 * with its file header when empty). Does nothing without the variable. */
static inline void conform_dump(const char *name, const void *d, size_t len)
{
	static const uint8_t hdr[24] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0,
					 0, 0, 0, 0, 0, 0, 0, 0,
					 0, 0, 4, 0, 1, 0, 0, 0 };
	const char *dir = getenv("OFL_CONFORM_DIR");
	char path[512];
	uint32_t rec[4];
	FILE *f;

	if (!dir)
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "ab");
	if (!f)
		return;
	if (ftell(f) == 0 && fwrite(hdr, 1, sizeof(hdr), f) != sizeof(hdr))
		goto out;
	rec[0] = 0;
	rec[1] = 0;
	rec[2] = (uint32_t)len;
	rec[3] = (uint32_t)len;
	if (fwrite(rec, 4, 4, f) == 4)
		fwrite(d, 1, len, f);
out:
	fclose(f);
}

#endif
