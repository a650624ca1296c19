// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * bindings/ebpf/xdp_csum_verify.bpf.c under BPF_PROG_TEST_RUN: generated
 * Ethernet frames (0-2 VLAN tags, IPv4 with options or IPv6 with extension
 * headers including SRv6 segment routing headers, TCP or UDP, padding and
 * trailers) with right checksums and with
 * one flipped bit; the verdicts (DROP for a bad checksum, PASS otherwise,
 * PASS always with count_only) and the per-CPU counters must be exactly
 * those expected. Checksums of the frames come from a plain RFC 1071 model
 * here, not from ofl.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpf_run.h"
#include "xdp_csum_verify.h"
#include "xdp_csum_verify.skel.h"

#define NFRAMES 3000
#define XDP_DROP_ 1
#define XDP_PASS_ 2

static uint64_t seed;
static unsigned int nsrv6;	/* good frames with a segment routing header */

static uint32_t rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(seed >> 33);
}

/* RFC 1071 over big-endian 16-bit words, then folded (not complemented). */
static uint32_t ref_sum(const uint8_t *p, size_t n, uint32_t s)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

enum kind { GOOD, BAD_IP, BAD_L4, UDP_ZERO, FRAG, NOT_IP, SRV6_WRONG,
	     NKINDS };

struct expect {
	struct ofl_xdpc_count c[OFL_XDPC_NR];
	unsigned int drop;
};

/* Build one frame of @kind into @f; return its length and account for
 * what the program must do in @e. */
