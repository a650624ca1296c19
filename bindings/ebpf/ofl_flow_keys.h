/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * lib/parser's result as the kernel's struct bpf_flow_keys: what the ofl
 * flow dissector (flow_dissector.bpf.c) writes, and what a native caller
 * gets for the same frame (tests/flowdiss compare the two). Include after
 * <linux/bpf.h> and <offload/parser.h> (or <offload/bpf.h>).
 *
 * lib/parser walks further than the kernel's built-in dissector
 * (__skb_flow_dissect(), net/core/flow_dissector.c) and lists every header
 * it parsed in res->layers. This header replays that list with the
 * built-in dissector's rules, so the keys are the ones the built-in one
 * would fill, stopping where it stops:
 *   - n_proto is the last EtherType dispatched on (after VLAN tags, PPPoE,
 *     GRE; an IPv4/IPv6 header sets it to its own type), as the built-in's
 *     `proto` at `out:`; addresses and ip_proto are those of the last IP
 *     header reached (a GRE payload without IP keeps the outer ones);
 *   - thoff is where it stopped (the L4 header, after the IPv4 header of a
 *     fragment, after an IPv6 fragment header, after GRE with
 *     STOP_AT_ENCAP ...); nhoff the first IP header;
 *   - ports are the 4 bytes at thoff (+4 for AH) for TCP, UDP, DCCP, ESP,
 *     SCTP and UDP-Lite (__skb_flow_get_ports(), proto_ports_offset()),
 *     not for fragments and not when it stopped before the L4 part
 *     (flow label, fragment, ARP, MPLS ...);
 *   - flow_label is the last non-zero IPv6 flow label; with
 *     BPF_FLOW_DISSECTOR_F_STOP_AT_FLOW_LABEL a labelled IPv6 header ends
 *     the walk; STOP_AT_ENCAP ends it at IP-in-IP and GRE (is_encap set);
 *   - AH ends the walk (ports = its SPI, as the built-in).
 * Where ofl goes further (OFL_FK_BEYOND): UDP tunnels (VXLAN, GENEVE,
 * GRE-in-UDP, MPLS-in-UDP, whose payload the built-in never enters) and
 * the IPv4/IPv6 payload of an MPLS stack (the built-in stops at the first
 * label) are entered when they lead to an IP header; the keys are then the
 * inner flow's and is_encap is set. Every difference is listed in
 * docs/PARSER.md ("The flow dissector").
 */
#ifndef OFL_FLOW_KEYS_H
#define OFL_FLOW_KEYS_H

#ifndef OFL_FK_INLINE
#define OFL_FK_INLINE static inline __attribute__((always_inline))
#endif

/* Pin a checked value in its register: clang may otherwise index with an
 * unchecked copy ("R1 max value is outside of the allowed memory range"). */
#if defined(__bpf__)
#define OFL_FK_HIDE(x) __asm__ __volatile__("" : "+r"(x))
#else
#define OFL_FK_HIDE(x) do { } while (0)
#endif

#define OFL_FK_ETH_P_IP		0x0800
#define OFL_FK_ETH_P_IPV6	0x86dd
#define OFL_FK_ETH_P_PPPOE	0x8864
#define OFL_FK_ETH_P_ERSPAN	0x88be	/* ERSPAN type I/II over GRE */
#define OFL_FK_ETH_P_ERSPAN2	0x22eb	/* ERSPAN type III */
#define OFL_FK_OFF_MASK		0x7fffu	/* offsets are below this */

/* ofl_fk_state.why: why the walk ended (tests count them) */
#define OFL_FK_END	0	/* after the last parsed layer */
#define OFL_FK_STOP	1	/* where the built-in dissector stops */

/* ofl_fk_state.beyond: where ofl went further than the built-in */
#define OFL_FK_BEYOND_UDPTUN	0x01	/* entered a UDP tunnel */
#define OFL_FK_BEYOND_MPLS	0x02	/* entered an MPLS payload */

