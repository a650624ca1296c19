/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Conformance entry points of lib/rss. Input records (after the operation
 * number) and outputs; numbers little-endian, keys and hash inputs in wire
 * order:
 *
 *   HASH   klen:le16 (4..256) len:u8 (0..48) key[256] data[48]
 *          (fixed size: key bytes past klen and data bytes past len are
 *          there but unused) -> ofl_rss_toeplitz():le32
 *   NIBBLE the same record -> ofl_rss_nibble_hash():le32 agree:u8
 *          after ofl_rss_nibble_init(); agree is 1 when ofl_rss_hash()
 *          gives the same value (or when the byte-table context does not
 *          fit in the scratch area: OFL_RSS_SIZE is 48 KiB, the default
 *          OFL_CONF_SCRATCH_MAX 32 KiB), 0 otherwise. Two entry points
 *          because in BPF the verifier would walk the nibble tables once
 *          per key-length range the reference's loop leaves.
 *   TUPLE  flow[72] (struct ofl_rss_flow, field by field) types:le32 xfrm:u8
 *          -> type:u8 (int8; negative: error) len:u8 input[len] hash:le32
 *          ofl_rss_tuple(), then ofl_rss_toeplitz() of the input with
 *          Microsoft's key.
 *   RETA   size:le16 nqueues:le16 hash:le32 x8
 *          -> rc:u8 (int8), then if rc == 0: x8 (queue:le16 rps:le32)
 *          ofl_rss_reta_init(), ofl_rss_reta_queue(), ofl_rss_rps_index()
 *          with n = nqueues.
 */
#ifndef OFL_CONF_EXEC_RSS_H
#define OFL_CONF_EXEC_RSS_H

#include "exec_common.h"

enum ofl_conf_rss_op {
	OFL_CONF_RSS_HASH = 1,
	OFL_CONF_RSS_NIBBLE = 2,
	OFL_CONF_RSS_TUPLE = 3,
	OFL_CONF_RSS_RETA = 4,
	OFL_CONF_RSS_NOPS = 5,
};

#define OFL_CONF_RSS_ENTRIES(X)				\
	X(rss, RSS, hash, HASH)				\
	X(rss, RSS, nibble, NIBBLE)			\
	X(rss, RSS, tuple, TUPLE)			\
	X(rss, RSS, reta, RETA)

/* the exec's working memory, in the scratch area */
#define OFL_CONF_RSS_SMALL                                              \
	(OFL_RSS_NIBBLE_SIZE + OFL_RSS_KEY_MAX + 8 + 2 * OFL_RSS_RETA_MAX + 4)
#if defined(OFL_CONF_SCRATCH_MAX) && \
	OFL_CONF_SCRATCH_MAX >= OFL_CONF_RSS_SMALL + OFL_RSS_SIZE + 64
#define OFL_CONF_RSS_BYTES 1
#else
#define OFL_CONF_RSS_BYTES 0
#endif

struct ofl_conf_rss_scratch {
	struct ofl_rss_nibble nib;
	struct ofl_rss_reta reta;
	uint8_t key[OFL_RSS_KEY_MAX + 8];
#if OFL_CONF_RSS_BYTES
	struct ofl_rss bytes;
#endif
};
OFL_STATIC_ASSERT(sizeof(struct ofl_conf_rss_scratch) <= OFL_CONF_SCRATCH_MAX,
		  "lib/rss conformance memory fits the scratch area");

/* HASH and NIBBLE: the record into s->key and @data; klen and len */
static inline __attribute__((always_inline)) int
ofl_conf_rss_record(const uint8_t *in, const uint8_t *end, uint8_t *data,
		    struct ofl_conf_rss_scratch *s, unsigned int *klen,
		    unsigned int *len)
{
	unsigned int i;

	if (in + 3 + OFL_RSS_KEY_MAX + OFL_RSS_INPUT_MAX > end)
		return -1;
	*klen = ofl_conf_le16(in);
	*len = in[2];
	if (*klen < 4 || *klen > OFL_RSS_KEY_MAX || *len > OFL_RSS_INPUT_MAX)
		return -1;
	/* the library ignores key bytes past klen and data bytes past len:
	 * copying all of them keeps the verifier's paths few */
	for (i = 0; i < OFL_RSS_KEY_MAX; i++)
		s->key[i] = in[3 + i];
	for (i = 0; i < OFL_RSS_INPUT_MAX; i++)
		data[i] = in[3 + OFL_RSS_KEY_MAX + i];
	return 0;
}

static inline __attribute__((always_inline)) int
ofl_conf_rss_hash(const uint8_t *in, const uint8_t *end, uint8_t *out,
		  struct ofl_conf_rss_scratch *s)
{
	uint8_t data[OFL_RSS_INPUT_MAX];
	unsigned int klen, len;

