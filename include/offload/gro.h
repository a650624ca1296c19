/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * lib/gro: receive coalescing that behaves as Linux GRO does (net/core/gro.c
 * dev_gro_receive, gro_list_prepare, skb_gro_receive, gro_flush_oldest,
 * gro_complete; net/8021q/vlan_core.c vlan_gro_receive; net/ipv4/af_inet.c
 * inet_gro_receive/inet_gro_complete; net/ipv6/ip6_offload.c
 * ipv6_gro_receive/ipv6_gro_complete; net/ipv4/tcp_offload.c
 * tcp4_gro_receive, tcp_gro_receive, tcp_gro_complete; net/ipv4/
 * udp_offload.c udp4_gro_receive, udp_gro_receive, udp_gro_receive_segment,
 * udp4_gro_complete, udp_gro_complete_segment; include/net/gro.h
 * inet_gro_flush, ipv6_gro_flush, gro_receive_network_flush).
 *
 * Model. The caller owns a struct ofl_gro_ctx (fixed size, no pointers
 * inside, copyable with a byte copy, reset by ofl_gro_init()). It hands in
 * Ethernet frames one by one (ofl_gro_receive) or as a burst
 * (ofl_gro_receive_burst); each frame carries an opaque 32-bit id chosen by
 * the caller and the caller's RSS hash (the bucket is hash & 7, and held
 * flows only match frames of equal hash, as in Linux), its checksum state
 * (NONE, UNNECESSARY, or COMPLETE with the device's full-frame sum) and a
 * VLAN tag the device stripped (compared as Linux's vlan_all and carried
 * out of band into the deliveries). The context keeps a
 * copy of each held flow's first headers (at most OFL_GRO_MAX_HDR bytes) and
 * references to the payload of every held frame as (frame id, offset,
 * length) slices: payload is never copied, so the caller must keep every
 * frame that is part of a held flow readable until that flow is delivered.
 *
 * Deliveries. Every call that can deliver writes struct ofl_gro_pkt entries
 * in the order Linux hands packets to the stack: either a frame passed up
 * unchanged (OFL_GRO_PKT_FRAME: deliver frame id as it was) or a merged
 * super-frame (OFL_GRO_PKT_MERGED: hdr[] holds the first frame's headers
 * fixed up as inet_gro_complete/ipv6_gro_complete/tcp4/6_gro_complete do,
 * followed by the payload slices). The TCP checksum of a merged frame is the
 * CHECKSUM_PARTIAL pseudo-header sum (csum_start/csum_offset set);
 * ofl_gro_pkt_linearize() copies one into a caller buffer and can complete
 * the checksum (as skb_checksum_help would).
 *
 * Scope. TCP (and, with OFL_GRO_F_UDP_FWD, UDP) over IPv4 and IPv6 (with
 * hop-by-hop, routing and destination options headers skipped and
 * compared), behind Ethernet and up to OFL_MAX_VLANS in-band 802.1Q/802.1ad
 * tags (<offload/bounds.h>; none behind a tunnel's inner Ethernet);
 * with OFL_GRO_F_VXLAN / OFL_GRO_F_GENEVE, VXLAN (UDP 4789) / GENEVE (UDP
 * 6081) over outer IPv4 or IPv6 carrying Ethernet/IPv4-or-IPv6/TCP
 * (udp_gro_receive, vxlan_gro_receive, geneve_gro_receive,
 * eth_gro_receive); unless OFL_GRO_F_NO_IPTUN, GRE (gre_gro_receive) and
 * IP-in-IP (ipip_gro_receive, sit_ip6ip6_gro_receive, ip4ip6_gro_receive)
 * over outer IPv4 or IPv6 carrying IPv4/IPv6 TCP (GRE: or Ethernet); the
 * inner UDP of all these tunnels with OFL_GRO_F_UDP_FWD.
 * Everything else (UDP without a UDP-GRO socket unless OFL_GRO_F_UDP_FWD,
 * ICMP, other tunnels, fragments, IPv4 options) is passed up alone.
 * BIG TCP: gro_max_size / gro_ipv4_max_size up to OFL_GRO_MAX_SIZE
 * (ofl_gro_opts). The end of a poll is the caller's choice:
 * ofl_gro_flush() (all held flows) or ofl_gro_flush_old() (only flows
 * older than an age, with ofl_gro_clock()).
 * Deviations from Linux forced by fixed capacities (documented in
 * docs/GRO.md): without a slice pool (ofl_gro_opts.pool_segs), or when it
 * is empty, a flow that holds OFL_GRO_MAX_SEGS segments is delivered
 * before the next one is added; headers longer than OFL_GRO_MAX_HDR and
 * frames longer than 65535 bytes are passed up alone; more than 8 IPv6
 * extension headers or more than OFL_MAX_VLANS VLAN tags: passed up alone
 * (tests/core/test_walkers.c holds lib/gro to these bounds).
 */
#ifndef OFL_GRO_H
#define OFL_GRO_H

#if defined(OFL_BPF) && !defined(OFL_BPF_GRO)
#error "lib/gro in a BPF program: define OFL_BPF_GRO before <offload/bpf.h>"
#endif

#include "config.h"
#include "types.h"
#include "err.h"
#include "bounds.h"

OFL_BEGIN_DECLS

/** Hash buckets (Linux GRO_HASH_BUCKETS). Fixed: the bucket is hash & 7. */
#define OFL_GRO_BUCKETS 8
/** Held flows per bucket (Linux MAX_GRO_SKBS); the oldest is evicted. */
#define OFL_GRO_BUCKET_FLOWS 8
/** Held flows in a context. */
#define OFL_GRO_MAX_FLOWS (OFL_GRO_BUCKETS * OFL_GRO_BUCKET_FLOWS)
/** Segments one held flow keeps in the context itself (and a delivery in
 * its slice[] array); more go to the caller-sized pool (ofl_gro_opts
 * .pool_segs). Without a pool this is the most one flow holds. */
#ifndef OFL_GRO_MAX_SEGS
#define OFL_GRO_MAX_SEGS 64
#endif
/** Longest header (Ethernet to end of TCP options) a held flow keeps. */
#ifndef OFL_GRO_MAX_HDR
#define OFL_GRO_MAX_HDR 192
#endif
/** 0 compiles UDP GRO out (OFL_GRO_F_UDP_FWD then has no effect). */
#ifndef OFL_GRO_UDP
#define OFL_GRO_UDP 1
#endif
/** Default gro_max_size / gro_ipv4_max_size (Linux GRO_LEGACY_MAX_SIZE): an
 * IP packet stays below it. */
#define OFL_GRO_LEGACY_MAX_SIZE 65536u
/** Largest gro_max_size / gro_ipv4_max_size (Linux 6.18 GRO_MAX_SIZE,
 * 8 * 65535: "TCP minimal MSS is 8 and gso_segs is a 16-bit field").
 * Above 64 KiB only plain TCP merges (BIG TCP, see ofl_gro_opts). */
#define OFL_GRO_MAX_SIZE (8u * 65535u)
/** Bytes of the IPv6 hop-by-hop jumbo header 6.18 inserts (struct
 * hop_jumbo_hdr). */
#define OFL_GRO_JUMBO_HLEN 8u

/*
 * Kernel-version profiles: the rules that changed between releases.
 * OFL_GRO_PROFILE_6_18 (0, the default): the running kernel of the tests
 *   (proven by tests/gro/kdiff.sh). A flow's IPv4 ID mode (incrementing or
 *   fixed) is decided on its second segment whatever DF says; a segment
 *   with CWR set is never merged, flushes the held flow of its flow and is
 *   itself passed up alone, even without a held flow.
 * OFL_GRO_PROFILE_6_10: kernels 6.10 to 6.17 (read from tcp_offload.c and
 *   include/net/gro.h of that time): a fixed IPv4 ID is accepted only when
 *   DF is set; a CWR segment is not merged and flushes the held flow, but
 *   may itself start a new held flow (CWR is not among the flags that end
 *   a flow in tcp_gro_receive's out_check_final).
 * OFL_GRO_PROFILE_7_0: kernels after 6.19 (7.0 on; read from the AccECN
 *   change "gro: flushing when CWR is set negatively affects AccECN" to
 *   tcp_gro_receive, unit-tested only): the IPv4 ID rule of 6.18; CWR no
 *   longer flushes by itself and does not end a flow, but a segment whose
 *   CWR differs from the held flow's flushes it (every flag except FIN and
 *   PSH must be equal), so segments with CWR set merge with each other and
 *   the merged frame carries OFL_GSO_TCP_ACCECN (tcp_gro_complete).
 * OFL_GRO_PROFILE_6_1: 6.1.91 and later 6.1.y, and the closest profile
 *   for 6.2 to 6.8 before 2024's network_offsets change (6.6.31, 6.8.10,
 *   6.9 are 6.10); before 2024's UDP flush-check fix (6.1.0-6.1.90, 6.3)
 *   UDP GRO differs, docs/GRO.md "6.1 to 6.3" (read from 6.1.192's
 *   udp_offload.c, af_inet.c, ip6_offload.c; proven live against Debian's
 *   6.1.0-57): the rules of 6.10, except that udp4/6_gro_complete build a
 *   merged VXLAN/GENEVE frame's non-zero outer UDP checksum from
 *   ip_hdr(skb)/ipv6_hdr(skb), which GRO left at the inner network header
 *   (the last skb_set_network_header of inet/ipv6_gro_receive): the
 *   pseudo-header sum of the outer UDP length with the address fields read
 *   at the outer family's offsets (IPv4 12..19, IPv6 8..39) of the inner
 *   IP header, as it was before the inner complete. 6.10 reads
 *   NAPI_GRO_CB(skb)->network_offsets[] instead (the outer header).
 *   6.1 has one gro_max_size for both families: give gro_max_size and
 *   gro_ipv4_max_size the same value.
 */
enum ofl_gro_profile {
	OFL_GRO_PROFILE_6_18 = 0,
	OFL_GRO_PROFILE_6_10 = 1,
	OFL_GRO_PROFILE_7_0 = 2,
	OFL_GRO_PROFILE_6_1 = 3,
};

/** Decision for one frame (Linux enum gro_result). */
enum ofl_gro_result {
	OFL_GRO_MERGED = 0, /**< added to a held flow */
	OFL_GRO_HELD = 1,   /**< starts a new held flow */
	OFL_GRO_NORMAL = 2, /**< passed up alone (written to the output) */
};

/*
 * gso_type of a merged frame: OFL_GSO_* bits of <offload/types.h> (Linux
 * 6.18's SKB_GSO_* values), so kernel glue stores them in
 * skb_shinfo()->gso_type and lib/gso takes them as they are.
 * tcp4_gro_complete sets the FIXEDID bits from the per-layer ip_fixedid
 * bits: FIXEDID for the outer (or only) IPv4 header, FIXEDID_INNER for the
 * inner one of a tunnel (tcp6_gro_complete sets neither).
 */

/** ofl_gro_opts.flags: UDP GRO for forwarding (NETIF_F_GRO_UDP_FWD,
 * `ethtool -K dev rx-udp-gro-forwarding on`): UDP datagrams of a flow are
 * merged (udp_gro_receive_segment, SKB_GSO_UDP_L4), also inside VXLAN,
 * GENEVE, GRE and IP-in-IP tunnels (the tunnel's gso_type bit | UDP_L4).
 * Off by default, as in Linux, where UDP is then passed up unless a
 * socket asked for UDP_GRO. */
#define OFL_GRO_F_UDP_FWD (1u << 0)
/** ofl_gro_opts.flags: a VXLAN socket listens on UDP port 4789
 * (OFL_GRO_VXLAN_PORT; in Linux a vxlan device is up, whose UDP socket has
 * gro_receive = vxlan_gro_receive). UDP datagrams to that port over IPv4
 * or IPv6 are then tunnel-GRO candidates: the inner Ethernet/IP/TCP
 * segments (inner IPv6 too) are merged as udp_gro_receive,
 * vxlan_gro_receive, eth_gro_receive, inet_gro_receive/ipv6_gro_receive
 * and tcp_gro_receive do (see docs/GRO.md), gso_type
 * OFL_GSO_UDP_TUNNEL[_CSUM] | TCPV4 or TCPV6. */
#define OFL_GRO_F_VXLAN (1u << 1)
/** UDP destination port of VXLAN (IANA), host order. */
#define OFL_GRO_VXLAN_PORT 4789
/** ofl_gro_opts.flags: a GENEVE socket listens on UDP port 6081
 * (OFL_GRO_GENEVE_PORT; Linux geneve device, geneve_gro_receive): GENEVE
 * (version 0, no OAM bit, protocol 0x6558 Transparent Ethernet Bridging,
 * any options, compared byte for byte) carrying Ethernet/IP/TCP is
 * merged with the VXLAN rules. Not provable here (the test kernel has no
 * geneve device type): implemented from geneve.c, unit-tested only. */
#define OFL_GRO_F_GENEVE (1u << 2)
/** UDP destination port of GENEVE (IANA), host order. */
#define OFL_GRO_GENEVE_PORT 6081
/**
 * ofl_gro_opts.flags: no GRE and IP-in-IP GRO. By default (as in Linux,
 * where gre_offload, ipip_offload, sit_offload, ip4ip6_offload and
 * ip6ip6_offload are always registered, no tunnel device needed) TCP
 * inside GRE (version 0, C and K flags only, over IPv4 or IPv6, carrying
 * IPv4, IPv6 or Ethernet 0x6558 with IPv4/IPv6) and inside IP-in-IP
 * (IPv4 or IPv6 in IPv4 or IPv6) is merged as gre_gro_receive,
 * ipip_gro_receive, sit_ip6ip6_gro_receive, ip4ip6_gro_receive and the
 * inner inet/ipv6/tcp receivers do (see docs/GRO.md); gso_type
 * OFL_GSO_GRE or OFL_GSO_IPXIP4/IPXIP6 | TCPV4 or TCPV6. With this
 * flag such frames are passed up alone (no Linux equivalent).
 */
#define OFL_GRO_F_NO_IPTUN (1u << 3)
/**
 * ofl_gro_opts.flags: fraglist GRO for forwarding (NETIF_F_GRO_FRAGLIST,
 * `ethtool -K dev rx-gro-list on`), on a host that forwards every flow it
 * is given (no local socket: ofl has none to look up). As 6.18 then does
 * (udp_gro_receive sets is_flist for UDP unless a UDP_GRO socket owns the
 * port; tcp4/6_check_fraglist_gro for TCP without an established socket):
 * UDP (with or without OFL_GRO_F_UDP_FWD) and TCP over IPv4/IPv6 are
 * merged by skb_gro_receive_list: the held flow keeps every frame whole
 * (no payload copy, no header of a later frame changed), at most 65535
 * bytes of IP packet in all, TCP with all flags (FIN, PSH too) equal and
 * at most 64 segments, UDP as udp_gro_receive_segment (a CHECKSUM_NONE
 * frame the IP layer flushes is passed up alone and leaves the held flow
 * be: its ip_summed differs; UNNECESSARY and COMPLETE frames end it).
 * The delivery (OFL_GRO_PKT_MERGED with OFL_GSO_FRAGLIST in gso_type):
 * hdr[] is the first frame's headers with only the IP length (IPv4
 * tot_len and header checksum, IPv6 payload_len) and, for UDP, the UDP
 * length set to the whole (inet/ipv6_gro_complete, the fraglist branch of
 * udp4/6_gro_complete and tcp4/6_gro_complete: L4 checksums untouched);
 * gso_type OFL_GSO_FRAGLIST | OFL_GSO_UDP_L4, TCPV4 or TCPV6; gso_size
 * the first frame's payload; csum_start = csum_offset = 0: the merged
 * frame is CHECKSUM_UNNECESSARY (csum_level + 1), not PARTIAL. slice[i]
 * names frame i whole: its own headers are bytes [0, slice[i].off) of
 * that frame, its payload the slice, so the original frames are handed
 * back by lib/gso's ofl_gso_list_fixup() (skb_segment_list).
 * Tunnels (VXLAN/GENEVE with their flags, GRE, IP-in-IP): the inner TCP
 * and UDP flows are merged by the same list rules (tcp4/6_check_fraglist_gro
 * and udp_gro_receive set is_flist for them); the delivery has the
 * tunnel's bit too (OFL_GSO_UDP_TUNNEL[_CSUM], GRE, IPXIP4/6), a non-zero
 * outer UDP checksum holds the pseudo-header sum, ocsum_start 0. Inner
 * UDP of GRE/IP-in-IP is completed as without the flag (PARTIAL,
 * OFL_GSO_UDP_L4 | GRE or IPXIP4/6, no FRAGLIST bit: udp4/6_gro_complete's
 * encap_mark test), docs/GRO.md. Profile 6.1 (UDP fraglist only, TCP fraglist GRO
 * came with 6.10): ofl_gro_init() returns OFL_EOPNOTSUPP for the flag with
 * that profile.
 */
#define OFL_GRO_F_FRAGLIST (1u << 4)
/** 0 compiles tunnel GRO out (VXLAN, GENEVE, GRE and IP-in-IP frames are
 * then passed up alone whatever the flags say). */
#ifndef OFL_GRO_TUNNEL
#define OFL_GRO_TUNNEL 1
#endif
/**
 * eBPF only: a frame's bytes must lie in memory the verifier knows to hold
 * at least OFL_GRO_BPF_BUF bytes from @data on (a map value, as in
 * tests/gro/gro_rx.bpf.c), because lib/gro's steps are global functions
 * there (docs/GRO.md, "eBPF") that take the frame as such a buffer; and the
 * object must carry BTF (clang -g). Frames longer than OFL_GRO_BPF_FRAME
 * bytes are passed up alone in BPF (natively the limit is 65535).
 */
#ifndef OFL_GRO_BPF_FRAME
#define OFL_GRO_BPF_FRAME 9216
#endif
#ifndef OFL_GRO_BPF_BUF
#define OFL_GRO_BPF_BUF (OFL_GRO_BPF_FRAME + 512)
#endif

/** A received frame as handed to lib/gro. */
struct ofl_gro_frame {
	/** First byte (the Ethernet destination address). */
	const uint8_t *data;
	/** Length in bytes; 0..65535 (longer frames are passed up alone). */
	uint32_t len;
	/** RSS hash of the frame (Linux skb->hash), any value. */
	uint32_t hash;
	/** Caller's id for this frame; it names the frame in deliveries. */
	uint32_t id;
	/** OFL_CHECKSUM_COMPLETE only (ignored otherwise): the ones'-
	 * complement sum of the frame bytes [@csum_start, @len) as Linux
	 * keeps it in skb->csum (an ofl_wsum: what ofl_csum_partial() of
	 * those bytes returns, or any value equal to it modulo 0xffff). */
	ofl_wsum csum;
	/** OFL_CHECKSUM_COMPLETE only: the first byte @csum covers, 0..@len
	 * (above @len the sum is not used: the software check decides).
	 * Linux's drivers sum from the byte after
	 * the Ethernet header (14: skb->data after eth_type_trans); any start
	 * is accepted, the bytes between it and each L4 header are taken out
	 * (or added) first. A start more than OFL_GRO_MAX_HDR bytes past an
	 * L4 header leaves that checksum to the software check. */
	uint16_t csum_start;
	/** A VLAN tag the device removed (hardware VLAN acceleration), as
	 * Linux's skb->vlan_proto (TPID, host order, e.g. 0x8100 or 0x88a8)
	 * and skb->vlan_tci (host order): the tag is present when either is
	 * non-zero (skb_vlan_tag_present: vlan_all != 0). Both are compared
	 * when frames are matched to held flows (gro_list_prepare compares
	 * vlan_all) and carried into the delivery. 0 and 0: no tag. */
	uint16_t vlan_proto;
	uint16_t vlan_tci;
	/** enum ofl_ip_summed: OFL_CHECKSUM_NONE (lib/gro validates the TCP
	 * checksum in software, skb_gro_checksum_validate),
	 * OFL_CHECKSUM_UNNECESSARY (the device verified the L4 checksum; for a
	 * tunnel frame every checksum: the outer UDP or GRE one and the inner
	 * one, as a Linux csum_level that covers them all) or
	 * OFL_CHECKSUM_COMPLETE (@csum and @csum_start above: each L4
	 * checksum is validated from that sum, reading headers only, and in
	 * software when it does not validate, as Linux does; docs/GRO.md).
	 * Anything else: OFL_EINVAL. */
	uint8_t ip_summed;
	/** Zero (OFL_EINVAL otherwise). */
	uint8_t reserved;
};

/** sizeof(struct ofl_gro_frame): a pointer and 24 bytes (pinned; 32 on
 * 64-bit hosts, as before the checksum and tag fields came). */
#define OFL_GRO_FRAME_SIZE (sizeof(void *) + 24)
OFL_STATIC_ASSERT(sizeof(struct ofl_gro_frame) == OFL_GRO_FRAME_SIZE,
		  "struct ofl_gro_frame has its documented size");

/** Options for ofl_gro_init(); set sz = sizeof(struct ofl_gro_opts).
 * New fields are only ever added at the end. */
struct ofl_gro_opts {
	size_t sz;
	/** enum ofl_gro_profile. */
	uint32_t profile;
	/** IPv6 packets stay below it (dev->gro_max_size); 0 = 65536, at
	 * most OFL_GRO_MAX_SIZE. Above 65536 (BIG TCP, skb_gro_receive):
	 * plain TCP flows (no tunnel, not UDP) grow past 64 KiB; the merged
	 * packet gets payload length 0 and, in profiles 6.18, 6.10 and 6.1,
	 * an 8-byte hop-by-hop jumbo header between the IPv6 header and the
	 * next one (ipv6_gro_complete; jumbo length = 8 + the rest; frames
	 * are taken to have the 8 bytes of headroom a NIC driver leaves);
	 * profile 7.0 inserts none. 6.1: only when the next header is TCP. */
	uint32_t gro_max_size;
	/** IPv4 packets stay below it (gro_ipv4_max_size); 0 = 65536, at
	 * most OFL_GRO_MAX_SIZE. Above 65536 a merged packet carries
	 * tot_len 0 (iph_set_totlen in inet_gro_complete). Profile 6.1 has
	 * no IPv4 BIG TCP: no IPv4 flow grows past 64 KiB there. */
	uint32_t gro_ipv4_max_size;
	/** OFL_GRO_F_* bits. */
	uint32_t flags;
	/**
	 * Slices in the pool that follows the context in the caller's memory
	 * (0: none; not in BPF, docs/GRO.md "What is not in BPF": a global
	 * function's context argument covers the struct only). Linux puts
	 * no bound on the segments of a
	 * held flow (skb_gro_receive chains skbs on frag_list; count is a
	 * u16); here a flow keeps its first OFL_GRO_MAX_SEGS slices in the
	 * context and takes the rest from this pool, shared by all flows.
	 * The context is then OFL_GRO_CTX_BYTES(pool_segs) bytes (pass that
	 * as ctx_size; it stays one block without pointers, copied with a
	 * byte copy of that size). Sizing (docs/GRO.md): a flow of S
	 * segments takes S - OFL_GRO_MAX_SEGS entries, S at most
	 * gro_max_size / smallest payload (Linux 6.18 merges 65 segments per
	 * 64-frame poll and more across polls with a gro_flush_timeout: 93
	 * were seen). Exhausted pool: the flow that needs a slice is
	 * delivered and the segment starts a new flow, as for a full
	 * OFL_GRO_MAX_SEGS without a pool (the one place lib/gro then
	 * flushes where Linux would not). Entries of a delivered flow are
	 * reused only in a later call, so a delivery's slices stay readable
	 * (ofl_gro_pkt_slices, ofl_gro_pkt_linearize_ctx) until the next
	 * call on the context. At most OFL_GRO_MAX_POOL.
	 */
	uint32_t pool_segs;
	/** 0 (keeps the struct free of tail padding). */
	uint32_t reserved;
};
/** Largest ofl_gro_opts.pool_segs (one flow counts its segments in 16
 * bits, as Linux's NAPI_GRO_CB(skb)->count). */
#define OFL_GRO_MAX_POOL (1u << 20)

/** A piece of payload: @len bytes at offset @off of the frame @frame. */
struct ofl_gro_slice {
	uint32_t frame;
	uint16_t off;
	uint16_t len;
};

/** Kinds of delivery. */
enum ofl_gro_pkt_kind {
	/** Deliver frame @frame unchanged (slice[0] covers it, except for a
	 * frame over 65535 bytes, where slice[0].len is 0). */
	OFL_GRO_PKT_FRAME = 1,
	/** Deliver hdr[0..hdr_len) followed by slice[0..nslices). */
	OFL_GRO_PKT_MERGED = 2,
};

/** One packet delivered to the stack, in Linux's order. */
struct ofl_gro_pkt {
	/** Id of the (first) frame. */
	uint32_t frame;
	/** Length of the delivered frame in bytes (BIG TCP: up to
	 * OFL_GRO_MAX_SIZE + Ethernet/VLAN headers + 8). */
	uint32_t len;
	/** OFL_GSO_* bits, 0 for a frame. */
	uint32_t gso_type;
	/** enum ofl_gro_pkt_kind. */
	uint16_t kind;
	/** Header bytes in hdr[] (0 for OFL_GRO_PKT_FRAME); with the IPv6
	 * jumbo header, the held header's length + 8. */
	uint16_t hdr_len;
	/** Valid entries of slice[]. */
	uint16_t nslices;
	/** Payload bytes per segment (gso_size), 0 for a frame. */
	uint16_t gso_size;
	/** Segments merged (gso_segs), 1 for a frame. */
	uint16_t gso_segs;
	/** CHECKSUM_PARTIAL: the sum from csum_start to the end goes at
	 * csum_start + csum_offset (merged frames only, else 0). */
	uint16_t csum_start;
	uint16_t csum_offset;
	/** Tunnel frames (OFL_GSO_UDP_TUNNEL_CSUM): offset of the outer
	 * UDP header, whose checksum holds the pseudo-header sum as
	 * udp4/6_gro_complete leave it (completed after the inner one by
	 * ofl_gro_pkt_linearize); 0 otherwise. */
	uint16_t ocsum_start;
	/** The stripped VLAN tag of the frame(s) (struct ofl_gro_frame
	 * vlan_proto/vlan_tci; every frame of a merged flow has the same):
	 * not in hdr[] nor written by ofl_gro_pkt_linearize(), it stays out
	 * of band as in the skb Linux delivers; 0 and 0 if none. */
	uint16_t vlan_proto;
	uint16_t vlan_tci;
	uint8_t hdr[OFL_GRO_MAX_HDR];
	/** The first min(nslices, OFL_GRO_MAX_SEGS) slices; the rest are in
	 * the context's pool, from entry @ext on (ofl_gro_pkt_slices). */
	struct ofl_gro_slice slice[OFL_GRO_MAX_SEGS];
	/** First pool entry of the slices past slice[] (private; set only
	 * when nslices > OFL_GRO_MAX_SEGS). */
	uint32_t ext;
};

/** Private: one held flow. */
struct ofl_gro_flow {
	uint32_t hash;
	uint32_t len;      /* Linux p->len: bytes after the Ethernet header */
	uint32_t payload;  /* TCP payload bytes held */
	uint32_t first_len; /* length of the first frame */
	uint16_t hdr_len;  /* Ethernet .. end of TCP header */
	uint16_t l3;       /* offset of the IP header */
	uint16_t l4;       /* offset of the TCP header */
	uint16_t mss;      /* gso_size: first segment's payload */
	uint16_t count;    /* segments held */
	uint8_t v6;
	uint8_t fixedid;
	uint8_t udp;
	uint8_t tun;	   /* tunnel: 1 outer IPv4, 2 outer IPv6; | 4 outer
			    * IPv4 ID fixed; | 8 GRE, | 16 IP-in-IP */
	uint8_t ol3;	   /* tunnel: offset of the outer IP header */
	uint8_t ol4;	   /* tunnel: offset of the outer UDP/GRE header */
	uint32_t vlan;	   /* stripped tag: vlan_proto, vlan_tci as one word */
	uint8_t hdr[OFL_GRO_MAX_HDR];
	struct ofl_gro_slice seg[OFL_GRO_MAX_SEGS];
	/* after the hot fields, which keep their offsets; read only for a
	 * flow of more than OFL_GRO_MAX_SEGS segments */
	uint32_t ext_head; /* pool entries of slices past seg[] (chain) */
	uint32_t ext_tail;
	uint32_t pad[2];
};

/** Private: one entry of the pool after the context. */
struct ofl_gro_ext {
	struct ofl_gro_slice s;
	uint32_t next;
};

/** Private: one bucket; order[0] is the oldest held flow. */
struct ofl_gro_bucket {
	uint8_t n;
	uint8_t order[OFL_GRO_BUCKET_FLOWS];
	uint8_t used[OFL_GRO_BUCKET_FLOWS];
	/* lib/gro's private memory within one ofl_gro_receive_burst() (0
	 * outside it): the flow the bucket's last frame merged into, as a
	 * byte offset from the bucket, its age position and frame hash */
	uint8_t hint_pos;
	uint16_t hint_off;
	uint32_t hint_hash;
	/* per slot: ctx->now when its flow was started (the bucket's line,
	 * which every hold writes anyway) */
	uint32_t age[OFL_GRO_BUCKET_FLOWS];
	struct ofl_gro_flow flow[OFL_GRO_BUCKET_FLOWS];
};

/**
 * struct ofl_gro_ctx - GRO state (Linux struct gro_node), caller-allocated.
 * Size: OFL_GRO_CTX_SIZE bytes with the default capacities. No interior
 * pointers: it may live in a BPF map value or static RAM and be copied.
 */
struct ofl_gro_ctx {
	uint32_t profile;
	uint32_t flags;
	uint32_t max_v6;
	uint32_t max_v4;
	uint32_t held;
	struct ofl_gro_bucket b[OFL_GRO_BUCKETS];
	/* after the buckets, which keep their offsets */
	uint32_t now;	/* ofl_gro_clock() */
	uint32_t pool;	/* entries of the pool after the context */
	uint32_t pool_free; /* entries on the free chain */
	uint32_t free_head;
	uint32_t pend_head; /* delivered in this call: free in the next */
	uint32_t pend_tail;
};

/** sizeof(struct ofl_gro_ctx) with default capacities (pinned by a test). */
#define OFL_GRO_FLOW_SIZE (4 * 4 + 5 * 2 + 6 + 4 + OFL_GRO_MAX_HDR + \
			   8 * OFL_GRO_MAX_SEGS + 4 * 4)
#define OFL_GRO_CTX_SIZE (20 + OFL_GRO_BUCKETS * \
			  (24 + OFL_GRO_BUCKET_FLOWS * (4 + OFL_GRO_FLOW_SIZE)) + \
			  24)

