// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* CRC32c: the table against the bitwise definition, RFC 3720 B.4 vectors,
 * Linux crc32c() chaining, and the SCTP checksum field (RFC 9260 App. B). */
#include "ofl_test.h"
#include <offload/csum.h>

static uint32_t bitwise(uint32_t crc, const uint8_t *p, size_t len)
{
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0x82f63b78u & (0u - (crc & 1u)));
	}
	return crc;
}

static void table_is_the_polynomial(void **state)
{
	unsigned int n;

	(void)state;
	for (n = 0; n < 256; n++) {
		uint8_t b = (uint8_t)n;

		assert_int_equal(ofl_csum_crc32c(0, &b, 1), bitwise(0, &b, 1));
	}
}

static void rfc3720_vectors(void **state)
{
	uint8_t b[48];
	size_t i;
	/* RFC 3720 B.4 lists the CRC bytes as sent: aa 36 91 8a for 32
	 * zero bytes, i.e. the value 0x8a9136aa sent least significant
	 * byte first. */
	(void)state;
	memset(b, 0, 32);
	assert_int_equal(~ofl_csum_crc32c(~0u, b, 32), 0x8a9136aau);
	memset(b, 0xff, 32);
	assert_int_equal(~ofl_csum_crc32c(~0u, b, 32), 0x62a8ab43u);
	for (i = 0; i < 32; i++)
		b[i] = (uint8_t)i;
	assert_int_equal(~ofl_csum_crc32c(~0u, b, 32), 0x46dd794eu);
	for (i = 0; i < 32; i++)
		b[i] = (uint8_t)(31 - i);
	assert_int_equal(~ofl_csum_crc32c(~0u, b, 32), 0x113fdb5cu);
	/* iSCSI SCSI Read (10) command PDU */
	{
		static const uint8_t pdu[48] = {
			0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
			0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
			0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		};
		assert_int_equal(~ofl_csum_crc32c(~0u, pdu, 48), 0xd9963a56u);
	}
	assert_int_equal(~ofl_csum_crc32c(~0u, "123456789", 9), 0xe3069283u);
	assert_int_equal(ofl_csum_crc32c(0x1234u, b, 0), 0x1234u);
}

static void chaining_and_alignment(void **state)
{
	static uint8_t b[1031];
	uint64_t s = 31;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
	for (k = 0; k < sizeof(b); k += 13) {
		uint32_t c = ofl_csum_crc32c(~0u, b, k);

		c = ofl_csum_crc32c(c, b + k, sizeof(b) - k);
		assert_int_equal(c, bitwise(~0u, b, sizeof(b)));
	}
}

static void sctp_field(void **state)
{
	uint8_t p[12 + 16 + 3];
	uint32_t v, crc;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(p); i++)
		p[i] = (uint8_t)(i * 7 + 1);
	assert_int_equal(ofl_csum_sctp_set(p, p + sizeof(p)), 0);
	assert_int_equal(ofl_csum_sctp_verify(p, p + sizeof(p)), 0);
	/* the wire bytes are the CRC of the packet with a zero field,
	 * least significant byte first */
	memcpy(&v, p + 8, 4);
	memset(p + 8, 0, 4);
	crc = ~bitwise(~0u, p, sizeof(p));
	assert_int_equal(ofl_csum_sctp(p, p + sizeof(p)), v);
	memcpy(p + 8, &v, 4);
	assert_int_equal(p[8], crc & 0xff);
	assert_int_equal(p[11], crc >> 24);
	p[20] ^= 1;
	assert_int_equal(ofl_csum_sctp_verify(p, p + sizeof(p)), OFL_ECSUM);
	assert_int_equal(ofl_csum_sctp_verify(p, p + 11), OFL_ENODATA);
	assert_int_equal(ofl_csum_sctp_set(p, p + 11), OFL_ENODATA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_is_the_polynomial),
		cmocka_unit_test(rfc3720_vectors),
		cmocka_unit_test(chaining_and_alignment),
		cmocka_unit_test(sctp_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
