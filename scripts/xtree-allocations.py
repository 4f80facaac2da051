#!/usr/bin/env python3
"""Heap blocks allocated inside given functions, from a valgrind memcheck allocation tree.

Usage: scripts/xtree-allocations.py XTREE_FILE REGEX [REGEX ...]

XTREE_FILE is what `valgrind --tool=memcheck --xtree-memory=full --xtree-memory-file=F`
writes (callgrind format, event totBk = heap blocks allocated). For each REGEX it prints one
line `<inclusive blocks allocated>\t<REGEX>`: the blocks allocated inside every function whose
name matches, everything it called included (self cost plus the cost of its calls), summed
over the matching functions. A function that allocated nothing does not appear in the tree,
so a regex matching no function counts 0 -- which is why the file itself is checked first.

Exit status 2, printing why, when the count cannot be trusted: the file is missing, empty or
truncated, has no totBk event, or records no allocation at all for the whole program (every
Swift program allocates at start-up, so a zero total means the tree was not written). Never
reads an unreadable file as "0 allocations".
"""
import re
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, patterns = sys.argv[1], [re.compile(p) for p in sys.argv[2:]]
    try:
        lines = open(path).read().splitlines()
    except OSError as e:
        print(f"error: cannot read the allocation tree {path}: {e}", file=sys.stderr)
        return 2
    names, index, fn = {}, None, None
    after_call = False
    inclusive, total, cost_lines = {}, 0, 0
    for line in lines:
        if not line:
            continue
        if line.startswith("events:"):
            events = line.split()[1:]
            if "totBk" not in events:
                print(f"error: {path} has no totBk event (events: {' '.join(events)})", file=sys.stderr)
                return 2
            index = events.index("totBk") + 1
            continue
        c = line[0]
        if c.isdigit() or c in "+-*":
            if index is None:
                print(f"error: {path}: cost line before the events line", file=sys.stderr)
                return 2
            parts = line.split()
            value = int(parts[index]) if len(parts) > index else 0
            cost_lines += 1
            inclusive[fn] = inclusive.get(fn, 0) + value
            if not after_call:
                total += value  # self costs add up to the program's total
            after_call = False
            continue
        m = re.match(r"(c?)fn=(?:\((\d+)\))?\s*(.*)", line)
        if m:
            callee, ident, name = m.groups()
            if ident is not None:
                if name:
                    names[ident] = name
                name = names.get(ident, "")
            if not callee:
                fn = name
            continue
        if line.startswith("calls="):
            after_call = True
    if index is None or cost_lines == 0:
        print(f"error: {path} is empty or truncated: no events line or no cost lines", file=sys.stderr)
        return 2
    if total == 0:
        print(f"error: {path} records no allocation in the whole program: the tree was not written properly", file=sys.stderr)
        return 2
    for pattern in patterns:
        count = sum(v for name, v in inclusive.items() if name and pattern.search(name))
        print(f"{count}\t{pattern.pattern}")
    print(f"{total}\tprogram total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
