/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Private helpers of lib/gro. */
#ifndef OFL_LIB_GRO_INTERNAL_H
#define OFL_LIB_GRO_INTERNAL_H

#include <offload/gro.h>
#include <offload/csum.h>
#include "../common/bytes.h"
#include "../common/proto.h"

#define OFL__GRO_ETH_HLEN ((uint32_t)OFL_ETH_HLEN)
/* Bytes 12..15 of the TCP header as a host-order word (tcp_flag_word). */
#define OFL__GRO_TCP_FIN 0x00010000u
#define OFL__GRO_TCP_SYN 0x00020000u
#define OFL__GRO_TCP_RST 0x00040000u
#define OFL__GRO_TCP_PSH 0x00080000u
#define OFL__GRO_TCP_URG 0x00200000u
#define OFL__GRO_TCP_CWR 0x00800000u
/*
 * Header offsets (l3, l4, payload) are below OFL_GRO_MAX_HDR <= 255 by
 * construction; masking them at each use is a no-op that lets the BPF
 * verifier see the bound ("R1 max value is outside of the allowed memory
 * range" otherwise, as 16-bit spills lose it).
 */
#define OFL__GRO_OFF(x) ((uint32_t)(x) & 0xffu)
/* Profile tests as masks (no branch for the BPF verifier): the AccECN
 * rules are profile 2 (7.0) only, 1 when so; the DF-only fixed ID and the
 * outer-DF shortcut are the odd profiles (1: 6.10, 3: 6.1). */
#define OFL__GRO_ACCECN(ctx) (((ctx)->profile >> 1) & ~(ctx)->profile & 1u)
#define OFL__GRO_PRE_6_18_ID(ctx) ((ctx)->profile & 1u)
OFL_STATIC_ASSERT(OFL_GRO_MAX_HDR <= 255, "header offsets fit in a byte");
#define OFL__GRO_UDP_CNT_MAX 64	/* UDP_GRO_CNT_MAX */
/*
 * struct ofl_gro_flow.tun / ofl__gro_rx.tun: 0 for no tunnel, else the
 * outer IP version (V4 or V6), the kind (none of GRE/IPIP: a UDP tunnel,
 * VXLAN or GENEVE) and, in a held flow only, OIDFIX (the outer IPv4 ID is
 * fixed: 6.18 ip_fixedid bit 0 of a tunnel flow).
 */
#define OFL__GRO_TUN_V4 1u
#define OFL__GRO_TUN_V6 2u
#define OFL__GRO_TUN_OIDFIX 4u
#define OFL__GRO_TUN_GRE 8u	/* ol4 is the GRE header */
#define OFL__GRO_TUN_IPIP 16u	/* IPIP, SIT, 4in6, 6in6: ol4 == l3 */
#define OFL__GRO_TUN_IPT (OFL__GRO_TUN_GRE | OFL__GRO_TUN_IPIP)
/* ofl__gro_ip4/ip6 @ok: bits of ctx->flags that admit UDP, and this bit,
 * which admits GRE, IPIP and IPv6-in-IP (inet_offloads/inet6_offloads
 * entries IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6) */
#define OFL__GRO_OK_IPT (1u << 16)
#define OFL__GRO_MAX_EXTHDRS OFL_MAX_EXTHDRS
#define OFL__GRO_MAX_VLANS OFL_MAX_VLANS
OFL_STATIC_ASSERT(OFL_GRO_VXLAN_PORT == OFL_UDP_PORT_VXLAN &&
			  OFL_GRO_GENEVE_PORT == OFL_UDP_PORT_GENEVE,
		  "one spelling of the tunnel ports");

/* X(type, name) of a field list (OFL__GRO_RX_SCALARS, ...) as a member */
#define OFL__GRO_MEMBER(type, name) type name;