/* The replay's state: plain data, kept in a BPF map value. */
struct ofl_fk_state {
	uint32_t flags;		/* BPF_FLOW_DISSECTOR_F_* given */
	uint32_t label;		/* last non-zero flow label, wire order */
	uint16_t start;		/* frame offset of the parse's byte 0 */
	uint16_t nhoff;		/* first IP header (frame offset), 0: none */
	uint16_t thoff;		/* relative to start */
	uint16_t nproto;	/* host order */
	uint16_t addr_off;	/* IP header holding the addresses */
	uint8_t addr_fam;	/* 0, 4 or 6 */
	uint8_t ip_proto;
	uint8_t done;		/* the built-in dissector stopped here */
	uint8_t l4phase;	/* past an IP header: ports may follow */
	uint8_t is_frag, is_first_frag, is_encap;
	uint8_t beyond;		/* OFL_FK_BEYOND_* */
	uint8_t prev;		/* proto of the previous layer */
	uint8_t ipchain;	/* previous layer ends an IP header chain */
	uint8_t raw;		/* IP headers read by ofl_fk_raw() */
	uint8_t reserved[3];
};

/* A big-endian field of 1, 2 or 4 bytes at base + off; 0 past @end. */
OFL_FK_INLINE uint32_t ofl_fk_rd(const uint8_t *base, const uint8_t *end,
				 uint32_t off, uint32_t size)
{
	const uint8_t *p = base + (off & OFL_FK_OFF_MASK);

	if (size == 1) {
		if (p + 1 > end)
			return 0;
		return p[0];
	}
	if (size == 2) {
		if (p + 2 > end)
			return 0;
		return ((uint32_t)p[0] << 8) | p[1];
	}
	if (p + 4 > end)
		return 0;
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}

OFL_FK_INLINE void ofl_fk_init(struct ofl_fk_state *st, uint32_t flags,
			       unsigned int start, unsigned int nproto)
{
	uint8_t *b = (uint8_t *)st;
	unsigned int i;

	for (i = 0; i < sizeof(*st); i++)
		b[i] = 0;
	st->flags = flags;
	st->start = (uint16_t)start;
	st->nproto = (uint16_t)nproto;
}

/*
 * Where the parse of a frame whose network protocol is @nproto (host
 * order) starts: at the IP header for IPv4 and IPv6 (the kernel's nhoff),
 * else at the Ethernet header before it, 14 bytes earlier, so that
 * lib/parser walks the VLAN, MPLS or PPPoE stack itself. Returns the
 * parse graph's root, OFL_PROTO_IPV4, OFL_PROTO_IPV6 or OFL_PROTO_ETH.
 * (flow_dissector.bpf.c spells the same choice out: a call here costs
 * the verifier 8% more instructions there.)
 */
OFL_FK_INLINE unsigned int ofl_fk_root(unsigned int nproto)
{
	if (nproto == OFL_FK_ETH_P_IP)
		return OFL_PROTO_IPV4;
	if (nproto == OFL_FK_ETH_P_IPV6)
		return OFL_PROTO_IPV6;
	return OFL_PROTO_ETH;
}

/* Does a layer end an IP header chain (so an IP header after it is
 * IP-in-IP, the built-in's IPPROTO_IPIP / IPPROTO_IPV6)? */
OFL_FK_INLINE int ofl_fk_is_ipchain(unsigned int p)
{
	return p == OFL_PROTO_IPV4 || p == OFL_PROTO_IPV6 ||
	       p == OFL_PROTO_IPV6_HOPOPTS || p == OFL_PROTO_IPV6_ROUTE ||
	       p == OFL_PROTO_IPV6_DSTOPTS || p == OFL_PROTO_IPV6_FRAG;
}

/* Is there an IP header (of a flow of @res) after offset @o? */
OFL_FK_INLINE int ofl_fk_ip_after(const struct ofl_parse_result *res,
				  unsigned int o)
{
	if (res->encap && res->inner.family && res->inner.l3_off > o)
		return 1;
	return res->outer.family && res->outer.l3_off > o;
}

