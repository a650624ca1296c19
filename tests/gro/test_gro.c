// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lib/gro per rule, in memory (runs on big-endian under qemu too).
 * The golden table lists, per case of tests/gro/gro_cases.h, the frames the
 * running 6.18 kernel delivered in tests/gro/kdiff.sh (frame lengths in
 * delivery order, "m" = merged): every rule of the corpus is checked here
 * without the kernel (the vlan case is not kernel-verified here: the test
 * kernel lacks CONFIG_VLAN_8021Q). Other tests: header fix-ups, checksum completion,
 * profiles, limits, eviction, bucket order, zero copy, segments -> super
 * frame (what GSO splits, GRO gives back).
 */
#include <offload/gso.h>
#include "gro_unit.h"

static uint8_t lin[70000];

/* 10 flows in one bucket: each new flow evicts the oldest, nothing merges */
#define E5(x) x " " x " " x " " x " " x
#define E30(x) E5(x) " " E5(x) " " E5(x) " " E5(x) " " E5(x) " " E5(x)
#define EVICT10_4 E30("254")
#define EVICT10_6 E30("274")

static const struct golden golden[] = {
	{ 0, "data_4x1000", "4054m" },
	{ 0, "data_same", "254m" },
	{ 0, "data_lrg_sml", "204m" },
	{ 0, "data_sml_lrg", "104 154" },
	{ 0, "data_mid_sml", "294m 154" },
	{ 0, "ack", "54 54 54" },
	{ 0, "flags_psh", "354m 254m" },
	{ 0, "flags_syn", "254m 154 254m" },
	{ 0, "flags_rst", "254m 154 254m" },
	{ 0, "flags_urg", "254m 154 254m" },
	{ 0, "flags_cwr", "154 154 154 254m" },
	{ 0, "flags_fin", "354m 254m" },
	{ 0, "tcp_csum", "154 154 154" },
	{ 0, "tcp_seq", "154 254m" },
	{ 0, "tcp_ts", "266m 166 166 166" },
	{ 0, "tcp_opt", "266m 158" },
	{ 0, "tcp_win", "254m 154" },
	{ 0, "tcp_ack", "254m 154" },
	{ 0, "ip_ecn", "154 154 154" },
	{ 0, "ip_tos", "154 254m" },
	{ 0, "ip_ttl", "154 154 154" },
	{ 0, "large_max", "65549m 154" },
	{ 0, "large_rem", "64054m 1650m" },
	{ 0, "interleave4", "2054m 2054m 2054m 2054m" },
	{ 0, "interleave8", "954m 954m 954m 954m 954m 954m 954m 954m" },
	{ 0, "zero_and_fin_no_flow", "54 54" },
	{ 0, "vlan", "2158m 758" },
	{ 0, "trailer", "254m 158 154" },
	{ 0, "udp_between", "142 254m 154" },
	{ 0, "mac_differs", "254m 154 154" },
	{ 0, "psh_first", "154 254m" },
	{ 0, "many_small", "3894m" },
	{ 0, "cwr_first", "154 354m" },
	{ 0, "ece_all", "454m" },
	{ 0, "evict10", EVICT10_4 },
	{ 0, "ip_opt", "158 154 154" },
	{ 0, "ip_frag4", "154 154 154" },
	{ 0, "id_df1_inc", "354m" },
	{ 0, "id_df1_fixed", "354m" },
	{ 0, "id_df0_inc", "354m" },
	{ 0, "id_df0_fixed", "354m" },
	{ 0, "id_df1_inc_fixed", "254m 154" },
	{ 0, "id_df1_fixed_inc", "254m 154" },
	{ 0, "id_df0_fixed_inc", "254m 154" },
	{ 0, "id_df_differs", "154 154 154" },
	{ 0, "ip_badcsum", "154 154 154" },
	{ 0, "ip_reserved_bit", "154 154 154" },
	{ 0, "id_wrap", "354m" },
	{ 1, "data_4x1000", "4074m" },
	{ 1, "data_same", "274m" },
	{ 1, "data_lrg_sml", "224m" },
	{ 1, "data_sml_lrg", "124 174" },
	{ 1, "data_mid_sml", "314m 174" },
	{ 1, "ack", "74 74 74" },
	{ 1, "flags_psh", "374m 274m" },
	{ 1, "flags_syn", "274m 174 274m" },
	{ 1, "flags_rst", "274m 174 274m" },
	{ 1, "flags_urg", "274m 174 274m" },
	{ 1, "flags_cwr", "174 174 174 274m" },
	{ 1, "flags_fin", "374m 274m" },
	{ 1, "tcp_csum", "174 174 174" },
	{ 1, "tcp_seq", "174 274m" },
	{ 1, "tcp_ts", "286m 186 186 186" },
	{ 1, "tcp_opt", "286m 178" },
	{ 1, "tcp_win", "274m 174" },
	{ 1, "tcp_ack", "274m 174" },
	{ 1, "ip_ecn", "174 174 174" },
	{ 1, "ip_tos", "174 274m" },
	{ 1, "ip_ttl", "174 174 174" },
	{ 1, "large_max", "65549m 174" },
	{ 1, "large_rem", "64074m 1650m" },
	{ 1, "interleave4", "2074m 2074m 2074m 2074m" },
	{ 1, "interleave8", "974m 974m 974m 974m 974m 974m 974m 974m" },
	{ 1, "zero_and_fin_no_flow", "74 74" },
	{ 1, "vlan", "2178m 778" },
	{ 1, "trailer", "274m 178 174" },
	{ 1, "udp_between", "162 374m" },
	{ 1, "mac_differs", "274m 174 174" },
	{ 1, "psh_first", "174 274m" },
	{ 1, "many_small", "3914m" },
	{ 1, "cwr_first", "174 374m" },
	{ 1, "ece_all", "474m" },
	{ 1, "evict10", EVICT10_6 },
	{ 1, "v6ext_dst_same", "382m" },
	{ 1, "v6ext_dst_diff", "182 182 182" },
	{ 1, "v6ext_hbh_same", "382m" },
	{ 1, "v6ext_rt_same", "382m" },
	{ 1, "ip_frag6", "182 274m 174" },
	{ 1, "flowlabel", "174 274m" },
	{ 1, "v6ext_vs_none", "174 182 174" },
};

/* The same with OFL_GRO_F_UDP_FWD (kernel: rx-udp-gro-forwarding on). */
static const struct golden golden_udp[] = {
	{ 0, "udp_between", "254m 142 154" },
	{ 0, "udp_same", "2042m" },
	{ 0, "udp_short_last", "1242m 542" },
	{ 0, "udp_longer", "242 1542m" },
	{ 0, "udp_zero_csum", "542 542 1042m" },
	{ 0, "udp_bad_csum", "542 542 1042m" },
	{ 0, "udp_many", "4138m 106 362m" },
	{ 0, "udp_ttl", "1042m 542 542" },
	{ 0, "udp_tcp_same_ports", "342 354 342 354 342 354" },
	{ 1, "udp_between", "374m 162" },
	{ 1, "udp_same", "2062m" },
	{ 1, "udp_short_last", "1262m 562" },
	{ 1, "udp_longer", "262 1562m" },
	{ 1, "udp_zero_csum", "562 1562m" },
	{ 1, "udp_bad_csum", "562 1562m" },
	{ 1, "udp_many", "4158m 126 382m" },
	{ 1, "udp_ttl", "1062m 562 562" },
	{ 1, "udp_tcp_same_ports", "374 374 962m 374" },
};

/* VXLAN cases (gro_vx_case, OFL_GRO_F_VXLAN): v6 = outer IPv6; what the
 * running kernel delivered with a vxlan device up on the rx veth. */
static const struct golden golden_vx[] = {
	{ 0, "vx_data", "4104m" },
	{ 0, "vx_ocsum", "4104m" },
	{ 0, "vx_ocsum_mixed", "2104m 1104 1104" },
	{ 0, "vx_vni", "2104m 1104 1104" },
	{ 0, "vx_flags", "2104m 1104 1104" },
	{ 0, "vx_odst", "2104m 1104 1104" },
	{ 0, "vx_osport", "2104m 1104 1104" },
	{ 0, "vx_psh", "2104m 2104m" },
	{ 0, "vx_seq_gap", "2104m 1104 1104" },
	{ 0, "vx_iid_fixed", "4104m" },
	{ 0, "vx_iid_jump", "2104m 1104 1104" },
	{ 0, "vx_oid_fixed", "4104m" },
	{ 0, "vx_oid_jump", "2104m 1104 1104" },
	{ 0, "vx_ottl", "2104m 1104 1104" },
	{ 0, "vx_ittl", "2104m 1104 1104" },
	{ 0, "vx_obad_csum", "1104 2104m 1104" },
	{ 0, "vx_ibad_csum", "1104 2104m 1104" },
	{ 0, "vx_ibad_csum_ocsum", "1104 2104m 1104" },
	{ 0, "vx_lrg_sml", "1604m" },
	{ 0, "vx_sml_lrg", "604 1104" },
	{ 0, "vx_other_port", "1104 1104 1104 1104" },
	{ 0, "vx_many_small", "6104m" },
	{ 0, "vx_large_max", "64504m 1504" },
	{ 0, "vx_interleave4", "2104m 2104m 2104m 2104m" },
	{ 0, "vx_plain_between", "2104m 1054 1104" },
	{ 0, "vx_otrailer", "2104m 1108 1104" },
	{ 0, "vx_imac", "2104m 1104 1104" },
	{ 0, "vx_ack", "104 104 104" },
	{ 0, "vx_otos", "2104m 1104 1104" },
	{ 0, "vx_odf", "2104m 1104 1104" },
	{ 0, "vx_iid_df0_fixed", "4104m" },
	{ 0, "vx_oid_fixed_ocsum", "4104m" },
	{ 0, "vx_i6_data", "4124m" },
	{ 0, "vx_i6_ocsum", "4124m" },
	{ 0, "vx_i6_seq_gap", "2124m 1124 1124" },
	{ 0, "vx_i6_hlim", "2124m 1124 1124" },
	{ 0, "vx_i6_flowlabel", "2124m 1124 1124" },
	{ 0, "vx_i6_oid_jump", "2124m 1124 1124" },
	{ 1, "vx_data", "4124m" },
	{ 1, "vx_ocsum", "4124m" },
	{ 1, "vx_ocsum_mixed", "2124m 1124 1124" },
	{ 1, "vx_vni", "2124m 1124 1124" },
	{ 1, "vx_flags", "2124m 1124 1124" },
	{ 1, "vx_odst", "2124m 1124 1124" },
	{ 1, "vx_osport", "2124m 1124 1124" },
	{ 1, "vx_psh", "2124m 2124m" },
	{ 1, "vx_seq_gap", "2124m 1124 1124" },
	{ 1, "vx_iid_fixed", "4124m" },
	{ 1, "vx_iid_jump", "2124m 1124 1124" },
	{ 1, "vx_oid_fixed", "4124m" },
	{ 1, "vx_oid_jump", "4124m" },
	{ 1, "vx_ottl", "2124m 1124 1124" },
	{ 1, "vx_ittl", "2124m 1124 1124" },
	{ 1, "vx_obad_csum", "1124 2124m 1124" },
	{ 1, "vx_ibad_csum", "1124 2124m 1124" },
	{ 1, "vx_ibad_csum_ocsum", "1124 2124m 1124" },
	{ 1, "vx_lrg_sml", "1624m" },
	{ 1, "vx_sml_lrg", "624 1124" },
	{ 1, "vx_other_port", "1124 1124 1124 1124" },
	{ 1, "vx_many_small", "6124m" },
	{ 1, "vx_large_max", "64524m 1524" },
	{ 1, "vx_interleave4", "2124m 2124m 2124m 2124m" },
	{ 1, "vx_plain_between", "2124m 1054 1124" },
	{ 1, "vx_otrailer", "2124m 1128 1124" },
	{ 1, "vx_imac", "2124m 1124 1124" },
	{ 1, "vx_ack", "124 124 124" },
	{ 1, "vx_otos", "2124m 1124 1124" },
	{ 1, "vx_odf", "4124m" },
	{ 1, "vx_iid_df0_fixed", "4124m" },
	{ 1, "vx_oid_fixed_ocsum", "4124m" },
	{ 1, "vx_i6_data", "4144m" },
	{ 1, "vx_i6_ocsum", "4144m" },
	{ 1, "vx_i6_seq_gap", "2144m 1144 1144" },
	{ 1, "vx_i6_hlim", "2144m 1144 1144" },
	{ 1, "vx_i6_flowlabel", "2144m 1144 1144" },
	{ 1, "vx_i6_oid_jump", "4144m" },
	{ 0, "vx_udp", "1092 1092 1092 1092" },
	{ 0, "vx_udp_ocsum", "1092 1092 1092 1092" },
	{ 0, "vx_udp_short_last", "592 592 292 592" },
	{ 0, "vx_i6_udp", "1112 1112 1112 1112" },
	{ 0, "vx_udp_to_vx_port", "1092 1092 1092 1092" },
	{ 1, "vx_udp", "1112 1112 1112 1112" },
	{ 1, "vx_udp_ocsum", "1112 1112 1112 1112" },
	{ 1, "vx_udp_short_last", "612 612 312 612" },
	{ 1, "vx_i6_udp", "1132 1132 1132 1132" },
	{ 1, "vx_udp_to_vx_port", "1112 1112 1112 1112" },
};

