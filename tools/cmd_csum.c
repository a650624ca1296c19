// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl csum [--json] FILE: verify every checksum of every frame of a capture
 * with lib/csum. The headers are found by lib/parser (ofl_parse()), what
 * each checksum covers and its verdict by lib/csum (ofl_csum_view_*());
 * docs/TOOL.md describes the output.
 * Exit 0 when the file was read to the end, bad checksums or not; 1 on a
 * read error; 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/parser.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"
#include "csum_view.h"

/*
 * The frame's checksum view comes from lib/csum (ofl_csum_view_from_parse()
 * over ofl_parse()'s layers; the frame inside ERSPAN is parsed again), its
 * verdicts from ofl_csum_view_verify(): this file parses and prints.
 */
void csum_view_frame(const uint8_t *p, size_t caplen, size_t wirelen,
		     unsigned int root, size_t base, struct ofl_csum_view *v)
{
	static struct ofl_parse_result res;
	int seg;

	ofl_csum_view_init(v, sizeof(*v), (uint32_t)wirelen);
	for (seg = 0; seg < 2; seg++) {
		ofl_parse(p + base, p + caplen, seg ? OFL_PROTO_ETH : root,
			  &res, sizeof(res));
		ofl_csum_view_from_parse(v, sizeof(*v), &res, sizeof(res), p,
					 p + caplen, (uint32_t)base);
		if (!v->next)
			break;
		base = v->next;
	}
}

/* Why a view stopped, as text. */
const char *csum_view_stop(const struct ofl_csum_view *v)
{
	if (v->stop == OFL_CSUM_WHY_PARSE)
		return ofl_strerror(v->stop_err);
	return v->stop ? ofl_csum_why_name(v->stop) : NULL;
}

/* By enum ofl_csum_result */
static const char *const verdict_name[] = {
	[OFL_CSUM_GOOD] = "ok", [OFL_CSUM_BAD] = "bad",
	[OFL_CSUM_NONE] = "none", [OFL_CSUM_UNCHECKED] = "unchecked",
};

struct totals {
	unsigned long frames, checked, bad, none, unchecked;
	/* every frame is one of: all checked sums ok, a bad sum, nothing
	 * checkable (no checksum, or none could be checked) */
	unsigned long f_ok, f_bad, f_none;
};

static void print_human(unsigned long n, const struct ofl_csum_view *w,
			const struct ofl_csum_verdict *res)
{
	char lay[160];
	size_t used = 0;
	int i;

	lay[0] = 0;
	for (i = 0; i < w->nlayers && used < sizeof(lay); i++)
		used += (size_t)snprintf(lay + used, sizeof(lay) - used,
					 "%s%s", i ? "/" : "",
					 ofl_csum_view_layer_name(
						 w->layers[i]));
	printf("%5lu  %-34s", n, lay);
	if (!w->nchecks)
		printf("  (no checksum)");
	for (i = 0; i < w->nchecks; i++) {
		const struct ofl_csum_verdict *r = &res[i];
		const char *what = ofl_csum_kind_name(w->checks[i].kind);

		switch (r->result) {
		case OFL_CSUM_GOOD:
			printf("  %s ok", what);
			break;
		case OFL_CSUM_BAD:
			if (r->partial)
				printf("  %s BAD(partial)", what);
			else
				printf(w->checks[i].kind == OFL_CSUM_KIND_SCTP ?
				       "  %s BAD(0x%08x, want 0x%08x)" :
				       "  %s BAD(0x%04x, want 0x%04x)", what,
				       r->stored, r->computed);
			break;
		case OFL_CSUM_NONE:
			printf("  %s none", what);
			break;
		default:
			printf("  %s unchecked", what);
			break;
		}
	}
	printf("\n");
}

