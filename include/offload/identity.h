/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Program identity ("programs are identified by a hash of the source"):
 * every image built from the core (libofl.a/.so, BPF objects, the kernel
 * module, firmware) carries one fixed-size record per module of the core,
 * in the ELF section ".ofl_id" and through ofl_identity() at run time.
 * A record names a module and holds the SHA-256 of its source as computed
 * by the build (docs/IDENTITY.md gives the exact procedure). Two images
 * whose records for a module are equal run that module's identical source.
 */
#ifndef OFL_IDENTITY_H
#define OFL_IDENTITY_H

#include "config.h"
#include "types.h"

OFL_BEGIN_DECLS

/** Bytes of the module name field (NUL-padded, at most 15 characters). */
#define OFL_ID_NAME_LEN 16
/** Bytes of a SHA-256 digest. */
#define OFL_ID_DIGEST_LEN 32
/** Name of the ELF section holding the records, back to back. */
#define OFL_ID_SECTION ".ofl_id"

/**
 * struct ofl_id_record - identity of one module (48 bytes, no padding,
 * byte arrays only: the same bytes on every host and in every image).
 * @module: module name ("csum", "parser", ...), NUL-padded.
 * @sha256: SHA-256 of the module's source manifest.
 */
struct ofl_id_record {
	char module[OFL_ID_NAME_LEN];
	uint8_t sha256[OFL_ID_DIGEST_LEN];
};

OFL_STATIC_ASSERT(sizeof(struct ofl_id_record) == 48,
		  "ofl_id_record is 48 bytes");

/**
 * ofl_identity() - the identity records of the core this image runs.
 * @count: if not NULL, set to the number of records (one per module that
 *         has source, in dependency order: common, csum, parser, ...).
 *
 * Returns a pointer to constant records, the same bytes as the image's
 * .ofl_id section. Never fails; never NULL.
 */
OFL_API const struct ofl_id_record *ofl_identity(unsigned int *count);

OFL_END_DECLS

#endif /* OFL_IDENTITY_H */
