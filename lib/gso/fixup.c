// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Per-segment header fix-up: what the kernel's GSO callbacks do to each
 * segment after skb_segment() copied the headers, innermost first (the order
 * in which the callbacks return): the L4 header (tcp_gso_segment,
 * __udp_gso_segment), the inner IP header (inet_gso_segment /
 * ipv6_gso_segment at encap level 1), the tunnel header
 * (__skb_udp_tunnel_segment, gre_gso_segment), the outer IP header.
 *
 * Every access is checked against @end before it happens, offsets are
 * compared with constants first, loops have constant bounds: this file is
 * also compiled into BPF objects (tests/gso/gso_fixup.bpf.c).
 */
#include "internal.h"

/* Sum of @len bytes at @p as host-order 16-bit words (csum_partial of an
 * even-aligned block), reading nothing at or past @end: 32-bit words into
 * a 64-bit accumulator (congruent mod 0xffff to the 16-bit words, and
 * nonzero exactly when they are: the same folded checksum), then a 16-bit
 * word and a byte. The pointer steps by constants so that the BPF
 * verifier keeps its range (with an index, clang's 32-bit arithmetic left
 * "invalid access to packet ... r=0"). */
OFL_PRIVATE ofl_wsum ofl__gso_hsum(const uint8_t *p, const uint8_t *end,
				   uint32_t len)
{
	uint64_t s = 0;
	uint32_t k, words = len / 4;
	uint8_t t[2];
#if !defined(OFL_BPF)
	/* Native: how many words fit before @end (and the loop bound) is
	 * worked out once, then two chains of plain loads: the same words as
	 * the checked loop below, which BPF needs (the verifier sees each
	 * check), at about half the instructions. Kept scalar (OFL_OPAQUE):
	 * a vector load across several of the header copy's 8-byte stores
	 * would not be forwarded from them (ofl__gso_copy_hdr). */
	uint64_t s2 = 0;
	uint32_t n = OFL_GSO_MAX_HDR / 4;

	if (end <= p)
		n = 0;
	else if ((size_t)(end - p) / 4 < n)
		n = (uint32_t)((size_t)(end - p) / 4);
	if (words < n)
		n = words;
	for (k = 0; k < OFL_GSO_MAX_HDR / 4; k += 2) {
		if (k + 2 > n)
			break;
		s += ofl_load_ne32(p + 4 * k);
		s2 += ofl_load_ne32(p + 4 * k + 4);
		OFL_OPAQUE(k);
	}
	if (k < n)
		s += ofl_load_ne32(p + 4 * k);
	s += s2;
	k = n;
	p += 4 * n;
#else
	/* BPF: a walking pointer of its own, or clang reuses it for a later
	 * store into the header and the verifier, on the "ran past @end"
	 * path, says "R3 offset is outside of the packet" */
	OFL__GSO_PIN(p);
	for (k = 0; k < OFL_GSO_MAX_HDR / 4; k++) {
		if (k >= words || p + 4 > end)
			break;
		s += ofl_load_ne32_mem(p);
		p += 4;
	}
#endif
	if (k == words && (len & 2) && p + 2 <= end) {
		s += ofl_load_ne16(p);
		p += 2;
	}
	if (k == words && (len & 1) && p + 1 <= end) {
		t[0] = p[0];
		t[1] = 0;
		s += ofl_load_ne16(t);
	}
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffffffu) + (s >> 32);
	return (OFL_FORCE ofl_wsum)(uint32_t)s;
}

/* The value the kernel keeps in SKB_GSO_CB(skb)->csum after the L4 fix-up
 * (gso_reset_checksum / gso_make_checksum with res = ~check): the sum of
 * the L4 segment once its checksum is filled in (local checksum offload). */
OFL_INLINE ofl_wsum ofl__gso_lco(uint16_t partial_check)
{
	return (OFL_FORCE ofl_wsum)~(uint32_t)partial_check;
}

