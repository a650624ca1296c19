/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Reading the .ofl_id identity records of ELF images (and archives). */
#ifndef OFL_TOOLS_ID_ELF_H
#define OFL_TOOLS_ID_ELF_H

#include <offload/identity.h>

#define OFL_ID_MAX_RECORDS 64

struct ofl_id_set {
	unsigned int n;
	struct ofl_id_record rec[OFL_ID_MAX_RECORDS];
};

/*
 * Reads every .ofl_id section of @path (an ELF object, executable, shared
 * library, kernel module, BPF object, firmware image, or an ar archive of
 * such objects) into @set. Returns 0, or -1 with a message in @err.
 */
int ofl_id_read_file(const char *path, struct ofl_id_set *set, char *err,
		     size_t errlen);

#endif
