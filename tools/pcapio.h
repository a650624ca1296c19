/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Reading and writing captures for the ofl tool (libpcap: pcap and pcapng). */
#ifndef OFL_TOOLS_PCAPIO_H
#define OFL_TOOLS_PCAPIO_H

#include <stddef.h>
#include <stdint.h>

struct pcapio_in;
struct pcapio_out;

/* Open a capture for reading; prints the reason and returns NULL on error.
 * Only Ethernet (DLT_EN10MB) captures are accepted. */
struct pcapio_in *pcapio_open(const char *path);
/* The same for any link type (DLT_* value in *linktype), for commands that
 * handle more than Ethernet (ofl parse). Nanosecond pcaps are read too (the
 * timestamps are given in microseconds). */
struct pcapio_in *pcapio_open_any(const char *path, int *linktype);
/* Next frame: 1 with data, len (caplen) set, 0 at the end, -1 on error.
 * *wirelen is the original length (may exceed *len for snapped frames). */
int pcapio_next(struct pcapio_in *in, const uint8_t **data, size_t *len,
		size_t *wirelen, uint64_t *ts_usec);
void pcapio_close(struct pcapio_in *in);

/* Create an Ethernet pcap for writing (snaplen 262144). */
struct pcapio_out *pcapio_create(const char *path);
int pcapio_write(struct pcapio_out *out, const uint8_t *data, size_t len,
		 uint64_t ts_usec);
void pcapio_finish(struct pcapio_out *out);

#endif
