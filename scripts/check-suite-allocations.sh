#!/usr/bin/env bash
# Checks that sealing and opening SFrame frames makes no heap allocation per frame for every
# cipher suite 1-8 on openssl (AES-GCM and AES-CTR + HMAC alike) and for suite 5 on sodium:
# runs the probe loop of Tests/FrameCryptoTests/SFrame/SuiteAllocationProbeTests.swift
# (allocationProbeLoop: SFrameSender.seal then SFrameReceiver.open, 100 B and 1200 B, 18 loop
# runs in all) under valgrind's memcheck with an allocation tree (--xtree-memory), at two
# frame counts ten times apart, and counts the allocations made inside the loop. The counts
# must be equal: what the loop allocates once (the Swift runtime's first-use metadata caches
# in a debug build) is the same at both, and anything per frame would grow tenfold. Exits 1
# if they differ.
#
# The probe runs through XCTest (FrameCryptoTests.SuiteAllocationProbe): valgrind 3.19 stops
# with an internal error in the Swift Testing runner's thread pool. It is the debug test
# build (what `swift build --build-tests` makes), so nothing is inlined away or specialised
# that a release build would make allocation-free; the frames suite's release check
# (scripts/check-allocations.sh) covers the harness loop. Valgrind 3.19 cannot read the
# DWARF 5 the Swift compiler emits, so the binary is stripped of debug info first.
#
# A positive control runs the loop with one allocation injected per frame
# (FRAMEBENCH_ALLOCATION_PROBE_INJECT=1) and must count exactly one more per frame.
#
# Usage: scripts/check-suite-allocations.sh [SCRATCH_PATH]   (default .build)
# FRAMEBENCH_ALLOCATION_COUNTS="1000 10000" sets the two frame counts (the default).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
swift build --build-tests --scratch-path "$scratch" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/tests.xctest" "$scratch/debug/FrameBenchPackageTests.xctest"
nm "$work/tests.xctest" >"$work/symbols.txt"
grep -q 'allocationProbeLoop' "$work/symbols.txt" \
    || { echo "error: allocationProbeLoop is not a function of its own in the test binary" >&2; exit 2; }

read -r small large <<<"${FRAMEBENCH_ALLOCATION_COUNTS:-1000 10000}"
probe() {  # $1 = name, $2 = frames, $3 = inject (0 or 1); prints the allocations inside the loop
    FRAMEBENCH_ALLOCATION_PROBE_FRAMES=$2 FRAMEBENCH_ALLOCATION_PROBE_INJECT=$3 \
        valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-$1.kcg" \
        "$work/tests.xctest" FrameCryptoTests.SuiteAllocationProbe >"$work/out-$1.txt" 2>&1 \
        || { echo "error: the probe failed under valgrind ($1)" >&2; cat "$work/out-$1.txt" >&2; exit 2; }
    grep -q 'Executed 1 test, with 0 failures' "$work/out-$1.txt" \
        || { echo "error: the probe did not pass ($1)" >&2; cat "$work/out-$1.txt" >&2; exit 2; }
}
measured() {
    local counted
    counted=$(python3 scripts/xtree-allocations.py "$work/xtree-$1.kcg" 'allocationProbeLoop') || exit 2
    awk -F'\t' 'NR == 1 { print $1 }' <<<"$counted"
}
# Single-threaded and independent: two at a time.
probe small "$small" 0 &
p1=$!
probe large "$large" 0 &
p2=$!
wait $p1 && wait $p2
probe control "$small" 1
loops=18  # 8 suites x 2 sizes on openssl, suite 5 x 2 sizes on sodium
grep -q 'SodiumContext' "$work/symbols.txt" || loops=16
a=$(measured small) b=$(measured large) c=$(measured control)
per_frame=$(python3 -c "print(f'{($b - $a) / ($loops * ($large - $small)):g}')")
echo "allocations inside the probe loop: $a at $small frames per case, $b at $large ($loops cases:" \
    "every suite 1-8 on openssl, suite 5 on sodium; seal + open, 100 and 1200 B) = $per_frame per frame"
status=0
[ "$a" = "$b" ] || { echo "error: allocations grow with the frame count: $a at $small, $b at $large" >&2; status=1; }
expected=$((a + loops * small))
echo "positive control: $c with 1 injected per frame (expected $expected)"
[ "$c" = "$expected" ] || { echo "error: the check does not see allocations made in the loop ($c, expected $expected)" >&2; status=1; }
exit $status
