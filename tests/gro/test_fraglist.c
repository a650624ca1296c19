// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fraglist GRO and GSO (OFL_GRO_F_FRAGLIST, ofl_gso_list_fixup): the
 * outcomes the running 6.18 kernel gave with rx-gro-list on
 * (tests/gro/kdiff.sh, OFL_FRAGLIST), the form of a fraglist delivery
 * (every frame whole, only the IP and UDP lengths of the head changed, no
 * checksum touched), and GRO then GSO giving the frames back byte for
 * byte, with and without NAT of the head (skb_segment_list,
 * __udpv4/6_gso_segment_list_csum, __tcpv4/6_gso_segment_list_csum).
 */
#include <offload/gso.h>
#include <offload/csum.h>
#include "gro_unit.h"

static uint32_t ofl_load_be16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static void ofl_store_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* as stored (network order bytes in a host integer) */
static uint16_t ofl_load_ne16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static uint32_t ofl_load_ne32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void ofl_store_ne32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static uint16_t ofl_htons(uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	return ofl_load_ne16(b);
}

static uint8_t lin[70000], lin2[70000];
static struct tseg g[GRO_CASE_MAX_SEGS];

/* What the kernel delivered with rx-gro-list on (frame lengths in order,
 * "m" merged); every case of gro_cases.h matched it in kdiff.sh. */
static const struct golden golden_flist[] = {
	{ 0, "data_4x1000", "4054m" },
	{ 0, "data_mid_sml", "294m 154" },
	{ 0, "flags_psh", "254m 154 254m" },
	{ 0, "flags_fin", "254m 154 254m" },
	{ 0, "large_max", "64054m 1649m" },
	{ 0, "udp_same", "2042m" },
	{ 0, "udp_short_last", "1242m 542" },
	{ 0, "udp_many", "4138m 106 362m" },
	{ 0, "udp_large", "64442m 5642m" },
	{ 0, "udp_reserved_bit", "342 342 642m" },
	{ 0, "udp_between", "254m 142 154" },
	{ 1, "data_4x1000", "4074m" },
	{ 1, "flags_psh", "274m 174 274m" },
	{ 1, "large_max", "64074m 1649m" },
	{ 1, "udp_same", "2062m" },
	{ 1, "udp_large", "64462m 5662m" },
	{ 1, "v6ext_dst_same", "382m" },
};

/* gro_cases.h's case lists: gro_case_v, gro_vx_case, gro_ipt_case */
typedef int case_list(int c, int v6, struct tseg *g, const char **nm,
		      int *multi);

/* The case @name of @list (IPv6 if @v6) into g[]; its frame count. */
static int find_in(case_list *list, int v6, const char *name)
{
	const char *nm = NULL;
	int c, n, multi;

	for (c = 0; c < 200; c++) {
		n = list(c, v6, g, &nm, &multi);
		if (n < 0)
			break;
		if (!strcmp(nm, name))
			return n;
	}
	fail_msg("no case %s", name);
	return -1;
}

static int find_case(int v6, const char *name)
{
	return find_in(gro_case_v, v6, name);
}

/* GRO with OFL_GRO_F_FRAGLIST (| @flags): burst, flush; deliveries. */
static int run(int n, uint32_t flags, uint32_t csum)
{
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0,
				  OFL_GRO_F_FRAGLIST | flags, 0, 0 };
	struct ofl_gro_frame f[GRO_CASE_MAX_SEGS];

	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), &o), 0);
	gu_build(f, g, n, csum, 0);
	return gu_run(f, n);
}

static void golden_cases(void **state)
{
	static char got[4096];
	size_t i;

	(void)state;
	for (i = 0; i < OFL_ARRAY_SIZE(golden_flist); i++) {
		int n = find_case(golden_flist[i].v6, golden_flist[i].name);

		fmt(run(n, 0, OFL_CHECKSUM_NONE), got, sizeof(got));
		if (strcmp(got, golden_flist[i].out))
			fail_msg("%s/%s: got %s want %s",
				 golden_flist[i].v6 ? "v6" : "v4",
				 golden_flist[i].name, got,
				 golden_flist[i].out);
		/* rx-udp-gro-forwarding too changes nothing (is_flist) */
		fmt(run(n, OFL_GRO_F_UDP_FWD, OFL_CHECKSUM_NONE), got,
		    sizeof(got));
		assert_string_equal(got, golden_flist[i].out);
	}
}