/* tcp_gso_segment(): sequence, FIN/PSH/CWR, checksum. */
OFL_PRIVATE int ofl__gso_fix_tcp(uint8_t *th, const uint8_t *end,
				 const struct ofl_gso_meta *m,
				 const struct ofl_gso_fix *f, uint32_t thlen,
				 ofl_wsum *lco, uint32_t *l4sum)
{
	uint32_t delta, seq, w4, w12, w16;
	ofl_wsum hs = 0;
	uint16_t check;
	uint8_t fl, t[2];

	if (th + 20 > end)
		return OFL_ENODATA;
	OFL__GSO_PIN(th);
	/* Complete checksum: the header's sum is taken before the fields
	 * below change, then those words are swapped in the sum (ones'
	 * complement: the same folded value as summing the header after,
	 * which would read back bytes just stored, a store-forwarding stall
	 * per segment). The header sum is nonzero (data offset), so the
	 * fold below cannot differ between the two ways. */
	w4 = ofl_load_ne32(th + 4);
	w12 = ofl_load_ne16(th + 12);
	w16 = ofl_load_ne16(th + 16);
	if (!(f->flags & OFL_GSO_F_CSUM_PARTIAL)) {
		/* ofl_gso_next() copies the same header bytes for every
		 * segment, so their sum is the same each time: it keeps it
		 * in the iterator (*@l4sum, 0 until taken: a TCP header's
		 * sum is nonzero, its data offset is) */
		if (!*l4sum)
			*l4sum = (OFL_FORCE uint32_t)ofl__gso_hsum(th, end,
								   thlen);
		hs = (OFL_FORCE ofl_wsum)*l4sum;
	}
	seq = ofl_load_be32(th + 4) + f->payload_off;
	ofl_store_be32(th + 4, seq);
	fl = th[13];
	if (!f->last)
		fl &= (uint8_t)~(OFL__GSO_TCP_FIN | OFL__GSO_TCP_PSH);
	if (!f->first && !(m->gso_type & OFL_GSO_TCP_ACCECN))
		fl &= (uint8_t)~OFL__GSO_TCP_CWR;
	th[13] = fl;
	/* newcheck = ~csum_fold(csum_add(csum_unfold(th->check),
	 *                       htonl(oldlen + thlen + mss))), oldlen = ~len */
	delta = ~(thlen + f->total_len) + thlen + f->payload_len;
	check = ofl_load_ne16(th + 16);
	check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
		(OFL_FORCE ofl_wsum)(uint32_t)check,
		(OFL_FORCE ofl_wsum)ofl_htonl(delta)));
	ofl_store_ne16(th + 16, check);
	*lco = ofl__gso_lco(check);
	if (f->flags & OFL_GSO_F_CSUM_PARTIAL)
		return 0;
	/* gso_make_checksum(): the header with the partial sum in place,
	 * plus the payload */
	t[0] = th[12];
	t[1] = fl;
	hs = ofl_csum_sub(hs, ofl_csum_add((OFL_FORCE ofl_wsum)w4,
					   (OFL_FORCE ofl_wsum)(w12 + w16)));
	hs = ofl_csum_add(hs, ofl_csum_add(
		(OFL_FORCE ofl_wsum)ofl_htonl(seq),
		(OFL_FORCE ofl_wsum)((uint32_t)ofl_load_ne16(t) + check)));
	check = (OFL_FORCE uint16_t)ofl_csum_fold(
		ofl_csum_add(hs, f->payload_sum));
	ofl_store_ne16(th + 16, check);
	return 0;
}

/* __udp_gso_segment(): length and checksum. */
OFL_PRIVATE int ofl__gso_fix_udp(uint8_t *uh, const uint8_t *end,
				 const struct ofl_gso_fix *f, ofl_wsum *lco)
{
	uint16_t newlen, check;

	if (uh + 8 > end)
		return OFL_ENODATA;
	OFL__GSO_PIN(uh);
	newlen = ofl_htons(8 + f->payload_len);
	/* check = csum16_add(csum16_sub(uh->check, uh->len), newlen) */
	check = ofl__gso_csum16_add(
		ofl__gso_csum16_sub(ofl_load_ne16(uh + 6), ofl_load_ne16(uh + 4)),
		newlen);
	ofl_store_ne16(uh + 4, newlen);
	ofl_store_ne16(uh + 6, check);
	*lco = ofl__gso_lco(check);
	if (f->flags & OFL_GSO_F_CSUM_PARTIAL)
		return 0;
	/* the 8 header bytes: the ports word as copied and the two fields
	 * just stored, from registers (reading those stores back inside a
	 * 32-bit load would wait for them to reach the cache); newlen is
	 * nonzero, so the sum is, as the bytes' sum is */
	check = (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
		ofl_csum_add((OFL_FORCE ofl_wsum)ofl_load_ne32(uh),
			     (OFL_FORCE ofl_wsum)((uint32_t)newlen + check)),
		f->payload_sum));
	if (!check)
		check = 0xffff; /* CSUM_MANGLED_0 */
	ofl_store_ne16(uh + 6, check);
	return 0;
}

/* inet_gso_segment() / ipv6_gso_segment() per segment: lengths, ID,
 * header checksum (ip_send_check). @seglen is the segment's length from
 * the MAC header (for GSO_PARTIAL: as if it held one gso_size). */