/* An IPv4 or IPv6 header at @o (relative to @base). */
OFL_FK_INLINE void ofl_fk_ip(const uint8_t *base, const uint8_t *end,
			     struct ofl_fk_state *st, unsigned int o,
			     unsigned int len, int v6)
{
	uint32_t v;

	if (st->ipchain) {	/* IP-in-IP: __skb_flow_dissect() IPPROTO_IPIP */
		st->is_encap = 1;
		st->nproto = v6 ? OFL_FK_ETH_P_IPV6 : OFL_FK_ETH_P_IP;
		if (st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP) {
			st->done = 1;
			return;
		}
	}
	st->nproto = v6 ? OFL_FK_ETH_P_IPV6 : OFL_FK_ETH_P_IP;
	st->addr_off = (uint16_t)o;
	st->addr_fam = v6 ? 6 : 4;
	if (!st->nhoff)
		st->nhoff = (uint16_t)(st->start + o);
	st->l4phase = 1;
	if (v6) {
		st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o + 6, 1);
		st->thoff = (uint16_t)(o + 40);
		v = ofl_fk_rd(base, end, o, 4) & 0xfffffu;
		if (v) {
			st->label = v;
			if (st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_FLOW_LABEL) {
				st->l4phase = 0;
				st->done = 1;
			}
		}
		return;
	}
	st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o + 9, 1);
	st->thoff = (uint16_t)(o + len);
	v = ofl_fk_rd(base, end, o + 6, 2);
	if (v & 0x3fffu) {	/* MF or an offset: ip_is_fragment() */
		st->is_frag = 1;
		st->l4phase = 0;
		if (v & 0x1fffu) {
			st->done = 1;
			return;
		}
		st->is_first_frag = 1;
		if (!(st->flags & BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG))
			st->done = 1;
		else
			st->l4phase = 1;
	}
}

_Static_assert((OFL_PARSE_MAX_LAYERS & (OFL_PARSE_MAX_LAYERS - 1)) == 0,
	       "ofl_fk_layer() masks the layer index");

/*
 * Replay layer @i of @res (parsed from @base) with the built-in
 * dissector's rules. Returns 1 to go on, 0 when the walk ends here.
 */
OFL_FK_INLINE int ofl_fk_layer(const uint8_t *base, const uint8_t *end,
			       const struct ofl_parse_result *res,
			       struct ofl_fk_state *st, unsigned int i)
{
	const struct ofl_parse_layer *l;
	unsigned int o, len, p, v, ipchain = 0;
	unsigned long li = i;

