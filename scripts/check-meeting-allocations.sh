#!/usr/bin/env bash
# Checks that the meeting suite's per-frame loops make no heap allocation: runs a release
# `framebench meeting` under valgrind's memcheck with an allocation tree (--xtree-memory), at
# two media lengths ten times apart, in meeting mode on 2 threads and in client mode, and
# reports the allocations made inside MeetingLoops.sealSeats, .openReceivers and
# .sealForwarded (every seal and open of the suite runs inside one of them; they are never
# inlined, for this purpose) and in the whole run. Exits 1 if the loops allocated at all.
#
# Checked: openssl and sodium, named explicitly. swift-crypto is left out on purpose: its
# AES.GCM API allocates on every seal and open by design (SwiftCryptoContext; its per-frame
# count is checked by scripts/check-allocations.sh and the package-benchmark thresholds).
#
# Rekeys (key shares, new keyrings) run between the loops, in the serial section, and are
# expected to allocate; so are set-up and reporting. With two joins/leaves per case and a
# grace period shorter than the run, both rekeys and a grace expiry happen in every case.
#
# Stacks are recorded 64 frames deep (--num-callers=64): at valgrind's default of 12, an
# allocation made deep inside a library (swift-crypto's are 13+ frames below the loop) loses
# the loop from its stack and is silently not counted.
#
# Needs valgrind (Debian: apt-get install -y valgrind). Valgrind 3.19 cannot read the DWARF 5
# the Swift compiler emits, so the binary is stripped of debug info first.
#
# Usage: scripts/check-meeting-allocations.sh [SCRATCH_PATH]   (default .build)
set -euo pipefail
scratch=${1:-.build}
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product framebench >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/framebench" "$scratch/release/framebench"
# A zero below means something only if the functions exist on their own (were not inlined).
nm "$work/framebench" > "$work/symbols.txt"
for f in 'MeetingLoopsO9sealSeats' 'MeetingLoopsO13openReceivers' 'MeetingLoopsO13sealForwarded'; do
    grep -q "$f" "$work/symbols.txt" || { echo "error: $f is not a separate function in the binary" >&2; exit 2; }
done

status=0
for mode in "meeting --threads 2" "client"; do
    for seconds in 0.3 3; do
        name="${mode%% *}-$seconds"
        # shellcheck disable=SC2086
        valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-$name.kcg" \
            "$work/framebench" meeting --backend openssl --backend sodium --participants 12 --mode $mode --seconds "$seconds" --warmup 0.1 \
            --grace-ms 100 --churn 2 --json >/dev/null 2>"$work/valgrind-$name.txt"
        # Inclusive allocated-block counts per function; a loop is absent when it allocated nothing.
        measured=$(callgrind_annotate --inclusive=yes --threshold=100 "$work/xtree-$name.kcg" \
            | grep -E 'MeetingLoopsO(9sealSeats|13openReceivers|13sealForwarded)' | sed -E 's/\([^)]*\)//g' \
            | awk '{ gsub(",", "", $4); s += $4 } END { print s + 0 }' || true)
        total=$(grep -o 'total heap usage: [0-9,]* allocs' "$work/valgrind-$name.txt" | grep -o '[0-9,]* allocs')
        echo "--mode ${mode} --seconds $seconds: $measured allocations inside the per-frame loops; $total in the whole run"
        [ "$measured" = 0 ] || status=1
    done
done
exit $status
