// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The kernel's skb hash with the ofl flow dissector attached in one
 * network namespace (A) and the built-in dissector in another (B): for
 * every frame F of the corpus and of generated frames (tests/parser's
 * catalogue, and each of those cut at every length), khash.bpf.c (tc,
 * bpf_get_hash_recalc()) runs under BPF_PROG_TEST_RUN in A and in B. The
 * skb's device is the namespace's loopback, so __skb_flow_dissect() runs
 * the program attached there. hash_A(F) must equal hash_B(F), or else
 * hash_B(T(F)) where T undoes one documented difference (docs/PARSER.md):
 *   vlan     the built-in hashes the first VLAN tag (flow_keys.vlan);
 *            struct bpf_flow_keys has no field for it: T drops the tags
 *   gre-key  likewise the GRE key (flow_keys.keyid): T drops the key
 *   4in6     the built-in hashes 4 stale bytes of an outer IPv6 source
 *            under inner IPv4 addresses: T zeroes them
 *   beyond   ofl entered a UDP tunnel or an MPLS payload, which the
 *            built-in does not: T is the inner IP packet behind an
 *            Ethernet header (what the built-in sees once decapsulated)
 * Any other difference fails the test. Every frame's keys are also
 * computed through lib/parser natively and compared with the program's
 * under BPF_PROG_TEST_RUN (flow dissector type, flags 0 and each flag).
 * FLOWDISS_DEBUG=1 prints both hashes of T(F) when T does not explain F.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#define PCAP_DONT_INCLUDE_PCAP_BPF_H 1 /* its struct bpf_insn is linux/bpf.h's */
#include <pcap/pcap.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <offload/parser.h>
#include "bpf_run.h"
#include "fd_run.h"
#include "fk_native.h"
#include "frames.h"

#define MAXF 2048	/* longer frames are cut: only headers matter */

static int prog_fd, prog_hash, ns_a, ns_b;
static unsigned long nshort, nframes, nequal, ndiff[6], nbad, nnat, nnatbad;
static const char *const dname[6] = { "vlan", "gre-key", "beyond",
	"vlan-802.3", "pptp", "4in6-stale" };

static int khash(int ns, const uint8_t *b, size_t n, uint32_t *h)
{
	if (setns(ns, CLONE_NEWNET)) {
		perror("setns");
		return -1;
	}
	return ofl_bpf_run(prog_hash, b, n, NULL, NULL, h);
}

/* remove n bytes at off */
static void cut(uint8_t *b, size_t *len, size_t off, size_t n)
{
	memmove(b + off, b + off + n, *len - off - n);
	*len -= n;
}

/* T for "vlan" and "gre-key": drop VLAN tags and GRE keys. Returns the
 * kinds removed (bit 0 vlan, bit 1 gre-key). */
static int strip(uint8_t *b, size_t *n)
{
	static struct ofl_parse_result r;
	int i, kinds = 0;

	ofl_parse(b, b + *n, OFL_PROTO_ETH, &r, sizeof(r));
	/* a GRE header cut short (not listed) after the last IPv4 header:
	 * the built-in still reads its key when the key is there */
	i = r.nlayers - 1;
	if (i >= 0 && r.layers[i].proto == OFL_PROTO_IPV4 &&
	    b[r.layers[i].offset + 9] == 47) {
		size_t g = (size_t)r.layers[i].offset + r.layers[i].len;
		size_t k = g + 4 + ((g < *n && (b[g] & 0x80)) ? 4 : 0);

		if (g + 2 <= *n && (b[g] & 0x20) && !(b[g + 1] & 7) &&
		    k + 4 <= *n) {
			b[g] &= (uint8_t)~0x20;
			cut(b, n, k, 4);
			kinds |= 2;
		}
	}
	for (i = r.nlayers - 1; i >= 0; i--) {
		const struct ofl_parse_layer *l = &r.layers[i];

		if (l->proto == OFL_PROTO_VLAN && i > 0) {
			/* the tag's TPID is the previous header's type */
			cut(b, n, l->offset - 2, 4);
			kinds |= 1;
		} else if (l->proto == OFL_PROTO_GRE && (b[l->offset] & 0x20) &&
			   (b[l->offset + 1] & 7) == 0) {
			size_t k = l->offset + 4 + ((b[l->offset] & 0x80) ? 4 : 0);

			b[l->offset] &= (uint8_t)~0x20;
			cut(b, n, k, 4);
			kinds |= 2;
		}
	}
	return kinds;
}

