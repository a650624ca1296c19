// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * One frame through GRO, layer by layer as Linux's gro_receive callbacks
 * walk it (net/core/gro.c dev_gro_receive, gro_list_prepare,
 * skb_gro_receive; net/8021q/vlan_core.c vlan_gro_receive;
 * net/ipv4/af_inet.c inet_gro_receive; net/ipv6/ip6_offload.c
 * ipv6_gro_receive, ipv6_gro_pull_exthdrs; net/ipv4/tcp_offload.c
 * tcp4_gro_receive, tcp_gro_pull_header, tcp_gro_lookup, tcp_gro_receive;
 * net/ipv4/udp_offload.c udp4_gro_receive, udp_gro_receive_segment;
 * include/net/gro.h inet_gro_flush, ipv6_gro_flush). Every read is checked
 * against the frame's end before it happens. lib/parser is not used: GRO
 * parses incrementally and compares against held flows at each layer.
 */
#include "internal.h"

#define OFL__GRO_SLOT(b, j) ((b)->order[(j)] & (OFL_GRO_BUCKET_FLOWS - 1))

/* A step of the full path that stays a call natively: with one caller
 * left (ofl__gro_receive_slow_nl) gcc would inline it there and take that
 * frame past the core's 256-byte stack rule. In BPF as OFL_PRIVATE. */
#if defined(OFL_BPF)
#define OFL__GRO_STEP OFL_PRIVATE
#else
#define OFL__GRO_STEP static __attribute__((__noinline__))
#endif

/* Ethernet and in-band VLAN tags (vlan_gro_receive): 0 if IP follows. */
OFL_PRIVATE int ofl__gro_l2(struct ofl__gro_rx *rx)
{
	uint32_t off = OFL__GRO_ETH_HLEN;
	unsigned int v;
	uint16_t type;

	if (rx->d + OFL__GRO_ETH_HLEN > rx->end)
		return 1;
	type = ofl_load_be16(rx->d + 12);
	for (v = 0; v < OFL__GRO_MAX_VLANS; v++) {
		if (!ofl_proto_is_vlan(type))
			break;
		if (rx->d + off + 4 > rx->end)
			return 1;
		type = ofl_load_be16(rx->d + off + 2);
		off += 4;
	}
	if (type == OFL_ETH_P_IP)
		rx->v6 = 0;
	else if (type == OFL_ETH_P_IPV6)
		rx->v6 = 1;
	else
		return 1;
	rx->l3 = (uint16_t)off;
	return 0;
}

/* Has the protocol a gro_receive here (inet_offloads/inet6_offloads)?
 * TCP always; UDP if a bit of @ok below OFL__GRO_OK_IPT says so; GRE,
 * IPIP (4) and IPv6 (41) with OFL__GRO_OK_IPT. */
OFL_INLINE int ofl__gro_proto_ok(uint8_t p, uint32_t ok)
{
	return p == OFL_IPPROTO_TCP || (p == OFL_IPPROTO_UDP && (ok & (OFL__GRO_OK_IPT - 1u))) ||
	       ((ok & OFL__GRO_OK_IPT) &&
		(p == OFL_IPPROTO_GRE || p == OFL_IPPROTO_IPIP ||
		 p == OFL_IPPROTO_IPV6));
}

/* inet_gro_receive up to the flow walk: 0 if TCP (or UDP) follows. */
OFL_PRIVATE int ofl__gro_ip4(struct ofl__gro_rx *rx, uint32_t udp_ok)
{
	const uint8_t *ip = rx->d + OFL__GRO_OFF(rx->l3);
	uint16_t fo;

	if (ip + 20 > rx->end)
		return 1;
	/* no gro_receive for the protocol (UDP without socket: passed up) */
	if (!ofl__gro_proto_ok(ip[9], udp_ok) ||
	    ip[0] != OFL_IPV4_VIHL_NOOPT)
		return 1;
	rx->udp = ip[9] == OFL_IPPROTO_UDP;
	rx->proto = ip[9];
	fo = ofl_load_be16(ip + 6);
	if (fo & (OFL_IP_MF | OFL_IP_OFFSET))
		return 1;	/* ip_is_fragment */
	if (ofl__gro_ip4_csum_bad(ip))
		return 1;	/* ip_fast_csum */
	rx->flush = ofl_load_be16(ip + 2) != (uint16_t)(rx->len - rx->l3) ||
		    (fo & OFL_IP_CE);
	rx->l4 = (uint16_t)(rx->l3 + 20);
	return 0;
}

/* ipv6_gro_receive with ipv6_gro_pull_exthdrs (hop-by-hop, routing and
 * destination options are skipped): 0 if TCP follows. */
OFL_PRIVATE int ofl__gro_ip6(struct ofl__gro_rx *rx, uint32_t udp_ok)
{
	const uint8_t *ip = rx->d + OFL__GRO_OFF(rx->l3);
	uint32_t pos = rx->l3 + 40u;
	unsigned int i;
	uint8_t nh;

	if (ip + 40 > rx->end)
		return 1;
	rx->flush = ofl_load_be16(ip + 4) != rx->len - rx->l3 - 40u;
	nh = ip[6];
	for (i = 0; i < OFL__GRO_MAX_EXTHDRS; i++) {
		uint32_t elen;

		/* ofl_proto_ipv6_gso_ext() spelled out: as a bool function
		 * clang shapes the loop so that the verifier loses pos */
		if (nh != OFL_IPPROTO_HOPOPTS && nh != OFL_IPPROTO_ROUTING &&
		    nh != OFL_IPPROTO_DSTOPTS)
			break;
		/* refused after the walk anyway; bounds pos for the verifier */
		if (pos > OFL_GRO_MAX_HDR)
			return 1;
		if (rx->d + pos + 2 > rx->end)
			return 1;
		elen = ((uint32_t)rx->d[pos + 1] + 1)
		       << OFL_IPV6_EXT_LEN_SHIFT;
		if (rx->d + pos + elen > rx->end)
			return 1;
		nh = rx->d[pos];
		pos += elen;
	}
	if (!ofl__gro_proto_ok(nh, udp_ok) || pos > OFL_GRO_MAX_HDR)
		return 1;
	rx->udp = nh == OFL_IPPROTO_UDP;
	rx->proto = nh;
	rx->l4 = (uint16_t)pos;
	return 0;
}

#if OFL_GRO_TUNNEL
/*
 * The same_flow tests of gre_gro_receive (after the outer IP's): the
 * flags/version word and the protocol type equal and, if the K bit is
 * set, the 32-bit word after the base header (gre_gro_receive compares
 * *(greh + 1): the key, or the checksum word when C is set too), then
 * eth_gro_receive's compare_ether_header for Ethernet (OFL_ETH_P_TEB). IPIP and
 * IPv6-in-IP (ipip_gro_receive, sit_ip6ip6_gro_receive,
 * ip4ip6_gro_receive) add no test of their own. Nonzero if different.
 */
OFL_PRIVATE uint32_t ofl__gro_ipt_differ(const struct ofl_gro_flow *p,
					 const struct ofl__gro_rx *rx)
{
	uint32_t ol4 = OFL__GRO_OFF(rx->ol4), l3 = OFL__GRO_OFF(rx->l3);
	const uint8_t *gh = rx->d + ol4, *gh2 = p->hdr + ol4;
	uint32_t d;

	if (!(rx->tun & OFL__GRO_TUN_GRE))
		return 0;
	d = ofl_load_ne32(gh) ^ ofl_load_ne32(gh2);
	if (gh[0] & 0x20)
		d |= ofl_load_ne32(gh + 4) ^ ofl_load_ne32(gh2 + 4);
	if (l3 >= ol4 + 4u + OFL__GRO_ETH_HLEN &&
	    ofl_load_be16(gh + 2) == OFL_ETH_P_TEB) {
		/* the inner MAC header; masked: the BPF verifier does not
		 * keep l3 >= 14 from the test above ("invalid access to
		 * memory, ... off=-9") */
		uint32_t m = OFL__GRO_OFF(l3 - OFL__GRO_ETH_HLEN);

		d |= (uint32_t)ofl__gro_ne14(rx->d + m, p->hdr + m);
	}
	return d;
}

/*
 * The same_flow tests of the outer layers of a VXLAN/GENEVE frame: outer
 * inet_gro_receive/ipv6_gro_receive (protocol, addresses; IPv6 first word
 * without class, next header, extension bytes), udp_gro_receive (ports,
 * both checksums zero or both non-zero), vxlan_gro_prepare_receive (the 8
 * header bytes: flags and VNI) or geneve_gro_receive (opt_len and the
 * whole header with options), and eth_gro_receive (inner MAC header).
 * Nonzero if @p is not the frame's flow.
 */
OFL_PRIVATE uint32_t ofl__gro_tun_differ(const struct ofl_gro_flow *p,
					 const struct ofl__gro_rx *rx)
{
	uint32_t ol3 = OFL__GRO_OFF(rx->ol3), ol4 = OFL__GRO_OFF(rx->ol4);
	const uint8_t *ip = rx->d + ol3, *ip2 = p->hdr + ol3;
	const uint8_t *uh = rx->d + ol4, *uh2 = p->hdr + ol4;
	uint64_t d;

	if ((p->tun & ~OFL__GRO_TUN_OIDFIX) != rx->tun || p->ol3 != rx->ol3 ||
	    p->ol4 != rx->ol4)
		return 1;
	if (rx->tun & OFL__GRO_TUN_V4) {
		d = (uint32_t)(ip[9] ^ ip2[9]) | ofl__gro_x8(ip + 12, ip2 + 12);
	} else {
		d = ((ofl_load_be32(ip) ^ ofl_load_be32(ip2)) & 0xf00fffffu) |
		    (uint32_t)(ip[6] ^ ip2[6]) | ofl__gro_x8(ip + 8, ip2 + 8) |
		    ofl__gro_x8(ip + 16, ip2 + 16) |
		    ofl__gro_x8(ip + 24, ip2 + 24) |
		    ofl__gro_x8(ip + 32, ip2 + 32);
		if (ol4 > ol3 + 40u)
			d |= ofl__gro_xn(ip + 40, ip2 + 40, ol4 - ol3 - 40u,
					 OFL_GRO_MAX_HDR);
	}
	if (rx->tun & OFL__GRO_TUN_IPT)
		return d != 0 || ofl__gro_ipt_differ(p, rx);
	d |= ofl_load_ne32(uh) ^ ofl_load_ne32(uh2);
	d |= (uint32_t)(!ofl_load_ne16(uh + 6) ^ !ofl_load_ne16(uh2 + 6));
	/* tunnel header (VXLAN 8 bytes; GENEVE 8 + options: equal lengths
	 * since the inner l3 offsets are equal) and inner MAC header */
	d |= ofl__gro_xn(uh + 8, uh2 + 8,
			 OFL__GRO_OFF(rx->l3) - ol4 - 8u, OFL_GRO_MAX_HDR);
	return d != 0;
}
#endif

