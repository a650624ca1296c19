// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <offload/gro.h>
#include "cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ofl %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	cli_help(stderr, cmd);
	return CLI_EUSAGE;
}

int cli_number(const char *cmd, const char *opt, const char *s, long lo,
	       long hi, long *out)
{
	char *e;
	long v;

	if (!s)
		return cli_usage_error(cmd, "%s needs a value (%ld..%ld)",
				       opt, lo, hi);
	errno = 0;
	v = strtol(s, &e, 10);
	if (errno || e == s || *e || v < lo || v > hi)
		return cli_usage_error(cmd, "bad %s %s: want %ld..%ld", opt, s,
				       lo, hi);
	*out = v;
	return 0;
}

/*
 * The lib/gro profile of kernel @major.@minor.@sub (@sub 0: unknown, or
 * the line as first released). The 2024 fix that made udp4/6_gro_complete
 * read the outer header (NAPI_GRO_CB()->network_offsets, mainline
 * 5ef31ea5d053, in 6.9) went to the 6.6.y (6.6.31) and 6.8.y (6.8.10)
 * stable lines too, not to 6.1.y: those kernels follow the 6.10 rules
 * (docs/GRO.md, "6.1 to 6.3").
 */
static uint32_t profile_of(long major, long minor, long sub)
{
	if (major > 6)
		return OFL_GRO_PROFILE_7_0;
	if (major == 6 && minor >= 18)
		return OFL_GRO_PROFILE_6_18;
	if (major == 6 && (minor >= 9 || (minor == 6 && sub >= 31) ||
			   (minor == 8 && sub >= 10)))
		return OFL_GRO_PROFILE_6_10;
	return OFL_GRO_PROFILE_6_1;	/* 6.1, and the lines before 6.10 */
}

uint32_t cli_profile_running(void)
{
	struct utsname u;
	long major = 6, minor = 18, sub = 0;

	if (!uname(&u))
		sscanf(u.release, "%ld.%ld.%ld", &major, &minor, &sub);
	return profile_of(major, minor, sub);
}

int cli_profile(const char *cmd, const char *opt, const char *s,
		uint32_t *profile)
{
	long major, minor, sub = 0;
	char c;
	int n;

	if (!s)
		return cli_usage_error(cmd, "%s needs a kernel line (6.1, "
				       "6.12, 6.18, 7.0 ... or running)", opt);
	if (!strcmp(s, "running")) {
		*profile = cli_profile_running();
		return 0;
	}
	/* a line (6.12) or a release (6.12.118+deb12-amd64, uname -r) */
	n = sscanf(s, "%ld.%ld%c", &major, &minor, &c);
	if ((n != 2 && (n != 3 || (c != '.' && c != '-'))) || major < 2 ||
	    major > 99 || minor < 0 || minor > 99)
		return cli_usage_error(cmd, "bad %s %s: want a kernel line "
				       "X.Y (6.1, 6.12, 6.18, 7.0 ...) or "
				       "running", opt, s);
	if (n == 3 && c == '.' && (sscanf(s, "%ld.%ld.%ld", &major, &minor,
					  &sub) != 3 || sub < 0))
		sub = 0;
	*profile = profile_of(major, minor, sub);
	return 0;
}

static int progress_on = -1;
static int progress_shown;
static struct timespec progress_last;

void cli_progress(const char *cmd, const struct pcapio_in *in,
		  unsigned long frames)
{
	struct timespec now;
	uint64_t size = pcapio_size(in);

	if (progress_on < 0) {
		progress_on = isatty(2);
		clock_gettime(CLOCK_MONOTONIC, &progress_last);
	}
	if (!progress_on || (frames & 1023))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - progress_last.tv_sec) * 1000 +
	    (now.tv_nsec - progress_last.tv_nsec) / 1000000 < 500)
		return;
	progress_last = now;
	if (size)
		fprintf(stderr, "\rofl %s: %lu frames, %3u%%", cmd, frames,
			(unsigned int)(pcapio_pos(in) * 100 / size));
	else
		fprintf(stderr, "\rofl %s: %lu frames", cmd, frames);
	progress_shown = 1;
}

void cli_progress_done(void)
{
	if (progress_shown)
		fprintf(stderr, "\r\033[K");
	progress_shown = 0;
}
