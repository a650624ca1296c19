/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Receive-side scaling: the Toeplitz hash as Microsoft defines it ("RSS
 * Hashing Functions", "Verifying the RSS Hash Calculation"), the hash inputs
 * per hash type (NDIS / DPDK / ethtool), symmetric hashing, and the mapping
 * of a hash to a queue (indirection table) or CPU (RPS).
 *
 * Byte order: keys and hash inputs are byte strings in wire order (the key
 * as `ethtool -x` prints it; the input as src addr, dst addr, src port, dst
 * port, each in network order). The hash is returned as a host integer, as
 * Microsoft's tables print it and as NICs report it in their descriptors.
 *
 * Two implementations of the same function:
 *  - ofl_rss_toeplitz(): the bitwise reference, any key of 1..OFL_RSS_KEY_MAX
 *    bytes, no state, one key bit per input bit.
 *  - ofl_rss_hash(): the fast path. ofl_rss_init() computes, once per key,
 *    a table per input byte (256 entries of 32 bits): a hash is then one
 *    lookup and one XOR per input byte. The context is OFL_RSS_SIZE bytes
 *    (48 KiB + 8 with the default OFL_RSS_INPUT_MAX of 48).
 *  - ofl_rss_nibble_hash(): the same with a table per input nibble (16
 *    entries): OFL_RSS_NIBBLE_SIZE bytes (6 KiB + 8), two lookups per byte.
 *    For firmware with little RAM. Choose by allocating one context or the
 *    other; both give the same value as ofl_rss_toeplitz() (fuzzed).
 *
 * All three agree for every input of up to OFL_RSS_INPUT_MAX bytes and every
 * key length, with the convention that key bits past the end of the key are
 * zero (Microsoft requires key_len >= len + 4, where no such bit is used).
 */
#ifndef OFL_RSS_H
#define OFL_RSS_H

#include "config.h"
#include "types.h"
#include "err.h"

OFL_BEGIN_DECLS

/** Longest key accepted, in bytes (the reference; any of 1..256 works). */
#ifndef OFL_RSS_KEY_MAX
#define OFL_RSS_KEY_MAX 256
#endif

/**
 * Longest input the table-driven contexts hash, in bytes. 48 covers a
 * 52-byte key (ice, i40e) and the 36-byte IPv6 4-tuple; a 40-byte key
 * (ixgbe, Microsoft) allows 36. Lower it to shrink the contexts.
 */
#ifndef OFL_RSS_INPUT_MAX
#define OFL_RSS_INPUT_MAX 48
#endif

/** Longest hash input ofl_rss_tuple() writes: two IPv6 addresses, 2 ports. */
#define OFL_RSS_TUPLE_MAX 36
OFL_STATIC_ASSERT(OFL_RSS_INPUT_MAX >= OFL_RSS_TUPLE_MAX &&
			  OFL_RSS_INPUT_MAX <= OFL_RSS_KEY_MAX,
		  "OFL_RSS_INPUT_MAX holds every tuple");
OFL_STATIC_ASSERT(OFL_RSS_INPUT_MAX % 4 == 0, "OFL_RSS_INPUT_MAX in words");

/**
 * struct ofl_rss - byte-table context of the fast path (ofl_rss_init()).
 * @tab: @tab[i][v] is the hash contribution of input byte i having value v.
 * @key_len: key length given to ofl_rss_init().
 * @max_len: inputs are hashed up to this many bytes (OFL_RSS_INPUT_MAX).
 * @reserved: zero.
 *
 * Fixed size (OFL_RSS_SIZE), no pointers: it may be copied byte for byte,
 * kept in a BPF map value or in static RAM, and dropped without a destroy.
 * BPF programs should receive it computed (ofl_rss_init() in userspace,
 * written into an array map): building 48 tables of 256 entries inside a
 * program exceeds the verifier's instruction limit. The nibble context can
 * be built in a program (about 50 000 instructions processed).
 */
struct ofl_rss {
	uint32_t tab[OFL_RSS_INPUT_MAX][256];
	uint16_t key_len;
	uint16_t max_len;
	uint32_t reserved;
};
#define OFL_RSS_SIZE (OFL_RSS_INPUT_MAX * 256 * 4 + 8)
OFL_STATIC_ASSERT(sizeof(struct ofl_rss) == OFL_RSS_SIZE,
		  "struct ofl_rss has its documented size");

/**
 * struct ofl_rss_nibble - nibble-table context (ofl_rss_nibble_init()).
 * @tab: @tab[2i][v] for the high nibble of byte i, @tab[2i + 1][v] for the
 *       low nibble.
 * @key_len, @max_len, @reserved: as in struct ofl_rss.
 */
struct ofl_rss_nibble {
	uint32_t tab[OFL_RSS_INPUT_MAX * 2][16];
	uint16_t key_len;
	uint16_t max_len;
	uint32_t reserved;
};
#define OFL_RSS_NIBBLE_SIZE (OFL_RSS_INPUT_MAX * 2 * 16 * 4 + 8)
OFL_STATIC_ASSERT(sizeof(struct ofl_rss_nibble) == OFL_RSS_NIBBLE_SIZE,
		  "struct ofl_rss_nibble has its documented size");

/**
 * ofl_rss_toeplitz() - Toeplitz hash, bitwise reference.
 * @key: the secret key, @key_len bytes, wire order.
 * @key_len: 1..OFL_RSS_KEY_MAX (Microsoft: 40; ice/i40e: 52); bytes past
 *           OFL_RSS_KEY_MAX are not used.
 * @data: the hash input in wire order; may be NULL if @len is 0.
 * @len: input bytes; Microsoft's definition needs @len + 4 <= @key_len.
 *
 * For each input bit, most significant bit of the first byte first: if the
 * bit is set, XOR into the result the 32 key bits that start at that bit's
 * position in the key. Key bits past @key_len count as zero (so input bytes
 * at or beyond @key_len add nothing). Returns the hash as a host integer;
 * 0 for @len == 0 or a NULL/empty key. Matches Microsoft's
 * ComputeHash() pseudo-code and DPDK rte_softrss().
 */
OFL_API uint32_t ofl_rss_toeplitz(const uint8_t *key, size_t key_len,
			      const uint8_t *data, size_t len);

/**
 * ofl_rss_init() - compute the byte tables of @key into @ctx.
 * @ctx: caller's context (OFL_RSS_SIZE bytes); fully overwritten on success,
 *       untouched on error.
 * @ctx_size: sizeof(*@ctx) as the caller compiled it: the layout depends
 *            on OFL_RSS_INPUT_MAX, and a caller that overrides it against
 *            a library built without the same value gets OFL_EINVAL.
 * @key: the key, wire order.
 * @key_len: 4..OFL_RSS_KEY_MAX bytes.
 *
 * Returns 0, or OFL_EINVAL (NULL @ctx or @key, @ctx_size not the
 * library's), OFL_ERANGE (@key_len out of range). Inputs up to
 * OFL_RSS_INPUT_MAX bytes can then be hashed.
 */
OFL_API int ofl_rss_init(struct ofl_rss *ctx, size_t ctx_size,
			 const uint8_t *key, size_t key_len);

/**
 * ofl_rss_hash() - Toeplitz hash with the tables in @ctx (fast path).
 * @ctx: initialised by ofl_rss_init(); not NULL (no check on this path).
 * @data: hash input in wire order; may be NULL if @len is 0.
 * @len: input bytes; bytes past @ctx->max_len (OFL_RSS_INPUT_MAX) are not
 *       hashed (never the case when @len + 4 <= key length <= 52).
 *
 * Returns the same value as ofl_rss_toeplitz() with the key of @ctx.
 */
OFL_API uint32_t ofl_rss_hash(const struct ofl_rss *ctx, const uint8_t *data,
			      size_t len);

/** ofl_rss_nibble_init() - as ofl_rss_init(), nibble tables (6 KiB);
 * @ctx_size is sizeof(*@ctx). */
OFL_API int ofl_rss_nibble_init(struct ofl_rss_nibble *ctx, size_t ctx_size,
				const uint8_t *key, size_t key_len);

/** ofl_rss_nibble_hash() - as ofl_rss_hash(), nibble tables. */
OFL_API uint32_t ofl_rss_nibble_hash(const struct ofl_rss_nibble *ctx,
				     const uint8_t *data, size_t len);

/* ---- keys ---- */

/** Length of the Microsoft verification key (also ixgbe's default size). */
#define OFL_RSS_MS_KEY_LEN 40

/**
 * ofl_rss_key_microsoft() - write the 40-byte key of Microsoft's
 * "Verifying the RSS Hash Calculation" (6d 5a 56 da ... 01 fa) to @key.
 * @key: OFL_RSS_MS_KEY_LEN bytes. NULL is ignored.
 */
OFL_API void ofl_rss_key_microsoft(uint8_t *key);

/**
 * ofl_rss_key_symmetric() - fill @key with 6d 5a repeated (@len bytes).
 *
 * Woo and Park, "Scalable TCP Session Monitoring with Symmetric RSS": with a
 * key whose bits repeat every 16, the key window at bit k equals the one at
 * k + 16m, so swapping source and destination (addresses 32 or 128 bits
 * apart, ports 16 bits apart) gives the same hash. This keeps the input as
 * it is and changes the key; the XOR transform (OFL_RSS_XFRM_SYM_XOR)
 * keeps the key and changes the input. The two give different hash values
 * for the same flow.
 */
OFL_API void ofl_rss_key_symmetric(uint8_t *key, size_t len);

/* ---- hash types and inputs ---- */

/**
 * enum ofl_rss_type - the hash type chosen for a frame (NDIS_HASH_*,
 * DPDK RTE_ETH_RSS_*, ethtool rx-flow-hash). The input is, in this order:
 * source address, destination address, then for the L4 types source port
 * and destination port: 8, 12, 32 or 36 bytes.
 */
enum ofl_rss_type {
	OFL_RSS_TYPE_NONE = 0,	  /* not hashed: hash 0 */
	OFL_RSS_TYPE_IPV4 = 1,	  /* NDIS_HASH_IPV4 */
	OFL_RSS_TYPE_IPV4_TCP = 2,  /* NDIS_HASH_TCP_IPV4 */
	OFL_RSS_TYPE_IPV4_UDP = 3,  /* NDIS_HASH_UDP_IPV4 */
	OFL_RSS_TYPE_IPV6 = 4,	  /* NDIS_HASH_IPV6 */
	OFL_RSS_TYPE_IPV6_TCP = 5,  /* NDIS_HASH_TCP_IPV6 */
	OFL_RSS_TYPE_IPV6_UDP = 6,  /* NDIS_HASH_UDP_IPV6 */
	OFL_RSS_TYPE_IPV6_EX = 7,   /* NDIS_HASH_IPV6_EX */
	OFL_RSS_TYPE_IPV6_TCP_EX = 8, /* NDIS_HASH_TCP_IPV6_EX */
	OFL_RSS_TYPE_IPV6_UDP_EX = 9, /* NDIS_HASH_UDP_IPV6_EX */
};

/** Bit of @types (ofl_rss_tuple()) that enables hash type @t. */
#define OFL_RSS_HASH(t) (1u << (t))
/** The usual NIC default: every type but the _EX ones. */
#define OFL_RSS_HASH_DEFAULT                                           \
	(OFL_RSS_HASH(OFL_RSS_TYPE_IPV4) |                             \
	 OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_TCP) |                         \
	 OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_UDP) |                         \
	 OFL_RSS_HASH(OFL_RSS_TYPE_IPV6) |                             \
	 OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_TCP) |                         \
	 OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_UDP))
