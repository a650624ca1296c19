// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Output shim of the userspace and big-endian targets: run the suite,
 * print the summary line (and with -v the per-module digests).
 * Exit 0 when every known answer held.
 */
#include <stdio.h>
#include <string.h>
#include "conf.h"

int main(int argc, char **argv)
{
	static struct ofl_conf c;
	char line[128], mods[512];

	ofl_conf_run(&c, NULL, NULL);
	ofl_conf_summary(&c, line);
	printf("ofl-conformance %s\n", line);
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		ofl_conf_modules(&c, mods, sizeof(mods));
		fputs(mods, stdout);
	}
	return c.failures ? 1 : 0;
}
