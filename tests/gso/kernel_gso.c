// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gso against the running kernel's software GSO, byte for byte.
 * Run by kernel_gso.sh inside a private network namespace holding a veth
 * pair TX <-> RX (TX: tso/gso/tx-checksumming off, RX: gro off).
 *
 * Each super-frame of a generated corpus is sent on TX through AF_PACKET
 * with PACKET_VNET_HDR (virtio_net_hdr: NEEDS_CSUM, gso_type, gso_size,
 * hdr_len, csum_start/offset; pseudo-header sum in the L4 checksum field).
 * validate_xmit_skb() segments it in software (skb_gso_segment) and the
 * segments arrive on RX, where an AF_PACKET socket reads them. The same
 * input goes through ofl_gso_segment() with complete checksums; both
 * outputs must be equal, and the kernel's must pass a reference checksum
 * check written independently in gso_frames.h.
 *
 * With MODE "partial" the TX side keeps tx-checksumming on: the segments
 * then cross the veth as CHECKSUM_PARTIAL with the pseudo-header sums in
 * their L4 checksum fields, compared with OFL_GSO_F_CSUM_PARTIAL output.
 *
 * Nothing is skipped: a case where one side refuses or the kernel delivers
 * fewer or more segments than ofl produced is a mismatch, except for the
 * listed expectations (expect_of()), stated from a case's parameters
 * before it is sent and checked on both sides: more than 128 UDP segments
 * (both refuse), payload not larger than gso_size (ofl refuses, the
 * kernel's one frame is what ofl's caller then sends). A listed case
 * where either side does anything else is a mismatch too.
 * At the end, one line per case group (tcp4, tcp6, udp, vlan; in tunnel
 * mode the group named by OFL_GSO_GROUP):
 *   group <g> <n> cases <m> mismatches
 *
 * Usage: kernel_gso TXIF RXIF complete|partial|tunnel:OLEN|
 *                   l3:OLEN:FAMS:complete|partial [cases]
 *        kernel_gso -|SENDER-NETNS-PATH RXIF sock:complete|partial [cases]
 *        (UDP_SEGMENT sockets, see sock_main)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sys/socket.h>
#include "gso_frames.h"
#include "../common/conform_dump.h"
#include "../common/link_max.h"
#include <offload/csum.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#ifndef VIRTIO_NET_HDR_GSO_UDP_L4
#define VIRTIO_NET_HDR_GSO_UDP_L4 5
#endif

#define MAXF 70000
static uint8_t in[MAXF], rx[MAXF];
static uint8_t out[(OFL_GSO_MAX_SEGS + 1) * 256 + MAXF];
static uint32_t lens[OFL_GSO_MAX_SEGS];

static int txfd, rxfd;
/*
 * Cases of more than ~1000 segments are read where the kernel's software
 * GSO hands them to the driver (a packet tap on the sending veth sees each
 * segment in xmit_one(), PACKET_OUTGOING): on the receiving veth every
 * segment of one super-frame enters the per-CPU backlog in one burst, and
 * netdev_max_backlog (1000, a global sysctl this test leaves alone) drops
 * the rest there (seen: 1001 of 2000 arrive).
 */
static int want_outgoing;
static int partial;
static unsigned n_ok, n_bad, n_refused, n_lib_refused, n_dropped, n_segs;
static unsigned n_mingso;	/* TCP gso_size raised to 8 (6.1.y, 6.12.y) */

/* per case group: cases run and mismatches */
#define NGROUPS 5
static const char *gname[NGROUPS] = { "tcp4", "tcp6", "udp", "vlan", "?" };
static unsigned g_n[NGROUPS], g_bad[NGROUPS];
static int cur_group;

/* IP-in-IP mode (l3_main): the tunnel device (ifindex 0 in mode l3e:
 * Ethernet frames on TX, where a tc program adds the outer IP header) */
static struct sockaddr_ll l3_to;

static int group_of(const struct gf_params *g)
{
	return g->vlan ? 3 : g->udp ? 2 : g->v6 ? 1 : 0;
}

/* Linux before 6.2 has no VIRTIO_NET_HDR_GSO_UDP_L4 in virtio_net_hdr:
 * UDP GSO cannot be sent through a packet socket (EINVAL). Probed once;
 * the UDP cases are then not run and that is said loudly. */
static int no_udp_l4;
static unsigned n_udp_not_run, g_udp_not_run[NGROUPS];

static void mismatch(void)
{
	n_bad++;
	g_bad[cur_group]++;
}

/*
 * Listed expectations, stated from a case's parameters alone:
 * EXP_REFUSE: UDP GSO of more than UDP_MAX_SEGMENTS (128) segments. The
 *   kernel refuses it where it comes in (virtio_net_hdr_to_skb, 6.2 on:
 *   "skb->len - p_off > gso_size * UDP_MAX_SEGMENTS": EINVAL; udp_send_skb
 *   / udpv6_send_skb: "datalen > cork->gso_size * UDP_MAX_SEGMENTS":
 *   EINVAL), ofl with OFL_E2BIG.
 * EXP_PLAIN: payload not larger than gso_size. The kernel's segmentation
 *   refuses such a GSO skb as ofl does (tcp_gso_segment: "skb->len <= mss"
 *   leaves segs = ERR_PTR(-EINVAL); __udp_gso_segment: "gso_skb->len <=
 *   sizeof(*uh) + mss" returns ERR_PTR(-EINVAL); validate_xmit_skb then
 *   frees it), so the kernel never makes one: virtio_net_hdr_to_skb ("Too
 *   small packets are not really GSO ones") and udp_send_skb ("if
 *   (datalen > cork->gso_size)") leave gso_size 0, and one plain
 *   CHECKSUM_PARTIAL frame goes out, its checksum completed by
 *   skb_checksum_help on a device without checksum offload. ofl's caller
 *   does the same on OFL_ERANGE (bindings/kernel/vnic_tx.c): plain_want()
 *   builds that frame with ofl_csum_help, and the kernel's one frame must
 *   equal it byte for byte.
 * Counted in the summary; any other outcome of a listed case is a
 * mismatch, so a change on either side fails the test.
 */
enum expect { EXP_SEGMENTS, EXP_REFUSE, EXP_PLAIN, EXP_N };
static unsigned n_exp[EXP_N], n_agreed[EXP_N];

static enum expect expect_of(int udp, size_t payload, unsigned gso)
{
	if (udp && payload > 128u * gso)
		return EXP_REFUSE;
	return payload <= gso ? EXP_PLAIN : EXP_SEGMENTS;
}

static void agreed(enum expect x, const char *d)
{
	n_agreed[x]++;
	printf("expected and agreed: %s: %s\n",
	       x == EXP_REFUSE ? "both refuse (more than 128 UDP segments)"
			       : "ofl OFL_ERANGE, the kernel one plain frame "
				 "(payload <= gso_size)", d);
}

/* "expected: ..." for the summary; 1 if a listed case did not agree */
static int expectations(void)
{
	printf("expected refusals agreed: %u of %u (UDP over "
	       "UDP_MAX_SEGMENTS: kernel EINVAL, ofl OFL_E2BIG); expected "
	       "plain frames agreed: %u of %u (payload <= gso_size: ofl "
	       "OFL_ERANGE, the kernel's one frame = the input completed by "
	       "ofl_csum_help)\n", n_agreed[EXP_REFUSE], n_exp[EXP_REFUSE],
	       n_agreed[EXP_PLAIN], n_exp[EXP_PLAIN]);
	return n_agreed[EXP_REFUSE] != n_exp[EXP_REFUSE] ||
	       n_agreed[EXP_PLAIN] != n_exp[EXP_PLAIN];
}

/* The edge cases hold each listed expectation (@udp: the UDP refusal
 * too): 1 (and said) if one did not run, so no edit drops them unseen */
static int must_list(int udp)
{
	if (n_exp[EXP_PLAIN] && (n_exp[EXP_REFUSE] || !udp))
		return 0;
	printf("FAIL: a listed expectation was not exercised (%u refusal, "
	       "%u plain cases)\n", n_exp[EXP_REFUSE], n_exp[EXP_PLAIN]);
	return 1;
}

/* The frame ofl's caller sends for a frame ofl_gso refuses with
 * OFL_ERANGE, built in place (@f, @len bytes, the pseudo-header sum in the
 * L4 checksum field at @cs + @co): with checksum offload as it is, else
 * completed by ofl_csum_help (skb_checksum_help, 0 sent as 0xffff). */
static int plain_want(uint8_t *f, size_t len, uint16_t cs, uint16_t co,
		      int complete)
{
	struct ofl_csum_state st;

	memset(&st, 0, sizeof(st));
	st.csum_start = cs;
	st.csum_offset = co;
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	return complete ? ofl_csum_help(f, f + len, &st) : 0;
}

static int open_sock(const char *ifname, int vnet)
{
	struct sockaddr_ll sll;
	int fd, one = 1, big = 32 << 20;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0)
		return -1;
	if (vnet && setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &one,
			       sizeof(one)))
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof(big));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (!sll.sll_ifindex || bind(fd, (void *)&sll, sizeof(sll)))
		return -1;
	return fd;
}

/* RX: all frames, VLAN tags from PACKET_AUXDATA (rx_frame); -1 if not */
static int open_rx(const char *ifname)
{
	int fd = open_sock(ifname, 0), one = 1;

	if (fd >= 0 && setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one,
				  sizeof(one)))
		return -1;
	return fd;
}

/* txfd with PACKET_VNET_HDR on @txif, rxfd on @rxif; -1 if either fails */
static int open_pair(const char *txif, const char *rxif)
{
	txfd = open_sock(txif, 1);
	rxfd = open_rx(rxif);
	return txfd < 0 || rxfd < 0 ? -1 : 0;
}

