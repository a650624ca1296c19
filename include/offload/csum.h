/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Internet checksum (RFC 1071) with the Linux kernel's conventions
 * (include/net/checksum.h, include/asm-generic/checksum.h, lib/checksum.c):
 *
 *  - ofl_wsum is a 32-bit ones'-complement partial sum of the data read as
 *    host-order 16-bit words (Linux __wsum). Its value depends on the host's
 *    byte order; only its folded form is meaningful across hosts.
 *  - ofl_sum16 is a folded, complemented checksum as stored in a header
 *    (Linux __sum16): storing it with a plain 16-bit store (memcpy) gives the
 *    right wire bytes on any host.
 *
 * Buffers may have any alignment and any length, including 0 (the sum is then
 * returned unchanged). The arithmetic functions cannot fail; the functions
 * that read a frame take a view [begin, end), check every read against end
 * and return 0 or a negative OFL_E* code (offload/err.h).
 *
 * Design notes: docs/CSUM.md.
 */
#ifndef OFL_CSUM_H
#define OFL_CSUM_H

#include "config.h"
#include "types.h"
#include "err.h"
#include "bounds.h"

OFL_BEGIN_DECLS

/**
 * ofl_csum_partial() - ones'-complement sum of a buffer (Linux csum_partial).
 * @buf: start of the data, any alignment; may be NULL only if @len is 0.
 * @len: length in bytes, any value (no upper limit: carries are never lost).
 * @sum: sum to add to (0 to start).
 *
 * Returns the unfolded 32-bit partial sum. The data is summed as if it began
 * at an even offset; use ofl_csum_block_add() to place it at an odd one.
 */
OFL_API ofl_wsum ofl_csum_partial(const void *buf, size_t len, ofl_wsum sum);

/**
 * ofl_csum_partial_copy() - copy a buffer and sum it in one pass (Linux
 * csum_partial_copy_nocheck).
 * @src: bytes to copy and sum, any alignment; NULL only if @len is 0.
 * @dst: where they go, any alignment; must not overlap @src.
 * @len: length in bytes, any value.
 * @sum: sum to add to (0 to start).
 *
 * Returns exactly ofl_csum_partial(@src, @len, @sum), having copied the
 * bytes: for a copy whose checksum is needed too (lib/gso's whole-segment
 * output), the source is read once instead of twice.
 */
OFL_API ofl_wsum ofl_csum_partial_copy(const void *src, void *dst, size_t len,
				       ofl_wsum sum);

/**
 * ofl_csum_span() - ofl_csum_partial() over the view [@begin, @end).
 * @begin: first byte.
 * @end: one past the last byte; @end < @begin counts as an empty view.
 * @sum: sum to add to.
 *
 * In BPF programs this is the verifier-friendly form for packet data:
 * every read is checked against @end, and the view may be at most
 * OFL_CSUM_BPF_MAX_SPAN bytes: of a longer one only the first
 * OFL_CSUM_BPF_MAX_SPAN to OFL_CSUM_BPF_MAX_SPAN + 31 bytes are summed, so
 * check the length first if such frames can occur (natively there is no
 * bound). Verifier cost and why: docs/CSUM.md. Its bounds checks are made
 * on a pointer of its own, so they do not vouch for the caller's later
 * accesses; define OFL_BPF_STRICT_ALIGN for BPF_F_STRICT_ALIGNMENT loaders.
 */
OFL_API ofl_wsum ofl_csum_span(const void *begin, const void *end,
			       ofl_wsum sum);

/** Largest view ofl_csum_span() sums in a BPF program (jumbo frames). */
#ifndef OFL_CSUM_BPF_MAX_SPAN
#define OFL_CSUM_BPF_MAX_SPAN 9216
#endif

/**
 * ofl_csum_add() - add two partial sums with end-around carry (Linux
 * csum_add). The result is 0 only if both are 0.
 */
OFL_API ofl_wsum ofl_csum_add(ofl_wsum a, ofl_wsum b);

/**
 * ofl_csum_sub() - subtract partial sum @b from @a (Linux csum_sub:
 * @a + ~@b with end-around carry).
 */
OFL_API ofl_wsum ofl_csum_sub(ofl_wsum a, ofl_wsum b);

/**
 * ofl_csum_block_add() - add the sum @sum2 of a block that starts @offset
 * bytes after the start of the block summed into @sum (Linux csum_block_add):
 * an odd offset rotates @sum2 by 8 bits first (ror32(sum2, 8)), which swaps
 * the bytes of its folded value. Only the parity of @offset matters.
 */
OFL_API ofl_wsum ofl_csum_block_add(ofl_wsum sum, ofl_wsum sum2,
				    size_t offset);

/**
 * ofl_csum_block_sub() - remove a block's sum @sum2 placed at @offset from
 * @sum (Linux csum_block_sub).
 */
OFL_API ofl_wsum ofl_csum_block_sub(ofl_wsum sum, ofl_wsum sum2,
				    size_t offset);

/**
 * ofl_csum_fold() - fold a partial sum to 16 bits and complement it
 * (Linux csum_fold). The result is ready to store in a checksum field.
 */
OFL_API ofl_sum16 ofl_csum_fold(ofl_wsum sum);

/**
 * ofl_csum_unfold() - turn a stored checksum back into a partial sum
 * (Linux csum_unfold; no complement).
 */
OFL_API ofl_wsum ofl_csum_unfold(ofl_sum16 check);

/**
 * ofl_csum_update16() - incremental update of a stored checksum when one
 * 16-bit field changes, RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')
 * (Linux csum_replace2). All three values are as stored in the frame
 * (read and written with plain 16-bit loads/stores, i.e. network order
 * bytes). The result equals recomputing the checksum over the changed data.
 */
