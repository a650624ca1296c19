// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <offload/err.h>

OFL_API const char *ofl_strerror(int err)
{
	switch (err) {
	case OFL_OK:
		return "ok";
	case OFL_ENOENT:
		return "not found";
	case OFL_E2BIG:
		return "too many";
	case OFL_EAGAIN:
		return "try again";
	case OFL_EINVAL:
		return "invalid argument";
	case OFL_ENOSPC:
		return "no space";
	case OFL_ERANGE:
		return "out of range";
	case OFL_ELOOP:
		return "too deep";
	case OFL_ENODATA:
		return "truncated";
	case OFL_EPROTO:
		return "protocol error";
	case OFL_EBADMSG:
		return "bad length";
	case OFL_EOVERFLOW:
		return "overflow";
	case OFL_ECSUM:
		return "bad checksum";
	case OFL_EMSGSIZE:
		return "too large";
	case OFL_EPROTONOSUPPORT:
		return "unsupported protocol";
	case OFL_EOPNOTSUPP:
		return "unsupported";
	default:
		return "unknown error";
	}
}
