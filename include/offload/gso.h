/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * lib/gso: generic segmentation offload that writes exactly the frames the
 * Linux kernel's software GSO writes (net/core/skbuff.c skb_segment,
 * net/ipv4/af_inet.c inet_gso_segment, net/ipv6/ip6_offload.c
 * ipv6_gso_segment, net/ipv4/tcp_offload.c tcp_gso_segment,
 * net/ipv4/udp_offload.c __udp_gso_segment / __skb_udp_tunnel_segment,
 * net/ipv4/gre_offload.c gre_gso_segment), as of Linux 6.18.
 *
 * A super-frame is an Ethernet frame: headers (in the first fragment) and a
 * payload larger than gso_size (in any fragments). Metadata in the spirit of
 * the skb / virtio_net_hdr fields says how to cut it (struct ofl_gso_meta);
 * ofl_gso_meta_from_frame() fills it from the headers for callers without
 * any. Output, per segment: a copy of the headers with every per-segment
 * field rewritten, and the payload slice named by offset and length in the
 * input (zero copy), or the whole segment written by ofl_gso_segment().
 *
 * Byte order: every field of the frame is read and written in network byte
 * order; every integer in the structs below is in host order.
 * Nothing here allocates, keeps global state, or reads past the input.
 */
#ifndef OFL_GSO_H
#define OFL_GSO_H

#include "config.h"
#include "types.h"
#include "err.h"
#include "bounds.h"

OFL_BEGIN_DECLS

/**
 * Most segments one super-frame may be cut into: Linux GSO_MAX_SEGS
 * (65535, the default dev->gso_max_segs; GSO_MAX_SIZE is 8 * GSO_MAX_SEGS,
 * so a TCP super-frame of the largest size at TCP_MIN_GSO_SIZE (8) fits).
 * Linux's software GSO itself has no cap (gso_features_check() sends a
 * longer frame to it instead of the device); this is the bound of the
 * loops. Nothing is sized by it inside lib/gso: only callers' arrays.
 */
#ifndef OFL_GSO_MAX_SEGS
#define OFL_GSO_MAX_SEGS 65535
#endif
/**
 * Most segments of a UDP_L4 super-frame: Linux UDP_MAX_SEGMENTS (128).
 * __udp_gso_segment() does not check it; every way a host hands the kernel
 * a UDP_L4 super-frame does (udp_send_skb() and udpv6_send_skb() for
 * sockets, virtio_net_hdr_to_skb() for tun/tap/packet sockets, and
 * udp_gro_receive_segment() merges at most 64), so a longer one is
 * refused here as the kernel refuses it at its input.
 */
#ifndef OFL_GSO_UDP_MAX_SEGS
#define OFL_GSO_UDP_MAX_SEGS 128
#endif
/** Most header bytes (MAC header to end of the innermost L4 header). */
#ifndef OFL_GSO_MAX_HDR
#define OFL_GSO_MAX_HDR 256
#endif
/** Most fragments of an input: a lib/gro delivery as it is, its header
 * + OFL_GRO_MAX_SEGS (64) payload slices (Linux: MAX_SKB_FRAGS + the
 * linear part, and a frag_list of any length). */
#ifndef OFL_GSO_MAX_FRAGS
#define OFL_GSO_MAX_FRAGS 65
#endif
/** Most IPv6 extension headers / VLAN tags walked by the metadata helper. */

/*
 * gso_type (struct ofl_gso_meta.gso_type): OFL_GSO_* bits of
 * <offload/types.h>, Linux 6.18's SKB_GSO_* values. Exactly one of TCPV4,
 * TCPV6, UDP_L4 names the innermost L4 and its IP version; at most one
 * tunnel bit (OFL_GSO_TUNNEL_MASK); DODGY, TCP_ECN, TCP_ACCECN, PARTIAL
 * and the FIXEDID bits as in Linux. OFL_GSO_FRAGLIST (no tunnel): the
 * frame is taken as Linux takes a fraglist skb it cannot hand back frame
 * by frame (changed geometry, DODGY): linear, the L4 checksum set up from
 * the addresses and the real length whatever ip_summed says, then cut as
 * plain UDP_L4 / TCP; the frames themselves: ofl_gso_list_fixup(). Any
 * other bit: OFL_EOPNOTSUPP.
 */

