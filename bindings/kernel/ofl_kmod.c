// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The kmod target: module init runs the conformance suite on the core
 * compiled by Kbuild from the unchanged lib/ sources, and prints
 * "ofl-conformance digest <hex> cases <n> failures <n>" to the kernel log.
 * modinfo shows the identity of every module of the core (ofl_id_<module>),
 * and the .ofl_id section carries the same records.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "all.c"
#include "conf_run.c"

static struct ofl_conf ofl_kmod_conf;

static int __init ofl_kmod_init(void)
{
	char line[128];

	ofl_conf_run(&ofl_kmod_conf, NULL, NULL);
	ofl_conf_summary(&ofl_kmod_conf, line);
	pr_info("ofl-conformance %s\n", line);
	return 0;
}

static void __exit ofl_kmod_exit(void)
{
}

module_init(ofl_kmod_init);
module_exit(ofl_kmod_exit);

#define OFL_KMOD_ID(m, hex) MODULE_INFO(ofl_id_##m, hex);
OFL_IDENTITY_MODINFO(OFL_KMOD_ID)

MODULE_DESCRIPTION("ofl conformance suite (one source, every target)");
MODULE_LICENSE("Dual BSD/GPL");
