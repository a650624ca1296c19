// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The interpreter: one bounded loop over the const graph of graph.c.
 *
 * Every packet byte is read through ofl__parse_load() or a per-byte copy,
 * each preceded by an explicit comparison with @end in the same inlined
 * code, so the BPF verifier sees it. Offsets taken from the packet are
 * clamped (headers start below OFL_PARSE_MAX_HDR_OFF, options below 2048)
 * before they move a pointer. Kernel reference for the decisions:
 * __skb_flow_dissect() in net/core/flow_dissector.c (IPv4/IPv6 fragments,
 * GRE version/routing rejection, ports after L3) and tcp_parse_options()
 * in net/ipv4/tcp_input.c (option walk, EOL/NOP, silly lengths).
 */
#include <offload/parser.h>
#include "../common/bytes.h"
#include "internal.h"

#define OFL__PARSE_RSIZE ((unsigned int)sizeof(struct ofl_parse_result))

#if defined(OFL_BPF)
/*
 * Make the compiler reload the walker state from *res (a map value in BPF)
 * at each loop head: the verifier then sees the same bounded unknowns on
 * every path and prunes them. Without it the loads stay in registers with
 * path-specific ranges and verification stops at "BPF program is too
 * large. Processed 1000001 insn". Natively it is nothing.
 */
#define OFL__PARSE_FORGET() __asm__ __volatile__("" ::: "memory")
/* Pin a value in a register: clang may otherwise reload it from .rodata
 * after its bounds check, and the verifier then sees the unchecked copy
 * ("R2 max value is outside of the allowed memory range"). */
#define OFL__PARSE_HIDE(x) __asm__ __volatile__("" : "+r"(x))
#else
#define OFL__PARSE_FORGET() do { } while (0)
#define OFL__PARSE_HIDE(x) do { } while (0)
#endif

#if defined(OFL_BPF)
/*
 * Merge the verifier's paths between the phases of a step: the op's flag
 * bits split them (2^n combinations, each walking the rest of the step).
 * Passing the header length through the result (a map value, whose
 * contents the verifier does not track) and reloading the flags leaves
 * every path with the same unknowns, so later phases are pruned.
 */
#define OFL__PARSE_SYNC(res, hlen, x, flags, ext, op)			\
	do {								\
		OFL__W(res)->whlen = (uint16_t)(hlen);			\
		OFL__W(res)->wflags = (uint8_t)(x);				\
		OFL__PARSE_FORGET();					\
		(hlen) = OFL__W(res)->whlen;					\
		(x) = OFL__W(res)->wflags;					\
		(flags) = (op)->flags;					\
		(ext) = (op)->ext;					\
	} while (0)
#else
#define OFL__PARSE_SYNC(res, hlen, x, flags, ext, op) do { } while (0)
#endif

#if defined(OFL_BPF) && defined(__clang__)
/* Loops stay loops in BPF: unrolled, the inlined copies and rule loops
 * leave the verifier "The sequence of 8193 jumps is too complex". */
#define OFL__PARSE_LOOP _Pragma("clang loop unroll(disable)")
#else
#define OFL__PARSE_LOOP
#endif

/*
 * Element i of a graph array, or NULL when i is out of range (which the
 * graph tests rule out). A compare, not a modulo or a clamp to 0: the
 * verifier loses the bounds of a division ("value ... makes map_value
 * pointer be out of bounds"), and a clamp's constant 0 would let it read
 * constants from .rodata and split every later path on them.
 */
OFL_INLINE const void *ofl__parse_ptr(const void *base, size_t size,
				      size_t n, size_t i)
{
	OFL__PARSE_HIDE(i);
	if (i >= n)
		return NULL;
	OFL__PARSE_HIDE(i);
	return (const uint8_t *)base + i * size;
}

#define OFL__PIDX(arr, i)                                                  \
	((__typeof__(&(arr)[0]))ofl__parse_ptr((arr), sizeof((arr)[0]),    \
					       OFL_ARRAY_SIZE(arr), (size_t)(i)))

/* Load a big-endian field of 0, 1, 2 or 4 bytes at hdr + off. */
OFL_INLINE int ofl__parse_load(const uint8_t *hdr, const uint8_t *end,
			       unsigned int off, unsigned int size,
			       uint32_t *v)
{
	const uint8_t *q = hdr + (off & 0xffu);

	if (size == 1) {
		if (q + 1 > end)
			return -1;
		*v = q[0];
	} else if (size == 2) {
		if (q + 2 > end)
			return -1;
		*v = ofl_load_be16(q);
	} else if (size == 4) {
		if (q + 4 > end)
			return -1;
		*v = ofl_load_be32(q);
	} else {
		*v = 0;
	}
	return 0;
}

/* Evaluate a field rule; -1 if the field is outside the frame. */
OFL_INLINE int ofl__parse_field(const uint8_t *hdr, const uint8_t *end,
				const struct ofl_parse_field *f, uint32_t *v)
{
	uint32_t x, mult = f->mult ? f->mult : 1u;

	if (ofl__parse_load(hdr, end, f->off, f->size, &x))
		return -1;
	*v = ((x & f->mask) >> (f->shift & 31u)) * mult + f->add;
	return 0;
}

/*
 * Copy n (<= OFL__PARSE_MAX_COPY) packet bytes at src to result byte dst:
 * 4-byte words, then the last 0..3 bytes, each checked against @end and
 * the result size. Few branches per copy keep the verifier's path short.
 */
OFL_INLINE void ofl__parse_copy(uint8_t *r, size_t dst,
				const uint8_t *src, const uint8_t *end,
				size_t n)
{
	size_t i, d;

	OFL__PARSE_HIDE(dst);
	OFL__PARSE_HIDE(n);
	if (dst >= OFL__PARSE_RSIZE || n > OFL__PARSE_MAX_COPY)
		return;
	OFL__PARSE_LOOP
	for (i = 0; i + 4 <= n && i < OFL__PARSE_MAX_COPY; i += 4) {
		d = dst + i;
		OFL__PARSE_HIDE(d);
		if (d > OFL__PARSE_RSIZE - 4 || src + i + 4 > end)
			return;
		ofl_copy4(r + d, src + i);
	}
	OFL__PARSE_LOOP
	for (; i < n && i < OFL__PARSE_MAX_COPY; i++) {
		d = dst + i;
		OFL__PARSE_HIDE(d);
		if (d >= OFL__PARSE_RSIZE || src + i + 1 > end)
			return;
		r[d] = src[i];
	}
}

OFL_INLINE void ofl__parse_set(uint8_t *r, size_t dst, uint8_t v,
			       int or_it)
{
	OFL__PARSE_HIDE(dst);
	if (dst >= OFL__PARSE_RSIZE)
		return;
	if (or_it)
		r[dst] = (uint8_t)(r[dst] | v);
	else
		r[dst] = v;
}

/* The current flow: outer, or inner once in a tunnel (arithmetic, not a
 * branch: one path for the verifier). */
OFL_INLINE unsigned int ofl__parse_flow_off(unsigned int encap)
{
	return (unsigned int)offsetof(struct ofl_parse_result, outer) +
	       (((encap + 255u) >> 8) & 1u) *
	       (unsigned int)sizeof(struct ofl_parse_flow);
}

/*
 * The request mask (offload/parser.h): @want is the served level, a
 * compile-time constant in each specialised copy of ofl_parse_mask()
 * (the skipped stores then leave no trace), res->mask in the step API.
 * A store into the current flow belongs to OFL_PARSE_REQ_FLOW, any other
 * copy of header bytes into the result to OFL_PARSE_REQ_META.
 */
#if defined(OFL_BPF)
/*
 * In BPF @want is read from res->mask (a map value) at each test, not
 * kept in a register: a register refined by one test (its bit known on
 * each side) would make every later state differ and nothing prune
 * (558 748 processed instructions for the step of
 * tests/parser/parse.bpf.c; 249 612 so, 184 879 before the mask).
 */
#define OFL__PARSE_REQ(res, want, bits)					\
	((void)(want),							\
	 (unsigned int)*(const volatile uint8_t *)&(res)->mask & (bits))
#else
#define OFL__PARSE_REQ(res, want, bits) ((want) & (bits))
#endif
/*
 * A rule-driven store (metadata rules, TLV option rules) wanted? In the
 * out-of-line helpers @want is not a constant natively, so the full level
 * is tested first: one compare per rule rather than the rule's class
 * test (which cost the VXLAN frame 20 instructions). In BPF every test
 * reads res->mask (above).
 */
