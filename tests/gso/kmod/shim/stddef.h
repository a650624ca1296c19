/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* tests/gso/gso_frames.h inside a kernel module */
#include <linux/types.h>