/* The VXLAN cases with inner UDP, UDP GRO forwarding on (kdiff.sh). */
static const struct golden golden_vx_udp[] = {
	{ 0, "vx_udp", "4092m" },
	{ 0, "vx_udp_ocsum", "4092m" },
	{ 0, "vx_udp_short_last", "1292m 592" },
	{ 0, "vx_i6_udp", "4112m" },
	{ 0, "vx_udp_to_vx_port", "1092 1092 1092 1092" },
	{ 1, "vx_udp", "4112m" },
	{ 1, "vx_udp_ocsum", "4112m" },
	{ 1, "vx_udp_short_last", "1312m 612" },
	{ 1, "vx_i6_udp", "4132m" },
	{ 1, "vx_udp_to_vx_port", "1112 1112 1112 1112" },
};

/* The running 6.18 kernel's output for the GRE and IP-in-IP cases of
 * gro_ipt_case() (tests/gro/kdiff.sh, OFL_IPTUN pass). */
static const struct golden golden_ipt[] = {
	{ 0, "gre_data", "4078m" },
	{ 0, "gre_key", "4082m" },
	{ 0, "gre_key_differs", "2082m 1082 1082" },
	{ 0, "gre_csum", "4082m" },
	{ 0, "gre_csum_bad", "1082 1082 2082m" },
	{ 0, "gre_csum_key", "4086m" },
	{ 0, "gre_csum_key_differs", "2086m 1086 1086" },
	{ 0, "gre_seq_flag", "1078 1078 1078 1078" },
	{ 0, "gre_ver1", "1078 1078 1078 1078" },
	{ 0, "gre_routing", "1078 1078 1078 1078" },
	{ 0, "gre_flags_mixed", "2078m 1082 1078" },
	{ 0, "gre_proto_other", "1078 1078 1078 1078" },
	{ 0, "gre_teb", "4092m" },
	{ 0, "gre_teb_imac", "2092m 1092 1092" },
	{ 0, "gre_teb_i6", "4112m" },
	{ 0, "gre_i6_data", "4098m" },
	{ 0, "gre_seq_gap", "2078m 1078 1078" },
	{ 0, "gre_psh", "2078m 2078m" },
	{ 0, "gre_ibad_csum", "1078 2078m 1078" },
	{ 0, "gre_iid_fixed", "4078m" },
	{ 0, "gre_oid_fixed", "4078m" },
	{ 0, "gre_oid_jump", "2078m 1078 1078" },
	{ 0, "gre_ottl", "2078m 1078 1078" },
	{ 0, "gre_otos", "2078m 1078 1078" },
	{ 0, "gre_odst", "2078m 1078 1078" },
	{ 0, "gre_otrailer", "2078m 1082 1078" },
	{ 0, "gre_many_small", "6078m" },
	{ 0, "gre_large_max", "64478m 1478" },
	{ 0, "gre_interleave4", "2078m 2078m 2078m 2078m" },
	{ 0, "gre_plain_between", "2078m 1054 1078" },
	{ 0, "gre_inner_udp", "1066 1066 1066 1066" },
	{ 0, "gre_ack", "78 78 78" },
	{ 0, "gre_ittl", "2078m 1078 1078" },
	{ 0, "gre_both_id_fixed", "4078m" },
	{ 0, "gre_csum_otrailer", "2082m 1086 1082" },
	{ 0, "gre_key_interleave", "2082m 2082m 2082m 2082m" },
	{ 0, "ipip_data", "4074m" },
	{ 0, "ipip_i6_data", "4094m" },
	{ 0, "ipip_seq_gap", "2074m 1074 1074" },
	{ 0, "ipip_oid_fixed", "4074m" },
	{ 0, "ipip_iid_fixed", "4074m" },
	{ 0, "ipip_ottl", "2074m 1074 1074" },
	{ 0, "ipip_odst", "2074m 1074 1074" },
	{ 0, "ipip_i6_hlim", "2094m 1094 1094" },
	{ 0, "ipip_vs_gre", "2074m 1078 1074" },
	{ 0, "ipip_ibad_csum", "1074 2074m 1074" },
	{ 0, "ipip_interleave4", "2074m 2074m 2074m 2074m" },
	{ 0, "ipip_large_max", "64474m 1474" },
	{ 0, "ipip_otrailer", "2074m 1078 1074" },
	{ 0, "ipip_i6_oid_fixed", "4094m" },
	{ 0, "gre_csum_lrg_sml", "1582m" },
	{ 0, "gre_csum_key_lrg_sml", "1086 586" },
	{ 0, "gre_in_ipip", "1098 1098 1098 1098" },
	{ 0, "ipip_in_ipip", "1094 1094 1094 1094" },
	{ 0, "gre_odf", "2078m 1078 1078" },
	{ 0, "gre_odf_oid_jump", "2078m 1078 1078" },
	{ 0, "ipip_otos", "2074m 1074 1074" },
	{ 0, "gre_udp_short_last", "566 566 266 566" },
	{ 0, "gre_udp_zero_csum", "1066 1066 1066 1066" },
	{ 0, "gre_udp_ttl", "1066 1066 1066 1066" },
	{ 0, "gre_udp_oid_jump", "1066 1066 1066 1066" },
	{ 0, "ipip_udp", "1062 1062 1062 1062" },
	{ 0, "ipip_i6_udp", "1082 1082 1082 1082" },
	{ 0, "gre_teb_udp_bad_csum", "1080 1080 1080 1080" },
	{ 1, "gre_data", "4098m" },
	{ 1, "gre_key", "4102m" },
	{ 1, "gre_key_differs", "2102m 1102 1102" },
	{ 1, "gre_csum", "4102m" },
	{ 1, "gre_csum_bad", "1102 1102 2102m" },
	{ 1, "gre_csum_key", "4106m" },
	{ 1, "gre_csum_key_differs", "2106m 1106 1106" },
	{ 1, "gre_seq_flag", "1098 1098 1098 1098" },
	{ 1, "gre_ver1", "1098 1098 1098 1098" },
	{ 1, "gre_routing", "1098 1098 1098 1098" },
	{ 1, "gre_flags_mixed", "2098m 1102 1098" },
	{ 1, "gre_proto_other", "1098 1098 1098 1098" },
	{ 1, "gre_teb", "4112m" },
	{ 1, "gre_teb_imac", "2112m 1112 1112" },
	{ 1, "gre_teb_i6", "4132m" },
	{ 1, "gre_i6_data", "4118m" },
	{ 1, "gre_seq_gap", "2098m 1098 1098" },
	{ 1, "gre_psh", "2098m 2098m" },
	{ 1, "gre_ibad_csum", "1098 2098m 1098" },
	{ 1, "gre_iid_fixed", "4098m" },
	{ 1, "gre_oid_fixed", "4098m" },
	{ 1, "gre_oid_jump", "4098m" },
	{ 1, "gre_ottl", "2098m 1098 1098" },
	{ 1, "gre_otos", "2098m 1098 1098" },
	{ 1, "gre_odst", "2098m 1098 1098" },
	{ 1, "gre_otrailer", "2098m 1102 1098" },
	{ 1, "gre_many_small", "6098m" },
	{ 1, "gre_large_max", "64498m 1498" },
	{ 1, "gre_interleave4", "2098m 2098m 2098m 2098m" },
	{ 1, "gre_plain_between", "2098m 1054 1098" },
	{ 1, "gre_inner_udp", "1086 1086 1086 1086" },
	{ 1, "gre_ack", "98 98 98" },
	{ 1, "gre_ittl", "2098m 1098 1098" },
	{ 1, "gre_both_id_fixed", "4098m" },
	{ 1, "gre_csum_otrailer", "2102m 1106 1102" },
	{ 1, "gre_key_interleave", "2102m 2102m 2102m 2102m" },
	{ 1, "ipip_data", "4094m" },
	{ 1, "ipip_i6_data", "4114m" },
	{ 1, "ipip_seq_gap", "2094m 1094 1094" },
	{ 1, "ipip_oid_fixed", "4094m" },
	{ 1, "ipip_iid_fixed", "4094m" },
	{ 1, "ipip_ottl", "2094m 1094 1094" },
	{ 1, "ipip_odst", "2094m 1094 1094" },
	{ 1, "ipip_i6_hlim", "2114m 1114 1114" },
	{ 1, "ipip_vs_gre", "2094m 1098 1094" },
	{ 1, "ipip_ibad_csum", "1094 2094m 1094" },
	{ 1, "ipip_interleave4", "2094m 2094m 2094m 2094m" },
	{ 1, "ipip_large_max", "64494m 1494" },
	{ 1, "ipip_otrailer", "2094m 1098 1094" },
	{ 1, "ipip_i6_oid_fixed", "4114m" },
	{ 1, "gre_csum_lrg_sml", "1602m" },
	{ 1, "gre_csum_key_lrg_sml", "1106 606" },
	{ 1, "gre_in_ipip", "1118 1118 1118 1118" },
	{ 1, "ipip_in_ipip", "1114 1114 1114 1114" },
	{ 1, "gre_odf", "4098m" },
	{ 1, "gre_odf_oid_jump", "4098m" },
	{ 1, "ipip_otos", "2094m 1094 1094" },
	{ 1, "gre_udp_short_last", "586 586 286 586" },
	{ 1, "gre_udp_zero_csum", "1086 1086 1086 1086" },
	{ 1, "gre_udp_ttl", "1086 1086 1086 1086" },
	{ 1, "gre_udp_oid_jump", "1086 1086 1086 1086" },
	{ 1, "ipip_udp", "1082 1082 1082 1082" },
	{ 1, "ipip_i6_udp", "1102 1102 1102 1102" },
	{ 1, "gre_teb_udp_bad_csum", "1100 1100 1100 1100" },
};

/* The cases whose output changes with rx-udp-gro-forwarding on
 * (OFL_GRO_F_UDP_FWD): UDP inside GRE / IP-in-IP is merged. */
static const struct golden golden_ipt_udp[] = {
	{ 0, "gre_inner_udp", "4066m" },
	{ 0, "gre_udp_short_last", "1266m 566" },
	{ 0, "gre_udp_zero_csum", "1066 1066 2066m" },
	{ 0, "gre_udp_ttl", "2066m 1066 1066" },
	{ 0, "gre_udp_oid_jump", "2066m 1066 1066" },
	{ 0, "ipip_udp", "4062m" },
	{ 0, "ipip_i6_udp", "4082m" },
	{ 0, "gre_teb_udp_bad_csum", "1080 1080 2080m" },
	{ 1, "gre_inner_udp", "4086m" },
	{ 1, "gre_udp_short_last", "1286m 586" },
	{ 1, "gre_udp_zero_csum", "1086 1086 2086m" },
	{ 1, "gre_udp_ttl", "2086m 1086 1086" },
	{ 1, "gre_udp_oid_jump", "4086m" },
	{ 1, "ipip_udp", "4082m" },
	{ 1, "ipip_i6_udp", "4102m" },
	{ 1, "gre_teb_udp_bad_csum", "1100 1100 2100m" },
};

/* The frames of the last build_frames(), which a test may change. */
static struct ofl_gro_frame rf[GRO_CASE_MAX_SEGS];
/* CHECKSUM_COMPLETE frames: where build_frames() starts their sum. */
static uint32_t c_start = 14;

/* The device's sum of frame @i from @cs on (Linux skb->csum). */
static void set_complete(int i, uint32_t cs)
{
	rf[i].ip_summed = OFL_CHECKSUM_COMPLETE;
	rf[i].csum_start = cs;
	rf[i].csum = ofl_csum_partial(fb[i] + cs, fl[i] - cs, 0);
}

/* Build segments into fb[]/rf[] (COMPLETE: the sum from c_start). */
static void build_frames(struct tseg *g, int n, uint32_t csum,
			 uint32_t hash_mod)
{
	int i;

	gu_build(rf, g, n, csum, hash_mod);
	for (i = 0; i < n; i++)
		if (csum == OFL_CHECKSUM_COMPLETE)
			set_complete(i, c_start < fl[i] ? c_start : fl[i]);
}

/* rf[0..n) through GRO: burst, then flush; returns deliveries. */
static int run_frames(int n)
{
	int k = gu_run(rf, n);

	assert_int_equal(ofl_gro_held(&ctx), 0);
	return k;
}

/* Run segments through GRO: burst, then flush; returns deliveries. */
static int run(struct tseg *g, int n, uint32_t csum, uint32_t hash_mod)
{
	build_frames(g, n, csum, hash_mod);
	return run_frames(n);
}

static void golden_run_k(const struct golden *golden, size_t ng,
			 uint32_t flags, int ipt);
