// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The checksum view (ofl_csum_view_from_parse(), ofl_csum_view_verify())
 * on arbitrary frames, parsed from Ethernet or raw IP, with a wire length
 * and a capture cut taken from the input, ERSPAN's second parse followed.
 * Checks the view's shape, that its Linux list is ofl_csum_layers_from_
 * parse()'s, and, differentially, every verdict of a 16-bit checksum
 * against a plain RFC 1071 byte model (pseudo header included).
 * Silent; traps on a mismatch.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/parser.h>

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static uint32_t model(const uint8_t *p, size_t len, uint32_t acc)
{
	size_t i;

	for (i = 0; i < len; i++) {
		acc += (i & 1) ? p[i] : (uint32_t)p[i] << 8;
		acc = (acc & 0xffff) + (acc >> 16);
	}
	return acc;
}

static uint32_t fold(uint32_t acc)
{
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return acc;
}

/* The model's verdict and value of a 16-bit checksum the view checked. */
static void model_check(const uint8_t *f, const struct ofl_csum_check *c,
			const struct ofl_csum_verdict *r)
{
	uint32_t fo = c->field - c->off, acc = 0, data, want;
	size_t alen = c->family == 6 ? 16 : 4;
	unsigned int proto = c->kind == OFL_CSUM_KIND_TCP ? 6 :
			     c->kind == OFL_CSUM_KIND_UDP ? 17 :
			     c->kind == OFL_CSUM_KIND_ICMPV6 ? 58 : 0;

	if (proto) {
		acc = model(f + c->saddr_off, alen, 0);
		acc = model(f + c->daddr_off, alen, acc);
		acc = fold(acc + proto + (c->len & 0xffff) + (c->len >> 16));
	}
	/* the header before the field, the rest after it */
	data = model(f + c->off, fo, 0);
	data = fold(data + model(f + c->off + fo + 2, c->len - fo - 2, 0));
	want = ~fold(acc + data) & 0xffff;
	if (c->kind == OFL_CSUM_KIND_UDP && want == 0)
		want = 0xffff;
	CHECK(r->has_computed);
	CHECK(r->computed == want);
	if (c->kind == OFL_CSUM_KIND_UDP && r->stored == 0) {
		CHECK(r->result == (c->family == 6 ? OFL_CSUM_BAD :
						     OFL_CSUM_NONE));
		return;
	}
	CHECK((r->result == OFL_CSUM_GOOD) ==
	      (fold(acc + fold(data + r->stored)) == 0xffff));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned int roots[4] = {
		OFL_PROTO_ETH, OFL_PROTO_ETH, OFL_PROTO_IPV4, OFL_PROTO_IPV6,
	};
	static struct ofl_parse_result res;
	static struct ofl_csum_view v;
	struct ofl_csum_verdict out[OFL_CSUM_VIEW_MAX_CHECKS];
	struct ofl_csum_layers ly;
	const uint8_t *f, *end;
	uint32_t wire, base = 0;
	unsigned int root;
	int seg, i, r, bad = 0;

	if (size < 3)
		return 0;
	root = roots[data[0] & 3];
	/* the wire length: the capture's, or up to 64 KiB more */
	wire = (data[1] & 0x80) ? (uint32_t)(size - 3) +
				  ((uint32_t)data[1] << 9 | data[2]) : 0;
	f = data + 3;
	end = data + size;
	CHECK(ofl_csum_view_init(&v, sizeof(v), wire) == 0);
	for (seg = 0; seg < 3; seg++) {
		ofl_parse(f + base, end, seg ? OFL_PROTO_ETH : root, &res,
			  sizeof(res));
		CHECK(ofl_csum_view_from_parse(&v, sizeof(v), &res,
					       sizeof(res), f, end, base) == 0);
		/* the same walk gave ofl_csum_layers_from_parse()'s list */
		if (!seg) {
			r = ofl_csum_layers_from_parse(&res, sizeof(res), f,
						       end, &ly, sizeof(ly));
			CHECK(r == v.l4_err);
			CHECK(!memcmp(&ly, &v.l4, sizeof(ly)));
		}
		if (!v.next)
			break;
		CHECK(seg == 0 && v.next > base && v.next <= end - f);
		base = v.next;
	}
	CHECK(v.nlayers <= OFL_CSUM_VIEW_MAX_LAYERS);
	CHECK(v.nchecks <= OFL_CSUM_VIEW_MAX_CHECKS);
	CHECK(v.stop < OFL_CSUM_WHY_COUNT);
	for (i = 0; i < v.nlayers; i++)
		CHECK(v.layers[i] > OFL_CSUM_VL_NONE &&
		      v.layers[i] < OFL_CSUM_VL_COUNT);
	r = ofl_csum_view_verify(&v, sizeof(v), f, end, out);
	for (i = 0; i < v.nchecks; i++) {
		const struct ofl_csum_check *c = &v.checks[i];
		const struct ofl_csum_verdict *o = &out[i];
		int whole = !c->why && (size_t)c->off + c->len <=
				       (size_t)(end - f);

		CHECK(c->kind < OFL_CSUM_KIND_COUNT);
		CHECK(c->field >= c->off);
		CHECK(o->result >= OFL_CSUM_GOOD &&
		      o->result <= OFL_CSUM_UNCHECKED);
		/* judged exactly when it lies wholly in the capture */
		CHECK((o->result != OFL_CSUM_UNCHECKED) == whole);
		CHECK(o->has_computed == whole);
		if (o->result == OFL_CSUM_BAD)
			bad = 1;
		if (whole && c->kind != OFL_CSUM_KIND_SCTP)
			model_check(f, c, o);
		/* the same value, in ones' complement (0 is 0xffff) */
		if (o->result == OFL_CSUM_GOOD && o->computed != o->stored)
			CHECK(c->kind != OFL_CSUM_KIND_SCTP &&
			      o->computed + o->stored == 0xffff &&
			      (o->computed == 0 || o->stored == 0));
	}
	CHECK(r == (bad ? OFL_ECSUM : 0));
	return 0;
}
