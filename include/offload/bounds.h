/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * One set of walk bounds for every header walker of ofl: lib/parser,
 * lib/gro's receive walk, lib/gso's metadata helpers and lib/csum's IPv6
 * walk all stop at the same depth, so a frame is accepted or refused by all
 * of them alike (tests/core/test_walkers.c feeds frames at and just past
 * each bound to every walker).
 *
 * A frame with exactly OFL_MAX_x of a thing is accepted; one more is
 * refused (OFL_ELOOP where the walker returns errors; lib/gro passes such
 * a frame up alone). None of them changes a public struct layout, so they
 * may be overridden at build time (for the whole library, not per caller).
 */
#ifndef OFL_BOUNDS_H
#define OFL_BOUNDS_H

/** 802.1Q / 802.1ad tags per frame, all tunnel levels together (lib/gro
 * walks only the outer Ethernet header's tags). */
#ifndef OFL_MAX_VLANS
#define OFL_MAX_VLANS 4
#endif
/** IPv6 extension headers per IPv6 header (hop-by-hop, routing,
 * destination options; the parser and lib/csum also count AH and
 * fragment headers), every walker alike. (ofl_parse_result.nexthdr is the
 * frame's total, all tunnel levels together.) */
#ifndef OFL_MAX_EXTHDRS
#define OFL_MAX_EXTHDRS 8
#endif
/** MPLS label stack entries per frame (lib/parser). */
#ifndef OFL_MAX_MPLS
#define OFL_MAX_MPLS 8
#endif
/** Tunnels crossed (IP-in-IP, GRE, VXLAN, GENEVE) by lib/parser; lib/gro
 * and lib/gso handle one level, as Linux's GRO and GSO do. */
#ifndef OFL_MAX_ENCAP
#define OFL_MAX_ENCAP 3
#endif

#endif /* OFL_BOUNDS_H */