/* The delivery: hdr[] = frame 0's headers with the IP (and UDP) length
 * of the whole, L4 checksum untouched; slice i = frame i's payload, its
 * offset = frame i's header length; not PARTIAL. */
static void check_delivery(const struct ofl_gro_pkt *p, int n, int v6,
			   int udp)
{
	uint32_t l3 = 14, l4 = v6 ? 54 : 34, hl = l4 + (udp ? 8 : 20);
	uint32_t want = v6 ? (udp ? OFL_GSO_UDP_L4 : OFL_GSO_TCPV6) :
			(udp ? OFL_GSO_UDP_L4 : OFL_GSO_TCPV4);
	int i;

	assert_int_equal(p->kind, OFL_GRO_PKT_MERGED);
	assert_int_equal(p->gso_type, OFL_GSO_FRAGLIST | want);
	assert_int_equal(p->gso_segs, n);
	assert_int_equal(p->nslices, n);
	assert_int_equal(p->gso_size, fl[0] - hl);
	assert_int_equal(p->csum_start, 0);
	assert_int_equal(p->csum_offset, 0);
	assert_int_equal(p->hdr_len, hl);
	for (i = 0; i < n; i++) {
		assert_int_equal(p->slice[i].frame, i);
		assert_int_equal(p->slice[i].off, hl);
		assert_int_equal(p->slice[i].len, fl[i] - hl);
	}
	/* everything but the lengths (and the IPv4 header checksum) is
	 * frame 0's */
	if (!v6) {
		assert_int_equal(ofl_load_be16(p->hdr + l3 + 2), p->len - l3);
		assert_int_equal(ofl_csum_fold(ofl_csum_partial(p->hdr + l3,
								20, 0)), 0);
		assert_memory_equal(p->hdr + l3 + 4, fb[0] + l3 + 4, 6);
		assert_memory_equal(p->hdr + l3 + 12, fb[0] + l3 + 12,
				    l4 - l3 - 12);
	} else {
		assert_int_equal(ofl_load_be16(p->hdr + l3 + 4),
				 p->len - l3 - 40);
		assert_memory_equal(p->hdr + l3 + 6, fb[0] + l3 + 6,
				    l4 - l3 - 6);
	}
	assert_memory_equal(p->hdr, fb[0], l3);
	if (udp) {
		assert_int_equal(ofl_load_be16(p->hdr + l4 + 4), p->len - l4);
		assert_memory_equal(p->hdr + l4, fb[0] + l4, 4);
		assert_memory_equal(p->hdr + l4 + 6, fb[0] + l4 + 6, 2);
	} else {
		assert_memory_equal(p->hdr + l4, fb[0] + l4, 20);
	}
	/* linearize: the same bytes with or without completion */
	assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, (uint32_t)n, lin,
					       sizeof(lin), 1), (int)p->len);
	assert_int_equal(ofl_gro_pkt_linearize(p, fp, fl, (uint32_t)n, lin2,
					       sizeof(lin2), 0), (int)p->len);
	assert_memory_equal(lin, lin2, p->len);
}

static void delivery_form(void **state)
{
	static const char *const nm[] = { "data_4x1000", "udp_same" };
	int v6, u, n;

	(void)state;
	for (v6 = 0; v6 < 2; v6++)
		for (u = 0; u < 2; u++) {
			n = find_case(v6, nm[u]);
			assert_int_equal(run(n, 0, OFL_CHECKSUM_NONE), 1);
			check_delivery(&pk[0], n, v6, u);
			assert_int_equal(run(n, 0, OFL_CHECKSUM_UNNECESSARY),
					 1);
			check_delivery(&pk[0], n, v6, u);
		}
}

/*
 * udp_fwd vs fraglist, on the frame the IP layer flushes (reserved bit):
 * with CHECKSUM_NONE it was not validated, its ip_summed differs from the
 * held flow's and udp_gro_receive_segment leaves the flow held (the frame
 * goes up first); a device-verified frame reaches skb_gro_receive_list,
 * which refuses it and ends the flow (frame 0 goes up first).
 */
