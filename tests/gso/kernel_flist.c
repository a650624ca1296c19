// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fraglist GSO (SKB_GSO_FRAGLIST) against the running kernel, byte for
 * byte. No socket can hand the kernel a fraglist skb (virtio_net_hdr has
 * no such type), so kernel_gso.sh makes one the way Linux makes them: a
 * router namespace forwards between RXIF (rx-gro-list on: GRO builds the
 * fraglist skb, skb_gro_receive_list) and OUTIF (tx-gso-list off:
 * validate_xmit_skb cuts it in software, skb_segment_list and
 * __udp_gso_segment_list / __tcp4/6_gso_segment_list, then the IP loop of
 * inet_gso_segment / ipv6_gso_segment). The frames of each case are sent
 * on TXIF (RXIF's peer) with AF_PACKET; what leaves OUTIF is read with an
 * AF_PACKET socket on it (outgoing frames, after the segmentation).
 *
 * ofl does the same: lib/gro with OFL_GRO_F_FRAGLIST, then what
 * ip_forward / ip6_forward and neigh output do to the skb's head (TTL or
 * hop limit - 1 with ip_decrease_ttl's checksum update, the MAC header of
 * OUTIF towards the sink; with OFL_FLIST_NAT the destination NAT that
 * nft's dnat does to the head), then ofl_gso_list_fixup() per frame (a
 * frame GRO did not merge is forwarded alone). Both lists of frames must
 * be equal in order and bytes. Each case also says whether the kernel
 * really built a fraglist skb: the IPv4 IDs of a fixed-ID flow come out
 * renumbered (inet_gso_segment), and frames after the head keep their TTL.
 *
 * usage: kernel_flist TXIF RXIF OUTIF SINKMAC
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/csum.h>
#include "../gro/gro_frames.h"

#define NSEG 64
#define FBUF 10000
#define MAXOUT 128

static uint8_t fr[NSEG][FBUF];
static uint32_t frl[NSEG];
static const uint8_t *frp[NSEG];
static uint8_t kout[MAXOUT][FBUF], lout[MAXOUT][FBUF];
static int kl[MAXOUT], ll[MAXOUT], nk, nl;
static uint8_t rxmac[6], outmac[6], sinkmac[6];
static int txfd, capfd, txidx;
static int nat;	/* OFL_FLIST_NAT: nft dnat to NAT4:4242 / NAT6:4242 */
static const uint8_t nat4[4] = { 198, 18, 0, 3 };
static const uint8_t nat6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
				  0, 0, 0, 0, 0, 0, 0, 3 };
#define NAT_PORT 4242

