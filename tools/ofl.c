// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ofl: command-line front end of libofl. */
#include <stdio.h>
#include <string.h>
#include <offload/version.h>
#include "cmds.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} cmds[] = {
	{ "csum", cmd_csum, "csum [--json] FILE.pcap    verify every checksum of every frame" },
	{ "parse", cmd_parse, "parse [--json] FILE.pcap   list the layers of every frame" },
	{ "graph", cmd_graph, "graph [--json|--dot]       dump the parse graph" },
	{ "rss", cmd_rss, "rss FILE.pcap [--key HEX] [--queues N] [--symmetric] [--json]" },
	{ "gso", cmd_gso, "gso --mss N IN.pcap OUT.pcap   segment as Linux GSO does" },
	{ "gro", cmd_gro, "gro [--flush-every N] [--vxlan] [--geneve] [--no-iptun] IN.pcap OUT.pcap   coalesce as Linux GRO does" },
	{ "conform", cmd_conform, "conform gro|gso|csum|rss [--json|--ktap] ...   a device's offload output against Linux (docs/CONFORM.md)" },
	{ "id", cmd_id, "id [FILE...]               program identities of images" },
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "ofl %s - one C source for network offloads\nusage:\n",
		OFL_VERSION_STRING);
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(f, "  ofl %s\n", cmds[i].help);
	fprintf(f, "  ofl version\n");
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
		printf("ofl %s\n", OFL_VERSION_STRING);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "ofl: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