/* One super-frame for a PACKET_VNET_HDR socket: the virtio_net_hdr
 * (NEEDS_CSUM, @type, gso_size @mss, @hdr_len, @cs/@co: csum_start and
 * csum_offset) and @len bytes at @data. Not to be copied: msg points into
 * it. */
struct vsend {
	struct virtio_net_hdr vh;
	struct iovec iov[2];
	struct msghdr msg;
};

static void vsend_prep(struct vsend *v, uint8_t type, uint16_t mss,
		       uint16_t hdr_len, uint16_t cs, uint16_t co,
		       uint8_t *data, size_t len)
{
	memset(v, 0, sizeof(*v));
	v->vh.flags = VIRTIO_NET_HDR_F_NEEDS_CSUM;
	v->vh.gso_type = type;
	v->vh.hdr_len = hdr_len;
	v->vh.gso_size = mss;
	v->vh.csum_start = cs;
	v->vh.csum_offset = co;
	v->iov[0].iov_base = &v->vh;
	v->iov[0].iov_len = sizeof(v->vh);
	v->iov[1].iov_base = data;
	v->iov[1].iov_len = len;
	v->msg.msg_iov = v->iov;
	v->msg.msg_iovlen = 2;
}

/* The virtio gso_type of a gf_build() frame */
static uint8_t vgso_type(const struct gf_params *g)
{
	return g->udp ? VIRTIO_NET_HDR_GSO_UDP_L4
		      : g->v6 ? VIRTIO_NET_HDR_GSO_TCPV6
			      : VIRTIO_NET_HDR_GSO_TCPV4;
}

/* Next frame from RX sent by our TX MAC, or 0 on timeout. The kernel
 * takes VLAN tags out of the data before AF_PACKET sees them
 * (skb_vlan_untag); put them back from PACKET_AUXDATA, as libpcap does. */
static ssize_t rx_frame(int ms)
{
	struct sockaddr_ll from;
	struct pollfd pf = { .fd = rxfd, .events = POLLIN };
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	} cb;
	struct iovec iov = { .iov_base = rx + 4, .iov_len = sizeof(rx) - 4 };
	struct msghdr msg;
	struct cmsghdr *c;
	ssize_t n;

	for (;;) {
		if (poll(&pf, 1, ms) <= 0)
			return 0;
		memset(&msg, 0, sizeof(msg));
		msg.msg_name = &from;
		msg.msg_namelen = sizeof(from);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = &cb;
		msg.msg_controllen = sizeof(cb);
		n = recvmsg(rxfd, &msg, 0);
		if (n < 14 ||
		    (from.sll_pkttype == PACKET_OUTGOING) != want_outgoing)
			continue;
		memmove(rx, rx + 4, (size_t)n);
		for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
			struct tpacket_auxdata a;

			if (c->cmsg_level != SOL_PACKET ||
			    c->cmsg_type != PACKET_AUXDATA)
				continue;
			memcpy(&a, CMSG_DATA(c), sizeof(a));
			if (!(a.tp_status & TP_STATUS_VLAN_VALID))
				continue;
			memmove(rx + 16, rx + 12, (size_t)n - 12);
			gf_be16(rx + 12, (a.tp_status & TP_STATUS_VLAN_TPID_VALID)
				? a.tp_vlan_tpid : 0x8100);
			gf_be16(rx + 14, a.tp_vlan_tci);
			n += 4;
		}
		if (memcmp(rx + 6, "\x02\0\0\0\0\x01", 6))
			continue;
		return n;
	}
}

static void drain(void)
{
	while (rx_frame(0) > 0)
		;
}

static void describe(const struct gf_params *g, uint16_t mss, char *buf,
		     size_t cap)
{
	snprintf(buf, cap,
		 "%s/%s mss=%u payload=%u ext=%d ipopt=%d tcpopt=%d df=%d "
		 "flags=0x%02x vlan=%d ecnflag=%d",
		 g->v6 ? "ipv6" : "ipv4", g->udp ? "udp" : "tcp", mss,
		 g->payload_len, g->n_ext, g->ip_opt_words, g->tcp_opt_words,
		 g->df, g->tcp_flags, g->vlan, (int)(g->seed & 1));
}

/* The tunnel and socket modes' super-frame; here the plain frame wanted */
static uint8_t sup[MAXF + 128];

/* The frame in rx (@n bytes) is the @len-byte input as the kernel sends a
 * frame it does not segment, and as ofl's caller does (plain_want). */
static int unsegmented(ssize_t n, size_t len, const struct ofl_gso_meta *m)
{
	memcpy(sup, in, len);
	if (plain_want(sup, len, m->csum_start, m->csum_offset, !partial))
		return 0;
	return (size_t)n == len && !memcmp(rx, sup, len);
}

/* TCP_MIN_GSO_SIZE (include/net/tcp.h: TCP_MIN_SND_MSS -
 * MAX_TCP_OPTION_SPACE = 48 - 40) */
#define TCP_MIN_GSO_SIZE 8

/*
 * The kernel's segments against ofl's @nseg segments in out/lens, every
 * mode's comparison: each read with @next (the first already in rx when
 * @first > 0), byte for byte, then checked with gf_verify(@vm) (NULL:
 * CHECKSUM_PARTIAL, not checked); no further segment may follow.
 * @super (@super_len bytes): the super-frame for tests/conform/kconform.sh
 * (OFL_CONFORM_DIR), each segment with it as gso-@mss.*.pcap; NULL: no
 * captures; @fixup: its lengths are made whole first (conform_dump_super).
 * @d: the case, @what: said after it; @few: print the first 10 mismatches
 * of the run only. Returns 0 equal, SEG_SHORT (fewer segments), SEG_DIFF
 * (a segment differs, or more came); printed, rx drained.
 */
enum { SEG_EQUAL, SEG_SHORT, SEG_DIFF };

struct segcmp {
	ssize_t (*next)(int ms);
	const struct ofl_gso_meta *vm;
	const uint8_t *super;
	size_t super_len;
	int fixup, few;
	uint16_t mss;
	const char *d, *what;
};

static void conform_dump_super(const char *name, const uint8_t *p,
			       size_t len);

static int cmp_segs(const struct segcmp *c, ssize_t first, int nseg)
{
	size_t pos = 0;
	int i;

	for (i = 0; i < nseg; i++) {
		ssize_t n = i == 0 && first > 0 ? first : c->next(1000);
		const char *why;

		if (n <= 0) {
			printf("FAIL: %s%s: the kernel delivered %d segments, "
			       "ofl produced %d\n", c->d, c->what, i, nseg);
			drain();
			return SEG_SHORT;
		}
		why = c->vm ? gf_verify(rx, (size_t)n, c->vm) : NULL;
		if ((size_t)n != lens[i] || memcmp(rx, out + pos, lens[i]) ||
		    why) {
			size_t k = 0;

			while (k < (size_t)n && k < lens[i] &&
			       rx[k] == out[pos + k])
				k++;
			if (!c->few || n_bad < 10)
				printf("FAIL: %s%s: segment %d/%d: kernel %zd "
				       "bytes, ofl %u bytes, first difference "
				       "at byte %zu (kernel %02x ofl %02x); "
				       "kernel frame check: %s\n", c->d,
				       c->what, i, nseg, n, lens[i], k,
				       k < (size_t)n ? rx[k] : 0,
				       k < lens[i] ? out[pos + k] : 0,
				       why ? why : c->vm ? "ok" : "not made");
			drain();
			return SEG_DIFF;
		}
		if (c->super) {
			char w[48];

			snprintf(w, sizeof(w), "gso-%u.wire.pcap", c->mss);
			if (!i) {
				char sn[48];

				snprintf(sn, sizeof(sn), "gso-%u.super.pcap",
					 c->mss);
				if (c->fixup)
					conform_dump_super(sn, c->super,
							   c->super_len);
				else
					conform_dump(sn, c->super,
						     c->super_len);
			}
			conform_dump(w, rx, (size_t)n);
		}
		pos += lens[i];
	}
	if (c->next(5) > 0) {
		printf("FAIL: %s%s: kernel sent more than %d segments\n", c->d,
		       c->what, nseg);
		drain();
		return SEG_DIFF;
	}
	return SEG_EQUAL;
}