static void ip_summed_rule(void **state)
{
	/* CHECKSUM_COMPLETE: validated frames stay COMPLETE
	 * (__skb_incr_checksum_unnecessary leaves it), so the flushed frame's
	 * ip_summed equals the held one's, as for UNNECESSARY (from the
	 * source: the running kernel cannot be fed COMPLETE from here) */
	static const struct {
		uint32_t csum;
		int first;	/* the frame that goes up first */
	} want[] = {
		{ OFL_CHECKSUM_NONE, 1 },
		{ OFL_CHECKSUM_UNNECESSARY, 0 },
		{ OFL_CHECKSUM_COMPLETE, 0 },
	};
	size_t i;
	int n;

	(void)state;
	n = find_case(0, "udp_reserved_bit");
	for (i = 0; i < OFL_ARRAY_SIZE(want); i++) {
		assert_int_equal(run(n, 0, want[i].csum), 3);
		assert_int_equal(pk[0].frame, want[i].first);
		assert_int_equal(pk[1].frame, !want[i].first);
		assert_int_equal(pk[2].kind, OFL_GRO_PKT_MERGED);
	}
}

/* A TCP segment with PSH: merged in a plain flow (and ends it), under
 * rx-gro-list its flags differ from the held ones: the flow ends, the
 * segment goes up alone; a flow holds at most 64 segments. */
static void tcp_rules(void **state)
{
	char got[256];
	int n, i;

	(void)state;
	n = find_case(0, "flags_psh");
	fmt(run(n, 0, OFL_CHECKSUM_NONE), got, sizeof(got));
	assert_string_equal(got, "254m 154 254m");
	n = gc_data(g, 0, 70, 10);
	fmt(run(n, 0, OFL_CHECKSUM_NONE), got, sizeof(got));
	assert_string_equal(got, "694m 114m");
	for (i = 0; i < 64; i++)
		assert_int_equal(pk[0].slice[i].frame, i);
}

static struct ofl_gso_meta meta_of(const struct ofl_gro_pkt *p, int v6)
{
	struct ofl_gso_meta m;

	memset(&m, 0, sizeof(m));
	m.gso_type = p->gso_type;
	m.gso_size = p->gso_size;
	m.network_off = 14;
	m.transport_off = (uint16_t)(v6 ? 54 : 34);
	m.hdr_len = p->hdr_len;
	m.ip_summed = OFL_CHECKSUM_NONE;
	return m;
}

/* GRO then ofl_gso_list_fixup: each frame back byte for byte (the IDs of
 * gc_data are consecutive, which inet_gso_segment rewrites them to). */
static void roundtrip(void **state)
{
	static const char *const nm[] = { "data_4x1000", "udp_same",
					  "udp_large", "v6ext_dst_same" };
	static uint8_t seg[256];
	unsigned int c;
	int v6;

	(void)state;
	for (c = 0; c < OFL_ARRAY_SIZE(nm); c++)
		for (v6 = 0; v6 < 2; v6++) {
			int n, k, i, done = 0;

			if (c == 3 && !v6)
				continue;
			n = find_case(v6, nm[c]);
			k = run(n, 0, OFL_CHECKSUM_NONE);
			for (i = 0; i < k; i++) {
				const struct ofl_gro_pkt *p = &pk[i];
				struct ofl_gso_meta m = meta_of(p, v6);
				uint32_t j;

				if (p->kind != OFL_GRO_PKT_MERGED)
					continue;
				if (c == 3)
					m.transport_off = 62;
				for (j = 0; j < p->nslices; j++) {
					const struct ofl_gro_slice *s =
						&p->slice[j];

					memcpy(seg, j ? fb[s->frame] : p->hdr,
					       p->hdr_len);
					assert_int_equal(ofl_gso_list_fixup(
						seg, fl[s->frame], p->hdr,
						j ? fb[p->slice[1].frame] : NULL,
						&m, j), 0);
					assert_memory_equal(seg, fb[s->frame],
							    p->hdr_len);
					assert_int_equal(s->off, p->hdr_len);
					done++;
				}
			}
			assert_int_equal(done, n);
		}
}

/* Forwarding with NAT on the head (ip_forward: TTL; a DNAT of the
 * destination address and port): the head's MAC header goes to every
 * segment, its address and port too with the L4 checksum updated, its TTL
 * does not (the frames keep theirs); every checksum is valid. */