/*
 * Is held flow @p the frame's flow? The per-layer same_flow tests of
 * gro_list_prepare (hash, MAC header), vlan_gro_receive (each tag),
 * inet_gro_receive (protocol, addresses), ipv6_gro_receive (version and
 * flow label, addresses, next header, extension header bytes) and
 * tcp_gro_lookup (ports) in one go: tcp_gro_lookup takes the newest flow
 * that passed them all, and each flow's tests do not depend on the others.
 */
OFL_PRIVATE int ofl__gro_match(const struct ofl_gro_flow *p, uint32_t hash,
			       const struct ofl__gro_rx *rx)
{
	uint32_t l3 = OFL__GRO_OFF(rx->l3), l4 = OFL__GRO_OFF(rx->l4);
	const uint8_t *ip = rx->d + l3;
	const uint8_t *ip2 = p->hdr + l3;
	/* end of the (outer) link layer: VLAN tags lie before it */
	uint32_t l2 = OFL_GRO_TUNNEL && rx->tun ? OFL__GRO_OFF(rx->ol3) : l3;

	/* gro_list_prepare: hash and the stripped tag (vlan_all) first */
	if (ofl__gro_ne4(p->hdr + l4, rx->d + l4) || p->hash != hash ||
	    p->vlan != rx->vlan || p->l3 != rx->l3 || p->v6 != rx->v6 || p->l4 != rx->l4 ||
	    ofl__gro_ne14(p->hdr, rx->d))
		return 0;
#if OFL_GRO_TUNNEL
	if ((p->tun | rx->tun) && ofl__gro_tun_differ(p, rx))
		return 0;
#endif
	if (l2 > OFL__GRO_ETH_HLEN &&
	    ofl__gro_xn(p->hdr + 14, rx->d + 14, l2 - 14u,
			4 * OFL__GRO_MAX_VLANS))
		return 0;
	if (!rx->v6)
		return ip[9] == ip2[9] && !ofl__gro_ne8(ip + 12, ip2 + 12);
	if (((ofl_load_be32(ip) ^ ofl_load_be32(ip2)) & 0xf00fffffu) ||
	    ip[6] != ip2[6] || ofl__gro_ne8(ip + 8, ip2 + 8) ||
	    ofl__gro_ne8(ip + 16, ip2 + 16) || ofl__gro_ne8(ip + 24, ip2 + 24) ||
	    ofl__gro_ne8(ip + 32, ip2 + 32))
		return 0;
	return l4 <= l3 + 40u ||
	       !ofl__gro_xn(ip + 40, ip2 + 40, l4 - l3 - 40u, OFL_GRO_MAX_HDR);
}

#if defined(OFL_BPF)
/* eBPF: global functions (OFL__GRO_BPF_STEP, bpf.h). */
OFL__GRO_BPF_STEP(match, (const struct ofl_gro_flow *p,
			  const struct ofl__gro_buf *fb,
			  struct ofl__gro_bpf_rx *s),
		  p, ofl__gro_match(p, f.hash, &rx), 0, 0)

OFL__GRO_BPF_WRAP int ofl__gro_bpf_match_call(const struct ofl_gro_flow *p,
				       uint32_t hash,
				       const struct ofl__gro_rx *rx)
{
	struct ofl__gro_bpf_rx s;

	ofl__gro_bpf_put(&s, rx, 0, -1);
	s.hash = hash;
	return ofl__gro_bpf_match(p, OFL__GRO_BPF_FB(rx->d), &s);
}
#define ofl__gro_match(p, hash, rx) ofl__gro_bpf_match_call(p, hash, rx)
#endif


/*
 * Sum of the header bytes [@a, @a + @n) of a frame ending at @end, @n at
 * most OFL_GRO_MAX_HDR (the caller checks), summed from @a as
 * ofl_csum_partial() would: native-endian 16-bit words, an odd last byte
 * as the first byte of a word.
 */
OFL_INLINE ofl_wsum ofl__gro_hsum(const uint8_t *a, uint32_t n,
				  const uint8_t *end)
{
	uint32_t s = 0, i;

	for (i = 0; i + 2 <= OFL_GRO_MAX_HDR; i += 2) {
		if (i + 2 > n || a + i + 2 > end)
			break;
		s += ofl_load_ne16(a + i);
	}
	/* the odd byte with a zero after it, as a native 16-bit load */
	if ((n & 1) && i + 1 == n && a + i + 1 <= end)
		s += (uint32_t)a[i] << (OFL_LITTLE_ENDIAN ? 0 : 8);
	return (OFL_FORCE ofl_wsum)s;
}

/*
 * CHECKSUM_COMPLETE (dev_gro_receive: NAPI_GRO_CB(skb)->csum = skb->csum,
 * csum_valid = 1): the frame's sum moved to the L4 header at rx->l4, as
 * NAPI_GRO_CB(skb)->csum is there after skb_gro_postpull_rcsum() of every
 * header pulled before it (vlan_gro_receive, ipv6_gro_receive with its
 * extension headers, udp_gro_receive, vxlan_gro_prepare_receive,
 * geneve_gro_receive, eth_gro_receive, gre_gro_receive; inet_gro_receive
 * pulls the IPv4 header without it: ip_fast_csum() was 0, so the header
 * sums to 0 modulo 0xffff and taking it out changes nothing), then
 * __skb_gro_checksum_validate_complete()'s test, csum_fold(csum_add(psum,
 * csum)) == 0, with the pseudo-header sum @psum. Reads only the bytes
 * between csum_start and the L4 header. Nonzero if the sum does not
 * validate there (or starts too far past the header to be moved): the
 * caller then checks in software, as __skb_gro_checksum_complete() does.
 */
OFL_INLINE int ofl__gro_complete_bad(const struct ofl_gro_frame *f,
				     const struct ofl__gro_rx *rx,
				     ofl_wsum psum)
{
	uint32_t l4 = OFL__GRO_OFF(rx->l4), cs = f->csum_start;
	ofl_wsum c;

	if (cs > rx->len)
		return 1;	/* a start past the frame: no sum to use */
	if (cs <= l4) {
		/* sum(cs..end) = sum(cs..l4) + sum(l4..end) placed at l4-cs
		 * (cs below l4 < 256: the mask only shows it to the BPF
		 * verifier) */
		cs = OFL__GRO_OFF(cs);
		c = ofl_csum_sub(f->csum, ofl__gro_hsum(rx->d + cs, l4 - cs,
							 rx->end));
		c = ofl_csum_block_add(0, c, l4 - cs);
	} else {
		if (cs - l4 > OFL_GRO_MAX_HDR)
			return 1;
		/* sum(l4..end) = sum(l4..cs) + sum(cs..end) placed at cs-l4 */
		c = ofl_csum_block_add(ofl__gro_hsum(rx->d + l4, cs - l4,
						     rx->end), f->csum,
				       cs - l4);
	}
	return ofl_csum_fold(ofl_csum_add(psum, c)) != 0;
}

/* tcp4/6_gro_receive checksum validation (skipped when the IP layer
 * already flushes, or the device vouched for the checksum); with rx->tun
 * exactly OFL__GRO_TUN_GRE (ofl__gro_ipt, before the tunnel is set up)
 * gre_gro_receive's skb_gro_checksum_simple_validate of the GRE header at
 * rx->l4 and the rest of the frame: the same rules, no pseudo-header.
 * CHECKSUM_COMPLETE: from the device's sum (ofl__gro_complete_bad), else
 * in software; so a frame whose sum validates passes whatever its bytes
 * (Linux trusts the device), and one whose sum is wrong passes exactly
 * when its bytes are right (Linux then reports netdev_rx_csum_fault; the
 * later checks of the frame use the software sum, which lib/gro computes
 * again where needed: the same answers). Returns 0 (good), 1 (bad) or,
 * for a good checksum found so after the device's sum failed, 2: the
 * caller then sets rx->csw, so that an inner layer is checked in
 * software too (Linux holds the software sum from then on). */
OFL_INLINE int ofl__gro_csum_bad(const struct ofl_gro_frame *f,
				  const struct ofl__gro_rx *rx)
{
	const uint8_t *ip = rx->d + OFL__GRO_OFF(rx->l3);
	uint32_t l4len = rx->len - rx->l4;
	int sw = 0;
	ofl_wsum s;

	if (f->ip_summed == OFL_CHECKSUM_UNNECESSARY || rx->flush)
		return 0;
	/* UDP: skb_gro_checksum_validate_zero_check, a zero sum is not
	 * checked (udp_gro_receive_segment then passes the frame up) */
	if (rx->udp && (rx->d + OFL__GRO_OFF(rx->l4) + 8 > rx->end ||
			!ofl_load_ne16(rx->d + OFL__GRO_OFF(rx->l4) + 6)))
		return 0;
	/* the pseudo header first: after the loop only the fold is left
	 * (in BPF each exit of the loop walks what follows it) */
	if (OFL_GRO_TUNNEL && rx->tun == OFL__GRO_TUN_GRE)
		s = 0;
	else if (!rx->v6)
		s = ofl_csum_tcpudp_nofold(
			(OFL_FORCE ofl_be32)ofl_load_ne32(ip + 12),
			(OFL_FORCE ofl_be32)ofl_load_ne32(ip + 16), l4len,
			rx->udp ? 17 : 6, 0);
	else
		s = ofl_csum_ipv6_nofold(ip + 8, ip + 24, l4len,
					 rx->udp ? 17 : 6, 0);
	if (f->ip_summed == OFL_CHECKSUM_COMPLETE) {
		if (!rx->csw && !ofl__gro_complete_bad(f, rx, s))
			return 0;
		sw = 2;
	}
	s = ofl_csum_span(rx->d + OFL__GRO_OFF(rx->l4), rx->end, s);
	return ofl_csum_fold(s) != 0 ? 1 : sw;
}

#if defined(OFL_BPF)
OFL__GRO_BPF_STEP(csum_bad, (const struct ofl__gro_buf *fb,
			     struct ofl__gro_bpf_rx *s),
		  1, ofl__gro_csum_bad(&f, &rx), 1, 0)

OFL__GRO_BPF_WRAP int ofl__gro_bpf_csum_bad_call(const struct ofl_gro_frame *f,
					  const struct ofl__gro_rx *rx)
{
	struct ofl__gro_bpf_rx s;

	ofl__gro_bpf_put(&s, rx, f, -1);
	return ofl__gro_bpf_csum_bad(OFL__GRO_BPF_FB(rx->d), &s);
}

/* The callee's first test, before any call: the common case (a device's
 * CHECKSUM_UNNECESSARY) makes none. Every BPF-to-BPF call costs its
 * return, which this kernel makes through the return thunk (x86's
 * mitigations); docs/PERFORMANCE.md, session 11. */
