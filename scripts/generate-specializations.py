#!/usr/bin/env python3
"""Writes the `@_specialize` attributes of the per-frame loops from their one list.

Usage: scripts/generate-specializations.py [--check]

The list is the comment block between `// BEGIN specialization list` and
`// END specialization list` in Sources/FrameBench/Loops/SpecializedContexts.swift:

    // loop    <LoopType> <GenericParameter> <pattern>   ({} in the pattern: a backend context)
    // registry <LoopType> ...                           (every context BackendRegistry lists;
                                                      a `#if Trait`-guarded one is guarded alike)
    // backend <ContextType> <LoopType> ...              (loops specialised for the context)
    // work    <Type> <LoopType> ...                     (a non-backend type, used as is)

In every Swift file under Sources/FrameBench/Loops, a block

    // BEGIN GENERATED specializations (<LoopType>)
    ...
    // END GENERATED

is rewritten to one `@_specialize(exported: false, where <P> == <Type>)` per listed type of
that loop, in list order, at the marker's indentation; a block
`// BEGIN GENERATED dispatch metadata (<LoopType>)` to the statement
`dispatchMetadata = [...]` assigning the array of those types' `ObjectIdentifier`s. With --check nothing is written; exits 1 if any file would change.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LOOPS = os.path.join(ROOT, "Sources", "FrameBench", "Loops")
LIST_FILE = os.path.join(LOOPS, "SpecializedContexts.swift")
BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)// BEGIN GENERATED (?P<what>specializations|dispatch metadata) \((?P<loop>\w+)\)\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)// END GENERATED\n",
    re.M | re.S,
)


# One optional backend's registry line: `backends.append(X.self)` between `#if Trait` and
# `#endif` in BackendRegistry.optionalLibraries.
OPTIONAL_LINE = re.compile(r"^[ \t]*#if (\w+)[ \t]*\n[ \t]*backends\.append\((\w+)\.self\)[ \t]*\n[ \t]*#endif", re.M)


def registered_contexts():
    """The context types of BackendRegistry.all (its unconditional list, then the
    `#if Trait`-guarded optional ones), .variants and .ctrHMACVariants (FrameCrypto), in order, each with the
    compilation condition it is registered under (None: always)."""
    path = os.path.join(ROOT, "Sources", "FrameCrypto", "Registry", "BackendRegistry.swift")
    text = open(path, encoding="utf-8").read()
    found = []
    for array in ("all", "variants", "ctrHMACVariants"):
        match = re.search(r"static let " + array + r": \[AEADBackend\] =\s*\[(.*?)\]", text, re.S)
        if not match:
            sys.exit(f"{path}: no `{array}` array")
        if "#if" in match.group(1):
            sys.exit(f"{path}: `#if` inside the `{array}` array literal; guard optional backends in optionalLibraries")
        found += [(name, None) for name in re.findall(r"(\w+)\.self", match.group(1))]
        if array == "all":
            optional = re.search(r"static var optionalLibraries: \[AEADBackend\] \{(.*?)\n    \}", text, re.S)
            if not optional:
                sys.exit(f"{path}: no `optionalLibraries` list")
            body = optional.group(1)
            lines = OPTIONAL_LINE.findall(body)
            if len(lines) != body.count("backends.append("):
                sys.exit(f"{path}: every optionalLibraries entry must be `#if Trait`, one append, `#endif`")
            found += [(name, condition) for condition, name in lines]
    return found


def read_list():
    text = open(LIST_FILE, encoding="utf-8").read()
    match = re.search(r"// BEGIN specialization list\n(.*?)// END specialization list", text, re.S)
    if not match:
        sys.exit(f"{LIST_FILE}: no specialization list")
    loops, types = {}, {}
    for line in match.group(1).splitlines():
        fields = line.lstrip("/ ").split()
        if not fields:
            continue
        kind, name, rest = fields[0], fields[1], fields[2:]
        if kind == "loop":
            loops[name] = (rest[0], rest[1])
            types[name] = []
        elif kind == "registry":
            # Every context type the registry lists, for each loop named: adding a backend
            # to BackendRegistry adds its loop copies.
            for context, condition in registered_contexts():
                for loop in [name] + rest:
                    if loop not in loops:
                        sys.exit(f"{LIST_FILE}: registry line names unknown loop {loop}")
                    types[loop].append((loops[loop][1].replace("{}", context), condition))
        elif kind in ("backend", "work"):
            for loop in rest:
                if loop not in loops:
                    sys.exit(f"{LIST_FILE}: {name} names unknown loop {loop}")
                parameter, pattern = loops[loop]
                types[loop].append((pattern.replace("{}", name) if kind == "backend" else name, None))
        else:
            sys.exit(f"{LIST_FILE}: unknown line: {line}")
    return loops, types


def render(match, loops, types):
    indent, what, loop = match.group("indent"), match.group("what"), match.group("loop")
    if loop not in loops:
        sys.exit(f"generated block for unknown loop {loop}")
    parameter = loops[loop][0]
    if what == "specializations":
        # A type registered under `#if Trait` gets its attribute under the same condition.
        body = ""
        for t, condition in types[loop]:
            line = f"{indent}@_specialize(exported: false, where {parameter} == {t})\n"
            body += f"{indent}#if {condition}\n{line}{indent}#endif\n" if condition else line
    else:
        always = "".join(f"{indent}    ObjectIdentifier({t}.self),\n" for t, condition in types[loop] if not condition)
        body = f"{indent}dispatchMetadata = [\n{always}{indent}]\n"
        for t, condition in types[loop]:
            if condition:
                body += f"{indent}#if {condition}\n{indent}dispatchMetadata.append(ObjectIdentifier({t}.self))\n{indent}#endif\n"
    return f"{indent}// BEGIN GENERATED {what} ({loop})\n{body}{indent}// END GENERATED\n"


def main():
    check = "--check" in sys.argv[1:]
    loops, types = read_list()
    stale, blocks = [], 0
    for name in sorted(os.listdir(LOOPS)):
        if not name.endswith(".swift"):
            continue
        path = os.path.join(LOOPS, name)
        text = open(path, encoding="utf-8").read()
        new, count = BLOCK.subn(lambda m: render(m, loops, types), text)
        blocks += count
        if new != text:
            stale.append(os.path.relpath(path, ROOT))
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    if blocks == 0:
        sys.exit("no generated blocks found")
    for path in stale:
        print(("out of date: " if check else "rewrote: ") + path)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
