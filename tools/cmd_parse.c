// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl parse [--json | --dot N] [--mask LEVEL] [--vxlan-port N]
 *           [--geneve-port N] [--vxlan-gpe-port N] FILE
 * The layers of every frame (lib/parser). The port options (repeatable)
 * add UDP destination ports to the tunnel port table, which starts with
 * the IANA ports (struct ofl_parse_cfg, ofl_parse_with()). --mask asks
 * for one request level only (ofl_parse_mask_with()): offsets, flow,
 * layers or all (the default); what the level does not fill is not
 * printed.
 */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"
#include "parser_fmt.h"

static uint16_t add16(unsigned int a, unsigned int b)
{
	return (uint16_t)(a + b > 0xffffu ? 0xffffu : a + b);
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
	for (i = 0; i < 2; i++) {
		struct ofl_parse_flow *fl = i ? &r->inner : &r->outer;

		if (!fl->family)
			continue;
		fl->l3_off = add16(fl->l3_off, o);
		if (fl->l4_off)
			fl->l4_off = add16(fl->l4_off, o);
		if (fl->l3_end)
			fl->l3_end = add16(fl->l3_end, o);
	}
}

/* --mask LEVEL: the OFL_PARSE_MASK_* level, or 0 */
static unsigned int parse_mask_level(const char *v)
{
	static const struct {
		const char *name;
		unsigned int mask;
	} lv[] = {
		{ "offsets", OFL_PARSE_MASK_OFFSETS },
		{ "flow", OFL_PARSE_MASK_FLOW },
		{ "layers", OFL_PARSE_MASK_LAYERS },
		{ "all", OFL_PARSE_MASK_ALL },
	};
	size_t i;

	for (i = 0; v && i < sizeof(lv) / sizeof(lv[0]); i++)
		if (!strcmp(v, lv[i].name))
			return lv[i].mask;
	return 0;
}

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

/* Add UDP port V of KIND to CFG: 0, or a usage error printed */
static int parse_port_add(struct ofl_parse_cfg *cfg, unsigned int kind,
			  const char *opt, const char *v)
{
	long port;
	int err;

	if (cli_number("parse", opt, v, 1, 65535, &port))
		return -1;
	err = ofl_parse_cfg_udp_add(cfg, (unsigned int)port, kind);
	if (err)
		return cli_usage_error("parse", "%s %ld: %s (at most %d ports)",
				       opt, port, ofl_strerror(err),
				       OFL_PARSE_CFG_UDP_MAX);
	return 0;
}

/* `ofl parse --dot N`: the path frame N took through the parse graph, one
 * box per header (name, offset, length), clustered by tunnel level, and
 * where and why parsing stopped. */
static void parse_dot(unsigned long n, const struct ofl_parse_result *r)
{
	unsigned int i, lvl = 256;

	printf("digraph ofl_frame_%lu {\n  rankdir=LR;\n  label=\"frame %lu: "
	       "the path through the parse graph (ofl parse --dot)\";\n"
	       "  labelloc=t;\n  node [shape=box, style=\"rounded,filled\", "
	       "fillcolor=\"#eef3fb\", fontname=\"Helvetica\"];\n"
	       "  edge [fontname=\"Helvetica\", fontsize=10];\n", n, n);
	for (i = 0; i < r->nlayers; i++) {
		const struct ofl_parse_layer *l = &r->layers[i];

		if (l->encap != lvl) {
			if (lvl != 256)
				printf("  }\n");
			lvl = l->encap;
			printf("  subgraph cluster_%u {\n    label=\"%s\";\n"
			       "    style=dashed;\n", lvl, lvl ?
			       "inside a tunnel" : "outer headers");
			if (lvl)
				printf("    label=\"tunnel level %u\";\n", lvl);
		}
		printf("    l%u [label=\"%s\\n@%u, %u bytes\"];\n", i,
		       ofl_parse_proto_name(l->proto), l->offset, l->len);
	}
	if (lvl != 256)
		printf("  }\n");
	for (i = 1; i < r->nlayers; i++)
		printf("  l%u -> l%u%s;\n", i - 1, i,
		       r->layers[i].encap != r->layers[i - 1].encap ?
		       " [style=dashed, color=blue, label=\"encapsulates\"]" :
		       "");
	printf("  stop [shape=%s, fillcolor=\"%s\", label=\"%s\\n@%u\"];\n",
	       r->error ? "octagon" : "ellipse",
	       r->error ? "#f8d0d0" : "#d8f0d8",
	       r->error ? ofl_strerror(r->error) : "payload", r->stop_off);
	if (r->nlayers)
		printf("  l%u -> stop;\n", r->nlayers - 1u);
	printf("}\n");
}

