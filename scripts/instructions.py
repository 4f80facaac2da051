#!/usr/bin/env python3
"""The deterministic instruction gate: FrameBench's own instructions per frame, counted by
callgrind, split from the crypto libraries' and the system's, gated against a baseline kept
per Swift toolchain. Run it through scripts/instructions.sh (same options); --help lists them.

What is counted. For each case (backend x layer x operation x frame size) a release
`framebench instruction-probe` runs the suites' own per-frame loop (layer `aead`: the backend
call, FrameLoops, as the frames suite times it; layer `sframe`: a whole SFrame seal or open,
SFrameLoops, as the overhead suite times it, the receiver holding the overhead suite's 1200
keys) for N1 and for N2 frames, under callgrind collecting only inside that loop function
(everything it calls included). Per frame = (count at N2 - count at N1) / (N2 - N1), so
start-up, key set-up and first-call costs cancel.

Whose instructions. Every instruction callgrind collects is charged to the function that
executed it (its self cost), and each function to one of four owners:
  ours       FrameBench's code in the framebench binary (the loop, the backend wrapper,
             SFrame header, nonce, key lookup, replay window, inlined standard library code);
  toolchain  the Swift toolchain's shared libraries (libswiftCore, Foundation, Dispatch);
  library    the crypto libraries: libcrypto, libsodium, and BoringSSL and swift-crypto's own
             Swift code, which are linked into the binary (its C, C++ and assembly symbols:
             every non-Swift symbol of the binary but compiler helpers and PLT stubs; Swift
             symbols of the modules Crypto, _CryptoExtras, CryptoBoringWrapper);
  system     everything else: libc (memcpy/malloc, whose code path glibc picks by CPU), the
             dynamic linker, the vDSO; but what a crypto library calls there (OpenSSL 3's
             strcmp in its parameter lookups) is charged to the library, through the call
             graph, so "library" is what the library costs and "system" what our code calls.
"Ours" depends only on our code and the Swift compiler: it is the same on any CPU and with any
library patch release, so it is GATED on every machine against the baseline recorded with the
same toolchain, with a tight tolerance (default 1 %). The toolchain's share is gated too, but
loosely (default 5 %): it is deterministic run after run, yet the Swift runtime's protocol
conformance cache hashes addresses, so where a loop looks conformances up per frame
(swift-crypto's generic Data API) the share moves with the binary's layout (+0.6 % seen from
an unrelated change elsewhere in the binary); 5 % still catches new per-frame runtime work,
and any at all where the baseline has none (openssl, sodium). The library's share is PRINTED
beside them, and judged (default tolerance 1.5 %) only when the library version and the CPU
features that pick its code path match a recorded library baseline; otherwise the script says
which versions differ and by how much the counts moved, and passes that part. System
instructions are printed, never judged.

Baselines (results/instructions-baseline.json, schema framebench-instructions/2): one entry
per toolchain (Swift compiler, architecture, build configuration), holding the ours and
toolchain counts per case and any number of library records (library version + CPU features
-> counts). Recording drops, from the other versions' records, the cases whose own count
changed: those counts describe code that no longer exists.
With no entry for this toolchain the script records one in the baseline file, says so, and
passes: commit the file to gate that toolchain. --record writes this run's counts into the
entry of this toolchain (own-code counts replaced, the library record for these versions
added or replaced; other toolchains' entries and other library records are kept).

--self-test proves the gate can fail: after the check, it runs chosen cases with a deliberate,
deterministic injection of busy work into the loop (framebench instruction-probe
--synthetic-steps K: K steps of a multiply-xorshift chain per frame, our own code). Injecting
at all switches the loop to its variant with a per-frame call, which moves the count by
itself, so the reference is the same cases with 1 step; on top of it, K more steps add at
least +2 % of each case's own code (the instructions per step are measured first, from 1000
steps injected into one case; a step is a fixed handful of instructions, so the injection is
+2 % rounded up to one step). Judged against the reference with the gate's own tolerances,
every injected case must turn red.

Exit status: 0 pass (or a baseline recorded), 1 a regression (or a self-test that did not
catch the injection), 2 a usage or tool error (no valgrind, the binary failed).
"""
import argparse
import concurrent.futures
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

