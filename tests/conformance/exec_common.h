/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Helpers for the exec_<module>.h entry points: explicit little-endian
 * numbers and host-order stores. Callers check bounds first; these are
 * byte accesses only, so they are safe on any alignment, in BPF too.
 */
#ifndef OFL_CONF_EXEC_COMMON_H
#define OFL_CONF_EXEC_COMMON_H

#include <offload/offload.h>

static inline __attribute__((always_inline)) uint32_t
ofl_conf_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline __attribute__((always_inline)) uint16_t
ofl_conf_le16(const uint8_t *p)
{
	return (uint16_t)((unsigned int)p[0] | (unsigned int)p[1] << 8);
}

static inline __attribute__((always_inline)) void
ofl_conf_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline __attribute__((always_inline)) void
ofl_conf_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* Host-order 16/32-bit load and store of memory (wire bytes -> the value a
 * plain load gives; a folded checksum -> the bytes a plain store writes). */
static inline __attribute__((always_inline)) uint32_t
ofl_conf_ne32(const uint8_t *p)
{
	uint32_t v;

	__builtin_memcpy(&v, p, 4);
	return v;
}

static inline __attribute__((always_inline)) uint16_t
ofl_conf_ne16(const uint8_t *p)
{
	uint16_t v;

	__builtin_memcpy(&v, p, 2);
	return v;
}

static inline __attribute__((always_inline)) void
ofl_conf_put_sum16(uint8_t *p, ofl_sum16 s)
{
	__builtin_memcpy(p, &s, 2);
}

#endif /* OFL_CONF_EXEC_COMMON_H */
