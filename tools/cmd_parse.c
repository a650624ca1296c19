// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ofl parse [--json] FILE.pcap: the layers of every frame (lib/parser). */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include "cmds.h"
#include "pcapio.h"
#include "parser_fmt.h"

int cmd_parse(int argc, char **argv)
{
	const char *path = NULL;
	struct pcapio_in *in;
	struct ofl_parse_result r;
	const uint8_t *data;
	size_t len, wirelen;
	uint64_t ts;
	unsigned long frame = 0;
	int json = 0, i, rc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = 1;
		else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			printf("usage: ofl parse [--json] FILE.pcap\n"
			       "  one line (or JSON object) per frame: its layers "
			       "(protocol@offset),\n  flows, tunnel ids, and where "
			       "parsing stopped (docs/PARSER.md)\n");
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
		fprintf(stderr, "usage: ofl parse [--json] FILE.pcap\n");
		return 2;
	}
	in = pcapio_open(path);
	if (!in)
		return 1;
	while ((rc = pcapio_next(in, &data, &len, &wirelen, &ts)) == 1) {
		frame++;
		ofl_parse(data, data + len, OFL_PROTO_ETH, &r);
		if (json)
			parser_print_json(stdout, frame, &r);
		else
			parser_print_text(stdout, frame, &r);
	}
	pcapio_close(in);
	return rc < 0 ? 1 : 0;
}