OFL_PRIVATE int ofl__gso_fix_ip(uint8_t *hdr, const uint8_t *end,
				uint32_t off, uint32_t seglen, uint32_t id_delta,
				int fixedid)
{
	uint8_t *ip;
	uint32_t ihl;

	if (off >= OFL_GSO_MAX_HDR)
		return OFL_ENODATA;
	ip = hdr + off;
	if (ip + 20 > end)
		return OFL_ENODATA;
	OFL__GSO_PIN(ip);
	if ((ip[0] >> 4) == 6) {
		if (ip + 40 > end)
			return OFL_ENODATA;
		ofl_store_be16(ip + 4, (uint16_t)(seglen - off - 40));
		return 0;
	}
	ihl = (uint32_t)(ip[0] & 15) * 4;
	if (ihl >= 20) {
		/* The header's sum before the stores below, then the three
		 * fields they change swapped in it (ones' complement, as in
		 * ofl__gso_fix_tcp): summing after them would read back the
		 * 16-bit stores inside 32-bit loads, which waits for them to
		 * reach the cache. ihl >= 5: the sum is nonzero either way
		 * and folds to the same value. */
		ofl_wsum hs = ofl__gso_hsum(ip, end, ihl);
		uint16_t id = ofl_load_ne16(ip + 4);
		uint16_t tot = ofl_htons((uint16_t)(seglen - off));
		uint32_t old = (uint32_t)ofl_load_ne16(ip + 2) + id +
			       ofl_load_ne16(ip + 10);

		if (!fixedid)
			id = ofl_htons((uint16_t)(ofl_ntohs(id) + id_delta));
		ofl_store_ne16(ip + 2, tot);
		ofl_store_ne16(ip + 4, id);
		hs = ofl_csum_add(ofl_csum_sub(hs, (OFL_FORCE ofl_wsum)old),
				  (OFL_FORCE ofl_wsum)((uint32_t)tot + id));
		ofl_store_ne16(ip + 10,
			       (OFL_FORCE uint16_t)ofl_csum_fold(hs));
		return 0;
	}
	/* ihl < 20: a bogus header, which ofl_gso_fixup() takes as the
	 * caller's metadata gives it (ofl_gso_init() rejects it). Its ihl
	 * bytes may miss the length, ID or checksum field (offsets 2, 4,
	 * 10), or be none at all, so swapping them in the sum as above
	 * would be wrong: store, then sum what ihl covers, as this always
	 * did, so that the output stays the same. */
	ofl_store_be16(ip + 2, (uint16_t)(seglen - off));
	if (!fixedid)
		ofl_store_be16(ip + 4,
			       (uint16_t)(ofl_load_be16(ip + 4) + id_delta));
	ip[10] = 0;
	ip[11] = 0;
	ofl_store_ne16(ip + 10, (OFL_FORCE uint16_t)ofl_csum_fold(
					ofl__gso_hsum(ip, end, ihl)));
	return 0;
}

/* __skb_udp_tunnel_segment() per segment: outer UDP length (with
 * GSO_PARTIAL, of a gso_size segment: "gso_size + data_offset - uh"); with
 * a checksum: partial = csum_sub(unfold(uh->check), htonl(skb->len)) (the
 * input's length: the input never carries SKB_GSO_PARTIAL here, so not
 * uh->len), uh->check = ~csum_fold(csum_add(partial, htonl(len))) with the
 * segment's real length even for a GSO_PARTIAL segment, then completed
 * over the tunnel headers plus the inner L4 sum (gso_make_checksum), 0 sent
 * as 0xffff. For a GSO_PARTIAL segment the longer pseudo-header length and
 * the inner sum's longer pseudo-header cancel, so the checksum is right
 * for every gso_size segment the device cuts with these headers copied.
 * @region: bytes from the UDP header to the inner L4 header. */
OFL_PRIVATE int ofl__gso_fix_udp_tunnel(uint8_t *uh, const uint8_t *end,
					const struct ofl_gso_meta *m,
					const struct ofl_gso_fix *f,
					uint32_t seglen, uint32_t ipseglen,
					uint32_t region, ofl_wsum lco)
{
	uint32_t t = m->transport_off;
	uint32_t tot = m->hdr_len - t + f->total_len;
	uint16_t c;

	if (uh + 8 > end)
		return OFL_ENODATA;
	OFL__GSO_PIN(uh);
	ofl_store_be16(uh + 4, (uint16_t)(ipseglen - t));
	if (!(m->gso_type & OFL_GSO_UDP_TUNNEL_CSUM))
		return 0;
	c = ofl_load_ne16(uh + 6);
	c = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
		ofl_csum_sub((OFL_FORCE ofl_wsum)(uint32_t)c,
			     (OFL_FORCE ofl_wsum)ofl_htonl(tot)),
		(OFL_FORCE ofl_wsum)ofl_htonl(seglen - t)));
	ofl_store_ne16(uh + 6, c);
	c = (OFL_FORCE uint16_t)ofl_csum_fold(
		ofl_csum_add(ofl__gso_hsum(uh, end, region), lco));
	if (!c)
		c = 0xffff; /* CSUM_MANGLED_0 */
	ofl_store_ne16(uh + 6, c);
	return 0;
}