#if defined(OFL_BPF)
#define OFL__PARSE_ALL(want) 0
#else
#define OFL__PARSE_ALL(want) ((want) == OFL_PARSE_MASK_ALL)
#endif
#define OFL__PARSE_WANT(res, want, flowish)				\
	OFL__PARSE_REQ(res, want,					\
		       (flowish) ? OFL_PARSE_REQ_FLOW : OFL_PARSE_REQ_META)

/*
 * Where a metadata rule's class is tested: natively in the inlined caller,
 * where @want is a constant (tested in the out-of-line helper, it cost the
 * VXLAN frame 6-20 instructions per parse even at the full level); in BPF
 * in the helper (tested in the caller loop, it split the verifier's paths:
 * 371 100 processed instructions for conf_parser_meta rather than 327 680).
 */
#if defined(OFL_BPF)
#define OFL__PARSE_MD_CALLER(res, want, m) 1
#define OFL__PARSE_MD_HELPER(res, want, m)				\
	OFL__PARSE_WANT(res, want, (m)->flags & OFL_PARSE_MD_FLOW)
#else
#define OFL__PARSE_MD_CALLER(res, want, m)				\
	(!(m) || OFL__PARSE_ALL(want) ||				\
	 OFL__PARSE_WANT(res, want, (m)->flags & OFL_PARSE_MD_FLOW))
#define OFL__PARSE_MD_HELPER(res, want, m) ((void)(want), 1)
#endif

/* Apply one metadata rule of a header of hlen bytes. */
OFL_PRIVATE void ofl__parse_md_apply(const uint8_t *hdr, const uint8_t *end,
			       unsigned int hlen,
			       const struct ofl_parse_md *m, uint8_t *r,
			       unsigned int flow, unsigned int idx,
			       unsigned int want)
{
	unsigned int dst, n;
	uint32_t c;

	if (!m || !OFL__PARSE_MD_HELPER((const struct ofl_parse_result *)
					(const void *)r, want, m))
		return;
	dst = m->dst;
	n = m->len;
	if (m->flags & OFL_PARSE_MD_COND) {
		if (m->cond_off >= hlen ||
		    ofl__parse_load(hdr, end, m->cond_off, 1, &c) ||
		    c != m->cond_val)
			return;
	}
	if (m->flags & OFL_PARSE_MD_FLOW)
		dst += flow;
	if (m->flags & OFL_PARSE_MD_INDEX) {
		if (idx >= 4)
			return;
		dst += n * idx;
	}
	if (m->flags & OFL_PARSE_MD_SET) {
		if (m->src_off <= hlen)
			ofl__parse_set(r, dst, (uint8_t)n, 0);
		return;
	}
	if ((unsigned int)m->src_off + n > hlen)
		return;
	ofl__parse_copy(r, dst, hdr + m->src_off, end, n);
}

/* The option rule (index within the list) an option matches, or -1. */
OFL_INLINE int ofl__parse_opt_find(const struct ofl_parse_tlv *t,
				   uint32_t type, unsigned int olen)
{
	unsigned int j;

	OFL__PARSE_LOOP
	for (j = 0; j < OFL__PARSE_MAX_OPTRULES; j++) {
		const struct ofl_parse_opt *c;

		if (j >= t->opt_count)
			break;
		c = OFL__PIDX(ofl__parse_opts, t->opt_first + j);
		if (!c)
			break;
		if (c->type == type && olen >= c->min_len &&
		    olen <= c->max_len)
			return (int)j;
	}
	return -1;
}

/*
 * Apply the option rules once per rule, after the walk, to the last option
 * each matched (the walker's opt_at): one copy per rule on the verifier's
 * path rather than one per option walked.
 */
OFL_PRIVATE void ofl__parse_opts_apply(const uint8_t *hdr, const uint8_t *end,
				       const struct ofl_parse_tlv *t,
				       struct ofl_parse_result *res,
				       unsigned int want)
{
	uint8_t *r = (uint8_t *)res;
	unsigned int j, n, at, fo, flow = ofl__parse_flow_off(res->encap);
	uint32_t olen;

	OFL__PARSE_LOOP
	for (j = 0; j < OFL__PARSE_MAX_OPTRULES; j++) {
		const struct ofl_parse_opt *o;
		const uint8_t *opt;

		if (j >= t->opt_count)
			break;
		OFL__PARSE_FORGET();
		at = OFL__W(res)->opt_at[j];
		if (!at)
			continue;
		o = OFL__PIDX(ofl__parse_opts, t->opt_first + j);
		if (!o)
			break;
		if (!OFL__PARSE_ALL(want) &&
		    !OFL__PARSE_WANT(res, want,
				     o->flags & OFL_PARSE_OPT_FLOW))
			continue;
		opt = hdr + (at & 0x7ffu);
		if (ofl__parse_field(opt, end, &t->len, &olen) ||
		    olen < o->src_off)
			continue;
		n = olen - o->src_off;
		if (n > o->copy_max)
			n = o->copy_max;
		/* per-flow options (IPv6 Home Address) land in the current
		 * flow; the result copy checks the offset either way */
		fo = (o->flags & OFL_PARSE_OPT_FLOW) ? flow : 0;
		if (o->dst != 0xffffu)
			ofl__parse_copy(r, o->dst + fo, opt + o->src_off, end,
					n);
		ofl__parse_set(r, o->bit_dst + fo, o->bit, 1);
		if (o->cnt_dst != 0xffffu && o->cnt_div)
			ofl__parse_set(r, o->cnt_dst,
				       (uint8_t)((olen - o->src_off) /
						 o->cnt_div), 0);
	}
}

/*
 * Walk the TLV options in [t->start, hlen) of a header (Linux
 * tcp_parse_options(), ipv6 ip6_parse_tlv(), GENEVE). Returns 0 or an
 * error with *eoff the option's offset within the header.
 */