int cmd_parse(int argc, char **argv)
{
	const char *path = NULL;
	struct pcapio_in *in;
	struct ofl_parse_result r;
	struct pcapio_frame f;
	unsigned long frame = 0, nerr = 0, nlink = 0;
	long dot = 0;
	size_t off;
	unsigned int root, kind, mask = OFL_PARSE_MASK_ALL;
	struct ofl_parse_cfg cfg;
	int json = 0, i, rc, err;

	ofl_parse_cfg_init(&cfg, sizeof(cfg));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "--dot")) {
			if (cli_number("parse", "--dot", i + 1 < argc ?
				       argv[i + 1] : NULL, 1, 2147483647L, &dot))
				return CLI_EUSAGE;
			i++;
		} else if (!strcmp(argv[i], "--mask")) {
			mask = parse_mask_level(i + 1 < argc ? argv[i + 1] :
						NULL);
			if (!mask)
				return cli_usage_error("parse", "--mask: "
					"offsets, flow, layers or all");
			i++;
		} else if ((kind = parse_port_opt(argv[i])) != 0) {
			if (parse_port_add(&cfg, kind, argv[i], i + 1 < argc ?
					   argv[i + 1] : NULL))
				return CLI_EUSAGE;
			i++;
		} else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("parse", "unknown option %s",
					       argv[i]);
		else if (path)
			return cli_usage_error("parse", "one FILE only");
		else
			path = argv[i];
	}
	if (!path)
		return cli_usage_error("parse", "FILE missing");
	if (json && dot)
		return cli_usage_error("parse", "--json or --dot, not both");
	if (dot && !(mask & OFL_PARSE_REQ_LAYERS))
		return cli_usage_error("parse", "--dot draws the layers: "
				       "--mask layers or all");
	in = pcapio_open(path);
	if (!in)
		return CLI_EREAD;
	if (pcapio_linktype(in) >= 0 && !link_supported(pcapio_linktype(in))) {
		fprintf(stderr, "ofl: %s: link type %d not handled (" LINK_NAMES
			")\n", path, pcapio_linktype(in));
		pcapio_close(in);
		return CLI_EREAD;
	}
	while ((rc = pcapio_next(in, &f)) == 1) {
		frame++;
		cli_progress("parse", in, frame);
		root = link_root(f.linktype, f.data, f.caplen, &off, &err);
		if (root) {
			ofl_parse_mask_with(f.data + off, f.data + f.caplen,
					    root, &cfg, mask, &r, sizeof(r));
			parse_link_shift(&r, off);
		} else {
			/* not parsed: no layer, the error at the link
			 * header's end (or at 0 when the frame is cut) */
			memset(&r, 0, sizeof(r));
			r.mask = (uint8_t)mask;
			r.error = (int16_t)err;
			r.stop_off = err == OFL_ENODATA ? 0 :
				     add16((unsigned int)off, 0);
			r.frame_len = f.caplen > 0xffff ? 0xffff :
				      add16((unsigned int)f.caplen, 0);
			if (!link_supported(f.linktype))
				nlink++;
		}
		if (r.error)
			nerr++;
		if (dot) {
			if ((unsigned long)dot == frame) {
				parse_dot(frame, &r);
				break;
			}
		} else if (json) {
			parser_print_json(stdout, frame, &r);
		} else {
			parser_print_text(stdout, frame, &r);
		}
	}
	cli_progress_done();
	pcapio_close(in);
	if (rc < 0)
		return CLI_EREAD;
	if (dot) {
		if ((unsigned long)dot != frame) {
			fprintf(stderr, "ofl: %s: no frame %ld (%lu frames)\n",
				path, dot, frame);
			return CLI_EUSAGE;
		}
		return CLI_OK;
	}
	if (json)
		printf("{\"summary\":{\"frames\":%lu,\"parsed\":%lu,"
		       "\"stopped\":%lu,\"link_not_handled\":%lu}}\n", frame,
		       frame - nerr, nerr, nlink);
	else
		printf("%lu frames: %lu parsed to their payload, %lu stopped "
		       "early (the error on their line)\n", frame, frame - nerr,
		       nerr);
	return CLI_OK;
}