OFL_API ofl_sum16 ofl_csum_update16(ofl_sum16 check, uint16_t old_word,
				    uint16_t new_word);

/**
 * ofl_csum_ip_fast() - checksum of an IPv4 header (Linux ip_fast_csum).
 * @iph: the header, any alignment.
 * @ihl: header length in 32-bit words, 5..15 (other values: result is for
 *       min(max(ihl,5),15) words and the caller has a malformed header).
 *
 * Returns the value to store in the checksum field when that field is zero
 * in @iph; over a header with a correct checksum in place it returns 0.
 */
OFL_API ofl_sum16 ofl_csum_ip_fast(const void *iph, unsigned int ihl);

/**
 * ofl_csum_tcpudp_nofold() - IPv4 pseudo-header sum (csum_tcpudp_nofold).
 * @saddr, @daddr: addresses as stored in the header (network order).
 * @len: L4 length in bytes (host order).
 * @proto: IP protocol number.
 * @sum: partial sum to add (e.g. of the L4 header and payload).
 */
OFL_API ofl_wsum ofl_csum_tcpudp_nofold(ofl_be32 saddr, ofl_be32 daddr,
					uint32_t len, uint8_t proto,
					ofl_wsum sum);

/** ofl_csum_tcpudp_magic() - folded form (Linux csum_tcpudp_magic). */
OFL_API ofl_sum16 ofl_csum_tcpudp_magic(ofl_be32 saddr, ofl_be32 daddr,
					uint32_t len, uint8_t proto,
					ofl_wsum sum);

/**
 * ofl_csum_ipv6_magic() - IPv6 pseudo-header checksum (csum_ipv6_magic).
 * @saddr, @daddr: 16-byte addresses as on the wire; @daddr must be the final
 *                 destination (RFC 8200 8.1: with a routing header, the last
 *                 segment, not the header's destination field).
 * @len: upper-layer length (host order).
 * @proto: next header value of the upper layer.
 * @sum: partial sum to add.
 */
OFL_API ofl_sum16 ofl_csum_ipv6_magic(const uint8_t saddr[16],
				      const uint8_t daddr[16], uint32_t len,
				      uint8_t proto, ofl_wsum sum);

/**
 * ofl_csum_ipv6_nofold() - the IPv6 pseudo-header sum, unfolded: the same
 * sum as ofl_csum_ipv6_magic() before its fold (csum_ipv6_magic without
 * the final csum_fold). Parameters as for ofl_csum_ipv6_magic().
 */
OFL_API ofl_wsum ofl_csum_ipv6_nofold(const uint8_t saddr[16],
				      const uint8_t daddr[16], uint32_t len,
				      uint8_t proto, ofl_wsum sum);

/* ---- incremental updates of stored checksums ---------------------- */

/**
 * ofl_csum_replace4() - update a stored checksum when a 32-bit field
 * changes from @from to @to (Linux csum_replace4; RFC 1624 eqn. 3).
 * @check: the checksum as stored in the frame.
 * @from, @to: the field's old and new value as stored (network order).
 */
OFL_API ofl_sum16 ofl_csum_replace4(ofl_sum16 check, ofl_be32 from,
				    ofl_be32 to);

/**
 * ofl_csum_replace_by_diff() - update a stored checksum by a partial sum
 * @diff of the changes, e.g. ~old + new words (Linux csum_replace_by_diff).
 */
OFL_API ofl_sum16 ofl_csum_replace_by_diff(ofl_sum16 check, ofl_wsum diff);

/* ---- skb-like checksum state ------------------------------------- */

/**
 * struct ofl_csum_state - the checksum part of a Linux sk_buff, for drivers,
 * BPF programs and firmware (12 bytes, pinned; no pointers, copy freely).
 * @csum: CHECKSUM_COMPLETE: ofl_wsum of the frame bytes [@csum_start, end).
 * @csum_start: offset from the frame start, in bytes. PARTIAL: first byte
 *              of the checksummed region (the L4 header); COMPLETE: first
 *              byte covered by @csum (e.g. 14, after an Ethernet header).
 * @csum_offset: PARTIAL: offset of the 16-bit checksum field from
 *               @csum_start (16 for TCP, 6 for UDP).
 * @ip_summed: one of enum ofl_ip_summed (<offload/types.h>).
 * @csum_level: UNNECESSARY: number of consecutive verified checksums minus
 *              one, outermost first (Linux csum_level, 0..3).
 * @encapsulation: nonzero if the frame carries a tunnel (skb->encapsulation).
 * @reserved: zero.
 */
struct ofl_csum_state {
	ofl_wsum csum;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint8_t ip_summed;
	uint8_t csum_level;
	uint8_t encapsulation;
	uint8_t reserved;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_csum_state) == 12,
		  "struct ofl_csum_state is 12 bytes");

/**
 * ofl_csum_proto_replace4() - a 32-bit field covered by an L4 checksum
 * changes (Linux inet_proto_csum_replace4).
 * @check: the L4 checksum field in the frame (2 bytes, any alignment);
 *         read and written.
 * @st: the frame's checksum state; @st->csum may be updated.
 * @from, @to: old and new field value as stored (network order).
 * @pseudohdr: the field is part of the pseudo header (an IPv4 address).
 *
 * Like the kernel: unless @st is CHECKSUM_PARTIAL the stored checksum is
 * updated (RFC 1624), and under CHECKSUM_COMPLETE with @pseudohdr @st->csum
 * moves by the checksum field's change (an IPv4 address change cancels
 * against the IPv4 header checksum change in the frame sum). Under
 * CHECKSUM_PARTIAL the field holds the uncomplemented pseudo-header sum:
 * it is updated only if @pseudohdr.
 */
