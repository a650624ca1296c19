// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl graph [--json | --dot]: dump the parse graph from the const tables
 * lib/parser walks (ofl__parse_graph()). Schema: docs/PARSER.md.
 */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include "cli.h"
#include "cmds.h"
/* The graph rows are lib/parser's private data (not ABI): `ofl graph` is
 * their one reader outside lib/, linked with the static library, through
 * the hidden accessor ofl__parse_graph(). */
#include "parser/internal.h"

static const char *const kind_names[] = { "plain", "tlv", "flag-fields" };
static const char *const cnt_names[] = { "none", "vlan", "mpls", "exthdr" };
static const char *const tun_names[] = { "none", "gre", "vxlan", "geneve",
					 "ipip" };

static void field_json(const char *name, const struct ofl_parse_field *f)
{
	printf("\"%s\": {\"field-off\": %u, \"field-len\": %u, "
	       "\"mask\": \"0x%x\", \"shift\": %u, \"multiplier\": %u, "
	       "\"add\": %u}", name, f->off, f->size, f->mask, f->shift,
	       f->mult ? f->mult : 1, f->add);
}

static void dst_json(const char *name, unsigned int dst)
{
	if (dst == 0xffffu)
		printf("\"%s\": null", name);
	else
		printf("\"%s\": %u", name, dst);
}

