#!/usr/bin/env python3
"""TAP: build-aux/foreign-leaks.py lets CI run again only a test that failed on nothing but a leak
with no frame of Jiandu's code, and never one that failed any other way."""

import json
import os
import subprocess
import sys
import tempfile

SCRIPT = sys.argv[1]
LEAK = "==1==ERROR: LeakSanitizer: detected memory leaks\n\nDirect leak of 56 byte(s):\n"
CALLOC = "    #0 0x7f01 in __interceptor_calloc ../../../../src/libsanitizer/asan/asan_malloc.cpp:77\n"
GLIB = "    #1 0x7f02 in g_malloc0 (/lib/x86_64-linux-gnu/libglib-2.0.so.0+0x5a6b0)\n"
OURS = "    #2 0x5503 in jd_store_open ../src/core/jd-store.c:412\n"
OK_TAP = "1..1\nok 1 /x\n"

CASES = [
    ("a leak from system libraries only", [("app", OK_TAP, LEAK + CALLOC + GLIB)], 0, "app\n"),
    ("a leak through Jiandu's code", [("app", OK_TAP, LEAK + CALLOC + GLIB + OURS)], 1, ""),
    ("a failed assertion", [("app", "1..1\nnot ok 1 /x\n", "")], 1, ""),
    ("a bail-out beside a foreign leak", [("app", "Bail out! x\n", LEAK + CALLOC + GLIB)], 1, ""),
    ("an AddressSanitizer error", [("app", OK_TAP, "==1==ERROR: AddressSanitizer: "
                                                   "heap-use-after-free\n" + CALLOC)], 1, ""),
    ("two tests, one foreign leak and one failure",
     [("app", OK_TAP, LEAK + CALLOC + GLIB), ("sync", "1..1\nnot ok 1 /y\n", "")], 1, "app\n"),
    ("nothing failed", [], 0, ""),
]


def run(tests):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as log:
        for name, stdout, stderr in tests:
            log.write(json.dumps({"name": "jiandu:x / " + name, "result": "ERROR",
                                  "stdout": stdout, "stderr": stderr}) + "\n")
        log.write(json.dumps({"name": "jiandu:x / fine", "result": "OK", "stdout": "",
                              "stderr": LEAK + CALLOC + GLIB + OURS}) + "\n")
    try:
        return subprocess.run([sys.executable, SCRIPT, log.name], capture_output=True,
                              text=True, check=False)
    finally:
        os.unlink(log.name)


def main():
    print(f"1..{len(CASES)}")
    failed = False
    for i, (what, tests, status, names) in enumerate(CASES, 1):
        result = run(tests)
        good = result.returncode == status and result.stdout == names
        failed |= not good
        print(f"{'ok' if good else 'not ok'} {i} {what}")
        if not good:
            print(f"# exit {result.returncode}, printed {result.stdout!r}, said {result.stderr!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