OFL_API void ofl_csum_proto_replace4(void *check, struct ofl_csum_state *st,
				     ofl_be32 from, ofl_be32 to,
				     bool pseudohdr);

/** ofl_csum_proto_replace2() - the same for a 16-bit field such as a port
 * (Linux inet_proto_csum_replace2). */
OFL_API void ofl_csum_proto_replace2(void *check, struct ofl_csum_state *st,
				     ofl_be16 from, ofl_be16 to,
				     bool pseudohdr);

/**
 * ofl_csum_proto_replace16() - a 128-bit field (an IPv6 address) changes
 * from @from to @to, 16 bytes each as on the wire (Linux
 * inet_proto_csum_replace16). Unless PARTIAL the stored checksum is updated;
 * @st->csum never is (the address and checksum changes cancel in the frame
 * sum, as the kernel notes); under PARTIAL only if @pseudohdr.
 */
OFL_API void ofl_csum_proto_replace16(void *check, struct ofl_csum_state *st,
				      const uint8_t from[16],
				      const uint8_t to[16], bool pseudohdr);

/**
 * ofl_csum_proto_replace_by_diff() - apply a precomputed difference @diff
 * (sum of ~old and new words) to an L4 checksum (Linux
 * inet_proto_csum_replace_by_diff, 6.16+ form with @ipv6: under
 * CHECKSUM_COMPLETE an IPv6 address change leaves @st->csum alone, since
 * the address and the L4 checksum changes cancel in the frame sum).
 */
OFL_API void ofl_csum_proto_replace_by_diff(void *check,
					    struct ofl_csum_state *st,
					    ofl_wsum diff, bool pseudohdr,
					    bool ipv6);

/* ---- IPv6: the final destination ----------------------------------- */


/**
 * struct ofl_csum_ipv6_l4 - where the upper layer of an IPv6 packet is and
 * which destination its pseudo header uses (8 bytes).
 * @l4_off: offset of the upper-layer header from the IPv6 header.
 * @daddr_off: offset of the final destination address from the IPv6
 *             header (24, the header's own field, or inside a routing
 *             header).
 * @proto: upper-layer protocol number; 44 (fragment) or 50 (ESP) when the
 *         walk stops there (no L4 checksum can be checked then).
 */
struct ofl_csum_ipv6_l4 {
	uint16_t l4_off;
	uint16_t daddr_off;
	uint8_t proto;
	uint8_t reserved[3];
};
OFL_STATIC_ASSERT(sizeof(struct ofl_csum_ipv6_l4) == 8,
		  "struct ofl_csum_ipv6_l4 is 8 bytes");

/**
 * ofl_csum_ipv6_find_l4() - walk an IPv6 extension-header chain (hop-by-hop,
 * destination options, routing, AH) to the upper layer, and find the final
 * destination for the pseudo header (RFC 8200 8.1): with a routing header
 * whose Segments Left is nonzero, its last address (type 0, RFC 2460; type 2,
 * RFC 6275) or Segment List[0] (type 4, SRv6, RFC 8754); else the IPv6
 * Destination Address. For callers without a parser.
 * @ip6: the IPv6 header. @end: end of the frame.
 * @out: written on success only.
 *
 * Returns 0; OFL_ENODATA if a header is truncated; OFL_EPROTO if the version
 * is not 6; OFL_EBADMSG for a routing header whose lengths contradict each
 * other; OFL_EPROTONOSUPPORT for another routing type with Segments Left
 * nonzero; OFL_ELOOP after OFL_MAX_EXTHDRS extension headers.
 */
OFL_API int ofl_csum_ipv6_find_l4(const void *ip6, const void *end,
				  struct ofl_csum_ipv6_l4 *out);

/* ---- transmit ------------------------------------------------------ */

/**
 * ofl_csum_help() - complete a CHECKSUM_PARTIAL frame in software (Linux
 * skb_checksum_help): sum [csum_start, end), fold, store at csum_start +
 * csum_offset; a result of 0 is stored as 0xffff (CSUM_MANGLED_0, as 6.18
 * does, because 0 means "no checksum" to UDP). Then ip_summed = NONE.
 * @begin, @end: the frame (written: the 2-byte checksum field).
 * @st: PARTIAL (completed) or COMPLETE (just set to NONE, like the kernel).
 *
 * Returns 0; OFL_EINVAL if @st is neither, or csum_start or the field lies
 * outside the frame (the kernel BUG()s there). Nothing is written on error.
 */
OFL_API int ofl_csum_help(void *begin, const void *end,
			  struct ofl_csum_state *st);

/** Legacy device features (Linux NETIF_F_IP_CSUM, NETIF_F_IPV6_CSUM). */
#define OFL_CSUM_DEV_IPV4 (1u << 0)
#define OFL_CSUM_DEV_IPV6 (1u << 1)

/**
 * ofl_csum_hwoffload_legacy_check() - could a protocol-specific (legacy)
 * checksum engine complete this CHECKSUM_PARTIAL frame correctly? (the
 * proposed skb_csum_hwoffload_legacy_check). Such a device parses plain
 * IPv4 or IPv6 followed directly by TCP or UDP, so anything else -- IPv6
 * extension or routing headers (SRv6: it would use the wrong destination),
 * IPv4 options (a source route does the same) or fragments, tunnels, other
 * protocols, a csum_start/csum_offset that is not the TCP/UDP checksum
 * right after the IP header -- must be completed in software
 * (ofl_csum_help()).
 * @begin, @end: the frame. @l3_off: offset of the IP header.
 * @st: must be CHECKSUM_PARTIAL. @dev_features: OFL_CSUM_DEV_* bits.
 *
 * Returns 0 if the device can do it; OFL_EOPNOTSUPP if the driver must fall
 * back; OFL_EINVAL if @st is not PARTIAL; OFL_ENODATA if truncated.
 */
