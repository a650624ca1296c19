// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Tool-local: print an ofl_parse_result (ofl parse). */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <offload/parser.h>
#include "parser_fmt.h"

static void addr_str(char *buf, size_t n, const struct ofl_parse_flow *fl,
		     const uint8_t *a)
{
	inet_ntop(fl->family == 6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)n);
}

static unsigned int port(const uint8_t *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

/* One flow. The level (res->mask) says what is filled: offsets and
 * protocol at every level, addresses and ports with OFL_PARSE_REQ_FLOW. */
static void flow_json(FILE *f, const char *name,
		      const struct ofl_parse_flow *fl, unsigned int mask)
{
	char s[64], d[64];

	if (!fl->family) {
		fprintf(f, ", \"%s\": null", name);
		return;
	}
	fprintf(f, ", \"%s\": {\"family\": %u", name, fl->family);
	if (mask & OFL_PARSE_REQ_FLOW) {
		addr_str(s, sizeof(s), fl, fl->src);
		addr_str(d, sizeof(d), fl, fl->dst);
		fprintf(f, ", \"src\": \"%s\", \"dst\": \"%s\"", s, d);
	}
	fprintf(f, ", \"ip_proto\": %u, \"l3_offset\": %u", fl->ip_proto,
		fl->l3_off);
	if (fl->l4_off)
		fprintf(f, ", \"l4_offset\": %u", fl->l4_off);
	if (fl->has_ports)
		fprintf(f, ", \"sport\": %u, \"dport\": %u", port(fl->ports),
			port(fl->ports + 2));
	if (fl->frag)
		fprintf(f, ", \"frag\": \"%s\"",
			fl->frag & OFL_PARSE_FRAG_FIRST ? "first" : "later");
	fprintf(f, "}");
}

static const char *mask_name(unsigned int mask)
{
	switch (mask) {
	case OFL_PARSE_MASK_OFFSETS:
		return "offsets";
	case OFL_PARSE_MASK_FLOW:
		return "flow";
	case OFL_PARSE_MASK_LAYERS:
		return "layers";
	default:
		return "all";
	}
}

static const char *tun_name(unsigned int kind)
{
	static const char *const n[] = { "none", "gre", "vxlan", "geneve",
					 "ipip", "vxlan-gpe", "erspan" };

	return kind < sizeof(n) / sizeof(n[0]) ? n[kind] : "?";
}

void parser_print_json(FILE *f, unsigned long frame,
		       const struct ofl_parse_result *r)
{
	unsigned int i, mask = r->mask ? r->mask : OFL_PARSE_MASK_ALL;

	fprintf(f, "{\"frame\": %lu", frame);
	if (mask != OFL_PARSE_MASK_ALL)
		fprintf(f, ", \"mask\": \"%s\"", mask_name(mask));
	if (mask & OFL_PARSE_REQ_LAYERS)
		fprintf(f, ", \"layers\": [");
	for (i = 0; (mask & OFL_PARSE_REQ_LAYERS) && i < r->nlayers; i++) {
		fprintf(f, "%s{\"proto\": \"%s\", \"offset\": %u, \"len\": %u",
			i ? ", " : "", ofl_parse_proto_name(r->layers[i].proto),
			r->layers[i].offset, r->layers[i].len);
		if (r->layers[i].encap)	/* tunnel level, 0 omitted */
			fprintf(f, ", \"encap\": %u", r->layers[i].encap);
		fprintf(f, "}");
	}
	if (mask & OFL_PARSE_REQ_LAYERS)
		fprintf(f, "]");
	fprintf(f, ", \"error\": ");
	if (r->error)
		fprintf(f, "\"%s\", \"error_offset\": %u", ofl_strerror(r->error),
			r->stop_off);
	else
		fprintf(f, "null");
	fprintf(f, ", \"len\": %u, \"encap\": %u", r->frame_len, r->encap);
	flow_json(f, "outer", &r->outer, mask);
	if (r->encap)
		flow_json(f, "inner", &r->inner, mask);
	if (r->payload_off)
		fprintf(f, ", \"payload_offset\": %u", r->payload_off);
	if (r->payload_off && (mask & OFL_PARSE_REQ_FLOW))
		fprintf(f, ", \"payload_len\": %u", r->payload_len);
	if (r->tun_kind)
		fprintf(f, ", \"tunnel\": \"%s\"", tun_name(r->tun_kind));
	if (!(mask & OFL_PARSE_REQ_META)) {
		/* counts only: the tags and labels are META */
		if (r->nvlan)
			fprintf(f, ", \"vlan_count\": %u", r->nvlan);
		if (r->nmpls)
			fprintf(f, ", \"mpls_count\": %u", r->nmpls);
		fprintf(f, "}\n");
		return;
	}
	if (r->tun_kind == OFL_PARSE_TUN_VXLAN ||
	    r->tun_kind == OFL_PARSE_TUN_GENEVE ||
	    r->tun_kind == OFL_PARSE_TUN_VXLAN_GPE ||
	    (r->tun_kind == OFL_PARSE_TUN_GRE &&
	     (r->gre_flags & OFL_PARSE_GRE_KEY)))
		fprintf(f, ", \"tunnel_id\": %u", ntohl(r->tun_id));
	if (r->nvlan) {
		fprintf(f, ", \"vlan\": [");
		for (i = 0; i < r->nvlan && i < 4; i++)
			fprintf(f, "%s%u", i ? ", " : "",
				ntohs(r->vlan_tci[i]) & 0xfffu);
		fprintf(f, "]");
	}
	if (r->nmpls) {
		fprintf(f, ", \"mpls\": [");
		for (i = 0; i < r->nmpls && i < 4; i++)
			fprintf(f, "%s%u", i ? ", " : "",
				ntohl(r->mpls[i]) >> 12);
		fprintf(f, "]");
	}
	if (r->esp_spi)
		fprintf(f, ", \"esp_spi\": %u", ntohl(r->esp_spi));
	if (r->srh_present) {
		char a[64];

		inet_ntop(AF_INET6, r->srh_final, a, sizeof(a));
		fprintf(f, ", \"srh\": {\"segments_left\": %u, "
			"\"final_segment\": \"%s\"}", r->srh_segleft, a);
	}
	fprintf(f, "}\n");
}

static void offsets_text(FILE *f, const struct ofl_parse_flow *fl,
			 const char *sep)
{
	if (!fl->family)
		return;
	fprintf(f, "%sipv%u@%u", sep, fl->family, fl->l3_off);
	if (fl->l4_off)
		fprintf(f, " l4@%u", fl->l4_off);
	fprintf(f, " proto %u", fl->ip_proto);
}

void parser_print_text(FILE *f, unsigned long frame,
		       const struct ofl_parse_result *r)
{
	const struct ofl_parse_flow *fl = ofl_parse_inner(r);
	unsigned int i, mask = r->mask ? r->mask : OFL_PARSE_MASK_ALL;
	char s[64], d[64];

	fprintf(f, "%5lu ", frame);
	for (i = 0; (mask & OFL_PARSE_REQ_LAYERS) && i < r->nlayers; i++)
		fprintf(f, "%s%s@%u", i ? " " : "",
			ofl_parse_proto_name(r->layers[i].proto),
			r->layers[i].offset);
	if (fl->family && (mask & OFL_PARSE_REQ_FLOW)) {
		addr_str(s, sizeof(s), fl, fl->src);
		addr_str(d, sizeof(d), fl, fl->dst);
		if (fl->has_ports)
			fprintf(f, "  %s.%u > %s.%u", s, port(fl->ports), d,
				port(fl->ports + 2));
		else
			fprintf(f, "  %s > %s", s, d);
		fprintf(f, " proto %u", fl->ip_proto);
	} else if (!(mask & OFL_PARSE_REQ_FLOW)) {
		/* offsets level: where each flow's headers are */
		offsets_text(f, &r->outer, "");
		if (r->encap) {
			fprintf(f, " %s", tun_name(r->tun_kind));
			offsets_text(f, &r->inner, " ");
		}
		if (r->payload_off)
			fprintf(f, " payload@%u", r->payload_off);
	}
	if (r->error)
		fprintf(f, "  [%s at %u]", ofl_strerror(r->error), r->stop_off);
	fprintf(f, "\n");
}