static void nat(void **state)
{
	static uint8_t seg[256], frame[2048], head[256];
	int v6, u;

	(void)state;
	for (v6 = 0; v6 < 2; v6++)
		for (u = 0; u < 2; u++) {
			int n = find_case(v6, u ? "udp_same" : "data_4x1000");
			const struct ofl_gro_pkt *p = &pk[0];
			struct ofl_gso_meta m;
			uint32_t l4 = v6 ? 54 : 34, j, da = v6 ? 14 + 24 : 14 + 16;
			struct ofl_csum_state st;
			uint16_t port = 4242;

			assert_int_equal(run(n, 0, OFL_CHECKSUM_NONE), 1);
			m = meta_of(p, v6);
			memcpy(head, p->hdr, p->hdr_len);
			/* new MACs, TTL - 1, destination NAT */
			memset(head, 0xaa, 12);
			memset(&st, 0, sizeof(st));
			st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
			if (v6) {
				uint8_t a[16];

				head[14 + 7]--;
				memcpy(a, head + da, 16);
				a[15] = 0x77;
				ofl_csum_proto_replace16(head + l4 + (u ? 6 : 16),
							 &st, head + da, a,
							 true);
				memcpy(head + da, a, 16);
			} else {
				uint32_t a = ofl_load_ne32(head + da);
				uint32_t b = a ^ ofl_load_ne32((const uint8_t *)"\0\0\0\x77");

				head[14 + 8]--;
				ofl_csum_proto_replace4(head + l4 + (u ? 6 : 16),
							&st, a, b, true);
				ofl_store_ne32(head + da, b);
			}
			ofl_csum_proto_replace2(head + l4 + (u ? 6 : 16), &st,
						ofl_load_ne16(head + l4 + 2),
						ofl_htons(port), false);
			ofl_store_be16(head + l4 + 2, port);
			for (j = 0; j < p->nslices; j++) {
				uint32_t f = p->slice[j].frame, len = fl[f];

				memcpy(seg, j ? fb[f] : head, p->hdr_len);
				assert_int_equal(ofl_gso_list_fixup(seg, len,
					head, fb[p->slice[1].frame], &m, j), 0);
				memcpy(frame, seg, p->hdr_len);
				memcpy(frame + p->hdr_len, fb[f] + p->hdr_len,
				       len - p->hdr_len);
				assert_memory_equal(frame, head, 12);
				assert_memory_equal(frame + da, head + da,
						    v6 ? 16 : 4);
				assert_int_equal(ofl_load_be16(frame + l4 + 2),
						 port);
				/* TTL / hop limit: the head's decremented,
				 * the others their own */
				assert_int_equal(frame[v6 ? 21 : 22],
						 j ? fb[f][v6 ? 21 : 22] :
						 head[v6 ? 21 : 22]);
				if (!v6)
					assert_int_equal(ofl_csum_fold(
						ofl_csum_partial(frame + 14,
								 20, 0)), 0);
				/* the L4 checksum verifies */
				if (v6)
					assert_int_equal(ofl_csum_ipv6_magic(
						frame + 22, frame + 38,
						len - l4, u ? 17 : 6,
						ofl_csum_partial(frame + l4,
							len - l4, 0)), 0);
				else
					assert_int_equal(ofl_csum_tcpudp_magic(
						ofl_load_ne32(frame + 26),
						ofl_load_ne32(frame + 30),
						len - l4, u ? 17 : 6,
						ofl_csum_partial(frame + l4,
							len - l4, 0)), 0);
			}
		}
}

static void errors(void **state)
{
	/* gso_types ofl_gso_list_fixup refuses for the UDP delivery: not a
	 * fraglist, a DODGY bit, a TCP type (offsets that do not match) */
	static const struct {
		uint32_t gso_type;
		int err;
	} bad_type[] = {
		{ OFL_GSO_UDP_L4, OFL_EINVAL },
		{ OFL_GSO_FRAGLIST | OFL_GSO_UDP_L4 | OFL_GSO_DODGY,
		  OFL_EOPNOTSUPP },
		{ OFL_GSO_FRAGLIST | OFL_GSO_TCPV4, OFL_EINVAL },
	};
	static uint8_t seg[256];
	static struct ofl_gro_ctx c61;
	struct ofl_gro_opts o61 = { sizeof(o61), OFL_GRO_PROFILE_6_1, 0, 0,
				    OFL_GRO_F_FRAGLIST, 0, 0 };
	struct ofl_gso_meta m;
	size_t i;
	int n;

	(void)state;
	/* profile 6.1: not modelled (no TCP fraglist GRO before 6.10) */
	assert_int_equal(ofl_gro_init(&c61, sizeof(c61), &o61),
			 OFL_EOPNOTSUPP);
	o61.profile = OFL_GRO_PROFILE_6_10;
	assert_int_equal(ofl_gro_init(&c61, sizeof(c61), &o61), 0);
	n = find_case(0, "udp_same");
	assert_int_equal(run(n, 0, OFL_CHECKSUM_NONE), 1);
	m = meta_of(&pk[0], 0);
	memcpy(seg, fb[1], pk[0].hdr_len);
	assert_int_equal(ofl_gso_list_fixup(NULL, fl[1], pk[0].hdr, fb[1],
					    &m, 1), OFL_EINVAL);
	assert_int_equal(ofl_gso_list_fixup(seg, fl[1], pk[0].hdr, NULL,
					    &m, 1), OFL_EINVAL);
	for (i = 0; i < OFL_ARRAY_SIZE(bad_type); i++) {
		m.gso_type = bad_type[i].gso_type;
		assert_int_equal(ofl_gso_list_fixup(seg, fl[1], pk[0].hdr,
						    fb[1], &m, 1),
				 bad_type[i].err);
	}
	m = meta_of(&pk[0], 0);
	assert_int_equal(ofl_gso_list_fixup(seg, 10, pk[0].hdr, fb[1], &m, 1),
			 OFL_EINVAL);
	/* a head that is not gso_size long: Linux's linear path */
	memcpy(seg, pk[0].hdr, pk[0].hdr_len);
	assert_int_equal(ofl_gso_list_fixup(seg, fl[0] - 1, pk[0].hdr, NULL,
					    &m, 0), OFL_ERANGE);
	/* nothing written on error */
	assert_memory_equal(seg, pk[0].hdr, pk[0].hdr_len);
	assert_int_equal(ofl_gro_init(&ctx, sizeof(ctx), NULL), 0);
}

