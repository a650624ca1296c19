// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* ofl: command-line front end of libofl. docs/TOOL.md and ofl(1)
 * (docs/ofl.1) describe every command; the texts here are their help. */
#include <stdio.h>
#include <string.h>
#include <offload/version.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"

#define FILES "FILE: pcap or pcapng, '-' for standard input;\n" \
	"  link types: " LINK_NAMES ".\n"
#define EXITS "Exit: 0 the capture was read to the end, 1 a file could not " \
	"be read\n  or written, 2 usage error.\n"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *synopsis;
	const char *help;
} cmds[] = {
	{ "csum", cmd_csum, "csum [--json] FILE",
	  "Verify every checksum of every frame, outer and inner (IPv4 header,\n"
	  "TCP, UDP, ICMP, ICMPv6, IGMP, GRE, SCTP CRC32c) with lib/csum.\n"
	  "  --json   one JSON object per frame, then a summary object\n"
	  "Per check: ok, BAD(stored, want computed), BAD(partial) (the\n"
	  "pseudo-header sum of a TSO/GSO super-frame), none, unchecked\n"
	  "(truncated: fewer bytes captured than the frame's lengths say).\n"
	  FILES EXITS },
	{ "parse", cmd_parse, "parse [--json | --dot N] [--mask LEVEL] "
	  "[--vxlan-port N] [--geneve-port N] [--vxlan-gpe-port N] FILE",
	  "List the layers of every frame as lib/parser finds them\n"
	  "(protocol@offset), flows, tunnel ids, where parsing stopped.\n"
	  "  --json   one JSON object per frame, then a summary object\n"
	  "  --dot N  the path frame N (from 1) took through the parse graph,\n"
	  "           as Graphviz dot (render: dot -Tsvg)\n"
	  "  --mask LEVEL  one request level of lib/parser only: offsets\n"
	  "           (protocols, header offsets), flow (+ addresses, ports),\n"
	  "           layers (+ the layer list), all (the default); what the\n"
	  "           level does not fill is not printed\n"
	  "  --vxlan-port N, --geneve-port N, --vxlan-gpe-port N\n"
	  "           UDP port N carries that tunnel too (repeatable, up to\n"
	  "           16 ports; 4789, 6081 and 4790 always do)\n"
	  FILES EXITS },
	{ "graph", cmd_graph, "graph [--json | --dot]",
	  "Dump the parse graph from lib/parser's const tables.\n"
	  "  --json   (default) the graph as JSON (schema: docs/PARSER.md)\n"
	  "  --dot    Graphviz dot: protocol names on the edges, layers in\n"
	  "           clusters, a legend (render: dot -Tsvg -o graph.svg)\n"
	  "Exit: 0, or 2 on a usage error.\n" },
	{ "rss", cmd_rss, "rss FILE [--key HEX] [--queues N] [--reta SIZE] "
	  "[--symmetric] [--symmetric-key] [--inner] [--ex] [--json]",
	  "Toeplitz hash (lib/rss), hash type and queue of every frame, then\n"
	  "how evenly the queues fill.\n"
	  "  --key HEX        key bytes (4..256): 6d5a56da... or 6d:5a:...\n"
	  "                   (default: Microsoft's 40-byte verification key)\n"
	  "  --queues N       queues behind the indirection table, 1..65535\n"
	  "                   (default 8)\n"
	  "  --reta SIZE      indirection table entries, 64..512 (default 128)\n"
	  "  --symmetric      symmetric-xor input transform (ethtool, DPDK)\n"
	  "  --symmetric-key  the key 6d5a repeated (40 bytes unless --key)\n"
	  "  --inner          hash the inner IP layer of tunnels\n"
	  "  --ex             enable the IPV6_EX hash types\n"
	  "  --json           one JSON object per frame, then a summary\n"
	  FILES EXITS },
	{ "gso", cmd_gso, "gso --mss N [--gso-max-size N] [--profile LINE] "
	  "[--json] IN OUT",
	  "Segment every frame whose TCP/UDP payload exceeds N bytes as Linux\n"
	  "GSO does (lib/gso), with complete checksums; other frames are\n"
	  "copied unchanged. OUT is a pcap of IN's link type.\n"
	  "  --mss N  segment payload size, 1..65535\n"
	  "  --gso-max-size N  refuse super-frames of more than N bytes from\n"
	  "           the IP header on (a sender's gso_max_size, 1..524280;\n"
	  "           default: no limit). BIG TCP frames (IPv4 tot_len 0, IPv6\n"
	  "           jumbo hop-by-hop header) are cut as Linux cuts them\n"
	  "  --profile LINE  a kernel line (6.1, 6.12, 6.18, 7.0 ... or\n"
	  "           running, the default): accepted for symmetry with gro;\n"
	  "           lib/gso cuts the same way on every line it was proven on\n"
	  "  --json   one JSON object per input frame, then a summary object\n"
	  "A frame is refused (left out of OUT, as Linux drops it; the reason\n"
	  "on stderr) when"
	  " lib/gso cannot cut it as Linux would: an IPv6 Jumbo\n  Payload"
	  " option not in BIG TCP's form, more segments than the limit.\n"
	  "IN: " FILES EXITS },
	{ "gro", cmd_gro, "gro [--profile LINE] [--flush-every N] "
	  "[--gro-max-size N] [--vxlan] [--geneve] [--no-iptun] "
	  "[--fraglist [--segment-list]] [--hw-vlan] "
	  "[--rx-csum none|unnecessary|complete] [--json] IN OUT",
	  "Coalesce the frames of IN as Linux GRO does (lib/gro), one receive\n"
	  "burst; OUT holds what a Linux receiver delivers, in its order (a\n"
	  "pcap of IN's link type).\n"
	  "  --profile LINE   the rules of kernel line LINE: 6.1, 6.12, 6.18,\n"
	  "                   7.0 ... or running (the default: this machine's\n"
	  "                   kernel)\n"
	  "  --flush-every N  flush after every N frames (a poll budget),\n"
	  "                   1..4294967295\n"
	  "  --gro-max-size N gro_max_size and gro_ipv4_max_size, 1..524280\n"
	  "                   (default 65536; above it BIG TCP)\n"
	  "  --vxlan          a VXLAN socket listens on UDP 4789\n"
	  "  --geneve         a GENEVE socket listens on UDP 6081\n"
	  "  --no-iptun       do not merge GRE and IP-in-IP tunnels\n"
	  "  --fraglist       rx-gro-list on a forwarding host: UDP and TCP\n"
	  "                   merged as whole frames (skb_gro_receive_list)\n"
	  "  --segment-list   write each fraglist frame as the frames\n"
	  "                   skb_segment_list gives back (with --fraglist)\n"
	  "  --hw-vlan        rx-vlan-offload: the outer 802.1Q/802.1ad tag of\n"
	  "                   each frame is stripped into the frame's tag\n"
	  "                   (compared as skb->vlan_all); written back into\n"
	  "                   every output frame, as libpcap shows it\n"
	  "  --rx-csum S      the device's checksum report: none (default),\n"
	  "                   unnecessary, or complete (the tool sums each\n"
	  "                   frame from byte 14, as CHECKSUM_COMPLETE)\n"
	  "  --json           one JSON object per output frame (with its\n"
	  "                   ip_summed and stripped tag), then a summary\n"
	  "IN: " FILES EXITS },
	{ "conform", cmd_conform, "conform gro|gso|csum|rss [--json | --ktap] "
	  "...",
	  "Hold a device's offload output against Linux and name the rule\n"
	  "each difference breaks (docs/CONFORM.md).\n"
	  "  conform gro [--profile P] [--gro-max-size N] SENT RECEIVED\n"
	  "  conform gso --mss N [--profile P] SUPER WIRE\n"
	  "  conform csum [--tx | --rx] FILE\n"
	  "  conform rss --key HEX --indir Q,Q,... [--hash-fields SPEC]\n"
	  "              QUEUE0 QUEUE1 ...\n"
	  "  --json   one JSON object per finding, then a summary object\n"
	  "  --ktap   KTAP (the kernel selftests' format)\n"
	  "Exit: 0 conforms, 1 does not, 2 bad input or a usage error.\n" },
	{ "id", cmd_id, "id [--json] [--device DEV] [FILE...]",
	  "Without FILE: the identity (SHA-256 of each module's source) of\n"
	  "this build. With FILEs (ELF images: libraries, BPF objects,\n"
	  "kernel modules, firmware): the identities each carries in .ofl_id,\n"
	  "then whether they equal each other and this build.\n"
	  "  --device DEV  the identities device DEV reports (devlink dev info,\n"
	  "                running fw.app.ofl.<module>; DEV a network device\n"
	  "                or a devlink handle BUS/NAME) against each FILE's,\n"
	  "                or against this build's without FILE\n"
	  "  --json        one JSON object per identity\n"
	  "Exit: 0 equal, 1 different (or a module the device does not\n"
	  "report), 2 usage error, a file without identities, or a device\n"
	  "that cannot be read (no devlink, not an ofl device).\n" },
};

