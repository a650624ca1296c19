/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The generated corpus, in the spirit of the kernel's GRO selftest
 * (tools/testing/selftests/drivers/net/gro.c): each case is a burst of
 * segments. gro_case() fills segs[] for case @idx and returns how many, or
 * -1 past the last case. *multi is set when the case interleaves several
 * flows (the kernel's bucket order then depends on its hash seed, so the
 * final flush is compared per flow).
 */
#ifndef OFL_TESTS_GRO_CASES_H
#define OFL_TESTS_GRO_CASES_H

#include "gro_frames.h"

#define GRO_CASE_MAX_SEGS 80

/* n contiguous segments of @len bytes starting at seq 1000 */
static inline int gc_data(struct tseg *g, int v6, int n, int len)
{
	int i;

	for (i = 0; i < n; i++) {
		tseg_init(&g[i], v6);
		g[i].seq = 1000u + (uint32_t)(i * len);
		g[i].paylen = len;
		g[i].ipid = (uint16_t)(100 + i);
	}
	return n;
}

static inline int gc_lens(struct tseg *g, int v6, const int *lens, int n)
{
	uint32_t seq = 1000;
	int i;

	for (i = 0; i < n; i++) {
		tseg_init(&g[i], v6);
		g[i].seq = seq;
		g[i].paylen = lens[i];
		g[i].ipid = (uint16_t)(100 + i);
		seq += (uint32_t)lens[i];
	}
	return n;
}

