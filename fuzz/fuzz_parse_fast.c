// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The parser's fast path (lib/parser/fast.h) against the table walk alone
 * (ofl__parse_mask_nofast()): for every request mask, with and without a
 * UDP port table, the whole result (layer slots included: both start from
 * the same garbage) and the return value must be the same, natively
 * (ofl_parse_mask(), ofl_parse_mask_with(), ofl_parse(), ofl_parse_with())
 * and through the step API with ofl_parse_fast() against the steps alone.
 * Input: byte 0 picks a template frame of a covered stack (or, with bit
 * 7, the input itself is the frame), byte 1 a length (0: whole), bytes
 * 2..4 a port table entry (port, kind; kind 0: none), the rest is XORed
 * onto the frame, so most inputs sit on or next to the fast path. An
 * unchanged template must be taken by the fast path. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <offload/parser.h>
#include "parser/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FRAME_MAX 256

struct tpl {
	unsigned int root, vlan, v6, proto;
};

static const struct tpl tpls[] = {
	{ OFL_PROTO_ETH, 0, 0, 6 }, { OFL_PROTO_ETH, 1, 1, 6 },
	{ OFL_PROTO_ETH, 0, 0, 17 }, { OFL_PROTO_ETH, 1, 0, 17 },
	{ OFL_PROTO_ETH, 0, 1, 17 }, { OFL_PROTO_ETH, 1, 0, 6 },
	{ OFL_PROTO_ETH, 0, 1, 6 }, { OFL_PROTO_IPV4, 0, 0, 6 },
	{ OFL_PROTO_IPV6, 0, 1, 17 }, { OFL_PROTO_IPV4, 0, 0, 17 },
};

