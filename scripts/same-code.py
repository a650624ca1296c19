#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Which functions and constant tables of two builds of one object are the
same: for a fuzz campaign that spans commits (docs/FUZZING.md), the hours
on an earlier tree count for the final tree where everything the fuzzer
ran is unchanged.

Functions compare as `objdump -dr --no-addresses --no-show-raw-insn` text:
jumps print relative to the function; a call or data reference is its
relocation, named by what it reaches (a function, a data object and the
offset in it; a sanitizer counter or an anonymous constant without its
numbering), so a function moved by its neighbours compares equal. Data
objects (tables: the parser's, RSS's, CRC's) compare as their bytes.

usage: same-code.py OLD.o NEW.o [REGEX]
  one line per symbol whose name matches REGEX (default: all):
    same|changed|new|gone func|data NAME
  then: same=N changed=N new=N gone=N
"""
import hashlib
import re
import subprocess
import sys


def run(*args):
    return subprocess.run(args, check=True, capture_output=True,
                          text=True).stdout


def data_symbols(obj):
    """section -> [(offset, size, name)] of its data objects"""
    out = {}
    for line in run("objdump", "-t", obj).splitlines():
        f = line.split()
        if len(f) >= 5 and " O " in line:
            out.setdefault(f[-3], []).append(
                (int(f[0], 16), int(f[-2], 16), f[-1]))
    return out


def reloc_target(target, rtype, syms, secs):
    """a relocation's target as something that does not move when other
    code does: a data object (and the offset in it) for a section offset,
    a numbered compiler-made object (.str.36, a sanitizer's tables) by its
    bytes, not its number"""
    m = re.fullmatch(r"(.+?)([+-]0x[0-9a-f]+)?", target)
    sym, add = m.group(1), int(m.group(2) or "0", 16)
    if sym in syms:
        at = add + (4 if rtype.endswith(("PC32", "PLT32", "GOTPCREL")) else 0)
        for off, size, name in syms[sym]:
            if off <= at < off + max(size, 1):
                base = re.sub(r"\.[0-9]+$", "", name)
                if base != name:
                    blob = bytes(secs.get(sym, b"")[off:off + size])
                    base += "=" + hashlib.sha1(blob).hexdigest()[:12]
                return "%s+%d" % (base, at - off)
        return sym + "+anon"
    return re.sub(r"\.[0-9]+$", "", sym)


def functions(obj):
    syms, secs = data_symbols(obj), sections(obj)
    out, name = {}, None
    for line in run("objdump", "-dr", "--no-addresses", "--no-show-raw-insn",
                    obj).splitlines():
        m = re.fullmatch(r"<(.+)>:", line)
        if m:
            name = m.group(1)
            out[name] = []
            continue
        if not name or not line.strip() or line.startswith("Disassembly"):
            continue
        r = re.fullmatch(r"\s+(R_\S+)\s+(\S+)", line)
        if r and out[name]:
            # the instruction's operand is a placeholder the relocation
            # fills: its printed target means nothing
            out[name][-1] = re.sub(r"\s*(# )?<[^>]*>", "", out[name][-1])
            out[name].append("\t" + r.group(1) + " " +
                             reloc_target(r.group(2), r.group(1), syms,
                                          secs))
            continue
        out[name].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def sections(obj):
    """section name -> bytes, from objdump -s (relocated words read 0)"""
    out, cur = {}, None
    for line in run("objdump", "-s", obj).splitlines():
        m = re.match(r"Contents of section (\S+):", line)
        if m:
            cur = out.setdefault(m.group(1), bytearray())
            continue
        m = re.match(r" [0-9a-f]+ ((?:[0-9a-f]{2,8} ){1,4})", line)
        if cur is not None and m:
            cur.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    return out


def data(obj):
    secs = sections(obj)
    out = {}
    for line in run("objdump", "-t", obj).splitlines():
        f = line.split()
        # value flags... section size name; data objects carry an 'O'
        if len(f) < 5 or " O " not in line:
            continue
        sec, size, name = f[-3], int(f[-2], 16), f[-1]
        if (sec not in secs or name.startswith((".L", "__unnamed")) or
                re.search(r"\.[0-9]+$", name)):
            continue  # .bss, no contents, or numbered by the compiler
            # (ASan's names of globals with their line numbers, strings:
            # compared where a function refers to them, by their bytes)
        off = int(f[0], 16)
        out[name] = bytes(secs[sec][off:off + size])
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    pat = re.compile(sys.argv[3] if len(sys.argv) > 3 else ".")
    count = {"same": 0, "changed": 0, "new": 0, "gone": 0}
    for kind, get in (("func", functions), ("data", data)):
        a, b = get(old), get(new)
        for name in sorted(set(a) | set(b)):
            if not pat.search(name):
                continue
            if name not in b:
                verdict = "gone"
            elif name not in a:
                verdict = "new"
            else:
                verdict = "same" if a[name] == b[name] else "changed"
            count[verdict] += 1
            print(verdict, kind, name)
    print(" ".join(f"{k}={v}" for k, v in count.items()))


if __name__ == "__main__":
    main()