/** Everything, _EX preferred over the plain IPv6 types. */
#define OFL_RSS_HASH_ALL 0x3feu

/** Short lower-case name of @t ("ipv4-tcp", "none"); never NULL. */
OFL_API const char *ofl_rss_type_name(int t);

/* struct ofl_rss_flow.flags */
#define OFL_RSS_FLOW_PORTS 0x01 /* @sport/@dport are valid (TCP/UDP head) */
#define OFL_RSS_FLOW_FRAG 0x02	/* a non-first fragment: no ports */
#define OFL_RSS_FLOW_HAO 0x04	/* @hao holds a Home Address option */
#define OFL_RSS_FLOW_RTDST 0x08 /* @rtdst: routing header final dest. */

/**
 * struct ofl_rss_flow - what the hash input is built from (one IP layer).
 * @family: 4 or 6; 0 when the frame has no IP layer.
 * @proto: the L4 protocol number (6 TCP, 17 UDP, anything else).
 * @flags: OFL_RSS_FLOW_*.
 * @reserved: zero.
 * @sport, @dport: source and destination ports, wire order.
 * @src, @dst: addresses, wire order; IPv4 uses the first 4 bytes.
 * @hao: IPv6 Home Address destination option (RFC 6275 6.3), the source
 *       address of the _EX types when OFL_RSS_FLOW_HAO is set.
 * @rtdst: final destination named by a type 2 routing header (RFC 6275
 *         6.4), the destination of the _EX types when OFL_RSS_FLOW_RTDST.
 *
 * The caller (a parser) fills it; 72 bytes, fine on a BPF stack.
 */
