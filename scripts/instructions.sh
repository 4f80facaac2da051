#!/usr/bin/env bash
# The deterministic instruction gate: instructions per frame in FrameBench's own code (gated
# against results/instructions-baseline.json on any machine with the same Swift toolchain)
# and in the crypto libraries (printed; judged only against a record of the same library
# version and CPU features), counted by callgrind for every backend x layer (aead, sframe) x
# seal/open x frame size. How and why: the docstring of scripts/instructions.py.
#
# Usage: scripts/instructions.sh [--check | --record | --self-test] [options]
#   --check            gate against the baseline (default); exit 1 on a regression
#   --record           write this run into the baseline (this toolchain's entry)
#   --self-test        check, then prove a deliberate +2 % of own code per frame turns it red
#   --baseline FILE    default results/instructions-baseline.json
#   --tolerance PCT    allowed own-code increase per case (default 1)
#   --output FILE      also write this run's counts here
#   --scratch DIR      build scratch path (default .build); --binary PATH skips the build
# Exit status: 0 pass (or a baseline recorded for a toolchain that had none), 1 a regression
# or a self-test that missed its injection, 2 a usage or tool error. An environment that
# differs from the baseline's (another CPU, another library version, another toolchain) is
# never an error.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build binary="" args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --scratch) scratch=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
if [ -z "$binary" ]; then
    swift build -c release --scratch-path "$scratch" --product framebench ${FRAMEBENCH_TRAITS:+--traits "$FRAMEBENCH_TRAITS"} >&2
    binary="$scratch/release/framebench"
fi
exec python3 scripts/instructions.py --binary "$binary" "${args[@]}"
