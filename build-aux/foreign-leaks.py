#!/usr/bin/env python3
"""Names the failed tests of a sanitizer run that failed on nothing but leaks the project's code
did not allocate, one per line, and exits 0 when every failed test is such a one (1 otherwise).

The sanitizer build compiles Jiandu with frame pointers, so a block that Jiandu's code allocated
has Jiandu's frames (../src/, ../tests/) in its leak report. GLib, GTK and the rest have none: the
unwinder stops at their first frame. A report whose every frame lies in a system library is
theirs. One such, 56 bytes from g_malloc0, comes in about one sanitizer run of the app suite in
four, with no pointer in its contents (14 small integers, read from a core dump); .ci/run runs
a test that failed only that way once more, and fails if it fails again.

    build-aux/foreign-leaks.py build-asan/meson-logs/testlog.json
"""

import json
import re
import sys

FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in \S+ (.*)$")
OURS = ("../src/", "../tests/", "/src/core/", "/src/app/", "/src/cli/", "/src/server/",
        "/tests/")
# The sanitizer's own interceptor frame is compiled from its sources, not from Jiandu's.
SANITIZER = "libsanitizer/"


def foreign_leaks_only(text):
    if "ERROR: LeakSanitizer: detected memory leaks" not in text:
        return False
    # Any other failure is the test's own.
    for sign in ("ERROR: AddressSanitizer", "runtime error:", "Bail out!", "\nnot ok "):
        if sign in text:
            return False
    report = text[text.index("ERROR: LeakSanitizer"):]
    for line in report.splitlines():
        match = FRAME.match(line)
        if match is None:
            continue
        where = match.group(1)
        if SANITIZER in where:
            continue
        if any(part in where for part in OURS):
            return False
    return True


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    all_foreign = True
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            test = json.loads(line)
            if test["result"] in ("OK", "SKIP", "EXPECTEDFAIL"):
                continue
            text = (test.get("stdout") or "") + "\n" + (test.get("stderr") or "")
            if foreign_leaks_only(text):
                print(test["name"].split(" / ")[-1])
            else:
                all_foreign = False
                print(f"{test['name']}: fails on its own", file=sys.stderr)
    return 0 if all_foreign else 1


if __name__ == "__main__":
    sys.exit(main())