/* @stop: why the link layer gave no view (NULL: the view's own reason) */
static void print_json(unsigned long n, const struct ofl_csum_view *w,
		       const struct ofl_csum_verdict *res, int ok,
		       const char *stop)
{
	int i;

	if (!stop)
		stop = csum_view_stop(w);

	printf("{\"frame\":%lu,\"layers\":[", n);
	for (i = 0; i < w->nlayers; i++)
		printf("%s\"%s\"", i ? "," : "",
		       ofl_csum_view_layer_name(w->layers[i]));
	printf("],\"checks\":[");
	for (i = 0; i < w->nchecks; i++) {
		const struct ofl_csum_check *c = &w->checks[i];
		const struct ofl_csum_verdict *r = &res[i];
		int sctp = c->kind == OFL_CSUM_KIND_SCTP;

		printf("%s{\"what\":\"%s\",\"offset\":%u,\"field\":%u,",
		       i ? "," : "", ofl_csum_kind_name(c->kind), c->off,
		       c->field);
		printf(sctp ? "\"stored\":\"0x%08x\"" : "\"stored\":\"0x%04x\"",
		       r->stored);
		if (r->has_computed)
			printf(sctp ? ",\"computed\":\"0x%08x\"" :
			       ",\"computed\":\"0x%04x\"", r->computed);
		printf(",\"ok\":%s,\"status\":\"%s\"",
		       r->result == OFL_CSUM_GOOD ? "true" :
		       r->result == OFL_CSUM_BAD ? "false" : "null",
		       verdict_name[r->result]);
		if (r->partial)
			printf(",\"partial\":true");
		if (r->why)
			printf(",\"note\":\"%s\"", ofl_csum_why_name(r->why));
		printf("}");
	}
	printf("],\"ok\":%s", ok ? "true" : "false");
	if (stop)
		printf(",\"note\":\"%s\"", stop);
	printf("}\n");
}

static void do_frame(const struct pcapio_frame *f, int json,
		     struct totals *t)
{
	static const struct ofl_csum_view none;
	const uint8_t *p = f->data;
	size_t len = f->caplen, base;
	struct ofl_csum_view w;
	struct ofl_csum_verdict res[OFL_CSUM_VIEW_MAX_CHECKS];
	const char *stop = NULL;
	int i, ok = 1, checked = 0, err;
	unsigned int root = link_root(f->linktype, p, len, &base, &err);

	t->frames++;
	if (root) {
		csum_view_frame(p, len, f->wirelen, root, base, &w);
	} else {
		w = none;
		stop = !link_supported(f->linktype) ? "link type not handled" :
		       err == OFL_ENODATA ? "short link header" : "not IP";
	}
	ofl_csum_view_verify(&w, sizeof(w), p, p + len, res);
	for (i = 0; i < w.nchecks; i++) {
		switch (res[i].result) {
		case OFL_CSUM_BAD:
			ok = 0;
			t->bad++;
			/* fall through */
		case OFL_CSUM_GOOD:
			t->checked++;
			checked = 1;
			break;
		case OFL_CSUM_NONE:
			t->none++;
			break;
		default:
			t->unchecked++;
			break;
		}
	}
	if (!ok)
		t->f_bad++;
	else if (checked)
		t->f_ok++;
	else
		t->f_none++;
	if (json)
		print_json(t->frames, &w, res, ok, stop);
	else
		print_human(t->frames, &w, res);
}

int cmd_csum(int argc, char **argv)
{
	struct totals t = { 0 };
	struct pcapio_in *in;
	struct pcapio_frame f;
	const char *path = NULL;
	int i, json = 0, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("csum", "unknown option %s",
					       argv[i]);
		else if (path)
			return cli_usage_error("csum", "one FILE only");
		else
			path = argv[i];
	}
	if (!path)
		return cli_usage_error("csum", "FILE missing");
	in = pcapio_open(path);
	if (!in)
		return CLI_EREAD;
	if (pcapio_linktype(in) >= 0 && !link_supported(pcapio_linktype(in))) {
		fprintf(stderr, "ofl: %s: link type %d not handled (" LINK_NAMES
			")\n", path, pcapio_linktype(in));
		pcapio_close(in);
		return CLI_EREAD;
	}
	while ((r = pcapio_next(in, &f)) == 1) {
		do_frame(&f, json, &t);
		cli_progress("csum", in, t.frames);
	}
	cli_progress_done();
	pcapio_close(in);
	if (r < 0)
		return CLI_EREAD;
	if (json)
		printf("{\"summary\":{\"frames\":%lu,\"checked\":%lu,"
		       "\"bad\":%lu,\"none\":%lu,\"unchecked\":%lu,"
		       "\"frames_ok\":%lu,\"frames_bad\":%lu,"
		       "\"frames_unchecked\":%lu}}\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked,
		       t.f_ok, t.f_bad, t.f_none);
	else
		printf("%lu frames, %lu checksums checked, %lu bad"
		       " (%lu not present, %lu not checkable); frames: %lu ok,"
		       " %lu with a bad checksum, %lu with none checked\n",
		       t.frames, t.checked, t.bad, t.none, t.unchecked,
		       t.f_ok, t.f_bad, t.f_none);
	return CLI_OK;
}