static void node_json(const struct ofl_parse_graph *g, unsigned int i)
{
	const struct ofl_parse_node *n = &g->nodes[i];
	unsigned int j;

	printf("    {\"name\": \"%s\", \"proto\": %s%s%s, \"kind\": \"%s\", "
	       "\"min-hdr-length\": %u, ", g->node_names[i],
	       n->proto ? "\"" : "", n->proto ?
	       ofl_parse_proto_name(n->proto) : "null", n->proto ? "\"" : "",
	       kind_names[n->kind % 3], n->min_len);
	if (n->hlen.size)
		field_json("hdr-length", &n->hlen);
	else
		printf("\"hdr-length\": null");
	printf(", ");
	if (n->table) {
		field_json("next-proto", &n->next);
		printf(", \"table\": \"%s\"", g->table_names[n->table]);
	} else {
		printf("\"next-proto\": null, \"table\": null");
	}
	printf(", \"flags\": [");
	{
		static const char *const fn[] = { "l3", "l4", "ports",
						  "ipproto", "ipv6" };
		int first = 1;

		for (j = 0; j < 5; j++)
			if (n->flags & (1u << j)) {
				printf("%s\"%s\"", first ? "" : ", ", fn[j]);
				first = 0;
			}
	}
	printf("], \"counter\": %s%s%s", n->counter ? "\"" : "",
	       n->counter ? cnt_names[n->counter % 4] : "null",
	       n->counter ? "\"" : "");
	printf(", \"tunnel\": %s%s%s", n->tun_kind ? "\"" : "",
	       n->tun_kind ? tun_names[n->tun_kind % 5] : "null",
	       n->tun_kind ? "\"" : "");
	printf(", \"checks\": [");
	for (j = 0; j < n->chk_count; j++) {
		const struct ofl_parse_check *c = &g->chk[n->chk_first + j];

		printf("%s{", j ? ", " : "");
		field_json("field", &c->field);
		printf(", \"allowed\": \"0x%x\", \"error\": \"%s\"}",
		       c->allowed, ofl_strerror(c->err));
	}
	printf("], \"metadata\": [");
	for (j = 0; j < n->md_count; j++) {
		const struct ofl_parse_md *m = &g->md[n->md_first + j];

		printf("%s{", j ? ", " : "");
		if (m->flags & OFL_PARSE_MD_SET)
			printf("\"set\": %u", m->len);
		else
			printf("\"hdr-src-off\": %u, \"length\": %u",
			       m->src_off, m->len);
		printf(", \"md-off\": %u, \"relative\": \"%s\"", m->dst,
		       (m->flags & OFL_PARSE_MD_FLOW) ? "flow" : "result");
		if (m->flags & OFL_PARSE_MD_INDEX)
			printf(", \"indexed\": true");
		if (m->flags & OFL_PARSE_MD_COND)
			printf(", \"if\": {\"hdr-off\": %u, \"equals\": %u}",
			       m->cond_off, m->cond_val);
		printf("}");
	}
	printf("]");
	if (n->frag_off)
		printf(", \"fragment\": {\"field-off\": %u, \"offset-mask\": "
		       "\"0x%x\", \"more-mask\": \"0x%x\"}", n->frag_off,
		       n->frag_mask, n->frag_mf);
	if (n->tot_off)
		printf(", \"total-length\": {\"field-off\": %u, \"add\": %u}",
		       n->tot_off, n->tot_add);
	if (n->kind == OFL_PARSE_KIND_TLV) {
		const struct ofl_parse_tlv *t = &g->tlv[n->aux];

		printf(", \"tlvs-parse-node\": {\"start\": %u, \"type-off\": "
		       "%u, \"min-tlv\": %u, ", t->start, t->type_off,
		       t->min_opt);
		field_json("tlv-length", &t->len);
		printf(", \"pad1\": ");
		printf(t->pad1 == 0xffffu ? "null" : "%u", t->pad1);
		printf(", \"eol\": ");
		printf(t->eol == 0xffffu ? "null" : "%u", t->eol);
		printf(", ");
		dst_json("count-md-off", t->count_dst);
		printf(", \"options\": [");
		for (j = 0; j < t->opt_count; j++) {
			const struct ofl_parse_opt *o = &g->opts[t->opt_first + j];

			printf("%s{\"type\": %u, \"min-len\": %u, \"max-len\": "
			       "%u, \"src-off\": %u, \"copy-max\": %u, ",
			       j ? ", " : "", o->type, o->min_len, o->max_len,
			       o->src_off, o->copy_max);
			dst_json("md-off", o->dst);
			printf(", \"bit\": %u, ", o->bit);
			dst_json("bit-md-off", o->bit_dst);
			printf(", ");
			dst_json("count-md-off", o->cnt_dst);
			printf(", \"count-div\": %u}", o->cnt_div);
		}
		printf("]}");
	}
	if (n->kind == OFL_PARSE_KIND_FLAGS) {
		const struct ofl_parse_flags *fl = &g->flags[n->aux];

		printf(", \"flag-fields-parse-node\": {");
		field_json("flags", &fl->field);
		printf(", \"fields\": [");
		for (j = 0; j < fl->ff_count; j++) {
			const struct ofl_parse_flagfield *f =
				&g->ff[fl->ff_first + j];

			printf("%s{\"flag\": \"0x%04x\", \"size\": %u, ",
			       j ? ", " : "", f->mask, f->size);
			dst_json("md-off", f->dst);
			printf(", \"bit\": %u, ", f->bit);
			dst_json("bit-md-off", f->bit_dst);
			printf("}");
		}
		printf("]}");
	}
	printf("}");
}