/* ip_summed of the golden runs (every golden table holds for NONE, and
 * for COMPLETE with the right sums: golden_complete) */
static uint32_t golden_csum = OFL_CHECKSUM_NONE;

static void golden_run(const struct golden *golden, size_t ng,
		       uint32_t flags)
{
	golden_run_k(golden, ng, flags, 0);
}

static void golden_run_k(const struct golden *golden, size_t ng,
			 uint32_t flags, int ipt)
{
	static struct tseg g[GRO_CASE_MAX_SEGS];
	static char got[4096];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, flags, 0, 0 };
	size_t i;

	for (i = 0; i < ng; i++) {
		const char *nm = NULL;
		int multi, c, n = -1;

		for (c = 0; c < 100; c++) {
			n = ipt ? gro_ipt_case(c, golden[i].v6, g, &nm,
					       &multi) :
			    (flags & OFL_GRO_F_VXLAN) ?
			    gro_vx_case(c, golden[i].v6, g, &nm, &multi) :
			    gro_case_v(c, golden[i].v6, g, &nm, &multi);
			if (n < 0 || !strcmp(nm, golden[i].name))
				break;
		}
		assert_true(n > 0);
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		fmt(run(g, n, golden_csum, 0), got, sizeof(got));
		if (strcmp(got, golden[i].out))
			fail_msg("%s/%s (ip_summed %u, sum from %u): got %s "
				 "want %s", golden[i].v6 ? "v6" : "v4", nm,
				 golden_csum, c_start, got, golden[i].out);
	}
}

static void golden_cases(void **state)
{
	(void)state;
	golden_run(golden, OFL_ARRAY_SIZE(golden), 0);
}

static void golden_udp_fwd(void **state)
{
	(void)state;
	golden_run(golden_udp, OFL_ARRAY_SIZE(golden_udp), OFL_GRO_F_UDP_FWD);
}

static void golden_vxlan(void **state)
{
	static struct tseg g[GRO_CASE_MAX_SEGS];
	const char *nm;
	int multi, n, ov6;

	(void)state;
	golden_run(golden_vx, OFL_ARRAY_SIZE(golden_vx), OFL_GRO_F_VXLAN);
	golden_run(golden_vx_udp, OFL_ARRAY_SIZE(golden_vx_udp),
		   OFL_GRO_F_VXLAN | OFL_GRO_F_UDP_FWD);
	/* without the flag (no VXLAN socket) every datagram goes up alone */
	for (ov6 = 0; ov6 < 2; ov6++) {
		n = gro_vx_case(0, ov6, g, &nm, &multi);
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		assert_int_equal(run(g, n, OFL_CHECKSUM_NONE, 0), n);
	}
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* 4 x 1000 bytes: one 4054-byte frame, headers as inet_gro_complete and
 * tcp4_gro_complete leave them, checksum completed equals recomputed. */
static void merged_headers_v4(void **state)
{
	static struct tseg g[8], big;
	const struct ofl_gro_pkt *p = &pk[0];
	uint8_t want[8192];
	int n, len, wl;
	uint16_t partial;

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	n = gc_data(g, 0, 4, 1000);
	assert_int_equal(run(g, n, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
	assert_int_equal(p->len, 4054);
	assert_int_equal(p->gso_size, 1000);
	assert_int_equal(p->gso_segs, 4);
	assert_int_equal(p->gso_type, OFL_GSO_TCPV4);
	assert_int_equal(p->csum_start, 34);
	assert_int_equal(p->csum_offset, 16);
	assert_int_equal(p->nslices, 4);
	assert_int_equal(p->slice[2].frame, 2);
	assert_int_equal(p->slice[2].off, 54);
	assert_int_equal(p->slice[2].len, 1000);
	assert_int_equal(be16(p->hdr + 16), 4040);
	assert_int_equal(ofl_csum_ip_fast(p->hdr + 14, 5), 0);
	/* partial: the pseudo-header sum, not complemented */
	memcpy(&partial, p->hdr + 50, 2);
	{
		uint32_t sa, da;

		memcpy(&sa, p->hdr + 26, 4);
		memcpy(&da, p->hdr + 30, 4);
		assert_int_equal((uint16_t)~partial,
				 ofl_csum_tcpudp_magic(sa, da, 4020, 6, 0));
	}
	len = ofl_gro_pkt_linearize(p, fp, fl, 4, lin, sizeof(lin), 1);
	assert_int_equal(len, 4054);
	/* the super-frame a sender would have built (GSO input) */
	tseg_init(&big, 0);
	big.paylen = 4000;
	wl = tseg_build(&big, want, dm);
	assert_int_equal(wl, 4054);
	assert_memory_equal(lin, want, 4054);
	assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, 4, lin, 4053, 1),
			 OFL_ENOSPC);
	assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, 3, lin, 8192, 1),
			 OFL_EINVAL);
}

static void merged_headers_v6_ext(void **state)
{
	static struct tseg g[8], big;
	uint8_t want[8192];
	int i, len;

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	gc_data(g, 1, 3, 1200);
	for (i = 0; i < 3; i++) {
		g[i].has_ext = 1;
		g[i].ext = 60;
		g[i].extfill = 0x33;
	}
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(pk[0].gso_type, OFL_GSO_TCPV6);
	assert_int_equal(pk[0].csum_start, 14 + 48);
	assert_int_equal(be16(pk[0].hdr + 18), 8 + 20 + 3600);
	len = ofl_gro_pkt_linearize(&pk[0], fp, fl, 3, lin, sizeof(lin), 1);
	tseg_init(&big, 1);
	big.paylen = 3600;
	big.has_ext = 1;
	big.ext = 60;
	big.extfill = 0x33;
	assert_int_equal(len, tseg_build(&big, want, dm));
	assert_memory_equal(lin, want, (size_t)len);
}

/* FIN and PSH of the last segment are OR-ed into the merged header. */
static void fin_psh_ored(void **state)
{
	static struct tseg g[8];

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	gc_data(g, 0, 3, 100);
	g[2].flags |= 0x09;
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(pk[0].hdr[34 + 13], 0x19);
}

/* A bad checksum the device vouched for is not looked at. */
static void csum_unnecessary(void **state)
{
	static struct tseg g[8];

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	gc_data(g, 0, 3, 100);
	g[1].badcsum = 1;
	assert_int_equal(run(g, 3, OFL_CHECKSUM_UNNECESSARY, 0), 1);
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 3);
	/* passed up alone, the held flow untouched: 0+2 are not contiguous */
	assert_int_equal(pk[0].frame, 1);
	assert_int_equal(pk[0].kind, OFL_GRO_PKT_FRAME);
}

static void profile_6_10(void **state)
{
	static const struct ofl_gro_opts o = { sizeof(o), OFL_GRO_PROFILE_6_10,
					       0, 0, 0, 0, 0 };
	static struct tseg g[GRO_CASE_MAX_SEGS];
	const char *nm;
	char got[256];
	int multi, n, c;

	(void)state;
	for (c = 0; c < 100; c++) {
		n = gro_case_v(c, 0, g, &nm, &multi);
		assert_true(n > 0);
		if (!strcmp(nm, "id_df0_fixed"))
			break;
	}
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "154 154 154");
	for (c = 0; c < 100; c++) {
		n = gro_case_v(c, 0, g, &nm, &multi);
		if (!strcmp(nm, "id_df1_fixed"))
			break;
	}
	fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "354m");
	assert_int_equal(pk[0].gso_type,
			 OFL_GSO_TCPV4 | OFL_GSO_TCP_FIXEDID);
	/* CWR: flushes, but may start a new flow; ECN in gso_type */
	gro_case_v(10, 0, g, &nm, &multi);
	assert_string_equal(nm, "flags_cwr");
	fmt(run(g, 5, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "154 154 354m");
	assert_int_equal(pk[2].gso_type,
			 OFL_GSO_TCPV4 | OFL_GSO_TCP_ECN);
}

/* Kernels after 6.19 (AccECN): a CWR segment neither flushes by itself nor
 * ends a flow; a change of CWR flushes; CWR segments merge with each other
 * and the frame says SKB_GSO_TCP_ACCECN. IP IDs as in 6.18. */
static void profile_7_0(void **state)
{
	static const struct ofl_gro_opts o = { sizeof(o), OFL_GRO_PROFILE_7_0,
					       0, 0, 0, 0, 0 };
	static struct tseg g[GRO_CASE_MAX_SEGS];
	const char *nm;
	char got[256];
	int multi, n, v6;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		/* segments 1 and 2 of 5 carry CWR */
		n = gro_case_v(10, v6, g, &nm, &multi);
		assert_string_equal(nm, "flags_cwr");
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
		assert_string_equal(got, v6 ? "174 274m 274m" :
					      "154 254m 254m");
		assert_int_equal(pk[1].gso_type,
				 (v6 ? OFL_GSO_TCPV6 : OFL_GSO_TCPV4) |
				 OFL_GSO_TCP_ACCECN);
		assert_int_equal(pk[2].gso_type,
				 v6 ? OFL_GSO_TCPV6 : OFL_GSO_TCPV4);
		/* the merged CWR header keeps CWR (no RFC 3168 clearing) */
		assert_int_equal(pk[1].hdr[(v6 ? 54 : 34) + 13] & 0x80, 0x80);
		/* CWR on the first segment only: flushed by the change */
		n = gro_case_v(32, v6, g, &nm, &multi);
		assert_string_equal(nm, "cwr_first");
		fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
		assert_string_equal(got, v6 ? "174 374m" : "154 354m");
		assert_int_equal(pk[0].kind, OFL_GRO_PKT_FRAME);
	}
	/* CWR on every segment: one merged frame (6.18 passes each up) */
	n = gro_case_v(1, 0, g, &nm, &multi);
	for (multi = 0; multi < n; multi++)
		g[multi].flags |= 0x80;
	fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "254m");
	assert_int_equal(pk[0].gso_type,
			 OFL_GSO_TCPV4 | OFL_GSO_TCP_ACCECN);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), NULL), 0);
	fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "154 154");
	/* the IP ID rule is 6.18's: a fixed ID without DF merges */
	for (n = -1, multi = 0; multi < 100; multi++) {
		n = gro_case_v(multi, 0, g, &nm, &v6);
		assert_true(n > 0);
		if (!strcmp(nm, "id_df0_fixed"))
			break;
	}
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	fmt(run(g, n, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "354m");
}

