#!/usr/bin/env bash
# The quick, deterministic performance gate CI runs after the tests (.ci/run). Every check
# counts something that does not depend on how busy the machine is, so it neither flakes on
# a shared runner nor needs a quiet one:
#   1. allocations inside the frames suite's timed loop, under valgrind: must be 0
#      (scripts/check-allocations.sh, at 1000 and 10000 frames per case);
#   2. instructions per frame for each backend's seal and open at 64, 1200 and 16384 B,
#      under callgrind: within +1.5 % of results/instructions-baseline.json
#      (scripts/instructions.sh);
#   3. package-benchmark's AEAD and SFrame seal/open benchmarks: p90 malloc count 0
#      (scripts/check-benchmark-allocations.sh).
# Wall-clock comparisons need two builds run side by side; see scripts/gate-compare.sh.
#
# Usage: scripts/perf-gate.sh [SCRATCH_PATH]   (default .build). Exits non-zero if any check
# fails, after running them all.
set -uo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
start=$SECONDS
status=0

step() {
    local name=$1; shift
    local began=$SECONDS
    echo "== perf gate: $name"
    if "$@"; then
        echo "== perf gate: $name: passed ($((SECONDS - began)) s)"
    else
        echo "== perf gate: $name: FAILED ($((SECONDS - began)) s)"
        status=1
    fi
}

echo "== perf gate: release build"
swift build -c release --scratch-path "$scratch" --product framebench || exit 1
step "no allocation in the frames suite's timed loop" env FRAMEBENCH_ALLOCATION_COUNTS="1000 10000" \
    scripts/check-allocations.sh "$scratch"
step "instructions per frame vs results/instructions-baseline.json" \
    scripts/instructions.sh --check --binary "$scratch/release/framebench"
step "package-benchmark 0-allocation thresholds" scripts/check-benchmark-allocations.sh "$scratch"
echo "== perf gate: $([ $status = 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s"
exit $status
