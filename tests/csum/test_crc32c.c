// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* CRC32c: every const table against the bitwise definition, RFC 3720 B.4
 * vectors, Linux crc32c() chaining at every length class and alignment,
 * the SCTP checksum field (RFC 9260 App. B); each variant (the dispatched
 * ofl_csum_crc32c, the portable one, the CPU instruction where this CPU
 * has it) run directly, so sanitizer builds check all of them. */
#include "ofl_test.h"
#include <offload/csum.h>
#include "csum/internal.h"
#include "csum/crc32c_tables.h"
#include "crc32c_ref.h"
#if defined(__aarch64__)
#include <sys/auxv.h>
#include <asm/hwcap.h>
#endif

typedef uint32_t crc_fn(uint32_t, const void *, size_t);

struct variant {
	const char *name;
	crc_fn *fn;
};

/* The variants this build has and this CPU can run. */
static size_t variants(struct variant *v)
{
	size_t n = 0;

	v[n].name = "ofl_csum_crc32c";
	v[n++].fn = ofl_csum_crc32c;
#if defined(OFL__CRC32C_VARIANTS)
	v[n].name = "portable";
	v[n++].fn = ofl__csum_crc32c_sw;
#endif
#if defined(OFL__CRC32C_HW)
#if defined(__x86_64__)
	if (__builtin_cpu_supports("sse4.2")) {
#else
	if (getauxval(AT_HWCAP) & HWCAP_CRC32) {
#endif
		v[n].name = "hardware";
		v[n++].fn = ofl__csum_crc32c_hw;
	} else {
		printf("SKIP: this CPU has no CRC32C instruction: the hardware "
		       "variant is not run\n");
	}
#endif
	return n;
}

static void tables_are_the_polynomial(void **state)
{
	uint8_t z[512 + 8];
	unsigned int k, n, j;

	(void)state;
	memset(z, 0, sizeof(z));
	/* t8[k][n]: byte n then k zero bytes, from state 0 */
	for (k = 0; k < sizeof(ofl__crc32c_t8) / sizeof(ofl__crc32c_t8[0]);
	     k++)
		for (n = 0; n < 256; n++) {
			z[0] = (uint8_t)n;
			assert_int_equal(ofl__crc32c_t8[k][n],
					 crc32c_ref(0, z, 1 + k));
		}
	z[0] = 0;
#if defined(OFL__CRC32C_HW)
	/* shiftN[j][n]: state n << 8j over N zero bytes */
	for (j = 0; j < 4; j++)
		for (n = 0; n < 256; n++) {
			assert_int_equal(ofl__crc32c_shift128[j][n],
					 crc32c_ref(n << (8 * j), z, 128));
			assert_int_equal(ofl__crc32c_shift512[j][n],
					 crc32c_ref(n << (8 * j), z, 512));
		}
#else
	(void)j;
#endif
	for (n = 0; n < 256; n++) {
		uint8_t b = (uint8_t)n;

		assert_int_equal(ofl_csum_crc32c(0, &b, 1), crc32c_ref(0, &b, 1));
	}
}

static void rfc3720_one(crc_fn *crc)
{
	uint8_t b[48];
	size_t i;
	/* RFC 3720 B.4 lists the CRC bytes as sent: aa 36 91 8a for 32
	 * zero bytes, i.e. the value 0x8a9136aa sent least significant
	 * byte first. */
	memset(b, 0, 32);
	assert_int_equal(~crc(~0u, b, 32), 0x8a9136aau);
	memset(b, 0xff, 32);
	assert_int_equal(~crc(~0u, b, 32), 0x62a8ab43u);
	for (i = 0; i < 32; i++)
		b[i] = (uint8_t)i;
	assert_int_equal(~crc(~0u, b, 32), 0x46dd794eu);
	for (i = 0; i < 32; i++)
		b[i] = (uint8_t)(31 - i);
	assert_int_equal(~crc(~0u, b, 32), 0x113fdb5cu);
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
		assert_int_equal(~crc(~0u, pdu, 48), 0xd9963a56u);
	}
	assert_int_equal(~crc(~0u, "123456789", 9), 0xe3069283u);
	assert_int_equal(crc(0x1234u, b, 0), 0x1234u);
	assert_int_equal(crc(0x1234u, NULL, 0), 0x1234u);
}

static void rfc3720_vectors(void **state)
{
	struct variant v[3];
	size_t n = variants(v), i;

	(void)state;
	for (i = 0; i < n; i++) {
		printf("  %s\n", v[i].name);
		rfc3720_one(v[i].fn);
	}
}

/* Every length up to 400 and the block edges of the hardware path (3 x
 * 128, 3 x 512 and their sums), at all 8 alignments, equal to bitwise. */
static void lengths_and_alignment(void **state)
{
	static const size_t big[] = { 767, 768, 769, 1151, 1152, 1500,
		1535, 1536, 1537, 1919, 1920, 1921, 3072, 3456, 4095, 4096,
		9000 };
	static uint8_t b[9000 + 8];
	struct variant v[3];
	size_t n = variants(v), i, len, al;
	uint64_t s = 7;

	(void)state;
	for (i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
	for (al = 0; al < 8; al++) {
		for (len = 0; len <= 400; len++) {
			uint32_t want = crc32c_ref(0x5a5a5a5au, b + al, len);

			for (i = 0; i < n; i++)
				assert_int_equal(v[i].fn(0x5a5a5a5au, b + al,
							 len), want);
		}
		for (len = 0; len < sizeof(big) / sizeof(big[0]); len++) {
			uint32_t want = crc32c_ref(~0u, b + al, big[len]);

			for (i = 0; i < n; i++)
				assert_int_equal(v[i].fn(~0u, b + al,
							 big[len]), want);
		}
	}
}

static void chaining_and_alignment(void **state)
{
	static uint8_t b[1031];
	struct variant v[3];
	size_t n = variants(v), i, k, j;
	uint64_t s = 31;

	(void)state;
	for (i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
	for (j = 0; j < n; j++)
		for (k = 0; k < sizeof(b); k += 13) {
			uint32_t c = v[j].fn(~0u, b, k);

			c = v[j].fn(c, b + k, sizeof(b) - k);
			assert_int_equal(c, crc32c_ref(~0u, b, sizeof(b)));
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
	crc = ~crc32c_ref(~0u, p, sizeof(p));
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
		cmocka_unit_test(tables_are_the_polynomial),
		cmocka_unit_test(rfc3720_vectors),
		cmocka_unit_test(lengths_and_alignment),
		cmocka_unit_test(chaining_and_alignment),
		cmocka_unit_test(sctp_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
