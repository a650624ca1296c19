/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Private to lib/parser: the graph's data structures (node rows, tables,
 * rules, the compiled op rows), the walker state kept in the result, and
 * the node, table and rule indices of the built-in graph. None of this is
 * ABI: only `ofl graph` (tools/cmd_graph.c) and the parser's unit tests
 * read it, through ofl__parse_graph().
 */
#ifndef OFL_LIB_PARSER_INTERNAL_H
#define OFL_LIB_PARSER_INTERNAL_H

#include <offload/parser.h>

/* ======================================================================
 * The parse graph as data (what ofl_parse() walks and `ofl graph` dumps).
 * ====================================================================== */

/**
 * A field rule: value = ((be_load(hdr + off, size) & mask) >> shift)
 * * mult + add. size 0 means "no field" (value = add).
 */
struct ofl_parse_field {
	uint8_t off;		/* byte offset from the header start */
	uint8_t size;		/* 0, 1, 2 or 4 bytes, big-endian */
	uint8_t shift;		/* right shift after the mask */
	uint8_t mult;		/* multiplier (0 is taken as 1) */
	uint32_t mask;
	uint16_t add;
	uint16_t reserved;
};

/* node kinds */
#define OFL_PARSE_KIND_PLAIN	0	/* length by hlen rule */
#define OFL_PARSE_KIND_TLV	1	/* + TLV options in [min_len, hlen) */
#define OFL_PARSE_KIND_FLAGS	2	/* + flag fields (GRE) after min_len */

/* node flags */
#define OFL_PARSE_NF_L3		0x01	/* an IP header: starts a flow */
#define OFL_PARSE_NF_L4		0x02	/* an L4 header: l4_off, payload */
#define OFL_PARSE_NF_PORTS	0x04	/* bytes 0..3 are sport, dport */
#define OFL_PARSE_NF_IPPROTO	0x08	/* next field is an IP protocol */
#define OFL_PARSE_NF_IPV6	0x10	/* with NF_L3: family 6, else 4 */

/* counters (bounded header classes) */
#define OFL_PARSE_CNT_NONE	0
#define OFL_PARSE_CNT_VLAN	1
#define OFL_PARSE_CNT_MPLS	2
#define OFL_PARSE_CNT_EXTHDR	3
#define OFL_PARSE_CNT_COUNT	4

/* edge flags */
#define OFL_PARSE_EF_ENCAP	0x01	/* the next header is a tunnel level deeper */
#define OFL_PARSE_EF_BARE	0x02	/* only when this header has its minimum
					 * length (no optional fields); else
					 * the lookup goes on to a later edge
					 * with the same key */

/** One protocol node. */
struct ofl_parse_node {
	uint8_t proto;		/* enum ofl_proto recorded; 0: pseudo node */
	uint8_t kind;		/* OFL_PARSE_KIND_* */
	uint8_t flags;		/* OFL_PARSE_NF_* */
	uint8_t min_len;	/* bytes that must be present */
	struct ofl_parse_field hlen;	/* header length (size 0: min_len) */
	struct ofl_parse_field next;	/* key for the table */
	uint8_t table;		/* index into graph tables */
	uint8_t dflt;		/* node if the table has no match (0: stop) */
	uint8_t counter;	/* OFL_PARSE_CNT_* bound class */
	uint8_t aux;		/* TLV desc (KIND_TLV) or flags desc (FLAGS) */
	uint8_t md_first;	/* metadata rules: md[md_first .. +md_count) */
	uint8_t md_count;
	uint8_t chk_first;	/* checks: chk[chk_first .. +chk_count) */
	uint8_t chk_count;
	uint8_t frag_off;	/* 16-bit fragment field offset, 0: none */
	uint8_t tun_kind;	/* OFL_PARSE_TUN_* set on an encap edge */
	uint16_t frag_mask;	/* fragment offset bits in that field */
	uint16_t frag_mf;	/* more-fragments bit in that field */
	uint8_t tot_off;	/* 16-bit IP total length field, 0: none */
	uint8_t tot_add;	/* added to it (IPv6: 40) */
};

/** A table entry: next-protocol key -> node. */
struct ofl_parse_edge {
	uint16_t key;
	uint8_t node;		/* index into graph nodes */
	uint8_t flags;		/* OFL_PARSE_EF_* */
};

/** A protocol table: edges[first .. first + count). */
struct ofl_parse_table {
	uint8_t first;
	uint8_t count;
};

