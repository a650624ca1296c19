/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * lib/parser: a table-driven frame parser whose parse graph is const data.
 *
 * The graph (struct ofl_parse_graph) is a set of protocol nodes, each with a
 * minimum length, a header-length rule, a next-protocol field and a table
 * from protocol number to next node. One small bounded interpreter,
 * ofl_parse(), walks it; special structures (GRE flag fields, TLV option
 * lists, IPv6 extension-header chains, the MPLS payload guess) are node kinds
 * or pseudo nodes of the same graph, not per-protocol code. No function
 * pointers, no recursion, every loop bounded by the OFL_PARSE_MAX_* macros.
 * In a BPF program (offload/bpf.h) everything is inline and the graph tables
 * are .rodata; no tail calls are needed. docs/PARSER.md describes the design
 * and the JSON schema of `ofl graph --json`.
 *
 * Matches in spirit: Linux __skb_flow_dissect() (net/core/flow_dissector.c),
 * DPDK rte_net_get_ptype() (lib/net/rte_net.c), XDP2's parser IR.
 *
 * All multi-byte values stored in the result are in wire (network) order,
 * as ofl_be16/ofl_be32 or byte arrays: they are copied, never converted.
 */
#ifndef OFL_PARSER_H
#define OFL_PARSER_H

#include "config.h"
#include "types.h"
#include "err.h"
#include "bounds.h"

OFL_BEGIN_DECLS

/* ---- bounds (override before including; the result layout follows) ---- */

/** Nodes the interpreter visits per frame, pseudo nodes included. */
#ifndef OFL_PARSE_MAX_DEPTH
#define OFL_PARSE_MAX_DEPTH 24
#endif
/** Layers recorded in struct ofl_parse_result (more: OFL_ELOOP). */
#ifndef OFL_PARSE_MAX_LAYERS
#define OFL_PARSE_MAX_LAYERS 16
#endif
/** TLV options walked per header (TCP, IPv6 options, GENEVE); the options
 * after them are skipped by the header's length, unread (as the kernel's
 * flow dissector, which reads none, and lib/gro, lib/gso, lib/csum do). */
#ifndef OFL_PARSE_MAX_OPTS
#define OFL_PARSE_MAX_OPTS 40
#endif
/** 802.1Q/802.1ad tags per frame (all tunnel levels): more is OFL_ELOOP. */
/** Offsets are 16-bit: frame_len and payload_len saturate here. */
#define OFL_PARSE_MAX_FRAME 65535u
/** Every header must start below this offset (else OFL_EMSGSIZE); it keeps
 * packet offsets small enough for the BPF verifier's range tracking. */
#define OFL_PARSE_MAX_HDR_OFF 0x7fffu

/* ---- protocols (layer names of `ofl parse --json`) ---- */
enum ofl_proto {
	OFL_PROTO_NONE = 0,
	OFL_PROTO_ETH,		/* "eth" */
	OFL_PROTO_VLAN,		/* "vlan": 802.1Q and 802.1ad tags */
	OFL_PROTO_MPLS,		/* "mpls": one label stack entry */
	OFL_PROTO_PPPOE,	/* "pppoe": session header + PPP protocol */
	OFL_PROTO_ARP,		/* "arp" */
	OFL_PROTO_IPV4,		/* "ipv4" */
	OFL_PROTO_IPV6,		/* "ipv6" */
	OFL_PROTO_IPV6_HOPOPTS,	/* "ipv6-hopopts" */
	OFL_PROTO_IPV6_ROUTE,	/* "ipv6-route" (SRv6 SRH included) */
	OFL_PROTO_IPV6_FRAG,	/* "ipv6-frag" */
	OFL_PROTO_IPV6_DSTOPTS,	/* "ipv6-dstopts" */
	OFL_PROTO_AH,		/* "ah" */
	OFL_PROTO_ESP,		/* "esp" */
	OFL_PROTO_TCP,		/* "tcp" */
	OFL_PROTO_UDP,		/* "udp" */
	OFL_PROTO_SCTP,		/* "sctp" */
	OFL_PROTO_ICMP,		/* "icmp" */
	OFL_PROTO_ICMPV6,	/* "icmpv6" */
	OFL_PROTO_IGMP,		/* "igmp" */
	OFL_PROTO_GRE,		/* "gre" (NVGRE included) */
	OFL_PROTO_VXLAN,	/* "vxlan" */
	OFL_PROTO_GENEVE,	/* "geneve" */
	OFL_PROTO_VXLAN_GPE,	/* "vxlan-gpe" */
	OFL_PROTO_ERSPAN,	/* "erspan": type II or III header */
	OFL_PROTO_COUNT
};

