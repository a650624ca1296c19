// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The checksums of a view (view.c), computed and judged with this module's
 * own functions, and the names `ofl csum` prints (offload/csum.h).
 */
#include "internal.h"

/* A folded checksum as the wire bytes a native store gives, big-endian. */
OFL_INLINE uint32_t ofl__csum_vv_wire(ofl_sum16 s)
{
	uint8_t b[2];

	ofl_store_ne16(b, (OFL_FORCE uint16_t)s);
	return ofl_load_be16(b);
}

OFL_INLINE uint32_t ofl__csum_vv_le32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

/* The IP protocol in the pseudo header of @kind; 0: none. */
OFL_INLINE uint8_t ofl__csum_vv_proto(uint8_t kind)
{
	switch (kind) {
	case OFL_CSUM_KIND_TCP: return OFL_IPPROTO_TCP;
	case OFL_CSUM_KIND_UDP: return OFL_IPPROTO_UDP;
	case OFL_CSUM_KIND_ICMPV6: return OFL_IPPROTO_ICMPV6;
	default: return 0;
	}
}

/* The checksum over the pseudo header (if any) and @sum, as wire value. */
OFL_PRIVATE uint32_t ofl__csum_vv_fold(const uint8_t *f,
				       const struct ofl_csum_check *c,
				       ofl_wsum sum)
{
	uint8_t proto = ofl__csum_vv_proto(c->kind);

	if (!proto)
		return ofl__csum_vv_wire(ofl_csum_fold(sum));
	if (c->family == 6)
		return ofl__csum_vv_wire(ofl_csum_ipv6_magic(f + c->saddr_off,
							     f + c->daddr_off,
							     c->len, proto,
							     sum));
	return ofl__csum_vv_wire(ofl_csum_tcpudp_magic(
		(OFL_FORCE ofl_be32)ofl_load_ne32(f + c->saddr_off),
		(OFL_FORCE ofl_be32)ofl_load_ne32(f + c->daddr_off), c->len,
		proto, sum));
}

/* A 16-bit checksum (@fo: its field from the header, even, below len). */
OFL_PRIVATE void ofl__csum_vv_16(const uint8_t *f,
				 const struct ofl_csum_check *c, uint32_t fo,
				 struct ofl_csum_verdict *r)
{
	const uint8_t *h = f + c->off;
	ofl_wsum excl;

	excl = ofl_csum_partial(h, fo, 0);
	excl = ofl_csum_partial(h + fo + 2, c->len - fo - 2, excl);
	r->has_computed = true;
	if (c->kind == OFL_CSUM_KIND_IPV4) {
		r->computed = ofl__csum_vv_wire(ofl_csum_fold(excl));
		r->result = ofl_csum_ip_fast(h, c->len / 4) ? OFL_CSUM_BAD :
							      OFL_CSUM_GOOD;
		return;
	}
	r->computed = ofl__csum_vv_fold(f, c, excl);
	if (c->kind == OFL_CSUM_KIND_UDP && r->computed == 0)
		r->computed = 0xffff;	/* 0 is sent as all ones */
	r->result = ofl__csum_vv_fold(f, c, ofl_csum_partial(h, c->len, 0)) ?
		    OFL_CSUM_BAD : OFL_CSUM_GOOD;
	if (c->kind == OFL_CSUM_KIND_UDP && r->stored == 0) {
		/* RFC 768: no checksum over IPv4; RFC 8200 8.1: not
		 * allowed over IPv6 (Linux drops it, udp6_csum_init) */
		r->result = c->family == 6 ? OFL_CSUM_BAD : OFL_CSUM_NONE;
		r->why = c->family == 6 ? OFL_CSUM_WHY_UDP6_ZERO :
					  OFL_CSUM_WHY_UDP_ZERO;
	}
	/* CHECKSUM_PARTIAL, as before TSO/GSO: ~csum_fold(pseudo header) */
	if (r->result == OFL_CSUM_BAD && ofl__csum_vv_proto(c->kind) &&
	    r->stored && r->stored == (~ofl__csum_vv_fold(f, c, 0) & 0xffffu))
		r->partial = true;
}

/* Where the checksum field of @kind is in its header, and what the
 * header must hold for it to be computed at all. */
OFL_INLINE bool ofl__csum_vv_geometry(const struct ofl_csum_check *c,
				      uint64_t cap, uint32_t fw)
{
	uint32_t alen = c->family == 6 ? 16 : 4;

	if (c->field < c->off || c->field - c->off + fw > c->len ||
	    ((c->field - c->off) & 1))
		return false;
	if (!ofl__csum_vv_proto(c->kind))
		return true;
	return c->family && (uint64_t)c->saddr_off + alen <= cap &&
	       (uint64_t)c->daddr_off + alen <= cap;
}

