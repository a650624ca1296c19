// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A device's ofl identities from devlink dev info, over generic netlink
 * (no library: two requests, CTRL_CMD_GETFAMILY "devlink" then
 * DEVLINK_CMD_INFO_GET with the bus and device name). The reply's layout
 * is devlink_nl_info_fill()'s (net/devlink/dev.c): bus, device, driver
 * name, then one DEVLINK_ATTR_INFO_VERSION_{FIXED,RUNNING,STORED} nest per
 * version with its NAME and VALUE strings.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <net/if.h>
#include <linux/devlink.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include "id_devlink.h"

struct nl_attr {
	uint16_t type;
	const uint8_t *data;
	size_t len;
};

/* 1 and the next attribute in @a, 0 at the end, -1 if malformed */
static int next_attr(const uint8_t **p, size_t *left, struct nl_attr *a,
		     char *err, size_t errlen)
{
	struct nlattr h;
	size_t step;

	if (!*left)
		return 0;
	if (*left < NLA_HDRLEN) {
		snprintf(err, errlen, "netlink attribute cut short (%zu bytes)",
			 *left);
		return -1;
	}
	memcpy(&h, *p, sizeof(h));
	if (h.nla_len < NLA_HDRLEN || h.nla_len > *left) {
		snprintf(err, errlen, "netlink attribute length %u with %zu "
			 "bytes left", h.nla_len, *left);
		return -1;
	}
	a->type = h.nla_type & NLA_TYPE_MASK;
	a->data = *p + NLA_HDRLEN;
	a->len = h.nla_len - NLA_HDRLEN;
	step = NLA_ALIGN(h.nla_len);
	if (step > *left)
		step = *left;
	*p += step;
	*left -= step;
	return 1;
}