/*
 * Checksum state of the input (struct ofl_gso_meta.ip_summed, enum
 * ofl_ip_summed):
 *
 * OFL_CHECKSUM_PARTIAL (virtio VIRTIO_NET_HDR_F_NEEDS_CSUM): the innermost
 * L4 checksum field holds the folded pseudo-header sum (not complemented)
 * for the whole super-frame, and with a checksummed UDP tunnel the outer
 * UDP checksum field holds the same for the outer datagram (local checksum
 * offload). The kernel adjusts these fields incrementally, so whatever they
 * hold is carried into the output.
 *
 * OFL_CHECKSUM_NONE: the checksum fields are ignored and the pseudo-header
 * sums are computed first (tcp4_gso_segment and tcp6_gso_segment do this
 * with the addresses in the header: __tcp_v4_send_check,
 * __tcp_v6_send_check). Use this for frames from a capture.
 *
 * Anything else: OFL_EINVAL.
 */

/**
 * struct ofl_gso_meta - how to segment one super-frame (skb fields).
 * Offsets are in bytes from the first byte of the frame (the MAC header).
 *
 * @gso_type: OFL_GSO_* bits.
 * @gso_size: payload bytes per segment (MSS), 1..65535.
 * @network_off: outer (or only) IP header.
 * @transport_off: the header after it: the only L4 header, or the outer
 *	UDP / GRE header of a tunnel, or for IPXIP4/6 the inner IP header.
 * @inner_network_off: tunnels only (0 otherwise): inner IP header.
 * @inner_transport_off: tunnels only (0 otherwise): inner L4 header.
 * @hdr_len: end of the innermost L4 header = start of the payload. Must be
 *	(innermost L4 offset) + doff * 4 for TCP, + 8 for UDP.
 * @csum_start: with OFL_CHECKSUM_PARTIAL, must be the innermost L4 offset
 *	(tcp_gso_segment and __udp_gso_segment refuse anything else).
 * @csum_offset: with OFL_CHECKSUM_PARTIAL, 16 for TCP, 6 for UDP.
 * @ip_summed: enum ofl_ip_summed.
 */
struct ofl_gso_meta {
	uint32_t gso_type;
	uint16_t gso_size;
	uint16_t network_off;
	uint16_t transport_off;
	uint16_t inner_network_off;
	uint16_t inner_transport_off;
	uint16_t hdr_len;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint8_t ip_summed;
	uint8_t reserved[3];
};
OFL_STATIC_ASSERT(sizeof(struct ofl_gso_meta) == 24, "ofl_gso_meta size");

/**
 * struct ofl_gso_frag - one piece of the input, in order. The first holds
 * at least all headers (meta.hdr_len bytes); the frame is the concatenation.
 * @data: first byte; may be NULL only if @len is 0.
 * @len: bytes.
 */
struct ofl_gso_frag {
	const uint8_t *data;
	uint32_t len;
	uint32_t reserved;
};

/* Output flags (ofl_gso_init() @flags, struct ofl_gso_fix.flags). */
enum ofl_gso_flags {
	/*
	 * Leave the innermost L4 checksum as CHECKSUM_PARTIAL: the field holds
	 * the folded pseudo-header sum for the segment (what the kernel hands
	 * a device with NETIF_F_HW_CSUM); outer checksums (IPv4 header, outer
	 * UDP, GRE) are still complete, computed by local checksum offload
	 * as the kernel does. Without this flag every checksum is complete
	 * (the kernel's output for a device without checksum offload).
	 */
	OFL_GSO_F_CSUM_PARTIAL = 1u << 0,
};

/**
 * struct ofl_gso_fix - the per-segment values ofl_gso_fixup() applies.
 * @payload_off: offset of this segment's payload from the start of the
 *	super-frame's payload (TCP sequence advance).
 * @payload_len: payload bytes of this segment.
 * @total_len: payload bytes of the whole super-frame.
 * @id_delta: added to the IPv4 ID(s) (segment index; with GSO_PARTIAL the
 *	number of gso_size segments before this one).
 * @gso_segs: 1, or with GSO_PARTIAL the number of gso_size segments this
 *	segment stands for (IP and tunnel lengths are then written for one
 *	gso_size segment, as the device will duplicate them).
 * @first, @last: 1 for the first / last segment, else 0.
 * @flags: OFL_GSO_F_* bits.
 * @payload_sum: ones'-complement sum of the payload bytes (ofl_csum_partial
 *	convention); read only without OFL_GSO_F_CSUM_PARTIAL.
 */