static void max_size_option(void **state)
{
	static const struct ofl_gro_opts o = { sizeof(o), 0, 0, 10000, 0, 0, 0 };
	static struct tseg g[8];
	char got[256];

	(void)state;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	gc_data(g, 0, 4, 4000);
	fmt(run(g, 4, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	/* 40 + 8000 = 8040 < 10000; + 4000 is not */
	assert_string_equal(got, "8054m 8054m");
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	gc_data(g, 1, 4, 4000);
	fmt(run(g, 4, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "16074m");	/* IPv6 uses gro_max_size */
}

/*
 * BIG TCP (6.18 skb_gro_receive, inet_gro_complete, ipv6_gro_complete,
 * tcp4/6_gro_complete): 23 segments of 8000 bytes merge into one packet
 * of 184040 (IPv4) / 184020 + 40 (IPv6) bytes below a max size of 185000;
 * IPv4 tot_len 0 with the header checksum over it, IPv6 payload length 0
 * and the 8-byte jumbo hop-by-hop header (7.0: none); the TCP checksum
 * completes over the 32-bit pseudo-header length.
 */
static uint8_t biglin[200000];

static void big_check_tcp(const uint8_t *d, int len, int l3, int l4, int v6)
{
	uint32_t tl = (uint32_t)(len - l4);
	ofl_wsum s = ofl_csum_partial(d + l4, tl, 0);
	int i;

	if (!v6) {
		uint32_t sa, da;

		memcpy(&sa, d + l3 + 12, 4);
		memcpy(&da, d + l3 + 16, 4);
		assert_int_equal(ofl_csum_tcpudp_magic(sa, da, tl, 6, s), 0);
	} else {
		assert_int_equal(ofl_csum_ipv6_magic(d + l3 + 8, d + l3 + 24,
						     tl, 6, s), 0);
	}
	/* payload: the pattern of tseg_build from seq 1000 on */
	for (i = 0; i < len - l4 - 20; i++)
		if (d[l4 + 20 + i] != (uint8_t)((1000u + (uint32_t)i) * 7 + 3))
			fail_msg("payload byte %d", i);
}

/* lib/gso cuts biglin (@len bytes) at @mss into the @n frames fb[] the
 * GRO test started from (ipv6_hopopt_jumbo_remove, then the cut) */
static void big_gso_back(int len, int mss, int n)
{
	static uint8_t segs[200000 + 64 * 128];
	static uint32_t lens[256];
	struct ofl_gso_frag fr = { biglin, (uint32_t)len, 0 };
	struct ofl_gso_meta m;
	size_t off = 0;
	int i;

	assert_int_equal(ofl_gso_meta_from_frame(biglin, (size_t)len,
						 (uint16_t)mss, &m), 0);
	assert_int_equal(ofl_gso_segment(&fr, 1, &m, 0, segs, sizeof(segs),
					 lens, 256), n);
	for (i = 0; i < n; i++) {
		assert_int_equal(lens[i], fl[i]);
		assert_memory_equal(segs + off, fb[i], fl[i]);
		off += lens[i];
	}
}

static void big_tcp(void **state)
{
	struct ofl_gro_opts o = { sizeof(o), 0, 185000, 185000, 0, 0, 0 };
	static struct tseg g[32];
	const struct ofl_gro_pkt *p = &pk[0];
	char got[256];
	int len;

	(void)state;
	/* IPv4 */
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	gc_data(g, 0, 23, 8000);
	assert_int_equal(run(g, 23, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
	assert_int_equal(p->len, 14 + 40 + 184000);
	assert_int_equal(p->gso_segs, 23);
	assert_int_equal(p->gso_size, 8000);
	assert_int_equal(p->gso_type, OFL_GSO_TCPV4);
	assert_int_equal(be16(p->hdr + 16), 0);
	assert_int_equal(ofl_csum_ip_fast(p->hdr + 14, 5), 0);
	len = ofl_gro_pkt_linearize(p, fp, fl, 23, biglin, sizeof(biglin), 1);
	assert_int_equal(len, 184054);
	big_check_tcp(biglin, len, 14, 34, 0);
	big_gso_back(len, 8000, 23);
	/* 24 segments: 40 + 184000 + 8000 >= 185000, the 24th starts anew */
	gc_data(g, 0, 24, 8000);
	fmt(run(g, 24, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "184054m 8054");
	/* IPv6: payload length 0, jumbo header, 8 bytes longer */
	gc_data(g, 1, 23, 8000);
	assert_int_equal(run(g, 23, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(p->len, 14 + 40 + 8 + 184020);
	assert_int_equal(p->hdr_len, 14 + 40 + 8 + 20);
	assert_int_equal(p->csum_start, 14 + 48);
	assert_int_equal(p->gso_type, OFL_GSO_TCPV6);
	assert_int_equal(be16(p->hdr + 18), 0);
	assert_int_equal(p->hdr[20], 0);	/* NEXTHDR_HOP */
	assert_memory_equal(p->hdr + 54, "\x06\x00\xc2\x04", 4);
	assert_int_equal((uint32_t)be16(p->hdr + 58) << 16 | be16(p->hdr + 60),
			 184020 + 8);
	len = ofl_gro_pkt_linearize(p, fp, fl, 23, biglin, sizeof(biglin), 1);
	assert_int_equal(len, 184082);
	big_check_tcp(biglin, len, 14, 62, 1);
	big_gso_back(len, 8000, 23);
	/* 7.0: no jumbo header, payload length 0 */
	o.profile = OFL_GRO_PROFILE_7_0;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	assert_int_equal(run(g, 23, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(p->len, 14 + 40 + 184020);
	assert_int_equal(p->csum_start, 54);
	assert_int_equal(be16(p->hdr + 18), 0);
	assert_int_equal(p->hdr[20], 6);
	len = ofl_gro_pkt_linearize(p, fp, fl, 23, biglin, sizeof(biglin), 1);
	big_check_tcp(biglin, len, 14, 54, 1);
	big_gso_back(len, 8000, 23);
	/* 6.1: no IPv4 BIG TCP (8 x 8000 + 40 < 65536, 9 x is not) */
	o.profile = OFL_GRO_PROFILE_6_1;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	gc_data(g, 0, 23, 8000);
	fmt(run(g, 23, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "64054m 64054m 56054m");
	/* 6.1 IPv6: BIG TCP with the jumbo header; with a destination
	 * options header, not TCP after the IPv6 header: none */
	gc_data(g, 1, 23, 8000);
	fmt(run(g, 23, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "184082m");
	{
		int i;

		for (i = 0; i < 23; i++) {
			g[i].has_ext = 1;
			g[i].ext = 60;
		}
	}
	fmt(run(g, 23, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "64082m 64082m 56082m");
	/* 6.18 with the destination options header: the jumbo header goes
	 * in front of it */
	o.profile = OFL_GRO_PROFILE_6_18;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	assert_int_equal(run(g, 23, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(p->len, 14 + 40 + 8 + 8 + 184020);
	assert_memory_equal(p->hdr + 54, "\x3c\x00\xc2\x04", 4);
	assert_int_equal(p->hdr[62], 6);	/* the dst options header */
	len = ofl_gro_pkt_linearize(p, fp, fl, 23, biglin, sizeof(biglin), 1);
	big_check_tcp(biglin, len, 14, 70, 1);
	/* an in-band VLAN tag (skb->protocol 802.1Q): not past 64 KiB
	 * (6.18.47's BIG TCP criteria) */
	{
		int i;

		gc_data(g, 0, 23, 8000);
		for (i = 0; i < 23; i++)
			g[i].vlan = 5;
	}
	fmt(run(g, 23, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
	assert_string_equal(got, "64058m 64058m 56058m");
	/* above the limit: OFL_ERANGE */
	o.gro_max_size = OFL_GRO_MAX_SIZE + 1;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), OFL_ERANGE);
}

/*
 * ofl_gro_flush_old (napi_gro_flush(n, true), __gro_flush_chain): flows
 * stamped with the clock when started; per bucket oldest first, stop at
 * the first one younger than min_age.
 */
static void flush_old(void **state)
{
	static struct tseg g[4];
	struct ofl_gro_frame f[4];
	unsigned int nout;
	int i;

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	for (i = 0; i < 4; i++) {
		tseg_init(&g[i], 0);
		g[i].sport = (uint16_t)(41000 + i);
		g[i].paylen = 100;
		fl[i] = (uint32_t)tseg_build(&g[i], fb[i], dm);
		memset(&f[i], 0, sizeof(f[i]));
		f[i].data = fb[i];
		f[i].len = fl[i];
		f[i].hash = i == 3 ? 1 : 0;	/* flows 0-2 share bucket 0 */
		f[i].id = (uint32_t)i;
		f[i].ip_summed = OFL_CHECKSUM_NONE;
	}
	ofl_gro_clock(&ctx, 100);
	assert_int_equal(ofl_gro_receive(&ctx, &f[0], pk, &nout), OFL_GRO_HELD);
	assert_int_equal(ofl_gro_receive(&ctx, &f[3], pk, &nout), OFL_GRO_HELD);
	ofl_gro_clock(&ctx, 101);
	assert_int_equal(ofl_gro_receive(&ctx, &f[1], pk, &nout), OFL_GRO_HELD);
	ofl_gro_clock(&ctx, 102);
	assert_int_equal(ofl_gro_receive(&ctx, &f[2], pk, &nout), OFL_GRO_HELD);
	/* nothing is 3 ticks old */
	assert_int_equal(ofl_gro_flush_old(&ctx, pk, 64, 3), 0);
	/* age >= 2: flow 0 (bucket 0), flow 3 (bucket 1) */
	assert_int_equal(ofl_gro_flush_old(&ctx, pk, 64, 2), 2);
	assert_int_equal(pk[0].frame, 0);
	assert_int_equal(pk[1].frame, 3);
	assert_int_equal(ofl_gro_held(&ctx), 2);
	/* Linux's rule (age != jiffies): flow 1, not flow 2 */
	assert_int_equal(ofl_gro_flush_old(&ctx, pk, 64, 1), 1);
	assert_int_equal(pk[0].frame, 1);
	assert_int_equal(ofl_gro_flush_old(&ctx, pk, 0, 1), OFL_ENOSPC);
	/* the clock wraps */
	ofl_gro_clock(&ctx, 0xffffffffu);
	assert_int_equal(ofl_gro_flush_old(&ctx, pk, 64, 1), 1);
	assert_int_equal(pk[0].frame, 2);
	assert_int_equal(ofl_gro_flush_old(NULL, pk, 64, 1), OFL_EINVAL);
}

/*
 * The pool after the context (ofl_gro_opts.pool_segs): a flow holds more
 * than OFL_GRO_MAX_SEGS segments, as Linux's skb_gro_receive does
 * (frag_list, no bound); without one, or when it runs out, the flow is
 * delivered at the cap. Entries of a flow delivered in a call are reused
 * only from the next call on.
 */
static void pool_segs(void **state)
{
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, 0, 1000, 0 };
	static struct tseg g[200], big;
	static struct ofl_gro_slice sl[256];
	static uint8_t want[30000];
	struct ofl_gro_frame f[200];
	struct ofl_gro_ctx *c;
	size_t sz = OFL_GRO_CTX_BYTES(1000);
	char got[256];
	int i, k, len;

	(void)state;
	c = malloc(sz);
	assert_non_null(c);
	gc_data(g, 0, 200, 100);
	/* 200 frames (more than the GRO_CASE_MAX_SEGS rows of fb[]) */
	{
		static uint8_t fr2[200][200];
		static const uint8_t *fp2[200];

		for (i = 0; i < 200; i++) {
			tseg_build(&g[i], fr2[i], dm);
			fp2[i] = fr2[i];
			memset(&f[i], 0, sizeof(f[i]));
			f[i].data = fr2[i];
			f[i].len = 154;
			f[i].hash = 0;
			f[i].id = (uint32_t)i;
			f[i].ip_summed = OFL_CHECKSUM_NONE;
		}
		/* no pool: 64 segments a flow */
		assert_int_equal(ofl_gro_init(c, sizeof(*c), NULL), 0);
		k = ofl_gro_receive_burst(c, f, 200, pk, 400);
		k += ofl_gro_flush(c, pk + k, 64);
		fmt(k, got, sizeof(got));
		assert_string_equal(got, "6454m 6454m 6454m 854m");
		/* the wrong size for the options: refused */
		assert_int_equal(ofl_gro_init(c, sizeof(*c), &o), OFL_EINVAL);
		assert_int_equal(ofl_gro_init(c, sz, &o), 0);
		k = ofl_gro_receive_burst(c, f, 200, pk, 400);
		assert_int_equal(k, 0);
		k = ofl_gro_flush(c, pk, 64);
		assert_int_equal(k, 1);
		assert_int_equal(pk[0].gso_segs, 200);
		assert_int_equal(pk[0].nslices, 200);
		assert_int_equal(pk[0].len, 54 + 20000);
		assert_int_equal(ofl_gro_pkt_slices(c, sz, &pk[0], sl, 256),
				 200);
		assert_int_equal(sl[150].frame, 150);
		assert_int_equal(sl[150].off, 54);
		assert_int_equal(sl[199].len, 100);
		assert_int_equal(ofl_gro_pkt_slices(c, sz, &pk[0], sl, 199),
				 OFL_ENOSPC);
		assert_int_equal(ofl_gro_pkt_slices(c, sizeof(*c), &pk[0], sl,
						    256), OFL_EINVAL);
		/* the plain linearize cannot reach the pool */
		{
			static uint32_t l2[200];

			for (i = 0; i < 200; i++)
				l2[i] = 154;
			assert_int_equal(ofl_gro_pkt_linearize(&pk[0], fp2, l2,
					 200, lin, sizeof(lin), 1), OFL_EINVAL);
			len = ofl_gro_pkt_linearize_ctx(c, sz, &pk[0], fp2, l2,
							200, lin, sizeof(lin),
							1);
			assert_int_equal(len, 20054);
			tseg_init(&big, 0);
			big.paylen = 20000;
			assert_int_equal(tseg_build(&big, want, dm), 20054);
			assert_memory_equal(lin, want, 20054);
		}
		/* a pool of 10: the first flow takes 74 segments; its entries
		 * are not reused in the same call, so the next flow stops at
		 * 64; in a later call they are free again */
		o.pool_segs = 10;
		assert_int_equal(ofl_gro_init(c, OFL_GRO_CTX_BYTES(10), &o), 0);
		k = ofl_gro_receive_burst(c, f, 200, pk, 400);
		k += ofl_gro_flush(c, pk + k, 64);
		fmt(k, got, sizeof(got));
		assert_string_equal(got, "7454m 6454m 6254m");
		k = ofl_gro_receive_burst(c, f, 80, pk, 400);
		k += ofl_gro_flush(c, pk + k, 64);
		fmt(k, got, sizeof(got));
		assert_string_equal(got, "7454m 654m");
		/* a byte copy of a context with a pool is a context: held
		 * flows and their pool entries travel with it */
		{
			struct ofl_gro_ctx *c2 = malloc(OFL_GRO_CTX_BYTES(10));
			static struct ofl_gro_pkt pk2[64];
			static uint32_t l2[200];
			static uint8_t lin2[30000];
			int k2;

			assert_non_null(c2);
			for (i = 0; i < 200; i++)
				l2[i] = 154;
			k = ofl_gro_receive_burst(c, f, 70, pk, 400);
			assert_int_equal(k, 0);
			memcpy(c2, c, OFL_GRO_CTX_BYTES(10));
			k = ofl_gro_flush(c, pk, 64);
			k2 = ofl_gro_flush(c2, pk2, 64);
			assert_int_equal(k, 1);
			assert_int_equal(k2, 1);
			assert_int_equal(pk2[0].gso_segs, 70);
			assert_int_equal(ofl_gro_pkt_linearize_ctx(c, OFL_GRO_CTX_BYTES(10),
				&pk[0], fp2, l2, 200, lin, sizeof(lin), 1), 7054);
			assert_int_equal(ofl_gro_pkt_linearize_ctx(c2,
				OFL_GRO_CTX_BYTES(10), &pk2[0], fp2, l2, 200, lin2,
				sizeof(lin2), 1), 7054);
			assert_memory_equal(lin, lin2, 7054);
			free(c2);
		}
		/* pool_segs above the limit */
		o.pool_segs = OFL_GRO_MAX_POOL + 1;
		assert_int_equal(ofl_gro_init(c, sz, &o), OFL_ERANGE);
	}
	free(c);
}

/* Buckets flush in order 0..7, oldest first in each. */
static void bucket_order(void **state)
{
	static struct tseg g[16];
	int i;

	(void)state;
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	for (i = 0; i < 16; i++) {
		tseg_init(&g[i], 0);
		g[i].sport = (uint16_t)(40007 - i % 8);	/* hash = sport % 8 */
		g[i].seq = 1000u + (uint32_t)(i / 8) * 100;
		g[i].paylen = 100;
		g[i].ipid = (uint16_t)(i / 8);
	}
	assert_int_equal(run(g, 16, OFL_CHECKSUM_NONE, 8), 8);
	for (i = 0; i < 8; i++) {
		assert_int_equal(pk[i].kind, OFL_GRO_PKT_MERGED);
		assert_int_equal(be16(pk[i].hdr + 34) % 8, i);
	}
}

static void errors(void **state)
{
	static const struct ofl_gro_opts bad = { sizeof(bad), 7, 0, 0, 0, 0, 0 };
	static const struct ofl_gro_opts big = { sizeof(big), 0,
						 OFL_GRO_MAX_SIZE + 1, 0, 0, 0, 0 };
	struct ofl_gro_frame f = { NULL, 5, 0, 0, 0, 0, 0, 0, 0, 0 };
	unsigned int m = 9;

	(void)state;
	assert_int_equal(sizeof(struct ofl_gro_ctx), OFL_GRO_CTX_SIZE);
	assert_int_equal(ofl_gro_init(NULL, sizeof(ctx), NULL), OFL_EINVAL);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &bad), OFL_ERANGE);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &big), OFL_ERANGE);
	{
		/* the last profile and one past it */
		struct ofl_gro_opts o = { sizeof(o), OFL_GRO_PROFILE_6_1, 0, 0,
					  0, 0, 0 };

		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		o.profile = OFL_GRO_PROFILE_6_1 + 1;
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o),
				 OFL_ERANGE);
	}
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), NULL), 0);
	/* a caller whose context has another size (other capacities) */
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx) - 8, NULL),
			 OFL_EINVAL);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx) + 8, NULL),
			 OFL_EINVAL);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), NULL), 0);
	assert_int_equal(ofl_gro_receive(&ctx, &f, pk, &m), OFL_EINVAL);
	assert_int_equal(m, 0);
	f.len = 0;
	assert_int_equal(ofl_gro_receive(&ctx, &f, pk, &m), OFL_GRO_NORMAL);
	assert_int_equal(m, 1);
	assert_int_equal(ofl_gro_receive_burst(&ctx, &f, 2, pk, 3),
			 OFL_ENOSPC);
	assert_int_equal(ofl_gro_flush(&ctx, pk, 0), 0);
}

