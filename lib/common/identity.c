// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Identity records of the core (include/offload/identity.h). The digests
 * come from ofl_identity_gen.h, which the build writes from the sources
 * (cmake/oflIdentity.cmake); it lives in the build directory, never in git.
 * "used" keeps the section in every image even when nothing calls
 * ofl_identity() (BPF objects, the kernel module).
 */
#include <offload/identity.h>

#if __has_include("ofl_identity_gen.h")
#include "ofl_identity_gen.h"
#else
/*
 * Built without the build's generated header (a hand-made compile of
 * lib/all.c without -I<build>/gen): the image says so with one record
 * "unknown" of zeros, which `ofl id` reports as different from everything.
 */
#define OFL_IDENTITY_COUNT 1
#define OFL_IDENTITY_INIT { { "unknown", { 0 } } }
#endif

static const struct ofl_id_record ofl__common_id_records[OFL_IDENTITY_COUNT]
	__attribute__((section(".ofl_id"), used, aligned(16))) =
	OFL_IDENTITY_INIT;

OFL_API const struct ofl_id_record *ofl_identity(unsigned int *count)
{
	if (count)
		*count = OFL_IDENTITY_COUNT;
	return ofl__common_id_records;
}