/*
 * The parse state of one frame in receive.c. Its scalars are listed once,
 * as X(type, name): they are the members of struct ofl__gro_rx after its
 * frame fields, in this order, and of struct ofl__gro_rx_s, the same bytes
 * as one value, which is what crosses a BPF global function (bpf.h). A
 * field added here travels; there is no second list to forget it in.
 */
#define OFL__GRO_RX_SCALARS(X)						\
	X(uint32_t, vlan)  /* stripped tag: ofl__gro_vlan() */ \
	X(uint16_t, l3)							\
	X(uint16_t, l4)							\
	X(uint16_t, pay)						\
	X(uint8_t, v6)							\
	X(uint8_t, flush)  /* NAPI_GRO_CB(skb)->flush from the IP layer */ \
	X(uint8_t, udp)	   /* L4 is UDP (only with OFL_GRO_F_UDP_FWD) */ \
	X(uint8_t, tun)	   /* tunnel: OFL__GRO_TUN_* (l3.. inner) */	\
	X(uint8_t, ol3)	   /* tunnel: outer IP header */		\
	X(uint8_t, ol4)	   /* tunnel: outer UDP/GRE, inner IP for IPIP */ \
	X(uint8_t, proto)  /* IP protocol / IPv6 next header of the L4 */ \
	X(uint8_t, csw)	   /* COMPLETE: an earlier layer's check fell back \
			    * to software (the sum is then the true one) */

struct ofl__gro_rx {
	/* the frame (a global function rebuilds these from its arguments) */
	const uint8_t *d;
	const uint8_t *end;
	uint32_t len;
	/* then nothing but the list */
	OFL__GRO_RX_SCALARS(OFL__GRO_MEMBER)
};

struct ofl__gro_rx_s {
	OFL__GRO_RX_SCALARS(OFL__GRO_MEMBER)
};

/* struct ofl__gro_rx is its frame fields, then the list and nothing
 * else: the list's bytes, from rx->l3 on, are one struct ofl__gro_rx_s. */
struct ofl__gro_rx_ref {
	const uint8_t *d;
	const uint8_t *end;
	uint32_t len;
	struct ofl__gro_rx_s s;
};
#define OFL__GRO_RX_AT(type, name)					\
	&& offsetof(struct ofl__gro_rx, name) ==			\
	   offsetof(struct ofl__gro_rx_ref, s) +			\
	   offsetof(struct ofl__gro_rx_s, name)
OFL_STATIC_ASSERT(sizeof(struct ofl__gro_rx) ==
		  sizeof(struct ofl__gro_rx_ref)
		  OFL__GRO_RX_SCALARS(OFL__GRO_RX_AT),
		  "struct ofl__gro_rx ends with OFL__GRO_RX_SCALARS");

#include "bpf.h"

/*
 * inet_gro_complete: set an IPv4 header's tot_len (iph_set_totlen: 0 above
 * IP_MAX_MTU, BIG TCP) and update its checksum with csum_replace2 (lib/csum's
 * ofl_csum_update16), as the kernel does.
 */
OFL_INLINE void ofl__gro_set_tot_len(uint8_t *ip, uint32_t len)
{
	uint16_t old = ofl_load_ne16(ip + 2);

	ofl_store_be16(ip + 2, (uint16_t)(len > 0xffffu ? 0 : len));
	ofl_store_ne16(ip + 10, (OFL_FORCE uint16_t)ofl_csum_update16(
		(OFL_FORCE ofl_sum16)ofl_load_ne16(ip + 10), old,
		ofl_load_ne16(ip + 2)));
}

