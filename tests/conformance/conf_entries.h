/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Every conformance entry point of every module present, as one X-macro
 * list OFL_CONF_ENTRIES(X) with X(module, MODULE, op, OP). Used by the BPF
 * object (one program per entry point) and by its host driver.
 */
#ifndef OFL_CONF_ENTRIES_H
#define OFL_CONF_ENTRIES_H

#define OFL_CONF_NO_ENTRIES(X)

#if __has_include("exec_csum.h")
#include "exec_csum.h"
#else
#define OFL_CONF_CSUM_ENTRIES OFL_CONF_NO_ENTRIES
#endif
#if __has_include("exec_parser.h")
#include "exec_parser.h"
#else
#define OFL_CONF_PARSER_ENTRIES OFL_CONF_NO_ENTRIES
#endif
#if __has_include("exec_rss.h")
#include "exec_rss.h"
#else
#define OFL_CONF_RSS_ENTRIES OFL_CONF_NO_ENTRIES
#endif
#if __has_include("exec_gso.h")
#include "exec_gso.h"
#else
#define OFL_CONF_GSO_ENTRIES OFL_CONF_NO_ENTRIES
#endif
#if __has_include("exec_gro.h")
#include "exec_gro.h"
#else
#define OFL_CONF_GRO_ENTRIES OFL_CONF_NO_ENTRIES
#endif

#define OFL_CONF_ENTRIES(X)						\
	OFL_CONF_CSUM_ENTRIES(X) OFL_CONF_PARSER_ENTRIES(X)		\
	OFL_CONF_RSS_ENTRIES(X) OFL_CONF_GSO_ENTRIES(X)			\
	OFL_CONF_GRO_ENTRIES(X)

#endif
