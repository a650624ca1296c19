// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl id [FILE...]: program identities (docs/IDENTITY.md).
 *
 * Without FILE: one line "<module> <sha256>" per module of the library this
 * tool runs with (ofl_identity()).
 * With FILEs: "<file> <module> <sha256>" for every record of every file,
 * then per module "<module> equal" or "<module> DIFFERENT <file>..." (the
 * files whose record is missing or differs from the running library), then
 * one line "images equal each other: yes|no; equal the running library:
 * yes|no". Exit 0 only if every file has exactly the running library's
 * records; 1 on a mismatch, 2 on an unreadable file.
 *
 * ofl id --device DEV [IMAGE...]: the identities device DEV reports
 * (devlink dev info, running fw.app.ofl.<module>; DEV a netdev or a devlink
 * handle) against each IMAGE's, or against the running library's without
 * IMAGE: "<handle> <module> <sha256>" per device record, the image records
 * as above, then per module of the images (the library) "<module> equal"
 * or "<module> DIFFERENT <name>..." (the images, or the device against the
 * library, that do not match it; " (not reported by the device)" when the
 * device lacks the module), then "device <handle> equals the images|the
 * running library: yes|no". Exit 0 only if the device reports every module
 * of every image (of the library) with the same hash; 1 otherwise; 2 when
 * the device or an image cannot be read.
 */
#include <stdio.h>
#include <string.h>
#include <offload/identity.h>
#include "cmds.h"
#include "id_devlink.h"
#include "id_elf.h"

static void hex(char *out, const uint8_t *d)
{
	static const char x[] = "0123456789abcdef";
	int i;

	for (i = 0; i < OFL_ID_DIGEST_LEN; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[2 * OFL_ID_DIGEST_LEN] = 0;
}

static const struct ofl_id_record *find(const struct ofl_id_record *r,
					unsigned int n, const char *module)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strncmp(r[i].module, module, OFL_ID_NAME_LEN))
			return &r[i];
	return NULL;
}

static int same(const struct ofl_id_record *a, const struct ofl_id_record *b)
{
	return a && b && !memcmp(a->sha256, b->sha256, OFL_ID_DIGEST_LEN);
}

static struct ofl_id_set sets[64];

static void print_set(const char *name, const struct ofl_id_set *set,
		      int json, const char *kind)
{
	char h[2 * OFL_ID_DIGEST_LEN + 1];
	unsigned int j;

	for (j = 0; j < set->n; j++) {
		hex(h, set->rec[j].sha256);
		if (json)
			printf("{\"%s\":\"%s\",\"module\":\"%s\","
			       "\"sha256\":\"%s\"}\n", kind, name,
			       set->rec[j].module, h);
		else
			printf("%s %s %s\n", name, set->rec[j].module, h);
	}
}

/* the device's records against one reference module @m (hash @ref) */
static int device_module(const struct ofl_id_set *dev, const char *handle,
			 const char *m, char **names, unsigned int nref,
			 int json)
{
	const struct ofl_id_record *d = find(dev->rec, dev->n, m);
	const struct ofl_id_record *lib, *r;
	unsigned int nlib, k, dif = 0;

	lib = ofl_identity(&nlib);
	for (k = 0; k < (nref ? nref : 1); k++) {
		r = nref ? find(sets[k].rec, sets[k].n, m) : find(lib, nlib, m);
		if (!r || same(d, r))
			continue;
		if (!dif)
			printf(json ? "{\"module\":\"%s\",\"equal\":false,"
			       "\"reported\":%s,\"different\":[" :
			       "%s DIFFERENT", m, json ? (d ? "true" :
			       "false") : "");
		printf(json ? "%s\"%s\"" : "%s%s", json ? (dif ? "," : "") :
		       " ", nref ? names[k] : handle);
		dif = 1;
	}
	if (!dif)
		printf(json ? "{\"module\":\"%s\",\"equal\":true}\n" :
		       "%s equal\n", m);
	else if (json)
		printf("]}\n");
	else
		printf("%s\n", d ? "" : " (not reported by the device)");
	return !dif;
}

/* ofl id --device DEV [IMAGE...] */
static int cmd_id_device(const char *dev, int nimg, char **img, int json)
{
	static struct ofl_id_set devset;
	const struct ofl_id_record *lib;
	char handle[300], err[256];
	unsigned int nlib, i, j, k;
	int equal = 1, bad = 0;

	if ((size_t)nimg > sizeof(sets) / sizeof(sets[0])) {
		fprintf(stderr, "ofl id: at most %zu files\n",
			sizeof(sets) / sizeof(sets[0]));
		return 2;
	}
	if (ofl_id_read_device(dev, handle, sizeof(handle), &devset, err,
			       sizeof(err))) {
		fprintf(stderr, "ofl id: %s: %s\n", dev, err);
		return 2;
	}
	print_set(handle, &devset, json, "device");
	for (i = 0; i < (unsigned int)nimg; i++) {
		if (ofl_id_read_file(img[i], &sets[i], err, sizeof(err))) {
			fprintf(stderr, "ofl id: %s: %s\n", img[i], err);
			bad = 1;
			continue;
		}
		print_set(img[i], &sets[i], json, "file");
	}
	if (bad)
		return 2;
	lib = ofl_identity(&nlib);
	/* every module of the images (the library), at its first appearance */
	for (i = 0; i < (nimg ? (unsigned int)nimg : 1); i++) {
		const struct ofl_id_record *r = nimg ? sets[i].rec : lib;
		unsigned int n = nimg ? sets[i].n : nlib;

		for (j = 0; j < n; j++) {
			for (k = 0; k < i; k++)
				if (find(sets[k].rec, sets[k].n, r[j].module))
					break;
			if (k < i)
				continue;
			if (!device_module(&devset, handle, r[j].module, img,
					   (unsigned int)nimg, json))
				equal = 0;
		}
	}
	if (json)
		printf("{\"summary\":{\"device\":\"%s\",\"reference\":"
		       "\"%s\",\"equal\":%s}}\n", handle, nimg ? "images" :
		       "library", equal ? "true" : "false");
	else
		printf("device %s equals the %s: %s\n", handle, nimg ?
		       "images" : "running library", equal ? "yes" : "no");
	return equal ? 0 : 1;
}

