#!/usr/bin/env python3
"""include-cycles.py SRCDIR: no two parts of src/ depend on each other, even through others.

A part is a header with its sources (td-foo.h, td-foo.c, td-foo-private.h).  Part A depends on
part B when a file of A includes B's header.  Prints every circle (Tarjan's strongly connected
components) with the includes that make it, and exits 1 if there is one."""
import os
import re
import sys
from collections import defaultdict

INCLUDE = re.compile(r'\s*#\s*include\s+"([^"]+)"')


def part_of(path, root):
    name = re.sub(r'(-private)?\.[ch]$', '', os.path.basename(path))
    return os.path.relpath(os.path.join(os.path.dirname(path), name), root)


def main():
    root = sys.argv[1]
    files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, 'src'))
             for f in fs if f.endswith(('.c', '.h'))]
    owner = {os.path.basename(p): part_of(p, root) for p in files if p.endswith('.h')}
    edges = defaultdict(dict)   # part -> {part: "file -> header"}
    for path in files:
        a = part_of(path, root)
        with open(path, errors='replace') as f:
            for line in f:
                m = INCLUDE.match(line)
                b = owner.get(m.group(1)) if m else None
                if b and b != a:
                    edges[a].setdefault(b, '%s includes %s' % (os.path.relpath(path, root), m.group(1)))

    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(v):   # Tarjan, iterative enough for a few hundred parts
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            visit(v)
    for circle in circles:
        print('a circle of %d parts: %s' % (len(circle), ', '.join(circle)))
        for a in circle:
            for b, why in sorted(edges[a].items()):
                if b in circle:
                    print('  ' + why)
    print('%d parts, %d dependencies, %d circles' % (len(set(owner.values())),
                                                     sum(len(e) for e in edges.values()), len(circles)))
    return 1 if circles else 0


if __name__ == '__main__':
    sys.exit(main())
