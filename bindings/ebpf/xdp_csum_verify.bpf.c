// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * xdp_csum_verify: verify the IPv4 header, TCP and UDP checksums of every
 * received frame (Ethernet, up to two VLAN tags, IPv4 or IPv6), count good
 * and bad ones per protocol in the per-CPU array "ofl_csum_stats", and drop
 * frames with a wrong checksum. Set count_only (in .rodata, before load) to
 * pass every frame and only count. All checksum arithmetic is ofl's
 * (<offload/bpf.h>): ofl_csum_ip_fast, ofl_csum_span, ofl_csum_block_add,
 * ofl_csum_sub, ofl_csum_tcpudp_magic, ofl_csum_ipv6_magic.
 *
 * IPv6 extension headers: hop-by-hop, destination options and segment
 * routing headers (whose Segment List[0] is the final destination that the
 * pseudo header carries: the SRv6 case, RFC 8200 8.1 and RFC 8754).
 *
 * Frames it does not verify pass untouched: non-IP, IPv4 fragments, IPv6
 * with another routing type, a fragment header or more than 4 extension
 * headers, protocols other than TCP and UDP, UDP over IPv4 with checksum 0
 * (RFC 768: none), frames whose IP packet is not wholly in the linear XDP buffer or
 * whose L4 part exceeds OFL_CSUM_BPF_MAX_SPAN (9216) bytes. The L4 length is
 * the IP one (total or payload length), as the kernel takes it; Ethernet
 * padding after the IP packet (up to OFL_XDPC_MAX_TRAILER bytes) is allowed.
 *
 * Build: clang -O2 -g -target bpf -I<prefix>/include -c xdp_csum_verify.bpf.c
 * (see README.md).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <offload/bpf.h>
#include "xdp_csum_verify.h"

/* Load-time knob: 1 = count only, never drop. */
const volatile __u32 count_only = 0;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, OFL_XDPC_NR);
	__type(key, __u32);
	__type(value, struct ofl_xdpc_count);
} ofl_csum_stats SEC(".maps");

#ifndef OFL_XDPC_MAX_TRAILER
#define OFL_XDPC_MAX_TRAILER 64	/* bytes after the IP packet (padding) */
#endif
#define OFL_XDPC_MAX_L4OFF 512	/* Ethernet + VLANs + IP + ext headers */
#define OFL_XDPC_MAX_EXT 4	/* IPv6 extension headers skipped */
#define OFL_XDPC_PROTO_TCP 6
#define OFL_XDPC_PROTO_UDP 17

enum { OFL_XDPC_BAD = 0, OFL_XDPC_GOOD = 1, OFL_XDPC_SKIP = -1 };

static __always_inline void ofl_xdpc_count(__u32 slot, int verdict)
{
	struct ofl_xdpc_count *c = bpf_map_lookup_elem(&ofl_csum_stats, &slot);

	if (!c)
		return;
	if (verdict == OFL_XDPC_GOOD)
		c->good++;
	else if (verdict == OFL_XDPC_BAD)
		c->bad++;
	else
		c->unchecked++;
}

/* Count a frame whose checksum could not be verified; it passes. */
static __always_inline int ofl_xdpc_skip(__u32 slot)
{
	ofl_xdpc_count(slot, OFL_XDPC_SKIP);
	return 1;
}

/*
 * The ones'-complement sum of the @l4len bytes at @l4off, or -1 if they
 * cannot be summed here. A global (non-inlined) function: the verifier
 * checks it once for any @l4off and @l4len, instead of once per path of the
 * caller (each check of ofl_csum_span's 9216-byte loop costs some 350k
 * verifier instructions of the 1M budget).
 *
 * ofl_csum_span() must run to data_end, the only end the verifier knows
 * bounds packet reads, so the bytes after the L4 part (Ethernet padding)
 * are summed here, placed at their offset and subtracted.
 */