OFL_API int ofl_csum_hwoffload_legacy_check(const void *begin,
					    const void *end, uint16_t l3_off,
					    const struct ofl_csum_state *st,
					    uint32_t dev_features);

/* ---- receive ------------------------------------------------------- */

/** Most L4 layers (outer + inner ...) one frame description carries. */
#ifndef OFL_CSUM_MAX_LAYERS
#define OFL_CSUM_MAX_LAYERS 4
#endif

/** Layer flag: accept a zero UDP checksum over IPv6 (RFC 6935/6936 tunnel
 * endpoints that opted in, like Linux udp6 zero_csum6_rx). */
#define OFL_CSUM_L_UDP6_ZERO_OK 0x01u

/**
 * struct ofl_csum_layer - one L4 checksum of a frame (12 bytes). Offsets
 * are from the frame start, in bytes.
 * @l4_off: the L4 header (TCP, UDP, ICMP, ICMPv6).
 * @l4_len: bytes covered by the checksum from @l4_off (header + payload,
 *          i.e. the length in the pseudo header); frame bytes after it
 *          (padding) are excluded.
 * @saddr_off, @daddr_off: pseudo-header addresses in the frame (4 bytes for
 *          IPv4, 16 for IPv6; @daddr_off is the final destination, see
 *          ofl_csum_ipv6_find_l4()). Unused for ICMP over IPv4.
 * @family: 4 or 6. @proto: 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6.
 * @flags: OFL_CSUM_L_* bits. @reserved: zero.
 */
struct ofl_csum_layer {
	uint16_t l4_off;
	uint16_t l4_len;
	uint16_t saddr_off;
	uint16_t daddr_off;
	uint8_t family;
	uint8_t proto;
	uint8_t flags;
	uint8_t reserved;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_csum_layer) == 12,
		  "struct ofl_csum_layer is 12 bytes");

/**
 * struct ofl_csum_layers - the L4 checksums of a frame, outermost first
 * (increasing @l4_off), as a parser fills it. 4 + 12 * OFL_CSUM_MAX_LAYERS
 * bytes.
 * @n: number of entries of @l in use.
 */
struct ofl_csum_layers {
	uint8_t n;
	uint8_t reserved[3];
	struct ofl_csum_layer l[OFL_CSUM_MAX_LAYERS];
};
OFL_STATIC_ASSERT(sizeof(struct ofl_csum_layers) ==
			  4 + 12 * OFL_CSUM_MAX_LAYERS,
		  "struct ofl_csum_layers size");

/** Per-layer outcome of ofl_csum_verify_complete(). */
enum ofl_csum_result {
	OFL_CSUM_GOOD = 1, /**< the checksum verifies */
	OFL_CSUM_BAD = 2,  /**< it does not (or a forbidden zero UDP/IPv6) */
	OFL_CSUM_NONE = 3, /**< no checksum: UDP zero over IPv4 (or allowed) */
	OFL_CSUM_UNCHECKED = 4, /**< cannot be checked (ofl_csum_view only) */
};

/**
 * ofl_csum_verify_complete() - verify every L4 checksum of a frame from the
 * device's one whole-frame sum (CHECKSUM_COMPLETE), reading only headers:
 * the sum of each layer is the frame sum minus the header bytes before it
 * (and any padding after it), so payload bytes are never summed.
 * @begin, @end: the frame.
 * @st: COMPLETE; @st->csum covers [@st->csum_start, @end).
 * @ly: the layers; each @l4_off >= @st->csum_start and >= the previous one.
 * @res: OFL_CSUM_MAX_LAYERS entries; res[i] gets an enum ofl_csum_result
 *       for each layer i < @ly->n (written only when 0 or OFL_ECSUM is
 *       returned).
 *
 * Returns 0 if no layer is BAD, OFL_ECSUM if one is; OFL_EINVAL for a
 * state that is not COMPLETE or layers out of order; OFL_ENODATA if a
 * layer lies past @end; OFL_EPROTONOSUPPORT for another @proto/@family.
 */
OFL_API int ofl_csum_verify_complete(const void *begin, const void *end,
				     const struct ofl_csum_state *st,
				     const struct ofl_csum_layers *ly,
				     uint8_t res[OFL_CSUM_MAX_LAYERS]);

/**
 * ofl_csum_convert_unnecessary() - turn a legacy CHECKSUM_UNNECESSARY into
 * CHECKSUM_COMPLETE (the proposed skb_csum_rx_legacy_convert_unnecessary).
 * The device verified csum_level + 1 checksums, outermost first, counting a
 * zero UDP checksum as one (Linux skbuff.h: "UDP (possibly zero)"). The
 * first of them that is not a zero UDP checksum proves that its L4 bytes
 * sum to ~pseudo (Linux __skb_checksum_convert); the frame sum is that plus
 * the header bytes before it and any padding after it: no payload is read.
 * @begin, @end: the frame. @st: UNNECESSARY in; COMPLETE out, with @csum
 * covering [@st->csum_start, @end) and csum_level 0.
 * @ly: the layers (as for ofl_csum_verify_complete()); they must list every
 *      checksum the device counts (GRE checksums are not supported).
 *
 * Returns 0; OFL_EINVAL if @st is not UNNECESSARY or csum_start is past
 * that layer; OFL_ENOENT if the verified ones are all zero UDP checksums;
 * OFL_ENODATA if truncated; OFL_EPROTONOSUPPORT if that layer is not TCP
 * or UDP. @st is unchanged on error.
 */
OFL_API int ofl_csum_convert_unnecessary(const void *begin, const void *end,
					 struct ofl_csum_state *st,
					 const struct ofl_csum_layers *ly);

struct ofl_parse_result;

