// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Differential fuzzer of lib/csum against a plain RFC 1071 byte model (and
 * a bitwise CRC32c): every entry point, random splits, offsets and seeds
 * taken from the input. Frame parsers (IPv6 walk, COMPLETE verification,
 * legacy check, checksum help) are driven with arbitrary bytes and
 * arbitrary layer descriptions for memory safety. Silent; traps on a
 * mismatch.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include "csum/internal.h"
#include "../tests/csum/crc32c_ref.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* RFC 1071: big-endian 16-bit words from stream offset @off, end-around
 * carry; folded, 0 only for all-zero input. */
static uint32_t model(const uint8_t *p, size_t len, size_t off, uint32_t acc)
{
	size_t i;

	for (i = 0; i < len; i++) {
		acc += ((off + i) & 1) ? p[i] : (uint32_t)p[i] << 8;
		acc = (acc & 0xffff) + (acc >> 16);
	}
	return acc;
}

static uint16_t wire(uint16_t v)
{
	uint8_t b[2];

	memcpy(b, &v, 2);
	return (uint16_t)(b[0] << 8 | b[1]);
}

/* ofl_wsum seed as a big-endian ones'-complement 16-bit value */
static uint32_t seed16(uint32_t s)
{
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return wire((uint16_t)s);
}