__attribute__((noinline)) long ofl_xdpc_l4_sum(struct xdp_md *ctx,
					       __u64 l4off, __u64 l4len)
{
	__u8 *data = (__u8 *)(long)ctx->data;
	__u8 *end = (__u8 *)(long)ctx->data_end;
	__u8 *l4, *tail;
	__u32 t = 0, i;
	ofl_wsum all;

	/* 64-bit arguments and an empty asm keep clang from testing a 32-bit
	 * copy of what it adds to the pointer; then the verifier said
	 * "invalid access to packet, off=1 size=1 ... R6 offset is outside of
	 * the packet" (an offset of up to 2^32). */
	asm volatile("" : "+r"(l4off), "+r"(l4len));
	if (l4off > OFL_XDPC_MAX_L4OFF ||
	    l4len > OFL_CSUM_BPF_MAX_SPAN - OFL_XDPC_MAX_TRAILER)
		return -1;
	l4 = data + l4off;
	tail = l4 + l4len;
	if (tail > end || end - tail > OFL_XDPC_MAX_TRAILER)
		return -1;
	all = ofl_csum_span(l4, end, 0);
	/* Trailer bytes, summed as if they began at an even offset. */
	for (i = 0; i < OFL_XDPC_MAX_TRAILER; i++) {
		if (tail + i + 1 > end)
			break;
#if OFL_BIG_ENDIAN
		t += (i & 1) ? tail[i] : (__u32)tail[i] << 8;
#else
		t += (i & 1) ? (__u32)tail[i] << 8 : tail[i];
#endif
	}
	if (t)
		all = ofl_csum_sub(all, ofl_csum_block_add(0, t, l4len));
	return (long)all;
}

/* TCP or UDP checksum over IPv4; @h is the IPv4 header (copied). */
static __always_inline int ofl_xdpc_l4v4(struct xdp_md *ctx, const __u8 *h,
					 __u32 l3off, __u32 ihl)
{
	__u32 tot = ((__u32)h[2] << 8) | h[3], l4len = tot - ihl * 4;
	__u8 proto = h[9];
	ofl_be32 sa, da;
	__u16 check;
	__u32 slot;
	long sum;

	if (proto != OFL_XDPC_PROTO_TCP && proto != OFL_XDPC_PROTO_UDP)
		return ofl_xdpc_skip(OFL_XDPC_OTHER);
	if ((((__u32)h[6] << 8) | h[7]) & 0x3fff)	/* MF or offset */
		return ofl_xdpc_skip(OFL_XDPC_OTHER);
	slot = proto == OFL_XDPC_PROTO_TCP ? OFL_XDPC_TCP4 : OFL_XDPC_UDP4;
	if (tot < ihl * 4 + (proto == OFL_XDPC_PROTO_TCP ? 20 : 8))
		return ofl_xdpc_skip(slot);
	if (proto == OFL_XDPC_PROTO_UDP) {
		if (bpf_xdp_load_bytes(ctx, l3off + ihl * 4 + 6, &check, 2))
			return ofl_xdpc_skip(slot);
		if (!check)	/* RFC 768: no checksum */
			return ofl_xdpc_skip(slot);
	}
	sum = ofl_xdpc_l4_sum(ctx, l3off + ihl * 4, l4len);
	if (sum < 0)
		return ofl_xdpc_skip(slot);
	__builtin_memcpy(&sa, h + 12, 4);
	__builtin_memcpy(&da, h + 16, 4);
	if (ofl_csum_tcpudp_magic(sa, da, l4len, proto, (ofl_wsum)sum)) {
		ofl_xdpc_count(slot, OFL_XDPC_BAD);
		return 0;
	}
	ofl_xdpc_count(slot, OFL_XDPC_GOOD);
	return 1;
}

/* 1 when the frame may pass, 0 when a checksum is wrong. */
static __always_inline int ofl_xdpc_ipv4(struct xdp_md *ctx, __u32 l3off)
{
	__u8 h[60] = {};
	__u32 ihl;

	if (bpf_xdp_load_bytes(ctx, l3off, h, 20))
		return 1;		/* truncated: not ours to judge */
	ihl = h[0] & 0xf;
	if ((h[0] >> 4) != 4 || ihl < 5)
		return 1;
	if (ihl > 5 && bpf_xdp_load_bytes(ctx, l3off + 20, h + 20,
					   (ihl - 5) * 4))
		return 1;
	if (ofl_csum_ip_fast(h, ihl)) {
		ofl_xdpc_count(OFL_XDPC_IPV4, OFL_XDPC_BAD);
		return 0;
	}
	ofl_xdpc_count(OFL_XDPC_IPV4, OFL_XDPC_GOOD);
	return ofl_xdpc_l4v4(ctx, h, l3off, ihl);
}