/**
 * ofl_parse_proto_name() - the short name of a protocol ("eth", "ipv4" ...).
 * @proto: an enum ofl_proto value.
 *
 * Returns a static string; "none" for OFL_PROTO_NONE and "?" out of range.
 */
OFL_API const char *ofl_parse_proto_name(unsigned int proto);

/* ---- result ---- */

/** One parsed header. Listed only when wholly inside the frame. */
struct ofl_parse_layer {
	uint8_t proto;		/* enum ofl_proto */
	uint8_t encap;		/* tunnel level: 0 outermost, +1 per tunnel */
	uint16_t offset;	/* bytes from the frame start */
	uint16_t len;		/* header length, options included */
	uint16_t reserved;
};

/* ofl_parse_flow.frag */
#define OFL_PARSE_FRAG_IS	0x01	/* a fragment (MF set or offset != 0) */
#define OFL_PARSE_FRAG_FIRST	0x02	/* ... and the first one (offset 0) */

/*
 * One L3/L4 flow. src/dst/ports are laid out as Toeplitz RSS hashes them:
 * for IPv6 bytes 0..35 are exactly src, dst, sport, dport; for IPv4 the
 * addresses sit in src[0..3] and dst[0..3]. RSS input from a flow:
 * ofl_rss_flow_from_parse() and ofl_rss_tuple() (offload/rss.h).
 */
struct ofl_parse_flow {
	uint8_t src[16];	/* source address, wire order */
	uint8_t dst[16];	/* destination address (SRv6: the IPv6 header's) */
	uint8_t ports[4];	/* source port, destination port, wire order */
	uint8_t family;		/* 0 (no IP), 4 or 6 */
	uint8_t ip_proto;	/* protocol after the IP header chain */
	uint8_t has_ports;	/* 1 if ports[] holds TCP/UDP/SCTP ports:
				 * also when that header is cut short or
				 * has a bad data offset but its first 4
				 * bytes are in the frame (then l4_off is
				 * 0 and the header is at stop_off; Linux
				 * __skb_flow_get_ports()) */
	uint8_t frag;		/* OFL_PARSE_FRAG_* */
	uint16_t l3_off;	/* offset of the IP header (if family != 0) */
	uint16_t l4_off;	/* offset of the L4 header, 0 if none
				 * (or not wholly inside the frame) */
	uint16_t l3_end;	/* IP header offset + IP total length, or 0 */
	uint8_t has_hao;	/* 1 if hao[] holds an IPv6 Home Address */
	uint8_t has_rtdst;	/* 1 if rtdst[] holds a type 2 routing
				 * header's address */
	/* IPv6 only, from this flow's extension headers, for the RSS
	 * IPV6_EX hash types (ofl_rss_flow_from_parse()): */
	uint8_t hao[16];	/* Home Address destination option (type
				 * 201, RFC 6275 6.3), wire order; the last
				 * one in the chain if several */
	uint8_t rtdst[16];	/* address of a type 2 routing header
				 * (RFC 6275 6.4; 24 bytes), wire order */
};

/* ofl_parse_result.tcp_opts: which TCP options were seen (RFC 9293 ...) */
#define OFL_PARSE_TCPOPT_MSS	0x01	/* kind 2, tcp_mss valid */
#define OFL_PARSE_TCPOPT_WSCALE	0x02	/* kind 3, tcp_wscale valid */
#define OFL_PARSE_TCPOPT_SACKOK	0x04	/* kind 4 */
#define OFL_PARSE_TCPOPT_SACK	0x08	/* kind 5, tcp_sack/tcp_nsack valid */
#define OFL_PARSE_TCPOPT_TS	0x10	/* kind 8, tcp_ts valid */

