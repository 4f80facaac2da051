#!/usr/bin/env python3
"""Regenerate Tests/Vectors, the trimmed in-repo copy of the public test vectors, from the
full originals (../shared/vectors beside the project, or $FRAMEBENCH_VECTORS, or the folder
given as the first argument).

Deterministic: the same originals always give the same bytes. Each original is checked
against the git blob id recorded in Tests/Vectors/PROVENANCE.md before it is read; a
different file is refused (exit 2), so the trimmed copy always comes from the versions named
there. What is kept (the same criteria as Tests/FrameVectorsTests/TrimmedVectorsTests.swift,
which checks the copy record for record against the originals):

- wycheproof/aes_gcm_test.json: the test groups with ivSize 96 and tagSize 128 and keySize
  128 or 256 (AES-128-GCM and AES-256-GCM, SFrame's suites 4 and 5), each group whole and in
  the original order; every other top-level field as is, except numberOfTests, which counts
  the tests kept. Written as upstream writes it (2-space indent, final newline).
- nist/gcm{EncryptExtIV,Decrypt}{128,256}.rsp: the header comment lines, then every section
  ([Keylen] [IVlen] [PTlen] [AADlen] [Taglen] and its records) with IVlen = 96 and
  Taglen = 128, as the original bytes, in the original order.
- sframe/test-vectors.json, test-vectors-head.json, test-vectors-aes256.json: whole.

Usage: scripts/trim-vectors.py [FULL_VECTORS_DIR]   (writes Tests/Vectors/...)
"""
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Vectors")

# Git blob ids of the originals (SOURCES.md beside them; PROVENANCE.md here).
BLOBS = {
    "wycheproof/aes_gcm_test.json": "223f53cad33d78013ed635d94889836c036e1d58",
    "nist/gcmEncryptExtIV128.rsp": "c2249c2ff437297f688849f86ad665dbb78913b2",
    "nist/gcmEncryptExtIV256.rsp": "0fa41fe08bd06b67eec8765f0a871734a6568f70",
    "nist/gcmDecrypt128.rsp": "85f0aeed19d1f4a6b9c25975f48e374a00dbe588",
    "nist/gcmDecrypt256.rsp": "5f5a18c1a93e8496893e5a4a42f74d41d17449e7",
    "sframe/test-vectors.json": "34c1948eb0e018bebb7b80dd174f3c2e25b60406",
    "sframe/test-vectors-head.json": "aea7767db3703ae3a315ef6ce723d48f3b40266d",
    "sframe/test-vectors-aes256.json": "7666abc35a71885fba5de79916079ff3775ea381",
}

WYCHEPROOF_KEY_SIZES = (128, 256)


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def trim_wycheproof(data: bytes) -> bytes:
    doc = json.loads(data)
    groups = [
        g for g in doc["testGroups"]
        if g["ivSize"] == 96 and g["tagSize"] == 128 and g["keySize"] in WYCHEPROOF_KEY_SIZES
    ]
    doc["testGroups"] = groups
    doc["numberOfTests"] = sum(len(g["tests"]) for g in groups)
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()


def trim_nist(data: bytes) -> bytes:
    text = data.decode("ascii")
    # A section starts at a "[Keylen = …]" line; everything before the first is the header.
    parts = re.split(r"(?m)^(?=\[Keylen = )", text)
    header, sections = parts[0], parts[1:]
    kept = [s for s in sections if re.search(r"(?m)^\[IVlen = 96\]$", s) and re.search(r"(?m)^\[Taglen = 128\]$", s)]
    body = "".join(kept)
    if not body.endswith("\n\n"):
        body = body.rstrip("\n") + "\n\n"
    return (header + body).encode("ascii")


def main() -> int:
    source = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FRAMEBENCH_VECTORS") or os.path.join(
        os.path.dirname(ROOT), "shared", "vectors")
    if not os.path.isdir(source):
        print(f"error: no vectors folder at {source}", file=sys.stderr)
        return 2
    for relative, blob in BLOBS.items():
        with open(os.path.join(source, relative), "rb") as f:
            data = f.read()
        if blob_id(data) != blob:
            print(f"error: {relative} is blob {blob_id(data)}, expected {blob} (PROVENANCE.md)", file=sys.stderr)
            return 2
        if relative.startswith("wycheproof/"):
            trimmed = trim_wycheproof(data)
        elif relative.startswith("nist/"):
            trimmed = trim_nist(data)
        else:
            trimmed = data
        target = os.path.join(OUT, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(trimmed)
        print(f"{relative}: {len(data)} -> {len(trimmed)} bytes, sha256 {hashlib.sha256(trimmed).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