SCHEMA = "framebench-instructions/2"
NEVER = {"ours": math.inf, "toolchain": math.inf, "library": math.inf}
BACKENDS = ["openssl", "sodium", "swift-crypto"]
OPERATIONS = ["seal", "open"]
SIZES = {"aead": [64, 1200, 16384], "sframe": [100, 1200]}
# Callgrind collects only inside the generic entry point of the case's loop function
# (mangled: FrameBench.FrameLoops.seal is $s10FrameBench0A5LoopsO4seal…, "0A" standing for
# the word "Frame"; SFrameLoops is spelled out; the generic symbol ends in "lFZ"). Every
# runner calls that entry, which jumps to the copy specialised for its context type when
# there is one. The pattern must not match the specialised copies too: callgrind *toggles*
# collection on each matching entry, so a nested match would switch it off again.
LOOP_PATTERNS = {
    ("aead", "seal"): "*FrameBench0A5LoopsO4seal_*lFZ",
    ("aead", "open"): "*FrameBench0A5LoopsO4open_*lFZ",
    ("sframe", "seal"): "*FrameBench11SFrameLoopsO4seal_*lFZ",
    ("sframe", "open"): "*FrameBench11SFrameLoopsO4open_*lFZ",
}
# The CPU features that decide which code path a crypto library takes.
CPU_FEATURES = ["aes", "pclmulqdq", "avx", "avx2", "bmi2", "adx", "sha_ni", "vaes", "vpclmulqdq", "avx512f", "avx512vl"]
# swift-crypto's own Swift modules: their code is the library's, though linked into our binary.
LIBRARY_SWIFT_MODULES = ("Crypto", "_CryptoExtras", "CryptoBoringWrapper")


def fail(message, code=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


# --------------------------------------------------------------------------- counting

def owner(obj, fn, binary):
    """Which of ours / toolchain / library / system a function's instructions belong to;
    `binary` is the path of the framebench that ran."""
    base = os.path.basename(obj)
    if fn.startswith("("):
        return "system"  # valgrind's own names, such as "(below main)"
    if base.startswith("libcrypto.so") or base.startswith("libsodium.so"):
        return "library"
    if os.path.realpath(obj) == os.path.realpath(binary):
        if fn.startswith("$s"):
            module = re.match(r"\$s(\d+)", fn)
            if module:
                length = int(module.group(1))
                start = module.end()
                if fn[start:start + length] in LIBRARY_SWIFT_MODULES:
                    return "library"
            return "ours"  # our modules, and standard-library code specialised into the binary
        if fn.startswith(("__swift", "swift_", "fbr_", "0x")):
            return "ours"  # compiler-emitted helpers, the C reference, PLT stubs
        return "library"  # the only other C code linked in: BoringSSL (C, C++ and assembly)
    if "/swift/" in obj or base.startswith(("libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime")):
        return "toolchain"
    return "system"


def read_events(path):
    """The event names, the self cost per (object, function) and the calls between
    functions with their inclusive cost, one number per event, from a callgrind output file.

    Cost lines after a `calls=` line are the call's inclusive cost and belong to the callee,
    not to the current function; every other cost line is the current function's own. A
    call's callee object is the current object unless a `cob=` line names another."""
    names = {"ob": {}, "fn": {}}
    costs, calls = {}, {}
    obj = fn = None
    callee_obj = callee_fn = None
    after_call = False
    events = None
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            c = line[0]
            if c.isdigit() or c in "+-*":
                if events is None:
                    fail(f"{path}: a cost line before the events line")
                values = [int(v) for v in line.split()[1:]]
                values += [0] * (len(events) - len(values))
                if after_call:
                    after_call = False
                    edge = (obj, fn, callee_obj or obj, callee_fn)
                    calls[edge] = [a + b for a, b in zip(calls.get(edge, [0] * len(events)), values)]
                    callee_obj = callee_fn = None
                    continue
                key = (obj, fn)
                costs[key] = [a + b for a, b in zip(costs.get(key, [0] * len(events)), values)]
                continue
            if line.startswith("events:"):
                events = line.split()[1:]
                continue
            m = re.match(r"(c?)(ob|fn|fl|fi|fe)=(?:\((\d+)\))?\s*(.*)", line)
            if m:
                callee, kind, ident, name = m.groups()
                if kind in ("fl", "fi", "fe"):
                    continue
                table = names[kind]
                if ident is not None:
                    if name:
                        table[ident] = name
                    name = table.get(ident, f"?{ident}")
                if callee:
                    if kind == "ob":
                        callee_obj = name
                    else:
                        callee_fn = name
                elif kind == "ob":
                    obj = name
                else:
                    fn = name
                continue
            if line.startswith("calls="):
                after_call = True
    if events is None:
        fail(f"{path}: no events line")
    return events, costs, calls


def read_profile(path):
    """Self cost (Ir) per (object, function), and the calls between functions with their
    inclusive Ir (read_events, Ir only)."""
    events, costs, calls = read_events(path)
    if events[:1] != ["Ir"]:
        fail(f"{path}: expected Ir as the first event, got {events}")
    return ({key: values[0] for key, values in costs.items()}, {edge: values[0] for edge, values in calls.items()})


def split(profile, binary):
    """Instructions per owner. libc and the rest of "system" called straight from a crypto
    library (OpenSSL 3's parameter lookups call strcmp on every frame) are the library's
    work: they are moved to "library", so that column is what the library costs, and
    "system" keeps what our code and the runtime call (memcpy, malloc) and the loader."""
    costs, calls = profile
    totals = {"ours": 0, "toolchain": 0, "library": 0, "system": 0}
    for (obj, fn), ir in costs.items():
        totals[owner(obj or "", fn or "", binary)] += ir
    for (caller_obj, caller_fn, callee_obj, callee_fn), ir in calls.items():
        if (owner(caller_obj or "", caller_fn or "", binary) == "library"
                and owner(callee_obj or "", callee_fn or "", binary) == "system"):
            totals["library"] += ir
            totals["system"] -= ir
    return totals


class Runner:
    def __init__(self, binary, work, counts, jobs):
        self.binary, self.work, self.counts, self.jobs = binary, work, counts, jobs
        self.env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")

    def probe(self, case, frames, steps):
        backend, layer, op, size = case
        out = os.path.join(self.work, f"cg-{backend}-{layer}-{op}-{size}-{frames}-{steps}.out")
        log = out + ".log"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
               f"--toggle-collect={LOOP_PATTERNS[(layer, op)]}",
               self.binary, "instruction-probe", "--backend", backend, "--layer", layer, "--operation", op,
               "--size", str(size), "--frames", str(frames), "--batch-size", "100", "--synthetic-steps", str(steps)]
        with open(log, "w") as err:
            result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=err, env=self.env)
        if result.returncode != 0:
            fail(f"the probe failed ({' '.join(cmd[5:])}):\n" + open(log).read()[-3000:])
        totals = split(read_profile(out), self.binary)
        if totals["library"] == 0 and frames > 0:
            fail(f"callgrind collected no crypto library work for {case} ({sum(totals.values())} instructions): "
                 f"is {LOOP_PATTERNS[(layer, op)]} the loop's entry point in this binary?")
        os.remove(out)
        return totals

    def per_frame(self, cases, steps=None):
        """{case: {owner: instructions per frame}} for each case, steps[case] injected."""
        low, high = self.counts
        jobs = [(case, n) for case in cases for n in (low, high)]
        with concurrent.futures.ThreadPoolExecutor(self.jobs) as pool:
            results = dict(zip(jobs, pool.map(lambda j: self.probe(j[0], j[1], (steps or {}).get(j[0], 0)), jobs)))
        return {case: {k: round((results[(case, high)][k] - results[(case, low)][k]) / (high - low), 2)
                       for k in results[(case, high)]} for case in cases}