static __always_inline int ofl_xdpc_ipv6(struct xdp_md *ctx, __u32 l3off)
{
	__u8 h[40];
	__u8 nh, ext[4];
	__u32 off = l3off + 40, plen, l4len, slot, i;
	__u16 check;
	long sum;

	if (bpf_xdp_load_bytes(ctx, l3off, h, 40) || (h[0] >> 4) != 6)
		return 1;
	plen = ((__u32)h[4] << 8) | h[5];
	nh = h[6];
	/* Hop-by-hop and destination options do not change the pseudo
	 * header. A routing header does: the pseudo header carries the final
	 * destination (RFC 8200 8.1), which for a segment routing header
	 * (type 4, RFC 8754) is Segment List[0]; other routing types are not
	 * verified. A fragment header leaves no whole L4 here. */
	for (i = 0; i < OFL_XDPC_MAX_EXT; i++) {
		if (nh != 0 && nh != 60 && nh != 43)
			break;
		if (bpf_xdp_load_bytes(ctx, off, ext, 4))
			return 1;
		if (nh == 43) {
			if (ext[2] != 4 || ext[1] < 2)
				return ofl_xdpc_skip(OFL_XDPC_OTHER);
			if (bpf_xdp_load_bytes(ctx, off + 8, h + 24, 16))
				return 1;
		}
		nh = ext[0];
		off += ((__u32)ext[1] + 1) * 8;
	}
	if (nh != OFL_XDPC_PROTO_TCP && nh != OFL_XDPC_PROTO_UDP)
		return ofl_xdpc_skip(OFL_XDPC_OTHER);
	slot = nh == OFL_XDPC_PROTO_TCP ? OFL_XDPC_TCP6 : OFL_XDPC_UDP6;
	l4len = plen - (off - l3off - 40);
	if (plen < off - l3off - 40 ||
	    l4len < (nh == OFL_XDPC_PROTO_TCP ? 20u : 8u) || off > OFL_XDPC_MAX_L4OFF)
		return ofl_xdpc_skip(slot);
	if (nh == OFL_XDPC_PROTO_UDP) {
		if (bpf_xdp_load_bytes(ctx, off + 6, &check, 2))
			return ofl_xdpc_skip(slot);
		if (!check) {	/* RFC 8200 8.1: must be discarded */
			ofl_xdpc_count(slot, OFL_XDPC_BAD);
			return 0;
		}
	}
	sum = ofl_xdpc_l4_sum(ctx, off, l4len);
	if (sum < 0)
		return ofl_xdpc_skip(slot);
	if (ofl_csum_ipv6_magic(h + 8, h + 24, l4len, nh, (ofl_wsum)sum)) {
		ofl_xdpc_count(slot, OFL_XDPC_BAD);
		return 0;
	}
	ofl_xdpc_count(slot, OFL_XDPC_GOOD);
	return 1;
}

SEC("xdp")
int xdp_csum_verify(struct xdp_md *ctx)
{
	__u8 *data = (__u8 *)(long)ctx->data;
	__u8 *end = (__u8 *)(long)ctx->data_end;
	__u32 l3off = 14, i;
	__u16 proto;
	int ok = 1;

	if (data + 14 > end)
		return XDP_PASS;
	proto = bpf_ntohs(*(__u16 *)(data + 12));
	for (i = 0; i < 2; i++) {	/* 802.1Q / 802.1ad tags */
		if (proto != 0x8100 && proto != 0x88a8)
			break;
		if (data + l3off + 4 > end)
			return XDP_PASS;
		proto = bpf_ntohs(*(__u16 *)(data + l3off + 2));
		l3off += 4;
	}
	if (proto == 0x0800)
		ok = ofl_xdpc_ipv4(ctx, l3off);
	else if (proto == 0x86dd)
		ok = ofl_xdpc_ipv6(ctx, l3off);
	return ok || count_only ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
