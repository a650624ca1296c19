// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Receive-side differential against the running kernel: reads the frames
 * that kernel_rx.sh injected (hex lines on stdin), verifies each one's L4
 * checksum with ofl_csum_verify_complete() from a whole-frame sum, and
 * prints how many the kernel should have counted as checksum errors:
 *   "udp4 N udp6 N tcp N udp4short N"
 * (Udp InCsumErrors, Udp6 InCsumErrors, Tcp InCsumErrors, and the UDP/IPv4
 * frames dropped as short: Udp InErrors minus InCsumErrors; here those
 * ofl_csum_layers_from_parse() refuses with OFL_EBADMSG).
 * The layer list comes from ofl_parse() and ofl_csum_layers_from_parse().
 * Nothing listens on the ports used; a zero UDP checksum over IPv6 is then
 * still an error (__udp6_lib_rcv, no socket: "if (!uh->check) goto
 * report_csum_error"), as ofl says without OFL_CSUM_L_UDP6_ZERO_OK.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>
#include <offload/parser.h>

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int main(void)
{
	static char line[20000];
	static uint8_t f[9000];
	int udp4 = 0, udp6 = 0, tcp = 0, frames = 0, lines = 0, short4 = 0;

	while (fgets(line, sizeof(line), stdin)) {
		struct ofl_csum_layers ly;
		struct ofl_csum_state st;
		static struct ofl_parse_result pr;
		const struct ofl_csum_layer *l = &ly.l[0];
		uint8_t res[OFL_CSUM_MAX_LAYERS];
		size_t n = 0, i, l3 = 14;
		int r;

		for (i = 0; line[i] && line[i + 1] && n < sizeof(f); i += 2) {
			int hi = hexval(line[i]), lo = hexval(line[i + 1]);

			if (hi < 0 || lo < 0)
				break;
			f[n++] = (uint8_t)(hi << 4 | lo);
		}
		lines++;
		/* the layers from the parse: lengths from the IP headers
		 * (padding and trailer excluded), past IPv6 options */
		ofl_parse(f, f + n, OFL_PROTO_ETH, &pr, sizeof(pr));
		r = ofl_csum_layers_from_parse(&pr, sizeof(pr), f, f + n, &ly,
					       sizeof(ly));
		/* a UDP length the kernel drops as a short packet */
		if (r == OFL_EBADMSG && pr.outer.family == 4 &&
		    pr.outer.ip_proto == 17) {
			short4++;
			frames++;
			continue;
		}
		if (r || ly.n != 1)
			continue;
		if (l->proto != 6 && l->proto != 17)
			continue;
		/* the device's whole-frame sum, from the IP header on */
		memset(&st, 0, sizeof(st));
		st.ip_summed = OFL_CHECKSUM_COMPLETE;
		st.csum_start = (uint16_t)l3;
		st.csum = ofl_csum_partial(f + l3, n - l3, 0);
		frames++;
		if (ofl_csum_verify_complete(f, f + n, &st, &ly, res) !=
		    OFL_ECSUM)
			continue;
		if (l->proto == 6)
			tcp++;
		else if (l->family == 4)
			udp4++;
		else
			udp6++;
	}
	fprintf(stderr, "%d TCP/UDP frames of %d\n", frames, lines);
	printf("udp4 %d udp6 %d tcp %d udp4short %d\n", udp4, udp6, tcp,
	       short4);
	/* every frame injected has one TCP/UDP checksum: one not listed
	 * would hide a difference from the kernel's count */
	return frames == 0 || frames != lines;
}
