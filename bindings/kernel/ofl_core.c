// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ofl.ko: the core, compiled by Kbuild from the unchanged lib/ sources, for
 * drivers to call. Every OFL_API function is exported GPL-only
 * (ofl_exports.c, generated from this object's symbols); a driver includes
 * <offload/offload.h> and declares MODULE_SOFTDEP("pre: ofl"). modinfo
 * shows the identity of every module of the core (ofl_id_<module>), the
 * same records ofl_identity() returns and the .ofl_id section holds, so a
 * driver can report what it runs (devlink dev info). Why a module and not
 * an include-into-your-driver form: docs/DRIVER.md.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "all.c"

static int __init ofl_init(void)
{
	unsigned int i, n;
	const struct ofl_id_record *r = ofl_identity(&n);

	for (i = 0; i < n; i++)
		pr_debug("ofl: %s %*phN\n", r[i].module, OFL_ID_DIGEST_LEN,
			 r[i].sha256);
	return 0;
}

static void __exit ofl_exit(void)
{
}

module_init(ofl_init);
module_exit(ofl_exit);

#define OFL_KMOD_ID(m, hex) MODULE_INFO(ofl_id_##m, hex);
OFL_IDENTITY_MODINFO(OFL_KMOD_ID)

MODULE_DESCRIPTION("ofl: network offloads as Linux does them (csum, parser, rss, gso, gro)");
MODULE_LICENSE("Dual BSD/GPL");
