#!/usr/bin/env python3
"""Checks that a backend whose per-frame calls are `@inlinable` really is inlined into the
frames suite's loops: the release binary's FrameLoops.seal and FrameLoops.open copies
specialised for its context call the C library directly, never the backend's `seal` or `open`
(nor their protocol witness thunks).

Usage: scripts/check-inlined-backends.py --binary PATH [--traits T] [--self-test]

Why a check: whether the Swift optimiser inlines a function across modules is a cost/benefit
heuristic, not a promise. LibgcryptContext's seal and open are `@inlinable` and written small
enough to be inlined (Sources/FrameCrypto/Backends/LibgcryptContext.swift), which is what
brings its 64 B Swift/C ratio under 1.05 (docs/backends.md). A later edit that grows them past
the heuristic would silently put the call back; this turns that into a red gate.

Which backends: every context in Sources/FrameCrypto/Backends whose `public mutating func
seal(` and `open(` are both preceded by `@inlinable`, and whose package trait the binary was
built with (FRAMEBENCH_TRAITS or --traits; AllBackends means every one).

--self-test proves the check can fail: it runs the same disassembly check on a backend that is
not inlinable (OpenSSLContext, always built), which must be found calling its `open`.

Exit status: 0 pass, 1 a call found (or a self-test that missed one), 2 a usage or tool error.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BACKENDS = os.path.join(ROOT, "Sources", "FrameCrypto", "Backends")
ALL_TRAITS = "AllBackends"
CONTROL = "OpenSSLContext"


def fail(message, code=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


def inlinable_contexts(traits):
    """The context types whose seal and open are both @inlinable, built under `traits`."""
    found = []
    for name in sorted(os.listdir(BACKENDS)):
        if not name.endswith(".swift"):
            continue
        text = open(os.path.join(BACKENDS, name), encoding="utf-8").read()
        struct = re.search(r"public struct (\w+): AEADContext", text)
        if not struct:
            continue
        marked = [op for op in ("seal", "open")
                  if re.search(r"@inlinable[^\n]*\n\s*public mutating func " + op + r"\(", text)]
        if marked != ["seal", "open"]:
            continue
        condition = re.match(r"#if (\w+)\n", text)
        trait = condition.group(1) if condition else None
        if trait is None or trait in traits or ALL_TRAITS in traits:
            found.append(struct.group(1))
    return found


def functions(binary):
    """{mangled name: (start address, size)} of the binary's defined functions."""
    try:
        out = subprocess.run(["nm", "--defined-only", "-S", binary], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"nm failed on {binary}: {error}")
    table = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tT":
            table[parts[3]] = (int(parts[0], 16), int(parts[1], 16))
    return table


def demangle(names):
    try:
        out = subprocess.run(["swift", "demangle", "--compact"], input="\n".join(names), capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"swift demangle failed: {error}")
    return dict(zip(names, out.splitlines()))


def loop_copies(table, names, context):
    """The mangled names of FrameLoops.seal and .open specialised for `context`."""
    copies = {}
    for mangled, readable in names.items():
        for op in ("seal", "open"):
            if (f"generic specialization <FrameCrypto.{context}> of static FrameBench.FrameLoops.{op}<" in readable
                    and "merged" not in readable and " of default argument" not in readable):
                copies.setdefault(op, []).append(mangled)
    return copies


def calls_in(binary, start, size):
    """The symbols called from the code at [start, start + size)."""
    try:
        out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", f"--start-address={start:#x}",
                              f"--stop-address={start + size:#x}", binary],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"objdump failed on {binary}: {error}")
    return re.findall(r"\bcall\s+[0-9a-f]+ <([^>@+]+)", out)


def backend_calls(binary, table, names, context):
    """{operation: [demangled backend calls found]}, or None when a loop copy is missing."""
    copies = loop_copies(table, names, context)
    if set(copies) != {"seal", "open"}:
        return None
    found = {}
    for op, mangled_names in copies.items():
        called = []
        for mangled in mangled_names:
            start, size = table[mangled]
            called += calls_in(binary, start, size)
        readable = demangle(sorted(set(called))) if called else {}
        hits = [r for r in readable.values()
                if f"FrameCrypto.{context}.{op}(" in r
                or (f"protocol witness for FrameCrypto.AEADContext.{op}(" in r and f"FrameCrypto.{context}" in r)]
        found[op] = hits
    return found


def main():
    parser = argparse.ArgumentParser(description="@inlinable backends inlined into the frames loops.")
    parser.add_argument("--binary", required=True, help="a release framebench binary")
    parser.add_argument("--traits", default=os.environ.get("FRAMEBENCH_TRAITS", ""),
                        help="the package traits the binary was built with (default: $FRAMEBENCH_TRAITS)")
    parser.add_argument("--self-test", action="store_true", help="also prove a call left in place is caught")
    args = parser.parse_args()
    traits = {t.strip() for t in args.traits.split(",") if t.strip()}
    if not os.path.isfile(args.binary):
        fail(f"no binary at {args.binary}")
    contexts = inlinable_contexts(traits)
    table = functions(args.binary)
    names = demangle([m for m in table if "FrameBench0A5LoopsO" in m])
    status = 0
    if not contexts:
        print("inlined backends: none is @inlinable in this build (nothing to check)")
    for context in contexts:
        found = backend_calls(args.binary, table, names, context)
        if found is None:
            print(f"FAIL: {context}: FrameLoops.seal/open have no specialised copy for it")
            status = 1
            continue
        left = [hit for hits in found.values() for hit in hits]
        if left:
            print(f"FAIL: {context}: the frames loops still call {left[0][:120]} (not inlined; "
                  "keep its seal and open small enough for the optimiser, see its file)")
            status = 1
        else:
            print(f"inlined backends: {context} seal and open inlined into FrameLoops (no call to either)")
    if args.self_test:
        control = backend_calls(args.binary, table, names, CONTROL)
        caught = bool(control and control.get("open"))
        print(f"self-test: {CONTROL} (not @inlinable) found calling its open -> {'caught' if caught else 'MISSED'}")
        if not caught:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