OFL_INLINE int ofl__gro_bpf_csum_bad_in(const struct ofl_gro_frame *f,
					const struct ofl__gro_rx *rx)
{
	if (f->ip_summed == OFL_CHECKSUM_UNNECESSARY || rx->flush)
		return 0;
	return ofl__gro_bpf_csum_bad_call(f, rx);
}
#define ofl__gro_csum_bad(f, rx) ofl__gro_bpf_csum_bad_in(f, rx)
#endif

/* tcp_gro_pull_header; for UDP udp_gro_udphdr and the first checks of
 * udp_gro_receive_segment (non-zero checksum, length = rest of frame). */
OFL_INLINE int ofl__gro_tcp_pull(struct ofl__gro_rx *rx)
{
	const uint8_t *th = rx->d + OFL__GRO_OFF(rx->l4);
	uint32_t thlen;

	if (rx->udp) {
		uint32_t ulen;

		if (th + 8 > rx->end || !ofl_load_ne16(th + 6))
			return 1;
		ulen = ofl_load_be16(th + 4);
		if (ulen <= 8 || ulen != rx->len - rx->l4)
			return 1;
		rx->pay = (uint16_t)(rx->l4 + 8);
		return 0;
	}
	if (th + 20 > rx->end)
		return 1;
	thlen = (uint32_t)(th[12] >> 4) * 4;
	if (thlen < 20 || th + thlen > rx->end ||
	    rx->l4 + thlen > OFL_GRO_MAX_HDR)
		return 1;
	rx->pay = (uint16_t)(rx->l4 + thlen);
	return 0;
}

/* inet_gro_flush / ipv6_gro_flush for one IP layer: @ip2 is the held
 * flow's header, @bit the flow's fixed-ID flag for the layer (6.18
 * NAPI_GRO_CB(p)->ip_fixedid keeps one bit per layer), @outer set for the
 * outer header of a tunnel (before 6.18 its ID is not checked with DF).
 * @same (a constant at each call): the caller has already found TTL, TOS
 * and frag_off (so DF) equal to the held header's (ofl__gro_fast). @ip is
 * in the frame, @ip2 in the flow (map memory in BPF: the _mem loads). */
OFL_INLINE int ofl__gro_ip_flush(const struct ofl_gro_ctx *ctx,
				 const struct ofl_gro_flow *p,
				 const uint8_t *ip, const uint8_t *ip2,
				 uint32_t v6, uint8_t *fixed, uint8_t bit,
				 uint32_t outer, uint32_t same)
{
	uint16_t df, off;

	if (v6)
		return ((ofl_load_be32_mem(ip) ^ ofl_load_be32_mem(ip2)) &
			0x0ff00000u) || ip[7] != ip2[7];
	df = ofl_load_be16_mem(ip + 6) & OFL_IP_DF;
	if (!same && (ip[8] != ip2[8] || ip[1] != ip2[1] ||
		      df != (ofl_load_be16_mem(ip2 + 6) & OFL_IP_DF)))
		return 1;
	if (outer && df && OFL__GRO_PRE_6_18_ID(ctx))
		return 0;
	off = (uint16_t)(ofl_load_be16_mem(ip + 4) -
			 ofl_load_be16_mem(ip2 + 4));
	/* decided on the second segment; before 6.18 only with DF set */
	if (p->count == 1 && !off &&
	    (!OFL__GRO_PRE_6_18_ID(ctx) || df))
		*fixed |= bit;
	return off != ((*fixed & bit) ? 0u : (uint32_t)p->count);
}

/* gro_receive_network_flush: the (inner) IP layer, and with a tunnel the
 * outer one too. */
OFL_INLINE int ofl__gro_net_flush(const struct ofl_gro_ctx *ctx,
				  struct ofl_gro_flow *p,
				  const struct ofl__gro_rx *rx)
{
	int fl = ofl__gro_ip_flush(ctx, p, rx->d + OFL__GRO_OFF(rx->l3),
				   p->hdr + OFL__GRO_OFF(p->l3), rx->v6,
				   &p->fixedid, 1, 0, 0);
#if OFL_GRO_TUNNEL
	if (rx->tun)
		fl |= ofl__gro_ip_flush(ctx, p,
					rx->d + OFL__GRO_OFF(rx->ol3),
					p->hdr + OFL__GRO_OFF(p->ol3),
					(rx->tun & OFL__GRO_TUN_V6) != 0,
					&p->tun, OFL__GRO_TUN_OIDFIX, 1, 0);
#endif
	return fl;
}

#if defined(OFL_BPF)
OFL__GRO_BPF_STEP(net_flush, (const struct ofl_gro_ctx *ctx,
			      struct ofl_gro_flow *p,
			      const struct ofl__gro_buf *fb,
			      struct ofl__gro_bpf_rx *s),
		  ctx && p, ofl__gro_net_flush(ctx, p, &rx), 1, 0)

OFL__GRO_BPF_WRAP int ofl__gro_bpf_net_flush_call(const struct ofl_gro_ctx *ctx,
					   struct ofl_gro_flow *p,
					   const struct ofl__gro_rx *rx)
{
	struct ofl__gro_bpf_rx s;

	ofl__gro_bpf_put(&s, rx, 0, -1);
	return ofl__gro_bpf_net_flush(ctx, p, OFL__GRO_BPF_FB(rx->d), &s);
}
#define ofl__gro_net_flush(ctx, p, rx) ofl__gro_bpf_net_flush_call(ctx, p, rx)
#endif

/* tcp_gro_receive up to the merge decision: nonzero = flush. @same (a
 * constant at each call): the fast path found the frame's offsets, TTL, TOS
 * and frag_off equal to the held flow's (then a plain IPv4 flow). @flist:
 * a fraglist context (OFL_GRO_F_FRAGLIST; 0 on the fast path). */
OFL_INLINE int ofl__gro_tcp_flush(const struct ofl_gro_ctx *ctx,
				  struct ofl_gro_flow *p,
				  const struct ofl__gro_rx *rx, uint32_t same,
				  uint32_t flist)
{
	const uint8_t *th = rx->d + OFL__GRO_OFF(rx->l4);
	/* with @same the offsets are the frame's (constants on the fast
	 * path), not loaded from the flow */
	const uint8_t *th2 = p->hdr + OFL__GRO_OFF(same ? rx->l4 : p->l4);
	uint32_t thlen = (uint32_t)rx->pay - rx->l4;
	uint32_t flags = ofl_load_be32_mem(th + 12);
	uint32_t len = rx->len - rx->pay;
	uint32_t fl, cwr;

	/* CWR flushes by itself and its changes are ignored; 7.0 (AccECN,
	 * profile 2): CWR alone no longer flushes, a change of CWR does.
	 * Masks, not branches (BPF verifier). */
#if defined(OFL_BPF)
	cwr = OFL__GRO_TCP_CWR & (OFL__GRO_ACCECN(ctx) - 1u);
#else
	/* the same natively in two instructions (a compare and a select) */
	cwr = ctx->profile == OFL_GRO_PROFILE_7_0 ? 0u : OFL__GRO_TCP_CWR;
#endif
	fl = (flags & cwr) | ((flags ^ ofl_load_be32_mem(th2 + 12)) &
			      ~(cwr | OFL__GRO_TCP_FIN | OFL__GRO_TCP_PSH));
	fl |= ofl_load_be32_mem(th + 8) ^ ofl_load_be32_mem(th2 + 8);
	/* (with @same the fast path took the offsets from this flow) */
	if (!same && p->l4 + thlen != p->hdr_len) {
		fl |= 1;
	} else {
		uint32_t i;

		for (i = 20; i < 60; i += 4) {	/* every option byte */
			if (i >= thlen)
				break;
			fl |= ofl_load_ne32_mem(th + i) ^
			      ofl_load_ne32_mem(th2 + i);
		}
	}
	/* with @same only the ID rule of inet_gro_flush is left to check */
	fl |= (uint32_t)(same ?
		ofl__gro_ip_flush(ctx, p, rx->d + OFL__GRO_OFF(rx->l3),
				  p->hdr + OFL__GRO_OFF(rx->l3), 0,
				  &p->fixedid, 1, 0, 1) :
		ofl__gro_net_flush(ctx, p, rx));
	fl |= (uint32_t)((len - 1) >= p->mss);
	fl |= (ofl_load_be32_mem(th2 + 4) + p->payload) ^
	      ofl_load_be32_mem(th + 4);
	/* tcp_gro_receive with is_flist: the whole flag word equal (FIN and
	 * PSH too) and at most 64 segments; ip_summed and csum_level are
	 * equal for every frame the IP layer does not flush */
	if (flist)
		fl |= (flags ^ ofl_load_be32_mem(th2 + 12)) |
		      (uint32_t)(p->count >= 64);
	/* the fast path: skb_gro_receive's first test (ofl__gro_merge
	 * returns at once for a frame the IP layer flushes) made here with
	 * the others, the same decision; its operands need not live on */
	if (same)
		fl |= rx->flush;
	return fl != 0;
}

/* skb_gro_receive (skb_gro_receive_list with @flist, a fraglist
 * context): append the payload; nonzero if it does not fit. */