/* metadata rule flags */
#define OFL_PARSE_MD_FLOW	0x01	/* dst is an offset in the current flow */
#define OFL_PARSE_MD_COND	0x02	/* only if hdr[cond_off] == cond_val */
#define OFL_PARSE_MD_INDEX	0x04	/* dst += len * (counter - 1), < 4 */
#define OFL_PARSE_MD_SET	0x08	/* store the constant `len` at dst */

/**
 * A metadata rule: copy @len bytes at header offset @src_off to byte @dst
 * of struct ofl_parse_result (or of the current ofl_parse_flow). Applied
 * only if the bytes lie inside the header. With OFL_PARSE_MD_SET, @len is a
 * constant stored into the byte at @dst and nothing is read; it is stored
 * only if the header is at least @src_off bytes long (the length the
 * field it flags needs).
 */
struct ofl_parse_md {
	uint8_t src_off;
	uint8_t len;		/* 1..32 */
	uint16_t dst;
	uint8_t flags;		/* OFL_PARSE_MD_* */
	uint8_t cond_off;
	uint8_t cond_val;
	uint8_t reserved;
};

/** A check: the field's value v must have bit v set in @allowed. */
struct ofl_parse_check {
	struct ofl_parse_field field;
	uint32_t allowed;
	int16_t err;		/* OFL_E* when the check fails */
	uint16_t reserved;
};

/**
 * A TLV list description. An option is [type][len]... at @type_off/len
 * field; its total length is the len field rule; @pad1 (if not 0xffff) is a
 * one-byte option, @eol (if not 0xffff) ends the list.
 */
struct ofl_parse_tlv {
	uint8_t start;		/* offset of the first option in the header */
	uint8_t reserved0;
	uint8_t type_off;	/* offset of the type byte in the option */
	uint8_t min_opt;	/* bytes an option needs before its length */
	uint16_t pad1;		/* one-byte padding type, 0xffff: none */
	uint16_t eol;		/* end-of-list type, 0xffff: none */
	uint8_t opt_first;	/* option rules: opts[opt_first .. +opt_count) */
	uint8_t opt_count;
	struct ofl_parse_field len;	/* option length from option start */
	uint16_t count_dst;	/* result byte counting options, 0xffff none */
	uint16_t reserved;
};

/* ofl_parse_opt.flags */
#define OFL_PARSE_OPT_FLOW	0x01	/* dst, bit_dst: offsets in the current
					 * flow (struct ofl_parse_flow) */

/**
 * A known option: if type == @type and @min_len <= length <= @max_len, copy
 * min(length - @src_off, @copy_max) bytes from option offset @src_off to
 * result byte @dst, OR @bit into result byte @bit_dst, and store
 * (length - @src_off) / @cnt_div into result byte @cnt_dst (0xffff: none).
 */
struct ofl_parse_opt {
	uint8_t type;
	uint8_t min_len;
	uint8_t max_len;
	uint8_t src_off;
	uint8_t copy_max;
	uint8_t bit;
	uint8_t cnt_div;
	uint8_t flags;		/* OFL_PARSE_OPT_* */
	uint16_t dst;
	uint16_t bit_dst;
	uint16_t cnt_dst;
	uint16_t reserved2;
};

/**
 * Flag fields (GRE): after the @min_len base header, for each entry in
 * order, if (flags field & @mask) the field of @size bytes is present; its
 * bytes are copied to result byte @dst (0xffff: not kept) and @bit is OR-ed
 * into result byte @bit_dst.
 */
struct ofl_parse_flagfield {
	uint16_t mask;
	uint8_t size;
	uint8_t bit;
	uint16_t dst;
	uint16_t bit_dst;
};

struct ofl_parse_flags {
	struct ofl_parse_field field;	/* the flags word */
	uint8_t ff_first;		/* flag fields: ff[ff_first .. +ff_count) */
	uint8_t ff_count;
	uint16_t reserved;
};

/*
 * The compiled form of a node: what ofl_parse() actually reads per header,
 * one 32-byte row per node (same index), derived by hand from the rows
 * above and checked against them field by field by the parser unit tests
 * (tests/parser/test_parse.c, test_graph_ops_match_nodes). Everything the
 * common headers need is a shift, a mask or a fixed-size move; the rest
 * (TLV options, GRE flag fields, conditional metadata, fragments, the IP
 * total length) is flagged in @ext and taken from the node row.
 */

