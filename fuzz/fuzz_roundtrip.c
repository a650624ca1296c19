// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Issue 12: both round trips of tests/core/roundtrip.h on a flow derived
 * from the input (IP versions, VLAN, IPv6 extension header, TCP or UDP,
 * VXLAN/GENEVE/GRE/IP-in-IP with their options, fixed IDs, DF, flags, CWR
 * per profile, segment count, MSS, last segment size). GRO then GSO must
 * give back every frame GRO merged; GSO then GRO the super-frame. Any
 * mismatch aborts (the reason is printed first).
 */
#include <stdint.h>
#include <stdlib.h>
#include "../tests/core/roundtrip.h"

static const uint8_t exts[4] = { 0, 1, 60, 43 };

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct rt_flow w;
	int tun, mss, r;

	if (n < 8)
		return 0;
	memset(&w, 0, sizeof(w));
	tseg_init(&w.t, d[0] & 1);
	w.t.udp = (d[0] >> 1) & 1;
	tun = (d[0] >> 2) % 5;	/* none, VXLAN, GENEVE, GRE, IP-in-IP */
	if (tun) {
		w.t.vx = 1 + ((d[0] >> 5) & 1);
		w.t.ocsum = (d[0] >> 6) & 1;
		w.t.gnv = tun == 2;
		w.t.gnvopt = (uint8_t)(d[1] & 3);
		w.t.gnvfill = d[7];
		w.t.gre = tun == 3;
		w.t.ipip = tun == 4;
		w.t.grekey = (d[1] >> 2) & 1;
		w.t.grecsum = (d[1] >> 3) & 1;
		w.t.teb = tun == 3 && ((d[1] >> 4) & 1);
		w.t.vni = d[7];
		w.t.oidfix = (d[2] >> 1) & 1;
	} else {
		w.t.vlan = (uint16_t)((d[0] >> 7) ? 100 : 0);
	}
	if (w.t.v6) {
		uint8_t e = exts[(d[1] >> 5) & 3];

		w.t.has_ext = e != 0;
		w.t.ext = (uint8_t)(e == 1 ? 0 : e);
		w.t.extfill = d[7];
	}
	if (!w.t.udp && (d[1] & 0x80))
		tseg_ts(&w.t, 0x01020304u * d[7], d[7] % 3);
	w.idfix = d[2] & 1;
	w.profile = (uint32_t)((d[2] >> 3) & 3) % 3;
	/* DF clear; before 6.18 (the 6.10 profile) a fixed ID is taken
	 * only with DF (inet_gro_flush), so GSO->GRO would not merge */
	w.t.df = !((d[2] >> 2) & 1) ||
		 (w.profile == OFL_GRO_PROFILE_6_10 && (w.idfix || w.t.oidfix));
	w.t.odf = w.t.df;
	if (!w.t.udp) {
		w.last_flags = (uint8_t)(d[2] & 0x20 ? 0x08 : 0) |
			       (uint8_t)(d[2] & 0x40 ? 0x01 : 0);
		if (d[2] & 0x80) {
			w.first_flags = 0x80;	/* CWR */
			w.cwr_all = w.profile == OFL_GRO_PROFILE_7_0;
		}
	}
	w.t.seq = (uint32_t)d[6] << 24 | (uint32_t)d[5] << 8;
	mss = 1 + (d[3] | d[4] << 8) % 1400;
	w.mss = mss;
	w.nseg = 1 + d[5] % 70;
	if (w.nseg * mss > 60000)
		w.nseg = 60000 / mss;
	w.last = 1 + (d[6] | d[7] << 8) % mss;
	if (rt_gro_gso(&w) < 0) {
		fprintf(stderr, "gro->gso: %s\n", rt.msg);
		abort();
	}
	if (w.nseg < 2 || w.nseg > OFL_GRO_MAX_SEGS)
		return 0;
	r = rt_gso_gro(&w);
	if (r < 0) {
		fprintf(stderr, "gso->gro: %s\n", rt.msg);
		abort();
	}
	return 0;
}
