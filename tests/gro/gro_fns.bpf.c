// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Each global function of lib/gro's BPF form (docs/GRO.md, "eBPF") as the
 * only callee of a program of its own, so that the verifier's
 * processed-instruction count of each program is that function's plus
 * those of the global functions it calls (tests/gro/gro_fns.c prints them
 * and the figure of each function alone: its callees' subtracted). The
 * arguments are map memory; the programs are only loaded, never run.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#define OFL_BPF_GRO 1
#include <offload/bpf.h>

struct fns_state {
	struct ofl_gro_ctx ctx;
	struct ofl__gro_buf fb;
	struct ofl__gro_bpf_rx s;
	struct ofl__gro_frame_s fs;
	struct ofl__gro_bpf_out o;
	struct ofl__gro_bpf_out8 o8;
	struct ofl_parse_result pr;	/* fn_parse_gro */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, uint32_t);
	__type(value, struct fns_state);
} fns SEC(".maps");

static __always_inline struct fns_state *st(void)
{
	uint32_t key = 0;

	return bpf_map_lookup_elem(&fns, &key);
}

#define FN(name, call)							\
	SEC("xdp") int fn_##name(struct xdp_md *x)			\
	{								\
		struct fns_state *m = st();				\
									\
		(void)x;						\
		return m ? (call) : XDP_ABORTED;			\
	}

FN(parse, ofl__gro_bpf_parse(&m->ctx, &m->fb, &m->s))
FN(inner, ofl__gro_bpf_inner(&m->ctx, &m->fb, &m->s))
FN(csum_bad, ofl__gro_bpf_csum_bad(&m->fb, &m->s))
FN(match, ofl__gro_bpf_match(&m->ctx.b[0].flow[0], &m->fb, &m->s))
FN(net_flush, ofl__gro_bpf_net_flush(&m->ctx, &m->ctx.b[0].flow[0],
				     &m->fb, &m->s))
FN(tcp, ofl__gro_bpf_tcp(&m->ctx, &m->fb, &m->s, &m->o))
FN(udp, ofl__gro_bpf_udp(&m->ctx, &m->fb, &m->s, &m->o))
FN(fast, ofl__gro_bpf_fast(&m->ctx, &m->fb, &m->fs, &m->o))
FN(hold, ofl__gro_bpf_hold(&m->ctx, &m->fb, &m->s, &m->o.p[0]))
FN(copy, ofl__gro_bpf_copy((struct ofl__gro_hdr *)m->ctx.b[0].flow[0].hdr,
			     &m->fb, 64))
FN(complete, ofl__gro_bpf_complete(&m->ctx, &m->ctx.b[0].flow[0],
				   &m->o.p[0]))
FN(jumbo_move, ofl__gro_bpf_jumbo_move(&m->o.p[0], 54, 120))
FN(flush_bucket, ofl__gro_bpf_flush_bucket(&m->ctx, &m->ctx.b[0], &m->o8))
FN(flush_old_bucket, ofl__gro_bpf_flush_old_bucket(&m->ctx, &m->ctx.b[0],
						   &m->o8, 1))

/*
 * Not one function: what a driver's XDP program does with two modules,
 * the parser's step loop (as tests/parser/parse.bpf.c) and then
 * ofl_gro_receive() on the frame, so that the room they leave under the
 * verifier's 1M processed instructions shows here (docs/GRO.md, "eBPF":
 * about 977 600 before the completion's jumbo move was written for the
 * verifier, 448 667 after).
 */
__attribute__((noinline)) int parse_one(struct xdp_md *x,
					struct ofl_parse_result *r)
{
	void *data = (void *)(long)x->data;
	void *end = (void *)(long)x->data_end;

	if (!r)
		return OFL_EINVAL;
	return ofl_parse_step(data, end, r, sizeof(*r));
}

SEC("xdp") int fn_parse_gro(struct xdp_md *x)
{
	void *data = (void *)(long)x->data;
	void *end = (void *)(long)x->data_end;
	struct fns_state *m = st();
	unsigned int i, nout = 0;
	int ret;

	if (!m)
		return XDP_ABORTED;
	ret = ofl_parse_begin(data, end, OFL_PROTO_ETH, &m->pr,
			      sizeof(m->pr));
	for (i = 0; !ret && i < OFL_PARSE_MAX_DEPTH; i++) {
		ret = parse_one(x, &m->pr);
		if (ret <= 0)
			break;
	}
	ofl_parse_finish(&m->pr, ret, sizeof(m->pr));
	{
		struct ofl_gro_frame f = {
			.data = m->fb.b,
			.len = m->pr.frame_len,
			.hash = m->pr.nlayers,
			.ip_summed = OFL_CHECKSUM_UNNECESSARY,
		};

		return ofl_gro_receive(&m->ctx, &f, m->o.p, &nout) < 0 ?
		       XDP_DROP : XDP_PASS;
	}
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