/* Options as libbpf's OPTS_VALID: older (shorter) and newer (longer,
 * zero tail) callers work; a non-zero unknown tail or a bogus sz does not. */
static void opts_sizes(void **state)
{
	struct {
		struct ofl_gro_opts o;
		uint8_t tail[16];
	} newer;
	struct ofl_gro_opts o;
	size_t old_sz = offsetof(struct ofl_gro_opts, profile) +
			sizeof(o.profile);

	(void)state;
	memset(&o, 0, sizeof(o));
	/* an older caller knew sz and profile only: the rest defaults */
	o.sz = old_sz;
	o.profile = OFL_GRO_PROFILE_6_10;
	o.flags = 0xffffffffu;	/* past its sz: never read */
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	assert_int_equal(ctx.profile, OFL_GRO_PROFILE_6_10);
	assert_int_equal(ctx.flags, 0);
	assert_int_equal(ctx.max_v6, OFL_GRO_LEGACY_MAX_SIZE);
	/* sz too small to be a struct of ours at all */
	o.sz = sizeof(size_t) - 1;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), OFL_EINVAL);
	/* a newer caller: its extra fields are zero, so it asks nothing new */
	memset(&newer, 0, sizeof(newer));
	newer.o.sz = sizeof(newer);
	newer.o.flags = OFL_GRO_F_VXLAN;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &newer.o), 0);
	assert_int_equal(ctx.flags, OFL_GRO_F_VXLAN);
	/* ... and asks for something this library cannot do */
	newer.tail[15] = 1;
	ctx.flags = 0;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &newer.o),
			 OFL_EINVAL);
	assert_int_equal(ctx.flags, 0);	/* untouched on error */
	/* an absurd sz */
	newer.tail[15] = 0;
	newer.o.sz = 1u << 20;
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &newer.o),
			 OFL_EINVAL);
}

/* Truncated frames at every length are passed up, never read past. */
static void truncated(void **state)
{
	static struct tseg g[2];
	unsigned int m, l;
	int r;

	(void)state;
	gc_data(g, 1, 1, 100);
	g[0].has_ext = 1;
	g[0].ext = 0;
	fl[0] = (uint32_t)tseg_build(&g[0], fb[0], dm);
	for (l = 0; l < fl[0]; l++) {
		uint8_t *copy = malloc(l ? l : 1);
		struct ofl_gro_frame f = { copy, l, 0, 0, 0, 0, 0, 0, 0, 0 };

		memcpy(copy, fb[0], l);
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		r = ofl_gro_receive(&ctx, &f, pk, &m);
		assert_int_equal(r, OFL_GRO_NORMAL);
		free(copy);
	}
}

/* VXLAN, outer IPv4/IPv6, outer checksum zero/set: 4 x 1000 bytes give
 * one frame equal to the 4000-byte segment a sender would have built
 * (outer and inner headers fixed up, both checksums completed), with
 * gso_type UDP_TUNNEL[_CSUM] | TCPV4 and the partial-checksum offsets. */
static void vxlan_merged_headers(void **state)
{
	static struct tseg g[8], big;
	static uint8_t want[8192];
	const struct ofl_gro_pkt *p = &pk[0];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_VXLAN, 0, 0 };
	int ov6, csum, i, wl, len;

	(void)state;
	for (ov6 = 0; ov6 < 2; ov6++) {
		for (csum = 0; csum < 2; csum++) {
			uint16_t ol4 = ov6 ? 54 : 34;

			gc_data(g, 0, 4, 1000);
			for (i = 0; i < 4; i++) {
				g[i].vx = ov6 + 1;
				g[i].vni = 7;
				g[i].ocsum = csum;
			}
			big = g[0];
			big.paylen = 4000;
			wl = tseg_build(&big, want, dm);
			assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
			assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
			assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
			assert_int_equal(p->len, wl);
			assert_int_equal(p->gso_size, 1000);
			assert_int_equal(p->gso_segs, 4);
			assert_int_equal(p->gso_type, OFL_GSO_TCPV4 |
				(csum ? OFL_GSO_UDP_TUNNEL_CSUM :
					OFL_GSO_UDP_TUNNEL));
			assert_int_equal(p->csum_start, ol4 + 16 + 14 + 20);
			assert_int_equal(p->csum_offset, 16);
			assert_int_equal(p->ocsum_start, csum ? ol4 : 0);
			/* outer UDP length fixed up */
			assert_int_equal(be16(p->hdr + ol4 + 4), wl - ol4);
			len = ofl_gro_pkt_linearize(p, fp, fl, 4, lin,
						    sizeof(lin), 1);
			assert_int_equal(len, wl);
			assert_memory_equal(lin, want, (size_t)wl);
		}
	}
}

/* Profile 6.1: udp4/6_gro_complete of 6.1 take the outer UDP checksum's
 * pseudo-header addresses from ip_hdr(skb)/ipv6_hdr(skb), which is the
 * inner IP header there, read at the outer family's offsets (seen on
 * Debian's 6.1.0-57: vx_ocsum and friends). Profile 6.10 uses the outer
 * header's. Everything else of the merged frame is the same. */
static void profile_6_1_outer_csum(void **state)
{
	static struct tseg g[8];
	static uint8_t other[8192];
	const struct ofl_gro_pkt *p = &pk[0];
	struct ofl_gro_opts o = { sizeof(o), OFL_GRO_PROFILE_6_1, 0, 0,
				  OFL_GRO_F_VXLAN, 0, 0 };
	int ov6, i, wl, len;

	(void)state;
	for (ov6 = 0; ov6 < 2; ov6++) {
		uint16_t ol4 = ov6 ? 54 : 34, nh = (uint16_t)(ol4 + 30);
		uint32_t ulen, sa, da;
		uint16_t want, have;

		gc_data(g, 0, 4, 1000);
		for (i = 0; i < 4; i++) {
			g[i].vx = ov6 + 1;
			g[i].vni = 7;
			g[i].ocsum = 1;
		}
		o.profile = OFL_GRO_PROFILE_6_10;
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
		wl = ofl_gro_pkt_linearize(p, fp, fl, 4, other, sizeof(other),
					   1);
		o.profile = OFL_GRO_PROFILE_6_1;
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
		assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
		assert_int_equal(p->gso_type, OFL_GSO_TCPV4 |
				 OFL_GSO_UDP_TUNNEL_CSUM);
		ulen = p->len - ol4;
		/* the inner IPv4 header as sent (an IPv6 outer reads 32
		 * bytes from its byte 8: TTL .. the inner TCP header) */
		memcpy(&sa, fp[0] + nh + 12, 4);
		memcpy(&da, fp[0] + nh + 16, 4);
		want = (uint16_t)~(uint16_t)(ov6 ?
			ofl_csum_ipv6_magic(fp[0] + nh + 8, fp[0] + nh + 24,
					    ulen, 17, 0) :
			ofl_csum_tcpudp_magic((ofl_be32)sa, (ofl_be32)da,
					      ulen, 17, 0));
		memcpy(&have, p->hdr + ol4 + 6, 2);
		assert_int_equal(have, want);
		len = ofl_gro_pkt_linearize(p, fp, fl, 4, lin, sizeof(lin), 1);
		assert_int_equal(len, wl);
		/* only the outer UDP checksum differs from 6.10's */
		assert_memory_equal(lin, other, ol4 + 6u);
		assert_memory_equal(lin + ol4 + 8, other + ol4 + 8,
				    (size_t)wl - ol4 - 8u);
		assert_memory_not_equal(lin + ol4 + 6, other + ol4 + 6, 2);
	}
}

/* Per-layer IP ID mode (6.18 ip_fixedid bits): both fixed -> FIXEDID
 * (outer) and FIXEDID_INNER; profile 6.10 skips the outer ID when DF. */
static void vxlan_ip_id(void **state)
{
	static struct tseg g[8];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_VXLAN, 0, 0 };
	int i;

	(void)state;
	gc_data(g, 0, 3, 100);
	for (i = 0; i < 3; i++) {
		g[i].vx = 1;
		g[i].ipid = 5;
		g[i].oidfix = 1;
	}
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(pk[0].gso_type, OFL_GSO_TCPV4 |
			 OFL_GSO_UDP_TUNNEL | OFL_GSO_TCP_FIXEDID |
			 OFL_GSO_TCP_FIXEDID_INNER);
	/* outer fixed only */
	for (i = 0; i < 3; i++)
		g[i].ipid = (uint16_t)(100 + i);
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(pk[0].gso_type, OFL_GSO_TCPV4 |
			 OFL_GSO_UDP_TUNNEL | OFL_GSO_TCP_FIXEDID);
	/* outer ID jumps with outer DF: 6.18 flushes, 6.10 merges */
	gc_data(g, 0, 3, 100);
	for (i = 0; i < 3; i++) {
		g[i].vx = 1;
		g[i].odf = 1;
	}
	g[2].oidfix = 1;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 2);
	o.profile = OFL_GRO_PROFILE_6_10;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
}

/* A device that verified the checksums: a bad inner checksum is not seen;
 * a VXLAN frame cut at every length is passed up alone. */
