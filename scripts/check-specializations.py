#!/usr/bin/env python3
"""Checks that every registered backend's per-frame loops are compiled direct: specialised for
its context type, and not merged into a shared body that calls through a function pointer.

Usage: scripts/check-specializations.py --binary PATH [--self-test]

Three things must hold, or the script exits 1 naming each failure:

1. The one list (Sources/FrameBench/Loops/SpecializedContexts.swift) covers the registry:
   every context type in BackendRegistry.all and .variants (Sources/FrameCrypto/Registry/
   BackendRegistry.swift) is listed for every loop type (FrameLoops: frames suite;
   SFrameLoops: overhead suite and key-count study; MeetingLoops: meeting suite).
2. The release binary holds, for every loop function (each function that carries a generated
   `@_specialize` block in Sources/FrameBench/Loops) and every listed type, a generic
   specialisation: a symbol whose demangled name contains
   `generic specialization <T> of static FrameBench.<Loop>.<function>`. The Swift optimiser may
   specialise further (function signature specialisations wrap the name); that still counts.
3. No such specialisation is a merged function: LLVM's function merging folds functions that
   differ only in what they call into one body that takes the callees as function pointers
   (demangled "merged …", mangled suffix `Tm`): the backend call would be indirect. The
   package builds FrameBench with `-disable-llvm-merge-functions-pass` so that this holds.

--self-test also proves the check can fail: it runs the same check on the binary's symbols with
one required specialisation removed, and with one renamed as merged, and exits 1 unless both
are caught. The perf gate (scripts/perf-gate.sh) runs both.

Exit status: 0 pass, 1 a missing or merged specialisation (or a self-test that missed one),
2 a usage or tool error.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LOOPS = os.path.join(ROOT, "Sources", "FrameBench", "Loops")
REGISTRY = os.path.join(ROOT, "Sources", "FrameCrypto", "Registry", "BackendRegistry.swift")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "generate_specializations", os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate-specializations.py"))
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def fail(message, code=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


# The package traits the binary was built with (FRAMEBENCH_TRAITS, comma-separated, as given to
# `swift build --traits`; AllBackends means every optional backend): a backend registered under
# `#if Trait` is expected in the binary exactly when its trait is on.
ALL_TRAITS = "AllBackends"


def active(condition, traits):
    return condition is None or condition in traits or ALL_TRAITS in traits


def registered_contexts(traits):
    """The context types of BackendRegistry.all and .variants built into the binary, in order."""
    found = [name for name, condition in generate.registered_contexts() if active(condition, traits)]
    if not found:
        fail(f"{REGISTRY}: no registered context types")
    return found


def listed_types(traits):
    """The specialisation list, each loop's types that the binary's traits compile in."""
    loops, types = generate.read_list()
    return loops, {loop: [t for t, condition in listed if active(condition, traits)] for loop, listed in types.items()}


def loop_functions():
    """{loop type: [function names that carry a generated specialisation block]}."""
    functions = {}
    block = re.compile(r"// BEGIN GENERATED specializations \((\w+)\)\n.*?// END GENERATED\n(.*?)\bfunc (\w+)", re.S)
    for name in sorted(os.listdir(LOOPS)):
        if name.endswith(".swift"):
            text = open(os.path.join(LOOPS, name), encoding="utf-8").read()
            for loop, between, function in block.findall(text):
                functions.setdefault(loop, []).append(function)
    if not functions:
        fail(f"no generated specialisation blocks in {LOOPS}")
    return functions


def demangled_symbols(binary):
    """The demangled names of the binary's defined symbols (function names only)."""
    try:
        nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"nm failed on {binary}: {error}")
    mangled = [line.split()[-1] for line in nm.splitlines() if line.split() and line.split()[-1].startswith("$s")]
    mangled = [m for m in mangled if re.search(r"FrameBench0A5LoopsO|FrameBench11SFrameLoopsO|FrameBench12MeetingLoopsO", m)]
    try:
        out = subprocess.run(["swift", "demangle", "--compact"], input="\n".join(mangled), capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"swift demangle failed: {error}")
    return out.splitlines()


