// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <string.h>
#include <offload/parser.h>
#include "link.h"
#include "common/proto.h"	/* lib/'s protocol constants */

int link_supported(int lt)
{
	switch (lt) {
	case LINK_EN10MB: case LINK_PPP: case LINK_RAW: case LINK_LINUX_SLL:
	case LINK_IPV4: case LINK_IPV6: case LINK_LINUX_SLL2:
		return 1;
	default:
		return 0;
	}
}

static unsigned int root_of_type(unsigned int type)
{
	return type == OFL_ETH_P_IP ? OFL_PROTO_IPV4 :
	       type == OFL_ETH_P_IPV6 ? OFL_PROTO_IPV6 : 0;
}

unsigned int link_root(int lt, const uint8_t *d, size_t len, size_t *off,
		       int *err)
{
	unsigned int type;

	*off = 0;
	*err = OFL_ENODATA;
	switch (lt) {
	case LINK_EN10MB:
		return OFL_PROTO_ETH;
	case LINK_IPV4:
		return OFL_PROTO_IPV4;	/* the parser checks the version */
	case LINK_IPV6:
		return OFL_PROTO_IPV6;
	case LINK_RAW:
		if (!len)
			return 0;
		*err = OFL_EPROTONOSUPPORT;
		return d[0] >> 4 == 4 ? OFL_PROTO_IPV4 :
		       d[0] >> 4 == 6 ? OFL_PROTO_IPV6 : 0;
	case LINK_LINUX_SLL:
		/* 16 bytes: packet type, ARPHRD, address length, 8 address
		 * bytes, then the protocol (ethertype) */
		if (len < 16)
			return 0;
		*off = 16;
		*err = OFL_EPROTONOSUPPORT;
		return root_of_type((unsigned int)d[14] << 8 | d[15]);
	case LINK_LINUX_SLL2:
		/* 20 bytes: protocol (ethertype), reserved, interface index,
		 * ARPHRD, packet type, address length, 8 address bytes */
		if (len < 20)
			return 0;
		*off = 20;
		*err = OFL_EPROTONOSUPPORT;
		return root_of_type((unsigned int)d[0] << 8 | d[1]);
	case LINK_PPP:
		/* RFC 1661/1662: optional ff 03 (address, control), then a
		 * 2-byte protocol; compressed protocol fields not handled */
		if (len >= 2 && d[0] == 0xff && d[1] == 0x03)
			*off = 2;
		if (len < *off + 2)
			return 0;
		*err = OFL_EPROTONOSUPPORT;
		type = (unsigned int)d[*off] << 8 | d[*off + 1];
		*off += 2;
		return type == OFL_PPP_IP ? OFL_PROTO_IPV4 :
		       type == OFL_PPP_IPV6 ? OFL_PROTO_IPV6 : 0;
	default:
		*err = OFL_EPROTONOSUPPORT;
		return 0;
	}
}

size_t link_to_eth(int lt, const uint8_t *d, size_t len, uint8_t *out,
		   size_t cap, size_t *hdr)
{
	size_t off;
	int err;
	unsigned int root = link_root(lt, d, len, &off, &err);

	*hdr = off;
	if (root == OFL_PROTO_ETH) {
		if (len > cap)
			return 0;
		memcpy(out, d, len);
		return len;
	}
	if (!root || len - off + 14 > cap)
		return 0;
	memset(out, 0, 12);
	out[12] = root == OFL_PROTO_IPV4 ? 0x08 : 0x86;
	out[13] = root == OFL_PROTO_IPV4 ? 0x00 : 0xdd;
	memcpy(out + 14, d + off, len - off);
	return len - off + 14;
}

size_t link_from_eth(int lt, const uint8_t *hdr, size_t hdr_len,
		     const uint8_t *eth, size_t len, uint8_t *out, size_t cap)
{
	if (lt == LINK_EN10MB) {
		if (len > cap)
			return 0;
		memcpy(out, eth, len);
		return len;
	}
	if (len < 14 || len - 14 + hdr_len > cap)
		return 0;
	memcpy(out, hdr, hdr_len);
	memcpy(out + hdr_len, eth + 14, len - 14);
	return len - 14 + hdr_len;
}
