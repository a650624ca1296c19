// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl id --device: the parse of a DEVLINK_CMD_INFO_GET reply
 * (tools/id_devlink.c). The replies are built here attribute by attribute
 * in the order devlink_nl_info_fill() writes them (bus, device, driver,
 * then one FIXED/RUNNING/STORED nest per version, each with NAME and
 * VALUE), with the values ofl_vnic reports (bindings/kernel/vnic_ops.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include <linux/devlink.h>
#include <linux/netlink.h>
#include "id_devlink.h"

#define H1 "f23d0c55a1c1b7e0a8f2e4b2d9c3e1f0a0112233445566778899aabbccddeeff"
#define HBAD "g23d0c55a1c1b7e0a8f2e4b2d9c3e1f0a0112233445566778899aabbccddeeff"
#define H2 "27d5ffeeddccbbaa99887766554433221100f0e1d2c3b4a5968778695a4b3c2d"

struct msg {
	uint8_t b[4096];
	size_t len;
};

/* an attribute of @n bytes; returns its offset (for nests) */
static size_t put(struct msg *m, uint16_t type, const void *d, size_t n)
{
	struct nlattr h = { .nla_len = (uint16_t)(NLA_HDRLEN + n),
			    .nla_type = type };
	size_t at = m->len;

	memcpy(m->b + at, &h, sizeof(h));
	memcpy(m->b + at + NLA_HDRLEN, d, n);
	memset(m->b + at + NLA_HDRLEN + n, 0, NLA_ALIGN(n) - n);
	m->len += NLA_HDRLEN + NLA_ALIGN(n);
	return at;
}

static void put_s(struct msg *m, uint16_t type, const char *s)
{
	put(m, type, s, strlen(s) + 1);
}

/* a version nest: FIXED, RUNNING or STORED with NAME and VALUE */
static void version(struct msg *m, uint16_t group, const char *name,
		    const char *value)
{
	size_t at = put(m, (uint16_t)(group | NLA_F_NESTED), "", 0);
	struct nlattr h;

	put_s(m, DEVLINK_ATTR_INFO_VERSION_NAME, name);
	put_s(m, DEVLINK_ATTR_INFO_VERSION_VALUE, value);
	memcpy(&h, m->b + at, sizeof(h));
	h.nla_len = (uint16_t)(m->len - at);
	memcpy(m->b + at, &h, sizeof(h));
}

static void head(struct msg *m)
{
	m->len = 0;
	put_s(m, DEVLINK_ATTR_BUS_NAME, "platform");
	put_s(m, DEVLINK_ATTR_DEV_NAME, "ofl_vnic.0");
	put_s(m, DEVLINK_ATTR_INFO_DRIVER_NAME, "ofl_vnic");
}

static int parse(const struct msg *m, struct ofl_id_set *s, char *err)
{
	return ofl_id_devlink_parse(m->b, m->len, s, err, 256);
}

static struct ofl_id_set set;
static char err[256];

static void test_running_entries(void **state)
{
	struct msg m;

	(void)state;
	head(&m);
	version(&m, DEVLINK_ATTR_INFO_VERSION_FIXED, "board.id", "vnic");
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw", "1.2.3");
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.common", H1);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.gro", H2);
	/* a stored (flashed, not running) identity is not what runs */
	version(&m, DEVLINK_ATTR_INFO_VERSION_STORED, "fw.app.ofl.gro", H1);
	version(&m, DEVLINK_ATTR_INFO_VERSION_FIXED, "fw.app.ofl.rss", H1);
	assert_int_equal(parse(&m, &set, err), 0);
	assert_int_equal(set.n, 2);
	assert_string_equal(set.rec[0].module, "common");
	assert_string_equal(set.rec[1].module, "gro");
	assert_int_equal(set.rec[0].sha256[0], 0xf2);
	assert_int_equal(set.rec[0].sha256[1], 0x3d);
	assert_int_equal(set.rec[0].sha256[31], 0xff);
	assert_int_equal(set.rec[1].sha256[0], 0x27);
	assert_int_equal(set.rec[1].sha256[31], 0x2d);
	/* the name field is NUL-padded, as in .ofl_id */
	assert_int_equal(set.rec[1].module[3], 0);
	assert_int_equal(set.rec[1].module[15], 0);
}

