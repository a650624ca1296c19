// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl parse [--json] [--vxlan-port N] [--geneve-port N] [--vxlan-gpe-port N]
 *           FILE.pcap
 * The layers of every frame (lib/parser). The port options (repeatable)
 * add UDP destination ports to the tunnel port table, which starts with
 * the IANA ports (struct ofl_parse_cfg, ofl_parse_with()).
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <pcap/dlt.h>
#include <offload/parser.h>
#include "cmds.h"
#include "pcapio.h"
#include "parser_fmt.h"

static uint16_t add16(unsigned int a, unsigned int b)
{
	return (uint16_t)(a + b > 0xffffu ? 0xffffu : a + b);
}

/*
 * The link layer of a non-Ethernet capture is no layer of the parse graph:
 * skip its header (*off bytes), pick the IP root from it, and report
 * offsets from the start of the captured frame (parse_link_shift()).
 * Returns the root, or 0 when the frame carries nothing the parser
 * starts at (*err says why).
 */
static unsigned int parse_link(int lt, const uint8_t *d, size_t len,
			       size_t *off, int *err)
{
	unsigned int type;

	*off = 0;
	*err = OFL_ENODATA;
	switch (lt) {
	case DLT_EN10MB:
		return OFL_PROTO_ETH;
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
		/* raw IP: the version nibble; IPV4/IPV6 link types are
		 * checked by the parser's own version check */
		if (lt == DLT_IPV4)
			return OFL_PROTO_IPV4;
		if (lt == DLT_IPV6)
			return OFL_PROTO_IPV6;
		if (!len)
			return 0;
		*err = OFL_EPROTONOSUPPORT;
		return d[0] >> 4 == 4 ? OFL_PROTO_IPV4 :
		       d[0] >> 4 == 6 ? OFL_PROTO_IPV6 : 0;
	case DLT_LINUX_SLL:
		/* 16 bytes: packet type, ARPHRD, address length, 8 address
		 * bytes, then the protocol (ethertype) */
		if (len < 16)
			return 0;
		*off = 16;
		*err = OFL_EPROTONOSUPPORT;
		type = (unsigned int)d[14] << 8 | d[15];
		return type == 0x0800 ? OFL_PROTO_IPV4 :
		       type == 0x86dd ? OFL_PROTO_IPV6 : 0;
	case DLT_PPP:
		/* RFC 1661/1662: optional ff 03 (address, control), then a
		 * 2-byte protocol; compressed protocol fields not handled */
		if (len >= 2 && d[0] == 0xff && d[1] == 0x03)
			*off = 2;
		if (len < *off + 2)
			return 0;
		*err = OFL_EPROTONOSUPPORT;
		type = (unsigned int)d[*off] << 8 | d[*off + 1];
		*off += 2;
		return type == 0x0021 ? OFL_PROTO_IPV4 :
		       type == 0x0057 ? OFL_PROTO_IPV6 : 0;
	default:
		return 0;
	}
}

/* Offsets of a parse started @off bytes into the frame, made relative to
 * the frame's first byte. */
static void parse_link_shift(struct ofl_parse_result *r, size_t off)
{
	unsigned int i, o = (unsigned int)off;

	if (!o)
		return;
	for (i = 0; i < r->nlayers; i++)
		r->layers[i].offset = add16(r->layers[i].offset, o);
	r->stop_off = add16(r->stop_off, o);
	r->frame_len = add16(r->frame_len, o);
	if (r->payload_off)
		r->payload_off = add16(r->payload_off, o);
}

static const char ofl__parse_usage[] =
"usage: ofl parse [--json] [--vxlan-port N] [--geneve-port N]\n"
"                 [--vxlan-gpe-port N] FILE.pcap\n";

/* --vxlan-port N and the like: the kind of UDP port, or 0 */
static unsigned int parse_port_opt(const char *a)
{
	if (!strcmp(a, "--vxlan-port"))
		return OFL_PARSE_UDP_VXLAN;
	if (!strcmp(a, "--geneve-port"))
		return OFL_PARSE_UDP_GENEVE;
	if (!strcmp(a, "--vxlan-gpe-port"))
		return OFL_PARSE_UDP_VXLAN_GPE;
	return 0;
}

