/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ofl conform: a device's offload output held against what Linux (lib/gro,
 * lib/gso, lib/csum, lib/rss) produces from the same input. Shared parts:
 * captures in memory, frame summaries, findings and the three output forms
 * (text, --json, --ktap). docs/CONFORM.md is the manual.
 */
#ifndef OFL_TOOLS_CONFORM_H
#define OFL_TOOLS_CONFORM_H

#include <stddef.h>
#include <stdint.h>
#include <offload/parser.h>
#include <offload/rss.h>

/* Exit statuses (the contract of issue 17). */
#define CF_CONFORMS 0
#define CF_DIFFERS 1
#define CF_BADINPUT 2

/* A capture read into memory; frame numbers are 1-based as in Wireshark. */
struct cf_cap {
	const char *path;
	uint8_t **d;
	uint32_t *len;
	uint32_t *wire;
	uint64_t *ts;
	uint8_t *csum_valid;	/* pcapng: the device's verdict (see cf_load) */
	uint32_t n;
};

/* Loads @path (pcap or pcapng, Ethernet); 0, or -1 with a message and
 * nothing left to free. In a pcapng file an Enhanced Packet Block whose
 * comment (opt_comment) holds "TP_STATUS_CSUM_VALID" or "csum_valid" sets
 * csum_valid[i] = 1, one whose comment holds "csum_not_ready" or
 * "csum_none" sets 2; else it is 0. */
int cf_load(struct cf_cap *c, const char *path);
void cf_free(struct cf_cap *c);

/* What conform needs of one frame: its innermost TCP/UDP flow. */
struct cf_pkt {
	int ok;			/* an IP frame whose innermost L4 is whole */
	int tcp, udp;
	int family;		/* innermost IP family */
	uint32_t l3, l4, pay;	/* innermost IP and L4 header, payload */
	uint32_t end;		/* end of the outer IP datagram (no padding) */
	uint32_t plen;		/* payload bytes */
	uint32_t seq, ack;
	uint8_t flags;		/* TCP flags byte */
	uint8_t key[80];	/* outer + inner addresses, ports, protocol */
	char name[112];		/* "198.18.0.1:1000 > 198.18.0.2:80 tcp" */
};

void cf_pkt(const uint8_t *d, uint32_t len, struct cf_pkt *p);
/* The UDP tunnel ports cf_pkt() enters (NULL: the parser's IANA table).
 * `conform gro` sets the ones GRO enters (--vxlan, --geneve), so that a
 * flow is the one lib/gro and Linux merge, not a deeper one. */
extern const struct ofl_parse_cfg *cf_parse_cfg;

/* Output. */
enum cf_mode { CF_TEXT, CF_JSON, CF_KTAP };

struct cf_finding {
	char flow[112];
	char a[32];		/* frames on the input side, "3" or "3-5" */
	char b[32];		/* frames on the device side */
	char field[32];
	char dev[64];
	char lin[64];
	char rule[160];
};

/* Begins a case (one received frame, one super-frame, one checksum, one
 * flow): its findings follow until the next cf_case(). */
void cf_case(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cf_find(const struct cf_finding *f);
/* A note on what could not be matched (never a finding). */
void cf_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints everything in @mode; returns CF_CONFORMS or CF_DIFFERS. */
int cf_report(enum cf_mode mode, const char *what, const char *stats);
void cf_reset(void);

/* Compares the frame @dev with Linux's @lin (both trimmed to the outer IP
 * datagram), header field by header field and then the payload; checksum
 * fields are skipped (the caller judges them). For every differing field
 * the callback names the rule; returns the number of differing fields.
 * @layer is the protocol (OFL_PROTO_*), @inner is 1 inside a tunnel. */
typedef const char *(*cf_rule_fn)(void *arg, unsigned int proto, int inner,
				  const char *field, const uint8_t *dev,
				  const uint8_t *lin);
int cf_compare(const uint8_t *dev, uint32_t dlen, const uint8_t *lin,
	       uint32_t llen, struct cf_finding *tmpl, cf_rule_fn rule,
	       void *arg);

/* Set by cf_compare(): a length field (IP, UDP, the frame's) differs, so
 * the checksums that cover it cannot be judged on their own. */
extern int cf_len_differs;

/* Frame numbers "a" or "a-b" (1-based). */
void cf_range(char *buf, size_t sz, uint32_t first, uint32_t last);

int conform_gro(int argc, char **argv, enum cf_mode mode);
int conform_gso(int argc, char **argv, enum cf_mode mode);
int conform_csum(int argc, char **argv, enum cf_mode mode);
int conform_rss(int argc, char **argv, enum cf_mode mode);

#endif
