#!/usr/bin/env python3
"""Print the folder dependency graph of a Swift module and fail on a cycle.

Usage: scripts/folder-graph.py [--why] [MODULE_DIR ...]   (default: Sources/FrameBench)

--why also lists, under each dependency, the files and type names that make it.

Every top-level type (struct, enum, class, protocol, actor, typealias: a declaration
that starts its line, not indented) declared in a file is
mapped to the file's folder (its path relative to the module directory, e.g.
`Suites/Frames`; files directly in the module belong to `.`). A folder *uses*
another folder when a word in one of its files (comments and string literals
removed) is the name of a type declared in the other folder. Extensions are not
declarations: `extension Foo` in folder A makes A use Foo's folder.

Prints "folder -> folders it uses", one line per folder, and exits 1 with the
cycle printed when the graph has one.
"""

import os
import re
import sys

DECL = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|package|internal|fileprivate|private|final|indirect|nonisolated)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)",
    re.M,
)
WORD = re.compile(r"[A-Za-z_]\w*")


def strip_comments_and_strings(text):
    """Removes //, /* */ comments and "..." / multi-line \"\"\" string literals."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            i = n if j < 0 else j + 3
            out.append('""')
        elif text[i] == '"':
            i += 1
            while i < n and text[i] not in '"\n':
                if text[i] == "\\" and text.startswith("\\(", i):
                    # Interpolation: keep the expression, it is code.
                    depth, i = 1, i + 2
                    start = i
                    while i < n and depth:
                        depth += {"(": 1, ")": -1}.get(text[i], 0)
                        i += 1
                    out.append(" " + text[start : i - 1] + " ")
                    continue
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append('""')
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def scan(module_dirs):
    files = {}  # path -> (folder, code)
    for module in module_dirs:
        name = os.path.basename(os.path.normpath(module))
        prefix = name + ":" if len(module_dirs) > 1 else ""
        for root, _, names in os.walk(module):
            for file in sorted(names):
                if not file.endswith(".swift"):
                    continue
                path = os.path.join(root, file)
                folder = os.path.relpath(root, module)
                with open(path, encoding="utf-8") as f:
                    files[path] = (prefix + folder, strip_comments_and_strings(f.read()))
    owner = {}  # type name -> folder
    for path, (folder, code) in files.items():
        for name in DECL.findall(code):
            owner.setdefault(name, folder)
    graph = {folder: set() for folder, _ in files.values()}
    reasons = {}  # (folder, used folder) -> ["file: Type", ...]
    for path, (folder, code) in sorted(files.items()):
        for word in sorted(set(WORD.findall(code))):
            used = owner.get(word)
            if used is not None and used != folder:
                graph[folder].add(used)
                reasons.setdefault((folder, used), []).append(f"{os.path.basename(path)}: {word}")
    return graph, reasons


def find_cycle(graph):
    state, stack = {}, []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def main():
    args = sys.argv[1:]
    why = "--why" in args
    dirs = [a for a in args if a != "--why"] or ["Sources/FrameBench"]
    graph, reasons = scan(dirs)
    for folder in sorted(graph):
        print(f"{folder} -> {', '.join(sorted(graph[folder])) or '(nothing)'}")
        if why:
            for used in sorted(graph[folder]):
                print(f"    {used}: {', '.join(reasons[(folder, used)])}")
    cycle = find_cycle(graph)
    if cycle:
        print("cycle: " + " -> ".join(cycle), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
