#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Which functions and constant tables of two builds of one object are the
same: for a fuzz campaign that spans commits (docs/FUZZING.md), the hours
on an earlier tree count for the final tree where everything the fuzzer
ran is unchanged.

Functions compare as `objdump -d --no-addresses --no-show-raw-insn` text:
jumps print relative to the function, calls and data references are
relocations (shown as 0), so a function moved by its neighbours compares
equal, and a sanitizer counter's slot does not count. Data objects
(tables: the parser's, RSS's, CRC's) compare as their bytes.

usage: same-code.py OLD.o NEW.o [REGEX]
  one line per symbol whose name matches REGEX (default: all):
    same|changed|new|gone func|data NAME
  then: same=N changed=N new=N gone=N
"""
import re
import subprocess
import sys


def run(*args):
    return subprocess.run(args, check=True, capture_output=True,
                          text=True).stdout


def functions(obj):
    out, name = {}, None
    for line in run("objdump", "-d", "--no-addresses", "--no-show-raw-insn",
                    obj).splitlines():
        m = re.fullmatch(r"<(.+)>:", line)
        if m:
            name = m.group(1)
            out[name] = []
        elif name and line.strip() and not line.startswith("Disassembly"):
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
        if sec not in secs or name.startswith(".L"):
            continue  # .bss, no contents, or the compiler's own (ASan's
            # names of globals with their line numbers)
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