/**
 * ofl_csum_layers_from_parse() - the layer list of ofl_csum_verify_complete()
 * and ofl_csum_convert_unnecessary(), from a lib/parser result.
 * @res: a result of ofl_parse() (or the step API) of this frame.
 * @res_size: sizeof(*@res) as the caller compiled it (see ofl_parse()).
 * @frame, @end: the frame @res was parsed from (read: IP, UDP, PPPoE
 *               length fields, IPv4 fragment bits, IPv6 fragment and
 *               routing headers; every read checked against @end).
 * @ly: the list, fully written (n = 0 first, reserved bytes zero).
 * @ly_size: sizeof(*@ly) as the caller compiled it: the struct follows
 *           OFL_CSUM_MAX_LAYERS, and a caller built with another value
 *           than the library gets OFL_EINVAL with @ly untouched.
 *
 * Lists, outermost first, every TCP, UDP, ICMP (over IPv4) and ICMPv6
 * (over IPv6) header of the frame, tunnels included, with:
 *  - @saddr_off, @daddr_off: the addresses of the IP header that carries
 *    it; for IPv6 the final destination of a routing header with Segments
 *    Left > 0, as ofl_csum_ipv6_find_l4() (RFC 8200 8.1). The IPv6
 *    source is the header's own (a Mobile IPv6 Home Address option,
 *    which Linux ipv6_dest_hao() swaps in, is not applied); IPv4 options
 *    are ignored (Linux inet_compute_pseudo() takes iph->daddr);
 *  - @l4_len from the length fields, so that padding after a datagram
 *    (Ethernet's minimum frame, a tunnel's trailer) is excluded, as the
 *    kernel's pskb_trim_rcsum() calls do: IPv4 tot_len minus the bytes
 *    before L4 (IHL, AH; ip_rcv_core()), IPv6 40 + payload length minus
 *    the extension headers (ip6_rcv_core()), PPPoE's length
 *    (pppoe_rcv()); for UDP its own length field (__udp4_lib_rcv(),
 *    __udp6_lib_rcv(); 0 over IPv6 means "the rest", the jumbo rule),
 *    which also bounds a tunnel inside it;
 *  - @flags 0: OFL_CSUM_L_UDP6_ZERO_OK is a property of the receiving
 *    socket (UDP_NO_CHECK6_RX), not of the frame, so a zero UDP checksum
 *    over IPv6 stays BAD until the caller sets it (Linux __udp6_lib_rcv()).
 * A fragment (IPv4 MF or offset; an IPv6 fragment header other than an
 * atomic one, ipv6_frag_rcv()) ends the list without an error: its L4
 * checksum covers the reassembled datagram (Linux verifies it only after
 * ip_defrag()/ipv6_frag_rcv(), from the sum inet_frag_reasm_finish()
 * adds up), so neither a first nor a later fragment gets an entry, nor
 * anything tunnelled inside it. GRE, IGMP and SCTP checksums are not
 * listed (the verifiers take none of them).
 *
 * Returns 0 when the list is complete. Else a negative code, with @ly
 * holding the layers before the one that failed (each whole and usable):
 *   OFL_EINVAL    NULL argument, @end < @frame, @res_size or @ly_size
 *                 not the library's (@ly untouched), @res of a request
 *                 level without the layer list (ofl_parse_mask()), or
 *                 @res not of this frame (a layer past @end)
 *   OFL_ENODATA   the frame ends before a listed layer's l4_len does
 *                 (a snapped capture), or the parse stopped there
 *   OFL_EBADMSG   length fields that contradict each other (an IP, PPPoE
 *                 or UDP length shorter than its headers, or longer than
 *                 the datagram around it: Linux drops the packet), or a
 *                 routing header as ofl_csum_ipv6_find_l4() refuses it
 *   OFL_EPROTONOSUPPORT  a routing type it cannot follow (ditto)
 *   OFL_E2BIG     more than OFL_CSUM_MAX_LAYERS checksums: the first
 *                 OFL_CSUM_MAX_LAYERS are listed (with the default
 *                 bounds ofl_parse() stops first: OFL_MAX_ENCAP 3 tunnels
 *                 give at most 4 IP levels, one L4 header each)
 *   res->error    the parse stopped with an error (the layers up to it)
 */
OFL_API int ofl_csum_layers_from_parse(const struct ofl_parse_result *res,
				       size_t res_size, const void *frame,
				       const void *end,
				       struct ofl_csum_layers *ly,
				       size_t ly_size);

/* ---- the checksum view of a frame ---------------------------------- */

/*
 * Every checksum a frame carries, what each covers and whether it is right,
 * as a capture tool shows it (`ofl csum`, `ofl conform`): unlike the layer
 * list above (what Linux verifies on receive), the view reports the IPv4
 * header, TCP, UDP, ICMP, ICMPv6, IGMP, GRE and SCTP (CRC32c) checksums of
 * every level, says why one cannot be checked, and takes the pseudo-header
 * addresses the frame's own options name (tshark and the destination host
 * do: an IPv4 source route's final destination, RFC 1122 4.1.3.4; a
 * routing header's final destination, RFC 8200 8.1; the Mobile IPv6 Home
 * Address, RFC 6275 6.3). Lengths come from the headers, as Linux trims
 * before each checksum (ip_rcv_core, ip6_rcv_core, pppoe_rcv,
 * __udp4_lib_rcv; an IPv4 total length or IPv6 payload length 0 is a
 * TSO/BIG TCP super-frame or a jumbogram, RFC 2675). For userspace,
 * kernel and firmware code; not for BPF programs (the sums are as long as
 * the frame).
 */