static void test_not_ofl(void **state)
{
	struct msg m;

	(void)state;
	head(&m);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw", "1.2.3");
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app",
		"ICE OS Default Package");
	assert_int_equal(parse(&m, &set, err), 0);
	assert_int_equal(set.n, 0);
	head(&m);
	assert_int_equal(parse(&m, &set, err), 0);
	assert_int_equal(set.n, 0);
}

static void test_upper_hex_and_duplicates(void **state)
{
	char up[65];
	struct msg m;
	int i;

	(void)state;
	for (i = 0; i < 64; i++)
		up[i] = (char)(H1[i] >= 'a' ? H1[i] - 32 : H1[i]);
	up[64] = 0;
	head(&m);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.csum", H1);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.csum", up);
	assert_int_equal(parse(&m, &set, err), 0);
	assert_int_equal(set.n, 1);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.csum", H2);
	assert_int_equal(parse(&m, &set, err), -1);
	assert_non_null(strstr(err, "two different values"));
}

static void test_bad_values(void **state)
{
	static const char *const bad[][2] = {
		{ "fw.app.ofl.gro", H1 "0" },		/* 65 digits */
		{ "fw.app.ofl.gro", "f23d" },		/* the short form */
		{ "fw.app.ofl.gro", HBAD },		/* not hex */
		{ "fw.app.ofl.", H1 },			/* no module */
		{ "fw.app.ofl.sixteen_chars_ab", H1 },	/* > 15 */
	};
	struct msg m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		head(&m);
		version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, bad[i][0],
			bad[i][1]);
		assert_int_equal(parse(&m, &set, err), -1);
		assert_non_null(strstr(err, bad[i][0]));
	}
	/* an ofl name without a value */
	head(&m);
	{
		size_t at = put(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING |
				NLA_F_NESTED, "", 0);
		struct nlattr h;

		put_s(&m, DEVLINK_ATTR_INFO_VERSION_NAME, "fw.app.ofl.gro");
		memcpy(&h, m.b + at, sizeof(h));
		h.nla_len = (uint16_t)(m.len - at);
		memcpy(m.b + at, &h, sizeof(h));
	}
	assert_int_equal(parse(&m, &set, err), -1);
	assert_non_null(strstr(err, "no value"));
}

static void test_malformed(void **state)
{
	struct msg m;
	struct nlattr h;
	size_t at, full;

	(void)state;
	head(&m);
	version(&m, DEVLINK_ATTR_INFO_VERSION_RUNNING, "fw.app.ofl.gro", H1);
	full = m.len;
	/* every cut of the reply that ends inside an attribute is refused */
	for (m.len = 1; m.len < full; m.len++) {
		int rc = parse(&m, &set, err);

		if (rc == 0)	/* a cut at an attribute boundary */
			assert_true(set.n == 0);
		else
			assert_int_equal(rc, -1);
	}
	m.len = full;
	assert_int_equal(parse(&m, &set, err), 0);
	assert_int_equal(set.n, 1);
	/* a length below the header, a length beyond the message */
	at = 0;
	memcpy(&h, m.b + at, sizeof(h));
	h.nla_len = 3;
	memcpy(m.b + at, &h, sizeof(h));
	assert_int_equal(parse(&m, &set, err), -1);
	h.nla_len = (uint16_t)(full + 4);
	memcpy(m.b + at, &h, sizeof(h));
	assert_int_equal(parse(&m, &set, err), -1);
	assert_non_null(strstr(err, "netlink attribute"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_running_entries),
		cmocka_unit_test(test_not_ofl),
		cmocka_unit_test(test_upper_hex_and_duplicates),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
