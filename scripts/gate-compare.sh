#!/usr/bin/env bash
# Wall-clock regression gate between two builds, run side by side on one machine: the way
# to compare times on a shared, noisy machine (CI runners, VMs).
#
# RUNS times, the baseline and the candidate framebench run `frames` concurrently, both
# pinned to the same CPU (taskset), so they take turns on one core and see the same machine:
# another tenant, a frequency change or a noisy build hits both. Each writes one results file
# per run under OUT/baseline and OUT/candidate; then `framebench compare OUT/baseline
# OUT/candidate` judges every case (bootstrap over runs and repetitions; Swift cases against
# their interleaved C reference). Its exit status is this script's: 0 no regression,
# 1 regression, 2 bad input.
#
# A baseline recorded earlier, or on another machine, is not comparable this way: times
# drift by tens of percent between runs minutes apart on a shared machine. For a committed
# baseline use instruction counts (scripts/instructions.sh), which do not drift.
#
# Usage: scripts/gate-compare.sh BASELINE_FRAMEBENCH CANDIDATE_FRAMEBENCH [options] [-- frames options]
#   --runs K         runs per side (default 3; 3 or more lets the bootstrap see run-to-run spread)
#   --out DIR        where the results go (default: a new temporary directory, kept)
#   --threshold PCT  passed to compare (default: compare's, 3)
#   -- ...           frames options (default: --backend openssl --backend sodium
#                    --sizes 64,1200,16384 --seconds 0.25 --warmup 0.1). swift-crypto is left
#                    out by default: it has no C reference, so it could only be judged on
#                    absolute ns/frame, which drifts on a shared machine.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,23p' "$0" >&2; exit 2; }
baseline=$1 candidate=$2; shift 2
runs=3 out="" compare_args=()
frames_args=(--backend openssl --backend sodium --sizes 64,1200,16384 --seconds 0.25 --warmup 0.1)
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --threshold) compare_args+=(--threshold "$2"); shift 2 ;;
        --) shift; frames_args=("$@"); break ;;
        *) echo "error: unknown option $1" >&2; exit 2 ;;
    esac
done
for binary in "$baseline" "$candidate"; do
    [ -x "$binary" ] || { echo "error: $binary is not an executable framebench" >&2; exit 2; }
done
out=${out:-$(mktemp -d /tmp/framebench-gate.XXXXXX)}
mkdir -p "$out/baseline" "$out/candidate"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$(($(nproc) - 1))"); fi

for run in $(seq "$runs"); do
    echo "== run $run/$runs: baseline and candidate side by side${pin:+ on CPU $(($(nproc) - 1))}" >&2
    "${pin[@]}" "$baseline" frames "${frames_args[@]}" --output "$out/baseline/run-$run.json" --force >/dev/null 2>"$out/baseline/run-$run.log" &
    first=$!
    "${pin[@]}" "$candidate" frames "${frames_args[@]}" --output "$out/candidate/run-$run.json" --force >/dev/null 2>"$out/candidate/run-$run.log" &
    second=$!
    wait "$first" || { cat "$out/baseline/run-$run.log" >&2; exit 2; }
    wait "$second" || { cat "$out/candidate/run-$run.log" >&2; exit 2; }
done
echo "== results in $out" >&2
set +e
"$candidate" compare "$out/baseline" "$out/candidate" "${compare_args[@]}" | tee "$out/compare.txt"
status=${PIPESTATUS[0]}
"$candidate" compare "$out/baseline" "$out/candidate" "${compare_args[@]}" --json >"$out/compare.json"
exit "$status"
