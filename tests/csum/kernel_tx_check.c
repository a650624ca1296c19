// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Differential check against the running kernel's software checksum
 * completion (skb_checksum_help, reached when the device has checksum
 * offload off): reads frames captured on a veth as hex lines on stdin and,
 * for each IPv4 or IPv6 UDP/TCP frame, rebuilds the CHECKSUM_PARTIAL state
 * the stack handed down (the field holding the pseudo-header sum), runs
 * ofl_csum_help() on it and compares the stored field with the kernel's.
 * Prints the counts; exit 1 on any difference or if the zero-result case
 * (stored as 0xffff) was not seen for both families.
 */
#include <stdio.h>
#include <string.h>
#include <offload/csum.h>

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int check(uint8_t *f, size_t n, int *fam, int *mangled)
{
	struct ofl_csum_state st;
	size_t l3 = 14, l4, len, field;
	uint8_t kernel[2], proto;
	uint16_t pseudo;

	if (n < 14 + 20)
		return -1;
	if (f[12] == 0x08 && f[13] == 0x00) {
		uint32_t s, d;

		l4 = l3 + (size_t)(f[l3] & 15) * 4;
		proto = f[l3 + 9];
		len = (size_t)(f[l3 + 2] << 8 | f[l3 + 3]) - (l4 - l3);
		memcpy(&s, f + l3 + 12, 4);
		memcpy(&d, f + l3 + 16, 4);
		pseudo = (uint16_t)~ofl_csum_tcpudp_magic(s, d, (uint32_t)len,
							  proto, 0);
		*fam = 4;
	} else if (f[12] == 0x86 && f[13] == 0xdd && n >= 14 + 40) {
		l4 = l3 + 40;
		proto = f[l3 + 6];
		len = (size_t)(f[l3 + 4] << 8 | f[l3 + 5]);
		pseudo = (uint16_t)~ofl_csum_ipv6_magic(f + l3 + 8, f + l3 + 24,
							(uint32_t)len, proto,
							0);
		*fam = 6;
	} else {
		return -1;
	}
	if (proto == 17)
		field = l4 + 6;
	else if (proto == 6)
		field = l4 + 16;
	else
		return -1;
	if (l4 + len > n || field + 2 > n)
		return -1;
	memcpy(kernel, f + field, 2);
	memcpy(f + field, &pseudo, 2);
	memset(&st, 0, sizeof(st));
	st.ip_summed = OFL_CHECKSUM_PARTIAL;
	st.csum_start = (uint16_t)l4;
	st.csum_offset = (uint16_t)(field - l4);
	if (ofl_csum_help(f, f + l4 + len, &st))
		return 1;
	*mangled = kernel[0] == 0xff && kernel[1] == 0xff && proto == 17;
	return memcmp(kernel, f + field, 2) != 0;
}

int main(void)
{
	static char line[20000];
	static uint8_t f[9000];
	int frames = 0, bad = 0, m4 = 0, m6 = 0;

	while (fgets(line, sizeof(line), stdin)) {
		size_t n = 0, i;
		int fam = 0, mangled = 0, r;

		for (i = 0; line[i] && line[i + 1] && n < sizeof(f); i += 2) {
			int hi = hexval(line[i]), lo = hexval(line[i + 1]);

			if (hi < 0 || lo < 0)
				break;
			f[n++] = (uint8_t)(hi << 4 | lo);
		}
		r = check(f, n, &fam, &mangled);
		if (r < 0)
			continue;
		frames++;
		bad += r;
		if (mangled && fam == 4)
			m4++;
		if (mangled && fam == 6)
			m6++;
	}
	printf("%d frames, %d differ, zero stored as 0xffff: %d IPv4, %d IPv6\n",
	       frames, bad, m4, m6);
	return bad || frames == 0 || !m4 || !m6;
}