/* native keys == the program's, for flags 0 and each flag */
static void native(const uint8_t *b, size_t n)
{
	static const uint32_t fl[4] = { 0, BPF_FLOW_DISSECTOR_F_PARSE_1ST_FRAG,
		BPF_FLOW_DISSECTOR_F_STOP_AT_FLOW_LABEL,
		BPF_FLOW_DISSECTOR_F_STOP_AT_ENCAP };
	static struct ofl_parse_result r;
	struct bpf_flow_keys kb, kn;
	struct ofl_fk_state st;
	uint32_t ret;
	int i, nret;

	for (i = 0; i < 4; i++) {
		if (fd_run(prog_fd, b, n, fl[i], 1, &kb, &ret, NULL))
			continue;
		nret = fk_native(b, n, fl[i], &kn, &st, &r);
		nnat++;
		if (ret == BPF_FLOW_DISSECTOR_CONTINUE)
			continue;
		if ((uint32_t)nret != ret || memcmp(&kb, &kn, sizeof(kb))) {
			if (nnatbad++ < 10)
				fprintf(stderr, "native keys differ (len %zu, "
					"flags %u)\n", n, fl[i]);
		}
	}
}

static void one(const char *what, const uint8_t *f, size_t n)
{
	static uint8_t t[MAXF];
	static struct ofl_parse_result r;
	struct bpf_flow_keys k;
	struct ofl_fk_state st;
	uint32_t ha, hb, ht;
	size_t tn;
	int kinds, rc;

	if (n < 14)
		return;
	if (n > MAXF)
		n = MAXF;
	nframes++;
	native(f, n);
	rc = khash(ns_a, f, n, &ha);
	if (!rc)
		rc = khash(ns_b, f, n, &hb);
	if (rc == -EINVAL && n < 64) {
		/* bpf_prog_test_run_skb() refuses short frames (6.18: under
		 * 34 bytes): no hash to compare, nothing to explain */
		nshort++;
		return;
	}
	if (rc) {
		if (nbad++ < 20)
			fprintf(stderr, "%s (len %zu): BPF_PROG_TEST_RUN: %s\n",
				what, n, strerror(-rc));
		return;
	}
	if (ha == hb) {
		nequal++;
		return;
	}
	fk_native(f, n, BPF_FLOW_DISSECTOR_F_STOP_AT_FLOW_LABEL, &k, &st, &r);
	if (st.beyond && st.addr_fam) {
		size_t o = st.start + st.addr_off;

		memset(t, 0, 12);
		t[12] = st.addr_fam == 4 ? 0x08 : 0x86;
		t[13] = st.addr_fam == 4 ? 0x00 : 0xdd;
		tn = 14 + (n - o);
		memcpy(t + 14, f + o, n - o);
		strip(t, &tn);
		if (tn < 34) {	/* see nshort */
			nshort++;
			return;
		}
		rc = khash(ns_b, t, tn, &ht);
		if (rc == -EINVAL) {	/* see nshort */
			nshort++;
			return;
		}
		if (!rc && ht == ha) {
			ndiff[2]++;
			return;
		}
	} else {
		memcpy(t, f, n);
		tn = n;
		kinds = strip(t, &tn);
		if (kinds && tn < 34) {	/* see nshort */
			nshort++;
			return;
		}
		rc = kinds ? khash(ns_b, t, tn, &ht) : -1;
		if (rc == -EINVAL) {	/* see nshort */
			nshort++;
			return;
		}
		if (!rc && ht == ha) {
			ndiff[(kinds & 1) ? 0 : 1]++;
			return;
		}
		/* a VLAN tag over an 802.3 length: without the tag,
		 * eth_type_trans() reads the length as 802.2, so the stripped
		 * frame cannot stand in; ofl's keys must then be exactly the
		 * tag's EtherType and nothing else */
		if ((kinds & 1) && t[12] < 6 && !k.addr_proto && !k.ip_proto &&
		    __builtin_bswap16(k.n_proto) == (t[12] << 8 | t[13])) {
			ndiff[3]++;
			return;
		}
		if (kinds && getenv("FLOWDISS_DEBUG")) {
			uint32_t hat = 0;

			khash(ns_a, t, tn, &hat);
			fprintf(stderr, "T (len %zu): built-in %08x ofl %08x\n",
				tn, ht, hat);
		}
	}
	/* IPv4 behind an IPv6 header: the built-in's address union keeps
	 * bytes 8..11 of the outer IPv6 source under the inner IPv4
	 * addresses, and the 6.18 hash covers them; bpf_flow_keys gives
	 * 8 bytes for IPv4. Undone by zeroing those 4 bytes. */
	if (st.addr_fam == 4) {
		int i, v6 = -1;

		for (i = 0; i < r.nlayers; i++)
			if (r.layers[i].proto == OFL_PROTO_IPV6 &&
			    r.layers[i].offset + st.start < st.start + st.addr_off)
				v6 = r.layers[i].offset + st.start;
		if (v6 >= 0) {
			memcpy(t, f, n);
			memset(t + v6 + 8 + 8, 0, 4);
			if (!khash(ns_b, t, n, &ht) && ht == ha) {
				ndiff[5]++;
				return;
			}
		}
	}
	/* GRE version 1 (PPTP): the built-in enters its PPP payload, ofl
	 * stops at GRE (n_proto is GRE's protocol, 0x880b) */
	if (k.ip_proto == 47 && k.n_proto == __builtin_bswap16(0x880b)) {
		ndiff[4]++;
		return;
	}
	if (nbad++ < 400)
		fprintf(stderr, "UNEXPLAINED %s (len %zu): ofl %08x built-in "
			"%08x (ofl keys: n_proto %04x ip_proto %u ports %u/%u "
			"addr_proto %04x thoff %u)\n", what, n, ha, hb,
			__builtin_bswap16(k.n_proto), k.ip_proto,
			__builtin_bswap16(k.sport), __builtin_bswap16(k.dport),
			k.addr_proto, k.thoff);
}