OFL_PRIVATE int ofl__parse_tlv_walk(const uint8_t *hdr, const uint8_t *end,
			       unsigned int hlen,
			       const struct ofl_parse_tlv *t, uint8_t *r,
			       unsigned int *eoff, unsigned int want)
{
	struct ofl_parse_result *res = (struct ofl_parse_result *)r;
	unsigned int o, i, nopt = 0;
	int j, err = 0;

	if (!t)
		return 0;
	o = t->start;
	if (o >= hlen) {	/* no options: the common case */
		if (t->count_dst != 0xffffu &&
		    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
			ofl__parse_set(r, t->count_dst, 0, 0);
		return 0;
	}
	for (i = 0; i < OFL__PARSE_MAX_OPTRULES; i++)
		OFL__W(res)->opt_at[i] = 0;
	OFL__W(res)->opt_off = (uint16_t)o;
	OFL__PARSE_LOOP
	for (i = 0; i < OFL_PARSE_MAX_OPTS; i++) {
		const uint8_t *opt;
		uint32_t type, olen;

		OFL__PARSE_FORGET();
		o = OFL__W(res)->opt_off;
		if (o >= hlen)
			break;
		*eoff = o;
		opt = hdr + (o & 0x7ffu);
		if (ofl__parse_load(opt, end, t->type_off, 1, &type)) {
			err = OFL_ENODATA;
			break;
		}
		if (type == t->pad1) {
			OFL__W(res)->opt_off = (uint16_t)(o + 1);
			continue;
		}
		if (type == t->eol)
			break;
		if (o + t->min_opt > hlen) {
			err = OFL_EBADMSG;
			break;
		}
		if (ofl__parse_field(opt, end, &t->len, &olen)) {
			err = OFL_ENODATA;
			break;
		}
		if (olen < t->min_opt || o + olen > hlen) {
			err = OFL_EBADMSG;
			break;
		}
		nopt++;
		j = t->opt_count ? ofl__parse_opt_find(t, type, olen) : -1;
		if (j >= 0 && j < OFL__PARSE_MAX_OPTRULES)
			OFL__W(res)->opt_at[j] = (uint16_t)o;
		OFL__W(res)->opt_off = (uint16_t)(o + olen);
	}
	if (t->opt_count &&
	    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW | OFL_PARSE_REQ_META))
		ofl__parse_opts_apply(hdr, end, t, res, want);
	o = OFL__W(res)->opt_off;
	/* the cursor fields are 0 outside a walk: finishing a parse need
	 * not clear them */
	OFL__W(res)->opt_off = 0;
	for (i = 0; i < OFL__PARSE_MAX_OPTRULES; i++)
		OFL__W(res)->opt_at[i] = 0;
	if (err) {
		*eoff = o;
		return err;
	}
	/*
	 * More than OFL_PARSE_MAX_OPTS options (o < hlen, no EOL): the
	 * rest is skipped by the header's length, unread, as lib/gro,
	 * lib/gso and lib/csum skip option headers and the kernel's flow
	 * dissector (__skb_flow_dissect(): ipv6_optlen()) never reads them;
	 * refusing would cost such a frame its ports and its hash.
	 */
	if (t->count_dst != 0xffffu &&
	    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		ofl__parse_set(r, t->count_dst, (uint8_t)nopt, 0);
	return 0;
}

/* Flag fields (GRE): the bytes they add after the base header. */
OFL_INLINE int ofl__parse_ff_len(const uint8_t *hdr, const uint8_t *end,
				 const struct ofl_parse_flags *fl,
				 uint32_t *flags, unsigned int *extra)
{
	unsigned int j, x = 0;

	if (!fl || ofl__parse_field(hdr, end, &fl->field, flags))
		return -1;
	OFL__PARSE_LOOP
	for (j = 0; j < OFL__PARSE_MAX_FF; j++) {
		const struct ofl_parse_flagfield *f;

		if (j >= fl->ff_count)
			break;
		f = OFL__PIDX(ofl__parse_ff, fl->ff_first + j);
		if (!f)
			break;
		if (*flags & f->mask)
			x += f->size;
	}
	*extra = x;
	return 0;
}

/* Flag fields (GRE): copy the present ones, set their bits. */
OFL_PRIVATE void ofl__parse_ff_md(const uint8_t *hdr, const uint8_t *end,
				  unsigned int base,
				  const struct ofl_parse_flags *fl,
				  uint32_t flags, uint8_t *r)
{
	unsigned int j, pos = base;

	if (!fl)
		return;
	OFL__PARSE_LOOP
	for (j = 0; j < OFL__PARSE_MAX_FF; j++) {
		const struct ofl_parse_flagfield *f;

		if (j >= fl->ff_count)
			break;
		f = OFL__PIDX(ofl__parse_ff, fl->ff_first + j);
		if (!f)
			break;
		if (!(flags & f->mask))
			continue;
		if (f->dst != 0xffffu)
			ofl__parse_copy(r, f->dst, hdr + (pos & 0xffu), end,
					f->size);
		ofl__parse_set(r, f->bit_dst, f->bit, 1);
		pos += f->size;
	}
}

/*
 * A packet read of n bytes at q made by an op row. Natively the header's
 * min_len check covers it (the graph tests check that every op offset +
 * size lies within min_len); the BPF verifier wants to see each read
 * checked, so there it is spelled out.
 */
#if defined(OFL_BPF)
#define OFL__PARSE_IN(q, n, end) ((q) + (n) <= (end))
#else
#define OFL__PARSE_IN(q, n, end) 1
#endif

/* A 16-bit field at a fixed offset within min_len (see OFL__PARSE_IN). */
OFL_INLINE int ofl__parse_in16(const uint8_t *hdr, const uint8_t *end,
			       unsigned int off, uint32_t *v)
{
	const uint8_t *q = hdr + (off & 0xffu);

	(void)end;
	if (!OFL__PARSE_IN(q, 2, end))
		return -1;
	*v = ofl_load_be16(q);
	return 0;
}

/*
 * Find key in the op's inlined table; the edge or NULL. An edge flagged
 * OFL_PARSE_EF_BARE matches only when @bare (the header had its minimum
 * length): ERSPAN type I after a bare GRE header, type II otherwise.
 */
OFL_INLINE const struct ofl_parse_edge *
ofl__parse_lookup(const struct ofl_parse_op *op, uint32_t key,
		  unsigned int bare)
{
	unsigned int j, first = op->e_first, count = op->e_count;

	OFL__PARSE_LOOP
	for (j = 0; j < OFL__PARSE_MAX_TABLE; j++) {
		const struct ofl_parse_edge *e;

		if (j >= count)
			break;
		e = OFL__PIDX(ofl__parse_edges, first + j);
		if (!e)
			break;
		if (e->key == key && (bare || !(e->flags & OFL_PARSE_EF_BARE)))
			return e;
	}
	return NULL;
}

/*
 * The edge for UDP destination port @key from the caller's port table
 * (copied into the walker state), or NULL: ofl_parse_with().
 */
OFL_INLINE const struct ofl_parse_edge *
ofl__parse_udp_cfg(const struct ofl_parse_result *res, uint32_t key)
{
	const struct ofl__parse_walker *w =
		(const struct ofl__parse_walker *)(const void *)res->walk_;
	unsigned int j, k;

	OFL__PARSE_LOOP
	for (j = 0; j < OFL_PARSE_CFG_UDP_MAX; j++) {
		OFL__PARSE_FORGET();
		k = w->udp_kind[j];
		if (k && w->udp_port[j] == key)
			return OFL__PIDX(ofl__parse_udp_edges, k);
	}
	return NULL;
}

/*
 * Zero or copy whole 32-bit words of the result (it is 4-byte aligned and
 * a multiple of 4 bytes long): a counted loop without an early exit, which
 * compilers turn into a few vector stores (a byte loop with a break costs
 * more than the whole walk). may_alias: the words overlay byte arrays.
 * In BPF the result is 8-byte aligned (offload/parser.h: a map value is),
 * so the pairs are 8-byte stores: with aligned(4) clang splits each into
 * two 32-bit ones, 87 stores per ofl_parse_begin(); bpf_bench's parser
 * row went 143-147 -> 135-137 ns a frame (docs/PERFORMANCE.md).
 */
typedef uint32_t __attribute__((may_alias)) ofl__parse_word;
#if defined(OFL_BPF)
typedef uint64_t __attribute__((may_alias)) ofl__parse_dword;
#else
typedef uint64_t __attribute__((may_alias, aligned(4))) ofl__parse_dword;
#endif

/*
 * Fully unrolled natively (every call has a constant size): with the
 * result's 88 more bytes (IPv6 _EX addresses, port table) gcc kept an
 * 18-iteration store loop, 72 instructions per parse (callgrind,
 * docs/PERFORMANCE.md); unrolled it is 18 vector stores.
 */
#if !defined(OFL_BPF) && defined(__clang__)
#define OFL__PARSE_UNROLL _Pragma("clang loop unroll(full)")
#elif !defined(OFL_BPF) && defined(__GNUC__)
#define OFL__PARSE_UNROLL _Pragma("GCC unroll 64")
#else
#define OFL__PARSE_UNROLL
#endif

OFL_INLINE void ofl__parse_zero(void *dst, size_t words)
{
	ofl__parse_dword *w = (ofl__parse_dword *)dst;
	size_t i;

	OFL__PARSE_UNROLL
	for (i = 0; i < words / 2; i++)
		w[i] = 0;
	if (words & 1)
		((ofl__parse_word *)dst)[words - 1] = 0;
}

OFL_STATIC_ASSERT(offsetof(struct ofl_parse_result, layers) % 4 == 0 &&
		  offsetof(struct ofl_parse_result, outer) % 4 == 0 &&
		  sizeof(struct ofl_parse_flow) % 4 == 0 &&
		  sizeof(struct ofl_parse_result) % 4 == 0,
		  "word-wise zeroing needs 4-byte multiples");

/* Walker state kept small: it lives in registers or a few stack slots. */
struct ofl__parse_state {
	unsigned int off;	/* start of the current header */
	unsigned int hlen;	/* its length */
	unsigned int nid;	/* current node */
	unsigned int nl;	/* layers recorded (res->nlayers) */
	unsigned int flow;	/* result offset of the current flow */
	unsigned int lim;	/* min(frame length, OFL_PARSE_MAX_HDR_OFF - 1) */
};

/* The walker's first bound: see ofl__parse_hdr_n(). */
OFL_INLINE unsigned int ofl__parse_lim(const uint8_t *p, const uint8_t *end)
{
	size_t flen = (size_t)(end - p);

	return flen < OFL_PARSE_MAX_HDR_OFF - 1 ? (unsigned int)flen :
						  OFL_PARSE_MAX_HDR_OFF - 1;
}

/* The counter of a bounded header class: kept in the result. */
OFL_INLINE uint8_t *ofl__parse_cnt(struct ofl_parse_result *res,
				   unsigned int c)
{
	if (c == OFL_PARSE_CNT_VLAN)
		return &res->nvlan;
	if (c == OFL_PARSE_CNT_MPLS)
		return &res->nmpls;
	return &res->nexthdr;
}

/* The bound of a header class (OFL_PARSE_MAX_*). */
OFL_INLINE unsigned int ofl__parse_cnt_max(unsigned int c)
{
	if (c == OFL_PARSE_CNT_VLAN)
		return OFL_MAX_VLANS;
	if (c == OFL_PARSE_CNT_MPLS)
		return OFL_MAX_MPLS;
	return OFL_MAX_EXTHDRS;
}

/*
 * One move of an op: size (1, 2, 4, 16 or 32) header bytes at src to
 * result byte d, as a few fixed-size word copies.
 */
OFL_INLINE void ofl__parse_move(uint8_t *r, size_t d, const uint8_t *src,
				const uint8_t *end, unsigned int size)
{
	(void)end;
#if defined(OFL_BPF)
	/* one bounded word loop: five size cases would split the verifier's
	 * paths five ways at every move */
	ofl__parse_copy(r, d, src, end, size);
	return;
#endif
	OFL__PARSE_HIDE(d);
	switch (size) {
	case 1:
		if (d > OFL__PARSE_RSIZE - 1 || !OFL__PARSE_IN(src, 1, end))
			return;
		r[d] = src[0];
		break;
	case 2:
		if (d > OFL__PARSE_RSIZE - 2 || !OFL__PARSE_IN(src, 2, end))
			return;
		ofl_store_ne16(r + d, ofl_load_ne16(src));
		break;
	case 4:
		if (d > OFL__PARSE_RSIZE - 4 || !OFL__PARSE_IN(src, 4, end))
			return;
		ofl_copy4(r + d, src);
		break;
	case 16:
		if (d > OFL__PARSE_RSIZE - 16 || !OFL__PARSE_IN(src, 16, end))
			return;
		ofl_copy8(r + d, src);
		ofl_copy8(r + d + 8, src + 8);
		break;
	case 32:
		if (d > OFL__PARSE_RSIZE - 32 || !OFL__PARSE_IN(src, 32, end))
			return;
		ofl_copy8(r + d, src);
		ofl_copy8(r + d + 8, src + 8);
		ofl_copy8(r + d + 16, src + 16);
		ofl_copy8(r + d + 24, src + 24);
		break;
	default:
		break;
	}
}

/*
 * The node-row work of the rarer node kinds (op->ext): metadata rules,
 * the fragment rule, GRE flag fields, TLV option walks. Returns 0 or an
 * error (then s->hlen is the offset of the bad option within the header).
 */
OFL_INLINE int ofl__parse_ext(const struct ofl_parse_node *n,
			       unsigned int ext, const uint8_t *hdr,
			       const uint8_t *end, struct ofl__parse_state *s,
			       uint32_t ffl, struct ofl_parse_result *res,
			       unsigned int flow, unsigned int idx,
			       int *nonfirst, unsigned int want)
{
	uint8_t *r = (uint8_t *)res;
	struct ofl_parse_flow *fl = (struct ofl_parse_flow *)(r + flow);
	unsigned int j, eoff;
	uint32_t v;
	int err;

	if (!n)
		return 0;
	if ((ext & OFL_PARSE_OPX_MD) &&
	    OFL__PARSE_REQ(res, want,
			   OFL_PARSE_REQ_FLOW | OFL_PARSE_REQ_META)) {
		OFL__PARSE_LOOP
		for (j = 0; j < OFL__PARSE_MAX_MD; j++) {
			const struct ofl_parse_md *m;

			if (j >= n->md_count)
				break;
			m = OFL__PIDX(ofl__parse_md, n->md_first + j);
			if (!OFL__PARSE_MD_CALLER(res, want, m))
				continue;
			ofl__parse_md_apply(hdr, end, s->hlen, m, r, flow,
					    idx, want);
		}
	}
	/* one test on the common path (not a fragment) */
	if ((ext & OFL_PARSE_OPX_FRAG) &&
	    !ofl__parse_in16(hdr, end, n->frag_off, &v) &&
	    (v & (n->frag_mask | n->frag_mf))) {
		if (v & n->frag_mask) {
			fl->frag = OFL_PARSE_FRAG_IS;
			*nonfirst = 1;
		} else {
			fl->frag = OFL_PARSE_FRAG_IS | OFL_PARSE_FRAG_FIRST;
		}
	}
	if ((ext & OFL_PARSE_OPX_FLAGS) &&
	    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
		ofl__parse_ff_md(hdr, end, n->min_len,
				 OFL__PIDX(ofl__parse_flags, n->aux), ffl, r);
	if (ext & OFL_PARSE_OPX_TLV) {
		const struct ofl_parse_tlv *t =
			OFL__PIDX(ofl__parse_tlv, n->aux);

		if (!t)
			return 0;
		if (t->start >= s->hlen) {	/* no options: the common case */
			if (t->count_dst != 0xffffu &&
			    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_META))
				ofl__parse_set(r, t->count_dst, 0, 0);
			return 0;
		}
		eoff = 0;
		err = ofl__parse_tlv_walk(hdr, end, s->hlen, t, r, &eoff,
					  want);
		if (err) {
			s->hlen = eoff;	/* stop_off: the bad option */
			return err;
		}
	}
	return 0;
}

/*
 * The result offset of the current flow. In BPF it is taken from the
 * result (a map value the verifier does not track) rather than from the
 * walker's register: the step's paths then reach the flow stores alike
 * and prune (171 775 processed instructions for the step rather than
 * 199 039). Natively that load costs the common path 11 instructions, so
 * there it is the register, s->flow; both hold the same value.
 */
OFL_INLINE unsigned int ofl__parse_cur_flow(const struct ofl__parse_state *s,
					    const struct ofl_parse_result *res)
{
#if defined(OFL_BPF)
	(void)s;
	return ofl__parse_flow_off(res->encap);
#else
	(void)res;
	return s->flow;
#endif
}

/*
 * An L4 header that is not parsed whole (the frame ends inside it, or its
 * length field is below the minimum or points past the end): its ports
 * are still taken when its first 4 bytes are in the frame, as Linux does.
 * __skb_flow_dissect() (net/core/flow_dissector.c) reaches the IP
 * protocol with nhoff at the L4 header and, for anything but a fragment,
 * calls __skb_flow_dissect_ports() -> __skb_flow_get_ports(), which reads
 * the 4 bytes at nhoff + proto_ports_offset() (0 for TCP, UDP, SCTP)
 * whenever they are in the buffer, whatever the rest of the header: the
 * TCP data offset is looked at only by __skb_flow_dissect_tcp(), for the
 * flags. So a node whose op has OFL_PARSE_OP_PORTS fills the current
 * flow's ports and has_ports here (ip_proto is the IP layer's, set
 * already). Nothing else: the layer stays unlisted (not wholly inside),
 * l4_off and payload_off stay 0 (they describe a parsed L4 header; the
 * header's offset, Linux's key_control->thoff, is stop_off), and the
 * caller returns its error with stop_off at the header as before. Error
 * paths only; natively op->flags is a constant per specialised node, so
 * the nodes without ports keep no trace of it. The 4 bytes are checked
 * against @end before they are read (hdr <= end on every path here).
 */
OFL_INLINE void ofl__parse_l4_cut(const struct ofl_parse_op *op,
				  const uint8_t *hdr, const uint8_t *end,
				  const struct ofl__parse_state *s,
				  struct ofl_parse_result *res,
				  unsigned int want)
{
	struct ofl_parse_flow *fl;
	unsigned int flow;

	if (!(op->flags & OFL_PARSE_OP_PORTS) ||
	    !OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW))
		return;
	if (hdr + 4 > end)
		return;
	flow = ofl__parse_cur_flow(s, res);
	OFL__PARSE_HIDE(flow);
	if (flow > OFL__PARSE_RSIZE - sizeof(*fl))
		return;
	fl = (struct ofl_parse_flow *)((uint8_t *)res + flow);
	ofl_copy4(fl->ports, hdr);
	fl->has_ports = 1;
}

