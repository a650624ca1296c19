/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Conformance entry points of lib/csum: one operation per public function
 * family. Input records (after the operation number, which the caller
 * passes) and outputs; numbers little-endian, "wire" = bytes as in a frame
 * loaded with a plain (host-order) load, as the __wsum convention wants.
 *
 *   SPAN      skew:u8 seed:wire4 pad[skew&7] data...     -> sum16 x2
 *             fold(span(data, end, seed)), fold(span(data, end, 0))
 *   FOLD      x:le32 x4                                  -> le16 x4
 *   ADDSUB    a:le32 b:le32                              -> le32 add, sub
 *   BLOCKADD  sum:le32 sum2:le32 offset:le16             -> le32
 *   UPDATE16  check:wire2 old:wire2 new:wire2            -> sum16 x2
 *             update16(check, old, new), fold(unfold(check))
 *   IPHDR     ihl:u8 skew:u8 hdr[60]                     -> sum16
 *             ip_fast_csum(copy of hdr at offset skew&7, ihl)
 *   PSEUDO4   saddr:wire4 daddr:wire4 len:le32 proto:u8 seed:wire4
 *                                             -> sum16 nofold, sum16 magic
 *   PSEUDO6   saddr[16] daddr[16] len:le32 proto:u8 seed:wire4 -> sum16
 *
 * "sum16" is the 2 bytes a plain store of the folded checksum writes.
 */
#ifndef OFL_CONF_EXEC_CSUM_H
#define OFL_CONF_EXEC_CSUM_H

#include "exec_common.h"

enum ofl_conf_csum_op {
	OFL_CONF_CSUM_SPAN = 1,
	OFL_CONF_CSUM_FOLD = 2,
	OFL_CONF_CSUM_ADDSUB = 3,
	OFL_CONF_CSUM_BLOCKADD = 4,
	OFL_CONF_CSUM_UPDATE16 = 5,
	OFL_CONF_CSUM_IPHDR = 6,
	OFL_CONF_CSUM_PSEUDO4 = 7,
	OFL_CONF_CSUM_PSEUDO6 = 8,
	OFL_CONF_CSUM_NOPS = 9,
};

/* Entry points: X(module, MODULE, op, OP); one BPF program each
 * (conf_<module>_<op> in conf.bpf.c), named the same on the host side. */
#define OFL_CONF_CSUM_ENTRIES(X)			\
	X(csum, CSUM, span, SPAN)			\
	X(csum, CSUM, fold, FOLD)			\
	X(csum, CSUM, addsub, ADDSUB)			\
	X(csum, CSUM, blockadd, BLOCKADD)		\
	X(csum, CSUM, update16, UPDATE16)		\
	X(csum, CSUM, iphdr, IPHDR)			\
	X(csum, CSUM, pseudo4, PSEUDO4)			\
	X(csum, CSUM, pseudo6, PSEUDO6)

static inline __attribute__((always_inline)) int
ofl_conf_csum_span(const uint8_t *in, const uint8_t *end, uint8_t *out)
{
	const uint8_t *data;
	ofl_wsum seed;

	if (in + 5 > end)
		return -1;
	seed = (OFL_FORCE ofl_wsum)ofl_conf_ne32(in + 1);
	data = in + 5 + (in[0] & 7u);
	if (data > end)
		return -1;
	ofl_conf_put_sum16(out, ofl_csum_fold(ofl_csum_span(data, end, seed)));
	ofl_conf_put_sum16(out + 2, ofl_csum_fold(ofl_csum_span(data, end, 0)));
	return 4;
}

static inline __attribute__((always_inline)) int
ofl_conf_csum_iphdr(const uint8_t *in, const uint8_t *end, uint8_t *out,
		    void *scratch)
{
	/* in working memory, not on the stack: the verifiers of 6.1 and
	 * 6.12 refuse a read from the stack at a variable offset ("invalid
	 * variable-offset read from stack"), which hdr + skew is */
	uint8_t *hdr = scratch;
	unsigned int i, skew;

	if (in + 62 > end)
		return -1;
	skew = in[1] & 7u;
	for (i = 0; i < 72; i++)
		hdr[i] = 0xa5;
	/*
	 * clang may take hdr as 8-aligned and turn hdr + skew into
	 * hdr | skew, which the verifier rejects ("R4 bitwise operator |= on
	 * pointer prohibited"); hiding skew's range from clang (not from
	 * the verifier, which saw the & 7) keeps it an addition.
	 */
#if defined(__bpf__)
	__asm__ volatile("" : "+r"(skew));
#endif
	for (i = 0; i < 60; i++)
		hdr[i + skew] = in[2 + i];
	ofl_conf_put_sum16(out, ofl_csum_ip_fast(hdr + skew, in[0]));
	return 2;
}

