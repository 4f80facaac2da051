#!/usr/bin/env python3
"""Instructions, D1 misses and last-level misses per frame, per layer, ours apart from the
library's: the deterministic companion of `framebench overhead`.

    scripts/cache-profile.py [--backend B]... [--size N]... [--operation seal|open]...
                             [--layer c-library|swift-backend|sframe]... [--ll l2|llc]
                             [--working-set hot|l2|llc|dram] [--binary PATH] [--json FILE]

For each case it runs `framebench instruction-probe` under `valgrind --tool=callgrind
--cache-sim=yes`, collecting only inside the layer's per-frame loop (the same toggle as
scripts/instructions.py), at two frame counts, and divides the difference by the frames
between them: start-up, keying and the untimed ring refill drop out. Each event's self cost
is charged to an owner as the instruction gate does (scripts/instructions.py: `ours` =
FrameBench's code, `library` = libcrypto/libsodium/BoringSSL and the libc they call,
`toolchain`, `system`; the C reference's own loop, `fbr_*`, is ours: FrameBench's C code).

Without --working-set, each layer runs as the instruction gate counts it: the C library and
Swift backend layers seal or open one frame over and over (hot in L1), the SFrame open layer
opens frames just sealed into a ring of up to 4096 frames (up to 4 MiB); the "adds" columns
then mix SFrame's own work with the misses of a footprint the lower layers do not have.
With --working-set (hot, l2, llc, dram; docs/overhead.md, "Working sets"), every layer runs
the overhead suite's ring runner on a ring of one geometry that alone spans that working set
(sized from sysfs), refilled the same way: like for like, as `framebench overhead` measures.

The cache model is valgrind's: a first-level data cache (D1) and one last level (LL), both
sized from this machine's caches as Linux reports them (/sys/devices/system/cpu/cpu0/cache),
printed with the table. `--ll l2` simulates the L2 as the last level (what a ring larger
than L2 costs); `--ll llc` (default) the largest cache. The simulation is deterministic:
the same binary, arguments and cache sizes give the same counts on every run, whatever else
the machine does. It models no prefetcher, so misses on a streaming ring are an upper
bound of what the hardware pays.

Needs a release build (`swift build -c release --product framebench`) and valgrind.
"""

import argparse
import concurrent.futures
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("instructions", os.path.join(HERE, "instructions.py"))
instructions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(instructions)

LAYERS = ["c-library", "swift-backend", "sframe"]
# The probe's own name for each layer, and the function callgrind collects inside. The
# C reference's batch functions are plain C symbols; the Swift layers reuse the gate's
# patterns (the generic entry of FrameLoops / SFrameLoops, see scripts/instructions.py).
PROBE_LAYER = {"c-library": "c-library", "swift-backend": "aead", "sframe": "sframe"}
EVENTS = ["Ir", "D1mr", "D1mw", "DLmr", "DLmw"]


# The ring runners' loops (--working-set): fbr_*_ring, FrameLoops.sealRing/openRing
# (mangled 8sealRing/8openRing), SFrameLoops.sealRing and, for open, SFrameLoops.open itself.
RING_PATTERNS = {
    ("aead", "seal"): "*FrameBench0A5LoopsO8sealRing_*lFZ",
    ("aead", "open"): "*FrameBench0A5LoopsO8openRing_*lFZ",
    ("sframe", "seal"): "*FrameBench11SFrameLoopsO8sealRing_*lFZ",
    ("sframe", "open"): "*FrameBench11SFrameLoopsO4open_*lFZ",
}


# The C reference's symbol prefix where it is not the backend's name (libraries/gcrypt.c).
C_PREFIX = {"libgcrypt": "gcrypt"}


def toggle_pattern(layer, backend, operation, working_set=None):
    if layer == "c-library":
        return f"fbr_{C_PREFIX.get(backend, backend)}_{operation}_{'ring' if working_set else 'batch'}"
    patterns = RING_PATTERNS if working_set else instructions.LOOP_PATTERNS
    return patterns[(PROBE_LAYER[layer], operation)]


