// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl graph [--json | --dot]: dump the parse graph from the const tables
 * lib/parser walks (ofl__parse_graph()). Schema: docs/PARSER.md.
 */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
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
			       "\"encap\": %s}", j ? ", " : "", e->key,
			       g->node_names[e->node],
			       (e->flags & OFL_PARSE_EF_ENCAP) ? "true" : "false");
		}
		printf("]}%s\n", i + 1 < g->ntables ? "," : "");
	}
	printf("  ]\n}\n");
}

static void dump_dot(const struct ofl_parse_graph *g)
{
	unsigned int i, j;

	printf("digraph ofl_parse {\n  rankdir=LR;\n"
	       "  node [shape=box, fontname=\"Helvetica\"];\n"
	       "  edge [fontname=\"Helvetica\", fontsize=10];\n");
	for (i = 1; i < g->nnodes; i++) {
		const struct ofl_parse_node *n = &g->nodes[i];

		printf("  \"%s\" [label=\"%s\\n%s%u B%s\"%s];\n",
		       g->node_names[i], g->node_names[i],
		       n->hlen.size ? ">= " : "", n->min_len,
		       n->kind ? (n->kind == 1 ? "\\nTLV options" :
				  "\\nflag fields") : "",
		       n->proto ? "" : ", shape=diamond");
	}
	for (i = 1; i < g->nnodes; i++) {
		const struct ofl_parse_node *n = &g->nodes[i];
		const struct ofl_parse_table *t = &g->tables[n->table];

		if (!n->table)
			continue;
		for (j = 0; j < t->count; j++) {
			const struct ofl_parse_edge *e = &g->edges[t->first + j];

			printf("  \"%s\" -> \"%s\" [label=\"0x%x\"%s];\n",
			       g->node_names[i], g->node_names[e->node], e->key,
			       (e->flags & OFL_PARSE_EF_ENCAP) ?
			       ", style=dashed, color=blue" : "");
		}
	}
	printf("}\n");
}

int cmd_graph(int argc, char **argv)
{
	const struct ofl_parse_graph *g = ofl__parse_graph();

	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		printf("usage: ofl graph [--json | --dot]\n  the parse graph "
		       "from lib/parser's tables (JSON schema: docs/PARSER.md)\n");
		return 0;
	}
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--json") &&
			 strcmp(argv[1], "--dot"))) {
		fprintf(stderr, "usage: ofl graph [--json | --dot]\n");
		return 2;
	}
	if (argc == 2 && !strcmp(argv[1], "--dot"))
		dump_dot(g);
	else
		dump_json(g);
	return 0;
}