static void put16(uint8_t *p, unsigned int v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* One template frame, 16 bytes of payload; its length. */
static size_t build(const struct tpl *t, uint8_t *f)
{
	size_t n = 0, l4len = t->proto == 6 ? 20 : 8, i;

	memset(f, 0, FRAME_MAX);
	if (t->root == OFL_PROTO_ETH) {
		for (i = 0; i < 12; i++)
			f[i] = (uint8_t)(0x02 + i);
		n = 12;
		if (t->vlan) {
			put16(f + n, 0x8100);
			put16(f + n + 2, 0x2005);
			n += 4;
		}
		put16(f + n, t->v6 ? 0x86dd : 0x0800);
		n += 2;
	}
	if (t->v6) {
		f[n] = 0x60;
		put16(f + n + 4, (unsigned int)(l4len + 16));
		f[n + 6] = (uint8_t)t->proto;
		f[n + 7] = 64;
		f[n + 8] = 0x20;	/* 2001:db8::1 -> 2001:db8::2 */
		f[n + 9] = 0x01;
		f[n + 10] = 0x0d;
		f[n + 11] = 0xb8;
		memcpy(f + n + 24, f + n + 8, 16);
		f[n + 23] = 1;
		f[n + 39] = 2;
		n += 40;
	} else {
		f[n] = 0x45;
		put16(f + n + 2, (unsigned int)(20 + l4len + 16));
		f[n + 8] = 64;
		f[n + 9] = (uint8_t)t->proto;
		f[n + 12] = 198;	/* 198.18.0.1 -> 198.18.0.2 */
		f[n + 13] = 18;
		f[n + 15] = 1;
		memcpy(f + n + 16, f + n + 12, 3);
		f[n + 19] = 2;
		n += 20;
	}
	put16(f + n, 40000);
	put16(f + n + 2, t->proto == 6 ? 80 : 53);
	if (t->proto == 6)
		f[n + 12] = 0x50;
	else
		put16(f + n + 4, 8 + 16);
	n += l4len;
	for (i = 0; i < 16; i++)
		f[n + i] = (uint8_t)i;
	return n + 16;
}

static void check_mask(const uint8_t *f, size_t n, unsigned int root,
		       const struct ofl_parse_cfg *cfg, unsigned int mask)
{
	static struct ofl_parse_result a, b;
	int ra, rb;

	memset(&a, 0xa5, sizeof(a));
	memset(&b, 0xa5, sizeof(b));
	if (cfg)
		ra = ofl_parse_mask_with(f, f + n, root, cfg, mask, &a,
					 sizeof(a));
	else
		ra = ofl_parse_mask(f, f + n, root, mask, &a, sizeof(a));
	rb = ofl__parse_mask_nofast(f, f + n, root, cfg, mask, &b, sizeof(b));
	if (ra != rb || memcmp(&a, &b, sizeof(a)))
		__builtin_trap();
	if (mask == OFL_PARSE_MASK_ALL) {
		memset(&a, 0xa5, sizeof(a));
		ra = cfg ? ofl_parse_with(f, f + n, root, cfg, &a, sizeof(a)) :
			   ofl_parse(f, f + n, root, &a, sizeof(a));
		if (ra != rb || memcmp(&a, &b, sizeof(a)))
			__builtin_trap();
	}
}

/* The step API: begin, [ofl_parse_fast()], steps, finish; the result and
 * return value; *took: the fast path completed the walk. */
static int steps(const uint8_t *f, size_t n, unsigned int root,
		 const struct ofl_parse_cfg *cfg, unsigned int mask, int fast,
		 struct ofl_parse_result *r, int *took)
{
	unsigned int i;
	int ret;

	memset(r, 0x5a, sizeof(*r));
	ret = ofl_parse_begin_mask(f, f + n, root, cfg, mask, r, sizeof(*r));
	if (ret)
		return ret;
	ret = 1;
	if (fast) {
		ret = ofl_parse_fast(f, f + n, r, sizeof(*r));
		*took = ret == 0;
		/* only at the start: a second call declines */
		if (ofl_parse_fast(f, f + n, r, sizeof(*r)) != 1)
			__builtin_trap();
	}
	for (i = 0; ret > 0 && i < OFL_PARSE_MAX_DEPTH; i++)
		ret = ofl_parse_step(f, f + n, r, sizeof(*r));
	return ofl_parse_finish(r, ret, sizeof(*r));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t f[FRAME_MAX];
	static struct ofl_parse_result a, b;
	struct ofl_parse_cfg cfg, *pc = NULL;
	const struct tpl *t;
	unsigned int mask, root, i;
	size_t n;
	int ra, rb, took = 0;

	if (size < 5)
		return 0;
	t = &tpls[data[0] % (sizeof(tpls) / sizeof(tpls[0]))];
	if (data[0] & 0x80) {
		n = size - 5 < FRAME_MAX ? size - 5 : FRAME_MAX;
		memcpy(f, data + 5, n);
		root = data[0] & 0x40 ? OFL_PROTO_ETH :
		       data[0] & 0x20 ? OFL_PROTO_IPV4 : OFL_PROTO_IPV6;
	} else {
		n = build(t, f);
		root = t->root;
		for (i = 5; i < size && i - 5 < n; i++)
			f[i - 5] ^= data[i];
	}
	if (data[1] && data[1] < n)
		n = data[1];
	if (data[4] % (OFL_PARSE_UDP_KIND_MAX + 1)) {
		ofl_parse_cfg_init(&cfg, sizeof(cfg));
		ofl_parse_cfg_udp_add(&cfg, (unsigned int)data[2] << 8 |
					    data[3] | 1u,
				      data[4] % (OFL_PARSE_UDP_KIND_MAX + 1));
		pc = &cfg;
	}
	for (mask = 1; mask <= OFL_PARSE_MASK_ALL; mask++) {
		check_mask(f, n, root, NULL, mask);
		if (pc)
			check_mask(f, n, root, pc, mask);
		ra = steps(f, n, root, pc, mask, 1, &a, &took);
		rb = steps(f, n, root, pc, mask, 0, &b, &took);
		if (ra != rb || memcmp(&a, &b, sizeof(a)))
			__builtin_trap();
		/* an unchanged template is a covered frame (a port table
		 * naming its UDP port aside) */
		if (!(data[0] & 0x80) && !data[1] && !pc && size <= 5 &&
		    !took)
			__builtin_trap();
	}
	return 0;
}