/*
 * Burst look-ahead: a cache hint for the headers of the frame
 * OFL__GRO_PREFETCH_AHEAD places ahead, and for the burst's first that
 * many frames at its start (no effect on results; nothing in BPF, where
 * packet memory is not the program's to hint at). 8: a frame's headers
 * that come from memory (about 100 ns on an AMD EPYC) arrive before they
 * are needed at some 15 ns a frame; 2 left that wait in every frame
 * (bench_gro --tsc 300 on an AMD EPYC, 1 / 8 / 32 flows, ring "1024
 * dram": 2.54x / 1.92x / 2.41x with 2, 2.87x / 2.10x / 2.67x with 8 and
 * the start's hints; cold ring 2.17x / 2.05x / 2.62x -> 2.17x / 2.07x /
 * 2.77x; warm 2.21x / 2.12x / 2.96x -> 2.18x / 2.08x / 2.91x, about
 * 1 %). 4, 6 and 12 were not better.
 */
#ifndef OFL__GRO_PREFETCH_AHEAD
#define OFL__GRO_PREFETCH_AHEAD 8u
#endif
#if defined(OFL_BPF) || !defined(__GNUC__)
#define OFL__GRO_PREFETCH(p) ((void)(p))
#else
#define OFL__GRO_PREFETCH(p) __builtin_prefetch((p), 0, 3)
#endif

/* Hint both of a frame's first two lines (why two: ofl_gro_receive_burst).
 * An integer sum: the second line may lie past the frame, where a hint
 * neither reads nor faults. A macro, not a function: the burst loop's
 * machine code stays what it was (scripts/same-code.py), so that fuzz
 * hours on it still count. */
#define OFL__GRO_PREFETCH_FRAME(fr)                                          \
	do {                                                                 \
		uintptr_t h_ = (uintptr_t)(fr)->data;                        \
                                                                             \
		OFL__GRO_PREFETCH((const void *)h_);                         \
		OFL__GRO_PREFETCH((const void *)(h_ + 64));                  \
	} while (0)

/* Word-wise equality of fixed-size fields (loads with no alignment need). */
OFL_INLINE int ofl__gro_ne4(const uint8_t *a, const uint8_t *b)
{
	return ofl_load_ne32(a) != ofl_load_ne32(b);
}

OFL_INLINE int ofl__gro_ne8(const uint8_t *a, const uint8_t *b)
{
	return ofl_load_ne64(a) != ofl_load_ne64(b);
}

/* XOR of two 8-byte fields: zero when equal (no branch; BPF has no setcc,
 * so comparisons are accumulated and tested once). */
OFL_INLINE uint64_t ofl__gro_x8(const uint8_t *a, const uint8_t *b)
{
	return ofl_load_ne64(a) ^ ofl_load_ne64(b);
}

/* OR of the XORs of n <= max bytes (n bounded by a constant max). */
OFL_INLINE uint32_t ofl__gro_xn(const uint8_t *a, const uint8_t *b, size_t n,
				size_t max)
{
	uint32_t d = 0;
	size_t i;

	for (i = 0; i < max; i++) {
		if (i >= n)
			break;
		d |= (uint32_t)(a[i] ^ b[i]);
	}
	return d;
}

/* Ethernet header: 14 bytes */
OFL_INLINE int ofl__gro_ne14(const uint8_t *a, const uint8_t *b)
{
	return ofl__gro_ne8(a, b) | ofl__gro_ne4(a + 8, b + 8) |
	       (ofl_load_ne16(a + 12) != ofl_load_ne16(b + 12));
}

/* restrict natively (no overlap test in front of a vectorised copy); not
 * in BPF, where clang would make a byte loop over restrict pointers a
 * memcpy call, which BPF has not */
#if defined(OFL_BPF)
#define OFL__GRO_RESTRICT
#else
#define OFL__GRO_RESTRICT restrict
#endif

/* Byte copy of n <= max bytes, 8 at a time; never reads past src + n.
 * In BPF only through the global function below, verified on its own. */