static void run_case(const struct gf_params *g, uint16_t mss)
{
	ssize_t first = 0;
	struct ofl_gso_meta m;
	struct ofl_gso_frag fr;
	struct vsend v;
	size_t len;
	int nseg, i, ecn = (int)(g->seed & 1) && !g->udp;
	enum expect x;
	char d[200];

	if (g->udp && no_udp_l4) {
		n_udp_not_run++;
		g_udp_not_run[group_of(g)]++;
		return;
	}
	len = gf_build(in, g, &m);
	m.gso_size = mss;
	fr.data = in;
	fr.len = (uint32_t)len;
	fr.reserved = 0;
	nseg = ofl_gso_segment(&fr, 1, &m,
			       partial ? OFL_GSO_F_CSUM_PARTIAL : 0, out, sizeof(out), lens,
			       OFL_GSO_MAX_SEGS);
	vsend_prep(&v, (uint8_t)(vgso_type(g) |
				 (ecn ? VIRTIO_NET_HDR_GSO_ECN : 0)),
		   mss, m.hdr_len, m.csum_start, m.csum_offset, in, len);
	describe(g, mss, d, sizeof(d));
	cur_group = group_of(g);
	g_n[cur_group]++;
	x = expect_of(g->udp, g->payload_len, mss);
	n_exp[x]++;
	if (sendmsg(txfd, &v.msg, 0) < 0) {
		int e = errno;

		n_refused++;
		if (x == EXP_REFUSE && e == EINVAL && nseg == OFL_E2BIG) {
			agreed(x, d);
			return;
		}
		mismatch();
		printf("FAIL: %s: the kernel refuses (sendmsg: %s), ofl: %s%s\n",
		       d, strerror(e), nseg < 0 ? ofl_strerror(nseg)
		       : "segments it", x == EXP_REFUSE ? " (expected: EINVAL "
		       "and OFL_E2BIG)" : "");
		return;
	}
	if (x == EXP_REFUSE) {
		mismatch();
		printf("FAIL: %s: expected both to refuse more than 128 UDP "
		       "segments; the kernel took it, ofl: %s\n", d,
		       nseg < 0 ? ofl_strerror(nseg) : "segments it");
		usleep(100000);
		drain();
		return;
	}
	if (x == EXP_PLAIN) {
		ssize_t n = rx_frame(1000);
		int k = n > 0, same = n > 0 && unsegmented(n, len, &m);

		while (rx_frame(50) > 0)
			k++;
		if (nseg == OFL_ERANGE && k == 1 && same) {
			agreed(x, d);
			return;
		}
		mismatch();
		printf("FAIL: %s: expected ofl OFL_ERANGE and the kernel's one "
		       "frame equal to the input with its checksum completed; "
		       "ofl: %s, the kernel sent %d frames%s\n", d,
		       nseg < 0 ? ofl_strerror(nseg) : "segments it", k,
		       k == 1 && !same ? ", not that one" : "");
		return;
	}
	if (nseg < 0) {
		n_lib_refused++;
		mismatch();
		printf("FAIL: %s: ofl refuses (%s), the kernel segments it\n",
		       d, ofl_strerror(nseg));
		usleep(100000);
		drain();
		return;
	}
	/* Expected: virtio_net_hdr_to_skb raises a TCP gso_size below
	 * TCP_MIN_GSO_SIZE to it (6.1.y and 6.12.y stable: "gso_size =
	 * max(gso_size, TCP_MIN_GSO_SIZE)"; the running 6.18 does not), so
	 * a payload of at most 8 bytes is then not GSO at all: one frame,
	 * the input unchanged. ofl segments by the gso_size it is given. */
	if (!g->udp && mss < TCP_MIN_GSO_SIZE &&
	    g->payload_len <= TCP_MIN_GSO_SIZE) {
		first = rx_frame(1000);
		if (first > 0 && unsegmented(first, len, &m) &&
		    rx_frame(50) <= 0) {
			n_mingso++;
			printf("expected: the kernel raised gso_size %u to "
			       "TCP_MIN_GSO_SIZE (virtio_net_hdr_to_skb) and "
			       "sent the frame unsegmented: %s\n", mss, d);
			return;
		}
	}
	{
		struct segcmp c = { rx_frame, partial ? NULL : &m,
				    partial ? NULL : in, len, 0, 1, mss, d,
				    "" };

		i = cmp_segs(&c, first, nseg);
	}
	if (i) {
		n_dropped += i == SEG_SHORT;
		mismatch();
		return;
	}
	n_ok++;
	n_segs += (unsigned)nseg;
}

/*
 * Tunnel mode: the super-frame (inner Ethernet frame) is sent on a tunnel
 * device (vxlan, geneve, gretap) whose lower device is TX; the kernel adds
 * the outer headers and segments with SKB_GSO_UDP_TUNNEL(_CSUM) or
 * SKB_GSO_GRE(_CSUM). The outer headers of the first segment that arrives
 * (@olen bytes: addresses, ports, TTL, first outer IP ID, chosen by the
 * kernel) are put in front of the super-frame; ofl_gso_meta_from_frame()
 * and ofl_gso_segment() (CSUM_NONE: every checksum computed) must then
 * give every segment byte for byte.
 */
/* The tunnel super-frame with its outer lengths made whole (the outer
 * headers come from the kernel's first segment), as a capture on the
 * sending host shows it. */
static void conform_dump_super(const char *name, const uint8_t *p,
			       size_t len)
{
	static uint8_t b[MAXF + 128];
	size_t l3 = 14, l4;

	/* (also the plain UDP datagrams of mode sock: 42 bytes and up) */
	if (len > sizeof(b) || len < 14 + 28 ||
	    ((p[12] != 0x08 || p[13] != 0x00) && len < 14 + 48))
		return;
	memcpy(b, p, len);
	if (b[12] == 0x08 && b[13] == 0x00) {
		unsigned int s = 0, i;

		b[l3 + 2] = (uint8_t)((len - l3) >> 8);
		b[l3 + 3] = (uint8_t)(len - l3);
		b[l3 + 10] = b[l3 + 11] = 0;
		for (i = 0; i < 20; i += 2)
			s += (unsigned int)b[l3 + i] << 8 | b[l3 + i + 1];
		while (s >> 16)
			s = (s & 0xffff) + (s >> 16);
		b[l3 + 10] = (uint8_t)(~s >> 8);
		b[l3 + 11] = (uint8_t)~s;
		l4 = l3 + (size_t)(b[l3] & 15) * 4;
		if (b[l3 + 9] != 17)
			l4 = 0;
	} else {
		b[l3 + 4] = (uint8_t)((len - l3 - 40) >> 8);
		b[l3 + 5] = (uint8_t)(len - l3 - 40);
		l4 = b[l3 + 6] == 17 ? l3 + 40 : 0;
	}
	if (l4) {
		b[l4 + 4] = (uint8_t)((len - l4) >> 8);
		b[l4 + 5] = (uint8_t)(len - l4);
	}
	conform_dump(name, b, len);
}

static unsigned long long read_count(int fd)
{
	char b[32];
	ssize_t n = pread(fd, b, sizeof(b) - 1, 0);

	if (n <= 0)
		return 0;
	b[n] = 0;
	return strtoull(b, NULL, 10);
}

/*
 * One case through an encapsulating device (tunnel mode: vxlan, geneve,
 * gretap; IP-in-IP mode: ipip, sit, ip6tnl, or the tc encap program on
 * TX): the gf_build() super-frame is sent from byte @e->send_off (0: an
 * Ethernet device; 14: an L3 device, @e->to its address); the device adds
 * the outer headers and TX segments. The first segment's @olen outer bytes
 * go in front of the inner frame from byte @e->in_off (0: its Ethernet
 * header; 14: its IP header) for ofl_gso_meta_from_frame(), which must
 * find the tunnel bit @e->want (0: not checked) with the inner IP header
 * at @olen; ofl_gso_segment() must then give every segment (@e->partial:
 * OFL_GSO_F_CSUM_PARTIAL output, not checked by gf_verify). @e->next
 * reads the device's frames; @e->dump: conform captures of the segments.
 * @e->txcnt (tunnel and IP-in-IP modes; -1: none, the tc encap of mode
 * l3e): the tunnel device's tx_packets, which must grow by exactly 1 per
 * case: the super-frame entered the encapsulation whole (iptunnel_xmit,
 * and ip6tunnel_xmit for ip6tnl, -> iptunnel_xmit_stats counts one per
 * skb), so the segments are the work of the kernel's tunnel GSO
 * (skb_udp_tunnel_segment / gre_gso_segment / ipip_gso_segment and the
 * like in TX's validate_xmit_skb), not of TCP/UDP GSO before
 * per-segment encapsulation. The packet
 * socket's SKB_GSO_DODGY does make the tunnel device (no
 * NETIF_F_GSO_ROBUST) call skb_gso_segment, but tcp_gso_segment and
 * __udp_gso_segment then only check the headers and reset gso_segs
 * (skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST): NULL, no segments),
 * and validate_xmit_skb sends the skb on whole.
 */
struct encap {
	size_t send_off, in_off;
	struct sockaddr_ll *to;
	uint32_t want;
	ssize_t (*next)(int ms);
	int partial, dump;
	int txcnt;
};

/* @e->txcnt: DEV's tx_packets; 1 (said) if it cannot be read */
static int open_txcnt(const char *dev, struct encap *e)
{
	char cp[128];

	snprintf(cp, sizeof(cp), "/sys/class/net/%s/statistics/tx_packets",
		 dev);
	e->txcnt = open(cp, O_RDONLY);
	if (e->txcnt >= 0)
		return 0;
	printf("FAIL: %s: %s (needed to tell the kernel's tunnel GSO from "
	       "per-segment encapsulation)\n", cp, strerror(errno));
	return 1;
}

static unsigned n_whole;	/* cases the tunnel device sent as one skb */