struct ofl_rss_flow {
	uint8_t family;
	uint8_t proto;
	uint8_t flags;
	uint8_t reserved;
	uint8_t sport[2];
	uint8_t dport[2];
	uint8_t src[16];
	uint8_t dst[16];
	uint8_t hao[16];
	uint8_t rtdst[16];
};
OFL_STATIC_ASSERT(sizeof(struct ofl_rss_flow) == 72, "ofl_rss_flow size");

/** Input transform (ethtool input_xfrm). */
enum ofl_rss_xfrm {
	/** The input as it is. */
	OFL_RSS_XFRM_NONE = 0,
	/**
	 * ethtool RXH_XFRM_SYM_XOR (`ethtool -X dev symmetric-xor`) and DPDK
	 * RTE_ETH_HASH_FUNCTION_SYMMETRIC_TOEPLITZ: source and destination
	 * address are both replaced by src ^ dst, and both ports by
	 * sport ^ dport ("both copies of the XOR'ed fields are fed into the
	 * RSS calculation", include/uapi/linux/ethtool.h). The kernel accepts
	 * it only when nothing but IP src/dst and L4 src/dst ports are
	 * hashed, each src with its dst (ethtool_check_xfrm_rxfh() in
	 * net/ethtool/ioctl.c, ethtool_rxfh_config_is_sym() in newer
	 * kernels): exactly the inputs built here.
	 */
	OFL_RSS_XFRM_SYM_XOR = 1,
};

