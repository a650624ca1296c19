// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The ofl tool's capture reading on arbitrary bytes: no crash, no leak,
 * bounded time. The first input byte picks a command that reads captures
 * (csum, parse, rss, gso, gro, conform gro/gso/csum/rss) and its options;
 * the rest is written to a file as it is and handed to the command as a
 * user would, so tools/pcapio.c (the tool's own pcap/pcapng reader: it
 * uses no libpcap) judges it and the command runs on what it accepts.
 * Commands that read two captures get the bytes after the first "OFL2" as
 * the second one (the same file when there is none). Seeds: small valid
 * captures of every format and link type the reader takes, written by
 * fuzz/seeds_capture.c at build time (docs/FUZZING.md).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sanitizer/common_interface_defs.h>
#include "../tools/cli.h"
#include "../tools/cmds.h"

/* tools/ofl.c holds the command table and its help; the fuzzer links the
 * commands without it, and a usage error here prints no help. */
void cli_help(FILE *f, const char *cmd)
{
	(void)f;
	(void)cmd;
}

static char pa[64], pb[64], po[64], pong[64];
static int fd_err, fd_null;

static void put(const char *path, const uint8_t *d, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || (n && fwrite(d, 1, n, f) != n) || fclose(f))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(pa, sizeof(pa), "/tmp/fuzz_capture.%d.a", getpid());
	snprintf(pb, sizeof(pb), "/tmp/fuzz_capture.%d.b", getpid());
	snprintf(po, sizeof(po), "/tmp/fuzz_capture.%d.out", getpid());
	snprintf(pong, sizeof(pong), "/tmp/fuzz_capture.%d.out.pcapng",
		 getpid());
	/* reports go to stdout, errors about the input to stderr: during a
	 * command fd 2 is /dev/null (libFuzzer's own output is on stderr
	 * outside it), sanitizer reports go to a copy of the real fd 2 */
	fd_err = dup(2);
	fd_null = open("/dev/null", O_WRONLY);
	if (fd_err < 0 || fd_null < 0 || !freopen("/dev/null", "w", stdout))
		abort();
	__sanitizer_set_report_fd((void *)(intptr_t)fd_err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char mss[3][6] = { "1", "100", "1448" };
	static const char prof[4][8] = { "6.1", "6.12", "6.18", "7.0" };
	const uint8_t *sep;
	char *av[16];
	unsigned int v;
	int n = 0, cmd;

	if (size < 1)
		return 0;
	cmd = data[0] % 9;
	v = data[0] / 9u;	/* 0..28: option variants */
	data++;
	size--;
	sep = size >= 4 ? memmem(data, size, "OFL2", 4) : NULL;
	if (sep) {
		put(pa, data, (size_t)(sep - data));
		put(pb, sep + 4, size - (size_t)(sep - data) - 4);
	} else {
		put(pa, data, size);
		put(pb, data, size);
	}
	if (cmd >= 5)
		av[n++] = "conform";
	switch (cmd) {
	case 0:
		av[n++] = "csum";
		if (v & 1)
			av[n++] = "--json";
		av[n++] = pa;
		break;
	case 1:
		av[n++] = "parse";
		if (v % 4 == 1)
			av[n++] = "--json";
		else if (v % 4 == 2) {
			av[n++] = "--dot";
			av[n++] = v & 4 ? "2" : "1";
		} else if (v % 4 == 3) {
			av[n++] = "--mask";
			av[n++] = v & 4 ? "flow" : "offsets";
		}
		if (v & 8) {
			av[n++] = "--vxlan-port";
			av[n++] = "8472";
		}
		av[n++] = pa;
		break;
	case 2:
		av[n++] = "rss";
		av[n++] = pa;
		if (v & 1)
			av[n++] = "--json";
		if (v & 2)
			av[n++] = "--inner";
		if (v & 4)
			av[n++] = "--ex";
		if (v & 8)
			av[n++] = "--symmetric";
		if (v & 16) {
			av[n++] = "--queues";
			av[n++] = "3";
		}
		break;
	case 3:
		av[n++] = "gso";
		av[n++] = "--mss";
		av[n++] = (char *)mss[v % 3];
		if (v & 4) {
			av[n++] = "--gso-max-size";
			av[n++] = "3000";
		}
		if (v & 8)
			av[n++] = "--json";
		av[n++] = pa;
		av[n++] = v & 16 ? pong : po;
		break;
	case 4:
		av[n++] = "gro";
		av[n++] = "--profile";
		av[n++] = (char *)prof[v % 4];
		if ((v & 4) && v % 4)
			av[n++] = "--fraglist";
		if ((v & 4) && v % 4 == 2)
			av[n++] = "--segment-list";
		if (v & 8) {
			av[n++] = "--vxlan";
			av[n++] = "--geneve";
		}
		if (v & 16) {
			av[n++] = "--flush-every";
			av[n++] = "3";
		}
		if (v & 32)
			av[n++] = "--no-iptun";
		av[n++] = pa;
		av[n++] = v & 16 ? pong : po;
		break;
	case 5:
		av[n++] = "gro";
		av[n++] = "--profile";
		av[n++] = (char *)prof[v % 4];
		av[n++] = pa;
		av[n++] = pb;
		break;
	case 6:
		av[n++] = "gso";
		av[n++] = "--mss";
		av[n++] = (char *)mss[v % 3];
		av[n++] = pa;
		av[n++] = pb;
		break;
	case 7:
		av[n++] = "csum";
		if (v & 1)
			av[n++] = v & 2 ? "--tx" : "--rx";
		av[n++] = pa;
		break;
	default:
		av[n++] = "rss";
		av[n++] = "--key";
		av[n++] = "6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b4"
			  "77cb2da38030f20c6a42b73bbeac01fa";
		av[n++] = "--indir";
		av[n++] = "0,1,1,0";
		if (v & 1) {
			av[n++] = "--hash-fields";
			av[n++] = "sd";
		}
		av[n++] = pa;
		av[n++] = pb;
		break;
	}
	if (cmd >= 5 && (v & 8))
		av[n++] = v & 16 ? "--json" : "--ktap";
	av[n] = NULL;
	fflush(stderr);
	if (dup2(fd_null, 2) < 0)
		abort();
	if (cmd >= 5)
		cmd_conform(n, av);
	else if (cmd == 0)
		cmd_csum(n, av);
	else if (cmd == 1)
		cmd_parse(n, av);
	else if (cmd == 2)
		cmd_rss(n, av);
	else if (cmd == 3)
		cmd_gso(n, av);
	else
		cmd_gro(n, av);
	fflush(stderr);
	if (dup2(fd_err, 2) < 0)
		abort();
	/* no files left in /tmp when the run ends, however it ends (an
	 * interrupted libFuzzer leaves through _Exit, past any atexit) */
	unlink(pa);
	unlink(pb);
	unlink(po);
	unlink(pong);
	return 0;
}