struct ofl_gso_fix {
	uint32_t payload_off;
	uint32_t payload_len;
	uint32_t total_len;
	uint32_t id_delta;
	uint32_t gso_segs;
	uint8_t first;
	uint8_t last;
	uint16_t flags;
	ofl_wsum payload_sum;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_gso_fix) == 28, "ofl_gso_fix size");

/**
 * struct ofl_gso_seg - one segment produced by ofl_gso_next().
 * @index: 0-based segment number.
 * @hdr_len: header bytes written to the caller's buffer (= meta.hdr_len).
 * @payload_off: offset of the payload slice within the input frame (the
 *	concatenation of the fragments).
 * @payload_len: bytes of the slice.
 * @frag, @frag_off: fragment holding the slice's first byte and the offset
 *	in it; the slice may continue into the following fragments.
 * @gso_segs: 1, or with OFL_GSO_PARTIAL the number of gso_size segments
 *	the device is to cut this one into (skb_segment's gso_segs; the
 *	segment's gso_size is meta.gso_size then, and 0 - not GSO - when 1:
 *	a last segment no longer than gso_size).
 * @csum_start, @csum_offset: with OFL_GSO_F_CSUM_PARTIAL, where the device
 *	starts summing and where it stores the checksum (the innermost L4).
 */
struct ofl_gso_seg {
	uint32_t index;
	uint32_t hdr_len;
	uint32_t payload_off;
	uint32_t payload_len;
	uint32_t frag;
	uint32_t frag_off;
	uint32_t gso_segs;
	uint16_t csum_start;
	uint16_t csum_offset;
};

/**
 * struct ofl_gso_iter - iterator state; caller-allocated, fixed size, no
 * interior pointers (may be copied byte for byte), no destroy call.
 * Fields are private (l3sum, plain: what was frame_len, the same size).
 */
struct ofl_gso_iter {
	struct ofl_gso_meta m;
	const struct ofl_gso_frag *frags;
	uint32_t nr_frags;
	uint32_t flags;
	uint16_t l3sum;
	uint8_t plain;
	uint8_t reserved0;
	uint32_t total_len;
	uint32_t count;
	uint32_t index;
	uint32_t off;
	uint32_t frag;
	uint32_t frag_off;
	uint32_t step;
	uint16_t check0;
	uint16_t tcheck0;
	uint8_t set_check;
	uint8_t jumbo;
	uint8_t reserved[2];
	uint32_t l4sum;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_gso_iter) <= 112, "ofl_gso_iter size");

