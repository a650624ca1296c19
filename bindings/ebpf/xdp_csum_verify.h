/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Counters of xdp_csum_verify.bpf.c, shared with the programs that read
 * them. The map "ofl_csum_stats" is a BPF_MAP_TYPE_PERCPU_ARRAY with one
 * struct ofl_xdpc_count per enum ofl_xdpc_slot; sum the per-CPU values.
 */
#ifndef OFL_XDP_CSUM_VERIFY_H
#define OFL_XDP_CSUM_VERIFY_H

#include <linux/types.h>

enum ofl_xdpc_slot {
	OFL_XDPC_IPV4 = 0,	/* IPv4 header checksum */
	OFL_XDPC_TCP4,		/* TCP over IPv4 */
	OFL_XDPC_UDP4,		/* UDP over IPv4 (checksum 0: unchecked) */
	OFL_XDPC_TCP6,		/* TCP over IPv6 */
	OFL_XDPC_UDP6,		/* UDP over IPv6 (checksum 0: bad, RFC 8200) */
	OFL_XDPC_OTHER,		/* IP, L4 not verified: fragments, other
				 * protocols, routing/fragment headers */
	OFL_XDPC_NR
};

struct ofl_xdpc_count {
	__u64 good;		/* checksum right */
	__u64 bad;		/* checksum wrong: dropped unless count_only */
	__u64 unchecked;	/* could not be verified: passed */
};

#endif /* OFL_XDP_CSUM_VERIFY_H */
