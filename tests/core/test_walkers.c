// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Issue 12 item 3: every header walker of the core, fed the same frames at
 * and just past each bound of <offload/bounds.h>, agrees on accept or
 * refuse and on the offsets it finds. The walkers:
 *   P  ofl_parse()                      (lib/parser; and its step API,
 *                                        the generic walk BPF runs)
 *   F  ofl_gso_meta_from_frame()        (lib/gso/meta.c)
 *   Q  ofl_gso_meta_from_parse()        (lib/gso/meta_parse.c, on P's result)
 *   G  ofl_gro_receive()                (lib/gro/receive.c: HELD or passed up)
 *   C  ofl_csum_ipv6_find_l4()          (lib/csum/ipv6.c, each IPv6 header)
 *   L  ofl_csum_hwoffload_legacy_check() (lib/csum/tx.c)
 *
 * Each frame is built from a description that also records where every
 * header starts (the truth). For each walker a small model of its
 * documented scope says whether it must accept the frame, and with which
 * error it must refuse; an accepting walker must report the recorded
 * offsets. Where a module by design does not handle a shape (GRO and a
 * fragment, lib/csum and a fragment or a misplaced hop-by-hop header, a
 * legacy checksum engine and any extension header) the model says so and
 * the test asserts that rule. Two differences are by design, stated
 * here as expectations (marked DISAGREE) so that a change to either side
 * fails here and is looked at:
 *   DISAGREE 2: lib/parser's result holds at most OFL_PARSE_MAX_LAYERS
 *     (16) layers, a capacity of its result (overridable, checked by
 *     res_size) rather than a walk bound: a frame within every bound of
 *     bounds.h but with more headers (VLANs, extension headers and a
 *     tunnel) is OFL_ELOOP to it and to Q, while F accepts it. Every bound
 *     needed for all of bounds.h at once (~50 layers) would not fit a BPF
 *     stack.
 *   DISAGREE 4: lib/parser follows TPID 0x9100 (ETH_P_QINQ1, as tshark
 *     does: it describes the frame); lib/gro and lib/gso follow 0x8100 and
 *     0x88a8 only, as Linux's vlan_packet_offloads, eth_type_vlan() and
 *     __skb_flow_dissect() do. (ofl_gso_meta_from_parse() took the
 *     parser's 0x9100 tag as a VLAN tag and accepted what
 *     ofl_gso_meta_from_frame() refuses: found by this test and fixed in
 *     lib/gso.)
 * Settled (they were DISAGREE 1, 3 and 5): lib/parser counts IPv6
 * extension headers per IP header, as the other walkers do; a UDP tunnel
 * inside a tunnel is refused by both GSO helpers (Linux's GSO has one set
 * of inner headers); past OFL_PARSE_MAX_OPTS options lib/parser skips the
 * rest of the header by its length, as the others skip option headers.
 */
#include "ofl_test.h"
#include <offload/parser.h>
#include <offload/gso.h>
#include <offload/gro.h>
#include <offload/csum.h>
#include <offload/bounds.h>

enum { T_NONE, T_VXLAN, T_GENEVE, T_GRE, T_GRE_TEB, T_IPIP, T_KINDS };
static const char *const tname[T_KINDS] = {
	"none", "vxlan", "geneve", "gre", "gre-teb", "ipip",
};

#define MAXLVL (OFL_MAX_ENCAP + 2)	/* IP levels: tunnels + 1 */
#define MAXEXT (OFL_MAX_EXTHDRS + 2)
#define PAYLEN 32
#define GRO_FLAGS (OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE | OFL_GRO_F_UDP_FWD)

/* extension header types (IPv6 next header values) */
#define X_HBH 0
#define X_RT 43
#define X_FRAG 44
#define X_AH 51
#define X_DST 60

struct spec {
	char name[96];
	int nvlan;		/* tags behind the outer Ethernet header */
	unsigned int tpid;	/* outermost tag's TPID (inner ones 0x8100) */
	int ntun;		/* tunnels: tun[0] after IP level 0 ... */
	uint8_t tun[MAXLVL];
	uint8_t v6[MAXLVL];	/* IP level i is IPv6 */
	uint8_t next[MAXLVL];	/* extension headers at IP level i */
	uint8_t ext[MAXLVL][MAXEXT];
	uint8_t extlen8;	/* hdrlen of hop-by-hop/routing/dst headers */
	int hbh_opts;		/* >0: level 0's first header is a 48-byte
				 * hop-by-hop with this many options */
	int inner_vlan;		/* tags behind tunnel 0's inner Ethernet
				 * header */
	int v4opt;		/* IPv4 option bytes at the innermost level */
	unsigned int gre_flags;	/* GRE flags/version word */
	int udp;		/* innermost L4 is UDP (else TCP) */
};

/* Where the headers are (the truth the walkers must find). */
struct truth {
	uint8_t b[600];
	size_t n;
	uint16_t l3[MAXLVL];		/* IP header of level i */
	uint16_t l4[MAXLVL];		/* after its extension headers */
	uint16_t ext_at[MAXLVL][MAXEXT];
	uint16_t hdr_len;		/* end of the innermost L4 header */
	int layers;			/* headers lib/parser lists */
};

static void put8(struct truth *t, unsigned int v)
{
	assert_true(t->n < sizeof(t->b));
	t->b[t->n++] = (uint8_t)v;
}

static void put16(struct truth *t, unsigned int v)
{
	put8(t, (v >> 8) & 0xff);
	put8(t, v & 0xff);
}

static void put32(struct truth *t, uint32_t v)
{
	put16(t, v >> 16);
	put16(t, v & 0xffff);
}

static void set16(struct truth *t, size_t off, unsigned int v)
{
	t->b[off] = (uint8_t)(v >> 8);
	t->b[off + 1] = (uint8_t)v;
}

/* Ethernet with @nv tags (the first with @tpid) before @type. */
static void put_eth(struct truth *t, int nv, unsigned int tpid,
		    unsigned int type)
{
	static const uint8_t mac[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
	int i;

	for (i = 0; i < 12; i++)
		put8(t, mac[i]);
	for (i = 0; i < nv; i++) {
		put16(t, i == 0 ? tpid : 0x8100);
		put16(t, 100 + (unsigned int)i);
	}
	put16(t, type);
	t->layers += 1 + nv;
}

static unsigned int level_proto(const struct spec *s, int lvl)
{
	if (lvl < s->ntun) {
		switch (s->tun[lvl]) {
		case T_VXLAN:
		case T_GENEVE:
			return 17;
		case T_GRE:
		case T_GRE_TEB:
			return 47;
		default:
			return s->v6[lvl + 1] ? 41 : 4;
		}
	}
	return s->udp ? 17 : 6;
}

/* IP header of level @lvl and its extension headers. */
static void put_ip(const struct spec *s, struct truth *t, int lvl)
{
	unsigned int proto = level_proto(s, lvl);
	int i, last = lvl == s->ntun;

	t->l3[lvl] = (uint16_t)t->n;
	t->layers++;
	if (!s->v6[lvl]) {
		int opt = last ? s->v4opt : 0;

		put8(t, 0x40 | (unsigned int)(20 + opt) / 4);
		put8(t, 0);
		put16(t, 0);		/* total length: fixed up */
		put16(t, 0x1234);
		put16(t, 0x4000);	/* DF */
		put8(t, 64);
		put8(t, proto);
		put16(t, 0);		/* checksum: fixed up */
		put32(t, 0xc6120001);
		put32(t, 0xc6120002 + (uint32_t)lvl);
		for (i = 0; i < opt; i++)
			put8(t, 1);	/* NOP */
		t->l4[lvl] = (uint16_t)t->n;
		return;
	}
	put32(t, 0x60000000);
	put16(t, 0);			/* payload length: fixed up */
	put8(t, s->next[lvl] ? s->ext[lvl][0] : proto);
	put8(t, 64);
	put32(t, 0x20010db8);
	put32(t, 0);
	put32(t, 0);
	put32(t, 1);
	put32(t, 0x20010db8);
	put32(t, 0);
	put32(t, 0);
	put32(t, 2 + (uint32_t)lvl);
	for (i = 0; i < s->next[lvl]; i++) {
		unsigned int type = s->ext[lvl][i];
		unsigned int nh = i + 1 < s->next[lvl] ? s->ext[lvl][i + 1] :
							 proto;
		unsigned int j, tot;

		t->ext_at[lvl][i] = (uint16_t)t->n;
		t->layers++;
		put8(t, nh);
		if (type == X_FRAG) {	/* first fragment: offset 0, M */
			put8(t, 0);
			put16(t, 1);
			put32(t, 0xabcd);
		} else if (type == X_AH) {	/* (2 + 2) * 4 = 16 bytes */
			put8(t, 2);
			put16(t, 0);
			put32(t, 0x100);	/* SPI */
			put32(t, 1);		/* sequence */
			put32(t, 0);		/* ICV */
		} else if (type == X_HBH && lvl == 0 && i == 0 &&
			   s->hbh_opts) {
			/* 48 bytes: Pad1 options, then one PadN */
			int k, npad1 = s->hbh_opts - 1;

			put8(t, 5);
			for (k = 0; k < npad1; k++)
				put8(t, 0);
			put8(t, 1);
			put8(t, (unsigned int)(46 - npad1 - 2));
			for (k = 0; k < 46 - npad1 - 2; k++)
				put8(t, 0);
		} else if (type == X_RT) {
			/* routing type 0 with segments left 0: skipped */
			tot = (s->extlen8 + 1u) * 8u;
			put8(t, s->extlen8);
			put8(t, 0);
			put8(t, 0);
			for (j = 4; j < tot; j++)
				put8(t, 0);
		} else {		/* options: one PadN */
			tot = (s->extlen8 + 1u) * 8u;
			put8(t, s->extlen8);
			put8(t, 1);
			put8(t, tot - 4);
			for (j = 4; j < tot; j++)
				put8(t, 0);
		}
	}
	t->l4[lvl] = (uint16_t)t->n;
}

/* The tunnel header after level @lvl's IP, up to the next IP header. */
static void put_tunnel(const struct spec *s, struct truth *t, int lvl)
{
	unsigned int itype = s->v6[lvl + 1] ? 0x86dd : 0x0800;
	int nv = lvl == 0 ? s->inner_vlan : 0;

	switch (s->tun[lvl]) {
	case T_VXLAN:
	case T_GENEVE:
		put16(t, 40000 + (unsigned int)lvl);
		put16(t, s->tun[lvl] == T_VXLAN ? 4789 : 6081);
		put16(t, 0);		/* length: fixed up */
		put16(t, 0);		/* no checksum */
		if (s->tun[lvl] == T_VXLAN) {
			put32(t, 0x08000000);
		} else {
			put8(t, 0);	/* version 0, no options */
			put8(t, 0);
			put16(t, 0x6558);
		}
		put32(t, 0x123400);
		t->layers += 2;
		put_eth(t, nv, 0x8100, itype);
		break;
	case T_GRE:
	case T_GRE_TEB:
		put16(t, s->gre_flags);
		put16(t, s->tun[lvl] == T_GRE ? itype : 0x6558);
		if (s->gre_flags & 0x8000)
			put32(t, 0);
		if (s->gre_flags & 0x2000)
			put32(t, 77);
		if (s->gre_flags & 0x1000)
			put32(t, 1);
		if (s->gre_flags & 0x0080)
			put32(t, 9);
		t->layers++;
		if (s->tun[lvl] == T_GRE_TEB)
			put_eth(t, nv, 0x8100, itype);
		break;
	default:
		break;
	}
}

static void ip_csum(struct truth *t, size_t o)
{
	uint16_t c;

	t->b[o + 10] = 0;
	t->b[o + 11] = 0;
	c = ofl_csum_ip_fast(t->b + o, t->b[o] & 15u);
	memcpy(t->b + o + 10, &c, 2);
}

static void build(const struct spec *s, struct truth *t)
{
	int lvl, i;

	memset(t, 0, sizeof(*t));
	put_eth(t, s->nvlan, s->tpid, s->v6[0] ? 0x86dd : 0x0800);
	for (lvl = 0; lvl <= s->ntun; lvl++) {
		put_ip(s, t, lvl);
		if (lvl < s->ntun)
			put_tunnel(s, t, lvl);
	}
	/* the innermost L4 header and a payload */
	if (s->udp) {
		put16(t, 5000);
		put16(t, 5001);
		put16(t, 0);
		put16(t, 0x4d2c);	/* any non-zero: UNNECESSARY below */
	} else {
		put16(t, 5000);
		put16(t, 80);
		put32(t, 1000);
		put32(t, 1);
		put8(t, 0x50);
		put8(t, 0x10);		/* ACK */
		put16(t, 65535);
		put16(t, 0x4d2c);
		put16(t, 0);
	}
	t->layers++;
	t->hdr_len = (uint16_t)t->n;
	for (i = 0; i < PAYLEN; i++)
		put8(t, (unsigned int)i);
	/* lengths and checksums, innermost first */
	for (lvl = s->ntun; lvl >= 0; lvl--) {
		size_t o = t->l3[lvl];

		if (s->v6[lvl]) {
			set16(t, o + 4, (unsigned int)(t->n - o - 40));
		} else {
			set16(t, o + 2, (unsigned int)(t->n - o));
			ip_csum(t, o);
		}
		if (level_proto(s, lvl) == 17)
			set16(t, t->l4[lvl] + 4,
			      (unsigned int)(t->n - t->l4[lvl]));
	}
}

/* ---- the models: what each walker must say ---- */

static int ext_total(const struct spec *s)
{
	int lvl, n = 0;

	for (lvl = 0; lvl <= s->ntun; lvl++)
		n += s->next[lvl];
	return n;
}

static int vlans_total(const struct spec *s)
{
	return s->nvlan + (s->ntun && (s->tun[0] == T_VXLAN ||
				       s->tun[0] == T_GENEVE ||
				       s->tun[0] == T_GRE_TEB) ?
			   s->inner_vlan : 0);
}

static int gso_ext(unsigned int x)
{
	return x == X_HBH || x == X_RT || x == X_DST;
}

/* lib/parser: every bound of bounds.h, counted per frame. */
static int want_parse(const struct spec *s, const struct truth *t,
		      int *why)
{
	int lvl, i;

	*why = 0;
	if (s->nvlan && s->tpid != 0x8100 && s->tpid != 0x88a8 &&
	    s->tpid != 0x9100)
		return OFL_EPROTONOSUPPORT;
	if (vlans_total(s) > OFL_MAX_VLANS || s->ntun > OFL_MAX_ENCAP)
		return OFL_ELOOP;
	for (lvl = 0; lvl <= s->ntun; lvl++)
		if (s->next[lvl] > OFL_MAX_EXTHDRS)
			return OFL_ELOOP;
	if (t->layers > OFL_PARSE_MAX_LAYERS) {
		*why = 2;	/* DISAGREE 2 */
		return OFL_ELOOP;
	}
	for (lvl = 0; lvl < s->ntun; lvl++) {
		if (s->tun[lvl] != T_GRE && s->tun[lvl] != T_GRE_TEB)
			continue;
		/* __skb_flow_dissect_gre(): version 0 or 1, no routing */
		if ((s->gre_flags & 0x4000) || (s->gre_flags & 7) > 1)
			return OFL_EPROTONOSUPPORT;
	}
	(void)i;
	return 0;
}

/* ofl_gso_meta_from_frame(): gso.h's rules, as meta.c implements them. */
static int want_gso(const struct spec *s, int *why)
{
	int lvl, i, nv = 0, is_vlan;

	*why = 0;
	is_vlan = s->tpid == 0x8100 || s->tpid == 0x88a8;
	if (s->nvlan && !is_vlan)
		return OFL_EPROTONOSUPPORT;	/* DISAGREE 4 */
	nv = s->nvlan;
	if (nv > OFL_MAX_VLANS)
		return OFL_ELOOP;
	for (lvl = 0; lvl <= s->ntun; lvl++) {
		unsigned int proto = level_proto(s, lvl);

		if (lvl == 1 && (s->tun[0] == T_VXLAN ||
				 s->tun[0] == T_GENEVE ||
				 s->tun[0] == T_GRE_TEB)) {
			nv += s->inner_vlan;
			if (nv > OFL_MAX_VLANS)
				return OFL_ELOOP;
		}
		if (s->v6[lvl]) {
			for (i = 0; i < s->next[lvl]; i++) {
				if (!gso_ext(s->ext[lvl][i]))
					return OFL_EPROTONOSUPPORT;
				if (i == OFL_MAX_EXTHDRS)
					return OFL_ELOOP;
			}
		}
		if (proto == 6)
			return 0;
		if (lvl == s->ntun)
			return 0;	/* UDP */
		if (lvl == 1)		/* a tunnel in a tunnel */
			return OFL_EPROTONOSUPPORT;
		if ((s->tun[0] == T_GRE || s->tun[0] == T_GRE_TEB) &&
		    (s->gre_flags & 0x4f07))
			return OFL_EPROTONOSUPPORT;
	}
	return 0;
}

/* lib/gro: passes up (NORMAL) what it does not aggregate. */
static int want_gro(const struct spec *s, const struct truth *t)
{
	int lvl, i;

	if (s->nvlan && s->tpid != 0x8100 && s->tpid != 0x88a8)
		return 0;	/* DISAGREE 4 */
	if (s->nvlan > OFL_MAX_VLANS || s->ntun > 1)
		return 0;	/* one tunnel level, as Linux (encap_mark) */
	/* inner VLAN GRO is not modelled (docs/GRO.md) */
	if (s->ntun && s->inner_vlan)
		return 0;
	/* GRE version 0 with only C and K (gre_gro_receive) */
	if (s->ntun && (s->tun[0] == T_GRE || s->tun[0] == T_GRE_TEB) &&
	    (s->gre_flags & ~0xa000u))
		return 0;
	for (lvl = 0; lvl <= s->ntun; lvl++) {
		if (!s->v6[lvl] && lvl == s->ntun && s->v4opt)
			return 0;	/* inet_gro_receive: 0x45 only */
		for (i = 0; i < s->next[lvl]; i++)
			if (!gso_ext(s->ext[lvl][i]) ||
			    i == OFL_MAX_EXTHDRS)
				return 0;	/* fragment, AH: up */
		if (t->l4[lvl] > OFL_GRO_MAX_HDR)
			return 0;	/* capacity (docs/GRO.md) */
	}
	if (s->ntun && t->l3[1] + 40 > OFL_GRO_MAX_HDR)
		return 0;
	if (!s->udp && t->hdr_len > OFL_GRO_MAX_HDR)
		return 0;
	return 1;
}

/* ofl_csum_ipv6_find_l4() on IPv6 level @lvl: error, or 0 with the
 * offset (from the IPv6 header) and protocol it must find. */
static int want_csum(const struct spec *s, const struct truth *t, int lvl,
		     unsigned int *off, unsigned int *proto)
{
	int i;

	for (i = 0; i < s->next[lvl]; i++) {
		unsigned int x = s->ext[lvl][i];

		if (x != X_HBH && x != X_RT && x != X_DST && x != X_AH) {
			/* a fragment header ends the walk (csum.h) */
			*off = t->ext_at[lvl][i] - t->l3[lvl];
			*proto = x;
			return 0;
		}
		if (i == OFL_MAX_EXTHDRS)
			return OFL_ELOOP;
		/* hop-by-hop only right after the fixed header (RFC 8200
		 * 4.1) */
		if (x == X_HBH && i)
			return OFL_EBADMSG;
	}
	*off = t->l4[lvl] - t->l3[lvl];
	*proto = level_proto(s, lvl);
	return 0;
}

/* ---- running the walkers ---- */

static unsigned int ncases, nchecks, nfail, naccept[6], nrefuse[6];

/* every failed check is printed (all of a case's, not only the first);
 * each test fails at its end if any did */
#define CHECK(cond, ...)                                                     \
	do {                                                                 \
		nchecks++;                                                   \
		if (!(cond)) {                                               \
			nfail++;                                             \
			print_error("%s: ", s->name);                        \
			print_error(__VA_ARGS__);                            \
			print_error("\n");                                   \
		}                                                            \
	} while (0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void count(int w, int accepted)
{
	if (accepted)
		naccept[w]++;
	else
		nrefuse[w]++;
}

static void run(const struct spec *s)
{
	static struct truth t;
	static struct ofl_parse_result res, res2;
	static struct ofl_gro_ctx ctx;
	static struct ofl_gro_pkt out[2];
	struct ofl_gso_meta mf, mq;
	struct ofl_gro_opts go = { .sz = sizeof(go), .flags = GRO_FLAGS };
	struct ofl_gro_frame gf;
	struct ofl_csum_state st;
	unsigned int nout = 0, lvl, in;
	int rp, rf, rq, rg, wp, wf, wg, why_p, why_f, r;
	const uint8_t *e;

	build(s, &t);
	e = t.b + t.n;
	ncases++;
	in = (unsigned int)s->ntun;

	/* P: lib/parser */
	memset(&res, 0, sizeof(res));
	rp = ofl_parse(t.b, e, OFL_PROTO_ETH, &res, sizeof(res));
	/* the step API gives the same result byte for byte (parser.h) */
	memset(&res2, 0, sizeof(res2));
	r = ofl_parse_begin(t.b, e, OFL_PROTO_ETH, &res2, sizeof(res2));
	assert_int_equal(r, 0);
	for (lvl = 0; lvl < OFL_PARSE_MAX_DEPTH; lvl++) {
		r = ofl_parse_step(t.b, e, &res2, sizeof(res2));
		if (r <= 0)
			break;
	}
	r = ofl_parse_finish(&res2, r, sizeof(res2));
	CHECK(r == rp && !memcmp(&res, &res2, sizeof(res)),
	      "parse step API %d, ofl_parse %d", r, rp);
	wp = want_parse(s, &t, &why_p);
	CHECK(rp == wp && res.error == rp, "parse %d, want %d (why %d)", rp,
	      wp, why_p);
	count(0, rp == 0);
	if (rp == 0) {
		const struct ofl_parse_flow *fi = in ? &res.inner : &res.outer;

		CHECK(res.outer.l3_off == t.l3[0], "parse l3 %u, want %u",
		      res.outer.l3_off, t.l3[0]);
		CHECK(fi->l3_off == t.l3[in], "parse inner l3 %u, want %u",
		      fi->l3_off, t.l3[in]);
		CHECK(fi->l4_off == t.l4[in], "parse l4 %u, want %u",
		      fi->l4_off, t.l4[in]);
		CHECK(res.payload_off == t.hdr_len, "parse hlen %u, want %u",
		      res.payload_off, t.hdr_len);
		CHECK(res.encap == in, "parse encap %u", res.encap);
		CHECK(res.nlayers == t.layers, "parse layers %u, want %d",
		      res.nlayers, t.layers);
		CHECK(res.nvlan == vlans_total(s), "parse nvlan %u",
		      res.nvlan);
		CHECK(res.nexthdr == ext_total(s), "parse nexthdr %u",
		      res.nexthdr);
	}

	/* F: ofl_gso_meta_from_frame */
	rf = ofl_gso_meta_from_frame(t.b, t.n, 1000, &mf);
	wf = want_gso(s, &why_f);
	CHECK(rf == wf, "gso from_frame %d, want %d", rf, wf);
	count(1, rf == 0);
	if (rf == 0) {
		unsigned int il = in;
		int tun = (mf.gso_type & OFL_GSO_TUNNEL_MASK) != 0;

		CHECK(mf.network_off == t.l3[0], "gso l3 %u, want %u",
		      mf.network_off, t.l3[0]);
		CHECK(mf.csum_start == t.l4[il], "gso l4 %u, want %u",
		      mf.csum_start, t.l4[il]);
		CHECK(mf.hdr_len == (s->udp ? t.l4[il] + 8u :
				     t.hdr_len),
		      "gso hdr_len %u, want %u", mf.hdr_len, t.hdr_len);
		CHECK(tun == (in > 0), "gso tunnel bits %#x", mf.gso_type);
		if (in) {
			CHECK(mf.transport_off == t.l4[0],
			      "gso outer l4 %u, want %u", mf.transport_off,
			      t.l4[0]);
			CHECK(mf.inner_network_off == t.l3[1],
			      "gso inner l3 %u, want %u",
			      mf.inner_network_off, t.l3[1]);
		}
	}

	/* Q: ofl_gso_meta_from_parse, on P's result: F's answer, byte for
	 * byte, except where P refused */
	rq = ofl_gso_meta_from_parse(&res, sizeof(res), t.b, t.n, 1000, &mq);
	count(2, rq == 0);
	if (rp) {
		/* P's refusal is Q's, whatever F says (DISAGREE 2);
		 * with more than one tunnel level Q may refuse first */
		CHECK(rq == rp || (rq == OFL_EPROTONOSUPPORT && in > 1),
		      "gso from_parse %d, parse %d", rq, rp);
	} else {
		CHECK(rq == rf, "gso from_parse %d, from_frame %d", rq, rf);
		if (rq == 0)
			CHECK(!memcmp(&mf, &mq, sizeof(mf)),
			      "gso from_parse metadata differs");
	}

	/* G: lib/gro, one frame: HELD if a candidate, else passed up */
	r = ofl_gro_init(&ctx, sizeof(ctx), &go);
	assert_int_equal(r, 0);
	gf.data = t.b;
	gf.len = (uint32_t)t.n;
	gf.hash = 0;
	gf.id = 1;
	gf.ip_summed = OFL_CHECKSUM_UNNECESSARY;
	gf.csum = 0;
	gf.csum_start = 0;
	gf.vlan_proto = 0;
	gf.vlan_tci = 0;
	gf.reserved = 0;
	rg = ofl_gro_receive(&ctx, &gf, out, &nout);
	wg = want_gro(s, &t);
	CHECK(rg == (wg ? OFL_GRO_HELD : OFL_GRO_NORMAL),
	      "gro %d, want %s", rg, wg ? "held" : "normal");
	count(3, rg == OFL_GRO_HELD);
	if (rg == OFL_GRO_HELD) {
		const struct ofl_gro_bucket *b = &ctx.b[0];
		const struct ofl_gro_flow *fl = &b->flow[b->order[0]];

		CHECK(b->n == 1 && nout == 0, "gro held %u", b->n);
		CHECK(fl->l3 == t.l3[in], "gro l3 %u, want %u", fl->l3,
		      t.l3[in]);
		CHECK(fl->l4 == t.l4[in], "gro l4 %u, want %u", fl->l4,
		      t.l4[in]);
		CHECK(fl->hdr_len == (s->udp ? t.l4[in] + 8u : t.hdr_len),
		      "gro hdr_len %u, want %u", fl->hdr_len, t.hdr_len);
		if (in) {
			CHECK(fl->ol3 == t.l3[0], "gro outer l3 %u", fl->ol3);
			CHECK(fl->ol4 == t.l4[0], "gro outer l4 %u", fl->ol4);
		}
		/* every walker that handles the shape took it too (but
		 * DISAGREE 2: lib/parser's layer capacity) */
		CHECK(rf == 0 && (why_p || (rq == 0 && rp == 0)),
		      "gro took what P/F/Q refused: %d %d %d", rp, rf, rq);
	} else {
		CHECK(rg == OFL_GRO_NORMAL && nout == 1 &&
		      out[0].kind == OFL_GRO_PKT_FRAME, "gro pass-up");
	}

	/* C: lib/csum's IPv6 walk, at every IPv6 level */
	for (lvl = 0; lvl <= in; lvl++) {
		struct ofl_csum_ipv6_l4 l4;
		unsigned int off = 0, proto = 0;
		int rc, wc;

		if (!s->v6[lvl])
			continue;
		memset(&l4, 0, sizeof(l4));
		rc = ofl_csum_ipv6_find_l4(t.b + t.l3[lvl], e, &l4);
		wc = want_csum(s, &t, (int)lvl, &off, &proto);
		CHECK(rc == wc, "csum level %u: %d, want %d", lvl, rc, wc);
		count(4, rc == 0);
		if (rc == 0) {
			CHECK(l4.l4_off == off && l4.proto == proto,
			      "csum level %u: l4 %u proto %u, want %u %u",
			      lvl, l4.l4_off, l4.proto, off, proto);
			CHECK(l4.daddr_off == 24, "csum daddr %u",
			      l4.daddr_off);
			/* the walkers that reach the same L4 agree */
			if (proto == level_proto(s, (int)lvl) && rp == 0 &&
			    lvl == in)
				CHECK(t.l3[lvl] + off ==
				      (in ? res.inner.l4_off :
					    res.outer.l4_off),
				      "csum and parse l4 differ");
		}
	}

	/* L: a legacy (protocol-specific) checksum engine: plain IP then
	 * TCP/UDP, nothing in between, no tunnel */
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	st.csum_start = t.l4[in];
	st.csum_offset = s->udp ? 6 : 16;
	st.encapsulation = in > 0;
	r = ofl_csum_hwoffload_legacy_check(t.b, e, t.l3[0], &st,
					    OFL_CSUM_DEV_IPV4 |
					    OFL_CSUM_DEV_IPV6);
	{
		int ok = !in && !s->next[0] && !(!s->v6[0] && s->v4opt);

		CHECK(r == (ok ? 0 : OFL_EOPNOTSUPP), "legacy %d, want %d", r,
		      ok);
		count(5, r == 0);
	}
}

/* ---- the cases ---- */

static void base(struct spec *s, int v6, int udp)
{
	memset(s, 0, sizeof(*s));
	s->tpid = 0x8100;
	s->v6[0] = (uint8_t)v6;
	s->udp = udp;
	s->gre_flags = 0;
}

/* @n extension headers at level @lvl in pattern @mix: 0 hop-by-hop then
 * routing/destination options alternately; 1 the same with a fragment
 * header last; 2 with AH last; 3 a hop-by-hop header second. */
static void exts(struct spec *s, int lvl, int n, int mix)
{
	int i;

	s->v6[lvl] = 1;
	s->next[lvl] = (uint8_t)n;
	for (i = 0; i < n; i++)
		s->ext[lvl][i] = (uint8_t)(i == 0 ? X_HBH :
					   (i & 1) ? X_RT : X_DST);
	if (n && mix == 1)
		s->ext[lvl][n - 1] = X_FRAG;
	if (n && mix == 2)
		s->ext[lvl][n - 1] = X_AH;
	if (n > 1 && mix == 3)
		s->ext[lvl][1] = X_HBH;
}

static void test_vlan_depth(void **state)
{
	static const unsigned int tpid[] = { 0x8100, 0x88a8, 0x9100 };
	struct spec s;
	int n, t, v6, udp;

	(void)state;
	nfail = 0;
	for (n = 0; n <= OFL_MAX_VLANS + 1; n++)
		for (t = 0; t < 3; t++)
			for (v6 = 0; v6 < 2; v6++)
				for (udp = 0; udp < 2; udp++) {
					if (t == 2 && n != 1)
						continue;
					base(&s, v6, udp);
					s.nvlan = n;
					s.tpid = tpid[t];
					snprintf(s.name, sizeof(s.name),
						 "vlan %d tpid %#x ip%d %s", n,
						 tpid[t], v6 ? 6 : 4,
						 udp ? "udp" : "tcp");
					run(&s);
				}
	/* inner tags behind a VXLAN/GENEVE/GRE-TEB tunnel: the per-frame
	 * count of bounds.h (lib/gro does not model inner VLAN GRO) */
	for (n = 0; n <= OFL_MAX_VLANS + 1; n++)
		for (t = 0; t < 3; t++) {
			static const uint8_t k[3] = { T_VXLAN, T_GENEVE,
						      T_GRE_TEB };

			base(&s, 0, 0);
			s.nvlan = 2;
			s.ntun = 1;
			s.tun[0] = k[t];
			s.inner_vlan = n;
			snprintf(s.name, sizeof(s.name),
				 "vlan 2 + %d inside %s", n, tname[k[t]]);
			run(&s);
		}
	assert_int_equal(nfail, 0);
}

static void test_exthdrs(void **state)
{
	static const char *const mixname[] = { "plain", "frag", "ah",
					       "hbh-second" };
	struct spec s;
	int n, mix, udp, len8;

	(void)state;
	nfail = 0;
	for (n = 0; n <= OFL_MAX_EXTHDRS + 1; n++)
		for (mix = 0; mix < 4; mix++)
			for (udp = 0; udp < 2; udp++)
				for (len8 = 0; len8 < 3; len8 += 2) {
					if ((mix && !n) || (mix == 3 && n < 2))
						continue;
					base(&s, 1, udp);
					exts(&s, 0, n, mix);
					s.extlen8 = (uint8_t)len8;
					s.nvlan = len8 ? 0 : OFL_MAX_VLANS;
					snprintf(s.name, sizeof(s.name),
						 "ext %d %s len8 %d %s", n,
						 mixname[mix], len8,
						 udp ? "udp" : "tcp");
					run(&s);
				}
	assert_int_equal(nfail, 0);
}

/* extension headers at the inner (and outer) IPv6 header of a tunnel */
static void test_exthdrs_tunnel(void **state)
{
	static const uint8_t k[] = { T_VXLAN, T_GENEVE, T_GRE, T_IPIP };
	struct spec s;
	int n, t, udp, outer;

	(void)state;
	nfail = 0;
	for (n = 0; n <= OFL_MAX_EXTHDRS + 1; n++)
		for (t = 0; t < 4; t++)
			for (udp = 0; udp < 2; udp++)
				for (outer = 0; outer < 3; outer++) {
					base(&s, 1, udp);
					s.ntun = 1;
					s.tun[0] = k[t];
					/* outer: 0 no extension headers, 1
					 * the same count outside too, 2 the
					 * rest of OFL_MAX_EXTHDRS outside */
					exts(&s, 1, n, 0);
					if (outer == 1)
						exts(&s, 0, n, 0);
					if (outer == 2 && n <= OFL_MAX_EXTHDRS)
						exts(&s, 0,
						     OFL_MAX_EXTHDRS - n, 0);
					snprintf(s.name, sizeof(s.name),
						 "ext %d+%d in %s %s",
						 s.next[0],
						 n, tname[k[t]],
						 udp ? "udp" : "tcp");
					run(&s);
				}
	assert_int_equal(nfail, 0);
}

static void set_level(struct spec *s, int i, int v6, int tun)
{
	if (i < 0 || i >= MAXLVL)
		fail();
	s->v6[i] = (uint8_t)v6;
	s->tun[i] = (uint8_t)tun;
}

static void test_encap_depth(void **state)
{
	static const uint8_t mixed[] = { T_VXLAN, T_GRE, T_IPIP, T_GENEVE,
					 T_GRE_TEB };
	struct spec s;
	int d, k, i, fam, udp;

	(void)state;
	nfail = 0;
	for (d = 0; d <= OFL_MAX_ENCAP + 1; d++)
		for (k = T_VXLAN; k <= T_KINDS; k++)
			for (fam = 0; fam < 3; fam++)
				for (udp = 0; udp < 2; udp++) {
					if (!d && (k != T_VXLAN || fam))
						continue;
					base(&s, 0, udp);
					s.ntun = d;
					/* all IPv4, all IPv6, or
					 * alternating */
					for (i = 0; i <= d; i++)
						set_level(&s, i, fam == 1 ||
							  (fam == 2 && (i & 1)),
							  i == d ? T_NONE :
							  k < T_KINDS ? k :
							  mixed[i % 5]);
					snprintf(s.name, sizeof(s.name),
						 "encap %d x %s fam %d %s", d,
						 k < T_KINDS ? tname[k] :
							       "mixed",
						 fam, udp ? "udp" : "tcp");
					run(&s);
				}
	assert_int_equal(nfail, 0);
}

static void test_gre_flags(void **state)
{
	static const unsigned int fl[] = {
		0, 0x8000, 0x2000, 0x1000, 0xa000, 0xb000,
		0x4000,			/* routing: refused by all */
		0x2001 | 0x0080,	/* version 1 (PPTP) with ack */
		0x2002,			/* version 2 */
	};
	struct spec s;
	unsigned int i;
	int teb, v6;

	(void)state;
	nfail = 0;
	for (i = 0; i < ARRAY_SIZE(fl); i++)
		for (teb = 0; teb < 2; teb++)
			for (v6 = 0; v6 < 2; v6++) {
				base(&s, v6, 0);
				s.ntun = 1;
				s.tun[0] = teb ? T_GRE_TEB : T_GRE;
				s.v6[1] = (uint8_t)v6;
				s.gre_flags = fl[i];
				snprintf(s.name, sizeof(s.name),
					 "gre flags %#x %s ip%d", fl[i],
					 teb ? "teb" : "ip", v6 ? 6 : 4);
				run(&s);
			}
	assert_int_equal(nfail, 0);
}

/* hop-by-hop option counts (lib/parser's OFL_PARSE_MAX_OPTS; the others
 * skip the header by its length) and IPv4 options */
static void test_options(void **state)
{
	static const int nopt[] = { 1, 16, 17, OFL_PARSE_MAX_OPTS - 1,
				    OFL_PARSE_MAX_OPTS,
				    OFL_PARSE_MAX_OPTS + 1, 45 };
	struct spec s;
	unsigned int i;
	int udp, opt;

	(void)state;
	nfail = 0;
	for (i = 0; i < ARRAY_SIZE(nopt); i++)
		for (udp = 0; udp < 2; udp++) {
			base(&s, 1, udp);
			exts(&s, 0, 2, 0);
			s.hbh_opts = nopt[i];
			snprintf(s.name, sizeof(s.name), "hbh %d options %s",
				 nopt[i], udp ? "udp" : "tcp");
			run(&s);
		}
	for (opt = 0; opt <= 40; opt += 4)
		for (udp = 0; udp < 2; udp++) {
			base(&s, 0, udp);
			s.v4opt = opt;
			snprintf(s.name, sizeof(s.name), "ipv4 %d option bytes"
				 " %s", opt, udp ? "udp" : "tcp");
			run(&s);
		}
	assert_int_equal(nfail, 0);
}

/* every bound at once: within each, and the parser's layer capacity */
static void test_combined(void **state)
{
	struct spec s;
	int udp, n;

	(void)state;
	nfail = 0;
	for (udp = 0; udp < 2; udp++)
		for (n = OFL_MAX_EXTHDRS - 1; n <= OFL_MAX_EXTHDRS; n++) {
			base(&s, 1, udp);
			s.nvlan = OFL_MAX_VLANS;
			exts(&s, 0, n, 0);
			snprintf(s.name, sizeof(s.name),
				 "vlan %d ext %d %s", s.nvlan, n,
				 udp ? "udp" : "tcp");
			run(&s);
			s.ntun = 1;
			s.tun[0] = T_IPIP;
			s.v6[1] = 0;
			snprintf(s.name, sizeof(s.name),
				 "vlan %d ext %d ipip %s", s.nvlan, n,
				 udp ? "udp" : "tcp");
			run(&s);
			s.tun[0] = T_VXLAN;
			snprintf(s.name, sizeof(s.name),
				 "vlan %d ext %d vxlan %s", s.nvlan, n,
				 udp ? "udp" : "tcp");
			run(&s);
		}
	assert_int_equal(nfail, 0);
}

static void test_summary(void **state)
{
	static const char *const w[6] = {
		"parse", "gso_from_frame", "gso_from_parse", "gro",
		"csum_find_l4", "csum_legacy",
	};
	unsigned int i;

	(void)state;
	nfail = 0;
	printf("walkers: %u frames, %u checks\n", ncases, nchecks);
	for (i = 0; i < 6; i++) {
		printf("  %-15s accepted %4u refused %4u\n", w[i], naccept[i],
		       nrefuse[i]);
		/* each walker saw both sides of its bounds */
		assert_true(naccept[i] > 0 && nrefuse[i] > 0);
	}
	assert_true(ncases > 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vlan_depth),
		cmocka_unit_test(test_exthdrs),
		cmocka_unit_test(test_exthdrs_tunnel),
		cmocka_unit_test(test_encap_depth),
		cmocka_unit_test(test_gre_flags),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_combined),
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