def read_cache(level_filter):
    """[(level, type, bytes, ways, line)] from sysfs for cpu0."""
    found = []
    for index in sorted(glob.glob("/sys/devices/system/cpu/cpu0/cache/index*")):
        def read(name):
            with open(os.path.join(index, name)) as f:
                return f.read().strip()
        try:
            size = read("size")
            multiplier = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(size[-1], 1)
            found.append((int(read("level")), read("type"), int(size.rstrip("KMG")) * multiplier,
                          int(read("ways_of_associativity")), int(read("coherency_line_size"))))
        except (OSError, ValueError):
            continue
    return [c for c in found if level_filter(c)]


def valgrind_cache_options(ll):
    """--D1/--LL options sized from this machine, and a description. Valgrind needs
    size = sets × ways × line with a power-of-two number of sets; when a reported cache does
    not fit that, the ways are reduced to the nearest that does (and said)."""
    caches = read_cache(lambda c: True)
    d1 = [c for c in caches if c[0] == 1 and c[1] == "Data"]
    unified = sorted((c for c in caches if c[1] == "Unified"), key=lambda c: c[0])
    if not d1 or not unified:
        return [], "valgrind's default cache model (this machine reports no cache sizes)"
    if ll == "l2":
        last = [c for c in unified if c[0] == 2] or unified[:1]
    else:
        last = unified[-1:]
    notes, options = [], []
    for flag, (level, _, size, ways, line) in (("--D1", d1[0]), ("--LL", last[0])):
        w = ways
        while w > 1 and not _power_of_two(size // (w * line)):
            w -= 1
        if size % (w * line) or not _power_of_two(size // (w * line)):
            return [], f"valgrind's default cache model (L{level} of {size} B cannot be modelled exactly)"
        if w != ways:
            notes.append(f"L{level} modelled {w}-way, reported {ways}-way")
        options.append(f"{flag}={size},{w},{line}")
        notes.insert(0 if flag == "--D1" else len(notes), f"{flag[2:]} = L{level} {size // 1024} KiB {w}-way {line} B lines")
    return options, "; ".join(notes)


def _power_of_two(n):
    return n > 0 and n & (n - 1) == 0


def split_events(path, binary):
    """{owner: {event: count}}, owners as in the instruction gate (library's libc calls moved)."""
    events, costs, calls = instructions.read_events(path)
    index = {e: events.index(e) for e in EVENTS if e in events}
    missing = [e for e in EVENTS if e not in index]
    if missing:
        instructions.fail(f"{path}: callgrind recorded no {missing}: was --cache-sim=yes given?")
    totals = {o: {e: 0 for e in EVENTS} for o in ("ours", "toolchain", "library", "system")}
    for (o, f), values in costs.items():
        who = instructions.owner(o or "", f or "", binary)
        for e, i in index.items():
            totals[who][e] += values[i]
    for (co, cf, eo, ef), values in calls.items():
        if (instructions.owner(co or "", cf or "", binary) == "library"
                and instructions.owner(eo or "", ef or "", binary) == "system"):
            for e, i in index.items():
                totals["library"][e] += values[i]
                totals["system"][e] -= values[i]
    return totals


def probe(binary, work, cache_options, case, frames, batch, working_set=None):
    backend, layer, operation, size = case
    out = os.path.join(work, f"cg-{backend}-{layer}-{operation}-{size}-{frames}.out")
    pattern = toggle_pattern(layer, backend, operation, working_set)
    cmd = (["valgrind", "--tool=callgrind", "--cache-sim=yes", f"--callgrind-out-file={out}",
            "--collect-atstart=no", f"--toggle-collect={pattern}"]
           + cache_options
           + [binary, "instruction-probe", "--backend", backend, "--layer", PROBE_LAYER[layer],
              "--operation", operation, "--size", str(size), "--frames", str(frames), "--batch-size", str(batch)]
           + (["--working-set", working_set] if working_set else []))
    env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if result.returncode != 0:
        instructions.fail(f"the probe failed: {' '.join(cmd[6 + len(cache_options):])}\n{result.stderr[-2000:]}")
    totals = split_events(out, binary)
    os.remove(out)
    if totals["library"]["Ir"] == 0 and frames > 0:
        instructions.fail(f"callgrind collected no library work for {case}: is "
                          f"{pattern} the loop in this binary?")
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/framebench")
    parser.add_argument("--backend", action="append", dest="backends")
    parser.add_argument("--size", action="append", type=int, dest="sizes")
    parser.add_argument("--operation", action="append", choices=["seal", "open"], dest="operations")
    parser.add_argument("--layer", action="append", choices=LAYERS, dest="layers")
    parser.add_argument("--ll", choices=["l2", "llc"], default="llc")
    parser.add_argument("--working-set", choices=["hot", "l2", "llc", "dram"], dest="working_set",
                        help="run the overhead suite's ring runners on a ring spanning this working set")
    parser.add_argument("--frames", default="200,1000", help="the two frame counts, low,high")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        instructions.fail(f"no framebench at {args.binary}: swift build -c release --product framebench")
    low, high = (int(x) for x in args.frames.split(","))
    if not 0 <= low < high:
        instructions.fail("--frames needs two counts, low < high")
    backends = args.backends or ["openssl", "sodium"]
    sizes = args.sizes or [100, 1200]
    operations = args.operations or ["seal", "open"]
    layers = args.layers or LAYERS
    cache_options, cache_text = valgrind_cache_options(args.ll)
    cases = [(b, l, o, s) for b in backends for o in operations for s in sizes for l in layers]
    jobs = [(c, n) for c in cases for n in (low, high)]
    with tempfile.TemporaryDirectory() as work, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        # Valgrind 3.19 cannot read the DWARF 5 the Swift compiler emits: strip the debug info.
        binary = os.path.join(work, "framebench")
        subprocess.run(["strip", "--strip-debug", "-o", binary, args.binary], check=True)
        results = dict(zip(jobs, pool.map(
            lambda j: probe(binary, work, cache_options, j[0], j[1], args.batch_size, args.working_set), jobs)))
    per_frame = {}
    for case in cases:
        a, b = results[(case, low)], results[(case, high)]
        per_frame[case] = {o: {e: (b[o][e] - a[o][e]) / (high - low) for e in EVENTS} for o in b}

    def row(values):
        return (values["Ir"], values["D1mr"] + values["D1mw"], values["DLmr"] + values["DLmw"])

    print(f"cache model: {cache_text}; per frame = (count at {high} frames - count at {low}) / {high - low}; "
          + (f"working set {args.working_set}: every layer on a ring of one geometry"
             if args.working_set else "no working set: the instruction gate's runners"))
    header = (f"{'backend':<9} {'op':<5} {'size':>6} {'layer':<14} | {'ours Ir':>9} {'D1':>6} {'LL':>6} "
              f"| {'library Ir':>10} {'D1':>6} {'LL':>6} | {'adds: ours Ir':>13} {'all Ir':>8} {'D1':>6} {'LL':>6}")
    print(header)
    print("-" * len(header))
    for b in backends:
        for o in operations:
            for s in sizes:
                below = None
                for l in layers:
                    v = per_frame[(b, l, o, s)]
                    ours, lib = row(v["ours"]), row(v["library"])
                    everything = tuple(sum(row(v[w])[i] for w in v) for i in range(3))
                    adds = ""
                    if below is not None:
                        adds = (f"{ours[0] - below[0][0]:>+13.1f} {everything[0] - below[1][0]:>+8.1f} "
                                f"{everything[1] - below[1][1]:>+6.2f} {everything[2] - below[1][2]:>+6.2f}")
                    print(f"{b:<9} {o:<5} {s:>6} {l:<14} | {ours[0]:>9.1f} {ours[1]:>6.2f} {ours[2]:>6.2f} "
                          f"| {lib[0]:>10.1f} {lib[1]:>6.2f} {lib[2]:>6.2f} | {adds}")
                    below = (ours, everything)
    if args.json_path:
        with open(args.json_path, "w") as f:
            json.dump({"cacheModel": cache_text, "frames": [low, high], "workingSet": args.working_set,
                       "cases": [{"backend": b, "layer": l, "operation": o, "size": s, "perFrame": per_frame[(b, l, o, s)]}
                                 for (b, l, o, s) in cases]}, f, indent=2)


if __name__ == "__main__":
    main()