static void run_encap_case(const struct gf_params *g, uint16_t mss,
			   size_t olen, const struct encap *e)
{
	struct ofl_gso_meta m, mo;
	struct ofl_gso_frag fr;
	struct vsend v;
	size_t len, sk = e->send_off;
	ssize_t n;
	int nseg, i, err;
	char d[200];
	unsigned long long tx0;

	if (g->udp && no_udp_l4) {
		n_udp_not_run++;
		g_udp_not_run[NGROUPS - 1]++;
		return;
	}
	len = gf_build(in, g, &m);
	describe(g, mss, d, sizeof(d));
	vsend_prep(&v, vgso_type(g), mss, (uint16_t)(m.hdr_len - sk),
		   (uint16_t)(m.csum_start - sk), m.csum_offset, in + sk,
		   len - sk);
	if (e->to) {
		e->to->sll_protocol = htons(g->v6 ? ETH_P_IPV6 : ETH_P_IP);
		v.msg.msg_name = e->to;
		v.msg.msg_namelen = sizeof(*e->to);
	}
	cur_group = NGROUPS - 1;
	g_n[cur_group]++;
	tx0 = e->txcnt >= 0 ? read_count(e->txcnt) : 0;
	if (sendmsg(txfd, &v.msg, 0) < 0) {
		n_refused++;
		mismatch();
		printf("FAIL: %s: the kernel refuses (sendmsg: %s)\n", d,
		       strerror(errno));
		return;
	}
	n = e->next(1000);
	if (n <= 0 || (size_t)n < olen) {
		n_dropped++;
		mismatch();
		printf("FAIL: %s: nothing arrived\n", d);
		return;
	}
	len -= e->in_off;
	memcpy(sup, rx, olen);
	memcpy(sup + olen, in + e->in_off, len);
	err = ofl_gso_meta_from_frame(sup, olen + len, mss, &mo);
	if (!err && e->want &&
	    ((mo.gso_type & OFL_GSO_TUNNEL_MASK) != e->want ||
	     mo.transport_off != olen)) {
		mismatch();
		printf("FAIL: %s: ofl_gso_meta_from_frame: gso_type 0x%x "
		       "inner IP at %u, the kernel's outer header is %zu "
		       "bytes with SKB_GSO_IPXIP%d\n", d, mo.gso_type,
		       mo.transport_off, olen,
		       e->want == OFL_GSO_IPXIP6 ? 6 : 4);
		drain();
		return;
	}
	fr.data = sup;
	fr.len = (uint32_t)(olen + len);
	fr.reserved = 0;
	nseg = err ? err : ofl_gso_segment(&fr, 1, &mo,
					   e->partial ? OFL_GSO_F_CSUM_PARTIAL
						      : 0, out, sizeof(out),
					   lens, OFL_GSO_MAX_SEGS);
	if (nseg < 0) {
		n_lib_refused++;
		mismatch();
		printf("FAIL: %s: ofl refuses (%s), the kernel segmented it\n",
		       d, ofl_strerror(nseg));
		drain();
		return;
	}
	{
		char w[48];
		struct segcmp c = { e->next, e->partial ? NULL : &mo,
				    e->dump ? sup : NULL, olen + len, 1, 1,
				    mss, d, w };

		snprintf(w, sizeof(w), " (gso_type 0x%x, outer %zu bytes)",
			 mo.gso_type, olen);
		i = cmp_segs(&c, n, nseg);
	}
	if (i) {
		n_dropped += i == SEG_SHORT;
		mismatch();
		return;
	}
	if (e->txcnt >= 0) {
		unsigned long long dt = read_count(e->txcnt) - tx0;

		if (dt != 1) {
			mismatch();
			printf("FAIL: %s: the tunnel device sent %llu packets "
			       "for one super-frame of %d segments (not the "
			       "kernel's tunnel GSO)\n", d, dt, nseg);
			return;
		}
		n_whole++;
	}
	n_ok++;
	n_segs += (unsigned)nseg;
}

/* Send one well-formed UDP GSO frame: EINVAL means no GSO_UDP_L4 */
static void probe_udp_l4(void)
{
	struct gf_params g;
	struct ofl_gso_meta m;
	struct vsend v;
	size_t len, sk;

	memset(&g, 0, sizeof(g));
	g.udp = 1;
	g.df = 1;
	g.payload_len = 1000;
	g.seed = 7;
	len = gf_build(in, &g, &m);
	sk = l3_to.sll_ifindex ? 14 : 0;  /* IP-in-IP: from the IP header */
	vsend_prep(&v, VIRTIO_NET_HDR_GSO_UDP_L4, 500,
		   (uint16_t)(m.hdr_len - sk), (uint16_t)(m.csum_start - sk),
		   m.csum_offset, in + sk, len - sk);
	if (sk) {
		l3_to.sll_protocol = htons(ETH_P_IP);
		v.msg.msg_name = &l3_to;
		v.msg.msg_namelen = sizeof(l3_to);
	}
	if (sendmsg(txfd, &v.msg, 0) < 0 && errno == EINVAL) {
		no_udp_l4 = 1;
		printf("LOUD SKIP: the kernel refuses VIRTIO_NET_HDR_GSO_UDP_L4 "
		       "(virtio_net_hdr_to_skb knows it from Linux 6.2 on): "
		       "UDP GSO cases are not run on this kernel\n");
	}
	usleep(100000);
	drain();
}

