// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Hash inputs per hash type, as NDIS defines them ("RSS Hashing Types") and
 * DPDK/ethtool select them: src addr, dst addr [, src port, dst port].
 */
#include "internal.h"

#define OFL__RSS_TCP 6
#define OFL__RSS_UDP 17

OFL_API const char *ofl_rss_type_name(int t)
{
	switch (t) {
	case OFL_RSS_TYPE_IPV4: return "ipv4";
	case OFL_RSS_TYPE_IPV4_TCP: return "ipv4-tcp";
	case OFL_RSS_TYPE_IPV4_UDP: return "ipv4-udp";
	case OFL_RSS_TYPE_IPV6: return "ipv6";
	case OFL_RSS_TYPE_IPV6_TCP: return "ipv6-tcp";
	case OFL_RSS_TYPE_IPV6_UDP: return "ipv6-udp";
	case OFL_RSS_TYPE_IPV6_EX: return "ipv6-ex";
	case OFL_RSS_TYPE_IPV6_TCP_EX: return "ipv6-tcp-ex";
	case OFL_RSS_TYPE_IPV6_UDP_EX: return "ipv6-udp-ex";
	default: return "none";
	}
}

/* The type for @f under @types, before any input is written. */
OFL_PRIVATE int ofl__rss_pick_type(const struct ofl_rss_flow *f,
				   uint32_t types)
{
	int l4 = (f->flags & OFL_RSS_FLOW_PORTS) &&
		 !(f->flags & OFL_RSS_FLOW_FRAG);
	int tcp = l4 && f->proto == OFL__RSS_TCP;
	int udp = l4 && f->proto == OFL__RSS_UDP;

	if (f->family == 4) {
		if (tcp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_TCP)))
			return OFL_RSS_TYPE_IPV4_TCP;
		if (udp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV4_UDP)))
			return OFL_RSS_TYPE_IPV4_UDP;
		if (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV4))
			return OFL_RSS_TYPE_IPV4;
		return OFL_RSS_TYPE_NONE;
	}
	if (f->family != 6)
		return OFL_RSS_TYPE_NONE;
	if (tcp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_TCP_EX)))
		return OFL_RSS_TYPE_IPV6_TCP_EX;
	if (tcp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_TCP)))
		return OFL_RSS_TYPE_IPV6_TCP;
	if (udp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_UDP_EX)))
		return OFL_RSS_TYPE_IPV6_UDP_EX;
	if (udp && (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_UDP)))
		return OFL_RSS_TYPE_IPV6_UDP;
	if (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6_EX))
		return OFL_RSS_TYPE_IPV6_EX;
	if (types & OFL_RSS_HASH(OFL_RSS_TYPE_IPV6))
		return OFL_RSS_TYPE_IPV6;
	return OFL_RSS_TYPE_NONE;
}

OFL_API int ofl_rss_tuple(const struct ofl_rss_flow *f, uint32_t types,
			  unsigned int xfrm, uint8_t *out, size_t *out_len)
{
	const uint8_t *src, *dst;
	size_t alen, i;
	int t, ex, l4;

	if (!f || !out || !out_len || xfrm > OFL_RSS_XFRM_SYM_XOR ||
	    (f->family != 0 && f->family != 4 && f->family != 6))
		return OFL_EINVAL;
	t = ofl__rss_pick_type(f, types);
	*out_len = 0;
	if (t == OFL_RSS_TYPE_NONE)
		return t;
	alen = f->family == 4 ? 4 : 16;
	ex = t >= OFL_RSS_TYPE_IPV6_EX;
	l4 = t != OFL_RSS_TYPE_IPV4 && t != OFL_RSS_TYPE_IPV6 &&
	     t != OFL_RSS_TYPE_IPV6_EX;
	src = ex && (f->flags & OFL_RSS_FLOW_HAO) ? f->hao : f->src;
	dst = ex && (f->flags & OFL_RSS_FLOW_RTDST) ? f->rtdst : f->dst;
	for (i = 0; i < 16; i++) {
		if (i >= alen)
			break;
		out[i] = src[i];
		out[alen + i] = dst[i];
		if (xfrm == OFL_RSS_XFRM_SYM_XOR) {
			out[i] = (uint8_t)(src[i] ^ dst[i]);
			out[alen + i] = out[i];
		}
	}
	*out_len = 2 * alen;
	if (!l4)
		return t;
	for (i = 0; i < 2; i++) {
		uint8_t *p = out + 2 * alen + i;

		p[0] = f->sport[i];
		p[2] = f->dport[i];
		if (xfrm == OFL_RSS_XFRM_SYM_XOR) {
			p[0] = (uint8_t)(f->sport[i] ^ f->dport[i]);
			p[2] = p[0];
		}
	}
	*out_len = 2 * alen + 4;
	return t;
}

OFL_API const struct ofl_rss_flow *
ofl_rss_flow_pick(const struct ofl_rss_flow *outer,
		  const struct ofl_rss_flow *inner, unsigned int level)
{
	if (level == OFL_RSS_LEVEL_INNER && inner && inner->family)
		return inner;
	return outer;
}

OFL_API uint32_t ofl_rss_hash_flow(const struct ofl_rss *ctx,
				   const struct ofl_rss_flow *f,
				   uint32_t types, unsigned int xfrm,
				   int *type)
{
	/* OFL_RSS_INPUT_MAX and zeroed: in BPF, the verifier then sees every
	 * read of ofl_rss_hash() inside initialised stack whatever it knows
	 * of len ("invalid read from stack" otherwise) */
	uint8_t in[OFL_RSS_INPUT_MAX];
	size_t len = 0;
	int t;

	/* not "= { 0 }": gcc -Os makes that a memset call (firmware) */
	ofl_zero_bytes(in, sizeof(in), sizeof(in));
	t = ofl_rss_tuple(f, types, xfrm, in, &len);

	if (type)
		*type = t;
	if (t <= 0 || !ctx)
		return 0;
	return ofl_rss_hash(ctx, in, len);
}