/** Most layers and checksums one view holds (more are not listed). */
#ifndef OFL_CSUM_VIEW_MAX_LAYERS
#define OFL_CSUM_VIEW_MAX_LAYERS 24
#endif
#ifndef OFL_CSUM_VIEW_MAX_CHECKS
#define OFL_CSUM_VIEW_MAX_CHECKS 12
#endif

/** What a checksum of the view is (struct ofl_csum_check.kind). */
enum ofl_csum_kind {
	OFL_CSUM_KIND_IPV4 = 0,	/**< IPv4 header checksum */
	OFL_CSUM_KIND_TCP,
	OFL_CSUM_KIND_UDP,
	OFL_CSUM_KIND_ICMP,
	OFL_CSUM_KIND_ICMPV6,
	OFL_CSUM_KIND_IGMP,
	OFL_CSUM_KIND_GRE,	/**< GRE with the C bit (RFC 2784) */
	OFL_CSUM_KIND_SCTP,	/**< CRC32c (RFC 9260 App. B) */
	OFL_CSUM_KIND_COUNT
};

/** A header of the view (struct ofl_csum_view.layers[]). */
enum ofl_csum_view_layer {
	OFL_CSUM_VL_NONE = 0,
	OFL_CSUM_VL_ETH, OFL_CSUM_VL_VLAN, OFL_CSUM_VL_MPLS, OFL_CSUM_VL_PPPOE,
	OFL_CSUM_VL_ARP, OFL_CSUM_VL_IPV4, OFL_CSUM_VL_IPV6,
	OFL_CSUM_VL_HBH,	/**< IPv6 hop-by-hop options */
	OFL_CSUM_VL_DSTOPT,	/**< IPv6 destination options */
	OFL_CSUM_VL_RH,		/**< IPv6 routing header, not type 4 */
	OFL_CSUM_VL_SRH,	/**< SRv6 segment routing header (type 4) */
	OFL_CSUM_VL_FRAG, OFL_CSUM_VL_AH, OFL_CSUM_VL_ESP, OFL_CSUM_VL_TCP,
	OFL_CSUM_VL_UDP, OFL_CSUM_VL_SCTP, OFL_CSUM_VL_ICMP,
	OFL_CSUM_VL_ICMPV6, OFL_CSUM_VL_IGMP, OFL_CSUM_VL_GRE,
	OFL_CSUM_VL_VXLAN, OFL_CSUM_VL_GENEVE,
	OFL_CSUM_VL_ERSPAN,	/**< ERSPAN II/III (not in the graph) */
	OFL_CSUM_VL_COUNT
};

/**
 * enum ofl_csum_why - why the view stopped early, why a checksum cannot be
 * checked, or a note on a verdict (ofl_csum_why_name() gives the text).
 */
enum ofl_csum_why {
	OFL_CSUM_WHY_NONE = 0,
	OFL_CSUM_WHY_PARSE,		/**< the parser's error (stop_err) */
	OFL_CSUM_WHY_TRUNCATED,		/**< covers bytes not captured */
	OFL_CSUM_WHY_MALFORMED,		/**< shorter than its field */
	OFL_CSUM_WHY_MALFORMED_LENGTH,	/**< a length below the headers */
	OFL_CSUM_WHY_SHORT_HEADER,	/**< past the data its length gives */
	OFL_CSUM_WHY_SHORT_EXTHDR,
	OFL_CSUM_WHY_SHORT_ETH, OFL_CSUM_WHY_SHORT_VLAN,
	OFL_CSUM_WHY_SHORT_MPLS, OFL_CSUM_WHY_SHORT_PPPOE,
	OFL_CSUM_WHY_SHORT_IP, OFL_CSUM_WHY_SHORT_IPV4,
	OFL_CSUM_WHY_SHORT_IPV6, OFL_CSUM_WHY_SHORT_GRE,
	OFL_CSUM_WHY_SHORT_UDP, OFL_CSUM_WHY_SHORT_VXLAN,
	OFL_CSUM_WHY_SHORT_GENEVE, OFL_CSUM_WHY_SHORT_ERSPAN,
	OFL_CSUM_WHY_BAD_PPPOE_LEN,	/**< PPPoE length past the frame's */
	OFL_CSUM_WHY_BAD_IPV4_LEN,	/**< IPv4 total length below IHL */
	OFL_CSUM_WHY_BAD_UDP_LEN,	/**< UDP length < 8 or past the IP's */
	OFL_CSUM_WHY_IPV4_LEN_OUTER,	/**< past the outer data */
	OFL_CSUM_WHY_IPV6_LEN_OUTER,	/**< past the outer data */
	OFL_CSUM_WHY_JUMBO_LEN_OUTER,	/**< jumbo length past the outer */
	OFL_CSUM_WHY_BAD_HAO,		/**< Home Address not 16 B */
	OFL_CSUM_WHY_IPV4_FRAGMENT,	/**< L4 covers the whole datagram */
	OFL_CSUM_WHY_IPV6_FRAGMENT,
	OFL_CSUM_WHY_GRE_V1,		/**< GRE version 1 (PPTP) */
	OFL_CSUM_WHY_UNKNOWN_PROTO,
	OFL_CSUM_WHY_UNKNOWN_ETHERTYPE,
	OFL_CSUM_WHY_UDP_ZERO,		/**< no UDP checksum (IPv4) */
	OFL_CSUM_WHY_UDP6_ZERO,		/**< zero UDP sum over IPv6 */
	OFL_CSUM_WHY_COUNT
};