/* ofl_parse_op.flags */
#define OFL_PARSE_OP_CHK	0x01	/* (be16 at chk_off & chk_mask) == chk_val */
#define OFL_PARSE_OP_HLEN	0x02	/* variable length (hl_* rule) */
#define OFL_PARSE_OP_L3		0x04	/* = OFL_PARSE_NF_L3 */
#define OFL_PARSE_OP_L4		0x08	/* = OFL_PARSE_NF_L4 */
#define OFL_PARSE_OP_PORTS	0x10	/* = OFL_PARSE_NF_PORTS */
#define OFL_PARSE_OP_IPPROTO	0x20	/* = OFL_PARSE_NF_IPPROTO */
#define OFL_PARSE_OP_IPV6	0x40	/* = OFL_PARSE_NF_IPV6 */

/* ofl_parse_op.ext: node-row work done after the moves */
#define OFL_PARSE_OPX_MD	0x01	/* the node's metadata rules */
#define OFL_PARSE_OPX_FRAG	0x02	/* the node's fragment rule */
#define OFL_PARSE_OPX_TOT	0x04	/* the node's IP total length rule */
#define OFL_PARSE_OPX_TLV	0x08	/* KIND_TLV: walk the options */
#define OFL_PARSE_OPX_FLAGS	0x10	/* KIND_FLAGS: flag fields */

/* ofl_parse_move.size_fl: size in the low 6 bits (1, 2, 4, 16 or 32) */
#define OFL_PARSE_MV_FLOW	0x40	/* dst is within the current flow */
#define OFL_PARSE_MV_INDEX	0x80	/* dst += size * (counter - 1), < 4 */

/** A fixed-size move of header bytes [src, src + size) to result byte dst. */
struct ofl_parse_move {
	uint8_t src;
	uint8_t size_fl;	/* size | OFL_PARSE_MV_* */
	uint16_t dst;
};

/**
 * One compiled node. Length: hlen = ((hdr[hl_off] & hl_mask) >> hl_shr
 * << hl_shl) + hl_add if OFL_PARSE_OP_HLEN, else min_len. Next key:
 * (big-endian load of nx_size (0, 1 or 2) bytes at nx_off & nx_mask) >>
 * nx_shr, looked up in edges[e_first .. e_first + e_count).
 */
struct ofl_parse_op {
	uint8_t proto;		/* as the node */
	uint8_t min_len;	/* as the node */
	uint8_t flags;		/* OFL_PARSE_OP_* */
	uint8_t ext;		/* OFL_PARSE_OPX_* */
	uint8_t hl_off, hl_mask, hl_shr, hl_shl;
	uint8_t hl_add;
	uint8_t nx_off, nx_size, nx_shr;
	uint16_t nx_mask;
	uint8_t chk_off;
	int8_t chk_err;		/* OFL_E* when the check fails */
	uint16_t chk_mask, chk_val;
	uint8_t e_first, e_count;	/* the node's table, inlined */
	uint8_t counter;	/* as the node */
	uint8_t dflt;		/* as the node */
	struct ofl_parse_move mv[2];	/* size 0: unused */
};

OFL_STATIC_ASSERT(sizeof(struct ofl_parse_op) == 32, "op is 32 bytes");

/** The whole graph: arrays of const data and their lengths. */
struct ofl_parse_graph {
	const struct ofl_parse_node *nodes;
	const char (*node_names)[16];
	const struct ofl_parse_table *tables;
	const char (*table_names)[16];
	const struct ofl_parse_edge *edges;
	const struct ofl_parse_md *md;
	const struct ofl_parse_check *chk;
	const struct ofl_parse_tlv *tlv;
	const struct ofl_parse_opt *opts;
	const struct ofl_parse_flags *flags;
	const struct ofl_parse_flagfield *ff;
	const struct ofl_parse_op *ops;	/* compiled nodes, nnodes rows */
	uint16_t nnodes, ntables, nedges, nmd, nchk, ntlv, nopts, nflags, nff;
	uint8_t root_eth, root_ipv4, root_ipv6;
	uint8_t counter_max[OFL_PARSE_CNT_COUNT];	/* bound per class */
};

/*
 * ofl__parse_graph() - the const graph ofl_parse() walks, for `ofl graph`
 * (tools/cmd_graph.c, linked with the static library) and the graph unit
 * tests. Not exported from libofl.so (hidden) and not built for BPF (it
 * would put pointers into .rodata). Never NULL.
 */
#if !defined(OFL_BPF)
const struct ofl_parse_graph *ofl__parse_graph(void);
#endif

/*
 * ofl__parse_mask_nofast() - ofl_parse_mask_with() without the fast path
 * of fast.h: the table walk alone, for the tests and the differential
 * fuzzer (fuzz/fuzz_parse_fast.c) that hold the fast path to it. Not
 * exported from libofl.so (hidden), not built for BPF.
 */
