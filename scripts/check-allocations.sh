#!/usr/bin/env bash
# Checks that the frames suite's measured loop makes no heap allocation: runs a release
# `framebench frames` under valgrind's memcheck with an allocation tree (--xtree-memory), at
# two frame counts ten times apart, and reports the allocations made inside
# InterleavedGroup.measure (the interleaved, timed batches; never inlined for this purpose)
# and in the whole run. Exits 1 if the measured loop allocated at all.
#
# Checked: openssl and sodium (and their C references), named explicitly, and every optional
# library the build has (FRAMEBENCH_TRAITS=AllBackends: nettle, libgcrypt, mbedtls, wolfssl,
# with their C references; the floor reference runs beside each), and every SFrame suite's
# AEAD on openssl beside its C reference (AES-128-GCM, AES-CTR + HMAC). NOT held to 0, by design:
# swift-crypto, whose public AES.GCM API returns new Data on every call, and botan, whose
# library allocates inside its own FFI calls (its C reference alike). Each is run separately,
# seal and open, and its allocations per frame are printed and must equal the documented count
# (SwiftCryptoContext.allocationsPerFrame: seal 9, open 5; BotanContext.allocationsPerFrame:
# seal 2, open 2), so a change in either direction is seen.
#
# Stacks are recorded 64 frames deep (--num-callers=64): at valgrind's default of 12, an
# allocation made deep inside a library (swift-crypto's are 13+ frames below the loop) loses
# the loop from its stack and is silently not counted.
#
# Needs valgrind (Debian: apt-get install -y valgrind). Valgrind 3.19 cannot read the DWARF 5
# the Swift compiler emits, so the binary is stripped of debug info first.
#
# The counts come from scripts/xtree-allocations.py, which fails (exit 2) rather than read an
# unreadable tree as 0, and a positive control runs the same check with one allocation
# injected per frame (framebench frames --synthetic-allocations 1) and must count exactly it.
#
# Usage: scripts/check-allocations.sh [SCRATCH_PATH]   (default .build)
# FRAMEBENCH_ALLOCATION_COUNTS="1000 10000" sets the two frame counts (default "10000 100000";
# the CI gate uses the smaller pair: memcheck runs the loop some 50 times slower).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
# perf-gate.sh has just built it (FRAMEBENCH_PREBUILT=1): a no-op build still costs a minute.
[ "${FRAMEBENCH_PREBUILT:-0}" = 1 ] && [ -x "$scratch/release/framebench" ] \
    || swift build -c release --scratch-path "$scratch" --product framebench ${FRAMEBENCH_TRAITS:+--traits "$FRAMEBENCH_TRAITS"} >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/framebench" "$scratch/release/framebench"
# A zero below means something only if the function exists on its own (was not inlined).
# (Through a file: `nm | grep -q` under pipefail fails when grep exits early and nm gets SIGPIPE.)
nm "$work/framebench" >"$work/symbols.txt"
grep -q 'InterleavedGroupO7measure' "$work/symbols.txt" \
    || { echo "error: InterleavedGroup.measure is not a separate function in the binary" >&2; exit 2; }

status=0
counts=${FRAMEBENCH_ALLOCATION_COUNTS:-10000 100000}
# Allocations inside InterleavedGroup.measure, from an allocation tree; scripts/xtree-allocations.py
# exits 2 (never "0") when the tree cannot be read.
measured_in() {
    local counted
    counted=$(python3 scripts/xtree-allocations.py "$1" 'InterleavedGroupO7measure') || exit 2
    awk -F'\t' 'NR == 1 { print $1 }' <<<"$counted"
}
run_frames() {  # $1 = output name, then framebench frames arguments
    local name=$1; shift
    valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-$name.kcg" \
        "$work/framebench" frames "$@" --batch-size 10 --warmup 0 --json >/dev/null 2>"$work/valgrind-$name.txt"
}
# The two runs are independent and single-threaded: run them at once.
pids=()
for count in $counts; do
    run_frames "$count" --backend openssl --backend sodium --sizes 64,1200 --count "$count" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { echo "error: valgrind failed" >&2; cat "$work"/valgrind-*.txt >&2; exit 2; }; done
for count in $counts; do
    measured=$(measured_in "$work/xtree-$count.kcg")
    total=$(grep -o 'total heap usage: [0-9,]* allocs' "$work/valgrind-$count.txt" | grep -o '[0-9,]* allocs') \
        || { echo "error: valgrind printed no heap summary for --count $count" >&2; exit 2; }
    echo "--count $count: $measured allocations inside the measured loop; $total in the whole run"
    [ "$measured" = 0 ] || status=1
done

