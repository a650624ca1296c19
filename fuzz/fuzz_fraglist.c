// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fraglist GRO then GSO (OFL_GRO_F_FRAGLIST, ofl_gso_list_fixup): a flow
 * derived from the input (IPv4/IPv6, TCP/UDP, segment count and sizes,
 * fixed or incrementing IDs, a changed field in one frame) goes through
 * lib/gro in one burst; every frame must come out exactly once, and every
 * fraglist delivery cut back by ofl_gso_list_fixup() must give each of its
 * frames back byte for byte (IPv4: but for the ID, numbered from the
 * head's, and the header checksum, which must verify). With a changed
 * destination port on the head (NAT), later frames must carry it with an
 * L4 checksum that verifies.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <offload/gro.h>
#include <offload/gso.h>
#include <offload/csum.h>
#include "../tests/gro/gro_frames.h"

#define NF 48
static uint8_t fb[NF][1600];
static const uint8_t *fp[NF];
static uint32_t fl[NF];
static uint8_t seen[NF];
static struct ofl_gro_ctx ctx;
static struct ofl_gro_pkt pk[2 * NF + OFL_GRO_MAX_FLOWS];
static uint8_t seg[1600];

static uint16_t ofl_load_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

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

static int l4_ok(const uint8_t *f, uint32_t len, int v6, int udp)
{
	uint32_t l4 = v6 ? 54 : 34;
	ofl_wsum s = ofl_csum_partial(f + l4, len - l4, 0);

	if (udp && !f[l4 + 6] && !f[l4 + 7])
		return 1;
	if (v6)
		return !ofl_csum_ipv6_magic(f + 22, f + 38, len - l4,
					    udp ? 17 : 6, s);
	return !ofl_csum_tcpudp_magic(ofl_load_ne32(f + 26),
				      ofl_load_ne32(f + 30), len - l4,
				      udp ? 17 : 6, s);
}

static void cut(const struct ofl_gro_pkt *p, int v6, int udp, int nat)
{
	struct ofl_gso_meta m;
	uint8_t head[OFL_GRO_MAX_HDR];
	uint32_t j, l4 = v6 ? 54 : 34;

	memset(&m, 0, sizeof(m));
	m.gso_type = p->gso_type;
	m.gso_size = p->gso_size;
	m.network_off = 14;
	m.transport_off = (uint16_t)l4;
	m.hdr_len = p->hdr_len;
	memcpy(head, p->hdr, p->hdr_len);
	if (nat) {
		struct ofl_csum_state st;
		uint8_t *ck = head + l4 + (udp ? 6 : 16);

		memset(&st, 0, sizeof(st));
		st.ip_summed = OFL_CHECKSUM_UNNECESSARY;
		if (!udp || ck[0] || ck[1])
			ofl_csum_proto_replace2(ck, &st,
						ofl_load_ne16(head + l4 + 2),
						(uint16_t)(ofl_load_ne16(head + l4 + 2) ^
							   0x5a5a), false);
		head[l4 + 2] ^= 0x5a;
		head[l4 + 3] ^= 0x5a;
	}
	for (j = 0; j < p->nslices; j++) {
		uint32_t id = p->slice[j].frame, len = fl[id];
		static uint8_t out[1600];

		if (p->slice[j].off != p->hdr_len ||
		    p->slice[j].off + p->slice[j].len != len)
			abort();
		memcpy(seg, j ? fb[id] : head, p->hdr_len);
		if (ofl_gso_list_fixup(seg, len, head, fb[p->slice[1].frame],
				       &m, j))
			abort();
		memcpy(out, seg, p->hdr_len);
		memcpy(out + p->hdr_len, fb[id] + p->hdr_len,
		       len - p->hdr_len);
		if (!l4_ok(out, len, v6, udp))
			abort();
		if (nat) {
			if (memcmp(out + l4, head + l4, 4))
				abort();
			continue;
		}
		if (!v6) {
			if (ofl_load_be16(out + 18) !=
			    (uint16_t)(ofl_load_be16(head + 18) + j) ||
			    ofl_csum_fold(ofl_csum_partial(out + 14, 20, 0)))
				abort();
			/* ID and header checksum aside, the frame itself */
			if (memcmp(out, fb[id], 18) ||
			    memcmp(out + 20, fb[id] + 20, 4) ||
			    memcmp(out + 26, fb[id] + 26, len - 26))
				abort();
		} else if (memcmp(out, fb[id], len)) {
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static const uint8_t dm[6] = { 2, 0, 0, 0, 0, 9 };
	struct ofl_gro_opts o = { sizeof(o), 0, 0, 0, OFL_GRO_F_FRAGLIST, 0, 0 };
	struct ofl_gro_frame f[NF];
	unsigned int nf, i, k, mlen;
	int v6, udp, r, m;
	uint32_t seq = 1000;

	if (n < 6)
		return 0;
	v6 = d[0] & 1;
	udp = (d[0] >> 1) & 1;
	nf = 2 + d[1] % (NF - 1);
	mlen = 1 + (uint32_t)(d[2] | d[3] << 8) % 1400;
	ofl_gro_init(&ctx, sizeof(ctx), &o);
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < nf; i++) {
		struct tseg s;
		uint8_t t = 6 + i < n ? d[6 + i] : 0;

		tseg_init(&s, v6);
		s.udp = udp;
		s.paylen = (int)(t == 0xfe ? mlen / 2 : mlen);
		s.seq = seq;
		s.ipid = (uint16_t)((d[0] & 4) ? 100 : 100 + i);
		if (t == 0xfd)
			s.ttl = 9;
		if (t == 0xfc)
			s.flags |= 0x08;
		if (t == 0xfb)
			s.frag = 0x8000;
		seq += (uint32_t)s.paylen;
		fl[i] = (uint32_t)tseg_build(&s, fb[i], dm);
		fp[i] = fb[i];
		memset(&f[i], 0, sizeof(f[i]));
		f[i].data = fb[i];
		f[i].len = fl[i];
		f[i].hash = 0;
		f[i].id = i;
		f[i].ip_summed = (d[4] & 1) ? OFL_CHECKSUM_UNNECESSARY :
					      OFL_CHECKSUM_NONE;
	}
	r = ofl_gro_receive_burst(&ctx, f, nf, pk, 2 * NF);
	if (r < 0)
		abort();
	m = ofl_gro_flush(&ctx, pk + r, OFL_GRO_MAX_FLOWS);
	if (m < 0)
		abort();
	for (k = 0; k < (unsigned int)(r + m); k++) {
		const struct ofl_gro_pkt *p = &pk[k];

		if (p->kind == OFL_GRO_PKT_FRAME) {
			if (seen[p->frame]++)
				abort();
			continue;
		}
		if (!(p->gso_type & OFL_GSO_FRAGLIST) || p->csum_start)
			abort();
		for (i = 0; i < p->nslices; i++)
			if (seen[p->slice[i].frame]++)
				abort();
		cut(p, v6, udp, (d[5] & 1));
	}
	for (i = 0; i < nf; i++)
		if (seen[i] != 1)
			abort();
	return 0;
}
