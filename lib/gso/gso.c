// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The segment iterator: validation of the super-frame against its metadata
 * (what the kernel's GSO callbacks refuse), then per segment a copy of the
 * headers (skb_segment copies them from the original for every segment),
 * ofl_gso_fixup(), and the payload slice, walked over the fragments.
 */
#include "internal.h"

/* Largest frame accepted (bound of the copy loops). */
#define OFL__GSO_MAX_FRAME (1u << 24)
/* Linux GSO_BY_FRAGS: skb_segment() caps a GSO_PARTIAL segment's payload
 * below it. */
#define OFL__GSO_BY_FRAGS 0xffffu

/* An IP header at @off whose upper layer (after IPv6 extension headers, as
 * ipv6_gso_pull_exthdrs() skips them) must start at @next with protocol
 * @pa or @pb. Returns the IP version or a negative error. */
OFL_PRIVATE int ofl__gso_check_ip(const uint8_t *p, uint32_t hl, uint32_t off,
				  uint32_t next, uint8_t pa, uint8_t pb)
{
	uint32_t pos, i;
	uint8_t nh;

	if (off + 20 > hl)
		return OFL_ENODATA;
	if ((p[off] >> 4) == 4) {
		if ((p[off] & 15) < 5 || off + (p[off] & 15u) * 4 != next)
			return OFL_EINVAL;
		nh = p[off + 9];
		return (nh == pa || nh == pb) ? 4 : OFL_EINVAL;
	}
	if ((p[off] >> 4) != 6 || off + 40 > hl)
		return OFL_EINVAL;
	nh = p[off + 6];
	pos = off + 40;
	for (i = 0; i < OFL_MAX_EXTHDRS; i++) {
		if (!ofl_proto_ipv6_gso_ext(nh))
			break;
		if (pos + 8 > hl)
			return OFL_ENODATA;
		nh = p[pos];
		pos += ofl_proto_ipv6_ext_len(OFL_IPPROTO_HOPOPTS, p + pos);
	}
	if (pos != next || (nh != pa && nh != pb))
		return OFL_EINVAL;
	return 6;
}

/* Offsets, protocols and checksum metadata against the headers. */
OFL_PRIVATE int ofl__gso_check_layout(const uint8_t *p,
				      const struct ofl_gso_meta *m)
{
	uint32_t type = m->gso_type, hl = m->hdr_len, t = m->transport_off;
	uint32_t l4 = ofl__gso_l4_off(m), ipo = ofl__gso_ip_off(m);
	uint8_t proto = (type & OFL_GSO_UDP_L4) ? 17 : 6;
	int v;

	if (type & OFL_GSO_TUNNEL_MASK) {
		uint32_t in = m->inner_network_off;
		uint8_t pa, pb;

		if (!(t < hl && in < l4 && t <= in &&
		      ((type & OFL__GSO_IPXIP_MASK) ? t == in : t < in)))
			return OFL_EINVAL;
		if (in + 20 > hl)
			return OFL_ENODATA;
		if (type & OFL__GSO_UDPT_MASK) {
			pa = pb = OFL_IPPROTO_UDP;
			if (t + 8 > in)
				return OFL_EINVAL;
		} else if (type & OFL__GSO_GRE_MASK) {
			pa = pb = OFL_IPPROTO_GRE;
			if (t + ((type & OFL_GSO_GRE_CSUM) ? 8u : 4u) > in)
				return OFL_EINVAL;
			if ((type & OFL_GSO_GRE_CSUM) && !(p[t] & 0x80))
				return OFL_EINVAL;
		} else {
			/* IPXIP: the outer protocol, after any IPv6
			 * extension headers (ip6tnl's encapsulation limit
			 * option: ipv6_gso_segment pulls it, then
			 * ip4ip6_gso_segment / ip6ip6_gso_segment), names
			 * the inner IP version; the inner check below
			 * refuses a version that is neither 4 nor 6 */
			pa = pb = (p[in] >> 4) == 4 ? OFL_IPPROTO_IPIP :
							OFL_IPPROTO_IPV6;
		}
		v = ofl__gso_check_ip(p, hl, m->network_off, t, pa, pb);
		if (v < 0)
			return v;
		if (((type & OFL_GSO_IPXIP4) && v != 4) ||
		    ((type & OFL_GSO_IPXIP6) && v != 6))
			return OFL_EINVAL;
	} else if (m->inner_network_off || m->inner_transport_off) {
		return OFL_EINVAL;
	}
	if (l4 >= hl)
		return OFL_EINVAL;
	v = ofl__gso_check_ip(p, hl, ipo, l4, proto, proto);
	if (v < 0)
		return v;
	if (((type & OFL_GSO_TCPV4) && v != 4) ||
	    ((type & OFL_GSO_TCPV6) && v != 6))
		return OFL_EINVAL;
	/* FIXEDID with DF clear is accepted: 6.18's inet_gso_segment no
	 * longer refuses it ("net: gro: remove unnecessary df checks", the
	 * change that lets GRO merge such flows) */
	if (proto == OFL_IPPROTO_TCP ?
	    (l4 + OFL_TCP_MIN_HLEN > hl ||
	     l4 + ofl_proto_tcp_hlen(p + l4) != hl) :
	    l4 + OFL_UDP_HLEN != hl)
		return OFL_EINVAL;
	if (m->ip_summed == OFL_CHECKSUM_PARTIAL &&
	    (m->csum_start != l4 ||
	     m->csum_offset != (proto == OFL_IPPROTO_TCP ? 16 : 6)))
		return OFL_EINVAL;
	if (m->ip_summed != OFL_CHECKSUM_PARTIAL &&
	    m->ip_summed != OFL_CHECKSUM_NONE)
		return OFL_EINVAL;
	return 0;
}

/* Folded pseudo-header sum (not complemented) for the L4 header at @l4
 * under the IP header at @ipo: __tcp_v4_send_check / __tcp_v6_send_check
 * and udp4_ufo_send_check put it in the checksum field. */
OFL_PRIVATE uint16_t ofl__gso_pseudo(const uint8_t *p, uint32_t ipo,
				     uint32_t len, uint8_t proto)
{
	if ((p[ipo] >> 4) == 4)
		return (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_tcpudp_magic(
			(OFL_FORCE ofl_be32)ofl_load_ne32(p + ipo + 12),
			(OFL_FORCE ofl_be32)ofl_load_ne32(p + ipo + 16), len,
			proto, 0);
	return (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_ipv6_magic(
		p + ipo + 8, p + ipo + 24, len, proto, 0);
}

/* Move the cursor past fragment ends (and empty fragments). */
OFL_PRIVATE void ofl__gso_norm(struct ofl_gso_iter *it)
{
	uint32_t k;

	for (k = 0; k < OFL_GSO_MAX_FRAGS; k++) {
		if (it->frag >= it->nr_frags ||
		    it->frag_off < it->frags[it->frag].len)
			break;
		it->frag++;
		it->frag_off = 0;
	}
}

/*
 * Segment sizes, as skb_segment() cuts: gso_size each, or for a
 * GSO_PARTIAL device (NETIF_F_GSO_PARTIAL, which skb_segment() uses only
 * together with SG and checksum offload, here OFL_GSO_F_CSUM_PARTIAL)
 * partial_segs = min(len, GSO_BY_FRAGS - 1) / gso_size segments of
 * gso_size each per output segment (when that is more than one; else a
 * plain cut and no SKB_GSO_PARTIAL on the segments), then the rest.
 */
OFL_PRIVATE int ofl__gso_sizes(struct ofl_gso_iter *it)
{
	struct ofl_gso_meta *m = &it->m;
	uint32_t total = it->total_len, mss = m->gso_size, k, v6;

	if (total <= mss)
		return OFL_ERANGE;
	if ((total + mss - 1) / mss > OFL_GSO_MAX_SEGS)
		return OFL_E2BIG;
	if ((m->gso_type & OFL_GSO_UDP_L4) &&
	    (total + mss - 1) / mss > OFL_GSO_UDP_MAX_SEGS)
		return OFL_E2BIG;
	it->step = mss;
	k = (total < OFL__GSO_BY_FRAGS - 1 ? total : OFL__GSO_BY_FRAGS - 1) /
	    mss;
	if (!(it->flags & OFL_GSO_F_CSUM_PARTIAL) || k < 2)
		m->gso_type &= ~(uint32_t)OFL_GSO_PARTIAL;
	if (m->gso_type & OFL_GSO_PARTIAL)
		it->step = mss * k;
	it->count = (total + it->step - 1) / it->step;
	/* IP lengths are written for one gso_size segment in every case
	 * (inet_gso_segment, ipv6_gso_segment with gso_partial) */
	v6 = (it->frags[0].data[m->network_off] >> 4) == 6 ? 40 : 0;
	if (m->hdr_len + mss - m->network_off - v6 > 0xffff)
		return OFL_EOVERFLOW;
	if ((m->gso_type & OFL_GSO_UDP_L4) && 8 + it->step > 0xffff)
		return OFL_EOVERFLOW;
	return 0;
}

/*
 * BIG TCP: ipv6_gso_segment() first removes the hop-by-hop jumbo header
 * that GRO or the TCP stack put in front of TCP (ipv6_hopopt_jumbo_remove,
 * ipv6_has_hopopt_jumbo: more than GRO_LEGACY_MAX_SIZE bytes from the
 * IPv6 header on, next header HOP, then an 8-byte header with next header
 * TCP, length 0 and the jumbo option type; its length is not read). The
 * segments are then cut as if the frame never had it: the headers are
 * written without those 8 bytes (ofl_gso_next) and the IPv6 next header
 * becomes TCP. The pseudo-header sums above were taken with the TCP
 * length, which the 8 bytes do not change. Not inside a tunnel: there
 * skb->protocol is the tunnel's inner protocol (ETH_P_TEB for VXLAN), not
 * IPv6, so ipv6_has_hopopt_jumbo() says no and 6.18 keeps the header in
 * every segment (tests/gso/big_tunnel_sock.py, docs/GSO.md).
 */
OFL_PRIVATE void ofl__gso_jumbo(struct ofl_gso_iter *it, const uint8_t *p,
				uint32_t frame_len)
{
	struct ofl_gso_meta *m = &it->m;
	uint32_t ipo = m->network_off;

	if (m->gso_type & OFL_GSO_TUNNEL_MASK || !(m->gso_type & OFL_GSO_TCPV6) ||
	    frame_len - ipo <= 65536u || ipo + 48 > m->hdr_len ||
	    (p[ipo] >> 4) != 6 || p[ipo + 6] != OFL_IPPROTO_HOPOPTS ||
	    p[ipo + 40] != OFL_IPPROTO_TCP || p[ipo + 41] != 0 ||
	    p[ipo + 42] != OFL_IPV6_TLV_JUMBO)
		return;
	it->jumbo = 8;
	m->transport_off = (uint16_t)(m->transport_off - 8);
	m->hdr_len = (uint16_t)(m->hdr_len - 8);
	if (m->ip_summed == OFL_CHECKSUM_PARTIAL)
		m->csum_start = (uint16_t)(m->csum_start - 8);
}

/*
 * TCP under one IP header, no tunnel, no BIG TCP jumbo header (the frames
 * a TCP stack hands over): ofl__gso_next_plain() writes their segments
 * from values taken here once, so that no segment reads back its own
 * header. The IPv4 header's sum without the three words a segment changes
 * (total length, ID, checksum) goes to @it->l3sum, folded; with complete
 * checksums, the TCP header's sum without the sequence number, the
 * offset/flags word and the checksum to @it->l4sum (the same bytes are
 * copied into every segment; the checksum field's value cancels out, so it
 * holds for a CHECKSUM_NONE input too).
 */
OFL_PRIVATE void ofl__gso_plain_init(struct ofl_gso_iter *it,
				     const uint8_t *p)
{
	const struct ofl_gso_meta *m = &it->m;
	const uint8_t *ip = p + m->network_off, *th = p + m->transport_off;
	const uint8_t *end = p + m->hdr_len;
	ofl_wsum s;

	/* ofl__gso_check_layout(): version 4 (ihl >= 5) or 6 */
	it->plain = (uint8_t)(ip[0] >> 4);
	if (it->plain == 4) {
		s = ofl__gso_hsum(ip, end, (ip[0] & 15u) * 4);
		s = ofl_csum_sub(s, (OFL_FORCE ofl_wsum)(
					    (uint32_t)ofl_load_ne16(ip + 2) +
					    ofl_load_ne16(ip + 4) +
					    ofl_load_ne16(ip + 10)));
		it->l3sum = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_fold(s);
	}
	if (!(it->flags & OFL_GSO_F_CSUM_PARTIAL)) {
		s = ofl__gso_hsum(th, end, (uint32_t)(end - th));
		s = ofl_csum_sub(s, ofl_csum_add(
			(OFL_FORCE ofl_wsum)ofl_load_ne32(th + 4),
			(OFL_FORCE ofl_wsum)((uint32_t)ofl_load_ne16(th + 12) +
					     ofl_load_ne16(th + 16))));
		it->l4sum = (OFL_FORCE uint32_t)s;
	}
}

OFL_API int ofl_gso_init(struct ofl_gso_iter *it,
			 const struct ofl_gso_frag *frags, uint32_t nr_frags,
			 const struct ofl_gso_meta *m, uint32_t flags)
{
	uint32_t l4t, tun, i, l4, flist = 0;
	struct ofl_gso_meta fm;
	uint64_t len = 0;
	const uint8_t *p;
	int err;

	if (!it || !frags || !m || !nr_frags || nr_frags > OFL_GSO_MAX_FRAGS)
		return OFL_EINVAL;
	/* SKB_GSO_FRAGLIST on a linear frame: the path of __udp_gso_segment
	 * and tcp4/6_gso_segment for a fraglist skb whose geometry changed
	 * (or DODGY): linearized, the L4 pseudo-header sum set up from the
	 * addresses and the real length, then segmented as plain UDP_L4 /
	 * TCP. (The frames themselves: ofl_gso_list_fixup().) */
	if (m->gso_type & OFL_GSO_FRAGLIST) {
		if (m->gso_type & OFL_GSO_TUNNEL_MASK)
			return OFL_EOPNOTSUPP;
		ofl_copy_bytes((uint8_t *)&fm, (const uint8_t *)m,
			       sizeof(fm), sizeof(fm));
		fm.gso_type &= ~(uint32_t)OFL_GSO_FRAGLIST;
		fm.ip_summed = OFL_CHECKSUM_NONE;
		m = &fm;
		flist = 1;
	}
	l4t = m->gso_type & OFL__GSO_L4_MASK;
	tun = m->gso_type & OFL_GSO_TUNNEL_MASK;
	if (!m->gso_size || !l4t || (l4t & (l4t - 1)) || (tun & (tun - 1)))
		return OFL_EINVAL;
	if (m->gso_type & ~(uint32_t)OFL__GSO_KNOWN)
		return OFL_EOPNOTSUPP;
	if (m->hdr_len > OFL_GSO_MAX_HDR)
		return OFL_EMSGSIZE;
	p = frags[0].data;
	if (!p || m->hdr_len > frags[0].len || m->hdr_len < 20)
		return OFL_ENODATA;
	for (i = 0; i < OFL_GSO_MAX_FRAGS; i++) {
		if (i >= nr_frags)
			break;
		if (frags[i].len && !frags[i].data)
			return OFL_EINVAL;
		len += frags[i].len;
	}
	if (len > OFL__GSO_MAX_FRAME)
		return OFL_EMSGSIZE;
	err = ofl__gso_check_layout(p, m);
	if (err)
		return err;
	ofl_zero_bytes(it, sizeof(*it), sizeof(*it));
	ofl_copy_bytes((uint8_t *)&it->m, (const uint8_t *)m, sizeof(*m),
		       sizeof(*m));
	it->frags = frags;
	it->nr_frags = nr_frags;
	it->flags = flags;
	it->total_len = (uint32_t)len - m->hdr_len;
	err = ofl__gso_sizes(it);
	if (err)
		return err;
	l4 = ofl__gso_l4_off(m);
	if (m->ip_summed == OFL_CHECKSUM_NONE) {
		it->set_check = 1;
		/* UDP: with the length in uh->len, which __udp_gso_segment
		 * takes out again (csum16_sub(uh->check, uh->len)), so that
		 * the result is right whatever that field holds */
		if (m->gso_type & OFL_GSO_UDP_L4)
			it->check0 = ofl__gso_pseudo(
				p, ofl__gso_ip_off(m),
				flist ? (uint32_t)len - l4 :
				ofl_load_be16(p + l4 + 4), OFL_IPPROTO_UDP);
		else
			it->check0 = ofl__gso_pseudo(p, ofl__gso_ip_off(m),
						     (uint32_t)len - l4,
						     OFL_IPPROTO_TCP);
		if (m->gso_type & OFL_GSO_UDP_TUNNEL_CSUM) {
			it->set_check = 2;
			it->tcheck0 = ofl__gso_pseudo(
				p, m->network_off,
				(uint32_t)len - m->transport_off,
				OFL_IPPROTO_UDP);
		}
	}
	it->frag = 0;
	it->frag_off = m->hdr_len;
	ofl__gso_norm(it);
	ofl__gso_jumbo(it, p, (uint32_t)len);
	if (!it->jumbo &&
	    !(it->m.gso_type & (OFL_GSO_TUNNEL_MASK | OFL_GSO_UDP_L4)))
		ofl__gso_plain_init(it, p);
	return 0;
}

OFL_API uint32_t ofl_gso_count(const struct ofl_gso_iter *it)
{
	return it ? it->count : 0;
}

/* Advance the payload cursor by @n bytes; with @sum, return their sum.
 * With @dst, copy them there too, summed in the same pass when @sum
 * (ofl_csum_partial_copy: the source is read once). */
OFL_PRIVATE ofl_wsum ofl__gso_walk(struct ofl_gso_iter *it, uint32_t n,
				   int sum, uint8_t *dst)
{
	ofl_wsum s = 0, t;
	uint32_t done = 0, k, avail, take;
	const uint8_t *src;

	for (k = 0; k <= OFL_GSO_MAX_FRAGS; k++) {
		if (done >= n || it->frag >= it->nr_frags)
			break;
		avail = it->frags[it->frag].len - it->frag_off;
		take = avail < n - done ? avail : n - done;
		src = it->frags[it->frag].data + it->frag_off;
		if (take && (sum || dst)) {
			if (dst)
				t = ofl_csum_partial_copy(src, dst + done,
							  take, 0);
			else
				t = ofl_csum_partial(src, take, 0);
			s = ofl_csum_block_add(s, t, done);
		}
		done += take;
		it->frag_off += take;
		ofl__gso_norm(it);
	}
	return s;
}

/* ofl__gso_walk() for a slice that ends inside the current fragment (every
 * segment of a one-fragment frame but the last): no fragment walk. */
OFL_INLINE ofl_wsum ofl__gso_take(struct ofl_gso_iter *it, uint32_t n,
				  int sum, uint8_t *dst)
{
	const struct ofl_gso_frag *fr;
	const uint8_t *src;

	if (it->frag < it->nr_frags) {
		fr = &it->frags[it->frag];
		if (fr->len - it->frag_off > n) {
			src = fr->data + it->frag_off;
			it->frag_off += n;
			if (dst)
				return ofl_csum_partial_copy(src, dst, n, 0);
			return sum ? ofl_csum_partial(src, n, 0) : 0;
		}
	}
	return ofl__gso_walk(it, n, sum, dst);
}

/*
 * Header bytes: 8 at a time from @phase (0..3) on, then the tail. @phase is the innermost L4 offset mod 4, so that every 4-byte
 * word ofl__gso_hsum() reads at once (L4 header, and the IP header, a
 * multiple of 4 bytes before it) lies inside one 8-byte store: a load that
 * spans two stores cannot be forwarded from them and waits until they
 * reach the cache. With a 14-byte Ethernet header and phase 0 every other
 * word of the IPv4 and TCP header sums did (`perf annotate`: 75% of
 * ofl__gso_hsum's samples on its load; docs/PERFORMANCE.md).
 */
OFL_INLINE void ofl__gso_copy_hdr(uint8_t *dst, const uint8_t *src,
				  uint32_t n, uint32_t phase)
{
	uint32_t i;

	/* the first @phase bytes inside one 8-byte store (n >= 20) that
	 * the next one overlaps: the same bytes twice, no byte loop */
	ofl_copy8(dst, src);
	for (i = phase; i + 8 <= OFL_GSO_MAX_HDR; i += 8) {
		if (i + 8 > n)
			break;
		ofl_copy8(dst + i, src + i);
	}
	ofl_copy_bytes(dst + i, src + i, n - i, 8);
}

/* 16 bytes between unaligned places (plain loads and stores: no header
 * sum reads these back, ofl__gso_next_plain). */
OFL_INLINE void ofl__gso_copy16(uint8_t *dst, const uint8_t *src)
{
#if OFL_STRICT_ALIGN || defined(OFL_BPF)
	ofl_copy8(dst, src);
	ofl_copy8(dst + 8, src + 8);
#else
	__builtin_memcpy(dst, src, 16);
#endif
}

/*
 * ofl__gso_next() for the frames of ofl__gso_plain_init(): the fix-ups of
 * ofl__gso_fix_tcp() and ofl__gso_fix_ip() (outer header, no tunnel)
 * with every input field read from the frame, not from the copy, and the
 * header sums taken once: a copy in 16-byte stores (the last one
 * overlapping), then stores of the changed fields, and no load of a byte
 * just stored. The checksums are the same ones'-complement sums as there,
 * in another order (the same value mod 0xffff, nonzero in both: the
 * length, the data offset), so the same folded bytes.
 */
OFL_PRIVATE int ofl__gso_next_plain(struct ofl_gso_iter *it, uint8_t *hdr,
				    struct ofl_gso_seg *seg, uint8_t *payload)
{
	const struct ofl_gso_meta *m = &it->m;
	const uint8_t *p = it->frags[0].data;
	uint32_t hl = m->hdr_len, l4 = m->transport_off, ipo = m->network_off;
	uint32_t mss = m->gso_size, idx = it->index, rel = it->off;
	uint32_t type = m->gso_type, plen, segs, iplen, seq, delta, i;
	const uint8_t *th = p + l4;
	uint16_t check, tot, id;
	ofl_wsum ps, hs;
	uint8_t fl, t[2];

	plen = it->total_len - rel;
	if (plen > it->step)
		plen = it->step;
	segs = plen > mss ? (plen + mss - 1) / mss : 1;
	seg->index = idx;
	seg->hdr_len = hl;
	seg->payload_off = hl + rel;
	seg->payload_len = plen;
	seg->frag = it->frag;
	seg->frag_off = it->frag_off;
	seg->gso_segs = segs;
	seg->csum_start = (uint16_t)l4;
	seg->csum_offset = 16;
	ps = ofl__gso_take(it, plen, !(it->flags & OFL_GSO_F_CSUM_PARTIAL),
			   payload);
	/* hl >= 16 (IP and TCP headers); the last store overlaps */
	for (i = 0; i < OFL_GSO_MAX_HDR; i += 16) {
		if (i + 16 >= hl)
			break;
		ofl__gso_copy16(hdr + i, p + i);
	}
	ofl__gso_copy16(hdr + hl - 16, p + hl - 16);
	/* ofl__gso_fix_ip(): lengths for one gso_size segment with
	 * GSO_PARTIAL */
	iplen = (segs > 1 ? hl + mss : hl + plen) - ipo;
	if (it->plain == 4) {
		tot = ofl_htons((uint16_t)iplen);
		id = ofl_load_ne16(p + ipo + 4);
		if (!(type & OFL_GSO_TCP_FIXEDID))
			id = ofl_htons((uint16_t)(ofl_ntohs(id) +
						  ((type & OFL_GSO_PARTIAL) ?
						   rel / mss : idx)));
		ofl_store_ne16(hdr + ipo + 2, tot);
		ofl_store_ne16(hdr + ipo + 4, id);
		ofl_store_ne16(hdr + ipo + 10,
			       (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
				       (OFL_FORCE ofl_wsum)(uint32_t)it->l3sum,
				       (OFL_FORCE ofl_wsum)((uint32_t)tot +
							    id))));
	} else {
		ofl_store_be16(hdr + ipo + 4, (uint16_t)(iplen - 40));
	}
	/* ofl__gso_fix_tcp() */
	seq = ofl_load_be32(th + 4) + rel;
	ofl_store_be32(hdr + l4 + 4, seq);
	fl = th[13];
	if (idx + 1 != it->count)
		fl &= (uint8_t)~(OFL__GSO_TCP_FIN | OFL__GSO_TCP_PSH);
	if (idx && !(type & OFL_GSO_TCP_ACCECN))
		fl &= (uint8_t)~OFL__GSO_TCP_CWR;
	hdr[l4 + 13] = fl;
	check = it->set_check ? it->check0 : ofl_load_ne16(th + 16);
	delta = ~(hl - l4 + it->total_len) + hl - l4 + plen;
	check = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(
		(OFL_FORCE ofl_wsum)(uint32_t)check,
		(OFL_FORCE ofl_wsum)ofl_htonl(delta)));
	if (!(it->flags & OFL_GSO_F_CSUM_PARTIAL)) {
		t[0] = th[12];
		t[1] = fl;
		hs = ofl_csum_add((OFL_FORCE ofl_wsum)it->l4sum,
				  (OFL_FORCE ofl_wsum)ofl_htonl(seq));
		hs = ofl_csum_add(hs, (OFL_FORCE ofl_wsum)(
					      (uint32_t)ofl_load_ne16(t) + check));
		check = (OFL_FORCE uint16_t)ofl_csum_fold(ofl_csum_add(hs, ps));
	}
	ofl_store_ne16(hdr + l4 + 16, check);
	it->off = rel + plen;
	it->index = idx + 1;
	return 1;
}

/* ofl_gso_next(); with @payload, the segment's payload is copied there
 * (ofl_gso_segment(), which checked the room for it). */
OFL_PRIVATE int ofl__gso_next(struct ofl_gso_iter *it, uint8_t *hdr,
			      size_t cap, struct ofl_gso_seg *seg,
			      uint8_t *payload)
{
	const struct ofl_gso_meta *m;
	struct ofl_gso_fix f;
	uint32_t hl, l4, rel, plen;
	int err;

	if (!it || !hdr || !seg)
		return OFL_EINVAL;
	if (it->index >= it->count)
		return 0;
	m = &it->m;
	hl = m->hdr_len;
	if (cap < hl)
		return OFL_ENOSPC;
	if (it->plain)
		return ofl__gso_next_plain(it, hdr, seg, payload);
	rel = it->off;
	plen = it->total_len - rel;
	if (plen > it->step)
		plen = it->step;
	seg->index = it->index;
	seg->hdr_len = hl;
	seg->payload_off = hl + it->jumbo + rel;
	seg->payload_len = plen;
	seg->frag = it->frag;
	seg->frag_off = it->frag_off;
	/* skb_segment(): the GSO_PARTIAL segments carry gso_segs =
	 * partial_segs; the last one, when longer than gso_size (only after
	 * GSO_BY_FRAGS capped the others), DIV_ROUND_UP(len, gso_size) */
	seg->gso_segs = plen > m->gso_size
				? (plen + m->gso_size - 1) / m->gso_size : 1;
	l4 = ofl__gso_l4_off(m);
	seg->csum_start = (uint16_t)l4;
	seg->csum_offset = (m->gso_type & OFL_GSO_UDP_L4) ? 6 : 16;
	if (it->jumbo) {
		/* the headers without the jumbo header (ofl__gso_jumbo) */
		uint32_t cut = (uint32_t)m->network_off + 40;

		ofl__gso_copy_hdr(hdr, it->frags[0].data, cut, l4 & 3);
		ofl_copy_bytes(hdr + cut, it->frags[0].data + cut + 8,
			       hl - cut, OFL_GSO_MAX_HDR);
		hdr[m->network_off + 6] = OFL_IPPROTO_TCP;
	} else {
		ofl__gso_copy_hdr(hdr, it->frags[0].data, hl, l4 & 3);
	}
	if (it->set_check) {
		ofl_store_ne16(hdr + l4 + seg->csum_offset, it->check0);
		if (it->set_check == 2)
			ofl_store_ne16(hdr + m->transport_off + 6, it->tcheck0);
	}
	f.payload_off = rel;
	f.payload_len = plen;
	f.total_len = it->total_len;
	f.id_delta = it->index ? rel / m->gso_size : 0;
	if (!(m->gso_type & OFL_GSO_PARTIAL))
		f.id_delta = it->index;
	f.gso_segs = seg->gso_segs;
	f.first = it->index == 0;
	f.last = it->index + 1 == it->count;
	f.flags = (uint16_t)it->flags;
	f.payload_sum = ofl__gso_take(it, plen,
				      !(it->flags & OFL_GSO_F_CSUM_PARTIAL),
				      payload);
	err = ofl__gso_fixup(hdr, hdr + hl, m, &f, &it->l4sum);
	if (err)
		return err;
	it->off = rel + plen;
	it->index++;
	return 1;
}

OFL_API int ofl_gso_next(struct ofl_gso_iter *it, uint8_t *hdr, size_t cap,
			 struct ofl_gso_seg *seg)
{
	/* the plain path directly: ofl__gso_next() is not inlined here */
	if (it && hdr && seg && it->plain && it->index < it->count &&
	    cap >= it->m.hdr_len)
		return ofl__gso_next_plain(it, hdr, seg, NULL);
	return ofl__gso_next(it, hdr, cap, seg, NULL);
}