/* ofl_parse_result.tun_kind */
#define OFL_PARSE_TUN_NONE	0
#define OFL_PARSE_TUN_GRE	1	/* tun_id is the GRE key if K was set */
#define OFL_PARSE_TUN_VXLAN	2	/* tun_id is the 24-bit VNI */
#define OFL_PARSE_TUN_GENEVE	3	/* tun_id is the 24-bit VNI */
#define OFL_PARSE_TUN_IPIP	4	/* IPv4/IPv6 in IPv4/IPv6 */
#define OFL_PARSE_TUN_VXLAN_GPE	5	/* tun_id is the 24-bit VNI */
#define OFL_PARSE_TUN_ERSPAN	6	/* ERSPAN type II/III over GRE (type
					 * I is GRE: no ERSPAN header) */

/* ofl_parse_result.gre_flags: the GRE fields present */
#define OFL_PARSE_GRE_CSUM	0x01
#define OFL_PARSE_GRE_KEY	0x02
#define OFL_PARSE_GRE_SEQ	0x04
#define OFL_PARSE_GRE_ACK	0x08	/* version 1 (PPTP) acknowledgment */

/*
 * The whole result of one parse: fixed size (OFL_PARSE_RESULT_SIZE with the
 * default bounds), no pointers, caller memory (a BPF map value in XDP).
 * ofl_parse() zeroes it first (all but layers[]), so absent fields are 0.
 * In BPF it must be 8-byte aligned, as a map value is: the zeroing is
 * 8-byte stores there, which the verifier refuses at a stack offset that
 * is not a multiple of 8 (with the default bounds the result is 476
 * bytes, nearly all of the 512-byte BPF stack). Natively 4-byte alignment
 * is enough.
 *
 * "outer" is the first IP flow of the frame, "inner" the innermost one,
 * written only when a tunnel was crossed (encap > 0). Without a tunnel the
 * frame's one flow is "outer" and "inner" is all zero: read the innermost
 * flow through ofl_parse_inner(). (Copying the flow into "inner" as well
 * cost 6 ns, more than a third of a short parse.) The
 * tunnel fields describe the innermost tunnel.
 */