static void dump_json(const struct ofl_parse_graph *g)
{
	unsigned int i, j;

	printf("{\n  \"parsers\": [{\"name\": \"ofl\", \"root-node\": \"%s\", "
	       "\"roots\": {\"eth\": \"%s\", \"ipv4\": \"%s\", \"ipv6\": "
	       "\"%s\"}}],\n", g->node_names[g->root_eth],
	       g->node_names[g->root_eth], g->node_names[g->root_ipv4],
	       g->node_names[g->root_ipv6]);
	printf("  \"limits\": {\"max-depth\": %u, \"max-layers\": %u, "
	       "\"max-opts\": %u, \"max-encap\": %u, \"max-vlan\": %u, "
	       "\"max-mpls\": %u, \"max-exthdr\": %u, \"max-hdr-off\": %u},\n",
	       OFL_PARSE_MAX_DEPTH, OFL_PARSE_MAX_LAYERS, OFL_PARSE_MAX_OPTS,
	       OFL_MAX_ENCAP, g->counter_max[OFL_PARSE_CNT_VLAN],
	       g->counter_max[OFL_PARSE_CNT_MPLS],
	       g->counter_max[OFL_PARSE_CNT_EXTHDR], OFL_PARSE_MAX_HDR_OFF);
	printf("  \"result-size\": %zu,\n  \"parse-nodes\": [\n",
	       sizeof(struct ofl_parse_result));
	/* node 0 is the stop node: not dumped, edges to it mean "stop" */
	for (i = 1; i < g->nnodes; i++) {
		node_json(g, i);
		printf("%s\n", i + 1 < g->nnodes ? "," : "");
	}
	printf("  ],\n  \"proto-tables\": [\n");
	for (i = 1; i < g->ntables; i++) {
		const struct ofl_parse_table *t = &g->tables[i];

		printf("    {\"name\": \"%s\", \"ents\": [", g->table_names[i]);
		for (j = 0; j < t->count; j++) {
			const struct ofl_parse_edge *e = &g->edges[t->first + j];

			printf("%s{\"key\": \"0x%x\", \"node\": \"%s\", "
			       "\"encap\": %s%s}", j ? ", " : "", e->key,
			       g->node_names[e->node],
			       (e->flags & OFL_PARSE_EF_ENCAP) ? "true" :
			       "false", (e->flags & OFL_PARSE_EF_BARE) ?
			       ", \"if-bare\": true" : "");
		}
		printf("]}%s\n", i + 1 < g->ntables ? "," : "");
	}
	printf("  ]\n}\n");
}

/* ---- `ofl graph --dot`: a picture a person reads in a minute ---- */

static const char *ethertype_name(unsigned int k)
{
	switch (k) {
	case 0x0800: return "IPv4";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x88a8: return "802.1ad";
	case 0x9100: return "QinQ";
	case 0x0806: return "ARP";
	case 0x8847: return "MPLS";
	case 0x8848: return "MPLS mcast";
	case 0x8864: return "PPPoE";
	case 0x6558: return "Ethernet";
	default: return NULL;
	}
}

static const char *ipproto_name(unsigned int k)
{
	switch (k) {
	case 0: return "hop-by-hop";
	case 1: return "ICMP";
	case 2: return "IGMP";
	case 4: return "IPv4";
	case 6: return "TCP";
	case 17: return "UDP";
	case 41: return "IPv6";
	case 43: return "routing";
	case 44: return "fragment";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 58: return "ICMPv6";
	case 60: return "dest. options";
	case 132: return "SCTP";
	default: return NULL;
	}
}

/* The label of an edge of table @t with key @k, in protocol words. */
static void edge_label(char *b, size_t n, const char *t, unsigned int k)
{
	const char *nm;

	if (!strcmp(t, "ethertype") || !strcmp(t, "gre-proto") ||
	    !strcmp(t, "geneve-proto")) {
		nm = ethertype_name(k);
		if (nm)
			snprintf(b, n, "%s %s", !strcmp(t, "ethertype") ?
				 "ethertype" : !strcmp(t, "gre-proto") ?
				 "gre proto" : "geneve proto", nm);
		else
			snprintf(b, n, "%s 0x%04x", t, k);
	} else if (!strcmp(t, "ip4-proto") || !strcmp(t, "ip6-nexthdr")) {
		nm = ipproto_name(k);
		if (nm)
			snprintf(b, n, "%s %s", t[2] == '4' ? "ip proto" :
				 "next header", nm);
		else
			snprintf(b, n, "%s %u", t, k);
	} else if (!strcmp(t, "udp-port")) {
		snprintf(b, n, "udp dport %u", k);
	} else if (!strcmp(t, "mpls-bos")) {
		snprintf(b, n, k ? "bottom of stack" : "more labels");
	} else if (!strcmp(t, "mpls-nibble")) {
		snprintf(b, n, "first nibble %u (IPv%u)", k, k);
	} else if (!strcmp(t, "ppp")) {
		snprintf(b, n, "ppp proto %s", k == 0x21 ? "IPv4" :
			 k == 0x57 ? "IPv6" : "?");
	} else if (!strcmp(t, "vxlan")) {
		snprintf(b, n, "always");
	} else {
		snprintf(b, n, "%s 0x%x", t, k);
	}
}

