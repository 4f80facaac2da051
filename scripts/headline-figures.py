#!/usr/bin/env python3
"""Print the README's headline table from one or more `framebench run` results files, each
cell giving the runs' figures in the order given ("297 / 250"): how the headline table is
made from the reference runs in results/<machine class>/ (results/README.md).

Usage: scripts/headline-figures.py RUN.json [RUN.json ...]
"""
import json
import sys

BACKENDS = ["openssl", "sodium", "swift-crypto"]


def load(path):
    with open(path) as f:
        return json.load(f)["measurements"]


def find(ms, **want):
    for m in ms:
        if all((m.get(k) if k != "threads" else (m.get("threads") or 1)) == v for k, v in want.items()):
            return m
    return None


def fmt(x, digits=0):
    return "–" if x is None else (f"{x:.{digits}f}" if digits else f"{x:.0f}")


def figures(ms, backend):
    """The headline figures of one backend in one run, as strings, in the table's row order."""
    rows = []
    seal64 = find(ms, suite="frames", implementation="swift", backend=backend, operation="seal", frameSize=64, threads=1)
    rows.append(fmt(seal64 and seal64["nsPerFrame"]["p50"]))
    open1200 = find(ms, suite="frames", implementation="swift", backend=backend, operation="open", frameSize=1200, threads=1)
    rows.append(fmt(open1200 and open1200["nsPerFrame"]["p50"]))
    seal64k = find(ms, suite="frames", implementation="swift", backend=backend, operation="seal", frameSize=65536, threads=1)
    rows.append(fmt(seal64k and seal64k["bytesPerSecond"] / 1e6))
    open64 = find(ms, suite="frames", implementation="swift", backend=backend, operation="open", frameSize=64, threads=1)
    ratios = [m and m.get("referenceRatio") for m in (seal64, open64)]
    rows.append("no C reference" if None in ratios else ", ".join(f"{r:.2f}" for r in ratios))
    # The receiver's working set (docs/overhead.md, "Working sets"); runs from before the
    # layers shared a ring have no workingSet.
    sframe = (find(ms, suite="overhead", backend=backend, operation="open", frameSize=100, layer="sframe", workingSet="llc")
              or find(ms, suite="overhead", backend=backend, operation="open", frameSize=100, layer="sframe", workingSet=None))
    added = sframe and sframe["extra"]["addedNsPerFrame"]
    rows.append("–" if added is None else (f"{added:+.1f}" if abs(added) < 100 else f"{added:+.0f}"))
    keys400 = find(ms, suite="keys", backend=backend, operation="open", frameSize=1200, keyCount=400)
    rows.append(fmt(keys400 and keys400["extra"]["ratioToOneKey"], 2))
    one = find(ms, suite="meeting", backend=backend, participants=200, mode="meeting", threads=1)
    two = find(ms, suite="meeting", backend=backend, participants=200, mode="meeting", threads=2)
    rows.append(fmt(one and one["realtimeFactor"], 1) + "×")
    rows.append(fmt(two and two["realtimeFactor"], 1) + "×"
                + (f" ({two['realtimeFactor'] / one['realtimeFactor']:.2f})" if one and two else ""))
    paced = find(ms, suite="meeting", backend=backend, participants=50, paced=True)
    extra = (paced or {}).get("extra", {})
    rows.append(f"{extra['latencyP99Ms']:.1f} ms, {extra['missedDeadlineFrames']}" if "latencyP99Ms" in extra else "–")
    return rows


LABELS = [
    "seal 64 B, ns/frame (p50)",
    "open 1200 B, ns/frame (p50)",
    "seal 64 KiB, MB/s",
    "Swift backend ÷ C reference, 64 B seal, open",
    "SFrame adds over the backend, open 100 B (ns)",
    "open with 400 live receive keys ÷ with 1, 1200 B",
    "200-participant meeting, whole-meeting work, 1 thread: real-time factor",
    "same on 2 threads (speed-up)",
    "paced 50-participant meeting: p99 latency, frames past 20 ms",
]


def main():
    runs = [load(p) for p in sys.argv[1:]]
    if not runs:
        print(__doc__, file=sys.stderr)
        return 2
    per_run = [{b: figures(ms, b) for b in BACKENDS} for ms in runs]
    print("| | " + " | ".join(BACKENDS) + " |")
    print("| --- |" + " ---: |" * len(BACKENDS))
    for i, label in enumerate(LABELS):
        cells = []
        for b in BACKENDS:
            values = [r[b][i] for r in per_run]
            cells.append(values[0] if len(set(values)) == 1 else " / ".join(values))
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
