#!/usr/bin/env bash
# Checks that the meeting suite's per-frame loops make no heap allocation: runs a release
# `framebench meeting` under valgrind's memcheck with an allocation tree (--xtree-memory), at
# two media lengths ten times apart, in meeting mode on 2 threads and in client mode, each
# sealing per frame and per packet (300-byte packets, so video frames take several), and
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
# The counts come from scripts/xtree-allocations.py, which fails (exit 2) rather than read an
# unreadable tree as 0; a positive control with one allocation injected per frame
# (framebench meeting --synthetic-allocations 1) must be seen in both modes.
#
# Usage: scripts/check-meeting-allocations.sh [SCRATCH_PATH]   (default .build)
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
# A zero below means something only if the functions exist on their own (were not inlined).
nm "$work/framebench" > "$work/symbols.txt"
for f in 'MeetingLoopsO9sealSeats' 'MeetingLoopsO13openReceivers' 'MeetingLoopsO13sealForwarded'; do
    grep -q "$f" "$work/symbols.txt" || { echo "error: $f is not a separate function in the binary" >&2; exit 2; }
done

status=0
loops='MeetingLoopsO(9sealSeats|13openReceivers|13sealForwarded)'
run_meeting() {  # $1 = output name, $2 = --mode value(s), $3 = seconds, then extra arguments
    local name=$1 mode=$2 seconds=$3; shift 3
    # shellcheck disable=SC2086
    valgrind --tool=memcheck --num-callers=64 --xtree-memory=full --xtree-memory-file="$work/xtree-$name.kcg" \
        "$work/framebench" meeting --backend openssl --backend sodium --participants 12 --mode $mode --seconds "$seconds" --warmup 0.1 \
        --grace-ms 100 --churn 2 --granularity frame,packet --mtu 300 --json "$@" >/dev/null 2>"$work/valgrind-$name.txt" \
        || { echo "error: valgrind failed ($name)" >&2; cat "$work/valgrind-$name.txt" >&2; exit 2; }
}
# Inclusive allocations inside the three loops, from the allocation tree;
# scripts/xtree-allocations.py exits 2 (never "0") when the tree cannot be read.
measured_in() {
    local counted
    counted=$(python3 scripts/xtree-allocations.py "$1" "$loops") || exit 2
    awk -F'\t' 'NR == 1 { print $1 }' <<<"$counted"
}
for mode in "meeting --threads 2" "client"; do
    for seconds in 0.3 3; do
        name="${mode%% *}-$seconds"
        run_meeting "$name" "$mode" "$seconds"
        measured=$(measured_in "$work/xtree-$name.kcg")
        total=$(grep -o 'total heap usage: [0-9,]* allocs' "$work/valgrind-$name.txt" | grep -o '[0-9,]* allocs') \
            || { echo "error: valgrind printed no heap summary ($name)" >&2; exit 2; }
        echo "--mode ${mode} --seconds $seconds: $measured allocations inside the per-frame loops; $total in the whole run"
        [ "$measured" = 0 ] || status=1
    done
done

# Positive control: one known allocation per sealed and opened frame
# (--synthetic-allocations 1) must be seen inside the loops, in both modes.
for mode in "meeting --threads 2" "client"; do
    name="control-${mode%% *}"
    run_meeting "$name" "$mode" 0.3 --synthetic-allocations 1
    measured=$(measured_in "$work/xtree-$name.kcg")
    echo "positive control, --mode $mode: $measured allocations inside the per-frame loops with 1 injected per frame (must be > 0)"
    [ "$measured" -gt 0 ] || { echo "error: the check does not see allocations made in the meeting loops ($mode)" >&2; status=1; }
done
exit $status
