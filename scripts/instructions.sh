#!/usr/bin/env bash
# Deterministic performance gate: instructions per frame, counted by valgrind's callgrind,
# for each backend's seal and open at 64, 1200 and 16384 bytes, compared with the committed
# baseline results/instructions-baseline.json. Instruction counts do not depend on what else
# the machine is doing, so a tight tolerance (default 1.5 %) neither flakes nor misses a
# few percent more work per frame.
#
# How: a release `framebench frames --count N --batch-size 100 --warmup 0 --no-reference`
# per frame size, twice (N = 1000 and 5000), under callgrind collecting only inside
# InterleavedGroup.measure (the timed loop; calibration and start-up are not counted). Each
# case's cost is the inclusive count of its frame loop (FrameLoops.seal/open specialised
# for the backend's context: the library call, the nonce, the clock reads per batch), and
# per frame = (count at 5000 − count at 1000) / 4000, so anything done once cancels.
#
# Usage: scripts/instructions.sh [--check | --record] [options]
#   --check            compare with the baseline (default); exit 1 on a regression
#   --record           write the baseline instead
#   --baseline FILE    default results/instructions-baseline.json
#   --tolerance PCT    allowed increase per case, percent (default 1.5)
#   --output FILE      also write this run's counts here
#   --scratch DIR      build scratch path (default .build); --binary PATH skips the build
# Exit status: 0 pass, 1 regression, 2 bad input (no valgrind, no baseline, the baseline was
# recorded with other library versions, a compiler or valgrind: re-record it).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check baseline=results/instructions-baseline.json tolerance=1.5 output="" scratch=.build binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --check) mode=check; shift ;;
        --record) mode=record; shift ;;
        --baseline) baseline=$2; shift 2 ;;
        --tolerance) tolerance=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        --scratch) scratch=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
if [ "$mode" = check ] && [ ! -f "$baseline" ]; then
    echo "error: no baseline at $baseline (record one with --record)" >&2; exit 2
fi
if [ -z "$binary" ]; then
    swift build -c release --scratch-path "$scratch" --product framebench >&2
    binary="$scratch/release/framebench"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 the Swift compiler emits: strip the debug info.
strip --strip-debug -o "$work/framebench" "$binary"
nm "$work/framebench" >"$work/symbols.txt"
grep -q 'InterleavedGroupO7measure' "$work/symbols.txt" \
    || { echo "error: InterleavedGroup.measure is not a separate function in the binary" >&2; exit 2; }

sizes=(64 1200 16384)
counts=(1000 5000)
measure() {  # one callgrind run: frame size $1, $2 frames per case
    local size=$1 n=$2
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-$size-$n.out" \
        '--toggle-collect=*InterleavedGroupO7measure*' \
        "$work/framebench" frames --backend openssl --backend sodium --sizes "$size" --count "$n" \
        --batch-size 100 --warmup 0 --no-reference --json >"$work/run-$size-$n.json" 2>"$work/valgrind-$size-$n.txt" \
        || { cat "$work/valgrind-$size-$n.txt" >&2; return 1; }
    callgrind_annotate --inclusive=yes --threshold=100 "$work/cg-$size-$n.out" 2>/dev/null \
        | sed -E 's/\([^)]*\)//g' | grep -E '0A5LoopsO4(seal|open).*V_Tg5' >"$work/loops-$size-$n.txt" || true
}
# The runs are independent and each single-threaded: one per CPU at a time.
jobs=$(nproc 2>/dev/null || echo 2)
pids=()
for size in "${sizes[@]}"; do
    for n in "${counts[@]}"; do
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 0.2; done
        measure "$size" "$n" &
        pids+=($!)
    done
done
for pid in "${pids[@]}"; do wait "$pid" || exit 2; done

python3 - "$work" "$mode" "$baseline" "$tolerance" "$output" "$(valgrind --version)" "${sizes[*]}" "${counts[*]}" <<'EOF'
import json, re, sys
work, mode, baseline_path, tolerance, output, valgrind, sizes, counts = sys.argv[1:]
tolerance = float(tolerance) / 100
sizes = [int(s) for s in sizes.split()]
low, high = (int(c) for c in counts.split())
# The Swift type each backend's context is, as it appears in the specialised symbol.
contexts = {"openssl": "OpenSSLContext", "sodium": "SodiumContext"}

