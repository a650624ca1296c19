/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Tool-local: print an ofl_parse_result as JSON or as one text line. */
#ifndef OFL_TOOLS_PARSER_FMT_H
#define OFL_TOOLS_PARSER_FMT_H

#include <stdio.h>
#include <offload/parser.h>

void parser_print_json(FILE *f, unsigned long frame,
		       const struct ofl_parse_result *r);
void parser_print_text(FILE *f, unsigned long frame,
		       const struct ofl_parse_result *r);

#endif