OFL_STATIC_ASSERT(sizeof(struct ofl_gro_flow) == OFL_GRO_FLOW_SIZE,
		  "struct ofl_gro_flow has its documented size");
OFL_STATIC_ASSERT(sizeof(struct ofl_gro_ctx) == OFL_GRO_CTX_SIZE,
		  "struct ofl_gro_ctx has its documented size");
OFL_STATIC_ASSERT(sizeof(struct ofl_gro_ext) == 12, "pool entry size");
/** Bytes of a context with a pool of @pool slices (ofl_gro_opts.pool_segs):
 * the ctx_size to allocate and to pass to ofl_gro_init(). */
#define OFL_GRO_CTX_BYTES(pool) \
	(sizeof(struct ofl_gro_ctx) + (size_t)(pool) * sizeof(struct ofl_gro_ext))

/**
 * ofl_gro_init() - reset a context: no flow held.
 * @ctx: the context (any content before).
 * @ctx_size: sizeof(*@ctx) as the caller compiled it, or
 *            OFL_GRO_CTX_BYTES(@opts->pool_segs) with a pool. The context and
 *            struct ofl_gro_pkt change layout with OFL_GRO_MAX_SEGS and
 *            OFL_GRO_MAX_HDR: a caller that overrides them and links a
 *            library built without the same values gets OFL_EINVAL here
 *            instead of memory corruption later.
 * @opts: NULL for the defaults (profile 6.18, both max sizes 65536, no
 *        flags), or options with sz = sizeof(struct ofl_gro_opts). As
 *        libbpf's OPTS_VALID: a smaller sz from an older caller leaves
 *        the fields it lacks at their defaults; a larger one is accepted
 *        only if the bytes past the fields this library knows are zero.
 *
 * Returns 0; OFL_EINVAL for a NULL @ctx, a @ctx_size that is not the
 * library's, or @opts->sz below sizeof(size_t), above 256 or with a
 * non-zero unknown tail; OFL_ERANGE for an unknown profile, unknown flags
 * or a max size above OFL_GRO_MAX_SIZE (0 means 65536), or pool_segs above
 * OFL_GRO_MAX_POOL (in BPF: above 0). On error the context
 * is not touched.
 */
