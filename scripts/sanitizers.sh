#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and/or
# ThreadSanitizer, each in a scratch directory of its own so the normal build is untouched.
#
#   scripts/sanitizers.sh address   # ASan + LSan: out-of-bounds, use-after-free, leaks
#   scripts/sanitizers.sh thread    # TSan: data races (the 2-thread meeting runs included)
#   scripts/sanitizers.sh all       # both, one after the other (default)
#
# Any report fails the run: the sanitizers halt on the first error, and the CLI processes
# the tests launch are built with the same sanitizer, so a report there changes their exit
# status and fails the test that launched them. Scratch directories default to
# .build-asan and .build-tsan (SANITIZER_SCRATCH_PREFIX overrides the ".build-" part).
# Extra arguments go to `swift test` (for instance --filter MeetingSuiteTests).
# Suppressions, if ever needed for third-party false positives, go in
# scripts/sanitizers/<name>.supp with the reason beside each line (asan.supp: three leaks in
# Foundation and XCTest, none in FrameBench).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
shift || true
prefix="${SANITIZER_SCRATCH_PREFIX:-.build-}"

run() {
  local sanitizer="$1" short="$2"
  shift 2
  local scratch="${prefix}${short}"
  local supp="scripts/sanitizers/${short}.supp"
  echo "== swift test --sanitize=$sanitizer (scratch $scratch)"
  local started=$SECONDS
  case "$sanitizer" in
    address)
      export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
      [ -f "$supp" ] && export LSAN_OPTIONS="suppressions=$PWD/$supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
      ;;
    thread)
      export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
      [ -f "$supp" ] && export TSAN_OPTIONS="$TSAN_OPTIONS:suppressions=$PWD/$supp"
      ;;
  esac
  swift test --scratch-path "$scratch" --sanitize="$sanitizer" "$@"
  echo "== $sanitizer sanitizer: clean ($((SECONDS - started)) s)"
}

case "$mode" in
  address) run address asan "$@" ;;
  thread) run thread tsan "$@" ;;
  all) run address asan "$@"; run thread tsan "$@" ;;
  *) echo "usage: $0 address|thread|all [swift test arguments…]" >&2; exit 2 ;;
esac