static inline __attribute__((always_inline)) int
ofl_conf_csum_exec(unsigned int op, const uint8_t *in, const uint8_t *end,
		   uint8_t *out, void *scratch, void *ctx)
{
	unsigned int i;

	(void)ctx;

	switch (op) {
	case OFL_CONF_CSUM_SPAN:
		return ofl_conf_csum_span(in, end, out);
	case OFL_CONF_CSUM_FOLD:
		if (in + 16 > end)
			return -1;
		for (i = 0; i < 4; i++)
			ofl_conf_put_le16(out + 2 * i, (OFL_FORCE uint16_t)
				ofl_csum_fold((OFL_FORCE ofl_wsum)
					      ofl_conf_le32(in + 4 * i)));
		return 8;
	case OFL_CONF_CSUM_ADDSUB: {
		ofl_wsum a, b;

		if (in + 8 > end)
			return -1;
		a = (OFL_FORCE ofl_wsum)ofl_conf_le32(in);
		b = (OFL_FORCE ofl_wsum)ofl_conf_le32(in + 4);
		ofl_conf_put_le32(out, (OFL_FORCE uint32_t)ofl_csum_add(a, b));
		ofl_conf_put_le32(out + 4,
				  (OFL_FORCE uint32_t)ofl_csum_sub(a, b));
		return 8;
	}
	case OFL_CONF_CSUM_BLOCKADD:
		if (in + 10 > end)
			return -1;
		ofl_conf_put_le32(out, (OFL_FORCE uint32_t)ofl_csum_block_add(
			(OFL_FORCE ofl_wsum)ofl_conf_le32(in),
			(OFL_FORCE ofl_wsum)ofl_conf_le32(in + 4),
			ofl_conf_le16(in + 8)));
		return 4;
	case OFL_CONF_CSUM_UPDATE16:
		if (in + 6 > end)
			return -1;
		ofl_conf_put_sum16(out, ofl_csum_update16(
			(OFL_FORCE ofl_sum16)ofl_conf_ne16(in),
			ofl_conf_ne16(in + 2), ofl_conf_ne16(in + 4)));
		/* unfold then fold: the complement of the stored bytes */
		ofl_conf_put_sum16(out + 2, ofl_csum_fold(ofl_csum_unfold(
			(OFL_FORCE ofl_sum16)ofl_conf_ne16(in))));
		return 4;
	case OFL_CONF_CSUM_IPHDR:
		return ofl_conf_csum_iphdr(in, end, out, scratch);
	case OFL_CONF_CSUM_PSEUDO4: {
		ofl_be32 s, d;
		ofl_wsum seed;
		uint32_t len;

		if (in + 17 > end)
			return -1;
		s = (OFL_FORCE ofl_be32)ofl_conf_ne32(in);
		d = (OFL_FORCE ofl_be32)ofl_conf_ne32(in + 4);
		len = ofl_conf_le32(in + 8);
		seed = (OFL_FORCE ofl_wsum)ofl_conf_ne32(in + 13);
		ofl_conf_put_sum16(out, ofl_csum_fold(ofl_csum_tcpudp_nofold(
			s, d, len, in[12], seed)));
		ofl_conf_put_sum16(out + 2, ofl_csum_tcpudp_magic(
			s, d, len, in[12], seed));
		return 4;
	}
	case OFL_CONF_CSUM_PSEUDO6: {
		uint8_t a[32];

		if (in + 41 > end)
			return -1;
		for (i = 0; i < 32; i++)
			a[i] = in[i];
		ofl_conf_put_sum16(out, ofl_csum_ipv6_magic(a, a + 16,
			ofl_conf_le32(in + 32), in[36],
			(OFL_FORCE ofl_wsum)ofl_conf_ne32(in + 37)));
		return 2;
	}
	default:
		return -1;
	}
}

#endif /* OFL_CONF_EXEC_CSUM_H */
