// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl gro [--profile LINE] [--flush-every N] [--gro-max-size N] [--vxlan]
 *         [--geneve] [--no-iptun] [--fraglist [--segment-list]]
 *         [--hw-vlan] [--rx-csum none|unnecessary|complete] IN OUT
 *
 * Every frame of IN arrives in one receive burst and goes through lib/gro
 * with the profile of kernel line LINE (default: the running kernel's); at
 * the end (and, with --flush-every N, after every N frames) everything
 * held is flushed.
 * OUT holds what a Linux receiver would deliver, in Linux's order: merged
 * frames with headers fixed up and complete TCP checksums, and frames
 * passed up alone. Frames count as CHECKSUM_NONE: TCP checksums are
 * validated in software, as for a device without receive offload. The RSS
 * hash is 0 for every frame (one bucket: a single-queue device without a
 * hash, as veth). With --vxlan, a VXLAN socket is taken to listen on
 * UDP 4789 (as with a vxlan device up): VXLAN-encapsulated TCP is merged
 * (OFL_GRO_F_VXLAN), and a merged frame's outer UDP checksum, if not
 * zero, is completed too; --geneve likewise for GENEVE on UDP 6081.
 * GRE and IP-in-IP (IPIP, SIT, 4in6, 6in6) tunnels are merged by default,
 * as by Linux, whose GRE and IP-in-IP GRO handlers are always registered;
 * --no-iptun passes them up alone (OFL_GRO_F_NO_IPTUN). A merged GRE
 * frame keeps the first segment's GRE checksum, as in Linux.
 * --fraglist: rx-gro-list on a forwarding host (OFL_GRO_F_FRAGLIST): UDP
 * and TCP flows, also inside tunnels, are merged as skb_gro_receive_list
 * does and written as Linux shows such an skb (the head's headers, then
 * every frame's payload; the frames keep their own checksums); with
 * --segment-list each such skb without a tunnel is written as the frames
 * skb_segment_list gives back on a device without tx-gso-list
 * (ofl_gso_list_fixup: the input frames, IPv4 IDs numbered from the
 * first's); a tunnel's stays one frame.
 * Other link types than Ethernet go through GRO as Ethernet frames
 * carrying their IP packet; each output frame gets back the link header
 * of its (first) input frame, and OUT has IN's link type. One summary
 * line accounts for every frame: in = merged + passed up alone.
 * --gro-max-size N sets gro_max_size and gro_ipv4_max_size (default 65536,
 * up to 524280): above 65536, BIG TCP (IPv4 tot_len 0, IPv6 jumbo
 * hop-by-hop header, as 6.18; profile 7.0 without it). A flow holds any
 * number of segments (a slice pool of GRO_TOOL_POOL entries behind the
 * context, as Linux's GRO has no segment bound).
 * --hw-vlan: a device with rx-vlan-offload (and rx-vlan-stag-hw-parse)
 * takes the outer 802.1Q or 802.1ad tag of each Ethernet frame out of its
 * bytes into the frame's vlan_proto/vlan_tci, which GRO compares as Linux
 * compares skb->vlan_all. Every output frame gets its tag back at byte 12,
 * as libpcap puts it back from the tp_vlan_tci/tp_vlan_tpid that
 * AF_PACKET (packet_rcv, tpacket_rcv) reports out of band.
 * --rx-csum: what the device says of each frame: none (the default),
 * unnecessary (every checksum verified), or complete (the tool computes
 * the ones'-complement sum of the bytes after the Ethernet header, after
 * --hw-vlan's stripping, as a device reporting CHECKSUM_COMPLETE does, and
 * lib/gro validates each L4 checksum from it). --json names each output
 * frame's ip_summed as Linux leaves the skb (partial for a merged frame,
 * unnecessary for a fraglist one, the device's word for a frame alone).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include "cli.h"
#include "cmds.h"
#include "link.h"
#include "pcapio.h"

#define GRO_BUF (PCAPIO_MAX_FRAME + 64)
/* slices past OFL_GRO_MAX_SEGS, shared by the held flows */
#define GRO_TOOL_POOL 65536u

struct gro_tool {
	uint8_t **frames;	/* Ethernet views */
	uint32_t *lens;
	uint64_t *ts;
	uint8_t (*lhdr)[20];	/* the frames' own link headers */
	uint8_t *lhdr_len;
	uint16_t (*vlan)[2];	/* --hw-vlan: stripped TPID, TCI */
	uint32_t n;
	int lt, json, seglist, hwvlan, rxcsum;
	struct pcapio_out *out;
	uint8_t *buf, *obuf;
	struct ofl_gro_ctx *ctx;
	unsigned long out_frames, merged_out, merged_in, alone;
};

static const char *const gro_summed[] = { "none", "unnecessary",
					   "complete", "partial" };

/* Puts a stripped tag back at byte 12 of the @len bytes in @b (room for 4
 * more), as libpcap does from AF_PACKET's tp_vlan_tpid/tp_vlan_tci. */
static size_t gro_put_tag(uint8_t *b, size_t len, uint16_t tpid,
			  uint16_t tci)
{
	if ((!tpid && !tci) || len < 12)
		return len;
	memmove(b + 16, b + 12, len - 12);
	b[12] = (uint8_t)(tpid >> 8);
	b[13] = (uint8_t)tpid;
	b[14] = (uint8_t)(tci >> 8);
	b[15] = (uint8_t)tci;
	return len + 4;
}

/* --segment-list: a fraglist delivery as the frames skb_segment_list
 * gives back (ofl_gso_list_fixup), each with its own link header. */
static int gro_emit_list(struct gro_tool *t, const struct ofl_gro_pkt *pk)
{
	struct ofl_gso_meta m = { 0 };
	uint32_t j;

	m.gso_type = pk->gso_type;
	m.gso_size = pk->gso_size;
	m.network_off = 14;
	m.transport_off = (uint16_t)(pk->hdr_len - ((pk->gso_type &
				     OFL_GSO_UDP_L4) ? 8 : 20));
	m.hdr_len = pk->hdr_len;
	/* the L4 header follows the network headers; TCP options: from the
	 * data offset of the head */
	if (!(pk->gso_type & OFL_GSO_UDP_L4)) {
		uint32_t l4 = 14;

		if ((pk->hdr[14] >> 4) == 4) {
			l4 += (pk->hdr[14] & 15u) * 4;
		} else {
			while (l4 + 20 < pk->hdr_len &&
			       l4 + (uint32_t)(pk->hdr[l4 + 12] >> 4) * 4 !=
				       pk->hdr_len)
				l4++;
		}
		m.transport_off = (uint16_t)l4;
	}
	for (j = 0; j < pk->nslices; j++) {
		uint32_t id = pk->slice[j].frame, len = t->lens[id];
		size_t ol;
		int r;

		memcpy(t->buf, j ? t->frames[id] : pk->hdr, pk->hdr_len);
		r = ofl_gso_list_fixup(t->buf, len, pk->hdr,
				       t->frames[pk->slice[1].frame], &m, j);
		if (r) {
			fprintf(stderr, "ofl gro: frame %u: %s\n", id + 1,
				ofl_strerror(r));
			return -1;
		}
		memcpy(t->buf + pk->hdr_len, t->frames[id] + pk->hdr_len,
		       len - pk->hdr_len);
		ol = link_from_eth(t->lt, t->lhdr[id], t->lhdr_len[id], t->buf,
				   gro_put_tag(t->buf, len, pk->vlan_proto,
					       pk->vlan_tci), t->obuf, GRO_BUF);
		if (!ol || pcapio_write(t->out, t->obuf, ol, t->ts[id]))
			return -1;
		t->out_frames++;
	}
	t->merged_out++;
	t->merged_in += pk->gso_segs;
	return 0;
}

static int gro_emit(struct gro_tool *t, const struct ofl_gro_pkt *pk,
		    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		/* a tunnel's fraglist skb is written as the skb: lib/gso
		 * does not hand back tunnelled fraglist frames */
		if (t->seglist && pk[i].kind == OFL_GRO_PKT_MERGED &&
		    (pk[i].gso_type & OFL_GSO_FRAGLIST) &&
		    !(pk[i].gso_type & OFL_GSO_TUNNEL_MASK)) {
			if (gro_emit_list(t, &pk[i]))
				return -1;
			continue;
		}

		uint32_t id = pk[i].frame;
		int len = ofl_gro_pkt_linearize_ctx(t->ctx,
			OFL_GRO_CTX_BYTES(GRO_TOOL_POOL), &pk[i],
			(const uint8_t *const *)t->frames, t->lens, t->n,
			t->buf, GRO_BUF - 4, 1);
		size_t ol;
		unsigned int summed = (unsigned int)t->rxcsum;

		if (len < 0) {
			fprintf(stderr, "ofl gro: frame %u: %s\n", id + 1,
				ofl_strerror(len));
			return -1;
		}
		ol = link_from_eth(t->lt, t->lhdr[id], t->lhdr_len[id], t->buf,
				   gro_put_tag(t->buf, (size_t)len,
					       pk[i].vlan_proto, pk[i].vlan_tci),
				   t->obuf, GRO_BUF);
		if (!ol || pcapio_write(t->out, t->obuf, ol, t->ts[id]))
			return -1;
		t->out_frames++;
		/* tcp/udp_gro_complete: PARTIAL; the fraglist branch:
		 * __skb_incr_checksum_unnecessary; a frame alone keeps the
		 * device's word (a NONE frame GRO validated is UNNECESSARY in
		 * Linux: lib/gro does not report that) */
		if (pk[i].kind == OFL_GRO_PKT_MERGED)
			summed = (pk[i].gso_type & OFL_GSO_FRAGLIST) ?
				 OFL_CHECKSUM_UNNECESSARY : OFL_CHECKSUM_PARTIAL;
		if (pk[i].gso_segs > 1) {
			t->merged_out++;
			t->merged_in += pk[i].gso_segs;
		} else {
			t->alone++;
		}
		if (!t->json)
			continue;
		printf("{\"out\":%lu,\"first_frame\":%u,\"segments\":%u,"
		       "\"len\":%zu,\"ip_summed\":\"%s\"", t->out_frames,
		       id + 1, pk[i].gso_segs ? pk[i].gso_segs : 1, ol,
		       gro_summed[summed & 3]);
		if (pk[i].vlan_proto || pk[i].vlan_tci)
			printf(",\"vlan_tpid\":\"0x%04x\",\"vlan_tci\":%u",
			       pk[i].vlan_proto, pk[i].vlan_tci);
		printf("}\n");
	}
	return 0;
}

/* --hw-vlan: the outer 802.1Q/802.1ad tag of the @len-byte Ethernet frame
 * @e leaves its bytes for @tag (TPID, TCI), as a device with
 * rx-vlan-offload strips it (Linux then sets skb->vlan_proto/vlan_tci).
 * Returns the new length. */
static size_t gro_strip_tag(uint8_t *e, size_t len, uint16_t tag[2])
{
	uint16_t tpid;

	if (len < 18)
		return len;
	tpid = (uint16_t)(e[12] << 8 | e[13]);
	if (tpid != 0x8100 && tpid != 0x88a8)
		return len;
	tag[0] = tpid;
	tag[1] = (uint16_t)(e[14] << 8 | e[15]);
	memmove(e + 12, e + 16, len - 16);
	return len - 4;
}

static int gro_load(struct gro_tool *t, const char *path)
{
	struct pcapio_in *in = pcapio_open(path);
	struct pcapio_frame f;
	size_t cap = 0;
	int r;

	if (!in)
		return -1;
	while ((r = pcapio_next(in, &f)) == 1) {
		size_t hdr, len;

		if (t->n == cap) {
			cap = cap ? cap * 2 : 1024;
			t->frames = realloc(t->frames, cap * sizeof(*t->frames));
			t->lens = realloc(t->lens, cap * sizeof(*t->lens));
			t->ts = realloc(t->ts, cap * sizeof(*t->ts));
			t->lhdr = realloc(t->lhdr, cap * sizeof(*t->lhdr));
			t->lhdr_len = realloc(t->lhdr_len, cap);
			t->vlan = realloc(t->vlan, cap * sizeof(*t->vlan));
			if (!t->frames || !t->lens || !t->ts || !t->lhdr ||
			    !t->lhdr_len || !t->vlan) {
				fprintf(stderr, "ofl: %s: out of memory\n",
					path);
				pcapio_close(in);
				return -1;
			}
		}
		if (!t->n)
			t->lt = f.linktype;
		if (f.linktype != t->lt) {
			fprintf(stderr, "ofl: %s: frame %u: link type %d, the "
				"first frame's is %d: one link type per "
				"capture\n", path, t->n + 1, f.linktype, t->lt);
			pcapio_close(in);
			return -1;
		}
		t->frames[t->n] = malloc(f.caplen + 14 + 1);
		if (!t->frames[t->n]) {
			pcapio_close(in);
			return -1;
		}
		len = link_to_eth(f.linktype, f.data, f.caplen,
				  t->frames[t->n], f.caplen + 14, &hdr);
		if (!len) {	/* no IP: an empty Ethernet view, passed up */
			if (hdr > f.caplen)
				hdr = f.caplen;
			memset(t->frames[t->n], 0, 14);
			memcpy(t->frames[t->n] + 14, f.data + hdr,
			       f.caplen - hdr);
			len = f.caplen - hdr + 14;
		}
		t->vlan[t->n][0] = t->vlan[t->n][1] = 0;
		if (t->hwvlan)
			len = gro_strip_tag(t->frames[t->n], len,
					    t->vlan[t->n]);
		memcpy(t->lhdr[t->n], f.data, hdr);
		t->lhdr_len[t->n] = (uint8_t)hdr;
		t->lens[t->n] = (uint32_t)len;
		t->ts[t->n] = f.ts_usec;
		t->n++;
		cli_progress("gro", in, t->n);
	}
	cli_progress_done();
	if (!t->n)
		t->lt = pcapio_linktype(in) >= 0 ? pcapio_linktype(in) :
						  LINK_EN10MB;
	pcapio_close(in);
	return r < 0 ? -1 : 0;
}

static int gro_run(struct gro_tool *t, unsigned long every, uint32_t flags,
		   uint32_t profile, uint32_t max_size)
{
	static struct ofl_gro_pkt pk[OFL_GRO_MAX_FLOWS];
	struct ofl_gro_opts o = { .sz = sizeof(o), .flags = flags,
				  .profile = profile,
				  .gro_max_size = max_size,
				  .gro_ipv4_max_size = max_size,
				  .pool_segs = GRO_TOOL_POOL };
	struct ofl_gro_ctx *ctx = malloc(OFL_GRO_CTX_BYTES(GRO_TOOL_POOL));
	uint32_t i;
	unsigned int m;
	int err;

	if (!ctx)
		return -1;
	t->ctx = ctx;
	err = ofl_gro_init(ctx, OFL_GRO_CTX_BYTES(GRO_TOOL_POOL), &o);
	if (err) {
		fprintf(stderr, "ofl gro: %s\n", ofl_strerror(err));
		free(ctx);
		return -1;
	}
	for (i = 0; i < t->n; i++) {
		struct ofl_gro_frame f = {
			.data = t->frames[i], .len = t->lens[i], .hash = 0,
			.id = i, .ip_summed = (uint8_t)t->rxcsum,
			.vlan_proto = t->vlan[i][0], .vlan_tci = t->vlan[i][1],
		};

		/* CHECKSUM_COMPLETE: the sum from the byte after the
		 * Ethernet header, as a driver sets skb->csum */
		if (t->rxcsum == OFL_CHECKSUM_COMPLETE && f.len >= 14) {
			f.csum_start = 14;
			f.csum = ofl_csum_partial(f.data + 14, f.len - 14, 0);
		}

		ofl_gro_receive(ctx, &f, pk, &m);
		if (gro_emit(t, pk, m))
			goto fail;
		if (every && (i + 1) % every == 0) {
			int k = ofl_gro_flush(ctx, pk, OFL_GRO_MAX_FLOWS);

			if (gro_emit(t, pk, (unsigned int)k))
				goto fail;
		}
	}
	err = gro_emit(t, pk,
		       (unsigned int)ofl_gro_flush(ctx, pk, OFL_GRO_MAX_FLOWS));
	free(ctx);
	return err;
fail:
	free(ctx);
	return -1;
}

int cmd_gro(int argc, char **argv)
{
	struct gro_tool t = { 0 };
	const char *ip = NULL, *op = NULL;
	long every = 0, max_size = 0;
	uint32_t flags = 0, profile = cli_profile_running();
	int a, rc;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--profile")) {
			if (cli_profile("gro", "--profile", a + 1 < argc ?
					argv[a + 1] : NULL, &profile))
				return CLI_EUSAGE;
			a++;
		} else if (!strcmp(argv[a], "--no-iptun")) {
			flags |= OFL_GRO_F_NO_IPTUN;
		} else if (!strcmp(argv[a], "--vxlan")) {
			flags |= OFL_GRO_F_VXLAN;
		} else if (!strcmp(argv[a], "--geneve")) {
			flags |= OFL_GRO_F_GENEVE;
		} else if (!strcmp(argv[a], "--fraglist")) {
			flags |= OFL_GRO_F_FRAGLIST;
		} else if (!strcmp(argv[a], "--hw-vlan")) {
			t.hwvlan = 1;
		} else if (!strcmp(argv[a], "--rx-csum")) {
			const char *v = a + 1 < argc ? argv[a + 1] : "";

			if (!strcmp(v, "none"))
				t.rxcsum = OFL_CHECKSUM_NONE;
			else if (!strcmp(v, "unnecessary"))
				t.rxcsum = OFL_CHECKSUM_UNNECESSARY;
			else if (!strcmp(v, "complete"))
				t.rxcsum = OFL_CHECKSUM_COMPLETE;
			else
				return cli_usage_error("gro", "bad --rx-csum "
					"%s: want none, unnecessary or "
					"complete", v);
			a++;
		} else if (!strcmp(argv[a], "--segment-list")) {
			t.seglist = 1;
		} else if (!strcmp(argv[a], "--json")) {
			t.json = 1;
		} else if (!strcmp(argv[a], "--gro-max-size")) {
			if (cli_number("gro", "--gro-max-size", a + 1 < argc ?
				       argv[a + 1] : NULL, 1, OFL_GRO_MAX_SIZE,
				       &max_size))
				return CLI_EUSAGE;
			a++;
		} else if (!strcmp(argv[a], "--flush-every")) {
			if (cli_number("gro", "--flush-every", a + 1 < argc ?
				       argv[a + 1] : NULL, 1, 4294967295L,
				       &every))
				return CLI_EUSAGE;
			a++;
		} else if (argv[a][0] == '-' && argv[a][1]) {
			return cli_usage_error("gro", "unknown option %s",
					       argv[a]);
		} else if (!ip) {
			ip = argv[a];
		} else if (!op) {
			op = argv[a];
		} else {
			return cli_usage_error("gro", "IN and OUT only");
		}
	}
	if (!ip || !op)
		return cli_usage_error("gro", "IN and OUT needed");
	if (t.seglist && !(flags & OFL_GRO_F_FRAGLIST))
		return cli_usage_error("gro", "--segment-list needs --fraglist");
	/* the frames read before an error are freed too (fuzz_capture) */
	rc = CLI_EREAD;
	if (gro_load(&t, ip))
		goto out;
	t.out = pcapio_create(op, t.lt);
	t.buf = malloc(GRO_BUF);
	t.obuf = malloc(GRO_BUF);
	if (!t.out || !t.buf || !t.obuf) {
		if (t.out)
			pcapio_finish(t.out);
		goto out;
	}
	rc = gro_run(&t, (unsigned long)every, flags, profile,
		     (uint32_t)max_size) ? CLI_EREAD : CLI_OK;
	if (pcapio_finish(t.out))
		rc = CLI_EREAD;
	if (rc == CLI_OK) {
		if (t.json)
			printf("{\"summary\":{\"frames\":%u,\"out\":%lu,"
			       "\"merged\":%lu,\"merged_into\":%lu,"
			       "\"alone\":%lu}}\n", t.n, t.out_frames,
			       t.merged_in, t.merged_out, t.alone);
		else
			printf("%u frames in, %lu out: %lu merged into %lu, "
			       "%lu passed up alone\n", t.n, t.out_frames,
			       t.merged_in, t.merged_out, t.alone);
	}
out:
	for (uint32_t i = 0; i < t.n; i++)
		free(t.frames[i]);
	free(t.frames);
	free(t.lens);
	free(t.ts);
	free(t.lhdr);
	free(t.lhdr_len);
	free(t.vlan);
	free(t.buf);
	free(t.obuf);
	return rc;
}
