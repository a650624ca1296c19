/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* lib/gro in eBPF: what its global functions take and how (internal.h
 * includes it; empty outside OFL_BPF). The wrappers themselves follow
 * the functions they wrap, in receive.c and flush.c. */
#ifndef OFL_LIB_GRO_BPF_H
#define OFL_LIB_GRO_BPF_H

#if defined(OFL_BPF)
/*
 * The steps of a frame's way through GRO (parse, flow lookup, the TCP
 * and UDP decisions, the completion of a flow) are emitted as global
 * functions, which the verifier checks once each, on their own, instead of
 * once per path of the caller: inlined into one program the whole of
 * ofl_gro_receive() exceeds the 1M processed-instruction limit ("BPF
 * program is too large. Processed 1000001 insn"). A global function's
 * arguments are scalars or pointers to memory of a fixed size holding no
 * pointers, so the frame travels as a struct ofl__gro_buf plus its scalars
 * (OFL__GRO_FRAME_SCALARS below) and the parse state as its scalars only
 * (OFL__GRO_RX_SCALARS, internal.h): one list each, from which the mirror
 * and the copies both ways are made. Right after a function it wraps come
 * the global function ofl__gro_bpf_<name> (OFL__GRO_BPF_FN, signature
 * spelled out), which rebuilds the arguments and calls that very function
 * (the same source as natively), and ofl__gro_bpf_<name>_call, with the
 * wrapped function's own signature, which packs them; a #define then
 * routes the later calls to the latter.
 */
#define OFL__GRO_GLOBAL __attribute__((noinline))
/*
 * The caller's half of a step (ofl__gro_bpf_<name>_call): a static
 * subprogram, so that its struct ofl__gro_bpf_rx lives in its own frame
 * instead of once per call site in the caller's ("combined stack size of
 * 3 calls is 560. Too large" when the frame gained the CHECKSUM_COMPLETE
 * and VLAN fields). The verifier walks it with each caller: a few dozen
 * instructions. At most 5 arguments (the l4 wrapper packs its own).
 */
#define OFL__GRO_BPF_WRAP static __attribute__((noinline))
/* OFL__GRO_BPF_FN(name, (params)) { body }: the global function
 * int ofl__gro_bpf_<name>(params), with its prototype. */
#define OFL__GRO_BPF_FN(name, params)					\
	int ofl__gro_bpf_##name params;					\
	OFL__GRO_GLOBAL int ofl__gro_bpf_##name params
/*
 * The scalars of struct ofl_gro_frame (after its data pointer), X(type,
 * name), which a global function takes in place of the frame; the
 * assertion fails if the public struct gains a field this list lacks.
 */
#define OFL__GRO_FRAME_SCALARS(X)					\
	X(uint32_t, len)						\
	X(uint32_t, hash)						\
	X(uint32_t, id)							\
	X(ofl_wsum, csum)						\
	X(uint16_t, csum_start)						\
	X(uint16_t, vlan_proto)						\
	X(uint16_t, vlan_tci)						\
	X(uint8_t, ip_summed)						\
	X(uint8_t, reserved)
#define OFL__GRO_FRAME_SAME(type, name)					\
	&& offsetof(struct ofl__gro_frame_x, name) ==		\
	   offsetof(struct ofl_gro_frame, name)
struct ofl__gro_frame_x {
	const uint8_t *data;
	OFL__GRO_FRAME_SCALARS(OFL__GRO_MEMBER)
};
OFL_STATIC_ASSERT(sizeof(struct ofl__gro_frame_x) ==
		  sizeof(struct ofl_gro_frame)
		  OFL__GRO_FRAME_SCALARS(OFL__GRO_FRAME_SAME),
		  "OFL__GRO_FRAME_SCALARS lists struct ofl_gro_frame");
/* The same scalars alone, where they sit in struct ofl_gro_frame (after
 * its data pointer): a global function can take them in place, inside the
 * caller's frame, with nothing packed (OFL__GRO_BPF_FS, ofl__gro_bpf_fast). */
struct ofl__gro_frame_s {
	OFL__GRO_FRAME_SCALARS(OFL__GRO_MEMBER)
};
#define OFL__GRO_FRAME_IN(type, name)					\
	&& offsetof(struct ofl_gro_frame, len) +			\
	   offsetof(struct ofl__gro_frame_s, name) ==			\
	   offsetof(struct ofl_gro_frame, name)
OFL_STATIC_ASSERT(offsetof(struct ofl_gro_frame, len) +
		  sizeof(struct ofl__gro_frame_s) ==
		  sizeof(struct ofl_gro_frame)
		  OFL__GRO_FRAME_SCALARS(OFL__GRO_FRAME_IN),
		  "struct ofl_gro_frame ends with OFL__GRO_FRAME_SCALARS");
#define OFL__GRO_BPF_FS(f)						\
	((const struct ofl__gro_frame_s *)(const void *)&(f)->len)
struct ofl__gro_buf {
	uint8_t b[OFL_GRO_BPF_BUF];
};
/* every access the verifier cannot bound by the frame's end stays inside:
 * header offsets below 256 plus a checksum loop's bound */