# --------------------------------------------------------------------------- environment

def environment(binary):
    backends = json.loads(subprocess.run([binary, "backends", "--json"], capture_output=True, text=True, check=True).stdout)
    if isinstance(backends, dict):
        backends = backends.get("backends", [])
    libraries = {b["name"]: f'{b.get("library", "?")} {b.get("version", "?")}' for b in backends if b.get("name") in BACKENDS}
    available = [b["name"] for b in backends if b.get("name") in BACKENDS and b.get("available", True)]
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    compiler = next((l.strip() for l in swift if "Swift version" in l), "unknown")
    flags = set()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    return {
        "toolchain": {"swiftCompiler": compiler, "architecture": platform.machine(), "buildConfiguration": "release"},
        "libraries": libraries,
        "available": available,
        "cpuFeatures": [f for f in CPU_FEATURES if f in flags],
        "valgrind": subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip(),
    }


def case_name(case):
    backend, layer, op, size = case
    return f"{backend} {layer} {op} {size}"


def parse_case(name):
    backend, layer, op, size = name.split()
    return (backend, layer, op, int(size))


# --------------------------------------------------------------------------- baseline

def load(path):
    if not os.path.exists(path):
        return {"schema": SCHEMA, "description": DESCRIPTION, "toolchains": []}
    try:
        data = json.load(open(path))
    except ValueError as e:
        fail(f"{path} is not valid JSON: {e}")
    if data.get("schema") != SCHEMA:
        print(f"note: {path} has schema {data.get('schema')!r}, not {SCHEMA}: starting a new baseline file")
        return {"schema": SCHEMA, "description": DESCRIPTION, "toolchains": []}
    return data