OFL_INLINE int ofl__gro_merge(struct ofl_gro_ctx *ctx,
			      struct ofl_gro_flow *p,
			      const struct ofl__gro_rx *rx, uint32_t id,
			      uint32_t flist)
{
	uint32_t len = rx->len - rx->pay;
	/* p->protocol: the outer one for a tunnel */
	uint32_t v6 = rx->tun ? (rx->tun & OFL__GRO_TUN_V6) != 0 : rx->v6;
	uint32_t max = v6 ? ctx->max_v6 : ctx->max_v4;
	unsigned int c = p->count;
	uint32_t add = len;

	/* skb_gro_receive_list: with the frame's whole IP packet (its
	 * skb->len before the pull), below 64 KiB */
	if (flist) {
		add = rx->len - OFL__GRO_ETH_HLEN;
		max = 65536;
	}
	if (rx->flush)
		return 1;
	/* one compare on the common path: below both limits (flist: add
	 * >= len, max 65536, so the second test follows from the first) */
	if (ofl_unlikely(p->len + add >= (max < OFL_GRO_LEGACY_MAX_SIZE ?
					  max : OFL_GRO_LEGACY_MAX_SIZE))) {
		if (p->len + add >= max)
			return 1;
		/* BIG TCP (6.18 skb_gro_receive, with 6.18.47's "net: gro:
		 * properly validate BIG TCP aggregation criteria"): past
		 * GRO_LEGACY_MAX_SIZE only TCP, not encapsulated
		 * (encap_mark), skb->protocol IPv4 or IPv6 (not an in-band
		 * VLAN tag); IPv6 needs 8 bytes for the jumbo header (room
		 * before the MAC header in Linux, here in hdr[]). 6.1: IPv6
		 * only, and only when TCP follows the IPv6 header directly. */
		if (p->len + len >= OFL_GRO_LEGACY_MAX_SIZE &&
		    (rx->udp || rx->tun || p->l3 != OFL__GRO_ETH_HLEN ||
		     (v6 && p->hdr_len + OFL_GRO_JUMBO_HLEN > OFL_GRO_MAX_HDR) ||
		     (ctx->profile == OFL_GRO_PROFILE_6_1 &&
		      (!v6 || p->hdr[OFL__GRO_OFF(p->l3) + 6] !=
			      OFL_IPPROTO_TCP))))
			return 1;
	}
	if (ofl_unlikely(c >= OFL_GRO_MAX_SEGS)) {
		/* past seg[]: an entry of the pool, or the flow is full */
#if !defined(OFL_BPF)
		struct ofl_gro_ext *e;
		uint32_t x = ctx->free_head;

		if (c >= 0xffffu || x >= ctx->pool)
			return 1;
		e = &ofl__gro_pool(ctx)[x];
		ctx->free_head = e->next;
		ctx->pool_free--;
		e->s.frame = id;
		e->s.off = rx->pay;
		e->s.len = (uint16_t)len;
		e->next = OFL__GRO_NONE;
		if (p->ext_head == OFL__GRO_NONE)
			p->ext_head = x;
		else
			ofl__gro_pool(ctx)[p->ext_tail].next = x;
		p->ext_tail = x;
#else
		return 1;
#endif
	} else {
		p->seg[c].frame = id;
		p->seg[c].off = rx->pay;
		p->seg[c].len = (uint16_t)len;
	}
	p->count = (uint16_t)(c + 1);
	p->len += len;
	p->payload += len;
	if (rx->udp)
		return 0;
	/* FIN and PSH are OR-ed into the held header (stored only when set:
	 * a byte store that the next segment's 4-byte flag word load would
	 * have to wait for) */
	if (rx->d[OFL__GRO_OFF(rx->l4) + 13] & 0x09)
		p->hdr[OFL__GRO_OFF(p->l4) + 13] |=
			(uint8_t)(rx->d[OFL__GRO_OFF(rx->l4) + 13] & 0x09);
	return 0;
}

/* Flags that end a flow (tcp_gro_receive out_check_final); 6.18 adds CWR:
 * a CWR segment is never merged and always passed up alone (6.10 and 7.0
 * do not). */
OFL_INLINE uint32_t ofl__gro_final_flags(const struct ofl_gro_ctx *ctx)
{
	uint32_t f = OFL__GRO_TCP_URG | OFL__GRO_TCP_PSH | OFL__GRO_TCP_RST |
		     OFL__GRO_TCP_SYN | OFL__GRO_TCP_FIN;

	return ctx->profile == OFL_GRO_PROFILE_6_18 ? f | OFL__GRO_TCP_CWR : f;
}

#if OFL_GRO_TUNNEL
/*
 * Inner UDP of a tunnel (after ofl__gro_ip4/ip6 admitted it with
 * OFL_GRO_F_UDP_FWD): to an enabled VXLAN/GENEVE port a tunnel socket
 * owns it, and udp_gro_receive refuses a frame with encap_mark set (up
 * alone); else udp_gro_receive_segment merges it. Nonzero: pass up.
 */
OFL_PRIVATE int ofl__gro_inner_udp_refused(const struct ofl_gro_ctx *ctx,
					   const struct ofl__gro_rx *rx)
{
	const uint8_t *uh = rx->d + OFL__GRO_OFF(rx->l4);
	uint16_t port;

	if (!rx->udp)
		return 0;
	if (uh + 4 > rx->end)
		return 1;
	port = ofl_load_be16(uh + 2);
	return (port == OFL_GRO_VXLAN_PORT &&
		(ctx->flags & OFL_GRO_F_VXLAN)) ||
	       (port == OFL_GRO_GENEVE_PORT &&
		(ctx->flags & OFL_GRO_F_GENEVE));
}

/*
 * A UDP datagram (outer IP parsed into rx) to the VXLAN or GENEVE port
 * (when enabled): udp4/6_gro_receive (outer checksum validated unless the IP layer flushes; zero is
 * accepted), udp_gro_receive's tunnel branch (a non-zero checksum that was
 * not validated passes the frame up), vxlan_gro_prepare_receive or
 * geneve_gro_receive, then eth_gro_receive. On success rx->tun, ol3,
 * ol4, l3 (inner IP) and v6 are set; ofl__gro_inner parses the inner IP.
 * Returns 0 (inner IP follows), 1 (pass up), 2 (not VXLAN: plain UDP).
 */
OFL_PRIVATE int ofl__gro_vxlan(const struct ofl_gro_ctx *ctx,
			       const struct ofl_gro_frame *f,
			       struct ofl__gro_rx *rx)
{
	const uint8_t *uh = rx->d + OFL__GRO_OFF(rx->l4);
	uint32_t hlen = 8, il3;
	uint16_t port, type;
	int bad;

	if (uh + 8 > rx->end)
		return 1;
	port = ofl_load_be16(uh + 2);
	if (!((port == OFL_GRO_VXLAN_PORT &&
	       (ctx->flags & OFL_GRO_F_VXLAN)) ||
	      (port == OFL_GRO_GENEVE_PORT &&
	       (ctx->flags & OFL_GRO_F_GENEVE))))
		return 2;
	bad = ofl__gro_csum_bad(f, rx);
	if (bad == 1)
		return 1;
	rx->csw = (uint8_t)(rx->csw | (bad >> 1));
	/* udp_gro_receive: a non-zero checksum neither vouched for
	 * (csum_cnt) nor validated (csum_valid, which CHECKSUM_COMPLETE
	 * sets from the start in dev_gro_receive) */
	if (rx->flush && ofl_load_ne16(uh + 6) &&
	    f->ip_summed == OFL_CHECKSUM_NONE)
		return 1;
	if (uh + 16 > rx->end)
		return 1;
	if (port == OFL_GRO_GENEVE_PORT) {
		/* geneve_gro_receive: version 0, no OAM; options length;
		 * Transparent Ethernet Bridging only (scope: Linux would
		 * also take an IP protocol type directly) */
		if ((uh[8] >> 6) != 0 || (uh[9] & 0x80) ||
		    ofl_load_be16(uh + 10) != OFL_ETH_P_TEB)
			return 1;
		hlen = ofl_proto_geneve_hlen(uh + 8);
	}
	il3 = (uint32_t)rx->l4 + 8 + hlen + OFL__GRO_ETH_HLEN;
	/* tunnel header and inner Ethernet; inner IPv4 or IPv6 */
	if (il3 + 20 + 20 > OFL_GRO_MAX_HDR || rx->d + il3 > rx->end)
		return 1;
	type = ofl_load_be16(rx->d +
			     OFL__BPF_BOUNDED(il3, OFL_GRO_MAX_HDR - 40) -
			     2);
	if (type != OFL_ETH_P_IP && type != OFL_ETH_P_IPV6)
		return 1;
	rx->tun = rx->v6 ? OFL__GRO_TUN_V6 : OFL__GRO_TUN_V4;
	rx->ol3 = (uint8_t)rx->l3;
	rx->ol4 = (uint8_t)rx->l4;
	rx->l3 = (uint16_t)il3;
	rx->v6 = type == OFL_ETH_P_IPV6;
	/* the inner IP layer: ofl__gro_inner */
	return 0;
}
#endif

#if OFL_GRO_TUNNEL
/*
 * GRE (protocol 47) or IP-in-IP (4: IPv4, 41: IPv6 inside) after the outer
 * IP header in rx: gre_gro_receive (version 0 and only the C and K flags,
 * else the frame goes up; a protocol type without gro_receive, i.e. not
 * IPv4, IPv6 or OFL_ETH_P_TEB Ethernet, goes up; with C the checksum over the
 * GRE header and the rest of the frame is validated, as
 * skb_gro_checksum_simple_validate, unless the outer IP layer flushes
 * already or the device vouched for the frame), eth_gro_receive for
 * OFL_ETH_P_TEB (inner IPv4/IPv6 only here: VLAN GRO is not modelled), and
 * ipip_gro_receive, sit_ip6ip6_gro_receive, ip4ip6_gro_receive (outer
 * IPv4 or IPv6 with IPIP or IPv6 inside). Each sets encap_mark, so a
 * second tunnel inside goes up (ofl__gro_inner admits only TCP, or UDP
 * with OFL_GRO_F_UDP_FWD: udp_gro_receive_segment, unless to an enabled
 * VXLAN/GENEVE port, a tunnel socket, which refuses a frame with
 * encap_mark set). On success rx->tun, ol3, ol4, l3 (inner IP) and v6 are
 * set. Returns 0 (inner IP follows) or 1 (pass up).
 */
OFL_PRIVATE int ofl__gro_ipt(const struct ofl_gro_frame *f,
			     struct ofl__gro_rx *rx)
{
	const uint8_t *gh = rx->d + OFL__GRO_OFF(rx->l4);
	uint32_t il3 = rx->l4, kind = OFL__GRO_TUN_IPIP;
	uint16_t type = rx->proto == OFL_IPPROTO_IPIP ? OFL_ETH_P_IP : OFL_ETH_P_IPV6;

	if (rx->proto == OFL_IPPROTO_GRE) {
		uint16_t fl;

		if (gh + 4 > rx->end)
			return 1;
		fl = ofl_load_be16(gh);
		type = ofl_load_be16(gh + 2);
		if ((fl & ~(unsigned int)(OFL_GRE_CSUM | OFL_GRE_KEY)) ||
		    (type != OFL_ETH_P_IP && type != OFL_ETH_P_IPV6 && type != OFL_ETH_P_TEB))
			return 1;
		il3 += ofl_proto_gre_hlen((uint8_t)(fl >> 8));
		if (rx->d + il3 > rx->end)
			return 1;
		if (fl & OFL_GRE_CSUM) {
			int bad;

			/* ofl__gro_csum_bad without a pseudo-header (the
			 * same step, one checksum loop for BPF) */
			rx->tun = OFL__GRO_TUN_GRE;
			bad = ofl__gro_csum_bad(f, rx);
			rx->tun = 0;
			if (bad == 1)
				return 1;
			rx->csw = (uint8_t)(rx->csw | (bad >> 1));
		}
		if (type == OFL_ETH_P_TEB) {
			if (rx->d + il3 + OFL__GRO_ETH_HLEN > rx->end)
				return 1;
			type = ofl_load_be16(rx->d + il3 + 12);
			il3 += OFL__GRO_ETH_HLEN;
			if (type != OFL_ETH_P_IP && type != OFL_ETH_P_IPV6)
				return 1;
		}
		kind = OFL__GRO_TUN_GRE;
	}
	/* room for the inner IP and TCP headers in a held flow */
	if (il3 + 20 + 20 > OFL_GRO_MAX_HDR)
		return 1;
	rx->tun = (uint8_t)((rx->v6 ? OFL__GRO_TUN_V6 : OFL__GRO_TUN_V4) |
			    kind);
	rx->ol3 = (uint8_t)rx->l3;
	rx->ol4 = (uint8_t)rx->l4;
	rx->l3 = (uint16_t)il3;
	rx->v6 = type == OFL_ETH_P_IPV6;
	/* the inner IP layer: ofl__gro_inner */
	return 0;
}

