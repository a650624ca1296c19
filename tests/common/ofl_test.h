/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Includes every cmocka test needs, in the order cmocka wants them. */
#ifndef OFL_TEST_H
#define OFL_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

/* Deterministic PRNG for tests (xorshift64*), seeded per test. */
static inline uint64_t ofl_test_rand(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

#endif
