// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Conformance vectors of lib/gso (included by conf_run.c): two known
 * answers (below) and generated per-segment header fix-ups (outputs folded
 * into the digest; the kernel comparison itself is tests/gso/kernel_gso.c). Headers: Ethernet, IPv4 or
 * IPv6 (0..2 extension headers), TCP (options) or UDP, bare or inside
 * VXLAN (with/without outer checksum), GENEVE, GRE (with/without
 * checksum), IP-in-IP; random fields, AccECN/FIXEDID/GSO_PARTIAL bits,
 * first/middle/last segments, GSO_PARTIAL segments as skb_segment cuts
 * them (checksummed tunnels first), PARTIAL and complete checksums; plus records
 * the fix-up must refuse (headers past the end, offsets out of range).
 */

static unsigned int ofl_conf_gso_ip(struct ofl_conf *c, uint8_t *p, int v6,
				    uint8_t proto, unsigned int n_ext)
{
	unsigned int i, at;

	if (!v6) {
		ofl_conf_fill(c, p, 20);
		p[0] = 0x45;
		p[6] = 0x40;	/* DF */
		p[7] = 0;
		p[9] = proto;
		p[12] = 198;
		p[13] = 18;
		p[16] = 198;
		p[17] = 19;
		return 20;
	}
	ofl_conf_fill(c, p, 40);
	p[0] = 0x60;
	p[8] = 0x20; p[9] = 0x01; p[10] = 0x0d; p[11] = 0xb8;
	p[24] = 0x20; p[25] = 0x01; p[26] = 0x0d; p[27] = 0xb8;
	at = 40;
	p[6] = n_ext ? 60 : proto;
	for (i = 0; i < n_ext; i++) {
		ofl_conf_fill(c, p + at, 8);
		p[at] = i + 1 < n_ext ? 60 : proto;
		p[at + 1] = 0;
		at += 8;
	}
	return at;
}

/* One record: returns its length. */
static unsigned int ofl_conf_gso_record(struct ofl_conf *c, unsigned int k)
{
	uint8_t *in = c->in, *h = c->in + OFL_CONF_GSO_REC;
	uint32_t r = ofl_conf_rand32(c), type, mss, segs, idx, total, plen;
	unsigned int tun = k % 7, ov6 = (r >> 3) & 1, iv6 = (r >> 4) & 1;
	unsigned int udp = (r >> 5) & 1, at = 0, no, to = 0, ino = 0, l4;
	uint8_t iproto = udp ? 17 : 6;

	ofl_conf_fill(c, h, 12);
	h[12] = iv6 && !tun ? 0x86 : ov6 && tun ? 0x86 : 0x08;
	h[13] = h[12] == 0x86 ? 0xdd : 0x00;
	at = 14;
	no = at;
	type = udp ? OFL_GSO_UDP_L4 : iv6 ? OFL_GSO_TCPV6 : OFL_GSO_TCPV4;
	if (tun) {
		uint8_t op = tun <= 3 ? 17 : tun <= 5 ? 47 : iv6 ? 41 : 4;

		at += ofl_conf_gso_ip(c, h + at, (int)ov6, op, 0);
		to = at;
		if (tun <= 3) {
			ofl_conf_fill(c, h + at, 16);
			h[at + 2] = 0x12;
			h[at + 3] = tun == 3 ? 0xc1 : 0xb5;
			if (tun != 2)
				h[at + 6] = h[at + 7] = 0;
			type |= tun == 2 ? OFL_GSO_UDP_TUNNEL_CSUM
					 : OFL_GSO_UDP_TUNNEL;
			at += 16;
			ofl_conf_fill(c, h + at, 12);
			h[at + 12] = iv6 ? 0x86 : 0x08;
			h[at + 13] = iv6 ? 0xdd : 0x00;
			at += 14;
		} else if (tun <= 5) {
			ofl_conf_fill(c, h + at, 8);
			h[at] = tun == 5 ? 0x80 : 0;
			h[at + 1] = 0;
			h[at + 2] = iv6 ? 0x86 : 0x08;
			h[at + 3] = iv6 ? 0xdd : 0x00;
			type |= tun == 5 ? OFL_GSO_GRE_CSUM : OFL_GSO_GRE;
			at += tun == 5 ? 8 : 4;
		} else {
			type |= ov6 ? OFL_GSO_IPXIP6 : OFL_GSO_IPXIP4;
		}
		ino = at;
	}
	at += ofl_conf_gso_ip(c, h + at, (int)iv6, iproto,
			      iv6 ? (r >> 6) % 3 : 0);
	l4 = at;
	if (udp) {
		ofl_conf_fill(c, h + at, 8);
		at += 8;
	} else {
		unsigned int doff = 5 + (r >> 8) % 11;

		ofl_conf_fill(c, h + at, doff * 4);
		h[at + 12] = (uint8_t)(doff << 4);
		at += doff * 4;
	}
	if ((r >> 12) & 1)
		type |= OFL_GSO_TCP_ACCECN;
	if (((r >> 13) & 3) == 0)
		type |= OFL_GSO_TCP_FIXEDID;
	if (((r >> 15) & 3) == 0)
		type |= OFL_GSO_TCP_FIXEDID_INNER;
	if (((r >> 17) & 3) == 0)
		type |= OFL_GSO_PARTIAL;
	mss = 1 + ofl_conf_rand32(c) % 9000;
	segs = 2 + ofl_conf_rand32(c) % 44;
	total = mss * (segs - 1) + 1 + ofl_conf_rand32(c) % mss;
	idx = k % 3 == 0 ? 0 : k % 3 == 1 ? segs - 1 : ofl_conf_rand32(c) % segs;
	plen = idx + 1 == segs ? total - mss * idx : mss;
	ofl_conf_put_le32(in, type);
	ofl_conf_put_le16(in + 4, (uint16_t)mss);
	ofl_conf_put_le16(in + 6, (uint16_t)no);
	ofl_conf_put_le16(in + 8, (uint16_t)(tun ? to : l4));
	ofl_conf_put_le16(in + 10, (uint16_t)ino);
	ofl_conf_put_le16(in + 12, (uint16_t)(tun ? l4 : 0));
	ofl_conf_put_le16(in + 14, (uint16_t)at);
	ofl_conf_put_le16(in + 16, (uint16_t)l4);
	ofl_conf_put_le16(in + 18, udp ? 6 : 16);
	in[20] = OFL_CHECKSUM_PARTIAL;
	ofl_conf_put_le32(in + 21, mss * idx);
	if ((type & OFL_GSO_PARTIAL) && idx == 0 && segs > 2) {
		plen = mss * (segs - 1);	/* the big segment */
		ofl_conf_put_le32(in + 37, segs - 1);
	} else {
		ofl_conf_put_le32(in + 37, 1);
	}
	ofl_conf_put_le32(in + 25, plen);
	ofl_conf_put_le32(in + 29, total);
	ofl_conf_put_le32(in + 33, idx);
	in[41] = idx == 0;
	in[42] = mss * idx + plen == total;
	ofl_conf_put_le16(in + 43, (uint16_t)((r >> 20) & 1));
	ofl_conf_fill(c, in + 45, 4);
	return OFL_CONF_GSO_REC + at;
}