OFL_API int ofl_csum_check_verify(const void *frame, const void *end,
				  const struct ofl_csum_check *c,
				  struct ofl_csum_verdict *out)
{
	const uint8_t *f = (const uint8_t *)frame, *e = (const uint8_t *)end;
	uint32_t fw;
	uint64_t cap;

	if (!f || !e || e < f || !c || !out || c->kind >= OFL_CSUM_KIND_COUNT)
		return OFL_EINVAL;
	cap = (uint64_t)(e - f);
	fw = c->kind == OFL_CSUM_KIND_SCTP ? 4 : 2;
	out->result = OFL_CSUM_UNCHECKED;
	out->why = OFL_CSUM_WHY_NONE;
	out->partial = false;
	out->has_computed = false;
	out->stored = 0;
	out->computed = 0;
	if ((uint64_t)c->field + fw > cap) {
		out->why = OFL_CSUM_WHY_TRUNCATED;
		return 0;
	}
	out->stored = fw == 4 ? ofl__csum_vv_le32(f + c->field) :
				ofl_load_be16(f + c->field);
	if (c->why || (uint64_t)c->off + c->len > cap) {
		out->why = c->why ? c->why : OFL_CSUM_WHY_TRUNCATED;
		return 0;
	}
	if (!ofl__csum_vv_geometry(c, cap, fw)) {
		out->why = OFL_CSUM_WHY_MALFORMED;
		return 0;
	}
	if (c->kind == OFL_CSUM_KIND_SCTP) {
		/* RFC 9260 App. B; the value is for a native store, so its
		 * native bytes are the wire's little-endian ones */
		uint8_t b[4];

		ofl_store_ne32(b, ofl_csum_sctp(f + c->off,
						f + c->off + c->len));
		out->computed = ofl__csum_vv_le32(b);
		out->has_computed = true;
		out->result = ofl_csum_sctp_verify(f + c->off,
						   f + c->off + c->len) ?
			      OFL_CSUM_BAD : OFL_CSUM_GOOD;
		return 0;
	}
	ofl__csum_vv_16(f, c, c->field - c->off, out);
	return 0;
}

OFL_API int ofl_csum_view_verify(const struct ofl_csum_view *v,
				 size_t v_size, const void *frame,
				 const void *end,
				 struct ofl_csum_verdict
					 out[OFL_CSUM_VIEW_MAX_CHECKS])
{
	unsigned int i;
	int r, bad = 0;

	if (!v || !out || v_size != sizeof(*v) ||
	    v->nchecks > OFL_CSUM_VIEW_MAX_CHECKS)
		return OFL_EINVAL;
	for (i = 0; i < OFL_CSUM_VIEW_MAX_CHECKS && i < v->nchecks; i++) {
		r = ofl_csum_check_verify(frame, end, &v->checks[i], &out[i]);
		if (r)
			return r;
		if (out[i].result == OFL_CSUM_BAD)
			bad = 1;
	}
	return bad ? OFL_ECSUM : 0;
}

OFL_API const char *ofl_csum_kind_name(unsigned int kind)
{
	static const char *const name[OFL_CSUM_KIND_COUNT] = {
		[OFL_CSUM_KIND_IPV4] = "ipv4", [OFL_CSUM_KIND_TCP] = "tcp",
		[OFL_CSUM_KIND_UDP] = "udp", [OFL_CSUM_KIND_ICMP] = "icmp",
		[OFL_CSUM_KIND_ICMPV6] = "icmpv6",
		[OFL_CSUM_KIND_IGMP] = "igmp", [OFL_CSUM_KIND_GRE] = "gre",
		[OFL_CSUM_KIND_SCTP] = "sctp",
	};

	return kind < OFL_CSUM_KIND_COUNT ? name[kind] : "?";
}