OFL_INLINE void ofl__gro_copy(uint8_t *OFL__GRO_RESTRICT dst,
			      const uint8_t *OFL__GRO_RESTRICT src, size_t n,
			      size_t max)
{
	size_t i;

	if (n >= 8 && n <= max) {
		/* whole words, then the last 8 bytes (overlapping) */
		for (i = 0; i + 8 <= max; i += 8) {
			if (i + 8 > n)
				break;
			ofl_copy8(dst + i, src + i);
		}
		if (i < n)
			ofl_copy8(dst + n - 8, src + n - 8);
		return;
	}
	for (i = 0; i < max; i++) {
		if (i >= n)
			break;
		dst[i] = src[i];
	}
}

#if defined(OFL_BPF)
/* eBPF: a global function (OFL__GRO_BPF_FN): inlined, its loop was walked
 * once per path of ofl__gro_hold (over 1M processed instructions). The
 * header of a held flow is its only use (max = OFL_GRO_MAX_HDR). */
struct ofl__gro_hdr {
	uint8_t b[OFL_GRO_MAX_HDR];
};
OFL__GRO_BPF_FN(copy, (struct ofl__gro_hdr *dst,
		       const struct ofl__gro_buf *src, uint32_t n))
{
	uint64_t m = n;

	if (!dst || !src)
		return 0;
	/*
	 * n tested on its own register: in the copy clang tests n - 8 <=
	 * max - 8, and the verifiers of 6.1 and 6.12 carry no bound from
	 * n - 8 back to n ("unbounded memory access" at the tail copy). The
	 * empty asm keeps clang from folding this test into that one; past
	 * max, n = max + 1 copies what any larger n would (max bytes).
	 */
	__asm__ volatile("" : "+r"(m));
	ofl__gro_copy(dst->b, src->b,
		      m <= OFL_GRO_MAX_HDR ? m : OFL_GRO_MAX_HDR + 1,
		      OFL_GRO_MAX_HDR);
	return 0;
}
#define ofl__gro_copy(dst, src, n, max)					\
	((void)ofl__gro_bpf_copy((struct ofl__gro_hdr *)(dst),		\
				 (const struct ofl__gro_buf *)(src),	\
				 (uint32_t)(n)))
#endif

/* ofl__gro_ip4_csum_bad on the sum @s of an IPv4 header's five 32-bit
 * words (native order). */
OFL_INLINE int ofl__gro_ip4_sum_bad(uint64_t s)
{
#if defined(OFL_BPF)
	/* shifts and masks only: the form the verifier's bounds tracking of
	 * the callers' offsets was proven with */
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
	return s != 0xffffu;
#else
	uint32_t hi = (uint32_t)(s >> 32), x = (uint32_t)s + hi;

	x += x < hi;	/* end-around carry */
	/* csum_fold: the high half of x + ror32(x, 16) is the folded sum */
	x += (x >> 16) | (x << 16);
	return (x >> 16) != 0xffffu;
#endif
}

/* IPv4 header of 20 bytes has a valid checksum (ip_fast_csum() == 0). */
OFL_INLINE int ofl__gro_ip4_csum_bad(const uint8_t *ip)
{
	return ofl__gro_ip4_sum_bad((uint64_t)ofl_load_ne32(ip) +
				    ofl_load_ne32(ip + 4) +
				    ofl_load_ne32(ip + 8) +
				    ofl_load_ne32(ip + 12) +
				    ofl_load_ne32(ip + 16));
}

/* The same of a header at a constant offset in a frame (packet or map
 * memory, never the stack): in BPF one typed load a word. At a variable
 * offset (ofl__gro_ip4) the typed loads cost ofl__gro_bpf_inner its
 * verification: "R2 max value is outside of the allowed memory range". */
OFL_INLINE int ofl__gro_ip4_csum_bad_mem(const uint8_t *ip)
{
	return ofl__gro_ip4_sum_bad((uint64_t)ofl_load_ne32_mem(ip) +
				    ofl_load_ne32_mem(ip + 4) +
				    ofl_load_ne32_mem(ip + 8) +
				    ofl_load_ne32_mem(ip + 12) +
				    ofl_load_ne32_mem(ip + 16));
}

