#!/usr/bin/env bash
# Enforces the package-benchmark suites' 0-allocation thresholds: runs every AEAD and SFrame
# seal/open benchmark and checks its p90 mallocCountTotal against the committed
# Benchmarks/Thresholds/<target>.<name>.p90.json files ({"mallocCountTotal": 0}).
#
# Why the files: in package-benchmark 1.38.1 a threshold in a benchmark's configuration is an
# allowed *deviation* from a reference value (a baseline, or a p90 thresholds file); with
# no reference nothing is checked. `thresholds check` reads the reference from the files and
# fails (exit 2) when any benchmark's p90 malloc count differs from 0 by more than the
# configured absolute deviation, 0. Benchmarks without a file (the rekeys) are not checked.
#
# EXEMPT from 0, by design: the swift-crypto benchmarks. swift-crypto's public AES.GCM API
# returns new Data on every call, so its files record its real count per frame (AEAD and
# SFrame alike: seal 9, open 5) and the check holds it to exactly that count.
#
# Usage: scripts/check-benchmark-allocations.sh [SCRATCH_PATH] [benchmark options]
# With no options after the scratch path it checks the 64, 100, 1200 and 16384 B seal and open
# benchmarks (48 of the 84 files; each benchmark runs for up to a second); pass e.g.
# --filter '.*' to check all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build}
shift || true
# Every seal and open benchmark must have its thresholds file: a benchmark without one is
# checked by nothing. Expected names: each built-in default backend (framebench backends; the
# optional libraries are not in the benchmark plugin's default-trait build) x the sizes
# the benchmark sources declare (frameSizes, sframeSizes) x seal/open.
framebench="$scratch/release/framebench"
[ -x "$framebench" ] || swift build -c release --scratch-path "$scratch" --product framebench ${FRAMEBENCH_TRAITS:+--traits "$FRAMEBENCH_TRAITS"} >&2
python3 - "$framebench" <<'PY' || exit 1
import json, os, re, subprocess, sys
# The benchmark plugin builds the package's default traits, which hold no optional library, so
# the benchmarks cover the built-in backends; the optional libraries' loops are held to their
# allocation counts by scripts/check-allocations.sh instead.
optional = {"nettle", "libgcrypt", "mbedtls", "wolfssl", "botan"}
backends = [b["name"] for b in json.loads(subprocess.run([sys.argv[1], "backends", "--json"], capture_output=True, text=True, check=True).stdout) if not b["variant"] and b["name"] not in optional]
def sizes(path, name):
    m = re.search(r"let " + name + r" = \[([\d, ]+)\]", open(path).read())
    if not m:
        sys.exit(f"error: no `let {name} = [...]` in {path}")
    return [int(x) for x in m.group(1).split(",")]
expected = [f"AEADBenchmarks.{b} {op} {n} B" for b in backends for op in ("seal", "open") for n in sizes("Benchmarks/AEADBenchmarks/AEADBenchmarks.swift", "frameSizes")]
expected += [f"SFrameBenchmarks.sframe {b} {op} {n} B" for b in backends for op in ("seal", "open") for n in sizes("Benchmarks/SFrameBenchmarks/SFrameBenchmarks.swift", "sframeSizes")]
missing = [e for e in expected if not os.path.exists(f"Benchmarks/Thresholds/{e}.p90.json")]
if missing:
    sys.exit("error: seal/open benchmarks with no thresholds file (nothing checks them):\n  " + "\n  ".join(missing))
print(f"thresholds files: all {len(expected)} seal/open benchmarks have one")
PY
[ $# -gt 0 ] || set -- --filter '.* (64|100|1200|16384) B'
swift package --scratch-path "$scratch" --disable-sandbox benchmark thresholds check \
    --path Benchmarks/Thresholds --no-progress "$@"