/*
 * The inner IP layer of a tunnel (rx->l3 and rx->v6 set by ofl__gro_vxlan
 * or ofl__gro_ipt): inet_gro_receive or ipv6_gro_receive again, for TCP or,
 * with OFL_GRO_F_UDP_FWD or OFL_GRO_F_FRAGLIST, UDP; rx->flush then holds
 * both IP layers' flush. One copy for every tunnel (fewer paths in BPF).
 * Returns 0 or 1 (pass up).
 */
OFL_PRIVATE int ofl__gro_inner(const struct ofl_gro_ctx *ctx,
			       struct ofl__gro_rx *rx)
{
	/* rx-gro-list: udp_gro_receive sets is_flist for inner UDP too */
	uint32_t udp_ok = OFL_GRO_UDP ? ctx->flags &
			  (OFL_GRO_F_UDP_FWD | OFL_GRO_F_FRAGLIST) : 0;
	uint8_t oflush = rx->flush;

	if (rx->v6 ? ofl__gro_ip6(rx, udp_ok) : ofl__gro_ip4(rx, udp_ok))
		return 1;
	if (ofl__gro_inner_udp_refused(ctx, rx))
		return 1;
	rx->flush |= oflush;
	return 0;
}

#if defined(OFL_BPF)
/* a global function: inlined after every tunnel's header walk, the inner
 * IPv6 extension header loop cost the verifier about 170k processed
 * instructions more */
OFL__GRO_BPF_STEP(inner, (const struct ofl_gro_ctx *ctx,
			  const struct ofl__gro_buf *fb,
			  struct ofl__gro_bpf_rx *s),
		  ctx, ofl__gro_inner(ctx, &rx), 1, 1)

OFL__GRO_BPF_WRAP int ofl__gro_bpf_inner_call(const struct ofl_gro_ctx *ctx,
				       struct ofl__gro_rx *rx)
{
	struct ofl__gro_bpf_rx s;
	int r;

	ofl__gro_bpf_put(&s, rx, 0, -1);
	r = ofl__gro_bpf_inner(ctx, OFL__GRO_BPF_FB(rx->d), &s);
	ofl__gro_rx_set(rx, &s.rx);
	return r;
}
#define ofl__gro_inner(ctx, rx) ofl__gro_bpf_inner_call(ctx, rx)
#endif
#endif

/* Parse down to the TCP payload; 0 if the frame is a GRO candidate. */
OFL__GRO_STEP int ofl__gro_parse(const struct ofl_gro_ctx *ctx,
			       const struct ofl_gro_frame *f,
			       struct ofl__gro_rx *rx)
{
	/* rx-gro-list: udp_gro_receive takes UDP with is_flist set */
	uint32_t udp_ok = OFL_GRO_UDP ? ctx->flags &
			  (OFL_GRO_F_UDP_FWD | OFL_GRO_F_FRAGLIST) : 0;
	uint32_t vx_ok = OFL_GRO_TUNNEL ?
			 ctx->flags & (OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE) : 0;
	/* GRE and IP-in-IP GRO are always registered in Linux */
	uint32_t ipt_ok = OFL_GRO_TUNNEL && !(ctx->flags & OFL_GRO_F_NO_IPTUN) ?
			  OFL__GRO_OK_IPT : 0;

	rx->d = f->data;
	rx->len = f->len;
	rx->end = f->data + f->len;
	rx->flush = 0;
	rx->udp = 0;
	rx->tun = 0;
	rx->vlan = ofl__gro_vlan(f);
	rx->csw = 0;
	if (f->len > 65535 || ofl__gro_l2(rx))
		return 1;
	if (rx->v6 ? ofl__gro_ip6(rx, udp_ok | vx_ok | ipt_ok) :
		     ofl__gro_ip4(rx, udp_ok | vx_ok | ipt_ok))
		return 1;
#if OFL_GRO_TUNNEL
	if (rx->proto != 6 && rx->proto != 17 && ofl__gro_ipt(f, rx))
		return 1;
	if (rx->udp && vx_ok && !rx->tun) {
		int t = ofl__gro_vxlan(ctx, f, rx);

		if (t == 1 || (t == 2 && !udp_ok))
			return 1;
	}
	if (rx->tun && ofl__gro_inner(ctx, rx))
		return 1;
#endif
	if (ofl__gro_csum_bad(f, rx) == 1)
		return 1;
	return ofl__gro_tcp_pull(rx);
}

#if defined(OFL_BPF)
OFL__GRO_BPF_STEP(parse, (const struct ofl_gro_ctx *ctx,
			  const struct ofl__gro_buf *fb,
			  struct ofl__gro_bpf_rx *s),
		  ctx, ofl__gro_parse(ctx, &f, &rx), 1, 1)

/* Frames over OFL_GRO_BPF_FRAME bytes are passed up alone in BPF. */
OFL__GRO_BPF_WRAP int ofl__gro_bpf_parse_call(const struct ofl_gro_ctx *ctx,
				       const struct ofl_gro_frame *f,
				       struct ofl__gro_rx *rx)
{
	struct ofl__gro_rx_s zero;
	struct ofl__gro_bpf_rx s;
	int r;

	if (f->len > OFL_GRO_BPF_FRAME)
		return 1;
	rx->d = f->data;
	rx->end = f->data + f->len;
	rx->len = f->len;
	__builtin_memset(&zero, 0, sizeof(zero));
	ofl__gro_rx_set(rx, &zero);
	ofl__gro_bpf_put(&s, rx, f, -1);
	r = ofl__gro_bpf_parse(ctx, OFL__GRO_BPF_FB(f->data), &s);
	ofl__gro_rx_set(rx, &s.rx);
	return r;
}
#define ofl__gro_parse(ctx, f, rx) ofl__gro_bpf_parse_call(ctx, f, rx)
#endif

/* tcp_gro_lookup: the newest held flow that is the frame's flow. */
OFL_PRIVATE int ofl__gro_lookup(const struct ofl_gro_bucket *b, uint32_t hash,
				const struct ofl__gro_rx *rx)
{
	unsigned int i, n = b->n;

	/* newest first: age positions n - 1 down to 0 */
	for (i = 0; i < OFL_GRO_BUCKET_FLOWS; i++) {
		unsigned int j = (n - 1u - i) & (OFL_GRO_BUCKET_FLOWS - 1);

		if (i >= n)
			break;
		if (ofl__gro_match(&b->flow[OFL__GRO_SLOT(b, j)], hash, rx))
			return (int)j;
	}
	return -1;
}

/* The full path's lookup: a call natively (OFL__GRO_STEP), inlined in
 * ofl__gro_receive_tmpl (one of the 32-flow workload's three frames in
 * four). */
OFL__GRO_STEP int ofl__gro_lookup_step(const struct ofl_gro_bucket *b,
				       uint32_t hash,
				       const struct ofl__gro_rx *rx)
{
	return ofl__gro_lookup(b, hash, rx);
}

/*
 * A burst's memory, per bucket (struct ofl_gro_bucket hint_*), of the flow
 * the bucket's previous frame was merged into by the fast path (and not
 * ended). Only frames of a bucket change it, so until the bucket's next
 * frame that flow is still its newest, at the same age position, with the
 * same offsets and hash: for a frame of that hash ofl__gro_fast_flow would
 * find it again. It lives in the context, not on the burst's stack (128
 * bytes there took ofl_gro_receive_burst past the core's 256-byte stack
 * rule), and is cleared at both ends of a burst, so between calls the
 * context holds exactly what ofl_gro_receive() would leave.
 */

/*
 * A flow (held now or earlier) that stands in for the parse of a frame of
 * @hash on the fast path and in ofl__gro_receive_tmpl: plain IPv4 TCP
 * (IP header right after the Ethernet header, no tunnel, not UDP) of that
 * hash. The one test both use.
 */
OFL_INLINE int ofl__gro_flow_plain4(const struct ofl_gro_flow *p,
				    uint32_t hash)
{
	return p->hash == hash && p->l3 == OFL__GRO_ETH_HLEN && !p->v6 &&
	       !p->udp && !p->tun;
}

/*
 * Fast path, same result: an untagged IPv4 frame whose Ethernet header,
 * version/IHL/TOS, frag_off/TTL/protocol, addresses, ports and data offset
 * equal those of the bucket's newest held flow. Then ofl__gro_parse would
 * succeed with the offsets of that flow and ofl__gro_lookup would return
 * it (in an empty bucket, the flow slot 0 held last stands in for it and
 * the lookup would find nothing: ofl__gro_fast_flow); what is left to
 * check of the parse (header checksum, tot_len, L4 checksum) is checked
 * here. Anything else takes the full path.
 */
OFL_INLINE struct ofl_gro_flow *ofl__gro_fast_flow(struct ofl_gro_bucket *b,
						    uint32_t hash, int *pos)
{
	struct ofl_gro_flow *p;

	if (b->n) {
		*pos = (int)b->n - 1;
		p = &b->flow[OFL__GRO_SLOT(b, *pos)];
	} else {
		/*
		 * No held flow: slot 0 (the one ofl__gro_hold takes in an
		 * empty bucket) still has the flow it held last, whose
		 * headers ofl__gro_parse accepted then (count is 0 only
		 * before any: ofl_gro_init). A frame whose headers equal
		 * them parses the same way now, so ofl__gro_fast admits it
		 * as it would for a held flow; with @pos -1 it is only
		 * checked (no merge) and held or passed up (ofl__gro_tcp_seg
		 * with no flow): the first frame of a flow in each poll
		 * skips the full parse. Nothing of the old flow is used but
		 * its headers and offsets.
		 */
		*pos = -1;
		p = &b->flow[0];
		if (!p->count)
			return 0;
	}
	return ofl__gro_flow_plain4(p, hash) ? p : 0;
}


/* The rx of a frame that the fast path admitted for a flow whose headers
 * are @pay bytes: every field ofl__gro_hold or ofl__gro_tcp_seg reads (a
 * new field of struct ofl__gro_rx needs its plain-IPv4 value here too). */
OFL_INLINE void ofl__gro_fast_rx(const struct ofl_gro_frame *f, uint32_t pay,
				 struct ofl__gro_rx *rx)
{
	const uint8_t *d = f->data;

	rx->d = d;
	rx->len = f->len;
	rx->end = d + f->len;
	rx->l3 = OFL__GRO_ETH_HLEN;
	rx->l4 = OFL__GRO_ETH_HLEN + 20;
	rx->pay = (uint16_t)pay;
	rx->v6 = 0;
	rx->udp = 0;
	rx->tun = 0;
	rx->ol3 = 0;
	rx->ol4 = 0;
	rx->proto = 6;
	rx->vlan = ofl__gro_vlan(f);
	rx->csw = 0;
	/* frag_off equals the held flow's: no fragment, no reserved bit */
	rx->flush = ofl_load_be16_mem(d + 16) != (uint16_t)(f->len - 14);
}

