/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Set a device's u32 link attribute over rtnetlink (RTM_NEWLINK on an
 * existing ifindex), for the BIG TCP sizes iproute2 6.1 (Debian 12) has no
 * keyword for: gso_ipv4_max_size and gro_ipv4_max_size. The numbers are
 * those of include/uapi/linux/if_link.h in Linux 6.3 on (older headers
 * lack them). Test helper, userspace only.
 */
#ifndef OFL_TESTS_LINK_MAX_H
#define OFL_TESTS_LINK_MAX_H

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <errno.h>

#define LM_IFLA_GSO_MAX_SIZE 41
#define LM_IFLA_GRO_MAX_SIZE 58
#define LM_IFLA_GSO_IPV4_MAX_SIZE 63
#define LM_IFLA_GRO_IPV4_MAX_SIZE 64

/* 0, or -1 with errno set (the kernel's answer for a refused value) */
static inline int link_set_u32(int ifindex, unsigned short attr,
			       unsigned int v)
{
	struct {
		struct nlmsghdr n;
		struct ifinfomsg i;
		struct rtattr a;
		unsigned int v;
	} req;
	struct {
		struct nlmsghdr n;
		struct nlmsgerr e;
	} ack;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	ssize_t r;

	if (fd < 0)
		return -1;
	memset(&req, 0, sizeof(req));
	req.n.nlmsg_len = sizeof(req);
	req.n.nlmsg_type = RTM_NEWLINK;
	req.n.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.n.nlmsg_seq = 1;
	req.i.ifi_family = AF_UNSPEC;
	req.i.ifi_index = ifindex;
	req.a.rta_type = attr;
	req.a.rta_len = RTA_LENGTH(sizeof(unsigned int));
	req.v = v;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&sa,
		   sizeof(sa)) < 0) {
		close(fd);
		return -1;
	}
	r = recv(fd, &ack, sizeof(ack), 0);
	close(fd);
	if (r < (ssize_t)sizeof(ack) || ack.n.nlmsg_type != NLMSG_ERROR)
		return -1;
	if (ack.e.error) {
		errno = -ack.e.error;
		return -1;
	}
	return 0;
}

#endif