struct ofl_parse_result {
	int16_t error;		/* 0 or OFL_E* (see ofl_parse()) */
	uint16_t stop_off;	/* where parsing stopped (see ofl_parse()) */
	uint16_t frame_len;	/* bytes parsed (the frame, at most 65535) */
	uint8_t nlayers;	/* entries used in layers[] */
	uint8_t encap;		/* tunnels crossed */
	struct ofl_parse_layer layers[OFL_PARSE_MAX_LAYERS];
	struct ofl_parse_flow outer;
	struct ofl_parse_flow inner;
	uint16_t payload_off;	/* first byte after the innermost L4 header */
	uint16_t payload_len;	/* up to the IP datagram's end or frame end */
	uint8_t nvlan;		/* VLAN tags seen (vlan_tci has the first 4) */
	uint8_t nmpls;		/* MPLS entries seen (mpls has the first 4) */
	uint8_t tun_kind;	/* OFL_PARSE_TUN_* of the innermost tunnel */
	uint8_t gre_flags;	/* OFL_PARSE_GRE_* of the last GRE header */
	ofl_be16 vlan_tci[4];	/* tag control information, wire order */
	ofl_be32 mpls[4];	/* label stack entries, wire order */
	ofl_be32 tun_id;	/* VNI (low 24 bits) or GRE key, wire order */
	ofl_be32 gre_seq;	/* GRE sequence number, wire order */
	ofl_be32 esp_spi;	/* ESP SPI, wire order (ESP stops parsing) */
	uint8_t srh_segleft;	/* SRv6 SRH segments left */
	uint8_t srh_present;	/* 1 if an SRH (routing type 4) was seen */
	uint8_t tcp_flags;	/* TCP flags byte (CWR..FIN) of innermost TCP */
	uint8_t tcp_opts;	/* OFL_PARSE_TCPOPT_* seen */
	uint8_t srh_final[16];	/* SRH segment list[0]: the final segment */
	ofl_be16 tcp_mss;	/* MSS option value, wire order */
	uint8_t tcp_wscale;	/* window scale shift count */
	uint8_t tcp_nsack;	/* SACK blocks in the option (0..4) */
	ofl_be32 tcp_ts[2];	/* TSval, TSecr, wire order */
	ofl_be32 tcp_sack[8];	/* up to 4 SACK blocks (left, right) */
	uint8_t geneve_nopts;	/* GENEVE options walked */
	uint8_t nexthdr;	/* IPv6 extension headers (and AH) seen, all
				 * levels (the bound, OFL_MAX_EXTHDRS, is
				 * per IP header) */
	/* Private walker state of the step API (lib/parser/internal.h),
	 * kept in the result rather than in registers so that the BPF
	 * verifier sees the same bounded unknowns at every loop head (and
	 * prunes), and the copy of a UDP port table (ofl_parse_with()):
	 * not part of the result. */
	uint16_t walk_[34];
	uint8_t cut;		/* 1 if an IP datagram runs past the frame:
				 * the outer or inner flow's l3_end (IP
				 * total / payload length) is beyond
				 * frame_len (a snapped capture, a cut XDP
				 * buffer); the parse is not of a whole
				 * datagram, whatever its return value */
	uint8_t mask;		/* the request level served: OFL_PARSE_MASK_*
				 * (ofl_parse(): OFL_PARSE_MASK_ALL; 0 after
				 * OFL_EINVAL); consumers of the flows
				 * (RSS) need OFL_PARSE_REQ_FLOW in it */
};

#define OFL_PARSE_RESULT_SIZE (8 + 8 * OFL_PARSE_MAX_LAYERS + 2 * 80 + 180)

OFL_STATIC_ASSERT(sizeof(struct ofl_parse_layer) == 8, "layer is 8 bytes");
OFL_STATIC_ASSERT(sizeof(struct ofl_parse_flow) == 80, "flow is 80 bytes");
OFL_STATIC_ASSERT(sizeof(struct ofl_parse_result) == OFL_PARSE_RESULT_SIZE,
		  "ofl_parse_result layout changed");