enum { LAYER_L2, LAYER_L3, LAYER_L4, LAYER_TUN, LAYER_COUNT };

static const char *const layer_label[] = {
	"L2: link", "L3: network (and IPv6 extension headers)",
	"L4: transport", "tunnels",
};

static const char *const layer_color[] = {
	"#fdf2e0", "#e6f0fb", "#e7f6e7", "#f3e8f8",
};

static int node_layer(const struct ofl_parse_graph *g, unsigned int i)
{
	const struct ofl_parse_node *n = &g->nodes[i];

	if (n->tun_kind && n->tun_kind != OFL_PARSE_TUN_IPIP)
		return LAYER_TUN;
	if (n->flags & 2u)	/* l4 */
		return LAYER_L4;
	if ((n->flags & (1u | 8u)) || !strcmp(g->node_names[i], "esp"))
		return LAYER_L3;	/* l3, ipproto */
	return LAYER_L2;
}

/* How many nodes use table @t: a table shared by several headers (the
 * IPv6 next-header table: IPv6 and its five extension headers) is drawn
 * once, as a hub, instead of once per header. */
static unsigned int table_users(const struct ofl_parse_graph *g,
				unsigned int t)
{
	unsigned int i, n = 0;

	for (i = 1; i < g->nnodes; i++)
		n += g->nodes[i].table == t;
	return n;
}

