/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What the seed generators fuzz/seeds_<x>.c share (fuzz/CMakeLists.txt
 * runs each as `seeds_<x> DIR LIST` at build time): every seed is a file
 * in DIR, and LIST holds their paths, comma-separated, as libFuzzer's
 * -seed_inputs=@LIST reads them (ctest, scripts/fuzz-hours.sh).
 */
#ifndef OFL_FUZZ_SEEDS_H
#define OFL_FUZZ_SEEDS_H

#include <stdio.h>
#include <stdlib.h>

static const char *seeds_dir;
static FILE *seeds_list;

/* The command line: DIR and LIST (exit 2 if not both, 1 if LIST cannot
 * be written). */
static void seeds_open(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DIR LIST\n", argv[0]);
		exit(2);
	}
	seeds_dir = argv[1];
	seeds_list = fopen(argv[2], "w");
	if (!seeds_list) {
		perror(argv[2]);
		exit(1);
	}
}

/* The seed DIR/@name: the byte @pre unless it is negative, then @n bytes
 * of @d; its path into LIST (exit 1 on a write error). */
static void seeds_write(const char *name, int pre, const void *d, size_t n)
{
	static int nout;
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", seeds_dir, name);
	f = fopen(path, "wb");
	if (!f || (pre >= 0 && fputc(pre, f) == EOF) ||
	    fwrite(d, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
	fprintf(seeds_list, "%s%s", nout++ ? "," : "", path);
}

/* LIST complete: 0, or 1 if it could not be written. */
static int seeds_close(void)
{
	if (fclose(seeds_list)) {
		perror("seed list");
		return 1;
	}
	return 0;
}

#endif /* OFL_FUZZ_SEEDS_H */
