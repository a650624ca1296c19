// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * SKB_GSO_FRAGLIST: the frames of a fraglist super-frame handed back as
 * they were received (net/core/skbuff.c skb_segment_list;
 * net/ipv4/udp_offload.c __udp_gso_segment_list,
 * __udpv4_gso_segment_list_csum, __udpv6_gso_segment_list_csum;
 * net/ipv4/tcp_offload.c __tcp4_gso_segment_list,
 * __tcpv4_gso_segment_list_csum; net/ipv6/tcpv6_offload.c
 * __tcp6_gso_segment_list, __tcpv6_gso_segment_list_csum; the loops over
 * the segments in inet_gso_segment and ipv6_gso_segment).
 */
#include "internal.h"

/*
 * One address and port of a segment set to the head's
 * (__udpv4_gso_segment_csum, __udpv6_gso_segment_csum,
 * __tcpv4_gso_segment_csum, __tcpv6_gso_segment_csum): nothing if both
 * are equal already; else the L4 checksum follows (inet_proto_csum_replace4
 * or 16 with the pseudo-header, then 2; the segment is not PARTIAL), for
 * UDP only a non-zero one, which stays non-zero (CSUM_MANGLED_0).
 */
OFL_PRIVATE void ofl__gso_list_nat(uint8_t *ip, const uint8_t *hip,
				   uint32_t alen, uint8_t *port,
				   const uint8_t *hport, uint8_t *check,
				   uint32_t udp)
{
	struct ofl_csum_state st;
	uint32_t i, d = 0;

	for (i = 0; i < 16; i++) {
		if (i >= alen)
			break;
		d |= (uint32_t)(ip[i] ^ hip[i]);
	}
	if (!d && ofl_load_ne16(port) == ofl_load_ne16(hport))
		return;
	if (!udp || ofl_load_ne16(check)) {
		st.csum = 0;
		st.csum_start = 0;
		st.csum_offset = 0;
		st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
		st.csum_level = 0;
		st.encapsulation = 0;
		st.reserved = 0;
		if (alen == 4)
			ofl_csum_proto_replace4(check, &st,
				(OFL_FORCE ofl_be32)ofl_load_ne32(ip),
				(OFL_FORCE ofl_be32)ofl_load_ne32(hip), true);
		else
			ofl_csum_proto_replace16(check, &st, ip, hip, true);
		ofl_csum_proto_replace2(check, &st,
					(OFL_FORCE ofl_be16)ofl_load_ne16(port),
					(OFL_FORCE ofl_be16)ofl_load_ne16(hport),
					false);
		if (udp && !ofl_load_ne16(check))
			ofl_store_ne16(check, 0xffff);
	}
	ofl_store_ne16(port, ofl_load_ne16(hport));
	ofl_copy_bytes(ip, hip, alen, 16);
}

/* The checks of ofl_gso_list_fixup() on the super-frame and the segment. */
OFL_PRIVATE int ofl__gso_list_check(const uint8_t *seg, uint32_t seg_len,
				    const uint8_t *head,
				    const struct ofl_gso_meta *m,
				    uint32_t index)
{
	uint32_t l4t = m->gso_type & OFL__GSO_L4_MASK;
	uint32_t nh = m->network_off, l4 = m->transport_off, hl = m->hdr_len;
	uint32_t v = head[nh] >> 4;

	if (!(m->gso_type & OFL_GSO_FRAGLIST) || !l4t || (l4t & (l4t - 1)) ||
	    !m->gso_size)
		return OFL_EINVAL;
	/* a tunnel, PARTIAL; DODGY: Linux linearizes (ofl_gso_init) */
	if (m->gso_type & ~(uint32_t)(OFL_GSO_FRAGLIST | OFL__GSO_L4_MASK |
				      OFL_GSO_TCP_FIXEDID | OFL_GSO_TCP_ECN))
		return OFL_EOPNOTSUPP;
	if (hl > OFL_GSO_MAX_HDR)
		return OFL_EMSGSIZE;
	if (nh < OFL_ETH_HLEN || nh + 20 > hl || l4 >= hl)
		return OFL_EINVAL;
	if ((v != 4 && v != 6) || (v == 4 && (l4 != nh + (head[nh] & 15u) * 4 ||
					      (l4t & OFL_GSO_TCPV6))) ||
	    (v == 6 && (l4 < nh + 40 || (l4t & OFL_GSO_TCPV4))))
		return OFL_EINVAL;
	/* the segment has the head's IP version, header length and L4 */
	if (seg[nh] != head[nh] ||
	    (l4t & OFL_GSO_UDP_L4 ? l4 + OFL_UDP_HLEN != hl :
	     l4 + OFL_TCP_MIN_HLEN > hl ||
	     l4 + ofl_proto_tcp_hlen(head + l4) != hl ||
	     l4 + ofl_proto_tcp_hlen(seg + l4) != hl))
		return OFL_EINVAL;
	if (seg_len < hl || seg_len - nh > 0xffffu)
		return OFL_EINVAL;
	/* __udp_gso_segment, tcp4/6_gso_segment: a head whose payload is
	 * not gso_size goes the linear way */
	if (!index && seg_len - hl != m->gso_size)
		return OFL_ERANGE;
	return 0;
}

