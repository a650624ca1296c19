// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vnic_tool: traffic for make check-vnic, run inside the guest (static).
 *   vnic_tool tcp-recv PORT                  -> "tcp bytes N hash H bad B"
 *   vnic_tool tcp-send ADDR PORT BYTES       -> "tcp bytes N hash H"
 *   vnic_tool udp-recv PORT COUNT SECS       -> "udp dgrams N bytes M bad B"
 *   vnic_tool udp-send ADDR PORT DGRAM GSO COUNT [ipopt]
 *                                            (UDP_SEGMENT if GSO > 0; ipopt:
 *                                            IPv4 with 4 bytes of options,
 *                                            IP_OPTIONS NOP NOP NOP END)
 *   vnic_tool flows tcp|udp ADDR PORT N      N flows, one packet each (a
 *                                            SYN or a datagram), each from
 *                                            a new socket (new source port)
 *   vnic_tool gro-send IFACE DMAC 4|6        a fixed burst of TCP segments
 *                                            of two flows (packet socket),
 *                                            made to merge and to flush
 *   vnic_tool segstat FILE                   the TCP segments of a vnet
 *                                            capture counted (SYN, PSH,
 *                                            short, window/ack/tsval
 *                                            changes...)
 *   vnic_tool capture IFACE SECS FILE [PORT [vnet]]
 *                                            every TCP frame from or to
 *                                            PORT (9200) that
 *                                            IFACE receives (len + bytes)
 *                                            into FILE (not ARP/ND noise),
 *                                            until SECS 1-second waits
 *                                            in a row got none; vnet:
 *                                            each with
 *                                            its virtio_net_hdr first
 *                                            (PACKET_VNET_HDR: gso_type,
 *                                            gso_size, csum_start/offset,
 *                                            flags; hdr_len, the skb's
 *                                            linear length, zeroed)
 * The byte stream is a fixed pseudo-random sequence (xorshift32 from a
 * constant seed, byte i of the stream is a function of i only), so the
 * receiver checks every byte against what must have been sent, and both
 * ends print a FNV-1a 64 hash of what they sent / received.
 */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <offload/offload.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif

/* byte i of the stream: a hash of i (position-independent, so a datagram
 * carrying its offset can be checked alone) */
static uint8_t stream_byte(uint64_t i)
{
	uint32_t x = (uint32_t)(i >> 2) * 2654435761u + 0x9e3779b9u;

	x ^= x >> 15;
	x *= 2246822519u;
	x ^= x >> 13;
	return (uint8_t)(x >> (8 * (i & 3)));
}

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n)
{
	while (n--) {
		h ^= *p++;
		h *= 1099511628211ull;
	}
	return h;
}

static int addr_of(const char *a, int port, struct sockaddr_storage *ss,
		   socklen_t *len)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, a, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		*len = sizeof(*s4);
		return AF_INET;
	}
	if (inet_pton(AF_INET6, a, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		*len = sizeof(*s6);
		return AF_INET6;
	}
	fprintf(stderr, "bad address %s\n", a);
	exit(2);
}

static int listen_on(int type, int port)
{
	struct sockaddr_in6 s6;
	int one = 1, fd = socket(AF_INET6, type, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&s6, 0, sizeof(s6));
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons((uint16_t)port);
	s6.sin6_addr = in6addr_any;
	if (bind(fd, (struct sockaddr *)&s6, sizeof(s6)))
		return -1;
	return fd;
}