OFL_API const char *ofl_csum_view_layer_name(unsigned int layer)
{
	static const char *const name[OFL_CSUM_VL_COUNT] = {
		[OFL_CSUM_VL_NONE] = "none",
		[OFL_CSUM_VL_ETH] = "eth",
		[OFL_CSUM_VL_VLAN] = "vlan",
		[OFL_CSUM_VL_MPLS] = "mpls",
		[OFL_CSUM_VL_PPPOE] = "pppoe",
		[OFL_CSUM_VL_ARP] = "arp",
		[OFL_CSUM_VL_IPV4] = "ipv4",
		[OFL_CSUM_VL_IPV6] = "ipv6",
		[OFL_CSUM_VL_HBH] = "hbh",
		[OFL_CSUM_VL_DSTOPT] = "dstopt",
		[OFL_CSUM_VL_RH] = "rh",
		[OFL_CSUM_VL_SRH] = "srh",
		[OFL_CSUM_VL_FRAG] = "frag",
		[OFL_CSUM_VL_AH] = "ah",
		[OFL_CSUM_VL_ESP] = "esp",
		[OFL_CSUM_VL_TCP] = "tcp",
		[OFL_CSUM_VL_UDP] = "udp",
		[OFL_CSUM_VL_SCTP] = "sctp",
		[OFL_CSUM_VL_ICMP] = "icmp",
		[OFL_CSUM_VL_ICMPV6] = "icmpv6",
		[OFL_CSUM_VL_IGMP] = "igmp",
		[OFL_CSUM_VL_GRE] = "gre",
		[OFL_CSUM_VL_VXLAN] = "vxlan",
		[OFL_CSUM_VL_GENEVE] = "geneve",
		[OFL_CSUM_VL_ERSPAN] = "erspan",
	};

	return layer < OFL_CSUM_VL_COUNT ? name[layer] : "?";
}

OFL_API const char *ofl_csum_why_name(unsigned int why)
{
	static const char *const name[OFL_CSUM_WHY_COUNT] = {
		[OFL_CSUM_WHY_NONE] = "",
		[OFL_CSUM_WHY_PARSE] = "parse error",
		[OFL_CSUM_WHY_TRUNCATED] = "truncated",
		[OFL_CSUM_WHY_MALFORMED] = "malformed",
		[OFL_CSUM_WHY_MALFORMED_LENGTH] = "malformed length",
		[OFL_CSUM_WHY_SHORT_HEADER] = "short header",
		[OFL_CSUM_WHY_SHORT_EXTHDR] = "short extension header",
		[OFL_CSUM_WHY_SHORT_ETH] = "short ethernet",
		[OFL_CSUM_WHY_SHORT_VLAN] = "short vlan",
		[OFL_CSUM_WHY_SHORT_MPLS] = "short mpls",
		[OFL_CSUM_WHY_SHORT_PPPOE] = "short pppoe",
		[OFL_CSUM_WHY_SHORT_IP] = "short ip",
		[OFL_CSUM_WHY_SHORT_IPV4] = "short ipv4",
		[OFL_CSUM_WHY_SHORT_IPV6] = "short ipv6",
		[OFL_CSUM_WHY_SHORT_GRE] = "short gre",
		[OFL_CSUM_WHY_SHORT_UDP] = "short udp",
		[OFL_CSUM_WHY_SHORT_VXLAN] = "short vxlan",
		[OFL_CSUM_WHY_SHORT_GENEVE] = "short geneve",
		[OFL_CSUM_WHY_SHORT_ERSPAN] = "short erspan",
		[OFL_CSUM_WHY_BAD_PPPOE_LEN] = "bad pppoe length",
		[OFL_CSUM_WHY_BAD_IPV4_LEN] = "bad ipv4 total length",
		[OFL_CSUM_WHY_BAD_UDP_LEN] = "bad udp length",
		[OFL_CSUM_WHY_IPV4_LEN_OUTER] =
			"ipv4 length exceeds outer header",
		[OFL_CSUM_WHY_IPV6_LEN_OUTER] =
			"ipv6 length exceeds outer header",
		[OFL_CSUM_WHY_JUMBO_LEN_OUTER] =
			"jumbo length exceeds outer header",
		[OFL_CSUM_WHY_BAD_HAO] = "malformed home address option",
		[OFL_CSUM_WHY_IPV4_FRAGMENT] = "ipv4 fragment",
		[OFL_CSUM_WHY_IPV6_FRAGMENT] = "ipv6 fragment",
		[OFL_CSUM_WHY_GRE_V1] = "gre version 1",
		[OFL_CSUM_WHY_UNKNOWN_PROTO] = "unknown protocol",
		[OFL_CSUM_WHY_UNKNOWN_ETHERTYPE] = "unknown ethertype",
		[OFL_CSUM_WHY_UDP_ZERO] = "zero: no UDP checksum",
		[OFL_CSUM_WHY_UDP6_ZERO] =
			"zero UDP checksum is invalid over IPv6",
	};

	return why < OFL_CSUM_WHY_COUNT ? name[why] : "?";
}