DESCRIPTION = ("Instructions per frame inside FrameBench's per-frame loops (framebench instruction-probe under "
               "callgrind, (count at N2 - count at N1) / (N2 - N1), batch 100): 'own' is FrameBench's code plus the "
               "Swift toolchain's libraries, gated on any machine with the same toolchain; each library record holds "
               "the crypto library's share for one library version and CPU feature set. See scripts/instructions.py.")


def entry_for(data, toolchain):
    for entry in data["toolchains"]:
        if entry["toolchain"] == toolchain:
            return entry
    return None


# How library instructions are attributed; a library record made another way is never judged.
# 2: libc and other system code called from a crypto library counts as the library's.
ATTRIBUTION = 2


def library_key(env, backend):
    return {"backend": backend, "library": env["libraries"].get(backend, "?"), "cpuFeatures": env["cpuFeatures"],
            "attribution": ATTRIBUTION}


def record(data, env, measured):
    entry = entry_for(data, env["toolchain"])
    if entry is None:
        entry = {"toolchain": env["toolchain"], "ours": {}, "toolchainShare": {}, "libraryRecords": []}
        data["toolchains"].append(entry)
    entry["valgrind"] = env["valgrind"]
    entry.setdefault("ours", {})
    entry.setdefault("toolchainShare", {})
    entry.pop("own", None)  # an early draft of this schema kept ours + toolchain in one number
    # A library record holds what the library did for our code as it was: where our own count
    # of a case changes, the other library versions' counts for that case are stale (they
    # cannot be re-measured without installing those versions), so they are dropped.
    entry["libraryRecords"] = [r for r in entry["libraryRecords"] if r.get("attribution") == ATTRIBUTION]
    for case, split_ in measured.items():
        name = case_name(case)
        old = entry["ours"].get(name)
        if old is not None and old != split_["ours"]:
            for r in entry["libraryRecords"]:
                if r["instructionsPerFrame"].pop(name, None) is not None:
                    print(f"note: {name}: own count {old} -> {split_['ours']}; dropped its stale count for {r['library']}")
        entry["ours"][name] = split_["ours"]
        entry["toolchainShare"][name] = split_["toolchain"]
    entry["libraryRecords"] = [r for r in entry["libraryRecords"] if r["instructionsPerFrame"]]
    for backend in sorted({c[0] for c in measured}):
        key = library_key(env, backend)
        counts = {case_name(c): s["library"] for c, s in measured.items() if c[0] == backend}
        entry["libraryRecords"] = [r for r in entry["libraryRecords"] if {k: r.get(k) for k in key} != key]
        entry["libraryRecords"].append(dict(key, instructionsPerFrame=counts))
    entry["libraryRecords"].sort(key=lambda r: (r["backend"], r["library"], r["cpuFeatures"]))
    return entry


def save(data, path):
    with open(path + ".tmp", "w") as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(path + ".tmp", path)


# --------------------------------------------------------------------------- judging

def change(now, before):
    return now / before - 1 if before else (0.0 if now == 0 else math.inf)


