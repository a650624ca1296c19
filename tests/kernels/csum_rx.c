// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Receive checksum verdicts, frame by frame, against the kernel this runs
 * on. Frames with good, corrupted and zero UDP/TCP checksums over IPv4 and
 * IPv6 are sent with AF_PACKET on TXIF, the peer of the veth RXIF (which
 * has 198.18.1.2/24 and 2001:db8:1::2/64, rx checksum offload off). After
 * each frame a good UDP "fence" datagram to a bound socket is sent; once
 * the fence arrives the kernel has finished with the frame (one CPU, one
 * backlog queue, FIFO), and the checksum error counters (Udp, Udp6, Tcp
 * InCsumErrors) say whether the kernel found its checksum bad: that is the
 * kernel's verdict for this frame. ofl_csum_verify_complete() on the same
 * bytes (whole-frame CHECKSUM_COMPLETE sum, as a device gives it; layers
 * from ofl_parse() and ofl_csum_layers_from_parse()) must say OFL_ECSUM
 * for exactly those frames.
 *
 * Nothing listens on the test ports: a zero UDP checksum over IPv6 is then
 * an error (__udp6_lib_rcv: "if (!uh->check) goto report_csum_error"), as
 * ofl says without OFL_CSUM_L_UDP6_ZERO_OK; TCP to a closed port is checked
 * before the reset (tcp_v4_rcv/tcp_v6_rcv: no_tcp_socket ->
 * tcp_checksum_complete -> csum_error).
 *
 * Prints "group udp4|udp6|tcp4|tcp6 N cases M mismatches" and the first
 * mismatching frames; exit 1 on any mismatch.
 *
 * usage: csum_rx TXIF RXIF [frames]
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <offload/csum.h>
#include <offload/parser.h>

#define FENCE_PORT 7777

static uint8_t dmac[6];
static const uint8_t smac[6] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t s4[4] = { 198, 18, 1, 1 }, d4[4] = { 198, 18, 1, 2 };
static const uint8_t s6[16] = { 0x20, 1, 0xd, 0xb8, 0, 1, [15] = 1 };
static const uint8_t d6[16] = { 0x20, 1, 0xd, 0xb8, 0, 1, [15] = 2 };
static int txfd, fencefd, txidx;
static uint64_t rs = 0x0f1c5a11ULL;

static uint32_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (uint32_t)(rs >> 11);
}

/* an independent reference sum (not lib/csum): RFC 1071 over bytes */
static uint32_t sum16(const uint8_t *p, size_t n, uint32_t s)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

enum { K_GOOD, K_PAYLOAD, K_CSUM, K_ZERO };

/* Build frame @i into @f; returns its length, @kind and @grp set. */
static size_t build(uint8_t *f, int v6, int udp, int kind, size_t n,
		    uint16_t dport)
{
	size_t l3 = 14, l4 = v6 ? 54 : 34, hl = udp ? 8 : 20, len, j;
	uint32_t ps;
	unsigned c, off = udp ? 6 : 16;
	uint8_t *h = f + l4;

	memcpy(f, dmac, 6);
	memcpy(f + 6, smac, 6);
	put16(f + 12, v6 ? 0x86dd : 0x0800);
	memset(h, 0, hl);
	put16(h, 1024 + rnd() % 50000);
	put16(h + 2, dport);
	if (udp) {
		put16(h + 4, (unsigned)(hl + n));
	} else {
		uint32_t seq = rnd();

		h[4] = (uint8_t)(seq >> 24);
		h[5] = (uint8_t)(seq >> 16);
		h[6] = (uint8_t)(seq >> 8);
		h[7] = (uint8_t)seq;
		h[12] = 0x50;
		h[13] = 0x02;	/* SYN */
		put16(h + 14, 1024);
	}
	for (j = 0; j < n; j++)
		h[hl + j] = (uint8_t)rnd();
	len = l4 + hl + n;
	if (v6) {
		memset(f + l3, 0, 40);
		f[l3] = 0x60;
		put16(f + l3 + 4, (unsigned)(hl + n));
		f[l3 + 6] = udp ? 17 : 6;
		f[l3 + 7] = 64;
		memcpy(f + l3 + 8, s6, 16);
		memcpy(f + l3 + 24, d6, 16);
		ps = sum16(s6, 16, 0);
		ps = sum16(d6, 16, ps);
	} else {
		memset(f + l3, 0, 20);
		f[l3] = 0x45;
		put16(f + l3 + 2, (unsigned)(20 + hl + n));
		put16(f + l3 + 4, rnd() & 0xffff);
		f[l3 + 8] = 64;
		f[l3 + 9] = udp ? 17 : 6;
		memcpy(f + l3 + 12, s4, 4);
		memcpy(f + l3 + 16, d4, 4);
		put16(f + l3 + 10, 0xffff - sum16(f + l3, 20, 0));
		ps = sum16(s4, 4, 0);
		ps = sum16(d4, 4, ps);
	}
	ps += (uint32_t)(udp ? 17 : 6) + (uint32_t)(hl + n);
	c = 0xffff - sum16(h, hl + n, ps);
	if (!c && udp)
		c = 0xffff;
	put16(h + off, c);
	if (kind == K_PAYLOAD && n)	/* a payload bit (a header byte could
					 * make the packet malformed first) */
		h[hl + rnd() % n] ^= (uint8_t)(1u << (rnd() % 8));
	else if (kind == K_CSUM)
		h[off] ^= 0x10;
	else if (kind == K_ZERO && udp)
		put16(h + off, 0);
	return len;
}