	if (st->done || li >= res->nlayers || li >= OFL_PARSE_MAX_LAYERS)
		return 0;
	/* a mask the compiler cannot drop: the verifier wants to see it */
	OFL_FK_HIDE(li);
	l = &res->layers[li % OFL_PARSE_MAX_LAYERS];
	o = l->offset & OFL_FK_OFF_MASK;
	len = l->len;
	p = l->proto;
	switch (p) {
	case OFL_PROTO_ETH:
		st->nproto = (uint16_t)ofl_fk_rd(base, end, o + 12, 2);
		st->thoff = (uint16_t)(o + 14);
		st->l4phase = 0;
		break;
	case OFL_PROTO_VLAN:
		st->nproto = (uint16_t)ofl_fk_rd(base, end, o + 2, 2);
		st->thoff = (uint16_t)(o + 4);
		break;
	case OFL_PROTO_PPPOE:
		v = ofl_fk_rd(base, end, o + 6, 2);
		st->thoff = (uint16_t)(o + 8);
		if (v == 0x21)
			st->nproto = OFL_FK_ETH_P_IP;
		else if (v == 0x57)
			st->nproto = OFL_FK_ETH_P_IPV6;
		else
			st->done = 1;	/* not IP: OUT_GOOD or OUT_BAD */
		break;
	case OFL_PROTO_MPLS:
		/* the built-in reads the first label and stops after it */
		if (st->prev != OFL_PROTO_MPLS)
			st->thoff = (uint16_t)(o + 4);
		st->l4phase = 0;
		/* ofl goes on only if an IP header follows */
		if (!ofl_fk_ip_after(res, o)) {
			st->done = 1;
			break;
		}
		st->beyond |= OFL_FK_BEYOND_MPLS;
		break;
	case OFL_PROTO_IPV4:
		ofl_fk_ip(base, end, st, o, len, 0);
		ipchain = 1;
		break;
	case OFL_PROTO_IPV6:
		ofl_fk_ip(base, end, st, o, len, 1);
		ipchain = 1;
		break;
	case OFL_PROTO_IPV6_HOPOPTS:
	case OFL_PROTO_IPV6_ROUTE:
	case OFL_PROTO_IPV6_DSTOPTS:
		st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o, 1);
		st->thoff = (uint16_t)(o + len);
		ipchain = 1;
		break;
	case OFL_PROTO_IPV6_FRAG:
		st->is_frag = 1;
		st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o, 1);
		st->thoff = (uint16_t)(o + 8);
		ipchain = 1;
		if (ofl_fk_rd(base, end, o + 2, 2) & 0xfff8u) {
			st->l4phase = 0;
			st->done = 1;
			break;
		}
		st->is_first_frag = 1;
		if (!(st->flags & BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG)) {
			st->l4phase = 0;
			st->done = 1;
		}
		break;
	case OFL_PROTO_GRE:
		v = ofl_fk_rd(base, end, o, 2);
		st->nproto = (uint16_t)ofl_fk_rd(base, end, o + 2, 2);
		st->l4phase = 0;
		if ((v & 7u) == 1 &&
		    !(st->nproto == 0x880b && (v & 0x2000u))) {
			st->thoff = (uint16_t)o;	/* not PPTP: stop */
			st->done = 1;
			break;
		}
		st->thoff = (uint16_t)(o + len);
		st->is_encap = 1;
		/* version 1 (PPTP): ofl does not enter the PPP payload */
		if ((st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP) ||
		    (v & 7u) == 1)
			st->done = 1;
		/* ERSPAN (0x88be, 0x22eb), which lib/parser enters: the
		 * built-in takes only ETH_P_TEB into Ethernet
		 * (__skb_flow_dissect_gre()) and then fails on the
		 * unknown protocol (OUT_BAD), as when ofl stopped at GRE:
		 * end the replay here without "done" */
		if (!st->done && (st->nproto == OFL_FK_ETH_P_ERSPAN ||
				  st->nproto == OFL_FK_ETH_P_ERSPAN2)) {
			st->prev = (uint8_t)p;
			st->ipchain = 0;
			return 0;
		}
		break;
	case OFL_PROTO_UDP:
		st->thoff = (uint16_t)o;
		/* a UDP tunnel: ofl goes on if it leads to an inner IP */
		if (res->encap && ofl_fk_ip_after(res, o)) {
			st->is_encap = 1;
			st->beyond |= OFL_FK_BEYOND_UDPTUN;
			if (!(st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP))
				break;
		}
		st->done = 1;
		break;
	case OFL_PROTO_VXLAN:
	case OFL_PROTO_GENEVE:
		st->thoff = (uint16_t)(o + len);
		break;
	default:	/* TCP SCTP ESP AH ICMP ICMPv6 IGMP ARP: stop here */
		st->thoff = (uint16_t)o;
		st->done = 1;
		break;
	}
	st->prev = (uint8_t)p;
	st->ipchain = (uint8_t)ipchain;
	return !st->done;
}

/* Most IP headers (and IPv6 extension headers) ofl_fk_raw() reads. */
#define OFL_FK_RAW_MAX 8
#define OFL_FK_RAW_BAD 0x80	/* st->raw: a header it could not read */

/*
 * After the replay: lib/parser stops at an IPv4 or IPv6 header whose
 * version field is wrong (OFL_EPROTO, as ip_rcv_core() would drop it), but
 * __skb_flow_dissect() never looks at the version (nor does bpf_flow.c,
 * and the kernel's selftest packets carry version 0). So where the walk
 * ended with an error right where an IP header was due, read that header
 * and the IPv6 extension headers and IP-in-IP headers after it by the
 * built-in dissector's rules, as it does (bounded, no tunnels beyond:
 * docs/PARSER.md). A header the built-in cannot read either (its
 * OUT_BAD) sets OFL_FK_RAW_BAD in st->raw.
 */
