#!/usr/bin/env bash
# The quick, deterministic performance gate CI runs after the tests (.ci/run). Every check
# counts something that does not depend on how busy the machine is, so it neither flakes on
# a shared runner nor needs a quiet one:
#   0. every registered backend's frames, SFrame and meeting loops specialised and not merged
#      into a shared body that calls through a function pointer, on the release binary's
#      symbols, and a self-test that a removed or merged copy is caught
#      (scripts/check-specializations.py); and every backend whose seal and open are
#      @inlinable (libgcrypt) inlined into the frames loops, with a self-test that a backend
#      still called is caught (scripts/check-inlined-backends.py);
#   1. allocations inside the frames suite's timed loop, under valgrind: must be 0 for
#      openssl and sodium, exactly the documented count for swift-crypto, and a positive
#      control (one injected allocation per frame) must be counted
#      (scripts/check-allocations.sh, at 1000 and 10000 frames per case); the same for the
#      meeting suite's seal and open loops, client and 2-thread meeting mode, churn and
#      grace expiry included (scripts/check-meeting-allocations.sh); and SFrame seal + open
#      for every cipher suite 1-8 on openssl (suite 5 on sodium), the same count at 1000 and
#      10000 frames, with its positive control (scripts/check-suite-allocations.sh, on the
#      debug test build);
#   2. instructions per frame under callgrind, for every backend x layer (backend call,
#      whole SFrame seal/open) x operation x size: FrameBench's own code (plus the Swift
#      toolchain's libraries) within +1 % of results/instructions-baseline.json for this
#      toolchain, on any CPU and with any library patch release; the crypto libraries'
#      share printed, judged only against a record of the same library version and CPU
#      features; then a deliberate +2 % of own code per frame must turn the gate red
#      (scripts/instructions.sh --self-test);
#   3. package-benchmark's AEAD and SFrame seal/open benchmarks at 64, 100, 1200 and
#      16384 B: p90 malloc count equal to its committed threshold file, 0 but for
#      swift-crypto (scripts/check-benchmark-allocations.sh).
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

# together NAME1 COMMAND1... -- NAME2 COMMAND2...: both steps at once, each one's output in a
# file of its own, printed in order (as step prints it) when both have finished.
together() {
    local first=$1; shift
    local one=()
    while [ "$1" != -- ]; do one+=("$1"); shift; done
    shift
    local second=$1; shift
    local out
    out=$(mktemp -d)
    local began=$SECONDS
    "${one[@]}" >"$out/1" 2>&1 &
    local pid1=$!
    "$@" >"$out/2" 2>&1 &
    local pid2=$!
    local status1=0 status2=0
    wait "$pid1" || status1=$?
    wait "$pid2" || status2=$?
    local elapsed=$((SECONDS - began)) i name code
    for i in 1 2; do
        if [ $i = 1 ]; then name=$first code=$status1; else name=$second code=$status2; fi
        echo "== perf gate: $name (run beside the other check of its pair)"
        cat "$out/$i"
        if [ "$code" = 0 ]; then
            echo "== perf gate: $name: passed (pair: $elapsed s)"
        else
            echo "== perf gate: $name: FAILED (exit $code; pair: $elapsed s)"
            status=1
        fi
    done
    rm -rf "$out"
}

echo "== perf gate: release build"
swift build -c release --scratch-path "$scratch" --product framebench ${FRAMEBENCH_TRAITS:+--traits "$FRAMEBENCH_TRAITS"} || exit 1
# The scripts below use this binary instead of each running a (no-op, but minute-long) build.
export FRAMEBENCH_PREBUILT=1
step "every registered backend's loops specialised and direct, and the check's self-test" \
    python3 scripts/check-specializations.py --binary "$scratch/release/framebench" --self-test
step "@inlinable backends inlined into the frames loops, and the check's self-test" \
    python3 scripts/check-inlined-backends.py --binary "$scratch/release/framebench" --self-test
step "no allocation in the frames suite's timed loop" env FRAMEBENCH_ALLOCATION_COUNTS="1000 10000" \
    scripts/check-allocations.sh "$scratch"
# Two checks at a time from here: each leaves a core idle for much of its run (a valgrind
# process, a callgrind job draining, a build's link), and every figure they check is a count
# (allocations, instructions), which another process on the machine cannot change. Each
# check's output is kept apart and printed whole when both are done (CI on 2 vCPUs: the
# pairs took 202 s and 284 s one after the other).
together \
    "no allocation in the meeting suite's per-frame loops" scripts/check-meeting-allocations.sh "$scratch" -- \
    "no allocation per frame in SFrame seal/open, every cipher suite" scripts/check-suite-allocations.sh "$scratch"
together \
    "instructions per frame vs results/instructions-baseline.json, and the +2 % self-test" \
    scripts/instructions.sh --self-test --binary "$scratch/release/framebench" -- \
    "package-benchmark 0-allocation thresholds" scripts/check-benchmark-allocations.sh "$scratch"
echo "== perf gate: $([ $status = 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s"
exit $status