#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "ofl %s - one C source for network offloads\nusage:\n",
		OFL_VERSION_STRING);
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  ofl %s\n", cmds[i].synopsis);
	fprintf(f, "  ofl help [CMD]\n  ofl version\n"
		"`ofl CMD --help` says more; docs/TOOL.md and ofl(1) say all.\n");
}

void cli_help(FILE *f, const char *cmd)
{
	size_t i;

	for (i = 0; i < NCMDS; i++)
		if (!strcmp(cmd, cmds[i].name)) {
			fprintf(f, "usage: ofl %s\n", cmds[i].synopsis);
			if (f == stdout)
				fputs(cmds[i].help, f);
			else
				fprintf(f, "Try 'ofl %s --help'.\n", cmd);
			return;
		}
	usage(f);
}

static int is_help(const char *a)
{
	return !strcmp(a, "-h") || !strcmp(a, "--help");
}

int main(int argc, char **argv)
{
	size_t i;
	int a;

	if (argc < 2) {
		usage(stderr);
		return CLI_EUSAGE;
	}
	if (is_help(argv[1]) || !strcmp(argv[1], "help")) {
		if (!strcmp(argv[1], "help") && argc > 2) {
			for (i = 0; i < NCMDS; i++)
				if (!strcmp(argv[2], cmds[i].name))
					break;
			if (i == NCMDS) {
				fprintf(stderr, "ofl: unknown command '%s'\n",
					argv[2]);
				usage(stderr);
				return CLI_EUSAGE;
			}
			cli_help(stdout, argv[2]);
			return 0;
		}
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
		printf("ofl %s\n", OFL_VERSION_STRING);
		return 0;
	}
	for (i = 0; i < NCMDS; i++) {
		if (strcmp(argv[1], cmds[i].name))
			continue;
		for (a = 2; a < argc; a++)
			if (is_help(argv[a])) {
				cli_help(stdout, cmds[i].name);
				return 0;
			}
		return cmds[i].fn(argc - 1, argv + 1);
	}
	fprintf(stderr, "ofl: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return CLI_EUSAGE;
}