OFL_FK_INLINE void ofl_fk_raw(const uint8_t *base, const uint8_t *end,
			      struct ofl_fk_state *st, int error)
{
	unsigned int k, v, o, h;

	if (st->done || !error)
		return;
	if (st->ipchain)
		v = 0;	/* the header after an IP chain, by ip_proto */
	else if (st->nproto == OFL_FK_ETH_P_IP)
		v = 4;
	else if (st->nproto == OFL_FK_ETH_P_IPV6)
		v = 6;
	else
		return;
	for (k = 0; k < OFL_FK_RAW_MAX && !st->done; k++) {
		o = st->thoff & OFL_FK_OFF_MASK;
		if (v == 4) {
			if (base + o + 20 > end)
				goto bad;
			h = (ofl_fk_rd(base, end, o, 1) & 15u) * 4u;
			if (h < 20)
				goto bad;
			ofl_fk_ip(base, end, st, o, h, 0);
			v = 0;
		} else if (v == 6) {
			if (base + o + 40 > end)
				goto bad;
			ofl_fk_ip(base, end, st, o, 40, 1);
			v = 0;
		} else if (st->ip_proto == 0 || st->ip_proto == 43 ||
			   st->ip_proto == 60) {
			if (st->addr_fam != 6)
				break;
			if (base + o + 2 > end)
				goto bad;
			st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o, 1);
			h = ofl_fk_rd(base, end, o + 1, 1);
			st->thoff = (uint16_t)(o + ((h + 1u) << 3));
		} else if (st->ip_proto == 44) {
			if (st->addr_fam != 6)
				break;
			if (base + o + 8 > end)
				goto bad;
			st->is_frag = 1;
			st->ip_proto = (uint8_t)ofl_fk_rd(base, end, o, 1);
			st->thoff = (uint16_t)(o + 8);
			if (ofl_fk_rd(base, end, o + 2, 2) & 0xfff8u) {
				st->l4phase = 0;
				st->done = 1;
				break;
			}
			st->is_first_frag = 1;
			if (!(st->flags & BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG)) {
				st->l4phase = 0;
				st->done = 1;
			}
		} else if (st->ip_proto == 4 || st->ip_proto == 41) {
			/* IPPROTO_IPIP/IPV6: proto and the flag come first */
			v = st->ip_proto == 4 ? 4 : 6;
			st->is_encap = 1;
			st->nproto = v == 4 ? OFL_FK_ETH_P_IP : OFL_FK_ETH_P_IPV6;
			if (st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP)
				break;
			st->ipchain = 0;
			continue;
		} else if (st->ip_proto == 47) {
			/* __skb_flow_dissect_gre() on what is there */
			if (base + o + 4 > end)
				goto bad;
			h = ofl_fk_rd(base, end, o, 2);
			st->l4phase = 0;
			if ((h & 0x4000u) || (h & 7u) > 1)
				break;
			st->nproto = (uint16_t)ofl_fk_rd(base, end, o + 2, 2);
			if ((h & 7u) == 1 &&
			    !(st->nproto == 0x880b && (h & 0x2000u)))
				break;
			o += 4 + ((h & 0x8000u) ? 4u : 0u);
			if (h & 0x2000u) {
				if (base + o + 4 > end)
					goto bad;
				o += 4;
			}
			o += (h & 0x1000u) ? 4u : 0u;
			st->thoff = (uint16_t)o;
			st->is_encap = 1;
			if ((st->flags & BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP) ||
			    (h & 7u) == 1)
				break;
			if (st->nproto == 0x6558) {
				if (base + o + 14 > end)
					goto bad;
				st->nproto = (uint16_t)ofl_fk_rd(base, end,
								 o + 12, 2);
				st->thoff = (uint16_t)(o + 14);
			}
			st->ipchain = 0;
			if (st->nproto == OFL_FK_ETH_P_IP)
				v = 4;
			else if (st->nproto == OFL_FK_ETH_P_IPV6)
				v = 6;
			else
				goto bad;	/* proto_again: not read here */
			continue;
		} else {
			break;
		}
		st->ipchain = 1;
		st->raw++;
	}
	st->done = 1;
	return;