/* gre_gso_segment() per segment: the checksum over GRE header and
 * everything after it, the reserved1 field zeroed. A GSO_PARTIAL segment
 * (@adj: its payload minus gso_size, else 0) first gets
 * ~csum_fold(htonl(adj)) in the checksum field ("partial_adj"): the sum is
 * then right for each gso_size segment the device cuts with these headers
 * copied, whose inner L4 sum (pseudo-header length) is smaller by adj. */
OFL_PRIVATE int ofl__gso_fix_gre(uint8_t *gh, const uint8_t *end,
				 uint32_t region, ofl_wsum lco, uint32_t adj)
{
	if (gh + 8 > end)
		return OFL_ENODATA;
	OFL__GSO_PIN(gh);
	gh[4] = 0;
	gh[5] = 0;
	gh[6] = 0;
	gh[7] = 0;
	if (adj) {
		ofl_wsum a = (OFL_FORCE ofl_wsum)ofl_htonl(adj);

		ofl_store_ne16(gh + 4, (uint16_t)~(OFL_FORCE uint16_t)
					       ofl_csum_fold(a));
	}
	ofl_store_ne16(gh + 4, (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
				       ofl__gso_hsum(gh, end, region), lco)));
	return 0;
}

/* Tunnel layers: inner IP, tunnel header, and return for the outer IP. */
OFL_PRIVATE int ofl__gso_fix_tunnel(uint8_t *hdr, const uint8_t *end,
				    const struct ofl_gso_meta *m,
				    const struct ofl_gso_fix *f, uint32_t l4,
				    uint32_t seglen, uint32_t ipseglen,
				    ofl_wsum lco)
{
	uint32_t t = m->transport_off, type = m->gso_type;
	int err;

	err = ofl__gso_fix_ip(hdr, end, m->inner_network_off, ipseglen,
			      f->id_delta,
			      !!(type & OFL_GSO_TCP_FIXEDID_INNER));
	if (err || !(type & (OFL__GSO_UDPT_MASK | OFL_GSO_GRE_CSUM)))
		return err;
	if (t >= l4 || l4 > OFL_GSO_MAX_HDR)
		return OFL_ENODATA;
	if (type & OFL__GSO_UDPT_MASK)
		return ofl__gso_fix_udp_tunnel(hdr + t, end, m, f, seglen,
					       ipseglen, l4 - t, lco);
	return ofl__gso_fix_gre(hdr + t, end, l4 - t, lco,
				f->gso_segs > 1 ? f->payload_len - m->gso_size
						: 0);
}

/* ofl_gso_fixup() with the TCP header sum kept in *@l4sum (0: not taken
 * yet), for ofl_gso_next(). */
OFL_PRIVATE int ofl__gso_fixup(uint8_t *hdr, const uint8_t *end,
			       const struct ofl_gso_meta *m,
			       const struct ofl_gso_fix *f, uint32_t *l4sum)
{
	uint32_t hl, l4, seglen, ipseglen, type;
	ofl_wsum lco = 0;
	int err;

	if (!hdr || !end || !m || !f)
		return OFL_EINVAL;
	hl = m->hdr_len;
	type = m->gso_type;
	l4 = ofl__gso_l4_off(m);
	if (hl > OFL_GSO_MAX_HDR || l4 >= hl || hdr + hl > end)
		return OFL_ENODATA;
	seglen = hl + f->payload_len;
	/* GSO_PARTIAL: IP and tunnel lengths for one gso_size segment */
	ipseglen = f->gso_segs > 1 ? hl + m->gso_size : seglen;
	if (type & OFL_GSO_UDP_L4)
		err = ofl__gso_fix_udp(hdr + l4, end, f, &lco);
	else
		err = ofl__gso_fix_tcp(hdr + l4, end, m, f, hl - l4, &lco,
				       l4sum);
	if (err)
		return err;
	if (type & OFL_GSO_TUNNEL_MASK) {
		err = ofl__gso_fix_tunnel(hdr, end, m, f, l4, seglen, ipseglen,
					  lco);
		if (err)
			return err;
	}
	return ofl__gso_fix_ip(hdr, end, m->network_off, ipseglen, f->id_delta,
			       !!(type & OFL_GSO_TCP_FIXEDID));
}

OFL_API int ofl_gso_fixup(uint8_t *hdr, const uint8_t *end,
			  const struct ofl_gso_meta *m,
			  const struct ofl_gso_fix *f)
{
	uint32_t l4sum = 0;

	return ofl__gso_fixup(hdr, end, m, f, &l4sum);
}