/**
 * ofl_parse() - parse one frame by walking the parse graph.
 * @data: first byte of the frame. Must not be NULL unless @end == @data.
 * @end: one past the last byte. Lengths in the result saturate at
 *       OFL_PARSE_MAX_FRAME; headers must start before OFL_PARSE_MAX_HDR_OFF.
 * @root: where to start: OFL_PROTO_ETH (Ethernet), OFL_PROTO_IPV4 or
 *        OFL_PROTO_IPV6 (raw IP); anything else gives OFL_EINVAL.
 * @res: the result, fully (re)written. Must not be NULL.
 * @res_size: sizeof(*@res) as the caller compiled it. The result's layout
 *            follows OFL_PARSE_MAX_LAYERS: a caller built with another
 *            value than the library gets OFL_EINVAL and @res untouched
 *            (never a write past its struct). Pass sizeof(*res).
 *
 * Returns 0 when parsing ended normally: at a protocol without a next
 * header (TCP, UDP without a tunnel port, ESP, ICMP ...), at a next-protocol
 * value the graph does not know (the unknown payload is not a layer), or at
 * a non-first fragment (which stops before L4). Otherwise a negative code,
 * also stored in res->error, with res->stop_off the offset of the header
 * (or TLV option) that could not be parsed; the layers parsed up to there
 * are kept in res->layers, a header is listed only when wholly inside the
 * frame:
 *   OFL_ENODATA          the frame ends inside a header (truncated, or a
 *                        length field points past the end of the frame)
 *   OFL_EPROTO           a length field below its minimum (IPv4 IHL < 5,
 *                        TCP data offset < 5) or a wrong version field
 *                        (IPv4 not 4, IPv6 not 6, PPPoE not 0x11)
 *   OFL_EBADMSG          a TLV option of length 0/1 or past its header
 *   OFL_EPROTONOSUPPORT  GRE version other than 0 or 1, GRE routing (R)
 *   OFL_ELOOP            more than OFL_PARSE_MAX_LAYERS/_DEPTH/_VLAN/_MPLS/
 *                        _EXTHDR/_ENCAP headers of a kind
 *   OFL_EMSGSIZE         a header starts at or after OFL_PARSE_MAX_HDR_OFF
 *   OFL_EINVAL           bad arguments (@root); nothing parsed. When
 *                        @res_size is not the library's sizeof the
 *                        result is not written at all
 * On success stop_off is the offset just past the last parsed header.
 *
 * Ports are taken from TCP, UDP and SCTP; IPv4 and IPv6 fragments with
 * a non-zero offset stop before L4 (like __skb_flow_dissect() with
 * FLOW_DISSECTOR_F_PARSE_1ST_FRAG). As in __skb_flow_get_ports(), the
 * ports are taken from the first 4 bytes of such a header even when the
 * rest is not there or its length is bad (OFL_ENODATA, or OFL_EPROTO for
 * a TCP data offset < 5): the flow's has_ports is 1, the header is not
 * listed, l4_off and payload_off stay 0 and stop_off is its offset. TCP
 * options are parsed as Linux tcp_parse_options() does (an option with a
 * length that does not match its kind is skipped). MPLS: after the
 * bottom-of-stack entry the first nibble of the payload picks IPv4 (4) or
 * IPv6 (6); other values stop.
 * The IP total length does not stop the parse (snapped captures still
 * parse): it bounds payload_len (Ethernet padding excluded), and a
 * datagram longer than the frame sets res->cut (reported, not an error).
 * ICMP and ICMPv6: both headers are 8 bytes (type, code, checksum and the
 * 4-byte rest of header that every message of RFC 792 and RFC 4443 has;
 * Linux struct icmphdr, struct icmp6hdr); the message body is payload.
 */
OFL_API int ofl_parse(const void *data, const void *end, unsigned int root,
		      struct ofl_parse_result *res, size_t res_size);

/* ---- request mask: fill only what the caller needs ---- */

/*
 * Linux's flow dissector fills only the keys its caller selected
 * (struct flow_dissector, skb_flow_dissector_init()); DPDK's
 * rte_net_get_ptype() gives protocols and header lengths, nothing else.
 * A request mask does the same for ofl_parse(): the walk is the same (the
 * same headers are visited, the same bounds and checks applied, TCP and
 * IPv6 options walked), so the return value, error and stop_off are those
 * of the full parse in every mode; only the stores of what was not asked
 * for are skipped. Every field a mode does not fill is 0 (the result is
 * zeroed first, as by ofl_parse()), never stale.
 *
 * The bits, each with the fields it fills (per flow means outer and, once
 * a tunnel was crossed, inner):
 *   OFL_PARSE_REQ_OFFSETS  error, stop_off, frame_len, encap, tun_kind,
 *                          nvlan, nmpls, nexthdr, payload_off, mask; per
 *                          flow: family, ip_proto, frag, l3_off, l4_off.
 *                          The protocols and header offsets of
 *                          rte_net_get_ptype() with hdr_lens: L2 length
 *                          outer.l3_off, L3 length l4_off - l3_off, L4
 *                          length payload_off - l4_off, the L4 protocol
 *                          ip_proto, fragments frag.
 *   OFL_PARSE_REQ_FLOW     per flow: src, dst, ports, has_ports, l3_end,
 *                          has_hao, hao, has_rtdst, rtdst; payload_len,
 *                          cut (what the RSS input and a flow hash need:
 *                          ofl_rss_flow_from_parse()).
 *   OFL_PARSE_REQ_LAYERS   nlayers and layers[0 .. nlayers).
 *   OFL_PARSE_REQ_META     vlan_tci, mpls, tun_id, gre_flags, gre_seq,
 *                          esp_spi, srh_segleft, srh_present, srh_final,
 *                          tcp_flags, tcp_opts, tcp_mss, tcp_wscale,
 *                          tcp_nsack, tcp_ts, tcp_sack, geneve_nopts.
 * The walk serves four cumulative levels, OFL_PARSE_MASK_*: a mask is
 * served as the smallest level holding all its bits (REQ_LAYERS alone
 * gets OFL_PARSE_MASK_LAYERS, flows included), and res->mask says which.
 * A filled field holds exactly what ofl_parse() stores there.
 */
