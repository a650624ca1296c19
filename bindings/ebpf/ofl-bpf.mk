# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Make rules for BPF programs that use <offload/bpf.h>. Include it from your
# Makefile (installed as <prefix>/share/ofl/ebpf/ofl-bpf.mk):
#
#   include /usr/local/share/ofl/ebpf/ofl-bpf.mk
#   all: my_prog.bpf.o my_prog.skel.h
#
# The ofl headers are found with pkg-config (set PKG_CONFIG_PATH for a
# private prefix) or OFL_INCLUDEDIR. Debian's <linux/bpf.h> needs
# <asm/types.h> from the multiarch directory, which clang does not search
# with -target bpf: it is added with -idirafter, after every other
# directory, so that no host header shadows a BPF one.
OFL_INCLUDEDIR ?= $(shell pkg-config --variable=includedir ofl)
ifeq ($(strip $(OFL_INCLUDEDIR)),)
$(error ofl not found: set PKG_CONFIG_PATH (in the environment) or OFL_INCLUDEDIR)
endif
OFL_MULTIARCH ?= $(shell gcc -print-multiarch 2>/dev/null)
BPF_CLANG ?= clang
BPFTOOL ?= $(or $(shell command -v bpftool 2>/dev/null),/usr/sbin/bpftool)
OFL_BPF_CFLAGS ?= -O2 -g -target bpf -Wall -I$(OFL_INCLUDEDIR) \
	$(if $(OFL_MULTIARCH),-idirafter /usr/include/$(OFL_MULTIARCH))
O ?= .

$(O)/%.bpf.o: %.bpf.c
	@mkdir -p $(O)
	$(BPF_CLANG) $(OFL_BPF_CFLAGS) -c $< -o $@

# A libbpf skeleton: struct NAME with ->rodata, ->maps, ->progs.
$(O)/%.skel.h: $(O)/%.bpf.o
	$(BPFTOOL) gen skeleton $< name $(notdir $*) > $@
