/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Fixed-width types for every consumer, and the types that carry byte order
 * and fold state (Linux __be16/__be32/__wsum/__sum16):
 *
 *   ofl_be16, ofl_be32  a value in network byte order, as stored in a frame
 *   ofl_wsum            32-bit unfolded ones'-complement partial sum
 *   ofl_sum16           folded 16-bit checksum as stored in a frame: a plain
 *                       16-bit store of it gives the right wire bytes on a
 *                       host of either byte order
 *
 * Under sparse (__CHECKER__) they are __bitwise, so the kernel build checks
 * that they are not mixed with host integers without a conversion.
 */
#ifndef OFL_TYPES_H
#define OFL_TYPES_H

#include "config.h"

#if defined(__KERNEL__)
#include <linux/types.h>
#elif defined(OFL_BPF)
/*
 * BPF objects are built with clang -target bpf and usually without the host
 * libc's multilib headers (gnu/stubs-32.h), which <stdint.h> would pull in.
 * The compiler's own type macros need nothing. C11 allows repeating a typedef
 * of the same type, so this coexists with <stdint.h> or <linux/types.h>.
 */
#include <stddef.h>
#include <stdbool.h>
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#else
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#endif

typedef uint16_t OFL_BITWISE ofl_be16;
typedef uint32_t OFL_BITWISE ofl_be32;
typedef uint32_t OFL_BITWISE ofl_wsum;
typedef uint16_t OFL_BITWISE ofl_sum16;

#endif /* OFL_TYPES_H */
