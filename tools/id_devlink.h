/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The identities a device reports: `fw.app.ofl.<module> <sha256>` in the
 * `running` group of devlink dev info (DEVLINK_CMD_INFO_GET over generic
 * netlink), as bindings/kernel/vnic_ops.c reports them (docs/IDENTITY.md).
 */
#ifndef OFL_TOOLS_ID_DEVLINK_H
#define OFL_TOOLS_ID_DEVLINK_H

#include <stddef.h>
#include "id_elf.h"

/* the prefix of a running version name that carries an ofl identity */
#define OFL_ID_DEVLINK_PREFIX "fw.app.ofl."

/*
 * Parses the attributes of one DEVLINK_CMD_INFO_GET reply (what follows
 * the genlmsghdr: @len bytes at @attrs, native byte order as netlink
 * carries them) into @set: one record per DEVLINK_ATTR_INFO_VERSION_RUNNING
 * whose name starts with OFL_ID_DEVLINK_PREFIX; its value must be 64
 * lowercase or uppercase hex digits. Fixed and stored versions, and other
 * running versions, are ignored. @set->n may be 0 (not an ofl device).
 * Returns 0, or -1 with a message in @err (a malformed attribute, an ofl
 * entry whose name or value is not an identity, the same module twice
 * with different values).
 */
int ofl_id_devlink_parse(const void *attrs, size_t len, struct ofl_id_set *set,
			 char *err, size_t errlen);

/*
 * Reads the identities of @dev: a devlink handle "BUS/NAME" (e.g.
 * "platform/ofl_vnic.0", "pci/0000:01:00.0") or a network device name,
 * resolved through /sys/class/net/<dev>/device (its bus and device name)
 * in the caller's network namespace. Writes the handle to @handle.
 * Returns 0 with @set->n > 0; -1 with a message in @err when the device
 * cannot be read (no such netdev, no device behind it, no devlink, no
 * devlink instance, no info) or reports no ofl identity.
 */
int ofl_id_read_device(const char *dev, char *handle, size_t hlen,
		       struct ofl_id_set *set, char *err, size_t errlen);

#endif