/* Fast path for frame @f: 0 and @rx filled if it is a frame of the held
 * flow @p (found by ofl__gro_fast_flow). */
OFL_INLINE int ofl__gro_fast(const struct ofl_gro_flow *p,
			     const struct ofl_gro_frame *f,
			     struct ofl__gro_rx *rx)
{
	const uint8_t *d = f->data, *h = p->hdr;

	if (f->len > 65535 || f->len < 54 || f->len < p->hdr_len ||
	    ofl__gro_vlan(f) != p->vlan)
		return 1;
	if ((ofl__gro_x8(h, d) | ofl__gro_x8(h + 8, d + 8) |
	     (ofl_load_ne32_mem(h + 20) ^ ofl_load_ne32_mem(d + 20)) |
	     ofl__gro_x8(h + 26, d + 26) |
	     (ofl_load_ne32_mem(h + 34) ^ ofl_load_ne32_mem(d + 34)) |
	     (uint32_t)(h[46] ^ d[46])) != 0)
		return 1;
	if (ofl__gro_ip4_csum_bad_mem(d + 14))
		return 1;
	ofl__gro_fast_rx(f, p->hdr_len, rx);
	return ofl__gro_csum_bad(f, rx) == 1;
}

/* dev_gro_receive, tail: hold the frame as a new flow (evicting the
 * oldest of a full bucket first, gro_flush_oldest). */
OFL_PRIVATE unsigned int ofl__gro_hold(struct ofl_gro_ctx *ctx,
				       struct ofl_gro_bucket *b,
				       const struct ofl_gro_frame *f,
				       const struct ofl__gro_rx *rx,
				       struct ofl_gro_pkt *out)
{
	unsigned int k = 0, s;
	struct ofl_gro_flow *p;

	if (b->n >= OFL_GRO_BUCKET_FLOWS) {
		ofl__gro_complete(ctx, &b->flow[OFL__GRO_SLOT(b, 0)], out);
		ofl__gro_unlink(b, 0);
		ctx->held--;
		k = 1;
	}
	for (s = 0; s < OFL_GRO_BUCKET_FLOWS - 1; s++)
		if (!b->used[s])
			break;
	p = &b->flow[s];
#if !defined(OFL_BPF)
	/* the slot's last flow may have been delivered in this very call:
	 * its pool entries are freed in the next one (count: the last
	 * flow's, 0 after ofl_gro_init) */
	if (p->count > OFL_GRO_MAX_SEGS) {
		ofl__gro_chain_put(ctx, &ctx->pend_head, &ctx->pend_tail,
				   p->ext_head, p->ext_tail);
		p->ext_head = OFL__GRO_NONE;
	}
#endif
	b->age[s] = ctx->now;
	p->hash = f->hash;
	p->len = f->len - OFL__GRO_ETH_HLEN;
	p->payload = f->len - rx->pay;
	p->first_len = f->len;
	p->hdr_len = rx->pay;
	p->l3 = rx->l3;
	p->l4 = rx->l4;
	p->mss = (uint16_t)p->payload;
	p->count = 1;
	p->v6 = rx->v6;
	p->fixedid = 0;
	p->udp = rx->udp;
	p->tun = rx->tun;
	p->ol3 = rx->tun ? rx->ol3 : 0;
	p->ol4 = rx->tun ? rx->ol4 : 0;
	p->vlan = rx->vlan;
	/* 12 bytes past the headers too, where the frame has them: what 6.1's
	 * outer UDP checksum reads (flush.c, ofl__gro_fixup_tun) */
	ofl__gro_copy(p->hdr, rx->d, rx->pay + 12u <= f->len ?
		      rx->pay + 12u : f->len, OFL_GRO_MAX_HDR);
	p->seg[0].frame = f->id;
	p->seg[0].off = rx->pay;
	p->seg[0].len = (uint16_t)p->payload;
	b->used[s] = 1;
	b->order[b->n & (OFL_GRO_BUCKET_FLOWS - 1)] = (uint8_t)s;
	b->n++;
	ctx->held++;
	return k;
}

#if defined(OFL_BPF)
OFL__GRO_BPF_STEP(hold, (struct ofl_gro_ctx *ctx,
			 const struct ofl__gro_buf *fb,
			 struct ofl__gro_bpf_rx *s, struct ofl_gro_pkt *o),
		  ctx && o,
		  (int)ofl__gro_hold(ctx, OFL__GRO_BPF_BUCKET(ctx, f), &f, &rx,
				     o), 0, 0)

OFL__GRO_BPF_WRAP unsigned int ofl__gro_bpf_hold_call(struct ofl_gro_ctx *ctx,
					       const struct ofl_gro_frame *f,
					       const struct ofl__gro_rx *rx,
					       struct ofl_gro_pkt *out)
{
	struct ofl__gro_bpf_rx s;

	ofl__gro_bpf_put(&s, rx, f, -1);
	return ofl__gro_bpf_hold(ctx, OFL__GRO_BPF_FB(f->data), &s, out) ?
	       1u : 0u;
}
#define ofl__gro_hold(ctx, b, f, rx, out)				\
	ofl__gro_bpf_hold_call(ctx, f, rx, out)
#endif

/* udp_gro_receive_segment after its first checks, and dev_gro_receive. */
OFL__GRO_STEP int ofl__gro_udp(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
			     const struct ofl_gro_frame *f,
			     const struct ofl__gro_rx *rx, int pos,
			     struct ofl_gro_pkt *out, unsigned int *nout)
{
	uint32_t ulen = ofl_load_be16(rx->d + OFL__GRO_OFF(rx->l4) + 4);
	unsigned int k = 0;
	int flush = rx->flush;

	if (pos >= 0) {
		struct ofl_gro_flow *p = &b->flow[OFL__GRO_SLOT(b, pos)];
		uint32_t ulen2 = ofl_load_be16(p->hdr + OFL__GRO_OFF(p->l4) + 4);
		int pp = 0, merged = 0;

		/* a flow of UDP_GRO_CNT_MAX segments is delivered and the
		 * datagram passed up (as the running 6.18 kernel does); a
		 * longer datagram or a network-layer difference ends the
		 * flow; a shorter one is merged and ends it */
		if (p->count >= OFL__GRO_UDP_CNT_MAX)
			pp = flush = 1;
		else if (ulen > ulen2 || ofl__gro_net_flush(ctx, p, rx))
			pp = 1;
		else if ((ctx->flags & OFL_GRO_F_FRAGLIST) && flush &&
			 f->ip_summed == OFL_CHECKSUM_NONE)
			/* is_flist: not validated (the IP layer flushes), the
			 * frame is still CHECKSUM_NONE, the held one is not:
			 * the frame goes up, the flow stays. COMPLETE stays
			 * COMPLETE when validated (__skb_incr_checksum_
			 * unnecessary): equal, as for UNNECESSARY */
			goto up;
		else
			merged = !ofl__gro_merge(ctx, p, rx, f->id,
						 ctx->flags & OFL_GRO_F_FRAGLIST);
		if (!pp && (!merged || ulen != ulen2))
			pp = 1;
		if (pp) {
			ofl__gro_complete(ctx, p, &out[k++]);
			ofl__gro_unlink(b, (unsigned int)pos);
			ctx->held--;
		}
		if (merged) {
			*nout = k;
			return OFL_GRO_MERGED;
		}
	}
	if (flush) {
up:
		ofl__gro_frame_pkt(&out[k++], f->id, f->len,
				   ofl__gro_vlan(f));
		*nout = k;
		return OFL_GRO_NORMAL;
	}
	/* the caller holds it (ofl__gro_hold) */
	*nout = k;
	return OFL_GRO_HELD;
}

#if defined(OFL_BPF)
/* eBPF: the UDP and TCP decisions as global functions (bpf.h). */
OFL__GRO_BPF_STEP(udp, (struct ofl_gro_ctx *ctx,
			const struct ofl__gro_buf *fb,
			struct ofl__gro_bpf_rx *s, struct ofl__gro_bpf_out *o),
		  ctx && o,
		  ofl__gro_udp(ctx, OFL__GRO_BPF_BUCKET(ctx, f), &f, &rx,
			       ofl__gro_bpf_pos(s), o->p, &s->nout),
		  OFL_EINVAL, 0)
#endif

/*
 * tcp_gro_receive's merge-or-flush decision and the rest of dev_gro_receive
 * for a TCP segment, held flow @p at age position @pos (-1 and NULL: none).
 * Inlined at both call sites natively: in the fast path's copy the offsets
 * are constants and @same is 1, so the compiler specialises the same source.
 */
OFL_INLINE int ofl__gro_tcp_seg(struct ofl_gro_ctx *ctx,
				struct ofl_gro_bucket *b,
				const struct ofl_gro_frame *f,
				const struct ofl__gro_rx *rx, int pos,
				struct ofl_gro_flow *p, struct ofl_gro_pkt *out,
				unsigned int *nout, uint32_t same,
				uint32_t flist)
{
	uint32_t flags, len, final, up;
	int merged = 0;
	unsigned int k = 0;

	flags = ofl_load_be32_mem(rx->d + OFL__GRO_OFF(rx->l4) + 12);
	len = rx->len - rx->pay;
	if (pos >= 0 && p) {
		merged = !ofl__gro_tcp_flush(ctx, p, rx, same, flist) &&
			 !ofl__gro_merge(ctx, p, rx, f->id, flist);
		/* out_check_final: mss is 1 unless merged */
		final = len < (merged ? p->mss : 1u);
		final |= flags & ofl__gro_final_flags(ctx);
		/* the frame goes up alone (one value, not the tests', is
		 * what lives through the completion below) */
		up = final | rx->flush;
		/* (the merge that goes on is the common case: spills and
		 * register moves belong on this path, not on that one) */
		if (ofl_unlikely(!merged || final)) {
			ofl__gro_complete(ctx, p, &out[k++]);
			ofl__gro_unlink(b, (unsigned int)pos);
			ctx->held--;
		}
	} else {
		final = len < 1u;
		final |= flags & ofl__gro_final_flags(ctx);
		up = final | rx->flush;
	}
	if (ofl_likely(merged)) {
		*nout = k;
		return OFL_GRO_MERGED;
	}
	if (up) {
		ofl__gro_frame_pkt(&out[k++], f->id, f->len,
				   ofl__gro_vlan(f));
		*nout = k;
		return OFL_GRO_NORMAL;
	}
	/* the caller holds it (ofl__gro_hold) */
	*nout = k;
	return OFL_GRO_HELD;
}

