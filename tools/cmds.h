/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Subcommands of the ofl tool: each lives in tools/cmd_<name>.c. */
#ifndef OFL_TOOLS_CMDS_H
#define OFL_TOOLS_CMDS_H

/* argv[0] is the subcommand name; return the process exit status. */
int cmd_csum(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_rss(int argc, char **argv);
int cmd_gso(int argc, char **argv);
int cmd_gro(int argc, char **argv);
int cmd_id(int argc, char **argv);
int cmd_conform(int argc, char **argv);

#endif