/*
 * Known answers, computed independently (RFC 1071 arithmetic, not this
 * library): a TSO4 super-frame (Eth/IPv4 ID 0x1234 DF/TCP, seq 0x01000000,
 * CWR|ACK|PSH|FIN, 2500 payload bytes, the TCP field holding the folded
 * pseudo-header sum for L4 length 2520), MSS 1000, the middle segment:
 * IPv4 total length 1040, ID 0x1235, header checksum 988b; seq +1000; FIN,
 * PSH and CWR cleared; TCP field the pseudo-header sum for 1020 (902a) with
 * OFL_GSO_F_CSUM_PARTIAL, or the complete checksum (1fc3) over a payload of
 * 1000 bytes of 0x01 (sum f5f5) without it.
 */
static const uint8_t ofl_conf_gso_ka_in[54] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x00, 0x45, 0x00, 0x09, 0xec, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06,
		0x00, 0x00, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02, 0x04, 0xd2,
		0x00, 0x50, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x50, 0x99,
		0xff, 0xff, 0x96, 0x06, 0x00, 0x00,
};
static const uint8_t ofl_conf_gso_ka_partial[54] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x00, 0x45, 0x00, 0x04, 0x10, 0x12, 0x35, 0x40, 0x00, 0x40, 0x06,
		0x98, 0x8b, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02, 0x04, 0xd2,
		0x00, 0x50, 0x01, 0x00, 0x03, 0xe8, 0x00, 0x00, 0x00, 0x02, 0x50, 0x10,
		0xff, 0xff, 0x90, 0x2a, 0x00, 0x00,
};
static const uint8_t ofl_conf_gso_ka_complete[54] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x00, 0x45, 0x00, 0x04, 0x10, 0x12, 0x35, 0x40, 0x00, 0x40, 0x06,
		0x98, 0x8b, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02, 0x04, 0xd2,
		0x00, 0x50, 0x01, 0x00, 0x03, 0xe8, 0x00, 0x00, 0x00, 0x02, 0x50, 0x10,
		0xff, 0xff, 0x1f, 0xc3, 0x00, 0x00,
};

