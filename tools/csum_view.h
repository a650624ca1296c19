/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* The checksums of a frame as `ofl csum` finds them (lib/csum's view over
 * lib/parser's layers, tools/cmd_csum.c); `ofl conform` uses the same view
 * and ofl_csum_check_verify() / ofl_csum_view_verify(). */
#ifndef OFL_TOOLS_CSUM_VIEW_H
#define OFL_TOOLS_CSUM_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <offload/csum.h>

/* The view of the @caplen captured bytes of a frame of @wirelen bytes,
 * parsed from the parse-graph root @root (OFL_PROTO_ETH for Ethernet) at
 * @base (after the link header); a frame inside ERSPAN is parsed too. */
void csum_view_frame(const uint8_t *p, size_t caplen, size_t wirelen,
		     unsigned int root, size_t base, struct ofl_csum_view *v);
/* Why the view stopped early, as `ofl csum` prints it; NULL if it did not. */
const char *csum_view_stop(const struct ofl_csum_view *v);

#endif
