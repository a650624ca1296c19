// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * `ofl id` (tools/cmd_id.c, tools/id_elf.c as built into ofl) with the
 * devlink query replaced by fixed devices, so that id_device.py can hold
 * the comparison, the output and the exit codes of `ofl id --device` on a
 * host without devlink. DEV selects what the "device" reports:
 *   same      the running library's records
 *   othergro  the same with the first byte of gro's SHA-256 inverted
 *   nogro     the same without gro
 *   bad       nothing: the read fails (exit 2)
 * usage: id_device_stub id [--json] [--device DEV] [FILE...]
 */
#include <stdio.h>
#include <string.h>
#include "id_devlink.h"

int cmd_id(int argc, char **argv);

int ofl_id_read_device(const char *dev, char *handle, size_t hlen,
		       struct ofl_id_set *set, char *err, size_t errlen)
{
	const struct ofl_id_record *lib;
	unsigned int n, i;

	lib = ofl_identity(&n);
	set->n = 0;
	snprintf(handle, hlen, "test/%s", dev);
	if (strcmp(dev, "same") && strcmp(dev, "othergro") &&
	    strcmp(dev, "nogro")) {
		snprintf(err, errlen, "no such test device");
		return -1;
	}
	for (i = 0; i < n && set->n < OFL_ID_MAX_RECORDS; i++) {
		int gro = !strcmp(lib[i].module, "gro");

		if (gro && !strcmp(dev, "nogro"))
			continue;
		set->rec[set->n] = lib[i];
		if (gro && !strcmp(dev, "othergro"))
			set->rec[set->n].sha256[0] ^= 0xff;
		set->n++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	return cmd_id(argc - 1, argv + 1);
}
