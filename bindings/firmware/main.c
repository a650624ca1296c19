// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Output shim of the firmware target: the suite, its digest over
 * semihosting, and the exit status (0 when every known answer held). */
#include "conf.h"

void ofl_fw_write0(const char *s);
unsigned int ofl_fw_stack_used(void);
int ofl_fw_main(void);

static struct ofl_conf ofl_fw_conf;	/* static RAM, not the stack */

int ofl_fw_main(void)
{
	char line[128], mods[512];

	ofl_conf_run(&ofl_fw_conf, 0, 0);
	ofl_conf_summary(&ofl_fw_conf, line);
	ofl_fw_write0("ofl-conformance ");
	ofl_fw_write0(line);
	ofl_fw_write0("\n");
	ofl_conf_modules(&ofl_fw_conf, mods, sizeof(mods));
	ofl_fw_write0(mods);
	{	/* measured, whole call chain incl. startup and this frame */
		char t[32];
		unsigned int v = ofl_fw_stack_used(), n = 0, i;
		char d[12];

		do {
			d[n++] = (char)('0' + v % 10u);
			v /= 10u;
		} while (v && n < sizeof(d));
		for (i = 0; n; i++)
			t[i] = d[--n];
		t[i] = 0;
		ofl_fw_write0("stack high-water ");
		ofl_fw_write0(t);
		ofl_fw_write0(" bytes\n");
	}
	return ofl_fw_conf.failures ? 1 : 0;
}