/*
 * Tunnels under rx-gro-list: what the running 6.18 kernel delivered
 * (kdiff.sh, OFL_FRAGLIST with OFL_VXLAN / OFL_IPTUN): lengths, "m" and
 * the full gso_type of merged frames. Inner TCP and UDP of VXLAN and
 * inner TCP of GRE/IP-in-IP are fraglist frames with the tunnel's bit;
 * inner UDP of GRE/IP-in-IP is merged by the list rules but completed as
 * plain UDP GRO (PARTIAL, UDP_L4 | GRE or IPXIP6: encap_mark).
 */
static const struct {
	int ipt, v6;
	const char *name, *out;
} golden_tun[] = {
	{ 0, 0, "vx_data", "4104m40401" },
	{ 0, 0, "vx_ocsum", "4104m40801" },
	{ 0, 0, "vx_udp", "4092m60400" },
	{ 0, 0, "vx_udp_short_last", "1292m60400 592" },
	{ 0, 1, "vx_i6_data", "4144m40410" },
	{ 0, 0, "vx_psh", "1104 1104 2104m40401" },
	{ 0, 0, "vx_large_max", "64504m40401 1504" },
	{ 1, 0, "gre_data", "4078m40041" },
	{ 1, 0, "gre_csum", "4082m40041" },
	{ 1, 0, "gre_inner_udp", "4066m20040" },
	{ 1, 0, "ipip_i6_data", "4094m40110" },
	{ 1, 1, "ipip_udp", "4082m20200" },
	{ 1, 0, "gre_large_max", "64478m40041 1478" },
};

static int find_tun(int ipt, int v6, const char *name)
{
	return find_in(ipt ? gro_ipt_case : gro_vx_case, v6, name);
}