/* ofl__gro_tcp_seg for the full path (@pos: its held flow, or -1). */
OFL_INLINE int ofl__gro_tcp(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
			    const struct ofl_gro_frame *f,
			    const struct ofl__gro_rx *rx, int pos,
			    struct ofl_gro_pkt *out, unsigned int *nout)
{
	return ofl__gro_tcp_seg(ctx, b, f, rx, pos,
				pos >= 0 ? &b->flow[OFL__GRO_SLOT(b, pos)] : 0,
				out, nout, 0, ctx->flags & OFL_GRO_F_FRAGLIST);
}

#if defined(OFL_BPF)
OFL__GRO_BPF_STEP(tcp, (struct ofl_gro_ctx *ctx,
			const struct ofl__gro_buf *fb,
			struct ofl__gro_bpf_rx *s, struct ofl__gro_bpf_out *o),
		  ctx && o,
		  ofl__gro_tcp(ctx, OFL__GRO_BPF_BUCKET(ctx, f), &f, &rx,
			       ofl__gro_bpf_pos(s), o->p, &s->nout),
		  OFL_EINVAL, 0)

/* The callers' wrapper of both, a static subprogram (OFL__GRO_BPF_WRAP),
 * which takes at most 5 arguments: @pos_tcp is pos * 2 + tcp, and the
 * result comes back as r | nout << 4 (r >= 0) or r. */
OFL__GRO_BPF_WRAP int ofl__gro_bpf_l4_call(struct ofl_gro_ctx *ctx,
					    const struct ofl_gro_frame *f,
					    const struct ofl__gro_rx *rx,
					    int pos_tcp,
					    struct ofl_gro_pkt *out)
{
	const struct ofl__gro_buf *fb = OFL__GRO_BPF_FB(f->data);
	struct ofl__gro_bpf_out *o = (struct ofl__gro_bpf_out *)out;
	struct ofl__gro_bpf_rx s;
	int r;

	ofl__gro_bpf_put(&s, rx, f, pos_tcp >> 1);
	r = (pos_tcp & 1) ? ofl__gro_bpf_tcp(ctx, fb, &s, o) :
			    ofl__gro_bpf_udp(ctx, fb, &s, o);
	return r < 0 ? r : r | (int)((s.nout < 2 ? s.nout : 2) << 4);
}

OFL_INLINE int ofl__gro_bpf_l4_ret(int v, unsigned int *nout)
{
	*nout = v < 0 ? 0 : ((unsigned int)v >> 4) & 3;
	return v < 0 ? v : v & 15;
}
#define ofl__gro_udp(ctx, b, f, rx, pos, out, nout)			\
	ofl__gro_bpf_l4_ret(ofl__gro_bpf_l4_call(ctx, f, rx, (pos) * 2,	\
						 out), nout)
#define ofl__gro_tcp(ctx, b, f, rx, pos, out, nout)			\
	ofl__gro_bpf_l4_ret(ofl__gro_bpf_l4_call(ctx, f, rx,		\
						 (pos) * 2 + 1, out), nout)
#endif

#if !defined(OFL_BPF)
/* At the end of a burst, all of it, so that between calls the context is
 * exactly what ofl_gro_receive() leaves; at its start hint_off alone (@all
 * 0), which turns the hint off (a context given to the burst is not
 * trusted to have been left so: its hint_pos and hint_hash are read only
 * once a frame of the burst has written all three). */
OFL_INLINE void ofl__gro_hints_clear(struct ofl_gro_ctx *ctx, int all)
{
	unsigned int i;

	for (i = 0; i < OFL_GRO_BUCKETS; i++) {
		ctx->b[i].hint_off = 0;
		if (all) {
			ctx->b[i].hint_pos = 0;
			ctx->b[i].hint_hash = 0;
		}
	}
}
#endif

/* dev_gro_receive without the fast path: parse, lookup, the TCP or UDP
 * decision, hold. */
OFL_INLINE int ofl__gro_receive_slow(struct ofl_gro_ctx *ctx,
				     struct ofl_gro_bucket *b,
				     const struct ofl_gro_frame *f,
				     struct ofl_gro_pkt *out,
				     unsigned int *nout)
{
	struct ofl__gro_rx rx;
	int pos, r;

	if (ofl__gro_parse(ctx, f, &rx)) {
		ofl__gro_frame_pkt(out, f->id, f->len, ofl__gro_vlan(f));
		*nout = 1;
		return OFL_GRO_NORMAL;
	}
	pos = ofl__gro_lookup_step(b, f->hash, &rx);
	r = rx.udp ? ofl__gro_udp(ctx, b, f, &rx, pos, out, nout) :
		     ofl__gro_tcp(ctx, b, f, &rx, pos, out, nout);
	/* a new held flow (here, not in the two above: in BPF that keeps
	 * the call chain within the verifier's 512-byte stack) */
	if (r == OFL_GRO_HELD)
		*nout += ofl__gro_hold(ctx, b, f, &rx, &out[*nout]);
	return r;
}

#if !defined(OFL_BPF)
/* A frame the fast path admitted but that starts a new flow (it ended
 * @pay bytes of headers' flow): out of line, with its own rx, so that
 * the fast path's rx never has its address taken and stays in registers
 * (ofl__gro_hold is not inlined). */
static __attribute__((__noinline__)) unsigned int
ofl__gro_hold_fast(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
		   const struct ofl_gro_frame *f, uint32_t pay,
		   struct ofl_gro_pkt *out)
{
	struct ofl__gro_rx rx;

	ofl__gro_fast_rx(f, pay, &rx);
	return ofl__gro_hold(ctx, b, f, &rx, out);
}

/*
 * ofl__gro_hold_fast for a frame that an empty bucket's slot 0 stood in for
 * (ofl__gro_fast_flow, @pos -1): ofl__gro_hold would take that very slot
 * (no flow to evict; with n 0 no slot is used) and write the same bytes.
 * Of what it writes, hash, hdr_len (@pay is the slot's), l3, v6, udp, tun
 * and vlan already hold the frame's values (the fast path's tests; ol3
 * and ol4 are 0 in every flow without a tunnel); the rest is written
 * here. Headers: n bytes as ofl__gro_copy would, n at least 54 (the fast
 * path's shortest frame and headers).
 */
static __attribute__((__noinline__)) void
ofl__gro_hold_slot0(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
		    const struct ofl_gro_frame *f, uint32_t pay)
{
	struct ofl_gro_flow *p = &b->flow[0];
	const uint8_t *d = f->data;
	uint32_t len = f->len, n = pay + 12u <= len ? pay + 12u : len, i;

	/* ofl__gro_copy copies at most OFL_GRO_MAX_HDR (a plain IPv4 TCP
	 * frame's headers and 12 bytes are 106 at most, but the tail copy
	 * below must never pass hdr[]) */
	if (n > OFL_GRO_MAX_HDR)
		n = OFL_GRO_MAX_HDR;
	if (p->count > OFL_GRO_MAX_SEGS) {
		ofl__gro_chain_put(ctx, &ctx->pend_head, &ctx->pend_tail,
				   p->ext_head, p->ext_tail);
		p->ext_head = OFL__GRO_NONE;
	}
	b->age[0] = ctx->now;
	p->len = len - OFL__GRO_ETH_HLEN;
	p->payload = len - pay;
	p->first_len = len;
	p->l4 = OFL__GRO_ETH_HLEN + 20;
	p->mss = (uint16_t)(len - pay);
	p->count = 1;
	p->fixedid = 0;
	OFL_STATIC_ASSERT(OFL_GRO_MAX_HDR >= 56, "48 bytes, then words");
	for (i = 0; i < 48; i += 8)
		ofl_copy8(p->hdr + i, d + i);
	for (; i + 8 <= OFL_GRO_MAX_HDR; i += 8) {
		if (i + 8 > n)
			break;
		ofl_copy8(p->hdr + i, d + i);
	}
	if (i < n)
		ofl_copy8(p->hdr + n - 8, d + n - 8);
	p->seg[0].frame = f->id;
	p->seg[0].off = (uint16_t)pay;
	p->seg[0].len = (uint16_t)(len - pay);
	b->used[0] = 1;
	b->order[0] = 0;
	b->n = 1;
	ctx->held++;
}

static __attribute__((__noinline__)) int
ofl__gro_receive_slow_nl(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
			 const struct ofl_gro_frame *f,
			 struct ofl_gro_pkt *out, unsigned int *nout)
{
	return ofl__gro_receive_slow(ctx, b, f, out, nout);
}

/*
 * The full path for a frame the fast path did not take, in a bucket with
 * held flows, with a flow of the bucket as the template of its parse: a
 * slot whose flow (held now or earlier: count is 0 only before any) is
 * plain IPv4 TCP of the frame's hash and whose headers ofl__gro_fast finds
 * equal to the frame's, which then parses as that flow did (see
 * ofl__gro_fast_flow). The lookup and what follows are the full path's.
 * -1 if no slot serves (the caller parses).
 */
static __attribute__((__noinline__)) int
ofl__gro_receive_tmpl(struct ofl_gro_ctx *ctx, struct ofl_gro_bucket *b,
		      const struct ofl_gro_frame *f, struct ofl_gro_pkt *out,
		      unsigned int *nout)
{
	struct ofl__gro_rx rx;
	unsigned int s;
	int pos, r;

	for (s = 0; s < OFL_GRO_BUCKET_FLOWS; s++) {
		const struct ofl_gro_flow *t = &b->flow[s];

		if (t->count && ofl__gro_flow_plain4(t, f->hash))
			break;
	}
	if (s >= OFL_GRO_BUCKET_FLOWS || ofl__gro_fast(&b->flow[s], f, &rx))
		return -1;
	pos = ofl__gro_lookup(b, f->hash, &rx);
	r = ofl__gro_tcp(ctx, b, f, &rx, pos, out, nout);
	if (r == OFL_GRO_HELD)
		*nout += ofl__gro_hold(ctx, b, f, &rx, &out[*nout]);
	return r;
}
#endif

#if defined(OFL_BPF)
/*
 * The fast path in BPF, as natively, in one global function: the admission
 * test (ofl__gro_fast), the TCP decision with @same (ofl__gro_tcp_seg as
 * the native fast path calls it: the network layer's test is the inlined
 * ID rule, not net_flush with the full comparison again) and the hold of a
 * frame that starts a new flow. It takes the frame's scalars where they
 * are (@fs, in the caller's struct ofl_gro_frame) and returns the result
 * with the count of deliveries (in @o) as r | nout << 4, or
 * OFL__GRO_BPF_SLOW (nothing done) for the full path. One function, not
 * three (admission, decision, hold) behind a static caller-side wrapper:
 * each BPF-to-BPF call costs its return, which this kernel makes through
 * the return thunk (x86's mitigations), and each global function rebuilds
 * the frame and its state from packed scalars (docs/PERFORMANCE.md,
 * session 11). The flow completion and the header copy stay global
 * functions of their own (ofl__gro_complete, ofl__gro_copy: inlined here,
 * the copy's loop takes the verifier past its 1M limit).
 */