/* a NUL-terminated string attribute, or NULL */
static const char *attr_str(const struct nl_attr *a)
{
	if (!a->len || a->data[a->len - 1])
		return NULL;
	return (const char *)a->data;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int add_entry(struct ofl_id_set *set, const char *name,
		     const char *value, char *err, size_t errlen)
{
	const char *m = name + strlen(OFL_ID_DEVLINK_PREFIX);
	struct ofl_id_record r;
	unsigned int i;

	memset(&r, 0, sizeof(r));
	if (!*m || strlen(m) >= sizeof(r.module)) {
		snprintf(err, errlen, "%s: not an ofl module name (1 to %zu "
			 "characters)", name, sizeof(r.module) - 1);
		return -1;
	}
	memcpy(r.module, m, strlen(m));
	if (strlen(value) != 2 * OFL_ID_DIGEST_LEN) {
		snprintf(err, errlen, "%s: value '%s' is not a SHA-256 (%d hex "
			 "digits)", name, value, 2 * OFL_ID_DIGEST_LEN);
		return -1;
	}
	for (i = 0; i < OFL_ID_DIGEST_LEN; i++) {
		int hi = hexval(value[2 * i]), lo = hexval(value[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			snprintf(err, errlen, "%s: value '%s' is not hex",
				 name, value);
			return -1;
		}
		r.sha256[i] = (uint8_t)(hi << 4 | lo);
	}
	for (i = 0; i < set->n; i++) {
		if (strcmp(set->rec[i].module, r.module))
			continue;
		if (!memcmp(set->rec[i].sha256, r.sha256, sizeof(r.sha256)))
			return 0;
		snprintf(err, errlen, "two different values of %s", name);
		return -1;
	}
	if (set->n == OFL_ID_MAX_RECORDS) {
		snprintf(err, errlen, "too many %s* entries",
			 OFL_ID_DEVLINK_PREFIX);
		return -1;
	}
	set->rec[set->n++] = r;
	return 0;
}

/* one DEVLINK_ATTR_INFO_VERSION_RUNNING nest */
static int running(const struct nl_attr *nest, struct ofl_id_set *set,
		   char *err, size_t errlen)
{
	const uint8_t *p = nest->data;
	size_t left = nest->len;
	const char *name = NULL, *value = NULL;
	struct nl_attr a;
	int rc;

	while ((rc = next_attr(&p, &left, &a, err, errlen)) > 0) {
		if (a.type == DEVLINK_ATTR_INFO_VERSION_NAME)
			name = attr_str(&a);
		else if (a.type == DEVLINK_ATTR_INFO_VERSION_VALUE)
			value = attr_str(&a);
	}
	if (rc < 0)
		return -1;
	if (!name || strncmp(name, OFL_ID_DEVLINK_PREFIX,
			     strlen(OFL_ID_DEVLINK_PREFIX)))
		return 0;
	if (!value) {
		snprintf(err, errlen, "%s: no value", name);
		return -1;
	}
	return add_entry(set, name, value, err, errlen);
}

int ofl_id_devlink_parse(const void *attrs, size_t len, struct ofl_id_set *set,
			 char *err, size_t errlen)
{
	const uint8_t *p = attrs;
	struct nl_attr a;
	int rc;

	set->n = 0;
	while ((rc = next_attr(&p, &len, &a, err, errlen)) > 0)
		if (a.type == DEVLINK_ATTR_INFO_VERSION_RUNNING &&
		    running(&a, set, err, errlen))
			return -1;
	return rc;
}

/* ---------------------------------------------------------- netlink I/O */

struct nl_req {
	struct nlmsghdr n;
	struct genlmsghdr g;
	uint8_t attrs[256];
};

static void put_str(struct nl_req *r, uint16_t type, const char *s)
{
	size_t len = strlen(s) + 1, off = r->n.nlmsg_len - NLMSG_HDRLEN -
		GENL_HDRLEN;
	struct nlattr h = { .nla_len = (uint16_t)(NLA_HDRLEN + len),
			    .nla_type = type };

	/* callers keep names short (checked in ofl_id_read_device) */
	memcpy(r->attrs + off, &h, sizeof(h));
	memcpy(r->attrs + off + NLA_HDRLEN, s, len);
	r->n.nlmsg_len += (uint32_t)NLA_ALIGN(h.nla_len);
}

static void req_init(struct nl_req *r, uint16_t family, uint8_t cmd,
		     uint8_t version, uint32_t seq)
{
	memset(r, 0, sizeof(*r));
	r->n.nlmsg_len = NLMSG_HDRLEN + GENL_HDRLEN;
	r->n.nlmsg_type = family;
	r->n.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r->n.nlmsg_seq = seq;
	r->g.cmd = cmd;
	r->g.version = version;
}

typedef int (*nl_reply_fn)(const uint8_t *attrs, size_t len, void *arg,
			   char *err, size_t errlen);

/*
 * Sends @r, hands each reply of type @r->n.nlmsg_type to @fn until the
 * ACK. Returns 0, a positive errno from the kernel (its NLMSG_ERROR), or
 * -1 with a message in @err.
 */
static int nl_talk(int fd, struct nl_req *r, nl_reply_fn fn, void *arg,
		   char *err, size_t errlen)
{
	static uint8_t buf[65536];

	if (send(fd, r, r->n.nlmsg_len, 0) < 0) {
		snprintf(err, errlen, "netlink send: %s", strerror(errno));
		return -1;
	}
	for (;;) {
		ssize_t got = recv(fd, buf, sizeof(buf), 0);
		const struct nlmsghdr *h = (const void *)buf;
		int len = (int)got;

		if (got < 0) {
			snprintf(err, errlen, "netlink recv: %s",
				 strerror(errno));
			return -1;
		}
		for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_seq != r->n.nlmsg_seq)
				continue;
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr e;

				if (h->nlmsg_len < NLMSG_LENGTH(sizeof(e))) {
					snprintf(err, errlen, "short netlink "
						 "error message");
					return -1;
				}
				memcpy(&e, NLMSG_DATA(h), sizeof(e));
				return -e.error;
			}
			if (h->nlmsg_type != r->n.nlmsg_type ||
			    h->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN))
				continue;
			if (fn((const uint8_t *)NLMSG_DATA(h) + GENL_HDRLEN,
			       h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN), arg,
			       err, errlen))
				return -1;
		}
	}
}

static int family_reply(const uint8_t *p, size_t len, void *arg, char *err,
			size_t errlen)
{
	struct nl_attr a;
	int rc;

	while ((rc = next_attr(&p, &len, &a, err, errlen)) > 0)
		if (a.type == CTRL_ATTR_FAMILY_ID && a.len >= 2)
			memcpy(arg, a.data, 2);
	return rc;
}

static int info_reply(const uint8_t *p, size_t len, void *arg, char *err,
		      size_t errlen)
{
	return ofl_id_devlink_parse(p, len, arg, err, errlen);
}

