#!/usr/bin/env python3
"""Counts every test case in meson's testlog.json files and prints 'N passed, N failed'.

A TAP test counts each of its 'ok' / 'not ok' lines; a test that crashed or timed out without
reporting a failing case counts one failure more; a non-TAP test counts as one case.
"""
import json
import re
import sys

OK = re.compile(r"^\s*ok\s+\d+")
NOT_OK = re.compile(r"^\s*not ok\s+\d+")
SKIP = re.compile(r"#\s*skip", re.IGNORECASE)
TODO = re.compile(r"#\s*todo", re.IGNORECASE)

passed = failed = skipped = 0
failures = []
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        name = entry.get("name", "?")
        result = entry.get("result", "")
        out = entry.get("stdout") or ""
        p = f = s = 0
        for l in out.splitlines():
            if NOT_OK.match(l):
                if TODO.search(l):
                    continue
                f += 1
                failures.append(f"{path.split('/')[0]}: {name}: {l.strip()}")
            elif OK.match(l):
                if SKIP.search(l):
                    s += 1
                else:
                    p += 1
        bad = result not in ("OK", "SKIP", "EXPECTEDFAIL")
        if bad and f == 0:
            f = 1
            failures.append(f"{path.split('/')[0]}: {name}: {result}")
        if p + f + s == 0:
            if result == "SKIP":
                s = 1
            else:
                p = 1
        passed += p
        failed += f
        skipped += s

for f in failures:
    print("FAILED", f)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