/*
 * One step: parse the header of node s->nid at s->off, as its compiled
 * op row says. Returns 1 to go on (s->nid, s->off advanced), 0 when the
 * walk ends well (s->off past the last header), or an error (s->off where
 * it stopped).
 */
OFL_INLINE int ofl__parse_hdr_n(const uint8_t *p, const uint8_t *end,
				struct ofl__parse_state *s,
				struct ofl_parse_result *res, unsigned int nid,
				unsigned int want)
{
	const struct ofl_parse_op *op = OFL__PIDX(ofl__parse_ops, nid);
	const struct ofl_parse_node *n = NULL;
	const struct ofl_parse_edge *e;
	struct ofl_parse_flow *fl;
	uint8_t *r = (uint8_t *)res;
	const uint8_t *hdr, *q;
	unsigned int off = s->off, hlen, flags, ext, c, j, idx = 0, flow;
	uint32_t key, ffl = 0, v;
	int err, nonfirst = 0;

	if (!op)
		return OFL_EINVAL;
	hlen = op->min_len;
#if defined(OFL_BPF)
	if (off >= OFL_PARSE_MAX_HDR_OFF)
		return OFL_EMSGSIZE;
	hdr = p + (off & OFL_PARSE_MAX_HDR_OFF);
	if (hdr + hlen > end) {
		ofl__parse_l4_cut(op, hdr, end, s, res, want);
		return OFL_ENODATA;
	}
#else
	/*
	 * Both first checks in one compare: off + min_len <= s->lim means
	 * off < OFL_PARSE_MAX_HDR_OFF and the header fits. Otherwise tell
	 * them apart (a frame longer than the limit may still go on).
	 */
	if (off + hlen > s->lim) {
		if (off >= OFL_PARSE_MAX_HDR_OFF)
			return OFL_EMSGSIZE;
		if (off + hlen > (size_t)(end - p)) {
			ofl__parse_l4_cut(op, p + off, end, s, res, want);
			return OFL_ENODATA;
		}
	}
	hdr = p + off;
#endif
	flags = op->flags;
	ext = op->ext;
	if (flags & OFL_PARSE_OP_CHK) {
		q = hdr + op->chk_off;
		if (!OFL__PARSE_IN(q, 2, end))
			return OFL_ENODATA;
		if ((ofl_load_be16(q) & op->chk_mask) != op->chk_val)
			return op->chk_err;
	}
	if (flags & OFL_PARSE_OP_HLEN) {
		q = hdr + op->hl_off;
		if (!OFL__PARSE_IN(q, 1, end))
			return OFL_ENODATA;
		v = ((uint32_t)(q[0] & op->hl_mask) >> (op->hl_shr & 7u)) <<
		    (op->hl_shl & 7u);
		v += op->hl_add;
		if (v < hlen) {
			ofl__parse_l4_cut(op, hdr, end, s, res, want);
			return OFL_EPROTO;
		}
		hlen = v;
	}
	if (ext & OFL_PARSE_OPX_FLAGS) {
		n = OFL__PIDX(ofl__parse_nodes, nid);
		if (!n || ofl__parse_ff_len(hdr, end,
					    OFL__PIDX(ofl__parse_flags, n->aux),
					    &ffl, &j))
			return OFL_ENODATA;
		hlen += j;
	}
	if (hlen > 2048u)
		return OFL_EBADMSG;
#if defined(OFL_BPF)
	if (hdr + hlen > end) {
		ofl__parse_l4_cut(op, hdr, end, s, res, want);
		return OFL_ENODATA;
	}
#else
	if (off + hlen > s->lim && off + hlen > (size_t)(end - p)) {
		ofl__parse_l4_cut(op, hdr, end, s, res, want);
		return OFL_ENODATA;
	}
#endif
	c = op->counter;
	if (c) {
		uint8_t *cnt = ofl__parse_cnt(res, c);
		/* extension headers are bounded per IP header, as bounds.h
		 * says and lib/gro, lib/gso, lib/csum count them */
		unsigned int base = c == OFL_PARSE_CNT_EXTHDR ?
					    OFL__W(res)->xbase : 0;

		if (*cnt >= base + ofl__parse_cnt_max(c))
			return OFL_ELOOP;
		idx = *cnt;
		*cnt = (uint8_t)(idx + 1);
	}
	if (op->proto) {
		struct ofl_parse_layer *l;
		unsigned int nl = s->nl;

		if (nl >= OFL_PARSE_MAX_LAYERS)
			return OFL_ELOOP;
		/* counted in every mode: the same OFL_ELOOP */
		if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_LAYERS)) {
			l = &res->layers[nl];
			l->proto = op->proto;
			l->encap = res->encap;
			l->offset = (uint16_t)off;
			l->len = (uint16_t)hlen;
			l->reserved = 0;
		}
		s->nl = nl + 1;
	} else {
		hlen = 0;	/* pseudo node: looks, consumes nothing */
	}
	s->hlen = hlen;
	OFL__PARSE_SYNC(res, hlen, idx, flags, ext, op);
	flow = ofl__parse_cur_flow(s, res);
	OFL__PARSE_HIDE(flow);
	if (flow > OFL__PARSE_RSIZE - sizeof(*fl))
		return OFL_EINVAL;
	fl = (struct ofl_parse_flow *)(r + flow);
	if (flags & OFL_PARSE_OP_L3) {
		OFL__W(res)->xbase = res->nexthdr;
		fl->family = (flags & OFL_PARSE_OP_IPV6) ? 6 : 4;
		fl->l3_off = (uint16_t)off;
		n = OFL__PIDX(ofl__parse_nodes, nid);
		/* written once (a tunnel's inner flow may hold an old one);
		 * 0 without REQ_FLOW: natively not stored at all (the
		 * field is zeroed), in BPF stored always (one test fewer
		 * on the verifier's paths) */
		c = 0;
		if ((ext & OFL_PARSE_OPX_TOT) && n &&
		    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW) &&
		    !ofl__parse_in16(hdr, end, n->tot_off, &v) && v) {
			v += off + n->tot_add;
			c = v > 0xffffu ? 0xffffu : v;
		}
