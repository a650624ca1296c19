// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Incremental updates: RFC 1624, incremental == recompute, and the
 * inet_proto_csum_replace* branches (PARTIAL, COMPLETE, NONE). */
#include "ofl_test.h"
#include <offload/csum.h>
#include "model.h"

static void rfc1624_example(void **state)
{
	/* RFC 1624 section 4: HC 0xdd2f, m 0x5555 -> m' 0x3285; eqn. 3
	 * gives 0x0000 (eqn. 2 would give the wrong 0xffff). */
	(void)state;
	assert_int_equal(wire16(ofl_csum_update16(stored16(0xdd2f),
						  stored16(0x5555),
						  stored16(0x3285))),
			 0x0000);
}

static uint16_t recompute(uint8_t *h, size_t len, size_t field)
{
	uint16_t c;

	h[field] = h[field + 1] = 0;
	c = ofl_csum_fold(ofl_csum_partial(h, len, 0));
	memcpy(h + field, &c, 2);
	return c;
}

static void update16_equals_recompute(void **state)
{
	uint64_t s = 11;
	uint8_t h[60];
	int n;

	(void)state;
	for (n = 0; n < 20000; n++) {
		size_t i, len = 20 + 4 * (ofl_test_rand(&s) % 11);
		size_t w = 2 * (ofl_test_rand(&s) % (len / 2));
		uint16_t c, old, neu, upd;

		for (i = 0; i < len; i++)
			h[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
		if (w == 10)
			w = 12;
		c = recompute(h, len, 10);
		memcpy(&old, h + w, 2);
		neu = (uint16_t)ofl_test_rand(&s);
		if (n % 7 == 0)
			neu = (uint16_t)(n & 1 ? 0 : 0xffff);
		memcpy(h + w, &neu, 2);
		upd = ofl_csum_update16(c, old, neu);
		assert_int_equal(upd, recompute(h, len, 10));
	}
}

static void replace4_and_diff(void **state)
{
	uint64_t s = 12;
	uint8_t h[40];
	int n;

	(void)state;
	for (n = 0; n < 5000; n++) {
		uint32_t from, to;
		uint16_t c, a, b;
		size_t i;

		for (i = 0; i < sizeof(h); i++)
			h[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
		c = recompute(h, sizeof(h), 10);
		memcpy(&from, h + 12, 4);
		to = (uint32_t)ofl_test_rand(&s);
		memcpy(h + 12, &to, 4);
		a = ofl_csum_replace4(c, from, to);
		b = ofl_csum_replace_by_diff(
			c, ofl_csum_add(~from, to));
		assert_true(same16(a, recompute(h, sizeof(h), 10)));
		assert_true(same16(b, a));
	}
}

/* An IPv4/TCP segment at offset 14 of a frame, and helpers. */
static uint8_t frame[14 + 20 + 20 + 33];
#define IP 14
#define TCP (14 + 20)
#define TLEN (20 + 33)

static void build_v4(uint64_t seed)
{
	size_t i;

	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(ofl_test_rand(&seed) >> 56);
	frame[IP] = 0x45;
	frame[IP + 2] = 0;
	frame[IP + 3] = 20 + TLEN;
	frame[IP + 9] = 6;
	frame[IP + 10] = frame[IP + 11] = 0;
	{
		uint16_t c = ofl_csum_ip_fast(frame + IP, 5);

		memcpy(frame + IP + 10, &c, 2);
	}
}

static uint32_t be32at(size_t off)
{
	uint32_t v;

	memcpy(&v, frame + off, 4);
	return v;
}

static uint16_t tcp_full(void)
{
	frame[TCP + 16] = frame[TCP + 17] = 0;
	return ofl_csum_tcpudp_magic(be32at(IP + 12), be32at(IP + 16), TLEN, 6,
				     ofl_csum_partial(frame + TCP, TLEN, 0));
}

static void proto_replace4_complete_and_none(void **state)
{
	uint64_t s = 13;
	int n, summed;

	(void)state;
	for (summed = 0; summed <= 2; summed += 2)
		for (n = 0; n < 500; n++) {
			struct ofl_csum_state st = { 0 };
			uint32_t from, to = (uint32_t)ofl_test_rand(&s);
			uint16_t c, ipc;

			build_v4(ofl_test_rand(&s));
			c = tcp_full();
			memcpy(frame + TCP + 16, &c, 2);
			st.ip_summed = (uint8_t)summed;
			st.csum_start = IP;
			st.csum = ofl_csum_partial(frame + IP,
						   sizeof(frame) - IP, 0);
			/* NAT the source address, as the kernel does */
			from = be32at(IP + 12);
			memcpy(&ipc, frame + IP + 10, 2);
			ipc = ofl_csum_replace4(ipc, from, to);
			memcpy(frame + IP + 10, &ipc, 2);
			ofl_csum_proto_replace4(frame + TCP + 16, &st, from, to,
						true);
			memcpy(frame + IP + 12, &to, 4);
			assert_int_equal(ofl_csum_ip_fast(frame + IP, 5), 0);
			memcpy(&c, frame + TCP + 16, 2);
			assert_true(same16(c, tcp_full()));
			memcpy(frame + TCP + 16, &c, 2);
			if (summed == OFL_CHECKSUM_COMPLETE)
				assert_true(same16(
					ofl_csum_fold(st.csum),
					ofl_csum_fold(ofl_csum_partial(
						frame + IP,
						sizeof(frame) - IP, 0))));
			/* a port (not pseudo header) */
			{
				uint16_t pf, pt = (uint16_t)ofl_test_rand(&s);

				memcpy(&pf, frame + TCP, 2);
				ofl_csum_proto_replace2(frame + TCP + 16, &st,
							pf, pt, false);
				memcpy(frame + TCP, &pt, 2);
				memcpy(&c, frame + TCP + 16, 2);
				assert_true(same16(c, tcp_full()));
				memcpy(frame + TCP + 16, &c, 2);
			}
			if (summed == OFL_CHECKSUM_COMPLETE)
				assert_true(same16(
					ofl_csum_fold(st.csum),
					ofl_csum_fold(ofl_csum_partial(
						frame + IP,
						sizeof(frame) - IP, 0))));
		}
}

static void proto_replace4_partial(void **state)
{
	uint64_t s = 14;
	int n;

	(void)state;
	for (n = 0; n < 500; n++) {
		struct ofl_csum_state st = { 0 };
		uint32_t from, to = (uint32_t)ofl_test_rand(&s);
		uint16_t c, pf, pt = (uint16_t)ofl_test_rand(&s);

		build_v4(ofl_test_rand(&s));
		st.ip_summed = OFL_CHECKSUM_PARTIAL;
		st.csum_start = TCP;
		st.csum_offset = 16;
		/* the field holds ~tcp_v4_check(len, saddr, daddr, 0) */
		c = (uint16_t)~ofl_csum_tcpudp_magic(be32at(IP + 12),
						     be32at(IP + 16), TLEN, 6, 0);
		memcpy(frame + TCP + 16, &c, 2);
		from = be32at(IP + 12);
		ofl_csum_proto_replace4(frame + TCP + 16, &st, from, to, true);
		memcpy(frame + IP + 12, &to, 4);
		memcpy(&pf, frame + TCP, 2);
		ofl_csum_proto_replace2(frame + TCP + 16, &st, pf, pt, false);
		memcpy(frame + TCP, &pt, 2);
		memcpy(&c, frame + TCP + 16, 2);
		assert_true(same16(c, (uint16_t)~ofl_csum_tcpudp_magic(
					      be32at(IP + 12), be32at(IP + 16),
					      TLEN, 6, 0)));
		/* the software fallback completes it */
		assert_int_equal(ofl_csum_help(frame, frame + sizeof(frame),
					       &st),
				 0);
		assert_int_equal(st.ip_summed, OFL_CHECKSUM_NONE);
		memcpy(&c, frame + TCP + 16, 2);
		assert_true(same16(c, tcp_full()));
	}
}

/* IPv6/UDP: replace16 on an address, the three states; by_diff's ipv6. */
static uint8_t f6[14 + 40 + 8 + 21];
#define U6 (14 + 40)
#define U6LEN (8 + 21)

static uint16_t udp6_full(void)
{
	f6[U6 + 6] = f6[U6 + 7] = 0;
	return ofl_csum_ipv6_magic(f6 + 14 + 8, f6 + 14 + 24, U6LEN, 17,
				   ofl_csum_partial(f6 + U6, U6LEN, 0));
}

static void proto_replace16(void **state)
{
	uint64_t s = 15;
	int n, summed;

	(void)state;
	for (summed = 0; summed <= 3; summed++)
		for (n = 0; n < 300; n++) {
			struct ofl_csum_state st = { 0 };
			uint8_t to[16];
			uint16_t c;
			uint32_t before;
			size_t i;

			if (summed == OFL_CHECKSUM_UNNECESSARY)
				continue;
			for (i = 0; i < sizeof(f6); i++)
				f6[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
			for (i = 0; i < 16; i++)
				to[i] = (uint8_t)(ofl_test_rand(&s) >> 56);
			st.ip_summed = (uint8_t)summed;
			if (summed == OFL_CHECKSUM_PARTIAL)
				c = (uint16_t)~ofl_csum_ipv6_magic(
					f6 + 22, f6 + 38, U6LEN, 17, 0);
			else
				c = udp6_full();
			memcpy(f6 + U6 + 6, &c, 2);
			st.csum = ofl_csum_partial(f6 + 14, sizeof(f6) - 14, 0);
			before = st.csum;
			ofl_csum_proto_replace16(f6 + U6 + 6, &st, f6 + 38, to,
						 true);
			memcpy(f6 + 38, to, 16);
			memcpy(&c, f6 + U6 + 6, 2);
			if (summed == OFL_CHECKSUM_PARTIAL) {
				assert_true(same16(
					c, (uint16_t)~ofl_csum_ipv6_magic(
						   f6 + 22, f6 + 38, U6LEN, 17,
						   0)));
				continue;
			}
			assert_true(same16(c, udp6_full()));
			memcpy(f6 + U6 + 6, &c, 2);
			/* skb->csum covers the IPv6 header too: address and
			 * checksum changes cancel, it stays right untouched */
			if (summed == OFL_CHECKSUM_COMPLETE) {
				assert_int_equal(st.csum, before);
				assert_true(same16(
					ofl_csum_fold(st.csum),
					ofl_csum_fold(ofl_csum_partial(
						f6 + 14, sizeof(f6) - 14, 0))));
			}
		}
}

static void by_diff_ipv6_leaves_complete_alone(void **state)
{
	struct ofl_csum_state st = { 0 };
	uint8_t chk[2] = { 0x12, 0x34 };

	(void)state;
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	st.csum = 0x1234567u;
	ofl_csum_proto_replace_by_diff(chk, &st, 0x55aa, true, true);
	assert_int_equal(st.csum, 0x1234567u);
	ofl_csum_proto_replace_by_diff(chk, &st, 0x55aa, true, false);
	assert_int_not_equal(st.csum, 0x1234567u);
	/* PARTIAL without pseudohdr: nothing moves */
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	chk[0] = 0x12;
	chk[1] = 0x34;
	ofl_csum_proto_replace_by_diff(chk, &st, 0x55aa, false, false);
	assert_int_equal(chk[0], 0x12);
	assert_int_equal(chk[1], 0x34);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc1624_example),
		cmocka_unit_test(update16_equals_recompute),
		cmocka_unit_test(replace4_and_diff),
		cmocka_unit_test(proto_replace4_complete_and_none),
		cmocka_unit_test(proto_replace4_partial),
		cmocka_unit_test(proto_replace16),
		cmocka_unit_test(by_diff_ipv6_leaves_complete_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
