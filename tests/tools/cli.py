#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""One command-line convention for every ofl command (docs/TOOL.md):

 - `ofl --help`, `ofl help`, `ofl help CMD`, `ofl CMD --help`: usage on
   stdout, nothing on stderr, exit 0;
 - usage errors: stderr (what is wrong, the valid range for numbers, the
   synopsis), nothing on stdout, exit 2;
 - a file that cannot be read: exit 1, its path named once, no libpcap
   wording; empty and truncated files named;
 - every command that reads a capture ends with one summary line that
   accounts for every frame, and takes --json (the last object a summary);
 - no progress output when stderr is not a terminal.

usage: cli.py OFL OFL_GEN WORKDIR
"""
import json
import os
import struct
import subprocess
import sys

ofl, gen, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
errors = []
CMDS = ["csum", "parse", "graph", "rss", "gso", "gro", "id"]


def run(args, **kw):
    return subprocess.run([ofl] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False, text=True, **kw)


def expect(args, rc, out=None, err=None, quiet_out=False, quiet_err=False):
    r = run(args)
    what = "ofl " + " ".join(args)
    if r.returncode != rc:
        errors.append(f"{what}: exit {r.returncode}, want {rc}")
    if out is not None and out not in r.stdout:
        errors.append(f"{what}: stdout lacks {out!r}: {r.stdout[:200]!r}")
    if err is not None and err not in r.stderr:
        errors.append(f"{what}: stderr lacks {err!r}: {r.stderr[:300]!r}")
    if quiet_out and r.stdout:
        errors.append(f"{what}: stdout not empty: {r.stdout[:200]!r}")
    if quiet_err and r.stderr:
        errors.append(f"{what}: stderr not empty: {r.stderr[:200]!r}")
    return r


# help
for args in (["--help"], ["-h"], ["help"]):
    expect(args, 0, out="usage:", quiet_err=True)
for c in CMDS:
    for args in ([c, "--help"], [c, "-h"], ["help", c]):
        expect(args, 0, out=f"usage: ofl {c}", quiet_err=True)
expect([], 2, err="usage:", quiet_out=True)
expect(["nosuch"], 2, err="unknown command", quiet_out=True)
expect(["help", "nosuch"], 2, err="unknown command", quiet_out=True)

# usage errors: stderr, exit 2, the valid range
sample = os.path.join(work, "sample.pcap")
subprocess.run([gen, sample], check=True, stdout=subprocess.DEVNULL)
out = os.path.join(work, "out.pcap")
for args, want in [
        (["gso", "--mss", "0", sample, out], "1..65535"),
        (["gso", "--mss", "65536", sample, out], "1..65535"),
        (["gso", "--mss", "x", sample, out], "1..65535"),
        (["gso", sample, out], "--mss"),
        (["gso", "--mss", "1000", sample], "OUT"),
        (["gro", "--flush-every", "-1", sample, out], "1..4294967295"),
        (["gro", "--flush-every", "0", sample, out], "1..4294967295"),
        (["gro", sample], "OUT"),
        (["gro", "--profile", "5", sample, out], "kernel line"),
        (["gro", "--profile", "6.x", sample, out], "kernel line"),
        (["gro", "--profile"], "kernel line"),
        (["gso", "--mss", "1000", "--profile", "new", sample, out],
         "kernel line"),
        (["rss", sample, "--queues", "0"], "1..65535"),
        (["rss", sample, "--reta", "7"], "64..512"),
        (["rss", sample, "--key", "12"], "4..256"),
        (["parse", "--dot", "0", sample], "1.."),
        (["csum", "--bogus", sample], "unknown option --bogus"),
        (["csum"], "FILE"),
        (["csum", sample, sample], "one FILE"),
        (["parse", "--bogus", sample], "unknown option"),
        (["graph", "--bogus"], "usage: ofl graph"),
]:
    r = expect(args, 2, err=want, quiet_out=True)
    if "usage: ofl " + args[0] not in r.stderr:
        errors.append(f"ofl {' '.join(args)}: no synopsis on stderr")

# files that cannot be read: exit 1, the path once, no libpcap wording
missing = os.path.join(work, "no", "such.pcap")
empty = os.path.join(work, "empty.pcap")
cut = os.path.join(work, "cut.pcap")
open(empty, "wb").close()
with open(sample, "rb") as f:
    data = f.read()
with open(cut, "wb") as f:
    f.write(data[:len(data) // 2])
for c in ("csum", "parse", "rss"):
    for path, want in ((missing, "No such file"), (empty, "empty"),
                       (cut, "truncated")):
        r = expect([c, path], 1, err=want)
        if r.stderr.count(path) != 1 or "libpcap" in r.stderr or \
                "dump file" in r.stderr:
            errors.append(f"ofl {c} {path}: stderr {r.stderr!r}: the path "
                          "once, in the tool's words")
for c in ("gso", "gro"):
    extra = ["--mss", "1000"] if c == "gso" else []
    for path in (missing, empty, cut):
        r = expect([c] + extra + [path, out], 1)
        if r.stderr.count(path) != 1:
            errors.append(f"ofl {c} {path}: stderr {r.stderr!r}")

# summaries: one line accounting for every frame, --json on every command
N = 40
r = expect(["csum", sample], 0, quiet_err=True)
last = r.stdout.splitlines()[-1]
if not last.startswith(f"{N} frames,"):
    errors.append(f"csum summary {last!r}")
for c, extra in (("csum", []), ("parse", []), ("rss", []),
                 ("gso", ["--mss", "1448"]), ("gro", [])):
    args = [c] + extra + ["--json", sample] + ([out] if c in ("gso", "gro")
                                              else [])
    r = expect(args, 0, quiet_err=True)
    try:
        objs = [json.loads(l) for l in r.stdout.splitlines()]
    except ValueError:
        errors.append(f"ofl {c} --json: not JSON lines")
        continue
    s = objs[-1].get("summary") if objs else None
    if not s or s.get("frames") != N:
        errors.append(f"ofl {c} --json: summary {s}, want {N} frames")
        continue
    if c == "csum" and s["frames_ok"] + s["frames_bad"] + \
            s["frames_unchecked"] != N:
        errors.append(f"csum summary does not add up: {s}")
    if c == "parse" and s["parsed"] + s["stopped"] != N:
        errors.append(f"parse summary does not add up: {s}")
    if c == "gso" and s["segmented"] + s["unchanged"] + s["truncated"] + \
            s["refused"] != N:
        errors.append(f"gso summary does not add up: {s}")
    if c == "gro" and s["merged"] + s["alone"] != N:
        errors.append(f"gro summary does not add up: {s}")
    # the human form: one last line
    r = expect([a for a in args if a != "--json"], 0, quiet_err=True)
    lines = r.stdout.splitlines()
    if not lines or str(N) not in lines[-1]:
        errors.append(f"ofl {c}: last line {lines[-1:]!r} lacks {N}")
for args in (["graph", "--json"], ["graph", "--dot"], ["id", "--json"]):
    r = expect(args, 0, quiet_err=True)
    if args[-1] == "--json":
        try:
            if args[0] == "graph":
                json.loads(r.stdout)
            else:
                [json.loads(l) for l in r.stdout.splitlines()]
        except ValueError:
            errors.append(f"ofl {' '.join(args)}: not JSON")
# --profile: kernel lines by name, the running one by default; on the
# sample's one TCP flow (no CWR, no fixed IDs) every line merges alike
for line in ("6.1", "6.6.31", "6.9", "6.12", "6.18", "7.0", "running"):
    r = expect(["gro", "--profile", line, sample, out], 0, quiet_err=True)
    if "8 merged into 1" not in r.stdout:
        errors.append(f"ofl gro --profile {line}: {r.stdout!r}")
    expect(["gso", "--mss", "1448", "--profile", line, sample, out], 0,
           quiet_err=True)
# gso on the sample's super-frames: the counts add up in words too
r = expect(["gso", "--mss", "1448", sample, out], 0, quiet_err=True)
if "40 frames: 2 segmented into 28 segments, 38 passed unchanged" \
        not in r.stdout:
    errors.append(f"gso summary {r.stdout!r}")

# gso and gro on a Linux cooked capture (what `tcpdump -i any` writes):
# the sample's IP frames with an SLL header instead of Ethernet; the output
# keeps link type 113 and the flow still merges / the super-frames still cut
with open(sample, "rb") as f:
    d = f.read()
sll = bytearray(d[:20]) + struct.pack("<I", 113)
o, kept = 24, 0
while o < len(d):
    ts, us, cl, wl = struct.unpack_from("<IIII", d, o)
    fr = d[o + 16:o + 16 + cl]
    o += 16 + cl
    if fr[12:14] in (b"\x08\x00", b"\x86\xdd"):
        fr = struct.pack("!HHH8s", 0, 1, 6, b"\x02" * 8) + fr[12:14] + fr[14:]
        sll += struct.pack("<IIII", ts, us, len(fr), len(fr)) + fr
        kept += 1
cooked = os.path.join(work, "cooked.pcap")
with open(cooked, "wb") as f:
    f.write(sll)
for c, extra, key, want in (("gro", [], "merged", 8),
                            ("gso", ["--mss", "1448"], "segments", 28)):
    r = expect([c] + extra + ["--json", cooked, out], 0, quiet_err=True)
    s_ = json.loads(r.stdout.splitlines()[-1])["summary"] if r.stdout else {}
    with open(out, "rb") as f:
        lt = struct.unpack_from("<I", f.read(24), 20)[0]
    if s_.get("frames") != kept or s_.get(key) != want or lt != 113:
        errors.append(f"ofl {c} on Linux cooked: {s_}, link type {lt}")
    r = expect(["csum", "--json", out], 0, quiet_err=True)
    if json.loads(r.stdout.splitlines()[-1])["summary"]["checked"] == 0:
        errors.append(f"ofl {c} on Linux cooked: output not checkable")

for e in errors:
    print("FAIL:", e)
print(f"cli: {len(errors)} failures")
sys.exit(1 if errors else 0)
