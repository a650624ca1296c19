#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Writes lib/csum/crc32c_tables.h, the const CRC-32C tables of lib/csum
# (run once; the output is checked in as source, and
# tests/csum/test_crc32c.c recomputes every entry from the polynomial).
#   python3 scripts/gen_crc32c_tables.py > lib/csum/crc32c_tables.h
POLY = 0x82F63B78  # CRC-32C (Castagnoli), reflected


def byte_step(crc, byte):
    crc ^= byte
    for _ in range(8):
        crc = (crc >> 1) ^ (POLY if crc & 1 else 0)
    return crc


def zeros(crc, n):
    for _ in range(n):
        crc = byte_step(crc, 0)
    return crc


def slicing():
    t = [[byte_step(n, 0) for n in range(256)]]
    for k in range(1, 8):
        t.append([(v >> 8) ^ t[0][v & 0xFF] for v in t[k - 1]])
    return t


def shift(nbytes):
    # shift(v) = crc of nbytes zero bytes from state v: linear in v, so
    # four byte-indexed tables give it.
    return [[zeros(n << (8 * j), nbytes) for n in range(256)]
            for j in range(4)]


def emit(name, tables, guard=None):
    out = []
    out.append("static const uint32_t %s[%d][256] = {" % (name, len(tables)))
    for t in tables:
        out.append("\t{")
        for i in range(0, 256, 4):
            out.append("\t\t" + " ".join("0x%08xu," % v for v in t[i:i + 4]))
        out.append("\t},")
    out.append("};")
    return "\n".join(out)


print("""/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * CRC-32C tables of lib/csum/crc32c.c, written by
 * scripts/gen_crc32c_tables.py (tests/csum/test_crc32c.c recomputes every
 * entry from the polynomial 0x82f63b78, reflected). Const data, no state.
 *
 * ofl__crc32c_t8[k][n]: the CRC state after byte n followed by k zero
 * bytes, from state 0 (t8[0] is the classic byte table). Slicing-by-8
 * (8 KiB) uses all eight, OFL_CSUM_CRC32C_SMALL only t8[0] (1 KiB).
 *
 * ofl__crc32c_shift<N>[j][n]: state n << 8j advanced over N zero bytes,
 * from which crc(v, N zeros) = xor of the four lookups of v's bytes; the
 * hardware path uses it to join three interleaved streams.
 */
#ifndef OFL_LIB_CSUM_CRC32C_TABLES_H
#define OFL_LIB_CSUM_CRC32C_TABLES_H
""")
t8 = slicing()
print("#if defined(OFL_CSUM_CRC32C_SMALL)")
print(emit("ofl__crc32c_t8", t8[:1]))
print("#else")
print(emit("ofl__crc32c_t8", t8))
print("#endif")
print()
print("#if defined(OFL__CRC32C_HW)")
for n in (128, 512):
    print(emit("ofl__crc32c_shift%d" % n, shift(n)))
    print()
print("#endif")
print()
print("#endif /* OFL_LIB_CSUM_CRC32C_TABLES_H */")