#define OFL_PARSE_REQ_OFFSETS	0x01u
#define OFL_PARSE_REQ_FLOW	0x02u
#define OFL_PARSE_REQ_LAYERS	0x04u
#define OFL_PARSE_REQ_META	0x08u

#define OFL_PARSE_MASK_OFFSETS	0x01u	/* (a) protocols and offsets */
#define OFL_PARSE_MASK_FLOW	0x03u	/* (b) + the flows */
#define OFL_PARSE_MASK_LAYERS	0x07u	/* (c) + the layer list */
#define OFL_PARSE_MASK_ALL	0x0fu	/* (d) everything: ofl_parse() */

/**
 * ofl_parse_mask() - ofl_parse() filling only what @mask asks for.
 * @mask: OFL_PARSE_REQ_* bits (or an OFL_PARSE_MASK_* level); 0 or a bit
 *        above OFL_PARSE_REQ_META is OFL_EINVAL (the result then as for a
 *        bad @root: all zero but error; a wrong @res_size leaves it
 *        untouched).
 * Other arguments and the return value: as ofl_parse(), whose result this
 * is in every field the served level fills (see above); the others are 0.
 * The built-in UDP port table applies (ofl_parse_mask_with() takes one).
 */
OFL_API int ofl_parse_mask(const void *data, const void *end,
			   unsigned int root, unsigned int mask,
			   struct ofl_parse_result *res, size_t res_size);

/* ---- UDP tunnel ports: configuration, not constants ---- */

/*
 * Linux tells a NIC which UDP ports carry which tunnel (udp_tunnel_nic,
 * ndo_udp_tunnel_add); VXLAN often runs on 8472 as well as 4789. A
 * struct ofl_parse_cfg is such a table: fixed capacity, caller memory (a
 * BPF map value in XDP), consulted by the walker at every UDP header in
 * place of the built-in port table. Without one (ofl_parse(),
 * ofl_parse_begin()) the built-in table applies: the IANA ports below.
 */

/** Ports a struct ofl_parse_cfg holds. */
#define OFL_PARSE_CFG_UDP_MAX 16

/* What a UDP destination port carries (struct ofl_parse_cfg.udp_kind) */
#define OFL_PARSE_UDP_NONE	0	/* nothing: a free slot */
#define OFL_PARSE_UDP_VXLAN	1	/* RFC 7348, IANA 4789 */
#define OFL_PARSE_UDP_GENEVE	2	/* RFC 8926, IANA 6081 */
#define OFL_PARSE_UDP_VXLAN_GPE	3	/* draft-ietf-nvo3-vxlan-gpe, 4790 */
#define OFL_PARSE_UDP_GRE	4	/* GRE-in-UDP, RFC 8086, 4754 */
#define OFL_PARSE_UDP_MPLS	5	/* MPLS-in-UDP, RFC 7510, 6635 */
#define OFL_PARSE_UDP_KIND_MAX	5

/**
 * struct ofl_parse_cfg - the UDP tunnel port table.
 * @size: sizeof(struct ofl_parse_cfg), set by ofl_parse_cfg_init() and
 *        checked by every function taking the table (OFL_EINVAL if not).
 * @udp_port: destination ports, host order; a slot is used when its
 *            @udp_kind is not OFL_PARSE_UDP_NONE.
 * @udp_kind: OFL_PARSE_UDP_* per slot.
 * @reserved: zero.
 *
 * 56 bytes, no pointers: copy it with a byte copy, keep it in a map.
 */