static inline int gro_case_v(int c, int v6, struct tseg *g, const char **nm,
			     int *multi)
{
	static const int lrg_sml[] = { 100, 50 }, sml_lrg[] = { 50, 100 };
	static const int mid_sml[] = { 100, 100, 40, 100 };
	int n, i;

	*multi = 0;
	switch (c) {
	case 0: *nm = "data_4x1000"; return gc_data(g, v6, 4, 1000);
	case 1: *nm = "data_same"; return gc_data(g, v6, 2, 100);
	case 2: *nm = "data_lrg_sml"; return gc_lens(g, v6, lrg_sml, 2);
	case 3: *nm = "data_sml_lrg"; return gc_lens(g, v6, sml_lrg, 2);
	case 4: *nm = "data_mid_sml"; return gc_lens(g, v6, mid_sml, 4);
	case 5:
		*nm = "ack";
		n = gc_data(g, v6, 3, 0);
		g[2].ack++;
		return n;
	case 6: case 7: case 8: case 9: case 10: case 11: {
		static const uint8_t fl[] = { 0x08, 0x02, 0x04, 0x20, 0x80,
					      0x01 };
		static const char *const fn[] = { "flags_psh", "flags_syn",
			"flags_rst", "flags_urg", "flags_cwr", "flags_fin" };
		*nm = fn[c - 6];
		n = gc_data(g, v6, 5, 100);
		g[2].flags |= fl[c - 6];
		if (c == 10)
			g[1].flags |= 0x80;
		return n;
	}
	case 12:
		*nm = "tcp_csum";
		n = gc_data(g, v6, 3, 100);
		g[1].badcsum = 1;
		return n;
	case 13:
		*nm = "tcp_seq";
		n = gc_data(g, v6, 3, 100);
		g[1].seq++;
		g[2].seq++;
		return n;
	case 14:
		*nm = "tcp_ts";
		n = gc_data(g, v6, 5, 100);
		for (i = 0; i < n; i++)
			tseg_ts(&g[i], i < 2 ? 0 : 100, i < 3 ? 0 : i - 2);
		return n;
	case 15:
		*nm = "tcp_opt";
		n = gc_data(g, v6, 3, 100);
		tseg_ts(&g[0], 7, 0);
		tseg_ts(&g[1], 7, 0);
		g[2].optlen = 4;
		memcpy(g[2].opt, "\x01\x03\x03\x00", 4);
		return n;
	case 16:
		*nm = "tcp_win";
		n = gc_data(g, v6, 3, 100);
		g[2].win = 1024;
		return n;
	case 17:
		*nm = "tcp_ack";
		n = gc_data(g, v6, 3, 100);
		g[2].ack += 10;
		return n;
	case 18:
		*nm = "ip_ecn";
		n = gc_data(g, v6, 3, 100);
		g[1].tos = 0x02;
		return n;
	case 19:
		*nm = "ip_tos";
		n = gc_data(g, v6, 3, 100);
		g[1].tos = 0x10;
		g[2].tos = 0x10;
		return n;
	case 20:
		*nm = "ip_ttl";
		n = gc_data(g, v6, 3, 100);
		g[1].ttl = 7;
		return n;
	case 21:
		*nm = "large_max";
		n = gc_data(g, v6, 18, 4000);
		g[16].paylen = 1495 - (v6 ? 20 : 0);
		g[17].seq = g[16].seq + (uint32_t)g[16].paylen;
		g[17].paylen = 100;
		return n;
	case 22:
		*nm = "large_rem";
		n = gc_data(g, v6, 18, 4000);
		g[16].paylen = 1496 - (v6 ? 20 : 0);
		g[17].seq = g[16].seq + (uint32_t)g[16].paylen;
		g[17].paylen = 100;
		return n;
	case 23:
		*nm = "interleave4";
		*multi = 1;
		for (i = 0; i < 16; i++) {
			tseg_init(&g[i], v6);
			g[i].sport = (uint16_t)(40000 + i % 4);
			g[i].seq = 1000u + (uint32_t)(i / 4) * 500;
			g[i].paylen = 500;
			g[i].ipid = (uint16_t)(i / 4);
		}
		return 16;
	case 24:
		*nm = "interleave8";
		*multi = 1;
		for (i = 0; i < 24; i++) {
			tseg_init(&g[i], v6);
			g[i].sport = (uint16_t)(41000 + i % 8);
			g[i].seq = 7u + (uint32_t)(i / 8) * 300;
			g[i].paylen = 300;
			g[i].ipid = (uint16_t)(9 + i / 8);
		}
		return 24;
	case 25:
		*nm = "zero_and_fin_no_flow";
		n = gc_data(g, v6, 2, 0);
		g[1].flags |= 0x01;
		g[1].seq = 2000;
		return n;
	case 26:
		*nm = "vlan";
		n = gc_data(g, v6, 4, 700);
		for (i = 0; i < n; i++)
			g[i].vlan = 5;
		g[3].vlan = 6;
		return n;
	case 27:
		*nm = "trailer";
		n = gc_data(g, v6, 4, 100);
		g[2].trailer = 4;
		return n;
	case 28:
		*nm = "udp_between";
		n = gc_data(g, v6, 4, 100);
		g[2].udp = 1;
		g[3].seq = g[2].seq;
		return n;
	case 29:
		*nm = "mac_differs";
		n = gc_data(g, v6, 4, 100);
		g[2].smac_last = 2;
		return n;
	case 30:
		*nm = "psh_first";
		n = gc_data(g, v6, 3, 100);
		g[0].flags |= 0x08;
		return n;
	case 31:
		*nm = "many_small";
		return gc_data(g, v6, 60, 64);
	case 32:
		*nm = "cwr_first";
		n = gc_data(g, v6, 4, 100);
		g[0].flags |= 0x80;
		return n;
	case 33:
		*nm = "ece_all";
		n = gc_data(g, v6, 4, 100);
		for (i = 0; i < n; i++)
			g[i].flags |= 0x40;
		return n;
	case 34:
		/* 10 flows: more than a bucket holds if they share one */
		*nm = "evict10";
		*multi = 2;
		for (i = 0; i < 30; i++) {
			tseg_init(&g[i], v6);
			g[i].sport = (uint16_t)(42000 + i % 10);
			g[i].seq = 7u + (uint32_t)(i / 10) * 200;
			g[i].paylen = 200;
			g[i].ipid = (uint16_t)(9 + i / 10);
		}
		return 30;
	case 35: case 36: case 37: case 38: case 39: case 40: case 41: {
		/* UDP: merged only with OFL_GRO_F_UDP_FWD (and the kernel's
		 * rx-udp-gro-forwarding), else each is passed up */
		static const char *const un[] = { "udp_same", "udp_short_last",
			"udp_longer", "udp_zero_csum", "udp_bad_csum",
			"udp_many", "udp_ttl" };
		static const int ul[4] = { 500, 500, 200, 500 };
		*nm = un[c - 35];
		n = c == 40 ? gc_data(g, v6, 70, 64) : gc_data(g, v6, 4, 500);
		if (c == 36)
			n = gc_lens(g, v6, ul, 4);
		if (c == 37)
			g[0].paylen = 200;
		for (i = 0; i < n; i++)
			g[i].udp = 1;
		if (c == 38)
			g[1].udpzero = 1;
		if (c == 39)
			g[1].badcsum = 1;
		if (c == 41)
			g[2].ttl = 9;
		return n;
	}
	case 42:
		*nm = "udp_tcp_same_ports";
		*multi = 0;
		n = gc_data(g, v6, 6, 300);
		for (i = 0; i < n; i += 2)
			g[i].udp = 1;
		return n;
	case 43:
		/* 50 UDP datagrams of 1400 bytes: the 64 KiB limit is hit
		 * (skb_gro_receive counts payload, skb_gro_receive_list whole
		 * IP packets under rx-gro-list) */
		*nm = "udp_large";
		n = gc_data(g, v6, 50, 1400);
		for (i = 0; i < n; i++)
			g[i].udp = 1;
		return n;
	default:
		break;
	}
	c -= 44;
	if (!v6) {
		switch (c) {
		case 0:
			*nm = "ip_opt";
			n = gc_data(g, 0, 3, 100);
			g[1].ipoptlen = 4;
			return n;
		case 1:
			*nm = "ip_frag4";
			n = gc_data(g, 0, 3, 100);
			g[1].frag = 0x2000;
			return n;
		case 2: case 3: case 4: case 5: case 6: case 7: case 8:
		case 9: {
			/* IP ID: DF1 inc, DF1 fixed, DF0 inc, DF0 fixed,
			 * DF1 inc-fixed, DF1 fixed-inc, DF0 fixed-inc,
			 * DF differs */
			static const char *const in[] = { "id_df1_inc",
				"id_df1_fixed", "id_df0_inc", "id_df0_fixed",
				"id_df1_inc_fixed", "id_df1_fixed_inc",
				"id_df0_fixed_inc", "id_df_differs" };
			static const uint16_t ids[8][3] = {
				{ 8, 9, 10 }, { 8, 8, 8 }, { 8, 9, 10 },
				{ 8, 8, 8 }, { 8, 9, 9 }, { 8, 8, 9 },
				{ 8, 8, 9 }, { 8, 9, 10 } };
			*nm = in[c - 2];
			n = gc_data(g, 0, 3, 100);
			for (i = 0; i < 3; i++) {
				g[i].ipid = ids[c - 2][i];
				g[i].df = (c == 4 || c == 5 || c == 8) ? 0 : 1;
			}
			if (c == 9)
				g[1].df = 0;
			return n;
		}
		case 10:
			*nm = "ip_badcsum";
			n = gc_data(g, 0, 3, 100);
			g[1].badipcsum = 1;
			return n;
		case 11:
			*nm = "ip_reserved_bit";
			n = gc_data(g, 0, 3, 100);
			g[1].frag = 0x8000;
			return n;
		case 12:
			*nm = "id_wrap";
			n = gc_data(g, 0, 3, 100);
			for (i = 0; i < 3; i++)
				g[i].ipid = (uint16_t)(65535 + i);
			return n;
		case 13:
			/* the IP layer flushes the second datagram (reserved
			 * bit): under rx-gro-list it is not validated, so its
			 * ip_summed differs from the held flow's */
			*nm = "udp_reserved_bit";
			n = gc_data(g, 0, 4, 300);
			for (i = 0; i < n; i++)
				g[i].udp = 1;
			g[1].frag = 0x8000;
			return n;
		default:
			return -1;
		}
	}
	switch (c) {
	case 0: case 1: case 2: case 3: {
		static const char *const en[] = { "v6ext_dst_same",
			"v6ext_dst_diff", "v6ext_hbh_same", "v6ext_rt_same" };
		static const uint8_t et[] = { 60, 60, 0, 43 };
		*nm = en[c];
		n = gc_data(g, 1, 3, 100);
		for (i = 0; i < n; i++) {
			g[i].has_ext = 1;
			g[i].ext = et[c];
			g[i].extfill = (uint8_t)(c == 1 && i == 1 ? 0x11 : 0);
		}
		return n;
	}
	case 4:
		*nm = "ip_frag6";
		n = gc_data(g, 1, 4, 100);
		g[2].has_ext = 1;
		g[2].ext = 44;
		return n;
	case 5:
		*nm = "flowlabel";
		n = gc_data(g, 1, 3, 100);
		g[1].flowlabel = 0x12345;
		g[2].flowlabel = 0x12345;
		return n;
	case 6:
		*nm = "v6ext_vs_none";
		n = gc_data(g, 1, 3, 100);
		g[1].has_ext = 1;
		g[1].ext = 60;
		return n;
	default:
		return -1;
	}
}