/**
 * ofl_rss_tuple() - choose the hash type of @f and write its input.
 * @f: the flow; NULL is OFL_EINVAL.
 * @types: enabled types, OR of OFL_RSS_HASH(type).
 * @xfrm: enum ofl_rss_xfrm.
 * @out: OFL_RSS_TUPLE_MAX bytes; *@out_len bytes of it are written.
 * @out_len: input length (0 for OFL_RSS_TYPE_NONE).
 *
 * Like NDIS and NICs: TCP or UDP with ports and not a non-first fragment
 * takes the L4 type if enabled, else the L3 type of the family if enabled
 * (so fragments fall back to the L3-only hash), else NONE. For IPv6 an
 * enabled _EX type is preferred over the plain one; it replaces the source
 * by @hao and the destination by @rtdst when their flags are set.
 * Returns the enum ofl_rss_type (>= 0) or OFL_EINVAL (NULL arguments,
 * @family not 0/4/6, unknown @xfrm).
 */
OFL_API int ofl_rss_tuple(const struct ofl_rss_flow *f, uint32_t types,
			  unsigned int xfrm, uint8_t *out, size_t *out_len);

/** Which IP layer of a tunnelled frame is hashed (DPDK rss level). */
enum ofl_rss_level {
	OFL_RSS_LEVEL_OUTER = 0,
	OFL_RSS_LEVEL_INNER = 1,
};

