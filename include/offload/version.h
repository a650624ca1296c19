/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#ifndef OFL_VERSION_H
#define OFL_VERSION_H

#define OFL_VERSION_MAJOR 0
#define OFL_VERSION_MINOR 2
#define OFL_VERSION_PATCH 0
#define OFL_VERSION_STRING "0.2.0"
/* The ABI of the shared library: its SONAME is libofl.so.OFL_ABI_VERSION
 * and its symbols carry version node OFL_<OFL_ABI_VERSION>. */
#define OFL_ABI_VERSION 1
/* Comparable number: 0xMMmmpp */
#define OFL_VERSION_NUMBER                                              \
	((OFL_VERSION_MAJOR << 16) | (OFL_VERSION_MINOR << 8) |         \
	 OFL_VERSION_PATCH)

#endif /* OFL_VERSION_H */