static void tunnels(void **state)
{
	static char got[4096];
	size_t i, o;
	int k, j, n;

	(void)state;
	for (i = 0; i < OFL_ARRAY_SIZE(golden_tun); i++) {
		n = find_tun(golden_tun[i].ipt, golden_tun[i].v6,
			     golden_tun[i].name);
		k = run(n, golden_tun[i].ipt ? 0 : OFL_GRO_F_VXLAN,
			OFL_CHECKSUM_NONE);
		for (j = 0, o = 0, got[0] = 0; j < k; j++)
			o += (size_t)snprintf(got + o, sizeof(got) - o,
				pk[j].kind == OFL_GRO_PKT_MERGED ?
				"%s%um%x" : "%s%u", j ? " " : "", pk[j].len,
				pk[j].gso_type);
		if (strcmp(got, golden_tun[i].out))
			fail_msg("%s: got %s want %s", golden_tun[i].name,
				 got, golden_tun[i].out);
	}
	/* vx_ocsum: a fraglist delivery; the outer UDP checksum holds the
	 * pseudo-header sum of the whole (udp4_gro_complete), the inner TCP
	 * checksum is frame 0's, nothing is completed */
	n = find_tun(0, 0, "vx_ocsum");
	assert_int_equal(run(n, OFL_GRO_F_VXLAN, OFL_CHECKSUM_NONE), 1);
	assert_int_equal(pk[0].csum_start, 0);
	assert_int_equal(pk[0].ocsum_start, 0);
	for (j = 0; j < n; j++)
		assert_int_equal(pk[0].slice[j].off, pk[0].hdr_len);
	assert_int_equal(ofl_load_be16(pk[0].hdr + 34 + 4), pk[0].len - 34);
	{
		ofl_be32 sa, da;
		uint16_t want, have;

		memcpy(&sa, fb[0] + 26, 4);
		memcpy(&da, fb[0] + 30, 4);
		want = (uint16_t)~(OFL_FORCE uint16_t)ofl_csum_tcpudp_magic(
			sa, da, pk[0].len - 34, 17, 0);
		memcpy(&have, pk[0].hdr + 34 + 6, 2);
		assert_int_equal(have, want);
		assert_true(ofl_load_be16(fb[0] + 34 + 6) != 0);
	}
	assert_memory_equal(pk[0].hdr + pk[0].hdr_len - 20 + 16,
			    fb[0] + pk[0].hdr_len - 20 + 16, 2);
	assert_int_equal(ofl_gro_pkt_linearize(&pk[0], fp, fl, (uint32_t)n,
					       lin, sizeof(lin), 1),
			 (int)pk[0].len);
	assert_memory_equal(lin, pk[0].hdr, pk[0].hdr_len);
	/* gre_inner_udp: PARTIAL at the inner UDP header */
	n = find_tun(1, 0, "gre_inner_udp");
	assert_int_equal(run(n, 0, OFL_CHECKSUM_NONE), 1);
	assert_int_equal(pk[0].csum_start, 58);
	assert_int_equal(pk[0].csum_offset, 6);
	/* without tunnel GRO (OFL_GRO_F_NO_IPTUN) GRE goes up alone */
	assert_int_equal(run(n, OFL_GRO_F_NO_IPTUN, OFL_CHECKSUM_NONE), n);
}

/* A fraglist super-frame made linear (its geometry changed): ofl_gso_init
 * takes it as __udp_gso_segment does, plain UDP_L4 with the checksum set
 * up from the addresses: every segment's checksum verifies. */
static void linear_path(void **state)
{
	static uint8_t h[256];
	struct ofl_gso_frag fr;
	struct ofl_gso_iter it;
	struct ofl_gso_meta m;
	struct ofl_gso_seg s;
	int n, len, r, cnt = 0;

	(void)state;
	n = find_case(0, "udp_same");
	assert_int_equal(run(n, 0, OFL_CHECKSUM_NONE), 1);
	len = ofl_gro_pkt_linearize(&pk[0], fp, fl, (uint32_t)n, lin,
				    sizeof(lin), 0);
	assert_true(len > 0);
	m = meta_of(&pk[0], 0);
	m.gso_size = 300;
	m.ip_summed = OFL_CHECKSUM_UNNECESSARY; /* not read for FRAGLIST */
	fr.data = lin;
	fr.len = (uint32_t)len;
	fr.reserved = 0;
	assert_int_equal(ofl_gso_init(&it, &fr, 1, &m, 0), 0);
	while ((r = ofl_gso_next(&it, h, sizeof(h), &s)) == 1) {
		memcpy(lin2, h, s.hdr_len);
		memcpy(lin2 + s.hdr_len, lin + s.payload_off, s.payload_len);
		assert_int_equal(ofl_csum_tcpudp_magic(
			ofl_load_ne32(lin2 + 26), ofl_load_ne32(lin2 + 30),
			s.hdr_len - 34 + s.payload_len, 17,
			ofl_csum_partial(lin2 + 34,
					 s.hdr_len - 34 + s.payload_len, 0)),
			0);
		cnt++;
	}
	assert_int_equal(r, 0);
	assert_int_equal(cnt, (2000 + 299) / 300);
	m.gso_type |= OFL_GSO_UDP_TUNNEL;
	assert_int_equal(ofl_gso_init(&it, &fr, 1, &m, 0), OFL_EOPNOTSUPP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(golden_cases),
		cmocka_unit_test(delivery_form),
		cmocka_unit_test(ip_summed_rule),
		cmocka_unit_test(tcp_rules),
		cmocka_unit_test(roundtrip),
		cmocka_unit_test(nat),
		cmocka_unit_test(errors),
		cmocka_unit_test(linear_path),
		cmocka_unit_test(tunnels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
