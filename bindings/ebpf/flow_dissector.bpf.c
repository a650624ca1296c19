// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl_flow_dissector: lib/parser as the kernel's flow dissector
 * (BPF_PROG_TYPE_FLOW_DISSECTOR). Attach it to a network namespace:
 *
 *   bpftool prog load flow_dissector.bpf.o /sys/fs/bpf/ofl_fd
 *   bpftool prog attach pinned /sys/fs/bpf/ofl_fd flow_dissector
 *
 * (inside the namespace), or bpf_prog_attach(fd, 0, BPF_FLOW_DISSECTOR, 0).
 * Every flow dissection of that namespace (skb hash, RPS, eth_get_headlen,
 * tc flower ...) then runs it instead of __skb_flow_dissect()'s C code.
 *
 * UDP tunnel ports: the map ofl_fd_ports (below), IANA ports by default.
 *
 * No tail calls: ofl_parse_begin_mask(), ofl_parse_fast() (Eth[/VLAN]/IPv4|
 * IPv6/TCP|UDP in one go), else ofl_parse_step() from a global
 * (separately verified) function in a bounded loop, with the result in a
 * per-CPU map value, as tests/parser/parse.bpf.c does in XDP; then
 * ofl_flow_keys.h replays the parsed layers with the built-in dissector's
 * rules into struct bpf_flow_keys (one more global function).
 *
 * The kernel hands over n_proto (the EtherType at nhoff) and nhoff. IPv4
 * and IPv6 are parsed from nhoff; anything else (VLAN, MPLS, PPPoE ...)
 * from the Ethernet header before nhoff when the frame has one there
 * with that EtherType (BPF_PROG_TEST_RUN, tc, eth_get_headlen: nhoff 14).
 * Otherwise (RPS on a VLAN frame: skb->data at the tag, nhoff 0) the
 * program returns BPF_FLOW_DISSECTOR_CONTINUE and the built-in dissector
 * does the work: lib/parser starts only at Ethernet, IPv4 or IPv6.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <offload/bpf.h>
#include "ofl_flow_keys.h"

/* Frame offset limit of the parse's start (nhoff, or nhoff - 14). */
#define OFL_FD_MAX_START 255u

struct ofl_fd_scratch {
	struct ofl_parse_result res;
	struct ofl_fk_state st;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_fd_scratch);
} ofl_fd_scratch SEC(".maps");

/*
 * The UDP tunnel port table (struct ofl_parse_cfg, as the kernel tells a
 * NIC its VXLAN/GENEVE ports through udp_tunnel_nic): user space writes
 * entry 0 with ofl_parse_cfg_init() and ofl_parse_cfg_udp_add(), e.g.
 * `bpftool map update name ofl_fd_ports key 0 0 0 0 value ...`. While the
 * entry is all zero (its size field 0) the built-in IANA ports apply.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ofl_parse_cfg);
} ofl_fd_ports SEC(".maps");

/* One header of the walk (lib/parser's step API). */
__attribute__((noinline)) int ofl_fd_step(struct __sk_buff *skb,
					  struct ofl_fd_scratch *s)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;

	if (!s)
		return OFL_EINVAL;
	return ofl_parse_step((__u8 *)data + (s->st.start & OFL_FD_MAX_START),
			      end, &s->res, sizeof(s->res));
}

/* The parsed layers replayed with the built-in dissector's rules, the
 * headers lib/parser refused (ofl_fk_raw()), then the keys: one global
 * function (one call per layer cost 2-15 ns per frame). */
__attribute__((noinline)) int ofl_fd_keys(struct __sk_buff *skb,
					  struct ofl_fd_scratch *s)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct bpf_flow_keys *keys = skb->flow_keys;
	__u8 *base = (__u8 *)data;

	if (!s)
		return BPF_DROP;
	base += s->st.start & OFL_FD_MAX_START;
	return ofl_fk_keys(base, end, &s->res, &s->st, keys);
}

SEC("flow_dissector")
int ofl_flow_dissector(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	__u32 zero = 0, i, nhoff = keys->nhoff, start, root;
	__u16 nproto = __builtin_bswap16(keys->n_proto);
	struct ofl_fd_scratch *s = bpf_map_lookup_elem(&ofl_fd_scratch, &zero);
	struct ofl_parse_cfg *cfg = bpf_map_lookup_elem(&ofl_fd_ports, &zero);
	__u8 *et;
	int ret;

	if (!s)
		return BPF_DROP;
	if (nhoff > OFL_FD_MAX_START)
		return BPF_FLOW_DISSECTOR_CONTINUE;
	if (nproto == OFL_FK_ETH_P_IP) {
		root = OFL_PROTO_IPV4;
		start = nhoff;
	} else if (nproto == OFL_FK_ETH_P_IPV6) {
		root = OFL_PROTO_IPV6;
		start = nhoff;
	} else {
		if (nhoff < 14)
			return BPF_FLOW_DISSECTOR_CONTINUE;
		start = nhoff - 14;
		et = (__u8 *)data + start;
		if (et + 14 > (__u8 *)end ||
		    ((__u16)et[12] << 8 | et[13]) != nproto)
			return BPF_FLOW_DISSECTOR_CONTINUE;
		root = OFL_PROTO_ETH;
	}
	ofl_fk_init(&s->st, keys->flags, start, nproto);
	/* the keys need the layers and flows, none of lib/parser's META
	 * (TCP options, VLAN TCIs, tunnel ids): level (c) skips those
	 * stores, 5-10% of the time per frame (docs/PERFORMANCE.md) */
	ret = ofl_parse_begin_mask((__u8 *)data + start, end, root,
				   cfg && cfg->size ? cfg : NULL,
				   OFL_PARSE_MASK_LAYERS, &s->res,
				   sizeof(s->res));
	/* the common stacks in one go (lib/parser's fast path, the same
	 * result: no step call for them), else the steps */
	if (!ret)
		ret = ofl_parse_fast((__u8 *)data + start, end, &s->res,
				     sizeof(s->res));
	for (i = 0; ret > 0 && i < OFL_PARSE_MAX_DEPTH; i++)
		ret = ofl_fd_step(skb, s);
	ofl_parse_finish(&s->res, ret, sizeof(s->res));
	return ofl_fd_keys(skb, s);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