int cmd_id(int argc, char **argv)
{
	const struct ofl_id_record *lib;
	unsigned int nlib, i, j, k, nfiles;
	int lib_equal = 1, files_equal = 1, bad_file = 0, json = 0;
	char h[2 * OFL_ID_DIGEST_LEN + 1], err[256];
	const char *dev = NULL;

	lib = ofl_identity(&nlib);
	while (argc > 1) {
		if (!strcmp(argv[1], "--json")) {
			json = 1;
		} else if (!strcmp(argv[1], "--device")) {
			if (argc < 3 || !argv[2][0]) {
				fprintf(stderr, "ofl id: --device needs a "
					"network device or a devlink handle "
					"(BUS/NAME)\n");
				return 2;
			}
			dev = argv[2];
			argc--;
			argv++;
		} else {
			break;
		}
		argc--;
		argv++;
	}
	if (dev)
		return cmd_id_device(dev, argc - 1, argv + 1, json);
	if (argc < 2) {
		for (i = 0; i < nlib; i++) {
			hex(h, lib[i].sha256);
			printf(json ? "{\"module\":\"%s\",\"sha256\":\"%s\"}\n" :
			       "%s %s\n", lib[i].module, h);
		}
		return 0;
	}
	nfiles = (unsigned int)argc - 1;
	if (nfiles > sizeof(sets) / sizeof(sets[0])) {
		fprintf(stderr, "ofl id: at most %zu files\n",
			sizeof(sets) / sizeof(sets[0]));
		return 2;
	}
	for (i = 0; i < nfiles; i++) {
		if (ofl_id_read_file(argv[i + 1], &sets[i], err, sizeof(err))) {
			fprintf(stderr, "ofl id: %s: %s\n", argv[i + 1], err);
			bad_file = 1;
			continue;
		}
		for (j = 0; j < sets[i].n; j++) {
			hex(h, sets[i].rec[j].sha256);
			printf(json ? "{\"file\":\"%s\",\"module\":\"%s\","
			       "\"sha256\":\"%s\"}\n" : "%s %s %s\n",
			       argv[i + 1], sets[i].rec[j].module, h);
		}
	}
	if (bad_file)
		return 2;
	/* every module known to the library or to any file */
	for (i = 0; i <= nfiles; i++) {
		const struct ofl_id_record *r = i ? sets[i - 1].rec : lib;
		unsigned int n = i ? sets[i - 1].n : nlib;

		for (j = 0; j < n; j++) {
			const char *m = r[j].module;
			const struct ofl_id_record *l = find(lib, nlib, m);
			const struct ofl_id_record *first;
			int dif = 0;

			/* report each module once: at its first appearance */
			if (i && find(lib, nlib, m))
				continue;
			for (k = 1; k < i; k++)
				if (find(sets[k - 1].rec, sets[k - 1].n, m))
					break;
			if (i && k < i)
				continue;
			first = find(sets[0].rec, sets[0].n, m);
			for (k = 0; k < nfiles; k++) {
				const struct ofl_id_record *f =
					find(sets[k].rec, sets[k].n, m);

				if (!same(f, first))
					files_equal = 0;
				if (!same(f, l)) {
					if (!dif)
						printf(json ? "{\"module\":\"%s\","
						       "\"equal\":false,"
						       "\"different\":[" :
						       "%s DIFFERENT", m);
					printf(json ? "%s\"%s\"" : "%s%s",
					       json && dif ? "," : " ",
					       argv[k + 1]);
					dif = 1;
				}
			}
			if (dif) {
				printf(json ? "]}\n" : "\n");
				lib_equal = 0;
			} else {
				printf(json ? "{\"module\":\"%s\","
				       "\"equal\":true}\n" : "%s equal\n", m);
			}
		}
	}
	if (json)
		printf("{\"summary\":{\"images_equal\":%s,"
		       "\"equal_library\":%s}}\n", files_equal ? "true" :
		       "false", lib_equal ? "true" : "false");
	else
		printf("images equal each other: %s; equal the running "
		       "library: %s\n", files_equal ? "yes" : "no",
		       lib_equal ? "yes" : "no");
	return files_equal && lib_equal ? 0 : 1;
}