static void msleep(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static int ours(const uint8_t *d, int len)
{
	int l4;

	if (len < 54 || memcmp(d + 6, outmac, 6))
		return 0;
	if (d[12] == 0x08 && d[13] == 0x00 && (d[23] == 6 || d[23] == 17))
		l4 = 14 + (d[14] & 15) * 4;
	else if (d[12] == 0x86 && d[13] == 0xdd && (d[20] == 6 || d[20] == 17))
		l4 = 54;
	else
		return 0;
	return l4 + 2 <= len && (d[l4] << 8 | d[l4 + 1]) == 40000;
}

static void capture(int keep)
{
	for (;;) {
		struct sockaddr_ll a;
		socklen_t al = sizeof(a);
		static uint8_t b[70000];
		ssize_t r = recvfrom(capfd, b, sizeof(b), MSG_DONTWAIT,
				     (struct sockaddr *)&a, &al);

		if (r < 0)
			break;
		if (!keep || a.sll_pkttype != PACKET_OUTGOING ||
		    !ours(b, (int)r) || nk >= MAXOUT || r > FBUF)
			continue;
		memcpy(kout[nk], b, (size_t)r);
		kl[nk++] = (int)r;
	}
}

/* ip_decrease_ttl: the checksum's incremental update as the kernel
 * writes it (not a recomputation). */
static void dec_ttl(uint8_t *ip)
{
	uint16_t c = (uint16_t)(ip[10] << 8 | ip[11]);
	uint32_t s = (uint32_t)c + 0x0100;

	s += s >= 0xffff;
	ip[10] = (uint8_t)(s >> 8);
	ip[11] = (uint8_t)s;
	ip[8]--;
}

/* nft dnat on the head: nf_nat_ipv4_manip_pkt / nf_nat_ipv6_manip_pkt
 * and nf_nat_udp / tcp manip: the address (L4 checksum with the pseudo
 * header, IPv4 header checksum) then the port. */
static void do_nat(uint8_t *d, int udp, int v6)
{
	uint32_t l4 = v6 ? 54 : 34, ck = l4 + (udp ? 6 : 16);
	struct ofl_csum_state st;
	uint16_t port = htons(NAT_PORT);
	int l4ck = !udp || d[ck] || d[ck + 1];

	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
	if (v6) {
		if (l4ck)
			ofl_csum_proto_replace16(d + ck, &st, d + 38, nat6,
						 true);
		memcpy(d + 38, nat6, 16);
	} else {
		uint32_t a, b;
		uint16_t c;

		memcpy(&a, d + 30, 4);
		memcpy(&b, nat4, 4);
		if (l4ck)
			ofl_csum_proto_replace4(d + ck, &st, a, b, true);
		memcpy(&c, d + 24, 2);
		c = ofl_csum_replace4(c, a, b);
		memcpy(d + 24, &c, 2);
		memcpy(d + 30, nat4, 4);
	}
	if (l4ck) {
		uint16_t old;

		memcpy(&old, d + l4 + 2, 2);
		ofl_csum_proto_replace2(d + ck, &st, old, port, false);
		if (udp && !d[ck] && !d[ck + 1])
			d[ck] = d[ck + 1] = 0xff;
	}
	memcpy(d + l4 + 2, &port, 2);
}

/* The router's changes to the skb head: nat (PREROUTING), ip_forward's
 * TTL, neigh output's MAC header. */
static void forward(uint8_t *d)
{
	int v6 = d[12] == 0x86;

	if (nat)
		do_nat(d, (v6 ? d[20] : d[23]) == 17, v6);
	if (v6)
		d[21]--;
	else
		dec_ttl(d + 14);
	memcpy(d, sinkmac, 6);
	memcpy(d + 6, outmac, 6);
}

static void add_out(const uint8_t *d, int len)
{
	if (nl >= MAXOUT || len > FBUF)
		return;
	memcpy(lout[nl], d, (size_t)len);
	ll[nl++] = len;
}

static int run_lib(int n)
{
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt pk[2 * NSEG + OFL_GRO_MAX_FLOWS];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_FRAGLIST, 0, 0 };
	struct ofl_gro_frame f[NSEG];
	static uint8_t seg[FBUF];
	int i, k, m, merged = 0;

	if (ofl_gro_init(&ctx, sizeof(ctx), &o))
		return -1;
	for (i = 0; i < n; i++) {
		memset(&f[i], 0, sizeof(f[i]));
		f[i].data = fr[i];
		f[i].len = frl[i];
		f[i].hash = 0;
		f[i].id = (uint32_t)i;
		f[i].ip_summed = OFL_CHECKSUM_NONE;
		frp[i] = fr[i];
	}
	k = ofl_gro_receive_burst(&ctx, f, (unsigned int)n, pk, 2 * NSEG);
	m = ofl_gro_flush(&ctx, pk + k, OFL_GRO_MAX_FLOWS);
	if (k < 0 || m < 0)
		return -1;
	nl = 0;
	for (i = 0; i < k + m; i++) {
		const struct ofl_gro_pkt *p = &pk[i];
		struct ofl_gso_meta mt;
		uint8_t head[OFL_GRO_MAX_HDR];
		uint32_t j;

		if (p->kind != OFL_GRO_PKT_MERGED) {
			memcpy(seg, fr[p->frame], frl[p->frame]);
			forward(seg);
			add_out(seg, (int)frl[p->frame]);
			continue;
		}
		merged++;
		memcpy(head, p->hdr, p->hdr_len);
		forward(head);
		memset(&mt, 0, sizeof(mt));
		mt.gso_type = p->gso_type;
		mt.gso_size = p->gso_size;
		mt.network_off = 14;
		mt.transport_off = (uint16_t)(head[12] == 0x86 ? 54 : 34);
		mt.hdr_len = p->hdr_len;
		for (j = 0; j < p->nslices; j++) {
			uint32_t id = p->slice[j].frame;

			memcpy(seg, j ? fr[id] : head, p->hdr_len);
			if (ofl_gso_list_fixup(seg, frl[id], head,
					       fr[p->slice[1].frame], &mt, j))
				return -1;
			memcpy(seg + p->hdr_len, fr[id] + p->hdr_len,
			       frl[id] - p->hdr_len);
			add_out(seg, (int)frl[id]);
		}
	}
	return merged;
}

