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
 * returned unchanged). No function here can fail.
 */
#ifndef OFL_CSUM_H
#define OFL_CSUM_H

#include "config.h"
#include "types.h"

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
 * ofl_csum_span() - ofl_csum_partial() over the view [@begin, @end).
 * @begin: first byte.
 * @end: one past the last byte; @end < @begin counts as an empty view.
 * @sum: sum to add to.
 *
 * In BPF programs this is the verifier-friendly form: every read is checked
 * against @end, and the view may be at most OFL_CSUM_BPF_MAX_SPAN bytes;
 * bytes past that bound are not summed (natively there is no bound).
 */
OFL_API ofl_wsum ofl_csum_span(const void *begin, const void *end,
			       ofl_wsum sum);

/** Largest view ofl_csum_span() sums in a BPF program (jumbo frames). */
#ifndef OFL_CSUM_BPF_MAX_SPAN
#define OFL_CSUM_BPF_MAX_SPAN 9216
#endif

/**
 * ofl_csum_add() - add two partial sums with end-around carry (csum_add).
 */
OFL_API ofl_wsum ofl_csum_add(ofl_wsum a, ofl_wsum b);

/**
 * ofl_csum_sub() - subtract partial sum @b from @a (Linux csum_sub).
 */
OFL_API ofl_wsum ofl_csum_sub(ofl_wsum a, ofl_wsum b);

/**
 * ofl_csum_block_add() - add the sum @sum2 of a block that starts @offset
 * bytes after the start of the block summed into @sum (Linux csum_block_add):
 * an odd offset swaps the bytes of @sum2 first.
 */
OFL_API ofl_wsum ofl_csum_block_add(ofl_wsum sum, ofl_wsum sum2,
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
 * (read and written with plain 16-bit loads/stores).
 */
OFL_API ofl_sum16 ofl_csum_update16(ofl_sum16 check, uint16_t old_word,
				    uint16_t new_word);

/**
 * ofl_ip_fast_csum() - checksum of an IPv4 header (Linux ip_fast_csum).
 * @iph: the header, any alignment.
 * @ihl: header length in 32-bit words, 5..15 (other values: result is for
 *       min(max(ihl,5),15) words and the caller has a malformed header).
 *
 * Returns the value to store in the checksum field when that field is zero
 * in @iph; over a header with a correct checksum in place it returns 0.
 */
OFL_API ofl_sum16 ofl_ip_fast_csum(const void *iph, unsigned int ihl);

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

OFL_END_DECLS

#endif /* OFL_CSUM_H */