/**
 * ofl_rss_flow_pick() - the flow to hash for @level.
 * @outer: the outermost IP layer.
 * @inner: the innermost IP layer of a tunnel, or NULL (or family 0) when
 *         the frame is not tunnelled.
 *
 * Returns @inner for OFL_RSS_LEVEL_INNER when there is one, else @outer.
 */
OFL_API const struct ofl_rss_flow *
ofl_rss_flow_pick(const struct ofl_rss_flow *outer,
		  const struct ofl_rss_flow *inner, unsigned int level);

struct ofl_parse_result;

/**
 * ofl_rss_flow_from_parse() - the flow RSS hashes, from a lib/parser result.
 * @res: a result of ofl_parse() (or the step API), any return value: a
 *       flow is usable once its IP header was parsed.
 * @res_size: sizeof(*@res) as the caller compiled it (see ofl_parse()).
 * @data, @end: the frame @res was parsed from, or both NULL. Only read
 *              for the ports behind an IPv6 option header whose options
 *              are malformed (4 bytes, see below); NULL skips that.
 * @level: enum ofl_rss_level: OFL_RSS_LEVEL_INNER takes the innermost flow
 *         of a tunnel when it has an IP header, else the outer flow (as
 *         ofl_rss_flow_pick()).
 * @f: the flow, fully written (zeroed first).
 *
 * The one way from a parse to Toeplitz input (then ofl_rss_tuple() or
 * ofl_rss_hash_flow()), for every hash type: addresses; the protocol
 * after the IPv6 extension headers; TCP/UDP ports unless the flow is a
 * non-first fragment (OFL_RSS_FLOW_FRAG: the L3 fallback), also from an
 * L4 header cut short after its ports (the parser's has_ports); for IPv6
 * the Home Address option (OFL_RSS_FLOW_HAO) and the type 2 routing
 * address (OFL_RSS_FLOW_RTDST) of that flow's extension headers, which
 * the _EX types hash. Where the parse stopped with an error right behind
 * the flow's last IP or extension header (a malformed or too long IPv6
 * option list: OFL_EBADMSG, OFL_E2BIG), TCP/UDP ports are
 * still taken from the 4 bytes behind that header when @data is given and
 * they are inside the frame, as __skb_flow_dissect() (which skips option
 * headers by their length) and NICs hash them.
 *
 * Returns 0, OFL_ENOENT if the chosen flow has no IP header (@f is all
 * zero: family 0, hashed as OFL_RSS_TYPE_NONE), or OFL_EINVAL (NULL @res
 * or @f, @res_size not the library's, @level unknown, or @res of a
 * request level without the flows, ofl_parse_mask(); @f untouched).
 */
OFL_API int ofl_rss_flow_from_parse(const struct ofl_parse_result *res,
				    size_t res_size, const void *data,
				    const void *end, unsigned int level,
				    struct ofl_rss_flow *f);

/**
 * ofl_rss_hash_flow() - ofl_rss_tuple() then ofl_rss_hash().
 * @type: if non-NULL, gets the enum ofl_rss_type (or the negative error).
 *
 * Returns the hash, 0 for NONE or on error.
 */