#if !defined(OFL_BPF)
int ofl__parse_mask_nofast(const void *data, const void *end,
			   unsigned int root, const struct ofl_parse_cfg *cfg,
			   unsigned int mask, struct ofl_parse_result *res,
			   size_t res_size);
#endif

/*
 * The walker state of the step API, in struct ofl_parse_result's private
 * tail (walk_): 68 bytes, 2-byte aligned; with a copy of the caller's UDP
 * port table (ofl_parse_with(), ofl_parse_begin_with()), so that each step
 * needs no further argument and BPF keeps it in the result's map value.
 */
struct ofl__parse_walker {
	uint8_t node;		/* graph node of the header at stop_off */
	uint8_t wflags;		/* within a step: counter index, fragment */
	uint16_t opt_off;	/* TLV cursor within the current header */
	uint16_t whlen;		/* within a step: the header length */
	uint16_t opt_at[6];	/* per TCP option rule: header offset of the
				 * last option it matched (0: none) */
	uint8_t ncfg;		/* 1: the UDP port table below applies */
	uint8_t xbase;		/* res->nexthdr at the last IP header: the
				 * extension-header bound is per IP header */
	uint16_t udp_port[OFL_PARSE_CFG_UDP_MAX];	/* struct ofl_parse_cfg's */
	uint8_t udp_kind[OFL_PARSE_CFG_UDP_MAX];
};

OFL_STATIC_ASSERT(sizeof(struct ofl__parse_walker) ==
		  sizeof(((struct ofl_parse_result *)0)->walk_),
		  "walker state fills the result's private tail");

/* The walker state of a result. */
#define OFL__W(res) ((struct ofl__parse_walker *)(void *)(res)->walk_)

/* Nodes. 0 is the "stop" node: an edge or default to it ends the walk. */
enum {
	OFL__PN_STOP = 0,
	OFL__PN_ETH,
	OFL__PN_VLAN,
	OFL__PN_MPLS,
	OFL__PN_MPLS_PAYLOAD,	/* pseudo: guesses IPv4/IPv6 from a nibble */
	OFL__PN_PPPOE,
	OFL__PN_ARP,
	OFL__PN_IPV4,
	OFL__PN_IPV6,
	OFL__PN_HOPOPTS,
	OFL__PN_ROUTE,
	OFL__PN_FRAG,
	OFL__PN_DSTOPTS,
	OFL__PN_AH,
	OFL__PN_ESP,
	OFL__PN_TCP,
	OFL__PN_UDP,
	OFL__PN_SCTP,
	OFL__PN_ICMP,
	OFL__PN_ICMPV6,
	OFL__PN_IGMP,
	OFL__PN_GRE,
	OFL__PN_VXLAN,
	OFL__PN_GENEVE,
	OFL__PN_VXLAN_GPE,
	OFL__PN_ERSPAN2,	/* ERSPAN type II header (GRE 0x88be) */
	OFL__PN_ERSPAN3,	/* ERSPAN type III header (GRE 0x22eb) */
	OFL__PN_COUNT
};

/* Protocol tables. */
enum {
	OFL__PT_NONE = 0,	/* empty: no next header */
	OFL__PT_ETHER,		/* EtherType: Ethernet, VLAN */
	OFL__PT_MPLS,		/* bottom-of-stack bit */
	OFL__PT_NIBBLE,		/* first nibble after MPLS */
	OFL__PT_PPP,		/* PPP protocol */
	OFL__PT_IP4,		/* IP protocol after IPv4 */
	OFL__PT_IP6,		/* next header after IPv6 and its extensions */
	OFL__PT_UDP,		/* UDP destination port */
	OFL__PT_GRE,		/* GRE protocol type */
	OFL__PT_VXLAN,		/* always inner Ethernet */
	OFL__PT_GENEVE,		/* GENEVE protocol type */
	OFL__PT_GPE,		/* VXLAN-GPE next protocol */
	OFL__PT_ERSPAN,		/* always the mirrored Ethernet frame */
	OFL__PT_COUNT
};

/* Largest protocol table (bounds the lookup loop). */
#define OFL__PARSE_MAX_TABLE 16
/* Largest metadata copy. */
#define OFL__PARSE_MAX_COPY 32
/* Most metadata rules / checks / flag fields per node. */
#define OFL__PARSE_MAX_MD 6
#define OFL__PARSE_MAX_CHK 2
#define OFL__PARSE_MAX_FF 4
/* Most option rules per TLV list. */
#define OFL__PARSE_MAX_OPTRULES 6

#endif /* OFL_LIB_PARSER_INTERNAL_H */