static void vxlan_csum_truncated(void **state)
{
	static struct tseg g[4];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_VXLAN, 0, 0 };
	unsigned int m, l;
	int i;

	(void)state;
	gc_data(g, 0, 3, 100);
	for (i = 0; i < 3; i++) {
		g[i].vx = 2;
		g[i].ocsum = 1;
	}
	g[1].badcsum = 1;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_UNNECESSARY, 0), 1);
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 3);
	for (l = 0; l < fl[0]; l++) {
		uint8_t *copy = malloc(l ? l : 1);
		struct ofl_gro_frame f = { copy, l, 0, 0, 0, 0, 0, 0, 0, 0 };

		memcpy(copy, fb[0], l);
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(ofl_gro_receive(&ctx, &f, pk, &m),
				 OFL_GRO_NORMAL);
		free(copy);
	}
}

/* GENEVE (from geneve_gro_receive; no kernel device here to prove it):
 * merged like VXLAN; options compared byte for byte, opt_len, VNI; a
 * version other than 0 or the OAM bit passes the frame up. */
static void geneve_rules(void **state)
{
	static const char *const want[] = {
		"4112m", "2112m 1112 1112", "2112m 1108 1112",
		"2112m 1112 1112", "1112 2112m 1112", "1112 2112m 1112" };
	static struct tseg g[8], big;
	static uint8_t w[8192];
	static char got[256];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_GENEVE, 0, 0 };
	int c, i, wl;

	(void)state;
	for (c = 0; c < 6; c++) {
		gc_data(g, 0, 4, 1000);
		for (i = 0; i < 4; i++) {
			g[i].vx = 1;
			g[i].gnv = 1;
			g[i].gnvopt = 2;
			g[i].gnvfill = 0x11;
			g[i].vni = 9;
			g[i].ocsum = c & 1;
		}
		if (c == 1)
			g[2].gnvfill = 0x12;
		if (c == 2)
			g[2].gnvopt = 1;
		if (c == 3)
			g[2].vni = 10;
		if (c == 4)
			g[2].gnvbits = 0x80;
		if (c == 5)
			g[2].gnvbits = 0x40;
		assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
		fmt(run(g, 4, OFL_CHECKSUM_NONE, 0), got, sizeof(got));
		if (strcmp(got, want[c]))
			fail_msg("geneve %d: got %s want %s", c, got, want[c]);
	}
	/* the merged frame is the super-frame, both checksums complete */
	gc_data(g, 0, 4, 1000);
	for (i = 0; i < 4; i++) {
		g[i].vx = 2;
		g[i].gnv = 1;
		g[i].gnvopt = 3;
		g[i].ocsum = 1;
	}
	big = g[0];
	big.paylen = 4000;
	wl = tseg_build(&big, w, dm);
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
	assert_int_equal(pk[0].gso_type,
			 OFL_GSO_TCPV4 | OFL_GSO_UDP_TUNNEL_CSUM);
	assert_int_equal(ofl_gro_pkt_linearize(&pk[0], fp, fl, 4, lin,
					       sizeof(lin), 1), wl);
	assert_memory_equal(lin, w, (size_t)wl);
	/* VXLAN enabled only: GENEVE is plain UDP, passed up */
	o.flags = OFL_GRO_F_VXLAN;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 4);
}

/* GRE / IP-in-IP: the kernel's output as a golden table; with
 * OFL_GRO_F_NO_IPTUN (or OFL_GRO_F_VXLAN only: still on) every frame of a
 * GRE/IPIP flow goes up alone. */
static void golden_iptun(void **state)
{
	static struct tseg g[GRO_CASE_MAX_SEGS];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_NO_IPTUN, 0, 0 };
	const char *nm;
	int multi, n, ov6, c;

	(void)state;
	golden_run_k(golden_ipt, OFL_ARRAY_SIZE(golden_ipt), 0, 1);
	golden_run_k(golden_ipt_udp, OFL_ARRAY_SIZE(golden_ipt_udp),
		     OFL_GRO_F_UDP_FWD, 1);
	for (ov6 = 0; ov6 < 2; ov6++) {
		for (c = 0; c < 40; c += 36) {	/* gre_data, ipip_data */
			n = gro_ipt_case(c, ov6, g, &nm, &multi);
			assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
			assert_int_equal(run(g, n, OFL_CHECKSUM_NONE, 0), n);
			o.flags = OFL_GRO_F_VXLAN;
			assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
			assert_int_equal(run(g, n, OFL_CHECKSUM_NONE, 0), 1);
			o.flags = OFL_GRO_F_NO_IPTUN;
		}
	}
}

/* Outer IPv4/IPv6 x GRE (plain, key, checksum, Ethernet, inner IPv6) and
 * IP-in-IP (IPv4 and IPv6 inside): 4 x 1000 bytes give the 4000-byte
 * frame a sender would build (both IP layers fixed up by the
 * inet/ipv6_gro_complete pair, TCP checksum completed), except that a GRE
 * checksum stays the first segment's (gre_gro_complete leaves it), with
 * gso_type GRE or IPXIP4/IPXIP6 | TCPV4/TCPV6 and csum_start at the inner
 * TCP header. */
static void iptun_merged_headers(void **state)
{
	static struct tseg g[8], big;
	static uint8_t want[8192];
	const struct ofl_gro_pkt *p = &pk[0];
	int ov6, v, i, wl, len;

	(void)state;
	for (ov6 = 0; ov6 < 2; ov6++) {
		for (v = 0; v < 7; v++) {
			/* 0 GRE, 1 GRE key, 2 GRE csum, 3 GRE TEB, 4 GRE
			 * inner IPv6, 5 IPIP/4in6, 6 SIT/6in6 */
			int i6 = v == 4 || v == 6, ipip = v >= 5;
			uint32_t t = ipip ? (ov6 ? OFL_GSO_IPXIP6 :
					     OFL_GSO_IPXIP4) :
					    OFL_GSO_GRE;
			int ol4 = ov6 ? 54 : 34, gl, il4;

			gc_data(g, i6, 4, 1000);
			for (i = 0; i < 4; i++) {
				g[i].vx = ov6 + 1;
				g[i].gre = !ipip;
				g[i].ipip = ipip;
				g[i].vni = 77;
				g[i].grekey = v == 1;
				g[i].grecsum = v == 2;
				g[i].teb = v == 3;
			}
			gl = ipip ? 0 : 4 + 4 * (v == 1 || v == 2);
			il4 = ol4 + gl + (v == 3 ? 14 : 0) + (i6 ? 40 : 20);
			big = g[0];
			big.paylen = 4000;
			wl = tseg_build(&big, want, dm);
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
			assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
			assert_int_equal(p->len, wl);
			assert_int_equal(p->gso_size, 1000);
			assert_int_equal(p->gso_segs, 4);
			assert_int_equal(p->gso_type, t | (i6 ?
				OFL_GSO_TCPV6 : OFL_GSO_TCPV4));
			assert_int_equal(p->csum_start, il4);
			assert_int_equal(p->csum_offset, 16);
			assert_int_equal(p->ocsum_start, 0);
			len = ofl_gro_pkt_linearize(p, fp, fl, 4, lin,
						    sizeof(lin), 1);
			assert_int_equal(len, wl);
			if (v == 2) {
				/* the first segment's GRE checksum */
				assert_memory_equal(lin + ol4 + 4,
						    fb[0] + ol4 + 4, 2);
				memcpy(lin + ol4 + 4, want + ol4 + 4, 2);
			}
			assert_memory_equal(lin, want, (size_t)wl);
		}
	}
}

/* Fixed IDs per IPv4 layer (6.18 ip_fixedid bits into tcp4_gro_complete):
 * GRE and IPIP outer and inner fixed -> FIXEDID | FIXEDID_INNER; outer
 * only -> FIXEDID; inner IPv6 (tcp6_gro_complete) -> neither; profile
 * 6.10 ignores an outer ID with DF. */
static void iptun_ip_id(void **state)
{
	static struct tseg g[8];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, 0, 0, 0 };
	int i, ipip;

	(void)state;
	for (ipip = 0; ipip < 2; ipip++) {
		uint32_t t = ipip ? OFL_GSO_IPXIP4 : OFL_GSO_GRE;

		gc_data(g, 0, 3, 100);
		for (i = 0; i < 3; i++) {
			g[i].vx = 1;
			g[i].gre = !ipip;
			g[i].ipip = ipip;
			g[i].ipid = 5;
			g[i].oidfix = 1;
		}
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
		assert_int_equal(pk[0].gso_type, t | OFL_GSO_TCPV4 |
				 OFL_GSO_TCP_FIXEDID |
				 OFL_GSO_TCP_FIXEDID_INNER);
		for (i = 0; i < 3; i++)
			g[i].ipid = (uint16_t)(100 + i);
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
		assert_int_equal(pk[0].gso_type, t | OFL_GSO_TCPV4 |
				 OFL_GSO_TCP_FIXEDID);
		for (i = 0; i < 3; i++)
			g[i].v6 = 1;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
		assert_int_equal(pk[0].gso_type, t | OFL_GSO_TCPV6);
		/* outer ID jumps with outer DF: 6.18 flushes, 6.10 not */
		gc_data(g, 0, 3, 100);
		for (i = 0; i < 3; i++) {
			g[i].vx = 1;
			g[i].gre = !ipip;
			g[i].ipip = ipip;
			g[i].odf = 1;
		}
		g[2].oidfix = 1;
		o.profile = OFL_GRO_PROFILE_6_18;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 2);
		o.profile = OFL_GRO_PROFILE_6_10;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 1);
		o.profile = OFL_GRO_PROFILE_6_18;
	}
}

/* GRE checksum: validated in software (a bad one: up alone, the flow
 * untouched), not with CHECKSUM_UNNECESSARY (then the bad GRE and inner
 * TCP checksums are not seen); a GRE/IPIP frame cut at every length goes
 * up alone; flags other than C and K, a version, unknown protocol types,
 * and a second encapsulation inside go up alone. */
static void iptun_rules(void **state)
{
	static const char *const want[] = {
		"1082 1082 2082m", "4082m", "1078 1078 1078 1078",
		"1078 1078 1078 1078", "1078 1078 1078 1078",
		"1078 1078 1078 1078", "1078 1078 1078 1078",
		"1098 1098 1098 1098", "1094 1094 1094 1094" };
	static struct tseg g[8];
	static char got[256];
	unsigned int m, l;
	int c, i;

	(void)state;
	for (c = 0; c < 9; c++) {
		gc_data(g, 0, 4, 1000);
		for (i = 0; i < 4; i++) {
			g[i].vx = 1;
			g[i].gre = c != 8;
			g[i].ipip = c == 8;
			g[i].grecsum = c < 2;
			g[i].grebits = c == 2 ? 0x1000 : c == 3 ? 0x0800 :
				       c == 4 ? 0x0007 : c == 5 ? 0x0100 : 0;
			g[i].greproto = c == 6 ? 0x8847 : 0;
			g[i].nest = c >= 7;
		}
		g[1].grebadcsum = c < 2;
		g[2].badcsum = c == 1;
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		fmt(run(g, 4, c == 1 ? OFL_CHECKSUM_UNNECESSARY :
				   OFL_CHECKSUM_NONE, 0), got, sizeof(got));
		if (strcmp(got, want[c]))
			fail_msg("iptun %d: got %s want %s", c, got, want[c]);
	}
	for (c = 0; c < 4; c++) {
		gc_data(g, 0, 1, 100);
		g[0].vx = 1 + (c & 1);
		g[0].gre = c < 2;
		g[0].ipip = c >= 2;
		g[0].grekey = g[0].teb = 1;
		fl[0] = (uint32_t)tseg_build(&g[0], fb[0], dm);
		for (l = 0; l < fl[0]; l++) {
			uint8_t *copy = malloc(l ? l : 1);
			struct ofl_gro_frame f = { copy, l, 0, 0, 0, 0, 0, 0, 0, 0 };

			memcpy(copy, fb[0], l);
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			assert_int_equal(ofl_gro_receive(&ctx, &f, pk, &m),
					 OFL_GRO_NORMAL);
			free(copy);
		}
	}
}

/* UDP inside GRE / IP-in-IP with OFL_GRO_F_UDP_FWD (udp_gro_receive_segment
 * after gre/ipip_gro_receive): the merged frame is the super-datagram
 * (inner UDP length, checksum completed), gso_type GRE or IPXIP4/6 |
 * UDP_L4 with no fixed-ID bit (only tcp4_gro_complete sets them),
 * csum_start at the inner UDP header, csum_offset 6; without the flag
 * every datagram goes up alone. */
