#!/usr/bin/env python3
"""The before/after table of docs/overhead.md ("Before and after"), from the files it was made
of: per backend, operation, size and layer, own instructions, D1 and L2 misses per frame
(scripts/cache-profile.py --json, L2 as the last level) and ns per frame (framebench overhead
JSON: the median over the runs of each run's p50 and of each run's `addedNsPerFrame`).

    scripts/before-after.py [DIRECTORY]   (default results/amd-epyc-vaes-avx512/before-after-20261207)

The directory holds cache-before.json, cache-before-l2.json (the old binary's Swift and
SFrame layers), cache-before-c.json, cache-before-c-l2.json (the C layer: its loop is
unchanged, run from the new binary), cache-after.json, cache-after-l2.json and
overhead-before-N.json, overhead-after-N.json (the two binaries run alternately). Prints a
Markdown table, and the largest last-level miss count with the 32 MiB L3 as the last level.
"""
import glob
import json
import os
import statistics
import sys

LAYERS = ["c-library", "swift-backend", "sframe"]


def cache(path):
    """(backend, operation, size, layer) -> (own Ir, D1 misses, last-level misses) per frame."""
    out = {}
    for case in json.load(open(path))["cases"]:
        per_frame = case["perFrame"]
        key = (case["backend"], case["operation"], case["size"], case["layer"])
        d1 = sum(per_frame[owner]["D1mr"] + per_frame[owner]["D1mw"] for owner in per_frame)
        ll = sum(per_frame[owner]["DLmr"] + per_frame[owner]["DLmw"] for owner in per_frame)
        out[key] = (per_frame["ours"]["Ir"], d1, ll)
    return out


def nanoseconds(paths):
    """(backend, operation, size, layer) -> (median p50, median adds) over the runs."""
    runs = {}
    for path in paths:
        for m in json.load(open(path))["measurements"]:
            if m.get("suite") != "overhead" or m.get("layer") not in LAYERS:
                continue
            key = (m["backend"], m["operation"], m["frameSize"], m["layer"])
            runs.setdefault(key, []).append((m["nsPerFrame"]["p50"], (m.get("extra") or {}).get("addedNsPerFrame")))
    return {k: (statistics.median(p for p, _ in v), statistics.median(a for _, a in v if a is not None)) for k, v in runs.items()}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "results/amd-epyc-vaes-avx512/before-after-20261207"
    read = lambda name: cache(os.path.join(directory, name))
    before = {**read("cache-before-l2.json"), **read("cache-before-c-l2.json")}
    after = read("cache-after-l2.json")
    before_llc = {**read("cache-before.json"), **read("cache-before-c.json")}
    after_llc = read("cache-after.json")
    before_ns = nanoseconds(sorted(glob.glob(os.path.join(directory, "overhead-before-*.json"))))
    after_ns = nanoseconds(sorted(glob.glob(os.path.join(directory, "overhead-after-*.json"))))
    if not (before_ns and after_ns):
        sys.exit(f"error: no overhead-before-*.json or overhead-after-*.json in {directory}")

    columns = ["own Ir", "D1", "L2 miss", "ns p50", "adds ns"]
    print("| backend | op | size | layer | " + " | ".join(f"before: {c}" if i == 0 else c for i, c in enumerate(columns))
          + " | " + " | ".join(f"after: {c}" if i == 0 else c for i, c in enumerate(columns)) + " |")
    print("|" + "---|" * (4 + 2 * len(columns)))
    for key in sorted(after, key=lambda k: (k[0], k[1] != "seal", k[2], LAYERS.index(k[3]))):
        row = [key[0], key[1], str(key[2]), key[3]]
        for counts, ns in ((before.get(key), before_ns.get(key)), (after.get(key), after_ns.get(key))):
            row += [f"{counts[0]:.1f}", f"{counts[1]:.2f}", f"{max(counts[2], 0):.2f}"] if counts else ["–"] * 3
            row += [f"{ns[0]:.1f}", f"{ns[1]:+.1f}"] if ns else ["–"] * 2
        print("| " + " | ".join(row) + " |")
    largest = max(v[2] for v in list(before_llc.values()) + list(after_llc.values()))
    print(f"\nLast-level misses with the 32 MiB L3 as the last level: at most {largest:.2f} per frame in any case, before or after.")


if __name__ == "__main__":
    main()
