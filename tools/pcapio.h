/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Reading and writing captures for the ofl tool: pcap (microsecond and
 * nanosecond, either byte order) and pcapng (SHB, IDB, EPB, SPB and the
 * obsolete PB; other blocks skipped), read by the tool itself. A frame is
 * read whole, up to what the format can hold (pcap: a 32-bit captured
 * length; the file header's snaplen is not a limit: tshark does not cut
 * there either), so BIG TCP frames of 200000 bytes are seen as captured.
 * Every error message names the file once: "ofl: PATH: what".
 */
#ifndef OFL_TOOLS_PCAPIO_H
#define OFL_TOOLS_PCAPIO_H

#include <stddef.h>
#include <stdint.h>

/* Largest frame the tool takes into memory (a sanity bound, not the
 * formats': a larger captured length is reported as a corrupt file). */
#define PCAPIO_MAX_FRAME (64u << 20)

struct pcapio_in;
struct pcapio_out;

/* One frame as read. */
struct pcapio_frame {
	const uint8_t *data;	/* caplen bytes, valid until the next call */
	size_t caplen;		/* bytes captured */
	size_t wirelen;		/* bytes on the wire (>= caplen if snapped) */
	uint64_t ts_usec;
	int linktype;		/* LINKTYPE_* of the frame's interface */
};

/* Open a capture for reading (any link type: tools/link.h says which the
 * commands take). Prints "ofl: PATH: reason" and returns NULL on error. */
struct pcapio_in *pcapio_open(const char *path);
/* Next frame: 1 with *f filled, 0 at the end, -1 on error (printed, with
 * the file name and the frame number). */
int pcapio_next(struct pcapio_in *in, struct pcapio_frame *f);
/* Link type of the first interface (pcap: the file's), -1 if none yet. */
int pcapio_linktype(const struct pcapio_in *in);
/* Size of the file and bytes consumed so far (for progress). */
uint64_t pcapio_size(const struct pcapio_in *in);
uint64_t pcapio_pos(const struct pcapio_in *in);
void pcapio_close(struct pcapio_in *in);

/* Create a pcap (microseconds, snaplen 262144 in the header: frames are
 * written whole in any case) of link type @linktype for writing; a path
 * ending in .pcapng gets pcapng (interface snaplen 0, no limit), for BIG
 * TCP frames past 262144 bytes, which libpcap would cut in a pcap. */
struct pcapio_out *pcapio_create(const char *path, int linktype);
/* 0, or -1 on a write error (printed once). */
int pcapio_write(struct pcapio_out *out, const uint8_t *data, size_t len,
		 uint64_t ts_usec);
/* The same for a frame captured short: @wirelen is its original length. */
int pcapio_write_snapped(struct pcapio_out *out, const uint8_t *data,
			 size_t len, size_t wirelen, uint64_t ts_usec);
/* Flush and close: 0, or -1 if a write failed. */
int pcapio_finish(struct pcapio_out *out);

#endif