/*
 * VXLAN cases (inner TCP/IPv4, vx_i6_*: inner TCP/IPv6; outer IPv4 for
 * ov6 0, IPv6 for ov6 1):
 * every segment is wrapped, then one field of one segment is changed.
 * Returns -1 past the last case.
 */
static inline int gro_vx_case(int c, int ov6, struct tseg *g, const char **nm,
			      int *multi)
{
	static const char *const names[] = {
		"vx_data", "vx_ocsum", "vx_ocsum_mixed", "vx_vni",
		"vx_flags", "vx_odst", "vx_osport", "vx_psh", "vx_seq_gap",
		"vx_iid_fixed", "vx_iid_jump", "vx_oid_fixed", "vx_oid_jump",
		"vx_ottl", "vx_ittl", "vx_obad_csum", "vx_ibad_csum",
		"vx_ibad_csum_ocsum", "vx_lrg_sml", "vx_sml_lrg",
		"vx_other_port", "vx_many_small", "vx_large_max",
		"vx_interleave4", "vx_plain_between", "vx_otrailer",
		"vx_imac", "vx_ack", "vx_otos", "vx_odf", "vx_iid_df0_fixed",
		"vx_oid_fixed_ocsum", "vx_i6_data", "vx_i6_ocsum",
		"vx_i6_seq_gap", "vx_i6_hlim", "vx_i6_flowlabel",
		"vx_i6_oid_jump", "vx_udp", "vx_udp_ocsum", "vx_udp_short_last",
		"vx_i6_udp", "vx_udp_to_vx_port" };
	static const int ul[4] = { 500, 500, 200, 500 };
	static const int lrg_sml[] = { 1000, 500 }, sml_lrg[] = { 500, 1000 };
	int n, i, csum = 0;

	*multi = 0;
	if (c < 0 || c >= (int)(sizeof(names) / sizeof(names[0])))
		return -1;
	*nm = names[c];
	switch (c) {
	case 18: n = gc_lens(g, 0, lrg_sml, 2); break;
	case 19: n = gc_lens(g, 0, sml_lrg, 2); break;
	case 21: n = gc_data(g, 0, 60, 100); break;
	case 22: n = gc_data(g, 0, 47, 1400); break;
	case 27: n = gc_data(g, 0, 3, 0); break;
	case 38: case 39: case 42: n = gc_data(g, 0, 4, 1000); break;
	case 40: n = gc_lens(g, 0, ul, 4); break;
	case 41: n = gc_data(g, 1, 4, 1000); break;
	case 23:
		*multi = 1;
		n = 0;
		for (i = 0; i < 16; i++) {
			tseg_init(&g[i], 0);
			g[i].sport = (uint16_t)(40000 + (i & 3));
			g[i].seq = 1000u + (uint32_t)(i / 4) * 500;
			g[i].paylen = 500;
			g[i].ipid = (uint16_t)(100 + i / 4);
			n++;
		}
		break;
	default: n = gc_data(g, c >= 32, 4, 1000); break;
	}
	if (c == 1 || c == 2 || c == 15 || c == 17 || c == 31 || c == 33 ||
	    c == 39 || c == 41)
		csum = 1;
	for (i = 0; i < n; i++) {
		g[i].vx = ov6 ? 2 : 1;
		g[i].vni = 42;
		g[i].ocsum = csum;
		if (c == 23)	/* outer source port from the inner flow */
			g[i].osport = (uint16_t)(50000 + (i & 3));
	}
	switch (c) {
	case 2: g[2].ocsum = 0; break;
	case 3: g[2].vni = 43; break;
	case 4: g[2].vxflags = 0x04; break;
	case 5: g[2].odst_last = 3; break;
	case 6: g[2].osport = 50001; break;
	case 7: g[1].flags |= 0x08; break;
	case 8: g[2].seq += 1; break;
	case 9: case 30:
		for (i = 0; i < n; i++) {
			g[i].ipid = 100;
			g[i].df = c == 9;
		}
		break;
	case 10: g[2].ipid += 5; break;
	case 11: case 31:
		for (i = 0; i < n; i++)
			g[i].oidfix = 1;
		break;
	case 12: g[2].oidfix = 1; break;
	case 13: g[2].ottl = 63; break;
	case 14: g[2].ttl = 63; break;
	case 15: g[2].obadcsum = 1; break;
	case 16: case 17: g[2].badcsum = 1; break;
	case 20:
		for (i = 0; i < n; i++)
			g[i].odport = 4790;
		break;
	case 24: g[2].vx = 0; break;
	case 25: g[2].otrailer = 4; break;
	case 26: g[2].smac_last = 7; break;
	case 28: g[2].otos = 4; break;
	case 29: g[2].odf = 1; break;
	case 34: g[2].seq += 1; break;
	case 35: g[2].ttl = 63; break;
	case 36: g[2].flowlabel = 5; break;
	case 37: g[2].oidfix = 1; break;
	case 38: case 39: case 40: case 41: case 42:
		/* inner UDP: merged only with UDP GRO forwarding; to the
		 * VXLAN port (a tunnel socket, encap_mark set): never */
		for (i = 0; i < n; i++) {
			g[i].udp = 1;
			if (c == 42)
				g[i].dport = TSEG_VX_PORT;
		}
		break;
	default: break;
	}
	return n;
}

