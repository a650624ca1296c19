// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <stdio.h>
#include "cmds.h"

int cmd_gro(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "ofl gro: not implemented yet\n");
	return 2;
}
