#!/usr/bin/env bash
# Formats FrameBench's Swift sources with the toolchain's swift-format and the repository's
# .swift-format configuration, or checks that they are formatted.
#
#   scripts/format.sh           rewrite the files in place
#   scripts/format.sh --check   change nothing; exit 1 and list each deviation when any file
#                               is not formatted as `scripts/format.sh` would leave it
#
# .ci/run runs the check. swift-format ships with the Swift toolchain (`swift format`).
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks Plugins Fuzz/Package.swift Fuzz/Sources)
case "${1:-}" in
  "")
    swift format format --in-place --recursive --parallel "${paths[@]}"
    ;;
  --check)
    # lint --strict reports every line that `format` would change, and the configured rules,
    # as errors with file:line:column.
    if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
      echo "error: Swift sources are not formatted; run scripts/format.sh and commit the result" >&2
      exit 1
    fi
    echo "format: every Swift file matches .swift-format"
    ;;
  *)
    echo "usage: scripts/format.sh [--check]" >&2
    exit 2
    ;;
esac
