/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The conformance suite: one set of vectors, one runner, every target.
 *
 * The runner is freestanding (no libc, no allocation): the same source runs
 * in userspace, in a kernel module's init, on bare-metal firmware and under
 * qemu-user on a big-endian host; in eBPF the per-operation entry points
 * (exec_<module>.h) run inside BPF programs and the runner drives them from
 * the host through BPF_PROG_TEST_RUN (struct ofl_conf.exec).
 *
 * Each module contributes two files:
 *   exec_<module>.h     static inline int ofl_conf_<module>_exec(op, in, end,
 *                       out, scratch, ctx): decode one serialized input record
 *                       [in, end), call the library, write at most
 *                       OFL_CONF_OUT_MAX canonical output bytes to out;
 *                       BPF-safe (every read checked against end, bounded
 *                       loops, small stack); scratch: OFL_CONF_SCRATCH_MAX
 *                       bytes of working memory; ctx: NULL natively, the
 *                       struct xdp_md * in BPF (for global functions that
 *                       re-derive packet pointers). Also the list
 *                       OFL_CONF_<MODULE>_ENTRIES(X) of its operations.
 *   vectors_<module>.c  the cases: known answers (with expected outputs) and
 *                       generated inputs (a documented PRNG, so the vectors
 *                       need no tables), fed through ofl_conf_case().
 * conf_run.c includes every vectors_<module>.c present (__has_include).
 *
 * Canonical outputs: never a host-order value. A folded checksum is emitted
 * as the two bytes a plain 16-bit store writes (wire order on any host);
 * a plain number as little-endian bytes; partial sums that depend on the
 * host's byte order are folded first.
 *
 * The digest is FNV-1a 64 (offset basis 0xcbf29ce484222325, prime
 * 0x100000001b3) over, for every case in order: module id, operation (one
 * byte each), output length (two bytes, little-endian; 0xffff when the
 * target could not run the case), then the output bytes. See
 * docs/TARGETS.md.
 */
#ifndef OFL_CONF_H
#define OFL_CONF_H

#include <offload/offload.h>

/* Output bytes per case, at most. A module whose result is larger (GSO
 * segments, a GRO super-packet) emits a canonical summary of it: lengths,
 * header bytes, checksums of each produced packet. */
#define OFL_CONF_OUT_MAX 256
#define OFL_CONF_IN_MAX 2048	/* serialized input bytes per case, max */
#define OFL_CONF_OUT_OFF 256	/* BPF: packet = output area + input */
/* Caller-provided working memory for an exec function (a GRO table, RSS
 * tables ...): static RAM natively, a BPF array map value in BPF. Its
 * contents are undefined on entry; an exec initializes what it uses. */
#ifndef OFL_CONF_SCRATCH_MAX
#define OFL_CONF_SCRATCH_MAX 32768
#endif
/* State that lives across the cases of a sequence (the GRO context and its
 * deliveries, exec_gro.h): natively here, in BPF a map of its own. */
#ifndef OFL_CONF_STATE_MAX
#define OFL_CONF_STATE_MAX 106496
#endif

/* Module ids: stable numbers, folded into the digest. */
enum ofl_conf_module {
	OFL_CONF_CSUM = 1,
	OFL_CONF_PARSER = 2,
	OFL_CONF_RSS = 3,
	OFL_CONF_GSO = 4,
	OFL_CONF_GRO = 5,
	OFL_CONF_NMODULES = 6,
};

struct ofl_conf;

/*
 * Runs one case elsewhere (BPF): returns the output length or a negative
 * number when the target failed to run it.
 */
typedef int (*ofl_conf_exec_fn)(void *ctx, unsigned int module,
				unsigned int op, const uint8_t *in,
				unsigned int in_len, uint8_t *out);

struct ofl_conf {
	uint64_t digest;			/* over every module */
	uint64_t mdigest[OFL_CONF_NMODULES];	/* per module */
	uint32_t mcases[OFL_CONF_NMODULES];
	uint32_t cases;
	uint32_t failures;	/* known answers wrong or cases not run */
	uint32_t first_fail;	/* case number of the first failure + 1 */
	uint64_t rng;		/* xorshift64* state of the generators */
	ofl_conf_exec_fn exec;	/* NULL: call the library directly */
	void *exec_ctx;
	uint8_t in[OFL_CONF_IN_MAX];	/* the input record being built */
	uint8_t out[OFL_CONF_OUT_MAX];
	uint64_t scratch[OFL_CONF_SCRATCH_MAX / 8];	/* exec's memory */
	uint64_t state[OFL_CONF_STATE_MAX / 8];	/* across cases (GRO) */
};

/*
 * Runs one case natively (the library linked with the runner), whatever
 * c->exec is: a BPF driver compares each BPF output with it.
 */
int ofl_conf_exec_native(struct ofl_conf *c, unsigned int m, unsigned int op,
			 const uint8_t *in, unsigned int len, uint8_t *out);

/* Runs every vector of every module present; fills @c (set exec first). */
void ofl_conf_run(struct ofl_conf *c, ofl_conf_exec_fn exec, void *ctx);

/*
 * Writes "digest <16 hex> cases <n> failures <n>" and a NUL to @buf
 * (at least 80 bytes); returns its length. No libc.
 */
unsigned int ofl_conf_summary(const struct ofl_conf *c, char *buf);

/* Writes the per-module lines "module <name> digest <hex> cases <n>\n". */
unsigned int ofl_conf_modules(const struct ofl_conf *c, char *buf,
			      unsigned int cap);

/* Name of module id @m ("csum" ...), or "?" */
const char *ofl_conf_module_name(unsigned int m);

#endif /* OFL_CONF_H */
