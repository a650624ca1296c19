/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* lib/gso public interface (being written; see its issue). */
#ifndef OFL_GSO_H
#define OFL_GSO_H

#include "config.h"
#include "types.h"
#include "err.h"

OFL_BEGIN_DECLS

OFL_END_DECLS

#endif /* OFL_GSO_H */