static int tcp_recv(int port)
{
	static uint8_t buf[1 << 16];
	uint64_t n = 0, bad = 0, h = 14695981039346656037ull;
	int fd = listen_on(SOCK_STREAM, port), c;
	ssize_t r;

	if (fd < 0 || listen(fd, 1)) {
		perror("listen");
		return 1;
	}
	c = accept(fd, NULL, NULL);
	if (c < 0) {
		perror("accept");
		return 1;
	}
	while ((r = read(c, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			bad += buf[i] != stream_byte(n + (uint64_t)i);
		h = fnv(h, buf, (size_t)r);
		n += (uint64_t)r;
	}
	printf("tcp bytes %llu hash %016llx bad %llu\n",
	       (unsigned long long)n, (unsigned long long)h,
	       (unsigned long long)bad);
	return r < 0;
}

static int tcp_send(const char *a, int port, uint64_t bytes)
{
	static uint8_t buf[1 << 16];
	struct sockaddr_storage ss;
	socklen_t sl;
	uint64_t n = 0, h = 14695981039346656037ull;
	int fd, tries;

	fd = socket(addr_of(a, port, &ss, &sl), SOCK_STREAM, 0);
	for (tries = 0; connect(fd, (struct sockaddr *)&ss, sl); tries++) {
		if (tries == 50) {
			perror("connect");
			return 1;
		}
		usleep(100000);
	}
	while (n < bytes) {
		size_t k = sizeof(buf), i;
		ssize_t w;

		if (bytes - n < k)
			k = (size_t)(bytes - n);
		for (i = 0; i < k; i++)
			buf[i] = stream_byte(n + i);
		w = write(fd, buf, k);
		if (w <= 0) {
			perror("write");
			return 1;
		}
		/* a short write: the rest is generated again next round */
		h = fnv(h, buf, (size_t)w);
		n += (uint64_t)w;
	}
	close(fd);
	printf("tcp bytes %llu hash %016llx\n", (unsigned long long)n,
	       (unsigned long long)h);
	return 0;
}

/* each datagram: 8-byte stream offset, then stream bytes from there */
static int udp_recv(int port, long count, int secs)
{
	static uint8_t buf[1 << 16];
	struct timeval tv = { .tv_sec = secs };
	long n = 0, bad = 0;
	uint64_t bytes = 0;
	int fd = listen_on(SOCK_DGRAM, port);
	ssize_t r;

	if (fd < 0) {
		perror("bind");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	printf("ready\n");
	fflush(stdout);
	while (n < count && (r = recv(fd, buf, sizeof(buf), 0)) >= 0) {
		uint64_t off = 0;
		int ok = r >= 8;

		for (int i = 0; i < 8 && ok; i++)
			off = off << 8 | buf[i];
		for (ssize_t i = 8; i < r && ok; i++)
			ok = buf[i] == stream_byte(off + (uint64_t)i);
		bad += !ok;
		bytes += (uint64_t)r;
		n++;
	}
	printf("udp dgrams %ld bytes %llu bad %ld\n", n,
	       (unsigned long long)bytes, bad);
	return 0;
}

static int udp_send(const char *a, int port, int dgram, int gso, long count,
		    int ipopt)
{
	static const uint8_t opt[4] = { 1, 1, 1, 0 };	/* NOP NOP NOP END */
	static uint8_t buf[1 << 16];
	struct sockaddr_storage ss;
	socklen_t sl;
	int fd = socket(addr_of(a, port, &ss, &sl), SOCK_DGRAM, 0);
	int per = gso > 0 ? gso : 1;
	uint64_t off = 0;
	long sent = 0;

	if (gso > 0 && setsockopt(fd, IPPROTO_UDP, UDP_SEGMENT, &dgram,
				  sizeof(dgram))) {
		perror("UDP_SEGMENT");
		return 1;
	}
	if (ipopt && setsockopt(fd, IPPROTO_IP, IP_OPTIONS, opt, sizeof(opt))) {
		perror("IP_OPTIONS");
		return 1;
	}
	while (sent < count) {
		int k = 0, i, j;

		for (i = 0; i < per && sent + i < count; i++, k++) {
			uint8_t *d = buf + (size_t)i * (size_t)dgram;

			for (j = 0; j < 8; j++)
				d[j] = (uint8_t)(off >> (56 - 8 * j));
			for (j = 8; j < dgram; j++)
				d[j] = stream_byte(off + (uint64_t)j);
			off += 1u << 16;
		}
		if (sendto(fd, buf, (size_t)k * (size_t)dgram, 0,
			   (struct sockaddr *)&ss, sl) < 0) {
			perror("sendto");
			return 1;
		}
		sent += k;
		usleep(2000);
	}
	printf("udp sent %ld dgrams of %d (gso %d)\n", sent, dgram, gso);
	return 0;
}

static int flows(const char *proto, const char *a, int port, int n)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int fam = addr_of(a, port, &ss, &sl), i, tcp = !strcmp(proto, "tcp");

	for (i = 0; i < n; i++) {
		int fd = socket(fam, (tcp ? SOCK_STREAM : SOCK_DGRAM) |
					     SOCK_NONBLOCK, 0);

		if (fd < 0) {
			perror("socket");
			return 1;
		}
		if (tcp)
			connect(fd, (struct sockaddr *)&ss, sl);
		else if (sendto(fd, "flow", 4, 0, (struct sockaddr *)&ss,
				sl) < 0)
			perror("sendto");
		usleep(20000);
		close(fd);
	}
	printf("flows %d %s\n", n, proto);
	return 0;
}

static void put16(uint8_t *p, unsigned int v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* one TCP segment: Ethernet, IPv4 (DF, ID) or IPv6, TCP with a timestamp
 * option; checksums computed with ofl (the kernel verifies them anyway) */
static int segment(uint8_t *f, const uint8_t *dmac, int v6, int flow,
		   uint32_t seq, int plen, int psh, int ttl, uint32_t tsval,
		   uint16_t id)
{
	static const uint8_t s4[4] = { 198, 18, 0, 1 };
	static const uint8_t d4[4] = { 198, 18, 0, 2 };
	static const uint8_t s6[16] = { 0x20, 1, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t d6[16] = { 0x20, 1, 0x0d, 0xb8, [15] = 2 };
	int l3 = 14, l4 = l3 + (v6 ? 40 : 20), thl = 32, i;
	uint8_t *ip = f + l3, *th = f + l4;
	ofl_sum16 c;

	memset(f, 0, (size_t)(l4 + thl));
	memcpy(f, dmac, 6);
	memcpy(f + 6, "\xaa\x00\x00\x00\x00\x01", 6);
	put16(f + 12, v6 ? 0x86dd : 0x0800);
	if (v6) {
		ip[0] = 0x60;
		put16(ip + 4, (unsigned int)(thl + plen));
		ip[6] = 6;
		ip[7] = (uint8_t)ttl;
		memcpy(ip + 8, s6, 16);
		memcpy(ip + 24, d6, 16);
	} else {
		ip[0] = 0x45;
		put16(ip + 2, (unsigned int)(20 + thl + plen));
		put16(ip + 4, id);
		put16(ip + 6, 0x4000);
		ip[8] = (uint8_t)ttl;
		ip[9] = 6;
		memcpy(ip + 12, s4, 4);
		memcpy(ip + 16, d4, 4);
		c = ofl_csum_ip_fast(ip, 5);
		memcpy(ip + 10, &c, 2);
	}
	put16(th, (unsigned int)(40000 + flow));
	put16(th + 2, 9200);
	th[4] = (uint8_t)(seq >> 24);
	th[5] = (uint8_t)(seq >> 16);
	th[6] = (uint8_t)(seq >> 8);
	th[7] = (uint8_t)seq;
	th[12] = (uint8_t)((thl / 4) << 4);
	th[13] = (uint8_t)(0x10 | (psh ? 0x08 : 0));	/* ACK [PSH] */
	put16(th + 14, 512);
	th[20] = 1;
	th[21] = 1;
	th[22] = 8;
	th[23] = 10;
	for (i = 0; i < 4; i++)
		th[24 + i] = (uint8_t)(tsval >> (24 - 8 * i));
	for (i = 0; i < plen; i++)
		th[thl + i] = stream_byte(seq + (uint64_t)i +
					  ((uint64_t)flow << 32));
	{
		uint32_t l4len = (uint32_t)(thl + plen), sa, da;
		ofl_wsum sum = ofl_csum_partial(th, l4len, 0);

		if (v6) {
			c = ofl_csum_ipv6_magic(s6, d6, l4len, 6, sum);
		} else {
			memcpy(&sa, s4, 4);
			memcpy(&da, d4, 4);
			c = ofl_csum_tcpudp_magic(sa, da, l4len, 6, sum);
		}
		memcpy(th + 16, &c, 2);
	}
	return l4 + thl + plen;
}

static int packet_socket(const char *ifname, struct sockaddr_ll *ll)
{
	int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));

	memset(ll, 0, sizeof(*ll));
	ll->sll_family = AF_PACKET;
	ll->sll_protocol = htons(ETH_P_ALL);
	ll->sll_ifindex = (int)if_nametoindex(ifname);
	if (fd < 0 || !ll->sll_ifindex ||
	    bind(fd, (struct sockaddr *)ll, sizeof(*ll))) {
		perror("packet socket");
		exit(1);
	}
	return fd;
}

/*
 * The burst: flows 1 and 2 interleaved, 1000-byte segments. Flow 1: 6
 * segments then one with PSH (merged, then flushed), 4 more, a segment
 * with another timestamp (flushes), 3 more; flow 2: 5 segments, one with
 * another TTL / hop limit (flushes), 5 more and a short last one.
 */
static int gro_send(const char *ifname, const char *dmac_s, int v6)
{
	static uint8_t f[2048];
	uint8_t dmac[6];
	struct sockaddr_ll ll;
	int fd = packet_socket(ifname, &ll), i, n = 0;
	uint32_t seq[3] = { 0, 1000000, 2000000 };
	uint16_t id[3] = { 0, 100, 200 };

	if (sscanf(dmac_s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &dmac[0],
		   &dmac[1], &dmac[2], &dmac[3], &dmac[4], &dmac[5]) != 6)
		return 2;
	for (i = 0; i < 15; i++) {
		int flow, len, plen = 1000, psh = 0, ttl = 64;
		uint32_t ts = 7;

		for (flow = 1; flow <= 2; flow++) {
			if (flow == 1 && i == 6)
				psh = 1;
			if (flow == 1 && i == 11)
				ts = 8;
			if (flow == 2 && i == 5)
				ttl = 63;
			if (flow == 2 && i == 12)
				plen = 300;
			if (flow == 2 && i > 12)
				continue;
			len = segment(f, dmac, v6, flow, seq[flow], plen,
				      flow == 1 && psh, flow == 2 ? ttl : 64,
				      flow == 1 ? ts : 7, id[flow]++);
			seq[flow] += (uint32_t)plen;
			if (sendto(fd, f, (size_t)len, 0,
				   (struct sockaddr *)&ll, sizeof(ll)) != len) {
				perror("sendto");
				return 1;
			}
			n++;
		}
	}
	printf("gro-send %d segments\n", n);
	return 0;
}

/* a frame to capture: IPv4/IPv6 (no options), TCP from or to port */
static int burst_frame(const uint8_t *f, ssize_t n, int port)
{
	const uint8_t *th;

	if (n >= 14 + 20 + 4 && f[12] == 0x08 && f[13] == 0x00 &&
	    f[14] == 0x45 && f[23] == 6)
		th = f + 34;
	else if (n >= 14 + 40 + 4 && f[12] == 0x86 && f[13] == 0xdd &&
		 f[20] == 6)
		th = f + 54;
	else
		return 0;
	return (th[0] == port >> 8 && th[1] == (port & 255)) ||
	       (th[2] == port >> 8 && th[3] == (port & 255));
}

static int capture(const char *ifname, int secs, const char *file, int port,
		   int vnet)
{
	static uint8_t buf[sizeof(struct virtio_net_hdr) + (1 << 16) + 1];
	struct timeval tv = { .tv_sec = 1 };
	struct sockaddr_ll ll;
	struct tpacket_stats ps = { 0 };
	socklen_t psl = sizeof(ps);
	/* a replay is delivered in softirq faster than this reads */
	int fd = packet_socket(ifname, &ll), one = 1, n = 0, t, gso = 0;
	int rcvbuf = 128 << 20;
	size_t vl = vnet ? sizeof(struct virtio_net_hdr) : 0;
	FILE *out = fopen(file, "wb");
	char lens[4096] = "";
	size_t lo = 0;
	ssize_t r;

	setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	if (vnet && setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &one,
			       sizeof(one))) {
		perror("PACKET_VNET_HDR");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (t = 0; t < secs;) {
		uint8_t l[4];

		r = recv(fd, buf, sizeof(buf), MSG_TRUNC);
		if (r < 0) {
			t++;
			continue;
		}
		if ((size_t)r < vl || (size_t)r > sizeof(buf) ||
		    !burst_frame(buf + vl, r - (ssize_t)vl, port))
			continue;
		if (vnet) {
			struct virtio_net_hdr *vh = (void *)buf;

			gso += vh->gso_type != VIRTIO_NET_HDR_GSO_NONE;
			vh->hdr_len = 0;	/* layout, not content */
		}
		l[0] = (uint8_t)(r >> 24);
		l[1] = (uint8_t)(r >> 16);
		l[2] = (uint8_t)(r >> 8);
		l[3] = (uint8_t)r;
		fwrite(l, 1, 4, out);
		/* MSG_TRUNC: r is the frame's length, at most 64 KiB */
		fwrite(buf, 1, (size_t)r, out);
		t = 0;	/* SECS idle seconds after the last frame */
		if (lo + 16 < sizeof(lens))
			lo += (size_t)snprintf(lens + lo, sizeof(lens) - lo,
					       " %zd", r);
		n++;
	}
	fclose(out);
	getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &ps, &psl);
	printf("capture %d frames, gso %d, drops %u, lengths%s\n", n, gso,
	       ps.tp_drops, lens);
	return 0;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* how many distinct values a field took: changes between one segment and
 * the next, which is what GRO looks at */
struct field_changes {
	uint32_t last;
	long changes;
	int seen;
};

static void field_see(struct field_changes *f, uint32_t v)
{
	if (f->seen && v != f->last)
		f->changes++;
	f->last = v;
	f->seen = 1;
}

/* offset of TCP option kind in th[0, thl), 0 if absent */
static uint32_t tcp_opt(const uint8_t *th, uint32_t thl, uint8_t kind)
{
	uint32_t i = 20;

	while (i < thl && th[i] != 0) {
		if (th[i] == 1) {
			i++;
			continue;
		}
		if (i + 1 >= thl || th[i + 1] < 2 || i + th[i + 1] > thl)
			break;
		if (th[i] == kind)
			return i;
		i += th[i + 1];
	}
	return 0;
}

/* the TCP segments of a capture file (capture ... vnet, GRO off): what the
 * flow put on the wire, counted */
static int segstat(const char *file)
{
	static uint8_t buf[sizeof(struct virtio_net_hdr) + (1 << 16) + 1];
	struct field_changes win = { 0 }, ack = { 0 }, ts = { 0 };
	long n = 0, syn = 0, psh = 0, fin = 0, empty = 0, full = 0, shrt = 0;
	long ooo = 0;
	uint32_t mss = 0, next = 0;
	FILE *in = fopen(file, "rb");
	uint8_t l[4];

	if (!in) {
		perror(file);
		return 1;
	}
	while (fread(l, 1, 4, in) == 4) {
		size_t len = get32(l), vl = sizeof(struct virtio_net_hdr);
		const uint8_t *f = buf + vl, *th;
		uint32_t ihl, thl, plen, seq, i;

		if (len > sizeof(buf) || len < vl + 14 ||
		    fread(buf, 1, len, in) != len)
			return 1;
		len -= vl;
		if (f[12] == 0x08) {
			ihl = (f[14] & 15u) * 4;
			plen = (uint32_t)(f[16] << 8 | f[17]) + 14;
		} else {
			ihl = 40;
			plen = (uint32_t)(f[18] << 8 | f[19]) + 54;
		}
		th = f + 14 + ihl;
		thl = (th[12] >> 4) * 4u;
		if (14 + ihl + thl > len || plen > len)
			return 1;
		plen -= 14 + ihl + thl;
		seq = get32(th + 4);
		n++;
		syn += (th[13] & 2) != 0;
		fin += (th[13] & 1) != 0;
		psh += (th[13] & 8) != 0;
		if (th[13] & 2) {	/* MSS option of the SYN */
			i = tcp_opt(th, thl, 2);
			if (i && th[i + 1] == 4)
				mss = (uint32_t)(th[i + 2] << 8 | th[i + 3]);
			next = seq + 1;
			continue;
		}
		if (seq != next && plen)
			ooo++;
		if (plen)
			next = seq + plen;
		empty += plen == 0;
		field_see(&win, (uint32_t)(th[14] << 8 | th[15]));
		field_see(&ack, get32(th + 8));
		i = tcp_opt(th, thl, 8);
		if (i && th[i + 1] == 10)
			field_see(&ts, get32(th + i + 2));
		if (plen && mss && plen >= mss - 12)	/* MSS less the timestamps */
			full++;
		else if (plen)
			shrt++;
	}
	fclose(in);
	printf("segstat %ld segments: syn %ld, pure ack %ld, full %ld, short %ld, psh %ld, fin %ld, out of order %ld, window changes %ld, ack changes %ld, tsval changes %ld, mss %u\n",
	       n, syn, empty, full, shrt, psh, fin, ooo, win.changes,
	       ack.changes, ts.changes, mss);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "segstat"))
		return segstat(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "gro-send"))
		return gro_send(argv[2], argv[3], atoi(argv[4]) == 6);
	if (argc >= 5 && argc <= 7 && !strcmp(argv[1], "capture"))
		return capture(argv[2], atoi(argv[3]), argv[4],
			       argc > 5 ? atoi(argv[5]) : 9200,
			       argc > 6 && !strcmp(argv[6], "vnet"));
	if (argc == 6 && !strcmp(argv[1], "flows"))
		return flows(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]));
	if (argc == 3 && !strcmp(argv[1], "tcp-recv"))
		return tcp_recv(atoi(argv[2]));
	if (argc == 5 && !strcmp(argv[1], "tcp-send"))
		return tcp_send(argv[2], atoi(argv[3]),
				strtoull(argv[4], NULL, 0));
	if (argc == 5 && !strcmp(argv[1], "udp-recv"))
		return udp_recv(atoi(argv[2]), atol(argv[3]), atoi(argv[4]));
	if ((argc == 7 || (argc == 8 && !strcmp(argv[7], "ipopt"))) &&
	    !strcmp(argv[1], "udp-send"))
		return udp_send(argv[2], atoi(argv[3]), atoi(argv[4]),
				atoi(argv[5]), atol(argv[6]), argc == 8);
	fprintf(stderr, "usage: see the comment at the top of vnic_tool.c\n");
	return 2;
}