/* No pool entry (end of a chain). */
#define OFL__GRO_NONE 0xffffffffu

#if !defined(OFL_BPF)
/* The pool after the context (ofl_gro_opts.pool_segs entries). */
OFL_INLINE struct ofl_gro_ext *ofl__gro_pool(struct ofl_gro_ctx *ctx)
{
	return (struct ofl_gro_ext *)(void *)(ctx + 1);
}

OFL_INLINE const struct ofl_gro_ext *
ofl__gro_pool_c(const struct ofl_gro_ctx *ctx)
{
	return (const struct ofl_gro_ext *)(const void *)(ctx + 1);
}

/* Put the chain @head..@tail on the chain at *@to (free or pending). */
OFL_INLINE void ofl__gro_chain_put(struct ofl_gro_ctx *ctx, uint32_t *to,
				   uint32_t *to_tail, uint32_t head,
				   uint32_t tail)
{
	if (head == OFL__GRO_NONE || tail >= ctx->pool)
		return;
	ofl__gro_pool(ctx)[tail].next = *to;
	if (to_tail && *to == OFL__GRO_NONE)
		*to_tail = tail;
	*to = head;
}
#endif

/* The stripped tag of a frame as one word (Linux skb->vlan_all): the
 * adjacent vlan_proto and vlan_tci fields loaded together, in host byte
 * order, so the word is only compared (equal, or zero for no tag) and
 * stored back whole (ofl__gro_put_vlan): one load instead of two and a
 * shift on the fast path. */
OFL_STATIC_ASSERT(offsetof(struct ofl_gro_frame, vlan_tci) ==
		  offsetof(struct ofl_gro_frame, vlan_proto) + 2 &&
		  offsetof(struct ofl_gro_pkt, vlan_tci) ==
		  offsetof(struct ofl_gro_pkt, vlan_proto) + 2,
		  "vlan_proto and vlan_tci form one word");
OFL_INLINE uint32_t ofl__gro_vlan(const struct ofl_gro_frame *f)
{
	return ofl_load_ne32(&f->vlan_proto);
}

OFL_INLINE void ofl__gro_put_vlan(struct ofl_gro_pkt *o, uint32_t vlan)
{
	ofl_store_ne32(&o->vlan_proto, vlan);
}

OFL_INLINE void ofl__gro_frame_pkt(struct ofl_gro_pkt *o, uint32_t id,
				   uint32_t len, uint32_t vlan)
{
	o->frame = id;
	ofl__gro_put_vlan(o, vlan);
	o->len = len;
	o->kind = OFL_GRO_PKT_FRAME;
	o->hdr_len = 0;
	o->nslices = 1;
	o->gso_size = 0;
	o->gso_segs = 1;
	o->gso_type = 0;
	o->csum_start = 0;
	o->csum_offset = 0;
	o->ocsum_start = 0;
	o->slice[0].frame = id;
	o->slice[0].off = 0;
	/* a frame over 65535 bytes (passed up alone) has no slice form */
	o->slice[0].len = (uint16_t)(len > 0xffffu ? 0 : len);
}

/*
 * Test-only entry (lib/gro/receive.c): ofl_gro_receive() with the fast path
 * bypassed, every frame through the full parse and lookup, so that
 * fuzz/fuzz_gro_fast.c can hold the fast path to the path it shortcuts.
 * Userspace builds only, a hidden name as the CRC32c variants: not exported
 * from libofl.so; BPF, kernel and firmware builds do not have it.
 */
#if !defined(OFL_BPF) && !defined(__KERNEL__) && !defined(OFL_FIRMWARE)
#define OFL__GRO_GENERIC_ENTRY 1
OFL_BEGIN_DECLS
int ofl__gro_receive_generic(struct ofl_gro_ctx *ctx,
			     const struct ofl_gro_frame *f,
			     struct ofl_gro_pkt *out, unsigned int *nout);
OFL_END_DECLS
#endif

#endif