static int query(const char *bus, const char *name, const char *handle,
		 struct ofl_id_set *set, char *err, size_t errlen)
{
	struct timeval tv = { .tv_sec = 5 };
	struct nl_req r;
	uint16_t family = 0;
	int fd, rc;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0) {
		snprintf(err, errlen, "generic netlink: %s", strerror(errno));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	req_init(&r, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 1);
	put_str(&r, CTRL_ATTR_FAMILY_NAME, DEVLINK_GENL_NAME);
	rc = nl_talk(fd, &r, family_reply, &family, err, errlen);
	if (rc > 0 || (!rc && !family)) {
		snprintf(err, errlen, "the kernel has no devlink (generic "
			 "netlink family \"%s\": %s)", DEVLINK_GENL_NAME,
			 rc > 0 ? strerror(rc) : "no id");
		rc = -1;
	}
	if (!rc) {
		req_init(&r, family, DEVLINK_CMD_INFO_GET,
			 DEVLINK_GENL_VERSION, 2);
		put_str(&r, DEVLINK_ATTR_BUS_NAME, bus);
		put_str(&r, DEVLINK_ATTR_DEV_NAME, name);
		set->n = 0;
		rc = nl_talk(fd, &r, info_reply, set, err, errlen);
		if (rc > 0) {
			snprintf(err, errlen, "devlink dev info %s: %s%s",
				 handle, strerror(rc), rc == ENODEV ?
				 " (no devlink instance of that name in this "
				 "network namespace)" : "");
			rc = -1;
		}
	}
	close(fd);
	return rc;
}

/* bus and device name of netdev @dev from sysfs */
static int netdev_handle(const char *dev, char *bus, char *name, char *err,
			 size_t errlen)
{
	char path[PATH_MAX], real[PATH_MAX];
	const char *b;

	snprintf(path, sizeof(path), "/sys/class/net/%s", dev);
	if (strlen(dev) >= IFNAMSIZ || !strcmp(dev, ".") ||
	    !strcmp(dev, "..") || access(path, F_OK)) {
		snprintf(err, errlen, "no network device %s in this network "
			 "namespace", dev);
		return -1;
	}
	snprintf(path, sizeof(path), "/sys/class/net/%s/device", dev);
	if (!realpath(path, real)) {
		snprintf(err, errlen, "%s has no device behind it (a software "
			 "device: no devlink, not an ofl device)", dev);
		return -1;
	}
	b = strrchr(real, '/');
	b = b ? b + 1 : real;
	if (strlen(b) >= 128) {
		snprintf(err, errlen, "%s: device name too long", dev);
		return -1;
	}
	memcpy(name, b, strlen(b) + 1);
	snprintf(path, sizeof(path), "/sys/class/net/%s/device/subsystem", dev);
	if (!realpath(path, real)) {
		snprintf(err, errlen, "%s: its device has no bus", dev);
		return -1;
	}
	b = strrchr(real, '/');
	b = b ? b + 1 : real;
	if (strlen(b) >= 128) {
		snprintf(err, errlen, "%s: bus name too long", dev);
		return -1;
	}
	memcpy(bus, b, strlen(b) + 1);
	return 0;
}

int ofl_id_read_device(const char *dev, char *handle, size_t hlen,
		       struct ofl_id_set *set, char *err, size_t errlen)
{
	char bus[128], name[128];
	const char *slash = strchr(dev, '/');

	set->n = 0;
	if (slash) {
		if (slash == dev || !slash[1] ||
		    (size_t)(slash - dev) >= sizeof(bus) ||
		    strlen(slash + 1) >= sizeof(name)) {
			snprintf(err, errlen, "bad devlink handle '%s' (BUS/NAME, "
				 "e.g. platform/ofl_vnic.0)", dev);
			return -1;
		}
		memcpy(bus, dev, (size_t)(slash - dev));
		bus[slash - dev] = 0;
		snprintf(name, sizeof(name), "%s", slash + 1);
	} else if (netdev_handle(dev, bus, name, err, errlen)) {
		return -1;
	}
	snprintf(handle, hlen, "%s/%s", bus, name);
	if (query(bus, name, handle, set, err, errlen))
		return -1;
	if (!set->n) {
		snprintf(err, errlen, "devlink dev info %s reports no %s* "
			 "version in its running group: not an ofl device",
			 handle, OFL_ID_DEVLINK_PREFIX);
		return -1;
	}
	return 0;
}