static void groups(void)
{
	int i;

	/* UDP GSO itself is then run through UDP_SEGMENT sockets (mode
	 * sock); run_groups.sh fails a group left with no case at all */
	for (i = 0; i < NGROUPS; i++)
		if (g_udp_not_run[i])
			printf("GROUP-PARTIAL %s %u %sUDP cases through a packet "
			       "socket not run (no VIRTIO_NET_HDR_GSO_UDP_L4 "
			       "before 6.2)\n", gname[i], g_udp_not_run[i],
			       i == 2 ? "" : "inner ");

	for (i = 0; i < NGROUPS; i++)
		if (g_n[i])
			printf("group %s %u cases %u mismatches\n", gname[i],
			       g_n[i], g_bad[i]);
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * IP-in-IP mode (l3:OLEN:FAMS:complete|partial): TXIF is an L3 tunnel
 * device (ipip, sit, ip6tnl) over TX. The super-frame goes in without its
 * Ethernet header through a SOCK_RAW packet socket with PACKET_VNET_HDR
 * (packet_setsockopt takes it on SOCK_RAW only); these devices have
 * hard_header_len 0 (ip_tunnel_bind_dev, ipip6_tunnel_bind_dev and
 * ip6_tnl_link_config grow needed_headroom only), so packet_snd puts the
 * network header at the first byte; the sockaddr_ll names the protocol,
 * csum_start and hdr_len count from the IP header. The tunnel device
 * advertises GSO (ipip_tunnel_setup / ipip6_tunnel_setup / ip6_tnl_dev_setup:
 * NETIF_F_GSO_SOFTWARE), so ip_tunnel_xmit / ipip6_tunnel_xmit /
 * ip6_tnl_xmit add the outer header to the whole super-frame
 * (iptunnel_handle_offloads: SKB_GSO_IPXIP4 for ipip and sit, IPXIP6 for
 * ip6tnl) and TX, with tso/gso off, segments it in software:
 * inet_gso_segment / ipv6_gso_segment at the outer level, ipip_gso_segment,
 * sit_gso_segment, ip4ip6_gso_segment or ip6ip6_gso_segment to the inner
 * level, then tcp_gso_segment / __udp_gso_segment. The outer header of the
 * first segment (Ethernet + outer IP, ip6tnl's encapsulation limit option:
 * @olen bytes; the kernel's choices of TTL/hop limit, DF, TOS/ECN, flow
 * label and first IP ID) is put in front of the inner super-frame, and
 * ofl_gso_meta_from_frame() must find OFL_GSO_IPXIP4 (IPv4 outer) or
 * OFL_GSO_IPXIP6 (IPv6 outer); ofl_gso_segment() must then give every
 * segment byte for byte: both IP headers' lengths, IDs and checksums, the
 * inner L4. FAMS: inner IP versions the device takes ("4", "6", "46").
 * "partial": TX has tx-checksumming on, the inner L4 checksum stays
 * CHECKSUM_PARTIAL (hw_enc_features of veth hold NETIF_F_HW_CSUM) and is
 * compared with OFL_GSO_F_CSUM_PARTIAL output. The tunnel device's
 * tx_packets must grow by one per case (struct encap's txcnt: it sent the
 * super-frame whole); not in mode l3e, which has no tunnel device.
 */

static int l3_outer(const uint8_t *p, size_t n)
{
	if (n < 14 + 40)
		return 0;
	if (p[12] == 0x08 && p[13] == 0x00)
		return (p[14] >> 4) == 4 && (p[23] == 4 || p[23] == 41);
	if (p[12] == 0x86 && p[13] == 0xdd)
		return (p[14] >> 4) == 6 &&
		       (p[20] == 4 || p[20] == 41 || p[20] == 60);
	return 0;
}

/* next IP-in-IP frame: MLD or neighbour discovery of TX is skipped */
static ssize_t l3_frame(int ms)
{
	ssize_t n;

	do
		n = rx_frame(ms);
	while (n > 0 && !l3_outer(rx, (size_t)n));
	return n;
}

static int l3_main(char **argv, int ncases)
{
	/* argv[3] = l3:OLEN:FAMS:complete|partial, or l3e:... (TXIF is the
	 * veth itself with ipxip_encap.bpf.c on its tc egress) */
	char *mode, *fams, *cs;
	size_t olen;
	uint64_t s = 0x1b1b0f1ULL;
	int c, one = 1, outer_v6, l3_eth = argv[3][2] == 'e';
	struct encap e = { .in_off = 14, .next = l3_frame, .txcnt = -1 };

	mode = argv[3] + (l3_eth ? 4 : 3);
	olen = (size_t)strtoul(mode, &fams, 10);
	if (*fams != ':' || !(cs = strchr(fams + 1, ':')))
		return 2;
	fams++;
	*cs++ = 0;
	outer_v6 = olen >= 14 + 40;
	if (getenv("OFL_GSO_GROUP"))
		gname[NGROUPS - 1] = getenv("OFL_GSO_GROUP");
	memset(&l3_to, 0, sizeof(l3_to));
	l3_to.sll_family = AF_PACKET;
	if (l3_eth) {
		txfd = open_sock(argv[1], 1);
	} else {
		txfd = socket(AF_PACKET, SOCK_RAW, 0);
		if (txfd >= 0 && setsockopt(txfd, SOL_PACKET, PACKET_VNET_HDR,
					    &one, sizeof(one)))
			txfd = -1;
		l3_to.sll_ifindex = (int)if_nametoindex(argv[1]);
	}
	rxfd = open_rx(argv[2]);
	if (!l3_eth && open_txcnt(argv[1], &e)) {
		printf("GROUP-FAIL %s no tx_packets of %s\n",
		       gname[NGROUPS - 1], argv[1]);
		return 1;
	}
	if (txfd < 0 || rxfd < 0 || (!l3_eth && !l3_to.sll_ifindex)) {
		printf("FAIL: AF_PACKET on %s: %s\n", argv[1],
		       strerror(errno));
		printf("GROUP-FAIL %s no packet socket on %s\n",
		       gname[NGROUPS - 1], argv[1]);
		return 1;
	}
	{
		int big = 32 << 20;

		setsockopt(txfd, SOL_SOCKET, SO_SNDBUFFORCE, &big,
			   sizeof(big));
	}
	usleep(100000);
	drain();
	probe_udp_l4();
	e.send_off = l3_eth ? 0 : 14;
	e.to = l3_eth ? NULL : &l3_to;
	e.want = outer_v6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
	e.partial = !strcmp(cs, "partial");
	for (c = 0; c < ncases; c++) {
		struct gf_params g;
		uint16_t mss = (uint16_t)(536 + rnd(&s) % 1000);

		memset(&g, 0, sizeof(g));
		g.seed = rnd(&s) & ~1ull;
		g.v6 = !strcmp(fams, "6") ? 1 : !strcmp(fams, "4") ? 0 : c & 1;
		g.udp = c % 3 == 2;
		g.df = (int)(rnd(&s) & 1);
		if (g.v6)
			g.n_ext = (int)(rnd(&s) % 4);
		else
			g.ip_opt_words = (rnd(&s) % 4 == 0)
					 ? (int)(rnd(&s) % 11) : 0;
		if (!g.udp)
			g.tcp_opt_words = (int)(rnd(&s) % 4) * 3 % 11;
		g.tcp_flags = (uint8_t)(c % 5 == 4 ? 0x19 : 0x18);
		g.seq = (uint32_t)rnd(&s);
		g.ip_id = (uint16_t)rnd(&s);
		g.payload_len = mss + 1 + (uint32_t)(rnd(&s) %
				(g.udp ? 30u * mss : 30000u));
		if (c % 7 == 3)	/* an exact multiple of gso_size */
			g.payload_len = mss * (2 + (uint32_t)(c % 5));
		run_encap_case(&g, mss, olen, &e);
	}
	printf("kernel_gso (%s on %s): %u cases equal (%u segments", argv[3],
	       argv[1], n_ok, n_segs);
	if (!l3_eth)
		printf(", %u super-frames left %s whole: the kernel's "
		       "tunnel GSO cut them", n_whole, argv[1]);
	printf("), %u differ (%u refused by the kernel, %u refused by "
	       "ofl, %u short)\n", n_bad, n_refused, n_lib_refused,
	       n_dropped);
	groups();
	return n_bad || !n_ok ? 1 : 0;
}

/*
 * Socket mode (sock:complete|partial): UDP GSO as an application asks for
 * it, on any kernel with UDP_SEGMENT (4.18 on), including 6.1 where a
 * packet socket cannot carry VIRTIO_NET_HDR_GSO_UDP_L4. A UDP socket with
 * UDP_SEGMENT (setsockopt, or the cmsg for every other case) sends one
 * datagram of @pl payload bytes; udp_send_skb / udpv6_send_skb make it one
 * CHECKSUM_PARTIAL skb with SKB_GSO_UDP_L4, gso_size the UDP_SEGMENT value
 * and gso_segs DIV_ROUND_UP(pl, gso_size). TX (tso, gso,
 * tx-udp-segmentation off) segments it in software (validate_xmit_skb ->
 * __udp_gso_segment) and RX's packet socket reads the segments.
 * TXNS "-": the socket is in this namespace and its route leaves by TX,
 * which must have tx-checksumming on (__ip_append_data and
 * __ip6_append_data make CHECKSUM_PARTIAL only for a device with checksum
 * offload, and udp_send_skb refuses GSO without it: EIO): "partial".
 * TXNS a namespace path: the socket lives there and its datagram is
 * forwarded (ip_forward / ip6_forward keep the GSO skb whole) into TX,
 * which may then have tx-checksumming off: "complete" checksums.
 * Compared: ofl_gso_segment() on the super-frame made of the first
 * segment's headers (the kernel's MACs, TTL, first IP ID, flow label,
 * options, VLAN tag or tunnel headers on the way) with the lengths of the
 * whole datagram and the payload that was sent; every segment byte for
 * byte, their number (gso_segs) and sizes (gso_size) included. The
 * headers this test chose (addresses, ports, protocol) are checked in the
 * kernel's first segment too.
 * Destination: OFL_GSO_SOCK_DST4 / OFL_GSO_SOCK_DST6 (198.18.0.2 and
 * 2001:db8:0:1::2 by default; "-": that family is not run); group name
 * OFL_GSO_GROUP (udp by default).
 */

static uint8_t pay[MAXF];
static unsigned n_sent;
static uint32_t sock_types;	/* OFL_GSO_* bits of the cases compared */
static int fwd_fd = -1;
static unsigned long long fwd_rx0;

/* The UDP header of a frame from us: the innermost L4 of @p (@n bytes),
 * UDP to port @dport; its metadata in @m. 0 if not. */
static int sock_ours(const uint8_t *p, size_t n, uint16_t dport,
		     struct ofl_gso_meta *m)
{
	if (ofl_gso_meta_from_frame(p, n, 1000, m) ||
	    !(m->gso_type & OFL_GSO_UDP_L4) || (size_t)m->hdr_len > n)
		return 0;
	return gf_rd16(p + m->csum_start + 2) == dport;
}

static ssize_t sock_frame(int ms, uint16_t dport, struct ofl_gso_meta *m)
{
	ssize_t n;

	do
		n = rx_frame(ms);
	while (n > 0 && !sock_ours(rx, (size_t)n, dport, m));
	return n;
}

/*
 * Forwarded mode: a PACKET_VNET_HDR socket on the router's receiving veth
 * sees each GSO skb whole, before ip_forward, and virtio_net_hdr_from_skb
 * tells its gso_type and gso_size: they must be UDP_L4 and the
 * UDP_SEGMENT value, the frame the whole datagram. Linux before 6.2
 * cannot express UDP_L4 there (no VIRTIO_NET_HDR_GSO_UDP_L4): recvmsg
 * fails with EINVAL and frees the skb (packet_recvmsg ->
 * packet_rcv_vnet); if it does so for every GSO skb, that is said once
 * per run (the segments are still compared).
 */
static int vnet_fd = -1;
static unsigned n_vnet_ok, n_vnet_gso, n_vnet_einval;

static int vnet_check(uint16_t dport, uint16_t gso, size_t pl, const char *d)
{
	struct pollfd pf = { .fd = vnet_fd, .events = POLLIN };
	struct virtio_net_hdr vh;
	struct ofl_gso_meta m;
	ssize_t n;

	n_vnet_gso++;
	while (poll(&pf, 1, 100) > 0) {
		n = recv(vnet_fd, sup, sizeof(sup), 0);
		if (n < 0 && errno == EINVAL) {	/* this skb, not expressible */
			n_vnet_einval++;
			return 0;
		}
		if (n < (ssize_t)sizeof(vh) + 14 ||
		    !sock_ours(sup + sizeof(vh), (size_t)n - sizeof(vh), dport,
			       &m))
			continue;
		memcpy(&vh, sup, sizeof(vh));
		n -= (ssize_t)sizeof(vh);
		if ((vh.gso_type & ~VIRTIO_NET_HDR_GSO_ECN) !=
		    VIRTIO_NET_HDR_GSO_UDP_L4 || vh.gso_size != gso ||
		    (size_t)n != m.hdr_len + pl) {
			printf("FAIL: %s: the forwarded skb has virtio gso_type "
			       "%u, gso_size %u, %zd bytes (want UDP_L4 %u, %u, "
			       "%zu)\n", d, vh.gso_type, vh.gso_size, n,
			       VIRTIO_NET_HDR_GSO_UDP_L4, gso,
			       (size_t)m.hdr_len + pl);
			return 1;
		}
		n_vnet_ok++;
		return 0;
	}
	return 0;	/* not seen: judged at the end */
}

static int sock_send(int fd, int v6, const char *dst, uint16_t dport,
		     uint16_t gso, int cmsg, size_t pl)
{
	union {
		struct sockaddr_in a4;
		struct sockaddr_in6 a6;
	} to;
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(uint16_t))];
	} cb;
	struct iovec iov = { .iov_base = pay, .iov_len = pl };
	struct msghdr msg;

	memset(&to, 0, sizeof(to));
	memset(&msg, 0, sizeof(msg));
	if (v6) {
		to.a6.sin6_family = AF_INET6;
		to.a6.sin6_port = htons(dport);
		inet_pton(AF_INET6, dst, &to.a6.sin6_addr);
		msg.msg_namelen = sizeof(to.a6);
	} else {
		to.a4.sin_family = AF_INET;
		to.a4.sin_port = htons(dport);
		inet_pton(AF_INET, dst, &to.a4.sin_addr);
		msg.msg_namelen = sizeof(to.a4);
	}
	msg.msg_name = &to;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (cmsg) {
		struct cmsghdr *c;

		memset(&cb, 0, sizeof(cb));
		msg.msg_control = &cb;
		msg.msg_controllen = sizeof(cb.buf);
		c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_UDP;
		c->cmsg_type = UDP_SEGMENT;
		c->cmsg_len = CMSG_LEN(sizeof(uint16_t));
		memcpy(CMSG_DATA(c), &gso, sizeof(gso));
	}
	return sendmsg(fd, &msg, 0) < 0 ? -errno : 0;
}

/* cmp_segs' reader in sock mode: the next frame of the datagram to
 * sock_dport */
static uint16_t sock_dport;

static ssize_t sock_next(int ms)
{
	struct ofl_gso_meta m;

	return sock_frame(ms, sock_dport, &m);
}

/* The one frame in rx (@n bytes, headers @m, @hl bytes of them) is the
 * datagram of @pl bytes in pay as ofl's caller sends a frame ofl refuses
 * with OFL_ERANGE (plain_want): the kernel's own headers, the payload
 * sent, the UDP checksum left PARTIAL or completed. */