def judge(entry, env, measured, tolerances, quiet=False):
    """Prints the table and returns the list of regressions. `tolerances` holds the allowed
    relative increase of "ours" (FrameBench's code), "toolchain" (the Swift runtime's share)
    and "library" (only where the library version and CPU features match a record)."""
    say = (lambda *a: None) if quiet else print
    regressions = []
    say(f"{'case':<32} {'ours':>8} {'Δ base':>8} {'toolch.':>8} {'Δ base':>8} {'library':>8} {'Δ base':>13} {'system':>8}")
    library_notes = {}
    for case in sorted(measured):
        s = measured[case]
        name = case_name(case)
        cells = []
        for share in ("ours", "toolchain"):
            table = entry["ours"] if share == "ours" else entry["toolchainShare"]
            base = table.get(name)
            if base is None:
                cells.append("(new)")
                continue
            moved = change(s[share], base)
            cells.append(f"{moved:+.2%}")
            if moved > tolerances[share]:
                regressions.append(f"{name}: {'own code' if share == 'ours' else 'Swift runtime share'} {base:.1f} -> {s[share]:.1f} "
                                   f"({moved:+.2%}, tolerance +{tolerances[share]:.1%})")
                cells[-1] += "!"
        key = library_key(env, case[0])
        same = [r for r in entry["libraryRecords"] if {k: r.get(k) for k in key} == key and name in r["instructionsPerFrame"]]
        others = [r for r in entry["libraryRecords"] if r["backend"] == case[0] and r.get("attribution") == ATTRIBUTION
                  and name in r["instructionsPerFrame"]]
        if same:
            moved = change(s["library"], same[0]["instructionsPerFrame"][name])
            library = f"{moved:+.2%}"
            if moved > tolerances["library"]:
                regressions.append(f"{name}: library {same[0]['instructionsPerFrame'][name]:.1f} -> {s['library']:.1f} "
                                   f"({moved:+.2%}; same library version and CPU features)")
                library += "!"
        elif others:
            moved = change(s["library"], others[0]["instructionsPerFrame"][name])
            library = f"{moved:+.2%} (info)"
            library_notes.setdefault(case[0], []).append((others[0], moved))
        else:
            library = "(no record)"
        say(f"{name:<32} {s['ours']:8.1f} {cells[0]:>8} {s['toolchain']:8.1f} {cells[1]:>8} {s['library']:8.1f} {library:>13} {s['system']:8.1f}")
    for backend, notes in sorted(library_notes.items()):
        ref = notes[0][0]
        moves = [m for _, m in notes]
        differs = []
        if ref["library"] != env["libraries"].get(backend):
            differs.append(f"library {ref['library']} in the baseline, {env['libraries'].get(backend)} here")
        if ref["cpuFeatures"] != env["cpuFeatures"]:
            differs.append(f"CPU features [{' '.join(ref['cpuFeatures'])}] in the baseline, [{' '.join(env['cpuFeatures'])}] here")
        say(f"note: {backend}: {'; '.join(differs)}: its library instructions per frame moved {min(moves):+.2%} … {max(moves):+.2%}; "
            "not judged (a library upgrade or another CPU is information, not a failure)")
    return regressions


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description="FrameBench's deterministic instruction gate (see the module docstring).")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_const", dest="mode", const="check", help="gate against the baseline (default)")
    mode.add_argument("--record", action="store_const", dest="mode", const="record", help="write this run into the baseline")
    mode.add_argument("--self-test", action="store_const", dest="mode", const="self-test",
                      help="check, then prove a +2%% own-code injection turns the gate red")
    parser.add_argument("--baseline", default="results/instructions-baseline.json")
    parser.add_argument("--tolerance", type=float, default=1.0, help="allowed increase of our own code per case, percent (default 1)")
    parser.add_argument("--runtime-tolerance", type=float, default=5.0,
                        help="allowed increase of the Swift runtime's share, percent (default 5: it moves up to ~0.7 %% with binary layout)")
    parser.add_argument("--library-tolerance", type=float, default=1.5, help="allowed library increase where comparable, percent")
    parser.add_argument("--binary", required=True, help="a release framebench")
    parser.add_argument("--output", help="also write this run's counts here (JSON)")
    parser.add_argument("--counts", default="200,1000", help="the two frame counts N1,N2 (default 200,1000)")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--self-test-cases", default="openssl sframe seal 100,openssl sframe open 100,sodium sframe seal 1200,sodium sframe open 1200,swift-crypto aead seal 64",
                        help="cases the self-test injects into (comma-separated 'backend layer op size')")
    args = parser.parse_args()
    mode = args.mode or "check"
    if shutil.which("valgrind") is None:
        fail("valgrind not found (apt-get install -y valgrind)")
    counts = tuple(int(c) for c in args.counts.split(","))
    if len(counts) != 2 or not 0 < counts[0] < counts[1]:
        fail("--counts takes two increasing frame counts, e.g. 200,1000")

    with tempfile.TemporaryDirectory() as work:
        # Valgrind 3.19 cannot read the DWARF 5 the Swift compiler emits: strip the debug info.
        binary = os.path.join(work, "framebench")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.binary], check=True)
        env = environment(binary)
        wanted = [b for b in args.backends.split(",") if b]
        missing = [b for b in wanted if b not in env["available"]]
        if missing:
            fail(f"backends not available in this build or on this machine: {', '.join(missing)}")
        cases = [(b, layer, op, size) for b in wanted for layer in ("aead", "sframe") for op in OPERATIONS for size in SIZES[layer]]
        runner = Runner(binary, work, counts, os.cpu_count() or 2)
        print(f"== instructions per frame: {len(cases)} cases, callgrind, frames {counts[0]} and {counts[1]}; "
              f"{env['toolchain']['swiftCompiler']}, {env['toolchain']['architecture']}; "
              + ", ".join(f"{b}: {v}" for b, v in sorted(env["libraries"].items()))
              + f"; CPU features {' '.join(env['cpuFeatures'])}")
        measured = runner.per_frame(cases)
        if args.output:
            json.dump({"environment": env, "instructionsPerFrame": {case_name(c): s for c, s in measured.items()}},
                      open(args.output, "w"), indent=2, sort_keys=True)

        data = load(args.baseline)
        if mode == "record":
            record(data, env, measured)
            save(data, args.baseline)
            judge(entry_for(data, env["toolchain"]), env, measured, NEVER)
            print(f"recorded {len(measured)} cases for {env['toolchain']['swiftCompiler']} in {args.baseline}")
            return 0
        entry = entry_for(data, env["toolchain"])
        if entry is None:
            known = "; ".join(e["toolchain"]["swiftCompiler"] + " " + e["toolchain"]["architecture"] for e in data["toolchains"]) or "none"
            record(data, env, measured)
            save(data, args.baseline)
            judge(entry_for(data, env["toolchain"]), env, measured, NEVER)
            print(f"NOTE: no baseline for this toolchain ({env['toolchain']['swiftCompiler']}, {env['toolchain']['architecture']}; "
                  f"baselines exist for: {known}). Recorded one now in {args.baseline}; nothing was judged. "
                  "Commit that file to gate this toolchain.")
            return 0
        tolerances = {"ours": args.tolerance / 100, "toolchain": args.runtime_tolerance / 100, "library": args.library_tolerance / 100}
        regressions = judge(entry, env, measured, tolerances)
        if regressions:
            print(f"FAIL: {len(regressions)} case(s) over the baseline:\n  " + "\n  ".join(regressions))
            return 1
        print(f"PASS: own code within +{args.tolerance:g} % and the Swift runtime's share within +{args.runtime_tolerance:g} % "
              f"of the baseline in all {len(measured)} cases")
        if mode != "self-test":
            return 0

        # The self-test: a known +2 % of own code per frame must turn the gate red. Injecting
        # switches the loop to its variant with a per-frame call (FrameLoops' `else` branch),
        # which by itself changes the count; so the reference is the same cases with 1 step
        # injected, and the test adds 2 % of own code on top of that, through more steps.
        chosen = [parse_case(c.strip()) for c in args.self_test_cases.split(",") if c.strip()]
        chosen = [c for c in chosen if c in measured]
        if not chosen:
            fail("no self-test case is among the measured cases")
        reference = runner.per_frame(chosen, {c: 1 for c in chosen})
        probe_case = chosen[0]
        calibration = runner.per_frame([probe_case], {probe_case: 1001})[probe_case]
        per_step = (calibration["ours"] - reference[probe_case]["ours"]) / 1000
        if per_step <= 0:
            print(f"FAIL: 1000 injected steps added {per_step * 1000:.0f} own instructions per frame: the injection does not reach the loop")
            return 1
        own = {c: reference[c]["ours"] for c in chosen}
        steps = {c: 1 + max(1, math.ceil(0.02 * own[c] / per_step)) for c in chosen}
        injected = runner.per_frame(chosen, steps)
        reference_entry = {"ours": {case_name(c): own[c] for c in chosen},
                           "toolchainShare": {case_name(c): reference[c]["toolchain"] for c in chosen}, "libraryRecords": []}
        print(f"== self-test: {per_step:.3f} own instructions per injected step; +2 % of own code injected into {len(chosen)} cases "
              "(reference: the same cases with 1 step, the loop's injecting variant)")
        caught = 0
        for case in chosen:
            after = injected[case]["ours"]
            added = after / own[case] - 1
            red = judge(reference_entry, env, {case: injected[case]}, tolerances, quiet=True)
            ok = added >= 0.02 and bool(red)
            caught += ok
            print(f"  {case_name(case):<32} {steps[case]:>5} steps: own {own[case]:.1f} -> {after:.1f} ({added:+.2%}): "
                  + ("gate RED, as it must be" if red else "gate green: NOT CAUGHT") + ("" if added >= 0.02 else " (injection under +2 %)"))
        if caught != len(chosen):
            print(f"FAIL: the gate caught {caught} of {len(chosen)} deliberate +2 % injections")
            return 1
        print(f"PASS: the gate caught all {len(chosen)} deliberate +2 % own-code injections")
        return 0


if __name__ == "__main__":
    sys.exit(main())