OFL_STATIC_ASSERT(OFL_GRO_BPF_BUF >= OFL_CSUM_BPF_MAX_SPAN + 256 + 16 &&
		  OFL_GRO_BPF_BUF >= OFL_GRO_BPF_FRAME,
		  "OFL_GRO_BPF_BUF covers what the verifier checks");

/* What a global function of a parse step takes besides the frame's bytes
 * (struct ofl__gro_buf): the scalars of struct ofl_gro_frame, the step's
 * own (pos, nout) and the scalars of struct ofl__gro_rx. */
struct ofl__gro_bpf_rx {
	OFL__GRO_FRAME_SCALARS(OFL__GRO_MEMBER)
	int32_t pos;	/* ofl__gro_udp/tcp: @pos */
	uint32_t nout;	/* ofl__gro_udp/tcp: *@nout */
	struct ofl__gro_rx_s rx;
};

/* Two deliveries (what one frame can cause), as one sized argument. */
struct ofl__gro_bpf_out {
	struct ofl_gro_pkt p[2];
};

/* The scalars of @rx as one value, and back (struct ofl__gro_rx_ref). */
OFL_INLINE void ofl__gro_rx_get(struct ofl__gro_rx_s *s,
				const struct ofl__gro_rx *rx)
{
	/* through the typed view, so that clang knows the alignment (from
	 * a uint8_t pointer it copies byte by byte in BPF) */
	__builtin_memcpy(s, &((const struct ofl__gro_rx_ref *)
			      (const void *)rx)->s, sizeof(*s));
}

OFL_INLINE void ofl__gro_rx_set(struct ofl__gro_rx *rx,
				const struct ofl__gro_rx_s *s)
{
	__builtin_memcpy(&((struct ofl__gro_rx_ref *)(void *)rx)->s, s,
			 sizeof(*s));
}

/* The frame's bytes as a global function's argument. */
#define OFL__GRO_BPF_FB(data) ((const struct ofl__gro_buf *)(data))

/* Caller side: @s for a global function from @rx and the scalars of @f
 * (NULL: none but the length). */
OFL_INLINE void ofl__gro_bpf_put(struct ofl__gro_bpf_rx *s,
				 const struct ofl__gro_rx *rx,
				 const struct ofl_gro_frame *f, int pos)
{
#define OFL__GRO_PUT(type, name) s->name = f ? f->name : 0;
	OFL__GRO_FRAME_SCALARS(OFL__GRO_PUT)
#undef OFL__GRO_PUT
	s->len = rx->len;
	s->pos = pos;
	s->nout = 0;
	ofl__gro_rx_get(&s->rx, rx);
}

/* Callee side: the frame (over @fb) and @rx from @s; 0 if a pointer is
 * NULL (the verifier's rule for a global function's arguments). */
OFL_INLINE int ofl__gro_bpf_get(struct ofl__gro_rx *rx,
				struct ofl_gro_frame *f,
				const struct ofl__gro_buf *fb,
				const struct ofl__gro_bpf_rx *s)
{
	if (!fb || !s)
		return 0;
#define OFL__GRO_GET(type, name) f->name = s->name;
	OFL__GRO_FRAME_SCALARS(OFL__GRO_GET)
#undef OFL__GRO_GET
	f->len = s->len <= OFL_GRO_BPF_FRAME ? s->len : 0;
	f->data = fb->b;
	rx->d = fb->b;
	rx->end = fb->b + f->len;
	rx->len = f->len;
	ofl__gro_rx_set(rx, &s->rx);
	return 1;
}

/*
 * OFL__GRO_BPF_STEP(name, (params), ok, call, err, back): the global
 * function int ofl__gro_bpf_<name>(params) of a parse step; params include
 * the frame's bytes (fb) and the state (s). It rebuilds the frame f and
 * the parse state rx from them, returns err if ok (the test of the other
 * pointers) fails or fb or s is NULL, else evaluates call (the wrapped
 * function on f, rx and params) and, if back (a step that changes rx),
 * leaves rx's scalars in s.
 */
#define OFL__GRO_BPF_STEP(name, params, ok, call, err, back)		\
	OFL__GRO_BPF_FN(name, params)					\
	{								\
		struct ofl_gro_frame f;					\
		struct ofl__gro_rx rx;					\
		int r;							\
									\
		if (!(ok) || !ofl__gro_bpf_get(&rx, &f, fb, s))	\
			return err;					\
		r = (call);						\
		if (back)						\
			ofl__gro_rx_get(&s->rx, &rx);			\
		return r;						\
	}

/* The frame's bucket, from its hash (a global function's argument). */
#define OFL__GRO_BPF_BUCKET(ctx, f)					\
	(&(ctx)->b[(f).hash & (OFL_GRO_BUCKETS - 1)])

/* ofl__gro_udp/tcp's @pos from s->pos (the held flow's age position). */
OFL_INLINE int ofl__gro_bpf_pos(const struct ofl__gro_bpf_rx *s)
{
	return (uint32_t)s->pos < OFL_GRO_BUCKET_FLOWS ?
	       (int)(s->pos & (OFL_GRO_BUCKET_FLOWS - 1)) : -1;
}
#endif

#endif