static int parse_port_add(struct ofl_parse_cfg *cfg, unsigned int kind,
			  const char *v)
{
	char *e;
	unsigned long port;
	int err;

	port = v ? strtoul(v, &e, 10) : 0;
	if (!v || !*v || *e || port < 1 || port > 65535) {
		fprintf(stderr, "ofl parse: a port is 1..65535\n");
		return 2;
	}
	err = ofl_parse_cfg_udp_add(cfg, (unsigned int)port, kind);
	if (err) {
		fprintf(stderr, "ofl parse: port %lu: %s (at most %d ports)\n",
			port, ofl_strerror(err), OFL_PARSE_CFG_UDP_MAX);
		return 2;
	}
	return 0;
}

static int parse_linktype_ok(int lt)
{
	return lt == DLT_EN10MB || lt == DLT_RAW || lt == DLT_IPV4 ||
	       lt == DLT_IPV6 || lt == DLT_LINUX_SLL || lt == DLT_PPP;
}

int cmd_parse(int argc, char **argv)
{
	const char *path = NULL;
	struct pcapio_in *in;
	struct ofl_parse_result r;
	const uint8_t *data;
	size_t len, wirelen;
	uint64_t ts;
	unsigned long frame = 0;
	size_t off;
	unsigned int root, kind;
	struct ofl_parse_cfg cfg;
	int json = 0, i, rc, lt, err;

	ofl_parse_cfg_init(&cfg, sizeof(cfg));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if ((kind = parse_port_opt(argv[i])) != 0) {
			err = parse_port_add(&cfg, kind,
					     i + 1 < argc ? argv[i + 1] : NULL);
			if (err)
				return err;
			i++;
		} else if (!strcmp(argv[i], "-h") ||
			   !strcmp(argv[i], "--help")) {
			printf("%s"
			       "  one line (or JSON object) per frame: its layers "
			       "(protocol@offset),\n  flows, tunnel ids, and where "
			       "parsing stopped (docs/PARSER.md)\n"
			       "  --vxlan-port N, --geneve-port N, "
			       "--vxlan-gpe-port N: UDP port N carries that\n"
			       "  tunnel too (repeatable; the IANA ports "
			       "4789, 6081, 4790 always)\n", ofl__parse_usage);
			return 0;
		}
		else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "ofl parse: unknown option %s\n",
				argv[i]);
			return 2;
		} else if (!path)
			path = argv[i];
		else
			path = NULL, i = argc;
	}
	if (!path) {
		fputs(ofl__parse_usage, stderr);
		return 2;
	}
	in = pcapio_open_any(path, &lt);
	if (!in)
		return 1;
	if (!parse_linktype_ok(lt)) {
		fprintf(stderr, "ofl: %s: link type %d not handled (Ethernet, "
			"raw IP, IPv4, IPv6, Linux cooked, PPP)\n", path, lt);
		pcapio_close(in);
		return 1;
	}
	while ((rc = pcapio_next(in, &data, &len, &wirelen, &ts)) == 1) {
		frame++;
		root = parse_link(lt, data, len, &off, &err);
		if (root) {
			ofl_parse_with(data + off, data + len, root, &cfg, &r,
				       sizeof(r));
			parse_link_shift(&r, off);
		} else {
			/* not parsed: no layer, the error at the link
			 * header's end (or at 0 when the frame is cut) */
			memset(&r, 0, sizeof(r));
			r.error = (int16_t)err;
			r.stop_off = err == OFL_ENODATA ? 0 :
				     add16((unsigned int)off, 0);
			r.frame_len = len > 0xffff ? 0xffff :
				      add16((unsigned int)len, 0);
		}
		if (json)
			parser_print_json(stdout, frame, &r);
		else
			parser_print_text(stdout, frame, &r);
	}
	pcapio_close(in);
	return rc < 0 ? 1 : 0;
}