def loop_counts(size, n):
    found = {}
    for line in open(f"{work}/loops-{size}-{n}.txt"):
        m = re.match(r"\s*([\d,]+)\s+\S*0A5LoopsO4(seal|open)", line)
        for ctx in contexts.values():
            if m and re.search(r"\d" + ctx + r"V_Tg5", line):
                found[(ctx, m.group(2))] = int(m.group(1).replace(",", ""))
    return found

cases = {}
for size in sizes:
    a, b = loop_counts(size, low), loop_counts(size, high)
    for backend, ctx in contexts.items():
        for op in ("seal", "open"):
            if (ctx, op) not in a or (ctx, op) not in b:
                sys.exit(f"error: no callgrind count for {backend} {op} {size} B (symbol of FrameLoops.{op} specialised for {ctx} missing?)")
            cases[f"{backend} {op} {size}"] = round((b[(ctx, op)] - a[(ctx, op)]) / (high - low), 2)

env = json.load(open(f"{work}/run-{sizes[0]}-{low}.json"))["environment"]
environment = {
    "valgrind": valgrind,
    "swiftCompiler": env["swiftCompiler"],
    "buildConfiguration": env["buildConfiguration"],
    "libraries": sorted(f'{b["name"]} {b["library"]} {b["version"]}' for b in env["backends"] if b["name"] in contexts),
    "architecture": env["os"]["machine"],
}
current = {
    "schema": "framebench-instructions/1",
    "description": "Instructions per frame in the Swift frame loop (library call included), callgrind, "
                   f"(count at {high} frames - count at {low}) / {high - low}, batch size 100, AAD 8 bytes",
    "environment": environment,
    "instructionsPerFrame": cases,
}
if output:
    json.dump(current, open(output, "w"), indent=2, sort_keys=True); open(output, "a").write("\n")
if mode == "record":
    json.dump(current, open(baseline_path, "w"), indent=2, sort_keys=True); open(baseline_path, "a").write("\n")
    for name, value in cases.items():
        print(f"{name:>22} B  {value:>10.2f} instructions/frame")
    print(f"recorded {len(cases)} cases in {baseline_path}")
    sys.exit(0)

base = json.load(open(baseline_path))
if base.get("schema") != current["schema"]:
    sys.exit(print(f"error: {baseline_path} is not a {current['schema']} file") or 2)
differences = [f"{k}: baseline {base['environment'].get(k)} vs now {v}" for k, v in environment.items() if base["environment"].get(k) != v]
if differences:
    print("error: instruction counts depend on the toolchain and libraries, and these differ from the baseline's:\n  "
          + "\n  ".join(differences) + f"\nre-record it: scripts/instructions.sh --record", file=sys.stderr)
    sys.exit(2)
regressions, improvements = [], []
print(f"{'case':>22}    {'baseline':>10}  {'now':>10}  {'change':>8}")
for name, value in cases.items():
    old = base["instructionsPerFrame"].get(name)
    if old is None:
        print(f"{name:>22} B  {'-':>10}  {value:>10.2f}  (new case)")
        continue
    change = value / old - 1
    mark = ""
    if change > tolerance:
        regressions.append(f"{name} B {change:+.2%}"); mark = "  REGRESSION"
    elif change < -tolerance:
        improvements.append(name); mark = "  improvement (re-record the baseline)"
    print(f"{name:>22} B  {old:>10.2f}  {value:>10.2f}  {change:>+8.2%}{mark}")
missing = sorted(set(base["instructionsPerFrame"]) - set(cases))
if missing:
    print("not measured now (in the baseline): " + ", ".join(missing))
if regressions:
    print(f"FAIL: {len(regressions)} case(s) run more than {tolerance:.1%} more instructions per frame: " + "; ".join(regressions))
    sys.exit(1)
print(f"PASS: {len(cases)} cases within +{tolerance:.1%} of the baseline" + (f" ({len(improvements)} improved)" if improvements else ""))
EOF
