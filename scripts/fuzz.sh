#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs default to all four: FuzzSFrameHeader,
# FuzzReceiverOpen, FuzzResultsReader, FuzzTraceReader. Each runs on a working corpus in
# $FUZZ_WORK/<target> (default Fuzz/.corpus-work, kept between runs and not committed),
# seeded from the committed Fuzz/Corpus/<target>, with Fuzz/Dictionaries/<target>.dict if
# present. Prints per target: executions, exec/s, coverage (cov/ft) and the result. Exits 1
# if any target crashed, timed out or ran out of memory, naming the reproducer; 2 on a usage
# or build error.
#
# Environment:
#   FUZZ_SCRATCH     SwiftPM scratch path for the fuzz build (default Fuzz/.build)
#   FUZZ_SANITIZERS  -sanitize= value (default fuzzer,address; fuzzer alone is faster)
#   FUZZ_WORK        working corpora, logs and crash inputs (default Fuzz/.corpus-work)
#   FUZZ_PARALLEL    targets run at once (default 1)
#   FUZZ_RSS_MB      libFuzzer -rss_limit_mb (default 2048)
#   FUZZ_TIMEOUT     libFuzzer -timeout per input, seconds (default 10)
#   FUZZ_SKIP_BUILD  1: use the binaries already built
#
# Reproduce a crash:  Fuzz/.build/release/<target> <crash-file>
# (FRAMEBENCH_FUZZ_VERBOSE=1 makes the harness say what it did with the input.)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

all_targets=(FuzzSFrameHeader FuzzReceiverOpen FuzzResultsReader FuzzTraceReader)
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]  (targets: ${all_targets[*]})" >&2
  exit 2
fi
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  if [[ ! " ${all_targets[*]} " =~ " $target " ]]; then
    echo "error: unknown target '$target' (known: ${all_targets[*]})" >&2
    exit 2
  fi
done

scratch="${FUZZ_SCRATCH:-$root/Fuzz/.build}"
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
work="${FUZZ_WORK:-$root/Fuzz/.corpus-work}"
parallel="${FUZZ_PARALLEL:-1}"
rss_mb="${FUZZ_RSS_MB:-2048}"
timeout_s="${FUZZ_TIMEOUT:-10}"

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the fuzzers (-sanitize=$sanitizers, scratch $scratch)"
  start=$(date +%s)
  build_log="$(mktemp)"
  # gold warns about every ASan helper symbol it cannot export; that noise is filtered.
  if ! swift build -c release --package-path Fuzz --scratch-path "$scratch" \
      -Xswiftc "-sanitize=$sanitizers" >"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
    rm -f "$build_log"
    echo "error: the fuzz build failed" >&2
    exit 2
  fi
  grep -v "Cannot export local symbol" "$build_log" | grep -E "warning:|Compiling|Build complete" | tail -3 || true
  rm -f "$build_log"
  echo "   built in $(( $(date +%s) - start )) s"
fi
bin="$scratch/release"

# Runs one target; writes its log to $work/<target>.log and a summary line to
# $work/<target>.summary.
run_target() {
  local target="$1"
  local corpus="$work/$target" artifacts="$work/artifacts/$target/" log="$work/$target.log"
  mkdir -p "$corpus" "$artifacts"
  local args=(
    "$corpus" "$root/Fuzz/Corpus/$target"
    -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout="$timeout_s"
    -artifact_prefix="$artifacts" -print_final_stats=1
  )
  [ -f "$root/Fuzz/Dictionaries/$target.dict" ] && args+=(-dict="$root/Fuzz/Dictionaries/$target.dict")
  local status=0
  # Swift's own crash backtracer would hold the process open; libFuzzer reports crashes.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    "$bin/$target" "${args[@]}" >"$log" 2>&1 || status=$?

  local final runs rate cov ft corp result
  final="$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)"
  runs="$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*//p' "$log" | tail -1)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$final")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$final")"
  corp="$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$final")"
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    local unit kind
    unit="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
    kind="$(grep -oE 'ERROR: libFuzzer: [a-z -]+|ERROR: AddressSanitizer: [a-z-]+|Fatal error: .*' "$log" | head -1 || true)"
    result="FAILED (exit $status${kind:+: $kind}) input: ${unit:-none written} log: $log"
  fi
  printf '%-18s %6s s  %12s runs  %8s exec/s  cov %-6s ft %-6s corpus %-10s %s\n' \
    "$target" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result" \
    >"$work/$target.summary"
  [ "$status" -eq 0 ]
}

mkdir -p "$work"
echo "== fuzzing ${targets[*]}: $seconds s each, $parallel at a time (working corpora in $work)"
failed=0
pids=()
names=()
for target in "${targets[@]}"; do
  rm -f "$work/$target.summary"
  run_target "$target" &
  pids+=($!)
  names+=("$target")
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do sleep 1; done
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed=1
done
for target in "${names[@]}"; do
  cat "$work/$target.summary" 2>/dev/null || { echo "$target: no result"; failed=1; }
done
if [ "$failed" -ne 0 ]; then
  # A CI machine's files are gone after the run: print what reproduces the failure here,
  # the crashing input (base64, up to 64 KiB) and the end of the fuzzer's log (its stack).
  for target in "${names[@]}"; do
    grep -q "FAILED" "$work/$target.summary" 2>/dev/null || continue
    echo "== $target: the end of $work/$target.log" >&2
    grep -v "^#[0-9]" "$work/$target.log" | tail -40 >&2 || true
    for unit in $(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$work/$target.log"); do
      [ -f "$unit" ] || continue
      if [ "$(stat -c %s "$unit")" -le 65536 ]; then
        echo "== $target: the input $unit, base64 (decode with: base64 -d > input):" >&2
        base64 -w 100 "$unit" >&2
      else
        echo "== $target: the input $unit is $(stat -c %s "$unit") bytes; not printed" >&2
      fi
    done
  done
  echo "FAIL: a fuzzer found a problem; reproduce with $bin/<target> <input> (see docs/fuzzing.md)" >&2
  exit 1
fi
echo "ok: no crashes"