static int sock_plain(ssize_t n, const struct ofl_gso_meta *m, size_t hl,
		      size_t pl, int do_partial)
{
	const uint8_t *ip = sup + (m->inner_network_off ? m->inner_network_off
							: m->network_off);
	uint32_t l4len = (uint32_t)(hl + pl - m->csum_start);

	if ((size_t)n != hl + pl || (size_t)m->csum_start + 8 > hl)
		return 0;
	memcpy(sup, rx, hl);
	memcpy(sup + hl, pay, pl);
	gf_be16(sup + m->csum_start + 6, gf_fold(gf_pseudo(ip, l4len, 17)));
	if (plain_want(sup, hl + pl, m->csum_start, 6, !do_partial))
		return 0;
	return !memcmp(rx, sup, hl + pl);
}

/* One datagram: 0 equal or a listed expectation, 1 a mismatch (counted
 * by the caller). */
static int sock_case(int v6, const char *dst, int opts, size_t pl,
		     uint16_t gso, uint64_t *s, int do_partial)
{
	static unsigned port_seq;
	struct ofl_gso_meta m, mo;
	struct ofl_gso_frag fr;
	size_t i, hl;
	ssize_t n;
	uint16_t sport = (uint16_t)(40000 + port_seq % 1000);
	uint16_t dport = (uint16_t)(20000 + port_seq++ % 1000);
	int fd, nseg, k, e, one = 1, cmsg = (int)(*s & 1);
	enum expect x;
	char d[200];
	union {
		struct sockaddr_in a4;
		struct sockaddr_in6 a6;
	} src;

	snprintf(d, sizeof(d), "sock %s gso_size=%u payload=%zu ipopt=%d "
		 "%s%s", v6 ? "ipv6" : "ipv4", gso, pl, opts & 7,
		 cmsg ? "cmsg" : "setsockopt",
		 opts & 8 ? " connected" : "");
	for (i = 0; i < pl; i++)
		pay[i] = (uint8_t)rnd(s);
	fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		printf("FAIL: %s: socket: %s\n", d, strerror(errno));
		return 1;
	}
	memset(&src, 0, sizeof(src));
	if (v6) {
		src.a6.sin6_family = AF_INET6;
		src.a6.sin6_port = htons(sport);
	} else {
		src.a4.sin_family = AF_INET;
		src.a4.sin_port = htons(sport);
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (void *)&src, v6 ? sizeof(src.a6) : sizeof(src.a4))) {
		printf("FAIL: %s: bind: %s\n", d, strerror(errno));
		close(fd);
		return 1;
	}
	{
		int big = 4 << 20, ttl = 2 + (int)(rnd(s) % 254);
		int tos = (int)(rnd(s) & 0xff), pmtu;

		setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &big, sizeof(big));
		if (v6) {
			setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &ttl,
				   sizeof(ttl));
			setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos,
				   sizeof(tos));
		} else {
			uint8_t o[40];
			int w = opts & 7;

			setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl));
			setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof(tos));
			pmtu = (opts & 16) ? IP_PMTUDISC_DONT : IP_PMTUDISC_DO;
			setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu,
				   sizeof(pmtu));
			if (w) {	/* NOPs, the last byte End of List */
				memset(o, 1, (size_t)w * 4);
				o[w * 4 - 1] = 0;
				if (setsockopt(fd, IPPROTO_IP, IP_OPTIONS, o,
					       (socklen_t)(w * 4))) {
					printf("FAIL: %s: IP_OPTIONS: %s\n", d,
					       strerror(errno));
					close(fd);
					return 1;
				}
			}
		}
	}
	/* setsockopt takes an int (udp_lib_setsockopt), the cmsg a u16
	 * (__udp_cmsg_send) */
	if (!cmsg && setsockopt(fd, SOL_UDP, UDP_SEGMENT, &(int){ gso },
				sizeof(int))) {
		printf("FAIL: %s: UDP_SEGMENT: %s\n", d, strerror(errno));
		close(fd);
		return 1;
	}
	if (opts & 8) {	/* connected: a DF datagram's ID from inet_id */
		union {
			struct sockaddr_in a4;
			struct sockaddr_in6 a6;
		} to;

		memset(&to, 0, sizeof(to));
		if (v6) {
			to.a6.sin6_family = AF_INET6;
			to.a6.sin6_port = htons(dport);
			inet_pton(AF_INET6, dst, &to.a6.sin6_addr);
		} else {
			to.a4.sin_family = AF_INET;
			to.a4.sin_port = htons(dport);
			inet_pton(AF_INET, dst, &to.a4.sin_addr);
		}
		connect(fd, (void *)&to, v6 ? sizeof(to.a6) : sizeof(to.a4));
	}
	drain();
	cur_group = NGROUPS - 1;
	g_n[cur_group]++;
	x = expect_of(1, pl, gso);
	n_exp[x]++;
	e = sock_send(fd, v6, dst, dport, gso, cmsg, pl);
	close(fd);
	n_sent += !e;
	/* The ofl side, on a frame of the same shape (for refusals) */
	if (e || x == EXP_REFUSE) {
		struct gf_params g;

		memset(&g, 0, sizeof(g));
		g.udp = 1;
		g.v6 = v6;
		g.ip_opt_words = v6 ? 0 : opts & 7;
		g.payload_len = (uint32_t)pl;
		hl = gf_build(in, &g, &m);
		m.gso_size = gso;
		fr.data = in;
		fr.len = (uint32_t)hl;
		fr.reserved = 0;
		nseg = ofl_gso_segment(&fr, 1, &m, 0, out, sizeof(out), lens,
				       OFL_GSO_MAX_SEGS);
		if (x == EXP_REFUSE && e == -EINVAL && nseg == OFL_E2BIG) {
			agreed(x, d);
			return 0;
		}
		if (e)
			n_refused++;
		printf("FAIL: %s: the kernel %s%s, ofl: %s%s\n", d,
		       e ? "refuses (sendmsg: " : "sends it",
		       e ? strerror(-e) : "", nseg < 0 ? ofl_strerror(nseg)
		       : "segments it", x == EXP_REFUSE ? " (expected: EINVAL "
		       "and OFL_E2BIG)" : e ? ")" : "");
		if (!e) {
			usleep(100000);
			drain();
		}
		return 1;
	}
	n = sock_frame(1000, dport, &m);
	if (n <= 0) {
		n_dropped++;
		printf("FAIL: %s: nothing arrived\n", d);
		return 1;
	}
	hl = m.hdr_len;
	/* the headers this test chose, in the kernel's first segment */
	{
		const uint8_t *ip = rx + (m.inner_network_off ?
					  m.inner_network_off : m.network_off);
		const uint8_t *uh = rx + m.csum_start;
		int ok = gf_rd16(uh) == sport && gf_rd16(uh + 2) == dport;

		if (v6) {
			struct in6_addr a;

			inet_pton(AF_INET6, dst, &a);
			ok = ok && (ip[0] >> 4) == 6 && ip[6] == 17 &&
			     !memcmp(ip + 24, &a, 16);
		} else {
			struct in_addr a;

			inet_pton(AF_INET, dst, &a);
			ok = ok && ip[0] == 0x45 + (opts & 7) && ip[9] == 17 &&
			     !memcmp(ip + 16, &a, 4);
		}
		if (!ok) {
			printf("FAIL: %s: the kernel's first segment has not "
			       "the addresses, ports or options sent\n", d);
			drain();
			return 1;
		}
	}
	memcpy(sup, rx, hl);
	memcpy(sup + hl, pay, pl);
	fr.data = sup;
	fr.len = (uint32_t)(hl + pl);
	fr.reserved = 0;
	e = ofl_gso_meta_from_frame(sup, hl + pl, gso, &mo);
	nseg = e ? e : ofl_gso_segment(&fr, 1, &mo,
				       do_partial ? OFL_GSO_F_CSUM_PARTIAL : 0,
				       out, sizeof(out), lens,
				       OFL_GSO_MAX_SEGS);
	if (nseg < 0) {
		struct ofl_gso_meta m2;

		/* count what else comes; any frame read (ours or not)
		 * overwrites rx, so the first one is kept in sup */
		memcpy(sup, rx, (size_t)n);
		k = 1;
		while (sock_frame(50, dport, &m2) > 0)
			k++;
		memcpy(rx, sup, (size_t)n);
		if (x == EXP_PLAIN && nseg == OFL_ERANGE && k == 1 &&
		    sock_plain(n, &m, hl, pl, do_partial)) {
			agreed(x, d);
			return 0;
		}
		n_lib_refused++;
		printf("FAIL: %s: ofl refuses (%s), the kernel sent %d "
		       "frames%s%s\n", d, ofl_strerror(nseg), k,
		       x == EXP_PLAIN ? " (expected: OFL_ERANGE and one frame "
		       "equal to the datagram with its checksum completed)"
		       : "", x == EXP_PLAIN && k == 1 && nseg == OFL_ERANGE
		       ? ": that frame differs" : "");
		return 1;
	}
	if (x == EXP_PLAIN) {
		printf("FAIL: %s: expected ofl to refuse (OFL_ERANGE) and the "
		       "kernel to send one plain frame; ofl made %d segments\n",
		       d, nseg);
		drain();
		return 1;
	}
	{
		char w[40];
		/* conform captures of the plain datagrams (a VLAN tag or a
		 * tunnel's inner lengths are not made whole here) */
		int dump = !do_partial && !(mo.gso_type & OFL_GSO_TUNNEL_MASK) &&
			   mo.network_off == 14;
		struct segcmp c = { sock_next, do_partial ? NULL : &mo,
				    dump ? sup : NULL, hl + pl, 1, 0, gso, d,
				    w };

		snprintf(w, sizeof(w), " (gso_type 0x%x)", mo.gso_type);
		sock_dport = dport;
		k = cmp_segs(&c, n, nseg);
	}
	if (k) {
		n_dropped += k == SEG_SHORT;
		return 1;
	}
	if (vnet_fd >= 0 && vnet_check(dport, gso, pl, d))
		return 1;
	n_ok++;
	n_segs += (unsigned)nseg;
	sock_types |= mo.gso_type;
	return 0;
}

