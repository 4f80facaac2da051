#!/usr/bin/env bash
# Proves the wall-time regression gate on this machine: repeats, N times, an A/A comparison
# (two sets of runs of the same build) that must pass, and a comparison against the same
# build with a known 5 % slowdown injected (`--synthetic-overhead-ns`) that must fail.
#
# Every repetition runs, side by side, pinned to one CPU so that they share whatever the
# machine is doing: RUNS baseline processes (A), RUNS more baseline processes (A'), and
# RUNS candidate processes (B) with the injected overhead; one process of each kind at a
# time, the three concurrently. Then `framebench compare A A'` must exit 0 and
# `framebench compare A B` must exit 1.
#
# The injected overhead is PERCENT of the case's own per-frame cost, measured first by
# running the baseline side by side the same way: N starts at PERCENT/100 × median ns/frame
# of the Swift case, then is scaled in three rounds by the slowdown N really caused (the CPU
# hides part of the busy work behind the next frame). It is applied to the Swift case only;
# the C reference of the same backend, interleaved with it, stays as it was and is the
# control the gate judges against. Each repetition prints the slowdown the gate measured.
#
# Usage: scripts/gate-selftest.sh [options]
#   --repetitions N   comparisons of each kind (default 20)
#   --runs K          processes per side per comparison (default 3)
#   --backend B --size S --operation OP   the case (default openssl 1200 seal)
#   --percent P       injected slowdown (default 5)
#   --seconds S       measured seconds per case per process (default 0.3)
#   --scratch DIR     build scratch path (default .build)
#   --binary PATH     use this framebench instead of building one
#   --keep DIR        keep every results file under DIR
# Exits 0 when at least 95 % of the A/A comparisons pass and 95 % of the injected ones fail.
set -euo pipefail
cd "$(dirname "$0")/.."

repetitions=20 runs=3 backend=openssl size=1200 operation=seal percent=5 seconds=0.3
scratch=.build binary="" keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --repetitions) repetitions=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --backend) backend=$2; shift 2 ;;
        --size) size=$2; shift 2 ;;
        --operation) operation=$2; shift 2 ;;
        --percent) percent=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --scratch) scratch=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done

if [ -z "$binary" ]; then
    swift build -c release --scratch-path "$scratch" --product framebench ${FRAMEBENCH_TRAITS:+--traits "$FRAMEBENCH_TRAITS"} >&2
    binary="$scratch/release/framebench"
fi
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

# Side by side: pinned to the last CPU when taskset exists, so the processes take turns on
# one core and see the same machine; without it they still run concurrently.
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$(($(nproc) - 1))"); fi
case_args=(frames --backend "$backend" --sizes "$size" --operations "$operation" --seconds "$seconds" --warmup 0.05)

# Runs one process per directory given, concurrently; $1 is the overhead for the last one.
side_by_side() {
    local overhead=$1 run=$2; shift 2
    local pids=() i=0 n=$# out
    for out in "$@"; do
        i=$((i + 1))
        local extra=()
        if [ "$i" = "$n" ] && [ "$overhead" != 0 ]; then extra=(--synthetic-overhead-ns "$overhead"); fi
        mkdir -p "$out"
        "${pin[@]}" "$binary" "${case_args[@]}" "${extra[@]}" --output "$out/run-$run.json" --force >/dev/null 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
}

swift_median() {  # median ns/frame of the Swift case over the runs in a directory
    python3 - "$1" <<'EOF'
import json, os, statistics, sys
d = sys.argv[1]
values = []
for name in sorted(n for n in os.listdir(d) if n.endswith(".json")):
    for m in json.load(open(os.path.join(d, name)))["measurements"]:
        if m["implementation"] == "swift":
            values += m["samples"]
print(statistics.median(values))
EOF
}

judged_change() {  # the Swift case's change on the metric the gate judges, as a fraction
    python3 - "$1" <<'EOF'
import json, sys
for c in json.load(open(sys.argv[1]))["cases"]:
    if c["key"]["implementation"] == "swift":
        s = c["ratioToReference"] if c["metric"] == "ratioToReference" else c["nsPerFrame"]
        print(s["interval"]["ratio"] - 1)
EOF
}

echo "== case: $backend $operation $size B; $runs runs per side; $repetitions repetitions; binary $binary"
# 1. The case's cost, measured side by side like everything after it.
for run in $(seq "$runs"); do side_by_side 0 "$run" "$work/cost/a" "$work/cost/b"; done
cost=$(swift_median "$work/cost/a")
first=$(python3 -c "print(max(1, round($cost * $percent / 100)))")
# 2. What that injection really costs: the CPU overlaps part of the busy work with the next
#    frame's independent instructions, so N ns of busy work adds less than N ns per frame.
#    Scale N so the realised slowdown is PERCENT of the case's cost: three rounds, each
#    estimating the slowdown per ns of busy work, N set from the median estimate so far (one
#    round that lands on a noisy moment does not throw it off).
overhead=$first slopes=()
for step in 1 2 3; do
    for run in $(seq "$runs"); do side_by_side "$overhead" "$run" "$work/scale-$step/a" "$work/scale-$step/b"; done
    "$binary" compare "$work/scale-$step/a" "$work/scale-$step/b" --json >"$work/scale-$step.json" || true
    realised=$(judged_change "$work/scale-$step.json")
    echo "== cost ${cost} ns/frame; ${overhead} ns of busy work per frame added $(python3 -c "print(round($realised*100, 2))") %"
    slopes+=("$(python3 -c "print(max($realised, 0.0001) / $overhead)")")
    overhead=$(python3 -c "import statistics, sys; print(max(1, round($percent / 100 / statistics.median(float(x) for x in sys.argv[1:]))))" "${slopes[@]}")
done
echo "== injecting ${overhead} ns of busy work per frame for a ${percent} % slowdown"

aa_pass=0 slow_fail=0
for rep in $(seq "$repetitions"); do
    dir="$work/rep-$rep"
    for run in $(seq "$runs"); do side_by_side "$overhead" "$run" "$dir/a" "$dir/a2" "$dir/b"; done
    set +e
    "$binary" compare "$dir/a" "$dir/a2" --json >"$dir/aa.json"; aa=$?
    "$binary" compare "$dir/a" "$dir/b" --json >"$dir/ab.json"; ab=$?
    set -e
    [ "$aa" = 0 ] && aa_pass=$((aa_pass + 1))
    [ "$ab" = 1 ] && slow_fail=$((slow_fail + 1))
    python3 - "$rep" "$aa" "$ab" "$dir/aa.json" "$dir/ab.json" <<'EOF'
import json, sys
rep, aa, ab = sys.argv[1:4]
def line(path):
    r = json.load(open(path))
    out = []
    for c in r["cases"]:
        s = c["ratioToReference"] if c["metric"] == "ratioToReference" else c["nsPerFrame"]
        i = s["interval"]
        out.append(f'{c["key"]["implementation"]} {c["metric"][:5]} {100*(i["ratio"]-1):+.2f}% [{100*(i["low"]-1):+.2f}, {100*(i["high"]-1):+.2f}] {c["verdict"]}')
    return "; ".join(out)
print(f"rep {rep:>2}: A/A exit {aa} ({line(sys.argv[4])})")
print(f"        A/B exit {ab} ({line(sys.argv[5])})")
EOF
done
echo "== A/A comparisons that passed: $aa_pass/$repetitions; injected ${percent} % slowdowns flagged: $slow_fail/$repetitions"
need=$(( (repetitions * 95 + 99) / 100 ))
[ "$aa_pass" -ge "$need" ] && [ "$slow_fail" -ge "$need" ]