struct ofl_parse_cfg {
	uint32_t size;
	uint16_t udp_port[OFL_PARSE_CFG_UDP_MAX];
	uint8_t udp_kind[OFL_PARSE_CFG_UDP_MAX];
	uint32_t reserved;
};
OFL_STATIC_ASSERT(sizeof(struct ofl_parse_cfg) == 56, "cfg is 56 bytes");

/**
 * ofl_parse_cfg_init() - the IANA defaults: 4789 VXLAN, 6081 GENEVE,
 * 4790 VXLAN-GPE, 4754 GRE-in-UDP, 6635 MPLS-in-UDP (the built-in table).
 * @cfg: the table, fully written.
 * @size: sizeof(*@cfg) as the caller compiled it.
 *
 * Returns 0, or OFL_EINVAL (NULL @cfg, @size not the library's).
 */
OFL_API int ofl_parse_cfg_init(struct ofl_parse_cfg *cfg, size_t size);

/**
 * ofl_parse_cfg_udp_add() - say what UDP destination port @port carries.
 * @cfg: a table from ofl_parse_cfg_init().
 * @port: 1..65535, host order.
 * @kind: OFL_PARSE_UDP_*; OFL_PARSE_UDP_NONE removes @port.
 *
 * A port already in the table gets the new kind (as ndo_udp_tunnel_add()
 * for a port of another type would after a del). Returns 0, OFL_ENOSPC
 * when all OFL_PARSE_CFG_UDP_MAX slots are used, OFL_ENOENT when removing
 * a port that is not there, OFL_EINVAL for a bad argument or @cfg->size.
 */
OFL_API int ofl_parse_cfg_udp_add(struct ofl_parse_cfg *cfg,
				  unsigned int port, unsigned int kind);

/**
 * ofl_parse_with() - ofl_parse() with a UDP tunnel port table.
 * @cfg: the table (copied into @res's private walker state before the
 *       walk), or NULL for the built-in table (then exactly ofl_parse()).
 * Other arguments and the return value: as ofl_parse(); a @cfg whose
 * size field is not sizeof(struct ofl_parse_cfg) is OFL_EINVAL with @res
 * untouched.
 */
OFL_API int ofl_parse_with(const void *data, const void *end,
			   unsigned int root, const struct ofl_parse_cfg *cfg,
			   struct ofl_parse_result *res, size_t res_size);

/**
 * ofl_parse_mask_with() - ofl_parse_mask() with a UDP tunnel port table
 * (NULL: the built-in one), as ofl_parse_with().
 */
OFL_API int ofl_parse_mask_with(const void *data, const void *end,
				unsigned int root,
				const struct ofl_parse_cfg *cfg,
				unsigned int mask,
				struct ofl_parse_result *res, size_t res_size);

/*
 * ofl_parse() in three parts, for BPF programs where one inlined walk of
 * OFL_PARSE_MAX_DEPTH steps is too much for the verifier: call
 * ofl_parse_step() from a global (separately verified) BPF function, in a
 * bounded loop, with the result in a map value (tests/parser/parse.bpf.c).
 * The results are those of ofl_parse() byte for byte (natively ofl_parse()
 * runs the same step specialised per node at compile time; the step API
 * runs the generic form, the code BPF runs).
 */

/**
 * ofl_parse_begin() - reset @res and set the walk to start at @root.
 * @data, @end, @root, @res, @res_size: as for ofl_parse().
 *
 * Returns 0, or OFL_EINVAL (stored in res->error) for bad arguments; a
 * wrong @res_size is OFL_EINVAL with @res untouched.
 */
OFL_API int ofl_parse_begin(const void *data, const void *end,
			    unsigned int root, struct ofl_parse_result *res,
			    size_t res_size);

/**
 * ofl_parse_begin_with() - ofl_parse_begin() with a UDP tunnel port table
 * (see ofl_parse_with()); the steps then use it: it is copied into @res.
 */