OFL_API int ofl_gro_init(struct ofl_gro_ctx *ctx, size_t ctx_size,
			 const struct ofl_gro_opts *opts);

/**
 * ofl_gro_receive() - one frame through GRO (Linux dev_gro_receive).
 * @ctx: an initialised context.
 * @f: the frame; @f->data may be NULL only when @f->len is 0.
 * @out: room for 2 deliveries.
 * @nout: set to the number of deliveries written to @out (0..2): a flow the
 *        frame flushed and/or the frame itself passed up, or the oldest
 *        flow of a full bucket evicted to make room.
 *
 * Returns an enum ofl_gro_result, or OFL_EINVAL (NULL argument; nothing
 * changed, *nout = 0 if @nout is not NULL). If the result is
 * OFL_GRO_MERGED or OFL_GRO_HELD the frame is referenced by the context
 * until it is delivered in a later call.
 */
OFL_API int ofl_gro_receive(struct ofl_gro_ctx *ctx,
			    const struct ofl_gro_frame *f,
			    struct ofl_gro_pkt *out, unsigned int *nout);

/**
 * ofl_gro_receive_burst() - ofl_gro_receive() for @n frames in order.
 * @ctx, @f: as above; @f is an array of @n frames (n may be 0).
 * @out: deliveries, @max_out entries; must be at least 2 * @n.
 *
 * Returns the number of deliveries written, or OFL_EINVAL (NULL argument)
 * / OFL_ENOSPC (@max_out < 2 * @n), checked before any frame is handled.
 * Does not flush at the end: call ofl_gro_flush() at the end of a poll.
 */
