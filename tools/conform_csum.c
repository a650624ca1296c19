// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl conform csum [--tx | --rx] FILE
 *
 * --tx (default): FILE was captured after the device (on the peer): every
 * checksum the device wrote must be complete and right, as Linux's software
 * fallback writes it (skb_checksum_help, ip_send_check). --rx: FILE holds
 * what the device delivered with its verdicts: a pcapng whose packet
 * comments carry PACKET_AUXDATA's TP_STATUS_CSUM_VALID (see cf_load) is
 * judged on the frames the device claims it verified (CHECKSUM_UNNECESSARY
 * on a bad checksum is the finding); in a capture without verdicts every
 * checksum must simply be right. Every checksum is computed by lib/csum over
 * what `ofl csum` finds (tools/cmd_csum.c); with an SRv6 routing header the
 * pseudo-header takes the final destination (segment list[0], RFC 8200
 * 8.1), and a checksum over the IPv6 header's current destination instead
 * is named as that case.
 */
#include <stdio.h>
#include <string.h>
#include <offload/parser.h>
#include "conform.h"
#include "csum_view.h"

/* Is the stored value right for the IPv6 header's destination (the SRv6
 * segment) rather than the final one? */
static int srv6_wrong_dst(const uint8_t *d, uint32_t len,
			  const struct ofl_csum_check *c)
{
	static struct ofl_parse_result r;
	struct ofl_csum_check alt = *c;
	struct ofl_csum_verdict res;
	int i;

	if (c->family != 6)
		return 0;
	ofl_parse(d, d + len, OFL_PROTO_ETH, &r, sizeof(r));
	if (!r.srh_present)
		return 0;
	/* the last IPv6 header before the checksummed header */
	for (i = r.nlayers - 1; i >= 0; i--)
		if (r.layers[i].proto == OFL_PROTO_IPV6 &&
		    r.layers[i].offset < c->off)
			break;
	if (i < 0 || r.layers[i].offset + 24u == c->daddr_off)
		return 0;
	alt.daddr_off = r.layers[i].offset + 24u;
	ofl_csum_check_verify(d, d + len, &alt, &res);
	return res.result == OFL_CSUM_GOOD;
}

static const char *csum_rule(int rx, const struct ofl_csum_check *c,
			     const struct ofl_csum_verdict *res, int srv6)
{
	if (srv6)
		return rx ? "tcp_v6_rcv/udp6_csum_init: the pseudo-header "
			    "takes the SRv6 final destination (segment "
			    "list[0])" :
			    "csum_ipv6_magic: the pseudo-header takes the SRv6 "
			    "final destination (segment list[0])";
	if (c->kind == OFL_CSUM_KIND_UDP && c->family == 6 && res->stored == 0)
		return "udp6_csum_init: a zero UDP checksum is invalid over "
		       "IPv6 (a computed 0 is sent as 0xffff)";
	if (!rx && res->partial)
		return "skb_checksum_help: CHECKSUM_PARTIAL must be completed";
	if (rx)
		switch (c->kind) {
		case OFL_CSUM_KIND_IPV4:
			return "ip_rcv_core: IPv4 header checksum";
		case OFL_CSUM_KIND_TCP:
			return "tcp_checksum_complete: TCP checksum";
		case OFL_CSUM_KIND_UDP:
			return "udp_lib_checksum_complete: UDP checksum";
		case OFL_CSUM_KIND_SCTP:
			return "sctp_rcv_checksum: CRC32c";
		default: return "__skb_checksum_complete: checksum";
		}
	switch (c->kind) {
	case OFL_CSUM_KIND_IPV4:
		return "ip_send_check: IPv4 header checksum";
	case OFL_CSUM_KIND_SCTP:
		return "skb_crc32c_csum_help: CRC32c";
	default: return "skb_checksum_help: ones' complement sum from "
			"csum_start";
	}
}

int conform_csum(int argc, char **argv, enum cf_mode mode)
{
	static struct ofl_csum_view v;
	struct cf_cap c;
	char stats[200];
	unsigned long checked = 0, skipped = 0;
	int rx = 0, a, verdicts = 0;
	uint32_t i;

	for (a = 1; a < argc && !strncmp(argv[a], "--", 2); a++) {
		if (!strcmp(argv[a], "--rx"))
			rx = 1;
		else if (!strcmp(argv[a], "--tx"))
			rx = 0;
		else
			break;
	}
	if (argc - a != 1) {
		fprintf(stderr, "usage: ofl conform csum [--tx | --rx] "
			"[--json|--ktap] FILE.pcap\n");
		return CF_BADINPUT;
	}
	if (cf_load(&c, argv[a]))
		return CF_BADINPUT;
	for (i = 0; i < c.n; i++)
		verdicts |= c.csum_valid[i] != 0;
	for (i = 0; i < c.n; i++) {
		struct cf_pkt p;
		int k;

		if (rx && verdicts && c.csum_valid[i] != 1) {
			skipped++;
			continue;
		}
		cf_pkt(c.d[i], c.len[i], &p);
		csum_view_frame(c.d[i], c.len[i], c.wire[i], OFL_PROTO_ETH, 0,
				&v);
		for (k = 0; k < v.nchecks; k++) {
			const struct ofl_csum_check *vc = &v.checks[k];
			const char *kind = ofl_csum_kind_name(vc->kind);
			struct cf_finding f;
			struct ofl_csum_verdict res;
			int srv6;

			ofl_csum_check_verify(c.d[i], c.d[i] + c.len[i], vc,
					      &res);
			if (res.result == OFL_CSUM_UNCHECKED)
				continue;
			checked++;
			cf_case("frame #%u %s checksum at %u", i + 1, kind,
				vc->field);
			if (res.result != OFL_CSUM_BAD)
				continue;
			srv6 = srv6_wrong_dst(c.d[i], c.len[i], vc);
			memset(&f, 0, sizeof(f));
			snprintf(f.flow, sizeof(f.flow), "%s",
				 p.name[0] ? p.name : "-");
			snprintf(f.a, sizeof(f.a), "-");
			cf_range(f.b, sizeof(f.b), i + 1, i + 1);
			snprintf(f.field, sizeof(f.field), "%s.check%s", kind,
				 rx && verdicts ? " (CSUM_VALID)" : "");
			snprintf(f.dev, sizeof(f.dev), "0x%0*x",
				 vc->kind == OFL_CSUM_KIND_SCTP ? 8 : 4,
				 res.stored);
			snprintf(f.lin, sizeof(f.lin), "0x%0*x",
				 vc->kind == OFL_CSUM_KIND_SCTP ? 8 : 4,
				 res.computed);
			snprintf(f.rule, sizeof(f.rule), "%s",
				 csum_rule(rx, vc, &res, srv6));
			cf_find(&f);
		}
	}
	if (skipped)
		cf_note("%lu frames without TP_STATUS_CSUM_VALID (the device "
			"claimed nothing: not judged)", skipped);
	snprintf(stats, sizeof(stats), "%u frames, %lu checksums checked%s",
		 c.n, checked, rx ? (verdicts ? " (device verdicts from "
					"pcapng)" : " (no verdicts: every "
					"checksum must be right)") : "");
	cf_free(&c);
	return cf_report(mode, "csum", stats);
}