static void iptun_udp(void **state)
{
	static struct tseg g[8], big;
	static uint8_t want[8192];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_UDP_FWD, 0, 0 };
	const struct ofl_gro_pkt *p = &pk[0];
	int ov6, ipip, i, wl;

	(void)state;
	for (ov6 = 0; ov6 < 2; ov6++) {
		for (ipip = 0; ipip < 2; ipip++) {
			gc_data(g, ipip && ov6, 4, 1000);
			for (i = 0; i < 4; i++) {
				g[i].vx = ov6 + 1;
				g[i].gre = !ipip;
				g[i].ipip = ipip;
				g[i].udp = 1;
				g[i].ipid = 3;
				g[i].oidfix = 1;
			}
			big = g[0];
			big.paylen = 4000;
			wl = tseg_build(&big, want, dm);
			ofl_gro_init(&ctx, sizeof(ctx), &o);
			assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
			assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
			assert_int_equal(p->gso_type, OFL_GSO_UDP_L4 |
				(!ipip ? OFL_GSO_GRE : ov6 ?
				 OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4));
			assert_int_equal(p->csum_start, (ov6 ? 54 : 34) +
					 (ipip ? 0 : 4) +
					 (ipip && ov6 ? 40 : 20));
			assert_int_equal(p->csum_offset, 6);
			assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, 4,
				lin, sizeof(lin), 1), wl);
			assert_memory_equal(lin, want, (size_t)wl);
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 4);
		}
	}
	/* inner UDP to an enabled VXLAN port: a tunnel socket refuses a
	 * frame already decapsulated once (encap_mark): up alone */
	for (i = 0; i < 4; i++)
		g[i].dport = OFL_GRO_VXLAN_PORT;
	o.flags |= OFL_GRO_F_VXLAN;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 4);
	o.flags = OFL_GRO_F_UDP_FWD;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
	/* inner UDP of VXLAN (outer checksum set): UDP_TUNNEL_CSUM |
	 * UDP_L4, both checksums completed = the super-frame */
	for (ov6 = 0; ov6 < 2; ov6++) {
		gc_data(g, 0, 4, 1000);
		for (i = 0; i < 4; i++) {
			g[i].vx = ov6 + 1;
			g[i].udp = 1;
			g[i].ocsum = 1;
		}
		big = g[0];
		big.paylen = 4000;
		wl = tseg_build(&big, want, dm);
		o.flags = OFL_GRO_F_UDP_FWD | OFL_GRO_F_VXLAN;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 4, OFL_CHECKSUM_NONE, 0), 1);
		assert_int_equal(p->gso_type, OFL_GSO_UDP_L4 |
				 OFL_GSO_UDP_TUNNEL_CSUM);
		assert_int_equal(p->csum_offset, 6);
		assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, 4, lin,
						       sizeof(lin), 1), wl);
		assert_memory_equal(lin, want, (size_t)wl);
	}
}

/* Property: lib/gso cuts a super-frame, lib/gro (validating every
 * checksum in software) gives back the same super-frame, byte for byte. */
static void gso_then_gro(void **state)
{
	static const int sizes[] = { 1449, 3000, 20000, 60000 };
	static const int mss[] = { 1448, 1000, 2000 };
	static uint8_t super[70000], segs[140000], back[70000];
	static struct tseg t;
	uint32_t lens[128];
	int v6, si, mi;

	(void)state;
	for (v6 = 0; v6 < 2; v6++)
	for (si = 0; si < 4; si++)
	for (mi = 0; mi < 3; mi++) {
		struct ofl_gso_frag fr;
		struct ofl_gso_meta m;
		struct ofl_gro_frame f[128];
		size_t off = 0;
		int n, i, k, len;

		if (sizes[si] <= mss[mi])
			continue;	/* not a super-frame */
		tseg_init(&t, v6);
		t.paylen = sizes[si];
		t.seq = 0xfffff000u;	/* wraps inside the frame */
		len = tseg_build(&t, super, dm);
		assert_int_equal(ofl_gso_meta_from_frame(super, (size_t)len,
			(uint16_t)mss[mi], &m), 0);
		fr.data = super;
		fr.len = (uint32_t)len;
		fr.reserved = 0;
		n = ofl_gso_segment(&fr, 1, &m, 0, segs, sizeof(segs), lens,
				    128);
		if (n <= 1)
			fail_msg("v6 %d size %d mss %d: gso %d", v6, sizes[si],
				 mss[mi], n);
		if (n > OFL_GRO_MAX_SEGS)
			continue;
		for (i = 0; i < n; i++) {
			fp[i] = segs + off;
			fl[i] = lens[i];
			f[i].data = segs + off;
			f[i].len = lens[i];
			f[i].hash = 7;
			f[i].id = (uint32_t)i;
			f[i].ip_summed = OFL_CHECKSUM_NONE;
			f[i].csum = 0;
			f[i].csum_start = 0;
			f[i].vlan_proto = 0;
			f[i].vlan_tci = 0;
			f[i].reserved = 0;
			off += lens[i];
		}
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		k = ofl_gro_receive_burst(&ctx, f, (unsigned int)n, pk,
					  2 * GRO_CASE_MAX_SEGS);
		k += ofl_gro_flush(&ctx, pk + k, OFL_GRO_MAX_FLOWS);
		assert_int_equal(k, 1);
		assert_int_equal(pk[0].gso_segs, n);
		assert_int_equal(pk[0].gso_size, mss[mi]);
		assert_int_equal(ofl_gro_pkt_linearize(&pk[0], fp, fl,
			(uint32_t)n, back, sizeof(back), 1), len);
		assert_memory_equal(back, super, (size_t)len);
	}
}

/*
 * CHECKSUM_COMPLETE (dev_gro_receive: NAPI_GRO_CB(skb)->csum = skb->csum,
 * csum_valid = 1; __skb_gro_checksum_validate_complete; software fallback
 * __skb_gro_checksum_complete): with the device's right sum every golden
 * table of the kernel's output holds as for CHECKSUM_NONE, wherever the
 * sum starts (the frame start, an odd offset, Linux's 14, past the L4
 * header: the bytes between are taken out or added first).
 */
static void golden_complete(void **state)
{
	static const uint32_t starts[] = { 14, 0, 13, 15, 61 };
	size_t i;

	(void)state;
	golden_csum = OFL_CHECKSUM_COMPLETE;
	for (i = 0; i < OFL_ARRAY_SIZE(starts); i++) {
		c_start = starts[i];
		golden_run(golden, OFL_ARRAY_SIZE(golden), 0);
		golden_run(golden_udp, OFL_ARRAY_SIZE(golden_udp),
			   OFL_GRO_F_UDP_FWD);
		golden_run(golden_vx, OFL_ARRAY_SIZE(golden_vx),
			   OFL_GRO_F_VXLAN);
		golden_run(golden_vx_udp, OFL_ARRAY_SIZE(golden_vx_udp),
			   OFL_GRO_F_VXLAN | OFL_GRO_F_UDP_FWD);
		golden_run_k(golden_ipt, OFL_ARRAY_SIZE(golden_ipt), 0, 1);
		golden_run_k(golden_ipt_udp, OFL_ARRAY_SIZE(golden_ipt_udp),
			     OFL_GRO_F_UDP_FWD, 1);
	}
	golden_csum = OFL_CHECKSUM_NONE;
	c_start = 14;
}

/* Flip a payload byte of frame @i after its sum was taken: the sum still
 * validates, the bytes do not (a device that summed before corruption). */
static void corrupt_after_sum(int i)
{
	fb[i][fl[i] - 3] ^= 0x5a;
}

/*
 * A sum that validates is trusted (Linux merges without reading the
 * payload); one that does not is checked in software: a right frame
 * merges (Linux reports netdev_rx_csum_fault), a wrong one goes up alone.
 * At every start of the sum: before, at and after the L4 header (odd and
 * even distances), and more than OFL_GRO_MAX_HDR bytes past it, where the
 * sum is not used (software: the corrupted frame goes up alone).
 */
static void complete_rules(void **state)
{
	static struct tseg g[4];
	int v6, k, j;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		uint32_t l4 = v6 ? 14 + 40 + 8 : 14 + 20;
		const uint32_t starts[] = { 0, 1, 13, 14, 15, 33, l4 - 1, l4,
					    l4 + 1, l4 + 7, l4 + 192,
					    l4 + 193, 1100 };

		for (j = 0; j < (int)OFL_ARRAY_SIZE(starts); j++) {
			int far = starts[j] > l4 + OFL_GRO_MAX_HDR;

			gc_data(g, v6, 3, 1000);
			for (k = 0; k < 3; k++) {
				g[k].has_ext = v6;
				g[k].ext = 60;
			}
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			c_start = starts[j];
			build_frames(g, 3, OFL_CHECKSUM_COMPLETE, 0);
			/* good sum, bad bytes: trusted */
			corrupt_after_sum(1);
			if (run_frames(3) != (far ? 3 : 1))
				fail_msg("v6 %d start %u: trusted sum", v6,
					 starts[j]);
			/* wrong sum, right bytes: software says good */
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			build_frames(g, 3, OFL_CHECKSUM_COMPLETE, 0);
			rf[1].csum = ofl_csum_add(rf[1].csum, 0x100);
			assert_int_equal(run_frames(3), 1);
			assert_int_equal(pk[0].kind, OFL_GRO_PKT_MERGED);
			/* wrong sum, wrong bytes: up alone, held flow kept */
			ofl_gro_init(&ctx, sizeof(ctx), NULL);
			build_frames(g, 3, OFL_CHECKSUM_COMPLETE, 0);
			corrupt_after_sum(1);
			set_complete(1, rf[1].csum_start);
			assert_int_equal(run_frames(3), 3);
			assert_int_equal(pk[0].frame, 1);
			assert_int_equal(pk[0].kind, OFL_GRO_PKT_FRAME);
		}
	}
	c_start = 14;
}

/* Merged from COMPLETE frames: what Linux leaves (tcp_gro_complete:
 * CHECKSUM_PARTIAL at the TCP header), the same bytes as from NONE, also
 * when the states differ from segment to segment (Linux compares
 * ip_summed only for fraglist flows). */
static void complete_mixed(void **state)
{
	static const uint32_t st[6] = {
		OFL_CHECKSUM_NONE, OFL_CHECKSUM_COMPLETE,
		OFL_CHECKSUM_UNNECESSARY, OFL_CHECKSUM_COMPLETE,
		OFL_CHECKSUM_NONE, OFL_CHECKSUM_COMPLETE };
	static struct tseg g[6];
	static uint8_t want[8192];
	int v6, i, len, wl;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		gc_data(g, v6, 6, 1000);
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		assert_int_equal(run(g, 6, OFL_CHECKSUM_NONE, 0), 1);
		wl = ofl_gro_pkt_linearize(&pk[0], fp, fl, 6, want,
					   sizeof(want), 1);
		assert_true(wl > 0);
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		build_frames(g, 6, OFL_CHECKSUM_NONE, 0);
		for (i = 0; i < 6; i++) {
			rf[i].ip_summed = st[i];
			if (st[i] == OFL_CHECKSUM_COMPLETE)
				set_complete(i, (uint32_t)(i * 7));
		}
		assert_int_equal(run_frames(6), 1);
		assert_int_equal(pk[0].kind, OFL_GRO_PKT_MERGED);
		assert_int_equal(pk[0].gso_segs, 6);
		assert_int_equal(pk[0].csum_start, v6 ? 54 : 34);
		assert_int_equal(pk[0].csum_offset, 16);
		len = ofl_gro_pkt_linearize(&pk[0], fp, fl, 6, lin,
					    sizeof(lin), 1);
		assert_int_equal(len, wl);
		assert_memory_equal(lin, want, (size_t)wl);
	}
}

/*
 * Tunnels: each layer's checksum from the one sum (outer UDP or GRE,
 * then the inner TCP after skb_gro_postpull_rcsum of the headers between).
 * Once a layer's check fell back to software, Linux holds the software sum
 * (__skb_gro_checksum_complete: csum = wsum) and the inner one is checked
 * with it: a device sum that is wrong by exactly the inner error does not
 * make a wrong inner checksum pass behind a checksummed outer layer, and
 * does without one (the sum is trusted). udp_gro_receive passes a frame up
 * whose non-zero outer checksum was neither vouched for nor validated:
 * with an outer flush (trailer) under NONE, not under COMPLETE, whose sum
 * is valid from the start (dev_gro_receive), so the held flow is then
 * delivered before the frame.
 */