	if (ofl_conf_rss_record(in, end, data, s, &klen, &len))
		return -1;
	ofl_conf_put_le32(out, ofl_rss_toeplitz(s->key, klen, data, len));
	return 4;
}

static inline __attribute__((always_inline)) int
ofl_conf_rss_nibble(const uint8_t *in, const uint8_t *end, uint8_t *out,
		    struct ofl_conf_rss_scratch *s)
{
	uint8_t data[OFL_RSS_INPUT_MAX];
	unsigned int klen, len;
	uint32_t nib, agree = 1;

	if (ofl_conf_rss_record(in, end, data, s, &klen, &len))
		return -1;
	if (ofl_rss_nibble_init(&s->nib, sizeof(s->nib), s->key, klen))
		return -1;
	nib = ofl_rss_nibble_hash(&s->nib, data, len);
#if OFL_CONF_RSS_BYTES
	if (ofl_rss_init(&s->bytes, sizeof(s->bytes), s->key, klen))
		return -1;
	agree = ofl_rss_hash(&s->bytes, data, len) == nib;
#endif
	ofl_conf_put_le32(out, nib);
	out[4] = (uint8_t)agree;
	return 5;
}

static inline __attribute__((always_inline)) int
ofl_conf_rss_tuple(const uint8_t *in, const uint8_t *end, uint8_t *out,
		   struct ofl_conf_rss_scratch *s)
{
	struct ofl_rss_flow f;
	uint8_t t[OFL_RSS_INPUT_MAX];
	size_t len = 0, i;
	int type;

	if (in + 77 > end)
		return -1;
	f.family = in[0];
	f.proto = in[1];
	f.flags = in[2];
	f.reserved = in[3];
	for (i = 0; i < 2; i++) {
		f.sport[i] = in[4 + i];
		f.dport[i] = in[6 + i];
	}
	for (i = 0; i < 16; i++) {
		f.src[i] = in[8 + i];
		f.dst[i] = in[24 + i];
		f.hao[i] = in[40 + i];
		f.rtdst[i] = in[56 + i];
	}
	for (i = 0; i < OFL_RSS_INPUT_MAX; i++)
		t[i] = 0;
	type = ofl_rss_tuple(&f, ofl_conf_le32(in + 72), in[76], t, &len);
	out[0] = (uint8_t)type;
	if (len > OFL_RSS_TUPLE_MAX)
		return -1;
	out[1] = (uint8_t)len;
	for (i = 0; i < OFL_RSS_TUPLE_MAX; i++)
		out[2 + i] = t[i];	/* bytes past len are 0 */
	ofl_rss_key_microsoft(s->key);
	ofl_conf_put_le32(out + 2 + len,
			  ofl_rss_toeplitz(s->key, OFL_RSS_MS_KEY_LEN, t, len));
	return (int)(2 + len + 4);
}

static inline __attribute__((always_inline)) int
ofl_conf_rss_reta(const uint8_t *in, const uint8_t *end, uint8_t *out,
		  struct ofl_conf_rss_scratch *s)
{
	unsigned int n, i;
	int rc;

	if (in + 36 > end)
		return -1;
	n = ofl_conf_le16(in + 2);
	rc = ofl_rss_reta_init(&s->reta, ofl_conf_le16(in), n);
	out[0] = (uint8_t)rc;
	if (rc)
		return 1;
	for (i = 0; i < 8; i++) {
		uint32_t h = ofl_conf_le32(in + 4 + 4 * i);

		ofl_conf_put_le16(out + 1 + 6 * i,
				  ofl_rss_reta_queue(&s->reta, h));
		ofl_conf_put_le32(out + 3 + 6 * i, ofl_rss_rps_index(h, n));
	}
	return 49;
}

static inline __attribute__((always_inline)) int
ofl_conf_rss_exec(unsigned int op, const uint8_t *in, const uint8_t *end,
		  uint8_t *out, void *scratch, void *ctx)
{
	struct ofl_conf_rss_scratch *s = (struct ofl_conf_rss_scratch *)scratch;

	(void)ctx;

	switch (op) {
	case OFL_CONF_RSS_HASH:
		return ofl_conf_rss_hash(in, end, out, s);
	case OFL_CONF_RSS_NIBBLE:
		return ofl_conf_rss_nibble(in, end, out, s);
	case OFL_CONF_RSS_TUPLE:
		return ofl_conf_rss_tuple(in, end, out, s);
	case OFL_CONF_RSS_RETA:
		return ofl_conf_rss_reta(in, end, out, s);
	default:
		return -1;
	}
}

#endif /* OFL_CONF_EXEC_RSS_H */