OFL_API int ofl_gso_list_fixup(uint8_t *seg, uint32_t seg_len,
			       const uint8_t *head, const uint8_t *second,
			       const struct ofl_gso_meta *m, uint32_t index)
{
	uint32_t nh, l4, v6, alen, udp;
	uint8_t *ip;
	int err;

	if (!seg || !head || !m || (index && !second))
		return OFL_EINVAL;
	err = ofl__gso_list_check(seg, seg_len, head, m, index);
	if (err)
		return err;
	nh = m->network_off;
	l4 = m->transport_off;
	ip = seg + nh;
	v6 = (head[nh] >> 4) == 6;
	alen = v6 ? 16 : 4;
	udp = (m->gso_type & OFL_GSO_UDP_L4) != 0;
	if (index) {
		/* skb_segment_list: every segment gets the head's MAC header */
		ofl_copy_bytes(seg, head, nh, OFL_GSO_MAX_HDR);
		/* the __*_gso_segment_list_csum of the L4: when the head's
		 * addresses or ports are not those of segment 1 (NAT changed
		 * the head), every later segment gets them too */
		if (ofl_load_ne32(head + l4) != ofl_load_ne32(second + l4) ||
		    ofl_load_ne32(head + nh + (v6 ? 8 : 12)) !=
			    ofl_load_ne32(second + nh + (v6 ? 8 : 12)) ||
		    ofl_load_ne32(head + nh + (v6 ? 24 : 16)) !=
			    ofl_load_ne32(second + nh + (v6 ? 24 : 16)) ||
		    (v6 && (ofl_load_ne64(head + nh + 12) !=
				    ofl_load_ne64(second + nh + 12) ||
			    ofl_load_ne32(head + nh + 20) !=
				    ofl_load_ne32(second + nh + 20) ||
			    ofl_load_ne64(head + nh + 28) !=
				    ofl_load_ne64(second + nh + 28) ||
			    ofl_load_ne32(head + nh + 36) !=
				    ofl_load_ne32(second + nh + 36)))) {
			uint8_t *ck = seg + l4 + (udp ? 6 : 16);

			ofl__gso_list_nat(ip + (v6 ? 8 : 12),
					  head + nh + (v6 ? 8 : 12), alen,
					  seg + l4, head + l4, ck, udp);
			ofl__gso_list_nat(ip + (v6 ? 24 : 16),
					  head + nh + (v6 ? 24 : 16), alen,
					  seg + l4 + 2, head + l4 + 2, ck, udp);
		}
	}
	/* __udp_gso_segment_list: the head's UDP length for itself again */
	if (udp && !index)
		ofl_store_be16(seg + l4 + 4,
			       (uint16_t)(OFL_UDP_HLEN + m->gso_size));
	if (v6) {
		/* ipv6_gso_segment */
		ofl_store_be16(ip + 4, (uint16_t)(seg_len - nh - 40));
		return 0;
	}
	/* inet_gso_segment: tot_len, the head's ID + index (each segment is
	 * no GSO skb), ip_send_check */
	ofl_store_be16(ip + 2, (uint16_t)(seg_len - nh));
	if (!(m->gso_type & OFL_GSO_TCP_FIXEDID))
		ofl_store_be16(ip + 4, (uint16_t)(ofl_load_be16(head + nh + 4) +
						  index));
	ofl_store_ne16(ip + 10, 0);
	ofl_store_ne16(ip + 10, (OFL_FORCE uint16_t)ofl_csum_ip_fast(
					ip, (unsigned int)(ip[0] & 15u)));
	return 0;
}
