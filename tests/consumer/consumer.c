// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A program built against the installed tree (pkg-config or find_package),
 * using the checksum contract of issue 2. Exit 0 and "ok" when right. */
#include <stdio.h>
#include <string.h>
#include <offload/offload.h>

int main(void)
{
	/* RFC 1071 section 3 example: sum 0xddf2, checksum 0x220d. */
	static const uint8_t rfc[8] = { 0x00, 0x01, 0xf2, 0x03,
					0xf4, 0xf5, 0xf6, 0xf7 };
	uint8_t wire[2];
	ofl_sum16 c = ofl_csum_fold(ofl_csum_partial(rfc, sizeof(rfc), 0));
	ofl_sum16 s = ofl_csum_fold(ofl_csum_span(rfc, rfc + sizeof(rfc), 0));
	ofl_wsum a = ofl_csum_partial(rfc, 3, 0);
	ofl_wsum b = ofl_csum_partial(rfc + 3, 5, 0);

	memcpy(wire, &c, 2);
	if (wire[0] != 0x22 || wire[1] != 0x0d || s != c ||
	    ofl_csum_fold(ofl_csum_block_add(a, b, 3)) != c) {
		printf("FAIL: checksum %02x%02x\n", wire[0], wire[1]);
		return 1;
	}
	printf("ok: ofl %s, RFC 1071 example checksum %02x%02x\n",
	       OFL_VERSION_STRING, wire[0], wire[1]);
	return 0;
}