#if defined(OFL_BPF)
		fl->l3_end = (uint16_t)c;
#else
		if (want & OFL_PARSE_REQ_FLOW)
			fl->l3_end = (uint16_t)c;
#endif
	}
	OFL__PARSE_LOOP
	for (j = 0; j < 2; j++) {
		const struct ofl_parse_move *m = &op->mv[j];
		unsigned int d = m->dst, sz = m->size_fl;

		if (!sz)
			break;
		if (!OFL__PARSE_WANT(res, want, sz & OFL_PARSE_MV_FLOW))
			continue;
		if (sz & OFL_PARSE_MV_FLOW)
			d += flow;
		if (sz & OFL_PARSE_MV_INDEX) {
			if (idx >= 4)
				continue;
			d += (sz & 0x3fu) * idx;
		}
		ofl__parse_move(r, d, hdr + m->src, end, sz & 0x3fu);
	}
	if (flags & OFL_PARSE_OP_L4) {
		fl->l4_off = (uint16_t)off;
		res->payload_off = (uint16_t)(off + hlen);
		if ((flags & OFL_PARSE_OP_PORTS) &&
		    OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW))
			fl->has_ports = 1;
	}
	if (ext) {
		n = OFL__PIDX(ofl__parse_nodes, nid);
		err = ofl__parse_ext(n, ext, hdr, end, s, ffl, res, flow, idx,
				     &nonfirst, want);
		if (err) {
			s->off = off + s->hlen;
			return err;
		}
	}
	OFL__PARSE_SYNC(res, hlen, nonfirst, flags, ext, op);
	s->off = off + hlen;
	if (!op->e_count)
		return 0;
	q = hdr + op->nx_off;
	if (op->nx_size == 2) {
		if (!OFL__PARSE_IN(q, 2, end))
			return 0;
		key = ofl_load_be16(q);
	} else if (op->nx_size == 1) {
		if (!OFL__PARSE_IN(q, 1, end))
			return 0;
		key = q[0];
	} else {
		key = 0;
	}
	key = (key & op->nx_mask) >> (op->nx_shr & 15u);
	if (flags & OFL_PARSE_OP_IPPROTO)
		fl->ip_proto = (uint8_t)key;
	if (nonfirst)
		return 0;
	/* natively nid is a constant: only the UDP node has this test */
	if (nid == OFL__PN_UDP && OFL__W(res)->ncfg)
		e = ofl__parse_udp_cfg(res, key);
	else
		e = ofl__parse_lookup(op, key, hlen == op->min_len);
	if (!e) {
		if (!op->dflt)
			return 0;
		s->nid = op->dflt;
		return 1;
	}
	if (e->node == OFL__PN_STOP)
		return 0;
	if (e->flags & OFL_PARSE_EF_ENCAP) {
		if (res->encap >= OFL_MAX_ENCAP)
			return OFL_ELOOP;
		n = OFL__PIDX(ofl__parse_nodes, nid);
		res->encap = (uint8_t)(res->encap + 1);
		s->flow = (unsigned int)offsetof(struct ofl_parse_result,
						 inner);
		res->tun_kind = n ? n->tun_kind : 0;
		ofl__parse_zero(&res->inner, sizeof(res->inner) / 4);
	}
	s->nid = e->node;
	return 1;
}

