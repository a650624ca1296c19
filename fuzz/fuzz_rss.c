// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Differential: byte tables == nibble tables == bitwise reference, for a key
 * (4..256 bytes) and an input (0..48 bytes) taken from the fuzz data; the
 * field finder (its answer lands on the queue it names); the tuple builder
 * on a flow from the data. */
#include <string.h>
#include <offload/rss.h>

static struct ofl_rss c;
static struct ofl_rss_nibble nc;
static struct ofl_rss_reta reta;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct ofl_rss_flow f;
	uint8_t in[OFL_RSS_TUPLE_MAX], tup[OFL_RSS_INPUT_MAX];
	size_t klen, len, tl;
	uint32_t r;

	if (n < 2)
		return 0;
	klen = 4 + d[0] % 253;
	len = d[1] % (OFL_RSS_INPUT_MAX + 1);
	if (n < 2 + klen + len)
		return 0;
	if (ofl_rss_init(&c, sizeof(c), d + 2, klen) ||
	    ofl_rss_nibble_init(&nc, sizeof(nc), d + 2, klen))
		__builtin_trap();
	r = ofl_rss_toeplitz(d + 2, klen, d + 2 + klen, len);
	if (ofl_rss_hash(&c, d + 2 + klen, len) != r ||
	    ofl_rss_nibble_hash(&nc, d + 2 + klen, len) != r)
		__builtin_trap();
	/* the field finder lands where it says, or finds nothing */
	if (len >= 2 && len <= sizeof(tup)) {
		size_t off = d[2] % len;
		uint16_t v = 0, q = (uint16_t)(d[3] & 7);

		memcpy(tup, d + 2 + klen, len);
		ofl_rss_reta_init(&reta, 64u << (d[4] & 3), 1 + (d[5] & 7));
		if (!ofl_rss_find_field(&c, tup, len, off, d[6], 0xffff, &reta,
					q, &v) &&
		    (ofl_rss_reta_queue(&reta, ofl_rss_toeplitz(d + 2, klen, tup,
							    len)) != q ||
		     (tup[off] << 8 | tup[off + 1]) != v))
			__builtin_trap();
	}
	if (n - 2 - klen - len >= sizeof(f)) {
		int t;

		memcpy(&f, d + 2 + klen + len, sizeof(f));
		t = ofl_rss_tuple(&f, d[0] * 0x01010101u, d[1] & 1, in, &tl);
		if (t > 0 && (tl > OFL_RSS_TUPLE_MAX ||
			      ofl_rss_hash(&c, in, tl) !=
				      ofl_rss_toeplitz(d + 2, klen, in, tl)))
			__builtin_trap();
	}
	return 0;
}
