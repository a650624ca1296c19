// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The conformance runner: freestanding (no libc), the same source in every
 * target. It builds each case's input record in c->in, runs it (directly or
 * through c->exec), checks known answers and folds every output into the
 * digest. See conf.h for the record and digest formats.
 */
#include "conf.h"
#include "exec_common.h"

/* Modules present on this tree: each adds exec_<m>.h + vectors_<m>.c. */
#if __has_include("vectors_csum.c")
#include "exec_csum.h"
#define OFL_CONF_HAVE_CSUM 1
#endif
#if __has_include("vectors_parser.c")
#include "exec_parser.h"
#define OFL_CONF_HAVE_PARSER 1
#endif
#if __has_include("vectors_rss.c")
#include "exec_rss.h"
#define OFL_CONF_HAVE_RSS 1
#endif
#if __has_include("vectors_gso.c")
#include "exec_gso.h"
#define OFL_CONF_HAVE_GSO 1
#endif
#if __has_include("vectors_gro.c")
#include "exec_gro.h"
#define OFL_CONF_HAVE_GRO 1
#endif

#define OFL_CONF_FNV_BASIS 0xcbf29ce484222325ULL
#define OFL_CONF_FNV_PRIME 0x100000001b3ULL

static uint64_t ofl_conf_fnv(uint64_t h, const uint8_t *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= OFL_CONF_FNV_PRIME;
	}
	return h;
}

/* xorshift64* (Vigna): the generator of every generated vector. */
static uint32_t ofl_conf_rand32(struct ofl_conf *c)
{
	uint64_t x = c->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	c->rng = x;
	return (uint32_t)((x * 0x2545f4914f6cdd1dULL) >> 32);
}

static void ofl_conf_fill(struct ofl_conf *c, uint8_t *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)ofl_conf_rand32(c);
}

static int ofl_conf_exec_local(struct ofl_conf *c, unsigned int m,
			       unsigned int op, const uint8_t *in,
			       unsigned int len, uint8_t *out)
{
	const uint8_t *end = in + len;
	void *scratch = c->scratch;

	(void)op;
	(void)end;
	(void)out;
	(void)scratch;
	switch (m) {
#ifdef OFL_CONF_HAVE_CSUM
	case OFL_CONF_CSUM:
		return ofl_conf_csum_exec(op, in, end, out, scratch, (void *)0);
#endif
#ifdef OFL_CONF_HAVE_PARSER
	case OFL_CONF_PARSER:
		return ofl_conf_parser_exec(op, in, end, out, scratch, (void *)0);
#endif
#ifdef OFL_CONF_HAVE_RSS
	case OFL_CONF_RSS:
		return ofl_conf_rss_exec(op, in, end, out, scratch, (void *)0);
#endif
#ifdef OFL_CONF_HAVE_GSO
	case OFL_CONF_GSO:
		return ofl_conf_gso_exec(op, in, end, out, scratch, (void *)0);
#endif
#ifdef OFL_CONF_HAVE_GRO
	case OFL_CONF_GRO:
		return ofl_conf_gro_exec(op, in, end, out, c->state,
					 (void *)0);
#endif
	default:
		return -1;
	}
}

int ofl_conf_exec_native(struct ofl_conf *c, unsigned int m, unsigned int op,
			 const uint8_t *in, unsigned int len, uint8_t *out)
{
	return ofl_conf_exec_local(c, m, op, in, len, out);
}

static void ofl_conf_fail(struct ofl_conf *c)
{
	if (!c->failures)
		c->first_fail = c->cases;
	c->failures++;
}

/*
 * Runs the record c->in[0..len) as operation @op of module @m, folds the
 * output into the digests and returns its length (negative: not run).
 */
static int ofl_conf_case(struct ofl_conf *c, unsigned int m, unsigned int op,
			 unsigned int len)
{
	uint8_t hdr[4];
	int n;

	if (len > OFL_CONF_IN_MAX || m >= OFL_CONF_NMODULES) {
		n = -1;
	} else {
		unsigned int i;

		for (i = 0; i < OFL_CONF_OUT_MAX; i++)
			c->out[i] = 0;
		n = c->exec ? c->exec(c->exec_ctx, m, op, c->in, len, c->out) :
			      ofl_conf_exec_local(c, m, op, c->in, len,
						  c->out);
	}
	c->cases++;
	if (n < 0 || n > OFL_CONF_OUT_MAX) {
		ofl_conf_fail(c);
		n = -1;
	}
	hdr[0] = (uint8_t)m;
	hdr[1] = (uint8_t)op;
	hdr[2] = (uint8_t)n;
	hdr[3] = (uint8_t)((unsigned int)n >> 8);
	c->digest = ofl_conf_fnv(c->digest, hdr, 4);
	c->digest = ofl_conf_fnv(c->digest, c->out, n < 0 ? 0 : (unsigned)n);
	if (m < OFL_CONF_NMODULES) {
		c->mdigest[m] = ofl_conf_fnv(c->mdigest[m], hdr, 4);
		c->mdigest[m] = ofl_conf_fnv(c->mdigest[m], c->out,
					     n < 0 ? 0 : (unsigned)n);
		c->mcases[m]++;
	}
	return n;
}

/* A known answer: the case must give @want (@n bytes): exactly, or with
 * @prefix as its first @n bytes of a longer output. */