/*
 * Natively the step is specialised per node at compile time: a switch
 * calls the one inline step above with a constant node index, so the
 * compiler folds that node's op row (and its table) into the code, the
 * same source evaluated partially. BPF keeps one generic copy (nid from
 * the map value): 32 inlined copies are more than the verifier wants.
 * The graph stays the data it is (the cases only name indices); the BPF
 * and conformance tests compare both forms byte for byte.
 */
#if !defined(OFL_BPF) && !defined(OFL_PARSE_NO_SPECIALIZE)
#define OFL__PARSE_SPECIALIZE 1
#else
#define OFL__PARSE_SPECIALIZE 0
#endif

OFL_STATIC_ASSERT(OFL__PN_COUNT <= 32, "one case per node below");

OFL_INLINE int ofl__parse_hdr(const uint8_t *p, const uint8_t *end,
			       struct ofl__parse_state *s,
			       struct ofl_parse_result *res, unsigned int want)
{
#if OFL__PARSE_SPECIALIZE
#define OFL__PC(i)							\
	case i:								\
		return ofl__parse_hdr_n(p, end, s, res, i, want);
#define OFL__PC8(i) OFL__PC(i) OFL__PC(i + 1) OFL__PC(i + 2) OFL__PC(i + 3) \
	OFL__PC(i + 4) OFL__PC(i + 5) OFL__PC(i + 6) OFL__PC(i + 7)
	/* all 32 values have a case (no range check); indices past the
	 * graph find no op row: OFL_EINVAL */
	switch (s->nid & 31u) {
	OFL__PC8(0) OFL__PC8(8) OFL__PC8(16) OFL__PC8(24)
	default:
		return OFL_EINVAL;
	}
#undef OFL__PC8
#undef OFL__PC
#else
	return ofl__parse_hdr_n(p, end, s, res, s->nid, want);
#endif
}

/*
 * The bodies of the three public parts are inline helpers so that
 * ofl_parse() gets them inlined: the exported symbols may be interposed in
 * a shared library, and compilers do not inline those.
 */
/* Zero all of @res but the layer slots (only nlayers of them are valid). */
OFL_INLINE void ofl__parse_reset(struct ofl_parse_result *res)
{
	ofl__parse_zero(res, offsetof(struct ofl_parse_result, layers) / 4);
	ofl__parse_zero(&res->outer, (sizeof(*res) -
				      offsetof(struct ofl_parse_result, outer)) / 4);
}

/* The node a root starts at, OFL__PN_STOP for an unknown root. */
OFL_INLINE unsigned int ofl__parse_root(unsigned int root)
{
	if (root == OFL_PROTO_ETH)
		return OFL__PN_ETH;
	if (root == OFL_PROTO_IPV4)
		return OFL__PN_IPV4;
	if (root == OFL_PROTO_IPV6)
		return OFL__PN_IPV6;
	return OFL__PN_STOP;
}

/* res->frame_len for a frame of flen bytes. */
OFL_INLINE uint16_t ofl__parse_flen(size_t flen)
{
	return (uint16_t)(flen > OFL_PARSE_MAX_FRAME ? OFL_PARSE_MAX_FRAME :
						       flen);
}

/*
 * The level a request mask is served at (offload/parser.h): the smallest
 * OFL_PARSE_MASK_* holding its bits, 0 for a bad mask.
 */
OFL_INLINE unsigned int ofl__parse_level(unsigned int mask)
{
	if (!mask || mask > OFL_PARSE_MASK_ALL)
		return 0;
	if (mask & OFL_PARSE_REQ_META)
		return OFL_PARSE_MASK_ALL;
	if (mask & OFL_PARSE_REQ_LAYERS)
		return OFL_PARSE_MASK_LAYERS;
	if (mask & OFL_PARSE_REQ_FLOW)
		return OFL_PARSE_MASK_FLOW;
	return OFL_PARSE_MASK_OFFSETS;
}

/*
 * Reset @res for a walk from @root at level @want: the node to start at,
 * or OFL__PN_STOP with res->error set for bad arguments (a @want of 0).
 * The walker's node is left 0 (ofl_parse_begin() stores it).
 */
OFL_INLINE unsigned int ofl__parse_begin(const void *data, const void *end_,
					 unsigned int root, unsigned int want,
					 struct ofl_parse_result *res)
{
	const uint8_t *p = (const uint8_t *)data;
	const uint8_t *end = (const uint8_t *)end_;
	unsigned int nid = ofl__parse_root(root);

	ofl__parse_reset(res);
	/* end NULL with data not NULL is end < data */
	if (!p || end < p || nid == OFL__PN_STOP || !want) {
		res->error = OFL_EINVAL;
		return OFL__PN_STOP;
	}
	res->frame_len = ofl__parse_flen((size_t)(end - p));
	res->mask = (uint8_t)want;
	return nid;
}

OFL_INLINE int ofl__parse_step1(const void *data, const void *end_,
				struct ofl_parse_result *res)
{
	const uint8_t *p = (const uint8_t *)data;
	const uint8_t *end = (const uint8_t *)end_;
	struct ofl__parse_state s;
	int ret;

	OFL__PARSE_FORGET();
	if (OFL__W(res)->node == OFL__PN_STOP)
		return 0;
	s.off = res->stop_off;
	s.nid = OFL__W(res)->node;
	s.hlen = 0;
	s.nl = res->nlayers;
	s.flow = ofl__parse_flow_off(res->encap);
	s.lim = ofl__parse_lim(p, end);
	/* the generic form (node index and request mask from *res), also
	 * natively: so the step API and the conformance suite run the very
	 * code BPF runs, and compare it with the specialised ofl_parse()
	 * (unit tests, fuzz_parser). The layer count is kept in nlayers
	 * between steps in every mode; the finish clears it if the layers
	 * were not asked for. */
	ret = ofl__parse_hdr_n(p, end, &s, res, s.nid, res->mask);
	res->stop_off = (uint16_t)(s.off > 0xffffu ? 0xffffu : s.off);
	OFL__W(res)->node = (uint8_t)(ret > 0 ? s.nid : OFL__PN_STOP);
	res->nlayers = (uint8_t)s.nl;
	return ret;
}

/*
 * The end of a walk: the final code and the payload length. The walker
 * fields are 0 here in ofl_parse() (the TLV walk clears its own);
 * ofl_parse_finish() clears those the step API left. @flow: the result
 * offset of the innermost flow (ofl_parse() has it in the walker).
 */
OFL_INLINE int ofl__parse_finish(struct ofl_parse_result *res, int ret,
				 unsigned int flow, unsigned int want)
{
	unsigned int pend;

	if (ret > 0)
		ret = OFL_ELOOP;
	res->error = (int16_t)ret;
	if (!OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_FLOW))
		return ret;	/* cut, payload_len: flow fields */
	/* a datagram longer than the frame: one compare per flow (an l3_end
	 * of 0, unknown, never is) */
	res->cut = (uint8_t)(res->outer.l3_end > res->frame_len ||
			     res->inner.l3_end > res->frame_len);
	/* no copy of outer into inner without a tunnel: the copy's loads
	 * would wait for the flow's fresh narrow stores (no store-to-load
	 * forwarding across several stores), 6 ns of a 16 ns parse */
	if (res->payload_off) {
		const struct ofl_parse_flow *fi;

		OFL__PARSE_HIDE(flow);
		if (flow > OFL__PARSE_RSIZE - sizeof(*fi))
			return ret;
		fi = (const struct ofl_parse_flow *)((uint8_t *)res + flow);

		/* the datagram's end if it is known (not 0) and before the
		 * frame's: one unsigned compare */
		pend = res->frame_len;
		if ((unsigned int)fi->l3_end - 1u < pend)
			pend = fi->l3_end;
		res->payload_len = (uint16_t)(pend > res->payload_off ?
					      pend - res->payload_off : 0);
	}
	return ret;
}