OFL_API int ofl_gro_receive_burst(struct ofl_gro_ctx *ctx,
				  const struct ofl_gro_frame *f, unsigned int n,
				  struct ofl_gro_pkt *out, unsigned int max_out);

/**
 * ofl_gro_flush() - deliver every held flow (Linux napi_gro_flush at the end
 * of a poll): bucket 0 to 7, oldest flow first in each bucket.
 * @ctx: the context.
 * @out: room for @max_out deliveries; OFL_GRO_MAX_FLOWS always suffices.
 *
 * Returns the number written, or OFL_EINVAL (NULL) / OFL_ENOSPC (@max_out
 * below the number of held flows; nothing delivered).
 */
OFL_API int ofl_gro_flush(struct ofl_gro_ctx *ctx, struct ofl_gro_pkt *out,
			  unsigned int max_out);

/**
 * ofl_gro_clock() - set the context's clock (Linux jiffies, in any unit the
 * caller likes). A flow started after this call is stamped with @now
 * (dev_gro_receive: NAPI_GRO_CB(skb)->age = jiffies), which is what
 * ofl_gro_flush_old() compares. The clock starts at 0 (ofl_gro_init) and
 * may wrap. No effect with a NULL @ctx.
 */
OFL_API void ofl_gro_clock(struct ofl_gro_ctx *ctx, uint32_t now);