struct fcase {
	const char *name;
	int v6, udp, n, len, fixedid, ttl_at;
};

static const struct fcase cases[] = {
	{ "udp4_fixedid", 0, 1, 4, 500, 1, -1 },
	{ "udp4_incid", 0, 1, 4, 500, 0, -1 },
	{ "udp4_short_last", 0, 1, 5, 700, 1, -1 },
	{ "udp4_ttl", 0, 1, 6, 300, 1, 3 },
	{ "udp4_large", 0, 1, 50, 1400, 1, -1 },
	{ "udp6", 1, 1, 4, 500, 0, -1 },
	{ "udp6_large", 1, 1, 50, 1400, 0, -1 },
	{ "tcp4_fixedid", 0, 0, 4, 1000, 1, -1 },
	{ "tcp4_incid", 0, 0, 4, 1000, 0, -1 },
	{ "tcp4_large", 0, 0, 20, 4000, 1, -1 },
	{ "tcp6", 1, 0, 4, 1000, 0, -1 },
	{ "tcp6_large", 1, 0, 20, 4000, 0, -1 },
};

static int build(const struct fcase *c)
{
	struct tseg g;
	int i;

	for (i = 0; i < c->n; i++) {
		tseg_init(&g, c->v6);
		g.udp = c->udp;
		g.seq = 1000u + (uint32_t)(i * c->len);
		g.paylen = c->len;
		if (c->udp && !strcmp(c->name, "udp4_short_last") &&
		    i == c->n - 1)
			g.paylen = 100;
		g.ipid = (uint16_t)(c->fixedid ? 100 : 100 + i);
		if (i == c->ttl_at)
			g.ttl = 9;
		frl[i] = (uint32_t)tseg_build(&g, fr[i], rxmac);
	}
	return c->n;
}