/*
 * GRE and IP-in-IP cases (outer IPv4 for ov6 0, IPv6 for ov6 1; GRE
 * protocol 0x0800 carrying IPv4 TCP unless the name says otherwise;
 * ipip_*: IPv4 in IPv4/IPv6, ipip_i6_*: IPv6 in IPv4 (SIT) / IPv6):
 * every segment is wrapped, then one field of one segment is changed.
 * Returns -1 past the last case.
 */
static inline int gro_ipt_case(int c, int ov6, struct tseg *g,
			       const char **nm, int *multi)
{
	static const char *const names[] = {
		"gre_data", "gre_key", "gre_key_differs", "gre_csum",
		"gre_csum_bad", "gre_csum_key", "gre_csum_key_differs",
		"gre_seq_flag", "gre_ver1", "gre_routing", "gre_flags_mixed",
		"gre_proto_other", "gre_teb", "gre_teb_imac", "gre_teb_i6",
		"gre_i6_data", "gre_seq_gap", "gre_psh", "gre_ibad_csum",
		"gre_iid_fixed", "gre_oid_fixed", "gre_oid_jump", "gre_ottl",
		"gre_otos", "gre_odst", "gre_otrailer", "gre_many_small",
		"gre_large_max", "gre_interleave4", "gre_plain_between",
		"gre_inner_udp", "gre_ack", "gre_ittl", "gre_both_id_fixed",
		"gre_csum_otrailer", "gre_key_interleave",
		"ipip_data", "ipip_i6_data", "ipip_seq_gap", "ipip_oid_fixed",
		"ipip_iid_fixed", "ipip_ottl", "ipip_odst", "ipip_i6_hlim",
		"ipip_vs_gre", "ipip_ibad_csum", "ipip_interleave4",
		"ipip_large_max", "ipip_otrailer", "ipip_i6_oid_fixed",
		"gre_csum_lrg_sml", "gre_csum_key_lrg_sml", "gre_in_ipip",
		"ipip_in_ipip", "gre_odf", "gre_odf_oid_jump", "ipip_otos",
		"gre_udp_short_last", "gre_udp_zero_csum", "gre_udp_ttl",
		"gre_udp_oid_jump", "ipip_udp", "ipip_i6_udp",
		"gre_teb_udp_bad_csum" };
	static const int ul[4] = { 500, 500, 200, 500 };
	static const int lrg_sml[] = { 1000, 500 };
	int n, i, ipip, i6;

	*multi = 0;
	if (c < 0 || c >= (int)(sizeof(names) / sizeof(names[0])))
		return -1;
	*nm = names[c];
	ipip = !strncmp(*nm, "ipip", 4);
	i6 = strstr(*nm, "_i6_") != NULL;
	if (!strcmp(*nm, "gre_many_small"))
		n = gc_data(g, 0, 60, 100);
	else if (strstr(*nm, "large_max"))
		n = gc_data(g, 0, 47, 1400);
	else if (strstr(*nm, "udp_short_last"))
		n = gc_lens(g, 0, ul, 4);
	else if (strstr(*nm, "lrg_sml"))
		n = gc_lens(g, 0, lrg_sml, 2);
	else if (!strcmp(*nm, "gre_ack"))
		n = gc_data(g, 0, 3, 0);
	else if (strstr(*nm, "interleave")) {
		*multi = 1;
		for (i = 0; i < 16; i++) {
			tseg_init(&g[i], 0);
			g[i].sport = (uint16_t)(40000 + (i & 3));
			g[i].seq = 1000u + (uint32_t)(i / 4) * 500;
			g[i].paylen = 500;
			g[i].ipid = (uint16_t)(100 + i / 4);
		}
		n = 16;
	} else
		n = gc_data(g, i6, 4, 1000);
	for (i = 0; i < n; i++) {
		g[i].vx = ov6 ? 2 : 1;
		g[i].gre = !ipip;
		g[i].ipip = ipip;
		g[i].vni = 42;
	}
	switch (c) {
	case 1: case 2:
		for (i = 0; i < n; i++)
			g[i].grekey = 1;
		if (c == 2)
			g[2].vni = 43;
		break;
	case 3: case 4: case 5: case 6: case 34: case 50: case 51:
		/* the GRE checksums of equal-length segments are equal (the
		 * inner checksums cancel all but the pseudo-header); of the
		 * lrg_sml pair they differ */
		for (i = 0; i < n; i++) {
			g[i].grecsum = 1;
			g[i].grekey = c == 5 || c == 6 || c == 51;
		}
		if (c == 4)
			g[1].grebadcsum = 1;
		if (c == 6)
			g[2].vni = 43;
		if (c == 34)
			g[2].otrailer = 4;
		break;
	case 7: case 8: case 9:
		for (i = 0; i < n; i++)
			g[i].grebits = c == 7 ? 0x1000 : c == 8 ? 0x0001 :
				       0x4000;
		break;
	case 10: g[2].grekey = 1; break;
	case 11:
		for (i = 0; i < n; i++)
			g[i].greproto = 0x88be;
		break;
	case 12: case 13: case 14:
		for (i = 0; i < n; i++) {
			g[i].teb = 1;
			if (c == 14)
				g[i].v6 = 1;
		}
		if (c == 13)
			g[2].smac_last = 7;
		break;
	case 15:
		for (i = 0; i < n; i++)
			g[i].v6 = 1;
		break;
	case 16: case 38: g[2].seq += 1; break;
	case 17: g[1].flags |= 0x08; break;
	case 18: case 45: g[2].badcsum = 1; break;
	case 19: case 40: case 33:
		for (i = 0; i < n; i++) {
			g[i].ipid = 100;
			if (c == 33)
				g[i].oidfix = 1;
		}
		break;
	case 20: case 39: case 49:
		for (i = 0; i < n; i++)
			g[i].oidfix = 1;
		break;
	case 21: g[2].oidfix = 1; break;
	case 22: case 41: g[2].ottl = 63; break;
	case 23: g[2].otos = 4; break;
	case 24: case 42: g[2].odst_last = 3; break;
	case 25: case 48: g[2].otrailer = 4; break;
	case 29: g[2].vx = 0; break;
	case 30:
		for (i = 0; i < n; i++)
			g[i].udp = 1;
		break;
	case 32: g[2].ttl = 63; break;
	case 35:
		for (i = 0; i < n; i++) {
			g[i].grekey = 1;
			g[i].vni = (uint32_t)(i & 3);
		}
		break;
	case 43: g[2].ttl = 63; break;
	case 54: g[2].odf = 1; break;
	case 55:		/* outer DF set, then the outer ID jumps */
		for (i = 0; i < n; i++)
			g[i].odf = 1;
		g[2].oidfix = 1;
		break;
	case 56: g[2].otos = 4; break;
	case 57: case 58: case 59: case 60: case 61: case 62: case 63:
		/* inner UDP: merged with OFL_GRO_F_UDP_FWD (the kernel's
		 * rx-udp-gro-forwarding), else each goes up alone */
		for (i = 0; i < n; i++) {
			g[i].udp = 1;
			g[i].teb = c == 63;
		}
		if (c == 58)
			g[1].udpzero = 1;
		if (c == 59)
			g[2].ttl = 9;
		if (c == 60)
			g[2].oidfix = 1;
		if (c == 63)
			g[1].badcsum = 1;
		break;
	case 52: case 53:	/* a second encapsulation: encap_mark set */
		for (i = 0; i < n; i++)
			g[i].nest = 1;
		break;
	case 44:
		g[2].ipip = 0;
		g[2].gre = 1;
		break;
	default: break;
	}
	return n;
}