/* Udp, Udp6, Tcp InCsumErrors (Tcp counts both families) */
static int counters(long v[3])
{
	char line[4096], names[4096] = "";
	FILE *fp = fopen("/proc/net/snmp", "r");
	int have = 0;

	v[0] = v[1] = v[2] = -1;
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		char *save, *a, *b, *sa, *sb;
		int k;

		if (strncmp(line, "Udp: ", 5) && strncmp(line, "Tcp: ", 5))
			continue;
		if (!(line[5] >= '0' && line[5] <= '9') && line[5] != '-') {
			memcpy(names, line, sizeof(names));
			continue;
		}
		k = line[0] == 'U' ? 0 : 2;
		a = strtok_r(names, " \n", &sa);
		b = strtok_r(line, " \n", &sb);
		while (a && b) {
			if (!strcmp(a, "InCsumErrors")) {
				v[k] = atol(b);
				have++;
			}
			a = strtok_r(NULL, " \n", &sa);
			b = strtok_r(NULL, " \n", &sb);
		}
		(void)save;
	}
	fclose(fp);
	fp = fopen("/proc/net/snmp6", "r");
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp))
		if (!strncmp(line, "Udp6InCsumErrors", 16)) {
			v[1] = atol(line + 16);
			have++;
		}
	fclose(fp);
	return have == 3 ? 0 : -1;
}

static int send_frame(const uint8_t *f, size_t len)
{
	struct sockaddr_ll a;

	memset(&a, 0, sizeof(a));
	a.sll_family = AF_PACKET;
	a.sll_ifindex = txidx;
	a.sll_halen = 6;
	memcpy(a.sll_addr, dmac, 6);
	return sendto(txfd, f, len, 0, (struct sockaddr *)&a, sizeof(a)) ==
	       (ssize_t)len ? 0 : -1;
}

/* the fence: a good UDP datagram to FENCE_PORT, and wait for it */
static int fence(void)
{
	static uint8_t f[128], b[64];
	struct pollfd pf = { .fd = fencefd, .events = POLLIN };
	size_t len = build(f, 0, 1, K_GOOD, 4, FENCE_PORT);

	if (send_frame(f, len))
		return -1;
	for (;;) {
		if (poll(&pf, 1, 2000) <= 0)
			return -1;
		if (recv(fencefd, b, sizeof(b), 0) >= 0)
			return 0;
	}
}

/* ofl's verdict: 1 when ofl_csum_verify_complete() says OFL_ECSUM over
 * the layers ofl_csum_layers_from_parse() finds; -1 if it does not find
 * the frame's one TCP/UDP checksum (a mismatch whatever the kernel says) */
