// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A program built with another OFL_PARSE_MAX_LAYERS than libofl.so (here
 * 8 and 32 against the default 16) has a struct ofl_parse_result of
 * another size. Linked against the shared library, every entry point that
 * takes the result must refuse it (OFL_EINVAL) and write nothing: not
 * its first bytes, and nothing past the end of the caller's struct.
 * Built twice by CMake (parser_abi_layers: 8, parser_abi_layers_32) with
 * OFL_PARSE_MAX_LAYERS set on the command line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <offload/parser.h>

#ifndef OFL_PARSE_MAX_LAYERS_OVERRIDDEN
#error "build with -DOFL_PARSE_MAX_LAYERS=N -DOFL_PARSE_MAX_LAYERS_OVERRIDDEN"
#endif

/* Eth / IPv4 / TCP, enough to be parsed if the call went through. */
static const uint8_t frame[] = {
	0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 0x08, 0x00,
	0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0,
	198, 18, 0, 1, 198, 18, 0, 2,
	0x30, 0x39, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff,
	0, 0, 0, 0,
};

/* The caller's result followed by a guard the library must not touch
 * (if it believed its own, larger, layout). */
static struct {
	struct ofl_parse_result r;
	uint8_t guard[512];
} buf;

static void fill(void)
{
	memset(&buf, 0xa5, sizeof(buf));
}

static void untouched(void)
{
	const uint8_t *p = (const uint8_t *)&buf;
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		assert_int_equal(p[i], 0xa5);
}

/* sizeof(struct ofl_parse_result) in libofl.so (default bounds) */
#define LIB_SIZE (OFL_PARSE_RESULT_SIZE - 8 * OFL_PARSE_MAX_LAYERS + 8 * 16)

static void test_size_differs(void **state)
{
	(void)state;
	/* the premise: this build's layout is not the library's */
	assert_int_not_equal(OFL_PARSE_MAX_LAYERS, 16);
	assert_int_not_equal(sizeof(struct ofl_parse_result), LIB_SIZE);
}

static void test_parse_refused(void **state)
{
	(void)state;
	fill();
	assert_int_equal(ofl_parse(frame, frame + sizeof(frame),
				   OFL_PROTO_ETH, &buf.r, sizeof(buf.r)),
			 OFL_EINVAL);
	untouched();
}

static void test_steps_refused(void **state)
{
	(void)state;
	fill();
	assert_int_equal(ofl_parse_begin(frame, frame + sizeof(frame),
					 OFL_PROTO_ETH, &buf.r, sizeof(buf.r)),
			 OFL_EINVAL);
	untouched();
	assert_int_equal(ofl_parse_step(frame, frame + sizeof(frame), &buf.r,
					sizeof(buf.r)),
			 OFL_EINVAL);
	untouched();
	assert_int_equal(ofl_parse_finish(&buf.r, 0, sizeof(buf.r)),
			 OFL_EINVAL);
	untouched();
}

/* The library's own size is what it accepts: passing it (a caller lying
 * about its struct) is the caller's bug, but shows the check is the size
 * and nothing else. With a larger buffer the library writes only its own
 * layout's bytes. */
static void test_library_size_accepted(void **state)
{
	(void)state;
	fill();
	assert_true(LIB_SIZE <= sizeof(buf));
	assert_int_equal(ofl_parse(frame, frame + sizeof(frame),
				   OFL_PROTO_ETH, &buf.r, LIB_SIZE), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_differs),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_steps_refused),
		cmocka_unit_test(test_library_size_accepted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
