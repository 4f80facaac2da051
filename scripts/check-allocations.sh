#!/usr/bin/env bash
# Checks that the frames suite's measured loop makes no heap allocation: runs a release
# `framebench frames` under valgrind's memcheck with an allocation tree (--xtree-memory), at
# two frame counts ten times apart, and reports the allocations made inside
# InterleavedGroup.measure (the interleaved, timed batches; never inlined for this purpose)
# and in the whole run. Exits 1 if the measured loop allocated at all.
#
# Checked: openssl and sodium (and their C references), named explicitly. NOT held to 0,
# by design: swift-crypto, whose public AES.GCM API returns new Data on every call. It is
# run separately, seal and open, and its allocations per frame are printed (and must equal
# the count documented in SwiftCryptoContext: seal 9, open 5), so a change in either
# direction is seen.
#
# Stacks are recorded 64 frames deep (--num-callers=64): at valgrind's default of 12, an
# allocation made deep inside a library (swift-crypto's are 13+ frames below the loop) loses
# the loop from its stack and is silently not counted.
#
# Needs valgrind (Debian: apt-get install -y valgrind). Valgrind 3.19 cannot read the DWARF 5
# the Swift compiler emits, so the binary is stripped of debug info first.
#
# Usage: scripts/check-allocations.sh [SCRATCH_PATH]   (default .build)
# FRAMEBENCH_ALLOCATION_COUNTS="1000 10000" sets the two frame counts (default "10000 100000";
# the CI gate uses the smaller pair: memcheck runs the loop some 50 times slower).
set -euo pipefail
scratch=${1:-.build}
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product framebench >&2
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
# The two runs are independent and single-threaded: run them at once.
pids=()
for count in $counts; do
    valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-$count.kcg" \
        "$work/framebench" frames --backend openssl --backend sodium --sizes 64,1200 --count "$count" \
        --batch-size 10 --warmup 0 --json \
        >/dev/null 2>"$work/valgrind-$count.txt" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { echo "error: valgrind failed" >&2; cat "$work"/valgrind-*.txt >&2; exit 2; }; done
for count in $counts; do
    # Inclusive allocated-block counts per function; "measure" is absent when it allocated nothing.
    measured=$(callgrind_annotate --inclusive=yes --threshold=100 "$work/xtree-$count.kcg" \
        | grep 'InterleavedGroupO7measure' | sed -E 's/\([^)]*\)//g' | awk '{ print $4 }' | tr -d , || true)
    total=$(grep -o 'total heap usage: [0-9,]* allocs' "$work/valgrind-$count.txt" | grep -o '[0-9,]* allocs')
    echo "--count $count: ${measured:-0} allocations inside the measured loop; $total in the whole run"
    [ "${measured:-0}" = 0 ] || status=1
done

# swift-crypto: exempt from 0, checked against its documented per-frame count.
sc_count=1000
for op_expected in seal:9 open:5; do
    op=${op_expected%:*} expected=${op_expected#*:}
    valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-sc-$op.kcg" \
        "$work/framebench" frames --backend swift-crypto --operations "$op" --sizes 64,1200 --count "$sc_count" \
        --batch-size 10 --warmup 0 --json >/dev/null 2>"$work/valgrind-sc-$op.txt" \
        || { echo "error: valgrind failed (swift-crypto $op)" >&2; cat "$work/valgrind-sc-$op.txt" >&2; exit 2; }
    measured=$(callgrind_annotate --inclusive=yes --threshold=100 "$work/xtree-sc-$op.kcg" \
        | grep 'InterleavedGroupO7measure' | sed -E 's/\([^)]*\)//g' | awk '{ print $4 }' | tr -d , || true)
    per_frame=$(python3 -c "print(f'{${measured:-0} / (2 * $sc_count):g}')")
    echo "swift-crypto $op (exempt from 0, allocates by design): ${measured:-0} allocations in $((2 * sc_count)) frames = $per_frame per frame (documented: $expected)"
    [ "$per_frame" = "$expected" ] || { echo "error: swift-crypto $op allocates $per_frame per frame, not the documented $expected" >&2; status=1; }
done
exit $status