static void ofl_conf_expect_n(struct ofl_conf *c, unsigned int m,
			      unsigned int op, unsigned int len,
			      const uint8_t *want, unsigned int n, int prefix)
{
	unsigned int i;
	int got = ofl_conf_case(c, m, op, len);

	if (prefix ? got < (int)n : got != (int)n) {
		ofl_conf_fail(c);
		return;
	}
	for (i = 0; i < n; i++) {
		if (c->out[i] != want[i]) {
			ofl_conf_fail(c);
			return;
		}
	}
}

#define ofl_conf_expect(c, m, op, len, want, n)				\
	ofl_conf_expect_n((c), (m), (op), (len), (want), (n), 0)

#ifdef OFL_CONF_HAVE_CSUM
#include "vectors_csum.c"
#endif
#ifdef OFL_CONF_HAVE_PARSER
#include "vectors_parser.c"
#endif
#ifdef OFL_CONF_HAVE_RSS
#include "vectors_rss.c"
#endif
#ifdef OFL_CONF_HAVE_GSO
#include "vectors_gso.c"
#endif
#ifdef OFL_CONF_HAVE_GRO
#include "vectors_gro.c"
#endif

void ofl_conf_run(struct ofl_conf *c, ofl_conf_exec_fn exec, void *ctx)
{
	unsigned int i;

	c->digest = OFL_CONF_FNV_BASIS;
	for (i = 0; i < OFL_CONF_NMODULES; i++) {
		c->mdigest[i] = OFL_CONF_FNV_BASIS;
		c->mcases[i] = 0;
	}
	c->cases = 0;
	c->failures = 0;
	c->first_fail = 0;
	c->exec = exec;
	c->exec_ctx = ctx;
	/* each module starts from its own seed: adding one leaves the
	 * others' vectors unchanged */
#ifdef OFL_CONF_HAVE_CSUM
	c->rng = 0x0f1c5eed00000000ULL + OFL_CONF_CSUM;
	ofl_conf_vectors_csum(c);
#endif
#ifdef OFL_CONF_HAVE_PARSER
	c->rng = 0x0f1c5eed00000000ULL + OFL_CONF_PARSER;
	ofl_conf_vectors_parser(c);
#endif
#ifdef OFL_CONF_HAVE_RSS
	c->rng = 0x0f1c5eed00000000ULL + OFL_CONF_RSS;
	ofl_conf_vectors_rss(c);
#endif
#ifdef OFL_CONF_HAVE_GSO
	c->rng = 0x0f1c5eed00000000ULL + OFL_CONF_GSO;
	ofl_conf_vectors_gso(c);
#endif
#ifdef OFL_CONF_HAVE_GRO
	c->rng = 0x0f1c5eed00000000ULL + OFL_CONF_GRO;
	ofl_conf_vectors_gro(c);
#endif
}

const char *ofl_conf_module_name(unsigned int m)
{
	switch (m) {
	case OFL_CONF_CSUM:
		return "csum";
	case OFL_CONF_PARSER:
		return "parser";
	case OFL_CONF_RSS:
		return "rss";
	case OFL_CONF_GSO:
		return "gso";
	case OFL_CONF_GRO:
		return "gro";
	default:
		return "?";
	}
}

static unsigned int ofl_conf_puts(char *b, unsigned int at, const char *s)
{
	while (*s)
		b[at++] = *s++;
	return at;
}

static unsigned int ofl_conf_hex64(char *b, unsigned int at, uint64_t v)
{
	static const char x[] = "0123456789abcdef";
	int i;

	for (i = 60; i >= 0; i -= 4)
		b[at++] = x[(v >> i) & 15u];
	return at;
}

static unsigned int ofl_conf_dec(char *b, unsigned int at, uint32_t v)
{
	char t[10];
	unsigned int n = 0;

	do {
		t[n++] = (char)('0' + v % 10u);
		v /= 10u;
	} while (v && n < sizeof(t));
	while (n)
		b[at++] = t[--n];
	return at;
}

unsigned int ofl_conf_summary(const struct ofl_conf *c, char *buf)
{
	unsigned int n = 0;

	n = ofl_conf_puts(buf, n, "digest ");
	n = ofl_conf_hex64(buf, n, c->digest);
	n = ofl_conf_puts(buf, n, " cases ");
	n = ofl_conf_dec(buf, n, c->cases);
	n = ofl_conf_puts(buf, n, " failures ");
	n = ofl_conf_dec(buf, n, c->failures);
	if (c->failures) {
		n = ofl_conf_puts(buf, n, " first ");
		n = ofl_conf_dec(buf, n, c->first_fail);
	}
	buf[n] = 0;
	return n;
}

unsigned int ofl_conf_modules(const struct ofl_conf *c, char *buf,
			      unsigned int cap)
{
	unsigned int m, n = 0;

	for (m = 1; m < OFL_CONF_NMODULES; m++) {
		if (!c->mcases[m] || n + 80 > cap)
			continue;
		n = ofl_conf_puts(buf, n, "module ");
		n = ofl_conf_puts(buf, n, ofl_conf_module_name(m));
		n = ofl_conf_puts(buf, n, " digest ");
		n = ofl_conf_hex64(buf, n, c->mdigest[m]);
		n = ofl_conf_puts(buf, n, " cases ");
		n = ofl_conf_dec(buf, n, c->mcases[m]);
		buf[n++] = '\n';
	}
	if (n < cap)
		buf[n] = 0;
	return n;
}
