// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* RFC 1071 section 3 example and the IPv4 header of its errata. */
#include "ofl_test.h"
#include <offload/csum.h>

static void rfc1071_example(void **state)
{
	/* RFC 1071 3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2 (folded,
	 * uncomplemented), so the checksum is ~ddf2 = 220d on the wire. */
	const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	uint16_t c = ofl_csum_fold(ofl_csum_partial(b, sizeof(b), 0));
	uint8_t wire[2];

	(void)state;
	memcpy(wire, &c, 2);
	assert_int_equal(wire[0], 0x22);
	assert_int_equal(wire[1], 0x0d);
}

static void ipv4_header(void **state)
{
	/* A well-known IPv4 header whose checksum is b861. */
	uint8_t h[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00,
			  0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01,
			  0xc0, 0xa8, 0x00, 0xc7 };
	uint16_t c = ofl_csum_ip_fast(h, 5);

	(void)state;
	memcpy(h + 10, &c, 2);
	assert_int_equal(h[10], 0xb8);
	assert_int_equal(h[11], 0x61);
	assert_int_equal(ofl_csum_ip_fast(h, 5), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc1071_example),
		cmocka_unit_test(ipv4_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
