/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Fixed-width types for every consumer, and the types that carry byte order
 * and fold state (Linux __be16/__be32/__wsum/__sum16):
 *
 *   ofl_be16, ofl_be32  a value in network byte order, as stored in a frame
 *   ofl_wsum            32-bit unfolded ones'-complement partial sum
 *   ofl_sum16           folded 16-bit checksum as stored in a frame: a plain
 *                       16-bit store of it gives the right wire bytes on a
 *                       host of either byte order
 *
 * Under sparse (__CHECKER__) they are __bitwise, so the kernel build checks
 * that they are not mixed with host integers without a conversion.
 */
#ifndef OFL_TYPES_H
#define OFL_TYPES_H

#include "config.h"

#if defined(__KERNEL__)
#include <linux/types.h>
#elif defined(OFL_BPF)
/*
 * BPF objects are built with clang -target bpf and usually without the host
 * libc's multilib headers (gnu/stubs-32.h), which <stdint.h> would pull in.
 * The compiler's own type macros need nothing. C11 allows repeating a typedef
 * of the same type, so this coexists with <stdint.h> or <linux/types.h>.
 */
#include <stddef.h>
#include <stdbool.h>
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#else
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#endif

typedef uint16_t OFL_BITWISE ofl_be16;
typedef uint32_t OFL_BITWISE ofl_be32;
typedef uint32_t OFL_BITWISE ofl_wsum;
typedef uint16_t OFL_BITWISE ofl_sum16;

/*
 * Checksum state of a frame (skb->ip_summed): Linux's names and values
 * (include/linux/skbuff.h), one spelling for every module: lib/csum's
 * struct ofl_csum_state, lib/gso's struct ofl_gso_meta and lib/gro's
 * struct ofl_gro_frame all carry these.
 */
enum ofl_ip_summed {
	/** No checksum information: software must verify / compute. */
	OFL_CHECKSUM_NONE = 0,
	/** The device verified csum_level + 1 L4 checksums, outermost first. */
	OFL_CHECKSUM_UNNECESSARY = 1,
	/** A sum of the frame from csum_start to its end is known. */
	OFL_CHECKSUM_COMPLETE = 2,
	/** Transmit: the checksum at csum_start + csum_offset is to be
	 * completed; the field holds the folded pseudo-header sum. */
	OFL_CHECKSUM_PARTIAL = 3,
};

/*
 * gso_type bits (skb_shinfo()->gso_type): the values of Linux 6.18's
 * SKB_GSO_* (include/linux/skbuff.h), so a driver or kernel glue stores
 * them as they are, lib/gro emits them and lib/gso takes them: a GRO
 * delivery is handed to GSO with no mapping. Macros, not an enum: 6.18's
 * FIXEDID_INNER is 1u << 31, which a C11 enumerator (an int) cannot hold.
 * 6.18 moved SKB_GSO_TCP_FIXEDID from 1 << 3 (now __SKB_GSO_TCP_FIXEDID,
 * the netdev feature bit only) to 1 << 30. Bits lib/gso does not segment
 * (FCOE, SCTP, ESP, FRAGLIST, REMCSUM, TUNNEL_REMCSUM) are listed so that
 * the numbering is whole; lib/gso refuses them with OFL_EOPNOTSUPP, but
 * for FRAGLIST (lib/gro's OFL_GRO_F_FRAGLIST, lib/gso's
 * ofl_gso_list_fixup()).
 */
#define OFL_GSO_TCPV4 (1u << 0)
/** Untrusted source (virtio): accepted, no effect (ofl checks all input). */
#define OFL_GSO_DODGY (1u << 1)
/** CWR set in the super-frame (RFC 3168 ECN): cleared after the first
 * segment by the segmenter. */
#define OFL_GSO_TCP_ECN (1u << 2)
#define OFL_GSO_TCPV6 (1u << 4)
#define OFL_GSO_FCOE (1u << 5)
/** GRE without checksum; gre_gro_complete sets this one with or without
 * the C bit. */
#define OFL_GSO_GRE (1u << 6)
/** GRE with checksum (C bit); never produced by GRO. */
#define OFL_GSO_GRE_CSUM (1u << 7)
/** IP in IPv4: IPIP, SIT (ipip_gro_complete, sit_gro_complete). */
#define OFL_GSO_IPXIP4 (1u << 8)
/** IP in IPv6: 4in6, 6in6 (ip4ip6_gro_complete, ip6ip6_gro_complete). */
#define OFL_GSO_IPXIP6 (1u << 9)
/** VXLAN/GENEVE/... with an outer UDP checksum of 0. */
#define OFL_GSO_UDP_TUNNEL (1u << 10)
/** ... with an outer UDP checksum. */
#define OFL_GSO_UDP_TUNNEL_CSUM (1u << 11)
/** GSO_PARTIAL: see ofl_gso_init(). */
#define OFL_GSO_PARTIAL (1u << 12)
#define OFL_GSO_TUNNEL_REMCSUM (1u << 13)
#define OFL_GSO_SCTP (1u << 14)
#define OFL_GSO_ESP (1u << 15)
#define OFL_GSO_UDP (1u << 16)
/** UDP segmentation (USO, udp_gro_complete_segment). */
#define OFL_GSO_UDP_L4 (1u << 17)
#define OFL_GSO_FRAGLIST (1u << 18)
/** AccECN: CWR kept on every segment (GRO profile 7.0 sets it). */
#define OFL_GSO_TCP_ACCECN (1u << 19)
/** Outer (or only) IPv4 ID fixed (6.18 SKB_GSO_TCP_FIXEDID). */
#define OFL_GSO_TCP_FIXEDID (1u << 30)
/** Inner IPv4 ID of a tunnel fixed (6.18 SKB_GSO_TCP_FIXEDID_INNER). */
#define OFL_GSO_TCP_FIXEDID_INNER (1u << 31)

/** Tunnel bits: at most one of them is set. */
#define OFL_GSO_TUNNEL_MASK                                                  \
	(OFL_GSO_UDP_TUNNEL | OFL_GSO_UDP_TUNNEL_CSUM | OFL_GSO_GRE |        \
	 OFL_GSO_GRE_CSUM | OFL_GSO_IPXIP4 | OFL_GSO_IPXIP6)

#endif /* OFL_TYPES_H */