#define OFL__GRO_BPF_SLOW 0x100
OFL__GRO_BPF_FN(fast, (struct ofl_gro_ctx *ctx,
		       const struct ofl__gro_buf *fb,
		       const struct ofl__gro_frame_s *fs,
		       struct ofl__gro_bpf_out *o))
{
	struct ofl_gro_frame f;
	struct ofl__gro_rx rx;
	struct ofl_gro_bucket *b;
	struct ofl_gro_flow *fp;
	unsigned int k = 0;
	int fpos = 0;	/* -1: an empty bucket's slot 0 stands in */
	int r;

	if (!ctx || !fb || !fs || !o || (ctx->flags & OFL_GRO_F_FRAGLIST))
		return OFL__GRO_BPF_SLOW;
#define OFL__GRO_GET(type, name) f.name = fs->name;
	OFL__GRO_FRAME_SCALARS(OFL__GRO_GET)
#undef OFL__GRO_GET
	if (f.len > OFL_GRO_BPF_FRAME)
		return OFL__GRO_BPF_SLOW;
	f.data = fb->b;
	/* ofl__gro_fast fills it; zeroed so that no byte of it (padding)
	 * is read uninitialised when the checksum step packs it */
	__builtin_memset(&rx, 0, sizeof(rx));
	b = OFL__GRO_BPF_BUCKET(ctx, f);
	fp = ofl__gro_fast_flow(b, f.hash, &fpos);
	if (!fp || ofl__gro_fast(fp, &f, &rx))
		return OFL__GRO_BPF_SLOW;
	r = ofl__gro_tcp_seg(ctx, b, &f, &rx, fpos, fp, o->p, &k, 1, 0);
	if (r == OFL_GRO_HELD && k < 2)
		/* (parenthesised: the function, not the global one's
		 * caller-side wrapper that the macro names) */
		k += (ofl__gro_hold)(ctx, b, &f, &rx, &o->p[k & 1]);
	return r | (int)((k < 2 ? k : 2) << 4);
}

/* Its caller's half, inlined: nothing is packed (@f's scalars are passed
 * in place), so no frame of its own is needed; a frame too long for BPF
 * comes back OFL__GRO_BPF_SLOW from the callee's own test. */
OFL_INLINE int ofl__gro_bpf_fast_in(struct ofl_gro_ctx *ctx,
				    const struct ofl_gro_frame *f,
				    struct ofl_gro_pkt *out, unsigned int *nout)
{
	int v = ofl__gro_bpf_fast(ctx, OFL__GRO_BPF_FB(f->data),
				  OFL__GRO_BPF_FS(f),
				  (struct ofl__gro_bpf_out *)out);

	if (v == OFL__GRO_BPF_SLOW)
		return v;
	*nout = ((unsigned int)v >> 4) & 3;
	return v & 15;
}
#endif

/* dev_gro_receive; arguments checked by the callers. @hint: 1 (a
 * constant) in a burst: use and keep the bucket's hint (natively). */
OFL_INLINE int ofl__gro_receive(struct ofl_gro_ctx *ctx,
				 const struct ofl_gro_frame *f,
				 struct ofl_gro_pkt *out, unsigned int *nout,
				 int hint)
{
	struct ofl_gro_bucket *b;

	b = &ctx->b[f->hash & (OFL_GRO_BUCKETS - 1)];
#if !defined(OFL_BPF)
	{
		int r;
		/* its own rx: never address-taken, so it stays in registers */
		struct ofl__gro_rx frx;
		struct ofl_gro_flow *fp;
		int fpos = 0;

		if (hint && b->hint_off && b->hint_hash == f->hash) {
			fp = (struct ofl_gro_flow *)(void *)((uint8_t *)b +
							    b->hint_off);
			fpos = (int)b->hint_pos;
		} else {
			/* fraglist contexts take the full path */
			fp = (ctx->flags & OFL_GRO_F_FRAGLIST) ? 0 :
			     ofl__gro_fast_flow(b, f->hash, &fpos);
			/* the hint names this flow from now on; taken back
			 * below unless the frame merges into it and does
			 * not end it (written here, nothing of the test
			 * above stays live through the merge) */
			if (hint && fp) {
				b->hint_off = (uint16_t)((uint8_t *)fp -
							 (uint8_t *)b);
				b->hint_pos = (uint8_t)fpos;
				b->hint_hash = f->hash;
			}
		}
		if (ofl_likely(fp && !ofl__gro_fast(fp, f, &frx))) {
			r = ofl__gro_tcp_seg(ctx, b, f, &frx, fpos, fp,
					     out, nout, 1, 0);
			if (r == OFL_GRO_HELD && fpos < 0)
				ofl__gro_hold_slot0(ctx, b, f, frx.pay);
			else if (r == OFL_GRO_HELD)
				*nout += ofl__gro_hold_fast(ctx, b, f, frx.pay,
							    &out[*nout]);
			/* merged and not ended (ending delivers the flow):
			 * the hint is this flow; anything else changed the
			 * bucket: no hint */
			if (hint && (r != OFL_GRO_MERGED || *nout))
				b->hint_off = 0;
			return r;
		}
		if (hint)
			b->hint_off = 0;
		/* (an empty bucket's slot 0 was tried above) */
		if (b->n && !(ctx->flags & OFL_GRO_F_FRAGLIST)) {
			r = ofl__gro_receive_tmpl(ctx, b, f, out, nout);
			if (r >= 0)
				return r;
		}
	}
	/* the full path out of line, which keeps the frames of
	 * ofl_gro_receive() and ofl_gro_receive_burst() within the core's
	 * 256-byte stack rule in every build (the kernel module's flags made
	 * the first 264 inlined, gcc -O3 the second 256) */
	(void)hint;
	return ofl__gro_receive_slow_nl(ctx, b, f, out, nout);
#else
	(void)hint;
	{
		int r = ofl__gro_bpf_fast_in(ctx, f, out, nout);

		if (r != OFL__GRO_BPF_SLOW)
			return r;
	}
	return ofl__gro_receive_slow(ctx, b, f, out, nout);
#endif
}

/* A frame the API refuses (OFL_EINVAL): ip_summed above COMPLETE or a
 * non-zero reserved byte, in one compare (a burst checks every frame
 * first). */
OFL_INLINE int ofl__gro_frame_bad(const struct ofl_gro_frame *f)
{
	return (!f->data && f->len) ||
	       ((uint32_t)f->reserved << 8 | f->ip_summed) >
	       OFL_CHECKSUM_COMPLETE;
}

/* ofl_gro_receive()'s argument check and start of a call: 0 or
 * OFL_EINVAL (with *@nout 0 where there is one). */
OFL_INLINE int ofl__gro_receive_args(struct ofl_gro_ctx *ctx,
				     const struct ofl_gro_frame *f,
				     const struct ofl_gro_pkt *out,
				     unsigned int *nout)
{
	if (nout)
		*nout = 0;
	if (!ctx || !f || !out || !nout || ofl__gro_frame_bad(f))
		return OFL_EINVAL;
	ofl__gro_pool_begin(ctx);
	return 0;
}

OFL_API int ofl_gro_receive(struct ofl_gro_ctx *ctx,
			    const struct ofl_gro_frame *f,
			    struct ofl_gro_pkt *out, unsigned int *nout)
{
	if (ofl__gro_receive_args(ctx, f, out, nout))
		return OFL_EINVAL;
	return ofl__gro_receive(ctx, f, out, nout, 0);
}

OFL_API int ofl_gro_receive_burst(struct ofl_gro_ctx *ctx,
				  const struct ofl_gro_frame *f, unsigned int n,
				  struct ofl_gro_pkt *out, unsigned int max_out)
{
	unsigned int i, k = 0;

	if (!ctx || (n && (!f || !out)))
		return OFL_EINVAL;
	if (max_out / 2 < n)
		return OFL_ENOSPC;
	for (i = 0; i < n; i++)
		if (ofl__gro_frame_bad(&f[i]))
			return OFL_EINVAL;
	ofl__gro_pool_begin(ctx);
#if !defined(OFL_BPF)
	ofl__gro_hints_clear(ctx, 0);
#endif
#if !defined(OFL_BPF)
	{
		/* pointers, not indexes: fewer values live across the
		 * inlined fast path */
		const struct ofl_gro_frame *fi = f, *fe = f + n;
		struct ofl_gro_pkt *o = out;

		/* the first frames' headers, before the first is needed:
		 * the loop below hints only from frame
		 * OFL__GRO_PREFETCH_AHEAD on */
		for (i = 0; i < OFL__GRO_PREFETCH_AHEAD; i++) {
			if (i >= n)
				break;
			OFL__GRO_PREFETCH_FRAME(&f[i]);
		}
		for (; fi < fe; fi++) {
			unsigned int m;

			/* the headers of a later frame of the burst are
			 * fetched while this one is handled (each frame
			 * depends on the previous one's result, so the core
			 * would not look that far ahead), far enough ahead
			 * for bytes that come from memory, as a NIC's DMA
			 * leaves them without DDIO (internal.h). Both of its
			 * first two lines: a flow's first frame has its headers
			 * and the 12 bytes after them copied into its slot
			 * (flush.c: 6.1's UDP completion), 66 bytes for
			 * Ethernet/IPv4/TCP without options, so without the
			 * second hint each new flow's frame waited for
			 * memory (bench_gro, 32 flows, 1024-burst ring on
			 * an AMD EPYC: 3.9 us a burst, 0.8 us with it; a
			 * CPU that fetches adjacent lines in pairs hid
			 * this). */
			if (fe - fi > (ptrdiff_t)OFL__GRO_PREFETCH_AHEAD)
				OFL__GRO_PREFETCH_FRAME(
					&fi[OFL__GRO_PREFETCH_AHEAD]);
			ofl__gro_receive(ctx, fi, o, &m, 1);
			o += m;
		}
		k = (unsigned int)(o - out);
	}
#else
	for (i = 0; i < n; i++) {
		unsigned int m;

		ofl__gro_receive(ctx, &f[i], &out[k], &m, 0);
		k += m;
	}
#endif
#if !defined(OFL_BPF)
	ofl__gro_hints_clear(ctx, 1);
#endif
	return (int)k;
}

#if defined(OFL__GRO_GENERIC_ENTRY)
/* ofl_gro_receive() without the fast path (test-only, lib/gro/internal.h) */
int ofl__gro_receive_generic(struct ofl_gro_ctx *ctx,
			     const struct ofl_gro_frame *f,
			     struct ofl_gro_pkt *out, unsigned int *nout)
{
	if (ofl__gro_receive_args(ctx, f, out, nout))
		return OFL_EINVAL;
	return ofl__gro_receive_slow_nl(ctx,
					&ctx->b[f->hash & (OFL_GRO_BUCKETS - 1)],
					f, out, nout);
}
#endif
