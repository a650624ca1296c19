/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Error codes of every fallible ofl call: 0 for success or one of these
 * negative values, numerically equal to the Linux errno of the same meaning,
 * so kernel and libbpf glue can pass them through unchanged.
 *
 * The values are never renumbered; a retired code keeps its slot.
 * Decisions (GRO merged/held/flushed) are not errors and have their own
 * enums in the module headers.
 */
#ifndef OFL_ERR_H
#define OFL_ERR_H

#include "config.h"
#include "types.h"

OFL_BEGIN_DECLS

enum ofl_err {
	OFL_OK = 0,
	/** A name or item was not found (no such layer, no such flow). */
	OFL_ENOENT = -2,
	/** Too many of something: segments, headers, options, flows. */
	OFL_E2BIG = -7,
	/** Resource temporarily exhausted; call again after a flush. */
	OFL_EAGAIN = -11,
	/** Invalid argument: NULL, zero size, metadata that contradicts itself. */
	OFL_EINVAL = -22,
	/** The caller's output buffer is too small; nothing was written past it. */
	OFL_ENOSPC = -28,
	/** A value out of its legal range (key length, gso_size, table size). */
	OFL_ERANGE = -34,
	/** A header chain is longer than its compile-time bound (loop guard). */
	OFL_ELOOP = -40,
	/** The frame ends inside a header: truncated. */
	OFL_ENODATA = -61,
	/** Protocol violation: a field has a value the protocol forbids. */
	OFL_EPROTO = -71,
	/** Malformed: a length field points outside its container. */
	OFL_EBADMSG = -74,
	/** A result would overflow its field (IP total length, segment count). */
	OFL_EOVERFLOW = -75,
	/** The frame or datagram is larger than allowed. */
	OFL_EMSGSIZE = -90,
	/** A protocol (or protocol version) this code does not handle. */
	OFL_EPROTONOSUPPORT = -93,
	/** A combination of features that is not supported. */
	OFL_EOPNOTSUPP = -95,
	/** A checksum or CRC did not verify (EILSEQ: the bytes are wrong). */
	OFL_ECSUM = -84,
};

/**
 * ofl_strerror() - short English name of an ofl error code.
 * @err: 0 or a negative OFL_E* value.
 *
 * Returns a static string such as "truncated" or "invalid argument"; never
 * NULL (unknown codes give "unknown error").
 */
OFL_API const char *ofl_strerror(int err);

OFL_END_DECLS

#endif /* OFL_ERR_H */