/**
 * ofl_gso_init() - validate a super-frame and start iterating over it.
 * @it: iterator to fill (any previous content ignored).
 * @frags: the input fragments; kept by pointer: they, and the array, must
 *	stay valid and unchanged until the last ofl_gso_next().
 * @nr_frags: 1..OFL_GSO_MAX_FRAGS.
 * @m: the metadata (copied).
 * @flags: OFL_GSO_F_* bits.
 *
 * The payload (frame bytes after @m->hdr_len) is cut into segments of
 * @m->gso_size bytes, the last one shorter if need be.
 *
 * With OFL_GSO_PARTIAL and OFL_GSO_F_CSUM_PARTIAL (skb_segment() for a
 * device with NETIF_F_GSO_PARTIAL, SG and checksum offload) it is cut into
 * segments of partial_segs = min(payload, 65534) / gso_size times gso_size
 * bytes and a remainder, if any (one big segment for payloads up to 64 KiB);
 * if partial_segs is below 2, or without OFL_GSO_F_CSUM_PARTIAL (Linux
 * does not use GSO_PARTIAL without checksum offload), it is a plain cut.
 * A GSO_PARTIAL segment (struct ofl_gso_seg.gso_segs > 1) has every
 * header but the innermost L4 right for each gso_size segment the device
 * cuts by copying them: IP lengths (outer and inner) and the outer UDP
 * length for one gso_size segment, IPv4 IDs advanced by gso_segs per
 * segment (inet_gso_segment), the outer UDP checksum over the segment's
 * real length (__skb_udp_tunnel_segment), the GRE checksum with the
 * "partial_adj" of gre_gso_segment; the TCP/UDP fields for its whole
 * length (tcp_gso_segment, __udp_gso_segment with mss *= gso_segs), the
 * innermost checksum left PARTIAL for the device.
 *
 * Returns 0, or (nothing is kept): OFL_EINVAL (NULL, gso_size 0, no or more
 * than one L4 type, hdr_len or csum_start/csum_offset not matching the
 * headers, a tunnel bit without inner offsets or inner offsets without
 * one, more than one tunnel bit, an IP version that does not match the
 * type), OFL_ENODATA (offsets or headers outside the first fragment),
 * OFL_EMSGSIZE (hdr_len > OFL_GSO_MAX_HDR), OFL_ERANGE (payload not larger
 * than gso_size: not a GSO frame; tcp_gso_segment and __udp_gso_segment
 * refuse it too (-EINVAL) and Linux never makes one: virtio_net_hdr_to_skb
 * and udp_send_skb send it as one plain frame, so send it as it is, with
 * ofl_csum_help() where there is no checksum offload), OFL_E2BIG (more
 * than OFL_GSO_MAX_SEGS segments, or OFL_GSO_UDP_MAX_SEGS for UDP_L4),
 * OFL_EOVERFLOW (a segment's IP length does not fit 16 bits),
 * OFL_EOPNOTSUPP (a gso_type bit lib/gso does not handle, listed in
 * docs/GSO.md).
 */
OFL_API int ofl_gso_init(struct ofl_gso_iter *it,
			 const struct ofl_gso_frag *frags, uint32_t nr_frags,
			 const struct ofl_gso_meta *m, uint32_t flags);

/**
 * ofl_gso_count() - number of segments the iterator produces in all.
 */
OFL_API uint32_t ofl_gso_count(const struct ofl_gso_iter *it);

/**
 * ofl_gso_next() - produce the next segment's headers.
 * @it: an iterator from ofl_gso_init().
 * @hdr: buffer for the headers (any alignment).
 * @cap: bytes available at @hdr; must be >= meta.hdr_len.
 * @seg: receives the segment's description.
 *
 * Returns 1 with a segment, 0 when all segments have been produced,
 * OFL_EINVAL for NULL arguments, OFL_ENOSPC if @cap is too small (nothing
 * is written and the iterator does not advance).
 * Without OFL_GSO_F_CSUM_PARTIAL the payload is summed here (read once).
 */
OFL_API int ofl_gso_next(struct ofl_gso_iter *it, uint8_t *hdr, size_t cap,
			 struct ofl_gso_seg *seg);

/**
 * ofl_gso_fixup() - rewrite a copy of the super-frame's headers into one
 * segment's headers: IPv4 total length, ID and header checksum, IPv6
 * payload length (outer and inner), outer UDP length and checksum, GRE
 * checksum (with @f->gso_segs > 1 the GSO_PARTIAL forms of all of these,
 * see ofl_gso_init()), TCP sequence, FIN/PSH (last only) and CWR (first
 * only unless AccECN), UDP length, and the innermost L4 checksum (PARTIAL or complete).
 * This is the function a device or a BPF program runs per segment; it
 * compiles for BPF and passes the verifier.
 * @hdr: the headers, a byte copy of the super-frame's first @m->hdr_len
 *	bytes (with the pseudo-header sums in place, see ip_summed); the
 *	copy is modified in place.
 * @end: one past the last byte that may be read or written at @hdr
 *	(@hdr + @m->hdr_len <= @end is required).
 * @m: metadata as accepted by ofl_gso_init().
 * @f: the segment's values.
 *
 * Returns 0, OFL_EINVAL (NULL), OFL_ENODATA (a header past @end or past
 * @m->hdr_len). On error @hdr may be partly rewritten.
 */
OFL_API int ofl_gso_fixup(uint8_t *hdr, const uint8_t *end,
			  const struct ofl_gso_meta *m,
			  const struct ofl_gso_fix *f);