OFL_API uint32_t ofl_rss_hash_flow(const struct ofl_rss *ctx,
				   const struct ofl_rss_flow *f,
				   uint32_t types, unsigned int xfrm,
				   int *type);

/* ---- hash to queue ---- */

/** Largest indirection table (i40e, ice VSI: 512). */
#define OFL_RSS_RETA_MAX 512
/** Smallest (many NICs: 64; ixgbe 128). */
#define OFL_RSS_RETA_MIN 64

/**
 * struct ofl_rss_reta - indirection table (RETA): queue of each entry.
 * @size: entries in use, a power of two in 64..512.
 * @reserved: zero.
 * @queue: queue numbers; entries past @size are not used.
 */
struct ofl_rss_reta {
	uint16_t size;
	uint16_t reserved;
	uint16_t queue[OFL_RSS_RETA_MAX];
};
OFL_STATIC_ASSERT(sizeof(struct ofl_rss_reta) == 4 + 2 * OFL_RSS_RETA_MAX,
		  "ofl_rss_reta size");

/**
 * ofl_rss_reta_init() - the default spread: entry i -> queue i % @nqueues
 * (Linux ethtool_rxfh_indir_default()).
 * @size: 64, 128, 256 or 512, else OFL_ERANGE.
 * @nqueues: 1..65535, else OFL_EINVAL (also for NULL @reta).
 */
OFL_API int ofl_rss_reta_init(struct ofl_rss_reta *reta, unsigned int size,
			      unsigned int nqueues);

/**
 * ofl_rss_reta_queue() - queue of @hash as a NIC picks it: the low
 * log2(@reta->size) bits of the hash index the table (ixgbe 7 bits of 128,
 * i40e 9 of 512; DPDK's "hash % reta_size"). @reta: initialised by
 * ofl_rss_reta_init() (entries may be rewritten), not NULL.
 */
OFL_API uint16_t ofl_rss_reta_queue(const struct ofl_rss_reta *reta,
				    uint32_t hash);

/**
 * ofl_rss_rps_index() - index in 0..@n-1 as RPS picks a CPU from the
 * hash: (@hash * @n) >> 32, Linux reciprocal_scale() used by get_rps_cpu()
 * (net/core/dev.c). It uses the high bits of the hash, unlike a RETA.
 * Returns 0 for @n == 0.
 */
OFL_API uint32_t ofl_rss_rps_index(uint32_t hash, uint32_t n);

/**
 * ofl_rss_find_field() - find a value of a 16-bit input field that lands
 * the input on @queue (like DPDK's predictable RSS,
 * rte_thash_adjust_tuple()): typically the source port a client should
 * bind so that replies arrive on its own queue.
 * @ctx: hash context.
 * @tuple: the hash input (ofl_rss_tuple()), @len bytes; on success the
 *         found value is stored at @off in network order.
 * @len: input length, at most @ctx->max_len.
 * @off: offset of the field in @tuple (8 = source port of IPv4 L4 input,
 *       32 for IPv6); @off + 2 <= @len.
 * @lo, @hi: the values tried, lowest first (e.g. 32768..60999).
 * @reta: the indirection table deciding the queue.
 * @queue: the queue wanted.
 * @found: if non-NULL, the value found (host order).
 *
 * Toeplitz is linear over XOR, so each try costs two table lookups.
 * Returns 0, OFL_ENOENT if no value in [@lo, @hi] fits (@tuple unchanged),
 * OFL_EINVAL for bad arguments.
 */
OFL_API int ofl_rss_find_field(const struct ofl_rss *ctx, uint8_t *tuple,
			       size_t len, size_t off, uint16_t lo,
			       uint16_t hi, const struct ofl_rss_reta *reta,
			       uint16_t queue, uint16_t *found);

OFL_END_DECLS

#endif /* OFL_RSS_H */