def qualified(type_name):
    """The demangled spelling of a listed type: FrameCrypto.X, or FrameBench.KeyringWork<FrameCrypto.X>."""
    match = re.fullmatch(r"(\w+)<(\w+)>", type_name)
    if match:
        return f"FrameBench.{match.group(1)}<{qualified(match.group(2))}>"
    return ("FrameBench." if type_name in ("NullWork",) else "FrameCrypto.") + type_name


def check(symbols, loops, types, functions, registry, quiet=False):
    """The failures (empty when everything holds)."""
    failures = []
    for loop, (_, pattern) in loops.items():
        for context in registry:
            if pattern.replace("{}", context) not in types.get(loop, []):
                failures.append(f"{context} (registered) is not in the specialisation list for {loop}")
    for loop, names in functions.items():
        for function in names:
            entry = f"static FrameBench.{loop}.{function}<"
            for type_name in types.get(loop, []):
                needle = f"generic specialization <{qualified(type_name)}> of {entry}"
                found = [s for s in symbols if needle in s and " of default argument" not in s]
                direct = [s for s in found if not s.startswith("merged ") and " merged " not in s]
                if not found:
                    failures.append(f"{loop}.{function} has no specialisation for {type_name}")
                elif not direct:
                    failures.append(f"{loop}.{function} for {type_name} is merged into a shared body (an indirect call)")
            merged = [s for s in symbols if s.startswith("merged ") and entry in s]
            for symbol in merged:
                failures.append(f"merged function in {loop}.{function}: {symbol[:160]}")
    return failures


def main():
    parser = argparse.ArgumentParser(description="Every registered backend's loops specialised and direct.")
    parser.add_argument("--binary", required=True, help="a release framebench binary")
    parser.add_argument("--self-test", action="store_true", help="also prove a removed or merged specialisation fails")
    parser.add_argument("--traits", default=os.environ.get("FRAMEBENCH_TRAITS", ""),
                        help="the package traits the binary was built with (default: $FRAMEBENCH_TRAITS)")
    args = parser.parse_args()
    traits = {t.strip() for t in args.traits.split(",") if t.strip()}
    if not os.path.isfile(args.binary):
        fail(f"no binary at {args.binary}")
    loops, types = listed_types(traits)
    functions = loop_functions()
    registry = registered_contexts(traits)
    symbols = demangled_symbols(args.binary)
    failures = check(symbols, loops, types, functions, registry)
    expected = sum(len(types.get(loop, [])) for loop, names in functions.items() for _ in names)
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        print(f"specialisations: {len(failures)} problem(s); every registered backend needs direct loops "
              "(list: Sources/FrameBench/Loops/SpecializedContexts.swift, then scripts/generate-specializations.py)")
        return 1
    print(f"specialisations: {expected} loop copies direct for {len(registry)} registered context types "
          f"({', '.join(registry)}) over {sum(len(n) for n in functions.values())} loop functions")
    if args.self_test:
        victim_loop = sorted(functions)[0]
        victim = f"generic specialization <{qualified(types[victim_loop][-1])}> of static FrameBench.{victim_loop}.{functions[victim_loop][0]}<"
        removed = [s for s in symbols if victim not in s]
        as_merged = ["merged " + s if victim in s else s for s in symbols]
        caught_removed = check(removed, loops, types, functions, registry)
        caught_merged = check(as_merged, loops, types, functions, registry)
        ok = bool(caught_removed) and bool(caught_merged)
        print(f"self-test: removing {types[victim_loop][-1]}'s {victim_loop}.{functions[victim_loop][0]} -> "
              f"{'caught' if caught_removed else 'MISSED'} ({caught_removed[:1]}); marking it merged -> "
              f"{'caught' if caught_merged else 'MISSED'} ({caught_merged[:1]})")
        if not ok:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