/**
 * struct ofl_csum_check - one checksum of a frame (24 bytes). Offsets are
 * from the frame start (the @frame of ofl_csum_view_from_parse()).
 * @off: the header that holds the checksum.
 * @field: its checksum field (2 bytes, big-endian; SCTP: 4, little-endian).
 * @len: bytes covered from @off (IPv4: the header; L4: the L4 length, as in
 *       the pseudo header; GRE: to the end of the data around it). May
 *       reach past the captured bytes (then @why is TRUNCATED).
 * @saddr_off, @daddr_off: pseudo-header addresses (TCP, UDP, ICMPv6; 4
 *       bytes if @family is 4, 16 if 6): the source (Home Address if the
 *       frame has one) and the final destination. 0 with @family 0.
 * @kind: enum ofl_csum_kind. @family: 4 or 6, the last IP header before
 *       it (0: none). @why: OFL_CSUM_WHY_NONE if it can be checked, else
 *       why not (TRUNCATED, MALFORMED or a length contradiction before it).
 */
struct ofl_csum_check {
	uint32_t off;
	uint32_t field;
	uint32_t len;
	uint32_t saddr_off;
	uint32_t daddr_off;
	uint8_t kind;
	uint8_t family;
	uint8_t why;
	uint8_t reserved;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_csum_check) == 24,
		  "struct ofl_csum_check is 24 bytes");

/**
 * struct ofl_csum_view - a frame's checksums as ofl_csum_view_from_parse()
 * finds them. Capacity-dependent (OFL_CSUM_VIEW_MAX_*): every call takes
 * the caller's sizeof.
 * @nlayers, @layers: the headers walked, outermost first (enum
 *       ofl_csum_view_layer); the first OFL_CSUM_VIEW_MAX_LAYERS.
 * @nchecks, @checks: the checksums in frame order (the first
 *       OFL_CSUM_VIEW_MAX_CHECKS).
 * @stop: OFL_CSUM_WHY_NONE, or why the walk ended before the last header
 *       (@stop_err: the parser's error when @stop is OFL_CSUM_WHY_PARSE).
 * @next: nonzero: an Ethernet frame (inside ERSPAN) starts at this frame
 *       offset; parse it and call ofl_csum_view_from_parse() again with
 *       @base = @next (at most once per frame).
 * @l4, @l4_err: what ofl_csum_layers_from_parse() gives for the first
 *       parse (its list and its return value), found in the same walk:
 *       the L4 checksums Linux verifies on receive, by Linux's rules, for
 *       ofl_csum_verify_complete() and ofl_csum_convert_unnecessary().
 *       Offsets from @frame + @base of the first call.
 * The w_* fields carry the walk from one call to the next: private.
 */
struct ofl_csum_view {
	uint8_t nlayers;
	uint8_t nchecks;
	uint8_t stop;
	uint8_t nparse;
	int16_t stop_err;
	uint16_t reserved;
	uint32_t next;
	uint8_t layers[OFL_CSUM_VIEW_MAX_LAYERS];
	struct ofl_csum_check checks[OFL_CSUM_VIEW_MAX_CHECKS];
	struct ofl_csum_layers l4;
	int16_t l4_err;
	uint16_t l4_reserved;
	uint64_t w_end;
	uint32_t w_src;
	uint32_t w_dst;
	uint8_t w_flags;
	uint8_t w_bad;
	uint8_t w_reserved[6];
};

/**
 * ofl_csum_view_init() - start the view of one frame.
 * @v: the view, fully written. @v_size: sizeof(*@v) as the caller
 *     compiled it (OFL_EINVAL with @v untouched if not the library's).
 * @wire_len: the frame's length on the wire; a capture may hold fewer
 *     bytes (then the checksums over what is missing are TRUNCATED, never
 *     computed over the captured prefix). 0: the captured length.
 * Returns 0 or OFL_EINVAL.
 */
OFL_API int ofl_csum_view_init(struct ofl_csum_view *v, size_t v_size,
			       uint32_t wire_len);

/**
 * ofl_csum_view_from_parse() - add the checksums of a parse to the view.
 * @v, @v_size: as ofl_csum_view_init() set it up (a second call continues
 *     the walk at @v->next).
 * @res, @res_size: ofl_parse() (or ofl_parse_with()) of [@frame + @base,
 *     @end), with the layer list (OFL_PARSE_REQ_LAYERS).
 * @frame, @end: the captured bytes of the whole frame (read: the headers
 *     the parse lists and the one after its last; every read is checked
 *     against @end).
 * @base: where the parse started (after a link header; @v->next on the
 *     second call).
 *
 * Walks the layers outermost first: each header's data must fit in the
 * data of the header around it (a length field past it stops the walk,
 * or marks the later checksums unchecked when the length only contradicts
 * an outer one), a fragment ends the walk, and where the parser stopped
 * without listing a header the one its predecessor names is still
 * reported (its checksum then unchecked, @stop says why). Sets @v->next
 * for the Ethernet frame inside ERSPAN.
 *
 * Returns 0 (the view is complete, or @v->next asks for the next parse);
 * OFL_EINVAL for a NULL argument, a size that is not the library's, a
 * result without the layer list or not of this frame (a layer past
 * @end): the view then holds what was found before it.
 */
OFL_API int ofl_csum_view_from_parse(struct ofl_csum_view *v, size_t v_size,
				     const struct ofl_parse_result *res,
				     size_t res_size, const void *frame,
				     const void *end, uint32_t base);

/**
 * struct ofl_csum_verdict - one checksum of the view, verified (12 bytes).
 * @result: enum ofl_csum_result: GOOD, BAD, NONE (a zero UDP checksum over
 *     IPv4) or UNCHECKED.
 * @why: UNCHECKED: why (the check's own @why, or TRUNCATED); NONE:
 *     UDP_ZERO; BAD: UDP6_ZERO for a zero UDP checksum over IPv6 (RFC 8200
 *     8.1, Linux udp6_csum_init); else OFL_CSUM_WHY_NONE.
 * @partial: BAD, and the stored value is the pseudo-header sum alone (a
 *     CHECKSUM_PARTIAL frame captured before the device completed it).
 * @has_computed: @computed is set (the field and its data were captured).
 * @stored: the field as on the wire: a big-endian 16-bit value, or SCTP's
 *     little-endian 32-bit CRC; set unless the field was not captured.
 * @computed: the value the field should hold, in the same form (a UDP
 *     checksum that computes to 0 is 0xffff, RFC 768).
 */