/**
 * ofl_gro_flush_old() - the end-of-poll flush that keeps young flows (Linux
 * napi_gro_flush(n, true), 6.18 gro_flush(gro, true) via __gro_flush_chain:
 * what __napi_poll does after a poll that used its whole budget when
 * HZ >= 1000, and napi_complete_done when the device has a
 * gro_flush_timeout). Bucket 0 to 7, oldest flow first in each: a flow
 * whose age (clock - its stamp, modulo 2^32) is at least @min_age is
 * delivered; the first younger one ends that bucket (flows are in age
 * order). @min_age 1 is Linux's rule (age != jiffies); 0 delivers every
 * held flow, as ofl_gro_flush() does (HZ < 1000 after a full budget, or
 * napi_complete_done without a timeout). Which flush ends a poll is the
 * caller's choice, made as Linux makes it for the device modelled.
 * @ctx, @out, @max_out: as for ofl_gro_flush().
 *
 * Returns the number written, or OFL_EINVAL (NULL) / OFL_ENOSPC (@max_out
 * below the number of held flows; nothing delivered).
 */
OFL_API int ofl_gro_flush_old(struct ofl_gro_ctx *ctx, struct ofl_gro_pkt *out,
			      unsigned int max_out, uint32_t min_age);

/**
 * ofl_gro_pkt_slices() - every slice of a delivery, in order.
 * @ctx, @ctx_size: the context that made the delivery (as for ofl_gro_init;
 *                  its pool holds the slices past pkt->slice[]), before
 *                  any further call on it.
 * @pkt: the delivery.
 * @out: room for @max slices.
 *
 * Returns pkt->nslices, OFL_EINVAL (NULL, a size that is not the
 * context's, a broken pool chain) or OFL_ENOSPC (@max < nslices).
 */
