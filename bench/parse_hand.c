// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A measuring stick, not a parser: the shortest code I could write that
 * fills struct ofl_parse_result exactly as ofl_parse() does for the two
 * frames bench_parser compares with DPDK (Eth/IPv4/TCP and Eth/VLAN/IPv6/
 * TCP without options), and for nothing else (any other frame returns
 * -1 and a result that is not ofl_parse()'s). It shows what the result
 * contract costs by itself, without the graph interpreter:
 * docs/PERFORMANCE.md, section parser. bench_parser checks it against
 * ofl_parse() byte for byte before timing it. Built like libofl (its own
 * shared library, same core flags), so it is called through a PLT too.
 */
#include <offload/parser.h>

int ofl_bench_hand_parse(const void *data, const void *end,
			 unsigned int root, struct ofl_parse_result *res,
			 size_t res_size);

typedef uint64_t __attribute__((may_alias, aligned(4))) ofl__hand_dword;

static inline unsigned int ofl__hand_be16(const uint8_t *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

static inline void ofl__hand_layer(struct ofl_parse_result *res,
				   unsigned int i, unsigned int proto,
				   unsigned int off, unsigned int len)
{
	struct ofl_parse_layer *l = &res->layers[i];

	l->proto = (uint8_t)proto;
	l->encap = 0;
	l->offset = (uint16_t)off;
	l->len = (uint16_t)len;
	l->reserved = 0;
}

__attribute__((visibility("default")))
int ofl_bench_hand_parse(const void *data, const void *end,
			 unsigned int root, struct ofl_parse_result *res,
			 size_t res_size)
{
	const uint8_t *p = (const uint8_t *)data, *e = (const uint8_t *)end;
	struct ofl_parse_flow *f = &res->outer;
	size_t flen = (size_t)(e - p), i;
	unsigned int off, nl, et, hl, tot, pend;
	const uint8_t *h;

	/* the same size check and zeroing as ofl_parse(): all but the
	 * layer slots, in 8-byte words then the last 4 bytes */
	if (res_size != sizeof(*res))
		return -22;
	((ofl__hand_dword *)res)[0] = 0;
	for (i = 0; i < (sizeof(*res) -
			 offsetof(struct ofl_parse_result, outer)) / 8; i++)
		((ofl__hand_dword *)&res->outer)[i] = 0;
	if ((sizeof(*res) - offsetof(struct ofl_parse_result, outer)) & 4)
		*(uint32_t *)((uint8_t *)res + sizeof(*res) - 4) = 0;
	if (!p || e < p || root != OFL_PROTO_ETH || flen < 18)
		return -1;
	res->frame_len = (uint16_t)(flen > 65535 ? 65535 : flen);
	res->mask = OFL_PARSE_MASK_ALL;
	ofl__hand_layer(res, 0, OFL_PROTO_ETH, 0, 14);
	nl = 1;
	off = 14;
	et = ofl__hand_be16(p + 12);
	if (et == 0x8100) {
		ofl__hand_layer(res, nl++, OFL_PROTO_VLAN, 14, 4);
		__builtin_memcpy(&res->vlan_tci[0], p + 14, 2);
		res->nvlan = 1;
		et = ofl__hand_be16(p + 16);
		off = 18;
	}
	h = p + off;
	if (et == 0x0800) {
		if (off + 20 > flen || h[0] != 0x45 ||
		    (ofl__hand_be16(h + 6) & 0x3fff))
			return -1;
		hl = 20;
		ofl__hand_layer(res, nl++, OFL_PROTO_IPV4, off, hl);
		f->family = 4;
		tot = ofl__hand_be16(h + 2);
		__builtin_memcpy(f->src, h + 12, 4);
		__builtin_memcpy(f->dst, h + 16, 4);
		f->ip_proto = h[9];
	} else if (et == 0x86dd) {
		if (off + 40 > flen || (h[0] >> 4) != 6)
			return -1;
		hl = 40;
		ofl__hand_layer(res, nl++, OFL_PROTO_IPV6, off, hl);
		f->family = 6;
		tot = ofl__hand_be16(h + 4);
		tot = tot ? tot + 40 : 0;
		__builtin_memcpy(f->src, h + 8, 16);
		__builtin_memcpy(f->dst, h + 24, 16);
		f->ip_proto = h[6];
	} else {
		return -1;
	}
	f->l3_off = (uint16_t)off;
	f->l3_end = (uint16_t)(tot ? (tot + off > 65535 ? 65535 : tot + off) :
				     0);
	off += hl;
	h = p + off;
	if (f->ip_proto != 6 || off + 20 > flen || (h[12] >> 4) != 5)
		return -1;
	ofl__hand_layer(res, nl++, OFL_PROTO_TCP, off, 20);
	__builtin_memcpy(f->ports, h, 4);
	f->has_ports = 1;
	f->l4_off = (uint16_t)off;
	res->tcp_flags = h[13];
	off += 20;
	res->payload_off = (uint16_t)off;
	res->nlayers = (uint8_t)nl;
	res->stop_off = (uint16_t)off;
	pend = res->frame_len;
	if (f->l3_end - 1u < pend)
		pend = f->l3_end;
	res->payload_len = (uint16_t)(pend > off ? pend - off : 0);
	res->cut = (uint8_t)(f->l3_end > res->frame_len);
	return 0;
}