# Positive control: the same run with one known allocation per Swift frame
# (--synthetic-allocations 1) must show exactly one per frame: 2 backends x 2 sizes x 2
# operations = 8 Swift cases of N frames each. A check that cannot see this one cannot be
# trusted to see any.
control=1000
run_frames control --backend openssl --backend sodium --sizes 64,1200 --count "$control" --synthetic-allocations 1 \
    || { echo "error: valgrind failed (positive control)" >&2; cat "$work/valgrind-control.txt" >&2; exit 2; }
measured=$(measured_in "$work/xtree-control.kcg")
expected=$((8 * control))
echo "positive control: $measured allocations inside the measured loop with 1 injected per Swift frame (expected $expected)"
[ "$measured" = "$expected" ] || { echo "error: the check does not see allocations made in the loop ($measured, expected $expected)" >&2; status=1; }

# The optional libraries (package traits: FRAMEBENCH_TRAITS=AllBackends builds them in): each
# one this binary has, with its C reference, held to 0 inside the measured loop, seal and open,
# at 64 and 1200 B, AES-128-GCM and AES-256-GCM (suites 4 and 5), except botan, whose library allocates inside its own calls (2 per seal and
# 2 per open, in its C reference too: BotanContext.allocationsPerFrame); it is held to exactly
# that count below, as swift-crypto is.
optional=$("$work/framebench" backends --json | python3 -c '
import json, sys
names = ("nettle", "libgcrypt", "mbedtls", "wolfssl", "botan")
print(" ".join(e["name"] for e in json.load(sys.stdin) if e["name"] in names and e["available"]))')
opt_count=1000
for backend in $optional; do
    [ "$backend" = botan ] && continue
    run_frames "opt-$backend" --backend "$backend" --suites 4,5 --sizes 64,1200 --count "$opt_count" \
        || { echo "error: valgrind failed ($backend)" >&2; cat "$work/valgrind-opt-$backend.txt" >&2; exit 2; }
    measured=$(measured_in "$work/xtree-opt-$backend.kcg")
    echo "$backend (optional library; suites 4 and 5, seal and open, 64 and 1200 B, Swift and C, $opt_count frames each): $measured allocations inside the measured loop"
    [ "$measured" = 0 ] || status=1
done
[ -n "$optional" ] || echo "optional libraries: none in this build (FRAMEBENCH_TRAITS=AllBackends builds them in)"

# Every SFrame suite's AEAD on openssl (AES-128-GCM and AES-CTR + HMAC, keyed once), beside
# OpenSSL's C reference for each suite (suites.c), at two counts: 0 allocations inside the loop.
for count in 1000 5000; do
    run_frames "suites-$count" --backend openssl --suites 1,2,3,4,6,7,8 --sizes 64,1200 --count "$count" \
        || { echo "error: valgrind failed (suites)" >&2; cat "$work/valgrind-suites-$count.txt" >&2; exit 2; }
    measured=$(measured_in "$work/xtree-suites-$count.kcg")
    echo "openssl suites 1-4, 6-8 (seal and open, 64 and 1200 B, Swift and C, $count frames each): $measured allocations inside the measured loop"
    [ "$measured" = 0 ] || status=1
done

# swift-crypto (and botan, when built in): exempt from 0, checked against the documented
# per-frame count, the Swift case alone (botan's C reference makes the same library calls).
sc_count=1000
exempt="swift-crypto:seal:9 swift-crypto:open:5"
case " $optional " in *" botan "*) exempt="$exempt botan:seal:2 botan:open:2" ;; esac
for entry in $exempt; do
    backend=${entry%%:*} rest=${entry#*:}
    op=${rest%:*} expected=${rest#*:}
    valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-ex-$backend-$op.kcg" \
        "$work/framebench" frames --backend "$backend" --no-reference --operations "$op" --sizes 64,1200 --count "$sc_count" \
        --batch-size 10 --warmup 0 --json >/dev/null 2>"$work/valgrind-ex-$backend-$op.txt" \
        || { echo "error: valgrind failed ($backend $op)" >&2; cat "$work/valgrind-ex-$backend-$op.txt" >&2; exit 2; }
    measured=$(measured_in "$work/xtree-ex-$backend-$op.kcg")
    per_frame=$(python3 -c "print(f'{$measured / (2 * $sc_count):g}')")
    echo "$backend $op (exempt from 0, its API allocates): $measured allocations in $((2 * sc_count)) frames = $per_frame per frame (documented: $expected)"
    [ "$per_frame" = "$expected" ] || { echo "error: $backend $op allocates $per_frame per frame, not the documented $expected" >&2; status=1; }
done
exit $status
