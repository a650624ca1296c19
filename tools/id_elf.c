// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* .ofl_id records from ELF files with libelf (elfutils). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gelf.h>
#include <libelf.h>
#include "id_elf.h"

static int add_records(struct ofl_id_set *set, const uint8_t *p, size_t len,
		       char *err, size_t errlen)
{
	size_t off;

	if (len % sizeof(struct ofl_id_record)) {
		snprintf(err, errlen, ".ofl_id has %zu bytes, not a multiple "
			 "of %zu", len, sizeof(struct ofl_id_record));
		return -1;
	}
	for (off = 0; off < len; off += sizeof(struct ofl_id_record)) {
		struct ofl_id_record r;
		unsigned int i;

		memcpy(&r, p + off, sizeof(r));
		if (memchr(r.module, 0, sizeof(r.module)) == NULL ||
		    !r.module[0]) {
			snprintf(err, errlen, ".ofl_id record %zu has no "
				 "module name", off / sizeof(r));
			return -1;
		}
		for (i = 0; i < set->n; i++)
			if (!strcmp(set->rec[i].module, r.module))
				break;
		if (i < set->n) {
			/* the same record twice (several objects): fine */
			if (memcmp(set->rec[i].sha256, r.sha256,
				   sizeof(r.sha256))) {
				snprintf(err, errlen, "two different "
					 "identities of module %s", r.module);
				return -1;
			}
			continue;
		}
		if (set->n == OFL_ID_MAX_RECORDS) {
			snprintf(err, errlen, "too many records");
			return -1;
		}
		set->rec[set->n++] = r;
	}
	return 0;
}

static int read_elf(Elf *e, struct ofl_id_set *set, char *err, size_t errlen)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_kind(e) != ELF_K_ELF) {
		snprintf(err, errlen, "not an ELF file");
		return -1;
	}
	if (elf_getshdrstrndx(e, &shstrndx)) {
		snprintf(err, errlen, "%s", elf_errmsg(-1));
		return -1;
	}
	while ((scn = elf_nextscn(e, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(e, shstrndx, sh.sh_name);
		if (!name || strcmp(name, OFL_ID_SECTION) ||
		    sh.sh_type == SHT_NOBITS)
			continue;
		d = elf_rawdata(scn, NULL);
		if (!d || !d->d_buf)
			continue;
		if (add_records(set, d->d_buf, d->d_size, err, errlen))
			return -1;
	}
	return 0;
}

int ofl_id_read_file(const char *path, struct ofl_id_set *set, char *err,
		     size_t errlen)
{
	Elf *ar, *e;
	Elf_Cmd cmd = ELF_C_READ;
	int fd, rc = 0;

	set->n = 0;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		snprintf(err, errlen, "libelf: %s", elf_errmsg(-1));
		return -1;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	ar = elf_begin(fd, ELF_C_READ, NULL);
	if (!ar) {
		snprintf(err, errlen, "%s", elf_errmsg(-1));
		close(fd);
		return -1;
	}
	if (elf_kind(ar) == ELF_K_AR) {
		while (!rc && (e = elf_begin(fd, cmd, ar)) != NULL) {
			if (elf_kind(e) == ELF_K_ELF)
				rc = read_elf(e, set, err, errlen);
			cmd = elf_next(e);
			elf_end(e);
		}
	} else {
		rc = read_elf(ar, set, err, errlen);
	}
	elf_end(ar);
	close(fd);
	if (!rc && !set->n) {
		snprintf(err, errlen, "no %s section (not built from ofl?)",
			 OFL_ID_SECTION);
		rc = -1;
	}
	return rc;
}