static size_t make_frame(uint8_t *f, enum kind kind, struct expect *e,
			 int *drop)
{
	int v6 = rnd() & 1, tcp = rnd() & 1, vlans = (int)(rnd() % 3), i;
	int srh = 0;
	const uint8_t *final = NULL;
	size_t off = 12, l3, l4, hl, ext = 0, plen = rnd() % 1400, l4len, n;
	unsigned int slot;
	uint32_t s;

	if (kind == UDP_ZERO)
		tcp = 0;
	if (kind == SRV6_WRONG)
		v6 = 1;
	if (kind == BAD_IP || kind == FRAG)
		v6 = 0;
	if (rnd() % 8 == 0)
		plen = rnd() % 3000;	/* up to the test_run page limit */
	for (i = 0; i < 12; i++)
		f[i] = (uint8_t)rnd();
	for (i = 0; i < vlans; i++) {
		put16(f + off, i == 0 && vlans == 2 ? 0x88a8 : 0x8100);
		put16(f + off + 2, rnd() & 0xfff);
		off += 4;
	}
	put16(f + off, kind == NOT_IP ? 0x0806 : v6 ? 0x86dd : 0x0800);
	l3 = off + 2;
	if (kind == NOT_IP) {
		n = l3 + 28 + rnd() % 100;
		for (i = (int)l3; i < (int)n; i++)
			f[i] = (uint8_t)rnd();
		*drop = 0;
		return n;
	}
	if (v6) {
		int next = tcp ? 6 : 17;

		hl = 40;
		ext = (rnd() % 4 == 0) ? 8 * (1 + rnd() % 2) : 0;
		if (kind == SRV6_WRONG)	/* the active segment is not the
					 * final one */
			srh = 2 + (int)(rnd() % 2);
		else if (kind == GOOD && rnd() % 4 == 0)
			srh = 1 + (int)(rnd() % 3);	/* segments */
		nsrv6 += srh && kind == GOOD;
		memset(f + l3, 0, 40 + ext);
		f[l3] = 0x60;
		f[l3 + 6] = ext ? 0 : srh ? 43 : (uint8_t)next;
		f[l3 + 7] = 64;
		f[l3 + 8] = 0x20; f[l3 + 9] = 0x01; f[l3 + 10] = 0x0d;
		f[l3 + 11] = 0xb8;
		f[l3 + 24] = 0x20; f[l3 + 25] = 0x01; f[l3 + 26] = 0x0d;
		f[l3 + 27] = 0xb8;
		for (i = 12; i < 24; i++) {
			f[l3 + 8 + i - 8] = (uint8_t)rnd();
			f[l3 + 24 + i - 8] = (uint8_t)rnd();
		}
		for (i = 0; i < (int)ext; i += 8) {
			/* hop-by-hop, then destination options: PadN */
			f[l3 + 40 + i] = (uint8_t)(i + 8 < (int)ext ? 60 :
						   srh ? 43 : next);
			f[l3 + 41 + i] = 0;
			f[l3 + 42 + i] = 1;
			f[l3 + 43 + i] = 4;
		}
		if (srh) {	/* RFC 8754 SRH, Segment List[0] = final */
			uint8_t *r = f + l3 + 40 + ext;
			int j;

			r[0] = (uint8_t)next;
			r[1] = (uint8_t)(2 * srh);
			r[2] = 4;
			r[3] = (uint8_t)(srh - 1);	/* segments left */
			r[4] = (uint8_t)(srh - 1);	/* last entry */
			r[5] = r[6] = r[7] = 0;
			for (j = 0; j < 16 * srh; j++)
				r[8 + j] = (uint8_t)(j % 16 < 4 ?
					f[l3 + 24 + j % 16] : rnd());
			/* destination: the active segment, List[left] */
			memcpy(f + l3 + 24, r + 8 + 16 * (srh - 1), 16);
			final = r + 8;
			ext += 8 + 16 * (size_t)srh;
		}
	} else {
		hl = rnd() % 4 == 0 ? 20 + 4 * (1 + rnd() % 10) : 20;
		memset(f + l3, 0, hl);
		f[l3] = (uint8_t)(0x40 | hl / 4);
		put16(f + l3 + 4, rnd() & 0xffff);
		f[l3 + 6] = kind == FRAG ? 0x20 : 0x40;	/* MF : DF */
		f[l3 + 8] = 64;
		f[l3 + 9] = tcp ? 6 : 17;
		f[l3 + 12] = 198; f[l3 + 13] = 18;
		f[l3 + 14] = (uint8_t)rnd(); f[l3 + 15] = (uint8_t)rnd();
		f[l3 + 16] = 198; f[l3 + 17] = 19;
		f[l3 + 18] = (uint8_t)rnd(); f[l3 + 19] = (uint8_t)rnd();
		memset(f + l3 + 20, 1, hl - 20);	/* NOP options */
	}
	l4 = l3 + hl + ext;
	l4len = (tcp ? 20 : 8) + plen;
	memset(f + l4, 0, tcp ? 20 : 8);
	put16(f + l4, rnd() & 0xffff);
	put16(f + l4 + 2, rnd() & 0xffff);
	if (tcp) {
		for (i = 4; i < 12; i++)
			f[l4 + i] = (uint8_t)rnd();
		f[l4 + 12] = 0x50;
		f[l4 + 13] = 0x18;
		put16(f + l4 + 14, rnd() & 0xffff);
	} else {
		put16(f + l4 + 4, (uint32_t)l4len);
	}
	for (i = 0; i < (int)plen; i++)
		f[l4 + (tcp ? 20 : 8) + i] = (uint8_t)rnd();
	/* pseudo header + L4 */
	if (v6) {
		put16(f + l3 + 4, (uint32_t)(ext + l4len));
		s = ref_sum(f + l3 + 8, 16, 0);
		/* SRV6_WRONG: what a NIC that ignores the SRH computes */
		s = ref_sum(final && kind != SRV6_WRONG ? final : f + l3 + 24,
			    16, s);
	} else {
		put16(f + l3 + 2, (uint32_t)(hl + l4len));
		put16(f + l3 + 10, ~ref_sum(f + l3, hl, 0) & 0xffff);
		s = ref_sum(f + l3 + 12, 8, 0);
	}
	s += (uint32_t)l4len + (tcp ? 6 : 17);
	s = ~ref_sum(f + l4, l4len, s) & 0xffff;
	if (!tcp && s == 0)
		s = 0xffff;	/* RFC 768: 0 is sent as all ones */
	if (kind == UDP_ZERO)
		s = 0;
	put16(f + l4 + (tcp ? 16 : 6), s);
	n = l4 + l4len;
	/* Ethernet padding to 60 bytes, sometimes a trailer (e.g. an FCS) */
	while (n < 60)
		f[n++] = (uint8_t)rnd();
	if (rnd() % 8 == 0)
		for (i = (int)(rnd() % 65); i > 0; i--)
			f[n++] = (uint8_t)rnd();

	slot = v6 ? (tcp ? OFL_XDPC_TCP6 : OFL_XDPC_UDP6) :
		    (tcp ? OFL_XDPC_TCP4 : OFL_XDPC_UDP4);
	*drop = 0;
	if (!v6)
		e->c[OFL_XDPC_IPV4].good += kind != BAD_IP;
	switch (kind) {
	case GOOD:
		e->c[slot].good++;
		break;
	case BAD_IP:	/* any header byte but version/IHL */
		f[l3 + 1 + rnd() % 19] ^= (uint8_t)(1u << (rnd() % 8));
		e->c[OFL_XDPC_IPV4].bad++;
		*drop = 1;
		break;
	case BAD_L4:	/* any L4 byte, but not UDP/IPv4's checksum: 0 there
			 * would mean "no checksum" */
		do
			i = (int)(rnd() % l4len);
		while (!tcp && !v6 && (i == 6 || i == 7));
		f[l4 + (size_t)i] ^= (uint8_t)(1u << (rnd() % 8));
		e->c[slot].bad++;
		*drop = 1;
		break;
	case UDP_ZERO:
		if (v6) {
			e->c[slot].bad++;
			*drop = 1;
		} else {
			e->c[slot].unchecked++;
		}
		break;
	case FRAG:
		e->c[OFL_XDPC_OTHER].unchecked++;
		break;
	case SRV6_WRONG:
		e->c[slot].bad++;
		*drop = 1;
		break;
	default:
		break;
	}
	return n;
}