static int same(uint16_t a, uint16_t b)
{
	return a == b || (a == 0 && b == 0xffff) || (a == 0xffff && b == 0);
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static uint16_t rd16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

/* ofl_csum_partial_copy() into a buffer of its own (ASan sees any write
 * past @n), and every x86 version of both loops this CPU runs, called
 * directly: the ifunc is left out of sanitizer builds, these are not. */
static void copies(const uint8_t *d, size_t n, uint32_t seed, uint32_t s)
{
	uint8_t *o = (uint8_t *)malloc(n ? n : 1);

	if (!o)
		return;
	CHECK(ofl_csum_partial_copy(d, o, n, seed) == s);
	CHECK(!n || !memcmp(o, d, n));
#if defined(OFL__CSUM_X86)
	if (__builtin_cpu_supports("avx2")) {
		CHECK(ofl__csum_partial_avx2(d, n, seed) == s);
		memset(o, 0, n);
		CHECK(ofl__csum_copy_avx2(d, o, n, seed) == s);
		CHECK(!n || !memcmp(o, d, n));
	}
#if defined(OFL__CSUM_AVX512)
	if (__builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("avx512bw")) {
		CHECK(ofl__csum_partial_avx512(d, n, seed) == s);
		memset(o, 0, n);
		CHECK(ofl__csum_copy_avx512(d, o, n, seed) == s);
		CHECK(!n || !memcmp(o, d, n));
	}
#endif
#endif
	free(o);
}

static void sums(const uint8_t *d, size_t n, uint32_t seed, size_t k)
{
	uint32_t a, b, s;

	/* partial and span, with a seed */
	s = ofl_csum_partial(d, n, seed);
	CHECK(wire(ofl_csum_fold(s)) ==
	      (uint16_t)~model(d, n, 0, seed16(seed)));
	CHECK(ofl_csum_fold(ofl_csum_span(d, d + n, seed)) == ofl_csum_fold(s));
	/* every loop of partial.c: the same 32-bit sum, not only its fold */
	CHECK(ofl__csum_partial_vec(d, n, seed) == s);
	CHECK(ofl__csum_partial_carry(d, n, seed) == s);
#if defined(OFL__CSUM_SSE2)
	CHECK(ofl__csum_partial_sse2(d, n, seed) == s);
#endif
	copies(d, n, seed, s);
	/* a split at k, placed with block_add; and removed again */
	a = ofl_csum_partial(d, k, 0);
	b = ofl_csum_partial(d + k, n - k, 0);
	CHECK(wire(ofl_csum_fold(ofl_csum_block_add(a, b, k))) ==
	      (uint16_t)~model(d, n, 0, 0));
	CHECK(same(wire(ofl_csum_fold(ofl_csum_block_sub(
			   ofl_csum_block_add(a, b, k), b, k))),
		   (uint16_t)~model(d, k, 0, 0)));
	CHECK(same(wire(ofl_csum_fold(ofl_csum_sub(ofl_csum_add(s, a), a))),
		   wire(ofl_csum_fold(s))));
}

static void updates(const uint8_t *d, size_t n, uint32_t r)
{
	uint8_t h[64];
	size_t len = 20 + 4 * (r % 11), w;
	uint16_t c, old, neu, c2;
	uint32_t f, t;

	if (n < len + 6)
		return;
	memcpy(h, d, len);
	h[10] = h[11] = 0;
	c = ofl_csum_fold(ofl_csum_partial(h, len, 0));
	CHECK(ofl_csum_ip_fast(h, (unsigned int)len / 4) == c);
	memcpy(h + 10, &c, 2);
	/* a 16-bit word: incremental == recompute, exactly, except that an
	 * all-zero result is -0 incrementally (RFC 1624 eqn. 3 never gives
	 * 0xffff; csum_replace2 alike) and +0 recomputed */
	w = 2 * ((r >> 8) % (len / 2));
	if (w == 10)
		w = 0;
	old = rd16(h + w);
	neu = rd16(d + len);
	memcpy(h + w, &neu, 2);
	c2 = ofl_csum_update16(c, old, neu);
	h[10] = h[11] = 0;
	c = ofl_csum_fold(ofl_csum_partial(h, len, 0));
	CHECK(c2 == c || (model(h, len, 0, 0) == 0 && same(c2, c)));
	memcpy(h + 10, &c2, 2);
	/* a 32-bit word at an even offset (may straddle the field: skip) */
	w = 4 * ((r >> 16) % (len / 4));
	if (w == 8)
		return;
	f = rd32(h + w);
	t = rd32(d + len + 2);
	memcpy(h + w, &t, 4);
	c = ofl_csum_replace4(c2, f, t);
	CHECK(same(c, ofl_csum_replace_by_diff(c2, ofl_csum_add(~f, t))));
	h[10] = h[11] = 0;
	CHECK(same(c, ofl_csum_fold(ofl_csum_partial(h, len, 0))));
}

static void pseudo(const uint8_t *d, size_t n)
{
	uint8_t ps[40];
	uint32_t len;
	uint8_t proto;

	if (n < 40)
		return;
	len = (uint32_t)(d[32] << 8 | d[33]);
	proto = d[34];
	/* IPv4 */
	memcpy(ps, d, 8);
	ps[8] = 0;
	ps[9] = proto;
	ps[10] = (uint8_t)(len >> 8);
	ps[11] = (uint8_t)len;
	CHECK(wire(ofl_csum_tcpudp_magic(rd32(d), rd32(d + 4), len, proto,
					 ofl_csum_partial(d + 35, n - 35, 0))) ==
	      (uint16_t)~model(d + 35, n - 35, 0, model(ps, 12, 0, 0)));
	/* IPv6 */
	memcpy(ps, d, 32);
	memset(ps + 32, 0, 8);
	ps[34] = (uint8_t)(len >> 8);
	ps[35] = (uint8_t)len;
	ps[39] = proto;
	CHECK(wire(ofl_csum_ipv6_magic(d, d + 16, len, proto,
				       ofl_csum_partial(d + 35, n - 35, 0))) ==
	      (uint16_t)~model(d + 35, n - 35, 0, model(ps, 40, 0, 0)));
}

/* inet_proto_csum_replace*: a pseudo header of 40 bytes (two 16-byte
 * addresses, 8 bytes of length and protocol) and an L4 segment after it;
 * the model recomputes from bytes. */
static void proto(const uint8_t *d, size_t n, uint32_t r)
{
	uint8_t b[40 + 64], to[16];
	struct ofl_csum_state st;
	size_t len, at, room;
	uint16_t want, got;
	int summed = (int)(r % 4);

	if (n < 40 + 16 + 20)
		return;
	/* 40 + len + 16 <= n and len <= 63 */
	room = n - 76 < 43 ? n - 76 : 43;
	len = (20 + (r >> 4) % (room + 1)) & ~(size_t)1;
	memcpy(b, d, 40 + len);
	memcpy(to, d + 40 + len, 16);
	at = 40 + 6; /* the L4 checksum field */
	memset(&st, 0, sizeof(st));
	st.ip_summed = (uint8_t)summed;
	if (summed == OFL_CHECKSUM_PARTIAL) {
		want = (uint16_t)model(b, 40, 0, 0);
	} else {
		b[at] = b[at + 1] = 0;
		want = (uint16_t)~model(b, 40 + len, 0, 0);
	}
	b[at] = (uint8_t)(want >> 8);
	b[at + 1] = (uint8_t)want;
	st.csum = ofl_csum_partial(b + 40, len, 0);
	/* the destination address (pseudo header) changes */
	ofl_csum_proto_replace16(b + at, &st, b + 16, to, true);
	memcpy(b + 16, to, 16);
	got = (uint16_t)(b[at] << 8 | b[at + 1]);
	if (summed == OFL_CHECKSUM_PARTIAL) {
		CHECK(same(got, (uint16_t)model(b, 40, 0, 0)));
	} else {
		b[at] = b[at + 1] = 0;
		CHECK(same(got, (uint16_t)~model(b, 40 + len, 0, 0)));
		b[at] = (uint8_t)(got >> 8);
		b[at + 1] = (uint8_t)got;
	}
	/* a 32-bit word of the segment itself (not pseudo header) */
	{
		uint32_t f = rd32(b + 40 + 8), t = rd32(d + 20);
		uint32_t before = st.csum;

		ofl_csum_proto_replace4(b + at, &st, f, t, false);
		memcpy(b + 40 + 8, &t, 4);
		got = (uint16_t)(b[at] << 8 | b[at + 1]);
		CHECK(st.csum == before);
		if (summed != OFL_CHECKSUM_PARTIAL) {
			b[at] = b[at + 1] = 0;
			CHECK(same(got, (uint16_t)~model(b, 40 + len, 0, 0)));
			b[at] = (uint8_t)(got >> 8);
			b[at + 1] = (uint8_t)got;
		} else {
			CHECK(same(got, (uint16_t)model(b, 40, 0, 0)));
		}
	}
	/* a pseudo-header word under COMPLETE: skb->csum follows the
	 * checksum field (IPv4 rule), unless by_diff is told ipv6 */
	if (summed == OFL_CHECKSUM_COMPLETE) {
		uint32_t f = rd32(b), t = rd32(d + 24), before;
		uint16_t c0 = rd16(b + at);

		st.csum = ofl_csum_partial(b + 40, len, 0);
		ofl_csum_proto_replace4(b + at, &st, f, t, true);
		CHECK(same(ofl_csum_fold(st.csum),
			   ofl_csum_fold(ofl_csum_partial(b + 40, len, 0))));
		before = st.csum;
		ofl_csum_proto_replace_by_diff(b + at, &st,
					       ofl_csum_add(~t, f), true, true);
		CHECK(st.csum == before);
		CHECK(same(rd16(b + at), c0));
	}
}

static void crc(const uint8_t *d, size_t n, size_t k)
{
	uint8_t p[256];
	size_t m = n < sizeof(p) ? n : sizeof(p);

	CHECK(ofl_csum_crc32c(ofl_csum_crc32c(~0u, d, k), d + k, n - k) ==
	      crc32c_ref(~0u, d, n));
	memcpy(p, d, m);
	if (m >= 12) {
		CHECK(ofl_csum_sctp_set(p, p + m) == 0);
		CHECK(ofl_csum_sctp_verify(p, p + m) == 0);
		p[m - 1] ^= 0x40;
		CHECK(ofl_csum_sctp_verify(p, p + m) == OFL_ECSUM);
	} else {
		CHECK(ofl_csum_sctp_verify(p, p + m) == OFL_ENODATA);
	}
}

/* Arbitrary bytes and arbitrary descriptions: no crash, sane results. */
static void frames(const uint8_t *d, size_t n, uint32_t r)
{
	static uint8_t f[2048];
	struct ofl_csum_ipv6_l4 o;
	struct ofl_csum_layers ly;
	struct ofl_csum_state st;
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	size_t m = n < sizeof(f) ? n : sizeof(f), i;
	int err;

	memcpy(f, d, m);
	err = ofl_csum_ipv6_find_l4(f, f + m, &o);
	if (err == 0)
		CHECK(o.l4_off <= m && (size_t)o.daddr_off + 16 <= m);
	memset(&ly, 0, sizeof(ly));
	ly.n = (uint8_t)(r % (OFL_CSUM_MAX_LAYERS + 2));
	for (i = 0; i < OFL_CSUM_MAX_LAYERS && 12 * i + 12 <= m; i++) {
		const uint8_t *q = d + m - 12 * (i + 1);

		memcpy(&ly.l[i], q, 12);
		ly.l[i].l4_off = (uint16_t)(ly.l[i].l4_off % (m + 1));
		ly.l[i].family = (q[8] & 1) ? 4 : 6;
		ly.l[i].proto = (uint8_t[]){ 6, 17, 1, 58 }[q[9] & 3];
	}
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	st.csum_start = (uint16_t)(r >> 8) % (uint16_t)(m + 1);
	st.csum = ofl_csum_partial(f + st.csum_start, m - st.csum_start, 0);
	err = ofl_csum_verify_complete(f, f + m, &st, &ly, res);
	CHECK(err <= 0);
	st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
	if (ofl_csum_convert_unnecessary(f, f + m, &st, &ly) == 0) {
		CHECK(st.ip_summed == OFL_CHECKSUM_COMPLETE);
		/* the converted sum must verify the layer it came from */
		err = ofl_csum_verify_complete(f, f + m, &st, &ly, res);
		CHECK(err <= 0);
	}
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	st.csum_start = (uint16_t)(r % (m + 1));
	st.csum_offset = (uint16_t)((r >> 12) % 64 & ~1u); /* fields are even */
	(void)ofl_csum_hwoffload_legacy_check(f, f + m, (uint16_t)(r >> 20) %
					      (uint16_t)(m + 1), &st, 3);
	if ((size_t)st.csum_start + st.csum_offset + 2 <= m) {
		size_t at = (size_t)st.csum_start + st.csum_offset;
		uint16_t old = rd16(f + at);

		CHECK(ofl_csum_help(f, f + m, &st) == 0);
		/* the field held the pseudo-header sum: with it added back,
		 * the completed region sums to zero; never stores 0 */
		CHECK(rd16(f + at) != 0);
		CHECK(same(ofl_csum_fold(ofl_csum_add(
				   ofl_csum_partial(f + st.csum_start,
						    m - st.csum_start, 0),
				   ofl_csum_unfold(old))),
			   0));
	} else {
		CHECK(ofl_csum_help(f, f + m, &st) == OFL_EINVAL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t seed, r;
	size_t n, k;
	const uint8_t *d;

	if (size < 8)
		return 0;
	memcpy(&seed, data, 4);
	memcpy(&r, data + 4, 4);
	d = data + 8;
	n = size - 8;
	k = n ? r % (n + 1) : 0;
	sums(d, n, seed, k);
	updates(d, n, r);
	pseudo(d, n);
	proto(d, n, r);
	crc(d, n, k);
	frames(d, n, r ^ seed);
	return 0;
}