static int run_case(const struct fcase *c)
{
	struct sockaddr_ll a;
	int n = build(c), i, ok, merged, kmerged = 0;

	memset(&a, 0, sizeof(a));
	a.sll_family = AF_PACKET;
	a.sll_ifindex = txidx;
	a.sll_halen = 6;
	memcpy(a.sll_addr, rxmac, 6);
	capture(0);
	nk = 0;
	for (i = 0; i < n; i++)
		if (sendto(txfd, fr[i], frl[i], 0, (struct sockaddr *)&a,
			   sizeof(a)) != (ssize_t)frl[i]) {
			perror("sendto");
			return -1;
		}
	msleep(100);
	capture(1);
	merged = run_lib(n);
	if (merged < 0) {
		printf("FAIL %s: lib/gro or lib/gso refused\n", c->name);
		return 0;
	}
	/* evidence of a fraglist skb on the kernel side: a frame after the
	 * first one of its super-frame kept the sender's TTL, or an IPv4 ID
	 * that was fixed on the wire came out renumbered */
	for (i = 1; i < nk; i++) {
		const uint8_t *d = kout[i];

		if (d[12] == 0x86 ? d[21] == 64 : d[22] == 64)
			kmerged = 1;
		if (d[12] == 0x08 && c->fixedid && (d[18] << 8 | d[19]) != 100)
			kmerged = 1;
	}
	ok = nk == nl;
	for (i = 0; ok && i < nk; i++)
		ok = kl[i] == ll[i] && !memcmp(kout[i], lout[i], (size_t)kl[i]);
	printf("%s %s%s: kernel %d frames%s, ofl %d frames (%d super-frames)\n",
	       ok ? "ok  " : "FAIL", c->name, nat ? "_nat" : "", nk,
	       kmerged ? " from a fraglist skb" : "", nl, merged);
	if (!ok) {
		for (i = 0; i < nk && i < nl; i++) {
			int b = 0;

			while (b < kl[i] && b < ll[i] &&
			       kout[i][b] == lout[i][b])
				b++;
			if (b == kl[i] && b == ll[i])
				continue;
			printf("  frame %d: kernel %d bytes, ofl %d, first "
			       "difference at byte %d (kernel %02x, ofl "
			       "%02x)\n", i, kl[i], ll[i], b,
			       b < kl[i] ? kout[i][b] : 0,
			       b < ll[i] ? lout[i][b] : 0);
			break;
		}
	}
	/* a case where the kernel built no fraglist skb proves nothing */
	if (ok && merged && !kmerged) {
		printf("FAIL %s: the kernel did not merge (no fraglist skb "
		       "seen), nothing was compared\n", c->name);
		ok = 0;
	}
	return ok;
}

static int hwaddr(int fd, const char *ifn, uint8_t *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifn);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr))
		return -1;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	return 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_ll a;
	unsigned int i, fails = 0, total = 0;
	int big = 8 << 20, t, ok;

	if (argc != 5 || sscanf(argv[4], "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx",
				&sinkmac[0], &sinkmac[1], &sinkmac[2],
				&sinkmac[3], &sinkmac[4], &sinkmac[5]) != 6) {
		fprintf(stderr, "usage: kernel_flist TXIF RXIF OUTIF SINKMAC\n");
		return 2;
	}
	nat = getenv("OFL_FLIST_NAT") != NULL;
	txfd = socket(AF_PACKET, SOCK_RAW, 0);
	capfd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (txfd < 0 || capfd < 0) {
		printf("SKIP: AF_PACKET: %s\n", strerror(errno));
		return 77;
	}
	if (hwaddr(txfd, argv[2], rxmac) || hwaddr(txfd, argv[3], outmac)) {
		perror("SIOCGIFHWADDR");
		return 1;
	}
	txidx = (int)if_nametoindex(argv[1]);
	setsockopt(capfd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big));
	memset(&a, 0, sizeof(a));
	a.sll_family = AF_PACKET;
	a.sll_protocol = htons(ETH_P_ALL);
	a.sll_ifindex = (int)if_nametoindex(argv[3]);
	if (bind(capfd, (struct sockaddr *)&a, sizeof(a))) {
		perror("bind");
		return 1;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* a burst may straddle a jiffy and be flushed early */
		for (t = 0, ok = 0; t < 3 && ok != 1; t++)
			ok = run_case(&cases[i]);
		if (ok < 0)
			return 1;
		total++;
		fails += !ok;
	}
	printf("fraglist forwarding%s: %u cases, %u mismatches (kernel "
	       "GRO rx-gro-list + GSO tx-gso-list off vs lib/gro "
	       "OFL_GRO_F_FRAGLIST + ofl_gso_list_fixup)\n",
	       nat ? " with dnat" : "", total, fails);
	return fails ? 1 : 0;
}
