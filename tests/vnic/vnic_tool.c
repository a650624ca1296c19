// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vnic_tool: traffic for make check-vnic, run inside the guest (static).
 *   vnic_tool tcp-recv PORT                  -> "tcp bytes N hash H bad B"
 *   vnic_tool tcp-send ADDR PORT BYTES       -> "tcp bytes N hash H"
 *   vnic_tool udp-recv PORT COUNT SECS       -> "udp dgrams N bytes M bad B"
 *   vnic_tool udp-send ADDR PORT DGRAM GSO COUNT  (UDP_SEGMENT if GSO > 0)
 *   vnic_tool flows tcp|udp ADDR PORT N      N flows, one packet each (a
 *                                            SYN or a datagram), each from
 *                                            a new socket (new source port)
 * The byte stream is a fixed pseudo-random sequence (xorshift32 from a
 * constant seed, byte i of the stream is a function of i only), so the
 * receiver checks every byte against what must have been sent, and both
 * ends print a FNV-1a 64 hash of what they sent / received.
 */
#include <arpa/inet.h>
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

static int udp_send(const char *a, int port, int dgram, int gso, long count)
{
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

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "flows"))
		return flows(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]));
	if (argc == 3 && !strcmp(argv[1], "tcp-recv"))
		return tcp_recv(atoi(argv[2]));
	if (argc == 5 && !strcmp(argv[1], "tcp-send"))
		return tcp_send(argv[2], atoi(argv[3]),
				strtoull(argv[4], NULL, 0));
	if (argc == 5 && !strcmp(argv[1], "udp-recv"))
		return udp_recv(atoi(argv[2]), atol(argv[3]), atoi(argv[4]));
	if (argc == 7 && !strcmp(argv[1], "udp-send"))
		return udp_send(argv[2], atoi(argv[3]), atoi(argv[4]),
				atoi(argv[5]), atol(argv[6]));
	fprintf(stderr, "usage: see the comment at the top of vnic_tool.c\n");
	return 2;
}