static int run_mode(int count_only)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo);
	static char log[1 << 16];
	static uint8_t frame[4096];
	struct xdp_csum_verify *skel;
	struct expect e;
	struct ofl_xdpc_count *vals;
	int ncpu = libbpf_num_possible_cpus(), fd, mfd, err, i, bad = 0;
	unsigned int kinds[NKINDS] = { 0 }, slot;
	const char *p;

	oo.kernel_log_buf = log;
	oo.kernel_log_size = sizeof(log);
	oo.kernel_log_level = 4;
	seed = 0x5eed0f1ULL + (uint64_t)count_only;
	nsrv6 = 0;
	memset(&e, 0, sizeof(e));
	skel = xdp_csum_verify__open_opts(&oo);
	if (!skel)
		return -errno;
	skel->rodata->count_only = (uint32_t)count_only;
	err = xdp_csum_verify__load(skel);
	if (err) {
		xdp_csum_verify__destroy(skel);
		if (ofl_bpf_refused(err)) {
			printf("SKIP: the kernel refuses BPF here (%s)\n",
			       strerror(-err));
			exit(OFL_TEST_SKIP);
		}
		fprintf(stderr, "FAIL: verifier rejected the program:\n%s\n",
			log);
		return 1;
	}
	p = strstr(log, "processed ");
	printf("count_only=%d: verifier accepted, %ld insns processed\n",
	       count_only, p ? strtol(p + 10, NULL, 10) : -1L);
	fd = bpf_program__fd(skel->progs.xdp_csum_verify);
	mfd = bpf_map__fd(skel->maps.ofl_csum_stats);
	for (i = 0; i < NFRAMES; i++) {
		enum kind k = (enum kind)(i % 10 < 5 ? GOOD :
					  1 + (unsigned int)i % (NKINDS - 1));
		int drop, want;
		size_t len = make_frame(frame, k, &e, &drop);
		uint32_t ret;

		want = drop && !count_only ? XDP_DROP_ : XDP_PASS_;
		e.drop += want == XDP_DROP_;
		kinds[k]++;
		err = ofl_bpf_run(fd, frame, len, NULL, NULL, &ret);
		if (err) {
			fprintf(stderr, "frame %d: test_run: %s\n", i,
				strerror(-err));
			return 1;
		}
		if ((int)ret != want) {
			if (bad++ < 10)
				fprintf(stderr, "frame %d (kind %d, %zu bytes): "
					"verdict %u, want %d\n", i, k, len,
					ret, want);
		}
	}
	vals = calloc((size_t)ncpu, sizeof(*vals));
	for (slot = 0; slot < OFL_XDPC_NR; slot++) {
		struct ofl_xdpc_count sum = { 0, 0, 0 };

		if (bpf_map_lookup_elem(mfd, &slot, vals))
			return 1;
		for (i = 0; i < ncpu; i++) {
			sum.good += vals[i].good;
			sum.bad += vals[i].bad;
			sum.unchecked += vals[i].unchecked;
		}
		printf("  slot %u: good %llu bad %llu unchecked %llu\n", slot,
		       (unsigned long long)sum.good,
		       (unsigned long long)sum.bad,
		       (unsigned long long)sum.unchecked);
		if (memcmp(&sum, &e.c[slot], sizeof(sum))) {
			fprintf(stderr, "slot %u: want good %llu bad %llu "
				"unchecked %llu\n", slot,
				(unsigned long long)e.c[slot].good,
				(unsigned long long)e.c[slot].bad,
				(unsigned long long)e.c[slot].unchecked);
			bad++;
		}
	}
	free(vals);
	xdp_csum_verify__destroy(skel);
	printf("count_only=%d: %d frames (good %u of which %u SRv6, bad IPv4 "
	       "header %u, bad L4 %u, UDP zero %u, fragment %u, not IP %u, "
	       "SRv6 summed with the wrong destination %u), %u dropped, "
	       "%d mismatches\n", count_only, NFRAMES, kinds[GOOD], nsrv6,
	       kinds[BAD_IP], kinds[BAD_L4], kinds[UDP_ZERO], kinds[FRAG],
	       kinds[NOT_IP], kinds[SRV6_WRONG], e.drop, bad);
	return bad ? 1 : 0;
}

int main(void)
{
	libbpf_set_print(NULL);
	return run_mode(0) || run_mode(1);
}