/*
 * Stripped-tag cases (kdiff.sh group hwvlan: a tc program moves the
 * frame's in-band tag out of band, as a NIC with VLAN stripping): A and
 * B are one 5-tuple interleaved A0 B0 A1 B1 A2 B2, tags (TPID << 16 |
 * TCI, 0: none) @a and @b.
 */
static inline int gc_hv_pair(struct tseg *g, int v6, uint32_t a, uint32_t b)
{
	int i;

	for (i = 0; i < 6; i++) {
		uint32_t t = i & 1 ? b : a;

		tseg_init(&g[i], v6);
		g[i].seq = 1000u + (uint32_t)(i / 2) * 500u;
		g[i].paylen = 500;
		g[i].ipid = (uint16_t)(100 + i / 2);
		g[i].vlan = (uint16_t)t;
		g[i].vlan_tpid = (uint16_t)(t >> 16);
	}
	return 6;
}

static inline int gro_hwvlan_case(int c, int v6, struct tseg *g,
				  const char **nm, int *multi)
{
	int n, i;

	*multi = 0;
	switch (c) {
	case 0: *nm = "hv_data"; n = gc_data(g, v6, 4, 1000); break;
	case 1: *nm = "hv_tci"; return gc_hv_pair(g, v6, 0x81000005u,
						   0x81000006u);
	case 2: *nm = "hv_pcp"; return gc_hv_pair(g, v6, 0x81000005u,
						   0x81002005u);
	case 3: *nm = "hv_dei"; return gc_hv_pair(g, v6, 0x81000005u,
						   0x81001005u);
	case 4: *nm = "hv_tpid"; return gc_hv_pair(g, v6, 0x81000005u,
						    0x88a80005u);
	case 5: *nm = "hv_none"; return gc_hv_pair(g, v6, 0x81000005u, 0);
	case 6: *nm = "hv_prio0"; return gc_hv_pair(g, v6, 0x81000000u, 0);
	case 7: *nm = "hv_same"; return gc_hv_pair(g, v6, 0x81000005u,
						    0x81000005u);
	case 8: *nm = "hv_many_small"; n = gc_data(g, v6, 30, 100); break;
	case 9: *nm = "hv_psh"; n = gc_data(g, v6, 4, 1000);
		g[1].flags |= 0x08; break;
	default: return -1;
	}
	for (i = 0; i < n; i++)
		g[i].vlan = 7;
	return n;
}

#endif
