#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""ofl id --device: the comparison, output and exit codes, with the devlink
query replaced by fixed devices (id_device_stub.c); the devlink reply parse
is tools_id_devlink, the live device check-vnic's id-device line.
usage: id_device.py STUB LIBOFL_A"""
import json
import subprocess
import sys

stub, lib = sys.argv[1], sys.argv[2]
fails = 0


def run(*args):
    p = subprocess.run([stub, "id", *args], capture_output=True, text=True)
    return p.returncode, p.stdout.splitlines(), p.stderr


def check(what, cond):
    global fails
    print(("ok   " if cond else "FAIL ") + what)
    fails += not cond


rc, lib_out, _ = run()
mods = [l.split()[0] for l in lib_out]
check("the library has gro and others", "gro" in mods and len(mods) > 1)

# equal: against the image and against the running library
for args, ref in (([lib], "images"), ([], "running library")):
    rc, out, err = run("--device", "same", *args)
    dev = [l for l in out if l.startswith("test/same ")]
    eq = [l for l in out if l.endswith(" equal")]
    check(f"same vs {ref}: exit 0, every module equal, summary",
          rc == 0 and len(dev) == len(mods) and len(eq) == len(mods) and
          out[-1] == f"device test/same equals the {ref}: yes" and not err)

# one module differs
rc, out, _ = run("--device", "othergro", lib)
check("othergro vs image: exit 1, gro DIFFERENT <image>, others equal",
      rc == 1 and f"gro DIFFERENT {lib}" in out and
      sum(l.endswith(" equal") for l in out) == len(mods) - 1 and
      out[-1] == "device test/othergro equals the images: no")
rc, out, _ = run("--device", "othergro")
check("othergro vs library: exit 1, gro DIFFERENT <handle>",
      rc == 1 and "gro DIFFERENT test/othergro" in out and
      out[-1] == "device test/othergro equals the running library: no")

# a module the device does not report is a mismatch
rc, out, _ = run("--device", "nogro", lib, lib)
check("nogro: exit 1, gro DIFFERENT <both images> (not reported)",
      rc == 1 and
      f"gro DIFFERENT {lib} {lib} (not reported by the device)" in out)

# the device cannot be read: exit 2, a message, nothing on stdout
rc, out, err = run("--device", "bad", lib)
check("bad device: exit 2, message on stderr", rc == 2 and not out and
      "bad" in err)
rc, out, err = run("--device")
check("--device without DEV: usage error 2", rc == 2 and "--device" in err)
rc, out, err = run("--device", "same", "/nonexistent")
check("unreadable image: exit 2", rc == 2 and "/nonexistent" in err)

# --json: every line an object; the verdicts as in the text form
rc, out, _ = run("--json", "--device", "nogro", lib)
objs = [json.loads(l) for l in out]
gro = [o for o in objs if o.get("module") == "gro" and "equal" in o]
check("--json nogro: objects, gro equal false reported false, summary",
      rc == 1 and len(gro) == 1 and gro[0]["equal"] is False and
      gro[0]["reported"] is False and gro[0]["different"] == [lib] and
      objs[-1] == {"summary": {"device": "test/nogro",
                               "reference": "images", "equal": False}} and
      sum(1 for o in objs if "device" in o and "sha256" in o) ==
      len(mods) - 1)
rc, out, _ = run("--device", "same", "--json")
objs = [json.loads(l) for l in out]
check("--json after --device: summary equal true, exit 0",
      rc == 0 and objs[-1]["summary"]["equal"] is True)

# the existing forms are unchanged
rc, out, _ = run(lib)
check("ofl id FILE unchanged: exit 0 and its summary line",
      rc == 0 and out[-1] ==
      "images equal each other: yes; equal the running library: yes")
rc, out, _ = run("--json", lib)
check("ofl id --json FILE unchanged: its summary object",
      rc == 0 and json.loads(out[-1]) ==
      {"summary": {"images_equal": True, "equal_library": True}})
sys.exit(1 if fails else 0)