/**
 * ofl_gso_segment() - convenience: write whole segments back to back.
 * @frags, @nr_frags, @m, @flags: as for ofl_gso_init().
 * @out: buffer for the segments (headers + payload each, in order).
 * @cap: bytes at @out.
 * @lens: receives each segment's length in bytes.
 * @max_segs: entries at @lens.
 *
 * Returns the number of segments, or an ofl_gso_init() error, or
 * OFL_ENOSPC if @out or @lens is too small (checked before anything is
 * written: nothing is written then).
 */
OFL_API int ofl_gso_segment(const struct ofl_gso_frag *frags,
			    uint32_t nr_frags, const struct ofl_gso_meta *m,
			    uint32_t flags, uint8_t *out, size_t cap,
			    uint32_t *lens, uint32_t max_segs);

/**
 * ofl_gso_meta_from_frame() - fill metadata from the headers of an Ethernet
 * frame, for callers that have none. A small bounded walk: Ethernet, up to
 * OFL_MAX_VLANS VLAN tags (802.1Q/802.1ad), IPv4 (options), IPv6 (hop-by-hop,
 * routing and destination options headers, up to OFL_MAX_EXTHDRS),
 * TCP or UDP; tunnels: UDP to port 4789 (VXLAN) or 6081 (GENEVE, TEB
 * payload) carrying Ethernet, GRE (RFC 2784/2890; checksum, key and
 * sequence fields; payload Ethernet 0x6558, IPv4 or IPv6), IPv4/IPv6 in
 * IPv4/IPv6 (protocols 4 and 41). The innermost TCP/UDP found is the one
 * segmented; a UDP tunnel gets UDP_TUNNEL_CSUM if its outer checksum field
 * is non-zero, GRE gets GRE_CSUM if the C bit is set.
 * @frame: the first bytes of the frame (at least all headers).
 * @len: bytes at @frame.
 * @gso_size: stored in @m.
 * @m: filled (ip_summed = OFL_CHECKSUM_NONE, csum_start/csum_offset set
 *	to the innermost L4 header and its checksum field).
 *
 * Returns 0, OFL_ENODATA (truncated header), OFL_EPROTONOSUPPORT (no TCP or
 * UDP found, IPv4 fragment, unknown tunnel payload, a second tunnel
 * level: one set of inner headers, as Linux's GSO), OFL_ELOOP (more
 * headers than the bounds), OFL_EBADMSG (a length field out of range),
 * OFL_EOPNOTSUPP (an IPv6 hop-by-hop header with a Jumbo Payload option:
 * a BIG TCP packet, which Linux segments only after removing the option;
 * ofl refuses it rather than emit segments that still carry it).
 */
OFL_API int ofl_gso_meta_from_frame(const uint8_t *frame, size_t len,
				    uint16_t gso_size,
				    struct ofl_gso_meta *m);

struct ofl_parse_result;

/**
 * ofl_gso_meta_from_parse() - ofl_gso_meta_from_frame() for callers that
 * already parsed the frame with lib/parser (ofl_parse() with root
 * OFL_PROTO_ETH, include <offload/parser.h>): the metadata comes from the
 * parse result's layers, with no second header walk. This one helper makes
 * lib/gso depend on lib/parser's result type (docs/DESIGN.md lets gso
 * depend on csum only; the dependency is confined to this declaration and
 * lib/gso/meta_parse.c, and parser.h is not included here).
 * @res: the parse result of @frame. An error other than OFL_EBADMSG or
 *	OFL_E2BIG (an option error, the header itself is listed) is returned
 *	as it is.
 * @res_size: sizeof(*@res) as the caller compiled it (see ofl_parse()):
 *	OFL_EINVAL if it is not the library's, or if @res is of a request
 *	level without the layer list (ofl_parse_mask()).
 * @frame: the bytes that were parsed; read only for two fields the result
 *	does not keep (the outer UDP checksum of a UDP tunnel, the GRE version).
 * @len: bytes at @frame.
 * @gso_size, @m: as for ofl_gso_meta_from_frame().
 *
 * Accepts the frames ofl_gso_meta_from_frame() accepts and fills the same
 * fields with the same values, with these exceptions (stated and held by
 * tests/core/test_walkers.c): a frame lib/parser refuses within gso's
 * bounds (more than OFL_MAX_EXTHDRS extension headers over all tunnel
 * levels together, more than OFL_PARSE_MAX_LAYERS headers, more than
 * OFL_PARSE_MAX_OPTS options in one header) is refused here, and a UDP
 * tunnel inside a tunnel, which ofl_gso_meta_from_frame() segments as a
 * plain UDP datagram, is OFL_EPROTONOSUPPORT here. Returns 0, OFL_EINVAL
 * (NULL argument), @res->error, OFL_EPROTONOSUPPORT (no TCP/UDP, a
 * fragment, a header or tunnel the segmenter does not handle: MPLS, PPPoE,
 * AH, ESP, more than one tunnel level, GRE version 1, GENEVE without
 * Ethernet, a 0x9100 tag), OFL_ELOOP (more than OFL_MAX_VLANS VLAN tags,
 * more than OFL_MAX_EXTHDRS extension headers), OFL_ENODATA (headers past
 * @len), OFL_EOPNOTSUPP (a Jumbo Payload hop-by-hop option, as above).
 */