OFL_API int ofl_parse_begin_with(const void *data, const void *end,
				 unsigned int root,
				 const struct ofl_parse_cfg *cfg,
				 struct ofl_parse_result *res,
				 size_t res_size);

/**
 * ofl_parse_begin_mask() - ofl_parse_begin() with a request mask and an
 * optional UDP port table (@cfg NULL: the built-in one). The served level
 * is stored in res->mask, which the steps and ofl_parse_finish() follow:
 * the result is then ofl_parse_mask_with()'s byte for byte. @mask as for
 * ofl_parse_mask() (OFL_EINVAL in res->error for a bad one).
 */
OFL_API int ofl_parse_begin_mask(const void *data, const void *end,
				 unsigned int root,
				 const struct ofl_parse_cfg *cfg,
				 unsigned int mask,
				 struct ofl_parse_result *res,
				 size_t res_size);

/**
 * ofl_parse_step() - parse the next header.
 * @data, @end: the same frame as given to ofl_parse_begin().
 * @res: the result being built (its walker fields hold the position).
 * @res_size: sizeof(*@res), as for ofl_parse().
 *
 * Returns 1 if there is a next header to parse, 0 when the walk ended
 * well, or a negative error (see ofl_parse()); after 0 or an error further
 * calls return 0 and change nothing. A wrong @res_size: OFL_EINVAL, @res
 * untouched.
 */
OFL_API int ofl_parse_step(const void *data, const void *end,
			   struct ofl_parse_result *res, size_t res_size);

/**
 * ofl_parse_fast() - the whole walk in one go for the most common frames.
 * @data, @end: the same frame as given to ofl_parse_begin*().
 * @res: a result just begun (ofl_parse_begin(), _with() or _mask()),
 *       before any ofl_parse_step().
 * @res_size: sizeof(*@res), as for ofl_parse().
 *
 * Covers [Ethernet [one 802.1Q tag]] IPv4 without options or IPv6 without
 * extension headers, then TCP without options or UDP to a port that is
 * not a tunnel port (of the begun walk's port table), not fragmented,
 * every header wholly in the frame. For such a frame it writes exactly
 * what the steps would, at the begun request level, and returns 0 (the
 * walk's value): then ofl_parse_step() returns 0 and ofl_parse_finish(res,
 * 0, ...) changes nothing. Any other frame, or a walk not at its start:
 * returns 1 and writes nothing; go on with ofl_parse_step(). So
 * `ret = ofl_parse_fast(); while (ret > 0) ret = ofl_parse_step();` gives
 * the result of the steps alone, byte for byte (ofl_parse() and
 * ofl_parse_mask*() take the same path natively). In BPF it saves the
 * per-step calls of these frames. A wrong @res_size: OFL_EINVAL, @res
 * untouched.
 */
OFL_API int ofl_parse_fast(const void *data, const void *end,
			   struct ofl_parse_result *res, size_t res_size);

/**
 * ofl_parse_finish() - complete @res after the last step.
 * @res: the result.
 * @ret: the last ofl_parse_step() return value (1 if the step budget ran
 *       out: that is OFL_ELOOP).
 * @res_size: sizeof(*@res), as for ofl_parse().
 *
 * Fills the derived field (payload length), clears the walker fields,
 * stores and returns the final code, as ofl_parse() returns it. A wrong
 * @res_size: OFL_EINVAL, @res untouched.
 */
OFL_API int ofl_parse_finish(struct ofl_parse_result *res, int ret,
			     size_t res_size);

/**
 * ofl_parse_inner() - the innermost flow of a result.
 * @res: a result from ofl_parse() (any return value).
 *
 * Returns &res->inner if a tunnel was crossed (res->encap > 0), else
 * &res->outer (the frame's only flow). Never NULL; the flow's family is 0
 * if it has no IP header.
 */
OFL_API const struct ofl_parse_flow *
ofl_parse_inner(const struct ofl_parse_result *res);


OFL_END_DECLS

#endif /* OFL_PARSER_H */
