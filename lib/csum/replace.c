// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Checksum updates that know the frame's checksum state, as Linux
 * net/core/utils.c inet_proto_csum_replace4/16/by_diff (and the
 * inet_proto_csum_replace2 wrapper of include/net/checksum.h).
 *
 * Three cases, as the kernel:
 *  - not PARTIAL: the stored checksum is complete; update it (RFC 1624).
 *    Under COMPLETE with an IPv4 pseudo-header field, the address change
 *    cancels against the IPv4 header checksum change, so the frame sum
 *    moves by the L4 checksum's change only and skb->csum follows it. An
 *    IPv6 address has no header checksum to cancel it: it cancels against
 *    the L4 checksum change, and skb->csum stays (replace16, and
 *    replace_by_diff with ipv6 since 6.16).
 *  - PARTIAL: the field holds the uncomplemented, folded pseudo-header sum
 *    that the device will complete; only a pseudo-header change touches it.
 */
#include "internal.h"

OFL_INLINE ofl_sum16 ofl__csum_get_check(const void *check)
{
	return (OFL_FORCE ofl_sum16)ofl_load_ne16(check);
}

OFL_INLINE void ofl__csum_put_check(void *check, ofl_sum16 v)
{
	ofl_store_ne16(check, (OFL_FORCE uint16_t)v);
}

OFL_INLINE ofl_wsum ofl__csum_not(ofl_wsum v)
{
	return ofl__csum_w(~ofl__csum_u(v));
}

/* Partial sum of { ~from[0..3], to[0..3] } (the kernel's diff[] array). */
OFL_INLINE ofl_wsum ofl__csum_diff16(const uint8_t from[16],
				     const uint8_t to[16], ofl_wsum sum)
{
	uint64_t acc = ofl__csum_u(sum);
	unsigned int i;

	for (i = 0; i < 16; i += 4) {
		acc += (uint32_t)~ofl_load_ne32(from + i);
		acc += ofl_load_ne32(to + i);
	}
	return ofl__csum_w(ofl__csum_fold64(acc));
}

OFL_API void ofl_csum_proto_replace4(void *check, struct ofl_csum_state *st,
				     ofl_be32 from, ofl_be32 to,
				     bool pseudohdr)
{
	ofl_wsum f = ofl__csum_w((OFL_FORCE uint32_t)from);
	ofl_wsum t = ofl__csum_w((OFL_FORCE uint32_t)to);
	ofl_sum16 c = ofl__csum_get_check(check);

	if (st->ip_summed != OFL_CHECKSUM_PARTIAL) {
		ofl__csum_put_check(check, ofl_csum_replace4(c, from, to));
		if (st->ip_summed == OFL_CHECKSUM_COMPLETE && pseudohdr)
			st->csum = ofl__csum_not(ofl_csum_add(
				ofl_csum_sub(ofl__csum_not(st->csum), f), t));
	} else if (pseudohdr) {
		ofl_sum16 n = ofl_csum_fold(ofl_csum_add(
			ofl_csum_sub(ofl_csum_unfold(c), f), t));

		ofl__csum_put_check(check,
				    (OFL_FORCE ofl_sum16)(uint16_t)~n);
	}
}

OFL_API void ofl_csum_proto_replace2(void *check, struct ofl_csum_state *st,
				     ofl_be16 from, ofl_be16 to,
				     bool pseudohdr)
{
	uint32_t f = (OFL_FORCE uint16_t)from, t = (OFL_FORCE uint16_t)to;

	ofl_csum_proto_replace4(check, st, (OFL_FORCE ofl_be32)f,
				(OFL_FORCE ofl_be32)t, pseudohdr);
}

OFL_API void ofl_csum_proto_replace16(void *check, struct ofl_csum_state *st,
				      const uint8_t from[16],
				      const uint8_t to[16], bool pseudohdr)
{
	ofl_sum16 c = ofl__csum_get_check(check);

	if (st->ip_summed != OFL_CHECKSUM_PARTIAL) {
		/* no skb->csum update: the address and the L4 checksum
		 * changes cancel in the frame sum (the kernel's comment) */
		ofl__csum_put_check(check, ofl_csum_fold(ofl__csum_diff16(
				from, to, ofl__csum_not(ofl_csum_unfold(c)))));
	} else if (pseudohdr) {
		ofl_sum16 n = ofl_csum_fold(
			ofl__csum_diff16(from, to, ofl_csum_unfold(c)));

		ofl__csum_put_check(check,
				    (OFL_FORCE ofl_sum16)(uint16_t)~n);
	}
}

OFL_API void ofl_csum_proto_replace_by_diff(void *check,
					    struct ofl_csum_state *st,
					    ofl_wsum diff, bool pseudohdr,
					    bool ipv6)
{
	ofl_sum16 c = ofl__csum_get_check(check);

	if (st->ip_summed != OFL_CHECKSUM_PARTIAL) {
		ofl__csum_put_check(check, ofl_csum_replace_by_diff(c, diff));
		if (st->ip_summed == OFL_CHECKSUM_COMPLETE && pseudohdr &&
		    !ipv6)
			st->csum = ofl__csum_not(ofl_csum_sub(diff, st->csum));
	} else if (pseudohdr) {
		ofl_sum16 n = ofl_csum_fold(
			ofl_csum_add(diff, ofl_csum_unfold(c)));

		ofl__csum_put_check(check,
				    (OFL_FORCE ofl_sum16)(uint16_t)~n);
	}
}