static void complete_tunnels(void **state)
{
	static struct tseg g[4];
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0,
				  OFL_GRO_F_VXLAN | OFL_GRO_F_GENEVE, 0, 0 };
	int kind, ov6, oc, k;

	(void)state;
	for (kind = 0; kind < 3; kind++)	/* VXLAN, GENEVE, GRE */
	for (ov6 = 0; ov6 < 2; ov6++)
	for (oc = 0; oc < 2; oc++) {
		uint32_t il4;
		ofl_wsum r;

		gc_data(g, 0, 3, 1000);
		for (k = 0; k < 3; k++) {
			g[k].vx = ov6 + 1;
			g[k].gnv = kind == 1;
			g[k].gre = kind == 2;
			g[k].grecsum = kind == 2 && oc;
			g[k].ocsum = kind != 2 && oc;
		}
		/* good sums: merged, as from NONE */
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_COMPLETE, 0), 1);
		assert_int_equal(pk[0].gso_segs, 3);
		/* trusted: bytes corrupted after the sum */
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		build_frames(g, 3, OFL_CHECKSUM_COMPLETE, 0);
		corrupt_after_sum(1);
		if (run_frames(3) != 1)
			fail_msg("kind %d ov6 %d ocsum %d: trusted sum", kind,
				 ov6, oc);
		/* inner checksum wrong (the outer one computed over it), the
		 * device's sum wrong by the same amount */
		g[1].badcsum = 1;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		build_frames(g, 3, OFL_CHECKSUM_COMPLETE, 0);
		il4 = (uint32_t)(14 + (ov6 ? 40 : 20) +
				 (kind == 2 ? 4 + 4 * oc : 16 + 14) + 20);
		r = ofl_csum_partial(fb[1] + il4, fl[1] - il4, 0);
		{
			const uint8_t *ip = fb[1] + il4 - 20;
			ofl_be32 sa, da;

			memcpy(&sa, ip + 12, 4);
			memcpy(&da, ip + 16, 4);
			r = ofl_csum_tcpudp_nofold(sa, da, fl[1] - il4, 6, r);
		}
		assert_true(ofl_csum_fold(r) != 0);
		rf[1].csum = ofl_csum_sub(rf[1].csum, r);
		if (run_frames(3) != (oc ? 3 : 1))
			fail_msg("kind %d ov6 %d ocsum %d: inner after a "
				 "software outer check", kind, ov6, oc);
		g[1].badcsum = 0;
		if (kind == 2)
			continue;
		/* outer trailer on the third segment */
		g[2].otrailer = 4;
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_NONE, 0), 2);
		/* zero outer checksum: no csum_valid test, as COMPLETE */
		assert_int_equal(pk[0].frame, oc ? 2 : 0);
		assert_int_equal(pk[oc ? 1 : 0].kind, OFL_GRO_PKT_MERGED);
		ofl_gro_init(&ctx, sizeof(ctx), &o);
		assert_int_equal(run(g, 3, OFL_CHECKSUM_COMPLETE, 0), 2);
		assert_int_equal(pk[0].kind, OFL_GRO_PKT_MERGED);
		assert_int_equal(pk[1].frame, 2);
		g[2].otrailer = 0;
	}
}

/* COMPLETE, reserved and ip_summed checks of the frame. */
static void complete_errors(void **state)
{
	static struct tseg g[1];
	unsigned int n = 9;

	(void)state;
	gc_data(g, 0, 1, 100);
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	build_frames(g, 1, OFL_CHECKSUM_COMPLETE, 0);
	/* a start past the frame: the sum is not used (software check) */
	rf[0].csum_start = (uint16_t)(rf[0].len + 1);
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n), OFL_GRO_HELD);
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	corrupt_after_sum(0);
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n),
			 OFL_GRO_NORMAL);
	rf[0].csum_start = (uint16_t)rf[0].len;	/* an empty sum */
	set_complete(0, rf[0].len);
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n),
			 OFL_GRO_NORMAL);
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	build_frames(g, 1, OFL_CHECKSUM_COMPLETE, 0);
	rf[0].reserved = 1;
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n), OFL_EINVAL);
	assert_int_equal(n, 0);
	assert_int_equal(ofl_gro_receive_burst(&ctx, rf, 1, pk, 2),
			 OFL_EINVAL);
	rf[0].reserved = 0;
	rf[0].csum_start = (uint16_t)rf[0].len;
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n), OFL_GRO_HELD);
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	build_frames(g, 1, OFL_CHECKSUM_NONE, 0);
	rf[0].reserved = 1;
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n), OFL_EINVAL);
	rf[0].reserved = 0;
	rf[0].ip_summed = OFL_CHECKSUM_PARTIAL;
	assert_int_equal(ofl_gro_receive(&ctx, &rf[0], pk, &n), OFL_EINVAL);
	assert_int_equal(ofl_gro_held(&ctx), 0);
	assert_int_equal(sizeof(struct ofl_gro_frame), OFL_GRO_FRAME_SIZE);
}

/* Two flows A and B of one 5-tuple, interleaved A0 B0 A1 B1 A2 B2, the
 * frames of B with tag (@pb, @tb) and of A with (@pa, @ta); returns the
 * deliveries, burst and then frame by frame (the same). */
static int vlan_pair(int v6, int inband_b, uint16_t pa, uint16_t ta,
		     uint16_t pb, uint16_t tb)
{
	static struct tseg g[6];
	int i, k, n;

	for (i = 0; i < 6; i++) {
		tseg_init(&g[i], v6);
		g[i].seq = 1000u + (uint32_t)(i / 2) * 500u;
		g[i].paylen = 500;
		g[i].ipid = (uint16_t)(100 + i / 2);
		g[i].vlan = (uint16_t)(i & 1 ? inband_b : 0);
	}
	ofl_gro_init(&ctx, sizeof(ctx), NULL);
	build_frames(g, 6, OFL_CHECKSUM_NONE, 0);
	for (i = 0; i < 6; i++) {
		rf[i].vlan_proto = i & 1 ? pb : pa;
		rf[i].vlan_tci = i & 1 ? tb : ta;
	}
	n = run_frames(6);
	/* one by one (no burst fast path): the same deliveries */
	{
		static struct ofl_gro_pkt one[2 * 6 + OFL_GRO_MAX_FLOWS];
		unsigned int m;
		int j = 0;

		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		for (i = 0; i < 6; i++) {
			assert_true(ofl_gro_receive(&ctx, &rf[i], one + j,
						    &m) >= 0);
			j += (int)m;
		}
		j += ofl_gro_flush(&ctx, one + j, OFL_GRO_MAX_FLOWS);
		assert_int_equal(j, n);
		for (k = 0; k < n; k++) {
			assert_int_equal(one[k].frame, pk[k].frame);
			assert_int_equal(one[k].len, pk[k].len);
			assert_int_equal(one[k].vlan_proto, pk[k].vlan_proto);
			assert_int_equal(one[k].vlan_tci, pk[k].vlan_tci);
		}
	}
	return n;
}

/*
 * A tag the device stripped (hardware VLAN acceleration): gro_list_prepare
 * compares p->vlan_all ^ skb->vlan_all (TPID and the whole TCI, PCP and
 * DEI included; no tag is vlan_all 0), so frames that differ only there
 * are two flows; the delivery carries the tag (merged or alone).
 */
static void vlan_stripped(void **state)
{
	static struct tseg g[4];
	int v6;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		/* equal tags: one flow (A0, B0 A1 merged, B1 A2 merged, B2:
		 * the same sequence numbers twice), the tag in each delivery */
		assert_int_equal(vlan_pair(v6, 0, 0x8100, 5, 0x8100, 5), 4);
		assert_int_equal(pk[0].kind, OFL_GRO_PKT_FRAME);
		assert_int_equal(pk[1].kind, OFL_GRO_PKT_MERGED);
		assert_int_equal(pk[1].vlan_proto, 0x8100);
		assert_int_equal(pk[1].vlan_tci, 5);
		assert_int_equal(pk[3].vlan_tci, 5);
		/* TCI, PCP, DEI, TPID, tag or none, proto 0 with a TCI,
		 * stripped or in the frame: two flows of 3 segments each */
		assert_int_equal(vlan_pair(v6, 0, 0x8100, 5, 0x8100, 6), 2);
		assert_int_equal(pk[0].vlan_tci, 5);
		assert_int_equal(pk[1].vlan_tci, 6);
		assert_int_equal(pk[0].gso_segs, 3);
		assert_int_equal(vlan_pair(v6, 0, 0x8100, 5, 0x8100,
					   0x2005), 2);
		assert_int_equal(vlan_pair(v6, 0, 0x8100, 5, 0x8100,
					   0x1005), 2);
		assert_int_equal(vlan_pair(v6, 0, 0x8100, 5, 0x88a8, 5), 2);
		assert_int_equal(pk[1].vlan_proto, 0x88a8);
		assert_int_equal(vlan_pair(v6, 0, 0, 0, 0x8100, 0), 2);
		assert_int_equal(pk[0].vlan_proto, 0);
		assert_int_equal(vlan_pair(v6, 0, 0, 0, 0, 5), 2);
		assert_int_equal(vlan_pair(v6, 5, 0x8100, 5, 0, 0), 2);
		assert_int_equal(pk[0].vlan_tci, 5);
		assert_int_equal(pk[1].vlan_tci, 0);
		assert_int_equal(pk[1].len, pk[0].len + 4);
		/* a frame passed up alone carries its tag */
		gc_data(g, v6, 2, 100);
		g[0].flags |= 0x02;	/* SYN: up alone */
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		build_frames(g, 2, OFL_CHECKSUM_NONE, 0);
		rf[0].vlan_proto = rf[1].vlan_proto = 0x88a8;
		rf[0].vlan_tci = rf[1].vlan_tci = 0xe007;
		assert_int_equal(run_frames(2), 2);
		assert_int_equal(pk[0].kind, OFL_GRO_PKT_FRAME);
		assert_int_equal(pk[0].vlan_proto, 0x88a8);
		assert_int_equal(pk[0].vlan_tci, 0xe007);
		assert_int_equal(pk[1].kind, OFL_GRO_PKT_FRAME);
		assert_int_equal(pk[1].vlan_tci, 0xe007);
	}
}

/*
 * GSO with the tag out of band: skb_segment copies vlan_all into every
 * segment (__copy_skb_header) and writes no tag into the bytes, so lib/gso
 * needs no field: the caller gives each segment the super-frame's tag (a
 * device without tx VLAN offload gets the tag in the bytes before GSO,
 * validate_xmit_vlan, which lib/gso handles as an in-band tag). GRO of
 * those segments with the tag gives back the super-frame and the tag.
 */
static void vlan_gso_roundtrip(void **state)
{
	static uint8_t super[70000], segs[140000];
	static struct tseg t;
	uint32_t lens[64];
	struct ofl_gso_frag fr;
	struct ofl_gso_meta m;
	size_t off = 0;
	int v6, n, i, k, len;

	(void)state;
	for (v6 = 0; v6 < 2; v6++) {
		tseg_init(&t, v6);
		t.paylen = 9000;
		len = tseg_build(&t, super, dm);
		assert_int_equal(ofl_gso_meta_from_frame(super, (size_t)len,
							 1448, &m), 0);
		fr.data = super;
		fr.len = (uint32_t)len;
		fr.reserved = 0;
		n = ofl_gso_segment(&fr, 1, &m, 0, segs, sizeof(segs), lens,
				    64);
		assert_true(n > 1);
		off = 0;
		for (i = 0; i < n; i++) {
			fp[i] = segs + off;
			fl[i] = lens[i];
			memset(&rf[i], 0, sizeof(rf[i]));
			rf[i].data = segs + off;
			rf[i].len = lens[i];
			rf[i].id = (uint32_t)i;
			rf[i].ip_summed = OFL_CHECKSUM_COMPLETE;
			rf[i].csum_start = 14;
			rf[i].csum = ofl_csum_partial(segs + off + 14,
						      lens[i] - 14, 0);
			rf[i].vlan_proto = 0x8100;
			rf[i].vlan_tci = 0x0123;
			off += lens[i];
		}
		ofl_gro_init(&ctx, sizeof(ctx), NULL);
		k = run_frames(n);
		assert_int_equal(k, 1);
		assert_int_equal(pk[0].vlan_proto, 0x8100);
		assert_int_equal(pk[0].vlan_tci, 0x0123);
		assert_int_equal(ofl_gro_pkt_linearize(&pk[0], fp, fl,
						       (uint32_t)n, lin,
						       sizeof(lin), 1), len);
		assert_memory_equal(lin, super, (size_t)len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(golden_cases),
		cmocka_unit_test(golden_udp_fwd),
		cmocka_unit_test(golden_vxlan),
		cmocka_unit_test(vxlan_merged_headers),
		cmocka_unit_test(vxlan_ip_id),
		cmocka_unit_test(vxlan_csum_truncated),
		cmocka_unit_test(geneve_rules),
		cmocka_unit_test(golden_iptun),
		cmocka_unit_test(iptun_merged_headers),
		cmocka_unit_test(iptun_ip_id),
		cmocka_unit_test(iptun_rules),
		cmocka_unit_test(iptun_udp),
		cmocka_unit_test(merged_headers_v4),
		cmocka_unit_test(merged_headers_v6_ext),
		cmocka_unit_test(fin_psh_ored),
		cmocka_unit_test(csum_unnecessary),
		cmocka_unit_test(profile_6_10),
		cmocka_unit_test(profile_7_0),
		cmocka_unit_test(profile_6_1_outer_csum),
		cmocka_unit_test(max_size_option),
		cmocka_unit_test(big_tcp),
		cmocka_unit_test(flush_old),
		cmocka_unit_test(pool_segs),
		cmocka_unit_test(bucket_order),
		cmocka_unit_test(errors),
		cmocka_unit_test(opts_sizes),
		cmocka_unit_test(truncated),
		cmocka_unit_test(gso_then_gro),
		cmocka_unit_test(golden_complete),
		cmocka_unit_test(complete_rules),
		cmocka_unit_test(complete_mixed),
		cmocka_unit_test(complete_tunnels),
		cmocka_unit_test(complete_errors),
		cmocka_unit_test(vlan_stripped),
		cmocka_unit_test(vlan_gso_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