static void dump_dot(const struct ofl_parse_graph *g)
{
	unsigned int i, j, l;
	char lab[64];

	printf("digraph ofl_parse {\n"
	       "  label=\"ofl parse graph (lib/parser/graph.c, from its const "
	       "tables: ofl graph --dot)\";\n  labelloc=t; fontname="
	       "\"Helvetica\"; fontsize=16;\n  rankdir=LR; newrank=true; "
	       "nodesep=0.25; ranksep=0.6;\n"
	       "  node [shape=box, style=\"rounded,filled\", fillcolor=white, "
	       "fontname=\"Helvetica\", fontsize=11];\n"
	       "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#444444\"];"
	       "\n");
	/* where parsing starts: Ethernet, or IP for raw-IP link types */
	printf("  start [shape=circle, label=\"start\", fillcolor=\"#333333\", "
	       "fontcolor=white, width=0.6];\n");
	printf("  start -> \"%s\" [label=\"Ethernet frame\"];\n",
	       g->node_names[g->root_eth]);
	printf("  start -> \"%s\" [label=\"raw IPv4\", style=dotted];\n",
	       g->node_names[g->root_ipv4]);
	printf("  start -> \"%s\" [label=\"raw IPv6\", style=dotted];\n",
	       g->node_names[g->root_ipv6]);
	for (l = 0; l < LAYER_COUNT; l++) {
		printf("  subgraph cluster_%u {\n    label=\"%s\"; style=filled;"
		       " color=\"%s\"; fontsize=12;\n", l, layer_label[l],
		       layer_color[l]);
		for (i = 1; i < g->nnodes; i++) {
			const struct ofl_parse_node *n = &g->nodes[i];

			if (node_layer(g, i) != (int)l)
				continue;
			printf("    \"%s\" [label=\"%s\\n%s%u bytes%s\"%s];\n",
			       g->node_names[i], g->node_names[i],
			       n->hlen.size ? ">= " : "", n->min_len,
			       n->kind == OFL_PARSE_KIND_TLV ? ", options" :
			       n->kind == OFL_PARSE_KIND_FLAGS ?
			       ", flag fields" : "",
			       n->proto ? "" : ", shape=diamond");
		}
		/* the hubs of shared tables sit with their users */
		for (j = 1; j < g->ntables; j++) {
			unsigned int u, first = 0;

			if (table_users(g, j) < 2)
				continue;
			for (u = 1; u < g->nnodes && !first; u++)
				if (g->nodes[u].table == j)
					first = u;
			if (node_layer(g, first) != (int)l)
				continue;
			printf("    \"table:%s\" [shape=ellipse, style=dashed, "
			       "label=\"%s\\n(one table for %u headers)\"];\n",
			       g->table_names[j], g->table_names[j],
			       table_users(g, j));
		}
		printf("  }\n");
	}
	for (i = 1; i < g->nnodes; i++) {
		const struct ofl_parse_node *n = &g->nodes[i];
		const struct ofl_parse_table *t = &g->tables[n->table];
		int hub;

		if (!n->table)
			continue;
		hub = table_users(g, n->table) > 1;
		if (hub) {
			printf("  \"%s\" -> \"table:%s\" [arrowhead=none, "
			       "style=dashed];\n", g->node_names[i],
			       g->table_names[n->table]);
			/* the hub's edges once, from its first user */
			for (j = 1; j < i; j++)
				if (g->nodes[j].table == n->table)
					break;
			if (j < i)
				continue;
		}
		for (j = 0; j < t->count; j++) {
			const struct ofl_parse_edge *e = &g->edges[t->first + j];
			char from[40];

			snprintf(from, sizeof(from), hub ? "table:%s" : "%s",
				 hub ? g->table_names[n->table] :
				 g->node_names[i]);
			edge_label(lab, sizeof(lab), g->table_names[n->table],
				   e->key);
			if (e->flags & OFL_PARSE_EF_BARE)
				strncat(lab, " (bare)",
					sizeof(lab) - strlen(lab) - 1);
			printf("  \"%s\" -> \"%s\" [label=\"%s\"%s];\n", from,
			       g->node_names[e->node], lab,
			       (e->flags & OFL_PARSE_EF_ENCAP) ?
			       ", style=dashed, color=blue, fontcolor=blue" :
			       "");
		}
	}
	/* the legend */
	printf("  subgraph cluster_legend {\n    label=\"legend\"; style=solid;"
	       " color=\"#999999\"; fontsize=12;\n"
	       "    node [shape=plaintext, style=\"\", fontsize=10];\n"
	       "    la [label=\"header\"]; lb [label=\"next header\"];\n"
	       "    lc [label=\"header\"]; ld [label=\"inner header\"];\n"
	       "    la -> lb [label=\"its next-protocol field says\"];\n"
	       "    lc -> ld [label=\"encapsulation: a tunnel level\\nstarts "
	       "(layers get encap+1)\", style=dashed, color=blue, "
	       "fontcolor=blue];\n"
	       "    le [shape=box, style=rounded, label=\"name\\n>= N bytes\\n"
	       "(header length, min.)\"];\n"
	       "    lf [shape=diamond, style=\"\", label=\"decision\\n(no "
	       "header)\"];\n"
	       "    lg [shape=ellipse, style=dashed, label=\"shared next-"
	       "protocol\\ntable\"];\n  }\n}\n");
}

int cmd_graph(int argc, char **argv)
{
	const struct ofl_parse_graph *g = ofl__parse_graph();

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--json") &&
			 strcmp(argv[1], "--dot")))
		return cli_usage_error("graph", "%s", argc > 2 ?
				       "one of --json, --dot" :
				       "unknown option");
	if (argc == 2 && !strcmp(argv[1], "--dot"))
		dump_dot(g);
	else
		dump_json(g);
	return 0;
}