/*
 * The caller's sizeof(struct ofl_parse_result): its layout follows
 * OFL_PARSE_MAX_LAYERS, which a caller may override. A caller built with
 * another value than this library is refused before anything is written
 * (libbpf passes sizes the same way, OPTS_VALID()).
 */
#define OFL__PARSE_SIZE_OK(sz) ((sz) == sizeof(struct ofl_parse_result))

#define OFL__PARSE_CFG_OK(cfg) \
	(!(cfg) || (cfg)->size == sizeof(struct ofl_parse_cfg))

/* The caller's UDP port table into the walker state (after the reset). */
OFL_INLINE void ofl__parse_cfg_load(struct ofl_parse_result *res,
				    const struct ofl_parse_cfg *cfg)
{
	struct ofl__parse_walker *w = OFL__W(res);
	unsigned int j;

	if (!cfg)
		return;
	w->ncfg = 1;
	for (j = 0; j < OFL_PARSE_CFG_UDP_MAX; j++) {
		w->udp_port[j] = cfg->udp_port[j];
		w->udp_kind[j] = cfg->udp_kind[j] <= OFL_PARSE_UDP_KIND_MAX ?
				 cfg->udp_kind[j] : OFL_PARSE_UDP_NONE;
	}
}

OFL_API int ofl_parse_begin_with(const void *data, const void *end,
				 unsigned int root,
				 const struct ofl_parse_cfg *cfg,
				 struct ofl_parse_result *res,
				 size_t res_size)
{
	return ofl_parse_begin_mask(data, end, root, cfg, OFL_PARSE_MASK_ALL,
				    res, res_size);
}

OFL_API int ofl_parse_begin_mask(const void *data, const void *end,
				 unsigned int root,
				 const struct ofl_parse_cfg *cfg,
				 unsigned int mask,
				 struct ofl_parse_result *res,
				 size_t res_size)
{
	unsigned int nid;

	if (!OFL__PARSE_SIZE_OK(res_size) || !OFL__PARSE_CFG_OK(cfg))
		return OFL_EINVAL;
	nid = ofl__parse_begin(data, end, root, ofl__parse_level(mask), res);
	OFL__W(res)->node = (uint8_t)nid;
	if (nid == OFL__PN_STOP)
		return OFL_EINVAL;
	ofl__parse_cfg_load(res, cfg);
	return 0;
}

OFL_API int ofl_parse_begin(const void *data, const void *end,
			    unsigned int root, struct ofl_parse_result *res,
			    size_t res_size)
{
	unsigned int nid;

	if (!OFL__PARSE_SIZE_OK(res_size))
		return OFL_EINVAL;
	nid = ofl__parse_begin(data, end, root, OFL_PARSE_MASK_ALL, res);

	OFL__W(res)->node = (uint8_t)nid;
	return nid == OFL__PN_STOP ? OFL_EINVAL : 0;
}

OFL_API int ofl_parse_step(const void *data, const void *end,
			   struct ofl_parse_result *res, size_t res_size)
{
	if (!OFL__PARSE_SIZE_OK(res_size))
		return OFL_EINVAL;
	return ofl__parse_step1(data, end, res);
}

OFL_API int ofl_parse_finish(struct ofl_parse_result *res, int ret,
			     size_t res_size)
{
	if (!OFL__PARSE_SIZE_OK(res_size))
		return OFL_EINVAL;
	OFL__W(res)->node = 0;
	OFL__W(res)->wflags = 0;
	OFL__W(res)->whlen = 0;
	if (!(res->mask & OFL_PARSE_REQ_LAYERS))
		res->nlayers = 0;
	return ofl__parse_finish(res, ret, ofl__parse_flow_off(res->encap),
				 res->mask);
}

OFL_STATIC_ASSERT(OFL_PARSE_MAX_HDR_OFF + 2048u <= 0xffffu,
		  "ofl_parse() stores stop_off without a clamp");

#include "fast.h"

OFL_API int ofl_parse_fast(const void *data, const void *end,
			   struct ofl_parse_result *res, size_t res_size)
{
	unsigned int nid;

	if (!OFL__PARSE_SIZE_OK(res_size))
		return OFL_EINVAL;
	OFL__PARSE_FORGET();
	nid = OFL__W(res)->node;
	/* only at the walk's start: a root node, nothing parsed yet */
	if (!data || res->stop_off ||
	    (nid != OFL__PN_ETH && nid != OFL__PN_IPV4 &&
	     nid != OFL__PN_IPV6) ||
	    ofl__parse_fast((const uint8_t *)data, (const uint8_t *)end, nid,
			    res, res->mask))
		return 1;
	OFL__W(res)->node = OFL__PN_STOP;
	return 0;
}

/*
 * The table walk from node @nid at offset 0 of a reset @res: the loop of
 * steps and the end (ofl__parse_begin() and ofl__parse_step1() without
 * the round trip of the node and the cursor through *res, which the step
 * API needs for BPF; natively it only adds a second dispatch on the node
 * and store-to-load latency to every header).
 */
OFL_INLINE int ofl__parse_walk(const uint8_t *p, const uint8_t *e,
			       unsigned int nid, struct ofl_parse_result *res,
			       unsigned int want)
{
	struct ofl__parse_state s;
	unsigned int i;
	int ret;

	s.off = 0;
	s.hlen = 0;
	s.nl = 0;
	s.flow = (unsigned int)offsetof(struct ofl_parse_result, outer);
	s.lim = ofl__parse_lim(p, e);
	s.nid = nid;
#if OFL__PARSE_SPECIALIZE
	/*
	 * The first step specialised for its root node (no node dispatch;
	 * the later steps are reached by jumps between the node cases), and
	 * the loop one step shorter: the same step limit.
	 */
	if (s.nid == OFL__PN_ETH)
		ret = ofl__parse_hdr_n(p, e, &s, res, OFL__PN_ETH, want);
	else if (s.nid == OFL__PN_IPV4)
		ret = ofl__parse_hdr_n(p, e, &s, res, OFL__PN_IPV4, want);
	else
		ret = ofl__parse_hdr_n(p, e, &s, res, OFL__PN_IPV6, want);
	OFL__PARSE_LOOP
	for (i = 1; ret > 0 && i < OFL_PARSE_MAX_DEPTH; i++)
		ret = ofl__parse_hdr(p, e, &s, res, want);
#else
	ret = OFL_ELOOP;
	OFL__PARSE_LOOP
	for (i = 0; i < OFL_PARSE_MAX_DEPTH; i++) {
		ret = ofl__parse_hdr(p, e, &s, res, want);
		if (ret <= 0)
			break;
	}
#endif
	if (OFL__PARSE_REQ(res, want, OFL_PARSE_REQ_LAYERS))
		res->nlayers = (uint8_t)s.nl;
	/* no clamp: s.off < OFL_PARSE_MAX_HDR_OFF + 2048 (every header
	 * starts below the limit and is at most 2048 bytes long) */
	res->stop_off = (uint16_t)s.off;
	return ofl__parse_finish(res, ret, s.flow, want);
}

/*
 * The copies per level below (of the walk, and of the entry that runs the
 * fast path before it) cost about 56 KB of text for the three lower
 * levels (Cortex-M3: the parser goes from 14 to 70 KB). Where text is dear, in kernel modules and on
 * M-profile cores, or with -DOFL_PARSE_SMALL, ofl_parse_mask() serves
 * the lower levels with ofl_parse_mask_with()'s one copy instead (the
 * same results: the conformance suite runs every level on every target).
 */