OFL_API int ofl_gro_pkt_slices(const struct ofl_gro_ctx *ctx, size_t ctx_size,
			       const struct ofl_gro_pkt *pkt,
			       struct ofl_gro_slice *out, unsigned int max);

/**
 * ofl_gro_pkt_linearize_ctx() - ofl_gro_pkt_linearize() for any delivery,
 * also one with more than OFL_GRO_MAX_SEGS slices (read from @ctx's pool,
 * as for ofl_gro_pkt_slices()). Arguments and results otherwise as for
 * ofl_gro_pkt_linearize().
 */
OFL_API int ofl_gro_pkt_linearize_ctx(const struct ofl_gro_ctx *ctx,
				      size_t ctx_size,
				      const struct ofl_gro_pkt *pkt,
				      const uint8_t *const *frames,
				      const uint32_t *lens, uint32_t nframes,
				      uint8_t *buf, size_t cap, int complete);

/** Number of flows currently held. */
OFL_API unsigned int ofl_gro_held(const struct ofl_gro_ctx *ctx);

/**
 * ofl_gro_pkt_linearize() - write a delivery as one contiguous frame.
 * @pkt: a delivery.
 * @frames: the caller's frames, indexed by frame id.
 * @lens: their lengths, indexed by frame id.
 * @nframes: entries in @frames and @lens; every id in @pkt must be below it.
 * @buf: output, @cap bytes.
 * @complete: nonzero to complete the TCP checksum of a merged frame (as
 *            skb_checksum_help: a zero result is stored as 0xffff); zero
 *            leaves the CHECKSUM_PARTIAL pseudo-header sum in place.
 *            No effect on a fraglist frame (OFL_GSO_FRAGLIST): its
 *            checksums are the frames' own.
 *
 * Returns the frame length (@pkt->len), OFL_EINVAL (NULL, bad id, a slice
 * outside its frame, more than OFL_GRO_MAX_SEGS slices: use
 * ofl_gro_pkt_linearize_ctx) or OFL_ENOSPC (@cap < @pkt->len); nothing is
 * written on error.
 */
OFL_API int ofl_gro_pkt_linearize(const struct ofl_gro_pkt *pkt,
				  const uint8_t *const *frames,
				  const uint32_t *lens, uint32_t nframes,
				  uint8_t *buf, size_t cap, int complete);

OFL_END_DECLS

#endif /* OFL_GRO_H */