static int ofl_bad(const uint8_t *f, size_t n)
{
	static struct ofl_parse_result pr;
	struct ofl_csum_layers ly;
	struct ofl_csum_state st;
	uint8_t res[OFL_CSUM_MAX_LAYERS];
	size_t l3 = 14;

	ofl_parse(f, f + n, OFL_PROTO_ETH, &pr, sizeof(pr));
	if (ofl_csum_layers_from_parse(&pr, sizeof(pr), f, f + n, &ly,
				       sizeof(ly)) || ly.n != 1 ||
	    (ly.l[0].proto != 6 && ly.l[0].proto != 17))
		return -1;
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_COMPLETE;
	st.csum_start = (uint16_t)l3;
	st.csum = ofl_csum_partial(f + l3, n - l3, 0);
	return ofl_csum_verify_complete(f, f + n, &st, &ly, res) == OFL_ECSUM;
}

int main(int argc, char **argv)
{
	static const char *const gname[4] = { "udp4", "udp6", "tcp4", "tcp6" };
	static const char *const kname[4] = { "good", "payload bit flipped",
					       "checksum flipped", "zero" };
	static uint8_t f[2048];
	struct sockaddr_in fa;
	struct ifreq ifr;
	cpu_set_t cpus;
	int nframes = argc > 3 ? atoi(argv[3]) : 600, i, shown = 0;
	int n[4] = { 0 }, m[4] = { 0 }, kbad = 0;
	long before[3], after[3];

	if (argc < 3) {
		fprintf(stderr, "usage: csum_rx TXIF RXIF [frames]\n");
		return 2;
	}
	/* one CPU: the frame and its fence share one backlog queue */
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	sched_setaffinity(0, sizeof(cpus), &cpus);
	txfd = socket(AF_PACKET, SOCK_RAW, 0);
	fencefd = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", argv[2]);
	if (txfd < 0 || fencefd < 0 || ioctl(txfd, SIOCGIFHWADDR, &ifr)) {
		printf("csum_rx: sockets: %s\n", strerror(errno));
		return 1;
	}
	memcpy(dmac, ifr.ifr_hwaddr.sa_data, 6);
	txidx = (int)if_nametoindex(argv[1]);
	memset(&fa, 0, sizeof(fa));
	fa.sin_family = AF_INET;
	fa.sin_port = htons(FENCE_PORT);
	memcpy(&fa.sin_addr, d4, 4);
	if (!txidx || bind(fencefd, (struct sockaddr *)&fa, sizeof(fa))) {
		printf("csum_rx: bind: %s\n", strerror(errno));
		return 1;
	}
	if (fence() || counters(before)) {
		printf("csum_rx: the fence did not arrive or no counters\n");
		return 1;
	}
	for (i = 0; i < nframes; i++) {
		int v6 = i & 1, udp = i % 3 != 0, kind = (int)(rnd() % 6);
		int g = (udp ? 0 : 2) + v6, kb, ob;
		size_t len, plen = rnd() % 1200;

		if (kind > K_ZERO)
			kind = K_GOOD;
		len = build(f, v6, udp, kind, plen, 9);
		if (send_frame(f, len) || fence() || counters(after)) {
			printf("csum_rx: frame %d: send, fence or counters "
			       "failed: %s\n", i, strerror(errno));
			return 1;
		}
		kb = after[0] != before[0] || after[1] != before[1] ||
		     after[2] != before[2];
		/* the counter of the right protocol, and only one step */
		if (kb && ((after[0] - before[0]) + (after[1] - before[1]) +
			   (after[2] - before[2]) != 1 ||
			   after[udp ? v6 : 2] == before[udp ? v6 : 2]))
			kb = 2;
		memcpy(before, after, sizeof(before));
		ob = ofl_bad(f, len);
		n[g]++;
		kbad += kb != 0;
		if (kb != ob) {
			m[g]++;
			if (shown++ < 10)
				printf("MISMATCH frame %d %s %s payload %zu: "
				       "kernel %s, ofl %s\n", i, gname[g],
				       kname[kind], plen,
				       kb == 2 ? "counted in another counter"
				       : kb ? "checksum error" : "accepted",
				       ob < 0 ? "no layer listed" :
				       ob ? "OFL_ECSUM" : "good");
		}
	}
	for (i = 0; i < 4; i++)
		printf("group %s %d cases %d mismatches\n", gname[i], n[i],
		       m[i]);
	printf("csum_rx: %d frames, the kernel counted %d checksum errors\n",
	       nframes, kbad);
	return m[0] + m[1] + m[2] + m[3] ? 1 : 0;
}