struct ofl_csum_verdict {
	uint8_t result;
	uint8_t why;
	bool partial;
	bool has_computed;
	uint32_t stored;
	uint32_t computed;
};

/**
 * ofl_csum_check_verify() - compute and verify one checksum of a view.
 * @frame, @end: the captured frame the view was made of.
 * @c: one of @v->checks (a caller may change its addresses, say to try
 *     another pseudo-header destination; they are checked against @end).
 * @out: fully written.
 * IPv4: ofl_csum_ip_fast(); TCP, UDP, ICMPv6: with the pseudo header
 * (ofl_csum_tcpudp_magic(), ofl_csum_ipv6_magic()); ICMP, IGMP, GRE:
 * ofl_csum_partial() folded; SCTP: ofl_csum_sctp().
 * Returns 0, or OFL_EINVAL for a NULL argument or an unknown @c->kind.
 */
OFL_API int ofl_csum_check_verify(const void *frame, const void *end,
				  const struct ofl_csum_check *c,
				  struct ofl_csum_verdict *out);

/**
 * ofl_csum_view_verify() - ofl_csum_check_verify() of every check of @v
 * into @out[0 .. @v->nchecks). Returns 0 if none is BAD, OFL_ECSUM if one
 * is, OFL_EINVAL for NULL or a @v_size that is not the library's.
 */
OFL_API int ofl_csum_view_verify(const struct ofl_csum_view *v,
				 size_t v_size, const void *frame,
				 const void *end,
				 struct ofl_csum_verdict
					 out[OFL_CSUM_VIEW_MAX_CHECKS]);

/** Short names: "ipv4", "tcp", ... ("?" out of range). */
OFL_API const char *ofl_csum_kind_name(unsigned int kind);
/** "eth", "vlan", "hbh", "srh", "erspan", ... ("?" out of range). */
OFL_API const char *ofl_csum_view_layer_name(unsigned int layer);
/** "truncated", "short ipv4", ... ("" for NONE, "?" out of range;
 * OFL_CSUM_WHY_PARSE: ofl_strerror() of the error says more). */
OFL_API const char *ofl_csum_why_name(unsigned int why);

/* ---- UDP zero-checksum rules --------------------------------------- */

/**
 * ofl_csum_udp_mangle0() - the value to transmit for a computed UDP
 * checksum: 0 becomes 0xffff (CSUM_MANGLED_0; RFC 768: an all-zero
 * checksum means "none", and 0xffff is the same value in ones' complement).
 */
OFL_API ofl_sum16 ofl_csum_udp_mangle0(ofl_sum16 check);

/**
 * ofl_csum_udp_zero_rx() - receive rule for a UDP checksum field @check (as
 * stored) over IP @family (4 or 6).
 * @zero_ok6: the socket accepts zero checksums over IPv6 (RFC 6935/6936
 *            tunnels; Linux UDP_NO_CHECK6_RX).
 *
 * Returns 0 if @check is nonzero (verify it); 1 if it is zero and means
 * "no checksum" (IPv4 per RFC 768, or IPv6 with @zero_ok6); OFL_EPROTO if
 * it is zero over IPv6 otherwise (RFC 8200 8.1: discard); OFL_EINVAL for
 * another @family.
 */
OFL_API int ofl_csum_udp_zero_rx(uint8_t family, ofl_sum16 check,
				 bool zero_ok6);

/* ---- CRC32c (SCTP) ------------------------------------------------- */

/**
 * ofl_csum_crc32c() - CRC-32C (Castagnoli, reflected polynomial 0x82f63b78)
 * with Linux crc32c() semantics: @crc is the running value (seed ~0 to
 * start), no final inversion (the caller inverts: ~ofl_csum_crc32c(~0, ...) is
 * the CRC of RFC 3720 B.4). @buf: any alignment, NULL only if @len is 0.
 * Portable slicing-by-8 (8 KiB of const tables; -DOFL_CSUM_CRC32C_SMALL:
 * 1 KiB, one byte per step); userspace x86-64/arm64 builds use the CPU's
 * CRC32C instruction when present, chosen at load time (docs/CSUM.md).
 */
OFL_API uint32_t ofl_csum_crc32c(uint32_t crc, const void *buf, size_t len);

/**
 * ofl_csum_sctp() - the SCTP checksum of the packet [@begin, @end) (common
 * header first), computed as if its checksum field (bytes 8..11) were zero
 * (RFC 9260 App. B; Linux sctp_compute_cksum). The value is ready for a
 * plain 32-bit native store into the field (the wire bytes are the CRC in
 * little-endian order, like the kernel's __le32). Fewer than 12 bytes: 0.
 */
OFL_API uint32_t ofl_csum_sctp(const void *begin, const void *end);

/**
 * ofl_csum_sctp_set() - compute and store the SCTP checksum of [@begin,
 * @end). Returns 0 or OFL_ENODATA (shorter than the 12-byte common header;
 * nothing written).
 */
OFL_API int ofl_csum_sctp_set(void *begin, const void *end);

/**
 * ofl_csum_sctp_verify() - check the SCTP checksum of [@begin, @end).
 * Returns 0 if it matches, OFL_ECSUM if not, OFL_ENODATA if shorter than
 * 12 bytes.
 */
OFL_API int ofl_csum_sctp_verify(const void *begin, const void *end);

OFL_END_DECLS

#endif /* OFL_CSUM_H */