static int sock_main(char **argv, int ncases)
{
	const char *d4 = getenv("OFL_GSO_SOCK_DST4");
	const char *d6 = getenv("OFL_GSO_SOCK_DST6");
	const char *fif = getenv("OFL_GSO_SOCK_FWD_IF");
	int c, do_partial = !strcmp(argv[3] + 5, "partial");
	uint64_t s = 0x50c0f1ULL;
	static const struct { int v6; uint16_t gso; size_t pl; } edge[] = {
		{ 0, 500, 500 * 129 },	/* over UDP_MAX_SEGMENTS: both refuse */
		{ 1, 400, 400 * 130 + 1 },
		{ 0, 500, 500 * 128 },	/* exactly 128 */
		{ 1, 500, 500 * 128 },
		{ 0, 1000, 1000 },	/* payload == gso_size: not GSO */
		{ 1, 1000, 999 },
		{ 0, 1, 2 },		/* gso_size 1 */
		{ 1, 1, 128 },
		{ 0, 8900, 8901 },
		{ 0, 1472, 65507 - 4 * 8 },	/* near the largest datagram */
	};

	if (!d4)
		d4 = "198.18.0.2";
	if (!d6)
		d6 = "2001:db8:0:1::2";
	gname[NGROUPS - 1] = getenv("OFL_GSO_GROUP") ? getenv("OFL_GSO_GROUP")
						     : "udp";
	partial = do_partial;
	rxfd = open_rx(argv[2]);
	if (rxfd < 0) {
		printf("GROUP-FAIL %s no packet socket on %s: %s\n",
		       gname[NGROUPS - 1], argv[2], strerror(errno));
		return 1;
	}
	/* forwarded: the router's receiving veth (OFL_GSO_SOCK_FWD_IF) must
	 * count one skb per datagram, not one per segment (the GSO skb
	 * crossed the sender's veth whole and was cut on TX) */
	if (fif && *fif) {
		char path[128];

		snprintf(path, sizeof(path),
			 "/sys/class/net/%s/statistics/rx_packets", fif);
		fwd_fd = open(path, O_RDONLY);
		if (fwd_fd < 0) {
			printf("GROUP-FAIL %s cannot read %s\n",
			       gname[NGROUPS - 1], path);
			return 1;
		}
		fwd_rx0 = read_count(fwd_fd);
		vnet_fd = open_sock(fif, 1);
		if (vnet_fd < 0) {
			printf("GROUP-FAIL %s no PACKET_VNET_HDR socket on %s\n",
			       gname[NGROUPS - 1], fif);
			return 1;
		}
	}
	if (strcmp(argv[1], "-")) {	/* the sender's namespace */
		int nsfd = open(argv[1], O_RDONLY);

		if (nsfd < 0 || setns(nsfd, CLONE_NEWNET)) {
			printf("GROUP-FAIL %s cannot enter %s: %s\n",
			       gname[NGROUPS - 1], argv[1], strerror(errno));
			return 1;
		}
		close(nsfd);
	}
	usleep(100000);
	drain();
	for (c = 0; c < ncases + (int)(sizeof(edge) / sizeof(edge[0])); c++) {
		int v6, opts;
		uint16_t gso;
		size_t pl, maxpl;

		if (c < ncases) {
			v6 = c & 1;
			gso = (uint16_t)(c % 7 == 5 ? 1 + rnd(&s) % 64
					 : 200 + rnd(&s) % 8700);
			maxpl = 65507 - (v6 ? 0 : 40) - 20;
			if (maxpl > 128u * gso)
				maxpl = 128u * gso;
			switch (rnd(&s) % 4) {
			case 0: pl = gso + 1u; break;
			case 1: pl = gso * (size_t)(2 + rnd(&s) % 8); break;
			case 2: pl = maxpl - maxpl % gso; break;
			default: pl = gso + 1 + rnd(&s) % (maxpl - gso);
			}
			if (pl > maxpl)
				pl = maxpl - maxpl % gso;
			opts = (v6 ? 0 : (rnd(&s) % 3 ? 0 : (int)(rnd(&s) % 8)))
			       | (int)(rnd(&s) % 4) * 8;
		} else {
			v6 = edge[c - ncases].v6;
			gso = edge[c - ncases].gso;
			pl = edge[c - ncases].pl;
			opts = 0;
		}
		if (!strcmp(v6 ? d6 : d4, "-"))
			continue;
		if (sock_case(v6, v6 ? d6 : d4, opts, pl, gso, &s, do_partial))
			mismatch();
	}
	printf("kernel_gso (%s, UDP_SEGMENT sockets%s, gso_type 0x%x): %u "
	       "cases equal (%u segments), %u differ (%u refused by the "
	       "kernel, %u refused by ofl, %u short)\n",
	       argv[3], strcmp(argv[1], "-") ? ", forwarded" : "",
	       (unsigned)sock_types, n_ok, n_segs, n_bad, n_refused,
	       n_lib_refused, n_dropped);
	if (expectations() || must_list(1))
		mismatch();
	if (fwd_fd >= 0) {
		unsigned long long d = read_count(fwd_fd) - fwd_rx0;

		printf("forwarded: %llu skbs received by %s for %u datagrams "
		       "cut into %u segments\n", d, fif, n_sent, n_segs);
		if (d > n_sent + 20ull) {
			printf("FAIL: the datagrams were cut before TX (%llu "
			       "skbs forwarded for %u datagrams)\n", d,
			       n_sent);
			mismatch();
		}
	}
	if (vnet_fd >= 0) {
		if (n_vnet_ok == n_vnet_gso)
			printf("observed on %s: %u GSO skbs, each SKB_GSO_UDP_L4 "
			       "with gso_size = UDP_SEGMENT (virtio_net_hdr)\n",
			       fif, n_vnet_ok);
		else if (!n_vnet_ok && n_vnet_einval == n_vnet_gso)
			printf("not observable on %s: recvmsg refused all %u "
			       "GSO skbs (EINVAL: packet_rcv_vnet, no UDP_L4 in "
			       "virtio_net_hdr before 6.2); segments compared\n",
			       fif, n_vnet_gso);
		else {
			printf("FAIL: %s showed %u of %u GSO skbs (%u refused "
			       "by recvmsg)\n", fif, n_vnet_ok, n_vnet_gso,
			       n_vnet_einval);
			mismatch();
		}
	}
	printf("GROUP-VIA %s %u UDP_SEGMENT socket cases (%s)\n",
	       gname[NGROUPS - 1], g_n[NGROUPS - 1], argv[3]);
	groups();
	return n_bad || !n_ok ? 1 : 0;
}

/*
 * Mode "big": BIG TCP super-frames of 100000 to 180000 payload bytes, as
 * a BIG TCP host's stack (or its GRO) hands them to GSO: IPv4 with tot_len
 * 0, IPv6 with payload length 0 and the 8-byte hop-by-hop jumbo header
 * (6.18's form; the 7.0 form without it too). TX has gso_max_size and
 * gso_ipv4_max_size 185000 (set over rtnetlink); the kernel's software GSO
 * (ipv6_hopopt_jumbo_remove, then the cut) against ofl_gso_segment of
 * the same frame through ofl_gso_meta_from_frame, byte for byte.
 */
#define BIGF 262144
static uint8_t big_in[BIGF];

