/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Umbrella header: the whole public interface of libofl. */
#ifndef OFL_OFFLOAD_H
#define OFL_OFFLOAD_H

#include "config.h"
#include "types.h"
#include "err.h"
#include "version.h"
#include "csum.h"
#include "parser.h"
#include "rss.h"
#include "gso.h"
#if !defined(OFL_BPF) || defined(OFL_BPF_GRO)
#include "gro.h"	/* in BPF only on request: see <offload/bpf.h> */
#endif
#include "identity.h"

#endif /* OFL_OFFLOAD_H */
