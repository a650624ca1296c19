// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Issue 12: a GRO delivery handed to lib/gso as it is (its gso_type,
 * gso_size, header, slices and CHECKSUM_PARTIAL offsets, no mapping code)
 * gives back the frames GRO merged, and lib/gso's segments handed to
 * lib/gro give back the super-frame. The round trips and the fields Linux
 * itself changes on the way are in roundtrip.h.
 */
#include "ofl_test.h"
#include "roundtrip.h"

enum { V4, V6 };
enum { T_NONE, T_VXLAN, T_GENEVE, T_GRE, T_IPIP };

struct rt_case {
	const char *name;
	int v6, vlan, ext, udp;	/* ext: IPv6 header 1 (hop-by-hop), 60, 43 */
	int tun, outer_v6, ocsum, gnvopt, grekey, grecsum, teb;
	int idfix, oidfix, df;
	int nseg, mss, last;
	uint8_t first_flags, last_flags;
	int cwr_all;
	uint32_t profile;
	int merged;	/* merged deliveries GRO -> GSO must check */
};

#define C(...) { __VA_ARGS__ }
/* name v6 vlan ext udp | tun ov6 ocsum gnvopt key csum teb | idfix oidfix
 * df | nseg mss last | first last cwr_all profile | merged */
static const struct rt_case cases[] = {
	C("tcp4", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 1000,
	  500, 0, 0, 0, 0, 1),
	C("tcp4 equal sizes", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	  4, 1448, 1448, 0, 0, 0, 0, 1),
	C("tcp4 psh fin", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 300, 0, 0x09, 0, 0, 1),
	C("tcp4 df0", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1000,
	  1, 0, 0, 0, 0, 1),
	C("tcp4 fixedid", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 1, 0, 1, 5,
	  1000, 700, 0, 0, 0, 0, 1),
	C("tcp4 fixedid df0", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 1, 0, 0, 5,
	  1000, 700, 0, 0, 0, 0, 1),
	C("tcp4 vlan", V4, 1, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000,
	  999, 0, 0x08, 0, 0, 1),
	C("tcp6", V6, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 1000, 500,
	  0, 0, 0, 0, 1),
	C("tcp6 vlan", V6, 1, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 1200,
	  1200, 0, 0x01, 0, 0, 1),
	C("tcp6 hbh", V6, 0, 1, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 1000,
	  10, 0, 0, 0, 0, 1),
	C("tcp6 dstopt", V6, 0, 60, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4,
	  1000, 10, 0, 0, 0, 0, 1),
	C("tcp6 routing vlan", V6, 1, 43, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	  4, 1000, 10, 0, 0, 0, 0, 1),
	C("tcp4 63 segments", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	  63, 100, 100, 0, 0, 0, 0, 1),
	C("tcp4 64 segments", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	  64, 100, 100, 0, 0, 0, 0, 1),
	C("tcp6 80 segments", V6, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	  80, 64, 30, 0, 0, 0, 0, 2),
	C("tcp4 64k", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 46, 1400,
	  1400, 0, 0, 0, 0, 1),
	C("tcp4 cwr 6.18", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 1000, 0x80, 0, 0, OFL_GRO_PROFILE_6_18, 1),
	C("tcp4 cwr 6.10", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 1000, 0x80, 0, 0, OFL_GRO_PROFILE_6_10, 1),
	C("tcp6 cwr 6.10", V6, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 10, 0x80, 0x08, 0, OFL_GRO_PROFILE_6_10, 1),
	C("tcp4 accecn 7.0", V4, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 1000, 0x80, 0, 1, OFL_GRO_PROFILE_7_0, 1),
	C("tcp6 accecn 7.0", V6, 0, 0, 0, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 20, 0x80, 0x01, 1, OFL_GRO_PROFILE_7_0, 1),
	C("udp4", V4, 0, 0, 1, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 1000, 400,
	  0, 0, 0, 0, 1),
	C("udp6 vlan", V6, 1, 0, 1, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 1000,
	  1000, 0, 0, 0, 0, 1),
	C("udp6 hbh", V6, 0, 1, 1, T_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1000,
	  1, 0, 0, 0, 0, 1),
	/* VXLAN / GENEVE */
	C("vxlan4 tcp4", V4, 0, 0, 0, T_VXLAN, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 csum tcp4", V4, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 0, 0, 1,
	  5, 1000, 500, 0, 0x08, 0, 0, 1),
	C("vxlan4 csum tcp6", V6, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 0, 0, 1,
	  5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan6 tcp4", V4, 0, 0, 0, T_VXLAN, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("vxlan6 csum tcp6 hbh", V6, 0, 1, 0, T_VXLAN, 1, 1, 0, 0, 0, 0, 0, 0,
	  1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 fixed outer id", V4, 0, 0, 0, T_VXLAN, 0, 0, 0, 0, 0, 0, 0,
	  1, 1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 fixed inner id", V4, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 1,
	  0, 1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 fixed both ids", V4, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 1,
	  1, 1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 fixed outer id tcp6", V6, 0, 0, 0, T_VXLAN, 0, 0, 0, 0, 0, 0,
	  0, 1, 1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 udp4", V4, 0, 0, 1, T_VXLAN, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("vxlan6 csum udp6", V6, 0, 0, 1, T_VXLAN, 1, 1, 0, 0, 0, 0, 0, 0, 1,
	  5, 1000, 500, 0, 0, 0, 0, 1),
	C("geneve4 tcp4", V4, 0, 0, 0, T_GENEVE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("geneve4 csum opts tcp6", V6, 0, 0, 0, T_GENEVE, 0, 1, 3, 0, 0, 0, 0,
	  0, 1, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("geneve6 opts udp4", V4, 0, 0, 1, T_GENEVE, 1, 1, 2, 0, 0, 0, 0, 0,
	  1, 5, 1000, 500, 0, 0, 0, 0, 1),
	/* GRE */
	C("gre4 tcp4", V4, 0, 0, 0, T_GRE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000,
	  500, 0, 0, 0, 0, 1),
	C("gre4 key tcp6", V6, 0, 0, 0, T_GRE, 0, 0, 0, 1, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("gre4 csum tcp4", V4, 0, 0, 0, T_GRE, 0, 0, 0, 0, 1, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("gre6 csum key tcp4", V4, 0, 0, 0, T_GRE, 1, 0, 0, 1, 1, 0, 0, 0, 1,
	  5, 1000, 1000, 0, 0, 0, 0, 1),
	C("gre4 teb tcp4", V4, 0, 0, 0, T_GRE, 0, 0, 0, 0, 0, 1, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("gre6 teb key tcp6", V6, 0, 0, 0, T_GRE, 1, 0, 0, 1, 0, 1, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("gre4 fixed ids", V4, 0, 0, 0, T_GRE, 0, 0, 0, 1, 0, 0, 1, 1, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("vxlan4 fixed ids df0", V4, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 1, 1,
	  0, 5, 1000, 500, 0, 0, 0, 0, 1),
	C("ipip fixed ids df0", V4, 0, 0, 0, T_IPIP, 0, 0, 0, 0, 0, 0, 1, 1, 0,
	  5, 1000, 500, 0, 0, 0, 0, 1),
	C("gre4 udp4", V4, 0, 0, 1, T_GRE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000,
	  500, 0, 0, 0, 0, 1),
	C("gre6 csum udp6", V6, 0, 0, 1, T_GRE, 1, 0, 0, 0, 1, 0, 0, 0, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	/* IP in IP */
	C("ipip", V4, 0, 0, 0, T_IPIP, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000, 500,
	  0, 0, 0, 0, 1),
	C("sit", V6, 0, 0, 0, T_IPIP, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000, 500,
	  0, 0, 0, 0, 1),
	C("4in6", V4, 0, 0, 0, T_IPIP, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000, 500,
	  0, 0, 0, 0, 1),
	C("6in6", V6, 0, 0, 0, T_IPIP, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000, 500,
	  0, 0, 0, 0, 1),
	C("ipip fixed ids", V4, 0, 0, 0, T_IPIP, 0, 0, 0, 0, 0, 0, 1, 1, 1, 5,
	  1000, 500, 0, 0, 0, 0, 1),
	C("sit fixed outer id", V6, 0, 0, 0, T_IPIP, 0, 0, 0, 0, 0, 0, 0, 1, 1,
	  5, 1000, 500, 0, 0, 0, 0, 1),
	C("ipip udp4", V4, 0, 0, 1, T_IPIP, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000,
	  500, 0, 0, 0, 0, 1),
	C("6in6 udp6", V6, 0, 0, 1, T_IPIP, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1000,
	  500, 0, 0, 0, 0, 1),
	C("gre4 cwr 6.10", V4, 0, 0, 0, T_GRE, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5,
	  1000, 500, 0x80, 0, 0, OFL_GRO_PROFILE_6_10, 1),
	C("vxlan4 accecn 7.0", V6, 0, 0, 0, T_VXLAN, 0, 1, 0, 0, 0, 0, 0, 0,
	  1, 5, 1000, 500, 0x80, 0, 1, OFL_GRO_PROFILE_7_0, 1),
};

static void rt_flow_of(const struct rt_case *c, struct rt_flow *w)
{
	memset(w, 0, sizeof(*w));
	tseg_init(&w->t, c->v6);
	w->t.seq = 0xfffff000u;	/* wraps inside the flow */
	w->t.vlan = (uint16_t)(c->vlan ? 100 : 0);
	w->t.has_ext = c->v6 && c->ext;
	w->t.ext = (uint8_t)(c->ext == 1 ? 0 : c->ext);
	w->t.extfill = 0x5a;
	w->t.udp = c->udp;
	w->t.df = c->df;
	w->t.odf = c->df;
	tseg_ts(&w->t, 0x01020304, 0);
	if (c->udp)
		w->t.optlen = 0;
	if (c->tun) {
		w->t.vx = c->outer_v6 ? 2 : 1;
		w->t.ocsum = c->ocsum;
		w->t.gnv = c->tun == T_GENEVE;
		w->t.gnvopt = (uint8_t)c->gnvopt;
		w->t.gnvfill = 0x11;
		w->t.gre = c->tun == T_GRE;
		w->t.ipip = c->tun == T_IPIP;
		w->t.grekey = c->grekey;
		w->t.grecsum = c->grecsum;
		w->t.teb = c->teb;
		w->t.vni = 0x2a;
		w->t.oidfix = c->oidfix;
	}
	w->nseg = c->nseg;
	w->mss = c->mss;
	w->last = c->last;
	w->idfix = c->idfix;
	w->first_flags = c->first_flags;
	w->last_flags = c->last_flags;
	w->cwr_all = c->cwr_all;
	w->profile = c->profile;
}

static void gro_then_gso(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct rt_flow w;
		int r;

		rt_flow_of(&cases[i], &w);
		r = rt_gro_gso(&w);
		if (r < 0)
			fail_msg("%s: %s", cases[i].name, rt.msg);
		if (r != cases[i].merged)
			fail_msg("%s: %d merged deliveries, want %d",
				 cases[i].name, r, cases[i].merged);
	}
	printf("gro->gso: %zu flows, %u merged deliveries, %u segments "
	       "equal, %u frames up alone\n", i, rt.merged, rt.segments,
	       rt.frames);
}

static void gso_then_gro(void **state)
{
	size_t i;

	(void)state;
	rt.merged = rt.frames = 0;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct rt_flow w;
		int r;

		if (cases[i].nseg > OFL_GRO_MAX_SEGS)
			continue;	/* not one merged frame */
		rt_flow_of(&cases[i], &w);
		r = rt_gso_gro(&w);
		if (r < 0)
			fail_msg("%s: %s", cases[i].name, rt.msg);
		assert_int_equal(r, 1);
	}
	printf("gso->gro: %u super-frames given back, %u first segments "
	       "up alone (CWR)\n", rt.merged, rt.frames);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gro_then_gso),
		cmocka_unit_test(gso_then_gro),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