static int big_main(char **argv, int ncases)
{
	static const uint16_t mss_list[] = { 1448, 8000, 4000, 1000, 8960 };
	int c, ok = 0, bad = 0;
	unsigned seg_total = 0;

	if (open_pair(argv[1], argv[2])) {
		printf("SKIP: AF_PACKET with PACKET_VNET_HDR unavailable: %s\n",
		       strerror(errno));
		return 77;
	}
	if (link_set_u32((int)if_nametoindex(argv[1]), LM_IFLA_GSO_MAX_SIZE,
			 185000) ||
	    link_set_u32((int)if_nametoindex(argv[1]),
			 LM_IFLA_GSO_IPV4_MAX_SIZE, 185000)) {
		printf("FAIL: gso_max_size/gso_ipv4_max_size 185000 on %s: "
		       "%s\n", argv[1], strerror(errno));
		return 1;
	}
	printf("BIG TCP GSO: gso_max_size = gso_ipv4_max_size = 185000 on "
	       "%s\n", argv[1]);
	usleep(100000);
	drain();
	for (c = 0; c < ncases; c++) {
		int v6 = c % 3 != 0, hbh = c % 3 == 1, nseg;
		uint16_t mss = mss_list[(c / 3) % 5];
		uint32_t pl = 100000 + (uint32_t)((c * 7919u) % 80001u), l4;
		uint32_t seq = 1000u + (uint32_t)c * 77u;
		struct gf_big b = { .v6 = v6, .hbh = hbh, .pseudo = 1,
				    .payload_len = pl, .seq = seq,
				    .ip_id = (uint16_t)seq, .tcp_flags = 0x18,
				    .dst_mac = 2 };
		size_t len = gf_big_build(big_in, &b, &l4);
		struct ofl_gso_meta m;
		struct ofl_gso_frag fr = { big_in, (uint32_t)len, 0 };
		struct vsend v;
		char d[96];

		snprintf(d, sizeof(d), "%s payload %u mss %u",
			 !v6 ? "ipv4 tot_len 0" : hbh ? "ipv6 jumbo hbh" :
			 "ipv6 payload_len 0 (7.0 form)", pl, mss);
		nseg = ofl_gso_meta_from_frame(big_in, len, mss, &m);
		if (!nseg)
			nseg = ofl_gso_segment(&fr, 1, &m,
					       partial ? OFL_GSO_F_CSUM_PARTIAL
						       : 0, out, sizeof(out),
					       lens, OFL_GSO_MAX_SEGS);
		vsend_prep(&v, v6 ? VIRTIO_NET_HDR_GSO_TCPV6
				  : VIRTIO_NET_HDR_GSO_TCPV4, mss,
			   (uint16_t)(l4 + 20), (uint16_t)l4, 16, big_in, len);
		if (sendmsg(txfd, &v.msg, 0) < 0) {
			/* 6.1's sock_alloc_send_pskb takes at most
			 * MAX_SKB_FRAGS pages of data: its packet socket
			 * cannot send a BIG TCP super-frame at all (6.12 and
			 * 6.18 can) */
			if (errno == EMSGSIZE && !c) {
				printf("SKIP big: this kernel's packet socket "
				       "refuses a %zu-byte frame (sendmsg: "
				       "EMSGSIZE): no BIG TCP super-frame can "
				       "be sent to its GSO from userspace\n",
				       len);
				return 77;
			}
			printf("FAIL: %s: the kernel refuses (sendmsg: %s), "
			       "ofl: %d\n", d, strerror(errno), nseg);
			bad++;
			continue;
		}
		if (nseg < 0) {
			printf("FAIL: %s: ofl refuses (%s)\n", d,
			       ofl_strerror(nseg));
			bad++;
			drain();
			continue;
		}
		/* the segments have no jumbo header: TCP 8 bytes earlier */
		if (hbh)
			m.transport_off = (uint16_t)(m.transport_off - 8);
		{
			struct segcmp c = { rx_frame, partial ? NULL : &m,
					    NULL, 0, 0, 0, mss, d, "" };

			if (cmp_segs(&c, 0, nseg)) {
				bad++;
				continue;
			}
		}
		ok++;
		seg_total += (unsigned)nseg;
	}
	printf("kernel_gso (big, %s checksums): %d BIG TCP super-frames "
	       "equal (%u segments), %d differ\n",
	       partial ? "CHECKSUM_PARTIAL" : "complete", ok, seg_total, bad);
	return bad || !ok ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const uint16_t mss_list[] = { 536, 1000, 1220, 1400, 1448,
					     1460, 2000, 4000, 8960 };
	static const uint8_t flag_list[] = { 0x10, 0x18, 0x11, 0x19, 0x90,
					     0x98, 0xd8, 0x50, 0x30, 0x99 };
	uint64_t s = 0x5eed0f1ULL;
	int ncases = argc > 4 ? atoi(argv[4]) : 900, c;

	if (argc < 4)
		return 2;
	partial = !strcmp(argv[3], "partial");
	if (!strncmp(argv[3], "sock:", 5))
		return sock_main(argv, ncases);
	if (!strcmp(argv[3], "big") || !strcmp(argv[3], "bigpartial")) {
		partial = argv[3][3] != 0;
		return big_main(argv, argc > 4 ? atoi(argv[4]) : 30);
	}
	if (!strncmp(argv[3], "l3:", 3) || !strncmp(argv[3], "l3e:", 4))
		return l3_main(argv, ncases);
	if (!strncmp(argv[3], "tunnel", 6)) {
		/* tunnel:OUTER_HDR_LEN, TXIF is the tunnel device */
		size_t olen = (size_t)atoi(argv[3] + 7);
		struct encap e = { .next = rx_frame, .dump = !partial };

		if (getenv("OFL_GSO_GROUP"))
			gname[NGROUPS - 1] = getenv("OFL_GSO_GROUP");
		if (open_txcnt(argv[1], &e))
			return 1;

		if (open_pair(argv[1], argv[2])) {
			printf("SKIP: AF_PACKET on %s: %s\n", argv[1],
			       strerror(errno));
			return 77;
		}
		usleep(100000);
		drain();
		probe_udp_l4();
		for (c = 0; c < ncases; c++) {
			struct gf_params g;
			uint16_t mss = (uint16_t)(536 + rnd(&s) % 1000);

			memset(&g, 0, sizeof(g));
			g.seed = rnd(&s) & ~1ull;
			g.v6 = c % 3 == 1;
			g.udp = c % 3 == 2;
			g.df = (int)(rnd(&s) & 1);
			g.tcp_opt_words = (int)(rnd(&s) % 4) * 3 % 11;
			g.n_ext = g.v6 ? (int)(rnd(&s) % 4) : 0;
			g.tcp_flags = 0x18;
			g.seq = (uint32_t)rnd(&s);
			g.ip_id = (uint16_t)rnd(&s);
			g.payload_len = mss + 1 + (uint32_t)(rnd(&s) %
					(g.udp ? 30u * mss : 30000u));
			run_encap_case(&g, mss, olen, &e);
		}
		printf("kernel_gso (%s on %s): %u cases equal (%u segments, "
		       "%u super-frames left %s whole: the kernel's "
		       "tunnel GSO cut them), %u differ (%u refused by the "
		       "kernel, %u refused by ofl, %u short)\n", argv[3],
		       argv[1], n_ok, n_segs, n_whole, argv[1], n_bad,
		       n_refused, n_lib_refused, n_dropped);
		groups();
		return n_bad || !n_ok ? 1 : 0;
	}
	if (open_pair(argv[1], argv[2])) {
		printf("SKIP: AF_PACKET with PACKET_VNET_HDR unavailable: %s\n",
		       strerror(errno));
		return 77;
	}
	usleep(100000);
	drain();
	probe_udp_l4();
	for (c = 0; c < ncases; c++) {
		struct gf_params g;
		uint16_t mss;
		uint32_t maxpl, k;

		memset(&g, 0, sizeof(g));
		g.seed = rnd(&s);
		g.v6 = (c % 3) == 1;
		g.udp = (c % 5) == 4;
		mss = (c % 4 == 3) ? (uint16_t)(536 + rnd(&s) % (8960 - 536 + 1))
				   : mss_list[rnd(&s) % 9];
		g.df = (int)(rnd(&s) & 1);
		g.vlan = (rnd(&s) % 8) == 0;
		if (g.v6)
			g.n_ext = (int)(rnd(&s) % 4);
		else
			g.ip_opt_words = (rnd(&s) % 5 == 0) ? (int)(rnd(&s) % 11) : 0;
		if (!g.udp)
			g.tcp_opt_words = (int)(rnd(&s) % 4 == 0 ? rnd(&s) % 11
						: (rnd(&s) & 1) * 3);
		g.tcp_flags = flag_list[rnd(&s) % sizeof(flag_list)];
		g.seq = (uint32_t)rnd(&s);
		g.ip_id = (uint16_t)rnd(&s);
		maxpl = 65000 - 200;
		if (g.udp && maxpl > 128u * mss)
			maxpl = 128u * mss;
		k = (uint32_t)(rnd(&s) % 6);
		switch (k) {
		case 0: g.payload_len = mss + 1; break;	/* 1 byte over */
		case 1: g.payload_len = mss * (uint32_t)(2 + rnd(&s) % 8); break;
		case 2: g.payload_len = maxpl - (maxpl % mss); break;
		case 3: g.payload_len = maxpl; break;
		default:
			g.payload_len = mss + 1 + (uint32_t)(rnd(&s) % (maxpl - mss));
		}
		if (g.payload_len > maxpl)
			g.payload_len = maxpl - (maxpl % mss);
		if (g.payload_len <= mss)
			g.payload_len = mss + 1;
		run_case(&g, mss);
	}
	/* edge cases: where ofl or the kernel refuses, it is said */
	{
		static const struct { int v6, udp; uint16_t mss; uint32_t pl; }
		edge[] = {
			{ 0, 1, 500, 500 * 130 },	/* USO over 128 segs */
			{ 1, 1, 500, 500 * 129 },
			{ 0, 1, 500, 500 * 128 },	/* exactly 128 */
			{ 0, 0, 536, 536 },		/* payload == mss */
			{ 0, 1, 536, 536 },
			{ 0, 0, 100, 64000 },		/* 640 segments */
			{ 1, 0, 64, 60000 },		/* 938 segments */
			{ 0, 0, 8, 16000 },	/* 2000: above ofl's old 1024 cap */
			{ 1, 0, 16, 64000 },		/* 4000 segments */
			{ 0, 0, 1, 2 },			/* mss 1 */
			{ 0, 0, 8960, 8961 },
		};
		int rx_peer = rxfd, tap = -1;

		for (c = 0; c < (int)(sizeof(edge) / sizeof(edge[0])); c++) {
			struct gf_params g;
			int many = edge[c].pl / edge[c].mss > 900;

			if (many && tap < 0) {
				tap = open_rx(argv[1]);
				if (tap < 0) {
					printf("FAIL: packet tap on %s: %s\n",
					       argv[1], strerror(errno));
					return 1;
				}
			}
			rxfd = many ? tap : rx_peer;
			want_outgoing = many;
			drain();

			memset(&g, 0, sizeof(g));
			g.v6 = edge[c].v6;
			g.udp = edge[c].udp;
			g.payload_len = edge[c].pl;
			g.tcp_flags = 0x18;
			g.seed = 2 * (uint64_t)c + 2;
			g.df = 1;
			run_case(&g, edge[c].mss);
		}
		rxfd = rx_peer;
		want_outgoing = 0;
		if (tap >= 0)
			close(tap);
	}
	printf("kernel_gso (%s checksums): %u cases equal (%u segments), "
	       "%u differ (%u refused by the kernel, %u refused by ofl, %u "
	       "short)\n", argv[3], n_ok, n_segs, n_bad, n_refused,
	       n_lib_refused, n_dropped);
	if (n_mingso)
		printf("expected: %u TCP cases with gso_size < 8 sent "
		       "unsegmented (virtio_net_hdr_to_skb raised gso_size to "
		       "TCP_MIN_GSO_SIZE: 6.1.y, 6.12.y)\n", n_mingso);
	if (expectations() || must_list(!no_udp_l4))
		mismatch();
	groups();
	if (n_bad)
		return 1;
	if (!n_ok) {
		printf("FAIL: the kernel segmented no case\n");
		return 1;
	}
	return 0;
}
