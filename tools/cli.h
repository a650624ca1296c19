/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * One command-line convention for every ofl command (docs/TOOL.md):
 * `ofl --help`, `ofl help CMD` and `ofl CMD --help` print usage to stdout
 * and exit 0; a usage error prints what is wrong (with the valid range)
 * and the synopsis to stderr and exits 2; a read error exits 1; every
 * command that reads a capture ends with one summary line accounting for
 * every frame; progress goes to stderr only when it is a terminal.
 */
#ifndef OFL_TOOLS_CLI_H
#define OFL_TOOLS_CLI_H

#include <stdint.h>
#include <stdio.h>
#include "pcapio.h"

#define CLI_OK 0
#define CLI_EREAD 1
#define CLI_EUSAGE 2

/* The full help of @cmd to @f (ofl.c holds the texts). */
void cli_help(FILE *f, const char *cmd);
/* "ofl CMD: <message>" then the synopsis, to stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A whole decimal number in lo..hi, or a usage error naming @opt and the
 * range; 0 or 2. */
int cli_number(const char *cmd, const char *opt, const char *s, long lo,
	       long hi, long *out);

/*
 * A kernel line for --profile (ofl gro, ofl gso, ofl conform): "6.1",
 * "6.12", "6.18", "7.0", any "X.Y" line or full release ("6.12.118+deb12-
 * amd64", as uname -r prints it), or "running" (the kernel this runs on,
 * the default). *@profile gets the lib/gro profile of that line
 * (enum ofl_gro_profile: 6.1 and the lines up to 6.9 the 6.1 profile,
 * 6.10 to 6.17 the 6.10 one, 6.18 and 6.19 the 6.18 one, later lines the
 * 7.0 one). 0, or a usage error naming @opt: 2.
 */
int cli_profile(const char *cmd, const char *opt, const char *s,
		uint32_t *profile);
/* The lib/gro profile of the running kernel's line. */
uint32_t cli_profile_running(void);

/* Progress over a capture: a line on stderr, rewritten at most every
 * half second, when stderr is a terminal; nothing otherwise. */
void cli_progress(const char *cmd, const struct pcapio_in *in,
		  unsigned long frames);
void cli_progress_done(void);

#endif