bad:
	st->raw |= OFL_FK_RAW_BAD;
	st->done = 1;
}

/* proto_ports_offset() of the kernel: where the ports are, or -1. */
OFL_FK_INLINE int ofl_fk_poff(unsigned int ip_proto)
{
	switch (ip_proto) {
	case 6: case 17: case 33: case 50: case 132: case 136:
		return 0;
	case 51:
		return 4;
	default:
		return -1;
	}
}

/*
 * Write @keys from the replayed state; @error is the parse's result code.
 * Returns BPF_OK or BPF_DROP (the built-in dissector's true or false, as
 * far as the layers tell: an error in the part it walks, or a walk that
 * ended at an EtherType nobody knows).
 */
OFL_FK_INLINE int ofl_fk_finish(const uint8_t *base, const uint8_t *end,
				const struct ofl_fk_state *st, int error,
				struct bpf_flow_keys *keys)
{
	unsigned int a = st->addr_off & OFL_FK_OFF_MASK;
	const uint8_t *q = base + a;
	int poff, bad;

	keys->thoff = (uint16_t)(st->start + st->thoff);
	if (st->nhoff)
		keys->nhoff = st->nhoff;
	keys->is_frag = st->is_frag;
	keys->is_first_frag = st->is_first_frag;
	keys->is_encap = st->is_encap;
	keys->ip_proto = st->ip_proto;
	keys->n_proto = (uint16_t)__builtin_bswap16(st->nproto);
	keys->flow_label = __builtin_bswap32(st->label);
	if (st->addr_fam == 4 && q + 20 <= end) {
		keys->addr_proto = OFL_FK_ETH_P_IP;
		__builtin_memcpy(&keys->ipv4_src, q + 12, 4);
		__builtin_memcpy(&keys->ipv4_dst, q + 16, 4);
	} else if (st->addr_fam == 6 && q + 40 <= end) {
		keys->addr_proto = OFL_FK_ETH_P_IPV6;
		__builtin_memcpy(keys->ipv6_src, q + 8, 16);
		__builtin_memcpy(keys->ipv6_dst, q + 24, 16);
	}
	poff = ofl_fk_poff(st->ip_proto);
	if (st->l4phase && poff >= 0 &&
	    (!st->is_frag ||
	     (st->flags & BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG))) {
		q = base + ((st->thoff + (unsigned int)poff) & OFL_FK_OFF_MASK);
		if (q + 4 <= end) {
			__builtin_memcpy(&keys->sport, q, 2);
			__builtin_memcpy(&keys->dport, q + 2, 2);
		}
	}
	/* the built-in fails on a header it cannot read before L4 */
	bad = (st->raw & OFL_FK_RAW_BAD) ||
	      (!st->done &&
	       (!st->l4phase ||
		(error != 0 && (poff < 0 && st->ip_proto != 1 &&
				st->ip_proto != 2 && st->ip_proto != 58))));
	return bad ? BPF_DROP : BPF_OK;
}

/*
 * The whole replay of a finished parse of the frame at @base: every
 * parsed layer (ofl_fk_layer()), the headers lib/parser refused
 * (ofl_fk_raw()), then @keys (ofl_fk_finish()). @st comes from
 * ofl_fk_init(). Returns BPF_OK or BPF_DROP.
 */
OFL_FK_INLINE int ofl_fk_keys(const uint8_t *base, const uint8_t *end,
			      const struct ofl_parse_result *res,
			      struct ofl_fk_state *st,
			      struct bpf_flow_keys *keys)
{
	unsigned int i;

	for (i = 0; i < OFL_PARSE_MAX_LAYERS; i++)
		if (!ofl_fk_layer(base, end, res, st, i))
			break;
	ofl_fk_raw(base, end, st, res->error);
	return ofl_fk_finish(base, end, st, res->error, keys);
}

#endif /* OFL_FLOW_KEYS_H */