#if OFL__PARSE_SPECIALIZE && !defined(OFL_PARSE_SMALL) &&		\
	!defined(__KERNEL__) &&						\
	!(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
#define OFL__PARSE_LEVEL_COPIES 1
#else
#define OFL__PARSE_LEVEL_COPIES 0
#endif

/*
 * Natively the walk is a function of its own, called only when the fast
 * path (fast.h) declines: the frame's entry (checks, zeroing, the fast
 * path) then keeps to the caller-saved registers, and the six register
 * saves the walk needs are paid by the frames it walks (14 instructions
 * per covered frame, docs/PERFORMANCE.md). One copy for each level the
 * entries serve with a constant @want (all; the three lower ones with
 * OFL__PARSE_LEVEL_COPIES), and one with @want a variable
 * (ofl_parse_mask_with(), the small builds' lower levels).
 */
#if OFL__PARSE_SPECIALIZE
#define OFL__PARSE_WALK_AT(name, want)					\
	static __attribute__((__noinline__)) int			\
	name(const uint8_t *p, const uint8_t *e, unsigned int nid,	\
	     struct ofl_parse_result *res, unsigned int w)		\
	{								\
		(void)w;						\
		return ofl__parse_walk(p, e, nid, res, want);		\
	}
OFL__PARSE_WALK_AT(ofl__parse_walk_all, OFL_PARSE_MASK_ALL)
OFL__PARSE_WALK_AT(ofl__parse_walk_var, w)
#if OFL__PARSE_LEVEL_COPIES
OFL__PARSE_WALK_AT(ofl__parse_walk_offsets, OFL_PARSE_MASK_OFFSETS)
OFL__PARSE_WALK_AT(ofl__parse_walk_flow, OFL_PARSE_MASK_FLOW)
OFL__PARSE_WALK_AT(ofl__parse_walk_layers, OFL_PARSE_MASK_LAYERS)
#endif
#undef OFL__PARSE_WALK_AT
#endif

/* The walk's copy for @want (a constant in each caller but one). */
OFL_INLINE int ofl__parse_walk_at(const uint8_t *p, const uint8_t *e,
				  unsigned int nid,
				  struct ofl_parse_result *res,
				  unsigned int want)
{
#if OFL__PARSE_SPECIALIZE
	if (__builtin_constant_p(want)) {
		if (want == OFL_PARSE_MASK_ALL)
			return ofl__parse_walk_all(p, e, nid, res, want);
#if OFL__PARSE_LEVEL_COPIES
		if (want == OFL_PARSE_MASK_OFFSETS)
			return ofl__parse_walk_offsets(p, e, nid, res, want);
		if (want == OFL_PARSE_MASK_FLOW)
			return ofl__parse_walk_flow(p, e, nid, res, want);
		if (want == OFL_PARSE_MASK_LAYERS)
			return ofl__parse_walk_layers(p, e, nid, res, want);
#endif
	}
	return ofl__parse_walk_var(p, e, nid, res, want);
#else
	return ofl__parse_walk(p, e, nid, res, want);
#endif
}

OFL_INLINE int ofl__parse_run(const void *data, const void *end,
				unsigned int root,
				const struct ofl_parse_cfg *cfg,
				struct ofl_parse_result *res, size_t res_size,
				unsigned int want, int fast)
{
	const uint8_t *p = (const uint8_t *)data;
	const uint8_t *e = (const uint8_t *)end;
	unsigned int nid;

	/* the same checks in the same order as ofl_parse_begin_mask():
	 * size, reset, pointers, root */
	if (!OFL__PARSE_SIZE_OK(res_size) || !OFL__PARSE_CFG_OK(cfg))
		return OFL_EINVAL;
	ofl__parse_reset(res);
	if (!p || e < p)
		goto inval;
	res->frame_len = ofl__parse_flen((size_t)(e - p));
	nid = ofl__parse_root(root);
	if (nid == OFL__PN_STOP || !want)
		goto inval;
	res->mask = (uint8_t)want;
	ofl__parse_cfg_load(res, cfg);
	/* the common stacks in straight code (fast.h), the same result */
	if (fast && !ofl__parse_fast(p, e, nid, res, want))
		return 0;
	return ofl__parse_walk_at(p, e, nid, res, want);
inval:
	/* as ofl__parse_begin() leaves it: all zero but the error */
	res->frame_len = 0;
	res->error = OFL_EINVAL;
	return OFL_EINVAL;
}

OFL_API int ofl_parse(const void *data, const void *end,
		      unsigned int root, struct ofl_parse_result *res,
		      size_t res_size)
{
	return ofl__parse_run(data, end, root, NULL, res, res_size,
			      OFL_PARSE_MASK_ALL, 1);
}

OFL_API int ofl_parse_with(const void *data, const void *end,
			   unsigned int root, const struct ofl_parse_cfg *cfg,
			   struct ofl_parse_result *res, size_t res_size)
{
	return ofl__parse_run(data, end, root, cfg, res, res_size,
			      OFL_PARSE_MASK_ALL, 1);
}

/*
 * Natively one copy of the entry (and of the walk, above) per level, each
 * specialised for its constant @want as for its nodes (the skipped stores
 * and their tests vanish), each its own function: inlined together into ofl_parse_mask()
 * the four copies ran 27 instructions per frame slower than ofl_parse()
 * at the same level (callgrind, Eth/IPv4/TCP; one frame and register
 * allocation for all of them). BPF and OFL_PARSE_NO_SPECIALIZE builds
 * keep one copy with @want a variable.
 */

#if OFL__PARSE_LEVEL_COPIES
#define OFL__PARSE_RUN_AT(name, want)					\
	static __attribute__((__noinline__)) int			\
	name(const void *data, const void *end, unsigned int root,	\
	     struct ofl_parse_result *res, size_t res_size)		\
	{								\
		return ofl__parse_run(data, end, root, NULL, res,	\
				      res_size, want, 1);		\
	}
OFL__PARSE_RUN_AT(ofl__parse_run_offsets, OFL_PARSE_MASK_OFFSETS)
OFL__PARSE_RUN_AT(ofl__parse_run_flow, OFL_PARSE_MASK_FLOW)
OFL__PARSE_RUN_AT(ofl__parse_run_layers, OFL_PARSE_MASK_LAYERS)
#undef OFL__PARSE_RUN_AT
#endif

OFL_API int ofl_parse_mask(const void *data, const void *end,
			   unsigned int root, unsigned int mask,
			   struct ofl_parse_result *res, size_t res_size)
{
#if OFL__PARSE_LEVEL_COPIES
	/* the level is the highest bit (ofl__parse_level()): one range
	 * compare per level, no level computed before the jump (the
	 * computation and a switch cost 15 instructions per call) */
	if (mask == OFL_PARSE_MASK_OFFSETS)
		return ofl__parse_run_offsets(data, end, root, res, res_size);
	if (mask - 2u < 2u)
		return ofl__parse_run_flow(data, end, root, res, res_size);
	if (mask - 4u < 4u)
		return ofl__parse_run_layers(data, end, root, res, res_size);
	if (mask - 8u < 8u)
		return ofl_parse(data, end, root, res, res_size);
	/* a bad mask: only the checks and OFL_EINVAL */
	return ofl__parse_run(data, end, root, NULL, res, res_size, 0, 1);
#elif OFL__PARSE_SPECIALIZE
	/* the small build: ofl_parse() for everything, the one variable-
	 * level copy below for the rest (no copy of its own) */
	if (mask - 8u < 8u)
		return ofl_parse(data, end, root, res, res_size);
	return ofl_parse_mask_with(data, end, root, NULL, mask, res,
				   res_size);
#else
	return ofl__parse_run(data, end, root, NULL, res, res_size,
			      ofl__parse_level(mask), 1);
#endif
}

/* With a port table: the fast path, then the walk with @want a variable. */
OFL_API int ofl_parse_mask_with(const void *data, const void *end,
				unsigned int root,
				const struct ofl_parse_cfg *cfg,
				unsigned int mask,
				struct ofl_parse_result *res, size_t res_size)
{
	return ofl__parse_run(data, end, root, cfg, res, res_size,
			      ofl__parse_level(mask), 1);
}

#if !defined(OFL_BPF)
/* The table walk alone, for the fast path's differential tests (not
 * exported from libofl.so; internal.h). */
int ofl__parse_mask_nofast(const void *data, const void *end,
			   unsigned int root, const struct ofl_parse_cfg *cfg,
			   unsigned int mask, struct ofl_parse_result *res,
			   size_t res_size)
{
	return ofl__parse_run(data, end, root, cfg, res, res_size,
			      ofl__parse_level(mask), 0);
}
#endif
