// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Output shim of the firmware target: the suite, its digest over
 * semihosting, and the exit status (0 when every known answer held). */
#include "conf.h"

void ofl_fw_write0(const char *s);
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
	return ofl_fw_conf.failures ? 1 : 0;
}