OFL_API int ofl_gso_meta_from_parse(const struct ofl_parse_result *res,
				    size_t res_size, const uint8_t *frame,
				    size_t len, uint16_t gso_size,
				    struct ofl_gso_meta *m);

/**
 * ofl_gso_list_fixup() - one segment of an SKB_GSO_FRAGLIST super-frame:
 * the frames lib/gro merged under OFL_GRO_F_FRAGLIST handed back as
 * Linux writes them (skb_segment_list, __udp_gso_segment_list,
 * __tcp4/6_gso_segment_list and their __*_gso_segment_list_csum, then the
 * IP loop of inet_gso_segment / ipv6_gso_segment). No payload is touched:
 * segment i is its new headers followed by frame i's own payload.
 * @seg: segment @index's headers, rewritten in place: a byte copy of the
 *	first @m->hdr_len bytes of frame @index as it was received (for
 *	@index 0, the head, a copy of @head).
 * @seg_len: length of that frame (headers and payload), bytes.
 * @head: the super-frame's headers as it is sent (@m->hdr_len bytes: a
 *	GRO delivery's hdr[] with whatever forwarding changed in it).
 * @second: frame 1's headers as received (@m->hdr_len bytes; NULL only
 *	for @index 0): where the head's addresses or ports differ from them
 *	(NAT rewrote the head), every later segment gets the head's, with its
 *	L4 checksum updated incrementally (a UDP checksum of 0 stays 0, one
 *	that would become 0 is 0xffff).
 * @m: the super-frame: gso_type OFL_GSO_FRAGLIST | exactly one of UDP_L4,
 *	TCPV4, TCPV6 (TCP_FIXEDID and TCP_ECN allowed), gso_size (the head's
 *	payload), network_off, transport_off, hdr_len; ip_summed, csum_* and
 *	the inner offsets are not read.
 * @index: segment number, 0 for the head.
 *
 * Written, as Linux does: the head's MAC header (bytes before network_off)
 * into every segment; the IPv4 total length, the ID as the head's + @index
 * (kept with OFL_GSO_TCP_FIXEDID) and a recomputed header checksum, or the
 * IPv6 payload length; the head's UDP length back to 8 + gso_size.
 * Everything else is the frame's own, TTL / hop limit included (forwarding
 * decrements the head's only) and its L4 checksum.
 *
 * Returns 0; OFL_EINVAL (NULL, not a fraglist type, offsets that do not
 * match the headers or differ between @seg and @head, @seg_len below
 * hdr_len or an IP packet over 65535 bytes), OFL_EMSGSIZE (hdr_len >
 * OFL_GSO_MAX_HDR), OFL_EOPNOTSUPP (a tunnel, PARTIAL or DODGY bit),
 * OFL_ERANGE (@index 0 whose payload is not gso_size: Linux then
 * linearizes and segments as plain UDP_L4 / TCP, which ofl_gso_init()
 * does for a linear frame with OFL_GSO_FRAGLIST). On error @seg is
 * unchanged.
 */
OFL_API int ofl_gso_list_fixup(uint8_t *seg, uint32_t seg_len,
			       const uint8_t *head, const uint8_t *second,
			       const struct ofl_gso_meta *m, uint32_t index);

OFL_END_DECLS

#endif /* OFL_GSO_H */
