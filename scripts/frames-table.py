#!/usr/bin/env python3
"""The one-run backend table of docs/backends.md from a frames results file.

Usage: scripts/frames-table.py RESULTS.json [--suite N]   (a frames or a run results file)

For each operation (seal, open), one row per backend of the suite (default 5, AES-256-GCM)
plus the floor reference: the code path `framebench backends` reported in the run's
environment, p50 ns per frame at 64, 100 and 1200 B, MB/s (10^6 bytes/s) at 64 KiB, Swift/C
(the Swift backend's p50 over its C reference's, interleaved in the same group) at 64 B,
1200 B and 64 KiB, and the ns per frame above the floor at 100 B for the Swift backend and
its C reference. A case the run did not measure prints "–". Then, for every suite in the
file, the largest Swift/C at the sizes the issue names, per backend.
"""
import argparse
import json
import sys

SIZES = (64, 100, 1200)
RATIO_SIZES = (64, 1200, 65536)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--suite", type=int, default=5)
    args = parser.parse_args()
    document = json.load(open(args.results, encoding="utf-8"))
    paths = {b["name"]: f"{b['codePath']['path']} ({b['codePath']['source']})"
             for b in document["environment"]["backends"]}
    records = {}
    for m in document["measurements"]:
        # A run's results file holds every suite: the frames suite's single-thread records only.
        if m.get("suite", "frames") != "frames" or "operation" not in m or (m.get("threads") or 1) != 1:
            continue
        key = (m.get("cipherSuite"), m["backend"], m["implementation"], m["operation"], m["frameSize"])
        records.setdefault(key, m)  # the first record per case, as the report's FramesSweep does

    def p50(suite, backend, impl, op, size):
        m = records.get((suite, backend, impl, op, size))
        return m["nsPerFrame"]["p50"] if m else None

    def ratio(suite, backend, op, size):
        m = records.get((suite, backend, "swift", op, size))
        return m.get("referenceRatio") if m else None

    def show(value, digits=0):
        return "–" if value is None else f"{value:.{digits}f}"

    suite = args.suite
    backends = sorted({k[1] for k in records if k[0] == suite and k[2] == "swift"},
                      key=lambda b: [r["name"] for r in document["environment"]["backends"]].index(b)
                      if b in paths else 99)
    print(f"commit {document['environment'].get('gitCommit', '?')}"
          f"{' (dirty)' if document['environment'].get('gitDirty') else ''}, {document['environment'].get('cpuModel', '?')}, "
          f"{document['createdAt']}; suite {suite}")
    for op in ("seal", "open"):
        print(f"\n### {op}\n")
        print("| backend | code path | ns/frame 64 B | 100 B | 1200 B | MB/s 64 KiB | Swift/C 64 B | 1200 B | 64 KiB "
              "| ns above floor 100 B (Swift / C) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        floor100 = p50(suite, "floor", "c", op, 100)
        for backend in backends + ["floor"]:
            impl = "c" if backend == "floor" else "swift"
            big = records.get((suite, backend, impl, op, 65536))
            mbps = big["bytesPerSecond"] / 1e6 if big else None
            cells = [show(p50(suite, backend, impl, op, s)) for s in SIZES] + [show(mbps)]
            if backend == "floor":
                cells += ["–", "–", "–", "–"]
                path = "aesni (intrinsics)"
            else:
                cells += [show(ratio(suite, backend, op, s), 3) for s in RATIO_SIZES]
                swift100, c100 = p50(suite, backend, "swift", op, 100), p50(suite, backend, "c", op, 100)
                above = [None if v is None or floor100 is None else v - floor100 for v in (swift100, c100)]
                cells.append(f"{show(above[0])} / {show(above[1])}")
                path = paths.get(backend, "?")
            print(f"| {backend} | {path} | " + " | ".join(cells) + " |")
    print("\nLargest Swift/C at 64 B, 1200 B and 64 KiB, seal and open, per suite and backend:")
    worst = {}
    for (s, backend, impl, op, size), m in records.items():
        if impl == "swift" and size in RATIO_SIZES and m.get("referenceRatio") is not None:
            current = worst.get((s, backend))
            if current is None or m["referenceRatio"] > current[0]:
                worst[(s, backend)] = (m["referenceRatio"], op, size)
    for (s, backend), (value, op, size) in sorted(worst.items()):
        print(f"  suite {s} {backend}: {value:.3f} ({op} {size} B)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