static void ofl_conf_gso_known(struct ofl_conf *c)
{
	uint8_t want[4 + 54];
	unsigned int i, mode;

	for (mode = 0; mode < 2; mode++) {
		for (i = 0; i < OFL_CONF_GSO_REC; i++)
			c->in[i] = 0;
		ofl_conf_put_le32(c->in, OFL_GSO_TCPV4);
		ofl_conf_put_le16(c->in + 4, 1000);	/* gso_size */
		ofl_conf_put_le16(c->in + 6, 14);	/* network_off */
		ofl_conf_put_le16(c->in + 8, 34);	/* transport_off */
		ofl_conf_put_le16(c->in + 14, 54);	/* hdr_len */
		ofl_conf_put_le16(c->in + 16, 34);	/* csum_start */
		ofl_conf_put_le16(c->in + 18, 16);	/* csum_offset */
		c->in[20] = OFL_CHECKSUM_PARTIAL;
		ofl_conf_put_le32(c->in + 21, 1000);	/* payload_off */
		ofl_conf_put_le32(c->in + 25, 1000);	/* payload_len */
		ofl_conf_put_le32(c->in + 29, 2500);	/* total_len */
		ofl_conf_put_le32(c->in + 33, 1);	/* id_delta */
		ofl_conf_put_le32(c->in + 37, 1);	/* gso_segs */
		ofl_conf_put_le16(c->in + 43, mode ? 0 : OFL_GSO_F_CSUM_PARTIAL);
		c->in[45] = 0xf5;	/* payload sum, symmetric bytes */
		c->in[46] = 0xf5;
		for (i = 0; i < 54; i++) {
			c->in[OFL_CONF_GSO_REC + i] = ofl_conf_gso_ka_in[i];
			want[4 + i] = mode ? ofl_conf_gso_ka_complete[i] :
					     ofl_conf_gso_ka_partial[i];
		}
		want[0] = want[1] = want[2] = want[3] = 0;	/* rc 0 */
		ofl_conf_expect(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP,
				OFL_CONF_GSO_REC + 54, want, sizeof(want));
	}
}

/*
 * GSO_PARTIAL segments as skb_segment() cuts them for a device with
 * NETIF_F_GSO_PARTIAL: partial_segs = min(len, 65534) / gso_size gso_size
 * pieces per segment, the last (the rest) GSO too with DIV_ROUND_UP(rest,
 * gso_size) pieces when longer than gso_size; every tunnel, the
 * checksummed ones (VXLAN with outer UDP checksum, GRE with checksum:
 * __skb_udp_tunnel_segment, gre_gso_segment partial_adj) first.
 * @k: record number; @tail: the last segment instead of the first.
 */
static unsigned int ofl_conf_gso_partial(struct ofl_conf *c, unsigned int k,
					 int tail)
{
	static const unsigned char tuns[7] = { 2, 5, 2, 5, 1, 4, 0 };
	unsigned int len;
	uint32_t mss, total, big, plen, off;

	/* a record of the tunnel wanted (record k' has tunnel k' % 7); the
	 * segment fields are rewritten below */
	len = ofl_conf_gso_record(c, 7 * k + tuns[k % 7]);
	mss = ofl_conf_le16(c->in + 4);
	total = ofl_conf_le32(c->in + 29);
	big = (total < 65534 ? total : 65534) / mss * mss;
	if (big / mss < 2)
		return len;	/* no GSO_PARTIAL: left as it is */
	ofl_conf_put_le32(c->in, ofl_conf_le32(c->in) | OFL_GSO_PARTIAL);
	off = tail ? (total - 1) / big * big : 0;
	plen = total - off < big ? total - off : big;
	ofl_conf_put_le32(c->in + 21, off);
	ofl_conf_put_le32(c->in + 25, plen);
	ofl_conf_put_le32(c->in + 33, off / mss);
	ofl_conf_put_le32(c->in + 37, plen > mss ? (plen + mss - 1) / mss : 1);
	c->in[41] = off == 0;
	c->in[42] = off + plen == total;
	/* GSO_PARTIAL comes with checksum offload (skb_segment) */
	ofl_conf_put_le16(c->in + 43, OFL_GSO_F_CSUM_PARTIAL);
	return len;
}

static void ofl_conf_vectors_gso(struct ofl_conf *c)
{
	unsigned int k, len;

	ofl_conf_gso_known(c);
	for (k = 0; k < 630; k++) {
		len = ofl_conf_gso_record(c, k);
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
	}
	for (k = 0; k < 140; k++) {
		len = ofl_conf_gso_partial(c, k, (int)(k & 1));
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
	}
	/* refusals: the headers cut short (OFL_ENODATA from the fix-up) */
	for (k = 0; k < 21; k++) {
		unsigned int hl;

		len = ofl_conf_gso_record(c, k);
		hl = len - OFL_CONF_GSO_REC;
		/* claim more header than is there: the exec refuses */
		ofl_conf_put_le16(c->in + 14, (uint16_t)(hl + 7));
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len + 7);
		/* an L4 offset past the headers */
		len = ofl_conf_gso_record(c, k);
		ofl_conf_put_le16(c->in + 12, 250);
		ofl_conf_put_le16(c->in + 8, 250);
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
		/* the outer IP header past the fix-up's header bound */
		len = ofl_conf_gso_record(c, k);
		ofl_conf_put_le16(c->in + 6, 300);
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
		/* hdr_len above OFL_GSO_MAX_HDR */
		len = ofl_conf_gso_record(c, k);
		ofl_conf_put_le16(c->in + 14, 300);
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
		/* headers cut inside the innermost L4 header */
		len = ofl_conf_gso_record(c, k);
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len - 5);
		/* a tunnel whose outer L4 header is not before the inner one */
		len = ofl_conf_gso_record(c, k | 1);
		ofl_conf_put_le16(c->in + 8, ofl_conf_le16(c->in + 12));
		ofl_conf_case(c, OFL_CONF_GSO, OFL_CONF_GSO_FIXUP, len);
	}
}
