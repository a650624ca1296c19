/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#ifndef OFL_VERSION_H
#define OFL_VERSION_H

#define OFL_VERSION_MAJOR 0
#define OFL_VERSION_MINOR 1
#define OFL_VERSION_PATCH 0
#define OFL_VERSION_STRING "0.1.0"
/* Comparable number: 0xMMmmpp */
#define OFL_VERSION_NUMBER                                              \
	((OFL_VERSION_MAJOR << 16) | (OFL_VERSION_MINOR << 8) |         \
	 OFL_VERSION_PATCH)

#endif /* OFL_VERSION_H */