static unsigned long corpus(const char *dir)
{
	char pat[4096], err[PCAP_ERRBUF_SIZE], what[4200];
	unsigned long files = 0;
	glob_t g;
	size_t i;

	snprintf(pat, sizeof(pat), "%s/*/*", dir);
	if (glob(pat, 0, NULL, &g))
		return 0;
	for (i = 0; i < g.gl_pathc; i++) {
		struct pcap_pkthdr *h;
		const u_char *d;
		unsigned long k = 0;
		pcap_t *p = pcap_open_offline(g.gl_pathv[i], err);

		if (!p)
			continue;
		if (pcap_datalink(p) != 1 /* DLT_EN10MB */) {
			pcap_close(p);
			continue;
		}
		files++;
		while (pcap_next_ex(p, &h, &d) == 1) {
			snprintf(what, sizeof(what), "%s #%lu",
				 g.gl_pathv[i], ++k);
			one(what, d, h->caplen);
		}
		pcap_close(p);
	}
	globfree(&g);
	return files;
}

int main(int argc, char **argv)
{
	static struct ofl_bpf bf, bh;
	static struct fb f;
	unsigned long files;
	unsigned int i;
	size_t len;
	int orig, rc;
	char what[64];

	if (argc < 4)
		return 2;
	if ((rc = ofl_bpf_load_test(&bf, argv[1])) ||
	    (rc = ofl_bpf_load_test(&bh, argv[2])))
		return rc;
	prog_fd = ofl_bpf_prog_fd(&bf, "ofl_flow_dissector");
	prog_hash = ofl_bpf_prog_fd(&bh, "khash");
	orig = open("/proc/self/ns/net", O_RDONLY);
	if (prog_fd < 0 || prog_hash < 0 || orig < 0)
		return 1;
	/* two fresh namespaces, gone with the process (no names, no cleanup
	 * to forget): A with ofl attached, B with the built-in dissector */
	if (unshare(CLONE_NEWNET)) {
		printf("SKIP: unshare(CLONE_NEWNET): %s\n", strerror(errno));
		return OFL_TEST_SKIP;
	}
	if (bpf_prog_attach(prog_fd, 0, BPF_FLOW_DISSECTOR, 0)) {
		fprintf(stderr, "attach the flow dissector in a namespace: %s "
			"(one attached to the initial namespace overrides all)\n",
			strerror(errno));
		return 1;
	}
	ns_a = open("/proc/self/ns/net", O_RDONLY);
	if (setns(orig, CLONE_NEWNET) || unshare(CLONE_NEWNET))
		return 1;
	ns_b = open("/proc/self/ns/net", O_RDONLY);
	if (ns_a < 0 || ns_b < 0)
		return 1;
	for (i = 0; i < FB_COUNT; i++) {
		if (!fb_frame(i, &f))
			continue;
		for (len = 14; len <= f.n; len++) {
			snprintf(what, sizeof(what), "frame %u cut at %zu", i,
				 len);
			one(what, f.b, len);
		}
	}
	files = corpus(argv[3]);
	setns(orig, CLONE_NEWNET);
	if (!files)
		printf("SKIP (corpus only): no Ethernet captures under %s\n",
		       argv[3]);
	printf("%lu frames (%lu capture files; %lu too short for a tc test "
	       "run): %lu equal hashes, documented "
	       "differences: %s %lu, %s %lu, %s %lu, %s %lu, %s %lu, %s %lu; %lu "
	       "unexplained; native "
	       "keys: %lu runs, %lu differ\n", nframes, files, nshort, nequal,
	       dname[0], ndiff[0], dname[1], ndiff[1], dname[2], ndiff[2],
	       dname[3], ndiff[3], dname[4], ndiff[4],
	       dname[5], ndiff[5], nbad, nnat, nnatbad);
	return nbad || nnatbad ? 1 : 0;
}
