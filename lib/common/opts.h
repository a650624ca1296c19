/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Private: option structs that grow without breaking callers, with
 * libbpf's rules (libbpf_internal.h OPTS_VALID, OPTS_HAS, OPTS_GET).
 *
 * A public option struct starts with `size_t sz`, which the caller sets to
 * sizeof() as it compiled the struct. The library accepts:
 *   - a smaller sz (an older caller): the fields past sz take their
 *     defaults (OFL__OPTS_GET);
 *   - a larger sz (a newer caller) only if every byte past the fields this
 *     library knows is zero, i.e. the caller asked for nothing it cannot do;
 *   - never an sz below sizeof(size_t) or above OFL__OPTS_MAX_SZ (the bound
 *     of the zero check).
 */
#ifndef OFL_LIB_COMMON_OPTS_H
#define OFL_LIB_COMMON_OPTS_H

#include <offload/config.h>
#include <offload/types.h>

/* Largest sz accepted (the zero check walks at most this many bytes). */
#define OFL__OPTS_MAX_SZ 256

/* Offset of the first byte after @field of struct @type (the builtin:
 * kernel builds have no <stddef.h>). */
#define OFL__OFFSETOFEND(type, field) \
	(__builtin_offsetof(type, field) + sizeof(((type *)0)->field))

/*
 * true when @opts (NULL, or @user_sz bytes of which this library knows the
 * first @known_sz) can be used: see above.
 */
OFL_INLINE bool ofl__opts_valid(const void *opts, size_t user_sz,
				size_t known_sz)
{
	const uint8_t *p = (const uint8_t *)opts;
	size_t i;

	if (!opts)
		return true;
	if (user_sz < sizeof(size_t) || user_sz > OFL__OPTS_MAX_SZ)
		return false;
	for (i = known_sz; i < OFL__OPTS_MAX_SZ; i++) {
		if (i >= user_sz)
			break;
		if (p[i])
			return false;
	}
	return true;
}

/* OFL__OPTS_VALID(opts, type, last): ofl__opts_valid for struct @type
 * whose last field this library knows is @last. */
#define OFL__OPTS_VALID(opts, type, last)                                  \
	ofl__opts_valid((opts), (opts) ? (opts)->sz : 0,                    \
			OFL__OFFSETOFEND(type, last))

/* Whether the caller's @opts of struct @type holds @field. */
#define OFL__OPTS_HAS(opts, type, field)                                   \
	((opts) && (opts)->sz >= OFL__OFFSETOFEND(type, field))

/* @opts->field if the caller's struct holds it, else @def. */
#define OFL__OPTS_GET(opts, type, field, def)                              \
	(OFL__OPTS_HAS(opts, type, field) ? (opts)->field : (def))

#endif /* OFL_LIB_COMMON_OPTS_H */
